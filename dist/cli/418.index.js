export const id = 418;
export const ids = [418,196];
export const modules = {

/***/ 41049:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ splitLogBatch)
/* harmony export */ });
/* harmony import */ var _mlflow_limits_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(45167);
/* harmony import */ var _transport_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(29196);
/**
 * Splits a log-batch of any size into requests the server accepts (MLFLOW_LIMITS.logBatch):
 * count limits per kind and in total, and the raw body size limit, which long param and tag
 * values can reach well before the count limits do.
 */


/** Room for `{"run_id":"…","metrics":[],"params":[],"tags":[]}` with a generous run id. */
const ENVELOPE_BYTES = 1024;
const itemBytes = (item) => Buffer.byteLength((0,_transport_js__WEBPACK_IMPORTED_MODULE_1__/* .encodeJson */ .Pr)(item)) + 1;
/**
 * Greedy packing: params first, then tags, then metrics fill what is left of each request. For
 * count-bound input this reaches the minimum number of requests, max(⌈m/1000⌉, ⌈p/100⌉, ⌈t/100⌉,
 * ⌈(m+p+t)/1000⌉), because params and tags are the scarcer kinds per request.
 */
function splitLogBatch(input, limits = _mlflow_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .MLFLOW_LIMITS */ .rh.logBatch) {
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


/***/ }),

