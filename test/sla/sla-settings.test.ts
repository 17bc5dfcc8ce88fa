import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { createTestApp, type TestApp } from '../support/test-app';
import { seedTeam } from '../conversations/list-fixtures';
import { listSlaPolicies } from '../../src/sla/sla-policies.repository';
import { seedPolicy, signInSeeded } from './sla-fixtures';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.cleanup());

const filled = { name: 'Gold', first_response: '15', next_response: '', resolution: '480', clock: 'always', warning_percent: '75', is_default: 'on' };

describe('/settings/sla', () => {
  test('only admins may open it', async () => {
    const { client } = await signInSeeded(t, 'supervisor');
    expect((await client.get('/settings/sla')).status).toBe(403);
  });

  test('an admin adds a policy with an escalation step and sees it listed', async () => {
    const { client } = await signInSeeded(t, 'admin');
    const l2 = seedTeam(t, 'L2');
    await client.load('/settings/sla/new');
    const response = await client.post('/settings/sla', { ...filled, tier1_action: 'reassign_team', tier1_delay: '30', tier1_team: l2 });
    expect(response.status).toBe(303);
    expect(listSlaPolicies(t.deps.db)).toMatchObject([
      { name: 'Gold', firstResponseMinutes: 15, resolutionMinutes: 480, clock: 'always', warningPercent: 75, isDefault: true, escalation: [{ action: 'reassign_team', delayMinutes: 30, teamId: l2 }] },
    ]);
    const html = await client.load('/settings/sla');
    expect(html).toContain('First 15 min · Next — · Resolution 480 min');
    expect(html).toContain('Reassign to a team');
  });

  test('refuses a form without a name or target with 422 and keeps what was typed', async () => {
    const { client } = await signInSeeded(t, 'admin');
    await client.load('/settings/sla/new');
    const response = await client.post('/settings/sla', { name: '', first_response: 'abc', warning_percent: '80' });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('Give the policy a name');
    expect(html).toContain('Enter whole minutes from 1 to 525600');
    expect(html).toContain('value="abc"');
    expect(listSlaPolicies(t.deps.db)).toEqual([]);
  });

  test('editing changes the policy; a new default takes the flag from the old one', async () => {
    const old = seedPolicy(t, { name: 'Standard' });
    const { client } = await signInSeeded(t, 'admin');
    await client.load('/settings/sla/new');
    expect((await client.post('/settings/sla', filled)).status).toBe(303);
    const gold = listSlaPolicies(t.deps.db).find((p) => p.name === 'Gold')!;
    expect(listSlaPolicies(t.deps.db).find((p) => p.id === old)?.isDefault).toBe(false);
    expect(await client.load(`/settings/sla/${gold.id}`)).toContain('value="480"');
    expect((await client.post(`/settings/sla/${gold.id}`, { ...filled, resolution: '600' })).status).toBe(303);
    expect(listSlaPolicies(t.deps.db).find((p) => p.id === gold.id)?.resolutionMinutes).toBe(600);
  });

  test('deletes a policy', async () => {
    const id = seedPolicy(t);
    const { client } = await signInSeeded(t, 'admin');
    await client.load('/settings/sla');
    expect((await client.post(`/settings/sla/${id}/delete`)).status).toBe(303);
    expect(listSlaPolicies(t.deps.db)).toEqual([]);
  });

  test('an unknown policy is a 404', async () => {
    const { client } = await signInSeeded(t, 'admin');
    expect((await client.get('/settings/sla/slp_missing')).status).toBe(404);
  });

  test('the page and the settings menu read in Arabic', async () => {
    seedPolicy(t);
    const { client } = await signInSeeded(t, 'admin');
    await client.load('/settings/sla');
    await client.post('/locale', { locale: 'ar' });
    const html = await client.load('/settings/sla');
    expect(html).toContain('اتفاقيات مستوى الخدمة');
  });
});
