import { and, asc, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { reportPresenceLog } from './reports.tables';

/**
 * Milliseconds each user was online within [from, to), from the presence history. The status in force at `from` is
 * the last change before it; until the first change ever recorded the time is unknown and left out. Users with no
 * history at all are absent from the map ("not tracked").
 */
export function onlineTime(db: Db, userIds: readonly string[], window: { from: number; to: number }): Map<string, number> {
  const result = new Map<string, number>();
  if (userIds.length === 0) return result;
  const before = db
    .select({ userId: reportPresenceLog.userId, status: reportPresenceLog.status, at: sql<number>`max(${reportPresenceLog.at})` })
    .from(reportPresenceLog)
    .where(and(inArray(reportPresenceLog.userId, [...userIds]), lt(reportPresenceLog.at, window.from)))
    .groupBy(reportPresenceLog.userId)
    .all();
  const changes = db
    .select({ userId: reportPresenceLog.userId, status: reportPresenceLog.status, at: reportPresenceLog.at })
    .from(reportPresenceLog)
    .where(and(inArray(reportPresenceLog.userId, [...userIds]), gte(reportPresenceLog.at, window.from), lt(reportPresenceLog.at, window.to)))
    .orderBy(asc(reportPresenceLog.userId), asc(reportPresenceLog.at), asc(reportPresenceLog.id))
    .all();
  const state = new Map<string, { status: string; since: number }>();
  for (const row of before) state.set(row.userId, { status: row.status, since: window.from });
  const add = (userId: string, ms: number) => result.set(userId, (result.get(userId) ?? 0) + ms);
  for (const change of changes) {
    const current = state.get(change.userId);
    if (current?.status === 'online') add(change.userId, change.at - current.since);
    else if (!result.has(change.userId)) result.set(change.userId, 0);
    state.set(change.userId, { status: change.status, since: change.at });
  }
  for (const [userId, current] of state) {
    if (current.status === 'online') add(userId, window.to - current.since);
    else if (!result.has(userId)) result.set(userId, 0);
  }
  return result;
}
