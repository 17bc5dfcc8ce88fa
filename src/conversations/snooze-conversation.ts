import { eq } from 'drizzle-orm';
import { runInTransaction } from '../platform/db/client';
import { wallToUtc } from '../business-hours/local-time';
import { conversations } from './conversations.tables';
import { appendEvent } from '../platform/events/event-store';
import { recordActionEvent } from './record-conversation-event';
import { actableConversation, publishChanged, type ChangeActor, type ChangeDeps } from './conversation-change';
import { createSnoozeInPastError } from './conversation-changes.errors';

/**
 * Parks a conversation until a time (epoch ms, in the future). The wake-snoozed-conversations job reopens it when
 * due; a new customer message reopens it sooner (receive-inbound-message.ts).
 */
export function snoozeConversation(input: { conversationId: string; until: number; actor: ChangeActor }, deps: ChangeDeps): { changed: boolean } {
  const now = deps.clock.now();
  if (!Number.isSafeInteger(input.until) || input.until <= now) throw createSnoozeInPastError();
  const conversation = runInTransaction(deps.db, (tx) => {
    const found = actableConversation(tx, input.actor, input.conversationId);
    tx.update(conversations).set({ status: 'snoozed', snoozedUntil: input.until, resolvedAt: null, updatedAt: now }).where(eq(conversations.id, found.id)).run();
    recordActionEvent(tx, { conversationId: found.id, actorId: input.actor.id, content: { event: 'snoozed', actor: input.actor.name } }, { newId: deps.newId, now });
    if (found.status !== 'snoozed') appendEvent(tx, { type: 'conversation.status_changed', conversationId: found.id, payload: { from: found.status, to: 'snoozed', actorId: input.actor.id }, at: now });
    return found;
  });
  publishChanged(deps, [conversation]);
  return { changed: true };
}

/** A `datetime-local` value ("2026-11-25T09:00") read in the business time zone, as epoch ms; null when malformed. */
export function snoozeTimeFromLocal(value: string, timeZone: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  return wallToUtc(timeZone, Date.UTC(year, month - 1, day, hour, minute));
}
