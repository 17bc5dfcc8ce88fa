import { timingSafeEqual } from 'node:crypto';

const HEADER = /^sha256=([0-9a-f]{64})$/i;

/**
 * Checks `X-Hub-Signature-256: sha256=<hex>` — an HMAC-SHA256 of the exact raw bytes, keyed with an app secret —
 * in constant time. Returns the first candidate whose secret matches, or undefined.
 */
export function findSigningChannel<T extends { appSecret: string }>(rawBody: Uint8Array, header: string | null, candidates: readonly T[]): T | undefined {
  const match = header ? HEADER.exec(header.trim()) : null;
  if (!match) return undefined;
  const given = Buffer.from(match[1]!, 'hex');
  let found: T | undefined;
  // Every candidate is checked even after a match, so timing says nothing about which secret (or how many) exist.
  for (const candidate of candidates) {
    if (!candidate.appSecret) continue;
    const expected = hmacSha256(candidate.appSecret, rawBody);
    if (expected.length === given.length && timingSafeEqual(expected, given) && !found) found = candidate;
  }
  return found;
}

export function hmacSha256(secret: string, body: Uint8Array | string): Buffer {
  return new Bun.CryptoHasher('sha256', secret).update(body).digest() as Buffer;
}

/** The header value Meta would send for this body (tests, the sandbox and the fake Graph sign with it). */
export const signatureHeader = (secret: string, body: Uint8Array | string) => `sha256=${hmacSha256(secret, body).toString('hex')}`;
