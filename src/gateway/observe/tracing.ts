/**
 * Server-side tracing of gateway requests: each RequestRecord becomes one MLflow trace in
 * experiment `gateway/<endpoint>` (created on first use, tagged
 * `mlflow.experiment.sourceType=GATEWAY`, as MLflow's usage tracking does), with a root span for
 * the request, one child span per upstream attempt (retries and fallbacks included), token usage,
 * cost and MLflow's `mlflow.gateway.*` trace metadata. No prompt or response text is recorded:
 * span inputs and outputs hold only the request's shape (endpoint, operation, front, stream) and
 * outcome (status, served-by model, token counts).
 *
 * Sampling, decided per request after it ended (so errors and durations are known):
 * - a request that failed (status >= 400, rate-limit rejections included) is always kept;
 * - a request slower than `slowThresholdMs` is always kept, tagged `mlflow.trace.slow=true`;
 * - a request carrying a caller's `traceparent` follows the caller's sampled flag (W3C
 *   parent-based sampling), so a caller's kept trace never misses its gateway spans;
 * - any other request is kept with probability `rate` (default 1).
 * A kept trace that was not sampled says why in metadata `mlflow.trace.sampling`
 * (`{"rate":0,"sampled":false,"kept":"error"}`), as the tracing SDK does for slow traces.
 *
 * Distributed traces: with a valid `traceparent` the gateway's spans join the caller's trace
 * (same `tr-<hex>` id; the root span's parent is the caller's span). When the caller sampled its
 * trace, the caller owns the trace info, so the gateway sends only its spans (OTLP `/v1/traces`,
 * which merges by trace id; the gateway facts are then on the root span's attributes, including
 * the `mlflow.gateway.*` keys); the trace lives in the caller's experiment once the caller has
 * logged it. When the caller did not sample (flag 00) and the gateway keeps the request anyway
 * (an error or a slow one), no one else will write the trace info, so the gateway writes it, in
 * `gateway/<endpoint>`, still under the caller's trace id and span.
 *
 * Export is off the request path: `onRequest` builds the spans (a few microseconds) and queues
 * the trace in the tracing SDK's bounded, retrying export queue. Each batch sends the spans of
 * each endpoint's traces in one OTLP request and then one `POST /api/3.0/mlflow/traces` per trace
 * (the trace info with the metadata), as MLflow's Python client does, so the tracking server must
 * accept OTLP (this project's server does; so does MLflow >= 3.4 with a database store). Failures
 * are logged once per burst (and once more when exports work again, with the number of traces
 * lost), never thrown into the gateway. `close()` flushes, bounded by `closeTimeoutMs`.
 */
import {
  CLIENT_REQUEST_ID_ATTRIBUTE,
  EXPERIMENT_SOURCE_TYPE_TAG,
  GATEWAY_SOURCE_TYPE,
  GatewaySpanAttributeKey,
  GatewayTraceMetadataKey,
} from '../../mlflow/trace-keys.ts';
import { MlflowApiError, MlflowConnectionError } from '../../client/errors.ts';
import { MlflowClient } from '../../client/client.ts';
import { TracingConfigError } from '../../tracing/config.ts';
import { SpanAttributeKey, SpanStatusCode, SpanType, TRACE_SCHEMA_VERSION, TraceMetadataKey, TraceTagKey, MLFLOW_EXPERIMENT_ID_HEADER } from '../../tracing/constants.ts';
import { runOutsideContext } from '../../tracing/context.ts';
import { parseTraceparent } from '../../tracing/distributed.ts';
import { ExportQueue, TraceExportError, type ExportStats, type TraceExporter } from '../../tracing/exporter.ts';
import { otlpBody } from '../../tracing/exporters.ts';
import { recordLlmCost, recordLlmRequest, recordTokenUsage } from '../../tracing/genai.ts';
import { HttpSender, makeConnection } from '../../tracing/http.ts';
import { fromMlflowTraceId, newSpanIdHex, newTraceIdHex, toMlflowTraceId } from '../../tracing/ids.ts';
import { previewOf } from '../../tracing/json.ts';
import { LiveSpan, type SpanOwner } from '../../tracing/span.ts';
import { Trace, type TokenUsage, type TraceInfo } from '../../tracing/trace.ts';
import type { GatewayLog } from '../server.ts';
import type { AttemptRecord, GatewayObserver, GatewayOperation, RequestRecord } from './record.ts';
import { mapLimit } from '../../client/concurrency.ts';

