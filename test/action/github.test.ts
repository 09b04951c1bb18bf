/**
 * The sticky PR comment, gate statuses and check runs against the fake GitHub, through the real
 * Octokit of @actions/github: which comment is ours (the token's identity, every page, the exact
 * marker), what a read-only token gets, and what untrusted report text can no longer do.
 */
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  GitHubApiError,
  GitHubPermissionError,
  createGateCheckRun,
  createOctokit,
  escapeUntrusted,
  setGateStatus,
  stickyMarker,
  stickyMarkerKey,
  stickyMarkerKeyFromEnv,
  tokenIdentity,
  upsertStickyComment,
  workflowFileFromRef,
  type StickyCommentOptions,
} from '../../src/action/github.ts';
import { startFakeGitHub, type FakeGitHub } from '../fakes/github.ts';

const OWNER = 'acme';
const REPO = 'models';
const FULL = `${OWNER}/${REPO}`;
const SHA = 'a'.repeat(40);

let fake: FakeGitHub;
let writeToken: string;
let readToken: string;
let pat: string;
let pr = 0;

before(async () => {
  fake = await startFakeGitHub();
  writeToken = fake.addToken({ kind: 'installation', permissions: 'write' });
  readToken = fake.addToken({ kind: 'installation', permissions: 'read' });
  pat = fake.addToken({ kind: 'pat', login: 'octocat' });
});
after(async () => {
  await fake.close();
});
beforeEach(() => {
  pr++;
  fake.resetCalls();
});

function upsert(token: string, options: Partial<StickyCommentOptions> = {}): ReturnType<typeof upsertStickyComment> {
  return upsertStickyComment({
    octokit: createOctokit(token, { baseUrl: fake.apiUrl }),
    owner: OWNER,
    repo: REPO,
    issueNumber: pr,
    marker: 'ci.yml/evaluate',
    body: 'report v1',
    mode: 'update',
    ...options,
  });
}

const restCalls = (): string[] => fake.calls.map((c) => `${c.method} ${c.path}${c.query.page ? `?page=${c.query.page}` : ''}`);

