import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { eq, gt } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/test-app';
import { auditLog } from '../../src/audit/audit.tables';
import { domainEvents } from '../../src/platform/events/events.tables';
import { latestEventId } from '../../src/platform/events/event-store';
import { calendars } from '../../src/business-hours/calendars/calendars.tables';
import { createTeam } from '../../src/teams/create-team';
import { addTeamMember } from '../../src/teams/change-team-members';
import { findAgentRouting } from '../../src/teams/team-policies.repository';
import { recordHeartbeat } from '../../src/live/presence.repository';
import { seedInbox, receive } from '../conversations/inbox-fixtures';
import { conversations } from '../../src/conversations/conversations.tables';
import { users, type Role } from '../../src/accounts/accounts.tables';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.cleanup());

const admin = { actor: { id: null, label: 'test' }, role: 'admin' as const };
const auditActions = () => t.deps.db.select().from(auditLog).all().map((row) => row.action);
const eventsAfter = (id: number) =>
  t.deps.db
    .select()
    .from(domainEvents)
    .where(gt(domainEvents.id, id))
    .all()
    .map((row) => ({ type: row.type, payload: JSON.parse(row.payload) }));

function seedCalendar(name: string) {
  const id = t.deps.newId('cal');
  const now = t.clock.now();
  t.deps.db.insert(calendars).values({ id, name, definition: '{}', createdAt: now, updatedAt: now }).run();
  return id;
}

/** An inbox user who never signs in here: inserted directly (no password hashing keeps these tests quick). */
function seedUser(role: Role, name: string = role) {
  const id = t.deps.newId('usr');
  const now = t.clock.now();
  t.deps.db.insert(users).values({ id, email: `${id}@example.com`, name, role, passwordHash: 'x', createdAt: now, updatedAt: now }).run();
  return { userId: id };
}

async function adminOnAgentsPage() {
  const signed = await t.signedIn('admin');
  await signed.client.load('/settings/agents');
  return signed;
}

describe('the agents page', () => {
  test('lists every inbox user with status, open conversations and routing settings', async () => {
    const { client } = await adminOnAgentsPage();
    const agent = seedUser('agent', 'Omar');
    seedUser('analyst', 'Nadia Analyst');
    recordHeartbeat(t.deps.db, agent.userId, { now: t.clock.now(), active: true });
    const { inboxId } = seedInbox(t);
    const { conversationId } = receive(t, inboxId);
    t.deps.db.update(conversations).set({ assigneeId: agent.userId }).where(eq(conversations.id, conversationId)).run();
    const html = await client.load('/settings/agents');
    expect(html).toMatch(new RegExp(`<tr id="agent-${agent.userId}"><th scope="row" dir="auto">Omar</th><td><span class="agent-status"><span class="presence-dot presence-online" aria-hidden="true"></span><span>Online</span></span></td><td>1</td>`));
    expect(html).not.toContain('Nadia Analyst');
  });

  test('shows stored capacity and skills in the row’s inputs', async () => {
    const { client } = await adminOnAgentsPage();
    const agent = seedUser('agent', 'Omar');
    await client.post(`/settings/agents/${agent.userId}`, { capacity: '7', skills: 'logistics, technical', shiftCalendarId: '' });
    const html = await client.load('/settings/agents');
    expect(html).toContain(`form="agent-form-${agent.userId}" name="capacity" type="number" min="0" max="100" value="7"`);
    expect(html).toContain('value="logistics, technical"');
  });
});

describe('saving an agent’s routing', () => {
  test('stores capacity, skills and shift, audits it and tells the queue', async () => {
    const { client } = await adminOnAgentsPage();
    const agent = seedUser('agent');
    const calendarId = seedCalendar('Morning shift');
    const before = latestEventId(t.deps.db);
    const response = await client.post(`/settings/agents/${agent.userId}`, { capacity: '3', skills: 'Logistics, technical ، شحن, logistics', shiftCalendarId: calendarId });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/settings/agents?saved=1');
    expect(findAgentRouting(t.deps.db, agent.userId)).toEqual({ capacity: 3, skills: ['logistics', 'technical', 'شحن'], shiftCalendarId: calendarId });
    expect(auditActions()).toContain('agent.routing_changed');
    expect(eventsAfter(before)).toEqual([{ type: 'routing.capacity_changed', payload: { userId: agent.userId } }]);
  });

  test('an empty capacity means the team’s default', async () => {
    const { client } = await adminOnAgentsPage();
    const agent = seedUser('agent');
    await client.post(`/settings/agents/${agent.userId}`, { capacity: '3', skills: '', shiftCalendarId: '' });
    await client.post(`/settings/agents/${agent.userId}`, { capacity: '', skills: '', shiftCalendarId: '' });
    expect(findAgentRouting(t.deps.db, agent.userId).capacity).toBeNull();
  });

  test('accepts a capacity of 0 (takes nothing new)', async () => {
    const { client } = await adminOnAgentsPage();
    const agent = seedUser('agent');
    expect((await client.post(`/settings/agents/${agent.userId}`, { capacity: '0', skills: '', shiftCalendarId: '' })).status).toBe(303);
    expect(findAgentRouting(t.deps.db, agent.userId).capacity).toBe(0);
  });

  test('answers an htmx save with just the row, saying it was saved', async () => {
    const { client } = await adminOnAgentsPage();
    const agent = seedUser('agent', 'Omar');
    const response = await client.post(`/settings/agents/${agent.userId}`, { capacity: '4', skills: 'billing', shiftCalendarId: '' }, { htmx: true });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toStartWith(`<tr id="agent-${agent.userId}">`);
    expect(html).toContain('Saved.');
    expect(html).toContain('value="billing"');
  });

  test('saving the same values again appends no event and no audit row', async () => {
    const { client } = await adminOnAgentsPage();
    const agent = seedUser('agent');
    await client.post(`/settings/agents/${agent.userId}`, { capacity: '4', skills: 'billing', shiftCalendarId: '' });
    const audits = auditActions().length;
    const before = latestEventId(t.deps.db);
    await client.post(`/settings/agents/${agent.userId}`, { capacity: '4', skills: ' billing ', shiftCalendarId: '' });
    expect(auditActions()).toHaveLength(audits);
    expect(eventsAfter(before)).toEqual([]);
  });
});

