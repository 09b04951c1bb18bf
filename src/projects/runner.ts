/**
 * Running a project's entry points as tracked runs (MLflow Projects, `mlflow run`): resolve the
 * source (a directory or a git URL), read its MLproject, check every parameter before any run
 * exists, create the run with MLflow's standard tags and the params, prepare the environment,
 * run the command with MLFLOW_TRACKING_URI / MLFLOW_RUN_ID / MLFLOW_EXPERIMENT_ID set so the
 * command's own MLflow client logs into that run, keep its stdout and stderr as artifacts, and
 * end the run with the status the process earned. Several entry points run as child runs of one
 * parent, in order, stopping at the first failure unless told to go on.
 *
 * Talks to the tracking server only through the client.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { homedir, tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import type { MlflowClient } from '../client/index.ts';
import { ProjectError } from './errors.ts';
import { buildCommand, loadProject, resolveEntryPoint, type BuiltCommand, type EntryPoint, type ProjectSpec } from './mlproject.ts';
import { prepareEnvironment, type EnvManager } from './environment.ts';
import { runCommand, type RunStatus } from './process.ts';
import { resolveSource, type ProjectSource } from './source.ts';


export interface RunProjectOptions {
  /** A project directory or a git URL (`#subdirectory` allowed). */
  uri: string;
  /** Entry points to run, in order; several run as child runs of one parent. Default `main`. */
  entryPoints?: string[];
  /**
   * `-P key=value` parameters. With several entry points a parameter goes to the steps that
   * declare it; `step:key` targets one step only (and may be undeclared there).
   */
  params?: Record<string, string>;
  experimentName?: string;
  experimentId?: string;
  runName?: string;
  /** Default: the project's own environment (python_env → virtualenv, docker_env → Docker), as MLflow. */
  envManager?: EnvManager;
  /** A git ref, for git URIs only. */
  version?: string;
  /** Kill a step's whole process tree after this long; the run ends KILLED. */
  timeoutMs?: number;
  /** With several entry points: run the rest after a failure. */
  continueOnFailure?: boolean;
  client: MlflowClient;
  /** Where a step's output streams live; default the process's own. */
  echo?: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream };
  /** Aborting kills the running step's tree; its run ends KILLED. */
  signal?: AbortSignal;
  /** Where python_env virtualenvs are cached. */
  cacheDir?: string;
  env?: NodeJS.ProcessEnv;
  /** Progress lines (environment building, step starts); default stderr. */
  log?: (line: string) => void;
}

export interface StepResult {
  entryPoint: string;
  runId: string;
  status: RunStatus;
  exitCode: number | null;
}

export interface ProjectRunResult {
  /** The run (single entry point) or the parent run (several). */
  runId: string;
  experimentId: string;
  status: RunStatus;
  steps: StepResult[];
}

interface PlannedStep {
  entry: EntryPoint;
  built: BuiltCommand;
}

const STEP_SEPARATOR = ':';

/** Which `-P` values each step gets: declared keys go to declaring steps, `step:key` to that step. */
function paramsFor(entry: EntryPoint, all: Record<string, string>, single: boolean): Record<string, string> {
  if (single) {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(all)) {
      const i = k.indexOf(STEP_SEPARATOR);
      if (i < 0) out[k] = v;
      else if (k.slice(0, i) === entry.name) out[k.slice(i + 1)] = v;
    }
    return out;
  }
  const declared = new Set(entry.parameters.map((p) => p.name));
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(all)) {
    const i = k.indexOf(STEP_SEPARATOR);
    if (i >= 0) {
      if (k.slice(0, i) === entry.name) out[k.slice(i + 1)] = v;
    } else if (declared.has(k)) {
      out[k] = v;
    }
  }
  return out;
}

/** Every parameter is checked for every step before any run is created. */
function plan(project: ProjectSpec, names: string[], params: Record<string, string>): PlannedStep[] {
  const single = names.length === 1;
  const steps = names.map((name) => {
    const entry = resolveEntryPoint(project, name);
    return { entry, built: buildCommand(entry, paramsFor(entry, params, single), { projectDir: project.dir, nodePath: process.execPath }) };
  });
  if (!single) {
    const stepNames = new Set(names);
    for (const key of Object.keys(params)) {
      const i = key.indexOf(STEP_SEPARATOR);
      if (i >= 0 && !stepNames.has(key.slice(0, i))) {
        throw new ProjectError(`Parameter '${key}' names step '${key.slice(0, i)}', which is not one of the entry points run (${names.join(', ')}).`);
      }
      if (i < 0 && !steps.some((s) => s.entry.parameters.some((p) => p.name === key))) {
        throw new ProjectError(
          `No entry point of ${names.join(', ')} declares parameter '${key}'. Declare it in the MLproject, or pass it to one step as -P <step>:${key}=<value>.`,
        );
      }
    }
  }
  return steps;
}

async function experimentIdFor(client: MlflowClient, options: RunProjectOptions, env: NodeJS.ProcessEnv): Promise<string> {
  if (options.experimentId) return options.experimentId;
  const name = options.experimentName ?? env.MLFLOW_EXPERIMENT_NAME;
  if (name) return (await client.getOrCreateExperiment(name)).experiment_id;
  return env.MLFLOW_EXPERIMENT_ID || '0';
}

function userName(env: NodeJS.ProcessEnv): string {
  if (env.MLFLOW_TRACKING_USERNAME) return env.MLFLOW_TRACKING_USERNAME;
  try {
    return userInfo().username;
  } catch {
    return env.USER ?? 'unknown';
  }
}

