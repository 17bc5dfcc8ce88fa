import { describe, expect, test } from 'bun:test';
import { assignMany, type AssignManyResult } from '../../src/assignment/assign-burst';
import { capacityOf, type AgentState, type ConversationToAssign, type Priority } from '../../src/assignment/assignment-policy';
import { chooseAgent, type TeamForAssignment } from '../../src/assignment/choose-agent';
import { orderQueue } from '../../src/assignment/queue-order';
import { MINUTE, NOW, agent, conversation, team } from './assignment-fixtures';

const PRIORITY_CYCLE: Priority[] = ['normal', 'low', 'high', 'normal', 'urgent', 'normal', 'low'];

/** 500 new conversations arriving over a few seconds, a few VIP, mixed priorities; listed in shuffled order. */
function burst(count = 500): ConversationToAssign[] {
  const list = Array.from({ length: count }, (_, i) =>
    conversation(`cnv_${String(i).padStart(4, '0')}`, { waitingSince: NOW - (i % 37) * 100, vip: i % 50 === 0, priority: PRIORITY_CYCLE[i % 7]! }),
  );
  // 7919 is prime, so stepping by it visits every index once: a fixed shuffle.
  return list.map((_, k) => list[(k * 7919) % count]!);
}

/** Seven agents: mixed capacities and loads, one offline, one with capacity 0. */
function sevenAgents(scale = 1): AgentState[] {
  return [
    agent('usr_1', { capacity: 40 * scale }),
    agent('usr_2', { capacity: 200 * scale, openCount: 10 }),
    agent('usr_3'),
    agent('usr_4', { capacity: 100 * scale, openCount: 30 }),
    agent('usr_5', { status: 'offline' }),
    agent('usr_6', { capacity: 150 * scale }),
    agent('usr_7', { capacity: 0 }),
  ];
}

const members = ['usr_1', 'usr_2', 'usr_3', 'usr_4', 'usr_5', 'usr_6', 'usr_7'];

function assignedCounts(result: AssignManyResult): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { agentId } of result.assignments) counts.set(agentId, (counts.get(agentId) ?? 0) + 1);
  return counts;
}

function expectSafe(result: AssignManyResult, input: readonly ConversationToAssign[], before: readonly AgentState[], t: TeamForAssignment) {
  const assignedIds = result.assignments.map((a) => a.conversationId);
  expect(new Set(assignedIds).size).toBe(assignedIds.length);
  const queuedIds = result.queued.map((c) => c.id);
  expect([...assignedIds, ...queuedIds].sort()).toEqual([...new Set(input.map((c) => c.id))].sort());
  for (const after of result.agents) {
    const initial = before.find((a) => a.id === after.id)!;
    expect(after.openCount).toBeLessThanOrEqual(Math.max(initial.openCount, capacityOf(after, t.policy)));
    expect(after.openCount).toBe(initial.openCount + (assignedCounts(result).get(after.id) ?? 0));
  }
}

