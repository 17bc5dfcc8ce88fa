/**
 * Wall-clock arithmetic in an IANA time zone without a date library. A "wall" value is the local date and time
 * written as if it were UTC epoch ms (2025-03-30 02:30 local → Date.UTC(2025, 2, 30, 2, 30)), so calendar days and
 * minutes can be added with plain arithmetic; `wallToUtc` turns it back into a real instant.
 */

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when the runtime knows this IANA zone (Asia/Riyadh, UTC); bare offsets such as +03:00 are refused. */
export function isKnownTimeZone(timeZone: string): boolean {
  if (!/^[A-Za-z]/.test(timeZone)) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The local wall time of instant `t` in `timeZone`, as wall ms (see the file comment). */
export function utcToWall(timeZone: string, t: number): number {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(t)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  // Intl resolves to whole seconds; carry the instant's own sub-second part over unchanged.
  const subSecond = ((t % 1000) + 1000) % 1000;
  const hour = fields.hour === 24 ? 0 : fields.hour!;
  return Date.UTC(fields.year!, fields.month! - 1, fields.day!, hour, fields.minute!, fields.second!) + subSecond;
}

/** Local offset from UTC at instant `t`, in ms (Riyadh: +3 h). */
export const offsetAt = (timeZone: string, t: number): number => utcToWall(timeZone, t) - t;

/**
 * The instant the local clock in `timeZone` shows `wall`. A wall time repeated when clocks go back resolves to its
 * first occurrence; one skipped when clocks go forward resolves to the moment the clock jumps past it, so an
 * interval is open exactly while the local clock reads inside it.
 */
export function wallToUtc(timeZone: string, wall: number): number {
  // Offsets a day either side bracket any single transition near this wall time.
  const offsetBefore = offsetAt(timeZone, wall - DAY_MS);
  const offsetAfter = offsetAt(timeZone, wall + DAY_MS);
  const early = wall - offsetBefore;
  if (offsetBefore === offsetAfter) return early;
  const late = wall - offsetAfter;
  const earlyFits = offsetAt(timeZone, early) === offsetBefore;
  const lateFits = offsetAt(timeZone, late) === offsetAfter;
  if (earlyFits && lateFits) return Math.min(early, late);
  if (earlyFits) return early;
  if (lateFits) return late;
  return transitionBetween(timeZone, late, early, offsetAfter);
}

/** The first instant in (before, after] whose offset is `offsetAfter`; binary search to the millisecond. */
function transitionBetween(timeZone: string, before: number, after: number, offsetAfter: number): number {
  let low = before;
  let high = after;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (offsetAt(timeZone, middle) === offsetAfter) high = middle;
    else low = middle;
  }
  return high;
}

/** Local calendar day number (days since 1970-01-01) of a wall value. */
export const dayOfWall = (wall: number): number => Math.floor(wall / DAY_MS);

/** 0 = Sunday … 6 = Saturday, like Date#getUTCDay; 1970-01-01 was a Thursday. */
export const weekdayOfDay = (day: number): number => (((day + 4) % 7) + 7) % 7;

/** 'YYYY-MM-DD' of a day number. */
export const isoDateOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
