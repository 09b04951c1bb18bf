/**
 * The example projects, run as `mlflow-ts run` runs them: the run created first, then the
 * entry point's command from the MLproject file through `/bin/sh -c` in the project directory,
 * with this Node first on PATH and MLFLOW_TRACKING_URI / MLFLOW_RUN_ID / MLFLOW_EXPERIMENT_ID
 * set. Real child processes against a real tracking server (SQLite file, artifacts on disk).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { startTrackingServer, type RunningServer } from '../src/tracking/server.ts';
import { MlflowClient, type Run } from '../src/client/index.ts';
import { modelSchema } from '../examples/logistic-regression/logreg.ts';

const EXAMPLES = join(import.meta.dirname, '..', 'examples');
const LOGREG = join(EXAMPLES, 'logistic-regression');
const PYREST = join(EXAMPLES, 'python-rest');

const mlprojectSchema = z.object({
  name: z.string(),
  entry_points: z.record(
    z.string(),
    z.object({
      parameters: z.record(z.string(), z.object({ type: z.enum(['float', 'int', 'string', 'path', 'uri']), default: z.union([z.string(), z.number(), z.boolean()]).optional() })).optional(),
      command: z.string(),
    }),
  ),
});

/**
 * The entry point's command with `{param}` filled from `params`, then the MLproject defaults.
 * Test values are plain words and numbers, so no shell quoting is needed here (the runner's own
 * quoting is tested with the runner).
 */
