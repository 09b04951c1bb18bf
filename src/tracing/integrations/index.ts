/**
 * Auto-tracing for LLM SDK clients: wrap a client once and every call becomes a span.
 *
 * ```ts
 * const openai = tracedOpenAI(new OpenAI());
 * const anthropic = tracedAnthropic(new Anthropic());
 * const ai = tracedGemini(new GoogleGenAI({ apiKey }));
 * ```
 */
export { tracedOpenAI } from './openai.ts';
export { tracedAnthropic } from './anthropic.ts';
export { tracedGemini } from './gemini.ts';
export { isTracedClient, normalizeTokenUsage, type ChatTool } from './shared.ts';
