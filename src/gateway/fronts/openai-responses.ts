/**
 * OpenAI's Responses API (`POST /v1/responses`) as a gateway front, so `openai.responses.create()`
 * works whatever provider backs the endpoint. Requests become unified chat requests; answers and
 * chunks become Response objects and Responses stream events, shaped as the OpenAI API sends them
 * (the SDK rebuilds `output_text` and stream snapshots from exactly these fields).
 *
 * The gateway keeps no state, so everything the Responses API can only do server-side (stored
 * responses, conversations, hosted prompts, hosted tools such as web search) is refused with the
 * reason and what to send instead.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { asGatewayError, invalidRequest, type GatewayError } from '../errors.ts';
import { openaiErrorBody } from './openai-errors.ts';
import type { ChatChunk, ChatMessage, ChatRequest, ChatResponse, ContentPart, ToolCall, ToolChoice, ToolDefinition } from '../schemas.ts';
import type { SseEvent } from '../upstream.ts';
import type { ChatFront, ParsedFrontRequest, RenderContext } from './front.ts';

// ---------------------------------------------------------------------------------------------
// Request

/** A zod failure as one invalid_request naming the field the way the caller wrote it. */
function check<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = [where, ...(issue?.path ?? [])].reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc === '' ? String(key) : `${acc}.${String(key)}`),
    '',
  );
  throw invalidRequest(`Invalid Responses API request: ${path || 'body'}: ${issue?.message ?? 'invalid value'}.`);
}

const inputTextPart = z.looseObject({ type: z.literal('input_text'), text: z.string() });
const outputTextPart = z.looseObject({ type: z.literal('output_text'), text: z.string() });
const refusalPart = z.looseObject({ type: z.literal('refusal'), refusal: z.string() });
const inputImagePart = z.looseObject({
  type: z.literal('input_image'),
  image_url: z.string().nullish(),
  file_id: z.string().nullish(),
  detail: z.string().nullish(),
});
const anyPart = z.looseObject({ type: z.string() });

const messageItem = z.looseObject({
  type: z.literal('message').optional(),
  role: z.enum(['user', 'system', 'developer', 'assistant']),
  content: z.union([z.string(), z.array(anyPart)]),
});
const functionCallItem = z.looseObject({
  type: z.literal('function_call'),
  call_id: z.string().min(1),
  name: z.string().min(1),
  arguments: z.string(),
});
const functionCallOutputItem = z.looseObject({
  type: z.literal('function_call_output'),
  call_id: z.string().min(1),
  output: z.union([z.string(), z.array(anyPart)]),
});
const anyItem = z.looseObject({ type: z.string().optional(), role: z.string().optional() });

const functionTool = z.looseObject({
  type: z.literal('function'),
  name: z.string().min(1),
  description: z.string().nullish(),
  parameters: z.record(z.string(), z.unknown()).nullish(),
  strict: z.boolean().nullish(),
});

const toolChoiceInput = z.union([z.enum(['none', 'auto', 'required']), z.looseObject({ type: z.string() })], {
  error: '"tool_choice" must be "none", "auto", "required" or an object with a "type"',
});
const functionChoice = z.looseObject({ type: z.literal('function'), name: z.string().min(1) });
const allowedToolsChoice = z.looseObject({
  type: z.literal('allowed_tools'),
  mode: z.enum(['auto', 'required']),
  tools: z.array(z.looseObject({ type: z.literal('function', { error: 'only function tools can be listed' }), name: z.string().min(1) })),
});

const jsonSchemaFormat = z.looseObject({
  type: z.literal('json_schema'),
  name: z.string().min(1),
  schema: z.record(z.string(), z.unknown()),
  description: z.string().nullish(),
  strict: z.boolean().nullish(),
});

const responsesRequestSchema = z.looseObject({
  model: z.string().optional(),
  input: z.union([z.string(), z.array(z.unknown())], { error: '"input" must be a string or a list of input items' }),
  instructions: z.string().nullish(),
  tools: z.array(z.looseObject({ type: z.string() })).nullish(),
  tool_choice: toolChoiceInput.nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  top_p: z.number().min(0).max(1).nullish(),
  max_output_tokens: z.int().min(1).nullish(),
  text: z.looseObject({ format: z.looseObject({ type: z.string() }).nullish() }).nullish(),
  parallel_tool_calls: z.boolean().nullish(),
  stream: z.boolean().nullish(),
  user: z.string().nullish(),
  // Accepted and ignored: they change nothing a stateless translation could honour or break.
  metadata: z.record(z.string(), z.unknown()).nullish(),
  store: z.boolean().nullish(),
  // Refused below with the reason; parsed loosely so the refusal, not a type error, is what users see.
  previous_response_id: z.unknown().optional(),
  conversation: z.unknown().optional(),
  prompt: z.unknown().optional(),
  background: z.boolean().nullish(),
});
type ResponsesRequest = z.infer<typeof responsesRequestSchema>;

