import type { Database } from 'bun:sqlite';
import { embeddedMigrations, type EmbeddedMigration } from './migrations.macro' with { type: 'macro' };

// Same table and columns drizzle's migrator uses, so drizzle-kit tooling still reads our history.
const MIGRATIONS_TABLE = '__drizzle_migrations';
const bundledMigrations: EmbeddedMigration[] = embeddedMigrations();

export interface SchemaStatus {
  applied: number;
  known: number;
  latestTag: string;
  pending: string[];
  /** True when the file was migrated by a newer Rasil than this binary. */
  newerThanBinary: boolean;
}

/** How far the database file is behind (or ahead of) the schema this binary carries. */
export function schemaStatus(sqlite: Database, migrations: EmbeddedMigration[] = bundledMigrations): SchemaStatus {
  const exists = sqlite.query(`SELECT 1 FROM sqlite_master WHERE type='table' AND name='${MIGRATIONS_TABLE}'`).get();
  const lastApplied = exists
    ? Number((sqlite.query(`SELECT max(created_at) AS last FROM ${MIGRATIONS_TABLE}`).get() as { last: number | null }).last ?? 0)
    : 0;
  // Like drizzle, decide by timestamp: a migration counts as applied when it is not newer than the last one recorded.
  const pending = migrations.filter((m) => m.folderMillis > lastApplied).map((m) => m.tag);
  const newest = migrations.at(-1)?.folderMillis ?? 0;
  return {
    applied: migrations.length - pending.length,
    known: migrations.length,
    latestTag: migrations.at(-1)?.tag ?? '',
    pending,
    newerThanBinary: lastApplied > newest,
  };
}

/**
 * Applies pending migrations in ONE transaction, then checks every foreign key before committing, so a migration
 * that breaks references is rolled back whole. Foreign keys are switched off on the connection first: inside a
 * transaction SQLite ignores `PRAGMA foreign_keys`, and a table rebuild (DROP TABLE) would otherwise cascade-delete
 * child rows (drizzle-orm#5782).
 */
export function applyMigrations(sqlite: Database, migrations: EmbeddedMigration[] = bundledMigrations): { applied: string[] } {
  const { pending } = schemaStatus(sqlite, migrations);
  if (pending.length === 0) return { applied: [] };
  sqlite.run('PRAGMA foreign_keys = OFF');
  try {
    sqlite
      .transaction(() => {
        sqlite.run(`CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" (id INTEGER PRIMARY KEY, hash text NOT NULL, created_at numeric)`);
        for (const migration of migrations.filter((m) => pending.includes(m.tag))) {
          for (const statement of migration.sql) if (statement.trim()) sqlite.run(statement);
          sqlite.run(`INSERT INTO "${MIGRATIONS_TABLE}" (hash, created_at) VALUES (?, ?)`, [migration.hash, migration.folderMillis]);
        }
        const violations = sqlite.query('PRAGMA foreign_key_check').all();
        if (violations.length > 0) {
          throw new Error(`A schema change would leave ${violations.length} broken references; nothing was changed.`);
        }
      })
      .immediate();
  } finally {
    sqlite.run('PRAGMA foreign_keys = ON');
  }
  return { applied: pending };
}
