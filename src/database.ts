import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config';
import { openDatabase, type DbHandle } from './platform/db/client';
import { applyMigrations, schemaStatus } from './platform/db/migrate';
import { backupDatabase } from './platform/db/backup';
import { backupFileName } from './backups/backup-files';
import { backupsDir } from './backups/backup-paths';
import type { Logger } from './platform/logger';
import type { Clock } from './platform/clock';

export const dataPaths = (config: Pick<Config, 'dataDir'>) => ({
  database: join(config.dataDir, 'rasil.db'),
  media: join(config.dataDir, 'media'),
  backups: backupsDir(config),
  pidFile: join(config.dataDir, 'rasil.pid'),
});

/**
 * Opens rasil.db in the data folder, creating the folders it needs, and brings its schema up to date.
 * A database that already holds data is backed up before any migration touches it.
 */
export function openAppDatabase(config: Pick<Config, 'dataDir'>, { logger, clock }: { logger: Logger; clock: Clock }): DbHandle {
  const paths = dataPaths(config);
  for (const dir of [config.dataDir, paths.media, paths.backups]) mkdirSync(dir, { recursive: true });
  const handle = openDatabase(paths.database);
  const status = schemaStatus(handle.sqlite);
  if (status.pending.length > 0) {
    if (status.applied > 0) {
      const target = join(paths.backups, backupFileName('pre-migrate', clock.now(), status.pending[0]?.replace(/[^a-z0-9_]/gi, '_').toLowerCase()));
      backupDatabase(handle.sqlite, target);
      logger.info('backed up the database before migrating', { backup: target });
    }
    const { applied } = applyMigrations(handle.sqlite);
    logger.info('database migrated', { applied });
  }
  return handle;
}
