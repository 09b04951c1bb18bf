/**
 * The Gemini front: Google's `models/<endpoint>:generateContent` and `:streamGenerateContent`
 * (v1beta) served from the unified chat schema, so `@google/genai` works whatever provider backs
 * the endpoint. An endpoint backed by Gemini itself is forwarded verbatim by the route instead.
 *
 * Gemini links a function result to its call by name and order (and by `id` when the client sets
 * one); the unified schema links by id. Calls without an id get ids from their position
 * (`call_<content>_<part>`), so the same request always translates the same way, and each
 * `functionResponse` takes the id of the earliest unanswered call of the same name.
 */
import { asGatewayError, GatewayError } from '../errors.ts';
import { chatRequestSchema, type ChatChunk, type ChatResponse, type ToolCall, type Usage } from '../schemas.ts';
import type { SseEvent } from '../upstream.ts';
import {
  geminiGenerateContentRequestSchema,
  geminiStatusName,
  type GeminiContent,
  type GeminiErrorBody,
  type GeminiGenerateContentRequest,
  type GeminiPart,
  type GeminiResponse,
  type GeminiResponseCandidate,
  type GeminiResponsePart,
} from '../vendors/gemini.ts';
import type { ChatFront, ParsedFrontRequest, RenderContext } from './front.ts';

type Json = Record<string, unknown>;

function invalid(message: string): GatewayError {
  return new GatewayError('invalid_request', message);
}

function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

// ---------------------------------------------------------------- request: Gemini → unified

const SCHEMA_MAPS = new Set(['properties', '$defs', 'definitions', 'patternProperties']);
const SCHEMA_VALUES = new Set(['items', 'anyOf', 'oneOf', 'allOf', 'not', 'additionalProperties', 'prefixItems']);

/**
 * Google's OpenAPI-subset schema (`type: "OBJECT"`, `nullable`) as plain JSON Schema, which is
 * what the unified schema (OpenAI's) carries. Property names are never touched.
 */
export function jsonSchemaFromGemini(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(jsonSchemaFromGemini);
  if (!isObject(schema)) return schema;
  const out: Json = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k === 'type' && typeof v === 'string') {
      if (v !== 'TYPE_UNSPECIFIED') out.type = v.toLowerCase();
    } else if (k === 'nullable' || k === 'propertyOrdering') {
      // nullable is folded into `type` below; ordering has no JSON Schema keyword.
    } else if (SCHEMA_MAPS.has(k) && isObject(v)) {
      out[k] = Object.fromEntries(Object.entries(v).map(([name, s]) => [name, jsonSchemaFromGemini(s)]));
    } else if (SCHEMA_VALUES.has(k)) {
      out[k] = jsonSchemaFromGemini(v);
    } else {
      out[k] = v;
    }
  }
  if (schema.nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];
  return out;
}

function mediaPart(part: GeminiPart): Json | undefined {
  if (part.inlineData) {
    const { mimeType, data } = part.inlineData;
    if (mimeType.startsWith('audio/')) {
      const sub = mimeType.slice('audio/'.length).split(';')[0] ?? '';
      return { type: 'input_audio', input_audio: { data, format: sub === 'mpeg' ? 'mp3' : sub } };
    }
    // Images and documents alike travel as data URLs; a provider that cannot take the type says so.
    return { type: 'image_url', image_url: { url: `data:${mimeType};base64,${data}` } };
  }
  if (part.fileData) return { type: 'image_url', image_url: { url: part.fileData.fileUri } };
  return undefined;
}

/** The text of a `functionResponse.response`: `{content: "..."}` unwraps to its text, anything else is JSON. */
function toolResultText(response: Json | undefined): string {
  if (response && Object.keys(response).length === 1 && typeof response.content === 'string') return response.content;
  return JSON.stringify(response ?? {});
}

function unsupportedPart(part: GeminiPart, where: string): GatewayError {
  const kinds = Object.keys(part).filter((k) => k !== 'thoughtSignature' && k !== 'thought');
  return invalid(
    `${where}: ${kinds.length ? kinds.join(', ') : 'an empty part'} cannot be translated for this endpoint's provider. Send text, inlineData, fileData, functionCall or functionResponse parts.`,
  );
}

interface PendingCall {
  id: string;
  name: string;
  answered: boolean;
}

