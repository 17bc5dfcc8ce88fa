import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

/**
 * The durable event log: a use case appends a row in the same transaction as the change it describes, and each
 * reacting module (assignment, automation, SLA) reads the log after its own cursor. A crash after the commit
 * loses nothing: the handlers pick up where their cursor stands when the process comes back.
 */
export const domainEvents = sqliteTable(
  'domain_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    type: text('type').notNull(),
    conversationId: text('conversation_id'),
    payload: text('payload').notNull().default('{}'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('domain_events_conversation_idx').on(t.conversationId)],
);

/** How far each handler has read the log. Its effects and its cursor move in one transaction: exactly once. */
export const eventCursors = sqliteTable('event_cursors', {
  handler: text('handler').primaryKey(),
  lastEventId: integer('last_event_id').notNull(),
  updatedAt: integer('updated_at').notNull(),
});
