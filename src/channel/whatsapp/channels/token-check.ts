/** Why a number's connection check failed, in the categories an owner can act on. */
export const TOKEN_PROBLEMS = ['token', 'permission', 'notFound', 'rateLimited', 'unreachable', 'other'] as const;
export type TokenProblem = (typeof TOKEN_PROBLEMS)[number];

export type TokenCheck =
  | { ok: true; displayPhoneNumber: string; verifiedName: string }
  | { ok: false; problem: TokenProblem; code: number | null; detail: string };

/**
 * Sorts a Graph error into something an owner can fix. Codes from Meta's error reference: 0/190 auth and expired
 * tokens, 10 and 200–299 missing permissions, 100 (subcode 33) an id the token cannot see, 4/80007/130429 rate limits.
 */
export function problemOfGraphError(code: number | null, subcode: number | null, httpStatus: number | null): TokenProblem {
  if (code === 190 || code === 0 || code === 102 || httpStatus === 401) return 'token';
  if (code === 10 || (code !== null && code >= 200 && code <= 299) || httpStatus === 403) return 'permission';
  if ((code === 100 && (subcode === 33 || subcode === null)) || httpStatus === 404) return 'notFound';
  if (code === 4 || code === 80007 || code === 130429 || httpStatus === 429) return 'rateLimited';
  if (code === null && (httpStatus === null || httpStatus >= 500)) return 'unreachable';
  return 'other';
}

/** The i18n key of each problem's plain explanation; `{code}` fills in Meta's error code. */
export const tokenProblemKey = (problem: TokenProblem) => `whatsapp.check.problem.${problem}` as const;
