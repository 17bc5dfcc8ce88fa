import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../support/test-app';
import { webhookJournal } from '../../../src/channel/whatsapp/whatsapp.tables';
import { conversations, media, messages, outboundMessages } from '../../../src/conversations/conversations.tables';
import { contacts } from '../../../src/contacts/contacts.tables';
import { auditLog } from '../../../src/audit/audit.tables';
import { processWebhookJournal, replayJournalRow } from '../../../src/channel/whatsapp/inbound/process-webhook-journal';
import {
  CUSTOMER_WA_ID,
  TEST_DISPLAY_NUMBER,
  addTestChannel,
  contactEntry,
  deliver,
  echoPayload,
  envelope,
  failedStatus,
  historyChunk,
  inboundMessage,
  messagesPayload,
  postWebhook,
  statusPayload,
  textPayload,
} from '../../support/whatsapp-webhooks';

let t: TestApp;
let inboxId: string;
beforeEach(() => {
  t = createTestApp();
  inboxId = addTestChannel(t.deps).inboxId;
});
afterEach(() => t.cleanup());

const send = (payload: Record<string, unknown> | string) => deliver(t.app, t.deps, payload);
const allMessages = () => t.deps.db.select().from(messages).all();
const messageByWaId = (id: string) => t.deps.db.select().from(messages).where(eq(messages.waMessageId, id)).get()!;
const journal = () => t.deps.db.select().from(webhookJournal).all();
const content = (row: { content: string }) => JSON.parse(row.content) as Record<string, any>;

/** An outgoing message we "sent" earlier, so status webhooks have something to land on. */
async function sentMessage(waMessageId: string | null, status: 'sent' | 'unknown' = 'sent') {
  await send(textPayload('hello first'));
  const conversation = t.deps.db.select().from(conversations).get()!;
  const id = t.deps.newId('msg');
  const now = t.deps.clock.now();
  t.deps.db.insert(messages).values({ id, conversationId: conversation.id, direction: 'out', authorType: 'agent', kind: 'text', body: 'reply', waMessageId, status, sentAt: now, createdAt: now }).run();
  return id;
}

