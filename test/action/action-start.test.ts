/**
 * Mode `start` and the post step: the servers outlive the main step's process, later steps log to
 * the exported addresses, the post step reports and leaves no process behind; and the post step
 * stops the servers after a main step that died half-way.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startFakeGitHub } from '../fakes/github.ts';
import { groupAlive } from '../../src/action/servers.ts';
import { CLI, PROJECT, pullRequestPayload, ROOT, runStep, savedPid, scratch, removeScratch } from './fixtures/harness.ts';

const fake = await startFakeGitHub();
after(async () => {
  await fake.close();
  await removeScratch();
});
const token = fake.addToken({ kind: 'installation', permissions: 'write' });

/** A later workflow step: `npx mlflow-ts run` against the exported MLFLOW_TRACKING_URI. */
function laterStep(env: Record<string, string>, args: string[]): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'run', PROJECT, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'ignore' });
    child.once('close', resolve);
  });
}

describe('mode start', () => {
  it('keeps the servers up after the main step, exports their addresses, and the post step reports and stops them', async () => {
    const repo = 'acme/start-1';
    const pr = fake.addPullRequest(repo, { number: 21 });
    const run = fake.addRun(repo, { workflow: 'ci.yml', headBranch: pr.headRef, headSha: pr.headSha, event: 'pull_request', pullRequests: [21], status: 'in_progress' });
    const inputs = { mode: 'start', thresholds: 'accuracy >= 0.8', baseline: 'none', 'gateway-config': 'examples/qa-eval/gateway-config.yaml', 'gateway-replay': 'examples/qa-eval/recordings' };
    const options = { fake, run, token, inputs, payload: pullRequestPayload(repo, pr) };

    const main = await runStep('main', options);
    assert.equal(main.code, 0, main.stdout);
    const pid = savedPid(main)!;
    assert.ok(pid > 0);
    const vars = main.exported;
    assert.match(vars.MLFLOW_TRACKING_URI ?? '', /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(vars.MLFLOW_GATEWAY_URI, vars.MLFLOW_TRACKING_URI);
    assert.equal(vars.OPENAI_BASE_URL, `${vars.MLFLOW_TRACKING_URI}/gateway/openai/v1`);
    assert.equal(vars.ANTHROPIC_BASE_URL, `${vars.MLFLOW_TRACKING_URI}/gateway/anthropic`);
    assert.ok(vars.OPENAI_API_KEY && vars.ANTHROPIC_API_KEY, 'placeholder keys where none were set');
    assert.equal(main.outputs['tracking-uri'], vars.MLFLOW_TRACKING_URI);

    // The main step's process is gone; the servers are not.
    assert.equal(groupAlive(pid), true);
    assert.equal((await fetch(`${vars.MLFLOW_TRACKING_URI}/health`)).status, 200);
    const models = (await (await fetch(vars.OPENAI_BASE_URL + '/models')).json()) as { data: { id: string }[] };
    assert.deepEqual(models.data.map((m) => m.id).sort(), ['judge', 'large', 'small']);
    assert.equal(await laterStep({ MLFLOW_TRACKING_URI: vars.MLFLOW_TRACKING_URI! }, ['-e', 'train', '-P', 'accuracy=0.91']), 0);

    const post = await runStep('post', { ...options, dir: main.dir, state: main.state });
    assert.equal(post.code, 0, post.stdout);
    assert.equal(groupAlive(pid), false, 'the post step left no server process behind');
    await assert.rejects(fetch(`${vars.MLFLOW_TRACKING_URI}/health`));
    const [comment] = fake.comments(repo, 21);
    assert.match(comment?.body ?? '', /accuracy/);
    assert.match(comment!.body, /Gates passed/);
    const [artifact] = fake.artifacts({ repo });
    const bundle = JSON.parse(fake.artifactFiles(artifact!.id).get('bundle.json')!.toString());
    assert.equal(bundle.runs.length, 1);
    assert.equal(bundle.runs[0].tags['mlflow_ts.gates.passed'], 'true');
    assert.equal(post.outputs.passed, 'true');
  });

  it('fails the job from the post step when a gate fails', async () => {
    const repo = 'acme/start-2';
    const run = fake.addRun(repo, { workflow: 'ci.yml', headBranch: 'main', event: 'push', status: 'in_progress' });
    const options = { fake, run, token, inputs: { mode: 'start', thresholds: 'accuracy >= 0.95', baseline: 'none' } };
    const main = await runStep('main', options);
    assert.equal(main.code, 0, main.stdout);
    assert.equal(await laterStep({ MLFLOW_TRACKING_URI: main.exported.MLFLOW_TRACKING_URI! }, ['-e', 'train', '-P', 'accuracy=0.9']), 0);
    const post = await runStep('post', { ...options, dir: main.dir, state: main.state });
    assert.equal(post.code, 1);
    assert.match(post.annotations.find((a) => a.level === 'error')!.message, /accuracy >= 0\.95/);
    assert.equal(groupAlive(savedPid(main)!), false);
  });
});

describe('post step cleanup', () => {
  it('stops the servers after a main step that was killed half-way', async () => {
    const repo = 'acme/killed';
    const run = fake.addRun(repo, { workflow: 'ci.yml', headBranch: 'main', event: 'push', status: 'in_progress' });
    const project = path.relative(ROOT, PROJECT);
    let mainPid = 0;
    const options = { fake, run, token, inputs: { project, 'entry-points': 'train: sleep=4', baseline: 'none' } };
    const dir = scratch('action-killed-');
    const mainStep = runStep('main', { ...options, dir, onSpawn: (pid) => (mainPid = pid) });
    // Wait for the servers' state to be saved and the entry point to be running, then kill the step.
    let state = '';
    for (let i = 0; i < 400 && !/"pid"/.test(state); i++) {
      await sleep(25);
      state = existsSync(path.join(dir, 'state')) ? readFileSync(path.join(dir, 'state'), 'utf8') : '';
    }
    assert.match(state, /"pid"/, 'the main step saved the servers');
    await sleep(500);
    process.kill(-mainPid, 'SIGKILL');
    const main = await mainStep;
    assert.equal(main.code, null, 'the main step was killed');
    const pid = savedPid(main)!;
    assert.equal(groupAlive(pid), true, 'the servers outlived the killed step');

    const post = await runStep('post', { ...options, dir: main.dir, state: main.state });
    assert.equal(post.code, 0, post.stdout);
    assert.equal(groupAlive(pid), false, 'the post step stopped them');
    assert.match(post.stdout, /Stopped the mlflow-ts servers/);
  });

  it('does nothing when the main step started nothing (bad input)', async () => {
    const run = fake.addRun('acme/bad', { workflow: 'ci.yml', event: 'push' });
    const main = await runStep('main', { fake, run, token, inputs: { mode: 'sideways' } });
    assert.equal(main.code, 1);
    assert.deepEqual(main.state, {});
    const post = await runStep('post', { fake, run, token, inputs: { mode: 'sideways' }, dir: main.dir, state: main.state });
    assert.equal(post.code, 0, post.stdout);
  });
});
