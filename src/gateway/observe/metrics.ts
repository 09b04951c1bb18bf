/**
 * Prometheus metrics for `GET /metrics` and the same figures as JSON for the UI's
 * `GET /api/2.0/gateway/stats`, both built from the RequestRecords the gateway hands its observers.
 *
 * Each GatewayMetrics has its own prom-client Registry, never the global default one: several
 * gateways (a standalone one and one inside the tracking server, or many in a test process) may
 * live in one process and must not count each other's requests.
 *
 * Label values come only from the config (endpoint, provider names), the record's status and
 * error kind, never from request content. The one value a caller chooses is the endpoint name it
 * asks for: a request for a name the config does not have is counted under `endpoint="(unknown)"`,
 * or anyone could create a new time series per request and exhaust the scraper's memory.
 *
 * Counting rules, shared by /metrics and stats():
 * - every request counts once in requests and latency, whatever its outcome, under the name the
 *   caller asked for (a traffic-split route or the primary of a fallback chain), with `provider`
 *   the provider that finally answered, or `none`;
 * - errors: requests that ended in an error, by the error's kind (our own 429s included; a status
 *   of 400 or more without one counts under the kind that status means);
 * - rate_limited: requests our own limiter rejected (an upstream's 429 is an error, not this);
 * - fallbacks: requests that went on to at least one fallback endpoint;
 * - attempts: upstream calls (first tries, retries, fallback tries), each a success or an error;
 * - tokens and cost: what the upstreams were paid for, so a cache hit adds none.
 */
import { Counter, Histogram, Registry } from 'prom-client';
import { kindForStatus } from '../errors.ts';
import type { GatewayErrorKind } from '../errors.ts';
import type { GatewayObserver, RequestRecord } from './record.ts';

/** The endpoint label for a name the config does not have. */
export const UNKNOWN_ENDPOINT = '(unknown)';

/** The provider label for a request no provider answered: rejected by our limiter, or failed everywhere. */
export const NO_PROVIDER = 'none';

/** LLM calls run from a few milliseconds (cache, embeddings) to minutes (long generations). */
export const LATENCY_BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120];

/** How many recent requests per endpoint the latency percentiles are computed over. */
const DEFAULT_LATENCY_WINDOW = 1024;

const DEFAULT_CURRENCY = 'USD';

export interface GatewayMetricsOptions {
  /**
   * Whether the config has an endpoint or route of this name. Without it, a name is taken as
   * unknown when the request failed `not_found` before any upstream call, which is how the gateway
   * answers an unknown name.
   */
  isKnownEndpoint?: (name: string) => boolean;
  /** Requests per endpoint kept for the latency percentiles in stats(); default 1024. */
  latencyWindow?: number;
  /** Wall clock for `since`; tests pass a fixed one. */
  now?: () => number;
}

export interface StatsFigures {
  requests: number;
  errors: number;
  rate_limited: number;
  cache_hits: number;
  fallbacks: number;
  attempts: number;
  tokens: { prompt: number; completion: number };
  /**
   * `total` is in `currency`, the first currency priced for these requests (USD when none was);
   * `by_currency` holds every currency's sum, which only matters when the pricing block mixes them.
   */
  cost: { total: number; currency: string; by_currency: Record<string, number> };
  /**
   * `mean` is over every request since `since`; the percentiles (nearest-rank) over the most recent
   * requests only (see GatewayMetricsOptions.latencyWindow), so a UI sees today's latency rather
   * than an average of the process's life. null before the first request.
   */
  latency_ms: { p50: number | null; p95: number | null; p99: number | null; mean: number | null };
  by_status: Record<string, number>;
  by_provider: Record<string, number>;
}

export interface EndpointStats extends StatsFigures {
  endpoint: string;
}

export interface GatewayStats {
  /** When counting started: the observer's creation or its last reset(). */
  since: string;
  /** Sorted by name. */
  endpoints: EndpointStats[];
  totals: StatsFigures;
}

/** Recent latencies in a ring; percentiles are read rarely (a UI poll), so sorting then is fine. */
class LatencyWindow {
  readonly #values: Float64Array;
  #size = 0;
  #next = 0;

  constructor(capacity: number) {
    this.#values = new Float64Array(capacity);
  }