describe('processing inbound messages', () => {
  test('opens a conversation for a new customer and marks the row processed', async () => {
    const result = await send(textPayload('Do you deliver?', { id: 'wamid.1', timestamp: '1750000000', name: 'Sara' }));
    expect(result).toEqual({ processed: 1, failed: 0 });
    const contact = t.deps.db.select().from(contacts).get()!;
    expect(contact).toMatchObject({ waId: CUSTOMER_WA_ID, profileName: 'Sara', phone: `+${CUSTOMER_WA_ID}` });
    const conversation = t.deps.db.select().from(conversations).get()!;
    expect(conversation).toMatchObject({ inboxId, contactId: contact.id, status: 'open', unreadCount: 1, lastInboundAt: 1_750_000_000_000, lastMessageAt: 1_750_000_000_000, lastMessagePreview: 'Do you deliver?' });
    expect(allMessages()[0]).toMatchObject({ direction: 'in', authorType: 'contact', kind: 'text', body: 'Do you deliver?', status: 'received', waMessageId: 'wamid.1' });
    expect(journal()[0]).toMatchObject({ status: 'processed', error: null });
    expect(JSON.parse(journal()[0]!.summary)).toEqual({ counts: { messages: 1 }, notes: [] });
  });

  test('adds later messages to the same open conversation and bumps unread', async () => {
    await send(textPayload('one', { timestamp: 1750000000 }));
    await send(textPayload('two', { timestamp: 1750000060 }));
    const all = t.deps.db.select().from(conversations).all();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ unreadCount: 2, lastInboundAt: 1_750_000_060_000, lastMessagePreview: 'two' });
  });

  test('opens a new conversation when the last one is resolved', async () => {
    await send(textPayload('one'));
    t.deps.db.update(conversations).set({ status: 'resolved' }).run();
    await send(textPayload('two'));
    expect(t.deps.db.select().from(conversations).all().map((c) => c.status).sort()).toEqual(['open', 'resolved']);
  });

  test('keeps the profile name up to date', async () => {
    await send(textPayload('one', { name: 'Old Name' }));
    await send(textPayload('two', { name: 'New Name' }));
    expect(t.deps.db.select().from(contacts).get()!.profileName).toBe('New Name');
  });

  test('keys a username adopter on the BSUID', async () => {
    await send(messagesPayload([{ ...inboundMessage('text', { body: 'hi' }, { from: '' }), from_user_id: 'US.42' }], { contacts: [{ profile: { name: 'U' }, wa_id: '', user_id: 'US.42' }] }));
    expect(t.deps.db.select().from(contacts).get()).toMatchObject({ waId: null, userId: 'US.42' });
  });

  test('stores one message when the same wamid arrives in two different bodies', async () => {
    await send(textPayload('same', { id: 'wamid.DUP' }));
    const result = await send(textPayload('same', { id: 'wamid.DUP', name: 'Other' }));
    expect(result.processed).toBe(1);
    expect(allMessages()).toHaveLength(1);
    expect(JSON.parse(journal()[1]!.summary).counts).toEqual({ duplicates: 1 });
  });

  test('queues media for download with its expected hash, keeping the filename for display', async () => {
    await send(messagesPayload([inboundMessage('document', { id: 'MEDIA1', mime_type: 'application/pdf', sha256: 'c2hh', filename: 'invoice.pdf', caption: 'Invoice' }, { id: 'wamid.DOC' })]));
    const message = messageByWaId('wamid.DOC');
    expect(message).toMatchObject({ kind: 'document', body: 'Invoice' });
    expect(t.deps.db.select().from(media).get()).toMatchObject({ messageId: message.id, waMediaId: 'MEDIA1', mimeType: 'application/pdf', fileName: 'invoice.pdf', expectedSha256: 'c2hh', status: 'pending' });
  });

  test('wakes the media worker after a row queued media', async () => {
    let woken = 0;
    t.deps.waker!.on('media', () => void woken++);
    await send(messagesPayload([inboundMessage('image', { id: 'M', mime_type: 'image/jpeg' })]));
    await new Promise((resolve) => setImmediate(resolve));
    expect(woken).toBe(1);
  });

  test.each([
    ['voice', 'audio', { id: 'A', mime_type: 'audio/ogg', voice: true }],
    ['sticker', 'sticker', { id: 'S', mime_type: 'image/webp' }],
    ['video', 'video', { id: 'V', mime_type: 'video/mp4' }],
    ['location', 'location', { latitude: 1, longitude: 2, name: 'Here' }],
    ['contacts', 'contacts', [{ name: { formatted_name: 'Ann' }, phones: [{ phone: '+1' }] }]],
    ['interactive', 'interactive', { type: 'button_reply', button_reply: { id: 'b', title: 'B' } }],
    ['button', 'button', { payload: 'P', text: 'T' }],
    ['order', 'order', { product_items: [{ product_retailer_id: 'x', quantity: 1, item_price: 3, currency: 'USD' }] }],
    ['unsupported', 'unsupported', { type: 'poll' }],
  ])('stores a %s message as its kind', async (kind, type, part) => {
    await send(messagesPayload([inboundMessage(type, part, { id: `wamid.${kind}` })]));
    expect(messageByWaId(`wamid.${kind}`).kind).toBe(kind);
  });

  test('attaches a reaction to its target and removes it on an empty emoji', async () => {
    await send(textPayload('target', { id: 'wamid.TARGET' }));
    await send(messagesPayload([inboundMessage('reaction', { message_id: 'wamid.TARGET', emoji: '❤️' })]));
    expect(JSON.parse(messageByWaId('wamid.TARGET').reactions)).toEqual({ contact: '❤️' });
    await send(messagesPayload([inboundMessage('reaction', { message_id: 'wamid.TARGET', emoji: '' })]));
    expect(JSON.parse(messageByWaId('wamid.TARGET').reactions)).toEqual({});
    expect(allMessages()).toHaveLength(1);
  });

  test('notes a reaction to a message it does not know', async () => {
    await send(messagesPayload([inboundMessage('reaction', { message_id: 'wamid.GONE', emoji: '👍' })]));
    expect(journal()[0]!.status).toBe('processed');
    expect(JSON.parse(journal()[0]!.summary).notes).toEqual(['reaction to unknown message wamid.GONE']);
  });

  test('applies a customer edit to the stored message', async () => {
    await send(textPayload('teh typo', { id: 'wamid.E' }));
    await send(messagesPayload([inboundMessage('edit', { original_message_id: 'wamid.E', message: { type: 'text', text: { body: 'the typo' } } }, { timestamp: 1750000500 })]));
    expect(messageByWaId('wamid.E')).toMatchObject({ body: 'the typo', editedAt: 1_750_000_500_000 });
  });

  test('marks a message the customer deleted', async () => {
    await send(textPayload('oops', { id: 'wamid.R' }));
    await send(messagesPayload([inboundMessage('revoke', { original_message_id: 'wamid.R' }, { timestamp: 1750000600 })]));
    expect(messageByWaId('wamid.R').deletedAt).toBe(1_750_000_600_000);
  });

  test('moves a contact to its new number and notes it in the timeline', async () => {
    await send(textPayload('before', { id: 'wamid.B' }));
    const system = { ...inboundMessage('system', undefined, { id: 'wamid.SYS' }), system: { type: 'user_changed_number', body: 'Customer changed number', wa_id: '15559990000' } };
    await send(envelope('messages', { messages: [system] }));
    expect(t.deps.db.select().from(contacts).all().map((c) => c.waId)).toEqual(['15559990000']);
    expect(messageByWaId('wamid.SYS')).toMatchObject({ kind: 'event', authorType: 'system', body: 'Customer changed number' });
    expect(content(messageByWaId('wamid.SYS'))).toEqual({ event: 'number_changed', oldWaId: CUSTOMER_WA_ID, newWaId: '15559990000' });
  });

  test('notes an identity change in the timeline', async () => {
    await send(textPayload('before'));
    await send(messagesPayload([{ ...inboundMessage('system', undefined, { id: 'wamid.ID' }), system: { type: 'customer_identity_changed', body: 'Identity changed' } }]));
    expect(content(messageByWaId('wamid.ID'))).toEqual({ event: 'identity_changed' });
  });
});

