/**
 * The Gemini API's wire format (`v1beta`): `GenerateContentResponse` JSON (camelCase),
 * `:streamGenerateContent?alt=sse` as `data: {...}` events (CRLF-separated, as Google sends them),
 * `:embedContent` / `:batchEmbedContents`, and `{"error":{"code","message","status"}}` bodies.
 */
import {
  fakeEmbedding,
  replyModel,
  replyText,
  replyUsage,
  splitText,
  type FakeError,
  type RenderContext,
  type SseEvent,
} from './llm-types.ts';

export function geminiErrorStatus(status: number): string {
  switch (status) {
    case 400:
      return 'INVALID_ARGUMENT';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'PERMISSION_DENIED';
    case 404:
      return 'NOT_FOUND';
    case 429:
      return 'RESOURCE_EXHAUSTED';
    case 503:
      return 'UNAVAILABLE';
    default:
      return status >= 500 ? 'INTERNAL' : 'FAILED_PRECONDITION';
  }
}

export function geminiErrorBody(err: FakeError): unknown {
  return { error: { code: err.status, message: err.message, status: err.type ?? geminiErrorStatus(err.status) } };
}

/** The in-band stream error: the SDK throws on a chunk that carries `error`. */
export function geminiStreamErrorEvent(err: FakeError): SseEvent {
  return { data: JSON.stringify(geminiErrorBody(err)) };
}

type Part = { text?: string };
type Content = { role?: string; parts?: Part[] };

function partsText(parts: Part[] | undefined): string {
  return (parts ?? [])
    .map((p) => (typeof p.text === 'string' ? p.text : ''))
    .filter((s) => s !== '')
    .join(' ');
}

export function geminiInputText(body: Record<string, unknown>): string {
  if (Array.isArray(body.requests)) {
    return (body.requests as { content?: Content }[]).map((r) => partsText(r.content?.parts)).join(' ');
  }
  if (body.content) return partsText((body.content as Content).parts);
  const contents = Array.isArray(body.contents) ? (body.contents as Content[]) : [];
  return partsText(contents.filter((c) => c.role === undefined || c.role === 'user').at(-1)?.parts);
}

function usageMetadata(ctx: RenderContext, withOutput: boolean): Record<string, unknown> {
  const u = replyUsage(ctx);
  const out: Record<string, unknown> = {
    promptTokenCount: u.inputTokens,
    totalTokenCount: u.inputTokens + (withOutput ? u.outputTokens : 0),
    promptTokensDetails: [{ modality: 'TEXT', tokenCount: u.inputTokens }],
  };
  if (withOutput) out.candidatesTokenCount = u.outputTokens;
  if (u.cachedInputTokens) out.cachedContentTokenCount = u.cachedInputTokens;
  return out;
}

function functionCallParts(ctx: RenderContext): Record<string, unknown>[] {
  return (ctx.reply.toolCalls ?? []).map((c) => ({ functionCall: { ...(c.id ? { id: c.id } : {}), name: c.name, args: c.arguments } }));
}

export function geminiGenerateContent(ctx: RenderContext): unknown {
  const text = replyText(ctx);
  const parts: Record<string, unknown>[] = text !== '' ? [{ text }] : [];
  parts.push(...functionCallParts(ctx));
  return {
    candidates: [{ content: { parts, role: 'model' }, finishReason: 'STOP', index: 0 }],
    usageMetadata: usageMetadata(ctx, true),
    modelVersion: replyModel(ctx),
    responseId: `fakeResp${ctx.seq}`,
  };
}

export function geminiStreamChunks(ctx: RenderContext): SseEvent[] {
  const chunk = (parts: unknown[], last: boolean): SseEvent => ({
    data: JSON.stringify({
      candidates: [{ content: { parts, role: 'model' }, ...(last ? { finishReason: 'STOP' } : {}), index: 0 }],
      usageMetadata: usageMetadata(ctx, last),
      modelVersion: replyModel(ctx),
      responseId: `fakeResp${ctx.seq}`,
    }),
  });
  const pieces = splitText(replyText(ctx), ctx.reply.chunkSize ?? 8);
  const calls = functionCallParts(ctx);
  const events = pieces.map((text, i) => chunk([{ text }], i === pieces.length - 1 && calls.length === 0));
  // Gemini sends each function call whole, in the last chunk.
  if (calls.length || events.length === 0) events.push(chunk(calls.length ? calls : [{ text: '' }], true));
  return events;
}

function dims(config: unknown): number {
  const d = (config as { outputDimensionality?: unknown } | undefined)?.outputDimensionality;
  return typeof d === 'number' ? d : 8;
}

export function geminiEmbedContent(ctx: RenderContext): unknown {
  const body = ctx.request.body;
  return { embedding: { values: fakeEmbedding(partsText((body.content as Content | undefined)?.parts), dims(body)) } };
}

export function geminiBatchEmbedContents(ctx: RenderContext): unknown {
  const requests = Array.isArray(ctx.request.body.requests) ? (ctx.request.body.requests as ({ content?: Content } & Record<string, unknown>)[]) : [];
  return { embeddings: requests.map((r) => ({ values: fakeEmbedding(partsText(r.content?.parts), dims(r)) })) };
}
