import type { Clock } from '../../../platform/clock';
import type { Db } from '../../../platform/db/client';
import type { NewId } from '../../../platform/ids';
import type { Logger } from '../../../platform/logger';
import type { LiveHub } from '../../../platform/live-hub';
import type { GraphAccess } from './channel-graph';
import type { SendRateLimiter } from './send-rate-limiter';

export interface OutboundDeliveryDeps extends GraphAccess {
  db: Db;
  clock: Clock;
  newId: NewId;
  logger: Logger;
  /** The stored bytes of an attachment, by its content hash. */
  readMedia(contentHash: string): Promise<Blob>;
  limiter?: SendRateLimiter;
  /** Real sleeps by default; tests pass one that moves their fake clock. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Sends in flight at once, across recipients (each recipient has at most one). */
  concurrency?: number;
  /** Open tabs hear that a message's delivery state changed (sent, retried, failed). */
  live?: LiveHub;
}

export interface DrainReport {
  sent: number;
  failed: number;
  retried: number;
  dead: number;
  unknown: number;
  paused: number;
  /** Rows found `sending` with an expired lease (a crash mid-send) and turned `unknown`. */
  expired: number;
}
