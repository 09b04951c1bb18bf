export const id = 425;
export const ids = [425];
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


/***/ })

};
