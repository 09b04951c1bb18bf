import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  compileMetricThreshold,
  evaluateGates,
  gateKind,
  GateDefinitionError,
  parseGates,
  type Gate,
  type GateStatus,
  type MetricThreshold,
  type MetricValue,
} from '../../src/report/gates/index.ts';

const judge = (gates: Gate[], current: MetricValue | number | undefined, baseline?: MetricValue | number): GateStatus[] => {
  const value = (v: MetricValue | number | undefined): MetricValue | undefined => (typeof v === 'number' ? { value: v } : v);
  return evaluateGates(gates, { current: () => value(current), baseline: () => value(baseline) }).map((r) => r.status);
};

/**
 * mlflow/models/evaluation/validation.py `_validate`, transcribed for one metric: true when the
 * candidate passes every criterion (a missing baseline fails there; it is skipped here, so the
 * oracle is only asked with a baseline).
 */
function mlflowPasses(t: MetricThreshold, candidate: number, baseline: number): boolean {
  const cmp = t.greater_is_better ? (a: number, b: number) => a >= b : (a: number, b: number) => a <= b;
  const plus = t.greater_is_better ? (a: number, b: number) => a + b : (a: number, b: number) => a - b;
  if (t.threshold !== undefined && !cmp(candidate, t.threshold)) return false;
  if (t.min_absolute_change !== undefined && !cmp(candidate, plus(baseline, t.min_absolute_change))) return false;
  if (t.min_relative_change !== undefined) {
    if (baseline === 0) return cmp(candidate, plus(baseline, 1e-10));
    const change = t.greater_is_better ? (candidate - baseline) / baseline : (baseline - candidate) / baseline;
    if (change < t.min_relative_change) return false;
  }
  return true;
}

