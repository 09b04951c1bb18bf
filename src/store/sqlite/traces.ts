/**
 * The SQLite trace store: MLflow v3 trace info, OTLP span ingestion, assessments and trace
 * metrics, on the tracking store's database (schema migration 2). Semantics follow MLflow's
 * SqlAlchemyStore (start_trace, log_spans, search_traces, ...); deviations are noted where they are.
 *
 * Every write runs in one synchronous transaction, so a span batch and the trace info derived
 * from it land together or not at all, and concurrent requests never see half a trace.
 */
import { CLIENT_REQUEST_ID_ATTRIBUTE, GATEWAY_METADATA_KEYS } from '../../mlflow/trace-keys.ts';
import { randomUUID } from 'node:crypto';
import type { SQLInputValue } from 'node:sqlite';
import { invalidParam, notFound } from '../../mlflow/errors.ts';
import { MLFLOW_LIMITS } from '../../mlflow/limits.ts';
import type {
  Assessment,
  DeleteTracesQuery,
  KeyValue,
  OtlpAnyValue,
  OtlpKeyValue,
  Page,
  SearchTracesQuery,
  SpanRecord,
  TraceInfo,
  TraceMetricsQuery,
  TraceMetricsRow,
  TraceState,
  TraceStore,
} from '../contract.ts';
import { decodePageToken, encodePageToken } from '../search/page-token.ts';
import { parseFilter, parseOrderBy } from '../search/parser.ts';
import { truncate, validateKey } from '../validate.ts';
import type { SqliteDb } from './db.ts';
import { activeExperimentRow, experimentKey, experimentRow, type ExperimentRow } from './experiment-rows.ts';
import { ARTIFACT_LOCATION_TAG, compileTraceFilter, compileTraceOrderBy, SOURCE_RUN_METADATA } from './trace-search-sql.ts';

// ------------------------------------------------------------------------------------ MLflow keys

/** Trace tags and metadata keys the store reads or writes (mlflow/tracing/constant.py). */
export const TRACE_KEYS = {
  artifactLocationTag: ARTIFACT_LOCATION_TAG,
  spansLocationTag: 'mlflow.trace.spansLocation',
  traceNameTag: 'mlflow.traceName',
  infoFinalized: 'mlflow.trace.infoFinalized',
  tokenUsage: 'mlflow.trace.tokenUsage',
  cost: 'mlflow.trace.cost',
  session: 'mlflow.trace.session',
  user: 'mlflow.trace.user',
  sourceRun: SOURCE_RUN_METADATA,
} as const;

/** The value of tag `mlflow.trace.spansLocation` for traces whose spans live in this store. */
export const SPANS_IN_TRACKING_STORE = 'TRACKING_STORE';

const SPAN_ATTRIBUTES = {
  spanType: 'mlflow.spanType',
  inputs: 'mlflow.spanInputs',
  outputs: 'mlflow.spanOutputs',
  tokenUsage: 'mlflow.chat.tokenUsage',
  cost: 'mlflow.llm.cost',
  genAiInputTokens: 'gen_ai.usage.input_tokens',
  genAiOutputTokens: 'gen_ai.usage.output_tokens',
} as const;

/**
 * Span attributes copied onto their trace's metadata at ingestion: MLflow's `session.id` and
 * `user.id`, and (our extension) the AI gateway's `mlflow.gateway.*` keys under their own names,
 * so a gateway trace arrives whole in one OTLP request. `afterFinal`: whether a value may still be
 * added once StartTraceV3 has written the trace's info.
 */
const METADATA_FROM_ATTRIBUTES: ReadonlyMap<string, { key: string; afterFinal: boolean; rootOnly: boolean }> = new Map([
  ['session.id', { key: TRACE_KEYS.session, afterFinal: false, rootOnly: false }],
  ['user.id', { key: TRACE_KEYS.user, afterFinal: true, rootOnly: false }],
  // Only from the trace's root: gateway spans inside a caller's trace leave the caller's info alone.
  ...Object.values(GATEWAY_METADATA_KEYS).map((k) => [k, { key: k, afterFinal: false, rootOnly: true }] as const),
  // Not metadata but the info's `client_request_id` (the gateway's request id, as in its access log).
  [CLIENT_REQUEST_ID_ATTRIBUTE, { key: CLIENT_REQUEST_ID_ATTRIBUTE, afterFinal: false, rootOnly: true }],
]);
const METADATA_AFTER_FINAL = new Set([...METADATA_FROM_ATTRIBUTES.values()].filter((m) => m.afterFinal).map((m) => m.key));

const TOKEN_KEYS = ['input_tokens', 'output_tokens', 'total_tokens', 'cache_read_input_tokens', 'cache_creation_input_tokens'] as const;
const COST_KEYS = ['input_cost', 'output_cost', 'total_cost'] as const;

/** MLflow OSS caps request/response previews at 1000 characters (TRACE_REQUEST_RESPONSE_PREVIEW_MAX_LENGTH_OSS). */
export const PREVIEW_MAX_LENGTH = 1000;
/** LinkTracesToRun takes at most this many traces per request (MAX_TRACE_LINKS_PER_REQUEST). */
export const MAX_TRACE_LINKS_PER_REQUEST = 100;

const TRACE_STATES: readonly TraceState[] = ['STATE_UNSPECIFIED', 'OK', 'ERROR', 'IN_PROGRESS'];
const SOURCE_TYPES: readonly Assessment['source']['source_type'][] = ['SOURCE_TYPE_UNSPECIFIED', 'HUMAN', 'LLM_JUDGE', 'CODE'];
const ASSESSMENT_MASK_FIELDS = ['assessment_name', 'feedback', 'expectation', 'rationale', 'metadata', 'valid'] as const;

type SpanStatus = 'UNSET' | 'OK' | 'ERROR';

// ------------------------------------------------------------------------------------ rows


interface TraceRow {
  /** The integer every child table references the trace by (schema migration 2). */
  trace_key: number;
  trace_id: string;
  experiment_id: number;
  request_time: number;
  execution_duration_ms: number | null;
  state: TraceState;
  request_preview: string | null;
  response_preview: string | null;
  client_request_id: string | null;
}

interface AssessmentRow {
  assessment_id: string;
  trace_key: number;
  body: string;
}

/** A span checked and converted for storage. */
interface SpanRow {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  spanType: string | null;
  status: SpanStatus;
  startNs: bigint;
  endNs: bigint | null;
  content: string;
  usage: string | null;
  /** The parsed form of `usage`, for totals over a batch without parsing it back. */
  usageValues: Record<string, number> | undefined;
  /** Whether the span has inputs or outputs attributes (a root's are the trace's previews). */
  hasIo: boolean;
  /** Trace metadata this span's attributes carry (METADATA_FROM_ATTRIBUTES). */
  metadata?: Record<string, string>;
}

// ------------------------------------------------------------------------------------ OTLP values

/** An OTLP AnyValue as a plain JS value (ints as numbers: token counts and flags, never ids). */
function anyToJs(v: OtlpAnyValue | undefined): unknown {
  if (v === null || typeof v !== 'object') return undefined;
  if ('string_value' in v) return v.string_value;
  if ('bool_value' in v) return v.bool_value;
  if ('int_value' in v) return Number(v.int_value);
  if ('double_value' in v) return Number(v.double_value);
  if ('bytes_value' in v) return v.bytes_value;
  if ('array_value' in v) return (v.array_value?.values ?? []).map(anyToJs);
  // fromEntries defines own properties, so a key named "__proto__" stays data.
  if ('kvlist_value' in v) return Object.fromEntries((v.kvlist_value?.values ?? []).map((kv) => [kv.key, anyToJs(kv.value)]));
  return undefined;
}

/** Python's repr of a float, which json.dumps uses: `1.0`, `1e-05`, `1e+16`. */
function pyFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mantissa, expText] = x.toExponential().split('e') as [string, string];
  const exp = Number(expText);
  if (exp < -4 || exp >= 16) return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  const fixed = String(x);
  return fixed.includes('.') ? fixed : `${fixed}.0`;
}

/**
 * An AnyValue as Python's `json.dumps(value, ensure_ascii=False)` writes it, which is how MLflow
 * stores span attributes and so how its previews and metadata read (`{"x": 1}`, not `{"x":1}`).
 */
