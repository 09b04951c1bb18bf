/**
 * The fork-safe pattern: a fork's pull request runs the action with a read-only token and only
 * uploads its report; a `workflow_run` workflow runs the action in mode `comment` with a write
 * token and posts it, after checking the report against the triggering run and treating its
 * content as untrusted.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startFakeGitHub, type FakePullRequest, type FakeRun } from '../fakes/github.ts';
import { stickyMarker } from '../../src/action/github.ts';
import { PROJECT, pullRequestPayload, ROOT, runJob, runStep, type StepResult, removeScratch } from './fixtures/harness.ts';

const fake = await startFakeGitHub();
after(async () => {
  await fake.close();
  await removeScratch();
});
const writeToken = fake.addToken({ kind: 'installation', permissions: 'write' });
const forkToken = fake.addToken({ kind: 'installation', permissions: 'read' });
const repo = 'acme/fork-safe';
const project = path.relative(ROOT, PROJECT);
const MARKER = (artifact: string): string => stickyMarker(`workflow_run:ci.yml/${artifact}`);

/** The `workflow_run` event payload for the comment workflow, as GitHub sends it for `run`. */
function workflowRunPayload(run: FakeRun, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    action: 'completed',
    workflow_run: {
      id: run.id,
      run_number: run.runNumber,
      head_sha: run.headSha,
      head_branch: run.headBranch,
      event: run.event,
      path: '.github/workflows/ci.yml',
      name: 'ci',
      html_url: `https://github.com/${repo}/actions/runs/${run.id}`,
      // GitHub lists no pull requests on runs from forks.
      pull_requests: [],
      ...overrides,
    },
    repository: { full_name: repo },
  };
}

async function commentJob(trigger: FakeRun, payload = workflowRunPayload(trigger)): Promise<StepResult> {
  const run = fake.addRun(repo, { workflow: 'comment.yml', event: 'workflow_run', headBranch: 'main' });
  const main = await runStep('main', { fake, run, token: writeToken, job: 'comment', inputs: { mode: 'comment' }, payload });
  return main;
}

let pr: FakePullRequest;
let prRun: FakeRun;
let reportJson: Record<string, unknown>;

before(async () => {
  pr = fake.addPullRequest(repo, { number: 31, headRepo: 'contributor/fork' });
  prRun = fake.addRun(repo, { workflow: 'ci.yml', headBranch: pr.headRef, headSha: pr.headSha, event: 'pull_request', pullRequests: [], status: 'in_progress' });
  const { main } = await runJob({ fake, run: prRun, token: forkToken, inputs: { project, 'entry-points': 'train: accuracy=0.88', comment: 'off', baseline: 'none' }, payload: pullRequestPayload(repo, pr) });
  assert.equal(main.code, 0, main.stdout);
  const [artifact] = fake.artifacts({ runId: prRun.id });
  reportJson = JSON.parse(fake.artifactFiles(artifact!.id).get('report.json')!.toString());
});

/** A run of the PR's workflow that uploaded `report` (as a fork could, with any content). */
function runWithReport(report: Record<string, unknown>, headSha = pr.headSha): FakeRun {
  const run = fake.addRun(repo, { workflow: 'ci.yml', headBranch: pr.headRef, headSha, event: 'pull_request', pullRequests: [] });
  fake.addArtifact(run.id, { name: 'mlflow-ts-results-train', files: { 'report.json': JSON.stringify(report) } });
  return run;
}

const bot = (n: number) => fake.comments(repo, n).filter((c) => c.user.login === 'github-actions[bot]');

