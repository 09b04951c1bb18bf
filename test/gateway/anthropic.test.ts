/**
 * Anthropic both ways. The provider against the wire-exact fake Anthropic API (what goes upstream,
 * how messages, streams, usage and errors come back unified, passthrough, cancellation); the front
 * as pure translation (parse, render, renderStream); and round trips through `@anthropic-ai/sdk`,
 * which must accept what the front renders, streamed or not.
 */
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Anthropic from '@anthropic-ai/sdk';
import {
  DEFAULT_MAX_TOKENS,
  anthropicProvider,
  chunksFromAnthropicEvents,
  messagesUrl,
  toAnthropicRequest,
} from '../../src/gateway/providers/anthropic.ts';
import { anthropicFront } from '../../src/gateway/fronts/anthropic.ts';
import type { Provider } from '../../src/gateway/providers/provider.ts';
import { Upstream, type SseEvent } from '../../src/gateway/upstream.ts';
import { GatewayError } from '../../src/gateway/errors.ts';
import { messagesRequestSchema } from '../../src/gateway/vendors/anthropic.ts';
import type { ChatChunk, ChatRequest, ChatResponse } from '../../src/gateway/schemas.ts';
import { startFakeLlmUpstreams, type FakeLlmUpstreams } from '../fakes/llm-upstreams.ts';

const KEY = 'sk-ant-server-side';
let fake: FakeLlmUpstreams;
let upstream: Upstream;
const signal = new AbortController().signal;

before(async () => {
  fake = await startFakeLlmUpstreams({ apiKeys: { anthropic: KEY } });
  upstream = new Upstream();
});
after(async () => {
  await upstream.close();
  await fake.close();
});
beforeEach(() => fake.reset());

