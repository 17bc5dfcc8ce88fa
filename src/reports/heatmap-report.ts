import { and, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { reportDailyHours as dh } from './reports.tables';
import type { ReportRange } from './report-range';

/** Conversations opened per weekday (0 = Sunday) and local hour in the business time zone: cells[weekday][hour]. */
export interface Heatmap {
  cells: number[][];
  max: number;
}

/**
 * From the daily hours table (the weekday of a local day number is (day + 4) mod 7: 1970-01-01 was a Thursday);
 * for one agent, from their conversations' rows through a covering index.
 */
export function heatmapReport(db: Db, range: ReportRange): Heatmap {
  const cells = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
  const add = (weekday: number, hour: number, n: number) => {
    if (weekday >= 0 && weekday < 7 && hour >= 0 && hour < 24) cells[weekday]![hour]! += n;
  };
  if (range.agentId) {
    const filters: SQL[] = [];
    if (range.inboxId) filters.push(sql`and inbox_id = ${range.inboxId}`);
    if (range.teamId) filters.push(sql`and team_id = ${range.teamId}`);
    const rows = db.all<{ how: number; n: number }>(
      sql`select opened_how as how, count(*) as n from report_conversations indexed by report_conversations_agent_opened_idx
          where agent_id = ${range.agentId} and opened_at >= ${range.from} and opened_at < ${range.to} ${sql.join(filters, sql` `)} group by opened_how`,
    );
    for (const row of rows) add(Math.floor(row.how / 24), row.how % 24, row.n);
  } else {
    const where: SQL[] = [gte(dh.day, range.fromDay), lte(dh.day, range.toDay)];
    if (range.inboxId) where.push(eq(dh.inboxId, range.inboxId));
    if (range.teamId) where.push(eq(dh.teamId, range.teamId));
    const rows = db
      .select({ weekday: sql<number>`(${dh.day} + 4) % 7`, hour: dh.hour, n: sql<number>`sum(${dh.opened})` })
      .from(dh)
      .where(and(...where))
      .groupBy(sql`(${dh.day} + 4) % 7`, dh.hour)
      .all();
    for (const row of rows) add(row.weekday, row.hour, row.n);
  }
  return { cells, max: Math.max(0, ...cells.flat()) };
}
