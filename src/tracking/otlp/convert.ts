/**
 * Normalized OTLP spans (proto.ts / json.ts) to the store's SpanRecord, the way MLflow's
 * `Span.from_otel_proto` + `translate_span_when_storing` read them:
 * - every span gets `mlflow.traceRequestId` = `tr-<hex trace id>` as its first attribute
 *   (the span's own value wins when it sends one, as the MLflow clients do);
 * - GenAI semantic-convention attributes are translated into MLflow's keys when the span does not
 *   carry those keys already; the originals stay:
 *   `gen_ai.request.model`/`gen_ai.response.model` → `mlflow.llm.model`,
 *   `gen_ai.provider.name` (older semconv versions: `gen_ai.system`) → `mlflow.llm.provider`,
 *   `gen_ai.usage.input_tokens` + `output_tokens` → `mlflow.chat.tokenUsage`,
 *   `gen_ai.input.messages`/`gen_ai.tool.call.arguments` → `mlflow.spanInputs`,
 *   `gen_ai.output.messages`/`gen_ai.tool.call.result` → `mlflow.spanOutputs`,
 *   `gen_ai.tool.definitions` → `mlflow.chat.tools`, `gen_ai.operation.name` → `mlflow.spanType`;
 * - links and dropped counts are not stored (SpanRecord has no place for them; MLflow's
 *   `from_otel_proto` of the 3.11 line drops them too).
 * Everything is checked before anything is returned, so a bad span rejects the whole request.
 */
import type { OtlpAnyValue, OtlpKeyValue, SpanRecord } from '../../store/contract.ts';

/** A span the server cannot store (bad id, wrong shape); MLflow answers 422 for these. */
export class OtlpSpanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OtlpSpanError';
  }
}

type Obj = Record<string, unknown>;

const asObj = (v: unknown): Obj | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);
const asList = (v: unknown): Obj[] => (Array.isArray(v) ? v.map((item) => asObj(item) ?? {}) : []);
const asString = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function id(value: unknown, size: number, what: string, where: string, optional: boolean): string | undefined {
  const b64 = asString(value);
  if (b64 === undefined || b64 === '') {
    if (optional) return undefined;
    throw new OtlpSpanError(`${where}: ${what} is missing; every span needs a ${size}-byte ${what}.`);
  }
  const raw = Buffer.from(b64, 'base64');
  if (raw.length !== size) throw new OtlpSpanError(`${where}: ${what} has ${raw.length} bytes, expected ${size}.`);
  if (raw.every((b) => b === 0)) {
    if (optional) return undefined;
    throw new OtlpSpanError(`${where}: ${what} is all zeros, which OpenTelemetry defines as invalid.`);
  }
  return raw.toString('base64');
}

/** Deepest attribute value nesting stored (arrays and kvlists); deeper values are refused, not recursed into. */
const MAX_VALUE_DEPTH = 100;

/** One AnyValue; undefined when no value is set (an empty AnyValue has nothing to store). */
function anyValue(v: unknown, depth = 0): OtlpAnyValue | undefined {
  if (depth > MAX_VALUE_DEPTH) throw new OtlpSpanError(`an attribute value is nested more than ${MAX_VALUE_DEPTH} levels deep.`);
  const o = asObj(v);
  if (o === undefined) return undefined;
  if (typeof o.string_value === 'string') return { string_value: o.string_value };
  if (typeof o.bool_value === 'boolean') return { bool_value: o.bool_value };
  if (typeof o.int_value === 'string') return { int_value: o.int_value };
  if (typeof o.double_value === 'number') return { double_value: o.double_value };
  if (typeof o.bytes_value === 'string') return { bytes_value: o.bytes_value };
  const array = asObj(o.array_value);
  if (array !== undefined) {
    return { array_value: { values: asList(array.values).map((item) => anyValue(item, depth + 1)).filter((x): x is OtlpAnyValue => x !== undefined) } };
  }
  const kvlist = asObj(o.kvlist_value);
  if (kvlist !== undefined) return { kvlist_value: { values: keyValues(kvlist.values, depth + 1) } };
  return undefined;
}

