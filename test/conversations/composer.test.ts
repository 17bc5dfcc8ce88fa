import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/test-app';
import { outboundMessages } from '../../src/conversations/conversations.tables';
import { conversationRow, messagesOf, receive, seedInbox, seedTemplate } from './inbox-fixtures';

const DAY = 24 * 3_600_000;
let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.cleanup());

const outboxOf = (messageId: string) => t.deps.db.select().from(outboundMessages).where(eq(outboundMessages.messageId, messageId)).all();
const outgoing = (conversationId: string) => messagesOf(t, conversationId).filter((m) => m.direction === 'out' && m.authorType !== 'system');

/** A conversation whose customer wrote `ago` ms before the agent signs in. */
async function setup(ago = 0) {
  const { inboxId, channelId } = seedInbox(t);
  const { conversationId, messageId } = receive(t, inboxId, { body: 'Is it in stock?' });
  t.clock.advance(ago);
  const { client, userId } = await t.signedIn('agent');
  await client.load(`/conversations/${conversationId}`);
  return { client, userId, inboxId, channelId, conversationId, inboundId: messageId };
}

describe('text composer', () => {
  test('shows the countdown while the window is open', async () => {
    const { client, conversationId } = await setup(18 * 3_600_000 + 48 * 60_000);
    const html = await client.load(`/conversations/${conversationId}`);
    expect(html).toContain('The reply window closes in 5 h 12 m.');
    expect(html).toContain('name="text"');
  });

  test('sends text: the message and its outbox row are stored, htmx gets a fresh composer and the new bubble', async () => {
    const { client, userId, conversationId } = await setup();
    const response = await client.post(`/conversations/${conversationId}/messages`, { text: 'Yes, 3 left' }, { htmx: true });
    expect(response.status).toBe(200);
    const [message] = outgoing(conversationId);
    expect(message).toMatchObject({ body: 'Yes, 3 left', kind: 'text', status: 'queued', authorType: 'agent', authorId: userId });
    expect(outboxOf(message!.id)).toHaveLength(1);
    const html = await response.text();
    expect(html).toStartWith('<section id="composer"');
    expect(html).toContain('<hx-partial hx-target="#timeline-messages" hx-swap="beforeend">');
    expect(html).toContain(`id="message-${message!.id}"`);
  });

  test('a plain form post goes back to the conversation after sending', async () => {
    const { client, conversationId } = await setup();
    const response = await client.post(`/conversations/${conversationId}/messages`, { text: 'Hi' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/conversations/${conversationId}`);
    expect(outgoing(conversationId)).toHaveLength(1);
  });

  test('quotes the message being replied to', async () => {
    const { client, conversationId, inboundId } = await setup();
    const fragment = await (await client.get(`/conversations/${conversationId}/composer?reply_to=${inboundId}`, { htmx: true })).text();
    expect(fragment).toContain('<blockquote class="quote" dir="auto">Is it in stock?</blockquote>');
    expect(fragment).toContain(`name="reply_to" value="${inboundId}"`);
    await client.post(`/conversations/${conversationId}/messages`, { text: 'Yes', reply_to: inboundId }, { htmx: true });
    expect(outgoing(conversationId)[0]!.replyToWaId).toStartWith('wamid.');
  });

  test('refuses text over 4096 characters with 422, keeps what was typed and stores nothing', async () => {
    const { client, conversationId } = await setup();
    const long = 'ب'.repeat(4097);
    const response = await client.post(`/conversations/${conversationId}/messages`, { text: long }, { htmx: true });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('A WhatsApp message can be at most 4096 characters.');
    expect(html).toContain(long);
    expect(html).toContain('class="muted small over-limit"');
    expect(outgoing(conversationId)).toHaveLength(0);
  });

  test('refuses free text outside the 24-hour window with 409 and a clear message in place', async () => {
    const { client, conversationId } = await setup(DAY + 60_000);
    const response = await client.post(`/conversations/${conversationId}/messages`, { text: 'Sorry for the delay' }, { htmx: true });
    expect(response.status).toBe(409);
    const html = await response.text();
    expect(html).toStartWith('<section id="composer"');
    expect(html).toContain('More than 24 hours have passed since the customer last wrote');
    expect(outgoing(conversationId)).toHaveLength(0);
  });

  test('without htmx a refused send renders the whole page with the reason', async () => {
    const { client, conversationId } = await setup(DAY + 60_000);
    const response = await client.post(`/conversations/${conversationId}/messages`, { text: 'Late' });
    expect(response.status).toBe(409);
    const html = await response.text();
    expect(html).toContain('<html');
    expect(html).toContain('role="alert"');
  });

  test('refuses analysts with 403 and stores nothing', async () => {
    const { inboxId } = seedInbox(t);
    const { conversationId } = receive(t, inboxId);
    const { client } = await t.signedIn('analyst');
    await client.load('/settings/profile');
    const response = await client.post(`/conversations/${conversationId}/messages`, { text: 'hi' });
    expect(response.status).toBe(403);
    expect(outgoing(conversationId)).toHaveLength(0);
  });
});

describe('template picker', () => {
  test('replaces the text box once the window has closed, offering only approved templates of this number', async () => {
    const { client, conversationId, inboxId } = await setup(DAY + 60_000);
    seedTemplate(t, inboxId, { name: 'order_ready' });
    seedTemplate(t, inboxId, { name: 'draft_promo', status: 'PENDING' });
    const other = seedInbox(t, 'Other');
    seedTemplate(t, other.inboxId, { name: 'other_number' });
    const html = await client.load(`/conversations/${conversationId}`);
    expect(html).not.toContain('name="text"');
    expect(html).toContain('The 24-hour reply window is closed.');
    expect(html).toContain('order_ready (en)');
    expect(html).not.toContain('draft_promo');
    expect(html).not.toContain('other_number');
  });

  test('says so when the number has no approved template', async () => {
    const { client, conversationId } = await setup(DAY + 60_000);
    expect(await client.load(`/conversations/${conversationId}`)).toContain('This number has no approved templates yet.');
  });

  test('choosing a template shows one input per variable and a preview that fills in as the agent types', async () => {
    const { client, conversationId, inboxId } = await setup(DAY + 60_000);
    const templateId = seedTemplate(t, inboxId, { body: 'Hi {{1}}, order {{2}} is ready.' });
    const composer = await (await client.get(`/conversations/${conversationId}/composer?template=${templateId}`, { htmx: true })).text();
    expect(composer).toContain('name="var_0"');
    expect(composer).toContain('name="var_1"');
    expect(composer).not.toContain('name="var_2"');
    expect(composer).toContain('Hi {{1}}, order {{2}} is ready.');
    const preview = await (await client.get(`/conversations/${conversationId}/template-preview?var_1=%3Cb%3EA-1&template=${templateId}&var_0=Sara`, { htmx: true })).text();
    expect(preview).toStartWith('<div id="template-preview"');
    expect(preview).toContain('Hi Sara, order &lt;b&gt;A-1 is ready.');
  });

  test('sends a template outside the window through the outbox', async () => {
    const { client, conversationId, inboxId } = await setup(DAY + 60_000);
    const templateId = seedTemplate(t, inboxId, { name: 'order_ready', body: 'Hi {{1}}, order {{2}} is ready.' });
    // Fields in a different order than on the page: the numbers decide which value fills which placeholder.
    const response = await client.post(`/conversations/${conversationId}/templates`, { var_1: 'A-17', template: templateId, var_0: 'Sara' }, { htmx: true });
    expect(response.status).toBe(200);
    const [message] = outgoing(conversationId);
    expect(message).toMatchObject({ kind: 'template', status: 'queued' });
    expect(JSON.parse(message!.content)).toMatchObject({ name: 'order_ready', language: 'en', variables: ['Sara', 'A-17'] });
    expect(outboxOf(message!.id)).toHaveLength(1);
    expect(await response.text()).toContain('Hi Sara, order A-17 is ready.');
  });

  test('refuses a template with the wrong number of values with 422 and stores nothing', async () => {
    const { client, conversationId, inboxId } = await setup(DAY + 60_000);
    const templateId = seedTemplate(t, inboxId, { body: 'Hi {{1}}, order {{2}} is ready.' });
    const response = await client.post(`/conversations/${conversationId}/templates`, { template: templateId, var_0: 'Sara' }, { htmx: true });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('This template needs exactly 2 values.');
    expect(outgoing(conversationId)).toHaveLength(0);
  });

  test('refuses a template of another number with 422', async () => {
    const { client, conversationId } = await setup(DAY + 60_000);
    const other = seedInbox(t, 'Other');
    const foreign = seedTemplate(t, other.inboxId, { body: 'Hello' });
    const response = await client.post(`/conversations/${conversationId}/templates`, { template: foreign }, { htmx: true });
    expect(response.status).toBe(422);
    expect(outgoing(conversationId)).toHaveLength(0);
  });
});

describe('internal notes', () => {
  test('adds a note to the timeline without queueing anything for WhatsApp or touching the preview', async () => {
    const { client, userId, conversationId } = await setup(DAY + 60_000);
    const before = conversationRow(t, conversationId);
    const response = await client.post(`/conversations/${conversationId}/notes`, { note: 'Called them, will pay tomorrow' }, { htmx: true });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toStartWith('<details id="note-form"');
    expect(html).toContain('class="message note"');
    const [note] = messagesOf(t, conversationId).filter((m) => m.kind === 'note');
    expect(note).toMatchObject({ body: 'Called them, will pay tomorrow', authorId: userId, direction: 'out' });
    expect(t.deps.db.select().from(outboundMessages).all()).toHaveLength(0);
    const after = conversationRow(t, conversationId);
    expect(after.lastMessagePreview).toBe(before.lastMessagePreview);
  });

  test('refuses an empty note with 422 and stores nothing', async () => {
    const { client, conversationId } = await setup();
    const response = await client.post(`/conversations/${conversationId}/notes`, { note: '   ' }, { htmx: true });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('Write the note first.');
    expect(messagesOf(t, conversationId).filter((m) => m.kind === 'note')).toHaveLength(0);
  });
});
