import { and, asc, eq, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { conversations, media, messages } from './conversations.tables';

export type MediaRow = typeof media.$inferSelect;

export function findMedia(db: Db, id: string): MediaRow | undefined {
  return db.select().from(media).where(eq(media.id, id)).get();
}

/** A media row with the conversation and inbox it belongs to: what access checks and the worker need. */
export function findMediaWithOwner(db: Db, id: string) {
  return db
    .select({ media, conversationId: messages.conversationId, inboxId: conversations.inboxId, kind: messages.kind })
    .from(media)
    .innerJoin(messages, eq(messages.id, media.messageId))
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(eq(media.id, id))
    .get();
}

/** Pending downloads whose next attempt is due, oldest first. */
export function listDueMedia(db: Db, now: number, limit: number) {
  return db
    .select({ media, inboxId: conversations.inboxId, kind: messages.kind })
    .from(media)
    .innerJoin(messages, eq(messages.id, media.messageId))
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(and(eq(media.status, 'pending'), or(isNull(media.nextAttemptAt), lte(media.nextAttemptAt, now))))
    .orderBy(asc(media.nextAttemptAt), asc(media.id))
    .limit(limit)
    .all();
}

export function markMediaDownloaded(db: Db, id: string, file: { contentHash: string; bytes: number; mimeType: string; now: number }) {
  db.update(media)
    .set({ status: 'downloaded', contentHash: file.contentHash, bytes: file.bytes, mimeType: file.mimeType, attempts: 0, nextAttemptAt: null, lastError: null, updatedAt: file.now })
    .where(eq(media.id, id))
    .run();
}

/** Records a failed attempt: retried at `retryAt`, or given up (status failed) when `retryAt` is null. */
export function markMediaAttemptFailed(db: Db, id: string, failure: { attempts: number; error: string; retryAt: number | null; now: number }) {
  db.update(media)
    .set({
      status: failure.retryAt === null ? 'failed' : 'pending',
      attempts: failure.attempts,
      lastError: failure.error.slice(0, 500),
      nextAttemptAt: failure.retryAt,
      updatedAt: failure.now,
    })
    .where(eq(media.id, id))
    .run();
}
