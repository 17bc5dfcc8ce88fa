/**
 * The live event vocabulary. The union and the hub itself sit in src/platform/live-hub.ts so AppDeps can name
 * them; publishers call `deps.live?.publish(event)` after their commit.
 */
export { createLiveHub, type LiveEvent, type LiveHub, type LiveListener } from '../platform/live-hub';
import type { LiveEvent } from '../platform/live-hub';

export type LiveEventType = LiveEvent['type'];

export type PresenceStatus = Extract<LiveEvent, { type: 'presence.changed' }>['status'];

export const PRESENCE_STATUSES: readonly PresenceStatus[] = ['online', 'away', 'offline'];
