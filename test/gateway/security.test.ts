/**
 * Provider keys never leave the gateway, and callers without the token get nothing.
 *
 * A gateway whose config holds distinctive random keys (from env vars and from a key file) serves
 * a scripted mix through every front: successes, upstream 401s (keys the fake does not accept),
 * 429s, malformed bodies, unknown endpoints, mid-stream errors, listings, a plugin that throws with
 * its key in the message, and upstreams that echo the key back. Every response body and header,
 * and every gateway log line, is searched for every key, whole and in part.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGatewayServer, type RunningGateway } from '../../src/gateway/server.ts';
import { startFakeLlmUpstreams, type FakeLlmUpstreams } from '../fakes/llm-upstreams.ts';

const hex = (n: number): string => randomBytes(n).toString('hex');

/** Whatever shape a vendor's JSON error has; read field by field. */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- four vendors' error bodies, read ad hoc

/** Random, so no window of one can appear in a response by chance. */
const SECRETS = {
  openai: `sk-${hex(16)}`,
  anthropicFile: `sk-ant-${hex(16)}`,
  gemini: `AIza${hex(16)}`,
  wrongOpenai: `sk-${hex(16)}`,
  wrongAnthropic: `sk-ant-${hex(16)}`,
  echo: `sk-echo-${hex(16)}`,
  plugin: `plugin-${hex(16)}`,
} as const;
const CALLER_TOKEN = `caller-${hex(16)}`;

/** The random part of a secret, in windows: a truncated or partial copy is a leak too. */
function leaksIn(text: string): string[] {
  const found: string[] = [];
  for (const [name, secret] of Object.entries(SECRETS)) {
    const core = secret.slice(-32);
    for (let i = 0; i + 10 <= core.length; i++) {
      if (text.includes(core.slice(i, i + 10))) {
        found.push(`${name} (${text.includes(secret) ? 'whole' : 'partial'})`);
        break;
      }
    }
  }
  return found;
}

/** A user's provider module that fails with its own key in the message, as careless code does. */
const LEAKY_PROVIDER = `
export default {
  name: 'leaky',
  configSchema: { safeParse: (v) => (v && typeof v.api_key === 'string' ? { success: true, data: v } : { success: false, error: { issues: [{ path: ['api_key'], message: 'api_key is required' }] } }) },
  endpointTypes: ['llm/v1/chat'],
  create({ model, config }) {
    const chunk = (content) => ({ id: 'leaky-1', object: 'chat.completion.chunk', created: 0, model, choices: [{ index: 0, delta: { content }, finish_reason: null }] });
    return {
      name: 'leaky',
      model,
      async chat() { throw new Error('login failed with api_key=' + config.api_key); },
      async *chatStream() { yield chunk('partial '); throw new Error('stream died, key ' + config.api_key); },
      async completions() { throw new Error('unused'); },
      async *completionsStream() { throw new Error('unused'); },
      async embeddings() { throw new Error('unused'); },
    };
  },
};
`;

type EchoMode = 'json-401' | 'plain-500-long' | 'stream-error' | 'stream-error-no-code';

/**
 * An OpenAI-compatible server that echoes the key it was sent, as some self-hosted servers and
 * proxies do: in a JSON error, in a long non-JSON error page, or in an in-band stream error.
 */
