import { describe, expect, test } from 'bun:test';
import { routeConversation, type RoutingRule } from '../../src/assignment/routing-rules';
import type { RoutingContact } from '../../src/assignment/routing-conditions';

const contact = (overrides: Partial<RoutingContact> = {}): RoutingContact => ({ returning: false, vip: false, language: null, tags: [], attributes: {}, ...overrides });

function rule(id: string, when: RoutingRule['when'], then: Partial<RoutingRule['then']> = {}, enabled = true): RoutingRule {
  return { id, name: id, enabled, when, then: { teamId: `team_${id}`, ...then } };
}

const billing = rule('billing', { keywords: { anyOf: ['refund', 'استرجاع', 'billing', 'فاتورة'], mode: 'whole_word' } }, { priority: 'high', labels: ['billing'] });
const route = (rules: RoutingRule[], message: string, extra: Partial<{ contact: RoutingContact; inboxId: string; menuOption: string | null }> = {}) =>
  routeConversation({ rules, message, contact: extra.contact ?? contact(), inboxId: extra.inboxId ?? 'inb_main', menuOption: extra.menuOption ?? null });

describe('routeConversation: keywords', () => {
  test('routes to the rule’s team with its priority and labels when an English keyword appears', () => {
    const result = route([billing], 'Hi, I want a REFUND for order 12');
    expect(result).toMatchObject({ teamId: 'team_billing', priority: 'high', labels: ['billing'], reason: [{ kind: 'keyword', keyword: 'refund' }] });
    expect(result?.rule.id).toBe('billing');
  });

  test('routes an Arabic message whose keyword carries the article and diacritics', () => {
    expect(route([billing], 'أُرِيدُ الاسْتِرْجَاع لو سمحت')?.reason).toEqual([{ kind: 'keyword', keyword: 'استرجاع' }]);
    expect(route([billing], 'ابغى الفاتوره')?.reason).toEqual([{ kind: 'keyword', keyword: 'فاتورة' }]);
  });

  test('does not route on part of a word in whole_word mode', () => {
    expect(route([billing], 'refunded already, thanks')).toBeUndefined();
  });

  test('matches a multi-word phrase only when its words are consecutive', () => {
    const shipping = rule('shipping', { keywords: { anyOf: ['where is my order'], mode: 'whole_word' } });
    expect(route([shipping], 'Hello! Where is my order??')?.teamId).toBe('team_shipping');
    expect(route([shipping], 'where is the order of mine')).toBeUndefined();
  });

  test('returns undefined when no rule matches so the caller uses the inbox default team', () => {
    expect(route([billing], 'hello there 👋')).toBeUndefined();
  });

  test('never matches keywords against an empty message such as a photo without caption', () => {
    expect(route([billing], '')).toBeUndefined();
  });
});

describe('routeConversation: order and conditions', () => {
  test('takes the first matching rule when several match', () => {
    const vip = rule('vip', { contact: [{ kind: 'vip', is: true }] });
    expect(route([vip, billing], 'refund', { contact: contact({ vip: true }) })?.teamId).toBe('team_vip');
    expect(route([billing, vip], 'refund', { contact: contact({ vip: true }) })?.teamId).toBe('team_billing');
  });

  test('skips a disabled rule', () => {
    const off = rule('off', { keywords: { anyOf: ['refund'], mode: 'contains' } }, {}, false);
    expect(route([off, billing], 'refund')?.teamId).toBe('team_billing');
  });

  test('requires every condition of a rule to hold', () => {
    const arabicVipBilling = rule('avb', { keywords: { anyOf: ['refund'], mode: 'whole_word' }, contact: [{ kind: 'vip', is: true }, { kind: 'language', anyOf: ['ar'] }] });
    expect(route([arabicVipBilling], 'refund', { contact: contact({ vip: true, language: 'ar-SA' }) })?.reason).toEqual([
      { kind: 'contact', condition: { kind: 'vip', is: true } },
      { kind: 'contact', condition: { kind: 'language', anyOf: ['ar'] } },
      { kind: 'keyword', keyword: 'refund' },
    ]);
    expect(route([arabicVipBilling], 'refund', { contact: contact({ vip: true, language: 'en' }) })).toBeUndefined();
    expect(route([arabicVipBilling], 'hello', { contact: contact({ vip: true, language: 'ar' }) })).toBeUndefined();
  });

  test('routes by the inbox the conversation came in on', () => {
    const riyadh = rule('riyadh', { inboxIds: ['inb_riyadh', 'inb_jeddah'] });
    expect(route([riyadh], 'hi', { inboxId: 'inb_jeddah' })?.reason).toEqual([{ kind: 'inbox', inboxId: 'inb_jeddah' }]);
    expect(route([riyadh], 'hi', { inboxId: 'inb_main' })).toBeUndefined();
  });

  test('routes by the menu option the customer picked, typed in any digits', () => {
    const sales = rule('sales', { menuOptions: ['2'] }, { requiredSkill: 'sales' });
    expect(route([sales], '٢', { menuOption: '٢' })).toMatchObject({ teamId: 'team_sales', requiredSkill: 'sales', reason: [{ kind: 'menu_option', option: '2' }] });
    expect(route([sales], '1', { menuOption: '1' })).toBeUndefined();
    expect(route([sales], 'hi', { menuOption: null })).toBeUndefined();
  });

  test('treats a rule with no conditions as a catch-all', () => {
    const fallback = rule('fallback', {});
    expect(route([billing, fallback], 'hello')).toMatchObject({ teamId: 'team_fallback', reason: [{ kind: 'catch_all' }] });
  });

  test('treats empty condition lists as not given', () => {
    const fallback = rule('fallback', { keywords: { anyOf: [], mode: 'whole_word' }, inboxIds: [], menuOptions: [], contact: [] });
    expect(route([fallback], 'hello')?.reason).toEqual([{ kind: 'catch_all' }]);
  });
});

