/**
 * Reports benchmark (issue 7): a busy shop's year — 200,000 conversations and ~2,000,000 messages in a real SQLite
 * file with the real schema. In the same run it times (1) the raw way: walking every message of the year's
 * conversations to compute the overview, (2) the one-off backfill of the reports read model, and (3) the read
 * model path: the overview, heatmap and agents queries, and the whole GET /reports page for the year (target < 1 s).
 * Run with `bun run bench:reports` (BENCH_CONVERSATIONS=200000, BENCH_MESSAGES_PER=10, BENCH_N=5).
 */
import { asc, gte, and, lt } from 'drizzle-orm';
import { elapsedMs } from '../../src/platform/clock';
import { createInbox } from '../../src/conversations/create-inbox';
import { conversations, messages } from '../../src/conversations/conversations.tables';
import { computeConversationFigures } from '../../src/reports/conversation-metrics';
import { backfillReportMetrics } from '../../src/reports/reports.on-domain-events';
import { parseReportQuery } from '../../src/reports/report-range';
import { overviewReport } from '../../src/reports/overview-report';
import { heatmapReport } from '../../src/reports/heatmap-report';
import { agentsReport } from '../../src/reports/agents-report';
import { spreadOf } from '../../src/reports/statistics';
import { createTestApp } from '../support/test-app';

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 200_000);
const PER = Number(process.env.BENCH_MESSAGES_PER ?? 10);
const N = Number(process.env.BENCH_N ?? 5);
const AGENTS = 20;
const DAY = 86_400_000;
const MINUTE = 60_000;

const t = createTestApp();
const { sqlite, db } = t.deps;
const now = Date.UTC(2026, 10, 24, 12);
t.clock.set(now);
const admin = await t.signedIn('admin');
const { inboxId } = createInbox({ name: 'Shop' }, t.deps);

