/**
 * Auto-tracing for the `openai` npm client: `tracedOpenAI(client)` returns the client with
 * `chat.completions.create` (CHAT_MODEL), `responses.create` (CHAT_MODEL), `completions.create`
 * (LLM) and `embeddings.create` (EMBEDDING) recorded as spans, streaming included. The `openai`
 * package is never imported: any client of that shape works, whatever its version.
 */
import {
  isRecord,
  secretsOf,
  tracedMethod,
  wrapClient,
  type ChatTool,
  type OperationSpec,
  type ResponseFacts,
  type StreamAggregator,
} from './shared.ts';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const streams = (params: Record<string, unknown>): boolean => params.stream === true;

/** Chat and legacy completions: `id`, `model`, `usage`, each choice's `finish_reason`. */
function describeCompletion(output: unknown): ResponseFacts {
  if (!isRecord(output)) return {};
  const finishReasons = list(output.choices)
    .map((c) => (isRecord(c) ? str(c.finish_reason) : undefined))
    .filter((r): r is string => r !== undefined);
  return { model: str(output.model), id: str(output.id), finishReasons, usage: output.usage ?? undefined };
}

function chatTools(params: Record<string, unknown>): ChatTool[] {
  const out: ChatTool[] = [];
  for (const t of list(params.tools)) {
    if (!isRecord(t)) continue;
    const def = isRecord(t.function) ? t.function : isRecord(t.custom) ? t.custom : undefined;
    const name = def && str(def.name);
    if (!def || name === undefined) continue;
    const fn: ChatTool['function'] = { name };
    if (typeof def.description === 'string') fn.description = def.description;
    if (def.parameters !== undefined) fn.parameters = def.parameters;
    if (typeof def.strict === 'boolean') fn.strict = def.strict;
    out.push({ type: 'function', function: fn });
  }
  return out;
}

/** Responses API tools are flat (`{type:'function', name, parameters}`); built-ins are named by type. */
function responsesTools(params: Record<string, unknown>): ChatTool[] {
  const out: ChatTool[] = [];
  for (const t of list(params.tools)) {
    if (!isRecord(t)) continue;
    const name = str(t.name) ?? str(t.type);
    if (name === undefined) continue;
    const fn: ChatTool['function'] = { name };
    if (typeof t.description === 'string') fn.description = t.description;
    if (t.parameters !== undefined) fn.parameters = t.parameters;
    if (typeof t.strict === 'boolean') fn.strict = t.strict;
    out.push({ type: 'function', function: fn });
  }
  return out;
}

interface ToolCallState {
  id?: string;
  type: string;
  function: { name: string; arguments: string };
}

interface ChoiceState {
  role: string;
  content: string | null;
  refusal: string | null;
  toolCalls: Map<number, ToolCallState>;
  finishReason: string | null;
}

/** The common head of a completion built from chunks: id, model, created, fingerprint, usage. */
function chunkHead(): { take(chunk: Record<string, unknown>): void; fields(): Record<string, unknown> } {
  const head: Record<string, unknown> = {};
  return {
    take(chunk) {
      for (const key of ['id', 'created', 'model', 'system_fingerprint', 'service_tier']) {
        if (head[key] === undefined && chunk[key] !== undefined && chunk[key] !== null) head[key] = chunk[key];
      }
      // With `stream_options.include_usage` the last chunk carries the usage (choices empty).
      if (isRecord(chunk.usage)) head.usage = chunk.usage;
    },
    fields: () => head,
  };
}

/** Chat chunks → a `chat.completion`: content and refusal joined, tool-call arguments joined per index. */
function chatAggregator(): StreamAggregator {
  const head = chunkHead();
  const choices = new Map<number, ChoiceState>();
  return {
    add(chunk) {
      if (!isRecord(chunk)) return;
      head.take(chunk);
      for (const c of list(chunk.choices)) {
        if (!isRecord(c)) continue;
        const index = typeof c.index === 'number' ? c.index : 0;
        let st = choices.get(index);
        if (!st) choices.set(index, (st = { role: 'assistant', content: null, refusal: null, toolCalls: new Map(), finishReason: null }));
        const delta = isRecord(c.delta) ? c.delta : {};
        if (typeof delta.role === 'string') st.role = delta.role;
        if (typeof delta.content === 'string') st.content = (st.content ?? '') + delta.content;
        if (typeof delta.refusal === 'string') st.refusal = (st.refusal ?? '') + delta.refusal;
        for (const tc of list(delta.tool_calls)) {
          if (!isRecord(tc)) continue;
          const i = typeof tc.index === 'number' ? tc.index : st.toolCalls.size;
          let call = st.toolCalls.get(i);
          if (!call) st.toolCalls.set(i, (call = { type: 'function', function: { name: '', arguments: '' } }));
          if (typeof tc.id === 'string') call.id = tc.id;
          if (typeof tc.type === 'string') call.type = tc.type;
          const fn = isRecord(tc.function) ? tc.function : {};
          if (typeof fn.name === 'string') call.function.name += fn.name;
          if (typeof fn.arguments === 'string') call.function.arguments += fn.arguments;
        }
        if (typeof c.finish_reason === 'string') st.finishReason = c.finish_reason;
      }
    },
    result() {
      const { usage, ...rest } = head.fields();
      return {
        ...rest,
        object: 'chat.completion',
        choices: [...choices.entries()]
          .sort(([a], [b]) => a - b)
          .map(([index, st]) => {
            const message: Record<string, unknown> = { role: st.role, content: st.content, refusal: st.refusal };
            if (st.toolCalls.size) message.tool_calls = [...st.toolCalls.entries()].sort(([a], [b]) => a - b).map(([, call]) => call);
            return { index, message, finish_reason: st.finishReason };
          }),
        ...(usage !== undefined ? { usage } : {}),
      };
    },
  };
}

