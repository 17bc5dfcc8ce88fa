import { addBusinessTime, businessTimeBetween } from '../business-hours/business-hours';
import type { BusinessCalendar } from '../business-hours/calendar';

/**
 * One SLA target's clock, as pure state. Time "used" counts only open time of the calendar (every millisecond when
 * there is none: around the clock). A pause folds the running stretch into `usedMs`; a resume starts a new stretch.
 */
export interface ClockState {
  targetMs: number;
  usedMs: number;
  /** Start of the current running stretch; null while paused. */
  runningSince: number | null;
}

/** The instant by which `ms` of counted time has passed since `from`; undefined if the calendar never opens again. */
export function deadlineAfter(calendar: BusinessCalendar | undefined, from: number, ms: number): number | undefined {
  const rest = Math.max(0, ms);
  return calendar ? addBusinessTime(calendar, from, rest) : from + rest;
}

/** Counted time in [from, to). */
export function countedBetween(calendar: BusinessCalendar | undefined, from: number, to: number): number {
  if (to <= from) return 0;
  return calendar ? businessTimeBetween(calendar, from, to) : to - from;
}

/** When the target is used up; undefined while paused (or when the calendar never opens again). */
export function dueAt(state: ClockState, calendar: BusinessCalendar | undefined): number | undefined {
  return state.runningSince === null ? undefined : deadlineAfter(calendar, state.runningSince, state.targetMs - state.usedMs);
}

/** When `percent` of the target is used up (the warning); undefined while paused. */
export function warnAt(state: ClockState, percent: number, calendar: BusinessCalendar | undefined): number | undefined {
  if (state.runningSince === null) return undefined;
  const share = Math.floor((state.targetMs * Math.min(100, Math.max(0, percent))) / 100);
  return deadlineAfter(calendar, state.runningSince, share - state.usedMs);
}

/** Counted time used by `at`. */
export function usedBy(state: ClockState, at: number, calendar: BusinessCalendar | undefined): number {
  return state.runningSince === null ? state.usedMs : state.usedMs + countedBetween(calendar, state.runningSince, at);
}

export function pauseClock(state: ClockState, at: number, calendar: BusinessCalendar | undefined): ClockState {
  if (state.runningSince === null) return state;
  return { ...state, usedMs: usedBy(state, at, calendar), runningSince: null };
}

export function resumeClock(state: ClockState, at: number): ClockState {
  return state.runningSince === null ? { ...state, runningSince: at } : state;
}

/**
 * The deadline of a target started at `start` with the given pauses ([from, to) pairs, in order, not overlapping):
 * the same answer the stored clock reaches by pausing and resuming, in one call.
 */
export function deadlineWithPauses(
  calendar: BusinessCalendar | undefined,
  start: number,
  targetMs: number,
  pauses: readonly (readonly [number, number])[] = [],
): number | undefined {
  let state: ClockState = { targetMs, usedMs: 0, runningSince: start };
  for (const [from, to] of pauses) {
    const due = dueAt(state, calendar);
    if (due === undefined || due <= from) return due;
    state = resumeClock(pauseClock(state, from, calendar), to);
  }
  return dueAt(state, calendar);
}
