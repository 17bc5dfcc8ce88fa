import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/test-app';
import type { TestClient } from '../support/test-client';
import { media, messages, outboundMessages } from '../../src/conversations/conversations.tables';
import { queueOutboundMessage } from '../../src/conversations/queue-outbound-message';
import { receive, seedInbox, seedTemplate } from './inbox-fixtures';

/** Every kind of timeline entry rendered in one conversation, each checked in its own bubble. */
let t: TestApp;
let client: TestClient;
let agentId: string;
let inboxId: string;
let conversationId: string;
let html: string;
const ids: Record<string, string> = {};

const update = (id: string, set: Partial<typeof messages.$inferInsert>) => t.deps.db.update(messages).set(set).where(eq(messages.id, id)).run();

beforeAll(async () => {
  t = createTestApp();
  ({ client, userId: agentId } = await t.signedIn('agent', { name: 'Omar' }));
  const seeded = seedInbox(t);
  inboxId = seeded.inboxId;
  seedTemplate(t, seeded.inboxId, { name: 'order_ready', body: 'Hi {{1}}, your order {{2}} is ready.' });
  const add = (name: string, input: Parameters<typeof receive>[2]) => {
    t.clock.advance(1000);
    const result = receive(t, inboxId, { waMessageId: `wamid.${name}`, ...input });
    ids[name] = result.messageId;
    conversationId = result.conversationId;
    return result;
  };
  add('text', { body: 'Visit https://shop.example/item?id=7 or call me', content: {} });
  const image = add('image', { kind: 'image', body: 'my receipt', content: { mimeType: 'image/jpeg' }, media: { waMediaId: 'm1', mimeType: 'image/jpeg' } });
  t.deps.db.update(media).set({ status: 'downloaded', bytes: 2048 }).where(eq(media.id, image.mediaId!)).run();
  add('pendingImage', { kind: 'image', body: '', content: { mimeType: 'image/jpeg' }, media: { waMediaId: 'm2', mimeType: 'image/jpeg' } });
  for (const kind of ['sticker', 'video', 'audio', 'voice'] as const) {
    const mime = { sticker: 'image/webp', video: 'video/mp4', audio: 'audio/mpeg', voice: 'audio/ogg' }[kind];
    const r = add(kind, { kind, body: '', content: { mimeType: mime }, media: { waMediaId: `w-${kind}`, mimeType: mime } });
    t.deps.db.update(media).set({ status: 'downloaded', bytes: 100 }).where(eq(media.id, r.mediaId!)).run();
  }
  const doc = add('document', { kind: 'document', body: '', content: { mimeType: 'application/pdf', fileName: 'invoice-42.pdf' }, media: { waMediaId: 'm3', mimeType: 'application/pdf', fileName: 'invoice-42.pdf' } });
  t.deps.db.update(media).set({ status: 'downloaded', bytes: 1536 }).where(eq(media.id, doc.mediaId!)).run();
  add('location', { kind: 'location', body: 'Head office', content: { latitude: 24.7136, longitude: 46.6753, name: 'Head office', address: 'King Fahd Rd', url: 'https://maps.example/office' } });
  add('contacts', { kind: 'contacts', body: 'Ali', content: { contacts: [{ name: 'Ali Hassan', phones: [{ phone: '+966 50 111 2222', waId: '966501112222' }], emails: [{ email: 'ali@example.com' }], urls: [] }] } });
  add('buttonReply', { kind: 'interactive', body: 'Yes, confirm', content: { interactiveType: 'button_reply', reply: { id: 'yes', title: 'Yes, confirm' } } });
  add('listReply', { kind: 'interactive', body: 'Large', content: { interactiveType: 'list_reply', reply: { id: 'l', title: 'Large', description: '12 inch' } } });
  add('quickReply', { kind: 'button', body: 'Stop promotions', content: { payload: 'STOP', text: 'Stop promotions' } });
  add('order', { kind: 'order', body: 'Please deliver fast', content: { catalogId: 'c1', text: 'Please deliver fast', items: [{ productRetailerId: 'SKU-1', quantity: 2, itemPrice: 10.5, currency: 'SAR' }], total: { amount: 21, currency: 'SAR' } } });
  add('unsupported', { kind: 'unsupported', body: '', content: { type: 'unsupported', errors: [{ code: 131051, title: 'Message type unknown', detail: 'Message type is currently not supported.' }] } });
  add('reply', { body: 'About that receipt', replyToWaId: 'wamid.image' });
  add('replyUnknown', { body: 'About something old', replyToWaId: 'wamid.not-stored' });
  add('forwarded', { body: 'fwd once', content: { context: { forwarded: true } } });
  add('frequent', { body: 'fwd many', content: { context: { frequentlyForwarded: true } } });
  add('referral', { body: 'I saw your ad', content: { referral: { headline: 'Summer sale', body: '50% off', sourceType: 'ad', sourceUrl: 'https://fb.example/ad/1' } } });
  add('edited', { body: 'corrected text' });
  update(ids.edited!, { editedAt: t.clock.now() });
  add('deleted', { body: 'secret that was revoked' });
  update(ids.deleted!, { deletedAt: t.clock.now() });
  add('echo', { body: 'typed on the phone', authorType: 'business_app', content: { via: 'business_app' } });
  update(ids.text!, { reactions: JSON.stringify({ contact: '👍', business: '👍' }) });

  // Our side: a text per delivery state, a template, a note, an event.
  const send = (name: string, content: Parameters<typeof queueOutboundMessage>[0]['content']) => {
    t.clock.advance(1000);
    ids[name] = queueOutboundMessage({ conversationId, author: { type: 'agent', id: null }, content }, t.deps).messageId;
  };
  for (const status of ['queued', 'sent', 'delivered', 'read'] as const) {
    send(status, { kind: 'text', text: `reply ${status}` });
    update(ids[status]!, { status });
  }
  send('failed', { kind: 'text', text: 'reply failed' });
  update(ids.failed!, { status: 'failed', errorCode: 131047, errorTitle: 'Re-engagement message' });
  send('unknown', { kind: 'text', text: 'reply unknown' });
  update(ids.unknown!, { status: 'unknown' });
  t.deps.db.update(outboundMessages).set({ status: 'unknown', updatedAt: t.clock.now() }).where(eq(outboundMessages.messageId, ids.unknown!)).run();
  send('template', { kind: 'template', name: 'order_ready', language: 'en', variables: ['Sara', 'A-17'] });
  t.clock.advance(1000);
  t.deps.db
    .insert(messages)
    .values({ id: 'msg_note', conversationId, direction: 'out', authorType: 'agent', authorId: agentId, kind: 'note', body: 'VIP customer, be quick', status: 'sent', sentAt: t.clock.now(), createdAt: t.clock.now() })
    .run();
  await client.post(`/conversations/${conversationId}/status`, { status: 'pending' }, { headers: { 'x-csrf-token': client.csrfToken } });
  t.clock.advance(6 * 60_000);
  // More entries than one page: follow "load older" to the start, as a browser would.
  const olderUrl = (text: string) => /hx-get="([^"]+\/messages\?before=[^"]+)"/.exec(text)?.[1];
  const parts = [await client.load(`/conversations/${conversationId}`)];
  for (let older = olderUrl(parts[0]!); older; older = olderUrl(parts[0]!)) parts.unshift(await (await client.get(older, { htmx: true })).text());
  html = parts.join('\n');
});
afterAll(() => t.cleanup());

