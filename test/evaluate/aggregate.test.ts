/**
 * Aggregates equal hand-computed values; intervals are logged and read back; a significance-gated
 * threshold passes on noise and fails on a real shift (seeded synthetic data).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { aggregateTarget, loggedMetrics, metricStatsFrom } from '../../src/evaluate/aggregate.ts';
import type { RowResult } from '../../src/evaluate/executor.ts';
import { findScorerType } from '../../src/evaluate/scorers/index.ts';
import { seededRandom } from '../../src/evaluate/stats.ts';
import { compileMetricThreshold, evaluateGates } from '../../src/report/gates/index.ts';
import type { AggregateMetric } from '../../src/evaluate/types.ts';

function row(rowIndex: number, repeat: number, value: number | null, passed?: boolean, extra: Partial<RowResult> = {}): RowResult {
  return {
    target: 't',
    rowIndex,
    repeat,
    inputs: {},
    output: { text: 'x', value: 'x', latencyMs: 10 * (rowIndex + 1) },
    scores: { s: { value, ...(passed !== undefined ? { passed } : {}), source: 'CODE' } },
    ...extra,
  };
}

const aggregateMetric = (type: string): { metric: AggregateMetric; options: unknown } => {
  const found = findScorerType(type);
  assert.ok(found?.kind === 'aggregate');
  return { metric: found.metric, options: {} };
};

describe('aggregateTarget', () => {
  it('averages repeats within a row before averaging rows, and counts flaky rows', () => {
    // Row 0: values 1, 0 (verdict flips) → mean 0.5, pass 0.5; row 1: 1, 1 → 1, 1; row 2: 0, 0 → 0, 0.
    const results = [row(0, 0, 1, true), row(0, 1, 0, false), row(1, 0, 1, true), row(1, 1, 1, true), row(2, 0, 0, false), row(2, 1, 0, false)];
    const agg = aggregateTarget(results, { scorers: [{ name: 's', greaterIsBetter: true }], metrics: [], seed: 1 });
    assert.equal(agg.metrics['s/mean']!.value, 0.5);
    assert.equal(agg.metrics['s/pass_rate']!.value, 0.5);
    assert.deepEqual(agg.flaky, { s: [0] });
    assert.equal(agg.metrics['rows/flaky']!.value, 1);
    assert.equal(agg.metrics['rows/total']!.value, 3);
    // Latencies 10, 10, 20, 20, 30, 30: p50 = 20, p95 by linear interpolation = 30.
    assert.equal(agg.metrics['latency_ms/p50']!.value, 20);
    assert.equal(agg.metrics['latency_ms/p95']!.value, 30);
    assert.equal(agg.metrics['latency_ms/mean']!.value, 20);
    const ci = agg.metrics['s/mean']!.ci!;
    assert.ok(ci.low >= 0 && ci.low <= 0.5 && ci.high >= 0.5 && ci.high <= 1, JSON.stringify(ci));
    assert.equal(agg.greaterIsBetter['latency_ms/p95'], false);
  });

  it('leaves failed calls and scorer errors out of scores but counts them as errors', () => {
    const results = [
      row(0, 0, 1, true),
      { target: 't', rowIndex: 1, repeat: 0, inputs: {}, error: 'timeout', scores: {} },
      row(2, 0, null, undefined, { scores: { s: { value: null, error: 'judge said nonsense', source: 'LLM_JUDGE' } } }),
    ] satisfies RowResult[];
    const agg = aggregateTarget(results, { scorers: [{ name: 's', greaterIsBetter: true }], metrics: [], seed: 1 });
    assert.equal(agg.metrics['s/mean']!.value, 1);
    assert.equal(agg.metrics['rows/errors']!.value, 1);
    assert.equal(agg.metrics['rows/error_rate']!.value, 1 / 3);
  });

  it('sums tokens and cost over successful calls', () => {
    const results = [
      row(0, 0, 1, true, { output: { text: 'a', value: 'a', latencyMs: 1, usage: { input_tokens: 3, output_tokens: 2, total_tokens: 5 }, costUsd: 0.25 } }),
      row(1, 0, 1, true, { output: { text: 'b', value: 'b', latencyMs: 1, usage: { input_tokens: 4, output_tokens: 1, total_tokens: 5 }, costUsd: 0.5 } }),
    ];
    const agg = aggregateTarget(results, { scorers: [], metrics: [], seed: 1 });
    assert.equal(agg.metrics['tokens/input_total']!.value, 7);
    assert.equal(agg.metrics['tokens/output_total']!.value, 3);
    assert.equal(agg.metrics['tokens/total']!.value, 10);
    assert.equal(agg.metrics['cost_usd/total']!.value, 0.75);
  });

  it('computes classic metrics over (prediction, expected) pairs', () => {
    const pairs: [string, string][] = [['a', 'a'], ['b', 'a'], ['b', 'b'], ['c', 'c']];
    const results = pairs.map(([p, e], i) => row(i, 0, null, undefined, { expected: e, output: { text: p, value: p, latencyMs: 1 }, scores: {} }));
    const agg = aggregateTarget(results, { scorers: [], metrics: [aggregateMetric('accuracy')], seed: 1 });
    assert.equal(agg.metrics.accuracy!.value, 0.75);
  });

  it('is reproducible for a seed and logs intervals as two more metrics that read back', () => {
    const results = Array.from({ length: 30 }, (_, i) => row(i, 0, i % 3 === 0 ? 0 : 1, i % 3 !== 0));
    const options = { scorers: [{ name: 's', greaterIsBetter: true }], metrics: [], seed: 42 };
    const a = aggregateTarget(results, options);
    const b = aggregateTarget(results, options);
    assert.deepEqual(a.metrics, b.metrics);
    const logged = loggedMetrics(a.metrics);
    assert.equal(logged['s/mean/ci_low'], a.metrics['s/mean']!.ci!.low);
    assert.equal(logged['s/mean/ci_high'], a.metrics['s/mean']!.ci!.high);
    assert.deepEqual(metricStatsFrom(logged), a.metrics);
  });
});

describe('significance-gated thresholds on seeded synthetic data', () => {
  // Per-row scores ~ mean + uniform noise; 60 rows, 3 repeats.
  function synthetic(mean: number, seed: number): RowResult[] {
    const random = seededRandom(seed);
    const out: RowResult[] = [];
    for (let r = 0; r < 60; r++) for (let k = 0; k < 3; k++) out.push(row(r, k, Math.min(1, Math.max(0, mean + (random() - 0.5) * 0.6))));
    return out;
  }
  const stat = (results: RowResult[]) => aggregateTarget(results, { scorers: [{ name: 's', greaterIsBetter: true }], metrics: [], seed: 3 }).metrics['s/mean']!;
  const baseline = stat(synthetic(0.7, 1));
  const judge = (current: ReturnType<typeof stat>, significance: boolean) =>
    evaluateGates(compileMetricThreshold('s/mean', { min_absolute_change: 0.01, greater_is_better: true, significance }), {
      current: () => current,
      baseline: () => ({ value: baseline.value }),
    })[0]!;

  it('passes on noise alone when significance is required, though the point estimate misses the bound', () => {
    // Find a same-distribution sample whose point estimate is below baseline + 0.01 (noise).
    let noisy: ReturnType<typeof stat> | undefined;
    for (let seed = 2; seed < 50 && !noisy; seed++) {
      const s = stat(synthetic(0.7, seed));
      if (s.value < baseline.value + 0.01) noisy = s;
    }
    assert.ok(noisy, 'a noisy sample below the bound exists');
    assert.equal(judge(noisy, false).status, 'fail');
    const gated = judge(noisy, true);
    assert.equal(gated.status, 'pass');
    assert.equal(gated.notSignificant, true);
  });

  it('fails on a real shift even when significance is required', () => {
    const shifted = stat(synthetic(0.5, 99));
    assert.ok(shifted.ci!.high < baseline.value + 0.01, JSON.stringify({ shifted, baseline }));
    assert.equal(judge(shifted, true).status, 'fail');
  });
});
