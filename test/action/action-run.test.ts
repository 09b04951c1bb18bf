/**
 * Mode `run` end to end, as GitHub runs it: the built dist/action-main (then dist/action-post)
 * with INPUT_*, GITHUB_*, ACTIONS_* and an event payload, against the fake GitHub. A push on main
 * uploads the bundle; pull requests find it as their baseline and keep one sticky comment.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { startFakeGitHub, type FakeGitHub, type FakePullRequest } from '../fakes/github.ts';
import { groupAlive } from '../../src/action/servers.ts';
import { stickyMarker } from '../../src/action/github.ts';
import { launchServer } from '../../src/tracking/launch.ts';
import { CLI, PROJECT, pullRequestPayload, pushPayload, runJob, savedPid, scratch, type StepResult, removeScratch } from './fixtures/harness.ts';

const fake: FakeGitHub = await startFakeGitHub();
after(async () => {
  await fake.close();
  await removeScratch();
});

const token = fake.addToken({ kind: 'installation', permissions: 'write' });
let repoCount = 0;
const newRepo = (): string => `acme/models-${++repoCount}`;

const project = path.relative(process.cwd(), PROJECT) || '.';
const train = (accuracy: number, loss: number): string => `train: accuracy=${accuracy} loss=${loss}`;

/** A push to main that runs the action (the next pull request's baseline). */
async function pushRun(repo: string, inputs: Record<string, string>): Promise<StepResult> {
  const run = fake.addRun(repo, { workflow: 'ci.yml', headBranch: 'main', event: 'push' });
  const { main, post } = await runJob({ fake, run, token, inputs: { project, ...inputs }, payload: pushPayload(repo, run) });
  assert.equal(post.code, 0, post.stdout);
  return main;
}

async function prRun(repo: string, pr: FakePullRequest, inputs: Record<string, string>, options: { token?: string; job?: string } = {}): Promise<StepResult> {
  const run = fake.addRun(repo, { workflow: 'ci.yml', headBranch: pr.headRef, headSha: pr.headSha, event: 'pull_request', pullRequests: [pr.number], status: 'in_progress' });
  const { main, post } = await runJob({ fake, run, token: options.token ?? token, job: options.job ?? 'train', inputs: { project, ...inputs }, payload: pullRequestPayload(repo, pr) });
  assert.equal(post.code, 0, post.stdout);
  const pid = savedPid(main);
  if (pid !== undefined) assert.equal(groupAlive(pid), false, 'no server process is left behind');
  return main;
}

const ours = (repo: string, pr: number) => fake.comments(repo, pr).filter((c) => c.user.login === 'github-actions[bot]');

