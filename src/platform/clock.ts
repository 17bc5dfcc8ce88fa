/**
 * The only place that reads the wall clock. Everything else receives a Clock (or a `now` in epoch ms)
 * so tests can hold time still or move it forward. Enforced by test/architecture.test.ts.
 */
export interface Clock {
  /** Current time as UTC epoch milliseconds. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** Monotonic milliseconds for measuring durations (never for business time). */
export const elapsedMs = (): number => performance.now();