describe('compileMetricThreshold', () => {
  it('compiles each criterion to one gate that reads like the grammar and parses back to the same tree', () => {
    const up = compileMetricThreshold('accuracy', { threshold: 0.9, min_absolute_change: 0.05, min_relative_change: 0.1, greater_is_better: true });
    assert.deepEqual(
      up.map((g) => g.source),
      ['accuracy >= 0.9', 'accuracy >= baseline + 0.05', '(accuracy - baseline) / baseline >= 0.1'],
    );
    const down = compileMetricThreshold('latency_ms/p95', { threshold: 200, min_absolute_change: 5, min_relative_change: 0.2, greater_is_better: false });
    assert.deepEqual(
      down.map((g) => g.source),
      ['latency_ms/p95 <= 200', 'latency_ms/p95 <= baseline - 5', '(baseline - latency_ms/p95) / baseline >= 0.2'],
    );
    for (const gate of [...up, ...down]) assert.deepEqual(parseGates(gate.source)[0]!.condition, gate.condition);
    assert.deepEqual(up.map(gateKind), ['threshold', 'regression', 'regression']);
  });

  it('scopes every operand when given a run selector', () => {
    const [gate] = compileMetricThreshold('correctness/mean', { min_absolute_change: 0.01, greater_is_better: true }, { kind: 'eval', name: 'gpt-4o' });
    assert.equal(gate!.source, '[eval=gpt-4o] correctness/mean >= baseline + 0.01');
    const seen: unknown[] = [];
    evaluateGates([gate!], { current: (name, scope) => (seen.push([name, scope]), { value: 1 }), baseline: (name, scope) => (seen.push([name, scope]), { value: 0.5 }) });
    assert.deepEqual(seen, [
      ['correctness/mean', { kind: 'eval', name: 'gpt-4o' }],
      ['correctness/mean', { kind: 'eval', name: 'gpt-4o' }],
    ]);
  });

  it('threshold: >= when greater is better, <= when lower is better, inclusive both ways', () => {
    const up = compileMetricThreshold('accuracy', { threshold: 0.9, greater_is_better: true });
    assert.deepEqual([0.91, 0.9, 0.89].map((v) => judge(up, v)[0]), ['pass', 'pass', 'fail']);
    const down = compileMetricThreshold('loss', { threshold: 0.3, greater_is_better: false });
    assert.deepEqual([0.29, 0.3, 0.31].map((v) => judge(down, v)[0]), ['pass', 'pass', 'fail']);
  });

  it('absolute change: baseline + change when greater is better, baseline - change when lower is better', () => {
    const up = compileMetricThreshold('accuracy', { min_absolute_change: 0.05, greater_is_better: true });
    assert.deepEqual([0.86, 0.85, 0.84].map((v) => judge(up, v, 0.8)[0]), ['pass', 'pass', 'fail']);
    const down = compileMetricThreshold('loss', { min_absolute_change: 0.05, greater_is_better: false });
    assert.deepEqual([0.24, 0.25, 0.26].map((v) => judge(down, v, 0.3)[0]), ['pass', 'pass', 'fail']);
    // A negative baseline only shifts the bound.
    assert.deepEqual([-8, -9, -9.5].map((v) => judge(up.map((g) => ({ ...g })), v, -10)[0]), ['pass', 'pass', 'pass']);
    assert.deepEqual([-9.9, -10].map((v) => judge(compileMetricThreshold('x', { min_absolute_change: 1, greater_is_better: true }), v, -10)[0]), ['fail', 'fail']);
  });

  it('relative change: a fraction of the baseline, better by at least that much, exactly 10% passing', () => {
    const up = compileMetricThreshold('accuracy', { min_relative_change: 0.1, greater_is_better: true });
    assert.deepEqual([0.56, 0.55, 0.549].map((v) => judge(up, v, 0.5)[0]), ['pass', 'pass', 'fail']);
    const down = compileMetricThreshold('loss', { min_relative_change: 0.1, greater_is_better: false });
    assert.deepEqual([0.44, 0.45, 0.451].map((v) => judge(down, v, 0.5)[0]), ['pass', 'pass', 'fail']);
  });

  it('relative change against a negative baseline keeps MLflow\'s signed division (the candidate must move the other way)', () => {
    const up = compileMetricThreshold('log_likelihood', { min_relative_change: 0.1, greater_is_better: true });
    // (c - (-10)) / -10 >= 0.1  <=>  c <= -11
    assert.deepEqual([-12, -11, -10, -9].map((v) => judge(up, v, -10)[0]), ['pass', 'pass', 'fail', 'fail']);
    const down = compileMetricThreshold('neg_loss', { min_relative_change: 0.1, greater_is_better: false });
    // (-10 - c) / -10 >= 0.1  <=>  c >= -9
    assert.deepEqual([-8, -9, -10, -11].map((v) => judge(down, v, -10)[0]), ['pass', 'pass', 'fail', 'fail']);
  });

  it('relative change against a zero baseline: any improvement passes, none fails (MLflow\'s fallback)', () => {
    const up = compileMetricThreshold('gain', { min_relative_change: 0.5, greater_is_better: true });
    assert.deepEqual([0.01, 0, -0.01].map((v) => judge(up, v, 0)[0]), ['pass', 'fail', 'fail']);
    const down = compileMetricThreshold('cost', { min_relative_change: 0.5, greater_is_better: false });
    assert.deepEqual([-0.01, 0, 0.01].map((v) => judge(down, v, 0)[0]), ['pass', 'fail', 'fail']);
  });

  it('gives MLflow\'s verdict over a grid of candidates, baselines and criteria, both directions', () => {
    const candidates = [-12, -11.5, -9.5, -1.2, -0.7, -0.3, 0, 0.3, 0.53, 0.57, 0.7, 1.2, 9.5, 11.5];
    const baselines = [-10, -1, 0, 0.5, 1, 10];
    const thresholds: Omit<MetricThreshold, 'greater_is_better'>[] = [
      { threshold: 0.5 },
      { min_absolute_change: 0.05 },
      { min_absolute_change: 1 },
      { min_relative_change: 0.1 },
      { min_relative_change: 0.5 },
      { min_relative_change: 0 },
      { threshold: -1, min_absolute_change: 0.05, min_relative_change: 0.1 },
    ];
    let checked = 0;
    for (const greater_is_better of [true, false]) {
      for (const spec of thresholds) {
        const t = { ...spec, greater_is_better };
        const gates = compileMetricThreshold('m', t);
        for (const b of baselines) {
          for (const c of candidates) {
            const ours = judge(gates, c, b).every((s) => s === 'pass');
            assert.equal(ours, mlflowPasses(t, c, b), `${JSON.stringify(t)} candidate ${c} baseline ${b}`);
            checked++;
          }
        }
      }
    }
    assert.equal(checked, 2 * 7 * 6 * 14);
  });

  it('NaN fails (where MLflow would let a NaN relative change pass)', () => {
    const gates = compileMetricThreshold('accuracy', { threshold: 0.5, min_absolute_change: 0.1, min_relative_change: 0.1, greater_is_better: true });
    assert.deepEqual(judge(gates, NaN, 0.5), ['fail', 'fail', 'fail']);
    assert.deepEqual(judge(gates, 0.9, NaN), ['pass', 'fail', 'fail']);
  });

  it('skips the change gates without a baseline, keeps judging the threshold', () => {
    const gates = compileMetricThreshold('accuracy', { threshold: 0.5, min_absolute_change: 0.1, min_relative_change: 0.1, greater_is_better: true });
    assert.deepEqual(judge(gates, 0.9, undefined), ['pass', 'skipped', 'skipped']);
    assert.deepEqual(judge(gates, 0.4, undefined), ['fail', 'skipped', 'skipped']);
  });

  it('significance makes only the change gates noise-aware', () => {
    const gates = compileMetricThreshold('accuracy', { threshold: 0.9, min_absolute_change: 0.05, min_relative_change: 0.1, greater_is_better: true, significance: true });
    assert.deepEqual(
      gates.map((g) => (g.condition.type === 'compare' ? g.condition.noise : 'not a comparison')),
      [undefined, 'ci', 'ci'],
    );
    // 0.84 misses all three point bounds (0.9, 0.85, 0.88); its interval reaches the change bounds only.
    const results = evaluateGates(gates, { current: () => ({ value: 0.84, ci: { low: 0.78, high: 0.89 } }), baseline: () => ({ value: 0.8 }) });
    assert.deepEqual(
      results.map((r) => [r.status, r.notSignificant ?? false]),
      [['fail', false], ['pass', true], ['pass', true]],
    );
  });

  it('refuses what MLflow refuses, naming the metric', () => {
    const bad: [MetricThreshold, RegExp][] = [
      [{ greater_is_better: true }, /at least one of threshold, min_absolute_change, min_relative_change/],
      [{ min_absolute_change: 0, greater_is_better: true }, /min_absolute_change must be a positive number/],
      [{ min_absolute_change: -0.1, greater_is_better: false }, /min_absolute_change must be a positive number/],
      [{ min_relative_change: 1.5, greater_is_better: true }, /min_relative_change must be between 0 and 1/],
      [{ min_relative_change: -0.1, greater_is_better: true }, /min_relative_change must be between 0 and 1/],
      [{ threshold: NaN, greater_is_better: true }, /threshold/],
      [{ threshold: 1 } as MetricThreshold, /greater_is_better/],
    ];
    for (const [t, message] of bad) {
      assert.throws(
        () => compileMetricThreshold('accuracy', t),
        (err: unknown) => err instanceof GateDefinitionError && err.metric === 'accuracy' && message.test(err.message) && err.message.startsWith('Threshold for metric "accuracy"'),
        JSON.stringify(t),
      );
    }
  });
});

