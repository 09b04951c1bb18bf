/**
 * OpenAI's Chat Completions / Completions / Embeddings answers as they arrive from an
 * OpenAI-style upstream (OpenAI, Azure, Mistral, Groq, vLLM, ...), parsed leniently: vendors add
 * fields and leave some out, and a body we cannot read is the upstream's fault (502), not ours.
 */
import { z } from 'zod';
import { GatewayError } from '../errors.ts';
import type { ChatChunk, ChatResponse, CompletionsChunk, CompletionsResponse, Usage } from '../schemas.ts';

const usageSchema = z
  .looseObject({
    prompt_tokens: z.number().nullish(),
    completion_tokens: z.number().nullish(),
    total_tokens: z.number().nullish(),
  })
  .nullish();

const toolCallSchema = z.looseObject({
  id: z.string(),
  type: z.string().nullish(),
  function: z.looseObject({ name: z.string(), arguments: z.string().nullish() }),
});

const chatCompletionSchema = z.looseObject({
  id: z.string().nullish(),
  created: z.number().nullish(),
  model: z.string().nullish(),
  choices: z.array(
    z.looseObject({
      index: z.number().nullish(),
      message: z.looseObject({
        content: z.string().nullish(),
        tool_calls: z.array(toolCallSchema).nullish(),
        refusal: z.string().nullish(),
      }),
      finish_reason: z.string().nullish(),
    }),
  ),
  usage: usageSchema,
});

const chatChunkSchema = z.looseObject({
  id: z.string().nullish(),
  created: z.number().nullish(),
  model: z.string().nullish(),
  choices: z
    .array(
      z.looseObject({
        index: z.number().nullish(),
        delta: z
          .looseObject({
            role: z.string().nullish(),
            content: z.string().nullish(),
            tool_calls: z
              .array(
                z.looseObject({
                  index: z.number().nullish(),
                  id: z.string().nullish(),
                  function: z.looseObject({ name: z.string().nullish(), arguments: z.string().nullish() }).nullish(),
                }),
              )
              .nullish(),
          })
          .nullish(),
        finish_reason: z.string().nullish(),
      }),
    )
    .nullish(),
  usage: usageSchema,
});

const completionSchema = z.looseObject({
  id: z.string().nullish(),
  created: z.number().nullish(),
  model: z.string().nullish(),
  choices: z
    .array(z.looseObject({ index: z.number().nullish(), text: z.string().nullish(), finish_reason: z.string().nullish() }))
    .nullish(),
  usage: usageSchema,
});

export const embeddingsBodySchema = z.looseObject({
  data: z.array(z.looseObject({ index: z.number().nullish(), embedding: z.union([z.array(z.number()), z.string()]) })),
  model: z.string().nullish(),
  usage: z.looseObject({ prompt_tokens: z.number().nullish(), total_tokens: z.number().nullish() }).nullish(),
});

/** An in-band stream error as OpenAI-style servers send it: `data: {"error": {...}}`. */
const streamErrorSchema = z.looseObject({
  error: z.union([z.string(), z.looseObject({ message: z.string().nullish(), code: z.unknown().optional(), type: z.string().nullish() })]),
});

function parseOr502<S extends z.ZodType>(schema: S, value: unknown, who: string, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new GatewayError('upstream', `${who} answered a ${what} the gateway cannot read (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}).`, {
    provider: who,
  });
}

function usage(u: z.output<typeof usageSchema>): Usage {
  return {
    prompt_tokens: u?.prompt_tokens ?? null,
    completion_tokens: u?.completion_tokens ?? null,
    total_tokens: u?.total_tokens ?? (u?.prompt_tokens != null || u?.completion_tokens != null ? (u?.prompt_tokens ?? 0) + (u?.completion_tokens ?? 0) : null),
  };
}

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