/** MLflow's tags for a project run (mlflow/projects/utils.py `_create_run`). */
function sourceTags(source: ProjectSource, env: NodeJS.ProcessEnv): Record<string, string> {
  const tags: Record<string, string> = {
    'mlflow.source.name': source.sourceName,
    'mlflow.source.type': 'PROJECT',
    'mlflow.project.backend': 'local',
    'mlflow.user': userName(env),
  };
  if (source.git) {
    tags['mlflow.source.git.commit'] = source.git.commit;
    if (source.git.branch) tags['mlflow.source.git.branch'] = source.git.branch;
    if (source.git.repoURL) {
      tags['mlflow.source.git.repoURL'] = source.git.repoURL;
      tags['mlflow.gitRepoURL'] = source.git.repoURL;
    }
  }
  return tags;
}

async function runStep(
  step: PlannedStep,
  project: ProjectSpec,
  runId: string,
  experimentId: string,
  options: RunProjectOptions,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<StepResult> {
  const { client } = options;
  const logDir = await mkdtemp(join(tmpdir(), 'mlflow-ts-run-'));
  let status: RunStatus = 'FAILED';
  try {
    const prepared = await prepareEnvironment(project.env, {
      projectDir: project.dir,
      // Unset: the project's own environment (a venv for python_env, a container for docker_env), as MLflow.
      ...(options.envManager ? { envManager: options.envManager } : {}),
      cacheDir: options.cacheDir ?? join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'mlflow-ts', 'envs'),
      baseEnv: env,
      trackingEnv: { MLFLOW_TRACKING_URI: client.trackingUri, MLFLOW_RUN_ID: runId, MLFLOW_EXPERIMENT_ID: experimentId },
      log,
    });
    await client.logBatch(runId, { tags: { ...prepared.tags, 'mlflow.project.env': prepared.description } });
    log(`=== Running entry point '${step.entry.name}' (run ${runId}): ${step.built.command}`);
    const result = await runCommand({
      argv: prepared.argv(step.built.command),
      cwd: project.dir,
      env: prepared.env,
      logDir,
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      echo: options.echo ?? { stdout: process.stdout, stderr: process.stderr },
    });
    status = result.status;
    await client.logArtifact(runId, result.stdoutFile, 'logs');
    await client.logArtifact(runId, result.stderrFile, 'logs');
    const how = result.timedOut ? `killed after the ${options.timeoutMs} ms timeout` : result.signal ? `killed by ${result.signal}` : `exit code ${result.exitCode}`;
    log(`=== Entry point '${step.entry.name}' ${status} (${how}); run ${runId}`);
    return { entryPoint: step.entry.name, runId, status, exitCode: result.exitCode };
  } finally {
    // The command's own client may have ended the run; the process's outcome has the last word.
    await client.updateRun(runId, { status, endTime: Date.now() });
    await rm(logDir, { recursive: true, force: true });
  }
}

export async function runProject(options: RunProjectOptions): Promise<ProjectRunResult> {
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => void process.stderr.write(`mlflow-ts: ${line}\n`));
  const names = options.entryPoints?.length ? options.entryPoints : ['main'];
  const source = await resolveSource(options.uri, options.version !== undefined ? { version: options.version } : {});
  try {
    const project = await loadProject(source.dir);
    const steps = plan(project, names, options.params ?? {});
    const { client } = options;
    const experimentId = await experimentIdFor(client, options, env);
    const tags = sourceTags(source, env);

    if (steps.length === 1) {
      const step = steps[0]!;
      const run = await client.createRun({
        experimentId,
        ...(options.runName ? { runName: options.runName } : {}),
        tags: { ...tags, 'mlflow.project.entryPoint': step.entry.name },
      });
      const runId = run.info.run_id;
      if (Object.keys(step.built.params).length) await client.logBatch(runId, { params: step.built.params });
      const result = await runStep(step, project, runId, experimentId, options, env, log);
      return { runId, experimentId, status: result.status, steps: [result] };
    }

    const parent = await client.createRun({
      experimentId,
      ...(options.runName ? { runName: options.runName } : {}),
      tags: { ...tags, 'mlflow.project.entryPoint': names.join(',') },
    });
    const parentId = parent.info.run_id;
    const results: StepResult[] = [];
    let status: RunStatus = 'FINISHED';
    try {
      for (const step of steps) {
        if (options.signal?.aborted) break;
        const child = await client.createRun({
          experimentId,
          runName: step.entry.name,
          tags: { ...tags, 'mlflow.project.entryPoint': step.entry.name, 'mlflow.parentRunId': parentId },
        });
        const childId = child.info.run_id;
        if (Object.keys(step.built.params).length) await client.logBatch(childId, { params: step.built.params });
        const result = await runStep(step, project, childId, experimentId, options, env, log);
        results.push(result);
        if (result.status !== 'FINISHED') {
          // A KILLED step ends the chain (below), so an earlier status here is FINISHED or FAILED.
          status = result.status === 'KILLED' ? 'KILLED' : 'FAILED';
          if (result.status === 'KILLED' || !options.continueOnFailure) break;
        }
      }
    } catch (err) {
      status = 'FAILED';
      throw err;
    } finally {
      await client.updateRun(parentId, { status, endTime: Date.now() });
    }
    return { runId: parentId, experimentId, status, steps: results };
  } finally {
    await source.cleanup();
  }
}
