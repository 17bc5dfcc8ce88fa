import { describe, expect, test } from 'bun:test';
import type { BusinessCalendar } from '../../src/business-hours/calendar';
import { addBusinessTime, businessTimeBetween, isOpenAt, openIntervalsBetween } from '../../src/business-hours/business-hours';
import { at, calendar, DAY, everyDay, HOUR, MINUTE, riyadhOffice, seededRandom, week } from './fixtures';

const neverOpen = calendar('UTC', week({}));
const alwaysOpen = calendar('Europe/Berlin', everyDay('00:00-24:00'));

describe('open intervals between two instants', () => {
  test('lists each open span in UTC, clipped to the window', () => {
    const cal = calendar('Asia/Riyadh', everyDay('09:00-12:00', '13:00-17:00'));
    expect(openIntervalsBetween(cal, at('2025-06-01T10:00:00+03:00'), at('2025-06-02T10:00:00+03:00'))).toEqual([
      [at('2025-06-01T07:00:00Z'), at('2025-06-01T09:00:00Z')],
      [at('2025-06-01T10:00:00Z'), at('2025-06-01T14:00:00Z')],
      [at('2025-06-02T06:00:00Z'), at('2025-06-02T07:00:00Z')],
    ]);
  });

  test('joins intervals that touch across midnight into one span', () => {
    const cal = calendar('Asia/Riyadh', week({ monday: ['18:00-24:00'], tuesday: ['00:00-02:00', '02:00-03:00'] }));
    expect(openIntervalsBetween(cal, at('2025-06-02T00:00:00+03:00'), at('2025-06-04T00:00:00+03:00'))).toEqual([
      [at('2025-06-02T18:00:00+03:00'), at('2025-06-03T03:00:00+03:00')],
    ]);
  });

  test('includes the tail of an overnight shift that started before the window', () => {
    const cal = calendar('Asia/Riyadh', everyDay('22:00-06:00'));
    expect(openIntervalsBetween(cal, at('2025-06-04T03:00:00+03:00'), at('2025-06-04T23:00:00+03:00'))).toEqual([
      [at('2025-06-04T03:00:00+03:00'), at('2025-06-04T06:00:00+03:00')],
      [at('2025-06-04T22:00:00+03:00'), at('2025-06-04T23:00:00+03:00')],
    ]);
  });

  test('is empty for an empty or backwards window', () => {
    expect(openIntervalsBetween(alwaysOpen, at('2025-06-04T03:00:00Z'), at('2025-06-04T03:00:00Z'))).toEqual([]);
    expect(openIntervalsBetween(alwaysOpen, at('2025-06-04T03:00:00Z'), at('2025-06-03T03:00:00Z'))).toEqual([]);
  });
});

describe('business time between two instants', () => {
  test.each([
    ['a whole Riyadh working week', '2025-06-08T00:00:00+03:00', '2025-06-15T00:00:00+03:00', 40 * HOUR],
    ['Thursday 16:00 to Sunday 10:00, across the weekend', '2025-06-05T16:00:00+03:00', '2025-06-08T10:00:00+03:00', 2 * HOUR],
    ['inside one interval', '2025-06-08T10:15:00+03:00', '2025-06-08T10:45:00+03:00', 30 * MINUTE],
    ['entirely out of hours', '2025-06-06T10:00:00+03:00', '2025-06-07T10:00:00+03:00', 0],
    ['backwards', '2025-06-09T10:00:00+03:00', '2025-06-08T10:00:00+03:00', 0],
  ])('%s', (_name, from, to, expected) => {
    expect(businessTimeBetween(riyadhOffice, at(from), at(to))).toBe(expected);
  });

  test('is all the time for an always-open calendar and none for a never-open one', () => {
    expect(businessTimeBetween(alwaysOpen, at('2025-01-01T00:00:00Z'), at('2026-01-01T00:00:00Z'))).toBe(365 * DAY);
    expect(businessTimeBetween(neverOpen, at('2025-01-01T00:00:00Z'), at('2026-01-01T00:00:00Z'))).toBe(0);
  });

  test('counts open time after a closure longer than the search horizon', () => {
    const cal = { ...calendar('UTC', everyDay('09:00-10:00')), holidays: [{ from: '2025-01-01', to: '2026-12-31', yearly: false }] };
    expect(businessTimeBetween(cal, at('2025-01-01T00:00:00Z'), at('2027-01-03T00:00:00Z'))).toBe(2 * HOUR);
  });
});

