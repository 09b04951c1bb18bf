/**
 * Statistics: numpy's percentile, and the seeded bootstrap checked against intervals enumerated
 * by hand (small datasets whose every resample is listed) and for reproducibility.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bootstrapCi, mean, percentile, seededRandom } from '../../src/evaluate/stats.ts';

describe('mean', () => {
  it('averages', () => assert.equal(mean([1, 2, 3, 4]), 2.5));
  it('is NaN for no values', () => assert.ok(Number.isNaN(mean([]))));
});

describe('percentile (numpy linear)', () => {
  // Values from numpy.percentile.
  const cases: [number[], number, number][] = [
    [[1, 2, 3, 4], 50, 2.5],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95, 9.55],
    [[10, 1, 7, 3], 25, 2.5],
    [[5], 95, 5],
    [[3, 3, 3, 9], 50, 3],
    [[1, 2, 3], 0, 1],
    [[1, 2, 3], 100, 3],
    [[-2, 0, 4], 10, -1.6],
  ];
  for (const [values, p, want] of cases) {
    it(`p${p} of [${values.join(', ')}] = ${want}`, () => assert.ok(Math.abs(percentile(values, p) - want) < 1e-12, `${percentile(values, p)}`));
  }
  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    percentile(values, 50);
    assert.deepEqual(values, [3, 1, 2]);
  });
  it('is NaN for no values and refuses p outside [0, 100]', () => {
    assert.ok(Number.isNaN(percentile([], 50)));
    assert.throws(() => percentile([1], 101), RangeError);
    assert.throws(() => percentile([1], Number.NaN), RangeError);
  });
});

describe('seededRandom', () => {
  it('repeats for a seed, differs across seeds, stays in [0, 1)', () => {
    const draw = (seed: number): number[] => Array.from({ length: 5 }, seededRandom(seed));
    assert.deepEqual(draw(42), draw(42));
    assert.notDeepEqual(draw(42), draw(43));
    const r = seededRandom(7);
    let total = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = r();
      assert.ok(x >= 0 && x < 1);
      total += x;
    }
    assert.ok(Math.abs(total / 100_000 - 0.5) < 0.01, 'roughly uniform');
  });
});

describe('bootstrapCi', () => {
  /**
   * The exact distribution of a resample's mean for [1, 2, 3]: the 27 equally likely ordered
   * draws have sums 3..9 with counts 1, 3, 6, 7, 6, 3, 1. Cumulative: 1/27 = .037, 4/27 = .148,
   * 10/27 = .370, 17/27 = .630, 23/27 = .852, 26/27 = .963, 1.
   * The 10th percentile is therefore sum 4 (mean 4/3), the 90th sum 8 (mean 8/3); the 2.5th is
   * sum 3 (mean 1), the 97.5th sum 9 (mean 3). Each quantile lies well inside its step, so with
   * many resamples the empirical percentile lands on exactly that value.
   */
  it('matches the interval enumerated by hand', () => {
    const ci80 = bootstrapCi([1, 2, 3], { seed: 1, iterations: 20_000, confidence: 0.8 });
    assert.deepEqual(ci80, { low: 4 / 3, high: 8 / 3 });
    const ci95 = bootstrapCi([1, 2, 3], { seed: 2, iterations: 20_000 });
    assert.deepEqual(ci95, { low: 1, high: 3 });
  });

  /** Pass rates of [0, 1, 1, 1]: resample sums 0..4 with probabilities (1, 12, 54, 108, 81)/256. */
  it('matches a hand-enumerated interval for a pass rate', () => {
    // Cumulative: .0039, .0508, .2617, .6836, 1 → 10th pct = 2/4, 90th = 1; 40th and 60th both 3/4.
    assert.deepEqual(bootstrapCi([0, 1, 1, 1], { seed: 3, iterations: 20_000, confidence: 0.8 }), { low: 2 / 4, high: 1 });
    assert.deepEqual(bootstrapCi([0, 1, 1, 1], { seed: 3, iterations: 20_000, confidence: 0.2 }), { low: 3 / 4, high: 3 / 4 });
  });

  it('is reproducible with the same seed and moves with another', () => {
    const values = Array.from({ length: 50 }, (_, i) => (i * 37) % 11);
    const a = bootstrapCi(values, { seed: 123 });
    assert.deepEqual(bootstrapCi(values, { seed: 123 }), a);
    assert.notDeepEqual(bootstrapCi(values, { seed: 124 }), a);
    assert.ok(a.low < mean(values) && mean(values) < a.high);
  });

  it('narrows with more data (about 1.96 standard errors each side)', () => {
    const r = seededRandom(9);
    const values = Array.from({ length: 400 }, () => r());
    const { low, high } = bootstrapCi(values, { seed: 5, iterations: 4000 });
    const sd = Math.sqrt(values.reduce((t, v) => t + (v - mean(values)) ** 2, 0) / values.length);
    const halfWidth = (high - low) / 2;
    assert.ok(Math.abs(halfWidth - (1.96 * sd) / Math.sqrt(values.length)) < 0.15 * halfWidth, `half width ${halfWidth}`);
  });

  it('one value or all ties: the value itself', () => {
    assert.deepEqual(bootstrapCi([0.7], { seed: 1 }), { low: 0.7, high: 0.7 });
    assert.deepEqual(bootstrapCi([2, 2, 2, 2], { seed: 1 }), { low: 2, high: 2 });
  });

  it('no values: NaN bounds', () => {
    const { low, high } = bootstrapCi([], { seed: 1 });
    assert.ok(Number.isNaN(low) && Number.isNaN(high));
  });

  it('another statistic', () => {
    // The median of a resample of [1, 100] is 1, 50.5 or 100: the interval spans both ends.
    const median = (s: readonly number[]): number => percentile(s, 50);
    assert.deepEqual(bootstrapCi([1, 100], { seed: 4, statistic: median }), { low: 1, high: 100 });
  });

  it('refuses settings that make no interval', () => {
    assert.throws(() => bootstrapCi([1], { seed: 1, iterations: 0 }), RangeError);
    assert.throws(() => bootstrapCi([1], { seed: 1, confidence: 1 }), RangeError);
  });
});
