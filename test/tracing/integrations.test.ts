/**
 * `tracedOpenAI`, `tracedAnthropic` and `tracedGemini` end to end: the real SDK clients, pointed
 * at local fake upstreams (test/fakes), call through the wrappers; the SDK exports to a live
 * in-process tracking server; each trace is read back over HTTP (trace info, then the
 * `traces.json` artifact it points to) and its spans checked: type, inputs, outputs, model, token
 * usage, tools, chunk events, errors, early `break`. Every trace read is also checked for the
 * API keys and custom headers, which must never be exported.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { Stream as OpenAIStream } from 'openai/streaming';
import Anthropic from '@anthropic-ai/sdk';
import { GoogleGenAI, ApiError as GeminiApiError, Type } from '@google/genai';
import { startTrackingServer, type RunningServer } from '../../src/tracking/server.ts';
import { flushTraces, getLastActiveTraceId, init, withSpan } from '../../src/tracing/index.ts';
import { normalizeTokenUsage, tracedAnthropic, tracedGemini, tracedOpenAI } from '../../src/tracing/integrations/index.ts';
import { MAX_CHUNK_EVENTS } from '../../src/tracing/integrations/shared.ts';
import { startFakeLlmUpstreams, type FakeLlmUpstreams } from '../fakes/llm-upstreams.ts';

const KEYS = {
  openai: 'sk-openai-TEST-KEY-0123456789abcdef',
  anthropic: 'sk-ant-TEST-KEY-0123456789abcdef',
  gemini: 'AIza-gemini-TEST-KEY-0123456789',
} as const;
/** A header value sent with requests; like the keys, it must never reach a span. */
const HEADER_SECRET = 'hdr-SECRET-9f8e7d6c5b4a';
const SECRETS = [...Object.values(KEYS), HEADER_SECRET];

interface Span {
  name: string;
  span_id: string;
  parent_span_id: string;
  status: { code: string; message: string };
  attributes: Record<string, unknown>;
  events: { name: string; attributes: Record<string, unknown> }[];
}

interface ReadTrace {
  info: { trace_id: string; state: string; trace_metadata: Record<string, string>; tags: Record<string, string> };
  spans: Span[];
}

let server: RunningServer;
let fake: FakeLlmUpstreams;
let artifactsDir: string;
let experimentId: string;
let lastSeenTraceId: string | undefined;

let rawOpenai: OpenAI;
let openai: OpenAI;
let anthropic: Anthropic;
let gemini: GoogleGenAI;

async function getJson(path: string): Promise<unknown> {
  const res = await fetch(`${server.url}${path}`);
  const text = await res.text();
  assert.equal(res.status, 200, `${path}: ${text}`);
  for (const secret of SECRETS) assert.ok(!text.includes(secret), `a secret leaked into ${path}`);
  return JSON.parse(text) as unknown;
}

/** The trace the last traced call finished (a new one each time), read back from the server. */
async function lastTrace(): Promise<ReadTrace> {
  const id = getLastActiveTraceId();
  assert.ok(id !== undefined && id !== lastSeenTraceId, 'the call did not finish a new trace');
  lastSeenTraceId = id;
  await flushTraces();
  const { trace } = (await getJson(`/api/3.0/mlflow/traces/${id}`)) as { trace: { trace_info: ReadTrace['info'] } };
  const location = trace.trace_info.tags['mlflow.artifactLocation'];
  assert.ok(location !== undefined && location.startsWith('mlflow-artifacts:/'), `artifact location: ${location}`);
  const path = location.slice('mlflow-artifacts:/'.length).replace(/^\/+/, '');
  const { spans } = (await getJson(`/api/2.0/mlflow-artifacts/artifacts/${path}/traces.json`)) as { spans: Span[] };
  return { info: trace.trace_info, spans };
}

/** The one span of a trace made by a single SDK call. */
async function onlySpan(): Promise<Span & { trace: ReadTrace }> {
  const t = await lastTrace();
  assert.equal(t.spans.length, 1, `spans: ${t.spans.map((s) => s.name).join(', ')}`);
  return { ...t.spans[0]!, trace: t };
}

const chunkEvents = (span: Span): unknown[] =>
  span.events
    .filter((e) => e.name.startsWith('mlflow.chunk.item.'))
    .map((e, i) => {
      assert.equal(e.name, `mlflow.chunk.item.${i}`);
      return JSON.parse(e.attributes['mlflow.chunk.value'] as string) as unknown;
    });

