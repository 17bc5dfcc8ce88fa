import { describe, expect, test } from 'bun:test';
import { toInboundEvents } from '../../../src/channel/whatsapp/inbound/to-inbound-events';
import type { InboundEvent, MessageEvent } from '../../../src/channel/whatsapp/inbound/inbound-events';
import {
  CUSTOMER_WA_ID,
  TEST_DISPLAY_NUMBER,
  TEST_PHONE_NUMBER_ID,
  contactEntry,
  echoPayload,
  envelope,
  failedStatus,
  historyChunk,
  inboundMessage,
  messagesPayload,
  statusPayload,
} from '../../support/whatsapp-webhooks';

const RECEIVED = 1_760_000_000_000;
const map = (payload: unknown) => toInboundEvents(payload, RECEIVED);
const only = (payload: unknown): InboundEvent => {
  const { events, problems } = map(payload);
  expect(problems).toEqual([]);
  expect(events).toHaveLength(1);
  return events[0]!;
};
const message = (type: string, part: unknown, options = {}) => only(messagesPayload([inboundMessage(type, part, options)])) as MessageEvent;

describe('toInboundEvents: message kinds', () => {
  test('maps a text message with its sender, profile name, time and number', () => {
    const event = only(messagesPayload([inboundMessage('text', { body: 'Hi there' }, { id: 'wamid.A', timestamp: '1750000000' })]));
    expect(event).toMatchObject({
      type: 'message',
      phoneNumberId: TEST_PHONE_NUMBER_ID,
      waMessageId: 'wamid.A',
      kind: 'text',
      body: 'Hi there',
      sentAt: 1_750_000_000_000,
      authorType: 'contact',
      imported: false,
      contact: { waId: CUSTOMER_WA_ID, userId: null, profileName: 'Test Customer' },
    });
  });

  test('accepts a numeric timestamp', () => {
    expect(message('text', { body: 'x' }, { timestamp: 1700000000 }).sentAt).toBe(1_700_000_000_000);
  });

  test('falls back to the receipt time when the timestamp is unreadable', () => {
    expect(message('text', { body: 'x' }, { timestamp: 'soon' }).sentAt).toBe(RECEIVED);
  });

  test('keeps the caption as body and queues the media for download', () => {
    const event = message('image', { id: '777', mime_type: 'image/jpeg', sha256: 'abc=', caption: 'Look' });
    expect(event.kind).toBe('image');
    expect(event.body).toBe('Look');
    expect(event.media).toEqual({ waMediaId: '777', mimeType: 'image/jpeg', fileName: undefined, expectedSha256: 'abc=' });
  });

  test('maps an audio note with voice=true to kind voice', () => {
    expect(message('audio', { id: '1', mime_type: 'audio/ogg; codecs=opus', voice: true }).kind).toBe('voice');
  });

  test('maps plain audio to kind audio', () => {
    expect(message('audio', { id: '1', mime_type: 'audio/mpeg', voice: false }).kind).toBe('audio');
  });

  test('keeps a document filename for display only', () => {
    const event = message('document', { id: '9', mime_type: 'application/pdf', filename: '../../etc/passwd.pdf' });
    expect(event.content.fileName).toBe('../../etc/passwd.pdf');
    expect(event.media?.fileName).toBe('../../etc/passwd.pdf');
  });

  test('marks an animated sticker', () => {
    const event = message('sticker', { id: '5', mime_type: 'image/webp', animated: true });
    expect(event.kind).toBe('sticker');
    expect(event.content.animated).toBe(true);
  });

  test('maps a video', () => {
    expect(message('video', { id: '6', mime_type: 'video/mp4', caption: 'clip' })).toMatchObject({ kind: 'video', body: 'clip' });
  });

  test('maps a location with every field', () => {
    const event = message('location', { latitude: 24.7, longitude: 46.6, name: 'Shop', address: 'Main St', url: 'https://example.com' });
    expect(event.kind).toBe('location');
    expect(event.body).toBe('Shop');
    expect(event.content).toEqual({ latitude: 24.7, longitude: 46.6, name: 'Shop', address: 'Main St', url: 'https://example.com' });
  });

  test('maps contact cards with names, phones, emails and organisation', () => {
    const event = message('contacts', [
      {
        name: { formatted_name: 'Sara Ali', first_name: 'Sara', last_name: 'Ali' },
        phones: [{ phone: '+966 5555', wa_id: '9665555', type: 'CELL' }],
        emails: [{ email: 'sara@example.com', type: 'WORK' }],
        org: { company: 'Acme', title: 'Buyer' },
      },
      { name: { first_name: 'Omar' }, phones: [{ phone: '+1 222' }] },
    ]);
    expect(event.kind).toBe('contacts');
    expect(event.body).toBe('Sara Ali, Omar');
    const cards = event.content.contacts as { name: string; phones: unknown[]; emails: unknown[]; org?: unknown }[];
    expect(cards[0]).toMatchObject({ name: 'Sara Ali', phones: [{ phone: '+966 5555', waId: '9665555', type: 'CELL' }], emails: [{ email: 'sara@example.com', type: 'WORK' }], org: { company: 'Acme', title: 'Buyer' } });
    expect(cards[1]).toMatchObject({ name: 'Omar', phones: [{ phone: '+1 222' }] });
  });

  test('maps a button reply to the chosen option', () => {
    const event = message('interactive', { type: 'button_reply', button_reply: { id: 'yes', title: 'Yes please' } });
    expect(event).toMatchObject({ kind: 'interactive', body: 'Yes please', content: { interactiveType: 'button_reply', reply: { id: 'yes', title: 'Yes please' } } });
  });

  test('maps a list reply with its description', () => {
    const event = message('interactive', { type: 'list_reply', list_reply: { id: 'p1', title: 'Express', description: 'Next day' } });
    expect(event.content).toMatchObject({ interactiveType: 'list_reply', reply: { id: 'p1', title: 'Express', description: 'Next day' } });
  });

  test('maps a flow response and parses its JSON', () => {
    const event = message('interactive', { type: 'nfm_reply', nfm_reply: { name: 'flow', body: 'Sent', response_json: '{"rating":"5"}' } });
    expect(event.content).toMatchObject({ interactiveType: 'nfm_reply', flow: { name: 'flow', body: 'Sent', response: { rating: '5' } } });
  });

  test('keeps an interactive message without its object as unsupported rather than dropping it', () => {
    const event = message('interactive', undefined);
    expect(event.kind).toBe('unsupported');
    expect(event.content.type).toBe('interactive');
  });

  test('maps a template quick-reply button', () => {
    const event = message('button', { payload: 'STOP', text: 'Stop promotions' }, { context: { from: TEST_DISPLAY_NUMBER, id: 'wamid.TEMPLATE' } });
    expect(event).toMatchObject({ kind: 'button', body: 'Stop promotions', replyToWaId: 'wamid.TEMPLATE', content: { payload: 'STOP', text: 'Stop promotions' } });
  });

  test('maps an order with items and a total', () => {
    const event = message('order', {
      catalog_id: '123',
      text: 'For Friday',
      product_items: [
        { product_retailer_id: 'a', quantity: 2, item_price: 10.5, currency: 'SAR' },
        { product_retailer_id: 'b', quantity: '1', item_price: '4', currency: 'SAR' },
      ],
    });
    expect(event.kind).toBe('order');
    expect(event.body).toBe('For Friday');
    expect(event.content).toMatchObject({ catalogId: '123', items: [{ productRetailerId: 'a', quantity: 2, itemPrice: 10.5, currency: 'SAR' }, { productRetailerId: 'b', quantity: 1, itemPrice: 4 }], total: { amount: 25, currency: 'SAR' } });
  });

  test('gives a mixed-currency order no total', () => {
    const event = message('order', { product_items: [{ product_retailer_id: 'a', quantity: 1, item_price: 1, currency: 'USD' }, { product_retailer_id: 'b', quantity: 1, item_price: 1, currency: 'EUR' }] });
    expect(event.content.total).toBeNull();
  });

  test('keeps an unsupported message with Meta’s error and the raw item', () => {
    const raw: Record<string, unknown> = { ...inboundMessage('unsupported', { type: 'poll' }), errors: [{ code: 131051, title: 'Message type unknown', error_data: { details: 'Not supported.' } }] };
    const event = only(messagesPayload([raw])) as MessageEvent;
    expect(event.kind).toBe('unsupported');
    expect(event.content).toMatchObject({ type: 'unsupported', subtype: 'poll', errors: [{ code: 131051, title: 'Message type unknown', detail: 'Not supported.' }] });
    expect((event.content.raw as { id: string }).id).toBe(raw.id as string);
  });

  test('keeps a type it has never seen as unsupported', () => {
    const event = message('hologram', { beam: true });
    expect(event.kind).toBe('unsupported');
    expect(event.content.type).toBe('hologram');
  });
});

