import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { createGraphClient, type GraphClient } from '../../../src/channel/whatsapp/graph/graph-api.client';
import { GraphApiError } from '../../../src/channel/whatsapp/graph/graph-errors';
import { FAKE_PHONE_NUMBER_ID, FAKE_TOKEN, FAKE_WABA_ID, startFakeGraph, type RunningFakeGraph } from '../../support/fake-graph';

let graph: RunningFakeGraph;
let client: GraphClient;

beforeEach(() => {
  graph = startFakeGraph();
  client = createGraphClient({ baseUrl: graph.url, accessToken: FAKE_TOKEN, timeoutMs: 2000 });
});
afterEach(async () => {
  graph.fake.close();
  await graph.stop();
});

async function graphError(promise: Promise<unknown>): Promise<GraphApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(GraphApiError);
    return error as GraphApiError;
  }
  throw new Error('expected a GraphApiError');
}

describe('graph client against the fake Graph', () => {
  test('sends a message with the bearer token and returns its wamid', async () => {
    const result = await client.sendMessage(FAKE_PHONE_NUMBER_ID, { messaging_product: 'whatsapp', to: '15551234', type: 'text', text: { body: 'hi' } });
    expect(result.waMessageId).toStartWith('wamid.');
    expect(result.waId).toBe('15551234');
    const request = graph.fake.requests.at(-1)!;
    expect(request).toMatchObject({ method: 'POST', path: `/${FAKE_PHONE_NUMBER_ID}/messages`, authorization: `Bearer ${FAKE_TOKEN}`, contentType: 'application/json' });
  });

  test('turns Meta\'s error envelope into a GraphApiError with code and details', async () => {
    const error = await graphError(client.sendMessage(FAKE_PHONE_NUMBER_ID, { messaging_product: 'whatsapp', to: '1', type: 'text', text: { body: 'x'.repeat(4097) } }));
    expect(error.info).toMatchObject({ httpStatus: 400, code: 100, type: 'OAuthException' });
    expect(error.info.details).toContain('4096');
    expect(error.info.fbtraceId).toBeTruthy();
  });

  test('reports an expired token as code 190', async () => {
    const bad = createGraphClient({ baseUrl: graph.url, accessToken: 'expired' });
    const error = await graphError(bad.getPhoneNumber(FAKE_PHONE_NUMBER_ID));
    expect(error.info).toMatchObject({ httpStatus: 401, code: 190 });
  });

  test('reads Retry-After from a throttled answer', async () => {
    graph.fake.script({ fault: { kind: 'error', code: 130429, retryAfterSeconds: 7 } });
    const error = await graphError(client.sendMessage(FAKE_PHONE_NUMBER_ID, { messaging_product: 'whatsapp', to: '1', type: 'text', text: { body: 'x' } }));
    expect(error.info).toMatchObject({ httpStatus: 429, code: 130429, retryAfterMs: 7000 });
  });

  test('reports a refused connection as a network error that never reached Meta', async () => {
    await graph.stop();
    const error = await graphError(client.getPhoneNumber(FAKE_PHONE_NUMBER_ID));
    expect(error.info).toMatchObject({ network: 'ECONNREFUSED', maybeSent: false });
    graph.restart();
  });

  test('reports a timed-out send as possibly sent', async () => {
    graph.fake.script({ fault: { kind: 'acceptThenDelay', delayMs: 500 } });
    const quick = createGraphClient({ baseUrl: graph.url, accessToken: FAKE_TOKEN, timeoutMs: 100 });
    const error = await graphError(quick.sendMessage(FAKE_PHONE_NUMBER_ID, { messaging_product: 'whatsapp', to: '1', type: 'text', text: { body: 'x' }, biz_opaque_callback_data: 'obx_t' }));
    expect(error.info).toMatchObject({ network: 'timeout', maybeSent: true });
    expect(graph.fake.sendCount('obx_t')).toBe(1);
  });

  test('uploads media as multipart, then gets its URL and downloads it with the token', async () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const { id } = await client.uploadMedia(FAKE_PHONE_NUMBER_ID, { bytes: new Blob([bytes]), mimeType: 'image/png', fileName: 'a.png' });
    const upload = graph.fake.requests.at(-1)!;
    expect(upload.contentType).toStartWith('multipart/form-data');
    expect(upload.body).toMatchObject({ messaging_product: 'whatsapp', type: 'image/png', file: { name: 'a.png', type: 'image/png', size: 7 } });
    const info = await client.getMedia(id, { phoneNumberId: FAKE_PHONE_NUMBER_ID });
    expect(info).toMatchObject({ id, mimeType: 'image/png', fileSize: 7, sha256: new Bun.CryptoHasher('sha256').update(bytes).digest('hex') });
    const download = await client.downloadMedia(info.url);
    expect([...download.bytes]).toEqual([...bytes]);
    expect(download.contentType).toBe('image/png');
  });

  test('refuses an upload of a type WhatsApp does not take', async () => {
    const error = await graphError(client.uploadMedia(FAKE_PHONE_NUMBER_ID, { bytes: new Blob(['<svg/>']), mimeType: 'image/svg+xml', fileName: 'x.svg' }));
    expect(error.info).toMatchObject({ code: 100 });
  });

  test('marks a message read and shows the typing indicator', async () => {
    await client.markRead(FAKE_PHONE_NUMBER_ID, 'wamid.IN1');
    await client.sendTypingIndicator(FAKE_PHONE_NUMBER_ID, 'wamid.IN1');
    expect(graph.fake.requests.slice(-2).map((r) => r.body)).toEqual([
      { messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.IN1' },
      { messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.IN1', typing_indicator: { type: 'text' } },
    ]);
  });

  test('cannot mark our own outgoing message read, as on Meta', async () => {
    const sent = await client.sendMessage(FAKE_PHONE_NUMBER_ID, { messaging_product: 'whatsapp', to: '1', type: 'text', text: { body: 'x' } });
    const error = await graphError(client.markRead(FAKE_PHONE_NUMBER_ID, sent.waMessageId));
    expect(error.info.code).toBe(100);
    expect(error.info.details).toContain('outgoing');
  });

  test('reads the phone number for token checks', async () => {
    expect(await client.getPhoneNumber(FAKE_PHONE_NUMBER_ID)).toEqual({ id: FAKE_PHONE_NUMBER_ID, displayPhoneNumber: '15550783881', verifiedName: 'Rasil Test', qualityRating: 'GREEN' });
  });

  test('reports an unknown phone number id like Graph (100, subcode 33)', async () => {
    const error = await graphError(client.sendMessage('123123', { messaging_product: 'whatsapp', to: '1', type: 'text', text: { body: 'x' } }));
    expect(error.info).toMatchObject({ code: 100, subcode: 33, type: 'GraphMethodException' });
  });

  test('lists templates across every page', async () => {
    graph.fake.setTemplates(Array.from({ length: 5 }, (_, i) => ({ name: `t${i}`, language: 'en_US', status: 'APPROVED', components: [{ type: 'BODY', text: 'Hi {{1}}' }] })));
    const templates = await client.listMessageTemplates(FAKE_WABA_ID, { pageSize: 2 });
    expect(templates.map((t) => t.name)).toEqual(['t0', 't1', 't2', 't3', 't4']);
    expect(graph.fake.requests.filter((r) => r.path.endsWith('/message_templates'))).toHaveLength(3);
  });
});
