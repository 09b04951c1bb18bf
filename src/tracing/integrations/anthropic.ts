/**
 * Auto-tracing for the `@anthropic-ai/sdk` client: `tracedAnthropic(client)` records
 * `messages.create` (streaming or not) and `messages.stream` (the `MessageStream` helper, its
 * events and `finalMessage()` untouched) as CHAT_MODEL spans. The SDK is never imported.
 */
import { isRecord, secretsOf, tracedMethod, wrapClient, type ChatTool, type OperationSpec, type ResponseFacts, type StreamAggregator } from './shared.ts';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function tools(params: Record<string, unknown>): ChatTool[] {
  const out: ChatTool[] = [];
  for (const t of Array.isArray(params.tools) ? params.tools : []) {
    if (!isRecord(t) || typeof t.name !== 'string') continue;
    const fn: ChatTool['function'] = { name: t.name };
    if (typeof t.description === 'string') fn.description = t.description;
    if (t.input_schema !== undefined) fn.parameters = t.input_schema;
    out.push({ type: 'function', function: fn });
  }
  return out;
}

function describe(output: unknown): ResponseFacts {
  if (!isRecord(output)) return {};
  const stop = str(output.stop_reason);
  return { model: str(output.model), id: str(output.id), finishReasons: stop ? [stop] : undefined, usage: output.usage ?? undefined };
}

/** A deep copy, so building the aggregate never mutates the events the caller receives. */
const copy = (v: unknown): unknown => (v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as unknown));

/**
 * Raw stream events → the `message` a non-streaming call returns: blocks from
 * `content_block_start`, text / thinking / tool-input JSON from `content_block_delta`, stop reason
 * and usage from `message_delta` (its counts are cumulative, so they replace).
 */
function aggregator(): StreamAggregator {
  let message: Record<string, unknown> | undefined;
  const blocks: Record<string, unknown>[] = [];
  const partialJson = new Map<number, string>();
  const settleJson = (index: number): void => {
    const json = partialJson.get(index);
    const block = blocks[index];
    if (json === undefined || !block) return;
    partialJson.delete(index);
    try {
      block.input = json === '' ? {} : (JSON.parse(json) as unknown);
    } catch {
      // Cut off mid-arguments: keep what arrived rather than nothing.
      block.input = json;
    }
  };
  return {
    add(event) {
      if (!isRecord(event)) return;
      const index = typeof event.index === 'number' ? event.index : -1;
      switch (event.type) {
        case 'message_start':
          if (isRecord(event.message)) message = copy(event.message) as Record<string, unknown>;
          break;
        case 'content_block_start':
          if (index >= 0 && isRecord(event.content_block)) blocks[index] = copy(event.content_block) as Record<string, unknown>;
          break;
        case 'content_block_delta': {
          const block = blocks[index];
          const delta = isRecord(event.delta) ? event.delta : {};
          if (!block) break;
          if (delta.type === 'text_delta' && typeof delta.text === 'string') block.text = (str(block.text) ?? '') + delta.text;
          else if (delta.type === 'input_json_delta' && typeof delta.partial_json === 'string') {
            partialJson.set(index, (partialJson.get(index) ?? '') + delta.partial_json);
          } else if (delta.type === 'thinking_delta' && typeof delta.thinking === 'string') {
            block.thinking = (str(block.thinking) ?? '') + delta.thinking;
          } else if (delta.type === 'signature_delta' && typeof delta.signature === 'string') block.signature = delta.signature;
          else if (delta.type === 'citations_delta' && delta.citation !== undefined) {
            block.citations = [...(Array.isArray(block.citations) ? (block.citations as unknown[]) : []), copy(delta.citation)];
          }
          break;
        }
        case 'content_block_stop':
          settleJson(index);
          break;
        case 'message_delta': {
          message ??= {};
          if (isRecord(event.delta)) Object.assign(message, copy(event.delta));
          if (isRecord(event.usage)) {
            const usage: Record<string, unknown> = isRecord(message.usage) ? message.usage : (message.usage = {});
            for (const [k, v] of Object.entries(event.usage)) if (v !== null && v !== undefined) usage[k] = v;
          }
          break;
        }
      }
    },
    result() {
      for (const index of [...partialJson.keys()]) settleJson(index);
      return { ...(message ?? {}), content: blocks.filter((b) => b !== undefined) };
    },
  };
}

const CREATE: OperationSpec = {
  vendor: 'anthropic',
  name: 'Messages.create',
  spanType: 'CHAT_MODEL',
  operation: 'chat',
  tools,
  streams: (params) => params.stream === true,
  describe,
  aggregator,
};

const STREAM: OperationSpec = { ...CREATE, name: 'Messages.stream', streams: () => true };

/**
 * Returns `client` (an `@anthropic-ai/sdk` `Anthropic` instance) with `messages.create` and
 * `messages.stream` traced; everything else is untouched. Wrapping twice returns it as is.
 */
export function tracedAnthropic<T extends object>(client: T): T {
  const secrets = secretsOf(client);
  return wrapClient(client, {
    messages: { create: tracedMethod(CREATE, secrets), stream: tracedMethod(STREAM, secrets) },
  });
}
