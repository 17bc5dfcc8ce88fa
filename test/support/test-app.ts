import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app';
import type { AppDeps } from '../../src/deps';
import { loadConfig, type Config } from '../../src/config';
import { openDatabase } from '../../src/platform/db/client';
import { applyMigrations } from '../../src/platform/db/migrate';
import { createIdGenerator } from '../../src/platform/ids';
import { createLogger, type LogSink } from '../../src/platform/logger';
import { createUser } from '../../src/accounts/create-user';
import type { Role } from '../../src/accounts/accounts.tables';
import { FakeClock } from './fake-clock';
import { createWaker } from '../../src/platform/wake';
import { createLiveHub } from '../../src/platform/live-hub';
import { createAppEventDispatcher } from '../../src/event-handlers';
import { TestClient } from './test-client';

export interface TestApp {
  deps: AppDeps;
  clock: FakeClock;
  app: ReturnType<typeof createApp>;
  /** Log lines written during the test, parsed; handy to assert on warnings. */
  logs: Record<string, unknown>[];
  /** A browser-like client with its own cookie jar. */
  client(): TestClient;
  /** Creates a user and returns a client already signed in as them. */
  /** Runs the event handlers (routing, assignment, automation, SLA) over what happened so far, as the job would. */
  drainEvents(): number;
  signedIn(role: Role, overrides?: { email?: string; name?: string; password?: string }): Promise<{ client: TestClient; userId: string; email: string; password: string }>;
  cleanup(): void;
}

export const TEST_PASSWORD = 'correct horse battery';

/** A fresh app on a fresh database in a temp folder, with a fake clock and captured logs. */
export function createTestApp(configOverrides: Partial<Record<keyof Config, string>> = {}): TestApp {
  const dataDir = mkdtempSync(join(tmpdir(), 'rasil-test-'));
  const loaded = loadConfig({}, { dataDir, logLevel: 'debug', publicUrl: 'http://localhost', ...configOverrides });
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  const clock = new FakeClock();
  const logs: Record<string, unknown>[] = [];
  const sink: LogSink = (line) => logs.push(JSON.parse(line));
  const handle = openDatabase(join(dataDir, 'rasil.db'));
  applyMigrations(handle.sqlite);
  // No drain loop listens unless a test subscribes, so wake-ups are inert by default and tests process explicitly.
  const waker = createWaker();
  const deps: AppDeps = {
    config: loaded.config,
    clock,
    newId: createIdGenerator(clock),
    logger: createLogger({ level: 'debug', sink, now: clock.now }),
    db: handle.db,
    sqlite: handle.sqlite,
    version: '0.0.0-test',
    wake: waker.wake,
    waker,
    live: createLiveHub(),
  };
  const app = createApp(deps);
  const events = createAppEventDispatcher(deps);
  let users = 0;
  return {
    deps,
    drainEvents: () => events.drain(),
    clock,
    app,
    logs,
    client: () => new TestClient(app),
    async signedIn(role, overrides = {}) {
      users++;
      const email = overrides.email ?? `${role}${users}@example.com`;
      const password = overrides.password ?? TEST_PASSWORD;
      const { userId } = await createUser({ email, name: overrides.name ?? `${role} ${users}`, role, password }, { id: null, label: 'test' }, deps);
      const client = new TestClient(app);
      await client.signIn(email, password);
      return { client, userId, email, password };
    },
    cleanup() {
      handle.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