function claude(config: Record<string, unknown> = {}, endpointType: 'llm/v1/chat' | 'llm/v1/completions' = 'llm/v1/chat'): Provider {
  const parsed = anthropicProvider.configSchema.parse({ anthropic_api_key: KEY, anthropic_api_base: fake.anthropicBaseUrl, ...config });
  return anthropicProvider.create({ endpoint: 'chat', endpointType, model: 'claude-sonnet-4-5', config: parsed, upstream });
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

async function* fromArray<T>(items: readonly T[], thenThrow?: Error): AsyncGenerator<T> {
  for (const x of items) yield x;
  if (thenThrow !== undefined) throw thenThrow;
}

function isGatewayError(kind: GatewayError['kind'], status?: number, message?: RegExp) {
  return (err: unknown): boolean => {
    assert.ok(err instanceof GatewayError, `expected a GatewayError, got ${String(err)}`);
    assert.equal(err.kind, kind);
    if (status !== undefined) assert.equal(err.status, status);
    if (message) assert.match(err.message, message);
    return true;
  };
}

const text = (chunks: ChatChunk[]): string => chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');

// ---------------------------------------------------------------------------------------------

describe('anthropic provider: config and URL', () => {
  it('requires the key, defaults version and base, and refuses unknown keys', () => {
    const c = anthropicProvider.configSchema.parse({ anthropic_api_key: 'k' });
    assert.deepEqual(c, { anthropic_api_key: 'k', anthropic_version: '2023-06-01', anthropic_api_base: 'https://api.anthropic.com' });
    assert.equal(anthropicProvider.configSchema.safeParse({}).success, false);
    assert.equal(anthropicProvider.configSchema.safeParse({ anthropic_api_key: 'k', anthropic_region: 'x' }).success, false);
    assert.deepEqual([...anthropicProvider.endpointTypes].sort(), ['llm/v1/chat', 'llm/v1/completions']);
  });

  it('builds /v1/messages from a base with or without a trailing slash or /v1', () => {
    for (const base of ['https://h.example', 'https://h.example/', 'https://h.example/v1', 'https://h.example/v1/']) {
      assert.equal(messagesUrl(base), 'https://h.example/v1/messages');
    }
    assert.equal(messagesUrl('https://proxy.example/anthropic/'), 'https://proxy.example/anthropic/v1/messages');
  });
});

describe('anthropic provider: chat', () => {
  it('sends the server-side key, version header, endpoint model and default max_tokens; reads the message', async () => {
    const res = await claude({ anthropic_version: '2024-01-01' }).chat({ model: 'caller-model', messages: [{ role: 'user', content: 'hello there' }] }, { signal });
    const sent = fake.requests[0]!;
    assert.equal(sent.path, '/v1/messages');
    assert.equal(sent.headers['x-api-key'], KEY);
    assert.equal(sent.headers['anthropic-version'], '2024-01-01');
    assert.equal(sent.body.model, 'claude-sonnet-4-5');
    assert.equal(sent.body.max_tokens, DEFAULT_MAX_TOKENS);
    assert.equal(sent.body.stream, undefined);
    assert.deepEqual(sent.body.messages, [{ role: 'user', content: [{ type: 'text', text: 'hello there' }] }]);

    assert.equal(res.object, 'chat.completion');
    assert.match(res.id, /^msg_fake\d+$/);
    assert.equal(res.model, 'claude-sonnet-4-5');
    assert.equal(res.choices[0]!.message.content, 'Echo: hello there');
    assert.equal(res.choices[0]!.finish_reason, 'stop');
    assert.deepEqual(res.usage, { prompt_tokens: 2, completion_tokens: 3, total_tokens: 5 });
  });

  it('lifts system and developer messages into `system` and merges same-role turns, tool results first', async () => {
    const request: ChatRequest = {
      max_completion_tokens: 77,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'weather in Paris and Rome?' },
        { role: 'developer', content: 'Use metric units.' },
        {
          role: 'assistant',
          content: 'Checking.',
          tool_calls: [
            { id: 'toolu_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
            { id: 'toolu_2', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Rome"}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'toolu_1', content: '18C' },
        { role: 'tool', tool_call_id: 'toolu_2', content: [{ type: 'text', text: '24C' }] },
        { role: 'user', content: 'and tomorrow?' },
        { role: 'user', content: 'in one line' },
      ],
    };
    await claude().chat(request, { signal });
    const body = fake.requests[0]!.body;
    assert.equal(body.max_tokens, 77);
    assert.deepEqual(body.system, [
      { type: 'text', text: 'Be brief.' },
      { type: 'text', text: 'Use metric units.' },
    ]);
    assert.deepEqual(body.messages, [
      { role: 'user', content: [{ type: 'text', text: 'weather in Paris and Rome?' }] },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'Checking.' },
          { type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: { city: 'Paris' } },
          { type: 'tool_use', id: 'toolu_2', name: 'get_weather', input: { city: 'Rome' } },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'toolu_1', content: [{ type: 'text', text: '18C' }] },
          { type: 'tool_result', tool_use_id: 'toolu_2', content: [{ type: 'text', text: '24C' }] },
          { type: 'text', text: 'and tomorrow?' },
          { type: 'text', text: 'in one line' },
        ],
      },
    ]);
    // What the provider sends is a valid Messages request by the schema the front parses with.
    assert.equal(messagesRequestSchema.safeParse(body).success, true);
  });

  it('puts tool results before text even when the user wrote first', () => {
    const body = toAnthropicRequest(
      {
        messages: [
          { role: 'assistant', content: null, tool_calls: [{ id: 't1', type: 'function', function: { name: 'f', arguments: '' } }] },
          { role: 'user', content: 'here you go' },
          { role: 'tool', tool_call_id: 't1', content: 'ok' },
        ],
      },
      'm',
      false,
    );
    assert.deepEqual(body.messages[0]!.content, [{ type: 'tool_use', id: 't1', name: 'f', input: {} }]);
    assert.deepEqual(
      body.messages[1]!.content.map((b) => b.type),
      ['tool_result', 'text'],
    );
  });

  it('translates sampling, stop, tools, tool_choice, user and json_schema output', () => {
    const base: ChatRequest = {
      messages: [{ role: 'user', content: 'x' }],
      temperature: 0.3,
      top_p: 0.9,
      top_k: 40,
      stop: ['END'],
      user: 'u-1',
      tools: [
        { type: 'function', function: { name: 'lookup', description: 'Find', parameters: { type: 'object', properties: { q: { type: 'string' } } } } },
        { type: 'function', function: { name: 'now' } },
      ],
      response_format: { type: 'json_schema', json_schema: { name: 'r', schema: { type: 'object', properties: { a: { type: 'number' } } } } },
    };
    const body = toAnthropicRequest(base, 'm', true);
    assert.equal(body.temperature, 0.3);
    assert.equal(body.top_p, 0.9);
    assert.equal(body.top_k, 40);
    assert.deepEqual(body.stop_sequences, ['END']);
    assert.equal(body.stream, true);
    assert.deepEqual(body.metadata, { user_id: 'u-1' });
    assert.deepEqual(body.tools, [
      { name: 'lookup', description: 'Find', input_schema: { type: 'object', properties: { q: { type: 'string' } } } },
      { name: 'now', input_schema: { type: 'object', properties: {} } },
    ]);
    assert.deepEqual(body.output_config, { format: { type: 'json_schema', schema: { type: 'object', properties: { a: { type: 'number' } } } } });
    assert.equal(body.tool_choice, undefined);

    const choice = (c: ChatRequest['tool_choice'], parallel?: boolean): unknown =>
      toAnthropicRequest({ ...base, tool_choice: c, ...(parallel === undefined ? {} : { parallel_tool_calls: parallel }) }, 'm', false).tool_choice;
    assert.deepEqual(choice('auto'), { type: 'auto' });
    assert.deepEqual(choice('required'), { type: 'any' });
    assert.deepEqual(choice('none'), { type: 'none' });
    assert.deepEqual(choice({ type: 'function', function: { name: 'lookup' } }), { type: 'tool', name: 'lookup' });
    assert.deepEqual(choice('required', false), { type: 'any', disable_parallel_tool_use: true });
    assert.deepEqual(choice(undefined, false), { type: 'auto', disable_parallel_tool_use: true });
  });

  it('sends images as base64 or url sources and refuses what Anthropic cannot take', () => {
    const body = toAnthropicRequest(
      {
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'compare' },
              { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
              { type: 'image_url', image_url: { url: 'https://img.example/cat.jpg' } },
            ],
          },
        ],
      },
      'm',
      false,
    );
    assert.deepEqual(body.messages[0]!.content, [
      { type: 'text', text: 'compare' },
      { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } },
      { type: 'image', source: { type: 'url', url: 'https://img.example/cat.jpg' } },
    ]);
    const img = (url: string) => () => toAnthropicRequest({ messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url } }] }] }, 'm', false);
    assert.throws(img('data:image/bmp;base64,AAAA'), isGatewayError('invalid_request', 400, /image\/bmp/));
    assert.throws(img('data:image/png,rawtext'), isGatewayError('invalid_request', 400, /base64/));
    assert.throws(img('ftp://x/y.png'), isGatewayError('invalid_request', 400, /http/));
    assert.throws(
      () => toAnthropicRequest({ messages: [{ role: 'user', content: [{ type: 'input_audio', input_audio: { data: 'AA', format: 'wav' } }] }] }, 'm', false),
      isGatewayError('invalid_request', 400, /audio/),
    );
  });

  it('refuses what Anthropic has no equivalent for, naming the fix, before calling upstream', async () => {
    const p = claude();
    const user = [{ role: 'user' as const, content: 'x' }];
    await assert.rejects(p.chat({ messages: user, temperature: 1.5 }, { signal }), isGatewayError('invalid_request', 400, /between 0 and 1/));
    await assert.rejects(p.chat({ messages: user, n: 2 }, { signal }), isGatewayError('invalid_request', 400, /"n" must be 1/));
    await assert.rejects(p.chat({ messages: user, response_format: { type: 'json_object' } }, { signal }), isGatewayError('invalid_request', 400, /json_schema/));
    await assert.rejects(p.chat({ messages: [{ role: 'system', content: 'only system' }] }, { signal }), isGatewayError('invalid_request', 400, /at least one user/));
    const badArgs: ChatRequest = {
      messages: [
        { role: 'user', content: 'x' },
        { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: '{not json' } }] },
        { role: 'tool', tool_call_id: 'c1', content: 'r' },
      ],
    };
    await assert.rejects(p.chat(badArgs, { signal }), isGatewayError('invalid_request', 400, /c1 \(f\).*not valid JSON/));
    await assert.rejects(collect(p.chatStream(badArgs, { signal })), isGatewayError('invalid_request', 400, /not valid JSON/));
    const arrayArgs = structuredClone(badArgs);
    arrayArgs.messages[1]!.tool_calls![0]!.function.arguments = '[1]';
    await assert.rejects(p.chat(arrayArgs, { signal }), isGatewayError('invalid_request', 400, /JSON object/));
    await assert.rejects(p.chat({ messages: [{ role: 'tool', content: 'r' }] }, { signal }), isGatewayError('invalid_request', 400, /tool_call_id/));
    assert.equal(fake.requests.length, 0);
  });

  it('returns tool calls with JSON-string arguments and finish_reason tool_calls', async () => {
    fake.enqueue({ toolCalls: [{ id: 'toolu_A', name: 'get_weather', arguments: { city: 'Paris', days: 2 } }, { name: 'now', arguments: {} }] });
    const res = await claude().chat({ messages: [{ role: 'user', content: 'weather?' }], tools: [{ type: 'function', function: { name: 'get_weather' } }] }, { signal });
    const m = res.choices[0]!.message;
    assert.equal(m.content, null);
    assert.equal(res.choices[0]!.finish_reason, 'tool_calls');
    assert.equal(m.tool_calls?.length, 2);
    assert.deepEqual(m.tool_calls?.[0], { id: 'toolu_A', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris","days":2}' } });
    assert.equal(m.tool_calls?.[1]?.function.name, 'now');
    assert.equal(m.tool_calls?.[1]?.function.arguments, '{}');
  });

  it('counts cache reads and writes into prompt_tokens', async () => {
    fake.enqueue({ text: 'ok', usage: { inputTokens: 100, outputTokens: 7, cachedInputTokens: 60 } });
    const res = await claude().chat({ messages: [{ role: 'user', content: 'x' }] }, { signal });
    // The fake sends input_tokens 40 + cache_read_input_tokens 60.
    assert.deepEqual(res.usage, { prompt_tokens: 100, completion_tokens: 7, total_tokens: 107 });
  });

  it('keeps the upstream status and message of errors', async () => {
    fake.enqueue({ error: { status: 429, message: 'Number of request tokens has exceeded your rate limit' } });
    await assert.rejects(claude().chat({ messages: [{ role: 'user', content: 'x' }] }, { signal }), isGatewayError('rate_limit', 429, /anthropic answered 429: Number of request tokens/));
    fake.enqueue({ error: { status: 529, message: 'Overloaded' } });
    await assert.rejects(collect(claude().chatStream({ messages: [{ role: 'user', content: 'x' }] }, { signal })), isGatewayError('unavailable', 529, /Overloaded/));
    await assert.rejects(claude({ anthropic_api_key: 'wrong' }).chat({ messages: [{ role: 'user', content: 'x' }] }, { signal }), (err: unknown) => {
      isGatewayError('authentication', 401, /invalid x-api-key/)(err);
      assert.doesNotMatch((err as Error).message, /wrong/);
      return true;
    });
  });

  it('serves completions through chat and refuses embeddings', async () => {
    const p = claude({}, 'llm/v1/completions');
    const res = await p.completions({ prompt: 'say hi', max_tokens: 5 }, { signal });
    assert.equal(res.object, 'text_completion');
    assert.equal(res.choices[0]!.text, 'Echo: say hi');
    assert.equal(fake.requests[0]!.body.max_tokens, 5);
    const chunks = await collect(p.completionsStream({ prompt: 'stream hi' }, { signal }));
    assert.equal(chunks.map((c) => c.choices[0]?.text ?? '').join(''), 'Echo: stream hi');
    await assert.rejects(p.embeddings({ input: 'x' }, { signal }), isGatewayError('invalid_request', 400, /does not support embeddings/));
  });
});

