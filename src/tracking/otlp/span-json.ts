/**
 * Span JSON formats besides OTLP (wire reference §6.2, §7):
 * - `spanToWire`: a stored SpanRecord as `GET /api/3.0/mlflow/traces/get` answers it (OTLP field
 *   names in snake_case, typed AnyValues, int64/fixed64 as exact JSON numbers);
 * - `spansFromTracesJson`: the `traces.json` artifact the clients upload, in either SDK's form.
 *   Python's `span.to_dict()` JSON-encodes every span attribute value (`"\"CHAIN\""`) and writes a
 *   root's parent as null; the TypeScript SDK writes raw JSON values and a root's parent as "".
 *   Event attributes are raw in both;
 * - `spansToTracesJson`: stored spans as a Python-style `traces.json`, for the UI's
 *   `get-trace-artifact` when the spans live in the database.
 */
import type { OtlpAnyValue, OtlpKeyValue, SpanRecord } from '../../store/contract.ts';
import { exactInteger } from '../http.ts';
import { JsonNumber, parseJsonExact } from './json.ts';

type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof JsonNumber) ? (v as Obj) : undefined);

// ------------------------------------------------------------------ stored → GetTrace JSON

function anyValueToWire(value: OtlpAnyValue): unknown {
  if ('int_value' in value) return { int_value: exactInteger(value.int_value) };
  if ('array_value' in value) return { array_value: { values: value.array_value.values.map(anyValueToWire) } };
  if ('kvlist_value' in value) return { kvlist_value: { values: keyValuesToWire(value.kvlist_value.values) } };
  return value;
}

function keyValuesToWire(list: OtlpKeyValue[]): unknown[] {
  return list.map((kv) => ({ key: kv.key, value: anyValueToWire(kv.value) }));
}

/** One span as GetTrace answers it; pass the result through `toWireJson` (it drops empty lists). */
export function spanToWire(span: SpanRecord): Record<string, unknown> {
  return {
    trace_id: span.trace_id,
    span_id: span.span_id,
    trace_state: span.trace_state || undefined,
    parent_span_id: span.parent_span_id || undefined,
    name: span.name,
    kind: span.kind,
    start_time_unix_nano: exactInteger(span.start_time_unix_nano),
    end_time_unix_nano: span.end_time_unix_nano === undefined ? undefined : exactInteger(span.end_time_unix_nano),
    attributes: keyValuesToWire(span.attributes),
    events: span.events.map((e) => ({ time_unix_nano: exactInteger(e.time_unix_nano), name: e.name, attributes: keyValuesToWire(e.attributes) })),
    status: span.status === undefined ? undefined : { code: span.status.code, message: span.status.message || undefined },
  };
}

// ------------------------------------------------------------------ traces.json → stored form

/** A `traces.json` the server cannot read as spans; the routes answer 4xx naming the file. */
export class SpanFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SpanFileError';
  }
}

const INT64 = /^-?\d+$/;
const I64_LIMIT = 1n << 63n;

/** Deepest attribute value nesting read from a file, as for OTLP ingestion. */
const MAX_VALUE_DEPTH = 100;

function checkDepth(depth: number): void {
  if (depth > MAX_VALUE_DEPTH) throw new SpanFileError(`an attribute value is nested more than ${MAX_VALUE_DEPTH} levels deep.`);
}

/** A decoded JSON value (numbers as JsonNumber) as an OTLP AnyValue; undefined for null. */
function toAnyValue(v: unknown, depth = 0): OtlpAnyValue | undefined {
  checkDepth(depth);
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return { string_value: v };
  if (typeof v === 'boolean') return { bool_value: v };
  if (v instanceof JsonNumber) {
    if (INT64.test(v.source)) {
      const n = BigInt(v.source);
      if (n >= -I64_LIMIT && n < I64_LIMIT) return { int_value: n.toString() };
    }
    return { double_value: v.value };
  }
  if (Array.isArray(v)) return { array_value: { values: v.map((item) => toAnyValue(item, depth + 1)).filter((x): x is OtlpAnyValue => x !== undefined) } };
  const o = v as Obj;
  return { kvlist_value: { values: objectToKeyValues(o, false, depth + 1) } };
}

function objectToKeyValues(o: Obj, encoded: boolean, depth = 0): OtlpKeyValue[] {
  const out: OtlpKeyValue[] = [];
  for (const [key, raw] of Object.entries(o)) {
    const value = toAnyValue(encoded ? decodeEncoded(raw) : raw, depth);
    if (value !== undefined) out.push({ key, value });
  }
  return out;
}