describe('toInboundEvents: context and referral', () => {
  test('records the quoted message and forwarded flags', () => {
    const event = message('text', { body: 'x' }, { context: { from: TEST_DISPLAY_NUMBER, id: 'wamid.Q', forwarded: true } });
    expect(event.replyToWaId).toBe('wamid.Q');
    expect(event.content.context).toEqual({ id: 'wamid.Q', from: TEST_DISPLAY_NUMBER, forwarded: true });
  });

  test('records frequently forwarded', () => {
    expect(message('text', { body: 'x' }, { context: { frequently_forwarded: true } }).content.context).toEqual({ frequentlyForwarded: true });
  });

  test('records the referred catalogue product', () => {
    const event = message('text', { body: 'Available?' }, { context: { referred_product: { catalog_id: 'C1', product_retailer_id: 'P1' } } });
    expect(event.content.context).toEqual({ referredProduct: { catalogId: 'C1', productRetailerId: 'P1' } });
  });

  test('keeps the click-to-WhatsApp ad referral', () => {
    const event = message('text', { body: 'Info?' }, { referral: { headline: 'Sale', body: 'Half price', source_type: 'ad', source_url: 'https://fb.me/x', ctwa_clid: 'CLID', welcome_message: { text: 'Hi!' } } });
    expect(event.content.referral).toEqual({ headline: 'Sale', body: 'Half price', sourceType: 'ad', sourceUrl: 'https://fb.me/x', ctwaClid: 'CLID', welcomeMessage: 'Hi!' });
  });
});

