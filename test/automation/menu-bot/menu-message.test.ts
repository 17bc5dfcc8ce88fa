import { describe, expect, test } from 'bun:test';
import { fitTitle, menuMessage } from '../../../src/automation/menu-bot/menu-message';
import { customerLanguage, type BotMenu, type MenuOption } from '../../../src/automation/menu-bot/menu-bot-config';
import { validateOutboundContent } from '../../../src/conversations/validate-outbound-content';
import { createTranslator } from '../../../src/i18n/translate';

const option = (n: number, titleEn = `Option ${n}`, titleAr = `الخيار ${n}`): MenuOption => ({
  id: `o${n}`,
  titleEn,
  titleAr,
  action: { type: 'answer', textEn: 'x', textAr: 'x', followUpMenuId: null },
});
const menu = (options: MenuOption[], greetingEn = 'Hi!', greetingAr = 'مرحباً!'): BotMenu => ({ id: 'm1', name: 'Main', greetingEn, greetingAr, options });
const en = createTranslator('en');
const ar = createTranslator('ar');

describe('menuMessage', () => {
  test('shows up to three options as reply buttons that pass Meta’s limits', () => {
    const content = menuMessage(menu([option(1), option(2), option(3)]), 'en', en);
    expect(content).toMatchObject({
      kind: 'buttons',
      body: 'Hi!',
      buttons: [{ id: 'menu:m1:o1', title: 'Option 1' }, { title: 'Option 2' }, { title: 'Option 3' }],
    });
    expect(() => validateOutboundContent(content)).not.toThrow();
  });

  test('shows four options as a list whose body numbers them', () => {
    const content = menuMessage(menu([1, 2, 3, 4].map((n) => option(n))), 'en', en);
    expect(content.kind).toBe('list');
    if (content.kind !== 'list') return;
    expect(content.body).toContain('4. Option 4');
    expect(content.sections[0]!.rows).toHaveLength(4);
    expect(() => validateOutboundContent(content)).not.toThrow();
  });

  test('uses a list when a title is too long for a button, and cuts it to a row’s 24 characters', () => {
    const content = menuMessage(menu([option(1, 'A very long option title here, really')]), 'en', en);
    expect(content.kind).toBe('list');
    if (content.kind !== 'list') return;
    expect([...content.sections[0]!.rows[0]!.title].length).toBe(24);
    expect(() => validateOutboundContent(content)).not.toThrow();
  });

  test('shows ten options as a valid list', () => {
    const content = menuMessage(menu(Array.from({ length: 10 }, (_, i) => option(i + 1))), 'ar', ar);
    expect(() => validateOutboundContent(content)).not.toThrow();
  });

  test('speaks Arabic with the Arabic titles and greeting', () => {
    const content = menuMessage(menu([option(1), option(2)]), 'ar', ar);
    expect(content).toMatchObject({ kind: 'buttons', body: 'مرحباً!', buttons: [{ title: 'الخيار 1' }, { title: 'الخيار 2' }] });
  });

  test('falls back to the English text when the Arabic one is empty', () => {
    const content = menuMessage(menu([option(1, 'Prices', '')], 'Hello', ''), 'ar', ar);
    expect(content).toMatchObject({ kind: 'buttons', body: 'Hello', buttons: [{ title: 'Prices' }] });
  });

  test('uses the built-in greeting when none is set', () => {
    const content = menuMessage(menu([option(1)], '', ''), 'en', en);
    expect(content).toMatchObject({ body: 'Hello! How can we help you today? Choose an option:' });
  });
});

describe('fitTitle', () => {
  test('keeps a title that fits', () => expect(fitTitle('Prices', 20)).toBe('Prices'));
  test('cuts by characters, not UTF-16 units, and ends with an ellipsis', () => expect(fitTitle('😀'.repeat(30), 20)).toBe(`${'😀'.repeat(19)}…`));
});

describe('customerLanguage', () => {
  test('answers Arabic to an Arabic WhatsApp locale', () => expect(customerLanguage('ar_EG', 'en')).toBe('ar'));
  test('answers in the business’s language when the locale is unknown', () => expect(customerLanguage('', 'ar')).toBe('ar'));
  test('answers English to an English locale in an Arabic business', () => expect(customerLanguage('en_GB', 'ar')).toBe('en'));
});
