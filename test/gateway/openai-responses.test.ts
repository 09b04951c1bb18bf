/**
 * The OpenAI Responses front: Responses requests into unified chat, unified answers and chunks
 * back into Response objects and stream events, and the real `openai` SDK reading them from a
 * tiny HTTP server (so the wire shapes are the ones the SDK's parsers and accumulators accept).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import OpenAI from 'openai';
import type { ResponseInputItem, Response as OpenAIResponse, ResponseStreamEvent } from 'openai/resources/responses/responses';
import { openaiResponsesFront as front, type ResponsesRenderContext } from '../../src/gateway/fronts/openai-responses.ts';
import { openaiErrorBody } from '../../src/gateway/fronts/openai-errors.ts';
import { GatewayError } from '../../src/gateway/errors.ts';
import { chatRequestSchema, type ChatChunk, type ChatRequest, type ChatResponse } from '../../src/gateway/schemas.ts';
import type { SseEvent } from '../../src/gateway/upstream.ts';

// ---------------------------------------------------------------------------------------------
// Helpers

function rejects(body: unknown, pattern: RegExp): void {
  assert.throws(
    () => front.parse(body),
    (err: unknown) => {
      assert.ok(err instanceof GatewayError, `expected a GatewayError, got ${String(err)}`);
      assert.equal(err.kind, 'invalid_request');
      assert.equal(err.status, 400);
      assert.match(err.message, pattern);
      return true;
    },
  );
}

function chatResponse(content: string | null, options: { toolCalls?: { id: string; name: string; arguments: string }[]; finish?: string; refusal?: string } = {}): ChatResponse {
  const toolCalls = options.toolCalls?.map((c) => ({ id: c.id, type: 'function' as const, function: { name: c.name, arguments: c.arguments } }));
  return {
    id: 'chatcmpl-1',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: 'upstream-model',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, ...(toolCalls ? { tool_calls: toolCalls } : {}), ...(options.refusal ? { refusal: options.refusal } : {}) },
        finish_reason: options.finish ?? (toolCalls ? 'tool_calls' : 'stop'),
      },
    ],
    usage: { prompt_tokens: 11, completion_tokens: 7, total_tokens: 18 },
  };
}

interface StreamScript {
  text?: string[];
  /** Tool calls, each streamed as a head (id + name) and then argument fragments. */
  calls?: { id: string; name: string; args: string[] }[];
  /** Text after the tool calls (some providers write again after a call). */
  textAfter?: string[];
  finish?: string;
  usage?: boolean;
}

function chunk(delta: ChatChunk['choices'][number]['delta'], finish: string | null = null, usage?: ChatChunk['usage']): ChatChunk {
  return { id: 'chatcmpl-s', object: 'chat.completion.chunk', created: 1_700_000_100, model: 'upstream-model', choices: [{ index: 0, delta, finish_reason: finish }], ...(usage ? { usage } : {}) };
}

function scriptChunks(script: StreamScript): ChatChunk[] {
  const out: ChatChunk[] = [chunk({ role: 'assistant', content: '' })];
  for (const t of script.text ?? []) out.push(chunk({ content: t }));
  (script.calls ?? []).forEach((c, index) => {
    out.push(chunk({ tool_calls: [{ index, id: c.id, type: 'function', function: { name: c.name, arguments: '' } }] }));
    for (const a of c.args) out.push(chunk({ tool_calls: [{ index, function: { arguments: a } }] }));
  });
  for (const t of script.textAfter ?? []) out.push(chunk({ content: t }));
  out.push(chunk({}, script.finish ?? (script.calls?.length ? 'tool_calls' : 'stop'), script.usage === false ? undefined : { prompt_tokens: 5, completion_tokens: 9, total_tokens: 14 }));
  return out;
}

async function* iterate(chunks: ChatChunk[], failAfter?: { count: number; error: unknown }): AsyncGenerator<ChatChunk> {
  let n = 0;
  for (const c of chunks) {
    if (failAfter && n === failAfter.count) throw failAfter.error;
    n++;
    yield c;
  }
  if (failAfter && n === failAfter.count) throw failAfter.error;
}

interface Event {
  name: string | undefined;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- events are checked field by field
  data: any;
}

async function collect(events: AsyncIterable<SseEvent>): Promise<Event[]> {
  const out: Event[] = [];
  for await (const e of events) out.push({ name: e.event, data: JSON.parse(e.data) });
  return out;
}

const ctx = { requestedModel: 'my-endpoint' };

// ---------------------------------------------------------------------------------------------
// parse

