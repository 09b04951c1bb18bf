/**
 * `mlflow-ts evaluate` end to end: two gateway targets side by side, the gateway in replay mode
 * (examples/qa-eval/recordings, no network, no key), everything read back through the REST API;
 * thresholds against a baseline run both ways; a failing row isolated.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MlflowClient, type Run } from '../../src/client/index.ts';
import { evaluate, EvalTag, loadSuite, RESULTS_JSON, type ResultsTable } from '../../src/evaluate/index.ts';
import { startTrackingServer, type RunningServer } from '../../src/tracking/server.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'src/cli/main.ts');
const EXAMPLE = join(ROOT, 'examples/qa-eval');

function cli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const tag = (run: Run, key: string): string | undefined => run.data.tags.find((t) => t.key === key)?.value;
const metric = (run: Run, key: string): number | undefined => run.data.metrics.find((m) => m.key === key)?.value;

async function childRuns(client: MlflowClient, experimentId: string, parentRunId: string): Promise<Run[]> {
  const runs: Run[] = [];
  for await (const r of client.searchRuns({ experimentIds: [experimentId], filter: `tags.\`mlflow.parentRunId\` = '${parentRunId}'` })) runs.push(r);
  return runs;
}

describe('mlflow-ts evaluate against the gateway in replay mode', () => {
  let server: RunningServer;
  let client: MlflowClient;
  let dir: string;
  let result: { code: number | null; stdout: string; stderr: string };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mlflow-ts-eval-e2e-'));
    server = await startTrackingServer({
      port: 0,
      backendStoreUri: ':memory:',
      artifactsDestination: join(dir, 'artifacts'),
      gatewayConfigPath: join(EXAMPLE, 'gateway-config.yaml'),
      gatewayReplay: join(EXAMPLE, 'recordings'),
    });
    client = new MlflowClient({ trackingUri: server.url });
    result = await cli(['evaluate', '--config', join(EXAMPLE, 'eval.yaml'), '--gateway-uri', server.url, '--experiment-name', 'e2e'], {
      MLFLOW_TRACKING_URI: server.url,
      OPENAI_API_KEY: '',
    });
  });
  after(async () => {
    await client.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints both targets side by side and exits by the thresholds', () => {
    assert.match(result.stdout, /metric \(95% CI\)\s+small\s+large/);
    assert.match(result.stdout, /icontains\/pass_rate/);
    // The example's small endpoint misses its thresholds, the large one passes them.
    assert.match(result.stdout, /small: thresholds FAILED/);
    assert.match(result.stdout, /large: thresholds passed/);
    assert.equal(result.code, 1, result.stderr);
  });

  it('logs one run per target under one parent, with metrics that equal the per-row table', async () => {
    const experiment = await client.getExperimentByName('e2e');
    const parents: Run[] = [];
    for await (const r of client.searchRuns({ experimentIds: [experiment.experiment_id], filter: `tags.\`${EvalTag.SUITE}\` = 'eval.yaml'` })) {
      if (!tag(r, 'mlflow.parentRunId')) parents.push(r);
    }
    assert.equal(parents.length, 1);
    const children = await childRuns(client, experiment.experiment_id, parents[0]!.info.run_id);
    assert.deepEqual(children.map((r) => tag(r, EvalTag.TARGET)).sort(), ['large', 'small']);
    for (const run of children) {
      assert.equal(run.info.status, 'FINISHED');
      const file = join(dir, `${run.info.run_id}.json`);
      await client.downloadArtifact(run.info.run_id, RESULTS_JSON, file);
      const table = JSON.parse((await import('node:fs')).readFileSync(file, 'utf8')) as ResultsTable;
      const col = (name: string) => table.columns.indexOf(name);
      assert.equal(table.data.length, 20 * 3, 'every row × repeat');
      // icontains/pass_rate: per-row pass fraction over repeats, averaged over rows.
      const perRow = new Map<number, boolean[]>();
      for (const r of table.data) perRow.set(r[col('row')] as number, [...(perRow.get(r[col('row')] as number) ?? []), r[col('icontains/passed')] as boolean]);
      const expected = [...perRow.values()].reduce((t, v) => t + v.filter(Boolean).length / v.length, 0) / perRow.size;
      assert.ok(Math.abs(metric(run, 'icontains/pass_rate')! - expected) < 1e-12);
      assert.ok(metric(run, 'icontains/pass_rate/ci_low')! <= expected && expected <= metric(run, 'icontains/pass_rate/ci_high')!);
      assert.ok(metric(run, 'cost_usd/total')! > 0, 'cost from the gateway pricing');
      assert.ok(metric(run, 'latency_ms/p95')! >= metric(run, 'latency_ms/p50')!);
      assert.ok(tag(run, EvalTag.GATES_PASSED) === 'true' || tag(run, EvalTag.GATES_PASSED) === 'false');
      // The dataset is logged with its digest.
      const inputs = run.inputs?.dataset_inputs ?? [];
      assert.equal(inputs.length, 1);
      assert.equal(inputs[0]!.dataset.digest, tag(run, EvalTag.DATASET_DIGEST));
      assert.match(inputs[0]!.dataset.digest, /^[0-9a-f]{8}$/);
      const listed = (await client.listArtifacts(run.info.run_id)).map((a) => a.path).sort();
      assert.deepEqual(listed, ['eval_results.csv', 'eval_results.json']);
    }
    const small = children.find((r) => tag(r, EvalTag.TARGET) === 'small')!;
    assert.equal(tag(small, EvalTag.GATES_PASSED), 'false');
    assert.equal(metric(small, 'rows/flaky'), 3, 'the fake small model wavers on three rows');
  });

  it("traces each row's call, joins the gateway's spans, and attaches the scores as assessments", async () => {
    const experiment = await client.getExperimentByName('e2e');
    const infos = [];
    for await (const t of client.searchTraces({ experimentIds: [experiment.experiment_id] })) infos.push(t);
    assert.equal(infos.length, 2 * 20 * 3);
    const trace = await client.getTrace(infos[0]!.trace_id);
    const runId = trace.trace_info.trace_metadata?.['mlflow.sourceRun'];
    assert.ok(runId, 'linked to its run');
    const names = trace.spans.map((s) => s.name);
    assert.ok(names.includes('eval/row'), names.join(','));
    assert.ok(trace.spans.length >= 2, `the gateway's spans joined the row's trace: ${names.join(',')}`);
    const assessments = (trace.trace_info.assessments ?? []) as { assessment_name: string; source: { source_type: string }; rationale?: string }[];
    const byName = new Map(assessments.map((a) => [a.assessment_name, a]));
    for (const name of ['exact_match', 'icontains', 'levenshtein', 'correctness', 'tokens', 'cost']) assert.ok(byName.has(name), `assessment ${name}`);
    assert.equal(byName.get('correctness')!.source.source_type, 'LLM_JUDGE');
    assert.ok(byName.get('correctness')!.rationale, "the judge's rationale is kept");
    assert.equal(byName.get('exact_match')!.source.source_type, 'CODE');
  });
});

describe('evaluate(): thresholds against a baseline run, and isolated row failures', () => {
  let server: RunningServer;
  let client: MlflowClient;
  let dir: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mlflow-ts-eval-baseline-'));
    server = await startTrackingServer({ port: 0, backendStoreUri: ':memory:', artifactsDestination: join(dir, 'artifacts') });
    client = new MlflowClient({ trackingUri: server.url });
  });
  after(async () => {
    await client.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A suite whose command target answers right on the first `right` rows and crashes on row 9. */
  async function suiteFile(name: string, right: number, thresholds: string): Promise<string> {
    const script = join(dir, `${name}.mjs`);
    writeFileSync(
      script,
      `let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const {inputs}=JSON.parse(s);` +
        `if(inputs.n===9){process.stderr.write('boom on row 9');process.exit(3)}` +
        `process.stdout.write(inputs.n<${right}?inputs.answer_hint:'wrong')})`,
    );
    const rows = Array.from({ length: 10 }, (_, n) => `  - { n: ${n}, answer_hint: a${n}, expected: a${n} }`).join('\n');
    const file = join(dir, `${name}.yaml`);
    writeFileSync(
      file,
      `targets:\n  - name: cmd\n    command: [${JSON.stringify(process.execPath)}, ${JSON.stringify(script)}]\n` +
        `dataset:\n  rows:\n${rows}\nscorers:\n  - type: exact_match\nthresholds:\n${thresholds}\nconcurrency: 3\nretries: 0\n`,
    );
    return file;
  }

  const run = async (file: string, baselineRunId?: string) =>
    evaluate({
      suite: await loadSuite(file),
      client,
      trackingUri: server.url,
      experimentName: 'baseline-gates',
      tracing: false,
      progress: Object.assign(new (await import('node:stream')).PassThrough(), { isTTY: false }),
      ...(baselineRunId ? { baselineRunId } : {}),
    });

  it('records a crashing row as that row error and goes on', async () => {
    const report = await run(await suiteFile('base', 6, '  exact_match/mean: { threshold: 0.5 }'));
    const t = report.targets[0]!;
    assert.equal(t.metrics['rows/errors']!.value, 1);
    assert.match(t.errors[0]!.error, /boom on row 9/);
    // 6 right of the 9 rows that answered.
    assert.equal(t.metrics['exact_match/mean']!.value, 6 / 9);
    assert.equal(report.passed, true);
  });

  it('passes a min_relative_change threshold on a real improvement and fails it otherwise', async () => {
    const base = await run(await suiteFile('base2', 4, '  exact_match/mean: { threshold: 0.1 }'));
    const better = await run(await suiteFile('better', 8, '  exact_match/mean: { min_relative_change: 0.5 }'), base.parentRunId);
    assert.equal(better.targets[0]!.baselineRunId, base.targets[0]!.runId, 'matched by target name under the parent');
    assert.equal(better.passed, true, JSON.stringify(better.targets[0]!.gates));
    const same = await run(await suiteFile('same', 4, '  exact_match/mean: { min_relative_change: 0.5 }'), base.parentRunId);
    assert.equal(same.passed, false);
    assert.equal(same.targets[0]!.gates[0]!.status, 'fail');
    const tags = (await client.getRun(same.targets[0]!.runId)).data.tags;
    assert.equal(tags.find((t) => t.key === EvalTag.GATES_PASSED)?.value, 'false');
    assert.equal(tags.find((t) => t.key === EvalTag.BASELINE_RUN)?.value, base.targets[0]!.runId);
  });

  it('fails an absolute threshold the other way (lower is better)', async () => {
    const report = await run(await suiteFile('lower', 10, '  rows/errors: { threshold: 0, greater_is_better: false }'));
    assert.equal(report.passed, false, 'one row error > 0 allowed');
  });
});
