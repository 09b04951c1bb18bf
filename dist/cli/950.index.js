export const id = 950;
export const ids = [950,425,41];
export const modules = {

/***/ 91347:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cr: () => (/* binding */ getActiveRun)
/* harmony export */ });
/* unused harmony exports getDefaultClient, setDefaultClient, setExperiment, ActiveRun, startRun */
/* harmony import */ var node_async_hooks__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(16698);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var _mlflow_limits_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(45167);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(29418);
/**
 * MLflow's fluent style (`set_experiment`, `start_run`) over an MlflowClient. State is small on
 * purpose: a default client built from the environment and, per client, the experiment chosen
 * by setExperiment. Runs are explicit handles rather than a hidden "active run" stack, so
 * concurrent async code cannot log to the wrong run.
 */




let defaultClient;
const activeExperiments = new WeakMap();
/** The run of the enclosing `startRun(options, fn)` callback, per async context (traces link to it). */
const activeRunStorage = new node_async_hooks__WEBPACK_IMPORTED_MODULE_0__.AsyncLocalStorage();
/** The run whose `startRun(options, fn)` callback is executing here, if any. */
function getActiveRun() {
    const run = activeRunStorage.getStore();
    return run && !run.ended ? run : undefined;
}
/** The client fluent calls use when given none; built from MLFLOW_TRACKING_* on first use. */
function getDefaultClient() {
    defaultClient ??= new MlflowClient();
    return defaultClient;
}
/** Replaces the default client (undefined: rebuild from the environment on next use). */
function setDefaultClient(client) {
    defaultClient = client;
}
/** Makes `name` the experiment later startRun calls use, creating it if missing. */
async function setExperiment(name, options = {}) {
    const client = options.client ?? getDefaultClient();
    const experiment = await client.getOrCreateExperiment(name);
    if (experiment.lifecycle_stage === 'deleted') {
        throw new Error(`Experiment '${name}' (id ${experiment.experiment_id}) is deleted. Restore it (MlflowClient.restoreExperiment) or choose another name.`);
    }
    activeExperiments.set(client, experiment.experiment_id);
    return experiment;
}
function currentUser() {
    try {
        return userInfo().username;
    }
    catch {
        // userInfo throws for uids without a passwd entry (common in containers).
        return process.env.USER ?? process.env.USERNAME ?? 'unknown';
    }
}
/** The tags MLflow's fluent start_run adds, so runs look the same in the UI whichever client logged them. */
function standardTags(user) {
    const tags = [
        { key: MLFLOW_TAGS.user, value: user },
        { key: MLFLOW_TAGS.sourceName, value: process.argv[1] ?? process.argv0 },
        { key: MLFLOW_TAGS.sourceType, value: 'LOCAL' },
    ];
    if (process.env.GITHUB_SHA)
        tags.push({ key: MLFLOW_TAGS.gitCommit, value: process.env.GITHUB_SHA });
    return tags;
}
async function resolveExperimentId(client, explicit) {
    if (explicit !== undefined)
        return explicit;
    const active = activeExperiments.get(client);
    if (active !== undefined)
        return active;
    if (process.env.MLFLOW_EXPERIMENT_ID)
        return process.env.MLFLOW_EXPERIMENT_ID;
    if (process.env.MLFLOW_EXPERIMENT_NAME)
        return (await setExperiment(process.env.MLFLOW_EXPERIMENT_NAME, { client })).experiment_id;
    return '0';
}
/** The MLFLOW_RUN_ID value already resumed by this process (the variable itself is left for child processes and tracing). */
let consumedEnvRunId;
/** The run to resume and where its id came from, or undefined to create a run. */
function runToResume(explicit) {
    if (explicit)
        return { runId: explicit, source: 'the runId option' };
    const fromEnv = process.env.MLFLOW_RUN_ID;
    // MLflow deletes the variable once used so a second start_run makes a new run; remembering
    // the value has the same effect without changing the environment other code reads.
    if (!fromEnv || fromEnv === consumedEnvRunId)
        return undefined;
    consumedEnvRunId = fromEnv;
    return { runId: fromEnv, source: 'MLFLOW_RUN_ID' };
}
async function resumeRun(client, resume, options) {
    const { runId, source } = resume;
    const existing = await client.getRun(runId);
    if (existing.info.lifecycle_stage === 'deleted') {
        throw new Error(`Cannot resume run ${runId} (from ${source}): it is deleted. Restore it (MlflowClient.restoreRun) or start a new run.`);
    }
    const expected = options.experimentId ?? activeExperiments.get(client);
    if (expected !== undefined && expected !== existing.info.experiment_id) {
        throw new Error(`Cannot resume run ${runId} (from ${source}): it belongs to experiment ${existing.info.experiment_id}, ` +
            `but experiment ${expected} was chosen (${options.experimentId !== undefined ? 'experimentId option' : 'setExperiment'}). ` +
            'Make them match (e.g. --experiment-name/--experiment-id of the project run) or choose no experiment in the script.');
    }
    // Status only: the server keeps end_time, as MLflow's resume does.
    await client.updateRun(runId, { status: 'RUNNING' });
    const tags = toKeyValues(options.tags);
    if (tags.length > 0)
        await client.logBatch(runId, { tags });
    return client.getRun(runId);
}
/** A started run. Logging calls go straight to the server; `end` is idempotent. */
class ActiveRun {
    client;
    /** The run as the server returned it at creation (or on resumption). */
    run;
    #ended = false;
    constructor(client, run) {
        this.client = client;
        this.run = run;
    }
    /** The run's info at start (`run.info.run_id`, as with MLflow's Python ActiveRun). */
    get info() {
        return this.run.info;
    }
    get runId() {
        return this.run.info.run_id;
    }
    get experimentId() {
        return this.run.info.experiment_id;
    }
    get ended() {
        return this.#ended;
    }
    logParam(key, value) {
        return this.client.logParam(this.runId, key, value);
    }
    logParams(params) {
        return this.client.logBatch(this.runId, { params });
    }
    logMetric(key, value, step) {
        return this.client.logMetric(this.runId, key, value, { step });
    }
    /** All values share one timestamp and step, as one observation. */
    logMetrics(metrics, step) {
        const timestamp = Date.now();
        return this.client.logBatch(this.runId, {
            metrics: Object.entries(metrics).map(([key, value]) => ({ key, value, timestamp, step: step ?? 0 })),
        });
    }
    setTag(key, value) {
        return this.client.setTag(this.runId, key, value);
    }
    setTags(tags) {
        return this.client.logBatch(this.runId, { tags });
    }
    logArtifact(localFile, artifactPath) {
        return this.client.logArtifact(this.runId, localFile, artifactPath);
    }
    logArtifacts(localDir, artifactPath) {
        return this.client.logArtifacts(this.runId, localDir, artifactPath);
    }
    /** Marks the run terminated (FINISHED unless told otherwise); later calls do nothing. */
    async end(status = 'FINISHED') {
        if (this.#ended)
            return undefined;
        this.#ended = true;
        return this.client.updateRun(this.runId, { status, endTime: Date.now() });
    }
    /** `await using run = await startRun()` ends the run FINISHED when the scope exits. */
    async [Symbol.asyncDispose]() {
        await this.end();
    }
}
async function createRun(client, options) {
    const experimentId = await resolveExperimentId(client, options.experimentId);
    const user = currentUser();
    const tags = new Map();
    for (const { key, value } of [...standardTags(user), ...toKeyValues(options.tags)])
        tags.set(key, value);
    return client.createRun({
        experimentId,
        runName: options.runName,
        userId: user,
        tags: [...tags].map(([key, value]) => ({ key, value })),
    });
}
async function startRun(options = {}, fn) {
    const client = options.client ?? getDefaultClient();
    const resume = runToResume(options.runId);
    const run = new ActiveRun(client, resume ? await resumeRun(client, resume, options) : await createRun(client, options));
    if (!fn)
        return run;
    let failed = false;
    try {
        return await activeRunStorage.run(run, () => fn(run));
    }
    catch (err) {
        failed = true;
        throw err;
    }
    finally {
        if (failed) {
            // The callback's error is the one worth seeing; a failure to mark the run is secondary.
            await run.end('FAILED').catch(() => undefined);
        }
        else {
            await run.end('FINISHED');
        }
    }
}


/***/ }),

/***/ 93425:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MlflowClient: () => (/* reexport safe */ _client_js__WEBPACK_IMPORTED_MODULE_0__.p),
/* harmony export */   ge: () => (/* reexport safe */ _errors_js__WEBPACK_IMPORTED_MODULE_1__.ge)
/* harmony export */ });
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(29418);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(20486);
/* harmony import */ var _deployments_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(37249);
/* harmony import */ var _batch_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(41049);
/* harmony import */ var _fluent_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(91347);
/**
 * The typed MLflow client: `MlflowClient` for the REST API, fluent `setExperiment`/`startRun`
 * helpers, and the two error types callers branch on.
 */







/***/ }),

/***/ 15698:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ym: () => (/* binding */ percentile),
/* harmony export */   i2: () => (/* binding */ mean),
/* harmony export */   r9: () => (/* binding */ bootstrapCi)
/* harmony export */ });
/* unused harmony export seededRandom */
/**
 * The statistics evaluation aggregates need: mean, percentiles (numpy's default linear
 * interpolation) and seeded percentile-bootstrap confidence intervals, reproducible run to run so
 * a CI gate does not flip on the sampler. Inputs are finite numbers; an empty input gives NaN
 * (as numpy's mean of nothing), which callers skip rather than log.
 */
