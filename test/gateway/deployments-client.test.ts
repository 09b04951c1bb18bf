/**
 * The deployments client (`getDeployClient`, MLflow's `mlflow.deployments.get_deploy_client`)
 * against a real gateway whose endpoints call the fake OpenAI and Anthropic upstreams, plus a
 * scripted HTTP server for what a healthy gateway never does (paging, Retry-After, stalls).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeploymentsConnectionError, MlflowApiError, MlflowConnectionError, getDeployClient, type DeploymentsClient } from '../../src/client/index.ts';
import { startGatewayServer, type RunningGateway } from '../../src/gateway/server.ts';
import { startFakeLlmUpstreams, type FakeLlmUpstreams } from '../fakes/llm-upstreams.ts';

const OPENAI_KEY = 'sk-test-openai-key-0123456789';
const ANTHROPIC_KEY = 'sk-ant-test-key-0123456789';
const TOKEN = 'gateway-caller-token';

function configYaml(fake: FakeLlmUpstreams): string {
  return `endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: gpt-4o-mini
      config:
        openai_api_key: $TEST_OPENAI_KEY
        openai_api_base: ${fake.openaiBaseUrl}
  - name: completions
    endpoint_type: llm/v1/completions
    model:
      provider: openai
      name: gpt-3.5-turbo-instruct
      config:
        openai_api_key: $TEST_OPENAI_KEY
        openai_api_base: ${fake.openaiBaseUrl}
  - name: embeddings
    endpoint_type: llm/v1/embeddings
    model:
      provider: openai
      name: text-embedding-3-small
      config:
        openai_api_key: $TEST_OPENAI_KEY
        openai_api_base: ${fake.openaiBaseUrl}
    limit:
      calls: 100
      renewal_period: minute
  - name: claude
    endpoint_type: llm/v1/chat
    model:
      provider: anthropic
      name: claude-sonnet-4-5
      config:
        anthropic_api_key: $TEST_ANTHROPIC_KEY
        anthropic_api_base: ${fake.anthropicBaseUrl}
`;
}

const chatInputs = (content: string) => ({ messages: [{ role: 'user', content }] });

/** Text of a chat answer or of the concatenated chunks of a streamed one. */
function answerText(answer: Record<string, unknown>): string {
  const choices = answer.choices as { message: { content: string } }[];
  return choices[0]!.message.content;
}

async function streamedText(chunks: AsyncIterable<Record<string, unknown>>): Promise<{ text: string; count: number; last?: Record<string, unknown> }> {
  let text = '';
  let count = 0;
  let last: Record<string, unknown> | undefined;
  for await (const chunk of chunks) {
    const choice = (chunk.choices as { delta?: { content?: string | null }; text?: string }[])[0];
    text += choice?.delta?.content ?? choice?.text ?? '';
    count++;
    last = chunk;
  }
  return { text, count, last };
}

interface Scripted {
  url: string;
  hits: { method: string; url: string; headers: http.IncomingHttpHeaders; at: number }[];
  close(): Promise<void>;
}

/** An HTTP server answering from a script, one handler per request in order (the last repeats). */
async function scriptedServer(script: ((req: http.IncomingMessage, res: http.ServerResponse) => void)[]): Promise<Scripted> {
  const hits: Scripted['hits'] = [];
  const server = http.createServer((req, res) => {
    hits.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, at: Date.now() });
    req.resume();
    req.on('end', () => script[Math.min(hits.length - 1, script.length - 1)]!(req, res));
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

const json = (status: number, body: unknown, headers: Record<string, string> = {}) => (_req: http.IncomingMessage, res: http.ServerResponse) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
};

const FAST = { backoffFactor: 0.01 };

