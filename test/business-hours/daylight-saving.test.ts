import { describe, expect, test } from 'bun:test';
import { businessTimeBetween, isOpenAt, nextClosingAfter, nextOpeningAfter, openIntervalsBetween } from '../../src/business-hours/business-hours';
import { at, calendar, everyDay, HOUR, MINUTE, week } from './fixtures';

// Clocks go forward on 2025-03-30 (Berlin) and 2025-03-09 (New York), and back on 2025-10-26 and 2025-11-02.
const changeDays = [
  ['Europe/Berlin', 'forward', '2025-03-30', '2025-03-30T00:30:00Z', '2025-03-30T01:30:00Z', 1 * HOUR],
  ['Europe/Berlin', 'back', '2025-10-26', '2025-10-25T23:30:00Z', '2025-10-26T02:30:00Z', 3 * HOUR],
  ['America/New_York', 'forward', '2025-03-09', '2025-03-09T06:30:00Z', '2025-03-09T07:30:00Z', 1 * HOUR],
  ['America/New_York', 'back', '2025-11-02', '2025-11-02T05:30:00Z', '2025-11-02T08:30:00Z', 3 * HOUR],
] as const;

describe('an interval 01:30–03:30 on the day clocks change', () => {
  test.each(changeDays)('%s, clocks %s on %s: open from %s to %s', (zone, _direction, date, opens, closes, length) => {
    const cal = calendar(zone, everyDay('01:30-03:30'));
    const dayBefore = at(opens) - 12 * HOUR;
    const dayAfter = at(closes) + 12 * HOUR;
    expect(openIntervalsBetween(cal, dayBefore, dayAfter)).toEqual([[at(opens), at(closes)]]);
    expect(businessTimeBetween(cal, dayBefore, dayAfter)).toBe(length);
    expect(nextOpeningAfter(cal, dayBefore)).toBe(at(opens));
    expect(nextClosingAfter(cal, at(opens))).toBe(at(closes));
    // Keeps the table honest: the opening falls on the change day named in it.
    expect(new Date(at(opens) + 6 * HOUR).toISOString().slice(0, 10)).toBe(date);
  });

  test.each(changeDays)('%s, clocks %s on %s: three days count the real elapsed open time', (zone, _direction, _date, opens, _closes, length) => {
    const cal = calendar(zone, everyDay('01:30-03:30'));
    // The day before and the day after each have a normal two-hour interval.
    expect(businessTimeBetween(cal, at(opens) - 30 * HOUR, at(opens) + 40 * HOUR)).toBe(2 * HOUR + length + 2 * HOUR);
  });

  test('is open on both sides of the skipped hour and closed once the wall clock passes 03:30', () => {
    const cal = calendar('Europe/Berlin', everyDay('01:30-03:30'));
    expect(isOpenAt(cal, at('2025-03-30T01:59:00+01:00'))).toBe(true);
    expect(isOpenAt(cal, at('2025-03-30T03:00:00+02:00'))).toBe(true);
    expect(isOpenAt(cal, at('2025-03-30T03:30:00+02:00'))).toBe(false);
  });

  test('is open through both passes of the repeated hour', () => {
    const cal = calendar('America/New_York', everyDay('01:30-03:30'));
    expect(isOpenAt(cal, at('2025-11-02T01:45:00-04:00'))).toBe(true);
    expect(isOpenAt(cal, at('2025-11-02T01:15:00-05:00'))).toBe(true);
    expect(isOpenAt(cal, at('2025-11-02T03:30:00-05:00'))).toBe(false);
  });
});

