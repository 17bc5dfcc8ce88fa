import { describe, expect, test } from 'bun:test';
import { matchesKeyword, normalizeForMatching, normalizeTerm, prepareForMatching, stripArabicArticle, tokenize } from '../../src/platform/text/arabic-normalize';

describe('normalizeForMatching', () => {
  test('lower-cases and collapses whitespace, including tabs, newlines and no-break spaces', () => {
    expect(normalizeForMatching('  Refund\t\n PLEASE\u00A0now  ')).toBe('refund please now');
  });

  test('strips tashkeel, superscript alef and tatweel', () => {
    expect(normalizeForMatching('اِسْتِرْجَاعٌ')).toBe('استرجاع');
    expect(normalizeForMatching('رَحْمٰن')).toBe('رحمن');
    expect(normalizeForMatching('مـــرحـبـا')).toBe('مرحبا');
  });

  test('unifies the alef forms أ إ آ ٱ into ا', () => {
    expect(normalizeForMatching('أحمد إلغاء آمن ٱلرحمن')).toBe('احمد الغاء امن الرحمن');
  });

  test('folds taa marbuta, alef maqsura and hamza on waw and yaa', () => {
    expect(normalizeForMatching('فاتورة')).toBe('فاتوره');
    expect(normalizeForMatching('مستشفى')).toBe('مستشفي');
    expect(normalizeForMatching('مسؤول')).toBe('مسوول');
    expect(normalizeForMatching('مسائل')).toBe('مسايل');
  });

  test('folds the Persian yeh and keheh into Arabic yaa and kaf', () => {
    expect(normalizeForMatching('کتابی')).toBe(normalizeForMatching('كتابي'));
  });

  test('turns Arabic-Indic and Persian digits into ASCII digits', () => {
    expect(normalizeForMatching('طلب ٠١٢٣٤٥٦٧٨٩ و ۰۱۲۳۴۵۶۷۸۹')).toBe('طلب 0123456789 و 0123456789');
  });

  test('removes zero-width and bidi controls without splitting the word', () => {
    const hidden = 're\u200Bfu\u200Dnd \u202Bاسترجاع\u202C \u2067x\u2069\uFEFF \u200Fok\u200E \u061Cيا';
    expect(normalizeForMatching(hidden)).toBe('refund استرجاع x ok يا');
  });

  test('applies NFKC, so presentation forms and full-width letters become plain letters', () => {
    expect(normalizeForMatching('ﻻ ﻷ ＲＥＦＵＮＤ')).toBe('لا لا refund');
  });

  test('composes a decomposed hamza before folding it, so both spellings normalise alike', () => {
    expect(normalizeForMatching('\u0627\u0654حمد')).toBe(normalizeForMatching('أحمد'));
  });

  test('keeps Latin accents and emoji', () => {
    expect(normalizeForMatching('Café 🙏')).toBe('café 🙏');
  });
});

describe('normalizeTerm', () => {
  test('gives the same result as normalizeForMatching, for short terms asked twice and for long texts', () => {
    const long = 'أريد الاسترجاع '.repeat(30);
    for (const term of ['  Billing ', 'الفاتورة', 'الفاتورة', long]) expect(normalizeTerm(term)).toBe(normalizeForMatching(term));
  });
});

describe('tokenize', () => {
  test('splits mixed Arabic, English and emoji into words and drops punctuation', () => {
    expect(tokenize('أريد الاسترجاع، please!! refund🙏order#42 ؟')).toEqual(['اريد', 'الاسترجاع', 'please', 'refund', 'order', '42']);
  });

  test('returns no words for an empty or symbol-only text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('🙏 ... ؟!')).toEqual([]);
  });

  test('keeps a word that continues with combining marks whole', () => {
    expect(tokenize('नमस्ते दुनिया')).toEqual(['नमस्ते', 'दुनिया']);
  });
});

describe('stripArabicArticle', () => {
  test('strips the article and the prepositions fused with it', () => {
    for (const word of ['الاسترجاع', 'والاسترجاع', 'بالاسترجاع', 'كالاسترجاع', 'فالاسترجاع', 'للاسترجاع']) {
      expect(stripArabicArticle(word)).toBe('استرجاع');
    }
  });

  test('leaves a word alone when fewer than two letters would remain', () => {
    expect(stripArabicArticle('الم')).toBe('الم');
    expect(stripArabicArticle('والد')).toBe('والد');
  });

  test('leaves words without an article and non-Arabic words alone', () => {
    expect(stripArabicArticle('استرجاع')).toBe('استرجاع');
    expect(stripArabicArticle('all')).toBe('all');
  });
});

