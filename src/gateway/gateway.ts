/**
 * The gateway's runtime: the current config with one Provider per endpoint, swapped atomically on
 * reload, and the operations every front calls (chat, completions, embeddings, passthrough).
 * A name resolves to an endpoint, or to a traffic-split route that picks one of its destinations
 * by weight. Fronts never talk to providers directly, so governance (limits, retries, fallbacks,
 * cache, tracing) has one place to live.
 */
import type { EndpointConfig, GatewayConfig, TrafficRouteConfig } from './config.ts';
import { GatewayError } from './errors.ts';
import type { PassthroughRequest, PassthroughResponse, Provider, ProviderCall } from './providers/provider.ts';
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
} from './schemas.ts';
import { Redactor } from './secrets.ts';
import { Upstream } from './upstream.ts';

export interface EndpointRuntime {
  config: EndpointConfig;
  provider: Provider;
}

/** What `/api/2.0/endpoints` shows: never the model's config (it holds keys). */
export interface EndpointDescription {
  name: string;
  endpoint_type: EndpointType;
  model: { name: string; provider: string };
  endpoint_url: string;
  limit: { calls: number; key: string | null; renewal_period: string } | null;
}

interface State {
  config: GatewayConfig;
  endpoints: Map<string, EndpointRuntime>;
  routes: Map<string, TrafficRouteConfig>;
  redactor: Redactor;
}

export interface GatewayOptions {
  upstream?: Upstream;
  /** For traffic splits; tests pass a seeded one. */
  random?: () => number;
}

const OPERATION_TYPE = { chat: 'llm/v1/chat', completions: 'llm/v1/completions', embeddings: 'llm/v1/embeddings' } as const;
type Operation = keyof typeof OPERATION_TYPE;

export class Gateway {
  readonly upstream: Upstream;
  private state: State;
  private readonly random: () => number;
  private readonly ownsUpstream: boolean;

  constructor(config: GatewayConfig, options: GatewayOptions = {}) {
    this.ownsUpstream = options.upstream === undefined;
    this.upstream = options.upstream ?? new Upstream();
    this.random = options.random ?? Math.random;
    this.state = this.build(config);
  }

  /** Builds providers for a new config and swaps it in only if every one of them builds. */
  reload(config: GatewayConfig): void {
    this.state = this.build(config);
  }

  get config(): GatewayConfig {
    return this.state.config;
  }

  get redactor(): Redactor {
    return this.state.redactor;
  }

  private build(config: GatewayConfig): State {
    const endpoints = new Map<string, EndpointRuntime>();
    for (const e of config.endpoints) {
      const provider = e.module.create({ endpoint: e.name, endpointType: e.endpoint_type, model: e.model.name, config: e.model.config, upstream: this.upstream });
      endpoints.set(e.name, { config: e, provider });
    }
    return { config, endpoints, routes: new Map(config.routes.map((r) => [r.name, r])), redactor: new Redactor(config.secrets) };
  }

  /** Endpoint and route names, for "did you mean" messages and `/v1/models`. */
  names(): string[] {
    return [...this.state.endpoints.keys(), ...this.state.routes.keys()];
  }

  describeAll(): EndpointDescription[] {
    return this.state.config.endpoints.map((e) => describe(e));
  }

  describe(name: string): EndpointDescription | undefined {
    const e = this.state.endpoints.get(name);
    return e ? describe(e.config) : undefined;
  }

  /** The endpoint a name selects now (a route picks a destination by its traffic percentages). */
  resolve(name: string): EndpointRuntime {
    const { endpoints, routes } = this.state;
    const direct = endpoints.get(name);
    if (direct) return direct;
    const route = routes.get(name);
    if (route) {
      let roll = this.random() * 100;
      for (const d of route.destinations) {
        roll -= d.traffic_percentage;
        if (roll < 0) return endpoints.get(d.name)!;
      }
      return endpoints.get(route.destinations.at(-1)!.name)!;
    }
    const known = this.names();
    throw new GatewayError(
      'not_found',
      `No endpoint named '${name}'. ${known.length ? `Configured endpoints: ${known.join(', ')}.` : 'The gateway config has no endpoints.'} Add it to the gateway config file or use one of these names.`,
    );
  }

