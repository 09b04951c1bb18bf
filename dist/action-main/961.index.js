export const id = 961;
export const ids = [961];
export const modules = {

/***/ 92703:
/***/ ((module) => {

function webpackEmptyAsyncContext(req) {
	// Here Promise.resolve().then() is used instead of new Promise() to prevent
	// uncaught exception popping up in devtools
	return Promise.resolve().then(() => {
		var e = new Error("Cannot find module '" + req + "'");
		e.code = 'MODULE_NOT_FOUND';
		throw e;
	});
}
webpackEmptyAsyncContext.keys = () => ([]);
webpackEmptyAsyncContext.resolve = webpackEmptyAsyncContext;
webpackEmptyAsyncContext.id = 92703;
module.exports = webpackEmptyAsyncContext;

/***/ }),

/***/ 27632:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GV: () => (/* binding */ YamlConfigFile),
/* harmony export */   I: () => (/* binding */ kindOf),
/* harmony export */   au: () => (/* binding */ didYouMean),
/* harmony export */   jV: () => (/* binding */ formatPath),
/* harmony export */   x: () => (/* binding */ ConfigFileError)
/* harmony export */ });
/* unused harmony exports errorMap, closest, zodProblems */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(13798);
/**
 * What every YAML config file of ours shares (the gateway's `gateway-config.yaml`, the evaluation
 * suite `eval.yaml`): parsing as PyYAML-compatible YAML, zod validation whose messages say what to
 * write instead, and errors that name the file, the line and the YAML path of each problem.
 *
 * Messages never quote the offending line or value: config files hold keys, and a key pasted into
 * the wrong field must not end up in a CI log.
 */


/**
 * A config file that cannot be used; one `file:line: path: message` line per problem. `path` and
 * `line` are those of the first problem. Each kind of file has its own subclass.
 */
class ConfigFileError extends Error {
    file;
    path;
    line;
    problems;
    constructor(file, problems, options) {
        const list = Array.isArray(problems) ? problems : [problems];
        const where = file ?? options?.label ?? 'config';
        // Only a cause that was given: `{ cause: undefined }` would still create the property.
        super(list.map((p) => `${where}${p.line ? `:${p.line}` : ''}: ${p.path ? `${p.path}: ` : ''}${p.message}`).join('\n'), options && 'cause' in options ? { cause: options.cause } : undefined);
        this.name = 'ConfigFileError';
        this.file = file;
        this.path = list[0]?.path ?? '';
        this.line = list[0]?.line;
        this.problems = list;
    }
}
/** `endpoints[2].model.config`, `thresholds["exact_match/mean"]`. */
function formatPath(path) {
    let out = '';
    for (const part of path) {
        if (typeof part === 'number')
            out += `[${part}]`;
        else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(String(part)))
            out += out === '' ? String(part) : `.${String(part)}`;
        else
            out += `[${JSON.stringify(String(part))}]`;
    }
    return out;
}
/** What a value is, in YAML words, for "must be X, not Y" (never the value itself). */
function kindOf(value) {
    if (value === null)
        return 'an empty value';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object')
        return 'a mapping';
    if (typeof value === 'boolean')
        return 'true/false';
    return `a ${typeof value}`;
}
const EXPECTED = {
    object: 'a mapping (key: value pairs)',
    array: 'a list',
    int: 'a whole number',
    number: 'a number',
    string: 'a string',
    boolean: 'true or false',
};
/** Zod's default messages rewritten to say what to write instead, never quoting the input. */
const errorMap = (issue) => {
    switch (issue.code) {
        case 'invalid_type':
            if (issue.input === undefined)
                return `is missing; add it (${EXPECTED[issue.expected] ?? issue.expected})`;
            return `must be ${EXPECTED[issue.expected] ?? issue.expected}, not ${kindOf(issue.input)}`;
        case 'too_small': {
            const min = String(issue.minimum);
            if (issue.origin === 'array')
                return issue.minimum === 1 ? 'must not be empty' : `must list at least ${min} entries`;
            if (issue.origin === 'string')
                return issue.minimum === 1 ? 'must not be empty' : `must be at least ${min} characters long`;
            return `must be ${issue.inclusive ? 'at least' : 'greater than'} ${min}`;
        }
        case 'too_big': {
            const max = String(issue.maximum);
            if (issue.origin === 'array')
                return `must list at most ${max} entries`;
            if (issue.origin === 'string')
                return `must be at most ${max} characters long`;
            return `must be ${issue.inclusive ? 'at most' : 'less than'} ${max}`;
        }
        case 'invalid_value':
            return issue.values.length === 1
                ? `must be ${JSON.stringify(issue.values[0])}`
                : `must be one of: ${issue.values.map((v) => String(v)).join(', ')}`;
        case 'invalid_format':
            return `must be a valid ${issue.format}`;
        case 'not_multiple_of':
            return `must be a multiple of ${String(issue.divisor)}`;
        default:
            return undefined;
    }
};
/**
 * The likeliest meant candidate: within two edits (of a word at least twice as long), a prefix,
 * or the same `_`-separated words with one left out or added (`anthropic_key`).
 */
function closest(word, candidates) {
    const w = word.toLowerCase();
    const wordParts = w.split(/[_-]/).filter(Boolean);
    let best;
    let bestDistance = Infinity;
    for (const c of candidates) {
        const lc = c.toLowerCase();
        const d = editDistance(w, lc);
        const near = d <= 2 && d * 2 <= Math.min(w.length, lc.length);
        const prefix = w.length >= 4 && (lc.startsWith(w) || w.startsWith(lc));
        const parts = lc.split(/[_-]/).filter(Boolean);
        const [fewer, more] = wordParts.length < parts.length ? [wordParts, parts] : [parts, wordParts];
        const sameWords = fewer.length >= 2 && more.length - fewer.length === 1 && fewer.every((p) => more.includes(p));
        if ((near || prefix || sameWords) && d < bestDistance)
            [best, bestDistance] = [c, d];
    }
    return best;
}
function editDistance(a, b) {
    let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        const row = [i];
        for (let j = 1; j <= b.length; j++) {
            row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        prev = row;
    }
    return prev[b.length];
}
/** ` Did you mean "x"?` (leading space included), or an empty string. */
function didYouMean(word, candidates) {
    const c = closest(word, candidates);
    return c ? ` Did you mean "${c}"?` : '';
}
/** The keys a strict object schema allows at `path`, for messages; undefined when unknowable. */
function allowedKeysAt(schema, path) {
    let s = unwrapSchema(schema);
    for (const part of path) {
        if (s instanceof zod__WEBPACK_IMPORTED_MODULE_1__/* .ZodObject */ .bvH && typeof part === 'string')
            s = unwrapSchema(s.shape[part]);
        else if (s instanceof zod__WEBPACK_IMPORTED_MODULE_1__/* .ZodArray */ .naA && typeof part === 'number')
            s = unwrapSchema(s.element);
        else if (s instanceof zod__WEBPACK_IMPORTED_MODULE_1__/* .ZodRecord */ .b8S)
            s = unwrapSchema(s.valueType);
        else
            return undefined;
    }
    return s instanceof zod__WEBPACK_IMPORTED_MODULE_1__/* .ZodObject */ .bvH ? Object.keys(s.shape) : undefined;
}
function unwrapSchema(schema) {
    let s = schema;
    for (let depth = 0; depth < 10; depth++) {
        if (s instanceof zod__WEBPACK_IMPORTED_MODULE_1__/* .ZodOptional */ .IiU || s instanceof zod__WEBPACK_IMPORTED_MODULE_1__/* .ZodNullable */ .l1C || s instanceof zod__WEBPACK_IMPORTED_MODULE_1__/* .ZodDefault */ .XiL)
            s = s.unwrap();
        else if (s instanceof zod__WEBPACK_IMPORTED_MODULE_1__/* .ZodPipe */ .utH)
            s = s.in instanceof zod__WEBPACK_IMPORTED_MODULE_1__/* .ZodTransform */ .CLY ? s.out : s.in;
        else if (s instanceof zod__WEBPACK_IMPORTED_MODULE_1__/* .ZodUnion */ .fZ7)
            s = s.options.find((o) => unwrapSchema(o) instanceof zod__WEBPACK_IMPORTED_MODULE_1__/* .ZodObject */ .bvH) ?? s.options[0];
        else
            return s;
    }
    return s;
}
/**
 * The one union branch whose type the value had (its problems lie inside the value), so that
 * `cache: {max_entries: 5}` says ttl_seconds is missing rather than "must be true or a mapping".
 */
function matchedBranch(issue) {
    const typeMismatch = (i) => (i.path ?? []).length === 0 && (i.code === 'invalid_type' || i.code === 'invalid_value' || i.code === 'invalid_union');
    const matched = (issue.errors ?? []).filter((branch) => branch.length > 0 && !branch.some(typeMismatch));
    return matched.length === 1 ? matched[0] : undefined;
}
/**
 * Problems from a safeParse failure of `schema`, whose input sits at `prefix` in the file.
 * Unknown keys come first: a misspelt key also makes the real one "missing", and the typo is the
 * thing to fix. `schema` serves only to list the keys allowed where an unknown key is.
 */
function zodProblems(issues, prefix, schema) {
    const unknownKeys = [];
    const out = [];
    for (const issue of issues) {
        const path = [...prefix, ...(issue.path ?? []).map((p) => (typeof p === 'number' ? p : String(p)))];
        if (issue.code === 'unrecognized_keys' && issue.keys) {
            const allowed = allowedKeysAt(schema, issue.path ?? []);
            for (const key of issue.keys) {
                const hint = allowed ? `${didYouMean(key, allowed)} Valid keys here: ${allowed.join(', ')}.` : ' Remove it.';
                unknownKeys.push({ path: [...path, key], message: `unknown key "${key}".${hint}` });
            }
        }
        else if (issue.code === 'invalid_union' && matchedBranch(issue)) {
            const base = (issue.path ?? []).map((p) => (typeof p === 'number' ? p : String(p)));
            const inner = matchedBranch(issue).map((i) => ({ ...i, path: [...base, ...(i.path ?? [])] }));
            out.push(...zodProblems(inner, prefix, schema));
        }
        else {
            out.push({ path, message: issue.message ?? 'is invalid' });
        }
    }
    return [...unknownKeys, ...out];
}
/**
 * One config file's text on its way to a validated value: parsing, line lookup for any YAML
 * path, and throwing the file kind's error for problems found at those paths.
 */
class YamlConfigFile {
    file;
    #text;
    #lines = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    #makeError;
    #redact;
    #doc;
    constructor(text, options) {
        this.#text = text;
        this.file = options.file;
        this.#makeError = options.error;
        this.#redact = options.redact ?? ((message) => message);
    }
    /**
     * The document as plain data (null or undefined for an empty file; callers say what belongs
     * there). Throws for a syntax error or an alias bomb.
     */
    parse() {
        // YAML 1.2 core schema (so `2024-02-01` stays a string), plus `<<` merge keys, which
        // PyYAML (and so MLflow) supports and shared-config files use.
        const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(this.#text, { lineCounter: this.#lines, prettyErrors: false, merge: true });
        const error = doc.errors[0];
        if (error) {
            const { line, col } = this.#lines.linePos(error.pos[0]);
            // The message alone: the yaml package's pretty form quotes the line, which may hold a key.
            this.fail([], `invalid YAML (column ${col}): ${error.message.split('\n')[0]}. Fix the syntax there.`, line);
        }
        this.#doc = doc;
        try {
            return doc.toJS();
        }
        catch (err) {
            // An alias bomb: the yaml package refuses to expand too many aliases.
            return this.fail([], `cannot expand the file's anchors and aliases: ${err.message}. Use fewer aliases.`, undefined, err);
        }
    }
    /** 1-based line of the nearest entry on `path` that exists in the file (a key's own line). */
    lineOf(path) {
        if (!this.#doc)
            return undefined;
        for (let n = path.length; n > 0; n--) {
            const parent = n === 1 ? this.#doc.contents : this.#doc.getIn(path.slice(0, n - 1), true);
            const last = path[n - 1];
            let node;
            if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(parent))
                node = parent.items.find((pair) => (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key) && pair.key.value === last)?.key;
            else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(parent) && typeof last === 'number')
                node = parent.items[last];
            if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isNode */ .Ll)(node) && node.range)
                return this.#lines.linePos(node.range[0]).line;
        }
        const root = this.#doc.contents;
        return (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isNode */ .Ll)(root) && root.range ? this.#lines.linePos(root.range[0]).line : undefined;
    }
    problem(path, message, line) {
        return { path: formatPath(path), line: line ?? this.lineOf(path), message: this.#redact(message) };
    }
    fail(path, message, line, cause) {
        throw this.#makeError(this.file, [this.problem(path, message, line)], cause === undefined ? undefined : { cause });
    }
    failMany(problems) {
        throw this.#makeError(this.file, problems.map((p) => this.problem(p.path, p.message)));
    }
    /**
     * `value` (found at `prefix` in the file) validated by `schema`; every problem is thrown at once.
     * `keysSchema` lists the allowed keys for unknown-key messages when `schema` alone does not
     * (options validated apart from the keys next to them).
     */
    validate(schema, value, prefix = [], keysSchema = schema) {
        const result = schema.safeParse(value, { error: errorMap });
        if (!result.success)
            this.failMany(zodProblems(result.error.issues, prefix, keysSchema));
        return result.data;
    }
}


/***/ }),

/***/ 43961:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  evaluate: () => (/* reexport */ evaluate),
  formatEvaluation: () => (/* reexport */ formatEvaluation),
  loadSuite: () => (/* reexport */ loadSuite)
});

// UNUSED EXPORTS: EvalTag, RESULTS_CSV, RESULTS_JSON, SCORER_TYPES, ScorerError, SuiteError, aggregateTarget, findScorerType, loggedMetrics, metricStatsFrom, parseSuite, resultsTable

// EXTERNAL MODULE: ./build/src/evaluate/tags.js
var tags = __webpack_require__(57152);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./build/src/report/gates/index.js + 9 modules
var report_gates = __webpack_require__(15991);
// EXTERNAL MODULE: ./build/src/tracing/constants.js
var constants = __webpack_require__(77997);
// EXTERNAL MODULE: external "node:async_hooks"
var external_node_async_hooks_ = __webpack_require__(16698);
;// CONCATENATED MODULE: ./build/src/tracing/context.js
/**
 * The active-span context. One AsyncLocalStorage slot holds either the active LiveSpan or a
 * remote parent extracted from a `traceparent` header, so every async continuation (including
 * each branch of a `Promise.all`) sees the span that was active where it was created.
 */

const storage = new external_node_async_hooks_.AsyncLocalStorage();
function context_currentContext() {
    return storage.getStore();
}
function context_isTraceContext(value) {
    return typeof value === 'object' && value !== null && value.isRemote === true && typeof value.spanId === 'string';
}
function context_runInContext(context, fn) {
    return context === undefined ? storage.exit(fn) : storage.run(context, fn);
}
/** Runs `fn` outside any span, so work the SDK schedules (timers, exports) holds no user span. */
function runOutsideContext(fn) {
    return storage.exit(fn);
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./build/src/tracing/ids.js
/**
 * Trace and span ids (W3C/OTel: 16 and 8 random bytes, lowercase hex) and their encodings:
 * MLflow's `tr-<hex>` trace id and the base64 form MLflow's span JSON uses.
 */


// One getrandom call and one hex conversion per 4 KiB instead of per span: ids sit on the span hot path.
const pool = Buffer.allocUnsafe(4096);
let poolHex = '';
let offset = Infinity;
function randomHex(bytes) {
    const chars = bytes * 2;
    for (;;) {
        if (offset + chars > poolHex.length) {
            (0,external_node_crypto_.randomFillSync)(pool);
            poolHex = pool.toString('hex');
            offset = 0;
        }
        const hex = poolHex.slice(offset, offset + chars);
        offset += chars;
        // All-zero ids are invalid in W3C trace context.
        if (hex !== '0'.repeat(chars))
            return hex;
    }
}
/** 32 lowercase hex characters. */
const newTraceIdHex = () => randomHex(16);
/** 16 lowercase hex characters. */
const newSpanIdHex = () => randomHex(8);
const ids_toMlflowTraceId = (hex) => constants/* TRACE_ID_PREFIX */.hD + hex;
/** The hex OTel id inside an MLflow `tr-` id (a bare hex id is returned as is). */
const fromMlflowTraceId = (traceId) => traceId.startsWith(constants/* TRACE_ID_PREFIX */.hD) ? traceId.slice(constants/* TRACE_ID_PREFIX */.hD.length) : traceId;
const hexToBase64 = (hex) => Buffer.from(hex, 'hex').toString('base64');
const base64ToHex = (b64) => Buffer.from(b64, 'base64').toString('hex');
const ids_isTraceIdHex = (s) => /^[0-9a-f]{32}$/.test(s) && !/^0+$/.test(s);
const ids_isSpanIdHex = (s) => /^[0-9a-f]{16}$/.test(s) && !/^0+$/.test(s);

;// CONCATENATED MODULE: ./build/src/tracing/params.js
/**
 * Naming a traced function's arguments from its source text (`fn.toString()`), so a span's
 * inputs read `{question: "...", k: 3}` rather than `[ "...", 3 ]`. The scanner understands
 * strings, template literals, comments, regex literals and nested brackets in default values,
 * computed method names, and `async x => ...`; anything it cannot name falls back to `{args}`.
 */
const IDENT = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*/u;
/** Characters after which a `/` starts a regex literal rather than a division. */
const REGEX_PRECEDERS = new Set(['(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^', '']);
class Scanner {
    src;
    pos = 0;
    constructor(src) {
        this.src = src;
    }
    get done() {
        return this.pos >= this.src.length;
    }
    /** Skips whitespace and comments. */
    skipTrivia() {
        for (;;) {
            const c = this.src[this.pos];
            if (c === undefined)
                return;
            if (/\s/.test(c))
                this.pos++;
            else if (c === '/' && this.src[this.pos + 1] === '/') {
                const end = this.src.indexOf('\n', this.pos);
                this.pos = end === -1 ? this.src.length : end + 1;
            }
            else if (c === '/' && this.src[this.pos + 1] === '*') {
                const end = this.src.indexOf('*/', this.pos + 2);
                this.pos = end === -1 ? this.src.length : end + 2;
            }
            else
                return;
        }
    }
    readIdentifier() {
        const m = IDENT.exec(this.src.slice(this.pos));
        if (!m)
            return undefined;
        this.pos += m[0].length;
        return m[0];
    }
    /** Skips a quoted string starting at pos (the opening quote). */
    skipString() {
        const quote = this.src[this.pos++];
        while (!this.done) {
            const c = this.src[this.pos++];
            if (c === '\\')
                this.pos++;
            else if (c === quote)
                return;
        }
    }
    /** Skips a template literal starting at pos (the backtick), including `${...}` parts. */
    skipTemplate() {
        this.pos++;
        while (!this.done) {
            const c = this.src[this.pos++];
            if (c === '\\')
                this.pos++;
            else if (c === '`')
                return;
            else if (c === '$' && this.src[this.pos] === '{') {
                this.pos++;
                this.skipBalanced('}');
            }
        }
    }
    skipRegex() {
        this.pos++;
        let inClass = false;
        while (!this.done) {
            const c = this.src[this.pos++];
            if (c === '\\')
                this.pos++;
            else if (c === '[')
                inClass = true;
            else if (c === ']')
                inClass = false;
            else if (c === '/' && !inClass)
                break;
        }
        while (!this.done && /[a-z]/i.test(this.src[this.pos]))
            this.pos++;
    }
    /**
     * Advances past the bracket that closes the current level (`close`), returning the text
     * before it with top-level commas recorded; strings, templates, comments and regexes are opaque.
     */
    skipBalanced(close, commas) {
        const stack = [close];
        let prev = '';
        while (!this.done) {
            const c = this.src[this.pos];
            const next = this.src[this.pos + 1];
            if (c === '"' || c === "'") {
                this.skipString();
                prev = 'a';
                continue;
            }
            if (c === '`') {
                this.skipTemplate();
                prev = 'a';
                continue;
            }
            if (c === '/' && (next === '/' || next === '*')) {
                this.skipTrivia();
                continue;
            }
            if (c === '/' && REGEX_PRECEDERS.has(prev)) {
                this.skipRegex();
                prev = 'a';
                continue;
            }
            this.pos++;
            if (/\s/.test(c))
                continue;
            if (c === '(')
                stack.push(')');
            else if (c === '[')
                stack.push(']');
            else if (c === '{')
                stack.push('}');
            else if (c === ')' || c === ']' || c === '}') {
                stack.pop();
                if (stack.length === 0)
                    return;
            }
            else if (c === ',' && stack.length === 1)
                commas?.push(this.pos - 1);
            prev = c;
        }
    }
}
function slotFromText(text) {
    const scanner = new Scanner(text);
    scanner.skipTrivia();
    if (scanner.done)
        return undefined;
    let rest = false;
    if (text.startsWith('...', scanner.pos)) {
        rest = true;
        scanner.pos += 3;
        scanner.skipTrivia();
    }
    const c = text[scanner.pos];
    if (c === '{' || c === '[')
        return { name: null, rest };
    const name = scanner.readIdentifier();
    return { name: name ?? null, rest };
}
/**
 * The parameter slots of a function given its source text, or undefined when the text is not a
 * recognisable function (native code still parses: `function () { [native code] }` has none).
 */
function parseParameters(source) {
    const s = new Scanner(source);
    s.skipTrivia();
    const start = s.pos;
    const first = s.readIdentifier();
    if (first === 'class')
        return undefined;
    if (first !== undefined) {
        // `x => ...`, `async x => ...` (but `async => ...` names its parameter "async").
        s.skipTrivia();
        if (source.startsWith('=>', s.pos))
            return [{ name: first, rest: false }];
        if (first === 'async') {
            const afterAsync = s.pos;
            const second = s.readIdentifier();
            if (second !== undefined) {
                s.skipTrivia();
                if (source.startsWith('=>', s.pos))
                    return [{ name: second, rest: false }];
            }
            s.pos = afterAsync;
        }
    }
    s.pos = start;
    // Find the parameter list's "(": skip keywords, the name, `*`, and computed keys `[...]`.
    for (;;) {
        s.skipTrivia();
        if (s.done)
            return undefined;
        const c = source[s.pos];
        if (c === '(')
            break;
        if (c === '[') {
            s.pos++;
            s.skipBalanced(']');
            continue;
        }
        if (c === '"' || c === "'") {
            s.skipString();
            continue;
        }
        if (c === '*' || c === '#') {
            s.pos++;
            continue;
        }
        if (s.readIdentifier() === undefined)
            return undefined;
    }
    const open = s.pos;
    s.pos++;
    const commas = [];
    s.skipBalanced(')', commas);
    if (s.done && source[s.pos - 1] !== ')')
        return undefined;
    const close = s.pos - 1;
    const bounds = [open, ...commas, close];
    const slots = [];
    for (let i = 0; i + 1 < bounds.length; i++) {
        const slot = slotFromText(source.slice(bounds[i] + 1, bounds[i + 1]));
        // An empty slot is the trailing comma of `(a, b,)`.
        if (slot)
            slots.push(slot);
    }
    return slots;
}
const cache = new WeakMap();
function slotsOf(fn) {
    let slots = cache.get(fn);
    if (slots === undefined) {
        try {
            slots = parseParameters(Function.prototype.toString.call(fn)) ?? null;
        }
        catch {
            slots = null;
        }
        cache.set(fn, slots);
    }
    return slots ?? undefined;
}
/**
 * A traced call's inputs: `{name: value}` per named parameter that received an argument (a rest
 * parameter collects the remainder), `{}` for no arguments, and `{args: [...]}` whenever some
 * argument cannot be named (destructured parameters, extra arguments, unparseable source).
 */
function params_mapArgsToInputs(fn, args) {
    if (args.length === 0)
        return {};
    const slots = slotsOf(fn);
    if (!slots)
        return { args: [...args] };
    const inputs = {};
    for (let i = 0; i < args.length; i++) {
        const slot = slots[i];
        if (!slot || slot.name === null)
            return { args: [...args] };
        if (slot.rest) {
            inputs[slot.name] = args.slice(i);
            return inputs;
        }
        inputs[slot.name] = args[i];
    }
    return inputs;
}

// EXTERNAL MODULE: ./build/src/client/fluent.js
var fluent = __webpack_require__(91347);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 10 modules
var schemas = __webpack_require__(13798);
;// CONCATENATED MODULE: ./build/src/tracing/config.js
/**
 * The project config file `mlflow-config.yaml` and the tracing settings resolved from code, the
 * environment and that file (in that order of precedence, then defaults). The loader is shared:
 * the server and the gateway read their own sections of the same file, so unknown top-level
 * sections are allowed while each known section is strict (a typo is an error, not a silent
 * default). Every error names the file, the line and the YAML path of the offending value.
 */




const PROJECT_CONFIG_FILE = 'mlflow-config.yaml';
const between0and1 = { error: 'must be a number between 0 and 1' };
const nonNegativeMs = { error: 'must be a non-negative number of milliseconds' };
const tracingConfigSchema = schemas/* strictObject */.rej({
    /** Fraction of traces exported, decided once per trace at its root. */
    sampling_rate: schemas/* number */.aig(between0and1).min(0, between0and1).max(1, between0and1).optional(),
    /** A sampled-out trace whose root took longer than this is exported anyway, tagged slow. */
    slow_threshold_ms: schemas/* number */.aig(nonNegativeMs).min(0, nonNegativeMs).optional(),
});
const projectConfigSchema = schemas/* looseObject */._H3({
    tracing: tracingConfigSchema.optional(),
});
/** A config file that cannot be used; `issues` lists every problem found. */
class ProjectConfigError extends Error {
    file;
    issues;
    constructor(file, issues) {
        const lines = issues.map((i) => `  ${file}${i.line ? `:${i.line}` : ''}: ${i.path ? `${i.path}: ` : ''}${i.message}`);
        super(`Invalid project config ${file}:\n${lines.join('\n')}\nFix the file (see the tracing section of the README for the schema) or remove it.`);
        this.name = 'ProjectConfigError';
        this.file = file;
        this.issues = issues;
    }
}
/** A bad tracing setting given in code or in the environment. */
class TracingConfigError extends Error {
    constructor(message) {
        super(message);
        this.name = 'TracingConfigError';
    }
}
function formatPath(path) {
    let out = '';
    for (const part of path) {
        if (typeof part === 'number')
            out += `[${part}]`;
        else
            out += out === '' ? String(part) : `.${String(part)}`;
    }
    return out;
}
/**
 * Parses and validates config text. `file` is only used in messages. An empty file is an empty
 * config. Throws ProjectConfigError.
 */
function parseProjectConfig(text, file = PROJECT_CONFIG_FILE) {
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter, prettyErrors: true });
    if (doc.errors.length > 0) {
        throw new ProjectConfigError(file, doc.errors.map((e) => ({ path: '', line: e.linePos?.[0].line, message: `YAML syntax: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}` })));
    }
    const data = doc.toJS() ?? {};
    const result = projectConfigSchema.safeParse(data);
    if (result.success)
        return result.data;
    const lineOf = (path) => {
        const node = doc.getIn(path, true);
        if (!(0,dist/* isNode */.Ll)(node) || !node.range)
            return undefined;
        return lineCounter.linePos(node.range[0]).line;
    };
    const issues = result.error.issues.map((issue) => {
        let message = issue.message;
        if (issue.code === 'unrecognized_keys') {
            const where = issue.path.length ? formatPath(issue.path) : 'the top level';
            const known = issue.path[0] === 'tracing' ? ` (expected ${Object.keys(tracingConfigSchema.shape).join(', ')})` : '';
            message = `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')} in ${where}${known}`;
            return { path: formatPath(issue.path), line: lineOf([...issue.path, issue.keys[0]]) ?? lineOf(issue.path), message };
        }
        if (issue.code === 'invalid_type' && issue.path.length === 0)
            message = 'the file must be a YAML mapping (key: value pairs)';
        else if (issue.code === 'invalid_type' && issue.expected === 'object')
            message = 'must be a mapping (key: value pairs)';
        const got = issue.path.length ? doc.getIn(issue.path) : undefined;
        if (got !== undefined && (typeof got !== 'object' || got === null))
            message += ` (got ${JSON.stringify(got)})`;
        return { path: formatPath(issue.path), line: lineOf(issue.path), message };
    });
    throw new ProjectConfigError(file, issues);
}
/** Reads the project config file; undefined when none is given and none exists. Throws ProjectConfigError. */
function loadProjectConfig(options = {}) {
    const file = options.path !== undefined ? (0,external_node_path_.resolve)(options.cwd ?? process.cwd(), options.path) : (0,external_node_path_.join)(options.cwd ?? process.cwd(), PROJECT_CONFIG_FILE);
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch (err) {
        if (options.path === undefined && err.code === 'ENOENT')
            return undefined;
        throw new ProjectConfigError(file, [{ path: '', message: `cannot read the file (${err.code ?? err.message})` }]);
    }
    return { file, config: parseProjectConfig(text, file) };
}
function checkRate(value, where) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
        throw new TracingConfigError(`${where} must be a number between 0 and 1, got ${JSON.stringify(value)}.`);
    }
    return value;
}
function checkThreshold(value, where) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
        throw new TracingConfigError(`${where} must be a non-negative number of milliseconds, got ${JSON.stringify(value)}.`);
    }
    return value;
}
function envNumber(env, name) {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '')
        return undefined;
    const n = Number(raw);
    if (!Number.isFinite(n))
        throw new TracingConfigError(`Environment variable ${name} must be a number, got '${raw}'.`);
    return n;
}
/** Sampling settings by precedence: code, then `MLFLOW_TRACE_*` env, then the file, then rate 1 and no threshold. */
function resolveTracingSettings(input = {}) {
    const env = input.env ?? process.env;
    const fileTracing = input.file?.tracing;
    let samplingRate = 1;
    let rateSource = 'default';
    const envRate = envNumber(env, 'MLFLOW_TRACE_SAMPLING_RATE');
    if (input.code?.samplingRate !== undefined) {
        samplingRate = checkRate(input.code.samplingRate, 'init({samplingRate})');
        rateSource = 'code';
    }
    else if (envRate !== undefined) {
        samplingRate = checkRate(envRate, 'MLFLOW_TRACE_SAMPLING_RATE');
        rateSource = 'env';
    }
    else if (fileTracing?.sampling_rate !== undefined) {
        samplingRate = fileTracing.sampling_rate;
        rateSource = 'file';
    }
    let slowThresholdMs;
    let slowSource = 'default';
    const envSlow = envNumber(env, 'MLFLOW_TRACE_SLOW_THRESHOLD_MS');
    if (input.code?.slowThresholdMs !== undefined) {
        slowThresholdMs = checkThreshold(input.code.slowThresholdMs, 'init({slowThresholdMs})');
        slowSource = 'code';
    }
    else if (envSlow !== undefined) {
        slowThresholdMs = checkThreshold(envSlow, 'MLFLOW_TRACE_SLOW_THRESHOLD_MS');
        slowSource = 'env';
    }
    else if (fileTracing?.slow_threshold_ms !== undefined) {
        slowThresholdMs = fileTracing.slow_threshold_ms;
        slowSource = 'file';
    }
    return { samplingRate, slowThresholdMs, sources: { samplingRate: rateSource, slowThresholdMs: slowSource } };
}

;// CONCATENATED MODULE: ./build/src/tracing/exporter.js
/**
 * An export failure. `retryable` says whether a later attempt can succeed; `traces` narrows it
 * to the traces that failed (the rest of the batch is stored); `errors` holds per-trace failures
 * of a partly failed batch.
 */