export { EXPERIMENT_SOURCE_TYPE_TAG, GATEWAY_SOURCE_TYPE, GatewaySpanAttributeKey, GatewayTraceMetadataKey };

export const gatewayExperimentName = (endpoint: string): string => `gateway/${endpoint}`;

/** `unified/chat`, `unified/completions`, `unified/embeddings`, or `passthrough/<front>`. */
export function gatewayRequestType(record: Pick<RequestRecord, 'operation' | 'front'>): string {
  return record.operation === 'passthrough' ? `passthrough/${record.front}` : `unified/${record.operation}`;
}

const SPAN_TYPE: Record<GatewayOperation, string> = {
  chat: SpanType.CHAT_MODEL,
  completions: SpanType.LLM,
  embeddings: SpanType.EMBEDDING,
  passthrough: SpanType.LLM,
};

/** `gen_ai.operation.name`; a passthrough can be any vendor call, so it gets none. */
const GENAI_OPERATION: Partial<Record<GatewayOperation, string>> = { chat: 'chat', completions: 'text_completion', embeddings: 'embeddings' };

export interface GatewaySamplingOptions {
  /** Fraction of ordinary requests traced, 0..1 (`tracing.sampling_rate`); default 1. */
  rate?: number;
  /** Requests slower than this are always traced (`tracing.slow_threshold_ms`); default none. */
  slowThresholdMs?: number;
}

export interface GatewayTracerOptions {
  /** The tracking server traces go to; credentials in the URI or MLFLOW_TRACKING_TOKEN/USERNAME/PASSWORD apply. */
  trackingUri: string;
  sampling?: GatewaySamplingOptions;
  /** Used to find or create the `gateway/<endpoint>` experiments; default a client for `trackingUri`. */
  client?: MlflowClient;
  /** Where export failures (once per burst) and recoveries go; default the console. */
  log?: GatewayLog;
  /** Longest wait for the last traces in `close()`; default 5000 ms. */
  closeTimeoutMs?: number;
  /** Export queue tuning; the defaults suit a gateway (retries with backoff from 500 ms, 2048 traces held). */
  queue?: { maxQueueSize?: number; maxBatchSize?: number; scheduleDelayMs?: number; maxRetries?: number; retryBaseMs?: number };
  /** Per-request timeout towards the tracking server; default 10 s. */
  requestTimeoutMs?: number;
  /** Uniform [0, 1) source for sampling; for tests. */
  random?: () => number;
}

export interface GatewayTracingStats extends ExportStats {
  /** Requests whose trace was built and queued. */
  traced: number;
  /** Requests dropped by sampling. */
  sampledOut: number;
}

const DEFAULT_CLOSE_TIMEOUT_MS = 5_000;
const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
const TRACE_INFO_CONCURRENCY = 8;

const defaultLog: GatewayLog = {
  info: (m) => console.log(`[gateway-tracing] ${m}`),
  error: (m) => console.warn(`[gateway-tracing] ${m}`),
};

function checkSampling(sampling: GatewaySamplingOptions | undefined): { rate: number; slowThresholdMs: number | undefined } {
  const rate = sampling?.rate ?? 1;
  if (typeof rate !== 'number' || !Number.isFinite(rate) || rate < 0 || rate > 1) {
    throw new TracingConfigError(`tracing.sampling_rate must be a number from 0 to 1 (the fraction of gateway requests traced), got ${String(rate)}.`);
  }
  const slow = sampling?.slowThresholdMs;
  if (slow !== undefined && (typeof slow !== 'number' || !Number.isFinite(slow) || slow < 0)) {
    throw new TracingConfigError(`tracing.slow_threshold_ms must be a non-negative number of milliseconds, got ${String(slow)}.`);
  }
  return { rate, slowThresholdMs: slow };
}

/** Milliseconds since the epoch (possibly fractional) as exact nanoseconds. */
function msToNs(ms: number): bigint {
  const whole = Math.floor(ms);
  return BigInt(whole) * 1_000_000n + BigInt(Math.round((ms - whole) * 1e6));
}

