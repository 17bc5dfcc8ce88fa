import { runInTransaction } from '../platform/db/client';
import { recordAudit, type AuditActor } from '../audit/record-audit';
import type { AccountDeps } from './accounts.deps';
import { createEmailTakenError, createSetupDoneError } from './accounts.errors';
import { newUserSchema, type NewUserInput } from './accounts.schemas';
import { hashPassword } from './passwords';
import { countUsers, findUserByEmail, insertUser } from './users.repository';

/**
 * Adds a user. Input is validated here too, so the CLI, forms and invitations share one set of rules.
 * `onlyIfFirst` makes first-run setup race-free: the emptiness check and the insert share one transaction.
 */
export async function createUser(
  input: NewUserInput & { locale?: 'en' | 'ar' },
  actor: AuditActor,
  deps: AccountDeps,
  { onlyIfFirst = false }: { onlyIfFirst?: boolean } = {},
) {
  const valid = newUserSchema.parse(input);
  const passwordHash = await hashPassword(valid.password);
  return runInTransaction(deps.db, (tx) => {
    if (onlyIfFirst && countUsers(tx) > 0) throw createSetupDoneError();
    if (findUserByEmail(tx, valid.email)) throw createEmailTakenError();
    const now = deps.clock.now();
    const id = deps.newId('usr');
    insertUser(tx, {
      id,
      email: valid.email,
      name: valid.name,
      role: valid.role,
      passwordHash,
      locale: input.locale ?? 'en',
      createdAt: now,
      updatedAt: now,
    });
    recordAudit(tx, { newId: deps.newId, now }, actor, {
      action: 'user.created',
      targetType: 'user',
      targetId: id,
      details: { email: valid.email, role: valid.role },
    });
    return { userId: id };
  });
}
