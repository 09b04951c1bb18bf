/**
 * compareBundles: metric directions, run matching, metric deltas with intervals and significance,
 * params, evaluation rows that flipped, dataset digests, traces, chart series, the missing
 * baseline, the JSON form, the terminal table and compareFiles.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  compareBundles,
  compareFiles,
  defaultDirection,
  MAX_CHART_POINTS,
  parseComparison,
  renderJson,
  renderTable,
  ComparisonFormatError,
  type RunComparison,
} from '../../src/report/compare/index.ts';
import { evaluateGates, parseGates } from '../../src/report/gates/index.ts';
import { BASELINE_PATH, CURRENT_PATH, bundle, evalSection, loadPair, run } from './fixtures/bundles/index.ts';

const only = (runs: RunComparison[], value: string): RunComparison => {
  const found = runs.filter((r) => r.key.value === value);
  assert.equal(found.length, 1, `one run ${value}`);
  return found[0]!;
};
const metric = (r: RunComparison, name: string) => r.metrics.find((m) => m.name === name)!;

describe('metric directions', () => {
  it('defaults to lower-is-better for loss, error, latency, cost, tokens and the like, higher otherwise', () => {
    const lower = ['loss', 'val_loss', 'trainLoss', 'logloss', 'mean_absolute_error', 'rows/errors', 'rows/error_rate', 'latency_ms/p95', 'rmse', 'val/mae', 'cost_usd/total', 'tokens/total', 'training_duration_s', 'rows/flaky', 'rows/excluded'];
    const higher = ['accuracy', 'f1_macro', 'correctness/pass_rate', 'correctness/mean', 'rows/total', 'maestro_score', 'r2', 'auc'];
    for (const name of lower) assert.equal(defaultDirection(name), 'lower', name);
    for (const name of higher) assert.equal(defaultDirection(name), 'higher', name);
  });

  it('judges better and worse by the direction, and a configured direction wins', () => {
    const b = bundle([run({ run_name: 'r', values: { loss: 0.5, accuracy: 0.8, perplexity: 10 } })]);
    const c = bundle([run({ run_name: 'r', values: { loss: 0.4, accuracy: 0.7, perplexity: 12 } })]);
    const [r] = compareBundles(b, c).runs;
    assert.equal(metric(r!, 'loss').change, 'better');
    assert.equal(metric(r!, 'accuracy').change, 'worse');
    assert.equal(metric(r!, 'perplexity').change, 'better', 'higher by default');
    const [configured] = compareBundles(b, c, { directions: { perplexity: 'lower', loss: 'higher' } }).runs;
    assert.equal(metric(configured!, 'perplexity').change, 'worse');
    assert.equal(metric(configured!, 'loss').change, 'worse');
  });
});

describe('run matching', () => {
  it('prefers the entry point over the run name, then the eval target, then the run name', () => {
    const b = bundle([
      run({ run_id: 'b-train', run_name: 'bright-heron-12', tags: { 'mlflow.project.entryPoint': 'train' } }),
      run({ run_id: 'b-eval', run_name: 'old-name', tags: { 'mlflow_ts.eval.target': 'gpt-4o' } }),
      run({ run_id: 'b-misc', run_name: 'notebook' }),
      run({ run_id: 'b-decoy', run_name: 'amber-finch-4' }),
    ]);
    const c = bundle([
      run({ run_id: 'c-train', run_name: 'amber-finch-4', tags: { 'mlflow.project.entryPoint': 'train' } }),
      run({ run_id: 'c-eval', run_name: 'new-name', tags: { 'mlflow_ts.eval.target': 'gpt-4o' } }),
      run({ run_id: 'c-misc', run_name: 'notebook' }),
    ]);
    const runs = compareBundles(b, c).runs;
    const pairs = runs.map((r) => [r.status, r.key.kind, r.key.value, r.baseline?.run_id, r.current?.run_id]);
    assert.deepEqual(pairs, [
      ['matched', 'entry_point', 'train', 'b-train', 'c-train'],
      ['matched', 'eval_target', 'gpt-4o', 'b-eval', 'c-eval'],
      ['matched', 'run_name', 'notebook', 'b-misc', 'c-misc'],
      ['missing', 'run_name', 'amber-finch-4', 'b-decoy', undefined],
    ]);
  });

  it('reports new and missing runs, and pairs runs sharing a key in start order', () => {
    const T = 1_000_000;
    const b = bundle([
      run({ run_id: 'b2', run_name: 'x', start_time: T + 2, tags: { 'mlflow.project.entryPoint': 'train' } }),
      run({ run_id: 'b1', run_name: 'y', start_time: T + 1, tags: { 'mlflow.project.entryPoint': 'train' } }),
      run({ run_id: 'b-gone', run_name: 'svm', tags: { 'mlflow.project.entryPoint': 'train_svm' } }),
    ]);
    const c = bundle([
      run({ run_id: 'c1', run_name: 'p', start_time: T + 10, tags: { 'mlflow.project.entryPoint': 'train' } }),
      run({ run_id: 'c2', run_name: 'q', start_time: T + 20, tags: { 'mlflow.project.entryPoint': 'train' } }),
      run({ run_id: 'c-new', run_name: 'onnx', tags: { 'mlflow.project.entryPoint': 'export_onnx' } }),
    ]);
    const comparison = compareBundles(b, c);
    assert.deepEqual(
      comparison.runs.map((r) => [r.status, r.key.value, r.baseline?.run_id, r.current?.run_id]),
      [
        ['matched', 'train', 'b1', 'c1'],
        ['matched', 'train', 'b2', 'c2'],
        ['new', 'export_onnx', undefined, 'c-new'],
        ['missing', 'train_svm', 'b-gone', undefined],
      ],
    );
    assert.deepEqual({ matched: comparison.summary.matched, new: comparison.summary.new, missing: comparison.summary.missing }, { matched: 2, new: 1, missing: 1 });
  });

  it('does not pair two runs of one entry point that evaluated different targets', () => {
    const tags = (target: string) => ({ 'mlflow.project.entryPoint': 'evaluate', 'mlflow_ts.eval.target': target });
    const b = bundle([run({ run_id: 'b-a', run_name: 'a', tags: tags('a'), start_time: 1 }), run({ run_id: 'b-b', run_name: 'b', tags: tags('b'), start_time: 2 })]);
    const c = bundle([run({ run_id: 'c-b', run_name: 'b', tags: tags('b'), start_time: 1 }), run({ run_id: 'c-a', run_name: 'a', tags: tags('a'), start_time: 2 })]);
    const pairs = compareBundles(b, c).runs.map((r) => [r.baseline?.run_id, r.current?.run_id]);
    assert.deepEqual(pairs, [['b-b', 'c-b'], ['b-a', 'c-a']]);
  });

  it('matches the fixture pair by entry point although every run name changed', () => {
    const { baseline, current } = loadPair();
    const runs = compareBundles(baseline, current).runs;
    assert.deepEqual(
      runs.map((r) => `${r.status}:${r.key.kind}:${r.key.value}`),
      ['matched:entry_point:train', 'matched:entry_point:train_mlp', 'matched:run_name:eval: qa', 'matched:eval_target:gpt-4o-mini', 'matched:eval_target:claude-haiku', 'new:entry_point:export_onnx', 'missing:entry_point:train_svm'],
    );
    assert.notEqual(only(runs, 'train').baseline!.run_name, only(runs, 'train').current!.run_name);
  });
});

describe('metric deltas', () => {
  it('compares latest values: absolute and relative delta, added, removed, unchanged and NaN', () => {
    const b = bundle([
      run({
        run_name: 'r',
        values: { a: 2, same: 0.5, gone: 1, nan: NaN, zero: 0 },
        metrics: {
          // Out of order on purpose: the latest is the highest step, then the newest timestamp.
          hist: [
            { value: 9, step: 3, timestamp: 1 },
            { value: 1, step: 1, timestamp: 5 },
            { value: 4, step: 3, timestamp: 2 },
          ],
        },
      }),
    ]);
    const c = bundle([run({ run_name: 'r', values: { a: 2.5, same: 0.5, fresh: 3, nan: 1, zero: 2, hist: 5 } })]);
    const [r] = compareBundles(b, c).runs;
    assert.deepEqual(metric(r!, 'a'), { name: 'a', direction: 'higher', baseline: 2, current: 2.5, delta: 0.5, relative: 0.25, change: 'better' });
    assert.equal(metric(r!, 'same').change, 'unchanged');
    assert.equal(metric(r!, 'gone').change, 'removed');
    assert.equal(metric(r!, 'fresh').change, 'added');
    assert.equal(metric(r!, 'nan').change, 'incomparable');
    assert.deepEqual([metric(r!, 'zero').delta, metric(r!, 'zero').relative], [2, null], 'no relative change from 0');
    assert.equal(metric(r!, 'hist').baseline, 4);
  });

  it('attaches logged intervals and marks changes within overlapping intervals not significant', () => {
    const ci = (name: string, value: number, low: number, high: number) => ({ [name]: value, [`${name}/ci_low`]: low, [`${name}/ci_high`]: high });
    const b = bundle([run({ run_name: 'e', values: { ...ci('inside/mean', 0.8, 0.7, 0.9), ...ci('overlap/mean', 0.8, 0.7, 0.9), ...ci('apart/mean', 0.8, 0.7, 0.9), 'point/mean': 0.5, 'point2/mean': 0.85 } })]);
    const c = bundle([
      run({ run_name: 'e', values: { 'inside/mean': 0.85, ...ci('overlap/mean', 0.95, 0.88, 1), ...ci('apart/mean', 0.5, 0.4, 0.6), ...ci('point/mean', 0.8, 0.7, 0.9), ...ci('point2/mean', 0.8, 0.7, 0.9) } }),
    ]);
    const comparison = compareBundles(b, c);
    const [r] = comparison.runs;
    assert.ok(!r!.metrics.some((m) => m.name.endsWith('/ci_low') || m.name.endsWith('/ci_high')), 'intervals are not metrics of their own');
    assert.deepEqual(metric(r!, 'overlap/mean').baselineCi, { low: 0.7, high: 0.9 });
    assert.deepEqual(metric(r!, 'overlap/mean').currentCi, { low: 0.88, high: 1 });
    assert.equal(metric(r!, 'inside/mean').significant, false, 'current value inside the baseline interval');
    assert.equal(metric(r!, 'overlap/mean').significant, false, 'intervals overlap');
    assert.equal(metric(r!, 'apart/mean').significant, true, 'disjoint intervals');
    assert.equal(metric(r!, 'point/mean').significant, true, 'baseline point outside the current interval');
    assert.equal(metric(r!, 'point2/mean').significant, false, 'baseline point inside the current interval');
    assert.deepEqual(
      { regressions: comparison.summary.regressions, improvements: comparison.summary.improvements, notSignificant: comparison.summary.notSignificant },
      { regressions: 1, improvements: 1, notSignificant: 3 },
    );
  });

  it('lists added, removed and changed params', () => {
    const b = bundle([run({ run_name: 'r', params: { C: '1.0', solver: 'lbfgs', old: 'x', same: '1' } })]);
    const c = bundle([run({ run_name: 'r', params: { C: '0.5', solver: 'lbfgs', fresh: 'y', same: '1' } })]);
    const [r] = compareBundles(b, c).runs;
    assert.deepEqual(r!.params, [
      { name: 'C', change: 'changed', baseline: '1.0', current: '0.5' },
      { name: 'fresh', change: 'added', current: 'y' },
      { name: 'old', change: 'removed', baseline: 'x' },
    ]);
    assert.equal(r!.unchangedParams, 2);
  });
});

/** An eval table: one [row, repeat, question, expected, output, passed, error] line per verdict letter (P, F, E = error). */
function evalRun(name: string, verdicts: Record<number, string>, digest: string) {
  const data: unknown[][] = [];
  for (const [row, letters] of Object.entries(verdicts)) {
    // An errored judgement still wrote `false` here: the error must keep it out of the count.
    [...letters].forEach((l, repeat) => data.push([Number(row), repeat, `q${row}`, `a${row}`, `out ${row}.${repeat}`, l === 'P' ? true : l === 'F' || l === 'E' ? false : null, l === 'E' ? 'judge timed out' : null]));
  }
  // Rows in a scrambled order: matching must go by the row column, not by position.
  data.reverse();
  const table = { columns: ['row', 'repeat', 'question', 'expected', 'output', 'correctness/passed', 'correctness/error'], data };
  return run({ run_name: name, tags: { 'mlflow_ts.eval.target': name, 'mlflow_ts.eval.dataset_digest': digest }, eval: evalSection(JSON.stringify(table)) });
}

