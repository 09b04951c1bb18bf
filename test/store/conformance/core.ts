/**
 * The store conformance suite: one set of tests every backend must pass unchanged. A new backend
 * adds a factory (see sqlite.test.ts), never new tests.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MlflowError } from '../../../src/mlflow/errors.ts';
import type { TrackingStore } from '../../../src/store/contract.ts';
import type { StoreFactory } from './factory.ts';

async function rejectsWith(promise: Promise<unknown>, code: string, messagePart?: string): Promise<void> {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof MlflowError, `expected MlflowError, got ${String(err)}`);
    assert.equal(err.code, code);
    if (messagePart) assert.ok(err.message.includes(messagePart), `message ${JSON.stringify(err.message)} should include ${JSON.stringify(messagePart)}`);
    return true;
  });
}

export function coreConformance(factory: StoreFactory): void {
  let store: TrackingStore;
  before(async () => {
    store = await factory();
  });
  after(async () => {
    await store.close();
  });

  describe('experiments', () => {
    it('has the Default experiment with id 0', async () => {
      const e = await store.getExperiment('0');
      assert.equal(e.name, 'Default');
      assert.equal(e.lifecycle_stage, 'active');
      assert.equal(e.artifact_location, `${store.defaultArtifactRoot.replace(/\/$/, '')}/0`);
    });

    it('creates with sequential string ids, tags and an artifact location under the root', async () => {
      const id = await store.createExperiment({ name: 'exp-a', tags: [{ key: 'team', value: 'ml' }] });
      assert.match(id, /^\d+$/);
      const e = await store.getExperiment(id);
      assert.equal(e.name, 'exp-a');
      assert.deepEqual(e.tags, [{ key: 'team', value: 'ml' }]);
      assert.ok(e.artifact_location.endsWith(`/${id}`));
      assert.ok(e.creation_time > 0 && e.last_update_time >= e.creation_time);
      const again = await store.createExperiment({ name: 'exp-b' });
      assert.equal(Number(again), Number(id) + 1);
      assert.equal((await store.getExperimentByName('exp-b')).experiment_id, again);
    });

    it('rejects duplicates, empty and over-long names', async () => {
      await rejectsWith(store.createExperiment({ name: 'exp-a' }), 'RESOURCE_ALREADY_EXISTS', 'exp-a');
      await rejectsWith(store.createExperiment({ name: '' }), 'INVALID_PARAMETER_VALUE', 'name');
      await rejectsWith(store.createExperiment({ name: 'x'.repeat(501) }), 'INVALID_PARAMETER_VALUE', '500');
    });

    it('reports missing experiments as RESOURCE_DOES_NOT_EXIST', async () => {
      await rejectsWith(store.getExperiment('987654'), 'RESOURCE_DOES_NOT_EXIST', '987654');
      await rejectsWith(store.getExperiment('not-a-number'), 'RESOURCE_DOES_NOT_EXIST');
      await rejectsWith(store.getExperimentByName('nope'), 'RESOURCE_DOES_NOT_EXIST', "'nope'");
    });

    it('renames, deletes and restores; a deleted experiment cannot be renamed or take runs', async () => {
      const id = await store.createExperiment({ name: 'lifecycle' });
      const run = await store.createRun({ experiment_id: id });
      const userDeleted = await store.createRun({ experiment_id: id });
      await store.deleteRun(userDeleted.info.run_id);
      await store.renameExperiment(id, 'lifecycle-2');
      assert.equal((await store.getExperiment(id)).name, 'lifecycle-2');
      await rejectsWith(store.renameExperiment(id, 'exp-a'), 'RESOURCE_ALREADY_EXISTS');
      await store.deleteExperiment(id);
      assert.equal((await store.getExperiment(id)).lifecycle_stage, 'deleted');
      assert.equal((await store.getRun(run.info.run_id)).info.lifecycle_stage, 'deleted');
      await rejectsWith(store.renameExperiment(id, 'other'), 'INVALID_STATE');
      await rejectsWith(store.createRun({ experiment_id: id }), 'INVALID_PARAMETER_VALUE', "must be in the 'active' state");
      const deleted = await store.searchExperiments({ viewType: 'DELETED_ONLY' });
      assert.deepEqual(deleted.items.map((e) => e.experiment_id), [id]);
      await store.restoreExperiment(id);
      assert.equal((await store.getExperiment(id)).lifecycle_stage, 'active');
      // Restoring brings back the runs deleted with the experiment, not the one the user deleted.
      assert.equal((await store.getRun(run.info.run_id)).info.lifecycle_stage, 'active');
      assert.equal((await store.getRun(userDeleted.info.run_id)).info.lifecycle_stage, 'deleted');
    });

    it('refuses to delete the Default experiment', async () => {
      await rejectsWith(store.deleteExperiment('0'), 'INVALID_PARAMETER_VALUE');
    });

    it('sets, overwrites and deletes experiment tags with MLflow limits', async () => {
      const id = await store.createExperiment({ name: 'tagged' });
      await store.setExperimentTag(id, { key: 'stage', value: 'draft' });
      await store.setExperimentTag(id, { key: 'stage', value: 'final' });
      assert.deepEqual((await store.getExperiment(id)).tags, [{ key: 'stage', value: 'final' }]);
      await rejectsWith(store.setExperimentTag(id, { key: 'big', value: 'v'.repeat(5001) }), 'INVALID_PARAMETER_VALUE', '5000');
      await store.deleteExperimentTag(id, 'stage');
      assert.deepEqual((await store.getExperiment(id)).tags, []);
      await rejectsWith(store.deleteExperimentTag(id, 'stage'), 'RESOURCE_DOES_NOT_EXIST');
    });

    it('pages experiment search with opaque tokens', async () => {
      const seen: string[] = [];
      let token: string | undefined;
      do {
        const page = await store.searchExperiments({ maxResults: 2, pageToken: token, viewType: 'ALL' });
        assert.ok(page.items.length <= 2);
        seen.push(...page.items.map((e) => e.experiment_id));
        token = page.nextPageToken;
      } while (token);
      const all = await store.searchExperiments({ viewType: 'ALL' });
      assert.equal(all.nextPageToken, undefined);
      assert.deepEqual(seen, all.items.map((e) => e.experiment_id));
      assert.equal(new Set(seen).size, seen.length);
    });
  });

  describe('runs', () => {
    let exp: string;
    before(async () => {
      exp = await store.createExperiment({ name: 'runs' });
    });

    it('creates a RUNNING run with a 32-hex id, artifact uri and the runName tag', async () => {
      const run = await store.createRun({ experiment_id: exp, user_id: 'me', start_time: 1234, tags: [{ key: 'k', value: 'v' }] });
      assert.match(run.info.run_id, /^[0-9a-f]{32}$/);
      assert.equal(run.info.status, 'RUNNING');
      assert.equal(run.info.start_time, 1234);
      assert.equal(run.info.user_id, 'me');
      assert.equal(run.info.end_time, undefined);
      assert.equal(run.info.artifact_uri, `${(await store.getExperiment(exp)).artifact_location}/${run.info.run_id}/artifacts`);
      assert.match(run.info.run_name, /^[a-z]+-[a-z]+-\d{1,3}$/);
      assert.deepEqual(run.data.tags, [
        { key: 'k', value: 'v' },
        { key: 'mlflow.runName', value: run.info.run_name },
      ]);
    });

    it('applies the run-name rules: run_name, else the tag, conflicting values rejected', async () => {
      const named = await store.createRun({ experiment_id: exp, run_name: 'alpha' });
      assert.equal(named.info.run_name, 'alpha');
      const tagged = await store.createRun({ experiment_id: exp, tags: [{ key: 'mlflow.runName', value: 'beta' }] });
      assert.equal(tagged.info.run_name, 'beta');
      await rejectsWith(store.createRun({ experiment_id: exp, run_name: 'a', tags: [{ key: 'mlflow.runName', value: 'b' }] }), 'INVALID_PARAMETER_VALUE');
    });

    it('updates status, end time and name; the runName tag follows', async () => {
      const run = await store.createRun({ experiment_id: exp });
      const info = await store.updateRun({ run_id: run.info.run_id, status: 'FINISHED', end_time: 99, run_name: 'renamed' });
      assert.equal(info.status, 'FINISHED');
      assert.equal(info.end_time, 99);
      assert.equal(info.run_name, 'renamed');
      const got = await store.getRun(run.info.run_id);
      assert.equal(got.data.tags.find((t) => t.key === 'mlflow.runName')?.value, 'renamed');
      await store.setTag(run.info.run_id, { key: 'mlflow.runName', value: 'by-tag' });
      assert.equal((await store.getRun(run.info.run_id)).info.run_name, 'by-tag');
    });

    it('soft-deletes and restores; a deleted run accepts no data', async () => {
      const run = await store.createRun({ experiment_id: exp });
      await store.deleteRun(run.info.run_id);
      assert.equal((await store.getRun(run.info.run_id)).info.lifecycle_stage, 'deleted');
      await rejectsWith(
        store.logBatch({ run_id: run.info.run_id, metrics: [{ key: 'm', value: 1, timestamp: 1, step: 0 }] }),
        'INVALID_PARAMETER_VALUE',
        "must be in the 'active' state",
      );
      await store.restoreRun(run.info.run_id);
      assert.equal((await store.getRun(run.info.run_id)).info.lifecycle_stage, 'active');
      await rejectsWith(store.getRun('f'.repeat(32)), 'RESOURCE_DOES_NOT_EXIST', 'f'.repeat(32));
    });

    it('keeps full metric history and reports the latest by (step, timestamp, value)', async () => {
      const run = await store.createRun({ experiment_id: exp });
      const id = run.info.run_id;
      await store.logBatch({
        run_id: id,
        metrics: [
          { key: 'loss', value: 0.5, timestamp: 10, step: 2 },
          { key: 'loss', value: 0.9, timestamp: 50, step: 1 },
          { key: 'loss', value: 0.4, timestamp: 10, step: 2 },
          { key: 'loss', value: 0.7, timestamp: 5, step: 2 },
        ],
      });
      const latest = (await store.getRun(id)).data.metrics.find((m) => m.key === 'loss');
      assert.deepEqual(latest, { key: 'loss', value: 0.5, timestamp: 10, step: 2 });
      const history = await store.getMetricHistory({ runId: id, metricKey: 'loss' });
      assert.equal(history.items.length, 4);
      assert.deepEqual(history.items.map((m) => m.step), [1, 2, 2, 2]);
      // An identical point logged again (a client retry) is not duplicated.
      await store.logBatch({ run_id: id, metrics: [{ key: 'loss', value: 0.5, timestamp: 10, step: 2 }] });
      assert.equal((await store.getMetricHistory({ runId: id, metricKey: 'loss' })).items.length, 4);
      const page1 = await store.getMetricHistory({ runId: id, metricKey: 'loss', maxResults: 3 });
      assert.equal(page1.items.length, 3);
      const page2 = await store.getMetricHistory({ runId: id, metricKey: 'loss', maxResults: 3, pageToken: page1.nextPageToken });
      assert.equal(page2.items.length, 1);
      assert.equal(page2.nextPageToken, undefined);
    });

    it('stores NaN and clamps ±Infinity to ±max double as MLflow SQL stores do', async () => {
      const run = await store.createRun({ experiment_id: exp });
      await store.logBatch({
        run_id: run.info.run_id,
        metrics: [
          { key: 'nan', value: NaN, timestamp: 1, step: 0 },
          { key: 'pinf', value: Infinity, timestamp: 1, step: 0 },
          { key: 'ninf', value: -Infinity, timestamp: 1, step: 0 },
        ],
      });
      const byKey = Object.fromEntries((await store.getRun(run.info.run_id)).data.metrics.map((m) => [m.key, m.value]));
      assert.ok(Number.isNaN(byKey.nan));
      assert.equal(byKey.pinf, Number.MAX_VALUE);
      assert.equal(byKey.ninf, -Number.MAX_VALUE);
    });

    it('never changes a logged param; the same value again is a no-op', async () => {
      const run = await store.createRun({ experiment_id: exp });
      await store.logBatch({ run_id: run.info.run_id, params: [{ key: 'lr', value: '0.1' }] });
      await store.logBatch({ run_id: run.info.run_id, params: [{ key: 'lr', value: '0.1' }] });
      await rejectsWith(store.logBatch({ run_id: run.info.run_id, params: [{ key: 'lr', value: '0.2' }] }), 'INVALID_PARAMETER_VALUE', 'Changing param values is not allowed');
      assert.deepEqual((await store.getRun(run.info.run_id)).data.params, [{ key: 'lr', value: '0.1' }]);
    });

    it('writes a batch all or nothing', async () => {
      const run = await store.createRun({ experiment_id: exp });
      const id = run.info.run_id;
      await store.logBatch({ run_id: id, params: [{ key: 'fixed', value: 'a' }] });
      const tooMany = Array.from({ length: 1001 }, (_, i) => ({ key: `m${i}`, value: i, timestamp: 1, step: 0 }));
      await rejectsWith(store.logBatch({ run_id: id, metrics: tooMany }), 'INVALID_PARAMETER_VALUE', 'at most 1000 metrics');
      // A conflict found late in the batch must undo the metrics and tags written before it.
      await rejectsWith(
        store.logBatch({
          run_id: id,
          metrics: [{ key: 'early', value: 1, timestamp: 1, step: 0 }],
          tags: [{ key: 'early-tag', value: 'x' }],
          params: [{ key: 'ok', value: '1' }, { key: 'fixed', value: 'b' }],
        }),
        'INVALID_PARAMETER_VALUE',
      );
      await rejectsWith(
        store.logBatch({ run_id: id, metrics: [{ key: 'good', value: 1, timestamp: 1, step: 0 }, { key: 'bad key!', value: 1, timestamp: 1, step: 0 }] }),
        'INVALID_PARAMETER_VALUE',
      );
      const got = await store.getRun(id);
      assert.deepEqual(got.data.metrics, []);
      assert.deepEqual(got.data.params, [{ key: 'fixed', value: 'a' }]);
      assert.deepEqual(got.data.tags.map((t) => t.key), ['mlflow.runName']);
      assert.deepEqual((await store.getMetricHistory({ runId: id, metricKey: 'early' })).items, []);
    });

    it('enforces key rules and truncates long param and tag values', async () => {
      const run = await store.createRun({ experiment_id: exp });
      const id = run.info.run_id;
      await rejectsWith(store.logBatch({ run_id: id, metrics: [{ key: 'k'.repeat(251), value: 1, timestamp: 1, step: 0 }] }), 'INVALID_PARAMETER_VALUE', '250');
      await rejectsWith(store.setTag(id, { key: 'bad key!', value: 'v' }), 'INVALID_PARAMETER_VALUE', 'Names may only contain');
      await rejectsWith(store.logBatch({ run_id: id, params: [{ key: '../escape', value: '1' }] }), 'INVALID_PARAMETER_VALUE');
      await store.logBatch({ run_id: id, params: [{ key: 'long', value: 'v'.repeat(6001) }], tags: [{ key: 'longtag', value: 't'.repeat(8001) }] });
      const got = await store.getRun(id);
      assert.equal(got.data.params.find((p) => p.key === 'long')?.value.length, 6000);
      assert.equal(got.data.tags.find((t) => t.key === 'longtag')?.value.length, 8000);
    });

    it('deletes tags, and reports a missing one', async () => {
      const run = await store.createRun({ experiment_id: exp });
      await store.setTag(run.info.run_id, { key: 'temp', value: 'yes' });
      await store.deleteTag(run.info.run_id, 'temp');
      assert.equal((await store.getRun(run.info.run_id)).data.tags.some((t) => t.key === 'temp'), false);
      await rejectsWith(store.deleteTag(run.info.run_id, 'temp'), 'RESOURCE_DOES_NOT_EXIST');
    });

    it('records dataset inputs (deduplicated per experiment) and model inputs/outputs', async () => {
      const run = await store.createRun({ experiment_id: exp });
      const dataset = { name: 'train', digest: 'abc123', source_type: 'local', source: '{"uri":"data.csv"}' };
      await store.logInputs(run.info.run_id, [{ tags: [{ key: 'mlflow.data.context', value: 'training' }], dataset }], [{ model_id: 'm-in' }]);
      await store.logInputs(run.info.run_id, [{ tags: [], dataset }], []);
      await store.logOutputs(run.info.run_id, [{ model_id: 'm-out', step: 3 }]);
      const got = await store.getRun(run.info.run_id);
      assert.equal(got.inputs.dataset_inputs.length, 1);
      assert.deepEqual(got.inputs.dataset_inputs[0], { tags: [{ key: 'mlflow.data.context', value: 'training' }], dataset });
      assert.deepEqual(got.inputs.model_inputs, [{ model_id: 'm-in' }]);
      assert.deepEqual(got.outputs.model_outputs, [{ model_id: 'm-out', step: 3 }]);
    });

    it('samples metric history for charts, keeping the first and last step', async () => {
      const run = await store.createRun({ experiment_id: exp });
      await store.logBatch({ run_id: run.info.run_id, metrics: Array.from({ length: 100 }, (_, s) => ({ key: 'acc', value: s / 100, timestamp: 1, step: s })) });
      const sampled = await store.getMetricHistoryBulkInterval({ runIds: [run.info.run_id], metricKey: 'acc', maxResults: 10 });
      assert.equal(sampled.length, 10);
      assert.equal(sampled[0]!.step, 0);
      assert.equal(sampled.at(-1)!.step, 99);
      assert.ok(sampled.every((m) => m.run_id === run.info.run_id));
      const window = await store.getMetricHistoryBulkInterval({ runIds: [run.info.run_id], metricKey: 'acc', startStep: 10, endStep: 19 });
      assert.deepEqual(window.map((m) => m.step), [10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
      await rejectsWith(store.getMetricHistoryBulkInterval({ runIds: [run.info.run_id], metricKey: 'acc', startStep: 5 }), 'INVALID_PARAMETER_VALUE');
    });
  });

  describe('logged models', () => {
    it('creates, finalizes, tags, searches and deletes', async () => {
      const exp = await store.createExperiment({ name: 'models' });
      const run = await store.createRun({ experiment_id: exp });
      const model = await store.createLoggedModel({
        experiment_id: exp,
        name: 'echo',
        source_run_id: run.info.run_id,
        params: [{ key: 'alpha', value: '1' }],
        tags: [{ key: 'owner', value: 'me' }],
      });
      assert.match(model.info.model_id, /^m-[0-9a-f]{32}$/);
      assert.equal(model.info.status, 'LOGGED_MODEL_PENDING');
      assert.equal(model.info.artifact_uri, `${(await store.getExperiment(exp)).artifact_location}/models/${model.info.model_id}/artifacts`);
      const ready = await store.finalizeLoggedModel(model.info.model_id, 'LOGGED_MODEL_READY');
      assert.equal(ready.info.status, 'LOGGED_MODEL_READY');
      await store.setLoggedModelTags(model.info.model_id, [{ key: 'stage', value: 'prod' }]);
      await store.logLoggedModelParams(model.info.model_id, [{ key: 'beta', value: '2' }]);
      const got = await store.getLoggedModel(model.info.model_id);
      assert.deepEqual(got.info.tags.map((t) => t.key).sort(), ['owner', 'stage']);
      assert.deepEqual(got.data.params.map((p) => p.key).sort(), ['alpha', 'beta']);
      const found = await store.searchLoggedModels({ experimentIds: [exp], filter: "name = 'echo'" });
      assert.deepEqual(found.items.map((m) => m.info.model_id), [model.info.model_id]);
      assert.deepEqual((await store.searchLoggedModels({ experimentIds: [exp], filter: "name = 'other'" })).items, []);
      await store.deleteLoggedModelTag(model.info.model_id, 'stage');
      await store.deleteLoggedModel(model.info.model_id);
      await rejectsWith(store.getLoggedModel(model.info.model_id), 'RESOURCE_DOES_NOT_EXIST');
      await rejectsWith(store.createLoggedModel({ experiment_id: '424242' }), 'RESOURCE_DOES_NOT_EXIST');
    });
  });
}
