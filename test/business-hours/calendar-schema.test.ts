import { describe, expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { businessCalendarSchema, type BusinessCalendar } from '../../src/business-hours/calendar';
import { en } from '../../src/i18n/locales/en';
import { ar } from '../../src/i18n/locales/ar';
import { everyDay, week } from './fixtures';

const valid = {
  timeZone: 'Asia/Riyadh',
  weekly: week({ sunday: ['09:00-12:00', '13:00-17:00'], thursday: ['22:00-06:00'] }),
  holidays: [{ from: '2025-12-30', to: '2026-01-02', yearly: false, name: ' New Year ' }],
};

/** Path → message key of every problem the schema finds. */
function problems(input: unknown): Record<string, string> {
  const result = businessCalendarSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

describe('business calendar schema', () => {
  test('accepts split shifts, an overnight shift and a holiday range, trimming the name', () => {
    const parsed: BusinessCalendar = businessCalendarSchema.parse(valid);
    expect(parsed.weekly.thursday).toEqual([{ start: '22:00', end: '06:00' }]);
    expect(parsed.holidays[0]!.name).toBe('New Year');
  });

  test('fills in closed days and no holidays when they are left out', () => {
    const parsed = businessCalendarSchema.parse({ timeZone: 'UTC', weekly: { monday: [{ start: '09:00', end: '17:00' }] } });
    expect(parsed.weekly.friday).toEqual([]);
    expect(parsed.holidays).toEqual([]);
  });

  test.each([
    ['an always-open week', everyDay('00:00-24:00')],
    ['intervals that touch', week({ monday: ['09:00-12:00', '12:00-17:00'] })],
    ['an overnight shift touching the next morning', week({ monday: ['22:00-06:00'], tuesday: ['06:00-09:00'] })],
    ['a Saturday night shift touching Sunday morning', week({ saturday: ['20:00-02:00'], sunday: ['02:00-05:00'] })],
    ['a shift of a full 24 hours from 09:00', week({ monday: ['09:00-09:00'] })],
  ])('accepts %s', (_name, weekly) => {
    expect(problems({ ...valid, weekly })).toEqual({});
  });

  test.each([
    ['an unknown time zone', { ...valid, timeZone: 'Mars/Olympus' }, { timeZone: 'hours.timeZone.invalid' }],
    ['a bare offset for a time zone', { ...valid, timeZone: '+03:00' }, { timeZone: 'hours.timeZone.invalid' }],
    ['a start of 24:00', { ...valid, weekly: week({ monday: ['24:00-02:00'] }) }, { 'weekly.monday.0.start': 'hours.time.invalid' }],
    ['a time without a leading zero', { ...valid, weekly: week({ monday: ['9:00-17:00'] }) }, { 'weekly.monday.0.start': 'hours.time.invalid' }],
    ['an end of 24:30', { ...valid, weekly: week({ monday: ['09:00-24:30'] }) }, { 'weekly.monday.0.end': 'hours.endTime.invalid' }],
    ['minutes past 59', { ...valid, weekly: week({ monday: ['09:60-17:00'] }) }, { 'weekly.monday.0.start': 'hours.time.invalid' }],
    ['overlapping intervals on one day', { ...valid, weekly: week({ monday: ['09:00-13:00', '12:00-17:00'] }) }, { 'weekly.monday.1': 'hours.interval.overlaps' }],
    ['an overnight shift overlapping the next morning', { ...valid, weekly: week({ monday: ['22:00-06:00'], tuesday: ['05:00-09:00'] }) }, { 'weekly.tuesday.0': 'hours.interval.overlaps' }],
    ['a Saturday night shift overlapping Sunday morning', { ...valid, weekly: week({ sunday: ['01:00-05:00'], saturday: ['22:00-02:00'] }) }, { 'weekly.saturday.0': 'hours.interval.overlaps' }],
    ['the same interval twice', { ...valid, weekly: week({ friday: ['09:00-17:00', '09:00-17:00'] }) }, { 'weekly.friday.1': 'hours.interval.overlaps' }],
    ['more than 12 intervals a day', { ...valid, weekly: week({ monday: Array.from({ length: 13 }, (_, i) => `${String(i).padStart(2, '0')}:00-${String(i).padStart(2, '0')}:30`) }) }, { 'weekly.monday': 'hours.intervals.tooMany' }],
    ['a holiday ending before it starts', { ...valid, holidays: [{ from: '2025-06-10', to: '2025-06-09', yearly: false }] }, { 'holidays.0.to': 'hours.holiday.endBeforeStart' }],
    ['a date that does not exist', { ...valid, holidays: [{ from: '2025-02-30', to: '2025-03-01', yearly: false }] }, { 'holidays.0.from': 'hours.date.invalid' }],
    ['a date in another format', { ...valid, holidays: [{ from: '10/06/2025', to: '2025-06-10', yearly: false }] }, { 'holidays.0.from': 'hours.date.invalid' }],
    ['a yearly holiday a whole year long', { ...valid, holidays: [{ from: '2025-06-10', to: '2026-06-10', yearly: true }] }, { 'holidays.0.to': 'hours.holiday.yearlyTooLong' }],
    ['a holiday without its yearly flag', { ...valid, holidays: [{ from: '2025-06-10', to: '2025-06-10' }] }, { 'holidays.0.yearly': 'hours.holiday.yearly.invalid' }],
    ['a holiday name over 100 characters', { ...valid, holidays: [{ from: '2025-06-10', to: '2025-06-10', yearly: false, name: 'x'.repeat(101) }] }, { 'holidays.0.name': 'hours.holiday.nameTooLong' }],
  ])('refuses %s', (_name, input, expected) => {
    expect(problems(input)).toEqual(expected);
  });

  test('accepts a yearly range crossing New Year that is shorter than a year', () => {
    expect(problems({ ...valid, holidays: [{ from: '2025-12-31', to: '2026-01-01', yearly: true }] })).toEqual({});
  });

  test('every message the schema can give has English and Arabic text', () => {
    const source = readFileSync(join(import.meta.dir, '../../src/business-hours/calendar.ts'), 'utf8');
    const keys = new Set([...source.matchAll(/'(hours\.[\w.]+)'/g)].map((match) => match[1]!));
    expect(keys.size).toBeGreaterThan(8);
    expect([...keys].filter((key) => !(key in en) || !(key in ar))).toEqual([]);
  });
});
