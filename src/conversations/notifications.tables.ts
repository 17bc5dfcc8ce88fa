import { sqliteTable, text, integer, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { users } from '../accounts/accounts.tables';
import { conversations, messages } from './conversations.tables';

export const NOTIFICATION_KINDS = ['mention', 'sla_warning', 'sla_breach', 'sla_escalation'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Something a user should look at (for now: a teammate mentioned them in a note); read when they open the list. */
export const notifications = sqliteTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id),
    messageId: text('message_id').references(() => messages.id),
    createdAt: integer('created_at').notNull(),
    readAt: integer('read_at'),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.readAt, t.createdAt)],
);

/** Who a note mentions: feeds the "Mentions" view of the list even after the notification is read. */
export const mentions = sqliteTable(
  'mentions',
  {
    messageId: text('message_id')
      .notNull()
      .references(() => messages.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.userId] }), index('mentions_user_idx').on(t.userId)],
);
