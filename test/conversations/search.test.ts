import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { createTestApp, type TestApp } from '../support/test-app';
import { inboxMembers } from '../../src/conversations/inbox-members.tables';
import { receive, seedInbox } from './inbox-fixtures';
import { rowIds } from './list-fixtures';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.cleanup());

const search = async (client: { load(path: string): Promise<string> }, q: string) => rowIds(await client.load(`/conversations?q=${encodeURIComponent(q)}`));

describe('search', () => {
  test('finds "استرجاع" in messages written with the article, hamza, diacritics and tatweel', async () => {
    const { client } = await t.signedIn('agent');
    const { inboxId } = seedInbox(t);
    const withArticle = receive(t, inboxId, { contact: { waId: '111', userId: null }, body: 'أريد الإسترجاع من فضلك' });
    const decorated = receive(t, inboxId, { contact: { waId: '222', userId: null }, body: 'طلب إسْتـــرجَاع للمبلغ' });
    const unrelated = receive(t, inboxId, { contact: { waId: '333', userId: null }, body: 'شكرا جزيلا' });
    const found = await search(client, 'استرجاع');
    expect(found).toContain(withArticle.conversationId);
    expect(found).toContain(decorated.conversationId);
    expect(found).not.toContain(unrelated.conversationId);
  });

  test('matches the start of a word and ignores English case', async () => {
    const { client } = await t.signedIn('agent');
    const { inboxId } = seedInbox(t);
    const refund = receive(t, inboxId, { contact: { waId: '111', userId: null }, body: 'I need a REFUND please' });
    expect(await search(client, 'refu')).toEqual([refund.conversationId]);
    expect(await search(client, 'Refund')).toEqual([refund.conversationId]);
  });

  test('finds a contact by name and by phone digits typed with or without + and a trunk zero', async () => {
    const { client } = await t.signedIn('agent');
    const { inboxId } = seedInbox(t);
    const sara = receive(t, inboxId, { contact: { waId: '966501234567', userId: null, profileName: 'Sara Ali' }, body: 'hi' });
    receive(t, inboxId, { contact: { waId: '15550001111', userId: null, profileName: 'Bob' }, body: 'hi' });
    expect(await search(client, 'sara')).toEqual([sara.conversationId]);
    expect(await search(client, '+966 50 123 4567')).toEqual([sara.conversationId]);
    expect(await search(client, '966501234567')).toEqual([sara.conversationId]);
    expect(await search(client, '0501234567')).toEqual([sara.conversationId]);
  });

  test('shows the matching words of the message, escaped', async () => {
    const { client } = await t.signedIn('agent');
    const { inboxId } = seedInbox(t);
    receive(t, inboxId, { body: '<b>bold</b> refund now' });
    receive(t, inboxId, { body: 'a later message' });
    const html = await client.load('/conversations?q=refund');
    expect(html).toContain('<mark>refund</mark>');
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt;');
    expect(html).not.toContain('<b>bold</b>');
  });

  test('an htmx search returns only the rows for the list', async () => {
    const { client } = await t.signedIn('agent');
    const { inboxId } = seedInbox(t);
    const { conversationId } = receive(t, inboxId, { body: 'refund' });
    const response = await client.get('/conversations?q=refund', { htmx: true });
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).not.toContain('<html');
    expect(rowIds(html)).toEqual([conversationId]);
  });

  test('searches notes and agent replies too, and every status', async () => {
    const { client, userId } = await t.signedIn('agent');
    const { inboxId } = seedInbox(t);
    const { conversationId } = receive(t, inboxId, { body: 'hello' });
    const { addInternalNote } = await import('../../src/conversations/add-internal-note');
    addInternalNote({ conversationId, authorId: userId, text: 'customer wants a voucher' }, t.deps);
    const { changeConversationStatus } = await import('../../src/conversations/change-conversation-status');
    changeConversationStatus({ conversationId, status: 'resolved', actor: { id: userId, name: 'A' } }, t.deps);
    expect(await search(client, 'voucher')).toEqual([conversationId]);
  });

  test('hostile search text is inert: quotes, SQL and LIKE wildcards find nothing and break nothing', async () => {
    const { client } = await t.signedIn('agent');
    const { inboxId } = seedInbox(t);
    receive(t, inboxId, { body: 'Hello there' });
    for (const q of ["' OR 1=1 --", '%_', '"', 'NEAR(a b)', '*', 'a" OR "b']) {
      const response = await client.get(`/conversations?q=${encodeURIComponent(q)}`);
      expect(response.status).toBe(200);
      expect(rowIds(await response.text())).toEqual([]);
    }
  });

  test('an agent finds only conversations of inboxes they may see', async () => {
    const { client, userId } = await t.signedIn('agent');
    const { userId: otherId } = await t.signedIn('agent');
    const mine = seedInbox(t, 'Mine');
    const theirs = seedInbox(t, 'Theirs');
    t.deps.db.insert(inboxMembers).values([
      { inboxId: mine.inboxId, userId, addedAt: t.clock.now() },
      { inboxId: theirs.inboxId, userId: otherId, addedAt: t.clock.now() },
    ]).run();
    const visible = receive(t, mine.inboxId, { contact: { waId: '111', userId: null }, body: 'refund' });
    receive(t, theirs.inboxId, { contact: { waId: '222', userId: null }, body: 'refund' });
    expect(await search(client, 'refund')).toEqual([visible.conversationId]);
  });

  test('an edited message is found by its new text only; a deleted one no longer', async () => {
    const { client } = await t.signedIn('agent');
    const { inboxId } = seedInbox(t);
    const first = receive(t, inboxId, { waMessageId: 'wamid.edit', body: 'old words' });
    const { applyMessageEdit, applyMessageRevoke } = await import('../../src/conversations/apply-message-update');
    applyMessageEdit({ targetWaId: 'wamid.edit', body: 'fresh words', content: {}, at: t.clock.now() + 1 }, t.deps);
    expect(await search(client, 'old')).toEqual([]);
    expect(await search(client, 'fresh')).toEqual([first.conversationId]);
    applyMessageRevoke({ targetWaId: 'wamid.edit', at: t.clock.now() + 2 }, t.deps);
    expect(await search(client, 'fresh')).toEqual([]);
  });
});
