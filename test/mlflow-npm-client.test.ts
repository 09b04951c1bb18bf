/**
 * Drives the server through a client we did not write: the npm package `mlflow` (2.0.7), a
 * MLflow 1.x-era REST client. It sends its own shapes (run_uuid next to run_id, GET query strings
 * built by `querystring`, lowercase methods, removed routes), so this catches server assumptions
 * that only our own clients satisfy.
 *
 * The client calls the global `fetch` it captured when it was loaded; a recording wrapper is put in
 * place first, so each test can also check the exact request the client sent.
 */
import { after, before, describe, mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type MLflowModule from 'mlflow';
import type * as MlflowEnum from 'mlflow/enum.js';
import { startTrackingServer, type RunningServer } from '../src/tracking/server.ts';

interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  contentType: string | null;
  body: unknown;
}

const realFetch = globalThis.fetch;
const recorded: RecordedRequest[] = [];
globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
  const url = new URL(input instanceof Request ? input.url : input);
  const headers = new Headers(init?.headers);
  recorded.push({
    method: (init?.method ?? 'GET').toUpperCase(),
    path: url.pathname,
    query: url.searchParams,
    contentType: headers.get('content-type'),
    body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
  });
  return realFetch(input, init);
};

const require = createRequire(import.meta.url);
const MLflow = require('mlflow') as typeof MLflowModule.default;
const { ViewType, RunStatus, LifecycleStage } = require('mlflow/enum.js') as typeof MlflowEnum;

/** The client throws `Error("Error: {status, statusText, data}")` for any non-200 answer. */
async function clientFailure(promise: Promise<unknown>): Promise<{ status: number; data: { error_code?: string; message?: string } | null }> {
  try {
    await promise;
  } catch (err) {
    const text = (err as Error).message.replace(/^Error: /, '');
    return JSON.parse(text) as { status: number; data: { error_code?: string; message?: string } | null };
  }
  assert.fail('the client call was expected to fail');
}

function lastRequest(): RecordedRequest {
  const r = recorded.at(-1);
  assert.ok(r, 'the client sent no request');
  return r;
}

const byKey = <T extends { key: string }>(items: T[] | undefined): Record<string, T> =>
  Object.fromEntries((items ?? []).map((i) => [i.key, i]));

/** The package's types demand artifact_location; JS users leave it out and the client drops it. */
async function createExperiment(name: string): Promise<string> {
  return (await client.Experiments.create({ name, artifact_location: undefined as unknown as string })).experiment_id;
}

let server: RunningServer;
let artifactsDir: string;
let client: InstanceType<typeof MLflow>;

before(async () => {
  // The client prints every POST body with console.log; keep the test output readable.
  mock.method(console, 'log', () => {});
  artifactsDir = mkdtempSync(join(tmpdir(), 'mlflow-npm-client-'));
  server = await startTrackingServer({ backendStoreUri: ':memory:', port: 0, artifactsDestination: artifactsDir });
  client = new MLflow({ endpoint: server.url });
});

after(async () => {
  await server.close();
  rmSync(artifactsDir, { recursive: true, force: true });
  mock.restoreAll();
  globalThis.fetch = realFetch;
});

