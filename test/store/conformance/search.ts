/**
 * Search conformance: MLflow's filter/order_by grammar and paging, checked through the store
 * contract so every backend answers the same runs in the same order. Expected orders follow
 * MLflow's SQL store: default `start_time DESC, run_id ASC`; metric sorts put NaN after real
 * values and missing keys last in both directions; other keys put missing values last.
 *
 * Expected results are exact and ordered. A nested array is a group of runs that tie on every
 * sort key; MLflow breaks that tie by run_id ascending, so the group is expanded in run_id order.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MlflowError } from '../../../src/mlflow/errors.ts';
import type { ViewType } from '../../../src/mlflow/limits.ts';
import type { Experiment, Page, Run, TrackingStore } from '../../../src/store/contract.ts';
import type { StoreFactory } from './factory.ts';

type RunName = 'alpha' | 'Beta' | 'gamma' | 'delta' | 'epsilon' | 'zeta' | 'eta' | 'theta';
type Expected = (RunName | RunName[])[];

interface Ctx {
  store: TrackingStore;
  /** The experiment holding the main runs, and a second one. */
  exp: string;
  exp2: string;
  ids: Record<RunName, string>;
  experiments: Record<string, Experiment>;
}

interface RunCase {
  label?: string;
  filter?: string | ((ctx: Ctx) => string);
  orderBy?: string[];
  view?: ViewType;
  bothExperiments?: boolean;
  expect: Expected;
}

interface ErrorCase {
  filter?: string;
  orderBy?: string[];
  /** The offending token: the error message must quote it. */
  token: string;
}

const T = 1_700_000_000_000;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function rejectsInvalid(promise: Promise<unknown>, token: string): Promise<void> {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof MlflowError, `expected MlflowError, got ${String(err)}`);
    assert.equal(err.code, 'INVALID_PARAMETER_VALUE');
    assert.ok(err.message.includes(token), `message ${JSON.stringify(err.message)} should name the token ${JSON.stringify(token)}`);
    return true;
  });
}

function expand(ctx: Ctx, expected: Expected): string[] {
  return expected.flatMap((e) => (Array.isArray(e) ? [...e].sort((a, b) => (ctx.ids[a] < ctx.ids[b] ? -1 : 1)) : [e]));
}

function names(page: Page<Run>): string[] {
  return page.items.map((r) => r.info.run_name);
}