describe('anthropic provider: streaming', () => {
  it('yields role first, text deltas, then finish_reason and usage', async () => {
    fake.enqueue({ text: 'The quick brown fox jumps', chunkSize: 5, usage: { inputTokens: 12, outputTokens: 5, cachedInputTokens: 2 } });
    const chunks = await collect(claude().chatStream({ messages: [{ role: 'user', content: 'go' }] }, { signal }));
    assert.equal(fake.requests[0]!.body.stream, true);
    assert.deepEqual(chunks[0]!.choices[0]!.delta, { role: 'assistant', content: '' });
    assert.match(chunks[0]!.id, /^msg_fake\d+$/);
    assert.equal(chunks[0]!.model, 'claude-sonnet-4-5');
    assert.equal(text(chunks), 'The quick brown fox jumps');
    assert.ok(chunks.length >= 7, 'text arrives in several deltas');
    const last = chunks.at(-1)!;
    assert.equal(last.choices[0]!.finish_reason, 'stop');
    assert.deepEqual(last.usage, { prompt_tokens: 12, completion_tokens: 5, total_tokens: 17 });
    assert.ok(chunks.slice(0, -1).every((c) => c.choices[0]!.finish_reason === null && !c.usage));
  });

  it('streams tool calls: id and name first, then argument fragments, indexed by call ordinal', async () => {
    fake.enqueue({ text: 'Let me check.', toolCalls: [{ id: 'toolu_X', name: 'get_weather', arguments: { city: 'Paris' } }, { id: 'toolu_Y', name: 'now', arguments: {} }], chunkSize: 4 });
    const chunks = await collect(claude().chatStream({ messages: [{ role: 'user', content: 'go' }] }, { signal }));
    assert.equal(text(chunks), 'Let me check.');
    const deltas = chunks.flatMap((c) => c.choices[0]!.delta.tool_calls ?? []);
    const first = deltas.filter((d) => d.index === 0);
    assert.deepEqual(first[0], { index: 0, id: 'toolu_X', type: 'function', function: { name: 'get_weather', arguments: '' } });
    assert.ok(first.length > 2, 'arguments arrive in fragments');
    assert.ok(first.slice(1).every((d) => d.id === undefined && d.function.name === undefined));
    assert.deepEqual(JSON.parse(first.map((d) => d.function.arguments ?? '').join('')), { city: 'Paris' });
    const second = deltas.filter((d) => d.index === 1);
    assert.equal(second[0]!.id, 'toolu_Y');
    assert.equal(second.map((d) => d.function.arguments ?? '').join(''), '{}');
    assert.equal(chunks.at(-1)!.choices[0]!.finish_reason, 'tool_calls');
  });

  it('turns an in-band error event into a GatewayError of its type, after the chunks before it', async () => {
    fake.enqueue({ text: 'partial answer here', streamError: { status: 529, message: 'Overloaded', type: 'overloaded_error' }, chunksBeforeError: 3 });
    const seen: ChatChunk[] = [];
    await assert.rejects(
      (async () => {
        for await (const c of claude().chatStream({ messages: [{ role: 'user', content: 'go' }] }, { signal })) seen.push(c);
      })(),
      isGatewayError('unavailable', 529, /overloaded_error.*Overloaded/),
    );
    assert.equal(seen[0]!.choices[0]!.delta.role, 'assistant');
  });

  it('maps each in-band error type to its kind and status', async () => {
    const cases: [string, GatewayError['kind'], number][] = [
      ['rate_limit_error', 'rate_limit', 429],
      ['api_error', 'upstream', 500],
      ['invalid_request_error', 'invalid_request', 400],
      ['made_up_error', 'upstream', 500],
    ];
    for (const [type, kind, status] of cases) {
      const events: SseEvent[] = [{ event: 'error', data: JSON.stringify({ type: 'error', error: { type, message: 'boom' } }) }];
      await assert.rejects(collect(chunksFromAnthropicEvents(fromArray(events))), isGatewayError(kind, status, /boom/));
    }
  });

  it('skips unknown events and thinking, refuses a stream cut before message_stop', async () => {
    const start = { type: 'message_start', message: { id: 'msg_1', type: 'message', role: 'assistant', model: 'c', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 3, output_tokens: 1 } } };
    const events: SseEvent[] = [
      { event: 'message_start', data: JSON.stringify(start) },
      { event: 'content_block_start', data: JSON.stringify({ type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '', signature: '' } }) },
      { event: 'content_block_delta', data: JSON.stringify({ type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'hmm' } }) },
      { event: 'content_block_stop', data: JSON.stringify({ type: 'content_block_stop', index: 0 }) },
      { event: 'brand_new_event', data: JSON.stringify({ type: 'brand_new_event', stuff: 1 }) },
      { event: 'content_block_start', data: JSON.stringify({ type: 'content_block_start', index: 1, content_block: { type: 'text', text: '' } }) },
      { event: 'content_block_delta', data: JSON.stringify({ type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text: 'hi' } }) },
    ];
    await assert.rejects(collect(chunksFromAnthropicEvents(fromArray(events))), isGatewayError('upstream', 502, /ended before message_stop/));
    const full = [
      ...events,
      { event: 'content_block_stop', data: JSON.stringify({ type: 'content_block_stop', index: 1 }) },
      { event: 'message_delta', data: JSON.stringify({ type: 'message_delta', delta: { stop_reason: 'max_tokens', stop_sequence: null }, usage: { output_tokens: 9, input_tokens: 4 } }) },
      { event: 'message_stop', data: JSON.stringify({ type: 'message_stop' }) },
    ];
    const chunks = await collect(chunksFromAnthropicEvents(fromArray(full)));
    assert.equal(text(chunks), 'hi');
    assert.equal(chunks.at(-1)!.choices[0]!.finish_reason, 'length');
    // message_delta's totals replace message_start's.
    assert.deepEqual(chunks.at(-1)!.usage, { prompt_tokens: 4, completion_tokens: 9, total_tokens: 13 });
    await assert.rejects(collect(chunksFromAnthropicEvents(fromArray([{ data: '{oops' }]))), isGatewayError('upstream', 502, /not JSON/));
  });

  it('gives a tool call that streamed no input the arguments "{}"', async () => {
    const ev = (type: string, fields: Record<string, unknown>): SseEvent => ({ event: type, data: JSON.stringify({ type, ...fields }) });
    const start = { id: 'msg_2', type: 'message', role: 'assistant', model: 'c', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 3, output_tokens: 1 } };
    const chunks = await collect(
      chunksFromAnthropicEvents(
        fromArray([
          ev('message_start', { message: start }),
          ev('content_block_start', { index: 0, content_block: { type: 'tool_use', id: 'toolu_n', name: 'now', input: {} } }),
          ev('content_block_stop', { index: 0 }),
          ev('message_delta', { delta: { stop_reason: 'tool_use', stop_sequence: null }, usage: { output_tokens: 2 } }),
          ev('message_stop', {}),
        ]),
      ),
    );
    const deltas = chunks.flatMap((c) => c.choices[0]!.delta.tool_calls ?? []);
    assert.deepEqual(deltas, [
      { index: 0, id: 'toolu_n', type: 'function', function: { name: 'now', arguments: '' } },
      { index: 0, function: { arguments: '{}' } },
    ]);
    assert.deepEqual(chunks.at(-1)!.usage, { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 });
  });

  it('closes the upstream request when the caller aborts mid-stream', { timeout: 5000 }, async () => {
    let upstreamClosed!: () => void;
    const closed = new Promise<void>((resolve) => (upstreamClosed = resolve));
    const slow = http.createServer((req, res) => {
      req.resume();
      res.on('close', () => upstreamClosed());
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const start = { type: 'message_start', message: { id: 'msg_slow', type: 'message', role: 'assistant', model: 'c', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 1, output_tokens: 1 } } };
      res.write(`event: message_start\ndata: ${JSON.stringify(start)}\n\n`);
      // ... and never finishes on its own.
    });
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = slow.address() as AddressInfo;
      const controller = new AbortController();
      const p = claude({ anthropic_api_base: `http://127.0.0.1:${port}` });
      const it = p.chatStream({ messages: [{ role: 'user', content: 'x' }] }, { signal: controller.signal })[Symbol.asyncIterator]();
      const first = await it.next();
      assert.equal(first.done, false);
      const pending = it.next();
      controller.abort();
      await assert.rejects(pending, isGatewayError('unavailable', 499));
      await closed;
    } finally {
      slow.closeAllConnections();
      await new Promise((resolve) => slow.close(resolve));
    }
  });
});