describe('routeConversation: contact attributes', () => {
  const only = (condition: NonNullable<RoutingRule['when']['contact']>[number]) => [rule('r', { contact: [condition] })];

  test('tells new customers from returning ones', () => {
    expect(route(only({ kind: 'customer', is: 'new' }), 'hi', { contact: contact({ returning: false }) })).toBeDefined();
    expect(route(only({ kind: 'customer', is: 'new' }), 'hi', { contact: contact({ returning: true }) })).toBeUndefined();
    expect(route(only({ kind: 'customer', is: 'returning' }), 'hi', { contact: contact({ returning: true }) })).toBeDefined();
  });

  test('matches VIP and non-VIP contacts', () => {
    expect(route(only({ kind: 'vip', is: false }), 'hi', { contact: contact({ vip: false }) })).toBeDefined();
    expect(route(only({ kind: 'vip', is: false }), 'hi', { contact: contact({ vip: true }) })).toBeUndefined();
  });

  test('matches a language by its primary tag, and a regional tag only exactly', () => {
    expect(route(only({ kind: 'language', anyOf: ['ar'] }), 'hi', { contact: contact({ language: 'AR_eg' }) })).toBeDefined();
    expect(route(only({ kind: 'language', anyOf: ['en-GB'] }), 'hi', { contact: contact({ language: 'en-US' }) })).toBeUndefined();
    expect(route(only({ kind: 'language', anyOf: ['ar'] }), 'hi', { contact: contact({ language: 'arn' }) })).toBeUndefined();
    expect(route(only({ kind: 'language', anyOf: ['ar'] }), 'hi', { contact: contact({ language: null }) })).toBeUndefined();
  });

  test('matches any of the listed tags, ignoring case and Arabic letter variants', () => {
    expect(route(only({ kind: 'tag', anyOf: ['wholesale', 'جملة'] }), 'hi', { contact: contact({ tags: ['جمله'] }) })).toBeDefined();
    expect(route(only({ kind: 'tag', anyOf: ['Wholesale'] }), 'hi', { contact: contact({ tags: ['wholesale'] }) })).toBeDefined();
    expect(route(only({ kind: 'tag', anyOf: ['wholesale'] }), 'hi', { contact: contact({ tags: ['retail'] }) })).toBeUndefined();
  });

  test('compares custom attributes with equals, not_equals, contains, is_set and is_not_set', () => {
    const riyadh = contact({ attributes: { city: 'الرياض', plan: 'Gold', seats: 12, blocked: null } });
    const cases: [NonNullable<RoutingRule['when']['contact']>[number], boolean][] = [
      [{ kind: 'attribute', key: 'city', op: 'equals', value: 'الرّياض' }, true],
      [{ kind: 'attribute', key: 'plan', op: 'equals', value: 'gold' }, true],
      [{ kind: 'attribute', key: 'seats', op: 'equals', value: '١٢' }, true],
      [{ kind: 'attribute', key: 'plan', op: 'not_equals', value: 'gold' }, false],
      [{ kind: 'attribute', key: 'missing', op: 'not_equals', value: 'gold' }, true],
      [{ kind: 'attribute', key: 'plan', op: 'contains', value: 'ol' }, true],
      [{ kind: 'attribute', key: 'missing', op: 'equals', value: '' }, false],
      [{ kind: 'attribute', key: 'city', op: 'is_set' }, true],
      [{ kind: 'attribute', key: 'blocked', op: 'is_set' }, false],
      [{ kind: 'attribute', key: 'blocked', op: 'is_not_set' }, true],
    ];
    for (const [condition, expected] of cases) expect([condition, route(only(condition), 'hi', { contact: riyadh }) !== undefined]).toEqual([condition, expected]);
  });
});
