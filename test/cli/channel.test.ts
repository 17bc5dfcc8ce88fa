import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { whatsappChannels } from '../../src/channel/whatsapp/whatsapp.tables';
import { inboxes } from '../../src/conversations/conversations.tables';
import { createFakeGraph, type FakeGraph } from '../../src/channel/whatsapp/fake-graph/fake-graph';
import { ensureSandboxChannel } from '../../src/channel/whatsapp/sandbox/ensure-sandbox-channel';
import { createIdGenerator } from '../../src/platform/ids';
import { tempDataDir, withDatabase, type TempDataDir } from './cli-harness';

const TOKEN = 'EAAGclitoken0123456789abcdefSECRETVALUE';
const SECRET = 'cliappsecret0123456789abcdefSECRET';

let data: TempDataDir;
beforeEach(() => {
  data = tempDataDir();
});
afterEach(() => data.cleanup());

const add = (overrides: Record<string, string> = {}) => {
  const options = { name: 'Sales', 'phone-number-id': '106540352242922', 'waba-id': '102290129340398', 'access-token': TOKEN, 'app-secret': SECRET, 'verify-token': 'verify-me-please', ...overrides };
  return data.run(['channel', 'add', 'whatsapp', ...Object.entries(options).flatMap(([k, v]) => [`--${k}`, v])]);
};
const stored = () => withDatabase(data, ({ db }) => ({ channels: db.select().from(whatsappChannels).all(), inboxes: db.select().from(inboxes).all() }));

describe('rasil channel add whatsapp', () => {
  test('prints the new channel id first, then what to paste into Meta', async () => {
    const result = await add();
    expect(result.code).toBe(0);
    const { channels, inboxes } = stored();
    expect(channels).toHaveLength(1);
    expect(result.stdout.split('\n')[0]).toBe(channels[0]!.id);
    expect(channels[0]).toMatchObject({ name: 'Sales', phoneNumberId: '106540352242922', wabaId: '102290129340398', accessToken: TOKEN, appSecret: SECRET, verifyToken: 'verify-me-please' });
    expect(inboxes.map((i) => i.id)).toEqual([channels[0]!.inboxId]);
    expect(result.stdout).toContain('/webhooks/whatsapp');
    expect(result.stdout).toContain('verify-me-please');
  });

  test('generates a verify token when none is given and prints it', async () => {
    const result = await data.run(['channel', 'add', 'whatsapp', '--name', 'Sales', '--phone-number-id', '106540352242922', '--waba-id', '1022901', '--access-token', TOKEN, '--app-secret', SECRET]);
    expect(result.code).toBe(0);
    const token = stored().channels[0]!.verifyToken;
    expect(token.length).toBeGreaterThanOrEqual(32);
    expect(result.stdout).toContain(token);
  });

  test('refuses a phone number id that is not digits, exits 1 with a sentence and creates nothing', async () => {
    const result = await add({ 'phone-number-id': '+966 55 1234' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Phone number ID: Enter the phone number ID as digits only');
    expect(stored()).toEqual({ channels: [], inboxes: [] });
  });

  test('refuses a verify token shorter than 8 characters', async () => {
    const result = await add({ 'verify-token': 'short' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Verify token: Use at least 8 characters.');
    expect(stored().channels).toEqual([]);
  });

  test('refuses a missing access token before touching the data folder', async () => {
    const result = await data.run(['channel', 'add', 'whatsapp', '--name', 'Sales', '--phone-number-id', '1065403', '--waba-id', '1022901', '--app-secret', SECRET]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--access-token needs a value');
    expect(existsSync(data.database)).toBe(false);
  });

  test('refuses a phone number id that is already connected', async () => {
    await add();
    const result = await add({ name: 'Again' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('This phone number ID is already connected.');
    expect(stored().channels).toHaveLength(1);
    expect(stored().inboxes).toHaveLength(1);
  });

  test('asks which kind of channel when the kind is missing or unknown', async () => {
    const result = await data.run(['channel', 'add', 'telegram', '--name', 'x']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('rasil channel add whatsapp');
  });
});

describe('rasil channel list', () => {
  test('shows each number with masked secrets only', async () => {
    await add();
    const result = await data.run(['channel', 'list']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ID\s+NAME\s+PHONE NUMBER ID\s+WABA ID\s+NUMBER\s+STATUS\s+TOKEN\s+APP SECRET$/m);
    expect(result.stdout).toMatch(/Sales\s+106540352242922\s+102290129340398\s+-\s+active\s+••••ALUE\s+••••CRET/);
    for (const secret of [TOKEN, SECRET, 'verify-me-please']) expect(result.stdout).not.toContain(secret);
  });

  test('--json masks the secrets too', async () => {
    await add();
    const result = await data.run(['channel', 'list', '--json']);
    const [row] = JSON.parse(result.stdout);
    expect(row).toMatchObject({ name: 'Sales', status: 'active', accessToken: '••••ALUE' });
    for (const secret of [TOKEN, SECRET, 'verify-me-please']) expect(result.stdout).not.toContain(secret);
  });

  test('says how to add a number when there is none', async () => {
    const result = await data.run(['channel', 'list']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('rasil channel add whatsapp');
  });
});

describe('rasil doctor with WhatsApp numbers', () => {
  let fake: FakeGraph;
  let server: ReturnType<typeof Bun.serve>;
  beforeEach(() => {
    fake = createFakeGraph({ accessTokens: [TOKEN], phoneNumbers: [{ id: '106540352242922', wabaId: '102290129340398', displayPhoneNumber: '+966 11 000 0000', verifiedName: 'Acme Trading' }] });
    server = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: fake.fetch });
  });
  afterEach(async () => {
    await server.stop(true);
  });
  const doctor = () => data.run(['doctor', '--graph-api-url', `http://127.0.0.1:${server.port}/v24.0`]);

  test('passes when each number’s token works, naming the number Meta reports', async () => {
    await add();
    const result = await doctor();
    expect(result.stdout).toContain('✓ 1 WhatsApp number reached Meta with a working token');
    expect(result.stdout).toContain('Sales (phone number id 106540352242922): connected as +966 11 000 0000, Acme Trading');
    expect(result.code).toBe(0);
  });

  test('fails with exit 1 and a plain sentence when a token has expired', async () => {
    await add();
    fake.script({ fault: { kind: 'error', code: 190 }, endpoint: 'phone' });
    const result = await doctor();
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✗ 1 of 1 WhatsApp number failed the Graph API check');
    expect(result.stdout).toContain('The access token has expired or is not valid (error 190)');
    expect(result.stdout).not.toContain(TOKEN);
  });

  test('skips the sandbox number', async () => {
    await data.run(['migrate']);
    withDatabase(data, ({ db }) => ensureSandboxChannel({ db, clock: { now: () => 1 }, newId: createIdGenerator({ now: () => 1 }) }, { graphApiUrl: 'http://127.0.0.1:9/sandbox/graph/v24.0' }));
    const result = await doctor();
    expect(result.stdout).toContain('✓ No WhatsApp number connected yet (the sandbox needs no check)');
    expect(fake.requests).toEqual([]);
  });
});