describe('anthropic provider: passthrough', () => {
  it('forwards the body verbatim with the server-side key and relays status, headers and bytes', async () => {
    const p = claude();
    const body = { model: 'claude-sonnet-4-5', max_tokens: 20, messages: [{ role: 'user', content: 'pass me through' }], thinking: { type: 'disabled' } };
    const res = await p.passthrough!({ vendor: 'anthropic', operation: 'messages', body, stream: false }, { signal });
    assert.ok(res);
    assert.equal(res.status, 200);
    const raw = Buffer.concat(await collect(res.body)).toString('utf8');
    const json = JSON.parse(raw);
    assert.equal(json.type, 'message');
    assert.equal(json.content[0].text, 'Echo: pass me through');
    assert.match(res.headers['request-id'] ?? '', /^req_fake\d+$/);
    for (const h of ['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'content-encoding']) assert.equal(res.headers[h], undefined, h);
    const sent = fake.requests[0]!;
    assert.deepEqual(sent.body, body);
    assert.equal(sent.headers['x-api-key'], KEY);
  });

  it('relays a stream as the upstream wrote it, and errors with their status', async () => {
    const p = claude();
    const res = await p.passthrough!({ vendor: 'anthropic', operation: 'messages', body: { model: 'm', max_tokens: 5, stream: true, messages: [{ role: 'user', content: 'hi' }] }, stream: true }, { signal });
    const raw = Buffer.concat(await collect(res!.body)).toString('utf8');
    assert.match(res!.headers['content-type'] ?? '', /text\/event-stream/);
    assert.match(raw, /^event: message_start\n/);
    assert.match(raw, /event: message_stop\n/);

    fake.enqueue({ error: { status: 404, message: 'model: nope' } });
    const err = await p.passthrough!({ vendor: 'anthropic', operation: 'messages', body: { model: 'nope' }, stream: false }, { signal });
    assert.equal(err!.status, 404);
    assert.equal(JSON.parse(Buffer.concat(await collect(err!.body)).toString()).error.type, 'not_found_error');
  });

  it('declines other vendors and operations', async () => {
    const p = claude();
    assert.equal(await p.passthrough!({ vendor: 'openai', operation: 'chat/completions', body: {}, stream: false }, { signal }), undefined);
    assert.equal(await p.passthrough!({ vendor: 'anthropic', operation: 'messages/count_tokens', body: {}, stream: false }, { signal }), undefined);
    assert.equal(fake.requests.length, 0);
  });
});

// ---------------------------------------------------------------------------------------------

describe('anthropic front: parse', () => {
  const base = { model: 'my-endpoint', max_tokens: 100, messages: [{ role: 'user', content: 'hi' }] };

  it('requires max_tokens and model, and checks ranges, in the API own words', () => {
    const { max_tokens: _m, ...noMax } = base;
    assert.throws(() => anthropicFront.parse(noMax), isGatewayError('invalid_request', 400, /^max_tokens: Field required$/));
    const { model: _model, ...noModel } = base;
    assert.throws(() => anthropicFront.parse(noModel), isGatewayError('invalid_request', 400, /^model: Field required$/));
    assert.throws(() => anthropicFront.parse({ ...base, temperature: 1.2 }), isGatewayError('invalid_request', 400, /^temperature: /));
    assert.throws(() => anthropicFront.parse({ ...base, messages: [{ role: 'user', content: [{ type: 'text' }] }] }), isGatewayError('invalid_request', 400, /^messages\.0\.content\.0\.text: Field required$/));
    assert.throws(() => anthropicFront.parse({ ...base, messages: [{ role: 'user', content: [{ type: 'hologram' }] }] }), isGatewayError('invalid_request', 400, /^messages\.0\.content\.0\.type: unsupported type/));
    assert.throws(() => anthropicFront.parse({ ...base, messages: [] }), isGatewayError('invalid_request', 400, /^messages: /));
  });

  it('translates system, turns, tool use and results, images and parameters', () => {
    const { request, stream } = anthropicFront.parse({
      model: 'my-endpoint',
      max_tokens: 256,
      system: [
        { type: 'text', text: 'You are terse.', cache_control: { type: 'ephemeral' } },
        { type: 'text', text: 'Answer in French.' },
      ],
      temperature: 0.4,
      top_p: 0.8,
      top_k: 5,
      stop_sequences: ['###'],
      stream: true,
      metadata: { user_id: 'user-7' },
      tools: [{ name: 'get_weather', description: 'Weather', input_schema: { type: 'object', properties: { city: { type: 'string' } } } }],
      tool_choice: { type: 'any', disable_parallel_tool_use: true },
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Look:' },
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBOR' } },
            { type: 'image', source: { type: 'url', url: 'https://img.example/a.jpg' } },
          ],
        },
        {
          role: 'assistant',
          content: [
            { type: 'thinking', thinking: 'hmm', signature: 'sig' },
            { type: 'text', text: 'Checking.' },
            { type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: { city: 'Paris' } },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Thanks.' },
            { type: 'tool_result', tool_use_id: 'toolu_1', content: [{ type: 'text', text: '18C' }, { type: 'text', text: 'sunny' }] },
          ],
        },
        { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_2', name: 'get_weather', input: {} }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_2', content: 'no city given', is_error: true }] },
      ],
    });
    assert.equal(stream, true);
    assert.equal(request.stream, true);
    assert.equal(request.model, 'my-endpoint');
    assert.equal(request.max_tokens, 256);
    assert.equal(request.temperature, 0.4);
    assert.equal(request.top_p, 0.8);
    assert.equal(request.top_k, 5);
    assert.deepEqual(request.stop, ['###']);
    assert.equal(request.user, 'user-7');
    assert.equal(request.tool_choice, 'required');
    assert.equal(request.parallel_tool_calls, false);
    assert.deepEqual(request.tools, [
      { type: 'function', function: { name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } },
    ]);
    assert.deepEqual(request.messages, [
      { role: 'system', content: 'You are terse.\nAnswer in French.' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Look:' },
          { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBOR' } },
          { type: 'image_url', image_url: { url: 'https://img.example/a.jpg' } },
        ],
      },
      { role: 'assistant', content: 'Checking.', tool_calls: [{ id: 'toolu_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] },
      { role: 'tool', tool_call_id: 'toolu_1', content: '18C\nsunny' },
      { role: 'user', content: 'Thanks.' },
      { role: 'assistant', content: null, tool_calls: [{ id: 'toolu_2', type: 'function', function: { name: 'get_weather', arguments: '{}' } }] },
      { role: 'tool', tool_call_id: 'toolu_2', content: 'Error: no city given' },
    ]);
  });

  it('maps each tool_choice, structured output, and the route hint for streaming', () => {
    const tc = (tool_choice: unknown) => anthropicFront.parse({ ...base, tool_choice }).request;
    assert.equal(tc({ type: 'auto' }).tool_choice, 'auto');
    assert.equal(tc({ type: 'auto' }).parallel_tool_calls, undefined);
    assert.equal(tc({ type: 'none' }).tool_choice, 'none');
    assert.deepEqual(tc({ type: 'tool', name: 'f' }).tool_choice, { type: 'function', function: { name: 'f' } });
    const schema = { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false };
    assert.deepEqual(anthropicFront.parse({ ...base, output_config: { format: { type: 'json_schema', schema } } }).request.response_format, {
      type: 'json_schema',
      json_schema: { name: 'response', schema },
    });
    assert.equal(anthropicFront.parse(base).stream, false);
    assert.equal(anthropicFront.parse(base, { stream: true }).stream, true);
  });

  it('refuses what only Anthropic can do, saying what to send instead', () => {
    assert.throws(() => anthropicFront.parse({ ...base, tools: [{ type: 'web_search_20250305', name: 'web_search' }] }), isGatewayError('invalid_request', 400, /^tools\.0: 'web_search_20250305' is an Anthropic server tool/));
    assert.throws(() => anthropicFront.parse({ ...base, tools: [{ name: 'f' }] }), isGatewayError('invalid_request', 400, /^tools\.0\.input_schema: Field required$/));
    const doc = { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBER' } };
    assert.throws(() => anthropicFront.parse({ ...base, messages: [{ role: 'user', content: [doc] }] }), isGatewayError('invalid_request', 400, /^messages\.0\.content\.0: 'document' blocks cannot be translated/));
    const file = { type: 'image', source: { type: 'file', file_id: 'file_1' } };
    assert.throws(() => anthropicFront.parse({ ...base, messages: [{ role: 'user', content: [file] }] }), isGatewayError('invalid_request', 400, /source: file sources/));
  });
});

describe('anthropic front: render', () => {
  const response = (message: ChatResponse['choices'][number]['message'], finish: string | null, usage = { prompt_tokens: 11, completion_tokens: 4, total_tokens: 15 }): ChatResponse => ({
    id: 'chatcmpl-123',
    object: 'chat.completion',
    created: 1,
    model: 'gpt-4o',
    choices: [{ index: 0, message, finish_reason: finish }],
    usage,
  });

  it('renders a message with text, tool_use input objects, stop reason and usage', () => {
    const out = anthropicFront.render(
      response({ role: 'assistant', content: 'Sure.', tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '{"x":1}' } }] }, 'tool_calls'),
      { requestedModel: 'my-endpoint' },
    ) as Record<string, unknown>;
    assert.match(String(out.id), /^msg_[0-9a-f]{24}$/);
    assert.deepEqual({ ...out, id: 'X' }, {
      id: 'X',
      type: 'message',
      role: 'assistant',
      model: 'my-endpoint',
      content: [
        { type: 'text', text: 'Sure.' },
        { type: 'tool_use', id: 'call_1', name: 'f', input: { x: 1 } },
      ],
      stop_reason: 'tool_use',
      stop_sequence: null,
      usage: { input_tokens: 11, output_tokens: 4 },
    });
  });

  it('maps finish reasons and refuses tool arguments that are not an object', () => {
    const stop = (f: string | null) => (anthropicFront.render(response({ role: 'assistant', content: 'x' }, f), { requestedModel: 'm' }) as { stop_reason: string }).stop_reason;
    assert.equal(stop('stop'), 'end_turn');
    assert.equal(stop('length'), 'max_tokens');
    assert.equal(stop('content_filter'), 'refusal');
    assert.equal(stop(null), 'end_turn');
    const bad = response({ role: 'assistant', content: null, tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: 'oops' } }] }, 'tool_calls');
    assert.throws(() => anthropicFront.render(bad, { requestedModel: 'm' }), isGatewayError('upstream', 502, /'f'.*not a JSON object/));
  });

  it('renders errors with Anthropic error types', () => {
    const type = (e: GatewayError) => (anthropicFront.errorBody(e) as { type: string; error: { type: string; message: string } });
    const body = type(new GatewayError('rate_limit', 'slow down'));
    assert.deepEqual(body, { type: 'error', error: { type: 'rate_limit_error', message: 'slow down' } });
    const cases: [GatewayError, string][] = [
      [new GatewayError('invalid_request', 'x'), 'invalid_request_error'],
      [new GatewayError('invalid_request', 'x', { status: 413 }), 'request_too_large'],
      [new GatewayError('authentication', 'x'), 'authentication_error'],
      [new GatewayError('permission', 'x'), 'permission_error'],
      [new GatewayError('not_found', 'x'), 'not_found_error'],
      [new GatewayError('timeout', 'x'), 'timeout_error'],
      [new GatewayError('unavailable', 'x', { status: 529 }), 'overloaded_error'],
      [new GatewayError('upstream', 'x'), 'api_error'],
      [new GatewayError('internal', 'x'), 'api_error'],
    ];
    for (const [e, t] of cases) assert.equal(type(e).error.type, t, e.kind);
  });
});