function assertUsage(span: Span, usage: Record<string, number>): void {
  assert.deepEqual(span.attributes['mlflow.chat.tokenUsage'], usage);
  assert.equal(span.attributes['gen_ai.usage.input_tokens'], usage.input_tokens);
  assert.equal(span.attributes['gen_ai.usage.output_tokens'], usage.output_tokens);
}

function assertModel(span: Span, requested: string, answered: string, system: string): void {
  assert.equal(span.attributes['mlflow.llm.model'], requested);
  assert.equal(span.attributes['gen_ai.request.model'], requested);
  assert.equal(span.attributes['gen_ai.response.model'], answered);
  assert.equal(span.attributes['gen_ai.system'], system);
  assert.equal(span.attributes['mlflow.llm.provider'], system);
}

/** The span failed with `error`, the very error the caller got. */
function assertFailed(span: Span & { trace: ReadTrace }, error: unknown, message: RegExp): void {
  assert.ok(error instanceof Error);
  assert.match(error.message, message);
  assert.equal(span.status.code, 'STATUS_CODE_ERROR');
  assert.equal(span.status.message, error.message);
  const exception = span.events.find((e) => e.name === 'exception');
  assert.ok(exception, 'exception event');
  assert.equal(exception.attributes['exception.type'], error.name);
  assert.equal(exception.attributes['exception.message'], error.message);
  assert.equal(span.trace.info.state, 'ERROR');
}

async function caught(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
  } catch (err) {
    return err;
  }
  return assert.fail('expected the call to throw');
}

before(async () => {
  artifactsDir = mkdtempSync(join(tmpdir(), 'mlflow-ts-integrations-'));
  server = await startTrackingServer({ backendStoreUri: ':memory:', port: 0, artifactsDestination: artifactsDir });
  const res = await fetch(`${server.url}/api/2.0/mlflow/experiments/create`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'llm-integrations' }),
  });
  experimentId = ((await res.json()) as { experiment_id: string }).experiment_id;
  init({ trackingUri: server.url, experimentId, configFile: false, handleSignals: false });
  // The fake rejects a wrong key, so a passing call proves the key really went upstream.
  fake = await startFakeLlmUpstreams({ apiKeys: KEYS });
  rawOpenai = new OpenAI({ apiKey: KEYS.openai, baseURL: fake.openaiBaseUrl, maxRetries: 0, defaultHeaders: { 'x-custom-auth': HEADER_SECRET } });
  openai = tracedOpenAI(rawOpenai);
  anthropic = tracedAnthropic(new Anthropic({ apiKey: KEYS.anthropic, baseURL: fake.anthropicBaseUrl, maxRetries: 0 }));
  gemini = tracedGemini(new GoogleGenAI({ apiKey: KEYS.gemini, httpOptions: { baseUrl: fake.geminiBaseUrl } }));
});

after(async () => {
  await flushTraces();
  await fake?.close();
  await server?.close();
  rmSync(artifactsDir, { recursive: true, force: true });
});

