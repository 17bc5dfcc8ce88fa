/**
 * Webhook ingest benchmark: signed realistic payloads (10% exact duplicates) POSTed to the compiled Rasil binary at
 * concurrency 1, 16 and 64 for a bounded time, while 5 signed-in agents keep the inbox's live stream open and reload
 * pages every second (their page p50/p99 are printed, with the server's memory idle, at peak and after), next to a bare Bun + bun:sqlite server that verifies, parses and commits one insert
 * transaction per request (both WAL + synchronous=FULL, both in their own process). Prints acks/s, p50/p99,
 * the time until Rasil processed everything, stored == acknowledged, duplicates == 0, and the ratio to the
 * baseline; then a journal-processing throughput figure. Run with `bun run bench:ingest` (BENCH_SECONDS=5).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRasil, cleanEnv, freePort, residentKiB } from '../binary/compiled-binary';
import { createUser } from '../../src/accounts/create-user';
import { startAgentSessions } from './agent-sessions';
import { openDatabase } from '../../src/platform/db/client';
import { applyMigrations } from '../../src/platform/db/migrate';
import { createIdGenerator } from '../../src/platform/ids';
import { systemClock } from '../../src/platform/clock';
import { createLogger } from '../../src/platform/logger';
import { createInbox } from '../../src/conversations/create-inbox';
import { insertChannel } from '../../src/channel/whatsapp/channels/whatsapp-channels.repository';
import { insertJournalRows } from '../../src/channel/whatsapp/webhook-journal.repository';
import { processWebhookJournal } from '../../src/channel/whatsapp/inbound/process-webhook-journal';
import { runInTransaction } from '../../src/platform/db/client';
import { signatureHeader } from '../../src/channel/whatsapp/webhook-signature';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const LEVELS = [1, 16, 64];
const SECRET = 'bench-app-secret';
const PHONE_NUMBER_ID = '100200300400';
const CUSTOMERS = 500;

// ---------- payloads ----------

let seq = 0;
const customer = (i: number) => `9665${String(10_000_000 + (i % CUSTOMERS)).padStart(8, '0')}`;

/** A text from one of 500 customers (80%) or a delivery status (20%), the mix a busy number sees. */
function freshPayload(): { body: string; messageId: string | null } {
  const n = ++seq;
  const metadata = { display_phone_number: '15550001111', phone_number_id: PHONE_NUMBER_ID };
  if (n % 5 === 0) {
    const value = { messaging_product: 'whatsapp', metadata, statuses: [{ id: `wamid.BENCHOUT${n}`, status: 'delivered', timestamp: String(1750000000 + n), recipient_id: customer(n), pricing: { billable: false, pricing_model: 'PMP', category: 'service', type: 'free_customer_service' } }] };
    return { body: JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: '999', changes: [{ field: 'messages', value }] }] }), messageId: null };
  }
  const id = `wamid.HBgMOTY2NTAwMDAwMDAwFQIAEhggQkVOQ0g${n.toString(36).toUpperCase()}AA==`;
  const value = {
    messaging_product: 'whatsapp',
    metadata,
    contacts: [{ profile: { name: `Customer ${n % CUSTOMERS}` }, wa_id: customer(n) }],
    messages: [{ from: customer(n), id, timestamp: String(1750000000 + n), type: 'text', text: { body: `Hello, I would like to know whether order #${n} can be delivered tomorrow morning. Thanks!` } }],
  };
  return { body: JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: '999', changes: [{ field: 'messages', value }] }] }), messageId: id };
}

interface Sent {
  body: string;
  signature: string;
  messageId: string | null;
}

function payloadSource() {
  const recent: Sent[] = [];
  let duplicates = 0;
  return {
    next(): Sent & { duplicate: boolean } {
      if (recent.length > 10 && Math.random() < 0.1) {
        duplicates++;
        return { ...recent[Math.floor(Math.random() * recent.length)]!, duplicate: true };
      }
      const fresh = freshPayload();
      const sent = { ...fresh, signature: signatureHeader(SECRET, fresh.body) };
      recent.push(sent);
      if (recent.length > 500) recent.shift();
      return { ...sent, duplicate: false };
    },
    get duplicates() {
      return duplicates;
    },
  };
}