describe('anthropic front: renderStream', () => {
  const base = { id: 'chatcmpl-9', object: 'chat.completion.chunk' as const, created: 1, model: 'gpt-4o' };
  const c = (delta: ChatChunk['choices'][number]['delta'], finish: string | null = null, usage?: ChatChunk['usage']): ChatChunk => ({
    ...base,
    choices: [{ index: 0, delta, finish_reason: finish }],
    ...(usage ? { usage } : {}),
  });
  const parse = (events: SseEvent[]): Record<string, unknown>[] => events.map((e) => ({ event: e.event, ...(JSON.parse(e.data) as Record<string, unknown>) }));

  it('emits the API event sequence for text then tool calls, with usage last', async () => {
    const events = parse(
      await collect(
        anthropicFront.renderStream(
          fromArray([
            c({ role: 'assistant', content: '' }),
            c({ content: 'Hel' }),
            c({ content: 'lo' }),
            c({ tool_calls: [{ index: 0, id: 'call_a', type: 'function', function: { name: 'f', arguments: '' } }] }),
            c({ tool_calls: [{ index: 0, function: { arguments: '{"x":' } }] }),
            c({ tool_calls: [{ index: 0, function: { arguments: '1}' } }] }),
            c({ tool_calls: [{ index: 1, id: 'call_b', type: 'function', function: { name: 'g', arguments: '{}' } }] }),
            c({}, 'tool_calls', { prompt_tokens: 9, completion_tokens: 6, total_tokens: 15 }),
          ]),
          { requestedModel: 'my-endpoint' },
        ),
      ),
    );
    assert.deepEqual(
      events.map((e) => e.event),
      [
        'message_start',
        'content_block_start',
        'content_block_delta',
        'content_block_delta',
        'content_block_stop',
        'content_block_start',
        'content_block_delta',
        'content_block_delta',
        'content_block_stop',
        'content_block_start',
        'content_block_delta',
        'content_block_stop',
        'message_delta',
        'message_stop',
      ],
    );
    assert.ok(events.every((e) => e.type === e.event), 'data.type repeats the event name');
    const start = events[0]!.message as Record<string, unknown>;
    assert.equal(start.model, 'my-endpoint');
    assert.match(String(start.id), /^msg_/);
    assert.deepEqual(start.content, []);
    assert.deepEqual(events[1]!.content_block, { type: 'text', text: '' });
    assert.deepEqual(events[2]!.delta, { type: 'text_delta', text: 'Hel' });
    assert.deepEqual(events[5], { event: 'content_block_start', type: 'content_block_start', index: 1, content_block: { type: 'tool_use', id: 'call_a', name: 'f', input: {} } });
    assert.deepEqual(events[6]!.delta, { type: 'input_json_delta', partial_json: '{"x":' });
    assert.equal(events[9]!.index, 2);
    assert.deepEqual(events[12], {
      event: 'message_delta',
      type: 'message_delta',
      delta: { stop_reason: 'tool_use', stop_sequence: null },
      usage: { output_tokens: 6, input_tokens: 9 },
    });
  });

  it('ends with an error event when the chunks fail mid-stream', async () => {
    const events = parse(
      await collect(
        anthropicFront.renderStream(fromArray([c({ role: 'assistant', content: 'par' })], new GatewayError('unavailable', 'upstream went away', { status: 529 })), { requestedModel: 'm' }),
      ),
    );
    assert.deepEqual(events.map((e) => e.event), ['message_start', 'content_block_start', 'content_block_delta', 'error']);
    assert.deepEqual(events.at(-1), { event: 'error', type: 'error', error: { type: 'overloaded_error', message: 'upstream went away' } });
    const hidden = parse(await collect(anthropicFront.renderStream(fromArray([c({ content: 'x' })], new Error('secret internals')), { requestedModel: 'm' })));
    assert.equal((hidden.at(-1)!.error as { type: string }).type, 'api_error');
    assert.doesNotMatch(JSON.stringify(hidden.at(-1)), /secret internals/);
  });

  it('still opens and closes a message when there are no chunks', async () => {
    const events = parse(await collect(anthropicFront.renderStream(fromArray<ChatChunk>([]), { requestedModel: 'm' })));
    assert.deepEqual(events.map((e) => e.event), ['message_start', 'message_delta', 'message_stop']);
  });
});

