/**
 * The search grammar on its own: tokenizer and parser edge cases, page tokens, and the SQL the
 * compiler emits, run against an in-memory database built from the real migrations. The first SQL
 * block replays the `search` scenario of the MLflow 3.11 transcript and expects the run order the
 * real server answered with.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import { MlflowError } from '../../src/mlflow/errors.ts';
import { parseFilter, parseLoggedModelOrderBy, parseOrderBy } from '../../src/store/search/parser.ts';
import { decodePageToken, encodePageToken } from '../../src/store/search/page-token.ts';
import type { Clause, SearchTarget } from '../../src/store/search/ast.ts';
import { MIGRATIONS } from '../../src/store/sqlite/schema.ts';
import {
  compileExperimentFilter,
  compileExperimentOrderBy,
  compileLoggedModelFilter,
  compileLoggedModelOrderBy,
  compileRunFilter,
  compileRunOrderBy,
} from '../../src/store/sqlite/search-sql.ts';

function expectInvalid(fn: () => unknown, ...mustContain: string[]): MlflowError {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  assert.ok(caught instanceof MlflowError, `expected an MlflowError, got ${String(caught)}`);
  assert.equal(caught.code, 'INVALID_PARAMETER_VALUE');
  for (const s of mustContain) assert.ok(caught.message.includes(s), `message ${JSON.stringify(caught.message)} should contain ${JSON.stringify(s)}`);
  return caught;
}

const c = (entity: Clause['entity'], key: string, comparator: Clause['comparator'], value: Clause['value']): Clause => ({ entity, key, comparator, value });

describe('parseFilter: accepted filters', () => {
  const cases: [string, SearchTarget, Clause[]][] = [
    ['', 'runs', []],
    ['   \n\t ', 'runs', []],
    ['metrics.acc > 0.8', 'runs', [c('metric', 'acc', '>', 0.8)]],
    ['metric.acc>=1', 'runs', [c('metric', 'acc', '>=', 1)]],
    ['metrics.acc<-1.5e3', 'runs', [c('metric', 'acc', '<', -1500)]],
    ['metrics.acc <= .5', 'runs', [c('metric', 'acc', '<=', 0.5)]],
    ['metrics.acc != 0', 'runs', [c('metric', 'acc', '!=', 0)]],
    ['metrics.acc = 3', 'runs', [c('metric', 'acc', '=', 3)]],
    ['metrics.train/loss < 1', 'runs', [c('metric', 'train/loss', '<', 1)]],
    ['metrics.a.b.c > 1', 'runs', [c('metric', 'a.b.c', '>', 1)]],
    ['metrics.`my metric` > 1', 'runs', [c('metric', 'my metric', '>', 1)]],
    ['metrics."my.metric" > 1', 'runs', [c('metric', 'my.metric', '>', 1)]],
    ["params.model = 'cnn'", 'runs', [c('param', 'model', '=', 'cnn')]],
    ['param.model = "cnn"', 'runs', [c('param', 'model', '=', 'cnn')]],
    ["parameter.model != 'cnn'", 'runs', [c('param', 'model', '!=', 'cnn')]],
    ["parameters.model LIKE '%nn'", 'runs', [c('param', 'model', 'LIKE', '%nn')]],
    ["params.model ilike 'CNN'", 'runs', [c('param', 'model', 'ILIKE', 'CNN')]],
    ['params.model IS NULL', 'runs', [c('param', 'model', 'IS NULL', null)]],
    ['params.model is not null', 'runs', [c('param', 'model', 'IS NOT NULL', null)]],
    ["tags.`mlflow.runName` = 'run-2'", 'runs', [c('tag', 'mlflow.runName', '=', 'run-2')]],
    ['tags."mlflow.runName" = "run-2"', 'runs', [c('tag', 'mlflow.runName', '=', 'run-2')]],
    ["tag.mlflow.runName = 'x'", 'runs', [c('tag', 'mlflow.runName', '=', 'x')]],
    ["tags.note = 'it''s'", 'runs', [c('tag', 'note', '=', "it's")]],
    ["tags.note = 'a AND b'", 'runs', [c('tag', 'note', '=', 'a AND b')]],
    ["attributes.status = 'FAILED'", 'runs', [c('attribute', 'status', '=', 'FAILED')]],
    ["status = 'FAILED'", 'runs', [c('attribute', 'status', '=', 'FAILED')]],
    ["attr.user_id != 'bob'", 'runs', [c('attribute', 'user_id', '!=', 'bob')]],
    ["run.artifact_uri LIKE 'mlflow-artifacts:%'", 'runs', [c('attribute', 'artifact_uri', 'LIKE', 'mlflow-artifacts:%')]],
    ["attribute.run_name ILIKE 'run-%'", 'runs', [c('attribute', 'run_name', 'ILIKE', 'run-%')]],
    ['"run name" = \'x\'', 'runs', [c('attribute', 'run_name', '=', 'x')]],
    ["attributes.`Run Name` = 'x'", 'runs', [c('attribute', 'run_name', '=', 'x')]],
    ['created >= 5', 'runs', [c('attribute', 'start_time', '>=', 5)]],
    ['attributes.Created < 5', 'runs', [c('attribute', 'start_time', '<', 5)]],
    ['attributes.end_time != 1795447849175', 'runs', [c('attribute', 'end_time', '!=', 1795447849175)]],
    ["attributes.run_id IN ('a', 'b')", 'runs', [c('attribute', 'run_id', 'IN', ['a', 'b'])]],
    ["run_id not in ('a')", 'runs', [c('attribute', 'run_id', 'NOT IN', ['a'])]],
    ["datasets.name IN ('d1', \"d2\")", 'runs', [c('dataset', 'name', 'IN', ['d1', 'd2'])]],
    ["dataset.digest = 'abc'", 'runs', [c('dataset', 'digest', '=', 'abc')]],
    ["dataset.context NOT IN ('eval')", 'runs', [c('dataset', 'context', 'NOT IN', ['eval'])]],
    [
      "metrics.acc > 0.5 AND params.model = 'cnn' and tags.team = 'red'",
      'runs',
      [c('metric', 'acc', '>', 0.5), c('param', 'model', '=', 'cnn'), c('tag', 'team', '=', 'red')],
    ],
    ["name LIKE 'search-demo%'", 'experiments', [c('attribute', 'name', 'LIKE', 'search-demo%')]],
    ['attribute.creation_time > 10', 'experiments', [c('attribute', 'creation_time', '>', 10)]],
    ['last_update_time <= 10', 'experiments', [c('attribute', 'last_update_time', '<=', 10)]],
    ["tags.purpose = 'paging' AND tag.x IS NULL", 'experiments', [c('tag', 'purpose', '=', 'paging'), c('tag', 'x', 'IS NULL', null)]],
    ["name = 'images'", 'logged_models', [c('attribute', 'name', '=', 'images')]],
    ["status IN ('LOGGED_MODEL_READY')", 'logged_models', [c('attribute', 'status', 'IN', ['LOGGED_MODEL_READY'])]],
    ['creation_time > 5', 'logged_models', [c('attribute', 'creation_timestamp_ms', '>', 5)]],
    ['last_updated_timestamp <= 5', 'logged_models', [c('attribute', 'last_updated_timestamp_ms', '<=', 5)]],
    ["metrics.acc >= 0.9 AND params.lr = '0.1' AND tags.t != 'x'", 'logged_models', [c('metric', 'acc', '>=', 0.9), c('param', 'lr', '=', '0.1'), c('tag', 't', '!=', 'x')]],
  ];
  for (const [filter, target, expected] of cases) {
    it(`${target}: ${JSON.stringify(filter)}`, () => {
      assert.deepEqual(parseFilter(filter, target), expected);
    });
  }
  it('undefined is no filter', () => assert.deepEqual(parseFilter(undefined, 'runs'), []));
});

describe('parseFilter: rejected filters name the offending token', () => {
  // [filter, target, substrings the message must contain]
  const cases: [string, SearchTarget, string[]][] = [
    ['metrics.acc >>> 1', 'runs', ["'>>>'", 'Invalid comparator', 'position 12']],
    ['metrics.acc >> 1', 'runs', ["'>>'", 'position 12']],
    ['metrics.acc == 1', 'runs', ["'=='"]],
    ['metrics.acc <> 1', 'runs', ["'<>'"]],
    ['params.model = cnn', 'runs', ["'cnn'", 'not quoted']],
    ['params.model = `cnn`', 'runs', ['`cnn`', 'not quoted']],
    ["params.lr IN ('0.1', '0.01') and metrics.acc >= 0.4", 'runs', ["('0.1', '0.01')", "'IN'", 'Expected a quoted string value for parameter']],
    ["params.lr > '1'", 'runs', ["'>'", 'Invalid comparator']],
    ['params.lr = 1', 'runs', ['Got value 1']],
    ["metrics.acc LIKE '%'", 'runs', ["'LIKE'"]],
    ["metrics.acc = 'x'", 'runs', ["'x'", 'Expected numeric value type for metric']],
    ['metrics.acc = nan', 'runs', ["'nan'"]],
    ['metrics.acc IS NULL', 'runs', ["'IS NULL'"]],
    ["attributes.status IN ('FINISHED')", 'runs', ["('FINISHED')", "'run_id'"]],
    ["attributes.run_id = ('a')", 'runs', ["('a')"]],
    ['attributes.run_id IN ()', 'runs', ["'()'", 'empty list']],
    ['attributes.run_id IN (1, 2)', 'runs', ["'1'", '(1, 2)']],
    ["attributes.run_id IN ('a' 'b')", 'runs', ["''b''"]],
    ["attributes.run_id IN ('a',", 'runs', ["missing ')'"]],
    ["attributes.run_id IN 'a'", 'runs', ["'a'", 'parenthesized list']],
    ["attributes.start_time > '5'", 'runs', ["'5'", 'numeric attribute: start_time']],
    ["attributes.start_time LIKE '5'", 'runs', ["'LIKE'"]],
    ["attributes.status > 'A'", 'runs', ["'>'"]],
    ['attributes.status = 5', 'runs', ['Got value 5']],
    ["attributes.foo = 'x'", 'runs', ["'foo'", 'Invalid attribute key']],
    ["attributes.experiment_id = '1'", 'runs', ["'experiment_id'"]],
    ["metricz.acc > 1", 'runs', ["'metricz'", 'Invalid entity type']],
    ["datasets.source = 'x'", 'runs', ["'source'", 'Invalid dataset key']],
    ['datasets.name > 1', 'runs', ["'>'"]],
    ['metrics.acc > 1 OR metrics.acc < 0', 'runs', ["'OR'", 'Invalid clause(s) in filter string']],
    ['(metrics.acc > 1)', 'runs', ["'('", 'Parentheses']],
    ["metrics.acc > 1 AND (params.a = 'b')", 'runs', ["'('"]],
    ['metrics.acc > 1 AND', 'runs', ["'AND'", 'end of input']],
    ['AND metrics.acc > 1', 'runs', ["'AND'"]],
    ['metrics.acc > 1 metrics.loss < 2', 'runs', ["'metrics.loss'", 'expected AND']],
    ['metrics.acc > 1;', 'runs', ["';'"]],
    ['metrics.acc', 'runs', ["'metrics.acc'", 'expected a comparator']],
    ['metrics.acc >', 'runs', ["'metrics.acc >'", 'expected a value']],
    ['metrics.acc 0.5', 'runs', ["'0.5'"]],
    ["metrics. > 1", 'runs', ["'metrics.'"]],
    ["tags.x = 'unterminated", 'runs', ["'unterminated", 'unterminated']],
    ['tags.x = NULL', 'runs', ['NULL', 'IS NULL']],
    ["tags.x NOT LIKE 'a'", 'runs', ["'NOT LIKE'"]],
    ["tags.x IS 'a'", 'runs', ["'IS 'a''"]],
    ["tags.mlflow.\"runName\" = 'x'", 'runs', ['tags.mlflow."runName"', 'quote the whole key']],
    ['metrics.acc > 5abc', 'runs', ["'5abc'"]],
    ['metrics.acc > 1 # x', 'runs', ["'#'"]],
    ["metrics.acc > 1", 'experiments', ["'metrics'", 'Invalid entity type']],
    ["attributes.name = 'x'", 'experiments', ["'attributes'"]],
    ["name IN ('a')", 'experiments', ["'IN'"]],
    ["experiment_id = '1'", 'experiments', ["'experiment_id'"]],
    ["creation_time = 'x'", 'experiments', ["'x'"]],
    ["tags.t > 'x'", 'experiments', ["'>'"]],
    ["datasets.name = 'x'", 'logged_models', ["'datasets'"]],
    ["source = 'x'", 'logged_models', ["'source'"]],
  ];
  for (const [filter, target, tokens] of cases) {
    it(`${target}: ${JSON.stringify(filter)}`, () => {
      const err = expectInvalid(() => parseFilter(filter, target), ...tokens);
      assert.ok(err.message.startsWith(`Invalid filter '${filter}'`), err.message);
    });
  }
});

describe('parseOrderBy', () => {
  const ok: [string, SearchTarget, { entity: string; key: string; ascending: boolean }][] = [
    ['metrics.acc', 'runs', { entity: 'metric', key: 'acc', ascending: true }],
    ['metrics.acc DESC', 'runs', { entity: 'metric', key: 'acc', ascending: false }],
    ['metrics.`my metric` desc', 'runs', { entity: 'metric', key: 'my metric', ascending: false }],
    ['params.model asc', 'runs', { entity: 'param', key: 'model', ascending: true }],
    ['tags."mlflow.runName" DESC', 'runs', { entity: 'tag', key: 'mlflow.runName', ascending: false }],
    ['attributes.run_name', 'runs', { entity: 'attribute', key: 'run_name', ascending: true }],
    ['run_id DESC', 'runs', { entity: 'attribute', key: 'run_id', ascending: false }],
    ['created', 'runs', { entity: 'attribute', key: 'start_time', ascending: true }],
    ['attributes.end_time DESC', 'runs', { entity: 'attribute', key: 'end_time', ascending: false }],
    ['  attr.artifact_uri   ASC  ', 'runs', { entity: 'attribute', key: 'artifact_uri', ascending: true }],
    ['name DESC', 'experiments', { entity: 'attribute', key: 'name', ascending: false }],
    ['experiment_id', 'experiments', { entity: 'attribute', key: 'experiment_id', ascending: true }],
    ['last_update_time asc', 'experiments', { entity: 'attribute', key: 'last_update_time', ascending: true }],
    ['creation_time DESC', 'logged_models', { entity: 'attribute', key: 'creation_timestamp_ms', ascending: false }],
    ['metrics.acc ASC', 'logged_models', { entity: 'metric', key: 'acc', ascending: true }],
  ];
  for (const [text, target, expected] of ok) {
    it(`${target}: ${JSON.stringify(text)}`, () => assert.deepEqual(parseOrderBy(text, target), expected));
  }
  const bad: [string, SearchTarget, string[]][] = [
    ['metrics.acc SIDEWAYS', 'runs', ["'SIDEWAYS'", 'Invalid ordering key']],
    ['metrics.acc DESC ASC', 'runs', ["'ASC'"]],
    ['', 'runs', ['empty']],
    ['attributes.foo', 'runs', ["'foo'"]],
    ['"run name"', 'runs', ["'run name'"]],
    ['datasets.name', 'runs', ["'dataset'"]],
    ['metrics.acc > 1', 'runs', ["'>'"]],
    ['tags.t', 'experiments', ["'tag'"]],
    ['params.lr', 'logged_models', ["'params'"]],
  ];
  for (const [text, target, tokens] of bad) {
    it(`rejects ${target}: ${JSON.stringify(text)}`, () => {
      const err = expectInvalid(() => parseOrderBy(text, target), ...tokens);
      assert.ok(err.message.startsWith(`Invalid order_by clause '${text}'`), err.message);
    });
  }
});

describe('parseLoggedModelOrderBy', () => {
  it('takes metric keys literally, spaces and dots included', () => {
    assert.deepEqual(parseLoggedModelOrderBy({ field_name: 'metrics.val acc.top1', ascending: false }), { entity: 'metric', key: 'val acc.top1', ascending: false });
  });
  it('resolves attribute aliases and defaults to ascending', () => {
    assert.deepEqual(parseLoggedModelOrderBy({ field_name: 'creation_time' }), { entity: 'attribute', key: 'creation_timestamp_ms', ascending: true });
    assert.deepEqual(parseLoggedModelOrderBy({ field_name: ' name ', ascending: false }), { entity: 'attribute', key: 'name', ascending: false });
  });
  it('rejects other entities and unknown fields, naming them', () => {
    expectInvalid(() => parseLoggedModelOrderBy({ field_name: 'params.lr' }), "'params'");
    expectInvalid(() => parseLoggedModelOrderBy({ field_name: 'flavor' }), "'flavor'");
    expectInvalid(() => parseLoggedModelOrderBy({ field_name: 'metrics.' }), "'metrics.'");
  });
});

describe('page tokens', () => {
  it("encodes MLflow's exact bytes", () => {
    assert.equal(encodePageToken(1), 'eyJvZmZzZXQiOiAxfQ==');
    assert.equal(encodePageToken(3), 'eyJvZmZzZXQiOiAzfQ==');
    assert.equal(encodePageToken(4), 'eyJvZmZzZXQiOiA0fQ==');
  });
  it('decodes tokens recorded from the real server', () => {
    assert.equal(decodePageToken('eyJvZmZzZXQiOiAyfQ=='), 2);
    assert.equal(decodePageToken('eyJvZmZzZXQiOiA0fQ=='), 4);
  });
  it('round-trips', () => {
    for (const n of [0, 7, 1000, 123456789]) assert.equal(decodePageToken(encodePageToken(n)), n);
  });
  it('treats a missing token as offset 0', () => {
    assert.equal(decodePageToken(undefined), 0);
    assert.equal(decodePageToken(''), 0);
  });
  it('accepts a string offset as Python int() does', () => {
    assert.equal(decodePageToken(Buffer.from('{"offset": "12"}').toString('base64')), 12);
  });
  const bad: [string, string][] = [
    ['not base64!', 'could not base64-decode'],
    ['eyJvZmZzZXQiOiAxfQ', 'could not base64-decode'],
    [Buffer.from('hello').toString('base64'), 'not JSON'],
    [Buffer.from('{"off": 1}').toString('base64'), 'offset'],
    [Buffer.from('{"offset": -1}').toString('base64'), 'offset'],
    [Buffer.from('{"offset": 1.5}').toString('base64'), 'offset'],
    [Buffer.from('[1]').toString('base64'), 'offset'],
  ];
  for (const [token, why] of bad) {
    it(`rejects ${JSON.stringify(token)}`, () => {
      expectInvalid(() => decodePageToken(token), 'Invalid page token', token, why);
    });
  }
});

// ------------------------------------------------------------------------------------ SQL

function openDb(): DatabaseSync {
  const db = new DatabaseSync(':memory:');
  db.exec('PRAGMA case_sensitive_like = ON');
  for (const m of MIGRATIONS) db.exec(m);
  return db;
}

interface SeedRun {
  id: string;
  name: string;
  exp: number;
  status?: string;
  start: number | null;
  end?: number | null;
  user?: string;
  stage?: 'active' | 'deleted';
  metrics?: Record<string, number>;
  params?: Record<string, string>;
  tags?: Record<string, string>;
  datasets?: { name: string; digest: string; context?: string }[];
}

function seedRuns(db: DatabaseSync, runs: SeedRun[]): void {
  for (const r of runs) {
    db.prepare(
      'INSERT INTO runs (run_uuid, name, experiment_id, user_id, status, start_time, end_time, artifact_uri, lifecycle_stage) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(r.id, r.name, r.exp, r.user ?? 'unknown', r.status ?? 'FINISHED', r.start, r.end ?? null, `mlflow-artifacts:/${r.exp}/${r.id}/artifacts`, r.stage ?? 'active');
    for (const [k, v] of Object.entries(r.metrics ?? {})) {
      const nan = Number.isNaN(v);
      db.prepare('INSERT INTO latest_metrics (run_uuid, key, value, is_nan, timestamp, step) VALUES (?, ?, ?, ?, 0, 0)').run(r.id, k, nan ? 0 : v, nan ? 1 : 0);
    }
    for (const [k, v] of Object.entries(r.params ?? {})) db.prepare('INSERT INTO params (run_uuid, key, value) VALUES (?, ?, ?)').run(r.id, k, v);
    const tags = { 'mlflow.runName': r.name, ...r.tags };
    for (const [k, v] of Object.entries(tags)) db.prepare('INSERT INTO tags (run_uuid, key, value) VALUES (?, ?, ?)').run(r.id, k, v);
    for (const d of r.datasets ?? []) {
      const uuid = `${d.name}-${d.digest}-${r.exp}`;
      db.prepare('INSERT OR IGNORE INTO datasets (dataset_uuid, experiment_id, name, digest, source_type, source) VALUES (?, ?, ?, ?, ?, ?)').run(uuid, r.exp, d.name, d.digest, 'local', 'file:///x');
      const inputTags = d.context ? [{ key: 'mlflow.data.context', value: d.context }] : [];
      db.prepare('INSERT INTO dataset_inputs (run_uuid, dataset_uuid, tags) VALUES (?, ?, ?)').run(r.id, uuid, JSON.stringify(inputTags));
    }
  }
}

/** Assembles a statement the way the store does: JOIN params, then WHERE params, then paging. */
function runNames(db: DatabaseSync, exp: number, filter: string, orderBy: string[] = [], page?: { limit: number; offset: number }): string[] {
  const f = compileRunFilter(parseFilter(filter, 'runs'));
  const o = compileRunOrderBy(orderBy.map((x) => parseOrderBy(x, 'runs')));
  const where = ['runs.experiment_id = ?', `runs.lifecycle_stage = 'active'`, ...f.where].join(' AND ');
  const paging = page ? ' LIMIT ? OFFSET ?' : '';
  const rows = db
    .prepare(`SELECT runs.name FROM runs ${o.joins} WHERE ${where} ORDER BY ${o.orderBy}${paging}`)
    .all(...(o.params as SQLInputValue[]), exp, ...(f.params as SQLInputValue[]), ...(page ? [page.limit, page.offset] : [])) as { name: string }[];
  return rows.map((r) => r.name);
}

