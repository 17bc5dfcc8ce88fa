import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { createTestApp, type TestApp } from '../support/test-app';
import { conversationListQuery } from '../../src/conversations/conversation-views.repository';
import { listOrder } from '../../src/conversations/list-query';

/**
 * The list must be served from an index at any size: a plan with "USE TEMP B-TREE FOR ORDER BY" sorts every matching
 * conversation on each page (bench:inbox measured 68–126 ms at 100k conversations before these indexes).
 */
let t: TestApp;
beforeAll(() => {
  t = createTestApp();
});
afterAll(() => t.cleanup());

function planOf(query: Parameters<typeof conversationListQuery>[1]): string[] {
  const { sql, params } = conversationListQuery(t.deps.db, query).toSQL();
  return (t.deps.sqlite.query(`EXPLAIN QUERY PLAN ${sql}`).all(...(params as never[])) as { detail: string }[]).map((r) => r.detail);
}

describe('conversation list query plans', () => {
  test('open conversations, newest first, come straight from an index', () => {
    const plan = planOf({ statuses: ['open'], order: listOrder('newest'), limit: 25 });
    expect(plan.join('\n')).not.toContain('TEMP B-TREE');
  });

  test('open conversations by oldest waiting customer come straight from the expression index', () => {
    const plan = planOf({ statuses: ['open'], order: listOrder('oldest_waiting'), limit: 25 });
    expect(plan.join('\n')).toContain('conversations_waiting_idx');
    expect(plan.join('\n')).not.toContain('TEMP B-TREE');
  });

  test('the next page of oldest waiting keeps using it', () => {
    const plan = planOf({ statuses: ['open'], order: listOrder('oldest_waiting'), after: { lastMessageAt: 1_000, id: 'cnv_x' }, limit: 25 });
    expect(plan.join('\n')).not.toContain('TEMP B-TREE');
  });

  test("an agent's own conversations come from the assignee index", () => {
    const plan = planOf({ statuses: ['open'], assigneeId: 'usr_x', order: listOrder('newest'), limit: 25 });
    expect(plan.join('\n')).not.toContain('TEMP B-TREE');
  });
});
