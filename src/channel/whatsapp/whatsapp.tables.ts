import { sqliteTable, text, integer, uniqueIndex, index } from 'drizzle-orm/sqlite-core';
import { inboxes } from '../../conversations/conversations.tables';

/** A connected WhatsApp number. The access token and app secret are never rendered back to anyone. */
export const whatsappChannels = sqliteTable(
  'whatsapp_channels',
  {
    id: text('id').primaryKey(),
    inboxId: text('inbox_id')
      .notNull()
      .references(() => inboxes.id),
    name: text('name').notNull(),
    phoneNumberId: text('phone_number_id').notNull(),
    wabaId: text('waba_id').notNull(),
    displayPhoneNumber: text('display_phone_number').notNull().default(''),
    accessToken: text('access_token').notNull(),
    appSecret: text('app_secret').notNull(),
    verifyToken: text('verify_token').notNull(),
    /** Set for the built-in sandbox, whose Graph is Rasil's own fake; otherwise the configured Graph base is used. */
    graphApiUrl: text('graph_api_url'),
    isSandbox: integer('is_sandbox', { mode: 'boolean' }).notNull().default(false),
    /** Per-number send rate (messages per second); Meta's default is 80. */
    sendRatePerSecond: integer('send_rate_per_second').notNull().default(80),
    /** Sending stops while paused (expired token, locked account…) until an admin fixes it. */
    pausedAt: integer('paused_at'),
    pausedReason: text('paused_reason'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('whatsapp_channels_phone_number_id_unique').on(t.phoneNumberId), uniqueIndex('whatsapp_channels_inbox_unique').on(t.inboxId)],
);

export const JOURNAL_STATUSES = ['pending', 'processed', 'failed'] as const;

/**
 * The inbound journal: every signed webhook body exactly as received, written before we answer 200.
 * Processing reads it in `id` order; a row that fails keeps its error for the webhook log and can be replayed.
 */
export const webhookJournal = sqliteTable(
  'webhook_journal',
  {
    id: text('id').primaryKey(),
    receivedAt: integer('received_at').notNull(),
    /** Which channel's app secret verified the signature (null for a payload kept only for inspection). */
    channelId: text('channel_id'),
    body: text('body').notNull(),
    status: text('status', { enum: JOURNAL_STATUSES }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    error: text('error'),
    /** Counts of what the body held, filled after processing: messages, statuses, errors… as JSON. */
    summary: text('summary').notNull().default('{}'),
    processedAt: integer('processed_at'),
  },
  (t) => [index('webhook_journal_status_idx').on(t.status, t.id)],
);
