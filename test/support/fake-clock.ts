import type { Clock } from '../../src/platform/clock';

/** A clock tests hold still and move by hand. Starts at a fixed instant so runs are repeatable. */
export class FakeClock implements Clock {
  constructor(private current = Date.UTC(2026, 10, 24, 9, 0, 0)) {}
  now = () => this.current;
  set(epochMs: number) {
    this.current = epochMs;
  }
  advance(ms: number) {
    this.current += ms;
  }
}
