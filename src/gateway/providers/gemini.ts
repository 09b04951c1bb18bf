/**
 * Google Gemini (Generative Language API, `v1beta`): unified chat → `generateContent` /
 * `streamGenerateContent?alt=sse` and back, embeddings through `batchEmbedContents`, completions
 * through chat, and verbatim passthrough for the Gemini front.
 *
 * The key travels in the `x-goog-api-key` header, never as `?key=`: URLs end up in logs.
 *
 * Choices worth knowing:
 * - Tool parameters go out as `parametersJsonSchema` and `json_schema` response formats as
 *   `responseJsonSchema`. Both take plain JSON Schema, which is what OpenAI-shaped callers send;
 *   the older `parameters` / `responseSchema` take Google's OpenAPI subset and reject common
 *   JSON Schema keywords (`additionalProperties`, `$schema`) with a 400.
 * - Gemini 3 rejects a replayed function call without its `thoughtSignature`. The signature rides
 *   on the unified tool call as `extra_content.google.thought_signature` (the convention of
 *   Google's own OpenAI-compatible endpoint), and a call that lost it gets Google's documented
 *   `skip_thought_signature_validator` sentinel.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { GatewayError } from '../errors.ts';
import type { ChatChunk, ChatMessage, ChatRequest, ChatResponse, ContentPart, EmbeddingsRequest, ToolCall, ToolCallDelta, Usage } from '../schemas.ts';
import { upstreamError, type Upstream } from '../upstream.ts';
import {
  geminiBatchEmbedContentsResponseSchema,
  geminiErrorBodySchema,
  geminiGenerateContentResponseSchema,
  type GeminiCandidate,
  type GeminiGenerateContentResponse,
  type GeminiUsageMetadata,
} from '../vendors/gemini.ts';
import { defineProvider, type PassthroughRequest, type PassthroughResponse, type Provider, type ProviderCall } from './provider.ts';
import { completionsStreamViaChat, completionsViaChat, contentText, embeddingsResponse, embeddingTexts, newId, nowSeconds, parseEventJson, usageOf } from './shared.ts';

const NAME = 'gemini';
export const DEFAULT_GEMINI_API_BASE = 'https://generativelanguage.googleapis.com';
/** Google's sentinel for a function call whose thought signature was lost (documented in "Thought signatures"). */
export const SKIP_THOUGHT_SIGNATURE = 'skip_thought_signature_validator';

const configSchema = z.strictObject({
  gemini_api_key: z.string().min(1),
  gemini_api_base: z.url().default(DEFAULT_GEMINI_API_BASE),
});
type GeminiConfig = z.output<typeof configSchema>;

type Json = Record<string, unknown>;
type Method = 'generateContent' | 'streamGenerateContent' | 'batchEmbedContents';

/** The API root and version: a base given with its version (`…/v1beta`) keeps it. */
function apiRoot(base: string): { root: string; version: string } {
  const trimmed = base.replace(/\/+$/, '');
  const m = /^(.*)\/(v1beta|v1alpha|v1)$/.exec(trimmed);
  return m ? { root: m[1] ?? '', version: m[2] ?? 'v1beta' } : { root: trimmed, version: 'v1beta' };
}

/** `models/<name>` for a bare model name; a resource name (`tunedModels/x`) as given. */
export function geminiModelResource(model: string): string {
  return model.includes('/') ? model : `models/${model}`;
}

function callId(): string {
  return `call_${randomBytes(12).toString('hex')}`;
}

// ---------------------------------------------------------------- unified → Gemini

const IMAGE_MIME_BY_EXT: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
  heic: 'image/heic',
  heif: 'image/heif',
  pdf: 'application/pdf',
};

function dataUrlPart(url: string, where: string): Json {
  const m = /^data:([^;,]*)((?:;[^;,]*)*),(.*)$/s.exec(url);
  if (!m) throw new GatewayError('invalid_request', `${where}: this data: URL is malformed; send data:<mime type>;base64,<data>.`);
  const mimeType = m[1] || 'application/octet-stream';
  const isBase64 = (m[2] ?? '').split(';').includes('base64');
  const data = isBase64 ? (m[3] ?? '') : Buffer.from(decodeURIComponent(m[3] ?? ''), 'utf8').toString('base64');
  return { inlineData: { mimeType, data } };
}