const WEATHER_TOOL = {
  type: 'function' as const,
  function: {
    name: 'get_weather',
    description: 'Current weather in a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};

describe('tracedOpenAI', () => {
  it('records a chat completion with tools as a CHAT_MODEL span: inputs, outputs, model, usage, tools', async () => {
    fake.enqueue({
      toolCalls: [{ id: 'call_w1', name: 'get_weather', arguments: { city: 'Paris' } }],
      model: 'gpt-4o-mini-2024-07-18',
      usage: { inputTokens: 21, outputTokens: 9, cachedInputTokens: 4 },
    });
    const params = {
      model: 'gpt-4o-mini',
      messages: [{ role: 'user' as const, content: 'Weather in Paris?' }],
      tools: [WEATHER_TOOL],
      temperature: 0.2,
    };
    const completion = await openai.chat.completions.create(params, { headers: { 'x-per-call': HEADER_SECRET } });
    assert.equal(completion.choices[0]?.message.tool_calls?.[0]?.id, 'call_w1');
    assert.equal(fake.requests.at(-1)?.headers['x-custom-auth'], HEADER_SECRET, 'the header did reach the upstream');

    const span = await onlySpan();
    assert.equal(span.name, 'Completions');
    assert.equal(span.attributes['mlflow.spanType'], 'CHAT_MODEL');
    assert.equal(span.status.code, 'STATUS_CODE_OK');
    assert.deepEqual(span.attributes['mlflow.spanInputs'], params);
    assert.deepEqual(span.attributes['mlflow.spanOutputs'], JSON.parse(JSON.stringify(completion)));
    assertModel(span, 'gpt-4o-mini', 'gpt-4o-mini-2024-07-18', 'openai');
    assert.equal(span.attributes['gen_ai.operation.name'], 'chat');
    assert.equal(span.attributes['gen_ai.request.temperature'], 0.2);
    assert.deepEqual(span.attributes['gen_ai.response.finish_reasons'], ['tool_calls']);
    assert.equal(span.attributes['gen_ai.response.id'], completion.id);
    assert.equal(span.attributes['mlflow.message.format'], 'openai');
    assert.deepEqual(span.attributes['mlflow.chat.tools'], [WEATHER_TOOL]);
    assertUsage(span, { input_tokens: 21, output_tokens: 9, total_tokens: 30, cache_read_input_tokens: 4 });
    assert.equal(span.trace.info.state, 'OK');
    assert.deepEqual(JSON.parse(span.trace.info.trace_metadata['mlflow.trace.tokenUsage']!), {
      input_tokens: 21,
      output_tokens: 9,
      total_tokens: 30,
      cache_read_input_tokens: 4,
    });
  });

  it('streams chat chunks unchanged and records them as events, the aggregate as outputs, usage from the usage chunk', async () => {
    fake.enqueue({ text: 'Streaming works fine.', chunkSize: 5, usage: { inputTokens: 6, outputTokens: 4 } });
    const stream = await openai.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'stream please' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    assert.ok(stream instanceof OpenAIStream, 'the SDK stream object itself');
    assert.ok(stream.controller instanceof AbortController);
    const received: OpenAI.Chat.Completions.ChatCompletionChunk[] = [];
    for await (const chunk of stream) received.push(chunk);
    const text = received.map((c) => c.choices[0]?.delta.content ?? '').join('');
    assert.equal(text, 'Streaming works fine.');

    const span = await onlySpan();
    assert.equal(span.attributes['mlflow.spanType'], 'CHAT_MODEL');
    assert.deepEqual(chunkEvents(span), JSON.parse(JSON.stringify(received)));
    const outputs = span.attributes['mlflow.spanOutputs'] as { object: string; choices: { message: { content: string }; finish_reason: string }[] };
    assert.equal(outputs.object, 'chat.completion');
    assert.equal(outputs.choices[0]?.message.content, 'Streaming works fine.');
    assert.equal(outputs.choices[0]?.finish_reason, 'stop');
    assertUsage(span, { input_tokens: 6, output_tokens: 4, total_tokens: 10, cache_read_input_tokens: 0 });
    assert.equal(span.attributes['mlflow.stream.incomplete'], undefined);
  });

  it('aggregates streamed tool-call arguments, read through withResponse() and toReadableStream()', async () => {
    fake.enqueue({ toolCalls: [{ id: 'call_s1', name: 'get_weather', arguments: { city: 'Oslo', unit: 'celsius' } }], chunkSize: 6 });
    const { data: stream, response } = await openai.chat.completions
      .create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Oslo?' }], tools: [WEATHER_TOOL], stream: true })
      .withResponse();
    assert.match(response.headers.get('x-request-id') ?? '', /^req_fake/);
    const reader = stream.toReadableStream().getReader();
    const decoder = new TextDecoder();
    let lines = '';
    for (let r = await reader.read(); !r.done; r = await reader.read()) lines += decoder.decode(r.value);
    const chunks = lines.trim().split('\n').map((l) => JSON.parse(l) as OpenAI.Chat.Completions.ChatCompletionChunk);
    const args = chunks.map((c) => c.choices[0]?.delta.tool_calls?.[0]?.function?.arguments ?? '').join('');
    assert.deepEqual(JSON.parse(args), { city: 'Oslo', unit: 'celsius' });

    const span = await onlySpan();
    assert.equal(chunkEvents(span).length, chunks.length);
    const outputs = span.attributes['mlflow.spanOutputs'] as { choices: { message: { tool_calls: unknown[] }; finish_reason: string }[] };
    assert.deepEqual(outputs.choices[0]?.message.tool_calls, [
      { id: 'call_s1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo","unit":"celsius"}' } },
    ]);
    assert.equal(outputs.choices[0]?.finish_reason, 'tool_calls');
    assert.deepEqual(span.attributes['mlflow.chat.tools'], [WEATHER_TOOL]);
    assert.equal(span.attributes['mlflow.chat.tokenUsage'], undefined, 'no usage without stream_options.include_usage');
  });

  it('ends the span when the consumer breaks out of a stream early, with what had arrived', async () => {
    fake.enqueue({ text: 'one two three four five six seven eight', chunkSize: 4 });
    const stream = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'count' }], stream: true });
    let taken = 0;
    for await (const chunk of stream) {
      void chunk;
      if (++taken === 2) break;
    }
    assert.ok(stream.controller.signal.aborted, 'breaking still aborts the request, as without tracing');

    const span = await onlySpan();
    assert.equal(span.status.code, 'STATUS_CODE_OK');
    assert.equal(span.attributes['mlflow.stream.incomplete'], true);
    assert.equal(chunkEvents(span).length, 2);
    const outputs = span.attributes['mlflow.spanOutputs'] as { choices: { message: { content: string }; finish_reason: string | null }[] };
    assert.equal(outputs.choices[0]?.message.content, 'one ');
    assert.equal(outputs.choices[0]?.finish_reason, null);
  });

  it('bounds the chunk events of a long stream but still aggregates every chunk', async () => {
    const long = 'x'.repeat(MAX_CHUNK_EVENTS + 50);
    fake.enqueue({ text: long, chunkSize: 1 });
    const stream = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'long' }], stream: true });
    let count = 0;
    for await (const chunk of stream) if (chunk) count++;
    assert.ok(count > MAX_CHUNK_EVENTS);
    const span = await onlySpan();
    assert.equal(chunkEvents(span).length, MAX_CHUNK_EVENTS);
    assert.equal(span.attributes['mlflow.chunk.dropped'], count - MAX_CHUNK_EVENTS);
    assert.equal((span.attributes['mlflow.spanOutputs'] as { choices: { message: { content: string } }[] }).choices[0]?.message.content, long);
  });

  it('records an upstream error as ERROR with an exception event and rethrows the SDK error unchanged', async () => {
    fake.enqueue({ error: { status: 404, message: 'The model `gpt-nope` does not exist', code: 'model_not_found' } });
    const error = await caught(() => openai.chat.completions.create({ model: 'gpt-nope', messages: [{ role: 'user', content: 'x' }] }));
    assert.ok(error instanceof OpenAI.NotFoundError);
    assert.equal(error.status, 404);
    assert.equal(error.code, 'model_not_found');

    const span = await onlySpan();
    assertFailed(span, error, /does not exist/);
    assert.deepEqual(span.attributes['mlflow.spanInputs'], { model: 'gpt-nope', messages: [{ role: 'user', content: 'x' }] });
    assert.equal(span.attributes['mlflow.spanOutputs'], undefined);
  });

  it('records an error in the middle of a stream, keeping the chunks before it', async () => {
    fake.enqueue({ text: 'partial answer here', chunkSize: 7, streamError: { status: 500, message: 'upstream exploded' }, chunksBeforeError: 2 });
    const stream = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'go' }], stream: true });
    const seen: string[] = [];
    const error = await caught(async () => {
      for await (const chunk of stream) seen.push(chunk.choices[0]?.delta.content ?? '');
    });
    const span = await onlySpan();
    assertFailed(span, error, /upstream exploded/);
    assert.equal(chunkEvents(span).length, 2);
    const outputs = span.attributes['mlflow.spanOutputs'] as { choices: { message: { content: string } }[] };
    assert.equal(outputs.choices[0]?.message.content, seen.join(''));
  });

  it('records embeddings as an EMBEDDING span with the decoded vectors', async () => {
    const res = await openai.embeddings.create({ model: 'text-embedding-3-small', input: ['alpha beta', 'gamma'] });
    assert.equal(res.data.length, 2);
    const span = await onlySpan();
    assert.equal(span.name, 'Embeddings');
    assert.equal(span.attributes['mlflow.spanType'], 'EMBEDDING');
    assert.equal(span.attributes['gen_ai.operation.name'], 'embeddings');
    assert.equal(span.attributes['mlflow.message.format'], undefined);
    const outputs = span.attributes['mlflow.spanOutputs'] as { data: { embedding: number[] }[] };
    assert.deepEqual(outputs.data[1]?.embedding, Array.from(res.data[1]!.embedding));
    assert.equal(outputs.data[0]?.embedding.length, 8);
    assertModel(span, 'text-embedding-3-small', 'text-embedding-3-small', 'openai');
    assertUsage(span, { input_tokens: 3, output_tokens: 0, total_tokens: 3 });
  });

  it('records legacy completions as LLM spans, streamed or not', async () => {
    const completion = await openai.completions.create({ model: 'gpt-3.5-turbo-instruct', prompt: 'Say hello' });
    const plain = await onlySpan();
    assert.equal(plain.attributes['mlflow.spanType'], 'LLM');
    assert.equal(plain.attributes['gen_ai.operation.name'], 'text_completion');
    assert.equal((plain.attributes['mlflow.spanOutputs'] as { choices: { text: string }[] }).choices[0]?.text, completion.choices[0]?.text);
    assertUsage(plain, { input_tokens: 2, output_tokens: 3, total_tokens: 5 });

    const stream = await openai.completions.create({
      model: 'gpt-3.5-turbo-instruct',
      prompt: 'Say hello again',
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.text ?? '';
    const streamed = await onlySpan();
    assert.equal(streamed.attributes['mlflow.spanType'], 'LLM');
    assert.equal((streamed.attributes['mlflow.spanOutputs'] as { choices: { text: string }[] }).choices[0]?.text, text);
    assertUsage(streamed, { input_tokens: 3, output_tokens: 4, total_tokens: 7 });
  });

  it('records the Responses API as CHAT_MODEL spans; a stream yields the final response', async () => {
    const tool = { type: 'function' as const, name: 'lookup', description: 'Look up', parameters: { type: 'object', properties: {} }, strict: false };
    fake.enqueue({ text: 'Here you go.', toolCalls: [{ id: 'call_r1', name: 'lookup', arguments: { q: 'x' } }] });
    const response = await openai.responses.create({ model: 'gpt-4.1', input: 'find x', tools: [tool] });
    assert.equal(response.output_text, 'Here you go.');
    const plain = await onlySpan();
    assert.equal(plain.name, 'Responses');
    assert.equal(plain.attributes['mlflow.spanType'], 'CHAT_MODEL');
    assert.deepEqual(plain.attributes['mlflow.chat.tools'], [
      { type: 'function', function: { name: 'lookup', description: 'Look up', parameters: { type: 'object', properties: {} }, strict: false } },
    ]);
    assert.equal((plain.attributes['mlflow.spanOutputs'] as { id: string }).id, response.id);
    // Fake token counts are word counts: "Here you go." and `lookup {"q":"x"}`.
    assertUsage(plain, { input_tokens: 2, output_tokens: 5, total_tokens: 7, cache_read_input_tokens: 0 });

    const stream = await openai.responses.create({ model: 'gpt-4.1', input: 'stream it', stream: true });
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    assert.equal(types.at(-1), 'response.completed');
    const streamed = await onlySpan();
    assert.equal(chunkEvents(streamed).length, types.length);
    const outputs = streamed.attributes['mlflow.spanOutputs'] as { status: string; output: { content: { text: string }[] }[] };
    assert.equal(outputs.status, 'completed');
    assert.equal(outputs.output[0]?.content[0]?.text, 'Echo: stream it');
    assertUsage(streamed, { input_tokens: 2, output_tokens: 3, total_tokens: 5, cache_read_input_tokens: 0 });
  });

  it('nests under the active span, wraps once, and leaves the rest of the client untouched', async () => {
    assert.equal(tracedOpenAI(openai), openai, 'wrapping a traced client returns it');
    assert.equal(openai.chat, openai.chat, 'nested resources are stable');
    assert.equal(openai.baseURL, rawOpenai.baseURL);
    assert.equal(openai.apiKey, rawOpenai.apiKey);

    await withSpan(async () => {
      await tracedOpenAI(openai).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'inside' }] });
    }, { name: 'agent', spanType: 'AGENT' });
    const t = await lastTrace();
    assert.deepEqual(t.spans.map((s) => s.name).sort(), ['Completions', 'agent']);
    const [agent, llm] = [t.spans.find((s) => s.name === 'agent')!, t.spans.find((s) => s.name === 'Completions')!];
    assert.equal(llm.parent_span_id, agent.span_id);

    const derived = openai.withOptions({ timeout: 5000 });
    await derived.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'derived' }] });
    assert.equal((await onlySpan()).name, 'Completions', 'a client from withOptions() is traced too');

    const before = getLastActiveTraceId();
    await rawOpenai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'raw' }] });
    assert.equal(getLastActiveTraceId(), before, 'the original client stays untraced');
  });
});

