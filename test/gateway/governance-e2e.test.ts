/**
 * Governance end to end: each feature through a running standalone gateway, over HTTP, against the
 * wire-exact fake upstreams, with the gateway's clock, randomness and backoff sleep injected
 * (`runtime`) so timing is exact and nothing waits for real:
 *
 * - rate limit and burst: a full bucket of `burst`, 429 in each front's own format with
 *   Retry-After, refill at `calls` per period, capped at `burst`;
 * - retry then success: the upstream's 503 and 429 (its Retry-After honoured), a stream retried
 *   before its first byte, a Retry-After too long to wait passed back at once;
 * - fallback chain across three providers, and no fallback for a request the upstream rejected;
 * - a 70/30 traffic split over 1000 requests with a seeded random source;
 * - the response cache: a hit never reaches the upstream, a changed parameter does, TTL expiry;
 * - record, then replay with the upstream gone: identical answers, a miss naming its request hash,
 *   no key in any recorded file;
 * - hot reload of a good and then a bad edit while serving.
 */
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { stringify } from 'yaml';
import { z } from 'zod';
import { startGatewayServer, type GatewayServeOptions, type RunningGateway } from '../../src/gateway/server.ts';
import { startFakeLlmUpstreams, type FakeLlmUpstreams } from '../fakes/llm-upstreams.ts';
import { captureLog } from './helpers.ts';

const KEYS = {
  OPENAI_KEY: 'sk-gov-e2e-openai-7f3a9c41d2',
  ANTHROPIC_KEY: 'sk-ant-gov-e2e-51be02aa97',
  GEMINI_KEY: 'gemini-gov-e2e-c0ffee1234',
};
const ENV = { ...KEYS };

// ---- wire formats the tests read ----

const mlflowErrorSchema = z.looseObject({ error_code: z.string(), message: z.string() });
const openaiErrorSchema = z.looseObject({ error: z.looseObject({ message: z.string(), type: z.string(), code: z.string().nullable() }) });
const anthropicErrorSchema = z.looseObject({ type: z.literal('error'), error: z.looseObject({ type: z.string(), message: z.string() }) });
const chatSchema = z.looseObject({
  id: z.string(),
  model: z.string(),
  provider: z.string().optional(),
  choices: z.array(z.looseObject({ message: z.looseObject({ content: z.string().nullable() }) })).min(1),
});
const endpointsSchema = z.looseObject({ endpoints: z.array(z.looseObject({ name: z.string() })) });
const figuresSchema = z.looseObject({
  requests: z.number(),
  errors: z.number(),
  rate_limited: z.number(),
  cache_hits: z.number(),
  fallbacks: z.number(),
  attempts: z.number(),
  by_status: z.record(z.string(), z.number()),
  by_provider: z.record(z.string(), z.number()),
});
const statsSchema = z.looseObject({ endpoints: z.array(figuresSchema.extend({ endpoint: z.string() })), totals: figuresSchema });

// ---- helpers ----

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json(): unknown;
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) as unknown };
}

async function get(url: string): Promise<unknown> {
  const res = await fetch(url);
  assert.equal(res.status, 200, `GET ${url}`);
  return res.json();
}

function ok(a: Answer): z.output<typeof chatSchema> {
  assert.equal(a.status, 200, a.text);
  return chatSchema.parse(a.json());
}

const chat = (content: string, extra: Record<string, unknown> = {}) => ({ messages: [{ role: 'user', content }], ...extra });

/** Numerical Recipes' 32-bit LCG: a deterministic, evenly spread source for the traffic split. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

interface FakeRuntime {
  now: () => number;
  random: () => number;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  advance(ms: number): void;
  /** Every backoff the gateway asked for, in order. */
  waits: number[];
}

function fakeRuntime(random: () => number = () => 0.5): FakeRuntime {
  let t = 5_000_000;
  const waits: number[] = [];
  return {
    now: () => t,
    random,
    sleep: async (ms, signal) => {
      signal.throwIfAborted();
      waits.push(ms);
    },
    advance: (ms) => void (t += ms),
    waits,
  };
}


