import type { Role } from '../accounts/accounts.tables';
import { createErrorFactory } from '../platform/errors';

export interface LockRow {
  conversationId: string;
  holderId: string;
  acquiredAt: number;
  renewedAt: number;
  expiresAt: number;
}

export type LockState =
  | { kind: 'free' }
  | { kind: 'mine'; expiresAt: number }
  | { kind: 'held-by-other'; holderId: string; expiresAt: number; remainingMs: number };

/** What a lock means to one viewer now: an expired row is simply free. */
export function lockState({ lock, viewerId, now }: { lock: LockRow | null | undefined; viewerId: string; now: number }): LockState {
  if (!lock || lock.expiresAt <= now) return { kind: 'free' };
  if (lock.holderId === viewerId) return { kind: 'mine', expiresAt: lock.expiresAt };
  return { kind: 'held-by-other', holderId: lock.holderId, expiresAt: lock.expiresAt, remainingMs: lock.expiresAt - now };
}

/** Supervisors and admins may take a lock over (an agent gone to lunch mid-reply); agents wait for it to end. */
export const canTakeOver = (role: Role): boolean => role === 'admin' || role === 'supervisor';

/** Another person is replying: the send is refused (409) and nothing is queued. `name` fills the message. */
export const createLockHeldError = createErrorFactory({ code: 'conversations.locked', status: 409, messageKey: 'lock.error.held' });
export const createTakeOverForbiddenError = createErrorFactory({ code: 'conversations.take_over_forbidden', status: 403, messageKey: 'lock.error.takeOverForbidden' });
