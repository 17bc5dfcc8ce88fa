import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../support/test-app';
import { conversationRow, receive, seedInbox } from '../../conversations/inbox-fixtures';
import { contacts } from '../../../src/contacts/contacts.tables';
import { conversations } from '../../../src/conversations/conversations.tables';
import { teams } from '../../../src/teams/teams.tables';
import { routingRules } from '../../../src/assignment/routing-rules.tables';
import { domainEvents } from '../../../src/platform/events/events.tables';
import { menuBots } from '../../../src/automation/menu-bot/menu-bot.tables';
import { automaticMessagesInLastDay } from '../../../src/conversations/automatic-message-budget';
import { queueOutboundMessage } from '../../../src/conversations/queue-outbound-message';
import { saveMenu } from '../../../src/automation/menu-bot/manage-menu-bot';
import { systemActor } from '../../../src/audit/record-audit';
import { choiceIdFor } from '../../../src/automation/menu-bot/understand-reply';
import { createUser } from '../../../src/accounts/create-user';
import { botMessages, HOURS, ORDER, SALES, seedMenuBot, timelineEvents } from './menu-bot-fixtures';

let t: TestApp;
let inboxId: string;
let rootMenuId: string;

beforeEach(() => {
  t = createTestApp();
  inboxId = seedInbox(t).inboxId;
  rootMenuId = seedMenuBot(t, inboxId).rootMenuId;
});
afterEach(() => t.cleanup());

/** The customer writes; the event handlers run as the job would; a minute passes. */
function say(body: string, extra: { kind?: string; content?: Record<string, unknown> } = {}) {
  const { conversationId } = receive(t, inboxId, { body, ...extra });
  t.drainEvents();
  t.clock.advance(60_000);
  return conversationId;
}

const handedOverEvents = (conversationId: string) =>
  t.deps.db
    .select()
    .from(domainEvents)
    .where(eq(domainEvents.conversationId, conversationId))
    .all()
    .filter((e) => e.type === 'conversation.handed_over');

