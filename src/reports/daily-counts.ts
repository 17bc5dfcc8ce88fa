import { and, gte, lte, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { prepared } from '../platform/db/prepared';
import { COUNT_COLUMNS, reportDailyCounts as dc, reportDailyHours as dh, reportConversations, type CountColumn } from './reports.tables';

const MINUTE = 60_000;

type Key = { day: number; inboxId: string; teamId: string; agentId: string };
/** `hour` (local hour of the opening) is set on the opening's contribution only: it feeds the heatmap table. */
export type CountContribution = { key: Key; counts: Partial<Record<CountColumn, number>>; hour?: number };

type MetricsRow = Pick<
  typeof reportConversations.$inferSelect,
  | 'inboxId' | 'teamId' | 'agentId' | 'firstAgentId' | 'transferred' | 'openedDay' | 'openedHourOfWeek' | 'resolvedDay' | 'firstResponderId' | 'firstResponseMs'
  | 'messagesIn' | 'messagesOut' | 'humanReplied' | 'humanAssigned' | 'botInvolved' | 'handedOver' | 'repeatContact'
>;

/** What one conversation's figures add to the daily counters (see reportDailyCounts for which agent gets what). */
export function countContributions(row: MetricsRow, responders: readonly (string | null)[]): CountContribution[] {
  const base = { inboxId: row.inboxId, teamId: row.teamId ?? '' };
  const frt = row.firstResponseMs;
  const out: CountContribution[] = [
    {
      key: { ...base, day: row.openedDay, agentId: row.agentId ?? '' },
      counts: {
        opened: 1,
        messagesIn: row.messagesIn,
        messagesOut: row.messagesOut,
        within5: frt !== null && frt <= 5 * MINUTE ? 1 : 0,
        within15: frt !== null && frt > 5 * MINUTE && frt <= 15 * MINUTE ? 1 : 0,
        over15: frt !== null && frt > 15 * MINUTE ? 1 : 0,
        unanswered: frt === null ? 1 : 0,
        botInvolved: row.botInvolved,
        handedOver: row.handedOver,
        repeatContacts: row.repeatContact,
      },
      hour: row.openedHourOfWeek % 24,
    },
  ];
  if (row.resolvedDay !== null) {
    out.push({ key: { ...base, day: row.resolvedDay, agentId: row.agentId ?? '' }, counts: { resolved: 1, contained: row.humanReplied === 0 && row.humanAssigned === 0 ? 1 : 0 } });
  }
  const other = (agentId: string, counts: CountContribution['counts']) => out.push({ key: { ...base, day: row.openedDay, agentId }, counts });
  if (row.firstAgentId) other(row.firstAgentId, { firstAssigned: 1, transferred: row.transferred });
  if (row.firstResponderId) other(row.firstResponderId, { firstResponses: 1 });
  for (const responder of responders) if (responder) other(responder, { responses: 1 });
  return out;
}

/** Adds (1) or takes back (−1) contributions; summed per key first so each row is written once per chunk. */
export function applyCountContributions(db: Db, contributions: readonly CountContribution[], sign: 1 | -1): void {
  const sums = new Map<string, { key: Key; counts: Record<CountColumn, number> }>();
  for (const { key, counts } of contributions) {
    const id = `${key.day}|${key.inboxId}|${key.teamId}|${key.agentId}`;
    let entry = sums.get(id);
    if (!entry) sums.set(id, (entry = { key, counts: Object.fromEntries(COUNT_COLUMNS.map((c) => [c, 0])) as Record<CountColumn, number> }));
    for (const column of COUNT_COLUMNS) entry.counts[column] += sign * (counts[column] ?? 0);
  }
  for (const { key, counts } of sums.values()) addStatement(db).run({ ...key, ...counts });
  const hours = new Map<string, { day: number; hour: number; inboxId: string; teamId: string; opened: number }>();
  for (const { key, counts, hour } of contributions) {
    if (hour === undefined || !counts.opened) continue;
    const id = `${key.day}|${hour}|${key.inboxId}|${key.teamId}`;
    const entry = hours.get(id);
    if (entry) entry.opened += sign * counts.opened;
    else hours.set(id, { day: key.day, hour, inboxId: key.inboxId, teamId: key.teamId, opened: sign * counts.opened });
  }
  for (const entry of hours.values()) addHourStatement(db).run(entry);
}

const addHourStatement = (db: Db) =>
  prepared(db, 'reports.hours.add', (d) =>
    d
      .insert(dh)
      .values({ day: p('day'), hour: p('hour'), inboxId: p('inboxId'), teamId: p('teamId'), opened: p('opened') })
      .onConflictDoUpdate({ target: [dh.day, dh.hour, dh.inboxId, dh.teamId], set: { opened: sql`${dh.opened} + excluded.opened` } })
      .prepare(),
  );

const p = (name: string) => sql.placeholder(name);

// Prepared once per connection; every counter adds what it is given.
const addStatement = (db: Db) =>
  prepared(db, 'reports.counts.add', (d) =>
    d
      .insert(dc)
      .values(Object.fromEntries(['day', 'inboxId', 'teamId', 'agentId', ...COUNT_COLUMNS].map((c) => [c, p(c)])) as unknown as typeof dc.$inferInsert)
      .onConflictDoUpdate({
        target: [dc.day, dc.inboxId, dc.teamId, dc.agentId],
        set: Object.fromEntries(COUNT_COLUMNS.map((c) => [c, sql`${dc[c]} + excluded.${sql.identifier(dc[c].name)}`])),
      })
      .prepare(),
  );

/** Days [fromDay, toDay] and the inbox/team/agent filters on the daily counters. */
export function countConditions(input: { fromDay: number; toDay: number; inboxId: string | null; teamId: string | null; agentId: string | null }): SQL {
  const where: SQL[] = [gte(dc.day, input.fromDay), lte(dc.day, input.toDay)];
  if (input.inboxId) where.push(eq(dc.inboxId, input.inboxId));
  if (input.teamId) where.push(eq(dc.teamId, input.teamId));
  if (input.agentId) where.push(eq(dc.agentId, input.agentId));
  return and(...where)!;
}

/** Every counter summed over the days and filters. */
export function sumCounts(db: Db, input: Parameters<typeof countConditions>[0]): Record<CountColumn, number> {
  const row = db
    .select(Object.fromEntries(COUNT_COLUMNS.map((c) => [c, sql<number>`coalesce(sum(${dc[c]}), 0)`])) as Record<CountColumn, SQL<number>>)
    .from(dc)
    .where(countConditions(input))
    .get();
  return row as Record<CountColumn, number>;
}
