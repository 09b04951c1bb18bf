/**
 * Anthropic's Messages API (`POST /v1/messages`) as a gateway front, so `anthropic.messages.create()`
 * and `.stream()` work whatever provider backs the endpoint. When the provider is Anthropic the
 * routes forward the request verbatim instead (passthrough); this front is the translation path,
 * for every other provider.
 *
 * Requests are validated as the real API does (`max_tokens` and `model` are required, temperature
 * is 0..1) and become unified chat requests. What has no unified equivalent is refused with the
 * reason, except for things whose loss changes no answer's meaning: `cache_control` marks, prior
 * `thinking` blocks and the `thinking` / `output_config.effort` settings are dropped.
 *
 * Answers become `message` objects and the API's exact event sequence (`message_start`,
 * `content_block_start/delta/stop`, `message_delta`, `message_stop`), which the SDK accumulates
 * into its message snapshot; a failure mid-stream becomes Anthropic's `event: error`.
 */
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { GatewayError, asGatewayError, invalidRequest } from '../errors.ts';
import type { ChatChunk, ChatMessage, ChatRequest, ChatResponse, ContentPart, ToolCall, ToolDefinition } from '../schemas.ts';
import type { SseEvent } from '../upstream.ts';
import { errorTypeFor, messagesRequestSchema, type MessageParam, type MessagesRequest, type RequestBlock } from '../vendors/anthropic.ts';
import type { ChatFront, ParsedFrontRequest, RenderContext } from './front.ts';

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

export function anthropicErrorBody(error: GatewayError): { type: 'error'; error: { type: string; message: string } } {
  return { type: 'error', error: { type: errorTypeFor(error), message: error.message } };
}

// ---------------------------------------------------------------------------------------------
// Request
// ---------------------------------------------------------------------------------------------

/**
 * The most specific zod issue, descending into unions along the branch that got furthest (a
 * content list is `string | blocks`; the interesting complaint is about a block, not "not a string").
 */
function deepestIssue(issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[] = []): { path: PropertyKey[]; issue: z.core.$ZodIssue } | undefined {
  let best: { path: PropertyKey[]; issue: z.core.$ZodIssue } | undefined;
  for (const issue of issues) {
    let found: { path: PropertyKey[]; issue: z.core.$ZodIssue } = { path: [...prefix, ...issue.path], issue };
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      for (const branch of issue.errors) {
        const inner = deepestIssue(branch, found.path);
        if (inner && inner.path.length > found.path.length) found = inner;
        else if (inner && found.issue === issue) found = inner;
      }
    }
    if (!best || found.path.length > best.path.length) best = found;
  }
  return best;
}

/** A zod failure in the API's own words: `max_tokens: Field required`, `messages.0.role: ...`. */
function requestError(error: z.ZodError): GatewayError {
  const deepest = deepestIssue(error.issues);
  if (!deepest) return invalidRequest('Invalid request body.');
  const { path, issue } = deepest;
  const where = path.map(String).join('.');
  let message = issue.message;
  if (issue.code === 'invalid_type' && / received undefined$/.test(issue.message)) message = 'Field required';
  else if (issue.code === 'invalid_union' && 'discriminator' in issue && 'options' in issue) {
    message = `unsupported type; expected one of ${(issue.options as unknown[]).map((o) => `'${String(o)}'`).join(', ')}`;
  }
  return invalidRequest(where ? `${where}: ${message}` : message);
}

function imagePart(block: Extract<RequestBlock, { type: 'image' }>, where: string): ContentPart {
  const source = block.source;
  if (source.type === 'base64') return { type: 'image_url', image_url: { url: `data:${source.media_type};base64,${source.data}` } };
  if (source.type === 'url') return { type: 'image_url', image_url: { url: source.url } };
  throw invalidRequest(`${where}.source: file sources name files stored at Anthropic, which this endpoint's provider cannot read. Send the image as base64 or a URL.`);
}

function untranslatable(type: string, where: string): GatewayError {
  return invalidRequest(
    `${where}: '${type}' blocks cannot be translated for this endpoint's provider, which is not Anthropic. Send text, image, tool_use and tool_result blocks only.`,
  );
}