/** Attributes as a map in arrival order: a repeated key keeps its first position and its last value, like a dict. */
function attributeMap(list: unknown, depth = 0): Map<string, OtlpAnyValue> {
  const out = new Map<string, OtlpAnyValue>();
  for (const kv of asList(list)) {
    const value = anyValue(kv.value, depth);
    if (value !== undefined) out.set(asString(kv.key) ?? '', value);
  }
  return out;
}

function keyValues(list: unknown, depth = 0): OtlpKeyValue[] {
  return [...attributeMap(list, depth)].map(([key, value]) => ({ key, value }));
}

/** Python truthiness of the decoded value, which is how MLflow decides an attribute is "present". */
function isTruthy(value: OtlpAnyValue | undefined): value is OtlpAnyValue {
  if (value === undefined) return false;
  if ('string_value' in value) return value.string_value !== '';
  if ('int_value' in value) return value.int_value !== '0';
  if ('double_value' in value) return value.double_value !== 0 && !Number.isNaN(value.double_value);
  if ('bool_value' in value) return value.bool_value;
  if ('bytes_value' in value) return value.bytes_value !== '';
  if ('array_value' in value) return value.array_value.values.length > 0;
  return value.kvlist_value.values.length > 0;
}

function tokenCount(value: OtlpAnyValue | undefined): bigint | undefined {
  if (value === undefined) return undefined;
  let n: bigint | undefined;
  if ('int_value' in value) n = BigInt(value.int_value);
  else if ('double_value' in value && Number.isInteger(value.double_value)) n = BigInt(value.double_value);
  else if ('string_value' in value && /^\d+$/.test(value.string_value.trim())) n = BigInt(value.string_value.trim());
  return n !== undefined && n > 0n ? n : undefined;
}

const GEN_AI_SPAN_TYPES: Record<string, string> = {
  chat: 'CHAT_MODEL',
  create_agent: 'AGENT',
  embeddings: 'EMBEDDING',
  execute_tool: 'TOOL',
  generate_content: 'LLM',
  invoke_agent: 'AGENT',
  text_completion: 'LLM',
  response: 'LLM',
};

function firstPresent(attrs: Map<string, OtlpAnyValue>, keys: string[]): OtlpAnyValue | undefined {
  for (const key of keys) {
    const value = attrs.get(key);
    if (isTruthy(value)) return value;
  }
  return undefined;
}

/** GenAI semantic conventions → MLflow keys, added after the span's own attributes. */
function translateGenAi(attrs: Map<string, OtlpAnyValue>): void {
  const setIfAbsent = (key: string, value: OtlpAnyValue | undefined): void => {
    if (value !== undefined && !attrs.has(key)) attrs.set(key, value);
  };
  setIfAbsent('mlflow.spanInputs', firstPresent(attrs, ['gen_ai.input.messages', 'gen_ai.tool.call.arguments']));
  setIfAbsent('mlflow.spanOutputs', firstPresent(attrs, ['gen_ai.output.messages', 'gen_ai.tool.call.result']));
  setIfAbsent('mlflow.llm.model', firstPresent(attrs, ['gen_ai.response.model', 'gen_ai.request.model']));
  setIfAbsent('mlflow.llm.provider', firstPresent(attrs, ['gen_ai.provider.name', 'gen_ai.system']));
  setIfAbsent('mlflow.chat.tools', firstPresent(attrs, ['gen_ai.tool.definitions']));

  const operation = attrs.get('gen_ai.operation.name');
  const spanType = operation !== undefined && 'string_value' in operation ? GEN_AI_SPAN_TYPES[operation.string_value] : undefined;
  if (spanType !== undefined) setIfAbsent('mlflow.spanType', { string_value: spanType });

  const input = tokenCount(attrs.get('gen_ai.usage.input_tokens'));
  const output = tokenCount(attrs.get('gen_ai.usage.output_tokens'));
  if (input !== undefined && output !== undefined) {
    const usage: OtlpKeyValue[] = [
      { key: 'input_tokens', value: { int_value: input.toString() } },
      { key: 'output_tokens', value: { int_value: output.toString() } },
      { key: 'total_tokens', value: { int_value: (input + output).toString() } },
    ];
    const cacheRead = tokenCount(attrs.get('gen_ai.usage.cache_read.input_tokens'));
    const cacheCreation = tokenCount(attrs.get('gen_ai.usage.cache_creation.input_tokens'));
    if (cacheRead !== undefined) usage.push({ key: 'cache_read_input_tokens', value: { int_value: cacheRead.toString() } });
    if (cacheCreation !== undefined) usage.push({ key: 'cache_creation_input_tokens', value: { int_value: cacheCreation.toString() } });
    setIfAbsent('mlflow.chat.tokenUsage', { kvlist_value: { values: usage } });
  }
}

