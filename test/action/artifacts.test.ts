/**
 * Run bundles as artifacts against the fake GitHub, through the real @actions/artifact: uploaded by
 * a push run on main (Twirp + block blob upload), found and downloaded as the baseline by a later
 * PR run (REST listing, zip redirect), and every way a baseline can be missing reported as a reason.
 *
 * @actions/github (under @actions/artifact) reads GITHUB_API_URL when first imported, so the fake
 * starts and the environment is set before the code under test is imported.
 */
import { after, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startFakeGitHub } from '../fakes/github.ts';

const fake = await startFakeGitHub();
const savedEnv = { ...process.env };
Object.assign(process.env, fake.env());
const { ArtifactUploadError, downloadBaselineArtifact, findAndDownloadBaseline, findBaselineArtifact, uploadBundle } = await import('../../src/action/artifacts.ts');
const { createOctokit } = await import('../../src/action/github.ts');

const OWNER = 'acme';
let repoCount = 0;
let repo = '';
const work = await mkdtemp(path.join(os.tmpdir(), 'artifacts-test-'));
const token = fake.addToken({ kind: 'installation', permissions: 'write' });
const noActionsToken = fake.addToken({ kind: 'installation', permissions: { pull_requests: 'write', statuses: 'write' } });
const octokit = createOctokit(token);

after(async () => {
  await fake.close();
  await rm(work, { recursive: true, force: true });
  process.env = savedEnv;
});
beforeEach(() => {
  // A repository per test keeps their runs apart.
  repo = `models-${++repoCount}`;
  fake.resetCalls();
});

const full = (): string => `${OWNER}/${repo}`;

/** Writes a bundle directory and uploads it from `runId`'s job, as the action's post step does. */
async function uploadFrom(runId: number, name = 'mlflow-ts-bundle', content = '{"runs":[]}'): Promise<{ id: number; dir: string }> {
  const dir = path.join(work, `upload-${runId}-${name}`);
  await mkdir(path.join(dir, 'eval'), { recursive: true });
  await writeFile(path.join(dir, 'bundle.json'), content);
  await writeFile(path.join(dir, 'eval', 'table.csv'), 'input,score\na,1\n');
  process.env.ACTIONS_RUNTIME_TOKEN = fake.runtimeToken(runId);
  const uploaded = await uploadBundle(name, [path.join(dir, 'bundle.json'), path.join(dir, 'eval', 'table.csv')], dir);
  return { id: uploaded.id, dir };
}

function find(extra: Partial<Parameters<typeof findBaselineArtifact>[0]> = {}): ReturnType<typeof findBaselineArtifact> {
  return findBaselineArtifact({ octokit, owner: OWNER, repo, workflowFileName: 'ci.yml', branch: 'main', artifactName: 'mlflow-ts-bundle', ...extra });
}

describe('uploadBundle', () => {
  it('uploads through the results service and blob storage, keeping paths relative to the root', async () => {
    const run = fake.addRun(full(), { workflow: 'ci.yml', headBranch: 'main', event: 'push' });
    const { id } = await uploadFrom(run.id);
    const [artifact] = fake.artifacts({ runId: run.id });
    assert.equal(artifact!.id, id);
    assert.equal(artifact!.name, 'mlflow-ts-bundle');
    const files = fake.artifactFiles(id);
    assert.deepEqual([...files.keys()].sort(), ['bundle.json', 'eval/table.csv']);
    assert.equal(files.get('bundle.json')!.toString(), '{"runs":[]}');
    assert.deepEqual(
      fake.calls.map((c) => `${c.service} ${c.path.split('/').at(-1)}${c.query.comp ? `?comp=${c.query.comp}` : ''}`),
      ['results CreateArtifact', 'blob mlflow-ts-bundle.zip?comp=block', 'blob mlflow-ts-bundle.zip?comp=blocklist', 'results FinalizeArtifact'],
    );
  });

  it('reports a second artifact of the same name in a run with what to do', async () => {
    const run = fake.addRun(full(), { workflow: 'ci.yml' });
    await uploadFrom(run.id);
    await assert.rejects(uploadFrom(run.id), (error: unknown) => {
      assert.ok(error instanceof ArtifactUploadError);
      assert.match(error.message, /409/);
      assert.match(error.message, /matrix job its own name/);
      return true;
    });
  });

  it('explains that artifacts need the Actions runtime', async () => {
    const dir = path.join(work, 'no-runtime');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'bundle.json'), '{}');
    delete process.env.ACTIONS_RUNTIME_TOKEN;
    await assert.rejects(uploadBundle('b', [path.join(dir, 'bundle.json')], dir), (error: unknown) => {
      assert.ok(error instanceof ArtifactUploadError);
      assert.match(error.message, /ACTIONS_RUNTIME_TOKEN/);
      assert.match(error.message, /upload-results: false/);
      return true;
    });
  });
});

