import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/test-app';
import { seedInbox, receive } from '../conversations/inbox-fixtures';
import { conversations, messages } from '../../src/conversations/conversations.tables';
import { contacts } from '../../src/contacts/contacts.tables';
import { users } from '../../src/accounts/accounts.tables';
import { teams, teamMembers } from '../../src/teams/teams.tables';
import { teamPolicies } from '../../src/teams/team-policies.tables';
import { DEFAULT_NOTICES, type TeamNotices } from '../../src/teams/team-notices';
import { runInTransaction } from '../../src/platform/db/client';
import { recordHeartbeat } from '../../src/live/presence.repository';
import { saveBusinessSettings } from '../../src/settings/business-settings';
import { queueOutboundMessage } from '../../src/conversations/queue-outbound-message';
import { queueAssignmentNotices, noticeLanguageFor, type AssignmentNotice } from '../../src/assignment/customer-notices';

const MINUTE = 60_000;
let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.cleanup());

const BOTH_ON: TeamNotices = { assigned: { ...DEFAULT_NOTICES.assigned, enabled: true }, queued: { ...DEFAULT_NOTICES.queued, enabled: true } };

function seedTeam(notices: TeamNotices | null = BOTH_ON) {
  const teamId = t.deps.newId('team');
  const now = t.clock.now();
  t.deps.db.insert(teams).values({ id: teamId, name: `Team ${teamId}`, createdAt: now, updatedAt: now }).run();
  if (notices) t.deps.db.insert(teamPolicies).values({ teamId, notices: JSON.stringify(notices), updatedAt: now }).run();
  return teamId;
}

function seedOnlineAgent(teamId: string, name: string) {
  const id = t.deps.newId('usr');
  const now = t.clock.now();
  t.deps.db.insert(users).values({ id, email: `${id}@example.com`, name, role: 'agent', passwordHash: 'x', createdAt: now, updatedAt: now }).run();
  t.deps.db.insert(teamMembers).values({ teamId, userId: id, addedAt: now }).run();
  recordHeartbeat(t.deps.db, id, { now, active: true });
  return id;
}

/** A customer's live conversation in `teamId`, its window open; `locale` is their WhatsApp language. */
function seedConversation(teamId: string | null, locale = '') {
  const { inboxId } = seedInbox(t);
  const { conversationId } = receive(t, inboxId);
  const row = t.deps.db.update(conversations).set({ teamId }).where(eq(conversations.id, conversationId)).returning().get()!;
  t.deps.db.update(contacts).set({ locale }).where(eq(contacts.id, row.contactId)).run();
  return { conversationId, inboxId, contactId: row.contactId };
}

/** Earlier answered conversations of the team: first responses after these many minutes. */
function seedHistory(teamId: string, inboxId: string, contactId: string, responseMinutes: number[]) {
  const now = t.clock.now();
  for (const [i, minutes] of responseMinutes.entries()) {
    const createdAt = now - (i + 1) * 60 * MINUTE;
    t.deps.db
      .insert(conversations)
      .values({ id: t.deps.newId('cnv'), inboxId, contactId, status: 'resolved', teamId, createdAt, updatedAt: createdAt, lastMessageAt: createdAt, firstResponseAt: createdAt + minutes * MINUTE })
      .run();
  }
}

const run = (notices: AssignmentNotice[]) => runInTransaction(t.deps.db, (tx) => queueAssignmentNotices(tx, { clock: t.clock, newId: t.deps.newId }, notices));

const automaticTexts = (conversationId: string) =>
  t.deps.db
    .select({ body: messages.body })
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.authorType, 'automation')))
    .all()
    .map((m) => m.body);

describe('the assigned notice', () => {
  test('tells the customer who they are chatting with and the team’s usual reply time', () => {
    const teamId = seedTeam();
    const { conversationId, inboxId, contactId } = seedConversation(teamId);
    seedHistory(teamId, inboxId, contactId, [3, 7, 12]);
    expect(run([{ conversationId, kind: 'assigned', agentName: 'Huda' }])).toBe(true);
    expect(automaticTexts(conversationId)).toEqual(["You're now chatting with Huda; we usually reply within 7 minutes."]);
  });

  test('promises the fallback reply time when the team has no history', () => {
    const { conversationId } = seedConversation(seedTeam());
    run([{ conversationId, kind: 'assigned', agentName: 'Huda' }]);
    expect(automaticTexts(conversationId)).toEqual(["You're now chatting with Huda; we usually reply within 5 minutes."]);
  });

  test('is queued as a text message in the outbox, from automation', () => {
    const { conversationId } = seedConversation(seedTeam());
    run([{ conversationId, kind: 'assigned', agentName: 'Huda' }]);
    const row = t.deps.db.select().from(messages).where(and(eq(messages.conversationId, conversationId), eq(messages.authorType, 'automation'))).get()!;
    expect(row).toMatchObject({ direction: 'out', kind: 'text', status: 'queued', authorId: null });
  });
});

