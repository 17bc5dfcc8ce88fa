/** A random number in [0, 1), injected so tests can seed which variant is picked. */
export type Random = () => number;

/** One of the variants, uniformly at random; undefined for none. Out-of-range randomness is clamped, never thrown. */
export function pickVariant<T>(variants: readonly T[], random: Random): T | undefined {
  if (variants.length === 0) return undefined;
  const index = Math.min(variants.length - 1, Math.max(0, Math.floor(random() * variants.length)));
  return variants[index];
}

/** A repeatable generator (mulberry32) for tests and for the sandbox; production passes Math.random. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
