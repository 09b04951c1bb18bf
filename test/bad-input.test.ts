/**
 * Bad input as a new user sends it: wrong types, missing fields, over-long or oddly named keys,
 * oversized batches, broken JSON, unknown routes, writes to deleted entities, malformed filters
 * and page tokens, path traversal in artifact paths. Each must get a 4xx in MLflow's error JSON
 * whose message says what is wrong (never a 5xx, which the Python client retries for minutes),
 * and a rejected write must leave nothing behind.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { startTrackingServer, type RunningServer } from '../src/tracking/server.ts';

interface Answer {
  status: number;
  contentType: string;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
  json: any;
}

let server: RunningServer;
let baseDir: string;
/** Nested two levels below baseDir so `../../x` still lands inside baseDir, where the test can look. */
let artifactsDir: string;

before(async () => {
  baseDir = mkdtempSync(join(tmpdir(), 'bad-input-'));
  artifactsDir = join(baseDir, 'srv', 'data', 'artifacts');
  mkdirSync(artifactsDir, { recursive: true });
  server = await startTrackingServer({ backendStoreUri: ':memory:', port: 0, artifactsDestination: artifactsDir });
});

after(async () => {
  await server.close();
  rmSync(baseDir, { recursive: true, force: true });
});

function toAnswer(status: number, contentType: string, text: string): Answer {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status, contentType, text, json };
}

async function send(method: string, path: string, init: { body?: string; contentType?: string } = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (init.contentType !== undefined) headers['content-type'] = init.contentType;
  const res = await fetch(server.url + path, { method, headers, body: init.body });
  return toAnswer(res.status, res.headers.get('content-type') ?? '', await res.text());
}

/** fetch normalises `..` and `%2e%2e` out of URLs; node:http sends the path exactly as written. */
function sendRaw(method: string, path: string, body: string): Promise<Answer> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, method, path, headers: { 'content-type': 'text/plain', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve(toAnswer(res.statusCode ?? 0, String(res.headers['content-type'] ?? ''), text)));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const post = (path: string, body: unknown): Promise<Answer> =>
  send('POST', `/api/2.0/mlflow/${path}`, { body: JSON.stringify(body), contentType: 'application/json' });
const get = (path: string, query: Record<string, string>): Promise<Answer> => send('GET', `/api/2.0/mlflow/${path}?${new URLSearchParams(query).toString()}`);

async function ok(answer: Promise<Answer>): Promise<Answer> {
  const a = await answer;
  assert.equal(a.status, 200, `expected 200, got ${a.status}: ${a.text}`);
  return a;
}

/** A client mistake: the given 4xx, MLflow's error JSON, and a message matching `message`. */
function rejects(a: Answer, status: number, errorCode: string, message: RegExp): void {
  assert.ok(a.status >= 400 && a.status < 500, `expected a 4xx, got ${a.status}: ${a.text}`);
  assert.equal(a.status, status, a.text);
  assert.match(a.contentType, /^application\/json/, a.text);
  assert.equal(a.json?.error_code, errorCode, a.text);
  assert.match(a.json?.message ?? '', message);
}

const invalid = (a: Answer, message: RegExp): void => rejects(a, 400, 'INVALID_PARAMETER_VALUE', message);

