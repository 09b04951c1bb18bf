/**
 * Observability end to end: a running standalone gateway with every observer on (Prometheus
 * metrics, the stats route, the access log, server-side tracing into a live tracking server, and
 * recording) takes a scripted mix of requests over HTTP: successes (whole and streamed), a 429 from
 * our own limiter, an upstream 429, an upstream 500 with no retries (its message echoing the key),
 * a fallback, a cache miss and hit, and a call continuing a caller's `traceparent`. Then:
 *
 * - `/metrics` and `/api/2.0/gateway/stats` hold exactly the expected counts, tokens and cost;
 * - every answer carries the timing headers, overhead ≤ duration;
 * - the access log has one line per request and no prompt text;
 * - each request's trace is readable through the tracking server's v3 API, one span per attempt,
 *   with token usage and cost; the traceparent call's spans sit under the caller's span;
 * - no key (provider keys, the gateway token) appears in any metric, stats, access-log line, log
 *   line, trace, response or recorded file.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { stringify } from 'yaml';
import { z } from 'zod';
import { startGatewayServer, type RunningGateway } from '../../src/gateway/server.ts';
import { startTrackingServer, type RunningServer } from '../../src/tracking/server.ts';
import { MlflowClient, type SpanWire, type TraceInfoWire, type TraceWire } from '../../src/client/index.ts';
import { startFakeLlmUpstreams, type FakeLlmUpstreams, type FakeReply } from '../fakes/llm-upstreams.ts';
import { parsePrometheus } from './helpers.ts';

const KEYS = {
  OPENAI_KEY: 'sk-obs-e2e-openai-93c1f0aa7b',
  ANTHROPIC_KEY: 'sk-ant-obs-e2e-2d8e4417c6',
};
const GATEWAY_TOKEN = 'gw-obs-e2e-token-5a0b9e3f';
const SECRETS = { ...KEYS, GATEWAY_TOKEN };
const AUTH = { authorization: `Bearer ${GATEWAY_TOKEN}` };

/** Caller-chosen ids of the distributed call: `00-<trace>-<span>-01` (sampled). */
const CALLER_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN = '00f067aa0ba902b7';

const PRICING = {
  'gpt-4o-mini': { input_per_million_tokens: 0.15, output_per_million_tokens: 0.6 },
  'claude-3-5-haiku-latest': { input_per_million_tokens: 0.8, output_per_million_tokens: 4 },
};

// ---- wire formats read here ----

const accessLineSchema = z.looseObject({
  request_id: z.string(),
  endpoint: z.string(),
  served_by: z.string().nullable(),
  provider: z.string().nullable(),
  status: z.number(),
  error_kind: z.string().nullable(),
  stream: z.boolean(),
  attempts: z.number(),
  cache_hit: z.boolean(),
  rate_limited: z.boolean(),
  prompt_tokens: z.number().nullable(),
  completion_tokens: z.number().nullable(),
  cost: z.number().nullable(),
  currency: z.string().nullable(),
  caller: z.string().nullable(),
  duration_ms: z.number(),
  overhead_ms: z.number(),
});
type AccessLine = z.output<typeof accessLineSchema>;

const figuresSchema = z.looseObject({
  requests: z.number(),
  errors: z.number(),
  rate_limited: z.number(),
  cache_hits: z.number(),
  fallbacks: z.number(),
  attempts: z.number(),
  tokens: z.looseObject({ prompt: z.number(), completion: z.number() }),
  cost: z.looseObject({ total: z.number(), currency: z.string(), by_currency: z.record(z.string(), z.number()) }),
  latency_ms: z.looseObject({ p50: z.number().nullable(), p95: z.number().nullable(), p99: z.number().nullable(), mean: z.number().nullable() }),
  by_status: z.record(z.string(), z.number()),
  by_provider: z.record(z.string(), z.number()),
});
const statsSchema = z.looseObject({ since: z.string(), endpoints: z.array(figuresSchema.extend({ endpoint: z.string() })), totals: figuresSchema });
type Figures = z.output<typeof figuresSchema>;

const mlflowErrorSchema = z.looseObject({ error_code: z.string(), message: z.string() });
const chatSchema = z.looseObject({ model: z.string(), provider: z.string().optional(), choices: z.array(z.looseObject({ message: z.looseObject({ content: z.string().nullable() }) })) });

// ---- the scripted mix ----

interface Step {
  label: string;
  path: string;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
  /** Replies the fake gives, in order (the fake's queue). */
  replies?: FakeReply[];
  status: number;
}

