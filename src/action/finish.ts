/**
 * From logged runs to a published verdict, for mode `run` (in the main step) and mode `start` (in
 * the post step): export the job's runs to a bundle, judge the gates, record the verdict as run
 * tags (on the server and in the bundle) before anything is posted, compare with the baseline,
 * write the results directory, then the job summary, the artifact, the PR comment and the commit
 * status, and the step's outputs.
 */
import { mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import * as core from '@actions/core';
import type { MlflowClient } from '../client/index.ts';
import { exportBundle, type Bundle, type BundleSource } from '../report/bundle/index.ts';
import { compareBundles, type Comparison } from '../report/compare/index.ts';
import { formatGateTable, type GateResult } from '../report/gates/index.ts';
import type { BaselineResult } from './baseline.ts';
import { artifactNameOf, markerKeyOf, matrixLabel, type RunContext } from './context.ts';
import type { Octokit } from './github.ts';
import type { ActionInputs } from './inputs.ts';
import { commentMarkdown, postComment, postStatus, REPORT_SCHEMA, REPORT_VERSION, statusDescription, summaryMarkdown, tryGitHub, writeResults, writeSummary, type ReportFile } from './report.ts';
import type { Secrets } from './secrets.ts';
import { decide, judgeThresholds, recordedEvalGates, recordVerdict } from './verdict.ts';

const PARENT_RUN_TAG = 'mlflow.parentRunId';

export interface FinishOptions {
  inputs: ActionInputs;
  ctx: RunContext;
  secrets: Secrets;
  client: MlflowClient;
  /** The tracking server is ours: everything on it is this job's. */
  ephemeral: boolean;
  /** Runs this job started (mode `run`), to pick them out of a remote server's experiments. */
  knownRuns?: { runIds: ReadonlySet<string>; experimentIds: ReadonlySet<string> };
  /** Gate results evaluate() returned, by target run id. */
  evalGates?: ReadonlyMap<string, readonly GateResult[]>;
  /** Failures outside the gates so far; they fail the step after the report is out. */
  problems: string[];
  baseline: Promise<BaselineResult>;
  /** When the job's runs started at the earliest (ms), to pick them out of a remote server. */
  since: number;
  octokit: Octokit | undefined;
  /** Called once the tracking server is no longer needed (the verdict is recorded). */
  releaseServers?: () => Promise<void>;
  /** Called when the last write to GitHub is done (for the benchmark's timing). */
  onPosted?: () => void;
}

export interface FinishResult {
  passed: boolean;
  failedGates: GateResult[];
  resultsDir: string;
  runIds: string[];
}

/** Experiments the job logged to: every one on an ephemeral server but the gateway's trace experiments. */
async function experimentsToExport(options: FinishOptions): Promise<string[]> {
  const { client, inputs } = options;
  const ids = new Set<string>();
  if (options.ephemeral) {
    for await (const e of client.searchExperiments({})) if (!e.name.startsWith('gateway/')) ids.add(e.experiment_id);
    return [...ids];
  }
  if (inputs.experimentName !== undefined) {
    try {
      ids.add((await client.getExperimentByName(inputs.experimentName)).experiment_id);
    } catch {
      // Nothing logged to it (yet): the known runs' experiments still count.
    }
  }
  for (const id of options.knownRuns?.experimentIds ?? []) ids.add(id);
  return [...ids];
}

async function exportCurrent(options: FinishOptions): Promise<Bundle> {
  const { ctx } = options;
  const source: Omit<BundleSource, 'tracking_uri'> = {
    ...(ctx.headSha && ctx.ref ? { git: { sha: ctx.headSha, ref: ctx.ref, ...(ctx.pullRequest ? { pr_number: ctx.pullRequest.number } : {}) } } : {}),
    ...(ctx.runId !== undefined ? { workflow: { run_id: String(ctx.runId), job: ctx.job } } : {}),
  };
  const experimentIds = await experimentsToExport(options);
  const bundle = await exportBundle(options.client, {
    experimentIds,
    source,
    secrets: options.secrets.values,
    // A long-lived server holds earlier jobs' runs too.
    ...(options.ephemeral ? {} : { runFilter: `attributes.start_time >= ${options.since}` }),
  });
  const known = options.knownRuns?.runIds;
  if (options.ephemeral || known === undefined) return bundle;
  return { ...bundle, runs: bundle.runs.filter((r) => known.has(r.run_id) || known.has(r.tags[PARENT_RUN_TAG] ?? '')) };
}

export async function finish(options: FinishOptions): Promise<FinishResult> {
  const { inputs, ctx, client, secrets } = options;
  const current = await core.group('Export the runs', async () => {
    const bundle = await exportCurrent(options);
    core.info(`${bundle.runs.length} run(s) from ${bundle.experiments.map((e) => e.name).join(', ') || 'no experiment'}`);
    return bundle;
  });
  const baseline = await options.baseline;
  if (baseline.bundle) core.info(`Baseline: ${baseline.description} (${baseline.bundle.runs.length} runs)`);
  else core.notice(`No baseline to compare with: ${baseline.reason ?? 'none found'}.`);

  // The verdict, decided and recorded with the runs before anything is posted.
  const evalGates = recordedEvalGates(current, options.evalGates);
  const judged = [...evalGates.judged, ...judgeThresholds(inputs.thresholds, current, baseline.bundle)];
  const verdict = decide(judged, inputs.failOn);
  await recordVerdict(client, current, judged, verdict, inputs.failOn);
  const released = options.releaseServers?.();

  const runUrl = ctx.runUrl;
  const comparison: Comparison = compareBundles(baseline.bundle, current, {
    directions: inputs.directions,
    ...(verdict.results.length > 0 ? { gates: verdict.results } : {}),
    failOn: inputs.failOn,
    links: { ...(runUrl ? { jobUrl: runUrl, reportArtifactUrl: `${runUrl}#artifacts` } : {}) },
    ...(baseline.reason ? { baselineMissingReason: baseline.reason } : {}),
  });
  for (const message of [...options.problems, ...evalGates.warnings]) comparison.warnings.push({ kind: 'bundle', message });

  const matrix = matrixLabel(ctx.matrix);
  const report: ReportFile = {
    schema: REPORT_SCHEMA,
    version: REPORT_VERSION,
    ...(ctx.repository ? { repository: ctx.repository } : {}),
    event: ctx.eventName,
    ...(ctx.pullRequest ? { pr_number: ctx.pullRequest.number } : {}),
    ...(ctx.headSha ? { head_sha: ctx.headSha } : {}),
    ...(ctx.workflowFile ? { workflow: ctx.workflowFile } : {}),
    job: ctx.job,
    ...(matrix ? { matrix } : {}),
    ...(ctx.runId !== undefined ? { run_id: ctx.runId } : {}),
    ...(runUrl ? { run_url: runUrl } : {}),
    passed: verdict.passed,
    fail_on: inputs.failOn,
    baseline: { description: baseline.description, ...(baseline.reason ? { reason: baseline.reason } : {}) },
    problems: options.problems,
    comparison,
  };
  const resultsDir = await mkdtemp(path.join(ctx.tempDir, 'mlflow-ts-results-'));
  const written = await writeResults(resultsDir, current, report, secrets.scrub);
  core.info(`Results: ${resultsDir} (${written.files.map((f) => path.basename(f)).join(', ')})`);

  let artifactUrl: string | undefined;
  if (inputs.uploadResults && !process.env.ACTIONS_RUNTIME_TOKEN) {
    core.info(`Results not uploaded: artifacts need the Actions runtime, which only a runner gives. They are in ${resultsDir}.`);
  } else if (inputs.uploadResults) {
    const name = artifactNameOf(inputs.artifactName, ctx);
    const { uploadBundle } = await import('./artifacts.ts');
    const uploaded = await tryGitHub(`Uploading the results artifact "${name}"`, () => uploadBundle(name, written.files, written.dir));
    if (uploaded && ctx.repository && ctx.runId !== undefined) artifactUrl = `${ctx.serverUrl}/${ctx.repository}/actions/runs/${ctx.runId}/artifacts/${uploaded.id}`;
  }
  await writeSummary(secrets.scrub(summaryMarkdown(report, artifactUrl)));

  const markerKey = markerKeyOf(ctx);
  const { octokit } = options;
  if (octokit && ctx.owner && ctx.repo) {
    if (ctx.pullRequest && inputs.comment !== 'off') {
      await postComment({ octokit, owner: ctx.owner, repo: ctx.repo, prNumber: ctx.pullRequest.number, markerKey, body: secrets.scrub(commentMarkdown(report, markerKey, artifactUrl)), mode: inputs.comment });
    }
    if (verdict.results.length > 0 && ctx.headSha) {
      await postStatus({
        octokit,
        owner: ctx.owner,
        repo: ctx.repo,
        sha: ctx.headSha,
        markerKey,
        passed: verdict.passed,
        description: secrets.scrub(statusDescription(verdict.results, verdict.failed)),
        ...(runUrl ? { targetUrl: runUrl } : {}),
      });
    }
  }
  options.onPosted?.();
  await released;

  const runIds = current.runs.map((r) => r.run_id);
  core.setOutput('run-ids', JSON.stringify(runIds));
  core.setOutput('report-path', resultsDir);
  core.setOutput('passed', String(verdict.passed));
  return { passed: verdict.passed, failedGates: verdict.failed, resultsDir, runIds };
}

/** The step's failure message: the gates that block under fail-on, as a table, and the other problems. */
export function failureMessage(result: FinishResult, problems: readonly string[], failOn: string): string | undefined {
  const parts: string[] = [];
  if (!result.passed) parts.push(`Gates failed (fail-on: ${failOn}):\n${formatGateTable(result.failedGates)}`);
  if (problems.length > 0) parts.push(problems.join('\n'));
  return parts.length > 0 ? parts.join('\n') : undefined;
}
