/**
 * The OpenAI-family providers (OpenAI, the OpenAI-compatible hosts) against the wire-exact fake:
 * what goes upstream (URL, auth header, model, stream options) and how answers, streams, usage,
 * embeddings encodings and errors come back in the unified schema.
 */
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openaiCompatibleProviders, openaiProvider } from '../../src/gateway/providers/openai.ts';
import type { Provider } from '../../src/gateway/providers/provider.ts';
import { Upstream } from '../../src/gateway/upstream.ts';
import { GatewayError } from '../../src/gateway/errors.ts';
import { startFakeLlmUpstreams, type FakeLlmUpstreams } from '../fakes/llm-upstreams.ts';
import type { ChatChunk } from '../../src/gateway/schemas.ts';

let fake: FakeLlmUpstreams;
let upstream: Upstream;
const signal = new AbortController().signal;

before(async () => {
  fake = await startFakeLlmUpstreams({ apiKeys: { openai: 'sk-server-side' } });
  upstream = new Upstream();
});
after(async () => {
  await upstream.close();
  await fake.close();
});
beforeEach(() => fake.reset());

function openai(config: Record<string, unknown> = {}): Provider {
  const parsed = openaiProvider.configSchema.parse({ openai_api_key: 'sk-server-side', openai_api_base: fake.openaiBaseUrl, ...config });
  return openaiProvider.create({ endpoint: 'chat', endpointType: 'llm/v1/chat', model: 'gpt-4o-mini', config: parsed, upstream });
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('openai provider', () => {
  it('sends the endpoint model and the server-side key, and reads the answer', async () => {
    const res = await openai().chat({ messages: [{ role: 'user', content: 'hello there' }], model: 'caller-model', temperature: 0.2 }, { signal });
    assert.equal(res.choices[0]!.message.content, 'Echo: hello there');
    assert.deepEqual(res.usage, { prompt_tokens: 2, completion_tokens: 3, total_tokens: 5 });
    const sent = fake.requests[0]!;
    assert.equal(sent.path, '/v1/chat/completions');
    assert.equal(sent.body.model, 'gpt-4o-mini');
    assert.equal(sent.body.temperature, 0.2);
    assert.equal(sent.headers.authorization, 'Bearer sk-server-side');
  });

  it('streams chunks with usage last, asking for it with stream_options', async () => {
    const chunks = await collect(openai().chatStream({ messages: [{ role: 'user', content: 'count to three please' }] }, { signal }));
    const text = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');
    assert.equal(text, 'Echo: count to three please');
    assert.deepEqual(fake.requests[0]!.body.stream_options, { include_usage: true });
    const last = chunks.at(-1)!;
    assert.equal(last.usage?.prompt_tokens, 4);
  });

  it('carries tool calls whole and as stream deltas', async () => {
    fake.enqueue({ toolCalls: [{ id: 'call_1', name: 'get_weather', arguments: { city: 'Paris' } }] });
    const res = await openai().chat({ messages: [{ role: 'user', content: 'weather?' }], tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object' } } }] }, { signal });
    assert.equal(res.choices[0]!.finish_reason, 'tool_calls');
    assert.deepEqual(res.choices[0]!.message.tool_calls, [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }]);

    fake.enqueue({ toolCalls: [{ id: 'call_2', name: 'get_weather', arguments: { city: 'Rome' } }] });
    const chunks: ChatChunk[] = await collect(openai().chatStream({ messages: [{ role: 'user', content: 'weather?' }] }, { signal }));
    const deltas = chunks.flatMap((c) => c.choices.flatMap((ch) => ch.delta.tool_calls ?? []));
    assert.equal(deltas[0]!.id, 'call_2');
    assert.equal(deltas[0]!.function.name, 'get_weather');
    assert.equal(deltas.map((d) => d.function.arguments ?? '').join(''), '{"city":"Rome"}');
  });

  it('keeps the upstream status and Retry-After of an error, without the key', async () => {
    fake.enqueue({ error: { status: 429, message: 'Rate limit reached' } });
    await assert.rejects(openai().chat({ messages: [{ role: 'user', content: 'hi' }] }, { signal }), (err: unknown) => {
      assert.ok(err instanceof GatewayError);
      assert.equal(err.status, 429);
      assert.equal(err.kind, 'rate_limit');
      assert.match(err.message, /Rate limit reached/);
      return true;
    });
    const bad = openai({ openai_api_key: 'sk-wrong' });
    await assert.rejects(bad.chat({ messages: [{ role: 'user', content: 'hi' }] }, { signal }), (err: unknown) => {
      assert.ok(err instanceof GatewayError);
      assert.equal(err.status, 401);
      assert.doesNotMatch(err.message, /sk-wrong|sk-server-side/);
      return true;
    });
  });

  it('turns an in-band stream error into a GatewayError after the chunks before it', async () => {
    fake.enqueue({ text: 'partial answer here', streamError: { status: 500, message: 'overloaded' }, chunksBeforeError: 2 });
    const got: ChatChunk[] = [];
    await assert.rejects(
      (async () => {
        for await (const c of openai().chatStream({ messages: [{ role: 'user', content: 'hi' }] }, { signal })) got.push(c);
      })(),
      /overloaded/,
    );
    assert.equal(got.length, 2);
  });

  it('embeds, honouring base64 encoding both when forwarded and when re-encoded', async () => {
    const floats = await openai().embeddings({ input: ['a b', 'c'] }, { signal });
    assert.equal(floats.data.length, 2);
    assert.ok(Array.isArray(floats.data[0]!.embedding));
    const b64 = await openai().embeddings({ input: 'a b', encoding_format: 'base64' }, { signal });
    const text = b64.data[0]!.embedding;
    assert.equal(typeof text, 'string');
    const buf = Buffer.from(text as string, 'base64');
    assert.equal(buf.length / 4, (floats.data[0]!.embedding).length);
    assert.equal(buf.readFloatLE(0), (floats.data[0]!.embedding)[0]);
  });

  it('uses the legacy completions API natively', async () => {
    const res = await openai().completions({ prompt: 'Once upon' }, { signal });
    assert.equal(fake.requests[0]!.path, '/v1/completions');
    assert.equal(res.object, 'text_completion');
    assert.ok(res.choices[0]!.text.length > 0);
  });

  it('aborts the upstream call when the caller goes away mid-stream', async () => {
    fake.enqueue({ text: 'x'.repeat(4000), chunkSize: 1 });
    const controller = new AbortController();
    let n = 0;
    await assert.rejects(
      (async () => {
        for await (const _ of openai().chatStream({ messages: [{ role: 'user', content: 'hi' }] }, { signal: controller.signal })) {
          if (++n === 3) controller.abort();
        }
      })(),
    );
    assert.ok(n >= 3 && n < 4000);
  });

  it('passes an OpenAI request through with the endpoint model and server key', async () => {
    const res = await openai().passthrough!({ vendor: 'openai', operation: 'chat/completions', body: { model: 'chat', messages: [{ role: 'user', content: 'hi' }] }, stream: false }, { signal });
    assert.ok(res);
    assert.equal(res.status, 200);
    assert.equal(fake.requests[0]!.body.model, 'gpt-4o-mini');
    assert.equal(await openai().passthrough!({ vendor: 'anthropic', operation: 'messages', body: {}, stream: false }, { signal }), undefined);
  });
});

describe('openai config', () => {
  it('requires deployment, base and version for Azure and forbids an organization', () => {
    const r = openaiProvider.configSchema.safeParse({ openai_api_key: 'k', openai_api_type: 'azure', openai_organization: 'org' });
    assert.equal(r.success, false);
    const paths = r.error.issues.map((i) => i.path.join('.')).sort();
    assert.deepEqual(paths, ['openai_api_base', 'openai_api_version', 'openai_deployment_name', 'openai_organization']);
  });

  it('rejects keys it does not implement', () => {
    assert.equal(openaiProvider.configSchema.safeParse({ openai_api_key: 'k', openai_api_bsae: 'x' }).success, false);
  });
});

describe('OpenAI-compatible hosts', () => {
  const byName = (name: string) => openaiCompatibleProviders.find((p) => p.name === name)!;

  it('call their default hosts, or the base URL given either way', async () => {
    for (const name of ['groq', 'deepseek', 'xai', 'openrouter', 'togetherai', 'ollama']) {
      assert.ok(byName(name).configSchema.safeParse({ api_key: 'k' }).success, name);
    }
    const groq = byName('groq');
    for (const config of [{ api_key: 'sk-server-side', api_base: fake.openaiBaseUrl }, { groq_api_key: 'sk-server-side', groq_api_base: fake.openaiBaseUrl }]) {
      fake.reset();
      const p = groq.create({ endpoint: 'c', endpointType: 'llm/v1/chat', model: 'llama-3.1-8b', config: groq.configSchema.parse(config), upstream });
      const res = await p.chat({ messages: [{ role: 'user', content: 'hi' }] }, { signal });
      assert.equal(res.choices[0]!.message.content, 'Echo: hi');
      assert.equal(fake.requests[0]!.body.model, 'llama-3.1-8b');
    }
  });

  it('serve completions through chat where the host has no legacy completions', async () => {
    const groq = byName('groq');
    const p = groq.create({ endpoint: 'c', endpointType: 'llm/v1/completions', model: 'm', config: groq.configSchema.parse({ api_key: 'sk-server-side', api_base: fake.openaiBaseUrl }), upstream });
    const res = await p.completions({ prompt: 'say hi' }, { signal });
    assert.equal(fake.requests[0]!.path, '/v1/chat/completions');
    assert.equal(res.choices[0]!.text, 'Echo: say hi');
  });

  it('need a base URL for the generic provider and no key for Ollama', () => {
    const generic = byName('openai-compatible');
    const missing = generic.configSchema.safeParse({});
    assert.equal(missing.success, false);
    assert.match(missing.error.issues[0]!.message, /base URL/);
    assert.ok(generic.configSchema.safeParse({ api_base: 'http://localhost:8000/v1' }).success);
    assert.ok(byName('ollama').configSchema.safeParse({}).success);
    assert.equal(byName('groq').configSchema.safeParse({}).success, false);
  });
});

describe('mistral', () => {
  it('renames and drops the OpenAI-only fields its closed schema refuses', async () => {
    const { mistralProvider } = await import('../../src/gateway/providers/openai.ts');
    const p = mistralProvider.create({
      endpoint: 'm',
      endpointType: 'llm/v1/chat',
      model: 'mistral-small-latest',
      config: mistralProvider.configSchema.parse({ mistral_api_key: 'k', mistral_api_base: fake.mistralBaseUrl }),
      upstream,
    });
    const request = { messages: [{ role: 'user' as const, content: 'hi' }], seed: 7, user: 'u1', top_k: 3, max_completion_tokens: 20 };
    const res = await p.chat(request, { signal });
    assert.equal(res.choices[0]!.message.content, 'Echo: hi');
    const sent = fake.requests.at(-1)!.body;
    assert.equal(sent.random_seed, 7);
    assert.equal(sent.max_tokens, 20);
    for (const k of ['seed', 'user', 'top_k', 'max_completion_tokens', 'stream_options']) assert.equal(k in sent, false, k);
    const chunks = await collect(p.chatStream(request, { signal }));
    assert.equal(chunks.map((c) => c.choices[0]?.delta.content ?? '').join(''), 'Echo: hi');
  });

  it('reads the validation detail out of a 422 body', async () => {
    const { upstreamErrorMessage } = await import('../../src/gateway/upstream.ts');
    const body = JSON.stringify({ object: 'error', message: { detail: [{ type: 'extra_forbidden', loc: ['body', 'seed'], msg: 'Extra inputs are not permitted' }] }, type: 'invalid_request_error' });
    assert.equal(upstreamErrorMessage(body), 'body.seed: Extra inputs are not permitted');
  });
});
