import { and, eq, lte } from 'drizzle-orm';
import { runInTransaction } from '../platform/db/client';
import { conversations } from './conversations.tables';
import { appendEvent } from '../platform/events/event-store';
import { recordActionEvent } from './record-conversation-event';
import { publishChanged, type ChangeDeps } from './conversation-change';

/** Reopens every snoozed conversation whose time has come, each with a timeline line. Run by a job every minute. */
export function wakeSnoozedConversations(deps: ChangeDeps): { woken: number } {
  const now = deps.clock.now();
  const woken = runInTransaction(deps.db, (tx) => {
    const due = tx
      .select({ id: conversations.id, inboxId: conversations.inboxId })
      .from(conversations)
      .where(and(eq(conversations.status, 'snoozed'), lte(conversations.snoozedUntil, now)))
      .all();
    for (const c of due) {
      tx.update(conversations).set({ status: 'open', snoozedUntil: null, updatedAt: now }).where(eq(conversations.id, c.id)).run();
      recordActionEvent(tx, { conversationId: c.id, actorId: null, content: { event: 'snooze_ended' } }, { newId: deps.newId, now });
      appendEvent(tx, { type: 'conversation.status_changed', conversationId: c.id, payload: { from: 'snoozed', to: 'open', actorId: null }, at: now });
    }
    return due;
  });
  publishChanged(deps, woken);
  return { woken: woken.length };
}
