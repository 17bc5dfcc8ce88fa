import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/test-app';
import { conversations, messages, outboundMessages } from '../../src/conversations/conversations.tables';
import { teams } from '../../src/teams/teams.tables';
import { revokeApiToken, listApiTokens } from '../../src/accounts/api-tokens';
import { messagesOf, receive, seedInbox, seedTemplate } from '../conversations/inbox-fixtures';
import { apiClient } from './api-fixtures';

const DAY = 24 * 3_600_000;
let t: TestApp;
let api: ReturnType<typeof apiClient>;
beforeEach(() => {
  t = createTestApp();
  api = apiClient(t);
});
afterEach(() => t.cleanup());

const outboxRows = () => t.deps.db.select().from(outboundMessages).all();

describe('API authentication', () => {
  test('answers 401 JSON without a token', async () => {
    const response = await api.anonymous('GET', '/api/v1/conversations');
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(response.json).toMatchObject({ error: { code: 'unauthorized' } });
  });

  test('answers 401 to a revoked token', async () => {
    revokeApiToken({ id: listApiTokens(t.deps.db)[0]!.id }, { id: null, label: 'test' }, t.deps);
    expect((await api.get('/api/v1/conversations')).status).toBe(401);
  });

  test('refuses to send without a token and stores nothing', async () => {
    const { inboxId } = seedInbox(t);
    const { conversationId } = receive(t, inboxId);
    const response = await t.app.handle(
      new Request(`http://localhost/api/v1/conversations/${conversationId}/messages`, { method: 'POST', body: '{"text":"hi"}', headers: { 'content-type': 'application/json' } }),
    );
    expect(response.status).toBe(401);
    expect(outboxRows()).toHaveLength(0);
  });
});

describe('GET /api/v1/conversations', () => {
  test('lists conversations newest first with contact, assignee and team', async () => {
    const { inboxId } = seedInbox(t, 'Sales');
    const older = receive(t, inboxId, { contact: { waId: '111', userId: null, profileName: 'Older' } });
    t.clock.advance(1000);
    const newer = receive(t, inboxId, { contact: { waId: '222', userId: null, profileName: 'Newer' } });
    const { json, status } = await api.get('/api/v1/conversations');
    expect(status).toBe(200);
    expect(json!.data.map((c: { id: string }) => c.id)).toEqual([newer.conversationId, older.conversationId]);
    expect(json!.data[0]).toMatchObject({ status: 'open', inbox_name: 'Sales', assignee_id: null, team_id: null, unread_count: 1, contact: { profile_name: 'Newer', wa_id: '222' } });
    expect(json!.data[0].reply_window.open).toBe(true);
    expect(json!.next_cursor).toBeNull();
  });

  test('pages with limit and cursor without repeating or skipping', async () => {
    const { inboxId } = seedInbox(t);
    for (let i = 0; i < 5; i++) {
      t.clock.advance(1000);
      receive(t, inboxId, { contact: { waId: `90${i}`, userId: null } });
    }
    const first = await api.get('/api/v1/conversations?limit=2');
    const second = await api.get(`/api/v1/conversations?limit=2&cursor=${first.json!.next_cursor}`);
    const third = await api.get(`/api/v1/conversations?limit=2&cursor=${second.json!.next_cursor}`);
    const ids = [...first.json!.data, ...second.json!.data, ...third.json!.data].map((c: { id: string }) => c.id);
    expect(new Set(ids).size).toBe(5);
    expect(third.json!.next_cursor).toBeNull();
  });

  test('filters by status, inbox, assignee and team', async () => {
    const { userId } = await t.signedIn('agent');
    const sales = seedInbox(t, 'Sales');
    const support = seedInbox(t, 'Support');
    const a = receive(t, sales.inboxId, { contact: { waId: '1', userId: null } });
    const b = receive(t, support.inboxId, { contact: { waId: '2', userId: null } });
    const c = receive(t, support.inboxId, { contact: { waId: '3', userId: null } });
    t.deps.db.insert(teams).values({ id: 'team_1', name: 'VIP', createdAt: 0, updatedAt: 0 }).run();
    t.deps.db.update(conversations).set({ assigneeId: userId, teamId: 'team_1' }).where(eq(conversations.id, b.conversationId)).run();
    t.deps.db.update(conversations).set({ status: 'resolved' }).where(eq(conversations.id, c.conversationId)).run();
    const ids = async (query: string) => (await api.get(`/api/v1/conversations?${query}`)).json!.data.map((x: { id: string }) => x.id).sort();
    expect(await ids(`inbox_id=${support.inboxId}`)).toEqual([b.conversationId, c.conversationId].sort());
    expect(await ids('status=resolved')).toEqual([c.conversationId]);
    expect(await ids(`assignee_id=${userId}`)).toEqual([b.conversationId]);
    expect(await ids('team_id=team_1')).toEqual([b.conversationId]);
    expect(await ids(`status=open&inbox_id=${sales.inboxId}`)).toEqual([a.conversationId]);
  });

  test('answers 422 to a bad status, limit or cursor', async () => {
    for (const query of ['status=archived', 'limit=0', 'limit=101', 'limit=abc', 'cursor=not-a-cursor']) {
      const response = await api.get(`/api/v1/conversations?${query}`);
      expect(response.status).toBe(422);
      expect(response.json!.error.code).toBe('invalid_request');
    }
  });
});