const STATELESS =
  'The gateway is stateless and keeps no responses or conversations; send the whole conversation in "input" ' +
  '(for a follow-up turn: the earlier input items, then the previous response\'s output items, then the new message).';

function refuseServerSideState(body: ResponsesRequest): void {
  if (body.previous_response_id !== undefined && body.previous_response_id !== null) {
    throw invalidRequest(`"previous_response_id" is not supported. ${STATELESS}`);
  }
  if (body.conversation !== undefined && body.conversation !== null) throw invalidRequest(`"conversation" is not supported. ${STATELESS}`);
  if (body.prompt !== undefined && body.prompt !== null) {
    throw invalidRequest('"prompt" (a prompt stored at OpenAI) is not supported by the gateway; send the prompt text in "instructions" and "input".');
  }
  if (body.background === true) throw invalidRequest(`"background": true is not supported. ${STATELESS} Use "stream": true for long answers.`);
}

function imagePart(value: unknown, where: string): ContentPart {
  const part = check(inputImagePart, value, where);
  if (part.image_url === undefined || part.image_url === null) {
    if (part.file_id) {
      throw invalidRequest(`${where}: input_image with "file_id" is not supported: the gateway cannot read OpenAI's file storage. Send the image as "image_url" (an https URL or a data: URL).`);
    }
    throw invalidRequest(`${where}: input_image needs "image_url" (an https URL or a data: URL).`);
  }
  const detail = part.detail ?? undefined;
  return { type: 'image_url', image_url: detail === undefined ? { url: part.image_url } : { url: part.image_url, detail } };
}

function unsupportedPart(type: string, where: string): GatewayError {
  if (type === 'input_file') {
    return invalidRequest(`${where}: "input_file" parts are not supported by the gateway; send the file's text as "input_text" or images as "input_image".`);
  }
  return invalidRequest(`${where}: content part type "${type}" is not supported; use input_text, output_text or input_image.`);
}

function contentParts(content: { type: string }[], where: string): ContentPart[] {
  return content.map((raw, i): ContentPart => {
    const at = `${where}[${i}]`;
    if (raw.type === 'input_text') return { type: 'text', text: check(inputTextPart, raw, at).text };
    // An earlier response's output fed back as input carries output_text and refusal parts. A
    // refusal is what the assistant said, and other providers only know text.
    if (raw.type === 'output_text') return { type: 'text', text: check(outputTextPart, raw, at).text };
    if (raw.type === 'refusal') return { type: 'text', text: check(refusalPart, raw, at).refusal };
    if (raw.type === 'input_image') return imagePart(raw, at);
    throw unsupportedPart(raw.type, at);
  });
}

/** A function's output: all-text outputs as one string, which every provider takes in a tool turn. */
function toolOutput(output: string | { type: string }[], where: string): string | ContentPart[] {
  if (typeof output === 'string') return output;
  const content = contentParts(output, where);
  return content.every((p) => p.type === 'text') ? content.map((p) => (p.type === 'text' ? p.text : '')).join('') : content;
}