const openai = (fake: FakeLlmUpstreams, name: string) => ({ provider: 'openai', name, config: { openai_api_key: '$OPENAI_KEY', openai_api_base: fake.openaiBaseUrl } });
const anthropic = (fake: FakeLlmUpstreams, name: string) => ({ provider: 'anthropic', name, config: { anthropic_api_key: '$ANTHROPIC_KEY', anthropic_api_base: fake.anthropicBaseUrl } });
const gemini = (fake: FakeLlmUpstreams, name: string) => ({ provider: 'gemini', name, config: { gemini_api_key: '$GEMINI_KEY', gemini_api_base: fake.geminiBaseUrl } });
const chatEndpoint = (name: string, model: object, extra: Record<string, unknown> = {}) => ({ name, endpoint_type: 'llm/v1/chat', model, ...extra });

let dir: string;
let fake: FakeLlmUpstreams;
let configs = 0;
const gateways: RunningGateway[] = [];

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gateway-governance-e2e-'));
  fake = await startFakeLlmUpstreams({ apiKeys: { openai: KEYS.OPENAI_KEY, anthropic: KEYS.ANTHROPIC_KEY, gemini: KEYS.GEMINI_KEY } });
});
after(async () => {
  await Promise.all(gateways.map((g) => g.close()));
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  fake.reset();
  fake.respondWith(() => undefined);
});

async function writeConfig(config: object, file = join(dir, `gateway-${++configs}.yaml`)): Promise<string> {
  await writeFile(file, stringify(config));
  return file;
}

async function startGateway(config: object, options: Partial<GatewayServeOptions> = {}): Promise<RunningGateway & { configPath: string }> {
  const configPath = await writeConfig(config);
  const g = await startGatewayServer({ configPath, port: 0, watch: false, env: ENV, log: captureLog().log, ...options });
  gateways.push(g);
  return { ...g, configPath };
}

async function statsOf(g: RunningGateway, endpoint: string): Promise<z.output<typeof figuresSchema>> {
  const stats = statsSchema.parse(await get(`${g.url}/api/2.0/gateway/stats`));
  const e = stats.endpoints.find((x) => x.endpoint === endpoint);
  assert.ok(e, `no stats for ${endpoint}: ${JSON.stringify(stats.endpoints.map((x) => x.endpoint))}`);
  return e;
}

/** One Prometheus sample's value, by metric name and exact label set. */
async function metric(g: RunningGateway, name: string, labels: Record<string, string>): Promise<number | undefined> {
  const text = await (await fetch(`${g.url}/metrics`)).text();
  const want = Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .sort()
    .join(',');
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)\{(.*)\} (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = [...m[2]!.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, k, v]) => `${k}="${v}"`).sort().join(',');
    if (have === want) return Number(m[3]);
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------

