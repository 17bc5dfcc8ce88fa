import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/test-app';
import { seedInbox, receive } from './inbox-fixtures';
import { conversations, inboxes } from '../../src/conversations/conversations.tables';
import { inboxMembers } from '../../src/conversations/inbox-members.tables';
import {
  apiTokenViewer,
  canActOnConversation,
  canViewConversation,
  conversationVisibleTo,
  listViewerInboxIds,
  visibleConversationFilter,
  type InboxAccessFacts,
  type InboxViewer,
} from '../../src/conversations/inbox-access';
import type { Role } from '../../src/accounts/accounts.tables';

const viewer = (role: Role, id = 'usr_me'): InboxViewer => ({ user: { id, role } });
const facts = (over: Partial<InboxAccessFacts> = {}): InboxAccessFacts => ({ privateMode: false, privateShowsQueue: true, hasMembers: true, isMember: true, ...over });

describe('conversationVisibleTo (the pure rule)', () => {
  test('admins and supervisors see conversations of inboxes they are not members of', () => {
    expect(conversationVisibleTo(viewer('admin'), { assigneeId: 'usr_other' }, facts({ isMember: false, privateMode: true }))).toBe(true);
    expect(conversationVisibleTo(viewer('supervisor'), { assigneeId: 'usr_other' }, facts({ isMember: false, privateMode: true }))).toBe(true);
  });

  test('refuses analysts every conversation, even in an inbox with no members', () => {
    expect(conversationVisibleTo(viewer('analyst'), { assigneeId: null }, facts({ hasMembers: false, isMember: false }))).toBe(false);
  });

  test('refuses an agent who is not a member of an inbox that has members', () => {
    expect(conversationVisibleTo(viewer('agent'), { assigneeId: 'usr_me' }, facts({ isMember: false }))).toBe(false);
  });

  test('lets every agent into an inbox with no members at all', () => {
    expect(conversationVisibleTo(viewer('agent'), { assigneeId: 'usr_other' }, facts({ hasMembers: false, isMember: false }))).toBe(true);
  });

  test('in private mode an agent member sees their own conversations but not a colleague’s', () => {
    expect(conversationVisibleTo(viewer('agent'), { assigneeId: 'usr_me' }, facts({ privateMode: true }))).toBe(true);
    expect(conversationVisibleTo(viewer('agent'), { assigneeId: 'usr_other' }, facts({ privateMode: true }))).toBe(false);
  });

  test('in private mode the unassigned queue is shown only when the inbox allows it', () => {
    expect(conversationVisibleTo(viewer('agent'), { assigneeId: null }, facts({ privateMode: true, privateShowsQueue: true }))).toBe(true);
    expect(conversationVisibleTo(viewer('agent'), { assigneeId: null }, facts({ privateMode: true, privateShowsQueue: false }))).toBe(false);
  });

  test('refuses a missing viewer', () => {
    expect(conversationVisibleTo(undefined, { assigneeId: null }, facts())).toBe(false);
  });
});

describe('the rule against the database', () => {
  let t: TestApp;
  beforeEach(() => {
    t = createTestApp();
  });
  afterEach(() => t.cleanup());

  const addMember = (inboxId: string, userId: string) => t.deps.db.insert(inboxMembers).values({ inboxId, userId, addedAt: t.clock.now() }).run();
  const visibleIds = (v: InboxViewer | undefined) =>
    t.deps.db
      .select({ id: conversations.id })
      .from(conversations)
      .where(visibleConversationFilter(v))
      .all()
      .map((r) => r.id)
      .sort();

  /** Two inboxes: A (me a member, private with a queue), B (someone else's). Four conversations across them. */
  async function world() {
    const me = await t.signedIn('agent');
    const other = await t.signedIn('agent');
    const a = seedInbox(t, 'A').inboxId;
    const b = seedInbox(t, 'B').inboxId;
    addMember(a, me.userId);
    addMember(a, other.userId);
    addMember(b, other.userId);
    t.deps.db.update(inboxes).set({ privateMode: true }).where(eq(inboxes.id, a)).run();
    const conv = (inboxId: string, waId: string, assigneeId: string | null) => {
      const { conversationId } = receive(t, inboxId, { contact: { waId, userId: null, profileName: waId } });
      t.deps.db.update(conversations).set({ assigneeId }).where(eq(conversations.id, conversationId)).run();
      return conversationId;
    };
    return {
      me: viewer('agent', me.userId),
      a,
      b,
      mine: conv(a, '966500000011', me.userId),
      colleagues: conv(a, '966500000012', other.userId),
      queued: conv(a, '966500000013', null),
      foreign: conv(b, '966500000014', null),
    };
  }

  test('the SQL filter shows an agent exactly their own and queued conversations of their private inbox', async () => {
    const w = await world();
    expect(visibleIds(w.me)).toEqual([w.mine, w.queued].sort());
  });

  test('the SQL filter and canViewConversation agree on every conversation', async () => {
    const w = await world();
    const shown = new Set(visibleIds(w.me));
    for (const row of t.deps.db.select().from(conversations).all()) expect(canViewConversation(t.deps.db, w.me, row)).toBe(shown.has(row.id));
  });

  test('the SQL filter hides the queue once the inbox stops showing it', async () => {
    const w = await world();
    t.deps.db.update(inboxes).set({ privateShowsQueue: false }).where(eq(inboxes.id, w.a)).run();
    expect(visibleIds(w.me)).toEqual([w.mine]);
  });

  test('an inbox whose last member leaves opens to every agent', async () => {
    const w = await world();
    expect(canViewConversation(t.deps.db, w.me, { inboxId: w.b, assigneeId: null })).toBe(false);
    t.deps.db.delete(inboxMembers).where(eq(inboxMembers.inboxId, w.b)).run();
    expect(visibleIds(w.me)).toContain(w.foreign);
  });

  test('admins, supervisors and API tokens see everything; analysts and nobody see nothing', async () => {
    const w = await world();
    const all = [w.mine, w.colleagues, w.queued, w.foreign].sort();
    expect(visibleIds(viewer('admin'))).toEqual(all);
    expect(visibleIds(viewer('supervisor'))).toEqual(all);
    expect(visibleIds(apiTokenViewer({ id: 'tok_1' }))).toEqual(all);
    expect(visibleIds(viewer('analyst'))).toEqual([]);
    expect(visibleIds(undefined)).toEqual([]);
  });

  test('analysts may never act, even where they could otherwise see', async () => {
    const w = await world();
    expect(canActOnConversation(t.deps.db, viewer('analyst'), { inboxId: w.a, assigneeId: null })).toBe(false);
    expect(canActOnConversation(t.deps.db, w.me, { inboxId: w.a, assigneeId: w.me.user.id })).toBe(true);
    expect(canActOnConversation(t.deps.db, w.me, { inboxId: w.b, assigneeId: null })).toBe(false);
  });

  test('listViewerInboxIds gives an agent their inboxes and the memberless ones only', async () => {
    const w = await world();
    const open = seedInbox(t, 'Open').inboxId;
    expect(listViewerInboxIds(t.deps.db, w.me).sort()).toEqual([w.a, open].sort());
    expect(listViewerInboxIds(t.deps.db, viewer('supervisor')).sort()).toEqual([w.a, w.b, open].sort());
    expect(listViewerInboxIds(t.deps.db, viewer('analyst'))).toEqual([]);
  });

});
