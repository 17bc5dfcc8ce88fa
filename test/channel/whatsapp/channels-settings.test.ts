import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { createTestApp, type TestApp } from '../../support/test-app';
import type { TestClient } from '../../support/test-client';
import { whatsappChannels } from '../../../src/channel/whatsapp/whatsapp.tables';
import { inboxes } from '../../../src/conversations/conversations.tables';
import { auditLog } from '../../../src/audit/audit.tables';
import { createFakeGraph, type FakeGraph } from '../../../src/channel/whatsapp/fake-graph/fake-graph';

const TOKEN = 'EAAGtesttoken0123456789abcdefSECRETVALUE';
const SECRET = 'appsecret0123456789abcdefSECRET';

const validForm = (overrides: Record<string, string> = {}) => ({
  name: 'Sales',
  phoneNumberId: '106540352242922',
  wabaId: '102290129340398',
  accessToken: TOKEN,
  appSecret: SECRET,
  verifyToken: '',
  ...overrides,
});

let t: TestApp;
let admin: TestClient;
beforeEach(async () => {
  t = createTestApp({ publicUrl: 'https://chat.example.com' });
  admin = (await t.signedIn('admin')).client;
  await admin.load('/settings/whatsapp/new');
});
afterEach(() => t.cleanup());

const channels = () => t.deps.db.select().from(whatsappChannels).all();
const audit = () => t.deps.db.select().from(auditLog).all();

describe('connecting a number on /settings/whatsapp', () => {
  test('creates the inbox and the channel, then shows the webhook address and a generated verify token', async () => {
    const response = await admin.post('/settings/whatsapp', validForm());
    expect(response.status).toBe(303);
    const [channel] = channels();
    expect(channel).toMatchObject({ name: 'Sales', phoneNumberId: '106540352242922', accessToken: TOKEN, appSecret: SECRET, isSandbox: false });
    expect(channel!.verifyToken.length).toBeGreaterThanOrEqual(32);
    expect(t.deps.db.select().from(inboxes).all().map((i) => [i.id, i.name])).toEqual([[channel!.inboxId, 'Sales']]);
    expect(response.headers.get('location')).toBe(`/settings/whatsapp/${channel!.id}?created=1`);

    const html = await admin.load(response.headers.get('location')!);
    expect(html).toContain('https://chat.example.com/webhooks/whatsapp');
    expect(html).toContain(channel!.verifyToken);
    expect(html).toContain('data-copy="#verify-token"');
    expect(html).toContain('smb_message_echoes');
  });

  test('keeps a verify token the admin chose', async () => {
    await admin.post('/settings/whatsapp', validForm({ verifyToken: 'my-verify-token' }));
    expect(channels()[0]!.verifyToken).toBe('my-verify-token');
  });

  test('refuses bad values with a message beside each field and creates nothing', async () => {
    const response = await admin.post('/settings/whatsapp', {
      name: ' ',
      phoneNumberId: '+966 55 123',
      wabaId: 'abc',
      accessToken: '',
      appSecret: '',
      verifyToken: 'short',
    });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('Enter a name.');
    expect(html).toContain('Enter the phone number ID as digits only');
    expect(html).toContain('Enter the WhatsApp Business Account ID as digits only.');
    expect(html).toContain('Paste the access token.');
    expect(html).toContain('Paste the app secret.');
    expect(html).toContain('Use at least 8 characters.');
    expect(channels()).toEqual([]);
    expect(t.deps.db.select().from(inboxes).all()).toEqual([]);
  });

  test('refuses a phone number id that is already connected', async () => {
    await admin.post('/settings/whatsapp', validForm());
    const response = await admin.post('/settings/whatsapp', validForm({ name: 'Again' }));
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('This phone number ID is already connected.');
    expect(channels()).toHaveLength(1);
    expect(t.deps.db.select().from(inboxes).all()).toHaveLength(1);
  });

  test('never sends the access token or app secret back, not even after a refused form', async () => {
    const refused = await admin.post('/settings/whatsapp', validForm({ wabaId: 'x' }));
    expect(refused.status).toBe(422);
    const refusedHtml = await refused.text();
    await admin.post('/settings/whatsapp', validForm());
    const id = channels()[0]!.id;
    const pages = [refusedHtml, await admin.load('/settings/whatsapp'), await admin.load(`/settings/whatsapp/${id}`)];
    for (const html of pages) {
      expect(html).not.toContain(TOKEN);
      expect(html).not.toContain(SECRET);
    }
    expect(pages[2]).toContain('•••• set');
  });

  test('the list shows each number with its status and pause reason', async () => {
    await admin.post('/settings/whatsapp', validForm());
    const id = channels()[0]!.id;
    t.deps.db.update(whatsappChannels).set({ pausedAt: t.clock.now(), pausedReason: 'Access token expired (190)' }).run();
    const html = await admin.load('/settings/whatsapp');
    expect(html).toContain('Sales');
    expect(html).toContain('Paused');
    expect(html).toContain('Access token expired (190)');
    expect(html).toContain(`/settings/whatsapp/${id}/resume`);
  });
});