/***/ 29418:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ MlflowClient)
/* harmony export */ });
/* unused harmony export toKeyValues */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(46466);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(10990);
/* harmony import */ var _batch_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(41049);
/* harmony import */ var _concurrency_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(93622);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(20486);
/* harmony import */ var _transport_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(29196);
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
function toKeyValues(values) {
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
    const normalized = node_path__WEBPACK_IMPORTED_MODULE_2__.posix.normalize(joined.replaceAll('\\', '/')).replace(/^\/+|\/+$/g, '');
    if (normalized === '.')
        return '';
    if (normalized === '..' || normalized.startsWith('../')) {
        throw new Error(`Artifact path '${joined}' points outside the run's artifact directory.`);
    }
    return normalized;
}
const encodePath = (path) => path.split('/').map(encodeURIComponent).join('/');
class MlflowClient {
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
        const headers = { 'user-agent': `mlflow-ts-client/${_version_js__WEBPACK_IMPORTED_MODULE_4__/* .PACKAGE_VERSION */ .i}` };
        const token = nonEmpty(options.token) ?? nonEmpty(process.env.MLFLOW_TRACKING_TOKEN);
        const username = nonEmpty(options.username) ?? nonEmpty(process.env.MLFLOW_TRACKING_USERNAME) ?? uriUser;
        const password = nonEmpty(options.password) ?? nonEmpty(process.env.MLFLOW_TRACKING_PASSWORD) ?? uriPassword;
        if (token !== undefined)
            headers.authorization = `Bearer ${token}`;
        else if (username !== undefined || password !== undefined) {
            headers.authorization = `Basic ${Buffer.from(`${username ?? ''}:${password ?? ''}`).toString('base64')}`;
        }
        const envTimeout = envNumber('MLFLOW_HTTP_REQUEST_TIMEOUT');
        this.#http = new _transport_js__WEBPACK_IMPORTED_MODULE_7__/* .HttpTransport */ .G5({
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
    /**
     * Attaches an assessment (MLflow 3 feedback or expectation) to a trace; returns it as stored,
     * with its `assessment_id`. Feedback `value` is any JSON value; a scorer that could not judge sends
     * `error` instead.
     */
    async createAssessment(traceId, assessment) {
        const res = await this.#call('POST', `/traces/${encodeURIComponent(traceId)}/assessments`, { assessment: { ...assessment, trace_id: traceId } }, '3.0');
        return res.assessment;
    }
    // ---- experiments ----
    /**
     * The experiment named `name`, created (with `tags`) when there is none. Two callers may create
     * the same name at once; the loser sees RESOURCE_ALREADY_EXISTS and gets the winner's. A deleted
     * experiment is returned as it is: callers decide what that means for them.
     */
    async getOrCreateExperiment(name, options = {}) {
        const find = async () => {
            try {
                return await this.getExperimentByName(name);
            }
            catch (err) {
                if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .MlflowApiError */ .ge && err.errorCode === 'RESOURCE_DOES_NOT_EXIST')
                    return undefined;
                throw err;
            }
        };
        const existing = await find();
        if (existing)
            return existing;
        try {
            return await this.getExperiment(await this.createExperiment(name, options));
        }
        catch (err) {
            if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .MlflowApiError */ .ge && err.errorCode === 'RESOURCE_ALREADY_EXISTS') {
                const winner = await find();
                if (winner)
                    return winner;
            }
            throw err;
        }
    }
    async createExperiment(name, options = {}) {
        const res = await this.#call('POST', '/experiments/create', {
            name,
            artifact_location: options.artifactLocation,
            tags: options.tags ? toKeyValues(options.tags) : undefined,
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
            tags: options.tags ? toKeyValues(options.tags) : undefined,
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
        const chunks = (0,_batch_js__WEBPACK_IMPORTED_MODULE_5__/* .splitLogBatch */ .f)({ metrics, params: toKeyValues(data.params), tags: toKeyValues(data.tags) });
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
        const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(localFile);
        if (!info.isFile())
            throw new Error(`logArtifact needs a file; '${localFile}' is not one (use logArtifacts for a directory).`);
        const base = await this.#artifactBase(runId);
        const target = cleanArtifactPath(base.path, cleanArtifactPath(artifactPath), (0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(localFile));
        const endpoint = `${ARTIFACTS_API}/${encodePath(target)}`;
        const response = await this.#http.send('PUT', base.origin + endpoint, {
            stream: () => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(localFile),
            contentType: CONTENT_TYPES[(0,node_path__WEBPACK_IMPORTED_MODULE_2__.extname)(localFile).toLowerCase()] ?? 'application/octet-stream',
        });
        if (response.status >= 400)
            throw await this.#http.toApiError('PUT', endpoint, response);
        await response.discard();
    }
    /** Uploads a directory tree, keeping its layout under `artifactPath`. */
    async logArtifacts(runId, localDir, artifactPath) {
        const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(localDir);
        if (!info.isDirectory())
            throw new Error(`logArtifacts needs a directory; '${localDir}' is not one (use logArtifact for a file).`);
        const entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(localDir, { recursive: true, withFileTypes: true });
        const files = [];
        for (const entry of entries) {
            const full = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(entry.parentPath, entry.name);
            // A symlinked file is uploaded as its content, as MLflow's os.walk-based upload does.
            if (entry.isFile() || (entry.isSymbolicLink() && (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(full).catch(() => undefined))?.isFile()))
                files.push(full);
        }
        const prefix = cleanArtifactPath(artifactPath);
        await (0,_concurrency_js__WEBPACK_IMPORTED_MODULE_8__/* .mapLimit */ .s)(files, UPLOAD_CONCURRENCY, (file) => this.logArtifact(runId, file, cleanArtifactPath(prefix, (0,node_path__WEBPACK_IMPORTED_MODULE_2__.relative)(localDir, (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(file)).split(node_path__WEBPACK_IMPORTED_MODULE_2__.sep).join('/'))));
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
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(destFile), { recursive: true });
        // A partial file would look like a complete artifact; write aside and rename when done.
        const partial = `${destFile}.${process.pid}.partial`;
        try {
            await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_3__.pipeline)(response.stream(), (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createWriteStream)(partial));
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(partial, destFile);
        }
        catch (err) {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(partial, { force: true });
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


/***/ }),

/***/ 93622:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ mapLimit)
/* harmony export */ });
/** `fn` over `items` with at most `limit` calls in flight; results in input order. Stops at the first rejection. */
async function mapLimit(items, limit, fn) {
    const out = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            out[i] = await fn(items[i]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return out;
}


/***/ }),

/***/ 20486:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ge: () => (/* binding */ MlflowApiError),
/* harmony export */   s_: () => (/* binding */ MlflowConnectionError),
/* harmony export */   vT: () => (/* binding */ errorCodeForStatus)
/* harmony export */ });
/**
 * The client's two failure types. A caller tells "the server said no" (MlflowApiError, with
 * MLflow's error_code) from "there is no server to talk to" (MlflowConnectionError): the first is
 * usually their request's fault, the second their configuration's.
 */
