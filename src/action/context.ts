/**
 * Where the action runs, read once from the runner's environment and the event payload file:
 * the repository, the event, the pull request (number, head SHA, base branch), the workflow file
 * and job, and the names derived from them (the sticky comment's marker key, the artifact name).
 * Outside GitHub Actions (the demo, a local run) every field is optional and nothing fails.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { stickyMarkerKey, workflowFileFromRef } from './github.ts';

const PullRequestShape = z.object({
  number: z.number(),
  head: z.object({ sha: z.string(), ref: z.string().optional(), repo: z.object({ full_name: z.string() }).nullish() }),
  base: z.object({ ref: z.string(), sha: z.string().optional(), repo: z.object({ full_name: z.string() }).nullish() }),
});

const WorkflowRunShape = z.object({
  id: z.number(),
  head_sha: z.string(),
  head_branch: z.string().nullish(),
  event: z.string(),
  path: z.string().nullish(),
  name: z.string().nullish(),
  run_number: z.number().optional(),
  html_url: z.string().optional(),
  pull_requests: z.array(z.object({ number: z.number(), head: z.object({ sha: z.string() }).partial().optional() })).nullish(),
});
export type WorkflowRunPayload = z.output<typeof WorkflowRunShape>;

const PayloadShape = z.looseObject({
  pull_request: PullRequestShape.optional(),
  workflow_run: WorkflowRunShape.optional(),
});

export interface RunContext {
  /** GITHUB_ACTIONS=true: a real runner (or a test that plays one). */
  onGitHub: boolean;
  eventName: string;
  owner: string | undefined;
  repo: string | undefined;
  /** `owner/name`. */
  repository: string | undefined;
  /** The commit judged: a pull request's head (not GitHub's merge commit), else GITHUB_SHA. */
  headSha: string | undefined;
  ref: string | undefined;
  /** The branch a push or schedule ran on; a pull request's head branch. */
  branch: string | undefined;
  pullRequest: { number: number; baseRef: string; headRepo: string | undefined; fork: boolean } | undefined;
  workflowRun: WorkflowRunPayload | undefined;
  /** The workflow file (`ci.yml`), or its name when the ref is not known. */
  workflowFile: string | undefined;
  job: string;
  runId: number | undefined;
  runAttempt: string | undefined;
  serverUrl: string;
  /** The run's page, e.g. https://github.com/o/r/actions/runs/123. */
  runUrl: string | undefined;
  /** The parsed `matrix` input (undefined outside a matrix). */
  matrix: unknown;
  /** RUNNER_TEMP, else the OS temp directory. */
  tempDir: string;
}

/** The event payload (GITHUB_EVENT_PATH), or {} when there is none or it cannot be read. */
function readPayload(env: NodeJS.ProcessEnv): z.output<typeof PayloadShape> {
  const file = env.GITHUB_EVENT_PATH;
  if (!file) return {};
  try {
    const parsed = PayloadShape.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export function readRunContext(env: NodeJS.ProcessEnv, matrix: unknown, tempDir: string): RunContext {
  const payload = readPayload(env);
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const repository = owner && repo ? `${owner}/${repo}` : undefined;
  const pr = payload.pull_request;
  const headRepo = pr?.head.repo?.full_name;
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const runId = env.GITHUB_RUN_ID && /^\d+$/.test(env.GITHUB_RUN_ID) ? Number(env.GITHUB_RUN_ID) : undefined;
  const ref = env.GITHUB_REF || undefined;
  const branch = pr?.head.ref ?? env.GITHUB_HEAD_REF ?? (ref?.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : env.GITHUB_REF_NAME) ?? undefined;
  return {
    onGitHub: env.GITHUB_ACTIONS === 'true',
    eventName: env.GITHUB_EVENT_NAME ?? 'local',
    owner: repository ? owner : undefined,
    repo: repository ? repo : undefined,
    repository,
    headSha: pr?.head.sha ?? (env.GITHUB_SHA || undefined),
    ref,
    branch: branch || undefined,
    pullRequest: pr
      ? { number: pr.number, baseRef: pr.base.ref, headRepo, fork: headRepo !== undefined && repository !== undefined && headRepo.toLowerCase() !== repository.toLowerCase() }
      : undefined,
    workflowRun: payload.workflow_run,
    workflowFile: workflowFileFromRef(env.GITHUB_WORKFLOW_REF) ?? (env.GITHUB_WORKFLOW || undefined),
    job: env.GITHUB_JOB || 'job',
    runId,
    runAttempt: env.GITHUB_RUN_ATTEMPT,
    serverUrl,
    runUrl: repository && runId !== undefined ? `${serverUrl}/${repository}/actions/runs/${runId}` : undefined,
    matrix,
    tempDir,
  };
}

/** The sticky comment's key (see github.ts): one comment per workflow, job and matrix combination. */
export function markerKeyOf(ctx: RunContext): string {
  return stickyMarkerKey({ workflow: ctx.workflowFile ?? 'workflow', job: ctx.job, matrix: ctx.matrix });
}

/** `a=1,b=x` for a matrix object, the text for anything else; '' outside a matrix. */
export function matrixLabel(matrix: unknown): string {
  if (matrix === undefined || matrix === null) return '';
  return stickyMarkerKey({ workflow: '', job: '', matrix });
}

/** Characters GitHub refuses in artifact names. */
const ARTIFACT_UNSAFE = /["\\/:<>|*?\r\n]+/g;

/**
 * `<name>-<job>[-<matrix values>]`: artifact names are unique within a workflow run, and the
 * baseline lookup finds the same job's artifact on the base branch under the same name.
 */
export function artifactNameOf(base: string, ctx: RunContext): string {
  const matrix = matrixLabel(ctx.matrix);
  const name = [base, ctx.job, matrix].filter((p) => p !== '').join('-').replace(ARTIFACT_UNSAFE, '_');
  return name.length <= 200 ? name : name.slice(0, 200);
}