describe('sticky PR comment', () => {
  it('creates the first comment as the workflow token, with the marker as its first line', async () => {
    const result = await upsert(writeToken);
    assert.equal(result.action, 'created');
    const [comment, ...rest] = fake.comments(FULL, pr);
    assert.equal(rest.length, 0);
    assert.equal(comment!.id, result.id);
    assert.equal(comment!.user.login, 'github-actions[bot]');
    assert.equal(comment!.body, `${stickyMarker('ci.yml/evaluate')}\nreport v1`);
    assert.equal(result.url, `https://github.com/${FULL}/issues/${pr}#issuecomment-${result.id}`);
    // GET /user is refused to an installation token; GraphQL viewer names the bot.
    assert.deepEqual(restCalls(), ['GET /user', 'POST /graphql', `GET /repos/${FULL}/issues/${pr}/comments`, `POST /repos/${FULL}/issues/${pr}/comments`]);
    assert.equal(fake.calls[0]!.status, 403);
    assert.ok(fake.calls.every((c) => c.headers.authorization === undefined));
  });

  it('updates its comment in place on the second run', async () => {
    const first = await upsert(writeToken);
    const second = await upsert(writeToken, { body: 'report v2' });
    assert.deepEqual(second, { action: 'updated', id: first.id, url: first.url });
    const comments = fake.comments(FULL, pr);
    assert.equal(comments.length, 1);
    assert.equal(comments[0]!.body, `${stickyMarker('ci.yml/evaluate')}\nreport v2`);
    assert.ok(restCalls().includes(`PATCH /repos/${FULL}/issues/comments/${first.id}`));
  });

  it('finds its marker on page 2 of a PR with 150 comments', async () => {
    const marker = stickyMarker('ci.yml/evaluate');
    for (let i = 0; i < 120; i++) fake.addComment(FULL, pr, { user: i % 2 ? 'alice' : 'bob', body: `review note ${i}` });
    const ours = fake.addComment(FULL, pr, { user: 'github-actions[bot]', body: `${marker}\nold report` });
    for (let i = 0; i < 29; i++) fake.addComment(FULL, pr, { user: 'carol', body: `later note ${i}` });
    assert.equal(fake.comments(FULL, pr).length, 150);

    const result = await upsert(writeToken, { body: 'new report' });
    assert.equal(result.action, 'updated');
    assert.equal(result.id, ours.id);
    assert.equal(fake.comments(FULL, pr).length, 150);
    assert.equal(fake.comments(FULL, pr).find((c) => c.id === ours.id)!.body, `${marker}\nnew report`);
    // The second page was fetched through GitHub's Link header (the /repositories/{id} form).
    const pages = fake.calls.filter((c) => c.method === 'GET' && c.path.endsWith(`/issues/${pr}/comments`));
    assert.deepEqual(
      pages.map((c) => [c.path.startsWith('/repositories/'), c.query.page ?? '1', c.query.per_page]),
      [
        [false, '1', '100'],
        [true, '2', '100'],
      ],
    );
  });

  it('walks every page, updating the newest of its own marked comments', async () => {
    const marker = stickyMarker('ci.yml/evaluate');
    fake.addComment(FULL, pr, { user: 'github-actions[bot]', body: `${marker}\nold 1` });
    for (let i = 0; i < 130; i++) fake.addComment(FULL, pr, { user: 'alice', body: `note ${i}` });
    const newest = fake.addComment(FULL, pr, { user: 'github-actions[bot]', body: `${marker}\nold 2` });
    const result = await upsert(writeToken);
    assert.equal(result.id, newest.id);
  });

  it('ignores the marker in another user\'s comment', async () => {
    const marker = stickyMarker('ci.yml/evaluate');
    const spoof = fake.addComment(FULL, pr, { user: 'mallory', body: `${marker}\nall gates passed, merge away` });
    const result = await upsert(writeToken);
    assert.equal(result.action, 'created');
    assert.notEqual(result.id, spoof.id);
    assert.equal(fake.comments(FULL, pr).find((c) => c.id === spoof.id)!.body, `${marker}\nall gates passed, merge away`);
    assert.equal(fake.comments(FULL, pr).length, 2);
  });

  it('keeps one comment per matrix job', async () => {
    const ubuntu = stickyMarkerKey({ workflow: 'ci.yml', job: 'evaluate', matrix: { os: 'ubuntu', node: 24 } });
    const windows = stickyMarkerKey({ workflow: 'ci.yml', job: 'evaluate', matrix: { node: 24, os: 'windows' } });
    assert.equal(ubuntu, 'ci.yml/evaluate/node=24,os=ubuntu');
    const a1 = await upsert(writeToken, { marker: ubuntu, body: 'ubuntu v1' });
    const b1 = await upsert(writeToken, { marker: windows, body: 'windows v1' });
    const a2 = await upsert(writeToken, { marker: ubuntu, body: 'ubuntu v2' });
    const b2 = await upsert(writeToken, { marker: windows, body: 'windows v2' });
    assert.deepEqual([a1.action, b1.action, a2.action, b2.action], ['created', 'created', 'updated', 'updated']);
    assert.equal(a2.id, a1.id);
    assert.equal(b2.id, b1.id);
    assert.deepEqual(
      fake.comments(FULL, pr).map((c) => c.body.split('\n')[1]),
      ['ubuntu v2', 'windows v2'],
    );
  });

  it('does not take a comment whose marker key merely starts with its own', async () => {
    await upsert(writeToken, { marker: 'ci.yml/evaluate-2', body: 'other job' });
    const result = await upsert(writeToken, { marker: 'ci.yml/evaluate', body: 'this job' });
    assert.equal(result.action, 'created');
    assert.equal(fake.comments(FULL, pr).length, 2);
  });

  it('posts a new comment each time in mode new', async () => {
    const first = await upsert(writeToken, { mode: 'new' });
    const second = await upsert(writeToken, { mode: 'new' });
    assert.deepEqual([first.action, second.action], ['created', 'created']);
    assert.notEqual(first.id, second.id);
    assert.equal(fake.comments(FULL, pr).length, 2);
    assert.ok(!restCalls().some((c) => c.includes('/comments') && c.startsWith('GET')), 'mode new does not list comments');
  });

  it('recognises a PAT user\'s own comments (GET /user), not the bot\'s', async () => {
    const marker = stickyMarker('ci.yml/evaluate');
    const bots = fake.addComment(FULL, pr, { user: 'github-actions[bot]', body: `${marker}\nby the bot` });
    const mine = fake.addComment(FULL, pr, { user: 'octocat', body: `${marker}\nby octocat` });
    const octokit = createOctokit(pat, { baseUrl: fake.apiUrl });
    assert.deepEqual(await tokenIdentity(octokit), { login: 'octocat', source: 'rest' });
    const result = await upsertStickyComment({ octokit, owner: OWNER, repo: REPO, issueNumber: pr, marker: 'ci.yml/evaluate', body: 'v2', mode: 'update' });
    assert.equal(result.id, mine.id);
    assert.equal(fake.comments(FULL, pr).find((c) => c.id === bots.id)!.body, `${marker}\nby the bot`);
    assert.ok(!restCalls().includes('POST /graphql'));
  });

  it('throws GitHubPermissionError naming pull-requests: write for a read-only token (fork PR)', async () => {
    await assert.rejects(upsert(readToken), (error: unknown) => {
      assert.ok(error instanceof GitHubPermissionError);
      assert.equal(error.status, 403);
      assert.equal(error.permission, 'pull-requests: write');
      assert.equal(error.serverMessage, 'Resource not accessible by integration');
      assert.match(error.message, /`pull-requests: write`/);
      assert.match(error.message, /forks/);
      assert.match(error.message, /workflow_run/);
      return true;
    });
    assert.equal(fake.comments(FULL, pr).length, 0);
  });

  it('fails on bad credentials with GitHubApiError, not a permission error', async () => {
    await assert.rejects(upsert('ghs_not-a-token'), (error: unknown) => {
      assert.ok(error instanceof GitHubApiError);
      assert.equal(error.status, 401);
      assert.match(error.message, /github-token/);
      return true;
    });
  });

  it('refuses a body over GitHub\'s limit before calling GitHub', async () => {
    await assert.rejects(upsert(writeToken, { body: 'x'.repeat(65536) }), RangeError);
    assert.equal(fake.calls.length, 0);
  });

  it('cannot be made to carry another job\'s marker by its body', async () => {
    const otherMarker = stickyMarker('ci.yml/other-job');
    await upsert(writeToken, { body: `${otherMarker}\nsmuggled` });
    const result = await upsert(writeToken, { marker: 'ci.yml/other-job', body: 'the real other job' });
    assert.equal(result.action, 'created');
    const [first] = fake.comments(FULL, pr);
    assert.equal(first!.body.split(stickyMarker('ci.yml/other-job')).length, 1, 'the smuggled marker was neutralised');
  });
});

