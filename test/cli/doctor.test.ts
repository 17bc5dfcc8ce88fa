import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { Database } from 'bun:sqlite';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDataDir, type TempDataDir } from './cli-harness';

let data: TempDataDir;
beforeEach(() => {
  data = tempDataDir();
});
afterEach(() => data.cleanup());

/** Changes the database behind the CLI's back, the way damage or a half-done upgrade would. */
function tamper(data: TempDataDir, sql: string) {
  const db = new Database(data.database);
  db.run('PRAGMA foreign_keys = OFF');
  db.run(sql);
  db.close();
}

describe('rasil doctor', () => {
  test('passes every check on a healthy data folder and prints the effective config', async () => {
    await data.addUser('mona@example.com');
    const result = await data.run(['doctor']);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('✗');
    for (const line of [
      '✓ Configuration is valid',
      `RASIL_DATA_DIR         ${data.dir}`,
      `✓ Data folder ${data.dir} is writable`,
      '✓ Database integrity check passed',
      '✓ Database schema is up to date',
      '✓ No broken references between tables',
      '✓ Journal mode is WAL',
      '✓ No Rasil server is running on this data folder',
      'All checks passed.',
    ]) {
      expect(result.stdout).toContain(line);
    }
    expect(result.stdout).toMatch(/[✓!] .+ free on the disk holding the data folder/);
  });

  test('fails on a missing database, says so plainly, and does not create it', async () => {
    const result = await data.run(['doctor']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`✗ There is no database at ${data.database}.`);
    expect(result.stdout).toContain('- Integrity: not checked (no database)');
    expect(existsSync(data.database)).toBe(false);
    expect(readdirSync(data.dir)).toEqual([]);
  });

  test('fails on pending migrations, advises rasil migrate, and does not migrate', async () => {
    await data.addUser('mona@example.com');
    tamper(data, 'DELETE FROM __drizzle_migrations');
    const result = await data.run(['doctor']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✗ Database schema is behind: (\d+) of \1 migrations not applied/);
    expect(result.stdout).toContain('Run `rasil migrate`');
    const db = new Database(data.database, { readonly: true });
    expect(db.query('SELECT count(*) AS n FROM __drizzle_migrations').get()).toEqual({ n: 0 });
    db.close();
  });

  test('fails when a row points to a row that does not exist', async () => {
    await data.addUser('mona@example.com');
    tamper(data, "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at, expires_at) VALUES ('h', 'usr_gone', 'c', 1, 1, 2)");
    const result = await data.run(['doctor']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✗ 1 broken reference between tables');
    expect(result.stdout).toContain('sessions row 1 points to a missing users row');
  });

  test('fails when the database is not in WAL mode, as with a backup copied in by hand', async () => {
    await data.addUser('mona@example.com');
    const copied = tempDataDir();
    try {
      // Backups are written by VACUUM INTO, which produces a rollback-journal file.
      await data.run(['backup', copied.database]);
      const result = await copied.run(['doctor']);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('✗ Journal mode is delete, not WAL');
    } finally {
      copied.cleanup();
    }
  });

  test('fails when rasil.db is not a database', async () => {
    writeFileSync(data.database, 'not sqlite at all '.repeat(100));
    const result = await data.run(['doctor']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`✗ Database ${data.database} cannot be read: file is not a database.`);
  });

  test('reports a running server on the data folder', async () => {
    await data.addUser('mona@example.com');
    writeFileSync(join(data.dir, 'rasil.pid'), `${process.ppid}\n`);
    const result = await data.run(['doctor']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`✓ A Rasil server (pid ${process.ppid}) is running on this data folder`);
  });

  test('fails on an invalid configuration with the reason', async () => {
    const result = await data.run(['doctor', '--port', 'eighty']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✗ Configuration is not valid');
    expect(result.stdout).toContain('RASIL_PORT must be a whole number between 1 and 65535.');
  });

  test('leaves nothing behind in the data folder', async () => {
    await data.addUser('mona@example.com');
    const before = readdirSync(data.dir).sort();
    await data.run(['doctor']);
    expect(readdirSync(data.dir).sort()).toEqual(before);
  });
});
