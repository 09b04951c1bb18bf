/**
 * A local fake GitHub for the action's tests: the REST and GraphQL API that `@actions/github`
 * (Octokit) calls, the Actions results service (Twirp JSON) and the Azure-style blob storage that
 * `@actions/artifact` v2+ uploads to and downloads from, all on one loopback HTTP server, in
 * GitHub's wire format. Every call is recorded (headers without the token).
 *
 * ```ts
 * const fake = await startFakeGitHub();
 * const token = fake.addToken({ kind: 'installation', permissions: 'write' });   // a GITHUB_TOKEN
 * const forkToken = fake.addToken({ kind: 'installation', permissions: 'read' }); // a fork PR's
 * const pat = fake.addToken({ kind: 'pat', login: 'octocat' });
 * fake.addComment('o/r', 7, { user: 'someone', body: 'hi' });                      // seed state
 * const run = fake.addRun('o/r', { workflow: 'ci.yml', headBranch: 'main', event: 'push', conclusion: 'success' });
 * fake.addArtifact(run.id, { name: 'bundle', files: { 'bundle.json': '{}' } });
 * Object.assign(process.env, fake.env({ runId: laterRun.id }));  // before importing @actions/*
 * const { upsertStickyComment } = await import('../../src/action/github.ts');
 * ...
 * fake.calls;                   // [{ service, method, path, query, headers, body, status, login }]
 * fake.comments('o/r', 7);      // state after the calls
 * await fake.close();
 * ```
 *
 * Environment (`fake.env()` returns all of it):
 * - `GITHUB_API_URL=<url>`: Octokit's base URL; GraphQL is `<url>/graphql` (Octokit derives it from
 *   the base URL and ignores `GITHUB_GRAPHQL_URL`, which is set too for tools that read it).
 *   `@actions/github` reads `GITHUB_API_URL` once, when first imported: set it before anything
 *   imports `@actions/github` or `@actions/artifact` (dynamic `import()` after `Object.assign
 *   (process.env, fake.env())`, or a child process), or pass `baseUrl` to `getOctokit` yourself.
 * - `GITHUB_SERVER_URL=https://github.com`: `@actions/artifact` refuses to run on anything it takes
 *   for GHES (any host but github.com, *.ghe.com, *.localhost), so this stays github.com; only
 *   the `html_url`s in answers use it.
 * - `ACTIONS_RESULTS_URL=<url>/`: the results service (the library keeps only the origin).
 * - `ACTIONS_RUNTIME_TOKEN`: `fake.runtimeToken(runId)` (also in `fake.env({ runId })`): a JWT whose
 *   `scp` claim carries `Actions.Results:<run backend id>:<job backend id>`, as the runner's does.
 *   The library decodes it without checking the signature; the fake checks that it issued it.
 * - with `{ runId }`, also the `GITHUB_*` variables the runner sets for that run (repository, run
 *   id and number, sha, ref, workflow and workflow ref, event name).
 *
 * Served:
 * - REST (token in `Authorization: token …` or `Bearer …`; `401 Bad credentials` otherwise):
 *   `GET /user` (an installation token gets GitHub's `403 Resource not accessible by integration`,
 *   a PAT its user); issue comments: `GET|POST /repos/{o}/{r}/issues/{n}/comments` (`per_page`
 *   default 30, max 100, `page`, and GitHub's `Link` header, whose URLs use the
 *   `/repositories/{id}/…` form GitHub uses), `GET|PATCH|DELETE /repos/{o}/{r}/issues/comments/{id}`
 *   (bodies over 65,536 characters get GitHub's 422); `GET /repos/{o}/{r}/pulls/{n}` for seeded PRs;
 *   `GET /repos/{o}/{r}/actions/workflows/{id or file}/runs` (`branch`, `event`, `status` (a status
 *   or a conclusion), `head_sha`, `exclude_pull_requests`, paging; newest first),
 *   `GET /repos/{o}/{r}/actions/runs/{id}`, `GET /repos/{o}/{r}/actions/runs/{id}/artifacts`
 *   (`name`, paging), `GET /repos/{o}/{r}/actions/artifacts/{id}`,
 *   `GET /repos/{o}/{r}/actions/artifacts/{id}/zip` (302 to a signed blob URL; 410 when expired);
 *   `POST /repos/{o}/{r}/statuses/{sha}` (GitHub's 422s for a bad state or a description over 140
 *   characters); `POST /repos/{o}/{r}/check-runs`, `PATCH /repos/{o}/{r}/check-runs/{id}`
 *   (GitHub Apps only: a PAT gets `403 You must authenticate via a GitHub App.`; at most 50
 *   annotations a request).
 * - Permissions: each token has GitHub's fine-grained permissions (`actions`, `checks`, `contents`,
 *   `issues`, `metadata`, `pull_requests`, `statuses`; `'write'`/`'read'` presets for all of them).
 *   A call without the permission gets 403 `Resource not accessible by integration` (installation
 *   token) or `… by personal access token` (PAT), as GitHub answers a fork PR's read-only token.
 *   Answers carry `x-accepted-github-permissions` (e.g. `issues=write; pull_requests=write`).
 * - GraphQL `POST /graphql`: `viewer { login databaseId id __typename }` (installation tokens
 *   included); any other query gets a GraphQL error.
 * - Results service `POST /twirp/github.actions.results.api.v1.ArtifactService/{CreateArtifact,
 *   FinalizeArtifact,ListArtifacts,GetSignedArtifactURL,DeleteArtifact}` (proto3 JSON, snake_case,
 *   int64 as strings; Twirp error bodies `{code,msg}`; a second artifact of the same name in a run
 *   gets `409 already_exists`, as upload-artifact v4 does).
 * - Blob storage `/blob/actions-results/…?sv=…&se=…&sr=b&sp=…&sig=…` (IP-style Azure path, so
 *   `@azure/storage-blob` parses it): `PUT ?comp=block&blockid=…`, `PUT ?comp=blocklist` (XML block
 *   list), a single `PUT` with `x-ms-blob-type: BlockBlob`, `GET`/`HEAD`; the signature, expiry and
 *   permission (`w` to write, `r` to read) are checked, with Azure's XML errors.
 * Uploaded artifacts are listed by REST once finalized, and download through both the REST zip
 * redirect and the Twirp signed URL.
 */
import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ACTIONS_BOT,
  DOC_URLS,
  SERVER_URL,
  artifactJson,
  authenticatedUserJson,
  checkRunJson,
  commentJson,
  errorJson,
  pullJson,
  runJson,
  statusJson,
  userJson,
  validationFailed,
  type FakeAnnotation,
  type FakeArtifact,
  type FakeCheckRun,
  type FakeComment,
  type FakePullRequest,
  type FakeRepo,
  type FakeRun,
  type FakeStatus,
  type FakeUser,
  type FakeWorkflow,
} from './github-wire.ts';
import { readZip, writeZip } from './github-zip.ts';

export type {
  FakeAnnotation,
  FakeArtifact,
  FakeCheckRun,
  FakeComment,
  FakePullRequest,
  FakeRun,
  FakeStatus,
  FakeUser,
  FakeWorkflow,
} from './github-wire.ts';
export { ACTIONS_BOT, SERVER_URL } from './github-wire.ts';
export { readZip, writeZip } from './github-zip.ts';

