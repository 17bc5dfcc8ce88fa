import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/test-app';
import { conversationRow, messagesOf, receive, seedInbox } from '../conversations/inbox-fixtures';
import { riyadhOffice } from '../business-hours/fixtures';
import { contacts } from '../../src/contacts/contacts.tables';
import { conversations } from '../../src/conversations/conversations.tables';
import { queueOutboundMessage } from '../../src/conversations/queue-outbound-message';
import { domainEvents } from '../../src/platform/events/events.tables';
import type { LiveEvent } from '../../src/platform/live-hub';
import { addKeywordRule, automaticMessages, configureAutoReplies, OUT_OF_HOURS, outboxRowFor, setAutomaticLimit, setInboxCalendar, WELCOME } from './automation-fixtures';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Friday 27 November 2026, 23:00 in Riyadh (UTC+3): the weekend of a Sunday–Thursday office. */
const FRIDAY_23H_RIYADH = Date.UTC(2026, 10, 27, 20, 0);
/** Tuesday 24 November 2026, 12:00 in Riyadh: open. */
const TUESDAY_NOON_RIYADH = Date.UTC(2026, 10, 24, 9, 0);

let t: TestApp;
let inboxId: string;
beforeEach(() => {
  t = createTestApp();
  ({ inboxId } = seedInbox(t));
  t.clock.set(TUESDAY_NOON_RIYADH);
});
afterEach(() => t.cleanup());

/** A customer message, then the event handlers, as the dispatch job would run them. */
function customerSays(body: string, from = '966500000001') {
  const result = receive(t, inboxId, { body, contact: { waId: from, userId: null, profileName: 'Sara' } });
  t.drainEvents();
  return result.conversationId;
}

describe('welcome', () => {
  test('a first contact gets the welcome, queued in the outbox as automation', () => {
    configureAutoReplies(t, inboxId, { welcome: WELCOME });
    const conversationId = customerSays('Hi there');
    const sent = automaticMessages(t, conversationId);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ body: 'Welcome to Sweet Shop!', direction: 'out', status: 'queued', authorId: null, rule: 'automation.rule.welcome' });
    expect(outboxRowFor(t, sent[0]!.id)?.status).toBe('queued');
  });

  test('wakes the outbox and tells open tabs once the reply is committed', async () => {
    configureAutoReplies(t, inboxId, { welcome: WELCOME });
    let wakes = 0;
    t.deps.waker!.on('outbox', () => {
      wakes++;
    });
    const published: LiveEvent[] = [];
    t.deps.live!.subscribe(() => true, (event) => published.push(event));
    const conversationId = customerSays('Hi there');
    await new Promise((resolve) => setImmediate(resolve));
    expect(wakes).toBe(1);
    expect(published).toContainEqual({ type: 'message.created', conversationId, inboxId, direction: 'outbound' });
  });

  test('is not sent again on the next message of the same conversation', () => {
    configureAutoReplies(t, inboxId, { welcome: WELCOME });
    const conversationId = customerSays('Hi there');
    customerSays('Are you there?');
    expect(automaticMessages(t, conversationId)).toHaveLength(1);
  });

  test('greets an Arabic-speaking customer in Arabic', () => {
    configureAutoReplies(t, inboxId, { welcome: WELCOME });
    receive(t, inboxId, { body: 'first', contact: { waId: '966500000009', userId: null, profileName: 'Huda' } });
    t.deps.db.update(contacts).set({ locale: 'ar_SA' }).where(eq(contacts.waId, '966500000009')).run();
    const conversationId = customerSays('مرحبا', '966500000009');
    expect(automaticMessages(t, conversationId).map((m) => m.body)).toEqual(['أهلًا بك في متجر الحلوى!']);
  });

  test('welcomes a returning customer after the configured days of silence, not before', () => {
    configureAutoReplies(t, inboxId, { welcome: { ...WELCOME, afterDays: 7 } });
    const first = customerSays('Hi');
    t.deps.db.update(conversations).set({ status: 'resolved', resolvedAt: t.clock.now() }).where(eq(conversations.id, first)).run();
    t.clock.advance(3 * 24 * HOUR);
    const soon = customerSays('Me again');
    expect(automaticMessages(t, soon)).toHaveLength(0);
    t.deps.db.update(conversations).set({ status: 'resolved', resolvedAt: t.clock.now() }).where(eq(conversations.id, soon)).run();
    t.clock.advance(8 * 24 * HOUR);
    const later = customerSays('Long time!');
    expect(automaticMessages(t, later).map((m) => m.rule)).toEqual(['automation.rule.welcome']);
  });
});