function mediaPart(part: ContentPart, where: string): Json | undefined {
  if (part.type === 'text') return part.text === '' ? undefined : { text: part.text };
  if (part.type === 'input_audio') return { inlineData: { mimeType: `audio/${part.input_audio.format}`, data: part.input_audio.data } };
  const url = part.image_url.url;
  if (url.startsWith('data:')) return dataUrlPart(url, where);
  // Gemini fetches File API, Cloud Storage and YouTube URIs itself; the gateway never fetches URLs.
  const ext = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(url)?.[1]?.toLowerCase();
  const mimeType = ext ? IMAGE_MIME_BY_EXT[ext] : undefined;
  return { fileData: { ...(mimeType ? { mimeType } : {}), fileUri: url } };
}

function userParts(content: ChatMessage['content'], where: string): Json[] {
  if (content === undefined || content === null) return [];
  if (typeof content === 'string') return content === '' ? [] : [{ text: content }];
  return content.flatMap((p, k): Json[] => {
    const part = mediaPart(p, `${where}.content[${k}]`);
    return part ? [part] : [];
  });
}

function parseArguments(text: string, where: string): Json {
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new GatewayError('invalid_request', `${where}.function.arguments must be a JSON object (Gemini takes function arguments as an object).`);
  }
  return parsed as Json;
}

/** A tool result as Gemini's `response` object: the JSON object it holds, else the text under `content`. */
function toolResponse(text: string): Json {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Json;
  } catch {
    // Not JSON: the text itself is the result.
  }
  return { content: text };
}

function thoughtSignatureOf(call: ToolCall): string | undefined {
  const extra = (call as { extra_content?: { google?: { thought_signature?: unknown } } }).extra_content;
  const sig = extra?.google?.thought_signature;
  return typeof sig === 'string' && sig !== '' ? sig : undefined;
}

function definedOnly(o: Json): Json {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

function generationConfig(request: ChatRequest): Json | undefined {
  const config: Json = definedOnly({
    temperature: request.temperature,
    topP: request.top_p,
    topK: request.top_k,
    maxOutputTokens: request.max_tokens ?? request.max_completion_tokens,
    stopSequences: request.stop,
    candidateCount: request.n,
    presencePenalty: request.presence_penalty,
    frequencyPenalty: request.frequency_penalty,
    seed: request.seed,
  });
  const format = request.response_format;
  if (format && format.type !== 'text') {
    config.responseMimeType = 'application/json';
    if (format.type === 'json_schema' && format.json_schema?.schema) config.responseJsonSchema = format.json_schema.schema;
  }
  return Object.keys(config).length ? config : undefined;
}

function toolConfig(choice: ChatRequest['tool_choice']): Json | undefined {
  if (choice === undefined) return undefined;
  if (choice === 'auto') return { functionCallingConfig: { mode: 'AUTO' } };
  if (choice === 'required') return { functionCallingConfig: { mode: 'ANY' } };
  if (choice === 'none') return { functionCallingConfig: { mode: 'NONE' } };
  return { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: [choice.function.name] } };
}

