import { and, count, eq, gte, isNull, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { conversations, messages } from './conversations.tables';
import { getAutomaticMessageLimit } from '../settings/automatic-message-limit';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The automationRule of menu-bot replies the customer asked for (the answer to the option they picked, the next menu,
 * "a person is coming"): not counted, so a customer working through the menu is not cut off by a limit meant for
 * messages nobody asked for. The bot's unsolicited greeting carries another rule and counts like any welcome.
 */
export const SOLICITED_BOT_REPLY_RULE = 'menuBot.rule';

/**
 * Automatic messages (bot, auto-replies, notices, surveys) queued to this contact in the 24 hours before `now`.
 * Messages an integration sent through the API carry their token's id as author: they are not Rasil's own, so not counted.
 */
export function automaticMessagesInLastDay(db: Db, contactId: string, now: number): number {
  const row = db
    .select({ n: count() })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(and(eq(conversations.contactId, contactId), eq(messages.authorType, 'automation'), isNull(messages.authorId), eq(messages.direction, 'out'), gte(messages.createdAt, now - DAY_MS), sql`coalesce(json_extract(${messages.content}, '$.automationRule'), '') <> ${SOLICITED_BOT_REPLY_RULE}`))
    .get();
  return row?.n ?? 0;
}

/** May one more automatic message go to this contact now? Every automatic sender asks before queueing; the limit is the admin's. */
export function mayQueueAutomaticMessage(db: Db, contactId: string, now: number, limitPerDay: number = getAutomaticMessageLimit(db)): boolean {
  return automaticMessagesInLastDay(db, contactId, now) < limitPerDay;
}