describe('evaluation rows', () => {
  it('finds the rows that flipped by per-row pass majority over repeats (a tie is not a pass)', () => {
    const b = bundle([evalRun('t', { 0: 'PPP', 1: 'PPF', 2: 'FFP', 3: 'PF', 4: 'PPP', 5: 'EEE', 6: 'PPP', 7: 'FFF' }, 'd1')]);
    const c = bundle([evalRun('t', { 0: 'PPF', 1: 'PFF', 2: 'PPF', 3: 'PPF', 4: 'PEE', 5: 'FFF', 6: 'FE', 8: 'FFF' }, 'd1')]);
    const comparison = compareBundles(b, c);
    const [r] = comparison.runs;
    const scorer = r!.eval!.scorers.find((s) => s.name === 'correctness')!;
    assert.deepEqual(scorer.passToFail.map((f) => f.row), ['1', '6'], 'row 1: 2/3 → 1/3; row 6: an errored repeat does not count, 0/1');
    assert.deepEqual(scorer.failToPass.map((f) => f.row), ['2', '3'], 'row 3: the 1–1 tie was a fail');
    assert.equal(scorer.compared, 6, 'row 5 had no verdict in the baseline, rows 7 and 8 are on one side only');
    assert.deepEqual(scorer.passToFail[0], {
      row: '1',
      inputs: { question: 'q1' },
      expected: 'a1',
      baselineOutput: 'out 1.2',
      currentOutput: 'out 1.2',
      baseline: { passed: 2, failed: 1 },
      current: { passed: 1, failed: 2 },
    });
    assert.equal(r!.eval!.digestChanged, false);
    assert.ok(!comparison.warnings.some((w) => w.kind === 'dataset_digest'));
  });

  it('warns when the baseline and current runs evaluated different dataset digests', () => {
    const comparison = compareBundles(bundle([evalRun('t', { 0: 'P' }, 'aaaa')]), bundle([evalRun('t', { 0: 'P' }, 'bbbb')]));
    assert.equal(comparison.runs[0]!.eval!.digestChanged, true);
    const warnings = comparison.warnings.filter((w) => w.kind === 'dataset_digest');
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0]!.run, 't');
    assert.match(warnings[0]!.message, /digest aaaa → bbbb/);
  });

  it('reads the fixture pair: flips, digests and trace figures', () => {
    const { baseline, current } = loadPair();
    const comparison = compareBundles(baseline, current);
    const mini = only(comparison.runs, 'gpt-4o-mini');
    const correctness = mini.eval!.scorers.find((s) => s.name === 'correctness')!;
    assert.deepEqual(correctness.passToFail.map((f) => f.row), ['1', '4']);
    assert.deepEqual(correctness.failToPass.map((f) => f.row), ['5']);
    assert.equal(correctness.compared, 8, 'the two rows the current dataset added are not compared');
    assert.deepEqual(comparison.warnings.filter((w) => w.kind === 'dataset_digest').map((w) => w.run), ['gpt-4o-mini', 'claude-haiku']);
    const figure = (name: string) => mini.traces!.figures.find((f) => f.name === name)!;
    assert.deepEqual([figure('latency_ms/p95').change, figure('cost_usd').change, figure('cache_hit_rate').change], ['worse', 'worse', 'better']);
    assert.equal(figure('cache_hit_rate').current, 0.2);
    const predict = mini.traces!.spans.find((s) => s.name === 'predict')!;
    assert.deepEqual([predict.p95.baseline, predict.p95.current, predict.baselineCount, predict.currentCount], [1010, 2050, 24, 30]);
    assert.equal(only(comparison.runs, 'train').traces, undefined, 'a run without traces has no traces section');
  });
});

