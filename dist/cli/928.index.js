export const id = 928;
export const ids = [928];
export const modules = {

/***/ 42928:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gatewayTracer: () => (/* binding */ gatewayTracer),
  mountGateway: () => (/* binding */ mountGateway),
  startGatewayServer: () => (/* binding */ startGatewayServer)
});

// UNUSED EXPORTS: createGatewayApp

// EXTERNAL MODULE: ./node_modules/fastify/fastify.js
var fastify = __webpack_require__(16703);
// EXTERNAL MODULE: ./build/src/gateway/config.js + 9 modules
var gateway_config = __webpack_require__(16103);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./build/src/gateway/errors.js
var errors = __webpack_require__(14909);
;// CONCATENATED MODULE: ./build/src/gateway/governance/cache.js
/**
 * The opt-in exact-match response cache: a non-streaming answer is reused for a byte-for-byte
 * identical request (after canonical JSON) to the same endpoint and operation within its TTL.
 *
 * Each endpoint has its own LRU partition bounded by its `max_entries`, so a busy endpoint cannot
 * evict a quiet one's entries. Keys are `<endpoint>:<sha256>`; endpoint names cannot contain `:`.
 * Values are cloned going in and coming out, so a front that decorates a cached response (an
 * extra field, a new id) never alters what the next caller gets.
 */

/** Fields that change how an answer is delivered or attributed, not what it says. */
const IGNORED_FIELDS = new Set(['stream', 'stream_options', 'user']);
/**
 * JSON with every object's keys sorted, undefined members dropped as JSON.stringify does: the same
 * value gives the same text whatever order its keys were written in.
 */