const T0 = 1795447849000;
// The `search` scenario of mlflow-3.11-python-client.jsonl (seq 43-60), as the real server stored it.
const TRANSCRIPT_RUNS: SeedRun[] = [
  { id: '43fb34c6fcb24b718aff86a2b312cdab', name: 'run-1', exp: 3, status: 'FINISHED', start: 1795447849091, end: 1795447849175, metrics: { acc: 0.91, loss: 0.3 }, params: { model: 'cnn', lr: '0.1' }, tags: { team: 'red' } },
  { id: '593362ff2dd34305a4e69aa2456fe884', name: 'run-2', exp: 3, status: 'FINISHED', start: 1795447849215, end: 1795447849301, metrics: { acc: 0.72, loss: 0.8 }, params: { model: 'rnn', lr: '0.01' }, tags: { team: 'blue' } },
  { id: '8d4368695d2649a8b0f79c3e02cb2929', name: 'run-3', exp: 3, status: 'FAILED', start: 1795447849335, end: 1795447849476, metrics: { acc: 0.55, loss: 1.2 }, params: { model: 'cnn', lr: '0.001' }, tags: { team: 'red' } },
  { id: '89aacb7312e344f8ab0b6dd1c49858fa', name: 'baseline-4', exp: 3, status: 'FINISHED', start: 1795447849618, end: 1795447849725, metrics: { acc: 0.4, loss: 2 }, params: { model: 'linear', lr: '0.1' }, tags: { team: 'green' } },
  { id: '1149954bd09f46e39e332d627bf41257', name: 'Run-5', exp: 3, status: 'KILLED', start: 1795447849743, end: 1795447849788, metrics: { acc: 0.97, loss: 0.1 }, params: { model: 'transformer', lr: '0.0001' }, tags: { team: 'blue' } },
  { id: 'b9d2f5b43fc84ab1a237cc5287449554', name: 'run-6', exp: 3, status: 'RUNNING', start: 1795447849821, metrics: { acc: 0.83 }, params: { model: 'cnn', lr: '0.05' }, tags: { team: 'red', extra: 'x' } },
];

