import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/test-app';
import type { TestClient } from '../support/test-client';
import { receive, seedInbox } from '../conversations/inbox-fixtures';
import { createApiToken } from '../../src/accounts/api-tokens';

/**
 * SQL and FTS5 injection in every filter, sort, search and paging parameter of the inbox list and the API: each
 * hostile value is either ignored (allowlists, id patterns) or bound as data, so the answer is never a 500, no row
 * changes, and a search for the payload finds only conversations that really contain it (none here).
 */
const PAYLOADS = [
  "' OR '1'='1",
  "1; DROP TABLE conversations; --",
  '" OR ""="',
  "') UNION SELECT id, password_hash FROM users --",
  '%',
  '_',
  '*',
  '"',
  'NEAR(a b)',
  'a OR b NOT c',
  '^hello',
  'x\u0000y',
  "\\'; --",
  '\u202e\u200bDROP',
];
const LIST_PARAMS = ['view', 'status', 'label', 'priority', 'assignee', 'sort', 'q', 'cursor'];

let t: TestApp;
let admin: TestClient;
let apiToken: string;

const counts = () =>
  Object.fromEntries(['conversations', 'messages', 'users', 'contacts', 'sessions'].map((table) => [table, t.deps.db.get<{ n: number }>(sql.raw(`select count(*) as n from ${table}`))!.n]));

beforeAll(async () => {
  t = createTestApp();
  ({ client: admin } = await t.signedIn('admin'));
  const { inboxId } = seedInbox(t);
  // No word here is a prefix of a word in the payloads, so any row a payload finds would be a leak.
  receive(t, inboxId, { body: 'Where is my parcel?' });
  receive(t, inboxId, { body: 'مرحبا، أين طلبي؟', contact: { waId: '966500000002', userId: null, profileName: 'Huda' } });
  apiToken = createApiToken({ name: 'probe' }, { id: null, label: 'test' }, t.deps).token;
});
afterAll(() => t.cleanup());

describe('SQL and FTS5 injection', () => {
  test('no list parameter turns a hostile value into an error or a change, for pages and htmx fragments', async () => {
    const before = counts();
    const failures: string[] = [];
    for (const name of LIST_PARAMS) {
      for (const payload of PAYLOADS) {
        for (const htmx of [false, true]) {
          const response = await admin.get(`/conversations?${new URLSearchParams({ [name]: payload })}`, { htmx });
          await response.arrayBuffer();
          if (response.status >= 500) failures.push(`${name}=${JSON.stringify(payload)} (htmx ${htmx}) → ${response.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(counts()).toEqual(before);
  });

  test('searching for a payload finds nothing, instead of every conversation', async () => {
    const leaks: string[] = [];
    for (const payload of PAYLOADS) {
      const html = await (await admin.get(`/conversations?${new URLSearchParams({ q: payload })}`, { htmx: true })).text();
      const rows = html.match(/id="conversation-cnv_/g)?.length ?? 0;
      if (rows > 0) leaks.push(`${JSON.stringify(payload)} → ${rows} rows`);
    }
    expect(leaks).toEqual([]);
  });

  test('a real search still works around the hostile ones', async () => {
    const html = await (await admin.get('/conversations?q=parcel', { htmx: true })).text();
    expect(html.match(/id="conversation-cnv_/g)?.length).toBe(1);
  });

  test('the API list and its paging cursor answer 200 or 4xx to every payload, and change nothing', async () => {
    const before = counts();
    const failures: string[] = [];
    for (const name of ['status', 'inbox_id', 'assignee_id', 'cursor', 'limit', 'q', 'updated_since']) {
      for (const payload of PAYLOADS) {
        const response = await t.app.handle(new Request(`http://localhost/api/v1/conversations?${new URLSearchParams({ [name]: payload })}`, { headers: { authorization: `Bearer ${apiToken}` } }));
        await response.arrayBuffer();
        if (response.status >= 500) failures.push(`${name}=${JSON.stringify(payload)} → ${response.status}`);
      }
    }
    expect(failures).toEqual([]);
    expect(counts()).toEqual(before);
  });

  test('settings lists with search or sort parameters shrug off the payloads too', async () => {
    const failures: string[] = [];
    for (const path of ['/settings/audit', '/settings/webhooks', '/settings/users', '/notifications']) {
      for (const payload of PAYLOADS) {
        const response = await admin.get(`${path}?${new URLSearchParams({ q: payload, status: payload, action: payload, cursor: payload, page: payload })}`);
        await response.arrayBuffer();
        if (response.status >= 500) failures.push(`${path} ${JSON.stringify(payload)} → ${response.status}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
