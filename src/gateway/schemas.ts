/**
 * The gateway's one internal language: MLflow's unified chat / completions / embeddings schemas
 * (wire §8.5), which are OpenAI's Chat Completions shapes. Every front translates into these and
 * every provider translates out of them, so N fronts × M providers needs N + M translators.
 *
 * Requests are zod schemas (they arrive from callers); responses and chunks are plain types (we
 * build them). Unknown request fields pass through (`looseObject`): MLflow forwards extra fields.
 */
import { z } from 'zod';

const textPart = z.looseObject({ type: z.literal('text'), text: z.string() });
const imagePart = z.looseObject({
  type: z.literal('image_url'),
  image_url: z.looseObject({ url: z.string(), detail: z.string().optional() }),
});
const audioPart = z.looseObject({
  type: z.literal('input_audio'),
  input_audio: z.looseObject({ data: z.string(), format: z.string() }),
});
export const contentPartSchema = z.union([textPart, imagePart, audioPart]);
export type ContentPart = z.infer<typeof contentPartSchema>;

export const toolCallSchema = z.looseObject({
  id: z.string(),
  type: z.literal('function').default('function'),
  function: z.looseObject({ name: z.string(), arguments: z.string() }),
});
export type ToolCall = z.infer<typeof toolCallSchema>;

export const chatMessageSchema = z.looseObject({
  role: z.enum(['system', 'developer', 'user', 'assistant', 'tool']),
  content: z.union([z.string(), z.array(contentPartSchema), z.null()]).optional(),
  name: z.string().optional(),
  tool_calls: z.array(toolCallSchema).nullish(),
  tool_call_id: z.string().optional(),
  refusal: z.string().nullish(),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

export const toolSchema = z.looseObject({
  type: z.enum(['function', 'uc_function']).default('function'),
  function: z.looseObject({
    name: z.string().min(1),
    description: z.string().optional(),
    parameters: z.record(z.string(), z.unknown()).optional(),
    strict: z.boolean().nullish(),
  }),
});
export type ToolDefinition = z.infer<typeof toolSchema>;

export const toolChoiceSchema = z.union([
  z.enum(['none', 'auto', 'required']),
  z.looseObject({ type: z.literal('function'), function: z.looseObject({ name: z.string() }) }),
]);
export type ToolChoice = z.infer<typeof toolChoiceSchema>;

/** OpenAI takes `stop` as a string or a list; MLflow as a list. Normalised to a list. */
const stopSchema = z
  .union([z.string(), z.array(z.string()).min(1)])
  .transform((s) => (typeof s === 'string' ? [s] : s));

/** Sampling fields shared by chat and completions, with MLflow's bounds. */
const samplingFields = {
  temperature: z.number().min(0).max(2).optional(),
  top_p: z.number().min(0).max(1).optional(),
  top_k: z.int().min(1).optional(),
  n: z.int().min(1).optional(),
  stop: stopSchema.optional(),
  max_tokens: z.int().min(1).optional(),
  max_completion_tokens: z.int().min(1).optional(),
  presence_penalty: z.number().min(-2).max(2).optional(),
  frequency_penalty: z.number().min(-2).max(2).optional(),
  seed: z.int().optional(),
  user: z.string().optional(),
  stream: z.boolean().optional(),
  stream_options: z.looseObject({ include_usage: z.boolean().optional() }).nullish(),
  model: z.string().optional(),
};

export const responseFormatSchema = z.looseObject({
  type: z.enum(['text', 'json_object', 'json_schema']),
  json_schema: z.looseObject({ name: z.string().optional(), schema: z.record(z.string(), z.unknown()).optional(), strict: z.boolean().nullish() }).optional(),
});

export const chatRequestSchema = z.looseObject({
  ...samplingFields,
  messages: z.array(chatMessageSchema).min(1),
  response_format: responseFormatSchema.optional(),
  tools: z.array(toolSchema).optional(),
  tool_choice: toolChoiceSchema.optional(),
  parallel_tool_calls: z.boolean().optional(),
});
export type ChatRequest = z.infer<typeof chatRequestSchema>;

export const completionsRequestSchema = z.looseObject({
  ...samplingFields,
  prompt: z.string(),
});
export type CompletionsRequest = z.infer<typeof completionsRequestSchema>;

export const embeddingsRequestSchema = z.looseObject({
  input: z.union([z.string(), z.array(z.string()).min(1), z.array(z.int()).min(1), z.array(z.array(z.int()).min(1)).min(1)]),
  encoding_format: z.enum(['float', 'base64']).optional(),
  dimensions: z.int().min(1).optional(),
  model: z.string().optional(),
  user: z.string().optional(),
});
export type EmbeddingsRequest = z.infer<typeof embeddingsRequestSchema>;

export interface Usage {
  prompt_tokens: number | null;
  completion_tokens: number | null;
  total_tokens: number | null;
}

export interface ChatResponse {
  id: string;
  object: 'chat.completion';
  created: number;
  model: string;
  choices: {
    index: number;
    message: { role: 'assistant'; content: string | null; tool_calls?: ToolCall[] | null; refusal?: string | null };
    finish_reason: string | null;
  }[];
  usage: Usage;
}

/** A streamed tool-call fragment: the first carries id and name, later ones argument text. */
export interface ToolCallDelta {
  index: number;
  id?: string;
  type?: 'function';
  function: { name?: string; arguments?: string };
}

export interface ChatChunk {
  id: string;
  object: 'chat.completion.chunk';
  created: number;
  model: string;
  choices: {
    index: number;
    delta: { role?: 'assistant'; content?: string | null; tool_calls?: ToolCallDelta[] };
    finish_reason: string | null;
  }[];
  /** Sent once, on the last chunk (MLflow and OpenAI's `include_usage`). */
  usage?: Usage | null;
}

export interface CompletionsResponse {
  id: string;
  object: 'text_completion';
  created: number;
  model: string;
  choices: { index: number; text: string; finish_reason: string | null }[];
  usage: Usage;
}

export interface CompletionsChunk {
  id: string;
  object: 'text_completion_chunk';
  created: number;
  model: string;
  choices: { index: number; text: string; finish_reason: string | null }[];
  usage?: Usage | null;
}

export interface EmbeddingsResponse {
  object: 'list';
  data: { object: 'embedding'; embedding: number[] | string; index: number }[];
  model: string;
  usage: { prompt_tokens: number | null; total_tokens: number | null };
}

export const ENDPOINT_TYPES = ['llm/v1/chat', 'llm/v1/completions', 'llm/v1/embeddings'] as const;
export type EndpointType = (typeof ENDPOINT_TYPES)[number];
