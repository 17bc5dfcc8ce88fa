import { and, count, eq, gte, isNull } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { conversations, messages } from './conversations.tables';

/** Small teams' rule of thumb: after this many automatic messages in 24 hours only people write to the customer. */
export const DEFAULT_AUTOMATIC_MESSAGES_PER_DAY = 3;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Automatic messages (bot, auto-replies, notices, surveys) queued to this contact in the 24 hours before `now`.
 * Messages an integration sent through the API carry their token's id as author: they are not Rasil's own, so not counted.
 */
export function automaticMessagesInLastDay(db: Db, contactId: string, now: number): number {
  const row = db
    .select({ n: count() })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(and(eq(conversations.contactId, contactId), eq(messages.authorType, 'automation'), isNull(messages.authorId), eq(messages.direction, 'out'), gte(messages.createdAt, now - DAY_MS)))
    .get();
  return row?.n ?? 0;
}

/** May one more automatic message go to this contact now? Every automatic sender asks before queueing. */
export function mayQueueAutomaticMessage(db: Db, contactId: string, now: number, limitPerDay: number = DEFAULT_AUTOMATIC_MESSAGES_PER_DAY): boolean {
  return automaticMessagesInLastDay(db, contactId, now) < limitPerDay;
}
