/**
 * Every target kind against something real: gateway targets and the scorers' services against a
 * running gateway (priced, so its cost header is read) over the fake OpenAI upstream; the OpenAI
 * target against the same fake; model servers and header checks against small scripted HTTP
 * servers; commands as child processes of this Node.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { startGatewayServer, type RunningGateway } from '../../src/gateway/server.ts';
import { gatewayServices } from '../../src/evaluate/services.ts';
import { createTarget, TargetError, type Target } from '../../src/evaluate/targets/index.ts';
import type { SuiteTarget } from '../../src/evaluate/suite.ts';
import { ScorerError, type ChatMessage, type EvalRow } from '../../src/evaluate/types.ts';
import { init, InMemoryTraceExporter, withSpan } from '../../src/tracing/index.ts';
import { startFakeLlmUpstreams, type FakeLlmUpstreams } from '../fakes/llm-upstreams.ts';

const OPENAI_KEY = 'sk-eval-targets-openai-5f2c91d7e0';
const GATEWAY_TOKEN = 'gw-eval-targets-token-81b3a4';

const ROW: EvalRow = { index: 3, inputs: { question: 'What is 2+2?', n: 2 }, expected: '4' };
const MESSAGES: ChatMessage[] = [
  { role: 'system', content: 'Answer briefly.' },
  { role: 'user', content: 'What is 2+2?' },
];
const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

const call = (target: Target, options: { signal?: AbortSignal; headers?: Record<string, string>; row?: EvalRow } = {}) =>
  target.call(options.row ?? ROW, target.needsMessages ? MESSAGES : undefined, { signal: options.signal ?? AbortSignal.timeout(10_000), headers: options.headers ?? {} });

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => assert.fail('expected a rejection'),
    (err: unknown) => err,
  );
}

async function targetError(promise: Promise<unknown>): Promise<TargetError> {
  const err = await rejection(promise);
  assert.ok(err instanceof TargetError, `expected a TargetError, got ${String(err)}`);
  return err;
}

interface Hit {
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

interface Scripted {
  url: string;
  hits: Hit[];
  close(): Promise<void>;
}

type Handler = (hit: Hit, res: http.ServerResponse) => void;

/** An HTTP server answering from a script, one handler per request in order (the last repeats). */
async function scriptedServer(script: Handler[]): Promise<Scripted> {
  const hits: Hit[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      const hit = { url: req.url ?? '', headers: req.headers, body };
      hits.push(hit);
      script[Math.min(hits.length - 1, script.length - 1)]!(hit, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Handler =>
  (_hit, res) =>
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));

const PRICING = { 'gpt-4o-mini': { input_per_million_tokens: 0.15, output_per_million_tokens: 0.6 } };

describe('gateway targets and scorer services against a running gateway', () => {
  let dir: string;
  let fake: FakeLlmUpstreams;
  let gateway: RunningGateway;
  const accessLines: string[] = [];
  const targets: Target[] = [];
  const env = { MLFLOW_GATEWAY_AUTH_TOKEN: GATEWAY_TOKEN };

  const gatewayTarget = (endpoint: string, params: Record<string, unknown> = {}): Target => {
    const t = createTarget({ kind: 'gateway', name: `gw-${endpoint}`, endpoint, params }, { gatewayUri: gateway.url, env });
    targets.push(t);
    return t;
  };

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'eval-targets-'));
    fake = await startFakeLlmUpstreams({ apiKeys: { openai: OPENAI_KEY } });
    const openai = (name: string) => ({ provider: 'openai', name, config: { openai_api_key: '$OPENAI_KEY', openai_api_base: fake.openaiBaseUrl } });
    const config = {
      endpoints: [
        { name: 'chat', endpoint_type: 'llm/v1/chat', model: openai('gpt-4o-mini') },
        // Not in the pricing block: its answers carry no price.
        { name: 'unpriced', endpoint_type: 'llm/v1/chat', model: openai('gpt-4o') },
        { name: 'completions', endpoint_type: 'llm/v1/completions', model: openai('gpt-3.5-turbo-instruct') },
        { name: 'embeddings', endpoint_type: 'llm/v1/embeddings', model: openai('text-embedding-3-small') },
      ],
      pricing: PRICING,
    };
    const configPath = join(dir, 'gateway.yaml');
    await writeFile(configPath, stringify(config));
    gateway = await startGatewayServer({
      configPath,
      port: 0,
      watch: false,
      env: { OPENAI_KEY },
      authToken: GATEWAY_TOKEN,
      accessLog: (line) => accessLines.push(line),
      log: { info: () => {}, error: () => {} },
    });
  });

  after(async () => {
    for (const t of targets) await t.close?.();
    await gateway?.close();
    await fake?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('answers a chat row with the text, the usage and the price from X-MLflow-Gateway-Cost-USD', async () => {
    fake.enqueue({ text: 'four', usage: { inputTokens: 1000, outputTokens: 2000 } });
    const answer = await call(gatewayTarget('chat', { temperature: 0.1 }));
    assert.equal(answer.text, 'four');
    assert.equal(answer.value, 'four');
    assert.deepEqual(answer.usage, { input_tokens: 1000, output_tokens: 2000, total_tokens: 3000 });
    // 1000 × 0.15/M + 2000 × 0.6/M, as the pricing block says.
    assert.equal(answer.costUsd, 0.00135);
    const sent = fake.requests.at(-1)!;
    assert.deepEqual(sent.body.messages, MESSAGES);
    assert.equal(sent.body.temperature, 0.1);
  });

  it('has no price for a model the pricing block does not list', async () => {
    fake.enqueue({ text: 'four', usage: { inputTokens: 10, outputTokens: 20 } });
    const answer = await call(gatewayTarget('unpriced'));
    assert.equal(answer.text, 'four');
    assert.equal(answer.costUsd, undefined);
  });

  it('sends a completions endpoint the prompt text and reads choices[0].text', async () => {
    fake.enqueue({ text: 'the end', usage: { inputTokens: 3, outputTokens: 2 } });
    const answer = await call(gatewayTarget('completions'));
    assert.equal(answer.text, 'the end');
    assert.equal(fake.requests.at(-1)!.body.prompt, 'Answer briefly.\n\nWhat is 2+2?');
    assert.deepEqual(answer.usage, { input_tokens: 3, output_tokens: 2, total_tokens: 5 });
  });

  it('names an unknown endpoint as a non-retryable error', async () => {
    const err = await targetError(call(gatewayTarget('nope')));
    assert.equal(err.retryable, false);
    assert.equal(err.status, 404);
    assert.match(err.message, /^target "gw-nope": the gateway at .* has no endpoint 'nope'/);
  });

  it('classifies a refused request (4xx) as not retryable and an upstream failure (5xx) as retryable', async () => {
    fake.enqueue({ error: { status: 400, message: 'bad request from upstream' } });
    const bad = await targetError(call(gatewayTarget('chat')));
    assert.equal(bad.retryable, false);
    assert.equal(bad.status, 400);
    assert.match(bad.message, /target "gw-chat": gateway endpoint 'chat': .*bad request from upstream/);

    fake.respondWith(() => ({ error: { status: 500, message: 'upstream down' } }));
    try {
      const down = await targetError(call(gatewayTarget('chat')));
      assert.equal(down.retryable, true);
      assert.ok(down.status! >= 500, `status ${down.status}`);
    } finally {
      fake.respondWith(undefined);
    }
    assert.ok(!bad.message.includes(OPENAI_KEY) && !bad.message.includes(GATEWAY_TOKEN));
  });

  it('services: a judge chat returns text, usage and price; embeddings return one vector per input', async () => {
    const services = gatewayServices(gateway.url, { env, retries: 0 });
    try {
      fake.enqueue({ text: '{"score": 4, "rationale": "ok"}', usage: { inputTokens: 100, outputTokens: 10 } });
      const judged = await services.chat('chat', MESSAGES, { temperature: 0 });
      assert.equal(judged.text, '{"score": 4, "rationale": "ok"}');
      assert.equal(judged.costUsd, 0.000021);
      assert.equal(fake.requests.at(-1)!.body.temperature, 0);
      const caller = JSON.parse(accessLines.at(-1)!) as { caller: string | null };
      assert.equal(caller.caller, 'judge');

      const vectors = await services.embed('embeddings', ['a b', 'c']);
      assert.equal(vectors.length, 2);
      assert.ok(vectors.every((v) => v.length > 0 && v.every((x) => typeof x === 'number')));
      assert.notDeepEqual(vectors[0], vectors[1]);

      const wrong = await rejection(services.embed('chat', ['a']));
      assert.ok(wrong instanceof ScorerError);
      const missing = await rejection(services.chat('nope', MESSAGES));
      assert.ok(missing instanceof ScorerError);
      assert.match(missing.message, /gateway endpoint 'nope' \(judge\)/);
    } finally {
      await services.close();
    }
  });
});