/** The seeded runs: name, experiment, start offset, and what they log. Comments give latest metric values. */
async function seed(store: TrackingStore): Promise<Ctx> {
  const exp = await store.createExperiment({ name: 'search-conf', tags: [{ key: 'purpose', value: 'search' }, { key: 'owner', value: 'alice' }] });
  await sleep(3);
  const exp2 = await store.createExperiment({ name: 'search-conf-b', tags: [{ key: 'purpose', value: 'other' }] });
  await sleep(3);
  const exp3 = await store.createExperiment({ name: 'Search-Conf-C' });
  await sleep(3);
  const expDeleted = await store.createExperiment({ name: 'search-conf-deleted' });
  await store.deleteExperiment(expDeleted);

  const ids = {} as Record<RunName, string>;
  const create = async (name: RunName, experiment: string, start: number, user: string): Promise<string> => {
    const run = await store.createRun({ experiment_id: experiment, run_name: name, start_time: T + start, user_id: user });
    ids[name] = run.info.run_id;
    return run.info.run_id;
  };
  const dataset = (name: string, digest: string, context?: string) => ({
    tags: context ? [{ key: 'mlflow.data.context', value: context }] : [],
    dataset: { name, digest, source_type: 'local', source: `file:///data/${name}` },
  });

  // alpha: acc 0.5 (step 1 overrides 0.9 at step 0), loss 1, `my metric` 3
  const alpha = await create('alpha', exp, 100, 'alice');
  await store.logBatch({
    run_id: alpha,
    metrics: [
      { key: 'acc', value: 0.9, timestamp: T + 110, step: 0 },
      { key: 'acc', value: 0.5, timestamp: T + 120, step: 1 },
      { key: 'loss', value: 1, timestamp: T + 110, step: 0 },
      { key: 'my metric', value: 3, timestamp: T + 110, step: 0 },
    ],
    params: [
      { key: 'lr', value: '0.1' },
      { key: 'model', value: 'cnn' },
      { key: 'batch size', value: '32' },
    ],
    tags: [
      { key: 'team', value: 'Red' },
      { key: 'mlflow.note', value: 'x y' },
    ],
  });
  await store.updateRun({ run_id: alpha, status: 'FINISHED', end_time: T + 200 });
  await store.logInputs(alpha, [dataset('train-set', 'd1', 'training')], []);

  // Beta: acc NaN (latest), loss 2
  const beta = await create('Beta', exp, 200, 'bob');
  await store.logBatch({
    run_id: beta,
    metrics: [
      { key: 'acc', value: 0.7, timestamp: T + 210, step: 0 },
      { key: 'acc', value: NaN, timestamp: T + 220, step: 1 },
      { key: 'loss', value: 2, timestamp: T + 210, step: 0 },
    ],
    params: [
      { key: 'lr', value: '0.01' },
      { key: 'model', value: 'rnn' },
    ],
    tags: [{ key: 'team', value: 'red' }],
  });
  await store.updateRun({ run_id: beta, status: 'FAILED', end_time: T + 300 });
  await store.logInputs(beta, [dataset('eval-set', 'd2', 'eval')], []);

  // gamma: acc 0.9, loss 0.5; starts at the same time as delta
  const gamma = await create('gamma', exp, 300, 'alice');
  await store.logBatch({
    run_id: gamma,
    metrics: [
      { key: 'acc', value: 0.9, timestamp: T + 310, step: 0 },
      { key: 'loss', value: 0.5, timestamp: T + 310, step: 0 },
    ],
    params: [{ key: 'model', value: 'CNN' }],
    tags: [{ key: 'team', value: 'blue' }],
  });
  await store.updateRun({ run_id: gamma, status: 'FINISHED', end_time: T + 350 });
  await store.logInputs(gamma, [dataset('train-set', 'd1', 'eval')], []);

  // delta: acc 0.5 (ties alpha), still RUNNING (no end_time), no tags of its own
  const delta = await create('delta', exp, 300, 'bob');
  await store.logBatch({ run_id: delta, metrics: [{ key: 'acc', value: 0.5, timestamp: T + 310, step: 0 }], params: [{ key: 'lr', value: '0.1' }] });

  // epsilon: no metrics
  const epsilon = await create('epsilon', exp, 500, 'carol');
  await store.logBatch({
    run_id: epsilon,
    params: [
      { key: 'lr', value: '0.001' },
      { key: 'model', value: 'linear' },
    ],
    tags: [{ key: 'team', value: 'green' }],
  });
  await store.updateRun({ run_id: epsilon, status: 'KILLED', end_time: T + 600 });

  // zeta: acc 0, loss +Infinity
  const zeta = await create('zeta', exp, 600, 'alice');
  await store.logBatch({
    run_id: zeta,
    metrics: [
      { key: 'acc', value: 0, timestamp: T + 610, step: 0 },
      { key: 'loss', value: Infinity, timestamp: T + 610, step: 0 },
    ],
    params: [{ key: 'model', value: 'cnn' }],
    tags: [{ key: 'team', value: 'red' }],
  });
  await store.updateRun({ run_id: zeta, status: 'FINISHED', end_time: T + 700 });

  // eta: would match most filters, but is deleted
  const eta = await create('eta', exp, 700, 'alice');
  await store.logBatch({ run_id: eta, metrics: [{ key: 'acc', value: 0.99, timestamp: T + 710, step: 0 }], params: [{ key: 'model', value: 'cnn' }], tags: [{ key: 'team', value: 'red' }] });
  await store.deleteRun(eta);

  // theta: in the second experiment
  const theta = await create('theta', exp2, 800, 'alice');
  await store.logBatch({ run_id: theta, metrics: [{ key: 'acc', value: 0.95, timestamp: T + 810, step: 0 }], params: [{ key: 'model', value: 'cnn' }] });

  const experiments: Record<string, Experiment> = {};
  for (const id of [exp, exp2, exp3]) {
    const e = await store.getExperiment(id);
    experiments[e.name] = e;
  }
  return { store, exp, exp2, ids, experiments };
}

