import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/test-app';
import { conversations } from '../../src/conversations/conversations.tables';
import { receive, seedInbox } from './inbox-fixtures';

const HOUR = 3_600_000;
let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.cleanup());

const rowOf = (html: string, conversationId: string) => {
  const start = html.indexOf(`id="conversation-${conversationId}"`);
  expect(start).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</li>', start));
};

describe('GET /conversations', () => {
  test('shows an open conversation with its unread count, waiting time, open window and assignee', async () => {
    const { client, userId } = await t.signedIn('agent', { name: 'Omar' });
    const { inboxId } = seedInbox(t);
    const { conversationId } = receive(t, inboxId, { body: 'Where is my order?' });
    receive(t, inboxId, { body: 'Hello?' });
    t.deps.db.update(conversations).set({ assigneeId: userId }).where(eq(conversations.id, conversationId)).run();
    t.clock.advance(2 * HOUR + 5 * 60_000);
    const row = rowOf(await client.load('/conversations'), conversationId);
    expect(row).toContain('Sara');
    expect(row).toContain('Hello?');
    expect(row).toContain('title="2 unread">2<');
    expect(row).toContain('Waiting 2 h 5 m');
    expect(row).toContain('24 h window: 21 h 55 m left');
    expect(row).toContain('Omar');
  });

  test('marks the window closed and shows no wait once an agent answered and a day passed', async () => {
    const { inboxId } = seedInbox(t);
    const { conversationId } = receive(t, inboxId);
    t.deps.db.update(conversations).set({ lastMessageAt: t.clock.now() + 1000 }).where(eq(conversations.id, conversationId)).run();
    t.clock.advance(25 * HOUR);
    // Signed in after the day passed: sessions expire when idle that long.
    const { client } = await t.signedIn('agent');
    const row = rowOf(await client.load('/conversations'), conversationId);
    expect(row).toContain('24 h window closed');
    expect(row).toContain('Unassigned');
    expect(row).not.toContain('Waiting');
  });

  test('falls back from the team name to the profile name to the phone number', async () => {
    const { client } = await t.signedIn('agent');
    const { inboxId } = seedInbox(t);
    const noProfile = receive(t, inboxId, { contact: { waId: '15550001111', userId: null } });
    const html = await client.load('/conversations');
    expect(rowOf(html, noProfile.conversationId)).toContain('+15550001111');
  });

  test('lists only the chosen status tab, newest activity first', async () => {
    const { client } = await t.signedIn('agent');
    const { inboxId } = seedInbox(t);
    const older = receive(t, inboxId, { contact: { waId: '111', userId: null, profileName: 'Older' } });
    t.clock.advance(60_000);
    const newer = receive(t, inboxId, { contact: { waId: '222', userId: null, profileName: 'Newer' } });
    const resolved = receive(t, inboxId, { contact: { waId: '333', userId: null, profileName: 'Done' } });
    t.deps.db.update(conversations).set({ status: 'resolved' }).where(eq(conversations.id, resolved.conversationId)).run();
    const open = await client.load('/conversations');
    expect(open.indexOf(`conversation-${newer.conversationId}`)).toBeLessThan(open.indexOf(`conversation-${older.conversationId}`));
    expect(open).not.toContain(`conversation-${resolved.conversationId}`);
    const done = await client.load('/conversations?status=resolved');
    expect(done).toContain(`conversation-${resolved.conversationId}`);
    expect(done).not.toContain(`conversation-${newer.conversationId}`);
  });

  test('filters by inbox when several exist', async () => {
    const { client } = await t.signedIn('agent');
    const sales = seedInbox(t, 'Sales');
    const support = seedInbox(t, 'Support');
    const a = receive(t, sales.inboxId, { contact: { waId: '111', userId: null } });
    const b = receive(t, support.inboxId, { contact: { waId: '222', userId: null } });
    const html = await client.load(`/conversations?inbox=${support.inboxId}`);
    expect(html).toContain(`conversation-${b.conversationId}`);
    expect(html).not.toContain(`conversation-${a.conversationId}`);
  });

  test('pages with a keyset cursor: the next page continues where the first stopped', async () => {
    const { client } = await t.signedIn('agent');
    const { inboxId } = seedInbox(t);
    const ids: string[] = [];
    for (let i = 0; i < 27; i++) {
      t.clock.advance(1000);
      ids.push(receive(t, inboxId, { contact: { waId: `9665000${i}`, userId: null } }).conversationId);
    }
    const first = await client.load('/conversations');
    expect(first.match(/class="conversation-row/g)).toHaveLength(25);
    const moreUrl = /hx-get="(\/conversations\?[^"]+cursor=[^"]+)"/.exec(first)![1]!.replaceAll('&amp;', '&');
    const next = await (await client.get(moreUrl, { htmx: true })).text();
    expect(next).not.toContain('<html');
    expect(next).toContain(`conversation-${ids[1]}`);
    expect(next).toContain(`conversation-${ids[0]}`);
    expect(next).not.toContain(`conversation-${ids[2]}`);
    expect(next).not.toContain('id="list-more"');
  });

  test('refuses analysts with 403', async () => {
    const { client } = await t.signedIn('analyst');
    expect((await client.get('/conversations')).status).toBe(403);
  });
});

describe('GET /', () => {
  test('sends inbox users to the conversation list and analysts to the reports', async () => {
    const agent = await t.signedIn('agent');
    expect((await agent.client.get('/')).headers.get('location')).toBe('/conversations');
    const analyst = await t.signedIn('analyst');
    expect((await analyst.client.get('/')).headers.get('location')).toBe('/reports');
  });
});

