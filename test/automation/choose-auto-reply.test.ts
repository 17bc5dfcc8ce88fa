import { describe, expect, test } from 'bun:test';
import { chooseAutoReply, firstMatchingRule, type AutoReplyFacts } from '../../src/automation/choose-auto-reply';
import type { AutoReplyConfig } from '../../src/automation/auto-reply-config';
import type { KeywordRule } from '../../src/automation/keyword-rule';

const NOW = Date.UTC(2026, 10, 27, 20, 0);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const allOn: AutoReplyConfig = {
  welcome: { enabled: true, text: { en: 'Welcome!', ar: 'أهلًا!' }, afterDays: 0 },
  outOfHours: { enabled: true, text: { en: 'We are closed.', ar: 'نحن مغلقون.' }, everyHours: 12 },
};

function rule(overrides: Partial<KeywordRule> = {}): KeywordRule {
  return { id: 'kwr_1', inboxId: null, position: 1, name: 'Prices', enabled: true, keywords: ['price'], matchMode: 'whole_word', replies: [{ en: 'From 10 SAR', ar: 'من 10 ريال' }], buttons: [], handOver: false, ...overrides };
}

function facts(overrides: Partial<AutoReplyFacts> = {}): AutoReplyFacts {
  return {
    newConversation: false,
    firstContact: false,
    daysSinceLastConversation: null,
    open: true,
    lastOutOfHoursAt: null,
    lastAgentReplyAt: null,
    withBot: false,
    humanAssigned: false,
    automaticSentLast24h: 0,
    limit: 3,
    text: 'hello',
    rules: [],
    ...overrides,
  };
}

const types = (f: AutoReplyFacts, config = allOn) => chooseAutoReply(f, config, NOW).replies.map((r) => r.type);

describe('welcome', () => {
  test('welcomes a first contact on the message that opened the conversation', () => {
    expect(types(facts({ newConversation: true, firstContact: true }))).toEqual(['welcome']);
  });

  test('does not welcome again on a later message of the same conversation', () => {
    const decision = chooseAutoReply(facts({ newConversation: false, firstContact: true }), allOn, NOW);
    expect(decision.replies).toEqual([]);
    expect(decision.skipped.welcome).toBe('not_new');
  });

  test('welcomes a returning customer only after the configured days of silence', () => {
    const config = { ...allOn, welcome: { ...allOn.welcome, afterDays: 30 } };
    expect(types(facts({ newConversation: true, daysSinceLastConversation: 30 }), config)).toEqual(['welcome']);
    expect(chooseAutoReply(facts({ newConversation: true, daysSinceLastConversation: 29 }), config, NOW).skipped.welcome).toBe('returning_too_soon');
  });

  test('does not welcome a returning customer when the after-days option is 0', () => {
    expect(chooseAutoReply(facts({ newConversation: true, daysSinceLastConversation: 400 }), allOn, NOW).skipped.welcome).toBe('returning_too_soon');
  });

  test('stays off when switched off', () => {
    const config = { ...allOn, welcome: { ...allOn.welcome, enabled: false } };
    expect(chooseAutoReply(facts({ newConversation: true, firstContact: true }), config, NOW).skipped.welcome).toBe('off');
  });
});

describe('out of hours', () => {
  test('replies when closed and none was sent in this conversation', () => {
    expect(types(facts({ open: false }))).toEqual(['out_of_hours']);
  });

  test('stays quiet while open', () => {
    expect(chooseAutoReply(facts({ open: true }), allOn, NOW).skipped.out_of_hours).toBe('open');
  });

  test('is sent at most once per conversation in the configured hours', () => {
    expect(chooseAutoReply(facts({ open: false, lastOutOfHoursAt: NOW - 11 * HOUR }), allOn, NOW).skipped.out_of_hours).toBe('throttled');
    expect(types(facts({ open: false, lastOutOfHoursAt: NOW - 12 * HOUR }))).toEqual(['out_of_hours']);
  });

  test('is not sent when an agent replied less than 5 minutes ago', () => {
    expect(chooseAutoReply(facts({ open: false, lastAgentReplyAt: NOW - 4 * MINUTE }), allOn, NOW).skipped.out_of_hours).toBe('agent_recent');
    expect(types(facts({ open: false, lastAgentReplyAt: NOW - 5 * MINUTE }))).toEqual(['out_of_hours']);
  });

  test('is never sent while the bot talks', () => {
    expect(chooseAutoReply(facts({ open: false, withBot: true }), allOn, NOW).skipped.out_of_hours).toBe('bot');
  });

  test('is still sent once a person has taken the conversation', () => {
    expect(types(facts({ open: false, humanAssigned: true, rules: [rule()], text: 'price?' }))).toEqual(['out_of_hours']);
  });
});

