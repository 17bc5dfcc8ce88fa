import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Glob } from 'bun';

/**
 * `bun run db:generate`: drizzle-kit from `src/**\/*.tables.ts`, then every hand-written `src/**\/*.migration.sql`
 * (what drizzle-kit cannot express, e.g. FTS5) appended to the journal if missing, so regenerating 0000 keeps them.
 */
const root = join(import.meta.dir, '../../..');
const generated = Bun.spawnSync(['bunx', 'drizzle-kit', 'generate', '--config', 'src/platform/db/drizzle.config.ts', ...process.argv.slice(2)], {
  cwd: root,
  stdout: 'inherit',
  stderr: 'inherit',
});
if (generated.exitCode !== 0) process.exit(generated.exitCode ?? 1);

interface Journal {
  entries: { idx: number; version: string; when: number; tag: string; breakpoints: boolean }[];
}
const journalPath = join(root, 'migrations/meta/_journal.json');
const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as Journal;
const handWritten = [...new Glob('src/**/*.migration.sql').scanSync(root)].sort((a, b) => basename(a).localeCompare(basename(b)));
for (const file of handWritten) {
  const name = basename(file, '.migration.sql');
  if (journal.entries.some((e) => e.tag.replace(/^\d+_/, '') === name)) continue;
  const idx = journal.entries.length;
  const tag = `${String(idx).padStart(4, '0')}_${name}`;
  copyFileSync(join(root, file), join(root, 'migrations', `${tag}.sql`));
  const when = Math.max(0, ...journal.entries.map((e) => e.when)) + 1;
  journal.entries.push({ idx, version: '6', when, tag, breakpoints: true });
  console.info(`[✓] hand-written migration ${file} → migrations/${tag}.sql`);
}
writeFileSync(journalPath, `${JSON.stringify(journal, null, 2)}\n`);