describe('metric history charts', () => {
  it('puts both histories on one step grid, downsampled with the first and last steps kept', () => {
    const points = (n: number, f: (i: number) => number) => Array.from({ length: n }, (_, i) => ({ value: f(i), step: i * 2, timestamp: i }));
    const b = bundle([run({ run_name: 'r', metrics: { loss: points(50, (i) => 100 - i) } })]);
    const c = bundle([run({ run_name: 'r', metrics: { loss: points(100, (i) => 200 - i), flat: [{ value: 1, step: 0, timestamp: 0 }] } })]);
    const [r] = compareBundles(b, c).runs;
    assert.equal(r!.charts.length, 1, 'a single point is not a history');
    const chart = r!.charts[0]!;
    assert.equal(chart.steps.length, MAX_CHART_POINTS);
    assert.deepEqual([chart.steps[0], chart.steps.at(-1)], [0, 198]);
    assert.deepEqual(chart.range, { baseline: [0, 98], current: [0, 198] });
    assert.deepEqual(chart.points, { baseline: 50, current: 100 });
    assert.equal(chart.current!.at(-1), 101);
    assert.equal(chart.baseline!.at(-1), 51, 'held at its last value beyond its own steps');
    // Steps between two logged points are interpolated.
    const i = chart.steps.findIndex((s) => s % 2 === 1);
    if (i >= 0) assert.equal(chart.current![i], 200 - chart.steps[i]! / 2);
  });
});

