import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from 'bun:sqlite';
import { buildRasil, runRasil, startServer, type Server } from '../binary/compiled-binary';
import { startFakeGraph, type RunningFakeGraph } from '../support/fake-graph';
import { signatureHeader } from '../../src/channel/whatsapp/webhook-signature';

/**
 * The world a fault run happens in: the real compiled binary on a data folder of its own, one WhatsApp number whose
 * Graph API is a fake HTTP server in THIS process (so it keeps counting across kill -9 of the server), and an API
 * token to queue replies the way an integration would.
 */
export const SOAK_PHONE_NUMBER_ID = '106540352242922';
const SOAK_WABA_ID = '102290129340398';
const SOAK_ACCESS_TOKEN = 'soak-access-token';
export const SOAK_APP_SECRET = 'soak-app-secret';

export interface SoakWorld {
  binary: string;
  dataDir: string;
  graph: RunningFakeGraph;
  apiToken: string;
  env: Record<string, string>;
  start(): Promise<Server>;
  /** A read-only look at the database (WAL lets it read while the server writes). */
  read<T>(fn: (db: Database) => T): T;
  close(): void;
}

export async function createSoakWorld({ binary, parentDir = tmpdir() }: { binary?: string; parentDir?: string } = {}): Promise<SoakWorld> {
  const built = binary ?? (await buildRasil());
  const dataDir = mkdtempSync(join(parentDir, 'rasil-soak-'));
  const graph = startFakeGraph({ accessTokens: [SOAK_ACCESS_TOKEN] });
  const env = { RASIL_GRAPH_API_URL: graph.url, RASIL_DATA_DIR: dataDir };
  await must(runRasil(built, ['migrate'], { env }));
  await must(
    runRasil(built, ['channel', 'add', 'whatsapp', '--name', 'Soak', '--phone-number-id', SOAK_PHONE_NUMBER_ID, '--waba-id', SOAK_WABA_ID, '--access-token', SOAK_ACCESS_TOKEN, '--app-secret', SOAK_APP_SECRET, '--verify-token', 'soak-verify'], { env }),
  );
  const created = await must(runRasil(built, ['token', 'create', '--name', 'soak'], { env }));
  const apiToken = created.stdout.match(/^\s+(\S{20,})\s*$/m)?.[1];
  if (!apiToken) throw new Error(`No token in: ${created.stdout}`);
  return {
    binary: built,
    dataDir,
    graph,
    apiToken,
    env,
    start: () => startServer(built, dataDir, { env }),
    read(fn) {
      const db = new Database(join(dataDir, 'rasil.db'), { readonly: true });
      db.run('PRAGMA busy_timeout = 5000');
      try {
        return fn(db);
      } finally {
        db.close();
      }
    },
    close() {
      void graph.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function must(run: Promise<{ code: number; stdout: string; stderr: string }>) {
  const result = await run;
  if (result.code !== 0) throw new Error(`rasil exited ${result.code}: ${result.stderr || result.stdout}`);
  return result;
}

/** A customer's text as Meta would post it, signed with the channel's app secret. */
export function signedTextWebhook(wamid: string, from: string, text: string, atSeconds: number): { body: string; signature: string } {
  const value = {
    messaging_product: 'whatsapp',
    metadata: { display_phone_number: '15550783881', phone_number_id: SOAK_PHONE_NUMBER_ID },
    contacts: [{ profile: { name: `Customer ${from.slice(-3)}` }, wa_id: from }],
    messages: [{ from, id: wamid, timestamp: String(atSeconds), type: 'text', text: { body: text } }],
  };
  const body = JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: SOAK_WABA_ID, changes: [{ field: 'messages', value }] }] });
  return { body, signature: signatureHeader(SOAK_APP_SECRET, body) };
}

export async function postWebhook(url: string, hook: { body: string; signature: string }): Promise<number> {
  try {
    const response = await fetch(`${url}/webhooks/whatsapp`, { method: 'POST', body: hook.body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': hook.signature } });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

/** Polls until `done()` holds or the time runs out; returns how long it took, or null on timeout. */
export async function waitUntil(done: () => boolean, timeoutMs: number, stepMs = 50): Promise<number | null> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    if (done()) return performance.now() - started;
    await Bun.sleep(stepMs);
  }
  return done() ? performance.now() - started : null;
}

/** Every inbound journal row processed and nothing left queued or mid-send in the outbox. */
export function quiet(db: Database): boolean {
  const pending = db.query<{ n: number }, []>("select count(*) as n from webhook_journal where status = 'pending'").get()!.n;
  const outbox = db.query<{ n: number }, []>("select count(*) as n from outbound_messages where status in ('queued', 'sending')").get()!.n;
  return pending === 0 && outbox === 0;
}