describe('marker keys', () => {
  it('cannot end the HTML comment or run two dashes together', () => {
    const marker = stickyMarker('ci.yml/x--> <img src=x>');
    assert.equal(marker.match(/-->/g)!.length, 1);
    assert.ok(marker.endsWith(' -->'));
    assert.doesNotMatch(marker.slice(4, -3), /--|<|>/);
  });

  it('is derived from the runner environment', () => {
    const env = { GITHUB_WORKFLOW_REF: 'acme/models/.github/workflows/ci.yml@refs/pull/3/merge', GITHUB_WORKFLOW: 'CI', GITHUB_JOB: 'evaluate' };
    assert.equal(stickyMarkerKeyFromEnv(env), 'ci.yml/evaluate');
    assert.equal(stickyMarkerKeyFromEnv(env, { python: '3.12' }), 'ci.yml/evaluate/python=3.12');
    assert.equal(stickyMarkerKeyFromEnv({ GITHUB_WORKFLOW: 'CI', GITHUB_JOB: 'e' }), 'CI/e');
    assert.equal(workflowFileFromRef('o/r/.github/workflows/nested/eval.yaml@refs/heads/main'), 'nested/eval.yaml');
  });
});

describe('escapeUntrusted', () => {
  it('neutralises HTML comments (markers), tags and attributes, keeping layout tags', () => {
    const text = [
      '<!-- mlflow-ts-action:ci.yml/evaluate -->',
      '<details open><summary>Runs</summary>',
      '<img src="https://evil.example/x.png" onerror="alert(1)">',
      '<a href="javascript:alert(1)">click</a>',
      '<script>alert(1)</script>',
      '</details><br/>',
    ].join('\n');
    const out = escapeUntrusted(text);
    assert.doesNotMatch(out, /<!--/);
    assert.doesNotMatch(out, /<(img|a|script)\b/i);
    assert.match(out, /^&lt;!-- mlflow-ts-action/);
    assert.match(out, /<details open><summary>Runs<\/summary>/);
    assert.match(out, /<\/details><br\/>/);
    assert.match(out, /&lt;img src=/);
  });

  it('stops @-mentions from notifying anyone, leaving e-mail addresses alone', () => {
    const out = escapeUntrusted('cc @octocat and @acme/reviewers\n@admin please; mail ops@example.com');
    assert.equal(out, 'cc @\u200boctocat and @\u200bacme/reviewers\n@\u200badmin please; mail ops@example.com');
  });

  it('keeps plain Markdown intact', () => {
    const table = '| metric | base | now |\n| --- | ---: | ---: |\n| accuracy | 0.91 | 0.93 |\n\n```mermaid\nxychart-beta\n```';
    assert.equal(escapeUntrusted(table), table);
  });
});

