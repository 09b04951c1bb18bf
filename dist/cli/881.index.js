export const id = 881;
export const ids = [881];
export const modules = {

/***/ 37249:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DeploymentsClient: () => (/* binding */ DeploymentsClient),
/* harmony export */   d: () => (/* binding */ DeploymentsConnectionError),
/* harmony export */   p: () => (/* binding */ getDeployClient)
/* harmony export */ });
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58500);
/* harmony import */ var eventsource_parser__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2309);
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(46752);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(55156);
/* harmony import */ var _mlflow_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(35556);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(10990);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(20486);
/**
 * The deployments client: MLflow's `mlflow.deployments.get_deploy_client("http://host:port")` in
 * TypeScript, for the AI gateway (`mlflow-ts gateway start`, or `mlflow-ts server --gateway-config`).
 *
 * ```ts
 * const client = getDeployClient('http://127.0.0.1:5000');
 * const answer = await client.predict({ endpoint: 'chat', inputs: { messages: [{ role: 'user', content: 'Hi' }] } });
 * for await (const chunk of client.predictStream({ endpoint: 'chat', inputs: { messages } })) ...
 * ```
 *
 * As in MLflow: `predict` retries 429/500/502/503 only (a timeout is not retried: it usually means
 * the query itself is too slow, and a retry repeats the wait), honours `Retry-After`, and waits
 * `MLFLOW_DEPLOYMENT_PREDICT_TIMEOUT` seconds for an answer. Endpoints are defined in the gateway's
 * config file, so create/update/delete refuse.
 */







const DEFAULT_TIMEOUT_S = 120;
const DEFAULT_MAX_RETRIES = 5;
const DEFAULT_BACKOFF_FACTOR_S = 2;
const BACKOFF_CAP_MS = 120_000;
const RETRY_AFTER_CAP_MS = 120_000;
const ERROR_TEXT_LIMIT = 500;
/** MLflow's MLFLOW_DEPLOYMENT_CLIENT_REQUEST_RETRY_CODES: no 504, a slow query stays slow. */
const RETRY_STATUSES = new Set([429, 500, 502, 503]);
/** A refused connection or unknown host means no gateway there; retrying only delays the message. */
const UNRETRYABLE_NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ERR_INVALID_URL', 'UND_ERR_INVALID_ARG']);
const CRUD_BASE = '/api/2.0/endpoints/';
const endpointSchema = zod__WEBPACK_IMPORTED_MODULE_5__.looseObject({
    name: zod__WEBPACK_IMPORTED_MODULE_5__.string(),
    endpoint_type: zod__WEBPACK_IMPORTED_MODULE_5__.string(),
    model: zod__WEBPACK_IMPORTED_MODULE_5__.looseObject({ name: zod__WEBPACK_IMPORTED_MODULE_5__.string(), provider: zod__WEBPACK_IMPORTED_MODULE_5__.string() }),
    endpoint_url: zod__WEBPACK_IMPORTED_MODULE_5__.string(),
    limit: zod__WEBPACK_IMPORTED_MODULE_5__.looseObject({ calls: zod__WEBPACK_IMPORTED_MODULE_5__.number(), key: zod__WEBPACK_IMPORTED_MODULE_5__.string().nullish(), renewal_period: zod__WEBPACK_IMPORTED_MODULE_5__.string() }).nullish(),
});
const endpointsPageSchema = zod__WEBPACK_IMPORTED_MODULE_5__.looseObject({
    endpoints: zod__WEBPACK_IMPORTED_MODULE_5__.array(endpointSchema).default([]),
    next_page_token: zod__WEBPACK_IMPORTED_MODULE_5__.string().nullish(),
});
const objectSchema = zod__WEBPACK_IMPORTED_MODULE_5__.record(zod__WEBPACK_IMPORTED_MODULE_5__.string(), zod__WEBPACK_IMPORTED_MODULE_5__.unknown());
/** The error bodies a gateway may answer with: ours and MLflow 3.x's, FastAPI's `detail`, OpenAI's `error`. */
const errorDetailSchema = zod__WEBPACK_IMPORTED_MODULE_5__.union([zod__WEBPACK_IMPORTED_MODULE_5__.string(), zod__WEBPACK_IMPORTED_MODULE_5__.looseObject({ error_code: zod__WEBPACK_IMPORTED_MODULE_5__.string().optional(), message: zod__WEBPACK_IMPORTED_MODULE_5__.string().optional() })]);
const errorBodySchema = zod__WEBPACK_IMPORTED_MODULE_5__.looseObject({
    error_code: zod__WEBPACK_IMPORTED_MODULE_5__.string().optional(),
    message: zod__WEBPACK_IMPORTED_MODULE_5__.string().optional(),
    detail: errorDetailSchema.optional(),
    error: errorDetailSchema.optional(),
});
/** No usable answer from the gateway: refused, reset, unknown host, or no answer in time. */
class DeploymentsConnectionError extends _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .MlflowConnectionError */ .s_ {
    constructor(target, detail, advice, options) {
        super(target, detail, options);
        this.name = 'DeploymentsConnectionError';
        // The base class's message is about the tracking server; this one is about the gateway.
        this.message = `Could not reach the AI gateway at ${target} (${detail}). ${advice}`;
    }
}
function envNumber(env, name) {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '')
        return undefined;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0)
        throw new Error(`${name} must be a non-negative number, got '${raw}'.`);
    return n;
}
function errorCodeOf(err) {
    for (let e = err, depth = 0; e && depth < 4; e = e.cause, depth++) {
        const code = e.code;
        if (typeof code === 'string')
            return code;
    }
    return undefined;
}
function isTimeout(err) {
    return err instanceof undici__WEBPACK_IMPORTED_MODULE_1__/* .errors */ .sO.HeadersTimeoutError || err instanceof undici__WEBPACK_IMPORTED_MODULE_1__/* .errors */ .sO.BodyTimeoutError || errorCodeOf(err) === 'UND_ERR_CONNECT_TIMEOUT';
}
function retryAfterMs(value) {
    const v = Array.isArray(value) ? value[0] : value;
    if (v === undefined || v.trim() === '')
        return undefined;
    const seconds = Number(v);
    if (Number.isFinite(seconds))
        return Math.max(0, seconds * 1000);
    const at = Date.parse(v);
    return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}