describe('processing delivery statuses', () => {
  test('moves a sent message forward and never back', async () => {
    const id = await sentMessage('wamid.OUT');
    await send(statusPayload('wamid.OUT', 'read'));
    await send(statusPayload('wamid.OUT', 'delivered'));
    await send(statusPayload('wamid.OUT', 'sent'));
    expect(t.deps.db.select().from(messages).where(eq(messages.id, id)).get()!.status).toBe('read');
  });

  test('records a failure with Meta’s code, title and details', async () => {
    await sentMessage('wamid.OUT');
    await send(failedStatus('wamid.OUT', 131047, 'Re-engagement message', 'More than 24 hours have passed.'));
    expect(messageByWaId('wamid.OUT')).toMatchObject({ status: 'failed', errorCode: 131047, errorTitle: 'Re-engagement message', errorDetail: 'More than 24 hours have passed.' });
  });

  test('lets a later delivery override a failure and clears the error', async () => {
    await sentMessage('wamid.OUT');
    await send(failedStatus('wamid.OUT', 131000, 'Something went wrong', 'x'));
    await send(statusPayload('wamid.OUT', 'delivered'));
    expect(messageByWaId('wamid.OUT')).toMatchObject({ status: 'delivered', errorCode: null });
  });

  test('reconciles a send whose response was lost, by our outbox id', async () => {
    const messageId = await sentMessage(null, 'unknown');
    const conversation = t.deps.db.select().from(conversations).get()!;
    const now = t.deps.clock.now();
    t.deps.db.insert(outboundMessages).values({ id: 'obx_LOST', messageId, inboxId: conversation.inboxId, recipient: CUSTOMER_WA_ID, payload: '{}', status: 'unknown', nextAttemptAt: now, createdAt: now, updatedAt: now }).run();
    await send(statusPayload('wamid.LATE', 'delivered', { biz_opaque_callback_data: 'obx_LOST' }));
    expect(t.deps.db.select().from(outboundMessages).get()).toMatchObject({ status: 'sent', waMessageId: 'wamid.LATE' });
    expect(t.deps.db.select().from(messages).where(eq(messages.id, messageId)).get()).toMatchObject({ waMessageId: 'wamid.LATE', status: 'delivered' });
    expect(JSON.parse(journal().at(-1)!.summary).counts).toEqual({ reconciled: 1 });
  });

  test('counts a status for a message it never sent without failing the row', async () => {
    await send(statusPayload('wamid.STRANGER', 'delivered'));
    expect(journal()[0]).toMatchObject({ status: 'processed' });
    expect(JSON.parse(journal()[0]!.summary).counts).toEqual({ statusesUnknown: 1 });
  });
});

