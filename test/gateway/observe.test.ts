/**
 * The gateway's observability consumers, fed scripted RequestRecords as the gateway would hand
 * them over: Prometheus counters and histogram (read back by parsing the text format), the JSON
 * stats for the UI, cost from the pricing block, and the access log.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { register as globalRegistry } from 'prom-client';
import { AccessLog, accessLogEntry } from '../../src/gateway/observe/access-log.ts';
import { costOf, priceOf } from '../../src/gateway/observe/cost.ts';
import { GatewayMetrics, LATENCY_BUCKETS_SECONDS, UNKNOWN_ENDPOINT } from '../../src/gateway/observe/metrics.ts';
import type { PricingEntry } from '../../src/gateway/config.ts';
import type { AttemptRecord, RequestRecord, TokenCounts } from '../../src/gateway/observe/record.ts';
import { parsePrometheus } from './helpers.ts';

const pricing: Record<string, PricingEntry> = {
  'gpt-4o-mini': { input_per_million_tokens: 0.15, output_per_million_tokens: 0.6, currency: 'USD' },
  'claude-3-5-haiku-latest': { input_per_million_tokens: 0.8, output_per_million_tokens: 4, currency: 'USD' },
};

const T0 = Date.UTC(2025, 0, 2, 3, 4, 5);
let nextId = 0;

const CHAT = { endpoint: 'chat', provider: 'openai', model: 'gpt-4o-mini' };
const CLAUDE = { endpoint: 'claude', provider: 'anthropic', model: 'claude-3-5-haiku-latest' };
const EMBED = { endpoint: 'embed', provider: 'openai', model: 'text-embedding-3-small' };

function attempt(target: { endpoint: string; provider: string; model: string }, status: number, extra: Partial<AttemptRecord> = {}): AttemptRecord {
  return {
    ...target,
    attempt: 1,
    fallback: false,
    startMs: T0,
    endMs: T0 + 10,
    status,
    ...(status >= 400 ? { error: { kind: status === 429 ? 'rate_limit' : 'upstream', message: `upstream said ${status}` } } : {}),
    ...extra,
  };
}

/** A record as the gateway builds it; the cost comes from costOf, as the gateway computes it. */
function rec(durationMs: number, fields: Partial<RequestRecord> & { usage?: TokenCounts }): RequestRecord {
  const servedBy = fields.servedBy;
  return {
    id: `req-${++nextId}`,
    endpoint: 'chat',
    operation: 'chat',
    front: 'openai',
    stream: false,
    startMs: T0,
    endMs: T0 + durationMs,
    status: 200,
    attempts: [],
    cacheHit: false,
    rateLimited: false,
    upstreamMs: 0,
    ...(servedBy && fields.usage ? { cost: costOf(pricing, servedBy.provider, servedBy.model, fields.usage) } : {}),
    ...fields,
  };
}

const rateLimit = { kind: 'rate_limit' as const, message: 'Endpoint chat allows 10 calls per minute; retry after 3 s.' };

/** The scripted mix: successes, our 429s, upstream errors, a retry, a fallback, a cache hit, a stream, an unknown name. */
function scriptedMix(): RequestRecord[] {
  return [
    // 1. plain success
    rec(100, { servedBy: CHAT, attempts: [attempt(CHAT, 200)], usage: { prompt_tokens: 10, completion_tokens: 20 }, upstreamMs: 90 }),
    // 2. a stream
    rec(2000, { stream: true, servedBy: CHAT, attempts: [attempt(CHAT, 200)], usage: { prompt_tokens: 5, completion_tokens: 7 }, upstreamMs: 1990 }),
    // 3, 4. our own rate limit
    rec(1, { status: 429, error: rateLimit, rateLimited: true }),
    rec(1, { status: 429, error: rateLimit, rateLimited: true }),
    // 5. upstream error after a retry
    rec(3000, {
      status: 502,
      error: { kind: 'upstream', message: 'OpenAI answered 500: internal error' },
      attempts: [attempt(CHAT, 500), attempt(CHAT, 500, { attempt: 2 })],
    }),
    // 6. primary fails, the fallback answers
    rec(800, {
      servedBy: CLAUDE,
      attempts: [attempt(CHAT, 500), attempt(CLAUDE, 200, { fallback: true })],
      usage: { prompt_tokens: 100, completion_tokens: 50 },
    }),
    // 7. cache hit: usage and cost of the cached answer, but no upstream paid
    rec(2, { cacheHit: true, servedBy: CHAT, usage: { prompt_tokens: 10, completion_tokens: 20 } }),
    // 8. embeddings on a model without a price
    rec(40, { endpoint: 'embed', operation: 'embeddings', servedBy: EMBED, attempts: [attempt(EMBED, 200)], usage: { prompt_tokens: 8, completion_tokens: 0 } }),
    // 9. a name the config does not have
    rec(1, { endpoint: 'no-such-endpoint-a8f3', status: 404, error: { kind: 'not_found', message: 'No endpoint named no-such-endpoint-a8f3.' } }),
    // 10. the upstream's own 429, passed on
    rec(50, { status: 429, error: { kind: 'rate_limit', message: 'OpenAI rate limit' }, attempts: [attempt(CHAT, 429)] }),
    // 11. retry then success
    rec(600, {
      servedBy: CHAT,
      attempts: [attempt(CHAT, 503), attempt(CHAT, 200, { attempt: 2 })],
      usage: { prompt_tokens: 1000, completion_tokens: 1000 },
    }),
  ];
}


