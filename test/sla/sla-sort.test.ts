import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'bun:test';
import { createTestApp, type TestApp } from '../support/test-app';
import { receive, seedInbox } from '../conversations/inbox-fixtures';
import { rowIds } from '../conversations/list-fixtures';
import { conversationListQuery } from '../../src/conversations/conversation-views.repository';
import { listOrder } from '../../src/conversations/list-query';
import { MINUTE, seedPolicy, signInSeeded } from './sla-fixtures';

describe('sort by SLA due', () => {
  let t: TestApp;
  beforeEach(() => {
    t = createTestApp();
  });
  afterEach(() => t.cleanup());

  test('lists the nearest deadline first, whatever the policy, and conversations without an SLA last', async () => {
    const { client } = await signInSeeded(t, 'admin');
    const shop = seedInbox(t, 'Shop').inboxId;
    const vipLine = seedInbox(t, 'VIP line').inboxId;
    const say = (inboxId: string, waId: string) => {
      const { conversationId } = receive(t, inboxId, { contact: { waId, userId: null, profileName: waId } });
      t.drainEvents();
      return conversationId;
    };
    const unmeasured = say(shop, '111'); // before any policy existed
    seedPolicy(t, { name: 'Standard', firstResponseMinutes: 120 });
    seedPolicy(t, { name: 'VIP line', firstResponseMinutes: 10, isDefault: false, match: { inboxId: vipLine } });
    const standard = say(shop, '222'); // due in 120 min
    t.clock.advance(30 * MINUTE);
    const fast = say(vipLine, '333'); // due in 10 min: 40 min after the standard one started
    expect(rowIds(await client.load('/conversations?sort=sla_due'))).toEqual([fast, standard, unmeasured]);
  });
});

describe('sort by SLA due query plan', () => {
  let t: TestApp;
  beforeAll(() => {
    t = createTestApp();
  });
  afterAll(() => t.cleanup());

  const planOf = (query: Parameters<typeof conversationListQuery>[1]) => {
    const { sql, params } = conversationListQuery(t.deps.db, query).toSQL();
    return (t.deps.sqlite.query(`EXPLAIN QUERY PLAN ${sql}`).all(...(params as never[])) as { detail: string }[]).map((r) => r.detail).join('\n');
  };

  test('open conversations by SLA due come straight from the expression index', () => {
    const plan = planOf({ statuses: ['open'], order: listOrder('sla_due'), limit: 25 });
    expect(plan).toContain('conversations_sla_due_idx');
    expect(plan).not.toContain('TEMP B-TREE');
  });

  test('the next page keeps using it', () => {
    const plan = planOf({ statuses: ['open'], order: listOrder('sla_due'), after: { lastMessageAt: 1_000, id: 'cnv_x' }, limit: 25 });
    expect(plan).not.toContain('TEMP B-TREE');
  });
});
