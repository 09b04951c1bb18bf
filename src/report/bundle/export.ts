/**
 * `exportBundle`: an experiment's runs, read through the tracking server's REST API (never its
 * store), as one bundle. Only active runs are exported. Artifacts are listed, not copied, except
 * the eval table, which the comparison needs row by row.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MlflowApiError, type Experiment, type MlflowClient, type Run } from '../../client/index.ts';
import { EVAL_RESULTS_FILE, MAX_EVAL_ARTIFACT_BYTES, evalSection } from './eval.ts';
import { scrubber, scrubDeep, stripUrlCredentials } from './sanitize.ts';
import { BUNDLE_SCHEMA, BUNDLE_VERSION, bundleSchema, type ArtifactEntry, type Bundle, type BundleRun, type BundleSource, type MetricPoint } from './schema.ts';
import { gatewayExperimentIds, summarizeRunTraces } from './traces.ts';
import { mapLimit } from '../../client/concurrency.ts';

/** Artifact entries listed per run; a run with more (a checkpoint directory) is listed in part, with a warning. */
export const MAX_ARTIFACT_ENTRIES = 10_000;
const RUN_CONCURRENCY = 4;
const HISTORY_CONCURRENCY = 8;

/** An export that cannot start: a named experiment that does not exist or is deleted. */
export class BundleExportError extends Error {
  override name = 'BundleExportError';
}

export type ExportSelection = { experimentNames: readonly string[]; experimentIds?: undefined } | { experimentIds: readonly string[]; experimentNames?: undefined };

export type ExportOptions = ExportSelection & {
  /** An MLflow run search filter, e.g. "tags.`mlflow_ts.eval.suite` = 'qa.yaml'"; default every active run. */
  runFilter?: string;
  /** Where the runs came from; the tracking URI is the client's (without credentials). */
  source?: Omit<BundleSource, 'tracking_uri'>;
  /** Secret values (tokens the caller holds) to mask wherever they appear in the bundle. */
  secrets?: readonly string[];
};

async function resolveExperiment(client: MlflowClient, by: 'name' | 'id', key: string): Promise<Experiment> {
  let experiment: Experiment;
  try {
    experiment = by === 'name' ? await client.getExperimentByName(key) : await client.getExperiment(key);
  } catch (err) {
    if (err instanceof MlflowApiError && err.errorCode === 'RESOURCE_DOES_NOT_EXIST') {
      throw new BundleExportError(`No experiment with ${by} '${key}' on ${client.trackingUri}. Check the ${by} (the tracking UI or \`GET /api/2.0/mlflow/experiments/search\` lists them).`);
    }
    throw err;
  }
  if (experiment.lifecycle_stage === 'deleted') {
    throw new BundleExportError(`Experiment '${experiment.name}' (id ${experiment.experiment_id}) is deleted; restore it before exporting its runs.`);
  }
  return experiment;
}

/** Every file under the run's artifact root, depth first, up to MAX_ARTIFACT_ENTRIES. */
async function listAllArtifacts(client: MlflowClient, runId: string): Promise<{ entries: ArtifactEntry[]; capped: boolean }> {
  const entries: ArtifactEntry[] = [];
  const pending: (string | undefined)[] = [undefined];
  while (pending.length > 0) {
    const dir = pending.pop();
    for (const f of await client.listArtifacts(runId, dir)) {
      if (f.is_dir) pending.push(f.path);
      else if (entries.length >= MAX_ARTIFACT_ENTRIES) return { entries, capped: true };
      else entries.push({ path: f.path, file_size: f.file_size ?? 0 });
    }
  }
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { entries, capped: false };
}

const byTime = (a: MetricPoint, b: MetricPoint): number => a.timestamp - b.timestamp || a.step - b.step;

const record = (kvs: readonly { key: string; value: string }[]): Record<string, string> => Object.fromEntries(kvs.map((kv) => [kv.key, kv.value]));

