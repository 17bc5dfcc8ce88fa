/** Form reading shared by the bot and menu forms. */
export type Parsed<T> = { ok: true; input: T } | { ok: false; errors: Record<string, string> };

/** Characters as Meta and people count them (code points), not UTF-16 units. */
export const chars = (s: string) => [...s].length;

/** Words are separated by commas (Arabic comma too) or new lines. */
export const splitWords = (text: string) => [
  ...new Set(
    text
      .split(/[,،\n]/)
      .map((w) => w.trim())
      .filter(Boolean),
  ),
];
