import type { MessageKey } from '../i18n/translate';
import type { TimelineText } from '../i18n/timeline-text';
import type { AssignedBy, ChooseAgentResult, PassedOverReason, QueuedReason } from './choose-agent';
import type { ContactCondition } from './routing-conditions';
import type { RouteResult, RoutingMatch } from './routing-rules';


const STRATEGY_KEYS: Record<AssignedBy, MessageKey> = {
  round_robin: 'assignment.strategy.round_robin',
  least_open: 'assignment.strategy.least_open',
  sticky: 'assignment.strategy.sticky',
  vip_owner: 'assignment.strategy.vip_owner',
};

const QUEUED_KEYS: Record<QueuedReason, MessageKey> = {
  manual: 'assignment.queued.manual',
  no_members: 'assignment.queued.no_members',
  nobody_available: 'assignment.queued.nobody_available',
};

const PASSED_OVER_KEYS: Record<PassedOverReason, MessageKey> = {
  disabled: 'assignment.passedOver.disabled',
  not_member: 'assignment.passedOver.not_member',
  excluded: 'assignment.passedOver.excluded',
  off_shift: 'assignment.passedOver.off_shift',
  offline: 'assignment.passedOver.offline',
  away: 'assignment.passedOver.away',
  lacks_skill: 'assignment.passedOver.lacks_skill',
  at_capacity: 'assignment.passedOver.at_capacity',
  not_next_in_rotation: 'assignment.passedOver.not_next_in_rotation',
  more_open: 'assignment.passedOver.more_open',
  less_idle: 'assignment.passedOver.less_idle',
  higher_id: 'assignment.passedOver.higher_id',
  owner_preferred: 'assignment.passedOver.owner_preferred',
  last_agent_preferred: 'assignment.passedOver.last_agent_preferred',
};

/** "Assigned to Sara (round robin). Passed over: Omar (offline); Lina (at capacity)." — or why it waits in the queue. */
export function explainDecision(result: ChooseAgentResult, agentName: (agentId: string) => string): TimelineText {
  const others = result.passedOver.map(({ agentId, reason }) => ({ key: PASSED_OVER_KEYS[reason], vars: { agent: agentName(agentId) } }));
  const withOthers = others.length > 0;
  const { decision } = result;
  if (decision.kind === 'queued') {
    const reason = { key: QUEUED_KEYS[decision.reason], vars: {} };
    return withOthers ? { key: 'assignment.event.queuedPassedOver', vars: { reason, others } } : { key: 'assignment.event.queued', vars: { reason } };
  }
  const vars = { agent: agentName(decision.agentId), strategy: { key: STRATEGY_KEYS[decision.strategy], vars: {} } };
  return withOthers ? { key: 'assignment.event.assignedPassedOver', vars: { ...vars, others } } : { key: 'assignment.event.assigned', vars };
}

/** The extra timeline line when a VIP's owner was unavailable and the conversation went up to high priority. */
export function explainPriorityChange(result: ChooseAgentResult): TimelineText | undefined {
  return result.priorityRaised ? { key: 'assignment.event.priorityRaised', vars: {} } : undefined;
}

/** "Routed to Billing by the rule “Refunds”: the message mentions “refund”." */
export function explainRoute(route: RouteResult, teamName: string): TimelineText {
  return { key: 'assignment.event.routed', vars: { team: teamName, rule: route.rule.name, why: route.reason.map(explainMatch) } };
}

function explainMatch(match: RoutingMatch): TimelineText {
  switch (match.kind) {
    case 'keyword':
      return { key: 'assignment.match.keyword', vars: { keyword: match.keyword } };
    case 'inbox':
      return { key: 'assignment.match.inbox', vars: {} };
    case 'menu_option':
      return { key: 'assignment.match.menuOption', vars: { option: match.option } };
    case 'catch_all':
      return { key: 'assignment.match.catchAll', vars: {} };
    case 'contact':
      return explainContactCondition(match.condition);
  }
}

function explainContactCondition(condition: ContactCondition): TimelineText {
  switch (condition.kind) {
    case 'customer':
      return { key: condition.is === 'new' ? 'assignment.match.newCustomer' : 'assignment.match.returningCustomer', vars: {} };
    case 'vip':
      return { key: condition.is ? 'assignment.match.vip' : 'assignment.match.notVip', vars: {} };
    case 'language':
      return { key: 'assignment.match.language', vars: { language: condition.anyOf.join(', ') } };
    case 'tag':
      return { key: 'assignment.match.tag', vars: { tags: condition.anyOf.join(', ') } };
    case 'attribute':
      return { key: 'assignment.match.attribute', vars: { attribute: condition.key } };
  }
}
