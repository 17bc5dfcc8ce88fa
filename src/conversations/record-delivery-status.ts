import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { prepared } from '../platform/db/prepared';
import { messages, outboundMessages, type MessageStatus } from './conversations.tables';
import type { MetaErrorInfo } from './message-content';
import { findMessage, findMessageByWaId } from './messages.repository';

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
 * `read`; a repeat changes nothing). A send whose response we never saw (outbox row `unknown`) is found by our
 * outbox id and reconciled: it gets its WhatsApp id and counts as sent. Synchronous; use inside a transaction.
 */
export function recordDeliveryStatus(input: DeliveryStatusInput, deps: { db: Db }): DeliveryStatusOutcome {
  const { db } = deps;
  let outcome: DeliveryStatusOutcome = 'applied';
  let message = findMessageByWaId(db, input.waMessageId);
  if (!message && input.callbackData) {
    const outbox = db
      .select()
      .from(outboundMessages)
      .where(and(eq(outboundMessages.id, input.callbackData), eq(outboundMessages.status, 'unknown')))
      .get();
    const target = outbox ? findMessage(db, outbox.messageId) : undefined;
    if (outbox && target && !target.waMessageId) {
      db.update(outboundMessages).set({ status: 'sent', waMessageId: input.waMessageId, leaseUntil: null, updatedAt: input.at }).where(eq(outboundMessages.id, outbox.id)).run();
      db.update(messages).set({ waMessageId: input.waMessageId, status: 'sent', statusAt: input.at }).where(eq(messages.id, target.id)).run();
      message = { ...target, waMessageId: input.waMessageId, status: 'sent' };
      outcome = 'reconciled';
    }
  }
  if (!message || message.direction !== 'out') return 'unknown-message';
  if (!isStatusForward(message.status, input.status)) return outcome === 'reconciled' ? outcome : 'stale';
  const error = input.status === 'failed' ? (input.errors?.[0] ?? {}) : null;
  setStatus(db).run({ id: message.id, status: input.status, at: input.at, code: error?.code ?? null, title: error?.title ?? null, detail: error?.detail ?? null });
  return outcome;
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
