import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { createTestApp, type TestApp } from '../../support/test-app';
import { receive, seedInbox } from '../../conversations/inbox-fixtures';
import { seedMenuBot } from './menu-bot-fixtures';
import { inboxes } from '../../../src/conversations/conversations.tables';

let t: TestApp;
let inboxId: string;
beforeEach(() => {
  t = createTestApp();
  inboxId = seedInbox(t).inboxId;
});
afterEach(() => t.cleanup());

function customer(body: string) {
  const { conversationId } = receive(t, inboxId, { body });
  t.drainEvents();
  t.clock.advance(60_000);
  return conversationId;
}

describe('bot summary on the conversation page', () => {
  test('shows the agent the collected answer and the transcript after the hand-off', async () => {
    seedMenuBot(t, inboxId);
    const id = customer('Hello');
    customer('2');
    customer('<b>A-1234</b>');
    const { client } = await t.signedIn('admin');
    const response = await client.get(`/conversations/${id}/bot-summary`, { htmx: true });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Bot summary');
    expect(html).toContain('order_number');
    expect(html).toContain('&lt;b&gt;A-1234&lt;/b&gt;');
    expect(html).toContain('What is your order number?');
    expect(html).toContain('Handed over to a person.');
  });

  test('is empty for a conversation the bot never talked in', async () => {
    const id = customer('Hello');
    const { client } = await t.signedIn('admin');
    const response = await client.get(`/conversations/${id}/bot-summary`, { htmx: true });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  test('answers 404 to an agent who may not see the conversation', async () => {
    seedMenuBot(t, inboxId);
    t.deps.db.update(inboxes).set({ privateMode: true, privateShowsQueue: false }).run();
    const id = customer('Hello');
    const { client } = await t.signedIn('agent');
    expect((await client.get(`/conversations/${id}/bot-summary`, { htmx: true })).status).toBe(404);
  });

  test('puts the summary slot at the top of the conversation page', async () => {
    seedMenuBot(t, inboxId);
    const id = customer('Hello');
    const { client } = await t.signedIn('admin');
    const html = await client.load(`/conversations/${id}`);
    expect(html).toContain(`hx-get="/conversations/${id}/bot-summary"`);
  });

  test('puts the hand-off and the escaped transcript in the timeline, in the viewer’s language', async () => {
    seedMenuBot(t, inboxId);
    const id = customer('<b>hi</b>');
    customer('موظف');
    const { client } = await t.signedIn('admin');
    const html = await client.load(`/conversations/${id}`);
    expect(html).toContain('The bot handed the conversation to a person: the customer asked for a person.');
    expect(html).toContain('Customer: &lt;b&gt;hi&lt;/b&gt;');
    expect(html).toContain('Customer: موظف');
    expect(html).not.toContain('<b>hi</b>');
  });
});
