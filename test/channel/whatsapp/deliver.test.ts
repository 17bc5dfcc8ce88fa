import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, type TestApp } from '../../support/test-app';
import { FAKE_PHONE_NUMBER_ID, seedOutboundWorld, startFakeGraph, type OutboundWorld, type RunningFakeGraph } from '../../support/fake-graph';
import { createOutboundDelivery, type OutboundDelivery } from '../../../src/channel/whatsapp/outbound/deliver-outbound';
import { createSendRateLimiter } from '../../../src/channel/whatsapp/outbound/send-rate-limiter';
import { readStoredMedia } from '../../../src/channel/whatsapp/outbound/read-stored-media';
import { storeMediaFile } from '../../../src/conversations/media-files';
import { queueOutboundMessage } from '../../../src/conversations/queue-outbound-message';
import { claimDueOutbound, reconcileUnknownOutbound, OUTBOX_MAX_ATTEMPTS } from '../../../src/conversations/outbox';
import { media, messages, outboundMessages } from '../../../src/conversations/conversations.tables';
import type { OutboundContent } from '../../../src/conversations/outbound-content';
import { whatsappChannels } from '../../../src/channel/whatsapp/whatsapp.tables';
import { auditLog } from '../../../src/audit/audit.tables';
import { resumeWhatsappChannel } from '../../../src/channel/whatsapp/channels/resume-whatsapp-channel';

let t: TestApp;
let graph: RunningFakeGraph;
let world: OutboundWorld;
let mediaDir: string;
let delivery: OutboundDelivery;
const MINUTE = 60_000;

function newDelivery(overrides: Partial<Parameters<typeof createOutboundDelivery>[0]> = {}) {
  return createOutboundDelivery({
    ...t.deps,
    graphApiUrl: 'http://unused.invalid/v24.0',
    readMedia: readStoredMedia(mediaDir),
    limiter: createSendRateLimiter(),
    // Waiting for the rate limiter moves the fake clock instead of real time.
    sleep: async (ms) => t.clock.advance(ms),
    random: () => 0.5,
    timeoutMs: 2000,
    ...overrides,
  });
}

beforeEach(() => {
  t = createTestApp();
  graph = startFakeGraph({ clock: t.clock });
  world = seedOutboundWorld(t.deps, { graphUrl: graph.url });
  mediaDir = mkdtempSync(join(tmpdir(), 'rasil-media-'));
  delivery = newDelivery();
});
afterEach(async () => {
  graph.fake.close();
  await graph.stop();
  rmSync(mediaDir, { recursive: true, force: true });
  t.cleanup();
});

const queue = (conversationId: string, content: OutboundContent, replyToMessageId?: string) =>
  queueOutboundMessage({ conversationId, author: { type: 'agent', id: null }, content, replyToMessageId }, t.deps);
const outboxRow = (id: string) => t.deps.db.select().from(outboundMessages).where(eq(outboundMessages.id, id)).get()!;
const messageRow = (id: string) => t.deps.db.select().from(messages).where(eq(messages.id, id)).get()!;
const sentBodies = () => graph.fake.sent.map((m) => m.body);
const messageRequests = () => graph.fake.requests.filter((r) => r.path.endsWith('/messages'));

/** Drains, then moves the clock past any backoff, until nothing is left to send (bounded). */
async function drainUntilSettled(rounds = 40) {
  for (let i = 0; i < rounds; i++) {
    await delivery.drain();
    const open = t.deps.db.select().from(outboundMessages).all().filter((r) => r.status === 'queued' || r.status === 'sending');
    if (open.length === 0) return;
    t.clock.advance(16 * MINUTE);
  }
}

