import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/test-app';
import { outboundMessages } from '../../src/conversations/conversations.tables';
import { conversationLocks } from '../../src/conversations/locks.tables';
import { auditLog } from '../../src/audit/audit.tables';
import { acquireReplyLock } from '../../src/conversations/acquire-reply-lock';
import { saveInboxBehaviour } from '../../src/settings/inbox-behaviour';
import { messagesOf, receive, seedInbox, seedTemplate } from './inbox-fixtures';
import { apiClient } from '../api/api-fixtures';

const MIN = 60_000;
let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.cleanup());

const lockRow = (conversationId: string) => t.deps.db.select().from(conversationLocks).where(eq(conversationLocks.conversationId, conversationId)).get();
const outbox = () => t.deps.db.select().from(outboundMessages).all();
const sentBy = (conversationId: string, userId: string) => messagesOf(t, conversationId).filter((m) => m.authorType === 'agent' && m.authorId === userId && m.kind !== 'note');

/** A waiting customer and two agents; the first (Omar) opens the conversation and so holds the lock. */
async function twoAgents() {
  const { inboxId } = seedInbox(t);
  const { conversationId } = receive(t, inboxId, { body: 'Is it in stock?' });
  const omar = await t.signedIn('agent', { name: 'Omar' });
  const huda = await t.signedIn('agent', { name: 'Huda' });
  await omar.client.load(`/conversations/${conversationId}`);
  return { inboxId, conversationId, omar, huda };
}

describe('acquiring the reply lock', () => {
  test('opening a conversation takes the lock for the default 7 minutes', async () => {
    const { conversationId, omar } = await twoAgents();
    expect(lockRow(conversationId)).toMatchObject({ holderId: omar.userId, expiresAt: t.clock.now() + 7 * MIN });
  });

  test('a second agent opening it sees "Locked by Omar, 7:00 left", a disabled composer and no take-over button', async () => {
    const { conversationId, omar, huda } = await twoAgents();
    const html = await huda.client.load(`/conversations/${conversationId}`);
    expect(html).toContain('<span>Locked by Omar, </span><time class="lock-countdown" dir="ltr"');
    expect(html).toContain('>7:00</time><span> left</span>');
    expect(html).toMatch(/<fieldset class="composer-lock" disabled/);
    expect(html).not.toContain('/lock/take-over');
    expect(lockRow(conversationId)!.holderId).toBe(omar.userId);
  });

  test('two agents opening at the same instant: exactly one holds the lock, the other sees the banner', async () => {
    const { inboxId } = seedInbox(t);
    const { conversationId } = receive(t, inboxId);
    const a = await t.signedIn('agent', { name: 'Omar' });
    const b = await t.signedIn('agent', { name: 'Huda' });
    await Promise.all([a.client.load('/conversations'), b.client.load('/conversations')]);
    const pages = await Promise.all([a.client.load(`/conversations/${conversationId}`), b.client.load(`/conversations/${conversationId}`)]);
    const holder = lockRow(conversationId)!.holderId;
    expect([a.userId, b.userId]).toContain(holder);
    expect(pages.filter((html) => html.includes('class="lock-banner"'))).toHaveLength(1);
  });

  test('two direct acquisitions at the same FakeClock instant: one is mine, the other held by the first', async () => {
    const { inboxId } = seedInbox(t);
    const { conversationId } = receive(t, inboxId);
    const a = await t.signedIn('agent');
    const b = await t.signedIn('agent');
    const [first, second] = await Promise.all([
      Promise.resolve().then(() => acquireReplyLock({ conversationId, userId: a.userId, lockMinutes: 7 }, t.deps)),
      Promise.resolve().then(() => acquireReplyLock({ conversationId, userId: b.userId, lockMinutes: 7 }, t.deps)),
    ]);
    expect(first.kind).toBe('mine');
    expect(second).toEqual({ kind: 'held-by-other', holderId: a.userId, expiresAt: t.clock.now() + 7 * MIN, remainingMs: 7 * MIN });
    expect(t.deps.db.select().from(conversationLocks).all()).toHaveLength(1);
  });

  test('once the lock expires another agent can take it', async () => {
    const { conversationId, huda } = await twoAgents();
    t.clock.advance(7 * MIN);
    const html = await huda.client.load(`/conversations/${conversationId}`);
    expect(html).not.toContain('class="lock-banner"');
    expect(lockRow(conversationId)!.holderId).toBe(huda.userId);
  });

  test('the lock length follows the inbox-behaviour setting', async () => {
    saveInboxBehaviour({ lockMinutes: 12, idleReleaseMinutes: 3 }, { id: null, label: 'test' }, t.deps);
    const { conversationId } = await twoAgents();
    expect(lockRow(conversationId)!.expiresAt).toBe(t.clock.now() + 12 * MIN);
  });
});

