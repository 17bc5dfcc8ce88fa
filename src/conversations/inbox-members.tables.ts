import { sqliteTable, text, integer, primaryKey, index } from 'drizzle-orm/sqlite-core';
import { users } from '../accounts/accounts.tables';
import { inboxes } from './conversations.tables';

/**
 * Who works in which inbox. Agents see and act only in inboxes they belong to; an inbox with no members at all is
 * open to every agent, so a fresh install (the Sandbox) works before anyone configures membership.
 */
export const inboxMembers = sqliteTable(
  'inbox_members',
  {
    inboxId: text('inbox_id')
      .notNull()
      .references(() => inboxes.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    addedAt: integer('added_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.inboxId, t.userId] }), index('inbox_members_user_idx').on(t.userId)],
);
