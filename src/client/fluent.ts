/**
 * MLflow's fluent style (`set_experiment`, `start_run`) over an MlflowClient. State is small on
 * purpose: a default client built from the environment and, per client, the experiment chosen
 * by setExperiment. Runs are explicit handles rather than a hidden "active run" stack, so
 * concurrent async code cannot log to the wrong run.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { userInfo } from 'node:os';
import { MLFLOW_TAGS, type RunStatus } from '../mlflow/limits.ts';
import type { Experiment, KeyValue, Run, RunInfo } from '../store/contract.ts';
import { MlflowClient, toKeyValues, type KeyValues } from './client.ts';

let defaultClient: MlflowClient | undefined;
const activeExperiments = new WeakMap<MlflowClient, string>();
/** The run of the enclosing `startRun(options, fn)` callback, per async context (traces link to it). */
const activeRunStorage = new AsyncLocalStorage<ActiveRun>();

/** The run whose `startRun(options, fn)` callback is executing here, if any. */
export function getActiveRun(): ActiveRun | undefined {
  const run = activeRunStorage.getStore();
  return run && !run.ended ? run : undefined;
}

/** The client fluent calls use when given none; built from MLFLOW_TRACKING_* on first use. */
export function getDefaultClient(): MlflowClient {
  defaultClient ??= new MlflowClient();
  return defaultClient;
}

/** Replaces the default client (undefined: rebuild from the environment on next use). */
export function setDefaultClient(client: MlflowClient | undefined): void {
  defaultClient = client;
}


/** Makes `name` the experiment later startRun calls use, creating it if missing. */
export async function setExperiment(name: string, options: { client?: MlflowClient } = {}): Promise<Experiment> {
  const client = options.client ?? getDefaultClient();
  const experiment = await client.getOrCreateExperiment(name);
  if (experiment.lifecycle_stage === 'deleted') {
    throw new Error(
      `Experiment '${name}' (id ${experiment.experiment_id}) is deleted. Restore it (MlflowClient.restoreExperiment) or choose another name.`,
    );
  }
  activeExperiments.set(client, experiment.experiment_id);
  return experiment;
}

export interface StartRunOptions {
  /**
   * Resume this run (set RUNNING again) instead of creating one. Default: the run named by
   * MLFLOW_RUN_ID, which `mlflow-ts run` and `mlflow run` set for the project's command; the
   * variable is used by the first startRun that sees it, so later ones create runs of their own.
   */
  runId?: string;
  /** For a new run only; a resumed run keeps its name, as with MLflow. */
  runName?: string;
  /** Set on the new run, or added to the resumed one. */
  tags?: KeyValues;
  /**
   * Default: the experiment from setExperiment, then MLFLOW_EXPERIMENT_ID, then MLFLOW_EXPERIMENT_NAME, then "0".
   * When a run is resumed, this (or setExperiment's) must be the run's experiment or startRun throws.
   */
  experimentId?: string;
  client?: MlflowClient;
}