describe('refusing bad agent routing input', () => {
  const cases: [string, Record<string, string>, string][] = [
    ['a capacity over 100', { capacity: '101' }, 'Enter a whole number from 0 to 100'],
    ['a negative capacity', { capacity: '-1' }, 'Enter a whole number from 0 to 100'],
    ['a fractional capacity', { capacity: '2.5' }, 'Enter a whole number from 0 to 100'],
    ['a skill longer than 40 characters', { skills: 'x'.repeat(41) }, 'Use at most 20 skills'],
    ['a shift calendar that does not exist', { shiftCalendarId: 'cal_gone' }, 'That calendar no longer exists.'],
  ];
  for (const [what, changes, message] of cases) {
    test(`refuses ${what} with 422 and changes nothing`, async () => {
      const { client } = await adminOnAgentsPage();
      const agent = seedUser('agent');
      const before = latestEventId(t.deps.db);
      const response = await client.post(`/settings/agents/${agent.userId}`, { capacity: '', skills: '', shiftCalendarId: '', ...changes });
      expect(response.status).toBe(422);
      expect(await response.text()).toContain(message);
      expect(findAgentRouting(t.deps.db, agent.userId)).toEqual({ capacity: null, skills: [], shiftCalendarId: null });
      expect(auditActions()).not.toContain('agent.routing_changed');
      expect(eventsAfter(before)).toEqual([]);
    });
  }

  test('an htmx save with an error answers 422 with the row and the typed value', async () => {
    const { client } = await adminOnAgentsPage();
    const agent = seedUser('agent');
    const response = await client.post(`/settings/agents/${agent.userId}`, { capacity: 'lots', skills: '', shiftCalendarId: '' }, { htmx: true });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toStartWith(`<tr id="agent-${agent.userId}">`);
    expect(html).toContain('value="lots"');
    expect(html).toContain('aria-invalid="true"');
  });
});

describe('who may change agents’ routing', () => {
  for (const role of ['agent', 'analyst'] as const) {
    test(`refuses an ${role} the page and the save with 403`, async () => {
      const other = seedUser('agent');
      const { client } = await t.signedIn(role);
      await client.load('/settings/profile');
      expect((await client.get('/settings/agents')).status).toBe(403);
      expect((await client.post(`/settings/agents/${other.userId}`, { capacity: '9', skills: '', shiftCalendarId: '' })).status).toBe(403);
      expect(findAgentRouting(t.deps.db, other.userId).capacity).toBeNull();
    });
  }

  test('refuses a supervisor changing an agent outside their teams with 403', async () => {
    const supervisor = await t.signedIn('supervisor');
    const agent = seedUser('agent');
    await supervisor.client.load('/settings/agents');
    const response = await supervisor.client.post(`/settings/agents/${agent.userId}`, { capacity: '9', skills: '', shiftCalendarId: '' });
    expect(response.status).toBe(403);
    expect(findAgentRouting(t.deps.db, agent.userId).capacity).toBeNull();
    expect(auditActions()).not.toContain('agent.routing_changed');
  });

  test('lets a supervisor change an agent who shares one of their teams', async () => {
    const supervisor = await t.signedIn('supervisor');
    const agent = seedUser('agent');
    const { teamId } = createTeam({ name: 'Support', description: '' }, admin, t.deps);
    addTeamMember({ teamId, userId: supervisor.userId }, admin, t.deps);
    addTeamMember({ teamId, userId: agent.userId }, admin, t.deps);
    await supervisor.client.load('/settings/agents');
    const response = await supervisor.client.post(`/settings/agents/${agent.userId}`, { capacity: '9', skills: '', shiftCalendarId: '' });
    expect(response.status).toBe(303);
    expect(findAgentRouting(t.deps.db, agent.userId).capacity).toBe(9);
  });

  test('shows a supervisor the agents outside their teams read-only', async () => {
    const supervisor = await t.signedIn('supervisor');
    const agent = seedUser('agent', 'Omar');
    const html = await supervisor.client.load('/settings/agents');
    expect(html).toContain('>Omar</th>');
    expect(html).not.toContain(`agent-form-${agent.userId}`);
    expect(html).toContain('Not in your teams');
  });

  test('refuses a disabled or unknown user with 404', async () => {
    const { client } = await adminOnAgentsPage();
    const response = await client.post('/settings/agents/usr_nobody', { capacity: '2', skills: '', shiftCalendarId: '' });
    expect(response.status).toBe(404);
  });

  test('refuses routing settings for an analyst (not an inbox user) with 404', async () => {
    const { client } = await adminOnAgentsPage();
    const analyst = seedUser('analyst');
    const response = await client.post(`/settings/agents/${analyst.userId}`, { capacity: '2', skills: '', shiftCalendarId: '' });
    expect(response.status).toBe(404);
    expect(findAgentRouting(t.deps.db, analyst.userId).capacity).toBeNull();
  });
});
