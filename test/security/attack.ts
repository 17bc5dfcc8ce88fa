/**
 * `bun run attack`: every attack in handbook/reliability-security.md, each mapped to the tests that assert its exact
 * defence (some live beside the code they guard). Runs them all once, prints one row per attack and exits non-zero
 * when a defence fails or an attack has no test at all.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Attack {
  name: string;
  /** Test files, optionally narrowed to test names matching `match`. */
  files: string[];
  match?: RegExp;
}

const ATTACKS: Attack[] = [
  { name: 'Stored XSS: text, captions, names, vCards, places, buttons, filenames (HTML)', files: ['test/conversations/hostile-content.test.ts'] },
  { name: 'Stored XSS in a real browser: nothing executes', files: ['test/browser/inbox-flows.test.ts'], match: /hostile/ },
  { name: 'javascript: and data: links', files: ['test/conversations/linkify.test.ts', 'test/conversations/hostile-content.test.ts'] },
  { name: 'SVG/HTML/JS attachments never served inline', files: ['test/channel/whatsapp/media-route.test.ts', 'test/conversations/attachments.test.ts'], match: /SVG|HTML|inline|download|script|refuses/i },
  { name: 'Path traversal in media names and paths', files: ['test/security/path-traversal.test.ts', 'test/channel/whatsapp/media-route.test.ts'], match: /traversal|percent-encoded|folder/i },
  { name: 'Forged, replayed, oversized webhooks', files: ['test/channel/whatsapp/webhook.routes.test.ts'], match: /401|signature|413|five times|secret/i },
  { name: 'Deeply nested and malformed webhooks', files: ['test/channel/whatsapp/inbound-processing.test.ts', 'test/channel/whatsapp/webhook.routes.test.ts'], match: /nested|not JSON|malformed/i },
  { name: 'IDOR: foreign ids in every route and fragment', files: ['test/security/idor.test.ts'] },
  { name: 'Analysts and agents trying writes', files: ['test/accounts/access.test.ts', 'test/security/idor.test.ts'], match: /analyst|agent|role|403/i },
  { name: 'CSRF without (or with a foreign) token', files: ['test/security/csrf.test.ts'] },
  { name: 'Login brute force in parallel, rotating X-Forwarded-For', files: ['test/security/login-throttle.test.ts'] },
  { name: 'Session fixation; sessions after a password change', files: ['test/accounts/setup-and-login.test.ts', 'test/cli/user.test.ts'], match: /session/i },
  { name: 'SQL and FTS5 injection in filters, sorts, search', files: ['test/security/sql-injection.test.ts'] },
  { name: 'Unicode: RTL marks, zero-width, lone surrogates, NUL, 64 KB', files: ['test/security/unicode-edges.test.ts'] },
];

const files = [...new Set(ATTACKS.flatMap((a) => a.files))];
const out = mkdtempSync(join(tmpdir(), 'rasil-attack-'));
const report = join(out, 'junit.xml');
const run = Bun.spawnSync(['bun', 'test', ...files, '--reporter=junit', `--reporter-outfile=${report}`], { stdout: 'inherit', stderr: 'inherit' });

const xml = readFileSync(report, 'utf8');
rmSync(out, { recursive: true, force: true });
const cases = [...xml.matchAll(/<testcase name="([^"]*)"[^>]*file="([^"]*)"[^>]*?(\/>|>([\s\S]*?)<\/testcase>)/g)].map((m) => ({
  name: m[1]!.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'),
  file: m[2]!,
  failed: /<failure/.test(m[4] ?? ''),
  skipped: /<skipped/.test(m[4] ?? ''),
}));

const rows = ATTACKS.map((attack) => {
  const mine = cases.filter((c) => attack.files.includes(c.file) && (!attack.match || attack.match.test(c.name)));
  return { attack: attack.name, tests: mine.length, failed: mine.filter((c) => c.failed).length, skipped: mine.filter((c) => c.skipped).length };
});
const width = Math.max(...rows.map((r) => r.attack.length));
console.log(`\n${'Attack'.padEnd(width)}  tests  failed  skipped`);
for (const r of rows) console.log(`${r.attack.padEnd(width)}  ${String(r.tests).padStart(5)}  ${String(r.failed).padStart(6)}  ${String(r.skipped).padStart(7)}`);
const uncovered = rows.filter((r) => r.tests === 0 || r.tests === r.skipped).map((r) => r.attack);
const failed = rows.filter((r) => r.failed > 0).map((r) => r.attack);
if (uncovered.length > 0) console.error(`\nNo test ran for: ${uncovered.join('; ')}`);
if (failed.length > 0) console.error(`\nDefences failing: ${failed.join('; ')}`);
process.exit(run.exitCode !== 0 || uncovered.length > 0 || failed.length > 0 ? 1 : 0);
