/**
 * Targets by kind: the factory from a suite's resolved target to the object the executor calls.
 * A new kind is one file plus a case here.
 */
import type { SuiteTarget } from '../suite.ts';
import { CommandLineTarget } from './command.ts';
import { GatewayEndpointTarget, gatewayClient } from './gateway.ts';
import { ModelServerEndpointTarget } from './model-server.ts';
import { OpenAiCompatibleTarget } from './openai.ts';
import { TargetError, type Target } from './target.ts';

export { TargetError, type Target, type TargetAnswer, type TargetCallOptions } from './target.ts';

export interface CreateTargetOptions {
  /** Needed by gateway targets. */
  gatewayUri?: string | undefined;
  /** Where `api_key_env`, `MLFLOW_GATEWAY_AUTH_TOKEN` and commands' environment come from; default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** The deployments client's own limit per call; set it to the suite's timeout when that is above the client's default (120 s). */
  timeoutMs?: number;
  /** Calls in flight at once (the suite's concurrency). */
  concurrency?: number;
}

/** Throws TargetError when the target cannot work at all (no gateway address, an unset key variable). */
export function createTarget(spec: SuiteTarget, options: CreateTargetOptions = {}): Target {
  const env = options.env ?? process.env;
  switch (spec.kind) {
    case 'gateway': {
      if (!options.gatewayUri) {
        throw new TargetError(spec.name, 'a gateway target needs the gateway\'s address. Pass --gateway-uri, set MLFLOW_GATEWAY_URI, or add gateway_uri to the suite.', { retryable: false });
      }
      const client = gatewayClient(options.gatewayUri, { env, maxRetries: 0,
        ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
        ...(options.concurrency !== undefined ? { connections: options.concurrency } : {}),
      });
      return new GatewayEndpointTarget(spec, client);
    }
    case 'openai':
      return new OpenAiCompatibleTarget(spec, env);
    case 'model_server':
      return new ModelServerEndpointTarget(spec);
    case 'command':
      return new CommandLineTarget(spec, env);
  }
}
