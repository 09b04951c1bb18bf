/**
 * The trace REST API against a real in-process server: every route, MLflow's wire encodings
 * (RFC 3339 request_time, "0.191s" durations, maps, int64 span times as exact JSON numbers),
 * spans from the database and from `traces.json` uploads in both SDK formats, and the error
 * answers: unknown ids 404, bad bodies 4xx, nothing stored by a rejected request.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { startTrackingServer, type RunningServer } from '../src/tracking/server.ts';
import { errorHandler, notFoundHandler, registerRawBodyParser } from '../src/tracking/http.ts';
import { traceRoutes } from '../src/tracking/routes/traces.ts';
import { formatDuration, formatTimestamp, parseDuration, parseTimestamp } from '../src/tracking/trace-wire.ts';
import { openTrackingStore } from '../src/store/index.ts';
import { LocalArtifactRepository } from '../src/store/artifacts/local.ts';
import type { SpanRecord, TrackingStore } from '../src/store/contract.ts';

// ------------------------------------------------------------------ wire types and helpers

interface WireKeyValue {
  key: string;
  value: unknown;
}
interface WireSpan {
  trace_id: string;
  span_id: string;
  parent_span_id?: string;
  name: string;
  start_time_unix_nano: bigint | number;
  end_time_unix_nano?: bigint | number;
  attributes?: WireKeyValue[];
  events?: { name: string; time_unix_nano: bigint | number; attributes?: WireKeyValue[] }[];
  status?: { code: string; message?: string };
}
interface WireAssessment {
  assessment_id: string;
  assessment_name: string;
  trace_id: string;
  source: { source_type: string; source_id: string };
  create_time: string;
  last_update_time: string;
  feedback?: { value?: unknown };
  expectation?: { value?: unknown };
  rationale?: string;
  metadata?: Record<string, string>;
}
interface WireTraceInfo {
  trace_id: string;
  trace_location: { type: string; mlflow_experiment: { experiment_id: string } };
  request_preview?: string;
  response_preview?: string;
  request_time: string;
  execution_duration?: string;
  state: string;
  trace_metadata: Record<string, string>;
  tags: Record<string, string>;
  assessments?: WireAssessment[];
}
interface WireTrace {
  trace_info: WireTraceInfo;
  spans?: WireSpan[];
}
/** Typed as the tests expect each answer; a missing part fails the test where it is read. */
interface WireBody {
  trace: WireTrace;
  traces: (WireTraceInfo & WireTrace)[];
  trace_infos: WireTraceInfo[];
  next_page_token?: string;
  traces_deleted: number;
  assessment: WireAssessment;
  rows: { group: Record<string, string>; count: number; error_count: number }[];
  spans: Record<string, unknown>[];
  experiment_id: string;
  run: { info: { run_id: string } };
  error_code?: string;
  message?: string;
}
interface Answer {
  status: number;
  contentType: string | null;
  text: string;
  json: WireBody;
}

/** JSON.parse keeping integers beyond 2^53 exact, as BigInt. */
function parseBigSafe(text: string): WireBody {
  return JSON.parse(text, (_key: string, value: unknown, context?: { source?: string }) =>
    typeof value === 'number' && !Number.isSafeInteger(value) && context?.source !== undefined && /^-?\d+$/.test(context.source) ? BigInt(context.source) : value,
  ) as WireBody;
}

async function toAnswer(status: number, contentType: string | null, text: string): Promise<Answer> {
  let json = {} as WireBody;
  try {
    if (text !== '') json = parseBigSafe(text);
  } catch {
    // Not JSON: `text` has it.
  }
  return { status, contentType, text, json };
}

const hex = (bytes: number): string => randomBytes(bytes).toString('hex');
const b64 = (h: string): string => Buffer.from(h, 'hex').toString('base64');
const attrs = (span: { attributes?: WireKeyValue[] } | undefined): Record<string, unknown> =>
  Object.fromEntries((span?.attributes ?? []).map((kv) => [kv.key, kv.value]));

/** A start time beyond 2^53 ns with non-zero low digits, so any double rounding changes it. */
const T0 = 1795447854350041032n;

/** A StartTraceV3 body like the Python and TS SDKs send. */
function traceInfoBody(traceId: string, experimentId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    trace: {
      trace_info: {
        trace_id: traceId,
        trace_location: { type: 'MLFLOW_EXPERIMENT', mlflow_experiment: { experiment_id: experimentId } },
        request_preview: '{"q": "hi"}',
        response_preview: '{"r": 3}',
        request_time: '2026-11-23T15:30:54.350Z',
        execution_duration: '0.191s',
        state: 'OK',
        trace_metadata: { 'mlflow.trace_schema.version': '3', 'mlflow.user': 'demo-user' },
        tags: { 'mlflow.traceName': 'pipeline', suite: 'api-test' },
        ...extra,
      },
    },
  };
}

// ------------------------------------------------------------------ unit: encodings

