import { and, eq, gt, lt, ne, or } from 'drizzle-orm';
import { sessions, users } from './accounts.tables';
import type { Db } from '../platform/db/client';

export type SessionRow = typeof sessions.$inferSelect;

export const insertSession = (db: Db, row: typeof sessions.$inferInsert) => db.insert(sessions).values(row).run();

/** The live session with its user, or undefined when expired, idle too long or the user is disabled. */
export function findLiveSession(db: Db, idHash: string, { now, idleCutoff }: { now: number; idleCutoff: number }) {
  return db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, now), gt(sessions.lastSeenAt, idleCutoff)))
    .get();
}

export const touchSession = (db: Db, idHash: string, now: number) =>
  db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash)).run();

export const deleteSession = (db: Db, idHash: string) => db.delete(sessions).where(eq(sessions.idHash, idHash)).run();

/** Signs a user out everywhere, optionally keeping the session that made the change. */
export const deleteUserSessions = (db: Db, userId: string, { keep }: { keep?: string } = {}) =>
  db
    .delete(sessions)
    .where(keep ? and(eq(sessions.userId, userId), ne(sessions.idHash, keep)) : eq(sessions.userId, userId))
    .run();

export const deleteExpiredSessions = (db: Db, { now, idleCutoff }: { now: number; idleCutoff: number }) =>
  db.delete(sessions).where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleCutoff))).run();