const failed = (status: number, error: unknown): boolean => error !== undefined || status >= 400;

/** Why a trace is kept: sampled (by rate or the caller's flag), or despite sampling. */
export type SamplingOutcome = { sampled: true } | { sampled: false; reason: 'error' | 'slow' };

/** The spans of one finished request: they are built after the fact, so "now" is the request's end. */
class RecordOwner implements SpanOwner {
  readonly traceIdHex: string;
  readonly #endNs: bigint;
  constructor(traceIdHex: string, endNs: bigint) {
    this.traceIdHex = traceIdHex;
    this.#endNs = endNs;
  }
  now(): bigint {
    return this.#endNs;
  }
  spanEnded(): void {
    // The trace is assembled by buildGatewayTrace once every span has ended.
  }
}

/** A failed request or attempt: its error kind as an attribute, an `exception` event, ERROR status. */
function markFailed(span: LiveSpan, kind: string, message: string, atNs: bigint): void {
  span.setAttribute(GatewaySpanAttributeKey.ERROR_TYPE, kind);
  span.addEvent({ name: 'exception', timestamp: atNs, attributes: { 'exception.type': kind, 'exception.message': message } });
  span.setStatus(SpanStatusCode.ERROR, `${kind}: ${message}`);
}

function attemptSpan(owner: RecordOwner, parentId: string, spanType: string, operation: GatewayOperation, a: AttemptRecord): LiveSpan {
  const name = a.provider && a.model ? `${a.provider}/${a.model}` : `attempt ${a.attempt}`;
  const span = new LiveSpan(owner, { spanId: newSpanIdHex(), parentId, name, startTimeNs: msToNs(a.startMs), spanType });
  span.setAttributes({
    [GatewaySpanAttributeKey.ENDPOINT]: a.endpoint,
    [GatewaySpanAttributeKey.PROVIDER]: a.provider,
    [GatewaySpanAttributeKey.MODEL]: a.model,
    [GatewaySpanAttributeKey.ATTEMPT]: a.attempt,
    [GatewaySpanAttributeKey.FALLBACK]: a.fallback,
    [GatewaySpanAttributeKey.STATUS]: a.status,
  });
  recordLlmRequest(span, { provider: a.provider || undefined, model: a.model || undefined, operation: GENAI_OPERATION[operation] });
  const endTimeNs = msToNs(a.endMs);
  if (failed(a.status, a.error)) markFailed(span, a.error?.kind ?? 'upstream', a.error?.message ?? `The upstream answered HTTP ${a.status}.`, endTimeNs);
  span.end({ endTimeNs });
  return span;
}

/**
 * The trace of one request (exported for tests and for tools that want the trace without
 * sending it). `keep` is the sampling outcome recorded in the metadata.
 */
