/**
 * A failed Graph call. Either Meta answered with its error envelope (`code`, `subcode`, `details`), or the request
 * failed on the network (`network` set), in which case `maybeSent` says whether Meta could have received it.
 */
export class GraphApiError extends Error {
  constructor(
    message: string,
    readonly info: {
      httpStatus: number | null;
      code: number | null;
      subcode?: number | null;
      type?: string;
      details?: string;
      fbtraceId?: string;
      /** From Retry-After, in milliseconds. */
      retryAfterMs?: number | null;
      network?: string;
      maybeSent?: boolean;
    },
  ) {
    super(message);
    this.name = 'GraphApiError';
  }
  get code() {
    return this.info.code;
  }
  get httpStatus() {
    return this.info.httpStatus;
  }
}

export const isGraphApiError = (e: unknown): e is GraphApiError => e instanceof GraphApiError;

/** Network failures that happen before a single byte reaches Meta: safe to retry without any risk of a duplicate. */
const PRE_SEND_NETWORK = new Set(['ECONNREFUSED', 'ConnectionRefused', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'FailedToOpenSocket']);

export function networkError(error: unknown): GraphApiError {
  const e = error as { name?: string; code?: string; message?: string };
  const network = e?.name === 'TimeoutError' || e?.name === 'AbortError' ? 'timeout' : String(e?.code ?? e?.name ?? 'network');
  return new GraphApiError(`Graph unreachable: ${e?.message ?? network}`, { httpStatus: null, code: null, network, maybeSent: !PRE_SEND_NETWORK.has(network) });
}

export type PauseReason = 'token' | 'permission' | 'accountLocked' | 'policy' | 'spam';
export type FailReason = 'windowClosed' | 'undeliverable' | 'invalidParameter' | 'unsupported' | 'media' | 'template' | 'other';

/**
 * What the outbox does with a failed send (handbook reliability-security.md §3):
 * - `retry` later (scope `number`: the whole number is throttled; `recipient`: only this customer is, pair rate);
 * - `fail` at once with a reason the agent can act on;
 * - `pause` the channel and alert admins (no retry can succeed until someone fixes the account or token);
 * - `unknown`: the request may have reached Meta, so it must not be resent automatically.
 */
export type SendFailure =
  | { action: 'retry'; scope: 'message' | 'number' | 'recipient'; retryAfterMs: number | null }
  | { action: 'fail'; reason: FailReason }
  | { action: 'pause'; reason: PauseReason }
  | { action: 'unknown' };

const RETRY_CODES = new Set([1, 2, 131000, 131016]);
const THROTTLE_CODES = new Set([4, 17, 32, 613, 80007, 130429]);
const PAUSE_CODES: Record<number, PauseReason> = { 0: 'token', 190: 'token', 10: 'permission', 131031: 'accountLocked', 368: 'policy', 131048: 'spam' };
const FAIL_CODES: Record<number, FailReason> = {
  131047: 'windowClosed',
  131026: 'undeliverable',
  100: 'invalidParameter',
  131008: 'invalidParameter',
  131009: 'invalidParameter',
  131051: 'unsupported',
  131052: 'media',
  131053: 'media',
  132000: 'template',
  132001: 'template',
  132005: 'template',
  132007: 'template',
  132012: 'template',
  132015: 'template',
  132016: 'template',
};

export function classifySendFailure(error: unknown): SendFailure {
  if (!isGraphApiError(error)) return { action: 'unknown' };
  const { code, httpStatus, network, maybeSent, retryAfterMs = null } = error.info;
  if (network) return maybeSent ? { action: 'unknown' } : { action: 'retry', scope: 'message', retryAfterMs: null };
  if (code !== null) {
    if (code in PAUSE_CODES) return { action: 'pause', reason: PAUSE_CODES[code]! };
    if (code >= 200 && code <= 299) return { action: 'pause', reason: 'permission' };
    if (code === 131056) return { action: 'retry', scope: 'recipient', retryAfterMs };
    if (THROTTLE_CODES.has(code)) return { action: 'retry', scope: 'number', retryAfterMs };
    if (RETRY_CODES.has(code)) return { action: 'retry', scope: 'message', retryAfterMs };
    if (code in FAIL_CODES) return { action: 'fail', reason: FAIL_CODES[code]! };
  }
  if (httpStatus === 429) return { action: 'retry', scope: 'number', retryAfterMs };
  if (httpStatus !== null && httpStatus >= 500) return { action: 'retry', scope: 'message', retryAfterMs };
  if (httpStatus === 401) return { action: 'pause', reason: 'token' };
  return { action: 'fail', reason: 'other' };
}

export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_CAP_MS = 15 * 60_000;

/** Exponential backoff with full jitter, never sooner than Meta's Retry-After. `attempt` counts from 1. */
export function retryDelayMs({ attempt, retryAfterMs, random, baseMs = BACKOFF_BASE_MS }: { attempt: number; retryAfterMs: number | null; random: () => number; baseMs?: number }): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.max(retryAfterMs ?? 0, Math.floor(random() * ceiling));
}

/** Pair-rate limit (131056): Meta advises 4^n seconds between tries to the same customer. */
export const pairRateDelayMs = (attempt: number, retryAfterMs: number | null) => Math.max(retryAfterMs ?? 0, Math.min(BACKOFF_CAP_MS, 4 ** Math.max(1, attempt) * 1000));

/** Reads Retry-After (seconds, or an HTTP date relative to `now`) into milliseconds. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
