/**
 * Auto-tracing for the `@google/genai` client: `tracedGemini(ai)` records
 * `models.generateContent` and `models.generateContentStream` (CHAT_MODEL) and
 * `models.embedContent` (EMBEDDING) as spans. The SDK is never imported; the response headers it
 * attaches (`sdkHttpResponse`) are never recorded.
 */
import { isRecord, secretsOf, tracedMethod, wrapClient, type ChatTool, type OperationSpec, type ResponseFacts, type StreamAggregator } from './shared.ts';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** `config.tools[].functionDeclarations[]`; built-in tools (`googleSearch`, ...) by their key. */
function tools(params: Record<string, unknown>): ChatTool[] {
  const config = isRecord(params.config) ? params.config : {};
  const out: ChatTool[] = [];
  for (const tool of list(config.tools)) {
    // A CallableTool (MCP, automatic function calling) describes itself only asynchronously.
    if (!isRecord(tool) || typeof tool.tool === 'function') continue;
    const declarations = list(tool.functionDeclarations);
    for (const d of declarations) {
      if (!isRecord(d) || typeof d.name !== 'string') continue;
      const fn: ChatTool['function'] = { name: d.name };
      if (typeof d.description === 'string') fn.description = d.description;
      const parameters = d.parameters ?? d.parametersJsonSchema;
      if (parameters !== undefined) fn.parameters = parameters;
      out.push({ type: 'function', function: fn });
    }
    if (declarations.length === 0) {
      for (const key of Object.keys(tool)) if (tool[key] !== undefined) out.push({ type: 'function', function: { name: key } });
    }
  }
  return out;
}

function describe(output: unknown): ResponseFacts {
  if (!isRecord(output)) return {};
  const finishReasons = list(output.candidates)
    .map((c) => (isRecord(c) ? str(c.finishReason) : undefined))
    .filter((r): r is string => r !== undefined);
  return { model: str(output.modelVersion), id: str(output.responseId), finishReasons, usage: output.usageMetadata ?? undefined };
}

interface CandidateState {
  text: string;
  thought: string;
  otherParts: unknown[];
  finishReason?: string;
}

/**
 * Chunks → one `GenerateContentResponse`: each candidate's text (and thought text) joined, other
 * parts (function calls, inline data) kept in order; usage, model version and id from the latest
 * chunk that has them (Gemini's usage counts are running totals).
 */
function aggregator(): StreamAggregator {
  const candidates = new Map<number, CandidateState>();
  const latest: Record<string, unknown> = {};
  return {
    add(chunk) {
      if (!isRecord(chunk)) return;
      for (const key of ['usageMetadata', 'modelVersion', 'responseId', 'promptFeedback']) {
        if (chunk[key] !== undefined && chunk[key] !== null) latest[key] = chunk[key];
      }
      for (const c of list(chunk.candidates)) {
        if (!isRecord(c)) continue;
        const index = typeof c.index === 'number' ? c.index : 0;
        let st = candidates.get(index);
        if (!st) candidates.set(index, (st = { text: '', thought: '', otherParts: [] }));
        const parts = isRecord(c.content) ? list(c.content.parts) : [];
        for (const p of parts) {
          if (isRecord(p) && typeof p.text === 'string') {
            if (p.thought === true) st.thought += p.text;
            else st.text += p.text;
          } else if (p !== undefined) {
            st.otherParts.push(p);
          }
        }
        if (typeof c.finishReason === 'string') st.finishReason = c.finishReason;
      }
    },
    result() {
      return {
        candidates: [...candidates.entries()]
          .sort(([a], [b]) => a - b)
          .map(([index, st]) => {
            const parts: unknown[] = [];
            if (st.thought !== '') parts.push({ text: st.thought, thought: true });
            if (st.text !== '') parts.push({ text: st.text });
            parts.push(...st.otherParts);
            return { content: { role: 'model', parts }, ...(st.finishReason ? { finishReason: st.finishReason } : {}), index };
          }),
        ...latest,
      };
    },
  };
}

const GENERATE: OperationSpec = {
  vendor: 'gemini',
  name: 'Models.generateContent',
  spanType: 'CHAT_MODEL',
  operation: 'generate_content',
  tools,
  describe,
};

const GENERATE_STREAM: OperationSpec = { ...GENERATE, name: 'Models.generateContentStream', streams: () => true, aggregator };

const EMBED: OperationSpec = {
  vendor: 'gemini',
  name: 'Models.embedContent',
  spanType: 'EMBEDDING',
  operation: 'embeddings',
  // The embedding API reports no token usage or response model.
  describe: () => ({}),
};

/**
 * Returns `ai` (a `@google/genai` `GoogleGenAI` instance) with `models.generateContent`,
 * `models.generateContentStream` and `models.embedContent` traced. Wrapping twice returns it as is.
 */
export function tracedGemini<T extends object>(ai: T): T {
  const secrets = secretsOf(ai);
  return wrapClient(ai, {
    models: {
      generateContent: tracedMethod(GENERATE, secrets),
      generateContentStream: tracedMethod(GENERATE_STREAM, secrets),
      embedContent: tracedMethod(EMBED, secrets),
    },
  });
}
