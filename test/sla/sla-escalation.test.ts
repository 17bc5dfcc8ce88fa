import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { createTestApp, type TestApp } from '../support/test-app';
import { conversationRow, receive, seedInbox } from '../conversations/inbox-fixtures';
import { seedTeam } from '../conversations/list-fixtures';
import { assignConversation } from '../../src/conversations/assign-conversation';
import { addInboxMember } from '../../src/conversations/add-inbox-member';
import { queueOutboundMessage } from '../../src/conversations/queue-outbound-message';
import type { LiveEvent } from '../../src/platform/live-hub';
import { addMember, MINUTE, notificationsOf, runSlaJob, seedPolicy, SEEDED_PASSWORD, seedUser, slaLines, signInSeeded } from './sla-fixtures';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.cleanup());

/** An inbox, team L1 (agent + supervisor), team L2, an admin, and a policy: 30-minute first response, three tiers. */
async function setUp() {
  const admin = seedUser(t, 'admin', 'Admin');
  const agent = seedUser(t, 'agent', 'Omar');
  const supervisor = seedUser(t, 'supervisor', 'Huda');
  const { inboxId } = seedInbox(t);
  addInboxMember({ inboxId, userId: agent.userId }, { id: null, label: 'test' }, t.deps);
  const l1 = seedTeam(t, 'L1');
  const l2 = seedTeam(t, 'L2');
  addMember(t, l1, agent.userId);
  addMember(t, l1, supervisor.userId);
  seedPolicy(t, {
    escalation: [
      { action: 'raise_priority', delayMinutes: 0 },
      { action: 'reassign_team', delayMinutes: 30, teamId: l2 },
      { action: 'notify_admins', delayMinutes: 60 },
    ],
  });
  const { conversationId } = receive(t, inboxId);
  t.drainEvents();
  assignConversation({ conversationId, assigneeId: agent.userId, teamId: l1, actor: { id: admin.userId, name: 'Admin', role: 'admin' } }, t.deps);
  t.drainEvents();
  return { admin, agent, supervisor, inboxId, l1, l2, conversationId };
}