class TraceExportError extends Error {
    retryable;
    traces;
    errors;
    constructor(message, options) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.name = 'TraceExportError';
        this.retryable = options.retryable;
        this.traces = options.traces;
        this.errors = options.errors ?? [];
    }
}
/** Keeps exported traces in memory: for tests, and for programs that read their own traces. */
class InMemoryTraceExporter {
    traces = [];
    async export(traces) {
        this.traces.push(...traces);
    }
    clear() {
        this.traces.length = 0;
    }
}
const RETRY_CAP_MS = 30_000;
const defaultWarn = (message) => {
    console.warn(`[mlflow-tracing] ${message}`);
};
class ExportQueue {
    exporter;
    #maxQueueSize;
    #maxBatchSize;
    #scheduleDelayMs;
    #maxRetries;
    #retryBaseMs;
    #warn;
    #warned = new Set();
    #stats = { exported: 0, droppedQueueFull: 0, droppedFailed: 0, droppedAtExit: 0, retries: 0 };
    #queue = [];
    #inflight;
    #abort;
    #running = false;
    #timer;
    #timerIsBackoff = false;
    #waiters = [];
    #holders = 0;
    #closed = false;
    /** While set, backoffs are cut to fit before this time (ms, performance.now()). */
    #deadline;
    constructor(exporter, options = {}) {
        this.exporter = exporter;
        this.#maxQueueSize = Math.max(1, options.maxQueueSize ?? 2048);
        this.#maxBatchSize = Math.max(1, options.maxBatchSize ?? 32);
        this.#scheduleDelayMs = Math.max(0, options.scheduleDelayMs ?? 50);
        this.#maxRetries = Math.max(0, options.maxRetries ?? 5);
        this.#retryBaseMs = Math.max(1, options.retryBaseMs ?? 500);
        this.#warn = options.warn ?? defaultWarn;
    }
    get stats() {
        return { ...this.#stats };
    }
    /** Traces queued or being exported. */
    get pending() {
        return this.#queue.length + (this.#inflight?.length ?? 0);
    }
    get closed() {
        return this.#closed;
    }
    #warnOnce(kind, message) {
        if (this.#warned.has(kind))
            return;
        this.#warned.add(kind);
        try {
            this.#warn(message);
        }
        catch {
            // A broken logger must not break the export loop.
        }
    }
    enqueue(trace) {
        if (this.#closed) {
            this.#stats.droppedAtExit++;
            this.#warnOnce('closed', `Trace ${trace.traceId} finished after tracing was shut down; it was not exported.`);
            return;
        }
        if (this.#queue.length >= this.#maxQueueSize) {
            this.#queue.shift();
            this.#stats.droppedQueueFull++;
            this.#warnOnce('queue-full', `The trace export queue is full (${this.#maxQueueSize} traces): dropping the oldest. ` +
                'The tracking server is slower than traces are produced or unreachable; exportStats().droppedQueueFull counts the drops.');
        }
        this.#queue.push({ trace, attempts: 0 });
        if (this.#running || (this.#timer && this.#timerIsBackoff))
            return;
        if (this.#queue.length >= this.#maxBatchSize || this.#holders > 0)
            this.#kick();
        else if (!this.#timer)
            this.#setTimer(this.#scheduleDelayMs, false);
    }
    #setTimer(ms, backoff) {
        this.#timer = setTimeout(() => {
            this.#timer = undefined;
            this.#timerIsBackoff = false;
            this.#kick();
        }, ms);
        this.#timerIsBackoff = backoff;
        if (this.#holders === 0)
            this.#timer.unref();
    }
    #kick() {
        if (this.#timer && !this.#timerIsBackoff) {
            clearTimeout(this.#timer);
            this.#timer = undefined;
        }
        if (this.#running || this.#timer)
            return;
        void this.#run();
    }
    #backoffMs(attempt) {
        const ceiling = Math.min(RETRY_CAP_MS, this.#retryBaseMs * 2 ** (attempt - 1));
        let ms = Math.round(ceiling * (0.5 + Math.random() * 0.5));
        if (this.#deadline !== undefined)
            ms = Math.min(ms, Math.max(0, this.#deadline - performance.now() - 50));
        return ms;
    }
    async #run() {
        this.#running = true;
        try {
            while (this.#queue.length > 0 && !this.#timer) {
                const batch = this.#queue.splice(0, this.#maxBatchSize);
                this.#inflight = batch;
                const controller = new AbortController();
                this.#abort = controller;
                let error;
                try {
                    await this.exporter.export(batch.map((i) => i.trace), controller.signal);
                }
                catch (err) {
                    error = err;
                }
                this.#inflight = undefined;
                this.#abort = undefined;
                // An abandoned batch (exit deadline) was already counted as dropped.
                if (controller.signal.aborted)
                    continue;
                if (error === undefined) {
                    this.#stats.exported += batch.length;
                    continue;
                }
                this.#handleFailure(batch, error);
            }
        }
        finally {
            this.#running = false;
            this.#notifyIfIdle();
        }
    }
    #handleFailure(batch, error) {
        const failures = [];
        const failed = new Set();
        const itemsOf = (traces) => (traces ? batch.filter((i) => traces.includes(i.trace)) : batch);
        if (error instanceof TraceExportError) {
            for (const e of error.errors.length > 0 ? error.errors : [error]) {
                const items = itemsOf(e.traces).filter((i) => !failed.has(i));
                items.forEach((i) => failed.add(i));
                failures.push({ items, retryable: e.retryable, error: e });
            }
        }
        else {
            // An exporter that throws plain errors gets the benefit of the doubt: retried, bounded.
            batch.forEach((i) => failed.add(i));
            failures.push({ items: batch, retryable: true, error });
        }
        this.#stats.exported += batch.length - failed.size;
        const requeue = [];
        for (const { items, retryable, error: e } of failures) {
            for (const item of items) {
                item.attempts++;
                if (retryable && item.attempts <= this.#maxRetries && !this.#closedForRetries())
                    requeue.push(item);
                else {
                    this.#stats.droppedFailed++;
                    const message = e instanceof Error ? e.message : String(e);
                    this.#warnOnce('export-failed', `Could not export trace ${item.trace.traceId}${retryable ? ` after ${item.attempts} attempts` : ''}: ${message} ` +
                        '(further export failures are counted in exportStats() without being logged).');
                }
            }
        }
        if (requeue.length === 0)
            return;
        this.#stats.retries += requeue.length;
        // Retried traces go first so traces keep their finishing order; the queue bound still holds.
        this.#queue = [...requeue, ...this.#queue];
        while (this.#queue.length > this.#maxQueueSize) {
            this.#queue.pop();
            this.#stats.droppedQueueFull++;
        }
        const attempt = Math.max(...requeue.map((i) => i.attempts));
        this.#setTimer(this.#backoffMs(attempt), true);
    }
    #closedForRetries() {
        return this.#deadline !== undefined && performance.now() >= this.#deadline;
    }
    #notifyIfIdle() {
        if (this.pending > 0 || this.#running || this.#timer)
            return;
        const waiters = this.#waiters;
        this.#waiters = [];
        for (const resolve of waiters)
            resolve();
    }
    /**
     * Exports everything queued now, waiting through retries. Resolves true when the queue drained,
     * false when `timeoutMs` passed first (the traces stay queued).
     */
    async flush(timeoutMs) {
        if (this.pending === 0 && !this.#running)
            return true;
        this.#holders++;
        this.#timer?.ref();
        try {
            const drained = new Promise((resolve) => this.#waiters.push(() => resolve(true)));
            if (!this.#running)
                this.#kick();
            if (timeoutMs === undefined)
                return await drained;
            let timeout;
            const expired = new Promise((resolve) => (timeout = setTimeout(() => resolve(false), timeoutMs)));
            try {
                return await Promise.race([drained, expired]);
            }
            finally {
                clearTimeout(timeout);
            }
        }
        finally {
            this.#holders--;
            if (this.#holders === 0)
                this.#timer?.unref();
        }
    }
    /**
     * The flush at process exit: at most `timeoutMs`, retries squeezed into that time, and whatever
     * is left after it dropped (counted and reported once), so the process can exit.
     */
    async flushForExit(timeoutMs) {
        if (this.pending === 0)
            return;
        this.#deadline = performance.now() + timeoutMs;
        if (this.#timer && this.#timerIsBackoff) {
            // A long backoff scheduled before exit would outlive the deadline.
            clearTimeout(this.#timer);
            this.#timer = undefined;
            this.#timerIsBackoff = false;
        }
        try {
            const drained = await this.flush(timeoutMs);
            if (!drained)
                this.#abandon();
        }
        finally {
            this.#deadline = undefined;
        }
    }
    #abandon() {
        const left = this.pending;
        if (left === 0)
            return;
        this.#stats.droppedAtExit += left;
        this.#queue = [];
        this.#inflight = undefined;
        this.#abort?.abort();
        if (this.#timer) {
            clearTimeout(this.#timer);
            this.#timer = undefined;
            this.#timerIsBackoff = false;
        }
        this.#warnOnce('exit', `${left} trace(s) could not be exported before the process exited (the tracking server did not answer in time).`);
        this.#notifyIfIdle();
    }
    /** Flushes (at most `timeoutMs`, default 30 s), drops the rest, and closes the exporter. Later traces are dropped. */
    async shutdown(timeoutMs = 30_000) {
        if (this.#closed)
            return;
        await this.flushForExit(timeoutMs);
        this.#closed = true;
        try {
            await this.exporter.shutdown?.();
        }
        catch {
            // Closing connections cannot fail in a way the caller could act on.
        }
    }
    /** Synchronous last word at `process.exit`: report what could not be sent. */
    reportUnexported() {
        const left = this.pending;
        if (left > 0) {
            this.#warnOnce('exit', `${left} trace(s) were not exported: the process exited first. Call \`await flushTraces()\` before exiting.`);
        }
    }
}

// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(46752);
;// CONCATENATED MODULE: ./build/src/tracing/http.js
/**
 * The exporters' HTTP: one keep-alive undici Agent, auth headers as the official SDK builds them,
 * and failures mapped to TraceExportError (retryable for 408/429/5xx and network errors). Retries
 * themselves live in the export queue, whose timers do not keep the process alive; this module
 * never sleeps. The Agent is private, so a user's tracing interceptor on the global dispatcher
 * never sees (or traces) the SDK's own requests.
 */



const ERROR_TEXT_LIMIT = 300;
const redact = (uri) => uri.replace(/\/\/[^/@]*@/, '//***@');
/** Validates the URI and moves any credentials in it into the Authorization header. */
function makeConnection(options) {
    let url;
    try {
        url = new URL(options.trackingUri);
    }
    catch {
        url = new URL('invalid:');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new TracingConfigError(`Invalid tracking URI '${redact(options.trackingUri)}': it must be the http:// or https:// URL of an MLflow tracking server. ` +
            'Pass init({trackingUri}) or set MLFLOW_TRACKING_URI, e.g. http://127.0.0.1:5000.');
    }
    const uriUser = url.username ? decodeURIComponent(url.username) : undefined;
    const uriPassword = url.password ? decodeURIComponent(url.password) : undefined;
    url.username = '';
    url.password = '';
    const username = options.username || uriUser;
    const password = options.password || uriPassword;
    const headers = {};
    // The official SDK's order: basic auth when both parts are given, else a bearer token.
    if (username && password)
        headers.authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
    else if (options.token)
        headers.authorization = `Bearer ${options.token}`;
    return { baseUrl: (url.origin + url.pathname).replace(/\/+$/, ''), headers, timeoutMs: options.timeoutMs };
}
class HttpSender {
    connection;
    #agent;
    constructor(connection) {
        this.connection = connection;
    }
    /** Sends one request; network failures become retryable TraceExportErrors. Any status is returned. */
    async send(method, path, options = {}) {
        this.#agent ??= new undici/* Agent */.g6({ keepAliveTimeout: 4_000, connections: 8 });
        const url = this.connection.baseUrl + path;
        try {
            const res = await (0,undici/* request */.Em)(url, {
                method,
                headers: { 'content-type': 'application/json', ...this.connection.headers, ...options.headers },
                body: options.body,
                dispatcher: this.#agent,
                signal: options.signal,
                headersTimeout: this.connection.timeoutMs,
                bodyTimeout: this.connection.timeoutMs,
            });
            return { status: res.statusCode, text: await res.body.text() };
        }
        catch (err) {
            const code = err.code;
            const cause = err.cause;
            const detail = [typeof code === 'string' ? code : typeof cause?.code === 'string' ? cause.code : undefined, err.message]
                .filter(Boolean)
                .join(': ');
            throw new TraceExportError(`${method} ${this.connection.baseUrl}${path.split('?')[0]} failed (${detail})`, {
                retryable: !options.signal?.aborted,
                traces: options.traces,
                cause: err,
            });
        }
    }
    /** Sends and requires a 2xx answer; other statuses become TraceExportErrors (retryable for 408/429/5xx). */
    async sendOk(method, path, options = {}) {
        const res = await this.send(method, path, options);
        if (res.status >= 200 && res.status < 300)
            return res;
        throw httpError(method, path, res, options.traces);
    }
    async close() {
        const agent = this.#agent;
        this.#agent = undefined;
        await agent?.close();
    }
}
function httpError(method, path, res, traces) {
    let detail = res.text.trim().slice(0, ERROR_TEXT_LIMIT) || '(empty body)';
    try {
        const parsed = JSON.parse(res.text);
        if (typeof parsed.error_code === 'string') {
            detail = `${parsed.error_code}: ${typeof parsed.message === 'string' ? parsed.message.slice(0, ERROR_TEXT_LIMIT) : ''}`;
        }
    }
    catch {
        // Not MLflow's error JSON; the raw text is the best description.
    }
    const retryable = res.status === 408 || res.status === 429 || res.status >= 500;
    let hint = '';
    if (res.status === 401 || res.status === 403)
        hint = ' Check MLFLOW_TRACKING_TOKEN or MLFLOW_TRACKING_USERNAME/PASSWORD.';
    else if (res.status === 404 && path.startsWith('/api/3.0/mlflow/traces'))
        hint = ' The server does not support MLflow 3 tracing (MLflow >= 3.0 or mlflow-ts server required).';
    return new TraceExportError(`${method} ${path.split('?')[0]} answered HTTP ${res.status}: ${detail}.${hint}`, { retryable, traces });
}

;// CONCATENATED MODULE: ./build/src/tracing/json.js
/**
 * Turning arbitrary user values (span inputs, outputs, attributes) into JSON text without ever
 * throwing: inputs are whatever a traced function was called with, so cycles, BigInts, Maps,
 * class instances, throwing getters and binary buffers all occur. Values are serialised when set,
 * so a later mutation of the caller's object does not rewrite what the span recorded.
 */

const MAX_DEPTH = 64;
function describeUnserializable(err) {
    const message = err instanceof Error ? err.message : String(err);
    return `[Unserializable: ${message.slice(0, 200)}]`;
}
function errorToObject(err) {
    const out = { name: err.name, message: err.message };
    for (const key of Object.keys(err))
        if (!(key in out))
            out[key] = err[key];
    return out;
}
/** JSON text for one value, or undefined when JSON has no text for it (undefined, functions, symbols). */
function encode(value, key, ancestors, depth) {
    switch (typeof value) {
        case 'string':
            return JSON.stringify(value);
        case 'number':
            return Number.isFinite(value) ? String(value) : 'null';
        case 'boolean':
            return value ? 'true' : 'false';
        case 'bigint':
            // As a string: JSON readers would round a number this large.
            return JSON.stringify(value.toString());
        case 'undefined':
        case 'function':
        case 'symbol':
            return undefined;
    }
    if (value === null)
        return 'null';
    const obj = value;
    if (ancestors.includes(obj))
        return '"[Circular]"';
    if (depth >= MAX_DEPTH)
        return '"[Max depth]"';
    if (ArrayBuffer.isView(obj))
        return JSON.stringify(`[${obj.constructor.name}: ${obj.byteLength} bytes]`);
    if (obj instanceof ArrayBuffer)
        return JSON.stringify(`[ArrayBuffer: ${obj.byteLength} bytes]`);
    ancestors.push(obj);
    try {
        const toJSON = obj.toJSON;
        if (typeof toJSON === 'function') {
            return encode(toJSON.call(obj, key), key, ancestors, depth + 1);
        }
        if (Array.isArray(obj))
            return encodeArray(obj, ancestors, depth);
        if (obj instanceof Set)
            return encodeArray([...obj], ancestors, depth);
        if (obj instanceof Map) {
            const entries = [];
            for (const [k, v] of obj)
                entries.push([typeof k === 'string' ? k : (encode(k, '', ancestors, depth + 1) ?? String(k)), v]);
            return encodeEntries(entries, ancestors, depth);
        }
        if (obj instanceof Error)
            return encodeEntries(Object.entries(errorToObject(obj)), ancestors, depth);
        const entries = [];
        for (const k of Object.keys(obj)) {
            try {
                entries.push([k, obj[k]]);
            }
            catch {
                // A throwing getter: leave the property out rather than lose the whole value.
            }
        }
        return encodeEntries(entries, ancestors, depth);
    }
    finally {
        ancestors.pop();
    }
}
function encodeArray(items, ancestors, depth) {
    const parts = [];
    for (let i = 0; i < items.length; i++)
        parts.push(encode(items[i], String(i), ancestors, depth + 1) ?? 'null');
    return `[${parts.join(',')}]`;
}
function encodeEntries(entries, ancestors, depth) {
    const parts = [];
    for (const [k, v] of entries) {
        const text = encode(v, k, ancestors, depth + 1);
        if (text !== undefined)
            parts.push(`${JSON.stringify(k)}:${text}`);
    }
    return `{${parts.join(',')}}`;
}
/** Plain-data budget for the fast path: beyond it the careful encoder is no slower in comparison. */
const FAST_PATH_NODES = 256;
/**
 * True when JSON.stringify renders `value` exactly as `encode` would: plain objects and arrays
 * (no prototypes, toJSON, cycles or getters to worry about) of strings, finite numbers,
 * booleans and null. Most inputs and outputs are such data, and the native serialiser is far
 * faster than the careful one.
 */
function isPlainData(value, budget, depth) {
    if (--budget.nodes < 0 || depth > 8)
        return false;
    switch (typeof value) {
        case 'string':
        case 'boolean':
            return true;
        case 'number':
            return Number.isFinite(value);
        case 'object': {
            if (value === null)
                return true;
            if (Array.isArray(value)) {
                if (Object.getPrototypeOf(value) !== Array.prototype)
                    return false;
                for (let i = 0; i < value.length; i++)
                    if (!isPlainData(value[i], budget, depth + 1))
                        return false;
                return true;
            }
            const proto = Object.getPrototypeOf(value);
            if (proto !== Object.prototype && proto !== null)
                return false;
            for (const key in value) {
                const descriptor = Object.getOwnPropertyDescriptor(value, key);
                if (!descriptor || !('value' in descriptor) || !isPlainData(descriptor.value, budget, depth + 1))
                    return false;
            }
            return true;
        }
        default:
            return false;
    }
}
/** JSON text for `value`; undefined for undefined, functions and symbols. Never throws. */
function safeJsonStringify(value) {
    try {
        if (isPlainData(value, { nodes: FAST_PATH_NODES }, 0))
            return JSON.stringify(value);
        return encode(value, '', [], 0);
    }
    catch (err) {
        // Proxies and exotic objects can throw from anywhere; record that rather than fail the caller.
        return JSON.stringify(describeUnserializable(err));
    }
}
/** Parses JSON text this module produced; text that is not JSON comes back as the string itself. */
function json_parseJsonText(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return text;
    }
}
/** MLflow's preview: the JSON text cut to 1000 characters, the last three being `...`. */
function previewOf(jsonText) {
    if (!jsonText)
        return '';
    return jsonText.length > constants/* REQUEST_RESPONSE_PREVIEW_MAX_LENGTH */.l7 ? jsonText.slice(0, constants/* REQUEST_RESPONSE_PREVIEW_MAX_LENGTH */.l7 - 3) + '...' : jsonText;
}

;// CONCATENATED MODULE: ./build/src/tracing/span.js
/**
 * Spans: `LiveSpan` is what user code and integrations hold (the official SDK's LiveSpan API),
 * and the serialisers that write a finished span in MLflow's TypeScript `traces.json` form and
 * as OTLP/JSON. Values are stored as JSON text when set, so the `traces.json` writer splices
 * them in unchanged and nanosecond times (beyond 2^53) are written as exact digits.
 */



/** Status of a span: a code and, for errors, a description. */
class SpanStatus {
    statusCode;
    description;
    constructor(statusCode, description = '') {
        this.statusCode = statusCode;
        this.description = description;
    }
}
/** Something that happened during a span (an exception, a stream chunk, a retry). */
class SpanEvent {
    name;
    timestamp;
    attributes;
    constructor(init) {
        this.name = init.name;
        this.timestamp = init.timestamp === undefined ? undefined : BigInt(init.timestamp);
        this.attributes = init.attributes ?? {};
    }
    /** The `exception` event OTel defines: type, message and stack trace. */
    static fromException(error) {
        return new SpanEvent({ name: 'exception', attributes: exceptionAttributes(error) });
    }
}
function exceptionAttributes(error) {
    if (error instanceof Error) {
        let stack;
        try {
            stack = error.stack ?? String(error);
        }
        catch {
            stack = String(error);
        }
        return { 'exception.type': error.name || error.constructor.name, 'exception.message': error.message, 'exception.stacktrace': stack };
    }
    let message;
    try {
        message = typeof error === 'string' ? error : (safeJsonStringify(error) ?? String(error));
    }
    catch {
        message = '[unprintable value]';
    }
    return { 'exception.type': typeof error, 'exception.message': message, 'exception.stacktrace': '' };
}
/** The message of a thrown value, for a span's ERROR status. */
function errorMessage(error) {
    if (error instanceof Error)
        return error.message;
    if (typeof error === 'string')
        return error;
    return safeJsonStringify(error) ?? String(error);
}
function normalizeStatusCode(code) {
    switch (code.toUpperCase()) {
        case 'OK':
        case 'STATUS_CODE_OK':
            return constants/* SpanStatusCode */.sY.OK;
        case 'ERROR':
        case 'STATUS_CODE_ERROR':
            return constants/* SpanStatusCode */.sY.ERROR;
        default:
            return constants/* SpanStatusCode */.sY.UNSET;
    }
}
const nsToHrTime = (ns) => [Number(ns / 1000000000n), Number(ns % 1000000000n)];
/**
 * A span being recorded. Setters are no-ops once the span has ended; `end` is idempotent.
 * Read access (`traceId`, `spanId`, `inputs`, `attributes`, ...) works before and after.
 */
class LiveSpan {
    /** MLflow trace id, `tr-` + 32 hex. */
    traceId;
    /** 16 hex characters. */
    spanId;
    /** The parent's span id (16 hex), or null for the root of a trace. */
    parentId;
    /** Nanoseconds since the epoch. */
    startTimeNs;
    /** @internal The trace buffer this span reports to. */
    _owner;
    #name;
    #endTimeNs = null;
    #status = new SpanStatus(constants/* SpanStatusCode */.sY.UNSET);
    #attributes = new Map();
    #events = [];
    constructor(owner, init) {
        this._owner = owner;
        this.traceId = constants/* TRACE_ID_PREFIX */.hD + owner.traceIdHex;
        this.spanId = init.spanId;
        this.parentId = init.parentId;
        this.#name = init.name;
        this.startTimeNs = init.startTimeNs;
        // Hex ids need no escaping.
        this.#attributes.set(constants/* SpanAttributeKey */.W5.TRACE_ID, `"${this.traceId}"`);
        this.#attributes.set(constants/* SpanAttributeKey */.W5.SPAN_TYPE, JSON.stringify(init.spanType));
    }
    get name() {
        return this.#name;
    }
    get spanType() {
        return this.getAttribute(constants/* SpanAttributeKey */.W5.SPAN_TYPE);
    }
    get inputs() {
        return this.getAttribute(constants/* SpanAttributeKey */.W5.INPUTS);
    }
    get outputs() {
        return this.getAttribute(constants/* SpanAttributeKey */.W5.OUTPUTS);
    }
    get status() {
        return this.#status;
    }
    get endTimeNs() {
        return this.#endTimeNs;
    }
    get startTime() {
        return nsToHrTime(this.startTimeNs);
    }
    get endTime() {
        return this.#endTimeNs === null ? null : nsToHrTime(this.#endTimeNs);
    }
    get ended() {
        return this.#endTimeNs !== null;
    }
    /** True until the span ends (OTel's name for "still accepting changes"). */
    isRecording() {
        return this.#endTimeNs === null;
    }
    /** All attributes, decoded. */
    get attributes() {
        const out = {};
        for (const [key, text] of this.#attributes)
            out[key] = json_parseJsonText(text);
        return out;
    }
    getAttribute(key) {
        const text = this.#attributes.get(key);
        return text === undefined ? undefined : json_parseJsonText(text);
    }
    get events() {
        return this.#events.map((e) => new SpanEvent({ name: e.name, timestamp: e.timeNs, attributes: json_parseJsonText(e.attributesJson) }));
    }
    /** Renames the span (OTel's updateName). */
    updateName(name) {
        if (this.isRecording())
            this.#name = String(name);
    }
    setSpanType(spanType) {
        this.setAttribute(constants/* SpanAttributeKey */.W5.SPAN_TYPE, spanType);
    }
    setInputs(inputs) {
        this.setAttribute(constants/* SpanAttributeKey */.W5.INPUTS, inputs);
    }
    setOutputs(outputs) {
        this.setAttribute(constants/* SpanAttributeKey */.W5.OUTPUTS, outputs);
    }
    /** Stores any JSON-serialisable value (snapshotted now); `undefined` is ignored, as in OTel. */
    setAttribute(key, value) {
        if (!this.isRecording() || typeof key !== 'string')
            return;
        const text = safeJsonStringify(value);
        if (text !== undefined)
            this.#attributes.set(key, text);
    }
    setAttributes(attributes) {
        if (!attributes)
            return;
        for (const [key, value] of Object.entries(attributes))
            this.setAttribute(key, value);
    }
    /** `addEvent(new SpanEvent({...}))` as in the official SDK, or OTel's `addEvent(name, attributes?, timeNs?)`. */
    addEvent(event, attributes, timestampNs) {
        if (!this.isRecording())
            return;
        const init = typeof event === 'string' ? { name: event, attributes, timestamp: timestampNs } : event;
        const timeNs = init.timestamp === undefined ? this._owner.now() : BigInt(init.timestamp);
        this.#events.push({ name: String(init.name), timeNs, attributesJson: safeJsonStringify(init.attributes ?? {}) ?? '{}' });
    }
    /** Adds OTel's `exception` event (type, message, stack trace). Does not change the status. */
    recordException(error) {
        this.addEvent({ name: 'exception', attributes: exceptionAttributes(error) });
    }
    setStatus(status, description) {
        if (!this.isRecording())
            return;
        this.#status =
            status instanceof SpanStatus ? status : new SpanStatus(normalizeStatusCode(String(status)), description ?? '');
    }
    /**
     * Ends the span: applies the options, sets status OK unless it is ERROR (the wrappers cannot
     * set it otherwise, as the official SDK notes), and reports to the trace. Later calls do nothing.
     */
    end(options) {
        if (!this.isRecording())
            return;
        if (options?.outputs !== undefined)
            this.setOutputs(options.outputs);
        if (options?.attributes)
            this.setAttributes(options.attributes);
        if (options?.status !== undefined)
            this.setStatus(options.status);
        if (this.#status.statusCode !== constants/* SpanStatusCode */.sY.ERROR)
            this.#status = new SpanStatus(constants/* SpanStatusCode */.sY.OK, this.#status.description);
        let end = options?.endTimeNs !== undefined ? BigInt(options.endTimeNs) : this._owner.now();
        if (end < this.startTimeNs)
            end = this.startTimeNs;
        this.#endTimeNs = end;
        this._owner.spanEnded(this);
    }
    /** @internal JSON text of an attribute as stored. */
    _attributeText(key) {
        return this.#attributes.get(key);
    }
    /** @internal Stored attributes (key → JSON text). */
    _attributeEntries() {
        return this.#attributes.entries();
    }
    /** @internal */
    _recordedEvents() {
        return this.#events;
    }
    /** The span in MLflow's TypeScript `traces.json` form, with exact nanosecond digits. */
    toJsonText() {
        const attributes = [];
        for (const [key, text] of this.#attributes)
            attributes.push(`${JSON.stringify(key)}:${text}`);
        const events = this.#events.map((e) => `{"name":${JSON.stringify(e.name)},"time_unix_nano":${e.timeNs.toString()},"attributes":${e.attributesJson}}`);
        return (`{"trace_id":${JSON.stringify(hexToBase64(this._owner.traceIdHex))}` +
            `,"span_id":${JSON.stringify(hexToBase64(this.spanId))}` +
            `,"parent_span_id":${JSON.stringify(this.parentId ? hexToBase64(this.parentId) : '')}` +
            `,"name":${JSON.stringify(this.#name)}` +
            `,"start_time_unix_nano":${this.startTimeNs.toString()}` +
            `,"end_time_unix_nano":${this.#endTimeNs === null ? 'null' : this.#endTimeNs.toString()}` +
            `,"status":{"code":${JSON.stringify(this.#status.statusCode)},"message":${JSON.stringify(this.#status.description)}}` +
            `,"attributes":{${attributes.join(',')}}` +
            `,"events":[${events.join(',')}]}`);
    }
    /** The span decoded from `toJsonText` (times as exact decimal strings). */
    toJson() {
        return {
            trace_id: hexToBase64(this._owner.traceIdHex),
            span_id: hexToBase64(this.spanId),
            parent_span_id: this.parentId ? hexToBase64(this.parentId) : '',
            name: this.#name,
            start_time_unix_nano: this.startTimeNs.toString(),
            end_time_unix_nano: this.#endTimeNs === null ? null : this.#endTimeNs.toString(),
            status: { code: this.#status.statusCode, message: this.#status.description },
            attributes: this.attributes,
            events: this.#events.map((e) => ({ name: e.name, time_unix_nano: e.timeNs.toString(), attributes: json_parseJsonText(e.attributesJson) })),
        };
    }
}
/** A decoded JSON value as an OTLP AnyValue, typed as MLflow's Python client sends them. */
function toOtlpAnyValue(value) {
    if (typeof value === 'string')
        return { stringValue: value };
    if (typeof value === 'boolean')
        return { boolValue: value };
    if (typeof value === 'number')
        return Number.isInteger(value) ? { intValue: String(value) } : { doubleValue: value };
    if (Array.isArray(value))
        return { arrayValue: { values: value.map(toOtlpAnyValue) } };
    if (value !== null && typeof value === 'object') {
        return { kvlistValue: { values: Object.entries(value).map(([key, v]) => ({ key, value: toOtlpAnyValue(v) })) } };
    }
    // OTLP has no null; an empty string is what the MLflow server's decoder turns back into "".
    return { stringValue: '' };
}
const OTLP_STATUS = {
    [constants/* SpanStatusCode */.sY.UNSET]: 0,
    [constants/* SpanStatusCode */.sY.OK]: 1,
    [constants/* SpanStatusCode */.sY.ERROR]: 2,
};
/** One span as OTLP/JSON (camelCase, hex ids, int64 times as decimal strings, as the spec allows). */
function spanToOtlpJson(span) {
    const attributes = [...span._attributeEntries()].map(([key, text]) => ({ key, value: toOtlpAnyValue(json_parseJsonText(text)) }));
    const out = {
        traceId: span._owner.traceIdHex,
        spanId: span.spanId,
        name: span.name,
        kind: 1,
        startTimeUnixNano: span.startTimeNs.toString(),
        endTimeUnixNano: (span.endTimeNs ?? span.startTimeNs).toString(),
        attributes,
        events: span._recordedEvents().map((e) => ({
            timeUnixNano: e.timeNs.toString(),
            name: e.name,
            attributes: Object.entries(json_parseJsonText(e.attributesJson)).map(([key, v]) => ({ key, value: toOtlpAnyValue(v) })),
        })),
        status: { code: OTLP_STATUS[span.status.statusCode], message: span.status.description },
    };
    if (span.parentId)
        out.parentSpanId = span.parentId;
    return out;
}

// EXTERNAL MODULE: ./build/src/version.js + 1 modules
var version = __webpack_require__(10990);
// EXTERNAL MODULE: ./build/src/client/concurrency.js
var concurrency = __webpack_require__(93622);
;// CONCATENATED MODULE: ./build/src/tracing/exporters.js
/**
 * The two built-in transports.
 *
 * `MlflowTraceExporter` does what the official TypeScript SDK does (wire §7): per trace,
 * `POST /api/3.0/mlflow/traces` with the TraceInfoV3, then `PUT` of `traces.json` under the
 * `mlflow.artifactLocation` the server answers with. Two additions for distributed traces: a
 * fragment (spans under a remote parent) has no trace info of its own and goes to the server's
 * OTLP endpoint, which merges spans by trace id; and the spans of a trace whose context went to
 * another process (or that the server says keeps spans in its store, tag
 * `mlflow.trace.spansLocation=TRACKING_STORE`) are sent there too, whichever side finishes first,
 * so the stored trace holds every process's spans. Like MLflow's Python client, those spans go
 * first, so the trace info posted afterwards has the last word on previews and metadata.
 *
 * `OtlpTraceExporter` sends OTLP/HTTP JSON to `/v1/traces` with `x-mlflow-experiment-id`.
 */






const CONCURRENCY = 4;
/** Experiment id given, or looked up (and created, as MLflow's set_experiment does) by name once. */
class ExperimentResolver {
    #id;
    #name;
    #resolved;
    constructor(experimentId, experimentName) {
        this.#id = experimentId;
        this.#name = experimentName;
    }
    get known() {
        return this.#id ?? this.#resolved;
    }
    async resolve(http, signal, traces) {
        if (this.#id !== undefined)
            return this.#id;
        if (this.#resolved !== undefined)
            return this.#resolved;
        if (this.#name === undefined)
            return undefined;
        const name = this.#name;
        const lookup = async () => {
            const res = await http.send('GET', `/api/2.0/mlflow/experiments/get-by-name?experiment_name=${encodeURIComponent(name)}`, { signal, traces });
            if (res.status === 404)
                return undefined;
            if (res.status !== 200)
                throw httpError('GET', '/api/2.0/mlflow/experiments/get-by-name', res, traces);
            return JSON.parse(res.text).experiment?.experiment_id;
        };
        let id = await lookup();
        if (id === undefined) {
            const res = await http.send('POST', '/api/2.0/mlflow/experiments/create', { body: JSON.stringify({ name }), signal, traces });
            if (res.status === 200)
                id = JSON.parse(res.text).experiment_id;
            else if (res.text.includes('RESOURCE_ALREADY_EXISTS'))
                id = await lookup();
            else
                throw httpError('POST', '/api/2.0/mlflow/experiments/create', res, traces);
        }
        if (id === undefined) {
            throw new TraceExportError(`The tracking server returned no id for experiment '${name}'.`, { retryable: false, traces });
        }
        this.#resolved = id;
        return id;
    }
}
/** The OTLP/JSON `ExportTraceServiceRequest` holding every span of `traces` (what `/v1/traces` takes). */
function otlpBody(traces) {
    return JSON.stringify({
        resourceSpans: [
            {
                resource: { attributes: [{ key: 'service.name', value: { stringValue: process.env.OTEL_SERVICE_NAME ?? 'mlflow-ts-tracing' } }] },
                scopeSpans: [
                    {
                        scope: { name: 'mlflow-ts-action/tracing', version: version/* PACKAGE_VERSION */.i },
                        spans: traces.flatMap((t) => t.data.spans.map(spanToOtlpJson)),
                    },
                ],
            },
        ],
    });
}
function asExportError(err, trace) {
    if (err instanceof TraceExportError)
        return new TraceExportError(err.message, { retryable: err.retryable, traces: [trace], cause: err.cause });
    return new TraceExportError(`Exporting trace ${trace.traceId} failed: ${err instanceof Error ? err.message : String(err)}`, {
        retryable: false,
        traces: [trace],
        cause: err,
    });
}
/** The artifact service path of `traces.json` for an `mlflow-artifacts:` location. */
function tracesArtifactPath(artifactLocation) {
    let url;
    try {
        url = new URL(artifactLocation);
    }
    catch {
        url = new URL('invalid:');
    }
    if (url.protocol !== 'mlflow-artifacts:') {
        throw new TraceExportError(`The server stores this trace's artifacts at '${artifactLocation}', which this SDK cannot upload to: ` +
            'only mlflow-artifacts: locations (the server proxying artifacts, `--serve-artifacts`) are supported.', { retryable: false });
    }
    const path = url.pathname.replace(/\/+$/, '');
    return `/api/2.0/mlflow-artifacts/artifacts${path.startsWith('/') ? '' : '/'}${path}/${constants/* TRACES_ARTIFACT_FILE */.JG}`;
}
class MlflowTraceExporter {
    http;
    experiments;
    /** After a trace's info is stored, retries only redo the upload. */
    #stored = new WeakMap();
    #otlpSent = new WeakSet();
    constructor(options) {
        this.http = new HttpSender(options.connection);
        this.experiments = new ExperimentResolver(options.experimentId, options.experimentName);
    }
    async export(traces, signal) {
        const experimentId = await this.experiments.resolve(this.http, signal, traces);
        if (experimentId === undefined) {
            throw new TraceExportError('No MLflow experiment: pass init({experimentId}) or set MLFLOW_EXPERIMENT_ID or MLFLOW_EXPERIMENT_NAME.', {
                retryable: false,
            });
        }
        const errors = [];
        const fragments = traces.filter((t) => t.isFragment);
        if (fragments.length > 0) {
            try {
                await this.#sendOtlp(fragments, experimentId, signal);
            }
            catch (err) {
                errors.push(err instanceof TraceExportError ? err : asExportError(err, fragments[0]));
            }
        }
        await (0,concurrency/* mapLimit */.s)(traces.filter((t) => !t.isFragment), CONCURRENCY, async (trace) => {
            try {
                await this.#exportTrace(trace, experimentId, signal);
            }
            catch (err) {
                errors.push(asExportError(err, trace));
            }
        });
        if (errors.length === 1)
            throw errors[0];
        if (errors.length > 1) {
            throw new TraceExportError(`${errors.length} exports failed; first: ${errors[0].message}`, { retryable: errors.some((e) => e.retryable), errors });
        }
    }
    async #sendOtlp(traces, experimentId, signal) {
        await this.http.sendOk('POST', '/v1/traces', {
            body: otlpBody(traces),
            headers: { [constants/* MLFLOW_EXPERIMENT_ID_HEADER */.gi]: experimentId },
            signal,
            traces,
        });
    }
    async #exportTrace(trace, experimentId, signal) {
        let stored = this.#stored.get(trace);
        if (!stored && trace.isPropagated && !this.#otlpSent.has(trace)) {
            await this.#sendOtlp([trace], experimentId, signal);
            this.#otlpSent.add(trace);
        }
        if (!stored) {
            const res = await this.http.sendOk('POST', '/api/3.0/mlflow/traces', {
                body: JSON.stringify({ trace: { trace_info: trace.toTraceInfoJson(experimentId) } }),
                signal,
                traces: [trace],
            });
            let tags = {};
            try {
                tags = JSON.parse(res.text).trace?.trace_info?.tags ?? {};
            }
            catch {
                // Judged below: without the tag there is nowhere to upload the spans to.
            }
            const location = tags[constants/* TraceTagKey */.bT.ARTIFACT_LOCATION];
            if (!location) {
                throw new TraceExportError(`The tracking server stored trace ${trace.traceId} but returned no ${constants/* TraceTagKey */.bT.ARTIFACT_LOCATION} tag, so its spans cannot be uploaded.`, {
                    retryable: false,
                });
            }
            stored = { artifactPath: tracesArtifactPath(location), spansInStore: tags[constants/* TraceTagKey */.bT.SPANS_LOCATION] === 'TRACKING_STORE' };
            this.#stored.set(trace, stored);
        }
        if (stored.spansInStore && !this.#otlpSent.has(trace)) {
            await this.#sendOtlp([trace], experimentId, signal);
            this.#otlpSent.add(trace);
        }
        await this.http.sendOk('PUT', stored.artifactPath, { body: trace.toSpansJsonText(), signal, traces: [trace] });
    }
    async shutdown() {
        await this.http.close();
    }
}
class OtlpTraceExporter {
    http;
    experiments;
    #path;
    constructor(options) {
        const endpoint = options.endpoint ?? '/v1/traces';
        if (/^https?:\/\//i.test(endpoint)) {
            const url = new URL(endpoint);
            const sameServer = url.origin === new URL(options.connection.baseUrl).origin;
            // The tracking server's credentials are not for a third-party collector.
            this.http = new HttpSender({ ...options.connection, baseUrl: url.origin, headers: sameServer ? options.connection.headers : {} });
            this.#path = url.pathname + url.search;
        }
        else {
            this.http = new HttpSender(options.connection);
            this.#path = endpoint.startsWith('/') ? endpoint : `/${endpoint}`;
        }
        this.experiments = new ExperimentResolver(options.experimentId, options.experimentName);
    }
    async export(traces, signal) {
        const experimentId = await this.experiments.resolve(this.http, signal, traces);
        const headers = {};
        if (experimentId !== undefined)
            headers[constants/* MLFLOW_EXPERIMENT_ID_HEADER */.gi] = experimentId;
        await this.http.sendOk('POST', this.#path, { body: otlpBody(traces), headers, signal });
    }
    async shutdown() {
        await this.http.close();
    }
}

;// CONCATENATED MODULE: ./build/src/tracing/runtime.js
/**
 * `init()` and the process-wide tracing runtime: resolved settings (code > env > config file >
 * defaults), the export queue, and the process hooks that flush at exit. Spans created before
 * `init()` use a runtime built from the environment; without a tracking URI there, traces are
 * recorded but not exported (reported once), so library code may trace unconditionally.
 */








const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_EXIT_FLUSH_MS = 2_000;
const SIGNAL_FLUSH_MS = 1_000;
/** Nanoseconds since the epoch: the wall clock at load plus a monotonic offset (no jumps mid-trace). */
const epochBaseNs = BigInt(Date.now()) * 1000000n - process.hrtime.bigint();
const systemClockNs = () => epochBaseNs + process.hrtime.bigint();
const nonEmpty = (v) => (v === undefined || v.trim() === '' ? undefined : v);
/**
 * `MLFLOW_HTTP_REQUEST_TIMEOUT` is milliseconds for the official TypeScript SDK and seconds for
 * MLflow's Python client (and this package's REST client). No one means a timeout under a second
 * or over 16 minutes, so small values are read as seconds and large ones as milliseconds.
 */
function parseRequestTimeoutEnv(raw) {
    if (raw === undefined || raw.trim() === '')
        return undefined;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0)
        throw new TracingConfigError(`MLFLOW_HTTP_REQUEST_TIMEOUT must be a positive number, got '${raw}'.`);
    return n < 1000 ? n * 1000 : n;
}
function currentUser() {
    try {
        return (0,external_node_os_.userInfo)().username;
    }
    catch {
        return process.env.USER ?? process.env.USERNAME;
    }
}
/** User, source and (in GitHub Actions) git metadata, as MLflow's clients record them. */
function environmentMetadata() {
    const meta = { [constants/* TraceMetadataKey */.C3.SOURCE_TYPE]: 'LOCAL' };
    const user = currentUser();
    if (user)
        meta[constants/* TraceMetadataKey */.C3.USER] = user;
    const source = process.argv[1];
    if (source)
        meta[constants/* TraceMetadataKey */.C3.SOURCE_NAME] = source;
    const env = process.env;
    if (env.GITHUB_SHA)
        meta[constants/* TraceMetadataKey */.C3.GIT_COMMIT] = env.GITHUB_SHA;
    if (env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME)
        meta[constants/* TraceMetadataKey */.C3.GIT_BRANCH] = (env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME);
    if (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY)
        meta[constants/* TraceMetadataKey */.C3.GIT_REPO_URL] = `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}`;
    return meta;
}
class Runtime {
    samplingRate;
    slowThresholdMs;
    experimentId;
    baseMetadata;
    queue;
    exitFlushTimeoutMs;
    handleSignals;
    clock;
    random;
    warn;
    #notConfiguredReason;
    // process.env reads cross into C++; once per runtime keeps them off the per-trace path.
    #envRunId = nonEmpty(process.env.MLFLOW_RUN_ID);
    #warnedNotConfigured = false;
    constructor(settings) {
        this.samplingRate = settings.samplingRate;
        this.slowThresholdMs = settings.slowThresholdMs;
        this.experimentId = settings.experimentId;
        this.queue = settings.queue;
        this.#notConfiguredReason = settings.notConfiguredReason;
        this.exitFlushTimeoutMs = settings.exitFlushTimeoutMs ?? DEFAULT_EXIT_FLUSH_MS;
        this.handleSignals = settings.handleSignals ?? true;
        this.clock = settings.clock ?? systemClockNs;
        this.random = settings.random ?? Math.random;
        this.warn = settings.warn ?? defaultWarn;
        this.baseMetadata = environmentMetadata();
    }
    /** The root's sampling decision. */
    sample() {
        return this.random() < this.samplingRate;
    }
    /** The run a new trace links to: the enclosing fluent `startRun` callback's, else `MLFLOW_RUN_ID` (read at init). */
    sourceRunId() {
        return (0,fluent/* getActiveRun */.Cr)()?.runId ?? this.#envRunId;
    }
    deliver(trace) {
        // A trace that began before a later init() finishes under the configuration now in force.
        if (this.queue?.closed && current && current !== this) {
            current.deliver(trace);
            return;
        }
        if (this.queue) {
            this.queue.enqueue(trace);
            return;
        }
        if (!this.#warnedNotConfigured) {
            this.#warnedNotConfigured = true;
            this.warn(`Trace ${trace.traceId} was not exported: ${this.#notConfiguredReason ?? 'tracing is not configured'}.`);
        }
    }
}
function buildExporter(options, env, explicit) {
    const choice = options.exporter ?? 'mlflow';
    const experimentId = nonEmpty(options.experimentId) ?? nonEmpty(env.MLFLOW_EXPERIMENT_ID);
    if (typeof choice === 'object') {
        if (typeof choice.export !== 'function')
            throw new TracingConfigError('init({exporter}) must be "mlflow", "otlp" or an object with an export(traces, signal) method.');
        return { exporter: choice, experimentId };
    }
    if (choice !== 'mlflow' && choice !== 'otlp') {
        throw new TracingConfigError(`init({exporter}) must be "mlflow", "otlp" or an exporter object, got ${JSON.stringify(choice)}.`);
    }
    const experimentName = experimentId === undefined ? (nonEmpty(options.experimentName) ?? nonEmpty(env.MLFLOW_EXPERIMENT_NAME)) : undefined;
    const otlpBase = nonEmpty(env.OTEL_EXPORTER_OTLP_ENDPOINT)?.replace(/\/+$/, '');
    const otlpEndpoint = choice === 'otlp' ? (nonEmpty(env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) ?? (otlpBase !== undefined ? `${otlpBase}/v1/traces` : undefined)) : undefined;
    const trackingUri = nonEmpty(options.trackingUri) ?? nonEmpty(env.MLFLOW_TRACKING_URI) ?? (otlpEndpoint?.startsWith('http') ? new URL(otlpEndpoint).origin : undefined);
    if (trackingUri === undefined) {
        const reason = 'no tracking server is configured: pass init({trackingUri, experimentId}) or set MLFLOW_TRACKING_URI (and MLFLOW_EXPERIMENT_ID)';
        // An explicit init() is told at once, as by the official SDK; implicit set-up only warns, at the first trace.
        if (explicit)
            throw new TracingConfigError(`Cannot export traces: ${reason}.`);
        return { experimentId, reason };
    }
    if (choice === 'mlflow' && experimentId === undefined && experimentName === undefined) {
        throw new TracingConfigError('An MLflow experiment is required for tracing: pass init({experimentId}) or set MLFLOW_EXPERIMENT_ID (or MLFLOW_EXPERIMENT_NAME).');
    }
    const connection = makeConnection({
        trackingUri,
        username: nonEmpty(options.trackingServerUsername) ?? nonEmpty(env.MLFLOW_TRACKING_USERNAME),
        password: nonEmpty(options.trackingServerPassword) ?? nonEmpty(env.MLFLOW_TRACKING_PASSWORD),
        token: nonEmpty(options.trackingServerToken) ?? nonEmpty(env.MLFLOW_TRACKING_TOKEN),
        timeoutMs: options.requestTimeoutMs ?? parseRequestTimeoutEnv(env.MLFLOW_HTTP_REQUEST_TIMEOUT) ?? DEFAULT_TIMEOUT_MS,
    });
    const exporter = choice === 'mlflow'
        ? new MlflowTraceExporter({ connection, experimentId, experimentName })
        : new OtlpTraceExporter({ connection, endpoint: otlpEndpoint, experimentId, experimentName });
    return { exporter, experimentId };
}
/** Builds a runtime; throws TracingConfigError / ProjectConfigError for bad settings. */
function createRuntime(options = {}, env = process.env, explicit = true) {
    let file;
    if (options.configFile !== false)
        file = loadProjectConfig({ path: options.configFile })?.config;
    const settings = resolveTracingSettings({ code: { samplingRate: options.samplingRate, slowThresholdMs: options.slowThresholdMs }, env, file });
    const built = buildExporter(options, env, explicit);
    const warn = options.warn ?? defaultWarn;
    const queue = built.exporter
        ? new ExportQueue(built.exporter, { maxQueueSize: options.maxQueueSize, maxRetries: options.maxExportRetries, warn })
        : undefined;
    return new Runtime({
        samplingRate: settings.samplingRate,
        slowThresholdMs: settings.slowThresholdMs,
        experimentId: built.experimentId,
        queue,
        notConfiguredReason: built.reason,
        exitFlushTimeoutMs: options.exitFlushTimeoutMs,
        handleSignals: options.handleSignals,
        clock: options.clock,
        random: options.random,
        warn,
    });
}
let current;
/** Runtimes replaced by a later init() that may still hold traces. */
const retired = new Set();
/** The runtime new traces use; built from the environment on first use when init() was not called. */
function getRuntime() {
    if (!current) {
        try {
            current = createRuntime({}, process.env, false);
        }
        catch (err) {
            // Library code traces unconditionally; a bad environment must not break it. Say so once.
            const reason = err instanceof Error ? err.message : String(err);
            current = new Runtime({ samplingRate: 1, slowThresholdMs: undefined, experimentId: undefined, queue: undefined, notConfiguredReason: reason });
        }
        installProcessHooks(current);
    }
    return current;
}
/**
 * Configures tracing (the official SDK's `init`). Call once at start-up; calling again replaces
 * the configuration for new traces while traces already finished still export. Throws
 * TracingConfigError or ProjectConfigError for invalid settings.
 */
function init(options = {}) {
    const next = createRuntime(options);
    if (current?.queue) {
        const previous = current;
        retired.add(previous);
        void runOutsideContext(() => previous.queue.shutdown()).finally(() => retired.delete(previous));
    }
    current = next;
    installProcessHooks(next);
}
function allQueues() {
    const queues = [];
    for (const r of [...retired, current])
        if (r?.queue)
            queues.push(r.queue);
    return queues;
}
/** Waits until every finished trace is exported (or dropped after retries). `timeoutMs` bounds the wait. */
async function flushTraces(timeoutMs) {
    await Promise.all(allQueues().map((q) => q.flush(timeoutMs)));
}
/** Flushes (bounded), closes connections, and stops exporting; spans after this are recorded but dropped. */
async function shutdown(timeoutMs) {
    await Promise.all(allQueues().map((q) => q.shutdown(timeoutMs)));
}
/** Counters of the current exporter (exported, dropped by cause, retries). */
function exportStats() {
    return current?.queue?.stats ?? { exported: 0, droppedQueueFull: 0, droppedFailed: 0, droppedAtExit: 0, retries: 0 };
}
// ------------------------------------------------------------------------------ process hooks
let hooksInstalled = false;
let signalHookInstalled = false;
const pendingTotal = () => allQueues().reduce((n, q) => n + q.pending, 0);
async function flushAllForExit(timeoutMs) {
    await Promise.all(allQueues().map((q) => q.flushForExit(timeoutMs).catch(() => undefined)));
}
function installProcessHooks(runtime) {
    if (!hooksInstalled) {
        hooksInstalled = true;
        let flushing = false;
        // beforeExit fires whenever the loop empties; a pending flush keeps it alive (bounded), and
        // an empty queue makes the next beforeExit a no-op, so the process then exits.
        process.on('beforeExit', () => {
            if (flushing || pendingTotal() === 0)
                return;
            flushing = true;
            void runOutsideContext(() => flushAllForExit(current?.exitFlushTimeoutMs ?? DEFAULT_EXIT_FLUSH_MS)).finally(() => {
                flushing = false;
            });
        });
        process.on('exit', () => {
            for (const q of allQueues())
                q.reportUnexported();
        });
    }
    if (runtime.handleSignals && runtime.queue && !signalHookInstalled) {
        signalHookInstalled = true;
        const onSigterm = () => {
            // Alone, our listener would cancel Node's default exit; with other listeners, they decide.
            const othersDecide = process.listenerCount('SIGTERM') > 1;
            void runOutsideContext(() => flushAllForExit(SIGNAL_FLUSH_MS)).finally(() => {
                if (othersDecide)
                    return;
                process.removeListener('SIGTERM', onSigterm);
                process.kill(process.pid, 'SIGTERM');
            });
        };
        process.on('SIGTERM', onSigterm);
    }
}

;// CONCATENATED MODULE: ./build/src/tracing/trace.js
/**
 * Traces in memory: a TraceBuffer collects the spans under one local root and, when that root
 * ends, applies the sampling decision and hands a finished `Trace` to the export queue. There is
 * no global span registry: spans point at their buffer and the buffer is collected with them.
 *
 * A buffer whose root has a remote parent (a `traceparent` from another process) is a fragment:
 * it shares the caller's trace id, and the caller's process owns the trace info.
 */




/** A finished trace (or the local fragment of a distributed one) ready for export. */
class Trace {
    info;
    /** Spans in start order; the local root first. */
    data;
    /** True when the local root has a remote parent: the spans belong to a trace started elsewhere. */
    isFragment;
    /** True when the trace's context was sent to another process, which may add spans to it. */
    isPropagated;
    constructor(info, spans, isFragment, isPropagated = false) {
        this.info = info;
        this.data = { spans };
        this.isFragment = isFragment;
        this.isPropagated = isPropagated;
    }
    get traceId() {
        return this.info.traceId;
    }
    /** The TraceInfoV3 wire form. */
    toTraceInfoJson(experimentId) {
        const info = this.info;
        const wire = {
            trace_id: info.traceId,
            trace_location: { type: 'MLFLOW_EXPERIMENT', mlflow_experiment: { experiment_id: experimentId } },
            request_time: new Date(info.requestTime).toISOString(),
            execution_duration: `${info.executionDuration / 1000}s`,
            state: info.state,
            trace_metadata: info.traceMetadata,
            tags: info.tags,
            assessments: [],
        };
        if (info.clientRequestId !== undefined)
            wire.client_request_id = info.clientRequestId;
        if (info.requestPreview !== undefined)
            wire.request_preview = info.requestPreview;
        if (info.responsePreview !== undefined)
            wire.response_preview = info.responsePreview;
        return wire;
    }
    /** The `traces.json` artifact: `{"spans":[...]}` in the official TypeScript SDK's span form. */
    toSpansJsonText() {
        return `{"spans":[${this.data.spans.map((s) => s.toJsonText()).join(',')}]}`;
    }
}
let lastActiveTraceId;
function getLastActiveTraceId() {
    return lastActiveTraceId;
}
class TraceBuffer {
    runtime;
    traceIdHex;
    sampled;
    remoteParentId;
    traceState;
    spans = [];
    root;
    tags = {};
    metadata;
    clientRequestId;
    requestPreview;
    responsePreview;
    /** Set when a span's context went into an outgoing request's headers. */
    propagated = false;
    #finished = false;
    constructor(runtime, init) {
        this.runtime = runtime;
        this.traceIdHex = init.traceIdHex;
        this.sampled = init.sampled;
        this.remoteParentId = init.remoteParentId;
        this.traceState = init.traceState;
        // Only what this trace adds; the runtime's base metadata is merged in once, at the end.
        this.metadata = {};
        if (init.sourceRunId)
            this.metadata[constants/* TraceMetadataKey */.C3.SOURCE_RUN] = init.sourceRunId;
    }
    get traceId() {
        return ids_toMlflowTraceId(this.traceIdHex);
    }
    get finished() {
        return this.#finished;
    }
    now() {
        return this.runtime.clock();
    }
    /** Creates a span in this trace; the first one is the (local) root. */
    startSpan(init) {
        const span = new LiveSpan(this, {
            spanId: init.spanId,
            parentId: init.parentId,
            name: init.name,
            spanType: init.spanType,
            startTimeNs: init.startTimeNs ?? this.runtime.clock(),
        });
        if (!this.root)
            this.root = span;
        this.spans.push(span);
        return span;
    }
    spanEnded(span) {
        if (span === this.root && !this.#finished) {
            this.#finished = true;
            this.#finish(span);
        }
    }
    #finish(root) {
        const runtime = this.runtime;
        const durationNs = (root.endTimeNs ?? root.startTimeNs) - root.startTimeNs;
        const durationMs = Number(durationNs) / 1e6;
        const slow = runtime.slowThresholdMs !== undefined && durationMs > runtime.slowThresholdMs;
        if (!this.sampled && !slow)
            return;
        const tags = { [constants/* TraceTagKey */.bT.TRACE_NAME]: root.name, ...this.tags };
        const metadata = { ...runtime.baseMetadata, [constants/* TraceMetadataKey */.C3.SCHEMA_VERSION]: constants/* TRACE_SCHEMA_VERSION */.nM, ...this.metadata };
        if (slow)
            tags[constants/* TraceTagKey */.bT.SLOW] = 'true';
        if (runtime.samplingRate < 1 || !this.sampled) {
            const sampling = { rate: runtime.samplingRate, sampled: this.sampled };
            if (!this.sampled) {
                sampling.kept = 'slow';
                sampling.slow_threshold_ms = runtime.slowThresholdMs;
            }
            metadata[constants/* TraceMetadataKey */.C3.SAMPLING] = JSON.stringify(sampling);
        }
        const requestPreview = this.requestPreview ?? previewOf(root._attributeText(constants/* SpanAttributeKey */.W5.INPUTS));
        const responsePreview = this.responsePreview ?? previewOf(root._attributeText(constants/* SpanAttributeKey */.W5.OUTPUTS));
        metadata[constants/* TraceMetadataKey */.C3.INPUTS] = requestPreview;
        metadata[constants/* TraceMetadataKey */.C3.OUTPUTS] = responsePreview;
        const usage = aggregateTokenUsage(this.spans);
        if (usage)
            metadata[constants/* TraceMetadataKey */.C3.TOKEN_USAGE] = JSON.stringify(usage);
        const info = {
            traceId: this.traceId,
            experimentId: runtime.experimentId,
            requestTime: Number(root.startTimeNs / 1000000n),
            executionDuration: Number(durationNs / 1000000n),
            state: root.status.statusCode === constants/* SpanStatusCode */.sY.ERROR ? 'ERROR' : 'OK',
            traceMetadata: metadata,
            tags,
        };
        if (this.clientRequestId !== undefined)
            info.clientRequestId = this.clientRequestId;
        if (requestPreview !== '')
            info.requestPreview = requestPreview;
        if (responsePreview !== '')
            info.responsePreview = responsePreview;
        lastActiveTraceId = info.traceId;
        // A snapshot: a span that starts after its root ended cannot join a trace already on its way.
        runtime.deliver(new Trace(info, this.spans.slice(), this.remoteParentId !== undefined, this.propagated));
    }
}
function usageOf(span) {
    const raw = span.getAttribute(constants/* SpanAttributeKey */.W5.TOKEN_USAGE);
    if (!raw || typeof raw !== 'object')
        return undefined;
    return raw;
}
/**
 * Sums token usage over the spans, skipping a span when an ancestor also reports usage: a wrapper
 * span around an LLM call (a framework's chat-model span over the provider SDK's span) reports the
 * same tokens again.
 */
function aggregateTokenUsage(spans) {
    if (!spans.some((s) => s._attributeText(constants/* SpanAttributeKey */.W5.TOKEN_USAGE) !== undefined))
        return undefined;
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    const total = { input_tokens: 0, output_tokens: 0, total_tokens: 0 };
    let found = false;
    for (const span of spans) {
        const usage = usageOf(span);
        if (!usage)
            continue;
        let covered = false;
        for (let p = span.parentId ? byId.get(span.parentId) : undefined; p; p = p.parentId ? byId.get(p.parentId) : undefined) {
            if (usageOf(p)) {
                covered = true;
                break;
            }
        }
        if (covered)
            continue;
        found = true;
        const input = Number(usage.input_tokens) || 0;
        const output = Number(usage.output_tokens) || 0;
        total.input_tokens += input;
        total.output_tokens += output;
        total.total_tokens += Number(usage.total_tokens) || input + output;
        for (const key of ['cache_read_input_tokens', 'cache_creation_input_tokens']) {
            if (usage[key] !== undefined)
                total[key] = (total[key] ?? 0) + (Number(usage[key]) || 0);
        }
    }
    return found ? total : undefined;
}
/** Decodes the `{"spans":[...]}` artifact text (times stay exact as decimal strings). */
function parseSpansJsonText(text) {
    // Quote bare integers of 16+ digits in the time fields so JSON.parse keeps every digit.
    const safe = text.replace(/("(?:start_time_unix_nano|end_time_unix_nano|time_unix_nano)":)(-?\d+)/g, '$1"$2"');
    return parseJsonText(safe);
}

;// CONCATENATED MODULE: ./build/src/tracing/api.js
/**
 * The span API of the official TypeScript SDK (`@mlflow/core`): `trace`, `withSpan`,
 * `startSpan`, `updateCurrentTrace`, `getCurrentActiveSpan`. The wrappers never change what the
 * wrapped code does: same `this`, same arguments, same return value (a native promise is chained,
 * a promise subclass is returned as is), the same thrown object, and generators stay lazy.
 * Bookkeeping failures are swallowed, never thrown into the caller.
 */







/** Creates a span under `parent` (a span, a remote context, or none for a new trace). */
function createSpan(options, parent) {
    let buffer;
    let parentId;
    if (parent instanceof LiveSpan && parent._owner instanceof TraceBuffer) {
        buffer = parent._owner;
        parentId = parent.spanId;
    }
    else {
        const runtime = getRuntime();
        if (parent !== undefined && context_isTraceContext(parent)) {
            buffer = new TraceBuffer(runtime, {
                traceIdHex: fromMlflowTraceId(parent.traceId),
                sampled: parent.sampled,
                remoteParentId: parent.spanId,
                traceState: parent.traceState,
                sourceRunId: runtime.sourceRunId(),
            });
            parentId = parent.spanId;
        }
        else {
            buffer = new TraceBuffer(runtime, { traceIdHex: newTraceIdHex(), sampled: runtime.sample(), sourceRunId: runtime.sourceRunId() });
            parentId = null;
        }
    }
    const span = buffer.startSpan({
        name: options.name || constants/* DEFAULT_SPAN_NAME */.j8,
        spanType: options.spanType || constants/* SpanType */.du.UNKNOWN,
        parentId,
        spanId: newSpanIdHex(),
        startTimeNs: options.startTimeNs === undefined ? undefined : BigInt(options.startTimeNs),
    });
    if (options.inputs !== undefined)
        span.setInputs(options.inputs);
    if (options.attributes)
        span.setAttributes(options.attributes);
    return span;
}
/**
 * Starts a span that the caller ends with `span.end()`. It is not made active: spans started
 * inside other code do not nest under it unless given it as `parent`. Without `parent`, it
 * nests under the active span, if any.
 */
function api_startSpan(options) {
    return createSpan(options, options.parent ?? currentContext());
}
/** Ends `span` with `value` as outputs unless outputs were set explicitly. */
function completeSpan(span, value) {
    try {
        if (span._attributeText(constants/* SpanAttributeKey */.W5.OUTPUTS) === undefined && value !== undefined)
            span.setOutputs(value);
        span.end();
    }
    catch {
        // Recording must never fail the traced call.
    }
}
/** Ends `span` as ERROR with the exception recorded. */
function failSpan(span, error) {
    try {
        span.setStatus(constants/* SpanStatusCode */.sY.ERROR, errorMessage(error));
        span.recordException(error);
        span.end();
    }
    catch {
        // Recording must never replace the caller's error with ours.
    }
}
const toStringTag = (value) => Object.prototype.toString.call(value);
const isGeneratorObject = (value) => typeof value === 'object' && value !== null && (toStringTag(value) === '[object Generator]' || toStringTag(value) === '[object AsyncGenerator]');
/**
 * The span's end follows the result: a native promise is chained (same value or rejection, and
 * an unhandled rejection stays unhandled); a promise subclass (e.g. an SDK's APIPromise with
 * extra methods) is observed and returned itself; a generator (for `trace`) is wrapped.
 */
function settle(span, result, wrapGenerators) {
    if (result instanceof Promise) {
        if (Object.getPrototypeOf(result) === Promise.prototype) {
            return result.then((value) => {
                completeSpan(span, value);
                return value;
            }, (error) => {
                failSpan(span, error);
                throw error;
            });
        }
        try {
            result.then((value) => completeSpan(span, value), (error) => failSpan(span, error));
        }
        catch (error) {
            failSpan(span, error);
        }
        return result;
    }
    if (wrapGenerators && isGeneratorObject(result))
        return tracedGenerator(result, span);
    completeSpan(span, result);
    return result;
}
function runSpan(span, body, wrapGenerators) {
    let result;
    try {
        result = context_runInContext(span, body);
    }
    catch (error) {
        failSpan(span, error);
        throw error;
    }
    return settle(span, result, wrapGenerators);
}
/**
 * Wraps a generator so each step runs with the span active, yielded values are recorded as
 * `mlflow.chunk.item.<i>` events and, at the end, as the outputs; the span ends when the
 * generator finishes, throws, or is closed early by `return()` (a `break` in for-of). With a
 * factory, the span starts at the first `next()`, so an unconsumed generator leaves no span.
 */
function tracedGenerator(inner, start) {
    const isAsync = toStringTag(inner) === '[object AsyncGenerator]';
    let span = start instanceof LiveSpan ? start : undefined;
    let finished = false;
    const chunks = [];
    const onResult = (result) => {
        if (finished || !span)
            return result;
        if (result.done) {
            finished = true;
            completeSpan(span, chunks);
        }
        else {
            try {
                span.addEvent({ name: `${constants/* CHUNK_EVENT_PREFIX */.iL}${chunks.length}`, attributes: { [constants/* SpanAttributeKey */.W5.CHUNK_VALUE]: result.value } });
            }
            catch {
                // The chunk still reaches the consumer; only its record is lost.
            }
            chunks.push(result.value);
        }
        return result;
    };
    const onError = (error) => {
        if (!finished && span) {
            finished = true;
            failSpan(span, error);
        }
        throw error;
    };
    const step = (method, arg) => {
        const call = () => inner[method].call(inner, arg);
        if (finished)
            return call();
        if (!span) {
            if (method !== 'next') {
                // Closed before it started: the body never runs, so there is nothing to trace.
                finished = true;
                return call();
            }
            span = start();
        }
        const active = span;
        if (isAsync) {
            let pending;
            try {
                pending = context_runInContext(active, call);
            }
            catch (error) {
                return Promise.reject(error).catch(onError);
            }
            return pending.then(onResult, onError);
        }
        let result;
        try {
            result = context_runInContext(active, call);
        }
        catch (error) {
            return onError(error);
        }
        return onResult(result);
    };
    const wrapper = Object.create(Object.getPrototypeOf(inner));
    Object.defineProperties(wrapper, {
        next: { value: (arg) => step('next', arg), writable: true, configurable: true },
        return: { value: (arg) => step('return', arg), writable: true, configurable: true },
        throw: { value: (arg) => step('throw', arg), writable: true, configurable: true },
    });
    return wrapper;
}
function withSpan(a, b) {
    const callback = (typeof a === 'function' ? a : b);
    const options = ((typeof a === 'function' ? b : a) ?? {});
    if (typeof callback !== 'function')
        throw new TypeError('withSpan(callback, options?) needs a callback function.');
    let span;
    try {
        span = createSpan({ ...options, name: options.name || constants/* DEFAULT_SPAN_NAME */.j8 }, options.parent ?? context_currentContext());
    }
    catch {
        // Should tracing itself be broken, the user's code still runs, untraced.
        return callback(createDetachedSpan(options.name));
    }
    return runSpan(span, () => callback(span), false);
}
/** A span attached to no exported trace (for the impossible case that span creation fails). */
function createDetachedSpan(name) {
    return new LiveSpan({ traceIdHex: '0'.repeat(32), now: () => 0n, spanEnded: () => undefined }, { spanId: '0'.repeat(16), parentId: null, name: name ?? constants/* DEFAULT_SPAN_NAME */.j8, startTimeNs: 0n, spanType: constants/* SpanType */.du.UNKNOWN });
}
function inputsFor(fn, args) {
    try {
        return mapArgsToInputs(fn, args);
    }
    catch {
        return { args: [...args] };
    }
}
function traceFunction(fn, options = {}, fallbackName) {
    const kind = toStringTag(fn);
    const lazyGenerator = kind === '[object GeneratorFunction]' || kind === '[object AsyncGeneratorFunction]';
    const name = options.name || fn.name || fallbackName || DEFAULT_SPAN_NAME;
    const attributes = fn.name ? { [SpanAttributeKey.FUNCTION_NAME]: fn.name, ...options.attributes } : options.attributes;
    const spanOptions = (args) => ({
        name,
        spanType: options.spanType,
        inputs: inputsFor(fn, args),
        attributes,
    });
    const wrapper = function (...args) {
        const parent = currentContext();
        if (new.target !== undefined) {
            const target = new.target;
            let span;
            try {
                span = createSpan(spanOptions(args), parent);
            }
            catch {
                return Reflect.construct(fn, args, target);
            }
            return runSpan(span, () => Reflect.construct(fn, args, target), false);
        }
        if (lazyGenerator) {
            const inner = fn.apply(this, args);
            return tracedGenerator(inner, () => createSpan(spanOptions(args), parent));
        }
        let span;
        try {
            span = createSpan(spanOptions(args), parent);
        }
        catch {
            return fn.apply(this, args);
        }
        return runSpan(span, () => fn.apply(this, args), true);
    };
    Object.defineProperty(wrapper, 'name', { value: fn.name, configurable: true });
    Object.defineProperty(wrapper, 'length', { value: fn.length, configurable: true });
    for (const key of Object.keys(fn)) {
        try {
            wrapper[key] = fn[key];
        }
        catch {
            // A read-only or throwing property: the wrapper works without it.
        }
    }
    return wrapper;
}
function trace(fnOrOptions, options) {
    if (typeof fnOrOptions === 'function')
        return traceFunction(fnOrOptions, options);
    const decoratorOptions = fnOrOptions ?? {};
    return (...args) => {
        const [first, second, third] = args;
        // Standard decorators: (method, context). Legacy: (prototype, key, descriptor).
        if (typeof first === 'function' && typeof second === 'object' && second !== null && 'kind' in second) {
            const methodName = second.name;
            return traceFunction(first, decoratorOptions, typeof methodName === 'string' ? methodName : undefined);
        }
        const descriptor = third;
        if (descriptor && typeof descriptor.value === 'function') {
            descriptor.value = traceFunction(descriptor.value, decoratorOptions, String(second));
            return descriptor;
        }
        throw new TypeError('@trace() decorates methods only; wrap other functions with trace(fn).');
    };
}
/** The active span (from `trace` or `withSpan`; spans from `startSpan` are never active), or null. */
function getCurrentActiveSpan() {
    const context = context_currentContext();
    return context instanceof LiveSpan ? context : null;
}
/** Runs `fn` with `span` active, so spans created inside nest under it (e.g. a stream's callbacks). */
function withActiveSpan(span, fn) {
    return runInContext(span, fn);
}
const stringValues = (record) => Object.fromEntries(Object.entries(record).map(([k, v]) => [k, typeof v === 'string' ? v : String(v)]));
/** Updates the trace of the active span; warns and does nothing outside any span. */
function updateCurrentTrace(options) {
    const span = getCurrentActiveSpan();
    if (!span || !(span._owner instanceof TraceBuffer)) {
        getRuntime().warn('updateCurrentTrace() was called outside any span; call it inside trace() or withSpan().');
        return;
    }
    if (options.requestPreview !== undefined && typeof options.requestPreview !== 'string')
        throw new TypeError('updateCurrentTrace: requestPreview must be a string.');
    if (options.responsePreview !== undefined && typeof options.responsePreview !== 'string')
        throw new TypeError('updateCurrentTrace: responsePreview must be a string.');
    const buffer = span._owner;
    if (buffer.finished) {
        getRuntime().warn(`updateCurrentTrace(): trace ${buffer.traceId} has already finished.`);
        return;
    }
    if (options.tags)
        Object.assign(buffer.tags, stringValues(options.tags));
    if (options.metadata)
        Object.assign(buffer.metadata, stringValues(options.metadata));
    if (options.sessionId !== undefined)
        buffer.metadata[constants/* TraceMetadataKey */.C3.TRACE_SESSION] = String(options.sessionId);
    if (options.user !== undefined)
        buffer.metadata[constants/* TraceMetadataKey */.C3.TRACE_USER] = String(options.user);
    if (options.clientRequestId !== undefined)
        buffer.clientRequestId = String(options.clientRequestId);
    if (options.requestPreview !== undefined)
        buffer.requestPreview = options.requestPreview;
    if (options.responsePreview !== undefined)
        buffer.responsePreview = options.responsePreview;
}

;// CONCATENATED MODULE: ./build/src/tracing/distributed.js




const TRACEPARENT_HEADER = 'traceparent';
const TRACESTATE_HEADER = 'tracestate';
function readHeader(headers, name) {
    if (!headers)
        return undefined;
    const matchEntries = (entries) => {
        for (const entry of entries) {
            if (!Array.isArray(entry) || String(entry[0]).toLowerCase() !== name)
                continue;
            const value = entry[1];
            if (value == null)
                return undefined;
            return Array.isArray(value) ? `${value[0]}` : `${value}`;
        }
        return undefined;
    };
    // A Map's get is case-sensitive; header names are not.
    if (headers instanceof Map)
        return matchEntries(headers);
    if (typeof headers.get === 'function') {
        return headers.get(name) ?? undefined;
    }
    if (Symbol.iterator in headers)
        return matchEntries(headers);
    return matchEntries(Object.entries(headers));
}
/** Parses a `traceparent` value; undefined when invalid (the spec says to ignore it then). */
function parseTraceparent(value, traceState) {
    if (!value)
        return undefined;
    const parts = value.trim().split('-');
    if (parts.length < 4)
        return undefined;
    const [version, traceId, spanId, flags] = parts;
    if (!/^[0-9a-f]{2}$/.test(version) || version === 'ff')
        return undefined;
    // Version 00 has exactly four fields; later versions may append more, which we ignore.
    if (version === '00' && parts.length !== 4)
        return undefined;
    if (!isTraceIdHex(traceId) || !isSpanIdHex(spanId) || !/^[0-9a-f]{2}$/.test(flags))
        return undefined;
    const context = { traceId: toMlflowTraceId(traceId), spanId, sampled: (parseInt(flags, 16) & 1) === 1, isRemote: true };
    return traceState ? { ...context, traceState } : context;
}
/** The remote parent carried by request headers, or undefined when there is no valid `traceparent`. */
function extract(headers) {
    return parseTraceparent(readHeader(headers, TRACEPARENT_HEADER), readHeader(headers, TRACESTATE_HEADER));
}
function propagationOf(context) {
    if (!context)
        return undefined;
    if (context instanceof LiveSpan) {
        const owner = context._owner;
        if (owner instanceof TraceBuffer)
            owner.propagated = true;
        const sampled = owner instanceof TraceBuffer ? owner.sampled : true;
        const out = { traceparent: `00-${fromMlflowTraceId(context.traceId)}-${context.spanId}-${sampled ? '01' : '00'}` };
        if (owner instanceof TraceBuffer && owner.traceState)
            out.tracestate = owner.traceState;
        return out;
    }
    if (context_isTraceContext(context)) {
        // Inside a remote context but no local span yet: pass the caller's parent through unchanged.
        const out = { traceparent: `00-${fromMlflowTraceId(context.traceId)}-${context.spanId}-${context.sampled ? '01' : '00'}` };
        if (context.traceState)
            out.tracestate = context.traceState;
        return out;
    }
    return undefined;
}
/** The `traceparent` (and `tracestate`) headers for the active span, or for `span`; `{}` when there is none. */
function getTracingContextHeadersForHttpRequest(span) {
    const p = propagationOf(span ?? context_currentContext());
    if (!p)
        return {};
    return p.tracestate ? { traceparent: p.traceparent, tracestate: p.tracestate } : { traceparent: p.traceparent };
}
function inject(headers = {}, span) {
    const p = propagationOf(span ?? currentContext());
    if (!p)
        return headers;
    if (headers instanceof Headers) {
        headers.set(TRACEPARENT_HEADER, p.traceparent);
        if (p.tracestate)
            headers.set(TRACESTATE_HEADER, p.tracestate);
        return headers;
    }
    const out = {};
    for (const [k, v] of Object.entries(headers))
        if (k.toLowerCase() !== TRACEPARENT_HEADER && k.toLowerCase() !== TRACESTATE_HEADER)
            out[k] = v;
    out[TRACEPARENT_HEADER] = p.traceparent;
    if (p.tracestate)
        out[TRACESTATE_HEADER] = p.tracestate;
    return out;
}
/**
 * Runs `fn` with the remote parent from `headers` (or an extracted context) active: spans it
 * creates continue the caller's trace. Without a valid `traceparent`, `fn` runs as usual and its
 * spans start a new trace.
 */
function withRemoteParent(headersOrContext, fn) {
    const context = isTraceContext(headersOrContext) ? headersOrContext : extract(headersOrContext);
    return context ? runInContext(context, fn) : fn();
}
function requireContext(headers) {
    const context = extract(headers);
    if (!context) {
        throw new Error("The HTTP request headers do not contain a valid 'traceparent' header. Generate the caller's headers with getTracingContextHeadersForHttpRequest() or inject().");
    }
    return context;
}
/** The official SDK's name: like withRemoteParent, but throws when `traceparent` is missing or invalid. */
function withTracingContextFromHeaders(headers, callback) {
    return runInContext(requireContext(headers), callback);
}
/** The official SDK's async variant (the same function: async context follows promises). */
async function withTracingContextFromHeadersAsync(headers, callback) {
    return runInContext(requireContext(headers), callback);
}
/** Wraps a fetch function so every call carries the active span as `traceparent`. */
function createTracedFetch(baseFetch = globalThis.fetch) {
    const traced = (input, init) => {
        const p = propagationOf(currentContext());
        if (!p)
            return baseFetch(input, init);
        const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
        headers.set(TRACEPARENT_HEADER, p.traceparent);
        if (p.tracestate)
            headers.set(TRACESTATE_HEADER, p.tracestate);
        return baseFetch(input, { ...init, headers });
    };
    return traced;
}
/** `fetch` that carries the active span as `traceparent`. */
const tracedFetch = (input, init) => createTracedFetch(globalThis.fetch)(input, init);
function withTraceHeaders(headers, p) {
    const isOurs = (name) => {
        const lower = name.toLowerCase();
        return lower === TRACEPARENT_HEADER || lower === TRACESTATE_HEADER;
    };
    const extra = [[TRACEPARENT_HEADER, p.traceparent]];
    if (p.tracestate)
        extra.push([TRACESTATE_HEADER, p.tracestate]);
    if (headers == null)
        return Object.fromEntries(extra);
    if (Array.isArray(headers)) {
        // undici's flat form: [name, value, name, value, ...].
        const flat = [];
        for (let i = 0; i + 1 < headers.length; i += 2) {
            if (!isOurs(String(headers[i])))
                flat.push(String(headers[i]), headers[i + 1]);
        }
        for (const [k, v] of extra)
            flat.push(k, v);
        return flat;
    }
    const out = {};
    const entries = Symbol.iterator in headers ? headers : Object.entries(headers);
    for (const [k, v] of entries) {
        if (v === undefined || isOurs(k))
            continue;
        out[k] = Array.isArray(v) ? v.map((x) => `${x}`) : `${v}`;
    }
    for (const [k, v] of extra)
        out[k] = v;
    return out;
}
/**
 * An undici interceptor that adds `traceparent` for the active span to every request:
 * `setGlobalDispatcher(getGlobalDispatcher().compose(tracingInterceptor()))`, or
 * `new Agent().compose(tracingInterceptor())` for one client.
 */
function tracingInterceptor() {
    return (dispatch) => (options, handler) => {
        const p = propagationOf(currentContext());
        if (!p)
            return dispatch(options, handler);
        return dispatch({ ...options, headers: withTraceHeaders(options.headers, p) }, handler);
    };
}

;// CONCATENATED MODULE: ./build/src/tracing/genai.js
/**
 * Helpers for LLM integrations: they write MLflow's attribute keys (what MLflow's UI and trace
 * aggregation read) together with the OpenTelemetry GenAI semantic-convention attributes (what
 * other OTel tooling reads), so each integration records the same facts the same way.
 */

const count = (n) => (typeof n === 'number' && Number.isFinite(n) ? n : undefined);
/**
 * Records an LLM call's token counts: `mlflow.chat.tokenUsage` (summed into the trace's
 * `mlflow.trace.tokenUsage` at export) and `gen_ai.usage.input_tokens` / `output_tokens`.
 * Missing counts are 0; returns what was recorded.
 */
function genai_recordTokenUsage(span, usage) {
    const input = count(usage.input_tokens) ?? 0;
    const output = count(usage.output_tokens) ?? 0;
    const recorded = { input_tokens: input, output_tokens: output, total_tokens: count(usage.total_tokens) ?? input + output };
    const cacheRead = count(usage.cache_read_input_tokens);
    const cacheCreation = count(usage.cache_creation_input_tokens);
    if (cacheRead !== undefined)
        recorded.cache_read_input_tokens = cacheRead;
    if (cacheCreation !== undefined)
        recorded.cache_creation_input_tokens = cacheCreation;
    span.setAttribute(SpanAttributeKey.TOKEN_USAGE, recorded);
    span.setAttribute(GenAiAttributeKey.USAGE_INPUT_TOKENS, input);
    span.setAttribute(GenAiAttributeKey.USAGE_OUTPUT_TOKENS, output);
    return recorded;
}
/** Records what was asked of the model. Undefined fields are left out. */
function genai_recordLlmRequest(span, info) {
    if (info.model !== undefined) {
        span.setAttribute(SpanAttributeKey.MODEL, info.model);
        span.setAttribute(GenAiAttributeKey.REQUEST_MODEL, info.model);
    }
    if (info.provider !== undefined) {
        span.setAttribute(SpanAttributeKey.MODEL_PROVIDER, info.provider);
        span.setAttribute(GenAiAttributeKey.PROVIDER_NAME, info.provider);
    }
    if (info.operation !== undefined)
        span.setAttribute(GenAiAttributeKey.OPERATION_NAME, info.operation);
    if (info.temperature !== undefined)
        span.setAttribute(GenAiAttributeKey.REQUEST_TEMPERATURE, info.temperature);
    if (info.maxTokens !== undefined)
        span.setAttribute(GenAiAttributeKey.REQUEST_MAX_TOKENS, info.maxTokens);
    if (info.topP !== undefined)
        span.setAttribute(GenAiAttributeKey.REQUEST_TOP_P, info.topP);
    if (info.messageFormat !== undefined)
        span.setAttribute(SpanAttributeKey.MESSAGE_FORMAT, info.messageFormat);
}
/** Records facts of the model's answer. Undefined fields are left out. */
function genai_recordLlmResponse(span, info) {
    if (info.model !== undefined)
        span.setAttribute(GenAiAttributeKey.RESPONSE_MODEL, info.model);
    if (info.id !== undefined)
        span.setAttribute(GenAiAttributeKey.RESPONSE_ID, info.id);
    if (info.finishReasons !== undefined)
        span.setAttribute(GenAiAttributeKey.RESPONSE_FINISH_REASONS, info.finishReasons);
}
/** The tools offered to the model (`mlflow.chat.tools`), in OpenAI's `{type: "function", function: {...}}` form. */
function genai_setChatTools(span, tools) {
    span.setAttribute(SpanAttributeKey.CHAT_TOOLS, tools);
}
/** The call's cost in USD (`mlflow.llm.cost`). */
function recordLlmCost(span, cost) {
    span.setAttribute(SpanAttributeKey.LLM_COST, { ...cost, total_cost: cost.total_cost ?? cost.input_cost + cost.output_cost });
}
/** One streamed chunk, as MLflow records them: event `mlflow.chunk.item.<index>` with `mlflow.chunk.value`. */
function genai_recordStreamChunk(span, index, chunk) {
    span.addEvent({ name: `${CHUNK_EVENT_PREFIX}${index}`, attributes: { [SpanAttributeKey.CHUNK_VALUE]: chunk } });
}

;// CONCATENATED MODULE: ./build/src/tracing/integrations/shared.js
/**
 * What the OpenAI, Anthropic and Gemini integrations share: the client Proxy, one span per SDK
 * call, promise and stream instrumentation, token-usage normalisation and the redaction boundary.
 *
 * Nothing here imports a vendor SDK: clients, promises and streams are recognised by shape, so the
 * user's own SDK version is the one that runs. Tracing must never change what the caller sees:
 * every recording step is guarded, and the SDK's own objects (promises with `withResponse()`,
 * streams with `controller`/`tee()`/`toReadableStream()`, Anthropic's `MessageStream`) are handed
 * back, instrumented in place, rather than replaced by look-alikes.
 */

/** Chunk events recorded per streamed call; later chunks still feed the aggregate output. */
const MAX_CHUNK_EVENTS = 1000;
/** Characters of one chunk's JSON kept in its event. */
const MAX_CHUNK_VALUE_CHARS = 16_384;
// ------------------------------------------------------------------------------------ values
/**
 * Keys never recorded, at any depth: credentials and transport details. Compared lowercased with
 * `-` and `_` removed, so `x-api-key`, `apiKey` and `api_key` all match.
 */
const REDACTED_KEYS = new Set([
    'apikey',
    'xapikey',
    'xgoogapikey',
    'authorization',
    'proxyauthorization',
    'authtoken',
    'accesstoken',
    'clientsecret',
    'password',
    'cookie',
    'setcookie',
    'headers',
    'httpoptions',
    'abortsignal',
    'signal',
    'sdkhttpresponse',
]);
const shared_MAX_DEPTH = 32;
const isRedactedKey = (key) => REDACTED_KEYS.has(key.toLowerCase().replace(/[-_]/g, ''));
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function shared_secretsOf(client) {
    const out = [];
    for (const key of ['apiKey', 'authToken']) {
        try {
            const v = client[key];
            // Short values (placeholders, empty) would scrub ordinary words.
            if (typeof v === 'string' && v.length >= 8)
                out.push(v);
        }
        catch {
            // A throwing getter holds no readable secret.
        }
    }
    return out;
}
function scrub(text, secrets) {
    let out = text;
    for (const s of secrets)
        if (out.includes(s))
            out = out.split(s).join('[REDACTED]');
    return out;
}
/**
 * A JSON-safe copy of a request or response for a span: credential and transport keys dropped,
 * functions dropped, typed arrays (OpenAI's decoded embeddings) as number arrays, credentials
 * scrubbed from strings. Never throws.
 */
function toTraceValue(value, secrets = []) {
    const seen = new Set();
    const walk = (v, depth) => {
        switch (typeof v) {
            case 'string':
                return secrets.length ? scrub(v, secrets) : v;
            case 'number':
            case 'boolean':
                return v;
            case 'bigint':
                return v.toString();
            case 'undefined':
            case 'function':
            case 'symbol':
                return undefined;
        }
        if (v === null)
            return null;
        const obj = v;
        if (seen.has(obj))
            return '[Circular]';
        if (depth >= shared_MAX_DEPTH)
            return '[Max depth]';
        if (ArrayBuffer.isView(obj)) {
            return obj instanceof DataView ? `[DataView: ${obj.byteLength} bytes]` : Array.from(obj, (n) => (typeof n === 'bigint' ? n.toString() : n));
        }
        if (obj instanceof ArrayBuffer)
            return `[ArrayBuffer: ${obj.byteLength} bytes]`;
        if (obj instanceof Date)
            return Number.isNaN(obj.getTime()) ? null : obj.toISOString();
        if (obj instanceof Error)
            return { name: obj.name, message: secrets.length ? scrub(obj.message, secrets) : obj.message };
        seen.add(obj);
        try {
            if (Array.isArray(obj))
                return obj.map((item) => walk(item, depth + 1) ?? null);
            if (obj instanceof Map) {
                const out = {};
                for (const [k, item] of obj)
                    if (!isRedactedKey(String(k)))
                        out[String(k)] = walk(item, depth + 1);
                return out;
            }
            if (obj instanceof Set)
                return [...obj].map((item) => walk(item, depth + 1) ?? null);
            const out = {};
            for (const key of Object.keys(obj)) {
                if (isRedactedKey(key))
                    continue;
                let item;
                try {
                    item = obj[key];
                }
                catch {
                    continue;
                }
                const w = walk(item, depth + 1);
                if (w !== undefined)
                    out[key] = w;
            }
            return out;
        }
        finally {
            seen.delete(obj);
        }
    };
    try {
        return walk(value, 0);
    }
    catch {
        return '[Unserializable]';
    }
}
// ------------------------------------------------------------------------------------ usage
const num = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
/**
 * One usage normaliser for every vendor shape, into MLflow's `{input_tokens, output_tokens,
 * total_tokens, cache_*}` where input counts every prompt token (cached ones included):
 * - OpenAI chat/completions: `prompt_tokens`, `completion_tokens`, `prompt_tokens_details.cached_tokens`;
 * - OpenAI Responses: `input_tokens`, `output_tokens`, `input_tokens_details.cached_tokens`;
 * - Anthropic: `input_tokens` excludes `cache_read_input_tokens` and `cache_creation_input_tokens`,
 *   so they are added back, as MLflow's Anthropic autolog does;
 * - Gemini: `promptTokenCount`, `candidatesTokenCount` (+ `thoughtsTokenCount`), `cachedContentTokenCount`.
 */
function normalizeTokenUsage(usage) {
    if (!isRecord(usage))
        return undefined;
    let input;
    let output;
    let total;
    let cacheRead;
    let cacheCreation;
    if ('promptTokenCount' in usage || 'candidatesTokenCount' in usage || 'totalTokenCount' in usage) {
        input = num(usage.promptTokenCount) ?? 0;
        const thoughts = num(usage.thoughtsTokenCount) ?? 0;
        output = (num(usage.candidatesTokenCount) ?? 0) + thoughts;
        total = num(usage.totalTokenCount);
        cacheRead = num(usage.cachedContentTokenCount);
    }
    else if ('prompt_tokens' in usage || 'completion_tokens' in usage) {
        input = num(usage.prompt_tokens) ?? 0;
        output = num(usage.completion_tokens) ?? 0;
        total = num(usage.total_tokens);
        cacheRead = isRecord(usage.prompt_tokens_details) ? num(usage.prompt_tokens_details.cached_tokens) : undefined;
    }
    else if ('input_tokens' in usage || 'output_tokens' in usage) {
        input = num(usage.input_tokens) ?? 0;
        output = num(usage.output_tokens) ?? 0;
        total = num(usage.total_tokens);
        if ('cache_read_input_tokens' in usage || 'cache_creation_input_tokens' in usage) {
            cacheRead = num(usage.cache_read_input_tokens);
            cacheCreation = num(usage.cache_creation_input_tokens);
            input += (cacheRead ?? 0) + (cacheCreation ?? 0);
            total = undefined;
        }
        else {
            cacheRead = isRecord(usage.input_tokens_details) ? num(usage.input_tokens_details.cached_tokens) : undefined;
        }
    }
    else {
        return undefined;
    }
    const out = { input_tokens: input, output_tokens: output, total_tokens: total ?? input + output };
    if (cacheRead !== undefined)
        out.cache_read_input_tokens = cacheRead;
    if (cacheCreation !== undefined)
        out.cache_creation_input_tokens = cacheCreation;
    return out;
}
// ------------------------------------------------------------------------------------ spans
/** One traced SDK call: the span, and the single place it is ended (first outcome wins). */
class CallTrace {
    #span;
    #spec;
    #secrets;
    params;
    #open = true;
    constructor(span, spec, secrets, params) {
        this.#span = span;
        this.#spec = spec;
        this.#secrets = secrets;
        this.params = params;
    }
    /** Undefined when the span cannot be started: the call then runs untraced rather than fail. */
    static start(spec, secrets, args) {
        const params = isRecord(args[0]) ? args[0] : {};
        let span;
        try {
            span = startSpan({ name: spec.name, spanType: spec.spanType, inputs: toTraceValue(args[0] ?? {}, secrets) });
        }
        catch {
            return undefined;
        }
        try {
            const chatLike = spec.spanType === 'CHAT_MODEL' || spec.spanType === 'LLM';
            recordLlmRequest(span, {
                model: typeof params.model === 'string' ? params.model : undefined,
                provider: spec.vendor,
                operation: spec.operation,
                messageFormat: chatLike ? spec.vendor : undefined,
                ...requestSettings(params),
            });
            // The older semconv name, still what many OTel backends group GenAI spans by.
            span.setAttribute(GenAiAttributeKey.SYSTEM, spec.vendor);
            const tools = spec.tools?.(params);
            if (tools?.length)
                setChatTools(span, toTraceValue(tools, secrets));
        }
        catch {
            // Request attributes are best effort; the span still records the call.
        }
        return new CallTrace(span, spec, secrets, params);
    }
    get open() {
        return this.#open;
    }
    addChunkEvent(index, chunk) {
        if (!this.open)
            return;
        try {
            let text = JSON.stringify(toTraceValue(chunk, this.#secrets)) ?? 'null';
            if (text.length > MAX_CHUNK_VALUE_CHARS)
                text = text.slice(0, MAX_CHUNK_VALUE_CHARS) + '...[truncated]';
            // A JSON string, as MLflow records chunk values.
            recordStreamChunk(this.#span, index, text);
        }
        catch {
            // A chunk that cannot be recorded is skipped; the consumer still gets it.
        }
    }
    setAttribute(key, value) {
        if (this.open)
            safely(() => this.#span.setAttribute(key, value));
    }
    /** Ends the span with `output` as its outputs (response facts, usage, model recorded from it). */
    succeed(output) {
        if (!this.#open)
            return;
        this.#open = false;
        try {
            const facts = safely(() => this.#spec.describe(output)) ?? {};
            this.#recordFacts(facts);
            this.#span.setOutputs(toTraceValue(output, this.#secrets));
            if (facts.failure !== undefined)
                this.#span.setStatus('ERROR', scrub(facts.failure, this.#secrets));
            this.#span.end();
        }
        catch {
            safely(() => this.#span.end());
        }
    }
    /** Ends the span as failed; `partialOutput` is what a stream produced before failing. */
    fail(error, partialOutput) {
        if (!this.#open)
            return;
        this.#open = false;
        try {
            if (partialOutput !== undefined) {
                this.#recordFacts(safely(() => this.#spec.describe(partialOutput)) ?? {});
                this.#span.setOutputs(toTraceValue(partialOutput, this.#secrets));
            }
            const scrubbed = this.#scrubbedError(error);
            this.#span.recordException(scrubbed);
            this.#span.setStatus('ERROR', scrubbed instanceof Error ? scrubbed.message : String(toTraceValue(scrubbed, this.#secrets)));
            this.#span.end();
        }
        catch {
            safely(() => this.#span.end());
        }
    }
    #recordFacts(facts) {
        recordLlmResponse(this.#span, {
            model: facts.model,
            id: facts.id,
            finishReasons: facts.finishReasons?.length ? facts.finishReasons : undefined,
        });
        const usage = normalizeTokenUsage(facts.usage);
        if (usage)
            recordTokenUsage(this.#span, usage);
    }
    /** The error itself unless its text carries a client credential; then a copy without it. */
    #scrubbedError(error) {
        if (!(error instanceof Error) || this.#secrets.length === 0)
            return error;
        const message = scrub(error.message, this.#secrets);
        const stack = error.stack === undefined ? undefined : scrub(error.stack, this.#secrets);
        if (message === error.message && stack === error.stack)
            return error;
        const copy = new Error(message);
        copy.name = error.name;
        copy.stack = stack;
        return copy;
    }
}
function safely(fn) {
    try {
        return fn();
    }
    catch {
        return undefined;
    }
}
/** Sampling settings under each vendor's parameter names (Gemini's live in `config`). */
function requestSettings(params) {
    const config = isRecord(params.config) ? params.config : {};
    const pick = (...vals) => vals.map(num).find((v) => v !== undefined);
    return {
        temperature: pick(params.temperature, config.temperature),
        topP: pick(params.top_p, config.topP),
        maxTokens: pick(params.max_tokens, params.max_completion_tokens, params.max_output_tokens, config.maxOutputTokens),
    };
}
/**
 * Runs one SDK call inside a span. The call's result comes back as the SDK made it: a promise
 * (same methods), a stream (same object) or a value. Exceptions are rethrown unchanged.
 */
function traceSdkCall(spec, secrets, original, self, args) {
    const call = CallTrace.start(spec, secrets, args);
    if (!call)
        return Reflect.apply(original, self, args);
    let result;
    try {
        result = Reflect.apply(original, self, args);
    }
    catch (err) {
        call.fail(err);
        throw err;
    }
    const onValue = (value) => {
        try {
            return handleValue(spec, call, value);
        }
        catch {
            // Instrumentation failed on an odd value: hand it back untouched.
            call.succeed(undefined);
            return value;
        }
    };
    if (isThenable(result))
        return instrumentPromise(result, call, onValue);
    return onValue(result);
}
function handleValue(spec, call, value) {
    const streaming = spec.aggregator !== undefined && (safely(() => spec.streams?.(call.params)) ?? false);
    if (streaming && spec.aggregator)
        return instrumentStream(value, new StreamRecorder(call, spec.aggregator()));
    call.succeed(value);
    return value;
}
function isThenable(value) {
    return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof value.then === 'function';
}
/**
 * A native promise is chained directly. The SDKs' promise subclasses (OpenAI and Anthropic's
 * `APIPromise`) parse the body only when first awaited and carry `withResponse()` /
 * `asResponse()`, so they get a Proxy: awaiting or `withResponse()` goes through the span, and
 * `asResponse()` (raw body, nothing for us to parse) ends the span when the response arrives.
 */
function instrumentPromise(promise, call, onValue) {
    let traced;
    const settle = () => (traced ??= Promise.resolve(promise.then(onValue, (err) => {
        call.fail(err);
        throw err;
    })));
    if (promise instanceof Promise && Object.getPrototypeOf(promise) === Promise.prototype)
        return settle();
    const target = promise;
    const methods = {
        then: (onFulfilled, onRejected) => settle().then(onFulfilled, onRejected),
        catch: (onRejected) => settle().catch(onRejected),
        finally: (onFinally) => settle().finally(onFinally),
    };
    if (typeof target.withResponse === 'function') {
        const withResponse = target.withResponse;
        methods.withResponse = () => Promise.all([settle(), withResponse.call(target)]).then(([data, raw]) => ({ ...raw, data }));
    }
    if (typeof target.asResponse === 'function') {
        const asResponse = target.asResponse;
        methods.asResponse = () => asResponse.call(target).then((response) => {
            if (!traced)
                call.succeed(undefined);
            return response;
        }, (err) => {
            call.fail(err);
            throw err;
        });
    }
    const bound = new Map();
    return new Proxy(target, {
        get(t, prop) {
            if (Object.hasOwn(methods, prop))
                return methods[prop];
            const value = Reflect.get(t, prop, t);
            if (typeof value !== 'function')
                return value;
            // Promise methods need the real promise as `this` (internal slots, private fields).
            let fn = bound.get(prop);
            if (fn === undefined)
                bound.set(prop, (fn = value.bind(t)));
            return fn;
        },
    });
}
// ------------------------------------------------------------------------------------ streams
/** Feeds chunks to the aggregate and the chunk events, and ends the call once. */
class StreamRecorder {
    #call;
    #aggregator;
    #count = 0;
    constructor(call, aggregator) {
        this.#call = call;
        this.#aggregator = aggregator;
    }
    chunk(value) {
        if (!this.#call.open)
            return;
        safely(() => this.#aggregator.add(value));
        if (this.#count < MAX_CHUNK_EVENTS)
            this.#call.addChunkEvent(this.#count, value);
        this.#count++;
    }
    /** The stream ended; `complete` is false when the consumer stopped (break, abort) before its end. */
    finish(complete) {
        if (!this.#call.open)
            return;
        this.#annotate(complete);
        this.#call.succeed(safely(() => this.#aggregator.result()));
    }
    fail(error) {
        if (!this.#call.open)
            return;
        this.#annotate(true);
        this.#call.fail(error, safely(() => this.#aggregator.result()));
    }
    /** Ends with a result the stream object computed itself (Anthropic's `finalMessage`). */
    finishWith(output) {
        if (!this.#call.open)
            return;
        this.#annotate(true);
        this.#call.succeed(output);
    }
    #annotate(complete) {
        if (this.#count > MAX_CHUNK_EVENTS)
            this.#call.setAttribute('mlflow.chunk.dropped', this.#count - MAX_CHUNK_EVENTS);
        if (!complete)
            this.#call.setAttribute('mlflow.stream.incomplete', true);
    }
}
/** Re-yields `source`, recording each chunk; the span ends on completion, error, break or abort. */
async function* recordIterable(source, recorder, aborted) {
    let complete = false;
    try {
        for await (const chunk of source) {
            recorder.chunk(chunk);
            yield chunk;
        }
        complete = !aborted();
    }
    catch (err) {
        recorder.fail(err);
        throw err;
    }
    finally {
        // Reached without an error on completion, and on `return()` (a consumer's break) too.
        recorder.finish(complete);
    }
}
const hasFn = (v, key) => (typeof v === 'object' || typeof v === 'function') && v !== null && typeof v[key] === 'function';
/**
 * Instruments a streamed result in the form the SDK returned it:
 * - an event emitter with `on`/`done` (Anthropic's `MessageStream`): observed through its public
 *   events, so listener-dependent behaviour (unhandled-error reporting) is unchanged;
 * - a Stainless `Stream` (OpenAI, Anthropic): its per-instance `iterator` factory is replaced, so
 *   `for await`, `tee()`, `toReadableStream()` and `controller` all keep working on the same object;
 * - an async generator (Gemini): a recording generator in its place;
 * - another async iterable: a Proxy whose `Symbol.asyncIterator` records.
 */
function instrumentStream(value, recorder) {
    if (hasFn(value, 'on') && hasFn(value, 'done') && hasFn(value, Symbol.asyncIterator)) {
        observeEventStream(value, recorder);
        return value;
    }
    if (!hasFn(value, Symbol.asyncIterator)) {
        recorder.finishWith(value);
        return value;
    }
    const stream = value;
    const signal = stream.controller?.signal;
    const aborted = () => signal?.aborted === true;
    const factory = stream.iterator;
    if (typeof factory === 'function' && Object.hasOwn(stream, 'iterator')) {
        try {
            stream.iterator = function (...args) {
                const inner = Reflect.apply(factory, this, args);
                return recordIterable({ [Symbol.asyncIterator]: () => inner }, recorder, aborted);
            };
            return stream;
        }
        catch {
            // Frozen or read-only: fall through to a Proxy.
        }
    }
    if (hasFn(stream, 'next'))
        return recordIterable(stream, recorder, aborted);
    return new Proxy(stream, {
        get(t, prop) {
            const v = Reflect.get(t, prop, t);
            if (prop === Symbol.asyncIterator && typeof v === 'function') {
                return () => recordIterable({ [Symbol.asyncIterator]: () => Reflect.apply(v, t, []) }, recorder, aborted);
            }
            return typeof v === 'function' ? v.bind(t) : v;
        },
    });
}
/**
 * Records an emitter-style stream from its `streamEvent` (each raw chunk), `finalMessage` and
 * `end` events, never listening to `error`/`abort`: the emitter reports an error as unhandled
 * only when nobody listens, and tracing must not change that. At `end`, success and abort are
 * known from its flags (the span ends right there); the error itself comes from `done()`, asked
 * only after the emitter has made its unhandled-error decision.
 */
function observeEventStream(stream, recorder) {
    let final;
    try {
        stream.on('streamEvent', (event) => recorder.chunk(event));
        stream.on('finalMessage', (message) => void (final = message));
        stream.on('end', () => {
            if (stream.aborted === true)
                return recorder.finish(false);
            if (stream.errored !== true)
                return final !== undefined ? recorder.finishWith(final) : recorder.finish(true);
            stream.done().then(() => recorder.finish(true), (err) => recorder.fail(err));
        });
    }
    catch {
        recorder.finishWith(undefined);
    }
}
const TRACED_CLIENT = Symbol.for('mlflow-ts.tracing.tracedClient');
/** True for a client already returned by a `traced*` wrapper (wrapping again returns it as is). */
function isTracedClient(value) {
    try {
        return (typeof value === 'object' || typeof value === 'function') && value !== null && value[TRACED_CLIENT] === true;
    }
    catch {
        return false;
    }
}
/**
 * Wraps a client in a Proxy that traces the methods `routes` leads to and leaves everything else
 * as it is. Nested resources get their own cached Proxies (`traced.chat === traced.chat`). Other
 * methods run with the real object as `this`, since SDK classes keep private state a Proxy
 * cannot reach; on the root, a method returning a new client of the same class (`withOptions`)
 * returns it traced too.
 */
function shared_wrapClient(client, routes) {
    if (isTracedClient(client))
        return client;
    return proxify(client, routes, true);
}
function proxify(target, routes, isRoot) {
    const cache = new Map();
    const proxy = new Proxy(target, {
        get(t, prop) {
            if (prop === TRACED_CLIENT)
                return true;
            const value = Reflect.get(t, prop, t);
            const hit = cache.get(prop);
            if (hit && hit.raw === value)
                return hit.wrapped;
            // A Proxy must return a frozen property's own value (a Proxy invariant).
            const own = Reflect.getOwnPropertyDescriptor(t, prop);
            if (own && !own.configurable && own.writable === false)
                return value;
            const route = typeof prop === 'string' && Object.hasOwn(routes, prop) ? routes[prop] : undefined;
            let wrapped;
            if (typeof route === 'function' && typeof value === 'function') {
                const original = value;
                wrapped = function (...args) {
                    return route(original, this === proxy || this === undefined ? t : this, args);
                };
            }
            else if (route !== undefined && typeof route === 'object' && typeof value === 'object' && value !== null) {
                wrapped = proxify(value, route, false);
            }
            else if (typeof value === 'function' && prop !== 'constructor') {
                const fn = value;
                wrapped = function (...args) {
                    // A class reached through the client still constructs.
                    if (new.target !== undefined)
                        return Reflect.construct(fn, args);
                    const result = Reflect.apply(fn, this === proxy ? t : this, args);
                    return isRoot && result !== t && sameClass(result, t) ? shared_wrapClient(result, routes) : result;
                };
            }
            else {
                return value;
            }
            cache.set(prop, { raw: value, wrapped });
            return wrapped;
        },
    });
    return proxy;
}
function sameClass(a, b) {
    return typeof a === 'object' && a !== null && Object.getPrototypeOf(a) === Object.getPrototypeOf(b);
}
/** The route leaf for one operation: a span per call, with the client's credentials scrubbed. */
function shared_tracedMethod(spec, secrets) {
    return (original, self, args) => traceSdkCall(spec, secrets, original, self, args);
}

;// CONCATENATED MODULE: ./build/src/tracing/integrations/openai.js
/**
 * Auto-tracing for the `openai` npm client: `tracedOpenAI(client)` returns the client with
 * `chat.completions.create` (CHAT_MODEL), `responses.create` (CHAT_MODEL), `completions.create`
 * (LLM) and `embeddings.create` (EMBEDDING) recorded as spans, streaming included. The `openai`
 * package is never imported: any client of that shape works, whatever its version.
 */

const str = (v) => (typeof v === 'string' ? v : undefined);
const list = (v) => (Array.isArray(v) ? v : []);
const streams = (params) => params.stream === true;
/** Chat and legacy completions: `id`, `model`, `usage`, each choice's `finish_reason`. */
function describeCompletion(output) {
    if (!isRecord(output))
        return {};
    const finishReasons = list(output.choices)
        .map((c) => (isRecord(c) ? str(c.finish_reason) : undefined))
        .filter((r) => r !== undefined);
    return { model: str(output.model), id: str(output.id), finishReasons, usage: output.usage ?? undefined };
}
function chatTools(params) {
    const out = [];
    for (const t of list(params.tools)) {
        if (!isRecord(t))
            continue;
        const def = isRecord(t.function) ? t.function : isRecord(t.custom) ? t.custom : undefined;
        const name = def && str(def.name);
        if (!def || name === undefined)
            continue;
        const fn = { name };
        if (typeof def.description === 'string')
            fn.description = def.description;
        if (def.parameters !== undefined)
            fn.parameters = def.parameters;
        if (typeof def.strict === 'boolean')
            fn.strict = def.strict;
        out.push({ type: 'function', function: fn });
    }
    return out;
}
/** Responses API tools are flat (`{type:'function', name, parameters}`); built-ins are named by type. */
function responsesTools(params) {
    const out = [];
    for (const t of list(params.tools)) {
        if (!isRecord(t))
            continue;
        const name = str(t.name) ?? str(t.type);
        if (name === undefined)
            continue;
        const fn = { name };
        if (typeof t.description === 'string')
            fn.description = t.description;
        if (t.parameters !== undefined)
            fn.parameters = t.parameters;
        if (typeof t.strict === 'boolean')
            fn.strict = t.strict;
        out.push({ type: 'function', function: fn });
    }
    return out;
}
/** The common head of a completion built from chunks: id, model, created, fingerprint, usage. */
function chunkHead() {
    const head = {};
    return {
        take(chunk) {
            for (const key of ['id', 'created', 'model', 'system_fingerprint', 'service_tier']) {
                if (head[key] === undefined && chunk[key] !== undefined && chunk[key] !== null)
                    head[key] = chunk[key];
            }
            // With `stream_options.include_usage` the last chunk carries the usage (choices empty).
            if (isRecord(chunk.usage))
                head.usage = chunk.usage;
        },
        fields: () => head,
    };
}
/** Chat chunks → a `chat.completion`: content and refusal joined, tool-call arguments joined per index. */
function chatAggregator() {
    const head = chunkHead();
    const choices = new Map();
    return {
        add(chunk) {
            if (!isRecord(chunk))
                return;
            head.take(chunk);
            for (const c of list(chunk.choices)) {
                if (!isRecord(c))
                    continue;
                const index = typeof c.index === 'number' ? c.index : 0;
                let st = choices.get(index);
                if (!st)
                    choices.set(index, (st = { role: 'assistant', content: null, refusal: null, toolCalls: new Map(), finishReason: null }));
                const delta = isRecord(c.delta) ? c.delta : {};
                if (typeof delta.role === 'string')
                    st.role = delta.role;
                if (typeof delta.content === 'string')
                    st.content = (st.content ?? '') + delta.content;
                if (typeof delta.refusal === 'string')
                    st.refusal = (st.refusal ?? '') + delta.refusal;
                for (const tc of list(delta.tool_calls)) {
                    if (!isRecord(tc))
                        continue;
                    const i = typeof tc.index === 'number' ? tc.index : st.toolCalls.size;
                    let call = st.toolCalls.get(i);
                    if (!call)
                        st.toolCalls.set(i, (call = { type: 'function', function: { name: '', arguments: '' } }));
                    if (typeof tc.id === 'string')
                        call.id = tc.id;
                    if (typeof tc.type === 'string')
                        call.type = tc.type;
                    const fn = isRecord(tc.function) ? tc.function : {};
                    if (typeof fn.name === 'string')
                        call.function.name += fn.name;
                    if (typeof fn.arguments === 'string')
                        call.function.arguments += fn.arguments;
                }
                if (typeof c.finish_reason === 'string')
                    st.finishReason = c.finish_reason;
            }
        },
        result() {
            const { usage, ...rest } = head.fields();
            return {
                ...rest,
                object: 'chat.completion',
                choices: [...choices.entries()]
                    .sort(([a], [b]) => a - b)
                    .map(([index, st]) => {
                    const message = { role: st.role, content: st.content, refusal: st.refusal };
                    if (st.toolCalls.size)
                        message.tool_calls = [...st.toolCalls.entries()].sort(([a], [b]) => a - b).map(([, call]) => call);
                    return { index, message, finish_reason: st.finishReason };
                }),
                ...(usage !== undefined ? { usage } : {}),
            };
        },
    };
}
/** Legacy completion chunks → a `text_completion` with each choice's text joined. */
function completionAggregator() {
    const head = chunkHead();
    const choices = new Map();
    return {
        add(chunk) {
            if (!isRecord(chunk))
                return;
            head.take(chunk);
            for (const c of list(chunk.choices)) {
                if (!isRecord(c))
                    continue;
                const index = typeof c.index === 'number' ? c.index : 0;
                let st = choices.get(index);
                if (!st)
                    choices.set(index, (st = { text: '', finishReason: null }));
                if (typeof c.text === 'string')
                    st.text += c.text;
                if (typeof c.finish_reason === 'string')
                    st.finishReason = c.finish_reason;
            }
        },
        result() {
            const { usage, ...rest } = head.fields();
            return {
                ...rest,
                object: 'text_completion',
                choices: [...choices.entries()].sort(([a], [b]) => a - b).map(([index, st]) => ({ index, text: st.text, finish_reason: st.finishReason })),
                ...(usage !== undefined ? { usage } : {}),
            };
        },
    };
}
function describeResponse(output) {
    if (!isRecord(output))
        return {};
    const facts = { model: str(output.model), id: str(output.id), usage: output.usage ?? undefined };
    if (output.status === 'failed') {
        const err = isRecord(output.error) ? output.error : {};
        facts.failure = str(err.message) ?? 'The response failed.';
    }
    const reason = isRecord(output.incomplete_details) ? str(output.incomplete_details.reason) : undefined;
    if (reason !== undefined)
        facts.finishReasons = [reason];
    return facts;
}
/**
 * Responses API events → the final `response` (from `response.completed` / `.failed` /
 * `.incomplete`); a stream cut short gives the items finished so far and the text streamed so far.
 */
function responsesAggregator() {
    let final;
    let head = {};
    let error;
    const items = [];
    let text = '';
    return {
        add(event) {
            if (!isRecord(event))
                return;
            const type = str(event.type);
            if (type === 'response.completed' || type === 'response.failed' || type === 'response.incomplete') {
                if (isRecord(event.response))
                    final = event.response;
            }
            else if ((type === 'response.created' || type === 'response.in_progress') && isRecord(event.response)) {
                head = event.response;
            }
            else if (type === 'response.output_item.done') {
                items.push(event.item);
            }
            else if (type === 'response.output_text.delta' && typeof event.delta === 'string') {
                text += event.delta;
            }
            else if (type === 'error') {
                error = { code: event.code ?? null, message: str(event.message) ?? 'The response stream reported an error.' };
            }
        },
        result() {
            if (final)
                return final;
            const out = { ...head, output: items };
            if (text !== '')
                out.output_text = text;
            if (error)
                Object.assign(out, { status: 'failed', error });
            return out;
        },
    };
}
const CHAT = {
    vendor: 'openai',
    name: 'Completions',
    spanType: 'CHAT_MODEL',
    operation: 'chat',
    tools: chatTools,
    streams,
    describe: describeCompletion,
    aggregator: chatAggregator,
};
const COMPLETIONS = {
    vendor: 'openai',
    name: 'Completions',
    spanType: 'LLM',
    operation: 'text_completion',
    streams,
    describe: describeCompletion,
    aggregator: completionAggregator,
};
const EMBEDDINGS = {
    vendor: 'openai',
    name: 'Embeddings',
    spanType: 'EMBEDDING',
    operation: 'embeddings',
    describe: (output) => (isRecord(output) ? { model: str(output.model), usage: output.usage ?? undefined } : {}),
};
const RESPONSES = {
    vendor: 'openai',
    name: 'Responses',
    spanType: 'CHAT_MODEL',
    operation: 'chat',
    tools: responsesTools,
    streams,
    describe: describeResponse,
    aggregator: responsesAggregator,
};
/**
 * Returns `client` (an `openai` `OpenAI` or `AzureOpenAI` instance) with its calls traced. The
 * result is the same client behind a Proxy: types, methods, streams and promises are unchanged.
 * Wrapping an already traced client returns it as is.
 *
 * Streamed chat/completions only report token usage when the request sets
 * `stream_options: { include_usage: true }`; the wrapper does not add it (it changes the chunks).
 */
function tracedOpenAI(client) {
    const secrets = secretsOf(client);
    return wrapClient(client, {
        chat: { completions: { create: tracedMethod(CHAT, secrets) } },
        completions: { create: tracedMethod(COMPLETIONS, secrets) },
        embeddings: { create: tracedMethod(EMBEDDINGS, secrets) },
        responses: { create: tracedMethod(RESPONSES, secrets) },
    });
}

;// CONCATENATED MODULE: ./build/src/tracing/integrations/anthropic.js
/**
 * Auto-tracing for the `@anthropic-ai/sdk` client: `tracedAnthropic(client)` records
 * `messages.create` (streaming or not) and `messages.stream` (the `MessageStream` helper, its
 * events and `finalMessage()` untouched) as CHAT_MODEL spans. The SDK is never imported.
 */

const anthropic_str = (v) => (typeof v === 'string' ? v : undefined);
function tools(params) {
    const out = [];
    for (const t of Array.isArray(params.tools) ? params.tools : []) {
        if (!isRecord(t) || typeof t.name !== 'string')
            continue;
        const fn = { name: t.name };
        if (typeof t.description === 'string')
            fn.description = t.description;
        if (t.input_schema !== undefined)
            fn.parameters = t.input_schema;
        out.push({ type: 'function', function: fn });
    }
    return out;
}
function describe(output) {
    if (!isRecord(output))
        return {};
    const stop = anthropic_str(output.stop_reason);
    return { model: anthropic_str(output.model), id: anthropic_str(output.id), finishReasons: stop ? [stop] : undefined, usage: output.usage ?? undefined };
}
/** A deep copy, so building the aggregate never mutates the events the caller receives. */
const copy = (v) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));
/**
 * Raw stream events → the `message` a non-streaming call returns: blocks from
 * `content_block_start`, text / thinking / tool-input JSON from `content_block_delta`, stop reason
 * and usage from `message_delta` (its counts are cumulative, so they replace).
 */
function aggregator() {
    let message;
    const blocks = [];
    const partialJson = new Map();
    const settleJson = (index) => {
        const json = partialJson.get(index);
        const block = blocks[index];
        if (json === undefined || !block)
            return;
        partialJson.delete(index);
        try {
            block.input = json === '' ? {} : JSON.parse(json);
        }
        catch {
            // Cut off mid-arguments: keep what arrived rather than nothing.
            block.input = json;
        }
    };
    return {
        add(event) {
            if (!isRecord(event))
                return;
            const index = typeof event.index === 'number' ? event.index : -1;
            switch (event.type) {
                case 'message_start':
                    if (isRecord(event.message))
                        message = copy(event.message);
                    break;
                case 'content_block_start':
                    if (index >= 0 && isRecord(event.content_block))
                        blocks[index] = copy(event.content_block);
                    break;
                case 'content_block_delta': {
                    const block = blocks[index];
                    const delta = isRecord(event.delta) ? event.delta : {};
                    if (!block)
                        break;
                    if (delta.type === 'text_delta' && typeof delta.text === 'string')
                        block.text = (anthropic_str(block.text) ?? '') + delta.text;
                    else if (delta.type === 'input_json_delta' && typeof delta.partial_json === 'string') {
                        partialJson.set(index, (partialJson.get(index) ?? '') + delta.partial_json);
                    }
                    else if (delta.type === 'thinking_delta' && typeof delta.thinking === 'string') {
                        block.thinking = (anthropic_str(block.thinking) ?? '') + delta.thinking;
                    }
                    else if (delta.type === 'signature_delta' && typeof delta.signature === 'string')
                        block.signature = delta.signature;
                    else if (delta.type === 'citations_delta' && delta.citation !== undefined) {
                        block.citations = [...(Array.isArray(block.citations) ? block.citations : []), copy(delta.citation)];
                    }
                    break;
                }
                case 'content_block_stop':
                    settleJson(index);
                    break;
                case 'message_delta': {
                    message ??= {};
                    if (isRecord(event.delta))
                        Object.assign(message, copy(event.delta));
                    if (isRecord(event.usage)) {
                        const usage = isRecord(message.usage) ? message.usage : (message.usage = {});
                        for (const [k, v] of Object.entries(event.usage))
                            if (v !== null && v !== undefined)
                                usage[k] = v;
                    }
                    break;
                }
            }
        },
        result() {
            for (const index of [...partialJson.keys()])
                settleJson(index);
            return { ...(message ?? {}), content: blocks.filter((b) => b !== undefined) };
        },
    };
}
const CREATE = {
    vendor: 'anthropic',
    name: 'Messages.create',
    spanType: 'CHAT_MODEL',
    operation: 'chat',
    tools,
    streams: (params) => params.stream === true,
    describe,
    aggregator,
};
const STREAM = { ...CREATE, name: 'Messages.stream', streams: () => true };
/**
 * Returns `client` (an `@anthropic-ai/sdk` `Anthropic` instance) with `messages.create` and
 * `messages.stream` traced; everything else is untouched. Wrapping twice returns it as is.
 */
function tracedAnthropic(client) {
    const secrets = secretsOf(client);
    return wrapClient(client, {
        messages: { create: tracedMethod(CREATE, secrets), stream: tracedMethod(STREAM, secrets) },
    });
}

;// CONCATENATED MODULE: ./build/src/tracing/integrations/gemini.js
/**
 * Auto-tracing for the `@google/genai` client: `tracedGemini(ai)` records
 * `models.generateContent` and `models.generateContentStream` (CHAT_MODEL) and
 * `models.embedContent` (EMBEDDING) as spans. The SDK is never imported; the response headers it
 * attaches (`sdkHttpResponse`) are never recorded.
 */

const gemini_str = (v) => (typeof v === 'string' ? v : undefined);
const gemini_list = (v) => (Array.isArray(v) ? v : []);
/** `config.tools[].functionDeclarations[]`; built-in tools (`googleSearch`, ...) by their key. */
function gemini_tools(params) {
    const config = isRecord(params.config) ? params.config : {};
    const out = [];
    for (const tool of gemini_list(config.tools)) {
        // A CallableTool (MCP, automatic function calling) describes itself only asynchronously.
        if (!isRecord(tool) || typeof tool.tool === 'function')
            continue;
        const declarations = gemini_list(tool.functionDeclarations);
        for (const d of declarations) {
            if (!isRecord(d) || typeof d.name !== 'string')
                continue;
            const fn = { name: d.name };
            if (typeof d.description === 'string')
                fn.description = d.description;
            const parameters = d.parameters ?? d.parametersJsonSchema;
            if (parameters !== undefined)
                fn.parameters = parameters;
            out.push({ type: 'function', function: fn });
        }
        if (declarations.length === 0) {
            for (const key of Object.keys(tool))
                if (tool[key] !== undefined)
                    out.push({ type: 'function', function: { name: key } });
        }
    }
    return out;
}
function gemini_describe(output) {
    if (!isRecord(output))
        return {};
    const finishReasons = gemini_list(output.candidates)
        .map((c) => (isRecord(c) ? gemini_str(c.finishReason) : undefined))
        .filter((r) => r !== undefined);
    return { model: gemini_str(output.modelVersion), id: gemini_str(output.responseId), finishReasons, usage: output.usageMetadata ?? undefined };
}
/**
 * Chunks → one `GenerateContentResponse`: each candidate's text (and thought text) joined, other
 * parts (function calls, inline data) kept in order; usage, model version and id from the latest
 * chunk that has them (Gemini's usage counts are running totals).
 */
function gemini_aggregator() {
    const candidates = new Map();
    const latest = {};
    return {
        add(chunk) {
            if (!isRecord(chunk))
                return;
            for (const key of ['usageMetadata', 'modelVersion', 'responseId', 'promptFeedback']) {
                if (chunk[key] !== undefined && chunk[key] !== null)
                    latest[key] = chunk[key];
            }
            for (const c of gemini_list(chunk.candidates)) {
                if (!isRecord(c))
                    continue;
                const index = typeof c.index === 'number' ? c.index : 0;
                let st = candidates.get(index);
                if (!st)
                    candidates.set(index, (st = { text: '', thought: '', otherParts: [] }));
                const parts = isRecord(c.content) ? gemini_list(c.content.parts) : [];
                for (const p of parts) {
                    if (isRecord(p) && typeof p.text === 'string') {
                        if (p.thought === true)
                            st.thought += p.text;
                        else
                            st.text += p.text;
                    }
                    else if (p !== undefined) {
                        st.otherParts.push(p);
                    }
                }
                if (typeof c.finishReason === 'string')
                    st.finishReason = c.finishReason;
            }
        },
        result() {
            return {
                candidates: [...candidates.entries()]
                    .sort(([a], [b]) => a - b)
                    .map(([index, st]) => {
                    const parts = [];
                    if (st.thought !== '')
                        parts.push({ text: st.thought, thought: true });
                    if (st.text !== '')
                        parts.push({ text: st.text });
                    parts.push(...st.otherParts);
                    return { content: { role: 'model', parts }, ...(st.finishReason ? { finishReason: st.finishReason } : {}), index };
                }),
                ...latest,
            };
        },
    };
}
const GENERATE = {
    vendor: 'gemini',
    name: 'Models.generateContent',
    spanType: 'CHAT_MODEL',
    operation: 'generate_content',
    tools: gemini_tools,
    describe: gemini_describe,
};
const GENERATE_STREAM = { ...GENERATE, name: 'Models.generateContentStream', streams: () => true, aggregator: gemini_aggregator };
const EMBED = {
    vendor: 'gemini',
    name: 'Models.embedContent',
    spanType: 'EMBEDDING',
    operation: 'embeddings',
    // The embedding API reports no token usage or response model.
    describe: () => ({}),
};
/**
 * Returns `ai` (a `@google/genai` `GoogleGenAI` instance) with `models.generateContent`,
 * `models.generateContentStream` and `models.embedContent` traced. Wrapping twice returns it as is.
 */
function tracedGemini(ai) {
    const secrets = secretsOf(ai);
    return wrapClient(ai, {
        models: {
            generateContent: tracedMethod(GENERATE, secrets),
            generateContentStream: tracedMethod(GENERATE_STREAM, secrets),
            embedContent: tracedMethod(EMBED, secrets),
        },
    });
}

;// CONCATENATED MODULE: ./build/src/tracing/integrations/index.js
/**
 * Auto-tracing for LLM SDK clients: wrap a client once and every call becomes a span.
 *
 * ```ts
 * const openai = tracedOpenAI(new OpenAI());
 * const anthropic = tracedAnthropic(new Anthropic());
 * const ai = tracedGemini(new GoogleGenAI({ apiKey }));
 * ```
 */





;// CONCATENATED MODULE: ./build/src/tracing/index.js
/**
 * MLflow tracing for TypeScript: the public API of the official SDK (`@mlflow/core`), so code
 * written for it runs here by changing only the import, plus sampling, a bounded retrying
 * exporter, W3C distributed tracing, run linking and helpers for LLM integrations.
 *
 * ```ts
 * import { init, trace, withSpan, SpanType } from 'mlflow-ts-action/tracing';
 * init({ trackingUri: 'http://127.0.0.1:5000', experimentId: '1' });
 * const answer = trace(async (question: string) => llm(question), { spanType: SpanType.CHAIN });
 * ```
 */











// EXTERNAL MODULE: ./build/src/evaluate/aggregate.js
var aggregate = __webpack_require__(89125);
// EXTERNAL MODULE: ./node_modules/csv-parse/lib/sync.js + 9 modules
var sync = __webpack_require__(25175);
// EXTERNAL MODULE: ./build/src/config/yaml-file.js
var yaml_file = __webpack_require__(27632);
// EXTERNAL MODULE: ./build/src/mlflow/limits.js
var limits = __webpack_require__(45167);
;// CONCATENATED MODULE: ./build/src/evaluate/prompt.js
/**
 * Prompt templates: `{{column}}` (spaces inside the braces allowed) replaced by the row's value.
 * Deliberately nothing more: no conditionals, filters or expressions, so a suite file can never
 * run code. Text between double braces that is not a name (`{{ a b }}`, `{{}}`, JSON in a prompt)
 * stays as written.
 *
 * A name is looked up as a column of the row; `expected` is the row's expected answer, and
 * `input.<column>` is `<column>`, as in the judge scorer's rubric templates.
 */

/** A template, or a row's values, that cannot produce a prompt. */
class TemplateError extends Error {
    /** The variable that had no value, when that is the problem. */
    variable;
    constructor(message, options) {
        super(message, options);
        this.name = 'TemplateError';
        this.variable = options?.variable;
    }
}
/** Letters and digits of any script, `_`, `.` and `-`. */
const PLACEHOLDER = /\{\{\s*([\p{L}\p{N}_.-]+)\s*\}\}/gu;
const INPUT_PREFIX = 'input.';
function compileTemplate(template) {
    const literals = [];
    const names = [];
    let last = 0;
    for (const m of template.matchAll(PLACEHOLDER)) {
        literals.push(template.slice(last, m.index));
        names.push(m[1]);
        last = m.index + m[0].length;
    }
    literals.push(template.slice(last));
    return {
        source: template,
        variables: [...new Set(names)],
        render(lookup) {
            let out = literals[0];
            for (let i = 0; i < names.length; i++) {
                const name = names[i];
                const value = lookup(name);
                if (value === undefined)
                    throw new TemplateError(`no value for {{${name}}}.`, { variable: name });
                out += asPromptText(value) + literals[i + 1];
            }
            return out;
        },
    };
}
/** The names of `template`'s variables, in order of first appearance. */
function templateVariables(template) {
    return [...compileTemplate(template).variables];
}
/** A value as prompt text: strings as they are, anything else as JSON (`null`, `3`, `{"a":1}`). */
function asPromptText(value) {
    return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
}
/**
 * `template` with each `{{name}}` replaced by `values[name]`. Throws TemplateError naming a
 * variable that `values` lacks (undefined counts as lacking; null is rendered as `null`).
 */
function renderTemplate(template, values) {
    try {
        return compileTemplate(template).render((name) => (Object.hasOwn(values, name) ? values[name] : undefined));
    }
    catch (err) {
        if (!(err instanceof TemplateError) || err.variable === undefined)
            throw err;
        const given = Object.keys(values).join(', ') || '(none)';
        throw new TemplateError(`no value for {{${err.variable}}}; values given: ${given}.`, { variable: err.variable });
    }
}
/** What `name` means in `row`: a column, `expected`, or `input.<column>`; undefined when none. */
function rowVariable(row, name) {
    if (Object.hasOwn(row.inputs, name))
        return row.inputs[name];
    if (name === 'expected')
        return row.expected;
    if (name.startsWith(INPUT_PREFIX)) {
        const column = name.slice(INPUT_PREFIX.length);
        if (Object.hasOwn(row.inputs, column))
            return row.inputs[column];
    }
    return undefined;
}
/** The columns a template may name for `row`, for messages. */
function rowVariableNames(row) {
    const names = Object.keys(row.inputs);
    if (row.expected !== undefined && !names.includes('expected'))
        names.push('expected');
    return names;
}
/** Says which row lacks which column that which template uses, and what the row has. */
function missingColumnMessage(row, variable, where) {
    const has = rowVariableNames(row);
    const hint = (0,yaml_file/* didYouMean */.au)(variable, has);
    return `row ${row.index} has no column "${variable}", which ${where} uses as {{${variable}}}.${hint} The row's columns: ${has.join(', ') || '(none)'}.`;
}
/** Where each template of a prompt spec is, as a YAML path, with its variables. */
function promptTemplates(spec) {
    if (spec.prompt !== undefined)
        return [{ where: 'prompt', template: spec.prompt }];
    return (spec.messages ?? []).map((m, i) => ({ where: `messages[${i}].content`, template: m.content }));
}
/** Compiled once per suite object: a suite renders the same templates for every row. */
const compiledPrompts = new WeakMap();
function compiledPromptOf(spec) {
    let compiled = compiledPrompts.get(spec);
    if (!compiled) {
        const roles = spec.prompt !== undefined ? ['user'] : (spec.messages ?? []).map((m) => m.role);
        compiled = promptTemplates(spec).map((t, i) => ({ role: roles[i], template: compileTemplate(t.template), where: t.where }));
        compiledPrompts.set(spec, compiled);
    }
    return compiled;
}
/**
 * The chat messages for `row`: the suite's `prompt` as one user message, or its `messages` with
 * each content rendered. Throws TemplateError (that row's error) when the row lacks a variable,
 * and when the suite has neither prompt nor messages (only gateway and openai targets need them).
 */
function buildMessages(suite, row) {
    const compiled = compiledPromptOf(suite);
    if (compiled.length === 0)
        throw new TemplateError('the suite has no prompt or messages; add one of them to send rows to a chat target.');
    return compiled.map(({ role, template, where }) => {
        try {
            return { role, content: template.render((name) => rowVariable(row, name)) };
        }
        catch (err) {
            if (!(err instanceof TemplateError) || err.variable === undefined)
                throw err;
            throw new TemplateError(missingColumnMessage(row, err.variable, where), { variable: err.variable });
        }
    });
}

;// CONCATENATED MODULE: ./build/src/evaluate/dataset.js
/**
 * Datasets: a JSONL, CSV or JSON file, or rows written inline in the suite, turned into EvalRows
 * (column mapping applied, `limit` taken) plus the description MLflow's `log-inputs` records.
 *
 * The digest identifies the data, not the file: it is computed over the mapped rows (column
 * names, values and order), so the same rows as JSONL, CSV or JSON give the same digest and a
 * changed value changes it. MLflow hashes a pandas DataFrame with md5 and keeps 8 hex characters;
 * we cannot reproduce pandas' hashing, so ours is the first 8 hex characters of the SHA-256 of the
 * rows' canonical JSON (object keys sorted, `{"expected": …, "inputs": {…}}` per row). CSV values
 * stay strings, so `1` in a CSV and `1` in JSON are different data, and different digests.
 */







const DATASET_FORMATS = ['jsonl', 'csv', 'json'];
const FORMAT_BY_EXTENSION = { '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.csv': 'csv', '.json': 'json' };
/** The format a file name implies (`.jsonl`/`.ndjson`, `.csv`, `.json`), if any. */
function formatFromPath(path) {
    return FORMAT_BY_EXTENSION[(0,external_node_path_.extname)(path).toLowerCase()];
}
/** The name under which the expected answer is mapped (`columns: { expected: answer }`). */
const EXPECTED_COLUMN = 'expected';
/** A dataset that cannot be read; messages name the file (or suite) and the line of each problem. */
class DatasetError extends yaml_file/* ConfigFileError */.x {
    constructor(file, problems, options) {
        super(file, problems, { ...options, label: 'dataset' });
        this.name = 'DatasetError';
    }
}
/** A problem with one row of the data, located by the caller (file line or suite path). */
class DatasetRowProblem extends Error {
    index;
    constructor(index, message) {
        super(message);
        this.name = 'DatasetRowProblem';
        this.index = index;
    }
}
/** A path as short as it can be said: relative to the working directory when inside it. */
function displayPath(path) {
    const rel = (0,external_node_path_.relative)(process.cwd(), path);
    return rel !== '' && !rel.startsWith('..') && !(0,external_node_path_.isAbsolute)(rel) ? rel : path;
}
function dataset_isRecord(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}
const OBJECT_SHAPE = 'a JSON object ({"column": value, ...})';
function dataset_describe(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'a list';
    return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
function stripBom(text) {
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
function readJsonl(text, file) {
    const records = [];
    const lines = stripBom(text).split(/\r?\n/);
    for (const [i, line] of lines.entries()) {
        if (line.trim() === '')
            continue;
        let value;
        try {
            value = JSON.parse(line);
        }
        catch (err) {
            throw new DatasetError(file, { path: '', line: i + 1, message: `not valid JSON (${err.message}). Each line must hold one JSON object.` });
        }
        if (!dataset_isRecord(value))
            throw new DatasetError(file, { path: '', line: i + 1, message: `must be ${OBJECT_SHAPE}, not ${dataset_describe(value)}.` });
        records.push({ values: value, line: i + 1 });
    }
    return records;
}
function readCsv(text, file) {
    let parsed;
    try {
        parsed = (0,sync/* parse */.qg)(text, { bom: true, info: true, skip_empty_lines: true });
    }
    catch (err) {
        if (!(err instanceof sync/* CsvError */.J$))
            throw err;
        const line = typeof err.lines === 'number' ? err.lines : undefined;
        throw new DatasetError(file, { path: '', ...(line ? { line } : {}), message: `not valid CSV: ${err.message}. Fix the file there.` });
    }
    const [header, ...body] = parsed;
    if (!header)
        return [];
    const seen = new Set();
    for (const [i, name] of header.record.entries()) {
        if (name.trim() === '')
            throw new DatasetError(file, { path: '', line: header.info.lines, message: `column ${i + 1} of the header row has no name. Name every column.` });
        if (seen.has(name))
            throw new DatasetError(file, { path: '', line: header.info.lines, message: `the header names column "${name}" twice. Rename one.` });
        seen.add(name);
    }
    return body.map(({ record, info }) => {
        // `info.lines` is where the record ends; a quoted value may span lines.
        const spanned = record.reduce((n, value) => n + (value.match(/\n/g)?.length ?? 0), 0);
        return { values: Object.fromEntries(header.record.map((name, i) => [name, record[i]])), line: info.lines - spanned };
    });
}
/** JSON.parse's "(line 3 column 5)", when the message has it. */
function jsonErrorLine(message) {
    const m = /line (\d+) column \d+/.exec(message);
    return m ? Number(m[1]) : undefined;
}
const JSON_SHAPES = 'a list of row objects, or pandas\' split orientation {"columns": [...], "data": [[...], ...]}';
function readJson(text, file) {
    let value;
    try {
        value = JSON.parse(stripBom(text));
    }
    catch (err) {
        const message = err.message;
        const line = jsonErrorLine(message);
        throw new DatasetError(file, { path: '', ...(line ? { line } : {}), message: `not valid JSON (${message}). The file must hold ${JSON_SHAPES}.` });
    }
    if (Array.isArray(value)) {
        return value.map((row, i) => {
            if (!dataset_isRecord(row))
                throw new DatasetError(file, { path: `[${i}]`, message: `must be ${OBJECT_SHAPE}, not ${dataset_describe(row)}.` });
            return { values: row, path: `[${i}]` };
        });
    }
    if (dataset_isRecord(value) && Array.isArray(value.columns) && Array.isArray(value.data)) {
        const columns = value.columns;
        for (const [i, c] of columns.entries()) {
            if (typeof c !== 'string')
                throw new DatasetError(file, { path: `columns[${i}]`, message: `must be a column name (a string), not ${dataset_describe(c)}.` });
        }
        const names = columns;
        const duplicate = names.find((c, i) => names.indexOf(c) !== i);
        if (duplicate !== undefined)
            throw new DatasetError(file, { path: 'columns', message: `names column "${duplicate}" twice. Rename one.` });
        return value.data.map((row, i) => {
            if (!Array.isArray(row))
                throw new DatasetError(file, { path: `data[${i}]`, message: `must be a list of values, one per column, not ${dataset_describe(row)}.` });
            if (row.length !== names.length) {
                throw new DatasetError(file, { path: `data[${i}]`, message: `has ${row.length} values but there are ${names.length} columns. Give one value per column.` });
            }
            return { values: Object.fromEntries(names.map((name, j) => [name, row[j]])), path: `data[${i}]` };
        });
    }
    throw new DatasetError(file, { path: '', message: `must hold ${JSON_SHAPES}; it holds ${dataset_describe(value)}${dataset_isRecord(value) ? ' without "columns" and "data" lists' : ''}.` });
}
const READERS = { jsonl: readJsonl, csv: readCsv, json: readJson };
/**
 * Rows after column mapping. The mapping and the prompt's variables are checked against the
 * first row (a typo shows there; a later row that lacks a column fails alone, as that row's error).
 * Throws DatasetRowProblem.
 */
function mapRows(records, spec) {
    const mapping = Object.entries(spec.columns);
    const sources = new Set(mapping.map(([, theirs]) => theirs));
    const first = records[0];
    if (first) {
        const present = Object.keys(first);
        for (const [ours, theirs] of mapping) {
            if (!Object.hasOwn(first, theirs)) {
                throw new DatasetRowProblem(0, `row 0 has no column "${theirs}", which dataset.columns maps to "${ours}".${(0,yaml_file/* didYouMean */.au)(theirs, present)} The data's columns: ${present.join(', ') || '(none)'}.`);
            }
            if (Object.hasOwn(first, ours) && !sources.has(ours)) {
                throw new DatasetRowProblem(0, `the data has a column "${ours}" and dataset.columns also maps "${theirs}" to that name. Map to another name, or map "${ours}" too.`);
            }
        }
    }
    const renames = new Map();
    for (const [ours, theirs] of mapping)
        renames.set(theirs, [...(renames.get(theirs) ?? []), ours]);
    const rows = records.map((values, index) => toRow(values, index, renames));
    if (rows[0]) {
        for (const { name, where } of spec.placeholders ?? []) {
            if (rowVariable(rows[0], name) === undefined)
                throw new DatasetRowProblem(0, missingColumnMessage(rows[0], name, where));
        }
    }
    return rows;
}
function toRow(values, index, renames) {
    // Mapped columns take their new names where they stand, so the data's column order is kept.
    // fromEntries defines properties, so a column named "__proto__" stays a column.
    const entries = [];
    for (const [column, value] of Object.entries(values)) {
        const ours = renames.get(column);
        if (ours)
            for (const name of ours)
                entries.push([name, value]);
        else
            entries.push([column, value]);
    }
    // The expected answer is the label, not an input: a model server or command must not see it
    // (MLflow's evaluate likewise keeps `targets` out of the model's input).
    const expected = entries.find(([k]) => k === EXPECTED_COLUMN)?.[1];
    const inputs = Object.fromEntries(entries.filter(([k]) => k !== EXPECTED_COLUMN));
    return expected === undefined ? { index, inputs } : { index, inputs, expected };
}
/** JSON with object keys sorted at every depth, so equal data has one spelling. */
function canonicalJson(value) {
    if (Array.isArray(value))
        return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
    if (dataset_isRecord(value)) {
        const keys = Object.keys(value).filter((k) => value[k] !== undefined).sort();
        return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
    }
    return JSON.stringify(value) ?? 'null';
}
/** The dataset's digest: 8 hex characters of the SHA-256 of the mapped rows (see the file's header). */
function datasetDigest(rows) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    hash.update('[');
    for (const [i, row] of rows.entries()) {
        if (i > 0)
            hash.update(',');
        hash.update(canonicalJson(row.expected === undefined ? { inputs: row.inputs } : { expected: row.expected, inputs: row.inputs }));
    }
    hash.update(']');
    return hash.digest('hex').slice(0, 8);
}
/** MLflow's ColSpec type names for JSON values; `any` (MLflow's AnyType) for mixed or nested. */
function colspecType(values) {
    const present = values.filter((v) => v !== null && v !== undefined);
    if (present.length === 0)
        return 'any';
    if (present.every((v) => typeof v === 'string'))
        return 'string';
    if (present.every((v) => typeof v === 'boolean'))
        return 'boolean';
    if (present.every((v) => typeof v === 'number' && Number.isInteger(v)))
        return 'long';
    if (present.every((v) => typeof v === 'number'))
        return 'double';
    return 'any';
}
function columnsOf(rows) {
    const seen = new Set();
    for (const row of rows) {
        for (const k of Object.keys(row.inputs))
            seen.add(k);
        if (row.expected !== undefined)
            seen.add(EXPECTED_COLUMN);
    }
    return [...seen];
}
const columnValue = (row, column) => (column === EXPECTED_COLUMN && !Object.hasOwn(row.inputs, column) ? row.expected : row.inputs[column]);
/**
 * MLflow's dataset schema (`{"mlflow_colspec": [{type, name, required}]}`, as a pandas dataset
 * logs it); a column is required when every row has a value. Undefined when it would exceed
 * MLflow's schema limit (the field is optional).
 */
function schemaOf(rows, columns) {
    const specs = columns.map((name) => {
        const values = rows.map((row) => columnValue(row, name));
        return { type: colspecType(values), name, required: values.every((v) => v !== null && v !== undefined) };
    });
    const schema = JSON.stringify({ mlflow_colspec: specs });
    return schema.length <= limits/* MLFLOW_LIMITS */.rh.dataset.maxSchemaLength ? schema : undefined;
}
function datasetName(spec) {
    const name = spec.name ?? (spec.source === 'file' ? (0,external_node_path_.basename)(spec.path, (0,external_node_path_.extname)(spec.path)) : 'inline');
    return name.slice(0, limits/* MLFLOW_LIMITS */.rh.dataset.maxNameLength);
}
/** The rows' MLflow description for `log-inputs`. */
function describeDataset(spec, rows, options = {}) {
    const columns = columnsOf(rows);
    const schema = schemaOf(rows, columns);
    // What MLflow's LocalArtifactDatasetSource and CodeDatasetSource serialise.
    const source = spec.source === 'file'
        ? { source_type: 'local', source: JSON.stringify({ uri: options.path ?? spec.path }) }
        : { source_type: 'code', source: JSON.stringify({ tags: spec.origin ? { 'mlflow.source.name': spec.origin } : {} }) };
    const input = {
        name: datasetName(spec),
        digest: datasetDigest(rows),
        ...source,
        ...(schema !== undefined ? { schema } : {}),
        profile: JSON.stringify({ num_rows: rows.length, num_elements: rows.length * columns.length }),
    };
    return { input, columns };
}
function unreadable(err) {
    const code = err.code;
    if (code === 'ENOENT')
        return 'file not found. Check dataset.path in the suite (relative paths start at the suite file\'s directory).';
    if (code === 'EISDIR')
        return 'is a directory. dataset.path must name a file.';
    return `cannot read the file (${code ?? 'error'}). Check that it is a readable file.`;
}
/**
 * Reads, maps and describes a dataset. Throws DatasetError naming the file and line (or, for
 * inline rows, the suite and the row's YAML path).
 */
async function loadDataset(spec, options = {}) {
    let records;
    let locate;
    let absolute;
    if (spec.source === 'file') {
        absolute = (0,external_node_path_.resolve)(options.baseDir ?? process.cwd(), spec.path);
        const file = displayPath(absolute);
        let text;
        try {
            text = await (0,promises_.readFile)(absolute, 'utf8');
        }
        catch (err) {
            throw new DatasetError(file, { path: '', message: unreadable(err) }, { cause: err });
        }
        const raw = READERS[spec.format](text, file);
        const taken = spec.limit === undefined ? raw : raw.slice(0, spec.limit);
        records = taken.map((r) => r.values);
        locate = (index) => {
            const record = taken[index];
            return { file, path: record?.path ?? '', ...(record?.line ? { line: record.line } : {}) };
        };
    }
    else {
        records = spec.limit === undefined ? spec.rows : spec.rows.slice(0, spec.limit);
        locate = (index) => ({ file: spec.origin, path: `dataset.rows[${index}]` });
    }
    if (records.length === 0) {
        const where = spec.source === 'file' ? locate(0).file : spec.origin;
        throw new DatasetError(where, { path: spec.source === 'file' ? '' : 'dataset.rows', message: 'the dataset has no rows. Add at least one.' });
    }
    let rows;
    try {
        rows = mapRows(records, spec);
    }
    catch (err) {
        if (!(err instanceof DatasetRowProblem))
            throw err;
        const { file, ...problem } = locate(err.index);
        throw new DatasetError(file, { ...problem, message: err.message });
    }
    const { input, columns } = describeDataset(spec, rows, absolute ? { path: absolute } : {});
    return { rows, columns, input };
}

// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: ./build/src/client/transport.js
var transport = __webpack_require__(29196);
;// CONCATENATED MODULE: ./build/src/evaluate/targets/target.js
/**
 * What every target kind shares: the interface the executor calls, the typed error it classifies
 * for retries, and the HTTP plumbing of the targets that speak JSON over HTTP. Timeouts and
 * retries are the executor's: a target makes one attempt and honours `signal` (a cancelled attempt
 * rejects with the signal's reason, so the executor can tell its own timeout from an upstream's).
 */


/**
 * A target that did not answer. `retryable` says whether a later attempt may do better (429,
 * 5xx, a dropped connection, a timeout); a 4xx, a refused connection or a failing command is the
 * same on every attempt. The message names the target and never carries a key.
 */
class TargetError extends Error {
    target;
    /** The HTTP status the target answered with, when it answered. */
    status;
    retryable;
    /** The server's `Retry-After`, when it sent one. */
    retryAfterMs;
    constructor(target, message, options) {
        super(`target "${target}": ${message}`, options.cause === undefined ? undefined : { cause: options.cause });
        this.name = 'TargetError';
        this.target = target;
        this.status = options.status;
        this.retryable = options.retryable;
        this.retryAfterMs = options.retryAfterMs;
    }
}
/** 429 and 5xx may pass on a later attempt; any other error status is the request's own fault. */
function retryableStatus(status) {
    return status === 429 || status >= 500;
}
/** A refused connection or an unknown host means nothing is there; a retry only delays the message. */
const UNRETRYABLE_NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ERR_INVALID_URL', 'UND_ERR_INVALID_ARG']);
function errorCodeOf(err) {
    for (let e = err, depth = 0; e && depth < 4; e = e.cause, depth++) {
        const code = e.code;
        if (typeof code === 'string')
            return code;
    }
    return undefined;
}
function retryableNetworkError(err) {
    const code = errorCodeOf(err);
    return code === undefined || !UNRETRYABLE_NETWORK_CODES.has(code);
}
/** A network failure's own words, with its code; never a URL's credentials (URLs are not in them). */
function describeNetworkError(err) {
    const code = errorCodeOf(err);
    const message = err.cause?.message ?? err?.message ?? String(err);
    return code && !message.includes(code) ? `${code}: ${message}` : message;
}
const target_ERROR_TEXT_LIMIT = 500;
/** Masks each secret wherever it appears (an upstream may echo the key it was sent). */
function target_redact(text, secrets) {
    let out = text;
    for (const s of secrets)
        if (s.length >= 4)
            out = out.replaceAll(s, '***');
    return out;
}
/** The message in an error body: OpenAI's `error.message`, MLflow's `message`, FastAPI's `detail`, else the text. */
function errorBodyMessage(text) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch {
        return text.trim() || '(empty response body)';
    }
    if (json !== null && typeof json === 'object') {
        const o = json;
        const inner = o.error ?? o.detail;
        if (typeof inner === 'string')
            return inner;
        if (inner !== null && typeof inner === 'object' && typeof inner.message === 'string')
            return inner.message;
        if (typeof o.message === 'string')
            return typeof o.error_code === 'string' ? `${o.error_code}: ${o.message}` : o.message;
    }
    return text.trim();
}
/**
 * POSTs JSON and returns the parsed JSON answer; error statuses, network failures and non-JSON
 * answers become TargetError (`what` says what was called, e.g. "POST http://host/invocations").
 * A cancelled call rejects with the signal's reason.
 */
async function postJson(target, url, body, options) {
    const secrets = options.secrets ?? [];
    const fail = (message, extra) => new TargetError(target, target_redact(`${message} (${options.what})`, secrets), extra);
    let text;
    let status;
    let headers;
    try {
        const res = await (0,undici/* request */.Em)(url, {
            method: 'POST',
            headers: { ...options.headers, 'content-type': 'application/json', accept: 'application/json' },
            body: JSON.stringify(body),
            signal: options.signal,
        });
        status = res.statusCode;
        headers = res.headers;
        text = await res.body.text();
    }
    catch (err) {
        if (options.signal.aborted)
            throw options.signal.reason;
        const timeout = err instanceof undici/* errors */.sO.HeadersTimeoutError || err instanceof undici/* errors */.sO.BodyTimeoutError;
        throw fail(`no answer: ${describeNetworkError(err)}`, { retryable: timeout || retryableNetworkError(err), cause: err });
    }
    if (status >= 400) {
        const detail = errorBodyMessage(text);
        const clipped = detail.length > target_ERROR_TEXT_LIMIT ? `${detail.slice(0, target_ERROR_TEXT_LIMIT)}…` : detail;
        throw fail(`HTTP ${status}: ${clipped}`, { status, retryable: retryableStatus(status), retryAfterMs: (0,transport/* retryAfterMs */.Vs)(headers['retry-after']) });
    }
    try {
        return { body: JSON.parse(text), headers };
    }
    catch {
        throw fail(`the answer is not JSON: ${text.slice(0, 200)}`, { status, retryable: false });
    }
}
/** The text of a value: a string as it is, anything else as JSON. */
function textOf(value) {
    if (typeof value === 'string')
        return value;
    return JSON.stringify(value) ?? String(value);
}

;// CONCATENATED MODULE: ./build/src/evaluate/executor.js
/**
 * Runs every (target, row, repeat) of an evaluation: a fixed pool of workers takes the next call
 * from a shared index (so at most `concurrency` calls are in flight), each call gets its own
 * timeout and retries (exponential backoff with jitter, retryable failures only), then every
 * row-level scorer judges the answer. Nothing a row does stops the others: a failed call is that
 * row's error, a scorer that throws is that scorer's error on that row. Only the caller's signal
 * stops the run (runRows then rejects with its reason).
 *
 * With tracing on, each call runs in a root span `eval/<target>` whose `traceparent` goes to the
 * target, so a gateway's own spans join the row's trace; the trace is linked to the target's run
 * (`mlflow.sourceRun`) and its row, and its id is returned for the scores' assessments.
 *
 * The per-row path is kept lean for the benchmark (thousands of rows per second with an instant
 * target): no span code when tracing is off, scorers awaited only when they return a promise, and
 * a scorer's signal created only when a scorer reads it.
 */







/** Trace metadata that ties a trace to its place in an evaluation. */
/** The root span of each evaluated row's call. */
const EVAL_ROW_SPAN = 'eval/row';
const EvalTraceKey = {
    ROW_INDEX: 'mlflow.eval.rowIndex',
    REPEAT: 'mlflow.eval.repeat',
    TARGET: 'mlflow.eval.target',
};
const DEFAULT_BACKOFF_BASE_MS = 500;
const DEFAULT_BACKOFF_MAX_MS = 30_000;
class ExecutorSetupError extends Error {
    name = 'ExecutorSetupError';
}
function messageOf(err) {
    if (err instanceof Error)
        return err.message || err.name;
    return String(err);
}
const executor_isThenable = (value) => typeof value?.then === 'function';
/** What a scorer sees; its signal (a timeout joined to the caller's) exists only if a scorer asks for it. */
class RowScoreContext {
    row;
    output;
    services;
    #timeoutMs;
    #caller;
    #signal;
    constructor(row, output, services, timeoutMs, caller) {
        this.row = row;
        this.output = output;
        this.services = services;
        this.#timeoutMs = timeoutMs;
        this.#caller = caller;
    }
    get signal() {
        this.#signal ??= this.#caller ? AbortSignal.any([this.#caller, AbortSignal.timeout(this.#timeoutMs)]) : AbortSignal.timeout(this.#timeoutMs);
        return this.#signal;
    }
}
function checkScore(score, scorer) {
    if (score === null || typeof score !== 'object' || (score.value !== null && typeof score.value !== 'number')) {
        throw new TypeError(`scorer '${scorer.name}' returned ${JSON.stringify(score)}, not {value: number | null, passed?, rationale?}.`);
    }
    const out = { value: score.value, source: scorer.source };
    if (score.passed !== undefined)
        out.passed = score.passed;
    if (score.rationale !== undefined)
        out.rationale = score.rationale;
    return out;
}
/** Every (target, row, repeat), results in that order. Rejects only when `signal` aborts. */
async function runRows(options) {
    const { rows, targets, scorers, services, timeoutMs, retries, signal } = options;
    const repeat = options.repeat ?? 1;
    if (!Number.isInteger(options.concurrency) || options.concurrency < 1)
        throw new ExecutorSetupError(`concurrency must be a whole number ≥ 1, got ${options.concurrency}.`);
    if (!Number.isInteger(repeat) || repeat < 1)
        throw new ExecutorSetupError(`repeat must be a whole number ≥ 1, got ${repeat}.`);
    if (!(timeoutMs > 0))
        throw new ExecutorSetupError(`timeoutMs must be positive, got ${timeoutMs}.`);
    const backoffBase = options.backoff?.baseMs ?? DEFAULT_BACKOFF_BASE_MS;
    const backoffMax = options.backoff?.maxMs ?? DEFAULT_BACKOFF_MAX_MS;
    const tracing = options.tracing?.enabled ? options.tracing : undefined;
    const perTarget = rows.length * repeat;
    const total = perTarget * targets.length;
    const results = new Array(total);
    const onProgress = options.onProgress;
    let done = 0;
    let errors = 0;
    // A row's messages are the same for every target and repeat: rendered once.
    const messagesCache = new Array(rows.length);
    const messagesFor = (rowPos) => {
        let m = messagesCache[rowPos];
        if (m === undefined) {
            if (!options.buildMessages)
                throw new ExecutorSetupError('a chat target needs the rows\' messages, but no buildMessages was given.');
            try {
                m = options.buildMessages(rows[rowPos]);
            }
            catch (err) {
                m = { error: err };
            }
            messagesCache[rowPos] = m;
        }
        if (!Array.isArray(m))
            throw m.error;
        return m;
    };
    const backoffMs = (attempt, error) => {
        if (error.retryAfterMs !== undefined)
            return Math.min(error.retryAfterMs, backoffMax);
        const ceiling = Math.min(backoffMax, backoffBase * 2 ** attempt);
        // Jitter keeps rows that failed together from retrying in lockstep.
        return ceiling * (0.5 + Math.random() * 0.5);
    };
    /** One call with its timeout and retries; throws the last TargetError, or the caller's reason. */
    const callTarget = async (target, row, messages, headers) => {
        for (let attempt = 0;; attempt++) {
            const timeout = AbortSignal.timeout(timeoutMs);
            const attemptSignal = signal ? AbortSignal.any([signal, timeout]) : timeout;
            let error;
            try {
                return await target.call(row, messages, { signal: attemptSignal, headers });
            }
            catch (err) {
                if (signal?.aborted)
                    throw signal.reason;
                if (timeout.aborted) {
                    error = new TargetError(target.name, `no answer within ${timeoutMs} ms. If the model is this slow, raise the suite's timeout.`, { retryable: true, cause: err });
                }
                else if (err instanceof TargetError) {
                    error = err;
                }
                else {
                    // A target's own bug, or a failure it did not classify: reported, not retried.
                    error = new TargetError(target.name, messageOf(err), { retryable: false, cause: err });
                }
            }
            if (!error.retryable || attempt >= retries)
                throw error;
            try {
                await (0,external_node_timers_promises_.setTimeout)(backoffMs(attempt, error), undefined, signal ? { signal } : undefined);
            }
            catch (err) {
                throw signal?.aborted ? signal.reason : err;
            }
        }
    };
    /** The call inside its root span; the span's traceparent goes to the target. */
    const tracedCall = (target, row, rep, messages, result) => 
    // A root of its own even inside a caller's span: each row's trace carries that row's assessments.
    runOutsideContext(() => 
    // One span name for every target (the target is in the trace metadata), so spans group by name.
    withSpan({ name: EVAL_ROW_SPAN, spanType: constants/* SpanType */.du.CHAIN, inputs: messages ? { inputs: row.inputs, messages } : { inputs: row.inputs } }, async (span) => {
        const runId = tracing.runIdFor(target.name);
        const metadata = { [EvalTraceKey.ROW_INDEX]: String(row.index), [EvalTraceKey.REPEAT]: String(rep), [EvalTraceKey.TARGET]: target.name };
        if (runId !== undefined)
            metadata[constants/* TraceMetadataKey */.C3.SOURCE_RUN] = runId;
        updateCurrentTrace({ metadata });
        // An unsampled trace is never exported: nothing to attach assessments to.
        if (!(span._owner instanceof TraceBuffer) || span._owner.sampled)
            result.traceId = span.traceId;
        const answer = await callTarget(target, row, messages, getTracingContextHeadersForHttpRequest(span));
        span.setOutputs(answer.text);
        return answer;
    }));
    const NO_HEADERS = {};
    const runOne = async (i) => {
        const t = (i / perTarget) | 0;
        const within = i - t * perTarget;
        const rowPos = (within / repeat) | 0;
        const rep = within - rowPos * repeat;
        const target = targets[t];
        const row = rows[rowPos];
        const result = { target: target.name, rowIndex: row.index, repeat: rep, inputs: row.inputs, scores: {} };
        if (row.expected !== undefined)
            result.expected = row.expected;
        results[i] = result;
        let failed = false;
        try {
            const messages = target.needsMessages ? messagesFor(rowPos) : undefined;
            const started = performance.now();
            const answer = tracing ? await tracedCall(target, row, rep, messages, result) : await callTarget(target, row, messages, NO_HEADERS);
            const output = { ...answer, latencyMs: performance.now() - started };
            result.output = output;
            if (scorers.length > 0) {
                const ctx = new RowScoreContext(row, output, services, timeoutMs, signal);
                for (const scorer of scorers) {
                    try {
                        let score = scorer.score(ctx);
                        if (executor_isThenable(score))
                            score = await score;
                        result.scores[scorer.name] = checkScore(score, scorer);
                    }
                    catch (err) {
                        if (signal?.aborted)
                            throw signal.reason;
                        failed = true;
                        result.scores[scorer.name] = { value: null, error: messageOf(err), source: scorer.source };
                    }
                }
            }
        }
        catch (err) {
            if (signal?.aborted)
                throw signal.reason;
            if (err instanceof ExecutorSetupError)
                throw err;
            failed = true;
            result.error = messageOf(err);
        }
        done++;
        if (failed)
            errors++;
        onProgress?.({ done, total, errors });
    };
    let next = 0;
    const worker = async () => {
        while (next < total) {
            if (signal?.aborted)
                throw signal.reason;
            await runOne(next++);
        }
    };
    signal?.throwIfAborted();
    await Promise.all(Array.from({ length: Math.min(options.concurrency, total) }, worker));
    return results;
}

;// CONCATENATED MODULE: ./build/src/evaluate/progress.js
/**
 * Progress of an evaluation: on a terminal, one bar redrawn in place; in a CI log (no TTY), a
 * plain line every so often, since a log keeps every redraw as a line. Both end with a final
 * line. Updates are throttled, so calling `update` for every row costs a clock read.
 */
const TTY_INTERVAL_MS = 100;
const LOG_INTERVAL_MS = 10_000;
const BAR_WIDTH = 24;
/** Erases what a longer previous draw left to the right of the cursor. */
const CLEAR_TO_END = '\x1b[K';
function percent(done, total) {
    return total === 0 ? 100 : Math.floor((done / total) * 100);
}
function rate(done, elapsedMs) {
    return elapsedMs > 0 ? Math.round((done * 1000) / elapsedMs) : 0;
}
function duration(ms) {
    if (ms < 10_000)
        return `${(ms / 1000).toFixed(1)}s`;
    const s = Math.round(ms / 1000);
    if (s < 60)
        return `${s}s`;
    const m = Math.floor(s / 60);
    return m < 60 ? `${m}m${String(s % 60).padStart(2, '0')}s` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
/** `evaluated 1200/10000 rows (12%), 3 errors, 850 rows/s` */
function progressLine(done, total, errors, elapsedMs) {
    return `evaluated ${done}/${total} rows (${percent(done, total)}%), ${plural(errors, 'error')}, ${rate(done, elapsedMs)} rows/s`;
}
/** `[#########---------------] 1200/10000 12% · 3 errors · 850 rows/s · ETA 10s` */
function progressBar(done, total, errors, elapsedMs) {
    const filled = total === 0 ? BAR_WIDTH : Math.min(BAR_WIDTH, Math.floor((done / total) * BAR_WIDTH));
    const r = done > 0 && elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
    const eta = r > 0 && done < total ? ` · ETA ${duration(((total - done) / r) * 1000)}` : '';
    return `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${done}/${total} ${percent(done, total)}% · ${plural(errors, 'error')} · ${rate(done, elapsedMs)} rows/s${eta}`;
}
function createProgress(options) {
    const { total, stream, isTTY } = options;
    const now = options.now ?? (() => performance.now());
    const interval = options.intervalMs ?? (isTTY ? TTY_INTERVAL_MS : LOG_INTERVAL_MS);
    const start = now();
    // A terminal shows the bar at the first row; a log's first line waits a whole interval.
    let lastDraw = isTTY ? -Infinity : start;
    let done = 0;
    let errors = 0;
    let finished = false;
    const draw = (t) => {
        lastDraw = t;
        if (isTTY)
            stream.write(`\r${progressBar(done, total, errors, t - start)}${CLEAR_TO_END}`);
        else
            stream.write(`${progressLine(done, total, errors, t - start)}\n`);
    };
    return {
        update(p) {
            if (finished)
                return;
            done = p.done;
            errors = p.errors;
            const t = now();
            // The last row is drawn by done(), with the total time.
            if (t - lastDraw >= interval && done < total)
                draw(t);
        },
        done() {
            if (finished)
                return;
            finished = true;
            const elapsed = now() - start;
            if (isTTY)
                stream.write(`\r${progressBar(done, total, errors, elapsed)}${CLEAR_TO_END}\n`);
            stream.write(`${progressLine(done, total, errors, elapsed)} in ${duration(elapsed)}\n`);
        },
    };
}

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
;// CONCATENATED MODULE: ./build/src/evaluate/types.js
/** A thrown error that belongs to one row (the row is recorded with it; the evaluation goes on). */
class ScorerError extends Error {
    constructor(message, options) {
        super(message, options);
        this.name = 'ScorerError';
    }
}

;// CONCATENATED MODULE: ./build/src/evaluate/scorers/shared.js
/**
 * What the row scorers share: how a value becomes comparable text, where a row's expected answer
 * comes from, `{{placeholder}}` templates over a row, and the option pieces several scorers take.
 */



/** A scorer's options that parse but cannot work (a regex that does not compile, a missing module). */
class ScorerConfigError extends Error {
    constructor(message, options) {
        super(message, options);
        this.name = 'ScorerConfigError';
    }
}
/**
 * A scorer module with its options' type carried into `create`. `create` is bound so it may use
 * `this` (the module's source and direction) even when a caller passes the method around.
 */
function defineScorer(module) {
    return { ...module, create: module.create.bind(module) };
}
/** A Scorer of `module`'s kind named `name`. */
function scorerOf(module, name, score) {
    return { name, source: module.source, greaterIsBetter: module.greaterIsBetter, score };
}
/** `expected: <column>`: compare with that input column instead of the row's expected answer. */
const expectedColumnOption = schemas/* string */.YjP().min(1).optional();
/** Pass/fail cut for a similarity in [min, max]: passes when the value is at least this. */
const thresholdOption = (min, max) => schemas/* number */.aig().min(min).max(max).optional();
/** Pass/fail cut for a cost-like value: passes when the value is at most this. */
const maxOption = schemas/* number */.aig().nonnegative().optional();
/**
 * A value as text: strings as they are, scalars printed, structures as JSON. Unicode is put in
 * NFC so that canonically equal text (é as one code point or as e + accent) compares equal.
 */
function asText(value) {
    let text;
    if (value === undefined || value === null)
        text = '';
    else if (typeof value === 'string')
        text = value;
    else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
        text = String(value);
    else
        text = JSON.stringify(value) ?? '';
    return text.normalize('NFC');
}
/**
 * Case folding for case-insensitive comparison. Upper then lower maps letters whose lowercase
 * alone would not meet (ß → SS → ss matches "STRASSE"; the ﬁ ligature → FI → fi).
 */
function foldCase(text) {
    return text.toUpperCase().toLowerCase();
}
/** The row's expected answer (or `column`'s value); a row without one cannot be scored. */
function expectedOf(row, column) {
    const value = column === undefined ? row.expected : row.inputs[column];
    if (value === undefined || value === null) {
        throw new ScorerError(column === undefined
            ? `row ${row.index} has no expected value: add an 'expected' column to the dataset (or map one), or set the scorer's 'expected' option to a column name.`
            : `row ${row.index} has no value in column '${column}' (the scorer's 'expected' option); columns: ${Object.keys(row.inputs).join(', ') || '(none)'}.`);
    }
    return value;
}
/** Both sides as text: the target's answer and the expected answer. */
function textPair(ctx, column) {
    return { output: asText(ctx.output.text), expected: asText(expectedOf(ctx.row, column)) };
}
function booleanScore(passed, rationale) {
    return rationale === undefined ? { value: passed ? 1 : 0, passed } : { value: passed ? 1 : 0, passed, rationale };
}
/** A similarity with a pass/fail verdict when the scorer has a threshold. */
function thresholdScore(value, threshold, rationale) {
    const score = { value };
    if (threshold !== undefined)
        score.passed = value >= threshold;
    if (rationale !== undefined)
        score.rationale = rationale;
    return score;
}
/** A cost-like value (latency, tokens, dollars) with a verdict when the scorer has a maximum. */
function boundedScore(value, max) {
    if (value === null)
        return { value: null, rationale: 'not reported for this row' };
    return max === undefined ? { value } : { value, passed: value <= max };
}
/**
 * Placeholder lookup over a row: `{{expected}}` is the expected answer, `{{input.col}}` and
 * `{{col}}` are input columns, and `{{output}}` the target's answer when `output` is given.
 */
function rowLookup(row, output) {
    return (name) => {
        if (name === 'output' && output !== undefined)
            return output;
        if (name === 'expected' && row.expected === undefined)
            return expectedOf(row, Object.hasOwn(row.inputs, 'expected') ? 'expected' : undefined);
        const value = rowVariable(row, name);
        if (value !== undefined)
            return value;
        throw new ScorerError(`row ${row.index} has no column '${name.replace(/^input\./, '')}' for the template placeholder {{${name}}}; columns: ${Object.keys(row.inputs).join(', ') || '(none)'}.`);
    };
}

;// CONCATENATED MODULE: ./build/src/evaluate/custom-scorer.js
var __rewriteRelativeImportExtension = (undefined && undefined.__rewriteRelativeImportExtension) || function (path, preserveJsx) {
    if (typeof path === "string" && /^\.\.?\//.test(path)) {
        return path.replace(/\.(tsx)$|((?:\.d)?)((?:\.[^./]+?)?)\.([cm]?)ts$/i, function (m, tsx, d, ext, cm) {
            return tsx ? preserveJsx ? ".jsx" : ".js" : d && (!ext || !cm) ? m : (d + ext + "." + cm.toLowerCase() + "js");
        });
    }
    return path;
};
/**
 * `type: custom`: a scorer from the user's own module (`module`, relative to the suite file;
 * .js, .mjs, .cjs, .ts or .mts, which Node 24 runs directly). The named export (`export`, default
 * `default`) is a function `(ctx) => Score | number | boolean` (or a promise of one), or an object
 * with such a `score` method. Numbers become `{ value }`, booleans a pass/fail with value 1/0.
 */





const EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.mts'];
const optionsSchema = schemas/* strictObject */.rej({
    module: schemas/* string */.YjP()
        .min(1)
        .refine((path) => EXTENSIONS.includes((0,external_node_path_.extname)(path).toLowerCase()), { message: `module must be a ${EXTENSIONS.join(', ')} file` }),
    export: schemas/* string */.YjP().min(1).default('default'),
    greater_is_better: schemas/* boolean */.zMY().default(true),
    source: schemas/* enum */.k5n(['CODE', 'LLM_JUDGE']).default('CODE'),
});
const ReturnedScore = schemas/* strictObject */.rej({
    value: schemas/* number */.aig().nullable(),
    passed: schemas/* boolean */.zMY().optional(),
    rationale: schemas/* string */.YjP().optional(),
});
const SHAPE = 'a function (ctx) => Score | number | boolean, or an object with a score(ctx) method';
/** What a custom scorer returned, as a Score; anything else is the row's error. */
function normalizeScore(returned, where) {
    if (typeof returned === 'boolean')
        return { value: returned ? 1 : 0, passed: returned };
    if (typeof returned === 'number') {
        if (Number.isNaN(returned))
            throw new ScorerError(`${where} returned NaN; return null as the value when there is no number for the row.`);
        return { value: returned };
    }
    const parsed = ReturnedScore.safeParse(returned);
    if (parsed.success)
        return parsed.data;
    const problem = parsed.error.issues.map((i) => `${i.path.join('.') || '(result)'}: ${i.message}`).join('; ');
    const shown = JSON.stringify(returned)?.slice(0, 200) ?? String(returned);
    throw new ScorerError(`${where} returned ${shown}, not a number, a boolean or { value: number | null, passed?: boolean, rationale?: string } (${problem}).`);
}
async function loadScoreFunction(path, exportName, scorer) {
    const what = `custom scorer '${scorer}': module ${path}`;
    let loaded;
    try {
        loaded = (await __webpack_require__(92703)(__rewriteRelativeImportExtension((0,external_node_url_.pathToFileURL)(path).href)));
    }
    catch (e) {
        throw new ScorerConfigError(`${what} does not load: ${e.message}`, { cause: e });
    }
    const exported = loaded[exportName];
    if (typeof exported === 'function')
        return exported;
    if (typeof exported === 'object' && exported !== null && typeof exported.score === 'function') {
        const holder = exported;
        return (ctx) => holder.score(ctx);
    }
    const exportsList = Object.keys(loaded).join(', ') || 'nothing';
    throw new ScorerConfigError(exported === undefined
        ? `${what} has no export '${exportName}' (it exports ${exportsList}); export ${SHAPE} under that name, or set the scorer's 'export' option.`
        : `${what}: export '${exportName}' is a ${typeof exported}; it must be ${SHAPE}.`);
}
const customScorer = defineScorer({
    type: 'custom',
    optionsSchema,
    source: 'CODE',
    greaterIsBetter: true,
    async create(name, options, { baseDir }) {
        const path = (0,external_node_path_.resolve)(baseDir, options.module);
        const fn = await loadScoreFunction(path, options.export, name);
        const where = `custom scorer '${name}' (${path})`;
        const kind = { source: options.source, greaterIsBetter: options.greater_is_better };
        return scorerOf(kind, name, async (ctx) => {
            let returned;
            try {
                returned = await fn(ctx);
            }
            catch (e) {
                if (e instanceof ScorerError)
                    throw e;
                throw new ScorerError(`${where} threw: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
            }
            return normalizeScore(returned, where);
        });
    },
});

;// CONCATENATED MODULE: ./build/src/evaluate/scorers/classification.js
/**
 * Classification metrics over the whole dataset, as scikit-learn defines them with
 * `zero_division=0`: accuracy, and precision / recall / F1 averaged `binary` (the `pos_label`
 * class only), `micro` (pooled counts) or `macro` (unweighted mean over every label seen in the
 * expected or predicted values). Labels are compared as text after trimming.
 */


/** The label a value stands for; a missing expected value leaves the pair out. */
const labelOf = (value) => asText(value).trim();
function confusion(pairs) {
    const counts = new Map();
    const of = (label) => {
        let c = counts.get(label);
        if (!c)
            counts.set(label, (c = { tp: 0, fp: 0, fn: 0 }));
        return c;
    };
    let n = 0;
    let correct = 0;
    let excluded = 0;
    for (const { predicted, expected } of pairs) {
        if (expected === undefined || expected === null) {
            excluded++;
            continue;
        }
        const truth = labelOf(expected);
        const guess = labelOf(predicted);
        n++;
        if (truth === guess) {
            correct++;
            of(truth).tp++;
        }
        else {
            of(truth).fn++;
            of(guess).fp++;
        }
    }
    return { n, correct, counts, excluded };
}
/** 0 where sklearn's zero_division=0 would be. */
const ratio = (num, den) => (den === 0 ? 0 : num / den);
/** Precision, recall and F1 of one label's (or pooled) counts. */
function prf({ tp, fp, fn }) {
    return { precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn), f1: ratio(2 * tp, 2 * tp + fp + fn) };
}
const posLabel = schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* number */.aig(), schemas/* boolean */.zMY()]).transform((v) => String(v).trim());
const averagedOptions = schemas/* strictObject */.rej({
    average: schemas/* enum */.k5n(['binary', 'micro', 'macro']).optional(),
    pos_label: posLabel.optional(),
})
    .refine((o) => o.average !== 'binary' || o.pos_label !== undefined, {
    path: ['pos_label'],
    message: "average: binary needs pos_label (the positive class, e.g. pos_label: 'yes')",
});
/** The averaging used: as asked, else binary for two labels and a pos_label, else macro. */
function averageFor(options, labels) {
    if (options.average !== undefined)
        return options.average;
    return labels === 2 && options.pos_label !== undefined ? 'binary' : 'macro';
}
/** Precision, recall and F1 under one averaging; throws when binary does not fit the labels. */
function averagedScores(pairs, options, family) {
    const { counts, excluded, n } = confusion(pairs);
    const average = averageFor(options, counts.size);
    const base = { average, excluded, n };
    if (average === 'binary') {
        const pos = options.pos_label;
        if (counts.size > 2) {
            throw new ScorerConfigError(`${family}: average 'binary' needs at most two labels, the data has ${counts.size} (${[...counts.keys()].slice(0, 10).join(', ')}); use average: macro or micro.`);
        }
        if (!counts.has(pos) && counts.size === 2) {
            throw new ScorerConfigError(`${family}: pos_label '${pos}' is not one of the labels (${[...counts.keys()].join(', ')}).`);
        }
        return { ...base, ...prf(counts.get(pos) ?? { tp: 0, fp: 0, fn: 0 }) };
    }
    if (average === 'micro') {
        const pooled = { tp: 0, fp: 0, fn: 0 };
        for (const c of counts.values()) {
            pooled.tp += c.tp;
            pooled.fp += c.fp;
            pooled.fn += c.fn;
        }
        return { ...base, ...prf(pooled) };
    }
    const per = [...counts.values()].map(prf);
    const meanOf = (key) => ratio(per.reduce((t, s) => t + s[key], 0), per.length);
    return { ...base, precision: meanOf('precision'), recall: meanOf('recall'), f1: meanOf('f1') };
}
/** Direction of a family's metrics: scores up, the count of pairs left out down. */
const excludedIsWorse = (metric) => !metric.endsWith('/excluded');
const accuracy = {
    type: 'accuracy',
    optionsSchema: schemas/* strictObject */.rej({}),
    compute(pairs) {
        const { n, correct, excluded } = confusion(pairs);
        const out = { 'accuracy/excluded': excluded };
        if (n > 0)
            out.accuracy = correct / n;
        return out;
    },
    greaterIsBetter: excludedIsWorse,
};
function averagedMetric(type) {
    return {
        type,
        optionsSchema: averagedOptions,
        compute(pairs, options) {
            const scores = averagedScores(pairs, averagedOptions.parse(options ?? {}), type);
            const excluded = { [`${type}/excluded`]: scores.excluded };
            return scores.n === 0 ? excluded : { [`${type}/${scores.average}`]: scores[type], ...excluded };
        },
        greaterIsBetter: excludedIsWorse,
    };
}
const precision = averagedMetric('precision');
const recall = averagedMetric('recall');
const f1 = averagedMetric('f1');

;// CONCATENATED MODULE: ./build/src/evaluate/scorers/contains.js
/**
 * `contains` / `icontains`: the answer contains a value: a literal, a `{{column}}` template over the
 * row, or (by default) the expected answer. `icontains` ignores case.
 */




function containsModule(type, ignoreCase) {
    return defineScorer({
        type,
        optionsSchema: schemas/* strictObject */.rej({
            /** What to look for; may hold `{{column}}` placeholders. Default: the expected answer. */
            value: schemas/* string */.YjP().min(1).optional(),
        }),
        source: 'CODE',
        greaterIsBetter: true,
        create(name, options) {
            const template = options.value === undefined ? undefined : compileTemplate(options.value);
            const needleOf = (row) => asText(template ? template.render(rowLookup(row)) : expectedOf(row));
            const fold = ignoreCase ? foldCase : (text) => text;
            return scorerOf(this, name, (ctx) => {
                const needle = needleOf(ctx.row);
                // Every text contains the empty string; a pass on that would hide a blank dataset cell.
                if (needle === '')
                    throw new ScorerError(`row ${ctx.row.index}: the value to look for is empty; fill the dataset cell or set the scorer's 'value' option.`);
                const found = fold(asText(ctx.output.text)).includes(fold(needle));
                return found ? booleanScore(true) : booleanScore(false, `${JSON.stringify(needle.slice(0, 200))} not found in the output`);
            });
        },
    });
}
const contains = containsModule('contains', false);
const icontains = containsModule('icontains', true);

;// CONCATENATED MODULE: ./build/src/evaluate/scorers/cost.js
/** `cost`: the target call's cost in USD from the gateway's pricing; null when the price is unknown. */


const cost = defineScorer({
    type: 'cost',
    optionsSchema: schemas/* strictObject */.rej({ max: maxOption }),
    source: 'CODE',
    greaterIsBetter: false,
    create(name, options) {
        return scorerOf(this, name, (ctx) => {
            const usd = ctx.output.costUsd;
            return boundedScore(typeof usd === 'number' && Number.isFinite(usd) ? usd : null, options.max);
        });
    },
});

;// CONCATENATED MODULE: ./build/src/evaluate/scorers/embedding-similarity.js
/**
 * `embedding_similarity`: cosine similarity between the embeddings of the answer and the expected
 * answer, through a gateway embeddings endpoint (one call per row, both texts in it).
 */



/** Cosine of two vectors; undefined when it has no meaning (lengths differ, a zero or non-finite vector). */
function cosineSimilarity(a, b) {
    if (a.length === 0 || a.length !== b.length)
        return undefined;
    let dot = 0;
    let na = 0;
    let nb = 0;
    for (let i = 0; i < a.length; i++) {
        const x = a[i];
        const y = b[i];
        dot += x * y;
        na += x * x;
        nb += y * y;
    }
    const cos = dot / Math.sqrt(na * nb);
    // Rounding can take identical directions a hair past ±1.
    return Number.isFinite(cos) ? Math.min(1, Math.max(-1, cos)) : undefined;
}
const embeddingSimilarity = defineScorer({
    type: 'embedding_similarity',
    optionsSchema: schemas/* strictObject */.rej({
        endpoint: schemas/* string */.YjP().min(1),
        expected: expectedColumnOption,
        threshold: thresholdOption(-1, 1),
    }),
    source: 'CODE',
    greaterIsBetter: true,
    create(name, options) {
        return scorerOf(this, name, async (ctx) => {
            const { output, expected } = textPair(ctx, options.expected);
            // An empty text has no meaning to embed (and many providers reject it): decide without a call.
            if (output.trim() === '' || expected.trim() === '') {
                const same = output.trim() === expected.trim();
                return thresholdScore(same ? 1 : 0, options.threshold, same ? 'both texts are empty' : 'one of the texts is empty');
            }
            const vectors = await ctx.services.embed(options.endpoint, [output, expected], { signal: ctx.signal });
            const [a, b] = vectors;
            const cos = vectors.length === 2 && a && b ? cosineSimilarity(a, b) : undefined;
            if (cos === undefined) {
                const shape = vectors.map((v) => (Array.isArray(v) ? v.length : typeof v)).join(', ');
                throw new ScorerError(`embeddings endpoint '${options.endpoint}' answered ${vectors.length} vector(s) of length [${shape}]; expected two non-zero vectors of the same length.`);
            }
            return thresholdScore(cos, options.threshold);
        });
    },
});

;// CONCATENATED MODULE: ./build/src/evaluate/scorers/equals-number.js
/**
 * `equals_number`: the answer is the expected number within a tolerance, as Python's
 * `math.isclose`: |a − b| ≤ max(relative_tolerance · max(|a|, |b|), tolerance). An answer that is
 * not a number is read as the first number in its text; NaN equals nothing, not even NaN.
 */



// Digits with optional thousands groups (1,234,567) or none, an optional fraction, an exponent.
const NUMBER_IN_TEXT = /[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][-+]?\d+)?/g;
/** The first number written in `text` (U+2212 minus counts as a sign), or undefined. */
function firstNumber(text) {
    const normalized = text.replaceAll('\u2212', '-');
    for (const m of normalized.matchAll(NUMBER_IN_TEXT)) {
        // The pattern can match a bare sign or exponent; only a match with a digit is a number.
        if (!/\d/.test(m[0]) || /^[-+]?[eE]/.test(m[0]))
            continue;
        return Number(m[0].replaceAll(',', ''));
    }
    return undefined;
}
/** A value as a number: numbers as they are, numeric strings parsed, else the first number in its text. */
function numberIn(value) {
    if (typeof value === 'number')
        return value;
    if (typeof value === 'bigint')
        return Number(value);
    const text = asText(value).trim();
    if (text === '')
        return undefined;
    // Number() reads a whole-text number exactly (incl. "NaN", "Infinity", "1e-9"); else search.
    const whole = Number(text.replaceAll('\u2212', '-'));
    return Number.isNaN(whole) && text !== 'NaN' ? firstNumber(text) : whole;
}
const equalsNumber = defineScorer({
    type: 'equals_number',
    optionsSchema: schemas/* strictObject */.rej({
        expected: expectedColumnOption,
        tolerance: schemas/* number */.aig().nonnegative().default(0),
        // Python's math.isclose default: absorbs binary rounding (0.1 + 0.2 vs 0.3), nothing more.
        relative_tolerance: schemas/* number */.aig().nonnegative().default(1e-9),
    }),
    source: 'CODE',
    greaterIsBetter: true,
    create(name, options) {
        return scorerOf(this, name, (ctx) => {
            const rawExpected = expectedOf(ctx.row, options.expected);
            const expected = numberIn(rawExpected);
            if (expected === undefined) {
                throw new ScorerError(`row ${ctx.row.index}: the expected value ${JSON.stringify(asText(rawExpected).slice(0, 100))} is not a number.`);
            }
            const fromValue = typeof ctx.output.value === 'number' ? ctx.output.value : undefined;
            const actual = fromValue ?? numberIn(ctx.output.text);
            if (actual === undefined)
                return booleanScore(false, `no number in the output (expected ${expected})`);
            const diff = Math.abs(actual - expected);
            const allowed = Math.max(options.relative_tolerance * Math.max(Math.abs(actual), Math.abs(expected)), options.tolerance);
            // `actual === expected` covers ±Infinity, whose difference is NaN; NaN fails both tests.
            if (actual === expected || diff <= allowed)
                return booleanScore(true);
            return booleanScore(false, `got ${actual}, expected ${expected} (difference ${diff} > allowed ${allowed})`);
        });
    },
});

;// CONCATENATED MODULE: ./build/src/evaluate/scorers/exact-match.js
/** `exact_match`: the answer's text equals the expected answer (trimmed, optionally ignoring case). */


const exactMatch = defineScorer({
    type: 'exact_match',
    optionsSchema: schemas/* strictObject */.rej({
        expected: expectedColumnOption,
        trim: schemas/* boolean */.zMY().default(true),
        case_sensitive: schemas/* boolean */.zMY().default(true),
    }),
    source: 'CODE',
    greaterIsBetter: true,
    create(name, options) {
        const normalize = (text) => {
            const trimmed = options.trim ? text.trim() : text;
            return options.case_sensitive ? trimmed : foldCase(trimmed);
        };
        return scorerOf(this, name, (ctx) => {
            const { output, expected } = textPair(ctx, options.expected);
            return normalize(output) === normalize(expected) ? booleanScore(true) : booleanScore(false, `expected ${JSON.stringify(expected.slice(0, 200))}`);
        });
    },
});

// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var dist_ajv = __webpack_require__(42463);
;// CONCATENATED MODULE: ./build/src/evaluate/scorers/json-valid.js
/** `json_valid`: the answer's text is one JSON document. */


/** The parsed document, or why the text is not JSON. */
function parseJson(text) {
    try {
        return { ok: true, value: JSON.parse(text) };
    }
    catch (e) {
        return { ok: false, error: text.trim() === '' ? 'the output is empty' : `not JSON: ${e.message}` };
    }
}
const jsonValid = defineScorer({
    type: 'json_valid',
    optionsSchema: schemas/* strictObject */.rej({}),
    source: 'CODE',
    greaterIsBetter: true,
    create(name) {
        return scorerOf(this, name, (ctx) => {
            const parsed = parseJson(ctx.output.text);
            return parsed.ok ? booleanScore(true) : booleanScore(false, parsed.error);
        });
    },
});

;// CONCATENATED MODULE: ./build/src/evaluate/scorers/json-schema.js
/**
 * `json_schema`: the answer is JSON that validates against a JSON Schema (inline `schema`, or
 * `schema_file` relative to the suite's directory, JSON or YAML). The rationale lists every
 * violation with the JSON pointer of the part that failed.
 */







const json_schema_optionsSchema = schemas/* strictObject */.rej({
    schema: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()).optional(),
    schema_file: schemas/* string */.YjP().min(1).optional(),
})
    .refine((o) => (o.schema === undefined) !== (o.schema_file === undefined), {
    message: "give exactly one of 'schema' (the JSON Schema inline) or 'schema_file' (a path relative to the suite file)",
});
function readSchemaFile(path, scorer) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch (e) {
        throw new ScorerConfigError(`json_schema scorer '${scorer}': cannot read schema_file ${path}: ${e.message}`, { cause: e });
    }
    try {
        return /\.ya?ml$/i.test(path) ? (0,dist/* parse */.qg)(text) : JSON.parse(text);
    }
    catch (e) {
        throw new ScorerConfigError(`json_schema scorer '${scorer}': schema_file ${path} does not parse: ${e.message}`, { cause: e });
    }
}
function compile(schema, where, scorer) {
    if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
        throw new ScorerConfigError(`json_schema scorer '${scorer}': the schema in ${where} must be a JSON object.`);
    }
    // allErrors: the rationale should list every violation, not only the first. Unknown keywords
    // and formats stay errors (Ajv's strict mode): a check the user wrote must not be skipped quietly.
    const ajv = new dist_ajv.Ajv({ allErrors: true, strictTypes: false, strictTuples: false, logger: false });
    try {
        return ajv.compile(schema);
    }
    catch (e) {
        throw new ScorerConfigError(`json_schema scorer '${scorer}': the schema in ${where} is not a valid JSON Schema: ${e.message}`, { cause: e });
    }
}
function json_schema_describe(errors) {
    return errors.map((e) => `${e.instancePath || '(root)'} ${e.message ?? e.keyword}`).join('; ');
}
const jsonSchema = defineScorer({
    type: 'json_schema',
    optionsSchema: json_schema_optionsSchema,
    source: 'CODE',
    greaterIsBetter: true,
    create(name, options, { baseDir }) {
        const file = options.schema_file === undefined ? undefined : (0,external_node_path_.resolve)(baseDir, options.schema_file);
        const validate = file === undefined ? compile(options.schema, "'schema'", name) : compile(readSchemaFile(file, name), file, name);
        return scorerOf(this, name, (ctx) => {
            const parsed = parseJson(ctx.output.text);
            if (!parsed.ok)
                return booleanScore(false, parsed.error);
            return validate(parsed.value) ? booleanScore(true) : booleanScore(false, json_schema_describe(validate.errors ?? []));
        });
    },
});

;// CONCATENATED MODULE: ./build/src/evaluate/scorers/latency-ms.js
/** `latency_ms`: the target call's wall time; with `max`, rows slower than that fail. */


const latencyMs = defineScorer({
    type: 'latency_ms',
    optionsSchema: schemas/* strictObject */.rej({ max: maxOption }),
    source: 'CODE',
    greaterIsBetter: false,
    create(name, options) {
        return scorerOf(this, name, (ctx) => boundedScore(Number.isFinite(ctx.output.latencyMs) ? ctx.output.latencyMs : null, options.max));
    },
});

// EXTERNAL MODULE: ./node_modules/fastest-levenshtein/mod.js
var mod = __webpack_require__(21916);
;// CONCATENATED MODULE: ./build/src/evaluate/scorers/levenshtein.js
/**
 * `levenshtein`: similarity 1 − distance / max(length) between the answer and the expected answer
 * (1 = identical, 0 = nothing in common), counted in Unicode code points.
 */



const SURROGATE = /[\uD800-\uDFFF]/;
/**
 * fastest-levenshtein counts UTF-16 code units, so one emoji would cost two edits. Text with
 * astral characters is rewritten one code point → one BMP character (same map for both sides)
 * first; anything else goes through as it is.
 */
function codePointsAsUnits(a, b) {
    if (!SURROGATE.test(a) && !SURROGATE.test(b))
        return [a, b, a.length, b.length];
    const units = new Map();
    const rewrite = (text) => {
        let out = '';
        for (const ch of text) {
            let unit = units.get(ch);
            if (unit === undefined) {
                unit = String.fromCharCode(units.size);
                units.set(ch, unit);
            }
            out += unit;
        }
        return out;
    };
    const ra = rewrite(a);
    const rb = rewrite(b);
    return [ra, rb, ra.length, rb.length];
}
/** Normalized Levenshtein similarity in [0, 1]; two empty texts are identical (1). */
function levenshteinSimilarity(a, b) {
    const [ua, ub, la, lb] = codePointsAsUnits(a, b);
    const longest = Math.max(la, lb);
    return longest === 0 ? 1 : 1 - (0,mod/* distance */.Io)(ua, ub) / longest;
}
const levenshtein = defineScorer({
    type: 'levenshtein',
    optionsSchema: schemas/* strictObject */.rej({
        expected: expectedColumnOption,
        threshold: thresholdOption(0, 1),
    }),
    source: 'CODE',
    greaterIsBetter: true,
    create(name, options) {
        return scorerOf(this, name, (ctx) => {
            const { output, expected } = textPair(ctx, options.expected);
            return thresholdScore(levenshteinSimilarity(output, expected), options.threshold);
        });
    },
});

;// CONCATENATED MODULE: ./build/src/evaluate/scorers/llm-judge.js
/**
 * `llm_judge`: a rubric prompt through a gateway chat endpoint; the judge answers
 * `{"score": <number>, "rationale": "<text>"}` and nothing else. An answer that is not exactly that
 * (a JSON fence around it is tolerated), or a score outside the scale, is the row's error: a score
 * is never guessed out of prose.
 */




const llm_judge_optionsSchema = schemas/* strictObject */.rej({
    endpoint: schemas/* string */.YjP().min(1),
    /** Placeholders: {{output}}, {{expected}}, {{input.<column>}} or {{<column>}}. */
    rubric: schemas/* string */.YjP().min(1),
    scale: schemas/* tuple */.PVZ([schemas/* number */.aig(), schemas/* number */.aig()])
        .refine(([min, max]) => min < max, { message: 'scale is [min, max] with min < max' })
        .default([1, 5]),
    pass_at: schemas/* number */.aig().optional(),
    temperature: schemas/* number */.aig().min(0).max(2).default(0),
})
    .superRefine((o, ctx) => {
    const [min, max] = o.scale;
    if (o.pass_at !== undefined && (o.pass_at < min || o.pass_at > max)) {
        ctx.addIssue({ code: 'custom', path: ['pass_at'], message: `pass_at must be within the scale [${min}, ${max}]` });
    }
});
const JudgeAnswer = schemas/* strictObject */.rej({ score: schemas/* number */.aig(), rationale: schemas/* string */.YjP() });
/** A whole answer in one ``` or ```json fence; the fence's content is what gets parsed. */
const FENCE = /^```(?:json)?\s*([\s\S]*?)\s*```$/i;
/** The judge's verdict parsed strictly, or ScorerError quoting what the judge said. */
function parseJudgeAnswer(answer, scale) {
    const trimmed = answer.trim();
    const body = FENCE.exec(trimmed)?.[1] ?? trimmed;
    const said = () => JSON.stringify(answer.slice(0, 200));
    let json;
    try {
        json = JSON.parse(body);
    }
    catch {
        throw new ScorerError(`the judge did not answer with the JSON {"score": <number>, "rationale": "<text>"}; it said ${said()}`);
    }
    const parsed = JudgeAnswer.safeParse(json);
    if (!parsed.success) {
        const problem = parsed.error.issues.map((i) => `${i.path.join('.') || '(answer)'}: ${i.message}`).join('; ');
        throw new ScorerError(`the judge's JSON is not {"score": <number>, "rationale": "<text>"} (${problem}); it said ${said()}`);
    }
    const [min, max] = scale;
    if (parsed.data.score < min || parsed.data.score > max) {
        throw new ScorerError(`the judge's score ${parsed.data.score} is outside the scale [${min}, ${max}]; it said ${said()}`);
    }
    return parsed.data;
}
function instructions([min, max]) {
    return (`You are an evaluation judge. Grade the response described below on a scale from ${min} (worst) to ${max} (best). ` +
        `Answer with only a JSON object, no other text: {"score": <a number from ${min} to ${max}>, "rationale": "<one or two sentences>"}`);
}
const llmJudge = defineScorer({
    type: 'llm_judge',
    optionsSchema: llm_judge_optionsSchema,
    source: 'LLM_JUDGE',
    greaterIsBetter: true,
    create(name, options) {
        const rubric = compileTemplate(options.rubric);
        if (!rubric.variables.includes('output')) {
            throw new ScorerConfigError(`llm_judge scorer '${name}': the rubric has no {{output}} placeholder, so the judge would never see the answer it grades.`);
        }
        const scale = options.scale;
        const passAt = options.pass_at ?? scale[1];
        const system = { role: 'system', content: instructions(scale) };
        return scorerOf(this, name, async (ctx) => {
            const prompt = rubric.render(rowLookup(ctx.row, ctx.output.text));
            const answer = await ctx.services.chat(options.endpoint, [system, { role: 'user', content: prompt }], {
                temperature: options.temperature,
                signal: ctx.signal,
            });
            const { score, rationale } = parseJudgeAnswer(answer.text, scale);
            return { value: score, passed: score >= passAt, rationale };
        });
    },
});

;// CONCATENATED MODULE: ./build/src/evaluate/scorers/regex.js
/** `regex`: the answer matches a JavaScript regular expression somewhere. */


function compileError(pattern, flags) {
    try {
        new RegExp(pattern, flags);
        return undefined;
    }
    catch (e) {
        return e.message;
    }
}
const regex_optionsSchema = schemas/* strictObject */.rej({
    pattern: schemas/* string */.YjP().min(1),
    flags: schemas/* string */.YjP()
        // g and y make RegExp.test remember where the last match ended: rows would depend on each other.
        .regex(/^[dimsuv]*$/, "flags may be d, i, m, s, u or v (g and y would carry state from one row to the next)")
        .default(''),
})
    .superRefine((o, ctx) => {
    const error = compileError(o.pattern, o.flags);
    if (error !== undefined)
        ctx.addIssue({ code: 'custom', path: ['pattern'], message: `not a valid regular expression: ${error}` });
});
const regex = defineScorer({
    type: 'regex',
    optionsSchema: regex_optionsSchema,
    source: 'CODE',
    greaterIsBetter: true,
    create(name, options) {
        const re = new RegExp(options.pattern, options.flags);
        return scorerOf(this, name, (ctx) => (re.test(ctx.output.text) ? booleanScore(true) : booleanScore(false, `no match for ${String(re)}`)));
    },
});

;// CONCATENATED MODULE: ./build/src/evaluate/scorers/regression.js
/**
 * Regression metrics over the whole dataset, as scikit-learn defines them: RMSE, MAE and R²
 * (R² with force_finite: constant expected values give 1 for a perfect fit, else 0). A pair whose
 * prediction or expected value is not a number is left out and counted as `<metric>/excluded`.
 */

/** A finite number, or a string that is exactly one; anything else is not a prediction to score. */
function strictNumber(value) {
    if (typeof value === 'number')
        return Number.isFinite(value) ? value : undefined;
    if (typeof value !== 'string' || value.trim() === '')
        return undefined;
    const n = Number(value.trim());
    return Number.isFinite(n) ? n : undefined;
}
function numericPairs(pairs) {
    const y = [];
    const yHat = [];
    for (const pair of pairs) {
        const truth = strictNumber(pair.expected);
        const guess = strictNumber(pair.predicted);
        if (truth === undefined || guess === undefined)
            continue;
        y.push(truth);
        yHat.push(guess);
    }
    return { y, yHat, excluded: pairs.length - y.length };
}
const sumOf = (n, term) => {
    let total = 0;
    for (let i = 0; i < n; i++)
        total += term(i);
    return total;
};
const rmseOf = (y, yHat) => (y.length === 0 ? undefined : Math.sqrt(sumOf(y.length, (i) => (y[i] - yHat[i]) ** 2) / y.length));
const maeOf = (y, yHat) => (y.length === 0 ? undefined : sumOf(y.length, (i) => Math.abs(y[i] - yHat[i])) / y.length);
const r2Of = (y, yHat) => {
    // sklearn: not defined for fewer than two samples.
    if (y.length < 2)
        return undefined;
    const mean = sumOf(y.length, (i) => y[i]) / y.length;
    const residual = sumOf(y.length, (i) => (y[i] - yHat[i]) ** 2);
    const total = sumOf(y.length, (i) => (y[i] - mean) ** 2);
    if (total === 0)
        return residual === 0 ? 1 : 0;
    return 1 - residual / total;
};
function regressionMetric(type, statistic, greaterIsBetter) {
    return {
        type,
        optionsSchema: schemas/* strictObject */.rej({}),
        compute(pairs) {
            const { y, yHat, excluded } = numericPairs(pairs);
            const value = statistic(y, yHat);
            const out = { [`${type}/excluded`]: excluded };
            if (value !== undefined)
                out[type] = value;
            return out;
        },
        greaterIsBetter: (metric) => (metric === type ? greaterIsBetter : false),
    };
}
const rmse = regressionMetric('rmse', rmseOf, false);
const mae = regressionMetric('mae', maeOf, false);
const r2 = regressionMetric('r2', r2Of, true);

;// CONCATENATED MODULE: ./build/src/evaluate/scorers/rouge-l.js
/**
 * `rouge_l`: ROUGE-L F-measure between the answer and the expected answer: the longest common
 * subsequence of tokens, as precision over the answer's tokens and recall over the expected's
 * (F1, as Google's rouge-score reports `fmeasure`).
 */


/**
 * Lowercased runs of letters, marks and digits in any script; scripts written without spaces
 * (Han, kana, Thai, Lao, Khmer, Myanmar) count one character per token. A fixed rule rather
 * than Intl.Segmenter's dictionary, whose word breaks change between ICU versions.
 */
const TOKEN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]|[\p{L}\p{M}\p{N}]+/gu;
function rougeTokens(text) {
    return text.toLowerCase().match(TOKEN) ?? [];
}
/** Length of the longest common subsequence, in O(min(n, m)) memory. */
function lcsLength(a, b) {
    const [long, short] = a.length >= b.length ? [a, b] : [b, a];
    const row = new Uint32Array(short.length + 1);
    for (const token of long) {
        let diagonal = 0; // row[j - 1] of the previous row
        for (let j = 1; j <= short.length; j++) {
            const above = row[j];
            row[j] = token === short[j - 1] ? diagonal + 1 : Math.max(above, row[j - 1]);
            diagonal = above;
        }
    }
    return row[short.length];
}
/** ROUGE-L F1 of `candidate` against `reference`; 0 when either has no tokens (as rouge-score). */
function rougeLScores(candidate, reference) {
    const c = rougeTokens(candidate);
    const r = rougeTokens(reference);
    if (c.length === 0 || r.length === 0)
        return { precision: 0, recall: 0, f1: 0 };
    const lcs = lcsLength(c, r);
    const precision = lcs / c.length;
    const recall = lcs / r.length;
    return { precision, recall, f1: lcs === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}
const rougeL = defineScorer({
    type: 'rouge_l',
    optionsSchema: schemas/* strictObject */.rej({
        expected: expectedColumnOption,
        threshold: thresholdOption(0, 1),
    }),
    source: 'CODE',
    greaterIsBetter: true,
    create(name, options) {
        return scorerOf(this, name, (ctx) => {
            const { output, expected } = textPair(ctx, options.expected);
            const { precision, recall, f1 } = rougeLScores(output, expected);
            return thresholdScore(f1, options.threshold, `precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`);
        });
    },
});

;// CONCATENATED MODULE: ./build/src/evaluate/scorers/tokens.js
/** `tokens`: the tokens the target call used (total, input or output); null when it reported none. */


const FIELD = { input: 'input_tokens', output: 'output_tokens', total: 'total_tokens' };
const tokens = defineScorer({
    type: 'tokens',
    optionsSchema: schemas/* strictObject */.rej({
        kind: schemas/* enum */.k5n(['input', 'output', 'total']).default('total'),
        max: maxOption,
    }),
    source: 'CODE',
    greaterIsBetter: false,
    create(name, options) {
        const field = FIELD[options.kind];
        return scorerOf(this, name, (ctx) => {
            const count = ctx.output.usage?.[field];
            return boundedScore(typeof count === 'number' && Number.isFinite(count) ? count : null, options.max);
        });
    },
});

;// CONCATENATED MODULE: ./build/src/evaluate/scorers/index.js
/**
 * The scorer registry: YAML `type` → the row scorer module or aggregate metric that implements it.
 * A new scorer kind is one file plus one entry here.
 */
















const ROW_MODULES = [
    exactMatch,
    contains,
    icontains,
    regex,
    jsonValid,
    jsonSchema,
    equalsNumber,
    levenshtein,
    rougeL,
    embeddingSimilarity,
    llmJudge,
    latencyMs,
    tokens,
    cost,
    customScorer,
];
const AGGREGATES = [accuracy, precision, recall, f1, rmse, mae, r2];
const REGISTRY = new Map([
    ...ROW_MODULES.map((module) => [module.type, { kind: 'row', module }]),
    ...AGGREGATES.map((metric) => [metric.type, { kind: 'aggregate', metric }]),
]);
/** Every scorer type name, for "did you mean" messages. */
const SCORER_TYPES = Object.freeze([...REGISTRY.keys()]);
function findScorerType(type) {
    return REGISTRY.get(type);
}


// EXTERNAL MODULE: ./build/src/client/deployments.js + 2 modules
var deployments = __webpack_require__(11397);
// EXTERNAL MODULE: ./build/src/client/errors.js
var errors = __webpack_require__(20486);
;// CONCATENATED MODULE: ./build/src/evaluate/targets/unified.js
/**
 * MLflow's unified chat, completions and embeddings answers (the OpenAI shapes, which the gateway
 * and every OpenAI-compatible server speak): the text, the usage and the gateway's price header,
 * read the same way by the gateway and OpenAI targets and by the scorers' services.
 */

/** Lower case, as undici's response headers are keyed (the gateway sends `X-MLflow-Gateway-Cost-USD`). */
const COST_HEADER = 'x-mlflow-gateway-cost-usd';
const unified_count = schemas/* number */.aig().nullish();
const usageSchema = schemas/* looseObject */._H3({ prompt_tokens: unified_count, completion_tokens: unified_count, total_tokens: unified_count }).nullish();
const chatResponseSchema = schemas/* looseObject */._H3({
    choices: schemas/* array */.YOg(schemas/* looseObject */._H3({ message: schemas/* looseObject */._H3({ content: schemas/* string */.YjP().nullish() }) })).min(1),
    usage: usageSchema,
});
const completionsResponseSchema = schemas/* looseObject */._H3({
    choices: schemas/* array */.YOg(schemas/* looseObject */._H3({ text: schemas/* string */.YjP().nullish() })).min(1),
    usage: usageSchema,
});
const embeddingsResponseSchema = schemas/* looseObject */._H3({
    data: schemas/* array */.YOg(schemas/* looseObject */._H3({ embedding: schemas/* array */.YOg(schemas/* number */.aig()), index: schemas/* number */.aig().optional() })),
    usage: usageSchema,
});
/** `usage` as TokenCounts; undefined when the answer reports none. */
function tokenCounts(usage) {
    if (!usage)
        return undefined;
    const input = usage.prompt_tokens ?? undefined;
    const output = usage.completion_tokens ?? undefined;
    if (input === undefined && output === undefined && (usage.total_tokens ?? undefined) === undefined)
        return undefined;
    const i = input ?? 0;
    const o = output ?? 0;
    return { input_tokens: i, output_tokens: o, total_tokens: usage.total_tokens ?? i + o };
}
/** The gateway's price of the call (USD), when it sent one. */
function costFromHeaders(headers) {
    const raw = headers[COST_HEADER];
    const v = Array.isArray(raw) ? raw[0] : raw;
    if (v === undefined || v.trim() === '')
        return undefined;
    const n = Number(v);
    return Number.isFinite(n) && n >= 0 ? n : undefined;
}
/** What a wire answer lacks, for a message: the first issue's path and message. */
function shapeProblem(error) {
    const issue = error.issues[0];
    if (!issue)
        return 'unexpected shape';
    return `${issue.path.join('.') || '(answer)'}: ${issue.message}`;
}
/** The embeddings in input order (`index` when the server gives it). */
function embeddingVectors(answer) {
    const data = answer.data.every((d) => d.index !== undefined) ? [...answer.data].sort((a, b) => a.index - b.index) : answer.data;
    return data.map((d) => d.embedding);
}

;// CONCATENATED MODULE: ./build/src/evaluate/targets/gateway.js
/**
 * A gateway endpoint as a target, through the deployments client (`POST /endpoints/<name>/invocations`),
 * so the gateway's caching, record/replay, limits, pricing and tracing apply to every row. The
 * endpoint's type (asked once) decides the body: chat gets the messages, completions and
 * embeddings get the messages' text as `prompt` / `input`.
 */




/** A deployments client for the evaluator; the token comes from `MLFLOW_GATEWAY_AUTH_TOKEN` in `env`. */
function gatewayClient(gatewayUri, options) {
    return new deployments/* DeploymentsClient */.oF(gatewayUri, {
        maxRetries: options.maxRetries,
        ...(options.connections !== undefined ? { connections: options.connections } : {}),
        ...(options.env ? { env: options.env } : {}),
        ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs, requestTimeoutMs: options.timeoutMs } : {}),
    });
}
/** What a failed gateway call tells: status, whether a retry may help, and the gateway's (already redacted) words. */
function gatewayFailure(err) {
    if (err instanceof errors/* MlflowApiError */.ge)
        return { message: err.message, status: err.status, retryable: retryableStatus(err.status) };
    if (err instanceof deployments/* DeploymentsConnectionError */.dN)
        return { message: err.message, retryable: retryableNetworkError(err.cause) };
    return undefined;
}
function kindOf(endpointType) {
    if (endpointType === 'llm/v1/chat')
        return 'chat';
    if (endpointType === 'llm/v1/completions')
        return 'completions';
    if (endpointType === 'llm/v1/embeddings')
        return 'embeddings';
    return undefined;
}
/** The messages as one prompt, for endpoints that take text (a suite's `prompt` is one message). */
function promptText(messages) {
    return messages.map((m) => m.content).join('\n\n');
}
class GatewayEndpointTarget {
    name;
    needsMessages = true;
    #spec;
    #client;
    #kind;
    constructor(spec, client) {
        this.name = spec.name;
        this.#spec = spec;
        this.#client = client;
    }
    async call(_row, messages, options) {
        const kind = await this.#endpointKind();
        const params = this.#spec.params;
        const inputs = kind === 'chat'
            ? { ...params, messages: messages ?? [] }
            : kind === 'completions'
                ? { ...params, prompt: promptText(messages ?? []) }
                : { ...params, input: promptText(messages ?? []) };
        let body;
        let headers;
        try {
            ({ body, headers } = await this.#client.predictWithHeaders({ endpoint: this.#spec.endpoint, inputs }, { headers: options.headers, signal: options.signal }));
        }
        catch (err) {
            throw this.#error(err);
        }
        const answer = this.#read(kind, body);
        const costUsd = costFromHeaders(headers);
        return costUsd === undefined ? answer : { ...answer, costUsd };
    }
    async close() {
        await this.#client.close();
    }
    #read(kind, body) {
        const bad = (problem) => new TargetError(this.name, `gateway endpoint '${this.#spec.endpoint}' answered with an unexpected ${kind} shape (${problem}).`, { retryable: false });
        if (kind === 'embeddings') {
            const parsed = embeddingsResponseSchema.safeParse(body);
            if (!parsed.success)
                throw bad(shapeProblem(parsed.error));
            const vector = embeddingVectors(parsed.data)[0] ?? [];
            const usage = tokenCounts(parsed.data.usage);
            return { text: textOf(vector), value: vector, ...(usage ? { usage } : {}) };
        }
        const parsed = kind === 'chat' ? chatResponseSchema.safeParse(body) : completionsResponseSchema.safeParse(body);
        if (!parsed.success)
            throw bad(shapeProblem(parsed.error));
        const choice = parsed.data.choices[0];
        const text = ('message' in choice ? choice.message.content : choice.text) ?? '';
        const usage = tokenCounts(parsed.data.usage);
        return { text, value: text, ...(usage ? { usage } : {}) };
    }
    /** The endpoint's type, asked once; a failed lookup is asked again by the next row. */
    #endpointKind() {
        this.#kind ??= this.#client.getEndpoint(this.#spec.endpoint).then((endpoint) => {
            const kind = kindOf(endpoint.endpoint_type);
            if (!kind) {
                throw new TargetError(this.name, `gateway endpoint '${this.#spec.endpoint}' has type '${endpoint.endpoint_type}', which the evaluator cannot call. Use a chat, completions or embeddings endpoint.`, {
                    retryable: false,
                });
            }
            return kind;
        }, (err) => {
            this.#kind = undefined;
            if (err instanceof errors/* MlflowApiError */.ge && err.status === 404) {
                throw new TargetError(this.name, `the gateway at ${this.#client.target} has no endpoint '${this.#spec.endpoint}'. Check the name against the gateway's config file.`, {
                    status: 404,
                    retryable: false,
                });
            }
            throw this.#error(err);
        });
        return this.#kind;
    }
    #error(err) {
        const failure = gatewayFailure(err);
        if (!failure)
            return err;
        return new TargetError(this.name, `gateway endpoint '${this.#spec.endpoint}': ${failure.message}`, { ...failure, cause: err });
    }
}

;// CONCATENATED MODULE: ./build/src/evaluate/services.js




const DEFAULT_RETRIES = 2;
/**
 * Scorer services through the gateway at `gatewayUri`. An empty address is allowed (a suite
 * without judge or embedding scorers needs none); a call then fails as the row's scorer error.
 */
function gatewayServices(gatewayUri, options = {}) {
    let client;
    const clientOf = () => {
        if (!gatewayUri)
            throw new ScorerError('this scorer calls a gateway endpoint, but no gateway address is set. Pass --gateway-uri, set MLFLOW_GATEWAY_URI, or add gateway_uri to the suite.');
        client ??= gatewayClient(gatewayUri, {
            maxRetries: options.retries ?? DEFAULT_RETRIES,
            ...(options.env ? { env: options.env } : {}),
            ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
        });
        return client;
    };
    const predict = async (request, caller, signal) => {
        const headers = { ...getTracingContextHeadersForHttpRequest(), 'x-mlflow-gateway-caller': caller };
        try {
            return await clientOf().predictWithHeaders(request, { headers, ...(signal ? { signal } : {}) });
        }
        catch (err) {
            const failure = gatewayFailure(err);
            if (!failure)
                throw err;
            throw new ScorerError(`gateway endpoint '${request.endpoint}' (${caller}): ${failure.message}`, { cause: err });
        }
    };
    return {
        async chat(endpoint, messages, callOptions = {}) {
            const started = performance.now();
            const inputs = callOptions.temperature === undefined ? { messages } : { messages, temperature: callOptions.temperature };
            const { body, headers } = await predict({ endpoint, inputs }, 'judge', callOptions.signal);
            const parsed = chatResponseSchema.safeParse(body);
            if (!parsed.success)
                throw new ScorerError(`gateway endpoint '${endpoint}' did not answer with a chat completion (${shapeProblem(parsed.error)}). Is it a chat endpoint?`);
            const text = parsed.data.choices[0].message.content ?? '';
            const usage = tokenCounts(parsed.data.usage);
            const costUsd = costFromHeaders(headers);
            return { text, value: text, latencyMs: performance.now() - started, ...(usage ? { usage } : {}), ...(costUsd !== undefined ? { costUsd } : {}) };
        },
        async embed(endpoint, inputs, callOptions = {}) {
            const { body } = await predict({ endpoint, inputs: { input: inputs } }, 'embedding', callOptions.signal);
            const parsed = embeddingsResponseSchema.safeParse(body);
            if (!parsed.success)
                throw new ScorerError(`gateway endpoint '${endpoint}' did not answer with embeddings (${shapeProblem(parsed.error)}). Is it an embeddings endpoint?`);
            const vectors = embeddingVectors(parsed.data);
            if (vectors.length !== inputs.length)
                throw new ScorerError(`gateway endpoint '${endpoint}' answered ${vectors.length} embeddings for ${inputs.length} inputs.`);
            return vectors;
        },
        async close() {
            await client?.close();
        },
    };
}

// EXTERNAL MODULE: ./build/src/evaluate/table.js + 8 modules
var evaluate_table = __webpack_require__(12711);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
;// CONCATENATED MODULE: ./build/src/evaluate/targets/command.js
/**
 * A command as a target: one process per row, the row's inputs as JSON on stdin (`{"inputs":
 * {...}}`, one line; never the expected answer), its stdout as the answer (parsed as JSON when it is JSON). A
 * non-zero exit is the row's error, with the end of stderr to say why. A process per row keeps
 * rows independent (no state leaks between them) at the price of a start-up each.
 */


/** stdout beyond this is a runaway command, not an answer. */
const MAX_STDOUT_BYTES = 16 * 1024 * 1024;
/** The stderr kept for the error message: its last lines, within a few KB. */
const STDERR_TAIL_BYTES = 4096;
const STDERR_TAIL_LINES = 10;
function tailLines(text) {
    const lines = text.trimEnd().split('\n');
    return lines.slice(-STDERR_TAIL_LINES).join('\n');
}
class CommandLineTarget {
    name;
    needsMessages = false;
    #spec;
    #env;
    #shown;
    constructor(spec, env) {
        this.name = spec.name;
        this.#spec = spec;
        this.#env = env;
        this.#shown = Array.isArray(spec.command) ? spec.command.join(' ') : spec.command;
    }
    call(row, _messages, options) {
        const { signal } = options;
        if (signal.aborted)
            return Promise.reject(signal.reason);
        const command = this.#spec.command;
        const child = Array.isArray(command)
            ? (0,external_node_child_process_.spawn)(command[0], command.slice(1), { cwd: this.#spec.cwd, env: this.#env, signal, killSignal: 'SIGKILL', stdio: 'pipe' })
            : (0,external_node_child_process_.spawn)(command, { cwd: this.#spec.cwd, env: this.#env, signal, killSignal: 'SIGKILL', stdio: 'pipe', shell: true });
        const fail = (message, cause) => new TargetError(this.name, `command \`${this.#shown}\` ${message}`, { retryable: false, ...(cause !== undefined ? { cause } : {}) });
        return new Promise((resolve, reject) => {
            const stdout = [];
            let stdoutBytes = 0;
            let stderr = '';
            let failure;
            child.stdout.on('data', (chunk) => {
                stdoutBytes += chunk.length;
                if (stdoutBytes > MAX_STDOUT_BYTES) {
                    failure ??= fail(`wrote more than ${MAX_STDOUT_BYTES / 1024 / 1024} MiB to stdout; an answer is expected to be smaller.`);
                    child.kill('SIGKILL');
                    return;
                }
                stdout.push(chunk);
            });
            child.stderr.on('data', (chunk) => {
                stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_TAIL_BYTES);
            });
            // A command that does not read its stdin (or exits first) closes the pipe: not a failure of ours.
            child.stdin.on('error', () => { });
            child.on('error', (err) => {
                if (signal.aborted)
                    failure ??= signal.reason;
                else
                    failure ??= fail(`could not be run (${err.code ?? err.message}). Check that the program exists and is executable.`, err);
            });
            child.on('close', (code, killedBy) => {
                if (signal.aborted)
                    return reject(signal.reason);
                if (failure !== undefined)
                    return reject(failure);
                if (code !== 0) {
                    const why = code === null ? `was killed by ${killedBy}` : `exited with code ${code}`;
                    const tail = tailLines(stderr);
                    return reject(fail(`${why}${tail ? `; stderr ends with:\n${tail}` : ' and wrote nothing to stderr'}`));
                }
                const text = Buffer.concat(stdout).toString('utf8').replace(/\r?\n$/, '');
                let value = text;
                try {
                    value = JSON.parse(text);
                }
                catch {
                    // Plain text is a fine answer.
                }
                resolve({ text: typeof value === 'string' ? value : text, value });
            });
            // Never the expected answer: a model must not see its label (MLflow's evaluate keeps targets apart too).
            const line = JSON.stringify({ inputs: row.inputs });
            child.stdin.end(`${line}\n`);
        });
    }
}

;// CONCATENATED MODULE: ./build/src/evaluate/targets/model-server.js
/**
 * An MLflow scoring server (`mlflow models serve`) as a target: the row's inputs (never its
 * expected answer) as one `dataframe_records` record, the suite's params as MLflow's inference
 * `params`, and the first prediction as the answer's value.
 */



/** `{"predictions": [...]}` as pyfunc servers answer, or a bare list as some custom servers do. */
const predictionsSchema = schemas/* union */.KCZ([schemas/* looseObject */._H3({ predictions: schemas/* array */.YOg(schemas/* unknown */.L5J()) }), schemas/* array */.YOg(schemas/* unknown */.L5J())]);
class ModelServerEndpointTarget {
    name;
    needsMessages = false;
    #spec;
    constructor(spec) {
        this.name = spec.name;
        this.#spec = spec;
    }
    async call(row, _messages, options) {
        const params = this.#spec.params;
        const request = Object.keys(params).length > 0 ? { dataframe_records: [row.inputs], params } : { dataframe_records: [row.inputs] };
        const what = `POST ${this.#spec.url}`;
        const { body } = await postJson(this.name, this.#spec.url, request, { headers: options.headers, signal: options.signal, what });
        const parsed = predictionsSchema.safeParse(body);
        if (!parsed.success)
            throw new TargetError(this.name, `${what} answered without predictions (${shapeProblem(parsed.error)}).`, { retryable: false });
        const predictions = Array.isArray(parsed.data) ? parsed.data : parsed.data.predictions;
        if (predictions.length === 0)
            throw new TargetError(this.name, `${what} answered with no prediction for the row.`, { retryable: false });
        const value = predictions[0];
        return { text: textOf(value), value };
    }
}

;// CONCATENATED MODULE: ./build/src/evaluate/targets/openai.js


class OpenAiCompatibleTarget {
    name;
    needsMessages = true;
    #spec;
    #url;
    #headers;
    #secrets;
    constructor(spec, env) {
        this.name = spec.name;
        this.#spec = spec;
        this.#url = `${spec.baseUrl.replace(/\/+$/, '')}/chat/completions`;
        this.#headers = {};
        this.#secrets = [];
        if (spec.apiKeyEnv !== undefined) {
            const key = env[spec.apiKeyEnv];
            if (key === undefined || key === '') {
                throw new TargetError(spec.name, `the environment variable ${spec.apiKeyEnv} (api_key_env) is not set. Set it to the API key, or remove api_key_env for a server that needs none.`, {
                    retryable: false,
                });
            }
            this.#headers.authorization = `Bearer ${key}`;
            this.#secrets.push(key);
        }
    }
    async call(_row, messages, options) {
        const { body, headers } = await postJson(this.name, this.#url, { ...this.#spec.params, model: this.#spec.model, messages: messages ?? [] }, { headers: { ...options.headers, ...this.#headers }, signal: options.signal, what: `POST ${this.#url}`, secrets: this.#secrets });
        const parsed = chatResponseSchema.safeParse(body);
        if (!parsed.success) {
            throw new TargetError(this.name, `POST ${this.#url} answered with something that is not a chat completion (${shapeProblem(parsed.error)}).`, { retryable: false });
        }
        const text = parsed.data.choices[0].message.content ?? '';
        const usage = tokenCounts(parsed.data.usage);
        // The gateway's OpenAI-style routes price their answers too.
        const costUsd = costFromHeaders(headers);
        return { text, value: text, ...(usage ? { usage } : {}), ...(costUsd !== undefined ? { costUsd } : {}) };
    }
}

;// CONCATENATED MODULE: ./build/src/evaluate/targets/index.js






/** Throws TargetError when the target cannot work at all (no gateway address, an unset key variable). */
function createTarget(spec, options = {}) {
    const env = options.env ?? process.env;
    switch (spec.kind) {
        case 'gateway': {
            if (!options.gatewayUri) {
                throw new TargetError(spec.name, 'a gateway target needs the gateway\'s address. Pass --gateway-uri, set MLFLOW_GATEWAY_URI, or add gateway_uri to the suite.', { retryable: false });
            }
            const client = gatewayClient(options.gatewayUri, { env, maxRetries: 0,
                ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
                ...(options.concurrency !== undefined ? { connections: options.concurrency } : {}),
            });
            return new GatewayEndpointTarget(spec, client);
        }
        case 'openai':
            return new OpenAiCompatibleTarget(spec, env);
        case 'model_server':
            return new ModelServerEndpointTarget(spec);
        case 'command':
            return new CommandLineTarget(spec, env);
    }
}

;// CONCATENATED MODULE: ./build/src/evaluate/evaluate.js
/**
 * One evaluation from suite to verdict: rows through every target, scores aggregated, everything
 * logged to the tracking server (one run per target under one parent run), row traces annotated
 * with their scores as assessments, and the suite's thresholds judged by the shared gate module.
 * Talks to the server only through the client and the tracing SDK.
 */
















const PARENT_RUN_TAG = 'mlflow.parentRunId';
class EvaluationSetupError extends Error {
    name = 'EvaluationSetupError';
}
async function buildScorers(suite) {
    const rowScorers = [];
    const metrics = [];
    for (const entry of suite.scorers) {
        const found = findScorerType(entry.type);
        // The suite loader validated every type; this guards a suite built by hand.
        if (!found)
            throw new EvaluationSetupError(`unknown scorer type '${entry.type}'.`);
        if (found.kind === 'row')
            rowScorers.push(await found.module.create(entry.name, entry.options, { baseDir: suite.baseDir }));
        else
            metrics.push({ metric: found.metric, options: entry.options });
    }
    return { rowScorers, metrics };
}
/** Baseline metrics per target: the run's children matched by target tag, else the run itself for all. */
async function baselineFor(client, runId, experimentId, targets) {
    const run = await client.getRun(runId);
    const byTarget = new Map();
    const children = client.searchRuns({
        experimentIds: [run.info.experiment_id || experimentId],
        filter: `tags.\`${PARENT_RUN_TAG}\` = '${runId}'`,
    });
    for await (const child of children) {
        const target = child.data.tags.find((t) => t.key === tags/* EvalTag */.J.TARGET)?.value;
        if (target && !byTarget.has(target))
            byTarget.set(target, child);
    }
    if (byTarget.size === 0)
        for (const t of targets)
            byTarget.set(t, run);
    return byTarget;
}
const runMetrics = (run) => Object.fromEntries(run.data.metrics.map((m) => [m.key, m.value]));
function assessmentsOf(result) {
    return Object.entries(result.scores).map(([name, s]) => ({
        assessment_name: name,
        source: { source_type: s.source, source_id: name },
        feedback: s.error !== undefined ? { error: { error_code: 'SCORER_ERROR', error_message: s.error } } : { value: s.passed ?? s.value },
        ...(s.rationale ? { rationale: s.rationale } : {}),
        metadata: { row: String(result.rowIndex), repeat: String(result.repeat), ...(s.value !== null && s.passed !== undefined ? { score: String(s.value) } : {}) },
    }));
}
/** Uploads the results table (JSON and CSV) into the run's artifact root. */
async function logTables(client, runId, results, scorerNames) {
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'mlflow-ts-eval-'));
    try {
        const table = (0,evaluate_table/* resultsTable */.r6)(results, scorerNames);
        await (0,promises_.writeFile)((0,external_node_path_.join)(dir, evaluate_table/* RESULTS_JSON */.YH), (0,evaluate_table/* tableJson */.$t)(table));
        await (0,promises_.writeFile)((0,external_node_path_.join)(dir, evaluate_table/* RESULTS_CSV */.ST), (0,evaluate_table/* tableCsv */.l4)(table));
        await client.logArtifact(runId, (0,external_node_path_.join)(dir, evaluate_table/* RESULTS_JSON */.YH));
        await client.logArtifact(runId, (0,external_node_path_.join)(dir, evaluate_table/* RESULTS_CSV */.ST));
    }
    finally {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
    }
}
async function evaluate(options) {
    const { suite, client } = options;
    const env = options.env ?? process.env;
    const suiteName = suite.file ? (0,external_node_path_.basename)(suite.file) : 'suite';
    const experimentName = options.experimentName ?? suite.experimentName ?? `eval/${suiteName.replace(/\.(ya?ml|json)$/i, '')}`;
    const gatewayUri = options.gatewayUri ?? suite.gatewayUri ?? env.MLFLOW_GATEWAY_URI;
    const needsGateway = suite.targets.some((t) => t.kind === 'gateway');
    if (needsGateway && !gatewayUri) {
        throw new EvaluationSetupError('the suite has gateway targets but no gateway address. Pass --gateway-uri, set MLFLOW_GATEWAY_URI, or add gateway_uri to the suite.');
    }
    const dataset = await loadDataset(suite.dataset, { baseDir: suite.baseDir });
    const { rowScorers, metrics } = await buildScorers(suite);
    const services = gatewayServices(gatewayUri ?? '', { env, retries: suite.retries, timeoutMs: suite.timeoutMs });
    const targets = suite.targets.map((t) => createTarget(t, { gatewayUri, env, timeoutMs: suite.timeoutMs, concurrency: suite.concurrency }));
    try {
        return await evaluateWith(options, { suite, client, env, suiteName, experimentName, dataset, rowScorers, metrics, services, targets });
    }
    finally {
        await Promise.all([services.close(), ...targets.map((t) => t.close?.())]);
    }
}
async function evaluateWith(options, prepared) {
    const { suite, client, suiteName, experimentName, dataset, rowScorers, metrics, services, targets } = prepared;
    const experimentId = (await client.getOrCreateExperiment(experimentName)).experiment_id;
    const parentRunId = options.parentRunId ??
        (await client.createRun({ experimentId, runName: options.runName ?? `eval: ${suiteName}`, tags: { [tags/* EvalTag */.J.SUITE]: suiteName } })).info.run_id;
    const runIds = new Map();
    for (const target of suite.targets) {
        const run = await client.createRun({
            experimentId,
            runName: target.name,
            tags: { [PARENT_RUN_TAG]: parentRunId, [tags/* EvalTag */.J.TARGET]: target.name, [tags/* EvalTag */.J.SUITE]: suiteName, [tags/* EvalTag */.J.DATASET_DIGEST]: dataset.input.digest },
        });
        runIds.set(target.name, run.info.run_id);
        const input = { dataset: dataset.input, tags: [{ key: 'mlflow.data.context', value: 'evaluation' }] };
        await client.logInputs(run.info.run_id, [input]);
        await client.logBatch(run.info.run_id, {
            params: { concurrency: suite.concurrency, repeat: suite.repeat, timeout_ms: suite.timeoutMs, retries: suite.retries, seed: suite.seed, ...(targetParams(target)) },
        });
    }
    const tracing = options.tracing ?? true;
    if (tracing)
        init({ trackingUri: options.trackingUri, experimentId });
    const progressStream = options.progress ?? process.stderr;
    const progress = createProgress({ total: dataset.rows.length * suite.repeat * targets.length, stream: progressStream, isTTY: progressStream.isTTY === true });
    let results;
    try {
        results = await runRows({
            rows: dataset.rows,
            repeat: suite.repeat,
            targets,
            buildMessages: (row) => buildMessages(suite, row),
            scorers: rowScorers,
            services,
            concurrency: suite.concurrency,
            timeoutMs: suite.timeoutMs,
            retries: suite.retries,
            tracing: { enabled: tracing, runIdFor: (target) => runIds.get(target) },
            onProgress: (p) => progress.update(p),
            ...(options.signal ? { signal: options.signal } : {}),
        });
    }
    catch (err) {
        for (const runId of runIds.values())
            await client.updateRun(runId, { status: 'FAILED', endTime: Date.now() });
        if (!options.parentRunId)
            await client.updateRun(parentRunId, { status: 'FAILED', endTime: Date.now() });
        throw err;
    }
    finally {
        progress.done();
    }
    if (tracing)
        await flushTraces();
    const baselines = options.baselineRunId ? await baselineFor(client, options.baselineRunId, experimentId, suite.targets.map((t) => t.name)) : undefined;
    const scorerInfo = rowScorers.map((s) => ({ name: s.name, greaterIsBetter: s.greaterIsBetter }));
    const reports = [];
    for (const target of suite.targets) {
        const runId = runIds.get(target.name);
        const own = results.filter((r) => r.target === target.name);
        const agg = (0,aggregate/* aggregateTarget */.d4)(own, { scorers: scorerInfo, metrics, seed: suite.seed });
        const baselineRun = baselines?.get(target.name);
        const baselineMetrics = baselineRun ? (0,aggregate/* metricStatsFrom */.qW)(runMetrics(baselineRun)) : undefined;
        const gates = Object.entries(suite.thresholds).flatMap(([metric, t]) => (0,report_gates/* compileMetricThreshold */.Pr)(metric, { ...t, greater_is_better: t.greater_is_better ?? agg.greaterIsBetter[metric] ?? true }));
        const asValue = (stat) => stat && { value: stat.value, ...(stat.ci ? { ci: stat.ci } : {}) };
        const gateResults = (0,report_gates/* evaluateGates */.ud)(gates, {
            current: (name) => asValue(agg.metrics[name]),
            baseline: (name) => asValue(baselineMetrics?.[name]),
        });
        const verdict = (0,report_gates/* summarize */.eh)(gateResults, 'threshold');
        // The verdict is recorded with the run before anything else can fail.
        await client.logBatch(runId, {
            metrics: Object.entries((0,aggregate/* loggedMetrics */.ET)(agg.metrics)).map(([key, value]) => ({ key, value })),
            tags: {
                [tags/* EvalTag */.J.GATES_PASSED]: String(verdict.passed),
                ...(gateResults.length > 0 ? { [tags/* EvalTag */.J.GATES]: (0,report_gates/* recordedGatesTag */.zd)(gateResults) } : {}),
                ...(baselineRun ? { [tags/* EvalTag */.J.BASELINE_RUN]: baselineRun.info.run_id } : {}),
            },
        });
        await logTables(client, runId, own, rowScorers.map((s) => s.name));
        if (tracing) {
            const annotated = own.filter((r) => r.traceId !== undefined);
            await (0,concurrency/* mapLimit */.s)(annotated, 8, async (r) => {
                for (const a of assessmentsOf(r))
                    await client.createAssessment(r.traceId, a);
            });
        }
        await client.updateRun(runId, { status: 'FINISHED', endTime: Date.now() });
        reports.push({
            name: target.name,
            runId,
            metrics: agg.metrics,
            greaterIsBetter: agg.greaterIsBetter,
            flaky: agg.flaky,
            gates: gateResults,
            ...(baselineRun ? { baselineRunId: baselineRun.info.run_id } : {}),
            errors: own.filter((r) => r.error !== undefined).slice(0, 20).map((r) => ({ row: r.rowIndex, repeat: r.repeat, error: r.error })),
        });
    }
    const passed = reports.every((r) => (0,report_gates/* summarize */.eh)(r.gates, 'threshold').passed);
    if (!options.parentRunId) {
        await client.setTag(parentRunId, tags/* EvalTag */.J.GATES_PASSED, String(passed));
        await client.updateRun(parentRunId, { status: 'FINISHED', endTime: Date.now() });
    }
    return { experimentId, parentRunId, dataset: { name: dataset.input.name, digest: dataset.input.digest, rows: dataset.rows.length }, targets: reports, passed };
}
/** What identifies a target, as run params (never a key). */
function targetParams(target) {
    switch (target.kind) {
        case 'gateway':
            return { target: `gateway:${target.endpoint}` };
        case 'openai':
            return { target: `openai:${target.model}`, base_url: target.baseUrl };
        case 'model_server':
            return { target: 'model_server', url: target.url };
        case 'command':
            return { target: 'command', command: Array.isArray(target.command) ? target.command.join(' ') : target.command };
    }
}

// EXTERNAL MODULE: ./build/src/report/text-table.js
var text_table = __webpack_require__(27376);
;// CONCATENATED MODULE: ./build/src/evaluate/format.js
/**
 * The evaluation report for a terminal: one metrics table across targets (side by side, with
 * intervals), flaky rows, the first row errors, and the gate table when a threshold failed.
 */


const fmt = (n) => (Number.isInteger(n) ? String(n) : Math.abs(n) >= 100 ? n.toFixed(1) : n.toPrecision(4));
function cell(stat) {
    if (!stat)
        return '';
    return stat.ci && stat.ci.low !== stat.ci.high ? `${fmt(stat.value)} [${fmt(stat.ci.low)}, ${fmt(stat.ci.high)}]` : fmt(stat.value);
}
function formatEvaluation(report) {
    const names = [...new Set(report.targets.flatMap((t) => Object.keys(t.metrics)))].sort();
    let out = `Dataset ${report.dataset.name} (${report.dataset.rows} rows, digest ${report.dataset.digest}); parent run ${report.parentRunId}\n\n`;
    out += (0,text_table/* textTable */.e)(['metric (95% CI)', ...report.targets.map((t) => t.name)], names.map((n) => [n, ...report.targets.map((t) => cell(t.metrics[n]))]));
    for (const t of report.targets) {
        // Scorers usually flip on the same rows; one line per distinct set of rows.
        const byRows = new Map();
        for (const [scorer, rows] of Object.entries(t.flaky)) {
            const key = rows.slice(0, 20).join(', ') + (rows.length > 20 ? `, … (${rows.length} rows)` : '');
            byRows.set(key, [...(byRows.get(key) ?? []), scorer]);
        }
        for (const [rows, scorers] of byRows)
            out += `\n${t.name}: flaky rows (verdict changed across repeats) for ${scorers.join(', ')}: ${rows}\n`;
        if (t.errors.length > 0) {
            out += `\n${t.name}: row errors (first ${t.errors.length}; all in eval_results.json):\n`;
            out += t.errors.map((e) => `  row ${e.row}${e.repeat > 0 ? ` repeat ${e.repeat}` : ''}: ${e.error}`).join('\n') + '\n';
        }
    }
    for (const t of report.targets) {
        if (t.gates.length === 0)
            continue;
        const verdict = (0,report_gates/* summarize */.eh)(t.gates, 'threshold');
        out += `\n${t.name}: thresholds ${verdict.passed ? 'passed' : 'FAILED'}${t.baselineRunId ? ` (baseline run ${t.baselineRunId})` : ''}\n`;
        out += (0,report_gates/* formatGateTable */.Zt)(t.gates);
    }
    return out.endsWith('\n') ? out : out + '\n';
}

;// CONCATENATED MODULE: ./build/src/evaluate/suite.js
/**
 * The suite file (`eval.yaml`): what to evaluate (targets), on what (dataset), how to ask
 * (prompt or messages), how to judge (scorers) and what counts as good enough (thresholds).
 *
 * Everything that can be checked without calling a model is checked here, so a run never starts
 * on a suite with a typo: keys are strict (an unknown key is an error with "did you mean"), each
 * scorer's options are validated by that scorer's own schema, names are unique, and thresholds
 * must name metrics the suite produces. Each error names the file, the line and the YAML path.
 * What is resolved here: durations to milliseconds, the dataset path to an absolute path and its
 * format, targets to a discriminated union, defaults filled in.
 */








const SUITE_DEFAULTS = { concurrency: 4, repeat: 1, timeoutMs: 60_000, retries: 2, seed: 0 };
/** A suite file that cannot be used; one `file:line: path: message` line per problem. */
class SuiteError extends yaml_file/* ConfigFileError */.x {
    constructor(file, problems, options) {
        super(file, problems, { ...options, label: 'suite' });
        this.name = 'SuiteError';
    }
}
// ---------------------------------------------------------------------------------------------
// The file's schema.
const NAME_PATTERN = /^[A-Za-z0-9_.-]+$/;
const NAME_RULE = 'may contain only letters, digits, "_", "-" and "."';
const nameSchema = schemas/* string */.YjP().min(1).regex(NAME_PATTERN, { error: NAME_RULE });
/** What a `{{name}}` placeholder may be called (prompt.ts). */
const VARIABLE_PATTERN = /^[\p{L}\p{N}_.-]+$/u;
const ENV_VAR_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
function isHttpUrl(value) {
    if (!URL.canParse(value))
        return false;
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
}
const httpUrl = schemas/* string */.YjP().refine(isHttpUrl, { error: 'must be an http:// or https:// URL' });
/** A YAML mapping of `value`s, saying "a mapping" rather than zod's "record" when it is not one. */
function mapping(value) {
    return schemas/* record */.g1P(schemas/* string */.YjP(), value, {
        error: (issue) => {
            if (issue.code !== 'invalid_type')
                return undefined;
            return issue.input === undefined ? 'is missing; add it (a mapping of key: value pairs)' : `must be a mapping (key: value pairs), not ${(0,yaml_file/* kindOf */.I)(issue.input)}`;
        },
    });
}
const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)$/;
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/** setTimeout's limit. */
const MAX_DURATION_MS = 2 ** 31 - 1;
const DURATION_RULE = 'must be a number of seconds or a duration such as "500ms", "30s" or "2m"';
/** `timeout:` as milliseconds: a number of seconds, or a number with a unit (ms, s, m, h). */
function parseDuration(value) {
    let ms;
    if (typeof value === 'number')
        ms = value * 1000;
    else {
        const m = DURATION.exec(value.trim());
        if (!m)
            return undefined;
        ms = Number(m[1]) * UNIT_MS[m[2]];
    }
    return Number.isFinite(ms) ? Math.round(ms) : undefined;
}
const durationSchema = schemas/* union */.KCZ([schemas/* number */.aig(), schemas/* string */.YjP()], { error: DURATION_RULE }).transform((value, ctx) => {
    const ms = parseDuration(value);
    if (ms === undefined)
        ctx.issues.push({ code: 'custom', message: DURATION_RULE, input: value });
    else if (ms < 1)
        ctx.issues.push({ code: 'custom', message: 'must be at least 1ms', input: value });
    else if (ms > MAX_DURATION_MS)
        ctx.issues.push({ code: 'custom', message: 'must be at most 24 days (2147483647ms)', input: value });
    return ms ?? 0;
});
const TARGET_KINDS = ['gateway', 'openai', 'model_server', 'command'];
const targetSchema = schemas/* strictObject */.rej({
    name: nameSchema.optional(),
    gateway: nameSchema.optional(),
    openai: schemas/* strictObject */.rej({
        base_url: httpUrl,
        model: schemas/* string */.YjP().min(1),
        api_key_env: schemas/* string */.YjP().regex(ENV_VAR_PATTERN, { error: 'must be an environment variable name (letters, digits and "_")' }).optional(),
    })
        .optional(),
    model_server: schemas/* strictObject */.rej({ url: httpUrl }).optional(),
    command: schemas/* union */.KCZ([schemas/* string */.YjP().trim().min(1), schemas/* array */.YOg(schemas/* string */.YjP()).min(1).refine((argv) => argv[0] !== '', { error: 'must start with the program to run' })], {
        error: 'must be a command line (a string) or an argv list of strings',
    })
        .optional(),
    params: mapping(schemas/* unknown */.L5J()).optional(),
});
const datasetSchema = schemas/* strictObject */.rej({
    path: schemas/* string */.YjP().min(1).optional(),
    rows: schemas/* array */.YOg(mapping(schemas/* unknown */.L5J())).min(1).optional(),
    format: schemas/* enum */.k5n(DATASET_FORMATS).optional(),
    columns: mapping(schemas/* string */.YjP().min(1)).optional(),
    limit: schemas/* int */.Whr().min(1).optional(),
    name: schemas/* string */.YjP().min(1).max(500).optional(), // extension: the dataset's name in MLflow
});
const fileSchema = schemas/* strictObject */.rej({
    description: schemas/* string */.YjP().optional(),
    experiment_name: schemas/* string */.YjP().min(1).optional(),
    gateway_uri: httpUrl.optional(),
    targets: schemas/* array */.YOg(targetSchema).min(1),
    prompt: schemas/* string */.YjP().min(1).optional(),
    messages: schemas/* array */.YOg(schemas/* strictObject */.rej({ role: schemas/* enum */.k5n(['system', 'user', 'assistant']), content: schemas/* string */.YjP() })).min(1).optional(),
    dataset: datasetSchema,
    scorers: schemas/* array */.YOg(mapping(schemas/* unknown */.L5J())).optional(),
    thresholds: mapping(report_gates/* metricThresholdSchema */.nG).optional(),
    concurrency: schemas/* int */.Whr().min(1).max(1024).optional(),
    repeat: schemas/* int */.Whr().min(1).max(1000).optional(),
    timeout: durationSchema.optional(),
    retries: schemas/* int */.Whr().min(0).max(10).optional(),
    seed: schemas/* int */.Whr().optional(),
});
/** Metric families every target's run logs besides the scorers' own (aggregate.ts). */
const BUILTIN_METRIC_FAMILIES = ['latency_ms', 'tokens', 'cost_usd', 'rows'];
/** Parses and validates suite text. Throws SuiteError. */
async function parseSuite(text, options = {}) {
    return new SuiteReader(text, options).read();
}
/** Reads and validates a suite file. Throws SuiteError. */
async function loadSuite(path, options = {}) {
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (err) {
        const code = err.code;
        const message = code === 'ENOENT' ? 'file not found. Pass the path of an existing suite file (--config eval.yaml).' : `cannot read the file (${code ?? 'error'}). Check that it is a readable file.`;
        throw new SuiteError(path, { path: '', message }, { cause: err });
    }
    return parseSuite(text, { file: path, baseDir: (0,external_node_path_.dirname)((0,external_node_path_.resolve)(path)), ...options });
}
/** A default target name made of what the target points at, in the characters names allow. */
function defaultTargetName(t, kind) {
    const raw = kind === 'gateway'
        ? t.gateway
        : kind === 'openai'
            ? t.openai.model
            : kind === 'model_server'
                ? 'model_server'
                : (0,external_node_path_.basename)((Array.isArray(t.command) ? t.command[0] : t.command.split(/\s+/)[0]) || 'command');
    return raw.replace(/[^A-Za-z0-9_.-]+/g, '_') || kind;
}
class SuiteReader {
    #yaml;
    #file;
    #baseDir;
    #checkFiles;
    constructor(text, options) {
        this.#file = options.file;
        this.#baseDir = options.baseDir ?? (options.file ? (0,external_node_path_.dirname)((0,external_node_path_.resolve)(options.file)) : process.cwd());
        this.#checkFiles = options.checkFiles ?? true;
        this.#yaml = new yaml_file/* YamlConfigFile */.GV(text, { file: options.file, error: (file, problems, errorOptions) => new SuiteError(file, problems, errorOptions) });
    }
    async read() {
        const raw = this.#yaml.parse();
        if (raw === null || raw === undefined)
            this.#fail([], 'the file is empty. Add targets, a dataset and scorers.');
        if (typeof raw !== 'object' || Array.isArray(raw))
            this.#fail([], `the file must be a mapping with targets, dataset and scorers, not ${(0,yaml_file/* kindOf */.I)(raw)}.`);
        const top = raw;
        const noTargets = top.targets === undefined || top.targets === null || (Array.isArray(top.targets) && top.targets.length === 0);
        // With an unknown top-level key (`target:`), the schema's "did you mean" says more.
        if (noTargets && Object.keys(top).every((k) => k in fileSchema.shape)) {
            this.#fail(['targets'], `no targets. Add a list of targets, each with one of ${TARGET_KINDS.join(', ')}.`);
        }
        const file = this.#yaml.validate(fileSchema, raw);
        const targets = this.#targets(file.targets);
        const chatTargets = targets.flatMap((t, i) => (t.kind === 'gateway' || t.kind === 'openai' ? [{ target: t, index: i }] : []));
        if (file.prompt !== undefined && file.messages !== undefined)
            this.#fail(['messages'], 'the suite sets both prompt and messages. Keep one of them.');
        const chat = chatTargets[0];
        if (chat && file.prompt === undefined && file.messages === undefined) {
            this.#fail(['targets', chat.index, chat.target.kind], `target "${chat.target.name}" sends chat requests, but the suite has no prompt. Add prompt: "..." (with {{column}} placeholders) or a messages list.`);
        }
        const placeholders = chat
            ? promptTemplates({ ...(file.prompt !== undefined ? { prompt: file.prompt } : {}), ...(file.messages ? { messages: file.messages } : {}) }).flatMap(({ where, template }) => templateVariables(template).map((name) => ({ name, where })))
            : [];
        const dataset = await this.#dataset(file.dataset, placeholders);
        const scorers = this.#scorers(file.scorers ?? []);
        const thresholds = file.thresholds ?? {};
        this.#checkThresholds(thresholds, scorers);
        const suite = {
            file: this.#file,
            baseDir: this.#baseDir,
            targets,
            dataset,
            scorers,
            thresholds,
            concurrency: file.concurrency ?? SUITE_DEFAULTS.concurrency,
            repeat: file.repeat ?? SUITE_DEFAULTS.repeat,
            timeoutMs: file.timeout ?? SUITE_DEFAULTS.timeoutMs,
            retries: file.retries ?? SUITE_DEFAULTS.retries,
            seed: file.seed ?? SUITE_DEFAULTS.seed,
        };
        if (file.description !== undefined)
            suite.description = file.description;
        if (file.experiment_name !== undefined)
            suite.experimentName = file.experiment_name;
        if (file.gateway_uri !== undefined)
            suite.gatewayUri = file.gateway_uri;
        if (file.prompt !== undefined)
            suite.prompt = file.prompt;
        if (file.messages !== undefined)
            suite.messages = file.messages;
        return suite;
    }
    #targets(list) {
        const out = [];
        const seen = new Map();
        for (const [i, t] of list.entries()) {
            const at = (...rest) => ['targets', i, ...rest];
            const kinds = TARGET_KINDS.filter((k) => t[k] !== undefined);
            if (kinds.length === 0) {
                this.#fail(at(), 'names no target. Set one of gateway (an endpoint name), openai ({base_url, model}), model_server ({url}) or command.');
            }
            if (kinds.length > 1)
                this.#fail(at(kinds[1]), `a target is one of ${TARGET_KINDS.join(', ')}, and this one also sets ${kinds[0]}. Split it into two targets.`);
            const kind = kinds[0];
            if (kind === 'command' && t.params !== undefined) {
                this.#fail(at('params'), 'a command target takes no params. Pass options on its command line instead.');
            }
            const name = t.name ?? defaultTargetName(t, kind);
            const first = seen.get(name);
            if (first) {
                this.#fail(at(t.name !== undefined ? 'name' : kind), `"${name}" is already the name of ${first}. Target names must be unique; ${t.name !== undefined ? 'rename one' : 'add name: to tell them apart'}.`);
            }
            seen.set(name, (0,yaml_file/* formatPath */.jV)(at()));
            const params = t.params ?? {};
            switch (kind) {
                case 'gateway':
                    out.push({ kind, name, endpoint: t.gateway, params });
                    break;
                case 'openai': {
                    const o = t.openai;
                    out.push({ kind, name, baseUrl: o.base_url, model: o.model, ...(o.api_key_env !== undefined ? { apiKeyEnv: o.api_key_env } : {}), params });
                    break;
                }
                case 'model_server':
                    out.push({ kind, name, url: t.model_server.url, params });
                    break;
                case 'command':
                    out.push({ kind, name, command: t.command, cwd: this.#baseDir });
                    break;
            }
        }
        return out;
    }
    async #dataset(d, placeholders) {
        if (d.path === undefined && d.rows === undefined)
            this.#fail(['dataset'], 'set path (a JSONL, CSV or JSON file) or rows (a list of mappings).');
        if (d.path !== undefined && d.rows !== undefined)
            this.#fail(['dataset', 'rows'], 'the dataset sets both path and rows. Keep one of them.');
        const columns = d.columns ?? {};
        for (const ours of Object.keys(columns)) {
            if (!VARIABLE_PATTERN.test(ours)) {
                this.#fail(['dataset', 'columns', ours], 'names a column for {{placeholders}}, so it may contain only letters, digits, "_", "." and "-". Rename it.');
            }
        }
        const common = {
            columns,
            ...(d.limit !== undefined ? { limit: d.limit } : {}),
            ...(d.name !== undefined ? { name: d.name } : {}),
            ...(placeholders && placeholders.length > 0 ? { placeholders } : {}),
        };
        if (d.rows !== undefined) {
            if (d.format !== undefined)
                this.#fail(['dataset', 'format'], 'applies to dataset files only. Remove it: inline rows need no format.');
            // Inline rows are checked now, where a problem can point at its line in the suite.
            try {
                mapRows(d.limit === undefined ? d.rows : d.rows.slice(0, d.limit), common);
            }
            catch (err) {
                if (err instanceof DatasetRowProblem)
                    this.#fail(['dataset', 'rows', err.index], err.message);
                throw err;
            }
            return { source: 'inline', rows: d.rows, ...(this.#file !== undefined ? { origin: this.#file } : {}), ...common };
        }
        const path = (0,external_node_path_.resolve)(this.#baseDir, d.path);
        const format = d.format ?? formatFromPath(path);
        if (format === undefined) {
            this.#fail(['dataset', 'path'], `cannot tell the file's format from its name. Add format: with one of ${DATASET_FORMATS.join(', ')}.`);
        }
        if (this.#checkFiles) {
            let isFile = false;
            try {
                isFile = (await (0,promises_.stat)(path)).isFile();
            }
            catch {
                // Reported below.
            }
            if (!isFile)
                this.#fail(['dataset', 'path'], `${path} does not exist or is not a file. Relative paths start at ${this.#baseDir}.`);
        }
        return { source: 'file', path, format, ...common };
    }
    #scorers(list) {
        const out = [];
        const seen = new Map();
        for (const [i, entry] of list.entries()) {
            const at = (...rest) => ['scorers', i, ...rest];
            const { type, name, ...options } = entry;
            if (type === undefined || type === null)
                this.#fail(at('type'), `is missing; add it (one of: ${SCORER_TYPES.join(', ')}).`);
            if (typeof type !== 'string')
                this.#fail(at('type'), `must be a string, not ${(0,yaml_file/* kindOf */.I)(type)}.`);
            const found = findScorerType(type);
            if (!found)
                this.#fail(at('type'), `unknown scorer type "${type}".${(0,yaml_file/* didYouMean */.au)(type, SCORER_TYPES)} Known types: ${SCORER_TYPES.join(', ')}.`);
            const scorerName = name === undefined ? type : this.#yaml.validate(nameSchema, name, at('name'));
            const first = seen.get(scorerName);
            if (first) {
                this.#fail(at(name !== undefined ? 'name' : 'type'), `"${scorerName}" is already the name of ${first}. Scorer names must be unique; ${name !== undefined ? 'rename one' : 'add name: to tell them apart'}.`);
            }
            seen.set(scorerName, (0,yaml_file/* formatPath */.jV)(at()));
            const schema = found.kind === 'row' ? found.module.optionsSchema : found.metric.optionsSchema;
            const parsed = this.#yaml.validate(schema, options, at(), keysWithCommon(schema));
            out.push({ type, name: scorerName, kind: found.kind, options: parsed });
        }
        return out;
    }
    /** A threshold on a metric the suite never logs would fail every run; say so now. */
    #checkThresholds(thresholds, scorers) {
        const families = new Set(BUILTIN_METRIC_FAMILIES);
        // Row scorers log `<name>/...`; metric families log under their type whatever their name.
        for (const s of scorers)
            families.add(s.kind === 'row' ? s.name : s.type);
        for (const metric of Object.keys(thresholds)) {
            const family = metric.split('/')[0];
            if (families.has(family))
                continue;
            this.#fail(['thresholds', metric], `no scorer or metric of this suite is called "${family}".${(0,yaml_file/* didYouMean */.au)(family, families)} Threshold keys are metric names: <scorer name>/mean or /pass_rate, a metric family's name (accuracy, f1/macro, rmse), or one of ${BUILTIN_METRIC_FAMILIES.map((f) => `${f}/...`).join(', ')}.`);
        }
    }
    #fail(path, message) {
        return this.#yaml.fail(path, message);
    }
}
/** For unknown-key messages: the keys of an options schema plus the `type` and `name` beside them. */
function keysWithCommon(schema) {
    return schema instanceof schemas/* ZodObject */.bvH ? schemas/* object */.Ikc({ type: schemas/* string */.YjP(), name: schemas/* string */.YjP(), ...schema.shape }) : schema;
}

;// CONCATENATED MODULE: ./build/src/evaluate/index.js
/**
 * Evaluation of model and LLM endpoints: a suite file (`eval.yaml`) names targets, a dataset,
 * scorers and thresholds; `evaluate` runs it and logs one run per target. Scorers and targets are
 * small modules behind the interfaces in types.ts.
 */










/***/ })

};
