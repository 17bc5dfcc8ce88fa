import { and, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { users } from '../accounts/accounts.tables';
import { csatSurveys } from '../automation/csat/csat.tables';
import { reportDailyCounts as dc } from './reports.tables';
import { countConditions } from './daily-counts';
import { dayOfWall, utcToWall } from '../business-hours/local-time';
import { rangeConditions } from './report-conditions';
import type { ReportRange } from './report-range';
import { rate } from './statistics';
import { agentMedians } from './agent-medians';
import { onlineTime } from './online-time';
import { slaBreachesByAgent, slaConfigured } from './sla-figures';


export interface AgentRow {
  agentId: string;
  name: string;
  /** Conversations opened in the range that are (or were, at resolve) theirs. */
  handled: number;
  resolved: number;
  resolutionRate: number | null;
  /** Medians (rounded like all report durations); null when they answered nobody. */
  firstResponseMedian: number | null;
  responseMedian: number | null;
  /** Of the conversations first assigned to them, the share that moved to someone else. */
  transferRate: number | null;
  csatAverage: number | null;
  csatAnswers: number;
  /** Null when no presence history exists for them ("not tracked"). */
  onlineMs: number | null;
  slaBreaches: number | null;
  /** Handled in the 7 days ending with the range, and the 7 days before. */
  thisWeek: number;
  lastWeek: number;
}


/** One row per person who handled, answered or was rated in the range, busiest first. */
export function agentsReport(db: Db, range: ReportRange, now: number): AgentRow[] {
  const totals = perAgent(db, range);
  const handled = [...totals].map(([id, t]) => ({ id, n: t.opened, resolved: t.resolved }));
  const transfers = [...totals].map(([id, t]) => ({ id, n: t.firstAssigned, moved: t.transferred }));
  const firsts = agentMedians(db, range, 'first_response', new Map([...totals].map(([id, t]) => [id, t.firstResponses])));
  const responses = agentMedians(db, range, 'response', new Map([...totals].map(([id, t]) => [id, t.responses])));
  const csat = db
    .select({ id: csatSurveys.agentId, n: sql<number>`count(${csatSurveys.rating})`, sum: sql<number>`coalesce(sum(${csatSurveys.rating}), 0)` })
    .from(csatSurveys)
    .where(and(rangeConditions(range, { at: csatSurveys.sentAt, inboxId: csatSurveys.inboxId, teamId: csatSurveys.teamId, agentId: csatSurveys.agentId }), isNotNull(csatSurveys.agentId)))
    .groupBy(csatSurveys.agentId)
    .all();
  // The 7 days ending with the range (or today), and the 7 before, by local day.
  const lastDay = Math.min(range.toDay, dayOfWall(utcToWall(range.timeZone, now)));
  const thisWeek = openedPerAgent(db, { ...range, fromDay: lastDay - 6, toDay: lastDay });
  const lastWeek = openedPerAgent(db, { ...range, fromDay: lastDay - 13, toDay: lastDay - 7 });

  const ids = new Set<string>([...totals.keys(), ...csat.map((r) => r.id!), ...thisWeek.keys(), ...lastWeek.keys()].filter((id) => id !== ''));
  if (ids.size === 0) return [];
  const names = new Map(db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, [...ids])).all().map((u) => [u.id, u.name]));
  const online = onlineTime(db, [...ids], { from: range.from, to: Math.min(range.to, now) });
  const breaches = slaConfigured(db) ? slaBreachesByAgent(db, range) : null;
  return [...ids]
    .filter((id) => names.has(id))
    .map((agentId) => {
      const own = handled.find((r) => r.id === agentId);
      const moved = transfers.find((r) => r.id === agentId);
      const rated = csat.find((r) => r.id === agentId);
      return {
        agentId,
        name: names.get(agentId)!,
        handled: own?.n ?? 0,
        resolved: own?.resolved ?? 0,
        resolutionRate: rate(own?.resolved ?? 0, own?.n ?? 0),
        firstResponseMedian: firsts.get(agentId)?.median ?? null,
        responseMedian: responses.get(agentId)?.median ?? null,
        transferRate: rate(moved?.moved ?? 0, moved?.n ?? 0),
        csatAverage: rated && rated.n > 0 ? Math.round((rated.sum / rated.n) * 100) / 100 : null,
        csatAnswers: rated?.n ?? 0,
        onlineMs: online.get(agentId) ?? null,
        slaBreaches: breaches ? (breaches.get(agentId) ?? 0) : null,
        thisWeek: thisWeek.get(agentId) ?? 0,
        lastWeek: lastWeek.get(agentId) ?? 0,
      };
    })
    .sort((a, b) => b.handled - a.handled || a.name.localeCompare(b.name));
}

type Totals = Record<'opened' | 'resolved' | 'firstAssigned' | 'transferred' | 'firstResponses' | 'responses', number>;

/** The daily counters summed per agent over the range ('' = nobody is left out by the caller). */
function perAgent(db: Db, range: ReportRange): Map<string, Totals> {
  const rows = db
    .select({
      id: dc.agentId,
      opened: sql<number>`sum(${dc.opened})`,
      resolved: sql<number>`sum(${dc.resolved})`,
      firstAssigned: sql<number>`sum(${dc.firstAssigned})`,
      transferred: sql<number>`sum(${dc.transferred})`,
      firstResponses: sql<number>`sum(${dc.firstResponses})`,
      responses: sql<number>`sum(${dc.responses})`,
    })
    .from(dc)
    .where(countConditions(range))
    .groupBy(dc.agentId)
    .all();
  return new Map(rows.filter((r) => r.id !== '').map(({ id, ...totals }) => [id, totals]));
}

function openedPerAgent(db: Db, range: ReportRange): Map<string, number> {
  const rows = db.select({ id: dc.agentId, n: sql<number>`sum(${dc.opened})` }).from(dc).where(countConditions(range)).groupBy(dc.agentId).all();
  return new Map(rows.filter((r) => r.id !== '' && r.n > 0).map((r) => [r.id, r.n]));
}
