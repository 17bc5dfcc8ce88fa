import { and, eq, lte } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import { conversations, messages } from '../../conversations/conversations.tables';
import { csatSurveys, type CsatSurvey } from './csat.tables';

export function findSurveyByConversation(db: Db, conversationId: string): CsatSurvey | undefined {
  return db.select().from(csatSurveys).where(eq(csatSurveys.conversationId, conversationId)).get();
}

export function insertSurvey(db: Db, survey: typeof csatSurveys.$inferInsert): void {
  db.insert(csatSurveys).values(survey).run();
}

export function recordRating(db: Db, surveyId: string, rating: number, at: number): void {
  db.update(csatSurveys).set({ rating, answeredAt: at }).where(eq(csatSurveys.id, surveyId)).run();
}

export function recordComment(db: Db, surveyId: string, comment: string, at: number): void {
  db.update(csatSurveys).set({ comment, commentedAt: at }).where(eq(csatSurveys.id, surveyId)).run();
}

/**
 * Is this customer message an answer to a satisfaction survey? True when it came in after the survey went out and
 * its conversation is still resolved (it landed there as the survey's answer instead of opening a new conversation).
 * The bot and auto-replies ask this before answering a message, so nothing replies to "5" or a comment.
 */
export function isSurveyReply(db: Db, messageId: string): boolean {
  const row = db
    .select({ id: csatSurveys.id })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .innerJoin(csatSurveys, eq(csatSurveys.conversationId, messages.conversationId))
    .where(and(eq(messages.id, messageId), eq(messages.direction, 'in'), eq(conversations.status, 'resolved'), lte(csatSurveys.sentAt, messages.createdAt)))
    .get();
  return row !== undefined;
}
