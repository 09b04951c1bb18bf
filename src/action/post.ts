/**
 * The action's post step (dist/action-post/index.js), run by the runner after the job's steps
 * whatever happened to them (`post-if: always()`). In mode `start` it exports the runs the job's
 * steps logged, judges the gates, publishes the report and uploads the results; in every mode it
 * then stops the servers the main step started, so no process outlives the job, even when the
 * main step failed half-way.
 */
import { mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import * as core from '@actions/core';
import { MlflowClient } from '../client/index.ts';
import { resolveBaseline } from './baseline.ts';
import { artifactNameOf } from './context.ts';
import { failureMessage, finish } from './finish.ts';
import { logTail, stopProcessGroup } from './servers.ts';
import { failureText, openSession } from './session.ts';
import { loadActionState, saveActionState, type ActionState } from './state.ts';

async function stop(state: ActionState): Promise<void> {
  if (state.pid === undefined) return;
  const how = await stopProcessGroup(state.pid);
  if (how === 'gone') core.debug(`The servers (process group ${state.pid}) had already stopped.`);
  else if (how === 'killed') core.warning(`The mlflow-ts server ignored SIGTERM for 10 s and was killed. Its last output:\n${state.logFile ? await logTail(state.logFile) : ''}`);
  else core.info('Stopped the mlflow-ts servers.');
}

async function report(state: ActionState): Promise<void> {
  const session = openSession();
  const { inputs, ctx } = session;
  const client = new MlflowClient({ trackingUri: state.trackingUri, ...(inputs.trackingToken ? { token: inputs.trackingToken } : {}) });
  let released = false;
  const release = async (): Promise<void> => {
    released = true;
    await client.close();
    await stop(state);
  };
  try {
    const octokit = await session.octokit();
    const downloadDir = await mkdtemp(path.join(ctx.tempDir, 'mlflow-ts-baseline-'));
    const baseline = resolveBaseline({
      spec: inputs.baseline,
      ctx,
      artifactName: artifactNameOf(inputs.artifactName, ctx),
      octokit,
      token: inputs.githubToken,
      downloadDir,
      remote: inputs.baseline.kind === 'tracking' ? client : undefined,
      before: state.since,
      secrets: session.secrets.values,
    });
    const problems: string[] = [];
    const result = await finish({
      inputs,
      ctx,
      secrets: session.secrets,
      client,
      ephemeral: state.ephemeral,
      problems,
      baseline,
      since: state.since,
      octokit,
      releaseServers: release,
    });
    saveActionState({ ...state, reported: true });
    const failure = failureMessage(result, problems, inputs.failOn);
    if (failure) core.setFailed(session.secrets.scrub(failure));
  } catch (error) {
    core.setFailed(session.secrets.scrub(`The post step could not report: ${failureText(error)}`));
  } finally {
    if (!released) await release();
  }
}

export async function post(): Promise<void> {
  const state = loadActionState();
  if (!state) {
    core.debug('The main step started nothing: nothing to stop.');
    return;
  }
  try {
    if (state.mode === 'start' && !state.reported) await report(state);
  } finally {
    await stop(state);
  }
}

try {
  await post();
} catch (error) {
  core.setFailed(failureText(error));
}
