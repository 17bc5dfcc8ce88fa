import { sqliteTable, text, integer, index, primaryKey } from 'drizzle-orm/sqlite-core';

/**
 * The reports read model: one row of figures per conversation, recomputed from its messages and events whenever
 * it changes (reports.metrics event handler) and backfilled by a job. A year of reports then aggregates 200k small
 * rows by index instead of walking two million messages. Times are epoch ms; *_bms are business-hours ms on the
 * inbox's calendar (equal to calendar time when the inbox has none).
 */
export const reportConversations = sqliteTable(
  'report_conversations',
  {
    conversationId: text('conversation_id').primaryKey(),
    inboxId: text('inbox_id').notNull(),
    teamId: text('team_id'),
    /** The assignee now (at resolve for resolved ones). */
    agentId: text('agent_id'),
    /** The first person it was assigned to, and whether it moved to another person after that. */
    firstAgentId: text('first_agent_id'),
    transferred: integer('transferred').notNull().default(0),
    contactId: text('contact_id').notNull(),
    openedAt: integer('opened_at').notNull(),
    /** Local day numbers (days since 1970-01-01 in the business time zone) of the opening and the resolve. */
    openedDay: integer('opened_day').notNull(),
    resolvedDay: integer('resolved_day'),
    /** Weekday × 24 + hour of the opening in the business time zone (0 = Sunday 00:00): the heatmap cell. */
    openedHourOfWeek: integer('opened_how').notNull(),
    resolvedAt: integer('resolved_at'),
    resolutionMs: integer('resolution_ms'),
    resolutionBms: integer('resolution_bms'),
    firstResponderId: text('first_responder_id'),
    firstResponseMs: integer('first_response_ms'),
    firstResponseBms: integer('first_response_bms'),
    messagesIn: integer('messages_in').notNull().default(0),
    messagesOut: integer('messages_out').notNull().default(0),
    /** Any message written by a person (agent); any human assignee ever; any automation message; handed over by the bot. */
    humanReplied: integer('human_replied').notNull().default(0),
    humanAssigned: integer('human_assigned').notNull().default(0),
    botInvolved: integer('bot_involved').notNull().default(0),
    handedOver: integer('handed_over').notNull().default(0),
    /** The same contact had another conversation opened in the 7 days before this one. */
    repeatContact: integer('repeat_contact').notNull().default(0),
    computedAt: integer('computed_at').notNull(),
  },
  (t) => [
    index('report_conversations_opened_idx').on(t.openedAt),
    index('report_conversations_resolved_idx').on(t.resolvedAt),
    // Per-agent first-response medians walk this in value order (covering: no table lookups).
    index('report_conversations_responder_idx').on(t.firstResponderId, t.firstResponseMs, t.openedAt),
    index('report_conversations_agent_resolved_idx').on(t.agentId, t.resolvedAt),
    // One agent's heatmap (the daily hours table has no agent): covering.
    index('report_conversations_agent_opened_idx').on(t.agentId, t.openedAt, t.openedHourOfWeek),
  ],
);

/**
 * Every agent reply that answered a waiting customer: how long they waited (calendar and business hours), filed
 * under the day its conversation opened like the other conversation figures. `agent_id` is who replied.
 */
export const reportResponses = sqliteTable(
  'report_responses',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    conversationId: text('conversation_id').notNull(),
    inboxId: text('inbox_id').notNull(),
    teamId: text('team_id'),
    agentId: text('agent_id'),
    openedAt: integer('opened_at').notNull(),
    ms: integer('ms').notNull(),
    bms: integer('bms').notNull(),
  },
  (t) => [
    index('report_responses_opened_idx').on(t.openedAt),
    index('report_responses_conversation_idx').on(t.conversationId),
    // Per-agent response medians walk this in value order (covering: no table lookups).
    index('report_responses_agent_idx').on(t.agentId, t.ms, t.openedAt),
  ],
);

