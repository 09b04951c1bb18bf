/**
 * The statistics evaluation aggregates need: mean, percentiles (numpy's default linear
 * interpolation) and seeded percentile-bootstrap confidence intervals, reproducible run to run so
 * a CI gate does not flip on the sampler. Inputs are finite numbers; an empty input gives NaN
 * (as numpy's mean of nothing), which callers skip rather than log.
 */

/**
 * mulberry32: a small, fast 32-bit PRNG with a full 2^32 period, good enough for resampling and
 * fully determined by its seed. Returns floats in [0, 1).
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Arithmetic mean; NaN for no values. */
export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let total = 0;
  for (const v of values) total += v;
  return total / values.length;
}

/** The p-th percentile (0..100) of values already sorted ascending, numpy's 'linear' method. */
function sortedPercentile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = ((n - 1) * p) / 100;
  const lo = Math.floor(h);
  const low = sorted[lo]!;
  return lo + 1 < n ? low + (h - lo) * (sorted[lo + 1]! - low) : low;
}

/** The p-th percentile (0..100) with linear interpolation (numpy.percentile's default); NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile: p must be within [0, 100], got ${p}`);
  return sortedPercentile(Float64Array.from(values).sort(), p);
}

export interface BootstrapOptions {
  /** Same seed, same values → same interval. */
  seed: number;
  /** Resamples; default 1000. */
  iterations?: number;
  /** Coverage of the interval, in (0, 1); default 0.95. */
  confidence?: number;
  /** The statistic whose interval is wanted; default mean. It gets a reused buffer: do not keep it. */
  statistic?: (sample: readonly number[]) => number;
}

/**
 * Percentile bootstrap interval of `statistic` over `values`: resample with replacement
 * `iterations` times and take the (1 − confidence)/2 and (1 + confidence)/2 percentiles of the
 * resampled statistics. One value gives [value, value]; no values gives [NaN, NaN].
 */
export function bootstrapCi(values: readonly number[], options: BootstrapOptions): { low: number; high: number } {
  const { seed, iterations = 1000, confidence = 0.95, statistic = mean } = options;
  if (!Number.isInteger(iterations) || iterations < 1) throw new RangeError(`bootstrapCi: iterations must be a positive integer, got ${iterations}`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`bootstrapCi: confidence must be within (0, 1), got ${confidence}`);
  const n = values.length;
  if (n === 0) return { low: Number.NaN, high: Number.NaN };
  const random = seededRandom(seed);
  const sample = new Array<number>(n);
  const stats = new Float64Array(iterations);
  for (let i = 0; i < iterations; i++) {
    for (let j = 0; j < n; j++) sample[j] = values[Math.floor(random() * n)]!;
    stats[i] = statistic(sample);
  }
  stats.sort();
  const tail = ((1 - confidence) / 2) * 100;
  return { low: sortedPercentile(stats, tail), high: sortedPercentile(stats, 100 - tail) };
}