const marker = (label: string) => `PROMPT-TEXT-${label}-d41d8c`;
const ask = (label: string, extra: Record<string, unknown> = {}) => ({ messages: [{ role: 'user', content: `${marker(label)} tell me something` }], ...extra });
const usage = (inputTokens: number, outputTokens: number): FakeReply => ({ usage: { inputTokens, outputTokens } });

const STEPS: Step[] = [
  { label: 'plain', path: '/gateway/chat/invocations', body: ask('plain'), replies: [usage(10, 20)], status: 200 },
  { label: 'stream', path: '/gateway/chat/invocations', body: ask('stream', { stream: true }), replies: [usage(5, 7)], status: 200 },
  { label: 'limited-ok', path: '/gateway/limited/invocations', body: ask('limited-ok'), replies: [usage(3, 4)], status: 200 },
  { label: 'limited-429', path: '/gateway/limited/invocations', body: ask('limited-429'), status: 429 },
  { label: 'upstream-429', path: '/gateway/chat/invocations', body: ask('upstream-429'), replies: [{ error: { status: 429, message: 'Rate limit reached for gpt-4o-mini.', retryAfter: 7 } }], status: 429 },
  {
    label: 'upstream-500',
    path: '/gateway/chat/invocations',
    body: ask('upstream-500'),
    // An upstream that echoes the key it was sent: the gateway must mask it everywhere.
    replies: [{ error: { status: 500, message: `The server had an error processing your request with key ${KEYS.OPENAI_KEY}.` } }],
    status: 500,
  },
  { label: 'fallback', path: '/gateway/primary/invocations', body: ask('fallback'), replies: [{ error: { status: 500, message: 'primary is down' } }, usage(100, 50)], status: 200 },
  { label: 'cache-miss', path: '/gateway/cached/invocations', body: ask('cached'), replies: [usage(2, 3)], status: 200 },
  { label: 'cache-hit', path: '/gateway/cached/invocations', body: ask('cached'), status: 200 },
  {
    label: 'traced',
    path: '/gateway/mlflow/v1/chat/completions',
    body: { model: 'chat', ...ask('traced') },
    headers: { traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01`, 'x-mlflow-gateway-caller': 'judge' },
    replies: [usage(1, 1)],
    status: 200,
  },
];

interface Response {
  step: Step;
  status: number;
  headers: Record<string, string>;
  text: string;
  access: AccessLine;
}

// ---- what the run leaves behind ----

let dir: string;
let recordDir: string;
let tracking: RunningServer;
let client: MlflowClient;
let fake: FakeLlmUpstreams;
let gateway: RunningGateway;
const accessLines: string[] = [];
const logLines: string[] = [];
const responses = new Map<string, Response>();
let metricsText = '';
let metricsContentType = '';
let statsText = '';
const traces = new Map<string, TraceWire>();

async function waitFor(what: string, done: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!done()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await delay(5);
  }
}

async function tracesIn(endpoint: string): Promise<TraceInfoWire[]> {
  const experiment = await client.getExperimentByName(`gateway/${endpoint}`);
  const out: TraceInfoWire[] = [];
  for await (const t of client.searchTraces({ experimentIds: [experiment.experiment_id] })) out.push(t);
  return out;
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gateway-observability-e2e-'));
  recordDir = join(dir, 'recordings');
  tracking = await startTrackingServer({ port: 0, backendStoreUri: join(dir, 'mlflow.db'), artifactsDestination: join(dir, 'artifacts') });
  client = new MlflowClient({ trackingUri: tracking.url, maxRetries: 0 });
  fake = await startFakeLlmUpstreams({ apiKeys: { openai: KEYS.OPENAI_KEY, anthropic: KEYS.ANTHROPIC_KEY } });

  const openai = (name: string) => ({ provider: 'openai', name, config: { openai_api_key: '$OPENAI_KEY', openai_api_base: fake.openaiBaseUrl } });
  const config = {
    endpoints: [
      { name: 'chat', endpoint_type: 'llm/v1/chat', model: openai('gpt-4o-mini') },
      { name: 'limited', endpoint_type: 'llm/v1/chat', model: openai('gpt-4o-mini'), limit: { calls: 1, renewal_period: 'minute' } },
      // Unpriced: it never answers anyway.
      { name: 'primary', endpoint_type: 'llm/v1/chat', model: openai('gpt-4o'), fallbacks: ['backup'] },
      {
        name: 'backup',
        endpoint_type: 'llm/v1/chat',
        model: { provider: 'anthropic', name: 'claude-3-5-haiku-latest', config: { anthropic_api_key: '$ANTHROPIC_KEY', anthropic_api_base: fake.anthropicBaseUrl } },
      },
      { name: 'cached', endpoint_type: 'llm/v1/chat', model: openai('gpt-4o-mini'), cache: { ttl_seconds: 60 } },
    ],
    pricing: PRICING,
  };
  const configPath = join(dir, 'gateway.yaml');
  await writeFile(configPath, stringify(config));
  let t = 1_000_000;
  gateway = await startGatewayServer({
    configPath,
    port: 0,
    watch: false,
    env: { ...KEYS },
    authToken: GATEWAY_TOKEN,
    trackingUri: tracking.url,
    accessLog: (line) => accessLines.push(line),
    log: { info: (m) => logLines.push(m), error: (m) => logLines.push(m) },
    record: recordDir,
    runtime: { now: () => t, random: () => 0.5, sleep: async () => {} },
  });

  for (const step of STEPS) {
    fake.enqueue(...(step.replies ?? []));
    const res = await fetch(`${gateway.url}${step.path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...AUTH, ...step.headers },
      body: JSON.stringify(step.body),
    });
    const text = await res.text();
    // A stream's record ends with its last chunk: wait for its line so lines and steps pair up.
    await waitFor(`the access-log line of ${step.label}`, () => accessLines.length === responses.size + 1);
    const access = accessLineSchema.parse(JSON.parse(accessLines.at(-1)!));
    responses.set(step.label, { step, status: res.status, headers: Object.fromEntries(res.headers), text, access });
    t += 10;
  }
  const metricsRes = await fetch(`${gateway.url}/metrics`, { headers: AUTH });
  metricsContentType = metricsRes.headers.get('content-type') ?? '';
  metricsText = await metricsRes.text();
  statsText = await (await fetch(`${gateway.url}/api/2.0/gateway/stats`, { headers: AUTH })).text();

  // Closing the gateway flushes its tracer (and its recordings).
  await gateway.close();
  for (const endpoint of ['chat', 'limited', 'primary', 'cached']) {
    for (const info of await tracesIn(endpoint)) traces.set(info.client_request_id ?? info.trace_id, await client.getTrace(info.trace_id));
  }
});