const ACTIVE_DEFAULT: Expected = ['zeta', 'epsilon', ['gamma', 'delta'], 'Beta', 'alpha'];

const RUN_CASES: RunCase[] = [
  // ---- metrics: numeric comparators on the latest value; NaN only matches !=, missing never
  { filter: 'metrics.acc > 0.5', expect: ['gamma'] },
  { filter: 'metrics.acc >= 0.5', expect: [['gamma', 'delta'], 'alpha'] },
  { filter: 'metrics.acc = 0.5', expect: ['delta', 'alpha'] },
  { filter: 'metrics.acc != 0.5', expect: ['zeta', 'gamma', 'Beta'] },
  { filter: 'metrics.acc < 0.5', expect: ['zeta'] },
  { filter: 'metrics.acc <= 0', expect: ['zeta'] },
  { filter: 'metrics.acc = 0', expect: ['zeta'] },
  { filter: 'metrics.acc > 0.85', expect: ['gamma'] },
  { filter: 'metrics.loss > 100', expect: ['zeta'] },
  { filter: 'metrics.`my metric` = 3', expect: ['alpha'] },
  { filter: 'metrics."my metric" >= 3', expect: ['alpha'] },
  { filter: 'metric.acc > -1 AND metrics.loss < 1.5', expect: ['gamma', 'alpha'] },
  { filter: 'metrics.acc > 0.95', expect: [] },
  { filter: 'metrics.no_such_key != 1', expect: [] },
  // ---- params: = != LIKE ILIKE IS [NOT] NULL; LIKE is case-sensitive
  { filter: "params.model = 'cnn'", expect: ['zeta', 'alpha'] },
  { filter: "params.model != 'cnn'", expect: ['epsilon', 'gamma', 'Beta'] },
  { filter: "params.model LIKE 'c%'", expect: ['zeta', 'alpha'] },
  { filter: "params.model ILIKE 'c%'", expect: ['zeta', 'gamma', 'alpha'] },
  { filter: "params.model LIKE '_nn'", expect: ['zeta', 'Beta', 'alpha'] },
  { filter: 'params.lr IS NULL', expect: ['zeta', 'gamma'] },
  { filter: 'params.lr IS NOT NULL', expect: ['epsilon', 'delta', 'Beta', 'alpha'] },
  { filter: "params.`batch size` = '32'", expect: ['alpha'] },
  { filter: 'parameters.lr = "0.1"', expect: ['delta', 'alpha'] },
  { filter: "params.lr = '0.1' and params.model = 'cnn'", expect: ['alpha'] },
  // ---- tags
  { filter: "tags.team = 'red'", expect: ['zeta', 'Beta'] },
  { filter: "tags.team != 'red'", expect: ['epsilon', 'gamma', 'alpha'] },
  { filter: "tags.team LIKE 'r%'", expect: ['zeta', 'Beta'] },
  { filter: "tags.team ILIKE 'R%'", expect: ['zeta', 'Beta', 'alpha'] },
  { filter: 'tags.team IS NULL', expect: ['delta'] },
  { filter: 'tag.team IS NOT NULL', expect: ['zeta', 'epsilon', 'gamma', 'Beta', 'alpha'] },
  { filter: "tags.`mlflow.note` = 'x y'", expect: ['alpha'] },
  { filter: "tags.\"mlflow.runName\" = 'gamma'", expect: ['gamma'] },
  { filter: "tags.mlflow.runName LIKE '%ta'", expect: ['zeta', 'delta', 'Beta'] },
  // ---- string attributes
  { filter: "attributes.run_name = 'alpha'", expect: ['alpha'] },
  { filter: "attributes.run_name LIKE '%ta'", expect: ['zeta', 'delta', 'Beta'] },
  { filter: "run_name ILIKE 'b%'", expect: ['Beta'] },
  { filter: "attributes.run_name != 'alpha'", expect: ['zeta', 'epsilon', ['gamma', 'delta'], 'Beta'] },
  { filter: "\"run name\" = 'gamma'", expect: ['gamma'] },
  { filter: "attributes.status = 'FINISHED'", expect: ['zeta', 'gamma', 'alpha'] },
  { filter: "attributes.status != 'FINISHED'", expect: ['epsilon', 'delta', 'Beta'] },
  { filter: "attributes.status LIKE 'F%'", expect: ['zeta', 'gamma', 'Beta', 'alpha'] },
  { filter: "attr.status ILIKE 'running'", expect: ['delta'] },
  { filter: "attributes.user_id = 'alice'", expect: ['zeta', 'gamma', 'alpha'] },
  { label: 'attributes.run_id IN (alpha, gamma)', filter: (c) => `attributes.run_id IN ('${c.ids.alpha}', '${c.ids.gamma}')`, expect: ['gamma', 'alpha'] },
  { label: 'attributes.run_id NOT IN (alpha, zeta)', filter: (c) => `attributes.run_id NOT IN ('${c.ids.alpha}', '${c.ids.zeta}')`, expect: ['epsilon', ['gamma', 'delta'], 'Beta'] },
  { label: 'attributes.run_id = delta', filter: (c) => `attributes.run_id = '${c.ids.delta}'`, expect: ['delta'] },
  { label: 'attributes.artifact_uri LIKE %<Beta id>%', filter: (c) => `attributes.artifact_uri LIKE '%${c.ids.Beta}%'`, expect: ['Beta'] },
  // ---- numeric attributes
  { filter: `attributes.start_time >= ${T + 300}`, expect: ['zeta', 'epsilon', ['gamma', 'delta']] },
  { filter: `created < ${T + 300}`, expect: ['Beta', 'alpha'] },
  { filter: `attributes.end_time > ${T + 300}`, expect: ['zeta', 'epsilon', 'gamma'] },
  { filter: 'attributes.end_time != 0', expect: ['zeta', 'epsilon', 'gamma', 'Beta', 'alpha'] },
  { filter: `run.start_time = ${T + 300}`, expect: [['gamma', 'delta']] },
  // ---- datasets
  { filter: "datasets.name = 'train-set'", expect: ['gamma', 'alpha'] },
  { filter: "datasets.digest IN ('d2')", expect: ['Beta'] },
  { filter: "dataset.context = 'eval'", expect: ['gamma', 'Beta'] },
  { filter: "datasets.context LIKE 'train%'", expect: ['alpha'] },
  { filter: "datasets.name NOT IN ('train-set')", expect: ['Beta'] },
  { filter: "datasets.name ILIKE 'EVAL%'", expect: ['Beta'] },
  // ---- conjunctions
  { filter: "metrics.acc >= 0.5 AND params.lr = '0.1' AND tags.team IS NULL", expect: ['delta'] },
  { filter: "params.model ILIKE 'cnn' and attributes.status = 'FINISHED' and metrics.acc > 0.6", expect: ['gamma'] },
  // ---- order_by
  { orderBy: [], expect: ACTIVE_DEFAULT },
  { orderBy: ['metrics.acc ASC'], expect: ['zeta', 'delta', 'alpha', 'gamma', 'Beta', 'epsilon'] },
  { orderBy: ['metrics.acc DESC'], expect: ['gamma', 'delta', 'alpha', 'zeta', 'Beta', 'epsilon'] },
  { orderBy: ['metrics.loss DESC'], expect: ['zeta', 'Beta', 'alpha', 'gamma', 'epsilon', 'delta'] },
  { orderBy: ['metrics.loss'], expect: ['gamma', 'alpha', 'Beta', 'zeta', 'epsilon', 'delta'] },
  { orderBy: ['params.lr ASC'], expect: ['epsilon', 'Beta', 'delta', 'alpha', 'zeta', 'gamma'] },
  { orderBy: ['params.lr DESC'], expect: ['delta', 'alpha', 'Beta', 'epsilon', 'zeta', 'gamma'] },
  { orderBy: ['tags.team ASC'], expect: ['alpha', 'gamma', 'epsilon', 'zeta', 'Beta', 'delta'] },
  { orderBy: ['tags.team DESC'], expect: ['zeta', 'Beta', 'epsilon', 'gamma', 'alpha', 'delta'] },
  { orderBy: ['attributes.run_name ASC'], expect: ['Beta', 'alpha', 'delta', 'epsilon', 'gamma', 'zeta'] },
  { orderBy: ['attributes.run_name DESC'], expect: ['zeta', 'gamma', 'epsilon', 'delta', 'alpha', 'Beta'] },
  { orderBy: ['attributes.start_time ASC'], expect: ['alpha', 'Beta', ['gamma', 'delta'], 'epsilon', 'zeta'] },
  { orderBy: ['created DESC'], expect: ACTIVE_DEFAULT },
  { orderBy: ['attributes.end_time ASC'], expect: ['alpha', 'Beta', 'gamma', 'epsilon', 'zeta', 'delta'] },
  { orderBy: ['attributes.end_time DESC'], expect: ['zeta', 'epsilon', 'gamma', 'Beta', 'alpha', 'delta'] },
  { orderBy: ['attributes.status ASC', 'attributes.run_name DESC'], expect: ['Beta', 'zeta', 'gamma', 'alpha', 'epsilon', 'delta'] },
  { orderBy: ['params.model ASC', 'metrics.acc DESC'], expect: ['gamma', 'alpha', 'zeta', 'epsilon', 'Beta', 'delta'] },
  { orderBy: ['attributes.user_id'], expect: ['zeta', 'gamma', 'alpha', 'delta', 'Beta', 'epsilon'] },
  { orderBy: ['attributes.run_id ASC'], expect: [['alpha', 'Beta', 'gamma', 'delta', 'epsilon', 'zeta']] },
  { filter: 'metrics.acc >= 0', orderBy: ['metrics.acc ASC'], expect: ['zeta', 'delta', 'alpha', 'gamma'] },
  // ---- run_view_type and several experiments
  { view: 'DELETED_ONLY', expect: ['eta'] },
  { view: 'ALL', expect: ['eta', 'zeta', 'epsilon', ['gamma', 'delta'], 'Beta', 'alpha'] },
  { view: 'ALL', filter: 'metrics.acc > 0.95', expect: ['eta'] },
  { view: 'DELETED_ONLY', filter: "params.model = 'rnn'", expect: [] },
  { view: 'ACTIVE_ONLY', filter: 'metrics.acc > 0.95', expect: [] },
  { bothExperiments: true, filter: 'metrics.acc > 0.9', expect: ['theta'] },
  { bothExperiments: true, filter: "params.model = 'cnn'", orderBy: ['metrics.acc DESC'], expect: ['theta', 'alpha', 'zeta'] },
];

