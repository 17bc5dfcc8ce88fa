import { DEFAULT_TEAM_POLICY, type AgentState, type ConversationToAssign, type TeamPolicy } from '../../src/assignment/assignment-policy';
import type { TeamForAssignment } from '../../src/assignment/choose-agent';
import { INITIAL_ROTATION, type RotationState } from '../../src/assignment/round-robin';

export const NOW = Date.UTC(2026, 10, 24, 9, 0, 0);
export const MINUTE = 60_000;

/** An online, on-shift, idle agent with no skills; override what the test is about. */
export function agent(id: string, overrides: Partial<AgentState> = {}): AgentState {
  return { id, name: id.replace(/^usr_/, ''), status: 'online', onShift: true, disabled: false, skills: [], openCount: 0, lastAssignedAt: null, idleSince: null, ...overrides };
}

export function conversation(id: string, overrides: Partial<ConversationToAssign> = {}): ConversationToAssign {
  return {
    id,
    contactId: `ct_${id}`,
    priority: 'normal',
    vip: false,
    ownerAgentId: null,
    lastAgentId: null,
    lastServedAt: null,
    requiredSkill: null,
    waitingSince: NOW - MINUTE,
    excludedAgentIds: [],
    ...overrides,
  };
}

export function team(memberIds: string[], policy: Partial<TeamPolicy> = {}, rotation: RotationState = INITIAL_ROTATION): TeamForAssignment {
  return { memberIds, policy: { ...DEFAULT_TEAM_POLICY, ...policy }, rotation };
}
