/**
 * Assignment core benchmark (pure functions only; the DB-backed assigner comes later). Measures routing plus
 * choosing an agent for one conversation among 200 agents carrying 10,000 open conversations, p50/p99 over
 * 10,000 iterations per strategy, and the throughput of 1,000-conversation bursts through assignMany.
 * Run with `bun run bench:assignment` (BENCH_ITERATIONS=10000, BENCH_BURSTS=20).
 */
import { cpus } from 'node:os';
import { elapsedMs } from '../../src/platform/clock';
import { DEFAULT_TEAM_POLICY, type AgentState, type AssignmentStrategy, type ConversationToAssign } from '../../src/assignment/assignment-policy';
import { chooseAgent, type TeamForAssignment } from '../../src/assignment/choose-agent';
import { assignMany } from '../../src/assignment/assign-burst';
import { routeConversation, type RoutingRule } from '../../src/assignment/routing-rules';
import type { RoutingContact } from '../../src/assignment/routing-conditions';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 10_000);
const BURSTS = Number(process.env.BENCH_BURSTS ?? 20);
const AGENTS = 200;
const OPEN_CONVERSATIONS = 10_000;
const BURST_SIZE = 1_000;
const NOW = Date.UTC(2026, 10, 24, 9, 0, 0);

/** 200 agents whose open counts add up to 10,000 (0–100 each), mostly online, a few away, off shift or disabled. */
function buildAgents(): AgentState[] {
  return Array.from({ length: AGENTS }, (_, i) => ({
    id: `usr_${String(i).padStart(4, '0')}`,
    name: `Agent ${i}`,
    status: i % 10 === 0 ? 'away' : i % 17 === 0 ? 'offline' : 'online',
    onShift: i % 23 !== 0,
    disabled: i % 97 === 0,
    capacity: 90 + (i % 5) * 10,
    skills: i % 3 === 0 ? ['arabic', 'billing'] : ['english'],
    openCount: (i * 37) % 101,
    lastAssignedAt: NOW - i * 1000,
    idleSince: NOW - ((i * 13) % 50) * 1000,
  }));
}

/** Spread the remainder so the loads total exactly 10,000. */
function withTotalLoad(agents: AgentState[]): AgentState[] {
  let missing = OPEN_CONVERSATIONS - agents.reduce((sum, a) => sum + a.openCount, 0);
  for (let i = 0; missing !== 0; i = (i + 1) % agents.length) {
    const step = Math.sign(missing);
    if (agents[i]!.openCount + step >= 0) {
      agents[i]!.openCount += step;
      missing -= step;
    }
  }
  return agents;
}

/** 20 rules like a real business's: the one that matches the benchmark message is near the end. */
function buildRules(): RoutingRule[] {
  const topics = ['shipping', 'delivery', 'warranty', 'complaint', 'جملة', 'careers', 'partnership', 'press', 'returns', 'installation'];
  const rules: RoutingRule[] = topics.map((topic, i) => ({
    id: `rul_${i}`,
    name: topic,
    enabled: true,
    when: { keywords: { anyOf: [topic, `${topic} status`, `ال${topic}`, `about ${topic}`], mode: 'whole_word' } },
    then: { teamId: `tea_${i}` },
  }));
  for (let i = 10; i < 18; i++) rules.push({ id: `rul_${i}`, name: `vip ${i}`, enabled: true, when: { inboxIds: [`inb_${i}`], contact: [{ kind: 'tag', anyOf: [`tier${i}`] }] }, then: { teamId: `tea_${i}` } });
  rules.push({ id: 'rul_billing', name: 'Billing', enabled: true, when: { keywords: { anyOf: ['refund', 'billing', 'استرجاع', 'فاتورة'], mode: 'whole_word' } }, then: { teamId: 'tea_billing', priority: 'high', requiredSkill: 'billing' } });
  rules.push({ id: 'rul_default', name: 'Everything else', enabled: true, when: {}, then: { teamId: 'tea_support' } });
  return rules;
}