async function startEchoUpstream(): Promise<{ url: string; mode: EchoMode; close(): Promise<void> }> {
  const state = { mode: 'json-401' as EchoMode };
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const key = (req.headers.authorization ?? '').replace(/^Bearer /i, '');
      if (state.mode === 'json-401') {
        res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: `Incorrect API key provided: ${key}.`, type: 'invalid_request_error', code: 'invalid_api_key' } }));
      } else if (state.mode === 'plain-500-long') {
        // A proxy's error page whose 500th character falls inside the key.
        res.writeHead(500, { 'content-type': 'text/plain' }).end(`${'upstream proxy failure; '.repeat(19)}auth=${key} rejected`);
      } else {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        const chunk = { id: 'c1', object: 'chat.completion.chunk', created: 0, model: 'm', choices: [{ index: 0, delta: { role: 'assistant', content: 'hi' }, finish_reason: null }] };
        // OpenAI sends `code` (often null); some compatible servers leave it out.
        const error = { message: `key ${key} was revoked`, type: 'invalid_request_error', ...(state.mode === 'stream-error' ? { code: null } : {}) };
        res.end(`data: ${JSON.stringify(chunk)}\n\ndata: ${JSON.stringify({ error })}\n\n`);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get mode() {
      return state.mode;
    },
    set mode(m: EchoMode) {
      state.mode = m;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface Exchange {
  label: string;
  status: number;
  headers: string;
  body: string;
}

interface Front {
  name: string;
  url(endpoint: string, stream: boolean): string;
  body(endpoint: string, text: string, stream: boolean): unknown;
  /** The endpoints of this config the front forwards verbatim (passthrough) instead of translating. */
  passthrough: readonly string[];
}

const chat = (text: string) => [{ role: 'user', content: text }];
const FRONTS: Front[] = [
  { name: 'mlflow legacy', url: (e) => `/endpoints/${e}/invocations`, body: (_e, t, stream) => ({ messages: chat(t), stream }), passthrough: [] },
  { name: 'mlflow gateway', url: (e) => `/gateway/${e}/invocations`, body: (_e, t, stream) => ({ messages: chat(t), stream }), passthrough: [] },
  { name: 'mlflow 3.x', url: (e) => `/gateway/${e}/mlflow/invocations`, body: (_e, t, stream) => ({ messages: chat(t), stream }), passthrough: [] },
  { name: 'mlflow/v1', url: () => '/gateway/mlflow/v1/chat/completions', body: (model, t, stream) => ({ model, messages: chat(t), stream }), passthrough: [] },
  { name: 'root /v1', url: () => '/v1/chat/completions', body: (model, t, stream) => ({ model, messages: chat(t), stream }), passthrough: [] },
  {
    name: 'openai',
    url: () => '/gateway/openai/v1/chat/completions',
    body: (model, t, stream) => ({ model, messages: chat(t), stream }),
    passthrough: ['gpt', 'gpt-badkey', 'echo'],
  },
  { name: 'responses', url: () => '/gateway/openai/v1/responses', body: (model, t, stream) => ({ model, input: t, stream }), passthrough: ['gpt', 'gpt-badkey'] },
  {
    name: 'anthropic',
    url: () => '/gateway/anthropic/v1/messages',
    body: (model, t, stream) => ({ model, max_tokens: 50, messages: chat(t), stream }),
    passthrough: ['claude', 'claude-badkey'],
  },
  {
    name: 'gemini',
    url: (e, stream) => `/gateway/gemini/v1beta/models/${e}:${stream ? 'streamGenerateContent?alt=sse' : 'generateContent'}`,
    body: (_e, t) => ({ contents: [{ role: 'user', parts: [{ text: t }] }] }),
    passthrough: ['gemini'],
  },
];

const KEY_OF = { gpt: SECRETS.openai, claude: SECRETS.anthropicFile, gemini: SECRETS.gemini } as const;

describe('gateway security', () => {
  let fake: FakeLlmUpstreams;
  let echo: Awaited<ReturnType<typeof startEchoUpstream>>;
  let dir: string;
  let configPath: string;
  let gateway: RunningGateway;
  const logLines: string[] = [];
  const exchanges: Exchange[] = [];

  const yaml = () => {
    const ep = (name: string, provider: string, model: string, config: Record<string, string>) =>
      [`  - name: ${name}`, '    endpoint_type: llm/v1/chat', '    model:', `      provider: ${provider}`, `      name: ${model}`, '      config:', ...Object.entries(config).map(([k, v]) => `        ${k}: ${v}`)].join('\n');
    return [
      'providers:',
      '  leaky: ./leaky-provider.mjs',
      'endpoints:',
      ep('gpt', 'openai', 'gpt-4o-mini', { openai_api_key: '$OPENAI_API_KEY', openai_api_base: fake.openaiBaseUrl }),
      ep('claude', 'anthropic', 'claude-sonnet-4-5', { anthropic_api_key: join(dir, 'anthropic.key'), anthropic_api_base: fake.anthropicBaseUrl }),
      ep('gemini', 'gemini', 'gemini-2.5-flash', { gemini_api_key: '${GEMINI_API_KEY}', gemini_api_base: fake.geminiBaseUrl }),
      ep('gpt-badkey', 'openai', 'gpt-4o-mini', { openai_api_key: '$STALE_OPENAI_KEY', openai_api_base: fake.openaiBaseUrl }),
      ep('claude-badkey', 'anthropic', 'claude-sonnet-4-5', { anthropic_api_key: '$STALE_ANTHROPIC_KEY', anthropic_api_base: fake.anthropicBaseUrl }),
      ep('echo', 'openai-compatible', 'local-model', { api_key: '$ECHO_SERVER_KEY', api_base: `${echo.url}/v1` }),
      ep('leaky', 'leaky', 'leaky-1', { api_key: '$PLUGIN_KEY' }),
      '',
    ].join('\n');
  };
  const env = {
    OPENAI_API_KEY: SECRETS.openai,
    GEMINI_API_KEY: SECRETS.gemini,
    STALE_OPENAI_KEY: SECRETS.wrongOpenai,
    STALE_ANTHROPIC_KEY: SECRETS.wrongAnthropic,
    ECHO_SERVER_KEY: SECRETS.echo,
    PLUGIN_KEY: SECRETS.plugin,
  };

  before(async () => {
    fake = await startFakeLlmUpstreams({ apiKeys: { openai: SECRETS.openai, anthropic: SECRETS.anthropicFile, gemini: SECRETS.gemini } });
    echo = await startEchoUpstream();
    dir = await mkdtemp(join(tmpdir(), 'gw-security-'));
    await writeFile(join(dir, 'anthropic.key'), SECRETS.anthropicFile, { mode: 0o600 });
    await writeFile(join(dir, 'leaky-provider.mjs'), LEAKY_PROVIDER);
    configPath = join(dir, 'gateway-config.yaml');
    await writeFile(configPath, yaml());
    gateway = await startGatewayServer({
      configPath,
      port: 0,
      env,
      log: { info: (m) => logLines.push(m), error: (m) => logLines.push(m) },
    });
  });

  after(async () => {
    await gateway?.close();
    await fake?.close();
    await echo?.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** Sends one request, records everything the caller could see, and fails on any leak in it. */
  async function exchange(label: string, method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Exchange> {
    const res = await fetch(`${gateway.url}${path}`, {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const ex: Exchange = { label, status: res.status, headers: JSON.stringify([...res.headers]), body: await res.text() };
    exchanges.push(ex);
    assert.deepEqual(leaksIn(ex.headers + ex.body), [], `${label}: ${method} ${path} → ${ex.status} ${ex.body.slice(0, 600)}`);
    return ex;
  }

  describe('keys never leak', () => {
    it('successes through every front, streaming and not, carry no key', async () => {
      for (const front of FRONTS) {
        for (const endpoint of ['gpt', 'claude', 'gemini']) {
          for (const stream of [false, true]) {
            const ex = await exchange(`${front.name} ${endpoint}`, 'POST', front.url(endpoint, stream), front.body(endpoint, `hi ${endpoint}`, stream), { authorization: 'Bearer dummy' });
            assert.equal(ex.status, 200, `${front.name} ${endpoint} stream=${stream}: ${ex.body}`);
            if (!stream) assert.match(ex.body, new RegExp(`hi ${endpoint}`));
          }
        }
      }
      // The server-side keys did go upstream: the fake accepts nothing else.
      assert.ok(fake.requests.length >= FRONTS.length * 3 * 2);
    });

    it('upstream 401s (keys the provider refuses), passthrough and translated, carry no key', async () => {
      for (const front of FRONTS) {
        for (const endpoint of ['gpt-badkey', 'claude-badkey']) {
          for (const stream of [false, true]) {
            const ex = await exchange(`${front.name} ${endpoint}`, 'POST', front.url(endpoint, stream), front.body(endpoint, 'x', stream));
            assert.equal(ex.status, 401, `${front.name} ${endpoint}: ${ex.body}`);
          }
        }
      }
    });

    it('upstream 429s keep Retry-After and carry no key', async () => {
      for (const front of FRONTS) {
        for (const endpoint of ['gpt', 'claude', 'gemini']) {
          fake.enqueue({ error: { status: 429, message: 'Rate limit reached, slow down', retryAfter: 3 } });
          const ex = await exchange(`${front.name} ${endpoint} 429`, 'POST', front.url(endpoint, false), front.body(endpoint, 'x', false));
          assert.equal(ex.status, 429, `${front.name} ${endpoint}: ${ex.body}`);
          assert.match(ex.headers, /"retry-after","3"/);
        }
      }
    });

    it('malformed bodies and unknown endpoints carry no key', async () => {
      for (const front of FRONTS) {
        for (const raw of ['{"model": "gpt", oops', '[1,2]', '"just a string"', '{}', '']) {
          const ex = await exchange(`${front.name} malformed ${raw}`, 'POST', front.url('gpt', false), raw);
          assert.ok(ex.status >= 400 && ex.status < 500, `${front.name} ${raw}: ${ex.status} ${ex.body}`);
        }
        const ex = await exchange(`${front.name} unknown`, 'POST', front.url('no-such-endpoint', false), front.body('no-such-endpoint', 'x', false));
        assert.equal(ex.status, 404, `${front.name}: ${ex.body}`);
      }
    });

    it('mid-stream upstream errors carry no key', async () => {
      for (const front of FRONTS) {
        for (const endpoint of ['gpt', 'claude', 'gemini']) {
          fake.enqueue({ text: 'this stream will break soon enough', chunkSize: 4, streamError: { status: 500, message: 'the model crashed' }, chunksBeforeError: 2 });
          const ex = await exchange(`${front.name} ${endpoint} mid-stream`, 'POST', front.url(endpoint, true), front.body(endpoint, 'x', true));
          assert.equal(ex.status, 200);
          assert.match(ex.body, /the model crashed/, `${front.name} ${endpoint}: the error reached the caller in-band`);
        }
      }
    });

    it('listings show endpoints, never their config', async () => {
      const all = await exchange('list', 'GET', '/api/2.0/endpoints/');
      assert.equal(all.status, 200);
      const listed = (JSON.parse(all.body) as { endpoints: { name: string; model: Record<string, unknown> }[] }).endpoints;
      assert.deepEqual(listed.map((e) => e.name), ['gpt', 'claude', 'gemini', 'gpt-badkey', 'claude-badkey', 'echo', 'leaky']);
      for (const e of listed) {
        assert.deepEqual(Object.keys(e.model).sort(), ['name', 'provider']);
        const one = await exchange(`describe ${e.name}`, 'GET', `/api/2.0/endpoints/${e.name}`);
        assert.equal(one.status, 200);
        assert.doesNotMatch(one.body, /api_key|api_base|config/);
      }
      assert.equal((await exchange('describe unknown', 'GET', '/api/2.0/endpoints/nope')).status, 404);
      for (const path of ['/v1/models', '/gateway/openai/v1/models', '/gateway/openai/v1/models/gpt', '/gateway/openai/v1/models/nope', '/health']) {
        const ex = await exchange(path, 'GET', path);
        assert.ok(ex.status === 200 || ex.status === 404, `${path}: ${ex.status}`);
      }
    });

    it("a plugin that throws with its key: the caller gets a generic 500 or in-band error, the log gets the masked stack", async () => {
      const before = logLines.length;
      for (const front of FRONTS) {
        const whole = await exchange(`${front.name} leaky`, 'POST', front.url('leaky', false), front.body('leaky', 'x', false));
        assert.equal(whole.status, 500, `${front.name}: ${whole.body}`);
        assert.match(whole.body, /see the gateway log/);
        const streamed = await exchange(`${front.name} leaky stream`, 'POST', front.url('leaky', true), front.body('leaky', 'x', true));
        assert.equal(streamed.status, 200, `${front.name}: ${streamed.body}`);
        assert.match(streamed.body, /partial/);
      }
      const lines = logLines.slice(before);
      assert.ok(lines.filter((l) => l.includes('login failed with api_key=***')).length >= FRONTS.length, lines.join('\n'));
      assert.ok(lines.some((l) => l.includes('stream died, key ***')), lines.join('\n'));
    });

    it('an upstream that echoes the key: translated fronts mask it', async () => {
      for (const front of FRONTS.filter((f) => !f.passthrough.includes('echo'))) {
        echo.mode = 'json-401';
        const ex = await exchange(`${front.name} echo 401`, 'POST', front.url('echo', false), front.body('echo', 'x', false));
        assert.equal(ex.status, 401);
        assert.match(ex.body, /Incorrect API key provided: \*\*\*/);
        echo.mode = 'stream-error';
        const streamed = await exchange(`${front.name} echo stream`, 'POST', front.url('echo', true), front.body('echo', 'x', true));
        assert.match(streamed.body, /key \*\*\* was revoked/);
      }
      // The fakes' own error messages are the providers' words: a key quoted there is masked too.
      for (const front of FRONTS) {
        for (const [endpoint, key] of Object.entries(KEY_OF)) {
          if (front.passthrough.includes(endpoint)) continue;
          fake.enqueue({ error: { status: 429, message: `quota exhausted for key ${key}` } });
          assert.equal((await exchange(`${front.name} ${endpoint} echo 429`, 'POST', front.url(endpoint, false), front.body(endpoint, 'x', false))).status, 429);
          fake.enqueue({ text: 'about to fail', streamError: { status: 500, message: `key ${key} revoked mid-stream` } });
          assert.match((await exchange(`${front.name} ${endpoint} echo mid-stream`, 'POST', front.url(endpoint, true), front.body(endpoint, 'x', true))).body, /key \*\*\* revoked/);
        }
      }
    });

    it(
      'an in-band stream error without "code" from an OpenAI-compatible server reaches the caller, masked',
      async () => {
        for (const front of FRONTS.filter((f) => !f.passthrough.includes('echo'))) {
          echo.mode = 'stream-error-no-code';
          const streamed = await exchange(`${front.name} echo stream without code`, 'POST', front.url('echo', true), front.body('echo', 'x', true));
          assert.match(streamed.body, /key \*\*\* was revoked/, `${front.name}: ${streamed.body}`);
        }
      },
    );

    it(
      'an upstream that echoes the key: passthrough fronts mask it too',
      async () => {
        const leaks: string[] = [];
        const check = async (label: string, path: string, body: unknown) => {
          try {
            await exchange(label, 'POST', path, body);
          } catch (err) {
            leaks.push((err as Error).message.split('\n')[0]!);
          }
        };
        const openai = FRONTS.find((f) => f.name === 'openai')!;
        echo.mode = 'json-401';
        await check('openai passthrough echo 401', openai.url('echo', false), openai.body('echo', 'x', false));
        echo.mode = 'stream-error';
        await check('openai passthrough echo stream', openai.url('echo', true), openai.body('echo', 'x', true));
        for (const front of FRONTS) {
          for (const [endpoint, key] of Object.entries(KEY_OF)) {
            if (!front.passthrough.includes(endpoint)) continue;
            fake.enqueue({ error: { status: 429, message: `quota exhausted for key ${key}` } });
            await check(`${front.name} ${endpoint} passthrough echo 429`, front.url(endpoint, false), front.body(endpoint, 'x', false));
            fake.enqueue({ text: 'about to fail', streamError: { status: 500, message: `key ${key} revoked mid-stream` } });
            await check(`${front.name} ${endpoint} passthrough echo mid-stream`, front.url(endpoint, true), front.body(endpoint, 'x', true));
          }
        }
        assert.deepEqual(leaks, []);
      },
    );

    it(
      'an upstream error page longer than the gateway quotes: the key is not cut in half and shown',
      async () => {
        echo.mode = 'plain-500-long';
        const ex = await exchange('mlflow echo long page', 'POST', '/gateway/echo/invocations', { messages: chat('x') });
        assert.equal(ex.status, 500);
      },
    );

    it('config reload log lines carry no key', async () => {
      const before = logLines.length;
      await writeFile(configPath, `${yaml()}# touched\n`);
      await waitFor(() => logLines.slice(before).some((l) => l.includes('reloaded')), 'the reload to be logged');
      await writeFile(configPath, yaml().replace('$PLUGIN_KEY', '$UNSET_PLUGIN_KEY'));
      await waitFor(() => logLines.slice(before).some((l) => l.includes('not applied')), 'the bad edit to be logged');
      assert.match(logLines.slice(before).join('\n'), /UNSET_PLUGIN_KEY is not set/);
      await writeFile(configPath, yaml());
    });

    it('no log line ever carried a key', () => {
      assert.ok(logLines.length > 0, 'the tests above produced log lines to check');
      assert.deepEqual(
        logLines.flatMap((l) => leaksIn(l).map((leak) => `${leak}: ${l.slice(0, 300)}`)),
        [],
      );
      assert.ok(exchanges.length > 150, `${exchanges.length} exchanges checked`);
    });
  });

  describe('caller token', () => {
    let guarded: RunningGateway;
    before(async () => {
      guarded = await startGatewayServer({ configPath, port: 0, watch: false, env, authToken: CALLER_TOKEN, log: { info: () => {}, error: () => {} } });
    });
    after(async () => {
      await guarded?.close();
    });

    const send = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${guarded.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

    const CASES: { front: string; path: string; body: unknown; header: Record<string, string>; refused(body: Json): boolean }[] = [
      {
        front: 'OpenAI',
        path: '/gateway/openai/v1/chat/completions',
        body: { model: 'gpt', messages: chat('hi') },
        header: { authorization: `Bearer ${CALLER_TOKEN}` },
        refused: (b: Json) => b.error?.type === 'authentication_error' && typeof b.error.message === 'string',
      },
      {
        front: 'MLflow 3.x OpenAI-style',
        path: '/gateway/mlflow/v1/chat/completions',
        body: { model: 'claude', messages: chat('hi') },
        header: { authorization: `Bearer ${CALLER_TOKEN}` },
        refused: (b: Json) => b.error?.type === 'authentication_error',
      },
      {
        front: 'Anthropic',
        path: '/gateway/anthropic/v1/messages',
        body: { model: 'claude', max_tokens: 20, messages: chat('hi') },
        header: { 'x-api-key': CALLER_TOKEN },
        refused: (b: Json) => b.type === 'error' && b.error?.type === 'authentication_error',
      },
      {
        front: 'Gemini',
        path: '/gateway/gemini/v1beta/models/gemini:generateContent',
        body: { contents: [{ role: 'user', parts: [{ text: 'hi' }] }] },
        header: { 'x-goog-api-key': CALLER_TOKEN },
        refused: (b: Json) => b.error?.code === 401 && b.error?.status === 'UNAUTHENTICATED',
      },
      {
        front: 'MLflow',
        path: '/gateway/gpt/invocations',
        body: { messages: chat('hi') },
        header: { authorization: `Bearer ${CALLER_TOKEN}` },
        refused: (b: Json) => b.error_code === 'UNAUTHENTICATED',
      },
    ];

    for (const c of CASES) {
      it(`${c.front}: no token or a wrong one is a 401 in the front's format; the token succeeds`, async () => {
        const refusals: Record<string, string>[] = [{}, { authorization: 'Bearer wrong' }, { 'x-api-key': `${CALLER_TOKEN}x` }, { authorization: `Basic ${CALLER_TOKEN}` }];
        for (const headers of refusals) {
          const before = fake.requests.length;
          const res = await send(c.path, c.body, headers);
          assert.equal(res.status, 401, JSON.stringify(headers));
          const body = (await res.json()) as Json;
          assert.ok(c.refused(body), JSON.stringify(body));
          assert.ok(!JSON.stringify(body).includes(CALLER_TOKEN));
          assert.equal(fake.requests.length, before, 'nothing went upstream');
        }
        const before = fake.requests.length;
        const ok = await send(c.path, c.body, c.header);
        assert.equal(ok.status, 200, await ok.clone().text());
        await ok.arrayBuffer();
        assert.equal(fake.requests.length, before + 1);
        // The caller's token is checked and dropped, never forwarded.
        assert.ok(!JSON.stringify(fake.requests.at(-1)!.headers).includes(CALLER_TOKEN));
      });
    }

    it('every header an SDK uses for its key is accepted, and ?key= for Gemini', async () => {
      const accepted: Record<string, string>[] = [{ authorization: `Bearer ${CALLER_TOKEN}` }, { 'x-api-key': CALLER_TOKEN }, { 'x-goog-api-key': CALLER_TOKEN }, { 'api-key': CALLER_TOKEN }];
      for (const header of accepted) {
        const res = await send('/gateway/gpt/invocations', { messages: chat('hi') }, header);
        assert.equal(res.status, 200, JSON.stringify(header));
        await res.arrayBuffer();
      }
      const res = await send(`/gateway/gemini/v1beta/models/gemini:generateContent?key=${CALLER_TOKEN}`, { contents: [{ role: 'user', parts: [{ text: 'hi' }] }] });
      assert.equal(res.status, 200);
      await res.arrayBuffer();
    });

    it('listings and models need the token; /health does not', async () => {
      for (const path of ['/api/2.0/endpoints/', '/api/2.0/endpoints/gpt', '/v1/models', '/gateway/openai/v1/models']) {
        const res = await fetch(`${guarded.url}${path}`);
        assert.equal(res.status, 401, path);
        await res.arrayBuffer();
        const ok = await fetch(`${guarded.url}${path}`, { headers: { authorization: `Bearer ${CALLER_TOKEN}` } });
        assert.equal(ok.status, 200, path);
        await ok.arrayBuffer();
      }
      const health = await fetch(`${guarded.url}/health`);
      assert.equal(health.status, 200);
      assert.deepEqual(await health.json(), { status: 'OK' });
    });
  });

  it('binds to 127.0.0.1 when no host is given', async () => {
    const local = await startGatewayServer({ configPath, port: 0, watch: false, env, log: { info: () => {}, error: () => {} } });
    try {
      assert.match(local.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      const address = local.app.server.address() as AddressInfo;
      assert.equal(address.address, '127.0.0.1');
      assert.equal(local.url, `http://127.0.0.1:${address.port}`);
    } finally {
      await local.close();
    }
  });
});

async function waitFor(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
