import { timingSafeEqual } from 'node:crypto';

export const CSRF_HEADER = 'x-csrf-token';
export const CSRF_FIELD = '_csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const isUnsafeMethod = (method: string) => !SAFE_METHODS.has(method.toUpperCase());

/**
 * Three cheap layers: cross-site fetch metadata is refused outright, a foreign Origin is refused, and the
 * request must echo the session's token (header from htmx, hidden field from plain forms).
 */
export function checkCsrf({
  headers,
  formToken,
  expectedToken,
  allowedOrigins,
}: {
  headers: Headers;
  formToken: string | undefined;
  expectedToken: string | undefined;
  allowedOrigins: string[];
}): { ok: true } | { ok: false; reason: string } {
  const fetchSite = headers.get('sec-fetch-site');
  if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') return { ok: false, reason: 'cross-site request' };
  const origin = headers.get('origin');
  if (origin && origin !== 'null' && !allowedOrigins.includes(origin)) return { ok: false, reason: 'foreign origin' };
  const presented = headers.get(CSRF_HEADER) ?? formToken;
  if (!expectedToken || !presented) return { ok: false, reason: 'missing token' };
  if (!constantTimeEquals(presented, expectedToken)) return { ok: false, reason: 'wrong token' };
  return { ok: true };
}

export function constantTimeEquals(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  // timingSafeEqual throws on different lengths; the length itself is not secret here.
  return left.length === right.length && timingSafeEqual(left, right);
}