describe('missing baseline', () => {
  it('reports every current run as new with a warning, not an error', () => {
    const { current } = loadPair();
    const comparison = compareBundles(undefined, current, { baselineMissingReason: 'no successful run on main' });
    assert.equal(comparison.baseline, undefined);
    assert.ok(comparison.runs.every((r) => r.status === 'new'));
    assert.equal(comparison.runs.length, current.runs.length);
    assert.deepEqual(comparison.summary, { matched: 0, new: current.runs.length, missing: 0, regressions: 0, improvements: 0, notSignificant: 0 });
    assert.equal(comparison.warnings[0]!.kind, 'baseline_missing');
    assert.match(comparison.warnings[0]!.message, /no successful run on main/);
  });
});

describe('gates and links', () => {
  it('records the gate verdict under fail-on and keeps only http(s) links without credentials', () => {
    const b = bundle([run({ run_name: 'r', values: { accuracy: 0.9, loss: 0.2 } })]);
    const c = bundle([run({ run_name: 'r', values: { accuracy: 0.85, loss: 0.1 } })]);
    const results = evaluateGates(parseGates('accuracy >= 0.88\nloss <= baseline'), {
      current: (n) => ({ value: n === 'accuracy' ? 0.85 : 0.1 }),
      baseline: (n) => ({ value: n === 'accuracy' ? 0.9 : 0.2 }),
    });
    const links = { jobUrl: 'javascript:alert(1)', reportArtifactUrl: 'https://user:secret@example.com/a|b', runUrl: (id: string) => `https://example.com/runs/${id}` };
    const threshold = compareBundles(b, c, { gates: results, links });
    assert.equal(threshold.gates!.passed, false);
    assert.equal(compareBundles(b, c, { gates: results, failOn: 'regression' }).gates!.passed, true, 'the failed gate is a threshold gate');
    assert.deepEqual(threshold.links, { reportArtifact: 'https://example.com/a%7Cb' });
    assert.match(threshold.runs[0]!.current!.url!, /^https:\/\/example\.com\/runs\/r\d+$/);
  });
});

