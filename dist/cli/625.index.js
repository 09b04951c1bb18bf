export const id = 625;
export const ids = [625];
export const modules = {

/***/ 32556:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WM: () => (/* binding */ loadProjectConfig),
/* harmony export */   dX: () => (/* binding */ TracingConfigError),
/* harmony export */   er: () => (/* binding */ resolveTracingSettings)
/* harmony export */ });
/* unused harmony exports PROJECT_CONFIG_FILE, tracingConfigSchema, projectConfigSchema, ProjectConfigError, parseProjectConfig */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(38815);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(55156);
/**
 * The project config file `mlflow-config.yaml` and the tracing settings resolved from code, the
 * environment and that file (in that order of precedence, then defaults). The loader is shared:
 * the server and the gateway read their own sections of the same file, so unknown top-level
 * sections are allowed while each known section is strict (a typo is an error, not a silent
 * default). Every error names the file, the line and the YAML path of the offending value.
 */




const PROJECT_CONFIG_FILE = 'mlflow-config.yaml';
const between0and1 = { error: 'must be a number between 0 and 1' };
const nonNegativeMs = { error: 'must be a non-negative number of milliseconds' };
const tracingConfigSchema = zod__WEBPACK_IMPORTED_MODULE_3__.strictObject({
    /** Fraction of traces exported, decided once per trace at its root. */
    sampling_rate: zod__WEBPACK_IMPORTED_MODULE_3__.number(between0and1).min(0, between0and1).max(1, between0and1).optional(),
    /** A sampled-out trace whose root took longer than this is exported anyway, tagged slow. */
    slow_threshold_ms: zod__WEBPACK_IMPORTED_MODULE_3__.number(nonNegativeMs).min(0, nonNegativeMs).optional(),
});
const projectConfigSchema = zod__WEBPACK_IMPORTED_MODULE_3__.looseObject({
    tracing: tracingConfigSchema.optional(),
});
/** A config file that cannot be used; `issues` lists every problem found. */
class ProjectConfigError extends Error {
    file;
    issues;
    constructor(file, issues) {
        const lines = issues.map((i) => `  ${file}${i.line ? `:${i.line}` : ''}: ${i.path ? `${i.path}: ` : ''}${i.message}`);
        super(`Invalid project config ${file}:\n${lines.join('\n')}\nFix the file (see the tracing section of the README for the schema) or remove it.`);
        this.name = 'ProjectConfigError';
        this.file = file;
        this.issues = issues;
    }
}
/** A bad tracing setting given in code or in the environment. */
class TracingConfigError extends Error {
    constructor(message) {
        super(message);
        this.name = 'TracingConfigError';
    }
}
function formatPath(path) {
    let out = '';
    for (const part of path) {
        if (typeof part === 'number')
            out += `[${part}]`;
        else
            out += out === '' ? String(part) : `.${String(part)}`;
    }
    return out;
}
/**
 * Parses and validates config text. `file` is only used in messages. An empty file is an empty
 * config. Throws ProjectConfigError.
 */
function parseProjectConfig(text, file = PROJECT_CONFIG_FILE) {
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_2__.LineCounter();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_2__.parseDocument)(text, { lineCounter, prettyErrors: true });
    if (doc.errors.length > 0) {
        throw new ProjectConfigError(file, doc.errors.map((e) => ({ path: '', line: e.linePos?.[0].line, message: `YAML syntax: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}` })));
    }
    const data = doc.toJS() ?? {};
    const result = projectConfigSchema.safeParse(data);
    if (result.success)
        return result.data;
    const lineOf = (path) => {
        const node = doc.getIn(path, true);
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_2__.isNode)(node) || !node.range)
            return undefined;
        return lineCounter.linePos(node.range[0]).line;
    };
    const issues = result.error.issues.map((issue) => {
        let message = issue.message;
        if (issue.code === 'unrecognized_keys') {
            const where = issue.path.length ? formatPath(issue.path) : 'the top level';
            const known = issue.path[0] === 'tracing' ? ` (expected ${Object.keys(tracingConfigSchema.shape).join(', ')})` : '';
            message = `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')} in ${where}${known}`;
            return { path: formatPath(issue.path), line: lineOf([...issue.path, issue.keys[0]]) ?? lineOf(issue.path), message };
        }
        if (issue.code === 'invalid_type' && issue.path.length === 0)
            message = 'the file must be a YAML mapping (key: value pairs)';
        else if (issue.code === 'invalid_type' && issue.expected === 'object')
            message = 'must be a mapping (key: value pairs)';
        const got = issue.path.length ? doc.getIn(issue.path) : undefined;
        if (got !== undefined && (typeof got !== 'object' || got === null))
            message += ` (got ${JSON.stringify(got)})`;
        return { path: formatPath(issue.path), line: lineOf(issue.path), message };
    });
    throw new ProjectConfigError(file, issues);
}
/** Reads the project config file; undefined when none is given and none exists. Throws ProjectConfigError. */
function loadProjectConfig(options = {}) {
    const file = options.path !== undefined ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(options.cwd ?? process.cwd(), options.path) : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(options.cwd ?? process.cwd(), PROJECT_CONFIG_FILE);
    let text;
    try {
        text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8');
    }
    catch (err) {
        if (options.path === undefined && err.code === 'ENOENT')
            return undefined;
        throw new ProjectConfigError(file, [{ path: '', message: `cannot read the file (${err.code ?? err.message})` }]);
    }
    return { file, config: parseProjectConfig(text, file) };
}
function checkRate(value, where) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
        throw new TracingConfigError(`${where} must be a number between 0 and 1, got ${JSON.stringify(value)}.`);
    }
    return value;
}
function checkThreshold(value, where) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
        throw new TracingConfigError(`${where} must be a non-negative number of milliseconds, got ${JSON.stringify(value)}.`);
    }
    return value;
}
function envNumber(env, name) {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '')
        return undefined;
    const n = Number(raw);
    if (!Number.isFinite(n))
        throw new TracingConfigError(`Environment variable ${name} must be a number, got '${raw}'.`);
    return n;
}
/** Sampling settings by precedence: code, then `MLFLOW_TRACE_*` env, then the file, then rate 1 and no threshold. */
function resolveTracingSettings(input = {}) {
    const env = input.env ?? process.env;
    const fileTracing = input.file?.tracing;
    let samplingRate = 1;
    let rateSource = 'default';
    const envRate = envNumber(env, 'MLFLOW_TRACE_SAMPLING_RATE');
    if (input.code?.samplingRate !== undefined) {
        samplingRate = checkRate(input.code.samplingRate, 'init({samplingRate})');
        rateSource = 'code';
    }
    else if (envRate !== undefined) {
        samplingRate = checkRate(envRate, 'MLFLOW_TRACE_SAMPLING_RATE');
        rateSource = 'env';
    }
    else if (fileTracing?.sampling_rate !== undefined) {
        samplingRate = fileTracing.sampling_rate;
        rateSource = 'file';
    }
    let slowThresholdMs;
    let slowSource = 'default';
    const envSlow = envNumber(env, 'MLFLOW_TRACE_SLOW_THRESHOLD_MS');
    if (input.code?.slowThresholdMs !== undefined) {
        slowThresholdMs = checkThreshold(input.code.slowThresholdMs, 'init({slowThresholdMs})');
        slowSource = 'code';
    }
    else if (envSlow !== undefined) {
        slowThresholdMs = checkThreshold(envSlow, 'MLFLOW_TRACE_SLOW_THRESHOLD_MS');
        slowSource = 'env';
    }
    else if (fileTracing?.slow_threshold_ms !== undefined) {
        slowThresholdMs = fileTracing.slow_threshold_ms;
        slowSource = 'file';
    }
    return { samplingRate, slowThresholdMs, sources: { samplingRate: rateSource, slowThresholdMs: slowSource } };
}


/***/ }),

/***/ 77997:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C3: () => (/* binding */ TraceMetadataKey),
/* harmony export */   JG: () => (/* binding */ TRACES_ARTIFACT_FILE),
/* harmony export */   Sm: () => (/* binding */ GenAiAttributeKey),
/* harmony export */   W5: () => (/* binding */ SpanAttributeKey),
/* harmony export */   bT: () => (/* binding */ TraceTagKey),
/* harmony export */   du: () => (/* binding */ SpanType),
/* harmony export */   gi: () => (/* binding */ MLFLOW_EXPERIMENT_ID_HEADER),
/* harmony export */   hD: () => (/* binding */ TRACE_ID_PREFIX),
/* harmony export */   iL: () => (/* binding */ CHUNK_EVENT_PREFIX),
/* harmony export */   j8: () => (/* binding */ DEFAULT_SPAN_NAME),
/* harmony export */   l7: () => (/* binding */ REQUEST_RESPONSE_PREVIEW_MAX_LENGTH),
/* harmony export */   nM: () => (/* binding */ TRACE_SCHEMA_VERSION),
/* harmony export */   sY: () => (/* binding */ SpanStatusCode)
/* harmony export */ });
/**
 * MLflow's tracing vocabulary (span types, status codes, attribute, metadata and tag keys) as
 * plain const objects: the names and values are MLflow's, so traces written here read the same in
 * MLflow's UI and clients as traces from the Python or official TypeScript SDK.
 */
/** MLflow's span types. Free-form strings are accepted too, as in MLflow. */
const SpanType = {
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
};
/** OTLP's status codes under the names MLflow serialises them with. */
const SpanStatusCode = {
    UNSET: 'STATUS_CODE_UNSET',
    OK: 'STATUS_CODE_OK',
    ERROR: 'STATUS_CODE_ERROR',
};
/** Span attribute keys MLflow reads (`mlflow/tracing/constant.py`, `SpanAttributeKey`). */
const SpanAttributeKey = {
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
};
/** The OpenTelemetry GenAI semantic-convention attributes the MLflow server also understands. */
const GenAiAttributeKey = {
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
};
/** Trace metadata keys (immutable once the trace is logged). */
const TraceMetadataKey = {
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
};
/** Trace tag keys (mutable after logging). */
const TraceTagKey = {
    TRACE_NAME: 'mlflow.traceName',
    ARTIFACT_LOCATION: 'mlflow.artifactLocation',
    SPANS_LOCATION: 'mlflow.trace.spansLocation',
    /** Ours: "true" on a trace whose root took longer than the slow threshold. */
    SLOW: 'mlflow.trace.slow',
};
const TRACE_SCHEMA_VERSION = '3';
const TRACE_ID_PREFIX = 'tr-';
const DEFAULT_SPAN_NAME = 'span';
/** MLflow OSS caps previews at this many characters (`TRACE_REQUEST_RESPONSE_PREVIEW_MAX_LENGTH_OSS`). */
const REQUEST_RESPONSE_PREVIEW_MAX_LENGTH = 1000;
const MLFLOW_EXPERIMENT_ID_HEADER = 'x-mlflow-experiment-id';
const TRACES_ARTIFACT_FILE = 'traces.json';
/** Stream chunks become events `mlflow.chunk.item.<i>` carrying `mlflow.chunk.value`, as in MLflow. */
const CHUNK_EVENT_PREFIX = 'mlflow.chunk.item.';


