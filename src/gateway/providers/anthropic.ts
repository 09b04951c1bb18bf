/**
 * Anthropic's Messages API as a gateway provider: unified chat requests become `POST /v1/messages`
 * calls, and Anthropic's `message` objects and SSE events become unified responses and chunks.
 * Text completions go through chat (Anthropic retired its completions API); embeddings are not
 * offered (Anthropic has none), so an embeddings endpoint on this provider fails at start-up.
 *
 * Choices where the two APIs differ, so nobody is surprised:
 * - System and developer messages, wherever they sit, become the top-level `system` (one text
 *   block each, in order); Anthropic has no mid-conversation system turn in its stable API.
 * - `max_tokens` is required by Anthropic: `max_tokens ?? max_completion_tokens ?? 4096`.
 * - `temperature` is 0..1 at Anthropic and 0..2 in the unified schema. A value above 1 is refused
 *   rather than scaled or clamped, so a caller never gets different sampling than they asked for.
 * - `n > 1` is refused (Anthropic returns one message per call).
 * - `response_format: json_schema` becomes Anthropic's native structured output
 *   (`output_config.format`), so the schema is enforced by the model API, not hinted at.
 *   `json_object` (JSON without a schema) has no Anthropic equivalent and is refused with a
 *   pointer to `json_schema`, instead of being weakened to a prompt hint that may not hold.
 * - `presence_penalty`, `frequency_penalty`, `seed` and `logprobs` have no Anthropic equivalent
 *   and are not sent.
 */
import { z } from 'zod';
import { GatewayError, invalidRequest, kindForStatus } from '../errors.ts';
import type { ChatChunk, ChatMessage, ChatRequest, ChatResponse, ContentPart, ToolCall, ToolCallDelta } from '../schemas.ts';
import type { SseEvent, Upstream } from '../upstream.ts';
import {
  ERROR_TYPE_STATUS,
  STREAM_EVENT_TYPES,
  isInputJsonDelta,
  isTextBlock,
  isTextDelta,
  isToolUseBlock,
  messageSchema,
  streamEventSchema,
  type AnthropicMessage,
  type AnthropicUsage,
} from '../vendors/anthropic.ts';
import { defineProvider, type PassthroughRequest, type PassthroughResponse, type Provider, type ProviderCall } from './provider.ts';
import { completionsStreamViaChat, completionsViaChat, contentText, nowSeconds, parseEventJson, unsupported, usageOf } from './shared.ts';

const NAME = 'anthropic';
/** Used when the caller names no token limit; Anthropic requires one. */
export const DEFAULT_MAX_TOKENS = 4096;

const configSchema = z.strictObject({
  anthropic_api_key: z.string().min(1),
  anthropic_version: z.string().min(1).default('2023-06-01'),
  anthropic_api_base: z.url({ protocol: /^https?$/ }).default('https://api.anthropic.com'),
});
export type AnthropicConfig = z.output<typeof configSchema>;

/** `${base}/v1/messages`, whether the base was given with or without a trailing `/` or `/v1`. */
export function messagesUrl(base: string): string {
  const trimmed = base.replace(/\/+$/, '').replace(/\/v1$/, '');
  return `${trimmed}/v1/messages`;
}

// ---------------------------------------------------------------------------------------------
// Unified → Anthropic
// ---------------------------------------------------------------------------------------------

type Block = Record<string, unknown> & { type: string };
interface Turn {
  role: 'user' | 'assistant';
  content: Block[];
}

/** The Messages API body the provider sends (its shape is `messagesRequestSchema`'s). */
export interface AnthropicRequestBody {
  model: string;
  max_tokens: number;
  messages: Turn[];
  system?: Block[];
  [field: string]: unknown;
}

const IMAGE_MEDIA_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);

