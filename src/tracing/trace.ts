/**
 * Traces in memory: a TraceBuffer collects the spans under one local root and, when that root
 * ends, applies the sampling decision and hands a finished `Trace` to the export queue. There is
 * no global span registry: spans point at their buffer and the buffer is collected with them.
 *
 * A buffer whose root has a remote parent (a `traceparent` from another process) is a fragment:
 * it shares the caller's trace id, and the caller's process owns the trace info.
 */
import { SpanAttributeKey, SpanStatusCode, TRACE_SCHEMA_VERSION, TraceMetadataKey, TraceTagKey } from './constants.ts';
import { toMlflowTraceId } from './ids.ts';
import { parseJsonText, previewOf } from './json.ts';
import { LiveSpan, type SpanOwner } from './span.ts';
import type { SpanType } from './constants.ts';

/** Token counts as MLflow records them (`mlflow.chat.tokenUsage`, `mlflow.trace.tokenUsage`). */
export interface TokenUsage {
  input_tokens: number;
  output_tokens: number;
  total_tokens: number;
  cache_read_input_tokens?: number;
  cache_creation_input_tokens?: number;
}

export type TraceState = 'OK' | 'ERROR' | 'IN_PROGRESS';

/** A finished trace's info (the official SDK's TraceInfo fields). */
export interface TraceInfo {
  traceId: string;
  clientRequestId?: string;
  /** Set when known at the trace's end; exporters resolve `MLFLOW_EXPERIMENT_NAME` themselves. */
  experimentId?: string;
  /** Milliseconds since the epoch. */
  requestTime: number;
  /** Milliseconds. */
  executionDuration: number;
  state: TraceState;
  requestPreview?: string;
  responsePreview?: string;
  traceMetadata: Record<string, string>;
  tags: Record<string, string>;
}

/** The TraceInfoV3 JSON `POST /api/3.0/mlflow/traces` takes. */
export interface TraceInfoWire {
  trace_id: string;
  client_request_id?: string;
  trace_location: { type: 'MLFLOW_EXPERIMENT'; mlflow_experiment: { experiment_id: string } };
  request_preview?: string;
  response_preview?: string;
  request_time: string;
  execution_duration: string;
  state: TraceState;
  trace_metadata: Record<string, string>;
  tags: Record<string, string>;
  assessments: never[];
}

/** A finished trace (or the local fragment of a distributed one) ready for export. */
export class Trace {
  readonly info: TraceInfo;
  /** Spans in start order; the local root first. */
  readonly data: { readonly spans: readonly LiveSpan[] };
  /** True when the local root has a remote parent: the spans belong to a trace started elsewhere. */
  readonly isFragment: boolean;
  /** True when the trace's context was sent to another process, which may add spans to it. */
  readonly isPropagated: boolean;

  constructor(info: TraceInfo, spans: readonly LiveSpan[], isFragment: boolean, isPropagated = false) {
    this.info = info;
    this.data = { spans };
    this.isFragment = isFragment;
    this.isPropagated = isPropagated;
  }

  get traceId(): string {
    return this.info.traceId;
  }

  /** The TraceInfoV3 wire form. */
  toTraceInfoJson(experimentId: string): TraceInfoWire {
    const info = this.info;
    const wire: TraceInfoWire = {
      trace_id: info.traceId,
      trace_location: { type: 'MLFLOW_EXPERIMENT', mlflow_experiment: { experiment_id: experimentId } },
      request_time: new Date(info.requestTime).toISOString(),
      execution_duration: `${info.executionDuration / 1000}s`,
      state: info.state,
      trace_metadata: info.traceMetadata,
      tags: info.tags,
      assessments: [],
    };
    if (info.clientRequestId !== undefined) wire.client_request_id = info.clientRequestId;
    if (info.requestPreview !== undefined) wire.request_preview = info.requestPreview;
    if (info.responsePreview !== undefined) wire.response_preview = info.responsePreview;
    return wire;
  }

