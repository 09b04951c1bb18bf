/**
 * Spans: `LiveSpan` is what user code and integrations hold (the official SDK's LiveSpan API),
 * and the serialisers that write a finished span in MLflow's TypeScript `traces.json` form and
 * as OTLP/JSON. Values are stored as JSON text when set, so the `traces.json` writer splices
 * them in unchanged and nanosecond times (beyond 2^53) are written as exact digits.
 */
import { SpanAttributeKey, SpanStatusCode, TRACE_ID_PREFIX, type SpanType } from './constants.ts';
import { hexToBase64 } from './ids.ts';
import { parseJsonText, safeJsonStringify } from './json.ts';

/** OTel's [seconds, nanoseconds] time, which the official SDK exposes as `startTime`/`endTime`. */
export type HrTime = [number, number];

export type AttributeValue = string | number | boolean | null | readonly unknown[] | Record<string, unknown>;

/** Status of a span: a code and, for errors, a description. */
export class SpanStatus {
  readonly statusCode: SpanStatusCode;
  readonly description: string;
  constructor(statusCode: SpanStatusCode, description = '') {
    this.statusCode = statusCode;
    this.description = description;
  }
}

export interface SpanEventInit {
  name: string;
  /** Nanoseconds since the epoch; default now. */
  timestamp?: bigint | number;
  attributes?: Record<string, unknown>;
}

/** Something that happened during a span (an exception, a stream chunk, a retry). */
export class SpanEvent {
  readonly name: string;
  readonly timestamp: bigint | undefined;
  readonly attributes: Record<string, unknown>;
  constructor(init: SpanEventInit) {
    this.name = init.name;
    this.timestamp = init.timestamp === undefined ? undefined : BigInt(init.timestamp);
    this.attributes = init.attributes ?? {};
  }

  /** The `exception` event OTel defines: type, message and stack trace. */
  static fromException(error: unknown): SpanEvent {
    return new SpanEvent({ name: 'exception', attributes: exceptionAttributes(error) });
  }
}

/** A recorded event: attributes kept as JSON text, time fixed. */
export interface RecordedEvent {
  readonly name: string;
  readonly timeNs: bigint;
  readonly attributesJson: string;
}

function exceptionAttributes(error: unknown): Record<string, string> {
  if (error instanceof Error) {
    let stack: string;
    try {
      stack = error.stack ?? String(error);
    } catch {
      stack = String(error);
    }
    return { 'exception.type': error.name || error.constructor.name, 'exception.message': error.message, 'exception.stacktrace': stack };
  }
  let message: string;
  try {
    message = typeof error === 'string' ? error : (safeJsonStringify(error) ?? String(error));
  } catch {
    message = '[unprintable value]';
  }
  return { 'exception.type': typeof error, 'exception.message': message, 'exception.stacktrace': '' };
}

/** The message of a thrown value, for a span's ERROR status. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  return safeJsonStringify(error) ?? String(error);
}

function normalizeStatusCode(code: string): SpanStatusCode {
  switch (code.toUpperCase()) {
    case 'OK':
    case 'STATUS_CODE_OK':
      return SpanStatusCode.OK;
    case 'ERROR':
    case 'STATUS_CODE_ERROR':
      return SpanStatusCode.ERROR;
    default:
      return SpanStatusCode.UNSET;
  }
}

/** What a span needs from the trace it belongs to. */
export interface SpanOwner {
  readonly traceIdHex: string;
  now(): bigint;
  spanEnded(span: LiveSpan): void;
}

export interface SpanEndOptions {
  outputs?: unknown;
  attributes?: Record<string, unknown>;
  status?: SpanStatus | SpanStatusCode | 'OK' | 'ERROR' | 'UNSET';
  /** Nanoseconds since the epoch; default now. */
  endTimeNs?: bigint | number;
}

const nsToHrTime = (ns: bigint): HrTime => [Number(ns / 1_000_000_000n), Number(ns % 1_000_000_000n)];

/**
 * A span being recorded. Setters are no-ops once the span has ended; `end` is idempotent.
 * Read access (`traceId`, `spanId`, `inputs`, `attributes`, ...) works before and after.
 */
export class LiveSpan {
  /** MLflow trace id, `tr-` + 32 hex. */
  readonly traceId: string;
  /** 16 hex characters. */
  readonly spanId: string;
  /** The parent's span id (16 hex), or null for the root of a trace. */
  readonly parentId: string | null;
  /** Nanoseconds since the epoch. */
  readonly startTimeNs: bigint;
  /** @internal The trace buffer this span reports to. */
  readonly _owner: SpanOwner;
  #name: string;
  #endTimeNs: bigint | null = null;
  #status = new SpanStatus(SpanStatusCode.UNSET);
  readonly #attributes = new Map<string, string>();
  readonly #events: RecordedEvent[] = [];

