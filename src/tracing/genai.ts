/**
 * Helpers for LLM integrations: they write MLflow's attribute keys (what MLflow's UI and trace
 * aggregation read) together with the OpenTelemetry GenAI semantic-convention attributes (what
 * other OTel tooling reads), so each integration records the same facts the same way.
 */
import { CHUNK_EVENT_PREFIX, GenAiAttributeKey, SpanAttributeKey } from './constants.ts';
import type { LiveSpan } from './span.ts';
import type { TokenUsage } from './trace.ts';

export interface TokenUsageInput {
  input_tokens?: number | null;
  output_tokens?: number | null;
  /** Default input + output. */
  total_tokens?: number | null;
  cache_read_input_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
}

const count = (n: number | null | undefined): number | undefined => (typeof n === 'number' && Number.isFinite(n) ? n : undefined);

/**
 * Records an LLM call's token counts: `mlflow.chat.tokenUsage` (summed into the trace's
 * `mlflow.trace.tokenUsage` at export) and `gen_ai.usage.input_tokens` / `output_tokens`.
 * Missing counts are 0; returns what was recorded.
 */
export function recordTokenUsage(span: LiveSpan, usage: TokenUsageInput): TokenUsage {
  const input = count(usage.input_tokens) ?? 0;
  const output = count(usage.output_tokens) ?? 0;
  const recorded: TokenUsage = { input_tokens: input, output_tokens: output, total_tokens: count(usage.total_tokens) ?? input + output };
  const cacheRead = count(usage.cache_read_input_tokens);
  const cacheCreation = count(usage.cache_creation_input_tokens);
  if (cacheRead !== undefined) recorded.cache_read_input_tokens = cacheRead;
  if (cacheCreation !== undefined) recorded.cache_creation_input_tokens = cacheCreation;
  span.setAttribute(SpanAttributeKey.TOKEN_USAGE, recorded);
  span.setAttribute(GenAiAttributeKey.USAGE_INPUT_TOKENS, input);
  span.setAttribute(GenAiAttributeKey.USAGE_OUTPUT_TOKENS, output);
  return recorded;
}

export interface LlmRequestInfo {
  /** The requested model (`mlflow.llm.model`, `gen_ai.request.model`). */
  model?: string;
  /** Provider id, e.g. `openai`, `anthropic`, `gemini` (`mlflow.llm.provider`, `gen_ai.provider.name`). */
  provider?: string;
  /** `chat`, `text_completion`, `embeddings`, ... (`gen_ai.operation.name`). */
  operation?: string;
  temperature?: number;
  maxTokens?: number;
  topP?: number;
  /** The message schema of inputs/outputs for MLflow's chat view (`mlflow.message.format`), e.g. `openai`. */
  messageFormat?: string;
}

/** Records what was asked of the model. Undefined fields are left out. */
export function recordLlmRequest(span: LiveSpan, info: LlmRequestInfo): void {
  if (info.model !== undefined) {
    span.setAttribute(SpanAttributeKey.MODEL, info.model);
    span.setAttribute(GenAiAttributeKey.REQUEST_MODEL, info.model);
  }
  if (info.provider !== undefined) {
    span.setAttribute(SpanAttributeKey.MODEL_PROVIDER, info.provider);
    span.setAttribute(GenAiAttributeKey.PROVIDER_NAME, info.provider);
  }
  if (info.operation !== undefined) span.setAttribute(GenAiAttributeKey.OPERATION_NAME, info.operation);
  if (info.temperature !== undefined) span.setAttribute(GenAiAttributeKey.REQUEST_TEMPERATURE, info.temperature);
  if (info.maxTokens !== undefined) span.setAttribute(GenAiAttributeKey.REQUEST_MAX_TOKENS, info.maxTokens);
  if (info.topP !== undefined) span.setAttribute(GenAiAttributeKey.REQUEST_TOP_P, info.topP);
  if (info.messageFormat !== undefined) span.setAttribute(SpanAttributeKey.MESSAGE_FORMAT, info.messageFormat);
}

export interface LlmResponseInfo {
  /** The model that answered (`gen_ai.response.model`). */
  model?: string;
  id?: string;
  finishReasons?: string[];
}

/** Records facts of the model's answer. Undefined fields are left out. */
export function recordLlmResponse(span: LiveSpan, info: LlmResponseInfo): void {
  if (info.model !== undefined) span.setAttribute(GenAiAttributeKey.RESPONSE_MODEL, info.model);
  if (info.id !== undefined) span.setAttribute(GenAiAttributeKey.RESPONSE_ID, info.id);
  if (info.finishReasons !== undefined) span.setAttribute(GenAiAttributeKey.RESPONSE_FINISH_REASONS, info.finishReasons);
}

/** The tools offered to the model (`mlflow.chat.tools`), in OpenAI's `{type: "function", function: {...}}` form. */
export function setChatTools(span: LiveSpan, tools: readonly unknown[]): void {
  span.setAttribute(SpanAttributeKey.CHAT_TOOLS, tools);
}

export interface LlmCost {
  input_cost: number;
  output_cost: number;
  total_cost?: number;
}

/** The call's cost in USD (`mlflow.llm.cost`). */
export function recordLlmCost(span: LiveSpan, cost: LlmCost): void {
  span.setAttribute(SpanAttributeKey.LLM_COST, { ...cost, total_cost: cost.total_cost ?? cost.input_cost + cost.output_cost });
}

/** One streamed chunk, as MLflow records them: event `mlflow.chunk.item.<index>` with `mlflow.chunk.value`. */
export function recordStreamChunk(span: LiveSpan, index: number, chunk: unknown): void {
  span.addEvent({ name: `${CHUNK_EVENT_PREFIX}${index}`, attributes: { [SpanAttributeKey.CHUNK_VALUE]: chunk } });
}
