/** Median and 90th percentile by nearest rank: always a value that occurred (no interpolation), null when empty. */
export interface Spread {
  count: number;
  median: number | null;
  p90: number | null;
}

/** The value at percentile p (0–100) of ascending `sorted` by nearest rank: sorted[ceil(p/100·n) − 1]. */
export function percentile(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export function spreadOf(values: ArrayLike<number>): Spread {
  const sorted = Float64Array.from(values).sort();
  return { count: sorted.length, median: percentile(sorted, 50), p90: percentile(sorted, 90) };
}

/** A share in percent with one decimal, or null when there is nothing to divide by. */
export const rate = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

/** The same nearest-rank spread from a histogram of [value, count] pairs in ascending value order. */
export function spreadOfHistogram(histogram: readonly (readonly [number, number])[]): Spread {
  const count = histogram.reduce((sum, [, n]) => sum + n, 0);
  if (count === 0) return { count: 0, median: null, p90: null };
  const at = (p: number) => {
    const rank = Math.max(1, Math.ceil((p / 100) * count));
    let seen = 0;
    for (const [value, n] of histogram) {
      seen += n;
      if (seen >= rank) return value;
    }
    return histogram[histogram.length - 1]![0];
  };
  return { count, median: at(50), p90: at(90) };
}
