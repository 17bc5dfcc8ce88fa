import { normalizeForMatching, stripArabicArticle } from '../../platform/text/arabic-normalize';

/** A piece of a matching message around the first matched word, split so the view can mark the match (escaped). */
export interface SearchSnippet {
  before: string;
  match: string;
  after: string;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}\u0640]*/gu;
const CONTEXT = 40;

export function searchSnippet(body: string, words: readonly string[]): SearchSnippet | null {
  if (!body || words.length === 0) return null;
  for (const found of body.matchAll(WORD)) {
    const normalized = normalizeForMatching(found[0]);
    const candidates = [normalized, stripArabicArticle(normalized), normalized.replace(/\D/g, '')];
    if (!words.some((word) => candidates.some((c) => c !== '' && c.startsWith(word)))) continue;
    const start = found.index;
    const end = start + found[0].length;
    const from = Math.max(0, start - CONTEXT);
    const to = Math.min(body.length, end + CONTEXT * 2);
    return {
      before: `${from > 0 ? '…' : ''}${body.slice(from, start)}`,
      match: body.slice(start, end),
      after: `${body.slice(end, to)}${to < body.length ? '…' : ''}`,
    };
  }
  return { before: body.slice(0, CONTEXT * 3), match: '', after: body.length > CONTEXT * 3 ? '…' : '' };
}