describe('rate limit and burst (fake clock)', () => {
  it('admits a full bucket of `burst` calls, 429s with Retry-After in each front\'s format, refills at calls per period up to burst', async () => {
    const rt = fakeRuntime();
    const g = await startGateway(
      {
        endpoints: [
          // One token per 30 s, up to 3 held.
          chatEndpoint('bursty', openai(fake, 'gpt-4o-mini'), { limit: { calls: 2, renewal_period: 'minute', burst: 3 } }),
          // Without burst the bucket holds `calls`.
          chatEndpoint('steady', openai(fake, 'gpt-4o-mini'), { limit: { calls: 2, renewal_period: 'minute' } }),
        ],
      },
      { runtime: rt },
    );
    const mlflow = (name: string) => post(`${g.url}/gateway/${name}/invocations`, chat('hi'));

    for (let i = 0; i < 3; i++) ok(await mlflow('bursty'));
    const refused = await mlflow('bursty');
    assert.equal(refused.status, 429);
    assert.equal(refused.headers.get('retry-after'), '30');
    const body = mlflowErrorSchema.parse(refused.json());
    assert.equal(body.error_code, 'REQUEST_LIMIT_EXCEEDED');
    assert.match(body.message, /'bursty'.*2 calls per minute.*Retry after 30 s/);

    // The OpenAI front (a passthrough for this OpenAI endpoint) and the Anthropic front (translated) are limited too.
    const viaOpenai = await post(`${g.url}/gateway/openai/v1/chat/completions`, { model: 'bursty', ...chat('hi') });
    assert.equal(viaOpenai.status, 429);
    assert.equal(viaOpenai.headers.get('retry-after'), '30');
    const oe = openaiErrorSchema.parse(viaOpenai.json());
    assert.equal(oe.error.type, 'rate_limit_error');
    assert.equal(oe.error.code, 'rate_limit_exceeded');
    const viaAnthropic = await post(`${g.url}/gateway/anthropic/v1/messages`, { model: 'bursty', max_tokens: 10, ...chat('hi') });
    assert.equal(viaAnthropic.status, 429);
    assert.equal(viaAnthropic.headers.get('retry-after'), '30');
    assert.equal(anthropicErrorSchema.parse(viaAnthropic.json()).error.type, 'rate_limit_error');
    assert.equal(fake.requests.length, 3, 'a refused call never reaches the upstream');

    // 1 ms short of a token: still refused, and told to come back in a second.
    rt.advance(29_999);
    const almost = await mlflow('bursty');
    assert.equal(almost.status, 429);
    assert.equal(almost.headers.get('retry-after'), '1');
    rt.advance(1);
    ok(await mlflow('bursty'));
    assert.equal((await mlflow('bursty')).status, 429);

    // Ten idle minutes refill to the burst (3), not to twenty calls' worth.
    rt.advance(10 * 60_000);
    for (let i = 0; i < 3; i++) ok(await mlflow('bursty'));
    assert.equal((await mlflow('bursty')).status, 429);

    // `steady` holds 2, and its bucket is its own.
    ok(await mlflow('steady'));
    ok(await mlflow('steady'));
    const steadyRefused = await mlflow('steady');
    assert.equal(steadyRefused.status, 429);
    assert.equal(steadyRefused.headers.get('retry-after'), '30');

    const s = await statsOf(g, 'bursty');
    assert.equal(s.requests, 13);
    assert.equal(s.rate_limited, 6);
    assert.deepEqual(s.by_status, { '200': 7, '429': 6 });
    assert.equal(s.attempts, 7);
    assert.equal(await metric(g, 'gateway_rate_limited_total', { endpoint: 'bursty' }), 6);
    assert.equal(await metric(g, 'gateway_rate_limited_total', { endpoint: 'steady' }), 1);
  });
});

