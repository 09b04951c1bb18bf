/**
 * What the action says to GitHub: the sticky PR comment (found by a hidden marker among the token's
 * own comments, on whatever page it is), gate verdicts as commit statuses or check runs, and typed
 * errors that tell a refused write (a fork PR's read-only token, a missing `permissions:` entry)
 * from everything else, so the caller can fall back to the job summary instead of failing.
 */
import { getOctokit } from '@actions/github';
import { z } from 'zod';

export type Octokit = ReturnType<typeof getOctokit>;

/** GitHub's limit on an issue comment's body, in characters. */
export const MAX_COMMENT_LENGTH = 65536;
/** GitHub's limit on a commit status description. */
export const MAX_STATUS_DESCRIPTION = 140;
/** GitHub's limit on a check run's `output.summary` and `output.text`. */
export const MAX_CHECK_OUTPUT = 65535;
/** GitHub accepts at most this many annotations per check-run request. */
const ANNOTATIONS_PER_REQUEST = 50;
/** Who an installation token (the workflow's GITHUB_TOKEN) comments as, when nothing better is known. */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';

const MARKER_PREFIX = 'mlflow-ts-action:';

export function apiBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.GITHUB_API_URL || 'https://api.github.com';
}

/**
 * An Octokit for `token` against GITHUB_API_URL as it is now. `@actions/github` reads that variable
 * once, when first imported; passing it per call keeps a value set later (tests, GHES tooling) in force.
 */
export function createOctokit(token: string, options: { baseUrl?: string } = {}): Octokit {
  return getOctokit(token, { baseUrl: options.baseUrl ?? apiBaseUrl() });
}

// ---- errors -----------------------------------------------------------------------------------

/** GitHub refused the call for lack of a permission (403), or hid the target from this token (404 on a write). */
export class GitHubPermissionError extends Error {
  readonly status: number;
  /** The route template, e.g. `POST /repos/{owner}/{repo}/statuses/{sha}`. */
  readonly endpoint: string;
  /** What to grant, as written under `permissions:` in a workflow, e.g. `pull-requests: write`. */
  readonly permission: string;
  readonly serverMessage: string;
  constructor(operation: GitHubOperation, status: number, serverMessage: string, accepted: string | undefined) {
    const grant = `The token needs \`${operation.permission}\`: add it under \`permissions:\` in the workflow (or the job).`;
    const alternatives = accepted ? ` GitHub accepts: ${accepted.replace(/_/g, '-').replace(/=/g, ': ')}.` : '';
    super(`GitHub refused to ${operation.what} (${status} ${serverMessage}; ${operation.endpoint}). ${grant}${alternatives}${operation.hint ? ` ${operation.hint}` : ''}`);
    this.name = 'GitHubPermissionError';
    this.status = status;
    this.endpoint = operation.endpoint;
    this.permission = operation.permission;
    this.serverMessage = serverMessage;
  }
}

/** Any other failed GitHub call: bad credentials, validation errors, rate limits, outages. */
export class GitHubApiError extends Error {
  readonly status: number;
  readonly endpoint: string;
  readonly serverMessage: string;
  constructor(operation: GitHubOperation, status: number, serverMessage: string, options?: { cause?: unknown }) {
    const advice =
      status === 401
        ? ' The token was not accepted: check the `github-token` input (expired or revoked?).'
        : status === 403 || status === 429
          ? ' This looks like a rate limit: wait and re-run the job.'
          : status >= 500
            ? ' GitHub had a problem: re-run the job.'
            : '';
    super(`Could not ${operation.what}: GitHub answered ${status} ${serverMessage} (${operation.endpoint}).${advice}`, options);
    this.name = 'GitHubApiError';
    this.status = status;
    this.endpoint = operation.endpoint;
    this.serverMessage = serverMessage;
  }
}

/** A GitHub call, as errors name it and say what to grant for it. */
export interface GitHubOperation {
  /** `create the PR comment`: completes "GitHub refused to …" and "Could not …". */
  what: string;
  endpoint: string;
  permission: string;
  /** A 404 on this call means "not visible to this token" (writes to an issue/commit it can't see). */
  notFoundIsPermission?: boolean;
  hint?: string;
}

