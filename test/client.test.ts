/**
 * The TS client against a real in-process tracking server (fluent flow, batching, paging,
 * typed errors, NaN metrics, artifacts), and against tiny `node:http` fakes where the server
 * must misbehave on purpose (retries) or inspect headers (auth).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTrackingServer, type RunningServer } from '../src/tracking/server.ts';
import {
  MlflowApiError,
  MlflowClient,
  MlflowConnectionError,
  setExperiment,
  splitLogBatch,
  startRun,
  type Run,
} from '../src/client/index.ts';
import { encodeQuery } from '../src/client/transport.ts';
import { MLFLOW_LIMITS } from '../src/mlflow/limits.ts';

interface Recorded {
  method: string;
  path: string;
}

/** A client whose every request is recorded, to count what logBatch and paging send. */
function countingClient(trackingUri: string): { client: MlflowClient; requests: Recorded[] } {
  const requests: Recorded[] = [];
  const client = new MlflowClient({
    trackingUri,
    fetch: async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : input);
      requests.push({ method: init?.method ?? 'GET', path: url.pathname });
      return fetch(input, init);
    },
  });
  return { client, requests };
}

interface FakeRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A throwaway HTTP server answering from a script, one handler per request in order (the last repeats). */
async function fakeServer(
  script: ((req: FakeRequest, res: http.ServerResponse) => void)[],
): Promise<{ url: string; seen: FakeRequest[]; close: () => Promise<void> }> {
  const seen: FakeRequest[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      seen.push(recorded);
      script[Math.min(seen.length - 1, script.length - 1)]!(recorded, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) => (_req: FakeRequest, res: http.ServerResponse) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

const EXPERIMENT = { experiment_id: '7', name: 'x', artifact_location: 'mlflow-artifacts:/7', lifecycle_stage: 'active', last_update_time: 1, creation_time: 1 };

describe('MlflowClient against the tracking server', () => {
  let server: RunningServer;
  let client: MlflowClient;
  let workDir: string;

  before(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'mlflow-ts-client-'));
    server = await startTrackingServer({ backendStoreUri: ':memory:', port: 0, artifactsDestination: join(workDir, 'artifacts') });
    client = new MlflowClient({ trackingUri: server.url, maxRetries: 0 });
  });

  after(async () => {
    await client.close();
    await server.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('runs the fluent flow: setExperiment, startRun with a callback, standard tags, FINISHED', async () => {
    const previousSha = process.env.GITHUB_SHA;
    process.env.GITHUB_SHA = 'abc123def';
    try {
      const experiment = await setExperiment('fluent', { client });
      assert.equal((await setExperiment('fluent', { client })).experiment_id, experiment.experiment_id);

      const runId = await startRun({ runName: 'first', tags: { team: 'ml' }, client }, async (run) => {
        await run.logParams({ lr: 0.1, epochs: 3 });
        await run.logMetrics({ loss: 0.5, acc: 0.9 }, 1);
        await run.logMetric('loss', 0.25, 2);
        await run.setTags({ stage: 'dev' });
        return run.runId;
      });

      const stored = await client.getRun(runId);
      assert.equal(stored.info.experiment_id, experiment.experiment_id);
      assert.equal(stored.info.run_name, 'first');
      assert.equal(stored.info.status, 'FINISHED');
      assert.ok(stored.info.end_time !== undefined);
      const tags = Object.fromEntries(stored.data.tags.map((t) => [t.key, t.value]));
      assert.equal(tags.team, 'ml');
      assert.equal(tags.stage, 'dev');
      assert.equal(tags['mlflow.source.type'], 'LOCAL');
      assert.equal(tags['mlflow.source.git.commit'], 'abc123def');
      assert.ok(tags['mlflow.user']);
      assert.ok(tags['mlflow.source.name']);
      assert.deepEqual(Object.fromEntries(stored.data.params.map((p) => [p.key, p.value])), { lr: '0.1', epochs: '3' });
      const latest = Object.fromEntries(stored.data.metrics.map((m) => [m.key, m.value]));
      assert.deepEqual(latest, { loss: 0.25, acc: 0.9 });
      assert.deepEqual((await client.getMetricHistory(runId, 'loss')).map((m) => [m.step, m.value]), [[1, 0.5], [2, 0.25]]);
    } finally {
      if (previousSha === undefined) delete process.env.GITHUB_SHA;
      else process.env.GITHUB_SHA = previousSha;
    }
  });

  it('marks the run FAILED and rethrows when the callback throws', async () => {
    const experiment = await setExperiment('fluent-failure', { client });
    let runId = '';
    await assert.rejects(
      startRun({ client }, async (run) => {
        runId = run.runId;
        throw new Error('training diverged');
      }),
      /training diverged/,
    );
    const run = await client.getRun(runId);
    assert.equal(run.info.status, 'FAILED');
    assert.equal(run.info.experiment_id, experiment.experiment_id);
  });

  it('returns an ActiveRun handle without a callback; end() is idempotent', async () => {
    await setExperiment('fluent-handle', { client });
    const run = await startRun({ runName: 'manual', client });
    assert.equal(run.info.status, 'RUNNING');
    await run.logParam('p', 'v');
    await run.end('KILLED');
    await run.end();
    assert.equal((await client.getRun(run.runId)).info.status, 'KILLED');
  });

  it('setExperiment survives concurrent creation of the same name', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => setExperiment('raced-name', { client })));
    assert.equal(new Set(results.map((e) => e.experiment_id)).size, 1);
  });

  it('splits logBatch into requests within the server limits and stores everything', async () => {
    const { client: counting, requests } = countingClient(server.url);
    try {
      const run = await counting.createRun({ experimentId: '0', runName: 'big-batch' });
      requests.length = 0;
      const metrics = Array.from({ length: 2500 }, (_, i) => ({ key: `m${i % 500}`, value: i, step: Math.floor(i / 500) }));
      const params = Array.from({ length: 250 }, (_, i) => ({ key: `p${i}`, value: `v${i}` }));
      await counting.logBatch(run.info.run_id, { metrics, params });

      const batches = requests.filter((r) => r.path === '/api/2.0/mlflow/runs/log-batch');
      assert.equal(batches.length, 3, 'max(⌈2500/1000⌉, ⌈250/100⌉, ⌈2750/1000⌉) = 3 requests');
      const stored = await counting.getRun(run.info.run_id);
      assert.equal(stored.data.params.length, 250);
      assert.equal(stored.data.metrics.length, 500);
      assert.equal(stored.data.metrics.find((m) => m.key === 'm7')?.value, 2007);
      assert.deepEqual((await counting.getMetricHistory(run.info.run_id, 'm0')).map((m) => m.step), [0, 1, 2, 3, 4]);
    } finally {
      await counting.close();
    }
  });

  it('splitLogBatch honours every count limit and the request byte limit', () => {
    const { maxMetrics, maxParams, maxTags, maxEntities, maxRequestBytes } = MLFLOW_LIMITS.logBatch;
    const chunks = splitLogBatch({
      metrics: Array.from({ length: 1500 }, (_, i) => ({ key: `m${i}`, value: i, timestamp: 1, step: 0 })),
      params: Array.from({ length: 150 }, (_, i) => ({ key: `p${i}`, value: 'x' })),
      tags: Array.from({ length: 120 }, (_, i) => ({ key: `t${i}`, value: 'y' })),
    });
    for (const c of chunks) {
      assert.ok(c.metrics.length <= maxMetrics && c.params.length <= maxParams && c.tags.length <= maxTags);
      assert.ok(c.metrics.length + c.params.length + c.tags.length <= maxEntities);
    }
    assert.equal(chunks.reduce((n, c) => n + c.metrics.length, 0), 1500);
    assert.equal(chunks.reduce((n, c) => n + c.params.length, 0), 150);
    assert.equal(chunks.reduce((n, c) => n + c.tags.length, 0), 120);
    assert.equal(chunks.length, 2);

    // 100 params of 6000 two-byte characters are 1.2 MB: under the count limit, over the byte limit.
    const long = 'é'.repeat(MLFLOW_LIMITS.maxParamValueLength);
    const byBytes = splitLogBatch({ params: Array.from({ length: 100 }, (_, i) => ({ key: `p${i}`, value: long })) });
    assert.equal(byBytes.length, 2);
    for (const c of byBytes) assert.ok(Buffer.byteLength(JSON.stringify({ run_id: 'r'.repeat(32), ...c })) <= maxRequestBytes);
  });

  it('searchRuns iterates over every page', async () => {
    const experimentId = await client.createExperiment('paging');
    const created = new Set<string>();
    for (let i = 0; i < 7; i++) created.add((await client.createRun({ experimentId, runName: `r${i}` })).info.run_id);

    const { client: counting, requests } = countingClient(server.url);
    try {
      const seen: Run[] = [];
      for await (const run of counting.searchRuns({ experimentIds: [experimentId], maxResults: 3 })) seen.push(run);
      assert.deepEqual(new Set(seen.map((r) => r.info.run_id)), created);
      assert.equal(seen.length, 7);
      assert.equal(requests.filter((r) => r.path === '/api/2.0/mlflow/runs/search').length, 3);

      const page = await counting.searchRunsPage({ experimentIds: [experimentId], maxResults: 5 });
      assert.equal(page.runs.length, 5);
      assert.ok(page.nextPageToken);
    } finally {
      await counting.close();
    }
  });

  it('covers the experiment lifecycle: search, rename, tags, delete, restore', async () => {
    const id = await client.createExperiment('lifecycle', { tags: { owner: 'me' } });
    await client.setExperimentTag(id, 'k', 'v');
    await client.deleteExperimentTag(id, 'owner');
    await client.renameExperiment(id, 'lifecycle-renamed');
    const experiment = await client.getExperimentByName('lifecycle-renamed');
    assert.equal(experiment.experiment_id, id);
    assert.deepEqual(experiment.tags, [{ key: 'k', value: 'v' }]);

    await client.deleteExperiment(id);
    const deleted: string[] = [];
    for await (const e of client.searchExperiments({ viewType: 'DELETED_ONLY', maxResults: 1 })) deleted.push(e.experiment_id);
    assert.ok(deleted.includes(id));
    await client.restoreExperiment(id);
    assert.equal((await client.getExperiment(id)).lifecycle_stage, 'active');
  });

  it('throws MlflowApiError with the error code for a 404 and a 400', async () => {
    await assert.rejects(client.getRun('0123456789abcdef0123456789abcdef'), (err: unknown) => {
      assert.ok(err instanceof MlflowApiError);
      assert.equal(err.errorCode, 'RESOURCE_DOES_NOT_EXIST');
      assert.equal(err.status, 404);
      assert.match(err.message, /not found/);
      return true;
    });
    await client.createExperiment('duplicate-name');
    await assert.rejects(client.createExperiment('duplicate-name'), (err: unknown) => {
      assert.ok(err instanceof MlflowApiError);
      assert.equal(err.errorCode, 'RESOURCE_ALREADY_EXISTS');
      assert.equal(err.status, 400);
      assert.match(err.message, /already exists/);
      return true;
    });
    const run = await client.createRun({});
    await client.logParam(run.info.run_id, 'p', 'a');
    await assert.rejects(client.logParam(run.info.run_id, 'p', 'b'), (err: unknown) => {
      assert.ok(err instanceof MlflowApiError);
      assert.equal(err.errorCode, 'INVALID_PARAMETER_VALUE');
      assert.match(err.message, /Changing param values is not allowed/);
      return true;
    });
  });

  it('round-trips NaN and ±Infinity metric values', async () => {
    const run = await client.createRun({});
    const id = run.info.run_id;
    await client.logMetric(id, 'nan', NaN, { step: 0 });
    await client.logMetric(id, 'inf', Infinity);
    await client.logBatch(id, { metrics: [{ key: 'ninf', value: -Infinity }, { key: 'nan', value: 1.5, step: 1 }] });

    const metrics = Object.fromEntries((await client.getRun(id)).data.metrics.map((m) => [m.key, m.value]));
    // MLflow's SQL store keeps ±Infinity as ±max double; the server follows it, so that is what comes back.
    assert.equal(metrics.inf, Number.MAX_VALUE);
    assert.equal(metrics.ninf, -Number.MAX_VALUE);
    assert.equal(metrics.nan, 1.5);
    const history = await client.getMetricHistory(id, 'nan');
    assert.ok(Number.isNaN(history.find((m) => m.step === 0)?.value));
    assert.equal(typeof history[0]!.value, 'number');
  });

  it('uploads, lists and downloads artifacts', async () => {
    const run = await client.createRun({});
    const id = run.info.run_id;
    const src = join(workDir, 'src');
    mkdirSync(join(src, 'tree', 'nested'), { recursive: true });
    writeFileSync(join(src, 'model.txt'), 'weights=1,2,3\n');
    writeFileSync(join(src, 'tree', 'a.json'), '{"a":1}');
    writeFileSync(join(src, 'tree', 'nested', 'b.bin'), Buffer.from([0, 1, 2, 255]));

    await client.logArtifact(id, join(src, 'model.txt'));
    await client.logArtifact(id, join(src, 'model.txt'), 'models/v1');
    await client.logArtifacts(id, join(src, 'tree'), 'tree');

    const root = await client.listArtifacts(id);
    assert.deepEqual(
      root.map((f) => [f.path, f.is_dir]).sort(),
      [['model.txt', false], ['models', true], ['tree', true]],
    );
    assert.equal(root.find((f) => f.path === 'model.txt')?.file_size, 14);
    const tree = await client.listArtifacts(id, 'tree');
    assert.deepEqual(tree.map((f) => f.path).sort(), ['tree/a.json', 'tree/nested']);
    assert.deepEqual((await client.listArtifacts(id, 'tree/nested')).map((f) => f.path), ['tree/nested/b.bin']);

    const dest = join(workDir, 'download', 'deep', 'b.bin');
    await client.downloadArtifact(id, 'tree/nested/b.bin', dest);
    assert.deepEqual(readFileSync(dest), Buffer.from([0, 1, 2, 255]));
    await client.downloadArtifact(id, 'models/v1/model.txt', join(workDir, 'download', 'model.txt'));
    assert.equal(readFileSync(join(workDir, 'download', 'model.txt'), 'utf8'), 'weights=1,2,3\n');

    // The same upload and download through a caller-supplied fetch (web streams instead of undici's).
    const { client: viaFetch, requests } = countingClient(server.url);
    try {
      await viaFetch.logArtifact(id, join(src, 'tree', 'nested', 'b.bin'), 'via-fetch');
      await viaFetch.downloadArtifact(id, 'via-fetch/b.bin', join(workDir, 'download', 'via-fetch.bin'));
      assert.deepEqual(readFileSync(join(workDir, 'download', 'via-fetch.bin')), Buffer.from([0, 1, 2, 255]));
      assert.ok(requests.some((r) => r.method === 'PUT' && r.path.endsWith('/artifacts/via-fetch/b.bin')));
    } finally {
      await viaFetch.close();
    }

    await assert.rejects(client.downloadArtifact(id, 'missing.txt', join(workDir, 'download', 'missing.txt')), MlflowApiError);
    await assert.rejects(client.logArtifact(id, join(src, 'model.txt'), '../escape'), /outside the run's artifact directory/);
  });
});