describe('intervals touching a skipped or repeated hour', () => {
  test('an interval inside the skipped hour does not happen that day', () => {
    const cal = calendar('Europe/Berlin', everyDay('02:00-02:45'));
    expect(businessTimeBetween(cal, at('2025-03-30T00:00:00+01:00'), at('2025-03-31T00:00:00+02:00'))).toBe(0);
    expect(nextOpeningAfter(cal, at('2025-03-30T00:00:00+01:00'))).toBe(at('2025-03-31T02:00:00+02:00'));
  });

  test('an interval starting in the skipped hour opens when the clock jumps', () => {
    const cal = calendar('Europe/Berlin', everyDay('02:30-04:00'));
    expect(nextOpeningAfter(cal, at('2025-03-30T00:00:00+01:00'))).toBe(at('2025-03-30T03:00:00+02:00'));
  });

  test('an interval ending in the skipped hour closes when the clock jumps', () => {
    const cal = calendar('Europe/Berlin', everyDay('00:00-02:30'));
    expect(isOpenAt(cal, at('2025-03-30T03:15:00+02:00'))).toBe(false);
    expect(businessTimeBetween(cal, at('2025-03-30T00:00:00+01:00'), at('2025-03-30T12:00:00+02:00'))).toBe(2 * HOUR);
  });

  test('an interval inside the repeated hour counts its first pass only', () => {
    const cal = calendar('Europe/Berlin', everyDay('02:15-02:45'));
    expect(openIntervalsBetween(cal, at('2025-10-26T00:00:00+02:00'), at('2025-10-26T12:00:00+01:00'))).toEqual([
      [at('2025-10-26T02:15:00+02:00'), at('2025-10-26T02:45:00+02:00')],
    ]);
    expect(isOpenAt(cal, at('2025-10-26T02:20:00+01:00'))).toBe(false);
  });

  test('office hours 09:00–17:00 stay eight real hours on both change days', () => {
    const cal = calendar('America/New_York', everyDay('09:00-17:00'));
    expect(businessTimeBetween(cal, at('2025-03-09T00:00:00-05:00'), at('2025-03-10T00:00:00-04:00'))).toBe(8 * HOUR);
    expect(businessTimeBetween(cal, at('2025-11-02T00:00:00-04:00'), at('2025-11-03T00:00:00-05:00'))).toBe(8 * HOUR);
  });
});

describe('overnight shifts and whole days across a change', () => {
  test.each([
    ['forward', '2025-03-29T22:00:00+01:00', '2025-03-30T06:00:00+02:00', 7 * HOUR],
    ['back', '2025-10-25T22:00:00+02:00', '2025-10-26T06:00:00+01:00', 9 * HOUR],
  ])('a 22:00–06:00 shift the night clocks go %s runs from %s to %s', (_direction, opens, closes, length) => {
    const cal = calendar('Europe/Berlin', everyDay('22:00-06:00'));
    expect(nextClosingAfter(cal, at(opens))).toBe(at(closes));
    expect(businessTimeBetween(cal, at(opens) - HOUR, at(closes) + HOUR)).toBe(length);
  });

  test('an always-open calendar counts a 23-hour and a 25-hour day', () => {
    const cal = calendar('Europe/Berlin', everyDay('00:00-24:00'));
    expect(businessTimeBetween(cal, at('2025-03-30T00:00:00+01:00'), at('2025-03-31T00:00:00+02:00'))).toBe(23 * HOUR);
    expect(businessTimeBetween(cal, at('2025-10-26T00:00:00+02:00'), at('2025-10-27T00:00:00+01:00'))).toBe(25 * HOUR);
  });

  test('a day whose midnight does not exist opens when the clock jumps to 01:00', () => {
    // Santiago moves from 00:00 straight to 01:00 on Sunday 2025-09-07.
    const cal = calendar('America/Santiago', week({ sunday: ['00:00-24:00'] }));
    expect(nextOpeningAfter(cal, at('2025-09-06T12:00:00-04:00'))).toBe(at('2025-09-07T01:00:00-03:00'));
    expect(nextClosingAfter(cal, at('2025-09-07T12:00:00-03:00'))).toBe(at('2025-09-08T00:00:00-03:00'));
    expect(businessTimeBetween(cal, at('2025-09-06T00:00:00-04:00'), at('2025-09-09T00:00:00-03:00'))).toBe(23 * HOUR);
  });

  test('a half-hour change (Lord Howe Island) shortens the day by thirty minutes', () => {
    const cal = calendar('Australia/Lord_Howe', everyDay('00:00-24:00'));
    expect(businessTimeBetween(cal, at('2025-10-05T00:00:00+10:30'), at('2025-10-06T00:00:00+11:00'))).toBe(23 * HOUR + 30 * MINUTE);
  });
});
