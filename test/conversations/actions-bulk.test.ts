import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { createTestApp, type TestApp } from '../support/test-app';
import { conversationLabels } from '../../src/conversations/labels.tables';
import { inboxMembers } from '../../src/conversations/inbox-members.tables';
import { conversationRow, messagesOf, receive, seedInbox } from './inbox-fixtures';
import { seedLabel } from './list-fixtures';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.cleanup());

/** Bulk forms repeat `ids`; the test client's plain object cannot, so post the body by hand. */
async function postBulk(client: Awaited<ReturnType<TestApp['signedIn']>>['client'], ids: string[], fields: Record<string, string>) {
  const form = new URLSearchParams(fields);
  for (const id of ids) form.append('ids', id);
  form.set('_csrf', client.csrfToken);
  return client.request('/conversations/bulk', { method: 'POST', body: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
}

function three(inboxId: string) {
  return ['111', '222', '333'].map((waId) => receive(t, inboxId, { contact: { waId, userId: null } }).conversationId);
}

describe('bulk actions on the list', () => {
  test('assigns, labels, prioritises and resolves three conversations at once, each with its timeline lines', async () => {
    const { client, userId } = await t.signedIn('supervisor', { name: 'Sam' });
    const { inboxId } = seedInbox(t);
    const ids = three(inboxId);
    const vip = seedLabel(t, 'VIP');
    await client.load('/conversations');
    const response = await postBulk(client, ids, { assignee: userId, label: vip, priority: 'high', status: 'resolved', return_to: '/conversations?status=open' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/conversations?status=open');
    for (const id of ids) {
      expect(conversationRow(t, id)).toMatchObject({ assigneeId: userId, priority: 'high', status: 'resolved' });
      expect(t.deps.db.select().from(conversationLabels).all().filter((row) => row.conversationId === id)).toHaveLength(1);
      const lines = messagesOf(t, id).filter((m) => m.kind === 'event').map((m) => JSON.parse(m.content).event);
      expect(lines).toEqual(['assigned', 'status_changed', 'label_added', 'priority_high']);
    }
  });

  test('changes nothing at all when one of the conversations is not the agent’s to change', async () => {
    const { client, userId } = await t.signedIn('agent');
    const { userId: member } = await t.signedIn('agent');
    const open = seedInbox(t, 'Open');
    const closed = seedInbox(t, 'Closed');
    t.deps.db.insert(inboxMembers).values([
      { inboxId: open.inboxId, userId, addedAt: t.clock.now() },
      { inboxId: closed.inboxId, userId: member, addedAt: t.clock.now() },
    ]).run();
    const mine = three(open.inboxId);
    const foreign = receive(t, closed.inboxId, { contact: { waId: '999', userId: null } }).conversationId;
    await client.load('/conversations');
    const response = await postBulk(client, [...mine, foreign], { priority: 'urgent' });
    expect(response.status).toBe(404);
    for (const id of [...mine, foreign]) expect(conversationRow(t, id).priority).toBe('normal');
  });

  test('refuses an empty selection or a value outside the lists with 422', async () => {
    const { client } = await t.signedIn('agent');
    const { inboxId } = seedInbox(t);
    const ids = three(inboxId);
    await client.load('/conversations');
    expect((await postBulk(client, [], { priority: 'high' })).status).toBe(422);
    expect((await postBulk(client, ids, {})).status).toBe(422);
    expect((await postBulk(client, ids, { status: 'snoozed' })).status).toBe(422);
    for (const id of ids) expect(conversationRow(t, id)).toMatchObject({ priority: 'normal', status: 'open' });
  });

  test('the list offers a checkbox per row tied to the bulk form', async () => {
    const { client } = await t.signedIn('agent');
    const { inboxId } = seedInbox(t);
    const [id] = three(inboxId);
    const html = await client.load('/conversations');
    expect(html).toContain('<form id="bulk-form" method="post" action="/conversations/bulk"');
    expect(html).toContain(`name="ids" value="${id}" form="bulk-form"`);
  });
});
