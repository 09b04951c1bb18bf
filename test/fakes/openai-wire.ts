/**
 * OpenAI's wire format (chat completions, legacy completions, embeddings, Responses API), as the
 * API answers it: JSON bodies, SSE `data: {...}` chunks ending in `data: [DONE]` (chat and
 * completions), named SSE events (Responses), and `{"error": {...}}` error bodies.
 */
import {
  fakeEmbedding,
  replyModel,
  replyText,
  replyUsage,
  splitText,
  type FakeError,
  type FakeOperation,
  type RenderContext,
  type SseEvent,
} from './llm-types.ts';

const FINGERPRINT = 'fp_fake0001';

export function openaiErrorType(status: number): string {
  if (status === 429) return 'rate_limit_error';
  if (status >= 500) return 'server_error';
  return 'invalid_request_error';
}

export function openaiErrorBody(err: FakeError): unknown {
  return { error: { message: err.message, type: err.type ?? openaiErrorType(err.status), param: null, code: err.code ?? null } };
}

/** The in-band stream error: the SDK throws `APIError` on a data chunk that carries `error`. */
export function openaiStreamErrorEvent(err: FakeError): SseEvent {
  return { data: JSON.stringify(openaiErrorBody(err)) };
}

function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((p: { type?: string; text?: string }) => (typeof p?.text === 'string' ? p.text : ''))
      .filter((s) => s !== '')
      .join(' ');
  }
  return '';
}

/** The text a request's inputs carry (last user message for chat; prompt; input). */
export function openaiInputText(op: FakeOperation, body: Record<string, unknown>): string {
  if (op === 'openai.chat.completions') {
    const messages = Array.isArray(body.messages) ? (body.messages as { role?: string; content?: unknown }[]) : [];
    const user = messages.filter((m) => m.role === 'user').at(-1);
    return contentText(user?.content);
  }
  if (op === 'openai.completions') {
    return Array.isArray(body.prompt) ? body.prompt.map(String).join(' ') : typeof body.prompt === 'string' ? body.prompt : '';
  }
  const input = body.input;
  if (typeof input === 'string') return input;
  if (Array.isArray(input)) {
    if (op === 'openai.embeddings') return input.map(String).join(' ');
    const user = (input as { role?: string; content?: unknown }[]).filter((m) => m.role === 'user').at(-1);
    return contentText(user?.content);
  }
  return '';
}