describe('baseline from an earlier run', () => {
  it('finds the bundle a push run on main uploaded, and downloads it in a later PR run', async () => {
    const base = fake.addRun(full(), { workflow: 'ci.yml', headBranch: 'main', event: 'push' });
    const { id } = await uploadFrom(base.id, 'mlflow-ts-bundle', '{"runs":["baseline"]}');
    const current = fake.addRun(full(), { workflow: 'ci.yml', headBranch: 'feature', event: 'pull_request', status: 'in_progress' });

    const found = await find({ excludeRunId: current.id });
    assert.ok(found.baseline, found.reason);
    assert.equal(found.baseline.artifactId, id);
    assert.equal(found.baseline.runId, base.id);
    assert.equal(found.baseline.headSha, base.headSha);
    assert.equal(found.baseline.runUrl, `https://github.com/${full()}/actions/runs/${base.id}`);
    assert.match(found.baseline.digest ?? '', /^sha256:[0-9a-f]{64}$/);

    const destination = path.join(work, `download-${repo}`);
    const downloaded = await downloadBaselineArtifact({ baseline: found.baseline, token, owner: OWNER, repo, destination });
    assert.equal(downloaded.reason, undefined);
    assert.equal(downloaded.directory, destination);
    assert.deepEqual(downloaded.files, ['bundle.json', 'eval/table.csv']);
    assert.equal(await readFile(path.join(destination, 'bundle.json'), 'utf8'), '{"runs":["baseline"]}');
    // The REST route redirected to a signed blob URL.
    const zip = fake.calls.find((c) => c.path.endsWith(`/actions/artifacts/${id}/zip`));
    assert.equal(zip?.status, 302);
    assert.ok(fake.calls.some((c) => c.service === 'blob' && c.method === 'GET' && c.status === 200));
  });

  it('takes the newest successful main run that has the artifact', async () => {
    const older = fake.addRun(full(), { workflow: 'ci.yml', headBranch: 'main' });
    await uploadFrom(older.id, 'mlflow-ts-bundle', '{"v":"older"}');
    const newer = fake.addRun(full(), { workflow: 'ci.yml', headBranch: 'main' });
    const { id } = await uploadFrom(newer.id, 'mlflow-ts-bundle', '{"v":"newer"}');
    fake.addRun(full(), { workflow: 'ci.yml', headBranch: 'main' }); // newest success, uploaded nothing (docs-only change)
    const failed = fake.addRun(full(), { workflow: 'ci.yml', headBranch: 'main', conclusion: 'failure' });
    await uploadFrom(failed.id, 'mlflow-ts-bundle', '{"v":"failed"}');
    const other = fake.addRun(full(), { workflow: 'ci.yml', headBranch: 'develop' });
    await uploadFrom(other.id, 'mlflow-ts-bundle', '{"v":"develop"}');
    const otherWorkflow = fake.addRun(full(), { workflow: 'nightly.yml', headBranch: 'main' });
    await uploadFrom(otherWorkflow.id, 'mlflow-ts-bundle', '{"v":"nightly"}');

    const found = await find();
    assert.equal(found.baseline?.artifactId, id);
    assert.equal(found.baseline?.runId, newer.id);
  });

  it('finds and downloads in one call, by workflow id and event', async () => {
    const run = fake.addRun(full(), { workflow: 'ci.yml', headBranch: 'main', event: 'push' });
    const workflowId = fake.addWorkflow(full(), { path: 'ci.yml' }).id;
    await uploadFrom(run.id);
    const pushOnly = await findAndDownloadBaseline({
      octokit,
      owner: OWNER,
      repo,
      workflowId,
      branch: 'main',
      event: 'push',
      artifactName: 'mlflow-ts-bundle',
      token,
      destination: path.join(work, `both-${repo}`),
    });
    assert.deepEqual(pushOnly.directory === undefined ? pushOnly.reason : pushOnly.files, ['bundle.json', 'eval/table.csv']);
    const scheduleOnly = await findBaselineArtifact({ octokit, owner: OWNER, repo, workflowId, branch: 'main', event: 'schedule', artifactName: 'mlflow-ts-bundle' });
    assert.equal(scheduleOnly.baseline, undefined);
  });
});