/**
 * mulberry32: a small, fast 32-bit PRNG with a full 2^32 period, good enough for resampling and
 * fully determined by its seed. Returns floats in [0, 1).
 */
function seededRandom(seed) {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
/** Arithmetic mean; NaN for no values. */
function mean(values) {
    if (values.length === 0)
        return Number.NaN;
    let total = 0;
    for (const v of values)
        total += v;
    return total / values.length;
}
/** The p-th percentile (0..100) of values already sorted ascending, numpy's 'linear' method. */
function sortedPercentile(sorted, p) {
    const n = sorted.length;
    if (n === 0)
        return Number.NaN;
    const h = ((n - 1) * p) / 100;
    const lo = Math.floor(h);
    const low = sorted[lo];
    return lo + 1 < n ? low + (h - lo) * (sorted[lo + 1] - low) : low;
}
/** The p-th percentile (0..100) with linear interpolation (numpy.percentile's default); NaN for no values. */
function percentile(values, p) {
    if (!(p >= 0 && p <= 100))
        throw new RangeError(`percentile: p must be within [0, 100], got ${p}`);
    return sortedPercentile(Float64Array.from(values).sort(), p);
}
/**
 * Percentile bootstrap interval of `statistic` over `values`: resample with replacement
 * `iterations` times and take the (1 − confidence)/2 and (1 + confidence)/2 percentiles of the
 * resampled statistics. One value gives [value, value]; no values gives [NaN, NaN].
 */
function bootstrapCi(values, options) {
    const { seed, iterations = 1000, confidence = 0.95, statistic = mean } = options;
    if (!Number.isInteger(iterations) || iterations < 1)
        throw new RangeError(`bootstrapCi: iterations must be a positive integer, got ${iterations}`);
    if (!(confidence > 0 && confidence < 1))
        throw new RangeError(`bootstrapCi: confidence must be within (0, 1), got ${confidence}`);
    const n = values.length;
    if (n === 0)
        return { low: Number.NaN, high: Number.NaN };
    const random = seededRandom(seed);
    const sample = new Array(n);
    const stats = new Float64Array(iterations);
    for (let i = 0; i < iterations; i++) {
        for (let j = 0; j < n; j++)
            sample[j] = values[Math.floor(random() * n)];
        stats[i] = statistic(sample);
    }
    stats.sort();
    const tail = ((1 - confidence) / 2) * 100;
    return { low: sortedPercentile(stats, tail), high: sortedPercentile(stats, 100 - tail) };
}


/***/ }),

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


/***/ }),

/***/ 22950:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  exportBundle: () => (/* reexport */ exportBundle),
  importBundle: () => (/* reexport */ importBundle),
  readBundle: () => (/* reexport */ readBundle),
  readMlruns: () => (/* reexport */ readMlruns),
  WJ: () => (/* reexport */ verdict),
  writeBundle: () => (/* reexport */ writeBundle)
});

// UNUSED EXPORTS: BUNDLE_SCHEMA, BUNDLE_VERSION, BundleExportError, BundleFormatError, BundleImportError, BundleTag, BundleVersionError, EVAL_RESULTS_FILE, MAX_ARTIFACT_ENTRIES, MAX_EVAL_ARTIFACT_BYTES, MAX_EVAL_ROWS, MAX_EVAL_TABLE_BYTES, MAX_TRACES_WITH_SPANS, MlrunsError, READABLE_BUNDLE_VERSIONS, bundleSchema, emptyTraceSummary, evalSection, parseBundle, runContentHash, scrubber, serializeBundle, stripUrlCredentials, summarizeTraces

// EXTERNAL MODULE: ./build/src/report/bundle/schema.js
var schema = __webpack_require__(59450);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./build/src/client/index.js
var src_client = __webpack_require__(93425);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js
var schemas = __webpack_require__(55156);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/errors.js
var errors = __webpack_require__(37428);
;// CONCATENATED MODULE: ./build/src/report/bundle/eval.js
/**
 * The eval section of a bundle run: the run's `eval_results.json` artifact (MLflow's `log_table`
 * layout, `{"columns": [...], "data": [[...]]}`, as `mlflow-ts eval` writes it) and a per-scorer
 * summary. Scorer columns are `<scorer>/score`, `<scorer>/passed` and `<scorer>/error`.
 *
 * Size: the summary covers every row; the table keeps the first MAX_EVAL_ROWS rows and at most
 * MAX_EVAL_TABLE_BYTES of row JSON, whichever comes first (`total_rows` tells how many there
 * were). An artifact larger than MAX_EVAL_ARTIFACT_BYTES is not read at all.
 */

const EVAL_RESULTS_FILE = 'eval_results.json';
const MAX_EVAL_ROWS = 2000;
const MAX_EVAL_TABLE_BYTES = 2_000_000;
const MAX_EVAL_ARTIFACT_BYTES = 64 * 1024 * 1024;
const SCORER_FIELD = /^(.+)\/(score|passed|error)$/;
const tableSchema = schemas.object({ columns: schemas.array(schemas.string()), data: schemas.array(schemas.array(schemas.json())) });
const PASS = new Set(['true', 'yes', 'pass', 'passed', '1']);
const FAIL = new Set(['false', 'no', 'fail', 'failed', '0']);
/** A judgement cell: booleans, or the yes/no strings LLM judges answer with. */
/** A pass/fail cell of a results table (booleans, 1/0, or words such as "pass"/"no"), or undefined. */
function verdict(v) {
    if (typeof v === 'boolean')
        return v;
    if (typeof v === 'number')
        return v === 1 ? true : v === 0 ? false : undefined;
    if (typeof v !== 'string')
        return undefined;
    const s = v.trim().toLowerCase();
    return PASS.has(s) ? true : FAIL.has(s) ? false : undefined;
}
const finiteScore = (v) => {
    const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
    return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
};
function summarize(columns, rows) {
    const fields = new Map();
    columns.forEach((c, i) => {
        const m = SCORER_FIELD.exec(c);
        if (!m)
            return;
        const entry = fields.get(m[1]) ?? {};
        entry[m[2]] = i;
        fields.set(m[1], entry);
    });
    const scorers = {};
    for (const [name, at] of fields) {
        // `<x>/error` alone is not a scorer (a dataset could have such a column).
        if (at.score === undefined && at.passed === undefined)
            continue;
        let n = 0;
        let passed = 0;
        let failed = 0;
        let errors = 0;
        let sum = 0;
        let scored = 0;
        for (const row of rows) {
            const error = at.error === undefined ? undefined : row[at.error];
            if (error !== undefined && error !== null && error !== '') {
                errors++;
                continue;
            }
            const v = at.passed === undefined ? undefined : verdict(row[at.passed]);
            const score = at.score === undefined ? undefined : finiteScore(row[at.score]);
            if (v === undefined && score === undefined)
                continue;
            n++;
            if (v === true)
                passed++;
            else if (v === false)
                failed++;
            if (score !== undefined) {
                sum += score;
                scored++;
            }
        }
        scorers[name] = { n, passed, failed, errors, pass_rate: passed + failed > 0 ? passed / (passed + failed) : null, mean: scored > 0 ? sum / scored : null };
    }
    return { rows: rows.length, scorers };
}
/** The eval section from the artifact's text; throws with a reason when the text is not such a table. */
function evalSection(text) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (err) {
        throw new Error(`${EVAL_RESULTS_FILE} is not JSON (${err.message}).`, { cause: err });
    }
    const parsed = tableSchema.safeParse(json);
    if (!parsed.success)
        throw new Error(`${EVAL_RESULTS_FILE} is not a {"columns", "data"} table: ${errors/* prettifyError */.S1(parsed.error)}`);
    const { columns, data } = parsed.data;
    const kept = [];
    let bytes = 0;
    for (const row of data) {
        if (kept.length >= MAX_EVAL_ROWS)
            break;
        bytes += JSON.stringify(row).length + 1;
        if (bytes > MAX_EVAL_TABLE_BYTES && kept.length > 0)
            break;
        kept.push(row);
    }
    return { table: { columns, data: kept }, total_rows: data.length, summary: summarize(columns, data) };
}
/** The artifact's text for a bundle's table (the rows it kept), as `mlflow-ts eval` writes it. */
function evalArtifactText(section) {
    return JSON.stringify(section.table);
}

;// CONCATENATED MODULE: ./build/src/report/bundle/sanitize.js
/**
 * Keeps credentials out of bundles. Bundles are uploaded as workflow artifacts that anyone with
 * read access to the repository can download, so every string in one (tracking URI, dataset
 * sources, tag and param values, eval cells) is scrubbed: URL user info is dropped, secret-looking
 * query parameters are masked, and known secret values (tokens the caller holds) are masked
 * wherever they appear.
 */