function usageObject(ctx: RenderContext): Record<string, unknown> {
  const u = replyUsage(ctx);
  return {
    prompt_tokens: u.inputTokens,
    completion_tokens: u.outputTokens,
    total_tokens: u.inputTokens + u.outputTokens,
    prompt_tokens_details: { cached_tokens: u.cachedInputTokens, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  };
}

function toolCallId(ctx: RenderContext, i: number, id: string | undefined): string {
  return id ?? `call_fake${ctx.seq}${i}`;
}

export function openaiChatCompletion(ctx: RenderContext): unknown {
  const text = replyText(ctx);
  const calls = ctx.reply.toolCalls ?? [];
  const message: Record<string, unknown> = { role: 'assistant', content: calls.length && text === '' ? null : text, refusal: null, annotations: [] };
  if (calls.length) {
    message.tool_calls = calls.map((c, i) => ({
      id: toolCallId(ctx, i, c.id),
      type: 'function',
      function: { name: c.name, arguments: JSON.stringify(c.arguments) },
    }));
  }
  return {
    id: `chatcmpl-fake${ctx.seq}`,
    object: 'chat.completion',
    created: ctx.created,
    model: replyModel(ctx),
    choices: [{ index: 0, message, logprobs: null, finish_reason: calls.length ? 'tool_calls' : 'stop' }],
    usage: usageObject(ctx),
    service_tier: 'default',
    system_fingerprint: FINGERPRINT,
  };
}

function wantsUsageChunk(ctx: RenderContext): boolean {
  const opts = ctx.request.body.stream_options as { include_usage?: unknown } | undefined;
  return opts?.include_usage === true;
}

export function openaiChatCompletionChunks(ctx: RenderContext): SseEvent[] {
  const includeUsage = wantsUsageChunk(ctx);
  const base = (choices: unknown[]): string =>
    JSON.stringify({
      id: `chatcmpl-fake${ctx.seq}`,
      object: 'chat.completion.chunk',
      created: ctx.created,
      model: replyModel(ctx),
      service_tier: 'default',
      system_fingerprint: FINGERPRINT,
      choices,
      ...(includeUsage ? { usage: null } : {}),
    });
  const choice = (delta: unknown, finish: string | null = null): unknown => ({ index: 0, delta, logprobs: null, finish_reason: finish });
  const calls = ctx.reply.toolCalls ?? [];
  const text = replyText(ctx);
  const events: SseEvent[] = [];
  events.push({ data: base([choice({ role: 'assistant', content: calls.length && text === '' ? null : '', refusal: null })]) });
  for (const piece of splitText(text, ctx.reply.chunkSize ?? 8)) events.push({ data: base([choice({ content: piece })]) });
  calls.forEach((c, i) => {
    events.push({
      data: base([choice({ tool_calls: [{ index: i, id: toolCallId(ctx, i, c.id), type: 'function', function: { name: c.name, arguments: '' } }] })]),
    });
    for (const piece of splitText(JSON.stringify(c.arguments), ctx.reply.chunkSize ?? 8)) {
      events.push({ data: base([choice({ tool_calls: [{ index: i, function: { arguments: piece } }] })]) });
    }
  });
  events.push({ data: base([choice({}, calls.length ? 'tool_calls' : 'stop')]) });
  if (includeUsage) {
    events.push({
      data: JSON.stringify({
        id: `chatcmpl-fake${ctx.seq}`,
        object: 'chat.completion.chunk',
        created: ctx.created,
        model: replyModel(ctx),
        service_tier: 'default',
        system_fingerprint: FINGERPRINT,
        choices: [],
        usage: usageObject(ctx),
      }),
    });
  }
  events.push({ data: '[DONE]' });
  return events;
}

export function openaiCompletion(ctx: RenderContext): unknown {
  const u = replyUsage(ctx);
  return {
    id: `cmpl-fake${ctx.seq}`,
    object: 'text_completion',
    created: ctx.created,
    model: replyModel(ctx),
    choices: [{ text: replyText(ctx), index: 0, logprobs: null, finish_reason: 'stop' }],
    usage: { prompt_tokens: u.inputTokens, completion_tokens: u.outputTokens, total_tokens: u.inputTokens + u.outputTokens },
  };
}

export function openaiCompletionChunks(ctx: RenderContext): SseEvent[] {
  const includeUsage = wantsUsageChunk(ctx);
  const chunk = (choices: unknown[], usage?: unknown): SseEvent => ({
    data: JSON.stringify({
      id: `cmpl-fake${ctx.seq}`,
      object: 'text_completion',
      created: ctx.created,
      choices,
      model: replyModel(ctx),
      system_fingerprint: FINGERPRINT,
      ...(includeUsage ? { usage: usage ?? null } : {}),
    }),
  });
  const events = splitText(replyText(ctx), ctx.reply.chunkSize ?? 8).map((t) =>
    chunk([{ text: t, index: 0, logprobs: null, finish_reason: null }]),
  );
  events.push(chunk([{ text: '', index: 0, logprobs: null, finish_reason: 'stop' }]));
  if (includeUsage) {
    const u = replyUsage(ctx);
    events.push(chunk([], { prompt_tokens: u.inputTokens, completion_tokens: u.outputTokens, total_tokens: u.inputTokens + u.outputTokens }));
  }
  events.push({ data: '[DONE]' });
  return events;
}

/** Float32 little-endian, base64: what the API sends for `encoding_format: "base64"` (the Node SDK's default). */
function base64Float32(values: number[]): string {
  return Buffer.from(new Float32Array(values).buffer).toString('base64');
}

export function openaiEmbeddings(ctx: RenderContext): unknown {
  const body = ctx.request.body;
  const inputs = Array.isArray(body.input) ? body.input.map(String) : [typeof body.input === 'string' ? body.input : ''];
  const dims = typeof body.dimensions === 'number' ? body.dimensions : 8;
  const base64 = body.encoding_format === 'base64';
  const tokens = replyUsage(ctx).inputTokens;
  return {
    object: 'list',
    data: inputs.map((text, index) => {
      const vector = fakeEmbedding(text, dims);
      return { object: 'embedding', index, embedding: base64 ? base64Float32(vector) : vector };
    }),
    model: replyModel(ctx),
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  };
}

function responseOutputItems(ctx: RenderContext): Record<string, unknown>[] {
  const items: Record<string, unknown>[] = [];
  const text = replyText(ctx);
  if (text !== '' || !ctx.reply.toolCalls?.length) {
    items.push({
      id: `msg_fake${ctx.seq}`,
      type: 'message',
      status: 'completed',
      content: [{ type: 'output_text', annotations: [], logprobs: [], text }],
      role: 'assistant',
    });
  }
  (ctx.reply.toolCalls ?? []).forEach((c, i) => {
    items.push({
      id: `fc_fake${ctx.seq}${i}`,
      type: 'function_call',
      status: 'completed',
      arguments: JSON.stringify(c.arguments),
      call_id: toolCallId(ctx, i, c.id),
      name: c.name,
    });
  });
  return items;
}

function responseObject(ctx: RenderContext, status: 'in_progress' | 'completed'): Record<string, unknown> {
  const body = ctx.request.body;
  const u = replyUsage(ctx);
  const done = status === 'completed';
  return {
    id: `resp_fake${ctx.seq}`,
    object: 'response',
    created_at: ctx.created,
    status,
    background: false,
    error: null,
    incomplete_details: null,
    instructions: body.instructions ?? null,
    max_output_tokens: body.max_output_tokens ?? null,
    model: replyModel(ctx),
    output: done ? responseOutputItems(ctx) : [],
    parallel_tool_calls: true,
    previous_response_id: body.previous_response_id ?? null,
    reasoning: { effort: null, summary: null },
    service_tier: 'default',
    store: true,
    temperature: body.temperature ?? 1,
    text: { format: { type: 'text' }, verbosity: 'medium' },
    tool_choice: body.tool_choice ?? 'auto',
    tools: body.tools ?? [],
    top_p: body.top_p ?? 1,
    truncation: 'disabled',
    usage: done
      ? {
          input_tokens: u.inputTokens,
          input_tokens_details: { cached_tokens: u.cachedInputTokens },
          output_tokens: u.outputTokens,
          output_tokens_details: { reasoning_tokens: 0 },
          total_tokens: u.inputTokens + u.outputTokens,
        }
      : null,
    user: null,
    metadata: {},
  };
}

export function openaiResponse(ctx: RenderContext): unknown {
  return responseObject(ctx, 'completed');
}

/** Responses API streaming: named events, each data carrying `type` and `sequence_number`. */
export function openaiResponseEvents(ctx: RenderContext): SseEvent[] {
  const events: SseEvent[] = [];
  const emit = (type: string, fields: Record<string, unknown>): void => {
    events.push({ event: type, data: JSON.stringify({ type, sequence_number: events.length, ...fields }) });
  };
  emit('response.created', { response: responseObject(ctx, 'in_progress') });
  emit('response.in_progress', { response: responseObject(ctx, 'in_progress') });
  const size = ctx.reply.chunkSize ?? 8;
  responseOutputItems(ctx).forEach((item, outputIndex) => {
    const id = item.id as string;
    if (item.type === 'message') {
      const text = ((item.content as { text: string }[])[0] as { text: string }).text;
      emit('response.output_item.added', { output_index: outputIndex, item: { ...item, status: 'in_progress', content: [] } });
      emit('response.content_part.added', {
        item_id: id,
        output_index: outputIndex,
        content_index: 0,
        part: { type: 'output_text', annotations: [], logprobs: [], text: '' },
      });
      for (const delta of splitText(text, size)) {
        emit('response.output_text.delta', { item_id: id, output_index: outputIndex, content_index: 0, delta, logprobs: [] });
      }
      emit('response.output_text.done', { item_id: id, output_index: outputIndex, content_index: 0, text, logprobs: [] });
      emit('response.content_part.done', {
        item_id: id,
        output_index: outputIndex,
        content_index: 0,
        part: { type: 'output_text', annotations: [], logprobs: [], text },
      });
    } else {
      const args = item.arguments as string;
      emit('response.output_item.added', { output_index: outputIndex, item: { ...item, status: 'in_progress', arguments: '' } });
      for (const delta of splitText(args, size)) {
        emit('response.function_call_arguments.delta', { item_id: id, output_index: outputIndex, delta });
      }
      emit('response.function_call_arguments.done', { item_id: id, output_index: outputIndex, arguments: args });
    }
    emit('response.output_item.done', { output_index: outputIndex, item });
  });
  emit('response.completed', { response: responseObject(ctx, 'completed') });
  return events;
}

/** Responses API in-band failure: an `error` event (the SDK yields it; it does not throw). */
export function openaiResponseErrorEvent(err: FakeError, sequenceNumber: number): SseEvent {
  return {
    event: 'error',
    data: JSON.stringify({ type: 'error', code: err.code ?? openaiErrorType(err.status), message: err.message, param: null, sequence_number: sequenceNumber }),
  };
}
