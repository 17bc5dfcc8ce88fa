import { describe, expect, test } from 'bun:test';
import { chooseAgent } from '../../src/assignment/choose-agent';
import { readRotation } from '../../src/assignment/round-robin';
import type { AgentState } from '../../src/assignment/assignment-policy';
import { NOW, agent, conversation, team } from './assignment-fixtures';

const three = () => [agent('usr_a'), agent('usr_b'), agent('usr_c')];
const choose = (agents: AgentState[], t = team(agents.map((a) => a.id)), c = conversation('cnv_1')) => chooseAgent({ now: NOW, conversation: c, team: t, agents });

describe('chooseAgent: round robin', () => {
  test('starts the circle with the lowest agent id when the rotation is fresh', () => {
    const result = choose(three());
    expect(result.decision).toEqual({ kind: 'assigned', agentId: 'usr_a', strategy: 'round_robin', reason: 'next_in_rotation' });
    expect(result.rotation).toEqual({ lastAgentId: 'usr_a' });
  });

  test('gives the next one to the agent after the last one, and wraps round', () => {
    expect(choose(three(), team(['usr_a', 'usr_b', 'usr_c'], {}, { lastAgentId: 'usr_b' })).decision).toMatchObject({ agentId: 'usr_c' });
    expect(choose(three(), team(['usr_a', 'usr_b', 'usr_c'], {}, { lastAgentId: 'usr_c' })).decision).toMatchObject({ agentId: 'usr_a' });
  });

  test('follows id order whatever order the members are listed in', () => {
    expect(choose(three(), team(['usr_c', 'usr_a', 'usr_b'], {}, { lastAgentId: 'usr_a' })).decision).toMatchObject({ agentId: 'usr_b' });
  });

  test('skips an unavailable agent whose turn it is, and names why', () => {
    const agents = [agent('usr_a'), agent('usr_b', { status: 'offline' }), agent('usr_c')];
    const result = choose(agents, team(['usr_a', 'usr_b', 'usr_c'], {}, { lastAgentId: 'usr_a' }));
    expect(result.decision).toMatchObject({ agentId: 'usr_c' });
    expect(result.passedOver).toEqual([
      { agentId: 'usr_a', reason: 'not_next_in_rotation' },
      { agentId: 'usr_b', reason: 'offline' },
    ]);
  });

  test('keeps its place when the last agent has left the team', () => {
    const agents = [agent('usr_a'), agent('usr_c')];
    expect(choose(agents, team(['usr_a', 'usr_c'], {}, { lastAgentId: 'usr_b' })).decision).toMatchObject({ agentId: 'usr_c' });
  });

  test('says only_available when one agent can take it', () => {
    const agents = [agent('usr_a', { status: 'away' }), agent('usr_b')];
    expect(choose(agents).decision).toMatchObject({ agentId: 'usr_b', reason: 'only_available' });
  });

  test('rotation survives a JSON round trip and reading it back gives the same next agent', () => {
    const first = choose(three());
    const stored = JSON.stringify(first.rotation);
    const second = choose(three(), team(['usr_a', 'usr_b', 'usr_c'], {}, readRotation(stored)));
    expect(second.decision).toMatchObject({ agentId: 'usr_b' });
    expect(readRotation(JSON.parse(JSON.stringify(second.rotation)))).toEqual({ lastAgentId: 'usr_b' });
  });

  test('reads a missing or corrupt stored rotation as a fresh circle', () => {
    for (const stored of [null, undefined, '', '{bad json', '{"lastAgentId":42}', 7, { other: 1 }]) expect(readRotation(stored)).toEqual({ lastAgentId: null });
    expect(readRotation('{"lastAgentId":"usr_x"}')).toEqual({ lastAgentId: 'usr_x' });
  });
});

describe('chooseAgent: least open', () => {
  const leastOpen = (agents: AgentState[]) => choose(agents, team(agents.map((a) => a.id), { strategy: 'least_open' }));

  test('picks the agent with the fewest open conversations', () => {
    const result = leastOpen([agent('usr_a', { openCount: 3 }), agent('usr_b', { openCount: 1 }), agent('usr_c', { openCount: 2 })]);
    expect(result.decision).toEqual({ kind: 'assigned', agentId: 'usr_b', strategy: 'least_open', reason: 'fewest_open' });
    expect(result.passedOver).toEqual([
      { agentId: 'usr_a', reason: 'more_open' },
      { agentId: 'usr_c', reason: 'more_open' },
    ]);
  });

  test('breaks a tie by who has been idle the longest', () => {
    const result = leastOpen([agent('usr_a', { openCount: 1, idleSince: NOW - 5_000 }), agent('usr_b', { openCount: 1, idleSince: NOW - 9_000 })]);
    expect(result.decision).toMatchObject({ agentId: 'usr_b', reason: 'longest_idle' });
    expect(result.passedOver).toEqual([{ agentId: 'usr_a', reason: 'less_idle' }]);
  });

  test('counts an agent who was never busy as idle the longest', () => {
    expect(leastOpen([agent('usr_a', { idleSince: NOW - 99_000 }), agent('usr_b', { idleSince: null })]).decision).toMatchObject({ agentId: 'usr_b' });
  });

  test('breaks a full tie by the lowest id', () => {
    const result = leastOpen([agent('usr_b', { idleSince: NOW }), agent('usr_a', { idleSince: NOW })]);
    expect(result.decision).toMatchObject({ agentId: 'usr_a', reason: 'lowest_id' });
    expect(result.passedOver).toEqual([{ agentId: 'usr_b', reason: 'higher_id' }]);
  });

  test('leaves the rotation untouched', () => {
    const agents = three();
    expect(chooseAgent({ now: NOW, conversation: conversation('c'), team: team(['usr_a', 'usr_b', 'usr_c'], { strategy: 'least_open' }, { lastAgentId: 'usr_b' }), agents }).rotation).toEqual({ lastAgentId: 'usr_b' });
  });
});

