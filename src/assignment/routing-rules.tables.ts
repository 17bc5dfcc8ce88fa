import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

/**
 * Routing rules, tried in `position` order (first match wins). `when` and `then` are the JSON of RoutingRule's
 * fields (routing-rules.ts), checked by routing-rules.schemas.ts on the way in and out; the team and labels are
 * ids inside `then`, so a rule whose team was deleted is skipped rather than cascaded away.
 */
export const routingRules = sqliteTable(
  'routing_rules',
  {
    id: text('id').primaryKey(),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    when: text('when').notNull().default('{}'),
    then: text('then').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('routing_rules_position_idx').on(t.position)],
);
