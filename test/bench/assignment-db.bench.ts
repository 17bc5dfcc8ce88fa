/**
 * DB-backed assignment benchmark (issue 5): 200 agents in one team (the worst case: every decision looks at all of
 * them) carrying 10,000 open conversations in a real SQLite file with the real schema. Measures the real assignment
 * handler (routing + loading state + deciding + writing the assignment, its explanation and event) for one new
 * conversation, p50/p99, and for 1,000-conversation bursts; next to the pure core deciding on the same loaded state
 * in the same run. Storing the customer's message is not timed. Run with `bun run bench:assignment-db`
 * (BENCH_N=300, BENCH_BURSTS=3).
 */
import { cpus } from 'node:os';
import { inArray } from 'drizzle-orm';
import { elapsedMs } from '../../src/platform/clock';
import { runInTransaction } from '../../src/platform/db/client';
import { createEventDispatcher } from '../../src/platform/events/event-dispatcher';
import { createAssignmentHandler } from '../../src/assignment/assignment.on-conversation-events';
import { loadAgentStates, loadTeam, takeSnapshot } from '../../src/assignment/load-assignment-state';
import { chooseAgent } from '../../src/assignment/choose-agent';
import { assignMany } from '../../src/assignment/assign-burst';
import type { ConversationToAssign } from '../../src/assignment/assignment-policy';
import { createInbox } from '../../src/conversations/create-inbox';
import { receiveInboundMessage } from '../../src/conversations/receive-inbound-message';
import { conversations } from '../../src/conversations/conversations.tables';
import { createTestApp, type TestApp } from '../support/test-app';

const N = Number(process.env.BENCH_N ?? 300);
const BURSTS = Number(process.env.BENCH_BURSTS ?? 3);
const AGENTS = 200;
const OPEN = 10_000;
const BURST = 1_000;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const sortedCopy = (times: number[]) => [...times].sort((a, b) => a - b);

function seed(t: TestApp): { teamId: string; inboxId: string; agentIds: string[] } {
  const { sqlite } = t.deps;
  const now = t.clock.now();
  const { inboxId } = createInbox({ name: 'Bench' }, t.deps);
  const teamId = 'team_bench';
  const agentIds = Array.from({ length: AGENTS }, (_, i) => `usr_bench${String(i).padStart(4, '0')}`);
  const synchronous = sqlite.query('PRAGMA synchronous').get() as { synchronous: number };
  sqlite.run('PRAGMA synchronous=OFF');
  sqlite.transaction(() => {
    sqlite.run('INSERT INTO teams (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)', [teamId, 'Support', now, now]);
    sqlite.run('UPDATE inboxes SET default_team_id = ? WHERE id = ?', [teamId, inboxId]);
    agentIds.forEach((id, i) => {
      sqlite.run("INSERT INTO users (id, email, name, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, 'agent', 'x', ?, ?)", [id, `${id}@example.com`, `Agent ${i}`, now, now]);
      sqlite.run('INSERT INTO team_members (team_id, user_id, added_at) VALUES (?, ?, ?)', [teamId, id, now]);
      // Mostly online; every 10th away and every 17th offline, as in the pure benchmark.
      const status = i % 10 === 0 ? 'away' : i % 17 === 0 ? 'offline' : 'online';
      sqlite.run('INSERT INTO agent_presence (user_id, status, chosen_status, last_heartbeat_at, last_activity_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)', [id, status, status === 'online' ? null : status, now, now, now]);
      sqlite.run('INSERT INTO agent_routing (user_id, capacity, skills, updated_at) VALUES (?, ?, ?, ?)', [id, 90 + (i % 5) * 10, i % 3 === 0 ? '["arabic","billing"]' : '["english"]', now]);
    });
    for (let j = 0; j < OPEN; j++) {
      const contactId = `ct_bench${j}`;
      sqlite.run('INSERT INTO contacts (id, wa_id, profile_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', [contactId, `9665${String(j).padStart(8, '0')}`, `Customer ${j}`, now, now]);
      sqlite.run(
        "INSERT INTO conversations (id, inbox_id, contact_id, status, assignee_id, team_id, last_message_at, last_inbound_at, routed_at, created_at, updated_at) VALUES (?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?)",
        [`cnv_bench${j}`, inboxId, contactId, agentIds[(j * 7919) % AGENTS]!, teamId, now - j * 1000, now - j * 1000, now - j * 1000, now - j * 1000, now],
      );
    }
  })();
  sqlite.run(`PRAGMA synchronous=${synchronous.synchronous}`);
  return { teamId, inboxId, agentIds };
}

