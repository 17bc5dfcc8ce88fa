import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../support/test-app';
import { seedOutboundWorld, type OutboundWorld } from '../../support/fake-graph';
import { queueOutboundMessage } from '../../../src/conversations/queue-outbound-message';
import {
  claimDueOutbound,
  markExpiredLeasesUnknown,
  markOutboundFailed,
  markOutboundSent,
  reconcileUnknownOutbound,
  rescheduleOutbound,
  resendDeadMessage,
  OUTBOX_MAX_ATTEMPTS,
  UNKNOWN_RECONCILE_WINDOW_MS,
} from '../../../src/conversations/outbox';
import { isReplyWindowOpen, replyWindowClosesAt, REPLY_WINDOW_MS } from '../../../src/conversations/reply-window';
import { conversations, media, messages, outboundMessages } from '../../../src/conversations/conversations.tables';
import type { OutboundContent } from '../../../src/conversations/outbound-content';
import { AppError } from '../../../src/platform/errors';

let t: TestApp;
let world: OutboundWorld;
const HOUR = 3_600_000;

beforeEach(() => {
  t = createTestApp();
  world = seedOutboundWorld(t.deps, { graphUrl: 'http://127.0.0.1:1/v24.0' });
});
afterEach(() => t.cleanup());

const agent = { type: 'agent' as const, id: null };
const queue = (conversationId: string, content: OutboundContent, replyToMessageId?: string) => queueOutboundMessage({ conversationId, author: agent, content, replyToMessageId }, t.deps);
const outboxRows = () => t.deps.db.select().from(outboundMessages).all();
const messageRow = (id: string) => t.deps.db.select().from(messages).where(eq(messages.id, id)).get()!;
const outboxRow = (id: string) => t.deps.db.select().from(outboundMessages).where(eq(outboundMessages.id, id)).get()!;
const outboundCount = () => t.deps.db.select().from(messages).where(eq(messages.direction, 'out')).all().length;

function expectAppError(fn: () => unknown, status: number, code: string, messageKey?: string) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect({ status: (error as AppError).status, code: (error as AppError).code }).toEqual({ status, code });
    if (messageKey) expect((error as AppError).messageKey).toBe(messageKey);
    return;
  }
  throw new Error('expected an AppError');
}

describe('reply window', () => {
  test('is open for 24 hours after the customer last wrote', () => {
    expect(isReplyWindowOpen({ lastInboundAt: 1000, now: 1000 + REPLY_WINDOW_MS - 1 })).toBe(true);
    expect(isReplyWindowOpen({ lastInboundAt: 1000, now: 1000 + REPLY_WINDOW_MS })).toBe(false);
    expect(replyWindowClosesAt(1000)).toBe(1000 + REPLY_WINDOW_MS);
  });

  test('is closed when the customer never wrote', () => {
    expect(isReplyWindowOpen({ lastInboundAt: null, now: 0 })).toBe(false);
    expect(replyWindowClosesAt(null)).toBeNull();
  });
});