function currentUser(): string {
  try {
    return userInfo().username;
  } catch {
    // userInfo throws for uids without a passwd entry (common in containers).
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

/** The tags MLflow's fluent start_run adds, so runs look the same in the UI whichever client logged them. */
function standardTags(user: string): KeyValue[] {
  const tags: KeyValue[] = [
    { key: MLFLOW_TAGS.user, value: user },
    { key: MLFLOW_TAGS.sourceName, value: process.argv[1] ?? process.argv0 },
    { key: MLFLOW_TAGS.sourceType, value: 'LOCAL' },
  ];
  if (process.env.GITHUB_SHA) tags.push({ key: MLFLOW_TAGS.gitCommit, value: process.env.GITHUB_SHA });
  return tags;
}

async function resolveExperimentId(client: MlflowClient, explicit: string | undefined): Promise<string> {
  if (explicit !== undefined) return explicit;
  const active = activeExperiments.get(client);
  if (active !== undefined) return active;
  if (process.env.MLFLOW_EXPERIMENT_ID) return process.env.MLFLOW_EXPERIMENT_ID;
  if (process.env.MLFLOW_EXPERIMENT_NAME) return (await setExperiment(process.env.MLFLOW_EXPERIMENT_NAME, { client })).experiment_id;
  return '0';
}

/** The MLFLOW_RUN_ID value already resumed by this process (the variable itself is left for child processes and tracing). */
let consumedEnvRunId: string | undefined;

/** The run to resume and where its id came from, or undefined to create a run. */
function runToResume(explicit: string | undefined): { runId: string; source: string } | undefined {
  if (explicit) return { runId: explicit, source: 'the runId option' };
  const fromEnv = process.env.MLFLOW_RUN_ID;
  // MLflow deletes the variable once used so a second start_run makes a new run; remembering
  // the value has the same effect without changing the environment other code reads.
  if (!fromEnv || fromEnv === consumedEnvRunId) return undefined;
  consumedEnvRunId = fromEnv;
  return { runId: fromEnv, source: 'MLFLOW_RUN_ID' };
}

async function resumeRun(client: MlflowClient, resume: { runId: string; source: string }, options: StartRunOptions): Promise<Run> {
  const { runId, source } = resume;
  const existing = await client.getRun(runId);
  if (existing.info.lifecycle_stage === 'deleted') {
    throw new Error(`Cannot resume run ${runId} (from ${source}): it is deleted. Restore it (MlflowClient.restoreRun) or start a new run.`);
  }
  const expected = options.experimentId ?? activeExperiments.get(client);
  if (expected !== undefined && expected !== existing.info.experiment_id) {
    throw new Error(
      `Cannot resume run ${runId} (from ${source}): it belongs to experiment ${existing.info.experiment_id}, ` +
        `but experiment ${expected} was chosen (${options.experimentId !== undefined ? 'experimentId option' : 'setExperiment'}). ` +
        'Make them match (e.g. --experiment-name/--experiment-id of the project run) or choose no experiment in the script.',
    );
  }
  // Status only: the server keeps end_time, as MLflow's resume does.
  await client.updateRun(runId, { status: 'RUNNING' });
  const tags = toKeyValues(options.tags);
  if (tags.length > 0) await client.logBatch(runId, { tags });
  return client.getRun(runId);
}

/** A started run. Logging calls go straight to the server; `end` is idempotent. */
export class ActiveRun {
  readonly client: MlflowClient;
  /** The run as the server returned it at creation (or on resumption). */
  readonly run: Run;
  #ended = false;

  constructor(client: MlflowClient, run: Run) {
    this.client = client;
    this.run = run;
  }

  /** The run's info at start (`run.info.run_id`, as with MLflow's Python ActiveRun). */
  get info(): RunInfo {
    return this.run.info;
  }

  get runId(): string {
    return this.run.info.run_id;
  }

  get experimentId(): string {
    return this.run.info.experiment_id;
  }

  get ended(): boolean {
    return this.#ended;
  }

  logParam(key: string, value: string | number | boolean): Promise<void> {
    return this.client.logParam(this.runId, key, value);
  }

  logParams(params: Readonly<Record<string, string | number | boolean>>): Promise<void> {
    return this.client.logBatch(this.runId, { params });
  }

  logMetric(key: string, value: number, step?: number): Promise<void> {
    return this.client.logMetric(this.runId, key, value, { step });
  }

  /** All values share one timestamp and step, as one observation. */
  logMetrics(metrics: Readonly<Record<string, number>>, step?: number): Promise<void> {
    const timestamp = Date.now();
    return this.client.logBatch(this.runId, {
      metrics: Object.entries(metrics).map(([key, value]) => ({ key, value, timestamp, step: step ?? 0 })),
    });
  }

  setTag(key: string, value: string): Promise<void> {
    return this.client.setTag(this.runId, key, value);
  }

  setTags(tags: Readonly<Record<string, string | number | boolean>>): Promise<void> {
    return this.client.logBatch(this.runId, { tags });
  }

  logArtifact(localFile: string, artifactPath?: string): Promise<void> {
    return this.client.logArtifact(this.runId, localFile, artifactPath);
  }

  logArtifacts(localDir: string, artifactPath?: string): Promise<void> {
    return this.client.logArtifacts(this.runId, localDir, artifactPath);
  }

  /** Marks the run terminated (FINISHED unless told otherwise); later calls do nothing. */
  async end(status: RunStatus = 'FINISHED'): Promise<RunInfo | undefined> {
    if (this.#ended) return undefined;
    this.#ended = true;
    return this.client.updateRun(this.runId, { status, endTime: Date.now() });
  }

  /** `await using run = await startRun()` ends the run FINISHED when the scope exits. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.end();
  }
}

async function createRun(client: MlflowClient, options: StartRunOptions): Promise<Run> {
  const experimentId = await resolveExperimentId(client, options.experimentId);
  const user = currentUser();
  const tags = new Map<string, string>();
  for (const { key, value } of [...standardTags(user), ...toKeyValues(options.tags)]) tags.set(key, value);
  return client.createRun({
    experimentId,
    runName: options.runName,
    userId: user,
    tags: [...tags].map(([key, value]) => ({ key, value })),
  });
}

/** Starts (or resumes, see StartRunOptions.runId) a run and returns its handle; the caller ends it. */
export function startRun(options?: StartRunOptions): Promise<ActiveRun>;
/** Starts (or resumes) a run, runs `fn`, and ends the run FINISHED, or FAILED (rethrowing) if `fn` throws. */
export function startRun<T>(options: StartRunOptions, fn: (run: ActiveRun) => T | Promise<T>): Promise<T>;
export async function startRun<T>(options: StartRunOptions = {}, fn?: (run: ActiveRun) => T | Promise<T>): Promise<ActiveRun | T> {
  const client = options.client ?? getDefaultClient();
  const resume = runToResume(options.runId);
  const run = new ActiveRun(client, resume ? await resumeRun(client, resume, options) : await createRun(client, options));
  if (!fn) return run;

  let failed = false;
  try {
    return await activeRunStorage.run(run, () => fn(run));
  } catch (err) {
    failed = true;
    throw err;
  } finally {
    if (failed) {
      // The callback's error is the one worth seeing; a failure to mark the run is secondary.
      await run.end('FAILED').catch(() => undefined);
    } else {
      await run.end('FINISHED');
    }
  }
}
