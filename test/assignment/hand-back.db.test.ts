import { afterEach, beforeEach, expect, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/test-app';
import { domainEvents } from '../../src/platform/events/events.tables';
import { settings } from '../../src/settings/settings.tables';
import { chooseStatus } from '../../src/live/presence.repository';
import { queueOutboundMessage } from '../../src/conversations/queue-outbound-message';
import { handBackFromAwayAgents } from '../../src/assignment/hand-back-from-away-agents';
import { decisions, newCustomer, online, row, seedAgent, seedTeam, seedTeamInbox } from './assignment-db-fixtures';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.cleanup());

const MINUTE = 60_000;

/** Two agents online; the first (by id) gets the customer's conversation; then they step away. */
function assignedThenAway() {
  const [a, b] = [seedAgent(t, 'Amal'), seedAgent(t, 'Badr')].sort() as [string, string];
  online(t, a, b);
  const inbox = seedTeamInbox(t, seedTeam(t, 'Support', [a, b]));
  const id = newCustomer(t, inbox, 1);
  t.drainEvents();
  expect(row(t, id).assigneeId).toBe(a);
  chooseStatus(t.deps.db, a, { now: t.clock.now(), status: 'away' });
  return { a, b, id };
}

/** Time passes; the other agent keeps their tab alive. */
function later(minutes: number, ...stillOnline: string[]) {
  t.clock.advance(minutes * MINUTE);
  online(t, ...stillOnline);
}

test('leaves waiting conversations with an agent who is away for less than the grace period', () => {
  const { a, b, id } = assignedThenAway();
  later(4, b);
  expect(handBackFromAwayAgents(t.deps).handedBack).toEqual([]);
  expect(row(t, id).assigneeId).toBe(a);
});

test('returns a waiting conversation to the queue after the grace period and gives it to someone else', () => {
  const { a, b, id } = assignedThenAway();
  later(6, b);
  expect(handBackFromAwayAgents(t.deps).handedBack).toEqual([id]);
  expect(row(t, id)).toMatchObject({ assigneeId: null, excludedAgentId: a, queuedAt: t.clock.now() });
  const requeued = t.deps.db.select().from(domainEvents).where(eq(domainEvents.type, 'conversation.requeued')).all();
  expect(requeued.map((e) => JSON.parse(e.payload))).toEqual([{ fromAgentId: a, reason: 'agent_away' }]);
  expect(decisions(t, id).map((d) => d.key)).toContain('assigner.event.handedBack');
  t.drainEvents();
  expect(row(t, id).assigneeId).toBe(b);
});

test('keeps a conversation the agent already answered', () => {
  const { a, b, id } = assignedThenAway();
  queueOutboundMessage({ conversationId: id, author: { type: 'agent', id: a }, content: { kind: 'text', text: 'On it' } }, t.deps);
  later(10, b);
  expect(handBackFromAwayAgents(t.deps).handedBack).toEqual([]);
  expect(row(t, id).assigneeId).toBe(a);
});

test('hands back from an agent whose tab closed (offline) after the grace period', () => {
  const [a, b] = [seedAgent(t, 'Amal'), seedAgent(t, 'Badr')].sort() as [string, string];
  online(t, a, b);
  const inbox = seedTeamInbox(t, seedTeam(t, 'Support', [a, b]));
  const id = newCustomer(t, inbox, 1);
  t.drainEvents();
  // Amal's heartbeats stop; the presence job notices two minutes later.
  later(2, b);
  chooseStatus(t.deps.db, a, { now: t.clock.now(), status: null });
  later(6, b);
  expect(handBackFromAwayAgents(t.deps).handedBack).toEqual([id]);
  expect(JSON.parse(t.deps.db.select().from(domainEvents).where(eq(domainEvents.type, 'conversation.requeued')).get()!.payload).reason).toBe('agent_offline');
});

test('does nothing when the grace period is set to 0', () => {
  const { b } = assignedThenAway();
  t.deps.db.insert(settings).values({ key: 'assignment_hand_back', value: JSON.stringify({ graceMinutes: 0 }), updatedAt: t.clock.now() }).run();
  later(60, b);
  expect(handBackFromAwayAgents(t.deps).handedBack).toEqual([]);
});
