/**
 * Run bundles as workflow artifacts: uploaded so the ephemeral server's data outlives the job, and
 * found again as the baseline (the newest successful run of the same workflow on the base branch
 * that kept one). A missing baseline is an answer with a reason, not an error: the first run on a
 * branch, expired artifacts or a token without `actions: read` must not fail the job.
 *
 * Uploads go through `@actions/artifact` (the Actions results service, ACTIONS_RESULTS_URL and
 * ACTIONS_RUNTIME_TOKEN, which the runner gives to JavaScript actions only); downloads from another
 * run use its `findBy` path (the REST artifact route and a redirect to blob storage), which reads
 * GITHUB_API_URL when `@actions/github` is first imported, as on a runner, where it is set from the start.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { DefaultArtifactClient } from '@actions/artifact';
import { z } from 'zod';
import { GITHUB_OPERATIONS, GitHubApiError, GitHubPermissionError, githubCall, httpStatusOf, type GitHubOperation, type Octokit } from './github.ts';

export interface UploadedBundle {
  id: number;
  name: string;
  /** Bytes uploaded (the ZIP). */
  size: number;
  /** `sha256:<hex>` of the uploaded ZIP. */
  digest: string | undefined;
}

/** The upload failed; the message says why and what to do. */
export class ArtifactUploadError extends Error {
  readonly artifactName: string;
  constructor(artifactName: string, cause: unknown) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    const hint = /ACTIONS_RUNTIME_TOKEN|ACTIONS_RESULTS_URL/.test(detail)
      ? ' Artifacts need the Actions runtime (ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL), which the runner gives to an action step, not to `run:` steps or a local shell: set `upload-results: false` outside GitHub Actions.'
      : /\(409\)|already exists/i.test(detail)
        ? ' Artifact names are unique within a workflow run: give each matrix job its own name.'
        : '';
    super(`Uploading artifact "${artifactName}" failed: ${detail}.${hint}`, { cause });
    this.name = 'ArtifactUploadError';
    this.artifactName = artifactName;
  }
}

/** Uploads `files` (paths under `rootDir`, kept relative to it in the ZIP) as the artifact `name`. */
export async function uploadBundle(name: string, files: string[], rootDir: string, options: { retentionDays?: number } = {}): Promise<UploadedBundle> {
  const client = new DefaultArtifactClient();
  try {
    const result = await client.uploadArtifact(name, files, rootDir, options.retentionDays === undefined ? {} : { retentionDays: options.retentionDays });
    if (result.id === undefined) throw new Error('the results service returned no artifact id');
    return { id: result.id, name, size: result.size ?? 0, digest: result.digest === undefined ? undefined : `sha256:${result.digest}` };
  } catch (error) {
    throw new ArtifactUploadError(name, error);
  }
}

export interface BaselineArtifact {
  artifactId: number;
  artifactName: string;
  /** `sha256:<hex>`, checked after download. */
  digest: string | undefined;
  size: number;
  runId: number;
  runNumber: number;
  /** The run's page, for the report's "compared with" link. */
  runUrl: string;
  headSha: string;
  headBranch: string;
  createdAt: string;
}

/** Found, or not found and why (said in the report, never fatal). */
export type BaselineLookup = { baseline: BaselineArtifact; reason?: undefined } | { baseline: undefined; reason: string; cause?: Error };

export interface FindBaselineOptions {
  octokit: Octokit;
  owner: string;
  repo: string;
  /** The workflow, by id or by file (`ci.yml`, or its `.github/workflows/` path); one of the two. */
  workflowId?: number;
  workflowFileName?: string;
  /** The base branch, e.g. `main`. */
  branch: string;
  artifactName: string;
  /** Only runs of this event (e.g. `push`); default any. */
  event?: string;
  /** The current run, never its own baseline. */
  excludeRunId?: number;
  /** How many successful runs to look through, newest first (default 20). */
  maxRuns?: number;
}

const RunShape = z.object({
  id: z.number(),
  run_number: z.number(),
  html_url: z.string(),
  head_sha: z.string(),
  head_branch: z.string().nullable(),
  conclusion: z.string().nullable(),
});
const ArtifactShape = z.object({
  id: z.number(),
  name: z.string(),
  size_in_bytes: z.number(),
  expired: z.boolean(),
  digest: z.string().nullish(),
  created_at: z.string().nullish(),
});
const ArtifactListShape = z.object({ artifacts: z.array(ArtifactShape) });

/**
 * The newest successful run of the workflow on `branch` that has a live artifact `artifactName`:
 * runs are walked newest first (GitHub's order) and the first one holding the artifact wins, so a
 * run that uploaded nothing (a docs-only change, a skipped job) does not hide an older baseline.
 */
