/**
 * The bundle this change is compared with. `auto`: the results artifact of the latest successful
 * run of the same workflow and job on the base branch (a pull request) or on the same branch (a
 * push and other events); a bundle file or https URL; or `tracking:<experiment>`, exported from
 * the remote tracking server. Every way of not finding one is a reason for the report, never an
 * error: the first run on a repository has nothing to compare with.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fetch } from 'undici';
import type { MlflowClient } from '../client/index.ts';
import { exportBundle, parseBundle, readBundle, stripUrlCredentials, type Bundle, type BundleRun } from '../report/bundle/index.ts';
import { ENTRY_POINT_TAG } from '../report/compare/index.ts';
import { EvalTag } from '../evaluate/tags.ts';
import { findAndDownloadBaseline } from './artifacts.ts';
import type { RunContext } from './context.ts';
import type { Octokit } from './github.ts';
import type { BaselineSpec } from './inputs.ts';

/** The bundle file inside a results directory (and artifact). */
export const BUNDLE_FILE = 'bundle.json';
/** Largest bundle accepted from a URL. */
const MAX_URL_BYTES = 256 * 1024 * 1024;

export interface BaselineResult {
  bundle: Bundle | undefined;
  /** Where it came from, for the log and the report. */
  description: string;
  /** Why there is none. */
  reason?: string;
}

export interface ResolveBaselineOptions {
  spec: BaselineSpec;
  ctx: RunContext;
  /** The results artifact's name for this job (see artifactNameOf). */
  artifactName: string;
  octokit: Octokit | undefined;
  token: string | undefined;
  /** Where an artifact is downloaded to. */
  downloadDir: string;
  /** The remote tracking server, for `tracking:<experiment>`. */
  remote: MlflowClient | undefined;
  /** Runs started from this time on (ms) are this job's own, never its baseline. */
  before?: number;
  secrets: readonly string[];
}

/** A reason as the report's sentence takes it: "No baseline to compare with (<reason>)". */
function reasonText(reason: string): string {
  return reason.replace(/^No baseline:\s*/i, '').replace(/\.\s*$/, '');
}

export async function resolveBaseline(options: ResolveBaselineOptions): Promise<BaselineResult> {
  const result = await lookUp(options);
  return result.reason === undefined ? result : { ...result, reason: reasonText(result.reason) };
}

async function lookUp(options: ResolveBaselineOptions): Promise<BaselineResult> {
  const { spec } = options;
  const none = (description: string, reason: string): BaselineResult => ({ bundle: undefined, description, reason });
  try {
    switch (spec.kind) {
      case 'none':
        return none('none', 'the `baseline` input is `none`');
      case 'path': {
        const file = existsSync(spec.path) && statSync(spec.path).isDirectory() ? path.join(spec.path, BUNDLE_FILE) : spec.path;
        return { bundle: await readBundle(file), description: file };
      }
      case 'url':
        return { bundle: await downloadBundle(spec.url), description: stripUrlCredentials(spec.url) };
      case 'tracking': {
        if (!options.remote) return none(`tracking:${spec.experiment}`, '`tracking:` needs the tracking-uri input');
        const bundle = await exportBundle(options.remote, {
          experimentNames: [spec.experiment],
          secrets: options.secrets,
          ...(options.before !== undefined ? { runFilter: `attributes.start_time < ${options.before}` } : {}),
        });
        return { bundle: newestPerRun(bundle), description: `experiment "${spec.experiment}" on ${options.remote.trackingUri}` };
      }
      case 'auto':
        return await autoBaseline(options);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return none(spec.kind, `the baseline could not be read: ${stripUrlCredentials(message)}`);
  }
}

async function autoBaseline(options: ResolveBaselineOptions): Promise<BaselineResult> {
  const { ctx } = options;
  const branch = ctx.pullRequest?.baseRef ?? ctx.branch;
  const where = `the "${options.artifactName}" artifact of ${ctx.workflowFile ?? 'this workflow'} on ${branch ?? 'the base branch'}`;
  if (!ctx.onGitHub || !ctx.owner || !ctx.repo || !ctx.workflowFile) return { bundle: undefined, description: where, reason: 'not running in GitHub Actions, so there is no earlier run to compare with' };
  if (!options.octokit || !options.token) return { bundle: undefined, description: where, reason: 'the `github-token` input is empty, so earlier runs cannot be listed' };
  if (!branch) return { bundle: undefined, description: where, reason: 'the branch to compare with is not known for this event' };
  const found = await findAndDownloadBaseline({
    octokit: options.octokit,
    owner: ctx.owner,
    repo: ctx.repo,
    workflowFileName: ctx.workflowFile,
    branch,
    artifactName: options.artifactName,
    ...(ctx.runId !== undefined ? { excludeRunId: ctx.runId } : {}),
    token: options.token,
    destination: options.downloadDir,
  });
  if (found.directory === undefined) return { bundle: undefined, description: where, reason: found.reason };
  const run = found.baseline;
  return {
    bundle: await readBundle(path.join(found.directory, BUNDLE_FILE)),
    description: `run #${run.runNumber} of ${ctx.workflowFile} on ${run.headBranch} (${run.headSha.slice(0, 7)}, ${run.runUrl})`,
  };
}

async function downloadBundle(url: string): Promise<Bundle> {
  const shown = stripUrlCredentials(url);
  const response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(180_000) });
  if (response.status !== 200) {
    await response.body?.cancel();
    throw new Error(`GET ${shown} answered ${response.status}`);
  }
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > MAX_URL_BYTES) {
    await response.body?.cancel();
    throw new Error(`${shown} is ${length} bytes; bundles over ${MAX_URL_BYTES} bytes are not read`);
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${shown} is not JSON (${(error as Error).message})`, { cause: error });
  }
  return parseBundle(json, shown);
}

function identityKey(run: BundleRun): string {
  return JSON.stringify([run.tags[ENTRY_POINT_TAG] ?? null, run.tags[EvalTag.TARGET] ?? null, run.tags[ENTRY_POINT_TAG] || run.tags[EvalTag.TARGET] ? null : run.run_name]);
}

/**
 * An experiment on a long-lived server holds every past run; the baseline is the newest run of
 * each entry point, evaluation target or run name.
 */
export function newestPerRun(bundle: Bundle): Bundle {
  const newest = new Map<string, BundleRun>();
  for (const run of bundle.runs) {
    const key = identityKey(run);
    const kept = newest.get(key);
    if (!kept || run.start_time > kept.start_time) newest.set(key, run);
  }
  const keep = new Set(newest.values());
  return { ...bundle, runs: bundle.runs.filter((r) => keep.has(r)) };
}