function pyJsonAny(v: OtlpAnyValue | undefined): string {
  if (v === null || typeof v !== 'object') return 'null';
  if ('string_value' in v) return JSON.stringify(String(v.string_value));
  if ('bool_value' in v) return v.bool_value ? 'true' : 'false';
  if ('int_value' in v) return /^-?\d+$/.test(String(v.int_value)) ? String(v.int_value) : pyFloat(Number(v.int_value));
  if ('double_value' in v) return pyFloat(Number(v.double_value));
  if ('bytes_value' in v) return JSON.stringify(String(v.bytes_value));
  if ('array_value' in v) return `[${(v.array_value?.values ?? []).map(pyJsonAny).join(', ')}]`;
  if ('kvlist_value' in v) return `{${(v.kvlist_value?.values ?? []).map((kv) => `${JSON.stringify(kv.key)}: ${pyJsonAny(kv.value)}`).join(', ')}}`;
  return 'null';
}

/** Python json.dumps of a flat record of numbers; `floats` names keys Python holds as floats. */
function pyJsonNumbers(record: Record<string, number>, floats = false): string {
  return `{${Object.entries(record)
    .map(([k, n]) => `${JSON.stringify(k)}: ${floats || !Number.isInteger(n) ? pyFloat(n) : String(n)}`)
    .join(', ')}}`;
}

/** Attribute values some clients send JSON-encoded (`"\"LLM\""`): decode one level of a JSON string literal. */
function plainString(value: unknown): string | undefined {
  if (typeof value !== 'string') return value === undefined || value === null ? undefined : JSON.stringify(value);
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    try {
      const decoded: unknown = JSON.parse(value);
      if (typeof decoded === 'string') return decoded;
    } catch {
      // not JSON: the value is the string itself
    }
  }
  return value;
}

function objectValue(value: unknown): Record<string, unknown> | undefined {
  let v = value;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      return undefined;
    }
  }
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

// ------------------------------------------------------------------------------------ previews

function isMessage(x: unknown): x is { role?: unknown; content?: unknown } {
  return x !== null && typeof x === 'object' && 'role' in x && 'content' in x;
}

/** Chat messages in the shapes MLflow recognises: `messages`, `choices[0].message`, `input`, `output`, `request.*`. */
function chatMessages(obj: unknown, depth = 0): { role?: unknown; content?: unknown }[] | undefined {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj) || depth > 4) return undefined;
  const o = obj as Record<string, unknown>;
  if (Array.isArray(o.messages) && o.messages.length > 0) return o.messages.filter(isMessage);
  if (Array.isArray(o.choices) && o.choices.length > 0) {
    const first = o.choices[0] as Record<string, unknown> | null;
    if (first && typeof first === 'object' && isMessage(first.message)) return [first.message];
  }
  if (Array.isArray(o.input) && o.input.length > 0) return o.input.filter(isMessage);
  if (Array.isArray(o.output) && o.output.length > 0) return o.output.filter(isMessage);
  if ('request' in o) return chatMessages(o.request, depth + 1);
  return undefined;
}

function messageText(message: { content?: unknown } | undefined): string {
  const content = message?.content;
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    for (const part of content) {
      if (typeof part === 'string') return part;
      if (part && typeof part === 'object') {
        const p = part as Record<string, unknown>;
        if ((p.type === 'text' || p.type === 'output_text') && typeof p.text === 'string') return p.text;
      }
    }
  }
  return '';
}

/** Code points, not UTF-16 units, as Python's len() counts them. */
export function truncatePreview(text: string, max = PREVIEW_MAX_LENGTH): string {
  if (text.length <= max) return text;
  const points = Array.from(text);
  return points.length <= max ? text : `${points.slice(0, max - 3).join('')}...`;
}

/** A request/response preview from a root span's inputs/outputs, as MLflow's _get_truncated_preview derives it. */
function previewOf(value: OtlpAnyValue, role: 'user' | 'assistant'): string {
  const dumped = pyJsonAny(value);
  const messages = chatMessages(anyToJs(value));
  let text = '';
  if (messages && messages.length > 0) {
    const last = [...messages].reverse().find((m) => m.role === role) ?? messages[messages.length - 1];
    text = messageText(last);
  }
  return truncatePreview(text || dumped);
}

// ------------------------------------------------------------------------------------ ids and spans

const BASE64_ID = /^[A-Za-z0-9+/]+={0,2}$/;

/** A trace or span id, base64 (the span JSON form) or hex (the OTLP/JSON form), as its bytes. */
function idBytes(id: unknown, length: 8 | 16, what: string): Buffer {
  if (typeof id === 'string') {
    if (id.length === length * 2 && /^[0-9a-fA-F]+$/.test(id)) return Buffer.from(id, 'hex');
    if (BASE64_ID.test(id)) {
      const bytes = Buffer.from(id, 'base64');
      if (bytes.length === length) return bytes;
    }
  }
  throw invalidParam(`Invalid ${what} ${JSON.stringify(id)}: expected ${length} bytes as base64 (or ${length * 2} hex digits).`);
}

/**
 * Canonical base64 of 8 bytes: the padding bits of the last character are zero, so it is what
 * Buffer's encoder writes and needs no decode and re-encode (span ids mostly arrive like this).
 */
const CANONICAL_SPAN_ID = /^[A-Za-z0-9+/]{10}[AEIMQUYcgkosw048]=$/;

function spanIdBase64(id: unknown, what: string): string {
  return typeof id === 'string' && CANONICAL_SPAN_ID.test(id) ? id : idBytes(id, 8, what).toString('base64');
}

/** A trace id in both stored forms, cached per batch: a batch repeats each trace id once per span. */
interface TraceIds {
  base64: string;
  mlflowId: string;
}

function traceIds(id: unknown, what: string, cache: Map<string, TraceIds>): TraceIds {
  let ids = typeof id === 'string' ? cache.get(id) : undefined;
  if (ids === undefined) {
    const bytes = idBytes(id, 16, what);
    ids = { base64: bytes.toString('base64'), mlflowId: `tr-${bytes.toString('hex')}` };
    cache.set(id as string, ids);
  }
  return ids;
}

/** MLflow's trace id for an OTel trace id: `tr-` and 32 hex digits. */
export function mlflowTraceId(otelTraceId: string): string {
  return `tr-${idBytes(otelTraceId, 16, 'trace_id').toString('hex')}`;
}

const INT64_MAX = 2n ** 63n - 1n;

function nanos(value: unknown, what: string): bigint {
  let n: bigint | undefined;
  if (typeof value === 'string' && /^\d{1,19}$/.test(value)) n = BigInt(value);
  else if (typeof value === 'bigint') n = value;
  else if (typeof value === 'number' && Number.isInteger(value) && value >= 0) n = BigInt(value);
  if (n === undefined || n < 0n || n > INT64_MAX) {
    throw invalidParam(`Invalid ${what} ${JSON.stringify(typeof value === 'bigint' ? String(value) : value)}: expected nanoseconds since the epoch as a decimal string.`);
  }
  return n;
}

function spanStatus(status: SpanRecord['status'] | undefined): SpanStatus {
  const code: unknown = status?.code;
  if (code === 'STATUS_CODE_OK' || code === 1 || code === 'OK') return 'OK';
  if (code === 'STATUS_CODE_ERROR' || code === 2 || code === 'ERROR') return 'ERROR';
  return 'UNSET';
}