const MASK = '***';
/** `scheme://user:password@` (or `scheme://token@`) anywhere in a text. */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@'"<>]+@/gi;
/** Query parameters that carry credentials: API keys, OAuth and signed-URL tokens (S3, GCS, Azure SAS). */
const SECRET_QUERY = /([?&](?:access_token|api[_-]?key|apikey|auth|code|key|password|secret|sig|signature|token|x-amz-credential|x-amz-security-token|x-amz-signature|x-goog-credential|x-goog-signature)=)[^&#\s'"<>]*/gi;
/** Shorter "secrets" would mask ordinary words. */
const MIN_SECRET_LENGTH = 6;
/** A URL or free text without credentials. */
function stripUrlCredentials(text) {
    return text.replace(URL_USERINFO, '$1').replace(SECRET_QUERY, `$1${MASK}`);
}
/** A scrubber for URL credentials and the given secret values. */
function scrubber(secrets = []) {
    const known = [...new Set(secrets.filter((s) => s.length >= MIN_SECRET_LENGTH))].sort((a, b) => b.length - a.length);
    return (text) => {
        let out = stripUrlCredentials(text);
        for (const secret of known)
            if (out.includes(secret))
                out = out.split(secret).join(MASK);
        return out;
    };
}
/** Every string of a JSON-like value (object keys too) passed through `scrub`; numbers, booleans and null unchanged. */
function scrubDeep(value, scrub) {
    const walk = (v) => {
        if (typeof v === 'string')
            return scrub(v);
        if (Array.isArray(v))
            return v.map(walk);
        if (v !== null && typeof v === 'object') {
            const out = {};
            for (const [k, inner] of Object.entries(v))
                if (inner !== undefined)
                    out[scrub(k)] = walk(inner);
            return out;
        }
        return v;
    };
    return walk(value);
}

// EXTERNAL MODULE: ./build/src/mlflow/trace-keys.js
var trace_keys = __webpack_require__(49263);
// EXTERNAL MODULE: ./build/src/tracing/constants.js
var constants = __webpack_require__(77997);
// EXTERNAL MODULE: ./build/src/evaluate/stats.js
var stats = __webpack_require__(15698);
// EXTERNAL MODULE: ./build/src/client/concurrency.js
var concurrency = __webpack_require__(93622);
;// CONCATENATED MODULE: ./build/src/report/bundle/traces.js




/** Spans are fetched one trace at a time; beyond this many traces per run only the trace infos are used. */
const MAX_TRACES_WITH_SPANS = 1000;
const SEARCH_PAGE_SIZE = 500;
const FETCH_CONCURRENCY = 8;
/** Microsecond precision is plenty for a report and keeps the bundle small. */
const round = (ms) => Math.round(ms * 1000) / 1000;
function addTokens(into, add) {
    if (!add)
        return;
    into.input += add.input;
    into.output += add.output;
    into.total += add.total;
}
function summarizeTraces(traces) {
    const durations = [];
    const spanDurations = new Map();
    const spanCounts = new Map();
    const tokens = { input: 0, output: 0, total: 0 };
    let cost = 0;
    let cacheHits = 0;
    let cacheMisses = 0;
    let spanTraces = 0;
    for (const t of traces) {
        if (t.durationMs !== undefined)
            durations.push(t.durationMs);
        const spans = t.spans;
        if (spans)
            spanTraces++;
        const spanTokens = spans?.filter((s) => s.tokens !== undefined);
        const spanCosts = spans?.filter((s) => s.costUsd !== undefined);
        if (spanTokens && spanTokens.length > 0)
            for (const s of spanTokens)
                addTokens(tokens, s.tokens);
        else
            addTokens(tokens, t.tokens);
        if (spanCosts && spanCosts.length > 0)
            for (const s of spanCosts)
                cost += s.costUsd;
        else
            cost += t.costUsd ?? 0;
        for (const s of spans ?? []) {
            spanCounts.set(s.name, (spanCounts.get(s.name) ?? 0) + 1);
            if (s.durationMs !== undefined) {
                let list = spanDurations.get(s.name);
                if (!list)
                    spanDurations.set(s.name, (list = []));
                list.push(s.durationMs);
            }
            if (s.cacheHit === true)
                cacheHits++;
            else if (s.cacheHit === false)
                cacheMisses++;
        }
    }
    const byNumber = (a, b) => a - b;
    durations.sort(byNumber);
    const spans = {};
    for (const name of [...spanCounts.keys()].sort()) {
        const list = (spanDurations.get(name) ?? []).sort(byNumber);
        spans[name] = { count: spanCounts.get(name), p50_ms: round((0,stats/* percentile */.Ym)(list, 50)), p95_ms: round((0,stats/* percentile */.Ym)(list, 95)) };
    }
    return {
        count: traces.length,
        span_traces: spanTraces,
        spans,
        tokens,
        // Sums of many small float prices; twelve decimals hide the float noise, not a cent.
        cost_usd: Math.round(cost * 1e12) / 1e12,
        cache_hits: cacheHits,
        cache_misses: cacheMisses,
        latency_ms: durations.length > 0 ? { p50: round((0,stats/* percentile */.Ym)(durations, 50)), p95: round((0,stats/* percentile */.Ym)(durations, 95)) } : { p50: null, p95: null },
    };
}
// ---- decoding MLflow's trace JSON ----
const finite = (v) => {
    const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
    return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
};
function parseJsonObject(text) {
    if (text === undefined)
        return undefined;
    try {
        const v = JSON.parse(text);
        return v !== null && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
    }
    catch {
        return undefined;
    }
}
/** `{input_tokens, output_tokens, total_tokens}` (MLflow's token usage) as counts; total defaults to input + output. */
function tokenCounts(usage) {
    if (!usage)
        return undefined;
    const input = finite(usage.input_tokens);
    const output = finite(usage.output_tokens);
    const total = finite(usage.total_tokens);
    if (input === undefined && output === undefined && total === undefined)
        return undefined;
    return { input: input ?? 0, output: output ?? 0, total: total ?? (input ?? 0) + (output ?? 0) };
}
/** `{input_cost, output_cost, total_cost}` in USD as one total. */
function costTotal(cost) {
    if (!cost)
        return undefined;
    const total = finite(cost.total_cost);
    if (total !== undefined)
        return total;
    const input = finite(cost.input_cost);
    const output = finite(cost.output_cost);
    return input === undefined && output === undefined ? undefined : (input ?? 0) + (output ?? 0);
}
/** Trace-level facts from its metadata (`mlflow.trace.tokenUsage`, `mlflow.trace.cost`). */
function metadataFacts(metadata) {
    const facts = {};
    const tokens = tokenCounts(parseJsonObject(metadata[constants/* TraceMetadataKey */.C3.TOKEN_USAGE]));
    const cost = costTotal(parseJsonObject(metadata[trace_keys/* GatewayTraceMetadataKey */.mr.COST]));
    if (tokens)
        facts.tokens = tokens;
    if (cost !== undefined)
        facts.costUsd = cost;
    return facts;
}
/** An OTLP AnyValue as the server returns it; MLflow keeps attribute values as JSON text in `string_value`. */
function anyValue(v) {
    if (!v)
        return undefined;
    if (typeof v.string_value === 'string') {
        try {
            return JSON.parse(v.string_value);
        }
        catch {
            return v.string_value;
        }
    }
    if ('int_value' in v)
        return Number(v.int_value);
    if ('double_value' in v)
        return v.double_value;
    if ('bool_value' in v)
        return v.bool_value;
    const kv = v.kvlist_value;
    if (kv)
        return Object.fromEntries((kv.values ?? []).map((e) => [e.key, anyValue(e.value)]));
    const list = v.array_value;
    if (list)
        return (list.values ?? []).map(anyValue);
    return undefined;
}
const asObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
const nanos = (v) => {
    if (v === undefined || v === '' || v === '0' || v === 0)
        return undefined;
    const n = Number(v);
    return Number.isFinite(n) ? n : undefined;
};
function spanFacts(span) {
    const attrs = new Map((span.attributes ?? []).map((a) => [a.key, a.value]));
    const get = (key) => anyValue(attrs.get(key));
    const start = nanos(span.start_time_unix_nano);
    const end = nanos(span.end_time_unix_nano);
    const facts = { name: span.name, durationMs: start !== undefined && end !== undefined ? Math.max(0, end - start) / 1e6 : undefined };
    let tokens = tokenCounts(asObject(get(constants/* SpanAttributeKey */.W5.TOKEN_USAGE)));
    if (!tokens) {
        const input = finite(get(constants/* GenAiAttributeKey */.Sm.USAGE_INPUT_TOKENS));
        const output = finite(get(constants/* GenAiAttributeKey */.Sm.USAGE_OUTPUT_TOKENS));
        if (input !== undefined || output !== undefined)
            tokens = { input: input ?? 0, output: output ?? 0, total: (input ?? 0) + (output ?? 0) };
    }
    if (tokens)
        facts.tokens = tokens;
    const cost = costTotal(asObject(get(constants/* SpanAttributeKey */.W5.LLM_COST)));
    if (cost !== undefined)
        facts.costUsd = cost;
    const cacheHit = get(trace_keys/* GatewaySpanAttributeKey */.Cn.CACHE_HIT);
    if (typeof cacheHit === 'boolean')
        facts.cacheHit = cacheHit;
    return facts;
}
/** `"0.191s"` (protobuf Duration JSON) as milliseconds. */
function durationMs(text) {
    const match = text === undefined ? null : /^(-?\d+(?:\.\d+)?)s$/.exec(text.trim());
    return match ? Number(match[1]) * 1000 : undefined;
}
function traceFacts(info, spans) {
    const facts = metadataFacts(info.trace_metadata ?? {});
    const duration = durationMs(info.execution_duration);
    if (duration !== undefined)
        facts.durationMs = duration;
    if (spans)
        facts.spans = spans.map(spanFacts);
    return facts;
}
// ---- reading a run's traces through the client ----
/** The ids of the gateway's `gateway/<endpoint>` experiments, where linked gateway traces live. */
async function gatewayExperimentIds(client) {
    const ids = [];
    for await (const e of client.searchExperiments({ filter: `tags.\`${trace_keys/* EXPERIMENT_SOURCE_TYPE_TAG */.uA}\` = '${trace_keys/* GATEWAY_SOURCE_TYPE */.Eh}'` }))
        ids.push(e.experiment_id);
    return ids;
}
const quote = (s) => `'${s.replaceAll("'", "\\'")}'`;
/** The summary of every trace linked to `runId`, searched in `experimentIds`. */
async function summarizeRunTraces(client, runId, experimentIds) {
    const infos = [];
    const seen = new Set();
    for await (const info of client.searchTraces({
        experimentIds: [...new Set(experimentIds)],
        filter: `run_id = ${quote(runId)}`,
        orderBy: ['timestamp_ms DESC'],
        maxResults: SEARCH_PAGE_SIZE,
    })) {
        if (seen.has(info.trace_id))
            continue;
        seen.add(info.trace_id);
        infos.push(info);
    }
    const withSpans = infos.slice(0, MAX_TRACES_WITH_SPANS);
    const spans = await (0,concurrency/* mapLimit */.s)(withSpans, FETCH_CONCURRENCY, async (info) => (await client.getTrace(info.trace_id)).spans);
    return summarizeTraces(infos.map((info, i) => traceFacts(info, spans[i])));
}

;// CONCATENATED MODULE: ./build/src/report/bundle/export.js
/**
 * `exportBundle`: an experiment's runs, read through the tracking server's REST API (never its
 * store), as one bundle. Only active runs are exported. Artifacts are listed, not copied, except
 * the eval table, which the comparison needs row by row.
 */









/** Artifact entries listed per run; a run with more (a checkpoint directory) is listed in part, with a warning. */
const MAX_ARTIFACT_ENTRIES = 10_000;
const RUN_CONCURRENCY = 4;
const HISTORY_CONCURRENCY = 8;
/** An export that cannot start: a named experiment that does not exist or is deleted. */
class BundleExportError extends Error {
    name = 'BundleExportError';
}
async function resolveExperiment(client, by, key) {
    let experiment;
    try {
        experiment = by === 'name' ? await client.getExperimentByName(key) : await client.getExperiment(key);
    }
    catch (err) {
        if (err instanceof src_client/* MlflowApiError */.ge && err.errorCode === 'RESOURCE_DOES_NOT_EXIST') {
            throw new BundleExportError(`No experiment with ${by} '${key}' on ${client.trackingUri}. Check the ${by} (the tracking UI or \`GET /api/2.0/mlflow/experiments/search\` lists them).`);
        }
        throw err;
    }
    if (experiment.lifecycle_stage === 'deleted') {
        throw new BundleExportError(`Experiment '${experiment.name}' (id ${experiment.experiment_id}) is deleted; restore it before exporting its runs.`);
    }
    return experiment;
}
/** Every file under the run's artifact root, depth first, up to MAX_ARTIFACT_ENTRIES. */
async function listAllArtifacts(client, runId) {
    const entries = [];
    const pending = [undefined];
    while (pending.length > 0) {
        const dir = pending.pop();
        for (const f of await client.listArtifacts(runId, dir)) {
            if (f.is_dir)
                pending.push(f.path);
            else if (entries.length >= MAX_ARTIFACT_ENTRIES)
                return { entries, capped: true };
            else
                entries.push({ path: f.path, file_size: f.file_size ?? 0 });
        }
    }
    entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { entries, capped: false };
}
const byTime = (a, b) => a.timestamp - b.timestamp || a.step - b.step;
const record = (kvs) => Object.fromEntries(kvs.map((kv) => [kv.key, kv.value]));
async function exportRun(client, run, experimentName, traceExperiments, scratch, warnings) {
    const runId = run.info.run_id;
    const keys = [...new Set(run.data.metrics.map((m) => m.key))].sort();
    const histories = await (0,concurrency/* mapLimit */.s)(keys, HISTORY_CONCURRENCY, (key) => client.getMetricHistory(runId, key));
    const metrics = {};
    keys.forEach((key, i) => {
        metrics[key] = histories[i].map((m) => ({ value: m.value, step: m.step, timestamp: m.timestamp })).sort(byTime);
    });
    let artifacts = [];
    try {
        const listed = await listAllArtifacts(client, runId);
        artifacts = listed.entries;
        if (listed.capped)
            warnings.push(`Run ${runId}: only the first ${MAX_ARTIFACT_ENTRIES} artifact files are listed.`);
    }
    catch (err) {
        // A server without artifact serving still has runs worth comparing.
        warnings.push(`Run ${runId}: artifacts not listed (${err.message})`);
    }
    const bundleRun = {
        run_id: runId,
        experiment_name: experimentName,
        run_name: run.info.run_name,
        status: run.info.status,
        start_time: run.info.start_time,
        end_time: run.info.end_time ?? null,
        params: record(run.data.params),
        tags: record(run.data.tags),
        metrics,
        inputs: run.inputs.dataset_inputs.map((d) => ({ dataset: { ...d.dataset }, tags: record(d.tags) })),
        artifacts,
        traces: await summarizeRunTraces(client, runId, [run.info.experiment_id, ...traceExperiments]),
    };
    const table = artifacts.find((a) => a.path === EVAL_RESULTS_FILE);
    if (table && table.file_size > MAX_EVAL_ARTIFACT_BYTES) {
        warnings.push(`Run ${runId}: ${EVAL_RESULTS_FILE} (${table.file_size} bytes) is larger than ${MAX_EVAL_ARTIFACT_BYTES} bytes and was left out.`);
    }
    else if (table) {
        const local = (0,external_node_path_.join)(scratch, `${runId}-${EVAL_RESULTS_FILE}`);
        try {
            await client.downloadArtifact(runId, EVAL_RESULTS_FILE, local);
            bundleRun.eval = evalSection(await (0,promises_.readFile)(local, 'utf8'));
        }
        catch (err) {
            warnings.push(`Run ${runId}: eval table left out (${err.message})`);
        }
        finally {
            await (0,promises_.rm)(local, { force: true });
        }
    }
    return bundleRun;
}
/** Finishes a bundle: credentials scrubbed, then checked against the schema it claims. */
function finishBundle(draft, secrets = []) {
    const bundle = { schema: schema/* BUNDLE_SCHEMA */.nf, version: schema/* BUNDLE_VERSION */.AY, created_at: new Date().toISOString(), ...draft };
    bundle.source = { ...bundle.source, tracking_uri: stripUrlCredentials(bundle.source.tracking_uri) };
    if (bundle.warnings?.length === 0)
        delete bundle.warnings;
    return schema/* bundleSchema */._D.parse(scrubDeep(bundle, scrubber(secrets)));
}
async function exportBundle(client, options) {
    const experiments = [];
    if (options.experimentNames !== undefined)
        for (const name of options.experimentNames)
            experiments.push(await resolveExperiment(client, 'name', name));
    else
        for (const id of options.experimentIds)
            experiments.push(await resolveExperiment(client, 'id', id));
    const traceExperiments = await gatewayExperimentIds(client);
    const warnings = [];
    const runs = [];
    const scratch = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'mlflow-ts-export-'));
    try {
        for (const experiment of experiments) {
            const found = [];
            for await (const run of client.searchRuns({
                experimentIds: [experiment.experiment_id],
                filter: options.runFilter,
                runViewType: 'ACTIVE_ONLY',
                orderBy: ['attributes.start_time ASC'],
            })) {
                found.push(run);
            }
            runs.push(...(await (0,concurrency/* mapLimit */.s)(found, RUN_CONCURRENCY, (run) => exportRun(client, run, experiment.name, traceExperiments, scratch, warnings))));
        }
    }
    finally {
        await (0,promises_.rm)(scratch, { recursive: true, force: true });
    }
    return finishBundle({
        source: { tracking_uri: client.trackingUri, ...options.source },
        experiments: experiments.map((e) => ({ name: e.name, tags: record(e.tags) })),
        runs,
        warnings,
    }, options.secrets);
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./build/src/mlflow/limits.js
var limits = __webpack_require__(45167);
;// CONCATENATED MODULE: ./build/src/report/bundle/util.js
/** Small helpers shared by the bundle's exporter, importer and readers. */
/** JSON with object keys sorted at every level, so equal content always gives equal text (and hash). */
function canonicalJson(value) {
    return JSON.stringify(value, (_key, v) => {
        if (typeof v === 'number' && !Number.isFinite(v))
            return String(v);
        if (v === null || typeof v !== 'object' || Array.isArray(v))
            return v;
        const sorted = {};
        for (const k of Object.keys(v).sort())
            sorted[k] = v[k];
        return sorted;
    });
}