describe('deployments client against a running gateway', () => {
  let fake: FakeLlmUpstreams;
  let gateway: RunningGateway;
  let dir: string;
  let client: DeploymentsClient;

  before(async () => {
    fake = await startFakeLlmUpstreams({ apiKeys: { openai: OPENAI_KEY, anthropic: ANTHROPIC_KEY } });
    dir = mkdtempSync(join(tmpdir(), 'deployments-client-'));
    const configPath = join(dir, 'gateway-config.yaml');
    writeFileSync(configPath, configYaml(fake));
    gateway = await startGatewayServer({
      configPath,
      port: 0,
      watch: false,
      env: { TEST_OPENAI_KEY: OPENAI_KEY, TEST_ANTHROPIC_KEY: ANTHROPIC_KEY },
    });
    client = getDeployClient(gateway.url, FAST);
  });

  after(async () => {
    await client.close();
    await gateway.close();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists every endpoint with an absolute endpoint_url and no provider config', async () => {
    const endpoints = await client.listEndpoints();
    assert.deepEqual(
      endpoints.map((e) => [e.name, e.endpoint_type, e.model.provider, e.model.name]),
      [
        ['chat', 'llm/v1/chat', 'openai', 'gpt-4o-mini'],
        ['completions', 'llm/v1/completions', 'openai', 'gpt-3.5-turbo-instruct'],
        ['embeddings', 'llm/v1/embeddings', 'openai', 'text-embedding-3-small'],
        ['claude', 'llm/v1/chat', 'anthropic', 'claude-sonnet-4-5'],
      ],
    );
    assert.equal(endpoints[0]!.endpoint_url, `${gateway.url}/gateway/chat/invocations`);
    assert.deepEqual(endpoints[2]!.limit, { calls: 100, key: null, renewal_period: 'minute' });
    assert.equal(endpoints[0]!.limit, null);
    assert.ok(!JSON.stringify(endpoints).includes(OPENAI_KEY), 'keys never leave the gateway');
  });

  it('gets one endpoint, and an unknown one is a 404 MlflowApiError', async () => {
    const endpoint = await client.getEndpoint('claude');
    assert.equal(endpoint.endpoint_url, `${gateway.url}/gateway/claude/invocations`);
    assert.equal(endpoint.model.provider, 'anthropic');
    const err = await client.getEndpoint('nope').then(
      () => assert.fail('expected a 404'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof MlflowApiError);
    assert.equal(err.status, 404);
    assert.equal(err.errorCode, 'RESOURCE_DOES_NOT_EXIST');
    assert.match(err.message, /nope/);
  });

  it('predicts on chat, completions and embeddings endpoints', async () => {
    fake.reset();
    const chat = await client.predict({ endpoint: 'chat', inputs: { ...chatInputs('hello gateway'), temperature: 0.2 } });
    assert.equal(answerText(chat), 'Echo: hello gateway');
    assert.equal(chat.object, 'chat.completion');
    assert.equal(chat.provider, 'openai');
    const upstream = fake.requests.at(-1)!;
    assert.equal(upstream.model, 'gpt-4o-mini');
    assert.equal(upstream.body.temperature, 0.2);
    assert.equal(upstream.headers.authorization, `Bearer ${OPENAI_KEY}`);

    const completion = await client.predict({ endpoint: 'completions', inputs: { prompt: 'once upon' } });
    assert.equal(completion.object, 'text_completion');
    assert.equal((completion.choices as { text: string }[])[0]!.text.length > 0, true);

    const embeddings = await client.predict({ endpoint: 'embeddings', inputs: { input: ['a', 'b'] } });
    const data = embeddings.data as { embedding: number[]; index: number }[];
    assert.equal(data.length, 2);
    assert.ok(Array.isArray(data[1]!.embedding) && data[1]!.embedding.length > 0);
  });

  it('predicts on an Anthropic-backed endpoint in the same unified schema', async () => {
    fake.reset();
    const answer = await client.predict({ endpoint: 'claude', inputs: chatInputs('bonjour') });
    assert.equal(answerText(answer), 'Echo: bonjour');
    assert.equal(answer.provider, 'anthropic');
    assert.equal(fake.requests.at(-1)!.operation, 'anthropic.messages');
  });

  it('streams chat chunks as parsed objects (stream: true is set for the caller)', async () => {
    fake.reset();
    const { text, count, last } = await streamedText(client.predictStream({ endpoint: 'chat', inputs: chatInputs('stream this please') }));
    assert.equal(text, 'Echo: stream this please');
    assert.ok(count > 2, `several chunks, got ${count}`);
    assert.equal(last!.object, 'chat.completion.chunk');
    assert.equal(fake.requests.at(-1)!.stream, true);

    const claude = await streamedText(client.predictStream({ endpoint: 'claude', inputs: chatInputs('stream from claude') }));
    assert.equal(claude.text, 'Echo: stream from claude');
  });

  it('streams completions', async () => {
    const { text } = await streamedText(client.predictStream({ endpoint: 'completions', inputs: { prompt: 'tell me' } }));
    assert.ok(text.length > 0);
  });

  it('throws an in-band stream error as MlflowApiError after the chunks before it', async () => {
    fake.enqueue({ text: 'a long answer that will break', streamError: { status: 500, message: 'upstream fell over' }, chunksBeforeError: 2 });
    const seen: unknown[] = [];
    const err = await (async () => {
      for await (const chunk of client.predictStream({ endpoint: 'chat', inputs: chatInputs('x') })) seen.push(chunk);
    })().then(
      () => assert.fail('expected the stream to fail'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof MlflowApiError, String(err));
    assert.match(err.message, /upstream fell over/);
    assert.ok(seen.length >= 1, 'chunks before the error are delivered');
  });

  it('a consumer that stops early releases the stream', async () => {
    fake.enqueue({ text: 'one two three four five six seven eight nine ten', chunkSize: 3 });
    let n = 0;
    for await (const _chunk of client.predictStream({ endpoint: 'chat', inputs: chatInputs('x') })) {
      if (++n === 2) break;
    }
    assert.equal(n, 2);
    // The client still works afterwards (the socket was not left half-read).
    assert.equal(answerText(await client.predict({ endpoint: 'chat', inputs: chatInputs('after break') })), 'Echo: after break');
  });

  it('retries a 429 and succeeds', async () => {
    fake.reset();
    fake.enqueue({ error: { status: 429, message: 'slow down' } });
    const answer = await client.predict({ endpoint: 'chat', inputs: chatInputs('again') });
    assert.equal(answerText(answer), 'Echo: again');
    assert.equal(fake.requests.length, 2);
  });

  it('honours Retry-After from the upstream, relayed by the gateway', async () => {
    fake.reset();
    fake.enqueue({ error: { status: 429, message: 'slow down', retryAfter: 1 } });
    const started = Date.now();
    await client.predict({ endpoint: 'chat', inputs: chatInputs('patience') });
    assert.ok(Date.now() - started >= 950, `waited ${Date.now() - started} ms`);
    assert.equal(fake.requests.length, 2);
  });

  it('gives up after maxRetries with the last 429 as MlflowApiError', async () => {
    const once = getDeployClient(gateway.url, { maxRetries: 1, ...FAST });
    try {
      fake.reset();
      fake.enqueue({ error: { status: 429, message: 'slow down' } }, { error: { status: 429, message: 'still slow' } });
      const err = await once.predict({ endpoint: 'chat', inputs: chatInputs('x') }).then(
        () => assert.fail('expected a 429'),
        (e: unknown) => e,
      );
      assert.ok(err instanceof MlflowApiError);
      assert.equal(err.status, 429);
      assert.equal(err.errorCode, 'REQUEST_LIMIT_EXCEEDED');
      assert.match(err.message, /still slow/);
      assert.equal(fake.requests.length, 2);
    } finally {
      await once.close();
    }
  });

  it('does not retry a request the upstream refuses (400)', async () => {
    fake.reset();
    fake.enqueue({ error: { status: 400, message: 'bad temperature' } });
    const err = await client.predict({ endpoint: 'chat', inputs: chatInputs('x') }).then(
      () => assert.fail('expected a 400'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof MlflowApiError);
    assert.equal(err.status, 400);
    assert.match(err.message, /bad temperature/);
    assert.equal(fake.requests.length, 1);
  });

  it('an unknown endpoint is a 404 naming the configured ones', async () => {
    const err = await client.predict({ endpoint: 'nope', inputs: chatInputs('x') }).then(
      () => assert.fail('expected a 404'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof MlflowApiError);
    assert.equal(err.status, 404);
    assert.equal(err.endpoint, 'POST /endpoints/nope/invocations');
    assert.match(err.message, /chat/);
    const streamErr = await client.predictStream({ endpoint: 'nope', inputs: chatInputs('x') }).next().then(
      () => assert.fail('expected a 404'),
      (e: unknown) => e,
    );
    assert.ok(streamErr instanceof MlflowApiError);
    assert.equal(streamErr.status, 404);
  });

  it('an invalid request is a 400 with the gateway message', async () => {
    const err = await client.predict({ endpoint: 'chat', inputs: { messages: [] } }).then(
      () => assert.fail('expected a 400'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof MlflowApiError);
    assert.equal(err.status, 400);
    assert.equal(err.errorCode, 'INVALID_PARAMETER_VALUE');
  });

  it('refuses to create, update or delete endpoints: they live in the config file', async () => {
    for (const call of [() => client.createEndpoint('x', {}), () => client.updateEndpoint('x', {}), () => client.deleteEndpoint('x')]) {
      await assert.rejects(call(), (e: Error) => e.name === 'NotImplementedError' && /config file/.test(e.message));
    }
  });
});

describe('deployments client: caller token', () => {
  let fake: FakeLlmUpstreams;
  let gateway: RunningGateway;
  let dir: string;

  before(async () => {
    fake = await startFakeLlmUpstreams();
    dir = mkdtempSync(join(tmpdir(), 'deployments-token-'));
    const configPath = join(dir, 'gateway-config.yaml');
    writeFileSync(configPath, configYaml(fake));
    gateway = await startGatewayServer({ configPath, port: 0, watch: false, authToken: TOKEN, env: { TEST_OPENAI_KEY: 'k', TEST_ANTHROPIC_KEY: 'k' } });
  });

  after(async () => {
    await gateway.close();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('without the token the gateway answers 401; with it (option or env) the call works', async () => {
    const anonymous = getDeployClient(gateway.url, { env: {}, ...FAST });
    const err = await anonymous.listEndpoints().then(
      () => assert.fail('expected a 401'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof MlflowApiError);
    assert.equal(err.status, 401);
    await anonymous.close();

    const withOption = getDeployClient(gateway.url, { token: TOKEN, env: {} });
    assert.equal(answerText(await withOption.predict({ endpoint: 'chat', inputs: chatInputs('hi') })), 'Echo: hi');
    await withOption.close();

    const withEnv = getDeployClient(gateway.url, { env: { MLFLOW_GATEWAY_AUTH_TOKEN: TOKEN } });
    assert.equal((await withEnv.listEndpoints()).length, 4);
    await withEnv.close();
  });
});

describe('deployments client: transport behaviour', () => {
  it('follows next_page_token pages with ?page_token=', async () => {
    const endpoint = (name: string) => ({ name, endpoint_type: 'llm/v1/chat', model: { name: 'm', provider: 'openai' }, endpoint_url: `/gateway/${name}/invocations`, limit: null });
    const server = await scriptedServer([
      json(200, { endpoints: [endpoint('a'), endpoint('b')], next_page_token: 'eyJpbmRleCI6IDJ9' }),
      json(200, { endpoints: [endpoint('c')] }),
    ]);
    const client = getDeployClient(server.url + '/', FAST);
    try {
      const all = await client.listEndpoints();
      assert.deepEqual(all.map((e) => e.name), ['a', 'b', 'c']);
      assert.equal(all[2]!.endpoint_url, `${server.url}/gateway/c/invocations`);
      assert.deepEqual(server.hits.map((h) => h.url), ['/api/2.0/endpoints/', '/api/2.0/endpoints/?page_token=eyJpbmRleCI6IDJ9']);
    } finally {
      await client.close();
      await server.close();
    }
  });

  it('keeps an absolute endpoint_url and reads FastAPI-style {"detail": ...} errors', async () => {
    const server = await scriptedServer([
      json(200, { name: 'x', endpoint_type: 'llm/v1/chat', model: { name: 'm', provider: 'openai' }, endpoint_url: 'https://elsewhere.example/gateway/x/invocations', limit: null }),
      json(404, { detail: "The endpoint 'y' is not present or active on the server." }),
    ]);
    const client = getDeployClient(server.url, FAST);
    try {
      assert.equal((await client.getEndpoint('x')).endpoint_url, 'https://elsewhere.example/gateway/x/invocations');
      await assert.rejects(client.getEndpoint('y'), (e: unknown) => e instanceof MlflowApiError && e.status === 404 && /not present or active/.test(e.message));
    } finally {
      await client.close();
      await server.close();
    }
  });

  it('waits as long as Retry-After says on a 503, then retries', async () => {
    const server = await scriptedServer([json(503, { error_code: 'TEMPORARILY_UNAVAILABLE', message: 'busy' }, { 'retry-after': '1' }), json(200, { ok: true })]);
    const client = getDeployClient(server.url, { backoffFactor: 0.001 });
    try {
      assert.deepEqual(await client.predict({ endpoint: 'e', inputs: { prompt: 'p' } }), { ok: true });
      assert.equal(server.hits.length, 2);
      assert.ok(server.hits[1]!.at - server.hits[0]!.at >= 950, `waited ${server.hits[1]!.at - server.hits[0]!.at} ms`);
    } finally {
      await client.close();
      await server.close();
    }
  });

  it('retries 500/502/503 but not 504 or 501 (a slow query stays slow)', async () => {
    const server = await scriptedServer([json(500, {}), json(502, {}), json(503, {}), json(504, { error_code: 'DEADLINE_EXCEEDED', message: 'too slow' })]);
    const client = getDeployClient(server.url, FAST);
    try {
      await assert.rejects(client.predict({ endpoint: 'e', inputs: {} }), (e: unknown) => e instanceof MlflowApiError && e.status === 504 && e.errorCode === 'DEADLINE_EXCEEDED');
      assert.equal(server.hits.length, 4);
    } finally {
      await client.close();
      await server.close();
    }
    const notImplemented = await scriptedServer([json(501, { error_code: 'NOT_IMPLEMENTED', message: 'no' })]);
    const client2 = getDeployClient(notImplemented.url, FAST);
    try {
      await assert.rejects(client2.predict({ endpoint: 'e', inputs: {} }), (e: unknown) => e instanceof MlflowApiError && e.status === 501);
      assert.equal(notImplemented.hits.length, 1);
    } finally {
      await client2.close();
      await notImplemented.close();
    }
  });

  it('times out after MLFLOW_DEPLOYMENT_PREDICT_TIMEOUT seconds (or timeoutMs) without retrying', async () => {
    const server = await scriptedServer([() => {}]); // never answers
    const fromEnv = getDeployClient(server.url, { env: { MLFLOW_DEPLOYMENT_PREDICT_TIMEOUT: '0.3' }, ...FAST });
    const fromOption = getDeployClient(server.url, { timeoutMs: 200, ...FAST });
    try {
      const started = Date.now();
      const err = await fromEnv.predict({ endpoint: 'e', inputs: {} }).then(
        () => assert.fail('expected a timeout'),
        (e: unknown) => e,
      );
      assert.ok(err instanceof DeploymentsConnectionError);
      assert.ok(err instanceof MlflowConnectionError, 'callers catching MlflowConnectionError catch it too');
      assert.match(err.message, /no answer within 0\.3 s/);
      assert.match(err.message, /MLFLOW_DEPLOYMENT_PREDICT_TIMEOUT/);
      assert.ok(Date.now() - started < 5000);
      assert.equal(server.hits.length, 1);
      await assert.rejects(fromOption.predict({ endpoint: 'e', inputs: {} }), /no answer within 0\.2 s/);
    } finally {
      await fromEnv.close();
      await fromOption.close();
      await server.close();
    }
  });

  it('a gateway that is not running fails at once with a message naming its URL', async () => {
    const server = await scriptedServer([json(200, {})]);
    const url = server.url;
    await server.close();
    const client = getDeployClient(url, FAST);
    try {
      await assert.rejects(client.listEndpoints(), (e: unknown) => e instanceof DeploymentsConnectionError && e.message.includes(url) && /ECONNREFUSED/.test(e.message));
    } finally {
      await client.close();
    }
  });

  it('getDeployClient reads MLFLOW_DEPLOYMENTS_TARGET, and refuses without a URI', () => {
    assert.equal(getDeployClient(undefined, { env: { MLFLOW_DEPLOYMENTS_TARGET: 'http://gw.example:5000/' } }).target, 'http://gw.example:5000');
    assert.equal(getDeployClient(undefined, { env: { MLFLOW_GATEWAY_URI: 'http://old.example' } }).target, 'http://old.example');
    assert.throws(() => getDeployClient(undefined, { env: {} }), /MLFLOW_DEPLOYMENTS_TARGET/);
    assert.throws(() => getDeployClient('not a url', { env: {} }), /not a URL/);
  });
});
