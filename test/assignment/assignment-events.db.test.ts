import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/test-app';
import { users } from '../../src/accounts/accounts.tables';
import { domainEvents } from '../../src/platform/events/events.tables';
import { agentRouting } from '../../src/teams/team-policies.tables';
import { assignConversation } from '../../src/conversations/assign-conversation';
import { releaseIdleConversations } from '../../src/conversations/release-idle-conversations';
import { queueOutboundMessage } from '../../src/conversations/queue-outbound-message';
import { apiClient } from '../api/api-fixtures';
import { decisions, newCustomer, online, row, seedAgent, seedTeam, seedTeamInbox, setCapacity } from './assignment-db-fixtures';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.cleanup());

const MINUTE = 60_000;

describe('capacity through the REST API', () => {
  test('drains the queue at once when an agent’s capacity goes up', async () => {
    const sara = seedAgent(t, 'Sara');
    setCapacity(t, sara, 0);
    online(t, sara);
    const inbox = seedTeamInbox(t, seedTeam(t, 'Support', [sara]));
    const id = newCustomer(t, inbox, 1);
    t.drainEvents();
    expect(row(t, id).assigneeId).toBeNull();
    const response = await apiClient(t).put(`/api/v1/agents/${sara}/availability`, { capacity: 2 });
    expect(response.status).toBe(200);
    expect(response.json!.data.capacity).toBe(2);
    expect(t.deps.db.select().from(agentRouting).where(eq(agentRouting.userId, sara)).get()?.capacity).toBe(2);
    t.drainEvents();
    expect(row(t, id).assigneeId).toBe(sara);
  });

  test('returns to the team default with a null capacity and records the change as an event', async () => {
    const sara = seedAgent(t, 'Sara');
    setCapacity(t, sara, 9);
    const response = await apiClient(t).put(`/api/v1/agents/${sara}/availability`, { capacity: null });
    expect(response.status).toBe(200);
    expect(t.deps.db.select().from(agentRouting).where(eq(agentRouting.userId, sara)).get()?.capacity).toBeNull();
    const events = t.deps.db.select().from(domainEvents).where(eq(domainEvents.type, 'routing.capacity_changed')).all();
    expect(events.map((e) => JSON.parse(e.payload))).toEqual([{ userId: sara }]);
  });

  test('refuses a capacity above 100 with 422 and changes nothing', async () => {
    const sara = seedAgent(t, 'Sara');
    const response = await apiClient(t).put(`/api/v1/agents/${sara}/availability`, { capacity: 101 });
    expect(response.status).toBe(422);
    expect(t.deps.db.select().from(agentRouting).where(eq(agentRouting.userId, sara)).get()).toBeUndefined();
  });

  test('shows the assignee and team in GET /api/v1/conversations', async () => {
    const sara = seedAgent(t, 'Sara');
    online(t, sara);
    const teamId = seedTeam(t, 'Support', [sara]);
    const id = newCustomer(t, seedTeamInbox(t, teamId), 1);
    t.drainEvents();
    const response = await apiClient(t).get('/api/v1/conversations');
    expect(response.json!.data.find((c: { id: string }) => c.id === id)).toMatchObject({ assignee_id: sara, team_id: teamId });
  });
});