const FORK_HINT =
  'On pull requests from forks GitHub gives the workflow token read access only: upload the report and post it from a separate `workflow_run` workflow (`mode: comment`).';

const OPERATIONS = {
  whoAmI: { what: 'identify the token', endpoint: 'GET /user', permission: 'none' },
  listComments: { what: 'list the PR comments', endpoint: 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments', permission: 'pull-requests: read' },
  createComment: {
    what: 'create the PR comment',
    endpoint: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
    permission: 'pull-requests: write',
    notFoundIsPermission: true,
    hint: FORK_HINT,
  },
  updateComment: {
    what: 'update the PR comment',
    endpoint: 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
    permission: 'pull-requests: write',
    hint: FORK_HINT,
  },
  createStatus: {
    what: 'set the commit status',
    endpoint: 'POST /repos/{owner}/{repo}/statuses/{sha}',
    permission: 'statuses: write',
    notFoundIsPermission: true,
    hint: FORK_HINT,
  },
  createCheckRun: {
    what: 'create the check run',
    endpoint: 'POST /repos/{owner}/{repo}/check-runs',
    permission: 'checks: write',
    notFoundIsPermission: true,
    hint: 'Check runs can only be created with a GitHub App token such as the workflow GITHUB_TOKEN, not a personal access token.',
  },
  updateCheckRun: {
    what: 'add annotations to the check run',
    endpoint: 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}',
    permission: 'checks: write',
  },
  listRuns: { what: 'list the workflow runs', endpoint: 'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs', permission: 'actions: read' },
  listRunArtifacts: { what: 'list the run artifacts', endpoint: 'GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts', permission: 'actions: read' },
} as const satisfies Record<string, GitHubOperation>;

export const GITHUB_OPERATIONS: Readonly<Record<keyof typeof OPERATIONS, GitHubOperation>> = OPERATIONS;

// Octokit's RequestError, read by shape: @octokit/request-error is not a direct dependency.
const RequestErrorShape = z.object({
  status: z.number(),
  message: z.string(),
  response: z.object({ headers: z.record(z.string(), z.unknown()).optional(), data: z.unknown() }).optional(),
});
const ErrorBody = z.object({ message: z.string() });

/** The HTTP status of an Octokit error, if it is one. */
export function httpStatusOf(error: unknown): number | undefined {
  return RequestErrorShape.safeParse(error).data?.status;
}

/** `error` (from Octokit) as GitHubPermissionError or GitHubApiError; anything else unchanged. */
export function classifyGitHubError(operation: GitHubOperation, error: unknown): unknown {
  const parsed = RequestErrorShape.safeParse(error);
  if (!parsed.success) return error;
  const { status, response } = parsed.data;
  const serverMessage = ErrorBody.safeParse(response?.data).data?.message ?? parsed.data.message;
  const header = (name: string): string | undefined => {
    const value = response?.headers?.[name];
    return typeof value === 'string' ? value : undefined;
  };
  const rateLimited = header('x-ratelimit-remaining') === '0' || /rate limit/i.test(serverMessage);
  if ((status === 403 && !rateLimited) || (status === 404 && operation.notFoundIsPermission === true)) {
    return new GitHubPermissionError(operation, status, serverMessage, header('x-accepted-github-permissions'));
  }
  return new GitHubApiError(operation, status, serverMessage, { cause: error });
}

/** Runs `call`, rethrowing its Octokit errors classified for `operation`. */
export async function githubCall<T>(operation: GitHubOperation, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw classifyGitHubError(operation, error);
  }
}

// ---- the token's identity ---------------------------------------------------------------------

export interface TokenIdentity {
  login: string;
  /** `rest`: GET /user (a PAT); `graphql`: `viewer` (an installation token); `fallback`: neither answered. */
  source: 'rest' | 'graphql' | 'fallback';
}

const LoginShape = z.object({ login: z.string().min(1) });
const ViewerShape = z.object({ viewer: LoginShape });
const identities = new WeakMap<Octokit, Promise<TokenIdentity>>();

