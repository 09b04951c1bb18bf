/**
 * A run's traces, summarised for the bundle: how many, latency percentiles (per trace and per
 * span name), token and USD cost totals, and gateway cache hits. The comparison report shows
 * these side by side, so a change that doubles cost or latency is visible in the PR.
 *
 * Traces link to a run through metadata `mlflow.sourceRun` (the tracing SDK sets it inside a
 * run; `linkTracesToRun` sets it afterwards), which trace search filters as `run_id = '<id>'`.
 * A run's traces live in its experiment, except gateway traces, which live in the gateway's
 * `gateway/<endpoint>` experiments (tag `mlflow.experiment.sourceType=GATEWAY`) and are found
 * there when linked to the run.
 *
 * Tokens and cost come from the spans when they were read (`mlflow.chat.tokenUsage`, else the
 * GenAI semantic-convention counts; `mlflow.llm.cost`), as the server itself derives a trace's
 * totals, and from the trace metadata (`mlflow.trace.tokenUsage`, `mlflow.trace.cost`)
 * otherwise. Spans are read for at most MAX_TRACES_WITH_SPANS traces per run, the newest first.
 */
import type { MlflowClient, SpanWire, TraceInfoWire } from '../../client/index.ts';
import { GatewaySpanAttributeKey, GatewayTraceMetadataKey, EXPERIMENT_SOURCE_TYPE_TAG, GATEWAY_SOURCE_TYPE } from '../../mlflow/trace-keys.ts';
import { GenAiAttributeKey, SpanAttributeKey, TraceMetadataKey } from '../../tracing/constants.ts';
import { percentile } from '../../evaluate/stats.ts';
import type { TraceSummary } from './schema.ts';
import { mapLimit } from '../../client/concurrency.ts';

/** Spans are fetched one trace at a time; beyond this many traces per run only the trace infos are used. */
export const MAX_TRACES_WITH_SPANS = 1000;
const SEARCH_PAGE_SIZE = 500;
const FETCH_CONCURRENCY = 8;

export interface TokenCounts {
  input: number;
  output: number;
  total: number;
}

export interface SpanFacts {
  name: string;
  /** Undefined for a span that has not ended. */
  durationMs: number | undefined;
  tokens?: TokenCounts;
  costUsd?: number;
  /** `gateway.cache_hit` on a gateway request span. */
  cacheHit?: boolean;
}

/** What the summary needs from one trace, whatever store it came from. */
export interface TraceFacts {
  durationMs?: number;
  /** From the trace metadata. */
  tokens?: TokenCounts;
  costUsd?: number;
  /** Undefined when the spans were not read. */
  spans?: SpanFacts[];
}

/** Microsecond precision is plenty for a report and keeps the bundle small. */
const round = (ms: number): number => Math.round(ms * 1000) / 1000;

function addTokens(into: TokenCounts, add: TokenCounts | undefined): void {
  if (!add) return;
  into.input += add.input;
  into.output += add.output;
  into.total += add.total;
}

