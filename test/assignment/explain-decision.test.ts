import { describe, expect, test } from 'bun:test';
import { explainDecision, explainPriorityChange, explainRoute } from '../../src/assignment/explain-decision';
import { renderTimelineText } from '../../src/i18n/timeline-text';
import { chooseAgent } from '../../src/assignment/choose-agent';
import { routeConversation, type RoutingRule } from '../../src/assignment/routing-rules';
import { createTranslator } from '../../src/i18n/translate';
import { NOW, agent, conversation, team } from './assignment-fixtures';

const names: Record<string, string> = { usr_a: 'Sara', usr_b: 'Omar', usr_c: 'Lina', usr_o: 'Huda' };
const nameOf = (id: string) => names[id] ?? id;
const en = createTranslator('en');
const ar = createTranslator('ar');

describe('explainDecision', () => {
  test('says who got it, by which strategy, and why each other agent was passed over', () => {
    const agents = [agent('usr_a'), agent('usr_b', { status: 'offline' }), agent('usr_c', { openCount: 5 })];
    const result = chooseAgent({ now: NOW, conversation: conversation('c'), team: team(['usr_a', 'usr_b', 'usr_c']), agents });
    const event = explainDecision(result, nameOf);
    expect(event.key).toBe('assignment.event.assignedPassedOver');
    expect(renderTimelineText(event, en)).toBe('Assigned to Sara (round robin). Passed over: Omar (offline); Lina (at capacity).');
    expect(renderTimelineText(event, ar)).toBe('أُسندت إلى Sara (بالتناوب). تم تجاوز: Omar (غير متصل)؛ Lina (بلغ الحد الأقصى من المحادثات).');
  });

  test('leaves out the passed-over part when nobody else was considered', () => {
    const result = chooseAgent({ now: NOW, conversation: conversation('c'), team: team(['usr_a'], { strategy: 'least_open' }), agents: [agent('usr_a')] });
    expect(renderTimelineText(explainDecision(result, nameOf), en)).toBe('Assigned to Sara (fewest open conversations).');
  });

  test('explains a queued conversation', () => {
    const manual = chooseAgent({ now: NOW, conversation: conversation('c'), team: team(['usr_a'], { strategy: 'manual' }), agents: [agent('usr_a')] });
    expect(renderTimelineText(explainDecision(manual, nameOf), en)).toBe('Waiting in the team queue: this team assigns by hand.');
    const full = chooseAgent({ now: NOW, conversation: conversation('c'), team: team(['usr_a']), agents: [agent('usr_a', { onShift: false })] });
    expect(renderTimelineText(explainDecision(full, nameOf), en)).toBe('Waiting in the team queue: nobody can take it right now. Passed over: Sara (off shift).');
  });

  test('names the VIP owner rule and the extra priority line when the owner is unavailable', () => {
    const c = conversation('c', { vip: true, ownerAgentId: 'usr_o' });
    const away = chooseAgent({ now: NOW, conversation: c, team: team(['usr_a']), agents: [agent('usr_a'), agent('usr_o', { status: 'away' })] });
    expect(renderTimelineText(explainDecision(away, nameOf), en)).toBe('Assigned to Sara (round robin). Passed over: Huda (away).');
    expect(renderTimelineText(explainPriorityChange(away)!, ar)).toBe('رُفعت الأولوية إلى عالية: مسؤول العميل المميز غير متاح.');
    const here = chooseAgent({ now: NOW, conversation: c, team: team(['usr_a']), agents: [agent('usr_a'), agent('usr_o')] });
    expect(renderTimelineText(explainDecision(here, nameOf), en)).toBe('Assigned to Huda (the VIP contact’s owner). Passed over: Sara (the VIP contact’s owner came first).');
    expect(explainPriorityChange(here)).toBeUndefined();
  });

  test('is plain JSON that renders the same after a round trip through storage', () => {
    const result = chooseAgent({ now: NOW, conversation: conversation('c'), team: team(['usr_a', 'usr_b']), agents: [agent('usr_a'), agent('usr_b', { disabled: true })] });
    const event = explainDecision(result, nameOf);
    expect(renderTimelineText(JSON.parse(JSON.stringify(event)), ar)).toBe(renderTimelineText(event, ar));
  });

  test('passes names through as given, leaving escaping to the view', () => {
    const result = chooseAgent({ now: NOW, conversation: conversation('c'), team: team(['usr_a']), agents: [agent('usr_a')] });
    expect(renderTimelineText(explainDecision(result, () => '<b>{strategy}</b>'), en)).toBe('Assigned to <b>{strategy}</b> (round robin).');
  });
});

describe('explainRoute', () => {
  const refunds: RoutingRule = {
    id: 'rul_1',
    name: 'Refunds',
    enabled: true,
    when: { keywords: { anyOf: ['refund', 'استرجاع'], mode: 'whole_word' }, contact: [{ kind: 'vip', is: true }, { kind: 'tag', anyOf: ['gold', 'silver'] }] },
    then: { teamId: 'tea_billing' },
  };

  test('says which rule routed the conversation and every condition that held', () => {
    const route = routeConversation({ rules: [refunds], message: 'أريد الاسترجاع', contact: { returning: true, vip: true, language: 'ar', tags: ['gold'], attributes: {} }, inboxId: 'inb_1' })!;
    expect(renderTimelineText(explainRoute(route, 'Billing'), en)).toBe('Routed to Billing by the rule “Refunds”: VIP contact; tagged gold, silver; the message mentions “استرجاع”.');
    expect(renderTimelineText(explainRoute(route, 'الفوترة'), ar)).toBe('وُجّهت إلى الفوترة بالقاعدة «Refunds»: عميل مميز؛ يحمل الوسم gold, silver؛ الرسالة تذكر «استرجاع».');
  });

  test('explains a catch-all rule, an inbox rule and a menu rule', () => {
    const base = { contact: { returning: false, vip: false, language: null, tags: [], attributes: {} }, inboxId: 'inb_1', message: 'hi' };
    const rule = (when: RoutingRule['when']): RoutingRule => ({ id: 'r', name: 'R', enabled: true, when, then: { teamId: 't' } });
    const text = (r: RoutingRule, menuOption: string | null = null) => renderTimelineText(explainRoute(routeConversation({ ...base, rules: [r], menuOption })!, 'Support'), en);
    expect(text(rule({}))).toBe('Routed to Support by the rule “R”: the rule applies to every conversation.');
    expect(text(rule({ inboxIds: ['inb_1'], contact: [{ kind: 'customer', is: 'new' }] }))).toBe('Routed to Support by the rule “R”: it came in on one of the rule’s inboxes; new customer.');
    expect(text(rule({ menuOptions: ['2'] }), '2')).toBe('Routed to Support by the rule “R”: the customer picked “2” in the menu.');
  });
});
