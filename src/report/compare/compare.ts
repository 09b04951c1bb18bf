/**
 * Two run bundles compared: runs matched (see match.ts), and for each matched run every metric,
 * changed params, evaluation rows that flipped, metric histories for charts and trace figures.
 * Without a baseline bundle the current runs are all reported as new, with a warning: a first run
 * on a repository has nothing to compare with, and that must not fail a job.
 */
import type { Bundle, BundleRun } from '../bundle/index.ts';
import { summarize, type FailOn, type GateResult } from '../gates/index.ts';
import { safeUrl } from './escape.ts';
import { compareEval } from './eval.ts';
import { matchRuns, type RunMatch } from './match.ts';
import { bySalience, chartOf, compareMetrics } from './metrics.ts';
import { COMPARISON_SCHEMA, COMPARISON_VERSION, type Chart, type Comparison, type ComparisonWarning, type Direction, type ParamChange, type RunComparison, type RunRef } from './schema.ts';
import { compareTraces } from './traces.ts';

/** Charts per run: the most changed metrics with a history; the rest are counted, not drawn. */
export const MAX_CHARTS_PER_RUN = 6;

export interface CompareLinks {
  /** The CI job that produced the current bundle. */
  jobUrl?: string;
  /** Where the full report (the JSON and untruncated Markdown) can be downloaded. */
  reportArtifactUrl?: string;
  /** A run's page, when the caller can link one; `side` tells which bundle the run is from. */
  runUrl?: (runId: string, side: 'baseline' | 'current') => string | undefined;
}

export interface CompareOptions {
  /** Metric name → which way is better; names not listed get a default from their name (see direction.ts). */
  directions?: Readonly<Record<string, Direction>>;
  /** Gate results to report with the comparison (the gate module's evaluateGates). */
  gates?: readonly GateResult[];
  /** Which failed gates make the verdict fail (the Action's `fail-on`); default `threshold`: any. */
  failOn?: FailOn;
  links?: CompareLinks;
  /** Why there is no baseline (e.g. "no successful run on main yet"), shown with the warning. */
  baselineMissingReason?: string;
}

function runRef(run: BundleRun | undefined, side: 'baseline' | 'current', links: CompareLinks | undefined): RunRef | undefined {
  if (!run) return undefined;
  const url = safeUrl(links?.runUrl?.(run.run_id, side));
  return { run_id: run.run_id, run_name: run.run_name, status: run.status, ...(url ? { url } : {}) };
}

function compareParams(baseline: BundleRun | undefined, current: BundleRun | undefined): { params: ParamChange[]; unchanged: number } {
  const b = baseline?.params ?? {};
  const c = current?.params ?? {};
  const params: ParamChange[] = [];
  let unchanged = 0;
  for (const name of [...new Set([...Object.keys(b), ...Object.keys(c)])].sort()) {
    const was = Object.hasOwn(b, name) ? b[name] : undefined;
    const is = Object.hasOwn(c, name) ? c[name] : undefined;
    if (was === is) unchanged++;
    else if (was === undefined) params.push({ name, change: 'added', current: is! });
    else if (is === undefined) params.push({ name, change: 'removed', baseline: was });
    else params.push({ name, change: 'changed', baseline: was, current: is });
  }
  return { params, unchanged };
}

function compareRun(match: RunMatch, options: CompareOptions): RunComparison {
  const { baseline, current } = match;
  const metrics = compareMetrics(baseline, current, options.directions);
  const charts: Chart[] = [];
  let unchartedHistories = 0;
  for (const m of bySalience(metrics)) {
    const chart = chartOf(m.name, baseline?.metrics[m.name], current?.metrics[m.name]);
    if (!chart) continue;
    if (charts.length < MAX_CHARTS_PER_RUN) charts.push(chart);
    else unchartedHistories++;
  }
  const { params, unchanged } = compareParams(baseline, current);
  const evalComparison = compareEval(baseline, current);
  const traces = compareTraces(baseline, current);
  const baselineRef = runRef(baseline, 'baseline', options.links);
  const currentRef = runRef(current, 'current', options.links);
  return {
    status: baseline && current ? 'matched' : current ? 'new' : 'missing',
    key: { kind: match.kind, value: match.value },
    ...(baselineRef ? { baseline: baselineRef } : {}),
    ...(currentRef ? { current: currentRef } : {}),
    metrics,
    params,
    unchangedParams: unchanged,
    ...(evalComparison ? { eval: evalComparison } : {}),
    charts,
    unchartedHistories,
    ...(traces ? { traces } : {}),
    artifacts: (current ?? baseline)?.artifacts ?? [],
  };
}