describe('toInboundEvents: identities', () => {
  test('keys a username adopter on the BSUID when wa_id is empty', () => {
    const payload = messagesPayload([{ ...inboundMessage('text', { body: 'x' }, { from: '' }), from_user_id: 'US.123' }], {
      contacts: [{ profile: { name: 'Pablo', username: '@pablo' }, wa_id: '', user_id: 'US.123' }],
    });
    expect((only(payload) as MessageEvent).contact).toEqual({ waId: null, userId: 'US.123', profileName: 'Pablo', username: '@pablo' });
  });

  test('takes the lone contacts[] entry when the message names no sender', () => {
    const raw = inboundMessage('text', { body: 'x' });
    delete raw.from;
    const payload = messagesPayload([raw], { contacts: [{ profile: { name: 'N' }, user_id: 'BSUID_1' }] });
    expect((only(payload) as MessageEvent).contact).toMatchObject({ waId: null, userId: 'BSUID_1' });
  });

  test('works without a profile', () => {
    const payload = messagesPayload([inboundMessage('text', { body: 'x' })], { contacts: [{ wa_id: CUSTOMER_WA_ID }] });
    expect((only(payload) as MessageEvent).contact).toEqual({ waId: CUSTOMER_WA_ID, userId: null, profileName: undefined, username: undefined });
  });

  test('reports a message nobody sent as a problem', () => {
    const raw = inboundMessage('text', { body: 'x' });
    delete raw.from;
    expect(map(messagesPayload([raw], { contacts: [] })).problems).toHaveLength(1);
  });
});