describe('missing baseline: a reason, never an error', () => {
  it('no successful run on the branch yet', async () => {
    fake.addWorkflow(full(), { path: 'ci.yml' });
    const found = await find();
    assert.equal(found.baseline, undefined);
    assert.match(found.reason ?? '', /no successful run of workflow ci\.yml on branch main/);
  });

  it('runs that kept no artifact, or only an expired one', async () => {
    const withExpired = fake.addRun(full(), { workflow: 'ci.yml', headBranch: 'main' });
    fake.addArtifact(withExpired.id, { name: 'mlflow-ts-bundle', files: { 'bundle.json': '{}' }, expired: true });
    fake.addRun(full(), { workflow: 'ci.yml', headBranch: 'main' });
    const found = await find();
    assert.equal(found.baseline, undefined);
    assert.match(found.reason ?? '', /none of the last 2 successful runs/);
    assert.match(found.reason ?? '', /1 had it, expired/);
  });

  it('stops after maxRuns runs', async () => {
    const old = fake.addRun(full(), { workflow: 'ci.yml', headBranch: 'main' });
    fake.addArtifact(old.id, { name: 'mlflow-ts-bundle', files: { 'bundle.json': '{}' } });
    for (let i = 0; i < 3; i++) fake.addRun(full(), { workflow: 'ci.yml', headBranch: 'main' });
    assert.equal((await find({ maxRuns: 3 })).baseline, undefined);
    assert.equal((await find({ maxRuns: 4 })).baseline?.runId, old.id);
  });

  it('an unknown workflow file', async () => {
    const found = await find({ workflowFileName: '.github/workflows/nope.yml' });
    assert.equal(found.baseline, undefined);
    assert.match(found.reason ?? '', /workflow nope\.yml on branch main .* was not found/);
  });

  it('a token without actions: read', async () => {
    fake.addRun(full(), { workflow: 'ci.yml', headBranch: 'main' });
    const found = await findBaselineArtifact({
      octokit: createOctokit(noActionsToken),
      owner: OWNER,
      repo,
      workflowFileName: 'ci.yml',
      branch: 'main',
      artifactName: 'mlflow-ts-bundle',
    });
    assert.equal(found.baseline, undefined);
    assert.match(found.reason ?? '', /`actions: read`/);
    assert.equal(found.cause?.name, 'GitHubPermissionError');
  });

  it('a download whose digest does not match', async () => {
    const run = fake.addRun(full(), { workflow: 'ci.yml', headBranch: 'main' });
    const seeded = fake.addArtifact(run.id, { name: 'mlflow-ts-bundle', files: { 'bundle.json': '{"seeded":true}' } });
    const found = await find();
    assert.ok(found.baseline);
    const good = await downloadBaselineArtifact({ baseline: found.baseline, token, owner: OWNER, repo, destination: path.join(work, `good-${repo}`) });
    assert.deepEqual(good.directory === undefined ? good.reason : good.files, ['bundle.json']);
    seeded.digest = `sha256:${'0'.repeat(64)}`;
    const tampered = await find();
    const bad = await downloadBaselineArtifact({ baseline: tampered.baseline!, token, owner: OWNER, repo, destination: path.join(work, `bad-${repo}`) });
    assert.equal(bad.directory, undefined);
    assert.match(bad.reason ?? '', /did not match its digest/);
  });

  it('a download refused to a token without actions: read', async () => {
    const run = fake.addRun(full(), { workflow: 'ci.yml', headBranch: 'main' });
    fake.addArtifact(run.id, { name: 'mlflow-ts-bundle', files: { 'bundle.json': '{}' } });
    const found = await find();
    const refused = await downloadBaselineArtifact({ baseline: found.baseline!, token: noActionsToken, owner: OWNER, repo, destination: path.join(work, `refused-${repo}`) });
    assert.equal(refused.directory, undefined);
    assert.match(refused.reason ?? '', /Resource not accessible by integration/);
    assert.match(refused.reason ?? '', /`actions: read`/);
  });
});
