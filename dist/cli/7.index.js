export const id = 7;
export const ids = [7];
export const modules = {

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


/***/ }),

/***/ 13007:
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
;// CONCATENATED MODULE: ./build/src/mlflow/errors.js
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
 *   comparator := '=' | '!=' | '>' | '>=' | '<' | '<=' | LIKE | ILIKE | IN | NOT IN | IS NULL | IS NOT NULL
 *   value      := number | 'string' | "string" | '(' string (',' string)* ')'
 *   identifier := [prefix '.'] key   where key is bare (dots allowed) or quoted with ` or "
 *   order_by   := identifier [ASC | DESC]
 */

const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'IN', 'IS', 'NULL', 'LIKE', 'ILIKE', 'ASC', 'DESC']);
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
const GRAMMARS = {
    runs: RUN_GRAMMAR,
    experiments: EXPERIMENT_GRAMMAR,
    logged_models: LOGGED_MODEL_GRAMMAR,
};
const DATASET_KEYS = ['name', 'digest', 'context'];
/** MLflow's own word for each entity in value errors ("Expected a quoted string value for parameter"). */
const ENTITY_WORD = {
    metric: 'metric',
    param: 'parameter',
    tag: 'tag',
    attribute: 'attribute',
    dataset: 'dataset',
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
    const clause = (value) => ({ entity: id.entity, key: id.key, comparator, value });
    if (comparator === 'IS NULL' || comparator === 'IS NOT NULL') {
        if (id.entity !== 'param' && id.entity !== 'tag') {
            const allowed = id.entity === 'metric' || id.kind === 'numeric' ? METRIC_COMPARATORS : id.entity === 'dataset' ? DATASET_COMPARATORS : grammar.filterAttributes.stringComparators;
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
        case 'tag': {
            if (isList) {
                // MLflow rejects the list value before it looks at the comparator (transcript: params.lr IN (...)).
                throw new SyntaxFault(`Expected a quoted string value for ${ENTITY_WORD[id.entity]} (e.g. 'my-value'). Got value ${rawOf(value)} at position ${startOf(value)}; ` +
                    `comparator '${cmpRaw}' is not supported for ${id.entity === 'param' ? 'params' : 'tags'} (allowed: ${listOf(KEY_VALUE_COMPARATORS)})`, startOf(value));
            }
            if (!KEY_VALUE_COMPARATORS.includes(comparator))
                throw unsupportedComparator(comparator, cmpRaw, cmpTok, KEY_VALUE_COMPARATORS, `${ENTITY_WORD[id.entity]} ${subject}`);
            return clause(expectString(value, id.entity));
        }
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
        throw new MlflowError('INVALID_PARAMETER_VALUE', `Invalid ${kind} '${src}': ${err.message}`);
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
        return { entity: id.entity, key: id.key, ascending };
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
        throw new MlflowError('INVALID_PARAMETER_VALUE', `Invalid order by field name '${field}': ${why}`);
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
const invalid = (token, why) => new MlflowError('INVALID_PARAMETER_VALUE', `Invalid page token '${token}': ${why}`);
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
function validateKey(key, what) {
    if (key === '' || key === undefined || key === null) {
        throw invalidParam(`Missing value for required parameter 'key'. See the API docs for more information about request parameters.`);
    }
    if (key.length > limits/* MLFLOW_LIMITS */.rh.maxEntityKeyLength) {
        throw invalidParam(`'${what}' exceeds the maximum length of ${limits/* MLFLOW_LIMITS */.rh.maxEntityKeyLength} characters`);
    }
    if (!limits/* ENTITY_KEY_PATTERN */.NJ.test(key)) {
        throw invalidParam(`Invalid value ${JSON.stringify(key)} for parameter 'key' supplied: ${KEY_RULE}`);
    }
    if (!(0,limits/* isPathSafeKey */.gm)(key)) {
        throw invalidParam(`Invalid value ${JSON.stringify(key)} for parameter 'key' supplied: Names may be treated as files in certain cases, and must not resolve to other names when treated as such. This name would resolve to a different name.`);
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
        throw invalidParam(`Got invalid value ${String(m.value)} for metric '${m.key}' (timestamp=${m.timestamp}). Please specify value as a valid double (64-bit floating point)`);
    }
    if (!Number.isInteger(m.timestamp) || m.timestamp < 0) {
        throw invalidParam(`Got invalid timestamp ${String(m.timestamp)} for metric '${m.key}' (value=${m.value}). Timestamp must be a nonnegative long (64-bit integer)`);
    }
    if (!Number.isInteger(m.step)) {
        throw invalidParam(`Got invalid step ${String(m.step)} for metric '${m.key}' (value=${m.value}). Step must be a valid long (64-bit integer).`);
    }
}
function validateExperimentName(name) {
    if (typeof name !== 'string' || name === '') {
        throw invalidParam(`Missing value for required parameter 'name'. See the API docs for more information about request parameters.`);
    }
    if (name.length > limits/* MLFLOW_LIMITS */.rh.maxExperimentNameLength) {
        throw invalidParam(`'name' exceeds the maximum length of ${limits/* MLFLOW_LIMITS */.rh.maxExperimentNameLength} characters`);
    }
}
function validateExperimentTag(t) {
    validateKey(t.key, 'Tag name');
    if (String(t.value ?? '').length > limits/* MLFLOW_LIMITS */.rh.maxExperimentTagValueLength) {
        throw invalidParam(`'value' exceeds the maximum length of ${limits/* MLFLOW_LIMITS */.rh.maxExperimentTagValueLength} characters`);
    }
}
/** The whole batch is checked before anything is written: all or nothing. */
function normalizeBatch(input) {
    const metrics = input.metrics ?? [];
    const params = input.params ?? [];
    const tags = input.tags ?? [];
    const L = limits/* MLFLOW_LIMITS */.rh.logBatch;
    if (metrics.length > L.maxMetrics) {
        throw invalidParam(`A batch logging request can contain at most ${L.maxMetrics} metrics. Got ${metrics.length} metrics. Please split up metrics across multiple requests and try again.`);
    }
    if (params.length > L.maxParams) {
        throw invalidParam(`A batch logging request can contain at most ${L.maxParams} params. Got ${params.length} params. Please split up params across multiple requests and try again.`);
    }
    if (tags.length > L.maxTags) {
        throw invalidParam(`A batch logging request can contain at most ${L.maxTags} tags. Got ${tags.length} tags. Please split up tags across multiple requests and try again.`);
    }
    const total = metrics.length + params.length + tags.length;
    if (total > L.maxEntities) {
        throw invalidParam(`A batch logging request can contain at most ${L.maxEntities} total metrics, params and tags. Got ${total}. Please split up the request across multiple requests and try again.`);
    }
    metrics.forEach(validateMetric);
    const normParams = params.map(normalizeParam);
    const seen = new Map();
    for (const p of normParams) {
        const prev = seen.get(p.key);
        if (prev !== undefined && prev !== p.value) {
            throw invalidParam(`Duplicate parameter keys have been submitted: [${JSON.stringify(p.key)}]. Please ensure the request contains only one param value per param key.`);
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
        this.migrate();
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
const search_sql_invalid = (message) => new MlflowError('INVALID_PARAMETER_VALUE', message);
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
function runColumn(key) {
    const col = Object.hasOwn(RUN_COLUMNS, key) ? RUN_COLUMNS[key] : undefined;
    if (!col)
        throw search_sql_invalid(`Invalid attribute key '${key}' for runs`);
    return col;
}
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
function experimentColumn(key) {
    const col = Object.hasOwn(EXPERIMENT_COLUMNS, key) ? EXPERIMENT_COLUMNS[key] : undefined;
    if (!col)
        throw search_sql_invalid(`Invalid attribute key '${key}' for experiments`);
    return col;
}
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
function loggedModelColumn(key) {
    const col = Object.hasOwn(LOGGED_MODEL_COLUMNS, key) ? LOGGED_MODEL_COLUMNS[key] : undefined;
    if (!col)
        throw search_sql_invalid(`Invalid attribute key '${key}' for logged models`);
    return col;
}
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
function joinUri(root, ...parts) {
    return [root.replace(/\/+$/, ''), ...parts].join('/');
}
/** Experiment ids are decimal strings on the wire; anything else cannot name a row here. */
function experimentKey(id) {
    return /^\d{1,15}$/.test(id) ? Number(id) : undefined;
}
function checkMaxResults(value, limits) {
    if (value === undefined)
        return limits.defaultMaxResults;
    if (!Number.isInteger(value) || value < 1 || value > limits.maxResults) {
        throw invalidParam(`Invalid value ${value} for parameter 'max_results' supplied. It must be a positive integer at most ${limits.maxResults}.`);
    }
    return value;
}
/** SQLite's fixed limits that an oversized filter or order_by runs into (depth 1000, 64-table joins, 200 FROM terms, 32766 variables, 50000-byte LIKE patterns). */
const SQLITE_SIZE_LIMIT = /Expression tree is too large|at most \d+ tables in a join|too many FROM clause terms|too many SQL variables|LIKE or GLOB pattern too complex|too many terms in compound SELECT|parser stack overflow/;
/** A search too big for SQLite is the client's to shrink; answering 500 would make the Python client retry it for minutes. */
function runSearchQuery(what, query) {
    try {
        return query();
    }
    catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        if (!SQLITE_SIZE_LIMIT.test(message))
            throw err;
        throw invalidParam(`The ${what} request is too large to run (${message}). Use fewer filter clauses, order_by keys or IN values.`);
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
    sql;
    constructor(options) {
        this.defaultArtifactRoot = options.defaultArtifactRoot ?? 'mlflow-artifacts:/';
        this.sql = new SqliteDb(options.path);
        const now = Date.now();
        this.sql.run(`INSERT OR IGNORE INTO experiments (experiment_id, name, artifact_location, lifecycle_stage, creation_time, last_update_time)
       VALUES (0, 'Default', ?, 'active', ?, ?)`, joinUri(this.defaultArtifactRoot, DEFAULT_EXPERIMENT_ID), now, now);
    }
    // ---------------------------------------------------------------- experiments
    experimentRow(experimentId) {
        const id = experimentKey(experimentId);
        const row = id === undefined ? undefined : this.sql.get('SELECT * FROM experiments WHERE experiment_id = ?', id);
        if (!row)
            throw notFound(`No Experiment with id=${experimentId} exists`);
        return row;
    }
    activeExperimentRow(experimentId) {
        const row = this.experimentRow(experimentId);
        if (row.lifecycle_stage !== 'active') {
            throw invalidParam(`The experiment ${experimentId} must be in the 'active' state. Current state is ${row.lifecycle_stage}.`);
        }
        return row;
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
                throw new MlflowError('RESOURCE_ALREADY_EXISTS', `Experiment(name=${input.name}) already exists.`);
            }
            const now = Date.now();
            const { lastInsertRowid } = this.sql.run(`INSERT INTO experiments (name, artifact_location, lifecycle_stage, creation_time, last_update_time) VALUES (?, '', 'active', ?, ?)`, input.name, now, now);
            const id = String(lastInsertRowid);
            this.sql.run('UPDATE experiments SET artifact_location = ? WHERE experiment_id = ?', input.artifact_location || joinUri(this.defaultArtifactRoot, id), Number(lastInsertRowid));
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
            throw notFound(`Could not find experiment with name '${name}'`);
        return this.hydrateExperiments([row])[0];
    }
    async searchExperiments(query) {
        const limit = checkMaxResults(query.maxResults, limits/* MLFLOW_LIMITS */.rh.searchExperiments);
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
                throw new MlflowError('INVALID_STATE', `Cannot rename a non-active experiment. Restore experiment ${experimentId} first.`);
            }
            const clash = this.sql.get('SELECT experiment_id FROM experiments WHERE name = ?', newName);
            if (clash && clash.experiment_id !== row.experiment_id) {
                throw new MlflowError('RESOURCE_ALREADY_EXISTS', `Experiment(name=${newName}) already exists.`);
            }
            this.sql.run('UPDATE experiments SET name = ?, last_update_time = ? WHERE experiment_id = ?', newName, Date.now(), row.experiment_id);
        });
    }
    async deleteExperiment(experimentId) {
        if (experimentId === DEFAULT_EXPERIMENT_ID) {
            throw invalidParam(`Cannot delete the default experiment '${DEFAULT_EXPERIMENT_ID}'. This is an internally reserved experiment.`);
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
                throw notFound(`No tag with name: ${key} in experiment with id ${experimentId}`);
        });
    }
    // ---------------------------------------------------------------- runs
    runRow(runId) {
        const row = this.sql.get('SELECT * FROM runs WHERE run_uuid = ?', runId);
        if (!row)
            throw notFound(`Run with id=${runId} not found`);
        return row;
    }
    activeRunRow(runId) {
        const row = this.runRow(runId);
        if (row.lifecycle_stage !== 'active') {
            throw invalidParam(`The run ${runId} must be in the 'active' state. Current state is ${row.lifecycle_stage}.`);
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
            throw invalidParam(`Both 'run_name' argument and 'mlflow.runName' tag are specified, but with different values (run_name='${input.run_name}', mlflow.runName='${tagName}').`);
        }
        const runName = input.run_name || tagName || generateRunName();
        if (tagName === undefined)
            tags.push({ key: limits/* MLFLOW_TAGS */.E5.runName, value: runName });
        const runId = (0,external_node_crypto_.randomUUID)().replaceAll('-', '');
        return this.sql.transaction(() => {
            const exp = this.activeExperimentRow(input.experiment_id ?? DEFAULT_EXPERIMENT_ID);
            this.sql.run(`INSERT INTO runs (run_uuid, name, experiment_id, user_id, status, start_time, artifact_uri, lifecycle_stage)
         VALUES (?, ?, ?, ?, 'RUNNING', ?, ?, 'active')`, runId, runName, exp.experiment_id, input.user_id ?? '', input.start_time ?? Date.now(), joinUri(exp.artifact_location, runId, 'artifacts'));
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
        const limit = checkMaxResults(query.maxResults, limits/* MLFLOW_LIMITS */.rh.searchRuns);
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
        const seriesIds = new Map();
        for (const [key, point] of latest) {
            const row = this.sql.get('SELECT series_id, value, timestamp, step FROM latest_metrics WHERE run_uuid = ? AND key = ?', runId, key);
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
                throw invalidParam(`Changing param values is not allowed. Param with key='${p.key}' was already logged with value='${existing.value}' for run ID='${runId}'. Attempted logging new value '${p.value}'.`);
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
                throw notFound(`No tag with name: ${key} in run with id ${runId}`);
        });
    }
    async logInputs(runId, datasets, models) {
        const L = limits/* MLFLOW_LIMITS */.rh.dataset;
        if (datasets.length > L.maxDatasetsPerBatch) {
            throw invalidParam(`A batch logging request can contain at most ${L.maxDatasetsPerBatch} datasets. Got ${datasets.length} datasets.`);
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
                    throw invalidParam(`Dataset ${field} exceeds the maximum length of ${max} characters`);
            }
            for (const t of tags ?? []) {
                if (t.key.length > L.maxInputTagKeyLength)
                    throw invalidParam(`Input tag key exceeds the maximum length of ${L.maxInputTagKeyLength} characters`);
                if (String(t.value).length > L.maxInputTagValueLength)
                    throw invalidParam(`Input tag value exceeds the maximum length of ${L.maxInputTagValueLength} characters`);
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
        const limit = checkMaxResults(query.maxResults, limits/* MLFLOW_LIMITS */.rh.metricHistory);
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
            throw invalidParam(`GetMetricHistoryBulkInterval request must specify at least one run_id.`);
        if (query.runIds.length > L.maxRunIds) {
            throw invalidParam(`GetMetricHistoryBulkInterval request cannot specify more than ${L.maxRunIds} run_ids. Received ${query.runIds.length} run_ids.`);
        }
        if ((query.startStep === undefined) !== (query.endStep === undefined)) {
            throw invalidParam('If either start step or end step are specified, both must be specified.');
        }
        if (query.startStep !== undefined && query.endStep !== undefined && query.startStep > query.endStep) {
            throw invalidParam('end_step must be greater than start_step. ');
        }
        const perRun = query.maxResults ?? L.maxResultsPerRun;
        if (!Number.isInteger(perRun) || perRun < 1 || perRun > L.maxResultsPerRun) {
            throw invalidParam(`max_results must be between 1 and ${L.maxResultsPerRun}.`);
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
            throw notFound(`Logged model with ID '${modelId}' not found.`);
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
         VALUES (?, ?, ?, ?, ?, ?, 'LOGGED_MODEL_PENDING', ?, ?)`, modelId, exp.experiment_id, input.name || generateRunName(), joinUri(exp.artifact_location, 'models', modelId, 'artifacts'), now, now, input.model_type ?? '', input.source_run_id ?? null);
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
            throw invalidParam(`Invalid model status '${status}'. A logged model can be finalized as LOGGED_MODEL_READY or LOGGED_MODEL_UPLOAD_FAILED.`);
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
        const limit = checkMaxResults(query.maxResults, limits/* MLFLOW_LIMITS */.rh.searchLoggedModels);
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
                throw notFound(`No tag with key '${key}' on logged model '${modelId}'.`);
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
        throw new MlflowError('INVALID_PARAMETER_VALUE', `Unsupported --backend-store-uri scheme '${scheme}:'. Use a SQLite file path or sqlite:///path.db (PostgreSQL support is planned).`);
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
        throw invalidParam(`Invalid artifact path ${shown}: it ${direct}. ${ALLOWED}`);
    const decoded = percentDecodeFully(path);
    if (decoded !== path) {
        const encoded = unsafeReason(decoded);
        if (encoded)
            throw invalidParam(`Invalid artifact path ${shown}: once percent-decoded it ${encoded}. ${ALLOWED}`);
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
                    throw invalidParam(`Invalid artifact path '${rel}': it runs into a symbolic link loop. ${ALLOWED}`);
                // Too long a name cannot exist either; the write reports it when it tries to create it.
                if (code !== 'ENOENT' && code !== 'ENOTDIR' && code !== 'ENAMETOOLONG')
                    throw err;
                const dangling = await (0,promises_.lstat)(probe).then((s) => s.isSymbolicLink(), () => false);
                if (dangling) {
                    throw invalidParam(`Invalid artifact path '${rel}': it goes through a symbolic link whose target does not exist. Only paths inside the artifact root are allowed.`);
                }
                continue;
            }
            if (!this.#inside(realRoot, real)) {
                throw invalidParam(`Invalid artifact path '${rel}': it resolves through a symbolic link to a location outside the artifact root. Only paths inside the artifact root are allowed.`);
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
            throw invalidParam(`An artifact upload needs a file path below the artifact root, e.g. "1/<run_id>/artifacts/model.pkl". ${ALLOWED}`);
        if (TEMP_NAME.test(name))
            throw invalidParam(`Invalid artifact path '${rel}': the name '${name}' is reserved for uploads in progress.`);
        const target = await this.#locate(rel);
        const dir = (0,external_node_path_.join)(target, '..');
        try {
            await (0,promises_.mkdir)(dir, { recursive: true });
        }
        catch (err) {
            const code = errorCode(err);
            if (code === 'EEXIST' || code === 'ENOTDIR') {
                throw invalidParam(`Cannot write artifact '${rel}': one of its parent directories is an existing file.`);
            }
            if (code === 'ENAMETOOLONG')
                throw invalidParam(`Cannot write artifact '${rel}': a name in the path is too long for the file system.`);
            throw err;
        }
        // The directories just made could in theory be raced into links; check again before writing.
        await this.#locate(rel);
        const existing = await (0,promises_.stat)(target).catch(() => undefined);
        if (existing?.isDirectory())
            throw invalidParam(`Cannot write artifact '${rel}': a directory with that path already exists.`);
        const temp = (0,external_node_path_.join)(dir, `.mlflow-ts-upload-${(0,external_node_crypto_.randomBytes)(8).toString('hex')}.tmp`);
        const out = (0,external_node_fs_.createWriteStream)(temp, { flags: 'wx', mode: 0o644, flush: true });
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
                throw invalidParam(`Cannot write artifact '${rel}': a directory with that path already exists.`);
            if (code === 'ENAMETOOLONG')
                throw invalidParam(`Cannot write artifact '${rel}': a name in the path is too long for the file system.`);
            throw err;
        }
        return out.bytesWritten;
    }
    /** Opens a file for streaming. Missing paths and directories are RESOURCE_DOES_NOT_EXIST. */
    async openRead(relPath) {
        const rel = normalizeArtifactPath(relPath);
        const target = await this.#locate(rel);
        const missing = new MlflowError('RESOURCE_DOES_NOT_EXIST', notFoundMessage(rel));
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
            throw invalidParam('Refusing to delete the whole artifact root. Name the file or directory to delete.');
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
        throw invalidParam(`Malformed JSON in request body: ${err.message}. Send a JSON object.`);
    }
    // Old clients double-encode the body; MLflow decodes a string body a second time.
    if (typeof value === 'string')
        return parseJsonBody(value);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw invalidParam('Request body must be a JSON object.');
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
            throw invalidParam('Bad Request. Content-Type header is missing.');
        if (type.split(';')[0].trim().toLowerCase() !== 'application/json') {
            throw invalidParam(`Bad Request. Content-Type must be one of ['application/json'].`);
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
        return invalidParam(`Missing value for required parameter '${path}'. See the API docs for more information about request parameters.`);
    }
    const shown = input === undefined ? '' : ` ${truncateForMessage(JSON.stringify(input) ?? '')}`;
    return invalidParam(`Invalid value${shown} for parameter '${path}' supplied: ${describeIssue(issue, input)}. See the API docs for more information about request parameters.`);
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
        throw invalidParam(`Missing value for required parameter '${name}'. See the API docs for more information about request parameters.`);
    }
    return value;
}
/** Proto-JSON: drop undefined and empty lists (proto omits empty repeated fields), encode non-finite doubles. */
function toWireJson(value) {
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
    if (error instanceof MlflowError)
        return sendError(reply, error);
    const fe = error;
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        return sendError(reply, invalidParam(`Request body is larger than the server accepts (${fe.message}). Split the request into smaller ones.`));
    }
    if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
        return sendError(reply, invalidParam(`Bad Request. ${fe.message}`));
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(reply, new MlflowError('INTERNAL_ERROR', 'Internal server error. The server log has the details.'));
}
function notFoundHandler(request, reply) {
    // Deviation from MLflow (Flask answers an HTML page): API clients get MLflow's error JSON.
    const path = request.url.split('?')[0];
    return sendError(reply, new MlflowError('ENDPOINT_NOT_FOUND', `No API endpoint ${request.method} ${path} on this server. See the README for the routes it serves.`));
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
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
const int64 = schemas/* union */.KCZ([schemas/* number */.aig(), schemas/* string */.YjP().regex(INT64, 'must be an integer')])
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
const wire_double = schemas/* union */.KCZ([schemas/* number */.aig(), schemas/* string */.YjP()]).transform((v, ctx) => {
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
const bool = schemas/* union */.KCZ([schemas/* boolean */.zMY(), schemas/* enum */.k5n(['true', 'false']).transform((v) => v === 'true')]);
/** A string field: numbers are accepted and stringified, as protobuf's parser does for ids. */
const str = schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* number */.aig().transform(String)]);
function protoEnum(names, numbers) {
    // One string branch, checked in the transform: with separate name and digit branches zod reports
    // an unknown name as a failed digit pattern instead of listing the valid names.
    return schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* number */.aig().int()]).transform((v, ctx) => {
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
const repeated = (item) => schemas/* union */.KCZ([schemas/* array */.YOg(item), item.transform((v) => [v])]).optional();
const keyValue = schemas/* object */.Ikc({ key: str, value: str.optional().default('') });
const metric = schemas/* object */.Ikc({
    key: str,
    value: wire_double,
    timestamp: int64,
    step: int64.optional().default(0),
    dataset_name: schemas/* string */.YjP().optional(),
    dataset_digest: schemas/* string */.YjP().optional(),
    model_id: schemas/* string */.YjP().optional(),
});
/** Runs are named by `run_id` (3.x) or `run_uuid` (older clients); clients often send both. */
const runRef = { run_id: schemas/* string */.YjP().optional(), run_uuid: schemas/* string */.YjP().optional() };
const wire_schemas = {
    createExperiment: schemas/* object */.Ikc({
        name: schemas/* string */.YjP().optional(),
        artifact_location: schemas/* string */.YjP().optional(),
        // The official TS SDK's tests send tags as an object map; accept both shapes.
        tags: schemas/* union */.KCZ([schemas/* array */.YOg(keyValue), schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP()).transform((m) => Object.entries(m).map(([key, value]) => ({ key, value })))])
            .optional(),
    }),
    experimentId: schemas/* object */.Ikc({ experiment_id: str.optional() }),
    getExperimentByName: schemas/* object */.Ikc({ experiment_name: schemas/* string */.YjP().optional() }),
    searchExperiments: schemas/* object */.Ikc({
        max_results: int64.optional(),
        page_token: schemas/* string */.YjP().optional(),
        filter: schemas/* string */.YjP().optional(),
        order_by: repeated(schemas/* string */.YjP()),
        view_type: viewType.optional(),
    }),
    updateExperiment: schemas/* object */.Ikc({ experiment_id: str.optional(), new_name: schemas/* string */.YjP().optional() }),
    setExperimentTag: schemas/* object */.Ikc({ experiment_id: str.optional(), key: str.optional(), value: str.optional() }),
    deleteExperimentTag: schemas/* object */.Ikc({ experiment_id: str.optional(), key: str.optional() }),
    createRun: schemas/* object */.Ikc({
        experiment_id: str.optional(),
        user_id: schemas/* string */.YjP().optional(),
        run_name: schemas/* string */.YjP().optional(),
        start_time: int64.optional(),
        tags: schemas/* array */.YOg(keyValue).optional(),
    }),
    runRef: schemas/* object */.Ikc(runRef),
    updateRun: schemas/* object */.Ikc({ ...runRef, status: runStatus.optional(), end_time: int64.optional(), run_name: schemas/* string */.YjP().optional() }),
    searchRuns: schemas/* object */.Ikc({
        experiment_ids: repeated(str),
        filter: schemas/* string */.YjP().optional(),
        run_view_type: viewType.optional(),
        max_results: int64.optional(),
        order_by: repeated(schemas/* string */.YjP()),
        page_token: schemas/* string */.YjP().optional(),
    }),
    logMetric: schemas/* object */.Ikc({
        ...runRef,
        key: str.optional(),
        value: wire_double.optional(),
        timestamp: int64.optional(),
        step: int64.optional(),
        dataset_name: schemas/* string */.YjP().optional(),
        dataset_digest: schemas/* string */.YjP().optional(),
        model_id: schemas/* string */.YjP().optional(),
    }),
    logParam: schemas/* object */.Ikc({ ...runRef, key: str.optional(), value: str.optional() }),
    setTag: schemas/* object */.Ikc({ ...runRef, key: str.optional(), value: str.optional() }),
    deleteTag: schemas/* object */.Ikc({ ...runRef, key: str.optional() }),
    logBatch: schemas/* object */.Ikc({
        ...runRef,
        metrics: schemas/* array */.YOg(metric).optional(),
        params: schemas/* array */.YOg(keyValue).optional(),
        tags: schemas/* array */.YOg(keyValue).optional(),
    }),
    logInputs: schemas/* object */.Ikc({
        ...runRef,
        datasets: schemas/* array */.YOg(schemas/* object */.Ikc({
            tags: schemas/* array */.YOg(keyValue).optional(),
            dataset: schemas/* object */.Ikc({
                name: schemas/* string */.YjP(),
                digest: schemas/* string */.YjP(),
                source_type: schemas/* string */.YjP(),
                source: schemas/* string */.YjP(),
                schema: schemas/* string */.YjP().optional(),
                profile: schemas/* string */.YjP().optional(),
            }),
        }))
            .optional(),
        models: schemas/* array */.YOg(schemas/* object */.Ikc({ model_id: schemas/* string */.YjP() })).optional(),
    }),
    logOutputs: schemas/* object */.Ikc({ ...runRef, models: schemas/* array */.YOg(schemas/* object */.Ikc({ model_id: schemas/* string */.YjP(), step: int64.optional().default(0) })).optional() }),
    getMetricHistory: schemas/* object */.Ikc({ ...runRef, metric_key: schemas/* string */.YjP().optional(), max_results: int64.optional(), page_token: schemas/* string */.YjP().optional() }),
    getMetricHistoryBulkInterval: schemas/* object */.Ikc({
        run_ids: repeated(schemas/* string */.YjP()),
        metric_key: schemas/* string */.YjP().optional(),
        start_step: int64.optional(),
        end_step: int64.optional(),
        max_results: int64.optional(),
    }),
    createLoggedModel: schemas/* object */.Ikc({
        experiment_id: str.optional(),
        name: schemas/* string */.YjP().optional(),
        model_type: schemas/* string */.YjP().optional(),
        source_run_id: schemas/* string */.YjP().optional(),
        params: schemas/* array */.YOg(keyValue).optional(),
        tags: schemas/* array */.YOg(keyValue).optional(),
    }),
    finalizeLoggedModel: schemas/* object */.Ikc({ status: loggedModelStatus.optional() }),
    searchLoggedModels: schemas/* object */.Ikc({
        experiment_ids: repeated(str),
        filter: schemas/* string */.YjP().optional(),
        max_results: int64.optional(),
        order_by: schemas/* array */.YOg(schemas/* object */.Ikc({ field_name: schemas/* string */.YjP(), ascending: bool.optional() })).optional(),
        page_token: schemas/* string */.YjP().optional(),
    }),
    loggedModelParams: schemas/* object */.Ikc({ params: schemas/* array */.YOg(keyValue).optional() }),
    loggedModelTags: schemas/* object */.Ikc({ tags: schemas/* array */.YOg(keyValue).optional() }),
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
                throw invalidParam(`Batched logging API requests must be at most ${limits/* MLFLOW_LIMITS */.rh.logBatch.maxRequestBytes} bytes, got a request of ${size} bytes. Split it into smaller batches.`);
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



const modelPath = schemas/* object */.Ikc({ model_id: schemas/* string */.YjP() });
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
        schema: modelPath.extend({ tag_key: schemas/* string */.YjP() }),
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
        throw invalidParam(`Query parameter '${name}' must be given once.`);
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
            throw invalidParam('Invalid artifact path: it has a malformed percent-escape. Encode "%" as "%25".');
        }
    }
    else {
        decoded = request.params['*'] ?? '';
    }
    const rel = normalizeArtifactPath(decoded);
    if (rel === '')
        throw invalidParam('Name the artifact after /artifacts/, e.g. /api/2.0/mlflow-artifacts/artifacts/1/<run_id>/artifacts/model.pkl.');
    return rel;
}
/** Where a run's files are in the artifacts destination, from its `mlflow-artifacts:` URI. */
function runArtifactRoot(artifactUri) {
    const match = /^mlflow-artifacts:(.*)$/i.exec(artifactUri);
    if (!match) {
        throw invalidParam(`This run's artifact_uri '${artifactUri}' is not served by this server: only mlflow-artifacts:/ locations are. Read its files from that location directly.`);
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
            throw invalidParam('Artifact size is too large. Max size is 10MB.');
        chunks.push(chunk);
    }
    return Buffer.concat(chunks, total);
}
const listArtifactsSchema = schemas/* object */.Ikc({
    run_id: schemas/* string */.YjP().optional(),
    run_uuid: schemas/* string */.YjP().optional(),
    path: schemas/* string */.YjP().optional(),
    page_token: schemas/* string */.YjP().optional(),
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
                    throw invalidParam(`Upload of '${rel}' was interrupted before the body was complete; nothing was stored. Retry the upload.`);
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
                throw new MlflowError('NOT_IMPLEMENTED', 'Multipart upload is not supported for the current artifact repository');
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
            throw invalidParam("Parameter 'path' must name a file inside the run's artifacts.");
        const run = await store.getRun(runId);
        return sendFile(reply, artifacts_joinRelative(runArtifactRoot(run.info.artifact_uri), rel));
    });
    app.post('/ajax-api/2.0/mlflow/upload-artifact', async (request, reply) => {
        const runUuid = queryValue(request, 'run_uuid');
        if (!runUuid)
            throw invalidParam('Request must specify run_uuid.');
        const path = queryValue(request, 'path');
        if (!path)
            throw invalidParam('Request must specify path.');
        const rel = normalizeArtifactPath(path);
        if (rel === '')
            throw invalidParam("Parameter 'path' must name a file inside the run's artifacts.");
        if (Number(request.headers['content-length']) > UI_UPLOAD_LIMIT) {
            throw invalidParam('Artifact size is too large. Max size is 10MB.');
        }
        const data = await readCapped(request.raw, UI_UPLOAD_LIMIT);
        if (data.length === 0)
            throw invalidParam('Request must specify data.');
        const run = await store.getRun(runUuid);
        await repository.write(artifacts_joinRelative(runArtifactRoot(run.info.artifact_uri), rel), external_node_stream_.Readable.from([data]));
        return sendJson(reply, {});
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
    await app.register(async (api) => {
        registerRawBodyParser(api, API_BODY_LIMIT);
        experimentRoutes(api, options.store);
        runRoutes(api, options.store);
        loggedModelRoutes(api, options.store);
    });
    await app.register(async (artifacts) => {
        artifactRoutes(artifacts, {
            store: options.store,
            repository: new LocalArtifactRepository((0,external_node_path_.resolve)(options.artifactsDestination)),
            enabled: options.serveArtifacts ?? true,
        });
    });
    return app;
}
async function startTrackingServer(options = {}) {
    const store = await openTrackingStore(options.backendStoreUri ?? 'mlruns.db');
    const app = await createTrackingApp({
        store,
        artifactsDestination: options.artifactsDestination ?? 'mlartifacts',
        serveArtifacts: options.serveArtifacts,
        logger: options.logger,
    });
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