/** The server answered with an error status; `errorCode` is MLflow's code (e.g. RESOURCE_DOES_NOT_EXIST). */
class MlflowApiError extends Error {
    errorCode;
    status;
    /** `METHOD /path` of the failed call (never the query string, which may carry user data). */
    endpoint;
    constructor(errorCode, status, serverMessage, endpoint) {
        super(`${errorCode} (HTTP ${status}) from ${endpoint}: ${serverMessage}`);
        this.name = 'MlflowApiError';
        this.errorCode = errorCode;
        this.status = status;
        this.endpoint = endpoint;
    }
}
/** No usable HTTP answer: refused, reset, DNS failure or timeout, after all retries. */
class MlflowConnectionError extends Error {
    trackingUri;
    constructor(trackingUri, detail, options) {
        super(`Could not reach the MLflow tracking server at ${trackingUri} (${detail}). ` +
            'Check MLFLOW_TRACKING_URI (or --tracking-uri) and that the server is running.', options);
        this.name = 'MlflowConnectionError';
        this.trackingUri = trackingUri;
    }
}
/** Used when a non-MLflow answer (proxy HTML page, plain-text 503) carries no error_code. */
function errorCodeForStatus(status) {
    switch (status) {
        case 400:
            return 'BAD_REQUEST';
        case 401:
            return 'UNAUTHENTICATED';
        case 403:
            return 'PERMISSION_DENIED';
        case 404:
            return 'ENDPOINT_NOT_FOUND';
        case 405:
            return 'METHOD_NOT_ALLOWED';
        case 409:
            return 'RESOURCE_CONFLICT';
        case 429:
            return 'REQUEST_LIMIT_EXCEEDED';
        case 501:
            return 'NOT_IMPLEMENTED';
        case 503:
            return 'TEMPORARILY_UNAVAILABLE';
        case 504:
            return 'DEADLINE_EXCEEDED';
        default:
            return status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST';
    }
}


/***/ }),

/***/ 29196:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G5: () => (/* binding */ HttpTransport),
/* harmony export */   Pr: () => (/* binding */ encodeJson),
/* harmony export */   Vs: () => (/* binding */ retryAfterMs)
/* harmony export */ });
/* unused harmony export encodeQuery */
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57075);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(58500);
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(46752);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(20486);
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
/** `Retry-After` in milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
function retryAfterMs(value) {
    const v = typeof value === 'string' ? value : value?.[0];
    if (v === undefined || v.trim() === '')
        return undefined;
    const seconds = Number(v);
    if (Number.isFinite(seconds))
        return Math.max(0, seconds * 1000);
    const date = Date.parse(v);
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
                    await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_1__.setTimeout)(backoffMs(attempt));
                    continue;
                }
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .MlflowConnectionError */ .s_(this.baseUrl, describeNetworkError(err), { cause: err });
            }
            if (isRetryableStatus(response.status) && attempt < this.#maxRetries) {
                const wait = retryAfterMs(response.header('retry-after'));
                await response.discard();
                await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_1__.setTimeout)(wait !== undefined ? Math.min(wait, RETRY_AFTER_CAP_MS) : backoffMs(attempt));
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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .MlflowApiError */ .ge('INTERNAL_ERROR', response.status, `expected JSON, got: ${text.slice(0, ERROR_TEXT_LIMIT)}`, `${method} ${path}`);
        }
    }
    async toApiError(method, path, response) {
        const text = await response.text().catch(() => '');
        const endpoint = `${method} ${path}`;
        try {
            const parsed = JSON.parse(text);
            if (typeof parsed.error_code === 'string') {
                return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .MlflowApiError */ .ge(parsed.error_code, response.status, typeof parsed.message === 'string' ? parsed.message : '', endpoint);
            }
        }
        catch {
            // Not MLflow's error JSON (a proxy page, a plain-text 503): report the text itself.
        }
        const snippet = text.trim().slice(0, ERROR_TEXT_LIMIT) || '(empty response body)';
        return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .MlflowApiError */ .ge((0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorCodeForStatus */ .vT)(response.status), response.status, snippet, endpoint);
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
        this.#agent ??= new undici__WEBPACK_IMPORTED_MODULE_2__/* .Agent */ .g6({ keepAliveTimeout: 10_000, connections: 16 });
        const res = await (0,undici__WEBPACK_IMPORTED_MODULE_2__/* .request */ .Em)(url, {
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
                init.body = node_stream__WEBPACK_IMPORTED_MODULE_0__.Readable.toWeb(body);
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
            stream: () => (res.body ? node_stream__WEBPACK_IMPORTED_MODULE_0__.Readable.fromWeb(res.body) : node_stream__WEBPACK_IMPORTED_MODULE_0__.Readable.from([])),
            discard: async () => {
                await res.body?.cancel();
            },
        };
    }
}


/***/ })

};
