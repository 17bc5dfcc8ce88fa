/** Meta's envelopes nest about ten levels; anything far deeper is hostile or broken and never reaches JSON.parse. */
export const MAX_JSON_DEPTH = 64;

/** Deepest `{`/`[` nesting in a JSON text, counted outside strings, stopping early once past `limit`. */
export function jsonDepthExceeds(text: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > limit) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}

/** Parses a journaled body, refusing absurd nesting before the parser can recurse into it. */
export function parseWebhookJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  if (jsonDepthExceeds(text)) return { ok: false, error: `body is nested deeper than ${MAX_JSON_DEPTH} levels` };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: `body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300) };
  }
}
