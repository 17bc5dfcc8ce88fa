import { describe, expect, test } from 'bun:test';
import { en } from '../../src/i18n/locales/en';
import { ar } from '../../src/i18n/locales/ar';
import { createTranslator, localeFromAcceptLanguage } from '../../src/i18n/translate';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('locale catalogues', () => {
  test('Arabic has every English key, with real Arabic text', () => {
    const missing = Object.keys(en).filter((key) => !(key in ar) || !ar[key as keyof typeof ar].trim());
    expect(missing).toEqual([]);
    // Brand names and codes may stay Latin; everything else should contain Arabic letters.
    const untranslated = Object.entries(ar).filter(([, text]) => !/[\u0600-\u06ff]/.test(text) && text.length > 12);
    expect(untranslated).toEqual([]);
  });

  test('both languages use the same placeholders for each key', () => {
    const mismatched = Object.keys(en).filter(
      (key) => placeholders(en[key as keyof typeof en]).join() !== placeholders(ar[key as keyof typeof ar]).join(),
    );
    expect(mismatched).toEqual([]);
  });

  test('fills placeholders and leaves unknown ones visible', () => {
    const t = createTranslator('en');
    expect(t('error.server.body', { requestId: 'r-42' })).toContain('(reference r-42)');
    expect(t('error.server.body')).toContain('(reference {requestId})');
  });

  test('picks the best supported language from Accept-Language', () => {
    expect(localeFromAcceptLanguage('ar-SA,ar;q=0.9,en;q=0.8')).toBe('ar');
    expect(localeFromAcceptLanguage('fr-FR,en;q=0.5')).toBe('en');
    expect(localeFromAcceptLanguage('de, ar;q=0.2')).toBe('ar');
    expect(localeFromAcceptLanguage(undefined)).toBe('en');
  });
});
