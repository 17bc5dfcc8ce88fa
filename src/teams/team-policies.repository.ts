import { asc, eq } from 'drizzle-orm';
import { calendars } from '../business-hours/calendars/calendars.tables';
import type { Db } from '../platform/db/client';
import { agentRouting, teamPolicies, ASSIGNMENT_STRATEGY_VALUES } from './team-policies.tables';
import { parseNotices, type TeamNotices } from './team-notices';

export type StoredStrategy = (typeof ASSIGNMENT_STRATEGY_VALUES)[number];

/** A team's assignment policy as settings read it (teams without a row get TEAM_POLICY_DEFAULTS). */
export interface StoredTeamPolicy {
  strategy: StoredStrategy;
  onlyOnline: boolean;
  defaultCapacity: number;
  sticky: { enabled: boolean; days: number };
  vipToOwner: boolean;
  calendarId: string | null;
  notices: TeamNotices;
}

/**
 * The one place teams spells the policy defaults; they mirror the team_policies column defaults and
 * assignment's DEFAULT_TEAM_POLICY (test/teams/team-policy.test.ts holds all three equal).
 */
export const TEAM_POLICY_DEFAULTS: Readonly<Omit<StoredTeamPolicy, 'calendarId' | 'notices'>> = {
  strategy: 'round_robin',
  onlyOnline: true,
  defaultCapacity: 5,
  sticky: { enabled: true, days: 30 },
  vipToOwner: true,
};

type PolicyRow = typeof teamPolicies.$inferSelect;

function fromRow(row: PolicyRow | undefined): StoredTeamPolicy {
  if (!row) return { ...TEAM_POLICY_DEFAULTS, sticky: { ...TEAM_POLICY_DEFAULTS.sticky }, calendarId: null, notices: parseNotices('{}') };
  return {
    strategy: row.strategy,
    onlyOnline: row.onlyOnline,
    defaultCapacity: row.defaultCapacity,
    sticky: { enabled: row.stickyEnabled, days: row.stickyDays },
    vipToOwner: row.vipToOwner,
    calendarId: row.calendarId,
    notices: parseNotices(row.notices),
  };
}

export const findTeamPolicy = (db: Db, teamId: string): StoredTeamPolicy => fromRow(db.select().from(teamPolicies).where(eq(teamPolicies.teamId, teamId)).get());

/** Writes the settings columns only: the round-robin rotation belongs to the assignment worker and is left alone. */
export function saveTeamPolicy(db: Db, teamId: string, policy: StoredTeamPolicy, now: number): void {
  const values = {
    strategy: policy.strategy,
    onlyOnline: policy.onlyOnline,
    defaultCapacity: policy.defaultCapacity,
    stickyEnabled: policy.sticky.enabled,
    stickyDays: policy.sticky.days,
    vipToOwner: policy.vipToOwner,
    calendarId: policy.calendarId,
    notices: JSON.stringify(policy.notices),
    updatedAt: now,
  };
  db.insert(teamPolicies)
    .values({ teamId, ...values })
    .onConflictDoUpdate({ target: teamPolicies.teamId, set: values })
    .run();
}

/** An agent's own routing facts; none stored = team default capacity, no skills, always on shift. */
export interface StoredAgentRouting {
  capacity: number | null;
  skills: string[];
  shiftCalendarId: string | null;
}

function parseSkills(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    return [];
  }
}

const NO_ROUTING: StoredAgentRouting = { capacity: null, skills: [], shiftCalendarId: null };

export function findAgentRouting(db: Db, userId: string): StoredAgentRouting {
  const row = db.select().from(agentRouting).where(eq(agentRouting.userId, userId)).get();
  return row ? { capacity: row.capacity, skills: parseSkills(row.skills), shiftCalendarId: row.shiftCalendarId } : { ...NO_ROUTING, skills: [] };
}

/** Every stored row by user id (the agents page shows them all at once). */
export function listAgentRouting(db: Db): Map<string, StoredAgentRouting> {
  const rows = db.select().from(agentRouting).all();
  return new Map(rows.map((row) => [row.userId, { capacity: row.capacity, skills: parseSkills(row.skills), shiftCalendarId: row.shiftCalendarId }]));
}

export function saveAgentRouting(db: Db, userId: string, routing: StoredAgentRouting, now: number): void {
  const values = { capacity: routing.capacity, skills: JSON.stringify(routing.skills), shiftCalendarId: routing.shiftCalendarId, updatedAt: now };
  db.insert(agentRouting)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: agentRouting.userId, set: values })
    .run();
}

/** The stored calendars a team or an agent's shift can point at (managed on /settings/calendars). */
export const listCalendarChoices = (db: Db): { id: string; name: string }[] =>
  db.select({ id: calendars.id, name: calendars.name }).from(calendars).orderBy(asc(calendars.name)).all();