describe('GET /api/v1/conversations/:id and its messages', () => {
  test('reads one conversation, and 404 JSON for an unknown id', async () => {
    const { inboxId } = seedInbox(t);
    const { conversationId } = receive(t, inboxId);
    expect((await api.get(`/api/v1/conversations/${conversationId}`)).json!.data.id).toBe(conversationId);
    const missing = await api.get('/api/v1/conversations/cnv_missing');
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ error: { code: 'not_found' } });
    expect((await api.get('/api/v1/conversations/cnv_missing/messages')).status).toBe(404);
  });

  test('lists messages newest first with type, text, media URL, wamid and delivery status', async () => {
    const { inboxId } = seedInbox(t);
    const first = receive(t, inboxId, { body: 'hello', waMessageId: 'wamid.A' });
    t.clock.advance(1000);
    receive(t, inboxId, { kind: 'image', body: 'a caption', content: { mimeType: 'image/jpeg' }, media: { waMediaId: 'm', mimeType: 'image/jpeg' } });
    const { json } = await api.get(`/api/v1/conversations/${first.conversationId}/messages`);
    expect(json!.data).toHaveLength(2);
    expect(json!.data[0]).toMatchObject({ type: 'image', direction: 'in', text: null, caption: 'a caption', status: 'received' });
    expect(json!.data[0].media.url).toMatch(/^\/media\/med_/);
    expect(json!.data[1]).toMatchObject({ type: 'text', text: 'hello', wa_message_id: 'wamid.A', media: null, failure: null });
  });

  test('pages messages backwards in time with a cursor', async () => {
    const { inboxId } = seedInbox(t);
    let conversationId = '';
    for (let i = 0; i < 5; i++) {
      t.clock.advance(1000);
      conversationId = receive(t, inboxId, { body: `m${i}` }).conversationId;
    }
    const first = await api.get(`/api/v1/conversations/${conversationId}/messages?limit=3`);
    expect(first.json!.data.map((m: { text: string }) => m.text)).toEqual(['m4', 'm3', 'm2']);
    const second = await api.get(`/api/v1/conversations/${conversationId}/messages?limit=3&cursor=${first.json!.next_cursor}`);
    expect(second.json!.data.map((m: { text: string }) => m.text)).toEqual(['m1', 'm0']);
    expect(second.json!.next_cursor).toBeNull();
  });

  test('reports a failed send with its reason', async () => {
    const { inboxId } = seedInbox(t);
    const { conversationId } = receive(t, inboxId);
    const sent = await api.post(`/api/v1/conversations/${conversationId}/messages`, { text: 'hi' });
    t.deps.db.update(messages).set({ status: 'failed', errorCode: 131026, errorTitle: 'Message undeliverable' }).where(eq(messages.id, sent.json!.data.id)).run();
    const { json } = await api.get(`/api/v1/conversations/${conversationId}/messages`);
    const failed = json!.data.find((m: { id: string }) => m.id === sent.json!.data.id);
    expect(failed).toMatchObject({ status: 'failed', failure: { code: 131026, title: 'Message undeliverable' } });
  });
});

