import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/test-app';
import { receive, seedInbox } from '../conversations/inbox-fixtures';
import { conversations } from '../../src/conversations/conversations.tables';
import { inboxMembers } from '../../src/conversations/inbox-members.tables';
import type { TestClient } from '../support/test-client';
import { liveFacts, streamReader } from './live-stream-reader';

/** GET /events over a real socket: what each tab is told, and who is told nothing. */
let t: TestApp;
let base: string;
beforeEach(() => {
  t = createTestApp();
  t.app.listen({ port: 0, hostname: '127.0.0.1' });
  base = `http://127.0.0.1:${t.app.server!.port}`;
});
afterEach(async () => {
  await t.app.stop(true);
  t.cleanup();
});

const cookieOf = (client: TestClient) => [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
const openStream = (client: TestClient) => fetch(`${base}/events`, { headers: { cookie: cookieOf(client) }, redirect: 'manual' });

/** A customer message as the webhook processor does it: commit first, then tell the hub. */
function customerWrites(inboxId: string, profileName = 'Sara') {
  const result = receive(t, inboxId, { contact: { waId: '966500000077', userId: null, profileName } });
  t.deps.live!.publish({ type: 'message.created', conversationId: result.conversationId, inboxId, direction: 'inbound' });
  return result;
}

describe('GET /events', () => {
  test('streams a hello, then a message.created fact after a customer message is received', async () => {
    const { client } = await t.signedIn('agent');
    const { inboxId } = seedInbox(t);
    const response = await openStream(client);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const stream = streamReader(response);
    await stream.until((text) => text.includes('event: hello'));
    const { conversationId } = customerWrites(inboxId);
    const text = await stream.until((s) => liveFacts(s).length > 0);
    expect(liveFacts(text)).toEqual([{ type: 'message.created', conversationId }]);
    await stream.cancel();
  });

  test('marks a new message in my conversation for a notification with the contact name and never the text', async () => {
    const { client, userId } = await t.signedIn('agent');
    const { inboxId } = seedInbox(t);
    const first = receive(t, inboxId, { contact: { waId: '966500000077', userId: null, profileName: 'Sara' } });
    t.deps.db.update(conversations).set({ assigneeId: userId }).where(eq(conversations.id, first.conversationId)).run();
    const stream = streamReader(await openStream(client));
    await stream.until((text) => text.includes('event: hello'));
    customerWrites(inboxId);
    const [fact] = liveFacts(await stream.until((s) => liveFacts(s).length > 0));
    expect(fact).toMatchObject({ type: 'message.created', forMe: true, contactName: 'Sara', title: 'New WhatsApp message' });
    expect(JSON.stringify(fact)).not.toContain('Hello');
    await stream.cancel();
  });

  test('tells an agent nothing about an inbox they are not a member of', async () => {
    const outsider = await t.signedIn('agent');
    const member = await t.signedIn('agent');
    const { inboxId } = seedInbox(t);
    t.deps.db.insert(inboxMembers).values({ inboxId, userId: member.userId, addedAt: t.clock.now() }).run();
    const outsiderStream = streamReader(await openStream(outsider.client));
    const memberStream = streamReader(await openStream(member.client));
    await outsiderStream.until((text) => text.includes('event: hello'));
    await memberStream.until((text) => text.includes('event: hello'));
    customerWrites(inboxId);
    await memberStream.until((s) => liveFacts(s).length === 1);
    expect(liveFacts(await outsiderStream.drain(300))).toEqual([]);
    await outsiderStream.cancel();
    await memberStream.cancel();
  });

  test('sends a signed-out browser to the login page', async () => {
    const response = await fetch(`${base}/events`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toStartWith('/login');
  });

  test('refuses an analyst with 403', async () => {
    const { client } = await t.signedIn('analyst');
    expect((await openStream(client)).status).toBe(403);
  });

  test('unsubscribes from the hub when the browser goes away', async () => {
    const { client } = await t.signedIn('agent');
    const stream = streamReader(await openStream(client));
    await stream.until((text) => text.includes('event: hello'));
    expect(t.deps.live!.size()).toBe(1);
    await stream.cancel();
    const deadline = performance.now() + 2000;
    while (t.deps.live!.size() > 0 && performance.now() < deadline) await Bun.sleep(20);
    expect(t.deps.live!.size()).toBe(0);
  });
});

describe('GET /conversations/unread-count', () => {
  test('counts unread conversations that are mine or unassigned, not a colleague’s', async () => {
    const { client, userId } = await t.signedIn('agent');
    const colleague = await t.signedIn('agent');
    const { inboxId } = seedInbox(t);
    const mine = receive(t, inboxId, { contact: { waId: '966500000001', userId: null, profileName: 'A' } });
    receive(t, inboxId, { contact: { waId: '966500000002', userId: null, profileName: 'B' } });
    const theirs = receive(t, inboxId, { contact: { waId: '966500000003', userId: null, profileName: 'C' } });
    t.deps.db.update(conversations).set({ assigneeId: userId }).where(eq(conversations.id, mine.conversationId)).run();
    t.deps.db.update(conversations).set({ assigneeId: colleague.userId }).where(eq(conversations.id, theirs.conversationId)).run();
    const html = await (await client.get('/conversations/unread-count', { htmx: true })).text();
    expect(html).toContain('data-count="2"');
  });

  test('leaves out inboxes the viewer may not see', async () => {
    const { client } = await t.signedIn('agent');
    const other = await t.signedIn('agent');
    const { inboxId } = seedInbox(t);
    t.deps.db.insert(inboxMembers).values({ inboxId, userId: other.userId, addedAt: t.clock.now() }).run();
    receive(t, inboxId);
    const html = await (await client.get('/conversations/unread-count', { htmx: true })).text();
    expect(html).toContain('data-count="0"');
  });

  test('drops a conversation once it is opened (read)', async () => {
    const { client } = await t.signedIn('agent');
    const { inboxId } = seedInbox(t);
    const { conversationId } = receive(t, inboxId);
    expect(await (await client.get('/conversations/unread-count')).text()).toContain('data-count="1"');
    await client.get(`/conversations/${conversationId}`);
    expect(await (await client.get('/conversations/unread-count')).text()).toContain('data-count="0"');
  });
});
