import { and, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { prepared } from '../platform/db/prepared';
import { reportDailyDurations as dd, type DurationMetric } from './reports.tables';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Rounds a duration down to the precision reports display: seconds under a minute, minutes under a day, then hours. */
export function quantize(ms: number): number {
  const step = ms < MINUTE ? SECOND : ms < DAY ? MINUTE : HOUR;
  return Math.floor(ms / step) * step;
}

export interface Contribution {
  day: number;
  inboxId: string;
  teamId: string | null;
  metric: DurationMetric;
  business: boolean;
  ms: number;
}

/**
 * Adds (sign 1) or takes back (sign −1) durations in the daily histogram. Contributions are summed per key first,
 * so a conversation recomputed in the same chunk touches each row once; rows that reach zero are removed.
 */
export function applyContributions(db: Db, contributions: readonly Contribution[], sign: 1 | -1): void {
  const sums = new Map<string, { key: Omit<typeof dd.$inferInsert, 'n'>; n: number }>();
  for (const c of contributions) {
    const key = { day: c.day, inboxId: c.inboxId, teamId: c.teamId ?? '', metric: c.metric, business: c.business ? 1 : 0, value: quantize(c.ms) };
    const id = `${key.day}|${key.inboxId}|${key.teamId}|${key.metric}|${key.business}|${key.value}`;
    const entry = sums.get(id);
    if (entry) entry.n += sign;
    else sums.set(id, { key, n: sign });
  }
  for (const { key, n } of sums.values()) {
    if (n === 0) continue;
    addStatement(db).run({ ...key, n });
    if (n < 0) removeEmptyStatement(db).run(key);
  }
}

const p = (name: string) => sql.placeholder(name);
const sameKey = () => and(eq(dd.day, p('day')), eq(dd.inboxId, p('inboxId')), eq(dd.teamId, p('teamId')), eq(dd.metric, p('metric')), eq(dd.business, p('business')), eq(dd.value, p('value')));

// Prepared once per connection: a backfill runs these millions of times.
const addStatement = (db: Db) =>
  prepared(db, 'reports.durations.add', (d) =>
    d
      .insert(dd)
      .values({ day: p('day'), inboxId: p('inboxId'), teamId: p('teamId'), metric: p('metric'), business: p('business'), value: p('value'), n: p('n') })
      .onConflictDoUpdate({ target: [dd.metric, dd.business, dd.day, dd.inboxId, dd.teamId, dd.value], set: { n: sql`${dd.n} + excluded.n` } })
      .prepare(),
  );

const removeEmptyStatement = (db: Db) => prepared(db, 'reports.durations.removeEmpty', (d) => d.delete(dd).where(and(sameKey(), lte(dd.n, 0))).prepare());

/** The histogram of one metric over local days [fromDay, toDay], optionally for one inbox and/or team: [value, n] ascending. */
export function durationHistogram(db: Db, input: { fromDay: number; toDay: number; inboxId: string | null; teamId: string | null; metric: DurationMetric; business: boolean }): [number, number][] {
  const where: SQL[] = [gte(dd.day, input.fromDay), lte(dd.day, input.toDay), eq(dd.metric, input.metric), eq(dd.business, input.business ? 1 : 0)];
  if (input.inboxId) where.push(eq(dd.inboxId, input.inboxId));
  if (input.teamId) where.push(eq(dd.teamId, input.teamId));
  return db
    .select({ value: dd.value, n: sql<number>`sum(${dd.n})` })
    .from(dd)
    .where(and(...where))
    .groupBy(dd.value)
    .orderBy(dd.value)
    .all()
    .map((row) => [row.value, row.n]);
}
