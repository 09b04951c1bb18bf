/**
 * `runProject` and `mlflow-ts run` end to end: real child processes logging into a real tracking
 * server through MLflow's REST API, as a project in any language would.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { MlflowClient } from '../../src/client/index.ts';
import { runProject, type RunProjectOptions } from '../../src/projects/index.ts';
import { startTrackingServer, type RunningServer } from '../../src/tracking/server.ts';

/** A project script that logs through the REST API with nothing but fetch: the language-agnostic contract. */
const LOG_SCRIPT = `
const [,, alpha, ...rest] = process.argv;
const base = process.env.MLFLOW_TRACKING_URI, run_id = process.env.MLFLOW_RUN_ID;
const post = (path, body) => fetch(base + '/api/2.0/mlflow/' + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => { if (!r.ok) throw new Error(path + ' ' + r.status); });
await post('runs/log-metric', { run_id, key: 'alpha_seen', value: Number(alpha), timestamp: Date.now(), step: 0 });
await post('runs/set-tag', { run_id, key: 'argv', value: JSON.stringify(rest) });
await post('runs/set-tag', { run_id, key: 'experiment_env', value: process.env.MLFLOW_EXPERIMENT_ID });
await post('runs/set-tag', { run_id, key: 'node_version', value: process.version });
console.log('hello from the project', alpha);
console.error('a line on stderr');
`;

const MLPROJECT = `name: demo
entry_points:
  main:
    parameters:
      alpha: {type: float, default: 0.5}
    command: "node log.mjs {alpha}"
  needs:
    parameters:
      required_one: string
    command: "node log.mjs 1 {required_one}"
  fail:
    command: "node -e \\"console.log('failing'); process.exit(3)\\""
  hang:
    command: "sh -c 'sleep 1000 & sleep 1000'"
`;

let server: RunningServer;
let client: MlflowClient;
let dir: string;
let project: string;
const quiet = (): { stdout: PassThrough; stderr: PassThrough } => ({ stdout: new PassThrough().resume(), stderr: new PassThrough().resume() });

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'projects-run-'));
  server = await startTrackingServer({ port: 0, backendStoreUri: join(dir, 'mlruns.db'), artifactsDestination: join(dir, 'artifacts') });
  client = new MlflowClient({ trackingUri: server.url });
  project = join(dir, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'MLproject'), MLPROJECT);
  writeFileSync(join(project, 'log.mjs'), LOG_SCRIPT);
});

