/**
 * The report a job leaves behind and how it reaches people: `report.json` (the comparison plus
 * who it is about: repository, PR number, head SHA, job; what mode `comment` checks before
 * posting), `report.md` (the full Markdown), the bundle, the job summary, the sticky PR comment
 * and the commit status. Refused GitHub writes (a fork PR's read-only token, a missing
 * permission) become notices: the summary always has the report.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as core from '@actions/core';
import { z } from 'zod';
import { encodeJson } from '../client/transport.ts';
import { writeBundle, type Bundle } from '../report/bundle/index.ts';
import { parseComparison, renderMarkdown, type Comparison } from '../report/compare/index.ts';
import { failOnSchema, type GateResult } from '../report/gates/index.ts';
import { BUNDLE_FILE } from './baseline.ts';
import { GitHubPermissionError, MAX_COMMENT_LENGTH, setGateStatus, stickyMarker, upsertStickyComment, type Octokit } from './github.ts';

export const REPORT_JSON = 'report.json';
export const REPORT_MD = 'report.md';
export const REPORT_SCHEMA = 'mlflow-ts-action-report';
export const REPORT_VERSION = 1;
/** The full report's cap: far above any comment, still a file a browser opens. */
const FULL_REPORT_CHARS = 5_000_000;
/** The job summary's cap (GitHub takes 1 MiB a step). */
const SUMMARY_CHARS = 900_000;

/** Who and what a report is about, next to the comparison. */
export const reportSchema = z.object({
  schema: z.literal(REPORT_SCHEMA),
  version: z.literal(REPORT_VERSION),
  repository: z.string().optional(),
  event: z.string(),
  pr_number: z.number().int().positive().optional(),
  head_sha: z.string().optional(),
  workflow: z.string().optional(),
  job: z.string(),
  /** The matrix values, as a label (`node=24,os=linux`). */
  matrix: z.string().optional(),
  run_id: z.number().int().optional(),
  run_url: z.string().optional(),
  passed: z.boolean(),
  fail_on: failOnSchema,
  baseline: z.object({ description: z.string(), reason: z.string().optional() }),
  /** What went wrong outside the gates (an entry point that failed, an evaluation that could not run). */
  problems: z.array(z.string()),
  comparison: z.unknown(),
});
export type ReportFile = Omit<z.output<typeof reportSchema>, 'comparison'> & { comparison: Comparison };

export class ReportFormatError extends Error {
  override name = 'ReportFormatError';
}

/** A report read back from JSON (another job's: untrusted, so checked whole). */
export function parseReport(value: unknown, source: string): ReportFile {
  const parsed = reportSchema.safeParse(value);
  if (!parsed.success) {
    throw new ReportFormatError(`${source}: not an mlflow-ts action report (version ${REPORT_VERSION}):\n${z.prettifyError(parsed.error)}`);
  }
  return { ...parsed.data, comparison: parseComparison(parsed.data.comparison, `${source} (comparison)`) };
}

export function reportTitle(report: Pick<ReportFile, 'job' | 'matrix'>): string {
  return `MLflow run comparison · ${report.job}${report.matrix ? ` (${report.matrix})` : ''}`;
}

/** Markdown for a place capped at `maxChars`, pointing to the full report when it had to be cut. */
export function renderReport(report: ReportFile, options: { maxChars: number; fullReportUrl?: string | undefined }): string {
  const hint = options.fullReportUrl
    ? `The full report (report.md, report.json and the run bundle) is in the [results artifact](${options.fullReportUrl}).`
    : 'The full report (report.md, report.json and the run bundle) is in the results directory and artifact.';
  return renderMarkdown(report.comparison, { maxChars: options.maxChars, title: reportTitle(report), fullReportHint: hint });
}

export interface WrittenResults {
  dir: string;
  files: string[];
}

/** Writes bundle.json, report.json and report.md into `dir`; `scrub` masks secrets in the text files. */
export async function writeResults(dir: string, bundle: Bundle, report: ReportFile, scrub: (text: string) => string): Promise<WrittenResults> {
  await mkdir(dir, { recursive: true });
  const files = [path.join(dir, BUNDLE_FILE), path.join(dir, REPORT_JSON), path.join(dir, REPORT_MD)];
  await writeBundle(files[0]!, bundle);
  await writeFile(files[1]!, `${scrub(encodeJson(report))}\n`);
  await writeFile(files[2]!, scrub(renderReport(report, { maxChars: FULL_REPORT_CHARS })));
  return { dir, files };
}

/** The job summary, when the runner provides one; otherwise (a local run, the demo) stdout. */
export async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    process.stdout.write(`${markdown}\n`);
    return;
  }
  await core.summary.addRaw(markdown, true).write();
}

export function summaryMarkdown(report: ReportFile, fullReportUrl: string | undefined): string {
  return renderReport(report, { maxChars: SUMMARY_CHARS, fullReportUrl });
}

/** The comment's Markdown: under GitHub's limit with room for the marker line. */
export function commentMarkdown(report: ReportFile, markerKey: string, fullReportUrl: string | undefined, reserve = 0): string {
  const room = MAX_COMMENT_LENGTH - stickyMarker(markerKey).length - 1 - reserve;
  return renderReport(report, { maxChars: Math.min(60_000, room), fullReportUrl });
}

/**
 * Runs a GitHub write; a refused permission becomes a notice (the report is in the summary), any
 * other failure a warning. Neither fails the step: the verdict was recorded before.
 */
export async function tryGitHub<T>(what: string, write: () => Promise<T>): Promise<T | undefined> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof GitHubPermissionError) core.notice(`${what}: skipped. ${error.message} The report is in the job summary.`);
    else core.warning(`${what} failed: ${error instanceof Error ? error.message : String(error)}. The report is in the job summary.`);
    return undefined;
  }
}

export interface PostCommentOptions {
  octokit: Octokit;
  owner: string;
  repo: string;
  prNumber: number;
  markerKey: string;
  body: string;
  mode: 'update' | 'new';
}

export async function postComment(options: PostCommentOptions): Promise<void> {
  const result = await tryGitHub('The pull request comment', () =>
    upsertStickyComment({ octokit: options.octokit, owner: options.owner, repo: options.repo, issueNumber: options.prNumber, marker: options.markerKey, body: options.body, mode: options.mode }),
  );
  if (result) core.info(`Comment ${result.action}: ${result.url}`);
}

/** "2 of 5 gates failed: a >= 1, b < 2" or "5 gates passed". */
export function statusDescription(results: readonly GateResult[], failed: readonly GateResult[]): string {
  if (failed.length === 0) return `${results.length} gate${results.length === 1 ? '' : 's'} passed`;
  return `${failed.length} of ${results.length} gates failed: ${failed.map((f) => f.source).join(', ')}`;
}

export async function postStatus(options: { octokit: Octokit; owner: string; repo: string; sha: string; markerKey: string; passed: boolean; description: string; targetUrl?: string }): Promise<void> {
  await tryGitHub('The commit status', () =>
    setGateStatus({
      octokit: options.octokit,
      owner: options.owner,
      repo: options.repo,
      sha: options.sha,
      state: options.passed ? 'success' : 'failure',
      description: options.description,
      context: `mlflow-ts gates (${options.markerKey})`,
      ...(options.targetUrl ? { targetUrl: options.targetUrl } : {}),
    }),
  );
}
