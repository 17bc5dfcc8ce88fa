import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/test-app';
import type { TestClient } from '../support/test-client';
import { seedInbox, receive } from '../conversations/inbox-fixtures';
import { auditLog } from '../../src/audit/audit.tables';
import { conversations, inboxes, media } from '../../src/conversations/conversations.tables';
import { inboxMembers } from '../../src/conversations/inbox-members.tables';
import { storeMediaFile } from '../../src/conversations/media-files';

/**
 * Proof against IDOR: an agent who is not a member of inbox B fires every conversation and media route of the REAL
 * route table with B's ids. Each must answer 404 (or 403 for a role refusal) and change nothing in the database.
 */
let t: TestApp;
let outsider: TestClient;
let insider: TestClient;
let analyst: TestClient;
let ids: { conversation: string; message: string; media: string; ownConversation: string; insiderId: string; outsiderId: string; inboxB: string };
let routes: { method: string; path: string }[];

/** Tables whose row counts must not move when a refused request comes in (refusals may write audit lines, sessions get touched). */
const IGNORED_TABLES = new Set(['audit_log', 'sessions', 'login_throttle', '__drizzle_migrations']);

const tableCounts = () => {
  const names = t.deps.sqlite.query<{ name: string }, []>("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").all();
  return Object.fromEntries(names.filter((n) => !IGNORED_TABLES.has(n.name)).map((n) => [n.name, t.deps.sqlite.query<{ c: number }, []>(`select count(*) as c from "${n.name}"`).get()!.c]));
};
const conversationB = () => t.deps.db.select().from(conversations).where(eq(conversations.id, ids.conversation)).get();

/** Puts B's ids into a route pattern; parameters that name something else get a harmless placeholder. */
function concrete(path: string) {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    if (name === 'id' || name === 'conversationId') return ids.conversation;
    if (name === 'messageId') return ids.message;
    if (name === 'mediaId') return ids.media;
    return 'x_placeholder';
  });
}

async function fire(client: TestClient, method: string, path: string, htmx = false) {
  if (method === 'GET') return client.get(concrete(path), { htmx });
  return client.request(concrete(path), { method, form: validLookingForm(), htmx });
}

/** Plausible values for every action form, so a request gets past input validation to the access check it must fail. */
const validLookingForm = () => ({
  text: 'leak',
  note: 'leak',
  status: 'resolved',
  assignee: ids.outsiderId,
  assigneeId: ids.outsiderId,
  team: 'none',
  to: `agent:${ids.outsiderId}`,
  priority: 'high',
  until: '2030-01-01T10:00',
  template: 'x',
});