describe('mode run', () => {
  it('on push: writes the summary and uploads the bundle, posts no comment', async () => {
    const repo = newRepo();
    const main = await pushRun(repo, { 'entry-points': train(0.9, 0.3), thresholds: 'accuracy >= 0.8' });
    assert.equal(main.code, 0, main.stdout);
    assert.match(main.summary, /## MLflow run comparison · train/);
    assert.match(main.summary, /No baseline/);
    const [artifact] = fake.artifacts({ repo });
    assert.equal(artifact?.name, 'mlflow-ts-results-train');
    const files = fake.artifactFiles(artifact.id);
    assert.deepEqual([...files.keys()].sort(), ['bundle.json', 'report.json', 'report.md']);
    const bundle = JSON.parse(files.get('bundle.json')!.toString());
    assert.equal(bundle.runs.length, 1);
    assert.equal(bundle.runs[0].tags['mlflow.project.entryPoint'], 'train');
    assert.equal(bundle.runs[0].tags['mlflow_ts.gates.passed'], 'true');
    assert.equal(fake.calls.filter((c) => c.path.includes('/comments')).length, 0, 'no comment calls on push');
    assert.equal(main.outputs.passed, 'true');
    assert.deepEqual(JSON.parse(main.outputs['run-ids']!), [bundle.runs[0].run_id]);
    assert.ok(existsSync(path.join(main.outputs['report-path']!, 'report.md')));
  });

  it('on a pull request: compares with the base branch, creates the comment, then updates it in place', async () => {
    const repo = newRepo();
    await pushRun(repo, { 'entry-points': train(0.9, 0.3) });
    const pr = fake.addPullRequest(repo, { number: 7 });

    const first = await prRun(repo, pr, { 'entry-points': train(0.92, 0.25), thresholds: 'accuracy >= 0.8\nloss <= baseline' });
    assert.equal(first.code, 0, first.stdout);
    const [comment] = ours(repo, 7);
    assert.ok(comment, 'the comment was created');
    const firstBody = comment.body;
    assert.ok(comment.body.startsWith(stickyMarker('ci.yml/train')), comment.body.slice(0, 200));
    assert.match(comment.body, /1 matched/);
    assert.match(comment.body, /accuracy/);
    const report = JSON.parse(readFileSync(path.join(first.outputs['report-path']!, 'report.json'), 'utf8'));
    assert.equal(report.pr_number, 7);
    assert.equal(report.head_sha, pr.headSha);
    assert.equal(report.passed, true);

    const second = await prRun(repo, pr, { 'entry-points': train(0.95, 0.2) });
    assert.equal(second.code, 0, second.stdout);
    const after = ours(repo, 7);
    assert.equal(after.length, 1, 'still one comment');
    assert.equal(after[0]!.id, comment.id, 'updated in place');
    assert.notEqual(after[0]!.body, firstBody);
    assert.match(after[0]!.body, /0\.95/);
    const statuses = fake.statuses(repo, pr.headSha);
    assert.equal(statuses[0]?.state, 'success');
  });

  it('finds its comment on page 2 of a pull request with 150 comments', async () => {
    const repo = newRepo();
    const pr = fake.addPullRequest(repo, { number: 8 });
    for (let i = 0; i < 130; i++) fake.addComment(repo, 8, { user: `reviewer${i % 7}`, body: `comment ${i}` });
    await prRun(repo, pr, { 'entry-points': train(0.9, 0.3), baseline: 'none' });
    const [created] = ours(repo, 8);
    assert.ok(created);
    for (let i = 130; i < 149; i++) fake.addComment(repo, 8, { user: 'reviewer', body: `comment ${i}` });
    assert.equal(fake.comments(repo, 8).length, 150);
    fake.resetCalls();

    await prRun(repo, pr, { 'entry-points': train(0.91, 0.3), baseline: 'none' });
    assert.equal(fake.comments(repo, 8).length, 150, 'no new comment');
    assert.equal(ours(repo, 8)[0]!.id, created.id);
    const listed = fake.calls.filter((c) => c.method === 'GET' && /\/issues\/8\/comments$/.test(c.path));
    assert.ok(listed.some((c) => c.query.page === '2'), 'the second page was read');
    assert.ok(fake.calls.some((c) => c.method === 'PATCH' && c.path.endsWith(`/issues/comments/${created.id}`)));
  });

  it('ignores the marker in another user\'s comment', async () => {
    const repo = newRepo();
    const pr = fake.addPullRequest(repo, { number: 9 });
    const quoted = fake.addComment(repo, 9, { user: 'mallory', body: `${stickyMarker('ci.yml/train')}\nI wrote the marker myself` });
    await prRun(repo, pr, { 'entry-points': train(0.9, 0.3), baseline: 'none' });
    const comments = fake.comments(repo, 9);
    assert.equal(comments.length, 2, 'a comment of our own was created');
    assert.equal(comments.find((c) => c.id === quoted.id)!.body, `${stickyMarker('ci.yml/train')}\nI wrote the marker myself`);
    assert.equal(ours(repo, 9).length, 1);
  });

  it('keeps one comment per matrix job', async () => {
    const repo = newRepo();
    const pr = fake.addPullRequest(repo, { number: 10 });
    const legs = ['{"python":"3.11"}', '{"python":"3.12"}'];
    for (const matrix of legs) await prRun(repo, pr, { 'entry-points': train(0.9, 0.3), baseline: 'none', matrix });
    await prRun(repo, pr, { 'entry-points': train(0.93, 0.3), baseline: 'none', matrix: legs[0]! });
    const comments = ours(repo, 10);
    assert.equal(comments.length, 2);
    assert.ok(comments.some((c) => c.body.startsWith(stickyMarker('ci.yml/train/python=3.11'))));
    assert.ok(comments.some((c) => c.body.startsWith(stickyMarker('ci.yml/train/python=3.12'))));
    const names = fake.artifacts({ repo }).map((a) => a.name);
    assert.ok(names.includes('mlflow-ts-results-train-python=3.11') && names.includes('mlflow-ts-results-train-python=3.12'), names.join(', '));
  });

  it('degrades to the job summary on a fork pull request with a read-only token', async () => {
    const repo = newRepo();
    const readOnly = fake.addToken({ kind: 'installation', permissions: 'read' });
    const pr = fake.addPullRequest(repo, { number: 11, headRepo: 'contributor/models' });
    const main = await prRun(repo, pr, { 'entry-points': train(0.9, 0.3), thresholds: 'accuracy >= 0.8', baseline: 'none' }, { token: readOnly });
    assert.equal(main.code, 0, main.stdout);
    assert.equal(fake.comments(repo, 11).length, 0);
    const notices = main.annotations.filter((a) => a.level === 'notice').map((a) => a.message);
    assert.ok(notices.some((n) => /pull request comment: skipped/.test(n) && /pull-requests: write/.test(n)), notices.join('\n'));
    assert.ok(notices.some((n) => /commit status: skipped/.test(n)), notices.join('\n'));
    assert.equal(main.annotations.filter((a) => a.level === 'error').length, 0);
    assert.match(main.summary, /MLflow run comparison/);
    assert.equal(fake.artifacts({ repo }).length, 1, 'the report is uploaded for a workflow_run job to post');
  });

  it('reports a missing baseline without failing', async () => {
    const repo = newRepo();
    const pr = fake.addPullRequest(repo, { number: 12 });
    const main = await prRun(repo, pr, { 'entry-points': train(0.9, 0.3), thresholds: 'loss <= baseline' });
    assert.equal(main.code, 0, main.stdout);
    const body = ours(repo, 12)[0]!.body;
    assert.match(body, /No baseline/);
    assert.match(body, /there is no successful run of workflow ci\.yml on branch main/);
    assert.match(body, /skipped/, 'the regression gate is skipped without a baseline');
    assert.equal(main.outputs.passed, 'true');
  });

  it('fails the step with the table of failed gates, after recording the verdict and posting', async () => {
    const repo = newRepo();
    await pushRun(repo, { 'entry-points': train(0.9, 0.3) });
    const pr = fake.addPullRequest(repo, { number: 13 });
    fake.resetCalls();
    const main = await prRun(repo, pr, { 'entry-points': train(0.85, 0.4), thresholds: 'accuracy >= 0.8\nloss <= baseline + 0.05\naccuracy >= 0.95' });
    assert.equal(main.code, 1);
    assert.equal(main.outputs.passed, 'false');
    const error = main.annotations.find((a) => a.level === 'error')!.message;
    assert.match(error, /Gates failed \(fail-on: threshold\)/);
    assert.match(error, /FAIL +regression +\[entry_point=train\] loss <= baseline \+ 0\.05/);
    assert.match(error, /FAIL +threshold +\[entry_point=train\] accuracy >= 0\.95/);
    assert.doesNotMatch(error, /accuracy >= 0\.8\b/, 'only what failed');

    const artifact = fake.artifacts({ repo }).at(-1);
    const bundle = JSON.parse(fake.artifactFiles(artifact!.id).get('bundle.json')!.toString());
    const tags = bundle.runs[0].tags;
    assert.equal(tags['mlflow_ts.gates.passed'], 'false');
    assert.equal(tags['mlflow_ts.gates.job_passed'], 'false');
    assert.equal(JSON.parse(tags['mlflow_ts.gates']).filter((g: { status: string }) => g.status === 'fail').length, 2);
    // The verdict is in the uploaded bundle before the comment is attempted.
    const finalize = fake.calls.findIndex((c) => c.path.endsWith('/FinalizeArtifact'));
    const comment = fake.calls.findIndex((c) => c.method === 'POST' && c.path.endsWith('/issues/13/comments'));
    assert.ok(finalize !== -1 && comment > finalize, 'bundle uploaded before the comment');
    assert.match(ours(repo, 13)[0]!.body, /Gates failed/);
    const [status] = fake.statuses(repo, pr.headSha);
    assert.equal(status?.state, 'failure');
    assert.match(status.description ?? '', /2 of 3 gates failed/);
  });

  it('with fail-on: regression, a failed threshold gate does not fail the step', async () => {
    const repo = newRepo();
    const pr = fake.addPullRequest(repo, { number: 14 });
    const main = await prRun(repo, pr, { 'entry-points': train(0.85, 0.4), thresholds: 'accuracy >= 0.95', 'fail-on': 'regression', baseline: 'none' });
    assert.equal(main.code, 0, main.stdout);
    assert.equal(main.outputs.passed, 'true');
    assert.match(ours(repo, 14)[0]!.body, /not blocking under fail-on: regression/);
  });

  it('a failed comment never hides a failed gate', async () => {
    const repo = newRepo();
    const readOnly = fake.addToken({ kind: 'installation', permissions: 'read' });
    const pr = fake.addPullRequest(repo, { number: 15, headRepo: 'contributor/models' });
    const main = await prRun(repo, pr, { 'entry-points': train(0.5, 0.4), thresholds: 'accuracy >= 0.9', baseline: 'none' }, { token: readOnly });
    assert.equal(main.code, 1);
    assert.match(main.annotations.find((a) => a.level === 'error')!.message, /accuracy >= 0\.9/);
    assert.equal(fake.comments(repo, 15).length, 0);
  });

  it('runs an evaluation suite and judges its thresholds with the gates', async () => {
    const repo = newRepo();
    const pr = fake.addPullRequest(repo, { number: 16 });
    const suite = path.join(project, 'eval.yaml');
    const main = await prRun(repo, pr, { 'entry-points': train(0.9, 0.3), eval: suite, thresholds: '[eval=lookup] exact_match/pass_rate >= 0.9', baseline: 'none', 'fail-on': 'never' });
    assert.equal(main.code, 0, main.stdout);
    const report = JSON.parse(readFileSync(path.join(main.outputs['report-path']!, 'report.json'), 'utf8'));
    const gates = report.comparison.gates.results.map((g: { source: string; status: string }) => `${g.status} ${g.source}`);
    assert.ok(gates.includes('pass [eval=lookup] exact_match/pass_rate >= 0.5'), gates.join('\n'));
    assert.ok(gates.includes('fail [eval=lookup] exact_match/pass_rate >= 0.9'), gates.join('\n'));
    const bundle = JSON.parse(readFileSync(path.join(main.outputs['report-path']!, 'bundle.json'), 'utf8'));
    const evalRun = bundle.runs.find((r: { tags: Record<string, string> }) => r.tags['mlflow_ts.eval.target'] === 'lookup');
    assert.equal(evalRun.metrics['exact_match/pass_rate'].at(-1).value, 0.75);
    assert.equal(evalRun.tags['mlflow_ts.gates.passed'], 'true', 'fail-on: never');
    assert.equal(evalRun.eval.total_rows, 4);
    assert.match(ours(repo, 16)[0]!.body, /lookup/);
  });

  it('reports an entry point that failed and fails the step after the report', async () => {
    const repo = newRepo();
    const pr = fake.addPullRequest(repo, { number: 17 });
    const main = await prRun(repo, pr, { 'entry-points': 'train: exit_code=3', baseline: 'none' });
    assert.equal(main.code, 1);
    assert.match(main.annotations.find((a) => a.level === 'error')!.message, /Entry point train \(exit_code=3\) ended FAILED \(exit code 1\)/);
    assert.match(ours(repo, 17)[0]!.body, /Entry point train/);
  });

  it('logs to a remote tracking server and compares with tracking:<experiment>, leaving the server running', async () => {
    const dir = scratch('action-remote-');
    const remote = await launchServer({ cli: CLI, args: ['--port', '0', '--backend-store-uri', path.join(dir, 'db.sqlite'), '--artifacts-destination', path.join(dir, 'art')] });
    try {
      const repo = newRepo();
      const shared = { 'tracking-uri': remote.url, 'experiment-name': 'shared' };
      const push = await pushRun(repo, { ...shared, 'entry-points': train(0.8, 0.3), baseline: 'none' });
      assert.equal(push.outputs['tracking-uri'], remote.url);
      const pr = fake.addPullRequest(repo, { number: 18 });
      const main = await prRun(repo, pr, { ...shared, 'entry-points': train(0.9, 0.3), baseline: 'tracking:shared', thresholds: 'accuracy >= baseline' });
      assert.equal(main.code, 0, main.stdout);
      const bundle = JSON.parse(readFileSync(path.join(main.outputs['report-path']!, 'bundle.json'), 'utf8'));
      assert.equal(bundle.runs.length, 1, 'only this job\'s run, not the earlier one in the same experiment');
      const report = JSON.parse(readFileSync(path.join(main.outputs['report-path']!, 'report.json'), 'utf8'));
      assert.equal(report.comparison.summary.matched, 1);
      assert.equal(report.comparison.runs[0].metrics.find((m: { name: string }) => m.name === 'accuracy').baseline, 0.8);
      assert.match(report.baseline.description, /experiment "shared"/);
      assert.equal((await fetch(`${remote.url}/health`)).status, 200, 'a remote server is not ours to stop');
    } finally {
      await remote.stop();
    }
  });

  it('compares with a bundle file or a bundle URL', async () => {
    const repo = newRepo();
    const base = await pushRun(repo, { 'entry-points': train(0.8, 0.5), baseline: 'none' });
    const file = path.join(base.outputs['report-path']!, 'bundle.json');
    const pr = fake.addPullRequest(repo, { number: 19 });
    const fromFile = await prRun(repo, pr, { 'entry-points': train(0.9, 0.4), baseline: file });
    const viaFile = JSON.parse(readFileSync(path.join(fromFile.outputs['report-path']!, 'report.json'), 'utf8'));
    assert.equal(viaFile.comparison.summary.matched, 1);
    assert.equal(viaFile.baseline.description, file);

    const server = http.createServer((req, res) => {
      if (req.url === '/bundle.json') res.end(readFileSync(file));
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const fromUrl = await prRun(repo, pr, { 'entry-points': train(0.9, 0.4), baseline: `${url}/bundle.json` });
      assert.equal(JSON.parse(readFileSync(path.join(fromUrl.outputs['report-path']!, 'report.json'), 'utf8')).comparison.summary.matched, 1);
      const missing = await prRun(repo, pr, { 'entry-points': train(0.9, 0.4), baseline: `${url}/gone.json` });
      assert.equal(missing.code, 0, 'an unreadable baseline is reported, not fatal');
      assert.match(ours(repo, 19)[0]!.body, /answered 404/);
    } finally {
      server.close();
    }
  });
});
