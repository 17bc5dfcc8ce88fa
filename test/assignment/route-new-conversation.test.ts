import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/test-app';
import { conversationRow, messagesOf, receive, seedInbox } from '../conversations/inbox-fixtures';
import { routeNewConversation } from '../../src/assignment/route-new-conversation';
import { setRoutingRuleEnabled } from '../../src/assignment/manage-routing-rules';
import { conversations } from '../../src/conversations/conversations.tables';
import { conversationLabels } from '../../src/conversations/labels.tables';
import { contacts } from '../../src/contacts/contacts.tables';
import { teams } from '../../src/teams/teams.tables';
import { createTranslator } from '../../src/i18n/translate';
import { renderTimelineText, type TimelineText } from '../../src/i18n/timeline-text';
import { seedLabel, seedRule, seedTeam, setDefaultTeam } from './routing-fixtures';

let t: TestApp;
let inboxId: string;
let support: string;
let billing: string;
beforeEach(() => {
  t = createTestApp();
  inboxId = seedInbox(t).inboxId;
  support = seedTeam(t, 'Support');
  billing = seedTeam(t, 'Billing');
  setDefaultTeam(t, inboxId, support);
});
afterEach(() => t.cleanup());

const route = (conversationId: string) => routeNewConversation(t.deps.db, conversationId, t.clock.now(), { newId: t.deps.newId });
const routedEvents = (conversationId: string) =>
  messagesOf(t, conversationId)
    .filter((m) => m.kind === 'event')
    .map((m) => JSON.parse(m.content) as { event: string; explanation: TimelineText })
    .filter((c) => c.event === 'routed');
const explanation = (conversationId: string, locale: 'en' | 'ar' = 'en') => renderTimelineText(routedEvents(conversationId)[0]!.explanation, createTranslator(locale));
const newConversation = (body = 'Hello', waId = '966500000001') => receive(t, inboxId, { body, contact: { waId, userId: null, profileName: 'Sara' } }).conversationId;
const contactOf = (conversationId: string) => conversationRow(t, conversationId).contactId;
const setContact = (conversationId: string, values: Partial<typeof contacts.$inferInsert>) =>
  t.deps.db.update(contacts).set(values).where(eq(contacts.id, contactOf(conversationId))).run();

describe('the inbox default team', () => {
  test('routes to the inbox default team when there are no rules, stamped routed and queued', () => {
    const id = newConversation();
    t.clock.advance(1000);
    expect(route(id)).toEqual({ teamId: support });
    const row = conversationRow(t, id);
    expect(row.teamId).toBe(support);
    expect(row.routedAt).toBe(t.clock.now());
    expect(row.queuedAt).toBe(t.clock.now());
    expect(explanation(id)).toBe('Routed to Support, the inbox’s default team: no routing rule matched.');
  });

  test('routes to the default team when no rule matches', () => {
    seedRule(t, { name: 'Refunds', keywords: 'refund', team_id: billing });
    const id = newConversation('Where is my order?');
    expect(route(id)).toEqual({ teamId: support });
    expect(routedEvents(id)).toHaveLength(1);
  });

  test('leaves the conversation without a team when the inbox has no default and no rule matches', () => {
    setDefaultTeam(t, inboxId, null);
    const id = newConversation();
    expect(route(id)).toEqual({ teamId: null });
    expect(conversationRow(t, id).teamId).toBeNull();
    expect(conversationRow(t, id).routedAt).toBe(t.clock.now());
    expect(explanation(id, 'ar')).toContain('لم تنطبق أي قاعدة توجيه');
  });

  test('keeps a team chosen before routing (the bot, a person) over the inbox default, and says so', () => {
    const id = newConversation('I want my money back');
    t.deps.db.update(conversations).set({ teamId: billing }).where(eq(conversations.id, id)).run();
    expect(route(id)).toEqual({ teamId: billing });
    expect(conversationRow(t, id).teamId).toBe(billing);
    expect(explanation(id)).toBe('No routing rule matched: it stays with Billing, chosen before routing (by the menu bot or a person).');
  });

  test('leaves an already routed conversation alone', () => {
    const id = newConversation('refund please');
    route(id);
    seedRule(t, { name: 'Refunds', keywords: 'refund', team_id: billing });
    t.clock.advance(5000);
    expect(route(id)).toEqual({ teamId: support });
    expect(conversationRow(t, id).teamId).toBe(support);
    expect(conversationRow(t, id).routedAt).toBe(t.clock.now() - 5000);
    expect(routedEvents(id)).toHaveLength(1);
  });
});