/**
 * Whose comments are ours. `GET /user` answers for a PAT; an installation token (GITHUB_TOKEN, a
 * GitHub App's) gets 403 there but GraphQL `viewer` names its bot; failing both, the workflow
 * token's bot. Bad credentials are not guessed around: they fail here.
 */
export function tokenIdentity(octokit: Octokit): Promise<TokenIdentity> {
  let identity = identities.get(octokit);
  if (!identity) {
    identity = resolveIdentity(octokit);
    identities.set(octokit, identity);
    // A failure (bad credentials) is not remembered: the next call asks again.
    void identity.catch(() => identities.delete(octokit));
  }
  return identity;
}

async function resolveIdentity(octokit: Octokit): Promise<TokenIdentity> {
  try {
    const { data } = await octokit.rest.users.getAuthenticated();
    return { login: LoginShape.parse(data).login, source: 'rest' };
  } catch (error) {
    if (httpStatusOf(error) === 401) throw classifyGitHubError(OPERATIONS.whoAmI, error);
  }
  try {
    const data = await octokit.graphql('query { viewer { login } }');
    return { login: ViewerShape.parse(data).viewer.login, source: 'graphql' };
  } catch {
    return { login: ACTIONS_BOT_LOGIN, source: 'fallback' };
  }
}

// ---- untrusted Markdown -----------------------------------------------------------------------

/** Bare tags a report uses for layout; anything else (attributes, comments, other tags) is shown as text. */
const LAYOUT_TAGS = new Set(['details', 'summary', 'br', 'b', 'i', 'em', 'strong', 'sub', 'sup', 'code', 'pre', 'kbd', 'p', 'hr']);

/**
 * Markdown from another job (the fork-safe `workflow_run` path) made safe to post: every `<` that
 * does not open a bare layout tag (`<details>`, `</summary>`, `<br/>`, …) becomes `&lt;`, so no HTML
 * comment (hence no sticky marker), attribute, image or script survives; `@name` mentions get a
 * zero-width space after the `@` so nobody is pinged.
 */
export function escapeUntrusted(markdown: string): string {
  return markdown
    .replace(/<(?:\/?([A-Za-z][A-Za-z0-9]*)(\s+open)?\s*\/?>)?/g, (match, name: string | undefined, open: string | undefined) => {
      const tag = name?.toLowerCase();
      const allowed = tag !== undefined && LAYOUT_TAGS.has(tag) && (open === undefined || tag === 'details');
      return allowed ? match : `&lt;${match.slice(1)}`;
    })
    .replace(/(^|[^\w])@(?=[A-Za-z0-9])/g, '$1@\u200b');
}

// ---- the sticky comment -----------------------------------------------------------------------

export interface MarkerParts {
  /** The workflow: its file (`ci.yml`) or name. */
  workflow: string;
  /** The job id (GITHUB_JOB). */
  job: string;
  /** The job's matrix values (`${{ toJSON(matrix) }}`), so each matrix job keeps its own comment. */
  matrix?: unknown;
}

/** `ci.yml/evaluate/node=24,os=ubuntu`: one comment per workflow, job and matrix combination. */
export function stickyMarkerKey(parts: MarkerParts): string {
  const matrix =
    parts.matrix === undefined || parts.matrix === null
      ? ''
      : typeof parts.matrix === 'object' && !Array.isArray(parts.matrix)
        ? Object.entries(parts.matrix as Record<string, unknown>)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
            .join(',')
        : typeof parts.matrix === 'string'
          ? parts.matrix
          : JSON.stringify(parts.matrix);
  return [parts.workflow, parts.job, matrix].filter((p) => p !== '').join('/');
}

/** The marker key for the current job, from the runner's GITHUB_WORKFLOW_REF (or GITHUB_WORKFLOW) and GITHUB_JOB. */
export function stickyMarkerKeyFromEnv(env: NodeJS.ProcessEnv = process.env, matrix?: unknown): string {
  const workflow = workflowFileFromRef(env.GITHUB_WORKFLOW_REF) ?? env.GITHUB_WORKFLOW ?? 'workflow';
  return stickyMarkerKey({ workflow, job: env.GITHUB_JOB ?? 'job', matrix });
}

