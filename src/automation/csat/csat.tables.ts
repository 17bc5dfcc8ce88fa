import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { conversations } from '../../conversations/conversations.tables';

/**
 * One satisfaction survey per conversation, sent when it is resolved. The agent and team are the ones it had at
 * resolve time, so a later reassignment does not move the rating. `rating` 1–5 is null until the customer answers.
 */
export const csatSurveys = sqliteTable(
  'csat_surveys',
  {
    id: text('id').primaryKey(),
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id),
    contactId: text('contact_id').notNull(),
    inboxId: text('inbox_id').notNull(),
    agentId: text('agent_id'),
    teamId: text('team_id'),
    /** The survey message in the timeline (its buttons or list rows carry this survey's id). */
    messageId: text('message_id').notNull(),
    language: text('language', { enum: ['en', 'ar'] }).notNull(),
    sentAt: integer('sent_at').notNull(),
    rating: integer('rating'),
    answeredAt: integer('answered_at'),
    comment: text('comment'),
    commentedAt: integer('commented_at'),
  },
  (t) => [
    uniqueIndex('csat_surveys_conversation_unique').on(t.conversationId),
    index('csat_surveys_sent_idx').on(t.sentAt),
    index('csat_surveys_agent_idx').on(t.agentId, t.sentAt),
  ],
);

export type CsatSurvey = typeof csatSurveys.$inferSelect;
