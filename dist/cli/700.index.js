export const id = 700;
export const ids = [700,41];
export const modules = {

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

/***/ 22700:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  startTrackingServer: () => (/* binding */ startTrackingServer)
});

// UNUSED EXPORTS: createTrackingApp

// EXTERNAL MODULE: ./node_modules/fastify/fastify.js
var fastify = __webpack_require__(16703);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./build/src/mlflow/limits.js
var limits = __webpack_require__(45167);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: ./build/src/mlflow/errors.js
var errors = __webpack_require__(35556);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./build/src/store/run-names.js

// MLflow names unnamed runs `<adjective>-<noun>-<0..999>`; users recognise the shape in the UI.
const ADJECTIVES = [
    'able', 'adaptable', 'agreeable', 'amazing', 'ambitious', 'awesome', 'bedecked', 'bold', 'brawny', 'bright',
    'calm', 'capable', 'carefree', 'casual', 'charming', 'clean', 'clever', 'colorful', 'crawling', 'dapper',
    'debonair', 'delicate', 'enchanting', 'fearless', 'funny', 'gaudy', 'gentle', 'gifted', 'glamorous', 'grandiose',
    'honorable', 'intelligent', 'judicious', 'kindly', 'learned', 'legendary', 'likeable', 'luminous', 'masked', 'merciful',
    'nebulous', 'omniscient', 'orderly', 'overjoyed', 'polite', 'powerful', 'puzzled', 'redolent', 'resilient', 'rogue',
    'rumbling', 'salty', 'sassy', 'secretive', 'selective', 'serious', 'silent', 'skillful', 'smiling', 'spiffy',
    'stately', 'suave', 'sedate', 'thoughtful', 'traveling', 'trusting', 'unequaled', 'upbeat', 'useful', 'valuable',
    'victorious', 'welcoming', 'wise', 'zealous',
];
const NOUNS = [
    'ant', 'ape', 'asp', 'auk', 'bass', 'bat', 'bear', 'bee', 'bird', 'boar', 'bug', 'calf', 'carp', 'cat', 'chimp',
    'cod', 'colt', 'conch', 'cow', 'crab', 'crane', 'croc', 'crow', 'cub', 'deer', 'doe', 'dog', 'dolphin', 'donkey',
    'dove', 'duck', 'eel', 'elk', 'finch', 'fish', 'fly', 'foal', 'fowl', 'fox', 'frog', 'gnat', 'gnu', 'goat', 'goose',
    'grouse', 'grub', 'gull', 'hare', 'hawk', 'hen', 'hog', 'horse', 'hound', 'jay', 'kit', 'kite', 'koi', 'lamb',
    'lark', 'loon', 'lynx', 'mare', 'midge', 'mink', 'mole', 'moose', 'moth', 'mouse', 'mule', 'newt', 'owl', 'ox',
    'panda', 'penguin', 'perch', 'pig', 'pug', 'quail', 'ram', 'rat', 'ray', 'robin', 'roo', 'rook', 'seal', 'shad',
    'shark', 'sheep', 'shoat', 'shrew', 'shrike', 'shrimp', 'skink', 'skunk', 'sloth', 'slug', 'smelt', 'snail',
    'snake', 'snipe', 'sow', 'sponge', 'squid', 'stag', 'stoat', 'swan', 'tern', 'toad', 'trout', 'turtle', 'vole',
    'wasp', 'whale', 'wolf', 'worm', 'wren', 'yak', 'zebra', 'slug',
];
function generateRunName() {
    return `${ADJECTIVES[(0,external_node_crypto_.randomInt)(ADJECTIVES.length)]}-${NOUNS[(0,external_node_crypto_.randomInt)(NOUNS.length)]}-${(0,external_node_crypto_.randomInt)(1000)}`;
}

;// CONCATENATED MODULE: ./build/src/store/search/parser.js
/**
 * MLflow's search filter and order_by grammar (wire reference §3, mlflow/utils/search_utils.py),
 * as a tokenizer plus a recursive-descent parser producing the AST in ast.ts.
 *
 * MLflow itself tokenises with sqlparse and then inspects the token tree; this parser accepts
 * the same language but reports every error against the exact token that caused it, so a user
 * sees `'>>>' at position 12` instead of a dump of the whole statement.
 *
 * Grammar (keywords are case-insensitive, entity prefixes and attribute names are not, as in MLflow):
 *
 *   filter     := clause (AND clause)* EOF
 *   clause     := identifier comparator value
 *   comparator := '=' | '!=' | '>' | '>=' | '<' | '<=' | LIKE | ILIKE | RLIKE | IN | NOT IN | IS NULL | IS NOT NULL
 *   value      := number | 'string' | "string" | '(' string (',' string)* ')'
 *   identifier := [prefix '.'] key   where key is bare (dots allowed) or quoted with ` or "
 *   order_by   := identifier [ASC | DESC]
 *
 * RLIKE (a regular expression, unanchored) is accepted for traces only, as in MLflow.
 */

const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'IN', 'IS', 'NULL', 'LIKE', 'ILIKE', 'RLIKE', 'ASC', 'DESC']);
const WORD_START = /[\p{L}_]/u;
const WORD_CHAR = /[\p{L}\p{N}_]/u;
// A key segment after a dot may also hold the other characters MLflow allows in keys
// (`/`, `-`, `:`), so `metrics.train/loss` needs no quoting.
const KEY_CHAR = /[\p{L}\p{N}_\-/:]/u;
const OP_CHAR = /[<>=!]/;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;
/** The syntax-error channel: caught by the parse entry points and turned into MlflowError. */
class SyntaxFault extends Error {
    position;
    constructor(message, position) {
        super(message);
        this.position = position;
    }
}
function quoteToken(raw) {
    return raw.length >= 2 && raw.startsWith("'") && raw.endsWith("'") ? raw : `'${raw}'`;
}
function readQuoted(src, start) {
    const q = src[start];
    let text = '';
    let i = start + 1;
    while (i < src.length) {
        const c = src[i];
        if (c === q) {
            // SQL escapes a quote by doubling it.
            if (src[i + 1] === q) {
                text += q;
                i += 2;
                continue;
            }
            return { text, end: i + 1 };
        }
        if (c === '\\' && src[i + 1] === q) {
            text += q;
            i += 2;
            continue;
        }
        text += c;
        i++;
    }
    throw new SyntaxFault(`unterminated quoted string ${src.slice(start)} starting at position ${start}`, start);
}
function tokenize(src) {
    const tokens = [];
    let i = 0;
    while (i < src.length) {
        const c = src[i];
        if (/\s/.test(c)) {
            i++;
            continue;
        }
        const start = i;
        if (c === '(' || c === ')' || c === ',') {
            tokens.push({ kind: c === '(' ? 'lparen' : c === ')' ? 'rparen' : 'comma', raw: c, start });
            i++;
            continue;
        }
        if (OP_CHAR.test(c)) {
            // Take the whole run of operator characters so `>>>` is reported as one bad comparator.
            while (i < src.length && OP_CHAR.test(src[i]))
                i++;
            tokens.push({ kind: 'op', raw: src.slice(start, i), start });
            continue;
        }
        const num = NUMBER.exec(src.slice(i));
        if (num && (/\d/.test(c) || ((c === '-' || c === '+' || c === '.') && num[0].length > 1))) {
            i += num[0].length;
            if (i < src.length && WORD_CHAR.test(src[i])) {
                while (i < src.length && KEY_CHAR.test(src[i]))
                    i++;
                throw new SyntaxFault(`unexpected token '${src.slice(start, i)}' at position ${start}: not a number, a quoted string or an identifier`, start);
            }
            tokens.push({ kind: 'number', raw: num[0], start, num: Number(num[0]) });
            continue;
        }
        if (c === "'") {
            const { text, end } = readQuoted(src, i);
            i = end;
            tokens.push({ kind: 'string', raw: src.slice(start, end), start, text, quote: "'" });
            continue;
        }
        if (c === '"' || c === '`' || WORD_START.test(c)) {
            const segments = [];
            for (;;) {
                const s = src[i];
                if (s === '"' || s === '`') {
                    const { text, end } = readQuoted(src, i);
                    segments.push({ text, quote: s });
                    i = end;
                }
                else {
                    const charOk = segments.length === 0 ? WORD_CHAR : KEY_CHAR;
                    const segStart = i;
                    while (i < src.length && charOk.test(src[i]))
                        i++;
                    if (i === segStart) {
                        throw new SyntaxFault(`identifier '${src.slice(start, i)}' at position ${start} ends with '.' but no key follows; quote keys with special characters, e.g. metrics.\`my metric\``, start);
                    }
                    segments.push({ text: src.slice(segStart, i), quote: '' });
                }
                if (src[i] === '.' && i + 1 < src.length && !/\s/.test(src[i + 1])) {
                    i++;
                    continue;
                }
                if (src[i] === '.') {
                    throw new SyntaxFault(`identifier '${src.slice(start, i + 1)}' at position ${start} ends with '.' but no key follows`, start);
                }
                break;
            }
            const raw = src.slice(start, i);
            const only = segments.length === 1 ? segments[0] : undefined;
            if (only && only.quote === '' && KEYWORDS.has(only.text.toUpperCase())) {
                tokens.push({ kind: 'keyword', raw, start, text: only.text.toUpperCase() });
            }
            else if (only && only.quote === '"') {
                // A lone "..." is a string value or a quoted attribute name; the parser decides by position.
                tokens.push({ kind: 'string', raw, start, text: only.text, quote: '"', segments });
            }
            else {
                tokens.push({ kind: 'ident', raw, start, segments });
            }
            continue;
        }
        throw new SyntaxFault(`unexpected character '${c}' at position ${start}`, start);
    }
    tokens.push({ kind: 'eof', raw: '', start: src.length });
    return tokens;
}
// ------------------------------------------------------------------------------------ grammar tables
const METRIC_COMPARATORS = ['=', '!=', '>', '>=', '<', '<='];
const NUMERIC_COMPARATORS = METRIC_COMPARATORS;
const KEY_VALUE_COMPARATORS = ['=', '!=', 'LIKE', 'ILIKE', 'IS NULL', 'IS NOT NULL'];
const STRING_ATTRIBUTE_COMPARATORS = ['=', '!=', 'LIKE', 'ILIKE', 'IN', 'NOT IN'];
const EXPERIMENT_STRING_COMPARATORS = ['=', '!=', 'LIKE', 'ILIKE'];
const DATASET_COMPARATORS = ['=', '!=', 'LIKE', 'ILIKE', 'IN', 'NOT IN'];
const RUN_ATTRIBUTES = {
    run_id: 'string',
    run_name: 'string',
    user_id: 'string',
    status: 'string',
    artifact_uri: 'string',
    start_time: 'numeric',
    end_time: 'numeric',
};
const RUN_GRAMMAR = {
    name: 'runs',
    prefixes: {
        metric: 'metric',
        metrics: 'metric',
        param: 'param',
        params: 'param',
        parameter: 'param',
        parameters: 'param',
        tag: 'tag',
        tags: 'tag',
        attribute: 'attribute',
        attributes: 'attribute',
        attr: 'attribute',
        run: 'attribute',
        dataset: 'dataset',
        datasets: 'dataset',
    },
    filterAttributes: {
        keys: RUN_ATTRIBUTES,
        aliases: { created: 'start_time', Created: 'start_time', 'run name': 'run_name', 'Run name': 'run_name', 'Run Name': 'run_name' },
        listKeys: new Set(['run_id']),
        stringComparators: STRING_ATTRIBUTE_COMPARATORS,
    },
    orderAttributes: {
        keys: RUN_ATTRIBUTES,
        // MLflow orders by `created` but not by the `run name` spelling.
        aliases: { created: 'start_time', Created: 'start_time' },
        listKeys: new Set(),
        stringComparators: STRING_ATTRIBUTE_COMPARATORS,
    },
    orderEntities: new Set(['metric', 'param', 'tag']),
};
const EXPERIMENT_GRAMMAR = {
    name: 'experiments',
    // SearchExperimentsUtils accepts only these three prefixes.
    prefixes: { attribute: 'attribute', tag: 'tag', tags: 'tag' },
    filterAttributes: {
        keys: { name: 'string', creation_time: 'numeric', last_update_time: 'numeric' },
        aliases: {},
        listKeys: new Set(),
        stringComparators: EXPERIMENT_STRING_COMPARATORS,
    },
    orderAttributes: {
        keys: { name: 'string', experiment_id: 'numeric', creation_time: 'numeric', last_update_time: 'numeric' },
        aliases: {},
        listKeys: new Set(),
        stringComparators: EXPERIMENT_STRING_COMPARATORS,
    },
    orderEntities: new Set(),
};
const LOGGED_MODEL_ATTRIBUTES = {
    keys: {
        name: 'string',
        model_id: 'string',
        model_type: 'string',
        status: 'string',
        source_run_id: 'string',
        creation_timestamp_ms: 'numeric',
        last_updated_timestamp_ms: 'numeric',
    },
    aliases: {
        creation_time: 'creation_timestamp_ms',
        creation_timestamp: 'creation_timestamp_ms',
        last_updated_time: 'last_updated_timestamp_ms',
        last_updated_timestamp: 'last_updated_timestamp_ms',
    },
    // SearchLoggedModelsUtils lets every string attribute take a list.
    listKeys: new Set(['name', 'model_id', 'model_type', 'status', 'source_run_id']),
    stringComparators: STRING_ATTRIBUTE_COMPARATORS,
};
const LOGGED_MODEL_GRAMMAR = {
    name: 'logged models',
    prefixes: {
        metric: 'metric',
        metrics: 'metric',
        param: 'param',
        params: 'param',
        parameter: 'param',
        parameters: 'param',
        tag: 'tag',
        tags: 'tag',
        attribute: 'attribute',
        attributes: 'attribute',
        attr: 'attribute',
    },
    filterAttributes: LOGGED_MODEL_ATTRIBUTES,
    orderAttributes: LOGGED_MODEL_ATTRIBUTES,
    orderEntities: new Set(['metric']),
};
// SearchTraceUtils (MLflow 3.11): trace attributes, tags, metadata and span columns.
const TRACE_STRING_COMPARATORS = ['=', '!=', 'LIKE', 'ILIKE', 'RLIKE', 'IN', 'NOT IN'];
const TRACE_ATTRIBUTE_KEYS = {
    request_id: 'string',
    timestamp_ms: 'numeric',
    execution_time_ms: 'numeric',
    end_time_ms: 'numeric',
    status: 'string',
    client_request_id: 'string',
    name: 'string',
    run_id: 'string',
};
const TRACE_ATTRIBUTE_ALIASES = {
    trace_id: 'request_id',
    timestamp: 'timestamp_ms',
    execution_time: 'execution_time_ms',
    end_time: 'end_time_ms',
    state: 'status',
};
const TRACE_GRAMMAR = {
    name: 'traces',
    prefixes: {
        tag: 'tag',
        tags: 'tag',
        metadata: 'metadata',
        request_metadata: 'metadata',
        attribute: 'attribute',
        attributes: 'attribute',
        trace: 'attribute',
        span: 'span',
    },
    filterAttributes: {
        keys: TRACE_ATTRIBUTE_KEYS,
        aliases: TRACE_ATTRIBUTE_ALIASES,
        listKeys: new Set(['name', 'status', 'request_id', 'run_id', 'client_request_id']),
        stringComparators: TRACE_STRING_COMPARATORS,
    },
    orderAttributes: {
        keys: { ...TRACE_ATTRIBUTE_KEYS, experiment_id: 'numeric' },
        aliases: TRACE_ATTRIBUTE_ALIASES,
        listKeys: new Set(),
        stringComparators: TRACE_STRING_COMPARATORS,
    },
    orderEntities: new Set(['tag', 'metadata']),
    keyValueComparators: ['=', '!=', 'LIKE', 'ILIKE', 'RLIKE', 'IS NULL', 'IS NOT NULL'],
    rewrites: {
        name: { entity: 'tag', key: 'mlflow.traceName' },
        run_id: { entity: 'metadata', key: 'mlflow.sourceRun' },
    },
    spanKeys: ['name', 'type', 'status'],
};
const GRAMMARS = {
    runs: RUN_GRAMMAR,
    experiments: EXPERIMENT_GRAMMAR,
    logged_models: LOGGED_MODEL_GRAMMAR,
    traces: TRACE_GRAMMAR,
};
const DATASET_KEYS = ['name', 'digest', 'context'];
/** MLflow's own word for each entity in value errors ("Expected a quoted string value for parameter"). */
const ENTITY_WORD = {
    metric: 'metric',
    param: 'parameter',
    tag: 'tag',
    attribute: 'attribute',
    dataset: 'dataset',
    metadata: 'metadata',
    span: 'span',
};
const listOf = (xs) => xs.join(', ');
class Cursor {
    tokens;
    pos = 0;
    constructor(tokens) {
        this.tokens = tokens;
    }
    peek(offset = 0) {
        return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)];
    }
    next() {
        const t = this.peek();
        if (this.pos < this.tokens.length - 1)
            this.pos++;
        return t;
    }
    isKeyword(word, offset = 0) {
        const t = this.peek(offset);
        return t.kind === 'keyword' && t.text === word;
    }
}
function describe(t) {
    return t.kind === 'eof' ? 'end of input' : `'${t.raw}' at position ${t.start}`;
}
function keyOf(t) {
    const segs = t.segments ?? [];
    if (segs.length === 1)
        return { key: segs[0].text };
    const [prefix, ...rest] = segs;
    if (rest.length === 1)
        return { prefix, key: rest[0].text };
    if (rest.every((s) => s.quote === ''))
        return { prefix, key: rest.map((s) => s.text).join('.') };
    throw new SyntaxFault(`Invalid identifier '${t.raw}' at position ${t.start}: quote the whole key, e.g. ${prefix.text}.\`${rest.map((s) => s.text).join('.')}\``, t.start);
}
function resolveIdentifier(t, grammar, forOrderBy) {
    const { prefix, key } = keyOf(t);
    if (key === '')
        throw new SyntaxFault(`Invalid identifier '${t.raw}' at position ${t.start}: the key is empty`, t.start);
    let entity = 'attribute';
    if (prefix) {
        const found = Object.hasOwn(grammar.prefixes, prefix.text) ? grammar.prefixes[prefix.text] : undefined;
        if (!found) {
            throw new SyntaxFault(`Invalid entity type '${prefix.text}' in '${t.raw}' at position ${t.start}. Valid entity types for ${grammar.name} are ${listOf(Object.keys(grammar.prefixes))}`, t.start);
        }
        entity = found;
    }
    if (entity === 'attribute') {
        const spec = forOrderBy ? grammar.orderAttributes : grammar.filterAttributes;
        const canonical = Object.hasOwn(spec.aliases, key) ? spec.aliases[key] : key;
        const kind = Object.hasOwn(spec.keys, canonical) ? spec.keys[canonical] : undefined;
        if (!kind) {
            const valid = [...Object.keys(spec.keys), ...Object.keys(spec.aliases)];
            throw new SyntaxFault(`Invalid attribute key '${key}' specified in '${t.raw}' at position ${t.start}. Valid keys are ${listOf(valid)}`, t.start);
        }
        return { entity, key: canonical, kind };
    }
    if (entity === 'span' && !(grammar.spanKeys ?? []).includes(key)) {
        throw new SyntaxFault(`Invalid span attribute '${key}' specified in '${t.raw}' at position ${t.start}. Valid keys are ${listOf(grammar.spanKeys ?? [])}`, t.start);
    }
    if (entity === 'dataset' && !DATASET_KEYS.includes(key)) {
        throw new SyntaxFault(`Invalid dataset key '${key}' specified in '${t.raw}' at position ${t.start}. Valid keys are ${listOf(DATASET_KEYS)}`, t.start);
    }
    return { entity, key };
}
/** An identifier token, or a lone double-quoted name (`"run name" = 'x'`), as MLflow accepts both. */
function takeIdentifier(c, grammar, forOrderBy) {
    const t = c.peek();
    if (t.kind === 'ident' || (t.kind === 'string' && t.quote === '"')) {
        c.next();
        return { token: t, id: resolveIdentifier(t, grammar, forOrderBy) };
    }
    if (t.kind === 'lparen') {
        throw new SyntaxFault(`Invalid clause(s) in filter string: '(' at position ${t.start}. Parentheses for grouping are not supported; join clauses with AND`, t.start);
    }
    if (t.kind === 'eof')
        throw new SyntaxFault(`unexpected end of input; expected an identifier such as metrics.<key>, params.<key> or tags.<key>`, t.start);
    throw new SyntaxFault(`Invalid clause(s) in filter string: unexpected token ${describe(t)}; expected an identifier such as metrics.<key>, params.<key> or tags.<key>`, t.start);
}
function takeComparator(c, ident) {
    const t = c.next();
    if (t.kind === 'op') {
        const op = t.raw;
        if (!NUMERIC_COMPARATORS.includes(op)) {
            throw new SyntaxFault(`Invalid comparator '${t.raw}' at position ${t.start}; expected one of ${listOf([...NUMERIC_COMPARATORS, 'LIKE', 'ILIKE', 'IN', 'NOT IN', 'IS NULL', 'IS NOT NULL'])}`, t.start);
        }
        return { comparator: op, token: t, raw: t.raw };
    }
    if (t.kind === 'keyword') {
        switch (t.text) {
            case 'LIKE':
            case 'ILIKE':
            case 'RLIKE':
            case 'IN':
                return { comparator: t.text, token: t, raw: t.raw };
            case 'NOT': {
                const n = c.next();
                if (n.kind === 'keyword' && n.text === 'IN')
                    return { comparator: 'NOT IN', token: t, raw: `${t.raw} ${n.raw}` };
                throw new SyntaxFault(`Invalid comparator 'NOT ${n.raw}' at position ${t.start}; NOT is only supported as NOT IN or IS NOT NULL`, t.start);
            }
            case 'IS': {
                const n = c.next();
                if (n.kind === 'keyword' && n.text === 'NULL')
                    return { comparator: 'IS NULL', token: t, raw: `${t.raw} ${n.raw}` };
                if (n.kind === 'keyword' && n.text === 'NOT') {
                    const m = c.next();
                    if (m.kind === 'keyword' && m.text === 'NULL')
                        return { comparator: 'IS NOT NULL', token: t, raw: `${t.raw} ${n.raw} ${m.raw}` };
                    throw new SyntaxFault(`Invalid comparator 'IS NOT ${m.raw}' at position ${t.start}; expected IS NOT NULL`, t.start);
                }
                throw new SyntaxFault(`Invalid comparator 'IS ${n.raw}' at position ${t.start}; expected IS NULL or IS NOT NULL`, t.start);
            }
        }
    }
    if (t.kind === 'eof') {
        throw new SyntaxFault(`unexpected end of input after '${ident.raw}'; expected a comparator (=, !=, >, >=, <, <=, LIKE, ILIKE, IN, NOT IN, IS NULL)`, t.start);
    }
    throw new SyntaxFault(`Invalid comparator ${describe(t)} after '${ident.raw}'; expected one of =, !=, >, >=, <, <=, LIKE, ILIKE, IN, NOT IN, IS NULL, IS NOT NULL`, t.start);
}
function takeValue(c, src, after) {
    const t = c.next();
    if (t.kind === 'lparen') {
        const items = [];
        if (c.peek().kind !== 'rparen') {
            for (;;) {
                const item = c.next();
                if (item.kind === 'eof')
                    throw new SyntaxFault(`unterminated list starting at position ${t.start}: missing ')'`, t.start);
                if (item.kind === 'lparen' || item.kind === 'rparen' || item.kind === 'comma') {
                    throw new SyntaxFault(`unexpected token ${describe(item)} in list starting at position ${t.start}; expected a quoted string`, item.start);
                }
                items.push(item);
                const sep = c.next();
                if (sep.kind === 'rparen')
                    break;
                if (sep.kind !== 'comma') {
                    throw new SyntaxFault(sep.kind === 'eof'
                        ? `unterminated list starting at position ${t.start}: missing ')'`
                        : `unexpected token ${describe(sep)} in list starting at position ${t.start}; expected ',' or ')'`, sep.start);
                }
            }
        }
        else {
            c.next();
        }
        const close = c.tokens[c.pos - 1];
        return { kind: 'list', items, raw: src.slice(t.start, close.start + 1), start: t.start };
    }
    if (t.kind === 'eof')
        throw new SyntaxFault(`unexpected end of input after '${after}'; expected a value`, t.start);
    if (t.kind === 'rparen' || t.kind === 'comma')
        throw new SyntaxFault(`unexpected token ${describe(t)} after '${after}'; expected a value`, t.start);
    return { kind: 'scalar', token: t };
}
function rawOf(v) {
    return v.kind === 'list' ? v.raw : v.token.raw;
}
function startOf(v) {
    return v.kind === 'list' ? v.start : v.token.start;
}
function expectNumber(v, what) {
    if (v.kind === 'scalar' && v.token.kind === 'number' && Number.isFinite(v.token.num))
        return v.token.num;
    throw new SyntaxFault(`Expected numeric value type for ${what}. Found ${quoteToken(rawOf(v))} at position ${startOf(v)}`, startOf(v));
}
function expectString(v, entity) {
    if (v.kind === 'scalar' && v.token.kind === 'string')
        return v.token.text;
    const at = ` at position ${startOf(v)}`;
    if (v.kind === 'scalar' && (v.token.kind === 'ident' || (v.token.kind === 'keyword' && v.token.text !== 'NULL'))) {
        throw new SyntaxFault(`Parameter value is either not quoted or unidentified quote types used for string value ${quoteToken(v.token.raw)}${at}. Use either single or double quotes.`, startOf(v));
    }
    const hint = v.kind === 'scalar' && v.token.kind === 'keyword' ? ' (to match a missing key use IS NULL)' : '';
    throw new SyntaxFault(`Expected a quoted string value for ${ENTITY_WORD[entity]} (e.g. 'my-value'). Got value ${rawOf(v)}${at}${hint}`, startOf(v));
}
function expectStringList(v, comparator) {
    if (v.kind !== 'list') {
        throw new SyntaxFault(`Expected a parenthesized list of quoted strings after ${comparator}, e.g. ('a', 'b'). Got value ${quoteToken(v.token.raw)} at position ${v.token.start}`, v.token.start);
    }
    if (v.items.length === 0) {
        throw new SyntaxFault(`While parsing a list in the query, expected a non-empty list of string values, but got empty list '${v.raw}' at position ${v.start}`, v.start);
    }
    const bad = v.items.find((t) => t.kind !== 'string');
    if (bad) {
        throw new SyntaxFault(`While parsing a list in the query, expected string value, punctuation, or whitespace, but got different type in list: ${v.raw} (item ${quoteToken(bad.raw)} at position ${bad.start})`, bad.start);
    }
    return v.items.map((t) => t.text);
}
function unsupportedComparator(comparator, raw, token, allowed, subject) {
    return new SyntaxFault(`Invalid comparator '${raw}' not one of '${listOf(allowed)}' for ${subject} (at position ${token.start})`, token.start);
}
function parseClause(c, src, grammar) {
    const { token: identTok, id } = takeIdentifier(c, grammar, false);
    const { comparator, token: cmpTok, raw: cmpRaw } = takeComparator(c, identTok);
    const subject = `'${identTok.raw}'`;
    const rewrite = id.entity === 'attribute' && grammar.rewrites && Object.hasOwn(grammar.rewrites, id.key) ? grammar.rewrites[id.key] : undefined;
    const clause = (value) => ({ entity: rewrite?.entity ?? id.entity, key: rewrite?.key ?? id.key, comparator, value });
    const keyValueComparators = grammar.keyValueComparators ?? KEY_VALUE_COMPARATORS;
    if (comparator === 'IS NULL' || comparator === 'IS NOT NULL') {
        if (id.entity !== 'param' && id.entity !== 'tag' && id.entity !== 'metadata') {
            const allowed = id.entity === 'metric' || id.kind === 'numeric'
                ? METRIC_COMPARATORS
                : id.entity === 'dataset'
                    ? DATASET_COMPARATORS
                    : id.entity === 'span'
                        ? TRACE_STRING_COMPARATORS
                        : grammar.filterAttributes.stringComparators;
            throw unsupportedComparator(comparator, cmpRaw, cmpTok, allowed, subject);
        }
        return clause(null);
    }
    const value = takeValue(c, src, `${identTok.raw} ${cmpRaw}`);
    const isList = comparator === 'IN' || comparator === 'NOT IN';
    switch (id.entity) {
        case 'metric':
            if (!METRIC_COMPARATORS.includes(comparator))
                throw unsupportedComparator(comparator, cmpRaw, cmpTok, METRIC_COMPARATORS, `metric ${subject}`);
            return clause(expectNumber(value, 'metric'));
        case 'param':
        case 'tag':
        case 'metadata': {
            const allowed = id.entity === 'param' ? KEY_VALUE_COMPARATORS : keyValueComparators;
            if (isList) {
                // MLflow rejects the list value before it looks at the comparator (transcript: params.lr IN (...)).
                throw new SyntaxFault(`Expected a quoted string value for ${ENTITY_WORD[id.entity]} (e.g. 'my-value'). Got value ${rawOf(value)} at position ${startOf(value)}; ` +
                    `comparator '${cmpRaw}' is not supported for ${id.entity === 'param' ? 'params' : id.entity === 'tag' ? 'tags' : 'metadata'} (allowed: ${listOf(allowed)})`, startOf(value));
            }
            if (!allowed.includes(comparator))
                throw unsupportedComparator(comparator, cmpRaw, cmpTok, allowed, `${ENTITY_WORD[id.entity]} ${subject}`);
            return clause(expectString(value, id.entity));
        }
        case 'span':
            if (!TRACE_STRING_COMPARATORS.includes(comparator))
                throw unsupportedComparator(comparator, cmpRaw, cmpTok, TRACE_STRING_COMPARATORS, `span ${subject}`);
            if (isList)
                return clause(expectStringList(value, comparator));
            return clause(expectString(value, 'span'));
        case 'dataset':
            if (!DATASET_COMPARATORS.includes(comparator))
                throw unsupportedComparator(comparator, cmpRaw, cmpTok, DATASET_COMPARATORS, `dataset ${subject}`);
            return clause(isList ? expectStringList(value, comparator) : expectString(value, 'dataset'));
        case 'attribute': {
            if (id.kind === 'numeric') {
                if (!NUMERIC_COMPARATORS.includes(comparator))
                    throw unsupportedComparator(comparator, cmpRaw, cmpTok, NUMERIC_COMPARATORS, `numeric attribute ${subject}`);
                return clause(expectNumber(value, `numeric attribute: ${id.key}`));
            }
            const allowed = grammar.filterAttributes.stringComparators;
            if (!allowed.includes(comparator))
                throw unsupportedComparator(comparator, cmpRaw, cmpTok, allowed, `attribute ${subject}`);
            if (isList || value.kind === 'list') {
                if (!grammar.filterAttributes.listKeys.has(id.key)) {
                    throw new SyntaxFault(`Only the ${listOf([...grammar.filterAttributes.listKeys].map((k) => `'${k}'`))} attribute${grammar.filterAttributes.listKeys.size === 1 ? '' : 's'} support${grammar.filterAttributes.listKeys.size === 1 ? 's' : ''} comparison with a list of quoted string values; got ${subject} ${cmpRaw} ${rawOf(value)} at position ${cmpTok.start}`, cmpTok.start);
                }
                if (!isList) {
                    throw new SyntaxFault(`A list value needs IN or NOT IN; got ${subject} ${cmpRaw} ${rawOf(value)} at position ${cmpTok.start}`, cmpTok.start);
                }
                return clause(expectStringList(value, comparator));
            }
            return clause(expectString(value, 'attribute'));
        }
    }
}
function fault(kind, src, err) {
    if (err instanceof SyntaxFault)
        throw new errors/* MlflowError */.mF('INVALID_PARAMETER_VALUE', `Invalid ${kind} '${src}': ${err.message}`);
    throw err;
}
/**
 * Parses a search filter. Empty or blank input means "no filter". Every syntax or semantic error
 * is an INVALID_PARAMETER_VALUE whose message quotes the offending token and its position.
 */
function parseFilter(filter, target) {
    if (filter === undefined || filter.trim() === '')
        return [];
    const grammar = GRAMMARS[target];
    try {
        const c = new Cursor(tokenize(filter));
        const clauses = [parseClause(c, filter, grammar)];
        for (;;) {
            const t = c.peek();
            if (t.kind === 'eof')
                return clauses;
            if (t.kind === 'keyword' && t.text === 'AND') {
                c.next();
                if (c.peek().kind === 'eof')
                    throw new SyntaxFault(`unexpected end of input after '${t.raw}' at position ${t.start}; expected another clause`, t.start);
                clauses.push(parseClause(c, filter, grammar));
                continue;
            }
            if (t.kind === 'keyword' && t.text === 'OR') {
                throw new SyntaxFault(`Invalid clause(s) in filter string: '${t.raw}' at position ${t.start}. Only AND is supported to combine clauses; OR is not`, t.start);
            }
            throw new SyntaxFault(`Invalid clause(s) in filter string: unexpected token ${describe(t)}; expected AND or the end of the filter`, t.start);
        }
    }
    catch (err) {
        fault('filter', filter, err);
    }
}
/**
 * Parses one order_by entry, `"<entity>.<key> [ASC|DESC]"`. Logged models take `metrics.<key>`
 * or a bare attribute; experiments only attributes.
 */
function parseOrderBy(orderBy, target) {
    const grammar = GRAMMARS[target];
    try {
        const c = new Cursor(tokenize(orderBy));
        if (c.peek().kind === 'eof')
            throw new SyntaxFault('Could not be parsed: it is empty; expected "<entity>.<key> [ASC|DESC]"', 0);
        const first = c.peek();
        if (target === 'logged_models' && first.kind === 'ident' && (first.segments?.length ?? 0) > 1 && first.segments[0].text !== 'metrics') {
            throw new SyntaxFault(`Invalid order by field name: '${first.segments[0].text}' in '${first.raw}', only \`metrics.<name>\` is allowed.`, first.start);
        }
        const { token, id } = takeIdentifier(c, grammar, true);
        if (id.entity !== 'attribute' && !grammar.orderEntities.has(id.entity)) {
            throw new SyntaxFault(`Invalid order_by entity '${id.entity}' in '${token.raw}' at position ${token.start}; ${grammar.name} can be ordered by ${listOf(['attribute', ...grammar.orderEntities])}`, token.start);
        }
        let ascending = true;
        const dir = c.next();
        if (dir.kind === 'keyword' && (dir.text === 'ASC' || dir.text === 'DESC')) {
            ascending = dir.text === 'ASC';
            const extra = c.next();
            if (extra.kind !== 'eof')
                throw new SyntaxFault(`Could not be parsed: unexpected token ${describe(extra)} after '${dir.raw}'`, extra.start);
        }
        else if (dir.kind !== 'eof') {
            throw new SyntaxFault(`Invalid ordering key ${describe(dir)}; expected ASC or DESC`, dir.start);
        }
        const rewrite = id.entity === 'attribute' && grammar.rewrites && Object.hasOwn(grammar.rewrites, id.key) ? grammar.rewrites[id.key] : undefined;
        return { entity: rewrite?.entity ?? id.entity, key: rewrite?.key ?? id.key, ascending };
    }
    catch (err) {
        fault('order_by clause', orderBy, err);
    }
}
/**
 * A logged-model order_by entry as the REST API sends it (`{field_name, ascending}`). The field
 * name is taken literally, as SearchLoggedModelsUtils does: `metrics.<key>` (the key may hold
 * spaces or dots, no quoting needed) or an attribute name.
 */
function parseLoggedModelOrderBy(orderBy) {
    const field = orderBy.field_name;
    const ascending = orderBy.ascending ?? true;
    const fail = (why) => {
        throw new errors/* MlflowError */.mF('INVALID_PARAMETER_VALUE', `Invalid order by field name '${field}': ${why}`);
    };
    const dot = field.indexOf('.');
    if (dot >= 0) {
        const entity = field.slice(0, dot);
        const key = field.slice(dot + 1);
        if (entity !== 'metrics')
            fail(`'${entity}' is not orderable, only \`metrics.<name>\` is allowed.`);
        if (key === '')
            fail('the metric key is empty.');
        return { entity: 'metric', key, ascending };
    }
    const name = field.trim();
    const spec = LOGGED_MODEL_ATTRIBUTES;
    const key = Object.hasOwn(spec.aliases, name) ? spec.aliases[name] : name;
    if (!Object.hasOwn(spec.keys, key))
        fail(`valid fields are metrics.<name>, ${listOf([...Object.keys(spec.keys), ...Object.keys(spec.aliases)])}.`);
    return { entity: 'attribute', key, ascending };
}

;// CONCATENATED MODULE: ./build/src/store/search/page-token.js
/**
 * Offset page tokens in MLflow's SQL-store format: base64 of Python's `json.dumps({"offset": N})`,
 * so a token from a real server keeps working here and clients that decode it see the same thing.
 */

/** `{"offset": 1}` → `eyJvZmZzZXQiOiAxfQ==` (Python's json.dumps puts a space after the colon). */
function encodePageToken(offset) {
    if (!Number.isSafeInteger(offset) || offset < 0)
        throw new RangeError(`page offset must be a non-negative integer, got ${offset}`);
    return Buffer.from(`{"offset": ${offset}}`, 'utf8').toString('base64');
}
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const invalid = (token, why) => new errors/* MlflowError */.mF('INVALID_PARAMETER_VALUE', `Invalid page token '${token}': ${why}`);
/**
 * The offset a token encodes; no token (or an empty one) is offset 0. Node's base64 decoder
 * silently skips garbage, so the alphabet and padding are checked first.
 */
function decodePageToken(token) {
    if (token === undefined || token === '')
        return 0;
    if (!BASE64.test(token))
        throw invalid(token, 'could not base64-decode');
    const decoded = Buffer.from(token, 'base64').toString('utf8');
    let parsed;
    try {
        parsed = JSON.parse(decoded);
    }
    catch {
        throw invalid(token, `decoded value=${decoded} is not JSON`);
    }
    const offset = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed.offset : undefined;
    // Python's int() also accepts a decimal string, so MLflow does too.
    const n = typeof offset === 'string' && /^\s*\d+\s*$/.test(offset) ? Number(offset) : offset;
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
        throw invalid(token, `parsed value=${decoded} does not hold a non-negative integer "offset"`);
    }
    return n;
}

;// CONCATENATED MODULE: ./build/src/store/validate.js
/**
 * Backend-independent validation with MLflow's rules and messages (mlflow/utils/validation.py).
 * Every backend calls these before writing, so a rejected request never half-writes.
 */


const KEY_RULE = 'Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), colon(:) and slashes (/).';
/**
 * Keys already found valid. A training loop logs the same few keys thousands of times, and
 * log-batch checks up to 1000 per request; bounded so arbitrary keys cannot grow it.
 */