describe('out of hours', () => {
  beforeEach(() => setInboxCalendar(t, inboxId, riyadhOffice));

  test('a message at 23:00 on a Friday (Friday–Saturday weekend) gets the reply naming Sunday’s opening', () => {
    configureAutoReplies(t, inboxId, { outOfHours: OUT_OF_HOURS });
    t.clock.set(FRIDAY_23H_RIYADH);
    const conversationId = customerSays('Is anyone there?');
    const sent = automaticMessages(t, conversationId);
    expect(sent.map((m) => m.body)).toEqual(['Thanks for writing. We are closed right now.\nWe open again Sunday at 09:00.']);
    expect(sent[0]!.rule).toBe('automation.rule.outOfHours');
  });

  test('names the opening in Arabic for an Arabic-speaking customer', () => {
    configureAutoReplies(t, inboxId, { outOfHours: { ...OUT_OF_HOURS, text: { en: 'Closed.', ar: 'نحن مغلقون. {opening}' } } });
    t.clock.set(FRIDAY_23H_RIYADH);
    receive(t, inboxId, { body: 'x', contact: { waId: '966500000010', userId: null, profileName: 'Huda' } });
    t.deps.db.update(contacts).set({ locale: 'ar' }).where(eq(contacts.waId, '966500000010')).run();
    t.drainEvents();
    const conversationId = customerSays('السلام عليكم', '966500000010');
    const bodies = automaticMessages(t, conversationId).map((m) => m.body);
    expect(bodies.at(-1)).toBe('نحن مغلقون. نفتح مجددًا يوم الأحد الساعة 09:00.');
  });

  test('is not sent while the inbox is open', () => {
    configureAutoReplies(t, inboxId, { outOfHours: OUT_OF_HOURS });
    const conversationId = customerSays('Hello');
    expect(automaticMessages(t, conversationId)).toHaveLength(0);
  });

  test('is sent at most once per conversation in 12 hours', () => {
    configureAutoReplies(t, inboxId, { outOfHours: OUT_OF_HOURS });
    t.clock.set(FRIDAY_23H_RIYADH);
    const conversationId = customerSays('Hello?');
    t.clock.advance(HOUR);
    customerSays('Hello??');
    expect(automaticMessages(t, conversationId)).toHaveLength(1);
    t.clock.advance(12 * HOUR);
    customerSays('Still closed?');
    expect(automaticMessages(t, conversationId)).toHaveLength(2);
  });

  test('is not sent while an agent replied less than 5 minutes ago', async () => {
    configureAutoReplies(t, inboxId, { outOfHours: OUT_OF_HOURS });
    t.clock.set(FRIDAY_23H_RIYADH);
    const { userId } = await t.signedIn('agent');
    const conversationId = receive(t, inboxId, { body: 'Hello' }).conversationId;
    queueOutboundMessage({ conversationId, author: { type: 'agent', id: userId }, content: { kind: 'text', text: 'On it!' } }, t.deps);
    t.clock.advance(2 * MINUTE);
    customerSays('Thanks');
    expect(automaticMessages(t, conversationId)).toHaveLength(0);
    t.clock.advance(6 * MINUTE);
    customerSays('Hello again');
    expect(automaticMessages(t, conversationId).map((m) => m.rule)).toEqual(['automation.rule.outOfHours']);
  });

  test('is never sent while the bot talks', () => {
    configureAutoReplies(t, inboxId, { outOfHours: OUT_OF_HOURS });
    t.clock.set(FRIDAY_23H_RIYADH);
    const conversationId = receive(t, inboxId, { body: 'Hello' }).conversationId;
    t.deps.db.update(conversations).set({ withBot: true }).where(eq(conversations.id, conversationId)).run();
    t.drainEvents();
    expect(automaticMessages(t, conversationId)).toHaveLength(0);
  });

  test('is still sent after a person took the conversation, while keyword replies stop', async () => {
    configureAutoReplies(t, inboxId, { outOfHours: OUT_OF_HOURS });
    addKeywordRule(t);
    t.clock.set(FRIDAY_23H_RIYADH);
    const admin = await t.signedIn('admin', { name: 'Omar' });
    const conversationId = receive(t, inboxId, { body: 'Hi' }).conversationId;
    await admin.client.load(`/conversations/${conversationId}`);
    expect((await admin.client.post(`/conversations/${conversationId}/assign`, { assignee: admin.userId, team: '' })).status).toBe(303);
    customerSays('What is the price?');
    expect(automaticMessages(t, conversationId).map((m) => m.rule)).toEqual(['automation.rule.outOfHours']);
  });
});