describe('parse', () => {
  it('takes a string input as one user message', () => {
    const { request, stream } = front.parse({ model: 'my-endpoint', input: 'Hello there' });
    assert.deepEqual(request.messages, [{ role: 'user', content: 'Hello there' }]);
    assert.equal(request.model, 'my-endpoint');
    assert.equal(stream, false);
    chatRequestSchema.parse(request);
  });

  it('puts instructions first as a system message', () => {
    const { request } = front.parse({ input: 'Hi', instructions: 'Be brief.' });
    assert.deepEqual(request.messages, [
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Hi' },
    ]);
  });

  it('takes messages of every role, with string or part-list content', () => {
    const { request } = front.parse({
      input: [
        { role: 'system', content: 'sys' },
        { role: 'developer', content: [{ type: 'input_text', text: 'dev' }] },
        {
          type: 'message',
          role: 'user',
          content: [
            { type: 'input_text', text: 'What is in ' },
            { type: 'input_image', image_url: 'https://example.com/cat.png', detail: 'low' },
            { type: 'input_image', image_url: 'data:image/png;base64,AAAA' },
          ],
        },
        // An earlier response's output item fed back verbatim.
        { id: 'msg_1', type: 'message', status: 'completed', role: 'assistant', content: [{ type: 'output_text', text: 'A cat.', annotations: [] }] },
        { role: 'assistant', content: 'Plain string reply.' },
      ],
    });
    assert.deepEqual(request.messages, [
      { role: 'system', content: 'sys' },
      { role: 'developer', content: [{ type: 'text', text: 'dev' }] },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is in ' },
          { type: 'image_url', image_url: { url: 'https://example.com/cat.png', detail: 'low' } },
          { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } },
        ],
      },
      { role: 'assistant', content: [{ type: 'text', text: 'A cat.' }] },
      { role: 'assistant', content: 'Plain string reply.' },
    ]);
    chatRequestSchema.parse(request);
  });

  it('keeps an assistant refusal part as what the assistant said', () => {
    const { request } = front.parse({ input: [{ role: 'assistant', content: [{ type: 'refusal', refusal: 'I cannot.' }] }, { role: 'user', content: 'ok' }] });
    assert.deepEqual(request.messages[0], { role: 'assistant', content: [{ type: 'text', text: 'I cannot.' }] });
  });

  it('merges consecutive function_call items into one assistant turn and maps their outputs to tool messages', () => {
    const { request } = front.parse({
      input: [
        { role: 'user', content: 'Weather in Paris and Rome?' },
        { type: 'function_call', call_id: 'call_a', name: 'weather', arguments: '{"city":"Paris"}' },
        { type: 'function_call', id: 'fc_2', call_id: 'call_b', name: 'weather', arguments: '{"city":"Rome"}', status: 'completed' },
        { type: 'function_call_output', call_id: 'call_a', output: 'sunny' },
        { type: 'function_call_output', call_id: 'call_b', output: [{ type: 'input_text', text: 'rain' }, { type: 'input_text', text: 'y' }] },
      ],
    });
    assert.deepEqual(request.messages, [
      { role: 'user', content: 'Weather in Paris and Rome?' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: 'call_a', type: 'function', function: { name: 'weather', arguments: '{"city":"Paris"}' } },
          { id: 'call_b', type: 'function', function: { name: 'weather', arguments: '{"city":"Rome"}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_a', content: 'sunny' },
      { role: 'tool', tool_call_id: 'call_b', content: 'rainy' },
    ]);
    chatRequestSchema.parse(request);
  });

  it('keeps images in a function output as parts', () => {
    const { request } = front.parse({
      input: [{ type: 'function_call_output', call_id: 'c', output: [{ type: 'input_text', text: 'see' }, { type: 'input_image', image_url: 'https://x/y.png' }] }],
    });
    assert.deepEqual(request.messages[0]?.content, [
      { type: 'text', text: 'see' },
      { type: 'image_url', image_url: { url: 'https://x/y.png' } },
    ]);
  });

  it('round-trips a rendered answer: its output items fed back as input become the assistant turn', () => {
    const first = front.parse({ input: 'Weather in Paris?' });
    const answer = front.render(chatResponse('Let me check.', { toolCalls: [{ id: 'call_1', name: 'weather', arguments: '{"city":"Paris"}' }] }), ctx) as OpenAIResponse;
    const { request } = front.parse({
      input: [{ role: 'user', content: 'Weather in Paris?' }, ...answer.output, { type: 'function_call_output', call_id: 'call_1', output: '21C' }],
    });
    assert.deepEqual(request.messages, [
      ...first.request.messages,
      {
        role: 'assistant',
        content: [{ type: 'text', text: 'Let me check.' }],
        tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'weather', arguments: '{"city":"Paris"}' } }],
      },
      { role: 'tool', tool_call_id: 'call_1', content: '21C' },
    ]);
  });

  it('drops reasoning items, which only OpenAI can read', () => {
    const { request } = front.parse({ input: [{ type: 'reasoning', id: 'rs_1', summary: [], encrypted_content: 'xyz' }, { role: 'user', content: 'hi' }] });
    assert.deepEqual(request.messages, [{ role: 'user', content: 'hi' }]);
  });

  it('maps tools, tool_choice, sampling, output limit, text format and flags', () => {
    const parameters = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] };
    const { request, stream } = front.parse({
      model: 'm',
      input: 'x',
      tools: [
        { type: 'function', name: 'weather', description: 'Weather by city', parameters, strict: true },
        { type: 'function', name: 'time', parameters: null, strict: null },
      ],
      tool_choice: { type: 'function', name: 'weather' },
      temperature: 0.3,
      top_p: 0.9,
      max_output_tokens: 256,
      text: { format: { type: 'json_schema', name: 'answer', schema: { type: 'object' }, strict: true } },
      parallel_tool_calls: false,
      stream: true,
      user: 'u-1',
      metadata: { a: 'b' },
      store: true,
      include: ['reasoning.encrypted_content'],
      reasoning: { effort: 'low' },
      truncation: 'disabled',
    });
    assert.equal(stream, true);
    assert.deepEqual(request, {
      model: 'm',
      messages: [{ role: 'user', content: 'x' }],
      stream: true,
      tools: [
        { type: 'function', function: { name: 'weather', description: 'Weather by city', parameters, strict: true } },
        { type: 'function', function: { name: 'time' } },
      ],
      tool_choice: { type: 'function', function: { name: 'weather' } },
      temperature: 0.3,
      top_p: 0.9,
      max_tokens: 256,
      response_format: { type: 'json_schema', json_schema: { name: 'answer', schema: { type: 'object' }, strict: true } },
      parallel_tool_calls: false,
      user: 'u-1',
    });
    chatRequestSchema.parse(request);
  });

  it('maps json_object, text and string tool choices', () => {
    assert.deepEqual(front.parse({ input: 'x', text: { format: { type: 'json_object' } } }).request.response_format, { type: 'json_object' });
    assert.equal(front.parse({ input: 'x', text: { format: { type: 'text' } } }).request.response_format, undefined);
    assert.equal(front.parse({ input: 'x', tools: [{ type: 'function', name: 'f' }], tool_choice: 'required' }).request.tool_choice, 'required');
  });

  it('narrows the tools to an allowed_tools choice', () => {
    const { request } = front.parse({
      input: 'x',
      tools: [
        { type: 'function', name: 'a' },
        { type: 'function', name: 'b' },
      ],
      tool_choice: { type: 'allowed_tools', mode: 'required', tools: [{ type: 'function', name: 'b' }] },
    });
    assert.deepEqual(request.tools, [{ type: 'function', function: { name: 'b' } }]);
    assert.equal(request.tool_choice, 'required');
  });

  it('lets the route say whether to stream', () => {
    assert.equal(front.parse({ input: 'x', stream: false }, { stream: true }).stream, true);
  });

  it('refuses what needs server-side state, saying to send the full input', () => {
    rejects({ input: 'x', previous_response_id: 'resp_123' }, /previous_response_id.*stateless.*whole conversation in "input"/s);
    rejects({ input: 'x', conversation: 'conv_1' }, /"conversation".*stateless/s);
    rejects({ input: 'x', prompt: { id: 'pmpt_1' } }, /stored at OpenAI.*"instructions" and "input"/);
    rejects({ input: 'x', background: true }, /background.*stateless/s);
    rejects({ input: [{ type: 'item_reference', id: 'msg_1' }] }, /input\[0\].*item_reference.*stateless/s);
    // null means "not set" in OpenAI's SDK types.
    assert.doesNotThrow(() => front.parse({ input: 'x', previous_response_id: null, conversation: null, prompt: null, background: false }));
  });

  it('refuses OpenAI-hosted tools, naming the type', () => {
    rejects({ input: 'x', tools: [{ type: 'function', name: 'f' }, { type: 'web_search' }] }, /tools\[1\].*"web_search".*only "function" tools/);
    rejects({ input: 'x', tools: [{ type: 'file_search', vector_store_ids: [] }] }, /"file_search"/);
    rejects({ input: 'x', tool_choice: { type: 'web_search_preview' } }, /tool_choice type "web_search_preview"/);
    rejects({ input: 'x', tool_choice: { type: 'function' } }, /tool_choice\.name/);
  });

  it('refuses file inputs it cannot fetch, saying what to send instead', () => {
    rejects({ input: [{ role: 'user', content: [{ type: 'input_image', file_id: 'file-1', detail: 'auto' }] }] }, /input\[0\]\.content\[0\].*file_id.*"image_url"/);
    rejects({ input: [{ role: 'user', content: [{ type: 'input_file', file_id: 'file-1' }] }] }, /input_file.*input_text/);
    rejects({ input: [{ role: 'user', content: [{ type: 'input_audio' }] }] }, /content part type "input_audio"/);
  });

  it('refuses malformed requests, naming the field', () => {
    rejects(null, /JSON object/);
    rejects([], /JSON object/);
    rejects({ model: 'm' }, /"input" is required/);
    rejects({ input: 42 }, /"input" must be a string or a list/);
    rejects({ input: [] }, /"input" is empty/);
    rejects({ input: ['hi'] }, /input\[0\]/);
    rejects({ input: [{ content: 'no role or type' }] }, /input\[0\].*"type"/);
    rejects({ input: [{ role: 'tool', content: 'x' }] }, /input\[0\]\.role/);
    rejects({ input: [{ type: 'computer_call', call_id: 'c' }] }, /input\[0\].*"computer_call".*message, function_call and function_call_output/);
    rejects({ input: [{ type: 'function_call', call_id: 'c', arguments: '{}' }] }, /input\[0\]\.name/);
    rejects({ input: [{ type: 'function_call_output', output: 'x' }] }, /input\[0\]\.call_id/);
    rejects({ input: 'x', temperature: 3 }, /temperature/);
    rejects({ input: 'x', max_output_tokens: 0 }, /max_output_tokens/);
    rejects({ input: 'x', text: { format: { type: 'json_schema', schema: {} } } }, /text\.format\.name/);
    rejects({ input: 'x', text: { format: { type: 'grammar' } } }, /text.format type "grammar"/);
  });
});

