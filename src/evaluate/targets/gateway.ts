/**
 * A gateway endpoint as a target, through the deployments client (`POST /endpoints/<name>/invocations`),
 * so the gateway's caching, record/replay, limits, pricing and tracing apply to every row. The
 * endpoint's type (asked once) decides the body: chat gets the messages, completions and
 * embeddings get the messages' text as `prompt` / `input`.
 */
import { DeploymentsClient, DeploymentsConnectionError, type PredictResponse } from '../../client/deployments.ts';
import { MlflowApiError } from '../../client/errors.ts';
import type { GatewayTarget } from '../suite.ts';
import type { ChatMessage, EvalRow } from '../types.ts';
import { retryableNetworkError, retryableStatus, TargetError, textOf, type Target, type TargetAnswer, type TargetCallOptions } from './target.ts';
import { chatResponseSchema, completionsResponseSchema, costFromHeaders, embeddingsResponseSchema, embeddingVectors, shapeProblem, tokenCounts } from './unified.ts';

export interface GatewayClientOptions {
  env?: NodeJS.ProcessEnv;
  /** The client's own limit on one call; the executor's timeout normally fires first. */
  timeoutMs?: number;
  /** The client's own retries; 0 for targets, whose retries are the executor's. */
  maxRetries: number;
  /** Calls in flight at once (the suite's concurrency), so none waits for a pooled connection. */
  connections?: number;
}

/** A deployments client for the evaluator; the token comes from `MLFLOW_GATEWAY_AUTH_TOKEN` in `env`. */
export function gatewayClient(gatewayUri: string, options: GatewayClientOptions): DeploymentsClient {
  return new DeploymentsClient(gatewayUri, {
    maxRetries: options.maxRetries,
    ...(options.connections !== undefined ? { connections: options.connections } : {}),
    ...(options.env ? { env: options.env } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs, requestTimeoutMs: options.timeoutMs } : {}),
  });
}

/** What a failed gateway call tells: status, whether a retry may help, and the gateway's (already redacted) words. */
export function gatewayFailure(err: unknown): { message: string; status?: number; retryable: boolean; retryAfterMs?: number } | undefined {
  if (err instanceof MlflowApiError) return { message: err.message, status: err.status, retryable: retryableStatus(err.status) };
  if (err instanceof DeploymentsConnectionError) return { message: err.message, retryable: retryableNetworkError(err.cause) };
  return undefined;
}

type EndpointKind = 'chat' | 'completions' | 'embeddings';

function kindOf(endpointType: string): EndpointKind | undefined {
  if (endpointType === 'llm/v1/chat') return 'chat';
  if (endpointType === 'llm/v1/completions') return 'completions';
  if (endpointType === 'llm/v1/embeddings') return 'embeddings';
  return undefined;
}

/** The messages as one prompt, for endpoints that take text (a suite's `prompt` is one message). */
function promptText(messages: readonly ChatMessage[]): string {
  return messages.map((m) => m.content).join('\n\n');
}

export class GatewayEndpointTarget implements Target {
  readonly name: string;
  readonly needsMessages = true;
  readonly #spec: GatewayTarget;
  readonly #client: DeploymentsClient;
  #kind: Promise<EndpointKind> | undefined;

  constructor(spec: GatewayTarget, client: DeploymentsClient) {
    this.name = spec.name;
    this.#spec = spec;
    this.#client = client;
  }

  async call(_row: EvalRow, messages: readonly ChatMessage[] | undefined, options: TargetCallOptions): Promise<TargetAnswer> {
    const kind = await this.#endpointKind();
    const params = this.#spec.params;
    const inputs =
      kind === 'chat'
        ? { ...params, messages: messages ?? [] }
        : kind === 'completions'
          ? { ...params, prompt: promptText(messages ?? []) }
          : { ...params, input: promptText(messages ?? []) };
    let body: PredictResponse;
    let headers: Record<string, string | string[] | undefined>;
    try {
      ({ body, headers } = await this.#client.predictWithHeaders({ endpoint: this.#spec.endpoint, inputs }, { headers: options.headers, signal: options.signal }));
    } catch (err) {
      throw this.#error(err);
    }
    const answer = this.#read(kind, body);
    const costUsd = costFromHeaders(headers);
    return costUsd === undefined ? answer : { ...answer, costUsd };
  }

  async close(): Promise<void> {
    await this.#client.close();
  }

  #read(kind: EndpointKind, body: PredictResponse): TargetAnswer {
    const bad = (problem: string): TargetError =>
      new TargetError(this.name, `gateway endpoint '${this.#spec.endpoint}' answered with an unexpected ${kind} shape (${problem}).`, { retryable: false });
    if (kind === 'embeddings') {
      const parsed = embeddingsResponseSchema.safeParse(body);
      if (!parsed.success) throw bad(shapeProblem(parsed.error));
      const vector = embeddingVectors(parsed.data)[0] ?? [];
      const usage = tokenCounts(parsed.data.usage);
      return { text: textOf(vector), value: vector, ...(usage ? { usage } : {}) };
    }
    const parsed = kind === 'chat' ? chatResponseSchema.safeParse(body) : completionsResponseSchema.safeParse(body);
    if (!parsed.success) throw bad(shapeProblem(parsed.error));
    const choice = parsed.data.choices[0]!;
    const text = ('message' in choice ? (choice.message as { content?: string | null }).content : (choice as { text?: string | null }).text) ?? '';
    const usage = tokenCounts(parsed.data.usage);
    return { text, value: text, ...(usage ? { usage } : {}) };
  }

  /** The endpoint's type, asked once; a failed lookup is asked again by the next row. */
  #endpointKind(): Promise<EndpointKind> {
    this.#kind ??= this.#client.getEndpoint(this.#spec.endpoint).then(
      (endpoint) => {
        const kind = kindOf(endpoint.endpoint_type);
        if (!kind) {
          throw new TargetError(this.name, `gateway endpoint '${this.#spec.endpoint}' has type '${endpoint.endpoint_type}', which the evaluator cannot call. Use a chat, completions or embeddings endpoint.`, {
            retryable: false,
          });
        }
        return kind;
      },
      (err: unknown) => {
        this.#kind = undefined;
        if (err instanceof MlflowApiError && err.status === 404) {
          throw new TargetError(this.name, `the gateway at ${this.#client.target} has no endpoint '${this.#spec.endpoint}'. Check the name against the gateway's config file.`, {
            status: 404,
            retryable: false,
          });
        }
        throw this.#error(err);
      },
    );
    return this.#kind;
  }

  #error(err: unknown): unknown {
    const failure = gatewayFailure(err);
    if (!failure) return err;
    return new TargetError(this.name, `gateway endpoint '${this.#spec.endpoint}': ${failure.message}`, { ...failure, cause: err });
  }
}
