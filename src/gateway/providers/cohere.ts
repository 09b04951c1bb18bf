/**
 * Cohere through its v2 API (`POST /v2/chat`, `POST /v2/embed`). Cohere's v2 chat is close to
 * OpenAI's (same roles, same tool-call shape) but differs where it matters to translate:
 * sampling fields are `p`/`k`/`stop_sequences`, `tool_choice` only knows REQUIRED and NONE, text
 * beside tool calls is the model's `tool_plan`, finish reasons are upper-case words, and usage is
 * split into real tokens and billed units. Its schema is closed (an unknown field, even inside a
 * tool definition, is a 422), so only fields Cohere knows are sent.
 *
 * Text completions go through chat, as for every chat-only vendor.
 */
import { z } from 'zod';
import { GatewayError } from '../errors.ts';
import type { ChatChunk, ChatMessage, ChatRequest, ChatResponse, EmbeddingsRequest, EmbeddingsResponse, ToolCallDelta, Usage } from '../schemas.ts';
import type { SseEvent, Upstream } from '../upstream.ts';
import { defineProvider, type Provider, type ProviderCall } from './provider.ts';
import { completionsStreamViaChat, completionsViaChat, contentText, embeddingsResponse, embeddingTexts, newId, nowSeconds, parseEventJson, unsupported, usageOf } from './shared.ts';

const NAME = 'cohere';

const configSchema = z.strictObject({
  cohere_api_key: z.string().min(1),
  cohere_api_base: z.url().default('https://api.cohere.com'),
});
type CohereConfig = z.output<typeof configSchema>;

// ---------------------------------------------------------------------------------------------
// Cohere's answers (loose: Cohere adds fields such as citations, logprobs, thinking content)
// ---------------------------------------------------------------------------------------------

const countsSchema = z.looseObject({ input_tokens: z.number().nullish(), output_tokens: z.number().nullish() }).nullish();
const usageSchema = z.looseObject({ billed_units: countsSchema, tokens: countsSchema }).nullish();

const toolCallSchema = z.looseObject({
  id: z.string(),
  function: z.looseObject({ name: z.string(), arguments: z.string().nullish() }),
});

const chatResponseSchema = z.looseObject({
  id: z.string().nullish(),
  finish_reason: z.string().nullish(),
  message: z.looseObject({
    // Text parts carry `text`; thinking parts (reasoning models) carry `thinking` and are not answer text.
    content: z.array(z.looseObject({ type: z.string(), text: z.string().nullish() })).nullish(),
    tool_plan: z.string().nullish(),
    tool_calls: z.array(toolCallSchema).nullish(),
  }),
  usage: usageSchema,
});

const streamEventSchema = z.looseObject({ type: z.string() });
const messageStartSchema = z.looseObject({ id: z.string().nullish() });
const contentDeltaSchema = z.looseObject({
  delta: z.looseObject({ message: z.looseObject({ content: z.looseObject({ text: z.string().nullish() }).nullish() }) }),
});
const toolPlanDeltaSchema = z.looseObject({ delta: z.looseObject({ message: z.looseObject({ tool_plan: z.string().nullish() }) }) });
const toolCallStartSchema = z.looseObject({
  index: z.number().nullish(),
  delta: z.looseObject({
    message: z.looseObject({
      tool_calls: z.looseObject({ id: z.string(), function: z.looseObject({ name: z.string(), arguments: z.string().nullish() }) }),
    }),
  }),
});
const toolCallDeltaSchema = z.looseObject({
  index: z.number().nullish(),
  delta: z.looseObject({
    message: z.looseObject({ tool_calls: z.looseObject({ function: z.looseObject({ arguments: z.string().nullish() }) }) }),
  }),
});
const messageEndSchema = z.looseObject({
  delta: z
    .looseObject({ finish_reason: z.string().nullish(), error: z.string().nullish(), usage: usageSchema })
    .nullish(),
});

const embedResponseSchema = z.looseObject({
  embeddings: z.looseObject({ float: z.array(z.array(z.number())) }),
  meta: z.looseObject({ billed_units: countsSchema }).nullish(),
});

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

type CohereContentPart = { type: 'text'; text: string } | { type: 'image_url'; image_url: { url: string; detail?: string } };

function userContent(content: ChatMessage['content']): string | CohereContentPart[] {
  if (content === undefined || content === null) return '';
  if (typeof content === 'string') return content;
  return content.map((part): CohereContentPart => {
    if (part.type === 'text') return { type: 'text', text: part.text };
    if (part.type === 'image_url') return { type: 'image_url', image_url: { url: part.image_url.url, ...(part.image_url.detail ? { detail: part.image_url.detail } : {}) } };
    throw unsupported(NAME, 'audio input (input_audio content parts)');
  });
}

