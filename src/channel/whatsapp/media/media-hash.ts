/**
 * Meta gives media hashes as base64 in webhooks and as hex from Graph; either form is compared with the hex
 * digest we computed. An empty or unreadable expectation checks nothing (returns true).
 */
export function hashMatches(expected: string | null | undefined, actualHex: string): boolean {
  const value = (expected ?? '').trim();
  if (!value) return true;
  if (/^[0-9a-f]{64}$/i.test(value)) return value.toLowerCase() === actualHex;
  const hex = base64ToHex(value);
  return hex === null ? true : hex === actualHex;
}

function base64ToHex(value: string): string | null {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) return null;
  const bytes = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  // Only a full 32-byte digest is a hash we can hold the file to; sample payloads carry truncated junk.
  return bytes.length === 32 ? bytes.toString('hex') : null;
}