/** Every series of one metric, so an unexpected extra series fails the test too. */
function family(series: Map<string, number>, name: string): Record<string, number> {
  return Object.fromEntries([...series].filter(([k]) => k === name || k.startsWith(`${name}{`)));
}

async function scrape(metrics: GatewayMetrics): Promise<Map<string, number>> {
  const { contentType, body } = await metrics.render();
  assert.match(contentType, /^text\/plain; version=0\.0\.4/);
  return parsePrometheus(body);
}

describe('costOf', () => {
  it('prices prompt and completion tokens per million', () => {
    assert.deepEqual(costOf(pricing, 'openai', 'gpt-4o-mini', { prompt_tokens: 1_000_000, completion_tokens: 2_000_000 }), {
      input: 0.15,
      output: 1.2,
      total: 1.35,
      currency: 'USD',
    });
    assert.deepEqual(costOf(pricing, 'anthropic', 'claude-3-5-haiku-latest', { prompt_tokens: 100, completion_tokens: 50 }), {
      input: 0.00008,
      output: 0.0002,
      total: 0.00028,
      currency: 'USD',
    });
  });

  it('prefers a provider-qualified key, then the bare model name', () => {
    const p: Record<string, PricingEntry> = {
      'm-1': { input_per_million_tokens: 1, output_per_million_tokens: 1, currency: 'USD' },
      'bedrock/m-1': { input_per_million_tokens: 2, output_per_million_tokens: 3, currency: 'EUR' },
    };
    const usage = { prompt_tokens: 1_000_000, completion_tokens: 1_000_000 };
    assert.deepEqual(costOf(p, 'bedrock', 'm-1', usage), { input: 2, output: 3, total: 5, currency: 'EUR' });
    assert.deepEqual(costOf(p, 'openai', 'm-1', usage), { input: 1, output: 1, total: 2, currency: 'USD' });
    assert.equal(priceOf(p, 'bedrock', 'm-1')?.currency, 'EUR');
  });

  it('is undefined without a price or without usage, and never reads inherited keys', () => {
    const usage = { prompt_tokens: 10, completion_tokens: 10 };
    assert.equal(costOf(pricing, 'openai', 'gpt-5', usage), undefined);
    assert.equal(costOf(pricing, 'openai', 'gpt-4o-mini', undefined), undefined);
    assert.equal(costOf(pricing, 'openai', 'constructor', usage), undefined);
    assert.equal(costOf(pricing, 'openai', '__proto__', usage), undefined);
    assert.equal(costOf({}, 'openai', 'toString', usage), undefined);
  });

  it('rounds to a billionth, so float noise does not show', () => {
    const p = { m: { input_per_million_tokens: 0.1, output_per_million_tokens: 0.2, currency: 'USD' } };
    assert.notEqual((3 * 0.1) / 1e6, 3e-7); // the noise this guards against
    assert.deepEqual(costOf(p, 'x', 'm', { prompt_tokens: 3, completion_tokens: 1 }), { input: 3e-7, output: 2e-7, total: 5e-7, currency: 'USD' });
    assert.deepEqual(costOf(p, 'x', 'm', { prompt_tokens: 1, completion_tokens: 0 }), { input: 1e-7, output: 0, total: 1e-7, currency: 'USD' });
  });

  it('counts a missing or negative token count as none', () => {
    const usage = { prompt_tokens: Number.NaN, completion_tokens: -5 };
    assert.deepEqual(costOf(pricing, 'openai', 'gpt-4o-mini', usage), { input: 0, output: 0, total: 0, currency: 'USD' });
  });
});