/** A unified chat request as a Gemini `GenerateContentRequest` body. */
export function geminiRequestFromChat(request: ChatRequest): Json {
  const system: Json[] = [];
  const contents: { role: 'user' | 'model'; parts: Json[] }[] = [];
  const callNames = new Map<string, string>();
  // Gemini wants turns to alternate; adjacent same-role turns (parallel tool results) become one.
  const push = (role: 'user' | 'model', parts: Json[]): void => {
    if (parts.length === 0) return;
    const last = contents.at(-1);
    if (last?.role === role) last.parts.push(...parts);
    else contents.push({ role, parts });
  };

  request.messages.forEach((m, i) => {
    const where = `messages[${i}]`;
    switch (m.role) {
      case 'system':
      case 'developer': {
        const text = contentText(m.content);
        if (text !== '') system.push({ text });
        return;
      }
      case 'user':
        return push('user', userParts(m.content, where));
      case 'assistant': {
        const text = contentText(m.content);
        const parts: Json[] = text === '' ? [] : [{ text }];
        (m.tool_calls ?? []).forEach((call, k) => {
          callNames.set(call.id, call.function.name);
          const signature = thoughtSignatureOf(call) ?? (k === 0 ? SKIP_THOUGHT_SIGNATURE : undefined);
          parts.push({
            functionCall: { id: call.id, name: call.function.name, args: parseArguments(call.function.arguments, `${where}.tool_calls[${k}]`) },
            ...(signature ? { thoughtSignature: signature } : {}),
          });
        });
        return push('model', parts);
      }
      case 'tool': {
        const id = m.tool_call_id;
        const name = (id === undefined ? undefined : callNames.get(id)) ?? m.name;
        if (name === undefined) {
          throw new GatewayError(
            'invalid_request',
            `${where}: tool_call_id ${JSON.stringify(id ?? null)} matches no tool call of an earlier assistant message; Gemini needs the function's name to take its result. Send the assistant message with that tool call before the tool message.`,
          );
        }
        return push('user', [{ functionResponse: { ...(id ? { id } : {}), name, response: toolResponse(contentText(m.content)) } }]);
      }
    }
  });

  const functions = (request.tools ?? []).map((t) =>
    definedOnly({ name: t.function.name, description: t.function.description, parametersJsonSchema: t.function.parameters }),
  );
  return definedOnly({
    contents,
    systemInstruction: system.length ? { parts: system } : undefined,
    tools: functions.length ? [{ functionDeclarations: functions }] : undefined,
    toolConfig: functions.length ? toolConfig(request.tool_choice) : undefined,
    generationConfig: generationConfig(request),
  });
}

// ---------------------------------------------------------------- Gemini → unified

