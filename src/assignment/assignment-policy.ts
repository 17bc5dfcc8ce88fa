/**
 * The plain data the assignment core works on. Callers load it (agents' presence and loads, the team's policy and
 * rotation) and the pure functions in this folder decide; nothing here reads a database or a clock.
 */

/** Same values and order of urgency as `conversations.priority`. */
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export type AgentStatus = 'online' | 'away' | 'offline';

export interface AgentState {
  id: string;
  name: string;
  status: AgentStatus;
  /** Within their working hours now; the caller works this out from the shift schedule. */
  onShift: boolean;
  disabled: boolean;
  /** Max concurrent open conversations for this agent; the team's default when absent. */
  capacity?: number;
  skills: readonly string[];
  openCount: number;
  lastAssignedAt: number | null;
  /** When the agent last became idle; null = never busy, which counts as idle the longest. */
  idleSince: number | null;
}

/** `manual` never assigns: conversations wait in the team queue for someone to pick them. */
export type AssignmentStrategy = 'round_robin' | 'least_open' | 'manual';
export const ASSIGNMENT_STRATEGIES: readonly AssignmentStrategy[] = ['round_robin', 'least_open', 'manual'];

export interface TeamPolicy {
  strategy: AssignmentStrategy;
  /** When off, away and offline agents may be picked by the strategy (never by sticky or VIP, which need online). */
  onlyOnline: boolean;
  defaultCapacity: number;
  sticky: { enabled: boolean; days: number };
  vipToOwner: boolean;
}

export const DEFAULT_TEAM_POLICY: TeamPolicy = {
  strategy: 'round_robin',
  onlyOnline: true,
  defaultCapacity: 5,
  sticky: { enabled: true, days: 30 },
  vipToOwner: true,
};

export interface ConversationToAssign {
  id: string;
  contactId: string;
  priority: Priority;
  vip: boolean;
  /** The contact's owner (account manager), for VIP routing. */
  ownerAgentId: string | null;
  /** Who served this contact last, and when (for sticky assignment). */
  lastAgentId: string | null;
  lastServedAt: number | null;
  requiredSkill: string | null;
  waitingSince: number;
  /** Agents who must not get it again, e.g. one who let it go idle and was released from it. */
  excludedAgentIds: readonly string[];
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/** An agent's own capacity wins over the team default; negative or NaN count as 0 (never assign). */
export function capacityOf(agent: AgentState, policy: TeamPolicy): number {
  const capacity = agent.capacity ?? policy.defaultCapacity;
  return Number.isNaN(capacity) ? 0 : Math.max(0, capacity);
}

export function priorityRank(priority: Priority): number {
  return PRIORITIES.indexOf(priority);
}