export const PERMISSIONS = ['actions', 'checks', 'contents', 'issues', 'metadata', 'pull_requests', 'statuses'] as const;
export type Permission = (typeof PERMISSIONS)[number];
export type Access = 'none' | 'read' | 'write';

export interface TokenSpec {
  /** `installation`: a GITHUB_TOKEN or GitHub App token (no `GET /user`); `pat`: a user's token. */
  kind: 'installation' | 'pat';
  /** Whose token: default `github-actions[bot]` for an installation, required for a PAT. */
  login?: string;
  /** `'write'` (default) or `'read'` for every permission, or each one (unlisted = `none`). */
  permissions?: 'write' | 'read' | Partial<Record<Permission, Access>>;
  /** The token's text; default a fresh `ghs_…` / `github_pat_…`. */
  token?: string;
}

export interface FakeGitHubCall {
  service: 'rest' | 'graphql' | 'results' | 'blob';
  method: string;
  /** As received (a `/repositories/{id}/…` path is recorded as sent, not as rewritten). */
  path: string;
  query: Record<string, string>;
  /** Lower-cased; `authorization` left out. */
  headers: Record<string, string>;
  /** Parsed JSON (REST, GraphQL, Twirp), the text of an XML block list, or `{ bytes }` for blob data. */
  body: unknown;
  status: number;
  /** The token's login (REST, GraphQL), or the run id a runtime token names (results service). */
  login?: string;
  runId?: number;
}

export interface AddRunOptions {
  /** A workflow file (`ci.yml` or `.github/workflows/ci.yml`; created when new) or a workflow id. */
  workflow: string | number;
  headBranch?: string;
  headSha?: string;
  event?: string;
  status?: FakeRun['status'];
  /** Default `success` when completed. */
  conclusion?: FakeRun['conclusion'];
  /** Numbers of seeded PRs the run belongs to (GitHub lists none for PRs from forks). */
  pullRequests?: number[];
}

export interface AddArtifactOptions {
  name: string;
  /** Files to zip (path in the archive → content), or the archive itself in `zip`. */
  files?: Record<string, string | Uint8Array>;
  zip?: Uint8Array;
  expired?: boolean;
}

export interface FakeGitHub {
  /** `http://127.0.0.1:<port>`: REST API base (GITHUB_API_URL) and results service origin. */
  url: string;
  apiUrl: string;
  graphqlUrl: string;
  /** ACTIONS_RESULTS_URL */
  resultsUrl: string;
  /** GITHUB_SERVER_URL (`https://github.com`; see the header). */
  serverUrl: string;
  readonly calls: FakeGitHubCall[];
  /** The variables that point the libraries here; with `runId`, a runtime token and the run's `GITHUB_*` too. */
  env(options?: { runId?: number; job?: string }): Record<string, string>;
  addToken(spec: TokenSpec): string;
  addPullRequest(repo: string, pr: { number: number } & Partial<Omit<FakePullRequest, 'number' | 'user'>> & { user?: string }): FakePullRequest;
  /** A comment by `user` (default `someone`; a login ending in `[bot]` is a Bot). */
  addComment(repo: string, issueNumber: number, comment: { body: string; user?: string }): FakeComment;
  comments(repo: string, issueNumber: number): FakeComment[];
  addWorkflow(repo: string, workflow: { path: string; name?: string }): FakeWorkflow;
  addRun(repo: string, options: AddRunOptions): FakeRun;
  run(id: number): FakeRun | undefined;
  /** An ACTIONS_RUNTIME_TOKEN for a job of the run (a new job each call unless `job` names one). */
  runtimeToken(runId: number, job?: string): string;
  addArtifact(runId: number, options: AddArtifactOptions): FakeArtifact;
  /** Finalized artifacts, oldest first. */
  artifacts(filter?: { repo?: string; runId?: number; name?: string }): FakeArtifact[];
  /** An artifact's uploaded bytes (the ZIP `@actions/artifact` made) and the files inside. */
  artifactContent(id: number): Buffer;
  artifactFiles(id: number): Map<string, Buffer>;
  statuses(repo: string, sha?: string): FakeStatus[];
  checkRuns(repo: string): FakeCheckRun[];
  resetCalls(): void;
  close(): Promise<void>;
}

interface TokenRecord {
  kind: TokenSpec['kind'];
  user: FakeUser;
  access: Record<Permission, Access>;
}

interface RepoState {
  repo: FakeRepo;
  comments: FakeComment[];
  pulls: Map<number, FakePullRequest>;
  workflows: FakeWorkflow[];
  statuses: FakeStatus[];
  checkRuns: FakeCheckRun[];
}

interface Blob {
  content: Buffer | undefined;
  contentType: string;
  staged: Map<string, Buffer>;
  lastModified: string;
}

interface Job {
  runId: number;
  backendId: string;
  name: string;
}

