import { runInTransaction } from '../platform/db/client';
import { recordAudit, type AuditActor } from '../audit/record-audit';
import type { AccountDeps } from './accounts.deps';
import type { Role } from './accounts.tables';
import { createLastAdminError, createUserNotFoundError } from './accounts.errors';
import { deleteUserSessions } from './sessions.repository';
import { countOtherActiveAdmins, findUserById, updateUser } from './users.repository';

/**
 * Changes what a user may do: their role, or whether they can sign in at all. Any such change ends
 * all their sessions, so the new rights apply at once. The last active admin can be neither demoted nor disabled.
 */
export function updateUserAccess(
  { userId, role, disabled }: { userId: string; role?: Role; disabled?: boolean },
  actor: AuditActor,
  deps: AccountDeps,
) {
  return runInTransaction(deps.db, (tx) => {
    const user = findUserById(tx, userId);
    if (!user) throw createUserNotFoundError();
    const now = deps.clock.now();
    const losesAdmin = user.role === 'admin' && ((role !== undefined && role !== 'admin') || disabled === true);
    if (losesAdmin && user.disabledAt === null && countOtherActiveAdmins(tx, userId) === 0) throw createLastAdminError();

    const changes: { role?: Role; disabledAt?: number | null } = {};
    if (role !== undefined && role !== user.role) changes.role = role;
    if (disabled === true && user.disabledAt === null) changes.disabledAt = now;
    if (disabled === false && user.disabledAt !== null) changes.disabledAt = null;
    if (Object.keys(changes).length === 0) return { changed: false };

    updateUser(tx, userId, { ...changes, updatedAt: now });
    deleteUserSessions(tx, userId);
    const audit = { newId: deps.newId, now };
    if (changes.role) {
      recordAudit(tx, audit, actor, { action: 'user.role_changed', targetType: 'user', targetId: userId, details: { from: user.role, to: changes.role } });
    }
    if ('disabledAt' in changes) {
      recordAudit(tx, audit, actor, { action: changes.disabledAt ? 'user.disabled' : 'user.enabled', targetType: 'user', targetId: userId });
    }
    return { changed: true };
  });
}
