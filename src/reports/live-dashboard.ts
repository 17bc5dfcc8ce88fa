import { and, asc, count, eq, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { conversations } from '../conversations/conversations.tables';
import { FALLBACK_CAPACITY } from '../conversations/agent-capacity';
import { teams, teamMembers } from '../teams/teams.tables';
import { agentRouting, teamPolicies } from '../teams/team-policies.tables';
import { agentPresence } from '../live/presence.tables';
import { users } from '../accounts/accounts.tables';
import { breachesNow, slaConfigured } from './sla-figures';

export interface TeamQueue {
  teamId: string | null;
  teamName: string | null;
  waiting: number;
  /** How long the longest-waiting conversation has been in the queue, ms. */
  longestWaitMs: number;
}

export interface LiveDashboard {
  queues: TeamQueue[];
  agentsOnline: number;
  agentsAtCapacity: number;
  /** Null when no SLA policy exists. */
  breachesNow: number | null;
}

/**
 * The state right now, straight from the live tables (small: only waiting conversations and people): the queue of
 * each team (waiting for an agent: queued and unassigned), agents online and how many of them are full.
 */
export function liveDashboard(db: Db, now: number): LiveDashboard {
  const queues = db
    .select({ teamId: conversations.teamId, teamName: teams.name, waiting: count(), oldest: sql<number>`min(${conversations.queuedAt})` })
    .from(conversations)
    .leftJoin(teams, eq(teams.id, conversations.teamId))
    .where(and(isNotNull(conversations.queuedAt), isNull(conversations.assigneeId), ne(conversations.status, 'resolved')))
    .groupBy(conversations.teamId)
    .orderBy(asc(teams.name))
    .all()
    .map((row) => ({ teamId: row.teamId, teamName: row.teamName, waiting: row.waiting, longestWaitMs: Math.max(0, now - row.oldest) }));
  const online = db
    .select({ userId: agentPresence.userId, own: agentRouting.capacity })
    .from(agentPresence)
    .innerJoin(users, eq(users.id, agentPresence.userId))
    .leftJoin(agentRouting, eq(agentRouting.userId, agentPresence.userId))
    .where(and(eq(agentPresence.status, 'online'), isNull(users.disabledAt)))
    .all();
  let atCapacity = 0;
  if (online.length > 0) {
    const ids = online.map((o) => o.userId);
    const load = new Map(
      db
        .select({ userId: conversations.assigneeId, n: count() })
        .from(conversations)
        .where(and(inArray(conversations.assigneeId, ids), eq(conversations.status, 'open')))
        .groupBy(conversations.assigneeId)
        .all()
        .map((r) => [r.userId!, r.n]),
    );
    // With no capacity of their own, the smallest default among their teams applies (the strictest).
    const teamDefaults = new Map(
      db
        .select({ userId: teamMembers.userId, capacity: sql<number>`min(${teamPolicies.defaultCapacity})` })
        .from(teamMembers)
        .innerJoin(teamPolicies, eq(teamPolicies.teamId, teamMembers.teamId))
        .where(inArray(teamMembers.userId, ids))
        .groupBy(teamMembers.userId)
        .all()
        .map((r) => [r.userId, r.capacity]),
    );
    for (const agent of online) {
      const capacity = agent.own ?? teamDefaults.get(agent.userId) ?? FALLBACK_CAPACITY;
      if ((load.get(agent.userId) ?? 0) >= capacity) atCapacity++;
    }
  }
  return { queues, agentsOnline: online.length, agentsAtCapacity: atCapacity, breachesNow: slaConfigured(db) ? breachesNow(db) : null };
}
