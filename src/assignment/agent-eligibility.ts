import { normalizeTerm } from '../platform/text/arabic-normalize';
import { capacityOf, type AgentState, type ConversationToAssign, type TeamPolicy } from './assignment-policy';

/** Why an agent cannot take this conversation now. */
export type UnavailableReason = 'disabled' | 'not_member' | 'excluded' | 'off_shift' | 'offline' | 'away' | 'lacks_skill' | 'at_capacity';

export interface EligibilityContext {
  policy: TeamPolicy;
  conversation: ConversationToAssign;
  memberIds: ReadonlySet<string>;
}

export interface EligibilityRequirements {
  /** The team strategy picks members only; a VIP owner may come from any team. */
  member: boolean;
  /** Sticky and VIP routing need the agent online whatever the team's onlyOnline option says. */
  online: boolean;
}

/**
 * The first reason, in a fixed order, that rules the agent out; undefined when they can take it. The order puts
 * the most permanent reasons first so the explanation names the one an admin would act on.
 */
export function whyUnavailable(agent: AgentState, context: EligibilityContext, needs: EligibilityRequirements): UnavailableReason | undefined {
  const { policy, conversation } = context;
  if (agent.disabled) return 'disabled';
  if (needs.member && !context.memberIds.has(agent.id)) return 'not_member';
  if (conversation.excludedAgentIds.includes(agent.id)) return 'excluded';
  if (!agent.onShift) return 'off_shift';
  if ((needs.online || policy.onlyOnline) && agent.status !== 'online') return agent.status;
  if (conversation.requiredSkill && !hasSkill(agent, conversation.requiredSkill)) return 'lacks_skill';
  if (agent.openCount >= capacityOf(agent, policy)) return 'at_capacity';
  return undefined;
}

/** Skill tags compare like keywords: case, diacritics and alef forms do not matter. */
export function hasSkill(agent: AgentState, skill: string): boolean {
  const wanted = normalizeTerm(skill);
  return agent.skills.some((own) => normalizeTerm(own) === wanted);
}