;// CONCATENATED MODULE: ./build/src/report/bundle/import.js
/**
 * `importBundle`: a bundle's runs re-created on a tracking server through its REST API, with
 * their original names, start and end times, status, params, tags, full metric histories and
 * dataset inputs; the eval table is uploaded again as `eval_results.json` (other artifacts are
 * only listed in a bundle, so they are not re-created).
 *
 * Idempotence: each imported run carries tag `mlflow_ts.bundle.source_run_id` (the run id in the
 * bundle) and, set last, `mlflow_ts.bundle.content_hash` (a hash of the run's bundle content).
 * Before creating, the target experiment is searched for that tag: the same content already
 * there is skipped; a copy with other content (a newer export of the run, or an import that
 * stopped half-way and so never got its hash) is deleted (soft, restorable) and replaced.
 * Two imports running at the same moment can still both create a run.
 *
 * Parent links (`mlflow.parentRunId`) between runs of the bundle are rewritten to the new ids;
 * parents are created before their children.
 */









/** Tags an import writes on each run it creates. */
const BundleTag = {
    SOURCE_RUN_ID: 'mlflow_ts.bundle.source_run_id',
    CONTENT_HASH: 'mlflow_ts.bundle.content_hash',
};
/** An import that cannot place the bundle's runs (the target experiment is deleted). */
class BundleImportError extends Error {
    name = 'BundleImportError';
}
/** A stable hash of what the bundle says about one run. */
function runContentHash(run) {
    return (0,external_node_crypto_.createHash)('sha256').update(canonicalJson(run)).digest('hex');
}
async function resolveExperimentId(client, name, tags) {
    const e = await client.getOrCreateExperiment(name, { tags });
    if (e.lifecycle_stage === 'deleted') {
        throw new BundleImportError(`Experiment '${name}' (id ${e.experiment_id}) is deleted on ${client.trackingUri}, so the bundle's runs cannot go there. ` +
            'Restore it (POST /api/2.0/mlflow/experiments/restore) or delete it permanently, then import again.');
    }
    return e.experiment_id;
}
/** Runs of the experiment that earlier imports created, by the bundle run id they came from. */
async function importedRuns(client, experimentId) {
    const byOrigin = new Map();
    for await (const run of client.searchRuns({
        experimentIds: [experimentId],
        filter: `tags.\`${BundleTag.SOURCE_RUN_ID}\` LIKE '%'`,
        runViewType: 'ACTIVE_ONLY',
    })) {
        const origin = run.data.tags.find((t) => t.key === BundleTag.SOURCE_RUN_ID)?.value;
        if (origin === undefined)
            continue;
        const list = byOrigin.get(origin) ?? [];
        list.push(run);
        byOrigin.set(origin, list);
    }
    return byOrigin;
}
/** Parents before children (within the bundle), otherwise in bundle order. */
function parentsFirst(runs) {
    const byId = new Map(runs.map((r) => [r.run_id, r]));
    const done = new Set();
    const out = [];
    const visit = (run, path) => {
        if (done.has(run.run_id) || path.has(run.run_id))
            return;
        path.add(run.run_id);
        const parent = byId.get(run.tags[limits/* MLFLOW_TAGS */.E5.parentRunId] ?? '');
        if (parent)
            visit(parent, path);
        done.add(run.run_id);
        out.push(run);
    };
    for (const run of runs)
        visit(run, new Set());
    return out;
}
async function createRun(client, run, experiment, runIds, hash, scratch) {
    const tags = {};
    for (const [key, value] of Object.entries(run.tags)) {
        if (key !== BundleTag.SOURCE_RUN_ID && key !== BundleTag.CONTENT_HASH)
            tags[key] = value;
    }
    const parent = tags[limits/* MLFLOW_TAGS */.E5.parentRunId];
    if (parent !== undefined && runIds.has(parent))
        tags[limits/* MLFLOW_TAGS */.E5.parentRunId] = runIds.get(parent);
    const created = await client.createRun({
        experimentId: experiment,
        runName: run.run_name || undefined,
        startTime: run.start_time,
        userId: tags[limits/* MLFLOW_TAGS */.E5.user],
        // The origin first: a run that fails half-way is then recognised (and replaced) by the next import.
        tags: { [BundleTag.SOURCE_RUN_ID]: run.run_id },
    });
    const runId = created.info.run_id;
    const metrics = [];
    for (const [key, points] of Object.entries(run.metrics))
        for (const p of points)
            metrics.push({ key, value: p.value, step: p.step, timestamp: p.timestamp });
    await client.logBatch(runId, { params: run.params, tags, metrics });
    const datasets = run.inputs.map((d) => ({ dataset: d.dataset, tags: Object.entries(d.tags).map(([key, value]) => ({ key, value })) }));
    for (let i = 0; i < datasets.length; i += limits/* MLFLOW_LIMITS */.rh.dataset.maxDatasetsPerBatch) {
        await client.logInputs(runId, datasets.slice(i, i + limits/* MLFLOW_LIMITS */.rh.dataset.maxDatasetsPerBatch));
    }
    if (run.eval) {
        const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(scratch, 'eval-'));
        const file = (0,external_node_path_.join)(dir, EVAL_RESULTS_FILE);
        await (0,promises_.writeFile)(file, evalArtifactText(run.eval));
        await client.logArtifact(runId, file);
    }
    if (run.status !== 'RUNNING' || run.end_time !== null) {
        await client.updateRun(runId, { status: run.status, ...(run.end_time !== null ? { endTime: run.end_time } : {}) });
    }
    // Last: the hash marks the copy complete.
    await client.setTag(runId, BundleTag.CONTENT_HASH, hash);
    return runId;
}
async function importBundle(client, bundle) {
    const checked = (0,schema/* parseBundle */.QN)(bundle);
    const experimentTags = new Map(checked.experiments.map((e) => [e.name, e.tags]));
    const names = [...new Set([...checked.experiments.map((e) => e.name), ...checked.runs.map((r) => r.experiment_name)])];
    const experiments = new Map();
    for (const name of names) {
        const id = await resolveExperimentId(client, name, experimentTags.get(name) ?? {});
        experiments.set(name, { id, imported: await importedRuns(client, id) });
    }
    const result = { created: 0, skipped: 0, replaced: 0, runIds: new Map() };
    const scratch = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'mlflow-ts-import-'));
    try {
        for (const run of parentsFirst(checked.runs)) {
            const target = experiments.get(run.experiment_name);
            const hash = runContentHash(run);
            const copies = target.imported.get(run.run_id) ?? [];
            const same = copies.find((c) => c.data.tags.some((t) => t.key === BundleTag.CONTENT_HASH && t.value === hash));
            if (same) {
                result.skipped++;
                result.runIds.set(run.run_id, same.info.run_id);
                continue;
            }
            for (const stale of copies)
                await client.deleteRun(stale.info.run_id);
            if (copies.length > 0)
                result.replaced++;
            result.runIds.set(run.run_id, await createRun(client, run, target.id, result.runIds, hash, scratch));
            result.created++;
        }
    }
    finally {
        await (0,promises_.rm)(scratch, { recursive: true, force: true });
    }
    return result;
}

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./build/src/report/bundle/mlruns.js
/**
 * `readMlruns`: an MLflow file store (`mlruns/`, MLflow's FileStore layout) read into a bundle,
 * so a team's existing runs can be imported as a baseline (`mlflow-ts import --mlruns <dir>`).
 *
 * Layout, as MLflow's FileStore writes it:
 *   <root>/<experiment id>/meta.yaml         experiment_id, name, artifact_location, lifecycle_stage, ...
 *   <root>/<experiment id>/tags/<key>        experiment tag value (keys with `/` are subdirectories)
 *   <root>/<experiment id>/<run id>/meta.yaml  run_id (run_uuid in old stores), run_name, status (1 RUNNING .. 5 KILLED),
 *                                            start_time, end_time, artifact_uri, lifecycle_stage, experiment_id, ...
 *   <run>/params/<key>, <run>/tags/<key>     the value, the whole file
 *   <run>/metrics/<key>                      one line per value: `<timestamp> <value> <step>` (old stores: no step)
 *   <run>/inputs/<id>/meta.yaml              a dataset input: source_id → <experiment>/datasets/<source_id>/meta.yaml, tags
 *   <run>/artifacts/                         the run's artifacts when the artifact root is the store itself
 *   <experiment>/traces/<id>/                trace_info.yaml, request_metadata/<key> (mlflow.sourceRun links the run)
 *   <root>/.trash/                           deleted experiments; <root>/models/ is the model registry
 * Deleted experiments and runs (in `.trash`, or `lifecycle_stage: deleted`) are left out, as
 * MLflow's active view does. A directory that is not an experiment or run is skipped with a
 * warning in the bundle, as MLflow logs and skips it.
 */








