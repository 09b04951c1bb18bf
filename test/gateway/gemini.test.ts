/**
 * Gemini both ways: the provider (unified → Gemini API) against the wire-exact fake, the front
 * (Gemini API → unified) as pure translation, and the two together driven by `@google/genai`.
 */
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError, GoogleGenAI, Type } from '@google/genai';
import { GatewayError } from '../../src/gateway/errors.ts';
import { geminiFront, jsonSchemaFromGemini } from '../../src/gateway/fronts/gemini.ts';
import { chatChunksFromGemini, chatResponseFromGemini, geminiProvider, geminiRequestFromChat, SKIP_THOUGHT_SIGNATURE } from '../../src/gateway/providers/gemini.ts';
import type { Provider } from '../../src/gateway/providers/provider.ts';
import type { ChatChunk, ChatRequest, ChatResponse } from '../../src/gateway/schemas.ts';
import { chatRequestSchema, embeddingsRequestSchema } from '../../src/gateway/schemas.ts';
import { Upstream, type SseEvent } from '../../src/gateway/upstream.ts';
import { fakeEmbedding } from '../fakes/llm-types.ts';
import { startFakeLlmUpstreams, type FakeLlmUpstreams } from '../fakes/llm-upstreams.ts';

const KEY = 'g-secret-key-123';
const MODEL = 'gemini-2.5-flash';

function call(signal = new AbortController().signal) {
  return { signal };
}