function finiteNumber(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/** The span attributes the store reads, by their SPAN_ATTRIBUTES name; a repeated key's last value wins, as in a dict. */
type PickedAttributes = Partial<Record<keyof typeof SPAN_ATTRIBUTES, OtlpAnyValue>>;

const PICKED_NAMES = new Map<string, keyof typeof SPAN_ATTRIBUTES>(Object.entries(SPAN_ATTRIBUTES).map(([name, key]) => [key, name as keyof typeof SPAN_ATTRIBUTES]));

/** A span's token counts and cost, from `mlflow.chat.tokenUsage` (or the GenAI semconv counts) and `mlflow.llm.cost`. */
function spanUsage(attrs: PickedAttributes): Record<string, number> | undefined {
  const usage: Record<string, number> = {};
  const tokens = objectValue(anyToJs(attrs.tokenUsage));
  if (tokens) {
    for (const k of TOKEN_KEYS) {
      const n = finiteNumber(tokens[k]);
      if (n !== undefined) usage[k] = n;
    }
  } else {
    const input = finiteNumber(anyToJs(attrs.genAiInputTokens));
    const output = finiteNumber(anyToJs(attrs.genAiOutputTokens));
    if (input !== undefined) usage.input_tokens = input;
    if (output !== undefined) usage.output_tokens = output;
    if (input !== undefined && output !== undefined) usage.total_tokens = input + output;
  }
  const cost = objectValue(anyToJs(attrs.cost));
  if (cost) {
    for (const k of COST_KEYS) {
      const n = finiteNumber(cost[k]);
      if (n !== undefined) usage[k] = n;
    }
  }
  return Object.keys(usage).length > 0 ? usage : undefined;
}

function attributeMap(attributes: OtlpKeyValue[]): Map<string, OtlpAnyValue> {
  const map = new Map<string, OtlpAnyValue>();
  for (const kv of attributes) map.set(kv.key, kv.value);
  return map;
}

/** Checks one incoming span and converts it for storage; ids become canonical base64. */
function toSpanRow(span: SpanRecord, index: number, traceIdCache: Map<string, TraceIds>): SpanRow {
  const where = `spans[${index}]`;
  if (span === null || typeof span !== 'object') throw invalidParam(`Invalid ${where}: expected a span object.`);
  const trace = traceIds(span.trace_id, `${where}.trace_id`, traceIdCache);
  const spanId = spanIdBase64(span.span_id, `${where}.span_id`);
  const parent = span.parent_span_id === undefined || span.parent_span_id === null || span.parent_span_id === '' ? null : spanIdBase64(span.parent_span_id, `${where}.parent_span_id`);
  if (typeof span.name !== 'string') throw invalidParam(`Invalid ${where}.name: expected a string.`);
  const startNs = nanos(span.start_time_unix_nano, `${where}.start_time_unix_nano`);
  const endRaw = span.end_time_unix_nano;
  // OTLP writes 0 for a span that has not ended.
  const endNs = endRaw === undefined || endRaw === null || endRaw === '0' || endRaw === '' ? null : nanos(endRaw, `${where}.end_time_unix_nano`);
  const attributes = span.attributes ?? [];
  if (!Array.isArray(attributes)) throw invalidParam(`Invalid ${where}.attributes: expected a list of {key, value}.`);
  const attrs: PickedAttributes = {};
  let metadata: Record<string, string> | undefined;
  for (const a of attributes as unknown[]) {
    if (a === null || typeof a !== 'object' || typeof (a as OtlpKeyValue).key !== 'string') throw invalidParam(`Invalid ${where}.attributes: expected a list of {key, value}.`);
    const name = PICKED_NAMES.get((a as OtlpKeyValue).key);
    if (name !== undefined) attrs[name] = (a as OtlpKeyValue).value;
    const meta = METADATA_FROM_ATTRIBUTES.get((a as OtlpKeyValue).key);
    if (meta !== undefined && (!meta.rootOnly || parent === null)) {
      const value = plainString(anyToJs((a as OtlpKeyValue).value));
      if (value) (metadata ??= {})[meta.key] = value;
    }
  }
  const events = span.events ?? [];
  if (!Array.isArray(events)) throw invalidParam(`Invalid ${where}.events: expected a list.`);
  const usage = spanUsage(attrs);
  const record: SpanRecord = {
    ...span,
    trace_id: trace.base64,
    span_id: spanId,
    name: span.name,
    start_time_unix_nano: startNs.toString(),
    attributes,
    events,
  };
  if (parent === null) delete record.parent_span_id;
  else record.parent_span_id = parent;
  if (endNs === null) delete record.end_time_unix_nano;
  else record.end_time_unix_nano = endNs.toString();
  const row: SpanRow = {
    traceId: trace.mlflowId,
    spanId,
    parentSpanId: parent,
    name: span.name,
    spanType: plainString(anyToJs(attrs.spanType)) ?? null,
    status: spanStatus(span.status),
    startNs,
    endNs,
    content: JSON.stringify(record),
    usage: usage ? JSON.stringify(usage) : null,
    usageValues: usage,
    hasIo: 'inputs' in attrs || 'outputs' in attrs,
  };
  if (metadata) row.metadata = metadata;
  return row;
}

// ------------------------------------------------------------------------------------ trace info from spans

const SPAN_COLUMNS = 'trace_key, span_id, parent_span_id, name, span_type, status, start_time_ns, end_time_ns, usage, content';
const SPAN_PARAMS = '?, ?, ?, ?, ?, ?, ?, ?, ?, ?';

/** A trace's state once its root span is in: MLflow maps an UNSET root to OK. */
function rootState(status: SpanStatus): TraceState {
  return status === 'ERROR' ? 'ERROR' : 'OK';
}

/** Request/response previews from the root span's stored JSON (its inputs and outputs attributes). */
function rootPreviews(content: string): { request: string | null; response: string | null } {
  const attrs = attributeMap((JSON.parse(content) as SpanRecord).attributes ?? []);
  const inputs = attrs.get(SPAN_ATTRIBUTES.inputs);
  const outputs = attrs.get(SPAN_ATTRIBUTES.outputs);
  return {
    request: inputs === undefined ? null : previewOf(inputs, 'user'),
    response: outputs === undefined ? null : previewOf(outputs, 'assistant'),
  };
}

/**
 * Token and cost totals as trace metadata values, over spans' usage in span-id order (the key
 * order of the JSON follows first appearance, so the order is fixed for both derivations).
 */
function usageTotals(usages: Iterable<Record<string, number>>): { tokenUsage: string | undefined; cost: string | undefined } {
  const tokens: Record<string, number> = {};
  const cost: Record<string, number> = {};
  for (const u of usages) {
    for (const k of TOKEN_KEYS) if (u[k] !== undefined) tokens[k] = (tokens[k] ?? 0) + u[k];
    if (COST_KEYS.some((k) => u[k] !== undefined)) for (const k of COST_KEYS) cost[k] = (cost[k] ?? 0) + (u[k] ?? 0);
  }
  return {
    tokenUsage: Object.keys(tokens).length > 0 ? pyJsonNumbers(tokens) : undefined,
    cost: Object.keys(cost).length > 0 ? pyJsonNumbers(cost, true) : undefined,
  };
}

const bySpanId = (a: SpanRow, b: SpanRow): number => (a.spanId < b.spanId ? -1 : a.spanId > b.spanId ? 1 : 0);

interface DerivedTraceInfo {
  requestTime: number;
  durationMs: number | null;
  state: TraceState;
  requestPreview: string | null;
  responsePreview: string | null;
  /** The root span's name, the trace's `mlflow.traceName`. */
  name: string | undefined;
  tokenUsage: string | undefined;
  cost: string | undefined;
  /** Metadata from span attributes, each key from the first span that has it. */
  metadata: Record<string, string>;
}

/**
 * The info of a new trace whose spans are all in `batch` (deduplicated by span id): what
 * SqliteTraceStore.refreshFromSpans derives from stored spans, computed without a query.
 * request_time is the earliest start, the duration runs to the latest end, the root is the
 * earliest span without a parent (ties by span id) and gives state, previews and name.
 */
function deriveTraceInfo(batch: SpanRow[]): DerivedTraceInfo {
  let minStart = batch[0]!.startNs;
  let maxEnd: bigint | null = null;
  let root: SpanRow | undefined;
  for (const s of batch) {
    if (s.startNs < minStart) minStart = s.startNs;
    if (s.endNs !== null && (maxEnd === null || s.endNs > maxEnd)) maxEnd = s.endNs;
    if (s.parentSpanId === null && (root === undefined || s.startNs < root.startNs || (s.startNs === root.startNs && s.spanId < root.spanId))) root = s;
  }
  // Whole milliseconds, truncated, as SQLite's integer division gives them.
  const requestTime = Number(minStart / 1_000_000n);
  const previews = root?.hasIo ? rootPreviews(root.content) : { request: null, response: null };
  const totals = usageTotals(
    batch
      .filter((s) => s.usageValues !== undefined)
      .sort(bySpanId)
      .map((s) => s.usageValues!),
  );
  return {
    requestTime,
    durationMs: maxEnd === null ? null : Math.max(0, Number(maxEnd / 1_000_000n) - requestTime),
    state: root ? rootState(root.status) : 'IN_PROGRESS',
    requestPreview: previews.request,
    responsePreview: previews.response,
    name: root?.name,
    tokenUsage: totals.tokenUsage,
    cost: totals.cost,
    metadata: metadataOf(batch),
  };
}

/** Each attribute-borne metadata key, from the first span of the batch that carries it. */
function metadataOf(batch: readonly SpanRow[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of batch) {
    if (!s.metadata) continue;
    for (const [k, v] of Object.entries(s.metadata)) if (!(k in out)) out[k] = v;
  }
  return out;
}

// ------------------------------------------------------------------------------------ checks


function joinUri(root: string, ...parts: string[]): string {
  return [root.replace(/\/+$/, ''), ...parts].join('/');
}

function checkStringMap(value: unknown, what: string): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw invalidParam(`Invalid ${what}: expected an object of string values.`);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (k === '') throw invalidParam(`Invalid ${what}: keys must be non-empty.`);
    if (typeof v !== 'string') throw invalidParam(`Invalid ${what} '${k}': expected a string value, got ${JSON.stringify(v)}.`);
    out[k] = v;
  }
  return out;
}