describe('editing a number', () => {
  let id: string;
  beforeEach(async () => {
    await admin.post('/settings/whatsapp', validForm());
    id = channels()[0]!.id;
    await admin.load(`/settings/whatsapp/${id}`);
  });

  const edit = (overrides: Record<string, string> = {}) =>
    admin.post(`/settings/whatsapp/${id}`, { ...validForm({ verifyToken: channels()[0]!.verifyToken }), accessToken: '', appSecret: '', ...overrides });

  test('keeps the stored token and secret when their fields are left empty', async () => {
    const response = await edit({ name: 'Sales KSA' });
    expect(response.status).toBe(303);
    expect(channels()[0]).toMatchObject({ name: 'Sales KSA', accessToken: TOKEN, appSecret: SECRET });
    expect(t.deps.db.select().from(inboxes).all()[0]!.name).toBe('Sales KSA');
    expect(audit().map((a) => a.action)).not.toContain('channel.token_changed');
  });

  test('audits a new token and secret by name only, never with their values', async () => {
    const newToken = 'EAAGbrandnewtoken9876543210XYZ';
    const newSecret = 'brandnewsecret9876543210XYZ';
    const response = await edit({ accessToken: newToken, appSecret: newSecret });
    expect(response.status).toBe(303);
    expect(channels()[0]).toMatchObject({ accessToken: newToken, appSecret: newSecret });
    const actions = audit().map((a) => a.action);
    expect(actions).toContain('channel.token_changed');
    expect(actions).toContain('channel.secret_changed');
    const everything = JSON.stringify(audit());
    for (const secret of [newToken, newSecret, TOKEN, SECRET]) expect(everything).not.toContain(secret);
  });

  test('refuses a phone number id another channel uses', async () => {
    await admin.post('/settings/whatsapp', validForm({ name: 'Support', phoneNumberId: '200000000000001' }));
    await admin.load(`/settings/whatsapp/${id}`);
    const response = await edit({ phoneNumberId: '200000000000001' });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('This phone number ID is already connected.');
    expect(channels().find((c) => c.id === id)!.phoneNumberId).toBe('106540352242922');
  });

  test('resume lets a paused number send again and is audited', async () => {
    t.deps.db.update(whatsappChannels).set({ pausedAt: t.clock.now(), pausedReason: 'Token expired' }).run();
    const response = await admin.post(`/settings/whatsapp/${id}/resume`);
    expect(response.status).toBe(303);
    expect(channels()[0]).toMatchObject({ pausedAt: null, pausedReason: null });
    expect(audit().map((a) => a.action)).toContain('channel.resumed');
  });
});

describe('who may manage numbers', () => {
  for (const role of ['supervisor', 'agent', 'analyst'] as const) {
    test(`refuses the ${role} role with 403 on /settings/whatsapp and creates nothing`, async () => {
      const { client } = await t.signedIn(role);
      expect((await client.get('/settings/whatsapp')).status).toBe(403);
      expect((await client.post('/settings/whatsapp', validForm())).status).toBe(403);
      expect(channels()).toEqual([]);
    });
  }
});

describe('check connection', () => {
  let fake: FakeGraph;
  let server: ReturnType<typeof Bun.serve>;
  let checked: TestApp;
  let client: TestClient;
  let id: string;
  beforeEach(async () => {
    fake = createFakeGraph({ accessTokens: [TOKEN], phoneNumbers: [{ id: '106540352242922', wabaId: '102290129340398', displayPhoneNumber: '+966 11 000 0000', verifiedName: 'Acme Trading' }] });
    server = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: fake.fetch });
    checked = createTestApp({ graphApiUrl: `http://127.0.0.1:${server.port}/v24.0` });
    client = (await checked.signedIn('admin')).client;
    await client.load('/settings/whatsapp/new');
    await client.post('/settings/whatsapp', validForm());
    id = checked.deps.db.select().from(whatsappChannels).all()[0]!.id;
  });
  afterEach(async () => {
    checked.cleanup();
    await server.stop(true);
  });

  test('shows the number Meta reports and remembers it for the list', async () => {
    const response = await client.post(`/settings/whatsapp/${id}/check`, {}, { htmx: true });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Connected:');
    expect(html).toContain('+966 11 000 0000');
    expect(html).toContain('Acme Trading');
    expect(fake.requests.at(-1)).toMatchObject({ method: 'GET', path: '/106540352242922', authorization: `Bearer ${TOKEN}` });
    expect(await client.load('/settings/whatsapp')).toContain('+966 11 000 0000');
  });

  test('explains an expired token (error 190) in plain words, without the token', async () => {
    fake.script({ fault: { kind: 'error', code: 190 }, endpoint: 'phone' });
    const html = await (await client.post(`/settings/whatsapp/${id}/check`, {}, { htmx: true })).text();
    expect(html).toContain('The access token has expired or is not valid (error 190).');
    expect(html).toContain('Create a new system-user token');
    expect(html).not.toContain(TOKEN);
  });

  test('says when Meta cannot be reached', async () => {
    await server.stop(true);
    const html = await (await client.post(`/settings/whatsapp/${id}/check`, {}, { htmx: true })).text();
    expect(html).toContain('Rasil could not reach Meta.');
  });
});