/***/ }),

/***/ 80155:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CG: () => (/* binding */ runOutsideContext),
/* harmony export */   Fi: () => (/* binding */ currentContext),
/* harmony export */   X$: () => (/* binding */ isTraceContext),
/* harmony export */   _G: () => (/* binding */ runInContext)
/* harmony export */ });
/* harmony import */ var node_async_hooks__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(16698);
/**
 * The active-span context. One AsyncLocalStorage slot holds either the active LiveSpan or a
 * remote parent extracted from a `traceparent` header, so every async continuation (including
 * each branch of a `Promise.all`) sees the span that was active where it was created.
 */

const storage = new node_async_hooks__WEBPACK_IMPORTED_MODULE_0__.AsyncLocalStorage();
function currentContext() {
    return storage.getStore();
}
function isTraceContext(value) {
    return typeof value === 'object' && value !== null && value.isRemote === true && typeof value.spanId === 'string';
}
function runInContext(context, fn) {
    return context === undefined ? storage.exit(fn) : storage.run(context, fn);
}
/** Runs `fn` outside any span, so work the SDK schedules (timers, exports) holds no user span. */
function runOutsideContext(fn) {
    return storage.exit(fn);
}


/***/ }),

/***/ 7481:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bT: () => (/* binding */ parseTraceparent),
/* harmony export */   q6: () => (/* binding */ getTracingContextHeadersForHttpRequest)
/* harmony export */ });
/* unused harmony exports TRACEPARENT_HEADER, TRACESTATE_HEADER, extract, inject, withRemoteParent, withTracingContextFromHeaders, withTracingContextFromHeadersAsync, createTracedFetch, tracedFetch, tracingInterceptor */
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(80155);
/* harmony import */ var _ids_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(72010);
/* harmony import */ var _span_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(20570);
/* harmony import */ var _trace_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(73257);




const TRACEPARENT_HEADER = 'traceparent';
const TRACESTATE_HEADER = 'tracestate';
function readHeader(headers, name) {
    if (!headers)
        return undefined;
    const matchEntries = (entries) => {
        for (const entry of entries) {
            if (!Array.isArray(entry) || String(entry[0]).toLowerCase() !== name)
                continue;
            const value = entry[1];
            if (value == null)
                return undefined;
            return Array.isArray(value) ? `${value[0]}` : `${value}`;
        }
        return undefined;
    };
    // A Map's get is case-sensitive; header names are not.
    if (headers instanceof Map)
        return matchEntries(headers);
    if (typeof headers.get === 'function') {
        return headers.get(name) ?? undefined;
    }
    if (Symbol.iterator in headers)
        return matchEntries(headers);
    return matchEntries(Object.entries(headers));
}
/** Parses a `traceparent` value; undefined when invalid (the spec says to ignore it then). */
function parseTraceparent(value, traceState) {
    if (!value)
        return undefined;
    const parts = value.trim().split('-');
    if (parts.length < 4)
        return undefined;
    const [version, traceId, spanId, flags] = parts;
    if (!/^[0-9a-f]{2}$/.test(version) || version === 'ff')
        return undefined;
    // Version 00 has exactly four fields; later versions may append more, which we ignore.
    if (version === '00' && parts.length !== 4)
        return undefined;
    if (!(0,_ids_js__WEBPACK_IMPORTED_MODULE_1__/* .isTraceIdHex */ .kp)(traceId) || !(0,_ids_js__WEBPACK_IMPORTED_MODULE_1__/* .isSpanIdHex */ .RS)(spanId) || !/^[0-9a-f]{2}$/.test(flags))
        return undefined;
    const context = { traceId: (0,_ids_js__WEBPACK_IMPORTED_MODULE_1__/* .toMlflowTraceId */ .vo)(traceId), spanId, sampled: (parseInt(flags, 16) & 1) === 1, isRemote: true };
    return traceState ? { ...context, traceState } : context;
}
/** The remote parent carried by request headers, or undefined when there is no valid `traceparent`. */
function extract(headers) {
    return parseTraceparent(readHeader(headers, TRACEPARENT_HEADER), readHeader(headers, TRACESTATE_HEADER));
}
function propagationOf(context) {
    if (!context)
        return undefined;
    if (context instanceof _span_js__WEBPACK_IMPORTED_MODULE_2__/* .LiveSpan */ .Ls) {
        const owner = context._owner;
        if (owner instanceof _trace_js__WEBPACK_IMPORTED_MODULE_3__/* .TraceBuffer */ .gl)
            owner.propagated = true;
        const sampled = owner instanceof _trace_js__WEBPACK_IMPORTED_MODULE_3__/* .TraceBuffer */ .gl ? owner.sampled : true;
        const out = { traceparent: `00-${(0,_ids_js__WEBPACK_IMPORTED_MODULE_1__/* .fromMlflowTraceId */ .ol)(context.traceId)}-${context.spanId}-${sampled ? '01' : '00'}` };
        if (owner instanceof _trace_js__WEBPACK_IMPORTED_MODULE_3__/* .TraceBuffer */ .gl && owner.traceState)
            out.tracestate = owner.traceState;
        return out;
    }
    if ((0,_context_js__WEBPACK_IMPORTED_MODULE_0__/* .isTraceContext */ .X$)(context)) {
        // Inside a remote context but no local span yet: pass the caller's parent through unchanged.
        const out = { traceparent: `00-${(0,_ids_js__WEBPACK_IMPORTED_MODULE_1__/* .fromMlflowTraceId */ .ol)(context.traceId)}-${context.spanId}-${context.sampled ? '01' : '00'}` };
        if (context.traceState)
            out.tracestate = context.traceState;
        return out;
    }
    return undefined;
}
/** The `traceparent` (and `tracestate`) headers for the active span, or for `span`; `{}` when there is none. */
function getTracingContextHeadersForHttpRequest(span) {
    const p = propagationOf(span ?? (0,_context_js__WEBPACK_IMPORTED_MODULE_0__/* .currentContext */ .Fi)());
    if (!p)
        return {};
    return p.tracestate ? { traceparent: p.traceparent, tracestate: p.tracestate } : { traceparent: p.traceparent };
}
function inject(headers = {}, span) {
    const p = propagationOf(span ?? currentContext());
    if (!p)
        return headers;
    if (headers instanceof Headers) {
        headers.set(TRACEPARENT_HEADER, p.traceparent);
        if (p.tracestate)
            headers.set(TRACESTATE_HEADER, p.tracestate);
        return headers;
    }
    const out = {};
    for (const [k, v] of Object.entries(headers))
        if (k.toLowerCase() !== TRACEPARENT_HEADER && k.toLowerCase() !== TRACESTATE_HEADER)
            out[k] = v;
    out[TRACEPARENT_HEADER] = p.traceparent;
    if (p.tracestate)
        out[TRACESTATE_HEADER] = p.tracestate;
    return out;
}
/**
 * Runs `fn` with the remote parent from `headers` (or an extracted context) active: spans it
 * creates continue the caller's trace. Without a valid `traceparent`, `fn` runs as usual and its
 * spans start a new trace.
 */
function withRemoteParent(headersOrContext, fn) {
    const context = isTraceContext(headersOrContext) ? headersOrContext : extract(headersOrContext);
    return context ? runInContext(context, fn) : fn();
}
function requireContext(headers) {
    const context = extract(headers);
    if (!context) {
        throw new Error("The HTTP request headers do not contain a valid 'traceparent' header. Generate the caller's headers with getTracingContextHeadersForHttpRequest() or inject().");
    }
    return context;
}
/** The official SDK's name: like withRemoteParent, but throws when `traceparent` is missing or invalid. */
function withTracingContextFromHeaders(headers, callback) {
    return runInContext(requireContext(headers), callback);
}
/** The official SDK's async variant (the same function: async context follows promises). */
async function withTracingContextFromHeadersAsync(headers, callback) {
    return runInContext(requireContext(headers), callback);
}
/** Wraps a fetch function so every call carries the active span as `traceparent`. */
function createTracedFetch(baseFetch = globalThis.fetch) {
    const traced = (input, init) => {
        const p = propagationOf(currentContext());
        if (!p)
            return baseFetch(input, init);
        const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
        headers.set(TRACEPARENT_HEADER, p.traceparent);
        if (p.tracestate)
            headers.set(TRACESTATE_HEADER, p.tracestate);
        return baseFetch(input, { ...init, headers });
    };
    return traced;
}
/** `fetch` that carries the active span as `traceparent`. */
const tracedFetch = (input, init) => createTracedFetch(globalThis.fetch)(input, init);
function withTraceHeaders(headers, p) {
    const isOurs = (name) => {
        const lower = name.toLowerCase();
        return lower === TRACEPARENT_HEADER || lower === TRACESTATE_HEADER;
    };
    const extra = [[TRACEPARENT_HEADER, p.traceparent]];
    if (p.tracestate)
        extra.push([TRACESTATE_HEADER, p.tracestate]);
    if (headers == null)
        return Object.fromEntries(extra);
    if (Array.isArray(headers)) {
        // undici's flat form: [name, value, name, value, ...].
        const flat = [];
        for (let i = 0; i + 1 < headers.length; i += 2) {
            if (!isOurs(String(headers[i])))
                flat.push(String(headers[i]), headers[i + 1]);
        }
        for (const [k, v] of extra)
            flat.push(k, v);
        return flat;
    }
    const out = {};
    const entries = Symbol.iterator in headers ? headers : Object.entries(headers);
    for (const [k, v] of entries) {
        if (v === undefined || isOurs(k))
            continue;
        out[k] = Array.isArray(v) ? v.map((x) => `${x}`) : `${v}`;
    }
    for (const [k, v] of extra)
        out[k] = v;
    return out;
}
/**
 * An undici interceptor that adds `traceparent` for the active span to every request:
 * `setGlobalDispatcher(getGlobalDispatcher().compose(tracingInterceptor()))`, or
 * `new Agent().compose(tracingInterceptor())` for one client.
 */
