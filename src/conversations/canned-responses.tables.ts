import { sqliteTable, text, integer, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from '../accounts/accounts.tables';

/**
 * Saved replies an agent inserts with `/shortcut`. `owner_id` null = shared with the whole team (managed by admins
 * and supervisors); otherwise personal. The shortcut is unique per owner; SQLite treats NULLs as distinct, so the use case also
 * checks the shared ones.
 */
export const cannedResponses = sqliteTable(
  'canned_responses',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id').references(() => users.id, { onDelete: 'cascade' }),
    shortcut: text('shortcut').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('canned_responses_owner_shortcut_unique').on(t.ownerId, t.shortcut)],
);