/** Python's attribute encoding: the value is JSON text; anything that is not stays a plain string. */
function decodeEncoded(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  try {
    return parseJsonExact(raw);
  } catch {
    return raw;
  }
}

function parsesAsJson(raw: string): boolean {
  try {
    JSON.parse(raw);
    return true;
  } catch {
    return false;
  }
}

/** Attributes already in OTLP form (`[{key, value: {string_value: ...}}]`), e.g. a saved GetTrace answer. */
function otlpKeyValues(list: unknown[], depth = 0): OtlpKeyValue[] {
  const out: OtlpKeyValue[] = [];
  for (const item of list) {
    const kv = asObj(item);
    const value = otlpAnyValue(kv?.value, depth);
    if (kv && typeof kv.key === 'string' && value !== undefined) out.push({ key: kv.key, value });
  }
  return out;
}

function otlpAnyValue(v: unknown, depth = 0): OtlpAnyValue | undefined {
  checkDepth(depth);
  const o = asObj(v);
  if (!o) return undefined;
  if (typeof o.string_value === 'string') return { string_value: o.string_value };
  if (typeof o.bool_value === 'boolean') return { bool_value: o.bool_value };
  if (o.int_value instanceof JsonNumber || typeof o.int_value === 'string') {
    const text = o.int_value instanceof JsonNumber ? o.int_value.source : o.int_value;
    return INT64.test(text) ? { int_value: BigInt(text).toString() } : undefined;
  }
  if (o.double_value instanceof JsonNumber) return { double_value: o.double_value.value };
  if (typeof o.bytes_value === 'string') return { bytes_value: o.bytes_value };
  const array = asObj(o.array_value);
  if (array && Array.isArray(array.values)) {
    return { array_value: { values: array.values.map((item) => otlpAnyValue(item, depth + 1)).filter((x): x is OtlpAnyValue => x !== undefined) } };
  }
  const kvlist = asObj(o.kvlist_value);
  if (kvlist && Array.isArray(kvlist.values)) return { kvlist_value: { values: otlpKeyValues(kvlist.values, depth + 1) } };
  return undefined;
}

/** Ids as base64 (MLflow's stored form) from base64, hex, or an MLflow `tr-<hex>` trace id. */
function idToBase64(v: unknown, size: number, what: string, where: string): string | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  if (typeof v !== 'string') throw new SpanFileError(`${where}: ${what} must be a string.`);
  const text = v.startsWith('tr-') ? v.slice(3) : v;
  if (text.length === size * 2 && /^[0-9a-fA-F]+$/.test(text)) return Buffer.from(text, 'hex').toString('base64');
  const bytes = /^[A-Za-z0-9+/_-]+={0,2}$/.test(text) ? Buffer.from(text, 'base64') : undefined;
  if (bytes?.length !== size) throw new SpanFileError(`${where}: ${what} ${JSON.stringify(v).slice(0, 60)} is not a ${size}-byte id in base64 or hex.`);
  return bytes.toString('base64');
}

function nanos(v: unknown, what: string, where: string): string | undefined {
  if (v === null || v === undefined) return undefined;
  const text = v instanceof JsonNumber ? v.source : typeof v === 'string' ? v : undefined;
  if (text !== undefined && /^\d+$/.test(text)) return BigInt(text).toString();
  // Some writers emit float nanoseconds (1.7e18); the digits before rounding are lost there already.
  if (v instanceof JsonNumber && Number.isFinite(v.value) && v.value >= 0) return BigInt(Math.round(v.value)).toString();
  throw new SpanFileError(`${where}: ${what} must be a non-negative integer of nanoseconds.`);
}

const STATUS_NAMES: Record<string, NonNullable<SpanRecord['status']>['code']> = {
  STATUS_CODE_UNSET: 'STATUS_CODE_UNSET',
  STATUS_CODE_OK: 'STATUS_CODE_OK',
  STATUS_CODE_ERROR: 'STATUS_CODE_ERROR',
  UNSET: 'STATUS_CODE_UNSET',
  OK: 'STATUS_CODE_OK',
  ERROR: 'STATUS_CODE_ERROR',
  '0': 'STATUS_CODE_UNSET',
  '1': 'STATUS_CODE_OK',
  '2': 'STATUS_CODE_ERROR',
};

function status(v: unknown): SpanRecord['status'] {
  const o = asObj(v);
  if (!o) return undefined;
  const codeText = o.code instanceof JsonNumber ? o.code.source : typeof o.code === 'string' ? o.code : 'STATUS_CODE_UNSET';
  const message = typeof o.message === 'string' && o.message !== '' ? o.message : undefined;
  return { code: STATUS_NAMES[codeText] ?? 'STATUS_CODE_UNSET', ...(message ? { message } : {}) };
}