function imageBlock(url: string, where: string): Block {
  if (url.startsWith('data:')) {
    const m = /^data:([^;,]+);base64,(.*)$/s.exec(url);
    if (!m) throw invalidRequest(`${where}: Anthropic takes data: image URLs only in base64 form (data:<media type>;base64,<data>).`);
    const mediaType = m[1]!.toLowerCase();
    if (!IMAGE_MEDIA_TYPES.has(mediaType)) {
      throw invalidRequest(`${where}: Anthropic accepts images of type ${[...IMAGE_MEDIA_TYPES].join(', ')}; this one is ${mediaType}.`);
    }
    return { type: 'image', source: { type: 'base64', media_type: mediaType, data: m[2] } };
  }
  if (/^https?:\/\//i.test(url)) return { type: 'image', source: { type: 'url', url } };
  throw invalidRequest(`${where}: image URLs must be http(s) or base64 data: URLs.`);
}

function contentBlocks(content: ChatMessage['content'], where: string): Block[] {
  if (content === undefined || content === null) return [];
  if (typeof content === 'string') return content === '' ? [] : [{ type: 'text', text: content }];
  return content.flatMap((part: ContentPart, i): Block[] => {
    if (part.type === 'text') return part.text === '' ? [] : [{ type: 'text', text: part.text }];
    if (part.type === 'image_url') return [imageBlock(part.image_url.url, `${where}.content[${i}]`)];
    throw invalidRequest(`${where}.content[${i}]: Anthropic does not accept audio input; send text or images.`);
  });
}

function toolUseBlock(call: ToolCall, where: string): Block {
  let input: unknown;
  try {
    input = call.function.arguments.trim() === '' ? {} : JSON.parse(call.function.arguments);
  } catch {
    throw invalidRequest(`${where}: the arguments of tool call ${call.id} (${call.function.name}) are not valid JSON; send them as a JSON object string.`);
  }
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw invalidRequest(`${where}: the arguments of tool call ${call.id} (${call.function.name}) must be a JSON object; Anthropic takes tool input as an object.`);
  }
  return { type: 'tool_use', id: call.id, name: call.function.name, input };
}

function toolResultBlock(message: ChatMessage, where: string): Block {
  if (!message.tool_call_id) throw invalidRequest(`${where}: a tool message needs "tool_call_id", the id of the tool call it answers.`);
  const content = contentBlocks(message.content, where);
  return { type: 'tool_result', tool_use_id: message.tool_call_id, ...(content.length > 0 ? { content } : {}) };
}

/** Anthropic wants a user turn's tool results before anything else in it. */
function resultsFirst(blocks: Block[]): Block[] {
  return [...blocks.filter((b) => b.type === 'tool_result'), ...blocks.filter((b) => b.type !== 'tool_result')];
}

/** Anthropic's `system` and alternating turns from unified messages. */
export function anthropicMessages(messages: readonly ChatMessage[]): { system: Block[]; turns: Turn[] } {
  const system: Block[] = [];
  const turns: Turn[] = [];
  const push = (role: Turn['role'], blocks: Block[]): void => {
    if (blocks.length === 0) return;
    const last = turns.at(-1);
    // Anthropic rejects two turns of the same role in a row; OpenAI-style histories have them
    // (a tool message per call, then a user message), so they merge into one turn.
    if (last && last.role === role) last.content.push(...blocks);
    else turns.push({ role, content: blocks });
  };
  messages.forEach((m, i) => {
    const where = `messages[${i}]`;
    switch (m.role) {
      case 'system':
      case 'developer': {
        const text = contentText(m.content);
        if (text !== '') system.push({ type: 'text', text });
        break;
      }
      case 'user':
        push('user', contentBlocks(m.content, where));
        break;
      case 'tool':
        push('user', [toolResultBlock(m, where)]);
        break;
      case 'assistant': {
        const blocks = contentBlocks(m.content, where);
        if (blocks.length === 0 && m.refusal) blocks.push({ type: 'text', text: m.refusal });
        for (const call of m.tool_calls ?? []) blocks.push(toolUseBlock(call, where));
        push('assistant', blocks);
        break;
      }
    }
  });
  for (const t of turns) if (t.role === 'user') t.content = resultsFirst(t.content);
  if (turns.length === 0) throw invalidRequest('Anthropic needs at least one user or assistant message besides system messages.');
  return { system, turns };
}

