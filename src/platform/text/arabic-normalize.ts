/**
 * Text normalisation for matching what customers type against what admins configure (routing keywords, rule
 * values). Customers write Arabic with or without diacritics, with any of four alefs, with Arabic-Indic digits and
 * with invisible direction marks pasted from other apps; none of that should decide whether "refund" matches.
 * Generic and pure: knows nothing about routing.
 */

// Zero-width and bidi controls (incl. U+061C ARABIC LETTER MARK, U+2060 WORD JOINER, U+00AD SOFT HYPHEN): removed,
// not replaced by a space, so "re\u200Bfund" is still "refund".
const INVISIBLES = /[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;
// Tashkeel (fathatan … sukun, hamza and madda above/below, …), superscript alef, and tatweel (pure stretching).
const ARABIC_MARKS = /[\u064B-\u065F\u0670\u0640]/g;
const LETTER_VARIANTS = /[\u0622\u0623\u0625\u0671\u0629\u0649\u0624\u0626\u06CC\u06A9\u0660-\u0669\u06F0-\u06F9]/g;
const LETTER_BASE: Record<string, string> = {
  'آ': 'ا', 'أ': 'ا', 'إ': 'ا', 'ٱ': 'ا',
  'ة': 'ه',
  'ى': 'ي',
  'ؤ': 'و',
  'ئ': 'ي',
  // Persian keyboards type these for Arabic yaa and kaf.
  'ی': 'ي',
  'ک': 'ك',
};

function baseOf(char: string): string {
  const code = char.charCodeAt(0);
  if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
  if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0);
  return LETTER_BASE[char] ?? char;
}

/**
 * NFKC, lower case, no Arabic diacritics or tatweel, one alef, ة→ه, ى→ي, ؤ→و, ئ→ي, ASCII digits, no invisible
 * controls, single spaces. Latin accents are kept ("café" stays "café").
 */
export function normalizeForMatching(text: string): string {
  return text
    .replace(INVISIBLES, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(ARABIC_MARKS, '')
    .replace(LETTER_VARIANTS, baseOf)
    .replace(/\s+/g, ' ')
    .trim();
}

const termCache = new Map<string, string>();

/**
 * normalizeForMatching for the short strings configuration repeats on every decision (keywords, skills, tags),
 * remembered so a decision over hundreds of agents does not redo the same Unicode work. Bounded: long strings are
 * not kept, and it starts over when full. Not for what customers type (use normalizeForMatching).
 */
export function normalizeTerm(term: string): string {
  if (term.length > 200) return normalizeForMatching(term);
  let normalized = termCache.get(term);
  if (normalized === undefined) {
    if (termCache.size >= 5000) termCache.clear();
    termCache.set(term, (normalized = normalizeForMatching(term)));
  }
  return normalized;
}

// A word is a run of letters and digits; combining marks may continue one (Devanagari vowel signs, for instance).
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;

/** The words of a text after normalisation; punctuation, emoji and symbols separate words and are dropped. */
export function tokenize(text: string): string[] {
  return normalizeForMatching(text).match(WORD) ?? [];
}

const ARTICLE_PREFIXES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال'];

/**
 * Light stemming of the Arabic definite article and the prepositions fused with it: الاسترجاع, والاسترجاع,
 * بالاسترجاع, كالاسترجاع, فالاسترجاع, للاسترجاع → استرجاع. Only when at least two letters remain, so short
 * words such as الم (ألم, pain) are left alone. Expects normalised input.
 */
export function stripArabicArticle(word: string): string {
  for (const prefix of ARTICLE_PREFIXES) {
    if (word.startsWith(prefix) && word.length - prefix.length >= 2) return word.slice(prefix.length);
  }
  return word;
}

/**
 * The forms a normalised word may stand for when the article is stripped: its stem, and also the stem without a
 * leading conjunction و ("and") when three or more letters remain, because واسترجاع ("and a refund") is common.
 * Only و is treated this way: ب/ل/ف/ك start too many ordinary words (بطاقة, card, is not ب + طاقة, energy).
 */
function stemsOf(word: string): string[] {
  const stem = stripArabicArticle(word);
  if (word.startsWith('و') && word.length >= 4) {
    const withoutAnd = stripArabicArticle(word.slice(1));
    if (withoutAnd !== stem) return [stem, withoutAnd];
  }
  return [stem];
}

/** A text normalised and split once, so many keywords can be tested against it cheaply. */
export interface MatchableText {
  normalized: string;
  words: readonly string[];
  stems: readonly (readonly string[])[];
}

export function prepareForMatching(text: string): MatchableText {
  const normalized = normalizeForMatching(text);
  const words = normalized.match(WORD) ?? [];
  return { normalized, words, stems: words.map(stemsOf) };
}

/**
 * - `contains`: the normalised keyword occurs anywhere in the normalised text ("fund" matches "refunds").
 * - `whole_word`: the keyword's words occur as consecutive whole words ("refund please" matches "refund").
 * - `exact`: the text's words are exactly the keyword's words, ignoring punctuation, emoji and spacing.
 */
export type KeywordMatchMode = 'contains' | 'whole_word' | 'exact';
export const KEYWORD_MATCH_MODES: readonly KeywordMatchMode[] = ['contains', 'whole_word', 'exact'];

export interface KeywordMatchOptions {
  /** Compare words without the Arabic article (see stripArabicArticle); ignored by `contains`. */
  stripArticle?: boolean;
}

/** True when the keyword (one word or a phrase) appears in the text in the given mode. An empty keyword never matches. */
export function matchesKeyword(text: string | MatchableText, keyword: string, mode: KeywordMatchMode, options: KeywordMatchOptions = {}): boolean {
  const prepared = typeof text === 'string' ? prepareForMatching(text) : text;
  if (mode === 'contains') {
    const needle = normalizeTerm(keyword);
    return needle !== '' && prepared.normalized.includes(needle);
  }
  const wanted = (normalizeTerm(keyword).match(WORD) ?? []).map((word) => (options.stripArticle ? stripArabicArticle(word) : word));
  if (wanted.length === 0) return false;
  if (mode === 'exact') return prepared.words.length === wanted.length && phraseAt(prepared, wanted, 0, options);
  for (let start = 0; start + wanted.length <= prepared.words.length; start++) {
    if (phraseAt(prepared, wanted, start, options)) return true;
  }
  return false;
}

function phraseAt(text: MatchableText, wanted: readonly string[], start: number, options: KeywordMatchOptions): boolean {
  return wanted.every((word, i) => (options.stripArticle ? text.stems[start + i]!.includes(word) : text.words[start + i] === word));
}
