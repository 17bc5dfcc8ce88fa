import { eq } from 'drizzle-orm';
import type { Clock } from '../platform/clock';
import { runInTransaction, type Db } from '../platform/db/client';
import type { NewId } from '../platform/ids';
import { conversations, type ConversationStatus } from './conversations.tables';
import { appendEvent } from '../platform/events/event-store';
import { recordActionEvent } from './record-conversation-event';
import { findConversation } from './conversations.repository';
import { createConversationNotFoundError } from './conversations.errors';
import type { TimelineText } from '../i18n/timeline-text';

export interface ChangeStatusInput {
  conversationId: string;
  status: ConversationStatus;
  /** `id: null` for Rasil itself (auto-resolve); `name` is kept in the timeline line. */
  actor: { id: string | null; name: string };
  /** Why it changed, shown in the timeline instead of the plain status line (which rule fired). */
  explanation?: TimelineText;
}

/**
 * Resolves, reopens (or parks) a conversation and leaves an `event` line in its timeline saying who did it, so the
 * history explains itself. Setting the status it already has changes nothing and records nothing.
 */
export function changeConversationStatus(input: ChangeStatusInput, deps: { db: Db; clock: Clock; newId: NewId }): { changed: boolean } {
  return runInTransaction(deps.db, (tx) => {
    const conversation = findConversation(tx, input.conversationId);
    if (!conversation) throw createConversationNotFoundError();
    if (conversation.status === input.status) return { changed: false };
    const now = deps.clock.now();
    tx.update(conversations)
      .set({
        status: input.status,
        resolvedAt: input.status === 'resolved' ? now : null,
        snoozedUntil: input.status === 'snoozed' ? conversation.snoozedUntil : null,
        updatedAt: now,
      })
      .where(eq(conversations.id, conversation.id))
      .run();
    recordActionEvent(tx, { conversationId: conversation.id, actorId: input.actor.id, content: { event: 'status_changed', from: conversation.status, to: input.status, actor: input.actor.name, ...(input.explanation ? { explanation: input.explanation } : {}) } }, { newId: deps.newId, now });
    appendEvent(tx, { type: 'conversation.status_changed', conversationId: conversation.id, payload: { from: conversation.status, to: input.status, actorId: input.actor.id }, at: now });
    return { changed: true };
  });
}