describe('compileRunFilter/compileRunOrderBy replay the MLflow 3.11 transcript', () => {
  let db: DatabaseSync;
  before(() => {
    db = openDb();
    db.prepare("INSERT INTO experiments (experiment_id, name, artifact_location, creation_time, last_update_time) VALUES (3, 'search-demo', 'mlflow-artifacts:/3', 0, 0)").run();
    seedRuns(db, TRANSCRIPT_RUNS);
  });
  // [transcript seq, filter, order_by, names in the order the real server returned them]
  const cases: [number, string, string[], string[]][] = [
    [61, 'metrics.acc > 0.8', [], ['run-6', 'Run-5', 'run-1']],
    [62, "params.model = 'cnn'", [], ['run-6', 'run-3', 'run-1']],
    [63, "tags.team != 'red'", [], ['Run-5', 'baseline-4', 'run-2']],
    [64, "attributes.run_name LIKE 'run-%'", [], ['run-6', 'run-3', 'run-2', 'run-1']],
    [65, "attributes.run_name ILIKE 'run-%'", ['attributes.run_name ASC'], ['Run-5', 'run-1', 'run-2', 'run-3', 'run-6']],
    [66, "params.model LIKE '%nn'", [], ['run-6', 'run-3', 'run-2', 'run-1']],
    [67, "attributes.run_id IN ('43fb34c6fcb24b718aff86a2b312cdab', '89aacb7312e344f8ab0b6dd1c49858fa')", [], ['baseline-4', 'run-1']],
    [68, "attributes.status = 'FAILED'", [], ['run-3']],
    [69, 'attributes.start_time >= 1795447849568', ['attributes.start_time ASC'], ['baseline-4', 'Run-5', 'run-6']],
    [70, "metrics.acc > 0.5 AND params.model = 'cnn' AND tags.team = 'red'", [], ['run-6', 'run-3', 'run-1']],
    [71, "tags.`mlflow.runName` = 'run-2'", [], ['run-2']],
    [72, 'metrics.loss <= 1.0', ['metrics.loss ASC'], ['Run-5', 'run-1', 'run-2']],
    [73, '', ['metrics.acc DESC'], ['Run-5', 'run-1', 'run-6', 'run-2', 'run-3', 'baseline-4']],
    [74, '', ['params.model ASC', 'attributes.start_time DESC'], ['run-6', 'run-3', 'run-1', 'baseline-4', 'run-2', 'Run-5']],
    [75, "attributes.status != 'RUNNING'", ['tags.team DESC', 'attributes.run_name'], ['run-1', 'run-3', 'baseline-4', 'Run-5', 'run-2']],
    [78, "tags.team = 'blue'", [], ['Run-5', 'run-2']],
  ];
  for (const [seq, filter, orderBy, expected] of cases) {
    it(`seq ${seq}: ${JSON.stringify(filter)} ${JSON.stringify(orderBy)}`, () => assert.deepEqual(runNames(db, 3, filter, orderBy), expected));
  }
  it('seq 79-82: paging', () => {
    assert.deepEqual(runNames(db, 3, '', ['metrics.acc DESC'], { limit: 3, offset: 0 }), ['Run-5', 'run-1', 'run-6']);
    const byName = (offset: number): string[] => runNames(db, 3, '', ['attributes.run_name ASC'], { limit: 2, offset });
    assert.deepEqual([byName(0), byName(decodePageToken('eyJvZmZzZXQiOiAyfQ==')), byName(decodePageToken('eyJvZmZzZXQiOiA0fQ=='))], [
      ['Run-5', 'baseline-4'],
      ['run-1', 'run-2'],
      ['run-3', 'run-6'],
    ]);
  });
});

