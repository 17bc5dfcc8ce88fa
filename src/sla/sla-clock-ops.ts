import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import type { NewId } from '../platform/ids';
import type { BusinessCalendar } from '../business-hours/calendar';
import { setSlaDue } from '../conversations/set-sla-due';
import { slaClocks, type SlaTarget } from './sla.tables';
import { activeClock, activeClocks, updateClock, type SlaClockRow } from './sla-clocks.repository';
import { targetMinutes, type SlaPolicy } from './sla-policies.repository';
import { dueAt, pauseClock, resumeClock, warnAt, type ClockState } from './sla-deadlines';
import { slaStatus, worstStatus } from './sla-status';

/** The policy in force and the calendar its clock runs on. */
export interface PolicyInForce {
  policy: SlaPolicy;
  calendar: BusinessCalendar | undefined;
}

const MINUTE = 60_000;
const stateOf = (clock: Pick<SlaClockRow, 'targetMs' | 'usedMs' | 'runningSince'>): ClockState => ({ targetMs: clock.targetMs, usedMs: clock.usedMs, runningSince: clock.runningSince });

function timesOf(state: ClockState, ctx: PolicyInForce) {
  return { warnAt: warnAt(state, ctx.policy.warningPercent, ctx.calendar) ?? null, dueAt: dueAt(state, ctx.calendar) ?? null };
}

/** Starts a target's clock at `at` unless the policy does not measure it or one is already going. */
export function startClock(tx: Db, conversationId: string, target: SlaTarget, ctx: PolicyInForce, at: number, newId: NewId): void {
  const minutes = targetMinutes(ctx.policy, target);
  if (minutes === null || activeClock(tx, conversationId, target)) return;
  const state: ClockState = { targetMs: minutes * MINUTE, usedMs: 0, runningSince: at };
  tx.insert(slaClocks)
    .values({ id: newId('slc'), conversationId, policyId: ctx.policy.id, target, targetMs: state.targetMs, startedAt: at, runningSince: at, usedMs: 0, ...timesOf(state, ctx) })
    .run();
}

/**
 * Stops a clock; `used_ms` then holds all the counted time it used (what reports read as the response time). A
 * stop past the deadline that the minute job had not caught yet still counts as a breach (quietly: it is answered).
 */
export function stopClock(tx: Db, clock: SlaClockRow, at: number, calendar: BusinessCalendar | undefined): void {
  const state = pauseClock(stateOf(clock), Math.max(at, clock.runningSince ?? at), calendar);
  const lateBreach = clock.breachedAt === null && clock.dueAt !== null && at > clock.dueAt ? clock.dueAt : clock.breachedAt;
  updateClock(tx, clock.id, { stoppedAt: at, usedMs: state.usedMs, runningSince: null, breachedAt: lateBreach });
}

export function pauseRunningClock(tx: Db, clock: SlaClockRow, at: number, ctx: PolicyInForce): void {
  if (clock.runningSince === null) return;
  const state = pauseClock(stateOf(clock), Math.max(at, clock.runningSince), ctx.calendar);
  updateClock(tx, clock.id, { usedMs: state.usedMs, runningSince: null, warnAt: null, dueAt: null });
}

export function resumePausedClock(tx: Db, clock: SlaClockRow, at: number, ctx: PolicyInForce): void {
  if (clock.runningSince !== null) return;
  const state = resumeClock(stateOf(clock), at);
  updateClock(tx, clock.id, { runningSince: at, ...timesOf(state, ctx) });
}

/** A reopened conversation's resolution clock carries on from where it stopped (a new one when there was none). */
export function reopenResolution(tx: Db, conversationId: string, at: number, ctx: PolicyInForce, newId: NewId): void {
  if (activeClock(tx, conversationId, 'resolution')) return;
  const last = tx
    .select()
    .from(slaClocks)
    .where(and(eq(slaClocks.conversationId, conversationId), eq(slaClocks.target, 'resolution'), eq(slaClocks.cancelled, false), isNotNull(slaClocks.stoppedAt)))
    .orderBy(desc(slaClocks.startedAt))
    .limit(1)
    .get();
  if (!last) return startClock(tx, conversationId, 'resolution', ctx, at, newId);
  const state = resumeClock({ ...stateOf(last), runningSince: null }, at);
  updateClock(tx, last.id, { stoppedAt: null, runningSince: at, ...timesOf(state, ctx) });
}

/** A new policy took over: running clocks keep the time used and get its targets; ones it does not measure end. */
export function retargetClocks(tx: Db, conversationId: string, ctx: PolicyInForce, at: number): void {
  for (const clock of activeClocks(tx, conversationId)) {
    const minutes = targetMinutes(ctx.policy, clock.target);
    if (minutes === null) {
      updateClock(tx, clock.id, { stoppedAt: at, cancelled: true });
      continue;
    }
    const state = { ...stateOf(clock), targetMs: minutes * MINUTE };
    const times = state.runningSince === null ? { warnAt: null, dueAt: null } : timesOf(state, ctx);
    updateClock(tx, clock.id, { policyId: ctx.policy.id, targetMs: state.targetMs, ...times });
  }
}

/** Copies the nearest deadline and the worst status at `now` onto the conversation, for the list's sort and badge. */
export function refreshConversationDue(tx: Db, conversationId: string, now: number): void {
  const running = activeClocks(tx, conversationId).filter((c) => c.dueAt !== null);
  const dues = running.map((c) => c.dueAt!);
  const state = worstStatus(running.map((c) => (c.breachedAt !== null ? 'breached' : slaStatus({ warnAt: c.warnAt, dueAt: c.dueAt }, now))));
  setSlaDue(tx, conversationId, { dueAt: dues.length ? Math.min(...dues) : null, state });
}
