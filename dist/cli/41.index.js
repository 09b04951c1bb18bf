export const id = 41;
export const ids = [41];
export const modules = {

/***/ 45167:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E5: () => (/* binding */ MLFLOW_TAGS),
/* harmony export */   Kh: () => (/* binding */ VIEW_TYPES),
/* harmony export */   LV: () => (/* binding */ RUN_STATUSES),
/* harmony export */   NJ: () => (/* binding */ ENTITY_KEY_PATTERN),
/* harmony export */   _I: () => (/* binding */ VIEW_TYPE_NUMBERS),
/* harmony export */   gm: () => (/* binding */ isPathSafeKey),
/* harmony export */   gx: () => (/* binding */ LOGGED_MODEL_STATUSES),
/* harmony export */   qz: () => (/* binding */ COMPATIBLE_MLFLOW_VERSION),
/* harmony export */   rh: () => (/* binding */ MLFLOW_LIMITS),
/* harmony export */   uC: () => (/* binding */ RUN_STATUS_NUMBERS)
/* harmony export */ });
/* unused harmony exports RUN_ID_PATTERN, EXPERIMENT_ID_PATTERN, isValidEntityKey */
/**
 * MLflow's validation limits (mlflow/utils/validation.py, MLflow 3.11), as pure data.
 * This is the project's single definition: the store, the tracking routes, the client's
 * batch splitting and the ESLint plugin all read it, so a limit changes in one place.
 */
const MLFLOW_LIMITS = {
    /** Metric, param and run/experiment tag keys. */
    maxEntityKeyLength: 250,
    maxParamValueLength: 6000,
    maxRunTagValueLength: 8000,
    maxExperimentNameLength: 500,
    maxExperimentTagValueLength: 5000,
    maxTraceTagKeyLength: 250,
    maxTraceTagValueLength: 8000,
    logBatch: {
        maxMetrics: 1000,
        maxParams: 100,
        maxTags: 100,
        maxEntities: 1000,
        maxRequestBytes: 1_000_000,
    },
    dataset: {
        maxNameLength: 500,
        maxDigestLength: 36,
        maxSourceLength: 65_535,
        maxSchemaLength: 1_048_575,
        maxProfileLength: 16_777_215,
        maxInputTagKeyLength: 255,
        maxInputTagValueLength: 500,
        maxDatasetsPerBatch: 1000,
    },
    searchRuns: { defaultMaxResults: 1000, maxResults: 50_000 },
    searchExperiments: { defaultMaxResults: 1000, maxResults: 50_000 },
    searchLoggedModels: { defaultMaxResults: 100, maxResults: 50_000 },
    searchTraces: { defaultMaxResults: 100, maxResults: 500 },
    metricHistory: { defaultMaxResults: 25_000, maxResults: 25_000 },
    metricHistoryBulk: { maxRunIds: 100, maxResultsPerRun: 2500, maxResults: 25_000 },
};
/**
 * Keys may hold word characters, `/`, `.`, `-`, space and `:`. MLflow's `\w` is Python's, which is
 * Unicode (letters and digits of any script), while JavaScript's `\w` is ASCII even with `u`: spelled
 * out as `\p{L}\p{N}_`. MLflow also rejects keys that a POSIX path normalisation would change (see
 * {@link isPathSafeKey}).
 */