describe('run search SQL: NaN, missing keys, ties, LIKE, datasets', () => {
  let db: DatabaseSync;
  before(() => {
    db = openDb();
    db.prepare("INSERT INTO experiments (experiment_id, name, artifact_location, creation_time, last_update_time) VALUES (1, 'e', 'x', 0, 0), (2, 'f', 'y', 0, 0)").run();
    seedRuns(db, [
      { id: 'a1', name: 'alpha', exp: 1, start: T0 + 1, end: T0 + 10, metrics: { acc: 0.5, 'my metric': 1 }, params: { lr: '0.1', 'batch size': '32' }, tags: { team: 'Red' }, datasets: [{ name: 'train-set', digest: 'd1', context: 'training' }] },
      { id: 'b2', name: 'Beta', exp: 1, start: T0 + 2, metrics: { acc: NaN }, params: { lr: '0.01' }, tags: { team: 'red' }, datasets: [{ name: 'eval-set', digest: 'd2', context: 'eval' }] },
      { id: 'c3', name: 'gamma', exp: 1, start: T0 + 3, end: T0 + 5, metrics: { acc: 0.9 }, tags: { team: 'blue' } },
      { id: 'd4', name: 'delta', exp: 1, start: T0 + 3, end: T0 + 20, metrics: { acc: 0.5 } },
      { id: 'e5', name: 'eps', exp: 1, start: T0 + 5, params: { lr: '0.1' } },
      { id: 'f6', name: 'zeta', exp: 1, start: T0 + 6, metrics: { acc: 0 }, stage: 'deleted' },
      { id: 'g7', name: 'other-exp', exp: 2, start: T0 + 7, metrics: { acc: 0.99 } },
    ]);
  });
  const cases: [string, string[], string[]][] = [
    // NaN matches only != ; missing keys never match.
    ['metrics.acc = 0', [], []],
    ['metrics.acc >= 0', [], ['gamma', 'delta', 'alpha']],
    ['metrics.acc != 0.5', [], ['gamma', 'Beta']],
    ['metrics.acc < 1', [], ['gamma', 'delta', 'alpha']],
    ['metrics.`my metric` = 1', [], ['alpha']],
    ["params.`batch size` = '32'", [], ['alpha']],
    ["params.lr != '0.1'", [], ['Beta']],
    ['params.lr IS NULL', [], ['gamma', 'delta']],
    ['params.lr IS NOT NULL', [], ['eps', 'Beta', 'alpha']],
    ["tags.team LIKE 'r%'", [], ['Beta']],
    ["tags.team ILIKE 'r%'", [], ['Beta', 'alpha']],
    ["tags.team LIKE 'R_d'", [], ['alpha']],
    ['tags.team IS NULL', [], ['eps', 'delta']],
    ["attributes.run_name LIKE '%ta'", [], ['delta', 'Beta']],
    ["attributes.run_name ILIKE 'b%'", [], ['Beta']],
    ["attributes.run_name = 'beta'", [], []],
    ["attributes.run_id NOT IN ('a1', 'b2')", [], ['eps', 'gamma', 'delta']],
    ['attributes.end_time > 0', [], ['gamma', 'delta', 'alpha']],
    ["datasets.name = 'train-set'", [], ['alpha']],
    ["datasets.digest IN ('d1', 'd2')", [], ['Beta', 'alpha']],
    ["datasets.context = 'eval'", [], ['Beta']],
    ["datasets.context ILIKE 'TRAIN%'", [], ['alpha']],
    ["datasets.name != 'train-set'", [], ['Beta']],
    // Ordering: real values, then NaN, then missing, in both directions; ties by start_time DESC, run_uuid.
    ['', ['metrics.acc ASC'], ['delta', 'alpha', 'gamma', 'Beta', 'eps']],
    ['', ['metrics.acc DESC'], ['gamma', 'delta', 'alpha', 'Beta', 'eps']],
    ['', ['params.lr DESC'], ['eps', 'alpha', 'Beta', 'gamma', 'delta']],
    ['', ['params.lr ASC'], ['Beta', 'eps', 'alpha', 'gamma', 'delta']],
    ['', ['attributes.end_time ASC'], ['gamma', 'alpha', 'delta', 'eps', 'Beta']],
    ['', ['attributes.end_time DESC'], ['delta', 'alpha', 'gamma', 'eps', 'Beta']],
    ['', ['attributes.start_time ASC'], ['alpha', 'Beta', 'gamma', 'delta', 'eps']],
    ['', ['metrics.acc ASC', 'attributes.run_id DESC'], ['delta', 'alpha', 'gamma', 'Beta', 'eps']],
    ['', ['tags.team ASC', 'metrics.acc DESC'], ['alpha', 'gamma', 'Beta', 'delta', 'eps']],
    ['', [], ['eps', 'gamma', 'delta', 'Beta', 'alpha']],
  ];
  for (const [filter, orderBy, expected] of cases) {
    it(`${JSON.stringify(filter)} ${JSON.stringify(orderBy)}`, () => assert.deepEqual(runNames(db, 1, filter, orderBy), expected));
  }
  it('binds JOIN parameters before WHERE parameters', () => {
    const o = compileRunOrderBy([parseOrderBy('metrics.acc', 'runs'), parseOrderBy('tags.team DESC', 'runs')]);
    assert.deepEqual(o.params, ['acc', 'team']);
    assert.equal((o.joins.match(/\?/g) ?? []).length, 2);
    const f = compileRunFilter(parseFilter("metrics.acc > 0.5 AND tags.team = 'red'", 'runs'));
    assert.deepEqual(f.params, ['acc', 0.5, 'team', 'red']);
    assert.equal(f.where.join(' ').match(/\?/g)?.length, 4);
  });
  it('rejects duplicate order_by fields, including an alias of the same field', () => {
    expectInvalid(() => compileRunOrderBy([parseOrderBy('created', 'runs'), parseOrderBy('attributes.start_time DESC', 'runs')]), 'duplicate', 'start_time');
  });
  it('uses MLflow default order when none is given', () => {
    assert.equal(compileRunOrderBy([]).orderBy, 'runs.start_time DESC, runs.run_uuid ASC');
  });
  it('does not repeat the start_time tie-breaker', () => {
    const { orderBy } = compileRunOrderBy([parseOrderBy('attributes.start_time ASC', 'runs')]);
    assert.equal(orderBy.match(/runs\.start_time/g)?.length, 2, orderBy);
    assert.ok(!orderBy.includes('runs.start_time DESC'), orderBy);
  });
  it('keeps user text out of the SQL', () => {
    const f = compileRunFilter(parseFilter("tags.`x'; DROP TABLE runs; --` = 'y''; --'", 'runs'));
    assert.ok(!f.where.join(' ').includes('DROP'), f.where.join(' '));
    assert.deepEqual(runNames(db, 1, "tags.`x'; DROP TABLE runs; --` = 'y''; --'"), []);
  });
});

