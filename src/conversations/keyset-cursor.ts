/**
 * Opaque paging cursors for keyset pagination over (timestamp, id): stable under inserts, unlike offsets, and
 * meaningless to clients. A cursor that does not decode is treated as absent by callers that validate it.
 */
export interface Keyset {
  at: number;
  id: string;
}

export function encodeCursor({ at, id }: Keyset): string {
  return Buffer.from(`${at}:${id}`, 'utf8').toString('base64url');
}

export function decodeCursor(value: unknown): Keyset | undefined {
  if (typeof value !== 'string' || value.length === 0 || value.length > 200 || !/^[\w-]+$/.test(value)) return undefined;
  const decoded = Buffer.from(value, 'base64url').toString('utf8');
  const match = /^(\d{1,16}):([\w-]{1,100})$/.exec(decoded);
  if (!match) return undefined;
  const at = Number(match[1]);
  return Number.isSafeInteger(at) ? { at, id: match[2]! } : undefined;
}
