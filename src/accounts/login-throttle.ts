import { eq, lt, sql } from 'drizzle-orm';
import { loginThrottle } from './accounts.tables';
import type { Db } from '../platform/db/client';

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_CLIENT = 20;

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const clientKey = (ip: string) => `client:${ip}`;

/**
 * Reserves one attempt for each key before any password is checked. The counter is bumped with a single
 * upsert per key (no read-then-write), so fifty parallel guesses get exactly the configured number of tries:
 * the reservation is taken back only when the password turns out right.
 */
export function reserveLoginAttempt(db: Db, keys: { key: string; limit: number }[], now: number): { allowed: boolean; retryAt: number } {
  let retryAt = 0;
  for (const { key, limit } of keys) {
    const row = db
      .insert(loginThrottle)
      .values({ key, failures: 1, windowStartedAt: now })
      .onConflictDoUpdate({
        target: loginThrottle.key,
        set: {
          // A window that has run out starts over at 1.
          failures: sql`CASE WHEN ${loginThrottle.windowStartedAt} <= ${now - THROTTLE_WINDOW_MS} THEN 1 ELSE ${loginThrottle.failures} + 1 END`,
          windowStartedAt: sql`CASE WHEN ${loginThrottle.windowStartedAt} <= ${now - THROTTLE_WINDOW_MS} THEN ${now} ELSE ${loginThrottle.windowStartedAt} END`,
        },
      })
      .returning()
      .get();
    if (row.failures > limit) retryAt = Math.max(retryAt, row.windowStartedAt + THROTTLE_WINDOW_MS);
  }
  return { allowed: retryAt === 0, retryAt };
}

/** A correct password gives the reserved attempt back: the account starts clean, the client gets its slot back. */
export function releaseLoginAttempt(db: Db, { accountKey, clientKey }: { accountKey: string; clientKey: string }) {
  db.delete(loginThrottle).where(eq(loginThrottle.key, accountKey)).run();
  db.update(loginThrottle)
    .set({ failures: sql`max(${loginThrottle.failures} - 1, 0)` })
    .where(eq(loginThrottle.key, clientKey))
    .run();
}

export function purgeStaleThrottles(db: Db, now: number) {
  db.delete(loginThrottle).where(lt(loginThrottle.windowStartedAt, now - THROTTLE_WINDOW_MS)).run();
}