const STATUS_CODES = new Set(['STATUS_CODE_UNSET', 'STATUS_CODE_OK', 'STATUS_CODE_ERROR']);

function nanos(value: unknown): string | undefined {
  const s = asString(value);
  return s === undefined || s === '0' ? undefined : s;
}

function toSpanRecord(span: Obj, where: string): SpanRecord {
  const traceId = id(span.trace_id, 16, 'trace_id', where, false)!;
  const hexTraceId = Buffer.from(traceId, 'base64').toString('hex');
  const attrs = attributeMap(span.attributes);
  // MLflow puts the trace's request id first; the span's own value (MLflow clients send it) wins.
  const requestId = attrs.get('mlflow.traceRequestId') ?? { string_value: `tr-${hexTraceId}` };
  attrs.delete('mlflow.traceRequestId');
  const ordered = new Map<string, OtlpAnyValue>([['mlflow.traceRequestId', requestId], ...attrs]);
  translateGenAi(ordered);

  const status = asObj(span.status) ?? {};
  const code = asString(status.code);
  const message = asString(status.message);
  const kind = asString(span.kind);
  const traceState = asString(span.trace_state);
  const record: SpanRecord = {
    trace_id: traceId,
    span_id: id(span.span_id, 8, 'span_id', where, false)!,
    name: asString(span.name) ?? '',
    start_time_unix_nano: nanos(span.start_time_unix_nano) ?? '0',
    attributes: [...ordered].map(([key, value]) => ({ key, value })),
    events: asList(span.events).map((event) => ({
      name: asString(event.name) ?? '',
      time_unix_nano: nanos(event.time_unix_nano) ?? '0',
      attributes: keyValues(event.attributes),
    })),
    status: {
      code: code !== undefined && STATUS_CODES.has(code) ? (code as 'STATUS_CODE_UNSET' | 'STATUS_CODE_OK' | 'STATUS_CODE_ERROR') : 'STATUS_CODE_UNSET',
      ...(message ? { message } : {}),
    },
  };
  const parent = id(span.parent_span_id, 8, 'parent_span_id', where, true);
  if (parent !== undefined) record.parent_span_id = parent;
  const end = nanos(span.end_time_unix_nano);
  if (end !== undefined) record.end_time_unix_nano = end;
  if (traceState) record.trace_state = traceState;
  if (kind !== undefined && kind !== 'SPAN_KIND_UNSPECIFIED') record.kind = kind;
  return record;
}

export interface ConvertedRequest {
  /** False when the request had no `resource_spans` at all (MLflow's "no spans found"). */
  hasResourceSpans: boolean;
  spans: SpanRecord[];
}

/** Every span of a normalized ExportTraceServiceRequest, in request order. */
export function toSpanRecords(request: Obj): ConvertedRequest {
  const resourceSpans = asList(request.resource_spans);
  const spans: SpanRecord[] = [];
  resourceSpans.forEach((rs, i) => {
    asList(rs.scope_spans).forEach((ss, j) => {
      asList(ss.spans).forEach((span, k) => {
        spans.push(toSpanRecord(span, `resource_spans[${i}].scope_spans[${j}].spans[${k}]`));
      });
    });
  });
  return { hasResourceSpans: resourceSpans.length > 0, spans };
}