describe('POST /api/v1/conversations/:id/messages', () => {
  test('queues text like the inbox does: message plus outbox row, 201 with the message', async () => {
    const { inboxId } = seedInbox(t);
    const { conversationId } = receive(t, inboxId);
    const response = await api.post(`/api/v1/conversations/${conversationId}/messages`, { text: 'Your order shipped' });
    expect(response.status).toBe(201);
    expect(response.json!.data).toMatchObject({ type: 'text', direction: 'out', text: 'Your order shipped', status: 'queued', author_type: 'automation' });
    const rows = outboxRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.messageId).toBe(response.json!.data.id);
  });

  test('answers 409 with the reason outside the 24-hour window and stores nothing', async () => {
    const { inboxId } = seedInbox(t);
    const { conversationId } = receive(t, inboxId);
    t.clock.advance(DAY + 1);
    const response = await api.post(`/api/v1/conversations/${conversationId}/messages`, { text: 'late' });
    expect(response.status).toBe(409);
    expect(response.json!.error.code).toBe('conversations.reply_window_closed');
    expect(response.json!.error.message).toContain('24 hours');
    expect(outboxRows()).toHaveLength(0);
  });

  test('sends an approved template outside the window', async () => {
    const { inboxId } = seedInbox(t);
    seedTemplate(t, inboxId, { name: 'order_ready', language: 'ar', body: 'مرحبا {{1}}' });
    const { conversationId } = receive(t, inboxId);
    t.clock.advance(DAY + 1);
    const response = await api.post(`/api/v1/conversations/${conversationId}/messages`, { template: { name: 'order_ready', language: 'ar', variables: ['سارة'] } });
    expect(response.status).toBe(201);
    expect(response.json!.data.type).toBe('template');
    expect(outboxRows()).toHaveLength(1);
  });

  for (const [label, body] of [
    ['a body that is not JSON', '{"text":'],
    ['an array body', '[]'],
    ['neither text nor template', {}],
    ['both text and template', { text: 'a', template: { name: 'x', language: 'en' } }],
    ['an unknown field', { text: 'a', html: '<b>' }],
    ['empty text', { text: '   ' }],
    ['text over 4096 characters', { text: 'x'.repeat(4097) }],
    ['an unknown template', { template: { name: 'nope', language: 'en', variables: [] } }],
  ] as const) {
    test(`answers 422 to ${label} and stores nothing`, async () => {
      const { inboxId } = seedInbox(t);
      const { conversationId } = receive(t, inboxId);
      const response = await api.post(`/api/v1/conversations/${conversationId}/messages`, body);
      expect(response.status).toBe(422);
      expect(response.json!.error).toHaveProperty('code');
      expect(response.json!.error).toHaveProperty('message');
      expect(outboxRows()).toHaveLength(0);
      expect(messagesOf(t, conversationId).filter((m) => m.direction === 'out')).toHaveLength(0);
    });
  }

  test('answers 404 for an unknown conversation', async () => {
    const response = await api.post('/api/v1/conversations/cnv_missing/messages', { text: 'hi' });
    expect(response.status).toBe(404);
    expect(response.json!.error.code).toBe('not_found');
  });
});

test('unknown API paths answer 404 JSON', async () => {
  const response = await api.get('/api/v1/nothing-here');
  expect(response.status).toBe(404);
  expect(response.json!.error.code).toBe('not_found');
});