beforeAll(async () => {
  t = createTestApp();
  await t.signedIn('admin');
  const out = await t.signedIn('agent');
  const inn = await t.signedIn('agent');
  outsider = out.client;
  insider = inn.client;
  analyst = (await t.signedIn('analyst')).client;
  const inboxA = seedInbox(t, 'Alpha Sales').inboxId;
  const inboxB = seedInbox(t, 'Bravo Secret Desk').inboxId;
  t.deps.db.insert(inboxMembers).values([
    { inboxId: inboxA, userId: out.userId, addedAt: t.clock.now() },
    { inboxId: inboxB, userId: inn.userId, addedAt: t.clock.now() },
  ]).run();
  const own = receive(t, inboxA, { contact: { waId: '966500000101', userId: null, profileName: 'Own customer' } });
  const foreign = receive(t, inboxB, { contact: { waId: '966500000202', userId: null, profileName: 'Foreign customer' }, body: 'secret order' });
  const withFile = receive(t, inboxB, {
    contact: { waId: '966500000202', userId: null, profileName: 'Foreign customer' },
    kind: 'image',
    body: '',
    content: { mimeType: 'image/png' },
    media: { waMediaId: 'wm-foreign', mimeType: 'image/png' },
  });
  const hash = await storeMediaFile(join(t.deps.config.dataDir, 'media'), new TextEncoder().encode('foreign picture'));
  t.deps.db.update(media).set({ status: 'downloaded', contentHash: hash, bytes: 15 }).where(eq(media.id, withFile.mediaId!)).run();
  ids = {
    conversation: foreign.conversationId,
    message: foreign.messageId,
    media: withFile.mediaId!,
    ownConversation: own.conversationId,
    insiderId: inn.userId,
    outsiderId: out.userId,
    inboxB,
  };
  routes = t.app.routes
    .map((r) => ({ method: r.method, path: r.path }))
    .filter((r) => /^\/(conversations|media)\//.test(r.path) && /:\w+/.test(r.path));
});
afterAll(() => t.cleanup());

describe('a foreign conversation by id, in every route and fragment', () => {
  test('the route table holds conversation and media routes with ids to check', () => {
    const paths = routes.map((r) => `${r.method} ${r.path}`);
    expect(paths).toContain('GET /conversations/:id');
    expect(paths).toContain('POST /conversations/:id/messages');
    expect(paths).toContain('GET /media/:mediaId');
  });

  test('the ids are real: a member of inbox B opens the conversation and its file', async () => {
    expect((await insider.get(`/conversations/${ids.conversation}`)).status).toBe(200);
    const file = await insider.get(`/media/${ids.media}`);
    expect(file.status).toBe(200);
    expect(await file.text()).toBe('foreign picture');
  });

  test('the outsider’s forms are accepted where they may act, so refusals below are not CSRF failures', async () => {
    await outsider.load(`/conversations/${ids.ownConversation}`);
    const response = await outsider.post(`/conversations/${ids.ownConversation}/notes`, { note: 'fine here' });
    expect(response.status).toBe(303);
  });

  test('refuses every route with 404 or a role 403 and changes nothing, for plain and htmx requests', async () => {
    await outsider.load(`/conversations/${ids.ownConversation}`);
    const before = tableCounts();
    const rowBefore = conversationB();
    const leaks: string[] = [];
    for (const { method, path } of routes) {
      for (const htmx of [false, true]) {
        const response = await fire(outsider, method, path, htmx);
        const body = await response.text();
        if (![403, 404].includes(response.status) || body.includes('secret order') || body.includes('Foreign customer')) leaks.push(`${method} ${path}${htmx ? ' (htmx)' : ''} → ${response.status}`);
      }
    }
    expect(leaks).toEqual([]);
    expect(tableCounts()).toEqual(before);
    expect(conversationB()).toEqual(rowBefore);
  });

  test('never answers 403 where a 404 is due, so ids of other inboxes cannot be probed', async () => {
    const foreign = await outsider.get(`/conversations/${ids.conversation}`);
    const missing = await outsider.get('/conversations/cnv_does_not_exist');
    expect(foreign.status).toBe(404);
    expect(missing.status).toBe(404);
    expect((await outsider.get(`/media/${ids.media}`)).status).toBe(404);
  });

  test('analysts get 403 on every inbox route and nothing changes', async () => {
    await analyst.load('/settings/profile');
    const before = tableCounts();
    const rowBefore = conversationB();
    const inboxRoutes = t.app.routes.filter((r) => /^\/(conversations|media)(\/|$)/.test(r.path));
    const wrong: string[] = [];
    for (const { method, path } of inboxRoutes) {
      const response = await fire(analyst, method, path);
      if (response.status !== 403) wrong.push(`${method} ${path} → ${response.status}`);
    }
    expect(wrong).toEqual([]);
    expect(tableCounts()).toEqual(before);
    expect(conversationB()).toEqual(rowBefore);
  });
});

describe('the conversation list', () => {
  test('never shows another inbox’s conversations, even when asked for that inbox', async () => {
    const all = await outsider.get('/conversations');
    const asked = await outsider.get(`/conversations?inbox=${ids.inboxB}`);
    const allHtml = await all.text();
    expect(allHtml).toContain(ids.ownConversation);
    expect(allHtml).not.toContain(ids.conversation);
    expect(allHtml).not.toContain('Bravo Secret Desk');
    expect(await asked.text()).not.toContain(ids.conversation);
  });

  test('never shows another inbox’s conversations in the htmx rows fragment or in search results', async () => {
    const rows = await outsider.get(`/conversations?inbox=${ids.inboxB}`, { htmx: true });
    const found = await outsider.get('/conversations?q=secret', { htmx: true });
    const byName = await outsider.get('/conversations?q=Foreign');
    expect(await (await insider.get('/conversations?q=Foreign')).text()).toContain(ids.conversation);
    expect(rows.status).toBe(200);
    expect(found.status).toBe(200);
    for (const html of [await rows.text(), await found.text(), await byName.text()]) {
      expect(html).not.toContain(ids.conversation);
      expect(html).not.toContain('Foreign customer');
    }
  });

  // Covers bulk actions and any later list-level POST: they carry ids in the body, not the path.
  test('list actions that take conversation ids in the form change nothing in another inbox', async () => {
    const bodyRoutes = t.app.routes.filter((r) => r.method !== 'GET' && /^\/conversations(\/[\w-]+)*$/.test(r.path) && !/:\w+/.test(r.path));
    await outsider.load(`/conversations/${ids.ownConversation}`);
    const before = tableCounts();
    const rowBefore = conversationB();
    const id = ids.conversation;
    for (const { method, path } of bodyRoutes) {
      const form = { ids: id, id, conversationId: id, conversationIds: id, conversation_ids: id, action: 'status', status: 'resolved', assigneeId: ids.outsiderId, priority: 'urgent' };
      await outsider.request(path, { method, form });
      await outsider.request(path, { method, form: { ...form, action: 'assign' } });
    }
    expect(tableCounts()).toEqual(before);
    expect(conversationB()).toEqual(rowBefore);
  });

  test('shows the member of inbox B its conversations', async () => {
    expect(await (await insider.get('/conversations')).text()).toContain(ids.conversation);
  });
});

describe('private mode', () => {
  async function privateInbox(showsQueue: boolean) {
    const me = await t.signedIn('agent');
    const colleague = await t.signedIn('agent');
    const inboxId = seedInbox(t, 'Private').inboxId;
    t.deps.db.update(inboxes).set({ privateMode: true, privateShowsQueue: showsQueue }).where(eq(inboxes.id, inboxId)).run();
    t.deps.db.insert(inboxMembers).values([
      { inboxId, userId: me.userId, addedAt: t.clock.now() },
      { inboxId, userId: colleague.userId, addedAt: t.clock.now() },
    ]).run();
    const conv = (waId: string, assigneeId: string | null) => {
      const { conversationId } = receive(t, inboxId, { contact: { waId, userId: null, profileName: waId } });
      t.deps.db.update(conversations).set({ assigneeId }).where(eq(conversations.id, conversationId)).run();
      return conversationId;
    };
    const stamp = `9665${Math.floor(t.clock.now() % 1_000_000)}`;
    return { me: me.client, mine: conv(`${stamp}1`, me.userId), theirs: conv(`${stamp}2`, colleague.userId), queued: conv(`${stamp}3`, null) };
  }

  test('hides a colleague’s conversations from the list and by id', async () => {
    const p = await privateInbox(true);
    const html = await (await p.me.get('/conversations')).text();
    expect(html).toContain(p.mine);
    expect(html).not.toContain(p.theirs);
    expect((await p.me.get(`/conversations/${p.theirs}`)).status).toBe(404);
  });

  test('shows the unassigned queue when the inbox allows it', async () => {
    const p = await privateInbox(true);
    expect(await (await p.me.get('/conversations')).text()).toContain(p.queued);
    expect((await p.me.get(`/conversations/${p.queued}`)).status).toBe(200);
  });

  test('hides the unassigned queue when the inbox does not allow it', async () => {
    const p = await privateInbox(false);
    expect(await (await p.me.get('/conversations')).text()).not.toContain(p.queued);
    expect((await p.me.get(`/conversations/${p.queued}`)).status).toBe(404);
  });
});

describe('inbox settings', () => {
  test('refuse agents, supervisors and analysts with 403 on every inbox settings route', async () => {
    const settingsRoutes = t.app.routes.filter((r) => r.path.startsWith('/settings/inboxes'));
    expect(settingsRoutes.length).toBeGreaterThanOrEqual(4);
    const wrong: string[] = [];
    for (const role of ['agent', 'supervisor', 'analyst'] as const) {
      const { client } = await t.signedIn(role);
      const membersBefore = t.deps.db.select().from(inboxMembers).all().length;
      for (const { method, path } of settingsRoutes) {
        const url = path.replace(':id', ids.inboxB).replace(':userId', ids.insiderId);
        const response = method === 'GET' ? await client.get(url) : await client.post(url, { userId: ids.outsiderId, privateMode: '1' });
        if (response.status !== 403) wrong.push(`${role} ${method} ${path} → ${response.status}`);
      }
      expect(t.deps.db.select().from(inboxMembers).all().length).toBe(membersBefore);
    }
    expect(wrong).toEqual([]);
  });

  test('lists every inbox with its member count and privacy for an admin', async () => {
    const { client } = await t.signedIn('admin');
    const response = await client.get('/settings/inboxes');
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain(`/settings/inboxes/${ids.inboxB}`);
    expect(html).toContain('Private');
  });

  test('audits adding a member, removing one and changing private mode', async () => {
    const { client } = await t.signedIn('admin');
    const { userId } = await t.signedIn('agent');
    await client.load(`/settings/inboxes/${ids.inboxB}`);
    const actions = () => t.deps.db.select({ action: auditLog.action }).from(auditLog).where(sql`${auditLog.targetId} = ${ids.inboxB}`).all().map((r) => r.action);
    expect((await client.post(`/settings/inboxes/${ids.inboxB}/members`, { userId })).status).toBe(303);
    expect(t.deps.db.select().from(inboxMembers).where(sql`${inboxMembers.userId} = ${userId}`).all()).toHaveLength(1);
    expect((await client.post(`/settings/inboxes/${ids.inboxB}/members/${userId}/remove`)).status).toBe(303);
    expect(t.deps.db.select().from(inboxMembers).where(sql`${inboxMembers.userId} = ${userId}`).all()).toHaveLength(0);
    expect((await client.post(`/settings/inboxes/${ids.inboxB}/settings`, { privateMode: '1', privateShowsQueue: '1' })).status).toBe(303);
    expect(t.deps.db.select().from(inboxes).where(eq(inboxes.id, ids.inboxB)).get()!.privateMode).toBe(true);
    expect(actions()).toEqual(expect.arrayContaining(['inbox.member_added', 'inbox.member_removed', 'inbox.settings_changed']));
    await client.post(`/settings/inboxes/${ids.inboxB}/settings`, { privateShowsQueue: '1' });
  });

  test('refuses to add an analyst as a member with 422 and adds nobody', async () => {
    const { client } = await t.signedIn('admin');
    const { userId } = await t.signedIn('analyst');
    await client.load(`/settings/inboxes/${ids.inboxB}`);
    const response = await client.post(`/settings/inboxes/${ids.inboxB}/members`, { userId });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('Choose an active agent or supervisor.');
    expect(t.deps.db.select().from(inboxMembers).where(sql`${inboxMembers.userId} = ${userId}`).all()).toHaveLength(0);
  });
});
