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