describe('chooseAgent: manual', () => {
  test('always queues, even with free agents and a VIP owner online', () => {
    const agents = three();
    const c = conversation('c', { vip: true, ownerAgentId: 'usr_a', lastAgentId: 'usr_b', lastServedAt: NOW });
    const result = choose(agents, team(['usr_a', 'usr_b', 'usr_c'], { strategy: 'manual' }), c);
    expect(result.decision).toEqual({ kind: 'queued', reason: 'manual' });
    expect(result.passedOver).toEqual([]);
    expect(result.rotation).toEqual({ lastAgentId: null });
  });
});

describe('chooseAgent: availability', () => {
  test('queues and explains every member when nobody can take it', () => {
    const agents = [
      agent('usr_a', { status: 'offline' }),
      agent('usr_b', { status: 'away' }),
      agent('usr_c', { openCount: 5 }),
      agent('usr_d', { onShift: false }),
      agent('usr_e', { disabled: true }),
    ];
    const result = choose(agents);
    expect(result.decision).toEqual({ kind: 'queued', reason: 'nobody_available' });
    expect(result.passedOver.map((p) => p.reason)).toEqual(['offline', 'away', 'at_capacity', 'off_shift', 'disabled']);
    expect(result.rotation).toEqual({ lastAgentId: null });
  });

  test('queues when the team has no members', () => {
    expect(choose([agent('usr_a')], team([])).decision).toEqual({ kind: 'queued', reason: 'no_members' });
  });

  test('ignores agents who are not in the team', () => {
    const result = choose([agent('usr_a'), agent('usr_z')], team(['usr_z']));
    expect(result.decision).toMatchObject({ agentId: 'usr_z' });
    expect(result.passedOver).toEqual([]);
  });

  test('may pick away and offline agents when onlyOnline is off, but never off-shift ones', () => {
    const agents = [agent('usr_a', { status: 'offline', onShift: false }), agent('usr_b', { status: 'away' })];
    const result = choose(agents, team(['usr_a', 'usr_b'], { onlyOnline: false }));
    expect(result.decision).toMatchObject({ agentId: 'usr_b' });
    expect(result.passedOver).toEqual([{ agentId: 'usr_a', reason: 'off_shift' }]);
  });

  test('names the most lasting reason when an agent fails several checks', () => {
    const result = choose([agent('usr_a', { disabled: true, status: 'offline', openCount: 99 })]);
    expect(result.passedOver).toEqual([{ agentId: 'usr_a', reason: 'disabled' }]);
  });
});

describe('chooseAgent: capacity', () => {
  test('excludes an agent exactly at the team default capacity and takes one just under it', () => {
    const result = choose([agent('usr_a', { openCount: 5 }), agent('usr_b', { openCount: 4 })]);
    expect(result.decision).toMatchObject({ agentId: 'usr_b' });
    expect(result.passedOver).toEqual([{ agentId: 'usr_a', reason: 'at_capacity' }]);
  });

  test('lets a per-agent capacity override the team default both ways', () => {
    const agents = [agent('usr_a', { openCount: 5, capacity: 8 }), agent('usr_b', { openCount: 2, capacity: 2 })];
    const result = choose(agents, team(['usr_a', 'usr_b'], { strategy: 'least_open' }));
    expect(result.decision).toMatchObject({ agentId: 'usr_a' });
    expect(result.passedOver).toEqual([{ agentId: 'usr_b', reason: 'at_capacity' }]);
  });

  test('never assigns to an agent with capacity 0', () => {
    expect(choose([agent('usr_a', { capacity: 0 })]).decision).toEqual({ kind: 'queued', reason: 'nobody_available' });
  });

  test('treats a negative or NaN capacity as 0', () => {
    expect(choose([agent('usr_a', { capacity: -1 }), agent('usr_b', { capacity: Number.NaN })]).decision).toMatchObject({ kind: 'queued' });
  });

  test('uses the team default capacity when the agent has none', () => {
    const agents = [agent('usr_a', { openCount: 1 })];
    expect(choose(agents, team(['usr_a'], { defaultCapacity: 1 })).decision).toMatchObject({ kind: 'queued' });
    expect(choose(agents, team(['usr_a'], { defaultCapacity: 2 })).decision).toMatchObject({ agentId: 'usr_a' });
  });
});
