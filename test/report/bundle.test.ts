/**
 * Run bundles end to end against two real tracking servers started in-process: runs logged on
 * server A through the client (and traces through the tracing SDK and the gateway tracer) are
 * exported, written, read back and imported into a fresh server B, where they read back equal;
 * a second import creates nothing; a changed bundle replaces its stale copy; credentials never
 * reach the bundle file; an unknown version is refused.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTrackingServer, type RunningServer } from '../../src/tracking/server.ts';
import { MlflowClient, startRun, type Run } from '../../src/client/index.ts';
import { flushTraces, getTracingContextHeadersForHttpRequest, init, recordLlmCost, recordTokenUsage, startSpan, withSpan } from '../../src/tracing/index.ts';
import { GatewayTracer } from '../../src/gateway/observe/tracing.ts';
import type { RequestRecord } from '../../src/gateway/observe/record.ts';
import { requestRecord } from '../gateway/helpers.ts';
import {
  BundleExportError,
  BundleFormatError,
  BundleImportError,
  BundleTag,
  BundleVersionError,
  EVAL_RESULTS_FILE,
  exportBundle,
  importBundle,
  parseBundle,
  readBundle,
  writeBundle,
  type Bundle,
  type BundleRun,
} from '../../src/report/bundle/index.ts';

const T0 = Date.UTC(2026, 0, 5, 12, 0, 0);
const EXPERIMENT = 'bundle-e2e';
const PASSWORD = 'hunter2-Sup3rSecret';
const DATASET_PASSWORD = 'ds-Passw0rd-9876';
const KNOWN_TOKEN = 'ghs_knownWorkflowToken0123456789';

let dir: string;
let serverA: RunningServer;
let serverB: RunningServer;
let clientA: MlflowClient;
let clientB: MlflowClient;
let tracer: GatewayTracer;
let bundle: Bundle;
const ids: Record<string, string> = {};

async function seed(): Promise<void> {
  const experimentId = await clientA.createExperiment(EXPERIMENT, { tags: { team: 'ml-platform' } });

  const train = await clientA.createRun({ experimentId, runName: 'train', startTime: T0, tags: { 'mlflow.user': 'ci', stage: 'train', 'mlflow.source.git.repoURL': `https://bot:${KNOWN_TOKEN}@github.com/acme/repo.git` } });
  ids.train = train.info.run_id;
  const curve = Array.from({ length: 1500 }, (_, i) => ({ key: 'curve', value: Math.sin(i / 10), step: i, timestamp: T0 + i }));
  await clientA.logBatch(ids.train, {
    params: { lr: '0.01', layers: 3, 'optimizer/name': 'adam' },
    metrics: [
      { key: 'loss', value: 0.9, step: 0, timestamp: T0 + 1000 },
      { key: 'loss', value: 0.5, step: 1, timestamp: T0 + 2000 },
      { key: 'loss', value: NaN, step: 2, timestamp: T0 + 3000 },
      { key: 'loss', value: 0.25, step: 3, timestamp: T0 + 4000 },
      { key: 'acc/val', value: Infinity, step: 0, timestamp: T0 + 5000 },
      { key: 'acc/val', value: -Infinity, step: 1, timestamp: T0 + 6000 },
      ...curve,
    ],
  });
  await clientA.logInputs(ids.train, [
    {
      dataset: { name: 'iris', digest: 'abc123', source_type: 'http', source: JSON.stringify({ url: `https://reader:${DATASET_PASSWORD}@data.example.com/iris.csv` }), schema: '{"mlflow_colspec": []}' },
      tags: [{ key: 'mlflow.data.context', value: 'training' }],
    },
  ]);
  await clientA.updateRun(ids.train, { status: 'FINISHED', endTime: T0 + 60_000 });

  const child = await clientA.createRun({ experimentId, runName: 'child', startTime: T0 + 100, tags: { 'mlflow.parentRunId': ids.train } });
  ids.child = child.info.run_id;
  await clientA.logMetric(ids.child, 'loss', 1.5, { timestamp: T0 + 200, step: 0 });
  await clientA.updateRun(ids.child, { status: 'FAILED', endTime: T0 + 300 });

  const running = await clientA.createRun({ experimentId, runName: 'still-running', startTime: T0 + 400 });
  ids.running = running.info.run_id;
  await clientA.logParam(ids.running, 'note', 'unfinished');

  const evalRun = await clientA.createRun({ experimentId, runName: 'eval', startTime: T0 + 500 });
  ids.eval = evalRun.info.run_id;
  const files = join(dir, 'eval-files');
  mkdirSync(join(files, 'notes'), { recursive: true });
  const table = {
    columns: ['row', 'repeat', 'question', 'output', 'error', 'latency_ms', 'exact/score', 'exact/passed', 'exact/error'],
    data: [
      [0, 0, 'q0', 'a', null, 10, 1, true, null],
      [1, 0, 'q1', 'b', null, 'NaN', 0, false, null],
      [2, 0, 'q2', null, 'timeout', null, null, null, 'no output'],
    ],
  };
  writeFileSync(join(files, EVAL_RESULTS_FILE), JSON.stringify(table));
  writeFileSync(join(files, 'notes', 'readme.txt'), 'hello');
  await clientA.logArtifact(ids.eval, join(files, EVAL_RESULTS_FILE));
  await clientA.logArtifact(ids.eval, join(files, 'notes', 'readme.txt'), 'notes');
  await clientA.updateRun(ids.eval, { status: 'FINISHED', endTime: T0 + 900 });

  const gone = await clientA.createRun({ experimentId, runName: 'deleted', startTime: T0 + 600 });
  await clientA.deleteRun(gone.info.run_id);

  // Traces: two SDK traces with fixed span times, one whose caller span went through the
  // gateway (distributed: gateway spans join the caller's trace), one gateway trace linked later.
  init({ trackingUri: serverA.url, experimentId, configFile: false, handleSignals: false, warn: () => undefined });
  let traceparent = '';
  await startRun({ experimentId, runName: 'traced', client: clientA }, async (run) => {
    ids.traced = run.runId;
    const base = BigInt(T0) * 1_000_000n;
    for (const [i, [rootMs, llmMs]] of ([[100, 40], [300, 60]] as const).entries()) {
      const start = base + BigInt(i) * 10_000_000_000n;
      const root = startSpan({ name: 'agent', startTimeNs: start });
      const llm = startSpan({ name: 'llm', parent: root, startTimeNs: start + 1_000_000n });
      recordTokenUsage(llm, { input_tokens: 10, output_tokens: 4 });
      recordLlmCost(llm, { input_cost: 0.001, output_cost: 0.002 });
      llm.end({ endTimeNs: start + 1_000_000n + BigInt(llmMs) * 1_000_000n });
      root.end({ endTimeNs: start + BigInt(rootMs) * 1_000_000n });
    }
    withSpan({ name: 'caller' }, () => {
      traceparent = getTracingContextHeadersForHttpRequest().traceparent ?? '';
    });
  });
  assert.ok(traceparent, 'the caller span gave a traceparent');
  await flushTraces();
  tracer = new GatewayTracer({ trackingUri: serverA.url, log: { info: () => undefined, error: () => undefined } });
  tracer.onRequest(gatewayRecord('req-distributed', { traceparent, cacheHit: true }));
  tracer.onRequest(gatewayRecord('req-standalone', { cacheHit: false }));
  assert.equal(await tracer.flush(10_000), true);
  const gatewayExperiment = await clientA.getExperimentByName('gateway/chat');
  let standalone: string | undefined;
  for await (const t of clientA.searchTraces({ experimentIds: [gatewayExperiment.experiment_id] })) if (t.client_request_id === 'req-standalone') standalone = t.trace_id;
  assert.ok(standalone, 'the standalone gateway trace is stored');
  const linked = await fetch(`${serverA.url}/api/2.0/mlflow/traces/link-to-run`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ trace_ids: [standalone], run_id: ids.traced }),
  });
  assert.equal(linked.status, 200, await linked.text());
}

function gatewayRecord(id: string, overrides: Partial<RequestRecord>): RequestRecord {
  return requestRecord(id, T0 + 50_000, overrides);
}

const runOf = (b: Bundle, name: string): BundleRun => {
  const run = b.runs.find((r) => r.run_name === name);
  assert.ok(run, `run '${name}' in the bundle`);
  return run;
};

const withoutImportTags = (tags: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(tags).filter(([k]) => k !== BundleTag.SOURCE_RUN_ID && k !== BundleTag.CONTENT_HASH));

async function runsOnB(): Promise<Run[]> {
  const experiment = await clientB.getExperimentByName(EXPERIMENT);
  const out: Run[] = [];
  for await (const run of clientB.searchRuns({ experimentIds: [experiment.experiment_id] })) out.push(run);
  return out;
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bundle-e2e-'));
  serverA = await startTrackingServer({ port: 0, backendStoreUri: join(dir, 'a.db'), artifactsDestination: join(dir, 'a-artifacts') });
  serverB = await startTrackingServer({ port: 0, backendStoreUri: join(dir, 'b.db'), artifactsDestination: join(dir, 'b-artifacts') });
  // Credentials in the URI, as users write them in MLFLOW_TRACKING_URI: they must not reach the bundle.
  clientA = new MlflowClient({ trackingUri: serverA.url.replace('http://', `http://alice:${PASSWORD}@`), maxRetries: 0 });
  clientB = new MlflowClient({ trackingUri: serverB.url, maxRetries: 0 });
  await seed();
  bundle = await exportBundle(clientA, {
    experimentNames: [EXPERIMENT],
    source: { git: { sha: 'a'.repeat(40), ref: 'refs/pull/7/merge', pr_number: 7 }, workflow: { run_id: '123', job: 'eval' } },
    secrets: [KNOWN_TOKEN],
  });
});

after(async () => {
  await tracer?.close();
  await clientA?.close();
  await clientB?.close();
  await serverA?.close();
  await serverB?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('exportBundle', () => {
  it('exports the active runs with full metric histories, non-finite values included', () => {
    assert.equal(bundle.schema, 'mlflow-ts-bundle');
    assert.equal(bundle.version, 1);
    assert.deepEqual(bundle.experiments, [{ name: EXPERIMENT, tags: { team: 'ml-platform' } }]);
    assert.deepEqual(bundle.runs.map((r) => r.run_name).sort(), ['child', 'eval', 'still-running', 'traced', 'train']);
    const train = runOf(bundle, 'train');
    assert.equal(train.run_id, ids.train);
    assert.equal(train.status, 'FINISHED');
    assert.equal(train.start_time, T0);
    assert.equal(train.end_time, T0 + 60_000);
    assert.deepEqual(train.params, { lr: '0.01', layers: '3', 'optimizer/name': 'adam' });
    assert.deepEqual(train.metrics.loss, [
      { value: 0.9, step: 0, timestamp: T0 + 1000 },
      { value: 0.5, step: 1, timestamp: T0 + 2000 },
      { value: NaN, step: 2, timestamp: T0 + 3000 },
      { value: 0.25, step: 3, timestamp: T0 + 4000 },
    ]);
    // MLflow's SQL store (and so ours) keeps ±Infinity as ±the largest double.
    assert.deepEqual(train.metrics['acc/val']!.map((p) => p.value), [Number.MAX_VALUE, -Number.MAX_VALUE]);
    assert.equal(train.metrics.curve!.length, 1500);
    assert.equal(train.inputs[0]!.dataset.digest, 'abc123');
    assert.deepEqual(train.inputs[0]!.tags, { 'mlflow.data.context': 'training' });
    assert.equal(runOf(bundle, 'child').tags['mlflow.parentRunId'], ids.train);
    assert.equal(runOf(bundle, 'still-running').end_time, null);
    assert.equal(runOf(bundle, 'still-running').status, 'RUNNING');
    assert.deepEqual(bundle.source.git, { sha: 'a'.repeat(40), ref: 'refs/pull/7/merge', pr_number: 7 });
    assert.deepEqual(bundle.source.workflow, { run_id: '123', job: 'eval' });
  });

  it('lists artifacts and carries the eval table with its per-scorer summary', () => {
    const run = runOf(bundle, 'eval');
    assert.deepEqual(run.artifacts.map((a) => a.path), [EVAL_RESULTS_FILE, 'notes/readme.txt']);
    assert.equal(run.artifacts[1]!.file_size, 5);
    assert.ok(run.eval);
    assert.equal(run.eval.total_rows, 3);
    assert.equal(run.eval.table.data.length, 3);
    assert.equal(run.eval.table.data[1]![5], 'NaN', 'cells stay as the artifact spells them');
    assert.deepEqual(run.eval.summary, { rows: 3, scorers: { exact: { n: 2, passed: 1, failed: 1, errors: 1, pass_rate: 0.5, mean: 0.5 } } });
    assert.equal(runOf(bundle, 'train').eval, undefined);
  });

  it('summarises the traces linked to a run: SDK spans, a distributed gateway call and a linked gateway trace', () => {
    const traces = runOf(bundle, 'traced').traces;
    assert.equal(traces.count, 4);
    assert.equal(traces.span_traces, 4);
    assert.deepEqual(traces.spans.agent, { count: 2, p50_ms: 200, p95_ms: 290 });
    assert.deepEqual(traces.spans.llm, { count: 2, p50_ms: 50, p95_ms: 59 });
    assert.equal(traces.spans.caller?.count, 1);
    assert.equal(traces.spans['gateway/chat']?.count, 2, 'the gateway request spans, joined and linked');
    // SDK llm spans 2 × (10 in, 4 out) + gateway roots 2 × (12 in, 5 out).
    assert.deepEqual(traces.tokens, { input: 44, output: 18, total: 62 });
    assert.ok(Math.abs(traces.cost_usd - (2 * 0.003 + 2 * 0.0042)) < 1e-9, String(traces.cost_usd));
    assert.equal(traces.cache_hits, 1);
    assert.equal(traces.cache_misses, 1);
    assert.ok(traces.latency_ms.p50 !== null && traces.latency_ms.p95 !== null && traces.latency_ms.p95 >= traces.latency_ms.p50);
    assert.equal(runOf(bundle, 'train').traces.count, 0);
    assert.deepEqual(runOf(bundle, 'train').traces.latency_ms, { p50: null, p95: null });
  });

  it('selects experiments by id as well as by name', async () => {
    const { experiment_id } = await clientA.getExperimentByName(EXPERIMENT);
    const byId = await exportBundle(clientA, { experimentIds: [experiment_id], runFilter: "attributes.status = 'FINISHED'" });
    assert.deepEqual(byId.runs.map((r) => r.run_name).sort(), ['eval', 'traced', 'train']);
    assert.deepEqual(byId.runs.find((r) => r.run_name === 'train'), runOf(bundle, 'train'));
  });

  it('refuses an experiment that does not exist, naming it', async () => {
    await assert.rejects(exportBundle(clientA, { experimentNames: ['no-such-experiment'] }), (err: Error) => err instanceof BundleExportError && err.message.includes("'no-such-experiment'"));
  });
});

describe('writeBundle / readBundle', () => {
  it('writes a file without credentials or known secrets, and reads the same bundle back', async () => {
    const path = join(dir, 'out', 'bundle.json');
    await writeBundle(path, bundle);
    const text = readFileSync(path, 'utf8');
    for (const secret of [PASSWORD, 'alice', DATASET_PASSWORD, KNOWN_TOKEN]) assert.ok(!text.includes(secret), `the bundle file contains '${secret}'`);
    assert.equal(bundle.source.tracking_uri, serverA.url);
    assert.equal(runOf(bundle, 'train').tags['mlflow.source.git.repoURL'], 'https://github.com/acme/repo.git');
    assert.ok(text.includes('"value":"NaN"'), 'NaN spelled as MLflow does');
    assert.deepEqual(await readBundle(path), bundle);
  });

  it('rejects an unknown version, naming it and the versions this build reads', async () => {
    const path = join(dir, 'future.json');
    writeFileSync(path, JSON.stringify({ ...JSON.parse(readFileSync(join(dir, 'out', 'bundle.json'), 'utf8')), version: 2 }));
    await assert.rejects(readBundle(path), (err: Error) => {
      assert.ok(err instanceof BundleVersionError);
      assert.equal(err.version, 2);
      assert.deepEqual(err.supported, [1]);
      assert.match(err.message, /bundle version 2 .*reads version 1/);
      assert.ok(err.message.includes(path));
      return true;
    });
    assert.throws(() => parseBundle({ schema: 'mlflow-ts-bundle', version: '1' }), BundleVersionError);
    await assert.rejects(importBundle(clientB, { ...bundle, version: 99 } as unknown as Bundle), BundleVersionError);
  });

  it('rejects what is not a bundle, or a bundle that breaks its schema', async () => {
    const path = join(dir, 'not-json.json');
    writeFileSync(path, '{"schema": ');
    await assert.rejects(readBundle(path), BundleFormatError);
    assert.throws(() => parseBundle({ runs: [] }), /not an mlflow-ts run bundle/);
    const broken = JSON.parse(JSON.stringify({ ...bundle, runs: [{ ...runOf(bundle, 'child'), status: 'DONE' }] }));
    assert.throws(() => parseBundle(broken), (err: Error) => err instanceof BundleFormatError && err.message.includes('status'));
  });
});

describe('importBundle', () => {
  it('creates the runs on a fresh server; they read back equal', async () => {
    const result = await importBundle(clientB, await readBundle(join(dir, 'out', 'bundle.json')));
    assert.equal(result.created, 5);
    assert.equal(result.skipped, 0);
    assert.equal(result.replaced, 0);
    assert.equal(result.runIds.size, 5);

    const experiment = await clientB.getExperimentByName(EXPERIMENT);
    assert.deepEqual(experiment.tags, [{ key: 'team', value: 'ml-platform' }]);
    for (const original of bundle.runs) {
      const copy = await clientB.getRun(result.runIds.get(original.run_id)!);
      assert.equal(copy.info.run_name, original.run_name);
      assert.equal(copy.info.status, original.status);
      assert.equal(copy.info.start_time, original.start_time);
      assert.equal(copy.info.end_time ?? null, original.end_time);
      assert.deepEqual(Object.fromEntries(copy.data.params.map((p) => [p.key, p.value])), original.params);
      const tags = Object.fromEntries(copy.data.tags.map((t) => [t.key, t.value]));
      assert.equal(tags[BundleTag.SOURCE_RUN_ID], original.run_id);
      const expectedTags = { ...original.tags };
      if (expectedTags['mlflow.parentRunId']) expectedTags['mlflow.parentRunId'] = result.runIds.get(expectedTags['mlflow.parentRunId'])!;
      assert.deepEqual(withoutImportTags(tags), expectedTags);
      for (const [key, points] of Object.entries(original.metrics)) {
        const history = (await clientB.getMetricHistory(copy.info.run_id, key)).map((m) => ({ value: m.value, step: m.step, timestamp: m.timestamp }));
        history.sort((a, b) => a.timestamp - b.timestamp || a.step - b.step);
        assert.deepEqual(history, points, `metric ${key} of ${original.run_name}`);
      }
      assert.deepEqual(
        copy.inputs.dataset_inputs.map((d) => d.dataset.digest),
        original.inputs.map((d) => d.dataset.digest),
      );
    }
  });

  it('links children to the imported parent and re-creates the eval table artifact', async () => {
    const runs = await runsOnB();
    const byName = new Map(runs.map((r) => [r.info.run_name, r]));
    const parentTag = byName.get('child')!.data.tags.find((t) => t.key === 'mlflow.parentRunId')?.value;
    assert.equal(parentTag, byName.get('train')!.info.run_id);
    const evalCopy = byName.get('eval')!;
    const local = join(dir, 'downloaded', EVAL_RESULTS_FILE);
    await clientB.downloadArtifact(evalCopy.info.run_id, EVAL_RESULTS_FILE, local);
    assert.deepEqual(JSON.parse(readFileSync(local, 'utf8')), runOf(bundle, 'eval').eval!.table);
  });

  it('exported again from the second server, the runs match the first export', async () => {
    const again = await exportBundle(clientB, { experimentNames: [EXPERIMENT] });
    const comparable = (r: BundleRun) => ({ ...r, run_id: '', tags: withoutImportTags(r.tags), artifacts: [], traces: null, eval: r.eval?.summary });
    const norm = (b: Bundle) =>
      b.runs
        .map((r) => ({ ...comparable(r), tags: { ...withoutImportTags(r.tags), 'mlflow.parentRunId': r.tags['mlflow.parentRunId'] ? 'parent' : '' } }))
        .sort((a, b) => a.run_name.localeCompare(b.run_name));
    assert.deepEqual(norm(again), norm(bundle));
  });

  it('importing the same bundle again creates no duplicates', async () => {
    const before = (await runsOnB()).length;
    const result = await importBundle(clientB, bundle);
    assert.equal(result.created, 0);
    assert.equal(result.skipped, 5);
    assert.equal((await runsOnB()).length, before);
    const first = (await runsOnB()).find((r) => r.info.run_name === 'train')!;
    assert.equal(result.runIds.get(ids.train!), first.info.run_id);
  });

  it('a changed run replaces its stale copy, which is deleted', async () => {
    const changed: Bundle = structuredClone(bundle);
    const child = changed.runs.find((r) => r.run_name === 'child')!;
    child.metrics.loss = [...child.metrics.loss!, { value: 1.25, step: 1, timestamp: T0 + 250 }];
    const oldCopy = (await runsOnB()).find((r) => r.info.run_name === 'child')!;
    const result = await importBundle(clientB, changed);
    assert.deepEqual([result.created, result.skipped, result.replaced], [1, 4, 1]);
    const runs = await runsOnB();
    assert.equal(runs.length, 5);
    const newCopy = runs.find((r) => r.info.run_name === 'child')!;
    assert.notEqual(newCopy.info.run_id, oldCopy.info.run_id);
    assert.equal((await clientB.getRun(oldCopy.info.run_id)).info.lifecycle_stage, 'deleted');
    assert.deepEqual((await clientB.getMetricHistory(newCopy.info.run_id, 'loss')).map((m) => m.value), [1.5, 1.25]);
  });

  it('refuses to import into a deleted experiment, saying how to proceed', async () => {
    const id = await clientB.createExperiment('gone');
    await clientB.deleteExperiment(id);
    const moved: Bundle = { ...bundle, experiments: [{ name: 'gone', tags: {} }], runs: bundle.runs.map((r) => ({ ...r, experiment_name: 'gone' })) };
    await assert.rejects(importBundle(clientB, moved), (err: Error) => err instanceof BundleImportError && /'gone'.*deleted.*Restore it/.test(err.message));
  });
});
