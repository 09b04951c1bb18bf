/**
 * MLflow's tracing vocabulary (span types, status codes, attribute, metadata and tag keys) as
 * plain const objects: the names and values are MLflow's, so traces written here read the same in
 * MLflow's UI and clients as traces from the Python or official TypeScript SDK.
 */

/** MLflow's span types. Free-form strings are accepted too, as in MLflow. */
export const SpanType = {
  LLM: 'LLM',
  CHAIN: 'CHAIN',
  AGENT: 'AGENT',
  TOOL: 'TOOL',
  CHAT_MODEL: 'CHAT_MODEL',
  RETRIEVER: 'RETRIEVER',
  PARSER: 'PARSER',
  EMBEDDING: 'EMBEDDING',
  RERANKER: 'RERANKER',
  MEMORY: 'MEMORY',
  UNKNOWN: 'UNKNOWN',
  WORKFLOW: 'WORKFLOW',
  TASK: 'TASK',
  GUARDRAIL: 'GUARDRAIL',
  EVALUATOR: 'EVALUATOR',
} as const;
// `string & {}` keeps editor completion for the known names while allowing any string.
export type SpanType = (typeof SpanType)[keyof typeof SpanType] | (string & {});

/** OTLP's status codes under the names MLflow serialises them with. */
export const SpanStatusCode = {
  UNSET: 'STATUS_CODE_UNSET',
  OK: 'STATUS_CODE_OK',
  ERROR: 'STATUS_CODE_ERROR',
} as const;
export type SpanStatusCode = (typeof SpanStatusCode)[keyof typeof SpanStatusCode];

/** Span attribute keys MLflow reads (`mlflow/tracing/constant.py`, `SpanAttributeKey`). */
export const SpanAttributeKey = {
  EXPERIMENT_ID: 'mlflow.experimentId',
  TRACE_ID: 'mlflow.traceRequestId',
  INPUTS: 'mlflow.spanInputs',
  OUTPUTS: 'mlflow.spanOutputs',
  SPAN_TYPE: 'mlflow.spanType',
  FUNCTION_NAME: 'mlflow.spanFunctionName',
  TOKEN_USAGE: 'mlflow.chat.tokenUsage',
  CHAT_TOOLS: 'mlflow.chat.tools',
  LLM_COST: 'mlflow.llm.cost',
  MODEL: 'mlflow.llm.model',
  MODEL_PROVIDER: 'mlflow.llm.provider',
  MESSAGE_FORMAT: 'mlflow.message.format',
  INTERMEDIATE_OUTPUTS: 'mlflow.trace.intermediate_outputs',
  LINKED_PROMPTS: 'mlflow.linkedPrompts',
  CHUNK_VALUE: 'mlflow.chunk.value',
  SESSION_ID: 'session.id',
  USER_ID: 'user.id',
} as const;

/** The OpenTelemetry GenAI semantic-convention attributes the MLflow server also understands. */
export const GenAiAttributeKey = {
  OPERATION_NAME: 'gen_ai.operation.name',
  PROVIDER_NAME: 'gen_ai.provider.name',
  SYSTEM: 'gen_ai.system',
  REQUEST_MODEL: 'gen_ai.request.model',
  REQUEST_TEMPERATURE: 'gen_ai.request.temperature',
  REQUEST_MAX_TOKENS: 'gen_ai.request.max_tokens',
  REQUEST_TOP_P: 'gen_ai.request.top_p',
  RESPONSE_MODEL: 'gen_ai.response.model',
  RESPONSE_ID: 'gen_ai.response.id',
  RESPONSE_FINISH_REASONS: 'gen_ai.response.finish_reasons',
  USAGE_INPUT_TOKENS: 'gen_ai.usage.input_tokens',
  USAGE_OUTPUT_TOKENS: 'gen_ai.usage.output_tokens',
  TOOL_NAME: 'gen_ai.tool.name',
  TOOL_CALL_ID: 'gen_ai.tool.call.id',
} as const;

/** Trace metadata keys (immutable once the trace is logged). */
export const TraceMetadataKey = {
  SCHEMA_VERSION: 'mlflow.trace_schema.version',
  SOURCE_RUN: 'mlflow.sourceRun',
  MODEL_ID: 'mlflow.modelId',
  TOKEN_USAGE: 'mlflow.trace.tokenUsage',
  TRACE_SESSION: 'mlflow.trace.session',
  TRACE_USER: 'mlflow.trace.user',
  /** MLflow 2 previews, still read by MLflow's trace table. */
  INPUTS: 'mlflow.traceInputs',
  OUTPUTS: 'mlflow.traceOutputs',
  USER: 'mlflow.user',
  SOURCE_NAME: 'mlflow.source.name',
  SOURCE_TYPE: 'mlflow.source.type',
  GIT_COMMIT: 'mlflow.source.git.commit',
  GIT_BRANCH: 'mlflow.source.git.branch',
  GIT_REPO_URL: 'mlflow.source.git.repoURL',
  /** Ours: JSON `{rate, sampled, kept?, slow_threshold_ms?}` when sampling is below 1 or a slow trace was kept. */
  SAMPLING: 'mlflow.trace.sampling',
} as const;

/** Trace tag keys (mutable after logging). */
export const TraceTagKey = {
  TRACE_NAME: 'mlflow.traceName',
  ARTIFACT_LOCATION: 'mlflow.artifactLocation',
  SPANS_LOCATION: 'mlflow.trace.spansLocation',
  /** Ours: "true" on a trace whose root took longer than the slow threshold. */
  SLOW: 'mlflow.trace.slow',
} as const;

export const TRACE_SCHEMA_VERSION = '3';
export const TRACE_ID_PREFIX = 'tr-';
export const DEFAULT_SPAN_NAME = 'span';
/** MLflow OSS caps previews at this many characters (`TRACE_REQUEST_RESPONSE_PREVIEW_MAX_LENGTH_OSS`). */
export const REQUEST_RESPONSE_PREVIEW_MAX_LENGTH = 1000;
export const MLFLOW_EXPERIMENT_ID_HEADER = 'x-mlflow-experiment-id';
export const TRACES_ARTIFACT_FILE = 'traces.json';
/** Stream chunks become events `mlflow.chunk.item.<i>` carrying `mlflow.chunk.value`, as in MLflow. */
export const CHUNK_EVENT_PREFIX = 'mlflow.chunk.item.';
