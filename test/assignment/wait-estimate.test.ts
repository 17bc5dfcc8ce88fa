import { afterEach, describe, expect, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import { estimateWaitMinutes, FALLBACK_RESPONSE_MINUTES, medianMinutes, recentFirstResponseMinutes, typicalResponseMinutes } from '../../src/assignment/wait-estimate';
import { createTestApp, type TestApp } from '../support/test-app';
import { seedInbox, receive } from '../conversations/inbox-fixtures';
import { conversations } from '../../src/conversations/conversations.tables';
import { teams } from '../../src/teams/teams.tables';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe('medianMinutes', () => {
  test('returns null without values', () => {
    expect(medianMinutes([])).toBeNull();
  });

  test('takes the middle value of an odd count, whatever the order', () => {
    expect(medianMinutes([9, 1, 4])).toBe(4);
  });

  test('averages the two middle values of an even count', () => {
    expect(medianMinutes([1, 2, 6, 100])).toBe(4);
  });

  test('ignores negative and non-finite values', () => {
    expect(medianMinutes([-5, Number.NaN, Number.POSITIVE_INFINITY, 3])).toBe(3);
  });
});

describe('estimateWaitMinutes', () => {
  test('first in line with one agent waits one median response', () => {
    expect(estimateWaitMinutes({ position: 1, recentResponseMinutes: [4, 6, 5], agentsOnline: 1 })).toBe(5);
  });

  test('grows with the position in the queue', () => {
    expect(estimateWaitMinutes({ position: 4, recentResponseMinutes: [5], agentsOnline: 1 })).toBe(20);
  });

  test('divides the wait across the agents online', () => {
    expect(estimateWaitMinutes({ position: 4, recentResponseMinutes: [5], agentsOnline: 2 })).toBe(10);
  });

  test('rounds up to whole minutes', () => {
    expect(estimateWaitMinutes({ position: 1, recentResponseMinutes: [5], agentsOnline: 3 })).toBe(2);
  });

  test('never promises less than a minute', () => {
    expect(estimateWaitMinutes({ position: 1, recentResponseMinutes: [0.1, 0.2, 0], agentsOnline: 10 })).toBe(1);
  });

  test('uses the fallback response time when the team has no history', () => {
    expect(estimateWaitMinutes({ position: 2, recentResponseMinutes: [], agentsOnline: 1 })).toBe(2 * FALLBACK_RESPONSE_MINUTES);
  });

  test('counts nobody online as one agent instead of promising never', () => {
    expect(estimateWaitMinutes({ position: 3, recentResponseMinutes: [4], agentsOnline: 0 })).toBe(12);
  });

  test('treats a position below 1 as first in line', () => {
    expect(estimateWaitMinutes({ position: 0, recentResponseMinutes: [4], agentsOnline: 1 })).toBe(4);
  });

  test('treats a position that is not a number as first in line', () => {
    expect(estimateWaitMinutes({ position: Number.NaN, recentResponseMinutes: [4], agentsOnline: 1 })).toBe(4);
  });

  test('is not pulled up by one very slow response', () => {
    expect(estimateWaitMinutes({ position: 1, recentResponseMinutes: [3, 3, 4, 600], agentsOnline: 1 })).toBe(4);
  });
});

describe('typicalResponseMinutes', () => {
  test('is the median rounded up', () => {
    expect(typicalResponseMinutes([2, 3.2, 9])).toBe(4);
  });

  test('falls back without history', () => {
    expect(typicalResponseMinutes([])).toBe(FALLBACK_RESPONSE_MINUTES);
  });

  test('is at least one minute', () => {
    expect(typicalResponseMinutes([0, 0, 0])).toBe(1);
  });
});

describe('recentFirstResponseMinutes', () => {
  let t: TestApp;
  afterEach(() => t.cleanup());

  function setup() {
    t = createTestApp();
    const { inboxId } = seedInbox(t);
    const teamId = t.deps.newId('team');
    const other = t.deps.newId('team');
    for (const [id, name] of [
      [teamId, 'Support'],
      [other, 'Sales'],
    ] as const)
      t.deps.db.insert(teams).values({ id, name, createdAt: 0, updatedAt: 0 }).run();
    const { contactId } = t.deps.db.select().from(conversations).where(eq(conversations.id, receive(t, inboxId).conversationId)).get()!;
    const seed = (team: string, createdAt: number, responseMinutes: number | null) =>
      t.deps.db
        .insert(conversations)
        .values({ id: t.deps.newId('cnv'), inboxId, contactId, status: 'resolved', teamId: team, createdAt, updatedAt: createdAt, lastMessageAt: createdAt, firstResponseAt: responseMinutes === null ? null : createdAt + responseMinutes * MINUTE })
        .run();
    return { teamId, other, seed };
  }

  test('reads the team’s answered conversations of the last 7 days, newest first', () => {
    const { teamId, other, seed } = setup();
    const now = t.clock.now();
    seed(teamId, now - 1 * DAY, 4);
    seed(teamId, now - 2 * DAY, 10);
    seed(teamId, now - 8 * DAY, 99);
    seed(teamId, now - 3 * DAY, null);
    seed(other, now - 1 * DAY, 50);
    expect(recentFirstResponseMinutes(t.deps.db, teamId, now)).toEqual([4, 10]);
  });

  test('keeps only the latest 50', () => {
    const { teamId, seed } = setup();
    const now = t.clock.now();
    for (let i = 0; i < 60; i++) seed(teamId, now - (i + 1) * MINUTE * 10, i < 50 ? 2 : 1000);
    const minutes = recentFirstResponseMinutes(t.deps.db, teamId, now);
    expect(minutes).toHaveLength(50);
    expect(Math.max(...minutes)).toBe(2);
  });
});
