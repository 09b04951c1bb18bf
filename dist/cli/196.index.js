export const id = 196;
export const ids = [196];
export const modules = {

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
