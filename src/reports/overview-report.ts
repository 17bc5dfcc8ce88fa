import { sql, type SQL } from 'drizzle-orm';
import { sumCounts } from './daily-counts';
import type { Db } from '../platform/db/client';
import type { ReportRange } from './report-range';
import { rate, spreadOf, spreadOfHistogram, type Spread } from './statistics';
import { durationHistogram, quantize } from './daily-durations';
import type { DurationMetric } from './reports.tables';
import { csatFigures, type CsatFigures } from './csat-figures';
import { slaFigures, type SlaFigures } from './sla-figures';


export interface OverviewReport {
  opened: number;
  resolved: number;
  messagesIn: number;
  messagesOut: number;
  firstResponse: { calendar: Spread; business: Spread };
  response: { calendar: Spread; business: Spread };
  resolution: { calendar: Spread; business: Spread };
  /** First responses within 5 minutes, 5–15, over 15, and conversations not answered yet. */
  waits: { within5: number; within15: number; over15: number; unanswered: number };
  /** Resolved in the range with no person involved (no agent message, never assigned to anyone), of all resolved. */
  contained: number;
  containmentRate: number | null;
  /** Handed over by the bot, of the conversations the bot took part in. */
  botConversations: number;
  escalated: number;
  escalationRate: number | null;
  repeatContacts: number;
  repeatRate: number | null;
  csat: CsatFigures;
  sla: SlaFigures;
}


/**
 * The overview figures for a range. Conversations count by the day they opened (messages, first responses and
 * response times too: those of the conversations opened in the range), resolutions and containment by the day they
 * were resolved. Reads the daily counters and duration histograms (a year is tens of thousands of rows), CSAT surveys and SLA clocks.
 */
export function overviewReport(db: Db, range: ReportRange): OverviewReport {
  const counts = sumCounts(db, range);
  const durations = range.agentId ? durationsFromRows(db, { ...range, agentId: range.agentId }) : durationsFromHistogram(db, range);
  return {
    opened: counts.opened,
    resolved: counts.resolved,
    messagesIn: counts.messagesIn,
    messagesOut: counts.messagesOut,
    ...durations,
    waits: { within5: counts.within5, within15: counts.within15, over15: counts.over15, unanswered: counts.unanswered },
    contained: counts.contained,
    containmentRate: rate(counts.contained, counts.resolved),
    botConversations: counts.botInvolved,
    escalated: counts.handedOver,
    escalationRate: rate(counts.handedOver, counts.botInvolved),
    repeatContacts: counts.repeatContacts,
    repeatRate: rate(counts.repeatContacts, counts.opened),
    csat: csatFigures(db, range),
    sla: slaFigures(db, range),
  };
}

type Durations = Pick<OverviewReport, 'firstResponse' | 'response' | 'resolution'>;

/** The whole shop, an inbox or a team: medians and percentiles from the daily histogram (a few thousand rows a year). */
function durationsFromHistogram(db: Db, range: ReportRange): Durations {
  const spread = (metric: DurationMetric, business: boolean) =>
    spreadOfHistogram(durationHistogram(db, { fromDay: range.fromDay, toDay: range.toDay, inboxId: range.inboxId, teamId: range.teamId, metric, business }));
  const pair = (metric: DurationMetric) => ({ calendar: spread(metric, false), business: spread(metric, true) });
  return { firstResponse: pair('first_response'), response: pair('response'), resolution: pair('resolution') };
}

/**
 * One agent: their share is small, so their rows are read (rounded like the histogram, so filtered and unfiltered
 * figures have the same precision): the first responses and replies they gave, the resolutions of their conversations.
 */
function durationsFromRows(db: Db, range: ReportRange & { agentId: string }): Durations {
  const filters: SQL[] = [];
  if (range.inboxId) filters.push(sql`and inbox_id = ${range.inboxId}`);
  if (range.teamId) filters.push(sql`and team_id = ${range.teamId}`);
  const extra = sql.join(filters, sql` `);
  // Each read starts from the agent's own index entries, whatever the length of the range.
  const firsts = db.values(
    sql`select first_response_ms, first_response_bms from report_conversations indexed by report_conversations_responder_idx
        where first_responder_id = ${range.agentId} and opened_at >= ${range.from} and opened_at < ${range.to} ${extra}`,
  );
  const responses = db.values(
    sql`select ms, bms from report_responses indexed by report_responses_agent_idx
        where agent_id = ${range.agentId} and opened_at >= ${range.from} and opened_at < ${range.to} ${extra}`,
  );
  const resolutions = db.values(
    sql`select resolution_ms, resolution_bms from report_conversations indexed by report_conversations_agent_resolved_idx
        where agent_id = ${range.agentId} and resolved_at >= ${range.from} and resolved_at < ${range.to} ${extra}`,
  );
  return { firstResponse: pairSpread(firsts), response: pairSpread(responses), resolution: pairSpread(resolutions) };
}

/** Calendar and business-hours spreads from [ms, bms] rows. */
function pairSpread(rows: unknown[][]): { calendar: Spread; business: Spread } {
  const calendar = new Float64Array(rows.length);
  const business = new Float64Array(rows.length);
  rows.forEach((row, i) => {
    calendar[i] = quantize(Number(row[0]));
    business[i] = quantize(Number(row[1]));
  });
  return { calendar: spreadOf(calendar), business: spreadOf(business) };
}
