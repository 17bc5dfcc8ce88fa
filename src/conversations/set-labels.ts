import { and, eq } from 'drizzle-orm';
import { runInTransaction, type Db } from '../platform/db/client';
import { conversations } from './conversations.tables';
import { conversationLabels } from './labels.tables';
import { findLabel } from './labels.repository';
import { recordActionEvent } from './record-conversation-event';
import { actableConversation, publishChanged, type ChangeActor, type ChangeDeps } from './conversation-change';
import { createUnknownLabelError } from './conversation-changes.errors';
import type { Conversation } from './conversations.repository';

export interface SetLabelsInput {
  conversationId: string;
  add: string[];
  remove: string[];
  actor: ChangeActor;
}

/** Puts labels on a conversation and takes others off; one timeline line per label that actually changed. */
export function setLabels(input: SetLabelsInput, deps: ChangeDeps): { changed: boolean } {
  const result = runInTransaction(deps.db, (tx) => applyLabels(tx, input, deps));
  if (result.changed) publishChanged(deps, [result.conversation]);
  return { changed: result.changed };
}

export function applyLabels(tx: Db, input: SetLabelsInput, deps: ChangeDeps): { changed: boolean; conversation: Conversation } {
  const conversation = actableConversation(tx, input.actor, input.conversationId);
  const now = deps.clock.now();
  let changed = false;
  const has = (labelId: string) =>
    !!tx.select({ id: conversationLabels.labelId }).from(conversationLabels).where(and(eq(conversationLabels.conversationId, conversation.id), eq(conversationLabels.labelId, labelId))).get();
  for (const [labelId, adding] of [...input.add.map((id) => [id, true] as const), ...input.remove.map((id) => [id, false] as const)]) {
    const label = findLabel(tx, labelId);
    if (!label) throw createUnknownLabelError();
    if (has(label.id) === adding) continue;
    if (adding) tx.insert(conversationLabels).values({ conversationId: conversation.id, labelId: label.id }).run();
    else tx.delete(conversationLabels).where(and(eq(conversationLabels.conversationId, conversation.id), eq(conversationLabels.labelId, label.id))).run();
    recordActionEvent(tx, { conversationId: conversation.id, actorId: input.actor.id, content: { event: adding ? 'label_added' : 'label_removed', actor: input.actor.name, label: label.name } }, { newId: deps.newId, now });
    changed = true;
  }
  if (changed) tx.update(conversations).set({ updatedAt: now }).where(eq(conversations.id, conversation.id)).run();
  return { changed, conversation };
}