describe('matchesKeyword', () => {
  test('whole_word matches a word and not a part of one', () => {
    expect(matchesKeyword('I need a refund please', 'refund', 'whole_word')).toBe(true);
    expect(matchesKeyword('refunds are slow', 'refund', 'whole_word')).toBe(false);
  });

  test('contains matches inside a word', () => {
    expect(matchesKeyword('refunds are slow', 'refund', 'contains')).toBe(true);
    expect(matchesKeyword('Billing', 'ILL', 'contains')).toBe(true);
  });

  test('exact needs the whole message to be the keyword, ignoring case, punctuation and emoji', () => {
    expect(matchesKeyword('  Billing! 🙏', 'billing', 'exact')).toBe(true);
    expect(matchesKeyword('billing please', 'billing', 'exact')).toBe(false);
  });

  test('matches a phrase only as consecutive words', () => {
    expect(matchesKeyword('where is my order?', 'my order', 'whole_word')).toBe(true);
    expect(matchesKeyword('my big order', 'my order', 'whole_word')).toBe(false);
    expect(matchesKeyword('أين طلبي رقم ٥', 'طلبي رقم 5', 'whole_word')).toBe(true);
  });

  test('ignores diacritics, alef forms and letter variants on both sides', () => {
    expect(matchesKeyword('أُرِيدُ إِلْغَاءَ الفاتورة', 'الغاء', 'whole_word')).toBe(true);
    expect(matchesKeyword('ارسلوا الفاتوره', 'الفاتورة', 'whole_word')).toBe(true);
  });

  test('does not match الاسترجاع for استرجاع without stripArticle', () => {
    expect(matchesKeyword('أريد الاسترجاع', 'استرجاع', 'whole_word')).toBe(false);
  });

  test('matches الاسترجاع, بالاسترجاع and للاسترجاع for استرجاع with stripArticle', () => {
    for (const message of ['أريد الاسترجاع', 'مشكلة بالاسترجاع', 'طلب للاسترجاع', 'والاسترجاع متى؟']) {
      expect(matchesKeyword(message, 'استرجاع', 'whole_word', { stripArticle: true })).toBe(true);
    }
  });

  test('strips the article from the keyword too, so a keyword written with ال still matches without it', () => {
    expect(matchesKeyword('أريد استرجاع المبلغ', 'الاسترجاع', 'whole_word', { stripArticle: true })).toBe(true);
  });

  test('matches a word after the conjunction و with stripArticle', () => {
    expect(matchesKeyword('أريد إلغاء الطلب واسترجاع المبلغ', 'استرجاع', 'whole_word', { stripArticle: true })).toBe(true);
  });

  test('does not treat ب as a preposition on its own, so بطاقة (card) is not طاقة (energy)', () => {
    expect(matchesKeyword('بطاقة الائتمان', 'طاقة', 'whole_word', { stripArticle: true })).toBe(false);
  });

  test('matches an Arabic phrase with articles on each word', () => {
    expect(matchesKeyword('بخصوص الفاتورة الشهرية', 'فاتورة شهرية', 'whole_word', { stripArticle: true })).toBe(true);
  });

  test('exact with stripArticle compares whole messages word by word', () => {
    expect(matchesKeyword('الاسترجاع!', 'استرجاع', 'exact', { stripArticle: true })).toBe(true);
    expect(matchesKeyword('الاسترجاع الآن', 'استرجاع', 'exact', { stripArticle: true })).toBe(false);
  });

  test('never matches an empty or punctuation-only keyword', () => {
    for (const mode of ['contains', 'whole_word', 'exact'] as const) {
      expect(matchesKeyword('anything at all', '', mode)).toBe(false);
      expect(matchesKeyword('anything at all', ' ?! ', mode)).toBe(false);
    }
  });

  test('matches through hidden zero-width characters an attacker or a copy-paste inserted', () => {
    expect(matchesKeyword('I want a re\u200Bfund', 'refund', 'whole_word')).toBe(true);
  });

  test('gives the same answers for a prepared text as for the raw string', () => {
    const prepared = prepareForMatching('أريد الاسترجاع please');
    expect(matchesKeyword(prepared, 'استرجاع', 'whole_word', { stripArticle: true })).toBe(true);
    expect(matchesKeyword(prepared, 'PLEASE', 'exact')).toBe(false);
    expect(matchesKeyword(prepared, 'lea', 'contains')).toBe(true);
  });
});
