import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { mkdtempSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BACKUP_NAME, backupFileName, listBackupFiles, pruneDailyBackups } from '../../src/backups/backup-files';
import { runScheduledBackup } from '../../src/backups/run-scheduled-backup';
import { createTestApp, type TestApp } from '../support/test-app';
import { checkDatabaseFile } from '../../src/platform/db/backup';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rasil-backups-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const day = 24 * 60 * 60 * 1000;

describe('backup files', () => {
  test('names carry kind and UTC time and are the only names listed', () => {
    const name = backupFileName('daily', Date.UTC(2026, 10, 24, 3, 30, 0));
    expect(name).toBe('rasil-daily-2026-11-24T03-30-00Z.db');
    expect(BACKUP_NAME.test(name)).toBe(true);
    writeFileSync(join(dir, name), 'x');
    writeFileSync(join(dir, 'notes.txt'), 'x');
    writeFileSync(join(dir, '../escape.db'), 'x');
    expect(listBackupFiles(dir).map((f) => f.name)).toEqual([name]);
    rmSync(join(dir, '../escape.db'), { force: true });
  });

  test('keeps the newest N daily backups and never touches manual or pre-migration ones', () => {
    const start = Date.UTC(2026, 0, 1, 3, 30);
    for (let i = 0; i < 20; i++) writeFileSync(join(dir, backupFileName('daily', start + i * day)), 'x');
    writeFileSync(join(dir, backupFileName('manual', start)), 'x');
    writeFileSync(join(dir, backupFileName('pre-migrate', start, '0001_x')), 'x');
    const removed = pruneDailyBackups(dir, 14);
    expect(removed.length).toBe(6);
    const left = readdirSync(dir);
    expect(left.filter((n) => n.startsWith('rasil-daily-')).length).toBe(14);
    expect(left).toContain(backupFileName('daily', start + 19 * day));
    expect(left).not.toContain(backupFileName('daily', start));
    expect(left).toContain(backupFileName('manual', start));
  });
});

describe('runScheduledBackup', () => {
  let t: TestApp;
  beforeEach(() => {
    t = createTestApp();
  });
  afterEach(() => t.cleanup());

  test('writes a verified copy holding the rows committed before it started', async () => {
    await t.signedIn('admin');
    const { path } = runScheduledBackup({ sqlite: t.deps.sqlite, backupsDir: dir, keep: 14, now: t.clock.now(), logger: t.deps.logger });
    const check = checkDatabaseFile(path);
    expect(check.ok).toBe(true);
    expect(check.rowCounts.users).toBe(1);
    expect(check.rowCounts.sessions).toBe(1);
  });
});