function toolChoice(request: ChatRequest): Record<string, unknown> | undefined {
  const disableParallel = request.parallel_tool_calls === false ? { disable_parallel_tool_use: true } : {};
  const choice = request.tool_choice;
  if (choice === undefined) return request.parallel_tool_calls === false && request.tools?.length ? { type: 'auto', ...disableParallel } : undefined;
  if (choice === 'none') return { type: 'none' };
  if (choice === 'auto') return { type: 'auto', ...disableParallel };
  if (choice === 'required') return { type: 'any', ...disableParallel };
  return { type: 'tool', name: choice.function.name, ...disableParallel };
}

function outputConfig(request: ChatRequest): Record<string, unknown> | undefined {
  const format = request.response_format;
  if (!format || format.type === 'text') return undefined;
  if (format.type === 'json_object') {
    throw invalidRequest(
      'Anthropic has no JSON mode without a schema (response_format "json_object"). Send response_format {"type": "json_schema", "json_schema": {"schema": {...}}} instead.',
    );
  }
  const schema = format.json_schema?.schema;
  if (!schema) throw invalidRequest('response_format "json_schema" needs json_schema.schema, the JSON Schema the answer must follow.');
  return { format: { type: 'json_schema', schema } };
}

/** The Messages API body for a unified chat request. */
export function toAnthropicRequest(request: ChatRequest, model: string, stream: boolean): AnthropicRequestBody {
  if (request.n !== undefined && request.n > 1) {
    throw invalidRequest(`Anthropic returns one answer per request; "n" must be 1 (got ${request.n}). Send ${request.n} requests instead.`);
  }
  if (request.temperature !== undefined && request.temperature > 1) {
    throw invalidRequest(`Anthropic takes "temperature" between 0 and 1 (got ${request.temperature}). Send a value in that range.`);
  }
  const { system, turns } = anthropicMessages(request.messages);
  const choice = toolChoice(request);
  const output = outputConfig(request);
  return {
    model,
    max_tokens: request.max_tokens ?? request.max_completion_tokens ?? DEFAULT_MAX_TOKENS,
    messages: turns,
    ...(system.length > 0 ? { system } : {}),
    ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
    ...(request.top_p !== undefined ? { top_p: request.top_p } : {}),
    ...(request.top_k !== undefined ? { top_k: request.top_k } : {}),
    ...(request.stop?.length ? { stop_sequences: request.stop } : {}),
    ...(request.tools?.length
      ? {
          tools: request.tools.map((t) => ({
            name: t.function.name,
            ...(t.function.description !== undefined ? { description: t.function.description } : {}),
            // Anthropic requires an object schema even for a tool without parameters.
            input_schema: t.function.parameters ?? { type: 'object', properties: {} },
            ...(typeof t.function.strict === 'boolean' ? { strict: t.function.strict } : {}),
          })),
        }
      : {}),
    ...(choice ? { tool_choice: choice } : {}),
    ...(output ? { output_config: output } : {}),
    ...(request.user !== undefined ? { metadata: { user_id: request.user } } : {}),
    ...(stream ? { stream: true } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Anthropic → unified
// ---------------------------------------------------------------------------------------------

export function finishReason(stopReason: string | null | undefined): string | null {
  switch (stopReason) {
    case null:
    case undefined:
      return null;
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'tool_use':
      return 'tool_calls';
    case 'refusal':
      return 'content_filter';
    default:
      // end_turn, stop_sequence, pause_turn and any newer reason: the model stopped on its own.
      return 'stop';
  }
}

/** Anthropic counts cached prompt tokens apart from `input_tokens`; the unified prompt count is all of them. */
function promptTokens(u: AnthropicUsage): number | null {
  if (u.input_tokens == null && u.cache_creation_input_tokens == null && u.cache_read_input_tokens == null) return null;
  return (u.input_tokens ?? 0) + (u.cache_creation_input_tokens ?? 0) + (u.cache_read_input_tokens ?? 0);
}

export function fromAnthropicMessage(message: AnthropicMessage): ChatResponse {
  let text = '';
  const toolCalls: ToolCall[] = [];
  for (const block of message.content) {
    if (isTextBlock(block)) text += block.text;
    else if (isToolUseBlock(block)) {
      toolCalls.push({ id: block.id, type: 'function', function: { name: block.name, arguments: JSON.stringify(block.input ?? {}) } });
    }
  }
  return {
    id: message.id,
    object: 'chat.completion',
    created: nowSeconds(),
    model: message.model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: text === '' && toolCalls.length > 0 ? null : text, ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}) },
        finish_reason: finishReason(message.stop_reason),
      },
    ],
    usage: usageOf(promptTokens(message.usage), message.usage.output_tokens),
  };
}

