/**
 * Record/replay below the providers: calls recorded against the wire-exact fakes through real
 * providers (OpenAI chat, stream, embeddings; Anthropic message, SSE stream with event names,
 * passthrough), then, with the fake closed, the same calls answered from the files alone with
 * identical results. Also: repeated identical requests, misses naming the hash, and no key in any
 * recorded file.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { openaiProvider } from '../../src/gateway/providers/openai.ts';
import { anthropicProvider } from '../../src/gateway/providers/anthropic.ts';
import type { Provider } from '../../src/gateway/providers/provider.ts';
import type { Upstream } from '../../src/gateway/upstream.ts';
import { GatewayError } from '../../src/gateway/errors.ts';
import { Redactor } from '../../src/gateway/secrets.ts';
import { RecordingUpstream, ReplayError, ReplayUpstream, exchangeHash } from '../../src/gateway/governance/record-replay.ts';
import { startFakeLlmUpstreams, type FakeLlmUpstreams } from '../fakes/llm-upstreams.ts';

const OPENAI_KEY = 'sk-openai-recording-secret-1234';
const ANTHROPIC_KEY = 'sk-ant-recording-secret-5678';
const GEMINI_KEY = 'gemini-recording-secret-9012';
const KEYS = [OPENAI_KEY, ANTHROPIC_KEY, GEMINI_KEY];
const redactor = new Redactor(KEYS);
const signal = new AbortController().signal;

let fake: FakeLlmUpstreams;
let dir: string;

before(async () => {
  fake = await startFakeLlmUpstreams({ apiKeys: { openai: OPENAI_KEY, anthropic: ANTHROPIC_KEY, gemini: GEMINI_KEY } });
  dir = await mkdtemp(join(tmpdir(), 'gateway-recordings-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
  await fake.close().catch(() => {}); // the replay tests close it early
});

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

/** Providers stamp `created` with the clock when the vendor has none (Anthropic). */
function withoutCreated(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (k, v: unknown) => (k === 'created' ? 0 : v)));
}

function providers(upstream: Upstream, baseUrl: string): { openai: Provider; embed: Provider; claude: Provider } {
  const oc = openaiProvider.configSchema.parse({ openai_api_key: OPENAI_KEY, openai_api_base: `${baseUrl}/v1` });
  const ac = anthropicProvider.configSchema.parse({ anthropic_api_key: ANTHROPIC_KEY, anthropic_api_base: baseUrl });
  return {
    openai: openaiProvider.create({ endpoint: 'chat', endpointType: 'llm/v1/chat', model: 'gpt-4o-mini', config: oc, upstream }),
    embed: openaiProvider.create({ endpoint: 'embed', endpointType: 'llm/v1/embeddings', model: 'text-embedding-3-small', config: oc, upstream }),
    claude: anthropicProvider.create({ endpoint: 'claude', endpointType: 'llm/v1/chat', model: 'claude-sonnet-4-5', config: ac, upstream }),
  };
}

const chatRequest = { messages: [{ role: 'user' as const, content: 'hello there' }], temperature: 0.2 };
const streamRequest = { messages: [{ role: 'user' as const, content: 'count to three please' }] };
const embedRequest = { input: ['one', 'two words'] };
const claudeRequest = { messages: [{ role: 'system' as const, content: 'be brief' }, { role: 'user' as const, content: 'hi claude' }], max_tokens: 50 };
const repeatedRequest = { messages: [{ role: 'user' as const, content: 'again' }] };
const leakyRequest = { messages: [{ role: 'user' as const, content: 'make the upstream echo the key' }] };
const passthroughBody = { model: 'claude-sonnet-4-5', max_tokens: 20, stream: true, messages: [{ role: 'user', content: 'raw stream' }] };
const geminiUrl = (base: string) => `${base}/v1beta/models/gemini-2.5-flash:generateContent?key=${GEMINI_KEY}`;
const geminiBody = { contents: [{ role: 'user', parts: [{ text: 'gemini with a key in the URL' }] }] };

