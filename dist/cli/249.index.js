export const id = 249;
export const ids = [249];
export const modules = {

/***/ 37249:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DeploymentsClient: () => (/* binding */ DeploymentsClient),
/* harmony export */   d: () => (/* binding */ DeploymentsConnectionError)
/* harmony export */ });
/* unused harmony export getDeployClient */
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58500);
/* harmony import */ var eventsource_parser__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2309);
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(46752);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(55156);
/* harmony import */ var _mlflow_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(35556);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(10990);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(20486);
/* harmony import */ var _transport_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(29196);
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
const OWN_HEADERS = new Set(['authorization', 'user-agent', 'accept', 'content-type', 'content-length', 'host']);
/** A wait between retries that a cancelled call cuts short, rejecting with the signal's reason. */
async function pause(ms, signal) {
    try {
        await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(ms, undefined, signal ? { signal } : undefined);
    }
    catch (err) {
        if (signal?.aborted)
            throw signal.reason;
        throw err;
    }
}
const endpointSchema = zod__WEBPACK_IMPORTED_MODULE_6__.looseObject({
    name: zod__WEBPACK_IMPORTED_MODULE_6__.string(),
    endpoint_type: zod__WEBPACK_IMPORTED_MODULE_6__.string(),
    model: zod__WEBPACK_IMPORTED_MODULE_6__.looseObject({ name: zod__WEBPACK_IMPORTED_MODULE_6__.string(), provider: zod__WEBPACK_IMPORTED_MODULE_6__.string() }),
    endpoint_url: zod__WEBPACK_IMPORTED_MODULE_6__.string(),
    limit: zod__WEBPACK_IMPORTED_MODULE_6__.looseObject({ calls: zod__WEBPACK_IMPORTED_MODULE_6__.number(), key: zod__WEBPACK_IMPORTED_MODULE_6__.string().nullish(), renewal_period: zod__WEBPACK_IMPORTED_MODULE_6__.string() }).nullish(),
});
const endpointsPageSchema = zod__WEBPACK_IMPORTED_MODULE_6__.looseObject({
    endpoints: zod__WEBPACK_IMPORTED_MODULE_6__.array(endpointSchema).default([]),
    next_page_token: zod__WEBPACK_IMPORTED_MODULE_6__.string().nullish(),
});
const objectSchema = zod__WEBPACK_IMPORTED_MODULE_6__.record(zod__WEBPACK_IMPORTED_MODULE_6__.string(), zod__WEBPACK_IMPORTED_MODULE_6__.unknown());
/** The error bodies a gateway may answer with: ours and MLflow 3.x's, FastAPI's `detail`, OpenAI's `error`. */
const errorDetailSchema = zod__WEBPACK_IMPORTED_MODULE_6__.union([zod__WEBPACK_IMPORTED_MODULE_6__.string(), zod__WEBPACK_IMPORTED_MODULE_6__.looseObject({ error_code: zod__WEBPACK_IMPORTED_MODULE_6__.string().optional(), message: zod__WEBPACK_IMPORTED_MODULE_6__.string().optional() })]);
const errorBodySchema = zod__WEBPACK_IMPORTED_MODULE_6__.looseObject({
    error_code: zod__WEBPACK_IMPORTED_MODULE_6__.string().optional(),
    message: zod__WEBPACK_IMPORTED_MODULE_6__.string().optional(),
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
    const parsed = zod__WEBPACK_IMPORTED_MODULE_6__.looseObject({ error_code: zod__WEBPACK_IMPORTED_MODULE_6__.string().optional(), message: zod__WEBPACK_IMPORTED_MODULE_6__.string().optional(), type: zod__WEBPACK_IMPORTED_MODULE_6__.string().optional() }).safeParse(error);
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
    #connections;
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
        this.#connections = options.connections ?? 16;
        this.#backoffFactorMs = (options.backoffFactor ?? envNumber(env, 'MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR') ?? DEFAULT_BACKOFF_FACTOR_S) * 1000;
    }
    /** Every endpoint of the gateway, following `next_page_token` pages. */
    async listEndpoints() {
        const all = [];
        let pageToken;
        do {
            const page = endpointsPageSchema.parse((await this.#json('GET', CRUD_BASE, { query: pageToken ? { page_token: pageToken } : undefined, timeoutMs: this.#requestTimeoutMs, retryStatuses: RETRY_STATUSES })).body);
            for (const e of page.endpoints)
                all.push(this.#endpoint(e));
            pageToken = page.next_page_token ?? undefined;
        } while (pageToken);
        return all;
    }
    /** One endpoint; an unknown name is MlflowApiError with status 404. */
    async getEndpoint(name) {
        const { body } = await this.#json('GET', CRUD_BASE + encodeURIComponent(name), { timeoutMs: this.#requestTimeoutMs, retryStatuses: RETRY_STATUSES });
        return this.#endpoint(endpointSchema.parse(body));
    }
    /** `POST /endpoints/<endpoint>/invocations` with `inputs` as the body; the JSON answer. */
    async predict(request, options = {}) {
        return (await this.predictWithHeaders(request, options)).body;
    }
    /** `predict`, with the response headers too (`X-MLflow-Gateway-Cost-USD`, the timing headers). */
    async predictWithHeaders(request, options = {}) {
        const { body, headers } = await this.#json('POST', invocationsPath(request.endpoint), {
            json: request.inputs,
            timeoutMs: this.#predictTimeoutMs,
            retryStatuses: RETRY_STATUSES,
            ...options,
        });
        return { body: objectSchema.parse(body), headers };
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
        const parser = (0,eventsource_parser__WEBPACK_IMPORTED_MODULE_7__/* .createParser */ .C)({ onEvent: (e) => pending.push(e) });
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
            if (options.signal?.aborted)
                throw options.signal.reason;
            throw this.#connectionError(err, options.timeoutMs);
        }
        if (res.statusCode >= 400)
            throw apiError(res.statusCode, text, `${method} ${path}`);
        try {
            return { body: JSON.parse(text), headers: res.headers };
        }
        catch {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .MlflowApiError */ .ge('INTERNAL_ERROR', res.statusCode, `expected JSON, got: ${text.slice(0, ERROR_TEXT_LIMIT)}`, `${method} ${path}`);
        }
    }
    /** Sends with retries; returns the final answer, error statuses included, with its body unread. */
    async #send(method, path, options) {
        const query = options.query ? `?${new URLSearchParams(options.query).toString()}` : '';
        const url = this.target + path + query;
        const headers = {};
        // A caller's header cannot replace the client's own (its authorization above all).
        for (const [name, value] of Object.entries(options.headers ?? {}))
            if (!OWN_HEADERS.has(name.toLowerCase()))
                headers[name] = value;
        Object.assign(headers, this.#headers, { accept: options.accept ?? 'application/json' });
        const body = options.json === undefined ? undefined : JSON.stringify(options.json);
        if (body !== undefined)
            headers['content-type'] = 'application/json';
        this.#agent ??= new undici__WEBPACK_IMPORTED_MODULE_1__/* .Agent */ .g6({ keepAliveTimeout: 10_000, connections: this.#connections });
        const { signal } = options;
        const maxRetries = options.maxRetries ?? this.#maxRetries;
        for (let attempt = 0;; attempt++) {
            let res;
            try {
                res = await (0,undici__WEBPACK_IMPORTED_MODULE_1__/* .request */ .Em)(url, { method, headers, body, signal, dispatcher: this.#agent, headersTimeout: options.timeoutMs, bodyTimeout: options.timeoutMs });
            }
            catch (err) {
                // A cancelled call is the caller's decision, not the gateway's failure.
                if (signal?.aborted)
                    throw signal.reason;
                const code = errorCodeOf(err);
                const retryable = !isTimeout(err) && !(code !== undefined && UNRETRYABLE_NETWORK_CODES.has(code));
                if (retryable && attempt < maxRetries) {
                    await pause(this.#backoff(attempt), signal);
                    continue;
                }
                throw this.#connectionError(err, options.timeoutMs);
            }
            if (options.retryStatuses.has(res.statusCode) && attempt < maxRetries) {
                const wait = (0,_transport_js__WEBPACK_IMPORTED_MODULE_5__/* .retryAfterMs */ .Vs)(res.headers['retry-after']);
                await res.body.dump();
                await pause(wait !== undefined ? Math.min(wait, RETRY_AFTER_CAP_MS) : this.#backoff(attempt), signal);
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


/***/ })

};