// ---------- load ----------

interface LoadResult {
  concurrency: number;
  acks: number;
  errors: number;
  perSecond: number;
  p50: number;
  p99: number;
  ackedMessageIds: Set<string>;
}

async function load(url: string, concurrency: number): Promise<LoadResult> {
  const source = payloadSource();
  const latencies: number[] = [];
  const ackedMessageIds = new Set<string>();
  let acks = 0;
  let errors = 0;
  const until = performance.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const item = source.next();
        const t0 = performance.now();
        try {
          const response = await fetch(url, { method: 'POST', body: item.body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': item.signature } });
          await response.arrayBuffer();
          if (response.status === 200) {
            acks++;
            latencies.push(performance.now() - t0);
            if (item.messageId) ackedMessageIds.add(item.messageId);
          } else errors++;
        } catch {
          errors++;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? NaN;
  return { concurrency, acks, errors, perSecond: acks / elapsed, p50: pct(0.5), p99: pct(0.99), ackedMessageIds };
}

// ---------- servers ----------

const BASELINE = `
import { Database } from 'bun:sqlite';
import { timingSafeEqual } from 'node:crypto';
const [port, path, secret] = process.argv.slice(2);
const db = new Database(path, { create: true, strict: true });
db.run('PRAGMA journal_mode = WAL');
db.run('PRAGMA synchronous = FULL');
db.run('CREATE TABLE IF NOT EXISTS journal (id INTEGER PRIMARY KEY, received_at INTEGER NOT NULL, body TEXT NOT NULL)');
const insert = db.prepare('INSERT INTO journal (received_at, body) VALUES (?, ?)');
const write = db.transaction((body) => insert.run(Date.now(), body));
Bun.serve({
  port: Number(port),
  hostname: '127.0.0.1',
  async fetch(request) {
    if (request.method === 'GET') return new Response('ok');
    const raw = new Uint8Array(await request.arrayBuffer());
    const header = request.headers.get('x-hub-signature-256') ?? '';
    const given = Buffer.from(header.replace(/^sha256=/, ''), 'hex');
    const expected = new Bun.CryptoHasher('sha256', secret).update(raw).digest();
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return new Response('bad', { status: 401 });
    const text = new TextDecoder().decode(raw);
    JSON.parse(text);
    write(text);
    return new Response('OK');
  },
});
`;

async function waitReady(url: string, child: { exitCode: number | null }) {
  const started = performance.now();
  while (performance.now() - started < 20_000) {
    if (child.exitCode !== null) throw new Error('server exited during start-up');
    if (await fetch(url).then((r) => r.status === 200, () => false)) return;
    await Bun.sleep(20);
  }
  throw new Error(`${url} did not come up`);
}

async function prepareRasilData(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rasil-bench-ingest-'));
  const handle = openDatabase(join(dataDir, 'rasil.db'));
  applyMigrations(handle.sqlite);
  addChannel(handle.db);
  const deps = { db: handle.db, clock: systemClock, newId: createIdGenerator(systemClock) };
  for (const [i, agent] of AGENTS.entries()) await createUser({ ...agent, name: `Agent ${i}`, role: 'admin' }, { id: null, label: 'bench' }, deps);
  handle.close();
  return dataDir;
}

function addChannel(db: ReturnType<typeof openDatabase>['db']) {
  const newId = createIdGenerator(systemClock);
  const { inboxId } = createInbox({ name: 'Bench' }, { db, clock: systemClock, newId });
  const now = systemClock.now();
  // The Graph URL points nowhere: nothing in this run may call Meta.
  insertChannel(db, { id: newId('wac'), inboxId, name: 'Bench', phoneNumberId: PHONE_NUMBER_ID, wabaId: '999', accessToken: 'bench', appSecret: SECRET, verifyToken: 'bench-verify-token', graphApiUrl: 'http://127.0.0.1:9/v24.0', createdAt: now, updatedAt: now });
}

const AGENTS = Array.from({ length: 5 }, (_, i) => ({ email: `agent${i}@bench.example`, password: 'bench password 1234' }));
// The real thing: compiled once per run with the build script's flags.
const binary = await buildRasil();

async function withRasil<T>(run: (url: string, dataDir: string, pid: number) => Promise<T>): Promise<T> {
  const dataDir = await prepareRasilData();
  const port = freePort();
  const child = Bun.spawn([binary, 'serve', '--data-dir', dataDir, '--port', String(port), '--host', '127.0.0.1'], { cwd: '/', env: cleanEnv(), stdin: 'ignore', stdout: 'ignore', stderr: 'inherit' });
  try {
    await waitReady(`http://127.0.0.1:${port}/healthz`, child);
    return await run(`http://127.0.0.1:${port}`, dataDir, child.pid);
  } finally {
    child.kill('SIGTERM');
    await child.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function withBaseline<T>(run: (url: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'rasil-bench-baseline-'));
  const script = join(dir, 'baseline.ts');
  writeFileSync(script, BASELINE);
  const port = freePort();
  const child = Bun.spawn(['bun', script, String(port), join(dir, 'baseline.db'), SECRET], { stdin: 'ignore', stdout: 'ignore', stderr: 'inherit' });
  try {
    await waitReady(`http://127.0.0.1:${port}/`, child);
    return await run(`http://127.0.0.1:${port}/`);
  } finally {
    child.kill('SIGTERM');
    await child.exited;
    rmSync(dir, { recursive: true, force: true });
  }
}

/** After the load stops: how long until the journal has no pending rows, and what was stored. */
async function drained(dataDir: string, loadEndedAt: number) {
  const handle = openDatabase(join(dataDir, 'rasil.db'), { readonly: true });
  try {
    const q = (sql: string) => (handle.sqlite.query(sql).get() as { n: number }).n;
    while (q("SELECT count(*) AS n FROM webhook_journal WHERE status = 'pending'") > 0) await Bun.sleep(10);
    return {
      processedAfterMs: performance.now() - loadEndedAt,
      journal: q('SELECT count(*) AS n FROM webhook_journal'),
      failed: q("SELECT count(*) AS n FROM webhook_journal WHERE status = 'failed'"),
      messages: q("SELECT count(*) AS n FROM messages WHERE wa_message_id LIKE 'wamid.HBgMOTY2%'"),
      // Timeline events (routing, assignment lines) have no WhatsApp id: only real ids can be doubled.
      duplicates: q('SELECT count(*) AS n FROM (SELECT wa_message_id FROM messages WHERE wa_message_id IS NOT NULL GROUP BY wa_message_id HAVING count(*) > 1)'),
    };
  } finally {
    handle.close();
  }
}

// ---------- processing throughput (in-process) ----------

async function processingThroughput(count: number) {
  const dir = mkdtempSync(join(tmpdir(), 'rasil-bench-process-'));
  const handle = openDatabase(join(dir, 'rasil.db'));
  try {
    applyMigrations(handle.sqlite);
    addChannel(handle.db);
    const newId = createIdGenerator(systemClock);
    const rows = Array.from({ length: count }, () => ({ id: newId('whk'), receivedAt: systemClock.now(), channelId: null, body: freshPayload().body }));
    runInTransaction(handle.db, (tx) => insertJournalRows(tx, rows));
    const messagesIn = rows.filter((r) => r.body.includes('"messages"')).length;
    const started = performance.now();
    const result = await processWebhookJournal({ db: handle.db, clock: systemClock, newId, logger: createLogger({ level: 'error', now: systemClock.now }) });
    const seconds = (performance.now() - started) / 1000;
    return { rows: result.processed, failed: result.failed, messages: messagesIn, messagesPerSecond: messagesIn / seconds, rowsPerSecond: result.processed / seconds };
  } finally {
    handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------- run ----------

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
console.log(`webhook ingest: ${SECONDS} s per level, ${cpus().length} CPUs, bun ${Bun.version}, compiled binary, ${AGENTS.length} agents live\n`);

let ok = true;
const pageRows: { c: number; sessions: number; pages: number; pageP50: number; pageP99: number; pageErrors: number; streamsOpen: number; liveEvents: number; idleKiB: number; peakKiB: number; afterKiB: number }[] = [];
console.log('conc | rasil acks/s | p50 ms | p99 ms | baseline acks/s | p50 ms | p99 ms | ratio | processed after | stored==acked | dups | errors');
// Each level runs the baseline and Rasil back to back, so both see the same machine (disk and CPU load drift).
await withBaseline(async (baselineUrl) => {
  for (const c of LEVELS) {
    const b = await load(baselineUrl, c);
    await withRasil(async (base, dataDir, pid) => {
      await Bun.sleep(1000);
      const idleKiB = await residentKiB(pid);
      const agents = await startAgentSessions(base, AGENTS);
      let peakKiB = idleKiB;
      const sampler = setInterval(() => void residentKiB(pid).then((kib) => (peakKiB = Math.max(peakKiB, kib)), () => {}), 200);
      const r = await load(`${base}/webhooks/whatsapp`, c);
      const d = await drained(dataDir, performance.now());
      clearInterval(sampler);
      const pages = await agents.stop();
      await Bun.sleep(2000);
      const afterKiB = await residentKiB(pid);
      pageRows.push({ c, ...pages, idleKiB, peakKiB, afterKiB });
      if (pages.pageErrors > 0) ok = false;
      const stored = d.messages === r.ackedMessageIds.size && d.journal === r.acks;
      if (!stored || d.duplicates !== 0 || d.failed !== 0 || r.errors !== 0) ok = false;
      console.log(
        [
          String(c).padStart(4),
          fmt(r.perSecond).padStart(12),
          fmt(r.p50, 2).padStart(6),
          fmt(r.p99, 2).padStart(6),
          fmt(b.perSecond).padStart(15),
          fmt(b.p50, 2).padStart(6),
          fmt(b.p99, 2).padStart(6),
          fmt(r.perSecond / b.perSecond, 2).padStart(5),
          `${fmt(d.processedAfterMs, 0)} ms`.padStart(15),
          `${stored ? 'yes' : 'NO'} (${d.messages}/${r.ackedMessageIds.size})`.padStart(13),
          String(d.duplicates).padStart(4),
          String(r.errors + d.failed).padStart(6),
        ].join(' | '),
      );
    });
  }
});

console.log('\nconc | agent pages | page p50 ms | page p99 ms | page errors | SSE open at end | live events | RSS idle / peak / after MiB');
for (const row of pageRows) {
  const mib = (kib: number) => (kib / 1024).toFixed(0);
  console.log(
    [String(row.c).padStart(4), String(row.pages).padStart(11), fmt(row.pageP50, 2).padStart(11), fmt(row.pageP99, 2).padStart(11), String(row.pageErrors).padStart(11), `${row.streamsOpen}/${row.sessions}`.padStart(15), String(row.liveEvents).padStart(11), `${mib(row.idleKiB)} / ${mib(row.peakKiB)} / ${mib(row.afterKiB)}`.padStart(26)].join(' | '),
  );
}

const p = await processingThroughput(5000);
console.log(`\njournal processing: ${p.rows} rows (${p.messages} messages) in-process → ${fmt(p.messagesPerSecond, 0)} messages/s, ${fmt(p.rowsPerSecond, 0)} rows/s, ${p.failed} failed`);
if (!ok) {
  console.error('\nSOMETHING WAS LOST, DOUBLED OR REFUSED (see the table).');
  process.exit(1);
}