function chat(body: Record<string, unknown>): ChatRequest {
  return chatRequestSchema.parse(body);
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

async function rejects(p: Promise<unknown>): Promise<GatewayError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof GatewayError, `expected a GatewayError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected a rejection');
}

function makeProvider(upstream: Upstream, base: string, key = KEY, model = MODEL): Provider {
  const config = geminiProvider.configSchema.parse({ gemini_api_key: key, gemini_api_base: base });
  return geminiProvider.create({ endpoint: 'e', endpointType: 'llm/v1/chat', model, config, upstream });
}

async function* events(...bodies: unknown[]): AsyncGenerator<{ data: string }> {
  for (const b of bodies) yield { data: JSON.stringify(b) };
}

// ------------------------------------------------------------------ provider

describe('gemini provider against the fake Gemini API', () => {
  let fake: FakeLlmUpstreams;
  let upstream: Upstream;
  let provider: Provider;

  before(async () => {
    fake = await startFakeLlmUpstreams({ apiKeys: { gemini: KEY } });
    upstream = new Upstream();
    provider = makeProvider(upstream, fake.geminiBaseUrl);
  });
  after(async () => {
    await upstream.close();
    await fake.close();
  });
  beforeEach(() => fake.reset());

  it('config: strict keys, the key required, the public API base by default', () => {
    assert.equal(geminiProvider.configSchema.safeParse({ gemini_api_key: 'k', temperature: 1 }).success, false);
    assert.equal(geminiProvider.configSchema.safeParse({}).success, false);
    assert.deepEqual(geminiProvider.configSchema.parse({ gemini_api_key: 'k' }), {
      gemini_api_key: 'k',
      gemini_api_base: 'https://generativelanguage.googleapis.com',
    });
    assert.deepEqual([...geminiProvider.endpointTypes].sort(), ['llm/v1/chat', 'llm/v1/completions', 'llm/v1/embeddings']);
  });

  it('chat: sends the key in x-goog-api-key (never in the URL) and translates both ways', async () => {
    const res = await provider.chat(
      chat({
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'hello there' },
        ],
        temperature: 0.3,
        top_p: 0.9,
        top_k: 20,
        max_completion_tokens: 50,
        stop: 'END',
        n: 1,
        presence_penalty: 0.1,
        frequency_penalty: 0.2,
        seed: 7,
      }),
      call(),
    );
    const seen = fake.requests[0]!;
    assert.equal(seen.path, `/v1beta/models/${MODEL}:generateContent`);
    assert.equal(seen.headers['x-goog-api-key'], KEY);
    assert.deepEqual(seen.query, {});
    assert.ok(!JSON.stringify(seen.query).includes(KEY));
    assert.deepEqual(seen.body, {
      contents: [{ role: 'user', parts: [{ text: 'hello there' }] }],
      systemInstruction: { parts: [{ text: 'Be brief.' }] },
      generationConfig: {
        temperature: 0.3,
        topP: 0.9,
        topK: 20,
        maxOutputTokens: 50,
        stopSequences: ['END'],
        candidateCount: 1,
        presencePenalty: 0.1,
        frequencyPenalty: 0.2,
        seed: 7,
      },
    });
    assert.equal(res.object, 'chat.completion');
    assert.equal(res.model, MODEL);
    assert.match(res.id, /^fakeResp\d+$/, "Gemini's responseId");
    assert.deepEqual(res.choices, [{ index: 0, message: { role: 'assistant', content: 'Echo: hello there' }, finish_reason: 'stop' }]);
    assert.deepEqual(res.usage, { prompt_tokens: 2, completion_tokens: 3, total_tokens: 5 });
  });

  it('chat: max_tokens wins over max_completion_tokens; modelVersion names the model', async () => {
    fake.enqueue({ model: 'gemini-2.5-flash-001', text: 'ok' });
    const res = await provider.chat(chat({ messages: [{ role: 'user', content: 'x' }], max_tokens: 5, max_completion_tokens: 9 }), call());
    assert.equal((fake.requests[0]!.body.generationConfig as { maxOutputTokens: number }).maxOutputTokens, 5);
    assert.equal(res.model, 'gemini-2.5-flash-001');
  });

  it('an API base given with /v1beta (and a trailing slash) is not doubled', async () => {
    const p = makeProvider(upstream, `${fake.geminiBaseUrl}/v1beta/`);
    await p.chat(chat({ messages: [{ role: 'user', content: 'x' }] }), call());
    assert.equal(fake.requests[0]!.path, `/v1beta/models/${MODEL}:generateContent`);
  });

  it('a wrong key is Gemini\'s 400 with its message, and the key appears nowhere in the error', async () => {
    const p = makeProvider(upstream, fake.geminiBaseUrl, 'wrong-key');
    const err = await rejects(p.chat(chat({ messages: [{ role: 'user', content: 'x' }] }), call()));
    assert.equal(err.status, 400);
    assert.equal(err.kind, 'invalid_request');
    assert.match(err.message, /API key not valid/);
    assert.ok(!err.message.includes('wrong-key'));
  });

  it('upstream errors keep their status: 429 stays a rate limit, 404 a not-found, 503 unavailable', async () => {
    fake.enqueue(
      { error: { status: 429, message: 'Resource has been exhausted (e.g. check quota).' } },
      { error: { status: 404, message: 'models/nope is not found for API version v1beta' } },
      { error: { status: 503, message: 'The model is overloaded.' } },
    );
    const req = chat({ messages: [{ role: 'user', content: 'x' }] });
    const e429 = await rejects(provider.chat(req, call()));
    assert.equal(e429.status, 429);
    assert.equal(e429.kind, 'rate_limit');
    assert.match(e429.message, /Resource has been exhausted/);
    assert.equal(e429.provider, 'gemini');
    const e404 = await rejects(provider.chat(req, call()));
    assert.equal(e404.status, 404);
    assert.equal(e404.kind, 'not_found');
    const e503 = await rejects(collect(provider.chatStream(req, call())));
    assert.equal(e503.status, 503);
    assert.equal(e503.kind, 'unavailable');
  });

  it('stream: role first, text deltas, one finish chunk with the last usage', async () => {
    fake.enqueue({ text: 'The quick brown fox jumps', chunkSize: 6, usage: { inputTokens: 4, outputTokens: 5 } });
    const chunks = await collect(provider.chatStream(chat({ messages: [{ role: 'user', content: 'go' }], stream: true }), call()));
    const seen = fake.requests[0]!;
    assert.equal(seen.path, `/v1beta/models/${MODEL}:streamGenerateContent`);
    assert.deepEqual(seen.query, { alt: 'sse' });
    assert.equal(seen.headers['x-goog-api-key'], KEY);
    assert.deepEqual(chunks[0]!.choices, [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]);
    const text = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');
    assert.equal(text, 'The quick brown fox jumps');
    assert.ok(chunks.length >= 6, 'one chunk per upstream delta');
    const last = chunks.at(-1)!;
    assert.deepEqual(last.choices, [{ index: 0, delta: {}, finish_reason: 'stop' }]);
    assert.deepEqual(last.usage, { prompt_tokens: 4, completion_tokens: 5, total_tokens: 9 });
    assert.match(chunks[0]!.id, /^fakeResp\d+$/, "Gemini's responseId");
    assert.ok(chunks.every((c) => c.id === chunks[0]!.id && c.object === 'chat.completion.chunk' && c.model === MODEL));
    assert.ok(chunks.slice(0, -1).every((c) => c.usage === undefined));
  });

  it('stream: an in-band error event after the first chunk becomes a GatewayError with its status', async () => {
    fake.enqueue({ text: 'partial answer here', streamError: { status: 429, message: 'Quota exceeded mid-stream' } });
    const got: ChatChunk[] = [];
    const err = await rejects(
      (async () => {
        for await (const c of provider.chatStream(chat({ messages: [{ role: 'user', content: 'x' }] }), call())) got.push(c);
      })(),
    );
    assert.equal(err.status, 429);
    assert.equal(err.kind, 'rate_limit');
    assert.match(err.message, /Quota exceeded mid-stream/);
    assert.equal(got.map((c) => c.choices[0]?.delta.content ?? '').join(''), 'partial ');
  });

  it('tool calls come back with call_ ids, JSON arguments and finish_reason tool_calls', async () => {
    fake.enqueue({ toolCalls: [{ name: 'get_weather', arguments: { city: 'Paris', days: 2 } }, { name: 'get_time', arguments: {} }] });
    const res = await provider.chat(chat({ messages: [{ role: 'user', content: 'weather?' }] }), call());
    const msg = res.choices[0]!.message;
    assert.equal(msg.content, null);
    assert.equal(res.choices[0]!.finish_reason, 'tool_calls');
    assert.equal(msg.tool_calls?.length, 2);
    assert.match(msg.tool_calls[0]!.id, /^call_[0-9a-f]{24}$/);
    assert.notEqual(msg.tool_calls[0]!.id, msg.tool_calls[1]!.id);
    assert.deepEqual(msg.tool_calls.map((t) => [t.type, t.function.name, JSON.parse(t.function.arguments)]), [
      ['function', 'get_weather', { city: 'Paris', days: 2 }],
      ['function', 'get_time', {}],
    ]);
  });

  it('a Gemini function-call id is kept as the tool call id', async () => {
    fake.enqueue({ toolCalls: [{ id: 'fc-77', name: 'f', arguments: { a: 1 } }] });
    const res = await provider.chat(chat({ messages: [{ role: 'user', content: 'x' }] }), call());
    assert.equal(res.choices[0]!.message.tool_calls![0]!.id, 'fc-77');
  });

  it('stream: function calls arrive as complete tool_call deltas', async () => {
    fake.enqueue({ text: 'Let me check.', toolCalls: [{ name: 'get_weather', arguments: { city: 'Oslo' } }] });
    const chunks = await collect(provider.chatStream(chat({ messages: [{ role: 'user', content: 'x' }] }), call()));
    const deltas = chunks.flatMap((c) => c.choices[0]?.delta.tool_calls ?? []);
    assert.equal(deltas.length, 1);
    assert.equal(deltas[0]!.index, 0);
    assert.equal(deltas[0]!.type, 'function');
    assert.match(deltas[0]!.id!, /^call_/);
    assert.deepEqual([deltas[0]!.function.name, JSON.parse(deltas[0]!.function.arguments!)], ['get_weather', { city: 'Oslo' }]);
    assert.equal(chunks.map((c) => c.choices[0]?.delta.content ?? '').join(''), 'Let me check.');
    assert.equal(chunks.at(-1)!.choices[0]!.finish_reason, 'tool_calls');
  });

  it('sends tools, tool_choice, function calls and linked function responses', async () => {
    await provider.chat(
      chat({
        messages: [
          { role: 'user', content: 'Weather in Paris and Oslo?' },
          {
            role: 'assistant',
            content: null,
            tool_calls: [
              { id: 'call_a', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
              { id: 'call_b', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } },
            ],
          },
          { role: 'tool', tool_call_id: 'call_a', content: '{"temp":21}' },
          { role: 'tool', tool_call_id: 'call_b', content: 'cold' },
          { role: 'user', content: 'Thanks' },
        ],
        tools: [
          {
            type: 'function',
            function: {
              name: 'get_weather',
              description: 'Weather for a city',
              parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false },
            },
          },
        ],
        tool_choice: { type: 'function', function: { name: 'get_weather' } },
      }),
      call(),
    );
    const body = fake.requests[0]!.body;
    assert.deepEqual(body.contents, [
      { role: 'user', parts: [{ text: 'Weather in Paris and Oslo?' }] },
      {
        role: 'model',
        parts: [
          { functionCall: { id: 'call_a', name: 'get_weather', args: { city: 'Paris' } }, thoughtSignature: SKIP_THOUGHT_SIGNATURE },
          { functionCall: { id: 'call_b', name: 'get_weather', args: { city: 'Oslo' } } },
        ],
      },
      {
        // Parallel results share one turn, and the next user text joins it: turns alternate.
        role: 'user',
        parts: [
          { functionResponse: { id: 'call_a', name: 'get_weather', response: { temp: 21 } } },
          { functionResponse: { id: 'call_b', name: 'get_weather', response: { content: 'cold' } } },
          { text: 'Thanks' },
        ],
      },
    ]);
    assert.deepEqual(body.tools, [
      {
        functionDeclarations: [
          {
            name: 'get_weather',
            description: 'Weather for a city',
            parametersJsonSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false },
          },
        ],
      },
    ]);
    assert.deepEqual(body.toolConfig, { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['get_weather'] } });
  });

  it('tool_choice auto/required/none map to AUTO/ANY/NONE', () => {
    const tools = [{ type: 'function', function: { name: 'f' } }];
    const mode = (tool_choice: unknown) =>
      (geminiRequestFromChat(chat({ messages: [{ role: 'user', content: 'x' }], tools, tool_choice })).toolConfig as { functionCallingConfig: unknown }).functionCallingConfig;
    assert.deepEqual(mode('auto'), { mode: 'AUTO' });
    assert.deepEqual(mode('required'), { mode: 'ANY' });
    assert.deepEqual(mode('none'), { mode: 'NONE' });
    assert.equal(geminiRequestFromChat(chat({ messages: [{ role: 'user', content: 'x' }], tools })).toolConfig, undefined);
  });

  it('a thought signature rides on the tool call and goes back to Gemini unchanged', () => {
    const res = chatResponseFromGemini(
      {
        candidates: [
          {
            content: { role: 'model', parts: [{ text: 'thinking…', thought: true }, { functionCall: { name: 'f', args: { x: 1 } }, thoughtSignature: 'c2lnbmF0dXJl' }] },
            finishReason: 'STOP',
          },
        ],
      },
      MODEL,
    );
    const toolCall = res.choices[0]!.message.tool_calls![0]!;
    assert.deepEqual((toolCall as { extra_content?: unknown }).extra_content, { google: { thought_signature: 'c2lnbmF0dXJl' } });
    assert.equal(res.choices[0]!.message.content, null, 'thought summaries are not answer text');
    const back = geminiRequestFromChat(
      chat({ messages: [{ role: 'user', content: 'x' }, { role: 'assistant', tool_calls: [toolCall] }, { role: 'tool', tool_call_id: toolCall.id, content: '1' }] }),
    );
    const parts = (back.contents as { parts: Record<string, unknown>[] }[])[1]!.parts;
    assert.equal(parts[0]!.thoughtSignature, 'c2lnbmF0dXJl');
  });

  it('a tool message that answers no earlier tool call is refused with the reason', () => {
    assert.throws(
      () => geminiRequestFromChat(chat({ messages: [{ role: 'user', content: 'x' }, { role: 'tool', tool_call_id: 'call_zz', content: 'r' }] })),
      (e: unknown) => e instanceof GatewayError && e.kind === 'invalid_request' && /call_zz/.test(e.message) && /function's name/.test(e.message),
    );
    assert.throws(
      () =>
        geminiRequestFromChat(
          chat({ messages: [{ role: 'user', content: 'x' }, { role: 'assistant', tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '[1]' } }] }] }),
        ),
      (e: unknown) => e instanceof GatewayError && /tool_calls\[0\]\.function\.arguments must be a JSON object/.test(e.message),
    );
  });

  it('images: data URLs inline, other URLs as fileData; audio inline; developer is a system instruction', () => {
    const body = geminiRequestFromChat(
      chat({
        messages: [
          { role: 'developer', content: 'dev rules' },
          {
            role: 'user',
            content: [
              { type: 'text', text: 'what is this' },
              { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
              { type: 'image_url', image_url: { url: 'https://example.com/cat.JPG?x=1' } },
              { type: 'input_audio', input_audio: { data: 'UklGRg==', format: 'wav' } },
            ],
          },
        ],
      }),
    );
    assert.deepEqual(body.systemInstruction, { parts: [{ text: 'dev rules' }] });
    assert.deepEqual(body.contents, [
      {
        role: 'user',
        parts: [
          { text: 'what is this' },
          { inlineData: { mimeType: 'image/png', data: 'iVBORw0KGgo=' } },
          { fileData: { mimeType: 'image/jpeg', fileUri: 'https://example.com/cat.JPG?x=1' } },
          { inlineData: { mimeType: 'audio/wav', data: 'UklGRg==' } },
        ],
      },
    ]);
  });

  it('response_format: json_object sets the MIME type, json_schema also responseJsonSchema', () => {
    const schema = { type: 'object', properties: { a: { type: 'integer' } }, required: ['a'], additionalProperties: false };
    const gc = (response_format: unknown) => geminiRequestFromChat(chat({ messages: [{ role: 'user', content: 'x' }], response_format })).generationConfig;
    assert.deepEqual(gc({ type: 'json_object' }), { responseMimeType: 'application/json' });
    assert.deepEqual(gc({ type: 'json_schema', json_schema: { name: 'r', schema } }), { responseMimeType: 'application/json', responseJsonSchema: schema });
    assert.equal(gc({ type: 'text' }), undefined);
  });

  it('finish reasons and usage (thinking tokens count as output)', () => {
    const one = (finishReason: string, parts: unknown[] = [{ text: 'a' }]) =>
      chatResponseFromGemini({ candidates: [{ content: { parts: parts as never }, finishReason }] }, MODEL).choices[0]!.finish_reason;
    assert.equal(one('STOP'), 'stop');
    assert.equal(one('MAX_TOKENS'), 'length');
    for (const r of ['SAFETY', 'RECITATION', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII']) assert.equal(one(r), 'content_filter');
    assert.equal(one('MALFORMED_FUNCTION_CALL'), 'stop');
    assert.equal(one('STOP', [{ functionCall: { name: 'f' } }]), 'tool_calls');
    const res = chatResponseFromGemini(
      {
        candidates: [{ content: { parts: [{ text: 'a' }] }, finishReason: 'STOP' }, { content: { parts: [{ text: 'b' }] }, finishReason: 'STOP', index: 1 }],
        usageMetadata: { promptTokenCount: 10, candidatesTokenCount: 4, thoughtsTokenCount: 30, totalTokenCount: 44 },
      },
      MODEL,
    );
    assert.deepEqual(res.usage, { prompt_tokens: 10, completion_tokens: 34, total_tokens: 44 });
    assert.deepEqual(
      res.choices.map((c) => [c.index, c.message.content]),
      [
        [0, 'a'],
        [1, 'b'],
      ],
    );
    assert.equal(res.model, MODEL);
  });

  it('a blocked prompt (promptFeedback.blockReason, no candidates) is an invalid request naming the reason', async () => {
    assert.throws(
      () => chatResponseFromGemini({ promptFeedback: { blockReason: 'PROHIBITED_CONTENT' }, usageMetadata: { promptTokenCount: 3 } }, MODEL),
      (e: unknown) => e instanceof GatewayError && e.kind === 'invalid_request' && e.status === 400 && /PROHIBITED_CONTENT/.test(e.message),
    );
    const err = await rejects(collect(chatChunksFromGemini(events({ promptFeedback: { blockReason: 'SAFETY' } }), MODEL)));
    assert.equal(err.kind, 'invalid_request');
    assert.match(err.message, /blockReason SAFETY/);
  });

  it('a stream with several candidates keeps them apart', async () => {
    const chunks = await collect(
      chatChunksFromGemini(
        events(
          { candidates: [{ content: { parts: [{ text: 'A1' }] }, index: 0 }, { content: { parts: [{ text: 'B1' }] }, index: 1 }], modelVersion: 'm-001' },
          {
            candidates: [
              { content: { parts: [{ text: 'A2' }] }, index: 0, finishReason: 'STOP' },
              { content: { parts: [{ text: 'B2' }] }, index: 1, finishReason: 'MAX_TOKENS' },
            ],
            usageMetadata: { promptTokenCount: 1, candidatesTokenCount: 4, totalTokenCount: 5 },
          },
        ),
        MODEL,
      ),
    );
    const text = (i: number) => chunks.flatMap((c) => c.choices.filter((x) => x.index === i).map((x) => x.delta.content ?? '')).join('');
    assert.equal(text(0), 'A1A2');
    assert.equal(text(1), 'B1B2');
    assert.deepEqual(chunks.at(-1)!.choices.map((c) => c.finish_reason), ['stop', 'length']);
    assert.equal(chunks[0]!.model, 'm-001');
  });

  it('embeddings: batchEmbedContents with the model resource and dimensions, float and base64, no usage', async () => {
    const res = await provider.embeddings(embeddingsRequestSchema.parse({ input: ['alpha', 'beta'], dimensions: 4 }), call());
    const seen = fake.requests[0]!;
    assert.equal(seen.path, `/v1beta/models/${MODEL}:batchEmbedContents`);
    assert.equal(seen.headers['x-goog-api-key'], KEY);
    assert.deepEqual(seen.body, {
      requests: [
        { model: `models/${MODEL}`, content: { parts: [{ text: 'alpha' }] }, outputDimensionality: 4 },
        { model: `models/${MODEL}`, content: { parts: [{ text: 'beta' }] }, outputDimensionality: 4 },
      ],
    });
    assert.deepEqual(
      res.data.map((d) => [d.index, d.embedding]),
      [
        [0, fakeEmbedding('alpha', 4)],
        [1, fakeEmbedding('beta', 4)],
      ],
    );
    assert.deepEqual(res.usage, { prompt_tokens: null, total_tokens: null });
    assert.equal(res.model, MODEL);

    const b64 = await provider.embeddings(embeddingsRequestSchema.parse({ input: 'alpha', encoding_format: 'base64' }), call());
    const buf = Buffer.from(b64.data[0]!.embedding as string, 'base64');
    const floats = Array.from({ length: buf.length / 4 }, (_, i) => buf.readFloatLE(i * 4));
    assert.deepEqual(floats, fakeEmbedding('alpha', 8));
    assert.equal((fake.requests[1]!.body.requests as Record<string, unknown>[])[0]!.outputDimensionality, undefined);
  });

  it('completions go through chat', async () => {
    const res = await provider.completions({ prompt: 'say hi' }, call());
    assert.equal(res.object, 'text_completion');
    assert.equal(res.choices[0]!.text, 'Echo: say hi');
    assert.equal(fake.requests[0]!.operation, 'gemini.generateContent');
    const chunks = await collect(provider.completionsStream({ prompt: 'stream me' }, call()));
    assert.equal(chunks.map((c) => c.choices[0]?.text ?? '').join(''), 'Echo: stream me');
  });

  it('passthrough forwards Gemini bodies verbatim to the configured model with the server key', async () => {
    assert.equal(await provider.passthrough!({ vendor: 'openai', operation: 'chat/completions', body: {}, stream: false }, call()), undefined);
    assert.equal(await provider.passthrough!({ vendor: 'gemini', operation: 'models/ep:embedContent', body: {}, stream: false }, call()), undefined);

    const body = { contents: [{ role: 'user', parts: [{ text: 'raw hello' }] }], safetySettings: [{ category: 'HARM_CATEGORY_HATE_SPEECH', threshold: 'BLOCK_NONE' }] };
    const res = await provider.passthrough!({ vendor: 'gemini', operation: 'models/my-endpoint:generateContent', body, stream: false, query: { key: 'callers-key' } }, call());
    assert.ok(res);
    assert.equal(res.status, 200);
    assert.match(res.headers['content-type'] ?? '', /application\/json/);
    const seen = fake.requests[0]!;
    assert.equal(seen.path, `/v1beta/models/${MODEL}:generateContent`);
    assert.deepEqual(seen.query, {}, "the caller's key is not forwarded");
    assert.equal(seen.headers['x-goog-api-key'], KEY);
    assert.deepEqual(seen.body, body);
    const text = Buffer.concat(await collect(res.body)).toString('utf8');
    assert.equal(JSON.parse(text).candidates[0].content.parts[0].text, 'Echo: raw hello');

    const streamed = await provider.passthrough!({ vendor: 'gemini', operation: 'models/my-endpoint:streamGenerateContent', body, stream: true, query: { alt: 'sse' } }, call());
    assert.equal(fake.requests[1]!.query.alt, 'sse');
    const raw = Buffer.concat(await collect(streamed!.body)).toString('utf8');
    assert.match(raw, /^data: \{/);
    assert.ok(raw.includes('\r\n\r\n'), 'Google framing is kept byte for byte');

    fake.enqueue({ error: { status: 429, message: 'slow down' } });
    const limited = await provider.passthrough!({ vendor: 'gemini', operation: 'models/e:generateContent', body, stream: false }, call());
    assert.equal(limited!.status, 429);
    assert.equal(JSON.parse(Buffer.concat(await collect(limited!.body)).toString('utf8')).error.status, 'RESOURCE_EXHAUSTED');
  });
});

describe('gemini provider: cancellation', () => {
  let server: http.Server;
  let url: string;
  let closed: Promise<void>;

  before(async () => {
    let markClosed!: () => void;
    closed = new Promise((resolve) => (markClosed = resolve));
    // An upstream that sends one event and then keeps the stream open, like a slow model.
    server = http.createServer((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(`data: ${JSON.stringify({ candidates: [{ content: { role: 'model', parts: [{ text: 'first' }] }, index: 0 }] })}\r\n\r\n`);
      res.on('close', markClosed);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('aborting mid-stream cancels the upstream call and ends the stream with a 499', { timeout: 5000 }, async () => {
    const upstream = new Upstream();
    try {
      const provider = makeProvider(upstream, url);
      const controller = new AbortController();
      const it = provider.chatStream(chat({ messages: [{ role: 'user', content: 'x' }] }), call(controller.signal))[Symbol.asyncIterator]();
      assert.equal((await it.next()).value?.choices[0]?.delta.role, 'assistant');
      assert.equal((await it.next()).value?.choices[0]?.delta.content, 'first');
      const pending = it.next();
      controller.abort();
      const err = await rejects(pending);
      assert.equal(err.status, 499);
      await closed;
    } finally {
      await upstream.close();
    }
  });
});

// ------------------------------------------------------------------ front

function response(over: Partial<ChatResponse> = {}): ChatResponse {
  return {
    id: 'chatcmpl-1',
    object: 'chat.completion',
    created: 1,
    model: 'gpt-x',
    choices: [{ index: 0, message: { role: 'assistant', content: 'Hi!' }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 },
    ...over,
  };
}

function chunk(choices: ChatChunk['choices'], usage?: ChatChunk['usage']): ChatChunk {
  return { id: 'chatcmpl-s', object: 'chat.completion.chunk', created: 1, model: 'gpt-x', choices, ...(usage ? { usage } : {}) };
}

async function* from<T>(items: T[], fail?: Error): AsyncGenerator<T> {
  for (const x of items) yield x;
  if (fail) throw fail;
}

describe('gemini front: parse', () => {
  it('system instruction, turns, media, sampling fields and the stream hint', () => {
    const { request, stream } = geminiFront.parse(
      {
        systemInstruction: { parts: [{ text: 'Be brief.' }] },
        contents: [
          { role: 'user', parts: [{ text: 'Look' }, { inlineData: { mimeType: 'image/jpeg', data: '/9j/' } }, { fileData: { mimeType: 'application/pdf', fileUri: 'https://files/x' } }] },
          { role: 'model', parts: [{ text: 'A cat.' }] },
          { role: 'user', parts: [{ text: 'And this?' }, { inlineData: { mimeType: 'audio/mpeg', data: 'SUQz' } }] },
          { parts: [{ text: 'no role means user' }] },
        ],
        generationConfig: {
          temperature: 0.5,
          topP: 0.8,
          topK: 3,
          candidateCount: 2,
          maxOutputTokens: 100,
          stopSequences: ['##'],
          presencePenalty: 0.5,
          frequencyPenalty: -0.5,
          seed: 42,
          responseMimeType: 'application/json',
        },
      },
      { stream: true },
    );
    assert.equal(stream, true);
    assert.deepEqual(request.messages, [
      { role: 'system', content: 'Be brief.' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Look' },
          { type: 'image_url', image_url: { url: 'data:image/jpeg;base64,/9j/' } },
          { type: 'image_url', image_url: { url: 'https://files/x' } },
        ],
      },
      { role: 'assistant', content: 'A cat.' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'And this?' },
          { type: 'input_audio', input_audio: { data: 'SUQz', format: 'mp3' } },
        ],
      },
      { role: 'user', content: 'no role means user' },
    ]);
    assert.equal(request.temperature, 0.5);
    assert.equal(request.top_p, 0.8);
    assert.equal(request.top_k, 3);
    assert.equal(request.n, 2);
    assert.equal(request.max_tokens, 100);
    assert.deepEqual(request.stop, ['##']);
    assert.equal(request.presence_penalty, 0.5);
    assert.equal(request.frequency_penalty, -0.5);
    assert.equal(request.seed, 42);
    assert.deepEqual(request.response_format, { type: 'json_object' });
    assert.equal(request.stream, true);
    assert.deepEqual(request.stream_options, { include_usage: true });
    assert.equal(geminiFront.parse({ contents: [{ role: 'user', parts: [{ text: 'x' }] }] }).stream, false);
  });

  it('accepts the snake_case field names of Google\'s REST examples', () => {
    const { request } = geminiFront.parse({
      system_instruction: { parts: [{ text: 'sys' }] },
      contents: [{ role: 'user', parts: [{ text: 'hi' }, { inline_data: { mime_type: 'image/png', data: 'AA==' } }] }],
      generation_config: { max_output_tokens: 9, response_mime_type: 'application/json', response_json_schema: { type: 'object', properties: { snake_key: { type: 'string' } } } },
    });
    assert.deepEqual(request.messages[0], { role: 'system', content: 'sys' });
    assert.deepEqual((request.messages[1]!.content as unknown[])[1], { type: 'image_url', image_url: { url: 'data:image/png;base64,AA==' } });
    assert.equal(request.max_tokens, 9);
    // A schema's property names are data, not field names: they are never renamed.
    assert.deepEqual(request.response_format, { type: 'json_schema', json_schema: { name: 'response', schema: { type: 'object', properties: { snake_key: { type: 'string' } } } } });
  });

  it('function calls and responses link by id, or by name and order with stable ids', () => {
    const body = {
      contents: [
        { role: 'user', parts: [{ text: 'Weather?' }] },
        {
          role: 'model',
          parts: [
            { functionCall: { name: 'get_weather', args: { city: 'Paris' } }, thoughtSignature: 'c2ln' },
            { functionCall: { name: 'get_weather', args: { city: 'Oslo' } } },
            { functionCall: { id: 'given-id', name: 'get_time' } },
          ],
        },
        {
          role: 'user',
          parts: [
            { functionResponse: { name: 'get_weather', response: { temp: 21 } } },
            { functionResponse: { name: 'get_weather', response: { content: 'cold' } } },
            { functionResponse: { id: 'given-id', name: 'get_time', response: { now: '12:00' } } },
            { text: 'Summarise.' },
          ],
        },
      ],
    };
    const { request } = geminiFront.parse(body);
    assert.deepEqual(request.messages.slice(1), [
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: 'call_1_0', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' }, extra_content: { google: { thought_signature: 'c2ln' } } },
          { id: 'call_1_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } },
          { id: 'given-id', type: 'function', function: { name: 'get_time', arguments: '{}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_1_0', content: '{"temp":21}' },
      { role: 'tool', tool_call_id: 'call_1_1', content: 'cold' },
      { role: 'tool', tool_call_id: 'given-id', content: '{"now":"12:00"}' },
      { role: 'user', content: 'Summarise.' },
    ]);
    assert.deepEqual(geminiFront.parse(body).request, request, 'the same request translates the same way');

    // Round trip through the provider's translation gives Gemini back its own turns.
    const again = geminiRequestFromChat(request);
    const contents = again.contents as { role: string; parts: Record<string, { name?: string }>[] }[];
    assert.deepEqual(contents.map((c) => c.role), ['user', 'model', 'user']);
    assert.equal(contents[1]!.parts[0]!.thoughtSignature, 'c2ln');
    assert.deepEqual(contents[2]!.parts.slice(0, 3).map((p) => p.functionResponse?.name), ['get_weather', 'get_weather', 'get_time']);
    assert.deepEqual(contents[2]!.parts[1]!.functionResponse, { id: 'call_1_1', name: 'get_weather', response: { content: 'cold' } });
  });

  it('tools: functionDeclarations (JSON Schema or Google schema) and every toolConfig mode', () => {
    const body = (functionCallingConfig?: unknown) => ({
      contents: [{ role: 'user', parts: [{ text: 'x' }] }],
      tools: [
        {
          functionDeclarations: [
            { name: 'a', description: 'A', parametersJsonSchema: { type: 'object', properties: { q: { type: 'string' } } } },
            { name: 'b', parameters: { type: Type.OBJECT, properties: { n: { type: Type.INTEGER, nullable: true }, type: { type: Type.STRING } }, propertyOrdering: ['n'] } },
            { name: 'c' },
          ],
        },
      ],
      ...(functionCallingConfig ? { toolConfig: { functionCallingConfig } } : {}),
    });
    const plain = geminiFront.parse(body()).request;
    assert.deepEqual(plain.tools, [
      { type: 'function', function: { name: 'a', description: 'A', parameters: { type: 'object', properties: { q: { type: 'string' } } } } },
      { type: 'function', function: { name: 'b', parameters: { type: 'object', properties: { n: { type: ['integer', 'null'] }, type: { type: 'string' } } } } },
      { type: 'function', function: { name: 'c' } },
    ]);
    assert.equal(plain.tool_choice, undefined);
    assert.equal(geminiFront.parse(body({ mode: 'AUTO' })).request.tool_choice, 'auto');
    assert.equal(geminiFront.parse(body({ mode: 'NONE' })).request.tool_choice, 'none');
    assert.equal(geminiFront.parse(body({ mode: 'ANY' })).request.tool_choice, 'required');
    assert.deepEqual(geminiFront.parse(body({ mode: 'ANY', allowedFunctionNames: ['b'] })).request.tool_choice, { type: 'function', function: { name: 'b' } });
    const two = geminiFront.parse(body({ mode: 'ANY', allowedFunctionNames: ['a', 'c'] })).request;
    assert.equal(two.tool_choice, 'required');
    assert.deepEqual(two.tools?.map((t) => t.function.name), ['a', 'c']);
  });

  it('Google schemas become JSON Schema without touching property names', () => {
    assert.deepEqual(
      jsonSchemaFromGemini({ type: 'ARRAY', items: { type: 'OBJECT', properties: { nullable: { type: 'BOOLEAN' } }, required: ['nullable'] }, nullable: true }),
      { type: ['array', 'null'], items: { type: 'object', properties: { nullable: { type: 'boolean' } }, required: ['nullable'] } },
    );
  });

  it('refuses what it cannot translate, naming the field', () => {
    const bad = (body: unknown, re: RegExp) =>
      assert.throws(
        () => geminiFront.parse(body),
        (e: unknown) => e instanceof GatewayError && e.kind === 'invalid_request' && e.status === 400 && re.test(e.message),
      );
    const user = [{ role: 'user', parts: [{ text: 'x' }] }];
    bad({ contents: 'hello' }, /contents/);
    bad({}, /contents/);
    bad({ contents: [] }, /contents/);
    bad({ contents: [{ role: 'system', parts: [{ text: 'x' }] }] }, /contents\[0\]\.role/);
    bad({ contents: [{ role: 'user', parts: [{ functionResponse: { name: 'f', response: {} } }] }] }, /functionResponse "f" answers no earlier functionCall/);
    bad({ contents: [{ role: 'user', parts: [{ executableCode: { code: '1' } }] }] }, /contents\[0\]\.parts\[0\]: executableCode/);
    bad({ contents: user, tools: [{ googleSearch: {} }] }, /tools\[0\]: googleSearch/);
    bad({ contents: user, cachedContent: 'cachedContents/abc' }, /cachedContent/);
    bad({ contents: user, generationConfig: { temperature: 5 } }, /generationConfig\.temperature/);
    bad({ contents: user, generationConfig: { responseMimeType: 'text/x.enum' } }, /responseMimeType/);
  });
});

describe('gemini front: render', () => {
  it('a response as GenerateContentResponse', () => {
    assert.deepEqual(geminiFront.render(response(), { requestedModel: 'my-endpoint' }), {
      candidates: [{ content: { role: 'model', parts: [{ text: 'Hi!' }] }, finishReason: 'STOP', index: 0 }],
      usageMetadata: { promptTokenCount: 3, candidatesTokenCount: 2, totalTokenCount: 5 },
      modelVersion: 'gpt-x',
      responseId: 'chatcmpl-1',
    });
  });

  it('tool calls as functionCall parts with ids; finish reasons; unknown usage left out', () => {
    const out = geminiFront.render(
      response({
        choices: [
          {
            index: 0,
            message: {
              role: 'assistant',
              content: 'Checking.',
              tool_calls: [
                { id: 'call_1', type: 'function', function: { name: 'f', arguments: '{"a":1}' } },
                { id: 'call_2', type: 'function', function: { name: 'g', arguments: 'not json' } },
              ],
            },
            finish_reason: 'tool_calls',
          },
          { index: 1, message: { role: 'assistant', content: 'cut' }, finish_reason: 'length' },
          { index: 2, message: { role: 'assistant', content: null }, finish_reason: 'content_filter' },
        ],
        usage: { prompt_tokens: null, completion_tokens: null, total_tokens: null },
      }),
      { requestedModel: 'ep' },
    ) as Record<string, unknown>;
    assert.deepEqual(out.candidates, [
      {
        content: {
          role: 'model',
          parts: [{ text: 'Checking.' }, { functionCall: { id: 'call_1', name: 'f', args: { a: 1 } } }, { functionCall: { id: 'call_2', name: 'g', args: { arguments: 'not json' } } }],
        },
        finishReason: 'STOP',
        index: 0,
      },
      { content: { role: 'model', parts: [{ text: 'cut' }] }, finishReason: 'MAX_TOKENS', index: 1 },
      { content: { role: 'model', parts: [] }, finishReason: 'SAFETY', index: 2 },
    ]);
    assert.equal(out.usageMetadata, undefined);
  });

  it('stream: text deltas as events, whole function calls, finishReason and usage on the last event', async () => {
    const evs = await collect(
      geminiFront.renderStream(
        from([
          chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]),
          chunk([{ index: 0, delta: { content: 'Hel' }, finish_reason: null }]),
          chunk([{ index: 0, delta: { content: 'lo' }, finish_reason: null }]),
          chunk([{ index: 0, delta: { tool_calls: [{ index: 0, id: 'call_9', type: 'function', function: { name: 'f', arguments: '{"ci' } }] }, finish_reason: null }]),
          chunk([{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: 'ty":"Rome"}' } }] }, finish_reason: null }]),
          chunk([{ index: 0, delta: {}, finish_reason: 'tool_calls' }]),
          chunk([], { prompt_tokens: 7, completion_tokens: 3, total_tokens: 10 }),
        ]),
        { requestedModel: 'ep' },
      ),
    );
    assert.ok(evs.every((e) => e.event === undefined), 'Google frames with data: only');
    const bodies = evs.map((e) => JSON.parse(e.data));
    assert.deepEqual(bodies, [
      { candidates: [{ content: { role: 'model', parts: [{ text: 'Hel' }] }, index: 0 }], modelVersion: 'gpt-x', responseId: 'chatcmpl-s' },
      { candidates: [{ content: { role: 'model', parts: [{ text: 'lo' }] }, index: 0 }], modelVersion: 'gpt-x', responseId: 'chatcmpl-s' },
      {
        candidates: [{ content: { role: 'model', parts: [{ functionCall: { id: 'call_9', name: 'f', args: { city: 'Rome' } } }] }, finishReason: 'STOP', index: 0 }],
        usageMetadata: { promptTokenCount: 7, candidatesTokenCount: 3, totalTokenCount: 10 },
        modelVersion: 'gpt-x',
        responseId: 'chatcmpl-s',
      },
    ]);
  });

  it('stream: an empty stream still closes with a finish event', async () => {
    const evs = await collect(geminiFront.renderStream(from<ChatChunk>([]), { requestedModel: 'ep' }));
    assert.deepEqual(JSON.parse(evs[0]!.data), { candidates: [{ content: { role: 'model', parts: [{ text: '' }] }, finishReason: 'STOP', index: 0 }], modelVersion: 'ep', responseId: '' });
  });

  it('stream: an error mid-stream is one data event with Google\'s error body, then the end', async () => {
    const evs = await collect(
      geminiFront.renderStream(from([chunk([{ index: 0, delta: { content: 'par' }, finish_reason: null }])], new GatewayError('rate_limit', 'Slow down.')), {
        requestedModel: 'ep',
      }),
    );
    assert.equal(evs.length, 2);
    assert.deepEqual(JSON.parse(evs[1]!.data), { error: { code: 429, message: 'Slow down.', status: 'RESOURCE_EXHAUSTED' } });
    const internal = await collect(geminiFront.renderStream(from<ChatChunk>([], new Error('secret stack detail')), { requestedModel: 'ep' }));
    const body = JSON.parse(internal[0]!.data);
    assert.equal(body.error.status, 'INTERNAL');
    assert.ok(!body.error.message.includes('secret'));
  });

  it('errorBody: Google status strings', () => {
    const cases: [GatewayError, number, string][] = [
      [new GatewayError('invalid_request', 'm'), 400, 'INVALID_ARGUMENT'],
      [new GatewayError('authentication', 'm'), 401, 'UNAUTHENTICATED'],
      [new GatewayError('permission', 'm'), 403, 'PERMISSION_DENIED'],
      [new GatewayError('not_found', 'm'), 404, 'NOT_FOUND'],
      [new GatewayError('rate_limit', 'm'), 429, 'RESOURCE_EXHAUSTED'],
      [new GatewayError('internal', 'm'), 500, 'INTERNAL'],
      [new GatewayError('unavailable', 'm'), 503, 'UNAVAILABLE'],
      [new GatewayError('timeout', 'm'), 504, 'DEADLINE_EXCEEDED'],
      [new GatewayError('not_implemented', 'm'), 501, 'UNIMPLEMENTED'],
    ];
    for (const [err, code, status] of cases) assert.deepEqual(geminiFront.errorBody(err), { error: { code, message: 'm', status } });
  });
});

// ------------------------------------------------------------------ the real SDK

describe('@google/genai against the Gemini front backed by the Gemini provider', () => {
  let fake: FakeLlmUpstreams;
  let upstream: Upstream;
  let server: http.Server;
  let ai: GoogleGenAI;

  before(async () => {
    fake = await startFakeLlmUpstreams({ apiKeys: { gemini: KEY } });
    upstream = new Upstream();
    const provider = makeProvider(upstream, fake.geminiBaseUrl);
    // A minimal stand-in for the gateway route: front.parse → provider → front.render(Stream).
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const m = /^\/v1beta\/models\/([^:]+):(generateContent|streamGenerateContent)/.exec(req.url ?? '');
        const model = m?.[1] ?? '';
        const stream = m?.[2] === 'streamGenerateContent';
        const ctx = { requestedModel: model };
        void (async () => {
          try {
            const parsed = geminiFront.parse(JSON.parse(Buffer.concat(chunks).toString('utf8')), { stream });
            if (!parsed.stream) {
              const body = geminiFront.render(await provider.chat(parsed.request, call()), ctx);
              res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
              return;
            }
            const evs: AsyncIterable<SseEvent> = geminiFront.renderStream(provider.chatStream(parsed.request, call()), ctx);
            res.writeHead(200, { 'content-type': 'text/event-stream' });
            for await (const e of evs) res.write(`data: ${e.data}\r\n\r\n`);
            res.end();
          } catch (err) {
            if (res.headersSent) return void res.destroy();
            const e = err instanceof GatewayError ? err : new GatewayError('internal', String(err));
            res.writeHead(e.status, { 'content-type': 'application/json' }).end(JSON.stringify(geminiFront.errorBody(e)));
          }
        })();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    ai = new GoogleGenAI({ apiKey: 'x', httpOptions: { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` } });
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await upstream.close();
    await fake.close();
  });
  beforeEach(() => fake.reset());

  it('generateContent: text, usage and model version', async () => {
    const res = await ai.models.generateContent({ model: 'my-endpoint', contents: 'hello sdk', config: { systemInstruction: 'Be kind.', temperature: 0.2 } });
    assert.equal(res.text, 'Echo: hello sdk');
    assert.equal(res.candidates?.[0]?.finishReason, 'STOP');
    assert.equal(res.usageMetadata?.promptTokenCount, 2);
    assert.equal(res.usageMetadata?.candidatesTokenCount, 3);
    assert.equal(res.usageMetadata?.totalTokenCount, 5);
    assert.equal(res.modelVersion, MODEL);
    assert.equal(fake.requests[0]!.headers['x-goog-api-key'], KEY);
    assert.deepEqual(fake.requests[0]!.body.systemInstruction, { parts: [{ text: 'Be kind.' }] });
  });

  it('generateContent with tools: functionCalls, then a functionResponse turn', async () => {
    fake.enqueue({ toolCalls: [{ name: 'get_weather', arguments: { city: 'Lima' } }] });
    const tools = [{ functionDeclarations: [{ name: 'get_weather', parameters: { type: Type.OBJECT, properties: { city: { type: Type.STRING } }, required: ['city'] } }] }];
    const first = await ai.models.generateContent({ model: 'ep', contents: 'weather in Lima?', config: { tools } });
    const fc = first.functionCalls?.[0];
    assert.equal(fc?.name, 'get_weather');
    assert.deepEqual(fc?.args, { city: 'Lima' });
    assert.match(fc?.id ?? '', /^call_/);
    assert.deepEqual((fake.requests[0]!.body.tools as unknown[])[0], {
      functionDeclarations: [{ name: 'get_weather', parametersJsonSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } }],
    });

    fake.enqueue({ text: 'It is sunny in Lima.' });
    const second = await ai.models.generateContent({
      model: 'ep',
      contents: [
        { role: 'user', parts: [{ text: 'weather in Lima?' }] },
        first.candidates![0]!.content!,
        { role: 'user', parts: [{ functionResponse: { id: fc.id!, name: 'get_weather', response: { forecast: 'sunny' } } }] },
      ],
      config: { tools },
    });
    assert.equal(second.text, 'It is sunny in Lima.');
    const sent = fake.requests[1]!.body.contents as { role: string; parts: Record<string, unknown>[] }[];
    assert.deepEqual(sent[2], { role: 'user', parts: [{ functionResponse: { id: fc.id, name: 'get_weather', response: { forecast: 'sunny' } } }] });
  });

  it('generateContentStream: text chunks, then finish reason and usage', async () => {
    fake.enqueue({ text: 'streaming through the gateway', chunkSize: 5, usage: { inputTokens: 2, outputTokens: 4 } });
    let text = '';
    let last: { finishReason?: string | undefined; total?: number | undefined } = {};
    for await (const c of await ai.models.generateContentStream({ model: 'ep', contents: 'go' })) {
      text += c.text ?? '';
      if (c.candidates?.[0]?.finishReason) last = { finishReason: c.candidates[0].finishReason, total: c.usageMetadata?.totalTokenCount };
    }
    assert.equal(text, 'streaming through the gateway');
    assert.deepEqual(last, { finishReason: 'STOP', total: 6 });
  });

  it('errors: a 429 before the stream and a failure mid-stream reach the SDK as ApiError', async () => {
    fake.enqueue({ error: { status: 429, message: 'Quota exceeded for this minute.' } });
    await assert.rejects(
      ai.models.generateContent({ model: 'ep', contents: 'x' }),
      (e: unknown) => e instanceof ApiError && e.status === 429 && /Quota exceeded/.test(e.message) && /RESOURCE_EXHAUSTED/.test(e.message),
    );
    fake.enqueue({ text: 'abcdefghijklmnop', streamError: { status: 503, message: 'Overloaded mid-stream.' } });
    let text = '';
    await assert.rejects(
      (async () => {
        for await (const c of await ai.models.generateContentStream({ model: 'ep', contents: 'x' })) text += c.text ?? '';
      })(),
      (e: unknown) => e instanceof ApiError && e.status === 503 && /Overloaded mid-stream/.test(e.message),
    );
    assert.equal(text, 'abcdefgh');
  });
});