function checkTimestamp(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw invalidParam(`Invalid ${what} ${JSON.stringify(value)}: expected a non-negative integer number of milliseconds.`);
  }
  return value;
}

function checkMaxResults(value: number | undefined): number {
  const L = MLFLOW_LIMITS.searchTraces;
  if (value === undefined) return L.defaultMaxResults;
  if (!Number.isInteger(value) || value < 1 || value > L.maxResults) {
    throw invalidParam(`Invalid value ${value} for parameter 'max_results' supplied. It must be a positive integer at most ${L.maxResults}.`);
  }
  return value;
}

function checkTraceInfo(info: TraceInfo): void {
  if (info === null || typeof info !== 'object') throw invalidParam('Invalid trace_info: expected an object.');
  if (typeof info.trace_id !== 'string' || info.trace_id === '') {
    throw invalidParam(`Missing value for required parameter 'trace_id'. See the API docs for more information about request parameters.`);
  }
  if (typeof info.experiment_id !== 'string' || info.experiment_id === '') {
    throw invalidParam(`Missing value for required parameter 'trace_location.mlflow_experiment.experiment_id'.`);
  }
  checkTimestamp(info.request_time, 'request_time');
  if (info.execution_duration_ms !== undefined && info.execution_duration_ms !== null) checkTimestamp(info.execution_duration_ms, 'execution_duration');
  if (!TRACE_STATES.includes(info.state)) {
    throw invalidParam(`Invalid trace state ${JSON.stringify(info.state)}: expected one of ${TRACE_STATES.join(', ')}.`);
  }
  for (const field of ['client_request_id', 'request_preview', 'response_preview'] as const) {
    const v = info[field];
    if (v !== undefined && v !== null && typeof v !== 'string') throw invalidParam(`Invalid ${field}: expected a string.`);
  }
  if (info.assessments !== undefined && !Array.isArray(info.assessments)) throw invalidParam('Invalid assessments: expected a list.');
}

type AssessmentInput = Omit<Assessment, 'assessment_id' | 'create_time_ms' | 'last_update_time_ms'>;

function checkAssessment(a: AssessmentInput, where = 'assessment'): void {
  if (a === null || typeof a !== 'object') throw invalidParam(`Invalid ${where}: expected an object.`);
  if (typeof a.assessment_name !== 'string' || a.assessment_name === '') {
    throw invalidParam(`Missing value for required parameter '${where}.assessment_name'.`);
  }
  if (!a.source || typeof a.source !== 'object') throw invalidParam(`Missing value for required parameter '${where}.source'.`);
  if (!SOURCE_TYPES.includes(a.source.source_type)) {
    throw invalidParam(`Invalid ${where}.source.source_type ${JSON.stringify(a.source.source_type)}: expected one of ${SOURCE_TYPES.join(', ')}.`);
  }
  if (typeof a.source.source_id !== 'string' || a.source.source_id === '') {
    throw invalidParam(`Missing value for required parameter '${where}.source.source_id'.`);
  }
  const kinds = (a.feedback !== undefined && a.feedback !== null ? 1 : 0) + (a.expectation !== undefined && a.expectation !== null ? 1 : 0);
  if (kinds !== 1) throw invalidParam(`Invalid ${where}: exactly one of 'feedback' or 'expectation' must be set.`);
  if (a.span_id !== undefined && a.span_id !== null && typeof a.span_id !== 'string') throw invalidParam(`Invalid ${where}.span_id: expected a string.`);
  if (a.rationale !== undefined && a.rationale !== null && typeof a.rationale !== 'string') throw invalidParam(`Invalid ${where}.rationale: expected a string.`);
  if (a.overrides !== undefined && a.overrides !== null && typeof a.overrides !== 'string') throw invalidParam(`Invalid ${where}.overrides: expected a string.`);
  if (a.valid !== undefined && a.valid !== null && typeof a.valid !== 'boolean') throw invalidParam(`Invalid ${where}.valid: expected a boolean.`);
  checkStringMap(a.metadata, `${where}.metadata`);
}

/** The assessment with unset optional fields dropped, so the stored JSON is what the wire omits. */
function cleanAssessment(a: Assessment): Assessment {
  const out: Assessment = {
    assessment_id: a.assessment_id,
    assessment_name: a.assessment_name,
    trace_id: a.trace_id,
    source: { source_type: a.source.source_type, source_id: a.source.source_id },
    create_time_ms: a.create_time_ms,
    last_update_time_ms: a.last_update_time_ms,
  };
  if (a.span_id) out.span_id = a.span_id;
  if (a.feedback !== undefined && a.feedback !== null) out.feedback = a.feedback;
  if (a.expectation !== undefined && a.expectation !== null) out.expectation = a.expectation;
  if (a.rationale !== undefined && a.rationale !== null) out.rationale = a.rationale;
  if (a.metadata && Object.keys(a.metadata).length > 0) out.metadata = { ...a.metadata };
  if (a.overrides) out.overrides = a.overrides;
  out.valid = a.valid ?? true;
  return out;
}

const newAssessmentId = (): string => `a-${randomUUID().replaceAll('-', '')}`;

/** SQLite's fixed limits an oversized filter runs into; the client's to shrink, so 400 rather than 500. */
const SQLITE_SIZE_LIMIT = /Expression tree is too large|too many FROM clause terms|too many SQL variables|LIKE or GLOB pattern too complex|parser stack overflow/;