describe('menu bot', () => {
  test('greets a new conversation with the menu as reply buttons and keeps routing waiting', () => {
    const id = say('Hello');
    const sent = botMessages(t, id);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.outbox.content).toMatchObject({ kind: 'buttons', body: 'Welcome to Sales!' });
    expect((sent[0]!.outbox.content.buttons as { title: string }[]).map((b) => b.title)).toEqual(['Opening hours', 'Track my order', 'Talk to sales']);
    expect(sent[0]!.content.automationRule).toBe('menuBot.rule.greeting');
    expect(conversationRow(t, id).withBot).toBe(true);
  });

  test('greets in Arabic when the contact’s WhatsApp locale is Arabic', () => {
    const { conversationId } = receive(t, inboxId, { body: 'مرحبا' });
    t.deps.db.update(contacts).set({ locale: 'ar_SA' }).run();
    t.drainEvents();
    const sent = botMessages(t, conversationId);
    expect(sent[0]!.outbox.content).toMatchObject({ kind: 'buttons', body: 'أهلاً بك في المبيعات!', footer: 'اكتب «موظف» في أي وقت للتحدث مع شخص' });
    expect((sent[0]!.outbox.content.buttons as { title: string }[]).map((b) => b.title)).toEqual(['ساعات العمل', 'تتبع طلبي', 'المبيعات']);
  });

  test('hands over to a human with the transcript when the customer types "موظف"', () => {
    const id = say('Hello');
    say('موظف');
    const row = conversationRow(t, id);
    expect(row.withBot).toBe(false);
    const sent = botMessages(t, id);
    expect(sent.at(-1)!.body).toBe('Thank you! A member of our team will be with you shortly.');
    const handover = timelineEvents(t, id).find((e) => e.event === 'bot_handover');
    const lines = JSON.stringify(handover?.explanation);
    expect(lines).toContain('Hello');
    expect(lines).toContain('موظف');
    expect(lines).toContain('Welcome to Sales!');
    expect(handedOverEvents(id)).toHaveLength(1);
  });

  test('escalates after three unrecognised inputs in a row', () => {
    const id = say('Hello');
    say('blorp');
    say('qwzx');
    expect(conversationRow(t, id).withBot).toBe(true);
    say('zzzz');
    expect(conversationRow(t, id).withBot).toBe(false);
    const bodies = botMessages(t, id).map((m) => m.body);
    expect(bodies.filter((b) => b.startsWith('Sorry, I didn’t understand'))).toHaveLength(2);
    expect(bodies.at(-1)).toBe('Thank you! A member of our team will be with you shortly.');
    expect(handedOverEvents(id)).toHaveLength(1);
  });

  test('picks the option whose number the customer types', () => {
    const id = say('Hello');
    say('1');
    expect(botMessages(t, id).at(-1)!.body).toStartWith('We are open 9 to 5.');
    expect(conversationRow(t, id).withBot).toBe(true);
  });

  test('picks the option typed in Arabic-Indic digits', () => {
    const id = say('Hello');
    say('٢');
    expect(botMessages(t, id).at(-1)!.body).toBe('What is your order number?');
  });

  test('picks the option by its Arabic title, whatever the letter variants', () => {
    const id = say('Hello');
    say('ساعات  العمل');
    expect(botMessages(t, id).at(-1)!.body).toStartWith('We are open 9 to 5.');
  });

  test('picks the option the customer tapped in an interactive list reply', () => {
    seedMenuBot(t, inboxId, [
      HOURS,
      ORDER,
      SALES,
      {
        ...HOURS,
        id: 'more',
        titleEn: 'Delivery areas',
        titleAr: 'مناطق التوصيل',
        action: { type: 'answer', textEn: 'We deliver in Riyadh.', textAr: 'نوصل في الرياض.', followUpMenuId: null },
      },
    ]);
    const id = say('Hello');
    expect(botMessages(t, id)[0]!.outbox.content.kind).toBe('list');
    say('Delivery areas', {
      kind: 'interactive',
      content: { interactiveType: 'list_reply', reply: { id: choiceIdFor(rootMenuId, 'more'), title: 'Delivery areas' } },
    });
    expect(botMessages(t, id).at(-1)!.body).toStartWith('We deliver in Riyadh.');
  });

  test('stores the answer to its question as a contact attribute and hands over with it', () => {
    const id = say('Hello');
    say('2');
    say('A-1234');
    const contact = t.deps.db.select().from(contacts).get()!;
    expect(JSON.parse(contact.attributes)).toEqual({ order_number: 'A-1234' });
    expect(conversationRow(t, id).withBot).toBe(false);
    expect(JSON.stringify(timelineEvents(t, id).find((e) => e.event === 'bot_handover'))).toContain('A-1234');
  });

  test('routes by option with its routing value', () => {
    const id = say('Hello');
    say('Talk to sales');
    const row = conversationRow(t, id);
    expect(row.withBot).toBe(false);
    expect(row.menuOption).toBe('sales');
  });

  test('sends a sensitive topic straight to its team with the routing option', () => {
    const teamId = t.deps.newId('tea');
    t.deps.db
      .insert(teams)
      .values({ id: teamId, name: 'Billing', createdAt: t.clock.now(), updatedAt: t.clock.now() } as typeof teams.$inferInsert)
      .run();
    seedMenuBot(t, inboxId, [HOURS, ORDER, SALES], { topics: [{ keywords: ['refund', 'استرجاع'], teamId, option: 'refund' }] });
    const id = say('Hello');
    say('أريد الاسترجاع من فضلك');
    const row = conversationRow(t, id);
    expect(row.withBot).toBe(false);
    expect(row.menuOption).toBe('refund');
    expect(row.teamId).toBe(teamId);
    expect(handedOverEvents(id)).toHaveLength(1);
  });

  test('raises the priority to high when the customer shouts', () => {
    const id = say('Hello');
    say('THIS IS NOT WORKING');
    const row = conversationRow(t, id);
    expect(row.priority).toBe('high');
    expect(row.withBot).toBe(false);
    expect(botMessages(t, id).at(-1)!.body).toStartWith('We’re sorry for the trouble.');
  });

  test('stays silent once a person has taken the conversation', async () => {
    const id = say('Hello');
    const { userId } = await createUser(
      { email: 'agent@example.com', name: 'Agent', role: 'agent', password: 'correct horse battery' },
      { id: null, label: 'test' },
      t.deps,
    );
    t.deps.db.update(conversations).set({ assigneeId: userId }).where(eq(conversations.id, id)).run();
    const before = botMessages(t, id).length;
    say('1');
    say('موظف');
    expect(botMessages(t, id)).toHaveLength(before);
    expect(conversationRow(t, id).withBot).toBe(false);
  });

  test('stays silent after the hand-off, for the rest of the conversation', () => {
    const id = say('Hello');
    say('agent');
    const before = botMessages(t, id).length;
    say('1');
    say('hello?');
    expect(botMessages(t, id)).toHaveLength(before);
  });

  test('does not take a conversation when the bot is off', () => {
    t.deps.db.update(menuBots).set({ enabled: false }).run();
    const id = say('Hello');
    expect(conversationRow(t, id).withBot).toBe(false);
    expect(botMessages(t, id).filter((m) => String(m.content.automationRule).startsWith('menuBot'))).toHaveLength(0);
  });

  test('routes the picked option through the routing rule that matches it, once the bot hands over', () => {
    const salesTeam = t.deps.newId('tea');
    t.deps.db.insert(teams).values({ id: salesTeam, name: 'Sales team', createdAt: t.clock.now(), updatedAt: t.clock.now() }).run();
    t.deps.db
      .insert(routingRules)
      .values({
        id: t.deps.newId('rul'),
        position: 1,
        name: 'Sales option',
        when: JSON.stringify({ menuOptions: ['sales'] }),
        then: JSON.stringify({ teamId: salesTeam }),
        createdAt: t.clock.now(),
        updatedAt: t.clock.now(),
      })
      .run();
    const id = say('Hello');
    expect(conversationRow(t, id).routedAt).toBeNull();
    say('3');
    const row = conversationRow(t, id);
    expect(row.routedAt).not.toBeNull();
    expect(row.teamId).toBe(salesTeam);
  });

  test('routing finds the sensitive topic’s team after the hand-over when the inbox has no default team', () => {
    const billing = t.deps.newId('tea');
    t.deps.db.insert(teams).values({ id: billing, name: 'Billing', createdAt: t.clock.now(), updatedAt: t.clock.now() }).run();
    seedMenuBot(t, inboxId, [HOURS, ORDER, SALES], { topics: [{ keywords: ['refund'], teamId: billing, option: 'refund' }] });
    const id = say('Hello');
    say('I want a refund');
    const row = conversationRow(t, id);
    expect(row.routedAt).not.toBeNull();
    expect(row.teamId).toBe(billing);
  });

  test('counts only its greeting against the daily automatic-message budget, so navigation is never cut off', () => {
    const id = say('Hello');
    say('1');
    say('1');
    say('1');
    say('1');
    const answers = botMessages(t, id).filter((m) => m.body.startsWith('We are open 9 to 5.'));
    expect(answers).toHaveLength(4);
    const contactId = conversationRow(t, id).contactId;
    expect(automaticMessagesInLastDay(t.deps.db, contactId, t.clock.now())).toBe(1);
  });

  test('leaves a new conversation to people when the contact’s automatic messages for the day are spent', () => {
    const { conversationId } = receive(t, inboxId, { body: 'Hello' });
    for (let i = 0; i < 3; i++) {
      queueOutboundMessage({ conversationId, author: { type: 'automation', id: null }, content: { kind: 'text', text: `Notice ${i}` } }, t.deps);
    }
    t.drainEvents();
    expect(conversationRow(t, conversationId).withBot).toBe(false);
    expect(botMessages(t, conversationId).filter((m) => String(m.content.automationRule).startsWith('menuBot'))).toHaveLength(0);
  });

  test('shows the follow-up menu after an answer, and the main menu again on "0"', () => {
    const { addMenu } = seedMenuBot(t, inboxId);
    const deliveryMenu = addMenu('Delivery');
    saveMenu(
      inboxId,
      deliveryMenu,
      { name: 'Delivery', greetingEn: 'Where to?', greetingAr: 'إلى أين؟', options: [{ ...HOURS, id: 'riyadh', titleEn: 'Riyadh', titleAr: 'الرياض' }] },
      systemActor,
      t.deps,
    );
    seedMenuBot(t, inboxId, [{ ...HOURS, action: { type: 'answer', textEn: 'We deliver.', textAr: 'نوصل.', followUpMenuId: deliveryMenu } }, ORDER, SALES]);
    const id = say('Hello');
    say('1');
    const afterAnswer = botMessages(t, id);
    expect(afterAnswer.at(-2)!.body).toBe('We deliver.');
    expect(afterAnswer.at(-1)!.outbox.content).toMatchObject({ kind: 'buttons', body: 'Where to?', buttons: [{ title: 'Riyadh' }] });
    say('0');
    expect(botMessages(t, id).at(-1)!.outbox.content).toMatchObject({ kind: 'buttons', body: 'Welcome to Sales!' });
  });

  test('hands a conversation to people without a word when the bot is switched off mid-way', () => {
    const id = say('Hello');
    const before = botMessages(t, id).length;
    t.deps.db.update(menuBots).set({ enabled: false }).run();
    say('1');
    expect(botMessages(t, id)).toHaveLength(before);
    expect(conversationRow(t, id).withBot).toBe(false);
    expect(handedOverEvents(id)).toHaveLength(1);
  });

  test('steps back, and lets routing take over, when an agent replied without taking the conversation', async () => {
    const id = say('Hello');
    const { userId } = await createUser(
      { email: 'replier@example.com', name: 'Replier', role: 'agent', password: 'correct horse battery' },
      { id: null, label: 'test' },
      t.deps,
    );
    queueOutboundMessage({ conversationId: id, author: { type: 'agent', id: userId }, content: { kind: 'text', text: 'Hi, I am here.' } }, t.deps);
    const before = botMessages(t, id).length;
    say('1');
    expect(botMessages(t, id)).toHaveLength(before);
    expect(conversationRow(t, id).withBot).toBe(false);
    expect(handedOverEvents(id)).toHaveLength(1);
  });

  test('takes a conversation whose customer sent two messages before the bot ran, reading the second as a reply', () => {
    const { conversationId } = receive(t, inboxId, { body: 'Hello' });
    receive(t, inboxId, { body: '1' });
    t.drainEvents();
    const bodies = botMessages(t, conversationId).map((m) => m.body);
    expect(bodies[0]).toBe('Welcome to Sales!');
    expect(bodies[1]).toStartWith('We are open 9 to 5.');
    expect(conversationRow(t, conversationId).withBot).toBe(true);
  });
});