function messagesFromContents(req: GeminiGenerateContentRequest): Json[] {
  const messages: Json[] = [];
  const system = (req.systemInstruction?.parts ?? []).flatMap((p) => (typeof p.text === 'string' && p.text !== '' ? [p.text] : []));
  if (system.length === 1) messages.push({ role: 'system', content: system[0] });
  else if (system.length > 1) messages.push({ role: 'system', content: system.map((text) => ({ type: 'text', text })) });

  const calls: PendingCall[] = [];
  req.contents.forEach((content: GeminiContent, i) => {
    const role = content.role ?? 'user';
    const parts = content.parts ?? [];
    if (role === 'model') {
      const texts: string[] = [];
      const toolCalls: Json[] = [];
      parts.forEach((part, j) => {
        if (part.thought === true) return;
        if (typeof part.text === 'string') texts.push(part.text);
        else if (part.functionCall) {
          const { id, name, args } = part.functionCall;
          const callId = id ?? `call_${i}_${j}`;
          calls.push({ id: callId, name, answered: false });
          toolCalls.push({
            id: callId,
            type: 'function',
            function: { name, arguments: JSON.stringify(args ?? {}) },
            ...(part.thoughtSignature ? { extra_content: { google: { thought_signature: part.thoughtSignature } } } : {}),
          });
        } else if (part.thoughtSignature === undefined) throw unsupportedPart(part, `contents[${i}].parts[${j}]`);
      });
      const text = texts.join('');
      if (text === '' && toolCalls.length === 0) return;
      messages.push({ role: 'assistant', content: text === '' ? null : text, ...(toolCalls.length ? { tool_calls: toolCalls } : {}) });
      return;
    }
    if (role !== 'user' && role !== 'function') throw invalid(`contents[${i}].role must be "user" or "model", not ${JSON.stringify(role)}.`);

    // Tool results answer the previous model turn, so they come before this turn's own text.
    const userParts: Json[] = [];
    parts.forEach((part, j) => {
      const where = `contents[${i}].parts[${j}]`;
      if (part.functionResponse) {
        const { id, name, response } = part.functionResponse;
        const call = (id !== undefined ? calls.find((c) => c.id === id) : undefined) ?? calls.find((c) => !c.answered && c.name === name);
        if (!call && id === undefined) throw invalid(`${where}: functionResponse "${name}" answers no earlier functionCall of that name. Send the model turn with the call first.`);
        if (call) call.answered = true;
        messages.push({ role: 'tool', tool_call_id: call?.id ?? id, content: toolResultText(response) });
      } else if (typeof part.text === 'string') {
        if (part.text !== '') userParts.push({ type: 'text', text: part.text });
      } else {
        const media = mediaPart(part);
        if (!media) throw unsupportedPart(part, where);
        userParts.push(media);
      }
    });
    if (userParts.length === 0) return;
    const only = userParts[0];
    messages.push({ role: 'user', content: userParts.length === 1 && only?.type === 'text' ? only.text : userParts });
  });
  return messages;
}

function toolsFrom(req: GeminiGenerateContentRequest): { tools?: Json[]; tool_choice?: unknown } {
  const tools: Json[] = [];
  (req.tools ?? []).forEach((tool, i) => {
    const other = Object.keys(tool).filter((k) => k !== 'functionDeclarations');
    if (other.length) {
      throw invalid(`tools[${i}]: ${other.join(', ')} is a Gemini built-in tool that this endpoint's provider cannot run. Send functionDeclarations only, or use an endpoint backed by Gemini.`);
    }
    for (const f of tool.functionDeclarations ?? []) {
      const parameters = f.parametersJsonSchema ?? (f.parameters ? jsonSchemaFromGemini(f.parameters) : undefined);
      tools.push({ type: 'function', function: { name: f.name, ...(f.description ? { description: f.description } : {}), ...(parameters ? { parameters } : {}) } });
    }
  });
  if (tools.length === 0) return {};

  const config = req.toolConfig?.functionCallingConfig;
  const allowed = config?.allowedFunctionNames ?? [];
  switch (config?.mode) {
    case 'AUTO':
    case 'VALIDATED':
      return { tools, tool_choice: 'auto' };
    case 'NONE':
      return { tools, tool_choice: 'none' };
    case 'ANY': {
      if (allowed.length === 1) return { tools, tool_choice: { type: 'function', function: { name: allowed[0] } } };
      // "Call one of these" is "call one" over just these tools.
      const subset = allowed.length ? tools.filter((t) => allowed.includes((t.function as { name: string }).name)) : tools;
      return { tools: subset.length ? subset : tools, tool_choice: 'required' };
    }
    default:
      return { tools };
  }
}

