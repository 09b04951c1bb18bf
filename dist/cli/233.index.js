export const id = 233;
export const ids = [233];
export const modules = {

/***/ 81233:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  MlflowClient: () => (/* reexport */ client_MlflowClient)
});

// UNUSED EXPORTS: ActiveRun, DeploymentsClient, DeploymentsConnectionError, MlflowApiError, MlflowConnectionError, getActiveRun, getDefaultClient, getDeployClient, setDefaultClient, setExperiment, splitLogBatch, startRun

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: ./build/src/version.js + 1 modules
var version = __webpack_require__(10990);
// EXTERNAL MODULE: ./build/src/mlflow/limits.js
var mlflow_limits = __webpack_require__(45167);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(46752);
// EXTERNAL MODULE: ./build/src/client/errors.js
var errors = __webpack_require__(20486);
;// CONCATENATED MODULE: ./build/src/client/transport.js
/**
 * HTTP for the client: one keep-alive undici Agent per client (or a caller's fetch), MLflow's
 * request encoding, and retries. Retries cover only what a later attempt can fix (429, 5xx,
 * network failures); any other 4xx is the request's own fault and fails at once.
 */




const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 30_000;
/** A server asking for a longer pause than this is treated as this; CI jobs have deadlines. */
const RETRY_AFTER_CAP_MS = 120_000;
const ERROR_TEXT_LIMIT = 500;
/** Local mistakes (a missing file to upload, a bad argument): rethrown as they are, never retried. */
const LOCAL_ERROR_CODES = new Set([
    'ENOENT',
    'EISDIR',
    'ENOTDIR',
    'ERR_INVALID_URL',
    'ERR_INVALID_ARG_TYPE',
    'UND_ERR_INVALID_ARG',
    'UND_ERR_NOT_SUPPORTED',
    'UND_ERR_REQ_CONTENT_LENGTH_MISMATCH',
]);
/** A host name that does not resolve is a typo far more often than a blip; retrying only delays the message. */
const UNRETRYABLE_NETWORK_CODES = new Set(['ENOTFOUND']);
function errorCodeOf(err) {
    for (let e = err, depth = 0; e && depth < 4; e = e.cause, depth++) {
        const code = e.code;
        if (typeof code === 'string')
            return code;
    }
    return undefined;
}
function describeNetworkError(err) {
    const code = errorCodeOf(err);
    const cause = err.cause;
    const message = cause?.message ?? err?.message ?? String(err);
    return code && !message.includes(code) ? `${code}: ${message}` : message;
}
function encodeQuery(query) {
    if (!query)
        return '';
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
        if (value === undefined || value === null)
            continue;
        // MLflow reads repeated proto fields from repeated query keys (?run_id=a&run_id=b).
        if (Array.isArray(value))
            for (const v of value)
                params.append(key, String(v));
        else
            params.append(key, String(value));
    }
    const text = params.toString();
    return text ? `?${text}` : '';
}
/** JSON.stringify turns NaN and ±Infinity into null; protobuf's JSON mapping spells them out. */
function encodeJson(value) {
    return JSON.stringify(value, (_key, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
}
function retryAfterMs(value) {
    if (!value)
        return undefined;
    const seconds = Number(value);
    if (value.trim() !== '' && Number.isFinite(seconds))
        return Math.max(0, seconds * 1000);
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
function backoffMs(attempt) {
    const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
    // Jitter keeps many CI jobs that failed together from retrying in lockstep.
    return Math.round(ceiling * (0.5 + Math.random() * 0.5));
}
const isRetryableStatus = (status) => status === 429 || status >= 500;
class HttpTransport {
    baseUrl;
    #headers;
    #timeoutMs;
    #maxRetries;
    #fetch;
    #agent;
    constructor(options) {
        this.baseUrl = options.baseUrl;
        this.#headers = options.headers;
        this.#timeoutMs = options.timeoutMs;
        this.#maxRetries = options.maxRetries;
        this.#fetch = options.fetch;
    }
    /** Sends with retries and returns any final response, error statuses included. */
    async send(method, path, options = {}) {
        const url = this.#url(path) + encodeQuery(options.query);
        const body = options.json !== undefined ? encodeJson(options.json) : undefined;
        const headers = { ...this.#headers };
        if (body !== undefined)
            headers['content-type'] = 'application/json';
        else if (options.stream)
            headers['content-type'] = options.contentType ?? 'application/octet-stream';
        for (let attempt = 0;; attempt++) {
            let response;
            try {
                response = await this.#once(method, url, headers, body ?? options.stream?.());
            }
            catch (err) {
                const code = errorCodeOf(err);
                if (code !== undefined && LOCAL_ERROR_CODES.has(code))
                    throw err;
                if (!(code !== undefined && UNRETRYABLE_NETWORK_CODES.has(code)) && attempt < this.#maxRetries) {
                    await (0,external_node_timers_promises_.setTimeout)(backoffMs(attempt));
                    continue;
                }
                throw new errors/* MlflowConnectionError */.s_(this.baseUrl, describeNetworkError(err), { cause: err });
            }
            if (isRetryableStatus(response.status) && attempt < this.#maxRetries) {
                const wait = retryAfterMs(response.header('retry-after'));
                await response.discard();
                await (0,external_node_timers_promises_.setTimeout)(wait !== undefined ? Math.min(wait, RETRY_AFTER_CAP_MS) : backoffMs(attempt));
                continue;
            }
            return response;
        }
    }
    /** Sends and decodes a JSON answer; an error status becomes MlflowApiError. */
    async json(method, path, options = {}) {
        const response = await this.send(method, path, options);
        if (response.status >= 400)
            throw await this.toApiError(method, path, response);
        const text = await response.text();
        if (text.trim() === '')
            return {};
        try {
            return JSON.parse(text);
        }
        catch {
            throw new errors/* MlflowApiError */.ge('INTERNAL_ERROR', response.status, `expected JSON, got: ${text.slice(0, ERROR_TEXT_LIMIT)}`, `${method} ${path}`);
        }
    }
    async toApiError(method, path, response) {
        const text = await response.text().catch(() => '');
        const endpoint = `${method} ${path}`;
        try {
            const parsed = JSON.parse(text);
            if (typeof parsed.error_code === 'string') {
                return new errors/* MlflowApiError */.ge(parsed.error_code, response.status, typeof parsed.message === 'string' ? parsed.message : '', endpoint);
            }
        }
        catch {
            // Not MLflow's error JSON (a proxy page, a plain-text 503): report the text itself.
        }
        const snippet = text.trim().slice(0, ERROR_TEXT_LIMIT) || '(empty response body)';
        return new errors/* MlflowApiError */.ge((0,errors/* errorCodeForStatus */.vT)(response.status), response.status, snippet, endpoint);
    }
    async close() {
        const agent = this.#agent;
        this.#agent = undefined;
        await agent?.close();
    }
    #url(path) {
        return /^https?:\/\//i.test(path) ? path : this.baseUrl + path;
    }
    async #once(method, url, headers, body) {
        if (this.#fetch)
            return this.#onceFetch(this.#fetch, method, url, headers, body);
        this.#agent ??= new undici/* Agent */.g6({ keepAliveTimeout: 10_000, connections: 16 });
        const res = await (0,undici/* request */.Em)(url, {
            method: method,
            headers,
            body,
            dispatcher: this.#agent,
            headersTimeout: this.#timeoutMs,
            bodyTimeout: this.#timeoutMs,
        });
        return {
            status: res.statusCode,
            header: (name) => {
                const v = res.headers[name.toLowerCase()];
                return Array.isArray(v) ? v[0] : v;
            },
            text: () => res.body.text(),
            stream: () => res.body,
            discard: () => res.body.dump(),
        };
    }
    async #onceFetch(fetchFn, method, url, headers, body) {
        const controller = new AbortController();
        // Only waiting for the answer's headers is bounded; a large download may take longer than that.
        const timer = setTimeout(() => controller.abort(new Error(`no response within ${this.#timeoutMs} ms`)), this.#timeoutMs);
        let res;
        try {
            const init = { method, headers, signal: controller.signal };
            if (typeof body === 'string')
                init.body = body;
            else if (body) {
                init.body = external_node_stream_.Readable.toWeb(body);
                init.duplex = 'half';
            }
            res = await fetchFn(url, init);
        }
        finally {
            clearTimeout(timer);
        }
        return {
            status: res.status,
            header: (name) => res.headers.get(name) ?? undefined,
            text: () => res.text(),
            stream: () => (res.body ? external_node_stream_.Readable.fromWeb(res.body) : external_node_stream_.Readable.from([])),
            discard: async () => {
                await res.body?.cancel();
            },
        };
    }
}

;// CONCATENATED MODULE: ./build/src/client/batch.js
/**
 * Splits a log-batch of any size into requests the server accepts (MLFLOW_LIMITS.logBatch):
 * count limits per kind and in total, and the raw body size limit, which long param and tag
 * values can reach well before the count limits do.
 */


/** Room for `{"run_id":"…","metrics":[],"params":[],"tags":[]}` with a generous run id. */
const ENVELOPE_BYTES = 1024;
const itemBytes = (item) => Buffer.byteLength(encodeJson(item)) + 1;
/**
 * Greedy packing: params first, then tags, then metrics fill what is left of each request. For
 * count-bound input this reaches the minimum number of requests, max(⌈m/1000⌉, ⌈p/100⌉, ⌈t/100⌉,
 * ⌈(m+p+t)/1000⌉), because params and tags are the scarcer kinds per request.
 */
function splitLogBatch(input, limits = mlflow_limits/* MLFLOW_LIMITS */.rh.logBatch) {
    const queues = {
        params: [...(input.params ?? [])],
        tags: [...(input.tags ?? [])],
        metrics: [...(input.metrics ?? [])],
    };
    const perKind = { params: limits.maxParams, tags: limits.maxTags, metrics: limits.maxMetrics };
    const byteBudget = limits.maxRequestBytes - ENVELOPE_BYTES;
    const chunks = [];
    const cursor = { params: 0, tags: 0, metrics: 0 };
    while (cursor.params < queues.params.length || cursor.tags < queues.tags.length || cursor.metrics < queues.metrics.length) {
        const chunk = { metrics: [], params: [], tags: [] };
        let entities = 0;
        let bytes = 0;
        for (const kind of ['params', 'tags', 'metrics']) {
            const queue = queues[kind];
            const target = chunk[kind];
            while (cursor[kind] < queue.length && target.length < perKind[kind] && entities < limits.maxEntities) {
                const item = queue[cursor[kind]];
                const size = itemBytes(item);
                // An empty request always takes one item, so an oversized one reaches the server's own error.
                if (bytes + size > byteBudget && entities > 0)
                    break;
                target.push(item);
                cursor[kind]++;
                entities++;
                bytes += size;
            }
        }
        chunks.push(chunk);
    }
    return chunks;
}

;// CONCATENATED MODULE: ./build/src/client/client.js
/**
 * MlflowClient: MLflow's REST API as typed methods. Answers come back in the store's snake_case
 * entity shapes with the wire's omissions filled in (proto-JSON drops empty lists) and
 * non-finite metric values decoded, so callers never see "NaN" strings or missing arrays.
 */







const DEFAULT_TRACKING_URI = 'http://127.0.0.1:5000';
const DEFAULT_TIMEOUT_MS = 120_000;
const DEFAULT_MAX_RETRIES = 5;
const ARTIFACTS_API = '/api/2.0/mlflow-artifacts/artifacts';
const UPLOAD_CONCURRENCY = 4;
const CONTENT_TYPES = {
    '.txt': 'text/plain',
    '.log': 'text/plain',
    '.md': 'text/markdown',
    '.csv': 'text/csv',
    '.html': 'text/html',
    '.json': 'application/json',
    '.yaml': 'text/yaml',
    '.yml': 'text/yaml',
    '.png': 'image/png',
    '.jpg': 'image/jpeg',
    '.jpeg': 'image/jpeg',
    '.gif': 'image/gif',
    '.svg': 'image/svg+xml',
    '.pdf': 'application/pdf',
};
function envNumber(name) {
    const raw = process.env[name];
    if (raw === undefined || raw.trim() === '')
        return undefined;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0)
        throw new Error(`${name} must be a non-negative number, got '${raw}'.`);
    return n;
}
function nonEmpty(value) {
    return value === undefined || value === '' ? undefined : value;
}
function client_toKeyValues(values) {
    if (!values)
        return [];
    if (Array.isArray(values))
        return values.map((kv) => ({ key: kv.key, value: String(kv.value) }));
    return Object.entries(values).map(([key, value]) => ({ key, value: String(value) }));
}
/** Protobuf's JSON mapping spells non-finite doubles as text; int64s may arrive as strings from other servers. */
function decodeNumber(value) {
    if (typeof value === 'number')
        return value;
    if (value === 'NaN')
        return NaN;
    if (value === 'Infinity')
        return Infinity;
    if (value === '-Infinity')
        return -Infinity;
    return Number(value);
}
function decodeMetric(raw) {
    const metric = {
        key: String(raw.key),
        value: decodeNumber(raw.value),
        timestamp: decodeNumber(raw.timestamp ?? 0),
        step: decodeNumber(raw.step ?? 0),
    };
    for (const field of ['dataset_name', 'dataset_digest', 'model_id', 'run_id']) {
        if (typeof raw[field] === 'string')
            metric[field] = raw[field];
    }
    return metric;
}
function decodeExperiment(raw) {
    return { ...raw, tags: raw.tags ?? [] };
}
function decodeRunInfo(raw) {
    const { run_uuid, ...rest } = raw;
    const info = rest;
    return { ...info, run_id: info.run_id ?? run_uuid };
}
function decodeRun(raw) {
    const data = (raw.data ?? {});
    const inputs = (raw.inputs ?? {});
    const outputs = (raw.outputs ?? {});
    return {
        info: decodeRunInfo((raw.info ?? {})),
        data: { metrics: (data.metrics ?? []).map(decodeMetric), params: data.params ?? [], tags: data.tags ?? [] },
        inputs: {
            dataset_inputs: (inputs.dataset_inputs ?? []).map((d) => ({ tags: d.tags ?? [], dataset: d.dataset })),
            model_inputs: inputs.model_inputs ?? [],
        },
        outputs: { model_outputs: outputs.model_outputs ?? [] },
    };
}
/** Joins artifact path pieces, refusing anything that would climb out of the run's artifact root. */
function cleanArtifactPath(...parts) {
    const joined = parts.filter((p) => p !== undefined && p !== '').join('/');
    if (joined === '')
        return '';
    const normalized = external_node_path_.posix.normalize(joined.replaceAll('\\', '/')).replace(/^\/+|\/+$/g, '');
    if (normalized === '.')
        return '';
    if (normalized === '..' || normalized.startsWith('../')) {
        throw new Error(`Artifact path '${joined}' points outside the run's artifact directory.`);
    }
    return normalized;
}
const encodePath = (path) => path.split('/').map(encodeURIComponent).join('/');
class client_MlflowClient {
    /** The tracking URI in use, without any credentials. */
    trackingUri;
    #http;
    /** A run's artifact_uri never changes, so one lookup per run serves every upload. */
    #artifactUris = new Map();
    constructor(options = {}) {
        const raw = nonEmpty(options.trackingUri) ?? nonEmpty(process.env.MLFLOW_TRACKING_URI) ?? DEFAULT_TRACKING_URI;
        let url;
        try {
            url = new URL(raw);
        }
        catch {
            url = new URL('invalid:');
        }
        if (url.protocol !== 'http:' && url.protocol !== 'https:') {
            throw new Error(`The tracking URI must be an http:// or https:// URL of an MLflow tracking server, got '${raw.replace(/\/\/[^/@]*@/, '//***@')}'. ` +
                'Set MLFLOW_TRACKING_URI (or --tracking-uri), e.g. http://127.0.0.1:5000.');
        }
        // Credentials written into the URI become Basic auth and never appear in messages.
        const uriUser = url.username ? decodeURIComponent(url.username) : undefined;
        const uriPassword = url.password ? decodeURIComponent(url.password) : undefined;
        url.username = '';
        url.password = '';
        this.trackingUri = (url.origin + url.pathname).replace(/\/+$/, '');
        const headers = { 'user-agent': `mlflow-ts-client/${version/* PACKAGE_VERSION */.i}` };
        const token = nonEmpty(options.token) ?? nonEmpty(process.env.MLFLOW_TRACKING_TOKEN);
        const username = nonEmpty(options.username) ?? nonEmpty(process.env.MLFLOW_TRACKING_USERNAME) ?? uriUser;
        const password = nonEmpty(options.password) ?? nonEmpty(process.env.MLFLOW_TRACKING_PASSWORD) ?? uriPassword;
        if (token !== undefined)
            headers.authorization = `Bearer ${token}`;
        else if (username !== undefined || password !== undefined) {
            headers.authorization = `Basic ${Buffer.from(`${username ?? ''}:${password ?? ''}`).toString('base64')}`;
        }
        const envTimeout = envNumber('MLFLOW_HTTP_REQUEST_TIMEOUT');
        this.#http = new HttpTransport({
            baseUrl: this.trackingUri,
            headers,
            timeoutMs: options.timeoutMs ?? (envTimeout !== undefined ? envTimeout * 1000 : DEFAULT_TIMEOUT_MS),
            maxRetries: options.maxRetries ?? envNumber('MLFLOW_HTTP_REQUEST_MAX_RETRIES') ?? DEFAULT_MAX_RETRIES,
            fetch: options.fetch,
        });
    }
    /** Closes the keep-alive connections; the client is unusable afterwards. */
    async close() {
        await this.#http.close();
    }
    #call(method, path, params = {}, version = '2.0') {
        const options = method === 'GET' ? { query: params } : { json: params };
        return this.#http.json(method, `/api/${version}/mlflow${path}`, options);
    }
    // ---- traces (MLflow v3 trace API) ----
    async searchTracesPage(query) {
        const res = await this.#call('POST', '/traces/search', {
            locations: query.experimentIds.map((experiment_id) => ({ type: 'MLFLOW_EXPERIMENT', mlflow_experiment: { experiment_id } })),
            filter: query.filter,
            order_by: query.orderBy,
            max_results: query.maxResults,
            page_token: query.pageToken,
        }, '3.0');
        return { traces: res.traces ?? [], ...(res.next_page_token ? { nextPageToken: res.next_page_token } : {}) };
    }
    /** Every matching trace's info, page by page; `maxResults` is the page size. */
    async *searchTraces(query) {
        let pageToken = query.pageToken;
        do {
            const page = await this.searchTracesPage({ ...query, pageToken });
            yield* page.traces;
            pageToken = page.nextPageToken;
        } while (pageToken);
    }
    /** A trace with its spans (OTLP span JSON as the server stores it). */
    async getTrace(traceId) {
        const res = await this.#call('GET', '/traces/get', { trace_id: traceId }, '3.0');
        return { trace_info: res.trace.trace_info, spans: res.trace.spans ?? [] };
    }
    // ---- experiments ----
    async createExperiment(name, options = {}) {
        const res = await this.#call('POST', '/experiments/create', {
            name,
            artifact_location: options.artifactLocation,
            tags: options.tags ? client_toKeyValues(options.tags) : undefined,
        });
        return String(res.experiment_id);
    }
    async getExperiment(experimentId) {
        const res = await this.#call('GET', '/experiments/get', { experiment_id: experimentId });
        return decodeExperiment(res.experiment);
    }
    /** Throws MlflowApiError RESOURCE_DOES_NOT_EXIST (404) when no experiment has that name, as the REST call does. */
    async getExperimentByName(name) {
        const res = await this.#call('GET', '/experiments/get-by-name', { experiment_name: name });
        return decodeExperiment(res.experiment);
    }
    async searchExperimentsPage(query = {}) {
        const res = await this.#call('POST', '/experiments/search', {
            filter: query.filter,
            order_by: query.orderBy,
            view_type: query.viewType,
            max_results: query.maxResults,
            page_token: query.pageToken,
        });
        return { experiments: (res.experiments ?? []).map(decodeExperiment), ...(res.next_page_token ? { nextPageToken: res.next_page_token } : {}) };
    }
    /** Every matching experiment, page by page; `maxResults` is the page size. */
    async *searchExperiments(query = {}) {
        let pageToken = query.pageToken;
        do {
            const page = await this.searchExperimentsPage({ ...query, pageToken });
            yield* page.experiments;
            pageToken = page.nextPageToken;
        } while (pageToken);
    }
    async updateExperiment(experimentId, newName) {
        await this.#call('POST', '/experiments/update', { experiment_id: experimentId, new_name: newName });
    }
    /** Same as {@link updateExperiment}: renaming is all the update RPC does. */
    renameExperiment(experimentId, newName) {
        return this.updateExperiment(experimentId, newName);
    }
    async deleteExperiment(experimentId) {
        await this.#call('POST', '/experiments/delete', { experiment_id: experimentId });
    }
    async restoreExperiment(experimentId) {
        await this.#call('POST', '/experiments/restore', { experiment_id: experimentId });
    }
    async setExperimentTag(experimentId, key, value) {
        await this.#call('POST', '/experiments/set-experiment-tag', { experiment_id: experimentId, key, value });
    }
    async deleteExperimentTag(experimentId, key) {
        await this.#call('POST', '/experiments/delete-experiment-tag', { experiment_id: experimentId, key });
    }
    // ---- runs ----
    async createRun(options = {}) {
        const res = await this.#call('POST', '/runs/create', {
            experiment_id: options.experimentId,
            run_name: options.runName,
            start_time: options.startTime ?? Date.now(),
            user_id: options.userId,
            tags: options.tags ? client_toKeyValues(options.tags) : undefined,
        });
        return this.#remember(decodeRun(res.run));
    }
    async getRun(runId) {
        // run_uuid too: MLflow servers before 1.x read only that name.
        const res = await this.#call('GET', '/runs/get', { run_id: runId, run_uuid: runId });
        return this.#remember(decodeRun(res.run));
    }
    async updateRun(runId, update) {
        const res = await this.#call('POST', '/runs/update', {
            run_id: runId,
            run_uuid: runId,
            status: update.status,
            end_time: update.endTime,
            run_name: update.runName,
        });
        return decodeRunInfo(res.run_info ?? {});
    }
    async deleteRun(runId) {
        await this.#call('POST', '/runs/delete', { run_id: runId });
    }
    async restoreRun(runId) {
        await this.#call('POST', '/runs/restore', { run_id: runId });
    }
    async searchRunsPage(query) {
        const res = await this.#call('POST', '/runs/search', {
            experiment_ids: query.experimentIds,
            filter: query.filter,
            run_view_type: query.runViewType,
            max_results: query.maxResults,
            order_by: query.orderBy,
            page_token: query.pageToken,
        });
        return { runs: (res.runs ?? []).map(decodeRun), ...(res.next_page_token ? { nextPageToken: res.next_page_token } : {}) };
    }
    /** Every matching run, following `next_page_token`; `maxResults` is the page size. */
    async *searchRuns(query) {
        let pageToken = query.pageToken;
        do {
            const page = await this.searchRunsPage({ ...query, pageToken });
            yield* page.runs;
            pageToken = page.nextPageToken;
        } while (pageToken);
    }
    async logMetric(runId, key, value, options = {}) {
        await this.#call('POST', '/runs/log-metric', {
            run_id: runId,
            run_uuid: runId,
            key,
            value,
            timestamp: options.timestamp ?? Date.now(),
            step: options.step ?? 0,
            dataset_name: options.datasetName,
            dataset_digest: options.datasetDigest,
            model_id: options.modelId,
        });
    }
    async logParam(runId, key, value) {
        await this.#call('POST', '/runs/log-parameter', { run_id: runId, run_uuid: runId, key, value: String(value) });
    }
    async setTag(runId, key, value) {
        await this.#call('POST', '/runs/set-tag', { run_id: runId, run_uuid: runId, key, value: String(value) });
    }
    async deleteTag(runId, key) {
        await this.#call('POST', '/runs/delete-tag', { run_id: runId, key });
    }
    /**
     * Logs any number of metrics, params and tags, in as few requests as the server's log-batch
     * limits allow. Requests go one after another, so a failure leaves earlier chunks stored.
     */
    async logBatch(runId, data) {
        const now = Date.now();
        const metrics = (data.metrics ?? []).map((m) => ({
            key: m.key,
            value: m.value,
            timestamp: m.timestamp ?? now,
            step: m.step ?? 0,
        }));
        const chunks = splitLogBatch({ metrics, params: client_toKeyValues(data.params), tags: client_toKeyValues(data.tags) });
        for (const chunk of chunks) {
            await this.#call('POST', '/runs/log-batch', { run_id: runId, ...chunk });
        }
    }
    async logInputs(runId, datasets, models = []) {
        await this.#call('POST', '/runs/log-inputs', { run_id: runId, datasets, models: models.length > 0 ? models : undefined });
    }
    /** The metric's whole history, all pages. */
    async getMetricHistory(runId, metricKey) {
        const all = [];
        let pageToken;
        do {
            const res = await this.#call('GET', '/metrics/get-history', {
                run_id: runId,
                run_uuid: runId,
                metric_key: metricKey,
                page_token: pageToken,
            });
            for (const m of res.metrics ?? [])
                all.push(decodeMetric(m));
            pageToken = res.next_page_token || undefined;
        } while (pageToken);
        return all;
    }
    // ---- artifacts ----
    /** Uploads one file, streamed, to `<artifactPath>/<file name>` under the run's artifact root. */
    async logArtifact(runId, localFile, artifactPath) {
        const info = await (0,promises_.stat)(localFile);
        if (!info.isFile())
            throw new Error(`logArtifact needs a file; '${localFile}' is not one (use logArtifacts for a directory).`);
        const base = await this.#artifactBase(runId);
        const target = cleanArtifactPath(base.path, cleanArtifactPath(artifactPath), (0,external_node_path_.basename)(localFile));
        const endpoint = `${ARTIFACTS_API}/${encodePath(target)}`;
        const response = await this.#http.send('PUT', base.origin + endpoint, {
            stream: () => (0,external_node_fs_.createReadStream)(localFile),
            contentType: CONTENT_TYPES[(0,external_node_path_.extname)(localFile).toLowerCase()] ?? 'application/octet-stream',
        });
        if (response.status >= 400)
            throw await this.#http.toApiError('PUT', endpoint, response);
        await response.discard();
    }
    /** Uploads a directory tree, keeping its layout under `artifactPath`. */
    async logArtifacts(runId, localDir, artifactPath) {
        const info = await (0,promises_.stat)(localDir);
        if (!info.isDirectory())
            throw new Error(`logArtifacts needs a directory; '${localDir}' is not one (use logArtifact for a file).`);
        const entries = await (0,promises_.readdir)(localDir, { recursive: true, withFileTypes: true });
        const files = [];
        for (const entry of entries) {
            const full = (0,external_node_path_.join)(entry.parentPath, entry.name);
            // A symlinked file is uploaded as its content, as MLflow's os.walk-based upload does.
            if (entry.isFile() || (entry.isSymbolicLink() && (await (0,promises_.stat)(full).catch(() => undefined))?.isFile()))
                files.push(full);
        }
        const prefix = cleanArtifactPath(artifactPath);
        let next = 0;
        const worker = async () => {
            while (next < files.length) {
                const file = files[next++];
                const subdir = (0,external_node_path_.relative)(localDir, (0,external_node_path_.dirname)(file)).split(external_node_path_.sep).join('/');
                await this.logArtifact(runId, file, cleanArtifactPath(prefix, subdir));
            }
        };
        await Promise.all(Array.from({ length: Math.min(UPLOAD_CONCURRENCY, files.length) }, worker));
    }
    /** The entries directly under `path` (default: the run's artifact root). */
    async listArtifacts(runId, path) {
        const base = await this.#artifactBase(runId);
        const rel = cleanArtifactPath(path);
        const res = await this.#http.json('GET', base.origin + ARTIFACTS_API, { query: { path: cleanArtifactPath(base.path, rel) || undefined } });
        return (res.files ?? []).map((f) => ({
            // The artifacts service answers basenames; MLflow's clients report paths from the run root.
            path: rel ? `${rel}/${f.path}` : f.path,
            is_dir: f.is_dir ?? false,
            ...(f.file_size !== undefined && !f.is_dir ? { file_size: decodeNumber(f.file_size) } : {}),
        }));
    }
    /** Streams one artifact file to `destFile` (parent directories are created). */
    async downloadArtifact(runId, path, destFile) {
        const base = await this.#artifactBase(runId);
        const rel = cleanArtifactPath(path);
        if (rel === '')
            throw new Error('downloadArtifact needs the path of a file inside the run artifacts.');
        const endpoint = `${ARTIFACTS_API}/${encodePath(cleanArtifactPath(base.path, rel))}`;
        const response = await this.#http.send('GET', base.origin + endpoint);
        if (response.status >= 400)
            throw await this.#http.toApiError('GET', endpoint, response);
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(destFile), { recursive: true });
        // A partial file would look like a complete artifact; write aside and rename when done.
        const partial = `${destFile}.${process.pid}.partial`;
        try {
            await (0,external_node_stream_promises_.pipeline)(response.stream(), (0,external_node_fs_.createWriteStream)(partial));
            await (0,promises_.rename)(partial, destFile);
        }
        catch (err) {
            await (0,promises_.rm)(partial, { force: true });
            throw err;
        }
    }
    #remember(run) {
        if (run.info.run_id && run.info.artifact_uri)
            this.#artifactUris.set(run.info.run_id, run.info.artifact_uri);
        return run;
    }
    /** Where the run's artifacts live on the artifacts service: origin (tracking server unless the URI names a host) and path. */
    async #artifactBase(runId) {
        const uri = this.#artifactUris.get(runId) ?? (await this.getRun(runId)).info.artifact_uri;
        const match = /^mlflow-artifacts:(?:\/\/([^/]*))?(\/.*)?$/.exec(uri);
        if (!match) {
            throw new Error(`Run ${runId} stores artifacts at '${uri}', which is not served by the tracking server; ` +
                'this client uploads and downloads only mlflow-artifacts:/ locations (start the server with --serve-artifacts).');
        }
        const host = match[1];
        const origin = host ? `${new URL(this.trackingUri).protocol}//${host}` : this.trackingUri;
        return { origin, path: cleanArtifactPath(match[2] ?? '') };
    }
}