function cohereMessage(m: ChatMessage): Record<string, unknown> {
  switch (m.role) {
    case 'system':
    case 'developer':
      return { role: 'system', content: contentText(m.content) };
    case 'user':
      return { role: 'user', content: userContent(m.content) };
    case 'assistant': {
      const text = contentText(m.content);
      if (m.tool_calls?.length) {
        // Cohere keeps the text an assistant wrote beside its tool calls as `tool_plan`.
        return {
          role: 'assistant',
          ...(text !== '' ? { tool_plan: text } : {}),
          tool_calls: m.tool_calls.map((c) => ({ id: c.id, type: 'function', function: { name: c.function.name, arguments: c.function.arguments } })),
        };
      }
      return { role: 'assistant', content: text };
    }
    case 'tool':
      if (m.tool_call_id === undefined) throw new GatewayError('invalid_request', 'A tool message needs "tool_call_id": the id of the assistant tool call it answers.');
      return { role: 'tool', tool_call_id: m.tool_call_id, content: contentText(m.content) };
  }
}

function toolChoice(choice: ChatRequest['tool_choice']): 'REQUIRED' | 'NONE' | undefined {
  if (choice === undefined || choice === 'auto') return undefined;
  if (choice === 'required') return 'REQUIRED';
  if (choice === 'none') return 'NONE';
  throw new GatewayError(
    'invalid_request',
    `Cohere cannot be made to call one specific function (tool_choice names "${choice.function.name}"). Send tool_choice "required" with only that function in "tools" instead.`,
  );
}

function responseFormat(format: ChatRequest['response_format']): Record<string, unknown> | undefined {
  if (format === undefined || format.type === 'text') return undefined;
  const schema = format.type === 'json_schema' ? format.json_schema?.schema : undefined;
  return schema ? { type: 'json_object', json_schema: schema } : { type: 'json_object' };
}

/**
 * The `/v2/chat` body. OpenAI fields with no Cohere counterpart are left out rather than refused
 * when they are hints (`user`, `parallel_tool_calls`, `stream_options`, unknown extras); ones that
 * change the answer's shape (`n` > 1, a forced specific function, audio) are refused.
 */
export function cohereChatBody(request: ChatRequest, model: string, stream: boolean): Record<string, unknown> {
  if (request.n !== undefined && request.n > 1) {
    throw new GatewayError('invalid_request', `Cohere returns one choice per request; "n" must be 1 (got ${request.n}). Send several requests instead.`);
  }
  const tools = request.tools?.map((t) => {
    if (t.type !== 'function') throw unsupported(NAME, `tools of type "${t.type}"; send tools of type "function"`);
    // Cohere requires `parameters`; a function without arguments is an empty object schema.
    const parameters = t.function.parameters ?? { type: 'object', properties: {} };
    return { type: 'function', function: { name: t.function.name, ...(t.function.description !== undefined ? { description: t.function.description } : {}), parameters } };
  });
  const body: Record<string, unknown> = {
    model,
    messages: request.messages.map(cohereMessage),
    stream,
    temperature: request.temperature,
    max_tokens: request.max_tokens ?? request.max_completion_tokens,
    p: request.top_p,
    k: request.top_k,
    stop_sequences: request.stop,
    seed: request.seed,
    frequency_penalty: request.frequency_penalty,
    presence_penalty: request.presence_penalty,
    response_format: responseFormat(request.response_format),
    tools: tools?.length ? tools : undefined,
    // OpenAI's per-function `strict` is one request-wide switch at Cohere.
    strict_tools: request.tools?.some((t) => t.function.strict === true) ? true : undefined,
    tool_choice: toolChoice(request.tool_choice),
  };
  for (const k of Object.keys(body)) if (body[k] === undefined) delete body[k];
  return body;
}

/** Cohere's input types; Cohere requires one from its v3 embedding models on. */
const INPUT_TYPES = new Set(['search_document', 'search_query', 'classification', 'clustering']);
/** Cohere embeds at most 96 texts per call. */
const EMBED_BATCH = 96;

// ---------------------------------------------------------------------------------------------
// Answers
// ---------------------------------------------------------------------------------------------

