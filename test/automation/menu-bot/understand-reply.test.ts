import { describe, expect, test } from 'bun:test';
import { choiceIdFor, isFrustrated, understandReply, type UnderstandContext } from '../../../src/automation/menu-bot/understand-reply';
import {
  DEFAULT_ESCALATION_KEYWORDS,
  DEFAULT_FRUSTRATION_WORDS,
  DEFAULT_SENSITIVE_TOPICS,
  type MenuOption,
} from '../../../src/automation/menu-bot/menu-bot-config';
import { prepareForMatching } from '../../../src/platform/text/arabic-normalize';

const answer = (id: string, titleEn: string, titleAr: string): MenuOption => ({
  id,
  titleEn,
  titleAr,
  action: { type: 'answer', textEn: 'x', textAr: 'x', followUpMenuId: null },
});
const OPTIONS = [answer('hours', 'Opening hours', 'ساعات العمل'), answer('prices', 'Prices', 'الأسعار'), answer('billing', 'Billing', 'الفواتير')];
const OTHER = [answer('zones', 'Delivery areas', 'مناطق التوصيل')];

function context(overrides: Partial<UnderstandContext> = {}): UnderstandContext {
  return {
    menuId: 'main',
    options: OPTIONS,
    menus: new Map([
      ['main', OPTIONS],
      ['delivery', OTHER],
    ]),
    escalationKeywords: DEFAULT_ESCALATION_KEYWORDS,
    frustrationWords: DEFAULT_FRUSTRATION_WORDS,
    sensitiveTopics: DEFAULT_SENSITIVE_TOPICS,
    awaitingAnswer: false,
    ...overrides,
  };
}

const understand = (text: string, overrides: Partial<UnderstandContext> = {}, choiceId: string | null = null) =>
  understandReply({ text, choiceId }, context(overrides));
const optionId = (text: string) => {
  const result = understand(text);
  return result.kind === 'option' ? result.option.id : result.kind;
};

describe('understandReply', () => {
  test('picks an option by its number', () => expect(optionId('2')).toBe('prices'));
  test('picks an option by its number in Arabic-Indic digits', () => expect(optionId('٣')).toBe('billing'));
  test('picks an option by its number in Persian digits', () => expect(optionId('۱')).toBe('hours'));
  test('accepts a number with punctuation around it', () => expect(optionId(' (2). ')).toBe('prices'));
  test('does not pick a number beyond the options', () => expect(optionId('7')).toBe('unrecognised'));
  test('picks an option by its English title in any case', () => expect(optionId('opening HOURS')).toBe('hours'));
  test('picks an option by its Arabic title without the article', () => expect(optionId('أسعار')).toBe('prices'));
  test('picks an option by its Arabic title with diacritics and another alef', () => expect(optionId('الْأَسْعَار')).toBe('prices'));
  test('prefers an option titled like a sensitive topic over the topic', () => expect(optionId('Billing')).toBe('billing'));
  test('does not take a longer sentence for a title', () => expect(optionId('what are your opening hours tomorrow')).toBe('unrecognised'));

  test('picks the option of a tapped button, even from an earlier menu', () => {
    const result = understand('Delivery areas', {}, choiceIdFor('delivery', 'zones'));
    expect(result).toMatchObject({ kind: 'option', menuId: 'delivery', option: { id: 'zones' } });
  });

  test('reads a tapped button that is no longer in any menu by its text', () =>
    expect(understand('Prices', {}, 'menu:gone:x')).toMatchObject({ kind: 'option', option: { id: 'prices' } }));

  test('asks for a person on "موظف"', () => expect(understand('موظف').kind).toBe('escalate'));
  test('asks for a person on "الموظف لو سمحت"', () => expect(understand('الموظف لو سمحت').kind).toBe('escalate'));
  test('asks for a person on "خدمة العملاء" written with ه', () => expect(understand('اريد خدمه العملاء').kind).toBe('escalate'));
  test('asks for a person on "I want a human"', () => expect(understand('I want a human please').kind).toBe('escalate'));
  test('asks for a person even while a question waits', () => expect(understand('agent', { awaitingAnswer: true }).kind).toBe('escalate'));
  test('does not take "agency" for "agent"', () => expect(understand('your agency').kind).toBe('unrecognised'));

  test('finds a sensitive topic and its routing option', () =>
    expect(understand('I need a refund')).toMatchObject({ kind: 'sensitive', topic: { option: 'refund' } }));
  test('finds a sensitive topic in Arabic with the article', () =>
    expect(understand('بخصوص الإلغاء')).toMatchObject({ kind: 'sensitive', topic: { option: 'cancellation' } }));

  test('reads shouting as frustration', () => expect(understand('WHY IS NOTHING WORKING').kind).toBe('frustrated'));
  test('reads repeated exclamation marks as frustration', () => expect(understand('where is my order!!!').kind).toBe('frustrated'));
  test('reads a configured word as frustration', () => expect(understand('this is useless').kind).toBe('frustrated'));
  test('does not read a short capitalised word as frustration', () => expect(understand('OK').kind).toBe('unrecognised'));

  test('takes free text as the answer while a question waits', () =>
    expect(understand('A-1234', { awaitingAnswer: true })).toEqual({ kind: 'answer', text: 'A-1234' }));
  test('takes a number as the answer, not an option, while a question waits', () =>
    expect(understand('2', { awaitingAnswer: true })).toEqual({ kind: 'answer', text: '2' }));
  test('goes back to the main menu on "0"', () => expect(understand('0').kind).toBe('main_menu'));
  test('goes back to the main menu on "القائمة"', () => expect(understand('القائمة').kind).toBe('main_menu'));
  test('does not understand an empty message (a photo without caption)', () => expect(understand('').kind).toBe('unrecognised'));
});

describe('isFrustrated', () => {
  test('ignores Arabic text without exclamation marks', () => expect(isFrustrated('وين طلبي', prepareForMatching('وين طلبي'), [])).toBe(false));
  test('reads Arabic text with three exclamation marks', () => expect(isFrustrated('وين طلبي!!!', prepareForMatching('وين طلبي!!!'), [])).toBe(true));
  test('ignores mostly lower-case text with an acronym', () =>
    expect(isFrustrated('my DHL parcel is late', prepareForMatching('my DHL parcel is late'), [])).toBe(false));
});