/** MLflow's resolve_route_url: a relative `endpoint_url` is joined to the gateway's URL. */
function absoluteUrl(base, url) {
    if (/^https?:\/\//i.test(url))
        return url;
    return `${base}/${url.replace(/^\/+/, '')}`;
}
/** The server's error body as MlflowApiError; a non-JSON answer (a proxy's page) is quoted. */
function apiError(status, text, endpoint) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .MlflowApiError */ .ge((0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorCodeForStatus */ .vT)(status), status, text.trim().slice(0, ERROR_TEXT_LIMIT) || '(empty response body)', endpoint);
    }
    const parsed = errorBodySchema.safeParse(json);
    if (parsed.success) {
        const { error_code, message, detail, error } = parsed.data;
        if (error_code !== undefined)
            return new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .MlflowApiError */ .ge(error_code, status, message ?? '', endpoint);
        const inner = detail ?? error;
        if (typeof inner === 'string')
            return new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .MlflowApiError */ .ge((0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorCodeForStatus */ .vT)(status), status, inner, endpoint);
        if (inner !== undefined)
            return new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .MlflowApiError */ .ge(inner.error_code ?? (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorCodeForStatus */ .vT)(status), status, inner.message ?? JSON.stringify(inner), endpoint);
    }
    return new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .MlflowApiError */ .ge((0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorCodeForStatus */ .vT)(status), status, text.trim().slice(0, ERROR_TEXT_LIMIT), endpoint);
}
/** An in-band `{"error": ...}` event: the stream had started (HTTP 200) when the upstream failed. */
function streamError(error, endpoint) {
    const parsed = zod__WEBPACK_IMPORTED_MODULE_5__.looseObject({ error_code: zod__WEBPACK_IMPORTED_MODULE_5__.string().optional(), message: zod__WEBPACK_IMPORTED_MODULE_5__.string().optional(), type: zod__WEBPACK_IMPORTED_MODULE_5__.string().optional() }).safeParse(error);
    if (!parsed.success)
        return new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .MlflowApiError */ .ge('INTERNAL_ERROR', 500, typeof error === 'string' ? error : JSON.stringify(error), endpoint);
    const code = parsed.data.error_code ?? 'INTERNAL_ERROR';
    const status = _mlflow_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ERROR_STATUS */ .Ev[code] ?? 500;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .MlflowApiError */ .ge(code, status, `the stream failed: ${parsed.data.message ?? JSON.stringify(error)}`, endpoint);
}
class DeploymentsClient {
    /** The gateway's URL, without a trailing slash. */
    target;
    #headers;
    #predictTimeoutMs;
    #requestTimeoutMs;
    #maxRetries;
    #backoffFactorMs;
    #agent;
    constructor(target, options = {}) {
        let url;
        try {
            url = new URL(target);
        }
        catch {
            throw new Error(`'${target}' is not a URL. Give the gateway's address, e.g. http://127.0.0.1:5000.`);
        }
        if (url.protocol !== 'http:' && url.protocol !== 'https:') {
            throw new Error(`'${target}' is not an http(s) URL. Give the gateway's address, e.g. http://127.0.0.1:5000.`);
        }
        this.target = (url.origin + url.pathname).replace(/\/+$/, '');
        const env = options.env ?? process.env;
        const token = options.token ?? (env.MLFLOW_GATEWAY_AUTH_TOKEN || undefined);
        this.#headers = { 'user-agent': `mlflow-ts-deployments/${_version_js__WEBPACK_IMPORTED_MODULE_3__/* .PACKAGE_VERSION */ .i}` };
        if (token)
            this.#headers.authorization = `Bearer ${token}`;
        const predictS = envNumber(env, 'MLFLOW_DEPLOYMENT_PREDICT_TIMEOUT');
        const requestS = envNumber(env, 'MLFLOW_HTTP_REQUEST_TIMEOUT');
        this.#predictTimeoutMs = options.timeoutMs ?? (predictS ?? DEFAULT_TIMEOUT_S) * 1000;
        this.#requestTimeoutMs = options.requestTimeoutMs ?? (requestS ?? DEFAULT_TIMEOUT_S) * 1000;
        this.#maxRetries = options.maxRetries ?? envNumber(env, 'MLFLOW_HTTP_REQUEST_MAX_RETRIES') ?? DEFAULT_MAX_RETRIES;
        this.#backoffFactorMs = (options.backoffFactor ?? envNumber(env, 'MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR') ?? DEFAULT_BACKOFF_FACTOR_S) * 1000;
    }
    /** Every endpoint of the gateway, following `next_page_token` pages. */
    async listEndpoints() {
        const all = [];
        let pageToken;
        do {
            const page = endpointsPageSchema.parse(await this.#json('GET', CRUD_BASE, { query: pageToken ? { page_token: pageToken } : undefined, timeoutMs: this.#requestTimeoutMs, retryStatuses: RETRY_STATUSES }));
            for (const e of page.endpoints)
                all.push(this.#endpoint(e));
            pageToken = page.next_page_token ?? undefined;
        } while (pageToken);
        return all;
    }
    /** One endpoint; an unknown name is MlflowApiError with status 404. */
    async getEndpoint(name) {
        const body = await this.#json('GET', CRUD_BASE + encodeURIComponent(name), { timeoutMs: this.#requestTimeoutMs, retryStatuses: RETRY_STATUSES });
        return this.#endpoint(endpointSchema.parse(body));
    }
    /** `POST /endpoints/<endpoint>/invocations` with `inputs` as the body; the JSON answer. */
    async predict(request) {
        const body = await this.#json('POST', invocationsPath(request.endpoint), { json: request.inputs, timeoutMs: this.#predictTimeoutMs, retryStatuses: RETRY_STATUSES });
        return objectSchema.parse(body);
    }
    /**
     * The same call with `stream: true`: yields each parsed chunk as it arrives. A failure after the
     * stream started arrives in-band as `{"error": ...}` and is thrown as MlflowApiError.
     */
    async *predictStream(request) {
        const path = invocationsPath(request.endpoint);
        const endpoint = `POST ${path}`;
        const res = await this.#send('POST', path, {
            json: { ...request.inputs, stream: true },
            timeoutMs: this.#predictTimeoutMs,
            retryStatuses: RETRY_STATUSES,
            accept: 'text/event-stream',
        });
        if (res.statusCode >= 400)
            throw apiError(res.statusCode, await res.body.text(), endpoint);
        const pending = [];
        const parser = (0,eventsource_parser__WEBPACK_IMPORTED_MODULE_6__/* .createParser */ .C)({ onEvent: (e) => pending.push(e) });
        const decoder = new TextDecoder();
        const parse = (e) => {
            if (e.data === '[DONE]')
                return 'done';
            let value;
            try {
                value = JSON.parse(e.data);
            }
            catch {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .MlflowApiError */ .ge('INTERNAL_ERROR', res.statusCode, `the stream sent an event that is not JSON: ${e.data.slice(0, ERROR_TEXT_LIMIT)}`, endpoint);
            }
            const chunk = objectSchema.safeParse(value);
            if (!chunk.success)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .MlflowApiError */ .ge('INTERNAL_ERROR', res.statusCode, `the stream sent an event that is not a JSON object: ${e.data.slice(0, ERROR_TEXT_LIMIT)}`, endpoint);
            if (chunk.data.error !== undefined && chunk.data.choices === undefined)
                throw streamError(chunk.data.error, endpoint);
            return chunk.data;
        };
        try {
            for await (const bytes of res.body) {
                parser.feed(decoder.decode(bytes, { stream: true }));
                while (pending.length > 0) {
                    const chunk = parse(pending.shift());
                    if (chunk === 'done')
                        return;
                    yield chunk;
                }
            }
            parser.feed(decoder.decode());
            parser.reset({ consume: true });
            for (const e of pending) {
                const chunk = parse(e);
                if (chunk === 'done')
                    return;
                yield chunk;
            }
        }
        catch (err) {
            if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .MlflowApiError */ .ge)
                throw err;
            throw this.#connectionError(err, this.#predictTimeoutMs);
        }
        finally {
            // A consumer that stops early must let the socket go.
            if (!res.body.readableEnded)
                res.body.destroy();
        }
    }
    createEndpoint(_name, _config) {
        return Promise.reject(managedInConfig('create'));
    }
    updateEndpoint(_name, _config) {
        return Promise.reject(managedInConfig('update'));
    }
    deleteEndpoint(_name) {
        return Promise.reject(managedInConfig('delete'));
    }
    /** Closes the keep-alive connections; the client is unusable afterwards. */
    async close() {
        const agent = this.#agent;
        this.#agent = undefined;
        await agent?.close();
    }
    #endpoint(e) {
        return { ...e, limit: e.limit ?? null, endpoint_url: absoluteUrl(this.target, e.endpoint_url) };
    }
    async #json(method, path, options) {
        const res = await this.#send(method, path, options);
        let text;
        try {
            text = await res.body.text();
        }
        catch (err) {
            throw this.#connectionError(err, options.timeoutMs);
        }
        if (res.statusCode >= 400)
            throw apiError(res.statusCode, text, `${method} ${path}`);
        try {
            return JSON.parse(text);
        }
        catch {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .MlflowApiError */ .ge('INTERNAL_ERROR', res.statusCode, `expected JSON, got: ${text.slice(0, ERROR_TEXT_LIMIT)}`, `${method} ${path}`);
        }
    }
    /** Sends with retries; returns the final answer, error statuses included, with its body unread. */
    async #send(method, path, options) {
        const query = options.query ? `?${new URLSearchParams(options.query).toString()}` : '';
        const url = this.target + path + query;
        const headers = { ...this.#headers, accept: options.accept ?? 'application/json' };
        const body = options.json === undefined ? undefined : JSON.stringify(options.json);
        if (body !== undefined)
            headers['content-type'] = 'application/json';
        this.#agent ??= new undici__WEBPACK_IMPORTED_MODULE_1__/* .Agent */ .g6({ keepAliveTimeout: 10_000, connections: 16 });
        for (let attempt = 0;; attempt++) {
            let res;
            try {
                res = await (0,undici__WEBPACK_IMPORTED_MODULE_1__/* .request */ .Em)(url, { method, headers, body, dispatcher: this.#agent, headersTimeout: options.timeoutMs, bodyTimeout: options.timeoutMs });
            }
            catch (err) {
                const code = errorCodeOf(err);
                const retryable = !isTimeout(err) && !(code !== undefined && UNRETRYABLE_NETWORK_CODES.has(code));
                if (retryable && attempt < this.#maxRetries) {
                    await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(this.#backoff(attempt));
                    continue;
                }
                throw this.#connectionError(err, options.timeoutMs);
            }
            if (options.retryStatuses.has(res.statusCode) && attempt < this.#maxRetries) {
                const wait = retryAfterMs(res.headers['retry-after']);
                await res.body.dump();
                await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(wait !== undefined ? Math.min(wait, RETRY_AFTER_CAP_MS) : this.#backoff(attempt));
                continue;
            }
            return res;
        }
    }
    #backoff(attempt) {
        const ceiling = Math.min(BACKOFF_CAP_MS, this.#backoffFactorMs * 2 ** attempt);
        // Jitter keeps many CI jobs that failed together from retrying in lockstep.
        return Math.round(ceiling * (0.5 + Math.random() * 0.5));
    }
    #connectionError(err, timeoutMs) {
        if (isTimeout(err)) {
            return new DeploymentsConnectionError(this.target, `no answer within ${timeoutMs / 1000} s`, 'The model may be slow for this request: raise MLFLOW_DEPLOYMENT_PREDICT_TIMEOUT (seconds) or the client\'s timeoutMs.', { cause: err });
        }
        const code = errorCodeOf(err);
        const message = err.cause?.message ?? err?.message ?? String(err);
        const detail = code && !message.includes(code) ? `${code}: ${message}` : message;
        return new DeploymentsConnectionError(this.target, detail, 'Check the gateway URI (MLFLOW_DEPLOYMENTS_TARGET or --gateway-uri) and that the gateway is running.', { cause: err });
    }
}
function invocationsPath(endpoint) {
    if (typeof endpoint !== 'string' || endpoint === '')
        throw new TypeError("predict needs 'endpoint': the name of a gateway endpoint.");
    return `/endpoints/${encodeURIComponent(endpoint)}/invocations`;
}
function managedInConfig(operation) {
    const err = new Error(`Cannot ${operation} an endpoint through the deployments client: the gateway's endpoints are managed in its config file. ` +
        'Edit the file (mlflow-ts gateway start --config-path ...); the running gateway reloads it.');
    // MLflow raises NotImplementedError here.
    err.name = 'NotImplementedError';
    return err;
}
/**
 * A client for the gateway at `target` (MLflow's `get_deploy_client`); default
 * `MLFLOW_DEPLOYMENTS_TARGET`, then `MLFLOW_GATEWAY_URI`.
 */
function getDeployClient(target, options = {}) {
    const env = options.env ?? process.env;
    const uri = target ?? (env.MLFLOW_DEPLOYMENTS_TARGET || env.MLFLOW_GATEWAY_URI || undefined);
    if (uri === undefined) {
        throw new Error('No gateway URI: pass one to getDeployClient("http://host:port") or set MLFLOW_DEPLOYMENTS_TARGET.');
    }
    return new DeploymentsClient(uri, options);
}


/***/ }),