export function readChatCompletion(body: unknown, who: string, fallbackModel: string): ChatResponse {
  const b = parseOr502(chatCompletionSchema, body, who, 'chat completion');
  return {
    id: b.id ?? `chatcmpl-${nowSeconds()}`,
    object: 'chat.completion',
    created: b.created ?? nowSeconds(),
    model: b.model ?? fallbackModel,
    choices: b.choices.map((c, i) => ({
      index: c.index ?? i,
      message: {
        role: 'assistant',
        content: c.message.content ?? null,
        tool_calls: c.message.tool_calls?.length
          ? c.message.tool_calls.map((t) => ({ id: t.id, type: 'function' as const, function: { name: t.function.name, arguments: t.function.arguments ?? '' } }))
          : null,
        refusal: c.message.refusal ?? null,
      },
      finish_reason: c.finish_reason ?? null,
    })),
    usage: usage(b.usage),
  };
}

/** Throws the upstream's in-band error, if this event is one. */
function throwIfStreamError(data: unknown, who: string): void {
  // Checked per chunk: only a chunk that has an `error` member is worth a schema parse.
  if (data === null || typeof data !== 'object' || !('error' in data)) return;
  const e = streamErrorSchema.safeParse(data);
  if (!e.success) return;
  const err = e.data.error;
  const message = typeof err === 'string' ? err : (err.message ?? 'stream error');
  throw new GatewayError('upstream', `${who} reported an error mid-stream: ${message}`, { provider: who });
}

export function readChatChunk(data: unknown, who: string, fallbackModel: string): ChatChunk {
  throwIfStreamError(data, who);
  const b = parseOr502(chatChunkSchema, data, who, 'stream chunk');
  const chunk: ChatChunk = {
    id: b.id ?? '',
    object: 'chat.completion.chunk',
    created: b.created ?? nowSeconds(),
    model: b.model ?? fallbackModel,
    choices: (b.choices ?? []).map((c, i) => {
      const d = c.delta ?? {};
      return {
        index: c.index ?? i,
        delta: {
          ...(d.role === 'assistant' ? { role: 'assistant' as const } : {}),
          ...(d.content != null ? { content: d.content } : {}),
          ...(d.tool_calls?.length
            ? {
                tool_calls: d.tool_calls.map((t, j) => ({
                  index: t.index ?? j,
                  ...(t.id ? { id: t.id, type: 'function' as const } : {}),
                  function: { ...(t.function?.name ? { name: t.function.name } : {}), ...(t.function?.arguments != null ? { arguments: t.function.arguments } : {}) },
                })),
              }
            : {}),
        },
        finish_reason: c.finish_reason ?? null,
      };
    }),
  };
  if (b.usage) chunk.usage = usage(b.usage);
  return chunk;
}

export function readCompletion(body: unknown, who: string, fallbackModel: string): CompletionsResponse {
  const b = parseOr502(completionSchema, body, who, 'completion');
  return {
    id: b.id ?? `cmpl-${nowSeconds()}`,
    object: 'text_completion',
    created: b.created ?? nowSeconds(),
    model: b.model ?? fallbackModel,
    choices: (b.choices ?? []).map((c, i) => ({ index: c.index ?? i, text: c.text ?? '', finish_reason: c.finish_reason ?? null })),
    usage: usage(b.usage),
  };
}

export function readCompletionChunk(data: unknown, who: string, fallbackModel: string): CompletionsChunk {
  throwIfStreamError(data, who);
  const b = parseOr502(completionSchema, data, who, 'stream chunk');
  const chunk: CompletionsChunk = {
    id: b.id ?? '',
    object: 'text_completion_chunk',
    created: b.created ?? nowSeconds(),
    model: b.model ?? fallbackModel,
    choices: (b.choices ?? []).map((c, i) => ({ index: c.index ?? i, text: c.text ?? '', finish_reason: c.finish_reason ?? null })),
  };
  if (b.usage) chunk.usage = usage(b.usage);
  return chunk;
}
