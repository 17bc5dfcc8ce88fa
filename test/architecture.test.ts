import { describe, expect, test } from 'bun:test';
import { Glob } from 'bun';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The dependency rule (handbook/architecture.md §3.3): imports only point down this stack, and modules on the
 * same level never import each other (they talk through events). A lower number is lower in the stack.
 */
const LEVELS: Record<string, number> = {
  'platform': 0,
  'version.ts': 0,
  'i18n': 1,
  'config.ts': 1,
  'deps.ts': 2,
  'audit': 3,
  'settings': 4,
  'accounts': 5,
  // Calendars need nothing from accounts; teams, inboxes and agents' shifts point at them.
  'business-hours': 5,
  'teams': 6,
  'backups': 6,
  'health': 6,
  'contacts': 7,
  // Live (hub re-export, presence, the event stream) needs only accounts; conversations and above publish through
  // deps.live and assignment reads presence, so it sits just below conversations. Viewer filters are injected.
  'live': 7,
  'conversations': 8,
  'channel': 9,
  'assignment': 9,
  'sla': 9,
  'automation': 9,
  'api': 9,
  // A read model over every area's tables (SLA, automation, assignment): it sits above them and nothing imports it.
  'reports': 10,
  // The composition root (app.tsx, routes.ts, jobs.ts, database.ts, static-assets.ts): wires the modules together.
  'composition': 11,
  'cli': 12,
  'main.ts': 13,
};

const root = resolve(import.meta.dir, '..');
const sourceFiles = [...new Glob('{src,views}/**/*.{ts,tsx}').scanSync(root)].filter((f) => !f.endsWith('.d.ts'));

interface ImportEdge {
  from: string;
  to: string;
  typeOnly: boolean;
}

function importsOf(file: string): ImportEdge[] {
  const text = readFileSync(join(root, file), 'utf8');
  const edges: ImportEdge[] = [];
  const pattern = /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"](\.[^'"]+)['"]/gm;
  for (const match of text.matchAll(pattern)) {
    const target = relative(root, resolve(root, dirname(file), match[3]!));
    edges.push({ from: file, to: target, typeOnly: Boolean(match[2]) });
  }
  return edges;
}

const WEB_ADAPTER_FILES = ['src/accounts/web-context.plugin', 'src/accounts/access-policy', 'src/accounts/request-actor'];

const COMPOSITION_ROOT = ['app.tsx', 'routes.ts', 'jobs.ts', 'event-handlers.ts', 'database.ts', 'static-assets.ts'];

/** `src/accounts/x.ts` → 'accounts'; `src/config.ts` → 'config.ts'; `src/app.tsx` → 'composition'. */
function moduleOf(path: string): string | undefined {
  const parts = path.split('/');
  if (parts[0] !== 'src') return undefined;
  if (parts.length > 2) return parts[1];
  const file = parts[1]!;
  return COMPOSITION_ROOT.includes(file) ? 'composition' : file;
}

/** Import specifiers leave out the extension; find the file they mean. */
function withExtension(path: string): string {
  if (/\.(ts|tsx|js|css|svg|json|webmanifest)$/.test(path)) return path;
  for (const ext of ['.ts', '.tsx', '/index.ts']) if (existsSync(join(root, path + ext))) return path + ext;
  return path;
}

describe('architecture', () => {
  test('every source folder and root file has a place in the stack', () => {
    const unplaced = [...new Set(sourceFiles.map(moduleOf).filter((m): m is string => m !== undefined))].filter((m) => !(m in LEVELS));
    expect(unplaced).toEqual([]);
  });

  test('imports never point up the stack or sideways between sibling modules', () => {
    const violations: string[] = [];
    for (const file of sourceFiles) {
      const fromModule = moduleOf(file);
      if (!fromModule) continue;
      for (const edge of importsOf(file)) {
        const toModule = moduleOf(withExtension(edge.to));
        if (!toModule || toModule === fromModule) continue;
        // deps.ts only declares the AppDeps type; any module may name it.
        if (toModule === 'deps.ts' && edge.typeOnly) continue;
        // Routes are the outermost adapter of their module: every one needs the web context (viewer, access policy),
        // which lives in accounts because sessions do. Only these web-adapter files are reachable that way.
        if (file.endsWith('.routes.tsx') && WEB_ADAPTER_FILES.includes(edge.to)) continue;
        const from = LEVELS[fromModule]!;
        const to = LEVELS[toModule];
        if (to === undefined || to >= from) violations.push(`${file} → ${edge.to} (${fromModule}@${from} → ${toModule}@${to})`);
      }
    }
    expect(violations).toEqual([]);
  });

  test('views import only types from src, and only route files, plugins and the app import views', () => {
    const violations: string[] = [];
    for (const file of sourceFiles) {
      for (const edge of importsOf(file)) {
        if (file.startsWith('views/') && edge.to.startsWith('src/') && !edge.typeOnly) violations.push(`${file} imports code from ${edge.to}`);
        const mayRender = /\.routes\.tsx$|\.plugin\.ts$|^src\/app\.tsx$/.test(file);
        if (file.startsWith('src/') && edge.to.startsWith('views/') && !mayRender) violations.push(`${file} renders ${edge.to}`);
      }
    }
    expect(violations).toEqual([]);
  });

  test('nothing but the clock module reads the wall clock', () => {
    const offenders = sourceFiles.filter((file) => {
      if (file === 'src/platform/clock.ts') return false;
      const text = readFileSync(join(root, file), 'utf8');
      return /Date\.now\(|new Date\(\s*\)/.test(text);
    });
    expect(offenders).toEqual([]);
  });

  test('table files use the one suffix .tables.ts', () => {
    expect(sourceFiles.filter((f) => /\.table\.tsx?$/.test(f))).toEqual([]);
  });

  test('no drizzle transaction is given an async callback (it would commit at the first await)', () => {
    const offenders = sourceFiles.filter((file) => /(transaction|runInTransaction)\(\s*[\w.]*,?\s*async/.test(readFileSync(join(root, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