describe('queueOutboundMessage', () => {
  test('stores the queued message and its outbox row together, and wakes the worker', () => {
    const woken: string[] = [];
    const { conversationId } = world.customer('15550001');
    const { messageId, outboxId } = queueOutboundMessage({ conversationId, author: { type: 'agent', id: null }, content: { kind: 'text', text: ' Hello ' } }, { ...t.deps, wake: (n) => woken.push(n) });
    expect(messageRow(messageId)).toMatchObject({ direction: 'out', authorType: 'agent', kind: 'text', body: 'Hello', status: 'queued' });
    expect(outboxRow(outboxId)).toMatchObject({ messageId, inboxId: world.inboxId, recipient: '15550001', status: 'queued', attempts: 0 });
    expect(JSON.parse(outboxRow(outboxId).payload)).toEqual({ content: { kind: 'text', text: 'Hello' }, replyToWaId: null });
    expect(woken).toEqual(['outbox']);
    const conversation = t.deps.db.select().from(conversations).where(eq(conversations.id, conversationId)).get()!;
    expect(conversation.lastMessagePreview).toBe('Hello');
  });

  test('refuses free text with 409 when the window has closed, and stores nothing', () => {
    const { conversationId } = world.customer('15550002', { lastInboundAt: t.clock.now() - 25 * HOUR });
    expectAppError(() => queue(conversationId, { kind: 'text', text: 'Hi' }), 409, 'conversations.reply_window_closed', 'whatsapp.error.replyWindowClosed');
    expect(outboundCount()).toBe(0);
    expect(outboxRows()).toHaveLength(0);
  });

  test('refuses every free-form kind when the customer never wrote', () => {
    const { conversationId } = world.customer('15550003', { lastInboundAt: null });
    expectAppError(() => queue(conversationId, { kind: 'buttons', body: 'b', buttons: [{ id: 'a', title: 'A' }] }), 409, 'conversations.reply_window_closed');
    expect(outboxRows()).toHaveLength(0);
  });

  test('allows a template outside the window', () => {
    const { conversationId } = world.customer('15550004', { lastInboundAt: t.clock.now() - 30 * HOUR });
    const { messageId } = queue(conversationId, { kind: 'template', name: 'order_ready', language: 'en_US', variables: ['Sara'] });
    expect(messageRow(messageId)).toMatchObject({ kind: 'template', status: 'queued' });
    expect(outboxRows()).toHaveLength(1);
  });

  test('refuses text over 4096 characters with 422 and stores nothing', () => {
    const { conversationId } = world.customer('15550005');
    expectAppError(() => queue(conversationId, { kind: 'text', text: 'x'.repeat(4097) }), 422, 'conversations.invalid_outbound', 'whatsapp.outbound.textTooLong');
    expect(outboxRows()).toHaveLength(0);
  });

  test('counts Arabic and emoji by character, accepting exactly 4096', () => {
    const { conversationId } = world.customer('15550006');
    expect(() => queue(conversationId, { kind: 'text', text: 'ع'.repeat(4095) + '😀' })).not.toThrow();
  });

  test('refuses a fourth button and a button title over 20 characters', () => {
    const { conversationId } = world.customer('15550007');
    const four = [1, 2, 3, 4].map((n) => ({ id: `b${n}`, title: `B${n}` }));
    expectAppError(() => queue(conversationId, { kind: 'buttons', body: 'b', buttons: four }), 422, 'conversations.invalid_outbound', 'whatsapp.outbound.buttonCount');
    expectAppError(() => queue(conversationId, { kind: 'buttons', body: 'b', buttons: [{ id: 'a', title: 'x'.repeat(21) }] }), 422, 'conversations.invalid_outbound', 'whatsapp.outbound.buttonTitleTooLong');
    expect(outboxRows()).toHaveLength(0);
  });

  test('refuses a list with more than 10 rows in total', () => {
    const { conversationId } = world.customer('15550008');
    const rows = (p: string, n: number) => Array.from({ length: n }, (_, i) => ({ id: `${p}${i}`, title: `${p}${i}` }));
    const content: OutboundContent = { kind: 'list', body: 'b', button: 'Go', sections: [{ title: 'A', rows: rows('a', 6) }, { title: 'B', rows: rows('b', 5) }] };
    expectAppError(() => queue(conversationId, content), 422, 'conversations.invalid_outbound', 'whatsapp.outbound.listRowCount');
  });

  test('returns 404 for an unknown conversation', () => {
    expectAppError(() => queue('cnv_missing', { kind: 'text', text: 'x' }), 404, 'conversations.not_found');
  });

  test('keeps the quoted message as reply context', () => {
    const { conversationId, inboundWaId } = world.customer('15550009');
    const quoted = t.deps.db.select().from(messages).where(eq(messages.waMessageId, inboundWaId)).get()!;
    const { messageId, outboxId } = queue(conversationId, { kind: 'text', text: 'Sure' }, quoted.id);
    expect(messageRow(messageId).replyToWaId).toBe(inboundWaId);
    expect(JSON.parse(outboxRow(outboxId).payload).replyToWaId).toBe(inboundWaId);
  });

  test('refuses to quote a message of another conversation', () => {
    const a = world.customer('15550010');
    const b = world.customer('15550011');
    const foreign = t.deps.db.select().from(messages).where(eq(messages.waMessageId, b.inboundWaId)).get()!;
    expectAppError(() => queue(a.conversationId, { kind: 'text', text: 'x' }, foreign.id), 404, 'conversations.message_not_found');
    expect(outboxRows()).toHaveLength(0);
  });

  test('records our reaction on the target and sends it against its WhatsApp id', () => {
    const { conversationId, inboundWaId } = world.customer('15550012');
    const target = t.deps.db.select().from(messages).where(eq(messages.waMessageId, inboundWaId)).get()!;
    const { outboxId } = queue(conversationId, { kind: 'reaction', targetMessageId: target.id, emoji: '👍' });
    expect(JSON.parse(messageRow(target.id).reactions)).toEqual({ business: '👍' });
    expect(JSON.parse(outboxRow(outboxId).payload).reactionToWaId).toBe(inboundWaId);
  });

  test('gives a media message its own media row pointing at the stored file', () => {
    const { conversationId, inboundWaId } = world.customer('15550013');
    const inbound = t.deps.db.select().from(messages).where(eq(messages.waMessageId, inboundWaId)).get()!;
    const now = t.clock.now();
    t.deps.db.insert(media).values({ id: 'med_src', messageId: inbound.id, mimeType: 'application/pdf', fileName: 'a.pdf', contentHash: 'ab'.repeat(32), bytes: 10, status: 'downloaded', createdAt: now, updatedAt: now }).run();
    const { messageId, outboxId } = queue(conversationId, { kind: 'media', mediaId: 'med_src', caption: 'Here' });
    const copy = t.deps.db.select().from(media).where(eq(media.messageId, messageId)).get()!;
    expect(copy).toMatchObject({ contentHash: 'ab'.repeat(32), mimeType: 'application/pdf', fileName: 'a.pdf', waMediaId: null });
    expect(messageRow(messageId)).toMatchObject({ kind: 'document', body: 'Here' });
    expect(JSON.parse(outboxRow(outboxId).payload).content).toEqual({ kind: 'media', mediaId: copy.id, caption: 'Here' });
  });

  test('refuses media that is not stored yet', () => {
    const { conversationId } = world.customer('15550014');
    expectAppError(() => queue(conversationId, { kind: 'media', mediaId: 'med_nope' }), 422, 'conversations.media_not_ready');
  });

  test('sends to the BSUID when the customer has no phone number', () => {
    const { conversationId } = world.customer('x', { userId: 'US.13491208655302741918' });
    const { outboxId } = queue(conversationId, { kind: 'text', text: 'Hi' });
    expect(outboxRow(outboxId).recipient).toBe('US.13491208655302741918');
  });
});

