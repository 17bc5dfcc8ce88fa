import { intervalMinutes, WEEKDAYS, type BusinessCalendar, type Holiday } from './calendar';
import { dayOfWall, isoDateOfDay, MINUTE_MS, DAY_MS, utcToWall, wallToUtc, weekdayOfDay } from './local-time';

/** A half-open stretch [start, end) of UTC epoch ms. */
export type Span = readonly [start: number, end: number];

interface CompiledCalendar {
  timeZone: string;
  /** Per weekday (0 = Sunday), intervals as minutes after that day's local midnight, sorted by start. */
  weekly: { start: number; end: number }[][];
  holidays: Holiday[];
}

// Calendars are plain values read many times per query; compile each once (so treat them as immutable).
const compiled = new WeakMap<BusinessCalendar, CompiledCalendar>();

function compile(calendar: BusinessCalendar): CompiledCalendar {
  let result = compiled.get(calendar);
  if (!result) {
    result = {
      timeZone: calendar.timeZone,
      weekly: WEEKDAYS.map((day) => (calendar.weekly[day] ?? []).map(intervalMinutes).sort((a, b) => a.start - b.start)),
      holidays: calendar.holidays ?? [],
    };
    compiled.set(calendar, result);
  }
  return result;
}

/** True when local date `date` ('YYYY-MM-DD') falls in a holiday; yearly ones compare month and day only. */
export function isHoliday(holidays: readonly Holiday[], date: string): boolean {
  const monthDay = date.slice(5);
  return holidays.some((holiday) => {
    if (!holiday.yearly) return holiday.from <= date && date <= holiday.to;
    const from = holiday.from.slice(5);
    const to = holiday.to.slice(5);
    // A yearly range whose end comes before its start in the year crosses New Year (Dec 30 – Jan 2).
    if (holiday.from.slice(0, 4) !== holiday.to.slice(0, 4) || to < from) return monthDay >= from || monthDay <= to;
    return from <= monthDay && monthDay <= to;
  });
}

/**
 * Every open interval that starts on a local day from the one before `from`'s (its overnight shift may still run)
 * through `lastDay`, in start order, as UTC spans. A holiday drops the intervals that START on it; the tail of the
 * previous night's shift after midnight still counts. Empty spans (an interval inside a skipped DST hour) are left out.
 */
function* rawSpans(calendar: CompiledCalendar, from: number, lastDay: number): Generator<Span> {
  const zone = calendar.timeZone;
  for (let day = dayOfWall(utcToWall(zone, from)) - 1; day <= lastDay; day++) {
    const intervals = calendar.weekly[weekdayOfDay(day)]!;
    if (intervals.length === 0 || isHoliday(calendar.holidays, isoDateOfDay(day))) continue;
    for (const interval of intervals) {
      const start = wallToUtc(zone, day * DAY_MS + interval.start * MINUTE_MS);
      const end = wallToUtc(zone, day * DAY_MS + interval.end * MINUTE_MS);
      if (end > start) yield [start, end];
    }
  }
}

/**
 * The open time within [from, until) as disjoint spans in order, clipped to the window; spans that touch or overlap
 * (Monday 00:00–24:00 then Tuesday 00:00–24:00) come out as one. Lazy, so callers can stop at the first span.
 */
export function* openSpans(calendar: BusinessCalendar, from: number, until: number): Generator<Span> {
  if (until <= from) return;
  const compiledCalendar = compile(calendar);
  // Intervals that start on a later local day than `until`'s start after it.
  const lastDay = dayOfWall(utcToWall(compiledCalendar.timeZone, until));
  let current: [number, number] | undefined;
  for (const [start, end] of rawSpans(compiledCalendar, from, lastDay)) {
    if (start >= until) break;
    if (end <= from) continue;
    if (current && start <= current[1]) {
      current[1] = Math.max(current[1], end);
      continue;
    }
    if (current) yield clip(current, from, until);
    current = [start, end];
  }
  if (current) yield clip(current, from, until);
}

const clip = (span: readonly [number, number], from: number, until: number): Span => [Math.max(span[0], from), Math.min(span[1], until)];

const WINDOW_MS = 7 * DAY_MS;

/**
 * Open spans from `from` onward, read a week at a time so a search stops as soon as it has its answer (an always-open
 * calendar would otherwise merge a year into one span first). A span crossing a week's edge comes in two touching
 * pieces. Ends once `idleLimit` ms pass without open time.
 */
export function* spansAhead(calendar: BusinessCalendar, from: number, idleLimit: number): Generator<Span> {
  let lastOpen = from;
  for (let windowStart = from; windowStart < lastOpen + idleLimit; windowStart += WINDOW_MS) {
    const windowEnd = Math.min(windowStart + WINDOW_MS, lastOpen + idleLimit);
    for (const span of openSpans(calendar, windowStart, windowEnd)) {
      lastOpen = span[1];
      yield span;
    }
  }
}
