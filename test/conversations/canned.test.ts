import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { createTestApp, type TestApp } from '../support/test-app';
import { receive, seedInbox } from './inbox-fixtures';
import { cannedResponses } from '../../src/conversations/canned-responses.tables';
import { fillCannedVariables } from '../../src/conversations/canned-variables';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.cleanup());

const rows = () => t.deps.db.select().from(cannedResponses).all();

async function signedIn(role: 'agent' | 'supervisor' | 'admin', name?: string) {
  const user = await t.signedIn(role, name ? { name } : {});
  await user.client.load('/settings/canned-responses');
  return user;
}

describe('fillCannedVariables', () => {
  test('fills known variables and leaves unknown ones visible', () => {
    const text = fillCannedVariables('Hi {{contact.name}}, {{ agent.name }} from {{business.name}}. {{order.id}}', {
      'contact.name': 'سارة',
      'agent.name': 'Omar',
      'business.name': 'Rasil Shop',
    });
    expect(text).toBe('Hi سارة, Omar from Rasil Shop. {{order.id}}');
  });
});

describe('managing canned responses', () => {
  test('an agent creates a personal response', async () => {
    const agent = await signedIn('agent');
    const response = await agent.client.post('/settings/canned-responses', { shortcut: 'thanks', title: 'Thanks', body: 'Thank you {{contact.name}}!' });
    expect(response.status).toBe(303);
    expect(rows()).toMatchObject([{ shortcut: 'thanks', ownerId: agent.userId }]);
  });

  test('an agent asking for a shared response gets a personal one', async () => {
    const agent = await signedIn('agent');
    await agent.client.post('/settings/canned-responses', { shortcut: 'hi', title: 'Hi', body: 'Hello', scope: 'shared' });
    expect(rows()[0]!.ownerId).toBe(agent.userId);
  });

  test('a supervisor creates a shared response that every agent sees but cannot delete', async () => {
    const supervisor = await signedIn('supervisor');
    await supervisor.client.post('/settings/canned-responses', { shortcut: 'hours', title: 'Opening hours', body: 'We open at 9.', scope: 'shared' });
    const shared = rows()[0]!;
    expect(shared.ownerId).toBeNull();
    const agent = await signedIn('agent');
    expect(await agent.client.load('/settings/canned-responses')).toContain('Opening hours');
    expect((await agent.client.post(`/settings/canned-responses/${shared.id}/delete`)).status).toBe(404);
    expect(rows()).toHaveLength(1);
  });

  test('hides one agent’s personal responses from another', async () => {
    const first = await signedIn('agent');
    await first.client.post('/settings/canned-responses', { shortcut: 'secret', title: 'Mine only', body: 'x' });
    const second = await signedIn('agent');
    expect(await second.client.load('/settings/canned-responses')).not.toContain('Mine only');
    expect((await second.client.post(`/settings/canned-responses/${rows()[0]!.id}/delete`)).status).toBe(404);
  });

  test('refuses a duplicate shortcut of the same owner with 422', async () => {
    const agent = await signedIn('agent');
    await agent.client.post('/settings/canned-responses', { shortcut: 'hi', title: 'Hi', body: 'Hello' });
    const response = await agent.client.post('/settings/canned-responses', { shortcut: 'hi', title: 'Hi again', body: 'Hello again' });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('This shortcut is already used.');
    expect(rows()).toHaveLength(1);
  });

  test('refuses a shortcut with spaces and an empty body with 422, storing nothing', async () => {
    const agent = await signedIn('agent');
    const response = await agent.client.post('/settings/canned-responses', { shortcut: 'two words', title: 'x', body: ' ' });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('Use 1 to 30 letters, digits, - or _.');
    expect(html).toContain('Write the text (up to 4096 characters).');
    expect(rows()).toHaveLength(0);
  });

  test('an agent edits their own response', async () => {
    const agent = await signedIn('agent');
    await agent.client.post('/settings/canned-responses', { shortcut: 'hi', title: 'Hi', body: 'Hello' });
    const id = rows()[0]!.id;
    expect((await agent.client.post(`/settings/canned-responses/${id}`, { shortcut: 'hello', title: 'Hello', body: 'Hello {{contact.name}}' })).status).toBe(303);
    expect(rows()).toMatchObject([{ id, shortcut: 'hello', body: 'Hello {{contact.name}}', ownerId: agent.userId }]);
  });

  test('refuses to let an agent edit a shared response', async () => {
    const admin = await signedIn('admin');
    await admin.client.post('/settings/canned-responses', { shortcut: 'hours', title: 'Hours', body: '9 to 5', scope: 'shared' });
    const agent = await signedIn('agent');
    const response = await agent.client.post(`/settings/canned-responses/${rows()[0]!.id}`, { shortcut: 'hours', title: 'Hours', body: 'never', scope: 'shared' });
    expect(response.status).toBe(404);
    expect(rows()[0]!.body).toBe('9 to 5');
  });

  test('an agent deletes their own response', async () => {
    const agent = await signedIn('agent');
    await agent.client.post('/settings/canned-responses', { shortcut: 'bye', title: 'Bye', body: 'Goodbye' });
    expect((await agent.client.post(`/settings/canned-responses/${rows()[0]!.id}/delete`)).status).toBe(303);
    expect(rows()).toHaveLength(0);
  });
});

describe('canned responses in the composer', () => {
  async function conversationWithResponses() {
    const { inboxId } = seedInbox(t);
    const { conversationId } = receive(t, inboxId, { contact: { waId: '966500000009', userId: null, profileName: '<img src=x onerror=alert(1)>' } });
    const agent = await signedIn('agent', 'Omar');
    await agent.client.post('/settings/canned-responses', { shortcut: 'thanks', title: 'Thanks', body: 'Thank you {{contact.name}}, this is {{agent.name}}. {{unknown.var}}' });
    await agent.client.post('/settings/canned-responses', { shortcut: 'track', title: 'Tracking', body: 'Your parcel is on its way.' });
    return { conversationId, agent };
  }

  test('lists responses matching the typed shortcut, with variables filled and escaped', async () => {
    const { conversationId, agent } = await conversationWithResponses();
    const html = await (await agent.client.get(`/conversations/${conversationId}/canned?q=th`, { htmx: true })).text();
    expect(html).toContain('/thanks');
    expect(html).not.toContain('/track');
    expect(html).toContain('data-insert="Thank you <img src=x onerror=alert(1)>, this is Omar. {{unknown.var}}"');
    expect(html.replace(/data-insert="[^"]*"/g, '')).not.toContain('<img');
  });

  test('says so when nothing matches', async () => {
    const { conversationId, agent } = await conversationWithResponses();
    expect(await (await agent.client.get(`/conversations/${conversationId}/canned?q=zzz`, { htmx: true })).text()).toContain('No canned response matches.');
  });

  test('answers 404 for a conversation the agent cannot see', async () => {
    const agent = await signedIn('agent');
    expect((await agent.client.get('/conversations/cnv_missing/canned?q=a', { htmx: true })).status).toBe(404);
  });
});
