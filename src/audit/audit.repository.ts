import { and, asc, desc, eq, lt, type SQL } from 'drizzle-orm';
import { auditLog } from './audit.tables';
import type { Db } from '../platform/db/client';

export type AuditRow = typeof auditLog.$inferSelect;

/** Newest first, keyset-paged by id (ids sort by time). */
export function listAuditEntries(db: Db, { action, before, limit }: { action?: string; before?: string; limit: number }): AuditRow[] {
  const filters: SQL[] = [];
  if (action) filters.push(eq(auditLog.action, action));
  if (before) filters.push(lt(auditLog.id, before));
  return db
    .select()
    .from(auditLog)
    .where(filters.length ? and(...filters) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(limit)
    .all();
}

/** Every action that occurs in the log, for the filter list. */
export const listAuditActions = (db: Db): string[] =>
  db
    .selectDistinct({ action: auditLog.action })
    .from(auditLog)
    .orderBy(asc(auditLog.action))
    .all()
    .map((row) => row.action);