function usageFrom(usage: z.output<typeof usageSchema>): Usage {
  // `tokens` is what the model processed; `billed_units` (what Cohere charges) is the fallback.
  const counts = usage?.tokens ?? usage?.billed_units;
  return usageOf(counts?.input_tokens, counts?.output_tokens);
}

/** The OpenAI finish reason for Cohere's; the ones that mean the generation failed throw. */
function finishReason(reason: string | null | undefined, error?: string | null): string {
  switch (reason) {
    case 'COMPLETE':
    case 'STOP_SEQUENCE':
    case undefined:
    case null:
      if (error) break;
      return 'stop';
    case 'MAX_TOKENS':
      return 'length';
    case 'TOOL_CALL':
      return 'tool_calls';
    case 'TIMEOUT':
      throw new GatewayError('timeout', 'Cohere stopped generating: the generation exceeded its time limit (finish_reason TIMEOUT). Retry, or ask for a shorter answer with max_tokens.', {
        provider: NAME,
      });
    case 'ERROR':
      break;
    default:
      return reason.toLowerCase();
  }
  throw new GatewayError('upstream', `Cohere failed while generating: ${error ?? 'finish_reason ERROR'}. Retry the request.`, { provider: NAME });
}

function unreadable(what: string, error: z.ZodError): GatewayError {
  const issue = error.issues[0];
  const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'unknown shape';
  return new GatewayError('upstream', `Cohere answered ${what} the gateway cannot read (${where}).`, { provider: NAME });
}

export function readCohereChat(body: unknown, model: string): ChatResponse {
  const parsed = chatResponseSchema.safeParse(body);
  if (!parsed.success) throw unreadable('a chat body', parsed.error);
  const b = parsed.data;
  const text = (b.message.content ?? [])
    .filter((p) => p.type === 'text')
    .map((p) => p.text ?? '')
    .join('');
  const toolCalls = (b.message.tool_calls ?? []).map((c) => ({ id: c.id, type: 'function' as const, function: { name: c.function.name, arguments: c.function.arguments ?? '' } }));
  let content: string | null = text;
  // With tool calls Cohere writes its text as `tool_plan`; OpenAI callers expect it in `content`.
  if (text === '' && toolCalls.length) content = b.message.tool_plan || null;
  return {
    id: b.id ?? newId('chatcmpl'),
    object: 'chat.completion',
    created: nowSeconds(),
    model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, ...(toolCalls.length ? { tool_calls: toolCalls } : {}) },
        finish_reason: finishReason(b.finish_reason),
      },
    ],
    usage: usageFrom(b.usage),
  };
}

/** Turns Cohere's v2 stream events into unified chunks; one instance per stream. */
export class CohereStreamReader {
  private id = newId('chatcmpl');
  private readonly created = nowSeconds();
  private ended = false;
  private readonly model: string;

  constructor(model: string) {
    this.model = model;
  }

  get finished(): boolean {
    return this.ended;
  }

  private chunk(delta: ChatChunk['choices'][number]['delta'], finish: string | null = null, usage?: Usage): ChatChunk {
    return {
      id: this.id,
      object: 'chat.completion.chunk',
      created: this.created,
      model: this.model,
      choices: [{ index: 0, delta, finish_reason: finish }],
      ...(usage ? { usage } : {}),
    };
  }

