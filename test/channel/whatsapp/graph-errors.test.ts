import { describe, expect, test } from 'bun:test';
import { GraphApiError, classifySendFailure, networkError, parseRetryAfter, retryDelayMs, pairRateDelayMs, BACKOFF_CAP_MS } from '../../../src/channel/whatsapp/graph/graph-errors';

const graphError = (code: number | null, httpStatus = 400, retryAfterMs: number | null = null) => new GraphApiError(`(#${code}) x`, { httpStatus, code, retryAfterMs });

describe('classifySendFailure', () => {
  const retry: [number, number, 'message' | 'number' | 'recipient'][] = [
    [1, 500, 'message'],
    [2, 503, 'message'],
    [131000, 500, 'message'],
    [131016, 503, 'message'],
    [4, 400, 'number'],
    [80007, 400, 'number'],
    [130429, 429, 'number'],
    [131056, 400, 'recipient'],
  ];
  for (const [code, status, scope] of retry) {
    test(`retries ${code} with ${scope} scope`, () => {
      expect(classifySendFailure(graphError(code, status))).toEqual({ action: 'retry', scope, retryAfterMs: null });
    });
  }

  test('keeps Retry-After on a throttling error', () => {
    expect(classifySendFailure(graphError(130429, 429, 3000))).toEqual({ action: 'retry', scope: 'number', retryAfterMs: 3000 });
  });

  test('retries a bare 5xx without a Graph envelope', () => {
    expect(classifySendFailure(graphError(null, 502))).toEqual({ action: 'retry', scope: 'message', retryAfterMs: null });
  });

  test('retries a bare 429 for the whole number', () => {
    expect(classifySendFailure(graphError(null, 429, 1000))).toEqual({ action: 'retry', scope: 'number', retryAfterMs: 1000 });
  });

  const fail: [number, string][] = [
    [131047, 'windowClosed'],
    [131026, 'undeliverable'],
    [100, 'invalidParameter'],
    [131051, 'unsupported'],
    [131052, 'media'],
    [131053, 'media'],
    [132000, 'template'],
    [132001, 'template'],
    [132005, 'template'],
    [132007, 'template'],
    [132012, 'template'],
    [132015, 'template'],
    [132016, 'template'],
  ];
  for (const [code, reason] of fail) {
    test(`fails ${code} at once as ${reason}`, () => {
      expect(classifySendFailure(graphError(code))).toEqual({ action: 'fail', reason: reason as never });
    });
  }

  const pause: [number, number, string][] = [
    [0, 401, 'token'],
    [190, 401, 'token'],
    [10, 403, 'permission'],
    [200, 403, 'permission'],
    [250, 403, 'permission'],
    [299, 403, 'permission'],
    [131031, 400, 'accountLocked'],
    [368, 400, 'policy'],
    [131048, 400, 'spam'],
  ];
  for (const [code, status, reason] of pause) {
    test(`pauses the channel on ${code} (${reason})`, () => {
      expect(classifySendFailure(graphError(code, status))).toEqual({ action: 'pause', reason: reason as never });
    });
  }

  test('retries a connection refused: nothing reached Meta', () => {
    expect(classifySendFailure(networkError(Object.assign(new TypeError('refused'), { code: 'ECONNREFUSED' })))).toEqual({ action: 'retry', scope: 'message', retryAfterMs: null });
  });

  test('treats a timeout as unknown: Meta may have received it', () => {
    expect(classifySendFailure(networkError(new DOMException('timed out', 'TimeoutError')))).toEqual({ action: 'unknown' });
  });

  test('treats a reset connection as unknown', () => {
    expect(classifySendFailure(networkError(Object.assign(new TypeError('reset'), { code: 'ECONNRESET' })))).toEqual({ action: 'unknown' });
  });

  test('fails an unlisted 4xx code for good instead of retrying it', () => {
    expect(classifySendFailure(graphError(131009, 400))).toEqual({ action: 'fail', reason: 'invalidParameter' });
    expect(classifySendFailure(graphError(999999, 400))).toEqual({ action: 'fail', reason: 'other' });
  });
});

describe('retry timing', () => {
  test('grows exponentially with full jitter and stops at the cap', () => {
    expect(retryDelayMs({ attempt: 1, retryAfterMs: null, random: () => 0.999 })).toBe(1998);
    expect(retryDelayMs({ attempt: 3, retryAfterMs: null, random: () => 0.5 })).toBe(4000);
    expect(retryDelayMs({ attempt: 30, retryAfterMs: null, random: () => 0.999 })).toBeLessThanOrEqual(BACKOFF_CAP_MS);
  });

  test('never retries sooner than Retry-After', () => {
    expect(retryDelayMs({ attempt: 1, retryAfterMs: 30_000, random: () => 0 })).toBe(30_000);
  });

  test('backs off 4^n seconds for the pair-rate limit', () => {
    expect(pairRateDelayMs(1, null)).toBe(4000);
    expect(pairRateDelayMs(2, null)).toBe(16_000);
  });

  test('reads Retry-After in seconds or as an HTTP date', () => {
    expect(parseRetryAfter('2', 0)).toBe(2000);
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:10 GMT', 4000)).toBe(6000);
    expect(parseRetryAfter(null, 0)).toBeNull();
    expect(parseRetryAfter('soon', 0)).toBeNull();
  });
});
