import { WEEKDAYS, type BusinessCalendar, type Holiday, type Interval, type Weekday } from '../../src/business-hours/calendar';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** An instant from an ISO string with an explicit offset, so expectations never lean on the code under test. */
export function at(iso: string): number {
  const t = Date.parse(iso);
  if (Number.isNaN(t) || !/(Z|[+-]\d\d:\d\d)$/.test(iso)) throw new Error(`not an instant with an offset: ${iso}`);
  return t;
}

/** `week({ monday: ['09:00-12:00', '13:00-17:00'] })`; days left out are closed. */
export function week(days: Partial<Record<Weekday, string[]>>): Record<Weekday, Interval[]> {
  const intervals = (texts: string[] = []) =>
    texts.map((text) => {
      const [start, end] = text.split('-') as [string, string];
      return { start, end };
    });
  return Object.fromEntries(WEEKDAYS.map((day) => [day, intervals(days[day])])) as Record<Weekday, Interval[]>;
}

export const everyDay = (...texts: string[]) => week(Object.fromEntries(WEEKDAYS.map((day) => [day, texts])));

export function calendar(timeZone: string, weekly: Record<Weekday, Interval[]>, holidays: Holiday[] = []): BusinessCalendar {
  return { timeZone, weekly, holidays };
}

/** Sunday to Thursday 09:00–17:00 in Riyadh; Friday and Saturday are the weekend. */
export const riyadhOffice = calendar(
  'Asia/Riyadh',
  week({ sunday: ['09:00-17:00'], monday: ['09:00-17:00'], tuesday: ['09:00-17:00'], wednesday: ['09:00-17:00'], thursday: ['09:00-17:00'] }),
);

/** Seeded PRNG (mulberry32) so a failing property run can be replayed exactly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
