import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { createTestApp, type TestApp } from '../support/test-app';
import { users } from '../../src/accounts/accounts.tables';
import { conversationLabels } from '../../src/conversations/labels.tables';
import { addInternalNote } from '../../src/conversations/add-internal-note';
import { receive, seedInbox } from './inbox-fixtures';
import { rowIds, seedLabel, seedTeam, setConversation } from './list-fixtures';

const MINUTE = 60_000;
let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.cleanup());

/** Three open conversations from different customers, a minute apart (a oldest, c newest). */
function threeConversations(inboxId: string) {
  const a = receive(t, inboxId, { contact: { waId: '111', userId: null, profileName: 'A' } }).conversationId;
  t.clock.advance(MINUTE);
  const b = receive(t, inboxId, { contact: { waId: '222', userId: null, profileName: 'B' } }).conversationId;
  t.clock.advance(MINUTE);
  const c = receive(t, inboxId, { contact: { waId: '333', userId: null, profileName: 'C' } }).conversationId;
  return { a, b, c };
}

describe('list views', () => {
  test('Mine lists only the viewer’s conversations and Unassigned only the queue', async () => {
    const { client, userId } = await t.signedIn('agent');
    const { inboxId } = seedInbox(t);
    const { a, b, c } = threeConversations(inboxId);
    const { userId: otherId } = await t.signedIn('agent');
    setConversation(t, a, { assigneeId: userId });
    setConversation(t, b, { assigneeId: otherId });
    expect(rowIds(await client.load('/conversations?view=mine'))).toEqual([a]);
    expect(rowIds(await client.load('/conversations?view=unassigned'))).toEqual([c]);
    expect(rowIds(await client.load('/conversations?view=all'))).toEqual([c, b, a]);
  });

  test('Mentions lists conversations where a note mentioned the viewer, and says so when there are none', async () => {
    const { client } = await t.signedIn('agent', { name: 'Mona' });
    const { userId: writer } = await t.signedIn('agent', { name: 'Omar' });
    const { inboxId } = seedInbox(t);
    const { a, b } = threeConversations(inboxId);
    expect(await client.load('/conversations?view=mentions')).toContain('Nobody has mentioned you in a note yet.');
    addInternalNote({ conversationId: b, authorId: writer, text: '@Mona please look' }, t.deps);
    addInternalNote({ conversationId: a, authorId: writer, text: 'no mention here' }, t.deps);
    expect(rowIds(await client.load('/conversations?view=mentions'))).toEqual([b]);
  });

  test('team and inbox views list only their conversations', async () => {
    const { client } = await t.signedIn('supervisor');
    const sales = seedInbox(t, 'Sales');
    const support = seedInbox(t, 'Support');
    const teamId = seedTeam(t, 'Billing');
    const a = receive(t, sales.inboxId, { contact: { waId: '111', userId: null } }).conversationId;
    const b = receive(t, support.inboxId, { contact: { waId: '222', userId: null } }).conversationId;
    setConversation(t, a, { teamId });
    expect(rowIds(await client.load(`/conversations?view=team:${teamId}`))).toEqual([a]);
    expect(rowIds(await client.load(`/conversations?view=inbox:${support.inboxId}`))).toEqual([b]);
  });
});

describe('list filters and sorts', () => {
  test('filters by label, priority and assignee, and keeps the filters on the status tabs', async () => {
    const { client, userId } = await t.signedIn('agent');
    const { inboxId } = seedInbox(t);
    const { a, b, c } = threeConversations(inboxId);
    const vip = seedLabel(t, 'VIP');
    t.deps.db.insert(conversationLabels).values({ conversationId: a, labelId: vip }).run();
    setConversation(t, b, { priority: 'urgent', assigneeId: userId });
    expect(rowIds(await client.load(`/conversations?label=${vip}`))).toEqual([a]);
    expect(rowIds(await client.load('/conversations?priority=urgent'))).toEqual([b]);
    expect(rowIds(await client.load(`/conversations?assignee=${userId}`))).toEqual([b]);
    expect(rowIds(await client.load('/conversations?assignee=none'))).toEqual([c, a]);
    expect(await client.load('/conversations?priority=urgent')).toContain('href="/conversations?status=resolved&priority=urgent"');
  });

  test('rows show their labels and a priority other than normal', async () => {
    const { client } = await t.signedIn('agent');
    const { inboxId } = seedInbox(t);
    const { conversationId } = receive(t, inboxId);
    t.deps.db.insert(conversationLabels).values({ conversationId, labelId: seedLabel(t, 'Refunds', 'red') }).run();
    setConversation(t, conversationId, { priority: 'high' });
    const html = await client.load('/conversations');
    expect(html).toContain('class="badge label-chip label-red" dir="auto">Refunds<');
    expect(html).toContain('Priority: High');
  });

  test('sorts by longest wait, answered conversations last', async () => {
    const { client } = await t.signedIn('agent');
    const { inboxId } = seedInbox(t);
    const { a, b, c } = threeConversations(inboxId);
    // An agent answered a: it is no longer waiting, although its customer wrote first.
    setConversation(t, a, { lastMessageAt: t.clock.now() + MINUTE });
    expect(rowIds(await client.load('/conversations?sort=oldest_waiting'))).toEqual([b, c, a]);
  });

  test('sorts by the nearest SLA deadline, conversations without a running SLA last', async () => {
    const { client } = await t.signedIn('agent');
    const { inboxId } = seedInbox(t);
    const { a, b, c } = threeConversations(inboxId);
    setConversation(t, a, { slaDueAt: t.clock.now() + 90 * MINUTE });
    setConversation(t, c, { slaDueAt: t.clock.now() + 30 * MINUTE });
    expect(rowIds(await client.load('/conversations?sort=sla_due'))).toEqual([c, a, b]);
  });

  test('pages through a non-default sort with its own keyset, without repeats or gaps', async () => {
    const { client } = await t.signedIn('agent');
    const { inboxId } = seedInbox(t);
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      ids.push(receive(t, inboxId, { contact: { waId: `9665000000${i.toString().padStart(2, '0')}`, userId: null } }).conversationId);
      t.clock.advance(MINUTE);
    }
    const html = await client.load('/conversations?sort=oldest_waiting');
    const first = rowIds(html);
    const more = /hx-get="([^"]+)"[^>]*hx-target="#list-more"/.exec(html)![1]!.replaceAll('&amp;', '&');
    expect(more).toContain('sort=oldest_waiting');
    const second = rowIds(await (await client.get(more, { htmx: true })).text());
    expect([...first, ...second]).toEqual(ids);
  });

  test('hostile sort and filter values are ignored and change nothing', async () => {
    const { client } = await t.signedIn('agent');
    const { inboxId } = seedInbox(t);
    const { a, b, c } = threeConversations(inboxId);
    for (const query of ['sort=created_at;DROP TABLE users', "view=mine' OR 1=1 --", "priority=urgent' OR '1'='1", "label=x' OR 1=1 --", 'status=open;DELETE FROM conversations', 'assignee=%25']) {
      const response = await client.get(`/conversations?${query.replaceAll(' ', '%20')}`);
      expect(response.status).toBe(200);
      // Each bad value falls back to its default, so the list is the plain open list.
      expect(rowIds(await response.text())).toEqual([c, b, a]);
    }
    expect(t.deps.db.select().from(users).all().length).toBe(1);
    expect(rowIds(await client.load('/conversations'))).toEqual([c, b, a]);
  });
});