const FILTER_REASONS = new Set(['SAFETY', 'RECITATION', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII', 'IMAGE_SAFETY', 'IMAGE_PROHIBITED_CONTENT']);

export function finishReasonFromGemini(reason: string | undefined, hasToolCalls: boolean): string {
  if (reason === 'MAX_TOKENS') return 'length';
  if (reason !== undefined && FILTER_REASONS.has(reason)) return 'content_filter';
  return hasToolCalls ? 'tool_calls' : 'stop';
}

export function usageFromGemini(u: GeminiUsageMetadata | undefined): Usage {
  if (!u) return usageOf(null, null);
  const output = u.candidatesTokenCount === undefined && u.thoughtsTokenCount === undefined ? null : (u.candidatesTokenCount ?? 0) + (u.thoughtsTokenCount ?? 0);
  const usage = usageOf(u.promptTokenCount, output);
  return { ...usage, total_tokens: u.totalTokenCount ?? usage.total_tokens };
}

type Part = NonNullable<NonNullable<GeminiCandidate['content']>['parts']>[number];

/** Answer text: thought summaries are reasoning, not answer, and stay out. */
function answerText(parts: Part[]): string | undefined {
  const texts = parts.filter((p) => typeof p.text === 'string' && p.thought !== true).map((p) => p.text ?? '');
  return texts.length ? texts.join('') : undefined;
}

function toolCallOf(part: Part): ToolCall | undefined {
  const fc = part.functionCall;
  if (!fc) return undefined;
  return {
    id: fc.id ?? callId(),
    type: 'function',
    function: { name: fc.name, arguments: JSON.stringify(fc.args ?? {}) },
    ...(part.thoughtSignature ? { extra_content: { google: { thought_signature: part.thoughtSignature } } } : {}),
  };
}

function blockedError(body: GeminiGenerateContentResponse): GatewayError | undefined {
  const reason = body.promptFeedback?.blockReason;
  if (!reason) return undefined;
  const detail = body.promptFeedback?.blockReasonMessage ? ` (${body.promptFeedback.blockReasonMessage})` : '';
  return new GatewayError('invalid_request', `Gemini blocked the prompt: blockReason ${reason}${detail}. Rephrase the prompt; Gemini answers nothing for a blocked prompt.`, {
    provider: NAME,
  });
}

function readWire<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new GatewayError('upstream', `Gemini answered a ${what} the gateway cannot read (${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}).`, {
    provider: NAME,
  });
}

export function chatResponseFromGemini(body: GeminiGenerateContentResponse, model: string): ChatResponse {
  const candidates = body.candidates ?? [];
  if (candidates.length === 0) {
    throw blockedError(body) ?? new GatewayError('upstream', 'Gemini answered without any candidate; retry the request.', { provider: NAME });
  }
  return {
    id: body.responseId ?? newId('chatcmpl'),
    object: 'chat.completion',
    created: nowSeconds(),
    model: body.modelVersion ?? model,
    choices: candidates.map((c, pos) => {
      const parts = c.content?.parts ?? [];
      const calls = parts.flatMap((p) => toolCallOf(p) ?? []);
      return {
        index: c.index ?? pos,
        message: { role: 'assistant' as const, content: answerText(parts) ?? null, ...(calls.length ? { tool_calls: calls } : {}) },
        finish_reason: finishReasonFromGemini(c.finishReason, calls.length > 0),
      };
    }),
    usage: usageFromGemini(body.usageMetadata),
  };
}

interface CandidateState {
  toolCalls: number;
  finish: string | undefined;
}

/** Gemini stream events as unified chunks: role first, deltas, then one finish chunk with usage. */
export async function* chatChunksFromGemini(events: AsyncIterable<{ data: string }>, model: string): AsyncGenerator<ChatChunk> {
  let id: string | undefined;
  const created = nowSeconds();
  let modelName = model;
  let usage: GeminiUsageMetadata | undefined;
  const seen = new Map<number, CandidateState>();
  const chunk = (choices: ChatChunk['choices'], extra: Partial<ChatChunk> = {}): ChatChunk => ({
    id: (id ??= newId('chatcmpl')),
    object: 'chat.completion.chunk',
    created,
    model: modelName,
    choices,
    ...extra,
  });

  for await (const event of events) {
    if (event.data.trim() === '') continue;
    const json = parseEventJson(event.data, NAME);
    const error = geminiErrorBodySchema.safeParse(json);
    if (error.success) throw upstreamError(NAME, error.data.error.code, event.data, {});
    const body = readWire(geminiGenerateContentResponseSchema, json, 'stream event');
    // Gemini's responseId, as in a non-streamed answer, so both can be found in Google's logs.
    id ??= body.responseId;
    if (body.modelVersion) modelName = body.modelVersion;
    if (body.usageMetadata) usage = body.usageMetadata;
    const candidates = body.candidates ?? [];
    if (candidates.length === 0) {
      const blocked = blockedError(body);
      if (blocked) throw blocked;
    }
    for (const [pos, c] of candidates.entries()) {
      const index = c.index ?? pos;
      let state = seen.get(index);
      if (!state) {
        state = { toolCalls: 0, finish: undefined };
        seen.set(index, state);
        yield chunk([{ index, delta: { role: 'assistant', content: '' }, finish_reason: null }]);
      }
      const parts = c.content?.parts ?? [];
      const text = answerText(parts);
      if (text) yield chunk([{ index, delta: { content: text }, finish_reason: null }]);
      const deltas: ToolCallDelta[] = [];
      for (const part of parts) {
        const call = toolCallOf(part);
        if (!call) continue;
        // Gemini sends each function call whole, so one delta carries id, name and all arguments.
        const { function: fn, type: _type, ...rest } = call;
        deltas.push({ ...rest, index: state.toolCalls++, type: 'function', function: { name: fn.name, arguments: fn.arguments } });
      }
      if (deltas.length) yield chunk([{ index, delta: { tool_calls: deltas }, finish_reason: null }]);
      if (c.finishReason) state.finish = c.finishReason;
    }
  }

  if (seen.size === 0) {
    seen.set(0, { toolCalls: 0, finish: undefined });
    yield chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]);
  }
  yield chunk(
    [...seen].map(([index, s]) => ({ index, delta: {}, finish_reason: finishReasonFromGemini(s.finish, s.toolCalls > 0) })),
    { usage: usageFromGemini(usage) },
  );
}

// ---------------------------------------------------------------- provider