/** The GatewayError for an in-stream `error` event, with the status Anthropic uses for its type. */
function streamError(type: string, message: string): GatewayError {
  const status = ERROR_TYPE_STATUS[type] ?? 500;
  return new GatewayError(kindForStatus(status), `${NAME} stream failed (${type}): ${message}`, { status, provider: NAME });
}

function badUpstream(what: string, detail: string): GatewayError {
  // Quoted whole: masking and shortening happen later, for every error alike.
  return new GatewayError('upstream', `${NAME} sent ${what} the gateway cannot read: ${detail}`, { provider: NAME });
}

/** Unified chunks from Anthropic's stream events: role first, then text and tool-call deltas, then finish + usage. */
export async function* chunksFromAnthropicEvents(events: AsyncIterable<SseEvent>): AsyncGenerator<ChatChunk> {
  let id = '';
  let model = '';
  const created = nowSeconds();
  let usage: AnthropicUsage = {};
  let stopReason: string | null | undefined;
  // Anthropic block index → tool-call ordinal, and whether that call has sent argument text yet.
  const tools = new Map<number, { ordinal: number; sentArgs: boolean }>();
  let started = false;
  const chunk = (delta: ChatChunk['choices'][number]['delta'], finish: string | null = null): ChatChunk => ({
    id,
    object: 'chat.completion.chunk',
    created,
    model,
    choices: [{ index: 0, delta, finish_reason: finish }],
  });
  const toolDelta = (d: ToolCallDelta): ChatChunk => chunk({ tool_calls: [d] });

  for await (const sse of events) {
    const raw = parseEventJson(sse.data, NAME);
    const type = (raw as { type?: unknown } | null)?.type;
    // Anthropic documents that new event types may appear; they are skipped, not fatal.
    if (typeof type !== 'string' || !STREAM_EVENT_TYPES.has(type)) continue;
    const parsed = streamEventSchema.safeParse(raw);
    if (!parsed.success) throw badUpstream(`a ${type} event`, sse.data);
    const e = parsed.data;
    switch (e.type) {
      case 'ping':
        break;
      case 'error':
        throw streamError(e.error.type, e.error.message);
      case 'message_start':
        id = e.message.id;
        model = e.message.model;
        usage = { ...e.message.usage };
        started = true;
        yield chunk({ role: 'assistant', content: '' });
        break;
      case 'content_block_start': {
        const block = e.content_block;
        if (isTextBlock(block)) {
          if (block.text !== '') yield chunk({ content: block.text });
        } else if (isToolUseBlock(block)) {
          const ordinal = tools.size;
          tools.set(e.index, { ordinal, sentArgs: false });
          yield toolDelta({ index: ordinal, id: block.id, type: 'function', function: { name: block.name, arguments: '' } });
        }
        break;
      }
      case 'content_block_delta': {
        const d = e.delta;
        if (isTextDelta(d)) {
          if (d.text !== '') yield chunk({ content: d.text });
        } else if (isInputJsonDelta(d)) {
          const tool = tools.get(e.index);
          if (tool && d.partial_json !== '') {
            tool.sentArgs = true;
            yield toolDelta({ index: tool.ordinal, function: { arguments: d.partial_json } });
          }
        }
        break;
      }
      case 'content_block_stop': {
        const tool = tools.get(e.index);
        // A call without parameters streams no JSON at all; callers expect an argument string.
        if (tool && !tool.sentArgs) {
          tool.sentArgs = true;
          yield toolDelta({ index: tool.ordinal, function: { arguments: '{}' } });
        }
        break;
      }
      case 'message_delta':
        stopReason = e.delta.stop_reason ?? stopReason;
        // Delta usage counters are whole-message totals; present ones replace the start's.
        for (const [k, v] of Object.entries(e.usage ?? {})) if (v !== null && v !== undefined) (usage as Record<string, unknown>)[k] = v;
        break;
      case 'message_stop':
        if (!started) throw badUpstream('message_stop before message_start', sse.data);
        yield { ...chunk({}, finishReason(stopReason) ?? 'stop'), usage: usageOf(promptTokens(usage), usage.output_tokens) };
        return;
    }
  }
  throw new GatewayError('upstream', `${NAME}'s stream ended before message_stop; the answer is incomplete. Retry the request.`, { provider: NAME });
}

