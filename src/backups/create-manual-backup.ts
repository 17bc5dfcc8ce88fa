import type { Database } from 'bun:sqlite';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { backupDatabase } from '../platform/db/backup';
import { recordAudit, type AuditActor } from '../audit/record-audit';
import type { Db } from '../platform/db/client';
import type { Clock } from '../platform/clock';
import type { NewId } from '../platform/ids';
import { backupFileName } from './backup-files';
import { createBackupExistsError } from './backups.errors';

export interface BackupDeps {
  sqlite: Database;
  db: Db;
  clock: Clock;
  newId: NewId;
}

/**
 * "Back up now": a verified copy named rasil-manual-<time>.db. VACUUM INTO cannot run inside a transaction,
 * so the audit line is written right after the copy succeeds. Manual copies are never pruned automatically.
 */
export function createManualBackup({ dir }: { dir: string }, actor: AuditActor, deps: BackupDeps) {
  mkdirSync(dir, { recursive: true });
  const now = deps.clock.now();
  const name = backupFileName('manual', now);
  // Names have one-second precision; a double click must not fail with a raw SQLite error.
  if (existsSync(join(dir, name))) throw createBackupExistsError();
  const check = backupDatabase(deps.sqlite, join(dir, name));
  recordAudit(deps.db, { newId: deps.newId, now }, actor, { action: 'backup.created', targetType: 'backup', targetId: name, details: { bytes: check.bytes } });
  return { name, bytes: check.bytes };
}
