import { eq, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { conversations } from './conversations.tables';

/**
 * A resolved conversation that just asked the customer a closing question (a satisfaction survey) keeps their
 * next messages until `until` instead of a new conversation opening (receive-inbound-message.ts); null stops it.
 */
export function awaitClosingAnswer(db: Db, input: { conversationId: string; until: number | null; now: number }): void {
  db.update(conversations).set({ awaitingAnswerUntil: input.until, updatedAt: input.now }).where(eq(conversations.id, input.conversationId)).run();
}

/**
 * The customer wrote something that was not the answer: stop waiting and count their message as unread, so that
 * once the conversation is reopened people see it like any other new message.
 */
export function abandonClosingAnswer(db: Db, input: { conversationId: string; now: number }): void {
  db.update(conversations)
    .set({ awaitingAnswerUntil: null, unreadCount: sql`${conversations.unreadCount} + 1`, updatedAt: input.now })
    .where(eq(conversations.id, input.conversationId))
    .run();
}