/** An answer decided mid-route: the status, body and headers to send. */
class Reply extends Error {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Record<string, string>;
  constructor(status: number, body: unknown, headers: Record<string, string> = {}) {
    super(`HTTP ${status}`);
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
}

interface Ctx {
  req: http.IncomingMessage;
  method: string;
  /** After `/repositories/{id}` is rewritten to `/repos/{owner}/{name}`. */
  path: string;
  query: Record<string, string>;
  body: unknown;
  raw: Buffer;
  call: FakeGitHubCall;
  token: TokenRecord | undefined;
  /** Headers every answer of this request carries (x-accepted-github-permissions). */
  headers: Record<string, string>;
}

const RESULTS_SERVICE = '/twirp/github.actions.results.api.v1.ArtifactService/';
const BLOB_PREFIX = '/blob/actions-results/';
const CLOCK_START = Date.parse('2025-01-01T00:00:00Z');
const MAX_COMMENT = 65536;
const MAX_STATUS_DESCRIPTION = 140;
const MAX_ANNOTATIONS = 50;

export async function startFakeGitHub(): Promise<FakeGitHub> {
  const secret = randomBytes(32);
  const calls: FakeGitHubCall[] = [];
  const repos = new Map<string, RepoState>();
  const users = new Map<string, FakeUser>();
  const tokens = new Map<string, TokenRecord>();
  const runs = new Map<number, FakeRun>();
  const jobs = new Map<string, Job>();
  const artifacts = new Map<number, FakeArtifact>();
  const blobs = new Map<string, Blob>();
  /** Created but not yet finalized, by `<run id>/<name>`. */
  const pending = new Map<string, FakeArtifact>();
  // Ids in GitHub's current ranges (run ids past 2^32) so 32-bit assumptions fail here too.
  const ids = { repo: 700_000_000, user: 90_000_000, comment: 2_100_000_000, workflow: 80_000_000, run: 9_000_000_000, artifact: 2_500_000_000, status: 30_000_000_000, check: 35_000_000_000 };
  let ticks = 0;
  /** Seconds-precision ISO times, one minute apart per event, so "newest" is never a tie. */
  const now = (): string => new Date(CLOCK_START + ++ticks * 60_000).toISOString().replace('.000Z', 'Z');

  function user(login: string): FakeUser {
    const key = login.toLowerCase();
    let u = users.get(key);
    if (!u) {
      u = login === ACTIONS_BOT.login ? { ...ACTIONS_BOT, type: 'Bot' } : { login, id: ++ids.user, type: login.endsWith('[bot]') ? 'Bot' : 'User' };
      users.set(key, u);
    }
    return u;
  }

  function repoState(fullName: string): RepoState {
    const key = fullName.toLowerCase();
    let state = repos.get(key);
    if (!state) {
      const [owner, name, extra] = fullName.split('/');
      if (!owner || !name || extra !== undefined) throw new Error(`fake GitHub: repository "${fullName}" is not owner/name`);
      state = { repo: { owner, name, id: ++ids.repo }, comments: [], pulls: new Map(), workflows: [], statuses: [], checkRuns: [] };
      repos.set(key, state);
    }
    return state;
  }
  const fullName = (s: RepoState): string => `${s.repo.owner}/${s.repo.name}`;
  const repoOwner = (s: RepoState): FakeUser => user(s.repo.owner);

  function addToken(spec: TokenSpec): string {
    if (spec.kind === 'pat' && !spec.login) throw new Error('fake GitHub: a PAT needs a login');
    const level = spec.permissions ?? 'write';
    const access = Object.fromEntries(PERMISSIONS.map((p) => [p, typeof level === 'string' ? level : (level[p] ?? 'none')])) as Record<Permission, Access>;
    // GitHub grants metadata: read to every token that can see the repository.
    if (access.metadata === 'none') access.metadata = 'read';
    const text = spec.token ?? `${spec.kind === 'pat' ? 'github_pat_' : 'ghs_'}${randomBytes(18).toString('hex')}`;
    tokens.set(text, { kind: spec.kind, user: user(spec.login ?? ACTIONS_BOT.login), access });
    return text;
  }

  function workflowFor(state: RepoState, ref: string | number): FakeWorkflow | undefined {
    if (typeof ref === 'number' || /^\d+$/.test(ref)) return state.workflows.find((w) => w.id === Number(ref));
    const file = ref.replace(/^\.github\/workflows\//, '');
    return state.workflows.find((w) => w.path === `.github/workflows/${file}`);
  }

  function addWorkflow(repo: string, workflow: { path: string; name?: string }): FakeWorkflow {
    const state = repoState(repo);
    const path = workflow.path.startsWith('.github/workflows/') ? workflow.path : `.github/workflows/${workflow.path}`;
    const existing = workflowFor(state, path);
    if (existing) return existing;
    const created: FakeWorkflow = { id: ++ids.workflow, name: workflow.name ?? path.replace(/^.*\//, '').replace(/\.ya?ml$/, ''), path };
    state.workflows.push(created);
    return created;
  }

  function addRun(repo: string, options: AddRunOptions): FakeRun {
    const state = repoState(repo);
    const workflow = typeof options.workflow === 'number' ? workflowFor(state, options.workflow) : addWorkflow(repo, { path: options.workflow });
    if (!workflow) throw new Error(`fake GitHub: no workflow ${options.workflow} in ${repo}`);
    const status = options.status ?? 'completed';
    const run: FakeRun = {
      id: ++ids.run,
      backendId: randomUUID(),
      repo: fullName(state),
      workflowId: workflow.id,
      runNumber: [...runs.values()].filter((r) => r.workflowId === workflow.id).length + 1,
      headBranch: options.headBranch ?? 'main',
      headSha: options.headSha ?? createHash('sha1').update(`run${ids.run}`).digest('hex'),
      event: options.event ?? 'push',
      status,
      conclusion: options.conclusion !== undefined ? options.conclusion : status === 'completed' ? 'success' : null,
      createdAt: now(),
      pullRequests: options.pullRequests ?? [],
    };
    runs.set(run.id, run);
    return run;
  }

  function runtimeToken(runId: number, jobName?: string): string {
    const run = runs.get(runId);
    if (!run) throw new Error(`fake GitHub: no run ${runId}`);
    let job = jobName === undefined ? undefined : [...jobs.values()].find((j) => j.runId === runId && j.name === jobName);
    if (!job) {
      job = { runId, backendId: randomUUID(), name: jobName ?? `job-${jobs.size + 1}` };
      jobs.set(job.backendId, job);
    }
    const b64 = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
    const header = b64({ typ: 'JWT', alg: 'RS256', x5t: 'fake-github' });
    const iat = Math.floor(Date.now() / 1000);
    const payload = b64({
      nameid: 'dddddddd-dddd-dddd-dddd-dddddddddddd',
      scp: `Actions.ExampleScope Actions.Results:${run.backendId}:${job.backendId}`,
      IdentityTypeClaim: 'System:ServiceIdentity',
      iss: 'vstoken.actions.githubusercontent.com',
      aud: 'vstoken.actions.githubusercontent.com',
      nbf: iat - 60,
      iat,
      exp: iat + 6 * 3600,
    });
    const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
    return `${header}.${payload}.${signature}`;
  }

  /** The job a runtime token names, if the fake issued it. */
  function runtimeJob(token: string): Job | undefined {
    const [header, payload, signature] = token.split('.');
    if (!header || !payload || !signature) return undefined;
    const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
    const got = Buffer.from(signature, 'base64url');
    if (got.length !== expected.length || !timingSafeEqual(got, expected)) return undefined;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { scp?: string };
    const scope = claims.scp?.split(' ').find((s) => s.startsWith('Actions.Results:'));
    const [, , jobId] = scope?.split(':') ?? [];
    return jobId === undefined ? undefined : jobs.get(jobId);
  }

  function storeArtifact(run: FakeRun, job: Job, name: string, content: Buffer | undefined, expiresAt: string): FakeArtifact {
    const blobPath = `${BLOB_PREFIX}${run.backendId}/${job.backendId}/${encodeURIComponent(name)}.zip`;
    blobs.set(blobPath, { content, contentType: 'application/zip', staged: new Map(), lastModified: new Date().toUTCString() });
    const artifact: FakeArtifact = {
      id: 0,
      name,
      repo: run.repo,
      runId: run.id,
      jobBackendId: job.backendId,
      blobPath,
      size: content?.length ?? 0,
      digest: content ? `sha256:${createHash('sha256').update(content).digest('hex')}` : '',
      createdAt: now(),
      expiresAt,
      finalized: false,
      expired: false,
    };
    return artifact;
  }

  function finalize(artifact: FakeArtifact, content: Buffer): FakeArtifact {
    artifact.id = ++ids.artifact;
    artifact.size = content.length;
    artifact.digest = `sha256:${createHash('sha256').update(content).digest('hex')}`;
    artifact.finalized = true;
    artifacts.set(artifact.id, artifact);
    return artifact;
  }

  function addArtifact(runId: number, options: AddArtifactOptions): FakeArtifact {
    const run = runs.get(runId);
    if (!run) throw new Error(`fake GitHub: no run ${runId}`);
    const zip = options.zip ? Buffer.from(options.zip) : writeZip(options.files ?? {});
    const job: Job = { runId, backendId: randomUUID(), name: 'seeded' };
    jobs.set(job.backendId, job);
    const artifact = finalize(storeArtifact(run, job, options.name, zip, new Date(CLOCK_START + 90 * 86_400_000).toISOString()), zip);
    artifact.expired = options.expired ?? false;
    return artifact;
  }

  function blobContent(artifact: FakeArtifact): Buffer {
    const content = blobs.get(artifact.blobPath)?.content;
    if (!content) throw new Error(`fake GitHub: artifact ${artifact.id} has no committed blob`);
    return content;
  }

  // ---- signed blob URLs -------------------------------------------------------------------

  function signBlobUrl(path: string, permissions: 'r' | 'cw', ttlSeconds: number): string {
    const se = new Date(Date.now() + ttlSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const sig = createHmac('sha256', secret).update(`${permissions}\n${se}\n${path}`).digest('base64');
    const query = new URLSearchParams({ sv: '2024-11-04', se, sr: 'b', sp: permissions, sig });
    return `${origin}${path}?${query.toString()}`;
  }

  function azureError(status: number, code: string, message: string): Reply {
    const xml = `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}\nRequestId:${randomUUID()}\nTime:${new Date().toISOString()}</Message></Error>`;
    return new Reply(status, Buffer.from(xml), { 'content-type': 'application/xml', 'x-ms-error-code': code });
  }

  function checkBlobSignature(ctx: Ctx, need: 'r' | 'w'): void {
    const { sp = '', se = '', sig = '' } = ctx.query;
    const expected = createHmac('sha256', secret).update(`${sp}\n${se}\n${ctx.path}`).digest();
    const got = Buffer.from(sig, 'base64');
    const valid = got.length === expected.length && timingSafeEqual(got, expected);
    if (!valid || Date.parse(se) < Date.now()) {
      throw azureError(403, 'AuthenticationFailed', 'Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.');
    }
    if (!sp.includes(need)) throw azureError(403, 'AuthorizationPermissionMismatch', 'This request is not authorized to perform this operation using this permission.');
  }

  function blobReply(status: number, extra: Record<string, string> = {}): Reply {
    return new Reply(status, Buffer.alloc(0), {
      'x-ms-request-id': randomUUID(),
      'x-ms-version': '2025-01-05',
      'x-ms-request-server-encrypted': 'true',
      date: new Date().toUTCString(),
      ...extra,
    });
  }

  function handleBlob(ctx: Ctx): Reply {
    const blob = blobs.get(ctx.path);
    if (ctx.method === 'GET' || ctx.method === 'HEAD') {
      checkBlobSignature(ctx, 'r');
      if (!blob?.content) throw azureError(404, 'BlobNotFound', 'The specified blob does not exist.');
      return new Reply(200, ctx.method === 'HEAD' ? Buffer.alloc(0) : blob.content, {
        'content-type': blob.contentType,
        'content-length': String(blob.content.length),
        'last-modified': blob.lastModified,
        etag: `"0x${createHash('md5').update(blob.content).digest('hex').slice(0, 15).toUpperCase()}"`,
        'accept-ranges': 'bytes',
        'x-ms-blob-type': 'BlockBlob',
      });
    }
    if (ctx.method !== 'PUT') throw azureError(405, 'UnsupportedHttpVerb', 'The resource doesn\'t support specified Http Verb.');
    checkBlobSignature(ctx, 'w');
    if (!blob) throw azureError(404, 'ContainerNotFound', 'The specified container does not exist.');
    const touched = (): void => {
      blob.lastModified = new Date().toUTCString();
    };
    if (ctx.query.comp === 'block') {
      const blockId = ctx.query.blockid;
      if (!blockId) throw azureError(400, 'InvalidQueryParameterValue', 'Value for one of the query parameters specified in the request URI is invalid.');
      blob.staged.set(blockId, ctx.raw);
      return blobReply(201, { 'content-md5': createHash('md5').update(ctx.raw).digest('base64') });
    }
    if (ctx.query.comp === 'blocklist') {
      const xml = ctx.raw.toString('utf8');
      const ids = [...xml.matchAll(/<(Latest|Uncommitted|Committed)>([^<]*)<\/\1>/g)].map((m) => m[2] ?? '');
      const parts: Buffer[] = [];
      for (const id of ids) {
        const part = blob.staged.get(id);
        if (!part) throw azureError(400, 'InvalidBlockList', 'The specified block list is invalid.');
        parts.push(part);
      }
      blob.content = Buffer.concat(parts);
      blob.staged.clear();
      const type = ctx.req.headers['x-ms-blob-content-type'];
      if (typeof type === 'string') blob.contentType = type;
      touched();
      return blobReply(201, { etag: `"0x${randomBytes(7).toString('hex').toUpperCase()}"`, 'last-modified': blob.lastModified });
    }
    if (ctx.query.comp !== undefined) throw azureError(400, 'InvalidQueryParameterValue', `comp=${ctx.query.comp} is not supported by the fake.`);
    if (ctx.req.headers['x-ms-blob-type'] !== 'BlockBlob') throw azureError(400, 'MissingRequiredHeader', 'An HTTP header that\'s mandatory for this request is not specified.');
    blob.content = ctx.raw;
    const type = ctx.req.headers['x-ms-blob-content-type'] ?? ctx.req.headers['content-type'];
    if (typeof type === 'string') blob.contentType = type;
    touched();
    return blobReply(201, { etag: `"0x${randomBytes(7).toString('hex').toUpperCase()}"`, 'last-modified': blob.lastModified });
  }

  // ---- results service (Twirp JSON) -------------------------------------------------------

  function twirpError(status: number, code: string, msg: string): Reply {
    return new Reply(status, { code, msg }, { 'content-type': 'application/json' });
  }

  function handleResults(ctx: Ctx): Reply {
    if (ctx.method !== 'POST') throw twirpError(404, 'bad_route', `unsupported method ${ctx.method} (only POST is allowed)`);
    const bearer = /^bearer\s+(.+)$/i.exec(ctx.req.headers.authorization ?? '')?.[1];
    const job = bearer === undefined ? undefined : runtimeJob(bearer);
    if (!job) throw twirpError(401, 'unauthenticated', 'invalid or missing ACTIONS_RUNTIME_TOKEN');
    const run = runs.get(job.runId);
    if (!run) throw twirpError(404, 'not_found', 'workflow run not found');
    ctx.call.runId = run.id;
    const body = (ctx.body ?? {}) as Record<string, unknown>;
    const str = (key: string): string => (typeof body[key] === 'string' ? body[key] : '');
    const method = ctx.path.slice(RESULTS_SERVICE.length);
    // Reads name the job that uploaded the artifact (any job of the run); writes must be the token's own job.
    const sameJob = str('workflow_job_run_backend_id') === job.backendId;
    const jobOfRun = jobs.get(str('workflow_job_run_backend_id'))?.runId === run.id;
    const reading = method === 'ListArtifacts' || method === 'GetSignedArtifactURL';
    if (str('workflow_run_backend_id') !== run.backendId || !(sameJob || (reading && jobOfRun))) {
      throw twirpError(403, 'permission_denied', 'the runtime token does not grant access to this workflow run or job');
    }
    const inRun = [...artifacts.values()].filter((a) => a.runId === run.id && a.finalized);
    switch (method) {
      case 'CreateArtifact': {
        const name = str('name');
        if (!name) throw twirpError(400, 'invalid_argument', 'name is required');
        if (inRun.some((a) => a.name === name) || pending.has(`${run.id}/${name}`)) {
          throw twirpError(409, 'already_exists', 'an artifact with this name already exists on the workflow run');
        }
        const expires = typeof body.expires_at === 'string' ? body.expires_at : new Date(Date.now() + 90 * 86_400_000).toISOString();
        const artifact = storeArtifact(run, job, name, undefined, expires);
        pending.set(`${run.id}/${name}`, artifact);
        return new Reply(200, { ok: true, signed_upload_url: signBlobUrl(artifact.blobPath, 'cw', 6 * 3600) });
      }
      case 'FinalizeArtifact': {
        const artifact = pending.get(`${run.id}/${str('name')}`);
        if (!artifact || artifact.jobBackendId !== job.backendId) throw twirpError(404, 'not_found', 'artifact not found');
        const content = blobs.get(artifact.blobPath)?.content;
        if (!content) throw twirpError(400, 'invalid_argument', 'no blob was committed for the artifact');
        if (str('size') !== String(content.length)) throw twirpError(400, 'invalid_argument', `size ${str('size')} does not match the uploaded ${content.length} bytes`);
        const digest = `sha256:${createHash('sha256').update(content).digest('hex')}`;
        if (body.hash !== undefined && body.hash !== digest) throw twirpError(400, 'invalid_argument', `hash ${JSON.stringify(body.hash)} does not match the uploaded content`);
        pending.delete(`${run.id}/${artifact.name}`);
        finalize(artifact, content);
        return new Reply(200, { ok: true, artifact_id: String(artifact.id) });
      }
      case 'ListArtifacts': {
        const nameFilter = typeof body.name_filter === 'string' ? body.name_filter : undefined;
        const idFilter = typeof body.id_filter === 'string' || typeof body.id_filter === 'number' ? String(body.id_filter) : undefined;
        const listed = inRun.filter((a) => (nameFilter === undefined || a.name === nameFilter) && (idFilter === undefined || String(a.id) === idFilter));
        return new Reply(200, {
          artifacts: listed.map((a) => ({
            workflow_run_backend_id: run.backendId,
            workflow_job_run_backend_id: a.jobBackendId,
            database_id: String(a.id),
            name: a.name,
            size: String(a.size),
            created_at: a.createdAt,
            digest: a.digest,
          })),
        });
      }
      case 'GetSignedArtifactURL': {
        const artifact = inRun.find((a) => a.name === str('name'));
        if (!artifact) throw twirpError(404, 'not_found', 'artifact not found');
        return new Reply(200, { signed_url: signBlobUrl(artifact.blobPath, 'r', 3600) });
      }
      case 'DeleteArtifact': {
        const artifact = inRun.find((a) => a.name === str('name'));
        if (!artifact) throw twirpError(404, 'not_found', 'artifact not found');
        artifacts.delete(artifact.id);
        blobs.delete(artifact.blobPath);
        return new Reply(200, { ok: true, artifact_id: String(artifact.id) });
      }
      default:
        throw twirpError(404, 'bad_route', `no handler for path "${ctx.path}"`);
    }
  }

  // ---- REST and GraphQL -------------------------------------------------------------------

  function authenticate(ctx: Ctx): TokenRecord {
    const header = ctx.req.headers.authorization;
    if (!header) throw new Reply(401, errorJson(401, 'Requires authentication'));
    const text = /^(?:token|bearer)\s+(.+)$/i.exec(header)?.[1];
    const token = text === undefined ? undefined : tokens.get(text);
    if (!token) throw new Reply(401, errorJson(401, 'Bad credentials'));
    ctx.call.login = token.user.login;
    return token;
  }

  /** Passes when the token holds any one of `alternatives`; answers GitHub's 403 otherwise. */
  function need(ctx: Ctx, docs: string, ...alternatives: [Permission, 'read' | 'write'][]): void {
    const token = ctx.token!;
    ctx.headers['x-accepted-github-permissions'] = alternatives.map(([p, a]) => `${p}=${a}`).join('; ');
    const rank = { none: 0, read: 1, write: 2 } as const;
    if (alternatives.some(([p, a]) => rank[token.access[p]] >= rank[a])) return;
    const message = token.kind === 'installation' ? 'Resource not accessible by integration' : 'Resource not accessible by personal access token';
    throw new Reply(403, errorJson(403, message, docs));
  }

  function notFound(docs?: string): Reply {
    return new Reply(404, errorJson(404, 'Not Found', docs));
  }

  function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
    return new Reply(status, body, headers);
  }

  /** One page of `items` and GitHub's Link header for it (URLs in the `/repositories/{id}` form). */
  function paged<T>(ctx: Ctx, state: RepoState, items: T[]): { items: T[]; headers: Record<string, string> } {
    const perPage = Math.min(100, Math.max(1, Number.parseInt(ctx.query.per_page ?? '30', 10) || 30));
    const page = Math.max(1, Number.parseInt(ctx.query.page ?? '1', 10) || 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const suffix = ctx.path.slice(`/repos/${state.repo.owner}/${state.repo.name}`.length);
    const link = (p: number, rel: string): string => {
      const url = new URL(`${origin}/repositories/${state.repo.id}${suffix}`);
      for (const [k, v] of Object.entries(ctx.query)) url.searchParams.set(k, v);
      url.searchParams.set('page', String(p));
      return `<${url.toString()}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (page > 1) links.push(link(Math.min(page - 1, last), 'prev'));
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
    if (page > 1) links.push(link(1, 'first'));
    return { items: items.slice((page - 1) * perPage, page * perPage), headers: links.length > 0 ? { link: links.join(', ') } : {} };
  }

  function commentBody(ctx: Ctx, docs: string): string {
    const body = (ctx.body as { body?: unknown } | undefined)?.body;
    if (typeof body !== 'string') throw json(422, errorJson(422, 'Invalid request.\n\n"body" wasn\'t supplied.', docs));
    if (body.length > MAX_COMMENT) {
      throw json(422, validationFailed(docs, 'IssueComment', 'data', `Body is too long (maximum is ${MAX_COMMENT} characters)`, 'unprocessable'));
    }
    return body;
  }

  const isPull = (state: RepoState, n: number): boolean => state.pulls.has(n);

  type Handler = (ctx: Ctx, state: RepoState, params: string[]) => Reply;
  const repoRoutes: [string, RegExp, Handler][] = [
    [
      'GET',
      /^\/issues\/(\d+)\/comments$/,
      (ctx, state, [n]) => {
        need(ctx, DOC_URLS.listComments, ['issues', 'read'], ['pull_requests', 'read']);
        const issue = Number(n);
        const page = paged(ctx, state, state.comments.filter((c) => c.issueNumber === issue));
        return json(200, page.items.map((c) => commentJson(apiUrl, state.repo, isPull(state, issue), c)), page.headers);
      },
    ],
    [
      'POST',
      /^\/issues\/(\d+)\/comments$/,
      (ctx, state, [n]) => {
        need(ctx, DOC_URLS.createComment, ['issues', 'write'], ['pull_requests', 'write']);
        const body = commentBody(ctx, DOC_URLS.createComment);
        const at = now();
        const comment: FakeComment = { id: ++ids.comment, issueNumber: Number(n), body, user: ctx.token!.user, createdAt: at, updatedAt: at };
        state.comments.push(comment);
        const out = commentJson(apiUrl, state.repo, isPull(state, comment.issueNumber), comment);
        return json(201, out, { location: String(out.url) });
      },
    ],
    [
      'GET',
      /^\/issues\/comments\/(\d+)$/,
      (ctx, state, [id]) => {
        need(ctx, DOC_URLS.updateComment, ['issues', 'read'], ['pull_requests', 'read']);
        const comment = state.comments.find((c) => c.id === Number(id));
        if (!comment) throw notFound(DOC_URLS.updateComment);
        return json(200, commentJson(apiUrl, state.repo, isPull(state, comment.issueNumber), comment));
      },
    ],
    [
      'PATCH',
      /^\/issues\/comments\/(\d+)$/,
      (ctx, state, [id]) => {
        need(ctx, DOC_URLS.updateComment, ['issues', 'write'], ['pull_requests', 'write']);
        const comment = state.comments.find((c) => c.id === Number(id));
        if (!comment) throw notFound(DOC_URLS.updateComment);
        comment.body = commentBody(ctx, DOC_URLS.updateComment);
        comment.updatedAt = now();
        return json(200, commentJson(apiUrl, state.repo, isPull(state, comment.issueNumber), comment));
      },
    ],
    [
      'DELETE',
      /^\/issues\/comments\/(\d+)$/,
      (ctx, state, [id]) => {
        need(ctx, DOC_URLS.deleteComment, ['issues', 'write'], ['pull_requests', 'write']);
        const index = state.comments.findIndex((c) => c.id === Number(id));
        if (index < 0) throw notFound(DOC_URLS.deleteComment);
        state.comments.splice(index, 1);
        return new Reply(204, undefined);
      },
    ],
    [
      'GET',
      /^\/pulls\/(\d+)$/,
      (ctx, state, [n]) => {
        need(ctx, DOC_URLS.getPull, ['pull_requests', 'read']);
        const pr = state.pulls.get(Number(n));
        if (!pr) throw notFound(DOC_URLS.getPull);
        return json(200, pullJson(apiUrl, state.repo, pr, repoOwner(state)));
      },
    ],
    [
      'GET',
      /^\/actions\/workflows\/([^/]+)\/runs$/,
      (ctx, state, [ref]) => {
        need(ctx, DOC_URLS.listWorkflowRuns, ['actions', 'read']);
        const workflow = workflowFor(state, decodeURIComponent(ref ?? ''));
        if (!workflow) throw notFound(DOC_URLS.listWorkflowRuns);
        const { branch, event, status, head_sha: headSha } = ctx.query;
        const statuses = new Set(['queued', 'in_progress', 'completed', 'requested', 'waiting', 'pending']);
        const matching = [...runs.values()]
          .filter((r) => r.workflowId === workflow.id && r.repo === fullName(state))
          .filter((r) => branch === undefined || r.headBranch === branch)
          .filter((r) => event === undefined || r.event === event)
          .filter((r) => headSha === undefined || r.headSha === headSha)
          .filter((r) => status === undefined || (statuses.has(status) ? r.status === status : r.conclusion === status))
          .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
        const page = paged(ctx, state, matching);
        const excludePulls = ctx.query.exclude_pull_requests === 'true';
        return json(
          200,
          {
            total_count: matching.length,
            workflow_runs: page.items.map((r) => runJson(apiUrl, state.repo, repoOwner(state), workflow, r, excludePulls ? [] : pullsOf(state, r))),
          },
          page.headers,
        );
      },
    ],
    [
      'GET',
      /^\/actions\/runs\/(\d+)$/,
      (ctx, state, [id]) => {
        need(ctx, DOC_URLS.getRun, ['actions', 'read']);
        const run = runIn(state, Number(id), DOC_URLS.getRun);
        const workflow = workflowFor(state, run.workflowId)!;
        return json(200, runJson(apiUrl, state.repo, repoOwner(state), workflow, run, pullsOf(state, run)));
      },
    ],
    [
      'GET',
      /^\/actions\/runs\/(\d+)\/artifacts$/,
      (ctx, state, [id]) => {
        need(ctx, DOC_URLS.listRunArtifacts, ['actions', 'read']);
        const run = runIn(state, Number(id), DOC_URLS.listRunArtifacts);
        const { name } = ctx.query;
        const listed = [...artifacts.values()].filter((a) => a.runId === run.id && a.finalized && (name === undefined || a.name === name));
        const page = paged(ctx, state, listed);
        return json(200, { total_count: listed.length, artifacts: page.items.map((a) => artifactJson(apiUrl, state.repo, run, a)) }, page.headers);
      },
    ],
    [
      'GET',
      /^\/actions\/artifacts\/(\d+)$/,
      (ctx, state, [id]) => {
        need(ctx, DOC_URLS.downloadArtifact, ['actions', 'read']);
        const artifact = artifactIn(state, Number(id));
        return json(200, artifactJson(apiUrl, state.repo, runs.get(artifact.runId)!, artifact));
      },
    ],
    [
      'GET',
      /^\/actions\/artifacts\/(\d+)\/([^/]+)$/,
      (ctx, state, [id, format]) => {
        need(ctx, DOC_URLS.downloadArtifact, ['actions', 'read']);
        const artifact = artifactIn(state, Number(id));
        if (format !== 'zip') throw notFound(DOC_URLS.downloadArtifact);
        if (artifact.expired) throw json(410, errorJson(410, 'Artifact has expired', DOC_URLS.downloadArtifact));
        return new Reply(302, undefined, { location: signBlobUrl(artifact.blobPath, 'r', 60) });
      },
    ],
    [
      'POST',
      /^\/statuses\/([0-9a-fA-F]{4,40})$/,
      (ctx, state, [sha]) => {
        need(ctx, DOC_URLS.createStatus, ['statuses', 'write']);
        const body = (ctx.body ?? {}) as Record<string, unknown>;
        const docs = DOC_URLS.createStatus;
        const state_ = body.state;
        if (state_ !== 'error' && state_ !== 'failure' && state_ !== 'pending' && state_ !== 'success') {
          throw json(422, validationFailed(docs, 'Status', 'state', 'state is not included in the list'));
        }
        const description = typeof body.description === 'string' ? body.description : null;
        if (description !== null && description.length > MAX_STATUS_DESCRIPTION) {
          throw json(422, validationFailed(docs, 'Status', 'description', `description is too long (maximum is ${MAX_STATUS_DESCRIPTION} characters)`));
        }
        const status: FakeStatus = {
          id: ++ids.status,
          repo: fullName(state),
          sha: sha!,
          state: state_,
          description,
          targetUrl: typeof body.target_url === 'string' ? body.target_url : null,
          context: typeof body.context === 'string' ? body.context : 'default',
          createdAt: now(),
          creator: ctx.token!.user,
        };
        state.statuses.push(status);
        return json(201, statusJson(apiUrl, status));
      },
    ],
    ['POST', /^\/check-runs$/, (ctx, state) => checkRun(ctx, state, undefined)],
    [
      'PATCH',
      /^\/check-runs\/(\d+)$/,
      (ctx, state, [id]) => {
        const existing = state.checkRuns.find((c) => c.id === Number(id));
        if (!existing) {
          requireApp(ctx, DOC_URLS.updateCheckRun);
          throw notFound(DOC_URLS.updateCheckRun);
        }
        return checkRun(ctx, state, existing);
      },
    ],
  ];

  function pullsOf(state: RepoState, run: FakeRun): FakePullRequest[] {
    return run.pullRequests.map((n) => state.pulls.get(n)).filter((p): p is FakePullRequest => p !== undefined);
  }

  function runIn(state: RepoState, id: number, docs: string): FakeRun {
    const run = runs.get(id);
    if (!run || run.repo !== fullName(state)) throw notFound(docs);
    return run;
  }

  function artifactIn(state: RepoState, id: number): FakeArtifact {
    const artifact = artifacts.get(id);
    if (!artifact || artifact.repo !== fullName(state)) throw notFound(DOC_URLS.downloadArtifact);
    return artifact;
  }

  function requireApp(ctx: Ctx, docs: string): void {
    if (ctx.token!.kind !== 'installation') throw json(403, errorJson(403, 'You must authenticate via a GitHub App.', docs));
    need(ctx, docs, ['checks', 'write']);
  }

  function checkRun(ctx: Ctx, state: RepoState, existing: FakeCheckRun | undefined): Reply {
    const docs = existing ? DOC_URLS.updateCheckRun : DOC_URLS.createCheckRun;
    requireApp(ctx, docs);
    const body = (ctx.body ?? {}) as Record<string, unknown>;
    const text = (key: string, from: Record<string, unknown> = body): string | undefined => (typeof from[key] === 'string' ? from[key] : undefined);
    const name = text('name') ?? existing?.name;
    const headSha = text('head_sha') ?? existing?.headSha;
    if (!name || !headSha) throw json(422, errorJson(422, `Invalid request.\n\n"${name ? 'head_sha' : 'name'}" wasn't supplied.`, docs));
    const output = typeof body.output === 'object' && body.output !== null ? (body.output as Record<string, unknown>) : undefined;
    if (output && (text('title', output) === undefined || text('summary', output) === undefined)) {
      throw json(422, errorJson(422, 'Invalid request.\n\nFor \'properties/output\', "title" and "summary" are required.', docs));
    }
    const annotations = Array.isArray(output?.annotations) ? (output.annotations as FakeAnnotation[]) : [];
    if (annotations.length > MAX_ANNOTATIONS) {
      throw json(422, errorJson(422, `Invalid request.\n\nOnly ${MAX_ANNOTATIONS} annotations are allowed per request.`, docs));
    }
    const conclusion = text('conclusion') ?? existing?.conclusion ?? null;
    const at = now();
    const check: FakeCheckRun = existing ?? {
      id: ++ids.check,
      repo: fullName(state),
      name,
      headSha,
      status: 'queued',
      conclusion: null,
      detailsUrl: null,
      externalId: null,
      startedAt: at,
      completedAt: null,
      output: { title: null, summary: null, text: null },
      annotations: [],
    };
    check.name = name;
    check.conclusion = conclusion;
    check.status = conclusion !== null ? 'completed' : ((text('status') as FakeCheckRun['status'] | undefined) ?? check.status);
    if (check.status === 'completed') check.completedAt = text('completed_at') ?? check.completedAt ?? at;
    check.detailsUrl = text('details_url') ?? check.detailsUrl;
    check.externalId = text('external_id') ?? check.externalId;
    if (output) check.output = { title: text('title', output) ?? null, summary: text('summary', output) ?? null, text: text('text', output) ?? check.output.text };
    // GitHub appends annotations on update rather than replacing them.
    check.annotations.push(...annotations);
    if (!existing) state.checkRuns.push(check);
    return json(existing ? 200 : 201, checkRunJson(apiUrl, check));
  }

  function handleRest(ctx: Ctx): Reply {
    if (ctx.path === '/user' && ctx.method === 'GET') {
      const token = ctx.token!;
      if (token.kind === 'installation') throw json(403, errorJson(403, 'Resource not accessible by integration', DOC_URLS.getUser));
      return json(200, authenticatedUserJson(apiUrl, token.user));
    }
    const m = /^\/repos\/([^/]+)\/([^/]+)(\/.*)$/.exec(ctx.path);
    if (!m) throw notFound();
    const state = repoState(`${decodeURIComponent(m[1]!)}/${decodeURIComponent(m[2]!)}`);
    const rest = m[3]!;
    for (const [method, pattern, handler] of repoRoutes) {
      const hit = pattern.exec(rest);
      if (hit && method === ctx.method) return handler(ctx, state, hit.slice(1));
    }
    throw notFound();
  }

  function handleGraphql(ctx: Ctx): Reply {
    const query = (ctx.body as { query?: unknown } | undefined)?.query;
    if (typeof query !== 'string') return json(200, { errors: [{ message: 'A query attribute must be specified and must be a string.' }] });
    const viewer = /\bviewer\s*\{([^{}]*)\}/.exec(query);
    if (!viewer) return json(200, { errors: [{ message: 'The fake GitHub answers only `viewer { login }` queries.' }] });
    const user = ctx.token!.user;
    const fields: Record<string, unknown> = { login: user.login, databaseId: user.id, id: userJson(apiUrl, user).node_id, __typename: user.type };
    const data: Record<string, unknown> = {};
    for (const field of viewer[1]!.split(/[\s,]+/).filter(Boolean)) {
      if (!(field in fields)) {
        return json(200, {
          errors: [{ path: ['query', 'viewer', field], extensions: { code: 'undefinedField', typeName: user.type, fieldName: field }, message: `Field '${field}' doesn't exist on type '${user.type}'` }],
        });
      }
      data[field] = fields[field];
    }
    return json(200, { data: { viewer: data } });
  }

  // ---- HTTP plumbing ----------------------------------------------------------------------

  function send(res: http.ServerResponse, reply: Reply, extra: Record<string, string>): void {
    const headers: Record<string, string> = { ...extra, ...reply.headers };
    let payload: Buffer | undefined;
    if (Buffer.isBuffer(reply.body)) payload = reply.body;
    else if (reply.body !== undefined) {
      payload = Buffer.from(JSON.stringify(reply.body));
      headers['content-type'] ??= 'application/json; charset=utf-8';
    }
    if (payload && headers['content-length'] === undefined) headers['content-length'] = String(payload.length);
    res.writeHead(reply.status, headers);
    res.end(payload);
  }

  function githubHeaders(token: TokenRecord | undefined): Record<string, string> {
    return {
      'x-github-api-version-selected': '2022-11-28',
      'x-github-media-type': 'github.v3; format=json',
      'x-github-request-id': randomBytes(8).toString('hex').toUpperCase(),
      'x-ratelimit-limit': token?.kind === 'installation' ? '1000' : '5000',
      'x-ratelimit-remaining': '999',
      'x-ratelimit-used': '1',
      'x-ratelimit-resource': 'core',
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      'access-control-expose-headers':
        'ETag, Link, Location, Retry-After, X-GitHub-OTP, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Used, X-RateLimit-Resource, X-RateLimit-Reset, X-OAuth-Scopes, X-Accepted-OAuth-Scopes, X-Poll-Interval, X-GitHub-Media-Type, X-GitHub-SSO, X-GitHub-Request-Id, Deprecation, Sunset',
    };
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => k !== 'authorization').map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
    const service: FakeGitHubCall['service'] = url.pathname.startsWith('/twirp/')
      ? 'results'
      : url.pathname.startsWith('/blob/')
        ? 'blob'
        : url.pathname === '/graphql' || url.pathname === '/api/graphql'
          ? 'graphql'
          : 'rest';
    const call: FakeGitHubCall = { service, method: req.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams), headers, body: undefined, status: 0 };
    calls.push(call);
    const ctx: Ctx = { req, method: call.method, path: url.pathname, query: call.query, body: undefined, raw, call, token: undefined, headers: {} };
    let extra: Record<string, string> = {};
    try {
      if (service === 'blob') {
        call.body = ctx.query.comp === 'blocklist' ? raw.toString('utf8') : { bytes: raw.length };
        send(res, handleBlob(ctx), {});
        return;
      }
      if (raw.length > 0) {
        try {
          ctx.body = call.body = JSON.parse(raw.toString('utf8'));
        } catch {
          call.body = raw.toString('utf8');
          throw service === 'results' ? twirpError(400, 'malformed', 'the request body is not valid JSON') : json(400, errorJson(400, 'Problems parsing JSON'));
        }
      }
      if (service === 'results') {
        send(res, handleResults(ctx), {});
        return;
      }
      extra = githubHeaders(undefined);
      ctx.token = authenticate(ctx);
      extra = githubHeaders(ctx.token);
      // `/repositories/{id}/…` is how GitHub's Link headers name a repository.
      const byId = /^\/repositories\/(\d+)(\/.*)$/.exec(ctx.path);
      if (byId) {
        const state = [...repos.values()].find((s) => s.repo.id === Number(byId[1]));
        if (!state) throw notFound();
        ctx.path = `/repos/${state.repo.owner}/${state.repo.name}${byId[2]}`;
      }
      if (service === 'graphql') {
        if (ctx.method !== 'POST') throw notFound();
        send(res, handleGraphql(ctx), extra);
        return;
      }
      send(res, handleRest(ctx), { ...extra, ...ctx.headers });
    } catch (error) {
      if (error instanceof Reply) send(res, error, { ...extra, ...ctx.headers });
      else send(res, new Reply(500, errorJson(500, `fake GitHub failed: ${error instanceof Error ? error.message : String(error)}`)), extra);
    } finally {
      call.status = res.statusCode;
    }
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const apiUrl = origin;

  return {
    url: origin,
    apiUrl,
    graphqlUrl: `${origin}/graphql`,
    resultsUrl: `${origin}/`,
    serverUrl: SERVER_URL,
    calls,
    env(options = {}) {
      const env: Record<string, string> = {
        GITHUB_API_URL: apiUrl,
        GITHUB_GRAPHQL_URL: `${origin}/graphql`,
        GITHUB_SERVER_URL: SERVER_URL,
        ACTIONS_RESULTS_URL: `${origin}/`,
      };
      if (options.runId === undefined) return env;
      const run = runs.get(options.runId);
      if (!run) throw new Error(`fake GitHub: no run ${options.runId}`);
      const state = repoState(run.repo);
      const workflow = workflowFor(state, run.workflowId)!;
      const pr = run.pullRequests[0] === undefined ? undefined : state.pulls.get(run.pullRequests[0]);
      const ref = run.event.startsWith('pull_request') && pr ? `refs/pull/${pr.number}/merge` : `refs/heads/${run.headBranch}`;
      return {
        ...env,
        ACTIONS_RUNTIME_TOKEN: runtimeToken(run.id, options.job),
        GITHUB_ACTIONS: 'true',
        GITHUB_REPOSITORY: run.repo,
        GITHUB_REPOSITORY_OWNER: state.repo.owner,
        GITHUB_REPOSITORY_ID: String(state.repo.id),
        GITHUB_RUN_ID: String(run.id),
        GITHUB_RUN_NUMBER: String(run.runNumber),
        GITHUB_RUN_ATTEMPT: '1',
        GITHUB_SHA: run.headSha,
        GITHUB_REF: ref,
        GITHUB_EVENT_NAME: run.event,
        GITHUB_WORKFLOW: workflow.name,
        GITHUB_WORKFLOW_REF: `${run.repo}/${workflow.path}@${ref}`,
        GITHUB_JOB: options.job ?? 'job',
        ...(pr ? { GITHUB_HEAD_REF: pr.headRef, GITHUB_BASE_REF: pr.baseRef } : {}),
      };
    },
    addToken,
    addPullRequest(repo, pr) {
      const state = repoState(repo);
      const created: FakePullRequest = {
        number: pr.number,
        headRef: pr.headRef ?? `feature-${pr.number}`,
        headSha: pr.headSha ?? createHash('sha1').update(`pr${pr.number}`).digest('hex'),
        headRepo: pr.headRepo ?? fullName(state),
        baseRef: pr.baseRef ?? 'main',
        baseSha: pr.baseSha ?? createHash('sha1').update(`base${pr.number}`).digest('hex'),
        user: user(pr.user ?? 'contributor'),
      };
      state.pulls.set(pr.number, created);
      return created;
    },
    addComment(repo, issueNumber, comment) {
      const state = repoState(repo);
      const at = now();
      const created: FakeComment = { id: ++ids.comment, issueNumber, body: comment.body, user: user(comment.user ?? 'someone'), createdAt: at, updatedAt: at };
      state.comments.push(created);
      return created;
    },
    comments: (repo, issueNumber) => repoState(repo).comments.filter((c) => c.issueNumber === issueNumber),
    addWorkflow,
    addRun,
    run: (id) => runs.get(id),
    runtimeToken,
    addArtifact,
    artifacts: (filter = {}) =>
      [...artifacts.values()]
        .filter((a) => a.finalized)
        .filter((a) => filter.repo === undefined || a.repo.toLowerCase() === filter.repo.toLowerCase())
        .filter((a) => filter.runId === undefined || a.runId === filter.runId)
        .filter((a) => filter.name === undefined || a.name === filter.name)
        .sort((a, b) => a.id - b.id),
    artifactContent(id) {
      const artifact = artifacts.get(id);
      if (!artifact) throw new Error(`fake GitHub: no artifact ${id}`);
      return blobContent(artifact);
    },
    artifactFiles(id) {
      const artifact = artifacts.get(id);
      if (!artifact) throw new Error(`fake GitHub: no artifact ${id}`);
      return readZip(blobContent(artifact));
    },
    statuses: (repo, sha) => repoState(repo).statuses.filter((s) => sha === undefined || s.sha === sha),
    checkRuns: (repo) => repoState(repo).checkRuns,
    resetCalls() {
      calls.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