function inputMessages(input: string | unknown[]): ChatMessage[] {
  if (typeof input === 'string') return [{ role: 'user', content: input }];
  const messages: ChatMessage[] = [];
  input.forEach((raw, i) => {
    const where = `input[${i}]`;
    const head = check(anyItem, raw, where);
    const type = head.type ?? (head.role !== undefined ? 'message' : undefined);
    if (type === 'message') {
      const item = check(messageItem, raw, where);
      messages.push({ role: item.role, content: typeof item.content === 'string' ? item.content : contentParts(item.content, `${where}.content`) });
    } else if (type === 'function_call') {
      const item = check(functionCallItem, raw, where);
      const call: ToolCall = { id: item.call_id, type: 'function', function: { name: item.name, arguments: item.arguments } };
      // Chat APIs carry a turn's text and its tool calls in one assistant message (Anthropic
      // requires it), so calls join the assistant message just before them.
      const last = messages.at(-1);
      if (last?.role === 'assistant') last.tool_calls = [...(last.tool_calls ?? []), call];
      else messages.push({ role: 'assistant', content: null, tool_calls: [call] });
    } else if (type === 'function_call_output') {
      const item = check(functionCallOutputItem, raw, where);
      messages.push({ role: 'tool', tool_call_id: item.call_id, content: toolOutput(item.output, `${where}.output`) });
    } else if (type === 'reasoning') {
      // Reasoning items are OpenAI's (often encrypted) thoughts from an earlier turn; no other
      // provider can read them, and dropping them is what the chat APIs do anyway.
    } else if (type === 'item_reference') {
      throw invalidRequest(`${where}: "item_reference" items are not supported. ${STATELESS}`);
    } else if (type === undefined) {
      throw invalidRequest(`${where}: an input item needs a "type" (message, function_call or function_call_output) or a "role".`);
    } else {
      throw invalidRequest(
        `${where}: input item type "${type}" is not supported by the gateway; only message, function_call and function_call_output items translate to other providers.`,
      );
    }
  });
  return messages;
}

function functionTools(tools: { type: string }[]): ToolDefinition[] {
  return tools.map((raw, i) => {
    if (raw.type !== 'function') {
      throw invalidRequest(
        `tools[${i}]: tool type "${raw.type}" is not supported by the gateway; only "function" tools translate to other providers. Remove it or implement it as a function tool.`,
      );
    }
    const tool = check(functionTool, raw, `tools[${i}]`);
    const fn: ToolDefinition['function'] = { name: tool.name };
    if (tool.description !== undefined && tool.description !== null) fn.description = tool.description;
    if (tool.parameters !== undefined && tool.parameters !== null) fn.parameters = tool.parameters;
    if (tool.strict !== undefined && tool.strict !== null) fn.strict = tool.strict;
    return { type: 'function', function: fn };
  });
}

interface ToolSelection {
  tools: ToolDefinition[] | undefined;
  toolChoice: ToolChoice | undefined;
}

function toolSelection(tools: ToolDefinition[] | undefined, choice: ResponsesRequest['tool_choice']): ToolSelection {
  if (choice === undefined || choice === null) return { tools, toolChoice: undefined };
  if (typeof choice === 'string') return { tools, toolChoice: choice };
  if (choice.type === 'function') return { tools, toolChoice: { type: 'function', function: { name: check(functionChoice, choice, 'tool_choice').name } } };
  if (choice.type === 'allowed_tools') {
    // OpenAI keeps every tool in the prompt and lets the model use only these; chat APIs get the
    // same effect by being sent only these.
    const allowed = check(allowedToolsChoice, choice, 'tool_choice');
    const names = new Set(allowed.tools.map((t) => t.name));
    const kept = (tools ?? []).filter((t) => names.has(t.function.name));
    return kept.length ? { tools: kept, toolChoice: allowed.mode } : { tools: undefined, toolChoice: undefined };
  }
  throw invalidRequest(`tool_choice type "${choice.type}" is not supported by the gateway; use "none", "auto", "required" or {"type": "function", "name": ...}.`);
}

function responseFormat(format: { type: string } | undefined | null): ChatRequest['response_format'] {
  if (format === undefined || format === null || format.type === 'text') return undefined;
  if (format.type === 'json_object') return { type: 'json_object' };
  if (format.type !== 'json_schema') throw invalidRequest(`text.format type "${format.type}" is not supported; use "text", "json_object" or "json_schema".`);
  const f = check(jsonSchemaFormat, format, 'text.format');
  const jsonSchema: Record<string, unknown> = { name: f.name, schema: f.schema };
  if (f.description !== undefined && f.description !== null) jsonSchema.description = f.description;
  if (f.strict !== undefined && f.strict !== null) jsonSchema.strict = f.strict;
  return { type: 'json_schema', json_schema: jsonSchema };
}

