/**
 * What a model provider is to the gateway: a module that translates the unified schemas
 * (`../schemas.ts`) to its vendor's API and back. Built-in providers and users' custom provider
 * modules implement the same `ProviderModule` (MLflow's plugin-provider idea), and the registry
 * (`./registry.ts`) maps MLflow's provider names to them.
 *
 * A provider module exports a zod schema of its `model.config` keys, so an unknown key is a
 * start-up error naming it, and `create()` which builds a `Provider` for one endpoint.
 */
import type { z } from 'zod';
import type {
  ChatChunk,
  ChatRequest,
  ChatResponse,
  CompletionsChunk,
  CompletionsRequest,
  CompletionsResponse,
  EmbeddingsRequest,
  EmbeddingsResponse,
  EndpointType,
} from '../schemas.ts';
import type { Upstream } from '../upstream.ts';

/** Per-request context handed to a provider. */
export interface ProviderCall {
  /** Aborts when the caller disconnects or the request's deadline passes. */
  signal: AbortSignal;
  /** Whole-call deadline in ms, from the endpoint's `timeout`; undefined means none of ours. */
  timeoutMs?: number;
}

/** A vendor-native request forwarded as-is (the provider-native fronts when vendors match). */
export interface PassthroughRequest {
  /** The front's vendor. */
  vendor: 'openai' | 'anthropic' | 'gemini';
  /** Vendor path after its version prefix, e.g. `chat/completions`, `messages`, `models/x:generateContent`. */
  operation: string;
  /** The caller's body as sent; `model` names the endpoint, and the provider puts its own model in. */
  body: Record<string, unknown>;
  stream: boolean;
  /** Query parameters to forward (e.g. Gemini's `alt=sse`). */
  query?: Record<string, string>;
  /** Caller headers the vendor API reads (e.g. `anthropic-beta`), already allow-listed by the route; never credentials. */
  headers?: Record<string, string>;
}

export interface PassthroughResponse {
  status: number;
  headers: Record<string, string>;
  body: AsyncIterable<Uint8Array>;
}

export interface Provider {
  /** Normalised provider name (`openai`, `anthropic`, ...), used in responses and errors. */
  readonly name: string;
  /** The upstream model this endpoint calls. */
  readonly model: string;
  chat(request: ChatRequest, call: ProviderCall): Promise<ChatResponse>;
  chatStream(request: ChatRequest, call: ProviderCall): AsyncIterable<ChatChunk>;
  completions(request: CompletionsRequest, call: ProviderCall): Promise<CompletionsResponse>;
  completionsStream(request: CompletionsRequest, call: ProviderCall): AsyncIterable<CompletionsChunk>;
  embeddings(request: EmbeddingsRequest, call: ProviderCall): Promise<EmbeddingsResponse>;
  /**
   * Forwards a vendor-native request unchanged when this provider speaks that vendor's API
   * (MLflow's passthrough routes return the upstream bytes verbatim). Returns undefined when it
   * does not, and the front translates through the unified schema instead.
   */
  passthrough?(request: PassthroughRequest, call: ProviderCall): Promise<PassthroughResponse | undefined>;
  /**
   * Whether `passthrough` would forward this request, asked before any governance runs so a
   * declined request is translated without spending a rate-limit token twice.
   */
  accepts?(request: Pick<PassthroughRequest, 'vendor' | 'operation'>): boolean;
}

/** What `create()` gets: the endpoint's model block (config already validated) and shared services. */
export interface ProviderInit<Config> {
  /** The endpoint's name, for messages. */
  endpoint: string;
  endpointType: EndpointType;
  model: string;
  config: Config;
  upstream: Upstream;
}

export interface ProviderModule<Schema extends z.ZodType = z.ZodType> {
  /** MLflow's provider name (`openai`, `anthropic`, `mlflow-model-serving`, ...). */
  name: string;
  /** Other names that select this module (`azure`, `amazon-bedrock`, ...). */
  aliases?: readonly string[];
  /** The keys `model.config` may hold; strict, so a key we do not implement fails start-up. */
  configSchema: Schema;
  /** Endpoint types this provider can back; others fail start-up with a message naming both. */
  endpointTypes: readonly EndpointType[];
  create(init: ProviderInit<z.output<Schema>>): Provider;
}

/** Builds a Provider from its module, so custom modules type-check without importing zod types. */
export function defineProvider<Schema extends z.ZodType>(module: ProviderModule<Schema>): ProviderModule<Schema> {
  return module;
}