/** The spans of a `traces.json` (`{"spans": [...]}`), from the Python or the TypeScript SDK. */
export function spansFromTracesJson(text: string): SpanRecord[] {
  let doc: unknown;
  try {
    doc = parseJsonExact(text);
  } catch (err) {
    throw new SpanFileError(`traces.json is not valid JSON (${(err as Error).message}).`);
  }
  const spans = asObj(doc)?.spans;
  if (!Array.isArray(spans)) throw new SpanFileError('traces.json has no "spans" list.');
  const objects = spans.map((s, i) => {
    const o = asObj(s);
    if (!o) throw new SpanFileError(`traces.json spans[${i}] is not an object.`);
    return o;
  });
  // Python encodes every span attribute value as JSON text; the TS SDK writes raw values. A file is
  // one or the other, so decide once: encoded only if every value is a string that parses as JSON.
  const encoded = objects.every((o) => {
    const attrs = asObj(o.attributes);
    return attrs === undefined || Object.values(attrs).every((v) => typeof v === 'string' && parsesAsJson(v));
  });
  return objects.map((o, i) => {
    const where = `traces.json spans[${i}]`;
    const traceId = idToBase64(o.otel_trace_id ?? o.trace_id, 16, 'trace_id', where);
    const spanId = idToBase64(o.span_id, 8, 'span_id', where);
    if (traceId === undefined || spanId === undefined) throw new SpanFileError(`${where}: trace_id and span_id are required.`);
    const attrs = o.attributes;
    const record: SpanRecord = {
      trace_id: traceId,
      span_id: spanId,
      name: typeof o.name === 'string' ? o.name : '',
      start_time_unix_nano: nanos(o.start_time_unix_nano, 'start_time_unix_nano', where) ?? '0',
      attributes: Array.isArray(attrs) ? otlpKeyValues(attrs) : objectToKeyValues(asObj(attrs) ?? {}, encoded),
      events: (Array.isArray(o.events) ? o.events : []).map((e, j) => {
        const event = asObj(e) ?? {};
        const eventAttrs = event.attributes;
        return {
          name: typeof event.name === 'string' ? event.name : '',
          time_unix_nano: nanos(event.time_unix_nano, `events[${j}].time_unix_nano`, where) ?? '0',
          attributes: Array.isArray(eventAttrs) ? otlpKeyValues(eventAttrs) : objectToKeyValues(asObj(eventAttrs) ?? {}, false),
        };
      }),
      status: status(o.status),
    };
    const parent = idToBase64(o.parent_span_id, 8, 'parent_span_id', where);
    if (parent !== undefined) record.parent_span_id = parent;
    const end = nanos(o.end_time_unix_nano, 'end_time_unix_nano', where);
    if (end !== undefined && end !== '0') record.end_time_unix_nano = end;
    return record;
  });
}

// ------------------------------------------------------------------ stored → Python traces.json

function plainValue(value: OtlpAnyValue): unknown {
  if ('string_value' in value) return value.string_value;
  if ('bool_value' in value) return value.bool_value;
  if ('int_value' in value) return exactInteger(value.int_value);
  // Python's json.dumps would write NaN/Infinity, which no JSON parser reads back; null is honest.
  if ('double_value' in value) return Number.isFinite(value.double_value) ? value.double_value : null;
  if ('bytes_value' in value) return value.bytes_value;
  if ('array_value' in value) return value.array_value.values.map(plainValue);
  return Object.fromEntries(value.kvlist_value.values.map((kv) => [kv.key, plainValue(kv.value)]));
}

/** Stored spans as the Python SDK's `traces.json` (`{"spans": [span.to_dict()...]}`). */
export function spansToTracesJson(spans: SpanRecord[]): string {
  return JSON.stringify({
    spans: spans.map((s) => ({
      trace_id: s.trace_id,
      span_id: s.span_id,
      parent_span_id: s.parent_span_id ?? null,
      name: s.name,
      start_time_unix_nano: exactInteger(s.start_time_unix_nano),
      end_time_unix_nano: s.end_time_unix_nano === undefined ? null : exactInteger(s.end_time_unix_nano),
      events: s.events.map((e) => ({
        name: e.name,
        time_unix_nano: exactInteger(e.time_unix_nano),
        attributes: Object.fromEntries(e.attributes.map((kv) => [kv.key, plainValue(kv.value)])),
      })),
      status: { code: s.status?.code ?? 'STATUS_CODE_UNSET', message: s.status?.message ?? '' },
      attributes: Object.fromEntries(s.attributes.map((kv) => [kv.key, JSON.stringify(plainValue(kv.value))])),
    })),
  });
}
