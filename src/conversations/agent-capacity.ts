import { and, count, eq } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { agentRouting, teamPolicies } from '../teams/team-policies.tables';
import { conversations } from './conversations.tables';

/** The capacity of an agent with none of their own in a team without a policy row (DEFAULT_TEAM_POLICY's). */
export const FALLBACK_CAPACITY = 5;

/**
 * THE capacity hook for manual assignment and transfer: may this agent take one more open conversation? Their own
 * capacity, else the default of the conversation's team, else 5; the load counts OPEN conversations only, as the
 * assigner does. Supervisors and admins can override a refusal (conversation-change.ts mayOverrideCapacity).
 */
export function canTakeMore(db: Db, userId: string, conversation: { teamId: string | null }): boolean {
  const own = db.select({ capacity: agentRouting.capacity }).from(agentRouting).where(eq(agentRouting.userId, userId)).get()?.capacity;
  const teamDefault = conversation.teamId ? db.select({ capacity: teamPolicies.defaultCapacity }).from(teamPolicies).where(eq(teamPolicies.teamId, conversation.teamId)).get()?.capacity : undefined;
  const capacity = own ?? teamDefault ?? FALLBACK_CAPACITY;
  const open = db.select({ n: count() }).from(conversations).where(and(eq(conversations.assigneeId, userId), eq(conversations.status, 'open'))).get()?.n ?? 0;
  return open < capacity;
}
