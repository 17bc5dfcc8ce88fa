import { describe, expect, test } from 'bun:test';
import { at, calendar, HOUR, MINUTE, riyadhOffice, week } from '../business-hours/fixtures';
import { countedBetween, deadlineAfter, deadlineWithPauses, dueAt, pauseClock, resumeClock, usedBy, warnAt } from '../../src/sla/sla-deadlines';

// riyadhOffice: Sunday to Thursday 09:00–17:00 in Riyadh (UTC+3). 2026-11-01 is a Sunday, 2026-11-05 a Thursday.
const withHoliday = { ...riyadhOffice, holidays: [{ from: '2026-11-08', to: '2026-11-08', yearly: false }] };

describe('deadline of a target', () => {
  test('around the clock adds the target to the start', () => {
    expect(deadlineAfter(undefined, at('2026-11-06T22:00:00+03:00'), 2 * HOUR)).toBe(at('2026-11-07T00:00:00+03:00'));
  });

  test('inside opening hours adds open time on the same day', () => {
    expect(deadlineAfter(riyadhOffice, at('2026-11-01T10:00:00+03:00'), 2 * HOUR)).toBe(at('2026-11-01T12:00:00+03:00'));
  });

  test('a start before opening counts from the opening', () => {
    expect(deadlineAfter(riyadhOffice, at('2026-11-01T07:00:00+03:00'), HOUR)).toBe(at('2026-11-01T10:00:00+03:00'));
  });

  test('time left at closing carries over to the next morning', () => {
    expect(deadlineAfter(riyadhOffice, at('2026-11-01T16:30:00+03:00'), HOUR)).toBe(at('2026-11-02T09:30:00+03:00'));
  });

  test('the weekend does not count', () => {
    expect(deadlineAfter(riyadhOffice, at('2026-11-05T16:00:00+03:00'), 2 * HOUR)).toBe(at('2026-11-08T10:00:00+03:00'));
  });

  test('a holiday does not count either', () => {
    expect(deadlineAfter(withHoliday, at('2026-11-05T16:00:00+03:00'), 2 * HOUR)).toBe(at('2026-11-09T10:00:00+03:00'));
  });

  test('a message on the weekend is due in the first hours of the week', () => {
    expect(deadlineAfter(riyadhOffice, at('2026-11-06T12:00:00+03:00'), 30 * MINUTE)).toBe(at('2026-11-08T09:30:00+03:00'));
  });

  test('a calendar that never opens has no deadline', () => {
    expect(deadlineAfter(calendar('Asia/Riyadh', week({})), at('2026-11-01T10:00:00+03:00'), HOUR)).toBeUndefined();
  });
});

describe('pauses (pending conversations)', () => {
  test('a pause during opening hours pushes the deadline by its length', () => {
    const due = deadlineWithPauses(riyadhOffice, at('2026-11-01T10:00:00+03:00'), 4 * HOUR, [[at('2026-11-01T11:00:00+03:00'), at('2026-11-01T13:00:00+03:00')]]);
    expect(due).toBe(at('2026-11-01T16:00:00+03:00'));
  });

  test('a pause over the night only takes back the open time it covered', () => {
    const due = deadlineWithPauses(riyadhOffice, at('2026-11-01T15:00:00+03:00'), 4 * HOUR, [[at('2026-11-01T16:00:00+03:00'), at('2026-11-02T10:00:00+03:00')]]);
    expect(due).toBe(at('2026-11-02T13:00:00+03:00'));
  });

  test('a pause over a holiday weekend resumes on the next working day', () => {
    const due = deadlineWithPauses(withHoliday, at('2026-11-05T15:00:00+03:00'), 3 * HOUR, [[at('2026-11-05T16:00:00+03:00'), at('2026-11-07T12:00:00+03:00')]]);
    expect(due).toBe(at('2026-11-09T11:00:00+03:00'));
  });

  test('several pauses add up', () => {
    const due = deadlineWithPauses(undefined, at('2026-11-01T10:00:00+03:00'), 3 * HOUR, [
      [at('2026-11-01T10:30:00+03:00'), at('2026-11-01T11:00:00+03:00')],
      [at('2026-11-01T12:00:00+03:00'), at('2026-11-01T14:00:00+03:00')],
    ]);
    expect(due).toBe(at('2026-11-01T15:30:00+03:00'));
  });

  test('a pause that starts after the deadline does not move it', () => {
    const due = deadlineWithPauses(undefined, at('2026-11-01T10:00:00+03:00'), HOUR, [[at('2026-11-01T12:00:00+03:00'), at('2026-11-01T15:00:00+03:00')]]);
    expect(due).toBe(at('2026-11-01T11:00:00+03:00'));
  });

  test('a paused clock has no deadline and keeps the time used', () => {
    const paused = pauseClock({ targetMs: 4 * HOUR, usedMs: 0, runningSince: at('2026-11-01T08:00:00+03:00') }, at('2026-11-01T10:30:00+03:00'), riyadhOffice);
    expect(paused).toEqual({ targetMs: 4 * HOUR, usedMs: 90 * MINUTE, runningSince: null });
    expect(dueAt(paused, riyadhOffice)).toBeUndefined();
    expect(usedBy(paused, at('2026-11-01T16:00:00+03:00'), riyadhOffice)).toBe(90 * MINUTE);
  });

  test('resuming counts the rest from the resume time', () => {
    const resumed = resumeClock({ targetMs: 4 * HOUR, usedMs: 90 * MINUTE, runningSince: null }, at('2026-11-01T16:00:00+03:00'));
    expect(dueAt(resumed, riyadhOffice)).toBe(at('2026-11-02T10:30:00+03:00'));
  });
});

describe('warning time', () => {
  test('80% of a five-hour target warns one business hour before the deadline', () => {
    const state = { targetMs: 5 * HOUR, usedMs: 0, runningSince: at('2026-11-01T09:00:00+03:00') };
    expect(warnAt(state, 80, riyadhOffice)).toBe(at('2026-11-01T13:00:00+03:00'));
    expect(dueAt(state, riyadhOffice)).toBe(at('2026-11-01T14:00:00+03:00'));
  });

  test('the warning also skips closed hours', () => {
    const state = { targetMs: 10 * HOUR, usedMs: 0, runningSince: at('2026-11-05T12:00:00+03:00') };
    expect(warnAt(state, 80, riyadhOffice)).toBe(at('2026-11-08T12:00:00+03:00'));
  });

  test('a clock already past its warning share warns at once', () => {
    const state = { targetMs: HOUR, usedMs: 55 * MINUTE, runningSince: at('2026-11-01T10:00:00+03:00') };
    expect(warnAt(state, 80, undefined)).toBe(at('2026-11-01T10:00:00+03:00'));
  });
});

describe('time counted', () => {
  test('only open time counts on a calendar', () => {
    expect(countedBetween(riyadhOffice, at('2026-11-01T16:00:00+03:00'), at('2026-11-02T10:00:00+03:00'))).toBe(2 * HOUR);
  });

  test('an empty or reversed range counts nothing', () => {
    expect(countedBetween(undefined, at('2026-11-01T16:00:00+03:00'), at('2026-11-01T15:00:00+03:00'))).toBe(0);
  });
});
