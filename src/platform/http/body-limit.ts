/**
 * Refuses a body larger than the limit from its Content-Length alone, before reading a byte of it.
 * Bun.serve's maxRequestBodySize is the hard cap for bodies that do not announce their length.
 */
export function exceedsBodyLimit(headers: Headers, limit: number): boolean {
  const declared = headers.get('content-length');
  if (declared === null) return false;
  const bytes = Number(declared);
  return !Number.isFinite(bytes) || bytes > limit;
}

/** Meta may send up to 3 MB in one webhook (history sync), so its endpoint gets a larger allowance. */
export const WEBHOOK_BODY_LIMIT = 4 * 1024 * 1024;

export function bodyLimitFor(path: string, defaultLimit: number): number {
  return path.startsWith('/webhooks/') ? Math.max(defaultLimit, WEBHOOK_BODY_LIMIT) : defaultLimit;
}