/** The mlruns directory cannot be read as a file store at all. */
class MlrunsError extends Error {
    name = 'MlrunsError';
}
const TRASH = '.trash';
/** The model registry's folder at the store root. */
const REGISTRY = 'models';
/** Experiment subfolders that are not runs (MLflow's RESERVED_EXPERIMENT_FOLDERS, plus MLflow 3's logged models). */
const RESERVED = new Set(['tags', 'datasets', 'traces', 'models']);
const META = 'meta.yaml';
async function isDir(path) {
    return (await (0,promises_.stat)(path).catch(() => undefined))?.isDirectory() ?? false;
}
async function subdirs(path) {
    const entries = await (0,promises_.readdir)(path, { withFileTypes: true }).catch(() => []);
    return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
}
/** A meta.yaml as an object, undefined when missing. */
async function readMeta(dir, file = META) {
    let text;
    try {
        text = await (0,promises_.readFile)((0,external_node_path_.join)(dir, file), 'utf8');
    }
    catch {
        return undefined;
    }
    let parsed;
    try {
        parsed = (0,dist.parse)(text);
    }
    catch (err) {
        throw new Error(`${(0,external_node_path_.join)(dir, file)} is not valid YAML (${err.message.split('\n')[0]})`, { cause: err });
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
        throw new Error(`${(0,external_node_path_.join)(dir, file)} is not a YAML mapping`);
    return parsed;
}
/** Every file under `root` as [key, full path]; keys use `/` whatever the platform, as MLflow's do. */
async function filesUnder(root) {
    const entries = await (0,promises_.readdir)(root, { recursive: true, withFileTypes: true }).catch(() => []);
    const out = [];
    for (const e of entries) {
        if (!e.isFile())
            continue;
        const full = (0,external_node_path_.join)(e.parentPath, e.name);
        out.push([(0,external_node_path_.relative)(root, full).split(external_node_path_.sep).join('/'), full]);
    }
    return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}
/** A key → file content folder (params, tags, request metadata). */
async function keyValueFolder(root) {
    const out = {};
    for (const [key, full] of await filesUnder(root))
        out[key] = await (0,promises_.readFile)(full, 'utf8');
    return out;
}
const str = (v) => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined);
const num = (v) => {
    const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
    return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
};
/** Python's float() spellings as written by `f"{value}"`: `nan`, `inf`, `-inf`, `1e-05`. */
function pythonFloat(text) {
    const t = text.toLowerCase();
    if (t === 'nan' || t === '+nan' || t === '-nan')
        return NaN;
    if (t === 'inf' || t === '+inf' || t === 'infinity' || t === '+infinity')
        return Infinity;
    if (t === '-inf' || t === '-infinity')
        return -Infinity;
    const n = text.trim() === '' ? NaN : Number(text);
    return Number.isNaN(n) ? undefined : n;
}
const integer = (text) => (text !== undefined && /^-?\d+$/.test(text) ? Number(text) : undefined);
/** One metric file's history; malformed lines are skipped with a warning. */
function metricLines(text, where, warnings) {
    const points = [];
    text.split('\n').forEach((line, i) => {
        if (line.trim() === '')
            return;
        const parts = line.trim().split(' ');
        const timestamp = integer(parts[0]);
        const value = parts[1] === undefined ? undefined : pythonFloat(parts[1]);
        const step = parts.length === 3 ? integer(parts[2]) : 0;
        if ((parts.length !== 2 && parts.length !== 3) || timestamp === undefined || value === undefined || step === undefined) {
            warnings.push(`${where}:${i + 1}: not a metric line ('<timestamp> <value> <step>'): ${JSON.stringify(line.slice(0, 100))}; skipped.`);
            return;
        }
        points.push({ value, step, timestamp });
    });
    return points;
}
function runStatus(v) {
    if (typeof v === 'number')
        return limits/* RUN_STATUS_NUMBERS */.uC[v] ?? 'RUNNING';
    if (typeof v === 'string' && limits/* RUN_STATUSES */.LV.includes(v))
        return v;
    // MLflow reads a missing status as RUNNING.
    return 'RUNNING';
}
/** The run's artifact directory on this machine: its recorded `artifact_uri` when local and present, else `<run>/artifacts` (a copied store). */
async function localArtifactDir(artifactUri, runDir) {
    let recorded;
    if (artifactUri?.startsWith('file:')) {
        try {
            recorded = (0,external_node_url_.fileURLToPath)(artifactUri);
        }
        catch {
            recorded = undefined;
        }
    }
    else if (artifactUri !== undefined && (0,external_node_path_.isAbsolute)(artifactUri))
        recorded = artifactUri;
    if (recorded !== undefined && (await isDir(recorded)))
        return recorded;
    const inStore = (0,external_node_path_.join)(runDir, 'artifacts');
    return (await isDir(inStore)) ? inStore : undefined;
}
/** Trace facts per linked run id, from `<experiment>/traces/` (MLflow 2 and 3 trace_info.yaml shapes). */
async function experimentTraces(experimentDir) {
    const byRun = new Map();
    const tracesDir = (0,external_node_path_.join)(experimentDir, 'traces');
    for (const id of await subdirs(tracesDir)) {
        const dir = (0,external_node_path_.join)(tracesDir, id);
        const info = await readMeta(dir, 'trace_info.yaml').catch(() => undefined);
        if (!info)
            continue;
        const metadata = await keyValueFolder((0,external_node_path_.join)(dir, 'request_metadata'));
        const runId = metadata['mlflow.sourceRun'];
        if (runId === undefined)
            continue;
        const facts = metadataFacts(metadata);
        const ms = num(info.execution_time_ms) ?? durationMs(str(info.execution_duration));
        if (ms !== undefined)
            facts.durationMs = ms;
        const list = byRun.get(runId) ?? [];
        list.push(facts);
        byRun.set(runId, list);
    }
    return byRun;
}
async function readInputs(runDir, experimentDir, warnings) {
    const inputs = [];
    const inputsDir = (0,external_node_path_.join)(runDir, 'inputs');
    for (const id of await subdirs(inputsDir)) {
        const input = await readMeta((0,external_node_path_.join)(inputsDir, id));
        if (!input || input.source_type !== 'DATASET')
            continue;
        const datasetId = str(input.source_id) ?? '';
        const dataset = await readMeta((0,external_node_path_.join)(experimentDir, 'datasets', datasetId));
        if (!dataset) {
            warnings.push(`${(0,external_node_path_.join)(inputsDir, id)}: dataset ${datasetId} not found under ${(0,external_node_path_.join)(experimentDir, 'datasets')}; input skipped.`);
            continue;
        }
        const tags = {};
        const rawTags = input.tags;
        if (rawTags !== null && typeof rawTags === 'object' && !Array.isArray(rawTags)) {
            for (const [k, v] of Object.entries(rawTags))
                tags[k] = str(v) ?? '';
        }
        const schema = str(dataset.schema);
        const profile = str(dataset.profile);
        inputs.push({
            dataset: {
                name: str(dataset.name) ?? '',
                digest: str(dataset.digest) ?? '',
                source_type: str(dataset.source_type) ?? '',
                source: str(dataset.source) ?? '',
                ...(schema !== undefined ? { schema } : {}),
                ...(profile !== undefined ? { profile } : {}),
            },
            tags,
        });
    }
    return inputs;
}
async function readRun(runDir, meta, experiment, traces, warnings) {
    const runId = str(meta.run_id) ?? str(meta.run_uuid) ?? runDir.split(external_node_path_.sep).pop();
    const params = await keyValueFolder((0,external_node_path_.join)(runDir, 'params'));
    const tags = await keyValueFolder((0,external_node_path_.join)(runDir, 'tags'));
    const metrics = {};
    for (const [key, full] of await filesUnder((0,external_node_path_.join)(runDir, 'metrics'))) {
        const points = metricLines(await (0,promises_.readFile)(full, 'utf8'), full, warnings);
        if (points.length > 0)
            metrics[key] = points;
    }
    const artifacts = [];
    const artifactUri = str(meta.artifact_uri);
    const artifactDir = await localArtifactDir(artifactUri, runDir);
    if (artifactDir) {
        for (const [path, full] of await filesUnder(artifactDir))
            artifacts.push({ path, file_size: (await (0,promises_.stat)(full)).size });
    }
    else if (artifactUri !== undefined && !artifactUri.startsWith('file:') && !(0,external_node_path_.isAbsolute)(artifactUri)) {
        warnings.push(`Run ${runId}: artifacts at ${artifactUri} are not on this machine and were not listed.`);
    }
    const run = {
        run_id: runId,
        experiment_name: experiment.name,
        run_name: str(meta.run_name) || tags['mlflow.runName'] || '',
        status: runStatus(meta.status),
        start_time: num(meta.start_time) ?? 0,
        end_time: num(meta.end_time) ?? null,
        params,
        tags,
        metrics,
        inputs: await readInputs(runDir, experiment.dir, warnings),
        artifacts,
        traces: summarizeTraces(traces.get(runId) ?? []),
    };
    const table = artifacts.find((a) => a.path === EVAL_RESULTS_FILE);
    if (artifactDir && table) {
        if (table.file_size > MAX_EVAL_ARTIFACT_BYTES)
            warnings.push(`Run ${runId}: ${EVAL_RESULTS_FILE} is larger than ${MAX_EVAL_ARTIFACT_BYTES} bytes and was left out.`);
        else {
            try {
                run.eval = evalSection(await (0,promises_.readFile)((0,external_node_path_.join)(artifactDir, EVAL_RESULTS_FILE), 'utf8'));
            }
            catch (err) {
                warnings.push(`Run ${runId}: eval table left out (${err.message})`);
            }
        }
    }
    return run;
}
async function readMlruns(dir, options = {}) {
    const root = (0,external_node_path_.resolve)(dir);
    if (!(await isDir(root))) {
        throw new MlrunsError(`'${dir}' is not a directory. Pass MLflow's file store directory, the 'mlruns' folder that holds '0/meta.yaml'.`);
    }
    const warnings = [];
    const experiments = [];
    const runs = [];
    const ids = (await subdirs(root)).filter((d) => d !== TRASH && d !== REGISTRY);
    // Numeric ids in numeric order; the Default experiment (0) first.
    ids.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    let found = 0;
    for (const id of ids) {
        const experimentDir = (0,external_node_path_.join)(root, id);
        const meta = await readMeta(experimentDir).catch((err) => {
            warnings.push(`${err.message}; experiment skipped.`);
            return null;
        });
        if (meta === null)
            continue;
        if (!meta) {
            warnings.push(`${experimentDir}: no ${META}, not an experiment; skipped.`);
            continue;
        }
        found++;
        if (str(meta.experiment_id) !== id) {
            warnings.push(`${experimentDir}: ${META} says experiment_id ${str(meta.experiment_id) ?? '(none)'}; skipped, as MLflow does.`);
            continue;
        }
        if (meta.lifecycle_stage === 'deleted')
            continue;
        const name = str(meta.name) ?? id;
        experiments.push({ name, tags: await keyValueFolder((0,external_node_path_.join)(experimentDir, 'tags')) });
        const traces = await experimentTraces(experimentDir);
        const experimentRuns = [];
        for (const runName of await subdirs(experimentDir)) {
            if (RESERVED.has(runName))
                continue;
            const runDir = (0,external_node_path_.join)(experimentDir, runName);
            try {
                const runMeta = await readMeta(runDir);
                // Not a run (MLflow skips it quietly: an artifact root inside the store looks like this).
                if (!runMeta)
                    continue;
                if (str(runMeta.experiment_id) !== id) {
                    warnings.push(`${runDir}: ${META} says experiment_id ${str(runMeta.experiment_id) ?? '(none)'}; skipped, as MLflow does.`);
                    continue;
                }
                if (runMeta.lifecycle_stage === 'deleted')
                    continue;
                experimentRuns.push(await readRun(runDir, runMeta, { dir: experimentDir, name }, traces, warnings));
            }
            catch (err) {
                warnings.push(`${err.message}; run ${runDir} skipped.`);
            }
        }
        runs.push(...experimentRuns.sort((a, b) => a.start_time - b.start_time));
    }
    if (found === 0) {
        throw new MlrunsError(`'${dir}' holds no MLflow experiments (no <experiment id>/${META}). Pass MLflow's file store directory, usually ./mlruns.`);
    }
    return finishBundle({ source: { tracking_uri: (0,external_node_url_.pathToFileURL)(root).href, ...options.source }, experiments, runs, warnings }, options.secrets);
}