/** Response headers worth forwarding on passthrough; the body is re-framed, so no length or hop-by-hop ones. */
const FORWARDED_HEADERS = ['content-type', 'retry-after'];

function createGeminiProvider(model: string, config: GeminiConfig, upstream: Upstream): Provider {
  const { root, version } = apiRoot(config.gemini_api_base);
  const resource = geminiModelResource(model);
  const path = resource.split('/').map(encodeURIComponent).join('/');
  const url = (method: Method, query = ''): string => `${root}/${version}/${path}:${method}${query}`;
  const headers = { 'x-goog-api-key': config.gemini_api_key };

  const chat = async (request: ChatRequest, call: ProviderCall): Promise<ChatResponse> => {
    const { body } = await upstream.json(NAME, {
      url: url('generateContent'),
      headers,
      body: geminiRequestFromChat(request),
      signal: call.signal,
      timeoutMs: call.timeoutMs,
    });
    return chatResponseFromGemini(readWire(geminiGenerateContentResponseSchema, body, 'response'), model);
  };

  const chatStream = (request: ChatRequest, call: ProviderCall): AsyncIterable<ChatChunk> => {
    const events = upstream.sse(NAME, {
      url: url('streamGenerateContent', '?alt=sse'),
      headers,
      body: geminiRequestFromChat(request),
      signal: call.signal,
      timeoutMs: call.timeoutMs,
    });
    return chatChunksFromGemini(events, model);
  };

  return {
    name: NAME,
    model,
    chat,
    chatStream,
    completions: completionsViaChat(chat),
    completionsStream: completionsStreamViaChat(chatStream),

    async embeddings(request: EmbeddingsRequest, call: ProviderCall) {
      const texts = embeddingTexts(request, NAME);
      const { body } = await upstream.json(NAME, {
        url: url('batchEmbedContents'),
        headers,
        body: {
          requests: texts.map((text) => ({
            model: resource,
            content: { parts: [{ text }] },
            ...(request.dimensions ? { outputDimensionality: request.dimensions } : {}),
          })),
        },
        signal: call.signal,
        timeoutMs: call.timeoutMs,
      });
      const parsed = readWire(geminiBatchEmbedContentsResponseSchema, body, 'batchEmbedContents response');
      if (parsed.embeddings.length !== texts.length) {
        throw new GatewayError('upstream', `Gemini answered ${parsed.embeddings.length} embeddings for ${texts.length} inputs.`, { provider: NAME });
      }
      // Gemini reports no token counts for embeddings.
      return embeddingsResponse(
        parsed.embeddings.map((e) => e.values),
        request,
        model,
        null,
      );
    },

    accepts(request: Pick<PassthroughRequest, 'vendor' | 'operation'>): boolean {
      return request.vendor === 'gemini' && /^[^:]+:(generateContent|streamGenerateContent)$/.test(request.operation);
    },

    async passthrough(request: PassthroughRequest, call: ProviderCall): Promise<PassthroughResponse | undefined> {
      if (request.vendor !== 'gemini') return undefined;
      const method = /^[^:]+:(generateContent|streamGenerateContent)$/.exec(request.operation)?.[1] as Method | undefined;
      if (!method) return undefined;
      // The caller's own `key` must not reach Google; the endpoint's key goes in the header.
      const query = new URLSearchParams(Object.entries(request.query ?? {}).filter(([k]) => k !== 'key'));
      const body = 'model' in request.body ? { ...request.body, model: resource } : request.body;
      const res = await upstream.send(NAME, {
        url: url(method, query.size ? `?${query.toString()}` : ''),
        headers,
        body,
        signal: call.signal,
        timeoutMs: call.timeoutMs,
      });
      const forwarded: Record<string, string> = {};
      for (const h of FORWARDED_HEADERS) if (res.headers[h] !== undefined) forwarded[h] = res.headers[h];
      return { status: res.status, headers: forwarded, body: res.body };
    },
  };
}

export const geminiProvider = defineProvider({
  name: NAME,
  configSchema,
  endpointTypes: ['llm/v1/chat', 'llm/v1/completions', 'llm/v1/embeddings'],
  create({ model, config, upstream }) {
    return createGeminiProvider(model, config, upstream);
  },
});