function canonicalJson(value) {
    return JSON.stringify(value, (_key, v) => {
        if (v === null || typeof v !== 'object' || Array.isArray(v))
            return v;
        const o = v;
        // Null prototype: a `__proto__` member must stay data, not become the copy's prototype.
        const sorted = Object.create(null);
        for (const k of Object.keys(o).sort())
            sorted[k] = o[k];
        return sorted;
    }) ?? 'undefined';
}
function sha256Hex(text) {
    return (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex');
}
class ResponseCache {
    #now;
    /** endpoint → (key → entry), each Map in least- to most-recently-used order. */
    #partitions = new Map();
    #hits = 0;
    #misses = 0;
    constructor(options = {}) {
        this.#now = options.now ?? (() => performance.now());
    }
    /** The cache key of a request; `stream`, `stream_options` and `user` do not take part. */
    key(endpoint, operation, request) {
        let relevant = request;
        if (request !== null && typeof request === 'object' && !Array.isArray(request)) {
            const copy = {};
            for (const [k, v] of Object.entries(request))
                if (!IGNORED_FIELDS.has(k))
                    copy[k] = v;
            relevant = copy;
        }
        return `${endpoint}:${sha256Hex(canonicalJson({ operation, request: relevant }))}`;
    }
    /** A copy of the cached value, or undefined when absent or older than `config.ttl_seconds`. */
    get(key, config) {
        const partition = this.#partitions.get(partitionOf(key));
        const entry = partition?.get(key);
        if (!partition || !entry) {
            this.#misses++;
            return undefined;
        }
        partition.delete(key);
        if (this.#now() - entry.storedAt >= config.ttl_seconds * 1000) {
            this.#misses++;
            return undefined;
        }
        partition.set(key, entry);
        this.#hits++;
        return structuredClone(entry.value);
    }
    /** Stores a copy of `value`, evicting the endpoint's least recently used entries beyond `config.max_entries`. */
    set(key, value, config) {
        const name = partitionOf(key);
        let partition = this.#partitions.get(name);
        if (!partition) {
            partition = new Map();
            this.#partitions.set(name, partition);
        }
        partition.delete(key);
        partition.set(key, { value: structuredClone(value), storedAt: this.#now() });
        for (const oldest of partition.keys()) {
            if (partition.size <= config.max_entries)
                break;
            partition.delete(oldest);
        }
    }
    stats() {
        let size = 0;
        for (const p of this.#partitions.values())
            size += p.size;
        return { hits: this.#hits, misses: this.#misses, size };
    }
    /** Drops every entry, or one endpoint's (its model or config changed on reload). Counters stay. */
    clear(endpoint) {
        if (endpoint === undefined)
            this.#partitions.clear();
        else
            this.#partitions.delete(endpoint);
    }
    /** Drops the entries of endpoints not in `endpoints` (removed by a reload). */
    retain(endpoints) {
        const keep = new Set(endpoints);
        for (const name of this.#partitions.keys())
            if (!keep.has(name))
                this.#partitions.delete(name);
    }
}
function partitionOf(key) {
    const i = key.lastIndexOf(':');
    return i < 0 ? '' : key.slice(0, i);
}

;// CONCATENATED MODULE: ./build/src/gateway/governance/rate-limit.js
const PERIOD_MS = {
    second: 1000,
    minute: 60_000,
    hour: 3_600_000,
    day: 86_400_000,
};
class RateLimiter {
    #now;
    #buckets = new Map();
    constructor(options = {}) {
        this.#now = options.now ?? (() => performance.now());
    }
    /** Takes one token from `key`'s bucket if it has one. */
    take(key, limit) {
        const now = this.#now();
        const periodMs = PERIOD_MS[limit.renewal_period];
        const capacity = limit.burst ?? limit.calls;
        let bucket = this.#buckets.get(key);
        if (!bucket || bucket.calls !== limit.calls || bucket.periodMs !== periodMs || bucket.capacity !== capacity) {
            bucket = { calls: limit.calls, periodMs, capacity, level: capacity * periodMs, at: now };
            this.#buckets.set(key, bucket);
        }
        else if (now > bucket.at) {
            bucket.level = Math.min(capacity * periodMs, bucket.level + (now - bucket.at) * limit.calls);
            bucket.at = now;
        }
        if (bucket.level >= periodMs) {
            bucket.level -= periodMs;
            return { allowed: true };
        }
        const waitMs = (periodMs - bucket.level) / limit.calls;
        return { allowed: false, retryAfterSeconds: Math.ceil(waitMs / 1000) };
    }
    /**
     * Keeps the buckets of these keys and drops the rest (endpoints removed by a reload). A kept
     * key whose limit changed is reset to a full bucket of the new limit on its next `take`.
     */
    retain(keys) {
        const keep = new Set(keys);
        for (const key of this.#buckets.keys())
            if (!keep.has(key))
                this.#buckets.delete(key);
    }
    /** Number of live buckets, for tests and stats. */
    get size() {
        return this.#buckets.size;
    }
}

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var external_node_fs_promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js
var schemas = __webpack_require__(55156);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/errors.js
var classic_errors = __webpack_require__(961);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/errors.js
var core_errors = __webpack_require__(37428);
// EXTERNAL MODULE: ./build/src/gateway/upstream.js
var upstream = __webpack_require__(81019);
;// CONCATENATED MODULE: ./build/src/gateway/governance/record-replay.js
/**
 * Record/replay of upstream exchanges, what makes CI evaluations deterministic and offline:
 * `--record <dir>` forwards every upstream call and saves the exchange; `--replay <dir>` answers
 * from those files and never opens a socket. Both sit below the providers (they replace the
 * shared Upstream), so every provider, front, stream and passthrough is covered, and what is
 * replayed goes through the same parsing as a live answer.
 *
 * One file per distinct request: `<dir>/<hash>.json`, where the hash covers the method, the URL
 * without credential query parameters, and the body as canonical JSON (sorted keys). Headers are
 * not hashed (they carry keys, and differ between a developer's machine and CI); the URL is, so
 * replay with the api base URLs the recording was made with. Identical requests map to the same
 * file, which holds a list of responses: recording appends in the order answers completed, and
 * replay serves them in that order, then keeps serving the last one. A
 * recording session replaces a file the first time it records that hash, so re-recording into a
 * directory refreshes it rather than growing it.
 *
 * An exchange is saved once the upstream's response body has ended (the bytes are streamed on to
 * the caller as they arrive and kept on the side), even when the provider stopped reading at its
 * vendor's terminal event. A call whose caller went away mid-stream (its signal aborted), or that
 * never got an answer (connection refused, timeout before headers), is not saved. Files are
 * written atomically (temp file + rename).
 *
 * Nothing secret reaches a file: credential headers and query parameters are dropped, and every
 * stored string (URL, request body, response body, e.g. an upstream error echoing the key) goes
 * through the gateway's Redactor. The hash is computed over the redacted form, so rotating a key
 * does not invalidate a recording.
 */








/** A replay that cannot be served (no recording, or an unreadable one). Retrying cannot help. */
class ReplayError extends errors/* GatewayError */.Fe {
    /** The request hash, i.e. the file `<dir>/<hash>.json` that was looked for. */
    hash;
    constructor(message, hash, options = {}) {
        super('upstream', message, { status: 502, ...options });
        this.name = 'ReplayError';
        this.hash = hash;
    }
}
const EXCHANGE_FILE_VERSION = 1;
const recordedRequestSchema = schemas.looseObject({
    method: schemas.string(),
    url: schemas.string(),
    headers: schemas.record(schemas.string(), schemas.string()),
    body: schemas.unknown(),
});
const recordedResponseSchema = schemas.looseObject({
    status: schemas.int().min(100).max(599),
    headers: schemas.record(schemas.string(), schemas.string()),
    /** The body as text; a stream's server-sent events are kept as their raw text. */
    body: schemas.string(),
});
const exchangeFileSchema = schemas.looseObject({
    version: schemas.literal(EXCHANGE_FILE_VERSION),
    hash: schemas.string(),
    request: recordedRequestSchema,
    responses: schemas.array(recordedResponseSchema).min(1),
});
/** Request headers that carry credentials, by name... */
const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'x-api-key', 'api-key', 'x-goog-api-key', 'anthropic-api-key', 'cookie']);
/** ...or by the look of the name (custom hosts' auth headers, AWS session tokens). */
const CREDENTIAL_HEADER_PATTERN = /auth|api[-_]?key|token|secret|password|cookie|credential|signature/i;
/** Query parameters that carry credentials (Gemini's `?key=`, presigned URLs). */
const CREDENTIAL_PARAMS = new Set(['key', 'api_key', 'api-key', 'apikey', 'access_token', 'token', 'sig', 'signature', 'x-amz-signature', 'x-amz-credential', 'x-amz-security-token']);
/** The only response headers a replay needs: how to parse the body, and when to retry. */
const KEPT_RESPONSE_HEADERS = ['content-type', 'retry-after'];
function resolveRedactor(option) {
    if (option === undefined)
        return () => undefined;
    return typeof option === 'function' ? option : () => option;
}
function withoutCredentialParams(url) {
    try {
        const u = new URL(url);
        for (const name of [...u.searchParams.keys()])
            if (CREDENTIAL_PARAMS.has(name.toLowerCase()))
                u.searchParams.delete(name);
        return { full: u.toString(), path: `${u.origin}${u.pathname}` };
    }
    catch {
        const path = url.split('?')[0] ?? url;
        return { full: path, path };
    }
}
/** The request as it is stored and hashed: credentials dropped, secrets masked. */
function describe(req, redactor) {
    const redact = (text) => (redactor ? redactor.redact(text) : text);
    const method = req.method ?? 'POST';
    const url = withoutCredentialParams(req.url);
    const storedUrl = redact(url.full);
    let body;
    let hashedBody;
    const raw = req.rawBody === undefined ? undefined : typeof req.rawBody === 'string' ? req.rawBody : req.rawBody.toString('utf8');
    let parsed = req.body;
    if (parsed === undefined && raw !== undefined) {
        try {
            parsed = JSON.parse(raw);
        }
        catch {
            parsed = undefined;
        }
    }
    if (parsed !== undefined) {
        // Through JSON first, as it goes on the wire: undefined members vanish, dates become strings.
        body = redactor ? redactor.redactValue(JSON.parse(JSON.stringify(parsed))) : JSON.parse(JSON.stringify(parsed));
        hashedBody = canonicalJson(body);
    }
    else if (raw !== undefined) {
        body = redact(raw);
        hashedBody = body;
    }
    else {
        body = null;
        hashedBody = '';
    }
    const headers = {};
    for (const [name, value] of Object.entries(req.headers ?? {})) {
        const lower = name.toLowerCase();
        if (CREDENTIAL_HEADERS.has(lower) || CREDENTIAL_HEADER_PATTERN.test(lower))
            continue;
        headers[lower] = redact(value);
    }
    // As Upstream.send adds it.
    if ((req.body !== undefined || raw !== undefined) && headers['content-type'] === undefined)
        headers['content-type'] = 'application/json';
    return {
        hash: sha256Hex(`${method}\n${storedUrl}\n${hashedBody}`),
        label: `${method} ${redact(url.path)}`,
        request: { method, url: storedUrl, headers, body },
    };
}
/** The hash (file name without `.json`) an upstream request is recorded under. */
function exchangeHash(req, redactor) {
    return describe(req, redactor).hash;
}
function cancelledError(who) {
    return new errors/* GatewayError */.Fe('unavailable', 'The caller went away; the upstream call was cancelled.', { status: 499, provider: who });
}
/** Forwards every call like Upstream and saves each completed exchange under `dir`. */
class RecordingUpstream extends upstream/* Upstream */.OS {
    dir;
    #redactor;
    /** This session's recordings: a file is rewritten whole, in order, as responses are added. */
    #files = new Map();
    #dirReady;
    /** One per exchange still streaming or being written. */
    #pending = new Set();
    constructor(dir, options = {}) {
        super(options);
        this.dir = dir;
        this.#redactor = resolveRedactor(options.redactor);
    }
    /** Resolves once every exchange under way has been saved (or dropped, its caller gone). */
    async flush() {
        while (this.#pending.size > 0)
            await Promise.all([...this.#pending]);
    }
    /** Waits for recordings under way, so a gateway shut down after a run loses none. */
    async close() {
        await this.flush();
        await super.close();
    }
    async send(who, req) {
        const redactor = this.#redactor();
        const described = describe(req, redactor);
        const res = await super.send(who, req);
        const source = res.body;
        const out = new external_node_stream_.PassThrough();
        const chunks = [];
        let ended = false;
        let callerStopped = false;
        let settle;
        const settled = new Promise((resolve) => (settle = resolve));
        this.#pending.add(settled);
        void settled.then(() => this.#pending.delete(settled));
        source.on('data', (chunk) => {
            chunks.push(chunk);
            if (!callerStopped && !out.write(chunk))
                source.pause();
        });
        out.on('drain', () => source.resume());
        source.on('error', (err) => out.destroy(err));
        source.on('close', () => {
            if (!ended)
                settle();
        });
        source.on('end', () => {
            ended = true;
            const text = Buffer.concat(chunks).toString('utf8');
            const headers = {};
            for (const h of KEPT_RESPONSE_HEADERS)
                if (res.headers[h] !== undefined)
                    headers[h] = res.headers[h];
            const response = { status: res.status, headers, body: redactor ? redactor.redact(text) : text };
            // The caller sees the end only once the file is written, so a caller that has read the
            // whole answer can rely on the recording being there.
            this.#save(described, response).then(() => {
                out.end();
                settle();
            }, (err) => {
                out.destroy(err);
                settle();
            });
        });
        out.on('close', () => {
            if (ended)
                return;
            callerStopped = true;
            // A provider stops reading at its vendor's terminal event (`[DONE]`, `message_stop`) and
            // may leave a few trailing bytes: read them so the exchange is still recorded. A caller
            // that has gone away aborts the signal instead, and the upstream call is dropped unsaved.
            if (req.signal.aborted)
                source.destroy();
            else
                source.resume();
        });
        return { status: res.status, headers: res.headers, body: out };
    }
    async #save(described, response) {
        let entry = this.#files.get(described.hash);
        if (!entry) {
            entry = { file: { version: EXCHANGE_FILE_VERSION, hash: described.hash, request: described.request, responses: [] }, writes: Promise.resolve() };
            this.#files.set(described.hash, entry);
        }
        entry.file.responses.push(response);
        const text = `${JSON.stringify(entry.file, null, 2)}\n`;
        const write = entry.writes.then(() => this.#write(described.hash, text));
        entry.writes = write.catch(() => { });
        return write;
    }
    async #write(hash, text) {
        const file = (0,external_node_path_.join)(this.dir, `${hash}.json`);
        const tmp = (0,external_node_path_.join)(this.dir, `.${hash}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
        try {
            this.#dirReady ??= (0,external_node_fs_promises_.mkdir)(this.dir, { recursive: true }).then(() => undefined);
            await this.#dirReady;
            await (0,external_node_fs_promises_.writeFile)(tmp, text);
            await (0,external_node_fs_promises_.rename)(tmp, file);
        }
        catch (err) {
            this.#dirReady = undefined;
            await (0,external_node_fs_promises_.rm)(tmp, { force: true }).catch(() => { });
            const code = err.code ?? err.message;
            throw new errors/* GatewayError */.Fe('internal', `Could not save the recorded exchange ${file}: ${code}. Check that ${this.dir} is a writable directory.`, { cause: err });
        }
    }
}
/** Serves recorded exchanges from `dir`; never touches the network. */
class ReplayUpstream extends upstream/* Upstream */.OS {
    dir;
    #redactor;
    #loaded = new Map();
    constructor(dir, options = {}) {
        if (!(0,external_node_fs_.existsSync)(dir))
            throw new ReplayError(`The replay directory ${dir} does not exist. Record exchanges into it first with --record ${dir}.`, undefined);
        super();
        this.dir = dir;
        this.#redactor = resolveRedactor(options.redactor);
    }
    async send(who, req) {
        if (req.signal.aborted)
            throw cancelledError(who);
        const described = describe(req, this.#redactor());
        let loading = this.#loaded.get(described.hash);
        if (!loading) {
            loading = this.#load(who, described);
            this.#loaded.set(described.hash, loading);
            // A miss is not remembered: the file may be recorded while this gateway runs.
            void loading.catch(() => this.#loaded.delete(described.hash));
        }
        const recording = await loading;
        const response = recording.responses[Math.min(recording.next, recording.responses.length - 1)];
        recording.next++;
        const bytes = Buffer.from(response.body, 'utf8');
        return { status: response.status, headers: { ...response.headers }, body: external_node_stream_.Readable.from(bytes.length ? [bytes] : [], { objectMode: false }) };
    }
    async #load(who, described) {
        const file = (0,external_node_path_.join)(this.dir, `${described.hash}.json`);
        let text;
        try {
            text = await (0,external_node_fs_promises_.readFile)(file, 'utf8');
        }
        catch (err) {
            if (err.code === 'ENOENT') {
                throw new ReplayError(`No recorded exchange for ${described.label} (request hash ${described.hash}) in ${this.dir}. Re-record with --record ${this.dir}.`, described.hash, { provider: who });
            }
            throw new ReplayError(`Could not read the recorded exchange ${file}: ${err.code ?? String(err)}.`, described.hash, { provider: who, cause: err });
        }
        let parsed;
        try {
            parsed = exchangeFileSchema.parse(JSON.parse(text));
        }
        catch (err) {
            throw new ReplayError(`The recorded exchange ${file} is not a valid recording (${err instanceof classic_errors/* ZodError */.G ? core_errors/* prettifyError */.S1(err).split('\n').join(' ') : 'not JSON'}). Re-record with --record ${this.dir}.`, described.hash, {
                provider: who,
                cause: err,
            });
        }
        return { responses: parsed.responses, next: 0 };
    }
}

;// CONCATENATED MODULE: ./build/src/gateway/governance/retry.js
/**
 * Retries of one endpoint's upstream call: only for failures another try can fix (the upstream's
 * 429, 5xx, timeouts, unreachable hosts), never for a request the upstream refused (4xx) or one
 * whose caller has gone. The wait is the upstream's `Retry-After` when it sent one, else "full
 * jitter" exponential backoff, so many gateways retrying the same overloaded upstream spread out.
 *
 * `Retry-After` is honoured up to MAX_RETRY_AFTER_SECONDS. A longer one is not waited out: the
 * error (with its Retry-After) goes back to the caller at once, who is better placed to decide
 * whether to wait minutes than a gateway holding the request open.
 */



const MAX_RETRY_AFTER_SECONDS = 60;
/** Whether another attempt could succeed where this one failed. */
function isRetryable(error) {
    if (!(error instanceof errors/* GatewayError */.Fe))
        return false;
    // A replay miss or unreadable recording stays one however often it is asked.
    if (error instanceof ReplayError)
        return false;
    // 499: the caller went away; nobody is waiting for a retry.
    if (error.status === 499)
        return false;
    switch (error.kind) {
        case 'rate_limit':
        case 'timeout':
        case 'unavailable':
            return true;
        case 'upstream':
            return error.status >= 500;
        default:
            return false;
    }
}
/** The wait before retrying after failed attempt `n`; undefined when the upstream asks for more than we wait. */
function retryDelayMs(n, error, config, random) {
    if (error.retryAfter !== undefined)
        return error.retryAfter > MAX_RETRY_AFTER_SECONDS ? undefined : error.retryAfter * 1000;
    return random() * Math.min(config.max_backoff_ms, config.backoff_ms * 2 ** (n - 1));
}
const defaultSleep = (ms, signal) => (0,promises_.setTimeout)(ms, undefined, { signal });
/**
 * Runs `attempt(1)`, then `attempt(2)`, ... until one succeeds, an error is not retryable, or
 * `config.max_attempts` (which counts the first try; no config means one attempt) are used up.
 * Throws the last attempt's error as it was thrown; a wait cut short by `signal` throws a 499
 * (caller gone) or, when the signal's reason is a TimeoutError, a 504.
 */
async function withRetries(attempt, config, options) {
    const { signal } = options;
    const maxAttempts = config?.max_attempts ?? 1;
    const sleep = options.sleep ?? defaultSleep;
    const random = options.random ?? Math.random;
    for (let n = 1;; n++) {
        try {
            return await attempt(n);
        }
        catch (err) {
            const error = (0,errors/* asGatewayError */.VG)(err);
            const wait = config && n < maxAttempts && !signal.aborted && isRetryable(error) ? retryDelayMs(n, error, config, random) : undefined;
            options.onFailure?.(n, error, wait !== undefined);
            // The original, not the GatewayError view: a plugin's own error keeps its stack for the log.
            if (wait === undefined)
                throw err;
            try {
                await sleep(wait, signal);
            }
            catch (sleepError) {
                throw cancelled(signal, error, sleepError);
            }
            if (signal.aborted)
                throw cancelled(signal, error, undefined);
        }
    }
}
/** Why a wait between attempts ended early: the caller's deadline, or the caller leaving. */
function cancelled(signal, last, sleepError) {
    if (!signal.aborted)
        return (0,errors/* asGatewayError */.VG)(sleepError);
    const reason = signal.reason;
    if (reason instanceof errors/* GatewayError */.Fe)
        return reason;
    if (reason instanceof Error && reason.name === 'TimeoutError') {
        return new errors/* GatewayError */.Fe('timeout', `The request's deadline passed while waiting to retry after: ${last.message}`, { cause: last, provider: last.provider });
    }
    return new errors/* GatewayError */.Fe('unavailable', 'The caller went away while the gateway waited to retry; the request was cancelled.', { status: 499, cause: last, provider: last.provider });
}

;// CONCATENATED MODULE: ./build/src/gateway/observe/cost.js
const PER_MILLION = 1_000_000;
/**
 * Nine decimals is a billionth of the currency unit, far below any real price step; rounding there
 * keeps `0.1 + 0.2` noise out of logs, traces and the stats route.
 */
function round9(value) {
    return Math.round(value * 1e9) / 1e9;
}
/** A count an upstream sent; a missing, negative or non-numeric one is counted as none. */
function tokens(n) {
    return Number.isFinite(n) && n > 0 ? n : 0;
}
/** The pricing entry for a model, or undefined; only the block's own keys count, never `constructor` and friends. */
function priceOf(pricing, provider, model) {
    const qualified = `${provider}/${model}`;
    if (Object.hasOwn(pricing, qualified))
        return pricing[qualified];
    if (Object.hasOwn(pricing, model))
        return pricing[model];
    return undefined;
}
/**
 * What a request cost in its model's currency, or undefined when the model has no price or the
 * upstream reported no usage (an unknown cost is not a zero cost).
 */
function costOf(pricing, provider, model, usage) {
    if (!usage)
        return undefined;
    const entry = priceOf(pricing, provider, model);
    if (!entry)
        return undefined;
    const input = round9((tokens(usage.prompt_tokens) * entry.input_per_million_tokens) / PER_MILLION);
    const output = round9((tokens(usage.completion_tokens) * entry.output_per_million_tokens) / PER_MILLION);
    return { input, output, total: round9(input + output), currency: entry.currency };
}

;// CONCATENATED MODULE: ./build/src/gateway/observe/usage-sniffer.js
/** A whole answer above this is not kept for parsing; its usage goes uncounted rather than costing memory. */
const MAX_JSON_BYTES = 8 * 1024 * 1024;
function num(value) {
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}
function obj(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}
/** Usage in one vendor object (a whole answer or one stream event), as far as it says. */
function usageIn(vendor, event) {
    if (vendor === 'gemini') {
        const u = obj(event.usageMetadata);
        if (!u)
            return {};
        const thoughts = num(u.thoughtsTokenCount) ?? 0;
        const candidates = num(u.candidatesTokenCount);
        return { prompt: num(u.promptTokenCount), completion: candidates === undefined ? undefined : candidates + thoughts };
    }
    // Anthropic's stream carries usage in message_start (`message.usage`) and message_delta (`usage`);
    // OpenAI's Responses stream in response.completed (`response.usage`).
    const u = obj(event.usage) ?? obj(obj(event.message)?.usage) ?? obj(obj(event.response)?.usage);
    if (!u)
        return {};
    if (vendor === 'anthropic') {
        const input = num(u.input_tokens);
        const cached = (num(u.cache_creation_input_tokens) ?? 0) + (num(u.cache_read_input_tokens) ?? 0);
        return { prompt: input === undefined ? undefined : input + cached, completion: num(u.output_tokens) };
    }
    return { prompt: num(u.prompt_tokens) ?? num(u.input_tokens), completion: num(u.completion_tokens) ?? num(u.output_tokens) };
}
class UsageSniffer {
    #vendor;
    #stream;
    #decoder = new TextDecoder();
    #text = '';
    #bytes = 0;
    #prompt;
    #completion;
    constructor(vendor, stream) {
        this.#vendor = vendor;
        this.#stream = stream;
    }
    feed(chunk) {
        this.#bytes += chunk.byteLength;
        if (!this.#stream) {
            if (this.#bytes <= MAX_JSON_BYTES)
                this.#text += this.#decoder.decode(chunk, { stream: true });
            return;
        }
        this.#text += this.#decoder.decode(chunk, { stream: true });
        const lastBreak = this.#text.lastIndexOf('\n');
        if (lastBreak < 0)
            return;
        const complete = this.#text.slice(0, lastBreak);
        this.#text = this.#text.slice(lastBreak + 1);
        if (!complete.includes('sage'))
            return; // `usage`, `usageMetadata`: skip the many events without
        for (const line of complete.split('\n')) {
            if (line.startsWith('data:') && (line.includes('usage') || line.includes('usageMetadata')))
                this.#take(line.slice(5));
        }
    }
    #take(text) {
        let parsed;
        try {
            parsed = JSON.parse(text);
        }
        catch {
            return;
        }
        const event = obj(Array.isArray(parsed) ? parsed[0] : parsed);
        if (!event)
            return;
        const { prompt, completion } = usageIn(this.#vendor, event);
        // Later events restate or complete earlier ones (Anthropic's message_delta has the final output count).
        if (prompt !== undefined && (this.#prompt === undefined || prompt > 0))
            this.#prompt = prompt;
        if (completion !== undefined)
            this.#completion = completion;
    }
    /** The usage seen, once the body has ended; undefined when the answer said none. */
    result() {
        if (!this.#stream && this.#bytes <= MAX_JSON_BYTES)
            this.#take(this.#text + this.#decoder.decode());
        if (this.#prompt === undefined && this.#completion === undefined)
            return undefined;
        return { prompt_tokens: this.#prompt ?? 0, completion_tokens: this.#completion ?? 0 };
    }
}

// EXTERNAL MODULE: ./build/src/gateway/secrets.js
var secrets = __webpack_require__(94269);
// EXTERNAL MODULE: external "node:stream/consumers"
var consumers_ = __webpack_require__(38321);
;// CONCATENATED MODULE: ./build/src/gateway/gateway.js
/**
 * The gateway's runtime: the current config with one Provider per endpoint, swapped atomically on
 * reload, and the operations every front calls (chat, completions, embeddings, passthrough).
 *
 * Governance lives here, once, for every front: a name resolves to an endpoint (or a traffic-split
 * route picks one by weight), the endpoint's token bucket admits the call or answers 429 with
 * Retry-After, an opt-in cache answers repeats, and the call runs with retries (jittered backoff,
 * Retry-After honoured) down the endpoint's fallback chain. Each request leaves a RequestRecord
 * (attempts, usage, cost, timings; never prompt text) that observers — metrics, access log,
 * server-side tracing — receive when it is over.
 */










/** One request as it runs: its caller's signal and the record observers will receive. */
class RequestContext {
    record;
    signal;
    finished = false;
    constructor(front, signal, headers = {}) {
        this.signal = signal;
        this.record = {
            id: (0,external_node_crypto_.randomUUID)(),
            endpoint: '',
            operation: 'chat',
            front,
            stream: false,
            startMs: Date.now(),
            endMs: 0,
            status: 0,
            attempts: [],
            cacheHit: false,
            rateLimited: false,
            upstreamMs: 0,
            ...(headers.traceparent ? { traceparent: headers.traceparent } : {}),
            ...(headers.caller ? { caller: headers.caller } : {}),
        };
    }
}
const OPERATION_TYPE = { chat: 'llm/v1/chat', completions: 'llm/v1/completions', embeddings: 'llm/v1/embeddings' };
/** Errors a fallback endpoint cannot fix: the request itself is wrong, or nobody is listening. */
function fallbackCannotHelp(e) {
    return e.kind === 'invalid_request' || e.status === 499;
}
function gateway_tokens(usage) {
    if (!usage || (usage.prompt_tokens === null && usage.completion_tokens === null))
        return undefined;
    return { prompt_tokens: usage.prompt_tokens ?? 0, completion_tokens: usage.completion_tokens ?? 0 };
}
class Gateway {
    upstream;
    state;
    random;
    sleep;
    ownsUpstream;
    limiter;
    cache;
    observers;
    constructor(config, options = {}) {
        this.ownsUpstream = options.upstream === undefined;
        this.upstream = options.upstream ?? new upstream/* Upstream */.OS();
        this.random = options.random ?? Math.random;
        this.sleep = options.sleep;
        this.limiter = new RateLimiter(options.now ? { now: options.now } : {});
        this.cache = new ResponseCache(options.now ? { now: options.now } : {});
        this.observers = [...(options.observers ?? [])];
        this.state = this.build(config);
    }
    /** Builds providers for a new config and swaps it in only if every one of them builds. */
    reload(config) {
        this.state = this.build(config);
        this.limiter.retain(config.endpoints.map((e) => e.name));
        // A cached answer may come from a model the new config no longer uses.
        this.cache.clear();
    }
    addObserver(observer) {
        this.observers.push(observer);
    }
    get config() {
        return this.state.config;
    }
    get redactor() {
        return this.state.redactor;
    }
    build(config) {
        const endpoints = new Map();
        for (const e of config.endpoints) {
            const provider = e.module.create({ endpoint: e.name, endpointType: e.endpoint_type, model: e.model.name, config: e.model.config, upstream: this.upstream });
            endpoints.set(e.name, { config: e, provider });
        }
        return { config, endpoints, routes: new Map(config.routes.map((r) => [r.name, r])), redactor: new secrets/* Redactor */.p(config.secrets) };
    }
    /** Endpoint and route names, for "did you mean" messages and `/v1/models`. */
    names() {
        return [...this.state.endpoints.keys(), ...this.state.routes.keys()];
    }
    /** Whether a name is an endpoint or a route of the running config. */
    knows(name) {
        return this.state.endpoints.has(name) || this.state.routes.has(name);
    }
    describeAll() {
        return this.state.config.endpoints.map((e) => gateway_describe(e));
    }
    describe(name) {
        const e = this.state.endpoints.get(name);
        return e ? gateway_describe(e.config) : undefined;
    }
    /** The endpoint a name selects now (a route picks a destination by its traffic percentages). */
    resolve(name) {
        const { endpoints, routes } = this.state;
        const direct = endpoints.get(name);
        if (direct)
            return direct;
        const route = routes.get(name);
        if (route) {
            let roll = this.random() * 100;
            for (const d of route.destinations) {
                roll -= d.traffic_percentage;
                if (roll < 0)
                    return endpoints.get(d.name);
            }
            return endpoints.get(route.destinations.at(-1).name);
        }
        const known = this.names();
        throw new errors/* GatewayError */.Fe('not_found', `No endpoint named '${name}'. ${known.length ? `Configured endpoints: ${known.join(', ')}.` : 'The gateway config has no endpoints.'} Add it to the gateway config file or use one of these names.`);
    }
    /** The endpoint's type, for the unified route that decides chat vs embeddings by body and endpoint. */
    endpointType(name) {
        const { endpoints, routes } = this.state;
        const route = routes.get(name);
        if (route)
            return route.task_type;
        return (endpoints.get(name) ?? this.resolve(name)).config.endpoint_type;
    }
    forOperation(name, operation) {
        const e = this.resolve(name);
        const wanted = OPERATION_TYPE[operation];
        if (e.config.endpoint_type !== wanted) {
            throw new errors/* GatewayError */.Fe('invalid_request', `Endpoint '${name}' is of type ${e.config.endpoint_type}, but this request is ${wanted}. Send it to an ${wanted} endpoint or use the route for ${e.config.endpoint_type}.`);
        }
        return e;
    }
    call(e, signal) {
        const t = e.config.timeout_seconds;
        return t === undefined ? { signal } : { signal, timeoutMs: t * 1000 };
    }
    // ---- the governed call ----
    /** Admits the request (rate limit) and returns the chain of endpoints to try, first to last fallback. */
    admit(rc, name, operation, stream) {
        rc.record.endpoint = name;
        rc.record.operation = operation;
        rc.record.stream = stream;
        const first = this.forOperation(name, operation);
        const limit = first.config.limit;
        if (limit) {
            const verdict = this.limiter.take(first.config.name, limit);
            if (!verdict.allowed) {
                rc.record.rateLimited = true;
                throw new errors/* GatewayError */.Fe('rate_limit', `Rate limit of endpoint '${first.config.name}' reached (${limit.calls} calls per ${limit.renewal_period}). Retry after ${verdict.retryAfterSeconds} s.`, {
                    retryAfter: verdict.retryAfterSeconds,
                });
            }
        }
        const chain = [first];
        for (const fallback of first.config.fallbacks) {
            const e = this.state.endpoints.get(fallback);
            if (e)
                chain.push(e);
        }
        return chain;
    }
    /**
     * Runs `attempt` against each endpoint of the chain with that endpoint's retries, recording each
     * try. Returns the first success; throws the last failure when every endpoint failed.
     */
    async runChain(rc, chain, attempt) {
        let last;
        for (const [index, e] of chain.entries()) {
            let startMs = Date.now();
            let n = 0;
            try {
                const value = await withRetries(async (tryNumber) => {
                    n = tryNumber;
                    startMs = Date.now();
                    return attempt(e, this.call(e, rc.signal));
                }, e.config.retries, {
                    signal: rc.signal,
                    ...(this.sleep ? { sleep: this.sleep } : {}),
                    random: this.random,
                    onFailure: (tryNumber, error) => this.recordAttempt(rc, e, tryNumber, index > 0, startMs, error),
                });
                this.recordAttempt(rc, e, n, index > 0, startMs);
                rc.record.servedBy = { endpoint: e.config.name, provider: e.provider.name, model: e.provider.model };
                return { value, endpoint: e };
            }
            catch (err) {
                // Decide on the gateway's view of the error, but rethrow the original: its stack is the log's.
                last = err;
                const e = (0,errors/* asGatewayError */.VG)(err);
                if (fallbackCannotHelp(e) || rc.signal.aborted)
                    throw err;
            }
        }
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- rethrows what an attempt threw, unchanged
        throw last ?? new errors/* GatewayError */.Fe('internal', 'No endpoint to call.');
    }
    recordAttempt(rc, e, attempt, fallback, startMs, error) {
        const endMs = Date.now();
        rc.record.upstreamMs += endMs - startMs;
        rc.record.attempts.push({
            endpoint: e.config.name,
            provider: e.provider.name,
            model: e.provider.model,
            attempt,
            fallback,
            startMs,
            endMs,
            status: error ? error.status : 200,
            ...(error ? { error: { kind: error.kind, message: this.redactor.redact(error.message) } } : {}),
        });
    }
    /** Ends a request's record once and hands it to the observers; an observer's failure never reaches the caller. */
    finish(rc, error) {
        if (rc.finished)
            return;
        rc.finished = true;
        const r = rc.record;
        r.endMs = Date.now();
        if (error === undefined) {
            // A relayed vendor answer keeps the vendor's status (passthrough of a 400, say).
            if (r.status === 0)
                r.status = 200;
        }
        else {
            const e = (0,errors/* asGatewayError */.VG)(error);
            r.status = e.status;
            r.error = { kind: e.kind, message: this.redactor.redact(e.message) };
        }
        if (r.usage && r.servedBy) {
            const cost = costOf(this.state.config.pricing, r.servedBy.provider, r.servedBy.model, r.usage);
            if (cost)
                r.cost = cost;
        }
        for (const o of this.observers) {
            try {
                o.onRequest(r);
            }
            catch {
                // Observability must not break serving; observers report their own failures.
            }
        }
    }
    /** A whole (non-streamed) answer through the governed path, cached when the endpoint opts in. */
    async whole(rc, name, operation, request, invoke, usageOf) {
        try {
            const chain = this.admit(rc, name, operation, false);
            const cacheConfig = chain[0].config.cache;
            const key = cacheConfig ? this.cache.key(chain[0].config.name, operation, request) : undefined;
            if (key !== undefined && cacheConfig) {
                const hit = this.cache.get(key, cacheConfig);
                if (hit !== undefined) {
                    rc.record.cacheHit = true;
                    const first = chain[0];
                    rc.record.servedBy = { endpoint: first.config.name, provider: first.provider.name, model: first.provider.model };
                    this.finish(rc);
                    return hit;
                }
            }
            const { value } = await this.runChain(rc, chain, invoke);
            const used = usageOf(value);
            if (used)
                rc.record.usage = used;
            if (key !== undefined && cacheConfig)
                this.cache.set(key, value, cacheConfig);
            this.finish(rc);
            return value;
        }
        catch (err) {
            this.finish(rc, err);
            throw err;
        }
    }
    /**
     * A stream through the governed path. Retries and fallbacks apply until the first chunk arrives
     * (so a refused request is an HTTP error, not an in-band one); after that the stream is the
     * caller's, and its end (or failure) ends the record.
     */
    async streamed(rc, name, operation, open) {
        try {
            const chain = this.admit(rc, name, operation, true);
            const { value } = await this.runChain(rc, chain, (e, call) => started(open(e, call)));
            const attempt = rc.record.attempts.at(-1);
            return this.tracked(rc, value, attempt, (c) => c.usage);
        }
        catch (err) {
            this.finish(rc, err);
            throw err;
        }
    }
    async *tracked(rc, chunks, attempt, usageOf) {
        const streamStart = attempt.endMs;
        let failure;
        try {
            for await (const chunk of chunks) {
                const used = gateway_tokens(usageOf(chunk));
                if (used)
                    rc.record.usage = used;
                yield chunk;
            }
        }
        catch (err) {
            failure = err;
            throw err;
        }
        finally {
            // The stream's life is upstream time too: the overhead header counts only our own work.
            const now = Date.now();
            rc.record.upstreamMs += now - streamStart;
            attempt.endMs = now;
            // A consumer that stopped early (client gone) ends the request as cancelled.
            this.finish(rc, failure ?? (rc.signal.aborted ? new errors/* GatewayError */.Fe('unavailable', 'The caller went away mid-stream.', { status: 499 }) : undefined));
        }
    }
    async chat(name, request, rc) {
        return this.whole(rc, name, 'chat', request, (e, call) => e.provider.chat(request, call), (r) => gateway_tokens(r.usage));
    }
    async chatStream(name, request, rc) {
        return this.streamed(rc, name, 'chat', (e, call) => e.provider.chatStream(request, call));
    }
    async completions(name, request, rc) {
        return this.whole(rc, name, 'completions', request, (e, call) => e.provider.completions(request, call), (r) => gateway_tokens(r.usage));
    }
    async completionsStream(name, request, rc) {
        return this.streamed(rc, name, 'completions', (e, call) => e.provider.completionsStream(request, call));
    }
    async embeddings(name, request, rc) {
        return this.whole(rc, name, 'embeddings', request, (e, call) => e.provider.embeddings(request, call), (r) => (r.usage.prompt_tokens === null ? undefined : { prompt_tokens: r.usage.prompt_tokens, completion_tokens: 0 }));
    }
    /**
     * Forwards a vendor-native request verbatim when the endpoint's provider speaks that vendor's
     * API; undefined when it does not, or when the endpoint has fallbacks or a cache (those need
     * the translated path, which can switch providers and read answers), and the front translates.
     * Rate limits and retries apply; the record ends when the body has been relayed.
     */
    async passthrough(name, request, rc) {
        const candidate = this.resolveForPassthrough(name);
        if (!candidate?.provider.accepts?.(request))
            return undefined;
        try {
            const chain = this.admit(rc, name, 'chat', request.stream);
            rc.record.operation = 'passthrough';
            const e = chain[0];
            const { value } = await this.runChain(rc, [e], async (endpoint, call) => {
                const res = await endpoint.provider.passthrough(request, call);
                if (!res)
                    throw new errors/* GatewayError */.Fe('internal', 'The provider declined a passthrough it had accepted.');
                // A retryable refusal is retried like any other, and keeps the vendor's own message.
                if (res.status === 429 || res.status >= 500)
                    throw (0,upstream/* upstreamError */.Oh)(endpoint.provider.name, res.status, await (0,consumers_.text)(res.body), res.headers);
                return res;
            });
            rc.record.status = value.status;
            const attempt = rc.record.attempts.at(-1);
            const sniffer = value.status < 300 ? new UsageSniffer(request.vendor, request.stream) : undefined;
            return { ...value, body: this.tracked(rc, sniffed(rc, value.body, sniffer), attempt, () => undefined) };
        }
        catch (err) {
            const e = (0,errors/* asGatewayError */.VG)(err);
            // Out of retries on an upstream refusal: relay what the vendor said, as MLflow's passthrough does.
            this.finish(rc, e);
            throw e;
        }
    }
    resolveForPassthrough(name) {
        const e = this.state.endpoints.get(name) ?? (this.state.routes.has(name) ? undefined : this.resolve(name));
        if (!e?.provider.passthrough || e.config.fallbacks.length > 0 || e.config.cache)
            return undefined;
        return e;
    }
    async close() {
        for (const o of this.observers)
            await o.close?.();
        if (this.ownsUpstream)
            await this.upstream.close();
    }
}
function gateway_describe(e) {
    return {
        name: e.name,
        endpoint_type: e.endpoint_type,
        model: { name: e.model.name, provider: e.model.provider },
        endpoint_url: `/gateway/${e.name}/invocations`,
        limit: e.limit ? { calls: e.limit.calls, key: e.limit.key ?? null, renewal_period: e.limit.renewal_period } : null,
    };
}
/** Relayed bytes, unchanged, with the vendor's usage put on the record once they have all passed. */
async function* sniffed(rc, body, sniffer) {
    if (!sniffer) {
        yield* body;
        return;
    }
    for await (const chunk of body) {
        sniffer.feed(chunk);
        yield chunk;
    }
    const usage = sniffer.result();
    if (usage)
        rc.record.usage = usage;
}
/** Pulls the first item now (so upstream refusals surface before any byte is sent), then the rest. */
async function started(stream) {
    const it = stream[Symbol.asyncIterator]();
    const first = await it.next();
    return {
        async *[Symbol.asyncIterator]() {
            try {
                if (first.done)
                    return;
                yield first.value;
                for (;;) {
                    const next = await it.next();
                    if (next.done)
                        return;
                    yield next.value;
                }
            }
            finally {
                // The consumer stopped early (client gone): let the provider release its upstream socket.
                await it.return?.();
            }
        },
    };
}

;// CONCATENATED MODULE: ./build/src/gateway/observe/access-log.js
/** The two values a caller writes freely; a log line is no place for a megabyte of either. */
const MAX_CALLER_TEXT = 256;
function clip(text) {
    return text.length > MAX_CALLER_TEXT ? `${text.slice(0, MAX_CALLER_TEXT)}…` : text;
}
function ms(value) {
    return Math.round(Math.max(0, value) * 1000) / 1000;
}
function accessLogEntry(record) {
    const duration = ms(record.endMs - record.startMs);
    const upstream = ms(record.upstreamMs);
    return {
        time: new Date(record.startMs).toISOString(),
        request_id: record.id,
        endpoint: clip(record.endpoint),
        served_by: record.servedBy?.endpoint ?? null,
        provider: record.servedBy?.provider ?? null,
        model: record.servedBy?.model ?? null,
        front: record.front,
        operation: record.operation,
        stream: record.stream,
        status: record.status,
        error_kind: record.error?.kind ?? null,
        duration_ms: duration,
        upstream_ms: upstream,
        overhead_ms: ms(duration - upstream),
        attempts: record.attempts.length,
        cache_hit: record.cacheHit,
        rate_limited: record.rateLimited,
        prompt_tokens: record.usage?.prompt_tokens ?? null,
        completion_tokens: record.usage?.completion_tokens ?? null,
        cost: record.cost?.total ?? null,
        currency: record.cost?.currency ?? null,
        caller: record.caller === undefined ? null : clip(record.caller),
    };
}
class AccessLog {
    #write;
    /** `write` gets one line of JSON per request, without a trailing newline. */
    constructor(write, _options = {}) {
        this.#write = write;
    }
    onRequest(record) {
        this.#write(JSON.stringify(accessLogEntry(record)));
    }
}

// EXTERNAL MODULE: ./node_modules/prom-client/index.js
var prom_client = __webpack_require__(95222);
;// CONCATENATED MODULE: ./build/src/gateway/observe/metrics.js
/**
 * Prometheus metrics for `GET /metrics` and the same figures as JSON for the UI's
 * `GET /api/2.0/gateway/stats`, both built from the RequestRecords the gateway hands its observers.
 *
 * Each GatewayMetrics has its own prom-client Registry, never the global default one: several
 * gateways (a standalone one and one inside the tracking server, or many in a test process) may
 * live in one process and must not count each other's requests.
 *
 * Label values come only from the config (endpoint, provider names), the record's status and
 * error kind, never from request content. The one value a caller chooses is the endpoint name it
 * asks for: a request for a name the config does not have is counted under `endpoint="(unknown)"`,
 * or anyone could create a new time series per request and exhaust the scraper's memory.
 *
 * Counting rules, shared by /metrics and stats():
 * - every request counts once in requests and latency, whatever its outcome, under the name the
 *   caller asked for (a traffic-split route or the primary of a fallback chain), with `provider`
 *   the provider that finally answered, or `none`;
 * - errors: requests that ended in an error, by the error's kind (our own 429s included; a status
 *   of 400 or more without one counts under the kind that status means);
 * - rate_limited: requests our own limiter rejected (an upstream's 429 is an error, not this);
 * - fallbacks: requests that went on to at least one fallback endpoint;
 * - attempts: upstream calls (first tries, retries, fallback tries), each a success or an error;
 * - tokens and cost: what the upstreams were paid for, so a cache hit adds none.
 */


/** The endpoint label for a name the config does not have. */
const UNKNOWN_ENDPOINT = '(unknown)';
/** The provider label for a request no provider answered: rejected by our limiter, or failed everywhere. */
const NO_PROVIDER = 'none';
/** LLM calls run from a few milliseconds (cache, embeddings) to minutes (long generations). */
const LATENCY_BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120];
/** How many recent requests per endpoint the latency percentiles are computed over. */
const DEFAULT_LATENCY_WINDOW = 1024;
const DEFAULT_CURRENCY = 'USD';
/** Recent latencies in a ring; percentiles are read rarely (a UI poll), so sorting then is fine. */
class LatencyWindow {
    #values;
    #size = 0;
    #next = 0;
    constructor(capacity) {
        this.#values = new Float64Array(capacity);
    }
    add(ms) {
        this.#values[this.#next] = ms;
        this.#next = (this.#next + 1) % this.#values.length;
        if (this.#size < this.#values.length)
            this.#size++;
    }
    percentiles() {
        if (this.#size === 0)
            return undefined;
        const sorted = this.#values.slice(0, this.#size).sort();
        const rank = (p) => sorted[Math.min(this.#size, Math.max(1, Math.ceil((p / 100) * this.#size))) - 1] ?? 0;
        return { p50: rank(50), p95: rank(95), p99: rank(99) };
    }
}
function increment(map, key, by = 1) {
    map.set(key, (map.get(key) ?? 0) + by);
}
/** Prometheus counters refuse to go down: a missing or nonsensical upstream figure counts as none. */
function amount(n) {
    return Number.isFinite(n) && n > 0 ? n : 0;
}
function round3(ms) {
    return Math.round(ms * 1000) / 1000;
}
/** One endpoint's (or all endpoints') running figures; counts are plain integers, so exact. */
class Figures {
    requests = 0;
    errors = 0;
    rateLimited = 0;
    cacheHits = 0;
    fallbacks = 0;
    attempts = 0;
    promptTokens = 0;
    completionTokens = 0;
    /** In billionths of the currency (costOf rounds there), so sums of many requests stay exact. */
    costNano = new Map();
    byStatus = new Map();
    byProvider = new Map();
    latencySumMs = 0;
    latency;
    constructor(window) {
        this.latency = new LatencyWindow(window);
    }
    add(s) {
        this.requests++;
        if (s.errorKind)
            this.errors++;
        if (s.rateLimited)
            this.rateLimited++;
        if (s.cacheHit)
            this.cacheHits++;
        if (s.fellBack)
            this.fallbacks++;
        this.attempts += s.attempts;
        this.promptTokens += s.promptTokens;
        this.completionTokens += s.completionTokens;
        if (s.cost)
            increment(this.costNano, s.cost.currency, Math.round(s.cost.total * 1e9));
        increment(this.byStatus, s.status);
        increment(this.byProvider, s.provider);
        this.latencySumMs += s.durationMs;
        this.latency.add(s.durationMs);
    }
    toJSON() {
        const currencies = [...this.costNano.keys()];
        const currency = currencies[0] ?? DEFAULT_CURRENCY;
        const p = this.latency.percentiles();
        return {
            requests: this.requests,
            errors: this.errors,
            rate_limited: this.rateLimited,
            cache_hits: this.cacheHits,
            fallbacks: this.fallbacks,
            attempts: this.attempts,
            tokens: { prompt: this.promptTokens, completion: this.completionTokens },
            cost: {
                total: (this.costNano.get(currency) ?? 0) / 1e9,
                currency,
                by_currency: Object.fromEntries([...this.costNano].map(([c, nano]) => [c, nano / 1e9])),
            },
            latency_ms: {
                p50: p ? round3(p.p50) : null,
                p95: p ? round3(p.p95) : null,
                p99: p ? round3(p.p99) : null,
                mean: this.requests ? round3(this.latencySumMs / this.requests) : null,
            },
            by_status: Object.fromEntries(this.byStatus),
            by_provider: Object.fromEntries(this.byProvider),
        };
    }
}
class GatewayMetrics {
    /** This gateway's own registry; add process metrics to it if wanted, never to the global one. */
    registry;
    #requests;
    #latency;
    #errors;
    #tokens;
    #cost;
    #cacheHits;
    #rateLimited;
    #attempts;
    #fallbacks;
    #isKnownEndpoint;
    #window;
    #now;
    #since;
    #byEndpoint = new Map();
    #totals;
    constructor(options = {}) {
        this.#isKnownEndpoint = options.isKnownEndpoint;
        this.#window = Math.max(1, Math.floor(options.latencyWindow ?? DEFAULT_LATENCY_WINDOW));
        this.#now = options.now ?? Date.now;
        this.#since = this.#now();
        this.#totals = new Figures(this.#window);
        this.registry = new prom_client.Registry();
        const registers = [this.registry];
        this.#requests = new prom_client.Counter({
            name: 'gateway_requests_total',
            help: 'Requests the gateway answered, by endpoint asked for, provider that answered and HTTP status.',
            labelNames: ['endpoint', 'provider', 'status'],
            registers,
        });
        this.#latency = new prom_client.Histogram({
            name: 'gateway_latency_seconds',
            help: 'Time from receiving a request to sending the last byte of its answer (the last chunk of a stream).',
            labelNames: ['endpoint', 'provider'],
            buckets: LATENCY_BUCKETS_SECONDS,
            registers,
        });
        this.#errors = new prom_client.Counter({
            name: 'gateway_errors_total',
            help: 'Requests that ended in an error, by error kind (rate_limit, upstream, timeout, ...).',
            labelNames: ['endpoint', 'type'],
            registers,
        });
        this.#tokens = new prom_client.Counter({
            name: 'gateway_tokens_total',
            help: 'Tokens the upstreams reported, prompt or completion; cache hits add none.',
            labelNames: ['endpoint', 'provider', 'direction'],
            registers,
        });
        this.#cost = new prom_client.Counter({
            name: 'gateway_cost_total',
            help: 'Cost of upstream calls from the config pricing block, in its currency; cache hits add none.',
            labelNames: ['endpoint', 'currency'],
            registers,
        });
        this.#cacheHits = new prom_client.Counter({
            name: 'gateway_cache_hits_total',
            help: 'Requests answered from the response cache.',
            labelNames: ['endpoint'],
            registers,
        });
        this.#rateLimited = new prom_client.Counter({
            name: 'gateway_rate_limited_total',
            help: "Requests the gateway's own rate limit rejected with 429.",
            labelNames: ['endpoint'],
            registers,
        });
        this.#attempts = new prom_client.Counter({
            name: 'gateway_attempts_total',
            help: 'Upstream calls (first tries, retries and fallback tries), by provider and outcome.',
            labelNames: ['endpoint', 'provider', 'outcome'],
            registers,
        });
        this.#fallbacks = new prom_client.Counter({
            name: 'gateway_fallbacks_total',
            help: 'Requests that went on to at least one fallback endpoint.',
            labelNames: ['endpoint'],
            registers,
        });
    }
    onRequest(record) {
        const paid = !record.cacheHit;
        const s = {
            endpoint: this.#endpointLabel(record),
            provider: record.servedBy?.provider ?? NO_PROVIDER,
            status: String(record.status),
            durationMs: Math.max(0, record.endMs - record.startMs),
            errorKind: record.error?.kind ?? (record.status >= 400 ? (0,errors/* kindForStatus */.Av)(record.status) : undefined),
            rateLimited: record.rateLimited,
            cacheHit: record.cacheHit,
            fellBack: record.attempts.some((a) => a.fallback),
            attempts: record.attempts.length,
            promptTokens: paid && record.usage ? amount(record.usage.prompt_tokens) : 0,
            completionTokens: paid && record.usage ? amount(record.usage.completion_tokens) : 0,
            cost: paid && record.cost ? { currency: record.cost.currency, total: amount(record.cost.total) } : undefined,
        };
        const { endpoint, provider } = s;
        this.#requests.inc({ endpoint, provider, status: s.status });
        this.#latency.observe({ endpoint, provider }, s.durationMs / 1000);
        if (s.errorKind)
            this.#errors.inc({ endpoint, type: s.errorKind });
        if (s.rateLimited)
            this.#rateLimited.inc({ endpoint });
        if (s.cacheHit)
            this.#cacheHits.inc({ endpoint });
        if (s.fellBack)
            this.#fallbacks.inc({ endpoint });
        for (const a of record.attempts) {
            this.#attempts.inc({ endpoint, provider: a.provider, outcome: a.error || a.status >= 400 ? 'error' : 'success' });
        }
        if (paid && record.usage) {
            this.#tokens.inc({ endpoint, provider, direction: 'prompt' }, s.promptTokens);
            this.#tokens.inc({ endpoint, provider, direction: 'completion' }, s.completionTokens);
        }
        if (s.cost)
            this.#cost.inc({ endpoint, currency: s.cost.currency }, s.cost.total);
        let figures = this.#byEndpoint.get(endpoint);
        if (!figures)
            this.#byEndpoint.set(endpoint, (figures = new Figures(this.#window)));
        figures.add(s);
        this.#totals.add(s);
    }
    /** The Prometheus text exposition of this gateway's metrics, for `GET /metrics`. */
    async render() {
        return { contentType: this.registry.contentType, body: await this.registry.metrics() };
    }
    /** The same figures as JSON, for `GET /api/2.0/gateway/stats`. */
    stats() {
        return {
            since: new Date(this.#since).toISOString(),
            endpoints: [...this.#byEndpoint]
                .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
                .map(([endpoint, f]) => ({ endpoint, ...f.toJSON() })),
            totals: this.#totals.toJSON(),
        };
    }
    /** Forget everything counted so far. */
    reset() {
        this.registry.resetMetrics();
        this.#byEndpoint = new Map();
        this.#totals = new Figures(this.#window);
        this.#since = this.#now();
    }
    #endpointLabel(record) {
        if (record.servedBy)
            return record.endpoint;
        if (this.#isKnownEndpoint)
            return this.#isKnownEndpoint(record.endpoint) ? record.endpoint : UNKNOWN_ENDPOINT;
        // The gateway answers an unknown name with not_found before calling anything; an upstream's
        // 404 comes after an attempt, for an endpoint that exists.
        return record.error?.kind === 'not_found' && record.attempts.length === 0 ? UNKNOWN_ENDPOINT : record.endpoint;
    }
}

// EXTERNAL MODULE: ./build/src/mlflow/trace-keys.js
var trace_keys = __webpack_require__(49263);
// EXTERNAL MODULE: ./build/src/client/errors.js
var client_errors = __webpack_require__(20486);
// EXTERNAL MODULE: ./build/src/client/client.js
var client_client = __webpack_require__(29418);
// EXTERNAL MODULE: ./build/src/tracing/config.js
var config = __webpack_require__(32556);
// EXTERNAL MODULE: ./build/src/tracing/constants.js
var constants = __webpack_require__(77997);
// EXTERNAL MODULE: ./build/src/tracing/context.js
var context = __webpack_require__(80155);
// EXTERNAL MODULE: ./build/src/tracing/distributed.js
var distributed = __webpack_require__(7481);
// EXTERNAL MODULE: ./build/src/tracing/exporter.js
var tracing_exporter = __webpack_require__(66743);
// EXTERNAL MODULE: ./build/src/tracing/exporters.js
var exporters = __webpack_require__(92322);
// EXTERNAL MODULE: ./build/src/tracing/genai.js
var genai = __webpack_require__(84212);
// EXTERNAL MODULE: ./build/src/tracing/http.js
var http = __webpack_require__(97886);
// EXTERNAL MODULE: ./build/src/tracing/ids.js
var ids = __webpack_require__(72010);
// EXTERNAL MODULE: ./build/src/tracing/json.js
var json = __webpack_require__(20432);
// EXTERNAL MODULE: ./build/src/tracing/span.js
var tracing_span = __webpack_require__(20570);
// EXTERNAL MODULE: ./build/src/tracing/trace.js
var trace = __webpack_require__(73257);
// EXTERNAL MODULE: ./build/src/client/concurrency.js
var concurrency = __webpack_require__(93622);
;// CONCATENATED MODULE: ./build/src/gateway/observe/tracing.js
/**
 * Server-side tracing of gateway requests: each RequestRecord becomes one MLflow trace in
 * experiment `gateway/<endpoint>` (created on first use, tagged
 * `mlflow.experiment.sourceType=GATEWAY`, as MLflow's usage tracking does), with a root span for
 * the request, one child span per upstream attempt (retries and fallbacks included), token usage,
 * cost and MLflow's `mlflow.gateway.*` trace metadata. No prompt or response text is recorded:
 * span inputs and outputs hold only the request's shape (endpoint, operation, front, stream) and
 * outcome (status, served-by model, token counts).
 *
 * Sampling, decided per request after it ended (so errors and durations are known):
 * - a request that failed (status >= 400, rate-limit rejections included) is always kept;
 * - a request slower than `slowThresholdMs` is always kept, tagged `mlflow.trace.slow=true`;
 * - a request carrying a caller's `traceparent` follows the caller's sampled flag (W3C
 *   parent-based sampling), so a caller's kept trace never misses its gateway spans;
 * - any other request is kept with probability `rate` (default 1).
 * A kept trace that was not sampled says why in metadata `mlflow.trace.sampling`
 * (`{"rate":0,"sampled":false,"kept":"error"}`), as the tracing SDK does for slow traces.
 *
 * Distributed traces: with a valid `traceparent` the gateway's spans join the caller's trace
 * (same `tr-<hex>` id; the root span's parent is the caller's span). When the caller sampled its
 * trace, the caller owns the trace info, so the gateway sends only its spans (OTLP `/v1/traces`,
 * which merges by trace id; the gateway facts are then on the root span's attributes, including
 * the `mlflow.gateway.*` keys); the trace lives in the caller's experiment once the caller has
 * logged it. When the caller did not sample (flag 00) and the gateway keeps the request anyway
 * (an error or a slow one), no one else will write the trace info, so the gateway writes it, in
 * `gateway/<endpoint>`, still under the caller's trace id and span.
 *
 * Export is off the request path: `onRequest` builds the spans (a few microseconds) and queues
 * the trace in the tracing SDK's bounded, retrying export queue. Each batch sends the spans of
 * each endpoint's traces in one OTLP request and then one `POST /api/3.0/mlflow/traces` per trace
 * (the trace info with the metadata), as MLflow's Python client does, so the tracking server must
 * accept OTLP (this project's server does; so does MLflow >= 3.4 with a database store). Failures
 * are logged once per burst (and once more when exports work again, with the number of traces
 * lost), never thrown into the gateway. `close()` flushes, bounded by `closeTimeoutMs`.
 */

















const gatewayExperimentName = (endpoint) => `gateway/${endpoint}`;
/** `unified/chat`, `unified/completions`, `unified/embeddings`, or `passthrough/<front>`. */
function gatewayRequestType(record) {
    return record.operation === 'passthrough' ? `passthrough/${record.front}` : `unified/${record.operation}`;
}
const SPAN_TYPE = {
    chat: constants/* SpanType */.du.CHAT_MODEL,
    completions: constants/* SpanType */.du.LLM,
    embeddings: constants/* SpanType */.du.EMBEDDING,
    passthrough: constants/* SpanType */.du.LLM,
};
/** `gen_ai.operation.name`; a passthrough can be any vendor call, so it gets none. */
const GENAI_OPERATION = { chat: 'chat', completions: 'text_completion', embeddings: 'embeddings' };
const DEFAULT_CLOSE_TIMEOUT_MS = 5_000;
const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
const TRACE_INFO_CONCURRENCY = 8;
const defaultLog = {
    info: (m) => console.log(`[gateway-tracing] ${m}`),
    error: (m) => console.warn(`[gateway-tracing] ${m}`),
};
function checkSampling(sampling) {
    const rate = sampling?.rate ?? 1;
    if (typeof rate !== 'number' || !Number.isFinite(rate) || rate < 0 || rate > 1) {
        throw new config/* TracingConfigError */.dX(`tracing.sampling_rate must be a number from 0 to 1 (the fraction of gateway requests traced), got ${String(rate)}.`);
    }
    const slow = sampling?.slowThresholdMs;
    if (slow !== undefined && (typeof slow !== 'number' || !Number.isFinite(slow) || slow < 0)) {
        throw new config/* TracingConfigError */.dX(`tracing.slow_threshold_ms must be a non-negative number of milliseconds, got ${String(slow)}.`);
    }
    return { rate, slowThresholdMs: slow };
}
/** Milliseconds since the epoch (possibly fractional) as exact nanoseconds. */
function msToNs(ms) {
    const whole = Math.floor(ms);
    return BigInt(whole) * 1000000n + BigInt(Math.round((ms - whole) * 1e6));
}
const failed = (status, error) => error !== undefined || status >= 400;
/** The spans of one finished request: they are built after the fact, so "now" is the request's end. */
class RecordOwner {
    traceIdHex;
    #endNs;
    constructor(traceIdHex, endNs) {
        this.traceIdHex = traceIdHex;
        this.#endNs = endNs;
    }
    now() {
        return this.#endNs;
    }
    spanEnded() {
        // The trace is assembled by buildGatewayTrace once every span has ended.
    }
}
/** A failed request or attempt: its error kind as an attribute, an `exception` event, ERROR status. */
function markFailed(span, kind, message, atNs) {
    span.setAttribute(trace_keys/* GatewaySpanAttributeKey */.Cn.ERROR_TYPE, kind);
    span.addEvent({ name: 'exception', timestamp: atNs, attributes: { 'exception.type': kind, 'exception.message': message } });
    span.setStatus(constants/* SpanStatusCode */.sY.ERROR, `${kind}: ${message}`);
}
function attemptSpan(owner, parentId, spanType, operation, a) {
    const name = a.provider && a.model ? `${a.provider}/${a.model}` : `attempt ${a.attempt}`;
    const span = new tracing_span/* LiveSpan */.Ls(owner, { spanId: (0,ids/* newSpanIdHex */.NO)(), parentId, name, startTimeNs: msToNs(a.startMs), spanType });
    span.setAttributes({
        [trace_keys/* GatewaySpanAttributeKey */.Cn.ENDPOINT]: a.endpoint,
        [trace_keys/* GatewaySpanAttributeKey */.Cn.PROVIDER]: a.provider,
        [trace_keys/* GatewaySpanAttributeKey */.Cn.MODEL]: a.model,
        [trace_keys/* GatewaySpanAttributeKey */.Cn.ATTEMPT]: a.attempt,
        [trace_keys/* GatewaySpanAttributeKey */.Cn.FALLBACK]: a.fallback,
        [trace_keys/* GatewaySpanAttributeKey */.Cn.STATUS]: a.status,
    });
    (0,genai/* recordLlmRequest */.e8)(span, { provider: a.provider || undefined, model: a.model || undefined, operation: GENAI_OPERATION[operation] });
    const endTimeNs = msToNs(a.endMs);
    if (failed(a.status, a.error))
        markFailed(span, a.error?.kind ?? 'upstream', a.error?.message ?? `The upstream answered HTTP ${a.status}.`, endTimeNs);
    span.end({ endTimeNs });
    return span;
}
/**
 * The trace of one request (exported for tests and for tools that want the trace without
 * sending it). `keep` is the sampling outcome recorded in the metadata.
 */
function buildGatewayTrace(record, keep = { sampled: true }, sampling = { rate: 1 }) {
    const parent = (0,distributed/* parseTraceparent */.bT)(record.traceparent);
    const startNs = msToNs(record.startMs);
    const endNs = msToNs(Math.max(record.endMs, record.startMs));
    const owner = new RecordOwner(parent ? (0,ids/* fromMlflowTraceId */.ol)(parent.traceId) : (0,ids/* newTraceIdHex */.gJ)(), endNs);
    const spanType = SPAN_TYPE[record.operation] ?? constants/* SpanType */.du.LLM;
    const isError = failed(record.status, record.error);
    const root = new tracing_span/* LiveSpan */.Ls(owner, { spanId: (0,ids/* newSpanIdHex */.NO)(), parentId: parent?.spanId ?? null, name: gatewayExperimentName(record.endpoint), startTimeNs: startNs, spanType });
    const requestType = gatewayRequestType(record);
    root.setInputs({ endpoint: record.endpoint, operation: record.operation, front: record.front, stream: record.stream });
    const attributes = {
        [trace_keys/* GatewaySpanAttributeKey */.Cn.REQUEST_ID]: record.id,
        [trace_keys/* GatewaySpanAttributeKey */.Cn.ENDPOINT]: record.endpoint,
        [trace_keys/* GatewaySpanAttributeKey */.Cn.OPERATION]: record.operation,
        [trace_keys/* GatewaySpanAttributeKey */.Cn.FRONT]: record.front,
        [trace_keys/* GatewaySpanAttributeKey */.Cn.STREAM]: record.stream,
        [trace_keys/* GatewaySpanAttributeKey */.Cn.STATUS]: record.status,
        [trace_keys/* GatewaySpanAttributeKey */.Cn.CACHE_HIT]: record.cacheHit,
        [trace_keys/* GatewaySpanAttributeKey */.Cn.RATE_LIMITED]: record.rateLimited,
        [trace_keys/* GatewaySpanAttributeKey */.Cn.UPSTREAM_MS]: record.upstreamMs,
        [trace_keys/* GatewaySpanAttributeKey */.Cn.ATTEMPTS]: record.attempts.length,
        // Also as span attributes: a continued trace's info belongs to the caller, so these are where
        // the gateway facts of a distributed request live.
        [trace_keys/* GatewayTraceMetadataKey */.mr.ENDPOINT_ID]: record.endpoint,
        [trace_keys/* GatewayTraceMetadataKey */.mr.REQUEST_TYPE]: requestType,
        // An mlflow-ts server takes the info's client_request_id from here when no StartTraceV3 follows.
        [trace_keys/* CLIENT_REQUEST_ID_ATTRIBUTE */.fM]: record.id,
    };
    if (record.caller !== undefined) {
        attributes[trace_keys/* GatewaySpanAttributeKey */.Cn.CALLER] = record.caller;
        attributes[trace_keys/* GatewayTraceMetadataKey */.mr.CALLER] = record.caller;
    }
    if (record.servedBy)
        attributes[trace_keys/* GatewaySpanAttributeKey */.Cn.SERVED_BY] = record.servedBy;
    if (record.cost)
        attributes[trace_keys/* GatewaySpanAttributeKey */.Cn.COST] = record.cost;
    root.setAttributes(attributes);
    (0,genai/* recordLlmRequest */.e8)(root, { provider: record.servedBy?.provider, model: record.servedBy?.model, operation: GENAI_OPERATION[record.operation] });
    const metadata = {
        [constants/* TraceMetadataKey */.C3.SCHEMA_VERSION]: constants/* TRACE_SCHEMA_VERSION */.nM,
        [trace_keys/* GatewayTraceMetadataKey */.mr.ENDPOINT_ID]: record.endpoint,
        [trace_keys/* GatewayTraceMetadataKey */.mr.REQUEST_TYPE]: requestType,
    };
    if (record.caller !== undefined)
        metadata[trace_keys/* GatewayTraceMetadataKey */.mr.CALLER] = record.caller;
    let usage;
    if (record.usage) {
        // Only on the root: the server sums usage over a trace's spans, so a second copy on the attempt would count twice.
        usage = (0,genai/* recordTokenUsage */.W_)(root, { input_tokens: record.usage.prompt_tokens, output_tokens: record.usage.completion_tokens });
        metadata[constants/* TraceMetadataKey */.C3.TOKEN_USAGE] = JSON.stringify(usage);
    }
    if (record.cost && record.cost.currency.toUpperCase() === 'USD') {
        // MLflow's cost keys are USD; another currency stays in gateway.cost only.
        const cost = { input_cost: record.cost.input, output_cost: record.cost.output, total_cost: record.cost.total };
        (0,genai/* recordLlmCost */.cg)(root, cost);
        metadata[trace_keys/* GatewayTraceMetadataKey */.mr.COST] = JSON.stringify(cost);
    }
    if (sampling.rate < 1 || !keep.sampled) {
        const info = { rate: sampling.rate, sampled: keep.sampled };
        if (parent)
            info.parent = parent.sampled;
        if (!keep.sampled) {
            info.kept = keep.reason;
            if (keep.reason === 'slow')
                info.slow_threshold_ms = sampling.slowThresholdMs;
        }
        metadata[constants/* TraceMetadataKey */.C3.SAMPLING] = JSON.stringify(info);
    }
    const outputs = { status: record.status };
    if (record.servedBy)
        outputs.served_by = record.servedBy;
    if (record.usage)
        outputs.usage = record.usage;
    if (record.cacheHit)
        outputs.cache_hit = true;
    root.setOutputs(outputs);
    const children = record.attempts.map((a) => attemptSpan(owner, root.spanId, spanType, record.operation, a));
    if (isError)
        markFailed(root, record.error?.kind ?? 'upstream', record.error?.message ?? `The gateway answered HTTP ${record.status}.`, endNs);
    root.end({ endTimeNs: endNs });
    const tags = { [constants/* TraceTagKey */.bT.TRACE_NAME]: root.name };
    const durationMs = record.endMs - record.startMs;
    if (sampling.slowThresholdMs !== undefined && durationMs > sampling.slowThresholdMs)
        tags[constants/* TraceTagKey */.bT.SLOW] = 'true';
    const requestPreview = (0,json/* previewOf */.oW)(root._attributeText(constants/* SpanAttributeKey */.W5.INPUTS));
    const responsePreview = (0,json/* previewOf */.oW)(root._attributeText(constants/* SpanAttributeKey */.W5.OUTPUTS));
    metadata[constants/* TraceMetadataKey */.C3.INPUTS] = requestPreview;
    metadata[constants/* TraceMetadataKey */.C3.OUTPUTS] = responsePreview;
    const info = {
        traceId: (0,ids/* toMlflowTraceId */.vo)(owner.traceIdHex),
        clientRequestId: record.id,
        requestTime: Math.floor(record.startMs),
        executionDuration: Math.max(0, Math.round(durationMs)),
        state: isError ? 'ERROR' : 'OK',
        requestPreview,
        responsePreview,
        traceMetadata: metadata,
        tags,
    };
    // A sampled caller writes the trace info itself; the gateway's spans are a fragment of its trace.
    const fragment = parent !== undefined && parent.sampled;
    return new trace/* Trace */.Cn(info, [root, ...children], fragment);
}
/** Maps the client's failures onto the export queue's retry rule. */
function asExportError(err, traces) {
    if (err instanceof tracing_exporter/* TraceExportError */._Z) {
        return err.traces ? err : new tracing_exporter/* TraceExportError */._Z(err.message, { retryable: err.retryable, traces, cause: err.cause });
    }
    const message = err instanceof Error ? err.message : String(err);
    let retryable = true;
    if (err instanceof client_errors/* MlflowApiError */.ge)
        retryable = err.status === 408 || err.status === 429 || err.status >= 500;
    else if (!(err instanceof client_errors/* MlflowConnectionError */.s_))
        retryable = false;
    return new tracing_exporter/* TraceExportError */._Z(message, { retryable, traces, cause: err });
}
/** Finds or creates `gateway/<endpoint>`, once per endpoint even when asked concurrently. */
class GatewayExperiments {
    #client;
    #ids = new Map();
    constructor(client) {
        this.#client = client;
    }
    idFor(endpoint) {
        let id = this.#ids.get(endpoint);
        if (!id) {
            const pending = this.#resolve(gatewayExperimentName(endpoint));
            id = pending;
            this.#ids.set(endpoint, pending);
            // A failure is not cached: the next batch asks again.
            pending.catch(() => {
                if (this.#ids.get(endpoint) === pending)
                    this.#ids.delete(endpoint);
            });
        }
        return id;
    }
    async #resolve(name) {
        const experiment = await this.#client.getOrCreateExperiment(name, { tags: { [trace_keys/* EXPERIMENT_SOURCE_TYPE_TAG */.uA]: trace_keys/* GATEWAY_SOURCE_TYPE */.Eh } });
        if (experiment.lifecycle_stage === 'deleted') {
            throw new tracing_exporter/* TraceExportError */._Z(`Experiment '${name}' (id ${experiment.experiment_id}) is deleted, so the gateway cannot store its traces. ` +
                `Restore it (MLflow's \`mlflow experiments restore --experiment-id ${experiment.experiment_id}\`, or POST /api/2.0/mlflow/experiments/restore) ` +
                'or delete it permanently, and the gateway will use or create it again.', { retryable: false });
        }
        return experiment.experiment_id;
    }
}
/** Whether a trace's info holds only what a server derives from its spans (state, previews, name, usage, cost, gateway keys). */
function derivableInfo(t) {
    const meta = t.info.traceMetadata;
    return meta[constants/* TraceMetadataKey */.C3.SAMPLING] === undefined && t.info.tags[constants/* TraceTagKey */.bT.SLOW] === undefined;
}
/**
 * Sends a batch: per endpoint, the spans of every trace in one OTLP request, then each trace's
 * info. A retry after a partial failure resends only what did not get through.
 */
class GatewayTraceExporter {
    #http;
    #experiments;
    #client;
    #ownsClient;
    #spansSent = new WeakSet();
    #derives;
    constructor(http, client, ownsClient) {
        this.#http = http;
        this.#client = client;
        this.#ownsClient = ownsClient;
        this.#experiments = new GatewayExperiments(client);
    }
    async export(traces, signal) {
        const byEndpoint = new Map();
        for (const t of traces) {
            const endpoint = t.info.traceMetadata[trace_keys/* GatewayTraceMetadataKey */.mr.ENDPOINT_ID] ?? '';
            let group = byEndpoint.get(endpoint);
            if (!group)
                byEndpoint.set(endpoint, (group = []));
            group.push(t);
        }
        const errors = [];
        await Promise.all([...byEndpoint].map(([endpoint, group]) => this.#exportGroup(endpoint, group, signal, errors)));
        if (errors.length === 1)
            throw errors[0];
        if (errors.length > 1) {
            throw new tracing_exporter/* TraceExportError */._Z(`${errors.length} gateway trace exports failed; first: ${errors[0].message}`, { retryable: errors.some((e) => e.retryable), errors });
        }
    }
    async #exportGroup(endpoint, group, signal, errors) {
        let experimentId;
        try {
            experimentId = await this.#experiments.idFor(endpoint);
        }
        catch (err) {
            errors.push(asExportError(err, group));
            return;
        }
        const unsent = group.filter((t) => !this.#spansSent.has(t));
        if (unsent.length > 0) {
            try {
                await this.#http.sendOk('POST', '/v1/traces', { body: (0,exporters/* otlpBody */.wA)(unsent), headers: { [constants/* MLFLOW_EXPERIMENT_ID_HEADER */.gi]: experimentId }, signal, traces: unsent });
                for (const t of unsent)
                    this.#spansSent.add(t);
            }
            catch (err) {
                errors.push(asExportError(err, unsent));
            }
        }
        // The info goes after the spans so it has the last word on metadata, as with MLflow's Python client.
        // An mlflow-ts server derives it from the spans (root span attributes carry the gateway's
        // metadata), so only a trace whose info says more (sampling notes, the slow tag) needs it.
        const derives = await this.#serverDerivesInfo(signal);
        const infos = group.filter((t) => !t.isFragment && this.#spansSent.has(t) && !(derives && derivableInfo(t)));
        await (0,concurrency/* mapLimit */.s)(infos, TRACE_INFO_CONCURRENCY, async (t) => {
            try {
                await this.#http.sendOk('POST', '/api/3.0/mlflow/traces', { body: JSON.stringify({ trace: { trace_info: t.toTraceInfoJson(experimentId) } }), signal, traces: [t] });
            }
            catch (err) {
                errors.push(asExportError(err, [t]));
            }
        });
    }
    /**
     * Whether the tracking server builds a trace's info from OTLP spans alone, gateway metadata
     * included: ours does (it says `server: mlflow-ts` in server-info); MLflow needs StartTraceV3.
     * Asked once; an unknown answer keeps the MLflow protocol.
     */
    #serverDerivesInfo(signal) {
        this.#derives ??= this.#http.send('GET', '/api/3.0/mlflow/server-info', { signal }).then((res) => {
            if (res.status !== 200)
                return false;
            try {
                return JSON.parse(res.text).server === 'mlflow-ts';
            }
            catch {
                return false;
            }
        }, () => {
            // Asked again with the next batch: the server may just not be up yet.
            this.#derives = undefined;
            return false;
        });
        return this.#derives;
    }
    async shutdown() {
        await this.#http.close();
        if (this.#ownsClient)
            await this.#client.close();
    }
}
/**
 * The gateway observer that writes a trace per request to the tracking server. Create one per
 * gateway; `close()` flushes what is queued (bounded) and releases connections.
 */
class GatewayTracer {
    trackingUri;
    sampling;
    #queue;
    #log;
    #random;
    #closeTimeoutMs;
    #traced = 0;
    #sampledOut = 0;
    #closed = false;
    /** Set from the first failed export until one succeeds: one log line per burst. */
    #failing = false;
    #lostBeforeBurst = 0;
    #warnedBuild = false;
    constructor(options) {
        this.sampling = checkSampling(options.sampling);
        const env = process.env;
        const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
        const connection = (0,http/* makeConnection */.d7)({
            trackingUri: options.trackingUri,
            username: env.MLFLOW_TRACKING_USERNAME || undefined,
            password: env.MLFLOW_TRACKING_PASSWORD || undefined,
            token: env.MLFLOW_TRACKING_TOKEN || undefined,
            timeoutMs,
        });
        this.trackingUri = connection.baseUrl;
        // The export queue retries; the client's own retries would only stretch each attempt.
        const client = options.client ?? new client_client/* MlflowClient */.p({ trackingUri: options.trackingUri, timeoutMs, maxRetries: 0 });
        const inner = new GatewayTraceExporter(new http/* HttpSender */._8(connection), client, options.client === undefined);
        const exporter = {
            export: async (traces, signal) => {
                try {
                    await inner.export(traces, signal);
                }
                catch (err) {
                    this.#exportFailed(err);
                    throw err;
                }
                this.#exportSucceeded();
            },
            shutdown: () => inner.shutdown(),
        };
        this.#log = options.log ?? defaultLog;
        this.#random = options.random ?? Math.random;
        this.#closeTimeoutMs = options.closeTimeoutMs ?? DEFAULT_CLOSE_TIMEOUT_MS;
        this.#queue = new tracing_exporter/* ExportQueue */.iT(exporter, {
            ...options.queue,
            // During a failure burst our own line has said it; the queue's (once-ever) notes would repeat it.
            warn: (message) => {
                if (!this.#failing)
                    this.#log.error(message);
            },
        });
    }
    get stats() {
        return { ...this.#queue.stats, traced: this.#traced, sampledOut: this.#sampledOut };
    }
    /** Traces queued or being sent. */
    get pending() {
        return this.#queue.pending;
    }
    #decide(record) {
        const parent = (0,distributed/* parseTraceparent */.bT)(record.traceparent);
        const { rate, slowThresholdMs } = this.sampling;
        const sampled = parent ? parent.sampled : rate >= 1 || (rate > 0 && this.#random() < rate);
        if (sampled)
            return { sampled: true };
        if (failed(record.status, record.error))
            return { sampled: false, reason: 'error' };
        if (slowThresholdMs !== undefined && record.endMs - record.startMs > slowThresholdMs)
            return { sampled: false, reason: 'slow' };
        return undefined;
    }
    onRequest(record) {
        if (this.#closed)
            return;
        try {
            const keep = this.#decide(record);
            if (!keep) {
                this.#sampledOut++;
                return;
            }
            const trace = buildGatewayTrace(record, keep, this.sampling);
            this.#traced++;
            // The export loop must not inherit the request's async context (or a user's active span).
            (0,context/* runOutsideContext */.CG)(() => this.#queue.enqueue(trace));
        }
        catch (err) {
            if (!this.#warnedBuild) {
                this.#warnedBuild = true;
                this.#log.error(`Could not build the trace of gateway request ${record.id}: ${err instanceof Error ? err.message : String(err)}. Further such failures are not logged.`);
            }
        }
    }
    #lost() {
        const s = this.#queue.stats;
        return s.droppedFailed + s.droppedQueueFull + s.droppedAtExit;
    }
    #exportFailed(err) {
        if (this.#failing)
            return;
        this.#failing = true;
        this.#lostBeforeBurst = this.#lost();
        const message = err instanceof Error ? err.message : String(err);
        this.#log.error(`Could not export gateway traces to ${this.trackingUri}: ${message} ` +
            'Retrying in the background; requests are served as usual. Further failures are not logged until an export succeeds.');
    }
    #exportSucceeded() {
        if (!this.#failing)
            return;
        this.#failing = false;
        const lost = this.#lost() - this.#lostBeforeBurst;
        this.#log.info(`Exporting gateway traces to ${this.trackingUri} works again${lost > 0 ? `; ${lost} trace(s) could not be exported meanwhile` : ''}.`);
    }
    /** Waits until every queued trace is sent (or dropped after retries); false when `timeoutMs` ran out first. */
    flush(timeoutMs) {
        return (0,context/* runOutsideContext */.CG)(() => this.#queue.flush(timeoutMs));
    }
    /** Flushes (at most `closeTimeoutMs`), then stops: later records are ignored. */
    async close() {
        if (this.#closed)
            return;
        this.#closed = true;
        const lostBefore = this.#lost();
        await (0,context/* runOutsideContext */.CG)(() => this.#queue.shutdown(this.#closeTimeoutMs));
        const lost = this.#lost() - (this.#failing ? this.#lostBeforeBurst : lostBefore);
        if (this.#failing && lost > 0)
            this.#log.error(`Gateway tracing stopped while the tracking server at ${this.trackingUri} was failing: ${lost} trace(s) were not exported.`);
    }
}

// EXTERNAL MODULE: ./build/src/gateway/vendors/anthropic.js
var anthropic = __webpack_require__(9916);
;// CONCATENATED MODULE: ./build/src/gateway/fronts/anthropic.js
/**
 * Anthropic's Messages API (`POST /v1/messages`) as a gateway front, so `anthropic.messages.create()`
 * and `.stream()` work whatever provider backs the endpoint. When the provider is Anthropic the
 * routes forward the request verbatim instead (passthrough); this front is the translation path,
 * for every other provider.
 *
 * Requests are validated as the real API does (`max_tokens` and `model` are required, temperature
 * is 0..1) and become unified chat requests. What has no unified equivalent is refused with the
 * reason, except for things whose loss changes no answer's meaning: `cache_control` marks, prior
 * `thinking` blocks and the `thinking` / `output_config.effort` settings are dropped.
 *
 * Answers become `message` objects and the API's exact event sequence (`message_start`,
 * `content_block_start/delta/stop`, `message_delta`, `message_stop`), which the SDK accumulates
 * into its message snapshot; a failure mid-stream becomes Anthropic's `event: error`.
 */



// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------
function anthropicErrorBody(error) {
    return { type: 'error', error: { type: (0,anthropic/* errorTypeFor */.mu)(error), message: error.message } };
}
// ---------------------------------------------------------------------------------------------
// Request
// ---------------------------------------------------------------------------------------------
/**
 * The most specific zod issue, descending into unions along the branch that got furthest (a
 * content list is `string | blocks`; the interesting complaint is about a block, not "not a string").
 */
function deepestIssue(issues, prefix = []) {
    let best;
    for (const issue of issues) {
        let found = { path: [...prefix, ...issue.path], issue };
        if (issue.code === 'invalid_union' && issue.errors.length > 0) {
            for (const branch of issue.errors) {
                const inner = deepestIssue(branch, found.path);
                if (inner && inner.path.length > found.path.length)
                    found = inner;
                else if (inner && found.issue === issue)
                    found = inner;
            }
        }
        if (!best || found.path.length > best.path.length)
            best = found;
    }
    return best;
}
/** A zod failure in the API's own words: `max_tokens: Field required`, `messages.0.role: ...`. */
function requestError(error) {
    const deepest = deepestIssue(error.issues);
    if (!deepest)
        return (0,errors/* invalidRequest */.xk)('Invalid request body.');
    const { path, issue } = deepest;
    const where = path.map(String).join('.');
    let message = issue.message;
    if (issue.code === 'invalid_type' && / received undefined$/.test(issue.message))
        message = 'Field required';
    else if (issue.code === 'invalid_union' && 'discriminator' in issue && 'options' in issue) {
        message = `unsupported type; expected one of ${issue.options.map((o) => `'${String(o)}'`).join(', ')}`;
    }
    return (0,errors/* invalidRequest */.xk)(where ? `${where}: ${message}` : message);
}
function imagePart(block, where) {
    const source = block.source;
    if (source.type === 'base64')
        return { type: 'image_url', image_url: { url: `data:${source.media_type};base64,${source.data}` } };
    if (source.type === 'url')
        return { type: 'image_url', image_url: { url: source.url } };
    throw (0,errors/* invalidRequest */.xk)(`${where}.source: file sources name files stored at Anthropic, which this endpoint's provider cannot read. Send the image as base64 or a URL.`);
}
function untranslatable(type, where) {
    return (0,errors/* invalidRequest */.xk)(`${where}: '${type}' blocks cannot be translated for this endpoint's provider, which is not Anthropic. Send text, image, tool_use and tool_result blocks only.`);
}
/** A list of parts, or plain text when it is only text (what every provider reads). */
function partsOrText(parts, separator) {
    return parts.every((p) => p.type === 'text') ? parts.map((p) => (p.type === 'text' ? p.text : '')).join(separator) : parts;
}
function toolMessage(block, where) {
    const parts = [];
    if (typeof block.content === 'string')
        parts.push({ type: 'text', text: block.content });
    else {
        (block.content ?? []).forEach((b, i) => {
            parts.push(b.type === 'text' ? { type: 'text', text: b.text } : imagePart(b, `${where}.content.${i}`));
        });
    }
    let content = partsOrText(parts, '\n');
    // The unified schema has no error flag on tool results; the text keeps the fact for the model.
    if (block.is_error)
        content = typeof content === 'string' ? `Error: ${content}` : [{ type: 'text', text: 'Error:' }, ...content];
    return { role: 'tool', tool_call_id: block.tool_use_id, content };
}
function userMessages(content, where) {
    if (typeof content === 'string')
        return [{ role: 'user', content }];
    const tools = [];
    const parts = [];
    content.forEach((block, i) => {
        const at = `${where}.content.${i}`;
        switch (block.type) {
            case 'text':
                parts.push({ type: 'text', text: block.text });
                break;
            case 'image':
                parts.push(imagePart(block, at));
                break;
            case 'tool_result':
                tools.push(toolMessage(block, at));
                break;
            case 'tool_use':
                throw (0,errors/* invalidRequest */.xk)(`${at}: tool_use blocks belong in assistant turns; answer a tool call with a tool_result block.`);
            case 'thinking':
            case 'redacted_thinking':
                break;
            default:
                throw untranslatable(block.type, at);
        }
    });
    // Tool results answer the previous assistant turn, so they come before the user's own words.
    return parts.length > 0 ? [...tools, { role: 'user', content: parts.length === 1 && parts[0]?.type === 'text' ? parts[0].text : parts }] : tools;
}
function assistantMessage(content, where) {
    if (typeof content === 'string')
        return { role: 'assistant', content };
    let text = '';
    const toolCalls = [];
    content.forEach((block, i) => {
        const at = `${where}.content.${i}`;
        switch (block.type) {
            case 'text':
                text += block.text;
                break;
            case 'tool_use':
                toolCalls.push({ id: block.id, type: 'function', function: { name: block.name, arguments: JSON.stringify(block.input) } });
                break;
            case 'thinking':
            case 'redacted_thinking':
                // Signed reasoning only Anthropic can verify; other providers have no slot for it.
                break;
            case 'image':
            case 'tool_result':
                throw (0,errors/* invalidRequest */.xk)(`${at}: ${block.type} blocks belong in user turns.`);
            default:
                throw untranslatable(block.type, at);
        }
    });
    if (text === '' && toolCalls.length === 0)
        return undefined;
    return { role: 'assistant', content: text === '' ? null : text, ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}) };
}
function systemText(system, where) {
    if (system === undefined)
        return '';
    if (typeof system === 'string')
        return system;
    return system
        .map((b, i) => {
        if (b.type !== 'text')
            throw (0,errors/* invalidRequest */.xk)(`${where}.${i}: system content takes text blocks only.`);
        return b.text;
    })
        .join('\n');
}
function tools(body) {
    return body.tools?.map((t, i) => {
        if (t.type && t.type !== 'custom') {
            throw (0,errors/* invalidRequest */.xk)(`tools.${i}: '${t.type}' is an Anthropic server tool, run by Anthropic itself; this endpoint's provider is not Anthropic. Define the tool yourself with name, description and input_schema.`);
        }
        if (!t.input_schema)
            throw (0,errors/* invalidRequest */.xk)(`tools.${i}.input_schema: Field required`);
        return {
            type: 'function',
            function: {
                name: t.name,
                ...(t.description !== undefined ? { description: t.description } : {}),
                parameters: t.input_schema,
                ...(t.strict !== undefined ? { strict: t.strict } : {}),
            },
        };
    });
}
function toolChoice(body) {
    const choice = body.tool_choice;
    if (!choice)
        return {};
    const parallel = 'disable_parallel_tool_use' in choice && choice.disable_parallel_tool_use === true ? { parallel_tool_calls: false } : {};
    switch (choice.type) {
        case 'auto':
            return { tool_choice: 'auto', ...parallel };
        case 'any':
            return { tool_choice: 'required', ...parallel };
        case 'none':
            return { tool_choice: 'none' };
        case 'tool':
            return { tool_choice: { type: 'function', function: { name: choice.name } }, ...parallel };
    }
}
function parseAnthropicRequest(raw, hints) {
    const result = anthropic/* messagesRequestSchema */.fd.safeParse(raw);
    if (!result.success)
        throw requestError(result.error);
    const body = result.data;
    const messages = [];
    const system = systemText(body.system, 'system');
    if (system !== '')
        messages.push({ role: 'system', content: system });
    body.messages.forEach((m, i) => {
        const where = `messages.${i}`;
        if (m.role === 'system') {
            const text = systemText(m.content, `${where}.content`);
            if (text !== '')
                messages.push({ role: 'system', content: text });
        }
        else if (m.role === 'user')
            messages.push(...userMessages(m.content, where));
        else {
            const a = assistantMessage(m.content, where);
            if (a)
                messages.push(a);
        }
    });
    if (!messages.some((m) => m.role !== 'system'))
        throw (0,errors/* invalidRequest */.xk)('messages: at least one user or assistant message with content is required.');
    const format = body.output_config?.format ?? body.output_format;
    const stream = hints?.stream ?? body.stream === true;
    const request = {
        model: body.model,
        messages,
        max_tokens: body.max_tokens,
        ...(body.temperature !== undefined ? { temperature: body.temperature } : {}),
        ...(body.top_p !== undefined ? { top_p: body.top_p } : {}),
        ...(body.top_k !== undefined ? { top_k: body.top_k } : {}),
        ...(body.stop_sequences?.length ? { stop: body.stop_sequences } : {}),
        ...(body.tools?.length ? { tools: tools(body) } : {}),
        ...toolChoice(body),
        ...(format ? { response_format: { type: 'json_schema', json_schema: { name: 'response', schema: format.schema } } } : {}),
        ...(typeof body.metadata?.user_id === 'string' ? { user: body.metadata.user_id } : {}),
        stream,
    };
    return { request, stream };
}
// ---------------------------------------------------------------------------------------------
// Response
// ---------------------------------------------------------------------------------------------
function messageId(id) {
    return id.startsWith('msg_') ? id : `msg_${(0,external_node_crypto_.randomBytes)(12).toString('hex')}`;
}
function toolUseId(id) {
    return id && id !== '' ? id : `toolu_${(0,external_node_crypto_.randomBytes)(12).toString('hex')}`;
}
function stopReason(finishReason) {
    switch (finishReason) {
        case 'length':
            return 'max_tokens';
        case 'tool_calls':
        case 'function_call':
            return 'tool_use';
        case 'content_filter':
            return 'refusal';
        default:
            return 'end_turn';
    }
}
/** Tool arguments as the object Anthropic's `input` is; a provider's non-JSON arguments are its fault, said so. */
function toolInput(call) {
    const text = call.function.arguments ?? '';
    if (text.trim() === '')
        return {};
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        value = undefined;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new errors/* GatewayError */.Fe('upstream', `The provider returned arguments for tool '${call.function.name ?? ''}' that are not a JSON object, so they cannot be sent as Anthropic tool input.`);
    }
    return value;
}
function usageOut(usage) {
    return { input_tokens: usage?.prompt_tokens ?? 0, output_tokens: usage?.completion_tokens ?? 0 };
}
function renderAnthropicMessage(response, ctx) {
    const choice = response.choices[0];
    const content = [];
    const text = choice?.message.content ?? choice?.message.refusal ?? '';
    if (text !== '')
        content.push({ type: 'text', text });
    for (const call of choice?.message.tool_calls ?? []) {
        content.push({ type: 'tool_use', id: toolUseId(call.id), name: call.function.name, input: toolInput(call) });
    }
    return {
        id: messageId(response.id),
        type: 'message',
        role: 'assistant',
        model: ctx.requestedModel,
        content,
        stop_reason: stopReason(choice?.finish_reason),
        stop_sequence: null,
        usage: usageOut(response.usage),
    };
}
function anthropic_event(type, fields = {}) {
    return { event: type, data: JSON.stringify({ type, ...fields }) };
}
/** Unified chunks as Anthropic's event sequence; one content block open at a time, as the API does. */
async function* renderAnthropicStream(chunks, ctx) {
    let started = false;
    let nextIndex = 0;
    /** The open block: its index, and which tool call it is (undefined for text). */
    let open;
    /** Unified tool-call index → Anthropic block index, for argument deltas. */
    const toolBlocks = new Map();
    let finish = null;
    let usage;
    const closeOpen = function* () {
        if (open)
            yield anthropic_event('content_block_stop', { index: open.index });
        open = undefined;
    };
    try {
        for await (const chunk of chunks) {
            if (!started) {
                started = true;
                yield anthropic_event('message_start', {
                    message: {
                        id: messageId(chunk.id),
                        type: 'message',
                        role: 'assistant',
                        model: ctx.requestedModel,
                        content: [],
                        stop_reason: null,
                        stop_sequence: null,
                        // Prompt tokens are known only at the end; message_delta carries the totals.
                        usage: usageOut(chunk.usage),
                    },
                });
            }
            if (chunk.usage)
                usage = chunk.usage;
            const choice = chunk.choices.find((c) => c.index === 0);
            if (!choice)
                continue;
            const { content, tool_calls } = choice.delta;
            if (content) {
                if (!open || open.tool !== undefined) {
                    yield* closeOpen();
                    open = { index: nextIndex++ };
                    yield anthropic_event('content_block_start', { index: open.index, content_block: { type: 'text', text: '' } });
                }
                yield anthropic_event('content_block_delta', { index: open.index, delta: { type: 'text_delta', text: content } });
            }
            for (const call of tool_calls ?? []) {
                let index = toolBlocks.get(call.index);
                if (index === undefined) {
                    yield* closeOpen();
                    index = nextIndex++;
                    toolBlocks.set(call.index, index);
                    open = { index, tool: call.index };
                    yield anthropic_event('content_block_start', {
                        index,
                        content_block: { type: 'tool_use', id: toolUseId(call.id), name: call.function.name ?? '', input: {} },
                    });
                }
                const args = call.function.arguments;
                if (args)
                    yield anthropic_event('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: args } });
            }
            if (choice.finish_reason)
                finish = choice.finish_reason;
        }
        if (!started) {
            yield anthropic_event('message_start', {
                message: { id: messageId(''), type: 'message', role: 'assistant', model: ctx.requestedModel, content: [], stop_reason: null, stop_sequence: null, usage: usageOut(undefined) },
            });
        }
        yield* closeOpen();
        const u = usageOut(usage);
        yield anthropic_event('message_delta', {
            delta: { stop_reason: stopReason(finish), stop_sequence: null },
            // Whole-message totals; the SDK replaces its snapshot's counts with present ones.
            usage: { output_tokens: u.output_tokens, ...(usage?.prompt_tokens != null ? { input_tokens: u.input_tokens } : {}) },
        });
        yield anthropic_event('message_stop');
    }
    catch (err) {
        const error = (0,errors/* asGatewayError */.VG)(err);
        yield { event: 'error', data: JSON.stringify(anthropicErrorBody(error)) };
    }
}
const anthropicFront = {
    name: 'anthropic',
    parse: parseAnthropicRequest,
    render: renderAnthropicMessage,
    renderStream: renderAnthropicStream,
    errorBody: anthropicErrorBody,
};

// EXTERNAL MODULE: ./build/src/gateway/schemas.js
var gateway_schemas = __webpack_require__(84552);
// EXTERNAL MODULE: ./build/src/gateway/vendors/gemini.js
var gemini = __webpack_require__(9437);
;// CONCATENATED MODULE: ./build/src/gateway/fronts/gemini.js
/**
 * The Gemini front: Google's `models/<endpoint>:generateContent` and `:streamGenerateContent`
 * (v1beta) served from the unified chat schema, so `@google/genai` works whatever provider backs
 * the endpoint. An endpoint backed by Gemini itself is forwarded verbatim by the route instead.
 *
 * Gemini links a function result to its call by name and order (and by `id` when the client sets
 * one); the unified schema links by id. Calls without an id get ids from their position
 * (`call_<content>_<part>`), so the same request always translates the same way, and each
 * `functionResponse` takes the id of the earliest unanswered call of the same name.
 */



function invalid(message) {
    return new errors/* GatewayError */.Fe('invalid_request', message);
}
function isObject(v) {
    return v !== null && typeof v === 'object' && !Array.isArray(v);
}
// ---------------------------------------------------------------- request: Gemini → unified
const SCHEMA_MAPS = new Set(['properties', '$defs', 'definitions', 'patternProperties']);
const SCHEMA_VALUES = new Set(['items', 'anyOf', 'oneOf', 'allOf', 'not', 'additionalProperties', 'prefixItems']);
/**
 * Google's OpenAPI-subset schema (`type: "OBJECT"`, `nullable`) as plain JSON Schema, which is
 * what the unified schema (OpenAI's) carries. Property names are never touched.
 */
function jsonSchemaFromGemini(schema) {
    if (Array.isArray(schema))
        return schema.map(jsonSchemaFromGemini);
    if (!isObject(schema))
        return schema;
    const out = {};
    for (const [k, v] of Object.entries(schema)) {
        if (k === 'type' && typeof v === 'string') {
            if (v !== 'TYPE_UNSPECIFIED')
                out.type = v.toLowerCase();
        }
        else if (k === 'nullable' || k === 'propertyOrdering') {
            // nullable is folded into `type` below; ordering has no JSON Schema keyword.
        }
        else if (SCHEMA_MAPS.has(k) && isObject(v)) {
            out[k] = Object.fromEntries(Object.entries(v).map(([name, s]) => [name, jsonSchemaFromGemini(s)]));
        }
        else if (SCHEMA_VALUES.has(k)) {
            out[k] = jsonSchemaFromGemini(v);
        }
        else {
            out[k] = v;
        }
    }
    if (schema.nullable === true && typeof out.type === 'string')
        out.type = [out.type, 'null'];
    return out;
}
function mediaPart(part) {
    if (part.inlineData) {
        const { mimeType, data } = part.inlineData;
        if (mimeType.startsWith('audio/')) {
            const sub = mimeType.slice('audio/'.length).split(';')[0] ?? '';
            return { type: 'input_audio', input_audio: { data, format: sub === 'mpeg' ? 'mp3' : sub } };
        }
        // Images and documents alike travel as data URLs; a provider that cannot take the type says so.
        return { type: 'image_url', image_url: { url: `data:${mimeType};base64,${data}` } };
    }
    if (part.fileData)
        return { type: 'image_url', image_url: { url: part.fileData.fileUri } };
    return undefined;
}
/** The text of a `functionResponse.response`: `{content: "..."}` unwraps to its text, anything else is JSON. */
function toolResultText(response) {
    if (response && Object.keys(response).length === 1 && typeof response.content === 'string')
        return response.content;
    return JSON.stringify(response ?? {});
}
function unsupportedPart(part, where) {
    const kinds = Object.keys(part).filter((k) => k !== 'thoughtSignature' && k !== 'thought');
    return invalid(`${where}: ${kinds.length ? kinds.join(', ') : 'an empty part'} cannot be translated for this endpoint's provider. Send text, inlineData, fileData, functionCall or functionResponse parts.`);
}
function messagesFromContents(req) {
    const messages = [];
    const system = (req.systemInstruction?.parts ?? []).flatMap((p) => (typeof p.text === 'string' && p.text !== '' ? [p.text] : []));
    if (system.length === 1)
        messages.push({ role: 'system', content: system[0] });
    else if (system.length > 1)
        messages.push({ role: 'system', content: system.map((text) => ({ type: 'text', text })) });
    const calls = [];
    req.contents.forEach((content, i) => {
        const role = content.role ?? 'user';
        const parts = content.parts ?? [];
        if (role === 'model') {
            const texts = [];
            const toolCalls = [];
            parts.forEach((part, j) => {
                if (part.thought === true)
                    return;
                if (typeof part.text === 'string')
                    texts.push(part.text);
                else if (part.functionCall) {
                    const { id, name, args } = part.functionCall;
                    const callId = id ?? `call_${i}_${j}`;
                    calls.push({ id: callId, name, answered: false });
                    toolCalls.push({
                        id: callId,
                        type: 'function',
                        function: { name, arguments: JSON.stringify(args ?? {}) },
                        ...(part.thoughtSignature ? { extra_content: { google: { thought_signature: part.thoughtSignature } } } : {}),
                    });
                }
                else if (part.thoughtSignature === undefined)
                    throw unsupportedPart(part, `contents[${i}].parts[${j}]`);
            });
            const text = texts.join('');
            if (text === '' && toolCalls.length === 0)
                return;
            messages.push({ role: 'assistant', content: text === '' ? null : text, ...(toolCalls.length ? { tool_calls: toolCalls } : {}) });
            return;
        }
        if (role !== 'user' && role !== 'function')
            throw invalid(`contents[${i}].role must be "user" or "model", not ${JSON.stringify(role)}.`);
        // Tool results answer the previous model turn, so they come before this turn's own text.
        const userParts = [];
        parts.forEach((part, j) => {
            const where = `contents[${i}].parts[${j}]`;
            if (part.functionResponse) {
                const { id, name, response } = part.functionResponse;
                const call = (id !== undefined ? calls.find((c) => c.id === id) : undefined) ?? calls.find((c) => !c.answered && c.name === name);
                if (!call && id === undefined)
                    throw invalid(`${where}: functionResponse "${name}" answers no earlier functionCall of that name. Send the model turn with the call first.`);
                if (call)
                    call.answered = true;
                messages.push({ role: 'tool', tool_call_id: call?.id ?? id, content: toolResultText(response) });
            }
            else if (typeof part.text === 'string') {
                if (part.text !== '')
                    userParts.push({ type: 'text', text: part.text });
            }
            else {
                const media = mediaPart(part);
                if (!media)
                    throw unsupportedPart(part, where);
                userParts.push(media);
            }
        });
        if (userParts.length === 0)
            return;
        const only = userParts[0];
        messages.push({ role: 'user', content: userParts.length === 1 && only?.type === 'text' ? only.text : userParts });
    });
    return messages;
}
function toolsFrom(req) {
    const tools = [];
    (req.tools ?? []).forEach((tool, i) => {
        const other = Object.keys(tool).filter((k) => k !== 'functionDeclarations');
        if (other.length) {
            throw invalid(`tools[${i}]: ${other.join(', ')} is a Gemini built-in tool that this endpoint's provider cannot run. Send functionDeclarations only, or use an endpoint backed by Gemini.`);
        }
        for (const f of tool.functionDeclarations ?? []) {
            const parameters = f.parametersJsonSchema ?? (f.parameters ? jsonSchemaFromGemini(f.parameters) : undefined);
            tools.push({ type: 'function', function: { name: f.name, ...(f.description ? { description: f.description } : {}), ...(parameters ? { parameters } : {}) } });
        }
    });
    if (tools.length === 0)
        return {};
    const config = req.toolConfig?.functionCallingConfig;
    const allowed = config?.allowedFunctionNames ?? [];
    switch (config?.mode) {
        case 'AUTO':
        case 'VALIDATED':
            return { tools, tool_choice: 'auto' };
        case 'NONE':
            return { tools, tool_choice: 'none' };
        case 'ANY': {
            if (allowed.length === 1)
                return { tools, tool_choice: { type: 'function', function: { name: allowed[0] } } };
            // "Call one of these" is "call one" over just these tools.
            const subset = allowed.length ? tools.filter((t) => allowed.includes(t.function.name)) : tools;
            return { tools: subset.length ? subset : tools, tool_choice: 'required' };
        }
        default:
            return { tools };
    }
}
function responseFormatFrom(config) {
    const mime = config?.responseMimeType;
    if (mime === undefined || mime === 'text/plain')
        return undefined;
    if (mime !== 'application/json')
        throw invalid(`generationConfig.responseMimeType ${JSON.stringify(mime)} cannot be translated; use "application/json" or "text/plain".`);
    const schema = config?.responseJsonSchema ?? (config?.responseSchema ? jsonSchemaFromGemini(config.responseSchema) : undefined);
    return schema ? { type: 'json_schema', json_schema: { name: 'response', schema } } : { type: 'json_object' };
}
/** Unified request fields back to the Gemini names a caller sent, for error messages. */
const GEMINI_FIELD = {
    messages: 'contents',
    temperature: 'generationConfig.temperature',
    top_p: 'generationConfig.topP',
    top_k: 'generationConfig.topK',
    n: 'generationConfig.candidateCount',
    max_tokens: 'generationConfig.maxOutputTokens',
    stop: 'generationConfig.stopSequences',
    presence_penalty: 'generationConfig.presencePenalty',
    frequency_penalty: 'generationConfig.frequencyPenalty',
    seed: 'generationConfig.seed',
    tools: 'tools',
};
function parseGenerateContent(body, hints) {
    const wire = gemini/* geminiGenerateContentRequestSchema */.YZ.safeParse(body);
    if (!wire.success) {
        const issue = wire.error.issues[0];
        throw invalid(`Invalid generateContent request: ${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}.`);
    }
    const req = wire.data;
    if (req.cachedContent !== undefined)
        throw invalid('cachedContent cannot be translated: the cached prompt lives at Google. Send the contents themselves, or use an endpoint backed by Gemini.');
    const g = req.generationConfig;
    const stream = hints?.stream ?? false;
    const candidate = {
        messages: messagesFromContents(req),
        ...toolsFrom(req),
        temperature: g?.temperature,
        top_p: g?.topP,
        top_k: g?.topK,
        n: g?.candidateCount,
        max_tokens: g?.maxOutputTokens,
        stop: g?.stopSequences?.length ? g.stopSequences : undefined,
        presence_penalty: g?.presencePenalty,
        frequency_penalty: g?.frequencyPenalty,
        seed: g?.seed,
        response_format: responseFormatFrom(g),
        stream,
        // Gemini reports usage on the last stream event, so ask every provider for it.
        ...(stream ? { stream_options: { include_usage: true } } : {}),
    };
    for (const k of Object.keys(candidate))
        if (candidate[k] === undefined)
            delete candidate[k];
    const parsed = gateway_schemas/* chatRequestSchema */.LS.safeParse(candidate);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const [head, ...rest] = issue?.path ?? [];
        const field = typeof head === 'string' ? (GEMINI_FIELD[head] ?? head) : 'body';
        const where = head === 'messages' ? 'contents' : [field, ...rest].join('.');
        const hint = head === 'messages' && rest.length === 0 ? ' (send at least one user turn with text or media)' : '';
        throw invalid(`Invalid generateContent request: ${where}: ${issue?.message ?? 'invalid'}${hint}.`);
    }
    return { request: parsed.data, stream };
}
// ---------------------------------------------------------------- response: unified → Gemini
function geminiFinishReason(reason) {
    switch (reason) {
        case null:
        case undefined:
            return undefined;
        case 'stop':
        case 'tool_calls':
        case 'function_call':
            return 'STOP';
        case 'length':
            return 'MAX_TOKENS';
        case 'content_filter':
            return 'SAFETY';
        default:
            return 'OTHER';
    }
}
function usageMetadata(usage) {
    if (!usage)
        return undefined;
    const out = {};
    if (usage.prompt_tokens !== null)
        out.promptTokenCount = usage.prompt_tokens;
    if (usage.completion_tokens !== null)
        out.candidatesTokenCount = usage.completion_tokens;
    if (usage.total_tokens !== null)
        out.totalTokenCount = usage.total_tokens;
    return Object.keys(out).length ? out : undefined;
}
/** Tool-call arguments as Gemini's `args` object; text that is not a JSON object is kept whole under `arguments`. */
function argsObject(text) {
    if (text.trim() === '')
        return {};
    try {
        const parsed = JSON.parse(text);
        if (isObject(parsed))
            return parsed;
    }
    catch {
        // Models do emit broken JSON now and then; the caller still gets the text.
    }
    return { arguments: text };
}
function functionCallPart(call) {
    const sig = call.extra?.google?.thought_signature;
    return {
        functionCall: { ...(call.id ? { id: call.id } : {}), name: call.name, args: argsObject(call.arguments) },
        ...(typeof sig === 'string' ? { thoughtSignature: sig } : {}),
    };
}
function renderResponse(response, ctx) {
    const candidates = response.choices.map((c) => {
        const parts = [];
        const text = c.message.content ?? c.message.refusal ?? '';
        if (text !== '')
            parts.push({ text });
        for (const call of c.message.tool_calls ?? []) {
            parts.push(functionCallPart({ id: call.id, name: call.function.name, arguments: call.function.arguments, extra: call.extra_content }));
        }
        const finishReason = geminiFinishReason(c.finish_reason ?? 'stop');
        return { content: { role: 'model', parts }, ...(finishReason ? { finishReason } : {}), index: c.index };
    });
    const usage = usageMetadata(response.usage);
    return {
        candidates,
        ...(usage ? { usageMetadata: usage } : {}),
        modelVersion: response.model || ctx.requestedModel,
        responseId: response.id,
    };
}
function geminiErrorBody(error) {
    return { error: { code: error.status, message: error.message, status: (0,gemini/* geminiStatusName */.PO)(error.status) } };
}
async function* renderChunks(chunks, ctx) {
    let responseId;
    let model = ctx.requestedModel;
    let usage;
    // Gemini sends each function call whole; unified streams send fragments, so calls wait for the end.
    const calls = new Map();
    const finish = new Map();
    const event = (body) => ({
        data: JSON.stringify({ ...body, modelVersion: model, responseId: responseId ?? '' }),
    });
    try {
        for await (const chunk of chunks) {
            responseId ??= chunk.id;
            if (chunk.model)
                model = chunk.model;
            if (chunk.usage)
                usage = chunk.usage;
            const candidates = [];
            for (const choice of chunk.choices) {
                const text = choice.delta.content;
                if (text)
                    candidates.push({ content: { role: 'model', parts: [{ text }] }, index: choice.index });
                for (const d of choice.delta.tool_calls ?? []) {
                    const byIndex = calls.get(choice.index) ?? new Map();
                    calls.set(choice.index, byIndex);
                    const pending = byIndex.get(d.index);
                    const extra = d.extra_content;
                    if (!pending)
                        byIndex.set(d.index, { id: d.id, name: d.function.name ?? '', arguments: d.function.arguments ?? '', extra });
                    else {
                        pending.id ??= d.id;
                        if (d.function.name)
                            pending.name ||= d.function.name;
                        pending.arguments += d.function.arguments ?? '';
                        pending.extra ??= extra;
                    }
                }
                if (choice.finish_reason)
                    finish.set(choice.index, choice.finish_reason);
                else if (!finish.has(choice.index))
                    finish.set(choice.index, null);
            }
            if (candidates.length)
                yield event({ candidates });
        }
    }
    catch (err) {
        // Google reports a failed stream as one more data event holding its error body.
        yield { data: JSON.stringify(geminiErrorBody((0,errors/* asGatewayError */.VG)(err))) };
        return;
    }
    const indexes = [...new Set([...finish.keys(), ...calls.keys()])].sort((a, b) => a - b);
    const candidates = (indexes.length ? indexes : [0]).map((index) => {
        const parts = [...(calls.get(index)?.values() ?? [])].map(functionCallPart);
        // Google's closing event carries an empty text part when it has nothing else.
        if (parts.length === 0)
            parts.push({ text: '' });
        return { content: { role: 'model', parts }, finishReason: geminiFinishReason(finish.get(index) ?? 'stop') ?? 'STOP', index };
    });
    const meta = usageMetadata(usage);
    yield event({ candidates, ...(meta ? { usageMetadata: meta } : {}) });
}
const geminiFront = {
    name: 'gemini',
    parse: parseGenerateContent,
    render: renderResponse,
    renderStream: renderChunks,
    errorBody: geminiErrorBody,
};

;// CONCATENATED MODULE: ./build/src/gateway/fronts/openai-errors.js
const ERROR_TYPE = {
    invalid_request: 'invalid_request_error',
    authentication: 'authentication_error',
    permission: 'permission_error',
    not_found: 'not_found_error',
    rate_limit: 'rate_limit_error',
    upstream: 'api_error',
    timeout: 'timeout_error',
    unavailable: 'service_unavailable_error',
    not_implemented: 'not_implemented_error',
    internal: 'server_error',
};
/** OpenAI's machine codes where one fits; OpenAI itself sends `null` for most errors. */
const ERROR_CODE = {
    rate_limit: 'rate_limit_exceeded',
    timeout: 'timeout',
    unavailable: 'service_unavailable',
};
/**
 * OpenAI's error body, `{error: {message, type, param, code}}`. The SDK picks its exception class
 * from the HTTP status and shows `message`, so the message is the gateway's own, already free of
 * secrets.
 */
function openaiErrorBody(error) {
    return { error: { message: error.message, type: ERROR_TYPE[error.kind], param: null, code: ERROR_CODE[error.kind] ?? null } };
}

;// CONCATENATED MODULE: ./build/src/gateway/fronts/openai-responses.js
/**
 * OpenAI's Responses API (`POST /v1/responses`) as a gateway front, so `openai.responses.create()`
 * works whatever provider backs the endpoint. Requests become unified chat requests; answers and
 * chunks become Response objects and Responses stream events, shaped as the OpenAI API sends them
 * (the SDK rebuilds `output_text` and stream snapshots from exactly these fields).
 *
 * The gateway keeps no state, so everything the Responses API can only do server-side (stored
 * responses, conversations, hosted prompts, hosted tools such as web search) is refused with the
 * reason and what to send instead.
 */




// ---------------------------------------------------------------------------------------------
// Request
/** A zod failure as one invalid_request naming the field the way the caller wrote it. */
function check(schema, value, where) {
    const result = schema.safeParse(value);
    if (result.success)
        return result.data;
    const issue = result.error.issues[0];
    const path = [where, ...(issue?.path ?? [])].reduce((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc === '' ? String(key) : `${acc}.${String(key)}`), '');
    throw (0,errors/* invalidRequest */.xk)(`Invalid Responses API request: ${path || 'body'}: ${issue?.message ?? 'invalid value'}.`);
}
const inputTextPart = schemas.looseObject({ type: schemas.literal('input_text'), text: schemas.string() });
const outputTextPart = schemas.looseObject({ type: schemas.literal('output_text'), text: schemas.string() });
const refusalPart = schemas.looseObject({ type: schemas.literal('refusal'), refusal: schemas.string() });
const inputImagePart = schemas.looseObject({
    type: schemas.literal('input_image'),
    image_url: schemas.string().nullish(),
    file_id: schemas.string().nullish(),
    detail: schemas.string().nullish(),
});
const anyPart = schemas.looseObject({ type: schemas.string() });
const messageItem = schemas.looseObject({
    type: schemas.literal('message').optional(),
    role: schemas["enum"](['user', 'system', 'developer', 'assistant']),
    content: schemas.union([schemas.string(), schemas.array(anyPart)]),
});
const functionCallItem = schemas.looseObject({
    type: schemas.literal('function_call'),
    call_id: schemas.string().min(1),
    name: schemas.string().min(1),
    arguments: schemas.string(),
});
const functionCallOutputItem = schemas.looseObject({
    type: schemas.literal('function_call_output'),
    call_id: schemas.string().min(1),
    output: schemas.union([schemas.string(), schemas.array(anyPart)]),
});
const anyItem = schemas.looseObject({ type: schemas.string().optional(), role: schemas.string().optional() });
const functionTool = schemas.looseObject({
    type: schemas.literal('function'),
    name: schemas.string().min(1),
    description: schemas.string().nullish(),
    parameters: schemas.record(schemas.string(), schemas.unknown()).nullish(),
    strict: schemas.boolean().nullish(),
});
const toolChoiceInput = schemas.union([schemas["enum"](['none', 'auto', 'required']), schemas.looseObject({ type: schemas.string() })], {
    error: '"tool_choice" must be "none", "auto", "required" or an object with a "type"',
});
const functionChoice = schemas.looseObject({ type: schemas.literal('function'), name: schemas.string().min(1) });
const allowedToolsChoice = schemas.looseObject({
    type: schemas.literal('allowed_tools'),
    mode: schemas["enum"](['auto', 'required']),
    tools: schemas.array(schemas.looseObject({ type: schemas.literal('function', { error: 'only function tools can be listed' }), name: schemas.string().min(1) })),
});
const jsonSchemaFormat = schemas.looseObject({
    type: schemas.literal('json_schema'),
    name: schemas.string().min(1),
    schema: schemas.record(schemas.string(), schemas.unknown()),
    description: schemas.string().nullish(),
    strict: schemas.boolean().nullish(),
});
const responsesRequestSchema = schemas.looseObject({
    model: schemas.string().optional(),
    input: schemas.union([schemas.string(), schemas.array(schemas.unknown())], { error: '"input" must be a string or a list of input items' }),
    instructions: schemas.string().nullish(),
    tools: schemas.array(schemas.looseObject({ type: schemas.string() })).nullish(),
    tool_choice: toolChoiceInput.nullish(),
    temperature: schemas.number().min(0).max(2).nullish(),
    top_p: schemas.number().min(0).max(1).nullish(),
    max_output_tokens: schemas.int().min(1).nullish(),
    text: schemas.looseObject({ format: schemas.looseObject({ type: schemas.string() }).nullish() }).nullish(),
    parallel_tool_calls: schemas.boolean().nullish(),
    stream: schemas.boolean().nullish(),
    user: schemas.string().nullish(),
    // Accepted and ignored: they change nothing a stateless translation could honour or break.
    metadata: schemas.record(schemas.string(), schemas.unknown()).nullish(),
    store: schemas.boolean().nullish(),
    // Refused below with the reason; parsed loosely so the refusal, not a type error, is what users see.
    previous_response_id: schemas.unknown().optional(),
    conversation: schemas.unknown().optional(),
    prompt: schemas.unknown().optional(),
    background: schemas.boolean().nullish(),
});
const STATELESS = 'The gateway is stateless and keeps no responses or conversations; send the whole conversation in "input" ' +
    '(for a follow-up turn: the earlier input items, then the previous response\'s output items, then the new message).';
function refuseServerSideState(body) {
    if (body.previous_response_id !== undefined && body.previous_response_id !== null) {
        throw (0,errors/* invalidRequest */.xk)(`"previous_response_id" is not supported. ${STATELESS}`);
    }
    if (body.conversation !== undefined && body.conversation !== null)
        throw (0,errors/* invalidRequest */.xk)(`"conversation" is not supported. ${STATELESS}`);
    if (body.prompt !== undefined && body.prompt !== null) {
        throw (0,errors/* invalidRequest */.xk)('"prompt" (a prompt stored at OpenAI) is not supported by the gateway; send the prompt text in "instructions" and "input".');
    }
    if (body.background === true)
        throw (0,errors/* invalidRequest */.xk)(`"background": true is not supported. ${STATELESS} Use "stream": true for long answers.`);
}
function openai_responses_imagePart(value, where) {
    const part = check(inputImagePart, value, where);
    if (part.image_url === undefined || part.image_url === null) {
        if (part.file_id) {
            throw (0,errors/* invalidRequest */.xk)(`${where}: input_image with "file_id" is not supported: the gateway cannot read OpenAI's file storage. Send the image as "image_url" (an https URL or a data: URL).`);
        }
        throw (0,errors/* invalidRequest */.xk)(`${where}: input_image needs "image_url" (an https URL or a data: URL).`);
    }
    const detail = part.detail ?? undefined;
    return { type: 'image_url', image_url: detail === undefined ? { url: part.image_url } : { url: part.image_url, detail } };
}
function openai_responses_unsupportedPart(type, where) {
    if (type === 'input_file') {
        return (0,errors/* invalidRequest */.xk)(`${where}: "input_file" parts are not supported by the gateway; send the file's text as "input_text" or images as "input_image".`);
    }
    return (0,errors/* invalidRequest */.xk)(`${where}: content part type "${type}" is not supported; use input_text, output_text or input_image.`);
}
function contentParts(content, where) {
    return content.map((raw, i) => {
        const at = `${where}[${i}]`;
        if (raw.type === 'input_text')
            return { type: 'text', text: check(inputTextPart, raw, at).text };
        // An earlier response's output fed back as input carries output_text and refusal parts. A
        // refusal is what the assistant said, and other providers only know text.
        if (raw.type === 'output_text')
            return { type: 'text', text: check(outputTextPart, raw, at).text };
        if (raw.type === 'refusal')
            return { type: 'text', text: check(refusalPart, raw, at).refusal };
        if (raw.type === 'input_image')
            return openai_responses_imagePart(raw, at);
        throw openai_responses_unsupportedPart(raw.type, at);
    });
}
/** A function's output: all-text outputs as one string, which every provider takes in a tool turn. */
function toolOutput(output, where) {
    if (typeof output === 'string')
        return output;
    const content = contentParts(output, where);
    return content.every((p) => p.type === 'text') ? content.map((p) => (p.type === 'text' ? p.text : '')).join('') : content;
}
function inputMessages(input) {
    if (typeof input === 'string')
        return [{ role: 'user', content: input }];
    const messages = [];
    input.forEach((raw, i) => {
        const where = `input[${i}]`;
        const head = check(anyItem, raw, where);
        const type = head.type ?? (head.role !== undefined ? 'message' : undefined);
        if (type === 'message') {
            const item = check(messageItem, raw, where);
            messages.push({ role: item.role, content: typeof item.content === 'string' ? item.content : contentParts(item.content, `${where}.content`) });
        }
        else if (type === 'function_call') {
            const item = check(functionCallItem, raw, where);
            const call = { id: item.call_id, type: 'function', function: { name: item.name, arguments: item.arguments } };
            // Chat APIs carry a turn's text and its tool calls in one assistant message (Anthropic
            // requires it), so calls join the assistant message just before them.
            const last = messages.at(-1);
            if (last?.role === 'assistant')
                last.tool_calls = [...(last.tool_calls ?? []), call];
            else
                messages.push({ role: 'assistant', content: null, tool_calls: [call] });
        }
        else if (type === 'function_call_output') {
            const item = check(functionCallOutputItem, raw, where);
            messages.push({ role: 'tool', tool_call_id: item.call_id, content: toolOutput(item.output, `${where}.output`) });
        }
        else if (type === 'reasoning') {
            // Reasoning items are OpenAI's (often encrypted) thoughts from an earlier turn; no other
            // provider can read them, and dropping them is what the chat APIs do anyway.
        }
        else if (type === 'item_reference') {
            throw (0,errors/* invalidRequest */.xk)(`${where}: "item_reference" items are not supported. ${STATELESS}`);
        }
        else if (type === undefined) {
            throw (0,errors/* invalidRequest */.xk)(`${where}: an input item needs a "type" (message, function_call or function_call_output) or a "role".`);
        }
        else {
            throw (0,errors/* invalidRequest */.xk)(`${where}: input item type "${type}" is not supported by the gateway; only message, function_call and function_call_output items translate to other providers.`);
        }
    });
    return messages;
}
function functionTools(tools) {
    return tools.map((raw, i) => {
        if (raw.type !== 'function') {
            throw (0,errors/* invalidRequest */.xk)(`tools[${i}]: tool type "${raw.type}" is not supported by the gateway; only "function" tools translate to other providers. Remove it or implement it as a function tool.`);
        }
        const tool = check(functionTool, raw, `tools[${i}]`);
        const fn = { name: tool.name };
        if (tool.description !== undefined && tool.description !== null)
            fn.description = tool.description;
        if (tool.parameters !== undefined && tool.parameters !== null)
            fn.parameters = tool.parameters;
        if (tool.strict !== undefined && tool.strict !== null)
            fn.strict = tool.strict;
        return { type: 'function', function: fn };
    });
}
function toolSelection(tools, choice) {
    if (choice === undefined || choice === null)
        return { tools, toolChoice: undefined };
    if (typeof choice === 'string')
        return { tools, toolChoice: choice };
    if (choice.type === 'function')
        return { tools, toolChoice: { type: 'function', function: { name: check(functionChoice, choice, 'tool_choice').name } } };
    if (choice.type === 'allowed_tools') {
        // OpenAI keeps every tool in the prompt and lets the model use only these; chat APIs get the
        // same effect by being sent only these.
        const allowed = check(allowedToolsChoice, choice, 'tool_choice');
        const names = new Set(allowed.tools.map((t) => t.name));
        const kept = (tools ?? []).filter((t) => names.has(t.function.name));
        return kept.length ? { tools: kept, toolChoice: allowed.mode } : { tools: undefined, toolChoice: undefined };
    }
    throw (0,errors/* invalidRequest */.xk)(`tool_choice type "${choice.type}" is not supported by the gateway; use "none", "auto", "required" or {"type": "function", "name": ...}.`);
}
function responseFormat(format) {
    if (format === undefined || format === null || format.type === 'text')
        return undefined;
    if (format.type === 'json_object')
        return { type: 'json_object' };
    if (format.type !== 'json_schema')
        throw (0,errors/* invalidRequest */.xk)(`text.format type "${format.type}" is not supported; use "text", "json_object" or "json_schema".`);
    const f = check(jsonSchemaFormat, format, 'text.format');
    const jsonSchema = { name: f.name, schema: f.schema };
    if (f.description !== undefined && f.description !== null)
        jsonSchema.description = f.description;
    if (f.strict !== undefined && f.strict !== null)
        jsonSchema.strict = f.strict;
    return { type: 'json_schema', json_schema: jsonSchema };
}
function parse(body, hints) {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
        throw (0,errors/* invalidRequest */.xk)('The request body must be a JSON object (a Responses API request with "model" and "input").');
    }
    if (!('input' in body) || body.input === undefined) {
        throw (0,errors/* invalidRequest */.xk)(`"input" is required: a string or a list of input items. ${STATELESS}`);
    }
    const req = check(responsesRequestSchema, body, '');
    refuseServerSideState(req);
    const messages = [];
    if (req.instructions)
        messages.push({ role: 'system', content: req.instructions });
    messages.push(...inputMessages(req.input));
    if (messages.length === 0)
        throw (0,errors/* invalidRequest */.xk)('"input" is empty: send at least one message.');
    const { tools, toolChoice } = toolSelection(req.tools ? functionTools(req.tools) : undefined, req.tool_choice);
    const stream = hints?.stream ?? req.stream ?? false;
    const request = { messages, stream };
    if (req.model !== undefined)
        request.model = req.model;
    if (tools !== undefined)
        request.tools = tools;
    if (toolChoice !== undefined)
        request.tool_choice = toolChoice;
    if (req.temperature !== undefined && req.temperature !== null)
        request.temperature = req.temperature;
    if (req.top_p !== undefined && req.top_p !== null)
        request.top_p = req.top_p;
    if (req.max_output_tokens !== undefined && req.max_output_tokens !== null)
        request.max_tokens = req.max_output_tokens;
    const format = responseFormat(req.text?.format);
    if (format !== undefined)
        request.response_format = format;
    if (req.parallel_tool_calls !== undefined && req.parallel_tool_calls !== null)
        request.parallel_tool_calls = req.parallel_tool_calls;
    if (req.user !== undefined && req.user !== null)
        request.user = req.user;
    return { request, stream };
}
function openaiId(prefix) {
    return `${prefix}_${(0,external_node_crypto_.randomBytes)(24).toString('hex')}`;
}
function outputText(text) {
    return { type: 'output_text', text, annotations: [], logprobs: [] };
}
function ending(finishReason) {
    if (finishReason === 'length')
        return { status: 'incomplete', incomplete: { reason: 'max_output_tokens' } };
    if (finishReason === 'content_filter')
        return { status: 'incomplete', incomplete: { reason: 'content_filter' } };
    return { status: 'completed', incomplete: null };
}
function echoedTools(request) {
    return (request?.tools ?? []).map((t) => ({
        type: 'function',
        name: t.function.name,
        description: t.function.description ?? null,
        parameters: t.function.parameters ?? null,
        strict: t.function.strict ?? null,
    }));
}
function echoedToolChoice(request) {
    const choice = request?.tool_choice;
    if (choice === undefined)
        return 'auto';
    return typeof choice === 'string' ? choice : { type: 'function', name: choice.function.name };
}
function echoedFormat(request) {
    const format = request?.response_format;
    if (format === undefined || format.type === 'text')
        return { type: 'text' };
    if (format.type === 'json_object')
        return { type: 'json_object' };
    return { type: 'json_schema', ...format.json_schema };
}
function responseUsage(usage) {
    const input = usage?.prompt_tokens ?? 0;
    const output = usage?.completion_tokens ?? 0;
    return {
        input_tokens: input,
        input_tokens_details: { cached_tokens: 0 },
        output_tokens: output,
        output_tokens_details: { reasoning_tokens: 0 },
        total_tokens: usage?.total_tokens ?? input + output,
    };
}
function responseObject(shape, ctx) {
    const request = ctx.request;
    return {
        id: shape.id,
        object: 'response',
        created_at: shape.createdAt,
        status: shape.status,
        background: false,
        ...(shape.status === 'in_progress' ? {} : { completed_at: Math.floor(Date.now() / 1000) }),
        error: null,
        incomplete_details: shape.incomplete,
        instructions: null,
        max_output_tokens: request?.max_tokens ?? null,
        model: ctx.requestedModel,
        output: shape.output,
        parallel_tool_calls: request?.parallel_tool_calls ?? true,
        previous_response_id: null,
        reasoning: { effort: null, summary: null },
        service_tier: 'default',
        // Nothing is kept: saying so stops callers from trying `previous_response_id` later.
        store: false,
        temperature: request?.temperature ?? 1,
        text: { format: echoedFormat(request), verbosity: 'medium' },
        tool_choice: echoedToolChoice(request),
        tools: echoedTools(request),
        top_p: request?.top_p ?? 1,
        truncation: 'disabled',
        usage: shape.usage,
        user: null,
        metadata: {},
    };
}
function render(response, ctx) {
    const choice = response.choices.find((c) => c.index === 0) ?? response.choices[0];
    const end = ending(choice?.finish_reason);
    const output = [];
    const message = choice?.message;
    const text = message?.content ?? '';
    const calls = message?.tool_calls ?? [];
    if (text !== '' || message?.refusal || calls.length === 0) {
        const content = [];
        if (text !== '' || !message?.refusal)
            content.push(outputText(text));
        if (message?.refusal)
            content.push({ type: 'refusal', refusal: message.refusal });
        output.push({ id: openaiId('msg'), type: 'message', status: 'completed', role: 'assistant', content });
    }
    for (const call of calls) {
        output.push({
            id: openaiId('fc'),
            type: 'function_call',
            status: 'completed',
            arguments: call.function.arguments,
            call_id: call.id,
            name: call.function.name,
        });
    }
    const last = output.at(-1);
    // The item being written when the model stopped is the one left unfinished.
    if (end.status === 'incomplete' && last)
        last.status = 'incomplete';
    return responseObject({ id: openaiId('resp'), createdAt: response.created, status: end.status, incomplete: end.incomplete, output, usage: responseUsage(response.usage) }, ctx);
}
/** Turns unified chunks into Responses events; `events` collects what one chunk produced. */
class StreamState {
    events = [];
    output = [];
    finishReason = null;
    usage = null;
    sequence = 0;
    current = null;
    /** Function-call items by the unified tool-call index. */
    calls = new Map();
    emit(type, fields) {
        this.events.push({ event: type, data: JSON.stringify({ type, sequence_number: this.sequence++, ...fields }) });
    }
    take() {
        const out = this.events;
        this.events = [];
        return out;
    }
    chunk(chunk) {
        if (chunk.usage)
            this.usage = chunk.usage;
        const choice = chunk.choices.find((c) => c.index === 0);
        if (!choice)
            return;
        const content = choice.delta.content;
        if (typeof content === 'string' && content !== '')
            this.text(content);
        for (const delta of choice.delta.tool_calls ?? []) {
            const open = this.calls.get(delta.index);
            if (!open)
                this.openCall(delta.id, delta.function.name, delta.index);
            const call = this.calls.get(delta.index);
            const args = delta.function.arguments ?? '';
            if (args === '')
                continue;
            call.item.arguments += args;
            // Providers stream one call after another; a fragment for a call already closed is only
            // kept for the final response, since its done events are out.
            if (this.current === call)
                this.emit('response.function_call_arguments.delta', { item_id: call.item.id, output_index: call.outputIndex, delta: args });
        }
        if (choice.finish_reason)
            this.finishReason = choice.finish_reason;
    }
    text(delta) {
        let open = this.current;
        if (!open || open.item.type !== 'message') {
            this.close('completed');
            open = this.openMessage();
        }
        const message = open;
        message.text += delta;
        this.emit('response.output_text.delta', { item_id: message.item.id, output_index: message.outputIndex, content_index: 0, delta, logprobs: [] });
    }
    openMessage() {
        const item = { id: openaiId('msg'), type: 'message', status: 'in_progress', role: 'assistant', content: [] };
        const open = { item, outputIndex: this.output.length, text: '' };
        this.output.push(item);
        this.current = open;
        this.emit('response.output_item.added', { output_index: open.outputIndex, item: { ...item, content: [] } });
        this.emit('response.content_part.added', { item_id: item.id, output_index: open.outputIndex, content_index: 0, part: outputText('') });
        return open;
    }
    openCall(id, name, index) {
        this.close('completed');
        const item = {
            id: openaiId('fc'),
            type: 'function_call',
            status: 'in_progress',
            arguments: '',
            call_id: id ?? openaiId('call'),
            name: name ?? '',
        };
        const open = { item, outputIndex: this.output.length };
        this.output.push(item);
        this.calls.set(index, open);
        this.current = open;
        this.emit('response.output_item.added', { output_index: open.outputIndex, item: { ...item } });
    }
    close(status) {
        const open = this.current;
        if (!open)
            return;
        this.current = null;
        if (open.item.type === 'message') {
            const { item, outputIndex, text } = open;
            const part = outputText(text);
            item.content = [part];
            item.status = status;
            this.emit('response.output_text.done', { item_id: item.id, output_index: outputIndex, content_index: 0, text, logprobs: [] });
            this.emit('response.content_part.done', { item_id: item.id, output_index: outputIndex, content_index: 0, part });
            this.emit('response.output_item.done', { output_index: outputIndex, item });
        }
        else {
            const { item, outputIndex } = open;
            item.status = status;
            this.emit('response.function_call_arguments.done', { item_id: item.id, output_index: outputIndex, name: item.name, arguments: item.arguments });
            this.emit('response.output_item.done', { output_index: outputIndex, item });
        }
    }
}
/**
 * Responses events for a unified chunk stream. The first chunk is awaited before any event, so a
 * provider that fails at once (a 401, a 429) throws here before a byte is sent and the route can
 * answer with an HTTP error (which the SDK retries); failures after that become an in-band
 * `error` event, as OpenAI sends them.
 */
async function* renderStream(chunks, ctx) {
    const iterator = chunks[Symbol.asyncIterator]();
    let finished = false;
    try {
        let next = await iterator.next();
        const state = new StreamState();
        const id = openaiId('resp');
        const createdAt = next.done ? Math.floor(Date.now() / 1000) : next.value.created;
        const opening = responseObject({ id, createdAt, status: 'in_progress', incomplete: null, output: [], usage: null }, ctx);
        state.emit('response.created', { response: opening });
        state.emit('response.in_progress', { response: opening });
        yield* state.take();
        try {
            while (!next.done) {
                state.chunk(next.value);
                yield* state.take();
                next = await iterator.next();
            }
        }
        catch (err) {
            finished = true;
            const error = (0,errors/* asGatewayError */.VG)(err);
            const body = openaiErrorBody(error).error;
            state.emit('error', { code: body.code ?? (error.status >= 500 ? 'server_error' : body.type), message: error.message, param: null });
            yield* state.take();
            return;
        }
        finished = true;
        const end = ending(state.finishReason);
        state.close(end.status);
        if (state.output.length === 0) {
            // Like the non-streamed answer: an empty reply is still one (empty) message.
            state.openMessage();
            state.close(end.status);
        }
        const final = responseObject({ id, createdAt, status: end.status, incomplete: end.incomplete, output: state.output, usage: responseUsage(state.usage) }, ctx);
        // OpenAI ends a truncated answer with response.incomplete rather than response.completed.
        state.emit(end.status === 'completed' ? 'response.completed' : 'response.incomplete', { response: final });
        yield* state.take();
    }
    finally {
        // A caller that stops reading (client gone) must release the upstream call.
        if (!finished)
            await iterator.return?.();
    }
}
const openaiResponsesFront = {
    name: 'openai-responses',
    parse,
    render,
    renderStream,
    errorBody: openaiErrorBody,
};

;// CONCATENATED MODULE: ./build/src/gateway/fronts/mlflow.js

const MLFLOW_ERROR_CODE = {
    invalid_request: 'INVALID_PARAMETER_VALUE',
    authentication: 'UNAUTHENTICATED',
    permission: 'PERMISSION_DENIED',
    not_found: 'RESOURCE_DOES_NOT_EXIST',
    rate_limit: 'REQUEST_LIMIT_EXCEEDED',
    upstream: 'INTERNAL_ERROR',
    timeout: 'DEADLINE_EXCEEDED',
    unavailable: 'TEMPORARILY_UNAVAILABLE',
    not_implemented: 'NOT_IMPLEMENTED',
    internal: 'INTERNAL_ERROR',
};
function mlflowErrorBody(error) {
    return { error_code: MLFLOW_ERROR_CODE[error.kind], message: error.message };
}
/** A chunk stream as `data:` events; `done` appends OpenAI's `[DONE]` sentinel. */
async function* dataEvents(chunks, extra, errorBody, done) {
    try {
        for await (const chunk of chunks)
            yield { data: JSON.stringify({ ...chunk, ...extra }) };
    }
    catch (err) {
        // Headers are gone: the only way left to tell the caller is an in-band error event.
        yield { data: JSON.stringify(errorBody(err instanceof errors/* GatewayError */.Fe ? err : new errors/* GatewayError */.Fe('internal', 'The stream failed; see the gateway log.', { cause: err }))) };
        return;
    }
    if (done)
        yield { data: '[DONE]' };
}
/** zod's first issue as a caller-facing message naming the field. */
function parseBody(schema, body) {
    const parsed = schema.safeParse(body, { reportInput: true });
    if (parsed.success)
        return parsed.data;
    const issue = parsed.error.issues[0];
    const path = issue.path.length ? issue.path.join('.') : 'body';
    const missing = issue.code === 'invalid_type' && issue.input === undefined;
    throw new errors/* GatewayError */.Fe('invalid_request', missing ? `Invalid request: '${path}' is required.` : `Invalid request: '${path}': ${issue.message}.`);
}

;// CONCATENATED MODULE: ./build/src/gateway/routes.js










/** The request's price in USD (see timingHeaders); the evaluator reads it per row (src/evaluate/targets/gateway.ts). */
const COST_HEADER = 'X-MLflow-Gateway-Cost-USD';
/** Vision payloads are large; a request above this is refused before it is read. */
const BODY_LIMIT = 64 * 1024 * 1024;
/** The log of the plugin instance serving a gateway (one per mount). */
const failureLog = new WeakMap();
/**
 * MLflow 3.x's timing headers: total time, and the part that was ours rather than the upstream's.
 * Ours: the request's price in USD when it is known as the headers go out, i.e. for whole answers
 * (a stream's usage arrives with its last chunk; a price in another currency is not USD).
 */
function timingHeaders(reply, rc) {
    const duration = Date.now() - rc.record.startMs;
    reply.header('X-MLflow-Gateway-Duration-Ms', String(duration));
    reply.header('X-MLflow-Gateway-Overhead-Duration-Ms', String(Math.max(0, duration - rc.record.upstreamMs)));
    const cost = rc.record.cost;
    if (cost?.currency === 'USD')
        reply.header(COST_HEADER, String(cost.total));
}
function sendJson(ctx, body) {
    timingHeaders(ctx.reply, ctx.rc);
    return ctx.reply.send(body);
}
/** A per-request AbortSignal that fires when the caller goes away before the answer is complete. */
function callerSignal(request, reply) {
    const controller = new AbortController();
    reply.raw.once('close', () => {
        if (!reply.raw.writableFinished)
            controller.abort();
    });
    request.raw.once('aborted', () => controller.abort());
    return controller.signal;
}
function parseJson(raw) {
    const text = typeof raw === 'string' ? raw : '';
    if (text.trim() === '')
        throw new errors/* GatewayError */.Fe('invalid_request', 'Invalid request: the body is empty. Send a JSON object.');
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (err) {
        throw new errors/* GatewayError */.Fe('invalid_request', `Invalid request: malformed JSON (${err.message}). Send a JSON object.`);
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value))
        throw new errors/* GatewayError */.Fe('invalid_request', 'Invalid request: the body must be a JSON object.');
    return value;
}
/** Messages quote upstream bodies; cut long ones, always after masking (a cut could halve a key). */
function routes_clip(message) {
    return message.length > 1000 ? `${message.slice(0, 1000)}…` : message;
}
function sendError(reply, gateway, error, render) {
    const e = (0,errors/* asGatewayError */.VG)(error);
    if (e.kind === 'internal') {
        // The wrapped cause is what went wrong; the wrapper only says that something did.
        const cause = e.cause instanceof Error ? e.cause : error;
        failureLog.get(gateway)?.error(`gateway request failed: ${gateway.redactor.redact(cause instanceof Error ? (cause.stack ?? cause.message) : String(cause))}`);
    }
    const safe = new errors/* GatewayError */.Fe(e.kind, routes_clip(gateway.redactor.redact(e.message)), { status: e.status, retryAfter: e.retryAfter });
    if (safe.retryAfter !== undefined)
        reply.header('retry-after', String(Math.ceil(safe.retryAfter)));
    // 499 is a log-only status: nobody is listening any more.
    return reply.status(safe.status === 499 ? 400 : safe.status).type('application/json').send(JSON.stringify(render(safe)));
}
/** A chunk stream whose mid-stream failures carry no secret, whichever front renders them. */
async function* redacted(gateway, chunks) {
    try {
        yield* chunks;
    }
    catch (err) {
        const e = (0,errors/* asGatewayError */.VG)(err);
        if (e.kind === 'internal')
            failureLog.get(gateway)?.error(`gateway stream failed: ${gateway.redactor.redact(err instanceof Error ? (err.stack ?? err.message) : String(err))}`);
        throw new errors/* GatewayError */.Fe(e.kind, routes_clip(gateway.redactor.redact(e.message)), { status: e.status, retryAfter: e.retryAfter });
    }
}
function sendSse(ctx, events) {
    const { reply } = ctx;
    async function* frames() {
        for await (const e of events)
            yield `${e.event ? `event: ${e.event}\n` : ''}data: ${e.data}\n\n`;
    }
    timingHeaders(reply, ctx.rc);
    reply.header('content-type', 'text/event-stream; charset=utf-8').header('cache-control', 'no-cache').header('x-accel-buffering', 'no');
    return reply.send(external_node_stream_.Readable.from(frames()));
}
/** Copies a vendor's own answer through untouched (MLflow's passthrough). */
function sendPassthrough(ctx, res) {
    const { reply } = ctx;
    timingHeaders(reply, ctx.rc);
    reply.status(res.status);
    for (const [k, v] of Object.entries(res.headers))
        reply.header(k, v);
    // Verbatim, except that a key an upstream echoes (in an error or a stream) is masked.
    return reply.send(external_node_stream_.Readable.from(ctx.gateway.redactor.redactStream(res.body)));
}
function header(request, name) {
    const v = request.headers[name];
    return typeof v === 'string' ? v : undefined;
}
/** Registers a POST route of one front; its failures render in `render`'s format and end the request's record. */
function post(app, gateway, url, front, render, handler) {
    app.post(url, async (request, reply) => {
        const rc = new RequestContext(front, callerSignal(request, reply), { traceparent: header(request, 'traceparent'), caller: header(request, 'x-mlflow-gateway-caller') });
        try {
            const body = parseJson(request.body);
            return await handler({ gateway, rc, request, reply }, body);
        }
        catch (err) {
            // Failures before the gateway took the request (bad JSON, bad fields) are requests too.
            gateway.finish(rc, err);
            timingHeaders(reply, rc);
            return sendError(reply, gateway, err, render);
        }
    });
}
function endpointParam(request) {
    return decodeURIComponent(request.params.name);
}
function modelFrom(body, rc) {
    const model = body.model;
    if (rc && typeof model === 'string')
        rc.record.endpoint = model;
    if (typeof model !== 'string' || model === '')
        throw new errors/* GatewayError */.Fe('invalid_request', "Missing required 'model' parameter in request body. Set it to the gateway endpoint's name.");
    return model;
}
// ---- MLflow unified schema (legacy /endpoints, /gateway/<name>/invocations, 3.x mlflow/invocations) ----
async function unified(ctx, name, body, kind) {
    const { gateway, rc } = ctx;
    // The endpoint, not the caller, picks the model on the invocations routes.
    const { model: _ignored, ...rest } = body;
    const provider = () => ({ provider: rc.record.servedBy?.provider });
    const inBand = (e) => ({ error: mlflowErrorBody(e) });
    if (kind === 'embeddings')
        return sendJson(ctx, { ...(await gateway.embeddings(name, parseBody(gateway_schemas/* embeddingsRequestSchema */.xn, rest), rc)), ...provider() });
    if (kind === 'completions') {
        const request = parseBody(gateway_schemas/* completionsRequestSchema */.Gl, rest);
        if (request.stream)
            return sendSse(ctx, dataEvents(redacted(gateway, await gateway.completionsStream(name, request, rc)), provider(), inBand, false));
        return sendJson(ctx, { ...(await gateway.completions(name, request, rc)), ...provider() });
    }
    const request = parseBody(gateway_schemas/* chatRequestSchema */.LS, rest);
    if (request.stream)
        return sendSse(ctx, dataEvents(redacted(gateway, await gateway.chatStream(name, request, rc)), provider(), inBand, false));
    return sendJson(ctx, { ...(await gateway.chat(name, request, rc)), ...provider() });
}
function byEndpointType(gateway, name) {
    const type = gateway.endpointType(name);
    return type === 'llm/v1/chat' ? 'chat' : type === 'llm/v1/completions' ? 'completions' : 'embeddings';
}
async function openaiChat(ctx, body, style) {
    const { gateway, rc } = ctx;
    const name = modelFrom(body, rc);
    const request = parseBody(gateway_schemas/* chatRequestSchema */.LS, body);
    const extra = () => (style.mlflowFlavour ? { provider: rc.record.servedBy?.provider } : {});
    if (request.stream)
        return sendSse(ctx, dataEvents(redacted(gateway, await gateway.chatStream(name, request, rc)), extra(), openaiErrorBody, !style.mlflowFlavour));
    return sendJson(ctx, { ...(await gateway.chat(name, request, rc)), ...extra() });
}
async function openaiCompletions(ctx, body, style) {
    const { gateway, rc } = ctx;
    const name = modelFrom(body, rc);
    const request = parseBody(gateway_schemas/* completionsRequestSchema */.Gl, body);
    const extra = () => (style.mlflowFlavour ? { provider: rc.record.servedBy?.provider } : {});
    if (request.stream)
        return sendSse(ctx, dataEvents(redacted(gateway, await gateway.completionsStream(name, request, rc)), extra(), openaiErrorBody, !style.mlflowFlavour));
    return sendJson(ctx, { ...(await gateway.completions(name, request, rc)), ...extra() });
}
async function openaiEmbeddings(ctx, body) {
    const name = modelFrom(body, ctx.rc);
    return sendJson(ctx, await ctx.gateway.embeddings(name, parseBody(gateway_schemas/* embeddingsRequestSchema */.xn, body), ctx.rc));
}
/** A front's request answered through the unified schema (the vendors differ). */
async function translated(ctx, front, name, body, hints) {
    const { gateway, rc } = ctx;
    const parsed = front.parse(body, hints);
    const renderCtx = { requestedModel: name, request: parsed.request };
    if (parsed.stream)
        return sendSse(ctx, front.renderStream(redacted(gateway, await gateway.chatStream(name, { ...parsed.request, stream: true }, rc)), renderCtx));
    return sendJson(ctx, front.render(await gateway.chat(name, { ...parsed.request, stream: false }, rc), renderCtx));
}
/** Forwards verbatim when the endpoint's provider speaks the front's vendor API, else translates. */
async function routes_native(ctx, name, request, fallback) {
    ctx.rc.record.endpoint = name;
    const res = await ctx.gateway.passthrough(name, request, ctx.rc);
    return res ? sendPassthrough(ctx, res) : fallback();
}
// ---- auth ----
function presentedToken(request) {
    const h = request.headers;
    const auth = h.authorization;
    if (typeof auth === 'string' && /^bearer /i.test(auth))
        return auth.slice(7).trim();
    for (const name of ['x-api-key', 'x-goog-api-key', 'api-key']) {
        const v = h[name];
        if (typeof v === 'string')
            return v;
    }
    const key = request.query?.key;
    return typeof key === 'string' ? key : undefined;
}
function tokenMatches(given, expected) {
    if (given === undefined)
        return false;
    const a = Buffer.from(given);
    const b = Buffer.from(expected);
    return a.length === b.length && (0,external_node_crypto_.timingSafeEqual)(a, b);
}
function rendererFor(url) {
    if (url.startsWith('/gateway/anthropic/'))
        return (e) => anthropicFront.errorBody(e);
    if (url.startsWith('/gateway/gemini/'))
        return (e) => geminiFront.errorBody(e);
    if (url.startsWith('/gateway/openai/') || url.startsWith('/gateway/mlflow/v1/') || url.startsWith('/v1/'))
        return openaiErrorBody;
    return mlflowErrorBody;
}
// ---- the plugin ----
async function gatewayRoutes(app, options) {
    const { gateway } = options;
    failureLog.set(gateway, options.log);
    app.removeAllContentTypeParsers();
    // Bodies stay text so that a malformed one is answered in the front's own error format.
    app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: BODY_LIMIT }, (_req, body, done) => done(null, body));
    app.setErrorHandler((error, request, reply) => {
        const fe = error;
        const e = fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
            ? new errors/* GatewayError */.Fe('invalid_request', `Request body is larger than the gateway accepts (${BODY_LIMIT / 1024 / 1024} MiB).`, { status: 413 })
            : typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500
                ? new errors/* GatewayError */.Fe('invalid_request', `Bad request: ${fe.message}`, { status: fe.statusCode })
                : error;
        return sendError(reply, gateway, e, rendererFor(request.url));
    });
    if (options.authToken !== undefined) {
        const token = options.authToken;
        app.addHook('onRequest', async (request, reply) => {
            if (request.url === '/health')
                return;
            if (tokenMatches(presentedToken(request), token))
                return;
            return sendError(reply, gateway, new errors/* GatewayError */.Fe('authentication', 'Missing or wrong gateway token. Send it as "Authorization: Bearer <token>" (or as your SDK\'s API key).'), rendererFor(request.url));
        });
    }
    if (options.standalone)
        app.get('/health', async () => ({ status: 'OK' }));
    const metrics = options.metrics;
    if (metrics) {
        app.get('/metrics', async (_request, reply) => {
            const { contentType, body } = await metrics.render();
            return reply.type(contentType).send(body);
        });
        for (const prefix of ['/api', '/ajax-api'])
            app.get(`${prefix}/2.0/gateway/stats`, async () => metrics.stats());
    }
    // MLflow legacy listing (deployments client): one page holds every endpoint of a config file.
    app.get('/api/2.0/endpoints/', async () => ({ endpoints: gateway.describeAll() }));
    app.get('/api/2.0/endpoints/:name', async (request, reply) => {
        const name = endpointParam(request);
        const found = gateway.describe(name);
        if (found)
            return found;
        return sendError(reply, gateway, new errors/* GatewayError */.Fe('not_found', `No endpoint named '${name}'. Configured endpoints: ${gateway.names().join(', ') || '(none)'}.`), mlflowErrorBody);
    });
    for (const url of ['/api/2.0/endpoints/limits/*', '/api/2.0/gateway/limits/*']) {
        app.all(url, async (_request, reply) => sendError(reply, gateway, new errors/* GatewayError */.Fe('not_implemented', 'Rate limits are set per endpoint in the gateway config file (`limit:`), not through this API.'), mlflowErrorBody));
    }
    for (const prefix of ['/api/3.0/mlflow/gateway/*', '/ajax-api/3.0/mlflow/gateway/*']) {
        app.all(prefix, async (_request, reply) => sendError(reply, gateway, new errors/* GatewayError */.Fe('not_implemented', `This gateway is configured by its config file${options.configPath ? ` (${options.configPath})` : ''}, not through MLflow's database-backed management API. Edit the file; the gateway reloads it.`), mlflowErrorBody));
    }
    for (const url of ['/endpoints/:name/invocations', '/gateway/:name/invocations']) {
        post(app, gateway, url, 'mlflow', mlflowErrorBody, (ctx, body) => {
            const name = endpointParam(ctx.request);
            ctx.rc.record.endpoint = name;
            return unified(ctx, name, body, byEndpointType(gateway, name));
        });
    }
    post(app, gateway, '/gateway/:name/mlflow/invocations', 'mlflow', mlflowErrorBody, (ctx, body) => {
        const name = endpointParam(ctx.request);
        ctx.rc.record.endpoint = name;
        gateway.resolve(name);
        if ('messages' in body)
            return unified(ctx, name, body, 'chat');
        if ('input' in body)
            return unified(ctx, name, body, 'embeddings');
        throw new errors/* GatewayError */.Fe('invalid_request', 'Invalid request: payload format must be either chat (with "messages") or embeddings (with "input").');
    });
    const mlflowV1 = { mlflowFlavour: true };
    post(app, gateway, '/gateway/mlflow/v1/chat/completions', 'mlflow-v1', openaiErrorBody, (ctx, body) => openaiChat(ctx, body, mlflowV1));
    post(app, gateway, '/gateway/mlflow/v1/completions', 'mlflow-v1', openaiErrorBody, (ctx, body) => openaiCompletions(ctx, body, mlflowV1));
    post(app, gateway, '/gateway/mlflow/v1/embeddings', 'mlflow-v1', openaiErrorBody, (ctx, body) => openaiEmbeddings(ctx, body));
    // OpenAI front: passthrough to OpenAI-speaking providers, translation to the rest.
    const openaiFront = { mlflowFlavour: false };
    const openaiPrefixes = options.standalone ? ['/gateway/openai/v1', '/v1'] : ['/gateway/openai/v1'];
    for (const prefix of openaiPrefixes) {
        // The standalone legacy gateway's /v1 routes are MLflow's, so they answer in MLflow's flavour.
        const style = prefix === '/v1' ? mlflowV1 : openaiFront;
        const forward = (operation, fallback) => post(app, gateway, `${prefix}/${operation}`, operation === 'responses' ? 'openai-responses' : prefix === '/v1' ? 'mlflow-v1' : 'openai', openaiErrorBody, (ctx, body) => {
            const name = modelFrom(body, ctx.rc);
            if (prefix === '/v1')
                return fallback(ctx, body);
            return routes_native(ctx, name, { vendor: 'openai', operation, body, stream: body.stream === true }, () => fallback(ctx, body));
        });
        forward('chat/completions', (ctx, body) => openaiChat(ctx, body, style));
        forward('completions', (ctx, body) => openaiCompletions(ctx, body, style));
        forward('embeddings', (ctx, body) => openaiEmbeddings(ctx, body));
        forward('responses', (ctx, body) => translated(ctx, openaiResponsesFront, modelFrom(body, ctx.rc), body));
        const models = () => ({
            object: 'list',
            data: gateway.names().map((id) => ({ id, object: 'model', created: 0, owned_by: 'mlflow-ts-gateway' })),
        });
        app.get(`${prefix}/models`, async () => models());
        app.get(`${prefix}/models/:name`, async (request, reply) => {
            const name = endpointParam(request);
            if (gateway.knows(name))
                return { id: name, object: 'model', created: 0, owned_by: 'mlflow-ts-gateway' };
            return sendError(reply, gateway, new errors/* GatewayError */.Fe('not_found', `The model '${name}' does not exist: it is not an endpoint of this gateway.`), openaiErrorBody);
        });
    }
    post(app, gateway, '/gateway/anthropic/v1/messages', 'anthropic', (e) => anthropicFront.errorBody(e), (ctx, body) => {
        const name = modelFrom(body, ctx.rc);
        // Beta features are opted into by header; only that header goes upstream, never the caller's key.
        const beta = ctx.request.headers['anthropic-beta'];
        const headers = typeof beta === 'string' ? { 'anthropic-beta': beta } : undefined;
        return routes_native(ctx, name, { vendor: 'anthropic', operation: 'messages', body, stream: body.stream === true, ...(headers ? { headers } : {}) }, () => translated(ctx, anthropicFront, name, body));
    });
    // Gemini names the model and the method in one path segment: `models/<name>:generateContent`.
    for (const version of ['v1beta', 'v1']) {
        post(app, gateway, `/gateway/gemini/${version}/models/:action`, 'gemini', (e) => geminiFront.errorBody(e), (ctx, body) => {
            const action = decodeURIComponent(ctx.request.params.action);
            const match = /^(.+):(generateContent|streamGenerateContent)$/.exec(action);
            if (!match)
                throw new errors/* GatewayError */.Fe('not_found', `Unsupported Gemini method '${action}'. The gateway serves models/<endpoint>:generateContent and :streamGenerateContent.`);
            const [, name, method] = match;
            const stream = method === 'streamGenerateContent';
            const query = stream ? { alt: 'sse' } : undefined;
            return routes_native(ctx, name, { vendor: 'gemini', operation: `models/${name}:${method}`, body, stream, ...(query ? { query } : {}) }, () => translated(ctx, geminiFront, name, body, { stream }));
        });
    }
}