const ENTITY_KEY_PATTERN = /^[/\p{L}\p{N}_.\- :]*$/u;
const RUN_ID_PATTERN = /^[a-zA-Z0-9][\w-]{0,255}$/;
const EXPERIMENT_ID_PATTERN = /^[a-zA-Z0-9][\w-]{0,63}$/;
/** Mirrors MLflow's `posixpath.normpath(key) == key` check without importing node:path (pure data module). */
function isPathSafeKey(key) {
    if (key === '.' || key.startsWith('..') || key.startsWith('/'))
        return false;
    const parts = key.split('/');
    // normpath collapses '//' and removes '.' segments and trailing slashes, so any of those changes the key.
    return parts.every((p, i) => p !== '.' && p !== '..' && (p !== '' || (i === parts.length - 1 && parts.length === 1)));
}
/** The entity-key rule as one predicate: what MLflow's `_validate_metric_name`/`_validate_param_name` accept. */
function isValidEntityKey(key) {
    return key.length > 0 && key.length <= MLFLOW_LIMITS.maxEntityKeyLength && ENTITY_KEY_PATTERN.test(key) && isPathSafeKey(key);
}
const RUN_STATUSES = ['RUNNING', 'SCHEDULED', 'FINISHED', 'FAILED', 'KILLED'];
/** Proto enum numbers, accepted on input as MLflow's protobuf parser does. */
const RUN_STATUS_NUMBERS = { 1: 'RUNNING', 2: 'SCHEDULED', 3: 'FINISHED', 4: 'FAILED', 5: 'KILLED' };
const VIEW_TYPES = ['ACTIVE_ONLY', 'DELETED_ONLY', 'ALL'];
const VIEW_TYPE_NUMBERS = { 1: 'ACTIVE_ONLY', 2: 'DELETED_ONLY', 3: 'ALL' };
const LOGGED_MODEL_STATUSES = [
    'LOGGED_MODEL_STATUS_UNSPECIFIED',
    'LOGGED_MODEL_PENDING',
    'LOGGED_MODEL_READY',
    'LOGGED_MODEL_UPLOAD_FAILED',
];
/** The MLflow version whose wire behaviour we follow; `GET /version` answers it so 3.x clients enable span logging. */
const COMPATIBLE_MLFLOW_VERSION = '3.11.0';
/** System tags MLflow reads or writes. */
const MLFLOW_TAGS = {
    runName: 'mlflow.runName',
    user: 'mlflow.user',
    sourceName: 'mlflow.source.name',
    sourceType: 'mlflow.source.type',
    gitCommit: 'mlflow.source.git.commit',
    parentRunId: 'mlflow.parentRunId',
    loggedModels: 'mlflow.log-model.history',
};


/***/ }),

/***/ 49263:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cn: () => (/* binding */ GatewaySpanAttributeKey),
/* harmony export */   Eh: () => (/* binding */ GATEWAY_SOURCE_TYPE),
/* harmony export */   Q$: () => (/* binding */ GATEWAY_METADATA_KEYS),
/* harmony export */   fM: () => (/* binding */ CLIENT_REQUEST_ID_ATTRIBUTE),
/* harmony export */   mr: () => (/* binding */ GatewayTraceMetadataKey),
/* harmony export */   uA: () => (/* binding */ EXPERIMENT_SOURCE_TYPE_TAG)
/* harmony export */ });
/**
 * Trace metadata keys and span attributes that both the AI gateway (writing traces) and the
 * store (ingesting OTLP spans) must spell the same way. Pure data.
 */
/** MLflow 3.x's gateway usage-tracking metadata (wire §9.1). */
const GATEWAY_METADATA_KEYS = {
    ENDPOINT_ID: 'mlflow.gateway.endpointId',
    REQUEST_TYPE: 'mlflow.gateway.requestType',
    CALLER: 'mlflow.gateway.caller',
};
/**
 * Our OTLP extension: a root span attribute an mlflow-ts server takes as the trace info's
 * `client_request_id`, so spans sent alone (no StartTraceV3) still carry it.
 */
const CLIENT_REQUEST_ID_ATTRIBUTE = 'mlflow.trace.clientRequestId';
/** MLflow's usage-tracking trace metadata (wire reference §9.1). */
const GatewayTraceMetadataKey = {
    ...GATEWAY_METADATA_KEYS,
    /** MLflow's trace-level cost total (`{input_cost, output_cost, total_cost}`, USD). */
    COST: 'mlflow.trace.cost',
};
/** The experiment tag MLflow puts on the experiments its gateway creates. */
const EXPERIMENT_SOURCE_TYPE_TAG = 'mlflow.experiment.sourceType';
const GATEWAY_SOURCE_TYPE = 'GATEWAY';
/** Span attributes of gateway spans (MLflow's own keys are written through the tracing SDK's helpers). */
const GatewaySpanAttributeKey = {
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
};


/***/ })

};