function responseFormatFrom(config: GeminiGenerateContentRequest['generationConfig']): Json | undefined {
  const mime = config?.responseMimeType;
  if (mime === undefined || mime === 'text/plain') return undefined;
  if (mime !== 'application/json') throw invalid(`generationConfig.responseMimeType ${JSON.stringify(mime)} cannot be translated; use "application/json" or "text/plain".`);
  const schema = config?.responseJsonSchema ?? (config?.responseSchema ? jsonSchemaFromGemini(config.responseSchema) : undefined);
  return schema ? { type: 'json_schema', json_schema: { name: 'response', schema } } : { type: 'json_object' };
}

/** Unified request fields back to the Gemini names a caller sent, for error messages. */
const GEMINI_FIELD: Record<string, string> = {
  messages: 'contents',
  temperature: 'generationConfig.temperature',
  top_p: 'generationConfig.topP',
  top_k: 'generationConfig.topK',
  n: 'generationConfig.candidateCount',
  max_tokens: 'generationConfig.maxOutputTokens',
  stop: 'generationConfig.stopSequences',
  presence_penalty: 'generationConfig.presencePenalty',
  frequency_penalty: 'generationConfig.frequencyPenalty',
  seed: 'generationConfig.seed',
  tools: 'tools',
};

function parseGenerateContent(body: unknown, hints?: { stream?: boolean }): ParsedFrontRequest {
  const wire = geminiGenerateContentRequestSchema.safeParse(body);
  if (!wire.success) {
    const issue = wire.error.issues[0];
    throw invalid(`Invalid generateContent request: ${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}.`);
  }
  const req = wire.data;
  if (req.cachedContent !== undefined) throw invalid('cachedContent cannot be translated: the cached prompt lives at Google. Send the contents themselves, or use an endpoint backed by Gemini.');
  const g = req.generationConfig;
  const stream = hints?.stream ?? false;
  const candidate: Json = {
    messages: messagesFromContents(req),
    ...toolsFrom(req),
    temperature: g?.temperature,
    top_p: g?.topP,
    top_k: g?.topK,
    n: g?.candidateCount,
    max_tokens: g?.maxOutputTokens,
    stop: g?.stopSequences?.length ? g.stopSequences : undefined,
    presence_penalty: g?.presencePenalty,
    frequency_penalty: g?.frequencyPenalty,
    seed: g?.seed,
    response_format: responseFormatFrom(g),
    stream,
    // Gemini reports usage on the last stream event, so ask every provider for it.
    ...(stream ? { stream_options: { include_usage: true } } : {}),
  };
  for (const k of Object.keys(candidate)) if (candidate[k] === undefined) delete candidate[k];
  const parsed = chatRequestSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const [head, ...rest] = issue?.path ?? [];
    const field = typeof head === 'string' ? (GEMINI_FIELD[head] ?? head) : 'body';
    const where = head === 'messages' ? 'contents' : [field, ...rest].join('.');
    const hint = head === 'messages' && rest.length === 0 ? ' (send at least one user turn with text or media)' : '';
    throw invalid(`Invalid generateContent request: ${where}: ${issue?.message ?? 'invalid'}${hint}.`);
  }
  return { request: parsed.data, stream };
}

// ---------------------------------------------------------------- response: unified → Gemini

export function geminiFinishReason(reason: string | null | undefined): string | undefined {
  switch (reason) {
    case null:
    case undefined:
      return undefined;
    case 'stop':
    case 'tool_calls':
    case 'function_call':
      return 'STOP';
    case 'length':
      return 'MAX_TOKENS';
    case 'content_filter':
      return 'SAFETY';
    default:
      return 'OTHER';
  }
}

function usageMetadata(usage: Usage | null | undefined): GeminiResponse['usageMetadata'] {
  if (!usage) return undefined;
  const out: NonNullable<GeminiResponse['usageMetadata']> = {};
  if (usage.prompt_tokens !== null) out.promptTokenCount = usage.prompt_tokens;
  if (usage.completion_tokens !== null) out.candidatesTokenCount = usage.completion_tokens;
  if (usage.total_tokens !== null) out.totalTokenCount = usage.total_tokens;
  return Object.keys(out).length ? out : undefined;
}

/** Tool-call arguments as Gemini's `args` object; text that is not a JSON object is kept whole under `arguments`. */
function argsObject(text: string): Json {
  if (text.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (isObject(parsed)) return parsed;
  } catch {
    // Models do emit broken JSON now and then; the caller still gets the text.
  }
  return { arguments: text };
}

