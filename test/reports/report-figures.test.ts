import { afterAll, beforeAll, describe, expect, test, setDefaultTimeout } from 'bun:test';
import { createTestApp, type TestApp } from '../support/test-app';
import { MINUTE, seedReportData } from './report-fixtures';
import { parseReportQuery } from '../../src/reports/report-range';
import { overviewReport } from '../../src/reports/overview-report';
import { heatmapReport } from '../../src/reports/heatmap-report';
import { agentsReport } from '../../src/reports/agents-report';
import { saveBusinessSettings } from '../../src/settings/business-settings';

// Signing users in hashes passwords: slow on a busy machine.
setDefaultTimeout(30_000);

let t: TestApp;
let seeded: Awaited<ReturnType<typeof seedReportData>>;
// The figures only read the seeded data, so one app serves every test in this file.
beforeAll(async () => {
  t = createTestApp();
  seeded = await seedReportData(t);
  t.clock.set(Date.UTC(2026, 10, 25, 23, 0, 0));
}, 30_000);
afterAll(() => t.cleanup());

const range = (extra: Record<string, string> = {}) => parseReportQuery({ from: '2026-11-24', to: '2026-11-25', ...extra }, t.clock.now(), 'UTC');

/*
 * Hand-computed from report-fixtures.ts:
 *  C1 Tue 09:00 in, 09:02 Amal, 09:10 in, 09:30 Amal, resolved 10:00 → first 2 min; responses 2 and 20 min; resolution 60 min
 *  C2 Tue 10:00 in, 10:10 Badr                                     → first 10 min; open
 *  C3 Tue 11:00 in, Badr then Amal, 11:20 Amal, resolved 11:30     → first 20 min; resolution 30 min; transferred from Badr
 *  C4 Wed 14:00 in, bot at once, resolved 14:05 without a person    → contained; resolution 5 min
 *  C5 Wed 15:00 in from C1's customer, unanswered                   → repeat contact
 */
describe('overview', () => {
  test('counts conversations and messages of the range', () => {
    const report = overviewReport(t.deps.db, range());
    expect(report).toMatchObject({ opened: 5, resolved: 3, messagesIn: 6, messagesOut: 5 });
  });

  test('gives first response median and p90 by nearest rank over 2, 10 and 20 minutes', () => {
    const { firstResponse } = overviewReport(t.deps.db, range());
    expect(firstResponse.calendar).toEqual({ count: 3, median: 10 * MINUTE, p90: 20 * MINUTE });
    expect(firstResponse.business).toEqual(firstResponse.calendar);
  });

  test('gives response median and p90 over every answered wait: 2, 10, 20 and 20 minutes', () => {
    expect(overviewReport(t.deps.db, range()).response.calendar).toEqual({ count: 4, median: 10 * MINUTE, p90: 20 * MINUTE });
  });

  test('gives resolution median and p90 over 5, 30 and 60 minutes', () => {
    expect(overviewReport(t.deps.db, range()).resolution.calendar).toEqual({ count: 3, median: 30 * MINUTE, p90: 60 * MINUTE });
  });

  test('sorts first responses into wait buckets', () => {
    expect(overviewReport(t.deps.db, range()).waits).toEqual({ within5: 1, within15: 1, over15: 1, unanswered: 2 });
  });

  test('counts the bot-only conversation as contained, one of three resolved', () => {
    const report = overviewReport(t.deps.db, range());
    expect(report).toMatchObject({ contained: 1, containmentRate: 33.3, botConversations: 1, escalated: 0, escalationRate: 0 });
  });

  test('counts a customer who comes back within 7 days as a repeat contact', () => {
    expect(overviewReport(t.deps.db, range())).toMatchObject({ repeatContacts: 1, repeatRate: 20 });
  });

  test('narrows every figure to one agent', () => {
    const report = overviewReport(t.deps.db, range({ agent: seeded.amal }));
    expect(report).toMatchObject({ opened: 2, resolved: 2 });
    expect(report.firstResponse.calendar).toEqual({ count: 2, median: 2 * MINUTE, p90: 20 * MINUTE });
  });

  test('leaves out conversations outside the dates', () => {
    expect(overviewReport(t.deps.db, parseReportQuery({ from: '2026-11-25', to: '2026-11-25' }, t.clock.now(), 'UTC')).opened).toBe(2);
  });

  test('says SLA is not configured when there is no policy', () => {
    expect(overviewReport(t.deps.db, range()).sla).toEqual({ configured: false });
  });
});

describe('heatmap', () => {
  test('puts each opening in its weekday and hour cell', () => {
    const { cells, max } = heatmapReport(t.deps.db, range());
    expect(cells[2]!.slice(9, 12)).toEqual([1, 1, 1]);
    expect(cells[3]![14]).toBe(1);
    expect(cells[3]![15]).toBe(1);
    expect(cells.flat().reduce((a, b) => a + b, 0)).toBe(5);
    expect(max).toBe(1);
  });

  test('narrows the cells to one agent’s conversations', () => {
    const { cells } = heatmapReport(t.deps.db, range({ agent: seeded.amal }));
    expect(cells[2]!.slice(9, 12)).toEqual([1, 0, 1]);
    expect(cells.flat().reduce((a, b) => a + b, 0)).toBe(2);
  });

  test('places cells and date ranges in the business time zone', async () => {
    const riyadh = createTestApp();
    try {
      saveBusinessSettings({ businessName: 'Shop', timeZone: 'Asia/Riyadh', defaultLocale: 'en' }, { id: null, label: 'test' }, riyadh.deps);
      await seedReportData(riyadh);
      const local = parseReportQuery({ from: '2026-11-24', to: '2026-11-25' }, riyadh.clock.now(), 'Asia/Riyadh');
      expect(local.from).toBe(Date.UTC(2026, 10, 23, 21, 0, 0));
      const { cells } = heatmapReport(riyadh.deps.db, local);
      expect(cells[2]!.slice(12, 15)).toEqual([1, 1, 1]);
      expect(cells[3]![17]).toBe(1);
    } finally {
      riyadh.cleanup();
    }
  });
});

describe('agents', () => {
  test('gives each agent handled, resolution rate, first response and transfer rate', () => {
    const rows = agentsReport(t.deps.db, range(), t.clock.now());
    const amal = rows.find((r) => r.agentId === seeded.amal)!;
    const badr = rows.find((r) => r.agentId === seeded.badr)!;
    expect(amal).toMatchObject({ handled: 2, resolved: 2, resolutionRate: 100, transferRate: 0, thisWeek: 2, lastWeek: 0 });
    // Amal answered first in C1 (2 min) and C3 (20 min); she replied after 2, 20 and 20 minutes.
    expect(amal).toMatchObject({ firstResponseMedian: 2 * MINUTE, responseMedian: 20 * MINUTE });
    expect(badr).toMatchObject({ firstResponseMedian: 10 * MINUTE, responseMedian: 10 * MINUTE });
    expect(badr).toMatchObject({ handled: 1, resolved: 0, resolutionRate: 0, transferRate: 50 });
    expect(amal.onlineMs).toBeNull();
  });
});
