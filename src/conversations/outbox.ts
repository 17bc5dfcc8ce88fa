import type { Clock } from '../platform/clock';
import type { Db } from '../platform/db/client';
import type { NewId } from '../platform/ids';
import { runInTransaction } from '../platform/db/client';
import type { WakeName } from '../platform/wake';
import type { MessageStatus, OutboxStatus } from './conversations.tables';
import { needsReplyWindow, type OutboxPayload } from './outbound-content';
import { isReplyWindowOpen } from './reply-window';
import { createMessageNotFoundError, createNotResendableError, createReplyWindowClosedError } from './conversations.errors';
import * as repo from './outbox.repository';

/** A send in flight longer than this is presumed lost with its worker (the HTTP timeout is well below it). */
export const OUTBOX_LEASE_MS = 120_000;
export const OUTBOX_MAX_ATTEMPTS = 8;
/** By then the 24-hour window has usually closed anyway. */
export const OUTBOX_MAX_AGE_MS = 24 * 60 * 60 * 1000;
/** How long an `unknown` row waits for a status webhook before the agent is offered a manual resend. */
export const UNKNOWN_RECONCILE_WINDOW_MS = 5 * 60 * 1000;

export interface OutboxError {
  code: number | null;
  title: string;
  detail?: string | null;
}

export interface ClaimedOutbound {
  row: repo.OutboxRow;
  payload: OutboxPayload;
}

const failureFields = (error: OutboxError) => ({ errorCode: error.code, errorTitle: error.title, errorDetail: error.detail ?? null });

/** Claims up to `limit` due rows (first in line per recipient) of the given inboxes with a lease; the message shows `sending`. */
export function claimDueOutbound(db: Db, { now, inboxIds, limit, leaseMs = OUTBOX_LEASE_MS }: { now: number; inboxIds: string[]; limit: number; leaseMs?: number }): ClaimedOutbound[] {
  return runInTransaction(db, (tx) => {
    const claimed: ClaimedOutbound[] = [];
    for (const candidate of repo.selectClaimable(tx, { now, inboxIds, limit })) {
      const row = repo.claimRow(tx, { id: candidate.id, now, leaseUntil: now + leaseMs });
      if (!row) continue;
      repo.updateMessageDelivery(tx, row.messageId, { status: 'sending', statusAt: now });
      claimed.push({ row, payload: JSON.parse(row.payload) as OutboxPayload });
    }
    return claimed;
  });
}

export function markOutboundSent(db: Db, { outboxId, waMessageId, now }: { outboxId: string; waMessageId: string; now: number }) {
  runInTransaction(db, (tx) => {
    const row = repo.transitionOutbox(tx, outboxId, ['sending', 'unknown', 'queued'], { status: 'sent', waMessageId, leaseUntil: null, lastError: null, updatedAt: now });
    if (row) applyToMessage(tx, row, { status: 'sent', waMessageId, now });
  });
}

/** Meta refused the message for good (window closed, undeliverable, bad parameter…): the agent sees why. */
export function markOutboundFailed(db: Db, { outboxId, error, now }: { outboxId: string; error: OutboxError; now: number }) {
  runInTransaction(db, (tx) => {
    const row = repo.transitionOutbox(tx, outboxId, ['sending', 'queued', 'unknown'], { status: 'failed', leaseUntil: null, lastError: JSON.stringify(error), updatedAt: now });
    if (row && isLatest(tx, row)) repo.updateMessageDelivery(tx, row.messageId, { status: 'failed', statusAt: now, ...failureFields(error) });
  });
}

/** The request may have reached Meta (timeout, reset after writing): never resent automatically. */
export function markOutboundUnknown(db: Db, { outboxId, error, now }: { outboxId: string; error?: OutboxError; now: number }) {
  runInTransaction(db, (tx) => {
    const row = repo.transitionOutbox(tx, outboxId, ['sending'], { status: 'unknown', leaseUntil: null, lastError: error ? JSON.stringify(error) : null, updatedAt: now });
    if (row && isLatest(tx, row)) repo.updateMessageDelivery(tx, row.messageId, { status: 'unknown', statusAt: now });
  });
}