;// CONCATENATED MODULE: ./build/src/report/bundle/io.js
/** Bundles on disk: written whole or not at all, read back validated. */



/** Writes `bundle` as JSON to `path` (parent directories created); checks it first, so a bad bundle never reaches disk. */
async function writeBundle(path, bundle) {
    const text = (0,schema/* serializeBundle */.fP)((0,schema/* parseBundle */.QN)(bundle, 'the bundle to write'));
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(path), { recursive: true });
    // A half-written bundle would fail the next job's baseline; write aside and rename when done.
    const partial = `${path}.${process.pid}.partial`;
    try {
        await (0,promises_.writeFile)(partial, text);
        await (0,promises_.rename)(partial, path);
    }
    catch (err) {
        await (0,promises_.rm)(partial, { force: true });
        throw err;
    }
}
/** Reads and validates a bundle file; BundleVersionError for a version this build cannot read, BundleFormatError for anything else wrong. */
async function readBundle(path) {
    const text = await (0,promises_.readFile)(path, 'utf8');
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (err) {
        throw new schema/* BundleFormatError */.KC(`${path}: not JSON (${err.message}); a bundle is the JSON file \`mlflow-ts export\` writes.`);
    }
    return (0,schema/* parseBundle */.QN)(json, path);
}

;// CONCATENATED MODULE: ./build/src/report/bundle/index.js
/**
 * Run bundles: an experiment's runs as one versioned JSON file. `exportBundle` reads them from a
 * tracking server, `importBundle` loads them into one (idempotently), `readMlruns` reads MLflow's
 * file store, and `writeBundle`/`readBundle` keep them on disk. Talks to servers only through
 * the client (src/client).
 */










