import { describe, expect, test } from 'bun:test';
import { canTakeOver, lockState } from '../../src/conversations/reply-lock';
import { isIdle, type IdleCandidate } from '../../src/conversations/idle-release';

const NOW = 1_000_000_000;
const lock = (holderId: string, expiresAt: number) => ({ conversationId: 'cnv_1', holderId, acquiredAt: NOW - 60_000, renewedAt: NOW - 60_000, expiresAt });

describe('lockState', () => {
  test.each([
    ['no lock', undefined, { kind: 'free' }],
    ['an expired lock of someone else', lock('usr_b', NOW), { kind: 'free' }],
    ['an expired lock of the viewer', lock('usr_a', NOW - 1), { kind: 'free' }],
    ['a live lock of the viewer', lock('usr_a', NOW + 5_000), { kind: 'mine', expiresAt: NOW + 5_000 }],
    ['a live lock of someone else', lock('usr_b', NOW + 312_000), { kind: 'held-by-other', holderId: 'usr_b', expiresAt: NOW + 312_000, remainingMs: 312_000 }],
  ])('reads %s', (_name, row, expected) => {
    expect(lockState({ lock: row, viewerId: 'usr_a', now: NOW })).toEqual(expected as never);
  });
});

describe('canTakeOver', () => {
  test.each([
    ['admin', true],
    ['supervisor', true],
    ['agent', false],
    ['analyst', false],
  ] as const)('%s → %p', (role, expected) => {
    expect(canTakeOver(role)).toBe(expected);
  });
});

describe('isIdle', () => {
  const MIN = 60_000;
  const waiting: IdleCandidate = { assigneeId: 'usr_a', status: 'open', lastInboundAt: NOW - 3 * MIN, lastMessageDirection: 'in' };
  test.each([
    ['assigned, open, customer waiting 3 min, no activity', waiting, null, 3, true],
    ['waiting only 2 min 59 s', { ...waiting, lastInboundAt: NOW - 3 * MIN + 1_000 }, null, 3, false],
    ['agent active 1 min ago', waiting, NOW - MIN, 3, false],
    ['agent active before the customer wrote', waiting, NOW - 10 * MIN, 3, true],
    ['unassigned', { ...waiting, assigneeId: null }, null, 3, false],
    ['pending', { ...waiting, status: 'pending' }, null, 3, false],
    ['resolved', { ...waiting, status: 'resolved' }, null, 3, false],
    ['the agent had the last word', { ...waiting, lastMessageDirection: 'out' }, null, 3, false],
    ['the rule is off (0 minutes)', waiting, null, 0, false],
    ['a longer limit not yet reached', waiting, null, 5, false],
  ] as const)('%s → %p', (_name, conversation, activity, minutes, expected) => {
    expect(isIdle({ conversation: conversation as IdleCandidate, lastAgentActivityAt: activity, now: NOW, minutes })).toBe(expected);
  });
});
