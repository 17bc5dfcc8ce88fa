import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/test-app';
import { conversationRow, receive, seedInbox } from '../conversations/inbox-fixtures';
import { seedTeam } from '../conversations/list-fixtures';
import { queueOutboundMessage } from '../../src/conversations/queue-outbound-message';
import { changeConversationStatus } from '../../src/conversations/change-conversation-status';
import { assignConversation } from '../../src/conversations/assign-conversation';
import { deleteSlaPolicy } from '../../src/sla/manage-sla-policies';
import { contacts } from '../../src/contacts/contacts.tables';
import { inboxes } from '../../src/conversations/conversations.tables';
import { calendars } from '../../src/business-hours/calendars/calendars.tables';
import { conversationSla } from '../../src/sla/sla.tables';
import { clocksOf, MINUTE, runningClock, runSlaJob, seedPolicy, signInSeeded } from './sla-fixtures';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.cleanup());

const HOUR = 60 * MINUTE;
const actor = { id: null, name: 'Test' };

function open(inboxId: string, waId = '966500000001') {
  const { conversationId } = receive(t, inboxId, { contact: { waId, userId: null, profileName: 'Sara' } });
  t.drainEvents();
  return conversationId;
}

function reply(conversationId: string, agentId: string) {
  queueOutboundMessage({ conversationId, author: { type: 'agent', id: agentId }, content: { kind: 'text', text: 'Hello' } }, t.deps);
  t.drainEvents();
}

