import { describe, expect, test } from 'bun:test';
import { Glob } from 'bun';
import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

/**
 * Hand-written migrations (FTS5, which drizzle-kit cannot generate) live in `src/**\/*.migration.sql` and are copied
 * into migrations/ by `bun run db:generate`. Regenerating with drizzle-kit alone would silently drop them.
 */
const root = resolve(import.meta.dir, '../..');
const journal = JSON.parse(readFileSync(join(root, 'migrations/meta/_journal.json'), 'utf8')) as { entries: { tag: string; when: number }[] };

describe('hand-written migrations', () => {
  const sources = [...new Glob('src/**/*.migration.sql').scanSync(root)];

  test('there is at least the search index one', () => {
    expect(sources.map((f) => basename(f))).toContain('search.migration.sql');
  });

  test('each is in the journal, after the generated schema, with the same text as its source', () => {
    for (const source of sources) {
      const name = basename(source, '.migration.sql');
      const entry = journal.entries.find((e) => e.tag.replace(/^\d+_/, '') === name);
      expect(entry?.tag).toBeDefined();
      expect(entry!.when).toBeGreaterThan(journal.entries[0]!.when);
      expect(readFileSync(join(root, 'migrations', `${entry!.tag}.sql`), 'utf8')).toBe(readFileSync(join(root, source), 'utf8'));
    }
  });
});
