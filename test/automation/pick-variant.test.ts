import { describe, expect, test } from 'bun:test';
import { pickVariant, seededRandom } from '../../src/automation/pick-variant';
import { replyLanguageFor, textIn } from '../../src/automation/reply-language';
import { withNextOpening } from '../../src/automation/auto-reply-config';

describe('pickVariant', () => {
  test('picks by the injected randomness', () => {
    expect(pickVariant(['a', 'b', 'c'], () => 0)).toBe('a');
    expect(pickVariant(['a', 'b', 'c'], () => 0.5)).toBe('b');
    expect(pickVariant(['a', 'b', 'c'], () => 0.999)).toBe('c');
  });

  test('clamps randomness outside [0, 1) instead of failing', () => {
    expect(pickVariant(['a', 'b'], () => 1)).toBe('b');
    expect(pickVariant(['a', 'b'], () => -0.5)).toBe('a');
  });

  test('returns nothing for no variants', () => {
    expect(pickVariant([], () => 0.3)).toBeUndefined();
  });

  test('a seeded generator repeats its picks and uses every variant', () => {
    const rounds = Array.from({ length: 50 });
    const a = seededRandom(42);
    const b = seededRandom(42);
    const picksA = rounds.map(() => pickVariant(['x', 'y', 'z'], a));
    const picksB = rounds.map(() => pickVariant(['x', 'y', 'z'], b));
    expect(picksA).toEqual(picksB);
    expect(new Set(picksA)).toEqual(new Set(['x', 'y', 'z']));
  });
});

describe('reply language', () => {
  test('answers Arabic-speaking customers in Arabic whatever the business default', () => {
    expect(replyLanguageFor('ar_SA', 'en')).toBe('ar');
    expect(replyLanguageFor('AR', 'en')).toBe('ar');
  });

  test('falls back to the business default when the customer language is unknown', () => {
    expect(replyLanguageFor('', 'ar')).toBe('ar');
    expect(replyLanguageFor('fr_FR', 'en')).toBe('en');
  });

  test('uses the other language when the admin left one empty', () => {
    expect(textIn({ en: 'Hi', ar: '' }, 'ar')).toBe('Hi');
    expect(textIn({ en: '', ar: 'مرحبا' }, 'en')).toBe('مرحبا');
  });

  test('puts the next opening where the placeholder is, else on its own line', () => {
    expect(withNextOpening('Closed. {opening} Thanks!', 'We open at 9.')).toBe('Closed. We open at 9. Thanks!');
    expect(withNextOpening('Closed.', 'We open at 9.')).toBe('Closed.\nWe open at 9.');
  });
});