function seed() {
  sqlite.run('PRAGMA synchronous=OFF');
  const agentIds: string[] = [];
  const insertUser = sqlite.prepare("INSERT INTO users (id, email, name, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, 'agent', 'x', ?, ?)");
  sqlite.transaction(() => {
    for (let a = 0; a < AGENTS; a++) {
      const id = `usr_bench${String(a).padStart(3, '0')}`;
      insertUser.run(id, `agent${a}@bench.test`, `Agent ${a}`, now, now);
      agentIds.push(id);
    }
  })();
  const insertContact = sqlite.prepare('INSERT OR IGNORE INTO contacts (id, wa_id, phone, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
  const insertConversation = sqlite.prepare(
    'INSERT INTO conversations (id, inbox_id, contact_id, status, assignee_id, last_inbound_at, last_message_at, resolved_at, first_response_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertMessage = sqlite.prepare("INSERT INTO messages (id, conversation_id, direction, author_type, author_id, kind, body, status, sent_at, created_at) VALUES (?, ?, ?, ?, ?, 'text', 'x', ?, ?, ?)");
  const CHUNK = 5_000;
  for (let start = 0; start < CONVERSATIONS; start += CHUNK) {
    sqlite.transaction(() => {
      for (let i = start; i < Math.min(CONVERSATIONS, start + CHUNK); i++) {
        const pad = String(i).padStart(6, '0');
        // 120k customers for 200k conversations: plenty of repeat contacts.
        const contact = `ct_bench${String(i % 120_000).padStart(6, '0')}`;
        insertContact.run(contact, `9665${String(i % 120_000).padStart(8, '0')}`, '', now, now);
        const opened = now - 365 * DAY + Math.floor((i / CONVERSATIONS) * 364 * DAY) + ((i * 7919) % (12 * 60)) * MINUTE;
        // One in ten is never answered; the rest alternate customer / agent, 1–40 minutes apart; 70% resolved.
        const agent = i % 10 === 9 ? null : agentIds[i % AGENTS]!;
        const resolved = i % 10 < 7;
        insertConversation.run(`cnv_bench${pad}`, inboxId, contact, resolved ? 'resolved' : 'open', agent, opened, opened, resolved ? opened + PER * 25 * MINUTE : null, null, opened, opened);
        let at = opened;
        for (let j = 0; j < PER; j++) {
          const inbound = j % 2 === 0;
          if (!inbound && agent === null) break;
          insertMessage.run(`msg_bench${pad}${String(j).padStart(3, '0')}`, `cnv_bench${pad}`, inbound ? 'in' : 'out', inbound ? 'contact' : 'agent', inbound ? null : agent, inbound ? 'received' : 'read', at, at);
          at += (1 + ((i * 31 + j * 17) % 40)) * MINUTE;
        }
      }
    })();
  }
  sqlite.run('PRAGMA synchronous=FULL');
  sqlite.run('ANALYZE');
}

const time = (run: () => unknown) => {
  const start = elapsedMs();
  run();
  return elapsedMs() - start;
};
const runs = (run: () => unknown) => {
  run();
  const times = Array.from({ length: N }, () => time(run)).sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, max: times[times.length - 1]! };
};
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

console.info(`Seeding ${CONVERSATIONS.toLocaleString()} conversations with up to ${PER} messages each over a year…`);
const seedMs = time(seed);
const messageCount = sqlite.query('select count(*) as n from messages').get() as { n: number };
console.info(`  seeded in ${fmt(seedMs)}: ${messageCount.n.toLocaleString()} messages`);

const range = parseReportQuery({ from: '2025-11-25', to: '2026-11-24' }, now, 'UTC');

/** The raw way: every message of the year's conversations, walked per conversation, on every page load. */
function rawOverview() {
  const rows = db.select().from(conversations).where(and(gte(conversations.createdAt, range.from), lt(conversations.createdAt, range.to))).orderBy(asc(conversations.id)).all();
  const all = db
    .select({ conversationId: messages.conversationId, direction: messages.direction, authorType: messages.authorType, authorId: messages.authorId, kind: messages.kind, sentAt: messages.sentAt })
    .from(messages)
    .orderBy(asc(messages.conversationId), asc(messages.sentAt))
    .all();
  const byConversation = new Map<string, typeof all>();
  for (const m of all) {
    const list = byConversation.get(m.conversationId);
    if (list) list.push(m);
    else byConversation.set(m.conversationId, [m]);
  }
  const firsts: number[] = [];
  for (const conversation of rows) {
    const figures = computeConversationFigures({ conversation, messages: byConversation.get(conversation.id) ?? [], assignees: [], handedOver: false, calendar: undefined, timeZone: 'UTC' });
    if (figures.firstResponseMs !== null) firsts.push(figures.firstResponseMs);
  }
  return spreadOf(firsts);
}

console.info('\nRaw (walk every message of the year, as a report without a read model would):');
const raw = time(rawOverview);
console.info(`  overview from raw messages: ${fmt(raw)}`);

console.info('\nOne-off backfill of the read model (the job does this in chunks after an upgrade):');
const backfill = time(() => {
  while (backfillReportMetrics(t.deps, 5_000) > 0);
});
const responses = sqlite.query('select count(*) as n from report_responses').get() as { n: number };
console.info(`  ${CONVERSATIONS.toLocaleString()} conversations in ${fmt(backfill)} (${responses.n.toLocaleString()} responses)`);

console.info(`\nRead model, a whole year (${range.fromDate} … ${range.toDate}), median / max of ${N} runs:`);
const overview = runs(() => overviewReport(db, range));
const heatmap = runs(() => heatmapReport(db, range));
const agents = runs(() => agentsReport(db, range, now));
const filtered = runs(() => overviewReport(db, { ...range, agentId: 'usr_bench003' }));
console.info(`  overview          ${fmt(overview.median)} / ${fmt(overview.max)}`);
console.info(`  heatmap           ${fmt(heatmap.median)} / ${fmt(heatmap.max)}`);
console.info(`  agents table      ${fmt(agents.median)} / ${fmt(agents.max)}`);
console.info(`  overview, 1 agent ${fmt(filtered.median)} / ${fmt(filtered.max)}`);

const page = async () => {
  const start = elapsedMs();
  const response = await admin.client.get(`/reports?from=${range.fromDate}&to=${range.toDate}`);
  const html = await response.text();
  if (response.status !== 200 || !html.includes('heat-cell')) throw new Error(`GET /reports answered ${response.status}`);
  return elapsedMs() - start;
};
await page();
const pages: number[] = [];
for (let i = 0; i < N; i++) pages.push(await page());
pages.sort((a, b) => a - b);
const pageMedian = pages[Math.floor(pages.length / 2)]!;
console.info(`  GET /reports page ${fmt(pageMedian)} / ${fmt(pages[pages.length - 1]!)} (target < 1000 ms)`);
console.info(`\nSpeed-up of the overview: ${(raw / overview.median).toFixed(0)}× (raw ${fmt(raw)} vs read model ${fmt(overview.median)})`);
const check = rawOverview();
const modelled = overviewReport(db, range).firstResponse.calendar;
console.info(`Same first-response figures both ways: ${check.median === modelled.median && check.p90 === modelled.p90 && check.count === modelled.count ? 'yes' : `NO (${JSON.stringify(check)} vs ${JSON.stringify(modelled)})`}`);
t.cleanup();
if (pageMedian >= 1000) process.exit(1);
