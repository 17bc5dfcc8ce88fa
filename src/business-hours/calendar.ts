import { z } from 'zod';
import { isKnownTimeZone } from './local-time';

/** Indexed like Date#getUTCDay: 0 = Sunday. */
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Local 'HH:MM'. An end at or before the start runs past midnight into the next day (22:00–06:00); '24:00' ends at midnight. */
export interface Interval {
  start: string;
  end: string;
}

/** Closed local days from `from` to `to` inclusive ('YYYY-MM-DD'); `yearly` ignores the year and repeats every year. */
export interface Holiday {
  from: string;
  to: string;
  yearly: boolean;
  name?: string;
}

export interface BusinessCalendar {
  timeZone: string;
  weekly: Record<Weekday, Interval[]>;
  holidays: Holiday[];
}

export const MAX_INTERVALS_PER_DAY = 12;
export const MAX_HOLIDAYS = 500;
const WEEK_MINUTES = 7 * 1440;

/** Minutes after local midnight: '09:30' → 570, '24:00' → 1440. */
export const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Start and end in minutes after the start day's midnight; the end may pass 1440 (overnight), never reaches past 2880. */
export function intervalMinutes(interval: Interval): { start: number; end: number } {
  const start = minutesOf(interval.start);
  const end = minutesOf(interval.end);
  return { start, end: end <= start ? end + 1440 : end };
}

// Messages are i18n keys (src/i18n/locales/*/hours.ts), translated where the calendar form is shown.
const startTime = z.string({ error: 'hours.time.invalid' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'hours.time.invalid');
const endTime = z.string({ error: 'hours.endTime.invalid' }).regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'hours.endTime.invalid');
const intervalSchema = z.object({ start: startTime, end: endTime });

const isoDate = z.string({ error: 'hours.date.invalid' }).refine(isRealDate, 'hours.date.invalid');

function isRealDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

const holidaySchema = z
  .object({
    from: isoDate,
    to: isoDate,
    yearly: z.boolean({ error: 'hours.holiday.yearly.invalid' }),
    name: z.string().trim().max(100, 'hours.holiday.nameTooLong').optional(),
  })
  .superRefine((holiday, ctx) => {
    if (holiday.to < holiday.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'hours.holiday.endBeforeStart' });
    else if (holiday.yearly && holiday.to >= `${Number(holiday.from.slice(0, 4)) + 1}${holiday.from.slice(4)}`) {
      // A yearly range of a whole year or more would close every day; it is almost certainly a typo in the year.
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'hours.holiday.yearlyTooLong' });
    }
  });

const daySchema = z.array(intervalSchema).max(MAX_INTERVALS_PER_DAY, 'hours.intervals.tooMany').default([]);

const weeklySchema = z
  .object(Object.fromEntries(WEEKDAYS.map((day) => [day, daySchema])) as Record<Weekday, typeof daySchema>)
  .superRefine((weekly, ctx) => {
    for (const clash of overlappingIntervals(weekly)) ctx.addIssue({ code: 'custom', path: clash, message: 'hours.interval.overlaps' });
  });

export const businessCalendarSchema = z.object({
  timeZone: z.string({ error: 'hours.timeZone.invalid' }).refine(isKnownTimeZone, 'hours.timeZone.invalid'),
  weekly: weeklySchema,
  holidays: z.array(holidaySchema).max(MAX_HOLIDAYS, 'hours.holidays.tooMany').default([]),
});

/**
 * Paths ([day, index]) of intervals that overlap an earlier one, on the repeating week so that Saturday's overnight
 * shift is checked against Sunday morning. Touching (17:00 end, 17:00 start) is allowed.
 */
function overlappingIntervals(weekly: Record<Weekday, Interval[]>): [Weekday, number][] {
  const spans = WEEKDAYS.flatMap((day, dayIndex) =>
    weekly[day].map((interval, index) => {
      const { start, end } = intervalMinutes(interval);
      return { day, index, start: dayIndex * 1440 + start, end: dayIndex * 1440 + end };
    }),
  );
  const clashes: [Weekday, number][] = [];
  spans.forEach((span, i) => {
    const clashesWithEarlier = spans.slice(0, i).some((other) =>
      [-WEEK_MINUTES, 0, WEEK_MINUTES].some((shift) => span.start < other.end + shift && other.start + shift < span.end),
    );
    if (clashesWithEarlier) clashes.push([span.day, span.index]);
  });
  return clashes;
}
