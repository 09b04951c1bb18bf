/**
 * The JSON shapes the fake GitHub answers with, field for field as api.github.com sends them (the
 * fields a client may read; GitHub's many `*_url` template fields are included where cheap), and
 * its error bodies. Kept apart from the server so the routes read as routes.
 */

/** Where a browser would open things; `@actions/artifact` insists on github.com (anything else is GHES to it). */
export const SERVER_URL = 'https://github.com';

/** The login and id GitHub gives the workflow's GITHUB_TOKEN, and the app it belongs to. */
export const ACTIONS_BOT = { login: 'github-actions[bot]', id: 41898282 } as const;

const DOCS = 'https://docs.github.com/rest';

export interface FakeUser {
  login: string;
  id: number;
  type: 'User' | 'Bot';
}

export interface FakeRepo {
  owner: string;
  name: string;
  id: number;
}

export function nodeId(kind: string, id: number): string {
  return Buffer.from(`0${kind.length}:${kind}${id}`).toString('base64');
}

export function userJson(api: string, user: FakeUser): Record<string, unknown> {
  const bot = user.type === 'Bot';
  const slug = bot ? user.login.replace(/\[bot\]$/, '') : user.login;
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId(bot ? 'Bot' : 'User', user.id),
    avatar_url: bot ? `https://avatars.githubusercontent.com/in/15368?v=4` : `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    gravatar_id: '',
    url: `${api}/users/${encodeURIComponent(user.login)}`,
    html_url: bot ? `${SERVER_URL}/apps/${slug}` : `${SERVER_URL}/${user.login}`,
    followers_url: `${api}/users/${encodeURIComponent(user.login)}/followers`,
    repos_url: `${api}/users/${encodeURIComponent(user.login)}/repos`,
    type: user.type,
    user_view_type: 'public',
    site_admin: false,
  };
}

/** `GET /user` for a PAT: the public user plus the private profile fields. */
export function authenticatedUserJson(api: string, user: FakeUser): Record<string, unknown> {
  return {
    ...userJson(api, user),
    name: user.login,
    company: null,
    blog: '',
    location: null,
    email: null,
    hireable: null,
    bio: null,
    public_repos: 1,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: '2020-01-01T00:00:00Z',
    updated_at: '2020-01-01T00:00:00Z',
  };
}

export function repoJson(api: string, repo: FakeRepo, owner: FakeUser): Record<string, unknown> {
  const fullName = `${repo.owner}/${repo.name}`;
  return {
    id: repo.id,
    node_id: nodeId('Repository', repo.id),
    name: repo.name,
    full_name: fullName,
    private: false,
    owner: userJson(api, owner),
    html_url: `${SERVER_URL}/${fullName}`,
    description: null,
    fork: false,
    url: `${api}/repos/${fullName}`,
  };
}

export interface FakeComment {
  id: number;
  issueNumber: number;
  body: string;
  user: FakeUser;
  createdAt: string;
  updatedAt: string;
}

export function commentJson(api: string, repo: FakeRepo, isPull: boolean, comment: FakeComment): Record<string, unknown> {
  const fullName = `${repo.owner}/${repo.name}`;
  const bot = comment.user.type === 'Bot';
  return {
    url: `${api}/repos/${fullName}/issues/comments/${comment.id}`,
    html_url: `${SERVER_URL}/${fullName}/${isPull ? 'pull' : 'issues'}/${comment.issueNumber}#issuecomment-${comment.id}`,
    issue_url: `${api}/repos/${fullName}/issues/${comment.issueNumber}`,
    id: comment.id,
    node_id: nodeId('IssueComment', comment.id),
    user: userJson(api, comment.user),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: bot ? 'NONE' : 'CONTRIBUTOR',
    body: comment.body,
    reactions: {
      url: `${api}/repos/${fullName}/issues/comments/${comment.id}/reactions`,
      total_count: 0,
      '+1': 0,
      '-1': 0,
      laugh: 0,
      hooray: 0,
      confused: 0,
      heart: 0,
      rocket: 0,
      eyes: 0,
    },
    performed_via_github_app: bot ? { id: 15368, slug: comment.user.login.replace(/\[bot\]$/, ''), name: 'GitHub Actions' } : null,
  };
}

export interface FakePullRequest {
  number: number;
  headRef: string;
  headSha: string;
  /** `owner/name` of the head repository: another one for a PR from a fork. */
  headRepo: string;
  baseRef: string;
  baseSha: string;
  user: FakeUser;
}