describe('experiments through the npm mlflow client', () => {
  test('create, get, rename, delete and restore', async () => {
    const experiment_id = await createExperiment('npm-exp');
    const sent = lastRequest();
    assert.equal(sent.method, 'POST');
    assert.equal(sent.path, '/api/2.0/mlflow/experiments/create');
    assert.equal(sent.contentType, 'application/json');
    assert.deepEqual(sent.body, { name: 'npm-exp' });
    assert.match(experiment_id, /^\d+$/);

    const { experiment } = await client.Experiments.get({ experiment_id });
    assert.equal(lastRequest().method, 'GET');
    assert.equal(lastRequest().query.get('experiment_id'), experiment_id);
    assert.equal(experiment.name, 'npm-exp');
    assert.equal(experiment.lifecycle_stage, 'active');
    assert.equal(experiment.artifact_location, `mlflow-artifacts:/${experiment_id}`);
    assert.equal(typeof experiment.creation_time, 'number');

    assert.deepEqual(await client.Experiments.update({ experiment_id, new_name: 'npm-exp-renamed' }), {});
    assert.equal((await client.Experiments.get({ experiment_id })).experiment.name, 'npm-exp-renamed');

    assert.deepEqual(await client.Experiments.delete({ experiment_id }), {});
    assert.equal((await client.Experiments.get({ experiment_id })).experiment.lifecycle_stage, 'deleted');
    assert.deepEqual(await client.Experiments.restore({ experiment_id }), {});
    assert.equal((await client.Experiments.get({ experiment_id })).experiment.lifecycle_stage, 'active');
  });

  test('a duplicate name and a missing experiment come back as MLflow errors the client can read', async () => {
    const { experiment_id } = await client.Experiments.create({ name: 'npm-dup', artifact_location: 'mlflow-artifacts:/npm-dup' });
    assert.equal((await client.Experiments.get({ experiment_id })).experiment.artifact_location, 'mlflow-artifacts:/npm-dup');
    const dup = await clientFailure(client.Experiments.create({ name: 'npm-dup', artifact_location: 'mlflow-artifacts:/npm-dup' }));
    assert.equal(dup.status, 400);
    assert.equal(dup.data?.error_code, 'RESOURCE_ALREADY_EXISTS');
    assert.match(dup.data?.message ?? '', /npm-dup/);

    const missing = await clientFailure(client.Experiments.get({ experiment_id: '987654' }));
    assert.equal(missing.status, 404);
    assert.equal(missing.data?.error_code, 'RESOURCE_DOES_NOT_EXIST');
  });

  test('Experiments.list calls experiments/list, which MLflow removed in 2.0: a JSON 404, not a crash', async () => {
    // MLflow 3.11 has no experiments/list route either (Appendix A of the wire notes); the client
    // must at least get an error body it can parse rather than an HTML page.
    const failure = await clientFailure(client.Experiments.list({ view_type: ViewType.ALL }));
    assert.equal(lastRequest().path, '/api/2.0/mlflow/experiments/list');
    assert.equal(lastRequest().query.get('view_type'), 'ALL');
    assert.equal(failure.status, 404);
    assert.equal(failure.data?.error_code, 'ENDPOINT_NOT_FOUND');
  });

  test('Experiments.setExperimentTag builds a malformed URL (client bug), which gets a JSON 404', async () => {
    const experiment_id = await createExperiment('npm-tagged');
    const failure = await clientFailure(client.Experiments.setExperimentTag({ experiment_id, key: 'team', value: 'ml' }));
    // The client joins '/experiments' and 'set-experiment-tag' without a slash.
    assert.equal(lastRequest().path, '/api/2.0/mlflow/experimentsset-experiment-tag');
    assert.equal(failure.status, 404);
    assert.equal(failure.data?.error_code, 'ENDPOINT_NOT_FOUND');
    const { experiment } = await client.Experiments.get({ experiment_id });
    assert.equal(experiment.tags, undefined, 'the misrouted call must not have tagged anything');
  });
});

