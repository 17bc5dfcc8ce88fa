import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../support/test-app';
import type { TestClient } from '../../support/test-client';
import { ensureSandboxChannel } from '../../../src/channel/whatsapp/sandbox/ensure-sandbox-channel';
import { SANDBOX_GRAPH_URL, setUpSandbox } from '../../support/sandbox';
import { queueOutboundMessage } from '../../../src/conversations/queue-outbound-message';
import { conversations, media, messages } from '../../../src/conversations/conversations.tables';
import { processMediaDownloads } from '../../../src/channel/whatsapp/media/process-media-downloads';
import { contacts } from '../../../src/contacts/contacts.tables';
import { webhookJournal, whatsappChannels } from '../../../src/channel/whatsapp/whatsapp.tables';

const CUSTOMER = { name: 'Sara', phone: '966500000001' };

let t: TestApp;
let box: ReturnType<typeof setUpSandbox>;
let admin: TestClient;
let adminId: string;
beforeEach(async () => {
  t = createTestApp();
  box = setUpSandbox(t);
  ({ client: admin, userId: adminId } = await t.signedIn('admin'));
  await admin.load(`/sandbox?${new URLSearchParams(CUSTOMER)}`);
});
afterEach(() => {
  box.close();
  t.cleanup();
});

const sandbox = () => t.deps.db.select().from(whatsappChannels).where(eq(whatsappChannels.isSandbox, true)).get()!;
const processJournal = () => box.processJournal();
const deliver = () => box.deliver();
const say = (form: Record<string, string>) => admin.post('/sandbox/send', { ...CUSTOMER, ...form }, { htmx: true });
const customerMessages = () =>
  t.deps.db
    .select({ message: messages })
    .from(messages)
    .innerJoin(conversations, eq(messages.conversationId, conversations.id))
    .where(eq(conversations.inboxId, sandbox().inboxId))
    .all()
    .map((r) => r.message);

describe('the sandbox number', () => {
  test('exists once however often it is ensured, with its own random secrets', () => {
    const again = ensureSandboxChannel(t.deps, { graphApiUrl: 'http://127.0.0.1:4000/sandbox/graph/v24.0' });
    expect(again.created).toBe(false);
    const rows = t.deps.db.select().from(whatsappChannels).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.graphApiUrl).toBe('http://127.0.0.1:4000/sandbox/graph/v24.0');
    const other = createTestApp();
    try {
      const { channel } = ensureSandboxChannel(other.deps, { graphApiUrl: SANDBOX_GRAPH_URL });
      expect(channel.accessToken).not.toBe(rows[0]!.accessToken);
      expect(channel.appSecret).not.toBe(rows[0]!.appSecret);
      expect(channel.accessToken.length).toBeGreaterThanOrEqual(40);
    } finally {
      other.cleanup();
    }
  });

  test('its fake Graph refuses callers without the sandbox access token', async () => {
    const anonymous = t.client();
    const noToken = await anonymous.get(`/sandbox/graph/v24.0/${sandbox().phoneNumberId}`);
    expect(noToken.status).toBe(401);
    expect((await noToken.json()).error.code).toBe(190);
    const wrong = await anonymous.request(`/sandbox/graph/v24.0/${sandbox().phoneNumberId}/messages`, {
      method: 'POST',
      headers: { authorization: 'Bearer not-the-token', 'content-type': 'application/json' },
      body: JSON.stringify({ messaging_product: 'whatsapp', to: CUSTOMER.phone, type: 'text', text: { body: 'spoofed' } }),
    });
    expect(wrong.status).toBe(401);
    expect(box.runtime.fake.sent).toEqual([]);
  });

  test('its fake Graph answers the sandbox token like Meta would', async () => {
    const response = await t.client().get(`/sandbox/graph/v24.0/${sandbox().phoneNumberId}`, { headers: { authorization: `Bearer ${sandbox().accessToken}` } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ display_phone_number: '+1 555-0100', id: sandbox().phoneNumberId });
  });
});