// ---------------------------------------------------------------------------------------------
// render

describe('render', () => {
  it('renders text as one completed message item with usage', () => {
    const r = front.render(chatResponse('Hello!'), ctx) as OpenAIResponse & Record<string, unknown>;
    assert.match(r.id, /^resp_[0-9a-f]+$/);
    assert.equal(r.object, 'response');
    assert.equal(r.created_at, 1_700_000_000);
    assert.equal(r.status, 'completed');
    assert.equal(r.model, 'my-endpoint');
    assert.equal(r.error, null);
    assert.equal(r.incomplete_details, null);
    assert.equal(r.output.length, 1);
    const item = r.output[0] as unknown as Record<string, unknown>;
    assert.match(item.id as string, /^msg_/);
    assert.deepEqual({ ...item, id: 'x' }, {
      id: 'x',
      type: 'message',
      status: 'completed',
      role: 'assistant',
      content: [{ type: 'output_text', text: 'Hello!', annotations: [], logprobs: [] }],
    });
    assert.deepEqual(r.usage, { input_tokens: 11, input_tokens_details: { cached_tokens: 0 }, output_tokens: 7, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 18 });
    for (const key of ['parallel_tool_calls', 'tool_choice', 'tools', 'temperature', 'top_p', 'text', 'metadata', 'reasoning', 'truncation']) assert.ok(key in r, key);
  });

  it('renders tool calls as function_call items after the text', () => {
    const r = front.render(
      chatResponse('Checking.', {
        toolCalls: [
          { id: 'call_1', name: 'weather', arguments: '{"city":"Paris"}' },
          { id: 'call_2', name: 'time', arguments: '{}' },
        ],
      }),
      ctx,
    ) as OpenAIResponse;
    assert.deepEqual(
      r.output.map((o) => o.type),
      ['message', 'function_call', 'function_call'],
    );
    const call = r.output[1] as unknown as Record<string, unknown>;
    assert.match(call.id as string, /^fc_/);
    assert.deepEqual({ ...call, id: 'x' }, { id: 'x', type: 'function_call', status: 'completed', arguments: '{"city":"Paris"}', call_id: 'call_1', name: 'weather' });
  });

  it('renders tool calls alone when the model wrote no text', () => {
    const r = front.render(chatResponse(null, { toolCalls: [{ id: 'c', name: 'f', arguments: '{}' }] }), ctx) as OpenAIResponse;
    assert.deepEqual(
      r.output.map((o) => o.type),
      ['function_call'],
    );
  });

  it('renders an empty answer as one empty message', () => {
    const r = front.render(chatResponse(null), ctx) as OpenAIResponse;
    assert.deepEqual((r.output[0] as { content: unknown }).content, [{ type: 'output_text', text: '', annotations: [], logprobs: [] }]);
  });

  it('renders a refusal as a refusal part', () => {
    const r = front.render(chatResponse(null, { refusal: 'No.' }), ctx) as OpenAIResponse;
    assert.deepEqual((r.output[0] as { content: unknown }).content, [{ type: 'refusal', refusal: 'No.' }]);
  });

  it('marks a length stop as incomplete (max_output_tokens)', () => {
    const r = front.render(chatResponse('Once upon a', { finish: 'length' }), ctx) as OpenAIResponse;
    assert.equal(r.status, 'incomplete');
    assert.deepEqual(r.incomplete_details, { reason: 'max_output_tokens' });
    assert.equal((r.output[0] as { status: string }).status, 'incomplete');
  });

  it('echoes the request settings when the route passes the request', () => {
    const { request } = front.parse({
      input: 'x',
      tools: [{ type: 'function', name: 'f', parameters: { type: 'object' } }],
      tool_choice: { type: 'function', name: 'f' },
      temperature: 0.2,
      max_output_tokens: 50,
      text: { format: { type: 'json_schema', name: 'n', schema: { type: 'object' } } },
    });
    const withRequest: ResponsesRenderContext = { ...ctx, request };
    const r = front.render(chatResponse('{}'), withRequest) as Record<string, unknown>;
    assert.deepEqual(r.tools, [{ type: 'function', name: 'f', description: null, parameters: { type: 'object' }, strict: null }]);
    assert.deepEqual(r.tool_choice, { type: 'function', name: 'f' });
    assert.equal(r.temperature, 0.2);
    assert.equal(r.max_output_tokens, 50);
    assert.deepEqual(r.text, { format: { type: 'json_schema', name: 'n', schema: { type: 'object' } }, verbosity: 'medium' });
  });
});

