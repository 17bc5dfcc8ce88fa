import { describe, expect, test } from 'bun:test';
import { draftFromForm, ruleFormSchema, ruleWhenSchema, splitList } from '../../src/assignment/routing-rules.schemas';
import { EMPTY_RULE_FORM, formValuesOf, readRuleForm, type RuleFormValues } from '../../src/assignment/routing-rule-form';
import { summarizeRule } from '../../src/assignment/routing-rule-summary';
import { createTranslator } from '../../src/i18n/translate';
import { renderTimelineText } from '../../src/i18n/timeline-text';

const form = (values: Partial<RuleFormValues>): RuleFormValues => ({ ...EMPTY_RULE_FORM, name: 'Rule', team_id: 'tem_1', ...values });
const draft = (values: Partial<RuleFormValues>) => draftFromForm(ruleFormSchema.parse(form(values)));

describe('splitList', () => {
  test('splits on new lines, commas and the Arabic comma, dropping blanks and repeats', () => {
    expect(splitList('refund,  billing\nاسترجاع، فاتورة\n\nrefund')).toEqual(['refund', 'billing', 'استرجاع', 'فاتورة']);
  });

  test('keeps a phrase of several words together', () => {
    expect(splitList('money  back, لم يصل الطلب')).toEqual(['money back', 'لم يصل الطلب']);
  });
});

describe('the rule form as a rule', () => {
  test('treats an empty form as a catch-all for the team', () => {
    expect(draft({})).toEqual({ name: 'Rule', when: {}, then: { teamId: 'tem_1' } });
  });

  test('turns every filled field into its condition', () => {
    const rule = draft({
      keywords: 'refund',
      keyword_mode: 'contains',
      customer: 'returning',
      vip: 'no',
      languages: 'ar, en-GB',
      tags: 'gold',
      attribute_key: 'city',
      attribute_op: 'equals',
      attribute_value: 'Riyadh',
      inbox_ids: ['inb_1'],
      menu_options: '1\nBilling',
    });
    expect(rule.when).toEqual({
      keywords: { anyOf: ['refund'], mode: 'contains' },
      contact: [
        { kind: 'customer', is: 'returning' },
        { kind: 'vip', is: false },
        { kind: 'language', anyOf: ['ar', 'en-GB'] },
        { kind: 'tag', anyOf: ['gold'] },
        { kind: 'attribute', key: 'city', op: 'equals', value: 'Riyadh' },
      ],
      inboxIds: ['inb_1'],
      menuOptions: ['1', 'Billing'],
    });
  });

  test('drops the value of an is-set condition', () => {
    expect(draft({ attribute_key: 'order', attribute_op: 'is_set', attribute_value: '' }).when.contact).toEqual([{ kind: 'attribute', key: 'order', op: 'is_set' }]);
  });

  test('keeps the optional result parts only when given', () => {
    expect(draft({ priority: 'urgent', label_ids: ['lbl_1'], required_skill: 'logistics' }).then).toEqual({ teamId: 'tem_1', priority: 'urgent', labels: ['lbl_1'], requiredSkill: 'logistics' });
  });

  test('refuses an unknown keyword mode with its message key', () => {
    const result = ruleFormSchema.safeParse(form({ keyword_mode: 'regex' }));
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toBe('routing.error.keywordMode');
  });

  test('refuses more than 50 keywords', () => {
    const result = ruleFormSchema.safeParse(form({ keywords: Array.from({ length: 51 }, (_, i) => `k${i}`).join(',') }));
    expect(result.error!.issues[0]!.message).toBe('routing.error.tooManyKeywords');
  });

  test('round-trips a saved rule through its edit form', () => {
    const values = form({ keywords: 'refund\nاسترجاع', vip: 'yes', languages: 'ar', attribute_key: 'city', attribute_op: 'contains', attribute_value: 'jed', inbox_ids: ['inb_1'], menu_options: 'Billing', priority: 'high', label_ids: ['lbl_1'], required_skill: 'x' });
    expect(formValuesOf(draftFromForm(ruleFormSchema.parse(values)))).toEqual(values);
  });
});

describe('reading the posted form', () => {
  test('reads repeated checkboxes as lists and a single one as a list of one', () => {
    expect(readRuleForm({ inbox_ids: ['a', 'b'], label_ids: 'c' })).toMatchObject({ inbox_ids: ['a', 'b'], label_ids: ['c'] });
  });

  test('gives absent fields their defaults', () => {
    expect(readRuleForm({ name: 'x' })).toEqual({ ...EMPTY_RULE_FORM, name: 'x' });
  });
});

describe('the stored rule', () => {
  test('refuses stored conditions of an unknown kind, so a damaged row is skipped', () => {
    expect(ruleWhenSchema.safeParse({ contact: [{ kind: 'mood', is: 'happy' }] }).success).toBe(false);
  });
});

describe('the rule summary', () => {
  const names = { teams: new Map([['tem_1', 'Billing']]), inboxes: new Map([['inb_1', 'Main']]), labels: new Map([['lbl_1', 'refund']]) };
  const render = (locale: 'en' | 'ar', lines: ReturnType<typeof summarizeRule>['when']) => lines.map((line) => renderTimelineText(line, createTranslator(locale)));

  test('says what a rule looks for and does', () => {
    const summary = summarizeRule(draft({ keywords: 'refund', attribute_key: 'city', attribute_op: 'not_equals', attribute_value: 'Riyadh', inbox_ids: ['inb_1'], priority: 'high', label_ids: ['lbl_1'] }), names);
    expect(render('en', summary.when)).toEqual(['the message mentions “refund”', 'field “city” is not “Riyadh”', 'on Main']);
    expect(render('en', summary.then)).toEqual(['team Billing', 'priority High', 'labels refund']);
  });

  test('calls a rule without conditions a catch-all, in Arabic too', () => {
    expect(render('ar', summarizeRule(draft({}), names).when)).toEqual(['كل محادثة']);
  });
});