describe('retries', () => {
  it('retries an upstream 503 and 429 (honouring its Retry-After) and answers 200', async () => {
    const rt = fakeRuntime(() => 0.5);
    const g = await startGateway({ endpoints: [chatEndpoint('retrying', openai(fake, 'gpt-4o-mini'), { retries: 2 })] }, { runtime: rt });
    fake.enqueue({ error: { status: 503, message: 'The engine is currently overloaded.' } }, { error: { status: 429, message: 'Rate limit reached for gpt-4o-mini.', retryAfter: 2 } });

    const answer = ok(await post(`${g.url}/gateway/retrying/invocations`, chat('third time lucky')));
    assert.equal(answer.choices[0]!.message.content, 'Echo: third time lucky');
    assert.equal(answer.provider, 'openai');
    assert.equal(fake.requests.length, 3);
    // Full-jitter backoff after the 503 (0.5 × 250 ms), then exactly the upstream's Retry-After.
    assert.deepEqual(rt.waits, [125, 2000]);

    const s = await statsOf(g, 'retrying');
    assert.equal(s.requests, 1);
    assert.equal(s.attempts, 3);
    assert.equal(s.errors, 0);
    assert.deepEqual(s.by_status, { '200': 1 });
    assert.equal(await metric(g, 'gateway_attempts_total', { endpoint: 'retrying', provider: 'openai', outcome: 'error' }), 2);
    assert.equal(await metric(g, 'gateway_attempts_total', { endpoint: 'retrying', provider: 'openai', outcome: 'success' }), 1);
  });

  it('retries a stream that fails before its first byte', async () => {
    const rt = fakeRuntime(() => 0);
    const g = await startGateway({ endpoints: [chatEndpoint('retrying-stream', openai(fake, 'gpt-4o-mini'), { retries: 1 })] }, { runtime: rt });
    fake.enqueue({ error: { status: 500, message: 'The server had an error while processing your request.' } });
    const res = await post(`${g.url}/gateway/retrying-stream/invocations`, chat('stream me', { stream: true }));
    assert.equal(res.status, 200, res.text);
    assert.match(res.headers.get('content-type') ?? '', /text\/event-stream/);
    const text = res.text
      .split('\n')
      .filter((l) => l.startsWith('data: '))
      .map((l) => z.looseObject({ choices: z.array(z.looseObject({ delta: z.looseObject({ content: z.string().nullish() }) })) }).parse(JSON.parse(l.slice(6))))
      .map((c) => c.choices.map((ch) => ch.delta.content ?? '').join(''))
      .join('');
    assert.equal(text, 'Echo: stream me');
    assert.equal(fake.requests.length, 2);
    assert.deepEqual(rt.waits, [0]);
  });

  it('passes a Retry-After longer than the gateway waits back to the caller at once, and stops after the last retry', async () => {
    const rt = fakeRuntime();
    const g = await startGateway({ endpoints: [chatEndpoint('impatient', openai(fake, 'gpt-4o-mini'), { retries: 2 })] }, { runtime: rt });
    fake.enqueue({ error: { status: 429, message: 'Quota exceeded; try again in two minutes.', retryAfter: 120 } });
    const long = await post(`${g.url}/gateway/impatient/invocations`, chat('now please'));
    assert.equal(long.status, 429);
    assert.equal(long.headers.get('retry-after'), '120');
    assert.equal(mlflowErrorSchema.parse(long.json()).error_code, 'REQUEST_LIMIT_EXCEEDED');
    assert.deepEqual(rt.waits, []);
    assert.equal(fake.requests.length, 1);

    for (let i = 0; i < 3; i++) fake.enqueue({ error: { status: 503, message: 'overloaded' } });
    const exhausted = await post(`${g.url}/gateway/impatient/invocations`, chat('and again'));
    assert.equal(exhausted.status, 503);
    assert.equal(mlflowErrorSchema.parse(exhausted.json()).error_code, 'TEMPORARILY_UNAVAILABLE');
    assert.equal(fake.requests.length, 4, 'three attempts: the first and two retries');
    assert.equal(rt.waits.length, 2);
  });
});

