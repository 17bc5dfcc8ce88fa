import { describe, expect, test } from 'bun:test';
import { compareQueued, nextFromQueue, orderQueue } from '../../src/assignment/queue-order';
import { PRIORITIES, type Priority } from '../../src/assignment/assignment-policy';
import type { conversations } from '../../src/conversations/conversations.tables';
import { MINUTE, NOW, conversation } from './assignment-fixtures';

// The queue ranks the priority the conversations table stores; if the two lists drift apart, typecheck fails here.
type StoredPriority = (typeof conversations.$inferSelect)['priority'];
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const prioritiesMatchTable: Same<Priority, StoredPriority> = true;

describe('orderQueue', () => {
  test('puts VIPs first, then urgent, high, normal, low', () => {
    const queue = [
      conversation('c_low', { priority: 'low' }),
      conversation('c_normal', { priority: 'normal' }),
      conversation('c_vip_low', { vip: true, priority: 'low' }),
      conversation('c_urgent', { priority: 'urgent' }),
      conversation('c_high', { priority: 'high' }),
      conversation('c_vip_high', { vip: true, priority: 'high' }),
    ];
    expect(orderQueue(queue).map((c) => c.id)).toEqual(['c_vip_high', 'c_vip_low', 'c_urgent', 'c_high', 'c_normal', 'c_low']);
  });

  test('puts the one waiting longest first within the same VIP status and priority', () => {
    const queue = [conversation('c_new', { waitingSince: NOW }), conversation('c_old', { waitingSince: NOW - 10 * MINUTE }), conversation('c_mid', { waitingSince: NOW - MINUTE })];
    expect(orderQueue(queue).map((c) => c.id)).toEqual(['c_old', 'c_mid', 'c_new']);
  });

  test('breaks an exact tie by id so the order never depends on input order', () => {
    const queue = [conversation('c_2', { waitingSince: NOW }), conversation('c_1', { waitingSince: NOW })];
    expect(orderQueue(queue).map((c) => c.id)).toEqual(['c_1', 'c_2']);
    expect(orderQueue([...queue].reverse()).map((c) => c.id)).toEqual(['c_1', 'c_2']);
  });

  test('leaves the input array as it was', () => {
    const queue = [conversation('c_b'), conversation('c_a')];
    orderQueue(queue);
    expect(queue.map((c) => c.id)).toEqual(['c_b', 'c_a']);
  });

  test('ranks every priority the conversations table can store, most urgent first', () => {
    expect(prioritiesMatchTable).toBe(true);
    const all = PRIORITIES.map((priority) => conversation(`c_${priority}`, { priority }));
    expect(orderQueue(all).map((c) => c.priority)).toEqual(['urgent', 'high', 'normal', 'low']);
    expect(compareQueued(all[3]!, all[0]!)).toBeLessThan(0);
  });
});

describe('nextFromQueue', () => {
  test('returns the first in queue order', () => {
    const queue = [conversation('c_new', { waitingSince: NOW }), conversation('c_urgent', { priority: 'urgent', waitingSince: NOW }), conversation('c_old', { waitingSince: NOW - MINUTE })];
    expect(nextFromQueue(queue)?.id).toBe('c_urgent');
  });

  test('returns undefined for an empty queue', () => {
    expect(nextFromQueue([])).toBeUndefined();
  });

  test('skips what the freed agent cannot take instead of blocking behind it', () => {
    const queue = [conversation('c_french', { requiredSkill: 'french', waitingSince: NOW - 9 * MINUTE }), conversation('c_any', { waitingSince: NOW })];
    expect(nextFromQueue(queue, (c) => c.requiredSkill === null)?.id).toBe('c_any');
    expect(nextFromQueue(queue, () => false)).toBeUndefined();
  });
});