describe('MlflowClient retries and auth (fake server)', () => {
  it('retries a 503 and then succeeds, honouring Retry-After', async () => {
    const fake = await fakeServer([
      json(503, { error_code: 'TEMPORARILY_UNAVAILABLE', message: 'busy' }, { 'retry-after': '0' }),
      json(429, { error_code: 'REQUEST_LIMIT_EXCEEDED', message: 'slow down' }, { 'retry-after': '0' }),
      json(200, { experiment: EXPERIMENT }),
    ]);
    const client = new MlflowClient({ trackingUri: fake.url, maxRetries: 3 });
    try {
      const started = Date.now();
      const experiment = await client.getExperiment('7');
      assert.equal(experiment.name, 'x');
      assert.deepEqual(experiment.tags, []);
      assert.equal(fake.seen.length, 3);
      assert.ok(Date.now() - started < 2000, 'Retry-After: 0 means no backoff wait');
    } finally {
      await client.close();
      await fake.close();
    }
  });

  it('retries a 500 without Retry-After using backoff, and gives up after maxRetries', async () => {
    const fake = await fakeServer([json(500, { error_code: 'INTERNAL_ERROR', message: 'boom' })]);
    const client = new MlflowClient({ trackingUri: fake.url, maxRetries: 1 });
    try {
      await assert.rejects(client.getExperiment('7'), (err: unknown) => err instanceof MlflowApiError && err.status === 500 && err.errorCode === 'INTERNAL_ERROR');
      assert.equal(fake.seen.length, 2);
    } finally {
      await client.close();
      await fake.close();
    }
  });

  it('does not retry a 400', async () => {
    const fake = await fakeServer([json(400, { error_code: 'INVALID_PARAMETER_VALUE', message: 'bad key' }), json(200, {})]);
    const client = new MlflowClient({ trackingUri: fake.url, maxRetries: 5 });
    try {
      await assert.rejects(client.logParam('r', 'k', 'v'), (err: unknown) => {
        assert.ok(err instanceof MlflowApiError);
        assert.equal(err.errorCode, 'INVALID_PARAMETER_VALUE');
        assert.equal(err.status, 400);
        assert.match(err.message, /bad key/);
        return true;
      });
      assert.equal(fake.seen.length, 1);
    } finally {
      await client.close();
      await fake.close();
    }
  });

  it('encodes GET parameters as a query string and POST bodies as JSON, non-finite values as text both ways', async () => {
    const fake = await fakeServer([
      json(200, {
        metrics: [
          { key: 'm', value: 'NaN', timestamp: 1, step: 0 },
          { key: 'm', value: 'Infinity', timestamp: 2, step: 1 },
          { key: 'm', value: '-Infinity', timestamp: '3', step: '2' },
        ],
      }),
    ]);
    const client = new MlflowClient({ trackingUri: `${fake.url}/prefix/`, maxRetries: 0 });
    try {
      const history = await client.getMetricHistory('run1', 'm');
      assert.ok(Number.isNaN(history[0]!.value));
      assert.deepEqual(history.slice(1).map((m) => [m.value, m.timestamp, m.step]), [[Infinity, 2, 1], [-Infinity, 3, 2]]);
      const get = fake.seen[0]!;
      assert.equal(get.method, 'GET');
      assert.equal(get.url, '/prefix/api/2.0/mlflow/metrics/get-history?run_id=run1&run_uuid=run1&metric_key=m');

      await client.logMetric('run1', 'm', -Infinity, { timestamp: 5, step: 2 });
      const post = fake.seen[1]!;
      assert.equal(post.headers['content-type'], 'application/json');
      assert.deepEqual(JSON.parse(post.body), { run_id: 'run1', run_uuid: 'run1', key: 'm', value: '-Infinity', timestamp: 5, step: 2 });
    } finally {
      await client.close();
      await fake.close();
    }
  });

  it('repeats query keys for array values, as MLflow reads repeated fields', () => {
    assert.equal(encodeQuery({ run_id: ['a', 'b'], metric_key: 'loss', skipped: undefined, flag: true }), '?run_id=a&run_id=b&metric_key=loss&flag=true');
    assert.equal(encodeQuery({}), '');
  });

  it('sends a Bearer token and keeps it out of error messages', async () => {
    const fake = await fakeServer([json(401, { error_code: 'UNAUTHENTICATED', message: 'bad credentials' })]);
    const client = new MlflowClient({ trackingUri: fake.url, token: 's3cr3t-token', maxRetries: 0 });
    try {
      await assert.rejects(client.getExperiment('1'), (err: unknown) => {
        assert.ok(err instanceof MlflowApiError);
        assert.equal(err.status, 401);
        assert.ok(!err.message.includes('s3cr3t-token'));
        assert.ok(!(err.stack ?? '').includes('s3cr3t-token'));
        return true;
      });
      assert.equal(fake.seen[0]!.headers.authorization, 'Bearer s3cr3t-token');
    } finally {
      await client.close();
      await fake.close();
    }
  });

  it('sends Basic auth from options, from the environment and from the URI', async () => {
    const fake = await fakeServer([json(200, { experiment: EXPERIMENT })]);
    const saved = { u: process.env.MLFLOW_TRACKING_USERNAME, p: process.env.MLFLOW_TRACKING_PASSWORD, t: process.env.MLFLOW_TRACKING_TOKEN };
    const basic = (u: string, p: string): string => `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`;
    try {
      delete process.env.MLFLOW_TRACKING_TOKEN;
      const fromOptions = new MlflowClient({ trackingUri: fake.url, username: 'alice', password: 'pw:1' });
      await fromOptions.getExperiment('7');
      await fromOptions.close();
      assert.equal(fake.seen[0]!.headers.authorization, basic('alice', 'pw:1'));

      process.env.MLFLOW_TRACKING_USERNAME = 'bob';
      process.env.MLFLOW_TRACKING_PASSWORD = 'hunter2';
      const fromEnv = new MlflowClient({ trackingUri: fake.url });
      await fromEnv.getExperiment('7');
      await fromEnv.close();
      assert.equal(fake.seen[1]!.headers.authorization, basic('bob', 'hunter2'));
      delete process.env.MLFLOW_TRACKING_USERNAME;
      delete process.env.MLFLOW_TRACKING_PASSWORD;

      const fromUri = new MlflowClient({ trackingUri: fake.url.replace('http://', 'http://carol:pa%40ss@') });
      assert.ok(!fromUri.trackingUri.includes('carol'));
      await fromUri.getExperiment('7');
      await fromUri.close();
      assert.equal(fake.seen[2]!.headers.authorization, basic('carol', 'pa@ss'));
    } finally {
      for (const [name, value] of [
        ['MLFLOW_TRACKING_USERNAME', saved.u],
        ['MLFLOW_TRACKING_PASSWORD', saved.p],
        ['MLFLOW_TRACKING_TOKEN', saved.t],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      await fake.close();
    }
  });

  it('reports an unreachable server as MlflowConnectionError pointing at MLFLOW_TRACKING_URI', async () => {
    const fake = await fakeServer([json(200, {})]);
    const url = fake.url;
    await fake.close();
    const client = new MlflowClient({ trackingUri: url, token: 'never-shown', maxRetries: 1 });
    try {
      await assert.rejects(client.getExperiment('1'), (err: unknown) => {
        assert.ok(err instanceof MlflowConnectionError);
        assert.match(err.message, /MLFLOW_TRACKING_URI/);
        assert.match(err.message, /ECONNREFUSED/);
        assert.ok(err.message.includes(url));
        assert.ok(!err.message.includes('never-shown'));
        return true;
      });
    } finally {
      await client.close();
    }
  });

  it('rejects a tracking URI that is not http(s)', () => {
    assert.throws(() => new MlflowClient({ trackingUri: 'file:///tmp/mlruns' }), /must be an http:\/\/ or https:\/\/ URL/);
  });
});
