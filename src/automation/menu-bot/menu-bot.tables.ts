import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { conversations, inboxes } from '../../conversations/conversations.tables';

/**
 * The menu bot of one inbox. Word lists are JSON arrays of strings (compared Arabic-normalised); sensitive topics are
 * JSON `[{ keywords: string[], teamId: string | null, option: string }]`. `rootMenuId` is the menu the greeting shows.
 */
export const menuBots = sqliteTable('menu_bots', {
  inboxId: text('inbox_id')
    .primaryKey()
    .references(() => inboxes.id, { onDelete: 'cascade' }),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(false),
  rootMenuId: text('root_menu_id'),
  escalationKeywords: text('escalation_keywords').notNull().default('[]'),
  frustrationWords: text('frustration_words').notNull().default('[]'),
  sensitiveTopics: text('sensitive_topics').notNull().default('[]'),
  updatedAt: integer('updated_at').notNull(),
});

/**
 * One menu: a greeting (en/ar) and up to 10 options as JSON (menu-bot-config.ts MenuOption: titles en/ar and an
 * action — answer, ask a question into a contact attribute, or route to a team / routing-rule option).
 */
export const menuBotMenus = sqliteTable(
  'menu_bot_menus',
  {
    id: text('id').primaryKey(),
    inboxId: text('inbox_id')
      .notNull()
      .references(() => inboxes.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    greetingEn: text('greeting_en').notNull().default(''),
    greetingAr: text('greeting_ar').notNull().default(''),
    options: text('options').notNull().default('[]'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('menu_bot_menus_inbox_idx').on(t.inboxId)],
);

export const BOT_SESSION_STATES = ['active', 'handed_over'] as const;

/**
 * The bot's conversation with one customer. `awaiting` is JSON `{ optionId, attributeKey }` while a question waits
 * for its answer; `answers` the collected `{ attributeKey: value }`; `transcript` JSON lines `{ from, text, at }`.
 */
export const botSessions = sqliteTable('bot_sessions', {
  conversationId: text('conversation_id')
    .primaryKey()
    .references(() => conversations.id, { onDelete: 'cascade' }),
  state: text('state', { enum: BOT_SESSION_STATES }).notNull(),
  menuId: text('menu_id'),
  awaiting: text('awaiting'),
  unrecognisedInRow: integer('unrecognised_in_row').notNull().default(0),
  answers: text('answers').notNull().default('{}'),
  transcript: text('transcript').notNull().default('[]'),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});
