/**
 * Cohere's v2 wire format (`api.cohere.com/v2`): `/v2/chat` JSON (`message.content` text parts,
 * `tool_plan` + `tool_calls`, upper-case `finish_reason`, `usage.tokens` and `usage.billed_units`),
 * its SSE stream of named events (`message-start`, `content-start`, `content-delta`, `content-end`,
 * `tool-plan-delta`, `tool-call-start`, `tool-call-delta`, `tool-call-end`, `message-end`; each data
 * object repeats its `type`), `/v2/embed` (`embeddings` keyed by embedding type), and
 * `{"id","message"}` error bodies.
 *
 * Cohere's request schema is closed, nested objects included: an unknown field is a 422 naming it
 * (`unknown field: parameter 'strict' is not a valid field`), so OpenAI-only fields a provider
 * forgets to drop fail here as they do against the real API.
 */
import {
  base64Float32,
  fakeEmbedding,
  replyText,
  replyUsage,
  splitText,
  type FakeError,
  type RenderContext,
  type SseEvent,
} from './llm-types.ts';

const CHAT_FIELDS = [
  'stream',
  'model',
  'messages',
  'tools',
  'strict_tools',
  'documents',
  'citation_options',
  'response_format',
  'safety_mode',
  'max_tokens',
  'stop_sequences',
  'temperature',
  'seed',
  'frequency_penalty',
  'presence_penalty',
  'k',
  'p',
  'logprobs',
  'tool_choice',
  'thinking',
  'priority',
];
const MESSAGE_FIELDS: Record<string, string[]> = {
  system: ['role', 'content'],
  user: ['role', 'content'],
  assistant: ['role', 'content', 'tool_calls', 'tool_plan', 'citations'],
  tool: ['role', 'tool_call_id', 'content'],
};
const TOOL_CALL_FIELDS = ['id', 'type', 'function'];
const TOOL_FIELDS = ['type', 'function'];
const FUNCTION_FIELDS = ['name', 'description', 'parameters'];
const EMBED_FIELDS = ['texts', 'images', 'model', 'input_type', 'inputs', 'max_tokens', 'output_dimension', 'embedding_types', 'truncate', 'priority'];
const INPUT_TYPES = ['search_document', 'search_query', 'classification', 'clustering', 'image'];
/** Embedding types this fake renders; Cohere also has int8, uint8, binary and ubinary. */
const EMBEDDING_TYPES = ['float', 'base64'];

export function cohereErrorBody(err: FakeError, seq: string): unknown {
  return { id: cohereId(seq), message: err.message };
}

export function cohereAuthError(): FakeError {
  return { status: 401, message: 'invalid api token' };
}

/** Cohere's ids are UUIDs. */
function cohereId(seq: string): string {
  return `00000000-0000-4000-8000-${seq.padStart(12, '0')}`;
}

function unknownField(name: string, endpoint: 'chat' | 'embed'): FakeError {
  return { status: 422, message: `unknown field: parameter '${name}' is not a valid field. For proper usage, please refer to https://docs.cohere.com/reference/${endpoint}` };
}

function invalid(message: string): FakeError {
  return { status: 400, message: `invalid request: ${message}` };
}

function extraKey(value: unknown, allowed: string[]): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  return Object.keys(value).find((k) => !allowed.includes(k));
}

/** What Cohere answers for a `/v2/chat` body outside its schema; undefined when the body is valid. */
export function cohereChatRequestError(body: Record<string, unknown>): FakeError | undefined {
  const top = extraKey(body, CHAT_FIELDS);
  if (top) return unknownField(top, 'chat');
  if (typeof body.model !== 'string' || body.model === '') return invalid('model must be specified.');
  if (!Array.isArray(body.messages) || body.messages.length === 0) return invalid('messages must be specified and contain at least one message.');
  for (const [i, m] of (body.messages as Record<string, unknown>[]).entries()) {
    const fields = MESSAGE_FIELDS[String(m?.role)];
    if (!fields) return invalid(`messages[${i}].role must be one of system, user, assistant, tool; got ${JSON.stringify(m?.role)}.`);
    const extra = extraKey(m, fields);
    if (extra) return unknownField(extra, 'chat');
    if (m.role === 'tool' && typeof m.tool_call_id !== 'string') return invalid(`messages[${i}].tool_call_id is required for tool messages.`);
    for (const call of Array.isArray(m.tool_calls) ? (m.tool_calls as unknown[]) : []) {
      const bad = extraKey(call, TOOL_CALL_FIELDS) ?? extraKey((call as { function?: unknown }).function, ['name', 'arguments']);
      if (bad) return unknownField(bad, 'chat');
    }
  }
  for (const [i, t] of (Array.isArray(body.tools) ? (body.tools as Record<string, unknown>[]) : []).entries()) {
    const bad = extraKey(t, TOOL_FIELDS) ?? extraKey(t.function, FUNCTION_FIELDS);
    if (bad) return unknownField(bad, 'chat');
    const fn = t.function as { name?: unknown; parameters?: unknown } | undefined;
    if (typeof fn?.name !== 'string' || fn.parameters === undefined) return invalid(`tools[${i}].function requires name and parameters.`);
  }
  if (body.tool_choice !== undefined && body.tool_choice !== 'REQUIRED' && body.tool_choice !== 'NONE') {
    return invalid(`tool_choice must be one of REQUIRED, NONE; got ${JSON.stringify(body.tool_choice)}.`);
  }
  if (body.tool_choice === 'REQUIRED' && !Array.isArray(body.tools)) return invalid('tool_choice REQUIRED needs tools to be specified.');
  return undefined;
}