describe('delivering each kind of message', () => {
  test('sends text, marks the row and the message sent with the wamid', async () => {
    const { conversationId } = world.customer('16505550001');
    const { messageId, outboxId } = queue(conversationId, { kind: 'text', text: 'Hello' });
    const report = await delivery.drain();
    expect(report.sent).toBe(1);
    const [sent] = graph.fake.sent;
    expect(sent!.body).toEqual({ messaging_product: 'whatsapp', recipient_type: 'individual', to: '16505550001', type: 'text', text: { body: 'Hello', preview_url: false }, biz_opaque_callback_data: outboxId });
    expect(outboxRow(outboxId)).toMatchObject({ status: 'sent', waMessageId: sent!.waMessageId, attempts: 1 });
    expect(messageRow(messageId)).toMatchObject({ status: 'sent', waMessageId: sent!.waMessageId });
  });

  test('uploads an image first, then sends it by the uploaded id', async () => {
    const { conversationId, inboundWaId } = world.customer('16505550002');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const hash = new Bun.CryptoHasher('sha256').update(png).digest('hex');
    await storeMediaFile(mediaDir, png);
    const inbound = t.deps.db.select().from(messages).where(eq(messages.waMessageId, inboundWaId)).get()!;
    const now = t.clock.now();
    t.deps.db.insert(media).values({ id: 'med_png', messageId: inbound.id, mimeType: 'image/png', fileName: 'photo.png', contentHash: hash, bytes: 8, status: 'downloaded', createdAt: now, updatedAt: now }).run();
    const { outboxId } = queue(conversationId, { kind: 'media', mediaId: 'med_png', caption: 'Your photo' });
    await delivery.drain();
    const [upload, send] = graph.fake.requests;
    expect(upload).toMatchObject({ method: 'POST', path: `/${FAKE_PHONE_NUMBER_ID}/media` });
    expect(upload!.body).toMatchObject({ messaging_product: 'whatsapp', type: 'image/png', file: { type: 'image/png', size: 8 } });
    const uploadedId = [...graph.fake.sent][0]!.body.image as { id: string };
    expect(graph.fake.media(uploadedId.id)?.sha256).toBe(hash);
    expect(send!.body).toEqual({ messaging_product: 'whatsapp', recipient_type: 'individual', to: '16505550002', type: 'image', image: { id: uploadedId.id, caption: 'Your photo' }, biz_opaque_callback_data: outboxId });
  });

  test('sends a document by id with its file name', async () => {
    const { conversationId, inboundWaId } = world.customer('16505550003');
    const pdf = new TextEncoder().encode('%PDF-1.4 test');
    const hash = new Bun.CryptoHasher('sha256').update(pdf).digest('hex');
    await storeMediaFile(mediaDir, pdf);
    const inbound = t.deps.db.select().from(messages).where(eq(messages.waMessageId, inboundWaId)).get()!;
    const now = t.clock.now();
    t.deps.db.insert(media).values({ id: 'med_pdf', messageId: inbound.id, mimeType: 'application/pdf', fileName: 'invoice.pdf', contentHash: hash, status: 'downloaded', createdAt: now, updatedAt: now }).run();
    queue(conversationId, { kind: 'media', mediaId: 'med_pdf' });
    await delivery.drain();
    const body = sentBodies()[0]!;
    expect(body.type).toBe('document');
    expect(body.document).toEqual({ id: expect.any(String), filename: 'invoice.pdf' });
  });

  test('fails a media message whose file is gone, without calling Graph', async () => {
    const { conversationId, inboundWaId } = world.customer('16505550004');
    const inbound = t.deps.db.select().from(messages).where(eq(messages.waMessageId, inboundWaId)).get()!;
    const now = t.clock.now();
    t.deps.db.insert(media).values({ id: 'med_gone', messageId: inbound.id, mimeType: 'image/png', contentHash: 'f'.repeat(64), status: 'downloaded', createdAt: now, updatedAt: now }).run();
    const { outboxId } = queue(conversationId, { kind: 'media', mediaId: 'med_gone' });
    await delivery.drain();
    expect(outboxRow(outboxId).status).toBe('failed');
    expect(graph.fake.requests).toHaveLength(0);
  });

  test('sends reply buttons, a list, a template with variables, a reaction and a reply with context', async () => {
    const { conversationId, inboundWaId } = world.customer('16505550005');
    const inbound = t.deps.db.select().from(messages).where(eq(messages.waMessageId, inboundWaId)).get()!;
    queue(conversationId, { kind: 'buttons', body: 'Confirm?', buttons: [{ id: 'yes', title: 'Yes' }, { id: 'no', title: 'No' }] });
    queue(conversationId, { kind: 'list', body: 'Pick', button: 'Options', sections: [{ title: 'All', rows: [{ id: 'a', title: 'A', description: 'first' }] }] });
    queue(conversationId, { kind: 'template', name: 'order_ready', language: 'en_US', variables: ['Sara', '42'] });
    queue(conversationId, { kind: 'reaction', targetMessageId: inbound.id, emoji: '❤️' });
    queue(conversationId, { kind: 'text', text: 'Quoted' }, inbound.id);
    await drainUntilSettled();
    const bodies = sentBodies();
    expect(bodies.map((b) => b.type)).toEqual(['interactive', 'interactive', 'template', 'reaction', 'text']);
    expect(bodies[0]!.interactive).toEqual({ type: 'button', body: { text: 'Confirm?' }, action: { buttons: [{ type: 'reply', reply: { id: 'yes', title: 'Yes' } }, { type: 'reply', reply: { id: 'no', title: 'No' } }] } });
    expect(bodies[1]!.interactive).toEqual({ type: 'list', body: { text: 'Pick' }, action: { button: 'Options', sections: [{ title: 'All', rows: [{ id: 'a', title: 'A', description: 'first' }] }] } });
    expect(bodies[2]!.template).toEqual({ name: 'order_ready', language: { code: 'en_US' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Sara' }, { type: 'text', text: '42' }] }] });
    expect(bodies[3]!.reaction).toEqual({ message_id: inboundWaId, emoji: '❤️' });
    expect(bodies[4]).toMatchObject({ context: { message_id: inboundWaId }, text: { body: 'Quoted' } });
  });
});

describe('delivery under faults', () => {
  test('delivers every message exactly once and in order per recipient after 500s and 429s', async () => {
    const a = world.customer('16505551001');
    const b = world.customer('16505551002');
    const ids = [queue(a.conversationId, { kind: 'text', text: 'a1' }), queue(b.conversationId, { kind: 'text', text: 'b1' }), queue(a.conversationId, { kind: 'text', text: 'a2' }), queue(b.conversationId, { kind: 'text', text: 'b2' }), queue(a.conversationId, { kind: 'text', text: 'a3' })];
    graph.fake.script({ fault: { kind: 'error', code: 131000 }, times: 2 }, { fault: { kind: 'http', status: 502 }, times: 2 }, { fault: { kind: 'error', code: 130429, retryAfterSeconds: 30 }, times: 3 });
    await drainUntilSettled();
    for (const { outboxId } of ids) expect({ outboxId, count: graph.fake.sendCount(outboxId) }).toEqual({ outboxId, count: 1 });
    const textsTo = (to: string) => graph.fake.sent.filter((m) => m.to === to).map((m) => (m.body.text as { body: string }).body);
    expect(textsTo('16505551001')).toEqual(['a1', 'a2', 'a3']);
    expect(textsTo('16505551002')).toEqual(['b1', 'b2']);
    expect(messageRequests().length).toBeGreaterThan(5);
  });

  test('survives a long outage (connection refused) without losing or doubling anything', async () => {
    const customers = ['16505552001', '16505552002', '16505552003'].map((n) => world.customer(n));
    const ids = customers.flatMap((c, i) => [queue(c.conversationId, { kind: 'text', text: `${i}-1` }), queue(c.conversationId, { kind: 'text', text: `${i}-2` })]);
    await graph.stop();
    for (let i = 0; i < 12; i++) {
      await delivery.drain();
      t.clock.advance(5 * MINUTE);
    }
    expect(t.deps.db.select().from(outboundMessages).all().every((r) => r.status === 'queued')).toBe(true);
    graph.restart();
    await drainUntilSettled();
    for (const { outboxId } of ids) expect(graph.fake.sendCount(outboxId)).toBe(1);
  });

  test('after an hour-long outage, the whole backlog goes out within 20 seconds of Graph coming back, in order', async () => {
    const customers = ['16505553001', '16505553002'].map((n) => world.customer(n));
    const ids = customers.flatMap((c, i) => [1, 2, 3].map((k) => queue(c.conversationId, { kind: 'text', text: `${i}-${k}` })));
    await graph.stop();
    for (let i = 0; i < 60; i++) {
      await delivery.drain();
      t.clock.advance(MINUTE);
    }
    graph.restart();
    const back = t.clock.now();
    // Drain as the 5-second tick would, until everything is sent; the clock says how long that took.
    while (graph.fake.sent.length < ids.length && t.clock.now() - back <= 5 * MINUTE) {
      await delivery.drain();
      t.clock.advance(5_000);
    }
    expect(graph.fake.sent).toHaveLength(ids.length);
    expect(t.clock.now() - back).toBeLessThanOrEqual(20_000);
    const textsTo = (to: string) => graph.fake.sent.filter((m) => m.to === to).map((m) => (m.body.text as { body: string }).body);
    expect(textsTo('16505553001')).toEqual(['0-1', '0-2', '0-3']);
    expect(textsTo('16505553002')).toEqual(['1-1', '1-2', '1-3']);
  });

  test('fails a message at once on 131047 with the reason, and never retries it', async () => {
    const { conversationId } = world.customer('16505553001');
    const { messageId, outboxId } = queue(conversationId, { kind: 'text', text: 'late' });
    graph.fake.script({ fault: { kind: 'error', code: 131047 } });
    const report = await delivery.drain();
    expect(report.failed).toBe(1);
    expect(outboxRow(outboxId).status).toBe('failed');
    expect(messageRow(messageId)).toMatchObject({ status: 'failed', errorCode: 131047, errorTitle: '(#131047) Re-engagement message' });
    expect(messageRow(messageId).errorDetail).toContain('24 hours');
    t.clock.advance(60 * MINUTE);
    await delivery.drain();
    expect(messageRequests()).toHaveLength(1);
    expect(graph.fake.sendCount(outboxId)).toBe(0);
  });

  test('pauses the channel on 190, records the alert, sends nothing more, then resumes without losing anything', async () => {
    const customers = ['16505554001', '16505554002'].map((n) => world.customer(n));
    const ids = customers.map((c) => queue(c.conversationId, { kind: 'text', text: 'hi' }));
    graph.fake.setOutage({ kind: 'error', code: 190 });
    const report = await delivery.drain();
    expect(report.paused).toBe(2);
    const channel = t.deps.db.select().from(whatsappChannels).where(eq(whatsappChannels.id, world.channelId)).get()!;
    expect(channel.pausedAt).not.toBeNull();
    expect(channel.pausedReason).toContain('#190');
    expect(t.deps.db.select().from(auditLog).all().filter((e) => e.action === 'channel.paused')).toHaveLength(1);
    expect(t.logs.some((l) => l.level === 'error' && String(l.msg).includes('paused'))).toBe(true);
    for (const { outboxId } of ids) expect(outboxRow(outboxId)).toMatchObject({ status: 'queued', attempts: 0 });
    const requestsWhenPaused = graph.fake.requests.length;
    queue(customers[0]!.conversationId, { kind: 'text', text: 'more' });
    t.clock.advance(60 * MINUTE);
    await delivery.drain();
    expect(graph.fake.requests.length).toBe(requestsWhenPaused);

    graph.fake.clearFaults();
    resumeWhatsappChannel(world.channelId, { id: null, label: 'test' }, t.deps);
    await drainUntilSettled();
    for (const { outboxId } of ids) expect(graph.fake.sendCount(outboxId)).toBe(1);
    expect(graph.fake.sent).toHaveLength(3);
  });

  test('leaves rows queued while the channel is paused', async () => {
    t.deps.db.update(whatsappChannels).set({ pausedAt: t.clock.now(), pausedReason: 'token' }).where(eq(whatsappChannels.id, world.channelId)).run();
    const { conversationId } = world.customer('16505555001');
    const { outboxId } = queue(conversationId, { kind: 'text', text: 'wait' });
    await delivery.drain();
    expect(outboxRow(outboxId)).toMatchObject({ status: 'queued', attempts: 0 });
    expect(graph.fake.requests).toHaveLength(0);
  });

  test('after a crash mid-send, a row left sending becomes unknown and is not resent; a status webhook reconciles it', async () => {
    const { conversationId } = world.customer('16505556001');
    const { messageId, outboxId } = queue(conversationId, { kind: 'text', text: 'maybe' });
    // A worker claims the row and dies before recording the answer.
    claimDueOutbound(t.deps.db, { now: t.clock.now(), inboxIds: [world.inboxId], limit: 10 });
    t.clock.advance(10 * MINUTE);
    const report = await newDelivery().drain();
    expect(report.expired).toBe(1);
    expect(outboxRow(outboxId).status).toBe('unknown');
    expect(messageRow(messageId).status).toBe('unknown');
    t.clock.advance(60 * MINUTE);
    await delivery.drain();
    expect(graph.fake.requests).toHaveLength(0);

    reconcileUnknownOutbound({ outboxId, waMessageId: 'wamid.RECONCILED', status: 'sent' }, t.deps);
    expect(outboxRow(outboxId)).toMatchObject({ status: 'sent', waMessageId: 'wamid.RECONCILED' });
    expect(messageRow(messageId)).toMatchObject({ status: 'sent', waMessageId: 'wamid.RECONCILED' });
  });

  test('a restarted process settles a row the dead one left sending at once, so the customer\'s next message is not held back', async () => {
    const { conversationId } = world.customer('16505556002');
    const cut = queue(conversationId, { kind: 'text', text: 'cut by the crash' });
    const next = queue(conversationId, { kind: 'text', text: 'queued after it' });
    claimDueOutbound(t.deps.db, { now: t.clock.now(), inboxIds: [world.inboxId], limit: 10 });
    // No clock move: the lease (2 minutes) has not run out, yet nobody else can be sending.
    const report = await newDelivery().drain();
    expect(report.expired).toBe(1);
    expect(outboxRow(cut.outboxId).status).toBe('unknown');
    expect(outboxRow(next.outboxId).status).toBe('sent');
    expect(graph.fake.sent.map((m) => (m.body.text as { body: string }).body)).toEqual(['queued after it']);
  });

  test('a send that times out after Meta accepted it becomes unknown, is not resent, and reconciles from the fake\'s webhook data', async () => {
    const timeoutDelivery = newDelivery({ timeoutMs: 100 });
    const { conversationId } = world.customer('16505556002');
    const { messageId, outboxId } = queue(conversationId, { kind: 'text', text: 'slow' });
    graph.fake.script({ fault: { kind: 'acceptThenDelay', delayMs: 400 } });
    const report = await timeoutDelivery.drain();
    expect(report.unknown).toBe(1);
    expect(outboxRow(outboxId).status).toBe('unknown');
    t.clock.advance(60 * MINUTE);
    await timeoutDelivery.drain();
    expect(graph.fake.sendCount(outboxId)).toBe(1);
    const accepted = graph.fake.sent.find((m) => m.callbackData === outboxId)!;
    reconcileUnknownOutbound({ outboxId: accepted.callbackData!, waMessageId: accepted.waMessageId, status: 'delivered' }, t.deps);
    expect(messageRow(messageId)).toMatchObject({ status: 'delivered', waMessageId: accepted.waMessageId });
  });

  test('delays only the recipient hit by the pair-rate limit (131056)', async () => {
    const a = world.customer('16505557001');
    const b = world.customer('16505557002');
    const a1 = queue(a.conversationId, { kind: 'text', text: 'a1' });
    const a2 = queue(a.conversationId, { kind: 'text', text: 'a2' });
    const b1 = queue(b.conversationId, { kind: 'text', text: 'b1' });
    const b2 = queue(b.conversationId, { kind: 'text', text: 'b2' });
    graph.fake.script({ fault: { kind: 'error', code: 131056 }, to: '16505557001' });
    await delivery.drain();
    expect([graph.fake.sendCount(b1.outboxId), graph.fake.sendCount(b2.outboxId)]).toEqual([1, 1]);
    expect([outboxRow(a1.outboxId).status, outboxRow(a2.outboxId).status]).toEqual(['queued', 'queued']);
    expect(outboxRow(a1.outboxId).nextAttemptAt).toBeGreaterThanOrEqual(t.clock.now() + 4000);
    await drainUntilSettled();
    expect(graph.fake.sent.filter((m) => m.to === '16505557001').map((m) => m.callbackData)).toEqual([a1.outboxId, a2.outboxId]);
  });

  test('a slow recipient does not hold up the others', async () => {
    const realDelivery = newDelivery({ sleep: (ms) => Bun.sleep(ms) });
    const slow = world.customer('16505558001');
    const fast = world.customer('16505558002');
    queue(slow.conversationId, { kind: 'text', text: 's1' });
    queue(slow.conversationId, { kind: 'text', text: 's2' });
    const f = [1, 2, 3].map((n) => queue(fast.conversationId, { kind: 'text', text: `f${n}` }));
    graph.fake.script({ fault: { kind: 'slow', delayMs: 300 }, to: '16505558001' });
    await realDelivery.drain();
    expect(graph.fake.sent.map((m) => (m.body.text as { body: string }).body)).toEqual(['f1', 'f2', 'f3', 's1', 's2']);
    for (const { outboxId } of f) expect(outboxRow(outboxId).status).toBe('sent');
  });

  test('sends a message that keeps failing on its own dead after its attempts, while others still go out', async () => {
    const poison = world.customer('16505559001');
    const healthy = world.customer('16505559002');
    const p = queue(poison.conversationId, { kind: 'text', text: 'boom' });
    graph.fake.script({ fault: { kind: 'error', code: 131000 }, to: '16505559001', times: 100 });
    for (let i = 0; i < OUTBOX_MAX_ATTEMPTS + 2; i++) {
      queue(healthy.conversationId, { kind: 'text', text: `ok${i}` });
      await delivery.drain();
      t.clock.advance(16 * MINUTE);
    }
    expect(outboxRow(p.outboxId)).toMatchObject({ status: 'dead', attempts: OUTBOX_MAX_ATTEMPTS });
    expect(messageRow(p.messageId)).toMatchObject({ status: 'failed', errorCode: 131000 });
    expect(graph.fake.sent.filter((m) => m.to === '16505559002')).toHaveLength(OUTBOX_MAX_ATTEMPTS + 2);
  });

  test('keeps to the number\'s send rate', async () => {
    t.deps.db.update(whatsappChannels).set({ sendRatePerSecond: 5 }).where(eq(whatsappChannels.id, world.channelId)).run();
    const inner = createSendRateLimiter();
    const grants: { key: string; rate: number; at: number }[] = [];
    const limiter = {
      tryAcquire(key: string, rate: number, now: number) {
        const wait = inner.tryAcquire(key, rate, now);
        if (wait === 0) grants.push({ key, rate, at: now });
        return wait;
      },
    };
    for (let i = 0; i < 12; i++) queue(world.customer(`1650556${String(i).padStart(4, '0')}`).conversationId, { kind: 'text', text: `n${i}` });
    await newDelivery({ limiter }).drain();
    expect(graph.fake.sent).toHaveLength(12);
    expect(grants.map((g) => [g.key, g.rate])).toEqual(Array.from({ length: 12 }, () => [world.channelId, 5]));
    // A bucket of 5 per second with a one-second burst: the k-th send cannot start before (k + 1 - 5) × 200 ms.
    grants.forEach((g, k) => expect(g.at - grants[0]!.at).toBeGreaterThanOrEqual(Math.max(0, (k + 1 - 5) * 200)));
    expect(grants.at(-1)!.at - grants[0]!.at).toBeGreaterThanOrEqual(1400);
  });
});

describe('send rate limiter', () => {
  test('allows a burst of one second, then one token per 1/rate seconds', () => {
    const limiter = createSendRateLimiter();
    for (let i = 0; i < 5; i++) expect(limiter.tryAcquire('n', 5, 0)).toBe(0);
    expect(limiter.tryAcquire('n', 5, 0)).toBe(200);
    expect(limiter.tryAcquire('n', 5, 199)).toBe(1);
    expect(limiter.tryAcquire('n', 5, 200)).toBe(0);
    expect(limiter.tryAcquire('other', 5, 200)).toBe(0);
  });
});
