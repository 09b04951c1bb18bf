/**
 * The gateway as a new user meets it, getting things wrong: config mistakes stop start-up with one
 * message naming the file, the line, the YAML path and the fix; request mistakes are 4xx answers
 * in the front's own error format (never a 500) that go nowhere upstream; and a client that hangs
 * up mid-stream leaves no socket open on either side of the gateway.
 */
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GatewayConfigError, parseGatewayConfig } from '../../src/gateway/config.ts';
import { startGatewayServer, type RunningGateway } from '../../src/gateway/server.ts';
import { startFakeLlmUpstreams, type FakeLlmUpstreams } from '../fakes/llm-upstreams.ts';

/** Whatever shape a vendor's JSON error has; read field by field. */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- four vendors' error bodies, read ad hoc

const OPENAI_ENDPOINT = (base: string, key = '$OPENAI_API_KEY') =>
  ['endpoints:', '  - name: chat', '    endpoint_type: llm/v1/chat', '    model:', '      provider: openai', '      name: gpt-4o-mini', '      config:', `        openai_api_key: ${key}`, `        openai_api_base: ${base}`, ''].join('\n');

describe('start-up: config mistakes are one GatewayConfigError naming file, line, path and fix', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gw-bad-config-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const valid = OPENAI_ENDPOINT('https://api.openai.com/v1');
  const CASES: { name: string; yaml: string; env?: Record<string, string>; path: string; line: number | undefined; fix: RegExp; secret?: string }[] = [
    {
      name: 'an unknown provider',
      yaml: valid.replace('provider: openai', 'provider: opneai'),
      path: 'endpoints[0].model.provider',
      line: 5,
      fix: /unknown provider "opneai"\. Did you mean "openai"\? Use one of: .*anthropic.*openai/,
    },
    {
      name: 'an unknown config key (a typo), whose value is never quoted',
      yaml: valid.replace('openai_api_key: $OPENAI_API_KEY', 'openai_api_kye: sk-typo-held-secret-123456'),
      path: 'endpoints[0].model.config.openai_api_kye',
      line: 8,
      fix: /unknown key "openai_api_kye"\. Did you mean "openai_api_key"\? Valid keys here: openai_api_key, /,
      secret: 'sk-typo-held-secret-123456',
    },
    {
      name: 'an unknown key at the top of an endpoint',
      yaml: valid.replace('    endpoint_type:', '    timeout_secs: 5\n    endpoint_type:'),
      path: 'endpoints[0].timeout_secs',
      line: 3,
      fix: /unknown key "timeout_secs"\..*Valid keys here: .*timeout/,
    },
    {
      name: 'a missing environment variable',
      yaml: valid,
      env: { OPENAI_API_KEYS: 'close but no' },
      path: 'endpoints[0].model.config.openai_api_key',
      line: 8,
      fix: /environment variable OPENAI_API_KEY is not set\. Set it in the gateway's environment, or change this value\./,
      secret: 'close but no',
    },
    {
      name: 'bad YAML (an unclosed flow sequence)',
      yaml: valid.replace('      config:', '      config: [\n'),
      path: '',
      line: undefined,
      fix: /invalid YAML \(column \d+\): .*\. Fix the syntax there\./,
    },
    {
      name: 'bad YAML (a tab for indentation)',
      yaml: valid.replace('    endpoint_type', '\tendpoint_type'),
      path: '',
      line: 3,
      fix: /invalid YAML .*Fix the syntax there\./,
    },
    {
      name: "MLflow 2.x's route_type",
      yaml: valid.replace('endpoint_type:', 'route_type:'),
      path: 'endpoints[0].route_type',
      line: 3,
      fix: /MLflow renamed "route_type" to "endpoint_type"\. Rename the key\./,
    },
    {
      name: 'an endpoint_type that does not exist',
      yaml: valid.replace('llm/v1/chat', 'llm/v1/chats'),
      path: 'endpoints[0].endpoint_type',
      line: 3,
      fix: /must be one of: llm\/v1\/chat, llm\/v1\/completions, llm\/v1\/embeddings/,
    },
  ];

  for (const c of CASES) {
    it(c.name, async () => {
      const file = join(dir, `${c.name.replace(/\W+/g, '-')}.yaml`);
      await writeFile(file, c.yaml);
      const env = c.env ?? { OPENAI_API_KEY: 'sk-startup-test' };
      const check = (err: unknown): true => {
        assert.ok(err instanceof GatewayConfigError, String(err));
        assert.equal(err.file, file);
        // The first problem is the mistake itself (a typo also makes the real key "missing", listed after).
        assert.equal(err.path, c.path, err.message);
        if (c.line !== undefined) assert.equal(err.line, c.line, err.message);
        assert.ok(err.line !== undefined, `a line number: ${err.message}`);
        const first = err.message.split('\n')[0]!;
        assert.ok(first.startsWith(`${file}:${err.line}: ${c.path ? `${c.path}: ` : ''}`), err.message);
        assert.match(first, c.fix);
        if (c.secret) assert.ok(!err.message.includes(c.secret), err.message);
        return true;
      };
      await assert.rejects(startGatewayServer({ configPath: file, port: 0, watch: false, env, log: { info: () => {}, error: () => {} } }), check);
      await assert.rejects(parseGatewayConfig(c.yaml, { file, env }), check);
    });
  }

  it('a config file that does not exist', async () => {
    const file = join(dir, 'missing.yaml');
    await assert.rejects(startGatewayServer({ configPath: file, port: 0, watch: false, env: {} }), (err: unknown) => {
      assert.ok(err instanceof GatewayConfigError);
      assert.equal(err.message, `${file}: file not found. Pass the path of an existing gateway config (--config-path or MLFLOW_GATEWAY_CONFIG).`);
      return true;
    });
  });

  it(
    'a key file ending in a newline (`echo $KEY > key.txt`) works, or fails at start-up naming the fix',
    async () => {
      const fake = await startFakeLlmUpstreams({ apiKeys: { anthropic: 'sk-ant-from-file' } });
      const keyFile = join(dir, 'anthropic.key');
      await writeFile(keyFile, 'sk-ant-from-file\n');
      const file = join(dir, 'key-file.yaml');
      await writeFile(
        file,
        ['endpoints:', '  - name: claude', '    endpoint_type: llm/v1/chat', '    model:', '      provider: anthropic', '      name: claude-sonnet-4-5', '      config:', `        anthropic_api_key: ${keyFile}`, `        anthropic_api_base: ${fake.anthropicBaseUrl}`, ''].join('\n'),
      );
      let gateway: RunningGateway | undefined;
      try {
        gateway = await startGatewayServer({ configPath: file, port: 0, watch: false, env: {} });
      } catch (err) {
        // Refusing at start-up is fine if it says what to do.
        assert.ok(err instanceof GatewayConfigError);
        assert.match(err.message, /newline/);
        await fake.close();
        return;
      }
      try {
        const res = await fetch(`${gateway.url}/gateway/claude/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages: [{ role: 'user', content: 'hi' }] }) });
        assert.equal(res.status, 200, await res.text());
      } finally {
        await gateway.close();
        await fake.close();
      }
    },
  );
});

interface Front {
  name: string;
  url(endpoint: string): string;
  /** A valid chat request body for this front (no `model` on the routes that name it in the path). */
  body(endpoint: string): Json;
  /** The front's own error shape. */
  isError(status: number, body: Json): boolean;
  /** A chat endpoint this front translates to (so the gateway, not the upstream, validates). */
  translated: string;
}

const isMlflowError = (_s: number, b: Json) => typeof b.error_code === 'string' && typeof b.message === 'string' && b.message !== '';
const isOpenaiError = (_s: number, b: Json) => typeof b.error?.message === 'string' && b.error.message !== '' && typeof b.error.type === 'string';
const isAnthropicError = (_s: number, b: Json) => b.type === 'error' && typeof b.error?.type === 'string' && typeof b.error.message === 'string' && b.error.message !== '';
const isGeminiError = (s: number, b: Json) => b.error?.code === s && typeof b.error.status === 'string' && typeof b.error.message === 'string' && b.error.message !== '';

const user = [{ role: 'user', content: 'hello' }];
const FRONTS: Front[] = [
  { name: 'MLflow legacy', url: (e) => `/endpoints/${e}/invocations`, body: () => ({ messages: user }), isError: isMlflowError, translated: 'gpt' },
  { name: 'MLflow gateway', url: (e) => `/gateway/${e}/invocations`, body: () => ({ messages: user }), isError: isMlflowError, translated: 'gpt' },
  { name: 'MLflow 3.x', url: (e) => `/gateway/${e}/mlflow/invocations`, body: () => ({ messages: user }), isError: isMlflowError, translated: 'gpt' },
  { name: 'MLflow 3.x mlflow/v1', url: () => '/gateway/mlflow/v1/chat/completions', body: (model) => ({ model, messages: user }), isError: isOpenaiError, translated: 'gpt' },
  { name: 'root /v1', url: () => '/v1/chat/completions', body: (model) => ({ model, messages: user }), isError: isOpenaiError, translated: 'gpt' },
  { name: 'OpenAI', url: () => '/gateway/openai/v1/chat/completions', body: (model) => ({ model, messages: user }), isError: isOpenaiError, translated: 'claude' },
  { name: 'OpenAI Responses', url: () => '/gateway/openai/v1/responses', body: (model) => ({ model, input: 'hello' }), isError: isOpenaiError, translated: 'claude' },
  { name: 'Anthropic', url: () => '/gateway/anthropic/v1/messages', body: (model) => ({ model, max_tokens: 20, messages: user }), isError: isAnthropicError, translated: 'gpt' },
  {
    name: 'Gemini',
    url: (e) => `/gateway/gemini/v1beta/models/${e}:generateContent`,
    body: () => ({ contents: [{ role: 'user', parts: [{ text: 'hello' }] }] }),
    isError: isGeminiError,
    translated: 'claude',
  },
];

/** Returns a copy of `body` without `key`. */
function without(body: Json, key: string): Json {
  const { [key]: _dropped, ...rest } = body;
  return rest;
}

describe('request-time mistakes: 4xx in the front’s own format, nothing upstream', () => {
  let fake: FakeLlmUpstreams;
  let gateway: RunningGateway;
  let dir: string;
  const failures: string[] = [];

  before(async () => {
    fake = await startFakeLlmUpstreams();
    dir = await mkdtemp(join(tmpdir(), 'gw-bad-input-'));
    const ep = (name: string, type: string, provider: string, model: string, config: Record<string, string>) =>
      [`  - name: ${name}`, `    endpoint_type: ${type}`, '    model:', `      provider: ${provider}`, `      name: ${model}`, '      config:', ...Object.entries(config).map(([k, v]) => `        ${k}: ${v}`)].join('\n');
    await writeFile(
      join(dir, 'gateway-config.yaml'),
      [
        'endpoints:',
        ep('gpt', 'llm/v1/chat', 'openai', 'gpt-4o-mini', { openai_api_key: 'sk-x', openai_api_base: fake.openaiBaseUrl }),
        ep('claude', 'llm/v1/chat', 'anthropic', 'claude-sonnet-4-5', { anthropic_api_key: 'sk-ant-x', anthropic_api_base: fake.anthropicBaseUrl }),
        ep('embed', 'llm/v1/embeddings', 'openai', 'text-embedding-3-small', { openai_api_key: 'sk-x', openai_api_base: fake.openaiBaseUrl }),
        ep('gemini-embed', 'llm/v1/embeddings', 'gemini', 'gemini-embedding-001', { gemini_api_key: 'g-x', gemini_api_base: fake.geminiBaseUrl }),
        '',
      ].join('\n'),
    );
    gateway = await startGatewayServer({ configPath: join(dir, 'gateway-config.yaml'), port: 0, watch: false, log: { info: () => {}, error: (m) => failures.push(m) } });
  });
  afterEach(() => {
    fake.reset();
  });
  after(async () => {
    await gateway?.close();
    await fake?.close();
    await rm(dir, { recursive: true, force: true });
    assert.deepEqual(failures, [], 'no request above was an internal failure');
  });

  /** Sends a raw or JSON body; asserts the status, the front's error shape, and that nothing went upstream. */
  async function refused(front: Front, path: string, body: unknown, status: number, message?: RegExp): Promise<Json> {
    const before = fake.requests.length;
    const res = await fetch(`${gateway.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
    const text = await res.text();
    const what = `${front.name} ${path} ${typeof body === 'string' ? body.slice(0, 40) : JSON.stringify(body).slice(0, 120)} → ${res.status} ${text}`;
    assert.equal(res.status, status, what);
    assert.match(res.headers.get('content-type') ?? '', /application\/json/, what);
    const parsed = JSON.parse(text) as Json;
    assert.ok(front.isError(status, parsed), `not in ${front.name}'s error format: ${what}`);
    if (message) assert.match(text, message, what);
    assert.equal(fake.requests.length, before, `nothing upstream: ${what}`);
    return parsed;
  }

  for (const front of FRONTS) {
    describe(front.name, () => {
      const e = front.translated;

      it('malformed JSON, a body that is not an object, and an empty body are 400', async () => {
        await refused(front, front.url(e), '{"messages": [{"role": "user", ', 400, /malformed JSON/);
        for (const raw of ['[{"role":"user","content":"hi"}]', '"hello"', '42', 'null', 'true']) await refused(front, front.url(e), raw, 400, /must be a JSON object/);
        await refused(front, front.url(e), '', 400, /body is empty/);
      });

      it('a request without its messages is 400 naming the field', async () => {
        const body = front.body(e);
        const field = 'messages' in body ? 'messages' : 'contents' in body ? 'contents' : 'input';
        await refused(front, front.url(e), without(body, field), 400, new RegExp(front.name === 'MLflow 3.x' ? 'messages' : field));
      });

      it('a value of the wrong type (temperature: "hot") is 400 naming the field', async () => {
        const body = front.body(e);
        const bad = 'contents' in body ? { ...body, generationConfig: { temperature: 'hot' } } : { ...body, temperature: 'hot' };
        await refused(front, front.url(e), bad, 400, /temperature/);
      });

      it('an unknown endpoint is 404 listing the real ones', async () => {
        const body = front.body('no-such-endpoint');
        await refused(front, front.url('no-such-endpoint'), body, 404, /no-such-endpoint/);
      });

      it('a body above the size limit is 413', async () => {
        const huge = JSON.stringify({ ...front.body(e), padding: 'x'.repeat(64 * 1024 * 1024) });
        await refused(front, front.url(e), huge, 413, /64 MiB/);
      });
    });
  }

  it('a chat body sent to an embeddings endpoint is 400 on the fronts that translate', async () => {
    for (const front of FRONTS.filter((f) => !['OpenAI', 'OpenAI Responses'].includes(f.name))) {
      await refused(front, front.url('embed'), front.body('embed'), 400, /input|llm\/v1\/embeddings/);
    }
  });

  it(
    'a chat body sent to an embeddings endpoint is 400 on the passthrough fronts too',
    async () => {
      const openai = FRONTS.find((f) => f.name === 'OpenAI')!;
      const responses = FRONTS.find((f) => f.name === 'OpenAI Responses')!;
      const gemini = FRONTS.find((f) => f.name === 'Gemini')!;
      const problems: string[] = [];
      for (const [front, endpoint] of [
        [openai, 'embed'],
        [responses, 'embed'],
        [gemini, 'gemini-embed'],
      ] as const) {
        try {
          await refused(front, front.url(endpoint), front.body(endpoint), 400, /llm\/v1\/embeddings/);
        } catch (err) {
          problems.push((err as Error).message.split('\n')[0]!);
        }
      }
      assert.deepEqual(problems, []);
    },
  );

  it('Gemini: an unknown method is 404 in Gemini’s format', async () => {
    const gemini = FRONTS.find((f) => f.name === 'Gemini')!;
    for (const action of ['claude:countTokens', 'claude:embedContent', 'claude']) {
      const body = await refused(gemini, `/gateway/gemini/v1beta/models/${action}`, gemini.body('claude'), 404, /generateContent/);
      assert.equal(body.error.status, 'NOT_FOUND');
    }
  });

  it('Anthropic: a request without max_tokens is 400 as the API words it', async () => {
    const anthropic = FRONTS.find((f) => f.name === 'Anthropic')!;
    const body = await refused(anthropic, anthropic.url('gpt'), without(anthropic.body('gpt'), 'max_tokens'), 400, /max_tokens: Field required/);
    assert.equal(body.error.type, 'invalid_request_error');
  });

  it('Responses: previous_response_id is 400 explaining the gateway is stateless', async () => {
    const responses = FRONTS.find((f) => f.name === 'OpenAI Responses')!;
    const body = await refused(responses, responses.url('claude'), { ...responses.body('claude'), previous_response_id: 'resp_123' }, 400, /previous_response_id.*not supported/);
    assert.match(body.error.message, /send the whole conversation in "input"/);
  });

  it('MLflow 3.x: a body that is neither chat nor embeddings is 400 saying which fields decide', async () => {
    const mlflow3 = FRONTS.find((f) => f.name === 'MLflow 3.x')!;
    await refused(mlflow3, mlflow3.url('gpt'), { prompt: 'hello' }, 400, /chat \(with \\"messages\\"\) or embeddings \(with \\"input\\"\)/);
  });
});

describe('a client that hangs up mid-stream leaves no socket open', () => {
  const CHUNKS = 4000;
  let upstream: http.Server;
  let gateway: RunningGateway;
  let dir: string;
  const state = { written: 0, closedEarly: 0, requests: 0 };

  before(async () => {
    // A slow OpenAI-compatible server: one chunk every 2 ms, far longer than the test waits.
    upstream = http.createServer((req, res) => {
      state.requests++;
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        let sent = 0;
        const timer = setInterval(() => {
          if (sent === CHUNKS) {
            clearInterval(timer);
            res.end('data: [DONE]\n\n');
            return;
          }
          sent++;
          state.written++;
          const chunk = { id: 'c', object: 'chat.completion.chunk', created: 0, model: 'slow', choices: [{ index: 0, delta: { content: 'x' }, finish_reason: null }] };
          res.write(`data: ${JSON.stringify(chunk)}\n\n`);
        }, 2);
        res.on('close', () => {
          clearInterval(timer);
          if (sent < CHUNKS) state.closedEarly++;
        });
      });
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    dir = await mkdtemp(join(tmpdir(), 'gw-hangup-'));
    await writeFile(
      join(dir, 'gateway-config.yaml'),
      ['endpoints:', '  - name: slow', '    endpoint_type: llm/v1/chat', '    model:', '      provider: openai-compatible', '      name: slow-model', '      config:', '        api_key: sk-slow', `        api_base: http://127.0.0.1:${(upstream.address() as AddressInfo).port}/v1`, ''].join('\n'),
    );
    gateway = await startGatewayServer({ configPath: join(dir, 'gateway-config.yaml'), port: 0, watch: false, log: { info: () => {}, error: () => {} } });
  });
  after(async () => {
    await gateway?.close();
    upstream.closeAllConnections();
    await new Promise((resolve) => upstream.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  const connections = (server: http.Server): Promise<number> => new Promise((resolve, reject) => server.getConnections((err, n) => (err ? reject(err) : resolve(n))));

  const CUTS: { name: string; path: string; body: Json }[] = [
    { name: 'MLflow invocations (translated)', path: '/gateway/slow/invocations', body: { messages: user, stream: true } },
    { name: 'OpenAI front (passthrough)', path: '/gateway/openai/v1/chat/completions', body: { model: 'slow', messages: user, stream: true } },
    { name: 'Anthropic front (translated)', path: '/gateway/anthropic/v1/messages', body: { model: 'slow', max_tokens: 10, messages: user, stream: true } },
    { name: 'Gemini front (translated)', path: '/gateway/gemini/v1beta/models/slow:streamGenerateContent?alt=sse', body: { contents: [{ role: 'user', parts: [{ text: 'hi' }] }] } },
  ];

  for (const cut of CUTS) {
    it(cut.name, async () => {
      const closedBefore = state.closedEarly;
      const requestsBefore = state.requests;
      const controller = new AbortController();
      const res = await fetch(`${gateway.url}${cut.path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(cut.body), signal: controller.signal });
      assert.equal(res.status, 200);
      const reader = res.body!.getReader();
      const first = await reader.read();
      assert.ok(!first.done && first.value.length > 0, 'the first chunk arrived');
      controller.abort();
      await reader.read().catch(() => undefined);

      await waitFor(() => state.closedEarly > closedBefore, 'the upstream request to be closed by the gateway', 1000);
      assert.equal(state.requests, requestsBefore + 1);
      assert.equal(await pollUntil(() => connections(upstream), 0, 1000), 0, 'no socket left open to the upstream');
      assert.equal(await pollUntil(() => connections(gateway.app.server), 0, 1000), 0, 'no socket left open on the gateway');
      const written = state.written;
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.equal(state.written, written, 'the upstream stopped generating');
    });
  }

  it('the gateway still serves after all those hang-ups', async () => {
    const res = await fetch(`${gateway.url}/api/2.0/endpoints/slow`);
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as Json).name, 'slow');
  });
});

async function waitFor(condition: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The value `read` returns once it equals `want`, or its last value when time runs out. */
async function pollUntil<T>(read: () => Promise<T>, want: T, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value === want || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
