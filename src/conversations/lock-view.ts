import type { Db } from '../platform/db/client';
import type { Role } from '../accounts/accounts.tables';
import { findLock, userName } from './locks.repository';
import { canTakeOver, lockState } from './reply-lock';

/** What the composer shows about the reply lock to one viewer. */
export interface LockView {
  conversationId: string;
  kind: 'free' | 'mine' | 'held-by-other';
  holderName: string;
  expiresAt: number | null;
  remainingMs: number;
  canTakeOver: boolean;
}

export function buildLockView(db: Db, conversationId: string, viewer: { id: string; role: Role }, now: number): LockView {
  const state = lockState({ lock: findLock(db, conversationId), viewerId: viewer.id, now });
  if (state.kind === 'held-by-other') {
    return { conversationId, kind: state.kind, holderName: userName(db, state.holderId), expiresAt: state.expiresAt, remainingMs: state.remainingMs, canTakeOver: canTakeOver(viewer.role) };
  }
  return { conversationId, kind: state.kind, holderName: '', expiresAt: state.kind === 'mine' ? state.expiresAt : null, remainingMs: state.kind === 'mine' ? state.expiresAt - now : 0, canTakeOver: false };
}