const validKeys = new Set();
const VALID_KEY_CACHE_SIZE = 10_000;
function validateKey(key, what) {
    if (validKeys.has(key))
        return;
    checkKey(key, what);
    if (validKeys.size >= VALID_KEY_CACHE_SIZE)
        validKeys.clear();
    validKeys.add(key);
}
function checkKey(key, what) {
    if (key === '' || key === undefined || key === null) {
        throw (0,errors/* invalidParam */.$L)(`Missing value for required parameter 'key'. See the API docs for more information about request parameters.`);
    }
    if (key.length > limits/* MLFLOW_LIMITS */.rh.maxEntityKeyLength) {
        throw (0,errors/* invalidParam */.$L)(`'${what}' exceeds the maximum length of ${limits/* MLFLOW_LIMITS */.rh.maxEntityKeyLength} characters`);
    }
    if (!limits/* ENTITY_KEY_PATTERN */.NJ.test(key)) {
        throw (0,errors/* invalidParam */.$L)(`Invalid value ${JSON.stringify(key)} for parameter 'key' supplied: ${KEY_RULE}`);
    }
    if (!(0,limits/* isPathSafeKey */.gm)(key)) {
        throw (0,errors/* invalidParam */.$L)(`Invalid value ${JSON.stringify(key)} for parameter 'key' supplied: Names may be treated as files in certain cases, and must not resolve to other names when treated as such. This name would resolve to a different name.`);
    }
}
/** MLflow truncates over-long param and run-tag values (MLFLOW_TRUNCATE_LONG_VALUES defaults to true). */
function truncate(value, limit) {
    return value.length > limit ? value.slice(0, limit) : value;
}
function normalizeParam(p) {
    validateKey(p.key, 'Param name');
    return { key: p.key, value: truncate(String(p.value ?? ''), limits/* MLFLOW_LIMITS */.rh.maxParamValueLength) };
}
function normalizeRunTag(t) {
    validateKey(t.key, 'Tag name');
    return { key: t.key, value: truncate(String(t.value ?? ''), limits/* MLFLOW_LIMITS */.rh.maxRunTagValueLength) };
}
function validateMetric(m) {
    validateKey(m.key, 'Metric name');
    if (typeof m.value !== 'number') {
        throw (0,errors/* invalidParam */.$L)(`Got invalid value ${String(m.value)} for metric '${m.key}' (timestamp=${m.timestamp}). Please specify value as a valid double (64-bit floating point)`);
    }
    if (!Number.isInteger(m.timestamp) || m.timestamp < 0) {
        throw (0,errors/* invalidParam */.$L)(`Got invalid timestamp ${String(m.timestamp)} for metric '${m.key}' (value=${m.value}). Timestamp must be a nonnegative long (64-bit integer)`);
    }
    if (!Number.isInteger(m.step)) {
        throw (0,errors/* invalidParam */.$L)(`Got invalid step ${String(m.step)} for metric '${m.key}' (value=${m.value}). Step must be a valid long (64-bit integer).`);
    }
}
function validateExperimentName(name) {
    if (typeof name !== 'string' || name === '') {
        throw (0,errors/* invalidParam */.$L)(`Missing value for required parameter 'name'. See the API docs for more information about request parameters.`);
    }
    if (name.length > limits/* MLFLOW_LIMITS */.rh.maxExperimentNameLength) {
        throw (0,errors/* invalidParam */.$L)(`'name' exceeds the maximum length of ${limits/* MLFLOW_LIMITS */.rh.maxExperimentNameLength} characters`);
    }
}
function validateExperimentTag(t) {
    validateKey(t.key, 'Tag name');
    if (String(t.value ?? '').length > limits/* MLFLOW_LIMITS */.rh.maxExperimentTagValueLength) {
        throw (0,errors/* invalidParam */.$L)(`'value' exceeds the maximum length of ${limits/* MLFLOW_LIMITS */.rh.maxExperimentTagValueLength} characters`);
    }
}
/** The whole batch is checked before anything is written: all or nothing. */
function normalizeBatch(input) {
    const metrics = input.metrics ?? [];
    const params = input.params ?? [];
    const tags = input.tags ?? [];
    const L = limits/* MLFLOW_LIMITS */.rh.logBatch;
    if (metrics.length > L.maxMetrics) {
        throw (0,errors/* invalidParam */.$L)(`A batch logging request can contain at most ${L.maxMetrics} metrics. Got ${metrics.length} metrics. Please split up metrics across multiple requests and try again.`);
    }
    if (params.length > L.maxParams) {
        throw (0,errors/* invalidParam */.$L)(`A batch logging request can contain at most ${L.maxParams} params. Got ${params.length} params. Please split up params across multiple requests and try again.`);
    }
    if (tags.length > L.maxTags) {
        throw (0,errors/* invalidParam */.$L)(`A batch logging request can contain at most ${L.maxTags} tags. Got ${tags.length} tags. Please split up tags across multiple requests and try again.`);
    }
    const total = metrics.length + params.length + tags.length;
    if (total > L.maxEntities) {
        throw (0,errors/* invalidParam */.$L)(`A batch logging request can contain at most ${L.maxEntities} total metrics, params and tags. Got ${total}. Please split up the request across multiple requests and try again.`);
    }
    metrics.forEach(validateMetric);
    const normParams = params.map(normalizeParam);
    const seen = new Map();
    for (const p of normParams) {
        const prev = seen.get(p.key);
        if (prev !== undefined && prev !== p.value) {
            throw (0,errors/* invalidParam */.$L)(`Duplicate parameter keys have been submitted: [${JSON.stringify(p.key)}]. Please ensure the request contains only one param value per param key.`);
        }
        seen.set(p.key, p.value);
    }
    return { metrics, params: normParams, tags: tags.map(normalizeRunTag) };
}

// EXTERNAL MODULE: external "node:sqlite"
var external_node_sqlite_ = __webpack_require__(80099);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./build/src/store/sqlite/schema.js
/**
 * Versioned schema migrations for the embedded store. Each entry runs once, in order, inside a
 * transaction, and bumps `PRAGMA user_version`. Never edit a released migration: append one.
 *
 * Layout follows MLflow's SQL store so search compiles the same way: `metrics` keeps the full
 * history, `latest_metrics` the value MLflow reports per key (max step, then timestamp, then value).
 * NaN is stored as value 0 with is_nan = 1 because SQLite turns a NaN REAL into NULL.
 */
const MIGRATIONS = [
    `
  CREATE TABLE experiments (
    experiment_id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    artifact_location TEXT NOT NULL,
    lifecycle_stage TEXT NOT NULL DEFAULT 'active',
    creation_time INTEGER NOT NULL,
    last_update_time INTEGER NOT NULL
  );
  CREATE TABLE experiment_tags (
    experiment_id INTEGER NOT NULL REFERENCES experiments(experiment_id),
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (experiment_id, key)
  );
  CREATE TABLE runs (
    run_uuid TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    experiment_id INTEGER NOT NULL REFERENCES experiments(experiment_id),
    user_id TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    start_time INTEGER,
    end_time INTEGER,
    artifact_uri TEXT NOT NULL,
    lifecycle_stage TEXT NOT NULL DEFAULT 'active',
    deleted_time INTEGER,
    -- 1 when the run was deleted by deleting its experiment, so a restore brings back only those.
    deleted_with_experiment INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX runs_experiment_start ON runs (experiment_id, start_time DESC, run_uuid);
  -- One row per (run, metric key): the value MLflow reports as the run's metric (search compares
  -- it), and an integer series_id that history rows carry instead of two text keys, which keeps
  -- the history b-tree small and log-batch fast.
  CREATE TABLE latest_metrics (
    series_id INTEGER PRIMARY KEY,
    run_uuid TEXT NOT NULL REFERENCES runs(run_uuid),
    key TEXT NOT NULL,
    value REAL NOT NULL,
    is_nan INTEGER NOT NULL DEFAULT 0,
    timestamp INTEGER NOT NULL,
    step INTEGER NOT NULL,
    UNIQUE (run_uuid, key)
  );
  -- Full history. A point's identity is its primary key (an exact repeat, e.g. a client retry, is
  -- ignored) and WITHOUT ROWID makes that key the table itself: one b-tree write per point.
  -- series_id has no REFERENCES clause: the store creates the series in the same transaction,
  -- and a foreign-key probe per point would cost more than the insert.
  CREATE TABLE metrics (
    series_id INTEGER NOT NULL,
    step INTEGER NOT NULL DEFAULT 0,
    timestamp INTEGER NOT NULL,
    value REAL NOT NULL,
    is_nan INTEGER NOT NULL DEFAULT 0,
    dataset_name TEXT,
    dataset_digest TEXT,
    model_id TEXT,
    PRIMARY KEY (series_id, step, timestamp, value, is_nan)
  ) WITHOUT ROWID;
  CREATE INDEX metrics_model ON metrics (model_id) WHERE model_id IS NOT NULL;
  -- Covering indexes for search: a filter scans (key, value) and yields run ids without touching
  -- the table; an order_by joins on (run_uuid, key) and reads the value from the index.
  CREATE INDEX latest_metrics_key_value ON latest_metrics (key, value, is_nan, run_uuid);
  CREATE INDEX latest_metrics_run_key_value ON latest_metrics (run_uuid, key, value, is_nan);
  CREATE TABLE params (
    run_uuid TEXT NOT NULL REFERENCES runs(run_uuid),
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (run_uuid, key)
  );
  CREATE INDEX params_key_value ON params (key, value, run_uuid);
  CREATE TABLE tags (
    run_uuid TEXT NOT NULL REFERENCES runs(run_uuid),
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (run_uuid, key)
  );
  CREATE INDEX tags_key_value ON tags (key, value, run_uuid);
  CREATE TABLE datasets (
    dataset_uuid TEXT PRIMARY KEY,
    experiment_id INTEGER NOT NULL REFERENCES experiments(experiment_id),
    name TEXT NOT NULL,
    digest TEXT NOT NULL,
    source_type TEXT NOT NULL,
    source TEXT NOT NULL,
    schema TEXT,
    profile TEXT,
    UNIQUE (experiment_id, name, digest)
  );
  CREATE TABLE dataset_inputs (
    run_uuid TEXT NOT NULL REFERENCES runs(run_uuid),
    dataset_uuid TEXT NOT NULL REFERENCES datasets(dataset_uuid),
    tags TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (run_uuid, dataset_uuid)
  );
  CREATE TABLE logged_models (
    model_id TEXT PRIMARY KEY,
    experiment_id INTEGER NOT NULL REFERENCES experiments(experiment_id),
    name TEXT NOT NULL,
    artifact_location TEXT NOT NULL,
    creation_timestamp_ms INTEGER NOT NULL,
    last_updated_timestamp_ms INTEGER NOT NULL,
    status TEXT NOT NULL,
    lifecycle_stage TEXT NOT NULL DEFAULT 'active',
    model_type TEXT,
    source_run_id TEXT,
    status_message TEXT
  );
  CREATE INDEX logged_models_experiment ON logged_models (experiment_id, creation_timestamp_ms DESC);
  CREATE TABLE logged_model_params (
    model_id TEXT NOT NULL REFERENCES logged_models(model_id),
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (model_id, key)
  );
  CREATE TABLE logged_model_tags (
    model_id TEXT NOT NULL REFERENCES logged_models(model_id),
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (model_id, key)
  );
  CREATE TABLE run_model_io (
    run_uuid TEXT NOT NULL REFERENCES runs(run_uuid),
    model_id TEXT NOT NULL,
    direction TEXT NOT NULL CHECK (direction IN ('input', 'output')),
    step INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (run_uuid, model_id, direction)
  );
  `,
    // 2: traces (MLflow v3 trace info, OTLP spans, assessments). MLflow's trace ids are random, so
    // they key only trace_info; every other table references a trace by trace_key, an integer the
    // store hands out in arrival order. New traces then append at the right edge of each b-tree
    // instead of dirtying a random page per trace per index, which is what bounds ingestion speed.
    // Children reference trace_info without ON DELETE CASCADE: the trace store deletes them itself,
    // in the same transaction.
    `
  CREATE TABLE trace_info (
    trace_key INTEGER PRIMARY KEY,
    trace_id TEXT NOT NULL UNIQUE,
    experiment_id INTEGER NOT NULL REFERENCES experiments(experiment_id),
    request_time INTEGER NOT NULL,
    execution_duration_ms INTEGER,
    state TEXT NOT NULL,
    request_preview TEXT,
    response_preview TEXT,
    client_request_id TEXT
  );
  -- The default search order (newest first, then id) within an experiment, and delete-by-age.
  CREATE INDEX trace_info_experiment_time ON trace_info (experiment_id, request_time DESC, trace_id);
  CREATE TABLE trace_tags (
    trace_key INTEGER NOT NULL REFERENCES trace_info(trace_key),
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (trace_key, key)
  ) WITHOUT ROWID;
  -- Covering (key, value) indexes: a tag or metadata filter yields trace keys from the index alone.
  -- mlflow.artifactLocation, which every trace has, is left out: its value embeds the random trace
  -- id, so indexing it would cost a random page write per new trace; the rare filter on it scans
  -- the tags table instead. (The search SQL repeats this WHERE term so SQLite can use the index;
  -- see trace-search-sql.ts.)
  CREATE INDEX trace_tags_key_value ON trace_tags (key, value, trace_key) WHERE key <> 'mlflow.artifactLocation';
  CREATE TABLE trace_metadata (
    trace_key INTEGER NOT NULL REFERENCES trace_info(trace_key),
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (trace_key, key)
  ) WITHOUT ROWID;
  CREATE INDEX trace_metadata_key_value ON trace_metadata (key, value, trace_key);
  -- One row per span, merged by (trace_key, span_id) whatever order spans arrive in. Span and
  -- parent ids are base64 as in the span JSON; times are nanoseconds, which SQLite's 64-bit
  -- INTEGER holds exactly. usage holds the span's token counts and cost as JSON, for the trace
  -- totals and metrics. content is the span's JSON as GetTrace returns it, often kilobytes: it is
  -- the last column so reading the others never walks its overflow pages, and the table keeps
  -- its rowid because SQLite's WITHOUT ROWID suits only small rows.
  CREATE TABLE spans (
    trace_key INTEGER NOT NULL REFERENCES trace_info(trace_key),
    span_id TEXT NOT NULL,
    parent_span_id TEXT,
    name TEXT NOT NULL,
    span_type TEXT,
    status TEXT NOT NULL,
    start_time_ns INTEGER NOT NULL,
    end_time_ns INTEGER,
    usage TEXT,
    content TEXT NOT NULL,
    UNIQUE (trace_key, span_id)
  );
  -- Span filters of trace search (span.name, span.type) yield trace keys from these.
  CREATE INDEX spans_name ON spans (name, trace_key);
  CREATE INDEX spans_type ON spans (span_type, trace_key);
  -- body is the assessment's JSON; the columns beside it are what lookups and overrides need.
  CREATE TABLE assessments (
    assessment_id TEXT PRIMARY KEY,
    trace_key INTEGER NOT NULL REFERENCES trace_info(trace_key),
    name TEXT NOT NULL,
    create_time_ms INTEGER NOT NULL,
    last_update_time_ms INTEGER NOT NULL,
    valid INTEGER NOT NULL DEFAULT 1,
    overrides TEXT,
    body TEXT NOT NULL
  );
  CREATE INDEX assessments_trace ON assessments (trace_key, create_time_ms);
  -- Traces linked to runs (LinkTracesToRun); a trace may be linked to several runs.
  CREATE TABLE trace_run_links (
    run_uuid TEXT NOT NULL,
    trace_key INTEGER NOT NULL REFERENCES trace_info(trace_key),
    PRIMARY KEY (run_uuid, trace_key)
  ) WITHOUT ROWID;
  CREATE INDEX trace_run_links_trace ON trace_run_links (trace_key);
  `,
];

;// CONCATENATED MODULE: ./build/src/store/sqlite/db.js




const STATEMENT_CACHE_SIZE = 512;
/**
 * A thin wrapper over node:sqlite: pragmas, migrations, a statement cache and transactions.
 * node:sqlite is synchronous and Node runs one JS thread, so a transaction body that does not
 * await can never interleave with another request: `transaction` takes only sync callbacks.
 */
class SqliteDb {
    db;
    /** Prepared statements by SQL text, least recently used first; bounded because search SQL
     *  varies with the filter's shape and a client could otherwise grow it without limit. */
    cache = new Map();
    constructor(path) {
        if (path !== ':memory:')
            (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(path), { recursive: true });
        this.db = new external_node_sqlite_.DatabaseSync(path);
        this.db.exec(`
      PRAGMA journal_mode = WAL;
      PRAGMA synchronous = NORMAL;
      PRAGMA foreign_keys = ON;
      PRAGMA busy_timeout = 5000;
      PRAGMA case_sensitive_like = ON;
      PRAGMA wal_autocheckpoint = 10000;
      PRAGMA cache_size = -65536;
      PRAGMA mmap_size = 268435456;
    `);
        try {
            this.migrate();
        }
        catch (err) {
            this.db.close();
            throw err;
        }
    }
    migrate() {
        const current = Number(this.db.prepare('PRAGMA user_version').get().user_version);
        if (current > MIGRATIONS.length) {
            throw new Error(`This database was written by a newer mlflow-ts (schema version ${current}, this build knows ${MIGRATIONS.length}). Upgrade mlflow-ts or point --backend-store-uri at another file.`);
        }
        for (let v = current; v < MIGRATIONS.length; v++) {
            this.transaction(() => {
                this.db.exec(MIGRATIONS[v]);
                this.db.exec(`PRAGMA user_version = ${v + 1}`);
            });
        }
    }
    stmt(sql) {
        let s = this.cache.get(sql);
        if (s) {
            this.cache.delete(sql);
        }
        else {
            s = this.db.prepare(sql);
            if (this.cache.size >= STATEMENT_CACHE_SIZE)
                this.cache.delete(this.cache.keys().next().value);
        }
        this.cache.set(sql, s);
        return s;
    }
    get(sql, ...params) {
        return this.stmt(sql).get(...params);
    }
    all(sql, ...params) {
        return this.stmt(sql).all(...params);
    }
    run(sql, ...params) {
        return this.stmt(sql).run(...params);
    }
    transaction(fn) {
        this.db.exec('BEGIN IMMEDIATE');
        try {
            const result = fn();
            this.db.exec('COMMIT');
            return result;
        }
        catch (err) {
            this.db.exec('ROLLBACK');
            throw err;
        }
    }
    close() {
        this.cache.clear();
        if (this.db.isOpen) {
            // Refresh the planner's statistics for the next start, then fold the WAL into the database.
            this.db.exec('PRAGMA optimize');
            this.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
            this.db.close();
        }
    }
}

;// CONCATENATED MODULE: ./build/src/store/sqlite/experiment-rows.js
/**
 * Finding an experiment row by its wire id, shared by the run store and the trace store so both
 * answer a missing or deleted experiment with the same MLflow errors.
 */

/** Experiment ids are decimal strings on the wire; anything else cannot name a row here. */
function experimentKey(id) {
    return typeof id === 'string' && /^\d{1,15}$/.test(id) ? Number(id) : undefined;
}
function experimentRow(sql, experimentId) {
    const id = experimentKey(experimentId);
    const row = id === undefined ? undefined : sql.get('SELECT * FROM experiments WHERE experiment_id = ?', id);
    if (!row)
        throw (0,errors/* notFound */.mX)(`No Experiment with id=${experimentId} exists`);
    return row;
}
function activeExperimentRow(sql, experimentId) {
    const row = experimentRow(sql, experimentId);
    if (row.lifecycle_stage !== 'active') {
        throw (0,errors/* invalidParam */.$L)(`The experiment ${experimentId} must be in the 'active' state. Current state is ${row.lifecycle_stage}.`);
    }
    return row;
}

// EXTERNAL MODULE: ./build/src/mlflow/trace-keys.js
var trace_keys = __webpack_require__(49263);
;// CONCATENATED MODULE: ./build/src/store/sqlite/search-sql.js
/**
 * Compiles the search AST (search/ast.ts) to SQLite fragments with `?` placeholders, following
 * MLflow's SqlAlchemyStore semantics (mlflow/store/tracking/sqlalchemy_store.py):
 *
 * - params/tags/metrics/datasets are matched with IN/EXISTS subqueries, so a run without the key never matches,
 *   not even `!=`; `IS NULL` means "has no such key".
 * - metrics compare against latest_metrics; a NaN latest value (is_nan = 1, stored as 0) matches
 *   only `!=`, never `=`/`<`/`>` (MLflow compares the stored 0, which makes `= 0` match NaN).
 * - LIKE is case-sensitive because the connection runs `PRAGMA case_sensitive_like = ON`;
 *   ILIKE lowers both sides, as SQLAlchemy's `ilike` does.
 * - order_by: metric keys sort real values, then NaN, then missing, in either direction; other
 *   keys put missing/NULL last in either direction; ties fall back to start_time DESC, run_uuid.
 *
 * A statement is assembled as
 *   SELECT runs.* FROM runs ${order.joins} WHERE ${filter.where.join(' AND ')} ORDER BY ${order.orderBy}
 * and binds order.params first (they belong to the JOINs), then filter.params.
 */

/** The input tag MLflow stores a dataset's context ("training", "eval") in. */
const DATASET_CONTEXT_TAG = 'mlflow.data.context';
const search_sql_invalid = (message) => new errors/* MlflowError */.mF('INVALID_PARAMETER_VALUE', message);
function numericOp(c) {
    switch (c) {
        case '=':
        case '!=':
        case '>':
        case '>=':
        case '<':
        case '<=':
            return c;
        default:
            throw search_sql_invalid(`Comparator '${c}' cannot compare numbers`);
    }
}
/** `column <op> ?` for a string comparison, pushing the bound value(s). */
function stringPredicate(column, clause, params) {
    const { comparator: c, value } = clause;
    if (c === 'IN' || c === 'NOT IN') {
        if (!Array.isArray(value) || value.length === 0)
            throw search_sql_invalid(`${c} needs a non-empty list of strings for '${clause.key}'`);
        params.push(...value);
        return `${column} ${c} (${value.map(() => '?').join(', ')})`;
    }
    if (typeof value !== 'string')
        throw search_sql_invalid(`Comparator '${c}' needs a string value for '${clause.key}'`);
    params.push(value);
    switch (c) {
        case '=':
        case '!=':
        case 'LIKE':
            return `${column} ${c} ?`;
        case 'ILIKE':
            return `LOWER(${column}) LIKE LOWER(?)`;
        default:
            throw search_sql_invalid(`Comparator '${c}' cannot compare strings for '${clause.key}'`);
    }
}
function numericPredicate(column, clause, params) {
    if (typeof clause.value !== 'number')
        throw search_sql_invalid(`Comparator '${clause.comparator}' needs a number for '${clause.key}'`);
    params.push(clause.value);
    return `${column} ${numericOp(clause.comparator)} ?`;
}
/** Latest-value predicate on a metric row aliased `alias`; NaN only satisfies `!=`. */
function metricValuePredicate(alias, clause, params) {
    if (typeof clause.value !== 'number')
        throw search_sql_invalid(`Metric comparison needs a number for '${clause.key}'`);
    const op = numericOp(clause.comparator);
    params.push(clause.value);
    return op === '!=' ? `(${alias}.is_nan = 1 OR ${alias}.value != ?)` : `${alias}.is_nan = 0 AND ${alias}.value ${op} ?`;
}
/**
 * A key/value child table (params, tags): IN for comparisons, NOT IN for IS NULL. The subquery
 * is uncorrelated, so SQLite evaluates it once through the (key, value) index and probes the
 * result per row, instead of one correlated lookup per row (10x faster over 10k runs).
 */
function keyValuePredicate(table, fk, parent, clause, params) {
    params.push(clause.key);
    const base = `SELECT kv.${fk} FROM ${table} kv WHERE kv.key = ?`;
    if (clause.comparator === 'IS NULL')
        return `${parent}.${fk} NOT IN (${base})`;
    if (clause.comparator === 'IS NOT NULL')
        return `${parent}.${fk} IN (${base})`;
    return `${parent}.${fk} IN (${base} AND ${stringPredicate('kv.value', clause, params)})`;
}
function attributeColumn(columns, key, target) {
    const col = Object.hasOwn(columns, key) ? columns[key] : undefined;
    if (!col)
        throw search_sql_invalid(`Invalid attribute key '${key}' for ${target}`);
    return col;
}
function unsupported(target, clause) {
    throw search_sql_invalid(`Cannot search ${target} by ${clause.entity} '${clause.key}'`);
}
// ------------------------------------------------------------------------------------ runs
const RUN_COLUMNS = {
    run_id: { column: 'runs.run_uuid', numeric: false },
    run_name: { column: 'runs.name', numeric: false },
    user_id: { column: 'runs.user_id', numeric: false },
    status: { column: 'runs.status', numeric: false },
    artifact_uri: { column: 'runs.artifact_uri', numeric: false },
    start_time: { column: 'runs.start_time', numeric: true },
    end_time: { column: 'runs.end_time', numeric: true },
};
const runColumn = (key) => attributeColumn(RUN_COLUMNS, key, 'runs');
function compileRunFilter(clauses) {
    const where = [];
    const params = [];
    for (const clause of clauses) {
        switch (clause.entity) {
            case 'attribute': {
                const { column, numeric } = runColumn(clause.key);
                where.push(numeric ? numericPredicate(column, clause, params) : stringPredicate(column, clause, params));
                break;
            }
            case 'metric': {
                params.push(clause.key);
                const pred = metricValuePredicate('lm', clause, params);
                where.push(`runs.run_uuid IN (SELECT lm.run_uuid FROM latest_metrics lm WHERE lm.key = ? AND ${pred})`);
                break;
            }
            case 'param':
                where.push(keyValuePredicate('params', 'run_uuid', 'runs', clause, params));
                break;
            case 'tag':
                where.push(keyValuePredicate('tags', 'run_uuid', 'runs', clause, params));
                break;
            case 'dataset':
                if (clause.key === 'context') {
                    // Input tags are stored on dataset_inputs as a JSON array of {key, value}.
                    params.push(DATASET_CONTEXT_TAG);
                    const pred = stringPredicate(`json_extract(it.value, '$.value')`, clause, params);
                    where.push(`EXISTS (SELECT 1 FROM dataset_inputs di, json_each(di.tags) it WHERE di.run_uuid = runs.run_uuid AND json_extract(it.value, '$.key') = ? AND ${pred})`);
                }
                else if (clause.key === 'name' || clause.key === 'digest') {
                    const pred = stringPredicate(`ds.${clause.key}`, clause, params);
                    where.push(`EXISTS (SELECT 1 FROM dataset_inputs di JOIN datasets ds ON ds.dataset_uuid = di.dataset_uuid WHERE di.run_uuid = runs.run_uuid AND ${pred})`);
                }
                else {
                    unsupported('runs', clause);
                }
                break;
        }
    }
    return { where, params };
}
function rejectDuplicates(terms) {
    const seen = new Set();
    for (const t of terms) {
        const id = `${t.entity}.${t.key}`;
        if (seen.has(id))
            throw search_sql_invalid(`\`order_by\` contains duplicate fields: '${id}' appears more than once`);
        seen.add(id);
    }
}
const dir = (t) => (t.ascending ? 'ASC' : 'DESC');
/** Missing/NULL sorts last whatever the direction (SQLite has no NULLS LAST on older builds). */
const nullsLast = (expr, t) => [`CASE WHEN ${expr} IS NULL THEN 1 ELSE 0 END`, `${expr} ${dir(t)}`];
/** Real values, then NaN, then missing, whatever the direction: MLflow's sort for metrics. */
const metricOrder = (alias, t) => [
    `CASE WHEN ${alias}.is_nan = 1 THEN 1 WHEN ${alias}.value IS NULL THEN 2 ELSE 0 END`,
    `${alias}.value ${dir(t)}`,
];
function compileRunOrderBy(terms) {
    rejectDuplicates(terms);
    const joins = [];
    const order = [];
    const params = [];
    terms.forEach((t, i) => {
        const alias = `ob${i}`;
        switch (t.entity) {
            case 'attribute':
                order.push(...nullsLast(runColumn(t.key).column, t));
                break;
            case 'metric':
                // INDEXED BY: the covering (run_uuid, key, value, is_nan) index answers the join without
                // table reads; without statistics the planner would pick the narrower unique index.
                joins.push(`LEFT JOIN latest_metrics ${alias} INDEXED BY latest_metrics_run_key_value ON ${alias}.run_uuid = runs.run_uuid AND ${alias}.key = ?`);
                params.push(t.key);
                order.push(...metricOrder(alias, t));
                break;
            case 'param':
            case 'tag':
                joins.push(`LEFT JOIN ${t.entity === 'param' ? 'params' : 'tags'} ${alias} ON ${alias}.run_uuid = runs.run_uuid AND ${alias}.key = ?`);
                params.push(t.key);
                order.push(...nullsLast(`${alias}.value`, t));
                break;
            case 'dataset':
                throw search_sql_invalid(`Runs cannot be ordered by dataset '${t.key}'`);
        }
    });
    const has = (key) => terms.some((t) => t.entity === 'attribute' && t.key === key);
    if (!has('start_time'))
        order.push('runs.start_time DESC');
    if (!has('run_id'))
        order.push('runs.run_uuid ASC');
    return { joins: joins.join(' '), orderBy: order.join(', '), params };
}
// ------------------------------------------------------------------------------------ experiments
const EXPERIMENT_COLUMNS = {
    name: { column: 'experiments.name', numeric: false },
    experiment_id: { column: 'experiments.experiment_id', numeric: true },
    creation_time: { column: 'experiments.creation_time', numeric: true },
    last_update_time: { column: 'experiments.last_update_time', numeric: true },
};
const experimentColumn = (key) => attributeColumn(EXPERIMENT_COLUMNS, key, 'experiments');
function compileExperimentFilter(clauses) {
    const where = [];
    const params = [];
    for (const clause of clauses) {
        if (clause.entity === 'attribute') {
            const { column, numeric } = experimentColumn(clause.key);
            where.push(numeric ? numericPredicate(column, clause, params) : stringPredicate(column, clause, params));
        }
        else if (clause.entity === 'tag') {
            where.push(keyValuePredicate('experiment_tags', 'experiment_id', 'experiments', clause, params));
        }
        else {
            unsupported('experiments', clause);
        }
    }
    return { where, params };
}
/**
 * MLflow's default is `creation_time DESC, experiment_id ASC`; an explicit order_by without
 * experiment_id gets `experiment_id DESC` as its tie-breaker (_get_search_experiments_order_by_clauses).
 */
function compileExperimentOrderBy(terms) {
    rejectDuplicates(terms);
    if (terms.length === 0)
        return { joins: '', orderBy: 'experiments.creation_time DESC, experiments.experiment_id ASC', params: [] };
    const order = terms.map((t) => {
        if (t.entity !== 'attribute')
            throw search_sql_invalid(`Invalid order_by entity: ${t.entity}`);
        return `${experimentColumn(t.key).column} ${dir(t)}`;
    });
    if (!terms.some((t) => t.key === 'experiment_id'))
        order.push('experiments.experiment_id DESC');
    return { joins: '', orderBy: order.join(', '), params: [] };
}
// ------------------------------------------------------------------------------------ logged models
const LOGGED_MODEL_COLUMNS = {
    name: { column: 'logged_models.name', numeric: false },
    model_id: { column: 'logged_models.model_id', numeric: false },
    model_type: { column: 'logged_models.model_type', numeric: false },
    status: { column: 'logged_models.status', numeric: false },
    source_run_id: { column: 'logged_models.source_run_id', numeric: false },
    creation_timestamp_ms: { column: 'logged_models.creation_timestamp_ms', numeric: true },
    last_updated_timestamp_ms: { column: 'logged_models.last_updated_timestamp_ms', numeric: true },
};
const loggedModelColumn = (key) => attributeColumn(LOGGED_MODEL_COLUMNS, key, 'logged models');
/**
 * A logged model's metrics are the metric rows logged with its model_id; its value for a key is
 * the most recent one (by timestamp, then step), as SearchLoggedModelsUtils picks it.
 */
const LATEST_MODEL_METRICS = '(SELECT model_id, value, is_nan FROM (SELECT m.model_id, m.value, m.is_nan, ROW_NUMBER() OVER (PARTITION BY m.model_id ORDER BY m.timestamp DESC, m.step DESC, m.value DESC) AS rn' +
    ' FROM metrics m JOIN latest_metrics l ON l.series_id = m.series_id WHERE l.key = ? AND m.model_id IS NOT NULL) WHERE rn = 1)';
function compileLoggedModelFilter(clauses) {
    const where = [];
    const params = [];
    for (const clause of clauses) {
        switch (clause.entity) {
            case 'attribute': {
                const { column, numeric } = loggedModelColumn(clause.key);
                where.push(numeric ? numericPredicate(column, clause, params) : stringPredicate(column, clause, params));
                break;
            }
            case 'metric': {
                params.push(clause.key);
                const pred = metricValuePredicate('mm', clause, params);
                where.push(`EXISTS (SELECT 1 FROM ${LATEST_MODEL_METRICS} mm WHERE mm.model_id = logged_models.model_id AND ${pred})`);
                break;
            }
            case 'param':
                where.push(keyValuePredicate('logged_model_params', 'model_id', 'logged_models', clause, params));
                break;
            case 'tag':
                where.push(keyValuePredicate('logged_model_tags', 'model_id', 'logged_models', clause, params));
                break;
            case 'dataset':
                unsupported('logged models', clause);
        }
    }
    return { where, params };
}
/** Default and tie-breakers as SearchLoggedModelsUtils: creation time newest first, then model_id. */
function compileLoggedModelOrderBy(terms) {
    rejectDuplicates(terms);
    const joins = [];
    const order = [];
    const params = [];
    terms.forEach((t, i) => {
        const alias = `ob${i}`;
        if (t.entity === 'attribute') {
            order.push(...nullsLast(loggedModelColumn(t.key).column, t));
        }
        else if (t.entity === 'metric') {
            joins.push(`LEFT JOIN ${LATEST_MODEL_METRICS} ${alias} ON ${alias}.model_id = logged_models.model_id`);
            params.push(t.key);
            order.push(...metricOrder(alias, t));
        }
        else {
            throw search_sql_invalid(`Invalid order by field name: ${t.entity}s.${t.key}, only \`metrics.<name>\` is allowed.`);
        }
    });
    const has = (key) => terms.some((t) => t.entity === 'attribute' && t.key === key);
    if (!has('creation_timestamp_ms'))
        order.push('logged_models.creation_timestamp_ms DESC');
    if (!has('model_id'))
        order.push('logged_models.model_id ASC');
    return { joins: joins.join(' '), orderBy: order.join(', '), params };
}

;// CONCATENATED MODULE: ./build/src/store/sqlite/trace-search-sql.js
/**
 * Compiles the trace search AST (parser target 'traces') to SQLite, following MLflow's
 * SqlAlchemyStore.search_traces:
 *
 * - attributes are columns of trace_info; `end_time_ms` is request_time + execution duration
 *   (0 when the trace has none yet);
 * - tags, metadata, spans and run links reference a trace by its integer trace_key (schema
 *   migration 2); tags and metadata match through uncorrelated IN subqueries on their
 *   (key, value) indexes, so a trace without the key never matches, not even `!=`; `IS NULL`
 *   means "has no such key";
 * - every `span.*` clause of one filter applies to the same span (MLflow combines them into one
 *   subquery), so `span.name = 'a' AND span.status = 'ERROR'` needs a span that is both;
 * - `run_id = '<id>'` (metadata `mlflow.sourceRun`) also matches traces linked to that run;
 * - RLIKE is an unanchored regular-expression search through the connection's REGEXP function.
 *
 * A statement is assembled as
 *   SELECT trace_info.* FROM trace_info ${order.joins} WHERE ${filter.where.join(' AND ')} ORDER BY ${order.orderBy}
 * binding order.params first, then filter.params.
 */


/** The metadata key MLflow keeps a trace's source run in. */
const SOURCE_RUN_METADATA = 'mlflow.sourceRun';
/** The tag MLflow keeps a trace's artifact location in; left out of the tags (key, value) index, whose schema names it too. */
const ARTIFACT_LOCATION_TAG = 'mlflow.artifactLocation';
/** Longest RLIKE pattern accepted; longer ones are almost certainly a mistake and cost time per row. */
const MAX_REGEX_PATTERN_LENGTH = 1000;
const trace_search_sql_invalid = (message) => new errors/* MlflowError */.mF('INVALID_PARAMETER_VALUE', message);
const TRACE_COLUMNS = {
    request_id: { column: 'trace_info.trace_id', numeric: false },
    experiment_id: { column: 'trace_info.experiment_id', numeric: true },
    timestamp_ms: { column: 'trace_info.request_time', numeric: true },
    execution_time_ms: { column: 'trace_info.execution_duration_ms', numeric: true },
    end_time_ms: { column: '(trace_info.request_time + COALESCE(trace_info.execution_duration_ms, 0))', numeric: true },
    status: { column: 'trace_info.state', numeric: false },
    client_request_id: { column: 'trace_info.client_request_id', numeric: false },
};
const SPAN_COLUMNS = { name: 'name', type: 'span_type', status: 'status' };
const traceColumn = (key) => attributeColumn(TRACE_COLUMNS, key, 'traces');
/** Length of the quantifier at `i` (`*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`), or 0. */
function quantifierAt(pattern, i) {
    const c = pattern[i];
    if (c === '*' || c === '+' || c === '?')
        return 1;
    if (c === '{')
        return /^\{\d+(?:,\d*)?\}/.exec(pattern.slice(i))?.[0].length ?? 0;
    return 0;
}
/**
 * Rejects an RLIKE pattern that does not compile, is over-long, or has the shapes that make a
 * backtracking engine take exponential time: a repeated group that itself holds a repetition
 * (`(a+)+`, `(\w+\s)*`) and backreferences. What is left runs in time polynomial in the value's
 * length. Patterns follow JavaScript's syntax, which agrees with Python's `re` for the common cases.
 */
