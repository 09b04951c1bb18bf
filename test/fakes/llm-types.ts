/**
 * Vendor-neutral description of what a fake LLM upstream answers. The wire modules
 * (`openai-wire.ts`, `anthropic-wire.ts`, `gemini-wire.ts`, `azure-wire.ts`, `mistral-wire.ts`,
 * `cohere-wire.ts`, `mlflow-serving-wire.ts`) render a `FakeReply` in each vendor's exact JSON /
 * SSE format; `llm-upstreams.ts` serves them over HTTP.
 */

export type FakeVendor = 'openai' | 'anthropic' | 'gemini' | 'azure' | 'mistral' | 'cohere' | 'mlflow-serving';

/** Which endpoint a request hit, named after the vendor's API. */
export type FakeOperation =
  | 'openai.chat.completions'
  | 'openai.completions'
  | 'openai.embeddings'
  | 'openai.responses'
  | 'anthropic.messages'
  | 'gemini.generateContent'
  | 'gemini.streamGenerateContent'
  | 'gemini.embedContent'
  | 'gemini.batchEmbedContents'
  | 'azure.chat.completions'
  | 'azure.completions'
  | 'azure.embeddings'
  | 'mistral.chat.completions'
  | 'mistral.embeddings'
  | 'cohere.chat'
  | 'cohere.embed'
  /** An MLflow model server's `/invocations` serving a text model: predictions are strings. */
  | 'mlflow-serving.invocations'
  /** The same, serving an embeddings model: predictions are float vectors. */
  | 'mlflow-serving.embeddings';

export interface FakeToolCall {
  /** Vendor call id; generated (`call_…`, `toolu_…`) when absent. */
  id?: string;
  name: string;
  arguments: Record<string, unknown>;
}

/** An error answered in the vendor's error JSON (HTTP status + body). */
export interface FakeError {
  status: number;
  message: string;
  /** Vendor error type/status string; derived from `status` when absent (e.g. `invalid_request_error`, `NOT_FOUND`). */
  type?: string;
  /** OpenAI's `error.code` (e.g. `model_not_found`). */
  code?: string;
  /** Seconds; sent as the `Retry-After` header of the error response (vendors send it on 429s). */
  retryAfter?: number;
}

export interface FakeReply {
  /** Assistant text. Default: `Echo: <last user text>` (chat) or a completion of the prompt. */
  text?: string;
  toolCalls?: FakeToolCall[];
  /** Token counts. Default: whitespace-separated words of the input / output text. */
  usage?: { inputTokens: number; outputTokens: number; cachedInputTokens?: number };
  /**
   * The vendor's own finish reason, verbatim (Cohere `MAX_TOKENS`, Mistral `length`, ...).
   * Default: the vendor's normal stop or tool-call reason. Honoured by the Mistral and Cohere fakes.
   */
  finishReason?: string;
  /** Model named in the response. Default: the request's model. */
  model?: string;
  /** Answer this HTTP error instead of a result. */
  error?: FakeError;
  /** Answer this JSON verbatim (HTTP 200, no streaming) instead of rendering a result: malformed upstream answers. */
  rawBody?: unknown;
  /** Streaming only: send the first `chunksBeforeError` data chunks (default 1), then this error in-band. */
  streamError?: FakeError;
  chunksBeforeError?: number;
  /** Characters per streamed text delta (default 8). */
  chunkSize?: number;
}

/** One request as the fake saw it. Headers are kept verbatim (tests check what clients send). */
export interface FakeRequest {
  vendor: FakeVendor;
  operation: FakeOperation;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
  /** The model the request names (body `model`, the Gemini path segment, or the Azure deployment; `''` for MLflow model servers). */
  model: string;
  stream: boolean;
}

/** Everything a wire renderer needs: the request, the reply to render, and stable ids. */
export interface RenderContext {
  request: FakeRequest;
  reply: FakeReply;
  /** Text of the request's inputs, for default replies and default token counts. */
  inputText: string;
  /** Unique per request (`0001`, `0002`, ...), used in response ids. */
  seq: string;
  /** Unix seconds, fixed per request. */
  created: number;
}

/** One server-sent event: `event:` line (when set) and one `data:` line. */
export interface SseEvent {
  event?: string;
  data: string;
}

export function wordCount(text: string): number {
  const t = text.trim();
  return t === '' ? 0 : t.split(/\s+/).length;
}

export function replyText(ctx: RenderContext): string {
  if (ctx.reply.text !== undefined) return ctx.reply.text;
  if (ctx.reply.toolCalls?.length) return '';
  return `Echo: ${ctx.inputText}`;
}

export function replyUsage(ctx: RenderContext): { inputTokens: number; outputTokens: number; cachedInputTokens: number } {
  const u = ctx.reply.usage;
  if (u) return { inputTokens: u.inputTokens, outputTokens: u.outputTokens, cachedInputTokens: u.cachedInputTokens ?? 0 };
  const toolWords = (ctx.reply.toolCalls ?? []).reduce((n, c) => n + wordCount(`${c.name} ${JSON.stringify(c.arguments)}`), 0);
  return { inputTokens: wordCount(ctx.inputText), outputTokens: wordCount(replyText(ctx)) + toolWords, cachedInputTokens: 0 };
}

export function replyModel(ctx: RenderContext): string {
  return ctx.reply.model ?? ctx.request.model;
}

/** Splits text into deltas of `size` characters; none for empty text. */
export function splitText(text: string, size: number): string[] {
  if (text === '') return [];
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

/** Deterministic unit-length embedding of `text`, so equal inputs give equal vectors. */
export function fakeEmbedding(text: string, dimensions: number): number[] {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  const raw: number[] = [];
  for (let i = 0; i < dimensions; i++) {
    h = Math.imul(h ^ (h >>> 15), 2246822519) >>> 0;
    raw.push((h / 0xffffffff) * 2 - 1);
  }
  const norm = Math.hypot(...raw) || 1;
  // Rounded through float32 so base64 (float32) and JSON encodings agree exactly.
  return raw.map((v) => Math.fround(v / norm));
}

/** Float32 little-endian, base64: OpenAI's `encoding_format: "base64"` (and Mistral's, Cohere's `base64` type). */
export function base64Float32(values: number[]): string {
  return Buffer.from(new Float32Array(values).buffer).toString('base64');
}
