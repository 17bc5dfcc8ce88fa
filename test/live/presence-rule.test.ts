import { describe, expect, test } from 'bun:test';
import { effectivePresence, type PresenceFacts } from '../../src/live/presence-rule';
import { FakeClock } from '../support/fake-clock';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

describe('effective presence', () => {
  const clock = new FakeClock();
  const now = clock.now();
  const facts = (over: Partial<PresenceFacts>): PresenceFacts => ({ chosenStatus: null, lastHeartbeatAt: null, lastActivityAt: null, ...over });

  const cases: [string, Partial<PresenceFacts>, string][] = [
    ['never seen → offline', {}, 'offline'],
    ['fresh heartbeat and recent activity → online', { lastHeartbeatAt: now - 10 * SECOND, lastActivityAt: now - 1 * MINUTE }, 'online'],
    ['heartbeat exactly 90 s ago still counts → online', { lastHeartbeatAt: now - 90 * SECOND, lastActivityAt: now - 90 * SECOND }, 'online'],
    ['heartbeat 91 s ago → offline', { lastHeartbeatAt: now - 91 * SECOND, lastActivityAt: now - 91 * SECOND }, 'offline'],
    ['activity exactly 5 min ago → online', { lastHeartbeatAt: now, lastActivityAt: now - 5 * MINUTE }, 'online'],
    ['tab open, no activity for just over 5 min → away', { lastHeartbeatAt: now, lastActivityAt: now - 5 * MINUTE - 1 }, 'away'],
    ['tab open, never active → away', { lastHeartbeatAt: now }, 'away'],
    ['chosen away wins over an active tab', { chosenStatus: 'away', lastHeartbeatAt: now, lastActivityAt: now }, 'away'],
    ['chosen offline wins over an active tab', { chosenStatus: 'offline', lastHeartbeatAt: now, lastActivityAt: now }, 'offline'],
    ['chosen away with no tab stays away', { chosenStatus: 'away' }, 'away'],
    ['chosen online skips the idle rule while a tab is open', { chosenStatus: 'online', lastHeartbeatAt: now, lastActivityAt: now - 30 * MINUTE }, 'online'],
    ['chosen online without an open tab → offline', { chosenStatus: 'online', lastHeartbeatAt: now - 2 * MINUTE }, 'offline'],
  ];
  for (const [name, over, expected] of cases) {
    test(`${name}`, () => {
      expect(effectivePresence(facts(over), now)).toBe(expected as 'online');
    });
  }

  test('time alone walks an agent from online to away to offline', () => {
    const walk = new FakeClock();
    const seen = { chosenStatus: null, lastHeartbeatAt: walk.now(), lastActivityAt: walk.now() };
    expect(effectivePresence(seen, walk.now())).toBe('online');
    // The tab keeps beating but nobody touches it.
    walk.advance(5 * MINUTE + SECOND);
    expect(effectivePresence({ ...seen, lastHeartbeatAt: walk.now() - 10 * SECOND }, walk.now())).toBe('away');
    // The tab is closed.
    walk.advance(2 * MINUTE);
    expect(effectivePresence({ ...seen, lastHeartbeatAt: walk.now() - 2 * MINUTE }, walk.now())).toBe('offline');
  });
});
