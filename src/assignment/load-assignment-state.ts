import { and, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { users } from '../accounts/accounts.tables';
import { INBOX_USERS } from '../accounts/access-policy';
import { teamMembers, teams } from '../teams/teams.tables';
import { agentRouting, teamPolicies } from '../teams/team-policies.tables';
import { agentPresence } from '../live/presence.tables';
import { effectivePresence } from '../live/presence-rule';
import { conversations } from '../conversations/conversations.tables';
import { findCalendarDefinition } from '../business-hours/calendars/calendars.repository';
import { isOpenAt } from '../business-hours/business-hours';
import { DEFAULT_TEAM_POLICY, type AgentState, type TeamPolicy } from './assignment-policy';
import { readRotation } from './round-robin';
import type { TeamForAssignment } from './choose-agent';
import { agentAssignmentStats } from './assignment.tables';

/**
 * Reads what the pure assignment core decides on. One snapshot per event batch caches what does not change within
 * it (whether each shift calendar is open now); presence, loads and queues are read fresh per team, so a decision
 * for one team counts the assignments another team's drain just made in the same transaction.
 */
export interface AssignmentSnapshot {
  db: Db;
  now: number;
  calendars: Map<string, boolean>;
}

export function takeSnapshot(db: Db, now: number): AssignmentSnapshot {
  return { db, now, calendars: new Map() };
}

export interface LoadedTeam extends TeamForAssignment {
  id: string;
  name: string;
}

/** The team's members, policy (defaults when it has no row) and rotation; undefined when the team is gone. */
export function loadTeam(db: Db, teamId: string): LoadedTeam | undefined {
  const team = db.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.id, teamId)).get();
  if (!team) return undefined;
  const row = db.select().from(teamPolicies).where(eq(teamPolicies.teamId, teamId)).get();
  const policy: TeamPolicy = row
    ? { strategy: row.strategy, onlyOnline: row.onlyOnline, defaultCapacity: row.defaultCapacity, sticky: { enabled: row.stickyEnabled, days: row.stickyDays }, vipToOwner: row.vipToOwner }
    : DEFAULT_TEAM_POLICY;
  const memberIds = db.select({ id: teamMembers.userId }).from(teamMembers).where(eq(teamMembers.teamId, teamId)).all().map((m) => m.id);
  return { ...team, memberIds, policy, rotation: readRotation({ lastAgentId: row?.rotationLastAgentId ?? null }) };
}

/**
 * Agents' states. Load is the number of OPEN conversations assigned to them: pending (waiting on the customer) and
 * snoozed ones ask nothing of the agent now, so they do not hold a slot; a woken snooze counts again. Loads are
 * counted only for agents who could be picked (enabled, on shift, online unless `onlyOnline` is off): for everyone
 * else an earlier reason decides (agent-eligibility.ts checks capacity last), and counting is the costly part.
 */
export function loadAgentStates(snapshot: AssignmentSnapshot, userIds: readonly string[], { onlyOnline }: { onlyOnline: boolean } = { onlyOnline: false }): AgentState[] {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return [];
  const { db } = snapshot;
  const people = db
    .select({ id: users.id, name: users.name, role: users.role, disabledAt: users.disabledAt, chosenStatus: agentPresence.chosenStatus, lastHeartbeatAt: agentPresence.lastHeartbeatAt, lastActivityAt: agentPresence.lastActivityAt })
    .from(users)
    .leftJoin(agentPresence, eq(agentPresence.userId, users.id))
    .where(inArray(users.id, ids))
    .all();
  const routing = new Map(db.select().from(agentRouting).where(inArray(agentRouting.userId, ids)).all().map((row) => [row.userId, row]));
  const stats = new Map(db.select().from(agentAssignmentStats).where(inArray(agentAssignmentStats.userId, ids)).all().map((row) => [row.userId, row.lastAssignedAt]));
  const inboxRoles: readonly string[] = INBOX_USERS;
  const agents: AgentState[] = people.map((person) => {
    const row = routing.get(person.id);
    const lastAssignedAt = stats.get(person.id) ?? null;
    return {
      id: person.id,
      name: person.name,
      // The same effective status the top bar shows (listAgentPresence), worked out from the same facts.
      status: effectivePresence({ chosenStatus: person.chosenStatus ?? null, lastHeartbeatAt: person.lastHeartbeatAt ?? null, lastActivityAt: person.lastActivityAt ?? null }, snapshot.now),
      onShift: onShift(snapshot, row?.shiftCalendarId ?? null),
      // An analyst in a team cannot work conversations: as unavailable as a disabled account.
      disabled: person.disabledAt !== null || !inboxRoles.includes(person.role),
      capacity: row?.capacity ?? undefined,
      skills: parseSkills(row?.skills),
      openCount: 0,
      lastAssignedAt,
      idleSince: lastAssignedAt,
    };
  });
  const countable = agents.filter((agent) => !agent.disabled && agent.onShift && (agent.status === 'online' || !onlyOnline));
  const loads = countable.length > 0 ? openCounts(db, countable.map((agent) => agent.id)) : new Map<string, number>();
  for (const agent of countable) agent.openCount = loads.get(agent.id) ?? 0;
  return agents;
}

export function openCounts(db: Db, userIds: readonly string[]): Map<string, number> {
  const rows = db
    .select({ id: conversations.assigneeId, n: count() })
    .from(conversations)
    .where(and(inArray(conversations.assigneeId, [...userIds]), eq(conversations.status, 'open')))
    .groupBy(conversations.assigneeId)
    .all();
  return new Map(rows.map((row) => [row.id!, row.n]));
}

function onShift(snapshot: AssignmentSnapshot, calendarId: string | null): boolean {
  if (!calendarId) return true;
  let open = snapshot.calendars.get(calendarId);
  if (open === undefined) {
    const calendar = findCalendarDefinition(snapshot.db, calendarId);
    // A missing or broken calendar means always on shift, like having none.
    open = calendar ? isOpenAt(calendar, snapshot.now) : true;
    snapshot.calendars.set(calendarId, open);
  }
  return open;
}

function parseSkills(json: string | undefined): string[] {
  try {
    const value: unknown = JSON.parse(json ?? '[]');
    return Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    return [];
  }
}

/** The teams an agent belongs to (an agent coming online or gaining capacity may take from each queue). */
export function teamsOf(db: Db, userId: string): string[] {
  return db.select({ teamId: teamMembers.teamId }).from(teamMembers).where(eq(teamMembers.userId, userId)).all().map((row) => row.teamId);
}
