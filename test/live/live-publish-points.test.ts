import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { createTestApp, type TestApp } from '../support/test-app';
import { addTestChannel, deliver, textPayload } from '../support/whatsapp-webhooks';
import { conversations } from '../../src/conversations/conversations.tables';
import type { LiveEvent } from '../../src/live/live-events';

/** Where facts enter the hub: after the webhook processor commits, and after inbox actions. */
let t: TestApp;
let inboxId: string;
let published: { event: LiveEvent; committed: number }[];
beforeEach(() => {
  t = createTestApp();
  inboxId = addTestChannel(t.deps).inboxId;
  published = [];
  // Counting conversations at publish time proves the fact comes after the commit, not inside the transaction.
  t.deps.live!.subscribe(() => true, (event) => published.push({ event, committed: t.deps.db.select().from(conversations).all().length }));
});
afterEach(() => t.cleanup());

describe('live publish points', () => {
  test('the webhook processor announces a customer message once its row has committed', async () => {
    await deliver(t.app, t.deps, textPayload('hello'));
    const conversation = t.deps.db.select().from(conversations).get()!;
    expect(published).toEqual([{ event: { type: 'message.created', conversationId: conversation.id, inboxId, direction: 'inbound' }, committed: 1 }]);
  });

  test('a duplicate delivery of the same message announces nothing more', async () => {
    const payload = textPayload('hello');
    await deliver(t.app, t.deps, payload);
    await deliver(t.app, t.deps, payload);
    expect(published.filter((p) => p.event.type === 'message.created')).toHaveLength(1);
  });

  test('resolving a conversation announces the change', async () => {
    await deliver(t.app, t.deps, textPayload('hello'));
    const conversation = t.deps.db.select().from(conversations).get()!;
    const { client } = await t.signedIn('agent');
    await client.load(`/conversations/${conversation.id}`);
    published = [];
    expect((await client.post(`/conversations/${conversation.id}/status`, { status: 'resolved' })).status).toBe(303);
    expect(published.map((p) => p.event)).toContainEqual({ type: 'conversation.changed', conversationId: conversation.id, inboxId });
  });
});