/***/ 58881:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ActiveRun: () => (/* reexport */ ActiveRun),
  DeploymentsClient: () => (/* reexport */ deployments.DeploymentsClient),
  DeploymentsConnectionError: () => (/* reexport */ deployments/* DeploymentsConnectionError */.d),
  MlflowApiError: () => (/* reexport */ errors/* MlflowApiError */.ge),
  MlflowClient: () => (/* reexport */ client_client/* MlflowClient */.p),
  MlflowConnectionError: () => (/* reexport */ errors/* MlflowConnectionError */.s_),
  getActiveRun: () => (/* reexport */ getActiveRun),
  getDefaultClient: () => (/* reexport */ getDefaultClient),
  getDeployClient: () => (/* reexport */ deployments/* getDeployClient */.p),
  setDefaultClient: () => (/* reexport */ setDefaultClient),
  setExperiment: () => (/* reexport */ setExperiment),
  splitLogBatch: () => (/* reexport */ batch/* splitLogBatch */.f),
  startRun: () => (/* reexport */ startRun)
});

// EXTERNAL MODULE: ./build/src/client/client.js
var client_client = __webpack_require__(29418);
// EXTERNAL MODULE: ./build/src/client/errors.js
var errors = __webpack_require__(20486);
// EXTERNAL MODULE: ./build/src/client/deployments.js
var deployments = __webpack_require__(37249);
// EXTERNAL MODULE: ./build/src/client/batch.js
var batch = __webpack_require__(41049);
// EXTERNAL MODULE: external "node:async_hooks"
var external_node_async_hooks_ = __webpack_require__(16698);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./build/src/mlflow/limits.js
var limits = __webpack_require__(45167);
;// CONCATENATED MODULE: ./build/src/client/fluent.js
/**
 * MLflow's fluent style (`set_experiment`, `start_run`) over an MlflowClient. State is small on
 * purpose: a default client built from the environment and, per client, the experiment chosen
 * by setExperiment. Runs are explicit handles rather than a hidden "active run" stack, so
 * concurrent async code cannot log to the wrong run.
 */