;// CONCATENATED MODULE: ./build/src/gateway/server.js
/**
 * Serving the gateway: `createGatewayApp` for the standalone server (`mlflow-ts gateway start`),
 * `mountGateway` for the tracking server (`mlflow-ts server --gateway-config`), both loading the
 * config file, watching it, and swapping the running config atomically on a good edit. A bad edit
 * keeps the old config and logs why.
 */









/** Server-side tracing of gateway requests, sampled by the project's tracing settings. */
function gatewayTracer(trackingUri, log, env = process.env) {
    const settings = (0,config/* resolveTracingSettings */.er)({ env, file: (0,config/* loadProjectConfig */.WM)()?.config });
    return new GatewayTracer({ trackingUri, sampling: { rate: settings.samplingRate, slowThresholdMs: settings.slowThresholdMs }, log });
}
/** Loads the config and registers the gateway's routes on `app` in their own scope. */
async function mountGateway(app, options) {
    const offline = options.replay !== undefined;
    const config = await (0,gateway_config/* loadGatewayConfig */.TK)(options.configPath, { env: options.env, offline });
    const log = options.log ?? { info: (m) => app.log.info(m), error: (m) => app.log.error(m) };
    // Metrics label unknown names as one value (no cardinality from callers); the gateway knows the names.
    const known = { knows: (_name) => false };
    const metrics = new GatewayMetrics({ isKnownEndpoint: (name) => known.knows(name) });
    const observers = [
        metrics,
        ...(options.accessLog ? [new AccessLog(options.accessLog)] : []),
        ...(options.trackingUri ? [gatewayTracer(options.trackingUri, log, options.env)] : []),
        ...(options.observers ?? []),
    ];
    // The redactor follows reloads: a key added by an edit is kept out of recordings too.
    const redactor = () => gateway.redactor;
    const ownUpstream = options.upstream === undefined && options.replay ? new ReplayUpstream(options.replay, { redactor }) : options.upstream === undefined && options.record ? new RecordingUpstream(options.record, { redactor }) : undefined;
    const gateway = new Gateway(config, { ...options.runtime, upstream: options.upstream ?? ownUpstream, observers });
    known.knows = (name) => gateway.knows(name);
    const watcher = options.watch === false
        ? undefined
        : (0,gateway_config/* watchGatewayConfig */.Wq)(options.configPath, {
            onReload(next) {
                try {
                    gateway.reload(next);
                    log.info(`gateway config reloaded from ${options.configPath} (${next.endpoints.length} endpoints)`);
                }
                catch (err) {
                    log.error(`gateway config ${options.configPath} not applied, keeping the running one: ${gateway.redactor.redact(err.message)}`);
                }
            },
            onError(err) {
                log.error(`gateway config ${options.configPath} not applied, keeping the running one: ${gateway.redactor.redact(err.message)}`);
            },
        }, { env: options.env, offline });
    // An edit made right after start-up must not slip past a watcher that is still scanning.
    await watcher?.ready;
    await app.register(gatewayRoutes, { gateway, authToken: options.authToken, standalone: options.standalone, configPath: options.configPath, log, metrics });
    return {
        gateway,
        metrics,
        async close() {
            await watcher?.close();
            await gateway.close();
            await ownUpstream?.close();
        },
    };
}
async function createGatewayApp(options) {
    // Idle sockets close at once on shutdown; busy ones finish their request (streams included).
    const app = fastify({ logger: options.logger ?? false, requestTimeout: 0, return503OnClosing: false, forceCloseConnections: 'idle' });
    let closing = false;
    app.addHook('onSend', async (_request, reply) => {
        reply.header('X-Content-Type-Options', 'nosniff');
        // Keep-alive clients would otherwise hold shutdown open after their last answer.
        if (closing)
            reply.header('Connection', 'close');
    });
    app.addHook('preClose', async () => {
        closing = true;
    });
    const mounted = await mountGateway(app, { ...options, standalone: true });
    app.addHook('onClose', async () => mounted.close());
    return { app, ...mounted };
}
async function startGatewayServer(options) {
    const { app, gateway } = await createGatewayApp(options);
    const host = options.host ?? '127.0.0.1';
    try {
        await app.listen({ host, port: options.port ?? 5000 });
    }
    catch (err) {
        await app.close();
        throw err;
    }
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
    let closing;
    return { url: `http://${urlHost}:${port}`, app, gateway, close: () => (closing ??= app.close()) };
}


/***/ })

};