describe('JSON, terminal table and files', () => {
  it('round-trips through JSON, NaN included, and rejects what is not a comparison', () => {
    const { baseline, current } = loadPair();
    current.runs[0]!.metrics.accuracy!.push({ value: NaN, step: 99, timestamp: 0 });
    const comparison = compareBundles(baseline, current);
    const text = renderJson(comparison);
    assert.match(text, /"current":"NaN"/);
    assert.deepEqual(parseComparison(JSON.parse(text)), comparison);
    assert.throws(() => parseComparison({ schema: 'mlflow-ts-comparison', version: 2 }), ComparisonFormatError);
  });

  it('renders a plain table for a terminal, with control characters neutralised', () => {
    const b = bundle([run({ run_name: 'evil\u001b[2J', values: { 'acc\u001b]0;x\u0007': 0.9 } })]);
    const c = bundle([run({ run_name: 'evil\u001b[2J', values: { 'acc\u001b]0;x\u0007': 0.8 } })]);
    const text = renderTable(compareBundles(b, c));
    assert.ok(![...text].some((ch) => ch !== '\n' && (ch < ' ' || ch === '\u007f')), JSON.stringify(text));
    assert.match(text, /evil\uFFFD\[2J \(run, matched\): 1 worse/);
    assert.match(text, /acc\uFFFD]0;x\uFFFD +0\.9 +0\.8 +-0\.1 \(-11\.1%\) +↓ WORSE/);
  });

  it('compareFiles reads, compares and renders in each format', async () => {
    const markdown = await compareFiles({ baseline: BASELINE_PATH, current: CURRENT_PATH, format: 'markdown' });
    assert.match(markdown, /^## MLflow run comparison\n/);
    const json = parseComparison(JSON.parse(await compareFiles({ baseline: BASELINE_PATH, current: CURRENT_PATH, format: 'json', directions: { rows_total: 'lower' } })));
    assert.equal(json.summary.matched, 5);
    const table = await compareFiles({ current: CURRENT_PATH, format: 'table' });
    assert.match(table, /^no baseline: 6 runs shown on their own\n/);
    await assert.rejects(compareFiles({ baseline: '/nonexistent/bundle.json', current: CURRENT_PATH, format: 'json' }), /ENOENT/);
  });
});

describe('parent runs', () => {
  it('leaves out parent runs without metrics and compares their children', () => {
    const parent = (id: string) => run({ run_id: id, run_name: 'eval: eval.yaml' });
    const child = (parentId: string, v: number) => run({ run_name: 'large', tags: { 'mlflow.parentRunId': parentId, 'mlflow_ts.eval.target': 'large' }, values: { 'icontains/pass_rate': v } });
    const c = compareBundles(bundle([parent('p1'), child('p1', 0.9)]), bundle([parent('p2'), child('p2', 0.8)]));
    assert.deepEqual(c.runs.map((r) => [r.status, r.current?.run_name ?? r.baseline?.run_name]), [['matched', 'large']]);
  });
});
