import { and, eq, isNull, or } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { conversationLocks } from './locks.tables';
import { conversations } from './conversations.tables';
import { users } from '../accounts/accounts.tables';
import type { LockRow } from './reply-lock';

export function findLock(db: Db, conversationId: string): LockRow | undefined {
  return db.select().from(conversationLocks).where(eq(conversationLocks.conversationId, conversationId)).get();
}

export function deleteLock(db: Db, conversationId: string, holderId?: string) {
  const where = holderId
    ? and(eq(conversationLocks.conversationId, conversationId), eq(conversationLocks.holderId, holderId))
    : eq(conversationLocks.conversationId, conversationId);
  return db.delete(conversationLocks).where(where).returning({ id: conversationLocks.conversationId }).all().length > 0;
}

/**
 * Agent activity that keeps a waiting conversation with its assignee (idle release reads it). Counted for the
 * assignee only: a supervisor glancing in must not keep a neglected customer away from the queue.
 */
export function touchAgentActivity(db: Db, conversationId: string, userId: string, now: number) {
  db.update(conversations)
    .set({ lastAgentActivityAt: now })
    .where(and(eq(conversations.id, conversationId), or(eq(conversations.assigneeId, userId), isNull(conversations.assigneeId))))
    .run();
}


/** The display name of a user, for banners and timeline lines. */
export function userName(db: Db, userId: string): string {
  return db.select({ name: users.name }).from(users).where(eq(users.id, userId)).get()?.name ?? '';
}