function tracingInterceptor() {
    return (dispatch) => (options, handler) => {
        const p = propagationOf(currentContext());
        if (!p)
            return dispatch(options, handler);
        return dispatch({ ...options, headers: withTraceHeaders(options.headers, p) }, handler);
    };
}


/***/ }),

/***/ 66743:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _Z: () => (/* binding */ TraceExportError),
/* harmony export */   iT: () => (/* binding */ ExportQueue),
/* harmony export */   mT: () => (/* binding */ defaultWarn)
/* harmony export */ });
/* unused harmony export InMemoryTraceExporter */
/**
 * An export failure. `retryable` says whether a later attempt can succeed; `traces` narrows it
 * to the traces that failed (the rest of the batch is stored); `errors` holds per-trace failures
 * of a partly failed batch.
 */
class TraceExportError extends Error {
    retryable;
    traces;
    errors;
    constructor(message, options) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.name = 'TraceExportError';
        this.retryable = options.retryable;
        this.traces = options.traces;
        this.errors = options.errors ?? [];
    }
}
/** Keeps exported traces in memory: for tests, and for programs that read their own traces. */
class InMemoryTraceExporter {
    traces = [];
    async export(traces) {
        this.traces.push(...traces);
    }
    clear() {
        this.traces.length = 0;
    }
}
const RETRY_CAP_MS = 30_000;
const defaultWarn = (message) => {
    console.warn(`[mlflow-tracing] ${message}`);
};
class ExportQueue {
    exporter;
    #maxQueueSize;
    #maxBatchSize;
    #scheduleDelayMs;
    #maxRetries;
    #retryBaseMs;
    #warn;
    #warned = new Set();
    #stats = { exported: 0, droppedQueueFull: 0, droppedFailed: 0, droppedAtExit: 0, retries: 0 };
    #queue = [];
    #inflight;
    #abort;
    #running = false;
    #timer;
    #timerIsBackoff = false;
    #waiters = [];
    #holders = 0;
    #closed = false;
    /** While set, backoffs are cut to fit before this time (ms, performance.now()). */
    #deadline;
    constructor(exporter, options = {}) {
        this.exporter = exporter;
        this.#maxQueueSize = Math.max(1, options.maxQueueSize ?? 2048);
        this.#maxBatchSize = Math.max(1, options.maxBatchSize ?? 32);
        this.#scheduleDelayMs = Math.max(0, options.scheduleDelayMs ?? 50);
        this.#maxRetries = Math.max(0, options.maxRetries ?? 5);
        this.#retryBaseMs = Math.max(1, options.retryBaseMs ?? 500);
        this.#warn = options.warn ?? defaultWarn;
    }
    get stats() {
        return { ...this.#stats };
    }
    /** Traces queued or being exported. */
    get pending() {
        return this.#queue.length + (this.#inflight?.length ?? 0);
    }
    get closed() {
        return this.#closed;
    }
    #warnOnce(kind, message) {
        if (this.#warned.has(kind))
            return;
        this.#warned.add(kind);
        try {
            this.#warn(message);
        }
        catch {
            // A broken logger must not break the export loop.
        }
    }
    enqueue(trace) {
        if (this.#closed) {
            this.#stats.droppedAtExit++;
            this.#warnOnce('closed', `Trace ${trace.traceId} finished after tracing was shut down; it was not exported.`);
            return;
        }
        if (this.#queue.length >= this.#maxQueueSize) {
            this.#queue.shift();
            this.#stats.droppedQueueFull++;
            this.#warnOnce('queue-full', `The trace export queue is full (${this.#maxQueueSize} traces): dropping the oldest. ` +
                'The tracking server is slower than traces are produced or unreachable; exportStats().droppedQueueFull counts the drops.');
        }
        this.#queue.push({ trace, attempts: 0 });
        if (this.#running || (this.#timer && this.#timerIsBackoff))
            return;
        if (this.#queue.length >= this.#maxBatchSize || this.#holders > 0)
            this.#kick();
        else if (!this.#timer)
            this.#setTimer(this.#scheduleDelayMs, false);
    }
    #setTimer(ms, backoff) {
        this.#timer = setTimeout(() => {
            this.#timer = undefined;
            this.#timerIsBackoff = false;
            this.#kick();
        }, ms);
        this.#timerIsBackoff = backoff;
        if (this.#holders === 0)
            this.#timer.unref();
    }
    #kick() {
        if (this.#timer && !this.#timerIsBackoff) {
            clearTimeout(this.#timer);
            this.#timer = undefined;
        }
        if (this.#running || this.#timer)
            return;
        void this.#run();
    }
    #backoffMs(attempt) {
        const ceiling = Math.min(RETRY_CAP_MS, this.#retryBaseMs * 2 ** (attempt - 1));
        let ms = Math.round(ceiling * (0.5 + Math.random() * 0.5));
        if (this.#deadline !== undefined)
            ms = Math.min(ms, Math.max(0, this.#deadline - performance.now() - 50));
        return ms;
    }
    async #run() {
        this.#running = true;
        try {
            while (this.#queue.length > 0 && !this.#timer) {
                const batch = this.#queue.splice(0, this.#maxBatchSize);
                this.#inflight = batch;
                const controller = new AbortController();
                this.#abort = controller;
                let error;
                try {
                    await this.exporter.export(batch.map((i) => i.trace), controller.signal);
                }
                catch (err) {
                    error = err;
                }
                this.#inflight = undefined;
                this.#abort = undefined;
                // An abandoned batch (exit deadline) was already counted as dropped.
                if (controller.signal.aborted)
                    continue;
                if (error === undefined) {
                    this.#stats.exported += batch.length;
                    continue;
                }
                this.#handleFailure(batch, error);
            }
        }
        finally {
            this.#running = false;
            this.#notifyIfIdle();
        }
    }
    #handleFailure(batch, error) {
        const failures = [];
        const failed = new Set();
        const itemsOf = (traces) => (traces ? batch.filter((i) => traces.includes(i.trace)) : batch);
        if (error instanceof TraceExportError) {
            for (const e of error.errors.length > 0 ? error.errors : [error]) {
                const items = itemsOf(e.traces).filter((i) => !failed.has(i));
                items.forEach((i) => failed.add(i));
                failures.push({ items, retryable: e.retryable, error: e });
            }
        }
        else {
            // An exporter that throws plain errors gets the benefit of the doubt: retried, bounded.
            batch.forEach((i) => failed.add(i));
            failures.push({ items: batch, retryable: true, error });
        }
        this.#stats.exported += batch.length - failed.size;
        const requeue = [];
        for (const { items, retryable, error: e } of failures) {
            for (const item of items) {
                item.attempts++;
                if (retryable && item.attempts <= this.#maxRetries && !this.#closedForRetries())
                    requeue.push(item);
                else {
                    this.#stats.droppedFailed++;
                    const message = e instanceof Error ? e.message : String(e);
                    this.#warnOnce('export-failed', `Could not export trace ${item.trace.traceId}${retryable ? ` after ${item.attempts} attempts` : ''}: ${message} ` +
                        '(further export failures are counted in exportStats() without being logged).');
                }
            }
        }
        if (requeue.length === 0)
            return;
        this.#stats.retries += requeue.length;
        // Retried traces go first so traces keep their finishing order; the queue bound still holds.
        this.#queue = [...requeue, ...this.#queue];
        while (this.#queue.length > this.#maxQueueSize) {
            this.#queue.pop();
            this.#stats.droppedQueueFull++;
        }
        const attempt = Math.max(...requeue.map((i) => i.attempts));
        this.#setTimer(this.#backoffMs(attempt), true);
    }
    #closedForRetries() {
        return this.#deadline !== undefined && performance.now() >= this.#deadline;
    }
    #notifyIfIdle() {
        if (this.pending > 0 || this.#running || this.#timer)
            return;
        const waiters = this.#waiters;
        this.#waiters = [];
        for (const resolve of waiters)
            resolve();
    }
    /**
     * Exports everything queued now, waiting through retries. Resolves true when the queue drained,
     * false when `timeoutMs` passed first (the traces stay queued).
     */
    async flush(timeoutMs) {
        if (this.pending === 0 && !this.#running)
            return true;
        this.#holders++;
        this.#timer?.ref();
        try {
            const drained = new Promise((resolve) => this.#waiters.push(() => resolve(true)));
            if (!this.#running)
                this.#kick();
            if (timeoutMs === undefined)
                return await drained;
            let timeout;
            const expired = new Promise((resolve) => (timeout = setTimeout(() => resolve(false), timeoutMs)));
            try {
                return await Promise.race([drained, expired]);
            }
            finally {
                clearTimeout(timeout);
            }
        }
        finally {
            this.#holders--;
            if (this.#holders === 0)
                this.#timer?.unref();
        }
    }
    /**
     * The flush at process exit: at most `timeoutMs`, retries squeezed into that time, and whatever
     * is left after it dropped (counted and reported once), so the process can exit.
     */
    async flushForExit(timeoutMs) {
        if (this.pending === 0)
            return;
        this.#deadline = performance.now() + timeoutMs;
        if (this.#timer && this.#timerIsBackoff) {
            // A long backoff scheduled before exit would outlive the deadline.
            clearTimeout(this.#timer);
            this.#timer = undefined;
            this.#timerIsBackoff = false;
        }
        try {
            const drained = await this.flush(timeoutMs);
            if (!drained)
                this.#abandon();
        }
        finally {
            this.#deadline = undefined;
        }
    }
    #abandon() {
        const left = this.pending;
        if (left === 0)
            return;
        this.#stats.droppedAtExit += left;
        this.#queue = [];
        this.#inflight = undefined;
        this.#abort?.abort();
        if (this.#timer) {
            clearTimeout(this.#timer);
            this.#timer = undefined;
            this.#timerIsBackoff = false;
        }
        this.#warnOnce('exit', `${left} trace(s) could not be exported before the process exited (the tracking server did not answer in time).`);
        this.#notifyIfIdle();
    }
    /** Flushes (at most `timeoutMs`, default 30 s), drops the rest, and closes the exporter. Later traces are dropped. */
    async shutdown(timeoutMs = 30_000) {
        if (this.#closed)
            return;
        await this.flushForExit(timeoutMs);
        this.#closed = true;
        try {
            await this.exporter.shutdown?.();
        }
        catch {
            // Closing connections cannot fail in a way the caller could act on.
        }
    }
    /** Synchronous last word at `process.exit`: report what could not be sent. */
    reportUnexported() {
        const left = this.pending;
        if (left > 0) {
            this.#warnOnce('exit', `${left} trace(s) were not exported: the process exited first. Call \`await flushTraces()\` before exiting.`);
        }
    }
}


/***/ }),

/***/ 92322:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   UR: () => (/* binding */ MlflowTraceExporter),
/* harmony export */   wA: () => (/* binding */ otlpBody),
/* harmony export */   yZ: () => (/* binding */ OtlpTraceExporter)
/* harmony export */ });
/* unused harmony exports ExperimentResolver, tracesArtifactPath */
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77997);
/* harmony import */ var _exporter_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(66743);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(97886);
/* harmony import */ var _span_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(20570);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(10990);
/* harmony import */ var _client_concurrency_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(93622);
/**
 * The two built-in transports.
 *
 * `MlflowTraceExporter` does what the official TypeScript SDK does (wire §7): per trace,
 * `POST /api/3.0/mlflow/traces` with the TraceInfoV3, then `PUT` of `traces.json` under the
 * `mlflow.artifactLocation` the server answers with. Two additions for distributed traces: a
 * fragment (spans under a remote parent) has no trace info of its own and goes to the server's
 * OTLP endpoint, which merges spans by trace id; and the spans of a trace whose context went to
 * another process (or that the server says keeps spans in its store, tag
 * `mlflow.trace.spansLocation=TRACKING_STORE`) are sent there too, whichever side finishes first,
 * so the stored trace holds every process's spans. Like MLflow's Python client, those spans go
 * first, so the trace info posted afterwards has the last word on previews and metadata.
 *
 * `OtlpTraceExporter` sends OTLP/HTTP JSON to `/v1/traces` with `x-mlflow-experiment-id`.
 */






const CONCURRENCY = 4;
/** Experiment id given, or looked up (and created, as MLflow's set_experiment does) by name once. */
class ExperimentResolver {
    #id;
    #name;
    #resolved;
    constructor(experimentId, experimentName) {
        this.#id = experimentId;
        this.#name = experimentName;
    }
    get known() {
        return this.#id ?? this.#resolved;
    }
    async resolve(http, signal, traces) {
        if (this.#id !== undefined)
            return this.#id;
        if (this.#resolved !== undefined)
            return this.#resolved;
        if (this.#name === undefined)
            return undefined;
        const name = this.#name;
        const lookup = async () => {
            const res = await http.send('GET', `/api/2.0/mlflow/experiments/get-by-name?experiment_name=${encodeURIComponent(name)}`, { signal, traces });
            if (res.status === 404)
                return undefined;
            if (res.status !== 200)
                throw (0,_http_js__WEBPACK_IMPORTED_MODULE_2__/* .httpError */ .p2)('GET', '/api/2.0/mlflow/experiments/get-by-name', res, traces);
            return JSON.parse(res.text).experiment?.experiment_id;
        };
        let id = await lookup();
        if (id === undefined) {
            const res = await http.send('POST', '/api/2.0/mlflow/experiments/create', { body: JSON.stringify({ name }), signal, traces });
            if (res.status === 200)
                id = JSON.parse(res.text).experiment_id;
            else if (res.text.includes('RESOURCE_ALREADY_EXISTS'))
                id = await lookup();
            else
                throw (0,_http_js__WEBPACK_IMPORTED_MODULE_2__/* .httpError */ .p2)('POST', '/api/2.0/mlflow/experiments/create', res, traces);
        }
        if (id === undefined) {
            throw new _exporter_js__WEBPACK_IMPORTED_MODULE_1__/* .TraceExportError */ ._Z(`The tracking server returned no id for experiment '${name}'.`, { retryable: false, traces });
        }
        this.#resolved = id;
        return id;
    }
}
/** The OTLP/JSON `ExportTraceServiceRequest` holding every span of `traces` (what `/v1/traces` takes). */
function otlpBody(traces) {
    return JSON.stringify({
        resourceSpans: [
            {
                resource: { attributes: [{ key: 'service.name', value: { stringValue: process.env.OTEL_SERVICE_NAME ?? 'mlflow-ts-tracing' } }] },
                scopeSpans: [
                    {
                        scope: { name: 'mlflow-ts-action/tracing', version: _version_js__WEBPACK_IMPORTED_MODULE_4__/* .PACKAGE_VERSION */ .i },
                        spans: traces.flatMap((t) => t.data.spans.map(_span_js__WEBPACK_IMPORTED_MODULE_3__/* .spanToOtlpJson */ .rr)),
                    },
                ],
            },
        ],
    });
}
function asExportError(err, trace) {
    if (err instanceof _exporter_js__WEBPACK_IMPORTED_MODULE_1__/* .TraceExportError */ ._Z)
        return new _exporter_js__WEBPACK_IMPORTED_MODULE_1__/* .TraceExportError */ ._Z(err.message, { retryable: err.retryable, traces: [trace], cause: err.cause });
    return new _exporter_js__WEBPACK_IMPORTED_MODULE_1__/* .TraceExportError */ ._Z(`Exporting trace ${trace.traceId} failed: ${err instanceof Error ? err.message : String(err)}`, {
        retryable: false,
        traces: [trace],
        cause: err,
    });
}
/** The artifact service path of `traces.json` for an `mlflow-artifacts:` location. */
function tracesArtifactPath(artifactLocation) {
    let url;
    try {
        url = new URL(artifactLocation);
    }
    catch {
        url = new URL('invalid:');
    }
    if (url.protocol !== 'mlflow-artifacts:') {
        throw new _exporter_js__WEBPACK_IMPORTED_MODULE_1__/* .TraceExportError */ ._Z(`The server stores this trace's artifacts at '${artifactLocation}', which this SDK cannot upload to: ` +
            'only mlflow-artifacts: locations (the server proxying artifacts, `--serve-artifacts`) are supported.', { retryable: false });
    }
    const path = url.pathname.replace(/\/+$/, '');
    return `/api/2.0/mlflow-artifacts/artifacts${path.startsWith('/') ? '' : '/'}${path}/${_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .TRACES_ARTIFACT_FILE */ .JG}`;
}
class MlflowTraceExporter {
    http;
    experiments;
    /** After a trace's info is stored, retries only redo the upload. */
    #stored = new WeakMap();
    #otlpSent = new WeakSet();
    constructor(options) {
        this.http = new _http_js__WEBPACK_IMPORTED_MODULE_2__/* .HttpSender */ ._8(options.connection);
        this.experiments = new ExperimentResolver(options.experimentId, options.experimentName);
    }
    async export(traces, signal) {
        const experimentId = await this.experiments.resolve(this.http, signal, traces);
        if (experimentId === undefined) {
            throw new _exporter_js__WEBPACK_IMPORTED_MODULE_1__/* .TraceExportError */ ._Z('No MLflow experiment: pass init({experimentId}) or set MLFLOW_EXPERIMENT_ID or MLFLOW_EXPERIMENT_NAME.', {
                retryable: false,
            });
        }
        const errors = [];
        const fragments = traces.filter((t) => t.isFragment);
        if (fragments.length > 0) {
            try {
                await this.#sendOtlp(fragments, experimentId, signal);
            }
            catch (err) {
                errors.push(err instanceof _exporter_js__WEBPACK_IMPORTED_MODULE_1__/* .TraceExportError */ ._Z ? err : asExportError(err, fragments[0]));
            }
        }
        await (0,_client_concurrency_js__WEBPACK_IMPORTED_MODULE_5__/* .mapLimit */ .s)(traces.filter((t) => !t.isFragment), CONCURRENCY, async (trace) => {
            try {
                await this.#exportTrace(trace, experimentId, signal);
            }
            catch (err) {
                errors.push(asExportError(err, trace));
            }
        });
        if (errors.length === 1)
            throw errors[0];
        if (errors.length > 1) {
            throw new _exporter_js__WEBPACK_IMPORTED_MODULE_1__/* .TraceExportError */ ._Z(`${errors.length} exports failed; first: ${errors[0].message}`, { retryable: errors.some((e) => e.retryable), errors });
        }
    }
    async #sendOtlp(traces, experimentId, signal) {
        await this.http.sendOk('POST', '/v1/traces', {
            body: otlpBody(traces),
            headers: { [_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .MLFLOW_EXPERIMENT_ID_HEADER */ .gi]: experimentId },
            signal,
            traces,
        });
    }
    async #exportTrace(trace, experimentId, signal) {
        let stored = this.#stored.get(trace);
        if (!stored && trace.isPropagated && !this.#otlpSent.has(trace)) {
            await this.#sendOtlp([trace], experimentId, signal);
            this.#otlpSent.add(trace);
        }
        if (!stored) {
            const res = await this.http.sendOk('POST', '/api/3.0/mlflow/traces', {
                body: JSON.stringify({ trace: { trace_info: trace.toTraceInfoJson(experimentId) } }),
                signal,
                traces: [trace],
            });
            let tags = {};
            try {
                tags = JSON.parse(res.text).trace?.trace_info?.tags ?? {};
            }
            catch {
                // Judged below: without the tag there is nowhere to upload the spans to.
            }
            const location = tags[_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .TraceTagKey */ .bT.ARTIFACT_LOCATION];
            if (!location) {
                throw new _exporter_js__WEBPACK_IMPORTED_MODULE_1__/* .TraceExportError */ ._Z(`The tracking server stored trace ${trace.traceId} but returned no ${_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .TraceTagKey */ .bT.ARTIFACT_LOCATION} tag, so its spans cannot be uploaded.`, {
                    retryable: false,
                });
            }
            stored = { artifactPath: tracesArtifactPath(location), spansInStore: tags[_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .TraceTagKey */ .bT.SPANS_LOCATION] === 'TRACKING_STORE' };
            this.#stored.set(trace, stored);
        }
        if (stored.spansInStore && !this.#otlpSent.has(trace)) {
            await this.#sendOtlp([trace], experimentId, signal);
            this.#otlpSent.add(trace);
        }
        await this.http.sendOk('PUT', stored.artifactPath, { body: trace.toSpansJsonText(), signal, traces: [trace] });
    }
    async shutdown() {
        await this.http.close();
    }
}
class OtlpTraceExporter {
    http;
    experiments;
    #path;
    constructor(options) {
        const endpoint = options.endpoint ?? '/v1/traces';
        if (/^https?:\/\//i.test(endpoint)) {
            const url = new URL(endpoint);
            const sameServer = url.origin === new URL(options.connection.baseUrl).origin;
            // The tracking server's credentials are not for a third-party collector.
            this.http = new _http_js__WEBPACK_IMPORTED_MODULE_2__/* .HttpSender */ ._8({ ...options.connection, baseUrl: url.origin, headers: sameServer ? options.connection.headers : {} });
            this.#path = url.pathname + url.search;
        }
        else {
            this.http = new _http_js__WEBPACK_IMPORTED_MODULE_2__/* .HttpSender */ ._8(options.connection);
            this.#path = endpoint.startsWith('/') ? endpoint : `/${endpoint}`;
        }
        this.experiments = new ExperimentResolver(options.experimentId, options.experimentName);
    }
    async export(traces, signal) {
        const experimentId = await this.experiments.resolve(this.http, signal, traces);
        const headers = {};
        if (experimentId !== undefined)
            headers[_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .MLFLOW_EXPERIMENT_ID_HEADER */ .gi] = experimentId;
        await this.http.sendOk('POST', this.#path, { body: otlpBody(traces), headers, signal });
    }
    async shutdown() {
        await this.http.close();
    }
}


/***/ }),

/***/ 84212:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W_: () => (/* binding */ recordTokenUsage),
/* harmony export */   cg: () => (/* binding */ recordLlmCost),
/* harmony export */   e8: () => (/* binding */ recordLlmRequest)
/* harmony export */ });
/* unused harmony exports recordLlmResponse, setChatTools, recordStreamChunk */
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77997);
/**
 * Helpers for LLM integrations: they write MLflow's attribute keys (what MLflow's UI and trace
 * aggregation read) together with the OpenTelemetry GenAI semantic-convention attributes (what
 * other OTel tooling reads), so each integration records the same facts the same way.
 */