/** A list of parts, or plain text when it is only text (what every provider reads). */
function partsOrText(parts: ContentPart[], separator: string): string | ContentPart[] {
  return parts.every((p) => p.type === 'text') ? parts.map((p) => (p.type === 'text' ? p.text : '')).join(separator) : parts;
}

function toolMessage(block: Extract<RequestBlock, { type: 'tool_result' }>, where: string): ChatMessage {
  const parts: ContentPart[] = [];
  if (typeof block.content === 'string') parts.push({ type: 'text', text: block.content });
  else {
    (block.content ?? []).forEach((b, i) => {
      parts.push(b.type === 'text' ? { type: 'text', text: b.text } : imagePart(b, `${where}.content.${i}`));
    });
  }
  let content = partsOrText(parts, '\n');
  // The unified schema has no error flag on tool results; the text keeps the fact for the model.
  if (block.is_error) content = typeof content === 'string' ? `Error: ${content}` : [{ type: 'text', text: 'Error:' }, ...content];
  return { role: 'tool', tool_call_id: block.tool_use_id, content };
}

function userMessages(content: MessageParam['content'], where: string): ChatMessage[] {
  if (typeof content === 'string') return [{ role: 'user', content }];
  const tools: ChatMessage[] = [];
  const parts: ContentPart[] = [];
  content.forEach((block, i) => {
    const at = `${where}.content.${i}`;
    switch (block.type) {
      case 'text':
        parts.push({ type: 'text', text: block.text });
        break;
      case 'image':
        parts.push(imagePart(block, at));
        break;
      case 'tool_result':
        tools.push(toolMessage(block, at));
        break;
      case 'tool_use':
        throw invalidRequest(`${at}: tool_use blocks belong in assistant turns; answer a tool call with a tool_result block.`);
      case 'thinking':
      case 'redacted_thinking':
        break;
      default:
        throw untranslatable(block.type, at);
    }
  });
  // Tool results answer the previous assistant turn, so they come before the user's own words.
  return parts.length > 0 ? [...tools, { role: 'user', content: parts.length === 1 && parts[0]?.type === 'text' ? parts[0].text : parts }] : tools;
}

function assistantMessage(content: MessageParam['content'], where: string): ChatMessage | undefined {
  if (typeof content === 'string') return { role: 'assistant', content };
  let text = '';
  const toolCalls: ToolCall[] = [];
  content.forEach((block, i) => {
    const at = `${where}.content.${i}`;
    switch (block.type) {
      case 'text':
        text += block.text;
        break;
      case 'tool_use':
        toolCalls.push({ id: block.id, type: 'function', function: { name: block.name, arguments: JSON.stringify(block.input) } });
        break;
      case 'thinking':
      case 'redacted_thinking':
        // Signed reasoning only Anthropic can verify; other providers have no slot for it.
        break;
      case 'image':
      case 'tool_result':
        throw invalidRequest(`${at}: ${block.type} blocks belong in user turns.`);
      default:
        throw untranslatable(block.type, at);
    }
  });
  if (text === '' && toolCalls.length === 0) return undefined;
  return { role: 'assistant', content: text === '' ? null : text, ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}) };
}

function systemText(system: MessagesRequest['system'] | MessageParam['content'], where: string): string {
  if (system === undefined) return '';
  if (typeof system === 'string') return system;
  return system
    .map((b, i) => {
      if (b.type !== 'text') throw invalidRequest(`${where}.${i}: system content takes text blocks only.`);
      return b.text;
    })
    .join('\n');
}

function tools(body: MessagesRequest): ToolDefinition[] | undefined {
  return body.tools?.map((t, i): ToolDefinition => {
    if (t.type && t.type !== 'custom') {
      throw invalidRequest(
        `tools.${i}: '${t.type}' is an Anthropic server tool, run by Anthropic itself; this endpoint's provider is not Anthropic. Define the tool yourself with name, description and input_schema.`,
      );
    }
    if (!t.input_schema) throw invalidRequest(`tools.${i}.input_schema: Field required`);
    return {
      type: 'function',
      function: {
        name: t.name,
        ...(t.description !== undefined ? { description: t.description } : {}),
        parameters: t.input_schema,
        ...(t.strict !== undefined ? { strict: t.strict } : {}),
      },
    };
  });
}