  add(ms: number): void {
    this.#values[this.#next] = ms;
    this.#next = (this.#next + 1) % this.#values.length;
    if (this.#size < this.#values.length) this.#size++;
  }

  percentiles(): { p50: number; p95: number; p99: number } | undefined {
    if (this.#size === 0) return undefined;
    const sorted = this.#values.slice(0, this.#size).sort();
    const rank = (p: number): number => sorted[Math.min(this.#size, Math.max(1, Math.ceil((p / 100) * this.#size))) - 1] ?? 0;
    return { p50: rank(50), p95: rank(95), p99: rank(99) };
  }
}

function increment(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** Prometheus counters refuse to go down: a missing or nonsensical upstream figure counts as none. */
function amount(n: number): number {
  return Number.isFinite(n) && n > 0 ? n : 0;
}

function round3(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

/** What one request contributes, with its labels already decided. */
interface Sample {
  endpoint: string;
  provider: string;
  status: string;
  durationMs: number;
  errorKind: GatewayErrorKind | undefined;
  rateLimited: boolean;
  cacheHit: boolean;
  fellBack: boolean;
  attempts: number;
  promptTokens: number;
  completionTokens: number;
  cost: { currency: string; total: number } | undefined;
}

/** One endpoint's (or all endpoints') running figures; counts are plain integers, so exact. */
class Figures {
  requests = 0;
  errors = 0;
  rateLimited = 0;
  cacheHits = 0;
  fallbacks = 0;
  attempts = 0;
  promptTokens = 0;
  completionTokens = 0;
  /** In billionths of the currency (costOf rounds there), so sums of many requests stay exact. */
  readonly costNano = new Map<string, number>();
  readonly byStatus = new Map<string, number>();
  readonly byProvider = new Map<string, number>();
  latencySumMs = 0;
  readonly latency: LatencyWindow;

  constructor(window: number) {
    this.latency = new LatencyWindow(window);
  }

  add(s: Sample): void {
    this.requests++;
    if (s.errorKind) this.errors++;
    if (s.rateLimited) this.rateLimited++;
    if (s.cacheHit) this.cacheHits++;
    if (s.fellBack) this.fallbacks++;
    this.attempts += s.attempts;
    this.promptTokens += s.promptTokens;
    this.completionTokens += s.completionTokens;
    if (s.cost) increment(this.costNano, s.cost.currency, Math.round(s.cost.total * 1e9));
    increment(this.byStatus, s.status);
    increment(this.byProvider, s.provider);
    this.latencySumMs += s.durationMs;
    this.latency.add(s.durationMs);
  }

  toJSON(): StatsFigures {
    const currencies = [...this.costNano.keys()];
    const currency = currencies[0] ?? DEFAULT_CURRENCY;
    const p = this.latency.percentiles();
    return {
      requests: this.requests,
      errors: this.errors,
      rate_limited: this.rateLimited,
      cache_hits: this.cacheHits,
      fallbacks: this.fallbacks,
      attempts: this.attempts,
      tokens: { prompt: this.promptTokens, completion: this.completionTokens },
      cost: {
        total: (this.costNano.get(currency) ?? 0) / 1e9,
        currency,
        by_currency: Object.fromEntries([...this.costNano].map(([c, nano]) => [c, nano / 1e9])),
      },
      latency_ms: {
        p50: p ? round3(p.p50) : null,
        p95: p ? round3(p.p95) : null,
        p99: p ? round3(p.p99) : null,
        mean: this.requests ? round3(this.latencySumMs / this.requests) : null,
      },
      by_status: Object.fromEntries(this.byStatus),
      by_provider: Object.fromEntries(this.byProvider),
    };
  }
}

export class GatewayMetrics implements GatewayObserver {
  /** This gateway's own registry; add process metrics to it if wanted, never to the global one. */
  readonly registry: Registry;
  readonly #requests: Counter<'endpoint' | 'provider' | 'status'>;
  readonly #latency: Histogram<'endpoint' | 'provider'>;
  readonly #errors: Counter<'endpoint' | 'type'>;
  readonly #tokens: Counter<'endpoint' | 'provider' | 'direction'>;
  readonly #cost: Counter<'endpoint' | 'currency'>;
  readonly #cacheHits: Counter<'endpoint'>;
  readonly #rateLimited: Counter<'endpoint'>;
  readonly #attempts: Counter<'endpoint' | 'provider' | 'outcome'>;
  readonly #fallbacks: Counter<'endpoint'>;

  readonly #isKnownEndpoint: ((name: string) => boolean) | undefined;
  readonly #window: number;
  readonly #now: () => number;
  #since: number;
  #byEndpoint = new Map<string, Figures>();
  #totals: Figures;

  constructor(options: GatewayMetricsOptions = {}) {
    this.#isKnownEndpoint = options.isKnownEndpoint;
    this.#window = Math.max(1, Math.floor(options.latencyWindow ?? DEFAULT_LATENCY_WINDOW));
    this.#now = options.now ?? Date.now;
    this.#since = this.#now();
    this.#totals = new Figures(this.#window);

    this.registry = new Registry();
    const registers = [this.registry];
    this.#requests = new Counter({
      name: 'gateway_requests_total',
      help: 'Requests the gateway answered, by endpoint asked for, provider that answered and HTTP status.',
      labelNames: ['endpoint', 'provider', 'status'] as const,
      registers,
    });
    this.#latency = new Histogram({
      name: 'gateway_latency_seconds',
      help: 'Time from receiving a request to sending the last byte of its answer (the last chunk of a stream).',
      labelNames: ['endpoint', 'provider'] as const,
      buckets: LATENCY_BUCKETS_SECONDS,
      registers,
    });
    this.#errors = new Counter({
      name: 'gateway_errors_total',
      help: 'Requests that ended in an error, by error kind (rate_limit, upstream, timeout, ...).',
      labelNames: ['endpoint', 'type'] as const,
      registers,
    });
    this.#tokens = new Counter({
      name: 'gateway_tokens_total',
      help: 'Tokens the upstreams reported, prompt or completion; cache hits add none.',
      labelNames: ['endpoint', 'provider', 'direction'] as const,
      registers,
    });
    this.#cost = new Counter({
      name: 'gateway_cost_total',
      help: 'Cost of upstream calls from the config pricing block, in its currency; cache hits add none.',
      labelNames: ['endpoint', 'currency'] as const,
      registers,
    });
    this.#cacheHits = new Counter({
      name: 'gateway_cache_hits_total',
      help: 'Requests answered from the response cache.',
      labelNames: ['endpoint'] as const,
      registers,
    });
    this.#rateLimited = new Counter({
      name: 'gateway_rate_limited_total',
      help: "Requests the gateway's own rate limit rejected with 429.",
      labelNames: ['endpoint'] as const,
      registers,
    });
    this.#attempts = new Counter({
      name: 'gateway_attempts_total',
      help: 'Upstream calls (first tries, retries and fallback tries), by provider and outcome.',
      labelNames: ['endpoint', 'provider', 'outcome'] as const,
      registers,
    });
    this.#fallbacks = new Counter({
      name: 'gateway_fallbacks_total',
      help: 'Requests that went on to at least one fallback endpoint.',
      labelNames: ['endpoint'] as const,
      registers,
    });
  }

  onRequest(record: RequestRecord): void {
    const paid = !record.cacheHit;
    const s: Sample = {
      endpoint: this.#endpointLabel(record),
      provider: record.servedBy?.provider ?? NO_PROVIDER,
      status: String(record.status),
      durationMs: Math.max(0, record.endMs - record.startMs),
      errorKind: record.error?.kind ?? (record.status >= 400 ? kindForStatus(record.status) : undefined),
      rateLimited: record.rateLimited,
      cacheHit: record.cacheHit,
      fellBack: record.attempts.some((a) => a.fallback),
      attempts: record.attempts.length,
      promptTokens: paid && record.usage ? amount(record.usage.prompt_tokens) : 0,
      completionTokens: paid && record.usage ? amount(record.usage.completion_tokens) : 0,
      cost: paid && record.cost ? { currency: record.cost.currency, total: amount(record.cost.total) } : undefined,
    };
    const { endpoint, provider } = s;

    this.#requests.inc({ endpoint, provider, status: s.status });
    this.#latency.observe({ endpoint, provider }, s.durationMs / 1000);
    if (s.errorKind) this.#errors.inc({ endpoint, type: s.errorKind });
    if (s.rateLimited) this.#rateLimited.inc({ endpoint });
    if (s.cacheHit) this.#cacheHits.inc({ endpoint });
    if (s.fellBack) this.#fallbacks.inc({ endpoint });
    for (const a of record.attempts) {
      this.#attempts.inc({ endpoint, provider: a.provider, outcome: a.error || a.status >= 400 ? 'error' : 'success' });
    }
    if (paid && record.usage) {
      this.#tokens.inc({ endpoint, provider, direction: 'prompt' }, s.promptTokens);
      this.#tokens.inc({ endpoint, provider, direction: 'completion' }, s.completionTokens);
    }
    if (s.cost) this.#cost.inc({ endpoint, currency: s.cost.currency }, s.cost.total);

    let figures = this.#byEndpoint.get(endpoint);
    if (!figures) this.#byEndpoint.set(endpoint, (figures = new Figures(this.#window)));
    figures.add(s);
    this.#totals.add(s);
  }

  /** The Prometheus text exposition of this gateway's metrics, for `GET /metrics`. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  /** The same figures as JSON, for `GET /api/2.0/gateway/stats`. */
  stats(): GatewayStats {
    return {
      since: new Date(this.#since).toISOString(),
      endpoints: [...this.#byEndpoint]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([endpoint, f]) => ({ endpoint, ...f.toJSON() })),
      totals: this.#totals.toJSON(),
    };
  }

  /** Forget everything counted so far. */
  reset(): void {
    this.registry.resetMetrics();
    this.#byEndpoint = new Map();
    this.#totals = new Figures(this.#window);
    this.#since = this.#now();
  }

  #endpointLabel(record: RequestRecord): string {
    if (record.servedBy) return record.endpoint;
    if (this.#isKnownEndpoint) return this.#isKnownEndpoint(record.endpoint) ? record.endpoint : UNKNOWN_ENDPOINT;
    // The gateway answers an unknown name with not_found before calling anything; an upstream's
    // 404 comes after an attempt, for an endpoint that exists.
    return record.error?.kind === 'not_found' && record.attempts.length === 0 ? UNKNOWN_ENDPOINT : record.endpoint;
  }
}
