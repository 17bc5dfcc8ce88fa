import { eq, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { prepared } from '../platform/db/prepared';
import { messages, type MessageStatus } from './conversations.tables';
import type { MetaErrorInfo } from './message-content';
import { findMessageByWaId } from './messages.repository';
import { reconcileUnknownOutbound } from './outbox';

export interface DeliveryStatusInput {
  waMessageId: string;
  status: 'sent' | 'delivered' | 'read' | 'played' | 'failed';
  /** When WhatsApp says it happened (epoch ms). */
  at: number;
  errors?: MetaErrorInfo[];
  /** `biz_opaque_callback_data`: our outbox id, set on every send. */
  callbackData?: string | null;
}

export type DeliveryStatusOutcome = 'applied' | 'reconciled' | 'stale' | 'unknown-message';

/** Delivery states only move forward; `failed` sits between sent and delivered (a later delivery proves it arrived). */
const RANK: Record<MessageStatus, number> = { received: -1, queued: 0, sending: 1, unknown: 1, sent: 2, failed: 3, delivered: 4, read: 5, played: 6 };

export const isStatusForward = (current: MessageStatus, next: MessageStatus) => RANK[next] > RANK[current];

/**
 * Applies a status webhook to the outgoing message it concerns, monotonically (a late `delivered` never undoes
 * `read`; a repeat changes nothing). A send whose WhatsApp id we never stored is found by our outbox id
 * (biz_opaque_callback_data) and reconciled by the outbox. Synchronous; use inside a transaction.
 */
export function recordDeliveryStatus(input: DeliveryStatusInput, deps: { db: Db }): DeliveryStatusOutcome {
  const { db } = deps;
  let message = findMessageByWaId(db, input.waMessageId);
  if (!message && input.callbackData) {
    // We never learned this send's WhatsApp id (crash mid-send, or the status beat the send response):
    // the outbox owns that recovery, whatever state its row is in.
    const error = input.errors?.[0];
    const { messageId, reconciled } = reconcileUnknownOutbound(
      { outboxId: input.callbackData, waMessageId: input.waMessageId, status: input.status, error: error ? { code: error.code ?? null, title: error.title ?? 'failed', detail: error.detail ?? null } : undefined },
      { db, clock: { now: () => input.at } },
    );
    if (reconciled && messageId) return 'reconciled';
    message = findMessageByWaId(db, input.waMessageId);
  }
  if (!message || message.direction !== 'out') return 'unknown-message';
  if (!isStatusForward(message.status, input.status)) return 'stale';
  const error = input.status === 'failed' ? (input.errors?.[0] ?? {}) : null;
  setStatus(db).run({ id: message.id, status: input.status, at: input.at, code: error?.code ?? null, title: error?.title ?? null, detail: error?.detail ?? null });
  return 'applied';
}

const setStatus = (db: Db) =>
  prepared(db, 'messages.setStatus', (d) =>
    d
      .update(messages)
      .set({
        status: sql`${sql.placeholder('status')}`,
        statusAt: sql`${sql.placeholder('at')}`,
        errorCode: sql`${sql.placeholder('code')}`,
        errorTitle: sql`${sql.placeholder('title')}`,
        errorDetail: sql`${sql.placeholder('detail')}`,
      })
      .where(eq(messages.id, sql.placeholder('id')))
      .prepare(),
  );
