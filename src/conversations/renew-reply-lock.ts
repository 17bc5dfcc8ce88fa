import { and, eq, gt } from 'drizzle-orm';
import type { Clock } from '../platform/clock';
import type { Db } from '../platform/db/client';
import { conversationLocks } from './locks.tables';
import { findLock, touchAgentActivity } from './locks.repository';
import { lockState, type LockState } from './reply-lock';

/**
 * Pushes the holder's lock out by the lock length again (typing, sending). Only a live lock of the viewer's own is
 * renewed; an expired or taken-over one is not silently revived — the caller gets the current state instead.
 */
export function renewReplyLock(input: { conversationId: string; userId: string; lockMinutes: number }, deps: { db: Db; clock: Clock }): LockState {
  const now = deps.clock.now();
  deps.db
    .update(conversationLocks)
    .set({ renewedAt: now, expiresAt: now + input.lockMinutes * 60_000 })
    .where(and(eq(conversationLocks.conversationId, input.conversationId), eq(conversationLocks.holderId, input.userId), gt(conversationLocks.expiresAt, now)))
    .run();
  const state = lockState({ lock: findLock(deps.db, input.conversationId), viewerId: input.userId, now });
  if (state.kind === 'mine') touchAgentActivity(deps.db, input.conversationId, input.userId, now);
  return state;
}