describe('rules', () => {
  test('routes a message mentioning a keyword to the rule team and explains why', () => {
    seedRule(t, { name: 'Refunds', keywords: 'refund, billing', team_id: billing });
    const id = newConversation('I want a refund please');
    expect(route(id)).toEqual({ teamId: billing });
    expect(conversationRow(t, id).teamId).toBe(billing);
    expect(explanation(id)).toBe('Routed to Billing by the rule “Refunds”: the message mentions “refund”.');
  });

  test('matches an Arabic keyword with the article, another alef and diacritics', () => {
    seedRule(t, { name: 'Refunds', keywords: 'استرجاع', team_id: billing });
    expect(route(newConversation('أريد الاسترجاع من فضلك', '966500000002'))).toEqual({ teamId: billing });
    expect(route(newConversation('إسترجاع المبلغ', '966500000003'))).toEqual({ teamId: billing });
    expect(route(newConversation('اسْتِرْجَاع', '966500000004'))).toEqual({ teamId: billing });
  });

  test('reads only the customer first message of the conversation', () => {
    seedRule(t, { name: 'Refunds', keywords: 'refund', team_id: billing });
    const id = newConversation('Hello');
    receive(t, inboxId, { body: 'refund' });
    expect(route(id)).toEqual({ teamId: support });
  });

  test('first matching rule wins', () => {
    const sales = seedTeam(t, 'Sales');
    seedRule(t, { name: 'Refunds', keywords: 'refund', team_id: billing });
    seedRule(t, { name: 'Everything', team_id: sales });
    expect(route(newConversation('refund', '966500000002'))).toEqual({ teamId: billing });
    expect(route(newConversation('hello', '966500000003'))).toEqual({ teamId: sales });
  });

  test('skips a disabled rule', () => {
    const ruleId = seedRule(t, { name: 'Refunds', keywords: 'refund', team_id: billing });
    setRoutingRuleEnabled(ruleId, false, { id: null, label: 'test' }, t.deps);
    expect(route(newConversation('refund'))).toEqual({ teamId: support });
  });

  test('skips a rule whose team was deleted', () => {
    const gone = seedTeam(t, 'Gone');
    seedRule(t, { name: 'Refunds', keywords: 'refund', team_id: gone });
    t.deps.db.delete(teams).where(eq(teams.id, gone)).run();
    expect(route(newConversation('refund'))).toEqual({ teamId: support });
  });

  test('raises the priority the rule asks for', () => {
    seedRule(t, { name: 'Urgent refunds', keywords: 'refund', team_id: billing, priority: 'urgent' });
    const id = newConversation('refund');
    route(id);
    expect(conversationRow(t, id).priority).toBe('urgent');
  });

  test('never lowers a priority already set', () => {
    seedRule(t, { name: 'Refunds', keywords: 'refund', team_id: billing, priority: 'low' });
    const id = newConversation('refund');
    t.deps.db.update(conversations).set({ priority: 'high' }).where(eq(conversations.id, id)).run();
    route(id);
    expect(conversationRow(t, id).priority).toBe('high');
  });

  test('adds the rule labels and required skill', () => {
    const refund = seedLabel(t, 'refund');
    seedRule(t, { name: 'Refunds', keywords: 'refund', team_id: billing, label_ids: [refund], required_skill: 'payments' });
    const id = newConversation('refund');
    route(id);
    const onIt = t.deps.db.select().from(conversationLabels).where(and(eq(conversationLabels.conversationId, id), eq(conversationLabels.labelId, refund))).all();
    expect(onIt).toHaveLength(1);
    expect(conversationRow(t, id).requiredSkill).toBe('payments');
  });

  test('matches a returning customer only from their second conversation', () => {
    seedRule(t, { name: 'Returning', customer: 'returning', team_id: billing });
    const first = newConversation('hi');
    expect(route(first)).toEqual({ teamId: support });
    t.deps.db.update(conversations).set({ status: 'resolved' }).where(eq(conversations.id, first)).run();
    t.clock.advance(60_000);
    const second = newConversation('hi again');
    expect(second).not.toBe(first);
    expect(route(second)).toEqual({ teamId: billing });
  });

  test('matches VIP, language, tags and a custom attribute from the contact', () => {
    seedRule(t, { name: 'Gold', vip: 'yes', languages: 'ar', tags: 'gold', attribute_key: 'city', attribute_op: 'equals', attribute_value: 'Riyadh', team_id: billing });
    const id = newConversation('hi');
    setContact(id, { vip: true, locale: 'ar-SA', tags: JSON.stringify(['Gold']), attributes: JSON.stringify({ city: 'riyadh' }) });
    expect(route(id)).toEqual({ teamId: billing });
  });

  test('does not match when one contact condition fails', () => {
    seedRule(t, { name: 'Gold', vip: 'yes', languages: 'ar', team_id: billing });
    const id = newConversation('hi');
    setContact(id, { vip: true, locale: 'en' });
    expect(route(id)).toEqual({ teamId: support });
  });

  test('matches the inbox the conversation came in on', () => {
    const other = seedInbox(t, 'Other').inboxId;
    seedRule(t, { name: 'Other number', inbox_ids: [other], team_id: billing });
    expect(route(newConversation('hi'))).toEqual({ teamId: support });
    expect(route(receive(t, other, { body: 'hi', contact: { waId: '966500000009', userId: null, profileName: 'Omar' } }).conversationId)).toEqual({ teamId: billing });
  });

  test('matches the menu option the customer picked', () => {
    seedRule(t, { name: 'Billing menu', menu_options: 'Billing', team_id: billing });
    const id = newConversation('2');
    t.deps.db.update(conversations).set({ menuOption: 'billing' }).where(eq(conversations.id, id)).run();
    expect(route(id)).toEqual({ teamId: billing });
    expect(explanation(id)).toBe('Routed to Billing by the rule “Billing menu”: the customer picked “Billing” in the menu.');
  });
});

describe('waiting for the menu bot', () => {
  test('does not route while the menu bot is talking to the customer', () => {
    seedRule(t, { name: 'Refunds', keywords: 'refund', team_id: billing });
    const id = newConversation('refund');
    t.deps.db.update(conversations).set({ withBot: true }).where(eq(conversations.id, id)).run();
    route(id);
    expect(conversationRow(t, id).routedAt).toBeNull();
    expect(routedEvents(id)).toEqual([]);
  });
});

describe('end to end', () => {
  test('routes a new conversation when the events are handled and shows why in its timeline', async () => {
    seedRule(t, { name: 'Refunds', keywords: 'استرجاع', team_id: billing });
    const id = newConversation('أريد الاسترجاع');
    t.drainEvents();
    expect(conversationRow(t, id).teamId).toBe(billing);
    expect(conversationRow(t, id).routedAt).not.toBeNull();
    const { client } = await t.signedIn('admin');
    const html = await client.load(`/conversations/${id}`);
    expect(html).toContain('Routed to Billing by the rule “Refunds”: the message mentions “استرجاع”.');
  });
});
