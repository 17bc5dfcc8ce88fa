import { describe, expect, test } from 'bun:test';
import { isKnownTimeZone, utcToWall, wallToUtc } from '../../src/business-hours/local-time';
import { at, HOUR, MINUTE, seededRandom } from './fixtures';

const wall = (text: string) => Date.parse(`${text}:00Z`);

describe('local wall time → UTC', () => {
  test.each([
    ['Asia/Riyadh', '2025-06-01T09:00', '2025-06-01T06:00:00Z', 'no DST at all'],
    ['UTC', '2025-06-01T09:00', '2025-06-01T09:00:00Z', 'UTC is itself'],
    ['Asia/Kolkata', '2025-06-01T09:00', '2025-06-01T03:30:00Z', 'half-hour offset'],
    ['Europe/Berlin', '2025-01-15T09:00', '2025-01-15T08:00:00Z', 'winter time'],
    ['Europe/Berlin', '2025-07-15T09:00', '2025-07-15T07:00:00Z', 'summer time'],
    ['Europe/Berlin', '2025-03-30T01:59', '2025-03-30T00:59:00Z', 'the last minute before clocks go forward'],
    ['Europe/Berlin', '2025-03-30T02:30', '2025-03-30T01:00:00Z', 'a skipped time moves forward to when the clock jumps'],
    ['Europe/Berlin', '2025-03-30T03:00', '2025-03-30T01:00:00Z', 'the first minute after the jump'],
    ['Europe/Berlin', '2025-10-26T02:30', '2025-10-26T00:30:00Z', 'a repeated time resolves to its first occurrence'],
    ['Europe/Berlin', '2025-10-26T03:00', '2025-10-26T02:00:00Z', 'after the repeated hour'],
    ['America/New_York', '2025-03-09T02:30', '2025-03-09T07:00:00Z', 'New York skipped hour'],
    ['America/New_York', '2025-11-02T01:30', '2025-11-02T05:30:00Z', 'New York repeated hour, first occurrence'],
    ['America/Santiago', '2025-09-07T00:00', '2025-09-07T04:00:00Z', 'a midnight that does not exist'],
    ['America/Santiago', '2025-04-05T23:30', '2025-04-06T02:30:00Z', 'a late evening that happens twice'],
    ['Australia/Lord_Howe', '2025-10-05T02:10', '2025-10-04T15:30:00Z', 'a 30-minute DST jump'],
  ])('%s %s → %s (%s)', (zone, local, utc) => {
    expect(wallToUtc(zone, wall(local))).toBe(at(utc));
  });

  test('maps an instant’s wall time back to it, or to the first occurrence in a repeated hour', () => {
    const random = seededRandom(7);
    for (const zone of ['Europe/Berlin', 'America/New_York', 'Asia/Riyadh', 'Australia/Lord_Howe', 'America/Santiago']) {
      for (let i = 0; i < 300; i++) {
        const t = at('2024-01-01T00:00:00Z') + Math.floor(random() * 2 * 365 * 24) * HOUR + Math.floor(random() * 60) * MINUTE;
        const back = wallToUtc(zone, utcToWall(zone, t));
        // In a repeated hour the wall time maps to the first occurrence, one offset change earlier.
        if (back !== t) expect(utcToWall(zone, back)).toBe(utcToWall(zone, t));
        expect(back).toBeLessThanOrEqual(t);
      }
    }
  });

  test('reads the local wall time of an instant, keeping milliseconds', () => {
    expect(utcToWall('Asia/Riyadh', at('2025-06-01T21:30:15.250Z'))).toBe(Date.parse('2025-06-02T00:30:15.250Z'));
  });
});

describe('time zone names', () => {
  test.each([
    ['Asia/Riyadh', true],
    ['Europe/Berlin', true],
    ['UTC', true],
    ['Mars/Olympus', false],
    ['+03:00', false],
    ['', false],
  ])('%s known: %p', (zone, known) => {
    expect(isKnownTimeZone(zone)).toBe(known);
  });
});