/** `ci.yml` from `owner/repo/.github/workflows/ci.yml@refs/heads/main`. */
export function workflowFileFromRef(ref: string | undefined): string | undefined {
  const match = ref ? /\/\.github\/workflows\/([^@]+)@/.exec(ref) : null;
  return match?.[1];
}

/**
 * The hidden line that identifies a sticky comment: `<!-- mlflow-ts-action:<key> -->`. The key is
 * percent-encoded outside a safe set, and `--` broken up, so it can neither end the HTML comment nor
 * be confused with a longer key.
 */
export function stickyMarker(key: string): string {
  if (key.trim() === '') throw new TypeError('The sticky comment marker key must not be empty.');
  const safe = key
    .replace(/[^A-Za-z0-9._~/:=,+@ -]/gu, (c) => encodeURIComponent(c))
    .replace(/-(?=-)/g, '%2D');
  return `<!-- ${MARKER_PREFIX}${safe} -->`;
}

export interface StickyCommentOptions {
  octokit: Octokit;
  owner: string;
  repo: string;
  /** The PR (or issue) number. */
  issueNumber: number;
  /** The marker key (see stickyMarkerKey), not the HTML comment. */
  marker: string;
  /** Trusted Markdown; pass another job's report through escapeUntrusted first. */
  body: string;
  /** `update`: edit our comment with this marker in place (create it if there is none); `new`: always post a new one. */
  mode: 'update' | 'new';
}

export interface StickyCommentResult {
  action: 'created' | 'updated';
  id: number;
  /** The comment's html_url. */
  url: string;
}

const CommentShape = z.object({
  id: z.number(),
  body: z.string().nullish(),
  html_url: z.string(),
  user: z.object({ login: z.string() }).nullish(),
});

/**
 * Posts or updates the PR comment that carries `marker`. Only comments written by this token's own
 * identity count, on every page of the PR's comments, so a marker quoted by someone else is never
 * taken over; with several of ours, the newest is updated.
 */
export async function upsertStickyComment(options: StickyCommentOptions): Promise<StickyCommentResult> {
  const { octokit, owner, repo, issueNumber, mode } = options;
  const markerLine = stickyMarker(options.marker);
  // A marker inside the body could make a later run (of another job) mistake this comment for its own.
  const body = `${markerLine}\n${options.body.replaceAll(`<!-- ${MARKER_PREFIX}`, `&lt;!-- ${MARKER_PREFIX}`)}`;
  if (body.length > MAX_COMMENT_LENGTH) {
    throw new RangeError(
      `The PR comment is ${body.length} characters; GitHub accepts at most ${MAX_COMMENT_LENGTH}. Shorten the report (the renderer's cap should keep it under the limit) or link to the full report artifact.`,
    );
  }

  const existing = mode === 'update' ? await findOwnComment(octokit, owner, repo, issueNumber, markerLine) : undefined;
  if (existing !== undefined) {
    try {
      const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing, body });
      const comment = CommentShape.parse(data);
      return { action: 'updated', id: comment.id, url: comment.html_url };
    } catch (error) {
      // Deleted between listing and editing: post it afresh.
      if (httpStatusOf(error) !== 404) throw classifyGitHubError(OPERATIONS.updateComment, error);
    }
  }
  const { data } = await githubCall(OPERATIONS.createComment, () => octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body }));
  const comment = CommentShape.parse(data);
  return { action: 'created', id: comment.id, url: comment.html_url };
}

async function findOwnComment(octokit: Octokit, owner: string, repo: string, issueNumber: number, markerLine: string): Promise<number | undefined> {
  const me = (await tokenIdentity(octokit)).login.toLowerCase();
  let found: number | undefined;
  await githubCall(OPERATIONS.listComments, async () => {
    const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, { owner, repo, issue_number: issueNumber, per_page: 100 });
    for await (const page of pages) {
      for (const raw of page.data) {
        const comment = CommentShape.parse(raw);
        if (comment.user?.login.toLowerCase() === me && (comment.body ?? '').startsWith(markerLine)) found = comment.id;
      }
    }
  });
  return found;
}