describe('fallback chain', () => {
  const chainConfig = () => ({
    endpoints: [
      chatEndpoint('chain-a', openai(fake, 'gpt-4o-mini'), { retries: 1, fallbacks: ['chain-b', 'chain-c'] }),
      chatEndpoint('chain-b', gemini(fake, 'gemini-2.5-flash')),
      chatEndpoint('chain-c', anthropic(fake, 'claude-3-5-haiku-latest')),
    ],
  });

  it('goes A (retried) → B → C and answers from C, naming C\'s provider', async () => {
    const rt = fakeRuntime();
    const g = await startGateway(chainConfig(), { runtime: rt });
    fake.respondWith((r) => (r.vendor === 'anthropic' ? undefined : { error: { status: 500, message: `${r.vendor} is down` } }));

    const answer = ok(await post(`${g.url}/gateway/chain-a/invocations`, chat('who answers?')));
    assert.equal(answer.provider, 'anthropic');
    assert.equal(answer.model, 'claude-3-5-haiku-latest');
    assert.equal(answer.choices[0]!.message.content, 'Echo: who answers?');
    assert.deepEqual(
      fake.requests.map((r) => r.vendor),
      ['openai', 'openai', 'gemini', 'anthropic'],
    );
    assert.equal(rt.waits.length, 1, "A's one retry");

    // The OpenAI-style MLflow route says the same.
    fake.reset();
    const v1 = chatSchema.parse((await post(`${g.url}/gateway/mlflow/v1/chat/completions`, { model: 'chain-a', ...chat('again') })).json());
    assert.equal(v1.provider, 'anthropic');

    const s = await statsOf(g, 'chain-a');
    assert.equal(s.requests, 2);
    assert.equal(s.fallbacks, 2);
    assert.equal(s.attempts, 8);
    assert.deepEqual(s.by_provider, { anthropic: 2 });
    assert.equal(await metric(g, 'gateway_fallbacks_total', { endpoint: 'chain-a' }), 2);
  });

  it('does not fall back when the upstream rejected the request itself (400)', async () => {
    const rt = fakeRuntime();
    const g = await startGateway(chainConfig(), { runtime: rt });
    fake.respondWith((r) => (r.vendor === 'openai' ? { error: { status: 400, message: "Invalid value for 'temperature': must be at most 2." } } : undefined));

    const res = await post(`${g.url}/gateway/chain-a/invocations`, chat('bad', { temperature: 1.5 }));
    assert.equal(res.status, 400);
    const body = mlflowErrorSchema.parse(res.json());
    assert.equal(body.error_code, 'INVALID_PARAMETER_VALUE');
    assert.match(body.message, /Invalid value for 'temperature'/);
    assert.deepEqual(
      fake.requests.map((r) => r.vendor),
      ['openai'],
      'neither retried nor passed down the chain',
    );
    assert.deepEqual(rt.waits, []);
    const s = await statsOf(g, 'chain-a');
    assert.equal(s.fallbacks, 0);
    assert.deepEqual(s.by_status, { '400': 1 });
  });
});

describe('weighted traffic split', () => {
  it('splits 70/30 within ±5% over 1000 requests (seeded random)', async () => {
    const g = await startGateway(
      {
        endpoints: [chatEndpoint('split-a', openai(fake, 'gpt-a')), chatEndpoint('split-b', openai(fake, 'gpt-b'))],
        routes: [
          {
            name: 'split',
            task_type: 'llm/v1/chat',
            destinations: [
              { name: 'split-a', traffic_percentage: 70 },
              { name: 'split-b', traffic_percentage: 30 },
            ],
          },
        ],
      },
      { runtime: fakeRuntime(lcg(20260105)) },
    );
    const N = 1000;
    const served = { 'gpt-a': 0, 'gpt-b': 0 } as Record<string, number>;
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < N) {
        next++;
        const answer = ok(await post(`${g.url}/gateway/mlflow/v1/chat/completions`, { model: 'split', ...chat('which one?') }));
        served[answer.model] = (served[answer.model] ?? 0) + 1;
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));

    assert.deepEqual(Object.keys(served).sort(), ['gpt-a', 'gpt-b']);
    assert.equal(served['gpt-a']! + served['gpt-b']!, N);
    const share = served['gpt-a']! / N;
    assert.ok(Math.abs(share - 0.7) <= 0.05, `split-a got ${(share * 100).toFixed(1)}% of requests, expected 70 ± 5`);
    // What the callers saw is what the upstream got.
    assert.equal(fake.requests.filter((r) => r.model === 'gpt-a').length, served['gpt-a']);
    const s = await statsOf(g, 'split');
    assert.equal(s.requests, N);
  });
});