describe('GatewayMetrics', () => {
  it('holds exactly the expected counters after the scripted mix', async () => {
    const metrics = new GatewayMetrics();
    for (const r of scriptedMix()) metrics.onRequest(r);
    const s = await scrape(metrics);

    assert.deepEqual(family(s, 'gateway_requests_total'), {
      'gateway_requests_total{endpoint="chat",provider="openai",status="200"}': 4,
      'gateway_requests_total{endpoint="chat",provider="anthropic",status="200"}': 1,
      'gateway_requests_total{endpoint="chat",provider="none",status="429"}': 3,
      'gateway_requests_total{endpoint="chat",provider="none",status="502"}': 1,
      'gateway_requests_total{endpoint="embed",provider="openai",status="200"}': 1,
      'gateway_requests_total{endpoint="(unknown)",provider="none",status="404"}': 1,
    });
    assert.deepEqual(family(s, 'gateway_errors_total'), {
      'gateway_errors_total{endpoint="chat",type="rate_limit"}': 3,
      'gateway_errors_total{endpoint="chat",type="upstream"}': 1,
      'gateway_errors_total{endpoint="(unknown)",type="not_found"}': 1,
    });
    assert.deepEqual(family(s, 'gateway_rate_limited_total'), { 'gateway_rate_limited_total{endpoint="chat"}': 2 });
    assert.deepEqual(family(s, 'gateway_cache_hits_total'), { 'gateway_cache_hits_total{endpoint="chat"}': 1 });
    assert.deepEqual(family(s, 'gateway_fallbacks_total'), { 'gateway_fallbacks_total{endpoint="chat"}': 1 });
    assert.deepEqual(family(s, 'gateway_attempts_total'), {
      'gateway_attempts_total{endpoint="chat",outcome="success",provider="openai"}': 3,
      'gateway_attempts_total{endpoint="chat",outcome="error",provider="openai"}': 5,
      'gateway_attempts_total{endpoint="chat",outcome="success",provider="anthropic"}': 1,
      'gateway_attempts_total{endpoint="embed",outcome="success",provider="openai"}': 1,
    });
    // The cache hit's 10 + 20 tokens are not counted: no upstream was paid for them.
    assert.deepEqual(family(s, 'gateway_tokens_total'), {
      'gateway_tokens_total{direction="prompt",endpoint="chat",provider="openai"}': 1015,
      'gateway_tokens_total{direction="completion",endpoint="chat",provider="openai"}': 1027,
      'gateway_tokens_total{direction="prompt",endpoint="chat",provider="anthropic"}': 100,
      'gateway_tokens_total{direction="completion",endpoint="chat",provider="anthropic"}': 50,
      'gateway_tokens_total{direction="prompt",endpoint="embed",provider="openai"}': 8,
      'gateway_tokens_total{direction="completion",endpoint="embed",provider="openai"}': 0,
    });
    const cost = family(s, 'gateway_cost_total');
    assert.deepEqual(Object.keys(cost), ['gateway_cost_total{currency="USD",endpoint="chat"}']);
    // 0.0000135 + 0.00000495 + 0.00028 + 0.00075; Prometheus counters are floats.
    assert.ok(Math.abs(cost['gateway_cost_total{currency="USD",endpoint="chat"}']! - 0.00104845) < 1e-12);
  });

  it('observes every request in the latency histogram, in seconds', async () => {
    const metrics = new GatewayMetrics();
    for (const r of scriptedMix()) metrics.onRequest(r);
    const s = await scrape(metrics);
    const h = (suffix: string, labels: string): number | undefined => s.get(`gateway_latency_seconds_${suffix}{${labels.split(',').sort().join(',')}}`);
    const chatOpenai = 'endpoint="chat",provider="openai"';
    // 100 ms, 2000 ms, 2 ms (cache), 600 ms
    assert.equal(h('count', chatOpenai), 4);
    assert.ok(Math.abs(h('sum', chatOpenai)! - 2.702) < 1e-9);
    const bucket = (le: string): number | undefined => h('bucket', `${chatOpenai},le="${le}"`);
    assert.equal(bucket('0.005'), 1);
    assert.equal(bucket('0.1'), 2);
    assert.equal(bucket('0.5'), 2);
    assert.equal(bucket('1'), 3);
    assert.equal(bucket('2.5'), 4);
    assert.equal(bucket('120'), 4);
    assert.equal(bucket('+Inf'), 4);
    assert.equal(h('count', 'endpoint="chat",provider="none"'), 4);
    assert.equal(h('count', 'endpoint="chat",provider="anthropic"'), 1);
    assert.equal(h('count', 'endpoint="embed",provider="openai"'), 1);
    assert.equal(h('count', 'endpoint="(unknown)",provider="none"'), 1);
    const buckets = [...s.keys()].filter((k) => k.startsWith('gateway_latency_seconds_bucket{endpoint="chat",') && k.endsWith(',provider="openai"}'));
    assert.equal(buckets.length, LATENCY_BUCKETS_SECONDS.length + 1);
    assert.equal(LATENCY_BUCKETS_SECONDS[0], 0.005);
    assert.equal(LATENCY_BUCKETS_SECONDS.at(-1), 120);
  });

  it('gives the same figures as JSON in stats()', () => {
    const metrics = new GatewayMetrics({ now: () => T0 });
    for (const r of scriptedMix()) metrics.onRequest(r);
    const stats = metrics.stats();
    assert.equal(stats.since, '2025-01-02T03:04:05.000Z');
    assert.deepEqual(
      stats.endpoints.map((e) => e.endpoint),
      ['(unknown)', 'chat', 'embed'],
    );
    assert.deepEqual(stats.endpoints[1], {
      endpoint: 'chat',
      requests: 9,
      errors: 4,
      rate_limited: 2,
      cache_hits: 1,
      fallbacks: 1,
      attempts: 9,
      tokens: { prompt: 1115, completion: 1077 },
      cost: { total: 0.00104845, currency: 'USD', by_currency: { USD: 0.00104845 } },
      // 1, 1, 2, 50, 100, 600, 800, 2000, 3000 ms; nearest rank; mean 6554 / 9
      latency_ms: { p50: 100, p95: 3000, p99: 3000, mean: 728.222 },
      by_status: { '200': 5, '429': 3, '502': 1 },
      by_provider: { openai: 4, none: 4, anthropic: 1 },
    });
    assert.deepEqual(stats.endpoints[2], {
      endpoint: 'embed',
      requests: 1,
      errors: 0,
      rate_limited: 0,
      cache_hits: 0,
      fallbacks: 0,
      attempts: 1,
      tokens: { prompt: 8, completion: 0 },
      cost: { total: 0, currency: 'USD', by_currency: {} },
      latency_ms: { p50: 40, p95: 40, p99: 40, mean: 40 },
      by_status: { '200': 1 },
      by_provider: { openai: 1 },
    });
    assert.deepEqual(stats.totals, {
      requests: 11,
      errors: 5,
      rate_limited: 2,
      cache_hits: 1,
      fallbacks: 1,
      attempts: 10,
      tokens: { prompt: 1123, completion: 1077 },
      cost: { total: 0.00104845, currency: 'USD', by_currency: { USD: 0.00104845 } },
      // adds 40 and 1 ms: 1, 1, 1, 2, 40, 50, 100, 600, 800, 2000, 3000; mean 6595 / 11
      latency_ms: { p50: 50, p95: 3000, p99: 3000, mean: 599.545 },
      by_status: { '200': 6, '429': 3, '502': 1, '404': 1 },
      by_provider: { openai: 5, none: 5, anthropic: 1 },
    });
    // The JSON the stats route sends is the same object.
    assert.deepEqual(JSON.parse(JSON.stringify(stats)), stats);
  });

  it('agrees with /metrics: the stats request count per endpoint equals the sum of its series', async () => {
    const metrics = new GatewayMetrics();
    for (const r of scriptedMix()) metrics.onRequest(r);
    const s = await scrape(metrics);
    for (const e of metrics.stats().endpoints) {
      const sum = Object.entries(family(s, 'gateway_requests_total'))
        .filter(([k]) => k.includes(`endpoint="${e.endpoint}"`))
        .reduce((a, [, v]) => a + v, 0);
      assert.equal(sum, e.requests, e.endpoint);
    }
  });

  it('computes latency percentiles over a bounded window of recent requests', () => {
    const metrics = new GatewayMetrics({ latencyWindow: 4 });
    for (const ms of [1000, 1000, 1000, 1000, 10, 20, 30, 40]) metrics.onRequest(rec(ms, { servedBy: CHAT }));
    const chat = metrics.stats().endpoints[0]!;
    assert.equal(chat.requests, 8);
    assert.deepEqual(chat.latency_ms, { p50: 20, p95: 40, p99: 40, mean: 512.5 });
  });

  it('has no latency before the first request', () => {
    const stats = new GatewayMetrics().stats();
    assert.deepEqual(stats.endpoints, []);
    assert.deepEqual(stats.totals.latency_ms, { p50: null, p95: null, p99: null, mean: null });
    assert.equal(stats.totals.requests, 0);
  });

  it('counts names the caller invents as (unknown), never as a label of their own', async () => {
    const metrics = new GatewayMetrics();
    for (let i = 0; i < 50; i++) {
      metrics.onRequest(rec(1, { endpoint: `probe-${i}-"}\n`, status: 404, error: { kind: 'not_found', message: 'No such endpoint.' } }));
    }
    // An upstream's 404 for a configured endpoint keeps the endpoint's name.
    metrics.onRequest(rec(5, { status: 404, error: { kind: 'not_found', message: 'model not found' }, attempts: [attempt(CHAT, 404)] }));
    const { body } = await metrics.render();
    assert.doesNotMatch(body, /probe-/);
    const s = parsePrometheus(body);
    assert.deepEqual(family(s, 'gateway_requests_total'), {
      'gateway_requests_total{endpoint="(unknown)",provider="none",status="404"}': 50,
      'gateway_requests_total{endpoint="chat",provider="none",status="404"}': 1,
    });
    assert.deepEqual(
      metrics.stats().endpoints.map((e) => [e.endpoint, e.requests]),
      [
        [UNKNOWN_ENDPOINT, 50],
        ['chat', 1],
      ],
    );
  });

  it('uses isKnownEndpoint, when given, for any outcome', async () => {
    const known = new Set(['chat']);
    const metrics = new GatewayMetrics({ isKnownEndpoint: (n) => known.has(n) });
    metrics.onRequest(rec(1, { endpoint: 'made-up', status: 400, error: { kind: 'invalid_request', message: 'bad body' } }));
    metrics.onRequest(rec(1, { status: 400, error: { kind: 'invalid_request', message: 'bad body' } }));
    const s = await scrape(metrics);
    assert.deepEqual(family(s, 'gateway_errors_total'), {
      'gateway_errors_total{endpoint="(unknown)",type="invalid_request"}': 1,
      'gateway_errors_total{endpoint="chat",type="invalid_request"}': 1,
    });
  });

  it('keeps each gateway in its own registry, out of the global one', async () => {
    const a = new GatewayMetrics();
    const b = new GatewayMetrics();
    a.onRequest(rec(10, { servedBy: CHAT }));
    a.onRequest(rec(10, { servedBy: CHAT }));
    b.onRequest(rec(10, { servedBy: CHAT }));
    const key = 'gateway_requests_total{endpoint="chat",provider="openai",status="200"}';
    assert.equal((await scrape(a)).get(key), 2);
    assert.equal((await scrape(b)).get(key), 1);
    assert.doesNotMatch(await globalRegistry.metrics(), /gateway_/);
  });

  it('reset() forgets everything and restarts the clock', async () => {
    let now = T0;
    const metrics = new GatewayMetrics({ now: () => now });
    for (const r of scriptedMix()) metrics.onRequest(r);
    now = T0 + 60_000;
    metrics.reset();
    const s = await scrape(metrics);
    assert.deepEqual(family(s, 'gateway_requests_total'), {});
    const stats = metrics.stats();
    assert.equal(stats.since, '2025-01-02T03:05:05.000Z');
    assert.deepEqual(stats.endpoints, []);
    assert.equal(stats.totals.requests, 0);
    metrics.onRequest(rec(10, { servedBy: CHAT }));
    assert.equal((await scrape(metrics)).get('gateway_requests_total{endpoint="chat",provider="openai",status="200"}'), 1);
  });

  it('survives nonsensical upstream usage without throwing or counting down', async () => {
    const metrics = new GatewayMetrics();
    metrics.onRequest(rec(10, { servedBy: CHAT, usage: { prompt_tokens: -3, completion_tokens: Number.NaN } }));
    const s = await scrape(metrics);
    assert.equal(s.get('gateway_tokens_total{direction="prompt",endpoint="chat",provider="openai"}'), 0);
    assert.deepEqual(metrics.stats().totals.tokens, { prompt: 0, completion: 0 });
  });
});