function checkRegexPattern(pattern) {
    if (pattern.length > MAX_REGEX_PATTERN_LENGTH) {
        throw trace_search_sql_invalid(`The RLIKE pattern is ${pattern.length} characters long; at most ${MAX_REGEX_PATTERN_LENGTH} are allowed.`);
    }
    try {
        new RegExp(pattern);
    }
    catch (err) {
        throw trace_search_sql_invalid(`Invalid RLIKE pattern '${pattern}': ${err.message}`);
    }
    // Per open group (index 0 is the whole pattern): does it hold a repetition?
    const repeats = [false];
    // Whether the atom just before the current position is a group holding a repetition.
    let afterRepeatingGroup = false;
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        const prevRepeatingGroup = afterRepeatingGroup;
        afterRepeatingGroup = false;
        if (c === '\\') {
            const n = pattern[i + 1] ?? '';
            if (/[1-9]/.test(n) || n === 'k') {
                throw trace_search_sql_invalid(`The RLIKE pattern '${pattern}' uses a backreference ('\\${n}' at position ${i}); backreferences are not supported.`);
            }
            i++;
            continue;
        }
        if (c === '[') {
            for (i++; i < pattern.length && pattern[i] !== ']'; i++)
                if (pattern[i] === '\\')
                    i++;
            continue;
        }
        if (c === '(') {
            repeats.push(false);
            // Skip a group's prefix: (?: (?= (?! (?<= (?<! (?<name>
            if (pattern[i + 1] === '?') {
                const named = /^\(\?(?:[:=!]|<[=!]|<[^>]*>)/.exec(pattern.slice(i));
                if (named)
                    i += named[0].length - 1;
            }
            continue;
        }
        if (c === ')') {
            const inner = repeats.length > 1 ? repeats.pop() : false;
            if (inner)
                repeats[repeats.length - 1] = true;
            afterRepeatingGroup = inner;
            continue;
        }
        const q = quantifierAt(pattern, i);
        if (q > 0) {
            if (c !== '?') {
                if (prevRepeatingGroup) {
                    throw trace_search_sql_invalid(`The RLIKE pattern '${pattern}' repeats a group that itself repeats (at position ${i}); such patterns can take exponential time. Simplify it, e.g. 'a+' instead of '(a+)+'.`);
                }
                repeats[repeats.length - 1] = true;
            }
            i += q - 1;
            // A lazy quantifier's '?' belongs to it.
            if (pattern[i + 1] === '?')
                i++;
        }
    }
}
function regexPredicate(column, clause, params) {
    if (typeof clause.value !== 'string')
        throw trace_search_sql_invalid(`RLIKE needs a quoted pattern for '${clause.key}'`);
    checkRegexPattern(clause.value);
    params.push(clause.value);
    return `${column} REGEXP ?`;
}
function stringOrRegex(column, clause, params) {
    return clause.comparator === 'RLIKE' ? regexPredicate(column, clause, params) : stringPredicate(column, clause, params);
}
/**
 * A tag or metadata clause as an uncorrelated IN subquery over the table's (key, value) index,
 * evaluated once rather than per trace. The tags index is partial (schema migration 2): it
 * leaves out `mlflow.artifactLocation`, whose value embeds the random trace id, and SQLite uses
 * a partial index only when the query repeats the index's WHERE term, hence the extra term.
 * A filter on that one tag scans the tags table instead.
 */
function keyValueOrRegex(table, clause, params) {
    params.push(clause.key);
    const partial = table === 'trace_tags' && clause.key !== ARTIFACT_LOCATION_TAG ? ` AND kv.key <> '${ARTIFACT_LOCATION_TAG}'` : '';
    const base = `SELECT kv.trace_key FROM ${table} kv WHERE kv.key = ?${partial}`;
    switch (clause.comparator) {
        case 'IS NULL':
            return `trace_info.trace_key NOT IN (${base})`;
        case 'IS NOT NULL':
            return `trace_info.trace_key IN (${base})`;
        case 'RLIKE':
            return `trace_info.trace_key IN (${base} AND ${regexPredicate('kv.value', clause, params)})`;
        default:
            return `trace_info.trace_key IN (${base} AND ${stringPredicate('kv.value', clause, params)})`;
    }
}
function compileTraceFilter(clauses, options = {}) {
    const where = [];
    const params = [];
    const spanConditions = [];
    const spanParams = [];
    const spanAlias = options.spanAlias ?? 's';
    for (const clause of clauses) {
        switch (clause.entity) {
            case 'attribute': {
                const { column, numeric } = traceColumn(clause.key);
                where.push(numeric ? numericPredicate(column, clause, params) : stringOrRegex(column, clause, params));
                break;
            }
            case 'tag':
                where.push(keyValueOrRegex('trace_tags', clause, params));
                break;
            case 'metadata':
                if (clause.key === SOURCE_RUN_METADATA && clause.comparator === '=' && typeof clause.value === 'string') {
                    params.push(SOURCE_RUN_METADATA, clause.value, clause.value);
                    where.push('(trace_info.trace_key IN (SELECT kv.trace_key FROM trace_metadata kv WHERE kv.key = ? AND kv.value = ?)' +
                        ' OR trace_info.trace_key IN (SELECT l.trace_key FROM trace_run_links l WHERE l.run_uuid = ?))');
                }
                else {
                    where.push(keyValueOrRegex('trace_metadata', clause, params));
                }
                break;
            case 'span': {
                const column = Object.hasOwn(SPAN_COLUMNS, clause.key) ? SPAN_COLUMNS[clause.key] : undefined;
                if (!column)
                    throw trace_search_sql_invalid(`Invalid span attribute '${clause.key}'. Supported attributes: name, status, type`);
                spanConditions.push(stringOrRegex(`${spanAlias}.${column}`, clause, spanParams));
                break;
            }
            default:
                throw trace_search_sql_invalid(`Cannot search traces by ${clause.entity} '${clause.key}'`);
        }
    }
    if (spanConditions.length > 0) {
        if (options.spanAlias) {
            where.push(...spanConditions);
        }
        else {
            where.push(`trace_info.trace_key IN (SELECT s.trace_key FROM spans s WHERE ${spanConditions.join(' AND ')})`);
        }
        params.push(...spanParams);
    }
    return { where, params };
}
/** MLflow's default and tie-breakers: newest first, then trace id ascending. */
function compileTraceOrderBy(terms) {
    rejectDuplicates(terms);
    const joins = [];
    const order = [];
    const params = [];
    terms.forEach((t, i) => {
        const alias = `ob${i}`;
        switch (t.entity) {
            case 'attribute':
                order.push(...nullsLast(traceColumn(t.key).column, t));
                break;
            case 'tag':
            case 'metadata':
                joins.push(`LEFT JOIN ${t.entity === 'tag' ? 'trace_tags' : 'trace_metadata'} ${alias} ON ${alias}.trace_key = trace_info.trace_key AND ${alias}.key = ?`);
                params.push(t.key);
                order.push(...nullsLast(`${alias}.value`, t));
                break;
            default:
                throw trace_search_sql_invalid(`Traces cannot be ordered by ${t.entity} '${t.key}'`);
        }
    });
    const has = (key) => terms.some((t) => t.entity === 'attribute' && t.key === key);
    if (!has('timestamp_ms'))
        order.push('trace_info.request_time DESC');
    if (!has('request_id'))
        order.push('trace_info.trace_id ASC');
    return { joins: joins.join(' '), orderBy: order.join(', '), params };
}

;// CONCATENATED MODULE: ./build/src/store/sqlite/traces.js
/**
 * The SQLite trace store: MLflow v3 trace info, OTLP span ingestion, assessments and trace
 * metrics, on the tracking store's database (schema migration 2). Semantics follow MLflow's
 * SqlAlchemyStore (start_trace, log_spans, search_traces, ...); deviations are noted where they are.
 *
 * Every write runs in one synchronous transaction, so a span batch and the trace info derived
 * from it land together or not at all, and concurrent requests never see half a trace.
 */









// ------------------------------------------------------------------------------------ MLflow keys
/** Trace tags and metadata keys the store reads or writes (mlflow/tracing/constant.py). */
const TRACE_KEYS = {
    artifactLocationTag: ARTIFACT_LOCATION_TAG,
    spansLocationTag: 'mlflow.trace.spansLocation',
    traceNameTag: 'mlflow.traceName',
    infoFinalized: 'mlflow.trace.infoFinalized',
    tokenUsage: 'mlflow.trace.tokenUsage',
    cost: 'mlflow.trace.cost',
    session: 'mlflow.trace.session',
    user: 'mlflow.trace.user',
    sourceRun: SOURCE_RUN_METADATA,
};
/** The value of tag `mlflow.trace.spansLocation` for traces whose spans live in this store. */
const SPANS_IN_TRACKING_STORE = 'TRACKING_STORE';
const SPAN_ATTRIBUTES = {
    spanType: 'mlflow.spanType',
    inputs: 'mlflow.spanInputs',
    outputs: 'mlflow.spanOutputs',
    tokenUsage: 'mlflow.chat.tokenUsage',
    cost: 'mlflow.llm.cost',
    genAiInputTokens: 'gen_ai.usage.input_tokens',
    genAiOutputTokens: 'gen_ai.usage.output_tokens',
};
/**
 * Span attributes copied onto their trace's metadata at ingestion: MLflow's `session.id` and
 * `user.id`, and (our extension) the AI gateway's `mlflow.gateway.*` keys under their own names,
 * so a gateway trace arrives whole in one OTLP request. `afterFinal`: whether a value may still be
 * added once StartTraceV3 has written the trace's info.
 */
const METADATA_FROM_ATTRIBUTES = new Map([
    ['session.id', { key: TRACE_KEYS.session, afterFinal: false, rootOnly: false }],
    ['user.id', { key: TRACE_KEYS.user, afterFinal: true, rootOnly: false }],
    // Only from the trace's root: gateway spans inside a caller's trace leave the caller's info alone.
    ...Object.values(trace_keys/* GATEWAY_METADATA_KEYS */.Q$).map((k) => [k, { key: k, afterFinal: false, rootOnly: true }]),
    // Not metadata but the info's `client_request_id` (the gateway's request id, as in its access log).
    [trace_keys/* CLIENT_REQUEST_ID_ATTRIBUTE */.fM, { key: trace_keys/* CLIENT_REQUEST_ID_ATTRIBUTE */.fM, afterFinal: false, rootOnly: true }],
]);
const METADATA_AFTER_FINAL = new Set([...METADATA_FROM_ATTRIBUTES.values()].filter((m) => m.afterFinal).map((m) => m.key));
const TOKEN_KEYS = ['input_tokens', 'output_tokens', 'total_tokens', 'cache_read_input_tokens', 'cache_creation_input_tokens'];
const COST_KEYS = ['input_cost', 'output_cost', 'total_cost'];
/** MLflow OSS caps request/response previews at 1000 characters (TRACE_REQUEST_RESPONSE_PREVIEW_MAX_LENGTH_OSS). */
const PREVIEW_MAX_LENGTH = 1000;
/** LinkTracesToRun takes at most this many traces per request (MAX_TRACE_LINKS_PER_REQUEST). */
const MAX_TRACE_LINKS_PER_REQUEST = 100;
const TRACE_STATES = ['STATE_UNSPECIFIED', 'OK', 'ERROR', 'IN_PROGRESS'];
const SOURCE_TYPES = ['SOURCE_TYPE_UNSPECIFIED', 'HUMAN', 'LLM_JUDGE', 'CODE'];
const ASSESSMENT_MASK_FIELDS = ['assessment_name', 'feedback', 'expectation', 'rationale', 'metadata', 'valid'];
// ------------------------------------------------------------------------------------ OTLP values
/** An OTLP AnyValue as a plain JS value (ints as numbers: token counts and flags, never ids). */
function anyToJs(v) {
    if (v === null || typeof v !== 'object')
        return undefined;
    if ('string_value' in v)
        return v.string_value;
    if ('bool_value' in v)
        return v.bool_value;
    if ('int_value' in v)
        return Number(v.int_value);
    if ('double_value' in v)
        return Number(v.double_value);
    if ('bytes_value' in v)
        return v.bytes_value;
    if ('array_value' in v)
        return (v.array_value?.values ?? []).map(anyToJs);
    // fromEntries defines own properties, so a key named "__proto__" stays data.
    if ('kvlist_value' in v)
        return Object.fromEntries((v.kvlist_value?.values ?? []).map((kv) => [kv.key, anyToJs(kv.value)]));
    return undefined;
}
/** Python's repr of a float, which json.dumps uses: `1.0`, `1e-05`, `1e+16`. */
function pyFloat(x) {
    if (Number.isNaN(x))
        return 'NaN';
    if (!Number.isFinite(x))
        return x > 0 ? 'Infinity' : '-Infinity';
    if (x === 0)
        return Object.is(x, -0) ? '-0.0' : '0.0';
    const [mantissa, expText] = x.toExponential().split('e');
    const exp = Number(expText);
    if (exp < -4 || exp >= 16)
        return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
    const fixed = String(x);
    return fixed.includes('.') ? fixed : `${fixed}.0`;
}
/**
 * An AnyValue as Python's `json.dumps(value, ensure_ascii=False)` writes it, which is how MLflow
 * stores span attributes and so how its previews and metadata read (`{"x": 1}`, not `{"x":1}`).
 */
function pyJsonAny(v) {
    if (v === null || typeof v !== 'object')
        return 'null';
    if ('string_value' in v)
        return JSON.stringify(String(v.string_value));
    if ('bool_value' in v)
        return v.bool_value ? 'true' : 'false';
    if ('int_value' in v)
        return /^-?\d+$/.test(String(v.int_value)) ? String(v.int_value) : pyFloat(Number(v.int_value));
    if ('double_value' in v)
        return pyFloat(Number(v.double_value));
    if ('bytes_value' in v)
        return JSON.stringify(String(v.bytes_value));
    if ('array_value' in v)
        return `[${(v.array_value?.values ?? []).map(pyJsonAny).join(', ')}]`;
    if ('kvlist_value' in v)
        return `{${(v.kvlist_value?.values ?? []).map((kv) => `${JSON.stringify(kv.key)}: ${pyJsonAny(kv.value)}`).join(', ')}}`;
    return 'null';
}
/** Python json.dumps of a flat record of numbers; `floats` names keys Python holds as floats. */
function pyJsonNumbers(record, floats = false) {
    return `{${Object.entries(record)
        .map(([k, n]) => `${JSON.stringify(k)}: ${floats || !Number.isInteger(n) ? pyFloat(n) : String(n)}`)
        .join(', ')}}`;
}
/** Attribute values some clients send JSON-encoded (`"\"LLM\""`): decode one level of a JSON string literal. */
function plainString(value) {
    if (typeof value !== 'string')
        return value === undefined || value === null ? undefined : JSON.stringify(value);
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
        try {
            const decoded = JSON.parse(value);
            if (typeof decoded === 'string')
                return decoded;
        }
        catch {
            // not JSON: the value is the string itself
        }
    }
    return value;
}
function objectValue(value) {
    let v = value;
    if (typeof v === 'string') {
        try {
            v = JSON.parse(v);
        }
        catch {
            return undefined;
        }
    }
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
}
// ------------------------------------------------------------------------------------ previews
function isMessage(x) {
    return x !== null && typeof x === 'object' && 'role' in x && 'content' in x;
}
/** Chat messages in the shapes MLflow recognises: `messages`, `choices[0].message`, `input`, `output`, `request.*`. */
function chatMessages(obj, depth = 0) {
    if (obj === null || typeof obj !== 'object' || Array.isArray(obj) || depth > 4)
        return undefined;
    const o = obj;
    if (Array.isArray(o.messages) && o.messages.length > 0)
        return o.messages.filter(isMessage);
    if (Array.isArray(o.choices) && o.choices.length > 0) {
        const first = o.choices[0];
        if (first && typeof first === 'object' && isMessage(first.message))
            return [first.message];
    }
    if (Array.isArray(o.input) && o.input.length > 0)
        return o.input.filter(isMessage);
    if (Array.isArray(o.output) && o.output.length > 0)
        return o.output.filter(isMessage);
    if ('request' in o)
        return chatMessages(o.request, depth + 1);
    return undefined;
}
function messageText(message) {
    const content = message?.content;
    if (typeof content === 'string')
        return content;
    if (Array.isArray(content)) {
        for (const part of content) {
            if (typeof part === 'string')
                return part;
            if (part && typeof part === 'object') {
                const p = part;
                if ((p.type === 'text' || p.type === 'output_text') && typeof p.text === 'string')
                    return p.text;
            }
        }
    }
    return '';
}
/** Code points, not UTF-16 units, as Python's len() counts them. */
function truncatePreview(text, max = PREVIEW_MAX_LENGTH) {
    if (text.length <= max)
        return text;
    const points = Array.from(text);
    return points.length <= max ? text : `${points.slice(0, max - 3).join('')}...`;
}
/** A request/response preview from a root span's inputs/outputs, as MLflow's _get_truncated_preview derives it. */
function previewOf(value, role) {
    const dumped = pyJsonAny(value);
    const messages = chatMessages(anyToJs(value));
    let text = '';
    if (messages && messages.length > 0) {
        const last = [...messages].reverse().find((m) => m.role === role) ?? messages[messages.length - 1];
        text = messageText(last);
    }
    return truncatePreview(text || dumped);
}
// ------------------------------------------------------------------------------------ ids and spans
const BASE64_ID = /^[A-Za-z0-9+/]+={0,2}$/;
/** A trace or span id, base64 (the span JSON form) or hex (the OTLP/JSON form), as its bytes. */
function idBytes(id, length, what) {
    if (typeof id === 'string') {
        if (id.length === length * 2 && /^[0-9a-fA-F]+$/.test(id))
            return Buffer.from(id, 'hex');
        if (BASE64_ID.test(id)) {
            const bytes = Buffer.from(id, 'base64');
            if (bytes.length === length)
                return bytes;
        }
    }
    throw (0,errors/* invalidParam */.$L)(`Invalid ${what} ${JSON.stringify(id)}: expected ${length} bytes as base64 (or ${length * 2} hex digits).`);
}
/**
 * Canonical base64 of 8 bytes: the padding bits of the last character are zero, so it is what
 * Buffer's encoder writes and needs no decode and re-encode (span ids mostly arrive like this).
 */
const CANONICAL_SPAN_ID = /^[A-Za-z0-9+/]{10}[AEIMQUYcgkosw048]=$/;
function spanIdBase64(id, what) {
    return typeof id === 'string' && CANONICAL_SPAN_ID.test(id) ? id : idBytes(id, 8, what).toString('base64');
}
function traceIds(id, what, cache) {
    let ids = typeof id === 'string' ? cache.get(id) : undefined;
    if (ids === undefined) {
        const bytes = idBytes(id, 16, what);
        ids = { base64: bytes.toString('base64'), mlflowId: `tr-${bytes.toString('hex')}` };
        cache.set(id, ids);
    }
    return ids;
}
/** MLflow's trace id for an OTel trace id: `tr-` and 32 hex digits. */
function mlflowTraceId(otelTraceId) {
    return `tr-${idBytes(otelTraceId, 16, 'trace_id').toString('hex')}`;
}
const INT64_MAX = 2n ** 63n - 1n;
function nanos(value, what) {
    let n;
    if (typeof value === 'string' && /^\d{1,19}$/.test(value))
        n = BigInt(value);
    else if (typeof value === 'bigint')
        n = value;
    else if (typeof value === 'number' && Number.isInteger(value) && value >= 0)
        n = BigInt(value);
    if (n === undefined || n < 0n || n > INT64_MAX) {
        throw (0,errors/* invalidParam */.$L)(`Invalid ${what} ${JSON.stringify(typeof value === 'bigint' ? String(value) : value)}: expected nanoseconds since the epoch as a decimal string.`);
    }
    return n;
}
function spanStatus(status) {
    const code = status?.code;
    if (code === 'STATUS_CODE_OK' || code === 1 || code === 'OK')
        return 'OK';
    if (code === 'STATUS_CODE_ERROR' || code === 2 || code === 'ERROR')
        return 'ERROR';
    return 'UNSET';
}
function finiteNumber(value) {
    const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}
const PICKED_NAMES = new Map(Object.entries(SPAN_ATTRIBUTES).map(([name, key]) => [key, name]));
/** A span's token counts and cost, from `mlflow.chat.tokenUsage` (or the GenAI semconv counts) and `mlflow.llm.cost`. */
function spanUsage(attrs) {
    const usage = {};
    const tokens = objectValue(anyToJs(attrs.tokenUsage));
    if (tokens) {
        for (const k of TOKEN_KEYS) {
            const n = finiteNumber(tokens[k]);
            if (n !== undefined)
                usage[k] = n;
        }
    }
    else {
        const input = finiteNumber(anyToJs(attrs.genAiInputTokens));
        const output = finiteNumber(anyToJs(attrs.genAiOutputTokens));
        if (input !== undefined)
            usage.input_tokens = input;
        if (output !== undefined)
            usage.output_tokens = output;
        if (input !== undefined && output !== undefined)
            usage.total_tokens = input + output;
    }
    const cost = objectValue(anyToJs(attrs.cost));
    if (cost) {
        for (const k of COST_KEYS) {
            const n = finiteNumber(cost[k]);
            if (n !== undefined)
                usage[k] = n;
        }
    }
    return Object.keys(usage).length > 0 ? usage : undefined;
}
function attributeMap(attributes) {
    const map = new Map();
    for (const kv of attributes)
        map.set(kv.key, kv.value);
    return map;
}
/** Checks one incoming span and converts it for storage; ids become canonical base64. */
function toSpanRow(span, index, traceIdCache) {
    const where = `spans[${index}]`;
    if (span === null || typeof span !== 'object')
        throw (0,errors/* invalidParam */.$L)(`Invalid ${where}: expected a span object.`);
    const trace = traceIds(span.trace_id, `${where}.trace_id`, traceIdCache);
    const spanId = spanIdBase64(span.span_id, `${where}.span_id`);
    const parent = span.parent_span_id === undefined || span.parent_span_id === null || span.parent_span_id === '' ? null : spanIdBase64(span.parent_span_id, `${where}.parent_span_id`);
    if (typeof span.name !== 'string')
        throw (0,errors/* invalidParam */.$L)(`Invalid ${where}.name: expected a string.`);
    const startNs = nanos(span.start_time_unix_nano, `${where}.start_time_unix_nano`);
    const endRaw = span.end_time_unix_nano;
    // OTLP writes 0 for a span that has not ended.
    const endNs = endRaw === undefined || endRaw === null || endRaw === '0' || endRaw === '' ? null : nanos(endRaw, `${where}.end_time_unix_nano`);
    const attributes = span.attributes ?? [];
    if (!Array.isArray(attributes))
        throw (0,errors/* invalidParam */.$L)(`Invalid ${where}.attributes: expected a list of {key, value}.`);
    const attrs = {};
    let metadata;
    for (const a of attributes) {
        if (a === null || typeof a !== 'object' || typeof a.key !== 'string')
            throw (0,errors/* invalidParam */.$L)(`Invalid ${where}.attributes: expected a list of {key, value}.`);
        const name = PICKED_NAMES.get(a.key);
        if (name !== undefined)
            attrs[name] = a.value;
        const meta = METADATA_FROM_ATTRIBUTES.get(a.key);
        if (meta !== undefined && (!meta.rootOnly || parent === null)) {
            const value = plainString(anyToJs(a.value));
            if (value)
                (metadata ??= {})[meta.key] = value;
        }
    }
    const events = span.events ?? [];
    if (!Array.isArray(events))
        throw (0,errors/* invalidParam */.$L)(`Invalid ${where}.events: expected a list.`);
    const usage = spanUsage(attrs);
    const record = {
        ...span,
        trace_id: trace.base64,
        span_id: spanId,
        name: span.name,
        start_time_unix_nano: startNs.toString(),
        attributes,
        events,
    };
    if (parent === null)
        delete record.parent_span_id;
    else
        record.parent_span_id = parent;
    if (endNs === null)
        delete record.end_time_unix_nano;
    else
        record.end_time_unix_nano = endNs.toString();
    const row = {
        traceId: trace.mlflowId,
        spanId,
        parentSpanId: parent,
        name: span.name,
        spanType: plainString(anyToJs(attrs.spanType)) ?? null,
        status: spanStatus(span.status),
        startNs,
        endNs,
        content: JSON.stringify(record),
        usage: usage ? JSON.stringify(usage) : null,
        usageValues: usage,
        hasIo: 'inputs' in attrs || 'outputs' in attrs,
    };
    if (metadata)
        row.metadata = metadata;
    return row;
}
// ------------------------------------------------------------------------------------ trace info from spans
const traces_SPAN_COLUMNS = 'trace_key, span_id, parent_span_id, name, span_type, status, start_time_ns, end_time_ns, usage, content';
const SPAN_PARAMS = '?, ?, ?, ?, ?, ?, ?, ?, ?, ?';
/** A trace's state once its root span is in: MLflow maps an UNSET root to OK. */
function rootState(status) {
    return status === 'ERROR' ? 'ERROR' : 'OK';
}
/** Request/response previews from the root span's stored JSON (its inputs and outputs attributes). */
function rootPreviews(content) {
    const attrs = attributeMap(JSON.parse(content).attributes ?? []);
    const inputs = attrs.get(SPAN_ATTRIBUTES.inputs);
    const outputs = attrs.get(SPAN_ATTRIBUTES.outputs);
    return {
        request: inputs === undefined ? null : previewOf(inputs, 'user'),
        response: outputs === undefined ? null : previewOf(outputs, 'assistant'),
    };
}
/**
 * Token and cost totals as trace metadata values, over spans' usage in span-id order (the key
 * order of the JSON follows first appearance, so the order is fixed for both derivations).
 */
function usageTotals(usages) {
    const tokens = {};
    const cost = {};
    for (const u of usages) {
        for (const k of TOKEN_KEYS)
            if (u[k] !== undefined)
                tokens[k] = (tokens[k] ?? 0) + u[k];
        if (COST_KEYS.some((k) => u[k] !== undefined))
            for (const k of COST_KEYS)
                cost[k] = (cost[k] ?? 0) + (u[k] ?? 0);
    }
    return {
        tokenUsage: Object.keys(tokens).length > 0 ? pyJsonNumbers(tokens) : undefined,
        cost: Object.keys(cost).length > 0 ? pyJsonNumbers(cost, true) : undefined,
    };
}
const bySpanId = (a, b) => (a.spanId < b.spanId ? -1 : a.spanId > b.spanId ? 1 : 0);
/**
 * The info of a new trace whose spans are all in `batch` (deduplicated by span id): what
 * SqliteTraceStore.refreshFromSpans derives from stored spans, computed without a query.
 * request_time is the earliest start, the duration runs to the latest end, the root is the
 * earliest span without a parent (ties by span id) and gives state, previews and name.
 */
function deriveTraceInfo(batch) {
    let minStart = batch[0].startNs;
    let maxEnd = null;
    let root;
    for (const s of batch) {
        if (s.startNs < minStart)
            minStart = s.startNs;
        if (s.endNs !== null && (maxEnd === null || s.endNs > maxEnd))
            maxEnd = s.endNs;
        if (s.parentSpanId === null && (root === undefined || s.startNs < root.startNs || (s.startNs === root.startNs && s.spanId < root.spanId)))
            root = s;
    }
    // Whole milliseconds, truncated, as SQLite's integer division gives them.
    const requestTime = Number(minStart / 1000000n);
    const previews = root?.hasIo ? rootPreviews(root.content) : { request: null, response: null };
    const totals = usageTotals(batch
        .filter((s) => s.usageValues !== undefined)
        .sort(bySpanId)
        .map((s) => s.usageValues));
    return {
        requestTime,
        durationMs: maxEnd === null ? null : Math.max(0, Number(maxEnd / 1000000n) - requestTime),
        state: root ? rootState(root.status) : 'IN_PROGRESS',
        requestPreview: previews.request,
        responsePreview: previews.response,
        name: root?.name,
        tokenUsage: totals.tokenUsage,
        cost: totals.cost,
        metadata: metadataOf(batch),
    };
}
/** Each attribute-borne metadata key, from the first span of the batch that carries it. */
function metadataOf(batch) {
    const out = {};
    for (const s of batch) {
        if (!s.metadata)
            continue;
        for (const [k, v] of Object.entries(s.metadata))
            if (!(k in out))
                out[k] = v;
    }
    return out;
}
// ------------------------------------------------------------------------------------ checks
function joinUri(root, ...parts) {
    return [root.replace(/\/+$/, ''), ...parts].join('/');
}
function checkStringMap(value, what) {
    if (value === undefined || value === null)
        return {};
    if (typeof value !== 'object' || Array.isArray(value))
        throw (0,errors/* invalidParam */.$L)(`Invalid ${what}: expected an object of string values.`);
    const out = {};
    for (const [k, v] of Object.entries(value)) {
        if (k === '')
            throw (0,errors/* invalidParam */.$L)(`Invalid ${what}: keys must be non-empty.`);
        if (typeof v !== 'string')
            throw (0,errors/* invalidParam */.$L)(`Invalid ${what} '${k}': expected a string value, got ${JSON.stringify(v)}.`);
        out[k] = v;
    }
    return out;
}
function checkTimestamp(value, what) {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
        throw (0,errors/* invalidParam */.$L)(`Invalid ${what} ${JSON.stringify(value)}: expected a non-negative integer number of milliseconds.`);
    }
    return value;
}
function checkMaxResults(value) {
    const L = limits/* MLFLOW_LIMITS */.rh.searchTraces;
    if (value === undefined)
        return L.defaultMaxResults;
    if (!Number.isInteger(value) || value < 1 || value > L.maxResults) {
        throw (0,errors/* invalidParam */.$L)(`Invalid value ${value} for parameter 'max_results' supplied. It must be a positive integer at most ${L.maxResults}.`);
    }
    return value;
}
function checkTraceInfo(info) {
    if (info === null || typeof info !== 'object')
        throw (0,errors/* invalidParam */.$L)('Invalid trace_info: expected an object.');
    if (typeof info.trace_id !== 'string' || info.trace_id === '') {
        throw (0,errors/* invalidParam */.$L)(`Missing value for required parameter 'trace_id'. See the API docs for more information about request parameters.`);
    }
    if (typeof info.experiment_id !== 'string' || info.experiment_id === '') {
        throw (0,errors/* invalidParam */.$L)(`Missing value for required parameter 'trace_location.mlflow_experiment.experiment_id'.`);
    }
    checkTimestamp(info.request_time, 'request_time');
    if (info.execution_duration_ms !== undefined && info.execution_duration_ms !== null)
        checkTimestamp(info.execution_duration_ms, 'execution_duration');
    if (!TRACE_STATES.includes(info.state)) {
        throw (0,errors/* invalidParam */.$L)(`Invalid trace state ${JSON.stringify(info.state)}: expected one of ${TRACE_STATES.join(', ')}.`);
    }
    for (const field of ['client_request_id', 'request_preview', 'response_preview']) {
        const v = info[field];
        if (v !== undefined && v !== null && typeof v !== 'string')
            throw (0,errors/* invalidParam */.$L)(`Invalid ${field}: expected a string.`);
    }
    if (info.assessments !== undefined && !Array.isArray(info.assessments))
        throw (0,errors/* invalidParam */.$L)('Invalid assessments: expected a list.');
}
function checkAssessment(a, where = 'assessment') {
    if (a === null || typeof a !== 'object')
        throw (0,errors/* invalidParam */.$L)(`Invalid ${where}: expected an object.`);
    if (typeof a.assessment_name !== 'string' || a.assessment_name === '') {
        throw (0,errors/* invalidParam */.$L)(`Missing value for required parameter '${where}.assessment_name'.`);
    }
    if (!a.source || typeof a.source !== 'object')
        throw (0,errors/* invalidParam */.$L)(`Missing value for required parameter '${where}.source'.`);
    if (!SOURCE_TYPES.includes(a.source.source_type)) {
        throw (0,errors/* invalidParam */.$L)(`Invalid ${where}.source.source_type ${JSON.stringify(a.source.source_type)}: expected one of ${SOURCE_TYPES.join(', ')}.`);
    }
    if (typeof a.source.source_id !== 'string' || a.source.source_id === '') {
        throw (0,errors/* invalidParam */.$L)(`Missing value for required parameter '${where}.source.source_id'.`);
    }
    const kinds = (a.feedback !== undefined && a.feedback !== null ? 1 : 0) + (a.expectation !== undefined && a.expectation !== null ? 1 : 0);
    if (kinds !== 1)
        throw (0,errors/* invalidParam */.$L)(`Invalid ${where}: exactly one of 'feedback' or 'expectation' must be set.`);
    if (a.span_id !== undefined && a.span_id !== null && typeof a.span_id !== 'string')
        throw (0,errors/* invalidParam */.$L)(`Invalid ${where}.span_id: expected a string.`);
    if (a.rationale !== undefined && a.rationale !== null && typeof a.rationale !== 'string')
        throw (0,errors/* invalidParam */.$L)(`Invalid ${where}.rationale: expected a string.`);
    if (a.overrides !== undefined && a.overrides !== null && typeof a.overrides !== 'string')
        throw (0,errors/* invalidParam */.$L)(`Invalid ${where}.overrides: expected a string.`);
    if (a.valid !== undefined && a.valid !== null && typeof a.valid !== 'boolean')
        throw (0,errors/* invalidParam */.$L)(`Invalid ${where}.valid: expected a boolean.`);
    checkStringMap(a.metadata, `${where}.metadata`);
}
/** The assessment with unset optional fields dropped, so the stored JSON is what the wire omits. */
function cleanAssessment(a) {
    const out = {
        assessment_id: a.assessment_id,
        assessment_name: a.assessment_name,
        trace_id: a.trace_id,
        source: { source_type: a.source.source_type, source_id: a.source.source_id },
        create_time_ms: a.create_time_ms,
        last_update_time_ms: a.last_update_time_ms,
    };
    if (a.span_id)
        out.span_id = a.span_id;
    if (a.feedback !== undefined && a.feedback !== null)
        out.feedback = a.feedback;
    if (a.expectation !== undefined && a.expectation !== null)
        out.expectation = a.expectation;
    if (a.rationale !== undefined && a.rationale !== null)
        out.rationale = a.rationale;
    if (a.metadata && Object.keys(a.metadata).length > 0)
        out.metadata = { ...a.metadata };
    if (a.overrides)
        out.overrides = a.overrides;
    out.valid = a.valid ?? true;
    return out;
}
const newAssessmentId = () => `a-${(0,external_node_crypto_.randomUUID)().replaceAll('-', '')}`;
/** SQLite's fixed limits an oversized filter runs into; the client's to shrink, so 400 rather than 500. */
const SQLITE_SIZE_LIMIT = /Expression tree is too large|too many FROM clause terms|too many SQL variables|LIKE or GLOB pattern too complex|parser stack overflow/;
/** Linear interpolation between closest ranks (numpy's default, PostgreSQL's percentile_cont). */
function percentile(sorted, p) {
    if (sorted.length === 0)
        return 0;
    const rank = (p / 100) * (sorted.length - 1);
    const lo = Math.floor(rank);
    const hi = Math.ceil(rank);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}
