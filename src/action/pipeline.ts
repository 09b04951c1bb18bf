/**
 * Mode `run`'s work between starting the servers and judging: each entry point through the bundled
 * CLI's `mlflow-ts run` (a child process, its output streamed into a log group), then each
 * evaluation suite through evaluate(). A failed entry point or evaluation is a problem reported
 * with the results and fails the step at the end; it does not stop the rest, so the report shows
 * everything that did run.
 */
import { spawn } from 'node:child_process';
import * as core from '@actions/core';
import type { MlflowClient } from '../client/index.ts';
import type { GateResult } from '../report/gates/index.ts';
import type { EntryPointSpec } from './inputs.ts';

export interface EntryPointOutcome {
  spec: EntryPointSpec;
  runId: string | undefined;
  experimentId: string | undefined;
  status: string;
  exitCode: number | null;
}

/** The CLI's last line for a project run: `mlflow-ts: run <id> in experiment <id> <STATUS>`. */
const RUN_LINE = /mlflow-ts: run (\S+) in experiment (\S+) ([A-Z]+)/g;

export function entryPointArgs(cli: string, project: string, spec: EntryPointSpec, experimentName: string | undefined): string[] {
  return [
    cli,
    'run',
    project,
    '-e',
    spec.name,
    ...Object.entries(spec.params).flatMap(([k, v]) => ['-P', `${k}=${v}`]),
    ...(experimentName ? ['--experiment-name', experimentName] : []),
  ];
}

export function describeEntryPoint(spec: EntryPointSpec): string {
  const params = Object.entries(spec.params).map(([k, v]) => `${k}=${v}`);
  return params.length > 0 ? `${spec.name} (${params.join(' ')})` : spec.name;
}

/** Runs one entry point as `mlflow-ts run`, its output passed through as it comes. */
export function runEntryPoint(options: { cli: string; project: string; spec: EntryPointSpec; experimentName: string | undefined; env: NodeJS.ProcessEnv }): Promise<EntryPointOutcome> {
  const { spec } = options;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, entryPointArgs(options.cli, options.project, spec, options.experimentName), { env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => process.stdout.write(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      // Only the end matters (the run line); keep memory bounded on chatty scripts.
      stderr = (stderr + chunk.toString('utf8')).slice(-8192);
    });
    const finish = (exitCode: number | null, error?: Error): void => {
      const last = [...stderr.matchAll(RUN_LINE)].at(-1);
      resolve({
        spec,
        runId: last?.[1],
        experimentId: last?.[2],
        status: last?.[3] ?? (error ? `could not start (${error.message})` : 'FAILED'),
        exitCode,
      });
    };
    child.once('error', (error) => finish(null, error));
    child.once('close', (code) => finish(code));
  });
}

export interface EvaluationOutcome {
  suite: string;
  experimentId?: string;
  /** Parent run and per-target runs. */
  runIds: string[];
  /** Gate results per target run id, as evaluate() judged them. */
  gates: Map<string, GateResult[]>;
  passed?: boolean;
  error?: string;
}

export interface RunEvaluationsOptions {
  suites: readonly string[];
  client: MlflowClient;
  trackingUri: string;
  gatewayUri: string | undefined;
  experimentName: string | undefined;
  /** The environment targets (commands) and scorers see. */
  env: NodeJS.ProcessEnv;
}

/** Evaluates each suite in turn; a suite that cannot run is an outcome with `error`, not a throw. */
export async function runEvaluations(options: RunEvaluationsOptions): Promise<EvaluationOutcome[]> {
  if (options.suites.length === 0) return [];
  const { evaluate, formatEvaluation, loadSuite } = await import('../evaluate/index.ts');
  const outcomes: EvaluationOutcome[] = [];
  for (const file of options.suites) {
    outcomes.push(
      await core.group(`Evaluation ${file}`, async (): Promise<EvaluationOutcome> => {
        try {
          const suite = await loadSuite(file);
          const report = await evaluate({
            suite,
            client: options.client,
            trackingUri: options.trackingUri,
            env: options.env,
            progress: process.stdout,
            ...(options.gatewayUri ? { gatewayUri: options.gatewayUri } : {}),
            ...(suite.experimentName === undefined && options.experimentName ? { experimentName: options.experimentName } : {}),
          });
          process.stdout.write(formatEvaluation(report));
          return {
            suite: file,
            experimentId: report.experimentId,
            runIds: [report.parentRunId, ...report.targets.map((t) => t.runId)],
            gates: new Map(report.targets.map((t) => [t.runId, t.gates])),
            passed: report.passed,
          };
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          core.error(`Evaluation ${file} could not run: ${message}`);
          return { suite: file, runIds: [], gates: new Map(), error: message };
        }
      }),
    );
  }
  return outcomes;
}