describe('SLA clocks follow the conversation', () => {
  test('opening starts first response and resolution, due by their targets', () => {
    seedPolicy(t, { firstResponseMinutes: 30, resolutionMinutes: 240 });
    const { inboxId } = seedInbox(t);
    const start = t.clock.now();
    const id = open(inboxId);
    expect(runningClock(t, id, 'first_response')).toMatchObject({ dueAt: start + 30 * MINUTE, warnAt: start + 24 * MINUTE });
    expect(runningClock(t, id, 'resolution')?.dueAt).toBe(start + 240 * MINUTE);
    expect(conversationRow(t, id)).toMatchObject({ slaDueAt: start + 30 * MINUTE, slaState: 'ok' });
  });

  test('no policy, no clocks', () => {
    const { inboxId } = seedInbox(t);
    const id = open(inboxId);
    expect(clocksOf(t, id)).toEqual([]);
    expect(conversationRow(t, id).slaDueAt).toBeNull();
  });

  test('a customer message before any agent reply starts no next-response clock', async () => {
    seedPolicy(t, { nextResponseMinutes: 15 });
    const { inboxId } = seedInbox(t);
    const id = open(inboxId);
    t.clock.advance(MINUTE);
    receive(t, inboxId);
    t.drainEvents();
    expect(runningClock(t, id, 'next_response')).toBeUndefined();
  });

  test('a customer message after an agent reply starts next response; the next agent reply stops it', async () => {
    seedPolicy(t, { nextResponseMinutes: 15 });
    const { userId } = await signInSeeded(t, 'admin');
    const { inboxId } = seedInbox(t);
    const id = open(inboxId);
    reply(id, userId);
    expect(runningClock(t, id, 'first_response')).toBeUndefined();
    t.clock.advance(5 * MINUTE);
    const asked = t.clock.now();
    receive(t, inboxId);
    t.drainEvents();
    expect(runningClock(t, id, 'next_response')?.dueAt).toBe(asked + 15 * MINUTE);
    t.clock.advance(5 * MINUTE);
    reply(id, userId);
    expect(runningClock(t, id, 'next_response')).toBeUndefined();
    expect(clocksOf(t, id).find((c) => c.target === 'next_response')).toMatchObject({ stoppedAt: t.clock.now(), breachedAt: null });
  });

  test('pending pauses resolution and reopening resumes it with the paused time added', () => {
    seedPolicy(t, { firstResponseMinutes: null, resolutionMinutes: 60 });
    const { inboxId } = seedInbox(t);
    const start = t.clock.now();
    const id = open(inboxId);
    t.clock.advance(20 * MINUTE);
    changeConversationStatus({ conversationId: id, status: 'pending', actor }, t.deps);
    t.drainEvents();
    expect(runningClock(t, id, 'resolution')).toMatchObject({ runningSince: null, dueAt: null, usedMs: 20 * MINUTE });
    expect(conversationRow(t, id).slaDueAt).toBeNull();
    t.clock.advance(3 * HOUR);
    changeConversationStatus({ conversationId: id, status: 'open', actor }, t.deps);
    t.drainEvents();
    expect(runningClock(t, id, 'resolution')?.dueAt).toBe(start + 3 * HOUR + 60 * MINUTE);
  });

  test('resolving stops every clock and clears the list’s deadline', () => {
    seedPolicy(t, { firstResponseMinutes: 30, resolutionMinutes: 240 });
    const { inboxId } = seedInbox(t);
    const id = open(inboxId);
    changeConversationStatus({ conversationId: id, status: 'resolved', actor }, t.deps);
    t.drainEvents();
    expect(clocksOf(t, id).every((c) => c.stoppedAt !== null)).toBe(true);
    expect(conversationRow(t, id)).toMatchObject({ slaDueAt: null, slaState: null });
  });

  test('reopening a resolved conversation carries its resolution clock on', () => {
    seedPolicy(t, { firstResponseMinutes: null, resolutionMinutes: 60 });
    const { inboxId } = seedInbox(t);
    const id = open(inboxId);
    t.clock.advance(40 * MINUTE);
    changeConversationStatus({ conversationId: id, status: 'resolved', actor }, t.deps);
    t.drainEvents();
    t.clock.advance(HOUR);
    changeConversationStatus({ conversationId: id, status: 'open', actor }, t.deps);
    t.drainEvents();
    expect(runningClock(t, id, 'resolution')).toMatchObject({ usedMs: 40 * MINUTE, dueAt: t.clock.now() + 20 * MINUTE });
  });

  test('a VIP customer gets the VIP policy', () => {
    seedPolicy(t, { name: 'Standard', firstResponseMinutes: 60 });
    const vip = seedPolicy(t, { name: 'VIP', firstResponseMinutes: 10, isDefault: false, match: { vip: true } });
    const { inboxId } = seedInbox(t);
    const first = open(inboxId);
    expect(runningClock(t, first, 'first_response')?.policyId).not.toBe(vip);
    changeConversationStatus({ conversationId: first, status: 'resolved', actor }, t.deps);
    t.deps.db.update(contacts).set({ vip: true }).run();
    t.clock.advance(MINUTE);
    const second = open(inboxId);
    expect(runningClock(t, second, 'first_response')).toMatchObject({ policyId: vip, dueAt: t.clock.now() + 10 * MINUTE });
  });

  test('moving to a team with its own policy retargets the running clock, keeping its start', async () => {
    const { userId } = await signInSeeded(t, 'admin', 'Admin');
    seedPolicy(t, { name: 'Standard', firstResponseMinutes: 60 });
    const team = seedTeam(t, 'Priority desk');
    const fast = seedPolicy(t, { name: 'Fast', firstResponseMinutes: 15, isDefault: false, match: { teamId: team } });
    const { inboxId } = seedInbox(t);
    const start = t.clock.now();
    const id = open(inboxId);
    t.clock.advance(5 * MINUTE);
    assignConversation({ conversationId: id, teamId: team, actor: { id: userId, name: 'Admin', role: 'admin' } }, t.deps);
    t.drainEvents();
    expect(runningClock(t, id, 'first_response')).toMatchObject({ policyId: fast, dueAt: start + 15 * MINUTE });
    expect(t.deps.db.select().from(conversationSla).where(eq(conversationSla.conversationId, id)).get()?.policyId).toBe(fast);
  });

  test('a business-hours policy runs on the inbox’s calendar: a Friday message is due on Sunday morning', () => {
    const definition = { timeZone: 'Asia/Riyadh', weekly: { sunday: [{ start: '09:00', end: '17:00' }], monday: [], tuesday: [], wednesday: [], thursday: [], friday: [], saturday: [] }, holidays: [] };
    t.deps.db.insert(calendars).values({ id: 'cal_shop', name: 'Shop', definition: JSON.stringify(definition), createdAt: 0, updatedAt: 0 }).run();
    seedPolicy(t, { firstResponseMinutes: 30, clock: 'business' });
    const { inboxId } = seedInbox(t);
    t.deps.db.update(inboxes).set({ calendarId: 'cal_shop' }).where(eq(inboxes.id, inboxId)).run();
    t.clock.set(Date.parse('2026-11-06T12:00:00+03:00'));
    const id = open(inboxId);
    expect(runningClock(t, id, 'first_response')?.dueAt).toBe(Date.parse('2026-11-08T09:30:00+03:00'));
  });

  test('deleting the only policy stops measuring its conversations', () => {
    const policy = seedPolicy(t);
    const { inboxId } = seedInbox(t);
    const id = open(inboxId);
    deleteSlaPolicy(policy, { id: null, label: 'test' }, t.deps);
    t.clock.advance(HOUR);
    expect(runSlaJob(t).breached).toBe(0);
    expect(clocksOf(t, id)[0]).toMatchObject({ cancelled: true });
    expect(conversationRow(t, id).slaDueAt).toBeNull();
  });
});

test('the list badge turns into “reply needs a template” once the window closed on a waiting customer', async () => {
  seedPolicy(t, { firstResponseMinutes: 48 * 60 });
  const { client } = await signInSeeded(t, 'admin');
  const { inboxId } = seedInbox(t);
  open(inboxId);
  expect(await client.load('/conversations')).toContain('Window closes first');
  t.clock.advance(25 * HOUR);
  // A day later the first session has expired: sign in again.
  const html = await (await signInSeeded(t, 'admin')).client.load('/conversations');
  expect(html).toContain('Reply needs a template');
  expect(html).toMatch(/class="badge sla ok"[^>]*>SLA 23 h 0 m</);
});

test('a reply after the deadline counts as a breach even before the job noticed it', async () => {
  seedPolicy(t, { firstResponseMinutes: 30 });
  const { userId } = await signInSeeded(t, 'agent');
  const { inboxId } = seedInbox(t);
  const start = t.clock.now();
  const id = open(inboxId);
  t.clock.advance(30 * MINUTE + 20_000);
  reply(id, userId);
  expect(clocksOf(t, id)[0]).toMatchObject({ stoppedAt: t.clock.now(), breachedAt: start + 30 * MINUTE, usedMs: 30 * MINUTE + 20_000 });
});
