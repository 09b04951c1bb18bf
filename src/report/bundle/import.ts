/**
 * `importBundle`: a bundle's runs re-created on a tracking server through its REST API, with
 * their original names, start and end times, status, params, tags, full metric histories and
 * dataset inputs; the eval table is uploaded again as `eval_results.json` (other artifacts are
 * only listed in a bundle, so they are not re-created).
 *
 * Idempotence: each imported run carries tag `mlflow_ts.bundle.source_run_id` (the run id in the
 * bundle) and, set last, `mlflow_ts.bundle.content_hash` (a hash of the run's bundle content).
 * Before creating, the target experiment is searched for that tag: the same content already
 * there is skipped; a copy with other content (a newer export of the run, or an import that
 * stopped half-way and so never got its hash) is deleted (soft, restorable) and replaced.
 * Two imports running at the same moment can still both create a run.
 *
 * Parent links (`mlflow.parentRunId`) between runs of the bundle are rewritten to the new ids;
 * parents are created before their children.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DatasetInput, type MetricInput, type MlflowClient, type Run } from '../../client/index.ts';
import { MLFLOW_LIMITS, MLFLOW_TAGS } from '../../mlflow/limits.ts';
import { EVAL_RESULTS_FILE, evalArtifactText } from './eval.ts';
import { parseBundle, type Bundle, type BundleRun } from './schema.ts';
import { canonicalJson } from './util.ts';

/** Tags an import writes on each run it creates. */
export const BundleTag = {
  SOURCE_RUN_ID: 'mlflow_ts.bundle.source_run_id',
  CONTENT_HASH: 'mlflow_ts.bundle.content_hash',
} as const;

/** An import that cannot place the bundle's runs (the target experiment is deleted). */
export class BundleImportError extends Error {
  override name = 'BundleImportError';
}

export interface ImportResult {
  /** Runs created (replacements included). */
  created: number;
  /** Runs already on the server with the same content. */
  skipped: number;
  /** Of the created runs, those that replaced an earlier, different copy (now deleted). */
  replaced: number;
  /** Bundle run id → run id on the server, for created and skipped runs. */
  runIds: Map<string, string>;
}

/** A stable hash of what the bundle says about one run. */
export function runContentHash(run: BundleRun): string {
  return createHash('sha256').update(canonicalJson(run)).digest('hex');
}

async function resolveExperimentId(client: MlflowClient, name: string, tags: Readonly<Record<string, string>>): Promise<string> {
  const e = await client.getOrCreateExperiment(name, { tags });
  if (e.lifecycle_stage === 'deleted') {
    throw new BundleImportError(
      `Experiment '${name}' (id ${e.experiment_id}) is deleted on ${client.trackingUri}, so the bundle's runs cannot go there. ` +
        'Restore it (POST /api/2.0/mlflow/experiments/restore) or delete it permanently, then import again.',
    );
  }
  return e.experiment_id;
}

/** Runs of the experiment that earlier imports created, by the bundle run id they came from. */
async function importedRuns(client: MlflowClient, experimentId: string): Promise<Map<string, Run[]>> {
  const byOrigin = new Map<string, Run[]>();
  for await (const run of client.searchRuns({
    experimentIds: [experimentId],
    filter: `tags.\`${BundleTag.SOURCE_RUN_ID}\` LIKE '%'`,
    runViewType: 'ACTIVE_ONLY',
  })) {
    const origin = run.data.tags.find((t) => t.key === BundleTag.SOURCE_RUN_ID)?.value;
    if (origin === undefined) continue;
    const list = byOrigin.get(origin) ?? [];
    list.push(run);
    byOrigin.set(origin, list);
  }
  return byOrigin;
}

/** Parents before children (within the bundle), otherwise in bundle order. */
function parentsFirst(runs: readonly BundleRun[]): BundleRun[] {
  const byId = new Map(runs.map((r) => [r.run_id, r]));
  const done = new Set<string>();
  const out: BundleRun[] = [];
  const visit = (run: BundleRun, path: Set<string>): void => {
    if (done.has(run.run_id) || path.has(run.run_id)) return;
    path.add(run.run_id);
    const parent = byId.get(run.tags[MLFLOW_TAGS.parentRunId] ?? '');
    if (parent) visit(parent, path);
    done.add(run.run_id);
    out.push(run);
  };
  for (const run of runs) visit(run, new Set());
  return out;
}

