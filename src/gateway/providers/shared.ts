/**
 * Pieces every provider needs: ids and timestamps in OpenAI's style, completions served through a
 * chat API (most vendors dropped text completions; MLflow does the same), a one-chunk stream for
 * upstreams that cannot stream, and embeddings encoded as the caller asked (the OpenAI SDK asks
 * for base64 by default).
 */
import { randomBytes } from 'node:crypto';
import { GatewayError } from '../errors.ts';
import type {
  ChatChunk,
  ChatRequest,
  ChatResponse,
  CompletionsChunk,
  CompletionsRequest,
  CompletionsResponse,
  EmbeddingsRequest,
  EmbeddingsResponse,
  Usage,
} from '../schemas.ts';
import type { ProviderCall } from './provider.ts';

export function newId(prefix: string): string {
  return `${prefix}-${randomBytes(12).toString('hex')}`;
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

export function usageOf(prompt: number | null | undefined, completion: number | null | undefined): Usage {
  const p = prompt ?? null;
  const c = completion ?? null;
  return { prompt_tokens: p, completion_tokens: c, total_tokens: p === null && c === null ? null : (p ?? 0) + (c ?? 0) };
}

/** The text of a message's content, whether a string or a list of parts. */
export function contentText(content: ChatRequest['messages'][number]['content']): string {
  if (content === undefined || content === null) return '';
  if (typeof content === 'string') return content;
  return content.map((p) => (p.type === 'text' ? p.text : '')).join('');
}

/** Sampling fields of a completions request, as a chat request with the prompt as the user turn. */
export function chatRequestFromCompletions(request: CompletionsRequest): ChatRequest {
  const { prompt, ...rest } = request;
  return { ...rest, messages: [{ role: 'user', content: prompt }] };
}

export function completionsFromChat(response: ChatResponse): CompletionsResponse {
  return {
    id: response.id,
    object: 'text_completion',
    created: response.created,
    model: response.model,
    choices: response.choices.map((c) => ({ index: c.index, text: c.message.content ?? '', finish_reason: c.finish_reason })),
    usage: response.usage,
  };
}

export function completionsChunkFromChat(chunk: ChatChunk): CompletionsChunk {
  return {
    id: chunk.id,
    object: 'text_completion_chunk',
    created: chunk.created,
    model: chunk.model,
    choices: chunk.choices.map((c) => ({ index: c.index, text: c.delta.content ?? '', finish_reason: c.finish_reason })),
    ...(chunk.usage ? { usage: chunk.usage } : {}),
  };
}

type ChatFn = (request: ChatRequest, call: ProviderCall) => Promise<ChatResponse>;
type ChatStreamFn = (request: ChatRequest, call: ProviderCall) => AsyncIterable<ChatChunk>;

/** `completions` for a provider whose vendor only has a chat API. */
export function completionsViaChat(chat: ChatFn): (request: CompletionsRequest, call: ProviderCall) => Promise<CompletionsResponse> {
  return async (request, call) => completionsFromChat(await chat(chatRequestFromCompletions(request), call));
}

export function completionsStreamViaChat(chatStream: ChatStreamFn): (request: CompletionsRequest, call: ProviderCall) => AsyncIterable<CompletionsChunk> {
  return async function* (request, call) {
    for await (const chunk of chatStream(chatRequestFromCompletions(request), call)) yield completionsChunkFromChat(chunk);
  };
}

/** A whole response as a stream: role + content (+ tool calls), then finish reason and usage. */
export function chunksFromChatResponse(response: ChatResponse): ChatChunk[] {
  const base = { id: response.id, object: 'chat.completion.chunk' as const, created: response.created, model: response.model };
  const chunks: ChatChunk[] = response.choices.map((c) => ({
    ...base,
    choices: [
      {
        index: c.index,
        delta: {
          role: 'assistant' as const,
          content: c.message.content ?? '',
          ...(c.message.tool_calls?.length
            ? { tool_calls: c.message.tool_calls.map((t, i) => ({ index: i, id: t.id, type: 'function' as const, function: { name: t.function.name, arguments: t.function.arguments } })) }
            : {}),
        },
        finish_reason: null,
      },
    ],
  }));
  chunks.push({
    ...base,
    choices: response.choices.map((c) => ({ index: c.index, delta: {}, finish_reason: c.finish_reason ?? 'stop' })),
    usage: response.usage,
  });
  return chunks;
}

/** `chatStream` for an upstream that cannot stream: one call, replayed as chunks. */
export function chatStreamViaChat(chat: ChatFn): ChatStreamFn {
  return async function* (request, call) {
    yield* chunksFromChatResponse(await chat({ ...request, stream: false }, call));
  };
}

/** Float vectors as the caller asked: JSON numbers, or base64 of little-endian float32 (OpenAI's). */
export function encodeEmbedding(vector: number[], format: EmbeddingsRequest['encoding_format']): number[] | string {
  if (format !== 'base64') return vector;
  const buf = Buffer.alloc(vector.length * 4);
  vector.forEach((v, i) => buf.writeFloatLE(v, i * 4));
  return buf.toString('base64');
}

export function embeddingsResponse(
  vectors: number[][],
  request: EmbeddingsRequest,
  model: string,
  promptTokens: number | null,
): EmbeddingsResponse {
  return {
    object: 'list',
    data: vectors.map((v, index) => ({ object: 'embedding', embedding: encodeEmbedding(v, request.encoding_format), index })),
    model,
    usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
  };
}

/** Embeddings inputs as text; token-id inputs are OpenAI-only and rejected elsewhere with the reason. */
export function embeddingTexts(request: EmbeddingsRequest, provider: string): string[] {
  const input = request.input;
  if (typeof input === 'string') return [input];
  if (input.every((x): x is string => typeof x === 'string')) return input;
  throw new GatewayError('invalid_request', `Provider ${provider} embeds text only; this request sent token ids. Send strings in "input".`);
}

/** The error for an operation a provider's vendor does not offer. */
export function unsupported(provider: string, what: string): GatewayError {
  return new GatewayError('invalid_request', `Provider ${provider} does not support ${what}. Point this endpoint at a provider that does.`);
}

/**
 * One server-sent event's JSON. The message quotes the event whole: it is masked and shortened
 * later, where every error is, so a cut here cannot leave half a key behind.
 */
export function parseEventJson(data: string, provider: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    throw new GatewayError('upstream', `${provider} sent a stream event that is not JSON: ${data}`, { provider });
  }
}