const count = (n) => (typeof n === 'number' && Number.isFinite(n) ? n : undefined);
/**
 * Records an LLM call's token counts: `mlflow.chat.tokenUsage` (summed into the trace's
 * `mlflow.trace.tokenUsage` at export) and `gen_ai.usage.input_tokens` / `output_tokens`.
 * Missing counts are 0; returns what was recorded.
 */
function recordTokenUsage(span, usage) {
    const input = count(usage.input_tokens) ?? 0;
    const output = count(usage.output_tokens) ?? 0;
    const recorded = { input_tokens: input, output_tokens: output, total_tokens: count(usage.total_tokens) ?? input + output };
    const cacheRead = count(usage.cache_read_input_tokens);
    const cacheCreation = count(usage.cache_creation_input_tokens);
    if (cacheRead !== undefined)
        recorded.cache_read_input_tokens = cacheRead;
    if (cacheCreation !== undefined)
        recorded.cache_creation_input_tokens = cacheCreation;
    span.setAttribute(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .SpanAttributeKey */ .W5.TOKEN_USAGE, recorded);
    span.setAttribute(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .GenAiAttributeKey */ .Sm.USAGE_INPUT_TOKENS, input);
    span.setAttribute(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .GenAiAttributeKey */ .Sm.USAGE_OUTPUT_TOKENS, output);
    return recorded;
}
/** Records what was asked of the model. Undefined fields are left out. */
function recordLlmRequest(span, info) {
    if (info.model !== undefined) {
        span.setAttribute(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .SpanAttributeKey */ .W5.MODEL, info.model);
        span.setAttribute(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .GenAiAttributeKey */ .Sm.REQUEST_MODEL, info.model);
    }
    if (info.provider !== undefined) {
        span.setAttribute(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .SpanAttributeKey */ .W5.MODEL_PROVIDER, info.provider);
        span.setAttribute(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .GenAiAttributeKey */ .Sm.PROVIDER_NAME, info.provider);
    }
    if (info.operation !== undefined)
        span.setAttribute(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .GenAiAttributeKey */ .Sm.OPERATION_NAME, info.operation);
    if (info.temperature !== undefined)
        span.setAttribute(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .GenAiAttributeKey */ .Sm.REQUEST_TEMPERATURE, info.temperature);
    if (info.maxTokens !== undefined)
        span.setAttribute(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .GenAiAttributeKey */ .Sm.REQUEST_MAX_TOKENS, info.maxTokens);
    if (info.topP !== undefined)
        span.setAttribute(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .GenAiAttributeKey */ .Sm.REQUEST_TOP_P, info.topP);
    if (info.messageFormat !== undefined)
        span.setAttribute(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .SpanAttributeKey */ .W5.MESSAGE_FORMAT, info.messageFormat);
}
/** Records facts of the model's answer. Undefined fields are left out. */
function recordLlmResponse(span, info) {
    if (info.model !== undefined)
        span.setAttribute(GenAiAttributeKey.RESPONSE_MODEL, info.model);
    if (info.id !== undefined)
        span.setAttribute(GenAiAttributeKey.RESPONSE_ID, info.id);
    if (info.finishReasons !== undefined)
        span.setAttribute(GenAiAttributeKey.RESPONSE_FINISH_REASONS, info.finishReasons);
}
/** The tools offered to the model (`mlflow.chat.tools`), in OpenAI's `{type: "function", function: {...}}` form. */
function setChatTools(span, tools) {
    span.setAttribute(SpanAttributeKey.CHAT_TOOLS, tools);
}
/** The call's cost in USD (`mlflow.llm.cost`). */
function recordLlmCost(span, cost) {
    span.setAttribute(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .SpanAttributeKey */ .W5.LLM_COST, { ...cost, total_cost: cost.total_cost ?? cost.input_cost + cost.output_cost });
}
/** One streamed chunk, as MLflow records them: event `mlflow.chunk.item.<index>` with `mlflow.chunk.value`. */
function recordStreamChunk(span, index, chunk) {
    span.addEvent({ name: `${CHUNK_EVENT_PREFIX}${index}`, attributes: { [SpanAttributeKey.CHUNK_VALUE]: chunk } });
}