describe('experiment search SQL', () => {
  let db: DatabaseSync;
  before(() => {
    db = openDb();
    // Experiments of the transcript (seq 85-89), creation times as recorded.
    const rows: [number, string, number, Record<string, string>][] = [
      [0, 'Default', 1795447833647, {}],
      [1, 'my-first-ml-project', 1795447841535, {}],
      [2, 'params-metrics-demo', 1795447848335, {}],
      [3, 'search-demo', 1795447849065, { purpose: 'search' }],
      [4, 'search-demo-extra-0', 1795447851561, { purpose: 'paging' }],
      [5, 'search-demo-extra-1', 1795447851591, { purpose: 'paging' }],
      [6, 'Tie-A', 1795447851591, { Purpose: 'x' }],
    ];
    for (const [id, name, t, tags] of rows) {
      db.prepare('INSERT INTO experiments (experiment_id, name, artifact_location, creation_time, last_update_time) VALUES (?, ?, ?, ?, ?)').run(id, name, `mlflow-artifacts:/${id}`, t, t);
      for (const [k, v] of Object.entries(tags)) db.prepare('INSERT INTO experiment_tags (experiment_id, key, value) VALUES (?, ?, ?)').run(id, k, v);
    }
  });
  const names = (filter: string, orderBy: string[] = []): string[] => {
    const f = compileExperimentFilter(parseFilter(filter, 'experiments'));
    const o = compileExperimentOrderBy(orderBy.map((x) => parseOrderBy(x, 'experiments')));
    const where = f.where.length ? `WHERE ${f.where.join(' AND ')}` : '';
    return (db.prepare(`SELECT name FROM experiments ${o.joins} ${where} ORDER BY ${o.orderBy}`).all(...(o.params as SQLInputValue[]), ...(f.params as SQLInputValue[])) as { name: string }[]).map((r) => r.name);
  };
  it('seq 85: name LIKE with name DESC', () => assert.deepEqual(names("name LIKE 'search-demo%'", ['name DESC']), ['search-demo-extra-1', 'search-demo-extra-0', 'search-demo']));
  it('seq 86: tag equality in default order', () => assert.deepEqual(names("tags.purpose = 'paging'"), ['search-demo-extra-1', 'search-demo-extra-0']));
  it('default order is creation_time DESC, experiment_id ASC', () =>
    assert.deepEqual(names(''), ['search-demo-extra-1', 'Tie-A', 'search-demo-extra-0', 'search-demo', 'params-metrics-demo', 'my-first-ml-project', 'Default']));
  it('an explicit order without experiment_id breaks ties by experiment_id DESC', () =>
    assert.deepEqual(names('', ['creation_time DESC']).slice(0, 3), ['Tie-A', 'search-demo-extra-1', 'search-demo-extra-0']));
  it('ILIKE is case-insensitive, LIKE is not', () => {
    assert.deepEqual(names("name LIKE 'tie%'"), []);
    assert.deepEqual(names("name ILIKE 'tie%'"), ['Tie-A']);
  });
  it('tag keys are case-sensitive and IS NULL means no such tag', () => {
    assert.deepEqual(names("tags.purpose != 'search'"), ['search-demo-extra-1', 'search-demo-extra-0']);
    assert.deepEqual(names('tags.purpose IS NULL', ['experiment_id ASC']), ['Default', 'my-first-ml-project', 'params-metrics-demo', 'Tie-A']);
  });
  it('numeric attributes', () => assert.deepEqual(names('creation_time > 1795447851561 AND last_update_time <= 1795447851591', ['name ASC']), ['Tie-A', 'search-demo-extra-1']));
});

