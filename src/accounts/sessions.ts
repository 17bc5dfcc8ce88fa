import { newSecretToken, sha256Hex } from '../platform/crypto';
import type { Db } from '../platform/db/client';
import { deleteExpiredSessions, deleteSession, findLiveSession, insertSession, touchSession } from './sessions.repository';
import type { User } from './users.repository';

export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
export const SESSION_MAX_MS = 7 * 24 * 60 * 60 * 1000;
/** lastSeenAt is written at most this often, so browsing does not turn every page view into a disk write. */
const TOUCH_EVERY_MS = 60 * 1000;

export interface Viewer {
  user: Pick<User, 'id' | 'email' | 'name' | 'role' | 'locale'>;
  sessionHash: string;
  csrfToken: string;
}

/** Starts a fresh session (never reusing an id the browser presented: no fixation). Returns the cookie value. */
export function startSession(db: Db, { userId, now, ip, userAgent }: { userId: string; now: number; ip: string; userAgent: string }) {
  const token = newSecretToken();
  insertSession(db, {
    idHash: sha256Hex(token),
    userId,
    csrfToken: newSecretToken(),
    createdAt: now,
    lastSeenAt: now,
    expiresAt: now + SESSION_MAX_MS,
    ip,
    userAgent: userAgent.slice(0, 300),
  });
  return { token };
}

export function resolveSession(db: Db, token: string | undefined, now: number): Viewer | undefined {
  if (!token || token.length > 100) return undefined;
  const sessionHash = sha256Hex(token);
  const found = findLiveSession(db, sessionHash, { now, idleCutoff: now - SESSION_IDLE_MS });
  if (!found || found.user.disabledAt !== null) return undefined;
  if (now - found.session.lastSeenAt > TOUCH_EVERY_MS) touchSession(db, sessionHash, now);
  const { id, email, name, role, locale } = found.user;
  return { user: { id, email, name, role, locale }, sessionHash, csrfToken: found.session.csrfToken };
}

export const endSession = (db: Db, sessionHash: string) => deleteSession(db, sessionHash);

export const purgeExpiredSessions = (db: Db, now: number) => deleteExpiredSessions(db, { now, idleCutoff: now - SESSION_IDLE_MS });
