import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, primaryKey, uniqueIndex, index } from 'drizzle-orm/sqlite-core';
import { conversations } from './conversations.tables';

/** Labels an admin defines ("refund", "VIP") and agents put on conversations to filter the list. */
export const labels = sqliteTable(
  'labels',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** One of LABEL_COLORS: a class name, never a CSS value typed by a user. */
    color: text('color').notNull().default('grey'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  // Unique whatever the case: "VIP" and "vip" would be two filters for one idea.
  (t) => [uniqueIndex('labels_name_unique').on(sql`lower(${t.name})`)],
);

export const LABEL_COLORS = ['grey', 'red', 'orange', 'green', 'blue', 'purple'] as const;
export type LabelColor = (typeof LABEL_COLORS)[number];

export const conversationLabels = sqliteTable(
  'conversation_labels',
  {
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    labelId: text('label_id')
      .notNull()
      .references(() => labels.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.labelId] }), index('conversation_labels_label_idx').on(t.labelId)],
);
