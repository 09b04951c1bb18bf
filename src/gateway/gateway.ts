/**
 * The gateway's runtime: the current config with one Provider per endpoint, swapped atomically on
 * reload, and the operations every front calls (chat, completions, embeddings, passthrough).
 *
 * Governance lives here, once, for every front: a name resolves to an endpoint (or a traffic-split
 * route picks one by weight), the endpoint's token bucket admits the call or answers 429 with
 * Retry-After, an opt-in cache answers repeats, and the call runs with retries (jittered backoff,
 * Retry-After honoured) down the endpoint's fallback chain. Each request leaves a RequestRecord
 * (attempts, usage, cost, timings; never prompt text) that observers — metrics, access log,
 * server-side tracing — receive when it is over.
 */
import { randomUUID } from 'node:crypto';
import type { EndpointConfig, GatewayConfig, TrafficRouteConfig } from './config.ts';
import { asGatewayError, GatewayError } from './errors.ts';
import { ResponseCache } from './governance/cache.ts';
import { RateLimiter } from './governance/rate-limit.ts';
import { withRetries } from './governance/retry.ts';
import { costOf } from './observe/cost.ts';
import type { GatewayObserver, GatewayOperation, RequestRecord, TokenCounts } from './observe/record.ts';
import { UsageSniffer } from './observe/usage-sniffer.ts';
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
  Usage,
} from './schemas.ts';
import { Redactor } from './secrets.ts';
import { text } from 'node:stream/consumers';
import { Upstream, upstreamError } from './upstream.ts';

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
  /** For traffic splits and backoff jitter; tests pass a seeded one. */
  random?: () => number;
  /** Milliseconds clock for rate limits and the cache; tests pass a fake one. */
  now?: () => number;
  /** Backoff sleep; tests pass an instant one. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  observers?: GatewayObserver[];
}

/** One request as it runs: its caller's signal and the record observers will receive. */
export class RequestContext {
  readonly record: RequestRecord;
  readonly signal: AbortSignal;
  finished = false;

  constructor(front: string, signal: AbortSignal, headers: { traceparent?: string | undefined; caller?: string | undefined } = {}) {
    this.signal = signal;
    this.record = {
      id: randomUUID(),
      endpoint: '',
      operation: 'chat',
      front,
      stream: false,
      startMs: Date.now(),
      endMs: 0,
      status: 0,
      attempts: [],
      cacheHit: false,
      rateLimited: false,
      upstreamMs: 0,
      ...(headers.traceparent ? { traceparent: headers.traceparent } : {}),
      ...(headers.caller ? { caller: headers.caller } : {}),
    };
  }
}

const OPERATION_TYPE = { chat: 'llm/v1/chat', completions: 'llm/v1/completions', embeddings: 'llm/v1/embeddings' } as const;
type Operation = keyof typeof OPERATION_TYPE;

/** Errors a fallback endpoint cannot fix: the request itself is wrong, or nobody is listening. */
function fallbackCannotHelp(e: GatewayError): boolean {
  return e.kind === 'invalid_request' || e.status === 499;
}

function tokens(usage: Usage | null | undefined): TokenCounts | undefined {
  if (!usage || (usage.prompt_tokens === null && usage.completion_tokens === null)) return undefined;
  return { prompt_tokens: usage.prompt_tokens ?? 0, completion_tokens: usage.completion_tokens ?? 0 };
}

export class Gateway {
  readonly upstream: Upstream;
  private state: State;
  private readonly random: () => number;
  private readonly sleep: GatewayOptions['sleep'];
  private readonly ownsUpstream: boolean;
  private readonly limiter: RateLimiter;
  private readonly cache: ResponseCache;
  private readonly observers: GatewayObserver[];

  constructor(config: GatewayConfig, options: GatewayOptions = {}) {
    this.ownsUpstream = options.upstream === undefined;
    this.upstream = options.upstream ?? new Upstream();
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep;
    this.limiter = new RateLimiter(options.now ? { now: options.now } : {});
    this.cache = new ResponseCache(options.now ? { now: options.now } : {});
    this.observers = [...(options.observers ?? [])];
    this.state = this.build(config);
  }