// EXTERNAL MODULE: ./build/src/client/deployments.js
var deployments = __webpack_require__(37249);
// EXTERNAL MODULE: external "node:async_hooks"
var external_node_async_hooks_ = __webpack_require__(16698);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
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
    defaultClient ??= new MlflowClient();
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
        if (err instanceof MlflowApiError && err.errorCode === 'RESOURCE_DOES_NOT_EXIST')
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
            if (!(err instanceof MlflowApiError && err.errorCode === 'RESOURCE_ALREADY_EXISTS'))
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
/** A started run. Logging calls go straight to the server; `end` is idempotent. */
class ActiveRun {
    client;
    /** The run as the server returned it at creation. */
    run;
    #ended = false;
    constructor(client, run) {
        this.client = client;
        this.run = run;
    }
    /** The run's info at creation (`run.info.run_id`, as with MLflow's Python ActiveRun). */
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
async function startRun(options = {}, fn) {
    const client = options.client ?? getDefaultClient();
    const experimentId = await resolveExperimentId(client, options.experimentId);
    const user = currentUser();
    const tags = new Map();
    for (const { key, value } of [...standardTags(user), ...toKeyValues(options.tags)])
        tags.set(key, value);
    const run = new ActiveRun(client, await client.createRun({
        experimentId,
        runName: options.runName,
        userId: user,
        tags: [...tags].map(([key, value]) => ({ key, value })),
    }));
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