  constructor(owner: SpanOwner, init: { spanId: string; parentId: string | null; name: string; startTimeNs: bigint; spanType: SpanType }) {
    this._owner = owner;
    this.traceId = TRACE_ID_PREFIX + owner.traceIdHex;
    this.spanId = init.spanId;
    this.parentId = init.parentId;
    this.#name = init.name;
    this.startTimeNs = init.startTimeNs;
    // Hex ids need no escaping.
    this.#attributes.set(SpanAttributeKey.TRACE_ID, `"${this.traceId}"`);
    this.#attributes.set(SpanAttributeKey.SPAN_TYPE, JSON.stringify(init.spanType));
  }

  get name(): string {
    return this.#name;
  }

  get spanType(): SpanType {
    return this.getAttribute(SpanAttributeKey.SPAN_TYPE) as SpanType;
  }

  get inputs(): unknown {
    return this.getAttribute(SpanAttributeKey.INPUTS);
  }

  get outputs(): unknown {
    return this.getAttribute(SpanAttributeKey.OUTPUTS);
  }

  get status(): SpanStatus {
    return this.#status;
  }

  get endTimeNs(): bigint | null {
    return this.#endTimeNs;
  }

  get startTime(): HrTime {
    return nsToHrTime(this.startTimeNs);
  }

  get endTime(): HrTime | null {
    return this.#endTimeNs === null ? null : nsToHrTime(this.#endTimeNs);
  }

  get ended(): boolean {
    return this.#endTimeNs !== null;
  }

  /** True until the span ends (OTel's name for "still accepting changes"). */
  isRecording(): boolean {
    return this.#endTimeNs === null;
  }

