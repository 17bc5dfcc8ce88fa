import type { AgentState, ConversationToAssign } from './assignment-policy';
import { chooseAgent, type ChooseAgentResult, type TeamForAssignment } from './choose-agent';
import { orderQueue } from './queue-order';
import type { RotationState } from './round-robin';

export interface AssignManyInput {
  now: number;
  /** New conversations, or the team's queue when capacity frees; any order (they are taken in queue order). */
  conversations: readonly ConversationToAssign[];
  team: TeamForAssignment;
  agents: readonly AgentState[];
}

export interface ConversationOutcome extends ChooseAgentResult {
  conversationId: string;
}

export interface AssignManyResult {
  /** One per distinct conversation, in the order decided (queue order). */
  outcomes: ConversationOutcome[];
  assignments: { conversationId: string; agentId: string }[];
  /** What stays in the team queue, in queue order, with any raised priority applied. */
  queued: ConversationToAssign[];
  /** The agents with their new loads, in the order given. */
  agents: AgentState[];
  rotation: RotationState;
  /** Ids that appeared more than once in the input; each was decided once. */
  duplicateIds: string[];
}

/**
 * Decides a batch one conversation at a time in queue order, counting each assignment against the agent's load
 * before the next decision: the same answers as calling chooseAgent one by one, so no conversation is assigned
 * twice and no agent goes over capacity however large the burst.
 */
export function assignMany({ now, conversations, team, agents }: AssignManyInput): AssignManyResult {
  const working = agents.map((agent) => ({ ...agent }));
  const byId = new Map(working.map((agent) => [agent.id, agent]));
  const seen = new Set<string>();
  const duplicateIds = new Set<string>();
  const outcomes: ConversationOutcome[] = [];
  const assignments: AssignManyResult['assignments'] = [];
  const queued: ConversationToAssign[] = [];
  let rotation = team.rotation;

  for (const conversation of orderQueue(conversations)) {
    if (seen.has(conversation.id)) {
      duplicateIds.add(conversation.id);
      continue;
    }
    seen.add(conversation.id);
    const result = chooseAgent({ now, conversation, team: { ...team, rotation }, agents: working });
    rotation = result.rotation;
    outcomes.push({ conversationId: conversation.id, ...result });
    if (result.decision.kind === 'assigned') {
      const agent = byId.get(result.decision.agentId)!;
      agent.openCount += 1;
      agent.lastAssignedAt = now;
      agent.idleSince = now;
      assignments.push({ conversationId: conversation.id, agentId: agent.id });
    } else {
      queued.push({ ...conversation, priority: result.priority });
    }
  }
  return { outcomes, assignments, queued: orderQueue(queued), agents: working, rotation, duplicateIds: [...duplicateIds] };
}
