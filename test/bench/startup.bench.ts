/**
 * Cold start and idle memory of the compiled rasil binary next to a bare Bun hello-world compiled with the same
 * flags, median of RUNS runs each. Run with `bun run bench:startup`; prints a table and exits non-zero only when
 * something fails to start. Not a bun test file on purpose: timings on a shared CI machine are not pass/fail.
 */
import { Database } from 'bun:sqlite';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildRasil, compile, freePort, residentKiB } from '../binary/compiled-binary';

const RUNS = 10;
// Idle means after start-up work has settled: timers armed, the first request answered, nothing in flight.
const IDLE_WAIT_MS = 1000;

const HELLO = `const port = Number(process.argv[2]);
Bun.serve({ port, hostname: '127.0.0.1', fetch: () => new Response('ok') });
`;

interface Sample {
  startMs: number;
  rssKiB: number;
}

type Command = (port: number, dataDir: string) => string[];

/** One cold start. `dataDir` is a fresh empty folder unless one is given (an existing, migrated install). */
async function measure(command: Command, existingDataDir?: string): Promise<Sample> {
  const dataDir = existingDataDir ?? mkdtempSync(join(tmpdir(), 'rasil-bench-data-'));
  const port = freePort();
  const started = performance.now();
  const child = Bun.spawn(command(port, dataDir), { cwd: '/', stdin: 'ignore', stdout: 'ignore', stderr: 'pipe', env: { ...process.env, RASIL_LOG_LEVEL: 'warn' } });
  try {
    while (true) {
      if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}: ${await new Response(child.stderr).text()}`);
      if (performance.now() - started > 15_000) throw new Error('no 200 from /healthz within 15 s');
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status === 200, () => false);
      if (ok) break;
      await Bun.sleep(2);
    }
    const startMs = performance.now() - started;
    await Bun.sleep(IDLE_WAIT_MS);
    return { startMs, rssKiB: await residentKiB(child.pid) };
  } finally {
    // SIGTERM so rasil removes its pid file and the next run on the same folder starts clean.
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await child.exited;
    clearTimeout(timer);
    if (!existingDataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Grows an installed data folder's database to about `targetBytes` with realistic rows (contacts, conversations,
 * messages of ~1.5 KB), through raw SQLite in big transactions: a busy shop's year, to time a cold start on it.
 */
function growDatabase(dataDir: string, targetBytes: number) {
  const db = new Database(join(dataDir, 'rasil.db'));
  db.run('PRAGMA journal_mode = WAL');
  db.run('PRAGMA synchronous = OFF');
  const inbox = db.query<{ id: string }, []>('select id from inboxes limit 1').get()?.id ?? 'inb_bench';
  if (inbox === 'inb_bench') db.run("insert into inboxes (id, name, channel_type, created_at, updated_at) values ('inb_bench', 'Bench', 'whatsapp', 0, 0)");
  const contact = db.prepare('insert into contacts (id, wa_id, phone, profile_name, created_at, updated_at) values (?, ?, ?, ?, 0, 0)');
  const conversation = db.prepare("insert into conversations (id, inbox_id, contact_id, status, last_message_at, routed_at, created_at, updated_at) values (?, ?, ?, 'resolved', ?, 0, 0, 0)");
  const message = db.prepare("insert into messages (id, conversation_id, direction, author_type, kind, body, status, sent_at, created_at) values (?, ?, 'in', 'contact', 'text', ?, 'received', ?, ?)");
  const body = 'Hello, I would like to ask about my order and the delivery time. '.repeat(24);
  let n = 0;
  const size = () => statSync(join(dataDir, 'rasil.db')).size + (statSync(join(dataDir, 'rasil.db-wal'), { throwIfNoEntry: false })?.size ?? 0);
  while (size() < targetBytes) {
    db.transaction(() => {
      for (let c = 0; c < 2000; c++, n++) {
        contact.run(`ctc_b${n}`, `9665${n}`, `+9665${n}`, `Customer ${n}`);
        conversation.run(`cnv_b${n}`, inbox, `ctc_b${n}`, n);
        for (let m = 0; m < 10; m++) message.run(`msg_b${n}_${m}`, `cnv_b${n}`, `${body} #${n}.${m}`, n * 10 + m, n);
      }
    })();
    db.run('PRAGMA wal_checkpoint(TRUNCATE)');
  }
  db.close();
  return statSync(join(dataDir, 'rasil.db')).size;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function series(label: string, command: Command, existingDataDir?: string) {
  const samples: Sample[] = [];
  for (let i = 0; i < RUNS; i++) samples.push(await measure(command, existingDataDir));
  const starts = samples.map((s) => s.startMs);
  return {
    label,
    startMedian: median(starts),
    startMin: Math.min(...starts),
    startMax: Math.max(...starts),
    rssMedianMiB: median(samples.map((s) => s.rssKiB)) / 1024,
  };
}

try {
  const workDir = mkdtempSync(join(tmpdir(), 'rasil-bench-'));
  const helloSource = join(workDir, 'hello.ts');
  writeFileSync(helloSource, HELLO);
  const hello = join(workDir, 'hello');
  const [rasil] = await Promise.all([buildRasil(), compile(hello, helloSource)]);

  const serve: Command = (port, dataDir) => [rasil, 'serve', '--data-dir', dataDir, '--port', String(port), '--host', '127.0.0.1'];
  const installed = join(workDir, 'installed');
  const migrate = Bun.spawnSync([rasil, 'migrate', '--data-dir', installed], { stdout: 'ignore', stderr: 'pipe' });
  if (migrate.exitCode !== 0) throw new Error(`rasil migrate failed: ${migrate.stderr.toString()}`);
  const big = join(workDir, 'big');
  const bigMigrate = Bun.spawnSync([rasil, 'migrate', '--data-dir', big], { stdout: 'ignore', stderr: 'pipe' });
  if (bigMigrate.exitCode !== 0) throw new Error(`rasil migrate failed: ${bigMigrate.stderr.toString()}`);
  const bigBytes = growDatabase(big, Number(process.env.BENCH_BIG_DB_BYTES ?? 2 ** 30));
  const rows = [
    // First boot creates and migrates rasil.db; every later boot opens an existing one.
    await series('rasil serve, first boot (empty data dir)', serve),
    await series('rasil serve, existing data dir', serve, installed),
    await series(`rasil serve, existing ${(bigBytes / 2 ** 30).toFixed(2)} GiB database`, serve, big),
    await series('bare Bun hello-world', (port) => [hello, String(port)]),
  ];

  const cpu = cpus();
  console.log(`\nStartup to first /healthz 200 and idle RSS, median of ${RUNS} runs (bun ${Bun.version}, ${cpu.length} × ${cpu[0]?.model ?? 'cpu'})\n`);
  console.log('| binary | cold start, median | min – max | idle RSS, median |');
  console.log('|---|---|---|---|');
  for (const r of rows) {
    console.log(`| ${r.label} | ${r.startMedian.toFixed(1)} ms | ${r.startMin.toFixed(1)} – ${r.startMax.toFixed(1)} ms | ${r.rssMedianMiB.toFixed(1)} MiB |`);
  }
  rmSync(workDir, { recursive: true, force: true });
  rmSync(dirname(rasil), { recursive: true, force: true });
} catch (error) {
  console.error(`startup benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