/** What Cohere answers for a `/v2/embed` body outside its schema; undefined when the body is valid. */
export function cohereEmbedRequestError(body: Record<string, unknown>): FakeError | undefined {
  const top = extraKey(body, EMBED_FIELDS);
  if (top) return unknownField(top, 'embed');
  if (typeof body.model !== 'string' || body.model === '') return invalid('model must be specified.');
  if (!INPUT_TYPES.includes(String(body.input_type))) return invalid(`input_type must be one of ${INPUT_TYPES.join(', ')}.`);
  if (!Array.isArray(body.texts) || body.texts.length === 0) return invalid('texts must contain at least one string.');
  const types = Array.isArray(body.embedding_types) ? (body.embedding_types as unknown[]) : ['float'];
  const unsupported = types.find((t) => !EMBEDDING_TYPES.includes(String(t)));
  if (unsupported !== undefined) return invalid(`embedding type ${JSON.stringify(unsupported)} is not supported by this fake (float, base64).`);
  return undefined;
}

function partsText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((p: { type?: string; text?: string }) => (p?.type === 'text' && typeof p.text === 'string' ? p.text : ''))
      .filter((s) => s !== '')
      .join(' ');
  }
  return '';
}

export function cohereInputText(operation: 'cohere.chat' | 'cohere.embed', body: Record<string, unknown>): string {
  if (operation === 'cohere.embed') return Array.isArray(body.texts) ? body.texts.map(String).join(' ') : '';
  const messages = Array.isArray(body.messages) ? (body.messages as { role?: string; content?: unknown }[]) : [];
  return partsText(messages.filter((m) => m.role === 'user').at(-1)?.content);
}

function usage(ctx: RenderContext): Record<string, unknown> {
  const u = replyUsage(ctx);
  const counts = { input_tokens: u.inputTokens, output_tokens: u.outputTokens };
  return { billed_units: counts, tokens: counts, ...(u.cachedInputTokens ? { cached_tokens: u.cachedInputTokens } : {}) };
}

function finishReason(ctx: RenderContext): string {
  return ctx.reply.finishReason ?? (ctx.reply.toolCalls?.length ? 'TOOL_CALL' : 'COMPLETE');
}

function toolCalls(ctx: RenderContext): { id: string; type: 'function'; function: { name: string; arguments: string } }[] {
  return (ctx.reply.toolCalls ?? []).map((c, i) => ({
    id: c.id ?? `${c.name}_fake${ctx.seq}${i}`,
    type: 'function',
    function: { name: c.name, arguments: JSON.stringify(c.arguments) },
  }));
}

export function cohereChat(ctx: RenderContext): unknown {
  const text = replyText(ctx);
  const calls = toolCalls(ctx);
  // With tool calls, Cohere's text is the model's plan (`tool_plan`), not `content`.
  const message: Record<string, unknown> = { role: 'assistant' };
  if (calls.length) {
    if (text !== '') message.tool_plan = text;
    message.tool_calls = calls;
  } else {
    message.content = [{ type: 'text', text }];
  }
  return { id: cohereId(ctx.seq), message, finish_reason: finishReason(ctx), usage: usage(ctx) };
}

export function cohereChatEvents(ctx: RenderContext): SseEvent[] {
  const events: SseEvent[] = [];
  const emit = (type: string, fields: Record<string, unknown>): void => {
    events.push({ event: type, data: JSON.stringify({ type, ...fields }) });
  };
  const size = ctx.reply.chunkSize ?? 8;
  const text = replyText(ctx);
  const calls = toolCalls(ctx);
  emit('message-start', { id: cohereId(ctx.seq), delta: { message: { role: 'assistant' } } });
  if (calls.length) {
    for (const piece of splitText(text, size)) emit('tool-plan-delta', { delta: { message: { tool_plan: piece } } });
    calls.forEach((call, index) => {
      emit('tool-call-start', { index, delta: { message: { tool_calls: { ...call, function: { name: call.function.name, arguments: '' } } } } });
      for (const piece of splitText(call.function.arguments, size)) {
        emit('tool-call-delta', { index, delta: { message: { tool_calls: { function: { arguments: piece } } } } });
      }
      emit('tool-call-end', { index });
    });
  } else {
    emit('content-start', { index: 0, delta: { message: { content: { type: 'text', text: '' } } } });
    for (const piece of splitText(text, size)) emit('content-delta', { index: 0, delta: { message: { content: { text: piece } } } });
    emit('content-end', { index: 0 });
  }
  emit('message-end', { delta: { finish_reason: finishReason(ctx), usage: usage(ctx) } });
  // Cohere's API definition names `[DONE]` as the v2 stream's terminator; its SDKs stop on it.
  events.push({ data: '[DONE]' });
  return events;
}

/** A failure mid-generation: the stream ends with a `message-end` whose delta carries `error`. */
export function cohereStreamErrorEvent(err: FakeError): SseEvent {
  return { event: 'message-end', data: JSON.stringify({ type: 'message-end', delta: { error: err.message, finish_reason: 'ERROR' } }) };
}

export function cohereEmbed(ctx: RenderContext): unknown {
  const body = ctx.request.body;
  const texts = Array.isArray(body.texts) ? body.texts.map(String) : [];
  const dims = typeof body.output_dimension === 'number' ? body.output_dimension : 8;
  const types = Array.isArray(body.embedding_types) ? body.embedding_types.map(String) : ['float'];
  const vectors = texts.map((t) => fakeEmbedding(t, dims));
  const embeddings: Record<string, unknown> = {};
  if (types.includes('float')) embeddings.float = vectors;
  if (types.includes('base64')) embeddings.base64 = vectors.map(base64Float32);
  return {
    id: cohereId(ctx.seq),
    embeddings,
    texts,
    meta: { api_version: { version: '2' }, billed_units: { input_tokens: replyUsage(ctx).inputTokens } },
    response_type: 'embeddings_by_type',
  };
}
