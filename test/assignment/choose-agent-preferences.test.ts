import { describe, expect, test } from 'bun:test';
import { chooseAgent } from '../../src/assignment/choose-agent';
import { DAY_MS, type AgentState, type ConversationToAssign } from '../../src/assignment/assignment-policy';
import type { TeamForAssignment } from '../../src/assignment/choose-agent';
import { NOW, agent, conversation, team } from './assignment-fixtures';

const agents = () => [agent('usr_a'), agent('usr_b'), agent('usr_c')];
const members = ['usr_a', 'usr_b', 'usr_c'];
const choose = (c: Partial<ConversationToAssign>, list: AgentState[] = agents(), t: TeamForAssignment = team(members)) =>
  chooseAgent({ now: NOW, conversation: conversation('cnv_1', c), team: t, agents: list });
const returning = (days: number) => ({ lastAgentId: 'usr_c', lastServedAt: NOW - days * DAY_MS });

describe('chooseAgent: sticky', () => {
  test('gives a returning customer back to their last agent within the window', () => {
    const result = choose(returning(29));
    expect(result.decision).toEqual({ kind: 'assigned', agentId: 'usr_c', strategy: 'sticky', reason: 'returning_customer' });
    expect(result.passedOver).toEqual([
      { agentId: 'usr_a', reason: 'last_agent_preferred' },
      { agentId: 'usr_b', reason: 'last_agent_preferred' },
    ]);
  });

  test('still sticks on the last day of the window', () => {
    expect(choose(returning(30)).decision).toMatchObject({ strategy: 'sticky' });
  });

  test('uses the strategy when the last service is older than the window', () => {
    const result = choose({ lastAgentId: 'usr_c', lastServedAt: NOW - 30 * DAY_MS - 1 });
    expect(result.decision).toMatchObject({ agentId: 'usr_a', strategy: 'round_robin' });
  });

  test('honours a team’s own number of days', () => {
    expect(choose(returning(8), agents(), team(members, { sticky: { enabled: true, days: 7 } })).decision).toMatchObject({ strategy: 'round_robin' });
    expect(choose(returning(6), agents(), team(members, { sticky: { enabled: true, days: 7 } })).decision).toMatchObject({ strategy: 'sticky' });
  });

  test('uses the strategy when sticky is switched off', () => {
    expect(choose(returning(1), agents(), team(members, { sticky: { enabled: false, days: 30 } })).decision).toMatchObject({ agentId: 'usr_a', strategy: 'round_robin' });
  });

  test('falls back to the strategy and says why when the last agent is offline', () => {
    const list = [agent('usr_a'), agent('usr_b'), agent('usr_c', { status: 'offline' })];
    const result = choose(returning(1), list);
    expect(result.decision).toMatchObject({ agentId: 'usr_a', strategy: 'round_robin' });
    expect(result.passedOver).toContainEqual({ agentId: 'usr_c', reason: 'offline' });
  });

  test('falls back to the strategy when the last agent is at capacity', () => {
    const list = [agent('usr_a'), agent('usr_b'), agent('usr_c', { openCount: 5 })];
    const result = choose(returning(1), list);
    expect(result.decision).toMatchObject({ strategy: 'round_robin' });
    expect(result.passedOver).toContainEqual({ agentId: 'usr_c', reason: 'at_capacity' });
  });

  test('needs the last agent online even when the team allows offline agents', () => {
    const list = [agent('usr_a', { status: 'offline' }), agent('usr_c', { status: 'away' })];
    const result = choose(returning(1), list, team(['usr_a', 'usr_c'], { onlyOnline: false, strategy: 'least_open' }));
    expect(result.decision).toMatchObject({ agentId: 'usr_a', strategy: 'least_open' });
  });

  test('does not stick to an agent who has left the team', () => {
    const list = [...agents(), agent('usr_x')];
    const result = choose({ lastAgentId: 'usr_x', lastServedAt: NOW - DAY_MS }, list);
    expect(result.decision).toMatchObject({ agentId: 'usr_a', strategy: 'round_robin' });
    expect(result.passedOver).toContainEqual({ agentId: 'usr_x', reason: 'not_member' });
  });

  test('lists an outside agent once when they are both the VIP owner and the last agent', () => {
    const list = [...agents(), agent('usr_x', { status: 'offline' })];
    const result = choose({ vip: true, ownerAgentId: 'usr_x', lastAgentId: 'usr_x', lastServedAt: NOW }, list);
    expect(result.passedOver.filter((p) => p.agentId === 'usr_x')).toEqual([{ agentId: 'usr_x', reason: 'offline' }]);
  });

  test('does not move the round-robin rotation', () => {
    expect(choose(returning(1), agents(), team(members, {}, { lastAgentId: 'usr_a' })).rotation).toEqual({ lastAgentId: 'usr_a' });
  });
});

