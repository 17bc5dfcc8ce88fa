import { DAY_MS, priorityRank, type AgentState, type ConversationToAssign, type Priority, type TeamPolicy } from './assignment-policy';
import { whyUnavailable, type EligibilityContext, type UnavailableReason } from './agent-eligibility';
import { nextInRotation, type RotationState } from './round-robin';
import { compareLeastOpen, decidingTieBreak, type LeastOpenTieBreak } from './least-open';

export interface TeamForAssignment {
  memberIds: readonly string[];
  policy: TeamPolicy;
  rotation: RotationState;
}

export interface ChooseAgentInput {
  now: number;
  conversation: ConversationToAssign;
  team: TeamForAssignment;
  /** States of the team's members, plus the contact's owner when they are in another team. Others are ignored. */
  agents: readonly AgentState[];
}

export type AssignedBy = 'vip_owner' | 'sticky' | 'round_robin' | 'least_open';
export type AssignedReason = 'owner_available' | 'returning_customer' | 'next_in_rotation' | 'only_available' | LeastOpenTieBreak;
export type QueuedReason = 'manual' | 'no_members' | 'nobody_available';
export type PassedOverReason = UnavailableReason | 'not_next_in_rotation' | 'more_open' | 'less_idle' | 'higher_id' | 'owner_preferred' | 'last_agent_preferred';

export type AssignmentDecision =
  | { kind: 'assigned'; agentId: string; strategy: AssignedBy; reason: AssignedReason }
  | { kind: 'queued'; reason: QueuedReason };

export interface PassedOver {
  agentId: string;
  reason: PassedOverReason;
}

export interface ChooseAgentResult {
  decision: AssignmentDecision;
  /** Every member not chosen, and the owner or last agent when they were considered, sorted by agent id. */
  passedOver: PassedOver[];
  /** Save this as the team's rotation; it only moves when round robin picks someone. */
  rotation: RotationState;
  /** The conversation's priority after the decision: a VIP whose owner is unavailable goes up to high. */
  priority: Priority;
  priorityRaised: boolean;
}

const LOSER_REASON: Record<LeastOpenTieBreak, PassedOverReason> = { fewest_open: 'more_open', longest_idle: 'less_idle', lowest_id: 'higher_id' };

/**
 * Picks the agent for one conversation, in this order: manual teams queue everything; a VIP goes to their owner
 * when the owner is available; a returning customer goes back to their last agent within the sticky window; then
 * the team's strategy among eligible members; nobody eligible means the queue.
 */
export function chooseAgent({ now, conversation, team, agents }: ChooseAgentInput): ChooseAgentResult {
  const { policy } = team;
  const context: EligibilityContext = { policy, conversation, memberIds: new Set(team.memberIds) };
  const passedOver: PassedOver[] = [];
  let priority = conversation.priority;
  const finish = (decision: AssignmentDecision, rotation = team.rotation): ChooseAgentResult => {
    const chosen = decision.kind === 'assigned' ? decision.agentId : undefined;
    const others = passedOver.filter((entry) => entry.agentId !== chosen).sort(byAgentId);
    return { decision, passedOver: others, rotation, priority, priorityRaised: priority !== conversation.priority };
  };
  if (policy.strategy === 'manual') return finish({ kind: 'queued', reason: 'manual' });

  const members = agents.filter((agent) => context.memberIds.has(agent.id)).sort(byId);
  const eligible: AgentState[] = [];
  for (const member of members) {
    const reason = whyUnavailable(member, context, { member: true, online: false });
    if (reason) passedOver.push({ agentId: member.id, reason });
    else eligible.push(member);
  }
  // Members already have their verdict from the pass above; only someone from outside the team needs one added.
  const noteOutsider = (agent: AgentState, reason: PassedOverReason) => {
    if (!context.memberIds.has(agent.id) && !passedOver.some((entry) => entry.agentId === agent.id)) passedOver.push({ agentId: agent.id, reason });
  };
  const preferred = (agentId: string, strategy: AssignedBy, reason: AssignedReason, othersReason: PassedOverReason) => {
    for (const other of eligible) passedOver.push({ agentId: other.id, reason: othersReason });
    return finish({ kind: 'assigned', agentId, strategy, reason });
  };

  if (policy.vipToOwner && conversation.vip && conversation.ownerAgentId) {
    // An owner with no state (deleted, not loaded) is simply unavailable.
    const owner = agents.find((agent) => agent.id === conversation.ownerAgentId);
    const why = owner && whyUnavailable(owner, context, { member: false, online: true });
    if (owner && !why) return preferred(owner.id, 'vip_owner', 'owner_available', 'owner_preferred');
    if (owner && why) noteOutsider(owner, why);
    if (priorityRank(priority) < priorityRank('high')) priority = 'high';
  }

  const lastAgent = isWithinStickyWindow(conversation, policy, now) ? agents.find((agent) => agent.id === conversation.lastAgentId) : undefined;
  if (lastAgent) {
    const why = whyUnavailable(lastAgent, context, { member: true, online: true });
    if (!why) return preferred(lastAgent.id, 'sticky', 'returning_customer', 'last_agent_preferred');
    noteOutsider(lastAgent, why);
  }

  if (members.length === 0) return finish({ kind: 'queued', reason: 'no_members' });
  if (eligible.length === 0) return finish({ kind: 'queued', reason: 'nobody_available' });
  return policy.strategy === 'round_robin' ? byRoundRobin(eligible, team.rotation, passedOver, finish) : byLeastOpen(eligible, passedOver, finish);
}

type Finish = (decision: AssignmentDecision, rotation?: RotationState) => ChooseAgentResult;

function byRoundRobin(eligible: AgentState[], rotation: RotationState, passedOver: PassedOver[], finish: Finish): ChooseAgentResult {
  const chosen = nextInRotation(eligible, rotation)!;
  for (const other of eligible) passedOver.push({ agentId: other.id, reason: 'not_next_in_rotation' });
  const reason = eligible.length === 1 ? 'only_available' : 'next_in_rotation';
  return finish({ kind: 'assigned', agentId: chosen.id, strategy: 'round_robin', reason }, { lastAgentId: chosen.id });
}

function byLeastOpen(eligible: AgentState[], passedOver: PassedOver[], finish: Finish): ChooseAgentResult {
  const ranked = [...eligible].sort(compareLeastOpen);
  const chosen = ranked[0]!;
  for (const other of ranked.slice(1)) passedOver.push({ agentId: other.id, reason: LOSER_REASON[decidingTieBreak(chosen, other)] });
  const reason = ranked.length === 1 ? 'only_available' : decidingTieBreak(chosen, ranked[1]!);
  return finish({ kind: 'assigned', agentId: chosen.id, strategy: 'least_open', reason });
}

const byId = (a: AgentState, b: AgentState) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byAgentId = (a: PassedOver, b: PassedOver) => (a.agentId < b.agentId ? -1 : a.agentId > b.agentId ? 1 : 0);

/** A returning customer within the team's sticky window (days since they were last served). */
function isWithinStickyWindow(conversation: ConversationToAssign, policy: TeamPolicy, now: number): boolean {
  const { lastAgentId, lastServedAt } = conversation;
  return policy.sticky.enabled && lastAgentId !== null && lastServedAt !== null && now - lastServedAt <= policy.sticky.days * DAY_MS;
}
