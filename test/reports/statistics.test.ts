import { describe, expect, test } from 'bun:test';
import { percentile, rate, spreadOf } from '../../src/reports/statistics';
import { hourOfWeek } from '../../src/reports/conversation-metrics';
import { parseReportQuery } from '../../src/reports/report-range';

describe('nearest-rank percentiles', () => {
  test('takes the lower middle value as the median of an even count', () => {
    expect(spreadOf([40, 10, 30, 20])).toEqual({ count: 4, median: 20, p90: 40 });
  });

  test('takes the 9th of 10 values as p90', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
  });

  test('answers null for no values', () => {
    expect(spreadOf([])).toEqual({ count: 0, median: null, p90: null });
  });
});

test('rounds a rate to one decimal and gives null for an empty whole', () => {
  expect(rate(1, 3)).toBe(33.3);
  expect(rate(0, 0)).toBeNull();
});

test('numbers hours of the week from Sunday midnight in the business time zone', () => {
  // Tuesday 09:00 UTC is Tuesday 12:00 in Riyadh.
  expect(hourOfWeek('UTC', Date.UTC(2026, 10, 24, 9))).toBe(2 * 24 + 9);
  expect(hourOfWeek('Asia/Riyadh', Date.UTC(2026, 10, 24, 9))).toBe(2 * 24 + 12);
});

describe('report dates', () => {
  const now = Date.UTC(2026, 10, 25, 12);
  test('defaults to the last 7 days ending today', () => {
    expect(parseReportQuery({}, now, 'UTC')).toMatchObject({ fromDate: '2026-11-19', toDate: '2026-11-25', from: Date.UTC(2026, 10, 19), to: Date.UTC(2026, 10, 26) });
  });

  test('ignores impossible dates and unknown filter values', () => {
    expect(parseReportQuery({ from: '2026-02-31', inbox: '<script>' }, now, 'UTC')).toMatchObject({ fromDate: '2026-11-19', inboxId: null });
  });

  test('swaps a reversed range', () => {
    expect(parseReportQuery({ from: '2026-11-20', to: '2026-11-10' }, now, 'UTC')).toMatchObject({ fromDate: '2026-11-10', toDate: '2026-11-20' });
  });
});
