/** Accepts only a path on this site (`/inbox?x=1`), never `//evil.example` or `/\evil`: no open redirects. */
export function safeNextPath(candidate: string | undefined, fallback = '/'): string {
  if (!candidate || !candidate.startsWith('/') || candidate.startsWith('//') || candidate.startsWith('/\\')) return fallback;
  if (/[\u0000-\u001f]/.test(candidate)) return fallback;
  return candidate;
}