function parse(body: unknown, hints?: { stream?: boolean }): ParsedFrontRequest {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw invalidRequest('The request body must be a JSON object (a Responses API request with "model" and "input").');
  }
  if (!('input' in body) || (body as { input?: unknown }).input === undefined) {
    throw invalidRequest(`"input" is required: a string or a list of input items. ${STATELESS}`);
  }
  const req = check(responsesRequestSchema, body, '');
  refuseServerSideState(req);

  const messages: ChatMessage[] = [];
  if (req.instructions) messages.push({ role: 'system', content: req.instructions });
  messages.push(...inputMessages(req.input));
  if (messages.length === 0) throw invalidRequest('"input" is empty: send at least one message.');

  const { tools, toolChoice } = toolSelection(req.tools ? functionTools(req.tools) : undefined, req.tool_choice);
  const stream = hints?.stream ?? req.stream ?? false;
  const request: ChatRequest = { messages, stream };
  if (req.model !== undefined) request.model = req.model;
  if (tools !== undefined) request.tools = tools;
  if (toolChoice !== undefined) request.tool_choice = toolChoice;
  if (req.temperature !== undefined && req.temperature !== null) request.temperature = req.temperature;
  if (req.top_p !== undefined && req.top_p !== null) request.top_p = req.top_p;
  if (req.max_output_tokens !== undefined && req.max_output_tokens !== null) request.max_tokens = req.max_output_tokens;
  const format = responseFormat(req.text?.format);
  if (format !== undefined) request.response_format = format;
  if (req.parallel_tool_calls !== undefined && req.parallel_tool_calls !== null) request.parallel_tool_calls = req.parallel_tool_calls;
  if (req.user !== undefined && req.user !== null) request.user = req.user;
  return { request, stream };
}

// ---------------------------------------------------------------------------------------------
// Response

/**
 * A Response echoes the request's settings (tools, tool_choice, temperature, text format...).
 * When the route passes the parsed unified request, they are echoed; without it, OpenAI's
 * defaults are shown.
 */
export interface ResponsesRenderContext extends RenderContext {
  request?: ChatRequest;
}

function openaiId(prefix: string): string {
  return `${prefix}_${randomBytes(24).toString('hex')}`;
}

interface OutputText {
  type: 'output_text';
  text: string;
  annotations: never[];
  logprobs: never[];
}
interface MessageItem {
  id: string;
  type: 'message';
  status: 'in_progress' | 'completed' | 'incomplete';
  role: 'assistant';
  content: (OutputText | { type: 'refusal'; refusal: string })[];
}
interface FunctionCallItem {
  id: string;
  type: 'function_call';
  status: 'in_progress' | 'completed' | 'incomplete';
  arguments: string;
  call_id: string;
  name: string;
}
type OutputItem = MessageItem | FunctionCallItem;

function outputText(text: string): OutputText {
  return { type: 'output_text', text, annotations: [], logprobs: [] };
}

type Ending = { status: 'completed'; incomplete: null } | { status: 'incomplete'; incomplete: { reason: 'max_output_tokens' | 'content_filter' } };

function ending(finishReason: string | null | undefined): Ending {
  if (finishReason === 'length') return { status: 'incomplete', incomplete: { reason: 'max_output_tokens' } };
  if (finishReason === 'content_filter') return { status: 'incomplete', incomplete: { reason: 'content_filter' } };
  return { status: 'completed', incomplete: null };
}

function echoedTools(request: ChatRequest | undefined): unknown[] {
  return (request?.tools ?? []).map((t) => ({
    type: 'function',
    name: t.function.name,
    description: t.function.description ?? null,
    parameters: t.function.parameters ?? null,
    strict: t.function.strict ?? null,
  }));
}

function echoedToolChoice(request: ChatRequest | undefined): unknown {
  const choice = request?.tool_choice;
  if (choice === undefined) return 'auto';
  return typeof choice === 'string' ? choice : { type: 'function', name: choice.function.name };
}

function echoedFormat(request: ChatRequest | undefined): unknown {
  const format = request?.response_format;
  if (format === undefined || format.type === 'text') return { type: 'text' };
  if (format.type === 'json_object') return { type: 'json_object' };
  return { type: 'json_schema', ...format.json_schema };
}

interface ResponseUsage {
  input_tokens: number;
  input_tokens_details: { cached_tokens: number };
  output_tokens: number;
  output_tokens_details: { reasoning_tokens: number };
  total_tokens: number;
}

function responseUsage(usage: ChatResponse['usage'] | null | undefined): ResponseUsage {
  const input = usage?.prompt_tokens ?? 0;
  const output = usage?.completion_tokens ?? 0;
  return {
    input_tokens: input,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: output,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: usage?.total_tokens ?? input + output,
  };
}

interface ResponseShape {
  id: string;
  createdAt: number;
  status: 'in_progress' | 'completed' | 'incomplete';
  incomplete: Ending['incomplete'];
  output: OutputItem[];
  usage: ResponseUsage | null;
}

