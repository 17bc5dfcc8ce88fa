import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/test-app';
import { seedInbox, receive } from '../conversations/inbox-fixtures';
import { conversations, messages } from '../../src/conversations/conversations.tables';
import { contacts } from '../../src/contacts/contacts.tables';
import { queueOutboundMessage } from '../../src/conversations/queue-outbound-message';
import { changeConversationStatus } from '../../src/conversations/change-conversation-status';
import { autoResolveConversations } from '../../src/automation/auto-resolve/auto-resolve-conversations';
import { saveAutoResolveSettings, DEFAULT_AUTO_RESOLVE } from '../../src/automation/auto-resolve/auto-resolve-settings';
import { systemActor } from '../../src/audit/record-audit';
import { settings } from '../../src/settings/settings.tables';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let t: TestApp;
/** The agent only signs the messages here (no session needed); page tests sign someone in. */
const agent = { userId: 'usr_omar' };
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.cleanup());

const configure = (change: Partial<typeof DEFAULT_AUTO_RESOLVE>) => saveAutoResolveSettings({ ...DEFAULT_AUTO_RESOLVE, ...change }, systemActor, t.deps);
const statusOf = (id: string) => t.deps.db.select().from(conversations).where(eq(conversations.id, id)).get()!.status;
const automaticMessages = (id: string) =>
  t.deps.db.select().from(messages).where(and(eq(messages.conversationId, id), eq(messages.authorType, 'automation'))).all();

/** A customer wrote, an agent answered a minute later and set the conversation to pending (waiting on the customer). */
function waitingOnCustomer(inboxId = seedInbox(t).inboxId, waId = '966500000001') {
  const { conversationId } = receive(t, inboxId, { contact: { waId, userId: null, profileName: 'Sara' } });
  t.clock.advance(MINUTE);
  queueOutboundMessage({ conversationId, author: { type: 'agent', id: agent.userId }, content: { kind: 'text', text: 'Is there anything else?' } }, t.deps);
  changeConversationStatus({ conversationId, status: 'pending', actor: { id: agent.userId, name: 'Omar' } }, t.deps);
  return { conversationId, inboxId };
}

describe('auto-resolve', () => {
  test('leaves a pending conversation alone after 23 hours without a customer reply', () => {
    const { conversationId } = waitingOnCustomer();
    t.clock.advance(23 * HOUR);
    expect(autoResolveConversations(t.deps).resolved).toEqual([]);
    expect(statusOf(conversationId)).toBe('pending');
  });

  test('resolves it once 24 hours have passed, with a timeline line naming the rule', async () => {
    const { conversationId } = waitingOnCustomer();
    t.clock.advance(24 * HOUR);
    expect(autoResolveConversations(t.deps).resolved).toEqual([conversationId]);
    expect(statusOf(conversationId)).toBe('resolved');
    // A day later the agent's session has lapsed; someone signs in afresh to read the timeline.
    const { client } = await t.signedIn('admin');
    const html = await (await client.get(`/conversations/${conversationId}`)).text();
    expect(html).toContain('Resolved automatically by the auto-resolve rule: no reply from the customer for 24 hours.');
  });

  test('resolves it once only, however often the job runs', () => {
    waitingOnCustomer();
    t.clock.advance(25 * HOUR);
    expect(autoResolveConversations(t.deps).resolved).toHaveLength(1);
    expect(autoResolveConversations(t.deps).resolved).toHaveLength(0);
  });

  test('does not resolve when the customer replied after the agent: the reply reopens it', () => {
    const { conversationId, inboxId } = waitingOnCustomer();
    t.clock.advance(HOUR);
    receive(t, inboxId, { body: 'One more question' });
    t.clock.advance(30 * HOUR);
    expect(autoResolveConversations(t.deps).resolved).toEqual([]);
    expect(statusOf(conversationId)).toBe('open');
  });

  test('counts from the later of the agent’s last message and being set to pending', () => {
    const inboxId = seedInbox(t).inboxId;
    const { conversationId } = receive(t, inboxId);
    t.clock.advance(MINUTE);
    queueOutboundMessage({ conversationId, author: { type: 'agent', id: agent.userId }, content: { kind: 'text', text: 'Done.' } }, t.deps);
    t.clock.advance(20 * HOUR);
    changeConversationStatus({ conversationId, status: 'pending', actor: { id: agent.userId, name: 'Omar' } }, t.deps);
    t.clock.advance(5 * HOUR);
    expect(autoResolveConversations(t.deps).resolved).toEqual([]);
    t.clock.advance(19 * HOUR);
    expect(autoResolveConversations(t.deps).resolved).toEqual([conversationId]);
  });

  test('ignores open conversations, and pending ones where the customer wrote last', () => {
    const inboxId = seedInbox(t).inboxId;
    const { conversationId: open } = receive(t, inboxId, { contact: { waId: '966500000011', userId: null, profileName: 'A' } });
    queueOutboundMessage({ conversationId: open, author: { type: 'agent', id: agent.userId }, content: { kind: 'text', text: 'Hi' } }, t.deps);
    const { conversationId: customerLast } = receive(t, inboxId, { contact: { waId: '966500000012', userId: null, profileName: 'B' } });
    changeConversationStatus({ conversationId: customerLast, status: 'pending', actor: { id: agent.userId, name: 'Omar' } }, t.deps);
    t.clock.advance(48 * HOUR);
    expect(autoResolveConversations(t.deps).resolved).toEqual([]);
  });

  test('does nothing when switched off', () => {
    configure({ enabled: false });
    const { conversationId } = waitingOnCustomer();
    t.clock.advance(48 * HOUR);
    expect(autoResolveConversations(t.deps).resolved).toEqual([]);
    expect(statusOf(conversationId)).toBe('pending');
  });

  test('follows the configured number of hours', () => {
    configure({ hours: 2 });
    const { conversationId } = waitingOnCustomer();
    t.clock.advance(2 * HOUR - MINUTE);
    expect(autoResolveConversations(t.deps).resolved).toEqual([]);
    t.clock.advance(MINUTE);
    expect(autoResolveConversations(t.deps).resolved).toEqual([conversationId]);
  });
});