  /** The `traces.json` artifact: `{"spans":[...]}` in the official TypeScript SDK's span form. */
  toSpansJsonText(): string {
    return `{"spans":[${this.data.spans.map((s) => s.toJsonText()).join(',')}]}`;
  }
}

/** What a trace buffer needs from the tracing runtime. */
export interface TraceRuntime {
  readonly samplingRate: number;
  readonly slowThresholdMs: number | undefined;
  readonly experimentId: string | undefined;
  clock(): bigint;
  /** Metadata every trace of this runtime carries (user, source, git). */
  readonly baseMetadata: Readonly<Record<string, string>>;
  /** Receives traces that pass sampling. */
  deliver(trace: Trace): void;
}

let lastActiveTraceId: string | undefined;

export function getLastActiveTraceId(): string | undefined {
  return lastActiveTraceId;
}

export interface TraceBufferInit {
  traceIdHex: string;
  sampled: boolean;
  /** The remote parent's span id when this buffer is a fragment. */
  remoteParentId?: string;
  traceState?: string;
  /** Run id for `mlflow.sourceRun`. */
  sourceRunId?: string;
}

export class TraceBuffer implements SpanOwner {
  readonly runtime: TraceRuntime;
  readonly traceIdHex: string;
  readonly sampled: boolean;
  readonly remoteParentId: string | undefined;
  readonly traceState: string | undefined;
  readonly spans: LiveSpan[] = [];
  root: LiveSpan | undefined;
  readonly tags: Record<string, string> = {};
  readonly metadata: Record<string, string>;
  clientRequestId: string | undefined;
  requestPreview: string | undefined;
  responsePreview: string | undefined;
  /** Set when a span's context went into an outgoing request's headers. */
  propagated = false;
  #finished = false;

  constructor(runtime: TraceRuntime, init: TraceBufferInit) {
    this.runtime = runtime;
    this.traceIdHex = init.traceIdHex;
    this.sampled = init.sampled;
    this.remoteParentId = init.remoteParentId;
    this.traceState = init.traceState;
    // Only what this trace adds; the runtime's base metadata is merged in once, at the end.
    this.metadata = {};
    if (init.sourceRunId) this.metadata[TraceMetadataKey.SOURCE_RUN] = init.sourceRunId;
  }

  get traceId(): string {
    return toMlflowTraceId(this.traceIdHex);
  }

  get finished(): boolean {
    return this.#finished;
  }

  now(): bigint {
    return this.runtime.clock();
  }

  /** Creates a span in this trace; the first one is the (local) root. */
  startSpan(init: { name: string; spanType: SpanType; parentId: string | null; spanId: string; startTimeNs?: bigint }): LiveSpan {
    const span = new LiveSpan(this, {
      spanId: init.spanId,
      parentId: init.parentId,
      name: init.name,
      spanType: init.spanType,
      startTimeNs: init.startTimeNs ?? this.runtime.clock(),
    });
    if (!this.root) this.root = span;
    this.spans.push(span);
    return span;
  }

  spanEnded(span: LiveSpan): void {
    if (span === this.root && !this.#finished) {
      this.#finished = true;
      this.#finish(span);
    }
  }

  #finish(root: LiveSpan): void {
    const runtime = this.runtime;
    const durationNs = (root.endTimeNs ?? root.startTimeNs) - root.startTimeNs;
    const durationMs = Number(durationNs) / 1e6;
    const slow = runtime.slowThresholdMs !== undefined && durationMs > runtime.slowThresholdMs;
    if (!this.sampled && !slow) return;

    const tags: Record<string, string> = { [TraceTagKey.TRACE_NAME]: root.name, ...this.tags };
    const metadata: Record<string, string> = { ...runtime.baseMetadata, [TraceMetadataKey.SCHEMA_VERSION]: TRACE_SCHEMA_VERSION, ...this.metadata };
    if (slow) tags[TraceTagKey.SLOW] = 'true';
    if (runtime.samplingRate < 1 || !this.sampled) {
      const sampling: Record<string, unknown> = { rate: runtime.samplingRate, sampled: this.sampled };
      if (!this.sampled) {
        sampling.kept = 'slow';
        sampling.slow_threshold_ms = runtime.slowThresholdMs;
      }
      metadata[TraceMetadataKey.SAMPLING] = JSON.stringify(sampling);
    }