/** Runs every scripted call and returns what the callers got (errors as their kind, status and message). */
async function script(upstream: Upstream, baseUrl: string): Promise<Record<string, unknown>> {
  const p = providers(upstream, baseUrl);
  const settle = async (f: () => Promise<unknown>) => {
    try {
      return await f();
    } catch (err) {
      assert.ok(err instanceof GatewayError, String(err));
      return { error: { kind: err.kind, status: err.status, message: err.message, retryAfter: err.retryAfter } };
    }
  };
  const out: Record<string, unknown> = {};
  out.chat = await p.openai.chat(chatRequest, { signal });
  out.stream = await collect(p.openai.chatStream(streamRequest, { signal }));
  out.embeddings = await p.embed.embeddings(embedRequest, { signal });
  out.claude = withoutCreated(await p.claude.chat(claudeRequest, { signal }));
  out.claudeStream = withoutCreated(await collect(p.claude.chatStream(claudeRequest, { signal })));
  out.repeated = [];
  for (let i = 0; i < 3; i++) (out.repeated as unknown[]).push(await p.openai.chat(repeatedRequest, { signal }));
  out.leaky = await settle(() => p.openai.chat(leakyRequest, { signal }));
  out.rateLimited = await settle(() => p.openai.chat({ messages: [{ role: 'user', content: 'too fast' }] }, { signal }));
  const pass = await p.claude.passthrough!({ vendor: 'anthropic', operation: 'messages', body: passthroughBody, stream: true, headers: { 'anthropic-beta': 'x' } }, { signal });
  assert.ok(pass);
  out.passthrough = { status: pass.status, contentType: pass.headers['content-type'], body: await text(pass.body) };
  // Only content-type and retry-after are recorded, so compare bodies.
  out.gemini = (await upstream.json('gemini', { url: geminiUrl(baseUrl), body: geminiBody, signal })).body;
  return out;
}

