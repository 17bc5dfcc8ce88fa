import type { BusinessCalendar } from './calendar';
import { DAY_MS } from './local-time';
import { openSpans, spansAhead, type Span } from './open-spans';

/**
 * Questions about a business calendar, answered purely from the calendar and UTC epoch ms (no clock, no I/O).
 *
 * Meaning, in one place:
 * - An interval belongs to the local day it starts on; an end at or before its start runs into the next day.
 * - A holiday closes the intervals that START on it. The part after midnight of a shift that began the evening before
 *   still counts, so a 22:00–06:00 shift on a holiday's eve runs to 06:00.
 * - Open means the local clock reads inside an interval: on the night clocks go forward, an interval 01:30–03:30 is
 *   open one real hour; on the night they go back, a wall time that happens twice counts at its first occurrence.
 * - Searches forward give up after HORIZON_MS and answer undefined (a calendar with no intervals, a year-long closure).
 */
export const HORIZON_MS = 400 * DAY_MS;

/** Open spans [start, end) within [t1, t2), disjoint and in order; the primitive the other answers are built on. */
export function openIntervalsBetween(calendar: BusinessCalendar, t1: number, t2: number): Span[] {
  return [...openSpans(calendar, t1, t2)];
}

export function isOpenAt(calendar: BusinessCalendar, t: number): boolean {
  return !openSpans(calendar, t, t + 1).next().done;
}

/** `t` itself when open at t, otherwise the next instant the business opens; undefined if it stays closed for the horizon. */
export function nextOpeningAfter(calendar: BusinessCalendar, t: number): number | undefined {
  const first = spansAhead(calendar, t, HORIZON_MS).next();
  return first.done ? undefined : first.value[0];
}

/** `t` itself when closed at t, otherwise the instant the current opening ends; undefined if it stays open for the horizon. */
export function nextClosingAfter(calendar: BusinessCalendar, t: number): number | undefined {
  let closing = t;
  for (const [start, end] of spansAhead(calendar, t, HORIZON_MS)) {
    if (start > closing) break;
    closing = end;
    if (closing - t >= HORIZON_MS) return undefined;
  }
  return closing;
}

/** Milliseconds of open time in [t1, t2); 0 when t2 ≤ t1. */
export function businessTimeBetween(calendar: BusinessCalendar, t1: number, t2: number): number {
  let total = 0;
  for (const [start, end] of openSpans(calendar, t1, t2)) total += end - start;
  return total;
}

/**
 * The earliest instant by which `ms` of open time has passed since `t` (an SLA deadline); `t` itself for 0.
 * Undefined when the calendar stays closed for a whole horizon before the time is used up.
 */
export function addBusinessTime(calendar: BusinessCalendar, t: number, ms: number): number | undefined {
  if (!(ms >= 0)) throw new RangeError(`addBusinessTime needs a duration of 0 or more, got ${ms}`);
  if (ms === 0) return t;
  let remaining = ms;
  for (const [start, end] of spansAhead(calendar, t, HORIZON_MS)) {
    if (remaining <= end - start) return start + remaining;
    remaining -= end - start;
  }
  return undefined;
}
