import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { invites, type Role } from './accounts.tables';
import { newSecretToken, sha256Hex } from '../platform/crypto';
import { runInTransaction, type Db } from '../platform/db/client';
import { recordAudit, type AuditActor } from '../audit/record-audit';
import type { AccountDeps } from './accounts.deps';
import { emailSchema, nameSchema, passwordSchema, roleSchema } from './accounts.schemas';
import { createEmailTakenError } from './accounts.errors';
import { findUserByEmail } from './users.repository';
import { createUser } from './create-user';

export const INVITE_TTL_MS = 72 * 60 * 60 * 1000;

/** Creates a single-use invitation that expires after 72 hours; returns the secret for the link. */
export function createInvite({ email, role }: { email: string; role: Role }, actor: AuditActor, deps: AccountDeps) {
  const validEmail = emailSchema.parse(email);
  const validRole = roleSchema.parse(role);
  const token = newSecretToken();
  const id = deps.newId('inv');
  runInTransaction(deps.db, (tx) => {
    if (findUserByEmail(tx, validEmail)) throw createEmailTakenError();
    const now = deps.clock.now();
    tx.insert(invites)
      .values({ id, tokenHash: sha256Hex(token), email: validEmail, role: validRole, createdBy: actor.id, createdAt: now, expiresAt: now + INVITE_TTL_MS })
      .run();
    recordAudit(tx, { newId: deps.newId, now }, actor, { action: 'invite.created', targetType: 'invite', targetId: id, details: { email: validEmail, role: validRole } });
  });
  return { id, token };
}

/** The open invitation behind a link, or undefined when it is unknown, used or expired. */
export function findOpenInvite(db: Db, token: string, now: number) {
  if (!token || token.length > 100) return undefined;
  return db
    .select()
    .from(invites)
    .where(and(eq(invites.tokenHash, sha256Hex(token)), isNull(invites.usedAt), gt(invites.expiresAt, now)))
    .get();
}

export const listPendingInvites = (db: Db, now: number) =>
  db
    .select({ id: invites.id, email: invites.email, role: invites.role, expiresAt: invites.expiresAt })
    .from(invites)
    .where(and(isNull(invites.usedAt), gt(invites.expiresAt, now)))
    .orderBy(desc(invites.createdAt))
    .all();

/**
 * Turns an invitation into an account. The invite is claimed with a conditional update first, so the same
 * link used twice at once creates one account and the second use is refused.
 */
export async function acceptInvite(
  { token, name, password, locale }: { token: string; name: string; password: string; locale?: 'en' | 'ar' },
  deps: AccountDeps,
) {
  // Field errors surface before the link is spent.
  nameSchema.parse(name);
  passwordSchema.parse(password);
  const invite = findOpenInvite(deps.db, token, deps.clock.now());
  if (!invite) return { ok: false as const };
  const claimed = deps.db
    .update(invites)
    .set({ usedAt: deps.clock.now() })
    .where(and(eq(invites.id, invite.id), isNull(invites.usedAt)))
    .returning({ id: invites.id })
    .all();
  if (claimed.length === 0) return { ok: false as const };
  const { userId } = await createUser({ email: invite.email, name, role: invite.role, password, locale }, { id: null, label: invite.email }, deps);
  return { ok: true as const, userId };
}