function bubble(name: string): string {
  const id = name === 'note' ? 'msg_note' : ids[name]!;
  const start = html.indexOf(`id="message-${id}"`);
  expect(start).toBeGreaterThan(-1);
  const rest = html.slice(start + 10);
  const end = rest.search(/<li class="(message|timeline-event)|<\/ol>/);
  return rest.slice(0, end);
}

describe('message kinds in the timeline', () => {
  test('text keeps safe links as anchors that open apart from the inbox', () => {
    expect(bubble('text')).toContain('<a href="https://shop.example/item?id=7" rel="noopener noreferrer nofollow" target="_blank">');
    expect(bubble('text')).toContain('dir="auto"');
  });

  test('images are lazy-loaded from /media with the caption below', () => {
    expect(bubble('image')).toMatch(/<img src="\/media\/med_[^"]+" alt="Photo" loading="lazy"/);
    expect(bubble('image')).toContain('my receipt');
  });

  test('a photo still downloading says so instead of a broken image', () => {
    expect(bubble('pendingImage')).toContain('Photo: still downloading from WhatsApp');
    expect(bubble('pendingImage')).not.toContain('<img');
  });

  test('stickers, video, audio and voice notes get players', () => {
    expect(bubble('sticker')).toContain('class="media-sticker"');
    expect(bubble('video')).toMatch(/<video src="\/media\/[^"]+" controls/);
    expect(bubble('audio')).toMatch(/<audio src="\/media\/[^"]+" controls/);
    expect(bubble('voice')).toContain('Voice message');
  });

  test('documents link to the download with their name and size', () => {
    expect(bubble('document')).toMatch(/<a class="document-link" href="\/media\/[^"]+" download="">/);
    expect(bubble('document')).toContain('invoice-42.pdf');
    expect(bubble('document')).toContain('1.5 KB');
  });

  test('locations show name, address, an OpenStreetMap link and their own https link', () => {
    const b = bubble('location');
    expect(b).toContain('Head office');
    expect(b).toContain('King Fahd Rd');
    expect(b).toContain('href="https://www.openstreetmap.org/?mlat=24.7136&mlon=46.6753');
    expect(b).toContain('href="https://maps.example/office"');
  });

  test('contact cards list names with phones as tel: and emails as mailto: links', () => {
    const b = bubble('contacts');
    expect(b).toContain('Ali Hassan');
    expect(b).toContain('href="tel:+966501112222"');
    expect(b).toContain('href="mailto:ali@example.com"');
  });

  test('interactive replies and template quick replies show the choice as a chip', () => {
    expect(bubble('buttonReply')).toContain('<span class="chip" dir="auto">Yes, confirm</span>');
    expect(bubble('listReply')).toContain('Large');
    expect(bubble('listReply')).toContain('12 inch');
    expect(bubble('quickReply')).toContain('Tapped');
    expect(bubble('quickReply')).toContain('Stop promotions');
  });

  test('reactions appear as chips under the message they target', () => {
    expect(bubble('text')).toContain('<li class="reaction-chip">👍 2</li>');
  });

  test('orders show the items and the total', () => {
    const b = bubble('order');
    expect(b).toContain('SKU-1');
    expect(b).toContain('10.5 SAR');
    expect(b).toContain('21 SAR');
  });

  test('unsupported messages show a placeholder with Meta’s reason', () => {
    expect(bubble('unsupported')).toContain('WhatsApp could not show this message here');
    expect(bubble('unsupported')).toContain('Message type is currently not supported.');
  });

  test('a reply quotes the original, or says "a message" when it is unknown', () => {
    expect(bubble('reply')).toContain('<blockquote class="quote" dir="auto">my receipt</blockquote>');
    expect(bubble('replyUnknown')).toContain('<blockquote class="quote" dir="auto">a message</blockquote>');
  });

  test('forwarded and frequently forwarded messages are marked', () => {
    expect(bubble('forwarded')).toContain('Forwarded');
    expect(bubble('frequent')).toContain('Forwarded many times');
  });

  test('a click-to-WhatsApp ad shows its headline, body and source', () => {
    const b = bubble('referral');
    expect(b).toContain('Summer sale');
    expect(b).toContain('50% off');
    expect(b).toContain('Came from ad');
    expect(b).toContain('href="https://fb.example/ad/1"');
  });

  test('edited messages are marked and deleted ones hide their text', () => {
    expect(bubble('edited')).toContain('Edited');
    expect(bubble('deleted')).toContain('This message was deleted');
    expect(bubble('deleted')).not.toContain('secret that was revoked');
  });

  test('echoes from the WhatsApp Business app say where they were sent from', () => {
    expect(bubble('echo')).toContain('Sent from the WhatsApp Business app');
  });

  test('outgoing messages show ticks for each delivery state', () => {
    expect(bubble('queued')).toContain('aria-label="Waiting to send"');
    expect(bubble('sent')).toContain('aria-label="Sent">✓</span>');
    expect(bubble('delivered')).toContain('aria-label="Delivered">✓✓</span>');
    expect(bubble('read')).toContain('class="tick read"');
  });

  test('a failed message shows Meta’s title and a plain explanation', () => {
    const b = bubble('failed');
    expect(b).toContain('Not delivered');
    expect(b).toContain('Re-engagement message');
    expect(b).toContain('class="delivery-problem failed"');
  });

  test('a message that may not have been sent offers a resend once the reconcile window passed', () => {
    const b = bubble('unknown');
    expect(b).toContain('May not have been sent');
    expect(b).toContain(`action="/conversations/${conversationId}/messages/${ids.unknown}/resend"`);
  });

  test('templates show their name and the filled body', () => {
    expect(bubble('template')).toContain('order_ready');
    expect(bubble('template')).toContain('Hi Sara, your order A-17 is ready.');
  });

  test('internal notes stand apart from messages', () => {
    expect(html).toContain('<li class="message note" id="message-msg_note">');
    expect(bubble('note')).toContain('Internal note by Omar');
  });

  test('system events are a centred line, not a bubble', () => {
    expect(html).toMatch(/<li class="timeline-event"[^>]*><span dir="auto">Omar set the conversation to Pending\.<\/span>/);
  });

  test('resending a lost message queues a new outbox row for it', async () => {
    const response = await client.post(`/conversations/${conversationId}/messages/${ids.unknown}/resend`);
    expect(response.status).toBe(303);
    const rows = t.deps.db.select().from(outboundMessages).where(eq(outboundMessages.messageId, ids.unknown!)).all();
    expect(rows.map((r) => r.status).sort()).toEqual(['queued', 'unknown']);
  });
});