export function buildGatewayTrace(record: RequestRecord, keep: SamplingOutcome = { sampled: true }, sampling: { rate: number; slowThresholdMs?: number } = { rate: 1 }): Trace {
  const parent = parseTraceparent(record.traceparent);
  const startNs = msToNs(record.startMs);
  const endNs = msToNs(Math.max(record.endMs, record.startMs));
  const owner = new RecordOwner(parent ? fromMlflowTraceId(parent.traceId) : newTraceIdHex(), endNs);
  const spanType = SPAN_TYPE[record.operation] ?? SpanType.LLM;
  const isError = failed(record.status, record.error);

  const root = new LiveSpan(owner, { spanId: newSpanIdHex(), parentId: parent?.spanId ?? null, name: gatewayExperimentName(record.endpoint), startTimeNs: startNs, spanType });
  const requestType = gatewayRequestType(record);
  root.setInputs({ endpoint: record.endpoint, operation: record.operation, front: record.front, stream: record.stream });
  const attributes: Record<string, unknown> = {
    [GatewaySpanAttributeKey.REQUEST_ID]: record.id,
    [GatewaySpanAttributeKey.ENDPOINT]: record.endpoint,
    [GatewaySpanAttributeKey.OPERATION]: record.operation,
    [GatewaySpanAttributeKey.FRONT]: record.front,
    [GatewaySpanAttributeKey.STREAM]: record.stream,
    [GatewaySpanAttributeKey.STATUS]: record.status,
    [GatewaySpanAttributeKey.CACHE_HIT]: record.cacheHit,
    [GatewaySpanAttributeKey.RATE_LIMITED]: record.rateLimited,
    [GatewaySpanAttributeKey.UPSTREAM_MS]: record.upstreamMs,
    [GatewaySpanAttributeKey.ATTEMPTS]: record.attempts.length,
    // Also as span attributes: a continued trace's info belongs to the caller, so these are where
    // the gateway facts of a distributed request live.
    [GatewayTraceMetadataKey.ENDPOINT_ID]: record.endpoint,
    [GatewayTraceMetadataKey.REQUEST_TYPE]: requestType,
    // An mlflow-ts server takes the info's client_request_id from here when no StartTraceV3 follows.
    [CLIENT_REQUEST_ID_ATTRIBUTE]: record.id,
  };
  if (record.caller !== undefined) {
    attributes[GatewaySpanAttributeKey.CALLER] = record.caller;
    attributes[GatewayTraceMetadataKey.CALLER] = record.caller;
  }
  if (record.servedBy) attributes[GatewaySpanAttributeKey.SERVED_BY] = record.servedBy;
  if (record.cost) attributes[GatewaySpanAttributeKey.COST] = record.cost;
  root.setAttributes(attributes);
  recordLlmRequest(root, { provider: record.servedBy?.provider, model: record.servedBy?.model, operation: GENAI_OPERATION[record.operation] });

  const metadata: Record<string, string> = {
    [TraceMetadataKey.SCHEMA_VERSION]: TRACE_SCHEMA_VERSION,
    [GatewayTraceMetadataKey.ENDPOINT_ID]: record.endpoint,
    [GatewayTraceMetadataKey.REQUEST_TYPE]: requestType,
  };
  if (record.caller !== undefined) metadata[GatewayTraceMetadataKey.CALLER] = record.caller;
  let usage: TokenUsage | undefined;
  if (record.usage) {
    // Only on the root: the server sums usage over a trace's spans, so a second copy on the attempt would count twice.
    usage = recordTokenUsage(root, { input_tokens: record.usage.prompt_tokens, output_tokens: record.usage.completion_tokens });
    metadata[TraceMetadataKey.TOKEN_USAGE] = JSON.stringify(usage);
  }
  if (record.cost && record.cost.currency.toUpperCase() === 'USD') {
    // MLflow's cost keys are USD; another currency stays in gateway.cost only.
    const cost = { input_cost: record.cost.input, output_cost: record.cost.output, total_cost: record.cost.total };
    recordLlmCost(root, cost);
    metadata[GatewayTraceMetadataKey.COST] = JSON.stringify(cost);
  }
  if (sampling.rate < 1 || !keep.sampled) {
    const info: Record<string, unknown> = { rate: sampling.rate, sampled: keep.sampled };
    if (parent) info.parent = parent.sampled;
    if (!keep.sampled) {
      info.kept = keep.reason;
      if (keep.reason === 'slow') info.slow_threshold_ms = sampling.slowThresholdMs;
    }
    metadata[TraceMetadataKey.SAMPLING] = JSON.stringify(info);
  }

  const outputs: Record<string, unknown> = { status: record.status };
  if (record.servedBy) outputs.served_by = record.servedBy;
  if (record.usage) outputs.usage = record.usage;
  if (record.cacheHit) outputs.cache_hit = true;
  root.setOutputs(outputs);

  const children = record.attempts.map((a) => attemptSpan(owner, root.spanId, spanType, record.operation, a));
  if (isError) markFailed(root, record.error?.kind ?? 'upstream', record.error?.message ?? `The gateway answered HTTP ${record.status}.`, endNs);
  root.end({ endTimeNs: endNs });

  const tags: Record<string, string> = { [TraceTagKey.TRACE_NAME]: root.name };
  const durationMs = record.endMs - record.startMs;
  if (sampling.slowThresholdMs !== undefined && durationMs > sampling.slowThresholdMs) tags[TraceTagKey.SLOW] = 'true';
  const requestPreview = previewOf(root._attributeText(SpanAttributeKey.INPUTS));
  const responsePreview = previewOf(root._attributeText(SpanAttributeKey.OUTPUTS));
  metadata[TraceMetadataKey.INPUTS] = requestPreview;
  metadata[TraceMetadataKey.OUTPUTS] = responsePreview;
  const info: TraceInfo = {
    traceId: toMlflowTraceId(owner.traceIdHex),
    clientRequestId: record.id,
    requestTime: Math.floor(record.startMs),
    executionDuration: Math.max(0, Math.round(durationMs)),
    state: isError ? 'ERROR' : 'OK',
    requestPreview,
    responsePreview,
    traceMetadata: metadata,
    tags,
  };
  // A sampled caller writes the trace info itself; the gateway's spans are a fragment of its trace.
  const fragment = parent !== undefined && parent.sampled;
  return new Trace(info, [root, ...children], fragment);
}

