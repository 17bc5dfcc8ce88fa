import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { inboxes } from '../conversations/conversations.tables';

/**
 * Auto-replies of one inbox (its WhatsApp number). No row = everything off. Texts are per language; the customer's
 * language picks one and an empty one falls back to the other.
 */
export const autoReplySettings = sqliteTable('auto_reply_settings', {
  inboxId: text('inbox_id')
    .primaryKey()
    .references(() => inboxes.id, { onDelete: 'cascade' }),
  welcomeEnabled: integer('welcome_enabled', { mode: 'boolean' }).notNull().default(false),
  welcomeEn: text('welcome_en').notNull().default(''),
  welcomeAr: text('welcome_ar').notNull().default(''),
  /** Also welcome a returning customer whose last conversation was this many days ago; 0 = first contact only. */
  welcomeAfterDays: integer('welcome_after_days').notNull().default(0),
  outOfHoursEnabled: integer('out_of_hours_enabled', { mode: 'boolean' }).notNull().default(false),
  outOfHoursEn: text('out_of_hours_en').notNull().default(''),
  outOfHoursAr: text('out_of_hours_ar').notNull().default(''),
  /** At most one out-of-hours reply per conversation in this many hours. */
  outOfHoursEveryHours: integer('out_of_hours_every_hours').notNull().default(12),
  updatedAt: integer('updated_at').notNull(),
});

export const KEYWORD_MATCH_MODES = ['contains', 'whole_word', 'exact'] as const;

/**
 * Keyword replies: the first enabled rule (by position) whose keywords match the customer's message answers it.
 * `inbox_id` null = every inbox. `keywords` is a JSON array of strings; `replies` JSON `[{ en, ar }]` (1–5 variants,
 * one picked at random); `buttons` JSON `[{ en, ar }]` (0–3 reply buttons).
 */
export const keywordRules = sqliteTable(
  'keyword_rules',
  {
    id: text('id').primaryKey(),
    inboxId: text('inbox_id').references(() => inboxes.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    name: text('name').notNull(),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    keywords: text('keywords').notNull().default('[]'),
    matchMode: text('match_mode', { enum: KEYWORD_MATCH_MODES }).notNull().default('whole_word'),
    replies: text('replies').notNull().default('[]'),
    buttons: text('buttons').notNull().default('[]'),
    /** After replying, hand the conversation to a person (routing takes over). */
    handOver: integer('hand_over', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('keyword_rules_inbox_idx').on(t.inboxId, t.position)],
);
