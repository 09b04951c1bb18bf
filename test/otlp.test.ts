/**
 * OTLP ingestion (`POST /v1/traces`) with exporters we did not write: the OpenTelemetry JS SDK's
 * protobuf and JSON exporters send nested spans to an in-process server, and every span, parent
 * link, attribute, event and status is read back through `GET /api/3.0/mlflow/traces/get`.
 * Span times are set to nanosecond values beyond 2^53 so a rounding anywhere shows up. The
 * protocol edges (compression, malformed bodies, headers, limits, all-or-nothing) use raw
 * requests, with bodies captured from the real exporters where a protobuf body is needed.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes, type HrTime, type Span } from '@opentelemetry/api';
import { BasicTracerProvider, BatchSpanProcessor, SimpleSpanProcessor, type ReadableSpan, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { OTLPTraceExporter as ProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { OTLPTraceExporter as JsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { startTrackingServer, type RunningServer } from '../src/tracking/server.ts';
import { OTLP_MAX_BODY_BYTES, OTLP_MAX_DECOMPRESSED_BYTES } from '../src/tracking/otlp/routes.ts';

// ------------------------------------------------------------------ helpers

/** The parts of the answers these tests read (int64 values beyond 2^53 arrive as bigint). */
interface WireKeyValue {
  key: string;
  value: unknown;
}
interface WireSpan {
  trace_id: string;
  span_id: string;
  parent_span_id?: string;
  name: string;
  kind?: string;
  start_time_unix_nano: bigint | number;
  end_time_unix_nano?: bigint | number;
  attributes?: WireKeyValue[];
  events?: { name: string; time_unix_nano: bigint | number; attributes?: WireKeyValue[] }[];
  status?: { code: string; message?: string };
}
interface WireTraceInfo {
  trace_id: string;
  trace_location: { type: string; mlflow_experiment: { experiment_id: string } };
  request_time: string;
  execution_duration?: string;
  state: string;
  trace_metadata: Record<string, string>;
  tags: Record<string, string>;
}
/** Typed as the tests expect it; a missing part fails the test where it is read. */
interface WireBody {
  trace: { trace_info: WireTraceInfo; spans: WireSpan[] };
  traces: WireTraceInfo[];
  experiment_id: string;
  /** FastAPI's error: a message, or (422) a list of validation issues. */
  detail: string;
  error_code: string;
}

/** JSON.parse keeping integers beyond 2^53 exact, as BigInt. */
function parseBigSafe(text: string): WireBody {
  return JSON.parse(text, (_key: string, value: unknown, context?: { source?: string }) =>
    typeof value === 'number' && !Number.isSafeInteger(value) && context?.source !== undefined && /^-?\d+$/.test(context.source) ? BigInt(context.source) : value,
  );
}

interface Answer {
  status: number;
  contentType: string | null;
  text: string;
  json: WireBody;
}

async function request(url: string, init: RequestInit): Promise<Answer> {
  const res = await fetch(url, init);
  const text = await res.text();
  let json = {} as WireBody;
  try {
    if (text !== '') json = parseBigSafe(text);
  } catch {
    // Not JSON: `text` has it.
  }
  return { status: res.status, contentType: res.headers.get('content-type'), text, json };
}

const b64 = (hex: string): string => Buffer.from(hex, 'hex').toString('base64');

/** [seconds, nanoseconds] from a decimal nanosecond string, and back. */
const hr = (ns: bigint): HrTime => [Number(ns / 1_000_000_000n), Number(ns % 1_000_000_000n)];

/** A base time beyond 2^53 ns with non-zero low digits, so any double rounding changes it. */
const T0 = 1795447854350041032n;

/** An exporter wrapper that remembers every export result, so a rejected export fails the test clearly. */
class RecordingExporter implements SpanExporter {
  readonly results: { code: number; error?: Error }[] = [];
  readonly inner: SpanExporter;
  constructor(inner: SpanExporter) {
    this.inner = inner;
  }
  export(spans: ReadableSpan[], done: (result: { code: number; error?: Error }) => void): void {
    this.inner.export(spans, (result) => {
      this.results.push(result);
      done(result);
    });
  }
  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }
  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }
}

type ExporterKind = 'proto' | 'json';
type CompressionOption = NonNullable<NonNullable<ConstructorParameters<typeof ProtoExporter>[0]>['compression']>;