async function exportRun(client: MlflowClient, run: Run, experimentName: string, traceExperiments: readonly string[], scratch: string, warnings: string[]): Promise<BundleRun> {
  const runId = run.info.run_id;
  const keys = [...new Set(run.data.metrics.map((m) => m.key))].sort();
  const histories = await mapLimit(keys, HISTORY_CONCURRENCY, (key) => client.getMetricHistory(runId, key));
  const metrics: Record<string, MetricPoint[]> = {};
  keys.forEach((key, i) => {
    metrics[key] = histories[i]!.map((m) => ({ value: m.value, step: m.step, timestamp: m.timestamp })).sort(byTime);
  });

  let artifacts: ArtifactEntry[] = [];
  try {
    const listed = await listAllArtifacts(client, runId);
    artifacts = listed.entries;
    if (listed.capped) warnings.push(`Run ${runId}: only the first ${MAX_ARTIFACT_ENTRIES} artifact files are listed.`);
  } catch (err) {
    // A server without artifact serving still has runs worth comparing.
    warnings.push(`Run ${runId}: artifacts not listed (${(err as Error).message})`);
  }

  const bundleRun: BundleRun = {
    run_id: runId,
    experiment_name: experimentName,
    run_name: run.info.run_name,
    status: run.info.status,
    start_time: run.info.start_time,
    end_time: run.info.end_time ?? null,
    params: record(run.data.params),
    tags: record(run.data.tags),
    metrics,
    inputs: run.inputs.dataset_inputs.map((d) => ({ dataset: { ...d.dataset }, tags: record(d.tags) })),
    artifacts,
    traces: await summarizeRunTraces(client, runId, [run.info.experiment_id, ...traceExperiments]),
  };

  const table = artifacts.find((a) => a.path === EVAL_RESULTS_FILE);
  if (table && table.file_size > MAX_EVAL_ARTIFACT_BYTES) {
    warnings.push(`Run ${runId}: ${EVAL_RESULTS_FILE} (${table.file_size} bytes) is larger than ${MAX_EVAL_ARTIFACT_BYTES} bytes and was left out.`);
  } else if (table) {
    const local = join(scratch, `${runId}-${EVAL_RESULTS_FILE}`);
    try {
      await client.downloadArtifact(runId, EVAL_RESULTS_FILE, local);
      bundleRun.eval = evalSection(await readFile(local, 'utf8'));
    } catch (err) {
      warnings.push(`Run ${runId}: eval table left out (${(err as Error).message})`);
    } finally {
      await rm(local, { force: true });
    }
  }
  return bundleRun;
}

/** Finishes a bundle: credentials scrubbed, then checked against the schema it claims. */
export function finishBundle(draft: Omit<Bundle, 'schema' | 'version' | 'created_at'>, secrets: readonly string[] = []): Bundle {
  const bundle: Bundle = { schema: BUNDLE_SCHEMA, version: BUNDLE_VERSION, created_at: new Date().toISOString(), ...draft };
  bundle.source = { ...bundle.source, tracking_uri: stripUrlCredentials(bundle.source.tracking_uri) };
  if (bundle.warnings?.length === 0) delete bundle.warnings;
  return bundleSchema.parse(scrubDeep(bundle, scrubber(secrets)));
}

export async function exportBundle(client: MlflowClient, options: ExportOptions): Promise<Bundle> {
  const experiments: Experiment[] = [];
  if (options.experimentNames !== undefined) for (const name of options.experimentNames) experiments.push(await resolveExperiment(client, 'name', name));
  else for (const id of options.experimentIds) experiments.push(await resolveExperiment(client, 'id', id));

  const traceExperiments = await gatewayExperimentIds(client);
  const warnings: string[] = [];
  const runs: BundleRun[] = [];
  const scratch = await mkdtemp(join(tmpdir(), 'mlflow-ts-export-'));
  try {
    for (const experiment of experiments) {
      const found: Run[] = [];
      for await (const run of client.searchRuns({
        experimentIds: [experiment.experiment_id],
        filter: options.runFilter,
        runViewType: 'ACTIVE_ONLY',
        orderBy: ['attributes.start_time ASC'],
      })) {
        found.push(run);
      }
      runs.push(...(await mapLimit(found, RUN_CONCURRENCY, (run) => exportRun(client, run, experiment.name, traceExperiments, scratch, warnings))));
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return finishBundle(
    {
      source: { tracking_uri: client.trackingUri, ...options.source },
      experiments: experiments.map((e) => ({ name: e.name, tags: record(e.tags) })),
      runs,
      warnings,
    },
    options.secrets,
  );
}