function responseObject(shape: ResponseShape, ctx: ResponsesRenderContext): Record<string, unknown> {
  const request = ctx.request;
  return {
    id: shape.id,
    object: 'response',
    created_at: shape.createdAt,
    status: shape.status,
    background: false,
    ...(shape.status === 'in_progress' ? {} : { completed_at: Math.floor(Date.now() / 1000) }),
    error: null,
    incomplete_details: shape.incomplete,
    instructions: null,
    max_output_tokens: request?.max_tokens ?? null,
    model: ctx.requestedModel,
    output: shape.output,
    parallel_tool_calls: request?.parallel_tool_calls ?? true,
    previous_response_id: null,
    reasoning: { effort: null, summary: null },
    service_tier: 'default',
    // Nothing is kept: saying so stops callers from trying `previous_response_id` later.
    store: false,
    temperature: request?.temperature ?? 1,
    text: { format: echoedFormat(request), verbosity: 'medium' },
    tool_choice: echoedToolChoice(request),
    tools: echoedTools(request),
    top_p: request?.top_p ?? 1,
    truncation: 'disabled',
    usage: shape.usage,
    user: null,
    metadata: {},
  };
}

function render(response: ChatResponse, ctx: ResponsesRenderContext): unknown {
  const choice = response.choices.find((c) => c.index === 0) ?? response.choices[0];
  const end = ending(choice?.finish_reason);
  const output: OutputItem[] = [];
  const message = choice?.message;
  const text = message?.content ?? '';
  const calls = message?.tool_calls ?? [];
  if (text !== '' || message?.refusal || calls.length === 0) {
    const content: MessageItem['content'] = [];
    if (text !== '' || !message?.refusal) content.push(outputText(text));
    if (message?.refusal) content.push({ type: 'refusal', refusal: message.refusal });
    output.push({ id: openaiId('msg'), type: 'message', status: 'completed', role: 'assistant', content });
  }
  for (const call of calls) {
    output.push({
      id: openaiId('fc'),
      type: 'function_call',
      status: 'completed',
      arguments: call.function.arguments,
      call_id: call.id,
      name: call.function.name,
    });
  }
  const last = output.at(-1);
  // The item being written when the model stopped is the one left unfinished.
  if (end.status === 'incomplete' && last) last.status = 'incomplete';
  return responseObject(
    { id: openaiId('resp'), createdAt: response.created, status: end.status, incomplete: end.incomplete, output, usage: responseUsage(response.usage) },
    ctx,
  );
}

// ---------------------------------------------------------------------------------------------
// Stream

interface OpenMessage {
  item: MessageItem;
  outputIndex: number;
  text: string;
}
interface OpenCall {
  item: FunctionCallItem;
  outputIndex: number;
}

/** Turns unified chunks into Responses events; `events` collects what one chunk produced. */
class StreamState {
  events: SseEvent[] = [];
  readonly output: OutputItem[] = [];
  finishReason: string | null = null;
  usage: ChatChunk['usage'] = null;
  private sequence = 0;
  private current: OpenMessage | OpenCall | null = null;
  /** Function-call items by the unified tool-call index. */
  private readonly calls = new Map<number, OpenCall>();

  emit(type: string, fields: Record<string, unknown>): void {
    this.events.push({ event: type, data: JSON.stringify({ type, sequence_number: this.sequence++, ...fields }) });
  }

  take(): SseEvent[] {
    const out = this.events;
    this.events = [];
    return out;
  }

  chunk(chunk: ChatChunk): void {
    if (chunk.usage) this.usage = chunk.usage;
    const choice = chunk.choices.find((c) => c.index === 0);
    if (!choice) return;
    const content = choice.delta.content;
    if (typeof content === 'string' && content !== '') this.text(content);
    for (const delta of choice.delta.tool_calls ?? []) {
      const open = this.calls.get(delta.index);
      if (!open) this.openCall(delta.id, delta.function.name, delta.index);
      const call = this.calls.get(delta.index)!;
      const args = delta.function.arguments ?? '';
      if (args === '') continue;
      call.item.arguments += args;
      // Providers stream one call after another; a fragment for a call already closed is only
      // kept for the final response, since its done events are out.
      if (this.current === call) this.emit('response.function_call_arguments.delta', { item_id: call.item.id, output_index: call.outputIndex, delta: args });
    }
    if (choice.finish_reason) this.finishReason = choice.finish_reason;
  }