let counter = 0;
async function newExperiment(): Promise<string> {
  return (await ok(post('experiments/create', { name: `bad-input-${++counter}` }))).json.experiment_id;
}
async function newRun(experimentId?: string): Promise<string> {
  return (await ok(post('runs/create', { experiment_id: experimentId ?? (await newExperiment()) }))).json.run.info.run_id;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- run data as the server sent it
async function runData(runId: string): Promise<{ metrics: any[]; params: any[]; tags: any[] }> {
  const data = (await ok(get('runs/get', { run_id: runId }))).json.run.data;
  return { metrics: data.metrics ?? [], params: data.params ?? [], tags: data.tags ?? [] };
}
async function history(runId: string, key: string): Promise<unknown[]> {
  return (await ok(get('metrics/get-history', { run_id: runId, metric_key: key }))).json.metrics ?? [];
}
const keysOf = (items: { key: string }[]): string[] => items.map((i) => i.key).sort();

describe('wrong types', () => {
  test('an object where an id belongs', async () => {
    invalid(await post('experiments/delete', { experiment_id: {} }), /Invalid value \{\} for parameter 'experiment_id'.*expected string or number, got object/);
    invalid(await post('runs/create', { experiment_id: {} }), /parameter 'experiment_id'/);
    invalid(await post('runs/search', { experiment_ids: [{}] }), /parameter 'experiment_ids\.0'/);
  });

  test('a metric value that is not a number, a fractional timestamp or step, a boolean value', async () => {
    const run = await newRun();
    invalid(await post('runs/log-metric', { run_id: run, key: 'm', value: 'abc', timestamp: 1 }), /Invalid value "abc" for parameter 'value'.*must be a number/);
    invalid(await post('runs/log-metric', { run_id: run, key: 'm', value: 1, timestamp: 1.5 }), /Invalid value 1\.5 for parameter 'timestamp'.*integer/);
    invalid(await post('runs/log-metric', { run_id: run, key: 'm', value: 1, timestamp: 1, step: 0.5 }), /parameter 'step'.*integer/);
    invalid(await post('runs/log-metric', { run_id: run, key: 'm', value: true, timestamp: 1 }), /parameter 'value'.*got boolean/);
    invalid(await post('runs/log-batch', { run_id: run, metrics: [{ key: 'm', value: 'abc', timestamp: 1 }] }), /parameter 'metrics\.0\.value'.*must be a number/);
    // Number() reads these as 16 and 1; MLflow (Python float) refuses them.
    invalid(await post('runs/log-metric', { run_id: run, key: 'm', value: '0x10', timestamp: 1 }), /Invalid value "0x10" for parameter 'value'/);
    invalid(await post('runs/log-metric', { run_id: run, key: 'm', value: '0b1', timestamp: 1 }), /parameter 'value'/);
    // Past 2^53 a JS number cannot hold the int64 exactly; storing a rounded timestamp would be silent corruption.
    invalid(await post('runs/log-metric', { run_id: run, key: 'm', value: 1, timestamp: '9223372036854775807' }), /parameter 'timestamp'.*magnitude at most 9007199254740991/);
    assert.deepEqual(await history(run, 'm'), []);
  });

  test('max_results that is not a number', async () => {
    invalid(await post('runs/search', { experiment_ids: ['0'], max_results: 'lots' }), /Invalid value "lots" for parameter 'max_results'/);
    invalid(await post('experiments/search', { max_results: 'lots' }), /parameter 'max_results'/);
    invalid(await get('experiments/search', { max_results: 'lots' }), /parameter 'max_results'/);
  });

  test('tags that are not a list', async () => {
    invalid(await post('runs/create', { experiment_id: '0', tags: 'x' }), /Invalid value "x" for parameter 'tags'.*expected array/);
    invalid(await post('experiments/create', { name: 'tags-as-string', tags: 'x' }), /parameter 'tags'/);
    invalid(await post('runs/log-batch', { run_id: await newRun(), metrics: 'x' }), /parameter 'metrics'.*expected array/);
    rejects(await get('experiments/get-by-name', { experiment_name: 'tags-as-string' }), 404, 'RESOURCE_DOES_NOT_EXIST', /tags-as-string/);
  });

  test('an enum name that does not exist lists the valid ones', async () => {
    const run = await newRun();
    invalid(await post('runs/update', { run_id: run, status: 'DONE' }), /Invalid value "DONE" for parameter 'status'.*RUNNING, SCHEDULED, FINISHED, FAILED, KILLED/);
    invalid(await post('runs/update', { run_id: run, status: 9 }), /parameter 'status'/);
    invalid(await post('runs/search', { experiment_ids: ['0'], run_view_type: 'EVERYTHING' }), /ACTIVE_ONLY, DELETED_ONLY, ALL/);
    assert.equal((await ok(get('runs/get', { run_id: run }))).json.run.info.status, 'RUNNING');
  });
});

describe('missing required fields', () => {
  test('create experiment without a name (absent, null or empty)', async () => {
    for (const body of [{}, { name: null }, { name: '' }, { artifact_location: '/tmp/x' }]) {
      invalid(await post('experiments/create', body), /^Missing value for required parameter 'name'/);
    }
  });

  test('log-metric without run_id, key, value or timestamp', async () => {
    const run = await newRun();
    const full = { run_id: run, key: 'm', value: 1, timestamp: 1 };
    for (const field of ['run_id', 'key', 'value', 'timestamp'] as const) {
      const body: Record<string, unknown> = { ...full };
      delete body[field];
      invalid(await post('runs/log-metric', body), new RegExp(`^Missing value for required parameter '${field}'`));
    }
    assert.deepEqual(await history(run, 'm'), []);
  });

  test('get-history without metric_key or run_id', async () => {
    const run = await newRun();
    invalid(await get('metrics/get-history', { run_id: run }), /^Missing value for required parameter 'metric_key'/);
    invalid(await get('metrics/get-history', { metric_key: 'm' }), /^Missing value for required parameter 'run_id'/);
  });

  test('an empty body to a POST that needs fields', async () => {
    invalid(await send('POST', '/api/2.0/mlflow/experiments/create', { body: '', contentType: 'application/json' }), /Missing value for required parameter 'name'/);
    invalid(await send('POST', '/api/2.0/mlflow/runs/log-parameter', { body: '', contentType: 'application/json' }), /Missing value for required parameter 'run_id'/);
  });
});

describe('keys and names', () => {
  test('keys over 250 characters are refused for metrics, params and tags; 250 is fine', async () => {
    const run = await newRun();
    const long = 'k'.repeat(251);
    invalid(await post('runs/log-metric', { run_id: run, key: long, value: 1, timestamp: 1 }), /'Metric name' exceeds the maximum length of 250/);
    invalid(await post('runs/log-parameter', { run_id: run, key: long, value: 'v' }), /'Param name' exceeds the maximum length of 250/);
    invalid(await post('runs/set-tag', { run_id: run, key: long, value: 'v' }), /'Tag name' exceeds the maximum length of 250/);
    invalid(await post('runs/log-batch', { run_id: run, params: [{ key: long, value: 'v' }] }), /exceeds the maximum length of 250/);
    const exp = await newExperiment();
    invalid(await post('experiments/set-experiment-tag', { experiment_id: exp, key: long, value: 'v' }), /exceeds the maximum length of 250/);
    assert.deepEqual(await runData(run).then((d) => [d.metrics, d.params, keysOf(d.tags)]), [[], [], ['mlflow.runName']]);

    const fits = 'k'.repeat(250);
    await ok(post('runs/log-parameter', { run_id: run, key: fits, value: 'v' }));
    assert.deepEqual(keysOf((await runData(run)).params), [fits]);
  });

  test('keys with characters MLflow does not allow, or that a path would rewrite', async () => {
    const run = await newRun();
    for (const key of ['a*b', 'semi;colon', 'quote"d', 'new\nline']) {
      invalid(await post('runs/log-metric', { run_id: run, key, value: 1, timestamp: 1 }), /Names may only contain alphanumerics, underscores/);
    }
    for (const key of ['../escape', '/absolute', 'double//slash', 'trailing/', 'dot/./seg']) {
      invalid(await post('runs/log-parameter', { run_id: run, key, value: 'v' }), /must not resolve to other names/);
    }
    invalid(await post('runs/set-tag', { run_id: run, key: 'tag|pipe', value: 'v' }), /Names may only contain/);
    const data = await runData(run);
    assert.deepEqual([data.metrics, data.params, keysOf(data.tags)], [[], [], ['mlflow.runName']]);
  });

  test('an experiment name over 500 characters', async () => {
    const name = 'n'.repeat(501);
    invalid(await post('experiments/create', { name }), /'name' exceeds the maximum length of 500 characters/);
    rejects(await get('experiments/get-by-name', { experiment_name: name }), 404, 'RESOURCE_DOES_NOT_EXIST', /Could not find experiment/);
    const exp = await newExperiment();
    invalid(await post('experiments/update', { experiment_id: exp, new_name: name }), /exceeds the maximum length of 500/);
  });
});

describe('limits', () => {
  test('max_results above 50000 for runs/search and experiments/search', async () => {
    invalid(await post('runs/search', { experiment_ids: ['0'], max_results: 50001 }), /Invalid value 50001 for parameter 'max_results'/);
    invalid(await post('experiments/search', { max_results: 50001 }), /Invalid value 50001 for parameter 'max_results'/);
    await ok(post('runs/search', { experiment_ids: ['0'], max_results: 50000 }));
  });

  test('a filter, order_by or IN list too large for SQLite is a 400, not a 500', async () => {
    const exp = await newExperiment();
    const tooLarge = /too large to run .*Use fewer filter clauses/;
    const clauses = Array.from({ length: 1000 }, (_, i) => `params.k${i} = 'x'`).join(' AND ');
    invalid(await post('runs/search', { experiment_ids: [exp], filter: clauses }), tooLarge);
    const orderBy = Array.from({ length: 200 }, (_, i) => `metrics.k${i} DESC`);
    invalid(await post('runs/search', { experiment_ids: [exp], order_by: orderBy }), tooLarge);
    invalid(await post('runs/search', { experiment_ids: [exp], order_by: orderBy.slice(0, 70) }), tooLarge);
    const ids = Array.from({ length: 40_000 }, (_, i) => `'r${i}'`).join(',');
    invalid(await post('runs/search', { experiment_ids: [exp], filter: `attributes.run_id IN (${ids})` }), tooLarge);
    invalid(await post('experiments/search', { filter: `name LIKE '${'%a'.repeat(30_000)}'` }), tooLarge);
    invalid(await post('experiments/search', { filter: Array.from({ length: 1000 }, () => "name = 'a'").join(' AND ') }), tooLarge);
    // A modest search of the same shape still runs.
    await ok(post('runs/search', { experiment_ids: [exp], filter: clauses.split(' AND ').slice(0, 20).join(' AND '), order_by: orderBy.slice(0, 10) }));
  });

  test('a log-batch with 1001 metrics is refused with MLflow message and writes nothing', async () => {
    const run = await newRun();
    const metrics = Array.from({ length: 1001 }, (_, i) => ({ key: 'm', value: i, timestamp: 1000 + i, step: i }));
    invalid(
      await post('runs/log-batch', { run_id: run, metrics, params: [{ key: 'p', value: 'v' }], tags: [{ key: 't', value: 'v' }] }),
      /^A batch logging request can contain at most 1000 metrics\. Got 1001 metrics\./,
    );
    assert.deepEqual(await history(run, 'm'), []);
    const data = await runData(run);
    assert.deepEqual([data.metrics, data.params, keysOf(data.tags)], [[], [], ['mlflow.runName']]);
  });

  test('101 params or 101 tags in one batch', async () => {
    const run = await newRun();
    const many = Array.from({ length: 101 }, (_, i) => ({ key: `k${i}`, value: 'v' }));
    invalid(await post('runs/log-batch', { run_id: run, params: many }), /at most 100 params\. Got 101 params/);
    invalid(await post('runs/log-batch', { run_id: run, tags: many }), /at most 100 tags\. Got 101 tags/);
    const data = await runData(run);
    assert.deepEqual([data.params, keysOf(data.tags)], [[], ['mlflow.runName']]);
  });

  test('a log-batch body over 1,000,000 bytes is refused even though each entry is valid', async () => {
    const run = await newRun();
    const body = {
      run_id: run,
      params: Array.from({ length: 100 }, (_, i) => ({ key: `p${i}`, value: 'p'.repeat(6000) })),
      tags: Array.from({ length: 100 }, (_, i) => ({ key: `t${i}`, value: 't'.repeat(6000) })),
      metrics: [{ key: 'm', value: 1, timestamp: 1 }],
    };
    assert.ok(JSON.stringify(body).length > 1_000_000);
    invalid(await post('runs/log-batch', body), /1000000 bytes/);
    const data = await runData(run);
    assert.deepEqual([data.metrics, data.params, keysOf(data.tags)], [[], [], ['mlflow.runName']]);
  });
});

describe('rejected batches are all-or-nothing', () => {
  test('a valid batch whose 100th param conflicts with an already logged value', async () => {
    const run = await newRun();
    await ok(post('runs/log-parameter', { run_id: run, key: 'p99', value: 'original' }));
    const params = Array.from({ length: 100 }, (_, i) => ({ key: `p${i}`, value: i === 99 ? 'changed' : `v${i}` }));
    invalid(
      await post('runs/log-batch', {
        run_id: run,
        metrics: [{ key: 'loss', value: 0.5, timestamp: 1, step: 0 }],
        params,
        tags: [{ key: 'stage', value: 'train' }],
      }),
      /Changing param values is not allowed\. Param with key='p99' was already logged with value='original'/,
    );
    const data = await runData(run);
    assert.deepEqual(data.params, [{ key: 'p99', value: 'original' }]);
    assert.deepEqual(data.metrics, []);
    assert.deepEqual(keysOf(data.tags), ['mlflow.runName']);
    assert.deepEqual(await history(run, 'loss'), []);
  });

  test('a batch whose last metric has an invalid key', async () => {
    const run = await newRun();
    const metrics = [...Array.from({ length: 10 }, (_, i) => ({ key: 'acc', value: i / 10, timestamp: i, step: i })), { key: 'bad*key', value: 1, timestamp: 1 }];
    invalid(
      await post('runs/log-batch', { run_id: run, metrics, params: [{ key: 'lr', value: '0.1' }], tags: [{ key: 'stage', value: 'x' }] }),
      /Invalid value "bad\*key" for parameter 'key'/,
    );
    assert.deepEqual(await history(run, 'acc'), []);
    const data = await runData(run);
    assert.deepEqual([data.metrics, data.params, keysOf(data.tags)], [[], [], ['mlflow.runName']]);
  });

  test('duplicate param keys with different values inside one batch', async () => {
    const run = await newRun();
    invalid(
      await post('runs/log-batch', { run_id: run, params: [{ key: 'a', value: '1' }, { key: 'a', value: '2' }], metrics: [{ key: 'm', value: 1, timestamp: 1 }] }),
      /Duplicate parameter keys/,
    );
    assert.deepEqual(await history(run, 'm'), []);
    assert.deepEqual((await runData(run)).params, []);
  });
});

describe('malformed requests', () => {
  test('invalid JSON, a JSON array and a JSON scalar as the body', async () => {
    const create = (body: string) => send('POST', '/api/2.0/mlflow/experiments/create', { body, contentType: 'application/json' });
    invalid(await create('{"name": "broken"'), /Malformed JSON in request body/);
    invalid(await create('[{"name": "in-an-array"}]'), /must be a JSON object/);
    invalid(await create('42'), /must be a JSON object/);
    for (const name of ['broken', 'in-an-array']) {
      rejects(await get('experiments/get-by-name', { experiment_name: name }), 404, 'RESOURCE_DOES_NOT_EXIST', /Could not find/);
    }
  });

  test('unknown routes answer JSON 404 for every verb', async () => {
    const cases: [string, string][] = [
      ['GET', '/api/2.0/mlflow/runs/nope'],
      ['POST', '/api/2.0/mlflow/runs/nope'],
      ['PUT', '/api/2.0/mlflow/runs/create'],
      ['PATCH', '/api/2.0/mlflow/experiments/create'],
      ['DELETE', '/api/2.0/mlflow/experiments/get'],
      ['POST', '/api/2.0/mlflow/runs/get'],
      ['GET', '/api/9.0/mlflow/runs/get'],
      ['GET', '/api/2.0/mlflow/experiments/list'],
      ['GET', '/not-an-api'],
    ];
    for (const [method, path] of cases) {
      const a = await send(method, path, method === 'GET' ? {} : { body: '{}', contentType: 'application/json' });
      rejects(a, 404, 'ENDPOINT_NOT_FOUND', new RegExp(`${method} ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    }
  });

  test('a malformed filter names the bad token', async () => {
    const exp = await newExperiment();
    const search = (filter: string) => post('runs/search', { experiment_ids: [exp], filter });
    // The messages quote the whole filter too, so each pattern pins the part that names the token.
    invalid(await search('metrics.acc >>> 1'), /Invalid comparator '>>>'/);
    invalid(await search('metrics.acc > 1 OR params.x = "y"'), /Invalid clause\(s\) in filter string: 'OR'/);
    invalid(await search("params.model = 'cnn"), /unterminated quoted string 'cnn/);
    invalid(await search('bogus.key = 1'), /Invalid entity type 'bogus'/);
    invalid(await search('params.model = cnn'), /not quoted .* string value 'cnn'/);
    invalid(await search('metrics.acc > abc'), /Expected numeric value type for metric\. Found 'abc'/);
    invalid(await post('experiments/search', { filter: 'name === "x"' }), /Invalid comparator '==='/);
    invalid(await post('runs/search', { experiment_ids: [exp], order_by: ['metrics.acc SIDEWAYS'] }), /Invalid ordering key 'SIDEWAYS'/);
  });

  test('a page_token that was not issued by the server', async () => {
    const run = await newRun();
    const notJson = Buffer.from('hello').toString('base64');
    const noOffset = Buffer.from('{"foo": 1}').toString('base64');
    for (const token of ['not base64!', notJson, noOffset]) {
      invalid(await post('runs/search', { experiment_ids: ['0'], page_token: token }), /Invalid page token/);
      invalid(await post('experiments/search', { page_token: token }), /Invalid page token/);
      invalid(await get('metrics/get-history', { run_id: run, metric_key: 'm', page_token: token }), /Invalid page token/);
    }
  });
});

describe('writes to deleted entities', () => {
  test('logging to a deleted run', async () => {
    const run = await newRun();
    await ok(post('runs/delete', { run_id: run }));
    const inactive = new RegExp(`^The run ${run} must be in the 'active' state\\. Current state is deleted\\.`);
    invalid(await post('runs/log-metric', { run_id: run, key: 'm', value: 1, timestamp: 1 }), inactive);
    invalid(await post('runs/log-parameter', { run_id: run, key: 'p', value: 'v' }), inactive);
    invalid(await post('runs/set-tag', { run_id: run, key: 't', value: 'v' }), inactive);
    invalid(await post('runs/log-batch', { run_id: run, params: [{ key: 'p', value: 'v' }] }), inactive);
    await ok(post('runs/restore', { run_id: run }));
    const data = await runData(run);
    assert.deepEqual([data.metrics, data.params, keysOf(data.tags)], [[], [], ['mlflow.runName']]);
  });

  test('creating a run in a deleted experiment', async () => {
    const exp = await newExperiment();
    await ok(post('experiments/delete', { experiment_id: exp }));
    invalid(await post('runs/create', { experiment_id: exp }), new RegExp(`experiment ${exp} must be in the 'active' state`));
    const all = (await ok(post('runs/search', { experiment_ids: [exp], run_view_type: 'ALL' }))).json;
    assert.deepEqual(all, {});
  });

  test('a run or experiment that does not exist', async () => {
    rejects(await post('runs/log-metric', { run_id: 'a'.repeat(32), key: 'm', value: 1, timestamp: 1 }), 404, 'RESOURCE_DOES_NOT_EXIST', /Run with id=a{32} not found/);
    rejects(await post('runs/create', { experiment_id: '999999' }), 404, 'RESOURCE_DOES_NOT_EXIST', /999999/);
    rejects(await post('runs/create', { experiment_id: 'not-a-number' }), 404, 'RESOURCE_DOES_NOT_EXIST', /not-a-number/);
  });
});

describe('artifact path traversal', () => {
  const ARTIFACTS = '/api/2.0/mlflow-artifacts/artifacts';

  function filesUnder(dir: string): string[] {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => relative(baseDir, join(e.parentPath, e.name)));
  }

  test('.., %2e%2e, encoded slashes, absolute paths and NUL are refused and nothing lands outside the artifacts dir', async (t) => {
    const probe = await sendRaw('PUT', `${ARTIFACTS}/probe/ok.txt`, 'fine');
    if (probe.status === 404 && probe.json?.error_code === 'ENDPOINT_NOT_FOUND') {
      t.skip('artifact routes not yet available');
      return;
    }
    assert.equal(probe.status, 200, probe.text);
    writeFileSync(join(baseDir, 'secret.txt'), 'top secret');
    const before = filesUnder(baseDir).sort();

    const attempts = [
      '../../escaped.txt',
      'a/../../../escaped.txt',
      '%2e%2e/%2e%2e/escaped.txt',
      '%2E%2E%2F%2E%2E%2Fescaped.txt',
      '..%2f..%2fescaped.txt',
      `/${baseDir}/absolute.txt`,
      `%2F${encodeURIComponent(baseDir.slice(1))}%2Fabsolute.txt`,
      'nul%00byte.txt',
      '..\\..\\escaped.txt',
    ];
    for (const path of attempts) {
      const a = await sendRaw('PUT', `${ARTIFACTS}/${path}`, 'pwned');
      invalid(a, /Invalid artifact path/);
    }
    assert.deepEqual(filesUnder(baseDir).sort(), before, 'no file was written anywhere by the refused uploads');

    const read = await sendRaw('GET', `${ARTIFACTS}/../../../secret.txt`, '');
    invalid(read, /Invalid artifact path/);
    assert.doesNotMatch(read.text, /top secret/);
    invalid(await sendRaw('GET', `${ARTIFACTS}?path=..%2F..%2F..`, ''), /Invalid artifact path/);
    invalid(await sendRaw('DELETE', `${ARTIFACTS}/../../../secret.txt`, ''), /Invalid artifact path/);
    assert.ok(filesUnder(baseDir).includes('secret.txt'), 'the file outside the artifacts dir is untouched');
  });
});