    const requestPreview = this.requestPreview ?? previewOf(root._attributeText(SpanAttributeKey.INPUTS));
    const responsePreview = this.responsePreview ?? previewOf(root._attributeText(SpanAttributeKey.OUTPUTS));
    metadata[TraceMetadataKey.INPUTS] = requestPreview;
    metadata[TraceMetadataKey.OUTPUTS] = responsePreview;
    const usage = aggregateTokenUsage(this.spans);
    if (usage) metadata[TraceMetadataKey.TOKEN_USAGE] = JSON.stringify(usage);

    const info: TraceInfo = {
      traceId: this.traceId,
      experimentId: runtime.experimentId,
      requestTime: Number(root.startTimeNs / 1_000_000n),
      executionDuration: Number(durationNs / 1_000_000n),
      state: root.status.statusCode === SpanStatusCode.ERROR ? 'ERROR' : 'OK',
      traceMetadata: metadata,
      tags,
    };
    if (this.clientRequestId !== undefined) info.clientRequestId = this.clientRequestId;
    if (requestPreview !== '') info.requestPreview = requestPreview;
    if (responsePreview !== '') info.responsePreview = responsePreview;

    lastActiveTraceId = info.traceId;
    // A snapshot: a span that starts after its root ended cannot join a trace already on its way.
    runtime.deliver(new Trace(info, this.spans.slice(), this.remoteParentId !== undefined, this.propagated));
  }
}

function usageOf(span: LiveSpan): TokenUsage | undefined {
  const raw = span.getAttribute(SpanAttributeKey.TOKEN_USAGE);
  if (!raw || typeof raw !== 'object') return undefined;
  return raw as TokenUsage;
}

/**
 * Sums token usage over the spans, skipping a span when an ancestor also reports usage: a wrapper
 * span around an LLM call (a framework's chat-model span over the provider SDK's span) reports the
 * same tokens again.
 */
export function aggregateTokenUsage(spans: readonly LiveSpan[]): TokenUsage | undefined {
  if (!spans.some((s) => s._attributeText(SpanAttributeKey.TOKEN_USAGE) !== undefined)) return undefined;
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  const total: TokenUsage = { input_tokens: 0, output_tokens: 0, total_tokens: 0 };
  let found = false;
  for (const span of spans) {
    const usage = usageOf(span);
    if (!usage) continue;
    let covered = false;
    for (let p = span.parentId ? byId.get(span.parentId) : undefined; p; p = p.parentId ? byId.get(p.parentId) : undefined) {
      if (usageOf(p)) {
        covered = true;
        break;
      }
    }
    if (covered) continue;
    found = true;
    const input = Number(usage.input_tokens) || 0;
    const output = Number(usage.output_tokens) || 0;
    total.input_tokens += input;
    total.output_tokens += output;
    total.total_tokens += Number(usage.total_tokens) || input + output;
    for (const key of ['cache_read_input_tokens', 'cache_creation_input_tokens'] as const) {
      if (usage[key] !== undefined) total[key] = (total[key] ?? 0) + (Number(usage[key]) || 0);
    }
  }
  return found ? total : undefined;
}

/** Decodes the `{"spans":[...]}` artifact text (times stay exact as decimal strings). */
export function parseSpansJsonText(text: string): { spans: Record<string, unknown>[] } {
  // Quote bare integers of 16+ digits in the time fields so JSON.parse keeps every digit.
  const safe = text.replace(/("(?:start_time_unix_nano|end_time_unix_nano|time_unix_nano)":)(-?\d+)/g, '$1"$2"');
  return parseJsonText(safe) as { spans: Record<string, unknown>[] };
}