const REGEX_CACHE_SIZE = 64;
// ------------------------------------------------------------------------------------ store
class SqliteTraceStore {
    sql;
    constructor(sql) {
        this.sql = sql;
        // SQLite has no REGEXP function of its own; RLIKE compiles to `x REGEXP ?`, which calls
        // regexp(pattern, x). Patterns are checked (length, catastrophic shapes) before any query runs.
        const compiled = new Map();
        this.sql.db.function('regexp', { deterministic: true }, (pattern, value) => {
            if (typeof pattern !== 'string' || value === null || value === undefined)
                return null;
            let re = compiled.get(pattern);
            if (!re) {
                re = new RegExp(pattern);
                if (compiled.size >= REGEX_CACHE_SIZE)
                    compiled.delete(compiled.keys().next().value);
                compiled.set(pattern, re);
            }
            return re.test(typeof value === 'string' ? value : String(value)) ? 1 : 0;
        });
    }
    // ---------------------------------------------------------------- helpers
    experimentRow(experimentId) {
        return experimentRow(this.sql, experimentId);
    }
    activeExperimentRow(experimentId) {
        return activeExperimentRow(this.sql, experimentId);
    }
    traceRow(traceId) {
        return this.sql.get('SELECT * FROM trace_info WHERE trace_id = ?', traceId);
    }
    traceRows(traceIds) {
        return this.sql.all('SELECT * FROM trace_info WHERE trace_id IN (SELECT value FROM json_each(?))', JSON.stringify([...traceIds]));
    }
    requireTrace(traceId) {
        const row = typeof traceId === 'string' ? this.traceRow(traceId) : undefined;
        if (!row)
            throw (0,errors/* notFound */.mX)(`Trace with ID '${traceId}' not found.`);
        return row;
    }
    setTag(traceKey, key, value) {
        this.sql.run('INSERT INTO trace_tags (trace_key, key, value) VALUES (?, ?, ?) ON CONFLICT (trace_key, key) DO UPDATE SET value = excluded.value', traceKey, key, value);
    }
    setMetadata(traceKey, key, value) {
        this.sql.run('INSERT INTO trace_metadata (trace_key, key, value) VALUES (?, ?, ?) ON CONFLICT (trace_key, key) DO UPDATE SET value = excluded.value', traceKey, key, value);
    }
    getMetadata(traceKey, key) {
        return this.sql.get('SELECT value FROM trace_metadata WHERE trace_key = ? AND key = ?', traceKey, key)?.value;
    }
    getTag(traceKey, key) {
        return this.sql.get('SELECT value FROM trace_tags WHERE trace_key = ? AND key = ?', traceKey, key)?.value;
    }
    artifactLocation(exp, traceId) {
        return joinUri(exp.artifact_location, 'traces', traceId, 'artifacts');
    }
    writeAssessment(traceKey, a) {
        const clean = cleanAssessment(a);
        this.sql.run(`INSERT INTO assessments (assessment_id, trace_key, name, create_time_ms, last_update_time_ms, valid, overrides, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (assessment_id) DO UPDATE SET trace_key = excluded.trace_key, name = excluded.name, create_time_ms = excluded.create_time_ms,
         last_update_time_ms = excluded.last_update_time_ms, valid = excluded.valid, overrides = excluded.overrides, body = excluded.body`, clean.assessment_id, traceKey, clean.assessment_name, clean.create_time_ms, clean.last_update_time_ms, clean.valid === false ? 0 : 1, clean.overrides ?? null, JSON.stringify(clean));
    }
    findAssessment(traceKey, assessmentId) {
        return this.sql.get('SELECT assessment_id, trace_key, body FROM assessments WHERE trace_key = ? AND assessment_id = ?', traceKey, assessmentId);
    }
    assessmentRow(traceId, assessmentId) {
        const trace = typeof traceId === 'string' ? this.traceRow(traceId) : undefined;
        if (!trace)
            throw (0,errors/* notFound */.mX)(`Trace with request_id '${traceId}' not found`);
        const row = this.findAssessment(trace.trace_key, assessmentId);
        if (!row)
            throw (0,errors/* notFound */.mX)(`Assessment with ID '${assessmentId}' not found for trace '${traceId}'`);
        return { traceKey: trace.trace_key, assessment: JSON.parse(row.body) };
    }
    setAssessmentValid(traceKey, assessmentId, valid) {
        const row = this.findAssessment(traceKey, assessmentId);
        if (!row)
            return 0;
        const a = JSON.parse(row.body);
        this.writeAssessment(traceKey, { ...a, valid });
        return 1;
    }
    /** Full TraceInfo for each row, in the rows' order. */
    hydrate(rows) {
        if (rows.length === 0)
            return [];
        const keys = JSON.stringify(rows.map((r) => r.trace_key));
        const IN = '(SELECT value FROM json_each(?))';
        const infos = new Map();
        for (const r of rows) {
            const info = {
                trace_id: r.trace_id,
                experiment_id: String(r.experiment_id),
                request_time: Number(r.request_time),
                state: r.state,
                trace_metadata: {},
                tags: {},
                assessments: [],
            };
            if (r.client_request_id !== null)
                info.client_request_id = r.client_request_id;
            if (r.request_preview !== null)
                info.request_preview = r.request_preview;
            if (r.response_preview !== null)
                info.response_preview = r.response_preview;
            if (r.execution_duration_ms !== null)
                info.execution_duration_ms = Number(r.execution_duration_ms);
            infos.set(r.trace_key, info);
        }
        for (const m of this.sql.all(`SELECT trace_key, key, value FROM trace_metadata WHERE trace_key IN ${IN} ORDER BY key`, keys)) {
            infos.get(m.trace_key).trace_metadata[m.key] = m.value;
        }
        for (const t of this.sql.all(`SELECT trace_key, key, value FROM trace_tags WHERE trace_key IN ${IN} ORDER BY key`, keys)) {
            infos.get(t.trace_key).tags[t.key] = t.value;
        }
        for (const a of this.sql.all(`SELECT assessment_id, trace_key, body FROM assessments WHERE trace_key IN ${IN} ORDER BY create_time_ms, assessment_id`, keys)) {
            infos.get(a.trace_key).assessments.push(JSON.parse(a.body));
        }
        return rows.map((r) => infos.get(r.trace_key));
    }
    query(what, sql, params) {
        try {
            return this.sql.stmt(sql).all(...params);
        }
        catch (err) {
            const message = err instanceof Error ? err.message : String(err);
            if (!SQLITE_SIZE_LIMIT.test(message))
                throw err;
            throw (0,errors/* invalidParam */.$L)(`The ${what} request is too large to run (${message}). Use fewer filter clauses, order_by keys or IN values.`);
        }
    }
    // ---------------------------------------------------------------- trace info
    async startTrace(info) {
        checkTraceInfo(info);
        const tags = checkStringMap(info.tags, 'tags');
        const metadata = checkStringMap(info.trace_metadata, 'trace_metadata');
        const assessments = (info.assessments ?? []).map((a, i) => {
            checkAssessment(a, `assessments[${i}]`);
            return a;
        });
        const traceId = info.trace_id;
        return this.sql.transaction(() => {
            const exp = this.activeExperimentRow(info.experiment_id);
            // An existing row was created by logSpans (spans can arrive first): StartTraceV3's values
            // are authoritative for the trace-level fields, previews fall back to the derived ones,
            // and tags/metadata merge with the client's winning.
            this.sql.run(`INSERT INTO trace_info (trace_id, experiment_id, request_time, execution_duration_ms, state, request_preview, response_preview, client_request_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (trace_id) DO UPDATE SET experiment_id = excluded.experiment_id, request_time = excluded.request_time,
           execution_duration_ms = excluded.execution_duration_ms, state = excluded.state, client_request_id = excluded.client_request_id,
           request_preview = COALESCE(excluded.request_preview, trace_info.request_preview),
           response_preview = COALESCE(excluded.response_preview, trace_info.response_preview)`, traceId, exp.experiment_id, info.request_time, info.execution_duration_ms ?? null, info.state, info.request_preview ?? null, info.response_preview ?? null, info.client_request_id ?? null);
            const row = this.traceRow(traceId);
            const key = row.trace_key;
            for (const [k, v] of Object.entries(tags))
                this.setTag(key, k, v);
            this.setTag(key, TRACE_KEYS.artifactLocationTag, this.artifactLocation(exp, traceId));
            for (const [k, v] of Object.entries(metadata))
                this.setMetadata(key, k, v);
            this.setMetadata(key, TRACE_KEYS.infoFinalized, 'true');
            const now = Date.now();
            for (const a of assessments) {
                const full = a;
                this.writeAssessment(key, {
                    ...full,
                    assessment_id: full.assessment_id || newAssessmentId(),
                    trace_id: traceId,
                    create_time_ms: full.create_time_ms ?? now,
                    last_update_time_ms: full.last_update_time_ms ?? full.create_time_ms ?? now,
                });
            }
            return this.hydrate([row])[0];
        });
    }
    async getTraceInfo(traceId) {
        return this.hydrate([this.requireTrace(traceId)])[0];
    }
    async getTraceInfos(traceIds) {
        const unique = [...new Set(traceIds.filter((id) => typeof id === 'string'))];
        if (unique.length === 0)
            return [];
        const rows = this.traceRows(unique);
        const byId = new Map(rows.map((r) => [r.trace_id, r]));
        return this.hydrate(unique.map((id) => byId.get(id)).filter((r) => r !== undefined));
    }
    async searchTraces(query) {
        const limit = checkMaxResults(query.maxResults);
        const offset = decodePageToken(query.pageToken);
        const filter = compileTraceFilter(parseFilter(query.filter, 'traces'));
        const order = compileTraceOrderBy((query.orderBy ?? []).map((o) => parseOrderBy(o, 'traces')));
        const expIds = query.experimentIds.map(experimentKey).filter((id) => id !== undefined);
        if (expIds.length === 0)
            return { items: [] };
        const where = ['trace_info.experiment_id IN (SELECT value FROM json_each(?))', ...filter.where].join(' AND ');
        const rows = this.query('search_traces', `SELECT trace_info.* FROM trace_info ${order.joins} WHERE ${where} ORDER BY ${order.orderBy} LIMIT ? OFFSET ?`, [...order.params, JSON.stringify(expIds), ...filter.params, limit + 1, offset]);
        const page = { items: this.hydrate(rows.slice(0, limit)) };
        if (rows.length > limit)
            page.nextPageToken = encodePageToken(offset + limit);
        return page;
    }
    async setTraceTag(traceId, tag) {
        if (!tag || typeof tag.key !== 'string')
            throw (0,errors/* invalidParam */.$L)(`Missing value for required parameter 'key'. See the API docs for more information about request parameters.`);
        validateKey(tag.key, 'Tag name');
        if (tag.key.length > limits/* MLFLOW_LIMITS */.rh.maxTraceTagKeyLength) {
            throw (0,errors/* invalidParam */.$L)(`'key' exceeds the maximum length of ${limits/* MLFLOW_LIMITS */.rh.maxTraceTagKeyLength} characters`);
        }
        // MLflow truncates an over-long trace tag value, as it does run tags.
        const value = truncate(String(tag.value ?? ''), limits/* MLFLOW_LIMITS */.rh.maxTraceTagValueLength);
        this.sql.transaction(() => {
            this.setTag(this.requireTrace(traceId).trace_key, tag.key, value);
        });
    }
    async deleteTraceTag(traceId, key) {
        this.sql.transaction(() => {
            const { trace_key } = this.requireTrace(traceId);
            const { changes } = this.sql.run('DELETE FROM trace_tags WHERE trace_key = ? AND key = ?', trace_key, key);
            if (Number(changes) === 0)
                throw (0,errors/* notFound */.mX)(`No trace tag with key '${key}' for trace with ID '${traceId}'`);
        });
    }
    async deleteTraces(query) {
        const { maxTimestampMillis, maxTraces, traceIds } = query;
        const hasIds = traceIds !== undefined && traceIds.length > 0;
        if (maxTimestampMillis === undefined && !hasIds)
            throw (0,errors/* invalidParam */.$L)('Either `max_timestamp_millis` or `trace_ids` must be specified.');
        if (maxTimestampMillis !== undefined && hasIds)
            throw (0,errors/* invalidParam */.$L)('Only one of `max_timestamp_millis` and `trace_ids` can be specified.');
        if (hasIds && maxTraces !== undefined)
            throw (0,errors/* invalidParam */.$L)("`max_traces` can't be specified if `trace_ids` is specified.");
        if (maxTraces !== undefined && (!Number.isInteger(maxTraces) || maxTraces <= 0)) {
            throw (0,errors/* invalidParam */.$L)(`\`max_traces\` must be a positive integer, received ${maxTraces}.`);
        }
        if (maxTimestampMillis !== undefined && !Number.isSafeInteger(maxTimestampMillis)) {
            throw (0,errors/* invalidParam */.$L)(`\`max_timestamp_millis\` must be an integer number of milliseconds, received ${maxTimestampMillis}.`);
        }
        const exp = experimentKey(query.experimentId);
        if (exp === undefined)
            return 0;
        return this.sql.transaction(() => {
            // Oldest first, so max_traces removes the oldest of the matching traces.
            const keys = this.sql
                .all(`SELECT trace_key FROM trace_info WHERE experiment_id = ?
             AND (? IS NULL OR request_time <= ?)
             AND (? IS NULL OR trace_id IN (SELECT value FROM json_each(?)))
           ORDER BY request_time ASC, trace_id ASC LIMIT ?`, exp, maxTimestampMillis ?? null, maxTimestampMillis ?? null, hasIds ? 1 : null, JSON.stringify(traceIds ?? []), maxTraces ?? -1)
                .map((r) => r.trace_key);
            if (keys.length === 0)
                return 0;
            const list = JSON.stringify(keys);
            for (const table of ['spans', 'trace_tags', 'trace_metadata', 'assessments', 'trace_run_links', 'trace_info']) {
                this.sql.run(`DELETE FROM ${table} WHERE trace_key IN (SELECT value FROM json_each(?))`, list);
            }
            return keys.length;
        });
    }
    async linkTracesToRun(traceIds, runId) {
        if (typeof runId !== 'string' || runId === '')
            throw (0,errors/* invalidParam */.$L)(`Missing value for required parameter 'run_id'.`);
        if (traceIds.length === 0)
            return;
        if (traceIds.length > MAX_TRACE_LINKS_PER_REQUEST) {
            throw (0,errors/* invalidParam */.$L)(`Cannot link more than ${MAX_TRACE_LINKS_PER_REQUEST} traces to a run in a single request. Provided ${traceIds.length} traces.`);
        }
        this.sql.transaction(() => {
            if (!this.sql.get('SELECT 1 FROM runs WHERE run_uuid = ?', runId))
                throw (0,errors/* notFound */.mX)(`Run with id=${runId} not found`);
            for (const traceId of traceIds) {
                const { trace_key } = this.requireTrace(traceId);
                this.sql.run('INSERT OR IGNORE INTO trace_run_links (run_uuid, trace_key) VALUES (?, ?)', runId, trace_key);
                // The run a trace was created in stays its source run; a link only fills an empty one.
                this.sql.run('INSERT OR IGNORE INTO trace_metadata (trace_key, key, value) VALUES (?, ?, ?)', trace_key, TRACE_KEYS.sourceRun, runId);
            }
        });
    }
    // ---------------------------------------------------------------- spans
    async logSpans(experimentId, spans) {
        if (!Array.isArray(spans))
            throw (0,errors/* invalidParam */.$L)('Invalid spans: expected a list.');
        if (spans.length === 0)
            return;
        // Convert every span before writing anything: one bad span rejects the whole batch.
        const traceIdCache = new Map();
        const rows = spans.map((span, i) => toSpanRow(span, i, traceIdCache));
        const byTrace = new Map();
        for (const r of rows) {
            let m = byTrace.get(r.traceId);
            if (!m)
                byTrace.set(r.traceId, (m = new Map()));
            // A span repeated within one batch: the later copy wins, as it would across batches.
            m.set(r.spanId, r);
        }
        this.sql.transaction(() => {
            const stored = new Map(this.traceRows(byTrace.keys()).map((r) => [r.trace_id, r]));
            const fresh = [];
            const known = [];
            for (const [traceId, spanMap] of byTrace) {
                const row = stored.get(traceId);
                if (row)
                    known.push([row, [...spanMap.values()]]);
                else
                    fresh.push([traceId, [...spanMap.values()]]);
            }
            // The experiment matters only for new traces; spans of an existing trace join it.
            if (fresh.length > 0)
                this.insertTraces(this.activeExperimentRow(experimentId), fresh);
            for (const [row, batch] of known)
                this.mergeSpans(row, batch);
        });
    }
    /**
     * Traces seen for the first time: the batch holds every span they have, so their info is
     * derived here (as refreshFromSpans would from the stored spans) instead of re-read with a
     * query per trace. Their trace keys come from the rowid, after the table's largest, so every
     * row and index entry below lands at the right edge of its b-tree.
     */
    insertTraces(exp, traces) {
        const insertInfo = this.sql.stmt(`INSERT INTO trace_info (trace_id, experiment_id, request_time, execution_duration_ms, state, request_preview, response_preview, client_request_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
        const insertTag = this.sql.stmt('INSERT INTO trace_tags (trace_key, key, value) VALUES (?, ?, ?)');
        const insertMetadata = this.sql.stmt('INSERT INTO trace_metadata (trace_key, key, value) VALUES (?, ?, ?)');
        const insertSpan = this.sql.stmt(`INSERT INTO spans (${traces_SPAN_COLUMNS}) VALUES (${SPAN_PARAMS})`);
        for (const [traceId, batch] of traces) {
            const d = deriveTraceInfo(batch);
            const { [trace_keys/* CLIENT_REQUEST_ID_ATTRIBUTE */.fM]: clientRequestId, ...metadata } = d.metadata;
            const key = Number(insertInfo.run(traceId, exp.experiment_id, d.requestTime, d.durationMs, d.state, d.requestPreview, d.responsePreview, clientRequestId ?? null).lastInsertRowid);
            insertTag.run(key, TRACE_KEYS.artifactLocationTag, this.artifactLocation(exp, traceId));
            if (d.name !== undefined)
                insertTag.run(key, TRACE_KEYS.traceNameTag, d.name);
            insertTag.run(key, TRACE_KEYS.spansLocationTag, SPANS_IN_TRACKING_STORE);
            if (d.tokenUsage !== undefined)
                insertMetadata.run(key, TRACE_KEYS.tokenUsage, d.tokenUsage);
            if (d.cost !== undefined)
                insertMetadata.run(key, TRACE_KEYS.cost, d.cost);
            for (const [k, v] of Object.entries(metadata))
                insertMetadata.run(key, k, v);
            for (const s of batch)
                insertSpan.run(key, s.spanId, s.parentSpanId, s.name, s.spanType, s.status, s.startNs, s.endNs, s.usage, s.content);
        }
    }
    /** Spans of a trace that already exists: upsert them, then re-derive its info from all its spans. */
    mergeSpans(info, batch) {
        const upsert = this.sql.stmt(`INSERT INTO spans (${traces_SPAN_COLUMNS}) VALUES (${SPAN_PARAMS})
       ON CONFLICT (trace_key, span_id) DO UPDATE SET parent_span_id = excluded.parent_span_id, name = excluded.name, span_type = excluded.span_type,
         status = excluded.status, start_time_ns = excluded.start_time_ns, end_time_ns = excluded.end_time_ns, usage = excluded.usage, content = excluded.content`);
        for (const s of batch)
            upsert.run(info.trace_key, s.spanId, s.parentSpanId, s.name, s.spanType, s.status, s.startNs, s.endNs, s.usage, s.content);
        this.refreshFromSpans(info, batch);
    }
    /**
     * Re-derives an existing trace's info from all its stored spans (so arrival order does not
     * matter): times and state unless StartTraceV3 already wrote them, previews and name when
     * unset, token usage and cost totals, session and user. deriveTraceInfo is the same rule for
     * a trace whose spans all arrive in one batch; the two must stay in step.
     */
    refreshFromSpans(info, batch) {
        const key = info.trace_key;
        const finalized = this.getMetadata(key, TRACE_KEYS.infoFinalized) === 'true';
        const sets = [];
        const params = [];
        if (!finalized) {
            const range = this.sql.get('SELECT MIN(start_time_ns) / 1000000 AS start_ms, MAX(end_time_ns) / 1000000 AS end_ms FROM spans WHERE trace_key = ?', key);
            sets.push('request_time = ?');
            params.push(range.start_ms);
            if (range.end_ms !== null) {
                sets.push('execution_duration_ms = ?');
                params.push(Math.max(0, range.end_ms - range.start_ms));
            }
        }
        const root = this.sql.get('SELECT name, status, content FROM spans WHERE trace_key = ? AND parent_span_id IS NULL ORDER BY start_time_ns, span_id LIMIT 1', key);
        if (root) {
            if (info.state === 'IN_PROGRESS' || info.state === 'STATE_UNSPECIFIED') {
                sets.push('state = ?');
                params.push(rootState(root.status));
            }
            if (info.request_preview === null || info.response_preview === null) {
                const previews = rootPreviews(root.content);
                if (info.request_preview === null && previews.request !== null) {
                    sets.push('request_preview = ?');
                    params.push(previews.request);
                }
                if (info.response_preview === null && previews.response !== null) {
                    sets.push('response_preview = ?');
                    params.push(previews.response);
                }
            }
            if (this.getTag(key, TRACE_KEYS.traceNameTag) === undefined)
                this.setTag(key, TRACE_KEYS.traceNameTag, root.name);
        }
        if (sets.length > 0)
            this.sql.run(`UPDATE trace_info SET ${sets.join(', ')} WHERE trace_key = ?`, ...params, key);
        const totals = usageTotals(this.sql.all('SELECT usage FROM spans WHERE trace_key = ? AND usage IS NOT NULL ORDER BY span_id', key).map((r) => JSON.parse(r.usage)));
        // StartTraceV3's totals are authoritative when it sent them.
        if (totals.tokenUsage !== undefined && !(finalized && this.getMetadata(key, TRACE_KEYS.tokenUsage) !== undefined)) {
            this.setMetadata(key, TRACE_KEYS.tokenUsage, totals.tokenUsage);
        }
        if (totals.cost !== undefined && !(finalized && this.getMetadata(key, TRACE_KEYS.cost) !== undefined)) {
            this.setMetadata(key, TRACE_KEYS.cost, totals.cost);
        }
        for (const [k, v] of Object.entries(metadataOf(batch))) {
            if (k === trace_keys/* CLIENT_REQUEST_ID_ATTRIBUTE */.fM) {
                if (!finalized)
                    this.sql.run('UPDATE trace_info SET client_request_id = ? WHERE trace_key = ? AND client_request_id IS NULL', v, key);
                continue;
            }
            if ((!finalized || METADATA_AFTER_FINAL.has(k)) && this.getMetadata(key, k) === undefined)
                this.setMetadata(key, k, v);
        }
        this.setTag(key, TRACE_KEYS.spansLocationTag, SPANS_IN_TRACKING_STORE);
    }
    async getSpans(traceId) {
        const { trace_key } = this.requireTrace(traceId);
        return this.sql
            .all('SELECT content FROM spans WHERE trace_key = ? ORDER BY start_time_ns, span_id', trace_key)
            .map((r) => JSON.parse(r.content));
    }
    // ---------------------------------------------------------------- assessments
    async createAssessment(assessment) {
        checkAssessment(assessment);
        if (typeof assessment.trace_id !== 'string' || assessment.trace_id === '') {
            throw (0,errors/* invalidParam */.$L)(`Missing value for required parameter 'assessment.trace_id'.`);
        }
        return this.sql.transaction(() => {
            const { trace_key } = this.requireTrace(assessment.trace_id);
            if (assessment.overrides && this.setAssessmentValid(trace_key, assessment.overrides, false) === 0) {
                throw (0,errors/* notFound */.mX)(`Assessment with ID '${assessment.overrides}' not found for trace '${assessment.trace_id}'`);
            }
            const now = Date.now();
            const created = cleanAssessment({ ...assessment, assessment_id: newAssessmentId(), create_time_ms: now, last_update_time_ms: now });
            this.writeAssessment(trace_key, created);
            return created;
        });
    }
    async getAssessment(traceId, assessmentId) {
        return this.assessmentRow(traceId, assessmentId).assessment;
    }
    async updateAssessment(traceId, assessmentId, update, mask) {
        const paths = mask.map((p) => p.trim()).filter((p) => p !== '');
        if (paths.length === 0)
            throw (0,errors/* invalidParam */.$L)(`Missing value for required parameter 'update_mask': name the fields to update, e.g. "feedback,rationale".`);
        const unknown = paths.find((p) => !ASSESSMENT_MASK_FIELDS.includes(p));
        if (unknown !== undefined) {
            throw (0,errors/* invalidParam */.$L)(`Invalid update_mask path '${unknown}'. Updatable fields are ${ASSESSMENT_MASK_FIELDS.join(', ')}.`);
        }
        const has = (p) => paths.includes(p);
        if (has('feedback') && has('expectation'))
            throw (0,errors/* invalidParam */.$L)('Cannot specify both `expectation` and `feedback` parameters.');
        return this.sql.transaction(() => {
            const { traceKey, assessment: existing } = this.assessmentRow(traceId, assessmentId);
            const next = { ...existing, last_update_time_ms: Math.max(Date.now(), existing.last_update_time_ms) };
            if (has('assessment_name')) {
                if (typeof update.assessment_name !== 'string' || update.assessment_name === '')
                    throw (0,errors/* invalidParam */.$L)(`Invalid assessment_name: expected a non-empty string.`);
                next.assessment_name = update.assessment_name;
            }
            if (has('feedback')) {
                if (existing.feedback === undefined)
                    throw (0,errors/* invalidParam */.$L)('Cannot update feedback value on an Expectation assessment.');
                if (!update.feedback || typeof update.feedback !== 'object')
                    throw (0,errors/* invalidParam */.$L)('Invalid feedback: expected an object.');
                next.feedback = update.feedback;
            }
            if (has('expectation')) {
                if (existing.expectation === undefined)
                    throw (0,errors/* invalidParam */.$L)('Cannot update expectation value on a Feedback assessment.');
                if (!update.expectation || typeof update.expectation !== 'object')
                    throw (0,errors/* invalidParam */.$L)('Invalid expectation: expected an object.');
                next.expectation = update.expectation;
            }
            if (has('rationale')) {
                if (update.rationale !== undefined && typeof update.rationale !== 'string')
                    throw (0,errors/* invalidParam */.$L)('Invalid rationale: expected a string.');
                next.rationale = update.rationale;
            }
            if (has('metadata'))
                next.metadata = { ...(existing.metadata ?? {}), ...checkStringMap(update.metadata, 'metadata') };
            if (has('valid')) {
                if (typeof update.valid !== 'boolean')
                    throw (0,errors/* invalidParam */.$L)('Invalid valid: expected a boolean.');
                next.valid = update.valid;
            }
            const clean = cleanAssessment(next);
            this.writeAssessment(traceKey, clean);
            return clean;
        });
    }
    async deleteAssessment(traceId, assessmentId) {
        this.sql.transaction(() => {
            const { trace_key } = this.requireTrace(traceId);
            const row = this.findAssessment(trace_key, assessmentId);
            // Deleting an assessment that is already gone succeeds, as in MLflow.
            if (!row)
                return;
            const a = JSON.parse(row.body);
            // The assessment this one superseded becomes valid again.
            if (a.overrides)
                this.setAssessmentValid(trace_key, a.overrides, true);
            this.sql.run('DELETE FROM assessments WHERE assessment_id = ?', assessmentId);
        });
    }
    // ---------------------------------------------------------------- metrics
    async queryTraceMetrics(query) {
        const view = query.viewType;
        if (view !== 'TRACES' && view !== 'SPANS')
            throw (0,errors/* invalidParam */.$L)(`Invalid view_type ${JSON.stringify(view)}: expected TRACES or SPANS.`);
        const groupBy = query.groupBy ?? [];
        const allowed = view === 'TRACES' ? ['trace.name', 'trace.status'] : ['trace.name', 'trace.status', 'span.name', 'span.type', 'span.status'];
        const badGroup = groupBy.find((g) => !allowed.includes(g));
        if (badGroup !== undefined)
            throw (0,errors/* invalidParam */.$L)(`Invalid dimension '${badGroup}' for ${view} metrics. Valid dimensions are ${allowed.join(', ')}.`);
        const bucket = query.timeBucketMs;
        if (bucket !== undefined && (!Number.isSafeInteger(bucket) || bucket <= 0))
            throw (0,errors/* invalidParam */.$L)(`Invalid time bucket ${bucket}: expected a positive number of milliseconds.`);
        if (query.startTimeMs !== undefined)
            checkTimestamp(query.startTimeMs, 'start_time_ms');
        if (query.endTimeMs !== undefined)
            checkTimestamp(query.endTimeMs, 'end_time_ms');
        const expIds = query.experimentIds.map(experimentKey).filter((id) => id !== undefined);
        if (expIds.length === 0)
            return [];
        const traceName = `(SELECT value FROM trace_tags tn WHERE tn.trace_key = trace_info.trace_key AND tn.key = '${TRACE_KEYS.traceNameTag}')`;
        const points = [];
        if (view === 'TRACES') {
            const filter = compileTraceFilter(parseFilter(query.filter, 'traces'));
            const where = ['trace_info.experiment_id IN (SELECT value FROM json_each(?))', '(? IS NULL OR trace_info.request_time >= ?)', '(? IS NULL OR trace_info.request_time <= ?)', ...filter.where];
            const rows = this.query('query_trace_metrics', `SELECT trace_info.request_time, trace_info.execution_duration_ms, trace_info.state, ${traceName} AS trace_name,
           (SELECT value FROM trace_metadata tu WHERE tu.trace_key = trace_info.trace_key AND tu.key = '${TRACE_KEYS.tokenUsage}') AS token_usage
         FROM trace_info WHERE ${where.join(' AND ')}`, [JSON.stringify(expIds), query.startTimeMs ?? null, query.startTimeMs ?? null, query.endTimeMs ?? null, query.endTimeMs ?? null, ...filter.params]);
            for (const r of rows) {
                points.push({
                    time: Number(r.request_time),
                    latency: r.execution_duration_ms === null ? null : Number(r.execution_duration_ms),
                    error: r.state === 'ERROR',
                    groups: { 'trace.name': r.trace_name ?? '', 'trace.status': r.state },
                    usage: objectValue(r.token_usage),
                });
            }
        }
        else {
            const filter = compileTraceFilter(parseFilter(query.filter, 'traces'), { spanAlias: 's' });
            const where = ['trace_info.experiment_id IN (SELECT value FROM json_each(?))', '(? IS NULL OR s.start_time_ns / 1000000 >= ?)', '(? IS NULL OR s.start_time_ns / 1000000 <= ?)', ...filter.where];
            const rows = this.query('query_trace_metrics', `SELECT s.start_time_ns / 1000000 AS start_ms, s.end_time_ns - s.start_time_ns AS duration_ns, s.name, s.span_type, s.status, s.usage,
           trace_info.state, ${traceName} AS trace_name
         FROM spans s JOIN trace_info ON trace_info.trace_key = s.trace_key WHERE ${where.join(' AND ')}`, [JSON.stringify(expIds), query.startTimeMs ?? null, query.startTimeMs ?? null, query.endTimeMs ?? null, query.endTimeMs ?? null, ...filter.params]);
            for (const r of rows) {
                points.push({
                    time: Number(r.start_ms),
                    latency: r.duration_ns === null ? null : Number(r.duration_ns) / 1e6,
                    error: r.status === 'ERROR',
                    groups: { 'trace.name': r.trace_name ?? '', 'trace.status': r.state, 'span.name': r.name, 'span.type': r.span_type ?? '', 'span.status': r.status },
                    usage: r.usage === null ? undefined : objectValue(r.usage),
                });
            }
        }
        const groups = new Map();
        for (const p of points) {
            const group = Object.fromEntries(groupBy.map((g) => [g, p.groups[g] ?? '']));
            const bucketStart = bucket === undefined ? undefined : Math.floor(p.time / bucket) * bucket;
            const key = JSON.stringify([bucketStart ?? null, groupBy.map((g) => group[g])]);
            let entry = groups.get(key);
            if (!entry)
                groups.set(key, (entry = { group, ...(bucketStart === undefined ? {} : { bucket: bucketStart }), points: [] }));
            entry.points.push(p);
        }
        const rows = [...groups.values()].map(({ group, bucket: start, points: ps }) => {
            const latencies = ps.flatMap((p) => (p.latency === null ? [] : [p.latency])).sort((a, b) => a - b);
            const sum = (k) => ps.reduce((acc, p) => acc + (finiteNumber(p.usage?.[k]) ?? 0), 0);
            const row = {
                group,
                count: ps.length,
                error_count: ps.filter((p) => p.error).length,
                latency_ms: {
                    p50: percentile(latencies, 50),
                    p95: percentile(latencies, 95),
                    p99: percentile(latencies, 99),
                    avg: latencies.length === 0 ? 0 : latencies.reduce((a, b) => a + b, 0) / latencies.length,
                    max: latencies.length === 0 ? 0 : latencies[latencies.length - 1],
                },
                tokens: { input: sum('input_tokens'), output: sum('output_tokens'), total: sum('total_tokens') },
            };
            if (start !== undefined)
                row.bucket_start_ms = start;
            return row;
        });
        const sortKey = (r) => groupBy.map((g) => r.group[g]).join('\u0000');
        return rows.sort((a, b) => (a.bucket_start_ms ?? 0) - (b.bucket_start_ms ?? 0) || (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
    }
}

;// CONCATENATED MODULE: ./build/src/store/sqlite/store.js











const DEFAULT_EXPERIMENT_ID = '0';
const METRIC_ROWS_PER_INSERT = 100;
const METRIC_ROW_SQL = ',(?, ?, ?, ?, ?, ?, ?, ?)';
/** MLflow's order for "latest": step, then timestamp, then value. */
function isNewer(a, b) {
    if (a.step !== b.step)
        return a.step > b.step;
    if (a.timestamp !== b.timestamp)
        return a.timestamp > b.timestamp;
    return a.value > b.value;
}
/** Non-finite metric values: MLflow's SQL store keeps ±Infinity as ±max double and NaN as a flag. */
function encodeMetricValue(value) {
    if (Number.isNaN(value))
        return { value: 0, isNan: 1 };
    if (value === Infinity)
        return { value: Number.MAX_VALUE, isNan: 0 };
    if (value === -Infinity)
        return { value: -Number.MAX_VALUE, isNan: 0 };
    return { value, isNan: 0 };
}
function toMetric(r, withRunId = false) {
    const m = { key: r.key, value: r.is_nan ? NaN : r.value, timestamp: Number(r.timestamp), step: Number(r.step) };
    if (r.dataset_name)
        m.dataset_name = r.dataset_name;
    if (r.dataset_digest)
        m.dataset_digest = r.dataset_digest;
    if (r.model_id)
        m.model_id = r.model_id;
    if (withRunId)
        m.run_id = r.run_uuid;
    return m;
}
function store_joinUri(root, ...parts) {
    return [root.replace(/\/+$/, ''), ...parts].join('/');
}
function store_checkMaxResults(value, limits) {
    if (value === undefined)
        return limits.defaultMaxResults;
    if (!Number.isInteger(value) || value < 1 || value > limits.maxResults) {
        throw (0,errors/* invalidParam */.$L)(`Invalid value ${value} for parameter 'max_results' supplied. It must be a positive integer at most ${limits.maxResults}.`);
    }
    return value;
}
/** SQLite's fixed limits that an oversized filter or order_by runs into (depth 1000, 64-table joins, 200 FROM terms, 32766 variables, 50000-byte LIKE patterns). */
const store_SQLITE_SIZE_LIMIT = /Expression tree is too large|at most \d+ tables in a join|too many FROM clause terms|too many SQL variables|LIKE or GLOB pattern too complex|too many terms in compound SELECT|parser stack overflow/;
/** A search too big for SQLite is the client's to shrink; answering 500 would make the Python client retry it for minutes. */
function runSearchQuery(what, query) {
    try {
        return query();
    }
    catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        if (!store_SQLITE_SIZE_LIMIT.test(message))
            throw err;
        throw (0,errors/* invalidParam */.$L)(`The ${what} request is too large to run (${message}). Use fewer filter clauses, order_by keys or IN values.`);
    }
}
function lifecycleCondition(column, view) {
    switch (view ?? 'ACTIVE_ONLY') {
        case 'ACTIVE_ONLY':
            return `${column} = 'active'`;
        case 'DELETED_ONLY':
            return `${column} = 'deleted'`;
        case 'ALL':
            return '1 = 1';
    }
}
class SqliteTrackingStore {
    defaultArtifactRoot;
    traces;
    sql;
    constructor(options) {
        this.defaultArtifactRoot = options.defaultArtifactRoot ?? 'mlflow-artifacts:/';
        this.sql = new SqliteDb(options.path);
        this.traces = new SqliteTraceStore(this.sql);
        const now = Date.now();
        this.sql.run(`INSERT OR IGNORE INTO experiments (experiment_id, name, artifact_location, lifecycle_stage, creation_time, last_update_time)
       VALUES (0, 'Default', ?, 'active', ?, ?)`, store_joinUri(this.defaultArtifactRoot, DEFAULT_EXPERIMENT_ID), now, now);
    }
    // ---------------------------------------------------------------- experiments
    experimentRow(experimentId) {
        return experimentRow(this.sql, experimentId);
    }
    activeExperimentRow(experimentId) {
        return activeExperimentRow(this.sql, experimentId);
    }
    hydrateExperiments(rows) {
        if (rows.length === 0)
            return [];
        const tags = this.sql.all('SELECT experiment_id, key, value FROM experiment_tags WHERE experiment_id IN (SELECT value FROM json_each(?)) ORDER BY rowid', JSON.stringify(rows.map((r) => r.experiment_id)));
        const byExp = new Map();
        for (const t of tags) {
            let list = byExp.get(t.experiment_id);
            if (!list)
                byExp.set(t.experiment_id, (list = []));
            list.push({ key: t.key, value: t.value });
        }
        return rows.map((r) => ({
            experiment_id: String(r.experiment_id),
            name: r.name,
            artifact_location: r.artifact_location,
            lifecycle_stage: r.lifecycle_stage,
            last_update_time: Number(r.last_update_time),
            creation_time: Number(r.creation_time),
            tags: byExp.get(r.experiment_id) ?? [],
        }));
    }
    async createExperiment(input) {
        validateExperimentName(input.name);
        const tags = input.tags ?? [];
        tags.forEach(validateExperimentTag);
        return this.sql.transaction(() => {
            if (this.sql.get('SELECT 1 FROM experiments WHERE name = ?', input.name)) {
                throw new errors/* MlflowError */.mF('RESOURCE_ALREADY_EXISTS', `Experiment(name=${input.name}) already exists.`);
            }
            const now = Date.now();
            const { lastInsertRowid } = this.sql.run(`INSERT INTO experiments (name, artifact_location, lifecycle_stage, creation_time, last_update_time) VALUES (?, '', 'active', ?, ?)`, input.name, now, now);
            const id = String(lastInsertRowid);
            this.sql.run('UPDATE experiments SET artifact_location = ? WHERE experiment_id = ?', input.artifact_location || store_joinUri(this.defaultArtifactRoot, id), Number(lastInsertRowid));
            for (const t of tags) {
                this.sql.run('INSERT OR REPLACE INTO experiment_tags (experiment_id, key, value) VALUES (?, ?, ?)', Number(lastInsertRowid), t.key, String(t.value ?? ''));
            }
            return id;
        });
    }
    async getExperiment(experimentId) {
        return this.hydrateExperiments([this.experimentRow(experimentId)])[0];
    }
    async getExperimentByName(name) {
        const row = this.sql.get('SELECT * FROM experiments WHERE name = ?', name);
        if (!row)
            throw (0,errors/* notFound */.mX)(`Could not find experiment with name '${name}'`);
        return this.hydrateExperiments([row])[0];
    }
    async searchExperiments(query) {
        const limit = store_checkMaxResults(query.maxResults, limits/* MLFLOW_LIMITS */.rh.searchExperiments);
        const offset = decodePageToken(query.pageToken);
        const filter = compileExperimentFilter(parseFilter(query.filter, 'experiments'));
        const order = compileExperimentOrderBy((query.orderBy ?? []).map((o) => parseOrderBy(o, 'experiments')));
        const where = [lifecycleCondition('experiments.lifecycle_stage', query.viewType), ...filter.where].join(' AND ');
        const rows = runSearchQuery('search_experiments', () => this.sql.db
            .prepare(`SELECT experiments.* FROM experiments ${order.joins} WHERE ${where} ORDER BY ${order.orderBy} LIMIT ? OFFSET ?`)
            .all(...order.params, ...filter.params, limit + 1, offset));
        const page = { items: this.hydrateExperiments(rows.slice(0, limit)) };
        if (rows.length > limit)
            page.nextPageToken = encodePageToken(offset + limit);
        return page;
    }
    async renameExperiment(experimentId, newName) {
        validateExperimentName(newName);
        this.sql.transaction(() => {
            const row = this.experimentRow(experimentId);
            if (row.lifecycle_stage !== 'active') {
                throw new errors/* MlflowError */.mF('INVALID_STATE', `Cannot rename a non-active experiment. Restore experiment ${experimentId} first.`);
            }
            const clash = this.sql.get('SELECT experiment_id FROM experiments WHERE name = ?', newName);
            if (clash && clash.experiment_id !== row.experiment_id) {
                throw new errors/* MlflowError */.mF('RESOURCE_ALREADY_EXISTS', `Experiment(name=${newName}) already exists.`);
            }
            this.sql.run('UPDATE experiments SET name = ?, last_update_time = ? WHERE experiment_id = ?', newName, Date.now(), row.experiment_id);
        });
    }
    async deleteExperiment(experimentId) {
        if (experimentId === DEFAULT_EXPERIMENT_ID) {
            throw (0,errors/* invalidParam */.$L)(`Cannot delete the default experiment '${DEFAULT_EXPERIMENT_ID}'. This is an internally reserved experiment.`);
        }
        this.sql.transaction(() => {
            const row = this.experimentRow(experimentId);
            const now = Date.now();
            this.sql.run(`UPDATE experiments SET lifecycle_stage = 'deleted', last_update_time = ? WHERE experiment_id = ?`, now, row.experiment_id);
            // Runs deleted with their experiment are marked, so restoring the experiment brings back
            // exactly those and not runs the user had deleted on their own (MLflow restores all).
            this.sql.run(`UPDATE runs SET lifecycle_stage = 'deleted', deleted_time = ?, deleted_with_experiment = 1 WHERE experiment_id = ? AND lifecycle_stage = 'active'`, now, row.experiment_id);
        });
    }
    async restoreExperiment(experimentId) {
        this.sql.transaction(() => {
            const row = this.experimentRow(experimentId);
            if (row.lifecycle_stage === 'active')
                return;
            this.sql.run(`UPDATE experiments SET lifecycle_stage = 'active', last_update_time = ? WHERE experiment_id = ?`, Date.now(), row.experiment_id);
            this.sql.run(`UPDATE runs SET lifecycle_stage = 'active', deleted_time = NULL, deleted_with_experiment = 0 WHERE experiment_id = ? AND deleted_with_experiment = 1`, row.experiment_id);
        });
    }
    async setExperimentTag(experimentId, tag) {
        validateExperimentTag(tag);
        this.sql.transaction(() => {
            const row = this.activeExperimentRow(experimentId);
            this.sql.run('INSERT INTO experiment_tags (experiment_id, key, value) VALUES (?, ?, ?) ON CONFLICT (experiment_id, key) DO UPDATE SET value = excluded.value', row.experiment_id, tag.key, String(tag.value ?? ''));
        });
    }
    async deleteExperimentTag(experimentId, key) {
        validateKey(key, 'Tag name');
        this.sql.transaction(() => {
            const row = this.activeExperimentRow(experimentId);
            const { changes } = this.sql.run('DELETE FROM experiment_tags WHERE experiment_id = ? AND key = ?', row.experiment_id, key);
            if (Number(changes) === 0)
                throw (0,errors/* notFound */.mX)(`No tag with name: ${key} in experiment with id ${experimentId}`);
        });
    }
    // ---------------------------------------------------------------- runs
    runRow(runId) {
        const row = this.sql.get('SELECT * FROM runs WHERE run_uuid = ?', runId);
        if (!row)
            throw (0,errors/* notFound */.mX)(`Run with id=${runId} not found`);
        return row;
    }
    activeRunRow(runId) {
        const row = this.runRow(runId);
        if (row.lifecycle_stage !== 'active') {
            throw (0,errors/* invalidParam */.$L)(`The run ${runId} must be in the 'active' state. Current state is ${row.lifecycle_stage}.`);
        }
        return row;
    }
    toRunInfo(r) {
        const info = {
            run_id: r.run_uuid,
            run_name: r.name,
            experiment_id: String(r.experiment_id),
            user_id: r.user_id,
            status: r.status,
            start_time: Number(r.start_time ?? 0),
            artifact_uri: r.artifact_uri,
            lifecycle_stage: r.lifecycle_stage,
        };
        if (r.end_time !== null && r.end_time !== undefined)
            info.end_time = Number(r.end_time);
        return info;
    }
    /** Loads data, inputs and outputs for a page of runs with one query per table, not one per run. */
    hydrateRuns(rows) {
        if (rows.length === 0)
            return [];
        const ids = JSON.stringify(rows.map((r) => r.run_uuid));
        const runs = new Map();
        for (const r of rows) {
            runs.set(r.run_uuid, {
                info: this.toRunInfo(r),
                data: { metrics: [], params: [], tags: [] },
                inputs: { dataset_inputs: [], model_inputs: [] },
                outputs: { model_outputs: [] },
            });
        }
        const IN = '(SELECT value FROM json_each(?))';
        for (const m of this.sql.all(`SELECT * FROM latest_metrics WHERE run_uuid IN ${IN} ORDER BY rowid`, ids)) {
            runs.get(m.run_uuid).data.metrics.push(toMetric(m));
        }
        for (const p of this.sql.all(`SELECT run_uuid, key, value FROM params WHERE run_uuid IN ${IN} ORDER BY rowid`, ids)) {
            runs.get(p.run_uuid).data.params.push({ key: p.key, value: p.value });
        }
        for (const t of this.sql.all(`SELECT run_uuid, key, value FROM tags WHERE run_uuid IN ${IN} ORDER BY rowid`, ids)) {
            runs.get(t.run_uuid).data.tags.push({ key: t.key, value: t.value });
        }
        for (const d of this.sql.all(`SELECT i.run_uuid, i.tags, d.name, d.digest, d.source_type, d.source, d.schema, d.profile
       FROM dataset_inputs i JOIN datasets d ON d.dataset_uuid = i.dataset_uuid WHERE i.run_uuid IN ${IN} ORDER BY i.rowid`, ids)) {
            const dataset = { name: d.name, digest: d.digest, source_type: d.source_type, source: d.source };
            if (d.schema !== null)
                dataset.schema = d.schema;
            if (d.profile !== null)
                dataset.profile = d.profile;
            runs.get(d.run_uuid).inputs.dataset_inputs.push({ tags: JSON.parse(d.tags), dataset });
        }
        for (const io of this.sql.all(`SELECT run_uuid, model_id, direction, step FROM run_model_io WHERE run_uuid IN ${IN} ORDER BY rowid`, ids)) {
            const run = runs.get(io.run_uuid);
            if (io.direction === 'input')
                run.inputs.model_inputs.push({ model_id: io.model_id });
            else
                run.outputs.model_outputs.push({ model_id: io.model_id, step: Number(io.step) });
        }
        return [...runs.values()];
    }
    async createRun(input) {
        const tags = (input.tags ?? []).map(normalizeRunTag);
        const tagName = tags.find((t) => t.key === limits/* MLFLOW_TAGS */.E5.runName)?.value;
        if (input.run_name && tagName !== undefined && input.run_name !== tagName) {
            throw (0,errors/* invalidParam */.$L)(`Both 'run_name' argument and 'mlflow.runName' tag are specified, but with different values (run_name='${input.run_name}', mlflow.runName='${tagName}').`);
        }
        const runName = input.run_name || tagName || generateRunName();
        if (tagName === undefined)
            tags.push({ key: limits/* MLFLOW_TAGS */.E5.runName, value: runName });
        const runId = (0,external_node_crypto_.randomUUID)().replaceAll('-', '');
        return this.sql.transaction(() => {
            const exp = this.activeExperimentRow(input.experiment_id ?? DEFAULT_EXPERIMENT_ID);
            this.sql.run(`INSERT INTO runs (run_uuid, name, experiment_id, user_id, status, start_time, artifact_uri, lifecycle_stage)
         VALUES (?, ?, ?, ?, 'RUNNING', ?, ?, 'active')`, runId, runName, exp.experiment_id, input.user_id ?? '', input.start_time ?? Date.now(), store_joinUri(exp.artifact_location, runId, 'artifacts'));
            for (const t of tags)
                this.upsertTag(runId, t);
            return this.hydrateRuns([this.runRow(runId)])[0];
        });
    }
    async getRun(runId) {
        return this.hydrateRuns([this.runRow(runId)])[0];
    }
    async updateRun(input) {
        return this.sql.transaction(() => {
            const row = this.activeRunRow(input.run_id);
            if (input.status !== undefined)
                this.sql.run('UPDATE runs SET status = ? WHERE run_uuid = ?', input.status, row.run_uuid);
            if (input.end_time !== undefined)
                this.sql.run('UPDATE runs SET end_time = ? WHERE run_uuid = ?', input.end_time, row.run_uuid);
            if (input.run_name)
                this.upsertTag(row.run_uuid, normalizeRunTag({ key: limits/* MLFLOW_TAGS */.E5.runName, value: input.run_name }));
            return this.toRunInfo(this.runRow(row.run_uuid));
        });
    }
    async deleteRun(runId) {
        this.sql.transaction(() => {
            this.runRow(runId);
            this.sql.run(`UPDATE runs SET lifecycle_stage = 'deleted', deleted_time = ? WHERE run_uuid = ?`, Date.now(), runId);
        });
    }
    async restoreRun(runId) {
        this.sql.transaction(() => {
            this.runRow(runId);
            this.sql.run(`UPDATE runs SET lifecycle_stage = 'active', deleted_time = NULL, deleted_with_experiment = 0 WHERE run_uuid = ?`, runId);
        });
    }
    async searchRuns(query) {
        const limit = store_checkMaxResults(query.maxResults, limits/* MLFLOW_LIMITS */.rh.searchRuns);
        const offset = decodePageToken(query.pageToken);
        const filter = compileRunFilter(parseFilter(query.filter, 'runs'));
        const order = compileRunOrderBy((query.orderBy ?? []).map((o) => parseOrderBy(o, 'runs')));
        const expIds = query.experimentIds.map(experimentKey).filter((id) => id !== undefined);
        if (expIds.length === 0)
            return { items: [] };
        const where = [
            'runs.experiment_id IN (SELECT value FROM json_each(?))',
            lifecycleCondition('runs.lifecycle_stage', query.runViewType),
            ...filter.where,
        ].join(' AND ');
        const sql = `SELECT runs.* FROM runs ${order.joins} WHERE ${where} ORDER BY ${order.orderBy} LIMIT ? OFFSET ?`;
        const rows = runSearchQuery('search_runs', () => this.sql.stmt(sql).all(...order.params, JSON.stringify(expIds), ...filter.params, limit + 1, offset));
        const page = { items: this.hydrateRuns(rows.slice(0, limit)) };
        if (rows.length > limit)
            page.nextPageToken = encodePageToken(offset + limit);
        return page;
    }
    // ---------------------------------------------------------------- run data
    upsertTag(runId, tag) {
        this.sql.run('INSERT INTO tags (run_uuid, key, value) VALUES (?, ?, ?) ON CONFLICT (run_uuid, key) DO UPDATE SET value = excluded.value', runId, tag.key, tag.value);
        // The run name lives in two places in MLflow (column and tag); keep them one.
        if (tag.key === limits/* MLFLOW_TAGS */.E5.runName)
            this.sql.run('UPDATE runs SET name = ? WHERE run_uuid = ?', tag.value, runId);
    }
    insertMetrics(runId, metrics) {
        if (metrics.length === 0)
            return;
        // The batch's own latest point per key, by MLflow's rule: greatest (step, timestamp, value),
        // NaN comparing as its stored 0.
        const latest = new Map();
        const encoded = metrics.map((m) => {
            const { value, isNan } = encodeMetricValue(m.value);
            const point = { value, is_nan: isNan, timestamp: m.timestamp, step: m.step ?? 0 };
            const cur = latest.get(m.key);
            if (!cur || isNewer(point, cur))
                latest.set(m.key, point);
            return point;
        });
        // One lookup for every key in the batch; then an insert per new series, an update per
        // series whose latest point moved.
        const existing = new Map();
        for (const row of this.sql.all('SELECT key, series_id, value, timestamp, step FROM latest_metrics WHERE run_uuid = ? AND key IN (SELECT value FROM json_each(?))', runId, JSON.stringify([...latest.keys()]))) {
            existing.set(row.key, row);
        }
        const seriesIds = new Map();
        for (const [key, point] of latest) {
            const row = existing.get(key);
            if (!row) {
                const { lastInsertRowid } = this.sql.run('INSERT INTO latest_metrics (run_uuid, key, value, is_nan, timestamp, step) VALUES (?, ?, ?, ?, ?, ?)', runId, key, point.value, point.is_nan, point.timestamp, point.step);
                seriesIds.set(key, Number(lastInsertRowid));
                continue;
            }
            seriesIds.set(key, row.series_id);
            if (isNewer(point, row)) {
                this.sql.run('UPDATE latest_metrics SET value = ?, is_nan = ?, timestamp = ?, step = ? WHERE series_id = ?', point.value, point.is_nan, point.timestamp, point.step, row.series_id);
            }
        }
        // Multi-row INSERTs with bound values: far fewer statement calls than one per point, and
        // doubles bind exactly (text-to-double parsing inside SQL would not round-trip every value).
        for (let i = 0; i < metrics.length; i += METRIC_ROWS_PER_INSERT) {
            const n = Math.min(METRIC_ROWS_PER_INSERT, metrics.length - i);
            const values = [];
            for (let j = i; j < i + n; j++) {
                const m = metrics[j];
                const p = encoded[j];
                values.push(seriesIds.get(m.key), p.step, p.timestamp, p.value, p.is_nan, m.dataset_name ?? null, m.dataset_digest ?? null, m.model_id ?? null);
            }
            this.sql
                .stmt(`INSERT OR IGNORE INTO metrics (series_id, step, timestamp, value, is_nan, dataset_name, dataset_digest, model_id) VALUES ${METRIC_ROW_SQL.repeat(n).slice(1)}`)
                .run(...values);
        }
    }
    insertParams(runId, params) {
        // Check every param before writing any, so a conflict leaves the run untouched.
        for (const p of params) {
            const existing = this.sql.get('SELECT value FROM params WHERE run_uuid = ? AND key = ?', runId, p.key);
            if (existing && existing.value !== p.value) {
                throw (0,errors/* invalidParam */.$L)(`Changing param values is not allowed. Param with key='${p.key}' was already logged with value='${existing.value}' for run ID='${runId}'. Attempted logging new value '${p.value}'.`);
            }
        }
        for (const p of params)
            this.sql.run('INSERT OR IGNORE INTO params (run_uuid, key, value) VALUES (?, ?, ?)', runId, p.key, p.value);
    }
    async logBatch(input) {
        const batch = normalizeBatch(input);
        this.sql.transaction(() => {
            this.activeRunRow(input.run_id);
            this.insertParams(input.run_id, batch.params);
            this.insertMetrics(input.run_id, batch.metrics);
            for (const t of batch.tags)
                this.upsertTag(input.run_id, t);
        });
    }
    async setTag(runId, tag) {
        const t = normalizeRunTag(tag);
        this.sql.transaction(() => {
            this.activeRunRow(runId);
            this.upsertTag(runId, t);
        });
    }
    async deleteTag(runId, key) {
        this.sql.transaction(() => {
            this.activeRunRow(runId);
            const { changes } = this.sql.run('DELETE FROM tags WHERE run_uuid = ? AND key = ?', runId, key);
            if (Number(changes) === 0)
                throw (0,errors/* notFound */.mX)(`No tag with name: ${key} in run with id ${runId}`);
        });
    }
    async logInputs(runId, datasets, models) {
        const L = limits/* MLFLOW_LIMITS */.rh.dataset;
        if (datasets.length > L.maxDatasetsPerBatch) {
            throw (0,errors/* invalidParam */.$L)(`A batch logging request can contain at most ${L.maxDatasetsPerBatch} datasets. Got ${datasets.length} datasets.`);
        }
        for (const { dataset: d, tags } of datasets) {
            const checks = [
                ['name', d.name, L.maxNameLength],
                ['digest', d.digest, L.maxDigestLength],
                ['source', d.source, L.maxSourceLength],
                ['schema', d.schema, L.maxSchemaLength],
                ['profile', d.profile, L.maxProfileLength],
            ];
            for (const [field, value, max] of checks) {
                if (value !== undefined && value.length > max)
                    throw (0,errors/* invalidParam */.$L)(`Dataset ${field} exceeds the maximum length of ${max} characters`);
            }
            for (const t of tags ?? []) {
                if (t.key.length > L.maxInputTagKeyLength)
                    throw (0,errors/* invalidParam */.$L)(`Input tag key exceeds the maximum length of ${L.maxInputTagKeyLength} characters`);
                if (String(t.value).length > L.maxInputTagValueLength)
                    throw (0,errors/* invalidParam */.$L)(`Input tag value exceeds the maximum length of ${L.maxInputTagValueLength} characters`);
            }
        }
        this.sql.transaction(() => {
            const run = this.activeRunRow(runId);
            for (const { dataset: d, tags } of datasets) {
                const existing = this.sql.get('SELECT dataset_uuid FROM datasets WHERE experiment_id = ? AND name = ? AND digest = ?', run.experiment_id, d.name, d.digest);
                const datasetUuid = existing?.dataset_uuid ?? (0,external_node_crypto_.randomUUID)().replaceAll('-', '');
                if (!existing) {
                    this.sql.run('INSERT INTO datasets (dataset_uuid, experiment_id, name, digest, source_type, source, schema, profile) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', datasetUuid, run.experiment_id, d.name, d.digest, d.source_type, d.source, d.schema ?? null, d.profile ?? null);
                }
                this.sql.run('INSERT OR IGNORE INTO dataset_inputs (run_uuid, dataset_uuid, tags) VALUES (?, ?, ?)', runId, datasetUuid, JSON.stringify((tags ?? []).map((t) => ({ key: t.key, value: String(t.value) }))));
            }
            for (const m of models) {
                this.sql.run(`INSERT OR IGNORE INTO run_model_io (run_uuid, model_id, direction, step) VALUES (?, ?, 'input', 0)`, runId, m.model_id);
            }
        });
    }
    async logOutputs(runId, models) {
        this.sql.transaction(() => {
            this.activeRunRow(runId);
            for (const m of models) {
                this.sql.run(`INSERT INTO run_model_io (run_uuid, model_id, direction, step) VALUES (?, ?, 'output', ?)
           ON CONFLICT (run_uuid, model_id, direction) DO UPDATE SET step = excluded.step`, runId, m.model_id, m.step ?? 0);
            }
        });
    }
    async getMetricHistory(query) {
        // Like MLflow's SQL store, a missing run reads as an empty history rather than an error.
        const limit = store_checkMaxResults(query.maxResults, limits/* MLFLOW_LIMITS */.rh.metricHistory);
        const offset = decodePageToken(query.pageToken);
        const rows = this.sql.all(`SELECT m.*, l.key, l.run_uuid FROM metrics m JOIN latest_metrics l ON l.series_id = m.series_id
       WHERE l.run_uuid = ? AND l.key = ? ORDER BY m.step, m.timestamp, m.value LIMIT ? OFFSET ?`, query.runId, query.metricKey, limit + 1, offset);
        const page = { items: rows.slice(0, limit).map((r) => toMetric(r)) };
        if (rows.length > limit)
            page.nextPageToken = encodePageToken(offset + limit);
        return page;
    }
    async getMetricHistoryBulkInterval(query) {
        const L = limits/* MLFLOW_LIMITS */.rh.metricHistoryBulk;
        if (query.runIds.length === 0)
            throw (0,errors/* invalidParam */.$L)(`GetMetricHistoryBulkInterval request must specify at least one run_id.`);
        if (query.runIds.length > L.maxRunIds) {
            throw (0,errors/* invalidParam */.$L)(`GetMetricHistoryBulkInterval request cannot specify more than ${L.maxRunIds} run_ids. Received ${query.runIds.length} run_ids.`);
        }
        if ((query.startStep === undefined) !== (query.endStep === undefined)) {
            throw (0,errors/* invalidParam */.$L)('If either start step or end step are specified, both must be specified.');
        }
        if (query.startStep !== undefined && query.endStep !== undefined && query.startStep > query.endStep) {
            throw (0,errors/* invalidParam */.$L)('end_step must be greater than start_step. ');
        }
        const perRun = query.maxResults ?? L.maxResultsPerRun;
        if (!Number.isInteger(perRun) || perRun < 1 || perRun > L.maxResultsPerRun) {
            throw (0,errors/* invalidParam */.$L)(`max_results must be between 1 and ${L.maxResultsPerRun}.`);
        }
        const out = [];
        for (const runId of query.runIds) {
            const rows = this.sql.all(`SELECT m.*, l.key, l.run_uuid FROM metrics m JOIN latest_metrics l ON l.series_id = m.series_id
         WHERE l.run_uuid = ? AND l.key = ? AND (? IS NULL OR m.step BETWEEN ? AND ?) ORDER BY m.step, m.timestamp`, runId, query.metricKey, query.startStep ?? null, query.startStep ?? null, query.endStep ?? null);
            const steps = [...new Set(rows.map((r) => Number(r.step)))];
            let keep;
            if (steps.length <= perRun)
                keep = new Set(steps);
            else {
                // Evenly spaced steps, always including the first and last, as MLflow's UI sampling does.
                keep = new Set();
                for (let i = 0; i < perRun; i++)
                    keep.add(steps[Math.round((i * (steps.length - 1)) / (perRun - 1 || 1))]);
            }
            for (const r of rows)
                if (keep.has(Number(r.step)))
                    out.push(toMetric(r, true));
        }
        return out;
    }
    // ---------------------------------------------------------------- logged models
    loggedModelRow(modelId) {
        const row = this.sql.get(`SELECT * FROM logged_models WHERE model_id = ? AND lifecycle_stage = 'active'`, modelId);
        if (!row)
            throw (0,errors/* notFound */.mX)(`Logged model with ID '${modelId}' not found.`);
        return row;
    }
    hydrateLoggedModels(rows) {
        if (rows.length === 0)
            return [];
        const ids = JSON.stringify(rows.map((r) => r.model_id));
        const models = new Map();
        for (const r of rows) {
            const info = {
                model_id: r.model_id,
                experiment_id: String(r.experiment_id),
                name: r.name,
                creation_timestamp_ms: Number(r.creation_timestamp_ms),
                last_updated_timestamp_ms: Number(r.last_updated_timestamp_ms),
                artifact_uri: r.artifact_location,
                status: r.status,
                model_type: r.model_type ?? '',
                tags: [],
            };
            if (r.source_run_id)
                info.source_run_id = r.source_run_id;
            if (r.status_message)
                info.status_message = r.status_message;
            models.set(r.model_id, { info, data: { params: [], metrics: [] } });
        }
        const IN = '(SELECT value FROM json_each(?))';
        for (const p of this.sql.all(`SELECT * FROM logged_model_params WHERE model_id IN ${IN} ORDER BY key`, ids)) {
            models.get(p.model_id).data.params.push({ key: p.key, value: p.value });
        }
        for (const t of this.sql.all(`SELECT * FROM logged_model_tags WHERE model_id IN ${IN} ORDER BY key`, ids)) {
            models.get(t.model_id).info.tags.push({ key: t.key, value: t.value });
        }
        // A model's metrics are the run metrics logged against it (Metric.model_id).
        for (const m of this.sql.all(`SELECT m.*, l.key, l.run_uuid FROM metrics m JOIN latest_metrics l ON l.series_id = m.series_id WHERE m.model_id IN ${IN} ORDER BY m.step, m.timestamp`, ids)) {
            models.get(m.model_id).data.metrics.push(toMetric(m, true));
        }
        return [...models.values()];
    }
    async createLoggedModel(input) {
        const params = (input.params ?? []).map(normalizeParam);
        const tags = (input.tags ?? []).map(normalizeRunTag);
        const modelId = `m-${(0,external_node_crypto_.randomUUID)().replaceAll('-', '')}`;
        return this.sql.transaction(() => {
            const exp = this.activeExperimentRow(input.experiment_id);
            if (input.source_run_id)
                this.runRow(input.source_run_id);
            const now = Date.now();
            this.sql.run(`INSERT INTO logged_models (model_id, experiment_id, name, artifact_location, creation_timestamp_ms, last_updated_timestamp_ms, status, model_type, source_run_id)
         VALUES (?, ?, ?, ?, ?, ?, 'LOGGED_MODEL_PENDING', ?, ?)`, modelId, exp.experiment_id, input.name || generateRunName(), store_joinUri(exp.artifact_location, 'models', modelId, 'artifacts'), now, now, input.model_type ?? '', input.source_run_id ?? null);
            for (const p of params)
                this.sql.run('INSERT OR REPLACE INTO logged_model_params (model_id, key, value) VALUES (?, ?, ?)', modelId, p.key, p.value);
            for (const t of tags)
                this.sql.run('INSERT OR REPLACE INTO logged_model_tags (model_id, key, value) VALUES (?, ?, ?)', modelId, t.key, t.value);
            return this.hydrateLoggedModels([this.loggedModelRow(modelId)])[0];
        });
    }
    async getLoggedModel(modelId) {
        return this.hydrateLoggedModels([this.loggedModelRow(modelId)])[0];
    }
    async finalizeLoggedModel(modelId, status) {
        if (status !== 'LOGGED_MODEL_READY' && status !== 'LOGGED_MODEL_UPLOAD_FAILED') {
            throw (0,errors/* invalidParam */.$L)(`Invalid model status '${status}'. A logged model can be finalized as LOGGED_MODEL_READY or LOGGED_MODEL_UPLOAD_FAILED.`);
        }
        return this.sql.transaction(() => {
            this.loggedModelRow(modelId);
            this.sql.run('UPDATE logged_models SET status = ?, last_updated_timestamp_ms = ? WHERE model_id = ?', status, Date.now(), modelId);
            return this.hydrateLoggedModels([this.loggedModelRow(modelId)])[0];
        });
    }
    async deleteLoggedModel(modelId) {
        this.sql.transaction(() => {
            this.loggedModelRow(modelId);
            this.sql.run(`UPDATE logged_models SET lifecycle_stage = 'deleted', last_updated_timestamp_ms = ? WHERE model_id = ?`, Date.now(), modelId);
        });
    }
    async searchLoggedModels(query) {
        const limit = store_checkMaxResults(query.maxResults, limits/* MLFLOW_LIMITS */.rh.searchLoggedModels);
        const offset = decodePageToken(query.pageToken);
        const filter = compileLoggedModelFilter(parseFilter(query.filter, 'logged_models'));
        const order = compileLoggedModelOrderBy((query.orderBy ?? []).map((o) => parseLoggedModelOrderBy(o)));
        const expIds = query.experimentIds.map(experimentKey).filter((id) => id !== undefined);
        if (expIds.length === 0)
            return { items: [] };
        const where = [`logged_models.experiment_id IN (SELECT value FROM json_each(?))`, `logged_models.lifecycle_stage = 'active'`, ...filter.where].join(' AND ');
        const rows = runSearchQuery('search_logged_models', () => this.sql
            .stmt(`SELECT logged_models.* FROM logged_models ${order.joins} WHERE ${where} ORDER BY ${order.orderBy} LIMIT ? OFFSET ?`)
            .all(...order.params, JSON.stringify(expIds), ...filter.params, limit + 1, offset));
        const page = { items: this.hydrateLoggedModels(rows.slice(0, limit)) };
        if (rows.length > limit)
            page.nextPageToken = encodePageToken(offset + limit);
        return page;
    }
    async logLoggedModelParams(modelId, params) {
        const normalized = params.map(normalizeParam);
        this.sql.transaction(() => {
            this.loggedModelRow(modelId);
            for (const p of normalized)
                this.sql.run('INSERT OR REPLACE INTO logged_model_params (model_id, key, value) VALUES (?, ?, ?)', modelId, p.key, p.value);
        });
    }
    async setLoggedModelTags(modelId, tags) {
        const normalized = tags.map(normalizeRunTag);
        this.sql.transaction(() => {
            this.loggedModelRow(modelId);
            for (const t of normalized)
                this.sql.run('INSERT OR REPLACE INTO logged_model_tags (model_id, key, value) VALUES (?, ?, ?)', modelId, t.key, t.value);
        });
    }
    async deleteLoggedModelTag(modelId, key) {
        this.sql.transaction(() => {
            this.loggedModelRow(modelId);
            const { changes } = this.sql.run('DELETE FROM logged_model_tags WHERE model_id = ? AND key = ?', modelId, key);
            if (Number(changes) === 0)
                throw (0,errors/* notFound */.mX)(`No tag with key '${key}' on logged model '${modelId}'.`);
        });
    }
    async close() {
        this.sql.close();
    }
}

;// CONCATENATED MODULE: ./build/src/store/index.js
/**
 * The store's public face: the contract, and `openTrackingStore` which picks a backend from an
 * MLflow-style `--backend-store-uri` (a path, `sqlite:///relative.db`, `sqlite:////abs.db`, `:memory:`).
 */





/** Resolves a backend store URI to a SQLite file path, or undefined when it names another backend. */
function sqlitePathFromUri(uri) {
    if (uri === ':memory:' || uri === 'sqlite:///:memory:' || uri === 'sqlite://')
        return ':memory:';
    if (uri.startsWith('sqlite:///')) {
        // SQLAlchemy form: three slashes then a relative path, four for an absolute one.
        const rest = uri.slice('sqlite:///'.length);
        return rest.startsWith('/') ? rest : (0,external_node_path_.resolve)(rest);
    }
    if (uri.startsWith('file:'))
        return (0,external_node_url_.fileURLToPath)(uri);
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(uri))
        return undefined;
    return (0,external_node_path_.resolve)(uri);
}
async function openTrackingStore(uri, options = {}) {
    const path = sqlitePathFromUri(uri);
    if (path === undefined) {
        const scheme = uri.split(':')[0];
        throw new errors/* MlflowError */.mF('INVALID_PARAMETER_VALUE', `Unsupported --backend-store-uri scheme '${scheme}:'. Use a SQLite file path or sqlite:///path.db (PostgreSQL support is planned).`);
    }
    return new SqliteTrackingStore({ path, defaultArtifactRoot: options.defaultArtifactRoot });
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
;// CONCATENATED MODULE: ./build/src/store/artifacts/local.js
/**
 * The artifacts destination on local disk (`--artifacts-destination`): where the proxied
 * `mlflow-artifacts:/` files live. Paths are always relative to the root, use `/` separators and
 * are checked before touching the disk; uploads are streamed to a temporary sibling and renamed
 * into place, so a reader never sees a half-written file. No HTTP here.
 */







const ALLOWED = 'Artifact paths are relative to the artifact root, use "/" between names, and contain no "..", no backslash, no "#" and no control characters.';
/** Uploads in flight; hidden from listings and never accepted as a user-chosen name. */
const TEMP_NAME = /^\.mlflow-ts-upload-[0-9a-f]{16}\.tmp$/;
/** Clients percent-encode more than once; decode leniently (malformed escapes stay) until stable. */
function percentDecodeFully(value) {
    let current = value;
    for (let i = 0; i < 8; i++) {
        const next = current.replace(/%([0-9a-fA-F]{2})/g, (_m, hex) => String.fromCharCode(parseInt(hex, 16)));
        if (next === current)
            break;
        current = next;
    }
    return current;
}
function unsafeReason(path) {
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(path))
        return 'contains a control character (e.g. NUL)';
    if (path.includes('\\'))
        return 'contains a backslash';
    if (path.startsWith('/') || /^[A-Za-z]:[/\\]/.test(path))
        return 'is absolute';
    if (path.split('/').includes('..'))
        return 'contains a ".." segment';
    if (path.includes('#'))
        return 'contains "#"';
    return undefined;
}
/**
 * Validates a relative artifact path (already URL-decoded once by the caller) and returns it
 * normalised: no empty or "." segments, no leading or trailing slash; "" names the root.
 * Escapes that would still decode into something unsafe are refused too, as MLflow does.
 */
function normalizeArtifactPath(path) {
    const shown = JSON.stringify(path.length > 200 ? `${path.slice(0, 200)}…` : path);
    const direct = unsafeReason(path);
    if (direct)
        throw (0,errors/* invalidParam */.$L)(`Invalid artifact path ${shown}: it ${direct}. ${ALLOWED}`);
    const decoded = percentDecodeFully(path);
    if (decoded !== path) {
        const encoded = unsafeReason(decoded);
        if (encoded)
            throw (0,errors/* invalidParam */.$L)(`Invalid artifact path ${shown}: once percent-decoded it ${encoded}. ${ALLOWED}`);
    }
    return path
        .split('/')
        .filter((segment) => segment !== '' && segment !== '.')
        .join('/');
}
function joinRelative(dir, name) {
    return dir === '' ? name : `${dir}/${name}`;
}
function errorCode(err) {
    return err?.code;
}
function notFoundMessage(rel) {
    // MLflow names its artifact directory here; the absolute server path stays private.
    return `The following failures occurred while downloading one or more artifacts from the artifacts destination:\n##### File ${rel} #####\nNo such artifact: '${rel}'`;
}
class LocalArtifactRepository {
    root;
    #realRoot;
    constructor(root) {
        this.root = root;
    }
    /** The root's canonical location; created on first use so a fresh server needs no setup. */
    #canonicalRoot() {
        if (this.#realRoot === undefined) {
            const attempt = (0,promises_.mkdir)(this.root, { recursive: true }).then(() => (0,promises_.realpath)(this.root));
            // A failed attempt (e.g. permissions fixed later) must not stick.
            attempt.catch(() => {
                if (this.#realRoot === attempt)
                    this.#realRoot = undefined;
            });
            this.#realRoot = attempt;
        }
        return this.#realRoot;
    }
    #inside(realRoot, candidate) {
        const rel = (0,external_node_path_.relative)(realRoot, candidate);
        return rel === '' || (!rel.startsWith('..') && !(0,external_node_path_.isAbsolute)(rel));
    }
    async #locate(rel) {
        const realRoot = await this.#canonicalRoot();
        const segments = rel === '' ? [] : rel.split('/');
        // Canonicalise the deepest part that exists; what does not exist yet cannot be a link.
        for (let depth = segments.length; depth >= 0; depth--) {
            const probe = (0,external_node_path_.join)(realRoot, ...segments.slice(0, depth));
            let real;
            try {
                real = await (0,promises_.realpath)(probe);
            }
            catch (err) {
                const code = errorCode(err);
                if (code === 'ELOOP')
                    throw (0,errors/* invalidParam */.$L)(`Invalid artifact path '${rel}': it runs into a symbolic link loop. ${ALLOWED}`);
                // Too long a name cannot exist either; the write reports it when it tries to create it.
                if (code !== 'ENOENT' && code !== 'ENOTDIR' && code !== 'ENAMETOOLONG')
                    throw err;
                const dangling = await (0,promises_.lstat)(probe).then((s) => s.isSymbolicLink(), () => false);
                if (dangling) {
                    throw (0,errors/* invalidParam */.$L)(`Invalid artifact path '${rel}': it goes through a symbolic link whose target does not exist. Only paths inside the artifact root are allowed.`);
                }
                continue;
            }
            if (!this.#inside(realRoot, real)) {
                throw (0,errors/* invalidParam */.$L)(`Invalid artifact path '${rel}': it resolves through a symbolic link to a location outside the artifact root. Only paths inside the artifact root are allowed.`);
            }
            return (0,external_node_path_.join)(real, ...segments.slice(depth));
        }
        return (0,external_node_path_.join)(realRoot, ...segments);
    }
    /**
     * The absolute location of a relative artifact path, after checking that it stays inside the
     * root, symbolic links included. Throws INVALID_PARAMETER_VALUE otherwise.
     */
    async resolve(relPath) {
        return this.#locate(normalizeArtifactPath(relPath));
    }
    /** Streams `source` into the file atomically; returns the number of bytes written. */
    async write(relPath, source) {
        const rel = normalizeArtifactPath(relPath);
        const name = rel.split('/').pop() ?? '';
        if (rel === '')
            throw (0,errors/* invalidParam */.$L)(`An artifact upload needs a file path below the artifact root, e.g. "1/<run_id>/artifacts/model.pkl". ${ALLOWED}`);
        if (TEMP_NAME.test(name))
            throw (0,errors/* invalidParam */.$L)(`Invalid artifact path '${rel}': the name '${name}' is reserved for uploads in progress.`);
        const target = await this.#locate(rel);
        const dir = (0,external_node_path_.join)(target, '..');
        try {
            await (0,promises_.mkdir)(dir, { recursive: true });
        }
        catch (err) {
            const code = errorCode(err);
            if (code === 'EEXIST' || code === 'ENOTDIR') {
                throw (0,errors/* invalidParam */.$L)(`Cannot write artifact '${rel}': one of its parent directories is an existing file.`);
            }
            if (code === 'ENAMETOOLONG')
                throw (0,errors/* invalidParam */.$L)(`Cannot write artifact '${rel}': a name in the path is too long for the file system.`);
            throw err;
        }
        // The directories just made could in theory be raced into links; check again before writing.
        await this.#locate(rel);
        const existing = await (0,promises_.stat)(target).catch(() => undefined);
        if (existing?.isDirectory())
            throw (0,errors/* invalidParam */.$L)(`Cannot write artifact '${rel}': a directory with that path already exists.`);
        const temp = (0,external_node_path_.join)(dir, `.mlflow-ts-upload-${(0,external_node_crypto_.randomBytes)(8).toString('hex')}.tmp`);
        // No fsync per file (MLflow's local artifact store does none either): the rename keeps readers
        // from ever seeing a partial file, and a per-file fsync made every small upload ~1 ms slower.
        const out = (0,external_node_fs_.createWriteStream)(temp, { flags: 'wx', mode: 0o644 });
        try {
            await (0,external_node_stream_promises_.pipeline)(source, out);
            await (0,promises_.rename)(temp, target);
        }
        catch (err) {
            // The temp file may still be opening; remove it only once the stream has let go of it.
            if (!out.closed) {
                const closed = new Promise((resolve) => out.once('close', () => resolve()));
                out.destroy();
                await closed;
            }
            await (0,promises_.rm)(temp, { force: true }).catch(() => undefined);
            const code = errorCode(err);
            if (code === 'EISDIR' || code === 'ENOTEMPTY')
                throw (0,errors/* invalidParam */.$L)(`Cannot write artifact '${rel}': a directory with that path already exists.`);
            if (code === 'ENAMETOOLONG')
                throw (0,errors/* invalidParam */.$L)(`Cannot write artifact '${rel}': a name in the path is too long for the file system.`);
            throw err;
        }
        return out.bytesWritten;
    }
    /** Opens a file for streaming. Missing paths and directories are RESOURCE_DOES_NOT_EXIST. */
    async openRead(relPath) {
        const rel = normalizeArtifactPath(relPath);
        const target = await this.#locate(rel);
        const missing = new errors/* MlflowError */.mF('RESOURCE_DOES_NOT_EXIST', notFoundMessage(rel));
        // stat before open: opening a FIFO someone left in the root would block forever.
        const info = await (0,promises_.stat)(target).catch(() => undefined);
        if (!info?.isFile())
            throw missing;
        let handle;
        try {
            handle = await (0,promises_.open)(target, 'r');
        }
        catch (err) {
            const code = errorCode(err);
            if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR')
                throw missing;
            throw err;
        }
        try {
            const opened = await handle.stat();
            if (!opened.isFile())
                throw missing;
            if (opened.size === 0) {
                await handle.close();
                return { stream: external_node_stream_.Readable.from([]), size: 0 };
            }
            // A bounded range ends with its last byte instead of one more read to find EOF, so the
            // response is finished as soon as the client has it all.
            return { stream: handle.createReadStream({ start: 0, end: opened.size - 1, autoClose: true }), size: opened.size };
        }
        catch (err) {
            await handle.close().catch(() => undefined);
            throw err;
        }
    }
    /**
     * The entries of a directory, sorted by name. A missing path, or one naming a file, lists
     * nothing: the MLflow client takes an empty listing to mean "download it as a file".
     */
    async list(relPath = '') {
        const rel = normalizeArtifactPath(relPath);
        const dir = await this.#locate(rel);
        let dirents;
        try {
            dirents = await (0,promises_.readdir)(dir, { withFileTypes: true });
        }
        catch (err) {
            const code = errorCode(err);
            if (code === 'ENOENT' || code === 'ENOTDIR')
                return [];
            throw err;
        }
        const realRoot = await this.#canonicalRoot();
        const entries = await Promise.all(dirents.map(async (dirent) => {
            if (TEMP_NAME.test(dirent.name))
                return undefined;
            const full = (0,external_node_path_.join)(dir, dirent.name);
            if (dirent.isSymbolicLink()) {
                // Links leading out of the root are invisible, so their targets' sizes do not leak.
                const real = await (0,promises_.realpath)(full).catch(() => undefined);
                if (real === undefined || !this.#inside(realRoot, real))
                    return undefined;
            }
            else if (!dirent.isFile() && !dirent.isDirectory()) {
                return undefined;
            }
            const info = await (0,promises_.stat)(full).catch(() => undefined);
            if (!info)
                return undefined;
            const path = joinRelative(rel, dirent.name);
            if (info.isDirectory())
                return { name: dirent.name, path, is_dir: true };
            if (info.isFile())
                return { name: dirent.name, path, is_dir: false, file_size: info.size };
            return undefined;
        }));
        return entries
            .filter((entry) => entry !== undefined)
            .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    }
    /** Removes a file or a whole directory; a missing path is already deleted. */
    async delete(relPath) {
        const rel = normalizeArtifactPath(relPath);
        if (rel === '')
            throw (0,errors/* invalidParam */.$L)('Refusing to delete the whole artifact root. Name the file or directory to delete.');
        await this.#locate(rel);
        const segments = rel.split('/');
        const name = segments.pop();
        // Join the last name unresolved, so a link inside the root is removed, not its target.
        const parent = await this.#locate(segments.join('/'));
        await (0,promises_.rm)((0,external_node_path_.join)(parent, name), { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./build/src/tracking/http.js

/** Raw text bodies: the API scope keeps bodies as strings so decoding follows MLflow, not Fastify. */
function registerRawBodyParser(app, bodyLimit) {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'string', bodyLimit }, (_req, body, done) => done(null, body));
}
function parseJsonBody(raw) {
    if (raw.trim() === '')
        return {};
    let value;
    try {
        value = JSON.parse(raw);
    }
    catch (err) {
        throw (0,errors/* invalidParam */.$L)(`Malformed JSON in request body: ${err.message}. Send a JSON object.`);
    }
    // Old clients double-encode the body; MLflow decodes a string body a second time.
    if (typeof value === 'string')
        return parseJsonBody(value);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw (0,errors/* invalidParam */.$L)('Request body must be a JSON object.');
    }
    return value;
}
function decodeRequest(request) {
    const method = request.method;
    if (method === 'GET' || method === 'HEAD')
        return { ...request.query };
    const raw = typeof request.body === 'string' ? request.body : '';
    if (method === 'POST' || method === 'PUT') {
        const type = request.headers['content-type'];
        if (type === undefined)
            throw (0,errors/* invalidParam */.$L)('Bad Request. Content-Type header is missing.');
        if (type.split(';')[0].trim().toLowerCase() !== 'application/json') {
            throw (0,errors/* invalidParam */.$L)(`Bad Request. Content-Type must be one of ['application/json'].`);
        }
    }
    return parseJsonBody(raw);
}
/** Turns zod's first issue into MLflow's wording for a bad parameter. */
function zodToMlflow(error) {
    let issue = error.issues[0];
    const segments = [...issue.path];
    // A union branch that got past the type check (a list with one bad item) failed deeper: name that item.
    while (issue.code === 'invalid_union') {
        const deeper = issue.errors.map((branch) => branch[0]).find((i) => i !== undefined && i.path.length > 0);
        if (deeper === undefined)
            break;
        segments.push(...deeper.path);
        issue = deeper;
    }
    const path = segments.join('.');
    const input = issue.input;
    const typeMismatch = issue.code === 'invalid_type' || issue.code === 'invalid_union';
    // MLflow's _assert_required counts null as missing too.
    if (typeMismatch && (input === undefined || input === null)) {
        return (0,errors/* invalidParam */.$L)(`Missing value for required parameter '${path}'. See the API docs for more information about request parameters.`);
    }
    const shown = input === undefined ? '' : ` ${truncateForMessage(JSON.stringify(input) ?? '')}`;
    return (0,errors/* invalidParam */.$L)(`Invalid value${shown} for parameter '${path}' supplied: ${describeIssue(issue, input)}. See the API docs for more information about request parameters.`);
}
function truncateForMessage(text) {
    return text.length > 100 ? `${text.slice(0, 100)}...` : text;
}
function jsonTypeName(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'array';
    return typeof value;
}
/** zod's union message is a bare "Invalid input"; name the accepted types so the user can fix the request. */
function describeIssue(issue, input) {
    if (issue.code !== 'invalid_union')
        return issue.message;
    const expected = new Set();
    for (const branch of issue.errors) {
        const first = branch[0];
        if (first?.code !== 'invalid_type')
            return issue.message;
        expected.add(first.expected);
    }
    return `expected ${[...expected].join(' or ')}, got ${jsonTypeName(input)}`;
}
function parseWith(schema, input) {
    // Without reportInput zod leaves `input` off every issue, and a wrong type would read as "missing".
    const result = schema.safeParse(input, { reportInput: true });
    if (!result.success)
        throw zodToMlflow(result.error);
    return result.data;
}
/** MLflow's `_assert_required`: null and "" both count as missing. */
function required(value, name) {
    if (value === undefined || value === null || value === '') {
        throw (0,errors/* invalidParam */.$L)(`Missing value for required parameter '${name}'. See the API docs for more information about request parameters.`);
    }
    return value;
}
// JSON.rawJSON/isRawJSON (Node 21+) are not in the es2024 typings yet.
const rawJson = JSON;
/**
 * An integer written exactly as a JSON number, for int64/fixed64 values beyond 2^53 (span times
 * in ns): `JSON.stringify` emits the digits as they are.
 */
function exactInteger(decimal) {
    if (!/^-?\d+$/.test(decimal))
        throw new TypeError(`not a decimal integer: ${decimal}`);
    return rawJson.rawJSON(decimal);
}
const verbatimValues = new WeakSet();
/**
 * Marks a free-form JSON value (a google.protobuf.Value such as an assessment's feedback) to be
 * written as it is: its empty lists are data, not unset repeated fields.
 */
function verbatim(value) {
    if (value !== null && typeof value === 'object')
        verbatimValues.add(value);
    return value;
}
/** Proto-JSON: drop undefined and empty lists (proto omits empty repeated fields), encode non-finite doubles. */
function toWireJson(value) {
    if (rawJson.isRawJSON(value))
        return value;
    if (value !== null && typeof value === 'object' && verbatimValues.has(value))
        return value;
    if (typeof value === 'number') {
        if (Number.isNaN(value))
            return 'NaN';
        if (value === Infinity)
            return 'Infinity';
        if (value === -Infinity)
            return '-Infinity';
        return value;
    }
    if (Array.isArray(value))
        return value.map(toWireJson);
    if (value !== null && typeof value === 'object') {
        const out = {};
        for (const [k, v] of Object.entries(value)) {
            if (v === undefined || (Array.isArray(v) && v.length === 0))
                continue;
            out[k] = toWireJson(v);
        }
        return out;
    }
    return value;
}
function apiRoute(app, options) {
    for (const version of options.versions ?? ['2.0']) {
        for (const prefix of ['/api', '/ajax-api']) {
            app.route({
                method: options.method,
                url: `${prefix}/${version}${options.path}`,
                handler: async (request, reply) => {
                    const decoded = { ...decodeRequest(request), ...request.params };
                    const input = parseWith(options.schema, decoded);
                    const result = await options.handler(input, request, reply);
                    if (reply.sent)
                        return reply;
                    return reply.type('application/json').send(JSON.stringify(toWireJson(result ?? {})));
                },
            });
        }
    }
}
function sendError(reply, error) {
    return reply.status(error.status).type('application/json').send(JSON.stringify(error.toJSON()));
}
function errorHandler(error, request, reply) {
    if (error instanceof errors/* MlflowError */.mF)
        return sendError(reply, error);
    const fe = error;
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        return sendError(reply, (0,errors/* invalidParam */.$L)(`Request body is larger than the server accepts (${fe.message}). Split the request into smaller ones.`));
    }
    if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
        return sendError(reply, (0,errors/* invalidParam */.$L)(`Bad Request. ${fe.message}`));
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(reply, new errors/* MlflowError */.mF('INTERNAL_ERROR', 'Internal server error. The server log has the details.'));
}
function notFoundHandler(request, reply) {
    // Deviation from MLflow (Flask answers an HTML page): API clients get MLflow's error JSON.
    const path = request.url.split('?')[0];
    return sendError(reply, new errors/* MlflowError */.mF('ENDPOINT_NOT_FOUND', `No API endpoint ${request.method} ${path} on this server. See the README for the routes it serves.`));
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js
var schemas = __webpack_require__(55156);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/core.js
var core = __webpack_require__(88532);
;// CONCATENATED MODULE: ./build/src/tracking/wire.js
/**
 * Request schemas for the tracking REST API, in zod, decoding proto-JSON the way MLflow's
 * `ParseDict(..., ignore_unknown_fields=True)` does: int64 as number or numeric string, doubles
 * also as "NaN"/"Infinity"/"-Infinity", enums by name or number, unknown fields dropped.
 * GET requests arrive as query strings, so scalars there are strings and repeated fields may be
 * a single string: the same schemas accept both.
 */


const INT64 = /^-?\d+$/;
/** int64: a JSON number or a decimal string (as protobuf's JSON mapping allows). */
const int64 = schemas.union([schemas.number(), schemas.string().regex(INT64, 'must be an integer')])
    .transform((v) => Number(v))
    .superRefine((v, ctx) => {
    if (!Number.isInteger(v))
        ctx.addIssue({ code: 'custom', message: 'must be an integer' });
    // JS numbers hold integers exactly only up to 2^53-1; refusing beats storing a rounded value.
    else if (!Number.isSafeInteger(v))
        ctx.addIssue({ code: 'custom', message: 'must be an integer of magnitude at most 9007199254740991' });
});
/** Decimal notation only, as Python's float() reads it; Number() would also take "0x10" or "0b1". */
const DECIMAL = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;
/** double: a number, a numeric string, or one of protobuf's non-finite spellings. */
const wire_double = schemas.union([schemas.number(), schemas.string()]).transform((v, ctx) => {
    if (typeof v === 'number')
        return v;
    if (v === 'NaN')
        return NaN;
    if (v === 'Infinity')
        return Infinity;
    if (v === '-Infinity')
        return -Infinity;
    const n = Number(v);
    if (!DECIMAL.test(v) || Number.isNaN(n)) {
        ctx.addIssue({ code: 'custom', message: 'must be a number' });
        return core/* NEVER */.tm;
    }
    return n;
});
/** Query strings carry booleans as text; MLflow accepts only `true`/`false`. */
const bool = schemas.union([schemas.boolean(), schemas["enum"](['true', 'false']).transform((v) => v === 'true')]);
/** A string field: numbers are accepted and stringified, as protobuf's parser does for ids. */
const str = schemas.union([schemas.string(), schemas.number().transform(String)]);
function protoEnum(names, numbers) {
    // One string branch, checked in the transform: with separate name and digit branches zod reports
    // an unknown name as a failed digit pattern instead of listing the valid names.
    return schemas.union([schemas.string(), schemas.number().int()]).transform((v, ctx) => {
        if (typeof v === 'string' && names.includes(v))
            return v;
        const byNumber = typeof v === 'number' || INT64.test(v) ? numbers[Number(v)] : undefined;
        if (byNumber === undefined) {
            ctx.addIssue({ code: 'custom', message: `must be one of ${names.join(', ')}` });
            return core/* NEVER */.tm;
        }
        return byNumber;
    });
}
const runStatus = protoEnum(limits/* RUN_STATUSES */.LV, limits/* RUN_STATUS_NUMBERS */.uC);
const viewType = protoEnum(limits/* VIEW_TYPES */.Kh, limits/* VIEW_TYPE_NUMBERS */._I);
const loggedModelStatus = protoEnum(limits/* LOGGED_MODEL_STATUSES */.gx, { 0: 'LOGGED_MODEL_STATUS_UNSPECIFIED', 1: 'LOGGED_MODEL_PENDING', 2: 'LOGGED_MODEL_READY', 3: 'LOGGED_MODEL_UPLOAD_FAILED' });
/** A repeated field: an array, or (from a query string with one value) a single item. */
const repeated = (item) => schemas.union([schemas.array(item), item.transform((v) => [v])]).optional();
const keyValue = schemas.object({ key: str, value: str.optional().default('') });
const metric = schemas.object({
    key: str,
    value: wire_double,
    timestamp: int64,
    step: int64.optional().default(0),
    dataset_name: schemas.string().optional(),
    dataset_digest: schemas.string().optional(),
    model_id: schemas.string().optional(),
});
/** Runs are named by `run_id` (3.x) or `run_uuid` (older clients); clients often send both. */
const runRef = { run_id: schemas.string().optional(), run_uuid: schemas.string().optional() };
const wire_schemas = {
    createExperiment: schemas.object({
        name: schemas.string().optional(),
        artifact_location: schemas.string().optional(),
        // The official TS SDK's tests send tags as an object map; accept both shapes.
        tags: schemas.union([schemas.array(keyValue), schemas.record(schemas.string(), schemas.string()).transform((m) => Object.entries(m).map(([key, value]) => ({ key, value })))])
            .optional(),
    }),
    experimentId: schemas.object({ experiment_id: str.optional() }),
    getExperimentByName: schemas.object({ experiment_name: schemas.string().optional() }),
    searchExperiments: schemas.object({
        max_results: int64.optional(),
        page_token: schemas.string().optional(),
        filter: schemas.string().optional(),
        order_by: repeated(schemas.string()),
        view_type: viewType.optional(),
    }),
    updateExperiment: schemas.object({ experiment_id: str.optional(), new_name: schemas.string().optional() }),
    setExperimentTag: schemas.object({ experiment_id: str.optional(), key: str.optional(), value: str.optional() }),
    deleteExperimentTag: schemas.object({ experiment_id: str.optional(), key: str.optional() }),
    createRun: schemas.object({
        experiment_id: str.optional(),
        user_id: schemas.string().optional(),
        run_name: schemas.string().optional(),
        start_time: int64.optional(),
        tags: schemas.array(keyValue).optional(),
    }),
    runRef: schemas.object(runRef),
    updateRun: schemas.object({ ...runRef, status: runStatus.optional(), end_time: int64.optional(), run_name: schemas.string().optional() }),
    searchRuns: schemas.object({
        experiment_ids: repeated(str),
        filter: schemas.string().optional(),
        run_view_type: viewType.optional(),
        max_results: int64.optional(),
        order_by: repeated(schemas.string()),
        page_token: schemas.string().optional(),
    }),
    logMetric: schemas.object({
        ...runRef,
        key: str.optional(),
        value: wire_double.optional(),
        timestamp: int64.optional(),
        step: int64.optional(),
        dataset_name: schemas.string().optional(),
        dataset_digest: schemas.string().optional(),
        model_id: schemas.string().optional(),
    }),
    logParam: schemas.object({ ...runRef, key: str.optional(), value: str.optional() }),
    setTag: schemas.object({ ...runRef, key: str.optional(), value: str.optional() }),
    deleteTag: schemas.object({ ...runRef, key: str.optional() }),
    logBatch: schemas.object({
        ...runRef,
        metrics: schemas.array(metric).optional(),
        params: schemas.array(keyValue).optional(),
        tags: schemas.array(keyValue).optional(),
    }),
    logInputs: schemas.object({
        ...runRef,
        datasets: schemas.array(schemas.object({
            tags: schemas.array(keyValue).optional(),
            dataset: schemas.object({
                name: schemas.string(),
                digest: schemas.string(),
                source_type: schemas.string(),
                source: schemas.string(),
                schema: schemas.string().optional(),
                profile: schemas.string().optional(),
            }),
        }))
            .optional(),
        models: schemas.array(schemas.object({ model_id: schemas.string() })).optional(),
    }),
    logOutputs: schemas.object({ ...runRef, models: schemas.array(schemas.object({ model_id: schemas.string(), step: int64.optional().default(0) })).optional() }),
    getMetricHistory: schemas.object({ ...runRef, metric_key: schemas.string().optional(), max_results: int64.optional(), page_token: schemas.string().optional() }),
    getMetricHistoryBulkInterval: schemas.object({
        run_ids: repeated(schemas.string()),
        metric_key: schemas.string().optional(),
        start_step: int64.optional(),
        end_step: int64.optional(),
        max_results: int64.optional(),
    }),
    createLoggedModel: schemas.object({
        experiment_id: str.optional(),
        name: schemas.string().optional(),
        model_type: schemas.string().optional(),
        source_run_id: schemas.string().optional(),
        params: schemas.array(keyValue).optional(),
        tags: schemas.array(keyValue).optional(),
    }),
    finalizeLoggedModel: schemas.object({ status: loggedModelStatus.optional() }),
    searchLoggedModels: schemas.object({
        experiment_ids: repeated(str),
        filter: schemas.string().optional(),
        max_results: int64.optional(),
        order_by: schemas.array(schemas.object({ field_name: schemas.string(), ascending: bool.optional() })).optional(),
        page_token: schemas.string().optional(),
    }),
    loggedModelParams: schemas.object({ params: schemas.array(keyValue).optional() }),
    loggedModelTags: schemas.object({ tags: schemas.array(keyValue).optional() }),
};

;// CONCATENATED MODULE: ./build/src/tracking/routes/experiments.js


function experimentRoutes(app, store) {
    apiRoute(app, {
        method: 'POST',
        path: '/mlflow/experiments/create',
        schema: wire_schemas.createExperiment,
        handler: async (b) => ({
            experiment_id: await store.createExperiment({ name: required(b.name, 'name'), artifact_location: b.artifact_location, tags: b.tags }),
        }),
    });
    apiRoute(app, {
        method: 'GET',
        path: '/mlflow/experiments/get',
        schema: wire_schemas.experimentId,
        handler: async (q) => ({ experiment: await store.getExperiment(required(q.experiment_id, 'experiment_id')) }),
    });
    apiRoute(app, {
        method: 'GET',
        path: '/mlflow/experiments/get-by-name',
        schema: wire_schemas.getExperimentByName,
        handler: async (q) => ({ experiment: await store.getExperimentByName(required(q.experiment_name, 'experiment_name')) }),
    });
    apiRoute(app, {
        method: ['GET', 'POST'],
        path: '/mlflow/experiments/search',
        schema: wire_schemas.searchExperiments,
        handler: async (q) => {
            const page = await store.searchExperiments({
                filter: q.filter,
                orderBy: q.order_by,
                viewType: q.view_type,
                maxResults: q.max_results,
                pageToken: q.page_token,
            });
            return { experiments: page.items, next_page_token: page.nextPageToken };
        },
    });
    apiRoute(app, {
        method: 'POST',
        path: '/mlflow/experiments/update',
        schema: wire_schemas.updateExperiment,
        handler: async (b) => {
            await store.renameExperiment(required(b.experiment_id, 'experiment_id'), required(b.new_name, 'new_name'));
        },
    });
    apiRoute(app, {
        method: 'POST',
        path: '/mlflow/experiments/delete',
        schema: wire_schemas.experimentId,
        handler: async (b) => {
            await store.deleteExperiment(required(b.experiment_id, 'experiment_id'));
        },
    });
    apiRoute(app, {
        method: 'POST',
        path: '/mlflow/experiments/restore',
        schema: wire_schemas.experimentId,
        handler: async (b) => {
            await store.restoreExperiment(required(b.experiment_id, 'experiment_id'));
        },
    });
    apiRoute(app, {
        method: 'POST',
        path: '/mlflow/experiments/set-experiment-tag',
        schema: wire_schemas.setExperimentTag,
        handler: async (b) => {
            await store.setExperimentTag(required(b.experiment_id, 'experiment_id'), { key: required(b.key, 'key'), value: b.value ?? '' });
        },
    });
    apiRoute(app, {
        method: 'POST',
        path: '/mlflow/experiments/delete-experiment-tag',
        schema: wire_schemas.deleteExperimentTag,
        handler: async (b) => {
            await store.deleteExperimentTag(required(b.experiment_id, 'experiment_id'), required(b.key, 'key'));
        },
    });
}

;// CONCATENATED MODULE: ./build/src/tracking/routes/runs.js




/**
 * MLflow sets `inputs` on every Run message but `outputs` only on runs read back from the store
 * (runs/get, runs/search answer `"outputs": {}` even when empty); runs/create leaves it unset.
 */
function runToWire(run, withOutputs = true) {
    const wire = {
        info: { run_uuid: run.info.run_id, ...run.info },
        data: run.data,
        inputs: run.inputs,
    };
    if (withOutputs || run.outputs.model_outputs.length > 0)
        wire.outputs = run.outputs;
    return wire;
}
const runIdOf = (b) => required(b.run_id || b.run_uuid, 'run_id');
function runRoutes(app, store) {
    apiRoute(app, {
        method: 'POST',
        path: '/mlflow/runs/create',
        schema: wire_schemas.createRun,
        handler: async (b) => ({
            run: runToWire(await store.createRun({ experiment_id: b.experiment_id ?? '0', user_id: b.user_id, run_name: b.run_name, start_time: b.start_time, tags: b.tags }), false),
        }),
    });
    apiRoute(app, {
        method: 'GET',
        path: '/mlflow/runs/get',
        schema: wire_schemas.runRef,
        handler: async (q) => ({ run: runToWire(await store.getRun(runIdOf(q))) }),
    });
    apiRoute(app, {
        method: 'POST',
        path: '/mlflow/runs/update',
        schema: wire_schemas.updateRun,
        handler: async (b) => {
            const info = await store.updateRun({ run_id: runIdOf(b), status: b.status, end_time: b.end_time, run_name: b.run_name });
            return { run_info: { run_uuid: info.run_id, ...info } };
        },
    });
    apiRoute(app, {
        method: 'POST',
        path: '/mlflow/runs/delete',
        schema: wire_schemas.runRef,
        handler: async (b) => {
            await store.deleteRun(runIdOf(b));
        },
    });
    apiRoute(app, {
        method: 'POST',
        path: '/mlflow/runs/restore',
        schema: wire_schemas.runRef,
        handler: async (b) => {
            await store.restoreRun(runIdOf(b));
        },
    });
    apiRoute(app, {
        method: ['POST', 'GET'],
        path: '/mlflow/runs/search',
        schema: wire_schemas.searchRuns,
        handler: async (b) => {
            const page = await store.searchRuns({
                experimentIds: b.experiment_ids ?? [],
                filter: b.filter,
                orderBy: b.order_by,
                runViewType: b.run_view_type,
                maxResults: b.max_results,
                pageToken: b.page_token,
            });
            return { runs: page.items.map((run) => runToWire(run)), next_page_token: page.nextPageToken };
        },
    });
    apiRoute(app, {
        method: 'POST',
        path: '/mlflow/runs/log-metric',
        schema: wire_schemas.logMetric,
        handler: async (b) => {
            await store.logBatch({
                run_id: runIdOf(b),
                metrics: [
                    {
                        key: required(b.key, 'key'),
                        value: required(b.value, 'value'),
                        timestamp: required(b.timestamp, 'timestamp'),
                        step: b.step ?? 0,
                        dataset_name: b.dataset_name,
                        dataset_digest: b.dataset_digest,
                        model_id: b.model_id,
                    },
                ],
            });
        },
    });
    apiRoute(app, {
        method: 'POST',
        path: '/mlflow/runs/log-parameter',
        schema: wire_schemas.logParam,
        handler: async (b) => {
            await store.logBatch({ run_id: runIdOf(b), params: [{ key: required(b.key, 'key'), value: b.value ?? '' }] });
        },
    });
    apiRoute(app, {
        method: 'POST',
        path: '/mlflow/runs/log-batch',
        schema: wire_schemas.logBatch,
        handler: async (b, request) => {
            const size = Buffer.byteLength(typeof request.body === 'string' ? request.body : '');
            if (size > limits/* MLFLOW_LIMITS */.rh.logBatch.maxRequestBytes) {
                throw (0,errors/* invalidParam */.$L)(`Batched logging API requests must be at most ${limits/* MLFLOW_LIMITS */.rh.logBatch.maxRequestBytes} bytes, got a request of ${size} bytes. Split it into smaller batches.`);
            }
            await store.logBatch({ run_id: runIdOf(b), metrics: b.metrics, params: b.params, tags: b.tags });
        },
    });
    apiRoute(app, {
        method: 'POST',
        path: '/mlflow/runs/set-tag',
        schema: wire_schemas.setTag,
        handler: async (b) => {
            await store.setTag(runIdOf(b), { key: required(b.key, 'key'), value: b.value ?? '' });
        },
    });
    apiRoute(app, {
        method: 'POST',
        path: '/mlflow/runs/delete-tag',
        schema: wire_schemas.deleteTag,
        handler: async (b) => {
            await store.deleteTag(runIdOf(b), required(b.key, 'key'));
        },
    });
    apiRoute(app, {
        method: 'POST',
        path: '/mlflow/runs/log-inputs',
        schema: wire_schemas.logInputs,
        handler: async (b) => {
            await store.logInputs(runIdOf(b), (b.datasets ?? []).map((d) => ({ tags: d.tags ?? [], dataset: d.dataset })), b.models ?? []);
        },
    });
    apiRoute(app, {
        method: 'POST',
        path: '/mlflow/runs/outputs',
        schema: wire_schemas.logOutputs,
        handler: async (b) => {
            await store.logOutputs(runIdOf(b), required(b.models, 'models'));
        },
    });
    apiRoute(app, {
        method: 'GET',
        path: '/mlflow/metrics/get-history',
        schema: wire_schemas.getMetricHistory,
        handler: async (q) => {
            const page = await store.getMetricHistory({
                runId: runIdOf(q),
                metricKey: required(q.metric_key, 'metric_key'),
                maxResults: q.max_results,
                pageToken: q.page_token,
            });
            return { metrics: page.items, next_page_token: page.nextPageToken };
        },
    });
    apiRoute(app, {
        method: 'GET',
        path: '/mlflow/metrics/get-history-bulk-interval',
        schema: wire_schemas.getMetricHistoryBulkInterval,
        handler: async (q) => ({
            metrics: await store.getMetricHistoryBulkInterval({
                runIds: q.run_ids ?? [],
                metricKey: required(q.metric_key, 'metric_key'),
                startStep: q.start_step,
                endStep: q.end_step,
                maxResults: q.max_results,
            }),
        }),
    });
}

;// CONCATENATED MODULE: ./build/src/tracking/routes/logged-models.js



const modelPath = schemas.object({ model_id: schemas.string() });
/** MLflow 3 logged models (wire reference §2.5): what `<flavor>.log_model` and `list_artifacts` call. */
function loggedModelRoutes(app, store) {
    apiRoute(app, {
        method: 'POST',
        path: '/mlflow/logged-models',
        schema: wire_schemas.createLoggedModel,
        handler: async (b) => ({
            model: await store.createLoggedModel({
                experiment_id: required(b.experiment_id, 'experiment_id'),
                name: b.name,
                model_type: b.model_type,
                source_run_id: b.source_run_id,
                params: b.params,
                tags: b.tags,
            }),
        }),
    });
    apiRoute(app, {
        method: 'POST',
        path: '/mlflow/logged-models/search',
        schema: wire_schemas.searchLoggedModels,
        handler: async (b) => {
            const page = await store.searchLoggedModels({
                experimentIds: b.experiment_ids ?? [],
                filter: b.filter,
                orderBy: b.order_by,
                maxResults: b.max_results,
                pageToken: b.page_token,
            });
            return { models: page.items, next_page_token: page.nextPageToken };
        },
    });
    apiRoute(app, {
        method: 'GET',
        path: '/mlflow/logged-models/:model_id',
        schema: modelPath,
        handler: async (q) => ({ model: await store.getLoggedModel(q.model_id) }),
    });
    apiRoute(app, {
        method: 'PATCH',
        path: '/mlflow/logged-models/:model_id',
        schema: modelPath.extend(wire_schemas.finalizeLoggedModel.shape),
        handler: async (b) => ({ model: await store.finalizeLoggedModel(b.model_id, required(b.status, 'status')) }),
    });
    apiRoute(app, {
        method: 'DELETE',
        path: '/mlflow/logged-models/:model_id',
        schema: modelPath,
        handler: async (b) => {
            await store.deleteLoggedModel(b.model_id);
        },
    });
    apiRoute(app, {
        method: 'POST',
        path: '/mlflow/logged-models/:model_id/params',
        schema: modelPath.extend(wire_schemas.loggedModelParams.shape),
        handler: async (b) => {
            await store.logLoggedModelParams(b.model_id, b.params ?? []);
        },
    });
    apiRoute(app, {
        method: 'PATCH',
        path: '/mlflow/logged-models/:model_id/tags',
        schema: modelPath.extend(wire_schemas.loggedModelTags.shape),
        handler: async (b) => {
            await store.setLoggedModelTags(b.model_id, b.tags ?? []);
        },
    });
    apiRoute(app, {
        method: 'DELETE',
        path: '/mlflow/logged-models/:model_id/tags/:tag_key',
        schema: modelPath.extend({ tag_key: schemas.string() }),
        handler: async (b) => {
            await store.deleteLoggedModelTag(b.model_id, b.tag_key);
        },
    });
}

;// CONCATENATED MODULE: ./build/src/tracking/routes/artifacts.js





/** MLflow's cap for the UI's single-request upload, which arrives in memory. */
const UI_UPLOAD_LIMIT = 10 * 1024 * 1024;
/** MLflow serves these as text/plain whatever their registered type (`mlflow/utils/mime_type_utils.py`). */
const TEXT_EXTENSIONS = new Set([
    'txt', 'log', 'err', 'cfg', 'conf', 'cnf', 'cf', 'ini', 'properties', 'prop', 'hocon', 'toml', 'yaml', 'yml',
    'xml', 'json', 'js', 'py', 'py3', 'csv', 'tsv', 'md', 'rst', 'MLmodel', 'MLproject',
]);
/** The common part of Python's `mimetypes` table, which MLflow falls back on. */
const MIME_TYPES = {
    txt: 'text/plain', csv: 'text/csv', tsv: 'text/tab-separated-values', json: 'application/json', xml: 'text/xml',
    js: 'text/javascript', py: 'text/x-python', md: 'text/markdown', yaml: 'application/yaml', yml: 'application/yaml',
    html: 'text/html', htm: 'text/html', css: 'text/css',
    png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', svg: 'image/svg+xml', webp: 'image/webp',
    bmp: 'image/bmp', ico: 'image/vnd.microsoft.icon', tif: 'image/tiff', tiff: 'image/tiff',
    pdf: 'application/pdf', zip: 'application/zip', tar: 'application/x-tar', wasm: 'application/wasm',
    mp3: 'audio/mpeg', wav: 'audio/x-wav', mp4: 'video/mp4', webm: 'video/webm',
};
function artifactMimeType(fileName) {
    // Python's splitext: a leading dot starts a name, not an extension.
    const dot = fileName.lastIndexOf('.');
    const extension = dot > 0 ? fileName.slice(dot + 1) : '';
    if (TEXT_EXTENSIONS.has(extension === '' ? fileName : extension))
        return 'text/plain';
    return MIME_TYPES[extension.toLowerCase()] ?? 'application/octet-stream';
}
/** MLflow's bare `filename=` when the name is a plain token; RFC 6266 encoding otherwise (headers are Latin-1). */
function contentDisposition(fileName) {
    if (/^[A-Za-z0-9!#$&+.^_`|~-]+$/.test(fileName))
        return `attachment; filename=${fileName}`;
    const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
    const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
function artifacts_joinRelative(dir, name) {
    return dir === '' ? name : name === '' ? dir : `${dir}/${name}`;
}
function queryValue(request, name) {
    const value = request.query?.[name];
    if (value === undefined)
        return undefined;
    if (typeof value !== 'string')
        throw (0,errors/* invalidParam */.$L)(`Query parameter '${name}' must be given once.`);
    return value;
}
/**
 * The wildcard part of the URL, percent-decoded exactly once. Read from the raw URL rather than
 * the router's params so what is validated is precisely what the client sent.
 */
function wildcardPath(request) {
    const url = request.raw.url ?? request.url;
    const end = url.search(/[?#]/);
    const rawPath = end === -1 ? url : url.slice(0, end);
    const prefix = request.routeOptions.url?.replace(/\*$/, '');
    let decoded;
    if (prefix !== undefined && rawPath.startsWith(prefix)) {
        try {
            decoded = decodeURIComponent(rawPath.slice(prefix.length));
        }
        catch {
            throw (0,errors/* invalidParam */.$L)('Invalid artifact path: it has a malformed percent-escape. Encode "%" as "%25".');
        }
    }
    else {
        decoded = request.params['*'] ?? '';
    }
    const rel = normalizeArtifactPath(decoded);
    if (rel === '')
        throw (0,errors/* invalidParam */.$L)('Name the artifact after /artifacts/, e.g. /api/2.0/mlflow-artifacts/artifacts/1/<run_id>/artifacts/model.pkl.');
    return rel;
}
/** Where a run's files are in the artifacts destination, from its `mlflow-artifacts:` URI. */
function runArtifactRoot(artifactUri) {
    const match = /^mlflow-artifacts:(.*)$/i.exec(artifactUri);
    if (!match) {
        throw (0,errors/* invalidParam */.$L)(`This run's artifact_uri '${artifactUri}' is not served by this server: only mlflow-artifacts:/ locations are. Read its files from that location directly.`);
    }
    let rest = match[1];
    // A `mlflow-artifacts://host:port/...` URI names a server; the path after it is what counts.
    if (rest.startsWith('//')) {
        const slash = rest.indexOf('/', 2);
        rest = slash === -1 ? '' : rest.slice(slash);
    }
    return normalizeArtifactPath(rest.replace(/^\/+/, ''));
}
function sendJson(reply, value) {
    return reply.type('application/json').send(JSON.stringify(toWireJson(value)));
}
async function readCapped(source, limit) {
    const chunks = [];
    let total = 0;
    for await (const chunk of source) {
        total += chunk.length;
        if (total > limit)
            throw (0,errors/* invalidParam */.$L)('Artifact size is too large. Max size is 10MB.');
        chunks.push(chunk);
    }
    return Buffer.concat(chunks, total);
}
const listArtifactsSchema = schemas.object({
    run_id: schemas.string().optional(),
    run_uuid: schemas.string().optional(),
    path: schemas.string().optional(),
    page_token: schemas.string().optional(),
});
function artifactRoutes(app, options) {
    const { store, repository, enabled } = options;
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', (_request, _payload, done) => done(null));
    if (!enabled) {
        // `--no-serve-artifacts`: MLflow answers every artifact route with a plain 503.
        app.addHook('onRequest', async (request, reply) => {
            return reply
                .code(503)
                .type('text/plain; charset=utf-8')
                .send(`Endpoint: ${request.routeOptions.url ?? request.url} disabled due to the mlflow server running with \`--no-serve-artifacts\`. ` +
                'To enable artifacts server functionality, restart the server with `--serve-artifacts`');
        });
    }
    async function sendFile(reply, rel) {
        const { stream, size } = await repository.openRead(rel);
        const fileName = rel.slice(rel.lastIndexOf('/') + 1);
        // Attachment + nosniff: an uploaded HTML or SVG file must never render on the server's origin.
        return reply
            .header('Content-Type', artifactMimeType(fileName))
            .header('Content-Length', String(size))
            .header('Content-Disposition', contentDisposition(fileName))
            .header('X-Content-Type-Options', 'nosniff')
            .send(stream);
    }
    for (const prefix of ['/api', '/ajax-api']) {
        const base = `${prefix}/2.0/mlflow-artifacts/artifacts`;
        app.get(base, async (request, reply) => {
            const entries = await repository.list(queryValue(request, 'path') ?? '');
            // Basenames here, unlike artifacts/list: the client joins them to the path it asked for.
            return sendJson(reply, { files: entries.map((e) => ({ path: e.name, is_dir: e.is_dir, file_size: e.file_size })) });
        });
        app.get(`${base}/*`, async (request, reply) => sendFile(reply, wildcardPath(request)));
        app.put(`${base}/*`, async (request, reply) => {
            const rel = wildcardPath(request);
            try {
                await repository.write(rel, request.raw);
            }
            catch (err) {
                if (request.raw.readableAborted || request.raw.destroyed) {
                    throw (0,errors/* invalidParam */.$L)(`Upload of '${rel}' was interrupted before the body was complete; nothing was stored. Retry the upload.`);
                }
                throw err;
            }
            return sendJson(reply, {});
        });
        app.delete(`${base}/*`, async (request, reply) => {
            await repository.delete(wildcardPath(request));
            return sendJson(reply, {});
        });
        // Python clients with multipart upload switched on fall back to a plain PUT on exactly this answer.
        for (const step of ['create', 'complete', 'abort']) {
            app.post(`${prefix}/2.0/mlflow-artifacts/mpu/${step}/*`, async (request) => {
                wildcardPath(request);
                throw new errors/* MlflowError */.mF('NOT_IMPLEMENTED', 'Multipart upload is not supported for the current artifact repository');
            });
        }
    }
    apiRoute(app, {
        method: 'GET',
        path: '/mlflow/artifacts/list',
        schema: listArtifactsSchema,
        handler: async (input) => {
            const run = await store.getRun(required(input.run_id || input.run_uuid, 'run_id'));
            const rel = normalizeArtifactPath(input.path ?? '');
            const entries = await repository.list(artifacts_joinRelative(runArtifactRoot(run.info.artifact_uri), rel));
            return {
                root_uri: run.info.artifact_uri,
                files: entries.map((e) => ({ path: artifacts_joinRelative(rel, e.name), is_dir: e.is_dir, file_size: e.file_size })),
            };
        },
    });
    app.get('/get-artifact', async (request, reply) => {
        const runId = required(queryValue(request, 'run_id') || queryValue(request, 'run_uuid'), 'run_id');
        const rel = normalizeArtifactPath(required(queryValue(request, 'path'), 'path'));
        if (rel === '')
            throw (0,errors/* invalidParam */.$L)("Parameter 'path' must name a file inside the run's artifacts.");
        const run = await store.getRun(runId);
        return sendFile(reply, artifacts_joinRelative(runArtifactRoot(run.info.artifact_uri), rel));
    });
    app.post('/ajax-api/2.0/mlflow/upload-artifact', async (request, reply) => {
        const runUuid = queryValue(request, 'run_uuid');
        if (!runUuid)
            throw (0,errors/* invalidParam */.$L)('Request must specify run_uuid.');
        const path = queryValue(request, 'path');
        if (!path)
            throw (0,errors/* invalidParam */.$L)('Request must specify path.');
        const rel = normalizeArtifactPath(path);
        if (rel === '')
            throw (0,errors/* invalidParam */.$L)("Parameter 'path' must name a file inside the run's artifacts.");
        if (Number(request.headers['content-length']) > UI_UPLOAD_LIMIT) {
            throw (0,errors/* invalidParam */.$L)('Artifact size is too large. Max size is 10MB.');
        }
        const data = await readCapped(request.raw, UI_UPLOAD_LIMIT);
        if (data.length === 0)
            throw (0,errors/* invalidParam */.$L)('Request must specify data.');
        const run = await store.getRun(runUuid);
        await repository.write(artifacts_joinRelative(runArtifactRoot(run.info.artifact_uri), rel), external_node_stream_.Readable.from([data]));
        return sendJson(reply, {});
    });
}

// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: ./node_modules/protobufjs/light.js
var light = __webpack_require__(80365);
;// CONCATENATED MODULE: ./build/src/tracking/otlp/proto.js
/**
 * The OTLP trace messages `POST /v1/traces` reads, as a protobufjs reflection descriptor written
 * from the OTLP spec's field numbers (opentelemetry-proto: collector/trace/v1, trace/v1,
 * common/v1, resource/v1). Field names are the proto's snake_case names; the JSON decoder
 * (json.ts) walks the same descriptor, so both encodings share one definition.
 *
 * Decoded messages are "normalized": plain objects keyed by snake_case field names holding only
 * the fields that were present; 64-bit integers as decimal strings (span times exceed 2^53),
 * bytes as base64, enums by name (an unknown enum number stays a number).
 */

const keyValues = (id) => ({ rule: 'repeated', type: 'KeyValue', id });
const DESCRIPTOR = {
    nested: {
        otlp: {
            nested: {
                ExportTraceServiceRequest: { fields: { resource_spans: { rule: 'repeated', type: 'ResourceSpans', id: 1 } } },
                ResourceSpans: {
                    fields: {
                        resource: { type: 'Resource', id: 1 },
                        scope_spans: { rule: 'repeated', type: 'ScopeSpans', id: 2 },
                        schema_url: { type: 'string', id: 3 },
                    },
                },
                Resource: { fields: { attributes: keyValues(1), dropped_attributes_count: { type: 'uint32', id: 2 } } },
                ScopeSpans: {
                    fields: {
                        scope: { type: 'InstrumentationScope', id: 1 },
                        spans: { rule: 'repeated', type: 'Span', id: 2 },
                        schema_url: { type: 'string', id: 3 },
                    },
                },
                InstrumentationScope: {
                    fields: {
                        name: { type: 'string', id: 1 },
                        version: { type: 'string', id: 2 },
                        attributes: keyValues(3),
                        dropped_attributes_count: { type: 'uint32', id: 4 },
                    },
                },
                Span: {
                    fields: {
                        trace_id: { type: 'bytes', id: 1 },
                        span_id: { type: 'bytes', id: 2 },
                        trace_state: { type: 'string', id: 3 },
                        parent_span_id: { type: 'bytes', id: 4 },
                        flags: { type: 'fixed32', id: 16 },
                        name: { type: 'string', id: 5 },
                        kind: { type: 'SpanKind', id: 6 },
                        start_time_unix_nano: { type: 'fixed64', id: 7 },
                        end_time_unix_nano: { type: 'fixed64', id: 8 },
                        attributes: keyValues(9),
                        dropped_attributes_count: { type: 'uint32', id: 10 },
                        events: { rule: 'repeated', type: 'Event', id: 11 },
                        dropped_events_count: { type: 'uint32', id: 12 },
                        links: { rule: 'repeated', type: 'Link', id: 13 },
                        dropped_links_count: { type: 'uint32', id: 14 },
                        status: { type: 'Status', id: 15 },
                    },
                },
                Event: {
                    fields: {
                        time_unix_nano: { type: 'fixed64', id: 1 },
                        name: { type: 'string', id: 2 },
                        attributes: keyValues(3),
                        dropped_attributes_count: { type: 'uint32', id: 4 },
                    },
                },
                Link: {
                    fields: {
                        trace_id: { type: 'bytes', id: 1 },
                        span_id: { type: 'bytes', id: 2 },
                        trace_state: { type: 'string', id: 3 },
                        attributes: keyValues(4),
                        dropped_attributes_count: { type: 'uint32', id: 5 },
                        flags: { type: 'fixed32', id: 6 },
                    },
                },
                // Field 1 is reserved (the deprecated `code`); the live code is field 3.
                Status: { fields: { message: { type: 'string', id: 2 }, code: { type: 'StatusCode', id: 3 } } },
                SpanKind: {
                    values: {
                        SPAN_KIND_UNSPECIFIED: 0,
                        SPAN_KIND_INTERNAL: 1,
                        SPAN_KIND_SERVER: 2,
                        SPAN_KIND_CLIENT: 3,
                        SPAN_KIND_PRODUCER: 4,
                        SPAN_KIND_CONSUMER: 5,
                    },
                },
                StatusCode: { values: { STATUS_CODE_UNSET: 0, STATUS_CODE_OK: 1, STATUS_CODE_ERROR: 2 } },
                AnyValue: {
                    oneofs: { value: { oneof: ['string_value', 'bool_value', 'int_value', 'double_value', 'array_value', 'kvlist_value', 'bytes_value'] } },
                    fields: {
                        string_value: { type: 'string', id: 1 },
                        bool_value: { type: 'bool', id: 2 },
                        int_value: { type: 'int64', id: 3 },
                        double_value: { type: 'double', id: 4 },
                        array_value: { type: 'ArrayValue', id: 5 },
                        kvlist_value: { type: 'KeyValueList', id: 6 },
                        bytes_value: { type: 'bytes', id: 7 },
                    },
                },
                ArrayValue: { fields: { values: { rule: 'repeated', type: 'AnyValue', id: 1 } } },
                KeyValueList: { fields: { values: keyValues(1) } },
                KeyValue: { fields: { key: { type: 'string', id: 1 }, value: { type: 'AnyValue', id: 2 } } },
            },
        },
    },
};
// resolveAll links field types now, so json.ts can walk `resolvedType` without a decode first.
const root = light.Root.fromJSON(DESCRIPTOR).resolveAll();
/** The request message type; json.ts walks its reflection to read OTLP/JSON the same way. */
const exportTraceServiceRequest = root.lookupType('otlp.ExportTraceServiceRequest');
/** Thrown for a body that is not a valid ExportTraceServiceRequest; the route answers 400. */
class OtlpDecodeError extends Error {
    constructor(message) {
        super(message);
        this.name = 'OtlpDecodeError';
    }
}
/** protobufjs reads 64-bit integers exactly only with long.js present; without it times would silently round. */
function assertExact64() {
    if (!light.util.Long) {
        throw new Error('protobufjs was loaded without long.js, so 64-bit span times would lose precision; reinstall dependencies (npm ci).');
    }
}
/** Decodes a binary ExportTraceServiceRequest into its normalized form. */
function decodeProtobufRequest(body) {
    assertExact64();
    try {
        const message = exportTraceServiceRequest.decode(body);
        return exportTraceServiceRequest.toObject(message, { longs: String, bytes: String, enums: String, defaults: false, arrays: false });
    }
    catch (err) {
        // Includes a RangeError from absurdly deep nesting: still the client's body, not our failure.
        throw new OtlpDecodeError(`Invalid OpenTelemetry protobuf format: ${err.message}`);
    }
}

;// CONCATENATED MODULE: ./build/src/tracking/otlp/json.js

/** A JSON number with its source text, so 64-bit integers are never rounded through a double. */
class JsonNumber {
    value;
    source;
    constructor(value, source) {
        this.value = value;
        this.source = source;
    }
}
/** JSON.parse with every number as a JsonNumber (its exact source text kept). Throws SyntaxError. */
function parseJsonExact(text) {
    const reviver = (_key, value, context) => typeof value === 'number' ? new JsonNumber(value, context?.source ?? String(value)) : value;
    return JSON.parse(text, reviver);
}
/**
 * A number of 16 or more digits may not survive a double. Bodies without one (OTLP/JSON writes
 * 64-bit integers as strings, so nearly all) take plain JSON.parse, several times faster than a
 * reviver that wraps every number.
 */
const LONG_NUMBER = /[[:,]\s*-?\d{16}/;
function parseExact(text) {
    try {
        return LONG_NUMBER.test(text) ? parseJsonExact(text) : JSON.parse(text);
    }
    catch (err) {
        throw new OtlpDecodeError(`Invalid OpenTelemetry JSON: ${err.message}`);
    }
}
/** Fields OTLP/JSON writes as hex instead of protobuf JSON's base64. */
const HEX_ID_FIELDS = new Set(['trace_id', 'span_id', 'parent_span_id']);
const ID_BYTES = { trace_id: 16, span_id: 8, parent_span_id: 8 };
const U64_MAX = (1n << 64n) - 1n;
const I64_MIN = -(1n << 63n);
const I64_MAX = (1n << 63n) - 1n;
const camelNames = new Map();
/** A proto field's OTLP/JSON name; a field set is small and fixed, so each is computed once. */
function camel(name) {
    let out = camelNames.get(name);
    if (out === undefined) {
        out = name.replace(/_([a-z0-9])/g, (_m, c) => c.toUpperCase());
        camelNames.set(name, out);
    }
    return out;
}
/**
 * Deepest message nesting read. Real OTLP nests a few levels plus attribute values (an
 * AnyValue kvlist is 3 levels per step); beyond this a body is refused instead of recursing on.
 */
const MAX_DEPTH = 400;
function fail(path, message) {
    throw new OtlpDecodeError(`Invalid OpenTelemetry JSON at ${path}: ${message}`);
}
function integer(value, path, min, max) {
    let digits;
    if (value instanceof JsonNumber) {
        // 1e3 or 5.0 are integers by value; protobuf's JSON parser accepts them, but the digits must be exact.
        if (/^-?\d+$/.test(value.source))
            digits = value.source;
        else if (Number.isSafeInteger(value.value))
            digits = String(value.value);
        else
            fail(path, `expected an integer, got ${value.source}`);
    }
    else if (typeof value === 'number') {
        // Plain-parsed (no long literal in the body): every integer here is exact.
        if (!Number.isSafeInteger(value))
            fail(path, `expected an integer, got ${value}`);
        digits = String(value);
    }
    else if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) {
        digits = value.trim();
    }
    else {
        fail(path, `expected an integer (a number or a decimal string), got ${json_describe(value)}`);
    }
    const n = BigInt(digits);
    if (n < min || n > max)
        fail(path, `${digits} is out of range`);
    return n.toString();
}
function json_double(value, path) {
    if (value instanceof JsonNumber)
        return value.value;
    if (typeof value === 'number')
        return value;
    if (value === 'NaN')
        return NaN;
    if (value === 'Infinity')
        return Infinity;
    if (value === '-Infinity')
        return -Infinity;
    if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
        return Number(value);
    fail(path, `expected a number, got ${json_describe(value)}`);
}
function bytes(value, field, path) {
    if (typeof value !== 'string')
        fail(path, `expected a string, got ${json_describe(value)}`);
    if (value === '')
        return undefined;
    if (HEX_ID_FIELDS.has(field)) {
        const size = ID_BYTES[field];
        if (value.length === size * 2 && /^[0-9a-fA-F]+$/.test(value))
            return Buffer.from(value, 'hex').toString('base64');
        // Not OTLP/JSON, but some exporters send the protobuf JSON mapping's base64; accept it when unambiguous.
        const decoded = /^[A-Za-z0-9+/_-]+={0,2}$/.test(value) ? Buffer.from(value, 'base64') : undefined;
        if (decoded?.length === size)
            return decoded.toString('base64');
        fail(path, `expected ${size * 2} hex digits, got ${json_describe(value)}`);
    }
    if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(value))
        fail(path, 'expected base64');
    return Buffer.from(value, 'base64').toString('base64');
}
function enumValue(value, type, path) {
    if (value instanceof JsonNumber || typeof value === 'number') {
        const n = typeof value === 'number' ? value : value.value;
        if (!Number.isInteger(n))
            fail(path, `expected an enum number, got ${json_describe(value)}`);
        return type.valuesById[n] ?? n;
    }
    if (typeof value === 'string' && value in type.values)
        return value;
    fail(path, `expected one of ${Object.keys(type.values).join(', ')} or its number, got ${json_describe(value)}`);
}
function json_describe(value) {
    if (value instanceof JsonNumber)
        return value.source;
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    if (typeof value === 'object')
        return 'an object';
    const text = JSON.stringify(value) ?? typeof value;
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
function scalar(field, value, path, depth) {
    const resolved = field.resolvedType;
    if (resolved !== null && 'fieldsArray' in resolved)
        return message(resolved, value, path, depth + 1);
    if (resolved !== null)
        return enumValue(value, resolved, path);
    switch (field.type) {
        case 'string':
            if (typeof value !== 'string')
                fail(path, `expected a string, got ${json_describe(value)}`);
            return value;
        case 'bool':
            if (typeof value !== 'boolean')
                fail(path, `expected true or false, got ${json_describe(value)}`);
            return value;
        case 'bytes':
            return bytes(value, field.name, path);
        case 'double':
        case 'float':
            return json_double(value, path);
        case 'fixed64':
        case 'uint64':
            return integer(value, path, 0n, U64_MAX);
        case 'int64':
        case 'sint64':
        case 'sfixed64':
            return integer(value, path, I64_MIN, I64_MAX);
        case 'uint32':
        case 'fixed32':
            return Number(integer(value, path, 0n, 0xffffffffn));
        default:
            return Number(integer(value, path, -(1n << 31n), (1n << 31n) - 1n));
    }
}
function message(type, value, path, depth) {
    if (depth > MAX_DEPTH)
        throw new OtlpDecodeError(`Invalid OpenTelemetry JSON: nested more than ${MAX_DEPTH} levels deep.`);
    if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof JsonNumber) {
        fail(path, `expected an object, got ${json_describe(value)}`);
    }
    const input = value;
    const out = {};
    for (const field of type.fieldsArray) {
        const jsonName = camel(field.name);
        const key = jsonName in input ? jsonName : field.name in input ? field.name : undefined;
        if (key === undefined)
            continue;
        const raw = input[key];
        // Explicit null means "not set" in protobuf's JSON mapping.
        if (raw === null || raw === undefined)
            continue;
        const at = `${path}.${key}`;
        if (field.repeated) {
            if (!Array.isArray(raw))
                fail(at, `expected an array, got ${json_describe(raw)}`);
            out[field.name] = raw.map((item, i) => scalar(field, item, `${at}[${i}]`, depth)).filter((item) => item !== undefined);
        }
        else {
            const decoded = scalar(field, raw, at, depth);
            if (decoded !== undefined)
                out[field.name] = decoded;
        }
    }
    return out;
}
/** Decodes an OTLP/JSON ExportTraceServiceRequest into its normalized form. */
function decodeJsonRequest(text) {
    return message(exportTraceServiceRequest, parseExact(text), '$', 0);
}

;// CONCATENATED MODULE: ./build/src/tracking/otlp/span-json.js


const asObj = (v) => (v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof JsonNumber) ? v : undefined);
// ------------------------------------------------------------------ stored → GetTrace JSON
function anyValueToWire(value) {
    if ('int_value' in value)
        return { int_value: exactInteger(value.int_value) };
    if ('array_value' in value)
        return { array_value: { values: value.array_value.values.map(anyValueToWire) } };
    if ('kvlist_value' in value)
        return { kvlist_value: { values: keyValuesToWire(value.kvlist_value.values) } };
    return value;
}
function keyValuesToWire(list) {
    return list.map((kv) => ({ key: kv.key, value: anyValueToWire(kv.value) }));
}
/** One span as GetTrace answers it; pass the result through `toWireJson` (it drops empty lists). */
function spanToWire(span) {
    return {
        trace_id: span.trace_id,
        span_id: span.span_id,
        trace_state: span.trace_state || undefined,
        parent_span_id: span.parent_span_id || undefined,
        name: span.name,
        kind: span.kind,
        start_time_unix_nano: exactInteger(span.start_time_unix_nano),
        end_time_unix_nano: span.end_time_unix_nano === undefined ? undefined : exactInteger(span.end_time_unix_nano),
        attributes: keyValuesToWire(span.attributes),
        events: span.events.map((e) => ({ time_unix_nano: exactInteger(e.time_unix_nano), name: e.name, attributes: keyValuesToWire(e.attributes) })),
        status: span.status === undefined ? undefined : { code: span.status.code, message: span.status.message || undefined },
    };
}
// ------------------------------------------------------------------ traces.json → stored form
/** A `traces.json` the server cannot read as spans; the routes answer 4xx naming the file. */
class SpanFileError extends Error {
    constructor(message) {
        super(message);
        this.name = 'SpanFileError';
    }
}
const span_json_INT64 = /^-?\d+$/;
const I64_LIMIT = 1n << 63n;
/** Deepest attribute value nesting read from a file, as for OTLP ingestion. */
const MAX_VALUE_DEPTH = 100;
function checkDepth(depth) {
    if (depth > MAX_VALUE_DEPTH)
        throw new SpanFileError(`an attribute value is nested more than ${MAX_VALUE_DEPTH} levels deep.`);
}
/** A decoded JSON value (numbers as JsonNumber) as an OTLP AnyValue; undefined for null. */
function toAnyValue(v, depth = 0) {
    checkDepth(depth);
    if (v === null || v === undefined)
        return undefined;
    if (typeof v === 'string')
        return { string_value: v };
    if (typeof v === 'boolean')
        return { bool_value: v };
    if (v instanceof JsonNumber) {
        if (span_json_INT64.test(v.source)) {
            const n = BigInt(v.source);
            if (n >= -I64_LIMIT && n < I64_LIMIT)
                return { int_value: n.toString() };
        }
        return { double_value: v.value };
    }
    if (Array.isArray(v))
        return { array_value: { values: v.map((item) => toAnyValue(item, depth + 1)).filter((x) => x !== undefined) } };
    const o = v;
    return { kvlist_value: { values: objectToKeyValues(o, false, depth + 1) } };
}
function objectToKeyValues(o, encoded, depth = 0) {
    const out = [];
    for (const [key, raw] of Object.entries(o)) {
        const value = toAnyValue(encoded ? decodeEncoded(raw) : raw, depth);
        if (value !== undefined)
            out.push({ key, value });
    }
    return out;
}
/** Python's attribute encoding: the value is JSON text; anything that is not stays a plain string. */
function decodeEncoded(raw) {
    if (typeof raw !== 'string')
        return raw;
    try {
        return parseJsonExact(raw);
    }
    catch {
        return raw;
    }
}
function parsesAsJson(raw) {
    try {
        JSON.parse(raw);
        return true;
    }
    catch {
        return false;
    }
}
/** Attributes already in OTLP form (`[{key, value: {string_value: ...}}]`), e.g. a saved GetTrace answer. */
function otlpKeyValues(list, depth = 0) {
    const out = [];
    for (const item of list) {
        const kv = asObj(item);
        const value = otlpAnyValue(kv?.value, depth);
        if (kv && typeof kv.key === 'string' && value !== undefined)
            out.push({ key: kv.key, value });
    }
    return out;
}
function otlpAnyValue(v, depth = 0) {
    checkDepth(depth);
    const o = asObj(v);
    if (!o)
        return undefined;
    if (typeof o.string_value === 'string')
        return { string_value: o.string_value };
    if (typeof o.bool_value === 'boolean')
        return { bool_value: o.bool_value };
    if (o.int_value instanceof JsonNumber || typeof o.int_value === 'string') {
        const text = o.int_value instanceof JsonNumber ? o.int_value.source : o.int_value;
        return span_json_INT64.test(text) ? { int_value: BigInt(text).toString() } : undefined;
    }
    if (o.double_value instanceof JsonNumber)
        return { double_value: o.double_value.value };
    if (typeof o.bytes_value === 'string')
        return { bytes_value: o.bytes_value };
    const array = asObj(o.array_value);
    if (array && Array.isArray(array.values)) {
        return { array_value: { values: array.values.map((item) => otlpAnyValue(item, depth + 1)).filter((x) => x !== undefined) } };
    }
    const kvlist = asObj(o.kvlist_value);
    if (kvlist && Array.isArray(kvlist.values))
        return { kvlist_value: { values: otlpKeyValues(kvlist.values, depth + 1) } };
    return undefined;
}
/** Ids as base64 (MLflow's stored form) from base64, hex, or an MLflow `tr-<hex>` trace id. */
function idToBase64(v, size, what, where) {
    if (v === null || v === undefined || v === '')
        return undefined;
    if (typeof v !== 'string')
        throw new SpanFileError(`${where}: ${what} must be a string.`);
    const text = v.startsWith('tr-') ? v.slice(3) : v;
    if (text.length === size * 2 && /^[0-9a-fA-F]+$/.test(text))
        return Buffer.from(text, 'hex').toString('base64');
    const bytes = /^[A-Za-z0-9+/_-]+={0,2}$/.test(text) ? Buffer.from(text, 'base64') : undefined;
    if (bytes?.length !== size)
        throw new SpanFileError(`${where}: ${what} ${JSON.stringify(v).slice(0, 60)} is not a ${size}-byte id in base64 or hex.`);
    return bytes.toString('base64');
}
function span_json_nanos(v, what, where) {
    if (v === null || v === undefined)
        return undefined;
    const text = v instanceof JsonNumber ? v.source : typeof v === 'string' ? v : undefined;
    if (text !== undefined && /^\d+$/.test(text))
        return BigInt(text).toString();
    // Some writers emit float nanoseconds (1.7e18); the digits before rounding are lost there already.
    if (v instanceof JsonNumber && Number.isFinite(v.value) && v.value >= 0)
        return BigInt(Math.round(v.value)).toString();
    throw new SpanFileError(`${where}: ${what} must be a non-negative integer of nanoseconds.`);
}
const STATUS_NAMES = {
    STATUS_CODE_UNSET: 'STATUS_CODE_UNSET',
    STATUS_CODE_OK: 'STATUS_CODE_OK',
    STATUS_CODE_ERROR: 'STATUS_CODE_ERROR',
    UNSET: 'STATUS_CODE_UNSET',
    OK: 'STATUS_CODE_OK',
    ERROR: 'STATUS_CODE_ERROR',
    '0': 'STATUS_CODE_UNSET',
    '1': 'STATUS_CODE_OK',
    '2': 'STATUS_CODE_ERROR',
};
function span_json_status(v) {
    const o = asObj(v);
    if (!o)
        return undefined;
    const codeText = o.code instanceof JsonNumber ? o.code.source : typeof o.code === 'string' ? o.code : 'STATUS_CODE_UNSET';
    const message = typeof o.message === 'string' && o.message !== '' ? o.message : undefined;
    return { code: STATUS_NAMES[codeText] ?? 'STATUS_CODE_UNSET', ...(message ? { message } : {}) };
}
/** The spans of a `traces.json` (`{"spans": [...]}`), from the Python or the TypeScript SDK. */
function spansFromTracesJson(text) {
    let doc;
    try {
        doc = parseJsonExact(text);
    }
    catch (err) {
        throw new SpanFileError(`traces.json is not valid JSON (${err.message}).`);
    }
    const spans = asObj(doc)?.spans;
    if (!Array.isArray(spans))
        throw new SpanFileError('traces.json has no "spans" list.');
    const objects = spans.map((s, i) => {
        const o = asObj(s);
        if (!o)
            throw new SpanFileError(`traces.json spans[${i}] is not an object.`);
        return o;
    });
    // Python encodes every span attribute value as JSON text; the TS SDK writes raw values. A file is
    // one or the other, so decide once: encoded only if every value is a string that parses as JSON.
    const encoded = objects.every((o) => {
        const attrs = asObj(o.attributes);
        return attrs === undefined || Object.values(attrs).every((v) => typeof v === 'string' && parsesAsJson(v));
    });
    return objects.map((o, i) => {
        const where = `traces.json spans[${i}]`;
        const traceId = idToBase64(o.otel_trace_id ?? o.trace_id, 16, 'trace_id', where);
        const spanId = idToBase64(o.span_id, 8, 'span_id', where);
        if (traceId === undefined || spanId === undefined)
            throw new SpanFileError(`${where}: trace_id and span_id are required.`);
        const attrs = o.attributes;
        const record = {
            trace_id: traceId,
            span_id: spanId,
            name: typeof o.name === 'string' ? o.name : '',
            start_time_unix_nano: span_json_nanos(o.start_time_unix_nano, 'start_time_unix_nano', where) ?? '0',
            attributes: Array.isArray(attrs) ? otlpKeyValues(attrs) : objectToKeyValues(asObj(attrs) ?? {}, encoded),
            events: (Array.isArray(o.events) ? o.events : []).map((e, j) => {
                const event = asObj(e) ?? {};
                const eventAttrs = event.attributes;
                return {
                    name: typeof event.name === 'string' ? event.name : '',
                    time_unix_nano: span_json_nanos(event.time_unix_nano, `events[${j}].time_unix_nano`, where) ?? '0',
                    attributes: Array.isArray(eventAttrs) ? otlpKeyValues(eventAttrs) : objectToKeyValues(asObj(eventAttrs) ?? {}, false),
                };
            }),
            status: span_json_status(o.status),
        };
        const parent = idToBase64(o.parent_span_id, 8, 'parent_span_id', where);
        if (parent !== undefined)
            record.parent_span_id = parent;
        const end = span_json_nanos(o.end_time_unix_nano, 'end_time_unix_nano', where);
        if (end !== undefined && end !== '0')
            record.end_time_unix_nano = end;
        return record;
    });
}
// ------------------------------------------------------------------ stored → Python traces.json
function plainValue(value) {
    if ('string_value' in value)
        return value.string_value;
    if ('bool_value' in value)
        return value.bool_value;
    if ('int_value' in value)
        return exactInteger(value.int_value);
    // Python's json.dumps would write NaN/Infinity, which no JSON parser reads back; null is honest.
    if ('double_value' in value)
        return Number.isFinite(value.double_value) ? value.double_value : null;
    if ('bytes_value' in value)
        return value.bytes_value;
    if ('array_value' in value)
        return value.array_value.values.map(plainValue);
    return Object.fromEntries(value.kvlist_value.values.map((kv) => [kv.key, plainValue(kv.value)]));
}
/** Stored spans as the Python SDK's `traces.json` (`{"spans": [span.to_dict()...]}`). */
function spansToTracesJson(spans) {
    return JSON.stringify({
        spans: spans.map((s) => ({
            trace_id: s.trace_id,
            span_id: s.span_id,
            parent_span_id: s.parent_span_id ?? null,
            name: s.name,
            start_time_unix_nano: exactInteger(s.start_time_unix_nano),
            end_time_unix_nano: s.end_time_unix_nano === undefined ? null : exactInteger(s.end_time_unix_nano),
            events: s.events.map((e) => ({
                name: e.name,
                time_unix_nano: exactInteger(e.time_unix_nano),
                attributes: Object.fromEntries(e.attributes.map((kv) => [kv.key, plainValue(kv.value)])),
            })),
            status: { code: s.status?.code ?? 'STATUS_CODE_UNSET', message: s.status?.message ?? '' },
            attributes: Object.fromEntries(s.attributes.map((kv) => [kv.key, JSON.stringify(plainValue(kv.value))])),
        })),
    });
}

;// CONCATENATED MODULE: ./build/src/tracking/trace-wire.js
/**
 * Request schemas for the trace API (wire reference §6.1), in zod, with the encodings of
 * MLflow's proto-JSON for traces: `request_time` and assessment times are
 * google.protobuf.Timestamp (RFC 3339 text, read here into epoch ms), `execution_duration` is a
 * google.protobuf.Duration ("0.191s", read into ms), metadata and tags are proto maps (JSON
 * objects), enums by name or number, unknown fields dropped.
 */


const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?([Zz]|([+-])(\d{2}):(\d{2}))$/;
/** RFC 3339 text to epoch ms (sub-millisecond digits truncated, as protobuf's ToMilliseconds does). */
function parseTimestamp(text) {
    const m = RFC3339.exec(text);
    if (!m)
        return undefined;
    const [, y, mo, d, h, mi, s, frac, zone, sign, oh, om] = m;
    const month = Number(mo);
    const day = Number(d);
    if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 60)
        return undefined;
    let ms = Date.UTC(Number(y), month - 1, day, Number(h), Number(mi), Number(s), Number((frac ?? '').padEnd(3, '0').slice(0, 3)));
    if (zone !== 'Z' && zone !== 'z')
        ms -= (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) * 60_000;
    return Number.isFinite(ms) ? ms : undefined;
}
/** Epoch ms as protobuf writes a Timestamp: UTC, and no fraction for a whole second. */
function formatTimestamp(ms) {
    return new Date(ms).toISOString().replace('.000Z', 'Z');
}
const DURATION = /^(-)?(\d+)(?:\.(\d{1,9}))?s$/;
/** "0.191s" to ms, truncated like protobuf's Duration.ToMilliseconds. */
function parseDuration(text) {
    const m = DURATION.exec(text);
    if (!m)
        return undefined;
    const ms = Number(m[2]) * 1000 + Number((m[3] ?? '').padEnd(3, '0').slice(0, 3));
    return m[1] ? -ms : ms;
}
/** ms as protobuf writes a Duration: "0s", "1s", "0.191s" (3 fractional digits when needed). */
function formatDuration(ms) {
    const whole = Math.trunc(ms);
    const sign = whole < 0 ? '-' : '';
    const abs = Math.abs(whole);
    const seconds = Math.floor(abs / 1000);
    const rest = abs % 1000;
    return rest === 0 ? `${sign}${seconds}s` : `${sign}${seconds}.${String(rest).padStart(3, '0')}s`;
}
const timestamp = schemas.string().transform((v, ctx) => {
    const ms = parseTimestamp(v);
    if (ms === undefined) {
        ctx.addIssue({ code: 'custom', message: 'must be an RFC 3339 timestamp like "2026-11-23T15:30:54.522Z"' });
        return core/* NEVER */.tm;
    }
    return ms;
});
const duration = schemas.string().transform((v, ctx) => {
    const ms = parseDuration(v);
    if (ms === undefined) {
        ctx.addIssue({ code: 'custom', message: 'must be a duration in seconds like "0.191s"' });
        return core/* NEVER */.tm;
    }
    return ms;
});
/** Enum by name or proto number. */
function trace_wire_protoEnum(names) {
    return schemas.union([schemas.string(), schemas.number().int()]).transform((v, ctx) => {
        if (typeof v === 'string' && names.includes(v))
            return v;
        const byNumber = typeof v === 'number' || /^\d+$/.test(v) ? names[Number(v)] : undefined;
        if (byNumber === undefined) {
            ctx.addIssue({ code: 'custom', message: `must be one of ${names.join(', ')}` });
            return core/* NEVER */.tm;
        }
        return byNumber;
    });
}
const trace_wire_TRACE_STATES = ['STATE_UNSPECIFIED', 'OK', 'ERROR', 'IN_PROGRESS'];
const traceState = trace_wire_protoEnum(trace_wire_TRACE_STATES);
const locationType = trace_wire_protoEnum(['TRACE_LOCATION_TYPE_UNSPECIFIED', 'MLFLOW_EXPERIMENT', 'INFERENCE_TABLE']);
const trace_wire_SOURCE_TYPES = ['SOURCE_TYPE_UNSPECIFIED', 'HUMAN', 'LLM_JUDGE', 'CODE'];
const sourceType = trace_wire_protoEnum(trace_wire_SOURCE_TYPES);
/** A proto map<string,string>: a JSON object; a list of {key, value} is accepted too. */
const stringMap = schemas.union([
    schemas.record(schemas.string(), str),
    schemas.array(keyValue).transform((list) => Object.fromEntries(list.map((kv) => [kv.key, kv.value]))),
]);
/** Query strings from the Python client carry Python's spelling ("False"); accept any case. */
const looseBool = schemas.union([bool, schemas.string().regex(/^(true|false)$/i, 'must be true or false').transform((v) => v.toLowerCase() === 'true')]);
const traceLocation = schemas.object({
    type: locationType.optional(),
    mlflow_experiment: schemas.object({ experiment_id: str.optional() }).optional(),
});
const assessmentError = schemas.object({
    error_code: schemas.string().optional(),
    error_message: schemas.string().optional(),
    stack_trace: schemas.string().optional(),
});
const assessmentInput = schemas.object({
    assessment_name: schemas.string().optional(),
    trace_id: schemas.string().optional(),
    span_id: schemas.string().optional(),
    source: schemas.object({ source_type: sourceType.optional(), source_id: schemas.string().optional() }).optional(),
    // google.protobuf.Value: any JSON, null included (a key present with null stays null).
    feedback: schemas.object({ value: schemas.unknown().optional(), error: assessmentError.optional() }).optional(),
    expectation: schemas.object({
        value: schemas.unknown().optional(),
        serialized_value: schemas.object({ serialization_format: schemas.string(), value: schemas.string() }).optional(),
    })
        .optional(),
    rationale: schemas.string().optional(),
    metadata: stringMap.optional(),
    overrides: schemas.string().optional(),
    valid: bool.optional(),
});
const traceInfoInput = schemas.object({
    trace_id: schemas.string().optional(),
    client_request_id: schemas.string().optional(),
    trace_location: traceLocation.optional(),
    request_preview: schemas.string().optional(),
    response_preview: schemas.string().optional(),
    request_time: timestamp.optional(),
    execution_duration: duration.optional(),
    state: traceState.optional(),
    trace_metadata: stringMap.optional(),
    tags: stringMap.optional(),
    assessments: schemas.array(assessmentInput).optional(),
});
const traceIdPath = { trace_id: schemas.string() };
const traceSchemas = {
    startTraceV3: schemas.object({ trace: schemas.object({ trace_info: traceInfoInput.optional() }).optional() }),
    traceIdPath: schemas.object(traceIdPath),
    getTrace: schemas.object({ trace_id: schemas.string().optional(), allow_partial: looseBool.optional() }),
    traceIds: schemas.object({ trace_ids: repeated(schemas.string()) }),
    searchTraces: schemas.object({
        locations: schemas.array(traceLocation).optional(),
        // Older clients (and the v2 search) name experiments directly.
        experiment_ids: repeated(str),
        filter: schemas.string().optional(),
        max_results: int64.optional(),
        order_by: repeated(schemas.string()),
        page_token: schemas.string().optional(),
    }),
    deleteTraces: schemas.object({
        experiment_id: str.optional(),
        max_timestamp_millis: int64.optional(),
        max_traces: int64.optional(),
        request_ids: repeated(schemas.string()),
        trace_ids: repeated(schemas.string()),
    }),
    setTraceTag: schemas.object({ ...traceIdPath, key: str.optional(), value: str.optional() }),
    deleteTraceTag: schemas.object({ ...traceIdPath, key: str.optional() }),
    linkTracesToRun: schemas.object({ trace_ids: repeated(schemas.string()), run_id: schemas.string().optional() }),
    createAssessment: schemas.object({ ...traceIdPath, assessment: assessmentInput.optional() }),
    assessmentPath: schemas.object({ ...traceIdPath, assessment_id: schemas.string() }),
    updateAssessment: schemas.object({
        ...traceIdPath,
        assessment_id: schemas.string(),
        assessment: assessmentInput.optional(),
        // google.protobuf.FieldMask: "a,b" in JSON (camelCase paths); the {paths: []} message form is accepted too.
        update_mask: schemas.union([schemas.string(), schemas.object({ paths: schemas.array(schemas.string()) }).transform((m) => m.paths.join(','))]).optional(),
    }),
    traceMetrics: schemas.object({
        experiment_ids: repeated(str),
        view_type: schemas["enum"](['TRACES', 'SPANS']).optional(),
        group_by: repeated(schemas["enum"](['trace.name', 'trace.status', 'span.name', 'span.type', 'span.status'])),
        filter: schemas.string().optional(),
        start_time_ms: int64.optional(),
        end_time_ms: int64.optional(),
        time_bucket_ms: int64.optional(),
    }),
    traceArtifact: schemas.object({ request_id: schemas.string().optional(), trace_id: schemas.string().optional() }),
};

;// CONCATENATED MODULE: ./build/src/tracking/routes/traces.js






const SPANS_LOCATION_TAG = 'mlflow.trace.spansLocation';
const traces_ARTIFACT_LOCATION_TAG = 'mlflow.artifactLocation';
const SIZE_STATS_METADATA = 'mlflow.trace.sizeStats';
/** MLflow's `SearchTracesV3` page-size bounds. */
const SEARCH_MAX_RESULTS = 500;
const SEARCH_DEFAULT_MAX_RESULTS = 100;
/** MLflow's cap on `link-to-run`: at most 100 trace ids per call. */
const LINK_MAX_TRACES = 100;
/** A `traces.json` larger than this is not read into memory (OTLP bodies are capped at 64 MiB too). */
const TRACE_FILE_LIMIT = 64 * 1024 * 1024;
// ------------------------------------------------------------------ wire encodings
const emptyToUndefined = (map) => map === undefined || Object.keys(map).length === 0 ? undefined : map;
function assessmentToWire(a) {
    return {
        assessment_id: a.assessment_id,
        assessment_name: a.assessment_name,
        trace_id: a.trace_id,
        span_id: a.span_id || undefined,
        source: a.source,
        create_time: formatTimestamp(a.create_time_ms),
        last_update_time: formatTimestamp(a.last_update_time_ms),
        feedback: a.feedback && { ...a.feedback, value: verbatim(a.feedback.value) },
        expectation: a.expectation && { ...a.expectation, value: verbatim(a.expectation.value) },
        rationale: a.rationale,
        metadata: emptyToUndefined(a.metadata),
        overrides: a.overrides,
        valid: a.valid,
    };
}
/** TraceInfoV3 as MLflow writes it: Timestamp/Duration text, maps omitted when empty. */
function traceInfoToWire(info) {
    return {
        trace_id: info.trace_id,
        client_request_id: info.client_request_id,
        trace_location: { type: 'MLFLOW_EXPERIMENT', mlflow_experiment: { experiment_id: info.experiment_id } },
        request_preview: info.request_preview,
        response_preview: info.response_preview,
        request_time: formatTimestamp(info.request_time),
        execution_duration: info.execution_duration_ms === undefined ? undefined : formatDuration(info.execution_duration_ms),
        state: info.state,
        trace_metadata: emptyToUndefined(info.trace_metadata),
        tags: emptyToUndefined(info.tags),
        assessments: info.assessments.map(assessmentToWire),
    };
}
// ------------------------------------------------------------------ spans
/** Where a trace's `traces.json` is inside the artifacts destination; undefined when not served here. */
function traceFilePath(info) {
    const location = info.tags[traces_ARTIFACT_LOCATION_TAG];
    const match = location === undefined ? null : /^mlflow-artifacts:(.*)$/i.exec(location);
    if (!match)
        return undefined;
    let rest = match[1];
    // `mlflow-artifacts://host:port/<path>` names a server; only the path counts here.
    if (rest.startsWith('//')) {
        const slash = rest.indexOf('/', 2);
        rest = slash === -1 ? '' : rest.slice(slash);
    }
    const dir = normalizeArtifactPath(rest.replace(/^\/+/, ''));
    return dir === '' ? 'traces.json' : `${dir}/traces.json`;
}
const spansInDatabase = (info) => info.tags[SPANS_LOCATION_TAG] === 'TRACKING_STORE';
/** The span count the client reported in `mlflow.trace.sizeStats`, when it did. */
function expectedSpanCount(info) {
    const stats = info.trace_metadata[SIZE_STATS_METADATA];
    if (stats === undefined)
        return undefined;
    try {
        const n = JSON.parse(stats).num_spans;
        return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : undefined;
    }
    catch {
        return undefined;
    }
}
function traceRoutes(app, options) {
    const { store, repository } = options;
    const traces = store.traces;
    const retryDelays = options.incompleteTraceRetryDelaysMs ?? [1000, 2000];
    async function readTraceFile(info) {
        const rel = traceFilePath(info);
        if (rel === undefined) {
            return `its spans were not sent over OTLP, and its artifact location '${info.tags[traces_ARTIFACT_LOCATION_TAG] ?? '(none)'}' is not served by this server`;
        }
        let opened;
        try {
            opened = await repository.openRead(rel);
        }
        catch (err) {
            if (err instanceof errors/* MlflowError */.mF && err.code === 'RESOURCE_DOES_NOT_EXIST')
                return 'its spans have not arrived yet (neither over OTLP nor as traces.json)';
            throw err;
        }
        if (opened.size > TRACE_FILE_LIMIT) {
            opened.stream.destroy();
            throw new errors/* MlflowError */.mF('INVALID_STATE', `The traces.json of trace '${info.trace_id}' is ${opened.size} bytes, more than the ${TRACE_FILE_LIMIT / 1024 / 1024} MiB this server reads. Download it from the artifact store instead.`);
        }
        const chunks = [];
        for await (const chunk of opened.stream)
            chunks.push(chunk);
        return Buffer.concat(chunks);
    }
    async function loadSpans(info) {
        if (spansInDatabase(info))
            return { spans: await traces.getSpans(info.trace_id) };
        const file = await readTraceFile(info);
        if (typeof file === 'string')
            return { missing: file };
        try {
            return { spans: spansFromTracesJson(file.toString('utf8')) };
        }
        catch (err) {
            if (err instanceof SpanFileError) {
                throw new errors/* MlflowError */.mF('INVALID_STATE', `The uploaded traces.json of trace '${info.trace_id}' cannot be read: ${err.message} Upload it again in the MLflow span format.`);
            }
            throw err;
        }
    }
    /** Info and spans, waiting briefly (as MLflow does) for spans still in flight unless partial reads are fine. */
    async function getFullTrace(traceId, allowPartial) {
        for (let attempt = 0;; attempt++) {
            const info = await traces.getTraceInfo(traceId);
            const load = await loadSpans(info);
            const expected = expectedSpanCount(info);
            const incomplete = 'missing' in load || (spansInDatabase(info) && expected !== undefined && load.spans.length < expected);
            if (!incomplete || allowPartial)
                return { info, spans: 'spans' in load ? load.spans : [] };
            const delay = retryDelays[attempt];
            if (delay === undefined) {
                const why = 'missing' in load ? load.missing : `${load.spans.length} of its ${expected} spans have arrived`;
                throw (0,errors/* notFound */.mX)(`Trace with ID ${traceId} is not fully exported yet, please try again later (${why}). Pass allow_partial=true to read what has arrived.`);
            }
            await (0,external_node_timers_promises_.setTimeout)(delay);
        }
    }
    /** For batch reads: whatever spans are available, none when they cannot be read. */
    async function availableSpans(info) {
        try {
            const load = await loadSpans(info);
            return 'spans' in load ? load.spans : [];
        }
        catch (err) {
            if (err instanceof errors/* MlflowError */.mF && err.status < 500)
                return [];
            throw err;
        }
    }
    const traceToWire = (info, spans) => ({ trace_info: traceInfoToWire(info), spans: spans.map(spanToWire) });
    async function infosInRequestOrder(ids) {
        const found = await traces.getTraceInfos([...new Set(ids)]);
        const byId = new Map(found.map((info) => [info.trace_id, info]));
        return [...new Set(ids)].flatMap((id) => byId.get(id) ?? []);
    }
    // ---------------------------------------------------------------- trace info
    apiRoute(app, {
        method: 'POST',
        path: '/mlflow/traces',
        versions: ['3.0'],
        schema: traceSchemas.startTraceV3,
        handler: async (b) => {
            const input = required(b.trace?.trace_info, 'trace.trace_info');
            const location = input.trace_location;
            if (location?.type !== undefined && location.type !== 'MLFLOW_EXPERIMENT') {
                throw (0,errors/* invalidParam */.$L)(`Trace location type '${location.type}' is not supported by this server; use MLFLOW_EXPERIMENT with mlflow_experiment.experiment_id.`);
            }
            const info = await traces.startTrace({
                trace_id: required(input.trace_id, 'trace_id'),
                client_request_id: input.client_request_id,
                experiment_id: required(location?.mlflow_experiment?.experiment_id, 'trace_location.mlflow_experiment.experiment_id'),
                request_preview: input.request_preview,
                response_preview: input.response_preview,
                request_time: required(input.request_time, 'request_time'),
                execution_duration_ms: input.execution_duration,
                state: input.state ?? 'STATE_UNSPECIFIED',
                trace_metadata: input.trace_metadata ?? {},
                tags: input.tags ?? {},
                // Assessments are created through their own endpoint; StartTraceV3 ignores them as MLflow does.
                assessments: [],
            });
            return { trace: { trace_info: traceInfoToWire(info) } };
        },
    });
    // Static paths (get, batchGet, search, ...) win over `:trace_id` in the router, as in MLflow.
    apiRoute(app, {
        method: 'GET',
        path: '/mlflow/traces/:trace_id',
        versions: ['3.0'],
        schema: traceSchemas.traceIdPath,
        handler: async (q) => ({ trace: { trace_info: traceInfoToWire(await traces.getTraceInfo(q.trace_id)) } }),
    });
    apiRoute(app, {
        method: 'GET',
        path: '/mlflow/traces/get',
        versions: ['3.0'],
        schema: traceSchemas.getTrace,
        handler: async (q) => {
            const { info, spans } = await getFullTrace(required(q.trace_id, 'trace_id'), q.allow_partial ?? false);
            return { trace: traceToWire(info, spans) };
        },
    });
    apiRoute(app, {
        method: 'GET',
        path: '/mlflow/traces/batchGet',
        versions: ['3.0'],
        schema: traceSchemas.traceIds,
        handler: async (q) => {
            const infos = await infosInRequestOrder(q.trace_ids ?? []);
            return { traces: await Promise.all(infos.map(async (info) => traceToWire(info, await availableSpans(info)))) };
        },
    });
    apiRoute(app, {
        method: 'POST',
        path: '/mlflow/traces/batchGetInfos',
        versions: ['3.0'],
        schema: traceSchemas.traceIds,
        handler: async (b) => ({ trace_infos: (await infosInRequestOrder(b.trace_ids ?? [])).map(traceInfoToWire) }),
    });
    apiRoute(app, {
        method: 'POST',
        path: '/mlflow/traces/search',
        versions: ['3.0'],
        schema: traceSchemas.searchTraces,
        handler: async (b) => {
            const experimentIds = [...(b.experiment_ids ?? [])];
            for (const location of b.locations ?? []) {
                if (location.type !== 'MLFLOW_EXPERIMENT') {
                    throw (0,errors/* invalidParam */.$L)(`Trace location type '${location.type ?? 'TRACE_LOCATION_TYPE_UNSPECIFIED'}' is not supported by this server; search MLFLOW_EXPERIMENT locations.`);
                }
                experimentIds.push(required(location.mlflow_experiment?.experiment_id, 'locations.mlflow_experiment.experiment_id'));
            }
            if (experimentIds.length === 0) {
                throw (0,errors/* invalidParam */.$L)(`Missing value for required parameter 'locations'. Name at least one experiment: {"locations": [{"type": "MLFLOW_EXPERIMENT", "mlflow_experiment": {"experiment_id": "1"}}]}.`);
            }
            const maxResults = b.max_results ?? SEARCH_DEFAULT_MAX_RESULTS;
            if (maxResults < 1 || maxResults > SEARCH_MAX_RESULTS) {
                throw (0,errors/* invalidParam */.$L)(`Invalid value ${maxResults} for parameter 'max_results' supplied: it must be between 1 and ${SEARCH_MAX_RESULTS}. Page through larger results with page_token.`);
            }
            const page = await traces.searchTraces({
                experimentIds: [...new Set(experimentIds)],
                filter: b.filter,
                orderBy: b.order_by,
                maxResults,
                pageToken: b.page_token || undefined,
            });
            return { traces: page.items.map(traceInfoToWire), next_page_token: page.nextPageToken };
        },
    });
    apiRoute(app, {
        method: 'POST',
        path: '/mlflow/traces/delete-traces',
        versions: ['2.0', '3.0'],
        schema: traceSchemas.deleteTraces,
        handler: async (b) => {
            const experimentId = required(b.experiment_id, 'experiment_id');
            const ids = [...(b.request_ids ?? []), ...(b.trace_ids ?? [])];
            const byTime = b.max_timestamp_millis !== undefined;
            if (byTime === ids.length > 0) {
                throw (0,errors/* invalidParam */.$L)('Exactly one of max_timestamp_millis and request_ids must be specified: delete traces older than a time, or name them.');
            }
            if (b.max_traces !== undefined && !byTime)
                throw (0,errors/* invalidParam */.$L)('max_traces can only be used together with max_timestamp_millis.');
            if (b.max_traces !== undefined && b.max_traces < 1)
                throw (0,errors/* invalidParam */.$L)(`Invalid value ${b.max_traces} for parameter 'max_traces' supplied: it must be at least 1.`);
            const deleted = await traces.deleteTraces({ experimentId, maxTimestampMillis: b.max_timestamp_millis, maxTraces: b.max_traces, traceIds: byTime ? undefined : ids });
            return { traces_deleted: deleted };
        },
    });
    // ---------------------------------------------------------------- tags and runs
    const setTag = async (traceId, key, value) => {
        await traces.setTraceTag(traceId, { key: required(key, 'key'), value: value ?? '' });
    };
    const deleteTag = async (traceId, key) => {
        await traces.deleteTraceTag(traceId, required(key, 'key'));
    };
    apiRoute(app, {
        method: 'PATCH',
        path: '/mlflow/traces/:trace_id/tags',
        versions: ['3.0'],
        schema: traceSchemas.setTraceTag,
        handler: async (b) => setTag(b.trace_id, b.key, b.value),
    });
    apiRoute(app, {
        method: 'DELETE',
        path: '/mlflow/traces/:trace_id/tags',
        versions: ['3.0'],
        schema: traceSchemas.deleteTraceTag,
        handler: async (b) => deleteTag(b.trace_id, b.key),
    });
    // The 3.11 Python client still sets and deletes trace tags through the v2 paths (transcript #227-228).
    apiRoute(app, {
        method: 'PATCH',
        path: '/mlflow/traces/:request_id/tags',
        schema: traceSchemas.setTraceTag.omit({ trace_id: true }).extend({ request_id: traceSchemas.setTraceTag.shape.trace_id }),
        handler: async (b) => setTag(b.request_id, b.key, b.value),
    });
    apiRoute(app, {
        method: 'DELETE',
        path: '/mlflow/traces/:request_id/tags',
        schema: traceSchemas.deleteTraceTag.omit({ trace_id: true }).extend({ request_id: traceSchemas.deleteTraceTag.shape.trace_id }),
        handler: async (b) => deleteTag(b.request_id, b.key),
    });
    apiRoute(app, {
        method: 'POST',
        path: '/mlflow/traces/link-to-run',
        schema: traceSchemas.linkTracesToRun,
        handler: async (b) => {
            const ids = b.trace_ids ?? [];
            if (ids.length === 0)
                throw (0,errors/* invalidParam */.$L)(`Missing value for required parameter 'trace_ids'. See the API docs for more information about request parameters.`);
            if (ids.length > LINK_MAX_TRACES)
                throw (0,errors/* invalidParam */.$L)(`Cannot link more than ${LINK_MAX_TRACES} traces to a run in one request (got ${ids.length}). Split the request.`);
            await traces.linkTracesToRun([...new Set(ids)], required(b.run_id, 'run_id'));
        },
    });
    // ---------------------------------------------------------------- assessments
    apiRoute(app, {
        method: 'POST',
        path: '/mlflow/traces/:trace_id/assessments',
        versions: ['3.0'],
        schema: traceSchemas.createAssessment,
        handler: async (b) => {
            const a = required(b.assessment, 'assessment');
            const kinds = [a.feedback, a.expectation].filter((x) => x !== undefined).length;
            if (kinds !== 1)
                throw (0,errors/* invalidParam */.$L)('An assessment needs exactly one of feedback or expectation.');
            const source = required(a.source, 'assessment.source');
            const created = await traces.createAssessment({
                assessment_name: required(a.assessment_name, 'assessment.assessment_name'),
                trace_id: b.trace_id,
                span_id: a.span_id || undefined,
                source: { source_type: required(source.source_type, 'assessment.source.source_type'), source_id: required(source.source_id, 'assessment.source.source_id') },
                feedback: a.feedback,
                expectation: a.expectation,
                rationale: a.rationale,
                metadata: a.metadata,
                overrides: a.overrides,
                valid: a.valid,
            });
            return { assessment: assessmentToWire(created) };
        },
    });
    apiRoute(app, {
        method: 'GET',
        path: '/mlflow/traces/:trace_id/assessments/:assessment_id',
        versions: ['3.0'],
        schema: traceSchemas.assessmentPath,
        handler: async (q) => ({ assessment: assessmentToWire(await traces.getAssessment(q.trace_id, q.assessment_id)) }),
    });
    apiRoute(app, {
        method: 'PATCH',
        path: '/mlflow/traces/:trace_id/assessments/:assessment_id',
        versions: ['3.0'],
        schema: traceSchemas.updateAssessment,
        handler: async (b) => {
            const a = required(b.assessment, 'assessment');
            const mask = parseUpdateMask(required(b.update_mask, 'update_mask'));
            const updated = await traces.updateAssessment(b.trace_id, b.assessment_id, assessmentUpdate(a, mask), mask);
            return { assessment: assessmentToWire(updated) };
        },
    });
    apiRoute(app, {
        method: 'DELETE',
        path: '/mlflow/traces/:trace_id/assessments/:assessment_id',
        versions: ['3.0'],
        schema: traceSchemas.assessmentPath,
        handler: async (b) => {
            await traces.deleteAssessment(b.trace_id, b.assessment_id);
        },
    });
    // ---------------------------------------------------------------- analytics
    /**
     * POST /api/3.0/mlflow/traces/metrics: our trace analytics (not MLflow's QueryTraceMetrics shape).
     * Request:
     *   {"experiment_ids": ["1"], "view_type": "TRACES" | "SPANS",
     *    "group_by": ["trace.name" | "trace.status" | "span.name" | "span.type" | "span.status", ...],
     *    "filter": "<search_traces filter>", "start_time_ms": 0, "end_time_ms": 0, "time_bucket_ms": 3600000}
     * Response:
     *   {"rows": [{"group": {"trace.status": "OK"}, "bucket_start_ms": 1795447800000, "count": 3, "error_count": 0,
     *              "latency_ms": {"p50", "p95", "p99", "avg", "max"}, "tokens": {"input", "output", "total"}}]}
     * `bucket_start_ms` only with `time_bucket_ms`; `group` is {} without `group_by`; no rows → {}.
     */
    apiRoute(app, {
        method: 'POST',
        path: '/mlflow/traces/metrics',
        versions: ['3.0'],
        schema: traceSchemas.traceMetrics,
        handler: async (b) => {
            const experimentIds = b.experiment_ids ?? [];
            if (experimentIds.length === 0)
                throw (0,errors/* invalidParam */.$L)(`Missing value for required parameter 'experiment_ids'. See the API docs for more information about request parameters.`);
            if (b.time_bucket_ms !== undefined && b.time_bucket_ms <= 0)
                throw (0,errors/* invalidParam */.$L)(`Invalid value ${b.time_bucket_ms} for parameter 'time_bucket_ms' supplied: it must be a positive number of milliseconds.`);
            if (b.start_time_ms !== undefined && b.end_time_ms !== undefined && b.start_time_ms > b.end_time_ms) {
                throw (0,errors/* invalidParam */.$L)('start_time_ms must not be after end_time_ms.');
            }
            const rows = await traces.queryTraceMetrics({
                experimentIds,
                viewType: b.view_type ?? 'TRACES',
                groupBy: b.group_by,
                filter: b.filter,
                startTimeMs: b.start_time_ms,
                endTimeMs: b.end_time_ms,
                timeBucketMs: b.time_bucket_ms,
            });
            // `group` is a map, `{}` when ungrouped: kept as it is rather than dropped.
            return { rows: rows.map((row) => ({ ...row, group: verbatim(row.group) })) };
        },
    });
    // ---------------------------------------------------------------- UI: traces.json
    for (const version of ['2.0', '3.0']) {
        app.get(`/ajax-api/${version}/mlflow/get-trace-artifact`, async (request, reply) => {
            const q = traceSchemas.traceArtifact.safeParse(request.query);
            const traceId = required(q.success ? q.data.request_id || q.data.trace_id : undefined, 'request_id');
            const info = await traces.getTraceInfo(traceId);
            let body;
            if (spansInDatabase(info))
                body = spansToTracesJson(await traces.getSpans(traceId));
            else {
                const file = await readTraceFile(info);
                if (typeof file === 'string')
                    throw (0,errors/* notFound */.mX)(`Trace data of '${traceId}' is not available: ${file}.`);
                body = file;
            }
            return reply.header('Content-Type', 'application/json').header('Content-Disposition', 'attachment; filename=traces.json').send(body);
        });
    }
}
// ------------------------------------------------------------------ assessment updates
/** Assessment fields an update may name (FieldMask paths, snake_case). */
const UPDATABLE = new Set(['assessment_name', 'feedback', 'expectation', 'rationale', 'metadata', 'valid']);
/** A FieldMask's JSON text ("assessmentName,feedback") as snake_case paths. */
function parseUpdateMask(text) {
    const paths = text
        .split(',')
        .map((p) => p.trim())
        .filter((p) => p !== '')
        .map((p) => p.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
    if (paths.length === 0)
        throw (0,errors/* invalidParam */.$L)(`Missing value for required parameter 'update_mask'. Name the fields to update, e.g. "feedback,rationale".`);
    const unknown = paths.filter((p) => !UPDATABLE.has(p.split('.')[0]));
    if (unknown.length > 0) {
        throw (0,errors/* invalidParam */.$L)(`Invalid value '${text}' for parameter 'update_mask' supplied: cannot update ${unknown.join(', ')}. Updatable fields: ${[...UPDATABLE].join(', ')}.`);
    }
    return [...new Set(paths.map((p) => p.split('.')[0]))];
}
function assessmentUpdate(a, mask) {
    const update = {};
    for (const path of mask) {
        switch (path) {
            case 'assessment_name':
                update.assessment_name = required(a.assessment_name, 'assessment.assessment_name');
                break;
            case 'feedback':
                update.feedback = a.feedback;
                break;
            case 'expectation':
                update.expectation = a.expectation;
                break;
            case 'rationale':
                update.rationale = a.rationale;
                break;
            case 'metadata':
                update.metadata = a.metadata;
                break;
            case 'valid':
                update.valid = a.valid;
                break;
        }
    }
    return update;
}

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
;// CONCATENATED MODULE: ./build/src/tracking/otlp/convert.js
/** A span the server cannot store (bad id, wrong shape); MLflow answers 422 for these. */
class OtlpSpanError extends Error {
    constructor(message) {
        super(message);
        this.name = 'OtlpSpanError';
    }
}
const convert_asObj = (v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v : undefined);
const asList = (v) => (Array.isArray(v) ? v.map((item) => convert_asObj(item) ?? {}) : []);
const asString = (v) => (typeof v === 'string' ? v : undefined);
function id(value, size, what, where, optional) {
    const b64 = asString(value);
    if (b64 === undefined || b64 === '') {
        if (optional)
            return undefined;
        throw new OtlpSpanError(`${where}: ${what} is missing; every span needs a ${size}-byte ${what}.`);
    }
    const raw = Buffer.from(b64, 'base64');
    if (raw.length !== size)
        throw new OtlpSpanError(`${where}: ${what} has ${raw.length} bytes, expected ${size}.`);
    if (raw.every((b) => b === 0)) {
        if (optional)
            return undefined;
        throw new OtlpSpanError(`${where}: ${what} is all zeros, which OpenTelemetry defines as invalid.`);
    }
    return raw.toString('base64');
}
/** Deepest attribute value nesting stored (arrays and kvlists); deeper values are refused, not recursed into. */
const convert_MAX_VALUE_DEPTH = 100;
/** One AnyValue; undefined when no value is set (an empty AnyValue has nothing to store). */
function anyValue(v, depth = 0) {
    if (depth > convert_MAX_VALUE_DEPTH)
        throw new OtlpSpanError(`an attribute value is nested more than ${convert_MAX_VALUE_DEPTH} levels deep.`);
    const o = convert_asObj(v);
    if (o === undefined)
        return undefined;
    if (typeof o.string_value === 'string')
        return { string_value: o.string_value };
    if (typeof o.bool_value === 'boolean')
        return { bool_value: o.bool_value };
    if (typeof o.int_value === 'string')
        return { int_value: o.int_value };
    if (typeof o.double_value === 'number')
        return { double_value: o.double_value };
    if (typeof o.bytes_value === 'string')
        return { bytes_value: o.bytes_value };
    const array = convert_asObj(o.array_value);
    if (array !== undefined) {
        return { array_value: { values: asList(array.values).map((item) => anyValue(item, depth + 1)).filter((x) => x !== undefined) } };
    }
    const kvlist = convert_asObj(o.kvlist_value);
    if (kvlist !== undefined)
        return { kvlist_value: { values: convert_keyValues(kvlist.values, depth + 1) } };
    return undefined;
}
/** Attributes as a map in arrival order: a repeated key keeps its first position and its last value, like a dict. */
function convert_attributeMap(list, depth = 0) {
    const out = new Map();
    for (const kv of asList(list)) {
        const value = anyValue(kv.value, depth);
        if (value !== undefined)
            out.set(asString(kv.key) ?? '', value);
    }
    return out;
}
function convert_keyValues(list, depth = 0) {
    return [...convert_attributeMap(list, depth)].map(([key, value]) => ({ key, value }));
}
/** Python truthiness of the decoded value, which is how MLflow decides an attribute is "present". */
function isTruthy(value) {
    if (value === undefined)
        return false;
    if ('string_value' in value)
        return value.string_value !== '';
    if ('int_value' in value)
        return value.int_value !== '0';
    if ('double_value' in value)
        return value.double_value !== 0 && !Number.isNaN(value.double_value);
    if ('bool_value' in value)
        return value.bool_value;
    if ('bytes_value' in value)
        return value.bytes_value !== '';
    if ('array_value' in value)
        return value.array_value.values.length > 0;
    return value.kvlist_value.values.length > 0;
}
function tokenCount(value) {
    if (value === undefined)
        return undefined;
    let n;
    if ('int_value' in value)
        n = BigInt(value.int_value);
    else if ('double_value' in value && Number.isInteger(value.double_value))
        n = BigInt(value.double_value);
    else if ('string_value' in value && /^\d+$/.test(value.string_value.trim()))
        n = BigInt(value.string_value.trim());
    return n !== undefined && n > 0n ? n : undefined;
}
const GEN_AI_SPAN_TYPES = {
    chat: 'CHAT_MODEL',
    create_agent: 'AGENT',
    embeddings: 'EMBEDDING',
    execute_tool: 'TOOL',
    generate_content: 'LLM',
    invoke_agent: 'AGENT',
    text_completion: 'LLM',
    response: 'LLM',
};
function firstPresent(attrs, keys) {
    for (const key of keys) {
        const value = attrs.get(key);
        if (isTruthy(value))
            return value;
    }
    return undefined;
}
/** GenAI semantic conventions → MLflow keys, added after the span's own attributes. */
function translateGenAi(attrs) {
    const setIfAbsent = (key, value) => {
        if (value !== undefined && !attrs.has(key))
            attrs.set(key, value);
    };
    setIfAbsent('mlflow.spanInputs', firstPresent(attrs, ['gen_ai.input.messages', 'gen_ai.tool.call.arguments']));
    setIfAbsent('mlflow.spanOutputs', firstPresent(attrs, ['gen_ai.output.messages', 'gen_ai.tool.call.result']));
    setIfAbsent('mlflow.llm.model', firstPresent(attrs, ['gen_ai.response.model', 'gen_ai.request.model']));
    setIfAbsent('mlflow.llm.provider', firstPresent(attrs, ['gen_ai.provider.name', 'gen_ai.system']));
    setIfAbsent('mlflow.chat.tools', firstPresent(attrs, ['gen_ai.tool.definitions']));
    const operation = attrs.get('gen_ai.operation.name');
    const spanType = operation !== undefined && 'string_value' in operation ? GEN_AI_SPAN_TYPES[operation.string_value] : undefined;
    if (spanType !== undefined)
        setIfAbsent('mlflow.spanType', { string_value: spanType });
    const input = tokenCount(attrs.get('gen_ai.usage.input_tokens'));
    const output = tokenCount(attrs.get('gen_ai.usage.output_tokens'));
    if (input !== undefined && output !== undefined) {
        const usage = [
            { key: 'input_tokens', value: { int_value: input.toString() } },
            { key: 'output_tokens', value: { int_value: output.toString() } },
            { key: 'total_tokens', value: { int_value: (input + output).toString() } },
        ];
        const cacheRead = tokenCount(attrs.get('gen_ai.usage.cache_read.input_tokens'));
        const cacheCreation = tokenCount(attrs.get('gen_ai.usage.cache_creation.input_tokens'));
        if (cacheRead !== undefined)
            usage.push({ key: 'cache_read_input_tokens', value: { int_value: cacheRead.toString() } });
        if (cacheCreation !== undefined)
            usage.push({ key: 'cache_creation_input_tokens', value: { int_value: cacheCreation.toString() } });
        setIfAbsent('mlflow.chat.tokenUsage', { kvlist_value: { values: usage } });
    }
}
const STATUS_CODES = new Set(['STATUS_CODE_UNSET', 'STATUS_CODE_OK', 'STATUS_CODE_ERROR']);
function convert_nanos(value) {
    const s = asString(value);
    return s === undefined || s === '0' ? undefined : s;
}
function toSpanRecord(span, where) {
    const traceId = id(span.trace_id, 16, 'trace_id', where, false);
    const hexTraceId = Buffer.from(traceId, 'base64').toString('hex');
    const attrs = convert_attributeMap(span.attributes);
    // MLflow puts the trace's request id first; the span's own value (MLflow clients send it) wins.
    const requestId = attrs.get('mlflow.traceRequestId') ?? { string_value: `tr-${hexTraceId}` };
    attrs.delete('mlflow.traceRequestId');
    const ordered = new Map([['mlflow.traceRequestId', requestId], ...attrs]);
    translateGenAi(ordered);
    const status = convert_asObj(span.status) ?? {};
    const code = asString(status.code);
    const message = asString(status.message);
    const kind = asString(span.kind);
    const traceState = asString(span.trace_state);
    const record = {
        trace_id: traceId,
        span_id: id(span.span_id, 8, 'span_id', where, false),
        name: asString(span.name) ?? '',
        start_time_unix_nano: convert_nanos(span.start_time_unix_nano) ?? '0',
        attributes: [...ordered].map(([key, value]) => ({ key, value })),
        events: asList(span.events).map((event) => ({
            name: asString(event.name) ?? '',
            time_unix_nano: convert_nanos(event.time_unix_nano) ?? '0',
            attributes: convert_keyValues(event.attributes),
        })),
        status: {
            code: code !== undefined && STATUS_CODES.has(code) ? code : 'STATUS_CODE_UNSET',
            ...(message ? { message } : {}),
        },
    };
    const parent = id(span.parent_span_id, 8, 'parent_span_id', where, true);
    if (parent !== undefined)
        record.parent_span_id = parent;
    const end = convert_nanos(span.end_time_unix_nano);
    if (end !== undefined)
        record.end_time_unix_nano = end;
    if (traceState)
        record.trace_state = traceState;
    if (kind !== undefined && kind !== 'SPAN_KIND_UNSPECIFIED')
        record.kind = kind;
    return record;
}
/** Every span of a normalized ExportTraceServiceRequest, in request order. */
function toSpanRecords(request) {
    const resourceSpans = asList(request.resource_spans);
    const spans = [];
    resourceSpans.forEach((rs, i) => {
        asList(rs.scope_spans).forEach((ss, j) => {
            asList(ss.spans).forEach((span, k) => {
                spans.push(toSpanRecord(span, `resource_spans[${i}].scope_spans[${j}].spans[${k}]`));
            });
        });
    });
    return { hasResourceSpans: resourceSpans.length > 0, spans };
}

;// CONCATENATED MODULE: ./build/src/tracking/otlp/routes.js






const OTLP_MAX_BODY_BYTES = 16 * 1024 * 1024;
const OTLP_MAX_DECOMPRESSED_BYTES = 64 * 1024 * 1024;
const EXPERIMENT_HEADER = 'x-mlflow-experiment-id';
/** An answer in FastAPI's `{"detail": ...}` shape. */
class HttpDetailError extends Error {
    status;
    detail;
    constructor(status, detail) {
        super(typeof detail === 'string' ? detail : JSON.stringify(detail));
        this.name = 'HttpDetailError';
        this.status = status;
        this.detail = detail;
    }
}
const gunzipAsync = (0,external_node_util_.promisify)(external_node_zlib_.gunzip);
const inflateAsync = (0,external_node_util_.promisify)(external_node_zlib_.inflate);
const inflateRawAsync = (0,external_node_util_.promisify)(external_node_zlib_.inflateRaw);
function tooLarge() {
    return new HttpDetailError(413, `Request body is larger than the ${OTLP_MAX_DECOMPRESSED_BYTES / 1024 / 1024} MiB this server accepts once decompressed. Export fewer spans per request (e.g. a smaller maxExportBatchSize).`);
}
async function decompress(body, encoding) {
    const options = { maxOutputLength: OTLP_MAX_DECOMPRESSED_BYTES };
    const attempt = async (fn) => {
        try {
            return await fn(body, options);
        }
        catch (err) {
            if (err.code === 'ERR_BUFFER_TOO_LARGE')
                throw tooLarge();
            return undefined;
        }
    };
    switch (encoding) {
        case '':
        case 'identity':
            if (body.length > OTLP_MAX_DECOMPRESSED_BYTES)
                throw tooLarge();
            return body;
        case 'gzip':
        case 'x-gzip': {
            const out = await attempt(gunzipAsync);
            if (out === undefined)
                throw new HttpDetailError(400, 'Failed to decompress gzip payload');
            return out;
        }
        case 'deflate': {
            // RFC 9110 "deflate" is zlib-wrapped, but some clients send a raw DEFLATE stream.
            const out = (await attempt(inflateAsync)) ?? (await attempt(inflateRawAsync));
            if (out === undefined)
                throw new HttpDetailError(400, 'Failed to decompress deflate payload');
            return out;
        }
        default:
            throw new HttpDetailError(400, `Unsupported Content-Encoding: ${encoding}. Send gzip, deflate or an uncompressed body.`);
    }
}
function header(request, name) {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
}
function routes_errorHandler(error, request, reply) {
    if (error instanceof HttpDetailError)
        return reply.status(error.status).type('application/json').send(JSON.stringify({ detail: error.detail }));
    if (error instanceof errors/* MlflowError */.mF)
        return reply.status(error.status).type('application/json').send(JSON.stringify(error.toJSON()));
    const fe = error;
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        return reply
            .status(413)
            .type('application/json')
            .send(JSON.stringify({ detail: `Request body is larger than the ${OTLP_MAX_BODY_BYTES / 1024 / 1024} MiB this server accepts. Export fewer spans per request, or compress them (gzip).` }));
    }
    if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
        return reply.status(fe.statusCode).type('application/json').send(JSON.stringify({ detail: fe.message }));
    }
    request.log.error({ err: error }, 'unhandled error in OTLP ingestion');
    return reply.status(500).type('application/json').send(JSON.stringify({ detail: 'Internal Server Error. The server log has the details.' }));
}
function otlpRoutes(app, options) {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: OTLP_MAX_BODY_BYTES }, (_req, body, done) => done(null, body));
    app.setErrorHandler(routes_errorHandler);
    app.post('/v1/traces', async (request, reply) => {
        const experimentId = header(request, EXPERIMENT_HEADER)?.trim();
        if (!experimentId) {
            // FastAPI's validation answer for a missing required header, as MLflow gives it.
            throw new HttpDetailError(422, [{ type: 'missing', loc: ['header', EXPERIMENT_HEADER], msg: 'Field required', input: null }]);
        }
        const contentType = (header(request, 'content-type') ?? '').split(';')[0].trim().toLowerCase();
        if (contentType !== 'application/x-protobuf' && contentType !== 'application/json') {
            throw new HttpDetailError(400, `Invalid Content-Type: ${header(request, 'content-type') ?? '(none)'}. Expected: application/x-protobuf or application/json`);
        }
        const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const body = await decompress(raw, (header(request, 'content-encoding') ?? '').trim().toLowerCase());
        let converted;
        try {
            const decoded = contentType === 'application/json' ? decodeJsonRequest(body.toString('utf8')) : decodeProtobufRequest(body);
            converted = toSpanRecords(decoded);
        }
        catch (err) {
            if (err instanceof OtlpDecodeError)
                throw new HttpDetailError(400, err.message);
            if (err instanceof OtlpSpanError)
                throw new HttpDetailError(422, `Cannot convert OpenTelemetry span to MLflow span: ${err.message}`);
            throw err;
        }
        if (!converted.hasResourceSpans)
            throw new HttpDetailError(400, 'Invalid OpenTelemetry format - no spans found');
        if (converted.spans.length > 0)
            await options.store.traces.logSpans(experimentId, converted.spans);
        // An empty ExportTraceServiceResponse (full success) is zero bytes, whatever the request encoding.
        return reply.status(200).type('application/x-protobuf').send(Buffer.alloc(0));
    });
}

// EXTERNAL MODULE: ./build/src/version.js + 1 modules
var version = __webpack_require__(10990);
;// CONCATENATED MODULE: ./build/src/tracking/server.js
/**
 * The tracking server: MLflow's REST API over a TrackingStore, as an encapsulated Fastify app.
 * `createTrackingApp` builds it (tests use it in-process); `startTrackingServer` listens and
 * owns the store's lifetime, closing it after in-flight requests finish.
 */













/** Largest JSON body the API accepts; log-batch has its own 1 MB rule inside. Trace payloads need room. */
const API_BODY_LIMIT = 32 * 1024 * 1024;
async function createTrackingApp(options) {
    const app = fastify({
        logger: options.logger ?? false,
        // Large artifact uploads stream for minutes; only the idle socket timeout applies.
        requestTimeout: 0,
        return503OnClosing: false,
        forceCloseConnections: 'idle',
    });
    app.setErrorHandler(errorHandler);
    app.setNotFoundHandler(notFoundHandler);
    app.addHook('onSend', async (_request, reply) => {
        reply.header('X-Content-Type-Options', 'nosniff');
        reply.header('X-Frame-Options', 'SAMEORIGIN');
    });
    app.get('/health', async (_req, reply) => reply.type('text/plain; charset=utf-8').send('OK'));
    // Flask's default mimetype, as MLflow answers it (transcript #201); the body is a constant, never markup.
    app.get('/version', async (_req, reply) => reply.type('text/html; charset=utf-8').send(limits/* COMPATIBLE_MLFLOW_VERSION */.qz));
    for (const prefix of ['/api', '/ajax-api']) {
        app.get(`${prefix}/3.0/mlflow/server-info`, async () => ({ store_type: 'SqlStore', workspaces_enabled: false, server: 'mlflow-ts', version: version/* PACKAGE_VERSION */.i }));
    }
    const repository = new LocalArtifactRepository((0,external_node_path_.resolve)(options.artifactsDestination));
    await app.register(async (api) => {
        registerRawBodyParser(api, API_BODY_LIMIT);
        experimentRoutes(api, options.store);
        runRoutes(api, options.store);
        loggedModelRoutes(api, options.store);
        traceRoutes(api, { store: options.store, repository });
    });
    // OTLP/HTTP ingestion: its own scope, as it reads protobuf bytes and answers FastAPI-style errors.
    await app.register(async (otlp) => otlpRoutes(otlp, { store: options.store }));
    await app.register(async (artifacts) => {
        artifactRoutes(artifacts, { store: options.store, repository, enabled: options.serveArtifacts ?? true });
    });
    if (options.gatewayConfigPath !== undefined) {
        const configPath = options.gatewayConfigPath;
        // Loaded only when asked for: a plain tracking server should not pay for the gateway's modules.
        const { mountGateway } = await Promise.all(/* import() */[__webpack_require__.e(604), __webpack_require__.e(815), __webpack_require__.e(357), __webpack_require__.e(222), __webpack_require__.e(418), __webpack_require__.e(103), __webpack_require__.e(625), __webpack_require__.e(928)]).then(__webpack_require__.bind(__webpack_require__, 42928));
        let mounted;
        await app.register(async (gatewayScope) => {
            mounted = await mountGateway(gatewayScope, {
                configPath,
                authToken: options.gatewayAuthToken,
                log: options.gatewayLog,
                accessLog: options.gatewayAccessLog,
                ...(options.gatewayRecord !== undefined ? { record: options.gatewayRecord } : {}),
                ...(options.gatewayReplay !== undefined ? { replay: options.gatewayReplay } : {}),
            });
        });
        // Before the server stops listening: the tracer's last flush goes to this very server.
        app.addHook('preClose', async () => mounted?.close());
        // Every gateway request is traced into this very server, through its public API, once it listens.
        app.addHook('onListen', async () => {
            const address = app.server.address();
            if (!mounted || typeof address !== 'object' || !address)
                return;
            const host = address.family === 'IPv6' ? `[${address.address}]` : address.address === '0.0.0.0' ? '127.0.0.1' : address.address;
            const { gatewayTracer } = await Promise.all(/* import() */[__webpack_require__.e(604), __webpack_require__.e(815), __webpack_require__.e(357), __webpack_require__.e(222), __webpack_require__.e(418), __webpack_require__.e(103), __webpack_require__.e(625), __webpack_require__.e(928)]).then(__webpack_require__.bind(__webpack_require__, 42928));
            mounted.gateway.addObserver(gatewayTracer(`http://${host}:${address.port}`, options.gatewayLog ?? { info: (m) => app.log.info(m), error: (m) => app.log.error(m) }));
        });
    }
    return app;
}
async function startTrackingServer(options = {}) {
    const store = await openTrackingStore(options.backendStoreUri ?? 'mlruns.db');
    let app;
    try {
        app = await createTrackingApp({
            store,
            artifactsDestination: options.artifactsDestination ?? 'mlartifacts',
            serveArtifacts: options.serveArtifacts,
            logger: options.logger,
            gatewayConfigPath: options.gatewayConfigPath,
            gatewayAuthToken: options.gatewayAuthToken,
            gatewayLog: options.gatewayLog,
            gatewayAccessLog: options.gatewayAccessLog,
            gatewayRecord: options.gatewayRecord,
            gatewayReplay: options.gatewayReplay,
        });
    }
    catch (err) {
        // A bad gateway config must not leave the database open.
        await store.close();
        throw err;
    }
    let closing;
    // app.close() sweeps only the connections idle at that moment; a keep-alive connection whose
    // request finishes later would hold shutdown open until the client lets go (Python's requests
    // never does). Answering `Connection: close` while closing makes Node end those sockets.
    app.addHook('onSend', async (_request, reply) => {
        if (closing)
            reply.header('Connection', 'close');
    });
    try {
        await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 5000 });
    }
    catch (err) {
        await store.close();
        throw err;
    }
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    const host = options.host ?? '127.0.0.1';
    const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
    return {
        url: `http://${urlHost}:${port}`,
        app,
        store,
        close() {
            // app.close() waits for in-flight requests, so the database closes only after they finish.
            closing ??= app.close().then(() => store.close());
            return closing;
        },
    };
}


/***/ })

};
