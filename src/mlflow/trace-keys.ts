/**
 * Trace metadata keys and span attributes that both the AI gateway (writing traces) and the
 * store (ingesting OTLP spans) must spell the same way. Pure data.
 */

/** MLflow 3.x's gateway usage-tracking metadata (wire §9.1). */
export const GATEWAY_METADATA_KEYS = {
  ENDPOINT_ID: 'mlflow.gateway.endpointId',
  REQUEST_TYPE: 'mlflow.gateway.requestType',
  CALLER: 'mlflow.gateway.caller',
} as const;

/**
 * Our OTLP extension: a root span attribute an mlflow-ts server takes as the trace info's
 * `client_request_id`, so spans sent alone (no StartTraceV3) still carry it.
 */
export const CLIENT_REQUEST_ID_ATTRIBUTE = 'mlflow.trace.clientRequestId';

/** MLflow's usage-tracking trace metadata (wire reference §9.1). */
export const GatewayTraceMetadataKey = {
  ...GATEWAY_METADATA_KEYS,
  /** MLflow's trace-level cost total (`{input_cost, output_cost, total_cost}`, USD). */
  COST: 'mlflow.trace.cost',
} as const;

/** The experiment tag MLflow puts on the experiments its gateway creates. */
export const EXPERIMENT_SOURCE_TYPE_TAG = 'mlflow.experiment.sourceType';
export const GATEWAY_SOURCE_TYPE = 'GATEWAY';

/** Span attributes of gateway spans (MLflow's own keys are written through the tracing SDK's helpers). */
export const GatewaySpanAttributeKey = {
  REQUEST_ID: 'gateway.request_id',
  ENDPOINT: 'gateway.endpoint',
  OPERATION: 'gateway.operation',
  FRONT: 'gateway.front',
  STREAM: 'gateway.stream',
  /** The HTTP status: what the caller got (root) or what the upstream answered (attempt). */
  STATUS: 'gateway.status',
  CACHE_HIT: 'gateway.cache_hit',
  RATE_LIMITED: 'gateway.rate_limited',
  UPSTREAM_MS: 'gateway.upstream_ms',
  ATTEMPTS: 'gateway.attempts',
  SERVED_BY: 'gateway.served_by',
  /** `{input, output, total, currency}` in the pricing block's currency. */
  COST: 'gateway.cost',
  CALLER: 'gateway.caller',
  PROVIDER: 'gateway.provider',
  MODEL: 'gateway.model',
  ATTEMPT: 'gateway.attempt',
  FALLBACK: 'gateway.fallback',
  /** OpenTelemetry's attribute for the class of error: the gateway's error kind. */
  ERROR_TYPE: 'error.type',
} as const;