/**
 * The number works again after an outage: everything of this inbox waiting for a later retry is due now, so the
 * backlog drains at the send rate instead of trickling out at each row's own backoff time. Returns how many.
 */
export function retryInboxQueueNow(db: Db, { inboxId, now }: { inboxId: string; now: number }): number {
  return repo.bringForwardQueued(db, { inboxId, now });
}

/**
 * A retryable failure: back to the queue for `nextAttemptAt`, unless the row is out of attempts or too old, in which
 * case it goes `dead` with the last error (the message shows failed, with a manual resend) and never blocks the loop.
 */
export function rescheduleOutbound(
  db: Db,
  { outboxId, nextAttemptAt, error, now, refundAttempt = false }: { outboxId: string; nextAttemptAt: number; error: OutboxError; now: number; refundAttempt?: boolean },
): { status: OutboxStatus | null } {
  return runInTransaction(db, (tx) => {
    const current = repo.findOutbox(tx, outboxId);
    if (!current || current.status !== 'sending') return { status: current?.status ?? null };
    const lastError = JSON.stringify(error);
    // An outage of Meta's side is not the message's fault: `refundAttempt` keeps it from using up its attempts.
    const attempts = refundAttempt ? Math.max(0, current.attempts - 1) : current.attempts;
    if (attempts >= OUTBOX_MAX_ATTEMPTS || now - current.createdAt >= OUTBOX_MAX_AGE_MS) {
      repo.transitionOutbox(tx, outboxId, ['sending'], { status: 'dead', leaseUntil: null, lastError, updatedAt: now });
      if (isLatest(tx, current)) repo.updateMessageDelivery(tx, current.messageId, { status: 'failed', statusAt: now, ...failureFields(error) });
      return { status: 'dead' };
    }
    repo.transitionOutbox(tx, outboxId, ['sending'], { status: 'queued', attempts, nextAttemptAt, leaseUntil: null, lastError, updatedAt: now });
    repo.updateMessageDelivery(tx, current.messageId, { status: 'queued', statusAt: now });
    return { status: 'queued' };
  });
}

/** Puts a claimed row back untouched (channel paused before or by this send): the attempt does not count. */
export function releaseOutbound(db: Db, { outboxId, now }: { outboxId: string; now: number }) {
  runInTransaction(db, (tx) => {
    const row = repo.transitionOutbox(tx, outboxId, ['sending'], { status: 'queued', leaseUntil: null, updatedAt: now });
    if (!row) return;
    repo.transitionOutbox(tx, outboxId, ['queued'], { attempts: Math.max(0, row.attempts - 1) });
    repo.updateMessageDelivery(tx, row.messageId, { status: 'queued', statusAt: now });
  });
}

/**
 * After a crash, rows left `sending` past their lease may or may not have reached Meta: they become `unknown`.
 * `all`: the process has just started and is the only sender (the pid file guarantees it), so every `sending` row
 * belongs to the one that died: waiting out its lease would only hold that customer's later messages back.
 */
export function markExpiredLeasesUnknown(db: Db, { now, exceptIds = [], all = false }: { now: number; exceptIds?: string[]; all?: boolean }): number {
  const rows = repo.expiredLeases(db, { now, exceptIds, all });
  for (const row of rows) markOutboundUnknown(db, { outboxId: row.id, error: { code: null, title: 'lease expired: the send may have reached WhatsApp' }, now });
  return rows.length;
}

const RANK: Partial<Record<MessageStatus, number>> = { sent: 1, delivered: 2, read: 3, played: 4 };

/**
 * A status webhook carried our outbox id (biz_opaque_callback_data): the send did reach Meta. Marks the row sent with
 * Meta's id (or failed), whatever state our side left it in, and moves the message status forward only.
 */
