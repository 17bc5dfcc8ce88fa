import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { csatSurveys } from '../automation/csat/csat.tables';
import { rangeConditions } from './report-conditions';
import type { ReportRange } from './report-range';
import { rate } from './statistics';

export interface CsatFigures {
  sent: number;
  answered: number;
  /** Mean rating 1–5 with two decimals, null without answers. */
  average: number | null;
  responseRate: number | null;
}

/** Surveys sent in the range (by the agent and team they rated), how many were answered and the mean rating. */
export function csatFigures(db: Db, range: ReportRange): CsatFigures {
  const row = db
    .select({ sent: sql<number>`count(*)`, answered: sql<number>`count(${csatSurveys.rating})`, sum: sql<number>`coalesce(sum(${csatSurveys.rating}), 0)` })
    .from(csatSurveys)
    .where(rangeConditions(range, { at: csatSurveys.sentAt, inboxId: csatSurveys.inboxId, teamId: csatSurveys.teamId, agentId: csatSurveys.agentId }))
    .get()!;
  return { sent: row.sent, answered: row.answered, average: row.answered > 0 ? Math.round((row.sum / row.answered) * 100) / 100 : null, responseRate: rate(row.answered, row.sent) };
}
