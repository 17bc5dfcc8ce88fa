import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';
import { users } from '../accounts/accounts.tables';
import { calendars } from '../business-hours/calendars/calendars.tables';
import { teams } from './teams.tables';

export const ASSIGNMENT_STRATEGY_VALUES = ['round_robin', 'least_open', 'manual'] as const;

/**
 * How a team hands out conversations (assignment/assignment-policy.ts TeamPolicy). A team without a row uses the
 * defaults. The round-robin rotation lives here too, so it survives restarts.
 */
export const teamPolicies = sqliteTable('team_policies', {
  teamId: text('team_id')
    .primaryKey()
    .references(() => teams.id, { onDelete: 'cascade' }),
  strategy: text('strategy', { enum: ASSIGNMENT_STRATEGY_VALUES }).notNull().default('round_robin'),
  onlyOnline: integer('only_online', { mode: 'boolean' }).notNull().default(true),
  defaultCapacity: integer('default_capacity').notNull().default(5),
  stickyEnabled: integer('sticky_enabled', { mode: 'boolean' }).notNull().default(true),
  stickyDays: integer('sticky_days').notNull().default(30),
  vipToOwner: integer('vip_to_owner', { mode: 'boolean' }).notNull().default(true),
  /** The team's working hours (SLA clocks and the out-of-hours notice); none = the inbox's. */
  calendarId: text('calendar_id').references(() => calendars.id, { onDelete: 'set null' }),
  /** Who got the last conversation by round robin: the only rotation state (assignment/round-robin.ts). */
  rotationLastAgentId: text('rotation_last_agent_id'),
  /**
   * Customer-facing notices as JSON: `{ assigned: { enabled, en, ar }, queued: { enabled, en, ar } }` with the
   * variables {agent}, {eta} and {position}. Missing parts fall back to the built-in texts, switched off.
   */
  notices: text('notices').notNull().default('{}'),
  updatedAt: integer('updated_at').notNull(),
});

/** Per-agent routing facts: a capacity of their own (null = the team's default), skill tags and a shift calendar. */
export const agentRouting = sqliteTable('agent_routing', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  capacity: integer('capacity'),
  /** JSON array of skill tags ("logistics", "technical"); compared Arabic-normalised. */
  skills: text('skills').notNull().default('[]'),
  /** Off-shift agents are not assigned; none = always on shift. */
  shiftCalendarId: text('shift_calendar_id').references(() => calendars.id, { onDelete: 'set null' }),
  updatedAt: integer('updated_at').notNull(),
});
