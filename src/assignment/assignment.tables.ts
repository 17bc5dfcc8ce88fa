import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';
import { users } from '../accounts/accounts.tables';

/**
 * What the assigner remembers about each agent between decisions: when it last gave them a conversation. Least open
 * breaks ties by it (the agent who waited longest for work goes first), and it survives restarts.
 */
export const agentAssignmentStats = sqliteTable('agent_assignment_stats', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  lastAssignedAt: integer('last_assigned_at').notNull(),
});
