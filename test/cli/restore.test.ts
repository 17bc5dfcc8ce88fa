import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { Database } from 'bun:sqlite';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findUserByEmail, listUsers } from '../../src/accounts/users.repository';
import { checkDatabaseFile } from '../../src/platform/db/backup';
import { tempDataDir, withDatabase, type TempDataDir } from './cli-harness';

let data: TempDataDir;
let elsewhere: string;
let backup: string;
beforeEach(async () => {
  data = tempDataDir();
  elsewhere = mkdtempSync(join(tmpdir(), 'rasil-restore-source-'));
  backup = join(elsewhere, 'before-sami.db');
  await data.addUser('mona@example.com');
  expect((await data.run(['backup', backup])).code).toBe(0);
  await data.addUser('sami@example.com', 'agent');
});
afterEach(() => {
  data.cleanup();
  rmSync(elsewhere, { recursive: true, force: true });
});

const liveEmails = () => withDatabase(data, ({ db }) => listUsers(db).map((u) => u.email));
const keptFiles = () => (existsSync(data.backups) ? readdirSync(data.backups).filter((f) => f.startsWith('rasil-pre-restore-')) : []);

describe('rasil restore', () => {
  test('puts the backup in place and keeps the replaced database in backups/', async () => {
    const result = await data.run(['restore', backup]);
    expect(result.code).toBe(0);
    expect(liveEmails()).toEqual(['mona@example.com']);
    const kept = keptFiles();
    expect(kept).toHaveLength(1);
    const keptPath = join(data.backups, kept[0]!);
    expect(result.stdout).toContain(`The database it replaced is kept as ${keptPath}.`);
    expect(readdirSync(data.dir).filter((f) => f.startsWith('.'))).toEqual([]);
    const old = new Database(keptPath, { readonly: true });
    expect(old.query('SELECT email FROM users ORDER BY email').all()).toEqual([{ email: 'mona@example.com' }, { email: 'sami@example.com' }]);
    old.close();
  });

  test('leaves the restored database in WAL mode, as the server expects', async () => {
    await data.run(['restore', backup]);
    const restored = new Database(data.database, { readonly: true });
    expect(restored.query('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    restored.close();
  });

  test('refuses while a server runs on the data folder, and changes nothing', async () => {
    const server = Bun.spawn(['sleep', '30']);
    try {
      writeFileSync(join(data.dir, 'rasil.pid'), `${server.pid}\n`);
      const result = await data.run(['restore', backup]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`A Rasil server (pid ${server.pid}) is using ${data.dir}. Stop it first`);
      expect(liveEmails()).toEqual(['mona@example.com', 'sami@example.com']);
      expect(keptFiles()).toEqual([]);
    } finally {
      server.kill();
    }
  });

  test('ignores a stale pid file left by a crashed server', async () => {
    const gone = Bun.spawn(['true']);
    await gone.exited;
    writeFileSync(join(data.dir, 'rasil.pid'), `${gone.pid}\n`);
    expect((await data.run(['restore', backup])).code).toBe(0);
  });

  test('refuses a file that is not SQLite, and changes nothing', async () => {
    const junk = join(elsewhere, 'notes.db');
    writeFileSync(junk, 'these are not the rows you are looking for '.repeat(200));
    const result = await data.run(['restore', junk]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`SQLite cannot read ${junk} (file is not a database)`);
    expect(result.stderr).toContain('Nothing was changed.');
    expect(liveEmails()).toEqual(['mona@example.com', 'sami@example.com']);
    expect(keptFiles()).toEqual([]);
  });

  test('refuses a damaged backup, and changes nothing', async () => {
    const bytes = readFileSync(backup);
    // Overwrite everything after the first page (the schema) so the tables' pages are garbage.
    bytes.fill(0xa5, 4096);
    const damaged = join(elsewhere, 'damaged.db');
    writeFileSync(damaged, bytes);
    const result = await data.run(['restore', damaged]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/failed its integrity check|SQLite cannot read .*damaged\.db/);
    expect(result.stderr).toContain('Nothing was changed.');
    expect(liveEmails()).toEqual(['mona@example.com', 'sami@example.com']);
    expect(keptFiles()).toEqual([]);
  });

  test('refuses an SQLite file that is not a Rasil database', async () => {
    const other = join(elsewhere, 'other.db');
    const db = new Database(other, { create: true });
    db.run('CREATE TABLE notes (body TEXT)');
    db.close();
    const result = await data.run(['restore', other]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is not a Rasil database (it has no __drizzle_migrations or users table)');
  });

  test('refuses a backup written by a newer version of Rasil', async () => {
    const db = new Database(backup);
    db.run('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)', ['future', 9_999_999_999_999]);
    db.close();
    const result = await data.run(['restore', backup]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('was written by a newer version of Rasil');
    expect(liveEmails()).toEqual(['mona@example.com', 'sami@example.com']);
  });

  test('refuses a file that does not exist', async () => {
    const result = await data.run(['restore', join(elsewhere, 'nope.db')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('does not exist or is not a file');
  });

  test('restores into an empty data folder, as on a new machine', async () => {
    const fresh = tempDataDir();
    try {
      const result = await fresh.run(['restore', backup]);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('There was no database before');
      expect(checkDatabaseFile(fresh.database).rowCounts.users).toBe(1);
      expect(withDatabase(fresh, ({ db }) => findUserByEmail(db, 'mona@example.com')?.role)).toBe('admin');
    } finally {
      fresh.cleanup();
    }
  });

  test('without FILE lists the newest backups to choose from', async () => {
    await data.run(['backup']);
    const result = await data.run(['restore']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Say which backup to restore');
    expect(result.stderr).toMatch(/rasil-manual-\S+\.db/);
  });
});