describe('compiled thresholds and the grammar judge alike', () => {
  const parsed = parseGates('accuracy >= baseline * 1.1');
  const compiled = compileMetricThreshold('accuracy', { min_relative_change: 0.1, greater_is_better: true });

  it('accuracy >= baseline * 1.1 and min_relative_change 0.1 agree on every k/n pair of positive rates', () => {
    let boundaries = 0;
    for (let total = 1; total <= 40; total++) {
      for (let kb = 1; kb <= total; kb++) {
        for (let kc = 0; kc <= total; kc++) {
          const [c, b] = [kc / total, kb / total];
          if (kc * 10 === kb * 11) boundaries++;
          assert.deepEqual(judge(parsed, c, b), judge(compiled, c, b), `candidate ${kc}/${total}, baseline ${kb}/${total}`);
        }
      }
    }
    // The grid holds exact 10% improvements (e.g. 11/20 vs 10/20), where rounding alone could differ.
    assert.ok(boundaries > 0);
  });

  it('so do their noise-aware forms', () => {
    const parsedCi = parseGates('accuracy >= baseline * 1.1 if significant');
    const compiledCi = compileMetricThreshold('accuracy', { min_relative_change: 0.1, greater_is_better: true, significance: true });
    for (const [value, low, high] of [[0.5, 0.45, 0.56], [0.5, 0.45, 0.54], [0.6, 0.58, 0.62], [0.54, 0.5, 0.55]] as const) {
      const ctx = { current: () => ({ value, ci: { low, high } }), baseline: () => ({ value: 0.5 }) };
      const [p, c] = [evaluateGates(parsedCi, ctx)[0]!, evaluateGates(compiledCi, ctx)[0]!];
      assert.deepEqual([p.status, p.notSignificant], [c.status, c.notSignificant], `${value} [${low}, ${high}]`);
    }
  });
});
