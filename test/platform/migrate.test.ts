import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type DbHandle } from '../../src/platform/db/client';
import { applyMigrations, schemaStatus } from '../../src/platform/db/migrate';
import type { EmbeddedMigration } from '../../src/platform/db/migrations.macro';

let dir: string;
let handle: DbHandle;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rasil-migrate-'));
  handle = openDatabase(join(dir, 'test.db'));
});
afterEach(() => {
  handle.close();
  rmSync(dir, { recursive: true, force: true });
});

const migration = (tag: string, when: number, statements: string[]): EmbeddedMigration => ({ tag, sql: statements, bps: true, folderMillis: when, hash: tag });

describe('applyMigrations', () => {
  test('brings an empty database to the bundled schema and reports nothing pending afterwards', () => {
    const { applied } = applyMigrations(handle.sqlite);
    expect(applied.length).toBeGreaterThan(0);
    expect(schemaStatus(handle.sqlite).pending).toEqual([]);
    expect(applyMigrations(handle.sqlite).applied).toEqual([]);
  });

  test('sets WAL, synchronous=FULL and foreign keys on every connection', () => {
    expect(handle.sqlite.query('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    expect(handle.sqlite.query('PRAGMA synchronous').get()).toEqual({ synchronous: 2 });
    expect(handle.sqlite.query('PRAGMA foreign_keys').get()).toEqual({ foreign_keys: 1 });
  });

  test('a table rebuild (drizzle-kit style) keeps the rows of child tables with ON DELETE CASCADE', () => {
    const first = migration('0000_base', 1000, [
      'CREATE TABLE parents (id text PRIMARY KEY NOT NULL, name text)',
      'CREATE TABLE children (id text PRIMARY KEY NOT NULL, parent_id text NOT NULL REFERENCES parents(id) ON DELETE CASCADE)',
      "INSERT INTO parents VALUES ('p1', 'Mona')",
      "INSERT INTO children VALUES ('c1', 'p1'), ('c2', 'p1')",
    ]);
    // What drizzle-kit emits to make a column NOT NULL: inside the migrator's transaction SQLite ignores the
    // PRAGMA, so without our guard DROP TABLE parents would cascade and empty children (drizzle-orm#5782).
    const rebuild = migration('0001_rebuild', 2000, [
      'PRAGMA foreign_keys=OFF',
      'CREATE TABLE __new_parents (id text PRIMARY KEY NOT NULL, name text NOT NULL)',
      'INSERT INTO __new_parents SELECT id, name FROM parents',
      'DROP TABLE parents',
      'ALTER TABLE __new_parents RENAME TO parents',
      'PRAGMA foreign_keys=ON',
    ]);
    applyMigrations(handle.sqlite, [first]);
    applyMigrations(handle.sqlite, [first, rebuild]);
    expect(handle.sqlite.query('SELECT count(*) AS n FROM children').get()).toEqual({ n: 2 });
    expect(handle.sqlite.query('PRAGMA foreign_keys').get()).toEqual({ foreign_keys: 1 });
  });

  test('refuses a migration that leaves broken references, and rolls it back', () => {
    const base = migration('0000_base', 1000, [
      'CREATE TABLE parents (id text PRIMARY KEY NOT NULL)',
      'CREATE TABLE children (id text PRIMARY KEY NOT NULL, parent_id text NOT NULL REFERENCES parents(id))',
      "INSERT INTO parents VALUES ('p1')",
      "INSERT INTO children VALUES ('c1', 'p1')",
    ]);
    const breaking = migration('0001_break', 2000, ["DELETE FROM parents WHERE id = 'p1'"]);
    applyMigrations(handle.sqlite, [base]);
    expect(() => applyMigrations(handle.sqlite, [base, breaking])).toThrow(/broken references/);
    expect(handle.sqlite.query('SELECT id FROM parents').all()).toEqual([{ id: 'p1' }]);
    expect(schemaStatus(handle.sqlite, [base, breaking]).pending).toEqual(['0001_break']);
    expect(handle.sqlite.query('PRAGMA foreign_keys').get()).toEqual({ foreign_keys: 1 });
  });
});