/***/ }),

/***/ 59450:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AY: () => (/* binding */ BUNDLE_VERSION),
/* harmony export */   AZ: () => (/* binding */ scorerSummarySchema),
/* harmony export */   KC: () => (/* binding */ BundleFormatError),
/* harmony export */   QN: () => (/* binding */ parseBundle),
/* harmony export */   YC: () => (/* binding */ artifactEntrySchema),
/* harmony export */   _D: () => (/* binding */ bundleSchema),
/* harmony export */   fP: () => (/* binding */ serializeBundle),
/* harmony export */   fU: () => (/* binding */ bundleSourceSchema),
/* harmony export */   gE: () => (/* binding */ metricPointSchema),
/* harmony export */   nf: () => (/* binding */ BUNDLE_SCHEMA)
/* harmony export */ });
/* unused harmony exports READABLE_BUNDLE_VERSIONS, BundleVersionError, datasetInputSchema, evalSchema, traceSummarySchema, bundleRunSchema, emptyTraceSummary */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(55156);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(64377);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(37428);
/* harmony import */ var _client_transport_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(29196);
/* harmony import */ var _mlflow_limits_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(45167);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(10990);
/**
 * The run bundle: one versioned JSON document holding an experiment's runs (params, full metric
 * histories, tags, dataset inputs, artifact listing, eval table, trace summary), so a CI job's
 * ephemeral server outlives the job and a later job can compare against it.
 *
 * The wire form is plain JSON; metric values that JSON cannot carry are spelled as MLflow's JSON
 * does ("NaN", "Infinity", "-Infinity") and decoded to numbers on parse. A reader accepts only
 * the versions it knows: guessing at a newer layout would compare the wrong numbers silently.
 */