/** Maps the client's failures onto the export queue's retry rule. */
function asExportError(err: unknown, traces: readonly Trace[]): TraceExportError {
  if (err instanceof TraceExportError) {
    return err.traces ? err : new TraceExportError(err.message, { retryable: err.retryable, traces, cause: err.cause });
  }
  const message = err instanceof Error ? err.message : String(err);
  let retryable = true;
  if (err instanceof MlflowApiError) retryable = err.status === 408 || err.status === 429 || err.status >= 500;
  else if (!(err instanceof MlflowConnectionError)) retryable = false;
  return new TraceExportError(message, { retryable, traces, cause: err });
}


/** Finds or creates `gateway/<endpoint>`, once per endpoint even when asked concurrently. */
class GatewayExperiments {
  readonly #client: MlflowClient;
  readonly #ids = new Map<string, Promise<string>>();

  constructor(client: MlflowClient) {
    this.#client = client;
  }

  idFor(endpoint: string): Promise<string> {
    let id = this.#ids.get(endpoint);
    if (!id) {
      const pending = this.#resolve(gatewayExperimentName(endpoint));
      id = pending;
      this.#ids.set(endpoint, pending);
      // A failure is not cached: the next batch asks again.
      pending.catch(() => {
        if (this.#ids.get(endpoint) === pending) this.#ids.delete(endpoint);
      });
    }
    return id;
  }

  async #resolve(name: string): Promise<string> {
    const experiment = await this.#client.getOrCreateExperiment(name, { tags: { [EXPERIMENT_SOURCE_TYPE_TAG]: GATEWAY_SOURCE_TYPE } });
    if (experiment.lifecycle_stage === 'deleted') {
      throw new TraceExportError(
        `Experiment '${name}' (id ${experiment.experiment_id}) is deleted, so the gateway cannot store its traces. ` +
          `Restore it (MLflow's \`mlflow experiments restore --experiment-id ${experiment.experiment_id}\`, or POST /api/2.0/mlflow/experiments/restore) ` +
          'or delete it permanently, and the gateway will use or create it again.',
        { retryable: false },
      );
    }
    return experiment.experiment_id;
  }
}

/** Whether a trace's info holds only what a server derives from its spans (state, previews, name, usage, cost, gateway keys). */
function derivableInfo(t: Trace): boolean {
  const meta = t.info.traceMetadata;
  return meta[TraceMetadataKey.SAMPLING] === undefined && t.info.tags[TraceTagKey.SLOW] === undefined;
}

/**
 * Sends a batch: per endpoint, the spans of every trace in one OTLP request, then each trace's
 * info. A retry after a partial failure resends only what did not get through.
 */
class GatewayTraceExporter implements TraceExporter {
  readonly #http: HttpSender;
  readonly #experiments: GatewayExperiments;
  readonly #client: MlflowClient;
  readonly #ownsClient: boolean;
  readonly #spansSent = new WeakSet<Trace>();
  #derives: Promise<boolean> | undefined;

  constructor(http: HttpSender, client: MlflowClient, ownsClient: boolean) {
    this.#http = http;
    this.#client = client;
    this.#ownsClient = ownsClient;
    this.#experiments = new GatewayExperiments(client);
  }