/***/ }),

/***/ 97886:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _8: () => (/* binding */ HttpSender),
/* harmony export */   d7: () => (/* binding */ makeConnection),
/* harmony export */   p2: () => (/* binding */ httpError)
/* harmony export */ });
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(46752);
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(32556);
/* harmony import */ var _exporter_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(66743);
/**
 * The exporters' HTTP: one keep-alive undici Agent, auth headers as the official SDK builds them,
 * and failures mapped to TraceExportError (retryable for 408/429/5xx and network errors). Retries
 * themselves live in the export queue, whose timers do not keep the process alive; this module
 * never sleeps. The Agent is private, so a user's tracing interceptor on the global dispatcher
 * never sees (or traces) the SDK's own requests.
 */



const ERROR_TEXT_LIMIT = 300;
const redact = (uri) => uri.replace(/\/\/[^/@]*@/, '//***@');
/** Validates the URI and moves any credentials in it into the Authorization header. */
function makeConnection(options) {
    let url;
    try {
        url = new URL(options.trackingUri);
    }
    catch {
        url = new URL('invalid:');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new _config_js__WEBPACK_IMPORTED_MODULE_1__/* .TracingConfigError */ .dX(`Invalid tracking URI '${redact(options.trackingUri)}': it must be the http:// or https:// URL of an MLflow tracking server. ` +
            'Pass init({trackingUri}) or set MLFLOW_TRACKING_URI, e.g. http://127.0.0.1:5000.');
    }
    const uriUser = url.username ? decodeURIComponent(url.username) : undefined;
    const uriPassword = url.password ? decodeURIComponent(url.password) : undefined;
    url.username = '';
    url.password = '';
    const username = options.username || uriUser;
    const password = options.password || uriPassword;
    const headers = {};
    // The official SDK's order: basic auth when both parts are given, else a bearer token.
    if (username && password)
        headers.authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
    else if (options.token)
        headers.authorization = `Bearer ${options.token}`;
    return { baseUrl: (url.origin + url.pathname).replace(/\/+$/, ''), headers, timeoutMs: options.timeoutMs };
}
class HttpSender {
    connection;
    #agent;
    constructor(connection) {
        this.connection = connection;
    }
    /** Sends one request; network failures become retryable TraceExportErrors. Any status is returned. */
    async send(method, path, options = {}) {
        this.#agent ??= new undici__WEBPACK_IMPORTED_MODULE_0__/* .Agent */ .g6({ keepAliveTimeout: 4_000, connections: 8 });
        const url = this.connection.baseUrl + path;
        try {
            const res = await (0,undici__WEBPACK_IMPORTED_MODULE_0__/* .request */ .Em)(url, {
                method,
                headers: { 'content-type': 'application/json', ...this.connection.headers, ...options.headers },
                body: options.body,
                dispatcher: this.#agent,
                signal: options.signal,
                headersTimeout: this.connection.timeoutMs,
                bodyTimeout: this.connection.timeoutMs,
            });
            return { status: res.statusCode, text: await res.body.text() };
        }
        catch (err) {
            const code = err.code;
            const cause = err.cause;
            const detail = [typeof code === 'string' ? code : typeof cause?.code === 'string' ? cause.code : undefined, err.message]
                .filter(Boolean)
                .join(': ');
            throw new _exporter_js__WEBPACK_IMPORTED_MODULE_2__/* .TraceExportError */ ._Z(`${method} ${this.connection.baseUrl}${path.split('?')[0]} failed (${detail})`, {
                retryable: !options.signal?.aborted,
                traces: options.traces,
                cause: err,
            });
        }
    }
    /** Sends and requires a 2xx answer; other statuses become TraceExportErrors (retryable for 408/429/5xx). */
    async sendOk(method, path, options = {}) {
        const res = await this.send(method, path, options);
        if (res.status >= 200 && res.status < 300)
            return res;
        throw httpError(method, path, res, options.traces);
    }
    async close() {
        const agent = this.#agent;
        this.#agent = undefined;
        await agent?.close();
    }
}
function httpError(method, path, res, traces) {
    let detail = res.text.trim().slice(0, ERROR_TEXT_LIMIT) || '(empty body)';
    try {
        const parsed = JSON.parse(res.text);
        if (typeof parsed.error_code === 'string') {
            detail = `${parsed.error_code}: ${typeof parsed.message === 'string' ? parsed.message.slice(0, ERROR_TEXT_LIMIT) : ''}`;
        }
    }
    catch {
        // Not MLflow's error JSON; the raw text is the best description.
    }
    const retryable = res.status === 408 || res.status === 429 || res.status >= 500;
    let hint = '';
    if (res.status === 401 || res.status === 403)
        hint = ' Check MLFLOW_TRACKING_TOKEN or MLFLOW_TRACKING_USERNAME/PASSWORD.';
    else if (res.status === 404 && path.startsWith('/api/3.0/mlflow/traces'))
        hint = ' The server does not support MLflow 3 tracing (MLflow >= 3.0 or mlflow-ts server required).';
    return new _exporter_js__WEBPACK_IMPORTED_MODULE_2__/* .TraceExportError */ ._Z(`${method} ${path.split('?')[0]} answered HTTP ${res.status}: ${detail}.${hint}`, { retryable, traces });
}