const MESSAGES = ['مرحبا، أريد الاسترجاع للطلب رقم ١٢٣٤ من فضلكم 🙏', 'Hi, I need a refund for my last order please', 'السلام عليكم، عندي مشكلة في الفاتورة الشهرية', 'hello there'];
const CONTACT: RoutingContact = { returning: true, vip: false, language: 'ar', tags: ['retail'], attributes: { city: 'الرياض' } };

function conversationFor(i: number): ConversationToAssign {
  return {
    id: `cnv_${String(i).padStart(6, '0')}`,
    contactId: `ct_${i}`,
    priority: 'normal',
    vip: i % 40 === 0,
    ownerAgentId: i % 40 === 0 ? `usr_${String(i % AGENTS).padStart(4, '0')}` : null,
    lastAgentId: i % 4 === 0 ? `usr_${String((i * 7) % AGENTS).padStart(4, '0')}` : null,
    lastServedAt: i % 4 === 0 ? NOW - (i % 60) * 86_400_000 : null,
    requiredSkill: null,
    waitingSince: NOW - (i % 300) * 1000,
    excludedAgentIds: [],
  };
}

function teamWith(strategy: AssignmentStrategy, agents: AgentState[]): TeamForAssignment {
  return { memberIds: agents.map((a) => a.id), policy: { ...DEFAULT_TEAM_POLICY, strategy }, rotation: { lastAgentId: null } };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function benchOne(strategy: AssignmentStrategy) {
  const agents = withTotalLoad(buildAgents());
  const rules = buildRules();
  let team = teamWith(strategy, agents);
  const times: number[] = [];
  let assigned = 0;
  for (let i = 0; i < ITERATIONS; i++) {
    const start = elapsedMs();
    const route = routeConversation({ rules, message: MESSAGES[i % MESSAGES.length]!, contact: CONTACT, inboxId: 'inb_main', menuOption: null });
    const result = chooseAgent({ now: NOW, conversation: { ...conversationFor(i), requiredSkill: route?.requiredSkill ?? null }, team, agents });
    times.push(elapsedMs() - start);
    team = { ...team, rotation: result.rotation };
    if (result.decision.kind === 'assigned') assigned++;
  }
  times.sort((a, b) => a - b);
  return { label: `route + choose (${strategy})`, p50: percentile(times, 50), p99: percentile(times, 99), assigned };
}

function benchBurst(strategy: AssignmentStrategy) {
  const times: number[] = [];
  let assigned = 0;
  for (let run = 0; run < BURSTS; run++) {
    const agents = withTotalLoad(buildAgents());
    const conversations = Array.from({ length: BURST_SIZE }, (_, i) => conversationFor(run * BURST_SIZE + i));
    const start = elapsedMs();
    const result = assignMany({ now: NOW, conversations, team: teamWith(strategy, agents), agents });
    times.push(elapsedMs() - start);
    assigned = result.assignments.length;
  }
  times.sort((a, b) => a - b);
  const median = percentile(times, 50);
  return { label: `assignMany ${BURST_SIZE} (${strategy})`, median, perSecond: (BURST_SIZE / median) * 1000, assigned };
}

const cpu = cpus();
console.log(`\nAssignment core, ${AGENTS} agents carrying ${OPEN_CONVERSATIONS.toLocaleString('en')} open conversations (bun ${Bun.version}, ${cpu.length} × ${cpu[0]?.model ?? 'cpu'})\n`);
console.log(`| one conversation, ${ITERATIONS.toLocaleString('en')} iterations | p50 | p99 | assigned |`);
console.log('|---|---|---|---|');
for (const strategy of ['round_robin', 'least_open'] as const) {
  const r = benchOne(strategy);
  console.log(`| ${r.label} | ${(r.p50 * 1000).toFixed(0)} µs | ${(r.p99 * 1000).toFixed(0)} µs | ${r.assigned} |`);
}
console.log(`\n| burst, median of ${BURSTS} | time | conversations/s | assigned |`);
console.log('|---|---|---|---|');
for (const strategy of ['round_robin', 'least_open'] as const) {
  const r = benchBurst(strategy);
  console.log(`| ${r.label} | ${r.median.toFixed(1)} ms | ${Math.round(r.perSecond).toLocaleString('en')} | ${r.assigned} |`);
}