  /** The chunks one event yields (none for bookkeeping events such as content-end). */
  read(event: SseEvent): ChatChunk[] {
    const data = parseEventJson(event.data, NAME);
    const base = streamEventSchema.safeParse(data);
    if (!base.success) throw unreadable('a stream event', base.error);
    const parse = <T extends z.ZodType>(schema: T): z.output<T> => {
      const r = schema.safeParse(data);
      if (!r.success) throw unreadable(`a ${base.data.type} event`, r.error);
      return r.data;
    };
    switch (base.data.type) {
      case 'message-start': {
        const e = parse(messageStartSchema);
        if (e.id) this.id = e.id;
        return [this.chunk({ role: 'assistant', content: '' })];
      }
      case 'content-delta': {
        const text = parse(contentDeltaSchema).delta.message.content?.text;
        return text ? [this.chunk({ content: text })] : [];
      }
      case 'tool-plan-delta': {
        const plan = parse(toolPlanDeltaSchema).delta.message.tool_plan;
        return plan ? [this.chunk({ content: plan })] : [];
      }
      case 'tool-call-start': {
        const e = parse(toolCallStartSchema);
        const call = e.delta.message.tool_calls;
        const delta: ToolCallDelta = { index: e.index ?? 0, id: call.id, type: 'function', function: { name: call.function.name, arguments: call.function.arguments ?? '' } };
        return [this.chunk({ tool_calls: [delta] })];
      }
      case 'tool-call-delta': {
        const e = parse(toolCallDeltaSchema);
        const args = e.delta.message.tool_calls.function.arguments;
        return args ? [this.chunk({ tool_calls: [{ index: e.index ?? 0, function: { arguments: args } }] })] : [];
      }
      case 'message-end': {
        const delta = parse(messageEndSchema).delta;
        const finish = finishReason(delta?.finish_reason, delta?.error);
        this.ended = true;
        return [this.chunk({}, finish, usageFrom(delta?.usage))];
      }
      default:
        // content-start/-end, tool-call-end, citation-start/-end, debug: nothing for the caller.
        return [];
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The provider
// ---------------------------------------------------------------------------------------------

class CohereProvider implements Provider {
  readonly name = NAME;
  readonly model: string;
  private readonly base: string;
  private readonly headers: Record<string, string>;
  private readonly upstream: Upstream;

  constructor(model: string, config: CohereConfig, upstream: Upstream) {
    this.model = model;
    this.base = config.cohere_api_base.replace(/\/+$/, '');
    this.headers = { authorization: `Bearer ${config.cohere_api_key}` };
    this.upstream = upstream;
  }

  readonly completions = completionsViaChat((r, c) => this.chat(r, c));
  readonly completionsStream = completionsStreamViaChat((r, c) => this.chatStream(r, c));

  async chat(request: ChatRequest, call: ProviderCall): Promise<ChatResponse> {
    const { body } = await this.upstream.json(NAME, {
      url: `${this.base}/v2/chat`,
      headers: this.headers,
      body: cohereChatBody(request, this.model, false),
      signal: call.signal,
      timeoutMs: call.timeoutMs,
    });
    return readCohereChat(body, this.model);
  }

  async *chatStream(request: ChatRequest, call: ProviderCall): AsyncIterable<ChatChunk> {
    const reader = new CohereStreamReader(this.model);
    const events = this.upstream.sse(NAME, {
      url: `${this.base}/v2/chat`,
      headers: this.headers,
      body: cohereChatBody(request, this.model, true),
      signal: call.signal,
      timeoutMs: call.timeoutMs,
    });
    for await (const e of events) {
      if (e.data === '[DONE]') break;
      yield* reader.read(e);
      if (reader.finished) break;
    }
    if (!reader.finished) {
      throw new GatewayError('upstream', 'Cohere ended the stream before its message-end event; the answer may be cut short. Retry the request.', { provider: NAME });
    }
  }

  async embeddings(request: EmbeddingsRequest, call: ProviderCall): Promise<EmbeddingsResponse> {
    const texts = embeddingTexts(request, NAME);
    // OpenAI's embeddings request has no query/document distinction, but Cohere requires one.
    // Most callers of an embeddings endpoint embed texts to store and search later, which is
    // Cohere's `search_document`; a caller can send `input_type` (e.g. `search_query`) to choose.
    const asked = (request as { input_type?: unknown }).input_type;
    const inputType = typeof asked === 'string' && INPUT_TYPES.has(asked) ? asked : 'search_document';
    const vectors: number[][] = [];
    let tokens: number | null = null;
    for (let i = 0; i < texts.length; i += EMBED_BATCH) {
      const { body } = await this.upstream.json(NAME, {
        url: `${this.base}/v2/embed`,
        headers: this.headers,
        body: {
          model: this.model,
          texts: texts.slice(i, i + EMBED_BATCH),
          input_type: inputType,
          // Floats only: base64 (OpenAI's float32 encoding) is produced here, as the caller asked.
          embedding_types: ['float'],
          ...(request.dimensions !== undefined ? { output_dimension: request.dimensions } : {}),
        },
        signal: call.signal,
        timeoutMs: call.timeoutMs,
      });
      const parsed = embedResponseSchema.safeParse(body);
      if (!parsed.success) throw unreadable('an embed body', parsed.error);
      vectors.push(...parsed.data.embeddings.float);
      const billed = parsed.data.meta?.billed_units?.input_tokens;
      if (typeof billed === 'number') tokens = (tokens ?? 0) + billed;
    }
    return embeddingsResponse(vectors, request, this.model, tokens);
  }
}

export const cohereProvider = defineProvider({
  name: NAME,
  configSchema,
  endpointTypes: ['llm/v1/chat', 'llm/v1/completions', 'llm/v1/embeddings'],
  create: ({ model, config, upstream }) => new CohereProvider(model, config, upstream),
});
