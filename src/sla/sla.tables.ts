import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { conversations } from '../conversations/conversations.tables';
import { calendars } from '../business-hours/calendars/calendars.tables';

export const SLA_TARGETS = ['first_response', 'next_response', 'resolution'] as const;
export type SlaTarget = (typeof SLA_TARGETS)[number];
export const SLA_CLOCKS = ['business', 'always'] as const;
export const ESCALATION_ACTIONS = ['raise_priority', 'reassign_team', 'reassign_user', 'notify_admins'] as const;
export type EscalationAction = (typeof ESCALATION_ACTIONS)[number];

/** One escalation step: `delayMinutes` after the breach that started the episode; teamId/userId for reassignments. */
export interface EscalationTier {
  action: EscalationAction;
  delayMinutes: number;
  teamId?: string;
  userId?: string;
}

/** Which conversations a policy applies to; every given condition must hold (none given = matches all). */
export interface SlaMatch {
  priority?: 'low' | 'normal' | 'high' | 'urgent';
  vip?: boolean;
  teamId?: string;
  inboxId?: string;
  labelId?: string;
}

/**
 * SLA policies. Targets are in minutes (null = not measured). Selection: non-default policies in `position` order,
 * the first whose `match` holds wins; otherwise the one with `is_default`. `clock` 'business' counts only open time
 * of `calendar_id`, or of the inbox's calendar when null; 'always' counts every minute.
 */
export const slaPolicies = sqliteTable('sla_policies', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  firstResponseMinutes: integer('first_response_minutes'),
  nextResponseMinutes: integer('next_response_minutes'),
  resolutionMinutes: integer('resolution_minutes'),
  clock: text('clock', { enum: SLA_CLOCKS }).notNull().default('business'),
  calendarId: text('calendar_id').references(() => calendars.id, { onDelete: 'set null' }),
  /** Warn the assignee when this share (percent) of a target has been used. */
  warningPercent: integer('warning_percent').notNull().default(80),
  /** EscalationTier[] as JSON, in the order they run. */
  escalation: text('escalation').notNull().default('[]'),
  /** SlaMatch as JSON. */
  match: text('match').notNull().default('{}'),
  position: integer('position').notNull().default(0),
  isDefault: integer('is_default', { mode: 'boolean' }).notNull().default(false),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/**
 * Per-conversation SLA state: the policy in force and the escalation episode. An episode starts at the first breach
 * of a still-running target (`breached_at`); `escalation_step` counts the tiers done; it ends (both reset) once no
 * breached target is still running, so a later breach escalates from the first tier again.
 */
export const conversationSla = sqliteTable('conversation_sla', {
  conversationId: text('conversation_id')
    .primaryKey()
    .references(() => conversations.id, { onDelete: 'cascade' }),
  policyId: text('policy_id').references(() => slaPolicies.id, { onDelete: 'set null' }),
  breachedAt: integer('breached_at'),
  escalationStep: integer('escalation_step').notNull().default(0),
  updatedAt: integer('updated_at').notNull(),
});

/**
 * Every measured target, one row per run (a conversation has one first-response and one resolution row, and one
 * next-response row per customer message answered after an agent reply). Reports read: met = stopped_at ≤ due_at
 * with breached_at null; breached = breached_at set. Time used is business time when the policy's clock is.
 * - running: `running_since` set (the current stretch started there), `used_ms` = time used before it;
 * - paused (resolution while pending): running_since and due_at null, used_ms kept;
 * - stopped: `stopped_at` set (answered, resolved, or the policy no longer measures it: `cancelled`); `used_ms`
 *   is then the whole counted time it took (the business-hours response or resolution time).
 */
export const slaClocks = sqliteTable(
  'sla_clocks',
  {
    id: text('id').primaryKey(),
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    policyId: text('policy_id').references(() => slaPolicies.id, { onDelete: 'set null' }),
    target: text('target', { enum: SLA_TARGETS }).notNull(),
    targetMs: integer('target_ms').notNull(),
    startedAt: integer('started_at').notNull(),
    runningSince: integer('running_since'),
    usedMs: integer('used_ms').notNull().default(0),
    warnAt: integer('warn_at'),
    dueAt: integer('due_at'),
    warnedAt: integer('warned_at'),
    breachedAt: integer('breached_at'),
    stoppedAt: integer('stopped_at'),
    cancelled: integer('cancelled', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    index('sla_clocks_conversation_idx').on(t.conversationId, t.target, t.stoppedAt),
    // The job's scan: running clocks by due time.
    index('sla_clocks_due_idx').on(t.stoppedAt, t.dueAt),
    index('sla_clocks_started_idx').on(t.startedAt),
  ],
);
