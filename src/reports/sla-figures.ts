import { and, count, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { slaClocks, slaPolicies, SLA_TARGETS, type SlaTarget } from '../sla/sla.tables';
import { reportConversations as rc } from './reports.tables';
import { rangeConditions } from './report-conditions';
import type { ReportRange } from './report-range';
import { rate } from './statistics';

export interface SlaTargetFigures {
  target: SlaTarget;
  met: number;
  breached: number;
  /** Met of (met + breached); null when nothing was measured to the end. */
  compliance: number | null;
}

export type SlaFigures = { configured: false } | { configured: true; targets: SlaTargetFigures[]; breaches: number };

/** Whether any SLA policy exists: without one the reports say "SLA not configured" instead of showing zeros. */
export function slaConfigured(db: Db): boolean {
  return (db.select({ n: count() }).from(slaPolicies).get()?.n ?? 0) > 0;
}

/**
 * SLA compliance per target for clocks started in the range (the SLA module's table): met = stopped by its due time
 * without a breach, breached = breached at any point; cancelled clocks (the policy stopped measuring) do not count.
 */
export function slaFigures(db: Db, range: ReportRange): SlaFigures {
  if (!slaConfigured(db)) return { configured: false };
  const rows = db
    .select({
      target: slaClocks.target,
      met: sql<number>`coalesce(sum(${slaClocks.stoppedAt} is not null and ${slaClocks.breachedAt} is null), 0)`,
      breached: sql<number>`coalesce(sum(${slaClocks.breachedAt} is not null), 0)`,
    })
    .from(slaClocks)
    .innerJoin(rc, eq(rc.conversationId, slaClocks.conversationId))
    .where(and(rangeConditions(range, { at: slaClocks.startedAt, inboxId: rc.inboxId, teamId: rc.teamId, agentId: rc.agentId }), eq(slaClocks.cancelled, false)))
    .groupBy(slaClocks.target)
    .all();
  const targets = SLA_TARGETS.map((target) => {
    const row = rows.find((r) => r.target === target);
    const met = row?.met ?? 0;
    const breached = row?.breached ?? 0;
    return { target, met, breached, compliance: rate(met, met + breached) };
  });
  return { configured: true, targets, breaches: targets.reduce((sum, t) => sum + t.breached, 0) };
}

/** SLA breaches in the range per agent (the conversation's assignee), for the agents table. */
export function slaBreachesByAgent(db: Db, range: ReportRange): Map<string, number> {
  const rows = db
    .select({ agentId: rc.agentId, n: count() })
    .from(slaClocks)
    .innerJoin(rc, eq(rc.conversationId, slaClocks.conversationId))
    .where(and(rangeConditions(range, { at: slaClocks.startedAt, inboxId: rc.inboxId, teamId: rc.teamId, agentId: rc.agentId }), isNotNull(slaClocks.breachedAt), isNotNull(rc.agentId)))
    .groupBy(rc.agentId)
    .all();
  return new Map(rows.map((r) => [r.agentId!, r.n]));
}

/** Running clocks already past their target now: the live dashboard's "breaches now". */
export function breachesNow(db: Db): number {
  return db.select({ n: count() }).from(slaClocks).where(and(isNull(slaClocks.stoppedAt), isNotNull(slaClocks.breachedAt))).get()?.n ?? 0;
}
