import { normalizeForMatching, stripArabicArticle, tokenize } from '../../platform/text/arabic-normalize';

/**
 * What goes into the full-text index and what a search asks of it. Both sides go through the same Arabic-aware
 * normalisation (one alef, ة→ه, no diacritics or tatweel, lower case), and words are indexed with their
 * article-less stem too, so "استرجاع" finds "الإسترجاع" and "والاسترجاع".
 */
const MAX_QUERY_WORDS = 8;
const MAX_WORD_LENGTH = 64;
const MIN_PHONE_DIGITS = 3;

function withStems(words: readonly string[]): string[] {
  const terms = new Set<string>();
  for (const word of words) {
    terms.add(word);
    terms.add(stripArabicArticle(word));
    // و ("and") fused onto a word: واسترجاع, والاسترجاع.
    if (word.startsWith('و') && word.length >= 4) terms.add(stripArabicArticle(word.slice(1)));
  }
  return [...terms];
}

export function messageTerms(body: string): string {
  return withStems(tokenize(body)).join(' ');
}

/** Every digit suffix of three or more, so "4567", "501234567" (typed with a trunk 0) and the full number all match. */
function phoneTerms(value: string | null): string[] {
  const digits = normalizeForMatching(value ?? '').replace(/\D/g, '');
  const terms: string[] = [];
  for (let start = 0; digits.length - start >= MIN_PHONE_DIGITS; start++) terms.push(digits.slice(start));
  return terms;
}

export interface SearchableContact {
  name: string;
  profileName: string;
  username: string;
  phone: string;
  waId: string | null;
}

export function contactTerms(contact: SearchableContact): string {
  const words = withStems(tokenize(`${contact.name} ${contact.profileName} ${contact.username}`));
  return [...new Set([...words, ...phoneTerms(contact.phone), ...phoneTerms(contact.waId)])].join(' ');
}

export interface SearchQuery {
  /** FTS5 MATCH expression built only from normalised words in quotes, never from raw input; null = nothing to find. */
  match: string | null;
  /** The normalised words, for highlighting. */
  words: string[];
}

const quoted = (word: string) => `"${word.replaceAll('"', '""')}"*`;

/**
 * A typed search as an FTS5 prefix query: every word must match (AND). Something that looks like a phone number
 * ("+966 50 123", "0501234567") becomes one run of digits without leading zeros.
 */
export function parseSearchQuery(input: string): SearchQuery {
  const text = input.slice(0, 500);
  if (/^[\d\s+\-().\u0660-\u0669\u06F0-\u06F9]+$/.test(text)) {
    const digits = normalizeForMatching(text).replace(/\D/g, '').replace(/^0+/, '');
    if (digits.length >= MIN_PHONE_DIGITS) return { match: quoted(digits.slice(0, MAX_WORD_LENGTH)), words: [digits] };
  }
  const words = tokenize(text)
    .slice(0, MAX_QUERY_WORDS)
    .map((word) => stripArabicArticle(word).slice(0, MAX_WORD_LENGTH));
  return words.length ? { match: words.map(quoted).join(' '), words } : { match: null, words: [] };
}