let defaultClient;
const activeExperiments = new WeakMap();
/** The run of the enclosing `startRun(options, fn)` callback, per async context (traces link to it). */
const activeRunStorage = new external_node_async_hooks_.AsyncLocalStorage();
/** The run whose `startRun(options, fn)` callback is executing here, if any. */
function getActiveRun() {
    const run = activeRunStorage.getStore();
    return run && !run.ended ? run : undefined;
}
/** The client fluent calls use when given none; built from MLFLOW_TRACKING_* on first use. */
function getDefaultClient() {
    defaultClient ??= new client_client/* MlflowClient */.p();
    return defaultClient;
}
/** Replaces the default client (undefined: rebuild from the environment on next use). */
function setDefaultClient(client) {
    defaultClient = client;
}
async function findExperiment(client, name) {
    try {
        return await client.getExperimentByName(name);
    }
    catch (err) {
        if (err instanceof errors/* MlflowApiError */.ge && err.errorCode === 'RESOURCE_DOES_NOT_EXIST')
            return undefined;
        throw err;
    }
}
/**
 * Makes `name` the experiment later startRun calls use, creating it if missing. Two jobs may
 * create the same name at once; the loser sees RESOURCE_ALREADY_EXISTS and reads the winner's.
 */
async function setExperiment(name, options = {}) {
    const client = options.client ?? getDefaultClient();
    let experiment = await findExperiment(client, name);
    if (!experiment) {
        try {
            experiment = await client.getExperiment(await client.createExperiment(name));
        }
        catch (err) {
            if (!(err instanceof errors/* MlflowApiError */.ge && err.errorCode === 'RESOURCE_ALREADY_EXISTS'))
                throw err;
            experiment = await client.getExperimentByName(name);
        }
    }
    if (experiment.lifecycle_stage === 'deleted') {
        throw new Error(`Experiment '${name}' (id ${experiment.experiment_id}) is deleted. Restore it (MlflowClient.restoreExperiment) or choose another name.`);
    }
    activeExperiments.set(client, experiment.experiment_id);
    return experiment;
}
function currentUser() {
    try {
        return (0,external_node_os_.userInfo)().username;
    }
    catch {
        // userInfo throws for uids without a passwd entry (common in containers).
        return process.env.USER ?? process.env.USERNAME ?? 'unknown';
    }
}
/** The tags MLflow's fluent start_run adds, so runs look the same in the UI whichever client logged them. */
function standardTags(user) {
    const tags = [
        { key: limits/* MLFLOW_TAGS */.E5.user, value: user },
        { key: limits/* MLFLOW_TAGS */.E5.sourceName, value: process.argv[1] ?? process.argv0 },
        { key: limits/* MLFLOW_TAGS */.E5.sourceType, value: 'LOCAL' },
    ];
    if (process.env.GITHUB_SHA)
        tags.push({ key: limits/* MLFLOW_TAGS */.E5.gitCommit, value: process.env.GITHUB_SHA });
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
    const tags = (0,client_client/* toKeyValues */.I)(options.tags);
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
    for (const { key, value } of [...standardTags(user), ...(0,client_client/* toKeyValues */.I)(options.tags)])
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

;// CONCATENATED MODULE: ./build/src/client/index.js
/**
 * The typed MLflow client: `MlflowClient` for the REST API, fluent `setExperiment`/`startRun`
 * helpers, and the two error types callers branch on.
 */







/***/ }),

