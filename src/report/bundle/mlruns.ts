/**
 * `readMlruns`: an MLflow file store (`mlruns/`, MLflow's FileStore layout) read into a bundle,
 * so a team's existing runs can be imported as a baseline (`mlflow-ts import --mlruns <dir>`).
 *
 * Layout, as MLflow's FileStore writes it:
 *   <root>/<experiment id>/meta.yaml         experiment_id, name, artifact_location, lifecycle_stage, ...
 *   <root>/<experiment id>/tags/<key>        experiment tag value (keys with `/` are subdirectories)
 *   <root>/<experiment id>/<run id>/meta.yaml  run_id (run_uuid in old stores), run_name, status (1 RUNNING .. 5 KILLED),
 *                                            start_time, end_time, artifact_uri, lifecycle_stage, experiment_id, ...
 *   <run>/params/<key>, <run>/tags/<key>     the value, the whole file
 *   <run>/metrics/<key>                      one line per value: `<timestamp> <value> <step>` (old stores: no step)
 *   <run>/inputs/<id>/meta.yaml              a dataset input: source_id → <experiment>/datasets/<source_id>/meta.yaml, tags
 *   <run>/artifacts/                         the run's artifacts when the artifact root is the store itself
 *   <experiment>/traces/<id>/                trace_info.yaml, request_metadata/<key> (mlflow.sourceRun links the run)
 *   <root>/.trash/                           deleted experiments; <root>/models/ is the model registry
 * Deleted experiments and runs (in `.trash`, or `lifecycle_stage: deleted`) are left out, as
 * MLflow's active view does. A directory that is not an experiment or run is skipped with a
 * warning in the bundle, as MLflow logs and skips it.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { RUN_STATUSES, RUN_STATUS_NUMBERS, type RunStatus } from '../../mlflow/limits.ts';
import { EVAL_RESULTS_FILE, MAX_EVAL_ARTIFACT_BYTES, evalSection } from './eval.ts';
import { finishBundle } from './export.ts';
import type { ArtifactEntry, Bundle, BundleDatasetInput, BundleExperiment, BundleRun, BundleSource, MetricPoint } from './schema.ts';
import { durationMs, metadataFacts, summarizeTraces, type TraceFacts } from './traces.ts';

/** The mlruns directory cannot be read as a file store at all. */
export class MlrunsError extends Error {
  override name = 'MlrunsError';
}

export interface ReadMlrunsOptions {
  /** Where the runs came from besides the store (git, workflow). */
  source?: Omit<BundleSource, 'tracking_uri'>;
  /** Secret values to mask wherever they appear in the bundle. */
  secrets?: readonly string[];
}

const TRASH = '.trash';
/** The model registry's folder at the store root. */
const REGISTRY = 'models';
/** Experiment subfolders that are not runs (MLflow's RESERVED_EXPERIMENT_FOLDERS, plus MLflow 3's logged models). */
const RESERVED = new Set(['tags', 'datasets', 'traces', 'models']);
const META = 'meta.yaml';

type Yaml = Record<string, unknown>;

async function isDir(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}