export const DURATION_METRICS = ['first_response', 'response', 'resolution'] as const;
export type DurationMetric = (typeof DURATION_METRICS)[number];

/**
 * Durations per local day (of the conversation's opening), inbox and team as a histogram of values rounded down to
 * the precision reports show (seconds under a minute, minutes under a day, hours beyond): medians and percentiles of
 * a year are then read from a few thousand rows instead of a million responses, with the same figures the page would
 * show from the raw values. Kept in step by refresh-conversation-metrics.ts (old contributions out, new in).
 * `team_id` is '' for no team so it can be part of the key.
 */
export const reportDailyDurations = sqliteTable(
  'report_daily_durations',
  {
    day: integer('day').notNull(),
    inboxId: text('inbox_id').notNull(),
    teamId: text('team_id').notNull(),
    metric: text('metric', { enum: DURATION_METRICS }).notNull(),
    business: integer('business').notNull(),
    value: integer('value').notNull(),
    n: integer('n').notNull(),
  },
  // Metric first: each median reads only its own metric's days.
  (t) => [primaryKey({ columns: [t.metric, t.business, t.day, t.inboxId, t.teamId, t.value] })],
);

/** Presence history (online / away / offline changes) so reports can tell each agent's online time. */
export const reportPresenceLog = sqliteTable(
  'report_presence_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: text('user_id').notNull(),
    status: text('status').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [index('report_presence_log_user_idx').on(t.userId, t.at)],
);

/** The counters of report_daily_counts, one column each. */
export const COUNT_COLUMNS = [
  'opened',
  'messagesIn',
  'messagesOut',
  'within5',
  'within15',
  'over15',
  'unanswered',
  'botInvolved',
  'handedOver',
  'repeatContacts',
  'resolved',
  'contained',
  'firstAssigned',
  'transferred',
  'firstResponses',
  'responses',
] as const;
export type CountColumn = (typeof COUNT_COLUMNS)[number];

const counter = (name: string) => integer(name).notNull().default(0);

/**
 * Counters per local day, inbox, team and agent ('' = none): a year of a busy shop is a few thousand rows instead
 * of 200k conversations, so the overview, the heatmap and the agents table add up rows by day. Which
 * agent a counter is filed under: the conversation's agent for what happened to it (opened … contained), the first
 * assignee for firstAssigned/transferred, who answered for firstResponses/responses. Opening counters sit on the
 * opening's day, resolved/contained on the resolve's day. Kept in step like the durations.
 */
export const reportDailyCounts = sqliteTable(
  'report_daily_counts',
  {
    day: integer('day').notNull(),
    inboxId: text('inbox_id').notNull(),
    teamId: text('team_id').notNull(),
    agentId: text('agent_id').notNull(),
    opened: counter('opened'),
    messagesIn: counter('messages_in'),
    messagesOut: counter('messages_out'),
    within5: counter('within5'),
    within15: counter('within15'),
    over15: counter('over15'),
    unanswered: counter('unanswered'),
    botInvolved: counter('bot_involved'),
    handedOver: counter('handed_over'),
    repeatContacts: counter('repeat_contacts'),
    resolved: counter('resolved'),
    contained: counter('contained'),
    firstAssigned: counter('first_assigned'),
    transferred: counter('transferred'),
    firstResponses: counter('first_responses'),
    responses: counter('responses'),
  },
  (t) => [primaryKey({ columns: [t.day, t.inboxId, t.teamId, t.agentId] }), index('report_daily_counts_agent_idx').on(t.agentId, t.day)],
);

/** Conversations opened per local day, hour, inbox and team: the busiest-hours heatmap for a year is 8,760 rows. */
export const reportDailyHours = sqliteTable(
  'report_daily_hours',
  {
    day: integer('day').notNull(),
    hour: integer('hour').notNull(),
    inboxId: text('inbox_id').notNull(),
    teamId: text('team_id').notNull(),
    opened: counter('opened'),
  },
  (t) => [primaryKey({ columns: [t.day, t.hour, t.inboxId, t.teamId] })],
);