/***/ }),

/***/ 72010:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NO: () => (/* binding */ newSpanIdHex),
/* harmony export */   OG: () => (/* binding */ hexToBase64),
/* harmony export */   RS: () => (/* binding */ isSpanIdHex),
/* harmony export */   gJ: () => (/* binding */ newTraceIdHex),
/* harmony export */   kp: () => (/* binding */ isTraceIdHex),
/* harmony export */   ol: () => (/* binding */ fromMlflowTraceId),
/* harmony export */   vo: () => (/* binding */ toMlflowTraceId)
/* harmony export */ });
/* unused harmony export base64ToHex */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77997);
/**
 * Trace and span ids (W3C/OTel: 16 and 8 random bytes, lowercase hex) and their encodings:
 * MLflow's `tr-<hex>` trace id and the base64 form MLflow's span JSON uses.
 */


// One getrandom call and one hex conversion per 4 KiB instead of per span: ids sit on the span hot path.
const pool = Buffer.allocUnsafe(4096);
let poolHex = '';
let offset = Infinity;
function randomHex(bytes) {
    const chars = bytes * 2;
    for (;;) {
        if (offset + chars > poolHex.length) {
            (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomFillSync)(pool);
            poolHex = pool.toString('hex');
            offset = 0;
        }
        const hex = poolHex.slice(offset, offset + chars);
        offset += chars;
        // All-zero ids are invalid in W3C trace context.
        if (hex !== '0'.repeat(chars))
            return hex;
    }
}
/** 32 lowercase hex characters. */
const newTraceIdHex = () => randomHex(16);
/** 16 lowercase hex characters. */
const newSpanIdHex = () => randomHex(8);
const toMlflowTraceId = (hex) => _constants_js__WEBPACK_IMPORTED_MODULE_1__/* .TRACE_ID_PREFIX */ .hD + hex;
/** The hex OTel id inside an MLflow `tr-` id (a bare hex id is returned as is). */
const fromMlflowTraceId = (traceId) => traceId.startsWith(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .TRACE_ID_PREFIX */ .hD) ? traceId.slice(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .TRACE_ID_PREFIX */ .hD.length) : traceId;
const hexToBase64 = (hex) => Buffer.from(hex, 'hex').toString('base64');
const base64ToHex = (b64) => Buffer.from(b64, 'base64').toString('hex');
const isTraceIdHex = (s) => /^[0-9a-f]{32}$/.test(s) && !/^0+$/.test(s);
const isSpanIdHex = (s) => /^[0-9a-f]{16}$/.test(s) && !/^0+$/.test(s);


/***/ }),

/***/ 20432:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   hR: () => (/* binding */ safeJsonStringify),
/* harmony export */   lk: () => (/* binding */ parseJsonText),
/* harmony export */   oW: () => (/* binding */ previewOf)
/* harmony export */ });
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77997);
/**
 * Turning arbitrary user values (span inputs, outputs, attributes) into JSON text without ever
 * throwing: inputs are whatever a traced function was called with, so cycles, BigInts, Maps,
 * class instances, throwing getters and binary buffers all occur. Values are serialised when set,
 * so a later mutation of the caller's object does not rewrite what the span recorded.
 */

const MAX_DEPTH = 64;
function describeUnserializable(err) {
    const message = err instanceof Error ? err.message : String(err);
    return `[Unserializable: ${message.slice(0, 200)}]`;
}
function errorToObject(err) {
    const out = { name: err.name, message: err.message };
    for (const key of Object.keys(err))
        if (!(key in out))
            out[key] = err[key];
    return out;
}
/** JSON text for one value, or undefined when JSON has no text for it (undefined, functions, symbols). */
function encode(value, key, ancestors, depth) {
    switch (typeof value) {
        case 'string':
            return JSON.stringify(value);
        case 'number':
            return Number.isFinite(value) ? String(value) : 'null';
        case 'boolean':
            return value ? 'true' : 'false';
        case 'bigint':
            // As a string: JSON readers would round a number this large.
            return JSON.stringify(value.toString());
        case 'undefined':
        case 'function':
        case 'symbol':
            return undefined;
    }
    if (value === null)
        return 'null';
    const obj = value;
    if (ancestors.includes(obj))
        return '"[Circular]"';
    if (depth >= MAX_DEPTH)
        return '"[Max depth]"';
    if (ArrayBuffer.isView(obj))
        return JSON.stringify(`[${obj.constructor.name}: ${obj.byteLength} bytes]`);
    if (obj instanceof ArrayBuffer)
        return JSON.stringify(`[ArrayBuffer: ${obj.byteLength} bytes]`);
    ancestors.push(obj);
    try {
        const toJSON = obj.toJSON;
        if (typeof toJSON === 'function') {
            return encode(toJSON.call(obj, key), key, ancestors, depth + 1);
        }
        if (Array.isArray(obj))
            return encodeArray(obj, ancestors, depth);
        if (obj instanceof Set)
            return encodeArray([...obj], ancestors, depth);
        if (obj instanceof Map) {
            const entries = [];
            for (const [k, v] of obj)
                entries.push([typeof k === 'string' ? k : (encode(k, '', ancestors, depth + 1) ?? String(k)), v]);
            return encodeEntries(entries, ancestors, depth);
        }
        if (obj instanceof Error)
            return encodeEntries(Object.entries(errorToObject(obj)), ancestors, depth);
        const entries = [];
        for (const k of Object.keys(obj)) {
            try {
                entries.push([k, obj[k]]);
            }
            catch {
                // A throwing getter: leave the property out rather than lose the whole value.
            }
        }
        return encodeEntries(entries, ancestors, depth);
    }
    finally {
        ancestors.pop();
    }
}
function encodeArray(items, ancestors, depth) {
    const parts = [];
    for (let i = 0; i < items.length; i++)
        parts.push(encode(items[i], String(i), ancestors, depth + 1) ?? 'null');
    return `[${parts.join(',')}]`;
}
function encodeEntries(entries, ancestors, depth) {
    const parts = [];
    for (const [k, v] of entries) {
        const text = encode(v, k, ancestors, depth + 1);
        if (text !== undefined)
            parts.push(`${JSON.stringify(k)}:${text}`);
    }
    return `{${parts.join(',')}}`;
}
/** Plain-data budget for the fast path: beyond it the careful encoder is no slower in comparison. */
const FAST_PATH_NODES = 256;
/**
 * True when JSON.stringify renders `value` exactly as `encode` would: plain objects and arrays
 * (no prototypes, toJSON, cycles or getters to worry about) of strings, finite numbers,
 * booleans and null. Most inputs and outputs are such data, and the native serialiser is far
 * faster than the careful one.
 */
function isPlainData(value, budget, depth) {
    if (--budget.nodes < 0 || depth > 8)
        return false;
    switch (typeof value) {
        case 'string':
        case 'boolean':
            return true;
        case 'number':
            return Number.isFinite(value);
        case 'object': {
            if (value === null)
                return true;
            if (Array.isArray(value)) {
                if (Object.getPrototypeOf(value) !== Array.prototype)
                    return false;
                for (let i = 0; i < value.length; i++)
                    if (!isPlainData(value[i], budget, depth + 1))
                        return false;
                return true;
            }
            const proto = Object.getPrototypeOf(value);
            if (proto !== Object.prototype && proto !== null)
                return false;
            for (const key in value) {
                const descriptor = Object.getOwnPropertyDescriptor(value, key);
                if (!descriptor || !('value' in descriptor) || !isPlainData(descriptor.value, budget, depth + 1))
                    return false;
            }
            return true;
        }
        default:
            return false;
    }
}
/** JSON text for `value`; undefined for undefined, functions and symbols. Never throws. */
function safeJsonStringify(value) {
    try {
        if (isPlainData(value, { nodes: FAST_PATH_NODES }, 0))
            return JSON.stringify(value);
        return encode(value, '', [], 0);
    }
    catch (err) {
        // Proxies and exotic objects can throw from anywhere; record that rather than fail the caller.
        return JSON.stringify(describeUnserializable(err));
    }
}
/** Parses JSON text this module produced; text that is not JSON comes back as the string itself. */
function parseJsonText(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return text;
    }
}
/** MLflow's preview: the JSON text cut to 1000 characters, the last three being `...`. */
function previewOf(jsonText) {
    if (!jsonText)
        return '';
    return jsonText.length > _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .REQUEST_RESPONSE_PREVIEW_MAX_LENGTH */ .l7 ? jsonText.slice(0, _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .REQUEST_RESPONSE_PREVIEW_MAX_LENGTH */ .l7 - 3) + '...' : jsonText;
}


/***/ }),

/***/ 20570:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ls: () => (/* binding */ LiveSpan),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   rr: () => (/* binding */ spanToOtlpJson)
/* harmony export */ });
/* unused harmony exports SpanStatus, SpanEvent, toOtlpAnyValue */
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77997);
/* harmony import */ var _ids_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(72010);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(20432);
/**
 * Spans: `LiveSpan` is what user code and integrations hold (the official SDK's LiveSpan API),
 * and the serialisers that write a finished span in MLflow's TypeScript `traces.json` form and
 * as OTLP/JSON. Values are stored as JSON text when set, so the `traces.json` writer splices
 * them in unchanged and nanosecond times (beyond 2^53) are written as exact digits.
 */



