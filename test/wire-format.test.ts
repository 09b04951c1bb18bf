/**
 * Pins the REST wire format with raw HTTP, independent of any client: how requests are decoded
 * (content types, int64 as strings, enums by number, repeated query keys, double-encoded bodies)
 * and how answers are encoded (snake_case, omitted unset fields, non-finite doubles, error JSON).
 * The rules are MLflow's, from the wire notes §1-§2.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTrackingServer, type RunningServer } from '../src/tracking/server.ts';

interface Answer {
  status: number;
  contentType: string;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
  json: any;
}

let server: RunningServer;
let artifactsDir: string;

before(async () => {
  artifactsDir = mkdtempSync(join(tmpdir(), 'wire-format-'));
  server = await startTrackingServer({ backendStoreUri: ':memory:', port: 0, artifactsDestination: artifactsDir });
});

after(async () => {
  await server.close();
  rmSync(artifactsDir, { recursive: true, force: true });
});

async function send(method: string, path: string, init: { body?: string | Uint8Array; contentType?: string } = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (init.contentType !== undefined) headers['content-type'] = init.contentType;
  const res = await fetch(server.url + path, { method, headers, body: init.body });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', text, json };
}

const post = (path: string, body: unknown): Promise<Answer> =>
  send('POST', `/api/2.0/mlflow/${path}`, { body: JSON.stringify(body), contentType: 'application/json' });
const get = (path: string, query: Record<string, string> | string = {}): Promise<Answer> =>
  send('GET', `/api/2.0/mlflow/${path}?${typeof query === 'string' ? query : new URLSearchParams(query).toString()}`);

async function ok(answer: Promise<Answer>): Promise<Answer> {
  const a = await answer;
  assert.equal(a.status, 200, `expected 200, got ${a.status}: ${a.text}`);
  return a;
}

function assertError(a: Answer, status: number, errorCode: string, message?: RegExp): void {
  assert.equal(a.status, status, `expected ${status} ${errorCode}, got ${a.status}: ${a.text}`);
  assert.match(a.contentType, /^application\/json/);
  assert.equal(a.json?.error_code, errorCode);
  assert.equal(typeof a.json?.message, 'string');
  if (message) assert.match(a.json.message, message);
}

let counter = 0;
async function newExperiment(prefix = 'wire'): Promise<string> {
  return (await ok(post('experiments/create', { name: `${prefix}-${++counter}` }))).json.experiment_id;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- run JSON as the server sent it
async function newRun(experimentId: string, extra: Record<string, unknown> = {}): Promise<any> {
  return (await ok(post('runs/create', { experiment_id: experimentId, ...extra }))).json.run;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- run JSON as the server sent it
async function getRun(runId: string): Promise<any> {
  return (await ok(get('runs/get', { run_id: runId }))).json.run;
}

function allKeys(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => allKeys(v, out));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      allKeys(v, out);
    }
  }
  return out;
}

describe('response encoding', () => {
  test('every key in runs, experiments and metric answers is snake_case', async () => {
    const exp = await newExperiment();
    await ok(post('experiments/set-experiment-tag', { experiment_id: exp, key: 'k', value: 'v' }));
    const run = await newRun(exp, { run_name: 'snake', tags: [{ key: 't', value: 'v' }] });
    await ok(post('runs/log-batch', { run_id: run.info.run_id, metrics: [{ key: 'm', value: 1, timestamp: 1, step: 1 }], params: [{ key: 'p', value: 'v' }] }));
    await ok(post('runs/update', { run_id: run.info.run_id, status: 'FINISHED', end_time: 5 }));
    const answers = [
      await ok(get('experiments/get', { experiment_id: exp })),
      await ok(get('runs/get', { run_id: run.info.run_id })),
      await ok(post('runs/search', { experiment_ids: [exp] })),
      await ok(post('experiments/search', { max_results: 1 })),
      await ok(get('metrics/get-history', { run_id: run.info.run_id, metric_key: 'm' })),
      await ok(post('runs/update', { run_id: run.info.run_id, status: 'FINISHED' })),
    ];
    const keys = answers.flatMap((a) => allKeys(a.json));
    assert.ok(keys.includes('run_uuid') && keys.includes('last_update_time') && keys.includes('next_page_token'));
    assert.deepEqual(keys.filter((k) => !/^[a-z][a-z0-9_]*$/.test(k)), []);
  });

  test('unset fields are omitted: no metrics/params on a fresh run, no end_time while RUNNING, no tags on a bare experiment', async () => {
    const exp = await newExperiment();
    const experiment = (await ok(get('experiments/get', { experiment_id: exp }))).json.experiment;
    assert.equal('tags' in experiment, false);

    const created = await newRun(exp);
    assert.deepEqual(created.inputs, {});
    assert.equal('outputs' in created, false, 'runs/create leaves outputs unset');
    const run = await getRun(created.info.run_id);
    assert.equal(run.info.status, 'RUNNING');
    assert.equal('end_time' in run.info, false);
    assert.equal('metrics' in run.data, false);
    assert.equal('params' in run.data, false);
    assert.deepEqual(Object.keys(run.data), ['tags'], 'only the mlflow.runName tag is set');
    assert.deepEqual(run.inputs, {}, 'inputs is always present on a run, empty when nothing was logged');
    assert.deepEqual(run.outputs, {}, 'a run read back from the store carries outputs, as MLflow does');

    const finished = (await ok(post('runs/update', { run_id: run.info.run_id, status: 'FINISHED', end_time: 1_700_000_000_999 }))).json.run_info;
    assert.equal(finished.end_time, 1_700_000_000_999);
  });

  test('empty answers are exactly {}', async () => {
    const exp = await newExperiment();
    const run = await newRun(exp);
    for (const a of [
      await post('runs/log-parameter', { run_id: run.info.run_id, key: 'p', value: 'v' }),
      await post('runs/set-tag', { run_id: run.info.run_id, key: 't', value: 'v' }),
      await post('runs/log-metric', { run_id: run.info.run_id, key: 'm', value: 1, timestamp: 1 }),
      await post('experiments/set-experiment-tag', { experiment_id: exp, key: 'k', value: 'v' }),
      await post('runs/delete', { run_id: run.info.run_id }),
    ]) {
      assert.equal(a.status, 200);
      assert.match(a.contentType, /^application\/json/);
      assert.equal(a.text, '{}');
    }
    const none = await ok(post('runs/search', { experiment_ids: [exp] }));
    assert.equal(none.text, '{}', 'a search with no hits has neither runs nor next_page_token');
  });

  test('next_page_token appears only while more results exist', async () => {
    const exp = await newExperiment();
    for (let i = 0; i < 3; i++) await newRun(exp, { start_time: 1000 + i });
    const first = (await ok(post('runs/search', { experiment_ids: [exp], max_results: 2 }))).json;
    assert.equal(first.runs.length, 2);
    assert.equal(typeof first.next_page_token, 'string');
    const second = (await ok(post('runs/search', { experiment_ids: [exp], max_results: 2, page_token: first.next_page_token }))).json;
    assert.equal(second.runs.length, 1);
    assert.equal('next_page_token' in second, false);
    const exact = (await ok(post('runs/search', { experiment_ids: [exp], max_results: 3 }))).json;
    assert.equal(exact.runs.length, 3);
    assert.equal('next_page_token' in exact, false, 'a page that ends exactly at the last result has no token');
    assert.deepEqual(
      [...first.runs, ...second.runs].map((r: { info: { start_time: number } }) => r.info.start_time),
      [1002, 1001, 1000],
    );
  });

  test('non-finite metric values: "NaN" stays a string, ±Infinity come back as ±max double', async () => {
    const run = await newRun(await newExperiment());
    const id = run.info.run_id;
    await ok(post('runs/log-metric', { run_id: id, key: 'nan', value: 'NaN', timestamp: 1 }));
    await ok(post('runs/log-metric', { run_id: id, key: 'inf', value: 'Infinity', timestamp: 1 }));
    await ok(post('runs/log-batch', { run_id: id, metrics: [{ key: 'ninf', value: '-Infinity', timestamp: 1 }] }));
    const metrics = Object.fromEntries((await getRun(id)).data.metrics.map((m: { key: string; value: unknown }) => [m.key, m.value]));
    assert.deepEqual(metrics, { nan: 'NaN', inf: 1.7976931348623157e308, ninf: -1.7976931348623157e308 });
    const raw = (await ok(get('metrics/get-history', { run_id: id, metric_key: 'inf' }))).text;
    assert.match(raw, /"value":1\.7976931348623157e\+308/);
    const nanHistory = (await ok(get('metrics/get-history', { run_id: id, metric_key: 'nan' }))).json;
    assert.equal(nanHistory.metrics[0].value, 'NaN');
  });

  test('the latest metric is the one with the highest step, then timestamp, then value', async () => {
    const id = (await newRun(await newExperiment())).info.run_id;
    const logged: [step: number, timestamp: number, value: number][] = [
      [2, 100, 5],
      [1, 999, 9],
      [2, 50, 7],
      [0, 5000, 11],
      [2, 100, 3],
    ];
    for (const [step, timestamp, value] of logged) await ok(post('runs/log-metric', { run_id: id, key: 'loss', value, timestamp, step }));
    // Ties on step fall to timestamp: t=100 beats t=50. Ties on both fall to value: 5 beats 3.
    assert.deepEqual((await getRun(id)).data.metrics, [{ key: 'loss', value: 5, timestamp: 100, step: 2 }]);

    await ok(post('runs/log-metric', { run_id: id, key: 'loss', value: 1, timestamp: 101, step: 2 }));
    assert.deepEqual((await getRun(id)).data.metrics, [{ key: 'loss', value: 1, timestamp: 101, step: 2 }]);

    const history = (await ok(get('metrics/get-history', { run_id: id, metric_key: 'loss' }))).json.metrics;
    assert.equal(history.length, logged.length + 1, 'every logged value stays in the history');
  });
});

describe('request decoding', () => {
  test('int64 fields accept numbers and numeric strings', async () => {
    const exp = await newExperiment();
    const run = await newRun(exp, { start_time: '1700000000000' });
    assert.equal(run.info.start_time, 1_700_000_000_000);
    await ok(post('runs/log-metric', { run_id: run.info.run_id, key: 'm', value: '2.5', timestamp: '1700000000123', step: '7' }));
    assert.deepEqual((await getRun(run.info.run_id)).data.metrics, [{ key: 'm', value: 2.5, timestamp: 1_700_000_000_123, step: 7 }]);
    await ok(post('runs/update', { run_id: run.info.run_id, end_time: '1700000000999' }));
    assert.equal((await getRun(run.info.run_id)).info.end_time, 1_700_000_000_999);
  });

  test('enums are accepted by name and by number and answered by name', async () => {
    const exp = await newExperiment();
    const a = await newRun(exp);
    const b = await newRun(exp);
    assert.equal((await ok(post('runs/update', { run_id: a.info.run_id, status: 3 }))).json.run_info.status, 'FINISHED');
    assert.equal((await ok(post('runs/update', { run_id: b.info.run_id, status: 'KILLED' }))).json.run_info.status, 'KILLED');
    assert.equal((await getRun(a.info.run_id)).info.status, 'FINISHED');

    await ok(post('runs/delete', { run_id: b.info.run_id }));
    const deletedRuns = (await ok(post('runs/search', { experiment_ids: [exp], run_view_type: 2 }))).json.runs;
    assert.deepEqual(deletedRuns.map((r: { info: { run_id: string } }) => r.info.run_id), [b.info.run_id]);

    const gone = await newExperiment('wire-deleted');
    await ok(post('experiments/delete', { experiment_id: gone }));
    const deletedExps = (await ok(post('experiments/search', { view_type: 2 }))).json.experiments;
    assert.deepEqual(deletedExps.map((e: { experiment_id: string }) => e.experiment_id), [gone]);
    const byName = (await ok(post('experiments/search', { view_type: 'DELETED_ONLY' }))).json.experiments;
    assert.deepEqual(byName.map((e: { experiment_id: string }) => e.experiment_id), [gone]);
  });

  test('GET repeated fields come as repeated keys', async () => {
    const exp = await newExperiment();
    const a = (await newRun(exp)).info.run_id;
    const b = (await newRun(exp)).info.run_id;
    await ok(post('runs/log-metric', { run_id: a, key: 'm', value: 1, timestamp: 10, step: 0 }));
    await ok(post('runs/log-metric', { run_id: b, key: 'm', value: 2, timestamp: 20, step: 0 }));
    await ok(post('runs/log-metric', { run_id: b, key: 'm', value: 3, timestamp: 30, step: 1 }));
    const both = (await ok(get('metrics/get-history-bulk-interval', `run_ids=${a}&run_ids=${b}&metric_key=m`))).json.metrics;
    assert.deepEqual(
      both.map((m: { run_id: string; value: number; step: number }) => [m.run_id, m.value, m.step]),
      [
        [a, 1, 0],
        [b, 2, 0],
        [b, 3, 1],
      ],
    );
    const one = (await ok(get('metrics/get-history-bulk-interval', `run_ids=${b}&metric_key=m`))).json.metrics;
    assert.deepEqual(one.map((m: { run_id: string }) => m.run_id), [b, b]);
  });

  test('GET experiments/search takes view_type by name and max_results from the query string', async () => {
    await newExperiment();
    await newExperiment();
    const page = (await ok(get('experiments/search', { view_type: 'ALL', max_results: '1' }))).json;
    assert.equal(page.experiments.length, 1);
    assert.equal(typeof page.next_page_token, 'string');
    const next = (await ok(get('experiments/search', { view_type: 'ALL', max_results: '1', page_token: page.next_page_token }))).json;
    assert.equal(next.experiments.length, 1);
    assert.notEqual(next.experiments[0].experiment_id, page.experiments[0].experiment_id);
  });

  test('/ajax-api/2.0 serves the same routes as /api/2.0', async () => {
    const created = await send('POST', '/ajax-api/2.0/mlflow/experiments/create', { body: JSON.stringify({ name: 'via-ajax' }), contentType: 'application/json' });
    assert.equal(created.status, 200);
    const id = created.json.experiment_id;
    const viaApi = await ok(get('experiments/get-by-name', { experiment_name: 'via-ajax' }));
    assert.equal(viaApi.json.experiment.experiment_id, id);
    const viaAjax = await send('GET', `/ajax-api/2.0/mlflow/experiments/get?experiment_id=${id}`);
    assert.equal(viaAjax.status, 200);
    assert.deepEqual(viaAjax.json, (await ok(get('experiments/get', { experiment_id: id }))).json);
    assertError(await send('GET', '/ajax-api/2.0/mlflow/runs/get?run_id=nope'), 404, 'RESOURCE_DOES_NOT_EXIST');
  });

  test('POST needs Content-Type application/json (parameters allowed); rejected requests write nothing', async () => {
    const body = JSON.stringify({ name: 'ct-missing' });
    // A byte body makes fetch send no Content-Type at all (a string body would get text/plain).
    const missing = await send('POST', '/api/2.0/mlflow/experiments/create', { body: new TextEncoder().encode(body) });
    assertError(missing, 400, 'INVALID_PARAMETER_VALUE', /^Bad Request\. Content-Type header is missing\.$/);
    const plain = await send('POST', '/api/2.0/mlflow/experiments/create', { body, contentType: 'text/plain' });
    assertError(plain, 400, 'INVALID_PARAMETER_VALUE', /Content-Type must be one of \['application\/json'\]/);
    await assert.rejects(server.store.getExperimentByName('ct-missing'), /Could not find experiment/);

    const withCharset = await send('POST', '/api/2.0/mlflow/experiments/create', { body, contentType: 'application/json; charset=utf-8' });
    assert.equal(withCharset.status, 200);
    assert.equal((await server.store.getExperimentByName('ct-missing')).experiment_id, withCharset.json.experiment_id);
  });

  test('PATCH and DELETE bodies are parsed as JSON whatever their Content-Type', async () => {
    const exp = await newExperiment();
    const model = (await ok(post('logged-models', { experiment_id: exp, name: 'wire-model' }))).json.model;
    const id = model.info.model_id;
    assert.equal(model.info.status, 'LOGGED_MODEL_PENDING');

    const patched = await send('PATCH', `/api/2.0/mlflow/logged-models/${id}`, { body: JSON.stringify({ status: 'LOGGED_MODEL_READY' }), contentType: 'text/plain' });
    assert.equal(patched.status, 200, patched.text);
    assert.equal(patched.json.model.info.status, 'LOGGED_MODEL_READY');

    // A JSON array is read (and refused as not an object), proving the text/plain body was parsed.
    assertError(await send('DELETE', `/api/2.0/mlflow/logged-models/${id}`, { body: '[1]', contentType: 'text/plain' }), 400, 'INVALID_PARAMETER_VALUE');
    const deleted = await send('DELETE', `/api/2.0/mlflow/logged-models/${id}`, { body: '{"unused": true}', contentType: 'text/plain' });
    assert.equal(deleted.status, 200, deleted.text);
    assertError(await send('GET', `/api/2.0/mlflow/logged-models/${id}`), 404, 'RESOURCE_DOES_NOT_EXIST');
  });

  test('a double-encoded JSON body is decoded twice, and unknown fields are ignored', async () => {
    const twice = JSON.stringify(JSON.stringify({ name: 'double-encoded' }));
    const a = await send('POST', '/api/2.0/mlflow/experiments/create', { body: twice, contentType: 'application/json' });
    assert.equal(a.status, 200, a.text);
    assert.equal((await server.store.getExperimentByName('double-encoded')).experiment_id, a.json.experiment_id);

    const extra = await ok(post('experiments/create', { name: 'with-extras', surprise: 1, nested: { deeper: [1, 2] }, tags: [{ key: 'a', value: 'b', color: 'red' }] }));
    const experiment = (await ok(get('experiments/get', { experiment_id: extra.json.experiment_id }))).json.experiment;
    assert.equal(experiment.name, 'with-extras');
    assert.deepEqual(experiment.tags, [{ key: 'a', value: 'b' }]);
  });
});

describe('errors and plain endpoints', () => {
  test('error bodies carry error_code and message with MLflow statuses', async () => {
    assertError(await get('runs/get', { run_id: 'f'.repeat(32) }), 404, 'RESOURCE_DOES_NOT_EXIST', /Run with id=f{32} not found/);
    assertError(await get('experiments/get', { experiment_id: '424242' }), 404, 'RESOURCE_DOES_NOT_EXIST');
    assertError(await get('experiments/get-by-name', { experiment_name: 'nobody' }), 404, 'RESOURCE_DOES_NOT_EXIST', /Could not find experiment with name 'nobody'/);

    await ok(post('experiments/create', { name: 'taken' }));
    assertError(await post('experiments/create', { name: 'taken' }), 400, 'RESOURCE_ALREADY_EXISTS', /Experiment\(name=taken\) already exists/);
    assertError(await post('experiments/create', {}), 400, 'INVALID_PARAMETER_VALUE', /'name'/);

    const unknown = await send('GET', '/api/2.0/mlflow/no-such-thing');
    assertError(unknown, 404, 'ENDPOINT_NOT_FOUND');
    assert.doesNotMatch(unknown.text, /<html/i);
  });

  test('renaming a deleted experiment is INVALID_STATE with a 400, never a 5xx', async () => {
    const exp = await newExperiment();
    await ok(post('experiments/delete', { experiment_id: exp }));
    const a = await post('experiments/update', { experiment_id: exp, new_name: 'resurrected' });
    assertError(a, 400, 'INVALID_STATE');
    assert.notEqual((await ok(get('experiments/get', { experiment_id: exp }))).json.experiment.name, 'resurrected');
  });

  test('GET /health, /version and server-info', async () => {
    const health = await send('GET', '/health');
    assert.equal(health.status, 200);
    assert.equal(health.text, 'OK');

    const version = await send('GET', '/version');
    assert.equal(version.status, 200);
    // Plain text, not JSON. Flask sends this string as text/html (the recorded 3.11 answer), so either is accepted.
    assert.match(version.contentType, /^text\/(plain|html)\b/);
    assert.match(version.text, /^3\.11\.\d+/);

    const info = await send('GET', '/api/3.0/mlflow/server-info');
    assert.equal(info.status, 200);
    assert.match(info.contentType, /^application\/json/);
    assert.equal(info.json.store_type, 'SqlStore');
    assert.equal(info.json.workspaces_enabled, false);
  });
});

describe('run data rules', () => {
  test('a param logged twice with the same value is fine; another value is a 400 and the first stays', async () => {
    const id = (await newRun(await newExperiment())).info.run_id;
    await ok(post('runs/log-parameter', { run_id: id, key: 'alpha', value: '1' }));
    await ok(post('runs/log-parameter', { run_id: id, key: 'alpha', value: '1' }));
    assertError(
      await post('runs/log-parameter', { run_id: id, key: 'alpha', value: '2' }),
      400,
      'INVALID_PARAMETER_VALUE',
      new RegExp(`Changing param values is not allowed\\. Param with key='alpha' was already logged with value='1' for run ID='${id}'\\. Attempted logging new value '2'\\.`),
    );
    assert.deepEqual((await getRun(id)).data.params, [{ key: 'alpha', value: '1' }]);
  });

  test('the mlflow.runName tag and run_name are kept in sync both ways', async () => {
    const run = await newRun(await newExperiment(), { run_name: 'original' });
    const id = run.info.run_id;
    assert.equal(run.info.run_name, 'original');
    const tagOf = (r: { data: { tags: { key: string; value: string }[] } }) => r.data.tags.find((t) => t.key === 'mlflow.runName')?.value;
    assert.equal(tagOf(run), 'original');

    await ok(post('runs/set-tag', { run_id: id, key: 'mlflow.runName', value: 'by-tag' }));
    const afterTag = await getRun(id);
    assert.equal(afterTag.info.run_name, 'by-tag');
    assert.equal(tagOf(afterTag), 'by-tag');

    const updated = (await ok(post('runs/update', { run_id: id, run_name: 'by-update' }))).json.run_info;
    assert.equal(updated.run_name, 'by-update');
    const afterUpdate = await getRun(id);
    assert.equal(afterUpdate.info.run_name, 'by-update');
    assert.equal(tagOf(afterUpdate), 'by-update');
  });

  test('over-long param and run-tag values are truncated; an over-long experiment tag value is refused', async () => {
    const exp = await newExperiment();
    const id = (await newRun(exp)).info.run_id;
    await ok(post('runs/log-parameter', { run_id: id, key: 'long', value: 'p'.repeat(6001) }));
    await ok(post('runs/set-tag', { run_id: id, key: 'long', value: 't'.repeat(8001) }));
    const run = await getRun(id);
    assert.equal(run.data.params.find((p: { key: string }) => p.key === 'long').value, 'p'.repeat(6000));
    assert.equal(run.data.tags.find((t: { key: string }) => t.key === 'long').value, 't'.repeat(8000));

    await ok(post('experiments/set-experiment-tag', { experiment_id: exp, key: 'fits', value: 'e'.repeat(5000) }));
    assertError(
      await post('experiments/set-experiment-tag', { experiment_id: exp, key: 'long', value: 'e'.repeat(5001) }),
      400,
      'INVALID_PARAMETER_VALUE',
      /5000/,
    );
    const tags = (await ok(get('experiments/get', { experiment_id: exp }))).json.experiment.tags;
    assert.deepEqual(tags.map((t: { key: string }) => t.key), ['fits']);
  });
});
