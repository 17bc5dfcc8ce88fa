import { afterAll, describe, expect, test } from 'bun:test';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { checkDatabaseFile } from '../../src/platform/db/backup';
import { freePort, repoRoot } from '../binary/compiled-binary';

// Runs the real ./install.sh against this machine: it creates a system user, writes to /usr/local/bin, /etc
// and /var/lib, and starts a server. Only CI (root, throwaway machine) opts in with RASIL_TEST_INSTALL=1.
const enabled = process.env.RASIL_TEST_INSTALL === '1';
const DATA_DIR = '/var/lib/rasil';
const BACKUPS = join(DATA_DIR, 'backups');
const BINARY = '/usr/local/bin/rasil';
const ENV_FILE = '/etc/rasil/rasil.env';
const port = freePort();
const base = `http://127.0.0.1:${port}`;

async function installSh(...args: string[]) {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !key.startsWith('RASIL_') && key !== 'NODE_ENV') env[key] = value;
  const child = Bun.spawn([join(repoRoot, 'install.sh'), ...args], { cwd: repoRoot, env, stdin: 'ignore', stdout: 'pipe', stderr: 'pipe' });
  const [code, stdout, stderr] = await Promise.all([child.exited, new Response(child.stdout).text(), new Response(child.stderr).text()]);
  return { code, output: stdout + stderr };
}

const preUpgradeBackups = () => (existsSync(BACKUPS) ? readdirSync(BACKUPS).filter((name) => /^rasil-manual-.*-pre_upgrade\.db$/.test(name)) : []);
const serverPid = () => readFileSync(join(DATA_DIR, 'rasil.pid'), 'utf8').trim();

if (!enabled) {
  test.skip('install.sh was NOT run: it installs Rasil system-wide, so it only runs with RASIL_TEST_INSTALL=1 (.ci/run sets it as root in CI)', () => {});
} else {
  // Set before anything is installed, so clean-up removes only what this test created.
  const dataExisted = existsSync(DATA_DIR);
  const userExisted = Bun.spawnSync(['id', 'rasil'], { stdout: 'ignore', stderr: 'ignore' }).exitCode === 0;

  afterAll(async () => {
    if (existsSync(BINARY) || existsSync(ENV_FILE)) await installSh('--uninstall');
    if (!dataExisted) rmSync(DATA_DIR, { recursive: true, force: true });
    if (!userExisted) Bun.spawnSync(['userdel', 'rasil']);
  });

  describe('install.sh on this machine', () => {
    test('installs and starts Rasil, which answers /healthz and shows the first-run page', async () => {
      if (existsSync(BINARY)) throw new Error(`${BINARY} exists already; this test never runs over a real installation.`);
      const result = await installSh('--port', String(port));
      expect(result.output).toContain('Open it to create the owner account.');
      expect(result.code).toBe(0);

      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      const home = await fetch(`${base}/`, { redirect: 'manual' });
      expect(home.headers.get('location')).toEndWith('/setup');
      const setup = await fetch(`${base}/setup`);
      expect(setup.status).toBe(200);
      expect(await setup.text()).toContain('name="passwordConfirm"');
      expect(readFileSync(ENV_FILE, 'utf8')).toContain(`RASIL_PORT=${port}`);
    }, 600_000);

    test('re-running upgrades in place: a verified backup first, then a restarted server', async () => {
      const before = preUpgradeBackups();
      const pidBefore = serverPid();
      const result = await installSh();
      expect(result.code).toBe(0);

      const added = preUpgradeBackups().filter((name) => !before.includes(name));
      expect(added).toHaveLength(1);
      expect(checkDatabaseFile(join(BACKUPS, added[0]!)).integrity).toBe('ok');
      expect(serverPid()).not.toBe(pidBefore);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      // The existing settings file is kept, so the port chosen at install time still applies.
      expect(readFileSync(ENV_FILE, 'utf8')).toContain(`RASIL_PORT=${port}`);
    }, 600_000);

    test('--uninstall stops and removes Rasil but keeps the data folder', async () => {
      const result = await installSh('--uninstall');
      expect(result.code).toBe(0);
      expect(result.output).toContain(`Your data stays in ${DATA_DIR}`);

      expect(existsSync(BINARY)).toBe(false);
      expect(existsSync(ENV_FILE)).toBe(false);
      expect(await fetch(`${base}/healthz`).then(() => 'answered', () => 'refused')).toBe('refused');
      expect(checkDatabaseFile(join(DATA_DIR, 'rasil.db')).integrity).toBe('ok');
      expect(preUpgradeBackups().length).toBeGreaterThan(0);
    }, 120_000);
  });
}
