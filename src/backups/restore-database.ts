import { Database } from 'bun:sqlite';
import { chownSync, existsSync, mkdirSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { backupDatabase, checkDatabaseFile, type DatabaseCheck } from '../platform/db/backup';
import { schemaStatus } from '../platform/db/migrate';
import { backupFileName } from './backup-files';

/** A restore that was not attempted; the message is a sentence for the owner. Nothing was changed. */
export class RestoreRefusedError extends Error {}

export interface RestoreRequest {
  /** The backup to bring back. */
  sourcePath: string;
  /** The live database file (data/rasil.db). */
  databasePath: string;
  /** Where the replaced database is kept (data/backups). */
  backupsDir: string;
  now: number;
  /** Pid of a server using the data folder, if one runs; a restore under its feet would be lost or corrupt it. */
  serverPid?: number;
}

export interface RestoreResult {
  check: DatabaseCheck;
  /** Where the database that was replaced now lives, when there was one. */
  previousCopy?: string;
}

const REQUIRED_TABLES = ['__drizzle_migrations', 'users'];

/**
 * Replaces the live database with a verified backup. The backup is checked and copied next to the live file
 * first, so any failure up to the final rename leaves the data folder as it was; the replaced file is kept.
 */
export function restoreDatabase(request: RestoreRequest): RestoreResult {
  const { sourcePath, databasePath, backupsDir, now, serverPid } = request;
  if (serverPid) {
    throw new RestoreRefusedError(`A Rasil server (pid ${serverPid}) is using ${dirname(databasePath)}. Stop it first (for example: sudo systemctl stop rasil).`);
  }
  const check = verifyBackupFile(sourcePath, databasePath);

  const stagedPath = join(dirname(databasePath), `.${basename(databasePath)}.restoring`);
  rmSync(stagedPath, { force: true });
  try {
    copyConsistently(sourcePath, stagedPath);
    const previousCopy = existsSync(databasePath) ? setAsideCurrent(databasePath, backupsDir, now) : undefined;
    renameSync(stagedPath, databasePath);
    giveToDataFolderOwner(databasePath);
    return { check, previousCopy };
  } finally {
    rmSync(stagedPath, { force: true });
  }
}

/** Refuses anything that is not a sound Rasil database this binary can run. */
function verifyBackupFile(sourcePath: string, databasePath: string): DatabaseCheck {
  if (!existsSync(sourcePath) || !statSync(sourcePath).isFile()) throw new RestoreRefusedError(`${sourcePath} does not exist or is not a file.`);
  if (existsSync(databasePath) && realpathSync(sourcePath) === realpathSync(databasePath)) {
    throw new RestoreRefusedError(`${sourcePath} is the live database itself; choose a backup file.`);
  }
  let check: DatabaseCheck;
  try {
    check = checkDatabaseFile(sourcePath);
  } catch (error) {
    throw new RestoreRefusedError(`SQLite cannot read ${sourcePath} (${error instanceof Error ? error.message : String(error)}); it is not an intact Rasil backup.`);
  }
  if (!check.ok) throw new RestoreRefusedError(`${sourcePath} failed its integrity check (${check.integrity}); it cannot be restored.`);
  const missing = REQUIRED_TABLES.filter((table) => !(table in check.rowCounts));
  if (missing.length > 0) throw new RestoreRefusedError(`${sourcePath} is not a Rasil database (it has no ${missing.join(' or ')} table).`);
  const source = new Database(sourcePath, { readonly: true });
  try {
    if (schemaStatus(source).newerThanBinary) {
      throw new RestoreRefusedError(`${sourcePath} was written by a newer version of Rasil; upgrade Rasil before restoring it.`);
    }
  } finally {
    source.close();
  }
  return check;
}

/**
 * VACUUM INTO rather than a file copy: it also carries over anything still in a -wal file beside the backup.
 * The copy comes out in rollback-journal mode; it is switched to WAL like every live database.
 */
function copyConsistently(sourcePath: string, stagedPath: string) {
  const source = new Database(sourcePath, { readonly: true });
  try {
    backupDatabase(source, stagedPath);
  } finally {
    source.close();
  }
  const staged = new Database(stagedPath, { readwrite: true, create: false });
  try {
    staged.run('PRAGMA journal_mode = WAL');
  } finally {
    staged.close();
  }
}

/**
 * Moves the live database into backups/ after folding its WAL into the main file. If the checkpoint cannot
 * finish (a damaged file is a common reason to restore), the -wal file travels with it so nothing is lost.
 */
function setAsideCurrent(databasePath: string, backupsDir: string, now: number): string {
  try {
    const current = new Database(databasePath, { readwrite: true, create: false });
    try {
      current.run('PRAGMA wal_checkpoint(TRUNCATE)');
    } finally {
      current.close();
    }
  } catch {
    // Kept as it is; the -wal file is moved along below.
  }
  mkdirSync(backupsDir, { recursive: true });
  const target = freeName(backupsDir, now);
  renameSync(databasePath, target);
  const wal = `${databasePath}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) renameSync(wal, `${target}-wal`);
  rmSync(wal, { force: true });
  rmSync(`${databasePath}-shm`, { force: true });
  return target;
}

/** Two restores within a second must not overwrite each other's kept file (rename replaces silently). */
function freeName(backupsDir: string, now: number): string {
  let target = join(backupsDir, backupFileName('pre-restore', now));
  for (let n = 2; existsSync(target); n++) target = join(backupsDir, backupFileName('pre-restore', now, String(n)));
  return target;
}

/** Restores are often run with sudo; a root-owned rasil.db would lock out the service's own user. */
function giveToDataFolderOwner(path: string) {
  if (process.getuid?.() !== 0) return;
  const folder = statSync(dirname(path));
  chownSync(path, folder.uid, folder.gid);
}
