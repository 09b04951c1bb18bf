/**
 * The chat and embeddings calls scorers make (`llm_judge`, `embedding_similarity`), through
 * gateway endpoints: the judge's calls are cached, recorded, priced and traced like any other.
 * Calls carry the active span's `traceparent`, so a judge called inside a traced span joins that
 * trace, and `X-MLflow-Gateway-Caller` so the gateway's logs tell judge calls from model calls.
 * Unlike targets, these calls retry on their own: the executor retries targets, not scorers.
 */
import type { DeploymentsClient, PredictRequest, PredictResult } from '../client/deployments.ts';
import { getTracingContextHeadersForHttpRequest } from '../tracing/distributed.ts';
import { gatewayClient, gatewayFailure } from './targets/gateway.ts';
import { chatResponseSchema, costFromHeaders, embeddingsResponseSchema, embeddingVectors, shapeProblem, tokenCounts } from './targets/unified.ts';
import { ScorerError, type ChatMessage, type ScorerServices, type TargetOutput } from './types.ts';

export interface GatewayServicesOptions {
  /** Where `MLFLOW_GATEWAY_AUTH_TOKEN` comes from; default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Retries of a call after 429/5xx or a dropped connection; default 2. */
  retries?: number;
  /** How long one call may take; default the deployments client's (120 s). */
  timeoutMs?: number;
}

export interface GatewayScorerServices extends ScorerServices {
  /** Lets go of the gateway connections. */
  close(): Promise<void>;
}

const DEFAULT_RETRIES = 2;

/**
 * Scorer services through the gateway at `gatewayUri`. An empty address is allowed (a suite
 * without judge or embedding scorers needs none); a call then fails as the row's scorer error.
 */
export function gatewayServices(gatewayUri: string, options: GatewayServicesOptions = {}): GatewayScorerServices {
  let client: DeploymentsClient | undefined;
  const clientOf = (): DeploymentsClient => {
    if (!gatewayUri) throw new ScorerError('this scorer calls a gateway endpoint, but no gateway address is set. Pass --gateway-uri, set MLFLOW_GATEWAY_URI, or add gateway_uri to the suite.');
    client ??= gatewayClient(gatewayUri, {
      maxRetries: options.retries ?? DEFAULT_RETRIES,
      ...(options.env ? { env: options.env } : {}),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    });
    return client;
  };

  const predict = async (request: PredictRequest, caller: string, signal: AbortSignal | undefined): Promise<PredictResult> => {
    const headers = { ...getTracingContextHeadersForHttpRequest(), 'x-mlflow-gateway-caller': caller };
    try {
      return await clientOf().predictWithHeaders(request, { headers, ...(signal ? { signal } : {}) });
    } catch (err) {
      const failure = gatewayFailure(err);
      if (!failure) throw err;
      throw new ScorerError(`gateway endpoint '${request.endpoint}' (${caller}): ${failure.message}`, { cause: err });
    }
  };

  return {
    async chat(endpoint: string, messages: readonly ChatMessage[], callOptions: { temperature?: number; signal?: AbortSignal } = {}): Promise<TargetOutput> {
      const started = performance.now();
      const inputs = callOptions.temperature === undefined ? { messages } : { messages, temperature: callOptions.temperature };
      const { body, headers } = await predict({ endpoint, inputs }, 'judge', callOptions.signal);
      const parsed = chatResponseSchema.safeParse(body);
      if (!parsed.success) throw new ScorerError(`gateway endpoint '${endpoint}' did not answer with a chat completion (${shapeProblem(parsed.error)}). Is it a chat endpoint?`);
      const text = parsed.data.choices[0]!.message.content ?? '';
      const usage = tokenCounts(parsed.data.usage);
      const costUsd = costFromHeaders(headers);
      return { text, value: text, latencyMs: performance.now() - started, ...(usage ? { usage } : {}), ...(costUsd !== undefined ? { costUsd } : {}) };
    },

    async embed(endpoint: string, inputs: readonly string[], callOptions: { signal?: AbortSignal } = {}): Promise<number[][]> {
      const { body } = await predict({ endpoint, inputs: { input: inputs } }, 'embedding', callOptions.signal);
      const parsed = embeddingsResponseSchema.safeParse(body);
      if (!parsed.success) throw new ScorerError(`gateway endpoint '${endpoint}' did not answer with embeddings (${shapeProblem(parsed.error)}). Is it an embeddings endpoint?`);
      const vectors = embeddingVectors(parsed.data);
      if (vectors.length !== inputs.length) throw new ScorerError(`gateway endpoint '${endpoint}' answered ${vectors.length} embeddings for ${inputs.length} inputs.`);
      return vectors;
    },

    async close(): Promise<void> {
      await client?.close();
    },
  };
}