const BUNDLE_SCHEMA = 'mlflow-ts-bundle';
/** The version this build writes. */
const BUNDLE_VERSION = 1;
/** The versions this build reads. */
const READABLE_BUNDLE_VERSIONS = [1];
/** A bundle whose `version` this build cannot read. */
class BundleVersionError extends Error {
    name = 'BundleVersionError';
    version;
    supported;
    constructor(version, source) {
        super(`${source ? `${source}: ` : ''}bundle version ${JSON.stringify(version)} is not readable by mlflow-ts ${_version_js__WEBPACK_IMPORTED_MODULE_2__/* .PACKAGE_VERSION */ .i}, ` +
            `which reads version${READABLE_BUNDLE_VERSIONS.length === 1 ? '' : 's'} ${READABLE_BUNDLE_VERSIONS.join(', ')}. ` +
            'Use the mlflow-ts release that wrote the bundle (or a newer one), or export the runs again with this one.');
        this.version = version;
        this.supported = READABLE_BUNDLE_VERSIONS;
    }
}
/** Not a bundle, or a bundle that breaks its own version's schema. */
class BundleFormatError extends Error {
    name = 'BundleFormatError';
}
const NON_FINITE = { NaN, Infinity, '-Infinity': -Infinity };
/** A metric value: any number in memory (NaN and ±Infinity included), MLflow's spellings on the wire. */
const metricValue = zod__WEBPACK_IMPORTED_MODULE_3__.union([
    // z.number() refuses NaN and ±Infinity, which metric histories legitimately hold.
    zod__WEBPACK_IMPORTED_MODULE_3__.custom((v) => typeof v === 'number', 'Expected a number or "NaN", "Infinity", "-Infinity"'),
    zod__WEBPACK_IMPORTED_MODULE_3__["enum"](['NaN', 'Infinity', '-Infinity']).transform((s) => NON_FINITE[s]),
]);
const int = zod__WEBPACK_IMPORTED_MODULE_3__.number().int();
const stringMap = zod__WEBPACK_IMPORTED_MODULE_3__.record(zod__WEBPACK_IMPORTED_MODULE_3__.string(), zod__WEBPACK_IMPORTED_MODULE_3__.string());
const metricPointSchema = zod__WEBPACK_IMPORTED_MODULE_3__.object({ value: metricValue, step: int, timestamp: int });
const datasetInputSchema = zod__WEBPACK_IMPORTED_MODULE_3__.object({
    dataset: zod__WEBPACK_IMPORTED_MODULE_3__.object({
        name: zod__WEBPACK_IMPORTED_MODULE_3__.string(),
        digest: zod__WEBPACK_IMPORTED_MODULE_3__.string(),
        source_type: zod__WEBPACK_IMPORTED_MODULE_3__.string(),
        source: zod__WEBPACK_IMPORTED_MODULE_3__.string(),
        schema: zod__WEBPACK_IMPORTED_MODULE_3__.string().optional(),
        profile: zod__WEBPACK_IMPORTED_MODULE_3__.string().optional(),
    }),
    tags: stringMap,
});
const artifactEntrySchema = zod__WEBPACK_IMPORTED_MODULE_3__.object({ path: zod__WEBPACK_IMPORTED_MODULE_3__.string(), file_size: zod__WEBPACK_IMPORTED_MODULE_3__.number().int().nonnegative() });
const scorerSummarySchema = zod__WEBPACK_IMPORTED_MODULE_3__.object({
    /** Rows the scorer judged (a pass/fail or a score). */
    n: int,
    passed: int,
    failed: int,
    /** Rows where the scorer reported an error instead of a judgement. */
    errors: int,
    pass_rate: zod__WEBPACK_IMPORTED_MODULE_3__.number().nullable(),
    /** Mean of the numeric scores. */
    mean: zod__WEBPACK_IMPORTED_MODULE_3__.number().nullable(),
});
const evalSchema = zod__WEBPACK_IMPORTED_MODULE_3__.object({
    /** The `eval_results.json` table in its own split orientation; `data` holds at most the first rows (see MAX_EVAL_ROWS). */
    table: zod__WEBPACK_IMPORTED_MODULE_3__.object({ columns: zod__WEBPACK_IMPORTED_MODULE_3__.array(zod__WEBPACK_IMPORTED_MODULE_3__.string()), data: zod__WEBPACK_IMPORTED_MODULE_3__.array(zod__WEBPACK_IMPORTED_MODULE_3__.array(zod__WEBPACK_IMPORTED_MODULE_3__.json())) }),
    /** Rows in the artifact; more than `table.data.length` when the table was capped. */
    total_rows: int,
    /** Computed from every row of the artifact, capped or not. */
    summary: zod__WEBPACK_IMPORTED_MODULE_3__.object({ rows: int, scorers: zod__WEBPACK_IMPORTED_MODULE_3__.record(zod__WEBPACK_IMPORTED_MODULE_3__.string(), scorerSummarySchema) }),
});
const percentiles = zod__WEBPACK_IMPORTED_MODULE_3__.object({ p50: zod__WEBPACK_IMPORTED_MODULE_3__.number().nullable(), p95: zod__WEBPACK_IMPORTED_MODULE_3__.number().nullable() });
const traceSummarySchema = zod__WEBPACK_IMPORTED_MODULE_3__.object({
    /** Traces linked to the run. */
    count: int,
    /** Traces whose spans were read (at most MAX_TRACES_WITH_SPANS); the span, cache figures come from these. */
    span_traces: int,
    spans: zod__WEBPACK_IMPORTED_MODULE_3__.record(zod__WEBPACK_IMPORTED_MODULE_3__.string(), zod__WEBPACK_IMPORTED_MODULE_3__.object({ count: int, p50_ms: zod__WEBPACK_IMPORTED_MODULE_3__.number(), p95_ms: zod__WEBPACK_IMPORTED_MODULE_3__.number() })),
    tokens: zod__WEBPACK_IMPORTED_MODULE_3__.object({ input: int, output: int, total: int }),
    cost_usd: zod__WEBPACK_IMPORTED_MODULE_3__.number(),
    cache_hits: int,
    cache_misses: int,
    latency_ms: percentiles,
});
const bundleRunSchema = zod__WEBPACK_IMPORTED_MODULE_3__.object({
    run_id: zod__WEBPACK_IMPORTED_MODULE_3__.string(),
    experiment_name: zod__WEBPACK_IMPORTED_MODULE_3__.string(),
    run_name: zod__WEBPACK_IMPORTED_MODULE_3__.string(),
    status: zod__WEBPACK_IMPORTED_MODULE_3__["enum"](_mlflow_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .RUN_STATUSES */ .LV),
    start_time: int,
    end_time: int.nullable(),
    params: stringMap,
    tags: stringMap,
    metrics: zod__WEBPACK_IMPORTED_MODULE_3__.record(zod__WEBPACK_IMPORTED_MODULE_3__.string(), zod__WEBPACK_IMPORTED_MODULE_3__.array(metricPointSchema)),
    inputs: zod__WEBPACK_IMPORTED_MODULE_3__.array(datasetInputSchema),
    artifacts: zod__WEBPACK_IMPORTED_MODULE_3__.array(artifactEntrySchema),
    eval: evalSchema.optional(),
    traces: traceSummarySchema,
});
const bundleSourceSchema = zod__WEBPACK_IMPORTED_MODULE_3__.object({
    /** Where the runs came from, without credentials. */
    tracking_uri: zod__WEBPACK_IMPORTED_MODULE_3__.string(),
    git: zod__WEBPACK_IMPORTED_MODULE_3__.object({ sha: zod__WEBPACK_IMPORTED_MODULE_3__.string(), ref: zod__WEBPACK_IMPORTED_MODULE_3__.string(), pr_number: int.optional() }).optional(),
    workflow: zod__WEBPACK_IMPORTED_MODULE_3__.object({ run_id: zod__WEBPACK_IMPORTED_MODULE_3__.string(), job: zod__WEBPACK_IMPORTED_MODULE_3__.string() }).optional(),
});
const bundleSchema = zod__WEBPACK_IMPORTED_MODULE_3__.object({
    schema: zod__WEBPACK_IMPORTED_MODULE_3__.literal(BUNDLE_SCHEMA),
    version: zod__WEBPACK_IMPORTED_MODULE_3__.literal(BUNDLE_VERSION),
    /** RFC 3339. */
    created_at: zod__WEBPACK_IMPORTED_MODULE_4__.datetime({ offset: true }),
    source: bundleSourceSchema,
    experiments: zod__WEBPACK_IMPORTED_MODULE_3__.array(zod__WEBPACK_IMPORTED_MODULE_3__.object({ name: zod__WEBPACK_IMPORTED_MODULE_3__.string(), tags: stringMap })),
    runs: zod__WEBPACK_IMPORTED_MODULE_3__.array(bundleRunSchema),
    /** What the exporter could not include (an artifact store it cannot list, a malformed run directory). */
    warnings: zod__WEBPACK_IMPORTED_MODULE_3__.array(zod__WEBPACK_IMPORTED_MODULE_3__.string()).optional(),
});
const envelope = zod__WEBPACK_IMPORTED_MODULE_3__.looseObject({ schema: zod__WEBPACK_IMPORTED_MODULE_3__.unknown(), version: zod__WEBPACK_IMPORTED_MODULE_3__.unknown() });
/**
 * Validates a parsed JSON document (or an in-memory bundle) as a bundle: the schema name first,
 * then the version, then that version's layout. `source` names the document in messages.
 */
function parseBundle(value, source) {
    const where = source ? `${source}: ` : '';
    const head = envelope.safeParse(value);
    if (!head.success || head.data.schema !== BUNDLE_SCHEMA) {
        throw new BundleFormatError(`${where}not an mlflow-ts run bundle (expected "schema": "${BUNDLE_SCHEMA}"). Bundles are written by \`mlflow-ts export\`.`);
    }
    if (typeof head.data.version !== 'number' || !READABLE_BUNDLE_VERSIONS.includes(head.data.version)) {
        throw new BundleVersionError(head.data.version, source);
    }
    const parsed = bundleSchema.safeParse(value);
    if (!parsed.success) {
        throw new BundleFormatError(`${where}the bundle does not match the version ${BUNDLE_VERSION} layout:\n${zod__WEBPACK_IMPORTED_MODULE_5__/* .prettifyError */ .S1(parsed.error)}`);
    }
    return parsed.data;
}
/** The bundle as JSON text: non-finite numbers spelled as MLflow's JSON does, so `parseBundle(JSON.parse(text))` gives it back. */
function serializeBundle(bundle) {
    return (0,_client_transport_js__WEBPACK_IMPORTED_MODULE_0__/* .encodeJson */ .Pr)(bundle);
}
/** An empty trace summary: a run with no linked traces, or a source that keeps none. */
function emptyTraceSummary() {
    return { count: 0, span_traces: 0, spans: {}, tokens: { input: 0, output: 0, total: 0 }, cost_usd: 0, cache_hits: 0, cache_misses: 0, latency_ms: { p50: null, p95: null } };
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

/***/ 64377:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ZodISODate: () => (/* reexport safe */ _schemas_js__WEBPACK_IMPORTED_MODULE_0__.ZodISODate),
/* harmony export */   ZodISODateTime: () => (/* reexport safe */ _schemas_js__WEBPACK_IMPORTED_MODULE_0__.ZodISODateTime),
/* harmony export */   ZodISODuration: () => (/* reexport safe */ _schemas_js__WEBPACK_IMPORTED_MODULE_0__.ZodISODuration),
/* harmony export */   ZodISOTime: () => (/* reexport safe */ _schemas_js__WEBPACK_IMPORTED_MODULE_0__.ZodISOTime),
/* harmony export */   date: () => (/* binding */ date),
/* harmony export */   datetime: () => (/* binding */ datetime),
/* harmony export */   duration: () => (/* binding */ duration),
/* harmony export */   time: () => (/* binding */ time)
/* harmony export */ });
/* harmony import */ var _core_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(43759);
/* harmony import */ var _schemas_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(55156);



function datetime(params) {
    return _core_index_js__WEBPACK_IMPORTED_MODULE_1__/* ._isoDateTime */ .G1(_schemas_js__WEBPACK_IMPORTED_MODULE_0__.ZodISODateTime, params);
}
function date(params) {
    return _core_index_js__WEBPACK_IMPORTED_MODULE_1__/* ._isoDate */ .db(_schemas_js__WEBPACK_IMPORTED_MODULE_0__.ZodISODate, params);
}
function time(params) {
    return _core_index_js__WEBPACK_IMPORTED_MODULE_1__/* ._isoTime */ .Kn(_schemas_js__WEBPACK_IMPORTED_MODULE_0__.ZodISOTime, params);
}
function duration(params) {
    return _core_index_js__WEBPACK_IMPORTED_MODULE_1__/* ._isoDuration */ .f2(_schemas_js__WEBPACK_IMPORTED_MODULE_0__.ZodISODuration, params);
}


/***/ })

};