describe('runs through the npm mlflow client', () => {
  let experimentId: string;

  before(async () => {
    experimentId = await createExperiment('npm-runs');
  });

  async function newRun(name: string, startTime: number): Promise<string> {
    const { run } = await client.Runs.create({
      experiment_id: experimentId,
      user_id: 'npm-user',
      start_time: startTime,
      tags: [
        { key: 'mlflow.runName', value: name },
        { key: 'team', value: 'vision' },
      ],
    });
    return run.info.run_id;
  }

  test('create and get a run', async () => {
    const { run } = await client.Runs.create({
      experiment_id: experimentId,
      user_id: 'npm-user',
      start_time: 1_700_000_000_000,
      tags: [{ key: 'mlflow.runName', value: 'npm-first' }],
    });
    assert.deepEqual(lastRequest().body, {
      experiment_id: experimentId,
      user_id: 'npm-user',
      start_time: 1_700_000_000_000,
      tags: [{ key: 'mlflow.runName', value: 'npm-first' }],
    });
    const runId = run.info.run_id;
    assert.match(runId, /^[0-9a-f]{32}$/);

    const got = (await client.Runs.get({ run_id: runId })).run;
    assert.equal(lastRequest().method, 'GET');
    assert.equal(lastRequest().path, '/api/2.0/mlflow/runs/get');
    assert.equal(lastRequest().query.get('run_id'), runId);
    assert.equal(got.info.run_id, runId);
    assert.equal((got.info as unknown as { run_uuid: string }).run_uuid, runId, 'old clients read run_uuid');
    assert.equal((got.info as unknown as { run_name: string }).run_name, 'npm-first');
    assert.equal(got.info.experiment_id, experimentId);
    assert.equal(got.info.user_id, 'npm-user');
    assert.equal(got.info.status, RunStatus.RUNNING);
    assert.equal(got.info.start_time, 1_700_000_000_000);
    assert.equal(got.info.end_time, undefined);
    assert.equal(got.info.lifecycle_stage, 'active');
    assert.equal(got.info.artifact_uri, `mlflow-artifacts:/${experimentId}/${runId}/artifacts`);
    assert.equal(byKey(got.data.tags)['mlflow.runName']?.value, 'npm-first');
  });

  test('params, metrics, tags and log-batch are stored and read back', async () => {
    const runId = await newRun('npm-logging', 1_700_000_001_000);

    await client.Runs.logParameter({ run_id: runId, key: 'lr', value: '0.01' });
    assert.deepEqual(lastRequest().body, { run_id: runId, run_uuid: runId, key: 'lr', value: '0.01' });

    await client.Runs.logMetric({ run_id: runId, key: 'loss', value: 0.9, timestamp: 1000, step: 0 });
    assert.deepEqual(lastRequest().body, { run_id: runId, run_uuid: runId, key: 'loss', value: 0.9, timestamp: 1000, step: 0 });
    await client.Runs.logMetric({ run_id: runId, key: 'loss', value: 0.5, timestamp: 2000, step: 1 });
    await client.Runs.logMetric({ run_id: runId, key: 'loss', value: 0.7, timestamp: 3000, step: 0 });
    // No step: the client leaves it out of the body and the server defaults it to 0.
    await client.Runs.logMetric({ run_id: runId, key: 'epoch_time', value: 12.5, timestamp: 1500 });

    await client.Runs.setTag({ run_id: runId, key: 'stage', value: 'train' });
    await client.Runs.setTag({ run_id: runId, key: 'scratch', value: 'x' });
    await client.Runs.deleteTag({ run_id: runId, key: 'scratch' });

    await client.Runs.logBatch({
      run_id: runId,
      metrics: [
        { key: 'acc', value: 0.8, timestamp: 4000, step: 2 },
        { key: 'acc', value: 0.6, timestamp: 3500, step: 1 },
      ],
      params: [
        { key: 'model', value: 'cnn' },
        { key: 'lr', value: '0.01' },
      ],
      tags: [{ key: 'stage', value: 'eval' }],
    });
    assert.equal(lastRequest().path, '/api/2.0/mlflow/runs/log-batch');

    const { data } = (await client.Runs.get({ run_id: runId })).run;
    const params = byKey(data.params);
    assert.deepEqual(Object.keys(params).sort(), ['lr', 'model']);
    assert.equal(params.lr?.value, '0.01');
    assert.equal(params.model?.value, 'cnn');

    const metrics = byKey(data.metrics);
    // Latest = highest step, so the step-1 value wins over the later-logged step-0 one.
    assert.deepEqual(metrics.loss, { key: 'loss', value: 0.5, timestamp: 2000, step: 1 });
    assert.deepEqual(metrics.epoch_time, { key: 'epoch_time', value: 12.5, timestamp: 1500, step: 0 });
    assert.deepEqual(metrics.acc, { key: 'acc', value: 0.8, timestamp: 4000, step: 2 });

    const tags = byKey(data.tags);
    assert.equal(tags.stage?.value, 'eval');
    assert.equal(tags.team?.value, 'vision');
    assert.equal(tags.scratch, undefined, 'deleteTag removed the tag');

    const history = await client.Metrics.getHistory({ run_id: runId, metric_key: 'loss' });
    const sent = lastRequest();
    assert.equal(sent.method, 'GET');
    assert.equal(sent.path, '/api/2.0/mlflow/metrics/get-history');
    assert.equal(sent.query.get('run_uuid'), runId);
    assert.equal(sent.query.get('metric_key'), 'loss');
    assert.deepEqual(
      history.metrics.map((m) => [m.step, m.timestamp, m.value]).sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!),
      [
        [0, 1000, 0.9],
        [0, 3000, 0.7],
        [1, 2000, 0.5],
      ],
    );
  });

  test('changing a logged param is refused with MLflow message; the old value stays', async () => {
    const runId = await newRun('npm-param-conflict', 1_700_000_002_000);
    await client.Runs.logParameter({ run_id: runId, key: 'alpha', value: '1' });
    const failure = await clientFailure(client.Runs.logParameter({ run_id: runId, key: 'alpha', value: '2' }));
    assert.equal(failure.status, 400);
    assert.equal(failure.data?.error_code, 'INVALID_PARAMETER_VALUE');
    assert.match(failure.data?.message ?? '', /Changing param values is not allowed/);
    assert.equal(byKey((await client.Runs.get({ run_id: runId })).run.data.params).alpha?.value, '1');
  });

  test('update terminates a run with status and end_time', async () => {
    const runId = await newRun('npm-terminate', 1_700_000_003_000);
    const { run_info } = await client.Runs.update({ run_id: runId, status: RunStatus.FINISHED, end_time: 1_700_000_009_000 });
    assert.deepEqual(lastRequest().body, { run_id: runId, run_uuid: runId, status: 'FINISHED', end_time: 1_700_000_009_000 });
    assert.equal(run_info.status, 'FINISHED');
    assert.equal(run_info.end_time, 1_700_000_009_000);
    const { info } = (await client.Runs.get({ run_id: runId })).run;
    assert.equal(info.status, 'FINISHED');
    assert.equal(info.end_time, 1_700_000_009_000);
  });

  test('search with a filter, ordering, paging and view types', async () => {
    const experiment_id = await createExperiment('npm-search');
    const make = async (name: string, acc: number, model: string, start: number): Promise<string> => {
      const { run } = await client.Runs.create({ experiment_id, user_id: 'u', start_time: start, tags: [{ key: 'mlflow.runName', value: name }] });
      await client.Runs.logBatch({
        run_id: run.info.run_id,
        metrics: [{ key: 'acc', value: acc, timestamp: start, step: 0 }],
        params: [{ key: 'model', value: model }],
      });
      return run.info.run_id;
    };
    const low = await make('low', 0.3, 'cnn', 1000);
    const mid = await make('mid', 0.6, 'cnn', 2000);
    const high = await make('high', 0.9, 'cnn', 3000);
    const other = await make('other', 0.95, 'rnn', 4000);

    const found = await client.Runs.search({
      experiment_ids: [experiment_id],
      filter: "metrics.acc > 0.5 and params.model = 'cnn'",
      run_view_type: ViewType.ACTIVE_ONLY,
      order_by: ['metrics.acc DESC'],
    });
    assert.equal(lastRequest().method, 'POST');
    assert.equal(lastRequest().path, '/api/2.0/mlflow/runs/search');
    assert.deepEqual(
      found.runs.map((r) => r.info.run_id),
      [high, mid],
    );
    assert.equal(found.next_page_token, undefined);

    // Default order is start_time DESC; page through two at a time with the client's page_token.
    const page1 = await client.Runs.search({ experiment_ids: [experiment_id], max_results: 2 });
    assert.deepEqual(page1.runs.map((r) => r.info.run_id), [other, high]);
    assert.ok(page1.next_page_token, 'a second page exists');
    const page2 = await client.Runs.search({ experiment_ids: [experiment_id], max_results: 2, page_token: page1.next_page_token });
    assert.deepEqual(page2.runs.map((r) => r.info.run_id), [mid, low]);
    assert.equal(page2.next_page_token, undefined);

    assert.deepEqual(await client.Runs.delete({ run_id: low }), {});
    assert.deepEqual(lastRequest().body, { run_id: low, run_uuid: low });
    const active = await client.Runs.search({ experiment_ids: [experiment_id], run_view_type: ViewType.ACTIVE_ONLY });
    assert.ok(!active.runs.map((r) => r.info.run_id).includes(low));
    const deleted = await client.Runs.search({ experiment_ids: [experiment_id], run_view_type: ViewType.DELETED_ONLY });
    assert.deepEqual(deleted.runs.map((r) => r.info.run_id), [low]);
    assert.equal(deleted.runs[0]?.info.lifecycle_stage, 'deleted');

    const loggingToDeleted = await clientFailure(client.Runs.logMetric({ run_id: low, key: 'acc', value: 1, timestamp: 1 }));
    assert.equal(loggingToDeleted.status, 400);
    assert.match(loggingToDeleted.data?.message ?? '', /must be in the 'active' state/);

    assert.deepEqual(await client.Runs.restore({ run_id: low }), {});
    const all = await client.Runs.search({ experiment_ids: [experiment_id], run_view_type: ViewType.ALL });
    assert.equal(all.runs.length, 4);
    assert.ok(all.runs.every((r) => r.info.lifecycle_stage === LifecycleStage.active));
  });

  test('a missing run and a bad filter come back as MLflow errors the client can read', async () => {
    const missing = await clientFailure(client.Runs.get({ run_id: 'f'.repeat(32) }));
    assert.equal(missing.status, 404);
    assert.equal(missing.data?.error_code, 'RESOURCE_DOES_NOT_EXIST');

    const badFilter = await clientFailure(client.Runs.search({ experiment_ids: [experimentId], filter: 'metrics.acc >>> 1' }));
    assert.equal(badFilter.status, 400);
    assert.equal(badFilter.data?.error_code, 'INVALID_PARAMETER_VALUE');
    assert.match(badFilter.data?.message ?? '', />>>/);
  });

  test('Artifacts.list lists what was uploaded to the run', async (t) => {
    const runId = await newRun('npm-artifacts', 1_700_000_004_000);
    const upload = await realFetch(`${server.url}/api/2.0/mlflow-artifacts/artifacts/${experimentId}/${runId}/artifacts/reports/summary.txt`, {
      method: 'PUT',
      headers: { 'content-type': 'text/plain' },
      body: 'hello',
    });
    if (upload.status === 404 && ((await upload.json()) as { error_code?: string }).error_code === 'ENDPOINT_NOT_FOUND') {
      t.skip('artifact routes not yet available');
      return;
    }
    assert.equal(upload.status, 200);

    // The package types `files` as a single FileInfo (with a typo'd `id_dir`); the wire has a list.
    const root = (await client.Artifacts.list({ run_id: runId, path: undefined as unknown as string })) as unknown as {
      root_uri: string;
      files: { path: string; is_dir: boolean; file_size?: number }[];
    };
    const sent = lastRequest();
    assert.equal(sent.method, 'GET');
    assert.equal(sent.path, '/api/2.0/mlflow/artifacts/list');
    assert.equal(sent.query.get('run_uuid'), runId);
    assert.equal(sent.query.has('path'), false);
    assert.equal(root.root_uri, `mlflow-artifacts:/${experimentId}/${runId}/artifacts`);
    assert.deepEqual(root.files, [{ path: 'reports', is_dir: true }]);

    const sub = (await client.Artifacts.list({ run_id: runId, path: 'reports' })) as unknown as { files: { path: string; is_dir: boolean; file_size?: number }[] };
    assert.deepEqual(sub.files, [{ path: 'reports/summary.txt', is_dir: false, file_size: 5 }]);
  });
});
