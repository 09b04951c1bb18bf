/**
 * The action's main step (dist/action-main/index.js). Mode `run`: servers up, entry points and
 * evaluations run, verdict recorded, report published, servers stopped. Mode `start`: servers up
 * and detached, their addresses exported for later steps; the post step does the rest. Mode
 * `comment`: post the report a pull request's run uploaded (see comment.ts).
 */
import { mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as core from '@actions/core';
import { MlflowClient } from '../client/index.ts';
import type { GateResult } from '../report/gates/index.ts';
import { resolveBaseline, type BaselineResult } from './baseline.ts';
import { artifactNameOf } from './context.ts';
import { failureMessage, finish } from './finish.ts';
import { describeEntryPoint, runEntryPoint, runEvaluations } from './pipeline.ts';
import { bundledCli, childEnv, logTail, serverVariables, startServers, stopProcessGroup, type ServerSet } from './servers.ts';
import { failureText, openSession, type Session } from './session.ts';
import { saveActionState, type ActionState } from './state.ts';

async function loadGatewaySecrets(session: Session): Promise<void> {
  const { gatewayConfig, gatewayReplay } = session.inputs;
  if (gatewayConfig === undefined) return;
  const { loadGatewayConfig } = await import('../gateway/config.ts');
  const config = await loadGatewayConfig(gatewayConfig, { env: process.env, offline: gatewayReplay !== undefined });
  session.addSecrets(config.secrets);
}

async function bringUp(session: Session): Promise<{ servers: ServerSet; state: ActionState }> {
  const { inputs, ctx } = session;
  const since = Date.now();
  const dir = await mkdtemp(path.join(ctx.tempDir, 'mlflow-ts-'));
  const [secrets, started] = await Promise.allSettled([
    loadGatewaySecrets(session),
    startServers({
      cli: bundledCli(),
      dir,
      env: process.env,
      ...(inputs.trackingUri ? { trackingUri: inputs.trackingUri } : {}),
      ...(inputs.trackingToken ? { trackingToken: inputs.trackingToken } : {}),
      ...(inputs.gatewayConfig ? { gatewayConfig: inputs.gatewayConfig } : {}),
      ...(inputs.gatewayReplay ? { gatewayReplay: inputs.gatewayReplay } : {}),
    }),
  ]);
  if (secrets.status === 'rejected') {
    // A config the gateway cannot use: its own error says what is wrong, better than the server's exit.
    if (started.status === 'fulfilled') await stopServers(started.value);
    throw secrets.reason;
  }
  if (started.status === 'rejected') throw started.reason;
  const servers = started.value;
  const state: ActionState = {
    mode: inputs.mode === 'start' ? 'start' : 'run',
    ...(servers.pid !== undefined ? { pid: servers.pid } : {}),
    ...(servers.logFile !== undefined ? { logFile: servers.logFile } : {}),
    trackingUri: servers.trackingUri,
    ...(servers.gatewayUri !== undefined ? { gatewayUri: servers.gatewayUri } : {}),
    ephemeral: servers.ephemeral,
    since,
    reported: false,
  };
  // Saved before anything else can fail, so the post step stops what was started.
  saveActionState(state);
  core.debug(`timing ready_ms=${performance.now().toFixed(1)}`);
  core.info(`Tracking server: ${servers.trackingUri}${servers.ephemeral ? ' (ephemeral)' : ''}${servers.gatewayUri ? `; gateway: ${servers.gatewayUri}` : ''}`);
  core.setOutput('tracking-uri', servers.trackingUri);
  core.setOutput('gateway-uri', servers.gatewayUri ?? '');
  return { servers, state };
}

async function stopServers(servers: ServerSet): Promise<void> {
  if (servers.pid === undefined) return;
  const how = await stopProcessGroup(servers.pid);
  if (how === 'killed') core.warning(`The mlflow-ts server did not stop within 10 s and was killed. Its last output:\n${servers.logFile ? await logTail(servers.logFile) : ''}`);
}

async function runMode(session: Session, servers: ServerSet, state: ActionState): Promise<void> {
  const { inputs, ctx } = session;
  const vars = serverVariables(servers, process.env, inputs.trackingToken);
  // evaluate() and the tracing exporter in this process read the token from the environment.
  if (inputs.trackingToken) process.env.MLFLOW_TRACKING_TOKEN = inputs.trackingToken;
  const env = childEnv(process.env, vars);
  const client = new MlflowClient({ trackingUri: servers.trackingUri, ...(inputs.trackingToken ? { token: inputs.trackingToken } : {}) });
  const octokit = await session.octokit();
  const remote = inputs.baseline.kind === 'tracking' ? client : undefined;
  // The baseline is looked up while the entry points run.
  const baseline: Promise<BaselineResult> = mkdtemp(path.join(ctx.tempDir, 'mlflow-ts-baseline-')).then((downloadDir) =>
    resolveBaseline({ spec: inputs.baseline, ctx, artifactName: artifactNameOf(inputs.artifactName, ctx), octokit, token: inputs.githubToken, downloadDir, remote, before: state.since, secrets: session.secrets.values }),
  );

  if (inputs.entryPoints.length === 0 && inputs.evalSuites.length === 0) {
    core.warning('Nothing to run: `entry-points` and `eval` are both empty. Set one, or use `mode: start` and run them in later steps.');
  }
  const problems: string[] = [];
  const runIds = new Set<string>();
  const experimentIds = new Set<string>();
  const cli = bundledCli();
  for (const spec of inputs.entryPoints) {
    const outcome = await core.group(`Entry point ${describeEntryPoint(spec)}`, () => runEntryPoint({ cli, project: inputs.project, spec, experimentName: inputs.experimentName, env }));
    if (outcome.runId) runIds.add(outcome.runId);
    if (outcome.experimentId) experimentIds.add(outcome.experimentId);
    if (outcome.status !== 'FINISHED') problems.push(`Entry point ${describeEntryPoint(spec)} ended ${outcome.status}${outcome.exitCode !== null && outcome.exitCode !== 0 ? ` (exit code ${outcome.exitCode})` : ''}.`);
  }
  const evaluations = await runEvaluations({ suites: inputs.evalSuites, client, trackingUri: servers.trackingUri, gatewayUri: servers.gatewayUri, experimentName: inputs.experimentName, env });
  const evalGates = new Map<string, readonly GateResult[]>();
  for (const e of evaluations) {
    if (e.error !== undefined) problems.push(`Evaluation ${e.suite} could not run: ${e.error}`);
    if (e.experimentId) experimentIds.add(e.experimentId);
    for (const id of e.runIds) runIds.add(id);
    for (const [id, gates] of e.gates) evalGates.set(id, gates);
  }
  const lastRunDone = performance.now();

  let released = false;
  const release = async (): Promise<void> => {
    released = true;
    await client.close();
    await stopServers(servers);
  };
  try {
    const result = await finish({
      inputs,
      ctx,
      secrets: session.secrets,
      client,
      ephemeral: servers.ephemeral,
      knownRuns: { runIds, experimentIds },
      evalGates,
      problems,
      baseline,
      since: state.since,
      octokit,
      releaseServers: release,
      onPosted: () => core.debug(`timing report_ms=${(performance.now() - lastRunDone).toFixed(1)}`),
    });
    saveActionState({ ...state, reported: true });
    const failure = failureMessage(result, problems, inputs.failOn);
    if (failure) core.setFailed(session.secrets.scrub(failure));
  } finally {
    if (!released) await release();
  }
}

function startMode(session: Session, servers: ServerSet): void {
  const vars = serverVariables(servers, process.env, session.inputs.trackingToken);
  for (const [name, value] of Object.entries(vars)) core.exportVariable(name, value);
  core.setOutput('run-ids', '[]');
  core.info(`Exported ${Object.keys(vars).join(', ')} for the next steps; the post step compares, judges the gates and reports.`);
}

export async function main(): Promise<void> {
  let session: Session;
  try {
    session = openSession();
  } catch (error) {
    core.setFailed(failureText(error));
    return;
  }
  const { inputs, ctx } = session;
  try {
    if (inputs.mode === 'comment') {
      const octokit = await session.octokit();
      const { commentMode } = await import('./comment.ts');
      await commentMode({ inputs, ctx, secrets: session.secrets, octokit: octokit!, token: inputs.githubToken!, downloadDir: await mkdtemp(path.join(ctx.tempDir, 'mlflow-ts-comment-')) });
      return;
    }
    const { servers, state } = await bringUp(session);
    if (inputs.mode === 'start') {
      startMode(session, servers);
      return;
    }
    await runMode(session, servers, state);
  } catch (error) {
    core.setFailed(session.secrets.scrub(failureText(error)));
  }
}

await main();
