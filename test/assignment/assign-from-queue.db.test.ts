import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/test-app';
import { domainEvents } from '../../src/platform/events/events.tables';
import { teamPolicies } from '../../src/teams/team-policies.tables';
import { changeConversationStatus } from '../../src/conversations/change-conversation-status';
import { createAppEventDispatcher } from '../../src/event-handlers';
import { assignedTo, decisions, makeVip, newCustomer, online, row, seedAgent, seedTeam, seedTeamInbox, setCapacity } from './assignment-db-fixtures';
import { receive } from '../conversations/inbox-fixtures';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.cleanup());

const resolve = (conversationId: string, actorId: string) => changeConversationStatus({ conversationId, status: 'resolved', actor: { id: actorId, name: 'Someone' } }, t.deps);

describe('the event-driven assigner', () => {
  test('assigns a new conversation to an online member, leaves the queue and says why', () => {
    const sara = seedAgent(t, 'Sara');
    const omar = seedAgent(t, 'Omar');
    online(t, sara);
    const inbox = seedTeamInbox(t, seedTeam(t, 'Support', [sara, omar]));
    const id = newCustomer(t, inbox, 1);
    t.drainEvents();
    const after = row(t, id);
    expect(after.assigneeId).toBe(sara);
    expect(after.queuedAt).toBeNull();
    expect(after.routedAt).not.toBeNull();
    expect(decisions(t, id)).toEqual([
      {
        key: 'assignment.event.assignedPassedOver',
        vars: { agent: 'Sara', strategy: { key: 'assignment.strategy.round_robin', vars: {} }, others: [{ key: 'assignment.passedOver.offline', vars: { agent: 'Omar' } }] },
        assigneeId: sara,
      },
    ]);
    const assigned = t.deps.db.select().from(domainEvents).where(and(eq(domainEvents.type, 'conversation.assigned'), eq(domainEvents.conversationId, id))).all();
    expect(assigned.map((e) => JSON.parse(e.payload))).toEqual([{ assigneeId: sara, teamId: after.teamId, actorId: null }]);
  });

  test('keeps a conversation in the team queue when nobody is online', () => {
    const sara = seedAgent(t, 'Sara');
    const inbox = seedTeamInbox(t, seedTeam(t, 'Support', [sara]));
    const id = newCustomer(t, inbox, 1);
    t.drainEvents();
    expect(row(t, id).assigneeId).toBeNull();
    expect(row(t, id).queuedAt).toBe(t.clock.now());
    expect(decisions(t, id).map((d) => d.key)).toEqual(['assignment.event.queuedPassedOver']);
  });

  test('assigns the next queued conversation in the same drain as a resolve frees capacity', () => {
    const sara = seedAgent(t, 'Sara');
    setCapacity(t, sara, 1);
    online(t, sara);
    const inbox = seedTeamInbox(t, seedTeam(t, 'Support', [sara]));
    const first = newCustomer(t, inbox, 1);
    t.clock.advance(1000);
    const second = newCustomer(t, inbox, 2);
    t.drainEvents();
    expect(row(t, first).assigneeId).toBe(sara);
    expect(row(t, second).assigneeId).toBeNull();
    resolve(first, sara);
    t.drainEvents();
    expect(row(t, second).assigneeId).toBe(sara);
    expect(row(t, second).queuedAt).toBeNull();
  });

  test('takes from the queue the moment an agent comes online', () => {
    const sara = seedAgent(t, 'Sara');
    const inbox = seedTeamInbox(t, seedTeam(t, 'Support', [sara]));
    const id = newCustomer(t, inbox, 1);
    t.drainEvents();
    expect(row(t, id).assigneeId).toBeNull();
    online(t, sara);
    t.drainEvents();
    expect(row(t, id).assigneeId).toBe(sara);
  });

  test('never assigns in a manual team, explaining that the team assigns by hand', () => {
    const sara = seedAgent(t, 'Sara');
    online(t, sara);
    const inbox = seedTeamInbox(t, seedTeam(t, 'Support', [sara], { strategy: 'manual' }));
    const id = newCustomer(t, inbox, 1);
    t.drainEvents();
    expect(row(t, id).assigneeId).toBeNull();
    expect(decisions(t, id)[0]!.vars).toEqual({ reason: { key: 'assignment.queued.manual', vars: {} } });
  });

  test('leaves a conversation without a team unassigned in the general queue', () => {
    const sara = seedAgent(t, 'Sara');
    online(t, sara);
    const inbox = seedTeamInbox(t, null);
    const id = newCustomer(t, inbox, 1);
    t.drainEvents();
    expect(row(t, id)).toMatchObject({ assigneeId: null, teamId: null, queuedAt: t.clock.now() });
  });

  test('keeps the round-robin rotation across a restart of the dispatcher', () => {
    const [a, b, c] = [seedAgent(t, 'A'), seedAgent(t, 'B'), seedAgent(t, 'C')];
    online(t, a, b, c);
    const teamId = seedTeam(t, 'Support', [a, b, c]);
    const inbox = seedTeamInbox(t, teamId);
    newCustomer(t, inbox, 1);
    t.drainEvents();
    expect(t.deps.db.select().from(teamPolicies).where(eq(teamPolicies.teamId, teamId)).get()?.rotationLastAgentId).toBe([a, b, c].sort()[0]!);
    const restarted = createAppEventDispatcher(t.deps);
    const id = newCustomer(t, inbox, 2);
    restarted.drain();
    expect(row(t, id).assigneeId).toBe([a, b, c].sort()[1]!);
  });

  test('sends a returning customer back to the agent who served them last', () => {
    const [a, b] = [seedAgent(t, 'A'), seedAgent(t, 'B')].sort();
    online(t, a!, b!);
    const inbox = seedTeamInbox(t, seedTeam(t, 'Support', [a!, b!]));
    const first = newCustomer(t, inbox, 7);
    t.drainEvents();
    expect(row(t, first).assigneeId).toBe(a!);
    resolve(first, a!);
    t.drainEvents();
    t.clock.advance(60_000);
    online(t, a!, b!);
    const again = newCustomer(t, inbox, 7);
    t.drainEvents();
    expect(again).not.toBe(first);
    expect(row(t, again).assigneeId).toBe(a!);
    expect((decisions(t, again)[0]!.vars.strategy as { key: string }).key).toBe('assignment.strategy.sticky');
  });

  test('gives a VIP to their owner even from outside the team', () => {
    const member = seedAgent(t, 'Member');
    const owner = seedAgent(t, 'Owner');
    online(t, member, owner);
    const inbox = seedTeamInbox(t, seedTeam(t, 'Support', [member]));
    const id = receive(t, inbox, { contact: { waId: '966511111111', userId: null, profileName: 'Big client' } }).conversationId;
    makeVip(t, id, owner);
    t.drainEvents();
    expect(row(t, id).assigneeId).toBe(owner);
  });

  test('raises a VIP to high priority in the queue when the owner is away', () => {
    const member = seedAgent(t, 'Member');
    const owner = seedAgent(t, 'Owner');
    setCapacity(t, member, 0);
    online(t, member);
    const inbox = seedTeamInbox(t, seedTeam(t, 'Support', [member]));
    const id = receive(t, inbox, { contact: { waId: '966511111112', userId: null, profileName: 'Big client' } }).conversationId;
    makeVip(t, id, owner);
    t.drainEvents();
    expect(row(t, id)).toMatchObject({ assigneeId: null, priority: 'high' });
    expect(decisions(t, id).map((d) => d.key)).toEqual(['assignment.event.queuedPassedOver', 'assignment.event.priorityRaised']);
  });

  test('counts only open conversations against capacity', () => {
    const sara = seedAgent(t, 'Sara');
    setCapacity(t, sara, 1);
    online(t, sara);
    const inbox = seedTeamInbox(t, seedTeam(t, 'Support', [sara]));
    const first = newCustomer(t, inbox, 1);
    t.drainEvents();
    changeConversationStatus({ conversationId: first, status: 'pending', actor: { id: sara, name: 'Sara' } }, t.deps);
    const second = newCustomer(t, inbox, 2);
    t.drainEvents();
    expect(row(t, second).assigneeId).toBe(sara);
    expect(assignedTo(t, sara)).toBe(1);
  });
});