describe('adding business time', () => {
  test.each([
    ['two hours from Thursday 16:00 runs into Sunday', '2025-06-05T16:00:00+03:00', 2 * HOUR, '2025-06-08T10:00:00+03:00'],
    ['from out of hours, starts counting at the opening', '2025-06-06T23:00:00+03:00', 30 * MINUTE, '2025-06-08T09:30:00+03:00'],
    ['exactly to the end of a day stops at the closing, not the next opening', '2025-06-08T09:00:00+03:00', 8 * HOUR, '2025-06-08T17:00:00+03:00'],
    ['one millisecond more starts the next working day', '2025-06-08T09:00:00+03:00', 8 * HOUR + 1, '2025-06-09T09:00:00.001+03:00'],
    ['nothing is the start itself, even out of hours', '2025-06-06T23:00:00+03:00', 0, '2025-06-06T23:00:00+03:00'],
  ])('%s', (_name, from, ms, expected) => {
    expect(addBusinessTime(riyadhOffice, at(from), ms)).toBe(at(expected));
  });

  test('goes on past the search horizon when the calendar keeps opening', () => {
    const t = at('2025-06-01T12:00:00Z');
    expect(addBusinessTime(calendar('UTC', everyDay('00:00-24:00')), t, 1000 * DAY)).toBe(t + 1000 * DAY);
  });

  test('is undefined when the calendar never opens', () => {
    expect(addBusinessTime(neverOpen, at('2025-06-01T12:00:00Z'), HOUR)).toBeUndefined();
  });

  test('refuses a negative duration', () => {
    expect(() => addBusinessTime(riyadhOffice, at('2025-06-01T12:00:00Z'), -1)).toThrow(RangeError);
  });
});

describe('consistency over random instants (seeded)', () => {
  const calendars: Record<string, BusinessCalendar> = {
    'Riyadh office with a weekend': riyadhOffice,
    'Berlin split shifts': calendar('Europe/Berlin', week({ monday: ['08:00-12:00', '13:00-17:30'], wednesday: ['01:30-03:30', '20:00-24:00'], sunday: ['02:15-02:45'] })),
    'New York overlapping night shifts (the schema would refuse them) with holidays': {
      ...calendar('America/New_York', week({ friday: ['22:00-06:00'], saturday: ['01:00-02:30', '23:00-01:30'], sunday: ['10:00-10:05'] })),
      holidays: [
        { from: '2024-12-24', to: '2025-01-01', yearly: true },
        { from: '2025-11-01', to: '2025-11-01', yearly: false },
      ],
    },
    'Santiago every day': calendar('America/Santiago', everyDay('00:00-01:00', '23:00-24:00')),
    'Berlin always open': alwaysOpen,
  };
  const start = at('2024-01-01T00:00:00Z');
  const span = 3 * 365 * DAY;

  for (const [name, cal] of Object.entries(calendars)) {
    test(`${name}: time added is the time counted back, and the deadline is the earliest such instant`, () => {
      const random = seededRandom(name.length * 7919);
      for (let i = 0; i < 150; i++) {
        const t = start + Math.floor(random() * span);
        const ms = random() < 0.2 ? Math.floor(random() * 10) * MINUTE : Math.floor(random() * 60 * HOUR);
        const deadline = addBusinessTime(cal, t, ms)!;
        expect(businessTimeBetween(cal, t, deadline)).toBe(ms);
        if (ms > 0) expect(businessTimeBetween(cal, t, deadline - 1)).toBe(ms - 1);
      }
    });

    test(`${name}: business time adds up over consecutive windows and matches isOpenAt`, () => {
      const random = seededRandom(name.length * 104729);
      for (let i = 0; i < 150; i++) {
        const a = start + Math.floor(random() * span);
        const b = a + Math.floor(random() * 5 * DAY);
        const c = b + Math.floor(random() * 5 * DAY);
        expect(businessTimeBetween(cal, a, b) + businessTimeBetween(cal, b, c)).toBe(businessTimeBetween(cal, a, c));
        const inside = openIntervalsBetween(cal, a - DAY, a + DAY).some(([open, close]) => open <= a && a < close);
        expect(isOpenAt(cal, a)).toBe(inside);
      }
    });
  }
});
