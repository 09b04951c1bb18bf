/**
 * The job's verdict from bundles: which run a gate of the `thresholds` input is judged on (every
 * run that logged its metrics, or the runs its selectors name), the baseline partner's values,
 * confidence intervals read from `<metric>/ci_low|ci_high`, the gates evaluations recorded on
 * their runs, and the tags the verdict is recorded as.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { emptyTraceSummary, type Bundle, type BundleRun } from '../../src/report/bundle/index.ts';
import { parseGates } from '../../src/report/gates/index.ts';
import { decide, judgeThresholds, latestValues, recordedEvalGates, recordVerdict } from '../../src/action/verdict.ts';
import { newestPerRun } from '../../src/action/baseline.ts';
import type { MlflowClient } from '../../src/client/index.ts';

let ids = 0;
function run(name: string, metrics: Record<string, number | number[]>, tags: Record<string, string> = {}, start = ++ids): BundleRun {
  return {
    run_id: `r${++ids}`,
    experiment_name: 'e',
    run_name: name,
    status: 'FINISHED',
    start_time: start,
    end_time: null,
    params: {},
    tags,
    metrics: Object.fromEntries(
      Object.entries(metrics).map(([k, v]) => [k, (Array.isArray(v) ? v : [v]).map((value, step) => ({ value, step, timestamp: 1000 + step }))]),
    ),
    inputs: [],
    artifacts: [],
    traces: emptyTraceSummary(),
  };
}

function bundle(runs: BundleRun[]): Bundle {
  return { schema: 'mlflow-ts-bundle', version: 1, created_at: '2025-01-01T00:00:00Z', source: { tracking_uri: 'http://x' }, experiments: [{ name: 'e', tags: {} }], runs };
}

const ep = (name: string) => ({ 'mlflow.project.entryPoint': name });
const target = (name: string) => ({ 'mlflow_ts.eval.target': name });

function judge(text: string, current: BundleRun[], baseline?: BundleRun[]): string[] {
  return judgeThresholds(parseGates(text), bundle(current), baseline && bundle(baseline)).map((j) => `${j.result.status} ${j.result.source}${j.result.reason ? ` (${j.result.reason})` : ''}`);
}

describe('judgeThresholds', () => {
  it('judges a gate without selectors on every run that logged its metrics', () => {
    const runs = [run('a', { accuracy: 0.95 }, ep('train')), run('b', { accuracy: 0.7 }, ep('finetune')), run('c', { loss: 1 }, ep('prepare'))];
    assert.deepEqual(judge('accuracy >= 0.9', runs), ['pass [entry_point=train] accuracy >= 0.9', 'fail [entry_point=finetune] accuracy >= 0.9 (0.7 >= 0.9 does not hold)']);
  });

  it('fails, naming the metric, when no run logged it', () => {
    assert.deepEqual(judge('f1 >= 0.5', [run('a', { accuracy: 1 })]), ['fail f1 >= 0.5 (no value for metric f1)']);
  });

  it('reads the latest value of a history', () => {
    const r = run('a', { accuracy: [0.2, 0.5, 0.91] });
    assert.equal(latestValues(r).accuracy, 0.91);
    assert.deepEqual(judge('accuracy >= 0.9', [r]), ['pass [run=a] accuracy >= 0.9']);
  });

  it('follows selectors to the runs they name', () => {
    const runs = [run('a', { accuracy: 0.95 }, ep('train')), run('b', { accuracy: 0.5 }, target('gpt')), run('c', { accuracy: 0.99 }, target('small'))];
    assert.deepEqual(judge('[entry_point=train] accuracy >= 0.9', runs), ['pass [entry_point=train] accuracy >= 0.9']);
    assert.deepEqual(judge('[eval=gpt] accuracy >= 0.9', runs), ['fail [eval=gpt] accuracy >= 0.9 (0.5 >= 0.9 does not hold)']);
    assert.deepEqual(judge('eval.accuracy >= 0.9', runs), ['fail [run=b] eval.accuracy >= 0.9 (0.5 >= 0.9 does not hold)', 'pass [run=c] eval.accuracy >= 0.9']);
    assert.deepEqual(judge('accuracy >= [run=a] accuracy', [runs[0]!, runs[2]!]), ['pass [entry_point=train] accuracy >= [run=a] accuracy', 'pass [eval=small] accuracy >= [run=a] accuracy']);
    assert.deepEqual(judge('[entry_point=missing] accuracy >= 0.9', runs), ['fail [entry_point=missing] accuracy >= 0.9 (no value for metric [entry_point=missing] accuracy)']);
  });

  it('compares with the matched baseline run, and skips regression gates without one', () => {
    const current = [run('new-name', { loss: 0.35 }, ep('train')), run('x', { loss: 0.1 }, ep('fresh'))];
    const baseline = [run('old-name', { loss: 0.3 }, ep('train'))];
    assert.deepEqual(judge('loss <= baseline + 0.01', current, baseline), [
      'fail [entry_point=train] loss <= baseline + 0.01 (0.35 <= 0.31 does not hold)',
      'skipped [entry_point=fresh] loss <= baseline + 0.01 (no baseline value for loss)',
    ]);
    assert.deepEqual(judge('loss <= baseline + 0.1', current, baseline)[0], 'pass [entry_point=train] loss <= baseline + 0.1');
  });

  it('judges `if significant` with the interval logged as <metric>/ci_low and /ci_high', () => {
    const r = run('a', { accuracy: 0.8, 'accuracy/ci_low': 0.7, 'accuracy/ci_high': 0.92 }, target('t'));
    const [result] = judgeThresholds(parseGates('accuracy >= 0.9 if significant'), bundle([r]), undefined);
    assert.equal(result!.result.status, 'pass');
    assert.equal(result!.result.notSignificant, true);
    assert.deepEqual(result!.result.leftCi, { low: 0.7, high: 0.92 });
  });
});

describe('recorded evaluation gates and the verdict', () => {
  it('reads the gates evaluations recorded, and prefers results held in memory', () => {
    const tagged = run('t1', { x: 1 }, { ...target('small'), 'mlflow_ts.gates': JSON.stringify([{ gate: 'icontains/pass_rate >= 0.7', status: 'fail', left: 0.65, right: 0.7 }, { gate: 'x >= baseline', status: 'skipped' }]) });
    const held = run('t2', { x: 1 }, target('large'));
    const { judged, warnings } = recordedEvalGates(bundle([tagged, held]), new Map([[held.run_id, [{ source: 'x >= 1', kind: 'threshold' as const, status: 'pass' as const, comparisons: [] }]]]));
    assert.deepEqual(warnings, []);
    assert.deepEqual(
      judged.map((j) => `${j.result.status} ${j.result.kind} ${j.result.source} ${j.runId === tagged.run_id ? 't1' : 't2'}`),
      ['fail threshold [eval=small] icontains/pass_rate >= 0.7 t1', 'skipped regression [eval=small] x >= baseline t1', 'pass threshold [eval=large] x >= 1 t2'],
    );
  });

  it('warns about a recorded gate tag it cannot read and keeps its failed verdict', () => {
    const cut = run('t', {}, { ...target('small'), 'mlflow_ts.gates': '[{"gate": "a >= 1", "sta…(truncated)', 'mlflow_ts.gates.passed': 'false' });
    const { judged, warnings } = recordedEvalGates(bundle([cut]));
    assert.match(warnings[0]!, /could not be read/);
    assert.equal(judged[0]!.result.status, 'fail');
  });

  it('records each run\'s gates and the job verdict as tags, on the server and in the bundle', async () => {
    const a = run('a', { accuracy: 0.95 }, ep('train'));
    const b = run('b', { loss: 3 }, ep('prepare'));
    const current = bundle([a, b]);
    const judged = judgeThresholds(parseGates('accuracy >= 0.9\nloss <= baseline\n[entry_point=prepare] loss < 1'), current, undefined);
    const verdict = decide(judged, 'regression');
    assert.equal(verdict.passed, true, 'only regression gates block, and the one there is was skipped');
    const logged: { runId: string; tags: Record<string, string> }[] = [];
    const client = { logBatch: async (runId: string, data: { tags: Record<string, string> }) => void logged.push({ runId, tags: data.tags }) } as unknown as MlflowClient;
    await recordVerdict(client, current, judged, verdict, 'regression');
    assert.deepEqual(logged.map((l) => l.runId).sort(), [a.run_id, b.run_id].sort());
    assert.equal(a.tags['mlflow_ts.gates.passed'], 'true');
    assert.equal(a.tags['mlflow_ts.gates.job_passed'], 'true');
    assert.deepEqual(JSON.parse(b.tags['mlflow_ts.gates']!).map((g: { gate: string; status: string }) => `${g.status} ${g.gate}`), ['skipped [entry_point=prepare] loss <= baseline', 'fail [entry_point=prepare] loss < 1']);
    assert.equal(b.tags['mlflow_ts.gates.passed'], 'true', 'the failed gate is a threshold gate: not blocking under fail-on: regression');
    const sent = logged.find((l) => l.runId === b.run_id)!.tags;
    assert.deepEqual(Object.keys(sent).sort(), ['mlflow_ts.gates', 'mlflow_ts.gates.job_passed', 'mlflow_ts.gates.passed']);
    for (const [k, v] of Object.entries(sent)) assert.equal(b.tags[k], v, 'the bundle has what the server got');
  });
});

describe('newestPerRun', () => {
  it('keeps the newest run of each entry point, target and run name from a long-lived experiment', () => {
    const runs = [run('x', {}, ep('train'), 1), run('y', {}, ep('train'), 5), run('z', {}, target('t'), 2), run('n', {}, {}, 3), run('n', {}, {}, 4)];
    assert.deepEqual(newestPerRun(bundle(runs)).runs.map((r) => `${r.run_name}@${r.start_time}`), ['y@5', 'z@2', 'n@4']);
  });
});