describe('keyword replies', () => {
  test('answer a matching message with the rule’s reply, marked with the rule', () => {
    addKeywordRule(t);
    const conversationId = customerSays('What is the PRICE of a cake?');
    expect(automaticMessages(t, conversationId).map((m) => [m.body, m.rule])).toEqual([['Cakes start at 10 SAR.', 'Prices']]);
  });

  test('match Arabic whatever the alef form and article', () => {
    addKeywordRule(t, { keywords: ['أسعار'] });
    const conversationId = customerSays('كم الاسعار؟');
    expect(automaticMessages(t, conversationId)).toHaveLength(1);
  });

  test('send reply buttons as an interactive message', () => {
    addKeywordRule(t, { buttons: [{ en: 'Order now', ar: 'اطلب الآن' }, { en: 'Talk to us', ar: '' }] });
    const conversationId = customerSays('price');
    const [sent] = automaticMessages(t, conversationId);
    expect(sent!.kind).toBe('interactive');
    const payload = JSON.parse(outboxRowFor(t, sent!.id)!.payload) as { content: { kind: string; body: string; buttons: { title: string }[] } };
    expect(payload.content).toMatchObject({ kind: 'buttons', body: 'Cakes start at 10 SAR.' });
    expect(payload.content.buttons.map((b) => b.title)).toEqual(['Order now', 'Talk to us']);
  });

  test('are not sent for a rule that is switched off', () => {
    addKeywordRule(t, { enabled: false });
    expect(automaticMessages(t, customerSays('price'))).toHaveLength(0);
  });

  test('only use rules of this inbox or of all inboxes', () => {
    const other = seedInbox(t, 'Support').inboxId;
    addKeywordRule(t, { inboxId: other });
    expect(automaticMessages(t, customerSays('price'))).toHaveLength(0);
  });

  test('hand the conversation to a person when the rule says so', () => {
    addKeywordRule(t, { name: 'Complaints', keywords: ['complaint'], replies: [{ en: 'Sorry! A person will answer.', ar: '' }], handOver: true });
    const conversationId = receive(t, inboxId, { body: 'I have a complaint' }).conversationId;
    t.deps.db.update(conversations).set({ withBot: false }).where(eq(conversations.id, conversationId)).run();
    t.drainEvents();
    const handedOver = t.deps.db.select().from(domainEvents).where(eq(domainEvents.type, 'conversation.handed_over')).all();
    expect(handedOver.map((e) => [e.conversationId, JSON.parse(e.payload).reason])).toEqual([[conversationId, 'keyword']]);
    const line = messagesOf(t, conversationId).find((m) => m.kind === 'event' && JSON.parse(m.content).event === 'handed_over');
    expect(JSON.parse(line!.content).explanation).toEqual({ key: 'automation.event.handedOver', vars: { rule: 'Complaints' } });
    expect(conversationRow(t, conversationId).withBot).toBe(false);
  });
});

describe('the 24-hour limit', () => {
  test('the fourth automatic message in 24 hours is not sent', () => {
    addKeywordRule(t);
    const conversationId = customerSays('price?');
    for (const text of ['price again', 'and the price', 'price please']) {
      t.clock.advance(10 * MINUTE);
      customerSays(text);
    }
    expect(automaticMessages(t, conversationId)).toHaveLength(3);
    t.clock.advance(24 * HOUR);
    customerSays('price today?');
    expect(automaticMessages(t, conversationId)).toHaveLength(4);
  });

  test('counts every inbox of the customer and follows the configured limit', () => {
    setAutomaticLimit(t, 1);
    configureAutoReplies(t, inboxId, { welcome: WELCOME });
    addKeywordRule(t);
    const conversationId = customerSays('price?');
    expect(automaticMessages(t, conversationId).map((m) => m.rule)).toEqual(['automation.rule.welcome']);
  });
});

describe('loops', () => {
  test('automation never answers its own messages, however often the handlers run', () => {
    configureAutoReplies(t, inboxId, { welcome: WELCOME });
    addKeywordRule(t, { keywords: ['welcome', 'price'], matchMode: 'contains', replies: [{ en: 'Welcome price list', ar: '' }] });
    const conversationId = customerSays('price');
    expect(automaticMessages(t, conversationId)).toHaveLength(2);
    for (let i = 0; i < 3; i++) {
      t.clock.advance(MINUTE);
      t.drainEvents();
    }
    expect(automaticMessages(t, conversationId)).toHaveLength(2);
  });

  test('a customer auto-responder answering every reply is cut off by the limit', () => {
    configureAutoReplies(t, inboxId, { outOfHours: { ...OUT_OF_HOURS, everyHours: 1 } });
    setInboxCalendar(t, inboxId, riyadhOffice);
    addKeywordRule(t, { keywords: ['closed'], replies: [{ en: 'We are closed, sorry.', ar: '' }] });
    t.clock.set(FRIDAY_23H_RIYADH);
    let conversationId = '';
    for (let i = 0; i < 10; i++) {
      conversationId = customerSays('Auto-reply: we are closed');
      t.clock.advance(2 * HOUR);
    }
    expect(automaticMessages(t, conversationId)).toHaveLength(3);
  });
});