function exporter(kind: ExporterKind, url: string, experimentId: string, gzip = false): RecordingExporter {
  const config = {
    url: `${url}/v1/traces`,
    headers: { 'x-mlflow-experiment-id': experimentId },
    ...(gzip ? { compression: 'gzip' as CompressionOption } : {}),
  };
  return new RecordingExporter(kind === 'proto' ? new ProtoExporter(config) : new JsonExporter(config));
}

/** Attributes of every type the OTel JS API takes. */
const ALL_TYPES: Attributes = {
  'attr.string': 'hello',
  'attr.empty_string': '',
  'attr.int': 42,
  'attr.negative_int': -7,
  'attr.double': 0.5,
  'attr.bool_true': true,
  'attr.bool_false': false,
  'attr.strings': ['a', 'b'],
  'attr.ints': [1, 2, 3],
  'attr.doubles': [1.5, 2.25],
  'attr.bools': [true, false],
};

/** What the server must give back for ALL_TYPES: OTLP AnyValues as MLflow writes them (int64 as numbers). */
const ALL_TYPES_WIRE: Record<string, unknown> = {
  'attr.string': { string_value: 'hello' },
  'attr.empty_string': { string_value: '' },
  'attr.int': { int_value: 42 },
  'attr.negative_int': { int_value: -7 },
  'attr.double': { double_value: 0.5 },
  'attr.bool_true': { bool_value: true },
  'attr.bool_false': { bool_value: false },
  'attr.strings': { array_value: { values: [{ string_value: 'a' }, { string_value: 'b' }] } },
  'attr.ints': { array_value: { values: [{ int_value: 1 }, { int_value: 2 }, { int_value: 3 }] } },
  'attr.doubles': { array_value: { values: [{ double_value: 1.5 }, { double_value: 2.25 }] } },
  'attr.bools': { array_value: { values: [{ bool_value: true }, { bool_value: false }] } },
};

interface SpanPlan {
  span: Span;
  name: string;
  parent?: string;
  start: bigint;
  end: bigint;
}

/**
 * Root → child (error, exception event) → grandchild, plus a second child with an event; every span
 * carries ALL_TYPES. Spans end children-first, so SimpleSpanProcessor sends children before parents.
 */
function makeTrace(provider: BasicTracerProvider, label: string): { traceId: string; plans: SpanPlan[] } {
  const tracer = provider.getTracer('mlflow-ts-otlp-test', '1.0.0');
  const plans: SpanPlan[] = [];
  const start = (name: string, parent: Span | undefined, offset: bigint, kind: SpanKind): Span => {
    const ctx = parent ? trace.setSpan(ROOT_CONTEXT, parent) : ROOT_CONTEXT;
    const span = tracer.startSpan(name, { kind, startTime: hr(T0 + offset), attributes: { ...ALL_TYPES, 'span.label': label } }, ctx);
    plans.push({ span, name, parent: parent?.spanContext().spanId, start: T0 + offset, end: 0n });
    return span;
  };
  const end = (span: Span, offset: bigint): void => {
    plans.find((p) => p.span === span)!.end = T0 + offset;
    span.end(hr(T0 + offset));
  };
  const root = start(`${label}-root`, undefined, 0n, SpanKind.SERVER);
  const child = start(`${label}-child`, root, 1_000_001n, SpanKind.CLIENT);
  const grandchild = start(`${label}-grandchild`, child, 2_000_003n, SpanKind.INTERNAL);
  grandchild.addEvent('checkpoint', { stage: 'post', count: 2, ratio: 0.25, ok: true }, hr(T0 + 2_500_007n));
  end(grandchild, 3_000_009n);
  child.recordException(new Error('boom'), hr(T0 + 3_500_011n));
  child.setStatus({ code: SpanStatusCode.ERROR, message: 'Error: boom' });
  end(child, 4_000_013n);
  const sibling = start(`${label}-sibling`, root, 4_100_017n, SpanKind.PRODUCER);
  sibling.addEvent('note', { text: 'second child' }, hr(T0 + 4_200_019n));
  sibling.setStatus({ code: SpanStatusCode.OK });
  end(sibling, 4_300_021n);
  root.setStatus({ code: SpanStatusCode.OK });
  end(root, 5_000_023n);
  return { traceId: root.spanContext().traceId, plans };
}

function attributesByKey(span: { attributes?: WireKeyValue[] } | undefined): Record<string, unknown> {
  return Object.fromEntries((span?.attributes ?? []).map((kv) => [kv.key, kv.value]));
}

