/**
 * One evaluation from suite to verdict: rows through every target, scores aggregated, everything
 * logged to the tracking server (one run per target under one parent run), row traces annotated
 * with their scores as assessments, and the suite's thresholds judged by the shared gate module.
 * Talks to the server only through the client and the tracing SDK.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { DatasetInput } from '../store/contract.ts';
import type { AssessmentInput, MlflowClient, Run } from '../client/index.ts';
import { compileMetricThreshold, evaluateGates, recordedGatesTag, summarize, type GateResult, type MetricValue } from '../report/gates/index.ts';
import { flushTraces, init as initTracing } from '../tracing/index.ts';
import { aggregateTarget, loggedMetrics, metricStatsFrom, type MetricStat, type ScorerInfo } from './aggregate.ts';
import { loadDataset, type LoadedDataset } from './dataset.ts';
import { runRows, type RowResult } from './executor.ts';
import { createProgress } from './progress.ts';
import { buildMessages } from './prompt.ts';
import { findScorerType } from './scorers/index.ts';
import { gatewayServices } from './services.ts';
import type { Suite } from './suite.ts';
import { RESULTS_CSV, RESULTS_JSON, resultsTable, tableCsv, tableJson } from './table.ts';
import { EvalTag } from './tags.ts';
import { createTarget, type Target } from './targets/index.ts';
import type { AggregateMetric, Scorer, ScorerServices } from './types.ts';
import { mapLimit } from '../client/concurrency.ts';


const PARENT_RUN_TAG = 'mlflow.parentRunId';

export interface EvaluateOptions {
  suite: Suite;
  client: MlflowClient;
  /** For the tracing SDK's exporter; the client's server. */
  trackingUri: string;
  /** Default: the suite's `experiment_name`, then `eval/<suite file name>`. */
  experimentName?: string;
  /** Gateway for `gateway:` targets and judge/embedding scorers; default: suite, then MLFLOW_GATEWAY_URI. */
  gatewayUri?: string;
  /** Runs (or a parent whose children are per-target runs) to compare thresholds with. */
  baselineRunId?: string;
  /** Hang the target runs under this run instead of a new parent (e.g. an Action's run). */
  parentRunId?: string;
  runName?: string;
  /** Trace each row's call and attach scores as assessments; default true. */
  tracing?: boolean;
  /** Where progress goes; default process.stderr. */
  progress?: NodeJS.WritableStream & { isTTY?: boolean };
  signal?: AbortSignal;
  env?: NodeJS.ProcessEnv;
}

export interface TargetReport {
  name: string;
  runId: string;
  metrics: Record<string, MetricStat>;
  greaterIsBetter: Record<string, boolean>;
  flaky: Record<string, number[]>;
  gates: GateResult[];
  baselineRunId?: string;
  /** Per-row errors, first few (the table artifact has them all). */
  errors: { row: number; repeat: number; error: string }[];
}

export interface EvaluationReport {
  experimentId: string;
  parentRunId: string;
  dataset: { name: string; digest: string; rows: number };
  targets: TargetReport[];
  passed: boolean;
}

class EvaluationSetupError extends Error {
  override name = 'EvaluationSetupError';
}


async function buildScorers(suite: Suite): Promise<{ rowScorers: Scorer[]; metrics: { metric: AggregateMetric; options: unknown }[] }> {
  const rowScorers: Scorer[] = [];
  const metrics: { metric: AggregateMetric; options: unknown }[] = [];
  for (const entry of suite.scorers) {
    const found = findScorerType(entry.type);
    // The suite loader validated every type; this guards a suite built by hand.
    if (!found) throw new EvaluationSetupError(`unknown scorer type '${entry.type}'.`);
    if (found.kind === 'row') rowScorers.push(await found.module.create(entry.name, entry.options, { baseDir: suite.baseDir }));
    else metrics.push({ metric: found.metric, options: entry.options });
  }
  return { rowScorers, metrics };
}

/** Baseline metrics per target: the run's children matched by target tag, else the run itself for all. */
async function baselineFor(client: MlflowClient, runId: string, experimentId: string, targets: readonly string[]): Promise<Map<string, Run>> {
  const run = await client.getRun(runId);
  const byTarget = new Map<string, Run>();
  const children = client.searchRuns({
    experimentIds: [run.info.experiment_id || experimentId],
    filter: `tags.\`${PARENT_RUN_TAG}\` = '${runId}'`,
  });
  for await (const child of children) {
    const target = child.data.tags.find((t) => t.key === EvalTag.TARGET)?.value;
    if (target && !byTarget.has(target)) byTarget.set(target, child);
  }
  if (byTarget.size === 0) for (const t of targets) byTarget.set(t, run);
  return byTarget;
}

