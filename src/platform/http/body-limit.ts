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

/** Paths that legitimately receive more than the default: Meta's webhooks (up to 3 MB) and sandbox media uploads. */
const LARGER_ALLOWANCES: { prefix: string; bytes: number; pattern?: RegExp }[] = [
  { prefix: '/webhooks/', bytes: 4 * 1024 * 1024 },
  { prefix: '/sandbox/graph/', bytes: 20 * 1024 * 1024 },
  // Agents' attachments: documents may be 100 MB (Meta's limit), plus the form around the file.
  { prefix: '/conversations/', pattern: /^\/conversations\/[\w-]+\/attachments$/, bytes: 101 * 1024 * 1024 },
];

export function bodyLimitFor(path: string, defaultLimit: number): number {
  const allowance = LARGER_ALLOWANCES.find((a) => path.startsWith(a.prefix) && (!a.pattern || a.pattern.test(path)));
  return allowance ? Math.max(defaultLimit, allowance.bytes) : defaultLimit;
}

/** The largest body any path accepts. */
export const largestBodyLimit = (defaultLimit: number) => Math.max(defaultLimit, ...LARGER_ALLOWANCES.map((a) => a.bytes));
