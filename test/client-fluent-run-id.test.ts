/**
 * Fluent startRun resuming a run instead of creating one: the run named by MLFLOW_RUN_ID (what
 * `mlflow-ts run` hands a project's command) or the runId option, against a real tracking server.
 */
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTrackingServer, type RunningServer } from '../src/tracking/server.ts';
import { MlflowClient, setExperiment, startRun, type Run } from '../src/client/index.ts';

describe('startRun resumes MLFLOW_RUN_ID / runId', () => {
  let server: RunningServer;
  let workDir: string;
  const clients: MlflowClient[] = [];
  const savedRunId = process.env.MLFLOW_RUN_ID;

  /** A fresh client per test: setExperiment's choice is per client and must not leak between tests. */
  const newClient = (): MlflowClient => {
    const client = new MlflowClient({ trackingUri: server.url, maxRetries: 0 });
    clients.push(client);
    return client;
  };

  /** A run created the way the project runner does it, then ended, so resuming must set RUNNING again. */
  const projectRun = async (client: MlflowClient, experimentName: string): Promise<Run> => {
    const experimentId = await client.createExperiment(experimentName);
    const run = await client.createRun({ experimentId, runName: 'from-runner' });
    await client.updateRun(run.info.run_id, { status: 'FINISHED', endTime: Date.now() });
    return run;
  };

  const runCount = async (client: MlflowClient, experimentId: string): Promise<number> =>
    (await client.searchRunsPage({ experimentIds: [experimentId] })).runs.length;

  before(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'mlflow-ts-fluent-resume-'));
    server = await startTrackingServer({ backendStoreUri: ':memory:', port: 0, artifactsDestination: join(workDir, 'artifacts') });
  });

  afterEach(() => {
    if (savedRunId === undefined) delete process.env.MLFLOW_RUN_ID;
    else process.env.MLFLOW_RUN_ID = savedRunId;
  });

  after(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await server.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('logs into the MLFLOW_RUN_ID run, RUNNING during the callback and FINISHED after; no new run', async () => {
    const client = newClient();
    const created = await projectRun(client, 'resume-env');
    const { run_id: runId, experiment_id: experimentId } = created.info;
    process.env.MLFLOW_RUN_ID = runId;

    const seen = await startRun({ client, runName: 'ignored-on-resume', tags: { stage: 'train' } }, async (run) => {
      assert.equal(run.runId, runId);
      assert.equal(run.experimentId, experimentId);
      assert.equal(run.info.status, 'RUNNING');
      assert.equal((await client.getRun(runId)).info.status, 'RUNNING');
      await run.logParam('lr', 0.1);
      await run.logMetric('loss', 0.5, 3);
      return run.runId;
    });

    assert.equal(seen, runId);
    const stored = await client.getRun(runId);
    assert.equal(stored.info.status, 'FINISHED');
    assert.equal(stored.info.run_name, 'from-runner', 'a resumed run keeps its name, as in MLflow');
    const tags = Object.fromEntries(stored.data.tags.map((t) => [t.key, t.value]));
    assert.equal(tags.stage, 'train');
    assert.deepEqual(stored.data.params, [{ key: 'lr', value: '0.1' }]);
    assert.deepEqual((await client.getMetricHistory(runId, 'loss')).map((m) => [m.step, m.value]), [[3, 0.5]]);
    assert.equal(await runCount(client, experimentId), 1);
    assert.equal(process.env.MLFLOW_RUN_ID, runId, 'the variable stays for child processes and tracing');
  });

  it('uses MLFLOW_RUN_ID once: the next startRun creates a run of its own', async () => {
    const client = newClient();
    const created = await projectRun(client, 'resume-once');
    const experiment = await setExperiment('resume-once', { client });
    process.env.MLFLOW_RUN_ID = created.info.run_id;

    const first = await startRun({ client }, (run) => run.runId);
    const second = await startRun({ client }, (run) => run.runId);
    assert.equal(first, created.info.run_id);
    assert.notEqual(second, created.info.run_id);
    assert.equal((await client.getRun(second)).info.experiment_id, experiment.experiment_id);
    assert.equal(await runCount(client, experiment.experiment_id), 2);
  });

  it('marks the resumed run FAILED and rethrows when the callback throws', async () => {
    const client = newClient();
    const created = await projectRun(client, 'resume-failure');
    process.env.MLFLOW_RUN_ID = created.info.run_id;
    await assert.rejects(
      startRun({ client }, () => {
        throw new Error('loss went to NaN');
      }),
      /loss went to NaN/,
    );
    assert.equal((await client.getRun(created.info.run_id)).info.status, 'FAILED');
  });

  it("refuses a run outside setExperiment's or the experimentId option's experiment, leaving the run untouched", async () => {
    const client = newClient();
    const created = await projectRun(client, 'resume-owner');
    const other = await setExperiment('resume-elsewhere', { client });
    process.env.MLFLOW_RUN_ID = created.info.run_id;
    await assert.rejects(startRun({ client }, () => assert.fail('the callback must not run')), (err: Error) => {
      assert.match(err.message, new RegExp(`run ${created.info.run_id} \\(from MLFLOW_RUN_ID\\)`));
      assert.match(err.message, new RegExp(`experiment ${created.info.experiment_id}, but experiment ${other.experiment_id} was chosen \\(setExperiment\\)`));
      return true;
    });

    await assert.rejects(startRun({ client: newClient(), runId: created.info.run_id, experimentId: other.experiment_id }), /experimentId option/);
    const stored = await client.getRun(created.info.run_id);
    assert.equal(stored.info.status, 'FINISHED');
    assert.equal(await runCount(client, other.experiment_id), 0);

    // The run's own experiment named explicitly is fine.
    const handle = await startRun({ client: newClient(), runId: created.info.run_id, experimentId: created.info.experiment_id });
    assert.equal(handle.runId, created.info.run_id);
    await handle.end();
  });

  it('resumes the runId option without a callback (RUNNING until end) and prefers it over MLFLOW_RUN_ID', async () => {
    const client = newClient();
    const wanted = await projectRun(client, 'resume-option');
    const fromEnv = await client.createRun({ experimentId: wanted.info.experiment_id });
    process.env.MLFLOW_RUN_ID = fromEnv.info.run_id;

    const run = await startRun({ client, runId: wanted.info.run_id });
    assert.equal(run.runId, wanted.info.run_id);
    assert.equal((await client.getRun(wanted.info.run_id)).info.status, 'RUNNING');
    await run.end('KILLED');
    assert.equal((await client.getRun(wanted.info.run_id)).info.status, 'KILLED');

    // The option did not use up the variable.
    assert.equal(await startRun({ client }, (r) => r.runId), fromEnv.info.run_id);
  });

  it('refuses a deleted run with a message saying how to go on', async () => {
    const client = newClient();
    const created = await projectRun(client, 'resume-deleted');
    await client.deleteRun(created.info.run_id);
    process.env.MLFLOW_RUN_ID = created.info.run_id;
    await assert.rejects(startRun({ client }), /it is deleted\. Restore it \(MlflowClient\.restoreRun\)/);
  });
});
