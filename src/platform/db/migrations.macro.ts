import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

export interface EmbeddedMigration {
  tag: string;
  sql: string[];
  bps: boolean;
  folderMillis: number;
  hash: string;
}

/**
 * Runs at bundle time (imported `with { type: 'macro' }`): reads migrations/ and inlines it, so the
 * compiled binary carries its schema and needs no files beside it.
 */
export function embeddedMigrations(): EmbeddedMigration[] {
  const dir = join(import.meta.dir, '../../../migrations');
  const journal = JSON.parse(readFileSync(join(dir, 'meta/_journal.json'), 'utf8')) as {
    entries: { tag: string; when: number; breakpoints: boolean }[];
  };
  return journal.entries.map((entry) => {
    const text = readFileSync(join(dir, `${entry.tag}.sql`), 'utf8');
    return {
      tag: entry.tag,
      sql: text.split('--> statement-breakpoint'),
      bps: entry.breakpoints,
      folderMillis: entry.when,
      hash: createHash('sha256').update(text).digest('hex'),
    };
  });
}