/** Linear interpolation between closest ranks (numpy's default, PostgreSQL's percentile_cont). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

const REGEX_CACHE_SIZE = 64;


// ------------------------------------------------------------------------------------ store

export class SqliteTraceStore implements TraceStore {
  private readonly sql: SqliteDb;

  constructor(sql: SqliteDb) {
    this.sql = sql;
    // SQLite has no REGEXP function of its own; RLIKE compiles to `x REGEXP ?`, which calls
    // regexp(pattern, x). Patterns are checked (length, catastrophic shapes) before any query runs.
    const compiled = new Map<string, RegExp>();
    this.sql.db.function('regexp', { deterministic: true }, (pattern, value) => {
      if (typeof pattern !== 'string' || value === null || value === undefined) return null;
      let re = compiled.get(pattern);
      if (!re) {
        re = new RegExp(pattern);
        if (compiled.size >= REGEX_CACHE_SIZE) compiled.delete(compiled.keys().next().value!);
        compiled.set(pattern, re);
      }
      return re.test(typeof value === 'string' ? value : String(value)) ? 1 : 0;
    });
  }

  // ---------------------------------------------------------------- helpers

  private experimentRow(experimentId: string): ExperimentRow {
    return experimentRow(this.sql, experimentId);
  }

  private activeExperimentRow(experimentId: string): ExperimentRow {
    return activeExperimentRow(this.sql, experimentId);
  }

  private traceRow(traceId: string): TraceRow | undefined {
    return this.sql.get<TraceRow>('SELECT * FROM trace_info WHERE trace_id = ?', traceId);
  }

  private traceRows(traceIds: Iterable<string>): TraceRow[] {
    return this.sql.all<TraceRow>('SELECT * FROM trace_info WHERE trace_id IN (SELECT value FROM json_each(?))', JSON.stringify([...traceIds]));
  }

  private requireTrace(traceId: string): TraceRow {
    const row = typeof traceId === 'string' ? this.traceRow(traceId) : undefined;
    if (!row) throw notFound(`Trace with ID '${traceId}' not found.`);
    return row;
  }

  private setTag(traceKey: number, key: string, value: string): void {
    this.sql.run('INSERT INTO trace_tags (trace_key, key, value) VALUES (?, ?, ?) ON CONFLICT (trace_key, key) DO UPDATE SET value = excluded.value', traceKey, key, value);
  }

  private setMetadata(traceKey: number, key: string, value: string): void {
    this.sql.run('INSERT INTO trace_metadata (trace_key, key, value) VALUES (?, ?, ?) ON CONFLICT (trace_key, key) DO UPDATE SET value = excluded.value', traceKey, key, value);
  }

  private getMetadata(traceKey: number, key: string): string | undefined {
    return this.sql.get<{ value: string }>('SELECT value FROM trace_metadata WHERE trace_key = ? AND key = ?', traceKey, key)?.value;
  }

  private getTag(traceKey: number, key: string): string | undefined {
    return this.sql.get<{ value: string }>('SELECT value FROM trace_tags WHERE trace_key = ? AND key = ?', traceKey, key)?.value;
  }

  private artifactLocation(exp: ExperimentRow, traceId: string): string {
    return joinUri(exp.artifact_location, 'traces', traceId, 'artifacts');
  }

  private writeAssessment(traceKey: number, a: Assessment): void {
    const clean = cleanAssessment(a);
    this.sql.run(
      `INSERT INTO assessments (assessment_id, trace_key, name, create_time_ms, last_update_time_ms, valid, overrides, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (assessment_id) DO UPDATE SET trace_key = excluded.trace_key, name = excluded.name, create_time_ms = excluded.create_time_ms,
         last_update_time_ms = excluded.last_update_time_ms, valid = excluded.valid, overrides = excluded.overrides, body = excluded.body`,
      clean.assessment_id,
      traceKey,
      clean.assessment_name,
      clean.create_time_ms,
      clean.last_update_time_ms,
      clean.valid === false ? 0 : 1,
      clean.overrides ?? null,
      JSON.stringify(clean),
    );
  }

  private findAssessment(traceKey: number, assessmentId: string): AssessmentRow | undefined {
    return this.sql.get<AssessmentRow>('SELECT assessment_id, trace_key, body FROM assessments WHERE trace_key = ? AND assessment_id = ?', traceKey, assessmentId);
  }

  private assessmentRow(traceId: string, assessmentId: string): { traceKey: number; assessment: Assessment } {
    const trace = typeof traceId === 'string' ? this.traceRow(traceId) : undefined;
    if (!trace) throw notFound(`Trace with request_id '${traceId}' not found`);
    const row = this.findAssessment(trace.trace_key, assessmentId);
    if (!row) throw notFound(`Assessment with ID '${assessmentId}' not found for trace '${traceId}'`);
    return { traceKey: trace.trace_key, assessment: JSON.parse(row.body) as Assessment };
  }

  private setAssessmentValid(traceKey: number, assessmentId: string, valid: boolean): number {
    const row = this.findAssessment(traceKey, assessmentId);
    if (!row) return 0;
    const a = JSON.parse(row.body) as Assessment;
    this.writeAssessment(traceKey, { ...a, valid });
    return 1;
  }

  /** Full TraceInfo for each row, in the rows' order. */
  private hydrate(rows: TraceRow[]): TraceInfo[] {
    if (rows.length === 0) return [];
    const keys = JSON.stringify(rows.map((r) => r.trace_key));
    const IN = '(SELECT value FROM json_each(?))';
    const infos = new Map<number, TraceInfo>();
    for (const r of rows) {
      const info: TraceInfo = {
        trace_id: r.trace_id,
        experiment_id: String(r.experiment_id),
        request_time: Number(r.request_time),
        state: r.state,
        trace_metadata: {},
        tags: {},
        assessments: [],
      };
      if (r.client_request_id !== null) info.client_request_id = r.client_request_id;
      if (r.request_preview !== null) info.request_preview = r.request_preview;
      if (r.response_preview !== null) info.response_preview = r.response_preview;
      if (r.execution_duration_ms !== null) info.execution_duration_ms = Number(r.execution_duration_ms);
      infos.set(r.trace_key, info);
    }
    for (const m of this.sql.all<{ trace_key: number; key: string; value: string }>(`SELECT trace_key, key, value FROM trace_metadata WHERE trace_key IN ${IN} ORDER BY key`, keys)) {
      infos.get(m.trace_key)!.trace_metadata[m.key] = m.value;
    }
    for (const t of this.sql.all<{ trace_key: number; key: string; value: string }>(`SELECT trace_key, key, value FROM trace_tags WHERE trace_key IN ${IN} ORDER BY key`, keys)) {
      infos.get(t.trace_key)!.tags[t.key] = t.value;
    }
    for (const a of this.sql.all<AssessmentRow>(`SELECT assessment_id, trace_key, body FROM assessments WHERE trace_key IN ${IN} ORDER BY create_time_ms, assessment_id`, keys)) {
      infos.get(a.trace_key)!.assessments.push(JSON.parse(a.body) as Assessment);
    }
    return rows.map((r) => infos.get(r.trace_key)!);
  }

  private query<T>(what: string, sql: string, params: SQLInputValue[]): T[] {
    try {
      return this.sql.stmt(sql).all(...params) as T[];
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (!SQLITE_SIZE_LIMIT.test(message)) throw err;
      throw invalidParam(`The ${what} request is too large to run (${message}). Use fewer filter clauses, order_by keys or IN values.`);
    }
  }

  // ---------------------------------------------------------------- trace info

  async startTrace(info: TraceInfo): Promise<TraceInfo> {
    checkTraceInfo(info);
    const tags = checkStringMap(info.tags, 'tags');
    const metadata = checkStringMap(info.trace_metadata, 'trace_metadata');
    const assessments = (info.assessments ?? []).map((a, i) => {
      checkAssessment(a, `assessments[${i}]`);
      return a;
    });
    const traceId = info.trace_id;
    return this.sql.transaction(() => {
      const exp = this.activeExperimentRow(info.experiment_id);
      // An existing row was created by logSpans (spans can arrive first): StartTraceV3's values
      // are authoritative for the trace-level fields, previews fall back to the derived ones,
      // and tags/metadata merge with the client's winning.
      this.sql.run(
        `INSERT INTO trace_info (trace_id, experiment_id, request_time, execution_duration_ms, state, request_preview, response_preview, client_request_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (trace_id) DO UPDATE SET experiment_id = excluded.experiment_id, request_time = excluded.request_time,
           execution_duration_ms = excluded.execution_duration_ms, state = excluded.state, client_request_id = excluded.client_request_id,
           request_preview = COALESCE(excluded.request_preview, trace_info.request_preview),
           response_preview = COALESCE(excluded.response_preview, trace_info.response_preview)`,
        traceId,
        exp.experiment_id,
        info.request_time,
        info.execution_duration_ms ?? null,
        info.state,
        info.request_preview ?? null,
        info.response_preview ?? null,
        info.client_request_id ?? null,
      );
      const row = this.traceRow(traceId)!;
      const key = row.trace_key;
      for (const [k, v] of Object.entries(tags)) this.setTag(key, k, v);
      this.setTag(key, TRACE_KEYS.artifactLocationTag, this.artifactLocation(exp, traceId));
      for (const [k, v] of Object.entries(metadata)) this.setMetadata(key, k, v);
      this.setMetadata(key, TRACE_KEYS.infoFinalized, 'true');
      const now = Date.now();
      for (const a of assessments) {
        const full = a as Partial<Assessment> & AssessmentInput;
        this.writeAssessment(key, {
          ...full,
          assessment_id: full.assessment_id || newAssessmentId(),
          trace_id: traceId,
          create_time_ms: full.create_time_ms ?? now,
          last_update_time_ms: full.last_update_time_ms ?? full.create_time_ms ?? now,
        });
      }
      return this.hydrate([row])[0]!;
    });
  }

  async getTraceInfo(traceId: string): Promise<TraceInfo> {
    return this.hydrate([this.requireTrace(traceId)])[0]!;
  }

  async getTraceInfos(traceIds: string[]): Promise<TraceInfo[]> {
    const unique = [...new Set(traceIds.filter((id) => typeof id === 'string'))];
    if (unique.length === 0) return [];
    const rows = this.traceRows(unique);
    const byId = new Map(rows.map((r) => [r.trace_id, r]));
    return this.hydrate(unique.map((id) => byId.get(id)).filter((r): r is TraceRow => r !== undefined));
  }

  async searchTraces(query: SearchTracesQuery): Promise<Page<TraceInfo>> {
    const limit = checkMaxResults(query.maxResults);
    const offset = decodePageToken(query.pageToken);
    const filter = compileTraceFilter(parseFilter(query.filter, 'traces'));
    const order = compileTraceOrderBy((query.orderBy ?? []).map((o) => parseOrderBy(o, 'traces')));
    const expIds = query.experimentIds.map(experimentKey).filter((id): id is number => id !== undefined);
    if (expIds.length === 0) return { items: [] };
    const where = ['trace_info.experiment_id IN (SELECT value FROM json_each(?))', ...filter.where].join(' AND ');
    const rows = this.query<TraceRow>(
      'search_traces',
      `SELECT trace_info.* FROM trace_info ${order.joins} WHERE ${where} ORDER BY ${order.orderBy} LIMIT ? OFFSET ?`,
      [...(order.params as SQLInputValue[]), JSON.stringify(expIds), ...(filter.params as SQLInputValue[]), limit + 1, offset],
    );
    const page: Page<TraceInfo> = { items: this.hydrate(rows.slice(0, limit)) };
    if (rows.length > limit) page.nextPageToken = encodePageToken(offset + limit);
    return page;
  }

  async setTraceTag(traceId: string, tag: KeyValue): Promise<void> {
    if (!tag || typeof tag.key !== 'string') throw invalidParam(`Missing value for required parameter 'key'. See the API docs for more information about request parameters.`);
    validateKey(tag.key, 'Tag name');
    if (tag.key.length > MLFLOW_LIMITS.maxTraceTagKeyLength) {
      throw invalidParam(`'key' exceeds the maximum length of ${MLFLOW_LIMITS.maxTraceTagKeyLength} characters`);
    }
    // MLflow truncates an over-long trace tag value, as it does run tags.
    const value = truncate(String(tag.value ?? ''), MLFLOW_LIMITS.maxTraceTagValueLength);
    this.sql.transaction(() => {
      this.setTag(this.requireTrace(traceId).trace_key, tag.key, value);
    });
  }

  async deleteTraceTag(traceId: string, key: string): Promise<void> {
    this.sql.transaction(() => {
      const { trace_key } = this.requireTrace(traceId);
      const { changes } = this.sql.run('DELETE FROM trace_tags WHERE trace_key = ? AND key = ?', trace_key, key);
      if (Number(changes) === 0) throw notFound(`No trace tag with key '${key}' for trace with ID '${traceId}'`);
    });
  }

  async deleteTraces(query: DeleteTracesQuery): Promise<number> {
    const { maxTimestampMillis, maxTraces, traceIds } = query;
    const hasIds = traceIds !== undefined && traceIds.length > 0;
    if (maxTimestampMillis === undefined && !hasIds) throw invalidParam('Either `max_timestamp_millis` or `trace_ids` must be specified.');
    if (maxTimestampMillis !== undefined && hasIds) throw invalidParam('Only one of `max_timestamp_millis` and `trace_ids` can be specified.');
    if (hasIds && maxTraces !== undefined) throw invalidParam("`max_traces` can't be specified if `trace_ids` is specified.");
    if (maxTraces !== undefined && (!Number.isInteger(maxTraces) || maxTraces <= 0)) {
      throw invalidParam(`\`max_traces\` must be a positive integer, received ${maxTraces}.`);
    }
    if (maxTimestampMillis !== undefined && !Number.isSafeInteger(maxTimestampMillis)) {
      throw invalidParam(`\`max_timestamp_millis\` must be an integer number of milliseconds, received ${maxTimestampMillis}.`);
    }
    const exp = experimentKey(query.experimentId);
    if (exp === undefined) return 0;
    return this.sql.transaction(() => {
      // Oldest first, so max_traces removes the oldest of the matching traces.
      const keys = this.sql
        .all<{ trace_key: number }>(
          `SELECT trace_key FROM trace_info WHERE experiment_id = ?
             AND (? IS NULL OR request_time <= ?)
             AND (? IS NULL OR trace_id IN (SELECT value FROM json_each(?)))
           ORDER BY request_time ASC, trace_id ASC LIMIT ?`,
          exp,
          maxTimestampMillis ?? null,
          maxTimestampMillis ?? null,
          hasIds ? 1 : null,
          JSON.stringify(traceIds ?? []),
          maxTraces ?? -1,
        )
        .map((r) => r.trace_key);
      if (keys.length === 0) return 0;
      const list = JSON.stringify(keys);
      for (const table of ['spans', 'trace_tags', 'trace_metadata', 'assessments', 'trace_run_links', 'trace_info']) {
        this.sql.run(`DELETE FROM ${table} WHERE trace_key IN (SELECT value FROM json_each(?))`, list);
      }
      return keys.length;
    });
  }

  async linkTracesToRun(traceIds: string[], runId: string): Promise<void> {
    if (typeof runId !== 'string' || runId === '') throw invalidParam(`Missing value for required parameter 'run_id'.`);
    if (traceIds.length === 0) return;
    if (traceIds.length > MAX_TRACE_LINKS_PER_REQUEST) {
      throw invalidParam(`Cannot link more than ${MAX_TRACE_LINKS_PER_REQUEST} traces to a run in a single request. Provided ${traceIds.length} traces.`);
    }
    this.sql.transaction(() => {
      if (!this.sql.get('SELECT 1 FROM runs WHERE run_uuid = ?', runId)) throw notFound(`Run with id=${runId} not found`);
      for (const traceId of traceIds) {
        const { trace_key } = this.requireTrace(traceId);
        this.sql.run('INSERT OR IGNORE INTO trace_run_links (run_uuid, trace_key) VALUES (?, ?)', runId, trace_key);
        // The run a trace was created in stays its source run; a link only fills an empty one.
        this.sql.run('INSERT OR IGNORE INTO trace_metadata (trace_key, key, value) VALUES (?, ?, ?)', trace_key, TRACE_KEYS.sourceRun, runId);
      }
    });
  }

  // ---------------------------------------------------------------- spans

  async logSpans(experimentId: string, spans: SpanRecord[]): Promise<void> {
    if (!Array.isArray(spans)) throw invalidParam('Invalid spans: expected a list.');
    if (spans.length === 0) return;
    // Convert every span before writing anything: one bad span rejects the whole batch.
    const traceIdCache = new Map<string, TraceIds>();
    const rows = spans.map((span, i) => toSpanRow(span, i, traceIdCache));
    const byTrace = new Map<string, Map<string, SpanRow>>();
    for (const r of rows) {
      let m = byTrace.get(r.traceId);
      if (!m) byTrace.set(r.traceId, (m = new Map<string, SpanRow>()));
      // A span repeated within one batch: the later copy wins, as it would across batches.
      m.set(r.spanId, r);
    }
    this.sql.transaction(() => {
      const stored = new Map(this.traceRows(byTrace.keys()).map((r) => [r.trace_id, r]));
      const fresh: [string, SpanRow[]][] = [];
      const known: [TraceRow, SpanRow[]][] = [];
      for (const [traceId, spanMap] of byTrace) {
        const row = stored.get(traceId);
        if (row) known.push([row, [...spanMap.values()]]);
        else fresh.push([traceId, [...spanMap.values()]]);
      }
      // The experiment matters only for new traces; spans of an existing trace join it.
      if (fresh.length > 0) this.insertTraces(this.activeExperimentRow(experimentId), fresh);
      for (const [row, batch] of known) this.mergeSpans(row, batch);
    });
  }

  /**
   * Traces seen for the first time: the batch holds every span they have, so their info is
   * derived here (as refreshFromSpans would from the stored spans) instead of re-read with a
   * query per trace. Their trace keys come from the rowid, after the table's largest, so every
   * row and index entry below lands at the right edge of its b-tree.
   */
  private insertTraces(exp: ExperimentRow, traces: [string, SpanRow[]][]): void {
    const insertInfo = this.sql.stmt(
      `INSERT INTO trace_info (trace_id, experiment_id, request_time, execution_duration_ms, state, request_preview, response_preview, client_request_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertTag = this.sql.stmt('INSERT INTO trace_tags (trace_key, key, value) VALUES (?, ?, ?)');
    const insertMetadata = this.sql.stmt('INSERT INTO trace_metadata (trace_key, key, value) VALUES (?, ?, ?)');
    const insertSpan = this.sql.stmt(`INSERT INTO spans (${SPAN_COLUMNS}) VALUES (${SPAN_PARAMS})`);
    for (const [traceId, batch] of traces) {
      const d = deriveTraceInfo(batch);
      const { [CLIENT_REQUEST_ID_ATTRIBUTE]: clientRequestId, ...metadata } = d.metadata;
      const key = Number(
        insertInfo.run(traceId, exp.experiment_id, d.requestTime, d.durationMs, d.state, d.requestPreview, d.responsePreview, clientRequestId ?? null).lastInsertRowid,
      );
      insertTag.run(key, TRACE_KEYS.artifactLocationTag, this.artifactLocation(exp, traceId));
      if (d.name !== undefined) insertTag.run(key, TRACE_KEYS.traceNameTag, d.name);
      insertTag.run(key, TRACE_KEYS.spansLocationTag, SPANS_IN_TRACKING_STORE);
      if (d.tokenUsage !== undefined) insertMetadata.run(key, TRACE_KEYS.tokenUsage, d.tokenUsage);
      if (d.cost !== undefined) insertMetadata.run(key, TRACE_KEYS.cost, d.cost);
      for (const [k, v] of Object.entries(metadata)) insertMetadata.run(key, k, v);
      for (const s of batch) insertSpan.run(key, s.spanId, s.parentSpanId, s.name, s.spanType, s.status, s.startNs, s.endNs, s.usage, s.content);
    }
  }

  /** Spans of a trace that already exists: upsert them, then re-derive its info from all its spans. */
  private mergeSpans(info: TraceRow, batch: SpanRow[]): void {
    const upsert = this.sql.stmt(
      `INSERT INTO spans (${SPAN_COLUMNS}) VALUES (${SPAN_PARAMS})
       ON CONFLICT (trace_key, span_id) DO UPDATE SET parent_span_id = excluded.parent_span_id, name = excluded.name, span_type = excluded.span_type,
         status = excluded.status, start_time_ns = excluded.start_time_ns, end_time_ns = excluded.end_time_ns, usage = excluded.usage, content = excluded.content`,
    );
    for (const s of batch) upsert.run(info.trace_key, s.spanId, s.parentSpanId, s.name, s.spanType, s.status, s.startNs, s.endNs, s.usage, s.content);
    this.refreshFromSpans(info, batch);
  }

  /**
   * Re-derives an existing trace's info from all its stored spans (so arrival order does not
   * matter): times and state unless StartTraceV3 already wrote them, previews and name when
   * unset, token usage and cost totals, session and user. deriveTraceInfo is the same rule for
   * a trace whose spans all arrive in one batch; the two must stay in step.
   */
  private refreshFromSpans(info: TraceRow, batch: SpanRow[]): void {
    const key = info.trace_key;
    const finalized = this.getMetadata(key, TRACE_KEYS.infoFinalized) === 'true';
    const sets: string[] = [];
    const params: SQLInputValue[] = [];
    if (!finalized) {
      const range = this.sql.get<{ start_ms: number; end_ms: number | null }>(
        'SELECT MIN(start_time_ns) / 1000000 AS start_ms, MAX(end_time_ns) / 1000000 AS end_ms FROM spans WHERE trace_key = ?',
        key,
      )!;
      sets.push('request_time = ?');
      params.push(range.start_ms);
      if (range.end_ms !== null) {
        sets.push('execution_duration_ms = ?');
        params.push(Math.max(0, range.end_ms - range.start_ms));
      }
    }
    const root = this.sql.get<{ name: string; status: SpanStatus; content: string }>(
      'SELECT name, status, content FROM spans WHERE trace_key = ? AND parent_span_id IS NULL ORDER BY start_time_ns, span_id LIMIT 1',
      key,
    );
    if (root) {
      if (info.state === 'IN_PROGRESS' || info.state === 'STATE_UNSPECIFIED') {
        sets.push('state = ?');
        params.push(rootState(root.status));
      }
      if (info.request_preview === null || info.response_preview === null) {
        const previews = rootPreviews(root.content);
        if (info.request_preview === null && previews.request !== null) {
          sets.push('request_preview = ?');
          params.push(previews.request);
        }
        if (info.response_preview === null && previews.response !== null) {
          sets.push('response_preview = ?');
          params.push(previews.response);
        }
      }
      if (this.getTag(key, TRACE_KEYS.traceNameTag) === undefined) this.setTag(key, TRACE_KEYS.traceNameTag, root.name);
    }
    if (sets.length > 0) this.sql.run(`UPDATE trace_info SET ${sets.join(', ')} WHERE trace_key = ?`, ...params, key);

    const totals = usageTotals(
      this.sql.all<{ usage: string }>('SELECT usage FROM spans WHERE trace_key = ? AND usage IS NOT NULL ORDER BY span_id', key).map((r) => JSON.parse(r.usage) as Record<string, number>),
    );
    // StartTraceV3's totals are authoritative when it sent them.
    if (totals.tokenUsage !== undefined && !(finalized && this.getMetadata(key, TRACE_KEYS.tokenUsage) !== undefined)) {
      this.setMetadata(key, TRACE_KEYS.tokenUsage, totals.tokenUsage);
    }
    if (totals.cost !== undefined && !(finalized && this.getMetadata(key, TRACE_KEYS.cost) !== undefined)) {
      this.setMetadata(key, TRACE_KEYS.cost, totals.cost);
    }
    for (const [k, v] of Object.entries(metadataOf(batch))) {
      if (k === CLIENT_REQUEST_ID_ATTRIBUTE) {
        if (!finalized) this.sql.run('UPDATE trace_info SET client_request_id = ? WHERE trace_key = ? AND client_request_id IS NULL', v, key);
        continue;
      }
      if ((!finalized || METADATA_AFTER_FINAL.has(k)) && this.getMetadata(key, k) === undefined) this.setMetadata(key, k, v);
    }
    this.setTag(key, TRACE_KEYS.spansLocationTag, SPANS_IN_TRACKING_STORE);
  }

  async getSpans(traceId: string): Promise<SpanRecord[]> {
    const { trace_key } = this.requireTrace(traceId);
    return this.sql
      .all<{ content: string }>('SELECT content FROM spans WHERE trace_key = ? ORDER BY start_time_ns, span_id', trace_key)
      .map((r) => JSON.parse(r.content) as SpanRecord);
  }

  // ---------------------------------------------------------------- assessments

  async createAssessment(assessment: AssessmentInput): Promise<Assessment> {
    checkAssessment(assessment);
    if (typeof assessment.trace_id !== 'string' || assessment.trace_id === '') {
      throw invalidParam(`Missing value for required parameter 'assessment.trace_id'.`);
    }
    return this.sql.transaction(() => {
      const { trace_key } = this.requireTrace(assessment.trace_id);
      if (assessment.overrides && this.setAssessmentValid(trace_key, assessment.overrides, false) === 0) {
        throw notFound(`Assessment with ID '${assessment.overrides}' not found for trace '${assessment.trace_id}'`);
      }
      const now = Date.now();
      const created = cleanAssessment({ ...assessment, assessment_id: newAssessmentId(), create_time_ms: now, last_update_time_ms: now });
      this.writeAssessment(trace_key, created);
      return created;
    });
  }

  async getAssessment(traceId: string, assessmentId: string): Promise<Assessment> {
    return this.assessmentRow(traceId, assessmentId).assessment;
  }

  async updateAssessment(traceId: string, assessmentId: string, update: Partial<Assessment>, mask: string[]): Promise<Assessment> {
    const paths = mask.map((p) => p.trim()).filter((p) => p !== '');
    if (paths.length === 0) throw invalidParam(`Missing value for required parameter 'update_mask': name the fields to update, e.g. "feedback,rationale".`);
    const unknown = paths.find((p) => !(ASSESSMENT_MASK_FIELDS as readonly string[]).includes(p));
    if (unknown !== undefined) {
      throw invalidParam(`Invalid update_mask path '${unknown}'. Updatable fields are ${ASSESSMENT_MASK_FIELDS.join(', ')}.`);
    }
    const has = (p: (typeof ASSESSMENT_MASK_FIELDS)[number]): boolean => paths.includes(p);
    if (has('feedback') && has('expectation')) throw invalidParam('Cannot specify both `expectation` and `feedback` parameters.');
    return this.sql.transaction(() => {
      const { traceKey, assessment: existing } = this.assessmentRow(traceId, assessmentId);
      const next: Assessment = { ...existing, last_update_time_ms: Math.max(Date.now(), existing.last_update_time_ms) };
      if (has('assessment_name')) {
        if (typeof update.assessment_name !== 'string' || update.assessment_name === '') throw invalidParam(`Invalid assessment_name: expected a non-empty string.`);
        next.assessment_name = update.assessment_name;
      }
      if (has('feedback')) {
        if (existing.feedback === undefined) throw invalidParam('Cannot update feedback value on an Expectation assessment.');
        if (!update.feedback || typeof update.feedback !== 'object') throw invalidParam('Invalid feedback: expected an object.');
        next.feedback = update.feedback;
      }
      if (has('expectation')) {
        if (existing.expectation === undefined) throw invalidParam('Cannot update expectation value on a Feedback assessment.');
        if (!update.expectation || typeof update.expectation !== 'object') throw invalidParam('Invalid expectation: expected an object.');
        next.expectation = update.expectation;
      }
      if (has('rationale')) {
        if (update.rationale !== undefined && typeof update.rationale !== 'string') throw invalidParam('Invalid rationale: expected a string.');
        next.rationale = update.rationale;
      }
      if (has('metadata')) next.metadata = { ...(existing.metadata ?? {}), ...checkStringMap(update.metadata, 'metadata') };
      if (has('valid')) {
        if (typeof update.valid !== 'boolean') throw invalidParam('Invalid valid: expected a boolean.');
        next.valid = update.valid;
      }
      const clean = cleanAssessment(next);
      this.writeAssessment(traceKey, clean);
      return clean;
    });
  }

  async deleteAssessment(traceId: string, assessmentId: string): Promise<void> {
    this.sql.transaction(() => {
      const { trace_key } = this.requireTrace(traceId);
      const row = this.findAssessment(trace_key, assessmentId);
      // Deleting an assessment that is already gone succeeds, as in MLflow.
      if (!row) return;
      const a = JSON.parse(row.body) as Assessment;
      // The assessment this one superseded becomes valid again.
      if (a.overrides) this.setAssessmentValid(trace_key, a.overrides, true);
      this.sql.run('DELETE FROM assessments WHERE assessment_id = ?', assessmentId);
    });
  }

  // ---------------------------------------------------------------- metrics

  async queryTraceMetrics(query: TraceMetricsQuery): Promise<TraceMetricsRow[]> {
    const view = query.viewType;
    if (view !== 'TRACES' && view !== 'SPANS') throw invalidParam(`Invalid view_type ${JSON.stringify(view)}: expected TRACES or SPANS.`);
    const groupBy = query.groupBy ?? [];
    const allowed = view === 'TRACES' ? ['trace.name', 'trace.status'] : ['trace.name', 'trace.status', 'span.name', 'span.type', 'span.status'];
    const badGroup = groupBy.find((g) => !allowed.includes(g));
    if (badGroup !== undefined) throw invalidParam(`Invalid dimension '${badGroup}' for ${view} metrics. Valid dimensions are ${allowed.join(', ')}.`);
    const bucket = query.timeBucketMs;
    if (bucket !== undefined && (!Number.isSafeInteger(bucket) || bucket <= 0)) throw invalidParam(`Invalid time bucket ${bucket}: expected a positive number of milliseconds.`);
    if (query.startTimeMs !== undefined) checkTimestamp(query.startTimeMs, 'start_time_ms');
    if (query.endTimeMs !== undefined) checkTimestamp(query.endTimeMs, 'end_time_ms');
    const expIds = query.experimentIds.map(experimentKey).filter((id): id is number => id !== undefined);
    if (expIds.length === 0) return [];

    interface Point {
      time: number;
      latency: number | null;
      error: boolean;
      groups: Record<string, string>;
      usage: Record<string, unknown> | undefined;
    }
    const traceName = `(SELECT value FROM trace_tags tn WHERE tn.trace_key = trace_info.trace_key AND tn.key = '${TRACE_KEYS.traceNameTag}')`;
    const points: Point[] = [];
    if (view === 'TRACES') {
      const filter = compileTraceFilter(parseFilter(query.filter, 'traces'));
      const where = ['trace_info.experiment_id IN (SELECT value FROM json_each(?))', '(? IS NULL OR trace_info.request_time >= ?)', '(? IS NULL OR trace_info.request_time <= ?)', ...filter.where];
      const rows = this.query<{ request_time: number; execution_duration_ms: number | null; state: string; trace_name: string | null; token_usage: string | null }>(
        'query_trace_metrics',
        `SELECT trace_info.request_time, trace_info.execution_duration_ms, trace_info.state, ${traceName} AS trace_name,
           (SELECT value FROM trace_metadata tu WHERE tu.trace_key = trace_info.trace_key AND tu.key = '${TRACE_KEYS.tokenUsage}') AS token_usage
         FROM trace_info WHERE ${where.join(' AND ')}`,
        [JSON.stringify(expIds), query.startTimeMs ?? null, query.startTimeMs ?? null, query.endTimeMs ?? null, query.endTimeMs ?? null, ...(filter.params as SQLInputValue[])],
      );
      for (const r of rows) {
        points.push({
          time: Number(r.request_time),
          latency: r.execution_duration_ms === null ? null : Number(r.execution_duration_ms),
          error: r.state === 'ERROR',
          groups: { 'trace.name': r.trace_name ?? '', 'trace.status': r.state },
          usage: objectValue(r.token_usage),
        });
      }
    } else {
      const filter = compileTraceFilter(parseFilter(query.filter, 'traces'), { spanAlias: 's' });
      const where = ['trace_info.experiment_id IN (SELECT value FROM json_each(?))', '(? IS NULL OR s.start_time_ns / 1000000 >= ?)', '(? IS NULL OR s.start_time_ns / 1000000 <= ?)', ...filter.where];
      const rows = this.query<{ start_ms: number; duration_ns: number | null; name: string; span_type: string | null; status: string; state: string; trace_name: string | null; usage: string | null }>(
        'query_trace_metrics',
        `SELECT s.start_time_ns / 1000000 AS start_ms, s.end_time_ns - s.start_time_ns AS duration_ns, s.name, s.span_type, s.status, s.usage,
           trace_info.state, ${traceName} AS trace_name
         FROM spans s JOIN trace_info ON trace_info.trace_key = s.trace_key WHERE ${where.join(' AND ')}`,
        [JSON.stringify(expIds), query.startTimeMs ?? null, query.startTimeMs ?? null, query.endTimeMs ?? null, query.endTimeMs ?? null, ...(filter.params as SQLInputValue[])],
      );
      for (const r of rows) {
        points.push({
          time: Number(r.start_ms),
          latency: r.duration_ns === null ? null : Number(r.duration_ns) / 1e6,
          error: r.status === 'ERROR',
          groups: { 'trace.name': r.trace_name ?? '', 'trace.status': r.state, 'span.name': r.name, 'span.type': r.span_type ?? '', 'span.status': r.status },
          usage: r.usage === null ? undefined : objectValue(r.usage),
        });
      }
    }

    const groups = new Map<string, { group: Record<string, string>; bucket?: number; points: Point[] }>();
    for (const p of points) {
      const group = Object.fromEntries(groupBy.map((g) => [g, p.groups[g] ?? '']));
      const bucketStart = bucket === undefined ? undefined : Math.floor(p.time / bucket) * bucket;
      const key = JSON.stringify([bucketStart ?? null, groupBy.map((g) => group[g])]);
      let entry = groups.get(key);
      if (!entry) groups.set(key, (entry = { group, ...(bucketStart === undefined ? {} : { bucket: bucketStart }), points: [] }));
      entry.points.push(p);
    }
    const rows: TraceMetricsRow[] = [...groups.values()].map(({ group, bucket: start, points: ps }) => {
      const latencies = ps.flatMap((p) => (p.latency === null ? [] : [p.latency])).sort((a, b) => a - b);
      const sum = (k: string): number => ps.reduce((acc, p) => acc + (finiteNumber(p.usage?.[k]) ?? 0), 0);
      const row: TraceMetricsRow = {
        group,
        count: ps.length,
        error_count: ps.filter((p) => p.error).length,
        latency_ms: {
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
          p99: percentile(latencies, 99),
          avg: latencies.length === 0 ? 0 : latencies.reduce((a, b) => a + b, 0) / latencies.length,
          max: latencies.length === 0 ? 0 : latencies[latencies.length - 1]!,
        },
        tokens: { input: sum('input_tokens'), output: sum('output_tokens'), total: sum('total_tokens') },
      };
      if (start !== undefined) row.bucket_start_ms = start;
      return row;
    });
    const sortKey = (r: TraceMetricsRow): string => groupBy.map((g) => r.group[g]).join('\u0000');
    return rows.sort((a, b) => (a.bucket_start_ms ?? 0) - (b.bucket_start_ms ?? 0) || (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
  }
}

