import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { createTestApp, type TestApp } from '../support/test-app';
import { seedInbox } from './inbox-fixtures';
import { contacts } from '../../src/contacts/contacts.tables';
import { conversations } from '../../src/conversations/conversations.tables';
import { countConversationsByStatus, TAB_COUNT_CAP } from '../../src/conversations/conversation-views.repository';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.cleanup());

/** Inserts `n` conversations of one status straight into the tables (the use cases are not under test here). */
function seedConversations(inboxId: string, status: 'open' | 'resolved', n: number) {
  const now = t.clock.now();
  t.deps.db.transaction((tx) => {
    for (let i = 0; i < n; i++) {
      const contactId = t.deps.newId('con');
      tx.insert(contacts).values({ id: contactId, waId: `${status}${i}`, createdAt: now, updatedAt: now }).run();
      tx.insert(conversations).values({ id: t.deps.newId('cnv'), inboxId, contactId, status, lastMessageAt: now, createdAt: now, updatedAt: now }).run();
    }
  });
}

describe('status tab counts', () => {
  test('count exactly below the cap', () => {
    const { inboxId } = seedInbox(t);
    seedConversations(inboxId, 'open', 3);
    seedConversations(inboxId, 'resolved', 2);
    expect(countConversationsByStatus(t.deps.db)).toEqual({
      open: { count: 3, more: false },
      pending: { count: 0, more: false },
      snoozed: { count: 0, more: false },
      resolved: { count: 2, more: false },
    });
  });

  test('stop at the cap and say there are more, and the list tab shows it', async () => {
    const { inboxId } = seedInbox(t);
    seedConversations(inboxId, 'open', TAB_COUNT_CAP + 2);
    expect(countConversationsByStatus(t.deps.db).open).toEqual({ count: TAB_COUNT_CAP, more: true });
    const { client } = await t.signedIn('admin');
    expect(await client.load('/conversations')).toContain('1,000+');
  });
});
