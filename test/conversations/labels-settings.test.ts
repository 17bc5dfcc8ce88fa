import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { createTestApp, type TestApp } from '../support/test-app';
import { conversationLabels, labels } from '../../src/conversations/labels.tables';
import { receive, seedInbox } from './inbox-fixtures';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.cleanup());

const allLabels = () => t.deps.db.select().from(labels).all();

describe('/settings/labels', () => {
  test('an admin adds a label, which then appears in the list filter', async () => {
    const { client } = await t.signedIn('admin');
    await client.load('/settings/labels');
    const response = await client.post('/settings/labels', { name: '  Refunds ', color: 'red' });
    expect(response.status).toBe(303);
    expect(allLabels()).toMatchObject([{ name: 'Refunds', color: 'red' }]);
    expect(await client.load('/settings/labels')).toContain('value="Refunds"');
    expect(await client.load('/conversations')).toMatch(/<option value="lbl_[\w-]+">Refunds<\/option>/);
  });

  test('refuses a name that only differs in case from an existing one, with 422 and the message', async () => {
    const { client } = await t.signedIn('admin');
    await client.load('/settings/labels');
    await client.post('/settings/labels', { name: 'VIP', color: 'blue' });
    const response = await client.post('/settings/labels', { name: 'vip', color: 'grey' });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('A label with this name already exists.');
    expect(allLabels()).toHaveLength(1);
  });

  test('refuses an empty name and keeps an unknown colour out', async () => {
    const { client } = await t.signedIn('admin');
    await client.load('/settings/labels');
    expect((await client.post('/settings/labels', { name: '   ', color: 'red' })).status).toBe(422);
    await client.post('/settings/labels', { name: 'Odd', color: 'url(javascript:x)' });
    expect(allLabels()).toMatchObject([{ name: 'Odd', color: 'grey' }]);
  });

  test('renames and deletes a label; deleting takes it off conversations', async () => {
    const { client } = await t.signedIn('admin');
    await client.load('/settings/labels');
    await client.post('/settings/labels', { name: 'Old', color: 'grey' });
    const [label] = allLabels();
    const { inboxId } = seedInbox(t);
    const { conversationId } = receive(t, inboxId);
    t.deps.db.insert(conversationLabels).values({ conversationId, labelId: label!.id }).run();
    expect((await client.post(`/settings/labels/${label!.id}`, { name: 'New', color: 'green' })).status).toBe(303);
    expect(allLabels()).toMatchObject([{ name: 'New', color: 'green' }]);
    expect((await client.post(`/settings/labels/${label!.id}/delete`)).status).toBe(303);
    expect(allLabels()).toEqual([]);
    expect(t.deps.db.select().from(conversationLabels).all()).toEqual([]);
  });

  test('is for admins only: agents and supervisors get 403 and change nothing', async () => {
    for (const role of ['agent', 'supervisor'] as const) {
      const { client } = await t.signedIn(role);
      await client.load('/settings/profile');
      expect((await client.get('/settings/labels')).status).toBe(403);
      expect((await client.post('/settings/labels', { name: 'Sneaky', color: 'red' })).status).toBe(403);
    }
    expect(allLabels()).toEqual([]);
  });

  test('the settings menu links to labels for admins only', async () => {
    const { client: admin } = await t.signedIn('admin');
    expect(await admin.load('/settings/profile')).toContain('href="/settings/labels"');
    const { client: agent } = await t.signedIn('agent');
    expect(await agent.load('/settings/profile')).not.toContain('href="/settings/labels"');
  });
});