describe('people and the queue', () => {
  test('an agent who unassigns themselves sends it back to the queue and to someone else', () => {
    const [a, b] = [seedAgent(t, 'A'), seedAgent(t, 'B')].sort() as [string, string];
    online(t, a, b);
    const inbox = seedTeamInbox(t, seedTeam(t, 'Support', [a, b]));
    const id = newCustomer(t, inbox, 1);
    t.drainEvents();
    expect(row(t, id).assigneeId).toBe(a);
    t.clock.advance(1000);
    assignConversation({ conversationId: id, assigneeId: null, actor: { id: a, name: 'A', role: 'agent' } }, t.deps);
    expect(row(t, id)).toMatchObject({ assigneeId: null, queuedAt: t.clock.now(), excludedAgentId: a });
    t.drainEvents();
    expect(row(t, id).assigneeId).toBe(b);
  });

  test('a person assigning by hand settles routing: the conversation leaves the queue', async () => {
    const sara = seedAgent(t, 'Sara');
    const admin = await t.signedIn('admin');
    const inbox = seedTeamInbox(t, seedTeam(t, 'Support', [sara]));
    const id = newCustomer(t, inbox, 1);
    t.drainEvents();
    expect(row(t, id).queuedAt).not.toBeNull();
    assignConversation({ conversationId: id, assigneeId: sara, actor: { id: admin.userId, name: 'Admin', role: 'admin' } }, t.deps);
    t.drainEvents();
    expect(row(t, id)).toMatchObject({ assigneeId: sara, queuedAt: null });
  });

  test('refuses a manual assignment past the agent’s capacity', () => {
    const sara = seedAgent(t, 'Sara');
    const boss = seedAgent(t, 'Boss', 'agent');
    setCapacity(t, sara, 1);
    online(t, sara);
    const inbox = seedTeamInbox(t, seedTeam(t, 'Support', [sara]));
    newCustomer(t, inbox, 1);
    t.drainEvents();
    const second = newCustomer(t, inbox, 2);
    t.drainEvents();
    expect(() => assignConversation({ conversationId: second, assigneeId: sara, actor: { id: boss, name: 'Boss', role: 'agent' } }, t.deps)).toThrow(
      expect.objectContaining({ code: 'conversations.at_capacity' }),
    );
    expect(row(t, second).assigneeId).toBeNull();
  });

  test('does not offer an idle-released conversation back to the agent who let it lapse', () => {
    const [a, b] = [seedAgent(t, 'A'), seedAgent(t, 'B')].sort() as [string, string];
    online(t, a);
    const inbox = seedTeamInbox(t, seedTeam(t, 'Support', [a, b]));
    const id = newCustomer(t, inbox, 1);
    t.drainEvents();
    expect(row(t, id).assigneeId).toBe(a);
    t.clock.advance(4 * MINUTE);
    online(t, a, b);
    expect(releaseIdleConversations(t.deps).released).toEqual([id]);
    expect(row(t, id).excludedAgentId).toBe(a);
    t.drainEvents();
    expect(row(t, id).assigneeId).toBe(b);
  });

  test('idle-releases a conversation whose only answer was an automatic notice', () => {
    const [a, b] = [seedAgent(t, 'A'), seedAgent(t, 'B')].sort() as [string, string];
    online(t, a);
    const inbox = seedTeamInbox(t, seedTeam(t, 'Support', [a, b]));
    const id = newCustomer(t, inbox, 1);
    t.drainEvents();
    queueOutboundMessage({ conversationId: id, author: { type: 'automation', id: null }, content: { kind: 'text', text: 'You are now chatting with A' } }, t.deps);
    t.clock.advance(4 * MINUTE);
    expect(releaseIdleConversations(t.deps).released).toEqual([id]);
  });

  test('keeps an idle-released conversation queued when only the released agent could take it', () => {
    const a = seedAgent(t, 'A');
    online(t, a);
    const inbox = seedTeamInbox(t, seedTeam(t, 'Support', [a]));
    const id = newCustomer(t, inbox, 1);
    t.drainEvents();
    t.clock.advance(4 * MINUTE);
    online(t, a);
    releaseIdleConversations(t.deps);
    t.drainEvents();
    expect(row(t, id).assigneeId).toBeNull();
    expect(decisions(t, id).at(-1)!.vars.others).toEqual([{ key: 'assignment.passedOver.excluded', vars: { agent: 'A' } }]);
  });

  test('does not idle-release a conversation the assigner just handed over after a long wait in the queue', () => {
    const a = seedAgent(t, 'A');
    const inbox = seedTeamInbox(t, seedTeam(t, 'Support', [a]));
    const id = newCustomer(t, inbox, 1);
    t.drainEvents();
    t.clock.advance(30 * MINUTE);
    online(t, a);
    t.drainEvents();
    expect(row(t, id).assigneeId).toBe(a);
    expect(releaseIdleConversations(t.deps).released).toEqual([]);
  });
});

describe('explanations on the conversation page', () => {
  async function pageWithDecision(locale: 'en' | 'ar') {
    const sara = seedAgent(t, 'Sara');
    seedAgent(t, 'Omar');
    online(t, sara);
    const members = t.deps.db.select({ id: users.id }).from(users).where(and(eq(users.role, 'agent'))).all().map((u) => u.id);
    const inbox = seedTeamInbox(t, seedTeam(t, 'Support', members));
    const id = newCustomer(t, inbox, 1);
    t.drainEvents();
    const admin = await t.signedIn('admin');
    t.deps.db.update(users).set({ locale }).where(eq(users.id, admin.userId)).run();
    return admin.client.load(`/conversations/${id}`);
  }

  test('renders the decision and who was passed over in English', async () => {
    const html = await pageWithDecision('en');
    expect(html).toContain('Assigned to Sara (round robin). Passed over: Omar (offline).');
  });

  test('renders the same decision in Arabic for an Arabic reader', async () => {
    const html = await pageWithDecision('ar');
    expect(html).toContain('أُسندت إلى Sara (');
    expect(html).toContain('تم تجاوز: Omar (غير متصل)');
  });
});