let customers = 0;
function newConversation(t: TestApp, inboxId: string): string {
  customers++;
  return receiveInboundMessage(
    { inboxId, contact: { waId: `9667${String(customers).padStart(8, '0')}`, userId: null, profileName: `New ${customers}` }, waMessageId: `wamid.bench${customers}`, kind: 'text', body: 'Hi, I need a refund', content: {}, sentAt: t.clock.now(), authorType: 'contact' },
    t.deps,
  ).conversationId;
}

/** Resolved without an event, so every measured decision sees the same 10,000 open conversations. */
function resolveQuietly(t: TestApp, ids: string[]) {
  t.deps.db.update(conversations).set({ status: 'resolved' }).where(inArray(conversations.id, ids)).run();
}

const t = createTestApp();
const { teamId, inboxId } = seed(t);
const handler = createEventDispatcher(t.deps, [createAssignmentHandler(t.deps)]);
handler.drain();

const single: number[] = [];
let assignedSingle = 0;
for (let i = 0; i < N; i++) {
  const id = newConversation(t, inboxId);
  const start = elapsedMs();
  handler.drain();
  single.push(elapsedMs() - start);
  if (t.deps.db.select({ a: conversations.assigneeId }).from(conversations).where(inArray(conversations.id, [id])).get()?.a) assignedSingle++;
  resolveQuietly(t, [id]);
}

const bursts: number[] = [];
let assignedBurst = 0;
for (let b = 0; b < BURSTS; b++) {
  const ids = runInTransaction(t.deps.db, (tx) => Array.from({ length: BURST }, () => newConversation({ ...t, deps: { ...t.deps, db: tx } }, inboxId)));
  const start = elapsedMs();
  handler.drain();
  bursts.push(elapsedMs() - start);
  assignedBurst = t.deps.db.select({ a: conversations.assigneeId }).from(conversations).where(inArray(conversations.id, ids)).all().filter((r) => r.a).length;
  resolveQuietly(t, ids);
}

// The pure core on the very state the handler loads (same agents, loads, policy), for the DB's share of the time.
const snapshot = takeSnapshot(t.deps.db, t.clock.now());
const team = loadTeam(t.deps.db, teamId)!;
const agents = loadAgentStates(snapshot, team.memberIds);
const plain = (i: number): ConversationToAssign => ({ id: `cnv_pure${i}`, contactId: `ct_pure${i}`, priority: 'normal', vip: false, ownerAgentId: null, lastAgentId: null, lastServedAt: null, requiredSkill: null, waitingSince: t.clock.now(), excludedAgentIds: [] });
const pure: number[] = [];
let rotation = team.rotation;
for (let i = 0; i < N; i++) {
  const start = elapsedMs();
  rotation = chooseAgent({ now: t.clock.now(), conversation: plain(i), team: { ...team, rotation }, agents }).rotation;
  pure.push(elapsedMs() - start);
}
const pureBursts: number[] = [];
for (let b = 0; b < BURSTS; b++) {
  const batch = Array.from({ length: BURST }, (_, i) => plain(b * BURST + i));
  const start = elapsedMs();
  assignMany({ now: t.clock.now(), conversations: batch, team, agents });
  pureBursts.push(elapsedMs() - start);
}
t.cleanup();

const cpu = cpus();
const s = sortedCopy(single);
const p = sortedCopy(pure);
const burstMedian = percentile(sortedCopy(bursts), 50);
const pureBurstMedian = percentile(sortedCopy(pureBursts), 50);
console.log(`\nAssignment through the database: ${AGENTS} agents in one team, ${OPEN.toLocaleString('en')} open conversations (bun ${Bun.version}, ${cpu.length} × ${cpu[0]?.model ?? 'cpu'})\n`);
console.log(`| one new conversation, ${N} runs | p50 | p99 | assigned |`);
console.log('|---|---|---|---|');
console.log(`| real handler: route + load + decide + write | ${s.length ? percentile(s, 50).toFixed(2) : '-'} ms | ${percentile(s, 99).toFixed(2)} ms | ${assignedSingle}/${N} |`);
console.log(`| pure core (chooseAgent) on the same state | ${(percentile(p, 50) * 1000).toFixed(0)} µs | ${(percentile(p, 99) * 1000).toFixed(0)} µs | |`);
console.log(`\n| burst of ${BURST.toLocaleString('en')}, median of ${BURSTS} | time | conversations/s | assigned |`);
console.log('|---|---|---|---|');
console.log(`| real handler (one drain) | ${burstMedian.toFixed(0)} ms | ${Math.round((BURST / burstMedian) * 1000).toLocaleString('en')} | ${assignedBurst}/${BURST} |`);
console.log(`| pure core (assignMany) | ${pureBurstMedian.toFixed(1)} ms | ${Math.round((BURST / pureBurstMedian) * 1000).toLocaleString('en')} | |`);