describe('logged model search SQL', () => {
  let db: DatabaseSync;
  before(() => {
    db = openDb();
    db.prepare("INSERT INTO experiments (experiment_id, name, artifact_location, creation_time, last_update_time) VALUES (1, 'e', 'x', 0, 0)").run();
    db.prepare("INSERT INTO runs (run_uuid, name, experiment_id, status, start_time, artifact_uri) VALUES ('r', 'r', 1, 'RUNNING', 0, 'x')").run();
    const models: [string, string, number, string, string | null][] = [
      ['m-1', 'images', 100, 'LOGGED_MODEL_READY', 'sklearn'],
      ['m-2', 'notes', 200, 'LOGGED_MODEL_PENDING', null],
      ['m-3', 'images', 300, 'LOGGED_MODEL_READY', 'torch'],
    ];
    for (const [id, name, t, status, type] of models) {
      db.prepare('INSERT INTO logged_models (model_id, experiment_id, name, artifact_location, creation_timestamp_ms, last_updated_timestamp_ms, status, model_type) VALUES (?, 1, ?, ?, ?, ?, ?, ?)').run(id, name, 'x', t, t, status, type);
    }
    db.prepare("INSERT INTO logged_model_params (model_id, key, value) VALUES ('m-1', 'lr', '0.1'), ('m-3', 'lr', '0.2')").run();
    db.prepare("INSERT INTO logged_model_tags (model_id, key, value) VALUES ('m-2', 'stage', 'dev')").run();
    // m-1's latest acc is 0.7 (older 0.95 must be ignored); m-2's is NaN; m-3 has none.
    // History rows hang off a series row (run, key) in latest_metrics.
    db.prepare("INSERT INTO latest_metrics (series_id, run_uuid, key, value, is_nan, timestamp, step) VALUES (1, 'r', 'acc', 0.7, 0, 2, 0)").run();
    const metric = db.prepare('INSERT INTO metrics (series_id, value, is_nan, timestamp, step, model_id) VALUES (1, ?, ?, ?, 0, ?)');
    metric.run(0.95, 0, 1, 'm-1');
    metric.run(0.7, 0, 2, 'm-1');
    metric.run(0, 1, 1, 'm-2');
  });
  const ids = (filter: string, orderBy: string[] = []): string[] => {
    const f = compileLoggedModelFilter(parseFilter(filter, 'logged_models'));
    const o = compileLoggedModelOrderBy(orderBy.map((x) => parseOrderBy(x, 'logged_models')));
    const where = f.where.length ? `WHERE ${f.where.join(' AND ')}` : '';
    return (db.prepare(`SELECT logged_models.model_id AS id FROM logged_models ${o.joins} ${where} ORDER BY ${o.orderBy}`).all(...(o.params as SQLInputValue[]), ...(f.params as SQLInputValue[])) as { id: string }[]).map((r) => r.id);
  };
  it("name = 'images' in the default order (newest first)", () => assert.deepEqual(ids("name = 'images'"), ['m-3', 'm-1']));
  it('IN on a string attribute', () => assert.deepEqual(ids("status IN ('LOGGED_MODEL_PENDING')"), ['m-2']));
  it('NULL model_type never matches !=', () => assert.deepEqual(ids("model_type != 'torch'"), ['m-1']));
  it('metrics use the latest value and skip NaN', () => {
    assert.deepEqual(ids('metrics.acc > 0.8'), []);
    assert.deepEqual(ids('metrics.acc < 0.8'), ['m-1']);
    assert.deepEqual(ids('metrics.acc != 0.7'), ['m-2']);
  });
  it('params and tags', () => {
    assert.deepEqual(ids("params.lr LIKE '0.%'"), ['m-3', 'm-1']);
    assert.deepEqual(ids('tags.stage IS NULL'), ['m-3', 'm-1']);
  });
  it('orders by metric with NaN then missing last', () => {
    assert.deepEqual(ids('', ['metrics.acc DESC']), ['m-1', 'm-2', 'm-3']);
    assert.deepEqual(ids('', ['creation_time ASC']), ['m-1', 'm-2', 'm-3']);
    assert.deepEqual(ids('', ['name DESC']), ['m-2', 'm-3', 'm-1']);
  });
});
