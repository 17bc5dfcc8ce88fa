import { afterEach, beforeEach, describe, expect, test, setDefaultTimeout } from 'bun:test';
import { createTestApp, type TestApp } from '../support/test-app';
import { MINUTE, TUESDAY_9, play, seedAgent, seedReportData } from './report-fixtures';
import { seedInbox } from '../conversations/inbox-fixtures';
import { parseReportQuery } from '../../src/reports/report-range';
import { overviewReport } from '../../src/reports/overview-report';
import { refreshConversationMetrics } from '../../src/reports/refresh-conversation-metrics';
import { reportDailyDurations, reportPresenceLog } from '../../src/reports/reports.tables';
import { runInTransaction } from '../../src/platform/db/client';
import { onlineTime } from '../../src/reports/online-time';
import { appendEvent } from '../../src/platform/events/event-store';

// Signing users in hashes passwords: slow on a busy machine.
setDefaultTimeout(30_000);

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.cleanup());

const week = () => parseReportQuery({ from: '2026-11-24', to: '2026-11-25' }, t.clock.now(), 'UTC');

describe('the reports read model', () => {
  test('keeps its figures when conversations are recomputed again', async () => {
    const seeded = await seedReportData(t);
    const before = overviewReport(t.deps.db, week());
    const histogramRows = t.deps.db.select().from(reportDailyDurations).all();
    runInTransaction(t.deps.db, (tx) => refreshConversationMetrics(tx, seeded.conversations, { now: t.clock.now(), timeZone: 'UTC' }));
    expect(overviewReport(t.deps.db, week())).toEqual(before);
    expect(t.deps.db.select().from(reportDailyDurations).all()).toEqual(histogramRows);
  });

  test('follows a live conversation through the event handler as it changes', async () => {
    const { inboxId } = seedInbox(t, 'Live');
    const agent = await seedAgent(t, 'Hala');
    play(t, inboxId, '966500000301', TUESDAY_9, [{ at: 0, in: true }, { at: 4, agent }]);
    t.drainEvents();
    expect(overviewReport(t.deps.db, week()).firstResponse.calendar).toEqual({ count: 1, median: 4 * MINUTE, p90: 4 * MINUTE });
    play(t, inboxId, '966500000301', TUESDAY_9, [{ at: 10, in: true }, { at: 16, agent }, { at: 20, resolve: true }]);
    t.drainEvents();
    const report = overviewReport(t.deps.db, week());
    expect(report.response.calendar).toEqual({ count: 2, median: 4 * MINUTE, p90: 6 * MINUTE });
    expect(report).toMatchObject({ opened: 1, resolved: 1, messagesIn: 2, messagesOut: 2 });
    expect(report.resolution.calendar.median).toBe(20 * MINUTE);
  });

  test('rounds durations to the precision shown: seconds under a minute, minutes under a day', async () => {
    const { inboxId } = seedInbox(t, 'Quick');
    const agent = await seedAgent(t, 'Fast');
    play(t, inboxId, '966500000401', TUESDAY_9, [{ at: 0, in: true }, { at: 0.75, agent }]);
    play(t, inboxId, '966500000402', TUESDAY_9, [{ at: 0, in: true }, { at: 2.5, agent }]);
    t.drainEvents();
    expect(overviewReport(t.deps.db, week()).firstResponse.calendar).toEqual({ count: 2, median: 45_000, p90: 2 * MINUTE });
  });
});

describe('online time', () => {
  test('adds up the online stretches inside the window, and leaves out people with no history', () => {
    const at = (minutes: number) => TUESDAY_9 + minutes * MINUTE;
    t.deps.db
      .insert(reportPresenceLog)
      .values([
        { userId: 'usr_a', status: 'online', at: at(-30) },
        { userId: 'usr_a', status: 'away', at: at(20) },
        { userId: 'usr_a', status: 'online', at: at(40) },
        { userId: 'usr_b', status: 'offline', at: at(10) },
      ])
      .run();
    const times = onlineTime(t.deps.db, ['usr_a', 'usr_b', 'usr_c'], { from: at(0), to: at(60) });
    expect(times.get('usr_a')).toBe(40 * MINUTE);
    expect(times.get('usr_b')).toBe(0);
    expect(times.has('usr_c')).toBe(false);
  });

  test('records presence changes from domain events', () => {
    runInTransaction(t.deps.db, (tx) => appendEvent(tx, { type: 'agent.availability_changed', payload: { userId: 'usr_someone', status: 'online' }, at: t.clock.now() }));
    t.drainEvents();
    expect(t.deps.db.select().from(reportPresenceLog).all().map((r) => r.status)).toEqual(['online']);
  });
});