export function reconcileUnknownOutbound(
  input: { outboxId: string; waMessageId: string; status: MessageStatus; error?: OutboxError },
  deps: { db: Db; clock: Clock },
): { messageId: string | null; reconciled: boolean } {
  const now = deps.clock.now();
  return runInTransaction(deps.db, (tx) => {
    const current = repo.findOutbox(tx, input.outboxId);
    if (!current) return { messageId: null, reconciled: false };
    if (input.status === 'failed') {
      const row = repo.transitionOutbox(tx, current.id, ['sending', 'unknown', 'queued', 'dead'], { status: 'failed', waMessageId: input.waMessageId, leaseUntil: null, updatedAt: now });
      if (row && isLatest(tx, row)) repo.updateMessageDelivery(tx, row.messageId, { status: 'failed', statusAt: now, ...failureFields(input.error ?? { code: null, title: 'failed' }) });
      return { messageId: current.messageId, reconciled: Boolean(row) };
    }
    const row =
      repo.transitionOutbox(tx, current.id, ['sending', 'unknown', 'queued', 'dead', 'failed'], { status: 'sent', waMessageId: input.waMessageId, leaseUntil: null, updatedAt: now }) ??
      (current.status === 'sent' ? current : undefined);
    if (row) applyToMessage(tx, row, { status: input.status, waMessageId: input.waMessageId, now });
    return { messageId: current.messageId, reconciled: row !== current && Boolean(row) };
  });
}

/**
 * The agent's "resend" for a message whose last send is dead, failed, or unknown past the reconcile window: a NEW
 * outbox row with the same payload, so the old row keeps its history. The 24-hour rule applies again.
 */
export function resendDeadMessage(input: { messageId: string }, deps: { db: Db; clock: Clock; newId: NewId; wake?: (name: WakeName) => void }): { outboxId: string } {
  const now = deps.clock.now();
  const result = runInTransaction(deps.db, (tx) => {
    const last = repo.latestOutboxForMessage(tx, input.messageId);
    if (!last) throw createMessageNotFoundError();
    if (!canResend(last, now)) throw createNotResendableError();
    const payload = JSON.parse(last.payload) as OutboxPayload;
    const conversation = repo.conversationOfMessage(tx, input.messageId);
    if (needsReplyWindow(payload.content) && !isReplyWindowOpen({ lastInboundAt: conversation?.lastInboundAt, now })) throw createReplyWindowClosedError();
    const outboxId = deps.newId('obx');
    repo.insertOutboxRow(tx, { id: outboxId, messageId: last.messageId, inboxId: last.inboxId, recipient: last.recipient, payload: last.payload, now });
    repo.updateMessageDelivery(tx, last.messageId, { status: 'queued', statusAt: now, errorCode: null, errorTitle: null, errorDetail: null });
    return { outboxId };
  });
  deps.wake?.('outbox');
  return result;
}

/** Whether the UI may offer "resend": never while a send may still be reconciled by a late status webhook. */
export function canResend(row: Pick<repo.OutboxRow, 'status' | 'updatedAt'>, now: number): boolean {
  if (row.status === 'dead' || row.status === 'failed') return true;
  return row.status === 'unknown' && now - row.updatedAt >= UNKNOWN_RECONCILE_WINDOW_MS;
}

/** The outbox row of a message (latest attempt first), for the UI's "may not have been sent" and resend button. */
export const findLatestOutboxForMessage = (db: Db, messageId: string) => repo.latestOutboxForMessage(db, messageId);

function isLatest(db: Db, row: repo.OutboxRow): boolean {
  return repo.latestOutboxForMessage(db, row.messageId)?.id === row.id;
}

/** Only the latest send of a message speaks for it, and statuses only move forward (a late `sent` never undoes `read`). */
function applyToMessage(db: Db, row: repo.OutboxRow, { status, waMessageId, now }: { status: MessageStatus; waMessageId: string; now: number }) {
  if (!isLatest(db, row)) return;
  const message = repo.findMessageRow(db, row.messageId);
  if (!message) return;
  const forward = (RANK[status] ?? 0) > (RANK[message.status] ?? 0);
  const patch: Parameters<typeof repo.updateMessageDelivery>[2] = { status: forward ? status : message.status, statusAt: forward ? now : (message.statusAt ?? now) };
  if (!message.waMessageId) patch.waMessageId = waMessageId;
  if (forward) Object.assign(patch, { errorCode: null, errorTitle: null, errorDetail: null });
  repo.updateMessageDelivery(db, row.messageId, patch);
}
