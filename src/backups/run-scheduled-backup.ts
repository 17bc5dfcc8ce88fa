import { join } from 'node:path';
import type { Database } from 'bun:sqlite';
import { backupDatabase } from '../platform/db/backup';
import { backupFileName, pruneDailyBackups } from './backup-files';
import type { Logger } from '../platform/logger';

/** The nightly backup: a verified copy into backups/, then the oldest dailies beyond `keep` are removed. */
export function runScheduledBackup({ sqlite, backupsDir, keep, now, logger }: { sqlite: Database; backupsDir: string; keep: number; now: number; logger: Logger }) {
  const path = join(backupsDir, backupFileName('daily', now));
  const check = backupDatabase(sqlite, path);
  const removed = pruneDailyBackups(backupsDir, keep);
  logger.info('daily backup written', { path, bytes: check.bytes, removed: removed.length });
  return { path, removed };
}
