import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';
import { users } from '../accounts/accounts.tables';

export const PRESENCE_STATUS_VALUES = ['online', 'away', 'offline'] as const;

/**
 * One row per agent who has ever had an inbox tab open or chosen a status. `status` is the last effective status
 * the presence job published, so it can tell when it changes; `chosen_status` (null = automatic) always wins.
 */
export const agentPresence = sqliteTable('agent_presence', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  status: text('status', { enum: PRESENCE_STATUS_VALUES }).notNull().default('offline'),
  chosenStatus: text('chosen_status', { enum: PRESENCE_STATUS_VALUES }),
  lastHeartbeatAt: integer('last_heartbeat_at'),
  lastActivityAt: integer('last_activity_at'),
  /** When `status` last changed: the away/offline hand-back waits a grace period from here. Null = before tracking. */
  statusSince: integer('status_since'),
  updatedAt: integer('updated_at').notNull(),
});