/** Checks a trace read back from the server against what the SDK made. */
function assertTraceIntact(body: WireBody, traceId: string, plans: SpanPlan[], label: string, experimentId: string): void {
  const info = body.trace.trace_info;
  assert.equal(info.trace_id, `tr-${traceId}`);
  assert.equal(info.trace_location.mlflow_experiment.experiment_id, experimentId);
  assert.equal(info.tags?.['mlflow.trace.spansLocation'], 'TRACKING_STORE');
  assert.equal(info.state, 'OK', 'the root span is OK, so the trace is (a failed child does not fail the trace)');
  assert.equal(info.request_time, new Date(Number(T0 / 1_000_000n)).toISOString(), 'request_time is the root start');
  assert.equal(info.execution_duration, '0.005s');

  const spans = body.trace.spans ?? [];
  assert.equal(spans.length, plans.length);
  for (const plan of plans) {
    const ctx = plan.span.spanContext();
    const got = spans.find((s) => s.span_id === b64(ctx.spanId));
    assert.ok(got, `span ${plan.name} is stored`);
    assert.equal(got.trace_id, b64(traceId));
    assert.equal(got.name, plan.name);
    assert.equal(got.parent_span_id, plan.parent === undefined ? undefined : b64(plan.parent), `${plan.name}: parent link`);
    assert.equal(typeof got.start_time_unix_nano, 'bigint', 'span times are JSON numbers');
    assert.equal(got.start_time_unix_nano, plan.start, `${plan.name}: start time exact to the nanosecond`);
    assert.equal(got.end_time_unix_nano, plan.end, `${plan.name}: end time exact to the nanosecond`);
    const attrs = attributesByKey(got);
    assert.deepEqual(attrs['mlflow.traceRequestId'], { string_value: `tr-${traceId}` }, 'MLflow adds the trace request id');
    assert.equal(got.attributes?.[0]?.key, 'mlflow.traceRequestId', 'as the first attribute, as MLflow does');
    for (const [key, value] of Object.entries(ALL_TYPES_WIRE)) assert.deepEqual(attrs[key], value, `${plan.name}: attribute ${key}`);
    assert.deepEqual(attrs['span.label'], { string_value: label });
  }
  const byName = (suffix: string): WireSpan => {
    const span = spans.find((s) => s.name === `${label}-${suffix}`);
    assert.ok(span, `span ${label}-${suffix}`);
    return span;
  };
  assert.deepEqual(byName('root').status, { code: 'STATUS_CODE_OK' });
  assert.deepEqual(byName('child').status, { code: 'STATUS_CODE_ERROR', message: 'Error: boom' });
  assert.deepEqual(byName('grandchild').status, { code: 'STATUS_CODE_UNSET' });
  assert.equal(byName('root').kind, 'SPAN_KIND_SERVER');
  assert.equal(byName('child').kind, 'SPAN_KIND_CLIENT');

  const checkpoint = byName('grandchild').events?.[0];
  assert.equal(checkpoint?.name, 'checkpoint');
  assert.equal(checkpoint.time_unix_nano, T0 + 2_500_007n);
  assert.deepEqual(attributesByKey(checkpoint), {
    stage: { string_value: 'post' },
    count: { int_value: 2 },
    ratio: { double_value: 0.25 },
    ok: { bool_value: true },
  });
  const exception = byName('child').events?.find((e) => e.name === 'exception');
  assert.ok(exception, 'recordException becomes an exception event');
  assert.equal(exception.time_unix_nano, T0 + 3_500_011n);
  const exceptionAttrs = attributesByKey(exception);
  assert.deepEqual(exceptionAttrs['exception.message'], { string_value: 'boom' });
  assert.deepEqual(exceptionAttrs['exception.type'], { string_value: 'Error' });
  assert.equal(byName('sibling').events?.[0]?.name, 'note');
  assert.equal(byName('root').events, undefined, 'no events: the key is omitted, as MLflow does');
}

// ------------------------------------------------------------------ the server