describe('sending under the lock', () => {
  test('refuses the other agent\'s reply with 409 and the banner, queueing nothing', async () => {
    const { conversationId, huda } = await twoAgents();
    await huda.client.load(`/conversations/${conversationId}`);
    const response = await huda.client.post(`/conversations/${conversationId}/messages`, { text: 'Me too' }, { htmx: true });
    expect(response.status).toBe(409);
    const html = await response.text();
    expect(html).toContain('Omar is replying to this conversation.');
    expect(html).toContain('<span>Locked by Omar, </span>');
    expect(sentBy(conversationId, huda.userId)).toHaveLength(0);
    expect(outbox()).toHaveLength(0);
  });

  test('refuses the other agent\'s template with 409, queueing nothing', async () => {
    const { inboxId, conversationId, huda } = await twoAgents();
    const templateId = seedTemplate(t, inboxId, { body: 'Hello' });
    await huda.client.load(`/conversations/${conversationId}`);
    const response = await huda.client.post(`/conversations/${conversationId}/templates`, { template: templateId }, { htmx: true });
    expect(response.status).toBe(409);
    expect(outbox()).toHaveLength(0);
  });

  test('lets the other agent add an internal note (notes are not locked)', async () => {
    const { conversationId, huda } = await twoAgents();
    await huda.client.load(`/conversations/${conversationId}`);
    const response = await huda.client.post(`/conversations/${conversationId}/notes`, { note: 'Omar has this one' }, { htmx: true });
    expect(response.status).toBe(200);
    expect(messagesOf(t, conversationId).filter((m) => m.kind === 'note')).toHaveLength(1);
  });

  test('the holder\'s send goes through and renews the lock', async () => {
    const { conversationId, omar } = await twoAgents();
    t.clock.advance(5 * MIN);
    const response = await omar.client.post(`/conversations/${conversationId}/messages`, { text: 'Yes, 3 left' }, { htmx: true });
    expect(response.status).toBe(200);
    expect(outbox()).toHaveLength(1);
    expect(lockRow(conversationId)!.expiresAt).toBe(t.clock.now() + 7 * MIN);
  });

  test('typing renews the holder\'s lock (204) but never someone else\'s', async () => {
    const { conversationId, omar, huda } = await twoAgents();
    await huda.client.load(`/conversations/${conversationId}`);
    t.clock.advance(2 * MIN);
    expect((await omar.client.post(`/conversations/${conversationId}/lock/renew`, {}, { htmx: true })).status).toBe(204);
    expect(lockRow(conversationId)!.expiresAt).toBe(t.clock.now() + 7 * MIN);
    const other = await huda.client.post(`/conversations/${conversationId}/lock/renew`, {}, { htmx: true });
    expect(other.status).toBe(200);
    expect(await other.text()).toContain('Locked by Omar');
    expect(lockRow(conversationId)!.holderId).toBe(omar.userId);
  });

  test('leaving releases the lock through a form post carrying _csrf (the beacon), and only the holder\'s', async () => {
    const { conversationId, omar, huda } = await twoAgents();
    await huda.client.load(`/conversations/${conversationId}`);
    expect((await huda.client.post(`/conversations/${conversationId}/lock/release`)).status).toBe(204);
    expect(lockRow(conversationId)!.holderId).toBe(omar.userId);
    expect((await omar.client.post(`/conversations/${conversationId}/lock/release`)).status).toBe(204);
    expect(lockRow(conversationId)).toBeUndefined();
  });

  test('refuses a release without the CSRF token', async () => {
    const { conversationId, omar } = await twoAgents();
    const response = await omar.client.post(`/conversations/${conversationId}/lock/release`, {}, { csrf: false });
    expect(response.status).toBe(403);
    expect(lockRow(conversationId)!.holderId).toBe(omar.userId);
  });
});