describe('tracedAnthropic', () => {
  const ANTHROPIC_TOOL = {
    name: 'get_weather',
    description: 'Current weather in a city',
    input_schema: { type: 'object' as const, properties: { city: { type: 'string' } }, required: ['city'] },
  };

  it('records messages.create with tools; usage counts cache reads in input as MLflow does', async () => {
    fake.enqueue({
      text: 'Checking.',
      toolCalls: [{ id: 'toolu_1', name: 'get_weather', arguments: { city: 'Rome' } }],
      model: 'claude-fake-1-20250101',
      usage: { inputTokens: 30, outputTokens: 12, cachedInputTokens: 10 },
    });
    const params = { model: 'claude-fake-1', max_tokens: 256, messages: [{ role: 'user' as const, content: 'Rome?' }], tools: [ANTHROPIC_TOOL] };
    const message = await anthropic.messages.create(params);
    assert.equal(message.stop_reason, 'tool_use');

    const span = await onlySpan();
    assert.equal(span.name, 'Messages.create');
    assert.equal(span.attributes['mlflow.spanType'], 'CHAT_MODEL');
    assert.deepEqual(span.attributes['mlflow.spanInputs'], params);
    assert.deepEqual(span.attributes['mlflow.spanOutputs'], JSON.parse(JSON.stringify(message)));
    assertModel(span, 'claude-fake-1', 'claude-fake-1-20250101', 'anthropic');
    assert.equal(span.attributes['gen_ai.request.max_tokens'], 256);
    assert.equal(span.attributes['mlflow.message.format'], 'anthropic');
    assert.deepEqual(span.attributes['mlflow.chat.tools'], [
      { type: 'function', function: { name: 'get_weather', description: ANTHROPIC_TOOL.description, parameters: ANTHROPIC_TOOL.input_schema } },
    ]);
    assertUsage(span, { input_tokens: 30, output_tokens: 12, total_tokens: 42, cache_read_input_tokens: 10, cache_creation_input_tokens: 0 });
  });

  it('aggregates a raw event stream (stream: true) into the final message', async () => {
    fake.enqueue({ text: 'Let me look.', toolCalls: [{ id: 'toolu_2', name: 'get_weather', arguments: { city: 'Lima' } }], chunkSize: 5 });
    const stream = await anthropic.messages.create({ model: 'claude-fake-1', max_tokens: 100, messages: [{ role: 'user', content: 'Lima weather' }], stream: true });
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    assert.deepEqual([types[0], types.at(-1)], ['message_start', 'message_stop']);

    const span = await onlySpan();
    assert.deepEqual(chunkEvents(span).map((e) => (e as { type: string }).type), types);
    const outputs = span.attributes['mlflow.spanOutputs'] as { content: unknown[]; stop_reason: string };
    assert.deepEqual(outputs.content, [
      { type: 'text', text: 'Let me look.' },
      { type: 'tool_use', id: 'toolu_2', name: 'get_weather', input: { city: 'Lima' } },
    ]);
    assert.equal(outputs.stop_reason, 'tool_use');
    assertUsage(span, { input_tokens: 2, output_tokens: 5, total_tokens: 7, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 });
  });

  it('traces messages.stream() once, with its events and finalMessage() working as without tracing', async () => {
    fake.enqueue({ text: 'Streamed via helper.', chunkSize: 6 });
    const stream = anthropic.messages.stream({ model: 'claude-fake-1', max_tokens: 100, messages: [{ role: 'user', content: 'helper' }] });
    const texts: string[] = [];
    stream.on('text', (delta) => texts.push(delta));
    const final = await stream.finalMessage();
    assert.equal(texts.join(''), 'Streamed via helper.');

    const span = await onlySpan();
    assert.equal(span.name, 'Messages.stream');
    assert.deepEqual(span.attributes['mlflow.spanOutputs'], JSON.parse(JSON.stringify(final)));
    assert.equal(chunkEvents(span)[0] && (chunkEvents(span)[0] as { type: string }).type, 'message_start');
    assertUsage(span, { input_tokens: 1, output_tokens: 3, total_tokens: 4, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 });
  });

  it('ends the messages.stream() span when the consumer breaks early', async () => {
    fake.enqueue({ text: 'a long answer that keeps going and going', chunkSize: 3 });
    const stream = anthropic.messages.stream({ model: 'claude-fake-1', max_tokens: 100, messages: [{ role: 'user', content: 'long' }] });
    for await (const event of stream) if (event.type === 'content_block_delta') break;
    await assert.rejects(stream.done(), (err: Error) => err.name === 'APIUserAbortError');
    const span = await onlySpan();
    assert.equal(span.status.code, 'STATUS_CODE_OK');
    assert.equal(span.attributes['mlflow.stream.incomplete'], true);
    assert.ok(chunkEvents(span).length >= 3, 'message_start, content_block_start and a delta were seen');
  });

  it('records an upstream error and an in-stream error', async () => {
    fake.enqueue({ error: { status: 400, message: 'max_tokens: Field required' } });
    const error = await caught(() => anthropic.messages.create({ model: 'claude-fake-1', max_tokens: 1, messages: [{ role: 'user', content: 'q' }] }));
    assert.ok(error instanceof Anthropic.BadRequestError && error.status === 400);
    assertFailed(await onlySpan(), error, /Field required/);

    fake.enqueue({ streamError: { status: 529, message: 'Overloaded' }, chunksBeforeError: 3 });
    const stream = await anthropic.messages.create({ model: 'claude-fake-1', max_tokens: 1, messages: [{ role: 'user', content: 'q' }], stream: true });
    const received: unknown[] = [];
    const streamError = await caught(async () => {
      for await (const event of stream) received.push(event);
    });
    const span = await onlySpan();
    assertFailed(span, streamError, /Overloaded/);
    // The SDK drops `ping`, so two of the three events before the error reach the caller.
    assert.equal(received.length, 2);
    assert.deepEqual(chunkEvents(span), JSON.parse(JSON.stringify(received)));

    fake.enqueue({ streamError: { status: 529, message: 'Overloaded again' }, chunksBeforeError: 4 });
    const helper = anthropic.messages.stream({ model: 'claude-fake-1', max_tokens: 1, messages: [{ role: 'user', content: 'q' }] });
    const helperError = await caught(() => helper.finalMessage());
    // The span learns the error from the stream's own promise: let its callbacks run first.
    await new Promise((resolve) => setImmediate(resolve));
    const helperSpan = await onlySpan();
    assert.equal(helperSpan.name, 'Messages.stream');
    assertFailed(helperSpan, helperError, /Overloaded again/);
  });
});