// ---------------------------------------------------------------------------------------------
// Passthrough
// ---------------------------------------------------------------------------------------------

/** Headers that describe one hop or an encoding of the body we re-frame, plus upstream cookies. */
const DROPPED_RESPONSE_HEADERS = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'content-length',
  'content-encoding',
  'set-cookie',
]);

export function passthroughHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (!DROPPED_RESPONSE_HEADERS.has(k.toLowerCase())) out[k] = v;
  return out;
}

// ---------------------------------------------------------------------------------------------
// The provider
// ---------------------------------------------------------------------------------------------

export const anthropicProvider = defineProvider({
  name: NAME,
  configSchema,
  endpointTypes: ['llm/v1/chat', 'llm/v1/completions'],
  create({ model, config, upstream }): Provider {
    const url = messagesUrl(config.anthropic_api_base);
    const headers = { 'x-api-key': config.anthropic_api_key, 'anthropic-version': config.anthropic_version };
    const call = (body: unknown, c: ProviderCall) => ({ url, headers, body, signal: c.signal, ...(c.timeoutMs !== undefined ? { timeoutMs: c.timeoutMs } : {}) });

    const chat = async (request: ChatRequest, c: ProviderCall): Promise<ChatResponse> => {
      const res = await upstream.json(NAME, call(toAnthropicRequest(request, model, false), c));
      const parsed = messageSchema.safeParse(res.body);
      if (!parsed.success) throw badUpstream('a message', JSON.stringify(res.body));
      return fromAnthropicMessage(parsed.data);
    };
    const chatStream = (request: ChatRequest, c: ProviderCall): AsyncIterable<ChatChunk> => {
      // Translation errors surface on first iteration, like upstream errors do.
      return (async function* () {
        yield* chunksFromAnthropicEvents(upstream.sse(NAME, call(toAnthropicRequest(request, model, true), c)));
      })();
    };
    return {
      name: NAME,
      model,
      chat,
      chatStream,
      completions: completionsViaChat(chat),
      completionsStream: completionsStreamViaChat(chatStream),
      embeddings: async () => {
        throw unsupported(NAME, 'embeddings');
      },
      // The caller names the endpoint; Anthropic must get the endpoint's model.
      passthrough: (request, c) => passthrough(upstream, url, headers, { ...request, body: { ...request.body, model } }, c),
      accepts: (request) => request.vendor === 'anthropic' && request.operation === 'messages',
    };
  },
});

async function passthrough(
  upstream: Upstream,
  url: string,
  keyHeaders: Record<string, string>,
  request: PassthroughRequest,
  c: ProviderCall,
): Promise<PassthroughResponse | undefined> {
  if (request.vendor !== 'anthropic' || request.operation !== 'messages') return undefined;
  const res = await upstream.send(NAME, {
    url,
    // Only the endpoint's own key goes upstream; the caller's credentials stay at the gateway.
    // Identity encoding, so the bytes relayed match the headers relayed.
    headers: { ...request.headers, ...keyHeaders, 'accept-encoding': 'identity', ...(request.stream ? { accept: 'text/event-stream' } : {}) },
    rawBody: JSON.stringify(request.body),
    signal: c.signal,
    ...(c.timeoutMs !== undefined ? { timeoutMs: c.timeoutMs } : {}),
  });
  return { status: res.status, headers: passthroughHeaders(res.headers), body: res.body };
}
