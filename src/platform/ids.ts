import type { Clock } from './clock';

// Crockford base32: sortable as plain strings, no ambiguous letters.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * Prefixed, time-sortable ids (`usr_01jd…`): 10 chars of millisecond time, 16 chars of randomness.
 * Ids come from the app, not the database, so they survive a move to another engine and are not enumerable.
 */
export function createIdGenerator(clock: Clock) {
  let lastTime = -1;
  let lastRandom: Uint8Array = new Uint8Array(16);
  return function newId(prefix: string): string {
    const time = clock.now();
    let random: Uint8Array;
    if (time === lastTime) {
      // Same millisecond: increment the previous random part so ids stay strictly increasing.
      random = incrementBase32(lastRandom);
    } else {
      random = new Uint8Array(16) as Uint8Array;
      crypto.getRandomValues(random);
      for (let i = 0; i < 16; i++) random[i] = random[i]! % 32;
    }
    lastTime = time;
    lastRandom = random;
    return `${prefix}_${encodeTime(time)}${[...random].map((d) => ALPHABET[d]).join('')}`;
  };
}

export type NewId = ReturnType<typeof createIdGenerator>;

function encodeTime(ms: number): string {
  let out = '';
  let rest = ms;
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[rest % 32] + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

function incrementBase32(digits: Uint8Array): Uint8Array {
  const next = digits.slice();
  for (let i = next.length - 1; i >= 0; i--) {
    if (next[i]! < 31) {
      next[i]! += 1;
      return next;
    }
    next[i] = 0;
  }
  return next;
}