export function summarizeTraces(traces: readonly TraceFacts[]): TraceSummary {
  const durations: number[] = [];
  const spanDurations = new Map<string, number[]>();
  const spanCounts = new Map<string, number>();
  const tokens: TokenCounts = { input: 0, output: 0, total: 0 };
  let cost = 0;
  let cacheHits = 0;
  let cacheMisses = 0;
  let spanTraces = 0;
  for (const t of traces) {
    if (t.durationMs !== undefined) durations.push(t.durationMs);
    const spans = t.spans;
    if (spans) spanTraces++;
    const spanTokens = spans?.filter((s) => s.tokens !== undefined);
    const spanCosts = spans?.filter((s) => s.costUsd !== undefined);
    if (spanTokens && spanTokens.length > 0) for (const s of spanTokens) addTokens(tokens, s.tokens);
    else addTokens(tokens, t.tokens);
    if (spanCosts && spanCosts.length > 0) for (const s of spanCosts) cost += s.costUsd!;
    else cost += t.costUsd ?? 0;
    for (const s of spans ?? []) {
      spanCounts.set(s.name, (spanCounts.get(s.name) ?? 0) + 1);
      if (s.durationMs !== undefined) {
        let list = spanDurations.get(s.name);
        if (!list) spanDurations.set(s.name, (list = []));
        list.push(s.durationMs);
      }
      if (s.cacheHit === true) cacheHits++;
      else if (s.cacheHit === false) cacheMisses++;
    }
  }
  const byNumber = (a: number, b: number): number => a - b;
  durations.sort(byNumber);
  const spans: TraceSummary['spans'] = {};
  for (const name of [...spanCounts.keys()].sort()) {
    const list = (spanDurations.get(name) ?? []).sort(byNumber);
    spans[name] = { count: spanCounts.get(name)!, p50_ms: round(percentile(list, 50)), p95_ms: round(percentile(list, 95)) };
  }
  return {
    count: traces.length,
    span_traces: spanTraces,
    spans,
    tokens,
    // Sums of many small float prices; twelve decimals hide the float noise, not a cent.
    cost_usd: Math.round(cost * 1e12) / 1e12,
    cache_hits: cacheHits,
    cache_misses: cacheMisses,
    latency_ms: durations.length > 0 ? { p50: round(percentile(durations, 50)), p95: round(percentile(durations, 95)) } : { p50: null, p95: null },
  };
}

// ---- decoding MLflow's trace JSON ----

const finite = (v: unknown): number | undefined => {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
};

