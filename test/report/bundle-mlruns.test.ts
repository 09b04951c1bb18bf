/**
 * readMlruns against a hand-written MLflow file store (test/report/fixtures/mlruns, MLflow's
 * FileStore layout: experiment and run meta.yaml, params/metrics/tags files with `/` keys as
 * subdirectories, dataset inputs, artifacts, file-store traces, a deleted run, a deleted
 * experiment in .trash and a model registry folder), then imported into a real server.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startTrackingServer, type RunningServer } from '../../src/tracking/server.ts';
import { MlflowClient } from '../../src/client/index.ts';
import { importBundle, MlrunsError, readMlruns, serializeBundle, type Bundle, type BundleRun } from '../../src/report/bundle/index.ts';

const FIXTURE = fileURLToPath(new URL('./fixtures/mlruns', import.meta.url));
const RUN_A = '5f2b1c0d9e8a4b7c8d6e5f4a3b2c1d0e';
const RUN_B = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

let dir: string;
let server: RunningServer;
let client: MlflowClient;
let bundle: Bundle;

const run = (id: string): BundleRun => {
  const found = bundle.runs.find((r) => r.run_id === id);
  assert.ok(found, `run ${id} in the bundle`);
  return found;
};

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bundle-mlruns-'));
  server = await startTrackingServer({ port: 0, backendStoreUri: join(dir, 'mlflow.db'), artifactsDestination: join(dir, 'artifacts') });
  client = new MlflowClient({ trackingUri: server.url, maxRetries: 0 });
  bundle = await readMlruns(FIXTURE);
});

after(async () => {
  await client.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('readMlruns', () => {
  it('reads the active experiments and runs, skipping deleted ones, .trash and the model registry', () => {
    assert.deepEqual(bundle.experiments, [
      { name: 'Default', tags: {} },
      { name: 'iris-baseline', tags: { 'mlflow.note.content': 'Logistic regression on Iris, trained with scikit-learn.', 'team/owner': 'ml-platform' } },
    ]);
    assert.deepEqual(bundle.runs.map((r) => r.run_id), [RUN_A, RUN_B]);
    assert.equal(bundle.warnings, undefined, JSON.stringify(bundle.warnings));
    assert.equal(bundle.source.tracking_uri, pathToFileURL(FIXTURE).href);
  });

  it('reads run info, params and tags (keys with / from subdirectories)', () => {
    const a = run(RUN_A);
    assert.equal(a.experiment_name, 'iris-baseline');
    assert.equal(a.run_name, 'baseline-lr');
    assert.equal(a.status, 'FINISHED');
    assert.equal(a.start_time, 1718000000000);
    assert.equal(a.end_time, 1718000060000);
    assert.deepEqual(a.params, { C: '1.0', 'optimizer/lr': '0.01', solver: 'lbfgs' });
    assert.equal(a.tags['mlflow.user'], 'ci');
    assert.equal(a.tags['mlflow.source.git.repoURL'], 'https://github.com/acme/iris.git', 'credentials stripped');
    const b = run(RUN_B);
    assert.equal(b.run_name, 'strong-regularisation', 'from the mlflow.runName tag when meta.yaml has none');
    assert.equal(b.status, 'FAILED');
  });

  it('reads full metric histories: Python float spellings, nested keys, two-field lines of old stores', () => {
    const a = run(RUN_A);
    assert.deepEqual(a.metrics.loss, [
      { value: 0.9, step: 0, timestamp: 1718000001000 },
      { value: 0.5, step: 1, timestamp: 1718000002000 },
      { value: NaN, step: 2, timestamp: 1718000003000 },
      { value: 0.25, step: 3, timestamp: 1718000004000 },
    ]);
    assert.deepEqual(a.metrics['val/acc']!.map((p) => p.value), [0.95, Infinity, -Infinity]);
    assert.deepEqual(a.metrics.accuracy, [{ value: 0.9666666666666667, step: 0, timestamp: 1718000005000 }]);
    assert.deepEqual(run(RUN_B).metrics.loss, [
      { value: 1.5, step: 0, timestamp: 1718000101000 },
      { value: 1.25, step: 0, timestamp: 1718000102000 },
    ]);
    const text = serializeBundle(bundle);
    assert.ok(text.includes('"value":"Infinity"') && text.includes('"value":"-Infinity"') && text.includes('"value":"NaN"'));
  });

  it('reads dataset inputs with digest and context, without credentials in the source', () => {
    const [input] = run(RUN_A).inputs;
    assert.ok(input);
    assert.equal(input.dataset.name, 'iris');
    assert.equal(input.dataset.digest, '5c2a1b3d');
    assert.equal(input.dataset.source_type, 'http');
    assert.equal(input.dataset.source, '{"url": "https://data.example.com/iris.csv"}');
    assert.equal(input.dataset.profile, '{"num_rows": 150}');
    assert.deepEqual(input.tags, { 'mlflow.data.context': 'training' });
    assert.deepEqual(run(RUN_B).inputs, []);
  });

  it('lists artifacts from the store when the recorded artifact_uri is not on this machine, and reads the eval table', () => {
    const a = run(RUN_A);
    assert.deepEqual(a.artifacts.map((x) => x.path), ['eval_results.json', 'model/MLmodel']);
    assert.ok(a.artifacts.every((x) => x.file_size > 0));
    assert.equal(a.eval?.total_rows, 3);
    assert.deepEqual(a.eval?.summary.scorers.exact, { n: 2, passed: 1, failed: 1, errors: 1, pass_rate: 0.5, mean: 0.5 });
    assert.deepEqual(run(RUN_B).artifacts, []);
    assert.equal(run(RUN_B).eval, undefined);
  });

  it('summarises the file-store traces linked to a run', () => {
    const t = run(RUN_A).traces;
    assert.equal(t.count, 2);
    assert.equal(t.span_traces, 0);
    assert.deepEqual(t.tokens, { input: 30, output: 12, total: 42 });
    assert.deepEqual(t.latency_ms, { p50: 100, p95: 118 });
    assert.equal(run(RUN_B).traces.count, 0);
  });

  it('skips malformed metric lines and run directories with a warning', async () => {
    const copy = join(dir, 'copy');
    cpSync(FIXTURE, copy, { recursive: true });
    appendFileSync(join(copy, '1', RUN_B, 'metrics', 'loss'), 'not a metric line\n');
    mkdirSync(join(copy, '1', 'broken'));
    writeFileSync(join(copy, '1', 'broken', 'meta.yaml'), 'run_id: [unclosed\n');
    const read = await readMlruns(copy);
    assert.equal(read.runs.find((r) => r.run_id === RUN_B)!.metrics.loss!.length, 2);
    assert.equal(read.warnings?.length, 2, JSON.stringify(read.warnings));
    const [metricWarning = '', runWarning = ''] = read.warnings ?? [];
    assert.match(metricWarning, /loss:3: not a metric line/);
    assert.match(runWarning, /broken.*not valid YAML/);
  });

  it('refuses a path that is not a file store', async () => {
    await assert.rejects(readMlruns(join(dir, 'missing')), (err: Error) => err instanceof MlrunsError && err.message.includes('not a directory'));
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    await assert.rejects(readMlruns(empty), (err: Error) => err instanceof MlrunsError && err.message.includes('no MLflow experiments'));
  });
});

describe('mlflow-ts import --mlruns', () => {
  it('imports the file store into a server: the runs and metric histories read back', async () => {
    const result = await importBundle(client, bundle);
    assert.equal(result.created, 2);
    const experiment = await client.getExperimentByName('iris-baseline');
    assert.equal(experiment.tags.find((t) => t.key === 'team/owner')?.value, 'ml-platform');

    const a = await client.getRun(result.runIds.get(RUN_A)!);
    assert.equal(a.info.run_name, 'baseline-lr');
    assert.equal(a.info.status, 'FINISHED');
    assert.equal(a.info.start_time, 1718000000000);
    assert.equal(a.info.end_time, 1718000060000);
    assert.deepEqual(Object.fromEntries(a.data.params.map((p) => [p.key, p.value])), { C: '1.0', 'optimizer/lr': '0.01', solver: 'lbfgs' });
    assert.deepEqual((await client.getMetricHistory(a.info.run_id, 'loss')).map((m) => [m.step, m.value]), [[0, 0.9], [1, 0.5], [2, NaN], [3, 0.25]]);
    // MLflow's SQL store keeps ±Infinity as ±the largest double.
    assert.deepEqual((await client.getMetricHistory(a.info.run_id, 'val/acc')).map((m) => m.value), [0.95, Number.MAX_VALUE, -Number.MAX_VALUE]);
    assert.equal(a.inputs.dataset_inputs[0]?.dataset.digest, '5c2a1b3d');
    assert.deepEqual((await client.listArtifacts(a.info.run_id)).map((f) => f.path), ['eval_results.json']);

    const b = await client.getRun(result.runIds.get(RUN_B)!);
    assert.equal(b.info.status, 'FAILED');
    assert.deepEqual((await client.getMetricHistory(b.info.run_id, 'loss')).map((m) => [m.timestamp, m.value]), [[1718000101000, 1.5], [1718000102000, 1.25]]);

    const again = await importBundle(client, await readMlruns(FIXTURE));
    assert.deepEqual([again.created, again.skipped], [0, 2], 'a second import of the same store creates nothing');
  });
});
