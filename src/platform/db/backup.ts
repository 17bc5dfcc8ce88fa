import { Database } from 'bun:sqlite';
import { chmodSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';

export interface DatabaseCheck {
  ok: boolean;
  integrity: string;
  /** Row count per table, so an owner can see the copy holds their data. */
  rowCounts: Record<string, number>;
  bytes: number;
}

/**
 * A consistent copy of a live database: VACUUM INTO reads one snapshot while writers carry on. The copy is
 * written under a temporary name, verified, and only then renamed into place, so a half-written or corrupt
 * file never carries the backup's name.
 */
export function backupDatabase(sqlite: Database, targetPath: string): DatabaseCheck {
  if (existsSync(targetPath)) throw new Error(`${targetPath} already exists; choose a new file name.`);
  const tempPath = join(dirname(targetPath), `.${basename(targetPath)}.partial`);
  rmSync(tempPath, { force: true });
  try {
    sqlite.run(`VACUUM INTO '${tempPath.replaceAll("'", "''")}'`);
    const check = checkDatabaseFile(tempPath);
    if (!check.ok) throw new Error(`The copy failed its integrity check: ${check.integrity}`);
    // A backup holds every conversation and the Meta tokens: readable by the owner only, whatever the umask.
    chmodSync(tempPath, 0o600);
    renameSync(tempPath, targetPath);
    return check;
  } finally {
    rmSync(tempPath, { force: true });
  }
}

/** Opens a database file read-only and reports its integrity and row counts. */
export function checkDatabaseFile(path: string): DatabaseCheck {
  const copy = new Database(path, { readonly: true });
  try {
    const integrityRows = copy.query('PRAGMA integrity_check').all() as { integrity_check: string }[];
    const integrity = integrityRows.map((r) => r.integrity_check).join('; ');
    const tables = copy
      .query("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string }[];
    const rowCounts: Record<string, number> = {};
    for (const { name } of tables) {
      rowCounts[name] = (copy.query(`SELECT count(*) AS n FROM "${name.replaceAll('"', '""')}"`).get() as { n: number }).n;
    }
    return { ok: integrity === 'ok', integrity, rowCounts, bytes: statSync(path).size };
  } finally {
    copy.close();
  }
}