function bundleInfo(bundle: Bundle): NonNullable<Comparison['baseline']> {
  return { created_at: bundle.created_at, source: bundle.source, runs: bundle.runs.length };
}

function warningsOf(baseline: Bundle | undefined, current: Bundle, runs: readonly RunComparison[], options: CompareOptions): ComparisonWarning[] {
  const warnings: ComparisonWarning[] = [];
  if (!baseline) {
    warnings.push({
      kind: 'baseline_missing',
      message: `No baseline to compare with${options.baselineMissingReason ? ` (${options.baselineMissingReason})` : ''}: the current values are shown on their own.`,
    });
  }
  for (const run of runs) {
    if (run.eval?.digestChanged) {
      warnings.push({
        kind: 'dataset_digest',
        run: run.key.value,
        message: `The baseline and current runs evaluated different datasets (digest ${run.eval.baselineDigest} → ${run.eval.currentDigest}): score changes may come from the data, not the change under review.`,
      });
    }
  }
  for (const [side, bundle] of [['baseline', baseline], ['current', current]] as const) {
    for (const w of bundle?.warnings ?? []) warnings.push({ kind: 'bundle', message: `${side} bundle: ${w}` });
  }
  return warnings;
}

/** Compares `current` with `baseline` (undefined: no baseline, which is reported, not fatal). */
/** Parent runs without metrics (an evaluation's, a multi-step project's) hold no results of their own; their children are compared. */
function resultRuns(runs: readonly BundleRun[]): BundleRun[] {
  const parents = new Set(runs.map((r) => r.tags['mlflow.parentRunId']).filter((id) => id !== undefined));
  return runs.filter((r) => !(parents.has(r.run_id) && Object.keys(r.metrics).length === 0));
}

export function compareBundles(baseline: Bundle | undefined, current: Bundle, options: CompareOptions = {}): Comparison {
  const runs = matchRuns(resultRuns(baseline?.runs ?? []), resultRuns(current.runs)).map((m) => compareRun(m, options));
  const matched = runs.filter((r) => r.status === 'matched');
  const moved = matched.flatMap((r) => r.metrics.filter((m) => m.change === 'better' || m.change === 'worse'));
  const jobUrl = safeUrl(options.links?.jobUrl);
  const reportArtifact = safeUrl(options.links?.reportArtifactUrl);
  const failOn = options.failOn ?? 'threshold';
  return {
    schema: COMPARISON_SCHEMA,
    version: COMPARISON_VERSION,
    ...(baseline ? { baseline: bundleInfo(baseline) } : {}),
    current: bundleInfo(current),
    runs,
    summary: {
      matched: matched.length,
      new: runs.filter((r) => r.status === 'new').length,
      missing: runs.filter((r) => r.status === 'missing').length,
      regressions: moved.filter((m) => m.change === 'worse' && m.significant !== false).length,
      improvements: moved.filter((m) => m.change === 'better' && m.significant !== false).length,
      notSignificant: moved.filter((m) => m.significant === false).length,
    },
    ...(options.gates ? { gates: { passed: summarize(options.gates, failOn).passed, failOn, results: [...options.gates] } } : {}),
    warnings: warningsOf(baseline, current, runs, options),
    links: { ...(jobUrl ? { job: jobUrl } : {}), ...(reportArtifact ? { reportArtifact } : {}) },
  };
}
