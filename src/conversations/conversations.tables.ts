import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, uniqueIndex, index } from 'drizzle-orm/sqlite-core';
import { contacts } from '../contacts/contacts.tables';
import { users } from '../accounts/accounts.tables';
import { teams } from '../teams/teams.tables';
import { calendars } from '../business-hours/calendars/calendars.tables';

/** One inbox per connected channel (a WhatsApp number, or the built-in sandbox). */
export const inboxes = sqliteTable('inboxes', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  channelType: text('channel_type', { enum: ['whatsapp'] }).notNull(),
  defaultTeamId: text('default_team_id').references(() => teams.id, { onDelete: 'set null' }),
  /** Private mode: agents see only conversations assigned to them (plus the unassigned queue when allowed). */
  privateMode: integer('private_mode', { mode: 'boolean' }).notNull().default(false),
  privateShowsQueue: integer('private_shows_queue', { mode: 'boolean' }).notNull().default(true),
  /** Opening hours for this number (out-of-hours replies, SLA on business time); none = always open. */
  calendarId: text('calendar_id').references(() => calendars.id, { onDelete: 'set null' }),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

export const CONVERSATION_STATUSES = ['open', 'pending', 'snoozed', 'resolved'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

/** Sort key of "oldest waiting" for conversations whose customer is not waiting: far in the future, so they sort last. */
export const NOT_WAITING_KEY = 9_000_000_000_000_000;

export const conversations = sqliteTable(
  'conversations',
  {
    id: text('id').primaryKey(),
    inboxId: text('inbox_id')
      .notNull()
      .references(() => inboxes.id),
    contactId: text('contact_id')
      .notNull()
      .references(() => contacts.id),
    status: text('status', { enum: CONVERSATION_STATUSES }).notNull(),
    assigneeId: text('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    teamId: text('team_id').references(() => teams.id, { onDelete: 'set null' }),
    priority: text('priority', { enum: ['low', 'normal', 'high', 'urgent'] }).notNull().default('normal'),
    /** The customer's last message: the 24-hour customer-service window runs from here. */
    lastInboundAt: integer('last_inbound_at'),
    lastMessageAt: integer('last_message_at').notNull(),
    lastMessagePreview: text('last_message_preview').notNull().default(''),
    unreadCount: integer('unread_count').notNull().default(0),
    snoozedUntil: integer('snoozed_until'),
    resolvedAt: integer('resolved_at'),
    /** Last time the assignee (or any agent) opened, replied, noted or typed here: the idle-release rule reads it. */
    lastAgentActivityAt: integer('last_agent_activity_at'),
    /** The first agent reply: first-response time for SLA, reports and the queue ETA. */
    firstResponseAt: integer('first_response_at'),
    /**
     * Routing runs once per conversation, right after it opens (or when the bot hands over): null = not yet. The
     * assignment worker picks these up, so a crash between storing and routing loses nothing.
     */
    routedAt: integer('routed_at'),
    /** Set while it waits in its team's queue (nobody could take it); the queue is ordered by it after VIP/priority. */
    queuedAt: integer('queued_at'),
    /** A skill the routing rule asked for; kept for every later (re)assignment. */
    requiredSkill: text('required_skill'),
    /** The agent it was taken from by idle release or an away/offline hand-back: not offered to them again. */
    excludedAgentId: text('excluded_agent_id'),
    /** The menu bot is talking to the customer: routing waits until it hands over. */
    withBot: integer('with_bot', { mode: 'boolean' }).notNull().default(false),
    /** The menu option the customer picked (routing rules can match it). */
    menuOption: text('menu_option'),
    /** The nearest running SLA deadline (written by the SLA module through set-sla-due.ts); null = nothing due. */
    slaDueAt: integer('sla_due_at'),
    /** 'ok' | 'warning' | 'breached' as of the SLA job's last look; null = no SLA running. */
    slaState: text('sla_state', { enum: ['ok', 'warning', 'breached'] }),
    /**
     * Resolved, but a closing question (the satisfaction survey) waits for the customer's answer until then: a
     * customer message before it lands here without reopening, instead of opening a new conversation.
     */
    awaitingAnswerUntil: integer('awaiting_answer_until'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('conversations_inbox_status_idx').on(t.inboxId, t.status, t.lastMessageAt),
    // The list across all inboxes, newest first, and its keyset pages (bench: page 2 122 ms → 2 ms at 100k rows).
    index('conversations_status_recent_idx').on(t.status, t.lastMessageAt, t.id),
    // "Oldest waiting" sorts by this expression; list-query.ts must spell it identically (constant inlined, not bound)
    // or SQLite cannot use the index and sorts every open row (bench: 68 ms p99 at 100k rows).
    index('conversations_waiting_idx').on(
      t.status,
      sql`(case when ${t.lastInboundAt} >= ${t.lastMessageAt} then ${t.lastInboundAt} else ${sql.raw(String(NOT_WAITING_KEY))} end)`,
      t.id,
    ),
    index('conversations_contact_idx').on(t.contactId, t.createdAt),
    // "Mine": an agent's conversations by status, newest first (bench: 22.5 ms → 3.8 ms p99).
    index('conversations_assignee_idx').on(t.assigneeId, t.status, t.lastMessageAt, t.id),
    // The assignment worker's two questions: what is not routed yet, and what waits in a team's queue.
    index('conversations_unrouted_idx').on(t.routedAt, t.status),
    index('conversations_team_queue_idx').on(t.teamId, t.queuedAt),
    // "SLA due" sorts by this expression; list-query.ts must spell it identically (constant inlined) to use the index.
    index('conversations_sla_due_idx').on(t.status, sql`(case when ${t.slaDueAt} is null then ${sql.raw(String(NOT_WAITING_KEY))} else ${t.slaDueAt} end)`, t.id),
  ],
);

export const MESSAGE_DIRECTIONS = ['in', 'out'] as const;
/** Who wrote it: the customer, an agent, automation, the owner in the WhatsApp Business app, or Rasil itself (events). */
export const AUTHOR_TYPES = ['contact', 'agent', 'automation', 'business_app', 'system'] as const;
/** Delivery state of outgoing messages, in the order they can only move forward (failed/unknown aside). */
export const MESSAGE_STATUSES = ['received', 'queued', 'sending', 'unknown', 'sent', 'delivered', 'read', 'played', 'failed'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/**
 * Everything in a conversation's timeline: customer and agent messages of every WhatsApp kind, internal notes and
 * system events. `content` holds the kind's structured data as JSON (location, contacts cards, order items…).
 */
export const messages = sqliteTable(
  'messages',
  {
    id: text('id').primaryKey(),
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id),
    direction: text('direction', { enum: MESSAGE_DIRECTIONS }).notNull(),
    authorType: text('author_type', { enum: AUTHOR_TYPES }).notNull(),
    authorId: text('author_id'),
    /** text, image, video, audio, voice, document, sticker, location, contacts, interactive, button, reaction, order,
     *  template, system, unsupported, note, event. */
    kind: text('kind').notNull(),
    /** Plain text shown in the bubble: the text body or the media caption. */
    body: text('body').notNull().default(''),
    content: text('content').notNull().default('{}'),
    waMessageId: text('wa_message_id'),
    /** Quoted message (reply context) by its WhatsApp id. */
    replyToWaId: text('reply_to_wa_id'),
    status: text('status', { enum: MESSAGE_STATUSES }).notNull(),
    statusAt: integer('status_at'),
    errorCode: integer('error_code'),
    errorTitle: text('error_title'),
    errorDetail: text('error_detail'),
    /** Reactions to this message as JSON `{ "<who>": "<emoji>" }`; removing one deletes its key. */
    reactions: text('reactions').notNull().default('{}'),
    editedAt: integer('edited_at'),
    deletedAt: integer('deleted_at'),
    /** When it happened (the WhatsApp timestamp for inbound), and when Rasil stored it. */
    sentAt: integer('sent_at').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('messages_wa_message_id_unique').on(t.waMessageId),
    // Timeline pages are keyset-paged on (sent_at, id); without id SQLite sorts each page in a temporary B-tree.
    index('messages_conversation_idx').on(t.conversationId, t.sentAt, t.id),
  ],
);

export const MEDIA_STATUSES = ['pending', 'downloaded', 'failed'] as const;

/**
 * Attachments. Files live under data/media/ named by their content hash, never by the sender's filename.
 * Inbound media ids expire after 7 days, so a worker downloads them on receipt with retries.
 */
export const media = sqliteTable(
  'media',
  {
    id: text('id').primaryKey(),
    messageId: text('message_id')
      .notNull()
      .references(() => messages.id),
    waMediaId: text('wa_media_id'),
    mimeType: text('mime_type').notNull().default('application/octet-stream'),
    /** Sender's filename, for display only. */
    fileName: text('file_name').notNull().default(''),
    expectedSha256: text('expected_sha256'),
    contentHash: text('content_hash'),
    bytes: integer('bytes'),
    status: text('status', { enum: MEDIA_STATUSES }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at'),
    lastError: text('last_error'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('media_message_idx').on(t.messageId), index('media_due_idx').on(t.status, t.nextAttemptAt)],
);

export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'failed', 'dead', 'unknown'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * The outbox: every message to a customer (agent reply, automation, template) is a row here, written in the same
 * transaction as its message. Only the channel's delivery worker reads it and calls Graph.
 */
export const outboundMessages = sqliteTable(
  'outbound_messages',
  {
    id: text('id').primaryKey(),
    messageId: text('message_id')
      .notNull()
      .references(() => messages.id),
    inboxId: text('inbox_id')
      .notNull()
      .references(() => inboxes.id),
    /** Recipient key (wa_id or BSUID); rows for one recipient are sent strictly in `id` order. */
    recipient: text('recipient').notNull(),
    /** The Graph request body, built when queued. */
    payload: text('payload').notNull(),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    leaseUntil: integer('lease_until'),
    lastError: text('last_error'),
    waMessageId: text('wa_message_id'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('outbound_due_idx').on(t.status, t.nextAttemptAt), index('outbound_recipient_idx').on(t.inboxId, t.recipient, t.id)],
);

/**
 * Pre-approved message templates of an inbox's number (synced from Meta's WABA by the channel). They are the only
 * way to write to a customer once the 24-hour window has closed; only APPROVED ones can be sent.
 */
export const messageTemplates = sqliteTable(
  'message_templates',
  {
    id: text('id').primaryKey(),
    inboxId: text('inbox_id')
      .notNull()
      .references(() => inboxes.id, { onDelete: 'cascade' }),
    /** The provider's own id for the template (Meta's template id). */
    providerTemplateId: text('provider_template_id').notNull().default(''),
    name: text('name').notNull(),
    language: text('language').notNull(),
    category: text('category').notNull().default(''),
    status: text('status').notNull(),
    /** Header, body with {{n}} variables, footer and buttons, as the provider describes them (JSON). */
    components: text('components').notNull().default('[]'),
    syncedAt: integer('synced_at').notNull(),
  },
  (t) => [uniqueIndex('message_templates_unique').on(t.inboxId, t.name, t.language)],
);
