import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/test-app';
import { agentPresence } from '../../src/live/presence.tables';
import { users } from '../../src/accounts/accounts.tables';
import { listAgentPresence, recomputePresence } from '../../src/live/presence.repository';
import type { LiveEvent } from '../../src/live/live-events';
import { apiClient } from '../api/api-fixtures';

let t: TestApp;
let published: LiveEvent[];
beforeEach(() => {
  t = createTestApp();
  published = [];
  t.deps.live!.subscribe(() => true, (e) => published.push(e));
});
afterEach(() => t.cleanup());

const presenceOf = (userId: string) => listAgentPresence(t.deps.db, t.clock.now()).find((a) => a.userId === userId)?.status;

describe('presence heartbeat and choice', () => {
  test('an active heartbeat makes the agent online and announces it once', async () => {
    const { client, userId } = await t.signedIn('agent');
    expect((await client.post('/presence/heartbeat', { active: '1' })).status).toBe(204);
    expect(presenceOf(userId)).toBe('online');
    await client.post('/presence/heartbeat', { active: '1' });
    expect(published).toEqual([{ type: 'presence.changed', userId, status: 'online' }]);
  });

  test('an idle tab becomes away after 5 minutes and offline once heartbeats stop, through the presence job', async () => {
    const { client, userId } = await t.signedIn('agent');
    await client.post('/presence/heartbeat', { active: '1' });
    t.clock.advance(5 * 60_000 + 1000);
    await client.post('/presence/heartbeat', { active: '0' });
    expect(presenceOf(userId)).toBe('away');
    t.clock.advance(91_000);
    expect(recomputePresence(t.deps.db, t.clock.now())).toEqual([{ userId, status: 'offline' }]);
    expect(t.deps.db.select().from(agentPresence).where(eq(agentPresence.userId, userId)).get()!.status).toBe('offline');
    expect(recomputePresence(t.deps.db, t.clock.now())).toEqual([]);
  });

  test('choosing away overrides an active tab and automatic returns to it', async () => {
    const { client, userId } = await t.signedIn('agent');
    await client.post('/presence/heartbeat', { active: '1' });
    const chosen = await client.post('/presence', { status: 'away', next: '/conversations' });
    expect(chosen.status).toBe(303);
    expect(presenceOf(userId)).toBe('away');
    await client.post('/presence', { status: 'auto', next: '/conversations' });
    expect(presenceOf(userId)).toBe('online');
    expect(published.map((e) => (e.type === 'presence.changed' ? e.status : ''))).toEqual(['online', 'away', 'online']);
  });

  test('the htmx menu answer shows the chosen status', async () => {
    const { client } = await t.signedIn('agent');
    const response = await client.post('/presence', { status: 'offline' }, { htmx: true });
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('presence-offline');
    expect(html).toContain('value="offline" class="link-button" aria-pressed="true"');
  });

  test('the top-bar menu shows a new agent as offline and offers every choice', async () => {
    const { client } = await t.signedIn('agent');
    const html = await (await client.get('/presence/menu', { htmx: true, headers: { referer: 'http://localhost/conversations?status=open' } })).text();
    expect(html).toContain('presence-dot presence-offline');
    expect(html).toContain('name="next" value="/conversations?status=open"');
    for (const choice of ['auto', 'online', 'away', 'offline']) expect(html).toContain(`value="${choice}"`);
  });

  test('refuses an unknown status with 422 and changes nothing', async () => {
    const { client, userId } = await t.signedIn('agent');
    expect((await client.post('/presence', { status: 'busy' })).status).toBe(422);
    expect(t.deps.db.select().from(agentPresence).where(eq(agentPresence.userId, userId)).get()).toBeUndefined();
  });

  test('refuses a heartbeat without the CSRF token', async () => {
    const { client, userId } = await t.signedIn('agent');
    expect((await client.post('/presence/heartbeat', { active: '1' }, { csrf: false })).status).toBe(403);
    expect(presenceOf(userId)).toBe('offline');
  });

  test('refuses presence to an analyst, who does not work the inbox', async () => {
    const { client } = await t.signedIn('analyst');
    expect((await client.post('/presence/heartbeat', { active: '1' })).status).toBe(403);
  });
});

describe('listAgentPresence (what assignment reads)', () => {
  test('lists enabled inbox users only, a never-seen agent as offline', async () => {
    const online = await t.signedIn('agent', { name: 'Amal' });
    await t.signedIn('supervisor', { name: 'Badr' });
    const disabled = await t.signedIn('agent', { name: 'Dana' });
    await t.signedIn('analyst', { name: 'Eman' });
    await online.client.post('/presence/heartbeat', { active: '1' });
    t.deps.db.update(users).set({ disabledAt: t.clock.now() }).where(eq(users.id, disabled.userId)).run();
    const listed = listAgentPresence(t.deps.db, t.clock.now()).map((a) => [a.name, a.status]);
    expect(listed).toEqual([
      ['Amal', 'online'],
      ['Badr', 'offline'],
    ]);
  });
});

describe('PUT /api/v1/agents/:id/availability', () => {
  test('sets an agent away and reports the effective status', async () => {
    const { userId } = await t.signedIn('agent');
    const api = apiClient(t);
    const response = await api.put(`/api/v1/agents/${userId}/availability`, { status: 'away' });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ data: { id: userId, status: 'away', chosen_status: 'away', capacity: null } });
    expect(presenceOf(userId)).toBe('away');
  });

  test('answers 404 for an unknown agent', async () => {
    const api = apiClient(t);
    expect((await api.put('/api/v1/agents/usr_nobody/availability', { status: 'online' })).status).toBe(404);
  });

  test('answers 404 for an analyst, who is not an agent', async () => {
    const { userId } = await t.signedIn('analyst');
    expect((await apiClient(t).put(`/api/v1/agents/${userId}/availability`, { status: 'online' })).status).toBe(404);
  });

  test('refuses a bad status with 422 and changes nothing', async () => {
    const { userId } = await t.signedIn('agent');
    const response = await apiClient(t).put(`/api/v1/agents/${userId}/availability`, { status: 'busy' });
    expect(response.status).toBe(422);
    expect(t.deps.db.select().from(agentPresence).all()).toEqual([]);
  });

  test('refuses a request without a token with 401', async () => {
    const { userId } = await t.signedIn('agent');
    const response = await t.app.handle(new Request(`http://localhost/api/v1/agents/${userId}/availability`, { method: 'PUT', body: '{"status":"away"}' }));
    expect(response.status).toBe(401);
  });
});