async function subdirs(path: string): Promise<string[]> {
  const entries = await readdir(path, { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

/** A meta.yaml as an object, undefined when missing. */
async function readMeta(dir: string, file = META): Promise<Yaml | undefined> {
  let text: string;
  try {
    text = await readFile(join(dir, file), 'utf8');
  } catch {
    return undefined;
  }
  let parsed: unknown;
  try {
    parsed = parseYaml(text);
  } catch (err) {
    throw new Error(`${join(dir, file)} is not valid YAML (${(err as Error).message.split('\n')[0]})`, { cause: err });
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`${join(dir, file)} is not a YAML mapping`);
  return parsed as Yaml;
}

/** Every file under `root` as [key, full path]; keys use `/` whatever the platform, as MLflow's do. */
async function filesUnder(root: string): Promise<[string, string][]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  const out: [string, string][] = [];
  for (const e of entries) {
    if (!e.isFile()) continue;
    const full = join(e.parentPath, e.name);
    out.push([relative(root, full).split(sep).join('/'), full]);
  }
  return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** A key → file content folder (params, tags, request metadata). */
async function keyValueFolder(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [key, full] of await filesUnder(root)) out[key] = await readFile(full, 'utf8');
  return out;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined);
const num = (v: unknown): number | undefined => {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
};

/** Python's float() spellings as written by `f"{value}"`: `nan`, `inf`, `-inf`, `1e-05`. */
function pythonFloat(text: string): number | undefined {
  const t = text.toLowerCase();
  if (t === 'nan' || t === '+nan' || t === '-nan') return NaN;
  if (t === 'inf' || t === '+inf' || t === 'infinity' || t === '+infinity') return Infinity;
  if (t === '-inf' || t === '-infinity') return -Infinity;
  const n = text.trim() === '' ? NaN : Number(text);
  return Number.isNaN(n) ? undefined : n;
}

const integer = (text: string | undefined): number | undefined => (text !== undefined && /^-?\d+$/.test(text) ? Number(text) : undefined);

/** One metric file's history; malformed lines are skipped with a warning. */
function metricLines(text: string, where: string, warnings: string[]): MetricPoint[] {
  const points: MetricPoint[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const parts = line.trim().split(' ');
    const timestamp = integer(parts[0]);
    const value = parts[1] === undefined ? undefined : pythonFloat(parts[1]);
    const step = parts.length === 3 ? integer(parts[2]) : 0;
    if ((parts.length !== 2 && parts.length !== 3) || timestamp === undefined || value === undefined || step === undefined) {
      warnings.push(`${where}:${i + 1}: not a metric line ('<timestamp> <value> <step>'): ${JSON.stringify(line.slice(0, 100))}; skipped.`);
      return;
    }
    points.push({ value, step, timestamp });
  });
  return points;
}

function runStatus(v: unknown): RunStatus {
  if (typeof v === 'number') return RUN_STATUS_NUMBERS[v] ?? 'RUNNING';
  if (typeof v === 'string' && (RUN_STATUSES as readonly string[]).includes(v)) return v as RunStatus;
  // MLflow reads a missing status as RUNNING.
  return 'RUNNING';
}

/** The run's artifact directory on this machine: its recorded `artifact_uri` when local and present, else `<run>/artifacts` (a copied store). */
async function localArtifactDir(artifactUri: string | undefined, runDir: string): Promise<string | undefined> {
  let recorded: string | undefined;
  if (artifactUri?.startsWith('file:')) {
    try {
      recorded = fileURLToPath(artifactUri);
    } catch {
      recorded = undefined;
    }
  } else if (artifactUri !== undefined && isAbsolute(artifactUri)) recorded = artifactUri;
  if (recorded !== undefined && (await isDir(recorded))) return recorded;
  const inStore = join(runDir, 'artifacts');
  return (await isDir(inStore)) ? inStore : undefined;
}

/** Trace facts per linked run id, from `<experiment>/traces/` (MLflow 2 and 3 trace_info.yaml shapes). */
async function experimentTraces(experimentDir: string): Promise<Map<string, TraceFacts[]>> {
  const byRun = new Map<string, TraceFacts[]>();
  const tracesDir = join(experimentDir, 'traces');
  for (const id of await subdirs(tracesDir)) {
    const dir = join(tracesDir, id);
    const info = await readMeta(dir, 'trace_info.yaml').catch(() => undefined);
    if (!info) continue;
    const metadata = await keyValueFolder(join(dir, 'request_metadata'));
    const runId = metadata['mlflow.sourceRun'];
    if (runId === undefined) continue;
    const facts: TraceFacts = metadataFacts(metadata);
    const ms = num(info.execution_time_ms) ?? durationMs(str(info.execution_duration));
    if (ms !== undefined) facts.durationMs = ms;
    const list = byRun.get(runId) ?? [];
    list.push(facts);
    byRun.set(runId, list);
  }
  return byRun;
}

async function readInputs(runDir: string, experimentDir: string, warnings: string[]): Promise<BundleDatasetInput[]> {
  const inputs: BundleDatasetInput[] = [];
  const inputsDir = join(runDir, 'inputs');
  for (const id of await subdirs(inputsDir)) {
    const input = await readMeta(join(inputsDir, id));
    if (!input || input.source_type !== 'DATASET') continue;
    const datasetId = str(input.source_id) ?? '';
    const dataset = await readMeta(join(experimentDir, 'datasets', datasetId));
    if (!dataset) {
      warnings.push(`${join(inputsDir, id)}: dataset ${datasetId} not found under ${join(experimentDir, 'datasets')}; input skipped.`);
      continue;
    }
    const tags: Record<string, string> = {};
    const rawTags = input.tags;
    if (rawTags !== null && typeof rawTags === 'object' && !Array.isArray(rawTags)) {
      for (const [k, v] of Object.entries(rawTags as Record<string, unknown>)) tags[k] = str(v) ?? '';
    }
    const schema = str(dataset.schema);
    const profile = str(dataset.profile);
    inputs.push({
      dataset: {
        name: str(dataset.name) ?? '',
        digest: str(dataset.digest) ?? '',
        source_type: str(dataset.source_type) ?? '',
        source: str(dataset.source) ?? '',
        ...(schema !== undefined ? { schema } : {}),
        ...(profile !== undefined ? { profile } : {}),
      },
      tags,
    });
  }
  return inputs;
}

async function readRun(runDir: string, meta: Yaml, experiment: { dir: string; name: string }, traces: Map<string, TraceFacts[]>, warnings: string[]): Promise<BundleRun> {
  const runId = str(meta.run_id) ?? str(meta.run_uuid) ?? runDir.split(sep).pop()!;
  const params = await keyValueFolder(join(runDir, 'params'));
  const tags = await keyValueFolder(join(runDir, 'tags'));
  const metrics: Record<string, MetricPoint[]> = {};
  for (const [key, full] of await filesUnder(join(runDir, 'metrics'))) {
    const points = metricLines(await readFile(full, 'utf8'), full, warnings);
    if (points.length > 0) metrics[key] = points;
  }

  const artifacts: ArtifactEntry[] = [];
  const artifactUri = str(meta.artifact_uri);
  const artifactDir = await localArtifactDir(artifactUri, runDir);
  if (artifactDir) {
    for (const [path, full] of await filesUnder(artifactDir)) artifacts.push({ path, file_size: (await stat(full)).size });
  } else if (artifactUri !== undefined && !artifactUri.startsWith('file:') && !isAbsolute(artifactUri)) {
    warnings.push(`Run ${runId}: artifacts at ${artifactUri} are not on this machine and were not listed.`);
  }

  const run: BundleRun = {
    run_id: runId,
    experiment_name: experiment.name,
    run_name: str(meta.run_name) || tags['mlflow.runName'] || '',
    status: runStatus(meta.status),
    start_time: num(meta.start_time) ?? 0,
    end_time: num(meta.end_time) ?? null,
    params,
    tags,
    metrics,
    inputs: await readInputs(runDir, experiment.dir, warnings),
    artifacts,
    traces: summarizeTraces(traces.get(runId) ?? []),
  };
  const table = artifacts.find((a) => a.path === EVAL_RESULTS_FILE);
  if (artifactDir && table) {
    if (table.file_size > MAX_EVAL_ARTIFACT_BYTES) warnings.push(`Run ${runId}: ${EVAL_RESULTS_FILE} is larger than ${MAX_EVAL_ARTIFACT_BYTES} bytes and was left out.`);
    else {
      try {
        run.eval = evalSection(await readFile(join(artifactDir, EVAL_RESULTS_FILE), 'utf8'));
      } catch (err) {
        warnings.push(`Run ${runId}: eval table left out (${(err as Error).message})`);
      }
    }
  }
  return run;
}

export async function readMlruns(dir: string, options: ReadMlrunsOptions = {}): Promise<Bundle> {
  const root = resolve(dir);
  if (!(await isDir(root))) {
    throw new MlrunsError(`'${dir}' is not a directory. Pass MLflow's file store directory, the 'mlruns' folder that holds '0/meta.yaml'.`);
  }
  const warnings: string[] = [];
  const experiments: BundleExperiment[] = [];
  const runs: BundleRun[] = [];
  const ids = (await subdirs(root)).filter((d) => d !== TRASH && d !== REGISTRY);
  // Numeric ids in numeric order; the Default experiment (0) first.
  ids.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  let found = 0;
  for (const id of ids) {
    const experimentDir = join(root, id);
    const meta = await readMeta(experimentDir).catch((err: Error) => {
      warnings.push(`${err.message}; experiment skipped.`);
      return null;
    });
    if (meta === null) continue;
    if (!meta) {
      warnings.push(`${experimentDir}: no ${META}, not an experiment; skipped.`);
      continue;
    }
    found++;
    if (str(meta.experiment_id) !== id) {
      warnings.push(`${experimentDir}: ${META} says experiment_id ${str(meta.experiment_id) ?? '(none)'}; skipped, as MLflow does.`);
      continue;
    }
    if (meta.lifecycle_stage === 'deleted') continue;
    const name = str(meta.name) ?? id;
    experiments.push({ name, tags: await keyValueFolder(join(experimentDir, 'tags')) });
    const traces = await experimentTraces(experimentDir);
    const experimentRuns: BundleRun[] = [];
    for (const runName of await subdirs(experimentDir)) {
      if (RESERVED.has(runName)) continue;
      const runDir = join(experimentDir, runName);
      try {
        const runMeta = await readMeta(runDir);
        // Not a run (MLflow skips it quietly: an artifact root inside the store looks like this).
        if (!runMeta) continue;
        if (str(runMeta.experiment_id) !== id) {
          warnings.push(`${runDir}: ${META} says experiment_id ${str(runMeta.experiment_id) ?? '(none)'}; skipped, as MLflow does.`);
          continue;
        }
        if (runMeta.lifecycle_stage === 'deleted') continue;
        experimentRuns.push(await readRun(runDir, runMeta, { dir: experimentDir, name }, traces, warnings));
      } catch (err) {
        warnings.push(`${(err as Error).message}; run ${runDir} skipped.`);
      }
    }
    runs.push(...experimentRuns.sort((a, b) => a.start_time - b.start_time));
  }
  if (found === 0) {
    throw new MlrunsError(`'${dir}' holds no MLflow experiments (no <experiment id>/${META}). Pass MLflow's file store directory, usually ./mlruns.`);
  }
  return finishBundle({ source: { tracking_uri: pathToFileURL(root).href, ...options.source }, experiments, runs, warnings }, options.secrets);
}