export async function findBaselineArtifact(options: FindBaselineOptions): Promise<BaselineLookup> {
  const { octokit, owner, repo, branch, artifactName } = options;
  const workflow = options.workflowId ?? (options.workflowFileName === undefined ? undefined : path.posix.basename(options.workflowFileName));
  if (workflow === undefined) throw new TypeError('findBaselineArtifact needs workflowId or workflowFileName.');
  const maxRuns = options.maxRuns ?? 20;
  const where = `workflow ${workflow} on branch ${branch} of ${owner}/${repo}`;
  let looked = 0;
  let expired = 0;
  try {
    const pages = octokit.paginate.iterator(octokit.rest.actions.listWorkflowRuns, {
      owner,
      repo,
      workflow_id: workflow,
      branch,
      status: 'success',
      ...(options.event ? { event: options.event } : {}),
      exclude_pull_requests: true,
      per_page: Math.min(100, maxRuns + 1),
    });
    for await (const page of githubPages(GITHUB_OPERATIONS.listRuns, pages)) {
      for (const raw of page) {
        const run = RunShape.parse(raw);
        if (run.id === options.excludeRunId || run.conclusion !== 'success') continue;
        if (looked === maxRuns) return missing(describeMiss(looked, expired, where, artifactName));
        looked++;
        const artifacts = await runArtifacts(octokit, owner, repo, run.id, artifactName);
        const named = artifacts.filter((a) => a.name === artifactName);
        const live = named.filter((a) => !a.expired).sort((a, b) => b.id - a.id)[0];
        expired += named.length > 0 && !live ? 1 : 0;
        if (live) {
          return {
            baseline: {
              artifactId: live.id,
              artifactName: live.name,
              digest: live.digest ?? undefined,
              size: live.size_in_bytes,
              runId: run.id,
              runNumber: run.run_number,
              runUrl: run.html_url,
              headSha: run.head_sha,
              headBranch: run.head_branch ?? branch,
              createdAt: live.created_at ?? '',
            },
          };
        }
      }
    }
  } catch (error) {
    if (error instanceof GitHubPermissionError) return missing(`Could not look for a baseline: ${error.message}`, error);
    if (error instanceof GitHubApiError && error.status === 404) {
      return missing(`No baseline: ${where} was not found (is the workflow file name right, and does the token see the repository?).`, error);
    }
    throw error;
  }
  return missing(describeMiss(looked, expired, where, artifactName));
}

/** The run's artifacts named `name`; none when the run is gone (deleted since it was listed). */
async function runArtifacts(octokit: Octokit, owner: string, repo: string, runId: number, name: string): Promise<z.infer<typeof ArtifactShape>[]> {
  try {
    const { data } = await githubCall(GITHUB_OPERATIONS.listRunArtifacts, () =>
      octokit.rest.actions.listWorkflowRunArtifacts({ owner, repo, run_id: runId, name, per_page: 100 }),
    );
    return ArtifactListShape.parse(data).artifacts;
  } catch (error) {
    if (error instanceof GitHubApiError && error.status === 404) return [];
    throw error;
  }
}

function describeMiss(looked: number, expired: number, where: string, artifactName: string): string {
  if (looked === 0) return `No baseline: there is no successful run of ${where} yet; the first one after this change will provide it.`;
  const expiredNote = expired > 0 ? ` (${expired} had it, expired after the retention period)` : '';
  return `No baseline: none of the last ${looked} successful runs of ${where} kept a live artifact "${artifactName}"${expiredNote}. Does that workflow upload results on push to the branch?`;
}

function missing(reason: string, cause?: Error): BaselineLookup & { baseline: undefined } {
  return cause === undefined ? { baseline: undefined, reason } : { baseline: undefined, reason, cause };
}

/** Octokit's page iterator, yielding each page's items, with its errors classified for `operation`. */
async function* githubPages<T>(operation: GitHubOperation, pages: AsyncIterable<{ data: T[] }>): AsyncGenerator<T[]> {
  const iterator = pages[Symbol.asyncIterator]();
  for (;;) {
    const next = await githubCall(operation, () => iterator.next());
    if (next.done === true) return;
    yield next.value.data;
  }
}

export type BaselineDownload =
  | { directory: string; files: string[]; baseline: BaselineArtifact; reason?: undefined }
  | { directory: undefined; baseline: BaselineArtifact | undefined; reason: string; cause?: Error };

export interface DownloadBaselineOptions {
  baseline: BaselineArtifact;
  /** The github-token input: `@actions/artifact` makes its own client from it. Needs `actions: read`. */
  token: string;
  owner: string;
  repo: string;
  /** Where the artifact's files go (created if missing). */
  destination: string;
}

/** Downloads and unpacks the baseline artifact, checking its digest. Failures are reasons, not errors. */
export async function downloadBaselineArtifact(options: DownloadBaselineOptions): Promise<BaselineDownload> {
  const { baseline, token, owner, repo, destination } = options;
  const client = new DefaultArtifactClient();
  try {
    const result = await client.downloadArtifact(baseline.artifactId, {
      path: destination,
      ...(baseline.digest ? { expectedHash: baseline.digest } : {}),
      findBy: { token, workflowRunId: baseline.runId, repositoryOwner: owner, repositoryName: repo },
    });
    if (result.digestMismatch === true) {
      return {
        directory: undefined,
        baseline,
        reason: `The baseline artifact "${baseline.artifactName}" from run ${baseline.runNumber} did not match its digest ${baseline.digest ?? ''}: it was not used.`,
      };
    }
    const directory = result.downloadPath ?? destination;
    const files = (await readdir(directory, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(directory, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
      .sort();
    return { directory, files, baseline };
  } catch (error) {
    const cause = error instanceof Error ? error : new Error(String(error));
    const status = httpStatusOf(error);
    const advice = status === 403 || status === 404 ? ' The token needs `actions: read`.' : status === 410 ? ' It expired after the retention period.' : '';
    return {
      directory: undefined,
      baseline,
      reason: `Could not download the baseline artifact "${baseline.artifactName}" from run ${baseline.runNumber}: ${cause.message}.${advice}`,
      cause,
    };
  }
}

export type FindAndDownloadOptions = FindBaselineOptions & Omit<DownloadBaselineOptions, 'baseline' | 'owner' | 'repo'>;

/** findBaselineArtifact, then downloadBaselineArtifact when one was found. */
export async function findAndDownloadBaseline(options: FindAndDownloadOptions): Promise<BaselineDownload> {
  const found = await findBaselineArtifact(options);
  if (found.baseline === undefined) return { directory: undefined, baseline: undefined, reason: found.reason, ...(found.cause ? { cause: found.cause } : {}) };
  return downloadBaselineArtifact({ baseline: found.baseline, token: options.token, owner: options.owner, repo: options.repo, destination: options.destination });
}
