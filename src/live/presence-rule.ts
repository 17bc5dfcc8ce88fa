import type { PresenceStatus } from './live-events';

/** A tab sends a heartbeat every 30 s while visible; three missed beats mean it is gone. */
export const HEARTBEAT_TIMEOUT_MS = 90_000;
/** No keyboard, mouse or touch for this long in any open tab: away. */
export const ACTIVITY_TIMEOUT_MS = 5 * 60_000;

export interface PresenceFacts {
  chosenStatus: PresenceStatus | null;
  lastHeartbeatAt: number | null;
  lastActivityAt: number | null;
}

/**
 * The effective status at `now`. A chosen away/offline always wins (an agent on a break is not assigned work);
 * otherwise an open, recently used tab is online, an open idle tab is away and no tab is offline. A chosen
 * "online" skips the idle rule (reading a long thread is work) but still needs an open tab, so a forgotten
 * choice cannot keep a gone agent in the assignment pool.
 */
export function effectivePresence(facts: PresenceFacts, now: number): PresenceStatus {
  if (facts.chosenStatus === 'offline' || facts.chosenStatus === 'away') return facts.chosenStatus;
  if (facts.lastHeartbeatAt === null || now - facts.lastHeartbeatAt > HEARTBEAT_TIMEOUT_MS) return 'offline';
  if (facts.chosenStatus === 'online') return 'online';
  if (facts.lastActivityAt !== null && now - facts.lastActivityAt <= ACTIVITY_TIMEOUT_MS) return 'online';
  return 'away';
}