/** Legacy completion chunks → a `text_completion` with each choice's text joined. */
function completionAggregator(): StreamAggregator {
  const head = chunkHead();
  const choices = new Map<number, { text: string; finishReason: string | null }>();
  return {
    add(chunk) {
      if (!isRecord(chunk)) return;
      head.take(chunk);
      for (const c of list(chunk.choices)) {
        if (!isRecord(c)) continue;
        const index = typeof c.index === 'number' ? c.index : 0;
        let st = choices.get(index);
        if (!st) choices.set(index, (st = { text: '', finishReason: null }));
        if (typeof c.text === 'string') st.text += c.text;
        if (typeof c.finish_reason === 'string') st.finishReason = c.finish_reason;
      }
    },
    result() {
      const { usage, ...rest } = head.fields();
      return {
        ...rest,
        object: 'text_completion',
        choices: [...choices.entries()].sort(([a], [b]) => a - b).map(([index, st]) => ({ index, text: st.text, finish_reason: st.finishReason })),
        ...(usage !== undefined ? { usage } : {}),
      };
    },
  };
}

function describeResponse(output: unknown): ResponseFacts {
  if (!isRecord(output)) return {};
  const facts: ResponseFacts = { model: str(output.model), id: str(output.id), usage: output.usage ?? undefined };
  if (output.status === 'failed') {
    const err = isRecord(output.error) ? output.error : {};
    facts.failure = str(err.message) ?? 'The response failed.';
  }
  const reason = isRecord(output.incomplete_details) ? str(output.incomplete_details.reason) : undefined;
  if (reason !== undefined) facts.finishReasons = [reason];
  return facts;
}

/**
 * Responses API events → the final `response` (from `response.completed` / `.failed` /
 * `.incomplete`); a stream cut short gives the items finished so far and the text streamed so far.
 */
function responsesAggregator(): StreamAggregator {
  let final: Record<string, unknown> | undefined;
  let head: Record<string, unknown> = {};
  let error: Record<string, unknown> | undefined;
  const items: unknown[] = [];
  let text = '';
  return {
    add(event) {
      if (!isRecord(event)) return;
      const type = str(event.type);
      if (type === 'response.completed' || type === 'response.failed' || type === 'response.incomplete') {
        if (isRecord(event.response)) final = event.response;
      } else if ((type === 'response.created' || type === 'response.in_progress') && isRecord(event.response)) {
        head = event.response;
      } else if (type === 'response.output_item.done') {
        items.push(event.item);
      } else if (type === 'response.output_text.delta' && typeof event.delta === 'string') {
        text += event.delta;
      } else if (type === 'error') {
        error = { code: event.code ?? null, message: str(event.message) ?? 'The response stream reported an error.' };
      }
    },
    result() {
      if (final) return final;
      const out: Record<string, unknown> = { ...head, output: items };
      if (text !== '') out.output_text = text;
      if (error) Object.assign(out, { status: 'failed', error });
      return out;
    },
  };
}

const CHAT: OperationSpec = {
  vendor: 'openai',
  name: 'Completions',
  spanType: 'CHAT_MODEL',
  operation: 'chat',
  tools: chatTools,
  streams,
  describe: describeCompletion,
  aggregator: chatAggregator,
};

const COMPLETIONS: OperationSpec = {
  vendor: 'openai',
  name: 'Completions',
  spanType: 'LLM',
  operation: 'text_completion',
  streams,
  describe: describeCompletion,
  aggregator: completionAggregator,
};

const EMBEDDINGS: OperationSpec = {
  vendor: 'openai',
  name: 'Embeddings',
  spanType: 'EMBEDDING',
  operation: 'embeddings',
  describe: (output) => (isRecord(output) ? { model: str(output.model), usage: output.usage ?? undefined } : {}),
};

const RESPONSES: OperationSpec = {
  vendor: 'openai',
  name: 'Responses',
  spanType: 'CHAT_MODEL',
  operation: 'chat',
  tools: responsesTools,
  streams,
  describe: describeResponse,
  aggregator: responsesAggregator,
};

/**
 * Returns `client` (an `openai` `OpenAI` or `AzureOpenAI` instance) with its calls traced. The
 * result is the same client behind a Proxy: types, methods, streams and promises are unchanged.
 * Wrapping an already traced client returns it as is.
 *
 * Streamed chat/completions only report token usage when the request sets
 * `stream_options: { include_usage: true }`; the wrapper does not add it (it changes the chunks).
 */
export function tracedOpenAI<T extends object>(client: T): T {
  const secrets = secretsOf(client);
  return wrapClient(client, {
    chat: { completions: { create: tracedMethod(CHAT, secrets) } },
    completions: { create: tracedMethod(COMPLETIONS, secrets) },
    embeddings: { create: tracedMethod(EMBEDDINGS, secrets) },
    responses: { create: tracedMethod(RESPONSES, secrets) },
  });
}
