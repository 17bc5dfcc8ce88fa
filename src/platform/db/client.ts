import { Database } from 'bun:sqlite';
import { drizzle, type BunSQLiteDatabase } from 'drizzle-orm/bun-sqlite';

export type Db = BunSQLiteDatabase;

/** How long a connection waits for another one's write lock before failing with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;
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
  sqlite.run(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
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

/** Another connection (the background thread, another process) holds the write lock. */
export const WRITE_LOCK_TAKEN = Symbol('write lock taken');

/**
 * Like runInTransaction, but gives up at once when another connection holds the write lock instead of sleeping in
 * SQLite's busy handler, which would stop this whole thread: an async caller retries a moment later while its
 * thread keeps serving requests. Nothing is written when it gives up.
 */
export function tryInTransaction<T>(db: Db, fn: (tx: Db) => T extends Promise<unknown> ? never : T): T | typeof WRITE_LOCK_TAKEN {
  // drizzle keeps the connection it was opened on as $client (openDatabase); a transaction object has none.
  const sqlite = (db as unknown as { $client: Database }).$client;
  sqlite.run('PRAGMA busy_timeout = 0');
  try {
    return runInTransaction(db, fn);
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return WRITE_LOCK_TAKEN;
    throw error;
  } finally {
    sqlite.run(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
  }
}