describe('AccessLog', () => {
  const FIELDS = [
    'time', 'request_id', 'endpoint', 'served_by', 'provider', 'model', 'front', 'operation', 'stream', 'status',
    'error_kind', 'duration_ms', 'upstream_ms', 'overhead_ms', 'attempts', 'cache_hit', 'rate_limited',
    'prompt_tokens', 'completion_tokens', 'cost', 'currency', 'caller',
  ];

  function logOf(records: RequestRecord[]): string[] {
    const lines: string[] = [];
    const log = new AccessLog((line) => lines.push(line));
    for (const r of records) log.onRequest(r);
    return lines;
  }

  it('writes one JSON line per request with every field, and no text of the exchange', () => {
    const mix = scriptedMix();
    const lines = logOf(mix);
    assert.equal(lines.length, mix.length);
    for (const line of lines) {
      assert.doesNotMatch(line, /\n/);
      const entry = JSON.parse(line) as Record<string, unknown>;
      assert.deepEqual(Object.keys(entry), FIELDS);
      for (const key of Object.keys(entry)) {
        assert.doesNotMatch(key, /^(prompts?|messages|input|contents?|text|message|error_message|system)$/, key);
      }
    }
    // Error messages stay out, only their kind is logged.
    const all = lines.join('\n');
    for (const r of mix) if (r.error) assert.ok(!all.includes(r.error.message), r.error.message);
  });

  it('logs who asked, who answered, timings, tokens and cost', () => {
    const [ok, , limited, , , fallback, cached] = scriptedMix();
    const okEntry = accessLogEntry({ ...ok!, caller: 'judge' });
    assert.deepEqual(okEntry, {
      time: '2025-01-02T03:04:05.000Z',
      request_id: ok!.id,
      endpoint: 'chat',
      served_by: 'chat',
      provider: 'openai',
      model: 'gpt-4o-mini',
      front: 'openai',
      operation: 'chat',
      stream: false,
      status: 200,
      error_kind: null,
      duration_ms: 100,
      upstream_ms: 90,
      overhead_ms: 10,
      attempts: 1,
      cache_hit: false,
      rate_limited: false,
      prompt_tokens: 10,
      completion_tokens: 20,
      cost: 0.0000135,
      currency: 'USD',
      caller: 'judge',
    });
    const l = accessLogEntry(limited!);
    assert.equal(l.status, 429);
    assert.equal(l.error_kind, 'rate_limit');
    assert.equal(l.rate_limited, true);
    assert.equal(l.served_by, null);
    assert.equal(l.provider, null);
    assert.equal(l.prompt_tokens, null);
    assert.equal(l.cost, null);
    assert.equal(l.caller, null);
    const f = accessLogEntry(fallback!);
    assert.equal(f.endpoint, 'chat');
    assert.equal(f.served_by, 'claude');
    assert.equal(f.provider, 'anthropic');
    assert.equal(f.attempts, 2);
    assert.equal(f.cost, 0.00028);
    assert.equal(accessLogEntry(cached!).cache_hit, true);
  });

  it('logs only its own fields, even from a record that carries more', () => {
    const leaky = { ...scriptedMix()[0]!, messages: [{ role: 'user', content: 'my secret plan' }], prompt: 'my secret plan' };
    const [line] = logOf([leaky]);
    assert.doesNotMatch(line!, /secret plan|messages|"prompt"/);
  });

  it('clips what a caller writes freely', () => {
    const long = 'x'.repeat(10_000);
    const entry = accessLogEntry(rec(1, { endpoint: long, caller: long, status: 404, error: { kind: 'not_found', message: 'no' } }));
    assert.ok(entry.endpoint.length <= 257);
    assert.ok(entry.caller!.length <= 257);
  });
});
