/**
 * Mistral's wire format (`api.mistral.ai/v1`): OpenAI-like chat completions and embeddings, with
 * Mistral's differences. Streams always end with a chunk carrying `usage` (no `stream_options`),
 * tool calls arrive whole in one chunk, tool-call ids are 9 alphanumerics, and the request schema
 * is closed: an unknown field (`stream_options`, `seed` instead of `random_seed`, `user`, ...) is a
 * 422 with pydantic's `extra_forbidden` detail. Errors are `{"object":"error","message",...}`;
 * a bad key is `{"message":"Unauthorized","request_id"}`.
 */
import {
  base64Float32,
  fakeEmbedding,
  replyModel,
  replyText,
  replyUsage,
  splitText,
  type FakeError,
  type RenderContext,
  type SseEvent,
} from './llm-types.ts';

/** The fields Mistral's `ChatCompletionRequest` and `EmbeddingRequest` accept (`additionalProperties: false`). */
const CHAT_FIELDS = new Set([
  'model',
  'temperature',
  'top_p',
  'max_tokens',
  'stream',
  'stop',
  'random_seed',
  'metadata',
  'messages',
  'response_format',
  'tools',
  'tool_choice',
  'presence_penalty',
  'frequency_penalty',
  'n',
  'prediction',
  'parallel_tool_calls',
  'prompt_mode',
  'reasoning_effort',
  'guardrails',
  'prompt_cache_key',
  'safe_prompt',
]);
const EMBEDDING_FIELDS = new Set(['model', 'metadata', 'input', 'output_dimension', 'output_dtype', 'encoding_format']);

export function mistralErrorType(status: number): string {
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'internal_server_error';
  return 'invalid_request_error';
}

export function mistralErrorBody(err: FakeError): unknown {
  return { object: 'error', message: err.message, type: err.type ?? mistralErrorType(err.status), param: null, code: err.code ?? null };
}

export function mistralAuthErrorBody(seq: string): unknown {
  return { message: 'Unauthorized', request_id: `fake${seq}` };
}

/** The 422 Mistral answers for fields outside its schema; undefined when the body has none. */
export function mistralExtraFieldsError(operation: 'mistral.chat.completions' | 'mistral.embeddings', body: Record<string, unknown>): unknown {
  const allowed = operation === 'mistral.chat.completions' ? CHAT_FIELDS : EMBEDDING_FIELDS;
  const extra = Object.keys(body).filter((k) => !allowed.has(k));
  if (extra.length === 0) return undefined;
  const detail = extra.map((k) => ({ type: 'extra_forbidden', loc: ['body', k], msg: 'Extra inputs are not permitted', input: body[k] }));
  return { object: 'error', message: { detail }, type: 'invalid_request_error', param: null, code: null };
}

/** In-band stream failure: a data chunk carrying Mistral's error object. */
export function mistralStreamErrorEvent(err: FakeError): SseEvent {
  return { data: JSON.stringify(mistralErrorBody(err)) };
}

function usage(ctx: RenderContext): Record<string, unknown> {
  const u = replyUsage(ctx);
  return { prompt_tokens: u.inputTokens, total_tokens: u.inputTokens + u.outputTokens, completion_tokens: u.outputTokens };
}

/** Mistral rejects tool-call ids that are not exactly 9 of [a-zA-Z0-9]; its own ids follow that rule. */
function toolCallId(ctx: RenderContext, i: number, id: string | undefined): string {
  return id ?? `call${ctx.seq}${i}`.slice(0, 9).padEnd(9, '0');
}

function toolCalls(ctx: RenderContext): Record<string, unknown>[] {
  return (ctx.reply.toolCalls ?? []).map((c, i) => ({
    id: toolCallId(ctx, i, c.id),
    function: { name: c.name, arguments: JSON.stringify(c.arguments) },
    index: i,
  }));
}

export function mistralChatCompletion(ctx: RenderContext): unknown {
  const calls = toolCalls(ctx);
  return {
    id: `fake${ctx.seq}cmpl`,
    object: 'chat.completion',
    model: replyModel(ctx),
    usage: usage(ctx),
    created: ctx.created,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', tool_calls: calls.length ? calls : null, content: replyText(ctx), prefix: false },
        finish_reason: ctx.reply.finishReason ?? (calls.length ? 'tool_calls' : 'stop'),
      },
    ],
  };
}

export function mistralChatCompletionChunks(ctx: RenderContext): SseEvent[] {
  const chunk = (delta: unknown, finish: string | null, withUsage = false): SseEvent => ({
    data: JSON.stringify({
      id: `fake${ctx.seq}cmpl`,
      object: 'chat.completion.chunk',
      created: ctx.created,
      model: replyModel(ctx),
      choices: [{ index: 0, delta, finish_reason: finish }],
      ...(withUsage ? { usage: usage(ctx) } : {}),
    }),
  });
  const calls = toolCalls(ctx);
  const events: SseEvent[] = [chunk({ role: 'assistant', content: '' }, null)];
  for (const piece of splitText(replyText(ctx), ctx.reply.chunkSize ?? 8)) events.push(chunk({ content: piece }, null));
  if (calls.length) events.push(chunk({ tool_calls: calls }, null));
  events.push(chunk({ content: '' }, ctx.reply.finishReason ?? (calls.length ? 'tool_calls' : 'stop'), true));
  events.push({ data: '[DONE]' });
  return events;
}

export function mistralEmbeddings(ctx: RenderContext): unknown {
  const body = ctx.request.body;
  const inputs = Array.isArray(body.input) ? body.input.map(String) : [typeof body.input === 'string' ? body.input : ''];
  const dims = typeof body.output_dimension === 'number' ? body.output_dimension : 8;
  const base64 = body.encoding_format === 'base64';
  const tokens = replyUsage(ctx).inputTokens;
  return {
    id: `fake${ctx.seq}embd`,
    object: 'list',
    data: inputs.map((text, index) => {
      const vector = fakeEmbedding(text, dims);
      return { object: 'embedding', embedding: base64 ? base64Float32(vector) : vector, index };
    }),
    model: replyModel(ctx),
    usage: { prompt_tokens: tokens, total_tokens: tokens, completion_tokens: 0 },
  };
}