describe('response cache', () => {
  it('answers an identical request from the cache, a changed one from the upstream, and expires after ttl_seconds', async () => {
    const rt = fakeRuntime();
    const g = await startGateway({ endpoints: [chatEndpoint('cached', openai(fake, 'gpt-4o-mini'), { cache: { ttl_seconds: 60 } })] }, { runtime: rt });
    const ask = (temperature: number) => post(`${g.url}/gateway/cached/invocations`, chat('what is cached?', { temperature }));

    const first = ok(await ask(0.1));
    assert.equal(fake.requests.length, 1);
    const second = ok(await ask(0.1));
    assert.equal(fake.requests.length, 1, 'the identical request never reached the upstream');
    assert.deepEqual(second, first);
    assert.equal(second.provider, 'openai');

    const warmer = ok(await ask(0.9));
    assert.equal(fake.requests.length, 2, 'a different temperature is a different request');
    assert.notEqual(warmer.id, first.id);

    rt.advance(59_999);
    ok(await ask(0.1));
    assert.equal(fake.requests.length, 2, 'still fresh 1 ms before the TTL');
    rt.advance(1);
    const refreshed = ok(await ask(0.1));
    assert.equal(fake.requests.length, 3, 'expired at ttl_seconds');
    assert.notEqual(refreshed.id, first.id);

    const s = await statsOf(g, 'cached');
    assert.equal(s.requests, 5);
    assert.equal(s.cache_hits, 2);
    assert.equal(s.attempts, 3);
    assert.equal(await metric(g, 'gateway_cache_hits_total', { endpoint: 'cached' }), 2);
  });
});

describe('record, then replay with no upstream reachable', () => {
  it('replays identical answers offline, names the hash of a request it has not recorded, and stores no key', async () => {
    const recDir = join(dir, 'recordings');
    const live = await startFakeLlmUpstreams({ apiKeys: { openai: KEYS.OPENAI_KEY } });
    const config = {
      endpoints: [
        chatEndpoint('rec-chat', openai(live, 'gpt-4o-mini'), { retries: 2 }),
        { name: 'rec-embed', endpoint_type: 'llm/v1/embeddings', model: openai(live, 'text-embedding-3-small') },
      ],
    };
    const calls: [string, unknown][] = [
      ['/gateway/rec-chat/invocations', chat('record this answer', { temperature: 0.3 })],
      ['/gateway/rec-chat/invocations', chat('and this stream', { stream: true })],
      ['/gateway/rec-embed/invocations', { input: ['alpha', 'beta gamma'] }],
      // The OpenAI front forwards bytes verbatim for an OpenAI endpoint.
      ['/gateway/openai/v1/chat/completions', { model: 'rec-chat', ...chat('passthrough please'), stream: true }],
    ];
    const run = async (g: RunningGateway): Promise<{ status: number; type: string | null; text: string }[]> => {
      const out = [];
      for (const [path, body] of calls) {
        const a = await post(`${g.url}${path}`, body);
        out.push({ status: a.status, type: a.headers.get('content-type'), text: a.text });
      }
      return out;
    };

    const recorder = await startGateway(config, { record: recDir, runtime: fakeRuntime() });
    const recorded = await run(recorder);
    for (const r of recorded) assert.equal(r.status, 200, r.text);
    assert.equal(live.requests.length, calls.length);
    await recorder.close();
    await live.close();
    await assert.rejects(fetch(`${live.url}/v1/chat/completions`, { method: 'POST' }), 'the upstream is gone');

    const rt = fakeRuntime();
    const replayer = await startGatewayServer({ configPath: recorder.configPath, port: 0, watch: false, env: ENV, log: captureLog().log, replay: recDir, runtime: rt });
    gateways.push(replayer);
    assert.deepEqual(await run(replayer), recorded);

    // A request never recorded: an error in the front's format that names the missing file's hash, and no retry.
    const miss = await post(`${replayer.url}/gateway/rec-chat/invocations`, chat('never recorded'));
    assert.equal(miss.status, 502);
    const body = mlflowErrorSchema.parse(miss.json());
    const hash = /request hash ([0-9a-f]{64})/.exec(body.message)?.[1];
    assert.ok(hash, body.message);
    assert.match(body.message, /No recorded exchange for POST http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions/);
    assert.ok(body.message.includes(`--record ${recDir}`), body.message);
    assert.deepEqual(rt.waits, [], 'a replay miss is not retried');
    const viaOpenai = await post(`${replayer.url}/gateway/openai/v1/chat/completions`, { model: 'rec-chat', ...chat('never recorded either') });
    assert.equal(viaOpenai.status, 502);
    assert.match(openaiErrorSchema.parse(viaOpenai.json()).error.message, /request hash [0-9a-f]{64}/);

    const files = (await readdir(recDir)).sort();
    assert.equal(files.length, calls.length);
    assert.ok(!files.includes(`${hash}.json`));
    for (const f of files) {
      assert.match(f, /^[0-9a-f]{64}\.json$/);
      const text = await readFile(join(recDir, f), 'utf8');
      for (const [name, key] of Object.entries(KEYS)) assert.ok(!text.includes(key), `${name} in ${f}`);
    }
  });
});