describe('tracedGemini', () => {
  const declaration = { name: 'get_weather', description: 'Current weather', parameters: { type: Type.OBJECT, properties: { city: { type: Type.STRING } } } };

  it('records generateContent with tools; response headers and per-call headers are not recorded', async () => {
    fake.enqueue({ text: 'Sure.', toolCalls: [{ name: 'get_weather', arguments: { city: 'Kyoto' } }], model: 'gemini-fake-001', usage: { inputTokens: 11, outputTokens: 5 } });
    const response = await gemini.models.generateContent({
      model: 'gemini-fake',
      contents: 'Kyoto weather?',
      config: { tools: [{ functionDeclarations: [declaration] }], temperature: 0.5, httpOptions: { headers: { 'x-custom-auth': HEADER_SECRET } } },
    });
    assert.deepEqual(response.functionCalls, [{ name: 'get_weather', args: { city: 'Kyoto' } }]);
    assert.ok(response.sdkHttpResponse, 'the SDK result still carries its response headers');
    assert.equal(fake.requests.at(-1)?.headers['x-custom-auth'], HEADER_SECRET);

    const span = await onlySpan();
    assert.equal(span.name, 'Models.generateContent');
    assert.equal(span.attributes['mlflow.spanType'], 'CHAT_MODEL');
    assertModel(span, 'gemini-fake', 'gemini-fake-001', 'gemini');
    assert.equal(span.attributes['gen_ai.request.temperature'], 0.5);
    assert.deepEqual(span.attributes['mlflow.spanInputs'], { model: 'gemini-fake', contents: 'Kyoto weather?', config: { tools: [{ functionDeclarations: [declaration] }], temperature: 0.5 } });
    const outputs = span.attributes['mlflow.spanOutputs'] as Record<string, unknown>;
    assert.equal(outputs.sdkHttpResponse, undefined);
    assert.deepEqual(outputs.candidates, JSON.parse(JSON.stringify(response.candidates)));
    assert.deepEqual(span.attributes['mlflow.chat.tools'], [{ type: 'function', function: declaration }]);
    assert.deepEqual(span.attributes['gen_ai.response.finish_reasons'], ['STOP']);
    assertUsage(span, { input_tokens: 11, output_tokens: 5, total_tokens: 16 });
  });

  it('records generateContentStream: chunks as events, joined text and usage', async () => {
    fake.enqueue({ text: 'Gemini streams text.', chunkSize: 6 });
    const stream = await gemini.models.generateContentStream({ model: 'gemini-fake', contents: 'stream it please' });
    let text = '';
    let chunks = 0;
    for await (const chunk of stream) {
      text += chunk.text ?? '';
      chunks++;
    }
    assert.equal(text, 'Gemini streams text.');
    const span = await onlySpan();
    assert.equal(span.name, 'Models.generateContentStream');
    assert.equal(chunkEvents(span).length, chunks);
    for (const c of chunkEvents(span)) assert.equal((c as Record<string, unknown>).sdkHttpResponse, undefined);
    const outputs = span.attributes['mlflow.spanOutputs'] as { candidates: { content: { parts: { text: string }[] }; finishReason: string }[] };
    assert.deepEqual(outputs.candidates[0]?.content.parts, [{ text: 'Gemini streams text.' }]);
    assert.equal(outputs.candidates[0]?.finishReason, 'STOP');
    assertUsage(span, { input_tokens: 3, output_tokens: 3, total_tokens: 6 });
  });

  it('ends the stream span on an early break', async () => {
    fake.enqueue({ text: 'many small pieces of text here', chunkSize: 2 });
    const stream = await gemini.models.generateContentStream({ model: 'gemini-fake', contents: 'go' });
    for await (const chunk of stream) {
      void chunk;
      break;
    }
    const span = await onlySpan();
    assert.equal(span.status.code, 'STATUS_CODE_OK');
    assert.equal(span.attributes['mlflow.stream.incomplete'], true);
    assert.equal(chunkEvents(span).length, 1);
  });

  it('records embedContent as EMBEDDING and an upstream error as ERROR', async () => {
    const res = await gemini.models.embedContent({ model: 'text-embedding-fake', contents: ['one', 'two'] });
    assert.equal(res.embeddings?.length, 2);
    const span = await onlySpan();
    assert.equal(span.name, 'Models.embedContent');
    assert.equal(span.attributes['mlflow.spanType'], 'EMBEDDING');
    assert.equal((span.attributes['mlflow.spanOutputs'] as { embeddings: unknown[] }).embeddings.length, 2);

    fake.enqueue({ error: { status: 404, message: 'models/gemini-nope is not found' } });
    const error = await caught(() => gemini.models.generateContent({ model: 'gemini-nope', contents: 'x' }));
    assert.ok(error instanceof GeminiApiError && error.status === 404);
    assertFailed(await onlySpan(), error, /is not found/);
  });
});

describe('normalizeTokenUsage', () => {
  it('maps every vendor shape to MLflow token usage', () => {
    assert.deepEqual(normalizeTokenUsage({ prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 }), { input_tokens: 5, output_tokens: 2, total_tokens: 7 });
    assert.deepEqual(normalizeTokenUsage({ input_tokens: 4, output_tokens: 1, cache_read_input_tokens: 6, cache_creation_input_tokens: 2 }), {
      input_tokens: 12,
      output_tokens: 1,
      total_tokens: 13,
      cache_read_input_tokens: 6,
      cache_creation_input_tokens: 2,
    });
    assert.deepEqual(normalizeTokenUsage({ promptTokenCount: 8, candidatesTokenCount: 3, thoughtsTokenCount: 2, totalTokenCount: 13 }), {
      input_tokens: 8,
      output_tokens: 5,
      total_tokens: 13,
    });
    assert.equal(normalizeTokenUsage({ something: 1 }), undefined);
    assert.equal(normalizeTokenUsage(null), undefined);
  });
});
