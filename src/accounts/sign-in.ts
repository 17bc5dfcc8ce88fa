import type { Db } from '../platform/db/client';
import type { NewId } from '../platform/ids';
import { recordAudit } from '../audit/record-audit';
import { accountKey, clientKey, MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_CLIENT, releaseLoginAttempt, reserveLoginAttempt } from './login-throttle';
import { decoyPasswordHash, verifyPassword } from './passwords';
import { startSession } from './sessions';
import { findUserByEmail } from './users.repository';

export type SignInResult =
  | { ok: true; token: string; userId: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAt: number };

/**
 * Checks an email and password and opens a session. The same answer is given for an unknown email, a wrong
 * password and a disabled account, and each costs one argon2 verification, so neither reveals who exists.
 */
export async function signIn(
  { email, password, ip, userAgent }: { email: string; password: string; ip: string; userAgent: string },
  { db, clock, newId }: { db: Db; clock: { now(): number }; newId: NewId },
): Promise<SignInResult> {
  const keys = { accountKey: accountKey(email), clientKey: clientKey(ip) };
  const reservation = reserveLoginAttempt(
    db,
    [
      { key: keys.accountKey, limit: MAX_FAILURES_PER_ACCOUNT },
      { key: keys.clientKey, limit: MAX_FAILURES_PER_CLIENT },
    ],
    clock.now(),
  );
  const actor = { id: null, label: email.trim().toLowerCase().slice(0, 254), ip, userAgent };
  if (!reservation.allowed) {
    recordAudit(db, { newId, now: clock.now() }, actor, { action: 'login.throttled' });
    return { ok: false, reason: 'throttled', retryAt: reservation.retryAt };
  }

  const user = findUserByEmail(db, email);
  const matches = await verifyPassword(password, user?.passwordHash ?? (await decoyPasswordHash()));
  const now = clock.now();
  if (!user || !matches || user.disabledAt !== null) {
    recordAudit(db, { newId, now }, actor, { action: 'login.failed', targetType: 'user', targetId: user?.id ?? '' });
    return { ok: false, reason: 'invalid' };
  }

  releaseLoginAttempt(db, keys);
  const { token } = startSession(db, { userId: user.id, now, ip, userAgent });
  recordAudit(db, { newId, now }, { ...actor, id: user.id, label: user.email }, { action: 'login.succeeded', targetType: 'user', targetId: user.id });
  return { ok: true, token, userId: user.id };
}
