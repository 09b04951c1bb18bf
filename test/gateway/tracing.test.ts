/**
 * Server-side gateway tracing against a real tracking server (temp sqlite, port 0): records go
 * in through GatewayTracer.onRequest, traces come back through the v3 trace API with the client.
 * Covers the experiment per endpoint and its tag, one span per attempt under the root, token
 * usage and cost, MLflow's gateway metadata, a caller's traceparent, sampling that keeps errors
 * and slow requests, concurrent first use of an endpoint by two gateways, and failure logging.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTrackingServer, type RunningServer } from '../../src/tracking/server.ts';
import { MlflowClient, type SpanWire, type TraceInfoWire, type TraceWire } from '../../src/client/index.ts';
import { flushTraces, getTracingContextHeadersForHttpRequest, init, startSpan, SpanStatusCode } from '../../src/tracing/index.ts';
import { GatewayTracer, buildGatewayTrace, gatewayRequestType } from '../../src/gateway/observe/tracing.ts';
import type { AttemptRecord, RequestRecord } from '../../src/gateway/observe/record.ts';
import { captureLog, requestRecord } from './helpers.ts';

let dir: string;
let server: RunningServer;
let client: MlflowClient;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gateway-tracing-'));
  server = await startTrackingServer({ port: 0, backendStoreUri: join(dir, 'mlflow.db'), artifactsDestination: join(dir, 'artifacts') });
  client = new MlflowClient({ trackingUri: server.url, maxRetries: 0 });
});

after(async () => {
  await client.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

let seq = 0;
const T0 = Date.UTC(2026, 0, 5, 12, 0, 0);

function record(overrides: Partial<RequestRecord> = {}): RequestRecord {
  seq++;
  return requestRecord(`req-${seq}-${Math.random().toString(16).slice(2, 10)}`, T0 + seq * 1000, overrides);
}


const tracers: GatewayTracer[] = [];
function tracer(options: Partial<ConstructorParameters<typeof GatewayTracer>[0]> = {}): GatewayTracer {
  const t = new GatewayTracer({ trackingUri: server.url, log: captureLog().log, ...options });
  tracers.push(t);
  return t;
}
after(async () => {
  await Promise.all(tracers.map((t) => t.close()));
});

/** An OTLP AnyValue as the server returns it, decoded; MLflow keeps attribute values as JSON text. */
function decodeAnyValue(v: Record<string, unknown>): unknown {
  if ('string_value' in v) {
    const text = v.string_value as string;
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  if ('int_value' in v) return Number(v.int_value);
  if ('double_value' in v) return v.double_value;
  if ('bool_value' in v) return v.bool_value;
  if ('array_value' in v) return ((v.array_value as { values?: Record<string, unknown>[] }).values ?? []).map(decodeAnyValue);
  if ('kvlist_value' in v) {
    const out: Record<string, unknown> = {};
    for (const kv of (v.kvlist_value as { values?: { key: string; value: Record<string, unknown> }[] }).values ?? []) out[kv.key] = decodeAnyValue(kv.value);
    return out;
  }
  return undefined;
}
const attrs = (span: SpanWire): Record<string, unknown> => Object.fromEntries((span.attributes ?? []).map((a) => [a.key, decodeAnyValue(a.value)]));
// The client decodes nanoseconds as JSON numbers, so only millisecond precision survives the round trip.
const ms = (ns: number | string): number => Math.round(Number(ns) / 1e6);
const hex = (b64: string | undefined): string => (b64 ? Buffer.from(b64, 'base64').toString('hex') : '');

async function experimentIdOf(endpoint: string): Promise<string> {
  return (await client.getExperimentByName(`gateway/${endpoint}`)).experiment_id;
}

async function tracesIn(endpoint: string): Promise<TraceInfoWire[]> {
  const out: TraceInfoWire[] = [];
  for await (const t of client.searchTraces({ experimentIds: [await experimentIdOf(endpoint)] })) out.push(t);
  return out;
}

async function traceOf(endpoint: string, requestId: string): Promise<TraceWire> {
  const info = (await tracesIn(endpoint)).find((t) => t.client_request_id === requestId);
  assert.ok(info, `no trace for request ${requestId} in gateway/${endpoint}`);
  return client.getTrace(info.trace_id);
}

function rootOf(trace: TraceWire): SpanWire {
  const roots = trace.spans.filter((s) => !s.parent_span_id);
  assert.equal(roots.length, 1, 'one root span');
  return roots[0]!;
}

describe('GatewayTracer against a live tracking server', () => {
  it('writes a successful request with usage and cost into gateway/<endpoint>', async () => {
    const t = tracer();
    const r = record({ caller: 'judge' });
    t.onRequest(r);
    assert.equal(await t.flush(10_000), true);

    const experiment = await client.getExperimentByName('gateway/chat');
    assert.deepEqual(
      experiment.tags.find((tag) => tag.key === 'mlflow.experiment.sourceType'),
      { key: 'mlflow.experiment.sourceType', value: 'GATEWAY' },
    );
    const trace = await traceOf('chat', r.id);
    const info = trace.trace_info;
    assert.equal(info.state, 'OK');
    assert.equal(info.trace_location?.mlflow_experiment?.experiment_id, experiment.experiment_id);
    assert.match(info.trace_id, /^tr-[0-9a-f]{32}$/);
    assert.equal(Date.parse(info.request_time!), r.startMs);
    assert.equal(parseFloat(info.execution_duration!), 0.04);
    const meta = info.trace_metadata ?? {};
    assert.equal(meta['mlflow.gateway.endpointId'], 'chat');
    assert.equal(meta['mlflow.gateway.requestType'], 'unified/chat');
    assert.equal(meta['mlflow.gateway.caller'], 'judge');
    assert.deepEqual(JSON.parse(meta['mlflow.trace.tokenUsage']!), { input_tokens: 12, output_tokens: 5, total_tokens: 17 });
    assert.deepEqual(JSON.parse(meta['mlflow.trace.cost']!), { input_cost: 0.0012, output_cost: 0.003, total_cost: 0.0042 });
    assert.equal(info.tags?.['mlflow.traceName'], 'gateway/chat');

    assert.equal(trace.spans.length, 2, 'the root and one attempt');
    const root = rootOf(trace);
    assert.equal(root.name, 'gateway/chat');
    assert.equal(root.status?.code, 'STATUS_CODE_OK');
    assert.equal(ms(root.start_time_unix_nano), r.startMs);
    assert.equal(ms(root.end_time_unix_nano!), r.endMs);
    const a = attrs(root);
    assert.equal(a['mlflow.spanType'], 'CHAT_MODEL');
    assert.deepEqual(a['mlflow.chat.tokenUsage'], { input_tokens: 12, output_tokens: 5, total_tokens: 17 });
    assert.deepEqual(a['mlflow.llm.cost'], { input_cost: 0.0012, output_cost: 0.003, total_cost: 0.0042 });
    assert.equal(a['gateway.endpoint'], 'chat');
    assert.equal(a['gateway.operation'], 'chat');
    assert.equal(a['gateway.front'], 'mlflow');
    assert.equal(a['gateway.stream'], false);
    assert.equal(a['gateway.status'], 200);
    assert.equal(a['gateway.cache_hit'], false);
    assert.equal(a['gateway.rate_limited'], false);
    assert.equal(a['gateway.request_id'], r.id);
    assert.deepEqual(a['mlflow.spanInputs'], { endpoint: 'chat', operation: 'chat', front: 'mlflow', stream: false });

    const [child] = trace.spans.filter((s) => s !== root);
    assert.equal(child!.name, 'openai/gpt-4o-mini');
    assert.equal(child!.parent_span_id, root.span_id);
    assert.equal(child!.trace_id, root.trace_id);
    assert.equal(ms(child!.start_time_unix_nano), r.attempts[0]!.startMs);
    assert.equal(ms(child!.end_time_unix_nano!), r.attempts[0]!.endMs);
    const c = attrs(child!);
    assert.equal(c['gateway.provider'], 'openai');
    assert.equal(c['gateway.model'], 'gpt-4o-mini');
    assert.equal(c['gateway.attempt'], 1);
    assert.equal(c['gateway.fallback'], false);
    assert.equal(c['gateway.status'], 200);
    assert.equal(c['mlflow.llm.model'], 'gpt-4o-mini');
    assert.equal(c['mlflow.chat.tokenUsage'], undefined, 'usage only once per trace, on the root');
    assert.equal(child!.status?.code, 'STATUS_CODE_OK');
  });

  it('records a fallback as two attempt spans, the failed one as ERROR with kind and message', async () => {
    const t = tracer();
    const base = record();
    const attempts: AttemptRecord[] = [
      { endpoint: 'chat', provider: 'openai', model: 'gpt-4o-mini', attempt: 1, fallback: false, startMs: base.startMs + 1, endMs: base.startMs + 10, status: 503, error: { kind: 'unavailable', message: 'OpenAI answered 503: overloaded' } },
      { endpoint: 'chat-backup', provider: 'anthropic', model: 'claude-haiku', attempt: 1, fallback: true, startMs: base.startMs + 11, endMs: base.startMs + 39, status: 200 },
    ];
    const r = { ...base, attempts, servedBy: { endpoint: 'chat-backup', provider: 'anthropic', model: 'claude-haiku' } };
    t.onRequest(r);
    assert.equal(await t.flush(10_000), true);

    const trace = await traceOf('chat', r.id);
    assert.equal(trace.trace_info.state, 'OK', 'the fallback answered');
    const root = rootOf(trace);
    const children = trace.spans.filter((s) => s !== root).sort((x, y) => Number(BigInt(x.start_time_unix_nano) - BigInt(y.start_time_unix_nano)));
    assert.deepEqual(children.map((s) => s.name), ['openai/gpt-4o-mini', 'anthropic/claude-haiku']);
    for (const s of children) assert.equal(s.parent_span_id, root.span_id);
    const [first, second] = children;
    assert.equal(first!.status?.code, 'STATUS_CODE_ERROR');
    assert.equal(first!.status?.message, 'unavailable: OpenAI answered 503: overloaded');
    assert.equal(attrs(first!)['gateway.status'], 503);
    assert.equal(attrs(first!)['error.type'], 'unavailable');
    assert.equal(first!.events?.[0]?.name, 'exception');
    assert.equal(second!.status?.code, 'STATUS_CODE_OK');
    assert.equal(attrs(second!)['gateway.fallback'], true);
    assert.equal(attrs(second!)['gateway.endpoint'], 'chat-backup');
    assert.deepEqual(attrs(root)['gateway.served_by'], { endpoint: 'chat-backup', provider: 'anthropic', model: 'claude-haiku' });
    assert.equal(attrs(root)['gateway.attempts'], 2);
  });

  it('marks a failed request ERROR and names a passthrough by its front', async () => {
    const t = tracer();
    const base = record({ endpoint: 'claude', operation: 'passthrough', front: 'anthropic' });
    const r: RequestRecord = {
      ...base,
      status: 502,
      error: { kind: 'upstream', message: 'Anthropic answered 500.' },
      servedBy: undefined,
      usage: undefined,
      cost: undefined,
      attempts: [{ endpoint: 'claude', provider: 'anthropic', model: 'claude-haiku', attempt: 1, fallback: false, startMs: base.startMs, endMs: base.endMs, status: 500, error: { kind: 'upstream', message: 'Anthropic answered 500.' } }],
    };
    t.onRequest(r);
    assert.equal(await t.flush(10_000), true);

    const trace = await traceOf('claude', r.id);
    assert.equal(trace.trace_info.state, 'ERROR');
    assert.equal(trace.trace_info.trace_metadata?.['mlflow.gateway.requestType'], 'passthrough/anthropic');
    assert.equal(trace.trace_info.trace_metadata?.['mlflow.gateway.caller'], undefined);
    assert.equal(trace.trace_info.trace_metadata?.['mlflow.trace.tokenUsage'], undefined);
    const root = rootOf(trace);
    assert.equal(root.status?.code, 'STATUS_CODE_ERROR');
    assert.equal(root.status?.message, 'upstream: Anthropic answered 500.');
    assert.equal(attrs(root)['mlflow.spanType'], 'LLM');
    assert.equal(attrs(root)['gateway.status'], 502);
    assert.equal(trace.spans.length, 2);
  });

  it('continues a caller\'s traceparent: same trace id, root parented to the caller\'s span', async () => {
    const callerExperiment = await client.createExperiment('gateway-caller');
    init({ trackingUri: server.url, experimentId: callerExperiment, configFile: false, handleSignals: false, warn: () => undefined });
    const caller = startSpan({ name: 'caller' });
    const { traceparent } = getTracingContextHeadersForHttpRequest(caller);
    assert.ok(traceparent);

    // Sampling 0 on the gateway: the caller's sampled flag decides.
    const t = tracer({ sampling: { rate: 0 } });
    const r = record({ endpoint: 'chat-dist', traceparent });
    t.onRequest(r);
    // The gateway's spans arrive before the caller's trace: they must still end up in it.
    assert.equal(await t.flush(10_000), true);
    caller.end();
    await flushTraces();

    const trace = await client.getTrace(caller.traceId);
    const callerSpan = trace.spans.find((s) => s.name === 'caller')!;
    const gatewayRoot = trace.spans.find((s) => s.name === 'gateway/chat-dist')!;
    assert.ok(callerSpan && gatewayRoot, `spans: ${trace.spans.map((s) => s.name).join(', ')}`);
    assert.equal(trace.spans.length, 3, 'caller, gateway root, one attempt');
    assert.equal(hex(gatewayRoot.trace_id), caller.traceId.slice(3));
    assert.equal(hex(gatewayRoot.parent_span_id), caller.spanId);
    assert.equal(callerSpan.parent_span_id ?? '', '');
    const attempt = trace.spans.find((s) => s.name === 'openai/gpt-4o-mini')!;
    assert.equal(attempt.parent_span_id, gatewayRoot.span_id);
    assert.equal(attrs(gatewayRoot)['mlflow.gateway.endpointId'], 'chat-dist');
    assert.equal(trace.trace_info.trace_location?.mlflow_experiment?.experiment_id, callerExperiment, "the caller's trace keeps its experiment");
    assert.equal(trace.trace_info.state, 'OK');
    // The caller owns the trace info: the gateway sent only spans.
    assert.equal(trace.trace_info.trace_metadata?.['mlflow.gateway.endpointId'], undefined);
    assert.notEqual(trace.trace_info.client_request_id, r.id);
    assert.equal(trace.trace_info.tags?.['mlflow.traceName'], 'caller');
  });

  it('writes the trace info itself when the caller did not sample but the request failed', async () => {
    const t = tracer({ sampling: { rate: 0 } });
    const traceHex = 'ab'.repeat(16);
    const spanHex = 'cd'.repeat(8);
    const r = record({ endpoint: 'chat-unsampled', traceparent: `00-${traceHex}-${spanHex}-00`, status: 429, error: { kind: 'rate_limit', message: 'Rate limit exceeded for endpoint chat-unsampled.' }, rateLimited: true, attempts: [], usage: undefined, cost: undefined, servedBy: undefined });
    t.onRequest(r);
    // Unsampled by the caller and fine: nothing to keep.
    t.onRequest(record({ endpoint: 'chat-unsampled', traceparent: `00-${'ef'.repeat(16)}-${spanHex}-00` }));
    assert.equal(await t.flush(10_000), true);

    const [info, ...more] = await tracesIn('chat-unsampled');
    assert.equal(more.length, 0);
    assert.equal(info!.trace_id, `tr-${traceHex}`);
    assert.equal(info!.state, 'ERROR');
    assert.equal(info!.trace_metadata?.['mlflow.gateway.endpointId'], 'chat-unsampled');
    assert.deepEqual(JSON.parse(info!.trace_metadata['mlflow.trace.sampling']!), { rate: 0, sampled: false, parent: false, kept: 'error' });
    const trace = await client.getTrace(info!.trace_id);
    assert.equal(trace.spans.length, 1);
    assert.equal(hex(trace.spans[0]!.parent_span_id), spanHex);
    assert.equal(attrs(trace.spans[0]!)['gateway.rate_limited'], true);
  });

  it('samples at rate 0 but keeps every error and every slow request', async () => {
    const t = tracer({ sampling: { rate: 0, slowThresholdMs: 1000 } });
    const ok = record({ endpoint: 'sampled' });
    const err = record({ endpoint: 'sampled', status: 504, error: { kind: 'timeout', message: 'The upstream did not answer within 30 s.' } });
    const slowBase = record({ endpoint: 'sampled' });
    const slow = { ...slowBase, endMs: slowBase.startMs + 2500 };
    const atThreshold = { ...record({ endpoint: 'sampled' }) };
    atThreshold.endMs = atThreshold.startMs + 1000;
    for (const r of [ok, err, slow, atThreshold]) t.onRequest(r);
    assert.equal(await t.flush(10_000), true);
    assert.equal(t.stats.sampledOut, 2);
    assert.equal(t.stats.traced, 2);

    const infos = await tracesIn('sampled');
    assert.deepEqual(infos.map((i) => i.client_request_id).sort(), [err.id, slow.id].sort());
    const byId = new Map(infos.map((i) => [i.client_request_id, i]));
    assert.deepEqual(JSON.parse(byId.get(err.id)!.trace_metadata!['mlflow.trace.sampling']!), { rate: 0, sampled: false, kept: 'error' });
    assert.deepEqual(JSON.parse(byId.get(slow.id)!.trace_metadata!['mlflow.trace.sampling']!), { rate: 0, sampled: false, kept: 'slow', slow_threshold_ms: 1000 });
    assert.equal(byId.get(slow.id)!.tags?.['mlflow.trace.slow'], 'true');
    assert.equal(byId.get(err.id)!.state, 'ERROR');
  });

  it('honours a fractional rate', async () => {
    let i = 0;
    const draws = [0.1, 0.9, 0.2, 0.8];
    const t = tracer({ sampling: { rate: 0.5 }, random: () => draws[i++ % draws.length]! });
    const rs = draws.map(() => record({ endpoint: 'half' }));
    for (const r of rs) t.onRequest(r);
    assert.equal(await t.flush(10_000), true);
    const ids = (await tracesIn('half')).map((x) => x.client_request_id).sort();
    assert.deepEqual(ids, [rs[0]!.id, rs[2]!.id].sort());
  });

  it('creates gateway/<endpoint> once when two gateways use a new endpoint at the same time', async () => {
    // Both lookups answer "no such experiment" before either creates it, so one create loses the race.
    let lookups = 0;
    let release!: () => void;
    const bothLooked = new Promise<void>((resolve) => (release = resolve));
    class RacingClient extends MlflowClient {
      override async getExperimentByName(name: string) {
        if (++lookups <= 2) {
          const answer = super.getExperimentByName(name).then(
            (e) => ({ e }),
            (err: unknown) => ({ err }),
          );
          if (lookups === 2) release();
          await bothLooked;
          const settled = await answer;
          if ('err' in settled) throw settled.err;
          return settled.e;
        }
        return super.getExperimentByName(name);
      }
    }
    const shared = new RacingClient({ trackingUri: server.url, maxRetries: 0 });
    const logA = captureLog();
    const logB = captureLog();
    const a = tracer({ client: shared, log: logA.log });
    const b = tracer({ client: shared, log: logB.log });
    const ra = record({ endpoint: 'raced' });
    const rb = record({ endpoint: 'raced' });
    a.onRequest(ra);
    b.onRequest(rb);
    assert.deepEqual(await Promise.all([a.flush(10_000), b.flush(10_000)]), [true, true]);
    await shared.close();

    assert.ok(lookups >= 3, 'the loser looked the experiment up again');
    const experiments = (await client.searchExperimentsPage({ filter: "name = 'gateway/raced'" })).experiments;
    assert.equal(experiments.length, 1);
    assert.deepEqual((await tracesIn('raced')).map((x) => x.client_request_id).sort(), [ra.id, rb.id].sort());
    assert.deepEqual([...logA.error, ...logB.error], []);
    assert.equal(a.stats.exported + b.stats.exported, 2);
  });

  it('does not write into a deleted gateway experiment, and says how to get tracing back', async () => {
    const id = await client.createExperiment('gateway/gone');
    await client.deleteExperiment(id);
    const l = captureLog();
    const t = tracer({ log: l.log });
    t.onRequest(record({ endpoint: 'gone' }));
    assert.equal(await t.flush(10_000), true);
    assert.equal(t.stats.droppedFailed, 1, 'not retried: a retry cannot succeed');
    assert.equal(t.stats.retries, 0);
    assert.equal(l.error.length, 1);
    assert.match(l.error[0]!, new RegExp(`Experiment 'gateway/gone' \\(id ${id}\\) is deleted.*Restore it`));
  });

  it('close() flushes what is queued; later records are ignored', async () => {
    const t = new GatewayTracer({ trackingUri: server.url, log: captureLog().log });
    const r = record({ endpoint: 'closing' });
    t.onRequest(r);
    await t.close();
    t.onRequest(record({ endpoint: 'closing' }));
    assert.deepEqual((await tracesIn('closing')).map((x) => x.client_request_id), [r.id]);
  });
});

describe('GatewayTracer when the tracking server fails', () => {
  let proxy: http.Server;
  let proxyUrl: string;
  let down = true;
  before(async () => {
    // Fails every request while `down`, otherwise forwards to the real server.
    proxy = http.createServer((req, res) => {
      if (down) {
        req.resume();
        res.writeHead(503, { 'content-type': 'application/json' }).end('{"error_code":"TEMPORARILY_UNAVAILABLE","message":"down for maintenance"}');
        return;
      }
      const target = new URL(req.url!, server.url);
      const upstream = http.request(target, { method: req.method, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode!, up.headers);
        up.pipe(res);
      });
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });
  after(async () => {
    proxy.closeAllConnections();
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
  });

  it('logs once per failure burst, never throws, and says when exports work again', async () => {
    const l = captureLog();
    const t = tracer({ trackingUri: proxyUrl, log: l.log, queue: { maxRetries: 1, retryBaseMs: 5, scheduleDelayMs: 1 } });
    down = true;
    for (let i = 0; i < 5; i++) assert.doesNotThrow(() => t.onRequest(record({ endpoint: 'flaky' })));
    assert.equal(await t.flush(10_000), true);
    t.onRequest(record({ endpoint: 'flaky' }));
    assert.equal(await t.flush(10_000), true);
    assert.equal(l.error.length, 1, l.error.join('\n'));
    assert.match(l.error[0]!, /Could not export gateway traces to http:\/\/127\.0\.0\.1:\d+: .*503.*Retrying in the background/);
    assert.equal(t.stats.droppedFailed, 6);

    down = false;
    const r = record({ endpoint: 'flaky' });
    t.onRequest(r);
    assert.equal(await t.flush(10_000), true);
    assert.deepEqual(l.info, ['Exporting gateway traces to ' + proxyUrl + ' works again; 6 trace(s) could not be exported meanwhile.']);
    assert.deepEqual((await tracesIn('flaky')).map((x) => x.client_request_id), [r.id]);

    down = true;
    t.onRequest(record({ endpoint: 'flaky' }));
    assert.equal(await t.flush(10_000), true);
    assert.equal(l.error.length, 2, 'a new burst is logged again');
    down = false;
  });
});

describe('buildGatewayTrace', () => {
  it('names the request type MLflow\'s way', () => {
    assert.equal(gatewayRequestType({ operation: 'chat', front: 'openai' }), 'unified/chat');
    assert.equal(gatewayRequestType({ operation: 'completions', front: 'mlflow' }), 'unified/completions');
    assert.equal(gatewayRequestType({ operation: 'embeddings', front: 'mlflow' }), 'unified/embeddings');
    assert.equal(gatewayRequestType({ operation: 'passthrough', front: 'gemini' }), 'passthrough/gemini');
  });

  it('names an attempt without provider or model by its number, and keeps non-USD cost out of MLflow\'s USD keys', () => {
    const r = record({ cost: { input: 1, output: 2, total: 3, currency: 'EUR' } });
    r.attempts = [{ ...r.attempts[0]!, provider: '', model: '', attempt: 2 }];
    const trace = buildGatewayTrace(r);
    const [root, attempt] = trace.data.spans;
    assert.equal(attempt!.name, 'attempt 2');
    assert.equal(root!.getAttribute('mlflow.llm.cost'), undefined);
    assert.deepEqual(root!.getAttribute('gateway.cost'), { input: 1, output: 2, total: 3, currency: 'EUR' });
    assert.equal(trace.info.traceMetadata['mlflow.trace.cost'], undefined);
    assert.equal(root!.status.statusCode, SpanStatusCode.OK);
  });

  it('rejects a sampling rate outside 0..1', () => {
    assert.throws(() => new GatewayTracer({ trackingUri: 'http://127.0.0.1:1', sampling: { rate: 1.5 } }), /tracing\.sampling_rate must be a number from 0 to 1/);
    assert.throws(() => new GatewayTracer({ trackingUri: 'http://127.0.0.1:1', sampling: { slowThresholdMs: -1 } }), /tracing\.slow_threshold_ms/);
  });
});
