import type { Database } from 'bun:sqlite';
import type { Config } from './config';
import type { Clock } from './platform/clock';
import type { Db } from './platform/db/client';
import type { NewId } from './platform/ids';
import type { Logger } from './platform/logger';

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
}
