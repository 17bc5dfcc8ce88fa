import { sql } from 'drizzle-orm';
import type { Clock } from '../platform/clock';
import type { Db } from '../platform/db/client';
import { conversationLocks } from './locks.tables';
import { findLock, touchAgentActivity, userName } from './locks.repository';
import { createLockHeldError, lockState, type LockState } from './reply-lock';
import type { LiveHub } from '../platform/live-hub';

export interface AcquireLockDeps {
  live?: LiveHub;
  db: Db;
  clock: Clock;
}

/**
 * Takes (or keeps) the reply lock for the viewer. ONE conditional upsert: the row is written only when there is none,
 * it has expired, or the viewer already holds it — so of two agents racing at the same instant exactly one wins, and
 * the other is told who holds it.
 */
export function acquireReplyLock(input: { conversationId: string; userId: string; lockMinutes: number }, deps: AcquireLockDeps): LockState {
  const now = deps.clock.now();
  const expiresAt = now + input.lockMinutes * 60_000;
  const before = findLock(deps.db, input.conversationId);
  deps.db
    .insert(conversationLocks)
    .values({ conversationId: input.conversationId, holderId: input.userId, acquiredAt: now, renewedAt: now, expiresAt })
    .onConflictDoUpdate({
      target: conversationLocks.conversationId,
      set: {
        holderId: sql`excluded.holder_id`,
        // Keeping one's own lock keeps its start; a fresh holder starts now.
        acquiredAt: sql`case when ${conversationLocks.holderId} = excluded.holder_id then ${conversationLocks.acquiredAt} else excluded.acquired_at end`,
        renewedAt: sql`excluded.renewed_at`,
        expiresAt: sql`excluded.expires_at`,
      },
      setWhere: sql`${conversationLocks.expiresAt} <= ${now} or ${conversationLocks.holderId} = excluded.holder_id`,
    })
    .run();
  const state = lockState({ lock: findLock(deps.db, input.conversationId), viewerId: input.userId, now });
  if (state.kind === 'mine') {
    touchAgentActivity(deps.db, input.conversationId, input.userId, now);
    if (before?.holderId !== input.userId || before.expiresAt <= now) {
      deps.live?.publish({ type: 'lock.changed', conversationId: input.conversationId });
    }
  }
  return state;
}

/** For the send routes: take or keep the lock, or refuse (409, naming the holder) when someone else is replying. */
export function claimReplyLock(input: { conversationId: string; userId: string; lockMinutes: number }, deps: AcquireLockDeps): void {
  const state = acquireReplyLock(input, deps);
  if (state.kind === 'held-by-other') throw createLockHeldError({ name: userName(deps.db, state.holderId) });
}

/** For senders that are not people (API tokens): a live lock means a person is replying, so refuse (409). */
export function refuseIfLocked(db: Db, conversationId: string, now: number): void {
  const lock = findLock(db, conversationId);
  if (lock && lock.expiresAt > now) throw createLockHeldError({ name: userName(db, lock.holderId) });
}