describe('toInboundEvents: batching', () => {
  test('reads every entry, change and message, not only the first', () => {
    const one = messagesPayload([inboundMessage('text', { body: 'a' }), inboundMessage('text', { body: 'b' })]) as { entry: { changes: unknown[] }[] };
    const two = messagesPayload([inboundMessage('text', { body: 'c' })]) as { entry: { changes: unknown[] }[] };
    const payload = { object: 'whatsapp_business_account', entry: [{ ...one.entry[0], changes: [...one.entry[0]!.changes, ...two.entry[0]!.changes] }, two.entry[0]] };
    const bodies = map(payload).events.map((e) => (e as MessageEvent).body);
    expect(bodies).toEqual(['a', 'b', 'c', 'c']);
  });

  test('reads every status in one change', () => {
    const payload = envelope('messages', {
      statuses: [
        { id: 'w1', status: 'delivered', timestamp: '1' },
        { id: 'w2', status: 'read', timestamp: '2' },
      ],
    });
    expect(map(payload).events.map((e) => e.type === 'status' && e.waMessageId)).toEqual(['w1', 'w2']);
  });

  test('reports a body that is not an envelope', () => {
    expect(map({ hello: 'world' }).problems).toEqual(['not a WhatsApp webhook envelope (no entry[] array)']);
  });
});

describe('toInboundEvents: statuses', () => {
  test('maps a status with recipient and our callback data', () => {
    const event = only(statusPayload('wamid.S', 'delivered', { biz_opaque_callback_data: 'obx_1' }));
    expect(event).toEqual({
      type: 'status',
      phoneNumberId: TEST_PHONE_NUMBER_ID,
      waMessageId: 'wamid.S',
      status: 'delivered',
      at: 1_750_000_100_000,
      recipient: { waId: CUSTOMER_WA_ID, userId: null },
      callbackData: 'obx_1',
      errors: [],
    });
  });

  test('keeps the code, title and details of a failure', () => {
    const event = only(failedStatus('wamid.F', 131047, 'Re-engagement message', 'More than 24 hours.'));
    expect(event).toMatchObject({ status: 'failed', errors: [{ code: 131047, title: 'Re-engagement message', detail: 'More than 24 hours.' }] });
  });

  test('ignores a status name it does not know', () => {
    const result = map(statusPayload('wamid.S', 'deleted'));
    expect(result.events).toEqual([]);
    expect(result.ignored).toEqual(['status:deleted']);
  });

  test('maps value-level errors to system errors', () => {
    const event = only(envelope('messages', { errors: [{ code: 130429, title: 'Rate limit hit', error_data: { details: 'Too many' } }] }));
    expect(event).toEqual({ type: 'system-error', phoneNumberId: TEST_PHONE_NUMBER_ID, error: { code: 130429, title: 'Rate limit hit', detail: 'Too many' } });
  });
});

describe('toInboundEvents: changes to earlier messages', () => {
  test('maps a reaction', () => {
    expect(message('reaction', { message_id: 'wamid.T', emoji: '👍' }) as unknown).toMatchObject({ type: 'reaction', targetWaId: 'wamid.T', emoji: '👍', authorType: 'contact' });
  });

  test('maps a removed reaction (no emoji) to an empty emoji', () => {
    expect(message('reaction', { message_id: 'wamid.T' }) as unknown).toMatchObject({ type: 'reaction', emoji: '' });
  });

  test('maps an edit to the new text of the original message', () => {
    const event = message('edit', { original_message_id: 'wamid.O', message: { type: 'text', text: { body: 'fixed' } } }) as unknown;
    expect(event).toMatchObject({ type: 'edit', targetWaId: 'wamid.O', body: 'fixed' });
  });

  test('maps an edited caption', () => {
    const event = message('edit', { original_message_id: 'wamid.O', message: { type: 'image', image: { id: '1', caption: 'new caption', mime_type: 'image/jpeg' } } }) as unknown;
    expect(event).toMatchObject({ type: 'edit', body: 'new caption' });
  });

  test('maps a deletion', () => {
    expect(message('revoke', { original_message_id: 'wamid.O' }) as unknown).toMatchObject({ type: 'revoke', targetWaId: 'wamid.O' });
  });

  test('maps a number change to the new wa_id', () => {
    const raw = { ...inboundMessage('system', undefined), system: { type: 'user_changed_number', body: 'User changed', wa_id: '15550009999' } };
    expect(only(envelope('messages', { messages: [raw] }))).toMatchObject({ type: 'number-changed', newWaId: '15550009999', contact: { waId: CUSTOMER_WA_ID } });
  });

  test('maps an identity change', () => {
    const raw = { ...inboundMessage('system', undefined), system: { type: 'customer_identity_changed', body: 'Identity changed' }, identity: { acknowledged: true } };
    expect(only(messagesPayload([raw]))).toMatchObject({ type: 'identity-changed', body: 'Identity changed' });
  });
});

