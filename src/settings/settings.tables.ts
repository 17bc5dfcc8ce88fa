import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';

/** Business-wide settings that admins edit at runtime; values are JSON. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: integer('updated_at').notNull(),
  updatedBy: text('updated_by'),
});