/** Status of a span: a code and, for errors, a description. */
class SpanStatus {
    statusCode;
    description;
    constructor(statusCode, description = '') {
        this.statusCode = statusCode;
        this.description = description;
    }
}
/** Something that happened during a span (an exception, a stream chunk, a retry). */
class SpanEvent {
    name;
    timestamp;
    attributes;
    constructor(init) {
        this.name = init.name;
        this.timestamp = init.timestamp === undefined ? undefined : BigInt(init.timestamp);
        this.attributes = init.attributes ?? {};
    }
    /** The `exception` event OTel defines: type, message and stack trace. */
    static fromException(error) {
        return new SpanEvent({ name: 'exception', attributes: exceptionAttributes(error) });
    }
}
function exceptionAttributes(error) {
    if (error instanceof Error) {
        let stack;
        try {
            stack = error.stack ?? String(error);
        }
        catch {
            stack = String(error);
        }
        return { 'exception.type': error.name || error.constructor.name, 'exception.message': error.message, 'exception.stacktrace': stack };
    }
    let message;
    try {
        message = typeof error === 'string' ? error : ((0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .safeJsonStringify */ .hR)(error) ?? String(error));
    }
    catch {
        message = '[unprintable value]';
    }
    return { 'exception.type': typeof error, 'exception.message': message, 'exception.stacktrace': '' };
}
/** The message of a thrown value, for a span's ERROR status. */
function errorMessage(error) {
    if (error instanceof Error)
        return error.message;
    if (typeof error === 'string')
        return error;
    return (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .safeJsonStringify */ .hR)(error) ?? String(error);
}
function normalizeStatusCode(code) {
    switch (code.toUpperCase()) {
        case 'OK':
        case 'STATUS_CODE_OK':
            return _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .SpanStatusCode */ .sY.OK;
        case 'ERROR':
        case 'STATUS_CODE_ERROR':
            return _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .SpanStatusCode */ .sY.ERROR;
        default:
            return _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .SpanStatusCode */ .sY.UNSET;
    }
}
const nsToHrTime = (ns) => [Number(ns / 1000000000n), Number(ns % 1000000000n)];
/**
 * A span being recorded. Setters are no-ops once the span has ended; `end` is idempotent.
 * Read access (`traceId`, `spanId`, `inputs`, `attributes`, ...) works before and after.
 */
class LiveSpan {
    /** MLflow trace id, `tr-` + 32 hex. */
    traceId;
    /** 16 hex characters. */
    spanId;
    /** The parent's span id (16 hex), or null for the root of a trace. */
    parentId;
    /** Nanoseconds since the epoch. */
    startTimeNs;
    /** @internal The trace buffer this span reports to. */
    _owner;
    #name;
    #endTimeNs = null;
    #status = new SpanStatus(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .SpanStatusCode */ .sY.UNSET);
    #attributes = new Map();
    #events = [];
    constructor(owner, init) {
        this._owner = owner;
        this.traceId = _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .TRACE_ID_PREFIX */ .hD + owner.traceIdHex;
        this.spanId = init.spanId;
        this.parentId = init.parentId;
        this.#name = init.name;
        this.startTimeNs = init.startTimeNs;
        // Hex ids need no escaping.
        this.#attributes.set(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .SpanAttributeKey */ .W5.TRACE_ID, `"${this.traceId}"`);
        this.#attributes.set(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .SpanAttributeKey */ .W5.SPAN_TYPE, JSON.stringify(init.spanType));
    }
    get name() {
        return this.#name;
    }
    get spanType() {
        return this.getAttribute(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .SpanAttributeKey */ .W5.SPAN_TYPE);
    }
    get inputs() {
        return this.getAttribute(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .SpanAttributeKey */ .W5.INPUTS);
    }
    get outputs() {
        return this.getAttribute(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .SpanAttributeKey */ .W5.OUTPUTS);
    }
    get status() {
        return this.#status;
    }
    get endTimeNs() {
        return this.#endTimeNs;
    }
    get startTime() {
        return nsToHrTime(this.startTimeNs);
    }
    get endTime() {
        return this.#endTimeNs === null ? null : nsToHrTime(this.#endTimeNs);
    }
    get ended() {
        return this.#endTimeNs !== null;
    }
    /** True until the span ends (OTel's name for "still accepting changes"). */
    isRecording() {
        return this.#endTimeNs === null;
    }
    /** All attributes, decoded. */
    get attributes() {
        const out = {};
        for (const [key, text] of this.#attributes)
            out[key] = (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .parseJsonText */ .lk)(text);
        return out;
    }
    getAttribute(key) {
        const text = this.#attributes.get(key);
        return text === undefined ? undefined : (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .parseJsonText */ .lk)(text);
    }
    get events() {
        return this.#events.map((e) => new SpanEvent({ name: e.name, timestamp: e.timeNs, attributes: (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .parseJsonText */ .lk)(e.attributesJson) }));
    }
    /** Renames the span (OTel's updateName). */
    updateName(name) {
        if (this.isRecording())
            this.#name = String(name);
    }
    setSpanType(spanType) {
        this.setAttribute(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .SpanAttributeKey */ .W5.SPAN_TYPE, spanType);
    }
    setInputs(inputs) {
        this.setAttribute(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .SpanAttributeKey */ .W5.INPUTS, inputs);
    }
    setOutputs(outputs) {
        this.setAttribute(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .SpanAttributeKey */ .W5.OUTPUTS, outputs);
    }
    /** Stores any JSON-serialisable value (snapshotted now); `undefined` is ignored, as in OTel. */
    setAttribute(key, value) {
        if (!this.isRecording() || typeof key !== 'string')
            return;
        const text = (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .safeJsonStringify */ .hR)(value);
        if (text !== undefined)
            this.#attributes.set(key, text);
    }
    setAttributes(attributes) {
        if (!attributes)
            return;
        for (const [key, value] of Object.entries(attributes))
            this.setAttribute(key, value);
    }
    /** `addEvent(new SpanEvent({...}))` as in the official SDK, or OTel's `addEvent(name, attributes?, timeNs?)`. */
    addEvent(event, attributes, timestampNs) {
        if (!this.isRecording())
            return;
        const init = typeof event === 'string' ? { name: event, attributes, timestamp: timestampNs } : event;
        const timeNs = init.timestamp === undefined ? this._owner.now() : BigInt(init.timestamp);
        this.#events.push({ name: String(init.name), timeNs, attributesJson: (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .safeJsonStringify */ .hR)(init.attributes ?? {}) ?? '{}' });
    }
    /** Adds OTel's `exception` event (type, message, stack trace). Does not change the status. */
    recordException(error) {
        this.addEvent({ name: 'exception', attributes: exceptionAttributes(error) });
    }
    setStatus(status, description) {
        if (!this.isRecording())
            return;
        this.#status =
            status instanceof SpanStatus ? status : new SpanStatus(normalizeStatusCode(String(status)), description ?? '');
    }
    /**
     * Ends the span: applies the options, sets status OK unless it is ERROR (the wrappers cannot
     * set it otherwise, as the official SDK notes), and reports to the trace. Later calls do nothing.
     */
    end(options) {
        if (!this.isRecording())
            return;
        if (options?.outputs !== undefined)
            this.setOutputs(options.outputs);
        if (options?.attributes)
            this.setAttributes(options.attributes);
        if (options?.status !== undefined)
            this.setStatus(options.status);
        if (this.#status.statusCode !== _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .SpanStatusCode */ .sY.ERROR)
            this.#status = new SpanStatus(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .SpanStatusCode */ .sY.OK, this.#status.description);
        let end = options?.endTimeNs !== undefined ? BigInt(options.endTimeNs) : this._owner.now();
        if (end < this.startTimeNs)
            end = this.startTimeNs;
        this.#endTimeNs = end;
        this._owner.spanEnded(this);
    }
    /** @internal JSON text of an attribute as stored. */
    _attributeText(key) {
        return this.#attributes.get(key);
    }
    /** @internal Stored attributes (key → JSON text). */
    _attributeEntries() {
        return this.#attributes.entries();
    }
    /** @internal */
    _recordedEvents() {
        return this.#events;
    }
    /** The span in MLflow's TypeScript `traces.json` form, with exact nanosecond digits. */
    toJsonText() {
        const attributes = [];
        for (const [key, text] of this.#attributes)
            attributes.push(`${JSON.stringify(key)}:${text}`);
        const events = this.#events.map((e) => `{"name":${JSON.stringify(e.name)},"time_unix_nano":${e.timeNs.toString()},"attributes":${e.attributesJson}}`);
        return (`{"trace_id":${JSON.stringify((0,_ids_js__WEBPACK_IMPORTED_MODULE_1__/* .hexToBase64 */ .OG)(this._owner.traceIdHex))}` +
            `,"span_id":${JSON.stringify((0,_ids_js__WEBPACK_IMPORTED_MODULE_1__/* .hexToBase64 */ .OG)(this.spanId))}` +
            `,"parent_span_id":${JSON.stringify(this.parentId ? (0,_ids_js__WEBPACK_IMPORTED_MODULE_1__/* .hexToBase64 */ .OG)(this.parentId) : '')}` +
            `,"name":${JSON.stringify(this.#name)}` +
            `,"start_time_unix_nano":${this.startTimeNs.toString()}` +
            `,"end_time_unix_nano":${this.#endTimeNs === null ? 'null' : this.#endTimeNs.toString()}` +
            `,"status":{"code":${JSON.stringify(this.#status.statusCode)},"message":${JSON.stringify(this.#status.description)}}` +
            `,"attributes":{${attributes.join(',')}}` +
            `,"events":[${events.join(',')}]}`);
    }
    /** The span decoded from `toJsonText` (times as exact decimal strings). */
    toJson() {
        return {
            trace_id: (0,_ids_js__WEBPACK_IMPORTED_MODULE_1__/* .hexToBase64 */ .OG)(this._owner.traceIdHex),
            span_id: (0,_ids_js__WEBPACK_IMPORTED_MODULE_1__/* .hexToBase64 */ .OG)(this.spanId),
            parent_span_id: this.parentId ? (0,_ids_js__WEBPACK_IMPORTED_MODULE_1__/* .hexToBase64 */ .OG)(this.parentId) : '',
            name: this.#name,
            start_time_unix_nano: this.startTimeNs.toString(),
            end_time_unix_nano: this.#endTimeNs === null ? null : this.#endTimeNs.toString(),
            status: { code: this.#status.statusCode, message: this.#status.description },
            attributes: this.attributes,
            events: this.#events.map((e) => ({ name: e.name, time_unix_nano: e.timeNs.toString(), attributes: (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .parseJsonText */ .lk)(e.attributesJson) })),
        };
    }
}
/** A decoded JSON value as an OTLP AnyValue, typed as MLflow's Python client sends them. */
function toOtlpAnyValue(value) {
    if (typeof value === 'string')
        return { stringValue: value };
    if (typeof value === 'boolean')
        return { boolValue: value };
    if (typeof value === 'number')
        return Number.isInteger(value) ? { intValue: String(value) } : { doubleValue: value };
    if (Array.isArray(value))
        return { arrayValue: { values: value.map(toOtlpAnyValue) } };
    if (value !== null && typeof value === 'object') {
        return { kvlistValue: { values: Object.entries(value).map(([key, v]) => ({ key, value: toOtlpAnyValue(v) })) } };
    }
    // OTLP has no null; an empty string is what the MLflow server's decoder turns back into "".
    return { stringValue: '' };
}
const OTLP_STATUS = {
    [_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .SpanStatusCode */ .sY.UNSET]: 0,
    [_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .SpanStatusCode */ .sY.OK]: 1,
    [_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .SpanStatusCode */ .sY.ERROR]: 2,
};
/** One span as OTLP/JSON (camelCase, hex ids, int64 times as decimal strings, as the spec allows). */
function spanToOtlpJson(span) {
    const attributes = [...span._attributeEntries()].map(([key, text]) => ({ key, value: toOtlpAnyValue((0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .parseJsonText */ .lk)(text)) }));
    const out = {
        traceId: span._owner.traceIdHex,
        spanId: span.spanId,
        name: span.name,
        kind: 1,
        startTimeUnixNano: span.startTimeNs.toString(),
        endTimeUnixNano: (span.endTimeNs ?? span.startTimeNs).toString(),
        attributes,
        events: span._recordedEvents().map((e) => ({
            timeUnixNano: e.timeNs.toString(),
            name: e.name,
            attributes: Object.entries((0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .parseJsonText */ .lk)(e.attributesJson)).map(([key, v]) => ({ key, value: toOtlpAnyValue(v) })),
        })),
        status: { code: OTLP_STATUS[span.status.statusCode], message: span.status.description },
    };
    if (span.parentId)
        out.parentSpanId = span.parentId;
    return out;
}


/***/ }),

/***/ 73257:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cn: () => (/* binding */ Trace),
/* harmony export */   gl: () => (/* binding */ TraceBuffer)
/* harmony export */ });
/* unused harmony exports getLastActiveTraceId, aggregateTokenUsage, parseSpansJsonText */
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77997);
/* harmony import */ var _ids_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(72010);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(20432);
/* harmony import */ var _span_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(20570);
/**
 * Traces in memory: a TraceBuffer collects the spans under one local root and, when that root
 * ends, applies the sampling decision and hands a finished `Trace` to the export queue. There is
 * no global span registry: spans point at their buffer and the buffer is collected with them.
 *
 * A buffer whose root has a remote parent (a `traceparent` from another process) is a fragment:
 * it shares the caller's trace id, and the caller's process owns the trace info.
 */