describe('the closing message', () => {
  test('is queued as an automatic message in the customer’s language before the conversation is resolved', () => {
    configure({ hours: 2, messageEn: 'We are closing this chat. Write any time!', messageAr: 'سنغلق هذه المحادثة. راسلنا في أي وقت!' });
    const { conversationId } = waitingOnCustomer();
    t.deps.db.update(contacts).set({ locale: 'ar_SA' }).run();
    t.clock.advance(3 * HOUR);
    expect(autoResolveConversations(t.deps)).toEqual({ resolved: [conversationId], closingMessages: 1 });
    const [closing] = automaticMessages(conversationId);
    expect(closing!.body).toBe('سنغلق هذه المحادثة. راسلنا في أي وقت!');
    expect(JSON.parse(closing!.content).automationRule).toBe('autoResolve.rule');
    expect(statusOf(conversationId)).toBe('resolved');
  });

  test('is skipped silently once the 24-hour window has closed; the conversation is still resolved', () => {
    configure({ messageEn: 'Bye for now' });
    const { conversationId } = waitingOnCustomer();
    t.clock.advance(24 * HOUR);
    expect(autoResolveConversations(t.deps)).toEqual({ resolved: [conversationId], closingMessages: 0 });
    expect(automaticMessages(conversationId)).toHaveLength(0);
    expect(statusOf(conversationId)).toBe('resolved');
  });

  test('is skipped when the customer already had 3 automatic messages in 24 hours', () => {
    configure({ hours: 2, messageEn: 'Bye for now' });
    const { conversationId } = waitingOnCustomer();
    for (let i = 0; i < 3; i++) queueOutboundMessage({ conversationId, author: { type: 'automation', id: null }, content: { kind: 'text', text: `auto ${i}` } }, t.deps);
    t.clock.advance(3 * HOUR);
    expect(autoResolveConversations(t.deps)).toEqual({ resolved: [conversationId], closingMessages: 0 });
    expect(automaticMessages(conversationId)).toHaveLength(3);
  });

  test('is not sent when none is configured', () => {
    configure({ hours: 2 });
    const { conversationId } = waitingOnCustomer();
    t.clock.advance(3 * HOUR);
    autoResolveConversations(t.deps);
    expect(automaticMessages(conversationId)).toHaveLength(0);
  });
});

describe('after auto-resolve', () => {
  test('a new customer message opens a new conversation', () => {
    const { conversationId, inboxId } = waitingOnCustomer();
    t.clock.advance(24 * HOUR);
    autoResolveConversations(t.deps);
    t.clock.advance(HOUR);
    const next = receive(t, inboxId, { body: 'Hello again' });
    expect(next.conversationId).not.toBe(conversationId);
    expect(statusOf(next.conversationId)).toBe('open');
    expect(statusOf(conversationId)).toBe('resolved');
  });
});

describe('auto-resolve settings page', () => {
  const admin = async () => (await t.signedIn('admin')).client;

  test('defaults to on after 24 hours', async () => {
    const html = await (await admin()).load('/settings/auto-resolve');
    expect(html).toContain('name="enabled" value="1" checked');
    expect(html).toContain('name="hours" type="number" value="24"');
  });

  test('saves the hours, the switch and both closing messages', async () => {
    const client = await admin();
    await client.load('/settings/auto-resolve');
    const response = await client.post('/settings/auto-resolve', { hours: '48', messageEn: 'Bye', messageAr: 'مع السلامة' });
    expect(response.status).toBe(303);
    const stored = JSON.parse(t.deps.db.select().from(settings).where(eq(settings.key, 'auto_resolve')).get()!.value);
    expect(stored).toEqual({ enabled: false, hours: 48, messageEn: 'Bye', messageAr: 'مع السلامة' });
  });

  test.each([['0'], ['721'], ['1.5'], ['']])('refuses %p hours with 422 and stores nothing', async (hours) => {
    const client = await admin();
    await client.load('/settings/auto-resolve');
    const response = await client.post('/settings/auto-resolve', { enabled: '1', hours });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('Enter a whole number of hours from 1 to 720.');
    expect(t.deps.db.select().from(settings).where(eq(settings.key, 'auto_resolve')).get()).toBeUndefined();
  });

  test.each([['agent'], ['supervisor'], ['analyst']] as const)('refuses a %s with 403 and stores nothing', async (role) => {
    const { client } = await t.signedIn(role);
    await client.load('/settings/profile');
    expect((await client.get('/settings/auto-resolve')).status).toBe(403);
    expect((await client.post('/settings/auto-resolve', { enabled: '1', hours: '1' })).status).toBe(403);
    expect(t.deps.db.select().from(settings).where(eq(settings.key, 'auto_resolve')).get()).toBeUndefined();
  });
});
