import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import type { ReportRange } from './report-range';
import { quantize } from './daily-durations';

/**
 * Median first response (by the agent who answered first) and median response time (by the agent who replied) per
 * agent, computed inside SQLite: with each agent's count from the daily counters, one walk per agent along a covering
 * index in value order to the middle rank (LIMIT 1 OFFSET rank−1). No row reaches JavaScript except the answer, so a year of a million
 * responses stays well under a second. Rounded like every other duration in reports.
 */
export function agentMedians(db: Db, range: ReportRange, kind: 'first_response' | 'response', counts: Map<string, number>): Map<string, { count: number; median: number }> {
  const t = kind === 'first_response' ? TABLES.first : TABLES.response;
  const filters: SQL[] = [];
  if (range.inboxId) filters.push(sql`and inbox_id = ${range.inboxId}`);
  if (range.teamId) filters.push(sql`and team_id = ${range.teamId}`);
  if (range.agentId) filters.push(sql`and ${sql.raw(t.agent)} = ${range.agentId}`);
  const extra = sql.join(filters, sql` `);
  const result = new Map<string, { count: number; median: number }>();
  for (const [agent, n] of counts) {
    if (n === 0) continue;
    const rank = Math.max(1, Math.ceil(n / 2));
    const row = db.all<{ v: number }>(
      sql`select ${sql.raw(t.value)} as v from ${sql.raw(t.table)} indexed by ${sql.raw(t.index)}
          where ${sql.raw(t.agent)} = ${agent} and ${sql.raw(t.value)} is not null and opened_at >= ${range.from} and opened_at < ${range.to} ${extra}
          order by ${sql.raw(t.value)} limit 1 offset ${rank - 1}`,
    )[0];
    if (row) result.set(agent, { count: n, median: quantize(row.v) });
  }
  return result;
}

const TABLES = {
  first: { table: 'report_conversations', agent: 'first_responder_id', value: 'first_response_ms', index: 'report_conversations_responder_idx' },
  response: { table: 'report_responses', agent: 'agent_id', value: 'ms', index: 'report_responses_agent_idx' },
} as const;
