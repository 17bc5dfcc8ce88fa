import { describe, expect, test } from 'bun:test';
import { isOpenAt, nextClosingAfter, nextOpeningAfter } from '../../src/business-hours/business-hours';
import { at, calendar, everyDay, riyadhOffice, week } from './fixtures';

// 2025-06-01 is a Sunday; Riyadh is UTC+3 all year.
const splitShifts = calendar('Asia/Riyadh', everyDay('09:00-12:00', '13:00-17:00', '19:00-21:00'));
const nightShift = calendar('Asia/Riyadh', everyDay('22:00-06:00'));
const fridayNightOnly = calendar('Asia/Riyadh', week({ friday: ['22:00-06:00'] }));
const eveningToMidnight = calendar('Asia/Riyadh', week({ monday: ['18:00-24:00'], tuesday: ['00:00-02:00'] }));
const alwaysOpen = calendar('Europe/Berlin', everyDay('00:00-24:00'));
const neverOpen = calendar('Europe/Berlin', week({}));

type Row = [string, string, boolean, string | undefined, string | undefined];

// [case, instant, open?, next opening, next closing]
const cases: Record<string, [typeof splitShifts, Row[]]> = {
  'several intervals a day': [
    splitShifts,
    [
      ['before the first interval', '2025-06-01T08:00:00+03:00', false, '2025-06-01T09:00:00+03:00', '2025-06-01T08:00:00+03:00'],
      ['at the start of the first', '2025-06-01T09:00:00+03:00', true, '2025-06-01T09:00:00+03:00', '2025-06-01T12:00:00+03:00'],
      ['in the lunch break', '2025-06-01T12:30:00+03:00', false, '2025-06-01T13:00:00+03:00', '2025-06-01T12:30:00+03:00'],
      ['at the very end of the second (ends are exclusive)', '2025-06-01T17:00:00+03:00', false, '2025-06-01T19:00:00+03:00', '2025-06-01T17:00:00+03:00'],
      ['a millisecond before an end', '2025-06-01T16:59:59.999+03:00', true, '2025-06-01T16:59:59.999+03:00', '2025-06-01T17:00:00+03:00'],
      ['in the third', '2025-06-01T20:00:00+03:00', true, '2025-06-01T20:00:00+03:00', '2025-06-01T21:00:00+03:00'],
      ['after the last, opening next morning', '2025-06-01T22:00:00+03:00', false, '2025-06-02T09:00:00+03:00', '2025-06-01T22:00:00+03:00'],
    ],
  ],
  'an overnight shift 22:00–06:00': [
    nightShift,
    [
      ['late evening', '2025-06-03T23:00:00+03:00', true, '2025-06-03T23:00:00+03:00', '2025-06-04T06:00:00+03:00'],
      ['after midnight', '2025-06-04T02:00:00+03:00', true, '2025-06-04T02:00:00+03:00', '2025-06-04T06:00:00+03:00'],
      ['exactly at midnight', '2025-06-04T00:00:00+03:00', true, '2025-06-04T00:00:00+03:00', '2025-06-04T06:00:00+03:00'],
      ['in the morning after it ends', '2025-06-04T07:00:00+03:00', false, '2025-06-04T22:00:00+03:00', '2025-06-04T07:00:00+03:00'],
      ['exactly when it ends', '2025-06-04T06:00:00+03:00', false, '2025-06-04T22:00:00+03:00', '2025-06-04T06:00:00+03:00'],
    ],
  ],
  'an overnight shift on a day followed by a closed day': [
    fridayNightOnly,
    [
      ['Saturday early, the tail of Friday night', '2025-06-07T03:00:00+03:00', true, '2025-06-07T03:00:00+03:00', '2025-06-07T06:00:00+03:00'],
      ['Saturday noon, next Friday night', '2025-06-07T12:00:00+03:00', false, '2025-06-13T22:00:00+03:00', '2025-06-07T12:00:00+03:00'],
    ],
  ],
  'a Friday–Saturday weekend in Riyadh': [
    riyadhOffice,
    [
      ['a message at 23:00 on a Friday', '2025-06-06T23:00:00+03:00', false, '2025-06-08T09:00:00+03:00', '2025-06-06T23:00:00+03:00'],
      ['Thursday after hours', '2025-06-05T17:30:00+03:00', false, '2025-06-08T09:00:00+03:00', '2025-06-05T17:30:00+03:00'],
      ['Saturday noon', '2025-06-07T12:00:00+03:00', false, '2025-06-08T09:00:00+03:00', '2025-06-07T12:00:00+03:00'],
      ['Sunday morning, open', '2025-06-08T10:00:00+03:00', true, '2025-06-08T10:00:00+03:00', '2025-06-08T17:00:00+03:00'],
      ['the same Sunday given in UTC', '2025-06-08T05:59:00Z', false, '2025-06-08T06:00:00Z', '2025-06-08T05:59:00Z'],
    ],
  ],
  'an interval ending at 24:00 joined by one starting at 00:00': [
    eveningToMidnight,
    [
      ['Monday evening', '2025-06-02T20:00:00+03:00', true, '2025-06-02T20:00:00+03:00', '2025-06-03T02:00:00+03:00'],
      ['the last millisecond of Monday', '2025-06-02T23:59:59.999+03:00', true, '2025-06-02T23:59:59.999+03:00', '2025-06-03T02:00:00+03:00'],
      ['Tuesday midnight', '2025-06-03T00:00:00+03:00', true, '2025-06-03T00:00:00+03:00', '2025-06-03T02:00:00+03:00'],
      ['Tuesday 02:00', '2025-06-03T02:00:00+03:00', false, '2025-06-09T18:00:00+03:00', '2025-06-03T02:00:00+03:00'],
    ],
  ],
  'an always-open calendar': [
    alwaysOpen,
    [
      ['midsummer', '2025-06-03T12:00:00Z', true, '2025-06-03T12:00:00Z', undefined],
      ['the night clocks go forward', '2025-03-30T01:30:00Z', true, '2025-03-30T01:30:00Z', undefined],
      ['at local midnight', '2025-06-02T22:00:00Z', true, '2025-06-02T22:00:00Z', undefined],
    ],
  ],
  'a never-open calendar': [neverOpen, [['any time', '2025-06-03T12:00:00Z', false, undefined, '2025-06-03T12:00:00Z']]],
};

for (const [group, [cal, rows]] of Object.entries(cases)) {
  describe(group, () => {
    test.each(rows)('%s (%s)', (_name, instant, open, opening, closing) => {
      const t = at(instant);
      expect(isOpenAt(cal, t)).toBe(open);
      expect(nextOpeningAfter(cal, t)).toBe(opening === undefined ? undefined : at(opening));
      expect(nextClosingAfter(cal, t)).toBe(closing === undefined ? undefined : at(closing));
    });
  });
}

describe('time zones', () => {
  test('answers in the calendar’s zone, whatever zone the instant was written in', () => {
    const tokyo = calendar('Asia/Tokyo', everyDay('09:00-17:00'));
    const newYork = calendar('America/New_York', everyDay('09:00-17:00'));
    const t = at('2025-06-03T01:00:00Z'); // 10:00 in Tokyo, 21:00 the evening before in New York
    expect(isOpenAt(tokyo, t)).toBe(true);
    expect(isOpenAt(newYork, t)).toBe(false);
    expect(nextOpeningAfter(newYork, t)).toBe(at('2025-06-03T09:00:00-04:00'));
  });
});