describe('outbox use cases', () => {
  test('claims only the first unsent row of each recipient', () => {
    const a = world.customer('15551001');
    const b = world.customer('15551002');
    const a1 = queue(a.conversationId, { kind: 'text', text: 'a1' });
    queue(a.conversationId, { kind: 'text', text: 'a2' });
    const b1 = queue(b.conversationId, { kind: 'text', text: 'b1' });
    const claimed = claimDueOutbound(t.deps.db, { now: t.clock.now(), inboxIds: [world.inboxId], limit: 10 });
    expect(claimed.map((c) => c.row.id).sort()).toEqual([a1.outboxId, b1.outboxId].sort());
    expect(messageRow(a1.messageId).status).toBe('sending');
    expect(claimDueOutbound(t.deps.db, { now: t.clock.now(), inboxIds: [world.inboxId], limit: 10 })).toHaveLength(0);
  });

  test('holds back a recipient while their earlier message waits to retry', () => {
    const a = world.customer('15551003');
    const first = queue(a.conversationId, { kind: 'text', text: '1' });
    queue(a.conversationId, { kind: 'text', text: '2' });
    claimDueOutbound(t.deps.db, { now: t.clock.now(), inboxIds: [world.inboxId], limit: 10 });
    rescheduleOutbound(t.deps.db, { outboxId: first.outboxId, nextAttemptAt: t.clock.now() + 60_000, error: { code: 131000, title: 'x' }, now: t.clock.now() });
    expect(claimDueOutbound(t.deps.db, { now: t.clock.now(), inboxIds: [world.inboxId], limit: 10 })).toHaveLength(0);
    t.clock.advance(60_000);
    expect(claimDueOutbound(t.deps.db, { now: t.clock.now(), inboxIds: [world.inboxId], limit: 10 }).map((c) => c.row.id)).toEqual([first.outboxId]);
  });

  test('does not claim rows of inboxes left out (a paused number)', () => {
    const a = world.customer('15551004');
    queue(a.conversationId, { kind: 'text', text: '1' });
    expect(claimDueOutbound(t.deps.db, { now: t.clock.now(), inboxIds: [], limit: 10 })).toHaveLength(0);
    expect(outboxRows()[0]!.status).toBe('queued');
  });

  test('marks a sent row with its WhatsApp id', () => {
    const a = world.customer('15551005');
    const q = queue(a.conversationId, { kind: 'text', text: '1' });
    claimDueOutbound(t.deps.db, { now: t.clock.now(), inboxIds: [world.inboxId], limit: 10 });
    markOutboundSent(t.deps.db, { outboxId: q.outboxId, waMessageId: 'wamid.S1', now: t.clock.now() });
    expect(outboxRow(q.outboxId)).toMatchObject({ status: 'sent', waMessageId: 'wamid.S1', leaseUntil: null });
    expect(messageRow(q.messageId)).toMatchObject({ status: 'sent', waMessageId: 'wamid.S1' });
  });

  test('turns a row left sending past its lease into unknown, and never hands it out again', () => {
    const a = world.customer('15551006');
    const q = queue(a.conversationId, { kind: 'text', text: '1' });
    claimDueOutbound(t.deps.db, { now: t.clock.now(), inboxIds: [world.inboxId], limit: 10, leaseMs: 1000 });
    expect(markExpiredLeasesUnknown(t.deps.db, { now: t.clock.now() })).toBe(0);
    t.clock.advance(1001);
    expect(markExpiredLeasesUnknown(t.deps.db, { now: t.clock.now() })).toBe(1);
    expect(outboxRow(q.outboxId).status).toBe('unknown');
    expect(messageRow(q.messageId).status).toBe('unknown');
    expect(claimDueOutbound(t.deps.db, { now: t.clock.now(), inboxIds: [world.inboxId], limit: 10 })).toHaveLength(0);
  });

  test('after a restart treats every row left sending as unknown at once, lease or not', () => {
    const a = world.customer('15551016');
    const q = queue(a.conversationId, { kind: 'text', text: '1' });
    claimDueOutbound(t.deps.db, { now: t.clock.now(), inboxIds: [world.inboxId], limit: 10 });
    expect(markExpiredLeasesUnknown(t.deps.db, { now: t.clock.now(), all: true })).toBe(1);
    expect(outboxRow(q.outboxId).status).toBe('unknown');
  });

  test('reconciles an unknown row from a status webhook carrying its outbox id', () => {
    const a = world.customer('15551007');
    const q = queue(a.conversationId, { kind: 'text', text: '1' });
    claimDueOutbound(t.deps.db, { now: t.clock.now(), inboxIds: [world.inboxId], limit: 10, leaseMs: 1 });
    t.clock.advance(10);
    markExpiredLeasesUnknown(t.deps.db, { now: t.clock.now() });
    const result = reconcileUnknownOutbound({ outboxId: q.outboxId, waMessageId: 'wamid.R', status: 'delivered' }, t.deps);
    expect(result).toEqual({ messageId: q.messageId, reconciled: true });
    expect(outboxRow(q.outboxId)).toMatchObject({ status: 'sent', waMessageId: 'wamid.R' });
    expect(messageRow(q.messageId)).toMatchObject({ status: 'delivered', waMessageId: 'wamid.R' });
  });

  test('reconciles a failed status on an unknown row as failed with the reason', () => {
    const a = world.customer('15551008');
    const q = queue(a.conversationId, { kind: 'text', text: '1' });
    claimDueOutbound(t.deps.db, { now: t.clock.now(), inboxIds: [world.inboxId], limit: 10, leaseMs: 1 });
    t.clock.advance(10);
    markExpiredLeasesUnknown(t.deps.db, { now: t.clock.now() });
    reconcileUnknownOutbound({ outboxId: q.outboxId, waMessageId: 'wamid.F', status: 'failed', error: { code: 131047, title: 'Re-engagement message' } }, t.deps);
    expect(outboxRow(q.outboxId).status).toBe('failed');
    expect(messageRow(q.messageId)).toMatchObject({ status: 'failed', errorCode: 131047 });
  });

  test('never moves a message status backwards on a late reconcile', () => {
    const a = world.customer('15551009');
    const q = queue(a.conversationId, { kind: 'text', text: '1' });
    claimDueOutbound(t.deps.db, { now: t.clock.now(), inboxIds: [world.inboxId], limit: 10 });
    markOutboundSent(t.deps.db, { outboxId: q.outboxId, waMessageId: 'wamid.X', now: t.clock.now() });
    reconcileUnknownOutbound({ outboxId: q.outboxId, waMessageId: 'wamid.X', status: 'read' }, t.deps);
    reconcileUnknownOutbound({ outboxId: q.outboxId, waMessageId: 'wamid.X', status: 'delivered' }, t.deps);
    expect(messageRow(q.messageId).status).toBe('read');
  });

  test('sends a row dead after its last attempt, shown failed with the last error', () => {
    const a = world.customer('15551010');
    const q = queue(a.conversationId, { kind: 'text', text: '1' });
    let status: string | null = null;
    for (let i = 0; i < OUTBOX_MAX_ATTEMPTS; i++) {
      claimDueOutbound(t.deps.db, { now: t.clock.now(), inboxIds: [world.inboxId], limit: 10 });
      ({ status } = rescheduleOutbound(t.deps.db, { outboxId: q.outboxId, nextAttemptAt: t.clock.now(), error: { code: 131000, title: 'Something went wrong' }, now: t.clock.now() }));
    }
    expect(status).toBe('dead');
    expect(outboxRow(q.outboxId)).toMatchObject({ status: 'dead', attempts: OUTBOX_MAX_ATTEMPTS });
    expect(JSON.parse(outboxRow(q.outboxId).lastError!)).toEqual({ code: 131000, title: 'Something went wrong' });
    expect(messageRow(q.messageId)).toMatchObject({ status: 'failed', errorCode: 131000 });
  });

  test('sends a row dead once it is a day old, whatever its attempts', () => {
    const a = world.customer('15551011');
    const q = queue(a.conversationId, { kind: 'template', name: 't', language: 'en', variables: [] });
    t.clock.advance(24 * HOUR);
    claimDueOutbound(t.deps.db, { now: t.clock.now(), inboxIds: [world.inboxId], limit: 10 });
    expect(rescheduleOutbound(t.deps.db, { outboxId: q.outboxId, nextAttemptAt: t.clock.now(), error: { code: 1, title: 'x' }, now: t.clock.now() }).status).toBe('dead');
  });

  test('a dead row no longer blocks the recipient', () => {
    const a = world.customer('15551012');
    const first = queue(a.conversationId, { kind: 'text', text: '1' });
    const second = queue(a.conversationId, { kind: 'text', text: '2' });
    claimDueOutbound(t.deps.db, { now: t.clock.now(), inboxIds: [world.inboxId], limit: 10 });
    markOutboundFailed(t.deps.db, { outboxId: first.outboxId, error: { code: 131026, title: 'undeliverable' }, now: t.clock.now() });
    expect(claimDueOutbound(t.deps.db, { now: t.clock.now(), inboxIds: [world.inboxId], limit: 10 }).map((c) => c.row.id)).toEqual([second.outboxId]);
  });

  test('resends a dead message as a new outbox row', () => {
    const a = world.customer('15551013');
    const q = queue(a.conversationId, { kind: 'text', text: '1' });
    claimDueOutbound(t.deps.db, { now: t.clock.now(), inboxIds: [world.inboxId], limit: 10 });
    markOutboundFailed(t.deps.db, { outboxId: q.outboxId, error: { code: 131000, title: 'x' }, now: t.clock.now() });
    const { outboxId } = resendDeadMessage({ messageId: q.messageId }, t.deps);
    expect(outboxId).not.toBe(q.outboxId);
    expect(outboxRow(outboxId)).toMatchObject({ status: 'queued', messageId: q.messageId, payload: outboxRow(q.outboxId).payload });
    expect(outboxRow(q.outboxId).status).toBe('failed');
    expect(messageRow(q.messageId)).toMatchObject({ status: 'queued', errorCode: null });
  });

  test('offers no resend for an unknown row until the reconcile window has passed', () => {
    const a = world.customer('15551014');
    const q = queue(a.conversationId, { kind: 'text', text: '1' });
    claimDueOutbound(t.deps.db, { now: t.clock.now(), inboxIds: [world.inboxId], limit: 10, leaseMs: 1 });
    t.clock.advance(10);
    markExpiredLeasesUnknown(t.deps.db, { now: t.clock.now() });
    expectAppError(() => resendDeadMessage({ messageId: q.messageId }, t.deps), 409, 'conversations.not_resendable');
    t.clock.advance(UNKNOWN_RECONCILE_WINDOW_MS);
    expect(() => resendDeadMessage({ messageId: q.messageId }, t.deps)).not.toThrow();
    expect(outboxRows()).toHaveLength(2);
  });

  test('refuses to resend free text once the window has closed', () => {
    const a = world.customer('15551015');
    const q = queue(a.conversationId, { kind: 'text', text: '1' });
    claimDueOutbound(t.deps.db, { now: t.clock.now(), inboxIds: [world.inboxId], limit: 10 });
    markOutboundFailed(t.deps.db, { outboxId: q.outboxId, error: { code: 131000, title: 'x' }, now: t.clock.now() });
    t.clock.advance(25 * HOUR);
    expectAppError(() => resendDeadMessage({ messageId: q.messageId }, t.deps), 409, 'conversations.reply_window_closed');
    expect(outboxRows()).toHaveLength(1);
  });
});
