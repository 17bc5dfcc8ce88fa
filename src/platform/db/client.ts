import { Database } from 'bun:sqlite';
import { drizzle, type BunSQLiteDatabase } from 'drizzle-orm/bun-sqlite';

export type Db = BunSQLiteDatabase;
export interface DbHandle {
  /** The raw connection, for pragmas, backups and migrations only; domain code uses `db`. */
  sqlite: Database;
  db: Db;
  close(): void;
}

/**
 * Opens the database with the settings every connection needs. `synchronous` resets per connection,
 * so it is set here each time: FULL means a commit is on disk before we answer Meta with a 200.
 */
export function openDatabase(path: string, { readonly = false }: { readonly?: boolean } = {}): DbHandle {
  const sqlite = readonly ? new Database(path, { readonly: true, strict: true }) : new Database(path, { create: true, strict: true });
  applyConnectionPragmas(sqlite, { readonly });
  const db = drizzle({ client: sqlite });
  return {
    sqlite,
    db,
    // close(true) finalizes drizzle's cached statements; without it SQLite defers the close and keeps the file locked.
    close: () => sqlite.close(true),
  };
}

export function applyConnectionPragmas(sqlite: Database, { readonly = false } = {}) {
  sqlite.run('PRAGMA busy_timeout = 5000');
  if (!readonly) sqlite.run('PRAGMA journal_mode = WAL');
  sqlite.run('PRAGMA synchronous = FULL');
  sqlite.run('PRAGMA foreign_keys = ON');
}

/**
 * Runs `fn` inside one write transaction. drizzle transactions on bun:sqlite are synchronous:
 * never pass an async function here, the commit would happen at the first await.
 */
export function runInTransaction<T>(db: Db, fn: (tx: Db) => T extends Promise<unknown> ? never : T): T {
  return db.transaction((tx) => fn(tx as unknown as Db), { behavior: 'immediate' }) as T;
}