describe('gateway target and services: what goes over the wire', () => {
  let server: Scripted;
  const endpoint = { name: 'chat', endpoint_type: 'llm/v1/chat', model: { name: 'm', provider: 'openai' }, endpoint_url: '/gateway/chat/invocations', limit: null };
  const chatAnswer = { choices: [{ message: { role: 'assistant', content: 'hi' } }], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } };

  before(async () => {
    server = await scriptedServer([
      (hit, res) => {
        if (hit.url.startsWith('/api/2.0/endpoints/')) json(200, endpoint)(hit, res);
        else json(200, chatAnswer, { 'X-MLflow-Gateway-Cost-USD': '0.5' })(hit, res);
      },
    ]);
  });
  after(async () => server.close());

  it('sends the traceparent and the gateway token, which a caller header cannot replace', async () => {
    const target = createTarget({ kind: 'gateway', name: 'g', endpoint: 'chat', params: {} }, { gatewayUri: server.url, env: { MLFLOW_GATEWAY_AUTH_TOKEN: 'right-token' } });
    try {
      const answer = await call(target, { headers: { traceparent: TRACEPARENT, Authorization: 'Bearer wrong' } });
      assert.equal(answer.costUsd, 0.5);
      const invocation = server.hits.at(-1)!;
      assert.equal(invocation.url, '/endpoints/chat/invocations');
      assert.equal(invocation.headers.traceparent, TRACEPARENT);
      assert.equal(invocation.headers.authorization, 'Bearer right-token');
    } finally {
      await target.close?.();
    }
  });

  it('asks the endpoint type once, however many rows', async () => {
    const target = createTarget({ kind: 'gateway', name: 'g', endpoint: 'chat', params: {} }, { gatewayUri: server.url, env: {} });
    try {
      const before = server.hits.length;
      await Promise.all([call(target), call(target), call(target)]);
      await call(target);
      const hits = server.hits.slice(before);
      assert.equal(hits.filter((h) => h.url === '/api/2.0/endpoints/chat').length, 1);
      assert.equal(hits.filter((h) => h.url === '/endpoints/chat/invocations').length, 4);
    } finally {
      await target.close?.();
    }
  });

  it('services send the active span\'s traceparent', async () => {
    init({ exporter: new InMemoryTraceExporter(), configFile: false, handleSignals: false });
    const services = gatewayServices(server.url, { env: {} });
    try {
      const spanTraceparent = await withSpan({ name: 'judge-caller' }, async (span) => {
        await services.chat('chat', MESSAGES);
        return `00-${span.traceId.slice(3)}-${span.spanId}-01`;
      });
      assert.equal(server.hits.at(-1)!.headers.traceparent, spanTraceparent);
      await services.chat('chat', MESSAGES);
      assert.equal(server.hits.at(-1)!.headers.traceparent, undefined, 'no span, no traceparent');
    } finally {
      await services.close();
    }
  });

  it('a gateway target without a gateway address fails at creation; services without one fail per call', async () => {
    assert.throws(() => createTarget({ kind: 'gateway', name: 'g', endpoint: 'chat', params: {} }, {}), /needs the gateway's address/);
    const err = await rejection(gatewayServices('').chat('chat', MESSAGES));
    assert.ok(err instanceof ScorerError);
    assert.match(err.message, /no gateway address is set/);
  });
});

