import { expect, test } from 'bun:test';
import { Glob } from 'bun';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

// Automation, SLA and assignment all build on these rules, so they stay pure: no database, no i18n, no clock.
// Stored calendars (tables, settings pages) live apart, in business-hours/calendars/.
test('the business-hours rules import nothing but their own files, platform and zod', () => {
  const folder = resolve(import.meta.dir, '../../src/business-hours');
  const offending: string[] = [];
  for (const file of new Glob('*.ts').scanSync(folder)) {
    const text = readFileSync(join(folder, file), 'utf8');
    for (const [, target] of text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
      if (target === 'zod' || target!.startsWith('./') || target!.startsWith('../platform/')) continue;
      offending.push(`${file} → ${target}`);
    }
  }
  expect(offending).toEqual([]);
});