function functionCallPart(call: { id?: string | undefined; name: string; arguments: string; extra?: unknown }): GeminiResponsePart {
  const sig = (call.extra as { google?: { thought_signature?: unknown } } | undefined)?.google?.thought_signature;
  return {
    functionCall: { ...(call.id ? { id: call.id } : {}), name: call.name, args: argsObject(call.arguments) },
    ...(typeof sig === 'string' ? { thoughtSignature: sig } : {}),
  };
}

function renderResponse(response: ChatResponse, ctx: RenderContext): GeminiResponse {
  const candidates = response.choices.map((c): GeminiResponseCandidate => {
    const parts: GeminiResponsePart[] = [];
    const text = c.message.content ?? c.message.refusal ?? '';
    if (text !== '') parts.push({ text });
    for (const call of c.message.tool_calls ?? []) {
      parts.push(functionCallPart({ id: call.id, name: call.function.name, arguments: call.function.arguments, extra: (call as ToolCall & { extra_content?: unknown }).extra_content }));
    }
    const finishReason = geminiFinishReason(c.finish_reason ?? 'stop');
    return { content: { role: 'model', parts }, ...(finishReason ? { finishReason } : {}), index: c.index };
  });
  const usage = usageMetadata(response.usage);
  return {
    candidates,
    ...(usage ? { usageMetadata: usage } : {}),
    modelVersion: response.model || ctx.requestedModel,
    responseId: response.id,
  };
}

export function geminiErrorBody(error: GatewayError): GeminiErrorBody {
  return { error: { code: error.status, message: error.message, status: geminiStatusName(error.status) } };
}

interface PendingToolCall {
  id?: string;
  name: string;
  arguments: string;
  extra?: unknown;
}

async function* renderChunks(chunks: AsyncIterable<ChatChunk>, ctx: RenderContext): AsyncGenerator<SseEvent> {
  let responseId: string | undefined;
  let model = ctx.requestedModel;
  let usage: Usage | null | undefined;
  // Gemini sends each function call whole; unified streams send fragments, so calls wait for the end.
  const calls = new Map<number, Map<number, PendingToolCall>>();
  const finish = new Map<number, string | null>();
  const event = (body: Omit<GeminiResponse, 'modelVersion' | 'responseId'>): SseEvent => ({
    data: JSON.stringify({ ...body, modelVersion: model, responseId: responseId ?? '' }),
  });

  try {
    for await (const chunk of chunks) {
      responseId ??= chunk.id;
      if (chunk.model) model = chunk.model;
      if (chunk.usage) usage = chunk.usage;
      const candidates: GeminiResponseCandidate[] = [];
      for (const choice of chunk.choices) {
        const text = choice.delta.content;
        if (text) candidates.push({ content: { role: 'model', parts: [{ text }] }, index: choice.index });
        for (const d of choice.delta.tool_calls ?? []) {
          const byIndex = calls.get(choice.index) ?? new Map<number, PendingToolCall>();
          calls.set(choice.index, byIndex);
          const pending = byIndex.get(d.index);
          const extra = (d as { extra_content?: unknown }).extra_content;
          if (!pending) byIndex.set(d.index, { id: d.id, name: d.function.name ?? '', arguments: d.function.arguments ?? '', extra });
          else {
            pending.id ??= d.id;
            if (d.function.name) pending.name ||= d.function.name;
            pending.arguments += d.function.arguments ?? '';
            pending.extra ??= extra;
          }
        }
        if (choice.finish_reason) finish.set(choice.index, choice.finish_reason);
        else if (!finish.has(choice.index)) finish.set(choice.index, null);
      }
      if (candidates.length) yield event({ candidates });
    }
  } catch (err) {
    // Google reports a failed stream as one more data event holding its error body.
    yield { data: JSON.stringify(geminiErrorBody(asGatewayError(err))) };
    return;
  }

  const indexes = [...new Set([...finish.keys(), ...calls.keys()])].sort((a, b) => a - b);
  const candidates = (indexes.length ? indexes : [0]).map((index): GeminiResponseCandidate => {
    const parts: GeminiResponsePart[] = [...(calls.get(index)?.values() ?? [])].map(functionCallPart);
    // Google's closing event carries an empty text part when it has nothing else.
    if (parts.length === 0) parts.push({ text: '' });
    return { content: { role: 'model', parts }, finishReason: geminiFinishReason(finish.get(index) ?? 'stop') ?? 'STOP', index };
  });
  const meta = usageMetadata(usage);
  yield event({ candidates, ...(meta ? { usageMetadata: meta } : {}) });
}

export const geminiFront: ChatFront = {
  name: 'gemini',
  parse: parseGenerateContent,
  render: renderResponse,
  renderStream: renderChunks,
  errorBody: geminiErrorBody,
};

