/**
 * The Cohere provider against the wire-exact Cohere v2 fake: the `/v2/chat` body it sends (roles,
 * sampling names, tools, tool_choice, response_format; nothing Cohere's closed schema refuses),
 * answers, streams and tool calls read back into the unified schema, embeddings in both encodings,
 * and errors (auth, 429 with Retry-After, mid-stream failures, Cohere's finish reasons).
 */
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cohereProvider } from '../../src/gateway/providers/cohere.ts';
import type { Provider } from '../../src/gateway/providers/provider.ts';
import { Upstream } from '../../src/gateway/upstream.ts';
import { GatewayError } from '../../src/gateway/errors.ts';
import type { ChatChunk, ChatRequest } from '../../src/gateway/schemas.ts';
import { startFakeLlmUpstreams, type FakeLlmUpstreams } from '../fakes/llm-upstreams.ts';

const KEY = 'co-server-side';
let fake: FakeLlmUpstreams;
let upstream: Upstream;
const signal = new AbortController().signal;

before(async () => {
  fake = await startFakeLlmUpstreams({ apiKeys: { cohere: KEY } });
  upstream = new Upstream();
});
after(async () => {
  await upstream.close();
  await fake.close();
});
beforeEach(() => fake.reset());

function cohere(config: Record<string, unknown> = {}, endpointType: 'llm/v1/chat' | 'llm/v1/embeddings' = 'llm/v1/chat'): Provider {
  const parsed = cohereProvider.configSchema.parse({ cohere_api_key: KEY, cohere_api_base: fake.cohereBaseUrl, ...config });
  return cohereProvider.create({ endpoint: 'ep', endpointType, model: endpointType === 'llm/v1/chat' ? 'command-r-plus' : 'embed-v4.0', config: parsed, upstream });
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

async function gatewayError(p: Promise<unknown> | AsyncIterable<unknown>): Promise<GatewayError> {
  try {
    if (p instanceof Promise) await p;
    else await collect(p);
  } catch (err) {
    assert.ok(err instanceof GatewayError, `expected a GatewayError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected the call to fail');
}

const user = (content: string): ChatRequest => ({ messages: [{ role: 'user', content }] });

describe('cohere provider: config', () => {
  it('requires the key, defaults the base URL, and refuses unknown keys', () => {
    assert.equal(cohereProvider.configSchema.parse({ cohere_api_key: 'k' }).cohere_api_base, 'https://api.cohere.com');
    assert.equal(cohereProvider.configSchema.safeParse({}).success, false);
    assert.equal(cohereProvider.configSchema.safeParse({ cohere_api_key: 'k', api_key: 'x' }).success, false);
    assert.deepEqual(cohereProvider.endpointTypes, ['llm/v1/chat', 'llm/v1/completions', 'llm/v1/embeddings']);
  });
});

describe('cohere provider: chat', () => {
  it('posts /v2/chat with the endpoint model and the server-side key, and reads text and usage', async () => {
    fake.enqueue({ text: 'LLMs are large.', usage: { inputTokens: 7, outputTokens: 3 } });
    const res = await cohere({ cohere_api_base: `${fake.cohereBaseUrl}/` }).chat({ ...user('tell me'), model: 'caller-model' }, { signal });
    assert.equal(res.object, 'chat.completion');
    assert.equal(res.model, 'command-r-plus');
    assert.deepEqual(res.choices, [{ index: 0, message: { role: 'assistant', content: 'LLMs are large.' }, finish_reason: 'stop' }]);
    assert.deepEqual(res.usage, { prompt_tokens: 7, completion_tokens: 3, total_tokens: 10 });
    const sent = fake.requests[0]!;
    assert.equal(sent.path, '/cohere/v2/chat');
    assert.equal(sent.headers.authorization, `Bearer ${KEY}`);
    assert.equal(sent.body.model, 'command-r-plus');
    assert.equal(sent.body.stream, false);
  });

  it('maps roles and sampling fields to Cohere\'s names, leaving out what Cohere has no field for', async () => {
    await cohere().chat(
      {
        messages: [
          { role: 'developer', content: 'Be brief.' },
          { role: 'user', content: [{ type: 'text', text: 'Look:' }, { type: 'image_url', image_url: { url: 'https://x/y.png', detail: 'low' } }] },
          { role: 'assistant', content: 'Checking.', tool_calls: [{ id: 'c1', type: 'function', function: { name: 'look', arguments: '{}' } }] },
          { role: 'tool', tool_call_id: 'c1', content: 'a cat', name: 'look' },
          { role: 'assistant', content: 'A cat.', name: 'bot' },
          { role: 'user', content: 'Thanks' },
        ],
        temperature: 0.3,
        top_p: 0.9,
        top_k: 40,
        max_tokens: 50,
        stop: ['END'],
        seed: 7,
        frequency_penalty: 0.1,
        presence_penalty: 0.2,
        user: 'u-1',
        parallel_tool_calls: false,
        stream_options: { include_usage: true },
        some_extra: 1,
      },
      { signal },
    );
    const body = fake.requests[0]!.body;
    assert.deepEqual(body.messages, [
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: [{ type: 'text', text: 'Look:' }, { type: 'image_url', image_url: { url: 'https://x/y.png', detail: 'low' } }] },
      { role: 'assistant', tool_plan: 'Checking.', tool_calls: [{ id: 'c1', type: 'function', function: { name: 'look', arguments: '{}' } }] },
      { role: 'tool', tool_call_id: 'c1', content: 'a cat' },
      { role: 'assistant', content: 'A cat.' },
      { role: 'user', content: 'Thanks' },
    ]);
    const { messages: _m, ...rest } = body;
    assert.deepEqual(rest, {
      model: 'command-r-plus',
      stream: false,
      temperature: 0.3,
      max_tokens: 50,
      p: 0.9,
      k: 40,
      stop_sequences: ['END'],
      seed: 7,
      frequency_penalty: 0.1,
      presence_penalty: 0.2,
    });
  });

  it('sends tools without OpenAI\'s per-function strict (Cohere refuses it) and reads tool calls back', async () => {
    fake.enqueue({ text: 'I will look it up.', toolCalls: [{ id: 'get_weather_a1', name: 'get_weather', arguments: { city: 'Oslo' } }] });
    const res = await cohere().chat(
      {
        ...user('weather in Oslo?'),
        tools: [
          { type: 'function', function: { name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: { city: { type: 'string' } } }, strict: true } },
          { type: 'function', function: { name: 'now' } },
        ],
        tool_choice: 'required',
      },
      { signal },
    );
    const body = fake.requests[0]!.body;
    assert.deepEqual(body.tools, [
      { type: 'function', function: { name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } },
      { type: 'function', function: { name: 'now', parameters: { type: 'object', properties: {} } } },
    ]);
    assert.equal(body.strict_tools, true);
    assert.equal(body.tool_choice, 'REQUIRED');
    const choice = res.choices[0]!;
    assert.equal(choice.finish_reason, 'tool_calls');
    assert.equal(choice.message.content, 'I will look it up.', 'the tool plan is the content');
    assert.deepEqual(choice.message.tool_calls, [{ id: 'get_weather_a1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } }]);

    fake.enqueue({ toolCalls: [{ id: 't2', name: 'now', arguments: {} }] });
    const bare = await cohere().chat({ ...user('time?'), tools: [{ type: 'function', function: { name: 'now' } }], tool_choice: 'none' }, { signal });
    assert.equal(fake.requests[1]!.body.tool_choice, 'NONE');
    assert.equal(bare.choices[0]!.message.content, null);
  });

  it('maps response_format to Cohere\'s json_object, with the schema when given', async () => {
    const schema = { type: 'object', properties: { a: { type: 'string' } } };
    await cohere().chat({ ...user('json please'), response_format: { type: 'json_schema', json_schema: { name: 'x', schema } } }, { signal });
    assert.deepEqual(fake.requests[0]!.body.response_format, { type: 'json_object', json_schema: schema });
    await cohere().chat({ ...user('json please'), response_format: { type: 'json_object' } }, { signal });
    assert.deepEqual(fake.requests[1]!.body.response_format, { type: 'json_object' });
    await cohere().chat({ ...user('text'), response_format: { type: 'text' } }, { signal });
    assert.equal(fake.requests[2]!.body.response_format, undefined);
  });

  it('refuses n > 1, a forced specific function and audio before calling Cohere', async () => {
    const n = await gatewayError(cohere().chat({ ...user('x'), n: 2 }, { signal }));
    assert.equal(n.kind, 'invalid_request');
    assert.match(n.message, /"n" must be 1/);
    const forced = await gatewayError(
      cohere().chat({ ...user('x'), tools: [{ type: 'function', function: { name: 'f' } }], tool_choice: { type: 'function', function: { name: 'f' } } }, { signal }),
    );
    assert.equal(forced.kind, 'invalid_request');
    assert.match(forced.message, /cannot be made to call one specific function .*"f".* tool_choice "required"/);
    const audio = await gatewayError(cohere().chat({ messages: [{ role: 'user', content: [{ type: 'input_audio', input_audio: { data: 'AAAA', format: 'wav' } }] }] }, { signal }));
    assert.equal(audio.kind, 'invalid_request');
    assert.equal(fake.requests.length, 0);
  });

  it('maps Cohere\'s finish reasons', async () => {
    for (const [reason, expected] of [
      ['COMPLETE', 'stop'],
      ['STOP_SEQUENCE', 'stop'],
      ['MAX_TOKENS', 'length'],
    ] as const) {
      fake.enqueue({ text: 'x', finishReason: reason });
      const res = await cohere().chat(user('x'), { signal });
      assert.equal(res.choices[0]!.finish_reason, expected, reason);
    }
    fake.enqueue({ text: 'x', finishReason: 'ERROR' });
    const failed = await gatewayError(cohere().chat(user('x'), { signal }));
    assert.equal(failed.status, 502);
    fake.enqueue({ text: 'x', finishReason: 'TIMEOUT' });
    const slow = await gatewayError(cohere().chat(user('x'), { signal }));
    assert.equal(slow.kind, 'timeout');
  });

  it('serves completions through chat', async () => {
    const res = await cohere().completions({ prompt: 'Say hi', max_tokens: 5 }, { signal });
    assert.equal(res.object, 'text_completion');
    assert.equal(res.choices[0]!.text, 'Echo: Say hi');
    assert.deepEqual(fake.requests[0]!.body.messages, [{ role: 'user', content: 'Say hi' }]);
    const chunks = await collect(cohere().completionsStream({ prompt: 'Say hi' }, { signal }));
    assert.equal(chunks.map((c) => c.choices[0]?.text ?? '').join(''), 'Echo: Say hi');
  });
});

describe('cohere provider: streaming', () => {
  it('turns the v2 events into chunks: role first, text deltas, finish and usage last', async () => {
    fake.enqueue({ text: 'Streaming from Cohere.', chunkSize: 5, usage: { inputTokens: 4, outputTokens: 3 } });
    const chunks = await collect(cohere().chatStream(user('go'), { signal }));
    assert.equal(fake.requests[0]!.body.stream, true);
    assert.equal(fake.requests[0]!.headers.accept, 'text/event-stream');
    assert.deepEqual(chunks[0]!.choices[0]!.delta, { role: 'assistant', content: '' });
    assert.equal(chunks.map((c) => c.choices[0]?.delta.content ?? '').join(''), 'Streaming from Cohere.');
    assert.ok(chunks.every((c) => c.id === chunks[0]!.id && c.object === 'chat.completion.chunk' && c.model === 'command-r-plus'));
    const last = chunks.at(-1)!;
    assert.equal(last.choices[0]!.finish_reason, 'stop');
    assert.deepEqual(last.usage, { prompt_tokens: 4, completion_tokens: 3, total_tokens: 7 });
    assert.equal(chunks.filter((c) => c.usage).length, 1);
  });

  it('streams tool calls: id and name first, then argument deltas, per index', async () => {
    fake.enqueue({
      text: 'Plan.',
      toolCalls: [
        { id: 'get_weather_1', name: 'get_weather', arguments: { city: 'Lima' } },
        { id: 'get_time_2', name: 'get_time', arguments: { tz: 'PET' } },
      ],
      chunkSize: 4,
    });
    const chunks: ChatChunk[] = await collect(cohere().chatStream({ ...user('weather and time'), tools: [{ type: 'function', function: { name: 'get_weather' } }] }, { signal }));
    assert.equal(chunks.map((c) => c.choices[0]?.delta.content ?? '').join(''), 'Plan.');
    const deltas = chunks.flatMap((c) => c.choices[0]?.delta.tool_calls ?? []);
    const starts = deltas.filter((d) => d.id !== undefined);
    assert.deepEqual(
      starts.map((d) => [d.index, d.id, d.function.name]),
      [
        [0, 'get_weather_1', 'get_weather'],
        [1, 'get_time_2', 'get_time'],
      ],
    );
    for (const [i, args] of [
      [0, { city: 'Lima' }],
      [1, { tz: 'PET' }],
    ] as const) {
      const joined = deltas
        .filter((d) => d.index === i)
        .map((d) => d.function.arguments ?? '')
        .join('');
      assert.deepEqual(JSON.parse(joined), args);
    }
    assert.equal(chunks.at(-1)!.choices[0]!.finish_reason, 'tool_calls');
  });

  it('raises a mid-stream failure after the chunks already sent', async () => {
    fake.enqueue({ text: 'partial answer here', chunkSize: 4, streamError: { status: 500, message: 'internal generation failure' }, chunksBeforeError: 4 });
    const seen: ChatChunk[] = [];
    const err = await gatewayError(
      (async function* () {
        for await (const c of cohere().chatStream(user('x'), { signal })) {
          seen.push(c);
          yield c;
        }
      })(),
    );
    assert.equal(err.status, 502);
    assert.match(err.message, /internal generation failure/);
    // Four events before the failure: message-start, content-start, then two deltas of 4.
    assert.equal(seen.map((c) => c.choices[0]?.delta.content ?? '').join(''), 'partial ');
  });
});

describe('cohere provider: embeddings', () => {
  it('embeds through /v2/embed as search documents, floats requested, billed tokens as usage', async () => {
    const res = await cohere({}, 'llm/v1/embeddings').embeddings({ input: ['hello world', 'bye'], encoding_format: 'float' }, { signal });
    const sent = fake.requests[0]!;
    assert.equal(sent.path, '/cohere/v2/embed');
    assert.deepEqual(sent.body, { model: 'embed-v4.0', texts: ['hello world', 'bye'], input_type: 'search_document', embedding_types: ['float'] });
    assert.equal(res.data.length, 2);
    assert.equal(res.model, 'embed-v4.0');
    assert.deepEqual(res.usage, { prompt_tokens: 3, total_tokens: 3 });
    assert.ok(Array.isArray(res.data[0]!.embedding));
  });

  it('encodes base64 itself, takes dimensions and a caller\'s input_type', async () => {
    const floats = await cohere({}, 'llm/v1/embeddings').embeddings({ input: 'a query' }, { signal });
    const b64 = await cohere({}, 'llm/v1/embeddings').embeddings({ input: 'a query', encoding_format: 'base64', dimensions: 8, input_type: 'search_query' }, { signal });
    assert.deepEqual(fake.requests[1]!.body.embedding_types, ['float']);
    assert.equal(fake.requests[1]!.body.output_dimension, 8);
    assert.equal(fake.requests[1]!.body.input_type, 'search_query');
    const encoded = b64.data[0]!.embedding;
    assert.equal(typeof encoded, 'string');
    const decoded = Array.from(new Float32Array(new Uint8Array(Buffer.from(encoded as string, 'base64')).buffer));
    assert.deepEqual(decoded, floats.data[0]!.embedding);
  });

  it('splits more than 96 texts into several calls, in order', async () => {
    const texts = Array.from({ length: 100 }, (_, i) => `text ${i}`);
    const res = await cohere({}, 'llm/v1/embeddings').embeddings({ input: texts }, { signal });
    assert.deepEqual(
      fake.requests.map((r) => (r.body.texts as string[]).length),
      [96, 4],
    );
    assert.equal(res.data.length, 100);
    assert.deepEqual(res.data.map((d) => d.index), texts.map((_, i) => i));
    assert.equal(res.usage.prompt_tokens, 200);
  });
});

describe('cohere provider: errors', () => {
  it('keeps a 429 a 429, with Retry-After', async () => {
    fake.enqueue({ error: { status: 429, message: 'You are using a Trial key, which is limited to 10 API calls / minute.', retryAfter: 30 } });
    const err = await gatewayError(cohere().chat(user('x'), { signal }));
    assert.equal(err.status, 429);
    assert.equal(err.kind, 'rate_limit');
    assert.equal(err.retryAfter, 30);
    assert.equal(err.provider, 'cohere');
    assert.match(err.message, /Trial key/);
  });

  it('reports a wrong key as an authentication error without echoing the key', async () => {
    const err = await gatewayError(cohere({ cohere_api_key: 'wrong-key' }).chat(user('x'), { signal }));
    assert.equal(err.status, 401);
    assert.equal(err.kind, 'authentication');
    assert.match(err.message, /invalid api token/);
    assert.doesNotMatch(err.message, /wrong-key/);
  });

  it('fails a stream before its first chunk when Cohere refuses the call', async () => {
    fake.enqueue({ error: { status: 429, message: 'slow down', retryAfter: 2 } });
    const err = await gatewayError(cohere().chatStream(user('x'), { signal }));
    assert.equal(err.status, 429);
    assert.equal(err.retryAfter, 2);
  });

  it('reports an answer it cannot read as an upstream error', async () => {
    fake.enqueue({ rawBody: { id: 'x', finish_reason: 'COMPLETE' } });
    const err = await gatewayError(cohere().chat(user('x'), { signal }));
    assert.equal(err.status, 502);
    assert.match(err.message, /Cohere answered a chat body the gateway cannot read \(message/);
  });
});