/** A finished trace (or the local fragment of a distributed one) ready for export. */
class Trace {
    info;
    /** Spans in start order; the local root first. */
    data;
    /** True when the local root has a remote parent: the spans belong to a trace started elsewhere. */
    isFragment;
    /** True when the trace's context was sent to another process, which may add spans to it. */
    isPropagated;
    constructor(info, spans, isFragment, isPropagated = false) {
        this.info = info;
        this.data = { spans };
        this.isFragment = isFragment;
        this.isPropagated = isPropagated;
    }
    get traceId() {
        return this.info.traceId;
    }
    /** The TraceInfoV3 wire form. */
    toTraceInfoJson(experimentId) {
        const info = this.info;
        const wire = {
            trace_id: info.traceId,
            trace_location: { type: 'MLFLOW_EXPERIMENT', mlflow_experiment: { experiment_id: experimentId } },
            request_time: new Date(info.requestTime).toISOString(),
            execution_duration: `${info.executionDuration / 1000}s`,
            state: info.state,
            trace_metadata: info.traceMetadata,
            tags: info.tags,
            assessments: [],
        };
        if (info.clientRequestId !== undefined)
            wire.client_request_id = info.clientRequestId;
        if (info.requestPreview !== undefined)
            wire.request_preview = info.requestPreview;
        if (info.responsePreview !== undefined)
            wire.response_preview = info.responsePreview;
        return wire;
    }
    /** The `traces.json` artifact: `{"spans":[...]}` in the official TypeScript SDK's span form. */
    toSpansJsonText() {
        return `{"spans":[${this.data.spans.map((s) => s.toJsonText()).join(',')}]}`;
    }
}
let lastActiveTraceId;
function getLastActiveTraceId() {
    return lastActiveTraceId;
}
class TraceBuffer {
    runtime;
    traceIdHex;
    sampled;
    remoteParentId;
    traceState;
    spans = [];
    root;
    tags = {};
    metadata;
    clientRequestId;
    requestPreview;
    responsePreview;
    /** Set when a span's context went into an outgoing request's headers. */
    propagated = false;
    #finished = false;
    constructor(runtime, init) {
        this.runtime = runtime;
        this.traceIdHex = init.traceIdHex;
        this.sampled = init.sampled;
        this.remoteParentId = init.remoteParentId;
        this.traceState = init.traceState;
        // Only what this trace adds; the runtime's base metadata is merged in once, at the end.
        this.metadata = {};
        if (init.sourceRunId)
            this.metadata[_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .TraceMetadataKey */ .C3.SOURCE_RUN] = init.sourceRunId;
    }
    get traceId() {
        return (0,_ids_js__WEBPACK_IMPORTED_MODULE_1__/* .toMlflowTraceId */ .vo)(this.traceIdHex);
    }
    get finished() {
        return this.#finished;
    }
    now() {
        return this.runtime.clock();
    }
    /** Creates a span in this trace; the first one is the (local) root. */
    startSpan(init) {
        const span = new _span_js__WEBPACK_IMPORTED_MODULE_3__/* .LiveSpan */ .Ls(this, {
            spanId: init.spanId,
            parentId: init.parentId,
            name: init.name,
            spanType: init.spanType,
            startTimeNs: init.startTimeNs ?? this.runtime.clock(),
        });
        if (!this.root)
            this.root = span;
        this.spans.push(span);
        return span;
    }
    spanEnded(span) {
        if (span === this.root && !this.#finished) {
            this.#finished = true;
            this.#finish(span);
        }
    }
    #finish(root) {
        const runtime = this.runtime;
        const durationNs = (root.endTimeNs ?? root.startTimeNs) - root.startTimeNs;
        const durationMs = Number(durationNs) / 1e6;
        const slow = runtime.slowThresholdMs !== undefined && durationMs > runtime.slowThresholdMs;
        if (!this.sampled && !slow)
            return;
        const tags = { [_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .TraceTagKey */ .bT.TRACE_NAME]: root.name, ...this.tags };
        const metadata = { ...runtime.baseMetadata, [_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .TraceMetadataKey */ .C3.SCHEMA_VERSION]: _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .TRACE_SCHEMA_VERSION */ .nM, ...this.metadata };
        if (slow)
            tags[_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .TraceTagKey */ .bT.SLOW] = 'true';
        if (runtime.samplingRate < 1 || !this.sampled) {
            const sampling = { rate: runtime.samplingRate, sampled: this.sampled };
            if (!this.sampled) {
                sampling.kept = 'slow';
                sampling.slow_threshold_ms = runtime.slowThresholdMs;
            }
            metadata[_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .TraceMetadataKey */ .C3.SAMPLING] = JSON.stringify(sampling);
        }
        const requestPreview = this.requestPreview ?? (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .previewOf */ .oW)(root._attributeText(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .SpanAttributeKey */ .W5.INPUTS));
        const responsePreview = this.responsePreview ?? (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .previewOf */ .oW)(root._attributeText(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .SpanAttributeKey */ .W5.OUTPUTS));
        metadata[_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .TraceMetadataKey */ .C3.INPUTS] = requestPreview;
        metadata[_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .TraceMetadataKey */ .C3.OUTPUTS] = responsePreview;
        const usage = aggregateTokenUsage(this.spans);
        if (usage)
            metadata[_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .TraceMetadataKey */ .C3.TOKEN_USAGE] = JSON.stringify(usage);
        const info = {
            traceId: this.traceId,
            experimentId: runtime.experimentId,
            requestTime: Number(root.startTimeNs / 1000000n),
            executionDuration: Number(durationNs / 1000000n),
            state: root.status.statusCode === _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .SpanStatusCode */ .sY.ERROR ? 'ERROR' : 'OK',
            traceMetadata: metadata,
            tags,
        };
        if (this.clientRequestId !== undefined)
            info.clientRequestId = this.clientRequestId;
        if (requestPreview !== '')
            info.requestPreview = requestPreview;
        if (responsePreview !== '')
            info.responsePreview = responsePreview;
        lastActiveTraceId = info.traceId;
        // A snapshot: a span that starts after its root ended cannot join a trace already on its way.
        runtime.deliver(new Trace(info, this.spans.slice(), this.remoteParentId !== undefined, this.propagated));
    }
}
function usageOf(span) {
    const raw = span.getAttribute(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .SpanAttributeKey */ .W5.TOKEN_USAGE);
    if (!raw || typeof raw !== 'object')
        return undefined;
    return raw;
}
/**
 * Sums token usage over the spans, skipping a span when an ancestor also reports usage: a wrapper
 * span around an LLM call (a framework's chat-model span over the provider SDK's span) reports the
 * same tokens again.
 */
function aggregateTokenUsage(spans) {
    if (!spans.some((s) => s._attributeText(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .SpanAttributeKey */ .W5.TOKEN_USAGE) !== undefined))
        return undefined;
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    const total = { input_tokens: 0, output_tokens: 0, total_tokens: 0 };
    let found = false;
    for (const span of spans) {
        const usage = usageOf(span);
        if (!usage)
            continue;
        let covered = false;
        for (let p = span.parentId ? byId.get(span.parentId) : undefined; p; p = p.parentId ? byId.get(p.parentId) : undefined) {
            if (usageOf(p)) {
                covered = true;
                break;
            }
        }
        if (covered)
            continue;
        found = true;
        const input = Number(usage.input_tokens) || 0;
        const output = Number(usage.output_tokens) || 0;
        total.input_tokens += input;
        total.output_tokens += output;
        total.total_tokens += Number(usage.total_tokens) || input + output;
        for (const key of ['cache_read_input_tokens', 'cache_creation_input_tokens']) {
            if (usage[key] !== undefined)
                total[key] = (total[key] ?? 0) + (Number(usage[key]) || 0);
        }
    }
    return found ? total : undefined;
}
/** Decodes the `{"spans":[...]}` artifact text (times stay exact as decimal strings). */
function parseSpansJsonText(text) {
    // Quote bare integers of 16+ digits in the time fields so JSON.parse keeps every digit.
    const safe = text.replace(/("(?:start_time_unix_nano|end_time_unix_nano|time_unix_nano)":)(-?\d+)/g, '$1"$2"');
    return parseJsonText(safe);
}


/***/ })

};
