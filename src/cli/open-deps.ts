import type { Config } from '../config';
import type { AppDeps } from '../deps';
import { openAppDatabase } from '../database';
import { systemClock } from '../platform/clock';
import { createIdGenerator } from '../platform/ids';
import { createLogger } from '../platform/logger';
import { VERSION } from '../version';
import { createWaker } from '../platform/wake';
import { createLiveHub, type LiveHub } from '../platform/live-hub';

/** Opens the data folder for a command: database migrated, real clock, JSON logger at the configured level. */
export function openDeps(config: Config, { logLevel = config.logLevel, live }: { logLevel?: Config['logLevel']; live?: LiveHub } = {}): AppDeps & Required<Pick<AppDeps, 'wake' | 'waker' | 'live'>> & { close(): void } {
  const clock = systemClock;
  const logger = createLogger({ level: logLevel, now: clock.now });
  const handle = openAppDatabase(config, { logger, clock });
  const waker = createWaker((name, error) => logger.error('wake listener failed', { worker: name, error }));
  // The background thread passes its bridge to the main thread's hub instead of a hub of its own.
  live ??= createLiveHub((error) => logger.error('live listener failed', { error }));
  return { config, clock, newId: createIdGenerator(clock), logger, db: handle.db, sqlite: handle.sqlite, version: VERSION, wake: waker.wake, waker, live, close: handle.close };
}
