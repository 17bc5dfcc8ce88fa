import type { Db } from '../platform/db/client';
import type { Clock } from '../platform/clock';
import type { NewId } from '../platform/ids';
import type { LiveHub } from '../platform/live-hub';
import type { Waker } from '../platform/wake';
import type { EventHandler } from '../platform/events/event-dispatcher';
import { isEvent, type DomainEvent } from '../platform/events/event-store';
import { findConversation } from '../conversations/conversations.repository';
import { routeNewConversation } from './route-new-conversation';
import { assignFromQueue, type QueueDrain } from './assign-from-queue';
import { takeSnapshot, teamsOf } from './load-assignment-state';
import { teamsWithQueue } from './load-team-queue';
import { queueAssignmentNotices } from './customer-notices';

export interface AssignmentHandlerDeps {
  clock: Clock;
  newId: NewId;
  live?: LiveHub;
  wake?: Waker['wake'];
}

/** What a batch of events asks of the assigner: conversations to route, newcomers per team, queues to drain. */
interface Plan {
  toRoute: string[];
  fresh: Map<string, Set<string>>;
  teams: Set<string>;
  everyQueue: boolean;
}

/**
 * The event-driven assigner. New conversations (opened, or handed over by the bot) are routed, then every affected
 * team's queue is decided in one go; anything that frees capacity (a resolve, leaving open, an unassign or transfer
 * by a person, an agent coming online, a capacity or membership change, a requeue) drains the queues in the same
 * pass, so nothing waits for a sweep. A conversation routing leaves without a team waits unassigned in the general
 * queue (routing's timeline line says why); nobody assigns it until a person does.
 */
export function createAssignmentHandler(deps: AssignmentHandlerDeps): EventHandler {
  return {
    name: 'assignment',
    on: ['conversation.opened', 'conversation.handed_over', 'conversation.requeued', 'conversation.assigned', 'conversation.status_changed', 'agent.availability_changed', 'routing.capacity_changed'],
    handle(tx, events) {
      const now = deps.clock.now();
      const plan = planFor(tx, events);
      for (const id of plan.toRoute) {
        const { teamId } = routeNewConversation(tx, id, now, deps);
        const routed = findConversation(tx, id);
        if (teamId && routed && routed.assigneeId === null && routed.queuedAt !== null) addFresh(plan, teamId, id);
      }
      const teams = new Set(plan.teams);
      if (plan.everyQueue) for (const teamId of teamsWithQueue(tx)) teams.add(teamId);
      const snapshot = takeSnapshot(tx, now);
      const drains: QueueDrain[] = [];
      for (const teamId of [...teams].sort()) drains.push(assignFromQueue(snapshot, deps, teamId, plan.fresh.get(teamId) ?? new Set()));
      const notices = drains.flatMap((drain) => drain.notices);
      const changed = drains.flatMap((drain) => drain.changed);
      const noticesQueued = queueAssignmentNotices(tx, deps, notices);
      if (changed.length === 0 && !noticesQueued) return;
      return () => {
        for (const c of changed) deps.live?.publish({ type: 'conversation.changed', conversationId: c.id, inboxId: c.inboxId });
        if (noticesQueued) deps.wake?.('outbox');
      };
    },
  };
}

function addFresh(plan: Plan, teamId: string, conversationId: string) {
  plan.teams.add(teamId);
  let set = plan.fresh.get(teamId);
  if (!set) plan.fresh.set(teamId, (set = new Set()));
  set.add(conversationId);
}

function planFor(tx: Db, events: readonly DomainEvent[]): Plan {
  const plan: Plan = { toRoute: [], fresh: new Map(), teams: new Set(), everyQueue: false };
  const waitingInQueue = (conversationId: string | null) => {
    const conversation = conversationId ? findConversation(tx, conversationId) : undefined;
    if (conversation?.teamId && conversation.assigneeId === null && conversation.queuedAt !== null && conversation.status === 'open') return conversation;
    return undefined;
  };
  for (const event of events) {
    if (isEvent(event, 'conversation.opened') || isEvent(event, 'conversation.handed_over')) {
      const conversation = event.conversationId ? findConversation(tx, event.conversationId) : undefined;
      // The bot still talking, or someone already took it by hand (which settles routing): nothing to route.
      if (conversation && conversation.routedAt === null && !conversation.withBot && conversation.status === 'open') plan.toRoute.push(conversation.id);
    } else if (isEvent(event, 'conversation.requeued')) {
      const conversation = waitingInQueue(event.conversationId);
      if (conversation) addFresh(plan, conversation.teamId!, conversation.id);
      plan.everyQueue = true;
    } else if (isEvent(event, 'conversation.assigned')) {
      // Rasil's own assignments (actor null) free nothing; a person's unassign or transfer frees the old agent's slot.
      if (event.payload.actorId === null) continue;
      const conversation = waitingInQueue(event.conversationId);
      if (conversation) addFresh(plan, conversation.teamId!, conversation.id);
      plan.everyQueue = true;
    } else if (isEvent(event, 'conversation.status_changed')) {
      const { from, to } = event.payload;
      if (from === 'open' || to === 'resolved') plan.everyQueue = true;
      // A woken snooze that was waiting in its queue is back in line.
      const conversation = to === 'open' ? waitingInQueue(event.conversationId) : undefined;
      if (conversation) plan.teams.add(conversation.teamId!);
    } else if (isEvent(event, 'agent.availability_changed')) {
      if (event.payload.status === 'online') for (const teamId of teamsOf(tx, event.payload.userId)) plan.teams.add(teamId);
    } else if (isEvent(event, 'routing.capacity_changed')) {
      const { teamId, userId } = event.payload;
      if (teamId) plan.teams.add(teamId);
      if (userId) for (const id of teamsOf(tx, userId)) plan.teams.add(id);
      if (!teamId && !userId) plan.everyQueue = true;
    }
  }
  return plan;
}
