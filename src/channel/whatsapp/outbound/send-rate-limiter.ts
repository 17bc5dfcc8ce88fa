/**
 * Token buckets, one per WhatsApp number: at most `ratePerSecond` calls per second with a burst of one second's
 * worth. Time comes from the caller (`now`), so tests drive it with a fake clock.
 */
export interface SendRateLimiter {
  /** Takes a token and returns 0, or returns how many ms to wait before one is available (nothing taken). */
  tryAcquire(key: string, ratePerSecond: number, now: number): number;
}

export function createSendRateLimiter(): SendRateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    tryAcquire(key, ratePerSecond, now) {
      const rate = Math.max(1, ratePerSecond);
      const bucket = buckets.get(key) ?? { tokens: rate, at: now };
      bucket.tokens = Math.min(rate, bucket.tokens + (Math.max(0, now - bucket.at) * rate) / 1000);
      bucket.at = now;
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil(((1 - bucket.tokens) * 1000) / rate - 1e-6));
    },
  };
}

/** Waits (via `sleep`) until a token is taken. */
export async function acquireSendSlot(
  limiter: SendRateLimiter,
  { key, ratePerSecond, now, sleep }: { key: string; ratePerSecond: number; now: () => number; sleep: (ms: number) => Promise<void> },
): Promise<void> {
  for (let wait = limiter.tryAcquire(key, ratePerSecond, now()); wait > 0; wait = limiter.tryAcquire(key, ratePerSecond, now())) await sleep(wait);
}

/** The process-wide limiter: the delivery worker, read receipts and typing indicators all draw from it. */
export const sharedSendRateLimiter = createSendRateLimiter();