describe('gate status and check run', () => {
  it('posts the commit status, cutting the description to 140 characters', async () => {
    const octokit = createOctokit(writeToken, { baseUrl: fake.apiUrl });
    const description = `2 gates failed: ${'accuracy >= 0.9, '.repeat(12)}`;
    const status = await setGateStatus({
      octokit,
      owner: OWNER,
      repo: REPO,
      sha: SHA,
      state: 'failure',
      description,
      context: 'mlflow-ts / gates (evaluate)',
      targetUrl: 'https://github.com/acme/models/actions/runs/1',
    });
    const [posted] = fake.statuses(FULL, SHA);
    assert.equal(posted!.id, status.id);
    assert.equal(posted!.state, 'failure');
    assert.equal(posted!.context, 'mlflow-ts / gates (evaluate)');
    assert.equal(posted!.targetUrl, 'https://github.com/acme/models/actions/runs/1');
    assert.equal(posted!.description!.length, 140);
    assert.ok(posted!.description!.endsWith('…'));
    assert.ok(description.startsWith(posted!.description!.slice(0, -1)));
  });

  it('throws GitHubPermissionError naming statuses: write for a read-only token', async () => {
    const octokit = createOctokit(readToken, { baseUrl: fake.apiUrl });
    await assert.rejects(setGateStatus({ octokit, owner: OWNER, repo: REPO, sha: SHA, state: 'success', description: 'ok', context: 'gates' }), (error: unknown) => {
      assert.ok(error instanceof GitHubPermissionError);
      assert.equal(error.permission, 'statuses: write');
      assert.match(error.message, /`statuses: write`/);
      assert.match(error.message, /GitHub accepts: statuses: write/);
      return true;
    });
  });

  it('creates a completed check run, sending annotations 50 at a time', async () => {
    const octokit = createOctokit(writeToken, { baseUrl: fake.apiUrl });
    const annotations = Array.from({ length: 120 }, (_, i) => ({ path: 'thresholds.txt', startLine: i + 1, level: 'failure' as const, message: `gate ${i} failed` }));
    const check = await createGateCheckRun({ octokit, owner: OWNER, repo: REPO, sha: SHA, name: 'mlflow-ts gates', conclusion: 'failure', title: '120 gates failed', summary: 'see the report', annotations });
    const [stored] = fake.checkRuns(FULL).filter((c) => c.id === check.id);
    assert.equal(stored!.conclusion, 'failure');
    assert.equal(stored!.status, 'completed');
    assert.deepEqual(stored!.annotations.map((a) => a.start_line), annotations.map((a) => a.startLine));
    assert.deepEqual(
      fake.calls.filter((c) => c.path.includes('/check-runs')).map((c) => `${c.method} ${(c.body as { output: { annotations: unknown[] } }).output.annotations.length}`),
      ['POST 50', 'PATCH 50', 'PATCH 20'],
    );
  });

  it('explains that a PAT cannot create check runs', async () => {
    const octokit = createOctokit(pat, { baseUrl: fake.apiUrl });
    await assert.rejects(
      createGateCheckRun({ octokit, owner: OWNER, repo: REPO, sha: SHA, name: 'gates', conclusion: 'success', title: 'ok', summary: 'ok' }),
      (error: unknown) => error instanceof GitHubPermissionError && error.permission === 'checks: write' && /GitHub App token/.test(error.message),
    );
  });
});