describe('mode comment (workflow_run)', () => {
  it('posts the report of a fork pull request, then updates it in place', async () => {
    assert.equal(fake.comments(repo, 31).length, 0, 'the fork run could not comment');
    const first = await commentJob(prRun);
    assert.equal(first.code, 0, first.stdout);
    const [comment] = bot(31);
    assert.ok(comment?.body.startsWith(MARKER('mlflow-ts-results-train')), comment?.body.slice(0, 200));
    assert.match(comment!.body, /MLflow run comparison · train/);
    assert.match(comment!.body, /accuracy/);
    assert.match(comment!.body, new RegExp(`actions/runs/${prRun.id}/artifacts/\\d+`), 'links the report artifact');

    const second = await commentJob(prRun);
    assert.equal(second.code, 0, second.stdout);
    assert.equal(bot(31).length, 1);
    assert.equal(bot(31)[0]!.id, comment!.id);
  });

  it('escapes what the report says and cannot take over another job\'s comment', async () => {
    const other = fake.addComment(repo, 31, { user: 'github-actions[bot]', body: `${stickyMarker('ci.yml/train')}\nthe train job's own comment` });
    const evil = structuredClone(reportJson) as { job: string; comparison: { runs: { key: { value: string }; current?: { run_name: string } }[] } };
    const payload = `${stickyMarker('ci.yml/train')} @admin <img src=x onerror=alert(1)> <script>alert(1)</script>`;
    evil.job = payload;
    evil.comparison.runs[0]!.key.value = payload;
    evil.comparison.runs[0]!.current!.run_name = payload;
    const run = runWithReport(evil);
    const step = await commentJob(run);
    assert.equal(step.code, 0, step.stdout);
    assert.equal(fake.comments(repo, 31).find((c) => c.id === other.id)!.body, `${stickyMarker('ci.yml/train')}\nthe train job's own comment`, 'untouched');
    const posted = bot(31).filter((c) => c.id !== other.id);
    assert.equal(posted.length, 1);
    const body = posted[0]!.body;
    assert.match(body, /admin/, 'the tampered report was posted, escaped');
    assert.doesNotMatch(body, /<img|<script/i);
    assert.doesNotMatch(body, /@admin/, 'no mention');
    assert.equal(body.split('<!-- mlflow-ts-action:').length - 1, posted.length, 'only each comment\'s own marker line');
  });

  it('refuses a report for another commit than the triggering run built', async () => {
    const run = runWithReport({ ...reportJson, head_sha: 'f'.repeat(40) });
    const before = fake.comments(repo, 31).map((c) => `${c.id}:${c.body}`);
    const step = await commentJob(run);
    assert.equal(step.code, 0, step.stdout);
    assert.match(step.annotations.find((a) => a.level === 'warning')?.message ?? '', /report is for commit f{40}, but the triggering run built/);
    assert.deepEqual(fake.comments(repo, 31).map((c) => `${c.id}:${c.body}`), before);
  });

  it('refuses a report that names a pull request whose head is another commit', async () => {
    const elsewhere = fake.addPullRequest(repo, { number: 32, headRepo: 'contributor/fork' });
    const step = await commentJob(runWithReport({ ...reportJson, pr_number: elsewhere.number }));
    assert.equal(step.code, 0, step.stdout);
    assert.match(step.annotations.find((a) => a.level === 'warning')?.message ?? '', /PR #32's head is/);
    assert.equal(fake.comments(repo, 32).length, 0);
  });

  it('checks the pull request list GitHub gives for runs from the same repository', async () => {
    const run = runWithReport({ ...reportJson, pr_number: 33 });
    const step = await commentJob(run, workflowRunPayload(run, { pull_requests: [{ number: 31, head: { sha: pr.headSha } }] }));
    assert.match(step.annotations.find((a) => a.level === 'warning')?.message ?? '', /names PR #33, but the triggering run belongs to #31/);
  });

  it('posts nothing for a push run and refuses other events', async () => {
    const push = fake.addRun(repo, { workflow: 'ci.yml', headBranch: 'main', event: 'push' });
    const step = await commentJob(push);
    assert.equal(step.code, 0, step.stdout);
    assert.match(step.annotations.find((a) => a.level === 'notice')?.message ?? '', /`push` run, not a pull request's/);

    const run = fake.addRun(repo, { workflow: 'comment.yml', event: 'pull_request', headBranch: 'x' });
    const wrong = await runStep('main', { fake, run, token: writeToken, inputs: { mode: 'comment' }, payload: pullRequestPayload(repo, pr) });
    assert.equal(wrong.code, 1);
    assert.match(wrong.annotations.find((a) => a.level === 'error')!.message, /triggered by `workflow_run`/);
  });
});
