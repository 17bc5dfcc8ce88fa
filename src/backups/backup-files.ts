import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface BackupFile {
  name: string;
  bytes: number;
  modifiedAt: number;
}

/** Only names we generate are listed or served, so a request can never name a path outside backups/. */
export const BACKUP_NAME = /^rasil-(daily|manual|pre-migrate|pre-restore)-[0-9TZ-]+(-[a-z0-9_]+)?\.db$/;

export function backupFileName(kind: 'daily' | 'manual' | 'pre-migrate' | 'pre-restore', now: number, suffix = ''): string {
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-').replace(/-\d{3}Z$/, 'Z');
  return `rasil-${kind}-${stamp}${suffix ? `-${suffix}` : ''}.db`;
}

export function listBackupFiles(dir: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => BACKUP_NAME.test(name))
    .map((name) => {
      const stat = statSync(join(dir, name));
      return { name, bytes: stat.size, modifiedAt: stat.mtimeMs };
    })
    .sort((a, b) => b.modifiedAt - a.modifiedAt || b.name.localeCompare(a.name));
}

/** Keeps the newest `keep` daily backups; other kinds (manual, pre-migrate) are left to the owner. */
export function pruneDailyBackups(dir: string, keep: number): string[] {
  // Names carry the UTC time they were taken, so sorting by name is sorting by age.
  const daily = listBackupFiles(dir)
    .filter((f) => f.name.startsWith('rasil-daily-'))
    .sort((a, b) => b.name.localeCompare(a.name));
  const removed = daily.slice(keep).map((f) => f.name);
  for (const name of removed) rmSync(join(dir, name), { force: true });
  return removed;
}