// ---------------------------------------------------------------------------------------------
// renderStream

function assertSequenced(events: Event[]): void {
  events.forEach((e, i) => {
    assert.equal(e.data.sequence_number, i, `sequence_number of event ${i} (${e.name})`);
    assert.equal(e.name, e.data.type, 'the SSE event name is the data type');
  });
}

describe('renderStream', () => {
  it('streams text with OpenAI event names and order, numbered from 0', async () => {
    const events = await collect(front.renderStream(iterate(scriptChunks({ text: ['Hel', 'lo', '!'] })), ctx));
    assert.deepEqual(
      events.map((e) => e.name),
      [
        'response.created',
        'response.in_progress',
        'response.output_item.added',
        'response.content_part.added',
        'response.output_text.delta',
        'response.output_text.delta',
        'response.output_text.delta',
        'response.output_text.done',
        'response.content_part.done',
        'response.output_item.done',
        'response.completed',
      ],
    );
    assertSequenced(events);
    const [created, , added, partAdded, delta, , , textDone, partDone, itemDone, completed] = events;
    assert.equal(created!.data.response.status, 'in_progress');
    assert.deepEqual(created!.data.response.output, []);
    assert.equal(created!.data.response.usage, null);
    const itemId = added!.data.item.id as string;
    assert.match(itemId, /^msg_/);
    assert.deepEqual(added!.data, { type: 'response.output_item.added', sequence_number: 2, output_index: 0, item: { id: itemId, type: 'message', status: 'in_progress', role: 'assistant', content: [] } });
    assert.deepEqual(partAdded!.data.part, { type: 'output_text', text: '', annotations: [], logprobs: [] });
    assert.deepEqual(delta!.data, { type: 'response.output_text.delta', sequence_number: 4, item_id: itemId, output_index: 0, content_index: 0, delta: 'Hel', logprobs: [] });
    assert.equal(textDone!.data.text, 'Hello!');
    assert.equal(partDone!.data.part.text, 'Hello!');
    assert.equal(itemDone!.data.item.status, 'completed');
    assert.equal(completed!.data.response.status, 'completed');
    assert.equal(completed!.data.response.id, created!.data.response.id);
    assert.equal(completed!.data.response.created_at, 1_700_000_100);
    assert.equal(completed!.data.response.output[0].content[0].text, 'Hello!');
    assert.deepEqual(completed!.data.response.usage, { input_tokens: 5, input_tokens_details: { cached_tokens: 0 }, output_tokens: 9, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 14 });
  });

  it('streams tool calls as function_call items with argument deltas', async () => {
    const events = await collect(
      front.renderStream(
        iterate(
          scriptChunks({
            text: ['Checking.'],
            calls: [
              { id: 'call_1', name: 'weather', args: ['{"ci', 'ty":"Paris"}'] },
              { id: 'call_2', name: 'time', args: ['{}'] },
            ],
          }),
        ),
        ctx,
      ),
    );
    assertSequenced(events);
    assert.deepEqual(
      events.map((e) => e.name),
      [
        'response.created',
        'response.in_progress',
        'response.output_item.added',
        'response.content_part.added',
        'response.output_text.delta',
        'response.output_text.done',
        'response.content_part.done',
        'response.output_item.done',
        'response.output_item.added',
        'response.function_call_arguments.delta',
        'response.function_call_arguments.delta',
        'response.function_call_arguments.done',
        'response.output_item.done',
        'response.output_item.added',
        'response.function_call_arguments.delta',
        'response.function_call_arguments.done',
        'response.output_item.done',
        'response.completed',
      ],
    );
    const added = events[8]!.data;
    assert.equal(added.output_index, 1);
    assert.deepEqual({ ...added.item, id: 'x' }, { id: 'x', type: 'function_call', status: 'in_progress', arguments: '', call_id: 'call_1', name: 'weather' });
    assert.deepEqual(
      events.filter((e) => e.name === 'response.function_call_arguments.delta' && e.data.output_index === 1).map((e) => e.data.delta),
      ['{"ci', 'ty":"Paris"}'],
    );
    assert.equal(events[9]!.data.item_id, added.item.id);
    assert.deepEqual(
      { ...events[11]!.data, item_id: 'x' },
      { type: 'response.function_call_arguments.done', sequence_number: 11, item_id: 'x', output_index: 1, name: 'weather', arguments: '{"city":"Paris"}' },
    );
    const final = events.at(-1)!.data.response;
    assert.deepEqual(
      final.output.map((o: { type: string; arguments?: string }) => [o.type, o.arguments]),
      [
        ['message', undefined],
        ['function_call', '{"city":"Paris"}'],
        ['function_call', '{}'],
      ],
    );
  });

  it('opens a new message item for text that follows a tool call', async () => {
    const events = await collect(front.renderStream(iterate(scriptChunks({ calls: [{ id: 'c', name: 'f', args: ['{}'] }], textAfter: ['done'] })), ctx));
    assertSequenced(events);
    const final = events.at(-1)!.data.response;
    assert.deepEqual(
      final.output.map((o: { type: string }) => o.type),
      ['function_call', 'message'],
    );
    assert.deepEqual(
      events.filter((e) => e.name === 'response.output_item.added').map((e) => e.data.output_index),
      [0, 1],
    );
  });

  it('streams an empty answer as one empty message', async () => {
    const events = await collect(front.renderStream(iterate(scriptChunks({})), ctx));
    assertSequenced(events);
    assert.equal(events.filter((e) => e.name === 'response.output_item.done').length, 1);
    assert.equal(events.at(-1)!.data.response.output[0].content[0].text, '');
  });

  it('ends a length stop with response.incomplete', async () => {
    const events = await collect(front.renderStream(iterate(scriptChunks({ text: ['Once'], finish: 'length' })), ctx));
    const last = events.at(-1)!;
    assert.equal(last.name, 'response.incomplete');
    assert.equal(last.data.response.status, 'incomplete');
    assert.deepEqual(last.data.response.incomplete_details, { reason: 'max_output_tokens' });
    assert.equal(events.find((e) => e.name === 'response.output_item.done')!.data.item.status, 'incomplete');
  });

  it('turns a mid-stream failure into an error event and ends', async () => {
    const failure = new GatewayError('rate_limit', 'anthropic answered 429: slow down');
    const events = await collect(front.renderStream(iterate(scriptChunks({ text: ['a', 'b'] }), { count: 3, error: failure }), ctx));
    assertSequenced(events);
    const last = events.at(-1)!;
    assert.equal(last.name, 'error');
    assert.deepEqual(last.data, { type: 'error', sequence_number: events.length - 1, code: 'rate_limit_exceeded', message: 'anthropic answered 429: slow down', param: null });
    assert.ok(!events.some((e) => e.name === 'response.completed'));
  });

  it('hides the details of a non-gateway failure', async () => {
    const events = await collect(front.renderStream(iterate(scriptChunks({ text: ['a'] }), { count: 2, error: new Error('secret sk-123 leaked') }), ctx));
    const last = events.at(-1)!;
    assert.equal(last.data.code, 'server_error');
    assert.doesNotMatch(last.data.message, /sk-123/);
  });

  it('throws a failure before the first chunk, so the route can answer with an HTTP error', async () => {
    const failure = new GatewayError('authentication', 'bad key');
    const events = front.renderStream(iterate([], { count: 0, error: failure }), ctx)[Symbol.asyncIterator]();
    await assert.rejects(events.next(), (err) => err === failure);
  });

  it('releases the upstream stream when the caller stops reading', async () => {
    let released = false;
    async function* upstream(): AsyncGenerator<ChatChunk> {
      try {
        for (const c of scriptChunks({ text: ['a', 'b', 'c'] })) yield c;
      } finally {
        released = true;
      }
    }
    for await (const e of front.renderStream(upstream(), ctx)) if (e.event === 'response.output_text.delta') break;
    assert.equal(released, true);
  });
});