const RUN_ERRORS: ErrorCase[] = [
  { filter: "params.lr > '1'", token: "'>'" },
  { filter: "metrics.acc LIKE '%'", token: "'LIKE'" },
  { filter: "params.lr IN ('a')", token: "('a')" },
  { filter: "attributes.status IN ('FINISHED')", token: "('FINISHED')" },
  { filter: "attributes.user_id IN ('alice')", token: "('alice')" },
  { filter: 'metrics.acc >>> 1', token: "'>>>'" },
  { filter: 'metrics.acc ~ 1', token: "'~'" },
  { filter: "tags.team == 'red'", token: "'=='" },
  { filter: 'params.model = cnn', token: "'cnn'" },
  { filter: 'metrics.acc > 1 OR metrics.loss < 1', token: "'OR'" },
  { filter: '(metrics.acc > 1)', token: "'('" },
  { filter: "attributes.foo = 'x'", token: "'foo'" },
  { filter: 'metricss.acc > 1', token: "'metricss'" },
  { filter: "metrics.acc = 'high'", token: "'high'" },
  { filter: "attributes.start_time = 'yesterday'", token: "'yesterday'" },
  { filter: "tags.team IS 'red'", token: "IS 'red'" },
  { filter: "tags.team NOT LIKE 'r%'", token: "'NOT LIKE'" },
  { filter: 'metrics.acc IS NULL', token: "'IS NULL'" },
  { filter: 'metrics.acc > 1 AND', token: "'AND'" },
  { filter: "metrics.acc > 1 params.lr = '0.1'", token: "'params.lr'" },
  { filter: 'attributes.run_id IN ()', token: "'()'" },
  { filter: "datasets.source = 'x'", token: "'source'" },
  { filter: "tags.team = 'red", token: "'red" },
  { filter: 'metrics.acc > 1e', token: "'1e'" },
  { filter: 'metrics.acc', token: "'metrics.acc'" },
  { orderBy: ['metrics.acc SIDEWAYS'], token: "'SIDEWAYS'" },
  { orderBy: ['attributes.foo'], token: "'foo'" },
  { orderBy: ['datasets.name'], token: "'datasets.name'" },
  { orderBy: ['metrics.acc DESC ASC'], token: "'ASC'" },
  { orderBy: ['metrics.acc', 'metrics.acc DESC'], token: 'metric.acc' },
];