after(async () => {
  await client?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

function run(options: Partial<RunProjectOptions>) {
  return runProject({ uri: project, client, echo: quiet(), log: () => {}, cacheDir: join(dir, 'envs'), ...options });
}

async function artifactText(runId: string, path: string): Promise<string> {
  const dest = join(dir, `dl-${runId}-${path.replaceAll('/', '_')}`);
  await client.downloadArtifact(runId, path, dest);
  return (await import('node:fs')).readFileSync(dest, 'utf8');
}

describe('runProject', () => {
  it('creates the run, logs params and MLflow tags, runs the command into it, keeps its logs, and finishes it', async () => {
    const result = await run({ experimentName: 'projects-demo', params: { alpha: '0.25', extra: 'x y' } });
    assert.equal(result.status, 'FINISHED');
    const r = await client.getRun(result.runId);
    assert.equal(r.info.status, 'FINISHED');
    assert.equal(r.info.experiment_id, result.experimentId);
    const params = Object.fromEntries((r.data.params ?? []).map((p) => [p.key, p.value]));
    assert.deepEqual(params, { alpha: '0.25', extra: 'x y' });
    const tags = Object.fromEntries((r.data.tags ?? []).map((t) => [t.key, t.value]));
    assert.equal(tags['mlflow.source.type'], 'PROJECT');
    assert.equal(tags['mlflow.source.name'], project);
    assert.equal(tags['mlflow.project.entryPoint'], 'main');
    assert.equal(tags['mlflow.project.env'], 'local');
    assert.ok(tags['mlflow.user']);
    // The command saw the run's env vars, the extra param as `--extra 'x y'`, and the running Node.
    assert.equal(tags.argv, JSON.stringify(['--extra', 'x y']));
    assert.equal(tags.experiment_env, result.experimentId);
    assert.equal(tags.node_version, process.version);
    const metric = (r.data.metrics ?? []).find((m) => m.key === 'alpha_seen');
    assert.equal(metric?.value, 0.25);
    assert.match(await artifactText(result.runId, 'logs/stdout.txt'), /hello from the project 0\.25/);
    assert.match(await artifactText(result.runId, 'logs/stderr.txt'), /a line on stderr/);
  });

  it('refuses a missing required parameter or a badly typed one before creating any run', async () => {
    const exp = await client.createExperiment('projects-missing');
    await assert.rejects(run({ experimentId: exp, entryPoints: ['needs'] }), (err: Error) => err.name === 'ProjectError' && /required_one/.test(err.message));
    await assert.rejects(run({ experimentId: exp, params: { alpha: 'lots' } }), (err: Error) => err.name === 'ProjectError' && /alpha/.test(err.message));
    const runs = await client.searchRunsPage({ experimentIds: [exp] });
    assert.equal(runs.runs.length, 0);
  });

  it('maps a non-zero exit to FAILED and a timeout to KILLED, killing the whole process tree', async () => {
    const failed = await run({ entryPoints: ['fail'] });
    assert.equal(failed.status, 'FAILED');
    assert.equal(failed.steps[0]!.exitCode, 3);
    assert.equal((await client.getRun(failed.runId)).info.status, 'FAILED');
    const killed = await run({ entryPoints: ['hang'], timeoutMs: 300 });
    assert.equal(killed.status, 'KILLED');
    assert.equal((await client.getRun(killed.runId)).info.status, 'KILLED');
  });

  it('runs several entry points as child runs of one parent, stopping at the first failure unless told to go on', async () => {
    const stopped = await run({ entryPoints: ['main', 'fail', 'main'], params: { alpha: '2' } });
    assert.equal(stopped.status, 'FAILED');
    assert.deepEqual(stopped.steps.map((s) => `${s.entryPoint}:${s.status}`), ['main:FINISHED', 'fail:FAILED']);
    for (const s of stopped.steps) {
      const child = await client.getRun(s.runId);
      const tags = Object.fromEntries((child.data.tags ?? []).map((t) => [t.key, t.value]));
      assert.equal(tags['mlflow.parentRunId'], stopped.runId);
    }
    assert.equal((await client.getRun(stopped.runId)).info.status, 'FAILED');
    const all = await run({ entryPoints: ['main', 'fail', 'main'], continueOnFailure: true, params: { 'main:alpha': '3' } });
    assert.deepEqual(all.steps.map((s) => s.status), ['FINISHED', 'FAILED', 'FINISHED']);
    const p = Object.fromEntries(((await client.getRun(all.steps[2]!.runId)).data.params ?? []).map((x) => [x.key, x.value]));
    assert.equal(p.alpha, '3');
    await assert.rejects(run({ entryPoints: ['main', 'fail'], params: { nobody: '1' } }), /declares parameter 'nobody'/);
  });

  it('runs a project from a git URL with #subdirectory and tags the commit', async () => {
    const repo = join(dir, 'repo');
    mkdirSync(join(repo, 'sub'), { recursive: true });
    writeFileSync(join(repo, 'sub', 'MLproject'), MLPROJECT);
    writeFileSync(join(repo, 'sub', 'log.mjs'), LOG_SCRIPT);
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: repo,
        env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' },
      })
        .toString()
        .trim();
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-q', '-m', 'project');
    const commit = git('rev-parse', 'HEAD');
    const result = await run({ uri: `file://${repo}#sub` });
    assert.equal(result.status, 'FINISHED');
    const tags = Object.fromEntries(((await client.getRun(result.runId)).data.tags ?? []).map((t) => [t.key, t.value]));
    assert.equal(tags['mlflow.source.git.commit'], commit);
  });
});

describe('mlflow-ts run', () => {
  function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, ['src/cli/main.ts', 'run', ...args], { env: { ...process.env, MLFLOW_TRACKING_URI: server.url, ...env } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += String(d)));
      child.stderr.on('data', (d: Buffer) => (stderr += String(d)));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  }

  it('runs an entry point with -P, streams its output live, and exits 0; a failure exits 1', async () => {
    const ok = await cli([project, '-e', 'main', '-P', 'alpha=0.75', '--experiment-name', 'cli-projects']);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /hello from the project 0\.75/);
    assert.match(ok.stderr, /run [0-9a-f]{32} in experiment \d+ FINISHED/);
    const bad = await cli([project, '-e', 'fail']);
    assert.equal(bad.code, 1);
    const missing = await cli([project, '-e', 'needs']);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /required_one/);
    assert.doesNotMatch(missing.stderr, /at .*\.ts:\d+/, 'a user mistake is one line, no stack');
  });

  it('reads the steps to run from a steps file', async () => {
    const steps = join(dir, 'steps.yaml');
    writeFileSync(steps, 'steps:\n  - main\n  - entry_point: needs\n    parameters: {required_one: given}\n');
    const res = await cli([project, '--steps', steps]);
    assert.equal(res.code, 0, res.stderr);
    assert.match(res.stdout, /hello from the project 0\.5/);
    assert.match(res.stdout, /hello from the project 1/);
    assert.match(res.stderr, /main: FINISHED, needs: FINISHED/);
  });
});
