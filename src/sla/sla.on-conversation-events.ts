import { and, eq, lte, notInArray } from 'drizzle-orm';
import type { Clock } from '../platform/clock';
import type { Db } from '../platform/db/client';
import type { NewId } from '../platform/ids';
import type { EventHandler } from '../platform/events/event-dispatcher';
import { isEvent, type DomainEvent } from '../platform/events/event-store';
import { messages } from '../conversations/conversations.tables';
import { activeClock, activeClocks, anyActiveClock } from './sla-clocks.repository';
import { pauseRunningClock, refreshConversationDue, reopenResolution, resumePausedClock, retargetClocks, startClock, stopClock } from './sla-clock-ops';
import { listSlaPolicies, type SlaPolicy } from './sla-policies.repository';
import { policyInForce } from './policy-in-force';

export interface SlaHandlerDeps {
  clock: Clock;
  newId: NewId;
}

/** Was there an agent's message to the customer by `at`? Then a customer message starts a next-response clock. */
function agentRepliedBy(tx: Db, conversationId: string, at: number): boolean {
  const row = tx
    .select({ id: messages.id })
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.authorType, 'agent'), eq(messages.direction, 'out'), notInArray(messages.kind, ['note', 'event']), lte(messages.createdAt, at)))
    .limit(1)
    .get();
  return row !== undefined;
}

function apply(tx: Db, event: DomainEvent, id: string, newId: NewId, policies: () => SlaPolicy[]): void {
  const at = event.createdAt;
  const reselect = event.type === 'conversation.opened' || event.type === 'conversation.assigned';
  const subject = policyInForce(tx, id, at, reselect, policies);
  if (!subject) return;
  const { ctx, conversation } = subject;
  if (ctx && subject.changed) retargetClocks(tx, id, ctx, at);
  if (isEvent(event, 'conversation.assigned')) return;
  if (isEvent(event, 'conversation.opened')) {
    if (!ctx) return;
    startClock(tx, id, 'first_response', ctx, at, newId);
    startClock(tx, id, 'resolution', ctx, at, newId);
    return;
  }
  if (isEvent(event, 'message.queued')) {
    if (event.payload.authorType !== 'agent') return;
    for (const clock of activeClocks(tx, id)) if (clock.target !== 'resolution') stopClock(tx, clock, at, ctx?.calendar);
    return;
  }
  if (!ctx) return;
  if (isEvent(event, 'message.received')) {
    if (conversation.status === 'resolved') return;
    const resolution = activeClock(tx, id, 'resolution');
    // A customer writing back to a pending conversation is waiting again.
    if (resolution && conversation.status === 'open') resumePausedClock(tx, resolution, at, ctx);
    if (!activeClock(tx, id, 'first_response') && agentRepliedBy(tx, id, at)) startClock(tx, id, 'next_response', ctx, at, newId);
    return;
  }
  if (isEvent(event, 'conversation.status_changed')) {
    const { from, to } = event.payload;
    const resolution = activeClock(tx, id, 'resolution');
    if (to === 'resolved') for (const clock of activeClocks(tx, id)) stopClock(tx, clock, at, ctx.calendar);
    else if (to === 'pending' && resolution) pauseRunningClock(tx, resolution, at, ctx);
    else if (from === 'resolved') reopenResolution(tx, id, at, ctx, newId);
    else if (resolution) resumePausedClock(tx, resolution, at, ctx);
  }
}

/**
 * SLA clocks follow the conversation: opened starts first response and resolution; an agent's message stops first
 * and next response; a customer message after an agent reply starts next response; pending pauses resolution,
 * resolved stops everything, reopening resumes; a team change may select another policy. Each touched
 * conversation's nearest deadline is copied onto it for the list.
 */
export function createSlaHandler(deps: SlaHandlerDeps): EventHandler {
  return {
    name: 'sla',
    on: ['conversation.opened', 'message.queued', 'message.received', 'conversation.status_changed', 'conversation.assigned'],
    handle(tx, events) {
      const touched = new Set<string>();
      let listed: SlaPolicy[] | undefined;
      const policies = () => (listed ??= listSlaPolicies(tx));
      // No policy and no clock left running: no event can start, stop or move a deadline (most shops, most days).
      if (policies().length === 0 && !anyActiveClock(tx)) return;
      for (const event of events) {
        if (!event.conversationId) continue;
        apply(tx, event, event.conversationId, deps.newId, policies);
        touched.add(event.conversationId);
      }
      const now = deps.clock.now();
      for (const id of touched) refreshConversationDue(tx, id, now);
    },
  };
}
