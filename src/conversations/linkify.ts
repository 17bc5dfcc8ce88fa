/**
 * Splits customer text into plain runs and links. Only http(s), mailto and tel targets ever become links
 * (javascript:, data:, vbscript: and markdown-style tricks stay text); views escape both kinds of token.
 */
export type TextToken = { type: 'text'; text: string } | { type: 'link'; text: string; href: string };

// A candidate starts at the beginning or after a character that cannot be part of a word or a URL.
const CANDIDATE = /(?<![\w@/.:+-])(?:https?:\/\/[^\s<>"]+|www\.[^\s<>"]+|mailto:[^\s<>"]+|tel:\+?[\d().\- ]*\d|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)/giu;
const TRAILING_PUNCTUATION = /[.,;:!?'"»”’…]+$/u;
const EMAIL = /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/u;
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);

export function linkify(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  let cursor = 0;
  for (const match of text.matchAll(CANDIDATE)) {
    const candidate = trimCandidate(match[0]);
    const href = candidate ? toHref(candidate) : undefined;
    if (!candidate || !href) continue;
    const start = match.index;
    if (start > cursor) tokens.push({ type: 'text', text: text.slice(cursor, start) });
    tokens.push({ type: 'link', text: candidate, href });
    cursor = start + candidate.length;
  }
  if (cursor < text.length) tokens.push({ type: 'text', text: text.slice(cursor) });
  return mergeText(tokens);
}

/** Drops sentence punctuation and an unbalanced closing bracket that ended up glued to the link. */
function trimCandidate(raw: string): string {
  let candidate = raw.replace(TRAILING_PUNCTUATION, '');
  for (const [open, close] of [
    ['(', ')'],
    ['[', ']'],
    ['{', '}'],
  ] as const) {
    while (candidate.endsWith(close) && count(candidate, close) > count(candidate, open)) {
      candidate = candidate.slice(0, -1).replace(TRAILING_PUNCTUATION, '');
    }
  }
  return candidate;
}

function toHref(candidate: string): string | undefined {
  let href = candidate;
  if (/^www\./i.test(candidate)) href = `https://${candidate}`;
  else if (EMAIL.test(candidate)) href = `mailto:${candidate}`;
  else if (/^tel:/i.test(candidate)) href = `tel:${candidate.slice(4).replace(/[^\d+]/g, '')}`;
  try {
    const url = new URL(href);
    if (!SAFE_PROTOCOLS.has(url.protocol)) return undefined;
    if ((url.protocol === 'http:' || url.protocol === 'https:') && !url.hostname) return undefined;
    if (url.protocol === 'tel:' && !/^\+?\d{3,}$/.test(href.slice(4))) return undefined;
    if (url.protocol === 'mailto:' && !EMAIL.test(decodeURIComponent(url.pathname))) return undefined;
    return href;
  } catch {
    return undefined;
  }
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

function mergeText(tokens: TextToken[]): TextToken[] {
  const merged: TextToken[] = [];
  for (const token of tokens) {
    const last = merged.at(-1);
    if (token.type === 'text' && last?.type === 'text') last.text += token.text;
    else merged.push(token);
  }
  return merged;
}