function parseJsonObject(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const v: unknown = JSON.parse(text);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** `{input_tokens, output_tokens, total_tokens}` (MLflow's token usage) as counts; total defaults to input + output. */
export function tokenCounts(usage: Record<string, unknown> | undefined): TokenCounts | undefined {
  if (!usage) return undefined;
  const input = finite(usage.input_tokens);
  const output = finite(usage.output_tokens);
  const total = finite(usage.total_tokens);
  if (input === undefined && output === undefined && total === undefined) return undefined;
  return { input: input ?? 0, output: output ?? 0, total: total ?? (input ?? 0) + (output ?? 0) };
}

/** `{input_cost, output_cost, total_cost}` in USD as one total. */
export function costTotal(cost: Record<string, unknown> | undefined): number | undefined {
  if (!cost) return undefined;
  const total = finite(cost.total_cost);
  if (total !== undefined) return total;
  const input = finite(cost.input_cost);
  const output = finite(cost.output_cost);
  return input === undefined && output === undefined ? undefined : (input ?? 0) + (output ?? 0);
}

/** Trace-level facts from its metadata (`mlflow.trace.tokenUsage`, `mlflow.trace.cost`). */
export function metadataFacts(metadata: Readonly<Record<string, string>>): Pick<TraceFacts, 'tokens' | 'costUsd'> {
  const facts: Pick<TraceFacts, 'tokens' | 'costUsd'> = {};
  const tokens = tokenCounts(parseJsonObject(metadata[TraceMetadataKey.TOKEN_USAGE]));
  const cost = costTotal(parseJsonObject(metadata[GatewayTraceMetadataKey.COST]));
  if (tokens) facts.tokens = tokens;
  if (cost !== undefined) facts.costUsd = cost;
  return facts;
}

/** An OTLP AnyValue as the server returns it; MLflow keeps attribute values as JSON text in `string_value`. */
function anyValue(v: Record<string, unknown> | undefined): unknown {
  if (!v) return undefined;
  if (typeof v.string_value === 'string') {
    try {
      return JSON.parse(v.string_value);
    } catch {
      return v.string_value;
    }
  }
  if ('int_value' in v) return Number(v.int_value);
  if ('double_value' in v) return v.double_value;
  if ('bool_value' in v) return v.bool_value;
  const kv = v.kvlist_value as { values?: { key: string; value: Record<string, unknown> }[] } | undefined;
  if (kv) return Object.fromEntries((kv.values ?? []).map((e) => [e.key, anyValue(e.value)]));
  const list = v.array_value as { values?: Record<string, unknown>[] } | undefined;
  if (list) return (list.values ?? []).map(anyValue);
  return undefined;
}

const asObject = (v: unknown): Record<string, unknown> | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

const nanos = (v: number | string | undefined): number | undefined => {
  if (v === undefined || v === '' || v === '0' || v === 0) return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
};

export function spanFacts(span: SpanWire): SpanFacts {
  const attrs = new Map((span.attributes ?? []).map((a) => [a.key, a.value]));
  const get = (key: string): unknown => anyValue(attrs.get(key));
  const start = nanos(span.start_time_unix_nano);
  const end = nanos(span.end_time_unix_nano);
  const facts: SpanFacts = { name: span.name, durationMs: start !== undefined && end !== undefined ? Math.max(0, end - start) / 1e6 : undefined };
  let tokens = tokenCounts(asObject(get(SpanAttributeKey.TOKEN_USAGE)));
  if (!tokens) {
    const input = finite(get(GenAiAttributeKey.USAGE_INPUT_TOKENS));
    const output = finite(get(GenAiAttributeKey.USAGE_OUTPUT_TOKENS));
    if (input !== undefined || output !== undefined) tokens = { input: input ?? 0, output: output ?? 0, total: (input ?? 0) + (output ?? 0) };
  }
  if (tokens) facts.tokens = tokens;
  const cost = costTotal(asObject(get(SpanAttributeKey.LLM_COST)));
  if (cost !== undefined) facts.costUsd = cost;
  const cacheHit = get(GatewaySpanAttributeKey.CACHE_HIT);
  if (typeof cacheHit === 'boolean') facts.cacheHit = cacheHit;
  return facts;
}

/** `"0.191s"` (protobuf Duration JSON) as milliseconds. */
export function durationMs(text: string | undefined): number | undefined {
  const match = text === undefined ? null : /^(-?\d+(?:\.\d+)?)s$/.exec(text.trim());
  return match ? Number(match[1]) * 1000 : undefined;
}

export function traceFacts(info: TraceInfoWire, spans?: readonly SpanWire[]): TraceFacts {
  const facts: TraceFacts = metadataFacts(info.trace_metadata ?? {});
  const duration = durationMs(info.execution_duration);
  if (duration !== undefined) facts.durationMs = duration;
  if (spans) facts.spans = spans.map(spanFacts);
  return facts;
}

// ---- reading a run's traces through the client ----

/** The ids of the gateway's `gateway/<endpoint>` experiments, where linked gateway traces live. */
export async function gatewayExperimentIds(client: MlflowClient): Promise<string[]> {
  const ids: string[] = [];
  for await (const e of client.searchExperiments({ filter: `tags.\`${EXPERIMENT_SOURCE_TYPE_TAG}\` = '${GATEWAY_SOURCE_TYPE}'` })) ids.push(e.experiment_id);
  return ids;
}

const quote = (s: string): string => `'${s.replaceAll("'", "\\'")}'`;

/** The summary of every trace linked to `runId`, searched in `experimentIds`. */
export async function summarizeRunTraces(client: MlflowClient, runId: string, experimentIds: readonly string[]): Promise<TraceSummary> {
  const infos: TraceInfoWire[] = [];
  const seen = new Set<string>();
  for await (const info of client.searchTraces({
    experimentIds: [...new Set(experimentIds)],
    filter: `run_id = ${quote(runId)}`,
    orderBy: ['timestamp_ms DESC'],
    maxResults: SEARCH_PAGE_SIZE,
  })) {
    if (seen.has(info.trace_id)) continue;
    seen.add(info.trace_id);
    infos.push(info);
  }
  const withSpans = infos.slice(0, MAX_TRACES_WITH_SPANS);
  const spans = await mapLimit(withSpans, FETCH_CONCURRENCY, async (info) => (await client.getTrace(info.trace_id)).spans);
  return summarizeTraces(infos.map((info, i) => traceFacts(info, spans[i])));
}