after(async () => {
  await gateway?.close();
  await client?.close();
  await tracking?.close();
  await fake?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function response(label: string): Response {
  const r = responses.get(label);
  assert.ok(r, `no response for ${label}`);
  return r;
}

// ---- Prometheus text ----


/** Every series of one metric, keyed as `label=value,...` in sorted order. */
function family(series: Map<string, number>, name: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of series) {
    if (k === name) out[''] = v;
    else if (k.startsWith(`${name}{`)) out[k.slice(name.length + 1, -1).replaceAll('"', '')] = v;
  }
  return out;
}

function assertClose(actual: number | undefined, expected: number, what: string): void {
  assert.ok(actual !== undefined && Math.abs(actual - expected) < 1e-12, `${what}: ${actual} ≠ ${expected}`);
}

// ---- traces ----

/** An OTLP AnyValue as the tracking server returns it; strings hold JSON text (MLflow's convention). */
const anyValueSchema: z.ZodType<AnyValue> = z.lazy(() =>
  z.union([
    z.looseObject({ string_value: z.string() }),
    z.looseObject({ int_value: z.union([z.number(), z.string()]) }),
    z.looseObject({ double_value: z.number() }),
    z.looseObject({ bool_value: z.boolean() }),
    z.looseObject({ array_value: z.looseObject({ values: z.array(anyValueSchema).optional() }) }),
    z.looseObject({ kvlist_value: z.looseObject({ values: z.array(z.looseObject({ key: z.string(), value: anyValueSchema })).optional() }) }),
  ]),
);
type AnyValue =
  | { string_value: string }
  | { int_value: number | string }
  | { double_value: number }
  | { bool_value: boolean }
  | { array_value: { values?: AnyValue[] } }
  | { kvlist_value: { values?: { key: string; value: AnyValue }[] } };

function decode(v: AnyValue): unknown {
  if ('string_value' in v) {
    try {
      return JSON.parse(v.string_value);
    } catch {
      return v.string_value;
    }
  }
  if ('int_value' in v) return Number(v.int_value);
  if ('double_value' in v) return v.double_value;
  if ('bool_value' in v) return v.bool_value;
  if ('array_value' in v) return (v.array_value.values ?? []).map(decode);
  return Object.fromEntries((v.kvlist_value.values ?? []).map((kv) => [kv.key, decode(kv.value)]));
}

function attrs(span: SpanWire): Record<string, unknown> {
  return Object.fromEntries((span.attributes ?? []).map((a) => [a.key, decode(anyValueSchema.parse(a.value))]));
}

const hex = (b64: string | undefined): string => (b64 ? Buffer.from(b64, 'base64').toString('hex') : '');

function traceOf(label: string): TraceWire {
  const id = response(label).access.request_id;
  const trace = traces.get(id);
  assert.ok(trace, `no trace for ${label} (request ${id}); have ${[...traces.keys()].join(', ')}`);
  return trace;
}

function rootOf(trace: TraceWire): SpanWire {
  const ids = new Set(trace.spans.map((s) => s.span_id));
  const roots = trace.spans.filter((s) => !s.parent_span_id || !ids.has(s.parent_span_id));
  assert.equal(roots.length, 1, `one root span in ${trace.trace_info.trace_id}`);
  return roots[0]!;
}

function attemptsOf(trace: TraceWire): SpanWire[] {
  const root = rootOf(trace);
  return trace.spans.filter((s) => s !== root).sort((a, b) => Number(BigInt(a.start_time_unix_nano) - BigInt(b.start_time_unix_nano)));
}

// ---------------------------------------------------------------------------------------------

describe('a scripted mix through a running gateway', () => {
  it('answered each step as scripted', () => {
    for (const step of STEPS) assert.equal(response(step.label).status, step.status, `${step.label}: ${response(step.label).text}`);
    assert.equal(response('limited-429').headers['retry-after'], '60');
    assert.equal(mlflowErrorSchema.parse(JSON.parse(response('limited-429').text)).error_code, 'REQUEST_LIMIT_EXCEEDED');
    assert.equal(response('upstream-429').headers['retry-after'], '7');
    assert.equal(chatSchema.parse(JSON.parse(response('fallback').text)).provider, 'anthropic');
    assert.deepEqual(JSON.parse(response('cache-hit').text), JSON.parse(response('cache-miss').text));
    // The key the upstream echoed was masked before it reached the caller.
    const failure = mlflowErrorSchema.parse(JSON.parse(response('upstream-500').text));
    assert.match(failure.message, /openai answered 500: .*with key \*\*\*\./);
    // Calls the fake got: 8 steps reached it, the fallback twice; not our 429 nor the cache hit.
    assert.equal(fake.requests.length, 9);
  });

  it('sent the timing headers on every answer, overhead ≤ duration', () => {
    for (const r of responses.values()) {
      if (r.status !== 200) continue;
      const duration = r.headers['x-mlflow-gateway-duration-ms'];
      const overhead = r.headers['x-mlflow-gateway-overhead-duration-ms'];
      assert.match(duration ?? '', /^\d+$/, `${r.step.label}: duration header`);
      assert.match(overhead ?? '', /^\d+$/, `${r.step.label}: overhead header`);
      assert.ok(Number(overhead) <= Number(duration), `${r.step.label}: overhead ${overhead} > duration ${duration}`);
    }
  });

  it('holds exactly the expected counts in /metrics', () => {
    assert.match(metricsContentType, /^text\/plain; version=0\.0\.4/);
    const s = parsePrometheus(metricsText);
    assert.deepEqual(family(s, 'gateway_requests_total'), {
      'endpoint=cached,provider=openai,status=200': 2,
      'endpoint=chat,provider=openai,status=200': 3,
      'endpoint=chat,provider=none,status=429': 1,
      'endpoint=chat,provider=none,status=500': 1,
      'endpoint=limited,provider=openai,status=200': 1,
      'endpoint=limited,provider=none,status=429': 1,
      'endpoint=primary,provider=anthropic,status=200': 1,
    });
    assert.deepEqual(family(s, 'gateway_errors_total'), {
      'endpoint=chat,type=rate_limit': 1,
      'endpoint=chat,type=upstream': 1,
      'endpoint=limited,type=rate_limit': 1,
    });
    assert.deepEqual(family(s, 'gateway_rate_limited_total'), { 'endpoint=limited': 1 });
    assert.deepEqual(family(s, 'gateway_cache_hits_total'), { 'endpoint=cached': 1 });
    assert.deepEqual(family(s, 'gateway_fallbacks_total'), { 'endpoint=primary': 1 });
    assert.deepEqual(family(s, 'gateway_attempts_total'), {
      'endpoint=cached,outcome=success,provider=openai': 1,
      'endpoint=chat,outcome=success,provider=openai': 3,
      'endpoint=chat,outcome=error,provider=openai': 2,
      'endpoint=limited,outcome=success,provider=openai': 1,
      'endpoint=primary,outcome=error,provider=openai': 1,
      'endpoint=primary,outcome=success,provider=anthropic': 1,
    });
    // The cache hit is not counted: no upstream was paid for it.
    assert.deepEqual(family(s, 'gateway_tokens_total'), {
      'direction=prompt,endpoint=cached,provider=openai': 2,
      'direction=completion,endpoint=cached,provider=openai': 3,
      'direction=prompt,endpoint=chat,provider=openai': 16,
      'direction=completion,endpoint=chat,provider=openai': 28,
      'direction=prompt,endpoint=limited,provider=openai': 3,
      'direction=completion,endpoint=limited,provider=openai': 4,
      'direction=prompt,endpoint=primary,provider=anthropic': 100,
      'direction=completion,endpoint=primary,provider=anthropic': 50,
    });
    const cost = family(s, 'gateway_cost_total');
    assert.deepEqual(Object.keys(cost).sort(), ['currency=USD,endpoint=cached', 'currency=USD,endpoint=chat', 'currency=USD,endpoint=limited', 'currency=USD,endpoint=primary']);
    // gpt-4o-mini: 0.15 / 0.60 per million; claude-3-5-haiku: 0.80 / 4.00.
    assertClose(cost['currency=USD,endpoint=chat'], (16 * 0.15 + 28 * 0.6) / 1e6, 'chat cost');
    assertClose(cost['currency=USD,endpoint=limited'], (3 * 0.15 + 4 * 0.6) / 1e6, 'limited cost');
    assertClose(cost['currency=USD,endpoint=primary'], (100 * 0.8 + 50 * 4) / 1e6, 'primary cost');
    assertClose(cost['currency=USD,endpoint=cached'], (2 * 0.15 + 3 * 0.6) / 1e6, 'cached cost');
    const latency = family(s, 'gateway_latency_seconds_count');
    assert.deepEqual(latency, {
      'endpoint=cached,provider=openai': 2,
      'endpoint=chat,provider=openai': 3,
      'endpoint=chat,provider=none': 2,
      'endpoint=limited,provider=openai': 1,
      'endpoint=limited,provider=none': 1,
      'endpoint=primary,provider=anthropic': 1,
    });
  });

  it('holds the same figures in /api/2.0/gateway/stats', () => {
    const stats = statsSchema.parse(JSON.parse(statsText));
    // Costs compared in billionths of a dollar (the gateway rounds there), so float noise cannot matter.
    const nano = (usd: number) => Math.round(usd * 1e9);
    const usd = (total: number) => ({ total: nano(total), currency: 'USD', by_currency: { USD: nano(total) } });
    const figures = (f: Figures) => {
      const { latency_ms: latency, cost, ...rest } = f;
      for (const p of [latency.p50, latency.p95, latency.p99, latency.mean]) assert.ok(p !== null && p >= 0);
      return { ...rest, cost: { ...cost, total: nano(cost.total), by_currency: Object.fromEntries(Object.entries(cost.by_currency).map(([c, v]) => [c, nano(v)])) } };
    };
    assert.deepEqual(
      stats.endpoints.map((e) => e.endpoint),
      ['cached', 'chat', 'limited', 'primary'],
    );
    const byName = Object.fromEntries(stats.endpoints.map((e) => [e.endpoint, figures(e)]));
    assert.deepEqual(byName.chat, {
      endpoint: 'chat',
      requests: 5,
      errors: 2,
      rate_limited: 0,
      cache_hits: 0,
      fallbacks: 0,
      attempts: 5,
      tokens: { prompt: 16, completion: 28 },
      cost: usd(0.0000192),
      by_status: { '200': 3, '429': 1, '500': 1 },
      by_provider: { openai: 3, none: 2 },
    });
    assert.deepEqual(byName.limited, {
      endpoint: 'limited',
      requests: 2,
      errors: 1,
      rate_limited: 1,
      cache_hits: 0,
      fallbacks: 0,
      attempts: 1,
      tokens: { prompt: 3, completion: 4 },
      cost: usd(0.00000285),
      by_status: { '200': 1, '429': 1 },
      by_provider: { openai: 1, none: 1 },
    });
    assert.deepEqual(byName.primary, {
      endpoint: 'primary',
      requests: 1,
      errors: 0,
      rate_limited: 0,
      cache_hits: 0,
      fallbacks: 1,
      attempts: 2,
      tokens: { prompt: 100, completion: 50 },
      cost: usd(0.00028),
      by_status: { '200': 1 },
      by_provider: { anthropic: 1 },
    });
    assert.deepEqual(byName.cached, {
      endpoint: 'cached',
      requests: 2,
      errors: 0,
      rate_limited: 0,
      cache_hits: 1,
      fallbacks: 0,
      attempts: 1,
      tokens: { prompt: 2, completion: 3 },
      cost: usd(0.0000021),
      by_status: { '200': 2 },
      by_provider: { openai: 2 },
    });
    assert.deepEqual(figures(stats.totals), {
      requests: 10,
      errors: 3,
      rate_limited: 1,
      cache_hits: 1,
      fallbacks: 1,
      attempts: 9,
      tokens: { prompt: 121, completion: 85 },
      cost: usd(0.00030415),
      by_status: { '200': 7, '429': 2, '500': 1 },
      by_provider: { openai: 6, none: 3, anthropic: 1 },
    });
  });

  it('wrote one access-log line per request, without prompt text', () => {
    assert.equal(accessLines.length, STEPS.length);
    const line = (label: string) => response(label).access;
    assert.deepEqual(
      STEPS.map((s) => [line(s.label).endpoint, line(s.label).status]),
      STEPS.map((s) => [s.label === 'fallback' ? 'primary' : s.label.startsWith('limited') ? 'limited' : s.label.startsWith('cache') ? 'cached' : 'chat', s.status]),
    );
    assert.equal(line('stream').stream, true);
    assert.equal(line('limited-429').rate_limited, true);
    assert.equal(line('limited-429').error_kind, 'rate_limit');
    assert.equal(line('limited-429').attempts, 0);
    assert.equal(line('upstream-429').rate_limited, false, "an upstream's 429 is not our limiter's");
    assert.equal(line('upstream-429').error_kind, 'rate_limit');
    assert.equal(line('upstream-500').error_kind, 'upstream');
    assert.deepEqual([line('fallback').served_by, line('fallback').provider, line('fallback').attempts], ['backup', 'anthropic', 2]);
    assert.equal(line('cache-hit').cache_hit, true);
    assert.equal(line('cache-hit').attempts, 0);
    assert.deepEqual([line('plain').prompt_tokens, line('plain').completion_tokens, line('plain').cost, line('plain').currency], [10, 20, 0.0000135, 'USD']);
    assert.equal(line('traced').caller, 'judge');
    for (const text of accessLines) {
      assert.ok(!text.includes('PROMPT-TEXT-'), `prompt text in the access log: ${text}`);
      assert.ok(!text.includes('tell me something'), `prompt text in the access log: ${text}`);
    }
  });

  it('traced each request into gateway/<endpoint>, one span per attempt, with token usage and cost', () => {
    // Nine traces with their own info, plus the caller's trace the gateway contributed spans to.
    assert.equal(traces.size, STEPS.length);
    for (const step of STEPS.filter((s) => s.label !== 'traced')) {
      const r = response(step.label);
      const trace = traceOf(step.label);
      const info = trace.trace_info;
      assert.equal(trace.spans.length, 1 + r.access.attempts, `${step.label}: the root and one span per attempt`);
      assert.equal(info.state, step.status === 200 ? 'OK' : 'ERROR', step.label);
      assert.equal(info.trace_metadata?.['mlflow.gateway.endpointId'], r.access.endpoint);
      assert.equal(info.trace_metadata?.['mlflow.gateway.requestType'], 'unified/chat');
      const root = rootOf(trace);
      assert.equal(root.name, `gateway/${r.access.endpoint}`);
      assert.equal(attrs(root)['gateway.status'], step.status);
      for (const a of attemptsOf(trace)) assert.equal(a.parent_span_id, root.span_id);
      const tokens = info.trace_metadata?.['mlflow.trace.tokenUsage'];
      const cost = info.trace_metadata?.['mlflow.trace.cost'];
      if (r.access.prompt_tokens === null) {
        assert.equal(tokens, undefined, step.label);
        assert.equal(cost, undefined, step.label);
      } else {
        const p = r.access.prompt_tokens;
        const c = r.access.completion_tokens!;
        assert.deepEqual(JSON.parse(tokens!), { input_tokens: p, output_tokens: c, total_tokens: p + c }, step.label);
        assert.deepEqual(attrs(root)['mlflow.chat.tokenUsage'], { input_tokens: p, output_tokens: c, total_tokens: p + c }, step.label);
        assert.equal((JSON.parse(cost!) as { total_cost: number }).total_cost, r.access.cost, step.label);
      }
    }

    assert.deepEqual(JSON.parse(traceOf('plain').trace_info.trace_metadata!['mlflow.trace.cost']!), { input_cost: 0.0000015, output_cost: 0.000012, total_cost: 0.0000135 });
    assert.equal(attrs(rootOf(traceOf('stream')))['gateway.stream'], true);

    const limited = traceOf('limited-429');
    assert.equal(limited.spans.length, 1);
    assert.equal(attrs(rootOf(limited))['gateway.rate_limited'], true);

    const [upstream429] = attemptsOf(traceOf('upstream-429'));
    assert.equal(upstream429!.status?.code, 'STATUS_CODE_ERROR');
    assert.equal(attrs(upstream429!)['gateway.status'], 429);
    assert.equal(attrs(upstream429!)['error.type'], 'rate_limit');

    const [upstream500] = attemptsOf(traceOf('upstream-500'));
    assert.match(upstream500!.status?.message ?? '', /^upstream: openai answered 500: .*with key \*\*\*\.$/);

    const fallback = traceOf('fallback');
    const [first, second] = attemptsOf(fallback);
    assert.deepEqual(
      [first!.name, first!.status?.code, attrs(first!)['gateway.fallback']],
      ['openai/gpt-4o', 'STATUS_CODE_ERROR', false],
    );
    assert.deepEqual(
      [second!.name, second!.status?.code, attrs(second!)['gateway.fallback'], attrs(second!)['gateway.endpoint']],
      ['anthropic/claude-3-5-haiku-latest', 'STATUS_CODE_OK', true, 'backup'],
    );
    assert.deepEqual(JSON.parse(fallback.trace_info.trace_metadata!['mlflow.trace.cost']!), { input_cost: 0.00008, output_cost: 0.0002, total_cost: 0.00028 });

    const hit = traceOf('cache-hit');
    assert.equal(hit.spans.length, 1, 'a cache hit calls no upstream');
    assert.equal(attrs(rootOf(hit))['gateway.cache_hit'], true);
  });

  it("made the traceparent call's spans children of the caller's span, in the caller's trace", () => {
    const trace = traces.get(`tr-${CALLER_TRACE}`);
    assert.ok(trace, `no trace tr-${CALLER_TRACE}; have ${[...traces.keys()].join(', ')}`);
    assert.equal(trace.spans.length, 2, 'the gateway root and its one attempt');
    const root = rootOf(trace);
    assert.equal(root.name, 'gateway/chat');
    for (const s of trace.spans) assert.equal(hex(s.trace_id), CALLER_TRACE);
    assert.equal(hex(root.parent_span_id), CALLER_SPAN);
    const [attempt] = attemptsOf(trace);
    assert.equal(attempt!.parent_span_id, root.span_id);
    const a = attrs(root);
    assert.equal(a['gateway.request_id'], response('traced').access.request_id);
    assert.equal(a['mlflow.gateway.caller'], 'judge');
    assert.equal(a['gateway.front'], 'mlflow-v1');
    assert.deepEqual(a['mlflow.chat.tokenUsage'], { input_tokens: 1, output_tokens: 1, total_tokens: 2 });
    assert.deepEqual(a['mlflow.llm.cost'], { input_cost: 0.00000015, output_cost: 0.0000006, total_cost: 0.00000075 });
  });

  it('kept every key and the gateway token out of metrics, stats, logs, traces, responses and recordings', async () => {
    const places: [string, string][] = [
      ['/metrics', metricsText],
      ['stats', statsText],
      ...accessLines.map((l, i): [string, string] => [`access log line ${i + 1}`, l]),
      ...logLines.map((l, i): [string, string] => [`log line ${i + 1}`, l]),
      ...[...traces].map(([id, t]): [string, string] => [`trace ${id}`, JSON.stringify(t)]),
      ...[...responses.values()].map((r): [string, string] => [`response to ${r.step.label}`, `${JSON.stringify(r.headers)}\n${r.text}`]),
    ];
    const files = await readdir(recordDir);
    assert.equal(files.length, 9, 'one recording per distinct upstream request');
    for (const f of files) places.push([`recording ${f}`, await readFile(join(recordDir, f), 'utf8')]);
    for (const [where, text] of places) {
      for (const [name, secret] of Object.entries(SECRETS)) assert.ok(!text.includes(secret), `${name} appears in ${where}`);
    }
    // The echoed key did reach the gateway, and was masked in the trace too.
    assert.ok(JSON.stringify(traceOf('upstream-500')).includes('with key ***'));
    // Traces carry the request's shape, never its text.
    for (const [id, t] of traces) assert.ok(!JSON.stringify(t).includes('PROMPT-TEXT-'), `prompt text in trace ${id}`);
  });
});

describe('passthrough requests (a vendor SDK calling an endpoint of its own vendor)', () => {
  let pfake: FakeLlmUpstreams;
  let pgateway: RunningGateway;
  const lines: AccessLine[] = [];
  let stats: z.output<typeof statsSchema>;
  const statuses: number[] = [];

  before(async () => {
    pfake = await startFakeLlmUpstreams({ apiKeys: { openai: KEYS.OPENAI_KEY, anthropic: KEYS.ANTHROPIC_KEY } });
    const configPath = join(dir, 'passthrough.yaml');
    await writeFile(
      configPath,
      stringify({
        endpoints: [
          { name: 'oai', endpoint_type: 'llm/v1/chat', model: { provider: 'openai', name: 'gpt-4o-mini', config: { openai_api_key: '$OPENAI_KEY', openai_api_base: pfake.openaiBaseUrl } } },
          {
            name: 'claude',
            endpoint_type: 'llm/v1/chat',
            model: { provider: 'anthropic', name: 'claude-3-5-haiku-latest', config: { anthropic_api_key: '$ANTHROPIC_KEY', anthropic_api_base: pfake.anthropicBaseUrl } },
          },
        ],
        pricing: PRICING,
      }),
    );
    pgateway = await startGatewayServer({ configPath, port: 0, watch: false, env: { ...KEYS }, accessLog: (l) => lines.push(accessLineSchema.parse(JSON.parse(l))), log: { info: () => {}, error: () => {} } });
    const calls: [string, Record<string, unknown>, FakeReply][] = [
      ['/gateway/openai/v1/chat/completions', { model: 'oai', ...ask('pt-openai') }, usage(4, 6)],
      ['/gateway/anthropic/v1/messages', { model: 'claude', max_tokens: 50, ...ask('pt-anthropic') }, usage(8, 2)],
      ['/gateway/anthropic/v1/messages', { model: 'claude', max_tokens: 50, stream: true, ...ask('pt-anthropic-stream') }, usage(3, 5)],
    ];
    for (const [path, body, reply] of calls) {
      pfake.enqueue(reply);
      const res = await fetch(`${pgateway.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      await res.text();
      statuses.push(res.status);
      await waitFor(`the access-log line of ${path}`, () => lines.length === statuses.length);
    }
    stats = statsSchema.parse(await (await fetch(`${pgateway.url}/api/2.0/gateway/stats`)).json());
  });
  after(async () => {
    await pgateway?.close();
    await pfake?.close();
  });

  it('were passed through and answered', () => {
    assert.deepEqual(statuses, [200, 200, 200]);
    assert.deepEqual(
      lines.map((l) => [l.endpoint, l.provider]),
      [
        ['oai', 'openai'],
        ['claude', 'anthropic'],
        ['claude', 'anthropic'],
      ],
    );
  });

  it("send the endpoint's configured model upstream, not the endpoint's name", () => {
    assert.deepEqual(
      pfake.requests.map((r) => [r.vendor, r.model]),
      [
        ['openai', 'gpt-4o-mini'],
        ['anthropic', 'claude-3-5-haiku-latest'],
        ['anthropic', 'claude-3-5-haiku-latest'],
      ],
    );
  });

  it('count their tokens and cost like translated requests', () => {
    assert.deepEqual(
      lines.map((l) => [l.prompt_tokens, l.completion_tokens, l.cost === null ? null : Math.round(l.cost * 1e9)]),
      [
        [4, 6, 4 * 150 + 6 * 600],
        [8, 2, 8 * 800 + 2 * 4000],
        [3, 5, 3 * 800 + 5 * 4000],
      ],
    );
    assert.deepEqual(stats.totals.tokens, { prompt: 15, completion: 13 });
  });
});
