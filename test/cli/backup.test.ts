import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkDatabaseFile } from '../../src/platform/db/backup';
import { BACKUP_NAME } from '../../src/backups/backup-files';
import { tempDataDir, type TempDataDir } from './cli-harness';

let data: TempDataDir;
let elsewhere: string;
beforeEach(async () => {
  data = tempDataDir();
  elsewhere = mkdtempSync(join(tmpdir(), 'rasil-backup-target-'));
  await data.addUser('mona@example.com');
  await data.addUser('sami@example.com', 'agent');
});
afterEach(() => {
  data.cleanup();
  rmSync(elsewhere, { recursive: true, force: true });
});

describe('rasil backup', () => {
  test('writes a copy whose integrity is ok and whose row counts match the live database', async () => {
    const target = join(elsewhere, 'copy.db');
    const result = await data.run(['backup', target]);
    expect(result.code).toBe(0);
    const copy = checkDatabaseFile(target);
    expect(copy.integrity).toBe('ok');
    expect(copy.rowCounts).toEqual(checkDatabaseFile(data.database).rowCounts);
    expect(copy.rowCounts.users).toBe(2);
    expect(result.stdout).toContain(`Backup written to ${target}.`);
    expect(result.stdout).toContain('Integrity: ok.');
    expect(result.stdout).toMatch(/^\s+users\s+2$/m);
  });

  test('without FILE writes a manual backup into the data folder', async () => {
    const result = await data.run(['backup']);
    expect(result.code).toBe(0);
    const files = readdirSync(data.backups);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(BACKUP_NAME);
    expect(files[0]).toStartWith('rasil-manual-');
    expect(checkDatabaseFile(join(data.backups, files[0]!)).rowCounts.users).toBe(2);
  });

  test('refuses to overwrite an existing file', async () => {
    const target = join(elsewhere, 'taken.db');
    writeFileSync(target, 'keep me');
    const result = await data.run(['backup', target]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`${target} already exists; choose a new file name.\n`);
    expect(readFileSync(target, 'utf8')).toBe('keep me');
  });

  test('refuses a target in a folder that does not exist', async () => {
    const result = await data.run(['backup', join(elsewhere, 'missing', 'copy.db')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`The folder ${join(elsewhere, 'missing')} does not exist`);
  });

  test('refuses when the data folder has no database, and does not create one', async () => {
    const empty = tempDataDir();
    try {
      const result = await empty.run(['backup', join(elsewhere, 'copy.db')]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`There is no database at ${empty.database}.`);
      expect(readdirSync(empty.dir)).toEqual([]);
    } finally {
      empty.cleanup();
    }
  });
});
