import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { createTestApp, type TestApp } from '../support/test-app';
import { receive, seedInbox } from '../conversations/inbox-fixtures';
import { apiClient } from './api-fixtures';

let t: TestApp;
let api: ReturnType<typeof apiClient>;
beforeEach(() => {
  t = createTestApp();
  api = apiClient(t);
});
afterEach(() => t.cleanup());

function seedContacts() {
  const { inboxId } = seedInbox(t);
  const people = [
    ['966501234567', 'Sara Ahmed'],
    ['966509999999', 'Omar'],
    ['15550001111', '100%_sure'],
  ] as const;
  const ids: Record<string, string> = {};
  for (const [waId, profileName] of people) {
    t.clock.advance(1000);
    receive(t, inboxId, { contact: { waId, userId: null, profileName } });
    ids[profileName] = waId;
  }
  return ids;
}

const names = (json: Record<string, any> | null) => json!.data.map((c: { profile_name: string }) => c.profile_name);

describe('GET /api/v1/contacts', () => {
  test('answers 401 JSON without a token', async () => {
    expect((await api.anonymous('GET', '/api/v1/contacts')).status).toBe(401);
  });

  test('lists contacts newest first', async () => {
    seedContacts();
    expect(names((await api.get('/api/v1/contacts')).json)).toEqual(['100%_sure', 'Omar', 'Sara Ahmed']);
  });

  test('searches by name and by phone digits', async () => {
    seedContacts();
    expect(names((await api.get('/api/v1/contacts?q=sara')).json)).toEqual(['Sara Ahmed']);
    expect(names((await api.get(`/api/v1/contacts?q=${encodeURIComponent('+966 50 123')}`)).json)).toEqual(['Sara Ahmed']);
  });

  test('treats LIKE wildcards in the search as plain characters', async () => {
    seedContacts();
    expect(names((await api.get('/api/v1/contacts?q=%25')).json)).toEqual(['100%_sure']);
    expect(names((await api.get('/api/v1/contacts?q=_')).json)).toEqual(['100%_sure']);
  });

  test('pages with limit and cursor', async () => {
    seedContacts();
    const first = await api.get('/api/v1/contacts?limit=2');
    expect(names(first.json)).toEqual(['100%_sure', 'Omar']);
    const second = await api.get(`/api/v1/contacts?limit=2&cursor=${first.json!.next_cursor}`);
    expect(names(second.json)).toEqual(['Sara Ahmed']);
    expect(second.json!.next_cursor).toBeNull();
  });

  test('answers 422 to an over-long search', async () => {
    expect((await api.get(`/api/v1/contacts?q=${'a'.repeat(101)}`)).status).toBe(422);
  });
});

describe('GET /api/v1/contacts/:id', () => {
  test('reads one contact, and 404 JSON for an unknown id', async () => {
    seedContacts();
    const [first] = (await api.get('/api/v1/contacts')).json!.data as { id: string }[];
    const one = await api.get(`/api/v1/contacts/${first!.id}`);
    expect(one.json!.data).toMatchObject({ id: first!.id, profile_name: '100%_sure', wa_id: '15550001111', phone: '+15550001111' });
    const missing = await api.get('/api/v1/contacts/cnt_missing');
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ error: { code: 'not_found' } });
  });
});