// ---------------------------------------------------------------------------------------------
// errorBody

describe('errorBody', () => {
  it('renders OpenAI error bodies by kind', () => {
    assert.deepEqual(front.errorBody(new GatewayError('invalid_request', 'bad')), { error: { message: 'bad', type: 'invalid_request_error', param: null, code: null } });
    const cases: [GatewayError['kind'], string][] = [
      ['authentication', 'authentication_error'],
      ['permission', 'permission_error'],
      ['not_found', 'not_found_error'],
      ['rate_limit', 'rate_limit_error'],
      ['upstream', 'api_error'],
      ['internal', 'server_error'],
    ];
    for (const [kind, type] of cases) assert.equal(openaiErrorBody(new GatewayError(kind, 'm')).error.type, type, kind);
    assert.equal(openaiErrorBody(new GatewayError('rate_limit', 'm')).error.code, 'rate_limit_exceeded');
  });
});

// ---------------------------------------------------------------------------------------------
// The real SDK against the rendered wire format

/** What the tiny server answers, picked by the request's `model`. */
const SCENARIOS: Record<string, { response: ChatResponse; script: StreamScript; failAfter?: number }> = {
  text: { response: chatResponse('Hello from the gateway.'), script: { text: ['Hello ', 'from the ', 'gateway.'] } },
  tools: {
    response: chatResponse('Let me look.', { toolCalls: [{ id: 'call_9', name: 'weather', arguments: '{"city":"Oslo"}' }] }),
    script: { text: ['Let me look.'], calls: [{ id: 'call_9', name: 'weather', args: ['{"city"', ':"Oslo"}'] }] },
  },
  broken: { response: chatResponse('x'), script: { text: ['partial ', 'answer'] }, failAfter: 2 },
};

