import { runInTransaction } from '../platform/db/client';
import { recordAudit, type AuditActor } from '../audit/record-audit';
import type { AccountDeps } from './accounts.deps';
import { createUserNotFoundError } from './accounts.errors';
import { passwordSchema } from './accounts.schemas';
import { hashPassword } from './passwords';
import { deleteUserSessions } from './sessions.repository';
import { findUserById, updateUser } from './users.repository';

/**
 * Sets a new password and signs the user out everywhere (a stolen session must not survive a reset),
 * except the session that made the change when the user changes their own password.
 */
export async function changePassword(
  { userId, password, keepSession }: { userId: string; password: string; keepSession?: string },
  actor: AuditActor,
  deps: AccountDeps,
) {
  const valid = passwordSchema.parse(password);
  const passwordHash = await hashPassword(valid);
  runInTransaction(deps.db, (tx) => {
    if (!findUserById(tx, userId)) throw createUserNotFoundError();
    const now = deps.clock.now();
    updateUser(tx, userId, { passwordHash, updatedAt: now });
    deleteUserSessions(tx, userId, { keep: keepSession });
    recordAudit(tx, { newId: deps.newId, now }, actor, { action: 'user.password_changed', targetType: 'user', targetId: userId });
  });
}
