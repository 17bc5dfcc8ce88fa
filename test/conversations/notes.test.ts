import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/test-app';
import { messagesOf, receive, seedInbox } from './inbox-fixtures';
import { mentions, notifications } from '../../src/conversations/notifications.tables';
import { inboxMembers } from '../../src/conversations/inbox-members.tables';
import { conversationIdsMentioning } from '../../src/conversations/notifications.repository';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.cleanup());

async function setup() {
  const { inboxId } = seedInbox(t);
  const { conversationId } = receive(t, inboxId);
  const author = await t.signedIn('agent', { name: 'Omar' });
  await author.client.load(`/conversations/${conversationId}`);
  return { inboxId, conversationId, author };
}

const notesOf = (conversationId: string) => messagesOf(t, conversationId).filter((m) => m.kind === 'note');
const notificationsOf = (userId: string) => t.deps.db.select().from(notifications).where(eq(notifications.userId, userId)).all();

describe('note length limit', () => {
  test('shows the suggested format and a counter with the default limit of 300', async () => {
    const { conversationId, author } = await setup();
    const html = await author.client.load(`/conversations/${conversationId}`);
    expect(html).toContain('placeholder="date | issue type | state"');
    expect(html).toContain('data-limit="300"');
    expect(html).toContain('0 / 300');
  });

  test('refuses a note over the limit with 422 naming the limit, and stores nothing', async () => {
    const { conversationId, author } = await setup();
    const response = await author.client.post(`/conversations/${conversationId}/notes`, { note: 'ن'.repeat(301) }, { htmx: true });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('A note can be at most 300 characters.');
    expect(notesOf(conversationId)).toHaveLength(0);
  });

  test('an admin widens the limit on /settings/notes and longer notes are accepted', async () => {
    const { conversationId, author } = await setup();
    const admin = await t.signedIn('admin');
    await admin.client.load('/settings/notes');
    expect((await admin.client.post('/settings/notes', { limit: '500' })).status).toBe(303);
    const response = await author.client.post(`/conversations/${conversationId}/notes`, { note: 'x'.repeat(450) }, { htmx: true });
    expect(response.status).toBe(200);
    expect(notesOf(conversationId)).toHaveLength(1);
  });

  test('refuses a limit outside 50–2000 with 422 and keeps the old one', async () => {
    const admin = await t.signedIn('admin');
    await admin.client.load('/settings/notes');
    const response = await admin.client.post('/settings/notes', { limit: '20' });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('Enter a whole number between 50 and 2000.');
    expect(await admin.client.load('/settings/notes')).toContain('value="300"');
  });

  test('refuses the notes settings page to agents', async () => {
    const { author } = await setup();
    expect((await author.client.get('/settings/notes')).status).toBe(403);
  });
});

describe('mentions', () => {
  test('notifies a mentioned teammate, stores the mention and shows @Name in the note', async () => {
    const { conversationId, author } = await setup();
    const sara = await t.signedIn('agent', { name: 'سارة الحربي' });
    await author.client.post(`/conversations/${conversationId}/notes`, { note: `@[سارة الحربي](${sara.userId}) please call back` }, { htmx: true });
    const [note] = notesOf(conversationId);
    expect(note!.body).toBe('@سارة الحربي please call back');
    expect(notificationsOf(sara.userId)).toMatchObject([{ kind: 'mention', conversationId, messageId: note!.id, readAt: null }]);
    expect(conversationIdsMentioning(t.deps.db, sara.userId)).toEqual([conversationId]);
  });

  test('does not notify the author who mentions themself', async () => {
    const { conversationId, author } = await setup();
    await author.client.post(`/conversations/${conversationId}/notes`, { note: `note to @Omar` }, { htmx: true });
    expect(notificationsOf(author.userId)).toHaveLength(0);
  });

  test('does not notify an agent who cannot see the inbox', async () => {
    const { inboxId, conversationId, author } = await setup();
    const outsider = await t.signedIn('agent', { name: 'Khalid' });
    t.deps.db.insert(inboxMembers).values({ inboxId, userId: author.userId, addedAt: t.clock.now() }).run();
    await author.client.post(`/conversations/${conversationId}/notes`, { note: `@[Khalid](${outsider.userId}) look` }, { htmx: true });
    expect(notificationsOf(outsider.userId)).toHaveLength(0);
    expect(t.deps.db.select().from(mentions).all()).toHaveLength(0);
  });

  test('does not notify analysts', async () => {
    const { conversationId, author } = await setup();
    const analyst = await t.signedIn('analyst', { name: 'Nora' });
    await author.client.post(`/conversations/${conversationId}/notes`, { note: '@Nora FYI' }, { htmx: true });
    expect(notificationsOf(analyst.userId)).toHaveLength(0);
  });

  test('lists mentionable teammates as tokens, without the viewer', async () => {
    const { conversationId, author } = await setup();
    const sara = await t.signedIn('agent', { name: 'Sara "<b>' });
    const html = await (await author.client.get(`/conversations/${conversationId}/mentionables`, { htmx: true })).text();
    expect(html).toContain(`data-insert="@[Sara &#34;<b>](${sara.userId})"`);
    expect(html).toContain('@Sara &quot;&lt;b&gt;</button>');
    expect(html).not.toContain(`(${author.userId})`);
  });

  test('the notifications page lists a mention as new once, then marks it read', async () => {
    const { conversationId, author } = await setup();
    const sara = await t.signedIn('agent', { name: 'Sara' });
    await author.client.post(`/conversations/${conversationId}/notes`, { note: '@Sara <script>x</script>' }, { htmx: true });
    expect(await (await sara.client.get('/notifications/count', { htmx: true })).text()).toContain('>1</span>');
    const first = await sara.client.load('/notifications');
    expect(first).toContain('Omar mentioned you in a note about Sara');
    expect(first).toContain('&lt;script&gt;');
    expect(first).toContain('>New</span>');
    expect(notificationsOf(sara.userId)[0]!.readAt).not.toBeNull();
    expect(await sara.client.load('/notifications')).not.toContain('>New</span>');
    expect(await (await sara.client.get('/notifications/count', { htmx: true })).text()).toBe('');
  });

  test('refuses the notifications page to analysts', async () => {
    const analyst = await t.signedIn('analyst');
    expect((await analyst.client.get('/notifications')).status).toBe(403);
  });
});