describe('assignMany: a burst of 500 conversations over 7 agents', () => {
  test('assigns each conversation once, within capacity, and spreads round robin evenly', () => {
    const agents = sevenAgents();
    const t = team(members, { defaultCapacity: 100 });
    const input = burst();
    const result = assignMany({ now: NOW, conversations: input, team: t, agents });
    expectSafe(result, input, agents, t);
    expect(result.queued).toEqual([]);

    const counts = assignedCounts(result);
    expect(counts.get('usr_5') ?? 0).toBe(0);
    expect(counts.get('usr_7') ?? 0).toBe(0);
    const full = result.agents.filter((a) => a.openCount >= capacityOf(a, t.policy)).map((a) => a.id);
    const stillFree = ['usr_1', 'usr_2', 'usr_3', 'usr_4', 'usr_6'].filter((id) => !full.includes(id));
    const freeCounts = stillFree.map((id) => counts.get(id) ?? 0);
    expect(Math.max(...freeCounts) - Math.min(...freeCounts)).toBeLessThanOrEqual(1);
    for (const id of full) expect(counts.get(id) ?? 0).toBeLessThanOrEqual(Math.max(...freeCounts));
    expect(Object.fromEntries(counts)).toEqual({ usr_1: 40, usr_2: 145, usr_3: 100, usr_4: 70, usr_6: 145 });
  });

  test('spreads max − min ≤ 1 among eligible agents when capacity is plentiful', () => {
    const agents = Array.from({ length: 7 }, (_, i) => agent(`usr_${i}`, { capacity: 100 + i * 10, openCount: i }));
    const result = assignMany({ now: NOW, conversations: burst(), team: team(agents.map((a) => a.id)), agents });
    const counts = [...assignedCounts(result).values()];
    expect(counts).toHaveLength(7);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  test('queues exactly the overflow: the last ones in queue order once every slot is full', () => {
    const agents = sevenAgents(0.5);
    const t = team(members, { defaultCapacity: 60 });
    const input = burst();
    const result = assignMany({ now: NOW, conversations: input, team: t, agents });
    expectSafe(result, input, agents, t);
    const freeSlots = 20 + 90 + 60 + 20 + 75;
    expect(result.assignments).toHaveLength(freeSlots);
    expect(result.queued.map((c) => c.id)).toEqual(orderQueue(input).slice(freeSlots).map((c) => c.id));
    expect(result.agents.map((a) => a.openCount)).toEqual([20, 100, 60, 50, 0, 75, 0]);
  });

  test('makes the same decisions whatever order the burst arrives in', () => {
    const t = team(members, { defaultCapacity: 100 });
    const input = burst();
    const a = assignMany({ now: NOW, conversations: input, team: t, agents: sevenAgents() });
    const b = assignMany({ now: NOW, conversations: [...input].reverse(), team: t, agents: sevenAgents() });
    expect(b.assignments).toEqual(a.assignments);
    expect(b.rotation).toEqual(a.rotation);
  });

  test('levels the loads under least open', () => {
    const agents = [agent('usr_a', { openCount: 10, capacity: 50 }), agent('usr_b', { capacity: 50 }), agent('usr_c', { openCount: 4, capacity: 50 })];
    const t = team(['usr_a', 'usr_b', 'usr_c'], { strategy: 'least_open' });
    const input = burst(100);
    const result = assignMany({ now: NOW, conversations: input, team: t, agents });
    expectSafe(result, input, agents, t);
    expect(result.agents.map((a) => a.openCount)).toEqual([38, 38, 38]);
  });
});

describe('assignMany', () => {
  test('gives the same answers as choosing one conversation at a time', () => {
    const agents = [agent('usr_a', { capacity: 2 }), agent('usr_b', { capacity: 1 })];
    let t = team(['usr_a', 'usr_b']);
    const input = [conversation('c_1', { waitingSince: NOW - 3 * MINUTE }), conversation('c_2', { waitingSince: NOW - 2 * MINUTE }), conversation('c_3'), conversation('c_4', { waitingSince: NOW })];
    const result = assignMany({ now: NOW, conversations: input, team: t, agents });
    const loads = agents.map((a) => ({ ...a }));
    const oneByOne = orderQueue(input).map((c) => {
      const chosen = chooseAgent({ now: NOW, conversation: c, team: t, agents: loads });
      t = { ...t, rotation: chosen.rotation };
      if (chosen.decision.kind === 'assigned') loads.find((a) => a.id === (chosen.decision as { agentId: string }).agentId)!.openCount++;
      return chosen.decision;
    });
    expect(result.outcomes.map((o) => o.decision)).toEqual(oneByOne);
    expect(result.assignments).toEqual([
      { conversationId: 'c_1', agentId: 'usr_a' },
      { conversationId: 'c_2', agentId: 'usr_b' },
      { conversationId: 'c_3', agentId: 'usr_a' },
    ]);
    expect(result.queued.map((c) => c.id)).toEqual(['c_4']);
  });

  test('decides a conversation listed twice only once and reports the duplicate', () => {
    const result = assignMany({ now: NOW, conversations: [conversation('c_1'), conversation('c_1'), conversation('c_2')], team: team(['usr_a']), agents: [agent('usr_a')] });
    expect(result.assignments.map((a) => a.conversationId)).toEqual(['c_1', 'c_2']);
    expect(result.duplicateIds).toEqual(['c_1']);
    expect(result.agents[0]!.openCount).toBe(2);
  });

  test('assigns the next queued conversation when capacity frees, in queue order', () => {
    const queue = [conversation('c_old', { waitingSince: NOW - 30 * MINUTE }), conversation('c_vip', { vip: true, waitingSince: NOW - MINUTE }), conversation('c_new', { waitingSince: NOW })];
    const result = assignMany({ now: NOW, conversations: queue, team: team(['usr_a']), agents: [agent('usr_a', { openCount: 4 })] });
    expect(result.assignments).toEqual([{ conversationId: 'c_vip', agentId: 'usr_a' }]);
    expect(result.queued.map((c) => c.id)).toEqual(['c_old', 'c_new']);
  });

  test('lets a queued conversation nobody free can serve wait without blocking the ones behind it', () => {
    const queue = [conversation('c_french', { requiredSkill: 'french', waitingSince: NOW - 30 * MINUTE }), conversation('c_any')];
    const result = assignMany({ now: NOW, conversations: queue, team: team(['usr_a']), agents: [agent('usr_a')] });
    expect(result.assignments).toEqual([{ conversationId: 'c_any', agentId: 'usr_a' }]);
    expect(result.queued.map((c) => c.id)).toEqual(['c_french']);
  });

  test('queues a VIP whose owner is away with its priority raised', () => {
    const result = assignMany({
      now: NOW,
      conversations: [conversation('c_vip', { vip: true, ownerAgentId: 'usr_o' })],
      team: team(['usr_a']),
      agents: [agent('usr_a', { openCount: 5 }), agent('usr_o', { status: 'away' })],
    });
    expect(result.queued).toMatchObject([{ id: 'c_vip', priority: 'high' }]);
  });

  test('records the assignment time on the agents it gives work to and leaves the input untouched', () => {
    const agents = [agent('usr_a', { idleSince: NOW - MINUTE }), agent('usr_b', { idleSince: NOW - MINUTE })];
    const result = assignMany({ now: NOW, conversations: [conversation('c_1')], team: team(['usr_a', 'usr_b']), agents });
    expect(result.agents).toMatchObject([{ id: 'usr_a', openCount: 1, lastAssignedAt: NOW, idleSince: NOW }, { id: 'usr_b', openCount: 0, lastAssignedAt: null }]);
    expect(agents[0]!.openCount).toBe(0);
    expect(result.rotation).toEqual({ lastAgentId: 'usr_a' });
  });

  test('stops sticking to the last agent once the burst fills them up', () => {
    const sticky = { lastAgentId: 'usr_a', lastServedAt: NOW - MINUTE };
    const input = [conversation('c_1', sticky), conversation('c_2', sticky), conversation('c_3', sticky)];
    const result = assignMany({ now: NOW, conversations: input, team: team(['usr_a', 'usr_b']), agents: [agent('usr_a', { capacity: 2 }), agent('usr_b')] });
    expect(result.outcomes.map((o) => o.decision)).toMatchObject([
      { agentId: 'usr_a', strategy: 'sticky' },
      { agentId: 'usr_a', strategy: 'sticky' },
      { agentId: 'usr_b', strategy: 'round_robin' },
    ]);
  });

  test('queues the whole batch for a manual team', () => {
    const result = assignMany({ now: NOW, conversations: [conversation('c_1'), conversation('c_2')], team: team(['usr_a'], { strategy: 'manual' }), agents: [agent('usr_a')] });
    expect(result.assignments).toEqual([]);
    expect(result.queued.map((c) => c.id)).toEqual(['c_1', 'c_2']);
  });

  test('returns nothing to do for an empty batch', () => {
    const result = assignMany({ now: NOW, conversations: [], team: team(['usr_a'], {}, { lastAgentId: 'usr_a' }), agents: [agent('usr_a')] });
    expect(result).toMatchObject({ outcomes: [], assignments: [], queued: [], rotation: { lastAgentId: 'usr_a' } });
  });
});
