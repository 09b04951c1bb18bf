/**
 * Azure OpenAI's wire format: OpenAI's bodies and streams (`openai-wire.ts`) plus what Azure adds.
 * Azure runs a content filter on every call and reports it: `prompt_filter_results` on the
 * response, `content_filter_results` on each choice, and, when streaming, a first chunk with no
 * choices and empty `id`/`model` that carries only the prompt's filter results (clients that read
 * `choices[0]` of every chunk break on it). Errors the Azure front door answers itself (bad key,
 * missing `api-version`) have their own `{"error":{"code":"<status>","message"}}` shape.
 */
import { openaiChatCompletion, openaiChatCompletionChunks, openaiCompletion, openaiEmbeddings } from './openai-wire.ts';
import type { RenderContext, SseEvent } from './llm-types.ts';

const SAFE = { filtered: false, severity: 'safe' };
const CONTENT_FILTER_RESULTS = { hate: SAFE, self_harm: SAFE, sexual: SAFE, violence: SAFE };
const PROMPT_FILTER_RESULTS = [{ prompt_index: 0, content_filter_results: CONTENT_FILTER_RESULTS }];

/** `api-version` values look like `2024-10-21` or `2025-01-01-preview`. */
export const AZURE_API_VERSION = /^\d{4}-\d{2}-\d{2}(-preview)?$/;

export function azureMissingApiVersionBody(): unknown {
  return { error: { code: '404', message: 'Resource not found' } };
}

export function azureBadApiVersionBody(): unknown {
  return { error: { code: 'BadRequest', message: 'API version not supported' } };
}

export function azureAuthErrorBody(): unknown {
  return {
    error: {
      code: '401',
      message:
        'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.',
    },
  };
}

export function azureChatCompletion(ctx: RenderContext): unknown {
  const body = openaiChatCompletion(ctx) as Record<string, unknown>;
  const choices = (body.choices as Record<string, unknown>[]).map((c) => ({ ...c, content_filter_results: CONTENT_FILTER_RESULTS }));
  return { ...body, choices, prompt_filter_results: PROMPT_FILTER_RESULTS };
}

export function azureChatCompletionChunks(ctx: RenderContext): SseEvent[] {
  const filterChunk = { choices: [], created: 0, id: '', model: '', object: '', prompt_filter_results: PROMPT_FILTER_RESULTS };
  return [{ data: JSON.stringify(filterChunk) }, ...openaiChatCompletionChunks(ctx)];
}

export function azureCompletion(ctx: RenderContext): unknown {
  const body = openaiCompletion(ctx) as Record<string, unknown>;
  const choices = (body.choices as Record<string, unknown>[]).map((c) => ({ ...c, content_filter_results: CONTENT_FILTER_RESULTS }));
  return { ...body, choices, prompt_filter_results: PROMPT_FILTER_RESULTS };
}

export function azureEmbeddings(ctx: RenderContext): unknown {
  return openaiEmbeddings(ctx);
}
