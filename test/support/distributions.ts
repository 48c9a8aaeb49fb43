/**
 * Comparing two samples of timings without a threshold: the Mann–Whitney U test (two-sided, normal approximation with
 * tie correction). A test asks "do these two distributions clearly differ?" and fails only when the probability of
 * seeing so large a difference between equal distributions is below a tiny level (p < 0.001), whatever the machine's
 * speed or load. Used by the enumeration tests: the answer for a known and for an unknown account must not be told
 * apart by its time.
 *
 * @example
 *   const { p } = mannWhitney(knownMs, unknownMs);
 *   expect(p).toBeGreaterThanOrEqual(0.001);
 */

export interface MannWhitney {
  u: number;
  z: number;
  /** Two-sided p-value. */
  p: number;
}

/** The Mann–Whitney U test of two independent samples (each of at least ~20 values for the normal approximation). */
export function mannWhitney(a: readonly number[], b: readonly number[]): MannWhitney {
  const n1 = a.length;
  const n2 = b.length;
  const all = [...a.map((value) => ({ value, group: 0 })), ...b.map((value) => ({ value, group: 1 }))].sort(
    (x, y) => x.value - y.value,
  );
  const ranks = new Array<number>(all.length);
  let tieTerm = 0;
  for (let i = 0; i < all.length;) {
    let j = i;
    while (j + 1 < all.length && all[j + 1]!.value === all[i]!.value) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[k] = rank;
    const ties = j - i + 1;
    tieTerm += ties ** 3 - ties;
    i = j + 1;
  }
  let rankSumA = 0;
  all.forEach((entry, index) => {
    if (entry.group === 0) rankSumA += ranks[index]!;
  });
  const u = rankSumA - (n1 * (n1 + 1)) / 2;
  const n = n1 + n2;
  const mean = (n1 * n2) / 2;
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  if (variance === 0) return { u, z: 0, p: 1 };
  // Continuity correction of one half towards the mean.
  const z = (Math.abs(u - mean) - 0.5) / Math.sqrt(variance);
  return { u, z, p: Math.min(1, 2 * (1 - normalCdf(Math.max(z, 0)))) };
}

/** Φ(x), the standard normal distribution function (Abramowitz–Stegun 7.1.26 error function, |error| < 1.5e-7). */
export function normalCdf(x: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/**
 * Times `samples` rounds of two operations, interleaved in a random order each round (so drift in the machine's load
 * falls on both alike), after `warmup` unmeasured rounds. `between` runs unmeasured after each call (drain work left
 * in the background so it does not slow the next call).
 */
export async function timeInterleaved(
  operations: { a: (round: number) => Promise<unknown>; b: (round: number) => Promise<unknown> },
  options: { samples: number; warmup?: number; between?: () => Promise<unknown> },
): Promise<{ a: number[]; b: number[] }> {
  const times = { a: [] as number[], b: [] as number[] };
  const warmup = options.warmup ?? 3;
  for (let round = 0; round < warmup + options.samples; round++) {
    const order: ('a' | 'b')[] = Math.random() < 0.5 ? ['a', 'b'] : ['b', 'a'];
    for (const which of order) {
      const started = performance.now();
      await operations[which](round);
      const elapsed = performance.now() - started;
      await options.between?.();
      if (round >= warmup) times[which].push(elapsed);
    }
  }
  return times;
}
