import { describe, expect, test } from 'bun:test';
import type { Holiday } from '../../src/business-hours/calendar';
import { businessTimeBetween, isOpenAt, nextOpeningAfter } from '../../src/business-hours/business-hours';
import { at, calendar, everyDay, HOUR, riyadhOffice } from './fixtures';

const withHolidays = (base: typeof riyadhOffice, holidays: Holiday[]) => ({ ...base, holidays });
const dailyOffice = calendar('Asia/Riyadh', everyDay('09:00-17:00'));
const noon = (date: string) => at(`${date}T12:00:00+03:00`);

describe('holidays', () => {
  test('a single date closes that whole local day', () => {
    const cal = withHolidays(riyadhOffice, [{ from: '2025-06-08', to: '2025-06-08', yearly: false }]);
    expect(isOpenAt(cal, noon('2025-06-08'))).toBe(false);
    expect(isOpenAt(cal, noon('2025-06-09'))).toBe(true);
    expect(nextOpeningAfter(cal, at('2025-06-06T23:00:00+03:00'))).toBe(at('2025-06-09T09:00:00+03:00'));
  });

  test('a range closes every day from its first to its last, inclusive', () => {
    const cal = withHolidays(riyadhOffice, [{ from: '2025-06-08', to: '2025-06-10', yearly: false, name: 'Eid' }]);
    expect(['2025-06-08', '2025-06-09', '2025-06-10'].map((d) => isOpenAt(cal, noon(d)))).toEqual([false, false, false]);
    expect(nextOpeningAfter(cal, noon('2025-06-07'))).toBe(at('2025-06-11T09:00:00+03:00'));
  });

  test('a yearly holiday closes the same date in every year, before and after the year it was entered in', () => {
    const cal = withHolidays(dailyOffice, [{ from: '2025-09-23', to: '2025-09-23', yearly: true, name: 'National Day' }]);
    for (const year of [2024, 2025, 2026, 2031]) {
      expect([isOpenAt(cal, noon(`${year}-09-22`)), isOpenAt(cal, noon(`${year}-09-23`)), isOpenAt(cal, noon(`${year}-09-24`))]).toEqual([true, false, true]);
    }
  });

  test('a one-off holiday closes only the year it names', () => {
    const cal = withHolidays(dailyOffice, [{ from: '2025-09-23', to: '2025-09-23', yearly: false }]);
    expect(isOpenAt(cal, noon('2025-09-23'))).toBe(false);
    expect(isOpenAt(cal, noon('2026-09-23'))).toBe(true);
    expect(isOpenAt(cal, noon('2024-09-23'))).toBe(true);
  });

  test('a one-off range crossing New Year closes both ends of it', () => {
    const cal = withHolidays(riyadhOffice, [{ from: '2025-12-30', to: '2026-01-02', yearly: false }]);
    expect(isOpenAt(cal, noon('2025-12-29'))).toBe(true);
    expect(isOpenAt(cal, noon('2025-12-31'))).toBe(false);
    expect(isOpenAt(cal, noon('2026-01-01'))).toBe(false);
    // Dec 30 is a Tuesday; Jan 2–3 are the weekend, so the office is back on Sunday Jan 4.
    expect(nextOpeningAfter(cal, at('2025-12-29T18:00:00+03:00'))).toBe(at('2026-01-04T09:00:00+03:00'));
    expect(isOpenAt(cal, noon('2026-12-31'))).toBe(true);
  });

  test('a yearly range crossing New Year closes late December and early January every year', () => {
    const cal = withHolidays(dailyOffice, [{ from: '2025-12-31', to: '2026-01-01', yearly: true }]);
    const openings = ['2030-12-30', '2030-12-31', '2031-01-01', '2031-01-02', '2030-01-01', '2030-06-15'].map((d) => isOpenAt(cal, noon(d)));
    expect(openings).toEqual([true, false, false, true, false, true]);
  });

  test('a yearly February 29 closes only leap years', () => {
    const cal = withHolidays(dailyOffice, [{ from: '2024-02-29', to: '2024-02-29', yearly: true }]);
    expect(isOpenAt(cal, noon('2028-02-29'))).toBe(false);
    expect(isOpenAt(cal, noon('2027-02-28'))).toBe(true);
    expect(isOpenAt(cal, noon('2027-03-01'))).toBe(true);
  });

  test('holiday dates are local dates in the calendar’s zone', () => {
    const newYork = { ...calendar('America/New_York', everyDay('00:00-24:00')), holidays: [{ from: '2025-12-25', to: '2025-12-25', yearly: false }] };
    expect(isOpenAt(newYork, at('2025-12-25T03:00:00Z'))).toBe(true); // still Dec 24, 22:00 in New York
    expect(isOpenAt(newYork, at('2025-12-25T06:00:00Z'))).toBe(false);
    expect(nextOpeningAfter(newYork, at('2025-12-25T06:00:00Z'))).toBe(at('2025-12-26T00:00:00-05:00'));
  });

  test('business time over a week leaves a holiday out', () => {
    const weekStart = at('2025-06-08T00:00:00+03:00');
    const weekEnd = at('2025-06-15T00:00:00+03:00');
    expect(businessTimeBetween(riyadhOffice, weekStart, weekEnd)).toBe(40 * HOUR);
    const cal = withHolidays(riyadhOffice, [{ from: '2025-06-10', to: '2025-06-10', yearly: false }]);
    expect(businessTimeBetween(cal, weekStart, weekEnd)).toBe(32 * HOUR);
  });
});

describe('an overnight shift next to a holiday', () => {
  // The holiday closes shifts that START on it; the shift from the evening before still runs to 06:00.
  const cal = { ...calendar('Asia/Riyadh', everyDay('22:00-06:00')), holidays: [{ from: '2025-06-10', to: '2025-06-10', yearly: false }] };

  test.each([
    ['the eve’s shift, before midnight', '2025-06-09T23:00:00+03:00', true],
    ['the eve’s shift, after midnight on the holiday', '2025-06-10T02:00:00+03:00', true],
    ['the holiday evening', '2025-06-10T22:00:00+03:00', false],
    ['the morning after the holiday, its shift never started', '2025-06-11T02:00:00+03:00', false],
    ['the next evening', '2025-06-11T22:00:00+03:00', true],
  ])('%s: open %p', (_name, instant, open) => {
    expect(isOpenAt(cal, at(instant))).toBe(open);
  });

  test('the next opening after the eve’s shift ends is the evening after the holiday', () => {
    expect(nextOpeningAfter(cal, at('2025-06-10T07:00:00+03:00'))).toBe(at('2025-06-11T22:00:00+03:00'));
  });
});