describe('taking over', () => {
  test('a supervisor sees the take-over button, takes the lock, and the timeline and audit log say so', async () => {
    const { conversationId, omar } = await twoAgents();
    const boss = await t.signedIn('supervisor', { name: 'Laila' });
    const html = await boss.client.load(`/conversations/${conversationId}`);
    expect(html).toContain(`action="/conversations/${conversationId}/lock/take-over"`);
    const response = await boss.client.post(`/conversations/${conversationId}/lock/take-over`);
    expect(response.status).toBe(303);
    expect(lockRow(conversationId)!.holderId).toBe(boss.userId);
    const event = messagesOf(t, conversationId).find((m) => m.kind === 'event');
    expect(JSON.parse(event!.content)).toMatchObject({ event: 'lock_taken_over', actor: 'Laila', from: 'Omar', fromId: omar.userId });
    expect(await boss.client.load(`/conversations/${conversationId}`)).toContain('Lock taken over by Laila from Omar');
    const audit = t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'conversation.lock_taken_over'), eq(auditLog.targetId, conversationId))).all();
    expect(audit).toHaveLength(1);
    const refused = await omar.client.post(`/conversations/${conversationId}/messages`, { text: 'Still here' }, { htmx: true });
    expect(refused.status).toBe(409);
  });

  test('refuses an agent\'s take-over with 403 and leaves the lock alone', async () => {
    const { conversationId, omar, huda } = await twoAgents();
    await huda.client.load(`/conversations/${conversationId}`);
    const response = await huda.client.post(`/conversations/${conversationId}/lock/take-over`);
    expect(response.status).toBe(403);
    expect(lockRow(conversationId)!.holderId).toBe(omar.userId);
    expect(messagesOf(t, conversationId).filter((m) => m.kind === 'event')).toHaveLength(0);
  });
});

describe('the REST API under the lock', () => {
  test('refuses to send with 409 and the reason while a person holds the lock, and sends once it expired', async () => {
    const { conversationId } = await twoAgents();
    const api = apiClient(t);
    const refused = await api.post(`/api/v1/conversations/${conversationId}/messages`, { text: 'Automated hello' });
    expect(refused.status).toBe(409);
    expect(refused.json!.error).toMatchObject({ code: 'conversations.locked' });
    expect(refused.json!.error.message).toContain('Omar is replying');
    expect(outbox()).toHaveLength(0);
    t.clock.advance(7 * MIN);
    expect((await api.post(`/api/v1/conversations/${conversationId}/messages`, { text: 'Automated hello' })).status).toBe(201);
  });
});

describe('inbox-behaviour settings', () => {
  test('an admin saves lock and idle minutes', async () => {
    const admin = await t.signedIn('admin');
    await admin.client.load('/settings/inbox-behaviour');
    const response = await admin.client.post('/settings/inbox-behaviour', { lockMinutes: '10', idleReleaseMinutes: '0' });
    expect(response.status).toBe(303);
    const html = await admin.client.load('/settings/inbox-behaviour');
    expect(html).toContain('value="10"');
    expect(html).toContain('value="0"');
    expect(t.deps.db.select().from(auditLog).where(eq(auditLog.targetId, 'inbox_behaviour')).all()).toHaveLength(1);
  });

  test.each([['4'], ['16'], ['7.5'], ['']])('refuses a lock length of "%s" with 422 and changes nothing', async (value) => {
    const admin = await t.signedIn('admin');
    await admin.client.load('/settings/inbox-behaviour');
    const response = await admin.client.post('/settings/inbox-behaviour', { lockMinutes: value, idleReleaseMinutes: '3' });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('Enter a whole number of minutes from 5 to 15.');
    expect(t.deps.db.select().from(auditLog).where(eq(auditLog.targetId, 'inbox_behaviour')).all()).toHaveLength(0);
  });

  test('refuses a negative idle limit with 422', async () => {
    const admin = await t.signedIn('admin');
    await admin.client.load('/settings/inbox-behaviour');
    const response = await admin.client.post('/settings/inbox-behaviour', { lockMinutes: '7', idleReleaseMinutes: '-1' });
    expect(response.status).toBe(422);
  });

  test('refuses agents with 403', async () => {
    const agent = await t.signedIn('agent');
    expect((await agent.client.get('/settings/inbox-behaviour')).status).toBe(403);
  });
});