describe('processing coexistence webhooks', () => {
  test('stores a Business-app echo as an outgoing message', async () => {
    await send(echoPayload([inboundMessage('text', { body: 'Typed on my phone' }, { id: 'wamid.ECHO' })]));
    const echo = messageByWaId('wamid.ECHO');
    expect(echo).toMatchObject({ direction: 'out', authorType: 'business_app', status: 'sent', body: 'Typed on my phone' });
    expect(content(echo).via).toBe('business_app');
    expect(t.deps.db.select().from(conversations).get()!.unreadCount).toBe(0);
  });

  test('imports history chunks in any order and fills a placeholder with its media later', async () => {
    const thread = (messages: Record<string, unknown>[]) => [{ id: CUSTOMER_WA_ID, messages }];
    await send(historyChunk(2, thread([{ ...inboundMessage('text', { body: 'later' }, { id: 'wamid.H2', timestamp: 1700000200 }), from: CUSTOMER_WA_ID }])));
    await send(
      historyChunk(1, thread([
        { ...inboundMessage('text', { body: 'earlier' }, { id: 'wamid.H1', timestamp: 1700000100 }), from: TEST_DISPLAY_NUMBER, history_context: { status: 'READ' } },
        { ...inboundMessage('media_placeholder', undefined, { id: 'wamid.HM', timestamp: 1700000150 }), from: CUSTOMER_WA_ID },
      ])),
    );
    await send(envelope('history', { messages: [inboundMessage('image', { id: 'HMEDIA', mime_type: 'image/jpeg', caption: 'photo' }, { id: 'wamid.HM' })] }));
    expect(allMessages()).toHaveLength(3);
    expect(messageByWaId('wamid.H1')).toMatchObject({ direction: 'out', authorType: 'business_app', status: 'read' });
    expect(messageByWaId('wamid.HM')).toMatchObject({ kind: 'image', body: 'photo' });
    expect(t.deps.db.select().from(media).get()).toMatchObject({ waMediaId: 'HMEDIA', status: 'pending' });
    const conversation = t.deps.db.select().from(conversations).get()!;
    expect(conversation).toMatchObject({ unreadCount: 0, lastInboundAt: null, lastMessagePreview: 'later' });
  });

  test('replaying history chunks changes nothing', async () => {
    const chunk = historyChunk(1, [{ id: CUSTOMER_WA_ID, messages: [{ ...inboundMessage('text', { body: 'x' }, { id: 'wamid.HX' }), from: CUSTOMER_WA_ID }] }]);
    await send(chunk);
    await send(chunk);
    expect(allMessages()).toHaveLength(1);
  });

  test('records a declined history share for the admin', async () => {
    await send(envelope('history', { history: [{ errors: [{ code: 2593109, title: 'History sync is turned off' }] }] }));
    await send(envelope('history', { history: [{ errors: [{ code: 2593109, title: 'History sync is turned off' }] }] }));
    const alerts = t.deps.db.select().from(auditLog).where(eq(auditLog.action, 'whatsapp.history_declined')).all();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ targetType: 'inbox', targetId: inboxId });
  });

  test('raises an admin alert when the number is disconnected', async () => {
    await send({ object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'account_update', value: { phone_number: TEST_DISPLAY_NUMBER, event: 'PARTNER_REMOVED', disconnection_info: { reason: 'PRIMARY_INACTIVITY' } } }] }] });
    expect(t.deps.db.select().from(auditLog).where(eq(auditLog.action, 'whatsapp.partner_removed')).all()).toHaveLength(1);
    expect(t.logs.some((l) => l.level === 'error' && String(l.msg).includes('PARTNER_REMOVED'))).toBe(true);
  });

  test('adds address-book contacts from the Business app', async () => {
    await send(envelope('smb_app_state_sync', { state_sync: [{ type: 'contact', action: 'add', contact: { full_name: 'Pablo Morales', phone_number: '16505551234' } }] }));
    expect(t.deps.db.select().from(contacts).get()).toMatchObject({ waId: '16505551234', name: 'Pablo Morales' });
  });

  test('keeps ignored fields as processed with a note', async () => {
    await send(envelope('user_preferences', { user_preferences: [{ wa_id: '1', category: 'marketing_messages', value: 'stop' }] }));
    expect(journal()[0]).toMatchObject({ status: 'processed' });
    expect(JSON.parse(journal()[0]!.summary).notes).toEqual(['ignored: user_preferences']);
  });
});

