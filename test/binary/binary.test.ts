import { afterAll, afterEach, beforeAll, describe, expect, test } from 'bun:test';
import { Database } from 'bun:sqlite';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Subprocess } from 'bun';
import pkg from '../../package.json';
import { checkDatabaseFile } from '../../src/platform/db/backup';
import { TestClient } from '../support/test-client';
import { TEST_PASSWORD } from '../support/test-app';
import { buildRasil, cleanEnv, repoRoot, runRasil, startServer, type Server } from './compiled-binary';

// One real `bun build --compile` with the build script's flags; every test runs that file from `/`.
let binary: string;
const children: Subprocess[] = [];
const folders: string[] = [];

beforeAll(async () => {
  binary = await buildRasil();
}, 180_000);

afterEach(async () => {
  for (const child of children.splice(0)) {
    child.kill('SIGKILL');
    await child.exited;
  }
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

afterAll(() => {
  if (binary) rmSync(dirname(binary), { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rasil-binary-test-'));
  folders.push(dir);
  return dir;
}

async function serve(dataDir: string): Promise<Server> {
  const server = await startServer(binary, dataDir);
  children.push(server.process);
  return server;
}

function userEmails(databasePath: string): string[] {
  const db = new Database(databasePath, { readonly: true });
  try {
    return (db.query('SELECT email FROM users ORDER BY email').all() as { email: string }[]).map((r) => r.email);
  } finally {
    db.close();
  }
}

const addUser = (dataDir: string, email: string) =>
  runRasil(binary, ['user', 'add', '--data-dir', dataDir, '--email', email, '--name', 'Test Agent', '--role', 'agent', '--password-stdin'], {
    stdin: `${TEST_PASSWORD}\n`,
  });

/** TestClient speaks to an app through `handle`; this one sends every request over the network to the binary. */
const overHttp = (baseUrl: string) => ({
  handle(request: Request) {
    const url = new URL(request.url);
    return fetch(new Request(`${baseUrl}${url.pathname}${url.search}`, request));
  },
});

describe('the compiled binary', () => {
  test('serves /healthz, the embedded assets and the first-run page from / with nothing beside it', async () => {
    expect(readdirSync(dirname(binary))).toEqual(['rasil']);
    const server = await serve(join(tempDir(), 'data'));
    console.info(`rasil answered /healthz ${server.readyMs.toFixed(0)} ms after it was started`);
    expect(server.readyMs).toBeLessThan(5000);

    const health = await fetch(`${server.url}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok', version: pkg.version, db: 'ok' });

    const setup = await fetch(`${server.url}/setup`);
    expect(setup.status).toBe(200);
    const html = await setup.text();
    expect(html).toContain('<form');
    expect(html).toContain('name="passwordConfirm"');

    // Every file the page asks for must come out of the binary itself.
    const referenced = [...new Set([...html.matchAll(/"\/static\/([^"?#]+)"/g)].map((m) => m[1]!))].sort();
    expect(referenced).toEqual(expect.arrayContaining(['app.css', 'app.js', 'htmx.min.js', 'hx-sse.min.js', 'icon.svg', 'manifest.webmanifest']));
    for (const name of referenced) {
      const asset = await fetch(`${server.url}/static/${name}`);
      expect({ name, status: asset.status, empty: (await asset.arrayBuffer()).byteLength === 0 }).toEqual({ name, status: 200, empty: false });
    }
    const htmx = await fetch(`${server.url}/static/htmx.min.js`);
    expect(htmx.headers.get('content-type')).toContain('javascript');
    expect(await htmx.text()).toBe(readFileSync(join(repoRoot, 'node_modules/htmx.org/dist/htmx.min.js'), 'utf8'));
  });

  test('rasil version prints the version from package.json', async () => {
    const result = await runRasil(binary, ['version']);
    expect(result.code).toBe(0);
    expect(result.stdout).toStartWith(`rasil ${pkg.version} `);
  });

  test('rasil backup writes a verified copy while the server is serving', async () => {
    const dataDir = join(tempDir(), 'data');
    const server = await serve(dataDir);
    expect((await addUser(dataDir, 'agent@example.com')).code).toBe(0);

    const target = join(tempDir(), 'copy.db');
    const result = await runRasil(binary, ['backup', target, '--data-dir', dataDir]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Integrity: ok');
    expect(checkDatabaseFile(target).integrity).toBe('ok');
    expect(userEmails(target)).toEqual(['agent@example.com']);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  test('stops on SIGTERM with exit code 0, removes its pid file and leaves a sound database', async () => {
    const dataDir = join(tempDir(), 'data');
    const server = await serve(dataDir);
    const pidFile = join(dataDir, 'rasil.pid');
    expect(readFileSync(pidFile, 'utf8').trim()).toBe(String(server.process.pid));
    expect((await addUser(dataDir, 'agent@example.com')).code).toBe(0);

    server.process.kill('SIGTERM');
    expect(await server.process.exited).toBe(0);
    expect(existsSync(pidFile)).toBe(false);
    const wal = join(dataDir, 'rasil.db-wal');
    // The shutdown checkpoint leaves everything in rasil.db itself.
    expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
    expect(checkDatabaseFile(join(dataDir, 'rasil.db')).integrity).toBe('ok');
  });

  test('keeps every committed write and restarts cleanly after kill -9 in the middle of writes', async () => {
    const dataDir = join(tempDir(), 'data');
    const database = join(dataDir, 'rasil.db');
    const server = await serve(dataDir);

    const owner = new TestClient(overHttp(server.url));
    await owner.load('/setup');
    const setup = await owner.post('/setup', {
      businessName: 'Qahwa House',
      timeZone: 'Asia/Riyadh',
      locale: 'en',
      name: 'Mona',
      email: 'owner@example.com',
      password: TEST_PASSWORD,
      passwordConfirm: TEST_PASSWORD,
    });
    expect(setup.status).toBe(303);

    // Writers: two loops of `rasil user add` (other processes) and a loop of failed sign-ins over HTTP
    // (each one upserts login_throttle rows in the server).
    let running = true;
    const added: string[] = [];
    const cliWriter = async (worker: number) => {
      for (let i = 0; running; i++) {
        const email = `agent-${worker}-${i}@example.com`;
        const result = await addUser(dataDir, email);
        if (result.code === 0) added.push(email);
      }
    };
    let httpWrites = 0;
    let cutOff = 0;
    const httpWriter = async (worker: number) => {
      const guest = new TestClient(overHttp(server.url));
      await guest.load('/login');
      for (let i = 0; running; i++) {
        const response = await guest.post('/login', { email: `guest-${worker}-${i}@example.com`, password: 'wrong password' }).catch(() => undefined);
        if (!response) {
          cutOff++;
          break;
        }
        expect([401, 429]).toContain(response.status);
        httpWrites++;
      }
    };
    const writers = [cliWriter(1), cliWriter(2), httpWriter(1), httpWriter(2), httpWriter(3)];
    while (added.length < 3 || httpWrites < 3) await Bun.sleep(10);

    server.process.kill('SIGKILL');
    expect(await server.process.exited).not.toBe(0);
    running = false;
    await Promise.all(writers);
    // Requests were still in flight when the server died: the kill landed in the middle of work.
    expect(cutOff).toBeGreaterThan(0);

    expect(checkDatabaseFile(database).integrity).toBe('ok');
    const restarted = await serve(dataDir);
    expect((await fetch(`${restarted.url}/healthz`)).status).toBe(200);
    expect(checkDatabaseFile(database).integrity).toBe('ok');
    const emails = userEmails(database);
    expect(emails).toContain('owner@example.com');
    for (const email of added) expect(emails).toContain(email);
  }, 60_000);
});

describe('the compiled binary with a bad setting', () => {
  const refuses = async (env: Record<string, string>, sentence: string) => {
    const dataDir = join(tempDir(), 'not-created');
    const child = Bun.spawn([binary, 'serve', '--data-dir', dataDir], { cwd: '/', env: cleanEnv(env), stdout: 'pipe', stderr: 'pipe' });
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    const [code, stderr] = await Promise.all([child.exited, new Response(child.stderr).text()]);
    clearTimeout(timer);
    expect(code).not.toBe(0);
    expect(stderr).toContain(sentence);
    expect(existsSync(dataDir)).toBe(false);
  };

  test('refuses RASIL_PORT=abc with a plain sentence and creates nothing', async () => {
    await refuses({ RASIL_PORT: 'abc' }, 'RASIL_PORT must be a whole number between 1 and 65535.');
  });

  test('refuses RASIL_LOG_LEVEL=loud with a plain sentence and creates nothing', async () => {
    await refuses({ RASIL_LOG_LEVEL: 'loud' }, 'RASIL_LOG_LEVEL must be one of debug, info, warn, error, silent.');
  });
});
