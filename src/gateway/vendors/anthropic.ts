/**
 * Anthropic's Messages API wire format (`POST /v1/messages`), as zod schemas shared by the
 * Anthropic provider (which parses Anthropic's answers and streams) and the Anthropic front (which
 * parses Anthropic-shaped requests from callers). Objects are loose: Anthropic adds fields often,
 * and a field we do not translate must not make a valid message unreadable.
 *
 * Only the parts the gateway translates are spelled out; other content blocks are named in
 * `UNTRANSLATABLE_BLOCKS` so the front can refuse them with a message instead of dropping them.
 */
import { z } from 'zod';
import type { GatewayError } from '../errors.ts';

// ---------------------------------------------------------------------------------------------
// Request side (what a Messages API caller sends)
// ---------------------------------------------------------------------------------------------

const cacheControl = z.looseObject({ type: z.string() }).nullish();

export const textBlockSchema = z.looseObject({ type: z.literal('text'), text: z.string(), cache_control: cacheControl });

export const imageSourceSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('base64'), media_type: z.string(), data: z.string() }),
  z.looseObject({ type: z.literal('url'), url: z.string() }),
  z.looseObject({ type: z.literal('file'), file_id: z.string() }),
]);

export const imageBlockSchema = z.looseObject({ type: z.literal('image'), source: imageSourceSchema, cache_control: cacheControl });

export const toolUseBlockSchema = z.looseObject({
  type: z.literal('tool_use'),
  id: z.string(),
  name: z.string(),
  input: z.record(z.string(), z.unknown()),
  cache_control: cacheControl,
});

export const toolResultBlockSchema = z.looseObject({
  type: z.literal('tool_result'),
  tool_use_id: z.string(),
  content: z.union([z.string(), z.array(z.discriminatedUnion('type', [textBlockSchema, imageBlockSchema]))]).optional(),
  is_error: z.boolean().optional(),
  cache_control: cacheControl,
});

const thinkingBlockSchema = z.looseObject({ type: z.literal('thinking'), thinking: z.string(), signature: z.string().optional() });
const redactedThinkingBlockSchema = z.looseObject({ type: z.literal('redacted_thinking'), data: z.string() });

/**
 * Blocks of Anthropic's API that have no counterpart in the unified (OpenAI chat) schema: PDFs and
 * plain-text documents, search results, server-side tool calls and their results.
 */
export const UNTRANSLATABLE_BLOCKS = [
  'document',
  'search_result',
  'server_tool_use',
  'web_search_tool_result',
  'web_fetch_tool_result',
  'code_execution_tool_result',
  'bash_code_execution_tool_result',
  'text_editor_code_execution_tool_result',
  'tool_search_tool_result',
  'mcp_tool_use',
  'mcp_tool_result',
  'container_upload',
] as const;
const untranslatableBlockSchema = z.looseObject({ type: z.enum(UNTRANSLATABLE_BLOCKS) });

export const requestBlockSchema = z.discriminatedUnion('type', [
  textBlockSchema,
  imageBlockSchema,
  toolUseBlockSchema,
  toolResultBlockSchema,
  thinkingBlockSchema,
  redactedThinkingBlockSchema,
  untranslatableBlockSchema,
]);
export type RequestBlock = z.infer<typeof requestBlockSchema>;

export const messageParamSchema = z.looseObject({
  // `system` turns inside `messages` are the API's newer form of the top-level `system`.
  role: z.enum(['user', 'assistant', 'system']),
  content: z.union([z.string(), z.array(requestBlockSchema)]),
});
export type MessageParam = z.infer<typeof messageParamSchema>;

export const toolParamSchema = z.looseObject({
  name: z.string().min(1),
  /** Absent or `custom` for caller-defined tools; anything else is one of Anthropic's server tools. */
  type: z.string().nullish(),
  description: z.string().optional(),
  input_schema: z.record(z.string(), z.unknown()).optional(),
  strict: z.boolean().optional(),
  cache_control: cacheControl,
});

export const toolChoiceParamSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('auto'), disable_parallel_tool_use: z.boolean().optional() }),
  z.looseObject({ type: z.literal('any'), disable_parallel_tool_use: z.boolean().optional() }),
  z.looseObject({ type: z.literal('tool'), name: z.string(), disable_parallel_tool_use: z.boolean().optional() }),
  z.looseObject({ type: z.literal('none') }),
]);

const jsonOutputFormatSchema = z.looseObject({ type: z.literal('json_schema'), schema: z.record(z.string(), z.unknown()) });

export const messagesRequestSchema = z.looseObject({
  model: z.string().min(1),
  max_tokens: z.int().min(1),
  messages: z.array(messageParamSchema).min(1),
  system: z.union([z.string(), z.array(textBlockSchema)]).optional(),
  temperature: z.number().min(0).max(1).optional(),
  top_p: z.number().min(0).max(1).optional(),
  top_k: z.int().min(1).optional(),
  stop_sequences: z.array(z.string()).optional(),
  stream: z.boolean().optional(),
  tools: z.array(toolParamSchema).optional(),
  tool_choice: toolChoiceParamSchema.optional(),
  metadata: z.looseObject({ user_id: z.string().nullish() }).optional(),
  output_config: z.looseObject({ format: jsonOutputFormatSchema.nullish(), effort: z.string().nullish() }).optional(),
  /** The structured-outputs beta's name for `output_config.format`. */
  output_format: jsonOutputFormatSchema.nullish(),
});
export type MessagesRequest = z.infer<typeof messagesRequestSchema>;