export function pullJson(api: string, repo: FakeRepo, pr: FakePullRequest, owner: FakeUser): Record<string, unknown> {
  const fullName = `${repo.owner}/${repo.name}`;
  const [headOwner = repo.owner] = pr.headRepo.split('/');
  return {
    url: `${api}/repos/${fullName}/pulls/${pr.number}`,
    id: 1_000_000 + pr.number,
    node_id: nodeId('PullRequest', pr.number),
    html_url: `${SERVER_URL}/${fullName}/pull/${pr.number}`,
    number: pr.number,
    state: 'open',
    locked: false,
    title: `Pull request #${pr.number}`,
    user: userJson(api, pr.user),
    body: null,
    draft: false,
    merged: false,
    head: { label: `${headOwner}:${pr.headRef}`, ref: pr.headRef, sha: pr.headSha, repo: { full_name: pr.headRepo, fork: pr.headRepo !== fullName } },
    base: { label: `${repo.owner}:${pr.baseRef}`, ref: pr.baseRef, sha: pr.baseSha, repo: repoJson(api, repo, owner) },
  };
}

export interface FakeWorkflow {
  id: number;
  name: string;
  /** `.github/workflows/<file>` */
  path: string;
}

export interface FakeRun {
  id: number;
  /** The results service's id for the run (a UUID), which ACTIONS_RUNTIME_TOKEN names. */
  backendId: string;
  repo: string;
  workflowId: number;
  runNumber: number;
  headBranch: string;
  headSha: string;
  event: string;
  status: 'queued' | 'in_progress' | 'completed';
  conclusion: 'success' | 'failure' | 'cancelled' | 'skipped' | 'neutral' | 'timed_out' | null;
  createdAt: string;
  /** PRs the run belongs to; GitHub leaves this empty for PRs from forks. */
  pullRequests: number[];
}

export function runJson(api: string, repo: FakeRepo, owner: FakeUser, workflow: FakeWorkflow, run: FakeRun, pulls: FakePullRequest[]): Record<string, unknown> {
  const fullName = `${repo.owner}/${repo.name}`;
  const runUrl = `${api}/repos/${fullName}/actions/runs/${run.id}`;
  const repository = repoJson(api, repo, owner);
  return {
    id: run.id,
    name: workflow.name,
    node_id: nodeId('WorkflowRun', run.id),
    head_branch: run.headBranch,
    head_sha: run.headSha,
    path: workflow.path,
    display_title: `${workflow.name} #${run.runNumber}`,
    run_number: run.runNumber,
    event: run.event,
    status: run.status,
    conclusion: run.conclusion,
    workflow_id: workflow.id,
    check_suite_id: 10_000_000 + run.id,
    check_suite_node_id: nodeId('CheckSuite', 10_000_000 + run.id),
    url: runUrl,
    html_url: `${SERVER_URL}/${fullName}/actions/runs/${run.id}`,
    pull_requests: pulls.map((pr) => ({
      url: `${api}/repos/${fullName}/pulls/${pr.number}`,
      id: 1_000_000 + pr.number,
      number: pr.number,
      head: { ref: pr.headRef, sha: pr.headSha, repo: { id: repo.id, url: `${api}/repos/${pr.headRepo}`, name: pr.headRepo.split('/')[1] } },
      base: { ref: pr.baseRef, sha: pr.baseSha, repo: { id: repo.id, url: `${api}/repos/${fullName}`, name: repo.name } },
    })),
    created_at: run.createdAt,
    updated_at: run.createdAt,
    actor: userJson(api, owner),
    run_attempt: 1,
    referenced_workflows: [],
    run_started_at: run.createdAt,
    triggering_actor: userJson(api, owner),
    jobs_url: `${runUrl}/jobs`,
    logs_url: `${runUrl}/logs`,
    check_suite_url: `${api}/repos/${fullName}/check-suites/${10_000_000 + run.id}`,
    artifacts_url: `${runUrl}/artifacts`,
    cancel_url: `${runUrl}/cancel`,
    rerun_url: `${runUrl}/rerun`,
    previous_attempt_url: null,
    workflow_url: `${api}/repos/${fullName}/actions/workflows/${workflow.id}`,
    head_commit: {
      id: run.headSha,
      tree_id: run.headSha.split('').reverse().join(''),
      message: 'commit',
      timestamp: run.createdAt,
      author: { name: owner.login, email: `${owner.login}@users.noreply.github.com` },
      committer: { name: 'GitHub', email: 'noreply@github.com' },
    },
    repository,
    head_repository: repository,
  };
}

export interface FakeArtifact {
  id: number;
  name: string;
  repo: string;
  runId: number;
  /** The job that uploaded it (results-service id); seeded artifacts get one of their own. */
  jobBackendId: string;
  /** The blob's path on the fake, `/blob/actions-results/...`. */
  blobPath: string;
  size: number;
  /** `sha256:<hex>` of the uploaded bytes. */
  digest: string;
  createdAt: string;
  expiresAt: string;
  /** Whether it is listed and downloadable: set by FinalizeArtifact (seeded ones are born final). */
  finalized: boolean;
  expired: boolean;
}

