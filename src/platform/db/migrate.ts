import type { Database } from 'bun:sqlite';
import type { Db } from './client';
import { embeddedMigrations } from './migrations.macro' with { type: 'macro' };

const MIGRATIONS_TABLE = '__drizzle_migrations';
const migrations = embeddedMigrations();

export interface SchemaStatus {
  applied: number;
  known: number;
  latestTag: string;
  pending: string[];
}

/** How far the database file is behind the schema this binary carries. */
export function schemaStatus(sqlite: Database): SchemaStatus {
  const exists = sqlite.query(`SELECT 1 FROM sqlite_master WHERE type='table' AND name='${MIGRATIONS_TABLE}'`).get();
  const lastApplied = exists
    ? ((sqlite.query(`SELECT max(created_at) AS last FROM ${MIGRATIONS_TABLE}`).get() as { last: number | null }).last ?? 0)
    : 0;
  // drizzle decides by timestamp, not by hash; mirror that so the answer matches what migrate() will do.
  const pending = migrations.filter((m) => m.folderMillis > lastApplied).map((m) => m.tag);
  return { applied: migrations.length - pending.length, known: migrations.length, latestTag: migrations.at(-1)?.tag ?? '', pending };
}

/**
 * Applies pending migrations. Foreign keys are switched off on the connection first, because inside the
 * migrator's transaction SQLite ignores `PRAGMA foreign_keys=OFF` and a table rebuild (DROP TABLE) would
 * cascade-delete child rows (drizzle-orm#5782). `foreign_key_check` afterwards catches any real breakage.
 */
export function applyMigrations(sqlite: Database, db: Db): { applied: string[] } {
  const { pending } = schemaStatus(sqlite);
  if (pending.length === 0) return { applied: [] };
  sqlite.run('PRAGMA foreign_keys = OFF');
  try {
    const internals = db as unknown as { dialect: { migrate(m: unknown, s: unknown, c: unknown): void }; session: unknown };
    internals.dialect.migrate(migrations, internals.session, { migrationsFolder: '', migrationsTable: MIGRATIONS_TABLE });
    const violations = sqlite.query('PRAGMA foreign_key_check').all();
    if (violations.length > 0) {
      throw new Error(`The database has ${violations.length} broken references after migrating; restore the backup taken just before.`);
    }
  } finally {
    sqlite.run('PRAGMA foreign_keys = ON');
  }
  return { applied: pending };
}
