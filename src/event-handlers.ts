import type { AppDeps } from './deps';
import { createEventDispatcher, type EventDispatcher, type EventHandler } from './platform/events/event-dispatcher';

/**
 * Every reaction to a domain event, in one list, in the order they run: routing and assignment first (a new
 * conversation gets its agent), then automation, then SLA clocks. Event types are in conversations/conversations.events.ts.
 */
export function eventHandlers(_deps: AppDeps): EventHandler[] {
  return [];
}

export function createAppEventDispatcher(deps: AppDeps): EventDispatcher {
  return createEventDispatcher(deps, eventHandlers(deps));
}