describe('/sandbox, the customer phone', () => {
  test('a typed message reaches Rasil as a signed webhook and lands in a conversation once the journal is processed', async () => {
    const response = await say({ action: 'text', text: 'Hello, do you deliver to Jeddah?' });
    expect(response.status).toBe(200);
    const [row] = t.deps.db.select().from(webhookJournal).all();
    expect(row).toMatchObject({ channelId: sandbox().id, status: 'pending' });
    expect(JSON.parse(row!.body).entry[0].changes[0].value.contacts[0]).toEqual({ profile: { name: 'Sara' }, wa_id: CUSTOMER.phone });

    await processJournal();
    const [message] = customerMessages();
    expect(message).toMatchObject({ direction: 'in', authorType: 'contact', kind: 'text', body: 'Hello, do you deliver to Jeddah?' });
    const contact = t.deps.db.select().from(contacts).where(eq(contacts.waId, CUSTOMER.phone)).get();
    expect(contact?.profileName).toBe('Sara');
  });

  test('an agent reply shows on the phone with read ticks once the fake’s status webhooks are processed', async () => {
    await say({ action: 'text', text: 'Hi' });
    await processJournal();
    const conversationId = customerMessages()[0]!.conversationId;
    queueOutboundMessage({ conversationId, author: { type: 'agent', id: adminId }, content: { kind: 'text', text: 'Welcome! How can we help?' } }, t.deps);
    expect((await deliver()).sent).toBe(1);
    expect(box.runtime.fake.sent.map((m) => m.to)).toEqual([CUSTOMER.phone]);

    await box.settleStatuses();
    const reply = customerMessages().find((m) => m.direction === 'out')!;
    expect(reply.status).toBe('read');

    const thread = await (await admin.get(`/sandbox/thread?${new URLSearchParams(CUSTOMER)}`, { htmx: true })).text();
    expect(thread).toContain('Welcome! How can we help?');
    expect(thread).toMatch(/class="ticks ticks-read"[^>]*>✓✓</);
  });

  test('sends a location, a generated photo and a reaction to the business’s last message', async () => {
    await say({ action: 'text', text: 'Hi' });
    await processJournal();
    const conversationId = customerMessages()[0]!.conversationId;
    queueOutboundMessage({ conversationId, author: { type: 'agent', id: adminId }, content: { kind: 'text', text: 'Where are you?' } }, t.deps);
    await deliver();
    await box.runtime.fake.settle();

    expect((await say({ action: 'location' })).status).toBe(200);
    expect((await say({ action: 'image' })).status).toBe(200);
    expect((await say({ action: 'reaction', emoji: '👍' })).status).toBe(200);
    await processJournal();

    const stored = customerMessages();
    expect(stored.filter((m) => m.direction === 'in').map((m) => m.kind)).toEqual(expect.arrayContaining(['text', 'location', 'image']));
    const business = stored.find((m) => m.direction === 'out')!;
    expect(JSON.parse(business.reactions)).toEqual({ contact: '👍' });
  });

  test('a photo is downloaded by Rasil’s media worker through the sandbox Graph', async () => {
    await say({ action: 'image', text: 'My order' });
    await processJournal();
    const photo = customerMessages()[0]!;
    expect(photo).toMatchObject({ kind: 'image', body: 'My order' });
    const result = await processMediaDownloads({ ...t.deps, fetch: box.fetch });
    expect(result.downloaded).toBe(1);
    const [file] = t.deps.db.select().from(media).where(eq(media.messageId, photo.id)).all();
    expect(file).toMatchObject({ status: 'downloaded', mimeType: 'image/png' });
  });

  test('tapping a reply button the business sent answers with a button reply quoting it', async () => {
    await say({ action: 'text', text: 'Hi' });
    await processJournal();
    const conversationId = customerMessages()[0]!.conversationId;
    queueOutboundMessage(
      { conversationId, author: { type: 'agent', id: adminId }, content: { kind: 'buttons', body: 'Pick one', buttons: [{ id: 'yes', title: 'Yes please' }, { id: 'no', title: 'No thanks' }] } },
      t.deps,
    );
    await deliver();
    const sent = box.runtime.fake.sent[0]!;
    const thread = await (await admin.get(`/sandbox/thread?${new URLSearchParams(CUSTOMER)}`, { htmx: true })).text();
    expect(thread).toContain('Yes please');

    expect((await say({ action: 'option', replyTo: sent.waMessageId, optionId: 'yes' })).status).toBe(200);
    await processJournal();
    const answer = customerMessages().filter((m) => m.direction === 'in').at(-1)!;
    expect(answer).toMatchObject({ kind: 'interactive', replyToWaId: sent.waMessageId });
    expect(answer.body).toContain('Yes please');
  });

  test('refuses a reaction when the business has sent nothing yet, and sends no webhook', async () => {
    const response = await say({ action: 'reaction', emoji: '👍' });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('has not sent this customer anything to react to');
    expect(t.deps.db.select().from(webhookJournal).all()).toEqual([]);
  });

  test('refuses an invalid phone number and sends nothing', async () => {
    const response = await admin.post('/sandbox/send', { name: 'Sara', phone: '12ab', action: 'text', text: 'hi' }, { htmx: true });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('7 to 15 digits');
    expect(t.deps.db.select().from(webhookJournal).all()).toEqual([]);
  });

  test('shows hostile customer text as text on the phone', async () => {
    const hostile = '"><img src=x onerror=alert(1)><script>alert(2)</script>';
    await admin.post('/sandbox/send', { name: hostile, phone: CUSTOMER.phone, action: 'text', text: hostile }, { htmx: true });
    await processJournal();
    const page = await admin.load(`/sandbox?${new URLSearchParams({ name: hostile, phone: CUSTOMER.phone })}`);
    // Inside a quoted attribute only the quote needs escaping; everywhere else no markup may survive.
    const outsideAttributes = page.replace(/="[^"]*"/g, '=""');
    expect(outsideAttributes).not.toContain('<img src=x');
    expect(outsideAttributes).not.toContain('<script>alert(2)');
    expect(page).toContain('<p dir="auto">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(2)&lt;/script&gt;</p>');
  });

  test('never shows the sandbox token or app secret on the page', async () => {
    await say({ action: 'text', text: 'Hi' });
    const page = await admin.load('/sandbox');
    const settings = await admin.load('/settings/whatsapp');
    for (const html of [page, settings]) {
      expect(html).not.toContain(sandbox().accessToken);
      expect(html).not.toContain(sandbox().appSecret);
    }
  });

  for (const role of ['supervisor', 'agent', 'analyst'] as const) {
    test(`refuses the ${role} role with 403 and sends nothing`, async () => {
      const { client } = await t.signedIn(role);
      expect((await client.get('/sandbox')).status).toBe(403);
      await client.load('/settings/profile');
      expect((await client.post('/sandbox/send', { ...CUSTOMER, action: 'text', text: 'hi' })).status).toBe(403);
      expect(t.deps.db.select().from(webhookJournal).all()).toEqual([]);
    });
  }
});
