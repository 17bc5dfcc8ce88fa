import type { AppDeps } from './deps';
import { createEventDispatcher, type EventDispatcher, type EventHandler } from './platform/events/event-dispatcher';
import { createAutomationHandler } from './automation/automation.on-customer-message';
import { calendarForInbox } from './conversations/inbox-calendar';
import { createAssignmentHandler } from './assignment/assignment.on-conversation-events';
import { createSlaHandler } from './sla/sla.on-conversation-events';
import { createCsatHandler } from './automation/csat/csat.on-conversation-events';
import { createReportMetricsHandler } from './reports/reports.on-domain-events';

/**
 * Every reaction to a domain event, in one list, in the order they run: automation first (the menu bot claims a new
 * conversation before routing could give it away; welcome before the "you're chatting with" notice), then routing
 * and assignment, SLA clocks, satisfaction surveys, and last the reports' read model. Event names and payloads are
 * in platform/events/event-types.ts.
 */
export function eventHandlers(deps: AppDeps): EventHandler[] {
  return [
    createAutomationHandler({ ...deps, calendarFor: calendarForInbox }),
    createAssignmentHandler(deps),
    createSlaHandler(deps),
    createCsatHandler(deps),
    // The reports read model goes after everything that changes conversations, so it sees their final state.
    createReportMetricsHandler(deps),
  ];
}

export function createAppEventDispatcher(deps: AppDeps): EventDispatcher {
  return createEventDispatcher(deps, eventHandlers(deps));
}
