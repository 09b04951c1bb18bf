/**
 * MLflow tracing for TypeScript: the public API of the official SDK (`@mlflow/core`), so code
 * written for it runs here by changing only the import, plus sampling, a bounded retrying
 * exporter, W3C distributed tracing, run linking and helpers for LLM integrations.
 *
 * ```ts
 * import { init, trace, withSpan, SpanType } from 'mlflow-ts-action/tracing';
 * init({ trackingUri: 'http://127.0.0.1:5000', experimentId: '1' });
 * const answer = trace(async (question: string) => llm(question), { spanType: SpanType.CHAIN });
 * ```
 */
export {
  getCurrentActiveSpan,
  startSpan,
  trace,
  updateCurrentTrace,
  withActiveSpan,
  withSpan,
  type SpanOptions,
  type TraceOptions,
  type UpdateCurrentTraceOptions,
  type WithSpanOptions,
} from './api.ts';
export { exportStats, flushTraces, init, shutdown, type InitOptions } from './runtime.ts';
export { getLastActiveTraceId, Trace, type TokenUsage, type TraceInfo, type TraceInfoWire, type TraceState } from './trace.ts';
export { LiveSpan, LiveSpan as Span, SpanEvent, SpanStatus, type AttributeValue, type HrTime, type SpanEndOptions, type SpanEventInit } from './span.ts';
export {
  CHUNK_EVENT_PREFIX,
  GenAiAttributeKey,
  SpanAttributeKey,
  SpanStatusCode,
  SpanType,
  TraceMetadataKey,
  TraceTagKey,
  TRACE_ID_PREFIX,
} from './constants.ts';
export type { TraceContext } from './context.ts';
export {
  createTracedFetch,
  extract,
  getTracingContextHeadersForHttpRequest,
  inject,
  parseTraceparent,
  tracedFetch,
  tracingInterceptor,
  withRemoteParent,
  withTracingContextFromHeaders,
  withTracingContextFromHeadersAsync,
  type HeaderSource,
} from './distributed.ts';
export { InMemoryTraceExporter, TraceExportError, type ExportStats, type TraceExporter } from './exporter.ts';
export {
  recordLlmCost,
  recordLlmRequest,
  recordLlmResponse,
  recordStreamChunk,
  recordTokenUsage,
  setChatTools,
  type LlmCost,
  type LlmRequestInfo,
  type LlmResponseInfo,
  type TokenUsageInput,
} from './genai.ts';
export {
  loadProjectConfig,
  parseProjectConfig,
  ProjectConfigError,
  resolveTracingSettings,
  TracingConfigError,
  PROJECT_CONFIG_FILE,
  type ProjectConfig,
  type TracingSettings,
} from './config.ts';
export * from './integrations/index.ts';