// ---- gate verdicts ----------------------------------------------------------------------------

export interface GateStatusOptions {
  octokit: Octokit;
  owner: string;
  repo: string;
  sha: string;
  state: 'success' | 'failure' | 'error' | 'pending';
  /** Cut to GitHub's 140 characters with an ellipsis. */
  description: string;
  /** The status's name in the PR's checks list, e.g. `mlflow-ts / gates (evaluate)`. */
  context: string;
  /** Where "Details" leads: the job, or the report. */
  targetUrl?: string;
}

const StatusShape = z.object({ id: z.number(), url: z.string(), state: z.string() });

/** Sets a commit status for the gate verdict. */
export async function setGateStatus(options: GateStatusOptions): Promise<{ id: number; url: string }> {
  const { octokit, owner, repo, sha, state, context, targetUrl } = options;
  const description = truncate(options.description, MAX_STATUS_DESCRIPTION, '…');
  const { data } = await githubCall(OPERATIONS.createStatus, () =>
    octokit.rest.repos.createCommitStatus({ owner, repo, sha, state, description, context, ...(targetUrl ? { target_url: targetUrl } : {}) }),
  );
  const status = StatusShape.parse(data);
  return { id: status.id, url: status.url };
}

export interface GateAnnotation {
  /** A path in the repository (the thresholds or workflow file). */
  path: string;
  startLine: number;
  endLine?: number;
  level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
}

export interface GateCheckRunOptions {
  octokit: Octokit;
  owner: string;
  repo: string;
  sha: string;
  name: string;
  conclusion: 'success' | 'failure' | 'neutral' | 'action_required';
  title: string;
  /** Markdown; cut to GitHub's 65,535 characters. */
  summary: string;
  text?: string;
  detailsUrl?: string;
  /** Sent 50 a request, as GitHub requires: the first batch with the run, the rest as updates. */
  annotations?: GateAnnotation[];
}

const CheckRunShape = z.object({ id: z.number(), html_url: z.string().nullish(), url: z.string() });

/** Creates a completed check run for the gate verdict, with annotations. Needs a GitHub App token (GITHUB_TOKEN is one). */
export async function createGateCheckRun(options: GateCheckRunOptions): Promise<{ id: number; url: string }> {
  const { octokit, owner, repo, sha, name, conclusion, title, detailsUrl } = options;
  const cut = (text: string): string => truncate(text, MAX_CHECK_OUTPUT, '\n\n… (cut at GitHub\'s limit)');
  const annotations = (options.annotations ?? []).map((a) => ({
    path: a.path,
    start_line: a.startLine,
    end_line: a.endLine ?? a.startLine,
    annotation_level: a.level,
    message: a.message,
    ...(a.title ? { title: a.title } : {}),
  }));
  const output = (batch: typeof annotations): { title: string; summary: string; text?: string; annotations: typeof annotations } => ({
    title,
    summary: cut(options.summary),
    ...(options.text !== undefined ? { text: cut(options.text) } : {}),
    annotations: batch,
  });
  const { data } = await githubCall(OPERATIONS.createCheckRun, () =>
    octokit.rest.checks.create({
      owner,
      repo,
      name,
      head_sha: sha,
      status: 'completed',
      conclusion,
      ...(detailsUrl ? { details_url: detailsUrl } : {}),
      output: output(annotations.slice(0, ANNOTATIONS_PER_REQUEST)),
    }),
  );
  const check = CheckRunShape.parse(data);
  for (let start = ANNOTATIONS_PER_REQUEST; start < annotations.length; start += ANNOTATIONS_PER_REQUEST) {
    const batch = annotations.slice(start, start + ANNOTATIONS_PER_REQUEST);
    await githubCall(OPERATIONS.updateCheckRun, () => octokit.rest.checks.update({ owner, repo, check_run_id: check.id, output: output(batch) }));
  }
  return { id: check.id, url: check.html_url ?? check.url };
}

function truncate(text: string, max: number, ellipsis: string): string {
  if (text.length <= max) return text;
  // Never split a surrogate pair: GitHub would reject the lone half.
  let end = max - ellipsis.length;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return text.slice(0, end) + ellipsis;
}