describe('the openai SDK against the front', () => {
  let server: Server;
  let client: OpenAI;
  const seen: ChatRequest[] = [];

  before(async () => {
    server = createServer((req, res) => {
      let raw = '';
      req.on('data', (d: Buffer) => (raw += d.toString()));
      req.on('end', () => {
        void (async () => {
          if (req.method !== 'POST' || req.url !== '/v1/responses') {
            res.writeHead(404).end();
            return;
          }
          let parsed;
          try {
            parsed = front.parse(JSON.parse(raw));
          } catch (err) {
            const error = err as GatewayError;
            res.writeHead(error.status, { 'content-type': 'application/json' }).end(JSON.stringify(front.errorBody(error)));
            return;
          }
          seen.push(parsed.request);
          const scenario = SCENARIOS[parsed.request.model ?? ''] ?? SCENARIOS.text!;
          const renderCtx = { requestedModel: parsed.request.model ?? '', request: parsed.request };
          if (!parsed.stream) {
            res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(front.render(scenario.response, renderCtx)));
            return;
          }
          res.writeHead(200, { 'content-type': 'text/event-stream' });
          const failure = scenario.failAfter === undefined ? undefined : { count: scenario.failAfter, error: new GatewayError('upstream', 'gemini answered 500: boom') };
          for await (const e of front.renderStream(iterate(scriptChunks(scenario.script), failure), renderCtx)) res.write(`event: ${e.event}\ndata: ${e.data}\n\n`);
          res.end();
        })();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    client = new OpenAI({ apiKey: 'x', baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, maxRetries: 0 });
  });

  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('responses.create() reads the Response and computes output_text', async () => {
    const response = await client.responses.create({ model: 'text', input: 'Hi', instructions: 'Be nice.' });
    assert.equal(response.output_text, 'Hello from the gateway.');
    assert.equal(response.status, 'completed');
    assert.equal(response.usage?.total_tokens, 18);
    assert.deepEqual(seen.at(-1)!.messages, [
      { role: 'system', content: 'Be nice.' },
      { role: 'user', content: 'Hi' },
    ]);
  });

  it('responses.create() returns function calls the caller can answer in the next turn', async () => {
    const tools = [{ type: 'function' as const, name: 'weather', parameters: { type: 'object', properties: { city: { type: 'string' } } }, strict: false }];
    const first = await client.responses.create({ model: 'tools', input: 'Weather in Oslo?', tools });
    const call = first.output.find((o) => o.type === 'function_call');
    assert.ok(call && call.type === 'function_call');
    assert.equal(call.name, 'weather');
    assert.deepEqual(JSON.parse(call.arguments), { city: 'Oslo' });
    assert.equal(first.output_text, 'Let me look.');
    await client.responses.create({
      model: 'text',
      tools,
      // The SDK's output and input item unions differ on items the gateway never sends.
      input: [{ role: 'user', content: 'Weather in Oslo?' }, ...(first.output as ResponseInputItem[]), { type: 'function_call_output', call_id: call.call_id, output: '-3C' }],
    });
    assert.deepEqual(seen.at(-1)!.messages.slice(1), [
      { role: 'assistant', content: [{ type: 'text', text: 'Let me look.' }], tool_calls: [{ id: 'call_9', type: 'function', function: { name: 'weather', arguments: '{"city":"Oslo"}' } }] },
      { role: 'tool', tool_call_id: 'call_9', content: '-3C' },
    ]);
  });

  it('responses.create() raises the SDK error class for a refused request', async () => {
    await assert.rejects(client.responses.create({ model: 'text', input: 'x', previous_response_id: 'resp_1' }), (err: unknown) => {
      assert.ok(err instanceof OpenAI.BadRequestError);
      assert.match(err.message, /stateless/);
      assert.equal(err.type, 'invalid_request_error');
      return true;
    });
  });

  it('responses.create({stream: true}) yields the events in order', async () => {
    const stream = await client.responses.create({ model: 'tools', input: 'x', stream: true });
    const events: ResponseStreamEvent[] = [];
    for await (const e of stream) events.push(e);
    assert.equal(events[0]!.type, 'response.created');
    assert.equal(events.at(-1)!.type, 'response.completed');
    const text = events.flatMap((e) => (e.type === 'response.output_text.delta' ? [e.delta] : [])).join('');
    assert.equal(text, 'Let me look.');
    const args = events.flatMap((e) => (e.type === 'response.function_call_arguments.delta' ? [e.delta] : [])).join('');
    assert.equal(args, '{"city":"Oslo"}');
    const done = events.at(-1)!;
    assert.ok(done.type === 'response.completed');
    assert.equal(done.response.usage?.output_tokens, 9);
  });

  it('responses.stream() accumulates snapshots and resolves finalResponse()', async () => {
    const stream = client.responses.stream({ model: 'tools', input: 'x' });
    const snapshots: string[] = [];
    stream.on('response.output_text.delta', (e) => snapshots.push(e.snapshot));
    const argSnapshots: string[] = [];
    stream.on('response.function_call_arguments.delta', (e) => argSnapshots.push(e.snapshot));
    const final = await stream.finalResponse();
    assert.equal(final.output_text, 'Let me look.');
    assert.deepEqual(snapshots, ['Let me look.']);
    assert.deepEqual(argSnapshots, ['{"city"', '{"city":"Oslo"}']);
    const call = final.output.find((o) => o.type === 'function_call');
    assert.ok(call && call.type === 'function_call');
    assert.equal(call.arguments, '{"city":"Oslo"}');
    assert.equal(final.usage?.total_tokens, 14);
  });

  it('responses.stream() on text streams the text snapshot by snapshot', async () => {
    const stream = client.responses.stream({ model: 'text', input: 'x' });
    const snapshots: string[] = [];
    stream.on('response.output_text.delta', (e) => snapshots.push(e.snapshot));
    const final = await stream.finalResponse();
    assert.deepEqual(snapshots, ['Hello ', 'Hello from the ', 'Hello from the gateway.']);
    assert.equal(final.output_text, 'Hello from the gateway.');
  });

  it('a mid-stream failure reaches the SDK as an error event', async () => {
    const stream = await client.responses.create({ model: 'broken', input: 'x', stream: true });
    const events: ResponseStreamEvent[] = [];
    for await (const e of stream) events.push(e);
    const last = events.at(-1)!;
    assert.ok(last.type === 'error');
    assert.equal(last.message, 'gemini answered 500: boom');
    assert.equal(last.code, 'server_error');
  });
});