describe('trace wire encodings', () => {
  it('reads RFC 3339 timestamps into epoch ms and writes them back as protobuf does', () => {
    const ms = Date.UTC(2026, 10, 23, 15, 30, 54, 522);
    assert.equal(parseTimestamp('2026-11-23T15:30:54.522Z'), ms);
    assert.equal(parseTimestamp('2026-11-23T16:30:54.522+01:00'), ms);
    assert.equal(parseTimestamp('2026-11-23T15:00:54.522-00:30'), ms);
    assert.equal(parseTimestamp('2026-11-23T15:30:54.522987654Z'), ms, 'sub-millisecond digits truncate');
    assert.equal(parseTimestamp('2026-11-23t15:30:54.5z'), ms - 22);
    for (const bad of ['2026-11-23 15:30:54Z', '2026-13-01T00:00:00Z', '2026-11-23T15:30:54', '1795447854350', '']) {
      assert.equal(parseTimestamp(bad), undefined, bad);
    }
    assert.equal(formatTimestamp(ms), '2026-11-23T15:30:54.522Z');
    assert.equal(formatTimestamp(Date.UTC(2026, 10, 23, 15, 30, 54)), '2026-11-23T15:30:54Z', 'no fraction for a whole second');
  });

  it('reads and writes google.protobuf.Duration text', () => {
    assert.equal(parseDuration('0.191s'), 191);
    assert.equal(parseDuration('1s'), 1000);
    assert.equal(parseDuration('1.000340s'), 1000);
    assert.equal(parseDuration('-0.5s'), -500);
    for (const bad of ['191', '0.191', '1.2.3s', 's', '1e3s']) assert.equal(parseDuration(bad), undefined, bad);
    assert.equal(formatDuration(0), '0s');
    assert.equal(formatDuration(191), '0.191s');
    assert.equal(formatDuration(1000), '1s');
    assert.equal(formatDuration(1500), '1.500s');
    assert.equal(formatDuration(61_001), '61.001s');
  });
});

// ------------------------------------------------------------------ the API

