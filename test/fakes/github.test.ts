/**
 * The fake GitHub answers as GitHub does: raw HTTP for the wire details (status codes, error bodies,
 * Link headers, permission headers, blob signatures, Twirp errors), and the real @actions/artifact
 * for the results service paths the action's own tests do not take (same-run download by Twirp
 * signed URL, listing, lookup by name, seeded archives read by unzip-stream).
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readZip, startFakeGitHub, writeZip } from './github.ts';

const fake = await startFakeGitHub();
const savedEnv = { ...process.env };
Object.assign(process.env, fake.env());
// @actions/github (under @actions/artifact) reads GITHUB_API_URL when first imported.
const { DefaultArtifactClient } = await import('@actions/artifact');
const work = await mkdtemp(path.join(os.tmpdir(), 'fake-github-test-'));

after(async () => {
  await fake.close();
  await rm(work, { recursive: true, force: true });
  process.env = savedEnv;
});

const write = fake.addToken({ kind: 'installation', permissions: 'write' });
const read = fake.addToken({ kind: 'installation', permissions: 'read' });
const pat = fake.addToken({ kind: 'pat', login: 'octocat', permissions: { pull_requests: 'read' } });

interface Answer {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- GitHub's bodies, read ad hoc as a client would
  json: any;
  text: string;
}

async function call(method: string, pathOrUrl: string, token: string | undefined, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const url = pathOrUrl.startsWith('http') ? pathOrUrl : `${fake.url}${pathOrUrl}`;
  const res = await fetch(url, {
    method,
    redirect: 'manual',
    headers: { ...(token ? { authorization: `token ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(body !== undefined ? { body: typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json, text };
}

describe('REST basics', () => {
  it('refuses a missing or unknown token with 401, and records calls without the token', async () => {
    fake.resetCalls();
    const none = await call('GET', '/repos/o/r/issues/1/comments', undefined);
    assert.equal(none.status, 401);
    assert.equal(none.json.message, 'Requires authentication');
    const bad = await call('GET', '/repos/o/r/issues/1/comments', 'ghs_nope');
    assert.deepEqual(bad.json, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' });
    assert.equal(fake.calls.length, 2);
    assert.ok(fake.calls.every((c) => !('authorization' in c.headers)));
    assert.deepEqual(
      fake.calls.map((c) => [c.service, c.method, c.path, c.status]),
      [
        ['rest', 'GET', '/repos/o/r/issues/1/comments', 401],
        ['rest', 'GET', '/repos/o/r/issues/1/comments', 401],
      ],
    );
  });

  it('answers GET /user with 403 for an installation token and the user for a PAT', async () => {
    const installation = await call('GET', '/user', write);
    assert.equal(installation.status, 403);
    assert.deepEqual(installation.json, {
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
      status: '403',
    });
    const user = await call('GET', '/user', pat);
    assert.equal(user.status, 200);
    assert.equal(user.json.login, 'octocat');
    assert.equal(user.json.type, 'User');
  });

  it('answers GraphQL viewer for both kinds of token, and GraphQL errors for unknown fields', async () => {
    const bot = await call('POST', '/graphql', write, { query: 'query { viewer { login databaseId } }' });
    assert.deepEqual(bot.json, { data: { viewer: { login: 'github-actions[bot]', databaseId: 41898282 } } });
    const user = await call('POST', '/graphql', pat, { query: '{ viewer { login } }' });
    assert.deepEqual(user.json, { data: { viewer: { login: 'octocat' } } });
    const unknown = await call('POST', '/graphql', write, { query: '{ viewer { email } }' });
    assert.equal(unknown.status, 200);
    assert.equal(unknown.json.errors[0].message, "Field 'email' doesn't exist on type 'Bot'");
  });

  it('pages comments 30 by default and at most 100, with GitHub\'s Link header', async () => {
    for (let i = 0; i < 150; i++) fake.addComment('o/paged', 5, { body: `c${i}` });
    const first = await call('GET', '/repos/o/paged/issues/5/comments', write);
    assert.equal(first.json.length, 30);
    const big = await call('GET', '/repos/o/paged/issues/5/comments?per_page=500', write);
    assert.equal(big.json.length, 100);
    const link = big.headers.get('link')!;
    const rels: Record<string, string> = Object.fromEntries([...link.matchAll(/<([^>]+)>; rel="(\w+)"/g)].map((m) => [m[2], m[1]]));
    assert.deepEqual(Object.keys(rels), ['next', 'last']);
    assert.match(rels.next ?? '', /^http:\/\/127\.0\.0\.1:\d+\/repositories\/\d+\/issues\/5\/comments\?per_page=500&page=2$/);
    const second = await call('GET', rels.next ?? '', write);
    assert.deepEqual(
      second.json.map((c: { body: string }) => c.body),
      Array.from({ length: 50 }, (_, i) => `c${100 + i}`),
    );
    const secondRels = [...second.headers.get('link')!.matchAll(/rel="(\w+)"/g)].map((m) => m[1]);
    assert.deepEqual(secondRels, ['prev', 'first']);
    assert.equal(second.json[0].html_url, `https://github.com/o/paged/issues/5#issuecomment-${second.json[0].id}`);
    assert.equal(second.json[0].user.login, 'someone');
  });

  it('refuses writes to a read-only token as GitHub does on fork PRs, naming the permissions it accepts', async () => {
    const denied = await call('POST', '/repos/o/r/issues/9/comments', read, { body: 'hi' });
    assert.equal(denied.status, 403);
    assert.equal(denied.json.message, 'Resource not accessible by integration');
    assert.equal(denied.headers.get('x-accepted-github-permissions'), 'issues=write; pull_requests=write');
    const patDenied = await call('POST', '/repos/o/r/issues/9/comments', pat, { body: 'hi' });
    assert.equal(patDenied.json.message, 'Resource not accessible by personal access token');
    const readOk = await call('GET', '/repos/o/r/issues/9/comments', read);
    assert.equal(readOk.status, 200);
    assert.equal(fake.comments('o/r', 9).length, 0);
  });

  it('creates, updates and deletes comments with GitHub\'s statuses and limits', async () => {
    const created = await call('POST', '/repos/o/r/issues/3/comments', write, { body: 'one' });
    assert.equal(created.status, 201);
    assert.equal(created.json.user.login, 'github-actions[bot]');
    assert.equal(created.json.user.type, 'Bot');
    const updated = await call('PATCH', `/repos/o/r/issues/comments/${created.json.id}`, write, { body: 'two' });
    assert.equal(updated.json.body, 'two');
    const tooLong = await call('PATCH', `/repos/o/r/issues/comments/${created.json.id}`, write, { body: 'x'.repeat(65537) });
    assert.equal(tooLong.status, 422);
    assert.deepEqual(tooLong.json.errors, [{ resource: 'IssueComment', code: 'unprocessable', field: 'data', message: 'Body is too long (maximum is 65536 characters)' }]);
    const deleted = await call('DELETE', `/repos/o/r/issues/comments/${created.json.id}`, write);
    assert.equal(deleted.status, 204);
    const gone = await call('PATCH', `/repos/o/r/issues/comments/${created.json.id}`, write, { body: 'three' });
    assert.equal(gone.status, 404);
    const badJson = await call('POST', '/repos/o/r/issues/3/comments', write, '{not json');
    assert.equal(badJson.status, 400);
    assert.equal(badJson.json.message, 'Problems parsing JSON');
  });

  it('validates commit statuses as GitHub does', async () => {
    const sha = 'b'.repeat(40);
    const ok = await call('POST', `/repos/o/r/statuses/${sha}`, write, { state: 'success', context: 'gates', description: 'all good', target_url: 'https://x' });
    assert.equal(ok.status, 201);
    assert.equal(ok.json.context, 'gates');
    const long = await call('POST', `/repos/o/r/statuses/${sha}`, write, { state: 'success', description: 'x'.repeat(141) });
    assert.equal(long.status, 422);
    assert.equal(long.json.errors[0].message, 'description is too long (maximum is 140 characters)');
    const badState = await call('POST', `/repos/o/r/statuses/${sha}`, write, { state: 'passed' });
    assert.equal(badState.status, 422);
    assert.equal(fake.statuses('o/r', sha).length, 1);
    assert.equal(fake.statuses('o/r', sha)[0]!.creator.login, 'github-actions[bot]');
  });

  it('creates check runs for App tokens only, at most 50 annotations a request', async () => {
    const body = { name: 'gates', head_sha: 'c'.repeat(40), conclusion: 'failure', output: { title: 't', summary: 's' } };
    const byPat = await call('POST', '/repos/o/r/check-runs', pat, body);
    assert.equal(byPat.status, 403);
    assert.equal(byPat.json.message, 'You must authenticate via a GitHub App.');
    const tooMany = await call('POST', '/repos/o/r/check-runs', write, {
      ...body,
      output: { ...body.output, annotations: Array.from({ length: 51 }, () => ({ path: 'a', start_line: 1, end_line: 1, annotation_level: 'failure', message: 'm' })) },
    });
    assert.equal(tooMany.status, 422);
    const created = await call('POST', '/repos/o/r/check-runs', write, body);
    assert.equal(created.status, 201);
    assert.equal(created.json.status, 'completed');
    assert.equal(created.json.output.annotations_count, 0);
  });
});

describe('workflow runs and artifacts (REST)', () => {
  const repo = 'o/runs';
  const main1 = fake.addRun(repo, { workflow: 'ci.yml', headBranch: 'main', event: 'push' });
  const failed = fake.addRun(repo, { workflow: 'ci.yml', headBranch: 'main', event: 'push', conclusion: 'failure' });
  const pr = fake.addPullRequest(repo, { number: 12, headRef: 'feat', headRepo: 'fork/runs' });
  const prRun = fake.addRun(repo, { workflow: 'ci.yml', headBranch: 'feat', event: 'pull_request', pullRequests: [12] });
  const main2 = fake.addRun(repo, { workflow: '.github/workflows/ci.yml', headBranch: 'main', event: 'push' });
  fake.addRun('o/elsewhere', { workflow: 'ci.yml', headBranch: 'main' });

  it('lists a workflow\'s runs newest first, filtered by branch, event and status or conclusion', async () => {
    const ids = async (query: string): Promise<number[]> => (await call('GET', `/repos/${repo}/actions/workflows/ci.yml/runs${query}`, read)).json.workflow_runs.map((r: { id: number }) => r.id);
    assert.deepEqual(await ids(''), [main2.id, prRun.id, failed.id, main1.id]);
    assert.deepEqual(await ids('?branch=main&status=success'), [main2.id, main1.id]);
    assert.deepEqual(await ids('?status=failure'), [failed.id]);
    assert.deepEqual(await ids('?status=completed&event=pull_request'), [prRun.id]);
    const byId = await call('GET', `/repos/${repo}/actions/workflows/${main1.workflowId}/runs?per_page=1`, read);
    assert.equal(byId.json.total_count, 4);
    assert.match(byId.headers.get('link')!, /rel="next"/);
    assert.equal((await call('GET', `/repos/${repo}/actions/workflows/nope.yml/runs`, read)).status, 404);
  });

  it('serves a run with its PRs, in GitHub\'s shape', async () => {
    const run = (await call('GET', `/repos/${repo}/actions/runs/${prRun.id}`, read)).json;
    assert.equal(run.id, prRun.id);
    assert.ok(run.id > 2 ** 32, 'run ids past 32 bits, as on github.com');
    assert.equal(run.path, '.github/workflows/ci.yml');
    assert.equal(run.head_branch, 'feat');
    assert.equal(run.html_url, `https://github.com/${repo}/actions/runs/${prRun.id}`);
    assert.deepEqual(run.pull_requests.map((p: { number: number; head: { sha: string } }) => [p.number, p.head.sha]), [[12, pr.headSha]]);
    assert.equal((await call('GET', `/repos/o/elsewhere/actions/runs/${prRun.id}`, read)).status, 404);
    const pull = (await call('GET', `/repos/${repo}/pulls/12`, read)).json;
    assert.equal(pull.head.repo.full_name, 'fork/runs');
    assert.equal(pull.head.repo.fork, true);
  });

  it('needs actions: read for runs and artifacts', async () => {
    const token = fake.addToken({ kind: 'installation', permissions: { pull_requests: 'write' } });
    const denied = await call('GET', `/repos/${repo}/actions/workflows/ci.yml/runs`, token);
    assert.equal(denied.status, 403);
    assert.equal(denied.headers.get('x-accepted-github-permissions'), 'actions=read');
  });

  it('lists artifacts by name and redirects the zip download to a signed blob URL', async () => {
    const artifact = fake.addArtifact(main1.id, { name: 'bundle', files: { 'bundle.json': '{"a":1}', 'dir/b.txt': 'b' } });
    fake.addArtifact(main1.id, { name: 'other', files: { 'x.txt': 'x' } });
    const listed = (await call('GET', `/repos/${repo}/actions/runs/${main1.id}/artifacts?name=bundle`, read)).json;
    assert.equal(listed.total_count, 1);
    assert.equal(listed.artifacts[0].archive_download_url, `${fake.url}/repos/${repo}/actions/artifacts/${artifact.id}/zip`);
    assert.equal(listed.artifacts[0].digest, artifact.digest);
    assert.equal(listed.artifacts[0].workflow_run.head_sha, main1.headSha);

    const redirect = await call('GET', `/repos/${repo}/actions/artifacts/${artifact.id}/zip`, read);
    assert.equal(redirect.status, 302);
    const location = redirect.headers.get('location')!;
    assert.match(location, /\/blob\/actions-results\/.+\/bundle\.zip\?sv=.*&sp=r&sig=/);
    const blob = await fetch(location);
    assert.equal(blob.headers.get('content-type'), 'application/zip');
    const files = readZip(new Uint8Array(await blob.arrayBuffer()));
    assert.equal(files.get('dir/b.txt')!.toString(), 'b');

    const forged = new URL(location);
    forged.searchParams.set('sp', 'rw');
    const refused = await fetch(forged);
    assert.equal(refused.status, 403);
    assert.match(await refused.text(), /<Code>AuthenticationFailed<\/Code>/);
    const writeWithReadUrl = await fetch(location, { method: 'PUT', headers: { 'x-ms-blob-type': 'BlockBlob' }, body: 'overwrite' });
    assert.equal(writeWithReadUrl.status, 403);
    assert.match(await writeWithReadUrl.text(), /AuthorizationPermissionMismatch/);
    assert.deepEqual(readZip(fake.artifactContent(artifact.id)).get('bundle.json')!.toString(), '{"a":1}');
  });

  it('answers 410 for an expired artifact', async () => {
    const expired = fake.addArtifact(main2.id, { name: 'old', files: { 'a.txt': 'a' }, expired: true });
    const gone = await call('GET', `/repos/${repo}/actions/artifacts/${expired.id}/zip`, read);
    assert.equal(gone.status, 410);
    assert.equal(gone.json.message, 'Artifact has expired');
  });
});

describe('results service', () => {
  const run = fake.addRun('o/results', { workflow: 'ci.yml' });
  const twirp = (method: string, token: string | undefined, body: unknown): Promise<Answer> =>
    fetch(`${fake.url}/twirp/github.actions.results.api.v1.ArtifactService/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    }).then(async (res) => {
      const text = await res.text();
      return { status: res.status, headers: res.headers, json: JSON.parse(text), text };
    });

  const scope = (token: string): string => (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { scp: string }).scp;

  it('issues runtime tokens whose scp claim names the run and job', () => {
    const evaluate = scope(fake.runtimeToken(run.id, 'evaluate'));
    assert.match(evaluate, new RegExp(`^Actions\\.ExampleScope Actions\\.Results:${run.backendId}:[0-9a-f-]{36}$`));
    assert.equal(scope(fake.runtimeToken(run.id, 'evaluate')), evaluate, 'the same job keeps its id');
    assert.notEqual(scope(fake.runtimeToken(run.id)), evaluate, 'an unnamed job is a new one');
  });

  it('answers Twirp errors for a bad token, another run\'s ids and an unknown method', async () => {
    const unauthenticated = await twirp('CreateArtifact', 'a.b.c', {});
    assert.equal(unauthenticated.status, 401);
    assert.equal(unauthenticated.json.code, 'unauthenticated');
    const token = fake.runtimeToken(run.id);
    const wrongRun = await twirp('CreateArtifact', token, { workflow_run_backend_id: 'x', workflow_job_run_backend_id: 'y', name: 'a', version: 7 });
    assert.equal(wrongRun.status, 403);
    assert.equal(wrongRun.json.code, 'permission_denied');
    const [, runId, jobId] = scope(token).split(' ')[1]!.split(':');
    const unknown = await twirp('Nope', token, { workflow_run_backend_id: runId, workflow_job_run_backend_id: jobId });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.json.code, 'bad_route');
  });

  it('serves @actions/artifact in the same run: list, get by name, download by Twirp signed URL', async () => {
    const seeded = fake.addArtifact(run.id, { name: 'seeded', files: { 'hello.txt': 'hello', 'nested/deep.json': '[1,2]' } });
    process.env.ACTIONS_RUNTIME_TOKEN = fake.runtimeToken(run.id);
    const client = new DefaultArtifactClient();
    const { artifacts } = await client.listArtifacts();
    assert.deepEqual(
      artifacts.map((a) => [a.name, a.id, a.size, a.digest]),
      [['seeded', seeded.id, seeded.size, seeded.digest]],
    );
    const { artifact } = await client.getArtifact('seeded', { findBy: { token: read, workflowRunId: run.id, repositoryOwner: 'o', repositoryName: 'results' } });
    assert.equal(artifact.id, seeded.id);
    const dir = path.join(work, 'same-run');
    const result = await client.downloadArtifact(seeded.id, { path: dir, expectedHash: seeded.digest });
    assert.equal(result.digestMismatch, false);
    assert.equal(await readFile(path.join(dir, 'nested', 'deep.json'), 'utf8'), '[1,2]');
    const methods = fake.calls.filter((c) => c.service === 'results').map((c) => c.path.split('/').at(-1));
    assert.ok(methods.includes('ListArtifacts') && methods.includes('GetSignedArtifactURL'));
  });
});

describe('zip helpers', () => {
  it('round-trip files, including UTF-8 names and binary content', () => {
    const binary = Uint8Array.from({ length: 256 }, (_, i) => i);
    const files = readZip(writeZip({ 'a.txt': 'A', 'é/ü.bin': binary, 'empty.txt': '' }));
    assert.deepEqual([...files.keys()], ['a.txt', 'é/ü.bin', 'empty.txt']);
    assert.deepEqual(new Uint8Array(files.get('é/ü.bin')!), binary);
    assert.equal(files.get('empty.txt')!.length, 0);
    assert.throws(() => readZip(Buffer.from('not a zip')), /not a ZIP archive/);
  });
});
