import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/test-app';
import { conversations } from '../../src/conversations/conversations.tables';
import { conversationLocks } from '../../src/conversations/locks.tables';
import { releaseIdleConversations } from '../../src/conversations/release-idle-conversations';
import { saveInboxBehaviour } from '../../src/settings/inbox-behaviour';
import { changeConversationStatus } from '../../src/conversations/change-conversation-status';
import { conversationRow, messagesOf, receive, seedInbox } from './inbox-fixtures';
import type { LiveEvent } from '../../src/platform/live-hub';
import { assignConversation } from '../../src/conversations/assign-conversation';

const MIN = 60_000;
let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.cleanup());

const assign = (conversationId: string, userId: string) => t.deps.db.update(conversations).set({ assigneeId: userId }).where(eq(conversations.id, conversationId)).run();
const events = (conversationId: string) => messagesOf(t, conversationId).filter((m) => m.kind === 'event');

/** A customer writes to a conversation assigned to Omar, who has not opened it. */
async function waitingForOmar() {
  const { inboxId } = seedInbox(t);
  const { conversationId } = receive(t, inboxId, { body: 'Hello?' });
  const omar = await t.signedIn('agent', { name: 'Omar' });
  assign(conversationId, omar.userId);
  return { inboxId, conversationId, omar };
}

describe('release-idle-conversations', () => {
  test('returns a conversation to the queue after 3 minutes of waiting, with a timeline line naming the agent', async () => {
    const { conversationId, omar } = await waitingForOmar();
    const published: LiveEvent[] = [];
    t.deps.live!.subscribe(() => true, (event) => published.push(event));
    t.clock.advance(3 * MIN);
    expect(releaseIdleConversations(t.deps).released).toEqual([conversationId]);
    expect(conversationRow(t, conversationId).assigneeId).toBeNull();
    const [event] = events(conversationId);
    expect(JSON.parse(event!.content)).toMatchObject({ event: 'idle_released', releasedAgentId: omar.userId, agent: 'Omar', minutes: 3 });
    expect(published).toContainEqual(expect.objectContaining({ type: 'conversation.changed', conversationId }));
    const admin = await t.signedIn('admin');
    expect(await admin.client.load(`/conversations/${conversationId}`)).toContain('Returned to the queue: Omar did not reply within 3 minutes');
  });

  test('leaves it alone before the limit', async () => {
    const { conversationId, omar } = await waitingForOmar();
    t.clock.advance(3 * MIN - 1_000);
    expect(releaseIdleConversations(t.deps).released).toEqual([]);
    expect(conversationRow(t, conversationId).assigneeId).toBe(omar.userId);
  });

  test('does not release when the agent opened the conversation meanwhile (activity)', async () => {
    const { conversationId, omar } = await waitingForOmar();
    t.clock.advance(2 * MIN);
    await omar.client.load(`/conversations/${conversationId}`);
    t.clock.advance(2 * MIN);
    expect(releaseIdleConversations(t.deps).released).toEqual([]);
    expect(conversationRow(t, conversationId).assigneeId).toBe(omar.userId);
  });

  test('does not release when the agent replied', async () => {
    const { conversationId, omar } = await waitingForOmar();
    await omar.client.load(`/conversations/${conversationId}`);
    await omar.client.post(`/conversations/${conversationId}/messages`, { text: 'Hi, checking' });
    t.clock.advance(10 * MIN);
    expect(releaseIdleConversations(t.deps).released).toEqual([]);
    expect(conversationRow(t, conversationId).assigneeId).toBe(omar.userId);
  });

  test.each([['pending'], ['resolved']] as const)('does not release a %s conversation', async (status) => {
    const { conversationId, omar } = await waitingForOmar();
    changeConversationStatus({ conversationId, status, actor: { id: omar.userId, name: 'Omar' } }, t.deps);
    t.clock.advance(10 * MIN);
    expect(releaseIdleConversations(t.deps).released).toEqual([]);
    expect(conversationRow(t, conversationId).assigneeId).toBe(omar.userId);
  });

  test('gives an agent assigned to a long-waiting conversation the full limit from the assignment', async () => {
    const { conversationId } = await waitingForOmar();
    t.clock.advance(10 * MIN);
    expect(releaseIdleConversations(t.deps).released).toEqual([conversationId]);
    const boss = await t.signedIn('supervisor', { name: 'Laila' });
    const huda = await t.signedIn('agent', { name: 'Huda' });
    assignConversation({ conversationId, assigneeId: huda.userId, actor: { id: boss.userId, name: 'Laila', role: 'supervisor' }, overrideCapacity: true }, t.deps);
    t.clock.advance(2 * MIN);
    expect(releaseIdleConversations(t.deps).released).toEqual([]);
    t.clock.advance(MIN);
    expect(releaseIdleConversations(t.deps).released).toEqual([conversationId]);
  });

  test('does not release an unassigned conversation', async () => {
    const { inboxId } = seedInbox(t);
    const { conversationId } = receive(t, inboxId);
    t.clock.advance(10 * MIN);
    expect(releaseIdleConversations(t.deps).released).toEqual([]);
    expect(events(conversationId)).toHaveLength(0);
  });

  test('releases the agent\'s reply lock with the conversation', async () => {
    const { conversationId, omar } = await waitingForOmar();
    await omar.client.load(`/conversations/${conversationId}`);
    receive(t, conversationRow(t, conversationId).inboxId, { body: 'Anyone there?' });
    t.clock.advance(3 * MIN);
    expect(releaseIdleConversations(t.deps).released).toEqual([conversationId]);
    expect(t.deps.db.select().from(conversationLocks).where(eq(conversationLocks.conversationId, conversationId)).get()).toBeUndefined();
  });

  test('follows the configured limit, and 0 turns it off', async () => {
    const { conversationId } = await waitingForOmar();
    saveInboxBehaviour({ lockMinutes: 7, idleReleaseMinutes: 0 }, { id: null, label: 'test' }, t.deps);
    t.clock.advance(60 * MIN);
    expect(releaseIdleConversations(t.deps).released).toEqual([]);
    saveInboxBehaviour({ lockMinutes: 7, idleReleaseMinutes: 5 }, { id: null, label: 'test' }, t.deps);
    expect(releaseIdleConversations(t.deps).released).toEqual([conversationId]);
    expect(JSON.parse(events(conversationId)[0]!.content)).toMatchObject({ minutes: 5 });
  });
});