const runMetrics = (run: Run): Record<string, number> => Object.fromEntries(run.data.metrics.map((m) => [m.key, m.value]));


function assessmentsOf(result: RowResult): AssessmentInput[] {
  return Object.entries(result.scores).map(([name, s]) => ({
    assessment_name: name,
    source: { source_type: s.source, source_id: name },
    feedback: s.error !== undefined ? { error: { error_code: 'SCORER_ERROR', error_message: s.error } } : { value: s.passed ?? s.value },
    ...(s.rationale ? { rationale: s.rationale } : {}),
    metadata: { row: String(result.rowIndex), repeat: String(result.repeat), ...(s.value !== null && s.passed !== undefined ? { score: String(s.value) } : {}) },
  }));
}


/** Uploads the results table (JSON and CSV) into the run's artifact root. */
async function logTables(client: MlflowClient, runId: string, results: readonly RowResult[], scorerNames: readonly string[]): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'mlflow-ts-eval-'));
  try {
    const table = resultsTable(results, scorerNames);
    await writeFile(join(dir, RESULTS_JSON), tableJson(table));
    await writeFile(join(dir, RESULTS_CSV), tableCsv(table));
    await client.logArtifact(runId, join(dir, RESULTS_JSON));
    await client.logArtifact(runId, join(dir, RESULTS_CSV));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function evaluate(options: EvaluateOptions): Promise<EvaluationReport> {
  const { suite, client } = options;
  const env = options.env ?? process.env;
  const suiteName = suite.file ? basename(suite.file) : 'suite';
  const experimentName = options.experimentName ?? suite.experimentName ?? `eval/${suiteName.replace(/\.(ya?ml|json)$/i, '')}`;
  const gatewayUri = options.gatewayUri ?? suite.gatewayUri ?? env.MLFLOW_GATEWAY_URI;
  const needsGateway = suite.targets.some((t) => t.kind === 'gateway');
  if (needsGateway && !gatewayUri) {
    throw new EvaluationSetupError('the suite has gateway targets but no gateway address. Pass --gateway-uri, set MLFLOW_GATEWAY_URI, or add gateway_uri to the suite.');
  }

  const dataset = await loadDataset(suite.dataset, { baseDir: suite.baseDir });
  const { rowScorers, metrics } = await buildScorers(suite);
  const services = gatewayServices(gatewayUri ?? '', { env, retries: suite.retries, timeoutMs: suite.timeoutMs });
  const targets = suite.targets.map((t) => createTarget(t, { gatewayUri, env, timeoutMs: suite.timeoutMs, concurrency: suite.concurrency }));
  try {
    return await evaluateWith(options, { suite, client, env, suiteName, experimentName, dataset, rowScorers, metrics, services, targets });
  } finally {
    await Promise.all([services.close(), ...targets.map((t) => t.close?.())]);
  }
}

interface Prepared {
  suite: Suite;
  client: MlflowClient;
  env: NodeJS.ProcessEnv;
  suiteName: string;
  experimentName: string;
  dataset: LoadedDataset;
  rowScorers: Scorer[];
  metrics: { metric: AggregateMetric; options: unknown }[];
  services: ScorerServices;
  targets: Target[];
}

async function evaluateWith(options: EvaluateOptions, prepared: Prepared): Promise<EvaluationReport> {
  const { suite, client, suiteName, experimentName, dataset, rowScorers, metrics, services, targets } = prepared;

  const experimentId = (await client.getOrCreateExperiment(experimentName)).experiment_id;
  const parentRunId =
    options.parentRunId ??
    (await client.createRun({ experimentId, runName: options.runName ?? `eval: ${suiteName}`, tags: { [EvalTag.SUITE]: suiteName } })).info.run_id;
  const runIds = new Map<string, string>();
  for (const target of suite.targets) {
    const run = await client.createRun({
      experimentId,
      runName: target.name,
      tags: { [PARENT_RUN_TAG]: parentRunId, [EvalTag.TARGET]: target.name, [EvalTag.SUITE]: suiteName, [EvalTag.DATASET_DIGEST]: dataset.input.digest },
    });
    runIds.set(target.name, run.info.run_id);
    const input: DatasetInput = { dataset: dataset.input, tags: [{ key: 'mlflow.data.context', value: 'evaluation' }] };
    await client.logInputs(run.info.run_id, [input]);
    await client.logBatch(run.info.run_id, {
      params: { concurrency: suite.concurrency, repeat: suite.repeat, timeout_ms: suite.timeoutMs, retries: suite.retries, seed: suite.seed, ...(targetParams(target)) },
    });
  }

  const tracing = options.tracing ?? true;
  if (tracing) initTracing({ trackingUri: options.trackingUri, experimentId });
  const progressStream = options.progress ?? process.stderr;
  const progress = createProgress({ total: dataset.rows.length * suite.repeat * targets.length, stream: progressStream, isTTY: progressStream.isTTY === true });
  let results: RowResult[];
  try {
    results = await runRows({
      rows: dataset.rows,
      repeat: suite.repeat,
      targets,
      buildMessages: (row) => buildMessages(suite, row),
      scorers: rowScorers,
      services,
      concurrency: suite.concurrency,
      timeoutMs: suite.timeoutMs,
      retries: suite.retries,
      tracing: { enabled: tracing, runIdFor: (target) => runIds.get(target)! },
      onProgress: (p) => progress.update(p),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (err) {
    for (const runId of runIds.values()) await client.updateRun(runId, { status: 'FAILED', endTime: Date.now() });
    if (!options.parentRunId) await client.updateRun(parentRunId, { status: 'FAILED', endTime: Date.now() });
    throw err;
  } finally {
    progress.done();
  }
  if (tracing) await flushTraces();

  const baselines = options.baselineRunId ? await baselineFor(client, options.baselineRunId, experimentId, suite.targets.map((t) => t.name)) : undefined;
  const scorerInfo: ScorerInfo[] = rowScorers.map((s) => ({ name: s.name, greaterIsBetter: s.greaterIsBetter }));
  const reports: TargetReport[] = [];
  for (const target of suite.targets) {
    const runId = runIds.get(target.name)!;
    const own = results.filter((r) => r.target === target.name);
    const agg = aggregateTarget(own, { scorers: scorerInfo, metrics, seed: suite.seed });
    const baselineRun = baselines?.get(target.name);
    const baselineMetrics = baselineRun ? metricStatsFrom(runMetrics(baselineRun)) : undefined;
    const gates = Object.entries(suite.thresholds).flatMap(([metric, t]) =>
      compileMetricThreshold(metric, { ...t, greater_is_better: t.greater_is_better ?? agg.greaterIsBetter[metric] ?? true }),
    );
    const asValue = (stat: MetricStat | undefined): MetricValue | undefined => stat && { value: stat.value, ...(stat.ci ? { ci: stat.ci } : {}) };
    const gateResults = evaluateGates(gates, {
      current: (name) => asValue(agg.metrics[name]),
      baseline: (name) => asValue(baselineMetrics?.[name]),
    });
    const verdict = summarize(gateResults, 'threshold');
    // The verdict is recorded with the run before anything else can fail.
    await client.logBatch(runId, {
      metrics: Object.entries(loggedMetrics(agg.metrics)).map(([key, value]) => ({ key, value })),
      tags: {
        [EvalTag.GATES_PASSED]: String(verdict.passed),
        ...(gateResults.length > 0 ? { [EvalTag.GATES]: recordedGatesTag(gateResults) } : {}),
        ...(baselineRun ? { [EvalTag.BASELINE_RUN]: baselineRun.info.run_id } : {}),
      },
    });
    await logTables(client, runId, own, rowScorers.map((s) => s.name));
    if (tracing) {
      const annotated = own.filter((r) => r.traceId !== undefined);
      await mapLimit(annotated, 8, async (r) => {
        for (const a of assessmentsOf(r)) await client.createAssessment(r.traceId!, a);
      });
    }
    await client.updateRun(runId, { status: 'FINISHED', endTime: Date.now() });
    reports.push({
      name: target.name,
      runId,
      metrics: agg.metrics,
      greaterIsBetter: agg.greaterIsBetter,
      flaky: agg.flaky,
      gates: gateResults,
      ...(baselineRun ? { baselineRunId: baselineRun.info.run_id } : {}),
      errors: own.filter((r) => r.error !== undefined).slice(0, 20).map((r) => ({ row: r.rowIndex, repeat: r.repeat, error: r.error! })),
    });
  }
  const passed = reports.every((r) => summarize(r.gates, 'threshold').passed);
  if (!options.parentRunId) {
    await client.setTag(parentRunId, EvalTag.GATES_PASSED, String(passed));
    await client.updateRun(parentRunId, { status: 'FINISHED', endTime: Date.now() });
  }
  return { experimentId, parentRunId, dataset: { name: dataset.input.name, digest: dataset.input.digest, rows: dataset.rows.length }, targets: reports, passed };
}

/** What identifies a target, as run params (never a key). */
function targetParams(target: Suite['targets'][number]): Record<string, string> {
  switch (target.kind) {
    case 'gateway':
      return { target: `gateway:${target.endpoint}` };
    case 'openai':
      return { target: `openai:${target.model}`, base_url: target.baseUrl };
    case 'model_server':
      return { target: 'model_server', url: target.url };
    case 'command':
      return { target: 'command', command: Array.isArray(target.command) ? target.command.join(' ') : target.command };
  }
}