function toolChoice(body: MessagesRequest): Pick<ChatRequest, 'tool_choice' | 'parallel_tool_calls'> {
  const choice = body.tool_choice;
  if (!choice) return {};
  const parallel = 'disable_parallel_tool_use' in choice && choice.disable_parallel_tool_use === true ? { parallel_tool_calls: false } : {};
  switch (choice.type) {
    case 'auto':
      return { tool_choice: 'auto', ...parallel };
    case 'any':
      return { tool_choice: 'required', ...parallel };
    case 'none':
      return { tool_choice: 'none' };
    case 'tool':
      return { tool_choice: { type: 'function', function: { name: choice.name } }, ...parallel };
  }
}

export function parseAnthropicRequest(raw: unknown, hints?: { stream?: boolean }): ParsedFrontRequest {
  const result = messagesRequestSchema.safeParse(raw);
  if (!result.success) throw requestError(result.error);
  const body = result.data;

  const messages: ChatMessage[] = [];
  const system = systemText(body.system, 'system');
  if (system !== '') messages.push({ role: 'system', content: system });
  body.messages.forEach((m, i) => {
    const where = `messages.${i}`;
    if (m.role === 'system') {
      const text = systemText(m.content, `${where}.content`);
      if (text !== '') messages.push({ role: 'system', content: text });
    } else if (m.role === 'user') messages.push(...userMessages(m.content, where));
    else {
      const a = assistantMessage(m.content, where);
      if (a) messages.push(a);
    }
  });
  if (!messages.some((m) => m.role !== 'system')) throw invalidRequest('messages: at least one user or assistant message with content is required.');

  const format = body.output_config?.format ?? body.output_format;
  const stream = hints?.stream ?? body.stream === true;
  const request: ChatRequest = {
    model: body.model,
    messages,
    max_tokens: body.max_tokens,
    ...(body.temperature !== undefined ? { temperature: body.temperature } : {}),
    ...(body.top_p !== undefined ? { top_p: body.top_p } : {}),
    ...(body.top_k !== undefined ? { top_k: body.top_k } : {}),
    ...(body.stop_sequences?.length ? { stop: body.stop_sequences } : {}),
    ...(body.tools?.length ? { tools: tools(body) } : {}),
    ...toolChoice(body),
    ...(format ? { response_format: { type: 'json_schema' as const, json_schema: { name: 'response', schema: format.schema } } } : {}),
    ...(typeof body.metadata?.user_id === 'string' ? { user: body.metadata.user_id } : {}),
    stream,
  };
  return { request, stream };
}

// ---------------------------------------------------------------------------------------------
// Response
// ---------------------------------------------------------------------------------------------

function messageId(id: string): string {
  return id.startsWith('msg_') ? id : `msg_${randomBytes(12).toString('hex')}`;
}

function toolUseId(id: string | undefined): string {
  return id && id !== '' ? id : `toolu_${randomBytes(12).toString('hex')}`;
}

export function stopReason(finishReason: string | null | undefined): string {
  switch (finishReason) {
    case 'length':
      return 'max_tokens';
    case 'tool_calls':
    case 'function_call':
      return 'tool_use';
    case 'content_filter':
      return 'refusal';
    default:
      return 'end_turn';
  }
}

/** Tool arguments as the object Anthropic's `input` is; a provider's non-JSON arguments are its fault, said so. */
function toolInput(call: { id?: string; function: { name?: string; arguments?: string } }): Record<string, unknown> {
  const text = call.function.arguments ?? '';
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new GatewayError('upstream', `The provider returned arguments for tool '${call.function.name ?? ''}' that are not a JSON object, so they cannot be sent as Anthropic tool input.`);
  }
  return value as Record<string, unknown>;
}

interface AnthropicUsageOut {
  input_tokens: number;
  output_tokens: number;
}

function usageOut(usage: ChatResponse['usage'] | null | undefined): AnthropicUsageOut {
  return { input_tokens: usage?.prompt_tokens ?? 0, output_tokens: usage?.completion_tokens ?? 0 };
}