describe('the queued notice', () => {
  test('gives the position and the wait shared across the agents online', () => {
    const teamId = seedTeam();
    const { conversationId, inboxId, contactId } = seedConversation(teamId);
    seedHistory(teamId, inboxId, contactId, [4, 4, 4]);
    seedOnlineAgent(teamId, 'A');
    seedOnlineAgent(teamId, 'B');
    run([{ conversationId, kind: 'queued', position: 3, teamId }]);
    expect(automaticTexts(conversationId)).toEqual(["We're busier than usual — you're number 3, about 6 minutes."]);
  });

  test('uses the team it was queued in when the conversation row has none yet', () => {
    const teamId = seedTeam();
    const { conversationId } = seedConversation(null);
    run([{ conversationId, kind: 'queued', position: 1, teamId }]);
    expect(automaticTexts(conversationId)).toEqual(["We're busier than usual — you're number 1, about 5 minutes."]);
  });

  test('sends nothing for a conversation without a team', () => {
    const { conversationId } = seedConversation(null);
    expect(run([{ conversationId, kind: 'queued', position: 1, teamId: null }])).toBe(false);
    expect(automaticTexts(conversationId)).toEqual([]);
  });
});

describe('the customer’s language', () => {
  test('writes in Arabic to a customer whose WhatsApp is in Arabic', () => {
    const { conversationId } = seedConversation(seedTeam(), 'ar_SA');
    run([{ conversationId, kind: 'assigned', agentName: 'هدى' }]);
    expect(automaticTexts(conversationId)).toEqual(['أنت الآن تتحدث مع هدى، وعادةً نرد خلال 5 دقائق.']);
  });

  test('writes in the business’s default language to everyone else', () => {
    saveBusinessSettings({ businessName: 'Souq', timeZone: 'Asia/Riyadh', defaultLocale: 'ar' }, { id: null, label: 'test' }, t.deps);
    const { conversationId } = seedConversation(seedTeam(), '');
    run([{ conversationId, kind: 'queued', position: 2, teamId: null }]);
    expect(automaticTexts(conversationId)[0]).toStartWith('لدينا ضغط أكبر من المعتاد — ترتيبك 2');
  });

  test('writes English when the business default is English and the customer is not Arabic', () => {
    const { conversationId } = seedConversation(seedTeam(), 'fr_FR');
    run([{ conversationId, kind: 'assigned', agentName: 'Huda' }]);
    expect(automaticTexts(conversationId)[0]).toStartWith("You're now chatting with Huda");
  });

  test('recognises Arabic locales whatever their case or region', () => {
    expect(['ar', 'AR_eg', ' ar-AE'].map((locale) => noticeLanguageFor(locale, 'en'))).toEqual(['ar', 'ar', 'ar']);
  });
});

describe('when nothing is sent', () => {
  test('skips a notice the team switched off', () => {
    const teamId = seedTeam({ ...BOTH_ON, assigned: { ...BOTH_ON.assigned, enabled: false } });
    const { conversationId } = seedConversation(teamId);
    expect(run([{ conversationId, kind: 'assigned', agentName: 'Huda' }])).toBe(false);
    expect(automaticTexts(conversationId)).toEqual([]);
  });

  test('skips both notices for a team that never saved a policy (they start switched off)', () => {
    const { conversationId } = seedConversation(seedTeam(null));
    expect(run([{ conversationId, kind: 'assigned', agentName: 'Huda' }, { conversationId, kind: 'queued', position: 1, teamId: null }])).toBe(false);
    expect(automaticTexts(conversationId)).toEqual([]);
  });

  test('skips the notice when the customer already had the day’s automatic messages', () => {
    const { conversationId } = seedConversation(seedTeam());
    for (let i = 0; i < 3; i++) queueOutboundMessage({ conversationId, author: { type: 'automation', id: null }, content: { kind: 'text', text: `auto ${i}` } }, t.deps);
    expect(run([{ conversationId, kind: 'assigned', agentName: 'Huda' }])).toBe(false);
    expect(automaticTexts(conversationId)).toHaveLength(3);
  });

  test('skips silently when the 24-hour window has closed', () => {
    const { conversationId } = seedConversation(seedTeam());
    t.clock.advance(25 * 60 * MINUTE);
    expect(run([{ conversationId, kind: 'assigned', agentName: 'Huda' }])).toBe(false);
    expect(automaticTexts(conversationId)).toEqual([]);
  });

  test('a refused notice does not stop the others in the batch', () => {
    const teamId = seedTeam();
    const closed = seedConversation(teamId).conversationId;
    t.clock.advance(25 * 60 * MINUTE);
    const open = seedConversation(teamId).conversationId;
    expect(run([{ conversationId: closed, kind: 'assigned', agentName: 'Huda' }, { conversationId: open, kind: 'assigned', agentName: 'Omar' }])).toBe(true);
    expect(automaticTexts(closed)).toEqual([]);
    expect(automaticTexts(open)).toHaveLength(1);
  });

  test('returns false for an empty batch', () => {
    expect(run([])).toBe(false);
  });

  test('ignores a conversation that does not exist', () => {
    expect(run([{ conversationId: 'cnv_missing', kind: 'assigned', agentName: 'Huda' }])).toBe(false);
  });
});

test('writes nothing when the caller’s transaction rolls back', () => {
  const { conversationId } = seedConversation(seedTeam());
  expect(() =>
    runInTransaction(t.deps.db, (tx) => {
      queueAssignmentNotices(tx, { clock: t.clock, newId: t.deps.newId }, [{ conversationId, kind: 'assigned', agentName: 'Huda' }]);
      throw new Error('handler failed');
    }),
  ).toThrow('handler failed');
  expect(automaticTexts(conversationId)).toEqual([]);
});
