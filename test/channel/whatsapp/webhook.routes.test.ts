import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { createTestApp, type TestApp } from '../../support/test-app';
import { webhookJournal } from '../../../src/channel/whatsapp/whatsapp.tables';
import { messages } from '../../../src/conversations/conversations.tables';
import { addTestChannel, postWebhook, sign, textPayload, TEST_VERIFY_TOKEN, deliver } from '../../support/whatsapp-webhooks';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
  addTestChannel(t.deps);
});
afterEach(() => t.cleanup());

const journalRows = () => t.deps.db.select().from(webhookJournal).all();
const handshake = (query: string) => t.app.handle(new Request(`http://localhost/webhooks/whatsapp?${query}`));

describe('GET /webhooks/whatsapp', () => {
  test('answers the raw challenge as text when the verify token matches a channel', async () => {
    const response = await handshake(`hub.mode=subscribe&hub.verify_token=${TEST_VERIFY_TOKEN}&hub.challenge=1158201444`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toStartWith('text/plain');
    expect(await response.text()).toBe('1158201444');
  });

  test('accepts the verify token of any channel, not only the first', async () => {
    addTestChannel(t.deps, { phoneNumberId: '5550001', verifyToken: 'second-channel-token' });
    const response = await handshake('hub.mode=subscribe&hub.verify_token=second-channel-token&hub.challenge=42');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('42');
  });

  test('refuses with 403 when the verify token is wrong', async () => {
    const response = await handshake('hub.mode=subscribe&hub.verify_token=nope&hub.challenge=42');
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('42');
  });

  test('refuses with 403 when the mode is not subscribe', async () => {
    const response = await handshake(`hub.mode=unsubscribe&hub.verify_token=${TEST_VERIFY_TOKEN}&hub.challenge=42`);
    expect(response.status).toBe(403);
  });

  test('refuses with 403 when no token is given', async () => {
    expect((await handshake('hub.mode=subscribe&hub.challenge=42')).status).toBe(403);
  });
});

describe('POST /webhooks/whatsapp', () => {
  test('journals a validly signed body and answers 200', async () => {
    const body = JSON.stringify(textPayload('hello'));
    const response = await postWebhook(t.app, body);
    expect(response.status).toBe(200);
    const rows = journalRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.body).toBe(body);
    expect(rows[0]!.status).toBe('pending');
    expect(rows[0]!.channelId).toStartWith('wac_');
  });

  test('refuses with 401 and stores nothing when the signature is missing', async () => {
    const response = await postWebhook(t.app, textPayload('hello'), { signature: null });
    expect(response.status).toBe(401);
    expect(journalRows()).toHaveLength(0);
  });

  test('refuses with 401 and stores nothing when signed with another secret', async () => {
    const response = await postWebhook(t.app, textPayload('hello'), { secret: 'not-the-app-secret' });
    expect(response.status).toBe(401);
    expect(journalRows()).toHaveLength(0);
  });

  test('refuses with 401 when the signature belongs to a different body', async () => {
    const signature = sign(JSON.stringify(textPayload('original')));
    const response = await postWebhook(t.app, textPayload('tampered'), { signature });
    expect(response.status).toBe(401);
    expect(journalRows()).toHaveLength(0);
  });

  test('refuses with 401 when the header is malformed', async () => {
    const response = await postWebhook(t.app, textPayload('hello'), { signature: 'sha256=abc' });
    expect(response.status).toBe(401);
  });

  test('logs a rejected signature without the body', async () => {
    await postWebhook(t.app, textPayload('secret words in the body'), { secret: 'wrong' });
    const line = t.logs.find((l) => l.msg === 'webhook signature rejected');
    expect(line).toBeDefined();
    expect(JSON.stringify(t.logs)).not.toContain('secret words in the body');
  });

  test('verifies with the secret of whichever channel signed it', async () => {
    addTestChannel(t.deps, { phoneNumberId: '5550002', appSecret: 'second-app-secret' });
    const response = await postWebhook(t.app, textPayload('hi'), { secret: 'second-app-secret' });
    expect(response.status).toBe(200);
    expect(journalRows()).toHaveLength(1);
  });

  test('keeps a signed body that is not JSON, for inspection', async () => {
    const response = await postWebhook(t.app, 'this is { not json');
    expect(response.status).toBe(200);
    expect(journalRows()[0]!.body).toBe('this is { not json');
  });

  test('refuses a body over the webhook limit with 413 before reading it', async () => {
    const response = await t.app.handle(
      new Request('http://localhost/webhooks/whatsapp', { method: 'POST', body: 'x', headers: { 'content-length': String(5 * 1024 * 1024), 'x-hub-signature-256': sign('x') } }),
    );
    expect(response.status).toBe(413);
    expect(journalRows()).toHaveLength(0);
  });

  test('answers 503 when the journal cannot be written, so Meta retries', async () => {
    t.deps.sqlite.run('CREATE TRIGGER refuse_journal BEFORE INSERT ON webhook_journal BEGIN SELECT RAISE(ABORT, \'disk full\'); END');
    const response = await postWebhook(t.app, textPayload('hello'));
    expect(response.status).toBe(503);
  });

  test('stores one message when the same signed body is delivered five times', async () => {
    const body = JSON.stringify(textPayload('only once'));
    for (let i = 0; i < 5; i++) await deliver(t.app, t.deps, body);
    expect(journalRows()).toHaveLength(5);
    expect(t.deps.db.select().from(messages).all()).toHaveLength(1);
  });

  test('commits concurrent requests in one transaction (group commit)', async () => {
    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => postWebhook(t.app, textPayload(`burst ${i}`))));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(journalRows()).toHaveLength(20);
    const batches = t.logs.filter((l) => l.msg === 'webhook journal batch committed').map((l) => l.rows as number);
    expect(batches.length).toBeLessThan(20);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(20);
  });

  test('wakes the journal processor after each commit', async () => {
    let woken = 0;
    t.deps.waker!.on('webhook-journal', () => void woken++);
    await postWebhook(t.app, textPayload('wake up'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(woken).toBe(1);
  });
});