describe('openai target', () => {
  let fake: FakeLlmUpstreams;
  before(async () => {
    fake = await startFakeLlmUpstreams({ apiKeys: { openai: OPENAI_KEY } });
  });
  after(async () => fake.close());

  const spec = (baseUrl: string, apiKeyEnv?: string): SuiteTarget => ({ kind: 'openai', name: 'oai', baseUrl, model: 'gpt-4o-mini', params: { max_tokens: 5 }, ...(apiKeyEnv ? { apiKeyEnv } : {}) });

  it('posts model, messages and params with the key from api_key_env, and reads text and usage', async () => {
    fake.enqueue({ text: 'four', usage: { inputTokens: 7, outputTokens: 1 } });
    const target = createTarget(spec(`${fake.openaiBaseUrl}/`, 'MY_KEY'), { env: { MY_KEY: OPENAI_KEY } });
    const answer = await call(target, { headers: { traceparent: TRACEPARENT } });
    assert.deepEqual(answer, { text: 'four', value: 'four', usage: { input_tokens: 7, output_tokens: 1, total_tokens: 8 } });
    const sent = fake.requests.at(-1)!;
    assert.equal(sent.path, '/v1/chat/completions');
    assert.equal(sent.body.model, 'gpt-4o-mini');
    assert.equal(sent.body.max_tokens, 5);
    assert.deepEqual(sent.body.messages, MESSAGES);
    assert.equal(sent.headers.authorization, `Bearer ${OPENAI_KEY}`);
    assert.equal(sent.headers.traceparent, TRACEPARENT);
  });

  it('refuses to start when the key variable is unset', () => {
    assert.throws(() => createTarget(spec(fake.openaiBaseUrl, 'UNSET_KEY'), { env: {} }), (err: unknown) => err instanceof TargetError && /UNSET_KEY/.test(err.message));
  });

  it('never puts the key in an error, even when the server echoes it', async () => {
    const echo = await scriptedServer([(hit, res) => json(401, { error: { message: `Incorrect API key provided: ${String(hit.headers.authorization)}` } })(hit, res)]);
    try {
      const target = createTarget(spec(echo.url, 'MY_KEY'), { env: { MY_KEY: OPENAI_KEY } });
      const err = await targetError(call(target));
      assert.equal(err.status, 401);
      assert.equal(err.retryable, false);
      assert.match(err.message, /^target "oai": HTTP 401: Incorrect API key provided: Bearer \*\*\*/);
      assert.ok(!err.message.includes(OPENAI_KEY));
    } finally {
      await echo.close();
    }
  });

  it('reports a refused connection as not retryable, and an answer of the wrong shape', async () => {
    const closed = await scriptedServer([json(200, {})]);
    await closed.close();
    const refused = await targetError(call(createTarget(spec(closed.url), {})));
    assert.equal(refused.retryable, false);
    assert.match(refused.message, /ECONNREFUSED/);

    const odd = await scriptedServer([json(200, { answer: 'four' })]);
    try {
      const err = await targetError(call(createTarget(spec(odd.url), {})));
      assert.match(err.message, /not a chat completion \(choices:/);
    } finally {
      await odd.close();
    }
  });
});

describe('model_server target', () => {
  const spec = (url: string, params: Record<string, unknown> = {}): SuiteTarget => ({ kind: 'model_server', name: 'ms', url, params });

  it('sends the row inputs (not the expected answer) as dataframe_records, with params, and reads the first prediction', async () => {
    const server = await scriptedServer([json(200, { predictions: [{ label: 4 }] }), json(200, ['bare'])]);
    try {
      const target = createTarget(spec(`${server.url}/invocations`, { threshold: 0.5 }));
      assert.equal(target.needsMessages, false);
      const answer = await call(target, { headers: { traceparent: TRACEPARENT } });
      assert.deepEqual(answer, { text: '{"label":4}', value: { label: 4 } });
      assert.deepEqual(JSON.parse(server.hits[0]!.body), { dataframe_records: [{ question: 'What is 2+2?', n: 2 }], params: { threshold: 0.5 } });
      assert.equal(server.hits[0]!.headers.traceparent, TRACEPARENT);
      assert.deepEqual(await call(target), { text: 'bare', value: 'bare' });
    } finally {
      await server.close();
    }
  });

  it('sends no params when there are none, and classifies 503 as retryable and 400 as not', async () => {
    const server = await scriptedServer([
      json(503, { error_code: 'TEMPORARILY_UNAVAILABLE', message: 'loading' }, { 'retry-after': '2' }),
      json(400, { error_code: 'BAD_REQUEST', message: 'missing column x' }),
      json(200, { predictions: [] }),
    ]);
    try {
      const target = createTarget(spec(server.url));
      const busy = await targetError(call(target));
      assert.deepEqual([busy.status, busy.retryable, busy.retryAfterMs], [503, true, 2000]);
      assert.deepEqual(JSON.parse(server.hits[0]!.body), { dataframe_records: [ROW.inputs] });
      const bad = await targetError(call(target));
      assert.deepEqual([bad.status, bad.retryable], [400, false]);
      assert.match(bad.message, /^target "ms": HTTP 400: BAD_REQUEST: missing column x \(POST http/);
      const none = await targetError(call(target));
      assert.match(none.message, /no prediction/);
    } finally {
      await server.close();
    }
  });

  it('rejects with the signal\'s reason when cancelled', async () => {
    const server = await scriptedServer([() => {}]);
    try {
      const controller = new AbortController();
      const pending = call(createTarget(spec(server.url)), { signal: controller.signal });
      await new Promise((r) => setTimeout(r, 20));
      const reason = new Error('stop');
      controller.abort(reason);
      assert.equal(await rejection(pending), reason);
    } finally {
      await server.close();
    }
  });
});

describe('command target', () => {
  const node = process.execPath;
  /** Echoes `{"answer": <question>, "expected": <expected>}` as JSON. */
  const echoScript = `let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const r=JSON.parse(s);process.stdout.write(JSON.stringify({answer:r.inputs.question,expected:r.expected ?? null})+'\\n')})`;
  const spec = (command: string | string[]): SuiteTarget => ({ kind: 'command', name: 'cmd', command, cwd: tmpdir() });

  it('runs an argv command with the row inputs (never the expected answer) as JSON on stdin and parses JSON stdout', async () => {
    const answer = await call(createTarget(spec([node, '-e', echoScript])));
    assert.deepEqual(answer.value, { answer: 'What is 2+2?', expected: null });
    assert.equal(answer.text, '{"answer":"What is 2+2?","expected":null}');
  });

  it('runs a command line through a shell; plain-text stdout is the answer', async () => {
    const script = `process.stdin.resume();process.stdin.on('end',()=>console.log('plain answer'))`;
    const answer = await call(createTarget(spec(`"${node}" -e "${script}"`)));
    assert.deepEqual(answer, { text: 'plain answer', value: 'plain answer' });
  });

  it('a JSON string on stdout is the answer as text', async () => {
    const answer = await call(createTarget(spec([node, '-e', 'console.log(JSON.stringify("four"))'])));
    assert.deepEqual(answer, { text: 'four', value: 'four' });
  });

  it('a non-zero exit is an error with the end of stderr', async () => {
    const script = `for (let i = 0; i < 30; i++) console.error('line ' + i); process.exit(3)`;
    const err = await targetError(call(createTarget(spec([node, '-e', script]))));
    assert.equal(err.retryable, false);
    assert.match(err.message, /exited with code 3; stderr ends with:\nline 20\n.*\nline 29$/s);
    assert.ok(!err.message.includes('line 19'));
  });

  it('a program that does not exist is a clear error', async () => {
    const err = await targetError(call(createTarget(spec(['/nonexistent/program-x']))));
    assert.match(err.message, /could not be run \(ENOENT\)/);
  });

  it('is killed when cancelled', async () => {
    const controller = new AbortController();
    const pending = call(createTarget(spec([node, '-e', 'setTimeout(() => {}, 60000)'])), { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('cancelled')), 50);
    const err = await rejection(pending);
    assert.equal((err as Error).message, 'cancelled');
  });
});
