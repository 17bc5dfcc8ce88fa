import type { Database } from 'bun:sqlite';
import type { Config } from './config';
import type { Clock } from './platform/clock';
import type { Db } from './platform/db/client';
import type { NewId } from './platform/ids';
import type { LiveHub } from './platform/live-hub';
import type { Logger } from './platform/logger';
import type { Waker } from './platform/wake';

/** Everything the app is built from; assembled once in serve (or by test/support) and passed down explicitly. */
export interface AppDeps {
  config: Config;
  clock: Clock;
  newId: NewId;
  logger: Logger;
  db: Db;
  /** Raw connection: health checks, backups and WAL checkpoints only. */
  sqlite: Database;
  version: string;
  /** Wakes background drain loops (journal, media, outbox) right after a commit; optional so CLI deps can omit it. */
  wake?: Waker['wake'];
  /** The notifier behind `wake`; workers subscribe with `waker.on(name, fn)`. */
  waker?: Waker;
  /** Live updates to open inbox tabs; publish after commit. Optional so CLI deps can omit it. */
  live?: LiveHub;
}