describe('record/replay', () => {
  let recorded: Record<string, unknown>;
  let baseUrl: string;

  it('records every exchange while passing the answers through unchanged', async () => {
    baseUrl = fake.url;
    const upstream = new RecordingUpstream(dir, { redactor: () => redactor });
    try {
      // Two different answers to the repeated request (the third gets the default echo), a key
      // echoed back in an error, and a 429 with Retry-After.
      let again = 0;
      fake.respondWith((r) => {
        const input = JSON.stringify(r.body);
        if (input.includes('"again"')) return [{ text: 'first answer' }, { text: 'second answer' }][again++];
        if (input.includes('make the upstream echo the key')) return { error: { status: 401, message: `Incorrect API key provided: ${OPENAI_KEY}.` } };
        if (input.includes('too fast')) return { error: { status: 429, message: 'Rate limit reached', retryAfter: 7 } };
        return undefined;
      });
      recorded = await script(upstream, baseUrl);
    } finally {
      fake.respondWith(undefined);
      await upstream.close();
    }
    const r = recorded as { chat: { choices: { message: { content: string } }[] }; stream: unknown[]; repeated: { choices: { message: { content: string } }[] }[]; leaky: { error: { status: number } }; passthrough: { body: string } };
    assert.equal(r.chat.choices[0]!.message.content, 'Echo: hello there');
    assert.ok(r.stream.length > 2);
    assert.deepEqual(
      r.repeated.map((x) => x.choices[0]!.message.content),
      ['first answer', 'second answer', 'Echo: again'],
    );
    assert.equal(r.leaky.error.status, 401);
    assert.match(r.passthrough.body, /^event: message_start$/m);
    assert.equal(fake.requests.length, 12);
  });

  it('stores one file per distinct request, atomically, with responses in order', async () => {
    const files = (await readdir(dir)).sort();
    assert.equal(files.filter((f) => f.endsWith('.tmp')).length, 0, 'no temporary files left');
    assert.equal(files.length, 10, files.join(', '));
    for (const f of files) assert.match(f, /^[0-9a-f]{64}\.json$/);

    const repeatedHash = exchangeHash({ url: `${baseUrl}/v1/chat/completions`, body: { ...repeatedRequest, model: 'gpt-4o-mini', stream: false }, signal }, redactor);
    const repeated = JSON.parse(await readFile(join(dir, `${repeatedHash}.json`), 'utf8'));
    assert.equal(repeated.hash, repeatedHash);
    assert.equal(repeated.request.method, 'POST');
    assert.equal(repeated.request.url, `${baseUrl}/v1/chat/completions`);
    assert.deepEqual(repeated.request.body.messages, repeatedRequest.messages);
    assert.deepEqual(
      repeated.responses.map((r: { body: string }) => JSON.parse(r.body).choices[0].message.content),
      ['first answer', 'second answer', 'Echo: again'],
    );
    assert.equal(repeated.responses[0].status, 200);
    assert.match(repeated.responses[0].headers['content-type'], /application\/json/);
    assert.deepEqual(Object.keys(repeated.responses[0].headers), ['content-type']);
  });

  it('keeps the SSE stream as raw text and only non-credential request headers', async () => {
    const contents = await Promise.all((await readdir(dir)).map(async (f) => JSON.parse(await readFile(join(dir, f), 'utf8'))));
    const claudeStream = contents.find((c) => c.request.url.endsWith('/v1/messages') && c.request.body.stream === true && JSON.stringify(c.request.body.messages).includes('hi claude'));
    assert.ok(claudeStream, 'the anthropic stream was recorded');
    assert.match(claudeStream.responses[0].body, /^event: message_start\ndata: \{/m);
    assert.match(claudeStream.responses[0].body, /^event: content_block_delta$/m);
    assert.match(claudeStream.responses[0].headers['content-type'], /text\/event-stream/);
    assert.ok(claudeStream.request.headers['anthropic-version'], 'anthropic-version is kept');
    assert.equal(claudeStream.request.headers['x-api-key'], undefined);

    const passthrough = contents.find((c) => c.request.body.messages?.[0]?.content === 'raw stream');
    assert.equal(passthrough.request.headers['anthropic-beta'], 'x');
    assert.equal(passthrough.request.headers['accept'], 'text/event-stream');
    const rateLimited = contents.find((c) => c.responses[0].status === 429);
    assert.equal(rateLimited.responses[0].headers['retry-after'], '7');
    const gemini = contents.find((c) => c.request.url.includes(':generateContent'));
    assert.equal(gemini.request.url, `${baseUrl}/v1beta/models/gemini-2.5-flash:generateContent`, 'the ?key= parameter is not stored');
    for (const c of contents) {
      for (const h of Object.keys(c.request.headers)) assert.doesNotMatch(h, /authorization|api-key|cookie/i);
    }
  });

  it('writes no API key into any recorded file, even one an upstream echoed back', async () => {
    const files = await readdir(dir);
    let all = '';
    for (const f of files) all += await readFile(join(dir, f), 'utf8');
    for (const key of KEYS) assert.equal(all.includes(key), false, `a key leaked into ${dir}`);
    assert.match(all, /Incorrect API key provided: \*\*\*/);
  });

  it('replays every call from the files alone, with identical results', async () => {
    await fake.close(); // any network call would now fail
    const upstream = new ReplayUpstream(dir, { redactor });
    try {
      const replayed = await script(upstream, baseUrl);
      const expected = structuredClone(recorded);
      // The echoed key comes back masked: the file never had it.
      const leaky = expected.leaky as { error: { message: string } };
      leaky.error.message = redactor.redact(leaky.error.message);
      assert.deepEqual(replayed, expected);
      assert.equal((replayed.rateLimited as { error: { retryAfter: number } }).error.retryAfter, 7);
      // After the recorded responses run out, the last one is served again.
      const again = await providers(upstream, baseUrl).openai.chat(repeatedRequest, { signal });
      assert.equal(again.choices[0]!.message.content, 'Echo: again');
    } finally {
      await upstream.close();
    }
  });

  it('replays a stream and lets the caller stop early', async () => {
    const upstream = new ReplayUpstream(dir, { redactor });
    try {
      const stream = providers(upstream, baseUrl).openai.chatStream(streamRequest, { signal });
      for await (const chunk of stream) {
        assert.equal(chunk.object, 'chat.completion.chunk');
        break;
      }
    } finally {
      await upstream.close();
    }
  });

  it('answers a request it has no recording of with an error naming the hash and the directory', async () => {
    const upstream = new ReplayUpstream(dir, { redactor });
    try {
      const request = { messages: [{ role: 'user' as const, content: 'never recorded' }] };
      const hash = exchangeHash({ url: `${baseUrl}/v1/chat/completions`, body: { ...request, model: 'gpt-4o-mini', stream: false }, signal }, redactor);
      await assert.rejects(providers(upstream, baseUrl).openai.chat(request, { signal }), (err: unknown) => {
        assert.ok(err instanceof ReplayError);
        assert.equal(err.kind, 'upstream');
        assert.equal(err.status, 502);
        assert.equal(err.hash, hash);
        assert.equal(err.message, `No recorded exchange for POST ${baseUrl}/v1/chat/completions (request hash ${hash}) in ${dir}. Re-record with --record ${dir}.`);
        return true;
      });
      // A key in the URL is neither hashed nor shown.
      await assert.rejects(upstream.json('gemini', { url: `${baseUrl}/v1beta/models/x:generateContent?key=${GEMINI_KEY}`, body: {}, signal }), (err: unknown) => {
        assert.ok(err instanceof ReplayError);
        assert.equal(err.message.includes(GEMINI_KEY), false);
        return true;
      });
      const aborted = AbortSignal.abort();
      await assert.rejects(providers(upstream, baseUrl).openai.chat(chatRequest, { signal: aborted }), (err: unknown) => err instanceof GatewayError && err.status === 499);
    } finally {
      await upstream.close();
    }
  });

  it('hashes the same request the same way whatever its key order, body form or credentials', () => {
    const url = 'https://api.example.com/v1/chat/completions';
    const a = exchangeHash({ url, body: { model: 'm', messages: [{ role: 'user', content: 'x' }], stream: undefined }, signal, headers: { authorization: 'Bearer one' } });
    const b = exchangeHash({ url, rawBody: '{"messages":[{"content":"x","role":"user"}],"model":"m"}', signal, headers: { authorization: 'Bearer two' } });
    assert.equal(a, b);
    assert.equal(exchangeHash({ url: `${url}?key=abc`, body: {}, signal }), exchangeHash({ url: `${url}?key=def`, body: {}, signal }));
    assert.notEqual(exchangeHash({ url: `${url}?alt=sse`, body: {}, signal }), exchangeHash({ url, body: {}, signal }));
    assert.notEqual(exchangeHash({ url, body: { model: 'm' }, signal }), exchangeHash({ url, body: { model: 'n' }, signal }));
    assert.notEqual(exchangeHash({ url, method: 'GET', signal }), exchangeHash({ url, signal }));
    // Rotating a key that appears in a body does not change the hash when both are redacted.
    assert.equal(exchangeHash({ url, body: { k: 'old-secret' }, signal }, new Redactor(['old-secret'])), exchangeHash({ url, body: { k: 'new-secret' }, signal }, new Redactor(['new-secret'])));
  });

  it('refuses a missing replay directory and a corrupt recording with what to do', async () => {
    assert.throws(() => new ReplayUpstream(join(dir, 'nope')), (err: unknown) => err instanceof ReplayError && /does not exist.*--record/.test(err.message));
    const corruptDir = await mkdtemp(join(tmpdir(), 'gateway-corrupt-'));
    const upstream = new ReplayUpstream(corruptDir);
    try {
      const req = { url: 'http://127.0.0.1:1/v1/x', body: { a: 1 }, signal };
      await writeFile(join(corruptDir, `${exchangeHash(req)}.json`), '{"version": 1, "hash": "x", "request": {}, "responses": []}');
      await assert.rejects(upstream.json('openai', req), (err: unknown) => err instanceof ReplayError && /not a valid recording.*Re-record/s.test(err.message));
    } finally {
      await upstream.close();
      await rm(corruptDir, { recursive: true, force: true });
    }
  });

  it('fails the call with a clear error when the recording cannot be written', async () => {
    const server = await startFakeLlmUpstreams();
    const blocker = join(dir, 'not-a-directory');
    await writeFile(blocker, '');
    const upstream = new RecordingUpstream(join(blocker, 'sub'), { redactor });
    try {
      const p = providers(upstream, server.url);
      await assert.rejects(p.openai.chat(chatRequest, { signal }), (err: unknown) => err instanceof GatewayError && err.kind === 'internal' && /Could not save the recorded exchange.*writable/.test(err.message));
    } finally {
      await upstream.close();
      await server.close();
      await rm(blocker);
    }
  });

  it('does not save a stream whose caller went away, and drops the upstream call', async () => {
    // An upstream that sends one event and then keeps the stream open.
    let upstreamClosed!: () => void;
    const closed = new Promise<void>((resolve) => (upstreamClosed = resolve));
    const server = http.createServer((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"hi"},"finish_reason":null}]}\n\n');
      res.on('close', upstreamClosed);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const own = await mkdtemp(join(tmpdir(), 'gateway-partial-'));
    const upstream = new RecordingUpstream(own, { redactor });
    const caller = new AbortController();
    try {
      for await (const chunk of providers(upstream, base).openai.chatStream(streamRequest, { signal: caller.signal })) {
        assert.equal(chunk.choices[0]!.delta.content, 'hi');
        caller.abort();
        break;
      }
      await closed;
      await upstream.flush();
      assert.deepEqual(await readdir(own), []);
    } finally {
      await upstream.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await rm(own, { recursive: true, force: true });
    }
  });

  it('still records a stream the provider stopped reading at its terminal event', async () => {
    // An upstream whose body ends a little after `[DONE]`, where the provider stops reading.
    const server = http.createServer((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"hi"},"finish_reason":"stop"}]}\n\n');
      res.write('data: [DONE]\n\n');
      setTimeout(() => res.end(': trailing comment\n\n'), 50);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const own = await mkdtemp(join(tmpdir(), 'gateway-terminal-'));
    const upstream = new RecordingUpstream(own, { redactor });
    try {
      const chunks = await collect(providers(upstream, base).openai.chatStream(streamRequest, { signal }));
      assert.equal(chunks.length, 1);
      await upstream.flush();
      const files = await readdir(own);
      assert.equal(files.length, 1);
      const saved = JSON.parse(await readFile(join(own, files[0]!), 'utf8'));
      assert.match(saved.responses[0].body, /data: \[DONE\]\n\n: trailing comment\n\n$/);
    } finally {
      await upstream.close();
      await new Promise((resolve) => server.close(resolve));
      await rm(own, { recursive: true, force: true });
    }
  });
});
