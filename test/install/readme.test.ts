import { expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configOptions } from '../../src/config';
import { repoRoot } from '../binary/compiled-binary';

/** The README's configuration table, as it must read for the options in src/config.ts. */
function configTable(): string {
  const rows = Object.values(configOptions).map(
    (o) => `| \`${o.env}\` | \`${o.flag}\` | ${o.default ? `\`${o.default}\`` : '(none)'} | ${o.doc} |`,
  );
  return ['| Environment variable | Flag | Default | Meaning |', '|---|---|---|---|', ...rows].join('\n');
}

test('the README configuration table lists every boot option with its flag, default and meaning', () => {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  // On failure, paste the expected table into README.md's "Configuration" section.
  expect(readme).toContain(configTable());
});