  /** Builds providers for a new config and swaps it in only if every one of them builds. */
  reload(config: GatewayConfig): void {
    this.state = this.build(config);
    this.limiter.retain(config.endpoints.map((e) => e.name));
    // A cached answer may come from a model the new config no longer uses.
    this.cache.clear();
  }

  addObserver(observer: GatewayObserver): void {
    this.observers.push(observer);
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

  /** Whether a name is an endpoint or a route of the running config. */
  knows(name: string): boolean {
    return this.state.endpoints.has(name) || this.state.routes.has(name);
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

  /** The endpoint's type, for the unified route that decides chat vs embeddings by body and endpoint. */
  endpointType(name: string): EndpointType {
    const { endpoints, routes } = this.state;
    const route = routes.get(name);
    if (route) return route.task_type;
    return (endpoints.get(name) ?? this.resolve(name)).config.endpoint_type;
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

  // ---- the governed call ----

  /** Admits the request (rate limit) and returns the chain of endpoints to try, first to last fallback. */
  private admit(rc: RequestContext, name: string, operation: Operation, stream: boolean): EndpointRuntime[] {
    rc.record.endpoint = name;
    rc.record.operation = operation;
    rc.record.stream = stream;
    const first = this.forOperation(name, operation);
    const limit = first.config.limit;
    if (limit) {
      const verdict = this.limiter.take(first.config.name, limit);
      if (!verdict.allowed) {
        rc.record.rateLimited = true;
        throw new GatewayError('rate_limit', `Rate limit of endpoint '${first.config.name}' reached (${limit.calls} calls per ${limit.renewal_period}). Retry after ${verdict.retryAfterSeconds} s.`, {
          retryAfter: verdict.retryAfterSeconds,
        });
      }
    }
    const chain = [first];
    for (const fallback of first.config.fallbacks) {
      const e = this.state.endpoints.get(fallback);
      if (e) chain.push(e);
    }
    return chain;
  }

  /**
   * Runs `attempt` against each endpoint of the chain with that endpoint's retries, recording each
   * try. Returns the first success; throws the last failure when every endpoint failed.
   */
  private async runChain<T>(rc: RequestContext, chain: EndpointRuntime[], attempt: (e: EndpointRuntime, call: ProviderCall) => Promise<T>): Promise<{ value: T; endpoint: EndpointRuntime }> {
    let last: unknown;
    for (const [index, e] of chain.entries()) {
      let startMs = Date.now();
      let n = 0;
      try {
        const value = await withRetries(
          async (tryNumber) => {
            n = tryNumber;
            startMs = Date.now();
            return attempt(e, this.call(e, rc.signal));
          },
          e.config.retries,
          {
            signal: rc.signal,
            ...(this.sleep ? { sleep: this.sleep } : {}),
            random: this.random,
            onFailure: (tryNumber, error) => this.recordAttempt(rc, e, tryNumber, index > 0, startMs, error),
          },
        );
        this.recordAttempt(rc, e, n, index > 0, startMs);
        rc.record.servedBy = { endpoint: e.config.name, provider: e.provider.name, model: e.provider.model };
        return { value, endpoint: e };
      } catch (err) {
        // Decide on the gateway's view of the error, but rethrow the original: its stack is the log's.
        last = err;
        const e = asGatewayError(err);
        if (fallbackCannotHelp(e) || rc.signal.aborted) throw err;
      }
    }
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- rethrows what an attempt threw, unchanged
    throw last ?? new GatewayError('internal', 'No endpoint to call.');
  }

  private recordAttempt(rc: RequestContext, e: EndpointRuntime, attempt: number, fallback: boolean, startMs: number, error?: GatewayError): void {
    const endMs = Date.now();
    rc.record.upstreamMs += endMs - startMs;
    rc.record.attempts.push({
      endpoint: e.config.name,
      provider: e.provider.name,
      model: e.provider.model,
      attempt,
      fallback,
      startMs,
      endMs,
      status: error ? error.status : 200,
      ...(error ? { error: { kind: error.kind, message: this.redactor.redact(error.message) } } : {}),
    });
  }

  /** Ends a request's record once and hands it to the observers; an observer's failure never reaches the caller. */
  finish(rc: RequestContext, error?: unknown): void {
    if (rc.finished) return;
    rc.finished = true;
    const r = rc.record;
    r.endMs = Date.now();
    if (error === undefined) {
      // A relayed vendor answer keeps the vendor's status (passthrough of a 400, say).
      if (r.status === 0) r.status = 200;
    } else {
      const e = asGatewayError(error);
      r.status = e.status;
      r.error = { kind: e.kind, message: this.redactor.redact(e.message) };
    }
    if (r.usage && r.servedBy) {
      const cost = costOf(this.state.config.pricing, r.servedBy.provider, r.servedBy.model, r.usage);
      if (cost) r.cost = cost;
    }
    for (const o of this.observers) {
      try {
        o.onRequest(r);
      } catch {
        // Observability must not break serving; observers report their own failures.
      }
    }
  }

  /** A whole (non-streamed) answer through the governed path, cached when the endpoint opts in. */
  private async whole<T extends object>(
    rc: RequestContext,
    name: string,
    operation: Operation,
    request: object,
    invoke: (e: EndpointRuntime, call: ProviderCall) => Promise<T>,
    usageOf: (value: T) => TokenCounts | undefined,
  ): Promise<T> {
    try {
      const chain = this.admit(rc, name, operation, false);
      const cacheConfig = chain[0]!.config.cache;
      const key = cacheConfig ? this.cache.key(chain[0]!.config.name, operation, request) : undefined;
      if (key !== undefined && cacheConfig) {
        const hit = this.cache.get(key, cacheConfig) as T | undefined;
        if (hit !== undefined) {
          rc.record.cacheHit = true;
          const first = chain[0]!;
          rc.record.servedBy = { endpoint: first.config.name, provider: first.provider.name, model: first.provider.model };
          this.finish(rc);
          return hit;
        }
      }
      const { value } = await this.runChain(rc, chain, invoke);
      const used = usageOf(value);
      if (used) rc.record.usage = used;
      if (key !== undefined && cacheConfig) this.cache.set(key, value, cacheConfig);
      this.finish(rc);
      return value;
    } catch (err) {
      this.finish(rc, err);
      throw err;
    }
  }

  /**
   * A stream through the governed path. Retries and fallbacks apply until the first chunk arrives
   * (so a refused request is an HTTP error, not an in-band one); after that the stream is the
   * caller's, and its end (or failure) ends the record.
   */
  private async streamed<C extends { usage?: Usage | null | undefined }>(
    rc: RequestContext,
    name: string,
    operation: Operation,
    open: (e: EndpointRuntime, call: ProviderCall) => AsyncIterable<C>,
  ): Promise<AsyncIterable<C>> {
    try {
      const chain = this.admit(rc, name, operation, true);
      const { value } = await this.runChain(rc, chain, (e, call) => started(open(e, call)));
      const attempt = rc.record.attempts.at(-1)!;
      return this.tracked(rc, value, attempt, (c) => c.usage);
    } catch (err) {
      this.finish(rc, err);
      throw err;
    }
  }

  private async *tracked<C>(rc: RequestContext, chunks: AsyncIterable<C>, attempt: { endMs: number }, usageOf: (chunk: C) => Usage | null | undefined): AsyncIterable<C> {
    const streamStart = attempt.endMs;
    let failure: unknown;
    try {
      for await (const chunk of chunks) {
        const used = tokens(usageOf(chunk));
        if (used) rc.record.usage = used;
        yield chunk;
      }
    } catch (err) {
      failure = err;
      throw err;
    } finally {
      // The stream's life is upstream time too: the overhead header counts only our own work.
      const now = Date.now();
      rc.record.upstreamMs += now - streamStart;
      attempt.endMs = now;
      // A consumer that stopped early (client gone) ends the request as cancelled.
      this.finish(rc, failure ?? (rc.signal.aborted ? new GatewayError('unavailable', 'The caller went away mid-stream.', { status: 499 }) : undefined));
    }
  }

  async chat(name: string, request: ChatRequest, rc: RequestContext): Promise<ChatResponse> {
    return this.whole(rc, name, 'chat', request, (e, call) => e.provider.chat(request, call), (r) => tokens(r.usage));
  }

  async chatStream(name: string, request: ChatRequest, rc: RequestContext): Promise<AsyncIterable<ChatChunk>> {
    return this.streamed(rc, name, 'chat', (e, call) => e.provider.chatStream(request, call));
  }

  async completions(name: string, request: CompletionsRequest, rc: RequestContext): Promise<CompletionsResponse> {
    return this.whole(rc, name, 'completions', request, (e, call) => e.provider.completions(request, call), (r) => tokens(r.usage));
  }

  async completionsStream(name: string, request: CompletionsRequest, rc: RequestContext): Promise<AsyncIterable<CompletionsChunk>> {
    return this.streamed(rc, name, 'completions', (e, call) => e.provider.completionsStream(request, call));
  }

  async embeddings(name: string, request: EmbeddingsRequest, rc: RequestContext): Promise<EmbeddingsResponse> {
    return this.whole(
      rc,
      name,
      'embeddings',
      request,
      (e, call) => e.provider.embeddings(request, call),
      (r) => (r.usage.prompt_tokens === null ? undefined : { prompt_tokens: r.usage.prompt_tokens, completion_tokens: 0 }),
    );
  }

  /**
   * Forwards a vendor-native request verbatim when the endpoint's provider speaks that vendor's
   * API; undefined when it does not, or when the endpoint has fallbacks or a cache (those need
   * the translated path, which can switch providers and read answers), and the front translates.
   * Rate limits and retries apply; the record ends when the body has been relayed.
   */
  async passthrough(name: string, request: PassthroughRequest, rc: RequestContext): Promise<PassthroughResponse | undefined> {
    const candidate = this.resolveForPassthrough(name);
    if (!candidate?.provider.accepts?.(request)) return undefined;
    try {
      const chain = this.admit(rc, name, 'chat', request.stream);
      rc.record.operation = 'passthrough' satisfies GatewayOperation;
      const e = chain[0]!;
      const { value } = await this.runChain(rc, [e], async (endpoint, call) => {
        const res = await endpoint.provider.passthrough!(request, call);
        if (!res) throw new GatewayError('internal', 'The provider declined a passthrough it had accepted.');
        // A retryable refusal is retried like any other, and keeps the vendor's own message.
        if (res.status === 429 || res.status >= 500) throw upstreamError(endpoint.provider.name, res.status, await text(res.body), res.headers);
        return res;
      });
      rc.record.status = value.status;
      const attempt = rc.record.attempts.at(-1)!;
      const sniffer = value.status < 300 ? new UsageSniffer(request.vendor, request.stream) : undefined;
      return { ...value, body: this.tracked(rc, sniffed(rc, value.body, sniffer), attempt, () => undefined) };
    } catch (err) {
      const e = asGatewayError(err);
      // Out of retries on an upstream refusal: relay what the vendor said, as MLflow's passthrough does.
      this.finish(rc, e);
      throw e;
    }
  }

  private resolveForPassthrough(name: string): EndpointRuntime | undefined {
    const e = this.state.endpoints.get(name) ?? (this.state.routes.has(name) ? undefined : this.resolve(name));
    if (!e?.provider.passthrough || e.config.fallbacks.length > 0 || e.config.cache) return undefined;
    return e;
  }

  async close(): Promise<void> {
    for (const o of this.observers) await o.close?.();
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

/** Relayed bytes, unchanged, with the vendor's usage put on the record once they have all passed. */
async function* sniffed(rc: RequestContext, body: AsyncIterable<Uint8Array>, sniffer: UsageSniffer | undefined): AsyncIterable<Uint8Array> {
  if (!sniffer) {
    yield* body;
    return;
  }
  for await (const chunk of body) {
    sniffer.feed(chunk);
    yield chunk;
  }
  const usage = sniffer.result();
  if (usage) rc.record.usage = usage;
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
