import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { createTestApp, type TestApp } from '../support/test-app';
import { createFakeGraph } from '../../src/channel/whatsapp/fake-graph/fake-graph';
import { conversationRow, messagesOf, receive, seedInbox } from './inbox-fixtures';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.cleanup());

describe('GET /conversations/:id', () => {
  test('opening a conversation resets its unread count', async () => {
    const { client } = await t.signedIn('agent');
    const { inboxId } = seedInbox(t);
    const { conversationId } = receive(t, inboxId);
    receive(t, inboxId);
    expect(conversationRow(t, conversationId).unreadCount).toBe(2);
    const response = await client.get(`/conversations/${conversationId}`);
    expect(response.status).toBe(200);
    expect(conversationRow(t, conversationId).unreadCount).toBe(0);
  });

  test('sends a WhatsApp read receipt for the newest customer message when an unread conversation is opened', async () => {
    const fake = createFakeGraph();
    const server = Bun.serve({ port: 0, fetch: fake.fetch });
    try {
      const { client } = await t.signedIn('agent');
      const { inboxId } = seedInbox(t, 'Sales', `http://localhost:${server.port}/v24.0`);
      receive(t, inboxId, { waMessageId: 'wamid.first' });
      const { conversationId } = receive(t, inboxId, { waMessageId: 'wamid.latest' });
      await client.get(`/conversations/${conversationId}`);
      for (let i = 0; i < 50 && fake.requests.length === 0; i++) await Bun.sleep(20);
      expect(fake.requests.map((r) => r.body)).toEqual([expect.objectContaining({ status: 'read', message_id: 'wamid.latest' })]);
      await client.get(`/conversations/${conversationId}`);
      await Bun.sleep(50);
      expect(fake.requests).toHaveLength(1);
    } finally {
      server.stop(true);
    }
  });

  test('leaves the unread count alone when another site made the browser load the page', async () => {
    const { client } = await t.signedIn('agent');
    const { inboxId } = seedInbox(t);
    const { conversationId } = receive(t, inboxId);
    await client.get(`/conversations/${conversationId}`, { headers: { 'sec-fetch-site': 'cross-site' } });
    expect(conversationRow(t, conversationId).unreadCount).toBe(1);
  });

  test('shows the contact sidebar with name, phone, WhatsApp id and username', async () => {
    const { client } = await t.signedIn('agent');
    const { inboxId } = seedInbox(t, 'Riyadh branch');
    const { conversationId } = receive(t, inboxId, { contact: { waId: '966511112222', userId: 'SA.123', profileName: 'Noura', username: 'noura_k' } });
    const html = await client.load(`/conversations/${conversationId}`);
    const panel = html.slice(html.indexOf('id="contact-panel"'));
    for (const text of ['Noura', '+966511112222', '966511112222', '@noura_k', 'SA.123', 'Riyadh branch', 'Unassigned']) expect(panel).toContain(text);
  });

  test('answers 404 for an unknown conversation', async () => {
    const { client } = await t.signedIn('agent');
    expect((await client.get('/conversations/cnv_nope')).status).toBe(404);
  });

  test('shows the latest messages and loads older ones as a fragment', async () => {
    const { client } = await t.signedIn('agent');
    const { inboxId } = seedInbox(t);
    let conversationId = '';
    for (let i = 1; i <= 35; i++) {
      t.clock.advance(1000);
      conversationId = receive(t, inboxId, { body: `message number ${i}.` }).conversationId;
    }
    const html = await client.load(`/conversations/${conversationId}`);
    expect(html).toContain('message number 35.');
    expect(html).toContain('message number 6.');
    expect(html).not.toContain('message number 5.');
    const older = /hx-get="([^"]+\/messages\?before=[^"]+)"/.exec(html)![1]!;
    const fragment = await (await client.get(older, { htmx: true })).text();
    expect(fragment).not.toContain('<html');
    expect(fragment).toContain('message number 1.');
    expect(fragment).toContain('message number 5.');
    expect(fragment).not.toContain('message number 6.');
    expect(fragment).not.toContain('id="load-older"');
  });

  test('refuses analysts with 403', async () => {
    const { inboxId } = seedInbox(t);
    const { conversationId } = receive(t, inboxId);
    const { client } = await t.signedIn('analyst');
    expect((await client.get(`/conversations/${conversationId}`)).status).toBe(403);
    expect(conversationRow(t, conversationId).unreadCount).toBe(1);
  });
});

describe('POST /conversations/:id/status', () => {
  test('resolves and reopens, leaving an event line for each change', async () => {
    const { client } = await t.signedIn('agent', { name: 'Omar' });
    const { inboxId } = seedInbox(t);
    const { conversationId } = receive(t, inboxId);
    await client.load(`/conversations/${conversationId}`);
    const resolved = await client.post(`/conversations/${conversationId}/status`, { status: 'resolved' });
    expect(resolved.status).toBe(303);
    expect(conversationRow(t, conversationId)).toMatchObject({ status: 'resolved', resolvedAt: t.clock.now() });
    const html = await client.load(`/conversations/${conversationId}`);
    expect(html).toContain('class="timeline-event"');
    expect(html).toContain('Omar set the conversation to Resolved.');
    expect(html).toContain('Reopen');
    await client.post(`/conversations/${conversationId}/status`, { status: 'open' });
    expect(conversationRow(t, conversationId)).toMatchObject({ status: 'open', resolvedAt: null });
    expect(messagesOf(t, conversationId).filter((m) => m.kind === 'event')).toHaveLength(2);
  });

  test('refuses an unknown status with 422 and changes nothing', async () => {
    const { client } = await t.signedIn('agent');
    const { inboxId } = seedInbox(t);
    const { conversationId } = receive(t, inboxId);
    await client.load(`/conversations/${conversationId}`);
    const response = await client.post(`/conversations/${conversationId}/status`, { status: 'archived' });
    expect(response.status).toBe(422);
    expect(conversationRow(t, conversationId).status).toBe('open');
    expect(messagesOf(t, conversationId).filter((m) => m.kind === 'event')).toHaveLength(0);
  });

  test('refuses analysts with 403 and changes nothing', async () => {
    const { inboxId } = seedInbox(t);
    const { conversationId } = receive(t, inboxId);
    const { client } = await t.signedIn('analyst');
    await client.load('/settings/profile');
    const response = await client.post(`/conversations/${conversationId}/status`, { status: 'resolved' });
    expect(response.status).toBe(403);
    expect(conversationRow(t, conversationId).status).toBe('open');
  });
});