export function searchConformance(factory: StoreFactory): void {
  let ctx: Ctx;
  before(async () => {
    ctx = await seed(await factory());
  });
  after(async () => {
    await ctx.store.close();
  });

  const searchRuns = (c: RunCase | ErrorCase, extra: { maxResults?: number; pageToken?: string } = {}): Promise<Page<Run>> =>
    ctx.store.searchRuns({
      experimentIds: 'bothExperiments' in c && c.bothExperiments ? [ctx.exp, ctx.exp2] : [ctx.exp],
      filter: typeof c.filter === 'function' ? c.filter(ctx) : c.filter,
      orderBy: c.orderBy,
      runViewType: 'view' in c ? c.view : undefined,
      ...extra,
    });

  describe('searchRuns: filters and order_by (exact, ordered results)', () => {
    for (const c of RUN_CASES) {
      const label = [
        c.label ?? (typeof c.filter === 'string' ? JSON.stringify(c.filter) : '(no filter)'),
        c.orderBy ? `order_by ${JSON.stringify(c.orderBy)}` : '',
        c.view ? c.view : '',
        c.bothExperiments ? 'two experiments' : '',
      ]
        .filter(Boolean)
        .join(' ');
      it(label, async () => {
        assert.deepEqual(names(await searchRuns(c)), expand(ctx, c.expect));
      });
    }
  });

  describe('searchRuns: invalid filters and order_by name the bad token', () => {
    for (const c of RUN_ERRORS) {
      it(`${c.filter !== undefined ? JSON.stringify(c.filter) : `order_by ${JSON.stringify(c.orderBy)}`} → INVALID_PARAMETER_VALUE naming ${c.token}`, async () => {
        await rejectsInvalid(searchRuns(c), c.token);
      });
    }
  });

  describe('searchRuns: paging', () => {
    it('walks the default order two at a time with MLflow page tokens', async () => {
      const p1 = await searchRuns({ expect: [] }, { maxResults: 2 });
      assert.deepEqual(names(p1), ['zeta', 'epsilon']);
      assert.equal(p1.nextPageToken, 'eyJvZmZzZXQiOiAyfQ==');
      const p2 = await searchRuns({ expect: [] }, { maxResults: 2, pageToken: p1.nextPageToken });
      assert.deepEqual(names(p2), expand(ctx, [['gamma', 'delta']]));
      assert.equal(p2.nextPageToken, 'eyJvZmZzZXQiOiA0fQ==');
      const p3 = await searchRuns({ expect: [] }, { maxResults: 2, pageToken: p2.nextPageToken });
      assert.deepEqual(names(p3), ['Beta', 'alpha']);
      assert.equal(p3.nextPageToken, undefined);
    });
    it('pages a metric order, NaN and missing last', async () => {
      const c: RunCase = { orderBy: ['metrics.acc DESC'], expect: [] };
      const p1 = await searchRuns(c, { maxResults: 4 });
      assert.deepEqual(names(p1), ['gamma', 'delta', 'alpha', 'zeta']);
      assert.ok(p1.nextPageToken);
      const p2 = await searchRuns(c, { maxResults: 4, pageToken: p1.nextPageToken });
      assert.deepEqual(names(p2), ['Beta', 'epsilon']);
      assert.equal(p2.nextPageToken, undefined);
    });
    it('gives no token when the last page is exactly full', async () => {
      const page = await searchRuns({ expect: [] }, { maxResults: 6 });
      assert.equal(page.items.length, 6);
      assert.equal(page.nextPageToken, undefined);
    });
    it('pages a filtered search', async () => {
      const c: RunCase = { filter: "tags.team != 'red'", orderBy: ['attributes.run_name'], expect: [] };
      const p1 = await searchRuns(c, { maxResults: 1 });
      assert.deepEqual(names(p1), ['alpha']);
      const p2 = await searchRuns(c, { maxResults: 5, pageToken: p1.nextPageToken });
      assert.deepEqual(names(p2), ['epsilon', 'gamma']);
    });
    it('returns runs with their data', async () => {
      const page = await searchRuns({ filter: "attributes.run_name = 'alpha'", expect: [] });
      const run = page.items[0]!;
      assert.equal(run.info.run_id, ctx.ids.alpha);
      assert.equal(run.data.metrics.find((m) => m.key === 'acc')?.value, 0.5);
      assert.deepEqual(run.data.params.find((p) => p.key === 'batch size'), { key: 'batch size', value: '32' });
      assert.equal(run.inputs.dataset_inputs[0]?.dataset.name, 'train-set');
    });
    it('rejects a malformed page token', async () => {
      await rejectsInvalid(searchRuns({ expect: [] }, { pageToken: 'not a token!' }), 'not a token!');
    });
  });

  describe('searchExperiments', () => {
    const exps = async (filter: string | undefined, orderBy?: string[], viewType?: ViewType, page?: { maxResults?: number; pageToken?: string }): Promise<Page<Experiment>> =>
      ctx.store.searchExperiments({ filter, orderBy, viewType, ...page });
    const expNames = (p: Page<Experiment>): string[] => p.items.map((e) => e.name);
    const cases: [string | undefined, string[] | undefined, ViewType | undefined, string[]][] = [
      ["name LIKE 'search-conf%'", ['name ASC'], undefined, ['search-conf', 'search-conf-b']],
      ["name ILIKE 'search-conf%'", ['name ASC'], undefined, ['Search-Conf-C', 'search-conf', 'search-conf-b']],
      ["name = 'search-conf'", undefined, undefined, ['search-conf']],
      ["name != 'Default' AND name ILIKE 'search%'", ['name DESC'], undefined, ['search-conf-b', 'search-conf', 'Search-Conf-C']],
      ["tags.purpose = 'search'", undefined, undefined, ['search-conf']],
      ["tags.purpose != 'search'", undefined, undefined, ['search-conf-b']],
      ["tags.purpose IS NULL AND name ILIKE 'search-conf%'", undefined, undefined, ['Search-Conf-C']],
      ['tags.purpose IS NOT NULL', ['name ASC'], undefined, ['search-conf', 'search-conf-b']],
      ["tags.owner LIKE 'ali%'", undefined, undefined, ['search-conf']],
      ["tags.owner LIKE 'ALI%'", undefined, undefined, []],
      ["tags.owner ILIKE 'ALI%'", undefined, undefined, ['search-conf']],
      ["name ILIKE 'search-conf%'", undefined, undefined, ['Search-Conf-C', 'search-conf-b', 'search-conf']],
      ["name ILIKE 'search-conf%'", ['creation_time ASC'], undefined, ['search-conf', 'search-conf-b', 'Search-Conf-C']],
      ["name ILIKE 'search-conf%'", ['experiment_id DESC'], undefined, ['Search-Conf-C', 'search-conf-b', 'search-conf']],
      [undefined, undefined, 'DELETED_ONLY', ['search-conf-deleted']],
      ["name ILIKE 'search-conf%'", ['name ASC'], 'ALL', ['Search-Conf-C', 'search-conf', 'search-conf-b', 'search-conf-deleted']],
      ["name = 'Default'", undefined, undefined, ['Default']],
    ];
    for (const [filter, orderBy, view, expected] of cases) {
      it(`${JSON.stringify(filter ?? '')} ${orderBy ? JSON.stringify(orderBy) : ''} ${view ?? ''}`, async () => {
        assert.deepEqual(expNames(await exps(filter, orderBy, view)), expected);
      });
    }
    it('filters on numeric attributes', async () => {
      const created = ctx.experiments['search-conf']!.creation_time;
      assert.deepEqual(expNames(await exps(`creation_time > ${created} AND name ILIKE 'search-conf%'`)), ['Search-Conf-C', 'search-conf-b']);
      assert.deepEqual(expNames(await exps(`creation_time <= ${created} AND last_update_time >= ${created} AND name ILIKE 'search%'`)), ['search-conf']);
    });
    it('pages with MLflow tokens', async () => {
      const p1 = await exps("name ILIKE 'search-conf%'", ['name DESC'], undefined, { maxResults: 2 });
      assert.deepEqual(expNames(p1), ['search-conf-b', 'search-conf']);
      assert.equal(p1.nextPageToken, 'eyJvZmZzZXQiOiAyfQ==');
      const p2 = await exps("name ILIKE 'search-conf%'", ['name DESC'], undefined, { maxResults: 2, pageToken: p1.nextPageToken });
      assert.deepEqual(expNames(p2), ['Search-Conf-C']);
      assert.equal(p2.nextPageToken, undefined);
    });
    const errors: [string | undefined, string[] | undefined, string][] = [
      ['metrics.acc > 1', undefined, "'metrics'"],
      ["name IN ('a')", undefined, "'IN'"],
      ["tags.purpose > 'a'", undefined, "'>'"],
      ["owner = 'alice'", undefined, "'owner'"],
      ['name = search', undefined, "'search'"],
      [undefined, ['tags.purpose'], "'tag'"],
      [undefined, ['name SIDEWAYS'], "'SIDEWAYS'"],
      [undefined, ['artifact_location'], "'artifact_location'"],
    ];
    for (const [filter, orderBy, token] of errors) {
      it(`rejects ${JSON.stringify(filter ?? orderBy)} naming ${token}`, async () => {
        await rejectsInvalid(exps(filter, orderBy), token);
      });
    }
  });

  describe('searchLoggedModels', () => {
    let models: Record<string, string>;
    before(async () => {
      models = {};
      const specs: [string, string, string | undefined][] = [
        ['m1', 'images', 'sklearn'],
        ['m2', 'notes', undefined],
        ['m3', 'images', 'torch'],
      ];
      for (const [label, name, type] of specs) {
        const m = await ctx.store.createLoggedModel({
          experiment_id: ctx.exp,
          name,
          ...(type ? { model_type: type } : {}),
          params: label === 'm2' ? [] : [{ key: 'lr', value: label === 'm1' ? '0.1' : '0.2' }],
          tags: label === 'm2' ? [{ key: 'stage', value: 'dev' }] : [],
        });
        models[label] = m.info.model_id;
        await sleep(3);
      }
    });
    const search = async (filter?: string, orderBy?: { field_name: string; ascending?: boolean }[]): Promise<string[]> => {
      const page = await ctx.store.searchLoggedModels({ experimentIds: [ctx.exp], filter, orderBy });
      const byId = Object.fromEntries(Object.entries(models).map(([k, v]) => [v, k]));
      return page.items.map((m) => byId[m.info.model_id] ?? m.info.model_id);
    };
    it("name = 'images' newest first", async () => assert.deepEqual(await search("name = 'images'"), ['m3', 'm1']));
    it('model_type IN (...)', async () => assert.deepEqual(await search("model_type IN ('sklearn', 'torch')"), ['m3', 'm1']));
    it("model_type LIKE '%ch'", async () => assert.deepEqual(await search("model_type LIKE '%ch'"), ['m3']));
    it("params.lr LIKE '0.%'", async () => assert.deepEqual(await search("params.lr LIKE '0.%'"), ['m3', 'm1']));
    it('tags.stage IS NULL', async () => assert.deepEqual(await search('tags.stage IS NULL'), ['m3', 'm1']));
    it('name IN (...) with order by name then creation time', async () =>
      assert.deepEqual(await search("name IN ('images', 'notes')", [{ field_name: 'name', ascending: false }]), ['m2', 'm3', 'm1']));
    it('creation_time ascending', async () => assert.deepEqual(await search(undefined, [{ field_name: 'creation_time', ascending: true }]), ['m1', 'm2', 'm3']));
    it('rejects bad filters naming the token', async () => {
      await rejectsInvalid(ctx.store.searchLoggedModels({ experimentIds: [ctx.exp], filter: "flavor = 'x'" }), "'flavor'");
      await rejectsInvalid(ctx.store.searchLoggedModels({ experimentIds: [ctx.exp], filter: 'metrics.acc > high' }), "'high'");
    });
  });
}