describe('toInboundEvents: coexistence', () => {
  test('maps an echo to an outgoing business-app message for the recipient', () => {
    const event = only(echoPayload([inboundMessage('text', { body: 'From my phone' })])) as MessageEvent;
    expect(event).toMatchObject({ kind: 'text', body: 'From my phone', authorType: 'business_app', contact: { waId: CUSTOMER_WA_ID }, content: { via: 'business_app' } });
  });

  test('maps a history chunk, telling business messages from customer ones', () => {
    const events = map(
      historyChunk(2, [
        {
          id: CUSTOMER_WA_ID,
          messages: [
            { ...inboundMessage('text', { body: 'old question' }), from: CUSTOMER_WA_ID },
            { ...inboundMessage('text', { body: 'old answer' }), from: TEST_DISPLAY_NUMBER, history_context: { status: 'READ' } },
            { ...inboundMessage('media_placeholder', undefined), from: TEST_DISPLAY_NUMBER },
          ],
        },
      ]),
    ).events as MessageEvent[];
    expect(events.map((e) => [e.authorType, e.kind, e.imported])).toEqual([
      ['contact', 'text', true],
      ['business_app', 'text', true],
      ['business_app', 'media_placeholder', true],
    ]);
    expect(events[1]!.historyStatus).toBe('read');
  });

  test('maps a history media follow-up as an imported message', () => {
    const event = only(envelope('history', { messages: [inboundMessage('image', { id: '55', mime_type: 'image/jpeg', sha256: 'ab'.repeat(32) })] })) as MessageEvent;
    expect(event).toMatchObject({ kind: 'image', imported: true, media: { waMediaId: '55' } });
  });

  test('maps a declined history share', () => {
    const event = only(envelope('history', { history: [{ errors: [{ code: 2593109, title: 'History sync is turned off' }] }] }));
    expect(event).toMatchObject({ type: 'history-declined', error: { code: 2593109 } });
  });

  test('maps an address-book contact sync', () => {
    const event = only(envelope('smb_app_state_sync', { state_sync: [{ type: 'contact', action: 'add', contact: { full_name: 'Pablo M', phone_number: '16505551234' }, metadata: { timestamp: '1739321024' } }] }));
    expect(event).toEqual({ type: 'contact-sync', phoneNumberId: TEST_PHONE_NUMBER_ID, action: 'add', waId: '16505551234', name: 'Pablo M', at: 1_739_321_024_000 });
  });

  test('maps PARTNER_REMOVED to an alert event', () => {
    const payload = { object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'account_update', value: { phone_number: '1555', event: 'PARTNER_REMOVED', disconnection_info: { reason: 'PRIMARY_INACTIVITY', initiated_by: 'SYSTEM' } } }] }] };
    expect(only(payload)).toEqual({ type: 'partner-removed', phoneNumberId: '', phoneNumber: '1555', reason: 'PRIMARY_INACTIVITY', initiatedBy: 'SYSTEM' });
  });

  test('ignores user preferences and group fields with a note', () => {
    const result = map({ object: 'whatsapp_business_account', entry: [{ changes: [{ field: 'user_preferences', value: {} }, { field: 'group_lifecycle_update', value: {} }, { field: 'brand_new_field', value: {} }] }] });
    expect(result.events).toEqual([]);
    expect(result.ignored).toEqual(['user_preferences', 'group_lifecycle_update', 'unknown field brand_new_field']);
  });

  test('keeps profile names from contacts[] on echoes when given', () => {
    const payload = envelope('smb_message_echoes', { contacts: [contactEntry(CUSTOMER_WA_ID, 'Named')], message_echoes: [{ ...inboundMessage('text', { body: 'x' }), from: TEST_DISPLAY_NUMBER, to: CUSTOMER_WA_ID }] });
    expect((only(payload) as MessageEvent).contact.profileName).toBe('Named');
  });
});
