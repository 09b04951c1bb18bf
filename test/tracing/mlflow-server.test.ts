/**
 * End to end against a live in-process tracking server: traces exported the way the official
 * TypeScript SDK exports them, read back through `GET /api/3.0/mlflow/traces/<id>` and the
 * `traces.json` artifact (the official SDK's span format, exact nanoseconds), linked to the
 * active run, and a distributed trace over real HTTP services stored whole.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTrackingServer, type RunningServer } from '../../src/tracking/server.ts';
import { MlflowClient, startRun } from '../../src/client/index.ts';
import {
  SpanType,
  exportStats,
  flushTraces,
  getCurrentActiveSpan,
  getLastActiveTraceId,
  init,
  recordTokenUsage,
  trace,
  tracedFetch,
  updateCurrentTrace,
  withRemoteParent,
  withSpan,
  type LiveSpan,
} from '../../src/tracing/index.ts';
import { parseSpansJsonText } from '../../src/tracing/trace.ts';

let dir: string;
let server: RunningServer;
let client: MlflowClient;
let experimentId: string;
const warnings: string[] = [];

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tracing-e2e-'));
  server = await startTrackingServer({ port: 0, backendStoreUri: join(dir, 'mlflow.db'), artifactsDestination: join(dir, 'artifacts') });
  client = new MlflowClient({ trackingUri: server.url });
  experimentId = await client.createExperiment('tracing-e2e');
  init({ trackingUri: server.url, experimentId, configFile: false, handleSignals: false, warn: (m) => warnings.push(m) });
});

after(async () => {
  await client.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

interface TraceInfoJson {
  trace_id: string;
  trace_location: unknown;
  request_preview?: string;
  response_preview?: string;
  request_time: string;
  execution_duration: string;
  state: string;
  trace_metadata: Record<string, string>;
  tags: Record<string, string>;
}

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(server.url + path);
  assert.equal(res.status, 200, `${path}: ${res.status}`);
  return (await res.json()) as T;
}

const traceInfo = async (id: string): Promise<TraceInfoJson> => (await getJson<{ trace: { trace_info: TraceInfoJson } }>(`/api/3.0/mlflow/traces/${id}`)).trace.trace_info;

describe('export to a live tracking server', () => {
  it('stores the trace info and a traces.json in the official SDK span form', async () => {
    const spans: Record<string, LiveSpan> = {};
    const retrieve = trace(
      async function retrieve(query: string, k: number) {
        spans.retrieve = getCurrentActiveSpan()!;
        return Array.from({ length: k }, (_, i) => `${query}-doc${i}`);
      },
      { spanType: SpanType.RETRIEVER },
    );
    const generate = trace(
      async function generate(docs: string[]) {
        const span = getCurrentActiveSpan()!;
        spans.generate = span;
        recordTokenUsage(span, { input_tokens: 12, output_tokens: 3 });
        return `answer from ${docs.length} docs`;
      },
      { spanType: SpanType.LLM },
    );
    const answer = await withSpan(
      async (root) => {
        spans.root = root;
        updateCurrentTrace({ tags: { suite: 'e2e' }, sessionId: 'session-1' });
        return generate(await retrieve('q', 2));
      },
      { name: 'rag', spanType: SpanType.CHAIN, inputs: { question: 'what?' } },
    );
    assert.equal(answer, 'answer from 2 docs');
    await flushTraces();
    assert.deepEqual(warnings, []);
    const id = getLastActiveTraceId()!;
    assert.equal(id, spans.root!.traceId);

    const info = await traceInfo(id);
    assert.equal(info.state, 'OK');
    assert.equal(info.request_preview, '{"question":"what?"}');
    assert.equal(info.response_preview, '"answer from 2 docs"');
    assert.equal(info.tags['mlflow.traceName'], 'rag');
    assert.equal(info.tags.suite, 'e2e');
    assert.equal(info.trace_metadata['mlflow.trace.session'], 'session-1');
    assert.equal(info.trace_metadata['mlflow.trace_schema.version'], '3');
    assert.deepEqual(JSON.parse(info.trace_metadata['mlflow.trace.tokenUsage']!), { input_tokens: 12, output_tokens: 3, total_tokens: 15 });
    assert.deepEqual(info.trace_location, { type: 'MLFLOW_EXPERIMENT', mlflow_experiment: { experiment_id: experimentId } });
    assert.equal(info.request_time, new Date(Number(spans.root!.startTimeNs / 1_000_000n)).toISOString());

    const location = info.tags['mlflow.artifactLocation']!;
    assert.equal(location, `mlflow-artifacts:/${experimentId}/traces/${id}/artifacts`);
    const res = await fetch(`${server.url}/api/2.0/mlflow-artifacts/artifacts${new URL(location).pathname}/traces.json`);
    assert.equal(res.status, 200);
    const text = await res.text();
    const stored = parseSpansJsonText(text).spans;
    assert.deepEqual(stored.map((s) => s.name), ['rag', 'retrieve', 'generate']);
    const [root, retrieveJson, generateJson] = stored;
    const b64 = (hex: string): string => Buffer.from(hex, 'hex').toString('base64');
    assert.equal(root!.trace_id, b64(id.slice(3)));
    assert.equal(root!.span_id, b64(spans.root!.spanId));
    assert.equal(root!.parent_span_id, '');
    assert.equal(retrieveJson!.parent_span_id, b64(spans.root!.spanId));
    assert.equal(generateJson!.parent_span_id, b64(spans.root!.spanId));
    for (const [json, span] of [[root, spans.root], [retrieveJson, spans.retrieve], [generateJson, spans.generate]] as const) {
      assert.equal(json!.start_time_unix_nano, span!.startTimeNs.toString(), 'exact nanoseconds survive the round trip');
      assert.equal(json!.end_time_unix_nano, span!.endTimeNs!.toString());
      assert.deepEqual(json!.status, { code: 'STATUS_CODE_OK', message: '' });
    }
    assert.deepEqual(retrieveJson!.attributes, {
      'mlflow.traceRequestId': id,
      'mlflow.spanType': 'RETRIEVER',
      'mlflow.spanInputs': { query: 'q', k: 2 },
      'mlflow.spanFunctionName': 'retrieve',
      'mlflow.spanOutputs': ['q-doc0', 'q-doc1'],
    });
    assert.deepEqual((generateJson!.attributes as Record<string, unknown>)['mlflow.chat.tokenUsage'], { input_tokens: 12, output_tokens: 3, total_tokens: 15 });
  });

  it('records a failed root as an ERROR trace with the exception event', async () => {
    const explode = trace(function explode(x: number) {
      throw new RangeError(`boom ${x}`);
    });
    assert.throws(() => explode(1), RangeError);
    await flushTraces();
    const id = getLastActiveTraceId()!;
    const info = await traceInfo(id);
    assert.equal(info.state, 'ERROR');
    const full = await getJson<{ trace: { spans: { status: { code: string; message?: string }; events?: { name: string }[] }[] } }>(`/api/3.0/mlflow/traces/get?trace_id=${id}`);
    assert.equal(full.trace.spans[0]!.status.code, 'STATUS_CODE_ERROR');
    assert.equal(full.trace.spans[0]!.status.message, 'boom 1');
    assert.deepEqual(full.trace.spans[0]!.events?.map((e) => e.name), ['exception']);
  });

  it('links traces to the active run: the fluent startRun callback, or MLFLOW_RUN_ID', async () => {
    let runId = '';
    await startRun({ client, experimentId, runName: 'traced-run' }, async (run) => {
      runId = run.runId;
      await withSpan(async () => 'in run', { name: 'inside-run' });
    });
    await flushTraces();
    assert.equal((await traceInfo(getLastActiveTraceId()!)).trace_metadata['mlflow.sourceRun'], runId);

    withSpan(() => 'outside', { name: 'outside-run' });
    await flushTraces();
    assert.equal((await traceInfo(getLastActiveTraceId()!)).trace_metadata['mlflow.sourceRun'], undefined);

    // Read at init, as a process's environment is set before it starts.
    process.env.MLFLOW_RUN_ID = 'env-run-id';
    try {
      init({ trackingUri: server.url, experimentId, configFile: false, handleSignals: false, warn: (m) => warnings.push(m) });
      withSpan(() => 'env', { name: 'env-run' });
    } finally {
      delete process.env.MLFLOW_RUN_ID;
    }
    await flushTraces();
    assert.equal((await traceInfo(getLastActiveTraceId()!)).trace_metadata['mlflow.sourceRun'], 'env-run-id');
  });
});

describe('a distributed trace stored whole', () => {
  let service: http.Server;
  let serviceUrl: string;
  before(async () => {
    service = http.createServer((req, res) => {
      void withRemoteParent(req.headers, () =>
        withSpan(
          async () => {
            await withSpan(async () => 'rows', { name: 'service.query' });
            res.end('ok');
          },
          { name: 'service.handle' },
        ),
      );
    });
    await new Promise<void>((resolve) => service.listen(0, '127.0.0.1', resolve));
    serviceUrl = `http://127.0.0.1:${(service.address() as AddressInfo).port}`;
  });
  after(async () => {
    service.closeAllConnections();
    await new Promise<void>((resolve) => service.close(() => resolve()));
  });

  it('merges the caller\'s spans and the service\'s fragment under one trace id', async () => {
    let callerSpan: LiveSpan | undefined;
    await withSpan(
      async (span) => {
        callerSpan = span;
        assert.equal(await (await tracedFetch(`${serviceUrl}/work`)).text(), 'ok');
      },
      { name: 'caller', inputs: { job: 1 } },
    );
    await flushTraces();
    const id = callerSpan!.traceId;
    const full = await getJson<{ trace: { trace_info: TraceInfoJson; spans: { name: string; span_id: string; parent_span_id?: string }[] } }>(
      `/api/3.0/mlflow/traces/get?trace_id=${id}`,
    );
    const byName = new Map(full.trace.spans.map((s) => [s.name, s]));
    assert.deepEqual([...byName.keys()].sort(), ['caller', 'service.handle', 'service.query']);
    assert.equal(byName.get('service.handle')!.parent_span_id, byName.get('caller')!.span_id);
    assert.equal(byName.get('service.query')!.parent_span_id, byName.get('service.handle')!.span_id);
    assert.equal(full.trace.trace_info.request_preview, '{"job":1}', 'the caller\'s trace info has the last word');
    assert.equal(full.trace.trace_info.state, 'OK');
    assert.equal(exportStats().droppedFailed, 0);
  });
});