  private forOperation(name: string, operation: Operation): EndpointRuntime {
    const e = this.resolve(name);
    const wanted = OPERATION_TYPE[operation];
    if (e.config.endpoint_type !== wanted) {
      throw new GatewayError(
        'invalid_request',
        `Endpoint '${name}' is of type ${e.config.endpoint_type}, but this request is ${wanted}. Send it to an ${wanted} endpoint or use the route for ${e.config.endpoint_type}.`,
      );
    }
    return e;
  }

  private call(e: EndpointRuntime, signal: AbortSignal): ProviderCall {
    const t = e.config.timeout_seconds;
    return t === undefined ? { signal } : { signal, timeoutMs: t * 1000 };
  }

  async chat(name: string, request: ChatRequest, signal: AbortSignal): Promise<ChatResponse> {
    const e = this.forOperation(name, 'chat');
    return e.provider.chat(request, this.call(e, signal));
  }

  /** Starts the stream before returning, so a refused request is an HTTP error, not an in-band one. */
  async chatStream(name: string, request: ChatRequest, signal: AbortSignal): Promise<AsyncIterable<ChatChunk>> {
    const e = this.forOperation(name, 'chat');
    return started(e.provider.chatStream(request, this.call(e, signal)));
  }

  async completions(name: string, request: CompletionsRequest, signal: AbortSignal): Promise<CompletionsResponse> {
    const e = this.forOperation(name, 'completions');
    return e.provider.completions(request, this.call(e, signal));
  }

  async completionsStream(name: string, request: CompletionsRequest, signal: AbortSignal): Promise<AsyncIterable<CompletionsChunk>> {
    const e = this.forOperation(name, 'completions');
    return started(e.provider.completionsStream(request, this.call(e, signal)));
  }

  async embeddings(name: string, request: EmbeddingsRequest, signal: AbortSignal): Promise<EmbeddingsResponse> {
    const e = this.forOperation(name, 'embeddings');
    return e.provider.embeddings(request, this.call(e, signal));
  }

  /** The endpoint's type, for the unified route that decides chat vs embeddings by body and endpoint. */
  endpointType(name: string): EndpointType {
    return this.resolve(name).config.endpoint_type;
  }

  /**
   * Forwards a vendor-native request when the endpoint's provider speaks that vendor's API; undefined
   * when it does not (the front then translates). `endpoint` is fixed first so a traffic split
   * decides once per request.
   */
  async passthrough(e: EndpointRuntime, request: PassthroughRequest, signal: AbortSignal): Promise<PassthroughResponse | undefined> {
    if (!e.provider.passthrough) return undefined;
    return e.provider.passthrough(request, this.call(e, signal));
  }

  async close(): Promise<void> {
    if (this.ownsUpstream) await this.upstream.close();
  }
}

function describe(e: EndpointConfig): EndpointDescription {
  return {
    name: e.name,
    endpoint_type: e.endpoint_type,
    model: { name: e.model.name, provider: e.model.provider },
    endpoint_url: `/gateway/${e.name}/invocations`,
    limit: e.limit ? { calls: e.limit.calls, key: e.limit.key ?? null, renewal_period: e.limit.renewal_period } : null,
  };
}

/** Pulls the first item now (so upstream refusals surface before any byte is sent), then the rest. */
async function started<T>(stream: AsyncIterable<T>): Promise<AsyncIterable<T>> {
  const it = stream[Symbol.asyncIterator]();
  const first = await it.next();
  return {
    async *[Symbol.asyncIterator]() {
      try {
        if (first.done) return;
        yield first.value;
        for (;;) {
          const next = await it.next();
          if (next.done) return;
          yield next.value;
        }
      } finally {
        // The consumer stopped early (client gone): let the provider release its upstream socket.
        await it.return?.();
      }
    },
  };
}
