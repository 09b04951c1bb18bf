/**
 * Anthropic's Messages API wire format: the `message` JSON, the SSE event sequence
 * (`message_start`, `content_block_start`, `ping`, `content_block_delta`, `content_block_stop`,
 * `message_delta`, `message_stop`) and `{"type":"error","error":{...}}` bodies.
 */
import { replyModel, replyText, replyUsage, splitText, type FakeError, type RenderContext, type SseEvent } from './llm-types.ts';

export function anthropicErrorType(status: number): string {
  switch (status) {
    case 401:
      return 'authentication_error';
    case 403:
      return 'permission_error';
    case 404:
      return 'not_found_error';
    case 413:
      return 'request_too_large';
    case 429:
      return 'rate_limit_error';
    case 529:
      return 'overloaded_error';
    default:
      return status >= 500 ? 'api_error' : 'invalid_request_error';
  }
}

export function anthropicErrorBody(err: FakeError, requestId: string): unknown {
  return { type: 'error', error: { type: err.type ?? anthropicErrorType(err.status), message: err.message }, request_id: requestId };
}

/** The in-band stream error: the SDK throws on an `event: error`. */
export function anthropicStreamErrorEvent(err: FakeError): SseEvent {
  return { event: 'error', data: JSON.stringify({ type: 'error', error: { type: err.type ?? anthropicErrorType(err.status), message: err.message } }) };
}

function blockText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((b: { type?: string; text?: string }) => (b?.type === 'text' && typeof b.text === 'string' ? b.text : ''))
      .filter((s) => s !== '')
      .join(' ');
  }
  return '';
}

export function anthropicInputText(body: Record<string, unknown>): string {
  const messages = Array.isArray(body.messages) ? (body.messages as { role?: string; content?: unknown }[]) : [];
  return blockText(messages.filter((m) => m.role === 'user').at(-1)?.content);
}

function contentBlocks(ctx: RenderContext): Record<string, unknown>[] {
  const blocks: Record<string, unknown>[] = [];
  const text = replyText(ctx);
  if (text !== '' || !ctx.reply.toolCalls?.length) blocks.push({ type: 'text', text });
  (ctx.reply.toolCalls ?? []).forEach((c, i) => {
    blocks.push({ type: 'tool_use', id: c.id ?? `toolu_fake${ctx.seq}${i}`, name: c.name, input: c.arguments });
  });
  return blocks;
}

function usage(ctx: RenderContext, outputTokens: number): Record<string, unknown> {
  const u = replyUsage(ctx);
  // Anthropic counts cache reads separately from (not inside) input_tokens.
  return {
    input_tokens: u.inputTokens - u.cachedInputTokens,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: u.cachedInputTokens,
    output_tokens: outputTokens,
    service_tier: 'standard',
  };
}

function message(ctx: RenderContext, final: boolean): Record<string, unknown> {
  return {
    id: `msg_fake${ctx.seq}`,
    type: 'message',
    role: 'assistant',
    model: replyModel(ctx),
    content: final ? contentBlocks(ctx) : [],
    stop_reason: final ? (ctx.reply.toolCalls?.length ? 'tool_use' : 'end_turn') : null,
    stop_sequence: null,
    usage: usage(ctx, final ? replyUsage(ctx).outputTokens : 1),
  };
}

export function anthropicMessage(ctx: RenderContext): unknown {
  return message(ctx, true);
}

export function anthropicMessageEvents(ctx: RenderContext): SseEvent[] {
  const events: SseEvent[] = [];
  const emit = (type: string, fields: Record<string, unknown>): void => {
    events.push({ event: type, data: JSON.stringify({ type, ...fields }) });
  };
  const size = ctx.reply.chunkSize ?? 8;
  emit('message_start', { message: message(ctx, false) });
  contentBlocks(ctx).forEach((block, index) => {
    if (block.type === 'text') {
      emit('content_block_start', { index, content_block: { type: 'text', text: '' } });
      if (index === 0) emit('ping', {});
      for (const text of splitText(block.text as string, size)) emit('content_block_delta', { index, delta: { type: 'text_delta', text } });
    } else {
      emit('content_block_start', { index, content_block: { ...block, input: {} } });
      for (const partial_json of splitText(JSON.stringify(block.input), size)) {
        emit('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json } });
      }
    }
    emit('content_block_stop', { index });
  });
  const u = replyUsage(ctx);
  emit('message_delta', {
    delta: { stop_reason: ctx.reply.toolCalls?.length ? 'tool_use' : 'end_turn', stop_sequence: null },
    usage: { output_tokens: u.outputTokens },
  });
  emit('message_stop', {});
  return events;
}