function entryCommand(projectDir: string, entry: string, params: Record<string, string> = {}): { command: string; params: Record<string, string> } {
  const project = mlprojectSchema.parse(parseYaml(readFileSync(join(projectDir, 'MLproject'), 'utf8')));
  const spec = project.entry_points[entry];
  assert.ok(spec, `entry point ${entry} in ${projectDir}/MLproject`);
  const values: Record<string, string> = {};
  for (const [name, p] of Object.entries(spec.parameters ?? {})) {
    const value = params[name] ?? (p.default === undefined ? undefined : String(p.default));
    assert.ok(value !== undefined, `test must pass required parameter ${name}`);
    assert.match(value, /^[\w.-]+$/, 'test values need no quoting');
    values[name] = value;
  }
  const command = spec.command.replace(/\{(\w+)\}/g, (_, name: string) => {
    assert.ok(name in values, `{${name}} in the command of ${entry} is a declared parameter`);
    return values[name]!;
  });
  return { command, params: values };
}

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `/bin/sh -c command` in the project directory, this Node first on PATH, the given tracking env. */
function runCommand(cwd: string, command: string, trackingEnv: Record<string, string>): Promise<Exit> {
  const env: Record<string, string | undefined> = { ...process.env, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}` };
  for (const key of Object.keys(env)) if (key.startsWith('MLFLOW_')) delete env[key];
  Object.assign(env, trackingEnv);
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', command], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const kv = (list: readonly { key: string; value: string }[]): Record<string, string> => Object.fromEntries(list.map((e) => [e.key, e.value]));
const latest = (run: Run): Record<string, number> => Object.fromEntries(run.data.metrics.map((m) => [m.key, m.value]));
const explain = (exit: Exit): string => `exit ${exit.code}\n--- stdout\n${exit.stdout}\n--- stderr\n${exit.stderr}`;

describe('example projects', () => {
  let server: RunningServer;
  let client: MlflowClient;
  let workDir: string;
  let experimentId: string;

  before(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'mlflow-ts-examples-'));
    server = await startTrackingServer({ backendStoreUri: join(workDir, 'mlflow.db'), port: 0, artifactsDestination: join(workDir, 'artifacts') });
    client = new MlflowClient({ trackingUri: server.url, maxRetries: 0 });
    experimentId = await client.createExperiment('examples');
  });

  after(async () => {
    await client.close();
    await server.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  /** What the runner does before the command: the run, with the entry point's params logged. */
  async function runnerStart(entry: string, params: Record<string, string>): Promise<{ runId: string; env: Record<string, string> }> {
    const run = await client.createRun({ experimentId, runName: entry, tags: { 'mlflow.project.entryPoint': entry } });
    await client.logBatch(run.info.run_id, { params });
    return {
      runId: run.info.run_id,
      env: { MLFLOW_TRACKING_URI: server.url, MLFLOW_RUN_ID: run.info.run_id, MLFLOW_EXPERIMENT_ID: experimentId },
    };
  }

  const runsIn = async (experiment: string): Promise<Run[]> => (await client.searchRunsPage({ experimentIds: [experiment] })).runs;

  describe('logistic-regression', () => {
    let trainRunId = '';

    it('train logs params, per-epoch metrics, held-out scores, model.json and an SVG loss curve into the given run', async () => {
      const { command, params } = entryCommand(LOGREG, 'train', { lr: '0.5', epochs: '120', l2: '0.01' });
      assert.match(command, /^node train\.ts /, 'the command runs the Node the runner puts first on PATH');
      const { runId, env } = await runnerStart('train', params);
      const exit = await runCommand(LOGREG, command, env);
      assert.equal(exit.code, 0, explain(exit));
      assert.match(exit.stdout, new RegExp(`run ${runId}: test accuracy`));
      trainRunId = runId;

      assert.deepEqual((await runsIn(experimentId)).map((r) => r.info.run_id), [runId], 'the script resumed the run rather than creating one');
      const run = await client.getRun(runId);
      assert.equal(run.info.status, 'FINISHED');
      assert.deepEqual(kv(run.data.params), { lr: '0.5', epochs: '120', l2: '0.01', seed: '7', test_fraction: '0.3', target: 'virginica' });
      assert.equal(kv(run.data.tags)['data.rows.test'], '45');

      const loss = await client.getMetricHistory(runId, 'loss');
      assert.deepEqual(loss.map((m) => m.step), Array.from({ length: 120 }, (_, i) => i));
      assert.ok(loss.at(-1)!.value < loss[0]!.value / 2, `loss falls: ${loss[0]!.value} -> ${loss.at(-1)!.value}`);
      assert.equal((await client.getMetricHistory(runId, 'accuracy')).length, 120);
      assert.equal((await client.getMetricHistory(runId, 'test_loss')).length, 120);
      const final = latest(run);
      assert.ok(final.test_accuracy! >= 0.9, `held-out accuracy ${final.test_accuracy}`);
      assert.ok(final.test_log_loss! < 0.3, `held-out log-loss ${final.test_log_loss}`);
      assert.equal((await client.getMetricHistory(runId, 'test_accuracy'))[0]!.step, 120);

      assert.deepEqual((await client.listArtifacts(runId)).map((a) => a.path).sort(), ['model', 'plots']);
      assert.deepEqual((await client.listArtifacts(runId, 'model')).map((a) => a.path), ['model/model.json']);
      assert.deepEqual((await client.listArtifacts(runId, 'plots')).map((a) => a.path), ['plots/loss_curve.svg']);
      await client.downloadArtifact(runId, 'model/model.json', join(workDir, 'model.json'));
      const model = modelSchema.parse(JSON.parse(readFileSync(join(workDir, 'model.json'), 'utf8')));
      assert.equal(model.target, 'virginica');
      assert.ok(model.weights.some((w) => w !== 0));
      await client.downloadArtifact(runId, 'plots/loss_curve.svg', join(workDir, 'loss_curve.svg'));
      const svg = readFileSync(join(workDir, 'loss_curve.svg'), 'utf8');
      assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      const polylines = [...svg.matchAll(/<polyline [^>]*points="([^"]+)"/g)].map((m) => m[1]!.split(' ').length);
      assert.deepEqual(polylines, [120, 120], 'one point per epoch for both curves');
    });

    it("evaluate fetches the model from the training run's artifacts and scores the same held-out rows", async () => {
      assert.ok(trainRunId, 'needs the train test');
      const { command, params } = entryCommand(LOGREG, 'evaluate', { run_id: trainRunId });
      const { runId, env } = await runnerStart('evaluate', params);
      const exit = await runCommand(LOGREG, command, env);
      assert.equal(exit.code, 0, explain(exit));

      const run = await client.getRun(runId);
      assert.equal(run.info.status, 'FINISHED');
      assert.deepEqual(kv(run.data.params), { run_id: trainRunId, split: 'test', threshold: '0.5' });
      assert.equal(kv(run.data.tags)['model.source_run_id'], trainRunId);
      const scores = latest(run);
      for (const key of ['accuracy', 'precision', 'recall', 'f1']) {
        assert.ok(scores[key]! >= 0.8 && scores[key]! <= 1, `${key} = ${scores[key]}`);
      }
      assert.equal(scores.rows, 45);
      assert.equal(scores.tp! + scores.fp! + scores.tn! + scores.fn!, 45);
      assert.equal(scores.tp! + scores.fn!, 15, 'stratified split: 15 of 45 held-out rows are virginica');
      const trained = latest(await client.getRun(trainRunId));
      assert.equal(scores.accuracy, trained.test_accuracy, 'same model, same rows, same accuracy as train reported');
      assert.ok(Math.abs(scores.log_loss! - trained.test_log_loss!) < 1e-12);
    });

    it('evaluate without run_id exits 2 naming the flag; with an unknown run it fails its run', async () => {
      const { runId, env } = await runnerStart('evaluate', {});
      const missing = await runCommand(LOGREG, 'node evaluate.ts', env);
      assert.equal(missing.code, 2, explain(missing));
      assert.match(missing.stderr, /Invalid --run-id: required/);

      const unknown = await runCommand(LOGREG, 'node evaluate.ts --run-id 0123456789abcdef', env);
      assert.notEqual(unknown.code, 0, explain(unknown));
      assert.match(unknown.stderr, /RESOURCE_DOES_NOT_EXIST|does not exist/i);
      assert.equal((await client.getRun(runId)).info.status, 'FAILED');
    });

    it('runs standalone: without MLFLOW_RUN_ID train creates its own run in experiment logistic-regression', async () => {
      const exit = await runCommand(LOGREG, 'node train.ts --epochs 5 --seed 3', { MLFLOW_TRACKING_URI: server.url });
      assert.equal(exit.code, 0, explain(exit));
      const experiment = await client.getExperimentByName('logistic-regression');
      const [run, ...others] = await runsIn(experiment.experiment_id);
      assert.equal(others.length, 0);
      assert.equal(run!.info.status, 'FINISHED');
      assert.equal(kv(run!.data.params).epochs, '5');
      assert.equal((await client.getMetricHistory(run!.info.run_id, 'loss')).length, 5);
    });
  });

  describe('python-rest', () => {
    const python = spawnSync('python3', ['--version'], { encoding: 'utf8' });
    const skip = python.status === 0 ? false : 'python3 is not on PATH, so the Python example cannot run here';

    it('logs a param, per-step metrics and tags into the given run with only the standard library', { skip }, async () => {
      const { command, params } = entryCommand(PYREST, 'main', { alpha: '0.25' });
      assert.equal(command, 'python3 log_metrics.py --alpha 0.25');
      const { runId, env } = await runnerStart('main', params);
      const exit = await runCommand(PYREST, command, env);
      assert.equal(exit.code, 0, explain(exit));
      assert.match(exit.stdout, new RegExp(`into run ${runId}`));

      const run = await client.getRun(runId);
      assert.equal(run.info.status, 'RUNNING', 'the final status is the runner’s to set');
      assert.deepEqual(kv(run.data.params), { alpha: '0.25' });
      const tags = kv(run.data.tags);
      assert.equal(tags.example, 'python-rest');
      assert.match(tags['python.version'] ?? '', /^3\.\d+/);
      const ema = await client.getMetricHistory(runId, 'ema');
      assert.deepEqual(ema.map((m) => m.step), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      // ema_0 = 3, ema_1 = 0.25 * 1 + 0.75 * 3, ema_2 = 0.25 * 4 + 0.75 * 2.5
      assert.deepEqual(ema.slice(0, 3).map((m) => m.value), [3, 2.5, 2.875]);
      assert.ok(latest(run).mean_abs_lag! > 0);
    });

    it('runs standalone (own FINISHED run in experiment python-rest) and reports API errors on stderr', { skip }, async () => {
      const standalone = await runCommand(PYREST, 'python3 log_metrics.py --alpha 0.5', { MLFLOW_TRACKING_URI: server.url });
      assert.equal(standalone.code, 0, explain(standalone));
      const experiment = await client.getExperimentByName('python-rest');
      const runs = await runsIn(experiment.experiment_id);
      assert.equal(runs.length, 1);
      assert.equal(runs[0]!.info.status, 'FINISHED');
      assert.equal(kv(runs[0]!.data.params).alpha, '0.5');

      const bad = await runCommand(PYREST, 'python3 log_metrics.py --alpha 0.5', {
        MLFLOW_TRACKING_URI: server.url,
        MLFLOW_RUN_ID: '0123456789abcdef',
      });
      assert.equal(bad.code, 1, explain(bad));
      assert.match(bad.stderr, /^error: POST \/runs\/log-batch failed \(HTTP 404\): RESOURCE_DOES_NOT_EXIST/);
    });
  });
});