export function renderAnthropicMessage(response: ChatResponse, ctx: RenderContext): Record<string, unknown> {
  const choice = response.choices[0];
  const content: Record<string, unknown>[] = [];
  const text = choice?.message.content ?? choice?.message.refusal ?? '';
  if (text !== '') content.push({ type: 'text', text });
  for (const call of choice?.message.tool_calls ?? []) {
    content.push({ type: 'tool_use', id: toolUseId(call.id), name: call.function.name, input: toolInput(call) });
  }
  return {
    id: messageId(response.id),
    type: 'message',
    role: 'assistant',
    model: ctx.requestedModel,
    content,
    stop_reason: stopReason(choice?.finish_reason),
    stop_sequence: null,
    usage: usageOut(response.usage),
  };
}

function event(type: string, fields: Record<string, unknown> = {}): SseEvent {
  return { event: type, data: JSON.stringify({ type, ...fields }) };
}

/** Unified chunks as Anthropic's event sequence; one content block open at a time, as the API does. */
export async function* renderAnthropicStream(chunks: AsyncIterable<ChatChunk>, ctx: RenderContext): AsyncGenerator<SseEvent> {
  let started = false;
  let nextIndex = 0;
  /** The open block: its index, and which tool call it is (undefined for text). */
  let open: { index: number; tool?: number } | undefined;
  /** Unified tool-call index → Anthropic block index, for argument deltas. */
  const toolBlocks = new Map<number, number>();
  let finish: string | null = null;
  let usage: ChatChunk['usage'];
  const closeOpen = function* (): Generator<SseEvent> {
    if (open) yield event('content_block_stop', { index: open.index });
    open = undefined;
  };

  try {
    for await (const chunk of chunks) {
      if (!started) {
        started = true;
        yield event('message_start', {
          message: {
            id: messageId(chunk.id),
            type: 'message',
            role: 'assistant',
            model: ctx.requestedModel,
            content: [],
            stop_reason: null,
            stop_sequence: null,
            // Prompt tokens are known only at the end; message_delta carries the totals.
            usage: usageOut(chunk.usage),
          },
        });
      }
      if (chunk.usage) usage = chunk.usage;
      const choice = chunk.choices.find((c) => c.index === 0);
      if (!choice) continue;
      const { content, tool_calls } = choice.delta;
      if (content) {
        if (!open || open.tool !== undefined) {
          yield* closeOpen();
          open = { index: nextIndex++ };
          yield event('content_block_start', { index: open.index, content_block: { type: 'text', text: '' } });
        }
        yield event('content_block_delta', { index: open.index, delta: { type: 'text_delta', text: content } });
      }
      for (const call of tool_calls ?? []) {
        let index = toolBlocks.get(call.index);
        if (index === undefined) {
          yield* closeOpen();
          index = nextIndex++;
          toolBlocks.set(call.index, index);
          open = { index, tool: call.index };
          yield event('content_block_start', {
            index,
            content_block: { type: 'tool_use', id: toolUseId(call.id), name: call.function.name ?? '', input: {} },
          });
        }
        const args = call.function.arguments;
        if (args) yield event('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: args } });
      }
      if (choice.finish_reason) finish = choice.finish_reason;
    }
    if (!started) {
      yield event('message_start', {
        message: { id: messageId(''), type: 'message', role: 'assistant', model: ctx.requestedModel, content: [], stop_reason: null, stop_sequence: null, usage: usageOut(undefined) },
      });
    }
    yield* closeOpen();
    const u = usageOut(usage);
    yield event('message_delta', {
      delta: { stop_reason: stopReason(finish), stop_sequence: null },
      // Whole-message totals; the SDK replaces its snapshot's counts with present ones.
      usage: { output_tokens: u.output_tokens, ...(usage?.prompt_tokens != null ? { input_tokens: u.input_tokens } : {}) },
    });
    yield event('message_stop');
  } catch (err) {
    const error = asGatewayError(err);
    yield { event: 'error', data: JSON.stringify(anthropicErrorBody(error)) };
  }
}

export const anthropicFront: ChatFront = {
  name: 'anthropic',
  parse: parseAnthropicRequest,
  render: renderAnthropicMessage,
  renderStream: renderAnthropicStream,
  errorBody: anthropicErrorBody,
};