  /** All attributes, decoded. */
  get attributes(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, text] of this.#attributes) out[key] = parseJsonText(text);
    return out;
  }

  getAttribute(key: string): unknown {
    const text = this.#attributes.get(key);
    return text === undefined ? undefined : parseJsonText(text);
  }

  get events(): SpanEvent[] {
    return this.#events.map((e) => new SpanEvent({ name: e.name, timestamp: e.timeNs, attributes: parseJsonText(e.attributesJson) as Record<string, unknown> }));
  }

  /** Renames the span (OTel's updateName). */
  updateName(name: string): void {
    if (this.isRecording()) this.#name = String(name);
  }

  setSpanType(spanType: SpanType): void {
    this.setAttribute(SpanAttributeKey.SPAN_TYPE, spanType);
  }

  setInputs(inputs: unknown): void {
    this.setAttribute(SpanAttributeKey.INPUTS, inputs);
  }

  setOutputs(outputs: unknown): void {
    this.setAttribute(SpanAttributeKey.OUTPUTS, outputs);
  }

  /** Stores any JSON-serialisable value (snapshotted now); `undefined` is ignored, as in OTel. */
  setAttribute(key: string, value: unknown): void {
    if (!this.isRecording() || typeof key !== 'string') return;
    const text = safeJsonStringify(value);
    if (text !== undefined) this.#attributes.set(key, text);
  }

  setAttributes(attributes: Record<string, unknown> | undefined | null): void {
    if (!attributes) return;
    for (const [key, value] of Object.entries(attributes)) this.setAttribute(key, value);
  }

  /** `addEvent(new SpanEvent({...}))` as in the official SDK, or OTel's `addEvent(name, attributes?, timeNs?)`. */
  addEvent(event: SpanEvent | SpanEventInit | string, attributes?: Record<string, unknown>, timestampNs?: bigint | number): void {
    if (!this.isRecording()) return;
    const init: SpanEventInit = typeof event === 'string' ? { name: event, attributes, timestamp: timestampNs } : event;
    const timeNs = init.timestamp === undefined ? this._owner.now() : BigInt(init.timestamp);
    this.#events.push({ name: String(init.name), timeNs, attributesJson: safeJsonStringify(init.attributes ?? {}) ?? '{}' });
  }

  /** Adds OTel's `exception` event (type, message, stack trace). Does not change the status. */
  recordException(error: unknown): void {
    this.addEvent({ name: 'exception', attributes: exceptionAttributes(error) });
  }

  setStatus(status: SpanStatus | string, description?: string): void {
    if (!this.isRecording()) return;
    this.#status =
      status instanceof SpanStatus ? status : new SpanStatus(normalizeStatusCode(String(status)), description ?? '');
  }

  /**
   * Ends the span: applies the options, sets status OK unless it is ERROR (the wrappers cannot
   * set it otherwise, as the official SDK notes), and reports to the trace. Later calls do nothing.
   */
  end(options?: SpanEndOptions): void {
    if (!this.isRecording()) return;
    if (options?.outputs !== undefined) this.setOutputs(options.outputs);
    if (options?.attributes) this.setAttributes(options.attributes);
    if (options?.status !== undefined) this.setStatus(options.status);
    if (this.#status.statusCode !== SpanStatusCode.ERROR) this.#status = new SpanStatus(SpanStatusCode.OK, this.#status.description);
    let end = options?.endTimeNs !== undefined ? BigInt(options.endTimeNs) : this._owner.now();
    if (end < this.startTimeNs) end = this.startTimeNs;
    this.#endTimeNs = end;
    this._owner.spanEnded(this);
  }

  /** @internal JSON text of an attribute as stored. */
  _attributeText(key: string): string | undefined {
    return this.#attributes.get(key);
  }

  /** @internal Stored attributes (key → JSON text). */
  _attributeEntries(): IterableIterator<[string, string]> {
    return this.#attributes.entries();
  }

  /** @internal */
  _recordedEvents(): readonly RecordedEvent[] {
    return this.#events;
  }

  /** The span in MLflow's TypeScript `traces.json` form, with exact nanosecond digits. */
  toJsonText(): string {
    const attributes: string[] = [];
    for (const [key, text] of this.#attributes) attributes.push(`${JSON.stringify(key)}:${text}`);
    const events = this.#events.map(
      (e) => `{"name":${JSON.stringify(e.name)},"time_unix_nano":${e.timeNs.toString()},"attributes":${e.attributesJson}}`,
    );
    return (
      `{"trace_id":${JSON.stringify(hexToBase64(this._owner.traceIdHex))}` +
      `,"span_id":${JSON.stringify(hexToBase64(this.spanId))}` +
      `,"parent_span_id":${JSON.stringify(this.parentId ? hexToBase64(this.parentId) : '')}` +
      `,"name":${JSON.stringify(this.#name)}` +
      `,"start_time_unix_nano":${this.startTimeNs.toString()}` +
      `,"end_time_unix_nano":${this.#endTimeNs === null ? 'null' : this.#endTimeNs.toString()}` +
      `,"status":{"code":${JSON.stringify(this.#status.statusCode)},"message":${JSON.stringify(this.#status.description)}}` +
      `,"attributes":{${attributes.join(',')}}` +
      `,"events":[${events.join(',')}]}`
    );
  }

  /** The span decoded from `toJsonText` (times as exact decimal strings). */
  toJson(): Record<string, unknown> {
    return {
      trace_id: hexToBase64(this._owner.traceIdHex),
      span_id: hexToBase64(this.spanId),
      parent_span_id: this.parentId ? hexToBase64(this.parentId) : '',
      name: this.#name,
      start_time_unix_nano: this.startTimeNs.toString(),
      end_time_unix_nano: this.#endTimeNs === null ? null : this.#endTimeNs.toString(),
      status: { code: this.#status.statusCode, message: this.#status.description },
      attributes: this.attributes,
      events: this.#events.map((e) => ({ name: e.name, time_unix_nano: e.timeNs.toString(), attributes: parseJsonText(e.attributesJson) })),
    };
  }
}

// ------------------------------------------------------------------------------------ OTLP/JSON

type OtlpJsonAnyValue =
  | { stringValue: string }
  | { boolValue: boolean }
  | { intValue: string }
  | { doubleValue: number }
  | { arrayValue: { values: OtlpJsonAnyValue[] } }
  | { kvlistValue: { values: { key: string; value: OtlpJsonAnyValue }[] } };

/** A decoded JSON value as an OTLP AnyValue, typed as MLflow's Python client sends them. */
export function toOtlpAnyValue(value: unknown): OtlpJsonAnyValue {
  if (typeof value === 'string') return { stringValue: value };
  if (typeof value === 'boolean') return { boolValue: value };
  if (typeof value === 'number') return Number.isInteger(value) ? { intValue: String(value) } : { doubleValue: value };
  if (Array.isArray(value)) return { arrayValue: { values: value.map(toOtlpAnyValue) } };
  if (value !== null && typeof value === 'object') {
    return { kvlistValue: { values: Object.entries(value).map(([key, v]) => ({ key, value: toOtlpAnyValue(v) })) } };
  }
  // OTLP has no null; an empty string is what the MLflow server's decoder turns back into "".
  return { stringValue: '' };
}

const OTLP_STATUS: Record<SpanStatusCode, number> = {
  [SpanStatusCode.UNSET]: 0,
  [SpanStatusCode.OK]: 1,
  [SpanStatusCode.ERROR]: 2,
};

/** One span as OTLP/JSON (camelCase, hex ids, int64 times as decimal strings, as the spec allows). */
export function spanToOtlpJson(span: LiveSpan): Record<string, unknown> {
  const attributes = [...span._attributeEntries()].map(([key, text]) => ({ key, value: toOtlpAnyValue(parseJsonText(text)) }));
  const out: Record<string, unknown> = {
    traceId: span._owner.traceIdHex,
    spanId: span.spanId,
    name: span.name,
    kind: 1,
    startTimeUnixNano: span.startTimeNs.toString(),
    endTimeUnixNano: (span.endTimeNs ?? span.startTimeNs).toString(),
    attributes,
    events: span._recordedEvents().map((e) => ({
      timeUnixNano: e.timeNs.toString(),
      name: e.name,
      attributes: Object.entries(parseJsonText(e.attributesJson) as Record<string, unknown>).map(([key, v]) => ({ key, value: toOtlpAnyValue(v) })),
    })),
    status: { code: OTLP_STATUS[span.status.statusCode], message: span.status.description },
  };
  if (span.parentId) out.parentSpanId = span.parentId;
  return out;
}