  private text(delta: string): void {
    let open = this.current;
    if (!open || open.item.type !== 'message') {
      this.close('completed');
      open = this.openMessage();
    }
    const message = open as OpenMessage;
    message.text += delta;
    this.emit('response.output_text.delta', { item_id: message.item.id, output_index: message.outputIndex, content_index: 0, delta, logprobs: [] });
  }

  openMessage(): OpenMessage {
    const item: MessageItem = { id: openaiId('msg'), type: 'message', status: 'in_progress', role: 'assistant', content: [] };
    const open: OpenMessage = { item, outputIndex: this.output.length, text: '' };
    this.output.push(item);
    this.current = open;
    this.emit('response.output_item.added', { output_index: open.outputIndex, item: { ...item, content: [] } });
    this.emit('response.content_part.added', { item_id: item.id, output_index: open.outputIndex, content_index: 0, part: outputText('') });
    return open;
  }

  private openCall(id: string | undefined, name: string | undefined, index: number): void {
    this.close('completed');
    const item: FunctionCallItem = {
      id: openaiId('fc'),
      type: 'function_call',
      status: 'in_progress',
      arguments: '',
      call_id: id ?? openaiId('call'),
      name: name ?? '',
    };
    const open: OpenCall = { item, outputIndex: this.output.length };
    this.output.push(item);
    this.calls.set(index, open);
    this.current = open;
    this.emit('response.output_item.added', { output_index: open.outputIndex, item: { ...item } });
  }

  close(status: 'completed' | 'incomplete'): void {
    const open = this.current;
    if (!open) return;
    this.current = null;
    if (open.item.type === 'message') {
      const { item, outputIndex, text } = open as OpenMessage;
      const part = outputText(text);
      item.content = [part];
      item.status = status;
      this.emit('response.output_text.done', { item_id: item.id, output_index: outputIndex, content_index: 0, text, logprobs: [] });
      this.emit('response.content_part.done', { item_id: item.id, output_index: outputIndex, content_index: 0, part });
      this.emit('response.output_item.done', { output_index: outputIndex, item });
    } else {
      const { item, outputIndex } = open as OpenCall;
      item.status = status;
      this.emit('response.function_call_arguments.done', { item_id: item.id, output_index: outputIndex, name: item.name, arguments: item.arguments });
      this.emit('response.output_item.done', { output_index: outputIndex, item });
    }
  }
}

/**
 * Responses events for a unified chunk stream. The first chunk is awaited before any event, so a
 * provider that fails at once (a 401, a 429) throws here before a byte is sent and the route can
 * answer with an HTTP error (which the SDK retries); failures after that become an in-band
 * `error` event, as OpenAI sends them.
 */
async function* renderStream(chunks: AsyncIterable<ChatChunk>, ctx: ResponsesRenderContext): AsyncGenerator<SseEvent> {
  const iterator = chunks[Symbol.asyncIterator]();
  let finished = false;
  try {
    let next = await iterator.next();
    const state = new StreamState();
    const id = openaiId('resp');
    const createdAt = next.done ? Math.floor(Date.now() / 1000) : next.value.created;
    const opening = responseObject({ id, createdAt, status: 'in_progress', incomplete: null, output: [], usage: null }, ctx);
    state.emit('response.created', { response: opening });
    state.emit('response.in_progress', { response: opening });
    yield* state.take();
    try {
      while (!next.done) {
        state.chunk(next.value);
        yield* state.take();
        next = await iterator.next();
      }
    } catch (err) {
      finished = true;
      const error = asGatewayError(err);
      const body = openaiErrorBody(error).error;
      state.emit('error', { code: body.code ?? (error.status >= 500 ? 'server_error' : body.type), message: error.message, param: null });
      yield* state.take();
      return;
    }
    finished = true;
    const end = ending(state.finishReason);
    state.close(end.status);
    if (state.output.length === 0) {
      // Like the non-streamed answer: an empty reply is still one (empty) message.
      state.openMessage();
      state.close(end.status);
    }
    const final = responseObject({ id, createdAt, status: end.status, incomplete: end.incomplete, output: state.output, usage: responseUsage(state.usage) }, ctx);
    // OpenAI ends a truncated answer with response.incomplete rather than response.completed.
    state.emit(end.status === 'completed' ? 'response.completed' : 'response.incomplete', { response: final });
    yield* state.take();
  } finally {
    // A caller that stops reading (client gone) must release the upstream call.
    if (!finished) await iterator.return?.();
  }
}

export const openaiResponsesFront: ChatFront = {
  name: 'openai-responses',
  parse,
  render,
  renderStream,
  errorBody: openaiErrorBody,
};