describe('processing failures', () => {
  test('fails a row for a number we do not have, storing nothing', async () => {
    await send(messagesPayload([inboundMessage('text', { body: 'x' })], { phoneNumberId: '999999' }));
    expect(journal()[0]!.status).toBe('failed');
    expect(journal()[0]!.error).toContain('no WhatsApp channel has phone_number_id "999999"');
    expect(allMessages()).toHaveLength(0);
    expect(t.deps.db.select().from(contacts).all()).toHaveLength(0);
  });

  test('fails a body that is not JSON with the parse error', async () => {
    await send('{"entry": [');
    expect(journal()[0]!.status).toBe('failed');
    expect(journal()[0]!.error).toStartWith('body is not valid JSON');
  });

  test('fails an absurdly nested body without crashing', async () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    await send(deep);
    expect(journal()[0]).toMatchObject({ status: 'failed', error: 'body is nested deeper than 64 levels' });
  });

  test('lands the readable items of a row and fails it for the unreadable ones', async () => {
    const broken = { type: 'text', text: { body: 'no id' }, from: CUSTOMER_WA_ID };
    await send(messagesPayload([inboundMessage('text', { body: 'fine' }, { id: 'wamid.OK' }), broken]));
    expect(messageByWaId('wamid.OK').body).toBe('fine');
    expect(journal()[0]!.status).toBe('failed');
    expect(journal()[0]!.error).toBe('unreadable items: message without a readable id');
  });

  test('processes a failed row again on replay once its number exists', async () => {
    await send(messagesPayload([inboundMessage('text', { body: 'x' })], { phoneNumberId: '7777777' }));
    addTestChannel(t.deps, { phoneNumberId: '7777777' });
    const outcome = replayJournalRow(t.deps, journal()[0]!.id);
    expect(outcome?.status).toBe('processed');
    expect(allMessages()).toHaveLength(1);
  });

  test('replaying a processed row changes nothing', async () => {
    await send(textPayload('once'));
    replayJournalRow(t.deps, journal()[0]!.id);
    expect(allMessages()).toHaveLength(1);
    expect(t.deps.db.select().from(conversations).get()!.unreadCount).toBe(1);
  });

  test('picks up rows left pending by an earlier run, in arrival order', async () => {
    for (const body of ['first', 'second', 'third']) expect((await postWebhook(t.app, textPayload(body))).status).toBe(200);
    expect(await processWebhookJournal(t.deps)).toEqual({ processed: 3, failed: 0 });
    expect(allMessages().sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id)).map((m) => m.body)).toEqual(['first', 'second', 'third']);
  });

  test('keeps contacts[] profile for replies quoting our messages', async () => {
    await send(messagesPayload([inboundMessage('text', { body: 'quoting' }, { id: 'wamid.QQ', context: { from: TEST_DISPLAY_NUMBER, id: 'wamid.OURS' } })], { contacts: [contactEntry()] }));
    expect(messageByWaId('wamid.QQ').replyToWaId).toBe('wamid.OURS');
  });
});
