import { and, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { ReportRange } from './report-range';

interface FilterColumns {
  at: SQLiteColumn;
  inboxId: SQLiteColumn;
  teamId: SQLiteColumn;
  agentId: SQLiteColumn;
}

/** `at` inside the range plus the inbox, team and agent filters, on whichever table's columns are given. */
export function rangeConditions(range: ReportRange, columns: FilterColumns, window: { from: number; to: number } = range): SQL {
  const conditions: SQL[] = [gte(columns.at, window.from), lt(columns.at, window.to)];
  if (range.inboxId) conditions.push(eq(columns.inboxId, range.inboxId));
  if (range.teamId) conditions.push(eq(columns.teamId, range.teamId));
  if (range.agentId) conditions.push(eq(columns.agentId, range.agentId));
  return and(...conditions)!;
}