describe('keyword replies', () => {
  test('answers with the first enabled rule that matches', () => {
    const rules = [rule({ id: 'off', enabled: false }), rule({ id: 'first', keywords: ['price', 'cost'] }), rule({ id: 'second' })];
    const decision = chooseAutoReply(facts({ text: 'What is the cost?', rules }), allOn, NOW);
    expect(decision.replies).toEqual([{ type: 'keyword', rule: rules[1]! }]);
  });

  test('matches Arabic whatever the diacritics, alef form or article', () => {
    const rules = [rule({ keywords: ['أسعار'], matchMode: 'whole_word' })];
    expect(firstMatchingRule('كم الاسعار؟', rules)?.id).toBe('kwr_1');
    expect(firstMatchingRule('أَسْعَار', rules)?.id).toBe('kwr_1');
  });

  test('respects the match mode', () => {
    expect(firstMatchingRule('refunds please', [rule({ keywords: ['refund'], matchMode: 'contains' })])).toBeDefined();
    expect(firstMatchingRule('refunds please', [rule({ keywords: ['refund'], matchMode: 'whole_word' })])).toBeUndefined();
    expect(firstMatchingRule('Hours!', [rule({ keywords: ['hours'], matchMode: 'exact' })])).toBeDefined();
    expect(firstMatchingRule('opening hours?', [rule({ keywords: ['hours'], matchMode: 'exact' })])).toBeUndefined();
  });

  test('says no match when nothing matches', () => {
    expect(chooseAutoReply(facts({ text: 'hello', rules: [rule()] }), allOn, NOW).skipped.keyword).toBe('no_match');
  });

  test('does not answer once a person has taken the conversation', () => {
    expect(chooseAutoReply(facts({ text: 'price', rules: [rule()], humanAssigned: true }), allOn, NOW).skipped.keyword).toBe('human');
  });

  test('does not answer right after an agent wrote', () => {
    expect(chooseAutoReply(facts({ text: 'price', rules: [rule()], lastAgentReplyAt: NOW - MINUTE }), allOn, NOW).skipped.keyword).toBe('agent_recent');
  });
});

describe('the 24-hour limit', () => {
  test('sends welcome, keyword and out-of-hours in that order when there is room', () => {
    expect(types(facts({ newConversation: true, firstContact: true, open: false, text: 'price', rules: [rule()] }))).toEqual(['welcome', 'keyword', 'out_of_hours']);
  });

  test('cuts what does not fit and says so', () => {
    const decision = chooseAutoReply(facts({ newConversation: true, firstContact: true, open: false, text: 'price', rules: [rule()], automaticSentLast24h: 2 }), allOn, NOW);
    expect(decision.replies.map((r) => r.type)).toEqual(['welcome']);
    expect(decision.skipped).toMatchObject({ keyword: 'limit', out_of_hours: 'limit' });
  });

  test('sends nothing once the limit is reached', () => {
    const decision = chooseAutoReply(facts({ open: false, automaticSentLast24h: 3 }), allOn, NOW);
    expect(decision.replies).toEqual([]);
    expect(decision.skipped.out_of_hours).toBe('limit');
  });

  test('keeps the matched rule when its reply was cut, so a hand-off still happens', () => {
    const decision = chooseAutoReply(facts({ text: 'price', rules: [rule({ handOver: true })], automaticSentLast24h: 3 }), allOn, NOW);
    expect(decision.replies).toEqual([]);
    expect(decision.matchedRule?.handOver).toBe(true);
  });
});
