import type { Clock } from '../platform/clock';
import { runInTransaction, type Db } from '../platform/db/client';
import type { NewId } from '../platform/ids';
import type { Role } from '../accounts/accounts.tables';
import { recordAudit, type AuditActor } from '../audit/record-audit';
import { conversationLocks } from './locks.tables';
import { findLock, touchAgentActivity, userName } from './locks.repository';
import { recordActionEvent } from './record-conversation-event';
import { canTakeOver, createTakeOverForbiddenError, lockState, type LockState } from './reply-lock';
import type { LiveHub } from '../platform/live-hub';

export interface TakeOverInput {
  conversationId: string;
  user: { id: string; name: string; role: Role };
  lockMinutes: number;
  actor: AuditActor;
}

/**
 * A supervisor or admin takes the reply lock from whoever holds it (or simply takes a free one). Taking it from a
 * person leaves "Lock taken over by X from Y" in the timeline and a line in the audit log. Agents get 403.
 */
export function takeOverReplyLock(input: TakeOverInput, deps: { db: Db; clock: Clock; newId: NewId } & { live?: LiveHub }): LockState {
  if (!canTakeOver(input.user.role)) throw createTakeOverForbiddenError();
  const now = deps.clock.now();
  const expiresAt = now + input.lockMinutes * 60_000;
  runInTransaction(deps.db, (tx) => {
    const current = lockState({ lock: findLock(tx, input.conversationId), viewerId: input.user.id, now });
    tx.insert(conversationLocks)
      .values({ conversationId: input.conversationId, holderId: input.user.id, acquiredAt: now, renewedAt: now, expiresAt })
      .onConflictDoUpdate({ target: conversationLocks.conversationId, set: { holderId: input.user.id, acquiredAt: now, renewedAt: now, expiresAt } })
      .run();
    touchAgentActivity(tx, input.conversationId, input.user.id, now);
    if (current.kind !== 'held-by-other') return;
    const from = userName(tx, current.holderId);
    recordActionEvent(
      tx,
      {
        conversationId: input.conversationId,
        actorId: input.user.id,
        content: { event: 'lock_taken_over', actor: input.user.name, from, fromId: current.holderId },
        body: `Lock taken over by ${input.user.name} from ${from}`,
      },
      { newId: deps.newId, now },
    );
    recordAudit(tx, { newId: deps.newId, now }, input.actor, {
      action: 'conversation.lock_taken_over',
      targetType: 'conversation',
      targetId: input.conversationId,
      details: { fromUserId: current.holderId },
    });
  });
  deps.live?.publish({ type: 'lock.changed', conversationId: input.conversationId });
  return { kind: 'mine', expiresAt };
}