/***/ 35556:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $L: () => (/* binding */ invalidParam),
/* harmony export */   Ev: () => (/* binding */ ERROR_STATUS),
/* harmony export */   mF: () => (/* binding */ MlflowError),
/* harmony export */   mX: () => (/* binding */ notFound)
/* harmony export */ });
/**
 * MLflow's error codes and how the server maps them to HTTP statuses (mlflow/protos/databricks.proto,
 * handlers.catch_mlflow_exception). Pure data so the store, routes and client share one table.
 */
const ERROR_STATUS = {
    INVALID_PARAMETER_VALUE: 400,
    BAD_REQUEST: 400,
    RESOURCE_ALREADY_EXISTS: 400,
    MALFORMED_REQUEST: 400,
    INVALID_STATE: 400,
    CUSTOMER_UNAUTHORIZED: 401,
    UNAUTHENTICATED: 401,
    PERMISSION_DENIED: 403,
    RESOURCE_DOES_NOT_EXIST: 404,
    NOT_FOUND: 404,
    ENDPOINT_NOT_FOUND: 404,
    METHOD_NOT_ALLOWED: 405,
    ABORTED: 409,
    RESOURCE_CONFLICT: 409,
    ALREADY_EXISTS: 409,
    REQUEST_LIMIT_EXCEEDED: 429,
    RESOURCE_EXHAUSTED: 429,
    INTERNAL_ERROR: 500,
    DATA_LOSS: 500,
    NOT_IMPLEMENTED: 501,
    TEMPORARILY_UNAVAILABLE: 503,
    DEADLINE_EXCEEDED: 504,
};
const SQLSTATE = {
    INVALID_PARAMETER_VALUE: ['KAM00', 'INVALID_PARAMETER_VALUE'],
    BAD_REQUEST: ['KAM00', 'INVALID_PARAMETER_VALUE'],
    MALFORMED_REQUEST: ['KAM00', 'INVALID_PARAMETER_VALUE'],
    RESOURCE_DOES_NOT_EXIST: ['KAM00', 'RESOURCE_NOT_FOUND'],
    NOT_FOUND: ['KAM00', 'RESOURCE_NOT_FOUND'],
    ENDPOINT_NOT_FOUND: ['KAM00', 'RESOURCE_NOT_FOUND'],
    RESOURCE_ALREADY_EXISTS: ['KAM00', 'RESOURCE_ALREADY_EXISTS'],
    PERMISSION_DENIED: ['KAM00', 'PERMISSION_DENIED'],
    INTERNAL_ERROR: ['XXM00', 'CLIENT_INTERNAL_ERROR'],
    INVALID_STATE: ['XXM00', 'CLIENT_INTERNAL_ERROR'],
    TEMPORARILY_UNAVAILABLE: ['XXM00', 'CLIENT_INTERNAL_ERROR'],
};
/** The one error type every layer throws; the HTTP layer turns it into MLflow's error JSON. */
class MlflowError extends Error {
    code;
    constructor(code, message, options) {
        super(message, options);
        this.name = 'MlflowError';
        this.code = code;
    }
    get status() {
        return ERROR_STATUS[this.code];
    }
    toJSON() {
        const extra = SQLSTATE[this.code];
        return { error_code: this.code, message: this.message, ...(extra ? { sqlstate: extra[0], error_class: extra[1] } : {}) };
    }
}
const invalidParam = (message) => new MlflowError('INVALID_PARAMETER_VALUE', message);
const notFound = (message) => new MlflowError('RESOURCE_DOES_NOT_EXIST', message);


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
 * Keys may hold word characters (Unicode), `/`, `.`, `-`, space and `:`. MLflow also rejects
 * keys that a POSIX path normalisation would change (see {@link isPathSafeKey}).
 */
const ENTITY_KEY_PATTERN = /^[/\w.\- :]*$/u;
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
