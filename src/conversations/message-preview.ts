const PREVIEW_LENGTH = 120;

/**
 * The one-line preview shown in conversation lists: the text (or caption), else a bracketed kind such as `[image]`
 * that the list view may translate.
 */
export function messagePreview(kind: string, body: string): string {
  const text = body.replace(/\s+/g, ' ').trim();
  if (text) return text.length > PREVIEW_LENGTH ? `${text.slice(0, PREVIEW_LENGTH - 1)}…` : text;
  return `[${kind}]`;
}