describe('trace REST API', () => {
  let server: RunningServer;
  let artifactsDir: string;
  let experimentId: string;
  let otherExperimentId: string;

  async function api(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    return toAnswer(res.status, res.headers.get('content-type'), await res.text());
  }

  /** OTLP/JSON spans for one trace; `spans` are [spanHex, parentHex|undefined, name, startOffsetNs, endOffsetNs, attributes?]. */
  async function sendSpans(traceHex: string, spans: [string, string | undefined, string, bigint, bigint, unknown[]?][], experiment = experimentId): Promise<void> {
    const body = {
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: spans.map(([spanId, parent, name, start, end, attributes]) => ({
                traceId: traceHex,
                spanId,
                ...(parent ? { parentSpanId: parent } : {}),
                name,
                startTimeUnixNano: String(T0 + start),
                endTimeUnixNano: String(T0 + end),
                attributes: attributes ?? [],
                status: { code: 1 },
              })),
            },
          ],
        },
      ],
    };
    const res = await fetch(`${server.url}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-mlflow-experiment-id': experiment },
      body: JSON.stringify(body),
    });
    assert.equal(res.status, 200, await res.text());
  }

  async function startTrace(traceId: string, extra: Record<string, unknown> = {}, experiment = experimentId): Promise<Answer> {
    return api('POST', '/api/3.0/mlflow/traces', traceInfoBody(traceId, experiment, extra));
  }

  /** PUT a traces.json where the trace's mlflow.artifactLocation says (as the SDKs do). */
  async function uploadTraceFile(info: WireTraceInfo, text: string): Promise<void> {
    const location = info.tags['mlflow.artifactLocation'];
    assert.match(location ?? '', /^mlflow-artifacts:\//);
    const path = location!.replace(/^mlflow-artifacts:\//, '');
    const res = await fetch(`${server.url}/api/2.0/mlflow-artifacts/artifacts/${path}/traces.json`, { method: 'PUT', headers: { 'content-type': 'text/plain' }, body: text });
    assert.equal(res.status, 200);
  }

  before(async () => {
    artifactsDir = mkdtempSync(join(tmpdir(), 'mlflow-ts-traces-api-'));
    server = await startTrackingServer({ backendStoreUri: ':memory:', port: 0, artifactsDestination: artifactsDir });
    experimentId = (await api('POST', '/api/2.0/mlflow/experiments/create', { name: 'traces-api' })).json.experiment_id;
    otherExperimentId = (await api('POST', '/api/2.0/mlflow/experiments/create', { name: 'traces-api-other' })).json.experiment_id;
  });

  after(async () => {
    await server?.close();
    if (artifactsDir) rmSync(artifactsDir, { recursive: true, force: true });
  });

  // ---------------------------------------------------------------- StartTraceV3 and trace info

  it('StartTraceV3 stores the info and answers it in MLflow wire form, with server tags and metadata', async () => {
    const traceId = `tr-${hex(16)}`;
    const res = await startTrace(traceId);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.contentType?.split(';')[0], 'application/json');
    const info = res.json.trace.trace_info;
    assert.deepEqual(Object.keys(res.json.trace), ['trace_info'], 'no spans key in the StartTraceV3 answer');
    assert.deepEqual(Object.keys(info).sort(), [
      'execution_duration',
      'request_preview',
      'request_time',
      'response_preview',
      'state',
      'tags',
      'trace_id',
      'trace_location',
      'trace_metadata',
    ]);
    assert.equal(info.trace_id, traceId);
    assert.deepEqual(info.trace_location, { type: 'MLFLOW_EXPERIMENT', mlflow_experiment: { experiment_id: experimentId } });
    assert.equal(info.request_time, '2026-11-23T15:30:54.350Z');
    assert.equal(info.execution_duration, '0.191s');
    assert.equal(info.state, 'OK');
    assert.equal(info.request_preview, '{"q": "hi"}');
    assert.deepEqual(info.trace_metadata, { 'mlflow.trace_schema.version': '3', 'mlflow.user': 'demo-user', 'mlflow.trace.infoFinalized': 'true' });
    assert.deepEqual(info.tags, {
      'mlflow.traceName': 'pipeline',
      suite: 'api-test',
      'mlflow.artifactLocation': `mlflow-artifacts:/${experimentId}/traces/${traceId}/artifacts`,
    });
    for (const prefix of ['/api', '/ajax-api']) {
      const read = await api('GET', `${prefix}/3.0/mlflow/traces/${traceId}`);
      assert.equal(read.status, 200);
      assert.deepEqual(read.json, res.json, `${prefix}: GET answers the stored info`);
    }
  });

  it('accepts enum numbers, an offset request_time and a list of tags, and writes them canonically', async () => {
    const traceId = `tr-${hex(16)}`;
    const res = await startTrace(traceId, {
      state: 2,
      request_time: '2026-11-23T16:30:54+01:00',
      execution_duration: '2s',
      tags: [{ key: 'k', value: 'v' }],
      trace_location: { type: 1, mlflow_experiment: { experiment_id: Number(experimentId) } },
    });
    assert.equal(res.status, 200, res.text);
    const info = res.json.trace.trace_info;
    assert.equal(info.state, 'ERROR');
    assert.equal(info.request_time, '2026-11-23T15:30:54Z');
    assert.equal(info.execution_duration, '2s');
    assert.equal(info.tags.k, 'v');
  });

  it('rejects bad StartTraceV3 bodies with 400 and stores nothing', async () => {
    const traceId = `tr-${hex(16)}`;
    const cases: [string, unknown][] = [
      ['no trace', {}],
      ['no trace_info', { trace: {} }],
      ['no trace_id', { trace: { trace_info: { ...(traceInfoBody(traceId, experimentId).trace as { trace_info: object }).trace_info, trace_id: undefined } } }],
      ['bad request_time', traceInfoBody(traceId, experimentId, { request_time: '2026-11-23 15:30:54' })],
      ['numeric request_time', traceInfoBody(traceId, experimentId, { request_time: 1795447854350 })],
      ['missing request_time', traceInfoBody(traceId, experimentId, { request_time: undefined })],
      ['bad duration', traceInfoBody(traceId, experimentId, { execution_duration: '191ms' })],
      ['bad state', traceInfoBody(traceId, experimentId, { state: 'DONE' })],
      ['no experiment', traceInfoBody(traceId, experimentId, { trace_location: { type: 'MLFLOW_EXPERIMENT' } })],
      ['inference table', traceInfoBody(traceId, experimentId, { trace_location: { type: 'INFERENCE_TABLE', mlflow_experiment: { experiment_id: experimentId } } })],
      ['tags not a map', traceInfoBody(traceId, experimentId, { tags: 'a=b' })],
    ];
    for (const [name, body] of cases) {
      const res = await api('POST', '/api/3.0/mlflow/traces', body);
      assert.equal(res.status, 400, `${name}: ${res.text}`);
      assert.equal(res.json.error_code, 'INVALID_PARAMETER_VALUE', name);
    }
    const wrongType = await api('POST', '/api/3.0/mlflow/traces', JSON.stringify(traceInfoBody(traceId, experimentId)), { 'content-type': 'text/plain' });
    assert.equal(wrongType.status, 400);
    const unknownExperiment = await api('POST', '/api/3.0/mlflow/traces', traceInfoBody(traceId, '987654'));
    assert.equal(unknownExperiment.status, 404);
    const read = await api('GET', `/api/3.0/mlflow/traces/${traceId}`);
    assert.equal(read.status, 404, 'nothing was stored');
    assert.equal(read.json.error_code, 'RESOURCE_DOES_NOT_EXIST');
    assert.equal(read.json.message, `Trace with ID '${traceId}' not found.`);
  });

  // ---------------------------------------------------------------- spans

  it('traces/get answers spans stored over OTLP, with int64 times as exact JSON numbers', async () => {
    const traceHex = hex(16);
    const [root, child] = [hex(8), hex(8)];
    await sendSpans(traceHex, [
      [child, root, 'child', 1_000_001n, 2_000_003n, [{ key: 'n', value: { intValue: '9007199254740993' } }]],
      [root, undefined, 'root', 0n, 3_000_005n, [{ key: 'mlflow.spanInputs', value: { kvlistValue: { values: [{ key: 'x', value: { intValue: 3 } }] } } }]],
    ]);
    for (const allowPartial of ['False', 'true', 'TRUE']) {
      const res = await api('GET', `/api/3.0/mlflow/traces/get?trace_id=tr-${traceHex}&allow_partial=${allowPartial}`);
      assert.equal(res.status, 200, res.text);
      const spans = res.json.trace.spans!;
      assert.equal(spans.length, 2);
      const rootSpan = spans.find((s) => s.name === 'root')!;
      assert.equal(rootSpan.span_id, b64(root));
      assert.equal(rootSpan.parent_span_id, undefined);
      assert.equal(rootSpan.start_time_unix_nano, T0);
      assert.equal(spans.find((s) => s.name === 'child')!.parent_span_id, b64(root));
      assert.match(res.text, new RegExp(`"start_time_unix_nano":${T0}[,}]`), 'the exact digits are in the JSON text');
      assert.match(res.text, /"int_value":9007199254740993[,}]/);
      assert.equal(res.json.trace.trace_info.tags['mlflow.trace.spansLocation'], 'TRACKING_STORE');
      assert.equal(res.json.trace.trace_info.request_preview, '{"x": 3}', 'preview derived from the root span inputs');
    }
    const bad = await api('GET', `/api/3.0/mlflow/traces/get?trace_id=tr-${traceHex}&allow_partial=maybe`);
    assert.equal(bad.status, 400);
    const missing = await api('GET', '/api/3.0/mlflow/traces/get');
    assert.equal(missing.status, 400);
    assert.match(missing.json.message ?? '', /trace_id/);
  });

  it('traces/get reads a TypeScript-SDK traces.json (raw attribute values, "" parent) into typed spans', async () => {
    const traceHex = hex(16);
    const traceId = `tr-${traceHex}`;
    const [root, child] = [hex(8), hex(8)];
    const started = await startTrace(traceId);
    // Written as text so the nanosecond numbers stay exact, as the SDK's JSON has them.
    const file = `{"spans":[
      {"trace_id":"${b64(traceHex)}","span_id":"${b64(root)}","parent_span_id":"","name":"ts-root","start_time_unix_nano":${T0},"end_time_unix_nano":${T0 + 5_000_000n},
       "status":{"code":"STATUS_CODE_OK","message":""},
       "attributes":{"mlflow.traceRequestId":"${traceId}","mlflow.spanType":"CHAIN","mlflow.spanInputs":{"q":"hi","n":3,"r":0.5,"ok":true,"list":[1,"a"]},"mlflow.spanOutputs":{"r":3}},
       "events":[]},
      {"trace_id":"${b64(traceHex)}","span_id":"${b64(child)}","parent_span_id":"${b64(root)}","name":"ts-child","start_time_unix_nano":${T0 + 1n},"end_time_unix_nano":${T0 + 2n},
       "status":{"code":"STATUS_CODE_ERROR","message":"bad"},
       "attributes":{"mlflow.spanType":"TOOL"},
       "events":[{"name":"exception","time_unix_nano":${T0 + 1n},"attributes":{"exception.message":"bad","count":2}}]}
    ]}`;
    await uploadTraceFile(started.json.trace.trace_info, file);
    const res = await api('GET', `/api/3.0/mlflow/traces/get?trace_id=${traceId}`);
    assert.equal(res.status, 200, res.text);
    const spans = res.json.trace.spans!;
    const r = spans.find((s) => s.name === 'ts-root')!;
    const c = spans.find((s) => s.name === 'ts-child')!;
    assert.equal(r.parent_span_id, undefined, 'a "" parent is a root');
    assert.equal(r.start_time_unix_nano, T0);
    assert.equal(r.end_time_unix_nano, T0 + 5_000_000n);
    assert.deepEqual(r.status, { code: 'STATUS_CODE_OK' });
    assert.deepEqual(attrs(r)['mlflow.spanType'], { string_value: 'CHAIN' });
    assert.deepEqual(attrs(r)['mlflow.spanInputs'], {
      kvlist_value: {
        values: [
          { key: 'q', value: { string_value: 'hi' } },
          { key: 'n', value: { int_value: 3 } },
          { key: 'r', value: { double_value: 0.5 } },
          { key: 'ok', value: { bool_value: true } },
          { key: 'list', value: { array_value: { values: [{ int_value: 1 }, { string_value: 'a' }] } } },
        ],
      },
    });
    assert.equal(c.parent_span_id, b64(root));
    assert.deepEqual(c.status, { code: 'STATUS_CODE_ERROR', message: 'bad' });
    assert.deepEqual(attrs(c.events?.[0]), { 'exception.message': { string_value: 'bad' }, count: { int_value: 2 } });
    assert.equal(res.json.trace.trace_info.tags['mlflow.trace.spansLocation'], undefined, 'the spans stay in the artifact store');
  });

  it('traces/get reads a Python-SDK traces.json (JSON-encoded attribute values, null parent)', async () => {
    const traceHex = hex(16);
    const traceId = `tr-${traceHex}`;
    const root = hex(8);
    const started = await startTrace(traceId);
    const file = JSON.stringify({
      spans: [
        {
          trace_id: b64(traceHex),
          span_id: b64(root),
          parent_span_id: null,
          name: 'py-root',
          start_time_unix_nano: '@START@',
          end_time_unix_nano: null,
          events: [{ name: 'exception', time_unix_nano: '@EVENT@', attributes: { 'exception.message': 'boom 1' } }],
          status: { code: 'STATUS_CODE_ERROR', message: 'ValueError: boom 1' },
          attributes: {
            'mlflow.traceRequestId': JSON.stringify(traceId),
            'mlflow.spanType': JSON.stringify('UNKNOWN'),
            'mlflow.spanInputs': JSON.stringify({ x: 1 }),
            'mlflow.spanOutputs': '42',
            label: JSON.stringify('a "quoted" text'),
          },
        },
      ],
    })
      // Python writes the nanosecond ints exactly; a JavaScript number could not hold them.
      .replace('"@START@"', String(T0))
      .replace('"@EVENT@"', String(T0 + 7n));
    await uploadTraceFile(started.json.trace.trace_info, file);
    const res = await api('GET', `/api/3.0/mlflow/traces/get?trace_id=${traceId}`);
    assert.equal(res.status, 200, res.text);
    const [span] = res.json.trace.spans!;
    assert.equal(span!.parent_span_id, undefined);
    assert.equal(span!.start_time_unix_nano, T0);
    assert.equal(span!.events?.[0]?.time_unix_nano, T0 + 7n);
    assert.equal(span!.end_time_unix_nano, undefined, 'a span without an end time has none');
    assert.deepEqual(attrs(span), {
      'mlflow.traceRequestId': { string_value: traceId },
      'mlflow.spanType': { string_value: 'UNKNOWN' },
      'mlflow.spanInputs': { kvlist_value: { values: [{ key: 'x', value: { int_value: 1 } }] } },
      'mlflow.spanOutputs': { int_value: 42 },
      label: { string_value: 'a "quoted" text' },
    });
    assert.deepEqual(attrs(span!.events?.[0]), { 'exception.message': { string_value: 'boom 1' } });
  });

  it('traces/get answers 400 INVALID_STATE for an unreadable traces.json, 404 for unknown traces', async () => {
    const traceId = `tr-${hex(16)}`;
    const started = await startTrace(traceId);
    await uploadTraceFile(started.json.trace.trace_info, '{"spans": "not a list"}');
    const res = await api('GET', `/api/3.0/mlflow/traces/get?trace_id=${traceId}`);
    assert.equal(res.status, 400, res.text);
    assert.equal(res.json.error_code, 'INVALID_STATE');
    assert.match(res.json.message ?? '', /traces\.json/);
    const unknown = await api('GET', `/api/3.0/mlflow/traces/get?trace_id=tr-${hex(16)}&allow_partial=true`);
    assert.equal(unknown.status, 404);
    assert.equal(unknown.json.error_code, 'RESOURCE_DOES_NOT_EXIST');
  });

  it('traces/batchGet answers known traces in request order with their spans; batchGetInfos the infos', async () => {
    const dbHex = hex(16);
    await sendSpans(dbHex, [[hex(8), undefined, 'batch-db', 0n, 10n]]);
    const fileId = `tr-${hex(16)}`;
    const started = await startTrace(fileId);
    await uploadTraceFile(started.json.trace.trace_info, JSON.stringify({ spans: [{ trace_id: b64(fileId.slice(3)), span_id: b64(hex(8)), parent_span_id: null, name: 'batch-file', start_time_unix_nano: 1, end_time_unix_nano: 2, attributes: {}, events: [], status: { code: 'STATUS_CODE_OK', message: '' } }] }));
    const unknown = `tr-${hex(16)}`;
    const res = await api('GET', `/api/3.0/mlflow/traces/batchGet?trace_ids=${fileId}&trace_ids=${unknown}&trace_ids=tr-${dbHex}`);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(
      res.json.traces.map((t) => [t.trace_info.trace_id, t.spans?.map((s) => s.name)]),
      [
        [fileId, ['batch-file']],
        [`tr-${dbHex}`, ['batch-db']],
      ],
    );
    const single = await api('GET', `/api/3.0/mlflow/traces/batchGet?trace_ids=tr-${dbHex}`);
    assert.equal(single.json.traces.length, 1);
    const none = await api('GET', `/api/3.0/mlflow/traces/batchGet?trace_ids=${unknown}`);
    assert.deepEqual(none.json, {}, 'nothing found: an empty answer');

    const infos = await api('POST', '/api/3.0/mlflow/traces/batchGetInfos', { trace_ids: [`tr-${dbHex}`, unknown, fileId] });
    assert.equal(infos.status, 200);
    assert.deepEqual(
      infos.json.trace_infos.map((i) => i.trace_id),
      [`tr-${dbHex}`, fileId],
    );
  });

  // ---------------------------------------------------------------- search and delete

  it('traces/search: locations or experiment_ids, filters, order, pages; bad requests are 400', async () => {
    const ids = [`tr-${hex(16)}`, `tr-${hex(16)}`, `tr-${hex(16)}`];
    for (const [i, id] of ids.entries()) {
      await startTrace(id, { request_time: `2026-11-23T15:30:5${i}Z`, tags: { group: 'search-test', n: String(i) } }, otherExperimentId);
    }
    const locations = [{ type: 'MLFLOW_EXPERIMENT', mlflow_experiment: { experiment_id: otherExperimentId } }];
    const all = await api('POST', '/api/3.0/mlflow/traces/search', { locations, filter: "tags.group = 'search-test'", order_by: ['timestamp_ms ASC'] });
    assert.equal(all.status, 200, all.text);
    assert.deepEqual(
      all.json.traces.map((t) => t.trace_id),
      ids,
    );
    assert.equal(all.json.next_page_token, undefined);
    const legacy = await api('POST', '/api/3.0/mlflow/traces/search', { experiment_ids: [otherExperimentId], filter: "tags.n = '1'" });
    assert.deepEqual(
      legacy.json.traces.map((t) => t.trace_id),
      [ids[1]],
    );

    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page: Answer = await api('POST', '/api/3.0/mlflow/traces/search', { locations, max_results: 2, order_by: ['timestamp_ms DESC'], page_token: token });
      assert.equal(page.status, 200, page.text);
      seen.push(...page.json.traces.map((t) => t.trace_id));
      token = page.json.next_page_token;
    } while (token);
    assert.deepEqual(seen, [...ids].reverse());

    for (const body of [
      {},
      { locations: [{ type: 'INFERENCE_TABLE' }] },
      { locations: [{ type: 'MLFLOW_EXPERIMENT' }] },
      { locations, max_results: 0 },
      { locations, max_results: 501 },
      { locations, filter: 'tags.group = ' },
    ]) {
      const res = await api('POST', '/api/3.0/mlflow/traces/search', body);
      assert.equal(res.status, 400, `${JSON.stringify(body)}: ${res.text}`);
    }
    const nothing = await api('POST', '/api/3.0/mlflow/traces/search', { locations: [{ type: 'MLFLOW_EXPERIMENT', mlflow_experiment: { experiment_id: '424242' } }] });
    assert.deepEqual(nothing.json, {});
  });

  it('delete-traces (v3 and v2): by ids or by time; exactly one of them', async () => {
    const exp = (await api('POST', '/api/2.0/mlflow/experiments/create', { name: 'traces-delete' })).json.experiment_id;
    const ids = [`tr-${hex(16)}`, `tr-${hex(16)}`, `tr-${hex(16)}`];
    for (const [i, id] of ids.entries()) await startTrace(id, { request_time: new Date(Date.UTC(2026, 0, 1 + i)).toISOString() }, exp);

    const byIds = await api('POST', '/api/3.0/mlflow/traces/delete-traces', { experiment_id: exp, request_ids: [ids[0]] });
    assert.deepEqual(byIds.json, { traces_deleted: 1 });
    assert.equal((await api('GET', `/api/3.0/mlflow/traces/${ids[0]}`)).status, 404);

    const byTime = await api('POST', '/api/2.0/mlflow/traces/delete-traces', { experiment_id: exp, max_timestamp_millis: Date.UTC(2026, 0, 2), max_traces: 5 });
    assert.deepEqual(byTime.json, { traces_deleted: 1 });
    assert.equal((await api('GET', `/api/3.0/mlflow/traces/${ids[1]}`)).status, 404);
    assert.equal((await api('GET', `/api/3.0/mlflow/traces/${ids[2]}`)).status, 200, 'a newer trace stays');

    const none = await api('POST', '/api/3.0/mlflow/traces/delete-traces', { experiment_id: exp, request_ids: [`tr-${hex(16)}`] });
    assert.deepEqual(none.json, { traces_deleted: 0 });
    for (const body of [
      { experiment_id: exp },
      { request_ids: [ids[2]] },
      { experiment_id: exp, request_ids: [ids[2]], max_timestamp_millis: 1 },
      { experiment_id: exp, request_ids: [ids[2]], max_traces: 1 },
      { experiment_id: exp, max_timestamp_millis: 1, max_traces: 0 },
    ]) {
      const res = await api('POST', '/api/3.0/mlflow/traces/delete-traces', body);
      assert.equal(res.status, 400, `${JSON.stringify(body)}: ${res.text}`);
    }
    assert.equal((await api('GET', `/api/3.0/mlflow/traces/${ids[2]}`)).status, 200, 'rejected requests deleted nothing');
  });

  // ---------------------------------------------------------------- tags and runs

  it('sets and deletes trace tags through the v3 and the v2 paths (JSON body, also for DELETE)', async () => {
    const traceId = `tr-${hex(16)}`;
    await startTrace(traceId);
    const tags = async (): Promise<Record<string, string>> => (await api('GET', `/api/3.0/mlflow/traces/${traceId}`)).json.trace.trace_info.tags;

    assert.deepEqual((await api('PATCH', `/api/3.0/mlflow/traces/${traceId}/tags`, { key: 'reviewed', value: 'yes' })).json, {});
    assert.equal((await tags()).reviewed, 'yes');
    assert.deepEqual((await api('DELETE', `/api/3.0/mlflow/traces/${traceId}/tags`, { key: 'reviewed' })).json, {});
    assert.equal((await tags()).reviewed, undefined);

    assert.equal((await api('PATCH', `/api/2.0/mlflow/traces/${traceId}/tags`, { key: 'v2', value: 'x' })).status, 200);
    assert.equal((await tags()).v2, 'x');
    assert.equal((await api('DELETE', `/api/2.0/mlflow/traces/${traceId}/tags`, { key: 'v2' })).status, 200);
    assert.equal((await tags()).v2, undefined);

    const unknown = await api('PATCH', `/api/3.0/mlflow/traces/tr-${hex(16)}/tags`, { key: 'k', value: 'v' });
    assert.equal(unknown.status, 404);
    const noKey = await api('PATCH', `/api/3.0/mlflow/traces/${traceId}/tags`, { value: 'v' });
    assert.equal(noKey.status, 400);
    assert.match(noKey.json.message ?? '', /'key'/);
    const noKeyDelete = await api('DELETE', `/api/2.0/mlflow/traces/${traceId}/tags`, {});
    assert.equal(noKeyDelete.status, 400);
  });

  it('link-to-run links traces to a run; at most 100 ids; unknown run 404', async () => {
    const run = (await api('POST', '/api/2.0/mlflow/runs/create', { experiment_id: experimentId })).json.run.info.run_id;
    const ids = [`tr-${hex(16)}`, `tr-${hex(16)}`];
    for (const id of ids) await startTrace(id);
    const res = await api('POST', '/api/2.0/mlflow/traces/link-to-run', { trace_ids: ids, run_id: run });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.json, {});
    const found = await api('POST', '/api/3.0/mlflow/traces/search', { experiment_ids: [experimentId], filter: `run_id = '${run}'` });
    assert.deepEqual(found.json.traces.map((t) => t.trace_id).sort(), [...ids].sort());

    const tooMany = Array.from({ length: 101 }, () => `tr-${hex(16)}`);
    assert.equal((await api('POST', '/api/2.0/mlflow/traces/link-to-run', { trace_ids: tooMany, run_id: run })).status, 400);
    assert.equal((await api('POST', '/api/2.0/mlflow/traces/link-to-run', { trace_ids: [], run_id: run })).status, 400);
    assert.equal((await api('POST', '/api/2.0/mlflow/traces/link-to-run', { trace_ids: ids })).status, 400);
    assert.equal((await api('POST', '/api/2.0/mlflow/traces/link-to-run', { trace_ids: ids, run_id: hex(16) })).status, 404);
  });

  // ---------------------------------------------------------------- assessments

  it('creates, reads, updates and deletes assessments; they show in trace_info', async () => {
    const traceId = `tr-${hex(16)}`;
    await startTrace(traceId);
    const base = `/api/3.0/mlflow/traces/${traceId}/assessments`;
    const before = Date.now();
    const created = await api('POST', base, {
      assessment: {
        assessment_name: 'relevance',
        source: { source_type: 'HUMAN', source_id: 'reviewer@example.com' },
        // A google.protobuf.Value: its empty list and null are data and must come back.
        feedback: { value: { score: 0.9, labels: [], note: null } },
        rationale: 'on topic',
        metadata: { batch: '7' },
      },
    });
    assert.equal(created.status, 200, created.text);
    const a = created.json.assessment;
    assert.match(a.assessment_id, /^a-/);
    assert.equal(a.trace_id, traceId);
    assert.equal(a.assessment_name, 'relevance');
    assert.deepEqual(a.source, { source_type: 'HUMAN', source_id: 'reviewer@example.com' });
    assert.deepEqual(a.feedback, { value: { score: 0.9, labels: [], note: null } });
    assert.deepEqual(a.metadata, { batch: '7' });
    assert.match(a.create_time, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/);
    assert.ok(parseTimestamp(a.create_time)! >= before - 1000, 'create_time is now, as RFC 3339');

    const read = await api('GET', `${base}/${a.assessment_id}`);
    assert.deepEqual(read.json, created.json);
    const info = await api('GET', `/api/3.0/mlflow/traces/${traceId}`);
    assert.deepEqual(info.json.trace.trace_info.assessments, [a]);

    const updated = await api('PATCH', `${base}/${a.assessment_id}`, {
      assessment: { assessment_name: 'relevance-v2', rationale: 'changed', feedback: { value: 0.5 } },
      update_mask: 'assessmentName,rationale,feedback',
    });
    assert.equal(updated.status, 200, updated.text);
    assert.equal(updated.json.assessment.assessment_name, 'relevance-v2');
    assert.equal(updated.json.assessment.rationale, 'changed');
    assert.deepEqual(updated.json.assessment.feedback, { value: 0.5 });
    assert.equal(updated.json.assessment.create_time, a.create_time);

    assert.equal((await api('PATCH', `${base}/${a.assessment_id}`, { assessment: { rationale: 'x' }, update_mask: 'trace_id' })).status, 400);
    assert.equal((await api('PATCH', `${base}/${a.assessment_id}`, { assessment: { rationale: 'x' } })).status, 400, 'update_mask is required');
    assert.equal((await api('PATCH', `${base}/a-${hex(16)}`, { assessment: { rationale: 'x' }, update_mask: 'rationale' })).status, 404);

    assert.deepEqual((await api('DELETE', `${base}/${a.assessment_id}`)).json, {});
    assert.equal((await api('GET', `${base}/${a.assessment_id}`)).status, 404);
    assert.equal((await api('GET', `/api/3.0/mlflow/traces/${traceId}`)).json.trace.trace_info.assessments, undefined);
  });

  it('rejects bad assessments with 400 and unknown traces with 404, storing nothing', async () => {
    const traceId = `tr-${hex(16)}`;
    await startTrace(traceId);
    const base = `/api/3.0/mlflow/traces/${traceId}/assessments`;
    const source = { source_type: 'CODE', source_id: 'judge.py' };
    for (const [name, assessment] of [
      ['no assessment', undefined],
      ['no name', { source, feedback: { value: 1 } }],
      ['no source', { assessment_name: 'x', feedback: { value: 1 } }],
      ['no source type', { assessment_name: 'x', source: { source_id: 'a' }, feedback: { value: 1 } }],
      ['bad source type', { assessment_name: 'x', source: { source_type: 'ROBOT', source_id: 'a' }, feedback: { value: 1 } }],
      ['neither kind', { assessment_name: 'x', source }],
      ['both kinds', { assessment_name: 'x', source, feedback: { value: 1 }, expectation: { value: 2 } }],
    ] as const) {
      const res = await api('POST', base, assessment === undefined ? {} : { assessment });
      assert.equal(res.status, 400, `${name}: ${res.text}`);
    }
    assert.equal((await api('GET', `/api/3.0/mlflow/traces/${traceId}`)).json.trace.trace_info.assessments, undefined);
    const unknown = await api('POST', `/api/3.0/mlflow/traces/tr-${hex(16)}/assessments`, { assessment: { assessment_name: 'x', source, expectation: { value: 'y' } } });
    assert.equal(unknown.status, 404);
    assert.equal((await api('GET', `${base}/a-${hex(16)}`)).status, 404);
  });

  // ---------------------------------------------------------------- analytics and UI

  it('traces/metrics counts traces by group; bad requests are 400', async () => {
    const exp = (await api('POST', '/api/2.0/mlflow/experiments/create', { name: 'traces-metrics' })).json.experiment_id;
    await startTrace(`tr-${hex(16)}`, { state: 'OK' }, exp);
    await startTrace(`tr-${hex(16)}`, { state: 'OK' }, exp);
    await startTrace(`tr-${hex(16)}`, { state: 'ERROR' }, exp);
    const res = await api('POST', '/api/3.0/mlflow/traces/metrics', { experiment_ids: [exp], view_type: 'TRACES', group_by: ['trace.status'] });
    assert.equal(res.status, 200, res.text);
    const byStatus = Object.fromEntries(res.json.rows.map((r) => [r.group['trace.status'], [r.count, r.error_count]]));
    assert.deepEqual(byStatus, { OK: [2, 0], ERROR: [1, 1] });
    const total = await api('POST', '/api/3.0/mlflow/traces/metrics', { experiment_ids: [exp] });
    assert.deepEqual(
      total.json.rows.map((r) => [r.group, r.count]),
      [[{}, 3]],
      'ungrouped: one row, its group an empty map',
    );
    for (const body of [{}, { experiment_ids: [exp], group_by: ['trace.color'] }, { experiment_ids: [exp], time_bucket_ms: 0 }, { experiment_ids: [exp], view_type: 'RUNS' }, { experiment_ids: [exp], start_time_ms: 2, end_time_ms: 1 }]) {
      const bad = await api('POST', '/api/3.0/mlflow/traces/metrics', body);
      assert.equal(bad.status, 400, `${JSON.stringify(body)}: ${bad.text}`);
    }
  });

  it('get-trace-artifact gives the UI a traces.json: built from the database, or the uploaded file', async () => {
    const traceHex = hex(16);
    const spanHex = hex(8);
    await sendSpans(traceHex, [[spanHex, undefined, 'artifact-root', 0n, 1n, [{ key: 'big', value: { intValue: '9007199254740993' } }, { key: 'obj', value: { kvlistValue: { values: [{ key: 'a', value: { stringValue: 'b' } }] } } }]]]);
    for (const version of ['2.0', '3.0']) {
      const res = await api('GET', `/ajax-api/${version}/mlflow/get-trace-artifact?request_id=tr-${traceHex}`);
      assert.equal(res.status, 200, res.text);
      const [span] = res.json.spans;
      assert.equal(span!.span_id, b64(spanHex));
      assert.equal(span!.parent_span_id, null);
      assert.equal(span!.start_time_unix_nano, T0);
      const spanAttrs = span!.attributes as Record<string, string>;
      // Python's format: every attribute value is JSON text.
      assert.equal(spanAttrs.big, '9007199254740993');
      assert.deepEqual(JSON.parse(spanAttrs.obj!), { a: 'b' });
      assert.equal(JSON.parse(spanAttrs['mlflow.traceRequestId']!), `tr-${traceHex}`);
    }

    const fileTrace = `tr-${hex(16)}`;
    const started = await startTrace(fileTrace);
    const text = '{"spans": []}';
    await uploadTraceFile(started.json.trace.trace_info, text);
    const file = await api('GET', `/ajax-api/3.0/mlflow/get-trace-artifact?request_id=${fileTrace}`);
    assert.equal(file.status, 200);
    assert.equal(file.text, text, 'the uploaded bytes');

    assert.equal((await api('GET', `/ajax-api/3.0/mlflow/get-trace-artifact?request_id=tr-${hex(16)}`)).status, 404);
    assert.equal((await api('GET', '/ajax-api/3.0/mlflow/get-trace-artifact')).status, 400);
    const notUploaded = `tr-${hex(16)}`;
    await startTrace(notUploaded);
    assert.equal((await api('GET', `/ajax-api/3.0/mlflow/get-trace-artifact?request_id=${notUploaded}`)).status, 404);
  });
});

// ------------------------------------------------------------------ incomplete traces (no waiting)

describe('traces/get for a trace still arriving', () => {
  let app: FastifyInstance;
  let store: TrackingStore;
  let dir: string;
  let experimentId: string;

  const span = (traceHex: string, spanHex: string, parentHex: string | undefined, name: string): SpanRecord => ({
    trace_id: b64(traceHex),
    span_id: b64(spanHex),
    ...(parentHex ? { parent_span_id: b64(parentHex) } : {}),
    name,
    start_time_unix_nano: String(T0),
    end_time_unix_nano: String(T0 + 1n),
    attributes: [],
    events: [],
    status: { code: 'STATUS_CODE_OK' },
  });

  async function get(traceId: string, allowPartial: boolean): Promise<Answer> {
    const res = await app.inject({ method: 'GET', url: `/api/3.0/mlflow/traces/get?trace_id=${traceId}&allow_partial=${allowPartial}` });
    return toAnswer(res.statusCode, res.headers['content-type'] as string, res.body);
  }

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mlflow-ts-traces-partial-'));
    store = await openTrackingStore(':memory:');
    experimentId = await store.createExperiment({ name: 'partial' });
    app = Fastify();
    app.setErrorHandler(errorHandler);
    app.setNotFoundHandler(notFoundHandler);
    // Without waits, so the "not fully exported" answer comes at once.
    await app.register(async (api) => {
      registerRawBodyParser(api, 1024 * 1024);
      traceRoutes(api, { store, repository: new LocalArtifactRepository(dir), incompleteTraceRetryDelaysMs: [0, 0] });
    });
  });

  after(async () => {
    await app?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('answers what arrived with allow_partial=true, and 404 "not fully exported" without it', async () => {
    const traceHex = hex(16);
    const traceId = `tr-${traceHex}`;
    const [root, a, b] = [hex(8), hex(8), hex(8)];
    await store.traces.logSpans(experimentId, [span(traceHex, a, root, 'a')]);
    await store.traces.startTrace({
      trace_id: traceId,
      experiment_id: experimentId,
      request_time: 1,
      state: 'OK',
      trace_metadata: { 'mlflow.trace.sizeStats': JSON.stringify({ total_size_bytes: 10, num_spans: 3 }) },
      tags: {},
      assessments: [],
    });
    const partial = await get(traceId, true);
    assert.equal(partial.status, 200, partial.text);
    assert.deepEqual(
      partial.json.trace.spans?.map((s) => s.name),
      ['a'],
    );
    const strict = await get(traceId, false);
    assert.equal(strict.status, 404, strict.text);
    assert.match(strict.json.message ?? '', /not fully exported yet.*1 of its 3 spans/);

    await store.traces.logSpans(experimentId, [span(traceHex, root, undefined, 'root'), span(traceHex, b, root, 'b')]);
    const whole = await get(traceId, false);
    assert.equal(whole.status, 200, whole.text);
    assert.deepEqual(whole.json.trace.spans?.map((s) => s.name).sort(), ['a', 'b', 'root']);
  });

  it('a trace whose traces.json was not uploaded yet: no spans with allow_partial, 404 without', async () => {
    const traceId = `tr-${hex(16)}`;
    await store.traces.startTrace({ trace_id: traceId, experiment_id: experimentId, request_time: 1, state: 'OK', trace_metadata: {}, tags: {}, assessments: [] });
    const partial = await get(traceId, true);
    assert.equal(partial.status, 200, partial.text);
    assert.equal(partial.json.trace.spans, undefined);
    const strict = await get(traceId, false);
    assert.equal(strict.status, 404);
    assert.match(strict.json.message ?? '', /not fully exported yet/);
  });
});
