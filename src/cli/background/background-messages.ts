import type { Config } from '../../config';
import type { LiveEvent } from '../../platform/live-hub';

/** What serve's main thread tells the background thread. */
export type ToBackground =
  | { kind: 'start'; config: Config }
  /** A commit on the main thread (a webhook journaled, a reply queued, a live change) wakes a drain loop here. */
  | { kind: 'wake'; name: string }
  | { kind: 'stop' };

/** What the background thread tells the main thread. */
export type FromBackground =
  | { kind: 'ready' }
  /** A change made here that open tabs must hear about; the main thread owns the streams. */
  | { kind: 'live'; event: LiveEvent }
  | { kind: 'stopped' };