export function artifactJson(api: string, repo: FakeRepo, run: FakeRun, artifact: FakeArtifact): Record<string, unknown> {
  const base = `${api}/repos/${repo.owner}/${repo.name}/actions/artifacts/${artifact.id}`;
  return {
    id: artifact.id,
    node_id: nodeId('Artifact', artifact.id),
    name: artifact.name,
    size_in_bytes: artifact.size,
    url: base,
    archive_download_url: `${base}/zip`,
    expired: artifact.expired,
    digest: artifact.digest,
    created_at: artifact.createdAt,
    updated_at: artifact.createdAt,
    expires_at: artifact.expiresAt,
    workflow_run: { id: run.id, repository_id: repo.id, head_repository_id: repo.id, head_branch: run.headBranch, head_sha: run.headSha },
  };
}

export interface FakeStatus {
  id: number;
  repo: string;
  sha: string;
  state: 'error' | 'failure' | 'pending' | 'success';
  description: string | null;
  targetUrl: string | null;
  context: string;
  createdAt: string;
  creator: FakeUser;
}

export function statusJson(api: string, status: FakeStatus): Record<string, unknown> {
  return {
    url: `${api}/repos/${status.repo}/statuses/${status.sha}`,
    avatar_url: 'https://avatars.githubusercontent.com/in/15368?v=4',
    id: status.id,
    node_id: nodeId('StatusContext', status.id),
    state: status.state,
    description: status.description,
    target_url: status.targetUrl,
    context: status.context,
    created_at: status.createdAt,
    updated_at: status.createdAt,
    creator: userJson(api, status.creator),
  };
}

export interface FakeAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
  raw_details?: string;
}

export interface FakeCheckRun {
  id: number;
  repo: string;
  name: string;
  headSha: string;
  status: 'queued' | 'in_progress' | 'completed';
  conclusion: string | null;
  detailsUrl: string | null;
  externalId: string | null;
  startedAt: string;
  completedAt: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  annotations: FakeAnnotation[];
}

export function checkRunJson(api: string, check: FakeCheckRun): Record<string, unknown> {
  const url = `${api}/repos/${check.repo}/check-runs/${check.id}`;
  return {
    id: check.id,
    head_sha: check.headSha,
    node_id: nodeId('CheckRun', check.id),
    external_id: check.externalId ?? '',
    url,
    html_url: `${SERVER_URL}/${check.repo}/runs/${check.id}`,
    details_url: check.detailsUrl ?? `${SERVER_URL}/${check.repo}/runs/${check.id}`,
    status: check.status,
    conclusion: check.conclusion,
    started_at: check.startedAt,
    completed_at: check.completedAt,
    output: { ...check.output, annotations_count: check.annotations.length, annotations_url: `${url}/annotations` },
    name: check.name,
    check_suite: { id: 20_000_000 + check.id },
    app: { id: 15368, slug: 'github-actions', name: 'GitHub Actions' },
    pull_requests: [],
  };
}

/** GitHub's error body: `{message, documentation_url, status}` (status as a string, as GitHub sends it). */
export function errorJson(status: number, message: string, docs = DOCS, errors?: unknown[]): Record<string, unknown> {
  return { message, ...(errors ? { errors } : {}), documentation_url: docs, status: String(status) };
}

/** 422 with GitHub's `errors` list, e.g. a status description over 140 characters. */
export function validationFailed(docs: string, resource: string, field: string, message: string, code = 'custom'): Record<string, unknown> {
  return errorJson(422, 'Validation Failed', docs, [{ resource, code, field, message }]);
}

export const DOC_URLS = {
  listComments: `${DOCS}/issues/comments#list-issue-comments`,
  createComment: `${DOCS}/issues/comments#create-an-issue-comment`,
  updateComment: `${DOCS}/issues/comments#update-an-issue-comment`,
  deleteComment: `${DOCS}/issues/comments#delete-an-issue-comment`,
  getPull: `${DOCS}/pulls/pulls#get-a-pull-request`,
  getUser: `${DOCS}/users/users#get-the-authenticated-user`,
  listWorkflowRuns: `${DOCS}/actions/workflow-runs#list-workflow-runs-for-a-workflow`,
  getRun: `${DOCS}/actions/workflow-runs#get-a-workflow-run`,
  listRunArtifacts: `${DOCS}/actions/artifacts#list-workflow-run-artifacts`,
  downloadArtifact: `${DOCS}/actions/artifacts#download-an-artifact`,
  createStatus: `${DOCS}/commits/statuses#create-a-commit-status`,
  createCheckRun: `${DOCS}/checks/runs#create-a-check-run`,
  updateCheckRun: `${DOCS}/checks/runs#update-a-check-run`,
  graphql: 'https://docs.github.com/graphql',
} as const;
