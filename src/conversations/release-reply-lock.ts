import type { Db } from '../platform/db/client';
import { deleteLock } from './locks.repository';
import type { LiveHub } from '../platform/live-hub';

/** The holder lets go (sent and left the page). Someone else's lock is left alone. */
export function releaseReplyLock(input: { conversationId: string; userId: string }, deps: { db: Db } & { live?: LiveHub }): { released: boolean } {
  const released = deleteLock(deps.db, input.conversationId, input.userId);
  if (released) deps.live?.publish({ type: 'lock.changed', conversationId: input.conversationId });
  return { released };
}
