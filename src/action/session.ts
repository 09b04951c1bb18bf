/**
 * What the main and post steps both start from: the inputs (validated), the run's context, the
 * secrets (registered with the runner before anything else is printed), and a GitHub client made
 * on first use, so starting the servers does not wait for Octokit to load.
 */
import os from 'node:os';
import * as core from '@actions/core';
import { readRunContext, type RunContext } from './context.ts';
import type { Octokit } from './github.ts';
import { readInputs, type ActionInputs } from './inputs.ts';
import { collectSecrets, registerSecrets, type Secrets } from './secrets.ts';

export interface Session {
  inputs: ActionInputs;
  ctx: RunContext;
  secrets: Secrets;
  /** Adds secrets learnt later (the gateway's resolved keys). */
  addSecrets(values: readonly string[]): void;
  /** undefined when the github-token input is empty. */
  octokit(): Promise<Octokit | undefined>;
}

export function openSession(env: NodeJS.ProcessEnv = process.env): Session {
  const inputs = readInputs((name) => core.getInput(name));
  const ctx = readRunContext(env, inputs.matrix, env.RUNNER_TEMP || os.tmpdir());
  const secrets = registerSecrets(collectSecrets({ githubToken: inputs.githubToken, trackingToken: inputs.trackingToken, env }), (s) => core.setSecret(s));
  let client: Promise<Octokit | undefined> | undefined;
  const session: Session = {
    inputs,
    ctx,
    secrets,
    addSecrets(values) {
      const known = new Set(session.secrets.values);
      const fresh = collectSecrets({ gateway: values, env: {} }).filter((v) => !known.has(v));
      for (const value of fresh) core.setSecret(value);
      if (fresh.length > 0) session.secrets = registerSecrets(collectSecrets({ gateway: [...known, ...fresh], env: {} }), () => undefined);
    },
    octokit() {
      client ??= inputs.githubToken === undefined ? Promise.resolve(undefined) : import('./github.ts').then(({ createOctokit }) => createOctokit(inputs.githubToken!));
      return client;
    },
  };
  return session;
}

/** A failure as the one line (or table) the step ends with; input errors already name the input. */
export function failureText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