// ---------------------------------------------------------------------------------------------
// Response side (what the API answers)
// ---------------------------------------------------------------------------------------------

export const usageSchema = z.looseObject({
  input_tokens: z.number().nullish(),
  output_tokens: z.number().nullish(),
  cache_creation_input_tokens: z.number().nullish(),
  cache_read_input_tokens: z.number().nullish(),
});
export type AnthropicUsage = z.infer<typeof usageSchema>;

const responseTextBlock = z.looseObject({ type: z.literal('text'), text: z.string() });
const responseToolUseBlock = z.looseObject({ type: z.literal('tool_use'), id: z.string(), name: z.string(), input: z.unknown() });
/** Thinking, server tool calls and blocks added after this was written: read past, not translated. */
const otherResponseBlock = z.looseObject({ type: z.string().refine((t) => t !== 'text' && t !== 'tool_use') });
export const responseBlockSchema = z.union([responseTextBlock, responseToolUseBlock, otherResponseBlock]);
export type ResponseBlock = z.infer<typeof responseBlockSchema>;
export type ResponseTextBlock = z.infer<typeof responseTextBlock>;
export type ResponseToolUseBlock = z.infer<typeof responseToolUseBlock>;

// The union above only lets a block of type `text` / `tool_use` through in its full shape, so the
// type tag alone is proof (loose objects' index signatures defeat TypeScript's own narrowing).
export function isTextBlock(b: ResponseBlock): b is ResponseTextBlock {
  return b.type === 'text';
}
export function isToolUseBlock(b: ResponseBlock): b is ResponseToolUseBlock {
  return b.type === 'tool_use';
}

export const messageSchema = z.looseObject({
  id: z.string(),
  type: z.literal('message'),
  role: z.literal('assistant'),
  model: z.string(),
  content: z.array(responseBlockSchema),
  stop_reason: z.string().nullish(),
  stop_sequence: z.string().nullish(),
  usage: usageSchema,
});
export type AnthropicMessage = z.infer<typeof messageSchema>;

export const errorBodySchema = z.looseObject({
  type: z.literal('error'),
  error: z.looseObject({ type: z.string(), message: z.string() }),
});

// ---------------------------------------------------------------------------------------------
// Stream events (`event: <type>` + `data: {"type": <type>, ...}`)
// ---------------------------------------------------------------------------------------------

const textDelta = z.looseObject({ type: z.literal('text_delta'), text: z.string() });
const inputJsonDelta = z.looseObject({ type: z.literal('input_json_delta'), partial_json: z.string() });
const deltaSchema = z.union([
  textDelta,
  inputJsonDelta,
  // thinking_delta, signature_delta, citations_delta: not translated.
  z.looseObject({ type: z.string().refine((t) => t !== 'text_delta' && t !== 'input_json_delta') }),
]);
export type BlockDelta = z.infer<typeof deltaSchema>;
export function isTextDelta(d: BlockDelta): d is z.infer<typeof textDelta> {
  return d.type === 'text_delta';
}
export function isInputJsonDelta(d: BlockDelta): d is z.infer<typeof inputJsonDelta> {
  return d.type === 'input_json_delta';
}

export const streamEventSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('message_start'), message: messageSchema }),
  z.looseObject({ type: z.literal('content_block_start'), index: z.int(), content_block: responseBlockSchema }),
  z.looseObject({ type: z.literal('content_block_delta'), index: z.int(), delta: deltaSchema }),
  z.looseObject({ type: z.literal('content_block_stop'), index: z.int() }),
  z.looseObject({
    type: z.literal('message_delta'),
    delta: z.looseObject({ stop_reason: z.string().nullish(), stop_sequence: z.string().nullish() }),
    usage: usageSchema.nullish(),
  }),
  z.looseObject({ type: z.literal('message_stop') }),
  z.looseObject({ type: z.literal('ping') }),
  errorBodySchema,
]);
export type StreamEvent = z.infer<typeof streamEventSchema>;
export const STREAM_EVENT_TYPES: ReadonlySet<string> = new Set(streamEventSchema.options.map((o) => o.shape.type.value));

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/** Anthropic's documented error types and the HTTP status each comes with. */
export const ERROR_TYPE_STATUS: Readonly<Record<string, number>> = {
  invalid_request_error: 400,
  authentication_error: 401,
  billing_error: 402,
  permission_error: 403,
  not_found_error: 404,
  request_too_large: 413,
  rate_limit_error: 429,
  api_error: 500,
  timeout_error: 504,
  overloaded_error: 529,
};

/** The error type Anthropic would answer for a gateway error, so SDK users see familiar types. */
export function errorTypeFor(error: Pick<GatewayError, 'kind' | 'status'>): string {
  switch (error.kind) {
    case 'invalid_request':
      return error.status === 413 ? 'request_too_large' : 'invalid_request_error';
    case 'authentication':
      return 'authentication_error';
    case 'permission':
      return error.status === 402 ? 'billing_error' : 'permission_error';
    case 'not_found':
      return 'not_found_error';
    case 'rate_limit':
      return 'rate_limit_error';
    case 'timeout':
      return 'timeout_error';
    case 'unavailable':
      // A cancelled call (499) is not the upstream being busy.
      return error.status === 499 ? 'api_error' : 'overloaded_error';
    case 'not_implemented':
      return 'invalid_request_error';
    default:
      return 'api_error';
  }
}