describe('SLA that acts', () => {
  test('drives an unanswered conversation past warning, breach and every escalation tier', async () => {
    const { admin, agent, supervisor, l2, conversationId } = await setUp();
    const published: LiveEvent[] = [];
    t.deps.live!.subscribe(() => true, (event) => void published.push(event));

    t.clock.advance(23 * MINUTE);
    expect(runSlaJob(t)).toEqual({ warned: 0, breached: 0, escalationSteps: 0 });

    t.clock.advance(2 * MINUTE); // 25 min: past 80% of 30
    expect(runSlaJob(t).warned).toBe(1);
    expect(notificationsOf(t, agent.userId).map((n) => n.kind)).toEqual(['sla_warning']);
    expect(notificationsOf(t, supervisor.userId)).toEqual([]);
    expect(conversationRow(t, conversationId).slaState).toBe('warning');
    expect(published).toContainEqual({ type: 'notification.created', userId: agent.userId });

    t.clock.advance(6 * MINUTE); // 31 min: breached; the first tier (no delay) raises the priority
    expect(runSlaJob(t)).toEqual({ warned: 0, breached: 1, escalationSteps: 1 });
    expect(notificationsOf(t, agent.userId).map((n) => n.kind)).toEqual(['sla_warning', 'sla_breach']);
    expect(notificationsOf(t, supervisor.userId).map((n) => n.kind)).toEqual(['sla_breach']);
    expect(conversationRow(t, conversationId)).toMatchObject({ priority: 'high', slaState: 'breached' });

    t.clock.advance(20 * MINUTE); // 51 min: 21 after the breach, the L2 tier waits for 30
    expect(runSlaJob(t).escalationSteps).toBe(0);

    t.clock.advance(10 * MINUTE); // 61 min: moved to L2's queue, nobody assigned
    expect(runSlaJob(t).escalationSteps).toBe(1);
    expect(conversationRow(t, conversationId)).toMatchObject({ teamId: l2, assigneeId: null });
    expect(notificationsOf(t, admin.userId)).toEqual([]);

    t.clock.advance(30 * MINUTE); // 91 min: the admins hear of it
    expect(runSlaJob(t).escalationSteps).toBe(1);
    expect(notificationsOf(t, admin.userId).map((n) => n.kind)).toEqual(['sla_escalation']);

    t.clock.advance(60 * MINUTE); // every tier done: nothing more happens
    expect(runSlaJob(t)).toEqual({ warned: 0, breached: 0, escalationSteps: 0 });
    expect(slaLines(t, conversationId)).toEqual(['sla.event.warning', 'sla.event.breach', 'sla.event.priorityRaised', 'sla.event.movedToTeam', 'sla.event.adminsNotified']);
  }, 20_000);

  test('the timeline explains each step in the viewer’s language', async () => {
    const { conversationId } = await setUp();
    t.clock.advance(61 * MINUTE);
    runSlaJob(t);
    const { client } = await signInSeeded(t, 'admin');
    const html = await client.load(`/conversations/${conversationId}`);
    expect(html).toContain('First response target (Standard) was missed.');
    expect(html).toContain('SLA escalation: priority raised to High.');
    expect(html).toContain('SLA escalation: moved to the L2 team’s queue.');
  }, 20_000);

  test('the notifications page lists SLA warnings and breaches', async () => {
    const { agent } = await setUp();
    t.clock.advance(25 * MINUTE);
    runSlaJob(t);
    t.clock.advance(6 * MINUTE);
    runSlaJob(t);
    const client = t.client();
    await client.signIn(`${agent.userId}@example.com`, SEEDED_PASSWORD);
    const html = await client.load('/notifications');
    expect(html).toContain('Sara: an SLA target is due soon');
    expect(html).toContain('Sara: an SLA target was missed');
    expect(html).toContain('First response target (Standard): 80% of the time is used, 5 min left.');
  }, 20_000);

  test('an agent reply before the deadline stops the clock: no warning, breach or escalation', async () => {
    const { agent, conversationId } = await setUp();
    t.clock.advance(10 * MINUTE);
    queueOutboundMessage({ conversationId, author: { type: 'agent', id: agent.userId }, content: { kind: 'text', text: 'On it' } }, t.deps);
    t.drainEvents();
    t.clock.advance(2 * 60 * MINUTE);
    expect(runSlaJob(t)).toEqual({ warned: 0, breached: 0, escalationSteps: 0 });
    expect(conversationRow(t, conversationId)).toMatchObject({ priority: 'normal', slaDueAt: null, slaState: null });
    expect(notificationsOf(t, agent.userId)).toEqual([]);
  }, 20_000);

  test('a reply after the breach ends the escalation: later tiers do not run', async () => {
    const { agent, admin, conversationId } = await setUp();
    t.clock.advance(31 * MINUTE);
    runSlaJob(t);
    queueOutboundMessage({ conversationId, author: { type: 'agent', id: agent.userId }, content: { kind: 'text', text: 'Sorry for the wait' } }, t.deps);
    t.drainEvents();
    t.clock.advance(2 * 60 * MINUTE);
    expect(runSlaJob(t).escalationSteps).toBe(0);
    expect(notificationsOf(t, admin.userId)).toEqual([]);
    expect(conversationRow(t, conversationId).teamId).not.toBeNull();
  }, 20_000);

  test('reassigns to a named supervisor past their capacity and tells them', async () => {
    const { supervisor, conversationId } = await setUp();
    const { saveSlaPolicy } = await import('../../src/sla/manage-sla-policies');
    const { listSlaPolicies } = await import('../../src/sla/sla-policies.repository');
    const policy = listSlaPolicies(t.deps.db)[0]!;
    saveSlaPolicy({ ...policy, escalation: [{ action: 'reassign_user', delayMinutes: 5, userId: supervisor.userId }] }, policy.id, { id: null, label: 'test' }, t.deps);
    t.clock.advance(36 * MINUTE);
    runSlaJob(t);
    expect(conversationRow(t, conversationId).assigneeId).toBe(supervisor.userId);
    expect(notificationsOf(t, supervisor.userId).map((n) => n.kind)).toEqual(['sla_breach', 'sla_escalation']);
    expect(slaLines(t, conversationId).at(-1)).toBe('sla.event.assignedTo');
  }, 20_000);
});