// ---------------------------------------------------------------------------------------------

describe('anthropic SDK round trip: SDK → front → provider → fake Anthropic and back', () => {
  // A minimal gateway: the front parses, the Anthropic provider translates to the fake upstream,
  // and the front renders back. The SDK on the other side must accept every byte.
  let server: http.Server;
  let sdk: Anthropic;
  before(async () => {
    const provider = claude();
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (b: Buffer) => chunks.push(b));
      req.on('end', () => {
        void (async () => {
          const ctx = { requestedModel: 'my-endpoint' };
          try {
            const parsed = anthropicFront.parse(JSON.parse(Buffer.concat(chunks).toString('utf8')));
            if (parsed.stream) {
              res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8' });
              for await (const e of anthropicFront.renderStream(provider.chatStream(parsed.request, { signal }), ctx)) res.write(`event: ${e.event}\ndata: ${e.data}\n\n`);
              res.end();
            } else {
              const body = anthropicFront.render(await provider.chat(parsed.request, { signal }), ctx);
              res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
            }
          } catch (err) {
            const e = err instanceof GatewayError ? err : new GatewayError('internal', String(err));
            res.writeHead(e.status, { 'content-type': 'application/json' }).end(JSON.stringify(anthropicFront.errorBody(e)));
          }
        })();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    sdk = new Anthropic({ apiKey: 'caller-key', baseURL: `http://127.0.0.1:${port}`, maxRetries: 0 });
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('messages.create: text answer and usage', async () => {
    fake.enqueue({ text: 'Bonjour!', usage: { inputTokens: 8, outputTokens: 2 } });
    const msg = await sdk.messages.create({ model: 'my-endpoint', max_tokens: 50, system: 'Be nice.', messages: [{ role: 'user', content: 'Say hello' }] });
    assert.equal(msg.type, 'message');
    assert.equal(msg.model, 'my-endpoint');
    assert.deepEqual(msg.content, [{ type: 'text', text: 'Bonjour!' }]);
    assert.equal(msg.stop_reason, 'end_turn');
    assert.equal(msg.usage.input_tokens, 8);
    assert.equal(msg.usage.output_tokens, 2);
    // The upstream saw the translated request with the server-side key, never the caller's.
    const sent = fake.requests[0]!;
    assert.equal(sent.headers['x-api-key'], KEY);
    assert.deepEqual(sent.body.system, [{ type: 'text', text: 'Be nice.' }]);
    assert.equal(sent.body.max_tokens, 50);
  });

  it('messages.stream: text and tool_use accumulate into the final message', async () => {
    fake.enqueue({ text: 'Looking it up.', toolCalls: [{ id: 'toolu_rt', name: 'get_weather', arguments: { city: 'Oslo', unit: 'C' } }], chunkSize: 3, usage: { inputTokens: 20, outputTokens: 9 } });
    const stream = sdk.messages.stream({
      model: 'my-endpoint',
      max_tokens: 100,
      tools: [{ name: 'get_weather', input_schema: { type: 'object', properties: { city: { type: 'string' } } } }],
      messages: [{ role: 'user', content: 'Weather in Oslo?' }],
    });
    let streamedText = '';
    stream.on('text', (t) => (streamedText += t));
    const msg = await stream.finalMessage();
    assert.equal(streamedText, 'Looking it up.');
    assert.equal(msg.content.length, 2);
    assert.deepEqual(msg.content[0], { type: 'text', text: 'Looking it up.' });
    assert.equal(msg.content[1]!.type, 'tool_use');
    const tool = msg.content[1] as Anthropic.ToolUseBlock;
    assert.equal(tool.id, 'toolu_rt');
    assert.equal(tool.name, 'get_weather');
    assert.deepEqual(tool.input, { city: 'Oslo', unit: 'C' });
    assert.equal(msg.stop_reason, 'tool_use');
    assert.equal(msg.usage.input_tokens, 20);
    assert.equal(msg.usage.output_tokens, 9);
    assert.equal(fake.requests[0]!.body.stream, true);
  });

  it('a tool result round trip reaches the upstream as tool_result blocks', async () => {
    fake.enqueue({ text: 'It is 5C in Oslo.' });
    const msg = await sdk.messages.create({
      model: 'my-endpoint',
      max_tokens: 100,
      messages: [
        { role: 'user', content: 'Weather in Oslo?' },
        { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_rt', name: 'get_weather', input: { city: 'Oslo' } }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_rt', content: '5C' }] },
      ],
    });
    assert.deepEqual(msg.content, [{ type: 'text', text: 'It is 5C in Oslo.' }]);
    assert.deepEqual(fake.requests[0]!.body.messages, [
      { role: 'user', content: [{ type: 'text', text: 'Weather in Oslo?' }] },
      { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_rt', name: 'get_weather', input: { city: 'Oslo' } }] },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_rt', content: [{ type: 'text', text: '5C' }] }] },
    ]);
  });

  it('errors reach the SDK as its own exception classes, before and during a stream', async () => {
    fake.enqueue({ error: { status: 429, message: 'slow down' } });
    await assert.rejects(sdk.messages.create({ model: 'my-endpoint', max_tokens: 5, messages: [{ role: 'user', content: 'x' }] }), (err: unknown) => {
      assert.ok(err instanceof Anthropic.RateLimitError);
      assert.equal(err.status, 429);
      assert.match(err.message, /slow down/);
      return true;
    });
    await assert.rejects(sdk.messages.create({ model: 'my-endpoint', messages: [{ role: 'user', content: 'x' }] } as unknown as Anthropic.MessageCreateParamsNonStreaming), (err: unknown) => {
      assert.ok(err instanceof Anthropic.BadRequestError);
      assert.match(err.message, /max_tokens: Field required/);
      return true;
    });
    fake.enqueue({ text: 'this will break', streamError: { status: 529, message: 'Overloaded', type: 'overloaded_error' }, chunksBeforeError: 3 });
    const stream = sdk.messages.stream({ model: 'my-endpoint', max_tokens: 5, messages: [{ role: 'user', content: 'x' }] });
    await assert.rejects(stream.finalMessage(), (err: unknown) => {
      assert.ok(err instanceof Anthropic.APIError);
      assert.match(err.message, /Overloaded/);
      assert.equal((err.error as { error?: { type?: string } }).error?.type, 'overloaded_error');
      return true;
    });
  });
});
