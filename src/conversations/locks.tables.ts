import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { users } from '../accounts/accounts.tables';
import { conversations } from './conversations.tables';

/**
 * The reply lock: at most one row per conversation, naming the agent who may send right now. A row past
 * `expires_at` is as good as absent; acquiring overwrites it in one conditional upsert, so two agents never both win.
 */
export const conversationLocks = sqliteTable(
  'conversation_locks',
  {
    conversationId: text('conversation_id')
      .primaryKey()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    holderId: text('holder_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    acquiredAt: integer('acquired_at').notNull(),
    renewedAt: integer('renewed_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('conversation_locks_holder_idx').on(t.holderId)],
);
