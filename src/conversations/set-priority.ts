import { eq } from 'drizzle-orm';
import { runInTransaction, type Db } from '../platform/db/client';
import { conversations } from './conversations.tables';
import { recordActionEvent } from './record-conversation-event';
import { actableConversation, publishChanged, type ChangeActor, type ChangeDeps } from './conversation-change';
import type { Priority } from './list-query';
import type { Conversation } from './conversations.repository';

export interface SetPriorityInput {
  conversationId: string;
  priority: Priority;
  actor: ChangeActor;
}

/** Low, normal, high or urgent; the same priority again changes and records nothing. */
export function setPriority(input: SetPriorityInput, deps: ChangeDeps): { changed: boolean } {
  const result = runInTransaction(deps.db, (tx) => applyPriority(tx, input, deps));
  if (result.changed) publishChanged(deps, [result.conversation]);
  return { changed: result.changed };
}

export function applyPriority(tx: Db, input: SetPriorityInput, deps: ChangeDeps): { changed: boolean; conversation: Conversation } {
  const conversation = actableConversation(tx, input.actor, input.conversationId);
  if (conversation.priority === input.priority) return { changed: false, conversation };
  const now = deps.clock.now();
  tx.update(conversations).set({ priority: input.priority, updatedAt: now }).where(eq(conversations.id, conversation.id)).run();
  recordActionEvent(tx, { conversationId: conversation.id, actorId: input.actor.id, content: { event: `priority_${input.priority}`, actor: input.actor.name } }, { newId: deps.newId, now });
  return { changed: true, conversation };
}