async function createRun(client: MlflowClient, run: BundleRun, experiment: string, runIds: ReadonlyMap<string, string>, hash: string, scratch: string): Promise<string> {
  const tags: Record<string, string> = {};
  for (const [key, value] of Object.entries(run.tags)) {
    if (key !== BundleTag.SOURCE_RUN_ID && key !== BundleTag.CONTENT_HASH) tags[key] = value;
  }
  const parent = tags[MLFLOW_TAGS.parentRunId];
  if (parent !== undefined && runIds.has(parent)) tags[MLFLOW_TAGS.parentRunId] = runIds.get(parent)!;

  const created = await client.createRun({
    experimentId: experiment,
    runName: run.run_name || undefined,
    startTime: run.start_time,
    userId: tags[MLFLOW_TAGS.user],
    // The origin first: a run that fails half-way is then recognised (and replaced) by the next import.
    tags: { [BundleTag.SOURCE_RUN_ID]: run.run_id },
  });
  const runId = created.info.run_id;
  const metrics: MetricInput[] = [];
  for (const [key, points] of Object.entries(run.metrics)) for (const p of points) metrics.push({ key, value: p.value, step: p.step, timestamp: p.timestamp });
  await client.logBatch(runId, { params: run.params, tags, metrics });

  const datasets: DatasetInput[] = run.inputs.map((d) => ({ dataset: d.dataset, tags: Object.entries(d.tags).map(([key, value]) => ({ key, value })) }));
  for (let i = 0; i < datasets.length; i += MLFLOW_LIMITS.dataset.maxDatasetsPerBatch) {
    await client.logInputs(runId, datasets.slice(i, i + MLFLOW_LIMITS.dataset.maxDatasetsPerBatch));
  }

  if (run.eval) {
    const dir = await mkdtemp(join(scratch, 'eval-'));
    const file = join(dir, EVAL_RESULTS_FILE);
    await writeFile(file, evalArtifactText(run.eval));
    await client.logArtifact(runId, file);
  }

  if (run.status !== 'RUNNING' || run.end_time !== null) {
    await client.updateRun(runId, { status: run.status, ...(run.end_time !== null ? { endTime: run.end_time } : {}) });
  }
  // Last: the hash marks the copy complete.
  await client.setTag(runId, BundleTag.CONTENT_HASH, hash);
  return runId;
}

export async function importBundle(client: MlflowClient, bundle: Bundle): Promise<ImportResult> {
  const checked = parseBundle(bundle);
  const experimentTags = new Map(checked.experiments.map((e) => [e.name, e.tags]));
  const names = [...new Set([...checked.experiments.map((e) => e.name), ...checked.runs.map((r) => r.experiment_name)])];
  const experiments = new Map<string, { id: string; imported: Map<string, Run[]> }>();
  for (const name of names) {
    const id = await resolveExperimentId(client, name, experimentTags.get(name) ?? {});
    experiments.set(name, { id, imported: await importedRuns(client, id) });
  }

  const result: ImportResult = { created: 0, skipped: 0, replaced: 0, runIds: new Map() };
  const scratch = await mkdtemp(join(tmpdir(), 'mlflow-ts-import-'));
  try {
    for (const run of parentsFirst(checked.runs)) {
      const target = experiments.get(run.experiment_name)!;
      const hash = runContentHash(run);
      const copies = target.imported.get(run.run_id) ?? [];
      const same = copies.find((c) => c.data.tags.some((t) => t.key === BundleTag.CONTENT_HASH && t.value === hash));
      if (same) {
        result.skipped++;
        result.runIds.set(run.run_id, same.info.run_id);
        continue;
      }
      for (const stale of copies) await client.deleteRun(stale.info.run_id);
      if (copies.length > 0) result.replaced++;
      result.runIds.set(run.run_id, await createRun(client, run, target.id, result.runIds, hash, scratch));
      result.created++;
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return result;
}
