import { afterEach, beforeEach, expect, test } from 'bun:test';
import { and, eq, isNotNull } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/test-app';
import { runInTransaction } from '../../src/platform/db/client';
import { domainEvents } from '../../src/platform/events/events.tables';
import { conversations } from '../../src/conversations/conversations.tables';
import { assignedTo, newCustomer, online, seedAgent, seedTeam, seedTeamInbox, setCapacity } from './assignment-db-fixtures';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.cleanup());

/** Every handler (automation, SLA, reports too) runs over the 500 new conversations. */
const BURST_TIMEOUT = 60_000;

/**
 * 500 customers write at once: stored in one transaction (as one webhook-journal batch would), then the assigner
 * sees them all in one drain.
 */
function burst(inboxId: string, size = 500): string[] {
  return runInTransaction(t.deps.db, (tx) => {
    const inTx = { ...t, deps: { ...t.deps, db: tx } } as TestApp;
    return Array.from({ length: size }, (_, i) => newCustomer(inTx, inboxId, i));
  });
}

function assignmentEventsPerConversation(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const event of t.deps.db.select().from(domainEvents).where(eq(domainEvents.type, 'conversation.assigned')).all()) counts.set(event.conversationId!, (counts.get(event.conversationId!) ?? 0) + 1);
  return counts;
}

test('spreads a burst of 500 evenly by round robin and assigns each conversation once', () => {
  const agents = Array.from({ length: 7 }, (_, i) => seedAgent(t, `Agent ${i}`));
  const offline = seedAgent(t, 'Offline');
  for (const id of agents) setCapacity(t, id, 100);
  online(t, ...agents);
  const inbox = seedTeamInbox(t, seedTeam(t, 'Support', [...agents, offline]));
  const ids = burst(inbox);
  t.drainEvents();
  const loads = agents.map((id) => assignedTo(t, id));
  expect(loads.reduce((a, b) => a + b, 0)).toBe(500);
  expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
  expect(assignedTo(t, offline)).toBe(0);
  const perConversation = assignmentEventsPerConversation();
  expect(ids.every((id) => perConversation.get(id) === 1)).toBe(true);
}, BURST_TIMEOUT);

test('never goes over anyone’s capacity in a burst larger than the team can take, and queues the rest', () => {
  const agents = Array.from({ length: 10 }, (_, i) => seedAgent(t, `Agent ${i}`));
  agents.forEach((id, i) => setCapacity(t, id, 20 + i * 2));
  online(t, ...agents);
  const inbox = seedTeamInbox(t, seedTeam(t, 'Support', agents, { strategy: 'least_open' }));
  burst(inbox);
  t.drainEvents();
  agents.forEach((id, i) => expect(assignedTo(t, id)).toBe(20 + i * 2));
  const capacity = agents.reduce((sum, _, i) => sum + 20 + i * 2, 0);
  const queued = t.deps.db.select({ id: conversations.id }).from(conversations).where(and(isNotNull(conversations.queuedAt), eq(conversations.status, 'open'))).all();
  expect(queued.length).toBe(500 - capacity);
  expect([...assignmentEventsPerConversation().values()].every((n) => n === 1)).toBe(true);
}, BURST_TIMEOUT);

test('drains the rest of a burst as agents resolve, still within capacity', () => {
  const agents = Array.from({ length: 3 }, (_, i) => seedAgent(t, `Agent ${i}`));
  for (const id of agents) setCapacity(t, id, 2);
  online(t, ...agents);
  const inbox = seedTeamInbox(t, seedTeam(t, 'Support', agents));
  burst(inbox, 20);
  t.drainEvents();
  for (const id of agents) expect(assignedTo(t, id)).toBe(2);
  // Every agent finishes one: three slots free, three more leave the queue, oldest first.
  const firstOfEach = agents.map((id) => t.deps.db.select({ id: conversations.id }).from(conversations).where(and(eq(conversations.assigneeId, id), eq(conversations.status, 'open'))).get()!.id);
  for (const id of firstOfEach) t.deps.db.update(conversations).set({ status: 'resolved' }).where(eq(conversations.id, id)).run();
  t.deps.db.insert(domainEvents).values({ type: 'routing.capacity_changed', payload: '{}', createdAt: t.clock.now() }).run();
  t.drainEvents();
  for (const id of agents) expect(assignedTo(t, id)).toBe(2);
  expect(t.deps.db.select().from(conversations).where(isNotNull(conversations.queuedAt)).all().length).toBe(20 - 9);
});