describe('OTLP ingestion: POST /v1/traces', () => {
  let server: RunningServer;
  let artifactsDir: string;
  let experimentId: string;

  async function api(method: string, path: string, body?: unknown): Promise<Answer> {
    return request(`${server.url}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  async function getTrace(traceId: string, allowPartial = true): Promise<Answer> {
    return api('GET', `/api/3.0/mlflow/traces/get?trace_id=tr-${traceId}&allow_partial=${allowPartial}`);
  }

  async function post(body: Buffer | string, headers: Record<string, string>): Promise<Answer> {
    return request(`${server.url}/v1/traces`, { method: 'POST', headers, body });
  }

  /** The bytes a real exporter sends, caught by a throwaway HTTP server. */
  async function captureExport(kind: ExporterKind, build: (provider: BasicTracerProvider) => void): Promise<{ body: Buffer; contentType: string }> {
    let captured: { body: Buffer; contentType: string } | undefined;
    const sink = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        captured ??= { body: Buffer.concat(chunks), contentType: String(req.headers['content-type']) };
        res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
      });
    });
    await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
    const port = (sink.address() as { port: number }).port;
    const exp = exporter(kind, `http://127.0.0.1:${port}`, experimentId);
    const provider = new BasicTracerProvider({ spanProcessors: [new BatchSpanProcessor(exp)] });
    build(provider);
    await provider.forceFlush();
    await provider.shutdown();
    await new Promise<void>((resolve) => sink.close(() => resolve()));
    assert.ok(captured, 'the exporter sent a request');
    return captured;
  }

  before(async () => {
    artifactsDir = mkdtempSync(join(tmpdir(), 'mlflow-ts-otlp-'));
    server = await startTrackingServer({ backendStoreUri: ':memory:', port: 0, artifactsDestination: artifactsDir });
    const created = await api('POST', '/api/2.0/mlflow/experiments/create', { name: 'otlp-ingestion' });
    assert.equal(created.status, 200);
    experimentId = created.json.experiment_id;
  });

  after(async () => {
    await server?.close();
    if (artifactsDir) rmSync(artifactsDir, { recursive: true, force: true });
  });

  for (const [kind, processor, gzip] of [
    ['proto', 'simple', false],
    ['json', 'batch', false],
    ['proto', 'batch', true],
    ['json', 'simple', true],
  ] as const) {
    it(`${kind} exporter (${processor} processor${gzip ? ', gzip' : ''}): every span, parent link, attribute, event and status comes back`, async () => {
      const exp = exporter(kind, server.url, experimentId, gzip);
      const provider = new BasicTracerProvider({
        resource: resourceFromAttributes({ 'service.name': 'otlp-test' }),
        spanProcessors: [processor === 'simple' ? new SimpleSpanProcessor(exp) : new BatchSpanProcessor(exp)],
      });
      const label = `${kind}-${processor}${gzip ? '-gzip' : ''}`;
      const { traceId, plans } = makeTrace(provider, label);
      await provider.forceFlush();
      await provider.shutdown();
      assert.ok(exp.results.length >= 1);
      assert.deepEqual(
        exp.results.map((r) => r.code),
        exp.results.map(() => 0),
        `every export succeeded: ${exp.results.map((r) => r.error?.message).join('; ')}`,
      );
      if (processor === 'simple') assert.equal(exp.results.length, plans.length, 'one request per span: children arrived before their parents');
      const res = await getTrace(traceId, false);
      assert.equal(res.status, 200, res.text);
      assertTraceIntact(res.json, traceId, plans, label, experimentId);
    });
  }

  it('children arriving in earlier requests than their parent form one trace', async () => {
    const exp = exporter('proto', server.url, experimentId);
    const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exp)] });
    const tracer = provider.getTracer('order-test');
    const root = tracer.startSpan('late-root', { startTime: hr(T0) });
    const child = tracer.startSpan('early-child', { startTime: hr(T0 + 10n) }, trace.setSpan(ROOT_CONTEXT, root));
    const traceId = root.spanContext().traceId;
    child.end(hr(T0 + 20n));
    await provider.forceFlush();

    const partial = await getTrace(traceId);
    assert.equal(partial.status, 200, partial.text);
    assert.equal(partial.json.trace.spans.length, 1);
    assert.equal(partial.json.trace.trace_info.state, 'IN_PROGRESS', 'no root yet');

    root.end(hr(T0 + 30n));
    await provider.forceFlush();
    await provider.shutdown();
    const whole = await getTrace(traceId);
    assert.equal(whole.status, 200, whole.text);
    const spans = whole.json.trace.spans;
    assert.equal(spans.length, 2);
    assert.equal(spans.find((s) => s.name === 'early-child')?.parent_span_id, b64(root.spanContext().spanId));
    assert.equal(whole.json.trace.trace_info.state, 'OK');
    assert.equal(whole.json.trace.trace_info.tags['mlflow.traceName'], 'late-root');
    const search = await api('POST', '/api/3.0/mlflow/traces/search', { experiment_ids: [experimentId], filter: `trace.name = 'late-root'` });
    assert.equal(search.json.traces.length, 1, 'one trace, not two');
  });

  it('answers 200 with an empty protobuf body, also for JSON requests', async () => {
    for (const kind of ['proto', 'json'] as const) {
      const { body, contentType } = await captureExport(kind, (p) => p.getTracer('t').startSpan(`empty-answer-${kind}`).end());
      const res = await post(body, { 'content-type': contentType, 'x-mlflow-experiment-id': experimentId });
      assert.equal(res.status, 200, res.text);
      assert.equal(res.contentType, 'application/x-protobuf');
      assert.equal(res.text, '');
    }
  });

  it('decompresses gzip, zlib deflate and raw deflate bodies', async () => {
    const names: Record<string, string | undefined> = {};
    for (const [encoding, compress] of [
      ['gzip', gzipSync],
      ['deflate', deflateSync],
      ['deflate-raw', deflateRawSync],
    ] as const) {
      let traceId = '';
      const { body, contentType } = await captureExport('proto', (p) => {
        const span = p.getTracer('t').startSpan(`compressed-${encoding}`);
        traceId = span.spanContext().traceId;
        span.end();
      });
      const res = await post(compress(body), {
        'content-type': contentType,
        'content-encoding': encoding === 'deflate-raw' ? 'deflate' : encoding,
        'x-mlflow-experiment-id': experimentId,
      });
      assert.equal(res.status, 200, `${encoding}: ${res.text}`);
      const read = await getTrace(traceId);
      names[encoding] = read.json.trace.spans[0]?.name;
    }
    assert.deepEqual(names, { gzip: 'compressed-gzip', deflate: 'compressed-deflate', 'deflate-raw': 'compressed-deflate-raw' });
  });

  it('rejects a body that does not decompress, or an unknown Content-Encoding, with 400', async () => {
    const headers = { 'content-type': 'application/x-protobuf', 'x-mlflow-experiment-id': experimentId };
    const gz = await post(Buffer.from('not gzip at all'), { ...headers, 'content-encoding': 'gzip' });
    assert.equal(gz.status, 400);
    assert.equal(gz.json.detail, 'Failed to decompress gzip payload');
    const br = await post(Buffer.from('x'), { ...headers, 'content-encoding': 'br' });
    assert.equal(br.status, 400);
    assert.match(br.json.detail, /Unsupported Content-Encoding: br/);
  });

  it('accepts OTLP/JSON sent by hand: hex ids, times as strings or numbers beyond 2^53, charset in the type', async () => {
    const traceHex = randomBytes(16).toString('hex');
    const rootHex = randomBytes(8).toString('hex');
    const childHex = randomBytes(8).toString('hex');
    // Numbers written into the JSON text literally: a JavaScript number could not hold them.
    const text = `{"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"by-hand"}}]},"scopeSpans":[{"scope":{"name":"manual"},"spans":[
      {"traceId":"${traceHex}","spanId":"${rootHex}","name":"json-root","kind":2,"startTimeUnixNano":"1795447854350041032","endTimeUnixNano":1795447854522002226,
       "attributes":[{"key":"big","value":{"intValue":"9007199254740993"}},{"key":"nested","value":{"kvlistValue":{"values":[{"key":"x","value":{"intValue":3}},{"key":"ys","value":{"arrayValue":{"values":[{"doubleValue":1.5},{"stringValue":"z"}]}}}]}}},{"key":"raw","value":{"bytesValue":"AAEC"}}],
       "status":{"code":1},"unknownField":"ignored"},
      {"traceId":"${traceHex.toUpperCase()}","spanId":"${childHex}","parentSpanId":"${rootHex}","name":"json-child","startTimeUnixNano":1795447854400000001,"endTimeUnixNano":"1795447854500000002",
       "events":[{"timeUnixNano":"1795447854450000003","name":"e1","attributes":[{"key":"k","value":{"boolValue":false}}]}],"status":{"code":"STATUS_CODE_ERROR","message":"bad"}}
    ]}]}]}`;
    const res = await post(text, { 'content-type': 'application/json; charset=utf-8', 'x-mlflow-experiment-id': experimentId });
    assert.equal(res.status, 200, res.text);
    const read = await getTrace(traceHex);
    assert.equal(read.status, 200, read.text);
    const spans = read.json.trace.spans;
    const root = spans.find((s) => s.name === 'json-root')!;
    const child = spans.find((s) => s.name === 'json-child')!;
    assert.equal(root.span_id, b64(rootHex));
    assert.equal(root.trace_id, b64(traceHex));
    assert.equal(root.kind, 'SPAN_KIND_SERVER');
    assert.equal(root.start_time_unix_nano, 1795447854350041032n);
    assert.equal(root.end_time_unix_nano, 1795447854522002226n);
    assert.deepEqual(attributesByKey(root).big, { int_value: 9007199254740993n }, 'int64 attribute exact');
    assert.match(read.text, /"int_value":9007199254740993\b/, 'written as an exact JSON number');
    assert.deepEqual(attributesByKey(root).nested, {
      kvlist_value: { values: [{ key: 'x', value: { int_value: 3 } }, { key: 'ys', value: { array_value: { values: [{ double_value: 1.5 }, { string_value: 'z' }] } } }] },
    });
    assert.deepEqual(attributesByKey(root).raw, { bytes_value: 'AAEC' });
    assert.equal(child.parent_span_id, b64(rootHex));
    assert.equal(child.start_time_unix_nano, 1795447854400000001n);
    assert.deepEqual(child.status, { code: 'STATUS_CODE_ERROR', message: 'bad' });
    assert.equal(child.events?.[0]?.time_unix_nano, 1795447854450000003n);
    assert.deepEqual(attributesByKey(child.events?.[0]), { k: { bool_value: false } });
    assert.equal(read.json.trace.trace_info.state, 'OK');
  });

  it('translates GenAI semantic-convention attributes into MLflow keys and keeps the originals', async () => {
    const traceHex = randomBytes(16).toString('hex');
    const json = {
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: [
                {
                  traceId: traceHex,
                  spanId: randomBytes(8).toString('hex'),
                  name: 'chat gpt-x',
                  startTimeUnixNano: '1795447854000000000',
                  endTimeUnixNano: '1795447855000000000',
                  attributes: [
                    { key: 'gen_ai.operation.name', value: { stringValue: 'chat' } },
                    { key: 'gen_ai.request.model', value: { stringValue: 'gpt-x' } },
                    { key: 'gen_ai.provider.name', value: { stringValue: 'openai' } },
                    { key: 'gen_ai.usage.input_tokens', value: { intValue: '12' } },
                    { key: 'gen_ai.usage.output_tokens', value: { intValue: 30 } },
                    { key: 'gen_ai.input.messages', value: { stringValue: '[{"role":"user","content":"hi"}]' } },
                  ],
                  status: {},
                },
              ],
            },
          ],
        },
      ],
    };
    const res = await post(JSON.stringify(json), { 'content-type': 'application/json', 'x-mlflow-experiment-id': experimentId });
    assert.equal(res.status, 200, res.text);
    const read = await getTrace(traceHex);
    const attrs = attributesByKey(read.json.trace.spans[0]);
    assert.deepEqual(attrs['mlflow.llm.model'], { string_value: 'gpt-x' });
    assert.deepEqual(attrs['mlflow.llm.provider'], { string_value: 'openai' });
    assert.deepEqual(attrs['mlflow.spanType'], { string_value: 'CHAT_MODEL' });
    assert.deepEqual(attrs['mlflow.spanInputs'], { string_value: '[{"role":"user","content":"hi"}]' });
    assert.deepEqual(attrs['mlflow.chat.tokenUsage'], {
      kvlist_value: {
        values: [
          { key: 'input_tokens', value: { int_value: 12 } },
          { key: 'output_tokens', value: { int_value: 30 } },
          { key: 'total_tokens', value: { int_value: 42 } },
        ],
      },
    });
    assert.deepEqual(attrs['gen_ai.request.model'], { string_value: 'gpt-x' }, 'the original stays');
    assert.deepEqual(attrs['gen_ai.usage.input_tokens'], { int_value: 12 });
    const usage = JSON.parse(read.json.trace.trace_info.trace_metadata['mlflow.trace.tokenUsage'] ?? '{}') as { total_tokens?: number };
    assert.equal(usage.total_tokens, 42, 'the trace totals the translated usage');
  });

  it('requires the x-mlflow-experiment-id header: 422 in FastAPI shape', async () => {
    const { body } = await captureExport('proto', (p) => p.getTracer('t').startSpan('no-header').end());
    const res = await post(body, { 'content-type': 'application/x-protobuf' });
    assert.equal(res.status, 422);
    const [issue] = res.json.detail as unknown as { type: string; loc: string[] }[];
    assert.equal(issue?.type, 'missing');
    assert.deepEqual(issue?.loc, ['header', 'x-mlflow-experiment-id']);
  });

  it('rejects a wrong Content-Type with 400', async () => {
    for (const type of ['text/plain', 'application/protobuf', 'application/xml']) {
      const res = await post('{}', { 'content-type': type, 'x-mlflow-experiment-id': experimentId });
      assert.equal(res.status, 400, type);
      assert.match(res.json.detail, /Invalid Content-Type/);
    }
    const none = await request(`${server.url}/v1/traces`, { method: 'POST', headers: { 'x-mlflow-experiment-id': experimentId } });
    assert.equal(none.status, 400);
  });

  it('rejects malformed protobuf and malformed JSON with 400', async () => {
    const headers = { 'content-type': 'application/x-protobuf', 'x-mlflow-experiment-id': experimentId };
    // Field 1 length-delimited, claiming 127 bytes that are not there; then a wire type 7 that does not exist.
    for (const body of [Buffer.from([0x0a, 0x7f, 0x01]), Buffer.from([0x0f, 0x00]), randomBytes(64)]) {
      const res = await post(body, headers);
      assert.equal(res.status, 400, `${body.toString('hex')}: ${res.text}`);
      assert.equal(typeof res.json.detail, 'string');
    }
    const jsonHeaders = { 'content-type': 'application/json', 'x-mlflow-experiment-id': experimentId };
    for (const text of ['{not json', '{"resourceSpans":"nope"}', '{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"zz"}]}]}]}', '{"resourceSpans":[{"scopeSpans":[{"spans":[{"startTimeUnixNano":"1.5e3x"}]}]}]}']) {
      const res = await post(text, jsonHeaders);
      assert.equal(res.status, 400, `${text}: ${res.text}`);
    }
  });

  it('answers 400 "no spans found" for a request without resource_spans', async () => {
    const proto = await post(Buffer.alloc(0), { 'content-type': 'application/x-protobuf', 'x-mlflow-experiment-id': experimentId });
    assert.equal(proto.status, 400);
    assert.equal(proto.json.detail, 'Invalid OpenTelemetry format - no spans found');
    const json = await post('{}', { 'content-type': 'application/json', 'x-mlflow-experiment-id': experimentId });
    assert.equal(json.status, 400);
    assert.equal(json.json.detail, 'Invalid OpenTelemetry format - no spans found');
  });

  it('stores nothing when one span of the request is bad (422)', async () => {
    const goodTrace = randomBytes(16).toString('hex');
    const span = (traceId: string, spanId: string, name: string) => ({ traceId, spanId, name, startTimeUnixNano: '1', endTimeUnixNano: '2' });
    const body = {
      resourceSpans: [
        { scopeSpans: [{ spans: [span(goodTrace, randomBytes(8).toString('hex'), 'good')] }] },
        // A span id of all zeros is invalid in OpenTelemetry.
        { scopeSpans: [{ spans: [span(randomBytes(16).toString('hex'), '0000000000000000', 'bad')] }] },
      ],
    };
    const res = await post(JSON.stringify(body), { 'content-type': 'application/json', 'x-mlflow-experiment-id': experimentId });
    assert.equal(res.status, 422, res.text);
    assert.match(res.json.detail, /span_id/);
    assert.equal((await getTrace(goodTrace)).status, 404, 'the good span of the rejected request was not stored');
  });

  it('stores nothing for an unknown experiment, with MLflow error JSON', async () => {
    let traceId = '';
    const { body } = await captureExport('proto', (p) => {
      const s = p.getTracer('t').startSpan('unknown-experiment');
      traceId = s.spanContext().traceId;
      s.end();
    });
    const res = await post(body, { 'content-type': 'application/x-protobuf', 'x-mlflow-experiment-id': '987654' });
    assert.ok(res.status >= 400 && res.status < 500, `${res.status} ${res.text}`);
    assert.equal(typeof res.json.error_code, 'string');
    assert.equal((await getTrace(traceId)).status, 404);
  });

  it('refuses absurdly nested attribute values with a 4xx, and keeps serving', async () => {
    const deepJson = (levels: number): string => {
      let value = '{"stringValue":"leaf"}';
      for (let i = 0; i < levels; i++) value = `{"kvlistValue":{"values":[{"key":"k","value":${value}}]}}`;
      return `{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"${randomBytes(16).toString('hex')}","spanId":"${randomBytes(8).toString('hex')}","name":"deep","attributes":[{"key":"deep","value":${value}}]}]}]}]}`;
    };
    for (const levels of [150, 20_000]) {
      const res = await post(deepJson(levels), { 'content-type': 'application/json', 'x-mlflow-experiment-id': experimentId });
      assert.ok(res.status >= 400 && res.status < 500, `JSON, ${levels} levels: ${res.status} ${res.text.slice(0, 200)}`);
    }

    // The same in protobuf, built inside out: AnyValue{kvlist_value: KeyValueList{values: KeyValue{key, value: AnyValue{...}}}}.
    const varint = (n: number): number[] => {
      const out: number[] = [];
      for (; n > 127; n >>>= 7) out.push((n & 127) | 128);
      out.push(n);
      return out;
    };
    const field = (tag: number, length: number): Buffer => Buffer.from([tag, ...varint(length)]);
    const deepProto = (levels: number): Buffer => {
      const parts: Buffer[] = [Buffer.from([0x0a, 1, 0x78])];
      let size = 3;
      const wrap = (prefix: Buffer): void => {
        parts.push(prefix);
        size += prefix.length;
      };
      for (let i = 0; i < levels; i++) {
        wrap(Buffer.concat([Buffer.from([0x0a, 1, 0x6b]), field(0x12, size)])); // KeyValue: key "k", value
        wrap(field(0x0a, size)); // KeyValueList.values
        wrap(field(0x32, size)); // AnyValue.kvlist_value
      }
      wrap(Buffer.concat([Buffer.from([0x0a, 1, 0x6b]), field(0x12, size)])); // the span attribute
      const ids = Buffer.concat([Buffer.from([0x0a, 16]), randomBytes(16), Buffer.from([0x12, 8]), randomBytes(8), Buffer.from([0x2a, 1, 0x64])]);
      wrap(Buffer.concat([ids, field(0x4a, size)])); // Span: ids, name "d", attributes
      wrap(field(0x12, size)); // ScopeSpans.spans
      wrap(field(0x12, size)); // ResourceSpans.scope_spans
      wrap(field(0x0a, size)); // ExportTraceServiceRequest.resource_spans
      return Buffer.concat(parts.reverse());
    };
    for (const levels of [150, 50_000]) {
      const res = await post(deepProto(levels), { 'content-type': 'application/x-protobuf', 'x-mlflow-experiment-id': experimentId });
      assert.ok(res.status >= 400 && res.status < 500, `protobuf, ${levels} levels: ${res.status} ${res.text.slice(0, 200)}`);
    }
    const shallow = await post(deepProto(3), { 'content-type': 'application/x-protobuf', 'x-mlflow-experiment-id': experimentId });
    assert.equal(shallow.status, 200, `the same construction, 3 levels deep, is a valid request: ${shallow.text}`);
    assert.equal((await fetch(`${server.url}/health`)).status, 200);
  });

  it('answers 413 beyond the body limits, compressed or decompressed', async () => {
    const headers = { 'content-type': 'application/x-protobuf', 'x-mlflow-experiment-id': experimentId };
    const big = await post(Buffer.alloc(OTLP_MAX_BODY_BYTES + 1), headers);
    assert.equal(big.status, 413);
    assert.equal(typeof big.json.detail, 'string');
    // A small gzip body that inflates past the decompressed cap (a "zip bomb").
    const bomb = gzipSync(Buffer.alloc(OTLP_MAX_DECOMPRESSED_BYTES + 1024), { level: 9 });
    assert.ok(bomb.length < OTLP_MAX_BODY_BYTES);
    const inflated = await post(bomb, { ...headers, 'content-encoding': 'gzip' });
    assert.equal(inflated.status, 413);
    assert.match(inflated.json.detail, /decompressed/);
  });

  it('answers 404 for traces that were never sent', async () => {
    const res = await getTrace(randomBytes(16).toString('hex'));
    assert.equal(res.status, 404);
    assert.equal(res.json.error_code, 'RESOURCE_DOES_NOT_EXIST');
  });
});