describe('hot reload while serving', () => {
  /** Polls until `probe` gives a value; rewrites the config now and then, as a watcher may still be starting. */
  async function until<T>(what: string, probe: () => Promise<T | undefined>, rewrite: () => Promise<void>): Promise<T> {
    const deadline = Date.now() + 15_000;
    let lastWrite = Date.now();
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
      if (Date.now() - lastWrite > 1000) {
        await rewrite();
        lastWrite = Date.now();
      }
      await delay(25);
    }
  }

  it('applies a good edit, keeps serving through a bad one and logs why', async () => {
    const log = captureLog();
    const base = { endpoints: [chatEndpoint('hot-a', openai(fake, 'gpt-4o-mini'))] };
    const g = await startGateway(base, { watch: true, log: log.log });
    const names = async () => endpointsSchema.parse(await get(`${g.url}/api/2.0/endpoints/`)).endpoints.map((e) => e.name);
    assert.deepEqual(await names(), ['hot-a']);

    const good = { endpoints: [...base.endpoints, chatEndpoint('hot-b', anthropic(fake, 'claude-3-5-haiku-latest'))] };
    const writeGood = async () => void (await writeConfig(good, g.configPath));
    await writeGood();
    await until('hot-b to appear', async () => ((await names()).includes('hot-b') ? true : undefined), writeGood);
    assert.deepEqual(await names(), ['hot-a', 'hot-b']);
    assert.equal(ok(await post(`${g.url}/gateway/hot-b/invocations`, chat('new endpoint'))).provider, 'anthropic');
    assert.ok(log.info.some((m) => m.includes(`gateway config reloaded from ${g.configPath} (2 endpoints)`)), log.info.join('\n'));

    // A misspelt provider: the file no longer validates.
    const bad = { endpoints: [...good.endpoints, chatEndpoint('hot-c', { ...openai(fake, 'gpt-4o-mini'), provider: 'opneai' })] };
    const writeBad = async () => void (await writeConfig(bad, g.configPath));
    await writeBad();
    const why = await until('the bad edit to be logged', async () => log.error.at(-1), writeBad);
    assert.ok(why.startsWith(`gateway config ${g.configPath} not applied, keeping the running one: `), why);
    assert.match(why, /endpoints\[2\]\.model\.provider: unknown provider "opneai"\. Did you mean "openai"\?/);
    assert.deepEqual(await names(), ['hot-a', 'hot-b']);
    ok(await post(`${g.url}/gateway/hot-a/invocations`, chat('still here')));
    ok(await post(`${g.url}/gateway/hot-b/invocations`, chat('me too')));
    const hotC = await post(`${g.url}/gateway/hot-c/invocations`, chat('not yet'));
    assert.equal(hotC.status, 404);
    assert.equal(mlflowErrorSchema.parse(hotC.json()).error_code, 'RESOURCE_DOES_NOT_EXIST');

    for (const line of [...log.info, ...log.error]) for (const key of Object.values(KEYS)) assert.ok(!line.includes(key), line);
  });
});