  async export(traces: readonly Trace[], signal: AbortSignal): Promise<void> {
    const byEndpoint = new Map<string, Trace[]>();
    for (const t of traces) {
      const endpoint = t.info.traceMetadata[GatewayTraceMetadataKey.ENDPOINT_ID] ?? '';
      let group = byEndpoint.get(endpoint);
      if (!group) byEndpoint.set(endpoint, (group = []));
      group.push(t);
    }
    const errors: TraceExportError[] = [];
    await Promise.all([...byEndpoint].map(([endpoint, group]) => this.#exportGroup(endpoint, group, signal, errors)));
    if (errors.length === 1) throw errors[0]!;
    if (errors.length > 1) {
      throw new TraceExportError(`${errors.length} gateway trace exports failed; first: ${errors[0]!.message}`, { retryable: errors.some((e) => e.retryable), errors });
    }
  }

  async #exportGroup(endpoint: string, group: Trace[], signal: AbortSignal, errors: TraceExportError[]): Promise<void> {
    let experimentId: string;
    try {
      experimentId = await this.#experiments.idFor(endpoint);
    } catch (err) {
      errors.push(asExportError(err, group));
      return;
    }
    const unsent = group.filter((t) => !this.#spansSent.has(t));
    if (unsent.length > 0) {
      try {
        await this.#http.sendOk('POST', '/v1/traces', { body: otlpBody(unsent), headers: { [MLFLOW_EXPERIMENT_ID_HEADER]: experimentId }, signal, traces: unsent });
        for (const t of unsent) this.#spansSent.add(t);
      } catch (err) {
        errors.push(asExportError(err, unsent));
      }
    }
    // The info goes after the spans so it has the last word on metadata, as with MLflow's Python client.
    // An mlflow-ts server derives it from the spans (root span attributes carry the gateway's
    // metadata), so only a trace whose info says more (sampling notes, the slow tag) needs it.
    const derives = await this.#serverDerivesInfo(signal);
    const infos = group.filter((t) => !t.isFragment && this.#spansSent.has(t) && !(derives && derivableInfo(t)));
    await mapLimit(infos, TRACE_INFO_CONCURRENCY, async (t) => {
      try {
        await this.#http.sendOk('POST', '/api/3.0/mlflow/traces', { body: JSON.stringify({ trace: { trace_info: t.toTraceInfoJson(experimentId) } }), signal, traces: [t] });
      } catch (err) {
        errors.push(asExportError(err, [t]));
      }
    });
  }

  /**
   * Whether the tracking server builds a trace's info from OTLP spans alone, gateway metadata
   * included: ours does (it says `server: mlflow-ts` in server-info); MLflow needs StartTraceV3.
   * Asked once; an unknown answer keeps the MLflow protocol.
   */
  #serverDerivesInfo(signal: AbortSignal): Promise<boolean> {
    this.#derives ??= this.#http.send('GET', '/api/3.0/mlflow/server-info', { signal }).then(
      (res) => {
        if (res.status !== 200) return false;
        try {
          return (JSON.parse(res.text) as { server?: unknown }).server === 'mlflow-ts';
        } catch {
          return false;
        }
      },
      () => {
        // Asked again with the next batch: the server may just not be up yet.
        this.#derives = undefined;
        return false;
      },
    );
    return this.#derives;
  }

  async shutdown(): Promise<void> {
    await this.#http.close();
    if (this.#ownsClient) await this.#client.close();
  }
}

/**
 * The gateway observer that writes a trace per request to the tracking server. Create one per
 * gateway; `close()` flushes what is queued (bounded) and releases connections.
 */
export class GatewayTracer implements GatewayObserver {
  readonly trackingUri: string;
  readonly sampling: { readonly rate: number; readonly slowThresholdMs: number | undefined };
  readonly #queue: ExportQueue;
  readonly #log: GatewayLog;
  readonly #random: () => number;
  readonly #closeTimeoutMs: number;
  #traced = 0;
  #sampledOut = 0;
  #closed = false;
  /** Set from the first failed export until one succeeds: one log line per burst. */
  #failing = false;
  #lostBeforeBurst = 0;
  #warnedBuild = false;

  constructor(options: GatewayTracerOptions) {
    this.sampling = checkSampling(options.sampling);
    const env = process.env;
    const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    const connection = makeConnection({
      trackingUri: options.trackingUri,
      username: env.MLFLOW_TRACKING_USERNAME || undefined,
      password: env.MLFLOW_TRACKING_PASSWORD || undefined,
      token: env.MLFLOW_TRACKING_TOKEN || undefined,
      timeoutMs,
    });
    this.trackingUri = connection.baseUrl;
    // The export queue retries; the client's own retries would only stretch each attempt.
    const client = options.client ?? new MlflowClient({ trackingUri: options.trackingUri, timeoutMs, maxRetries: 0 });
    const inner = new GatewayTraceExporter(new HttpSender(connection), client, options.client === undefined);
    const exporter: TraceExporter = {
      export: async (traces, signal) => {
        try {
          await inner.export(traces, signal);
        } catch (err) {
          this.#exportFailed(err);
          throw err;
        }
        this.#exportSucceeded();
      },
      shutdown: () => inner.shutdown(),
    };
    this.#log = options.log ?? defaultLog;
    this.#random = options.random ?? Math.random;
    this.#closeTimeoutMs = options.closeTimeoutMs ?? DEFAULT_CLOSE_TIMEOUT_MS;
    this.#queue = new ExportQueue(exporter, {
      ...options.queue,
      // During a failure burst our own line has said it; the queue's (once-ever) notes would repeat it.
      warn: (message) => {
        if (!this.#failing) this.#log.error(message);
      },
    });
  }

  get stats(): GatewayTracingStats {
    return { ...this.#queue.stats, traced: this.#traced, sampledOut: this.#sampledOut };
  }

  /** Traces queued or being sent. */
  get pending(): number {
    return this.#queue.pending;
  }

  #decide(record: RequestRecord): SamplingOutcome | undefined {
    const parent = parseTraceparent(record.traceparent);
    const { rate, slowThresholdMs } = this.sampling;
    const sampled = parent ? parent.sampled : rate >= 1 || (rate > 0 && this.#random() < rate);
    if (sampled) return { sampled: true };
    if (failed(record.status, record.error)) return { sampled: false, reason: 'error' };
    if (slowThresholdMs !== undefined && record.endMs - record.startMs > slowThresholdMs) return { sampled: false, reason: 'slow' };
    return undefined;
  }

  onRequest(record: RequestRecord): void {
    if (this.#closed) return;
    try {
      const keep = this.#decide(record);
      if (!keep) {
        this.#sampledOut++;
        return;
      }
      const trace = buildGatewayTrace(record, keep, this.sampling);
      this.#traced++;
      // The export loop must not inherit the request's async context (or a user's active span).
      runOutsideContext(() => this.#queue.enqueue(trace));
    } catch (err) {
      if (!this.#warnedBuild) {
        this.#warnedBuild = true;
        this.#log.error(`Could not build the trace of gateway request ${record.id}: ${err instanceof Error ? err.message : String(err)}. Further such failures are not logged.`);
      }
    }
  }

  #lost(): number {
    const s = this.#queue.stats;
    return s.droppedFailed + s.droppedQueueFull + s.droppedAtExit;
  }

  #exportFailed(err: unknown): void {
    if (this.#failing) return;
    this.#failing = true;
    this.#lostBeforeBurst = this.#lost();
    const message = err instanceof Error ? err.message : String(err);
    this.#log.error(
      `Could not export gateway traces to ${this.trackingUri}: ${message} ` +
        'Retrying in the background; requests are served as usual. Further failures are not logged until an export succeeds.',
    );
  }

  #exportSucceeded(): void {
    if (!this.#failing) return;
    this.#failing = false;
    const lost = this.#lost() - this.#lostBeforeBurst;
    this.#log.info(`Exporting gateway traces to ${this.trackingUri} works again${lost > 0 ? `; ${lost} trace(s) could not be exported meanwhile` : ''}.`);
  }

  /** Waits until every queued trace is sent (or dropped after retries); false when `timeoutMs` ran out first. */
  flush(timeoutMs?: number): Promise<boolean> {
    return runOutsideContext(() => this.#queue.flush(timeoutMs));
  }

  /** Flushes (at most `closeTimeoutMs`), then stops: later records are ignored. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const lostBefore = this.#lost();
    await runOutsideContext(() => this.#queue.shutdown(this.#closeTimeoutMs));
    const lost = this.#lost() - (this.#failing ? this.#lostBeforeBurst : lostBefore);
    if (this.#failing && lost > 0) this.#log.error(`Gateway tracing stopped while the tracking server at ${this.trackingUri} was failing: ${lost} trace(s) were not exported.`);
  }
}