describe('chooseAgent: VIP owner', () => {
  const vip = (overrides: Partial<ConversationToAssign> = {}) => ({ vip: true, ownerAgentId: 'usr_o', ...overrides });

  test('gives a VIP to their owner when the owner is available, even from another team', () => {
    const result = choose(vip(), [...agents(), agent('usr_o')]);
    expect(result.decision).toEqual({ kind: 'assigned', agentId: 'usr_o', strategy: 'vip_owner', reason: 'owner_available' });
    expect(result.passedOver.map((p) => p.reason)).toEqual(['owner_preferred', 'owner_preferred', 'owner_preferred']);
    expect(result.priorityRaised).toBe(false);
  });

  test('prefers the owner to the last agent', () => {
    expect(choose(vip(returning(1)), [...agents(), agent('usr_o')]).decision).toMatchObject({ agentId: 'usr_o' });
  });

  test('sends the VIP to the team with high priority when the owner is offline', () => {
    const result = choose(vip(), [...agents(), agent('usr_o', { status: 'offline' })]);
    expect(result.decision).toMatchObject({ agentId: 'usr_a', strategy: 'round_robin' });
    expect(result.priority).toBe('high');
    expect(result.priorityRaised).toBe(true);
    expect(result.passedOver).toContainEqual({ agentId: 'usr_o', reason: 'offline' });
  });

  test('raises priority and queues when neither the owner nor the team is available', () => {
    const result = choose(vip(), [agent('usr_a', { openCount: 5 }), agent('usr_o', { openCount: 5 })], team(['usr_a']));
    expect(result.decision).toEqual({ kind: 'queued', reason: 'nobody_available' });
    expect(result.priority).toBe('high');
  });

  test('falls back to the last agent when the owner is away', () => {
    const result = choose(vip(returning(1)), [...agents(), agent('usr_o', { status: 'away' })]);
    expect(result.decision).toMatchObject({ agentId: 'usr_c', strategy: 'sticky' });
    expect(result.priority).toBe('high');
  });

  test('never lowers an urgent conversation', () => {
    const result = choose(vip({ priority: 'urgent' }), [...agents(), agent('usr_o', { status: 'offline' })]);
    expect(result.priority).toBe('urgent');
    expect(result.priorityRaised).toBe(false);
  });

  test('treats an owner with no known state as unavailable', () => {
    const result = choose(vip(), agents());
    expect(result.decision).toMatchObject({ strategy: 'round_robin' });
    expect(result.priority).toBe('high');
  });

  test('uses the strategy and keeps the priority when the team does not route VIPs to owners', () => {
    const result = choose(vip(), [...agents(), agent('usr_o')], team(members, { vipToOwner: false }));
    expect(result.decision).toMatchObject({ agentId: 'usr_a', strategy: 'round_robin' });
    expect(result.priority).toBe('normal');
  });

  test('ignores the owner when the contact is not a VIP', () => {
    expect(choose({ vip: false, ownerAgentId: 'usr_o' }, [...agents(), agent('usr_o')]).decision).toMatchObject({ agentId: 'usr_a' });
  });

  test('keeps the priority of a VIP without an owner', () => {
    expect(choose({ vip: true }).priority).toBe('normal');
  });
});

describe('chooseAgent: skills, shifts and exclusions', () => {
  test('passes over agents who lack the required skill, comparing skills loosely', () => {
    const list = [agent('usr_a', { skills: ['english'] }), agent('usr_b', { skills: ['Arabic', 'billing'] })];
    const result = choose({ requiredSkill: 'ARABIC' }, list, team(['usr_a', 'usr_b']));
    expect(result.decision).toMatchObject({ agentId: 'usr_b' });
    expect(result.passedOver).toEqual([{ agentId: 'usr_a', reason: 'lacks_skill' }]);
  });

  test('queues when no member has the required skill', () => {
    expect(choose({ requiredSkill: 'french' }).decision).toEqual({ kind: 'queued', reason: 'nobody_available' });
  });

  test('does not give a VIP to an owner who lacks the required skill', () => {
    const result = choose({ vip: true, ownerAgentId: 'usr_o', requiredSkill: 'billing' }, [agent('usr_a', { skills: ['billing'] }), agent('usr_o')], team(['usr_a']));
    expect(result.decision).toMatchObject({ agentId: 'usr_a' });
    expect(result.passedOver).toEqual([{ agentId: 'usr_o', reason: 'lacks_skill' }]);
  });

  test('passes over an agent who is off shift even when online', () => {
    const result = choose({}, [agent('usr_a', { onShift: false }), agent('usr_b')], team(['usr_a', 'usr_b']));
    expect(result.decision).toMatchObject({ agentId: 'usr_b' });
    expect(result.passedOver).toEqual([{ agentId: 'usr_a', reason: 'off_shift' }]);
  });

  test('never gives a conversation back to an agent it was released from', () => {
    const result = choose({ excludedAgentIds: ['usr_a'], lastAgentId: 'usr_a', lastServedAt: NOW });
    expect(result.decision).toMatchObject({ agentId: 'usr_b', strategy: 'round_robin' });
    expect(result.passedOver).toContainEqual({ agentId: 'usr_a', reason: 'excluded' });
  });

  test('does not give a VIP to an owner excluded from the conversation', () => {
    const result = choose({ vip: true, ownerAgentId: 'usr_a', excludedAgentIds: ['usr_a'] });
    expect(result.decision).toMatchObject({ agentId: 'usr_b', strategy: 'round_robin' });
    expect(result.priority).toBe('high');
  });
});
