export const id = 103;
export const ids = [103];
export const modules = {

/***/ 48924:
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
webpackEmptyAsyncContext.id = 48924;
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
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(55156);
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
        if (s instanceof zod__WEBPACK_IMPORTED_MODULE_1__.ZodObject && typeof part === 'string')
            s = unwrapSchema(s.shape[part]);
        else if (s instanceof zod__WEBPACK_IMPORTED_MODULE_1__.ZodArray && typeof part === 'number')
            s = unwrapSchema(s.element);
        else if (s instanceof zod__WEBPACK_IMPORTED_MODULE_1__.ZodRecord)
            s = unwrapSchema(s.valueType);
        else
            return undefined;
    }
    return s instanceof zod__WEBPACK_IMPORTED_MODULE_1__.ZodObject ? Object.keys(s.shape) : undefined;
}
function unwrapSchema(schema) {
    let s = schema;
    for (let depth = 0; depth < 10; depth++) {
        if (s instanceof zod__WEBPACK_IMPORTED_MODULE_1__.ZodOptional || s instanceof zod__WEBPACK_IMPORTED_MODULE_1__.ZodNullable || s instanceof zod__WEBPACK_IMPORTED_MODULE_1__.ZodDefault)
            s = s.unwrap();
        else if (s instanceof zod__WEBPACK_IMPORTED_MODULE_1__.ZodPipe)
            s = s.in instanceof zod__WEBPACK_IMPORTED_MODULE_1__.ZodTransform ? s.out : s.in;
        else if (s instanceof zod__WEBPACK_IMPORTED_MODULE_1__.ZodUnion)
            s = s.options.find((o) => unwrapSchema(o) instanceof zod__WEBPACK_IMPORTED_MODULE_1__.ZodObject) ?? s.options[0];
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
    #lines = new yaml__WEBPACK_IMPORTED_MODULE_0__.LineCounter();
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
        const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__.parseDocument)(this.#text, { lineCounter: this.#lines, prettyErrors: false, merge: true });
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
            if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__.isMap)(parent))
                node = parent.items.find((pair) => (0,yaml__WEBPACK_IMPORTED_MODULE_0__.isScalar)(pair.key) && pair.key.value === last)?.key;
            else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__.isSeq)(parent) && typeof last === 'number')
                node = parent.items[last];
            if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__.isNode)(node) && node.range)
                return this.#lines.linePos(node.range[0]).line;
        }
        const root = this.#doc.contents;
        return (0,yaml__WEBPACK_IMPORTED_MODULE_0__.isNode)(root) && root.range ? this.#lines.linePos(root.range[0]).line : undefined;
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

/***/ 16103:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  TK: () => (/* binding */ loadGatewayConfig),
  resolveConfigPath: () => (/* binding */ resolveConfigPath),
  Wq: () => (/* binding */ watchGatewayConfig)
});

// UNUSED EXPORTS: GATEWAY_CONFIG_ENV, GatewayConfigError, OFFLINE_KEY_PLACEHOLDER, parseGatewayConfig

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: ./node_modules/chokidar/index.js + 2 modules
var chokidar = __webpack_require__(64357);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js
var schemas = __webpack_require__(55156);
// EXTERNAL MODULE: ./build/src/config/yaml-file.js
var yaml_file = __webpack_require__(27632);
// EXTERNAL MODULE: ./build/src/gateway/schemas.js
var gateway_schemas = __webpack_require__(84552);
// EXTERNAL MODULE: ./build/src/gateway/errors.js
var errors = __webpack_require__(14909);
;// CONCATENATED MODULE: ./build/src/gateway/vendors/openai.js
/**
 * OpenAI's Chat Completions / Completions / Embeddings answers as they arrive from an
 * OpenAI-style upstream (OpenAI, Azure, Mistral, Groq, vLLM, ...), parsed leniently: vendors add
 * fields and leave some out, and a body we cannot read is the upstream's fault (502), not ours.
 */


const usageSchema = schemas.looseObject({
    prompt_tokens: schemas.number().nullish(),
    completion_tokens: schemas.number().nullish(),
    total_tokens: schemas.number().nullish(),
})
    .nullish();
const toolCallSchema = schemas.looseObject({
    id: schemas.string(),
    type: schemas.string().nullish(),
    function: schemas.looseObject({ name: schemas.string(), arguments: schemas.string().nullish() }),
});
const chatCompletionSchema = schemas.looseObject({
    id: schemas.string().nullish(),
    created: schemas.number().nullish(),
    model: schemas.string().nullish(),
    choices: schemas.array(schemas.looseObject({
        index: schemas.number().nullish(),
        message: schemas.looseObject({
            content: schemas.string().nullish(),
            tool_calls: schemas.array(toolCallSchema).nullish(),
            refusal: schemas.string().nullish(),
        }),
        finish_reason: schemas.string().nullish(),
    })),
    usage: usageSchema,
});
const chatChunkSchema = schemas.looseObject({
    id: schemas.string().nullish(),
    created: schemas.number().nullish(),
    model: schemas.string().nullish(),
    choices: schemas.array(schemas.looseObject({
        index: schemas.number().nullish(),
        delta: schemas.looseObject({
            role: schemas.string().nullish(),
            content: schemas.string().nullish(),
            tool_calls: schemas.array(schemas.looseObject({
                index: schemas.number().nullish(),
                id: schemas.string().nullish(),
                function: schemas.looseObject({ name: schemas.string().nullish(), arguments: schemas.string().nullish() }).nullish(),
            }))
                .nullish(),
        })
            .nullish(),
        finish_reason: schemas.string().nullish(),
    }))
        .nullish(),
    usage: usageSchema,
});
const completionSchema = schemas.looseObject({
    id: schemas.string().nullish(),
    created: schemas.number().nullish(),
    model: schemas.string().nullish(),
    choices: schemas.array(schemas.looseObject({ index: schemas.number().nullish(), text: schemas.string().nullish(), finish_reason: schemas.string().nullish() }))
        .nullish(),
    usage: usageSchema,
});
const embeddingsBodySchema = schemas.looseObject({
    data: schemas.array(schemas.looseObject({ index: schemas.number().nullish(), embedding: schemas.union([schemas.array(schemas.number()), schemas.string()]) })),
    model: schemas.string().nullish(),
    usage: schemas.looseObject({ prompt_tokens: schemas.number().nullish(), total_tokens: schemas.number().nullish() }).nullish(),
});
/** An in-band stream error as OpenAI-style servers send it: `data: {"error": {...}}`. */
const streamErrorSchema = schemas.looseObject({
    error: schemas.union([schemas.string(), schemas.looseObject({ message: schemas.string().nullish(), code: schemas.unknown().optional(), type: schemas.string().nullish() })]),
});
function parseOr502(schema, value, who, what) {
    const parsed = schema.safeParse(value);
    if (parsed.success)
        return parsed.data;
    const issue = parsed.error.issues[0];
    throw new errors/* GatewayError */.Fe('upstream', `${who} answered a ${what} the gateway cannot read (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}).`, {
        provider: who,
    });
}
function usage(u) {
    return {
        prompt_tokens: u?.prompt_tokens ?? null,
        completion_tokens: u?.completion_tokens ?? null,
        total_tokens: u?.total_tokens ?? (u?.prompt_tokens != null || u?.completion_tokens != null ? (u?.prompt_tokens ?? 0) + (u?.completion_tokens ?? 0) : null),
    };
}
const nowSeconds = () => Math.floor(Date.now() / 1000);
function readChatCompletion(body, who, fallbackModel) {
    const b = parseOr502(chatCompletionSchema, body, who, 'chat completion');
    return {
        id: b.id ?? `chatcmpl-${nowSeconds()}`,
        object: 'chat.completion',
        created: b.created ?? nowSeconds(),
        model: b.model ?? fallbackModel,
        choices: b.choices.map((c, i) => ({
            index: c.index ?? i,
            message: {
                role: 'assistant',
                content: c.message.content ?? null,
                tool_calls: c.message.tool_calls?.length
                    ? c.message.tool_calls.map((t) => ({ id: t.id, type: 'function', function: { name: t.function.name, arguments: t.function.arguments ?? '' } }))
                    : null,
                refusal: c.message.refusal ?? null,
            },
            finish_reason: c.finish_reason ?? null,
        })),
        usage: usage(b.usage),
    };
}
/** Throws the upstream's in-band error, if this event is one. */
function throwIfStreamError(data, who) {
    // Checked per chunk: only a chunk that has an `error` member is worth a schema parse.
    if (data === null || typeof data !== 'object' || !('error' in data))
        return;
    const e = streamErrorSchema.safeParse(data);
    if (!e.success)
        return;
    const err = e.data.error;
    const message = typeof err === 'string' ? err : (err.message ?? 'stream error');
    throw new errors/* GatewayError */.Fe('upstream', `${who} reported an error mid-stream: ${message}`, { provider: who });
}
function readChatChunk(data, who, fallbackModel) {
    throwIfStreamError(data, who);
    const b = parseOr502(chatChunkSchema, data, who, 'stream chunk');
    const chunk = {
        id: b.id ?? '',
        object: 'chat.completion.chunk',
        created: b.created ?? nowSeconds(),
        model: b.model ?? fallbackModel,
        choices: (b.choices ?? []).map((c, i) => {
            const d = c.delta ?? {};
            return {
                index: c.index ?? i,
                delta: {
                    ...(d.role === 'assistant' ? { role: 'assistant' } : {}),
                    ...(d.content != null ? { content: d.content } : {}),
                    ...(d.tool_calls?.length
                        ? {
                            tool_calls: d.tool_calls.map((t, j) => ({
                                index: t.index ?? j,
                                ...(t.id ? { id: t.id, type: 'function' } : {}),
                                function: { ...(t.function?.name ? { name: t.function.name } : {}), ...(t.function?.arguments != null ? { arguments: t.function.arguments } : {}) },
                            })),
                        }
                        : {}),
                },
                finish_reason: c.finish_reason ?? null,
            };
        }),
    };
    if (b.usage)
        chunk.usage = usage(b.usage);
    return chunk;
}
function readCompletion(body, who, fallbackModel) {
    const b = parseOr502(completionSchema, body, who, 'completion');
    return {
        id: b.id ?? `cmpl-${nowSeconds()}`,
        object: 'text_completion',
        created: b.created ?? nowSeconds(),
        model: b.model ?? fallbackModel,
        choices: (b.choices ?? []).map((c, i) => ({ index: c.index ?? i, text: c.text ?? '', finish_reason: c.finish_reason ?? null })),
        usage: usage(b.usage),
    };
}
function readCompletionChunk(data, who, fallbackModel) {
    throwIfStreamError(data, who);
    const b = parseOr502(completionSchema, data, who, 'stream chunk');
    const chunk = {
        id: b.id ?? '',
        object: 'text_completion_chunk',
        created: b.created ?? nowSeconds(),
        model: b.model ?? fallbackModel,
        choices: (b.choices ?? []).map((c, i) => ({ index: c.index ?? i, text: c.text ?? '', finish_reason: c.finish_reason ?? null })),
    };
    if (b.usage)
        chunk.usage = usage(b.usage);
    return chunk;
}

;// CONCATENATED MODULE: ./build/src/gateway/providers/provider.js
/** Builds a Provider from its module, so custom modules type-check without importing zod types. */
function defineProvider(module) {
    return module;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./build/src/gateway/providers/shared.js
/**
 * Pieces every provider needs: ids and timestamps in OpenAI's style, completions served through a
 * chat API (most vendors dropped text completions; MLflow does the same), a one-chunk stream for
 * upstreams that cannot stream, and embeddings encoded as the caller asked (the OpenAI SDK asks
 * for base64 by default).
 */


function newId(prefix) {
    return `${prefix}-${(0,external_node_crypto_.randomBytes)(12).toString('hex')}`;
}
function shared_nowSeconds() {
    return Math.floor(Date.now() / 1000);
}
function usageOf(prompt, completion) {
    const p = prompt ?? null;
    const c = completion ?? null;
    return { prompt_tokens: p, completion_tokens: c, total_tokens: p === null && c === null ? null : (p ?? 0) + (c ?? 0) };
}
/** The text of a message's content, whether a string or a list of parts. */
function contentText(content) {
    if (content === undefined || content === null)
        return '';
    if (typeof content === 'string')
        return content;
    return content.map((p) => (p.type === 'text' ? p.text : '')).join('');
}
/** Sampling fields of a completions request, as a chat request with the prompt as the user turn. */
function chatRequestFromCompletions(request) {
    const { prompt, ...rest } = request;
    return { ...rest, messages: [{ role: 'user', content: prompt }] };
}
function completionsFromChat(response) {
    return {
        id: response.id,
        object: 'text_completion',
        created: response.created,
        model: response.model,
        choices: response.choices.map((c) => ({ index: c.index, text: c.message.content ?? '', finish_reason: c.finish_reason })),
        usage: response.usage,
    };
}
function completionsChunkFromChat(chunk) {
    return {
        id: chunk.id,
        object: 'text_completion_chunk',
        created: chunk.created,
        model: chunk.model,
        choices: chunk.choices.map((c) => ({ index: c.index, text: c.delta.content ?? '', finish_reason: c.finish_reason })),
        ...(chunk.usage ? { usage: chunk.usage } : {}),
    };
}
/** `completions` for a provider whose vendor only has a chat API. */
function completionsViaChat(chat) {
    return async (request, call) => completionsFromChat(await chat(chatRequestFromCompletions(request), call));
}
function completionsStreamViaChat(chatStream) {
    return async function* (request, call) {
        for await (const chunk of chatStream(chatRequestFromCompletions(request), call))
            yield completionsChunkFromChat(chunk);
    };
}
/** A whole response as a stream: role + content (+ tool calls), then finish reason and usage. */
function chunksFromChatResponse(response) {
    const base = { id: response.id, object: 'chat.completion.chunk', created: response.created, model: response.model };
    const chunks = response.choices.map((c) => ({
        ...base,
        choices: [
            {
                index: c.index,
                delta: {
                    role: 'assistant',
                    content: c.message.content ?? '',
                    ...(c.message.tool_calls?.length
                        ? { tool_calls: c.message.tool_calls.map((t, i) => ({ index: i, id: t.id, type: 'function', function: { name: t.function.name, arguments: t.function.arguments } })) }
                        : {}),
                },
                finish_reason: null,
            },
        ],
    }));
    chunks.push({
        ...base,
        choices: response.choices.map((c) => ({ index: c.index, delta: {}, finish_reason: c.finish_reason ?? 'stop' })),
        usage: response.usage,
    });
    return chunks;
}
/** `chatStream` for an upstream that cannot stream: one call, replayed as chunks. */
function chatStreamViaChat(chat) {
    return async function* (request, call) {
        yield* chunksFromChatResponse(await chat({ ...request, stream: false }, call));
    };
}
/** Float vectors as the caller asked: JSON numbers, or base64 of little-endian float32 (OpenAI's). */
function encodeEmbedding(vector, format) {
    if (format !== 'base64')
        return vector;
    const buf = Buffer.alloc(vector.length * 4);
    vector.forEach((v, i) => buf.writeFloatLE(v, i * 4));
    return buf.toString('base64');
}
function embeddingsResponse(vectors, request, model, promptTokens) {
    return {
        object: 'list',
        data: vectors.map((v, index) => ({ object: 'embedding', embedding: encodeEmbedding(v, request.encoding_format), index })),
        model,
        usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
    };
}
/** Embeddings inputs as text; token-id inputs are OpenAI-only and rejected elsewhere with the reason. */
function embeddingTexts(request, provider) {
    const input = request.input;
    if (typeof input === 'string')
        return [input];
    if (input.every((x) => typeof x === 'string'))
        return input;
    throw new errors/* GatewayError */.Fe('invalid_request', `Provider ${provider} embeds text only; this request sent token ids. Send strings in "input".`);
}
/** The error for an operation a provider's vendor does not offer. */
function unsupported(provider, what) {
    return new errors/* GatewayError */.Fe('invalid_request', `Provider ${provider} does not support ${what}. Point this endpoint at a provider that does.`);
}
/**
 * One server-sent event's JSON. The message quotes the event whole: it is masked and shortened
 * later, where every error is, so a cut here cannot leave half a key behind.
 */
function parseEventJson(data, provider) {
    try {
        return JSON.parse(data);
    }
    catch {
        throw new errors/* GatewayError */.Fe('upstream', `${provider} sent a stream event that is not JSON: ${data}`, { provider });
    }
}

;// CONCATENATED MODULE: ./build/src/gateway/providers/openai.js
/**
 * Every provider that speaks OpenAI's API: OpenAI itself, Azure OpenAI (deployment URLs,
 * `api-version`, `api-key` or Entra ID bearer tokens), Mistral, and the OpenAI-compatible hosts
 * MLflow knows by name (Groq, DeepSeek, xAI, OpenRouter, Together AI, Ollama) plus a generic
 * `openai-compatible` one for vLLM, LM Studio and the like. They differ only in URL, auth header,
 * and which operations the host offers, so one implementation takes those as data.
 */





/** Request bodies without undefined members, and with the endpoint's model in place of the caller's. */
function body(request, model, extra = {}) {
    const out = {};
    for (const [k, v] of Object.entries(request))
        if (v !== undefined)
            out[k] = v;
    return { ...out, model, ...extra };
}
/** Hop-by-hop and length headers cannot be forwarded from a re-framed body. */
const FORWARDED_HEADERS = ['content-type', 'x-request-id', 'openai-processing-ms', 'retry-after'];
class OpenAIFamilyProvider {
    name;
    model;
    f;
    constructor(flavour) {
        this.f = flavour;
        this.name = flavour.name;
        this.model = flavour.model;
        if (!flavour.nativeCompletions) {
            this.completions = completionsViaChat((r, c) => this.chat(r, c));
            this.completionsStream = completionsStreamViaChat((r, c) => this.chatStream(r, c));
        }
    }
    post(operation, payload, call) {
        const body = this.f.adapt ? this.f.adapt(payload) : payload;
        return this.f.upstream.json(this.name, { url: this.f.url(operation), headers: this.f.headers, body, signal: call.signal, timeoutMs: call.timeoutMs });
    }
    events(operation, payload, call) {
        const body = this.f.adapt ? this.f.adapt(payload) : payload;
        return this.f.upstream.sse(this.name, { url: this.f.url(operation), headers: this.f.headers, body, signal: call.signal, timeoutMs: call.timeoutMs });
    }
    streamBody(request) {
        return body(request, this.model, { stream: true, ...(this.f.streamOptions ? { stream_options: { include_usage: true } } : { stream_options: undefined }) });
    }
    async chat(request, call) {
        const { body: answer } = await this.post('chat/completions', body(request, this.model, { stream: false }), call);
        return readChatCompletion(answer, this.name, this.model);
    }
    async *chatStream(request, call) {
        for await (const e of this.events('chat/completions', this.streamBody(request), call)) {
            if (e.data === '[DONE]')
                return;
            yield readChatChunk(parseEventJson(e.data, this.name), this.name, this.model);
        }
    }
    async completions(request, call) {
        const { body: answer } = await this.post('completions', body(request, this.model, { stream: false }), call);
        return readCompletion(answer, this.name, this.model);
    }
    async *completionsStream(request, call) {
        for await (const e of this.events('completions', this.streamBody(request), call)) {
            if (e.data === '[DONE]')
                return;
            yield readCompletionChunk(parseEventJson(e.data, this.name), this.name, this.model);
        }
    }
    async embeddings(request, call) {
        const { body: answer } = await this.post('embeddings', body(request, this.model), call);
        const parsed = embeddingsBodySchema.safeParse(answer);
        if (!parsed.success)
            throw new errors/* GatewayError */.Fe('upstream', `${this.name} answered an embeddings body the gateway cannot read.`, { provider: this.name });
        const b = parsed.data;
        // Hosts that ignore `encoding_format` answer floats; re-encode so the caller gets what it asked for.
        const vectors = b.data.map((d) => d.embedding);
        if (vectors.every((v) => Array.isArray(v))) {
            return embeddingsResponse(vectors, request, b.model ?? this.model, b.usage?.prompt_tokens ?? null);
        }
        return {
            object: 'list',
            data: b.data.map((d, i) => ({ object: 'embedding', embedding: d.embedding, index: d.index ?? i })),
            model: b.model ?? this.model,
            usage: { prompt_tokens: b.usage?.prompt_tokens ?? null, total_tokens: b.usage?.total_tokens ?? null },
        };
    }
    accepts(request) {
        return request.vendor === 'openai' && this.f.passthrough.has(request.operation);
    }
    async passthrough(request, call) {
        const operation = request.operation;
        if (!this.accepts(request))
            return undefined;
        const res = await this.f.upstream.send(this.name, {
            url: this.f.url(operation),
            headers: this.f.headers,
            body: { ...request.body, model: this.model },
            signal: call.signal,
            timeoutMs: call.timeoutMs,
        });
        const headers = {};
        for (const h of FORWARDED_HEADERS)
            if (res.headers[h] !== undefined)
                headers[h] = res.headers[h];
        return { status: res.status, headers, body: res.body };
    }
}
function trimBase(base) {
    return base.replace(/\/+$/, '');
}
const ALL_TYPES = ['llm/v1/chat', 'llm/v1/completions', 'llm/v1/embeddings'];
const CHAT_TYPES = ['llm/v1/chat', 'llm/v1/completions'];
const ALL_OPERATIONS = new Set(['chat/completions', 'completions', 'embeddings', 'responses']);
// ---- OpenAI and Azure OpenAI (MLflow's OpenAIConfig) ----
const API_TYPES = ['openai', 'azure', 'azuread'];
function openaiConfigSchema(defaultType) {
    return schemas.strictObject({
        openai_api_key: schemas.string().min(1),
        openai_api_type: schemas["enum"](API_TYPES).default(defaultType),
        openai_api_base: schemas.url().optional(),
        openai_api_version: schemas.string().optional(),
        openai_deployment_name: schemas.string().optional(),
        openai_organization: schemas.string().optional(),
    })
        .superRefine((c, ctx) => {
        if (c.openai_api_type === 'openai')
            return;
        for (const key of ['openai_api_base', 'openai_api_version', 'openai_deployment_name']) {
            if (c[key] === undefined)
                ctx.addIssue({ code: 'custom', path: [key], message: `is required when openai_api_type is ${c.openai_api_type}` });
        }
        if (c.openai_organization !== undefined) {
            ctx.addIssue({ code: 'custom', path: ['openai_organization'], message: `is not allowed when openai_api_type is ${c.openai_api_type}` });
        }
    });
}
function createOpenAI(model, c, upstream) {
    if (c.openai_api_type === 'openai') {
        const base = trimBase(c.openai_api_base ?? 'https://api.openai.com/v1');
        return new OpenAIFamilyProvider({
            name: 'openai',
            model,
            url: (op) => `${base}/${op}`,
            headers: { authorization: `Bearer ${c.openai_api_key}`, ...(c.openai_organization ? { 'openai-organization': c.openai_organization } : {}) },
            nativeCompletions: true,
            streamOptions: true,
            passthrough: ALL_OPERATIONS,
            upstream,
        });
    }
    // Azure names the deployment in the path; `model` in the body is ignored there.
    const base = trimBase(c.openai_api_base);
    const deployment = encodeURIComponent(c.openai_deployment_name);
    const version = encodeURIComponent(c.openai_api_version);
    return new OpenAIFamilyProvider({
        name: c.openai_api_type,
        model,
        url: (op) => `${base}/openai/deployments/${deployment}/${op}?api-version=${version}`,
        headers: c.openai_api_type === 'azure' ? { 'api-key': c.openai_api_key } : { authorization: `Bearer ${c.openai_api_key}` },
        nativeCompletions: true,
        streamOptions: true,
        passthrough: new Set(['chat/completions', 'completions', 'embeddings']),
        upstream,
    });
}
const openaiProvider = defineProvider({
    name: 'openai',
    configSchema: openaiConfigSchema('openai'),
    endpointTypes: ALL_TYPES,
    create: ({ model, config, upstream }) => createOpenAI(model, config, upstream),
});
const azureProvider = defineProvider({
    name: 'azure',
    configSchema: openaiConfigSchema('azure'),
    endpointTypes: ALL_TYPES,
    create: ({ model, config, upstream }) => createOpenAI(model, config, upstream),
});
const azureadProvider = defineProvider({
    name: 'azuread',
    configSchema: openaiConfigSchema('azuread'),
    endpointTypes: ALL_TYPES,
    create: ({ model, config, upstream }) => createOpenAI(model, config, upstream),
});
// ---- Mistral (its own key names; no legacy completions, no stream_options) ----
const mistralProvider = defineProvider({
    name: 'mistral',
    configSchema: schemas.strictObject({ mistral_api_key: schemas.string().min(1), mistral_api_base: schemas.url().default('https://api.mistral.ai/v1') }),
    endpointTypes: ALL_TYPES,
    create: ({ model, config, upstream }) => {
        const base = trimBase(config.mistral_api_base);
        return new OpenAIFamilyProvider({
            name: 'mistral',
            model,
            url: (op) => `${base}/${op}`,
            headers: { authorization: `Bearer ${config.mistral_api_key}` },
            nativeCompletions: false,
            streamOptions: false,
            passthrough: new Set(['chat/completions', 'embeddings']),
            adapt: adaptForMistral,
            upstream,
        });
    },
});
/**
 * Mistral's request schema is closed: OpenAI-only fields get a 422. `seed` is `random_seed` there,
 * `max_completion_tokens` is `max_tokens`; fields Mistral has no equivalent for are dropped.
 */
function adaptForMistral(body) {
    const { seed, max_completion_tokens, user: _user, top_k: _topK, stream_options: _so, ...rest } = body;
    return {
        ...rest,
        ...(seed !== undefined ? { random_seed: seed } : {}),
        ...(rest.max_tokens === undefined && max_completion_tokens !== undefined ? { max_tokens: max_completion_tokens } : {}),
    };
}
const COMPATIBLE_HOSTS = [
    { name: 'groq', defaultBase: 'https://api.groq.com/openai/v1', endpointTypes: CHAT_TYPES, nativeCompletions: false },
    { name: 'deepseek', defaultBase: 'https://api.deepseek.com/v1', endpointTypes: CHAT_TYPES, nativeCompletions: false },
    { name: 'xai', defaultBase: 'https://api.x.ai/v1', endpointTypes: CHAT_TYPES, nativeCompletions: false },
    { name: 'openrouter', defaultBase: 'https://openrouter.ai/api/v1', endpointTypes: ALL_TYPES, nativeCompletions: true },
    { name: 'togetherai', defaultBase: 'https://api.together.xyz/v1', endpointTypes: ALL_TYPES, nativeCompletions: true },
    { name: 'ollama', defaultBase: 'http://localhost:11434/v1', defaultKey: 'ollama', endpointTypes: ALL_TYPES, nativeCompletions: true },
    // The generic one has no default host: its base URL is the point of it.
    { name: 'openai-compatible', defaultKey: '', endpointTypes: ALL_TYPES, nativeCompletions: true },
];
function compatibleModule(host) {
    // Both MLflow's generic keys and the `<provider>_api_*` spelling are accepted; the prefixed
    // key uses `_` (e.g. `openai_compatible_api_base`) as YAML keys do.
    const prefix = host.name.replaceAll('-', '_');
    const keyKey = `${prefix}_api_key`;
    const baseKey = `${prefix}_api_base`;
    const schema = schemas.strictObject({
        api_key: schemas.string().optional(),
        api_base: schemas.url().optional(),
        [keyKey]: schemas.string().optional(),
        [baseKey]: schemas.url().optional(),
    })
        .superRefine((c, ctx) => {
        const key = c.api_key ?? c[keyKey] ?? host.defaultKey;
        if (key === undefined || (key === '' && host.defaultKey === undefined)) {
            ctx.addIssue({ code: 'custom', path: ['api_key'], message: `is required for ${host.name} (or ${keyKey})` });
        }
        if ((c.api_base ?? c[baseKey] ?? host.defaultBase) === undefined) {
            ctx.addIssue({ code: 'custom', path: ['api_base'], message: `is required for ${host.name}: the server's OpenAI-compatible base URL, e.g. http://localhost:8000/v1 (or ${baseKey})` });
        }
    });
    return defineProvider({
        name: host.name,
        aliases: host.name === 'openai-compatible' ? ['openai-compat', 'vllm', 'lmstudio'] : [],
        configSchema: schema,
        endpointTypes: host.endpointTypes,
        create: ({ model, config, upstream }) => {
            const key = config.api_key ?? config[keyKey] ?? host.defaultKey ?? '';
            const base = trimBase((config.api_base ?? config[baseKey] ?? host.defaultBase));
            return new OpenAIFamilyProvider({
                name: host.name,
                model,
                url: (op) => `${base}/${op}`,
                headers: key === '' ? {} : { authorization: `Bearer ${key}` },
                nativeCompletions: host.nativeCompletions,
                streamOptions: true,
                passthrough: new Set(host.nativeCompletions ? ['chat/completions', 'completions', 'embeddings'] : ['chat/completions']),
                upstream,
            });
        },
    });
}
const openaiCompatibleProviders = COMPATIBLE_HOSTS.map(compatibleModule);

// EXTERNAL MODULE: ./build/src/gateway/vendors/anthropic.js
var anthropic = __webpack_require__(9916);
;// CONCATENATED MODULE: ./build/src/gateway/providers/anthropic.js
/**
 * Anthropic's Messages API as a gateway provider: unified chat requests become `POST /v1/messages`
 * calls, and Anthropic's `message` objects and SSE events become unified responses and chunks.
 * Text completions go through chat (Anthropic retired its completions API); embeddings are not
 * offered (Anthropic has none), so an embeddings endpoint on this provider fails at start-up.
 *
 * Choices where the two APIs differ, so nobody is surprised:
 * - System and developer messages, wherever they sit, become the top-level `system` (one text
 *   block each, in order); Anthropic has no mid-conversation system turn in its stable API.
 * - `max_tokens` is required by Anthropic: `max_tokens ?? max_completion_tokens ?? 4096`.
 * - `temperature` is 0..1 at Anthropic and 0..2 in the unified schema. A value above 1 is refused
 *   rather than scaled or clamped, so a caller never gets different sampling than they asked for.
 * - `n > 1` is refused (Anthropic returns one message per call).
 * - `response_format: json_schema` becomes Anthropic's native structured output
 *   (`output_config.format`), so the schema is enforced by the model API, not hinted at.
 *   `json_object` (JSON without a schema) has no Anthropic equivalent and is refused with a
 *   pointer to `json_schema`, instead of being weakened to a prompt hint that may not hold.
 * - `presence_penalty`, `frequency_penalty`, `seed` and `logprobs` have no Anthropic equivalent
 *   and are not sent.
 */





const NAME = 'anthropic';
/** Used when the caller names no token limit; Anthropic requires one. */
const DEFAULT_MAX_TOKENS = 4096;
const configSchema = schemas.strictObject({
    anthropic_api_key: schemas.string().min(1),
    anthropic_version: schemas.string().min(1).default('2023-06-01'),
    anthropic_api_base: schemas.url({ protocol: /^https?$/ }).default('https://api.anthropic.com'),
});
/** `${base}/v1/messages`, whether the base was given with or without a trailing `/` or `/v1`. */
function messagesUrl(base) {
    const trimmed = base.replace(/\/+$/, '').replace(/\/v1$/, '');
    return `${trimmed}/v1/messages`;
}
const IMAGE_MEDIA_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);
function imageBlock(url, where) {
    if (url.startsWith('data:')) {
        const m = /^data:([^;,]+);base64,(.*)$/s.exec(url);
        if (!m)
            throw (0,errors/* invalidRequest */.xk)(`${where}: Anthropic takes data: image URLs only in base64 form (data:<media type>;base64,<data>).`);
        const mediaType = m[1].toLowerCase();
        if (!IMAGE_MEDIA_TYPES.has(mediaType)) {
            throw (0,errors/* invalidRequest */.xk)(`${where}: Anthropic accepts images of type ${[...IMAGE_MEDIA_TYPES].join(', ')}; this one is ${mediaType}.`);
        }
        return { type: 'image', source: { type: 'base64', media_type: mediaType, data: m[2] } };
    }
    if (/^https?:\/\//i.test(url))
        return { type: 'image', source: { type: 'url', url } };
    throw (0,errors/* invalidRequest */.xk)(`${where}: image URLs must be http(s) or base64 data: URLs.`);
}
function contentBlocks(content, where) {
    if (content === undefined || content === null)
        return [];
    if (typeof content === 'string')
        return content === '' ? [] : [{ type: 'text', text: content }];
    return content.flatMap((part, i) => {
        if (part.type === 'text')
            return part.text === '' ? [] : [{ type: 'text', text: part.text }];
        if (part.type === 'image_url')
            return [imageBlock(part.image_url.url, `${where}.content[${i}]`)];
        throw (0,errors/* invalidRequest */.xk)(`${where}.content[${i}]: Anthropic does not accept audio input; send text or images.`);
    });
}
function toolUseBlock(call, where) {
    let input;
    try {
        input = call.function.arguments.trim() === '' ? {} : JSON.parse(call.function.arguments);
    }
    catch {
        throw (0,errors/* invalidRequest */.xk)(`${where}: the arguments of tool call ${call.id} (${call.function.name}) are not valid JSON; send them as a JSON object string.`);
    }
    if (input === null || typeof input !== 'object' || Array.isArray(input)) {
        throw (0,errors/* invalidRequest */.xk)(`${where}: the arguments of tool call ${call.id} (${call.function.name}) must be a JSON object; Anthropic takes tool input as an object.`);
    }
    return { type: 'tool_use', id: call.id, name: call.function.name, input };
}
function toolResultBlock(message, where) {
    if (!message.tool_call_id)
        throw (0,errors/* invalidRequest */.xk)(`${where}: a tool message needs "tool_call_id", the id of the tool call it answers.`);
    const content = contentBlocks(message.content, where);
    return { type: 'tool_result', tool_use_id: message.tool_call_id, ...(content.length > 0 ? { content } : {}) };
}
/** Anthropic wants a user turn's tool results before anything else in it. */
function resultsFirst(blocks) {
    return [...blocks.filter((b) => b.type === 'tool_result'), ...blocks.filter((b) => b.type !== 'tool_result')];
}
/** Anthropic's `system` and alternating turns from unified messages. */
function anthropicMessages(messages) {
    const system = [];
    const turns = [];
    const push = (role, blocks) => {
        if (blocks.length === 0)
            return;
        const last = turns.at(-1);
        // Anthropic rejects two turns of the same role in a row; OpenAI-style histories have them
        // (a tool message per call, then a user message), so they merge into one turn.
        if (last && last.role === role)
            last.content.push(...blocks);
        else
            turns.push({ role, content: blocks });
    };
    messages.forEach((m, i) => {
        const where = `messages[${i}]`;
        switch (m.role) {
            case 'system':
            case 'developer': {
                const text = contentText(m.content);
                if (text !== '')
                    system.push({ type: 'text', text });
                break;
            }
            case 'user':
                push('user', contentBlocks(m.content, where));
                break;
            case 'tool':
                push('user', [toolResultBlock(m, where)]);
                break;
            case 'assistant': {
                const blocks = contentBlocks(m.content, where);
                if (blocks.length === 0 && m.refusal)
                    blocks.push({ type: 'text', text: m.refusal });
                for (const call of m.tool_calls ?? [])
                    blocks.push(toolUseBlock(call, where));
                push('assistant', blocks);
                break;
            }
        }
    });
    for (const t of turns)
        if (t.role === 'user')
            t.content = resultsFirst(t.content);
    if (turns.length === 0)
        throw (0,errors/* invalidRequest */.xk)('Anthropic needs at least one user or assistant message besides system messages.');
    return { system, turns };
}
function toolChoice(request) {
    const disableParallel = request.parallel_tool_calls === false ? { disable_parallel_tool_use: true } : {};
    const choice = request.tool_choice;
    if (choice === undefined)
        return request.parallel_tool_calls === false && request.tools?.length ? { type: 'auto', ...disableParallel } : undefined;
    if (choice === 'none')
        return { type: 'none' };
    if (choice === 'auto')
        return { type: 'auto', ...disableParallel };
    if (choice === 'required')
        return { type: 'any', ...disableParallel };
    return { type: 'tool', name: choice.function.name, ...disableParallel };
}
function outputConfig(request) {
    const format = request.response_format;
    if (!format || format.type === 'text')
        return undefined;
    if (format.type === 'json_object') {
        throw (0,errors/* invalidRequest */.xk)('Anthropic has no JSON mode without a schema (response_format "json_object"). Send response_format {"type": "json_schema", "json_schema": {"schema": {...}}} instead.');
    }
    const schema = format.json_schema?.schema;
    if (!schema)
        throw (0,errors/* invalidRequest */.xk)('response_format "json_schema" needs json_schema.schema, the JSON Schema the answer must follow.');
    return { format: { type: 'json_schema', schema } };
}
/** The Messages API body for a unified chat request. */
function toAnthropicRequest(request, model, stream) {
    if (request.n !== undefined && request.n > 1) {
        throw (0,errors/* invalidRequest */.xk)(`Anthropic returns one answer per request; "n" must be 1 (got ${request.n}). Send ${request.n} requests instead.`);
    }
    if (request.temperature !== undefined && request.temperature > 1) {
        throw (0,errors/* invalidRequest */.xk)(`Anthropic takes "temperature" between 0 and 1 (got ${request.temperature}). Send a value in that range.`);
    }
    const { system, turns } = anthropicMessages(request.messages);
    const choice = toolChoice(request);
    const output = outputConfig(request);
    return {
        model,
        max_tokens: request.max_tokens ?? request.max_completion_tokens ?? DEFAULT_MAX_TOKENS,
        messages: turns,
        ...(system.length > 0 ? { system } : {}),
        ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
        ...(request.top_p !== undefined ? { top_p: request.top_p } : {}),
        ...(request.top_k !== undefined ? { top_k: request.top_k } : {}),
        ...(request.stop?.length ? { stop_sequences: request.stop } : {}),
        ...(request.tools?.length
            ? {
                tools: request.tools.map((t) => ({
                    name: t.function.name,
                    ...(t.function.description !== undefined ? { description: t.function.description } : {}),
                    // Anthropic requires an object schema even for a tool without parameters.
                    input_schema: t.function.parameters ?? { type: 'object', properties: {} },
                    ...(typeof t.function.strict === 'boolean' ? { strict: t.function.strict } : {}),
                })),
            }
            : {}),
        ...(choice ? { tool_choice: choice } : {}),
        ...(output ? { output_config: output } : {}),
        ...(request.user !== undefined ? { metadata: { user_id: request.user } } : {}),
        ...(stream ? { stream: true } : {}),
    };
}
// ---------------------------------------------------------------------------------------------
// Anthropic → unified
// ---------------------------------------------------------------------------------------------
function finishReason(stopReason) {
    switch (stopReason) {
        case null:
        case undefined:
            return null;
        case 'max_tokens':
        case 'model_context_window_exceeded':
            return 'length';
        case 'tool_use':
            return 'tool_calls';
        case 'refusal':
            return 'content_filter';
        default:
            // end_turn, stop_sequence, pause_turn and any newer reason: the model stopped on its own.
            return 'stop';
    }
}
/** Anthropic counts cached prompt tokens apart from `input_tokens`; the unified prompt count is all of them. */
function promptTokens(u) {
    if (u.input_tokens == null && u.cache_creation_input_tokens == null && u.cache_read_input_tokens == null)
        return null;
    return (u.input_tokens ?? 0) + (u.cache_creation_input_tokens ?? 0) + (u.cache_read_input_tokens ?? 0);
}
function fromAnthropicMessage(message) {
    let text = '';
    const toolCalls = [];
    for (const block of message.content) {
        if ((0,anthropic/* isTextBlock */.zS)(block))
            text += block.text;
        else if ((0,anthropic/* isToolUseBlock */.df)(block)) {
            toolCalls.push({ id: block.id, type: 'function', function: { name: block.name, arguments: JSON.stringify(block.input ?? {}) } });
        }
    }
    return {
        id: message.id,
        object: 'chat.completion',
        created: shared_nowSeconds(),
        model: message.model,
        choices: [
            {
                index: 0,
                message: { role: 'assistant', content: text === '' && toolCalls.length > 0 ? null : text, ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}) },
                finish_reason: finishReason(message.stop_reason),
            },
        ],
        usage: usageOf(promptTokens(message.usage), message.usage.output_tokens),
    };
}
/** The GatewayError for an in-stream `error` event, with the status Anthropic uses for its type. */
function streamError(type, message) {
    const status = anthropic/* ERROR_TYPE_STATUS */.J8[type] ?? 500;
    return new errors/* GatewayError */.Fe((0,errors/* kindForStatus */.Av)(status), `${NAME} stream failed (${type}): ${message}`, { status, provider: NAME });
}
function badUpstream(what, detail) {
    // Quoted whole: masking and shortening happen later, for every error alike.
    return new errors/* GatewayError */.Fe('upstream', `${NAME} sent ${what} the gateway cannot read: ${detail}`, { provider: NAME });
}
/** Unified chunks from Anthropic's stream events: role first, then text and tool-call deltas, then finish + usage. */
async function* chunksFromAnthropicEvents(events) {
    let id = '';
    let model = '';
    const created = shared_nowSeconds();
    let usage = {};
    let stopReason;
    // Anthropic block index → tool-call ordinal, and whether that call has sent argument text yet.
    const tools = new Map();
    let started = false;
    const chunk = (delta, finish = null) => ({
        id,
        object: 'chat.completion.chunk',
        created,
        model,
        choices: [{ index: 0, delta, finish_reason: finish }],
    });
    const toolDelta = (d) => chunk({ tool_calls: [d] });
    for await (const sse of events) {
        const raw = parseEventJson(sse.data, NAME);
        const type = raw?.type;
        // Anthropic documents that new event types may appear; they are skipped, not fatal.
        if (typeof type !== 'string' || !anthropic/* STREAM_EVENT_TYPES */.wf.has(type))
            continue;
        const parsed = anthropic/* streamEventSchema */.wx.safeParse(raw);
        if (!parsed.success)
            throw badUpstream(`a ${type} event`, sse.data);
        const e = parsed.data;
        switch (e.type) {
            case 'ping':
                break;
            case 'error':
                throw streamError(e.error.type, e.error.message);
            case 'message_start':
                id = e.message.id;
                model = e.message.model;
                usage = { ...e.message.usage };
                started = true;
                yield chunk({ role: 'assistant', content: '' });
                break;
            case 'content_block_start': {
                const block = e.content_block;
                if ((0,anthropic/* isTextBlock */.zS)(block)) {
                    if (block.text !== '')
                        yield chunk({ content: block.text });
                }
                else if ((0,anthropic/* isToolUseBlock */.df)(block)) {
                    const ordinal = tools.size;
                    tools.set(e.index, { ordinal, sentArgs: false });
                    yield toolDelta({ index: ordinal, id: block.id, type: 'function', function: { name: block.name, arguments: '' } });
                }
                break;
            }
            case 'content_block_delta': {
                const d = e.delta;
                if ((0,anthropic/* isTextDelta */.U3)(d)) {
                    if (d.text !== '')
                        yield chunk({ content: d.text });
                }
                else if ((0,anthropic/* isInputJsonDelta */.jL)(d)) {
                    const tool = tools.get(e.index);
                    if (tool && d.partial_json !== '') {
                        tool.sentArgs = true;
                        yield toolDelta({ index: tool.ordinal, function: { arguments: d.partial_json } });
                    }
                }
                break;
            }
            case 'content_block_stop': {
                const tool = tools.get(e.index);
                // A call without parameters streams no JSON at all; callers expect an argument string.
                if (tool && !tool.sentArgs) {
                    tool.sentArgs = true;
                    yield toolDelta({ index: tool.ordinal, function: { arguments: '{}' } });
                }
                break;
            }
            case 'message_delta':
                stopReason = e.delta.stop_reason ?? stopReason;
                // Delta usage counters are whole-message totals; present ones replace the start's.
                for (const [k, v] of Object.entries(e.usage ?? {}))
                    if (v !== null && v !== undefined)
                        usage[k] = v;
                break;
            case 'message_stop':
                if (!started)
                    throw badUpstream('message_stop before message_start', sse.data);
                yield { ...chunk({}, finishReason(stopReason) ?? 'stop'), usage: usageOf(promptTokens(usage), usage.output_tokens) };
                return;
        }
    }
    throw new errors/* GatewayError */.Fe('upstream', `${NAME}'s stream ended before message_stop; the answer is incomplete. Retry the request.`, { provider: NAME });
}
// ---------------------------------------------------------------------------------------------
// Passthrough
// ---------------------------------------------------------------------------------------------
/** Headers that describe one hop or an encoding of the body we re-frame, plus upstream cookies. */
const DROPPED_RESPONSE_HEADERS = new Set([
    'connection',
    'keep-alive',
    'proxy-authenticate',
    'proxy-authorization',
    'proxy-connection',
    'te',
    'trailer',
    'transfer-encoding',
    'upgrade',
    'content-length',
    'content-encoding',
    'set-cookie',
]);
function passthroughHeaders(headers) {
    const out = {};
    for (const [k, v] of Object.entries(headers))
        if (!DROPPED_RESPONSE_HEADERS.has(k.toLowerCase()))
            out[k] = v;
    return out;
}
// ---------------------------------------------------------------------------------------------
// The provider
// ---------------------------------------------------------------------------------------------
const anthropicProvider = defineProvider({
    name: NAME,
    configSchema,
    endpointTypes: ['llm/v1/chat', 'llm/v1/completions'],
    create({ model, config, upstream }) {
        const url = messagesUrl(config.anthropic_api_base);
        const headers = { 'x-api-key': config.anthropic_api_key, 'anthropic-version': config.anthropic_version };
        const call = (body, c) => ({ url, headers, body, signal: c.signal, ...(c.timeoutMs !== undefined ? { timeoutMs: c.timeoutMs } : {}) });
        const chat = async (request, c) => {
            const res = await upstream.json(NAME, call(toAnthropicRequest(request, model, false), c));
            const parsed = anthropic/* messageSchema */.HQ.safeParse(res.body);
            if (!parsed.success)
                throw badUpstream('a message', JSON.stringify(res.body));
            return fromAnthropicMessage(parsed.data);
        };
        const chatStream = (request, c) => {
            // Translation errors surface on first iteration, like upstream errors do.
            return (async function* () {
                yield* chunksFromAnthropicEvents(upstream.sse(NAME, call(toAnthropicRequest(request, model, true), c)));
            })();
        };
        return {
            name: NAME,
            model,
            chat,
            chatStream,
            completions: completionsViaChat(chat),
            completionsStream: completionsStreamViaChat(chatStream),
            embeddings: async () => {
                throw unsupported(NAME, 'embeddings');
            },
            // The caller names the endpoint; Anthropic must get the endpoint's model.
            passthrough: (request, c) => passthrough(upstream, url, headers, { ...request, body: { ...request.body, model } }, c),
            accepts: (request) => request.vendor === 'anthropic' && request.operation === 'messages',
        };
    },
});
async function passthrough(upstream, url, keyHeaders, request, c) {
    if (request.vendor !== 'anthropic' || request.operation !== 'messages')
        return undefined;
    const res = await upstream.send(NAME, {
        url,
        // Only the endpoint's own key goes upstream; the caller's credentials stay at the gateway.
        // Identity encoding, so the bytes relayed match the headers relayed.
        headers: { ...request.headers, ...keyHeaders, 'accept-encoding': 'identity', ...(request.stream ? { accept: 'text/event-stream' } : {}) },
        rawBody: JSON.stringify(request.body),
        signal: c.signal,
        ...(c.timeoutMs !== undefined ? { timeoutMs: c.timeoutMs } : {}),
    });
    return { status: res.status, headers: passthroughHeaders(res.headers), body: res.body };
}

// EXTERNAL MODULE: ./build/src/gateway/upstream.js
var upstream = __webpack_require__(81019);
// EXTERNAL MODULE: ./build/src/gateway/vendors/gemini.js
var gemini = __webpack_require__(9437);
;// CONCATENATED MODULE: ./build/src/gateway/providers/gemini.js
/**
 * Google Gemini (Generative Language API, `v1beta`): unified chat → `generateContent` /
 * `streamGenerateContent?alt=sse` and back, embeddings through `batchEmbedContents`, completions
 * through chat, and verbatim passthrough for the Gemini front.
 *
 * The key travels in the `x-goog-api-key` header, never as `?key=`: URLs end up in logs.
 *
 * Choices worth knowing:
 * - Tool parameters go out as `parametersJsonSchema` and `json_schema` response formats as
 *   `responseJsonSchema`. Both take plain JSON Schema, which is what OpenAI-shaped callers send;
 *   the older `parameters` / `responseSchema` take Google's OpenAPI subset and reject common
 *   JSON Schema keywords (`additionalProperties`, `$schema`) with a 400.
 * - Gemini 3 rejects a replayed function call without its `thoughtSignature`. The signature rides
 *   on the unified tool call as `extra_content.google.thought_signature` (the convention of
 *   Google's own OpenAI-compatible endpoint), and a call that lost it gets Google's documented
 *   `skip_thought_signature_validator` sentinel.
 */







const gemini_NAME = 'gemini';
const DEFAULT_GEMINI_API_BASE = 'https://generativelanguage.googleapis.com';
/** Google's sentinel for a function call whose thought signature was lost (documented in "Thought signatures"). */
const SKIP_THOUGHT_SIGNATURE = 'skip_thought_signature_validator';
const gemini_configSchema = schemas.strictObject({
    gemini_api_key: schemas.string().min(1),
    gemini_api_base: schemas.url().default(DEFAULT_GEMINI_API_BASE),
});
/** The API root and version: a base given with its version (`…/v1beta`) keeps it. */
function apiRoot(base) {
    const trimmed = base.replace(/\/+$/, '');
    const m = /^(.*)\/(v1beta|v1alpha|v1)$/.exec(trimmed);
    return m ? { root: m[1] ?? '', version: m[2] ?? 'v1beta' } : { root: trimmed, version: 'v1beta' };
}
/** `models/<name>` for a bare model name; a resource name (`tunedModels/x`) as given. */
function geminiModelResource(model) {
    return model.includes('/') ? model : `models/${model}`;
}
function callId() {
    return `call_${(0,external_node_crypto_.randomBytes)(12).toString('hex')}`;
}
// ---------------------------------------------------------------- unified → Gemini
const IMAGE_MIME_BY_EXT = {
    png: 'image/png',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    webp: 'image/webp',
    gif: 'image/gif',
    heic: 'image/heic',
    heif: 'image/heif',
    pdf: 'application/pdf',
};
function dataUrlPart(url, where) {
    const m = /^data:([^;,]*)((?:;[^;,]*)*),(.*)$/s.exec(url);
    if (!m)
        throw new errors/* GatewayError */.Fe('invalid_request', `${where}: this data: URL is malformed; send data:<mime type>;base64,<data>.`);
    const mimeType = m[1] || 'application/octet-stream';
    const isBase64 = (m[2] ?? '').split(';').includes('base64');
    const data = isBase64 ? (m[3] ?? '') : Buffer.from(decodeURIComponent(m[3] ?? ''), 'utf8').toString('base64');
    return { inlineData: { mimeType, data } };
}
function mediaPart(part, where) {
    if (part.type === 'text')
        return part.text === '' ? undefined : { text: part.text };
    if (part.type === 'input_audio')
        return { inlineData: { mimeType: `audio/${part.input_audio.format}`, data: part.input_audio.data } };
    const url = part.image_url.url;
    if (url.startsWith('data:'))
        return dataUrlPart(url, where);
    // Gemini fetches File API, Cloud Storage and YouTube URIs itself; the gateway never fetches URLs.
    const ext = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(url)?.[1]?.toLowerCase();
    const mimeType = ext ? IMAGE_MIME_BY_EXT[ext] : undefined;
    return { fileData: { ...(mimeType ? { mimeType } : {}), fileUri: url } };
}
function userParts(content, where) {
    if (content === undefined || content === null)
        return [];
    if (typeof content === 'string')
        return content === '' ? [] : [{ text: content }];
    return content.flatMap((p, k) => {
        const part = mediaPart(p, `${where}.content[${k}]`);
        return part ? [part] : [];
    });
}
function parseArguments(text, where) {
    if (text.trim() === '')
        return {};
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        parsed = undefined;
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new errors/* GatewayError */.Fe('invalid_request', `${where}.function.arguments must be a JSON object (Gemini takes function arguments as an object).`);
    }
    return parsed;
}
/** A tool result as Gemini's `response` object: the JSON object it holds, else the text under `content`. */
function toolResponse(text) {
    try {
        const parsed = JSON.parse(text);
        if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed))
            return parsed;
    }
    catch {
        // Not JSON: the text itself is the result.
    }
    return { content: text };
}
function thoughtSignatureOf(call) {
    const extra = call.extra_content;
    const sig = extra?.google?.thought_signature;
    return typeof sig === 'string' && sig !== '' ? sig : undefined;
}
function definedOnly(o) {
    return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
function generationConfig(request) {
    const config = definedOnly({
        temperature: request.temperature,
        topP: request.top_p,
        topK: request.top_k,
        maxOutputTokens: request.max_tokens ?? request.max_completion_tokens,
        stopSequences: request.stop,
        candidateCount: request.n,
        presencePenalty: request.presence_penalty,
        frequencyPenalty: request.frequency_penalty,
        seed: request.seed,
    });
    const format = request.response_format;
    if (format && format.type !== 'text') {
        config.responseMimeType = 'application/json';
        if (format.type === 'json_schema' && format.json_schema?.schema)
            config.responseJsonSchema = format.json_schema.schema;
    }
    return Object.keys(config).length ? config : undefined;
}
function toolConfig(choice) {
    if (choice === undefined)
        return undefined;
    if (choice === 'auto')
        return { functionCallingConfig: { mode: 'AUTO' } };
    if (choice === 'required')
        return { functionCallingConfig: { mode: 'ANY' } };
    if (choice === 'none')
        return { functionCallingConfig: { mode: 'NONE' } };
    return { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: [choice.function.name] } };
}
/** A unified chat request as a Gemini `GenerateContentRequest` body. */
function geminiRequestFromChat(request) {
    const system = [];
    const contents = [];
    const callNames = new Map();
    // Gemini wants turns to alternate; adjacent same-role turns (parallel tool results) become one.
    const push = (role, parts) => {
        if (parts.length === 0)
            return;
        const last = contents.at(-1);
        if (last?.role === role)
            last.parts.push(...parts);
        else
            contents.push({ role, parts });
    };
    request.messages.forEach((m, i) => {
        const where = `messages[${i}]`;
        switch (m.role) {
            case 'system':
            case 'developer': {
                const text = contentText(m.content);
                if (text !== '')
                    system.push({ text });
                return;
            }
            case 'user':
                return push('user', userParts(m.content, where));
            case 'assistant': {
                const text = contentText(m.content);
                const parts = text === '' ? [] : [{ text }];
                (m.tool_calls ?? []).forEach((call, k) => {
                    callNames.set(call.id, call.function.name);
                    const signature = thoughtSignatureOf(call) ?? (k === 0 ? SKIP_THOUGHT_SIGNATURE : undefined);
                    parts.push({
                        functionCall: { id: call.id, name: call.function.name, args: parseArguments(call.function.arguments, `${where}.tool_calls[${k}]`) },
                        ...(signature ? { thoughtSignature: signature } : {}),
                    });
                });
                return push('model', parts);
            }
            case 'tool': {
                const id = m.tool_call_id;
                const name = (id === undefined ? undefined : callNames.get(id)) ?? m.name;
                if (name === undefined) {
                    throw new errors/* GatewayError */.Fe('invalid_request', `${where}: tool_call_id ${JSON.stringify(id ?? null)} matches no tool call of an earlier assistant message; Gemini needs the function's name to take its result. Send the assistant message with that tool call before the tool message.`);
                }
                return push('user', [{ functionResponse: { ...(id ? { id } : {}), name, response: toolResponse(contentText(m.content)) } }]);
            }
        }
    });
    const functions = (request.tools ?? []).map((t) => definedOnly({ name: t.function.name, description: t.function.description, parametersJsonSchema: t.function.parameters }));
    return definedOnly({
        contents,
        systemInstruction: system.length ? { parts: system } : undefined,
        tools: functions.length ? [{ functionDeclarations: functions }] : undefined,
        toolConfig: functions.length ? toolConfig(request.tool_choice) : undefined,
        generationConfig: generationConfig(request),
    });
}
// ---------------------------------------------------------------- Gemini → unified
const FILTER_REASONS = new Set(['SAFETY', 'RECITATION', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII', 'IMAGE_SAFETY', 'IMAGE_PROHIBITED_CONTENT']);
function finishReasonFromGemini(reason, hasToolCalls) {
    if (reason === 'MAX_TOKENS')
        return 'length';
    if (reason !== undefined && FILTER_REASONS.has(reason))
        return 'content_filter';
    return hasToolCalls ? 'tool_calls' : 'stop';
}
function usageFromGemini(u) {
    if (!u)
        return usageOf(null, null);
    const output = u.candidatesTokenCount === undefined && u.thoughtsTokenCount === undefined ? null : (u.candidatesTokenCount ?? 0) + (u.thoughtsTokenCount ?? 0);
    const usage = usageOf(u.promptTokenCount, output);
    return { ...usage, total_tokens: u.totalTokenCount ?? usage.total_tokens };
}
/** Answer text: thought summaries are reasoning, not answer, and stay out. */
function answerText(parts) {
    const texts = parts.filter((p) => typeof p.text === 'string' && p.thought !== true).map((p) => p.text ?? '');
    return texts.length ? texts.join('') : undefined;
}
function toolCallOf(part) {
    const fc = part.functionCall;
    if (!fc)
        return undefined;
    return {
        id: fc.id ?? callId(),
        type: 'function',
        function: { name: fc.name, arguments: JSON.stringify(fc.args ?? {}) },
        ...(part.thoughtSignature ? { extra_content: { google: { thought_signature: part.thoughtSignature } } } : {}),
    };
}
function blockedError(body) {
    const reason = body.promptFeedback?.blockReason;
    if (!reason)
        return undefined;
    const detail = body.promptFeedback?.blockReasonMessage ? ` (${body.promptFeedback.blockReasonMessage})` : '';
    return new errors/* GatewayError */.Fe('invalid_request', `Gemini blocked the prompt: blockReason ${reason}${detail}. Rephrase the prompt; Gemini answers nothing for a blocked prompt.`, {
        provider: gemini_NAME,
    });
}
function readWire(schema, value, what) {
    const parsed = schema.safeParse(value);
    if (parsed.success)
        return parsed.data;
    const issue = parsed.error.issues[0];
    throw new errors/* GatewayError */.Fe('upstream', `Gemini answered a ${what} the gateway cannot read (${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}).`, {
        provider: gemini_NAME,
    });
}
function chatResponseFromGemini(body, model) {
    const candidates = body.candidates ?? [];
    if (candidates.length === 0) {
        throw blockedError(body) ?? new errors/* GatewayError */.Fe('upstream', 'Gemini answered without any candidate; retry the request.', { provider: gemini_NAME });
    }
    return {
        id: body.responseId ?? newId('chatcmpl'),
        object: 'chat.completion',
        created: shared_nowSeconds(),
        model: body.modelVersion ?? model,
        choices: candidates.map((c, pos) => {
            const parts = c.content?.parts ?? [];
            const calls = parts.flatMap((p) => toolCallOf(p) ?? []);
            return {
                index: c.index ?? pos,
                message: { role: 'assistant', content: answerText(parts) ?? null, ...(calls.length ? { tool_calls: calls } : {}) },
                finish_reason: finishReasonFromGemini(c.finishReason, calls.length > 0),
            };
        }),
        usage: usageFromGemini(body.usageMetadata),
    };
}
/** Gemini stream events as unified chunks: role first, deltas, then one finish chunk with usage. */
async function* chatChunksFromGemini(events, model) {
    let id;
    const created = shared_nowSeconds();
    let modelName = model;
    let usage;
    const seen = new Map();
    const chunk = (choices, extra = {}) => ({
        id: (id ??= newId('chatcmpl')),
        object: 'chat.completion.chunk',
        created,
        model: modelName,
        choices,
        ...extra,
    });
    for await (const event of events) {
        if (event.data.trim() === '')
            continue;
        const json = parseEventJson(event.data, gemini_NAME);
        const error = gemini/* geminiErrorBodySchema */.BZ.safeParse(json);
        if (error.success)
            throw (0,upstream/* upstreamError */.Oh)(gemini_NAME, error.data.error.code, event.data, {});
        const body = readWire(gemini/* geminiGenerateContentResponseSchema */.UO, json, 'stream event');
        // Gemini's responseId, as in a non-streamed answer, so both can be found in Google's logs.
        id ??= body.responseId;
        if (body.modelVersion)
            modelName = body.modelVersion;
        if (body.usageMetadata)
            usage = body.usageMetadata;
        const candidates = body.candidates ?? [];
        if (candidates.length === 0) {
            const blocked = blockedError(body);
            if (blocked)
                throw blocked;
        }
        for (const [pos, c] of candidates.entries()) {
            const index = c.index ?? pos;
            let state = seen.get(index);
            if (!state) {
                state = { toolCalls: 0, finish: undefined };
                seen.set(index, state);
                yield chunk([{ index, delta: { role: 'assistant', content: '' }, finish_reason: null }]);
            }
            const parts = c.content?.parts ?? [];
            const text = answerText(parts);
            if (text)
                yield chunk([{ index, delta: { content: text }, finish_reason: null }]);
            const deltas = [];
            for (const part of parts) {
                const call = toolCallOf(part);
                if (!call)
                    continue;
                // Gemini sends each function call whole, so one delta carries id, name and all arguments.
                const { function: fn, type: _type, ...rest } = call;
                deltas.push({ ...rest, index: state.toolCalls++, type: 'function', function: { name: fn.name, arguments: fn.arguments } });
            }
            if (deltas.length)
                yield chunk([{ index, delta: { tool_calls: deltas }, finish_reason: null }]);
            if (c.finishReason)
                state.finish = c.finishReason;
        }
    }
    if (seen.size === 0) {
        seen.set(0, { toolCalls: 0, finish: undefined });
        yield chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]);
    }
    yield chunk([...seen].map(([index, s]) => ({ index, delta: {}, finish_reason: finishReasonFromGemini(s.finish, s.toolCalls > 0) })), { usage: usageFromGemini(usage) });
}
// ---------------------------------------------------------------- provider
/** Response headers worth forwarding on passthrough; the body is re-framed, so no length or hop-by-hop ones. */
const gemini_FORWARDED_HEADERS = ['content-type', 'retry-after'];
function createGeminiProvider(model, config, upstream) {
    const { root, version } = apiRoot(config.gemini_api_base);
    const resource = geminiModelResource(model);
    const path = resource.split('/').map(encodeURIComponent).join('/');
    const url = (method, query = '') => `${root}/${version}/${path}:${method}${query}`;
    const headers = { 'x-goog-api-key': config.gemini_api_key };
    const chat = async (request, call) => {
        const { body } = await upstream.json(gemini_NAME, {
            url: url('generateContent'),
            headers,
            body: geminiRequestFromChat(request),
            signal: call.signal,
            timeoutMs: call.timeoutMs,
        });
        return chatResponseFromGemini(readWire(gemini/* geminiGenerateContentResponseSchema */.UO, body, 'response'), model);
    };
    const chatStream = (request, call) => {
        const events = upstream.sse(gemini_NAME, {
            url: url('streamGenerateContent', '?alt=sse'),
            headers,
            body: geminiRequestFromChat(request),
            signal: call.signal,
            timeoutMs: call.timeoutMs,
        });
        return chatChunksFromGemini(events, model);
    };
    return {
        name: gemini_NAME,
        model,
        chat,
        chatStream,
        completions: completionsViaChat(chat),
        completionsStream: completionsStreamViaChat(chatStream),
        async embeddings(request, call) {
            const texts = embeddingTexts(request, gemini_NAME);
            const { body } = await upstream.json(gemini_NAME, {
                url: url('batchEmbedContents'),
                headers,
                body: {
                    requests: texts.map((text) => ({
                        model: resource,
                        content: { parts: [{ text }] },
                        ...(request.dimensions ? { outputDimensionality: request.dimensions } : {}),
                    })),
                },
                signal: call.signal,
                timeoutMs: call.timeoutMs,
            });
            const parsed = readWire(gemini/* geminiBatchEmbedContentsResponseSchema */.Ld, body, 'batchEmbedContents response');
            if (parsed.embeddings.length !== texts.length) {
                throw new errors/* GatewayError */.Fe('upstream', `Gemini answered ${parsed.embeddings.length} embeddings for ${texts.length} inputs.`, { provider: gemini_NAME });
            }
            // Gemini reports no token counts for embeddings.
            return embeddingsResponse(parsed.embeddings.map((e) => e.values), request, model, null);
        },
        accepts(request) {
            return request.vendor === 'gemini' && /^[^:]+:(generateContent|streamGenerateContent)$/.test(request.operation);
        },
        async passthrough(request, call) {
            if (request.vendor !== 'gemini')
                return undefined;
            const method = /^[^:]+:(generateContent|streamGenerateContent)$/.exec(request.operation)?.[1];
            if (!method)
                return undefined;
            // The caller's own `key` must not reach Google; the endpoint's key goes in the header.
            const query = new URLSearchParams(Object.entries(request.query ?? {}).filter(([k]) => k !== 'key'));
            const body = 'model' in request.body ? { ...request.body, model: resource } : request.body;
            const res = await upstream.send(gemini_NAME, {
                url: url(method, query.size ? `?${query.toString()}` : ''),
                headers,
                body,
                signal: call.signal,
                timeoutMs: call.timeoutMs,
            });
            const forwarded = {};
            for (const h of gemini_FORWARDED_HEADERS)
                if (res.headers[h] !== undefined)
                    forwarded[h] = res.headers[h];
            return { status: res.status, headers: forwarded, body: res.body };
        },
    };
}
const geminiProvider = defineProvider({
    name: gemini_NAME,
    configSchema: gemini_configSchema,
    endpointTypes: ['llm/v1/chat', 'llm/v1/completions', 'llm/v1/embeddings'],
    create({ model, config, upstream }) {
        return createGeminiProvider(model, config, upstream);
    },
});

;// CONCATENATED MODULE: ./build/src/gateway/providers/cohere.js
/**
 * Cohere through its v2 API (`POST /v2/chat`, `POST /v2/embed`). Cohere's v2 chat is close to
 * OpenAI's (same roles, same tool-call shape) but differs where it matters to translate:
 * sampling fields are `p`/`k`/`stop_sequences`, `tool_choice` only knows REQUIRED and NONE, text
 * beside tool calls is the model's `tool_plan`, finish reasons are upper-case words, and usage is
 * split into real tokens and billed units. Its schema is closed (an unknown field, even inside a
 * tool definition, is a 422), so only fields Cohere knows are sent.
 *
 * Text completions go through chat, as for every chat-only vendor.
 */




const cohere_NAME = 'cohere';
const cohere_configSchema = schemas.strictObject({
    cohere_api_key: schemas.string().min(1),
    cohere_api_base: schemas.url().default('https://api.cohere.com'),
});
// ---------------------------------------------------------------------------------------------
// Cohere's answers (loose: Cohere adds fields such as citations, logprobs, thinking content)
// ---------------------------------------------------------------------------------------------
const countsSchema = schemas.looseObject({ input_tokens: schemas.number().nullish(), output_tokens: schemas.number().nullish() }).nullish();
const cohere_usageSchema = schemas.looseObject({ billed_units: countsSchema, tokens: countsSchema }).nullish();
const cohere_toolCallSchema = schemas.looseObject({
    id: schemas.string(),
    function: schemas.looseObject({ name: schemas.string(), arguments: schemas.string().nullish() }),
});
const chatResponseSchema = schemas.looseObject({
    id: schemas.string().nullish(),
    finish_reason: schemas.string().nullish(),
    message: schemas.looseObject({
        // Text parts carry `text`; thinking parts (reasoning models) carry `thinking` and are not answer text.
        content: schemas.array(schemas.looseObject({ type: schemas.string(), text: schemas.string().nullish() })).nullish(),
        tool_plan: schemas.string().nullish(),
        tool_calls: schemas.array(cohere_toolCallSchema).nullish(),
    }),
    usage: cohere_usageSchema,
});
const streamEventSchema = schemas.looseObject({ type: schemas.string() });
const messageStartSchema = schemas.looseObject({ id: schemas.string().nullish() });
const contentDeltaSchema = schemas.looseObject({
    delta: schemas.looseObject({ message: schemas.looseObject({ content: schemas.looseObject({ text: schemas.string().nullish() }).nullish() }) }),
});
const toolPlanDeltaSchema = schemas.looseObject({ delta: schemas.looseObject({ message: schemas.looseObject({ tool_plan: schemas.string().nullish() }) }) });
const toolCallStartSchema = schemas.looseObject({
    index: schemas.number().nullish(),
    delta: schemas.looseObject({
        message: schemas.looseObject({
            tool_calls: schemas.looseObject({ id: schemas.string(), function: schemas.looseObject({ name: schemas.string(), arguments: schemas.string().nullish() }) }),
        }),
    }),
});
const toolCallDeltaSchema = schemas.looseObject({
    index: schemas.number().nullish(),
    delta: schemas.looseObject({
        message: schemas.looseObject({ tool_calls: schemas.looseObject({ function: schemas.looseObject({ arguments: schemas.string().nullish() }) }) }),
    }),
});
const messageEndSchema = schemas.looseObject({
    delta: schemas.looseObject({ finish_reason: schemas.string().nullish(), error: schemas.string().nullish(), usage: cohere_usageSchema })
        .nullish(),
});
const embedResponseSchema = schemas.looseObject({
    embeddings: schemas.looseObject({ float: schemas.array(schemas.array(schemas.number())) }),
    meta: schemas.looseObject({ billed_units: countsSchema }).nullish(),
});
function userContent(content) {
    if (content === undefined || content === null)
        return '';
    if (typeof content === 'string')
        return content;
    return content.map((part) => {
        if (part.type === 'text')
            return { type: 'text', text: part.text };
        if (part.type === 'image_url')
            return { type: 'image_url', image_url: { url: part.image_url.url, ...(part.image_url.detail ? { detail: part.image_url.detail } : {}) } };
        throw unsupported(cohere_NAME, 'audio input (input_audio content parts)');
    });
}
function cohereMessage(m) {
    switch (m.role) {
        case 'system':
        case 'developer':
            return { role: 'system', content: contentText(m.content) };
        case 'user':
            return { role: 'user', content: userContent(m.content) };
        case 'assistant': {
            const text = contentText(m.content);
            if (m.tool_calls?.length) {
                // Cohere keeps the text an assistant wrote beside its tool calls as `tool_plan`.
                return {
                    role: 'assistant',
                    ...(text !== '' ? { tool_plan: text } : {}),
                    tool_calls: m.tool_calls.map((c) => ({ id: c.id, type: 'function', function: { name: c.function.name, arguments: c.function.arguments } })),
                };
            }
            return { role: 'assistant', content: text };
        }
        case 'tool':
            if (m.tool_call_id === undefined)
                throw new errors/* GatewayError */.Fe('invalid_request', 'A tool message needs "tool_call_id": the id of the assistant tool call it answers.');
            return { role: 'tool', tool_call_id: m.tool_call_id, content: contentText(m.content) };
    }
}
function cohere_toolChoice(choice) {
    if (choice === undefined || choice === 'auto')
        return undefined;
    if (choice === 'required')
        return 'REQUIRED';
    if (choice === 'none')
        return 'NONE';
    throw new errors/* GatewayError */.Fe('invalid_request', `Cohere cannot be made to call one specific function (tool_choice names "${choice.function.name}"). Send tool_choice "required" with only that function in "tools" instead.`);
}
function responseFormat(format) {
    if (format === undefined || format.type === 'text')
        return undefined;
    const schema = format.type === 'json_schema' ? format.json_schema?.schema : undefined;
    return schema ? { type: 'json_object', json_schema: schema } : { type: 'json_object' };
}
/**
 * The `/v2/chat` body. OpenAI fields with no Cohere counterpart are left out rather than refused
 * when they are hints (`user`, `parallel_tool_calls`, `stream_options`, unknown extras); ones that
 * change the answer's shape (`n` > 1, a forced specific function, audio) are refused.
 */
function cohereChatBody(request, model, stream) {
    if (request.n !== undefined && request.n > 1) {
        throw new errors/* GatewayError */.Fe('invalid_request', `Cohere returns one choice per request; "n" must be 1 (got ${request.n}). Send several requests instead.`);
    }
    const tools = request.tools?.map((t) => {
        if (t.type !== 'function')
            throw unsupported(cohere_NAME, `tools of type "${t.type}"; send tools of type "function"`);
        // Cohere requires `parameters`; a function without arguments is an empty object schema.
        const parameters = t.function.parameters ?? { type: 'object', properties: {} };
        return { type: 'function', function: { name: t.function.name, ...(t.function.description !== undefined ? { description: t.function.description } : {}), parameters } };
    });
    const body = {
        model,
        messages: request.messages.map(cohereMessage),
        stream,
        temperature: request.temperature,
        max_tokens: request.max_tokens ?? request.max_completion_tokens,
        p: request.top_p,
        k: request.top_k,
        stop_sequences: request.stop,
        seed: request.seed,
        frequency_penalty: request.frequency_penalty,
        presence_penalty: request.presence_penalty,
        response_format: responseFormat(request.response_format),
        tools: tools?.length ? tools : undefined,
        // OpenAI's per-function `strict` is one request-wide switch at Cohere.
        strict_tools: request.tools?.some((t) => t.function.strict === true) ? true : undefined,
        tool_choice: cohere_toolChoice(request.tool_choice),
    };
    for (const k of Object.keys(body))
        if (body[k] === undefined)
            delete body[k];
    return body;
}
/** Cohere's input types; Cohere requires one from its v3 embedding models on. */
const INPUT_TYPES = new Set(['search_document', 'search_query', 'classification', 'clustering']);
/** Cohere embeds at most 96 texts per call. */
const EMBED_BATCH = 96;
// ---------------------------------------------------------------------------------------------
// Answers
// ---------------------------------------------------------------------------------------------
function usageFrom(usage) {
    // `tokens` is what the model processed; `billed_units` (what Cohere charges) is the fallback.
    const counts = usage?.tokens ?? usage?.billed_units;
    return usageOf(counts?.input_tokens, counts?.output_tokens);
}
/** The OpenAI finish reason for Cohere's; the ones that mean the generation failed throw. */
function cohere_finishReason(reason, error) {
    switch (reason) {
        case 'COMPLETE':
        case 'STOP_SEQUENCE':
        case undefined:
        case null:
            if (error)
                break;
            return 'stop';
        case 'MAX_TOKENS':
            return 'length';
        case 'TOOL_CALL':
            return 'tool_calls';
        case 'TIMEOUT':
            throw new errors/* GatewayError */.Fe('timeout', 'Cohere stopped generating: the generation exceeded its time limit (finish_reason TIMEOUT). Retry, or ask for a shorter answer with max_tokens.', {
                provider: cohere_NAME,
            });
        case 'ERROR':
            break;
        default:
            return reason.toLowerCase();
    }
    throw new errors/* GatewayError */.Fe('upstream', `Cohere failed while generating: ${error ?? 'finish_reason ERROR'}. Retry the request.`, { provider: cohere_NAME });
}
function unreadable(what, error) {
    const issue = error.issues[0];
    const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'unknown shape';
    return new errors/* GatewayError */.Fe('upstream', `Cohere answered ${what} the gateway cannot read (${where}).`, { provider: cohere_NAME });
}
function readCohereChat(body, model) {
    const parsed = chatResponseSchema.safeParse(body);
    if (!parsed.success)
        throw unreadable('a chat body', parsed.error);
    const b = parsed.data;
    const text = (b.message.content ?? [])
        .filter((p) => p.type === 'text')
        .map((p) => p.text ?? '')
        .join('');
    const toolCalls = (b.message.tool_calls ?? []).map((c) => ({ id: c.id, type: 'function', function: { name: c.function.name, arguments: c.function.arguments ?? '' } }));
    let content = text;
    // With tool calls Cohere writes its text as `tool_plan`; OpenAI callers expect it in `content`.
    if (text === '' && toolCalls.length)
        content = b.message.tool_plan || null;
    return {
        id: b.id ?? newId('chatcmpl'),
        object: 'chat.completion',
        created: shared_nowSeconds(),
        model,
        choices: [
            {
                index: 0,
                message: { role: 'assistant', content, ...(toolCalls.length ? { tool_calls: toolCalls } : {}) },
                finish_reason: cohere_finishReason(b.finish_reason),
            },
        ],
        usage: usageFrom(b.usage),
    };
}
/** Turns Cohere's v2 stream events into unified chunks; one instance per stream. */
class CohereStreamReader {
    id = newId('chatcmpl');
    created = shared_nowSeconds();
    ended = false;
    model;
    constructor(model) {
        this.model = model;
    }
    get finished() {
        return this.ended;
    }
    chunk(delta, finish = null, usage) {
        return {
            id: this.id,
            object: 'chat.completion.chunk',
            created: this.created,
            model: this.model,
            choices: [{ index: 0, delta, finish_reason: finish }],
            ...(usage ? { usage } : {}),
        };
    }
    /** The chunks one event yields (none for bookkeeping events such as content-end). */
    read(event) {
        const data = parseEventJson(event.data, cohere_NAME);
        const base = streamEventSchema.safeParse(data);
        if (!base.success)
            throw unreadable('a stream event', base.error);
        const parse = (schema) => {
            const r = schema.safeParse(data);
            if (!r.success)
                throw unreadable(`a ${base.data.type} event`, r.error);
            return r.data;
        };
        switch (base.data.type) {
            case 'message-start': {
                const e = parse(messageStartSchema);
                if (e.id)
                    this.id = e.id;
                return [this.chunk({ role: 'assistant', content: '' })];
            }
            case 'content-delta': {
                const text = parse(contentDeltaSchema).delta.message.content?.text;
                return text ? [this.chunk({ content: text })] : [];
            }
            case 'tool-plan-delta': {
                const plan = parse(toolPlanDeltaSchema).delta.message.tool_plan;
                return plan ? [this.chunk({ content: plan })] : [];
            }
            case 'tool-call-start': {
                const e = parse(toolCallStartSchema);
                const call = e.delta.message.tool_calls;
                const delta = { index: e.index ?? 0, id: call.id, type: 'function', function: { name: call.function.name, arguments: call.function.arguments ?? '' } };
                return [this.chunk({ tool_calls: [delta] })];
            }
            case 'tool-call-delta': {
                const e = parse(toolCallDeltaSchema);
                const args = e.delta.message.tool_calls.function.arguments;
                return args ? [this.chunk({ tool_calls: [{ index: e.index ?? 0, function: { arguments: args } }] })] : [];
            }
            case 'message-end': {
                const delta = parse(messageEndSchema).delta;
                const finish = cohere_finishReason(delta?.finish_reason, delta?.error);
                this.ended = true;
                return [this.chunk({}, finish, usageFrom(delta?.usage))];
            }
            default:
                // content-start/-end, tool-call-end, citation-start/-end, debug: nothing for the caller.
                return [];
        }
    }
}
// ---------------------------------------------------------------------------------------------
// The provider
// ---------------------------------------------------------------------------------------------
class CohereProvider {
    name = cohere_NAME;
    model;
    base;
    headers;
    upstream;
    constructor(model, config, upstream) {
        this.model = model;
        this.base = config.cohere_api_base.replace(/\/+$/, '');
        this.headers = { authorization: `Bearer ${config.cohere_api_key}` };
        this.upstream = upstream;
    }
    completions = completionsViaChat((r, c) => this.chat(r, c));
    completionsStream = completionsStreamViaChat((r, c) => this.chatStream(r, c));
    async chat(request, call) {
        const { body } = await this.upstream.json(cohere_NAME, {
            url: `${this.base}/v2/chat`,
            headers: this.headers,
            body: cohereChatBody(request, this.model, false),
            signal: call.signal,
            timeoutMs: call.timeoutMs,
        });
        return readCohereChat(body, this.model);
    }
    async *chatStream(request, call) {
        const reader = new CohereStreamReader(this.model);
        const events = this.upstream.sse(cohere_NAME, {
            url: `${this.base}/v2/chat`,
            headers: this.headers,
            body: cohereChatBody(request, this.model, true),
            signal: call.signal,
            timeoutMs: call.timeoutMs,
        });
        for await (const e of events) {
            if (e.data === '[DONE]')
                break;
            yield* reader.read(e);
            if (reader.finished)
                break;
        }
        if (!reader.finished) {
            throw new errors/* GatewayError */.Fe('upstream', 'Cohere ended the stream before its message-end event; the answer may be cut short. Retry the request.', { provider: cohere_NAME });
        }
    }
    async embeddings(request, call) {
        const texts = embeddingTexts(request, cohere_NAME);
        // OpenAI's embeddings request has no query/document distinction, but Cohere requires one.
        // Most callers of an embeddings endpoint embed texts to store and search later, which is
        // Cohere's `search_document`; a caller can send `input_type` (e.g. `search_query`) to choose.
        const asked = request.input_type;
        const inputType = typeof asked === 'string' && INPUT_TYPES.has(asked) ? asked : 'search_document';
        const vectors = [];
        let tokens = null;
        for (let i = 0; i < texts.length; i += EMBED_BATCH) {
            const { body } = await this.upstream.json(cohere_NAME, {
                url: `${this.base}/v2/embed`,
                headers: this.headers,
                body: {
                    model: this.model,
                    texts: texts.slice(i, i + EMBED_BATCH),
                    input_type: inputType,
                    // Floats only: base64 (OpenAI's float32 encoding) is produced here, as the caller asked.
                    embedding_types: ['float'],
                    ...(request.dimensions !== undefined ? { output_dimension: request.dimensions } : {}),
                },
                signal: call.signal,
                timeoutMs: call.timeoutMs,
            });
            const parsed = embedResponseSchema.safeParse(body);
            if (!parsed.success)
                throw unreadable('an embed body', parsed.error);
            vectors.push(...parsed.data.embeddings.float);
            const billed = parsed.data.meta?.billed_units?.input_tokens;
            if (typeof billed === 'number')
                tokens = (tokens ?? 0) + billed;
        }
        return embeddingsResponse(vectors, request, this.model, tokens);
    }
}
const cohereProvider = defineProvider({
    name: cohere_NAME,
    configSchema: cohere_configSchema,
    endpointTypes: ['llm/v1/chat', 'llm/v1/completions', 'llm/v1/embeddings'],
    create: ({ model, config, upstream }) => new CohereProvider(model, config, upstream),
});

;// CONCATENATED MODULE: ./build/src/gateway/providers/mlflow-model-serving.js
/**
 * A model served by MLflow (`mlflow models serve`, or any server speaking MLflow's scoring
 * protocol): `POST <model_server_url>/invocations` with `{"inputs": [...], "params": {...}}`,
 * answered `{"predictions": [...]}`. This mirrors MLflow's MlflowModelServingProvider: the same
 * payloads, the same ways of reading predictions (a list of strings, a one-key dict, or a dict
 * with `choices`), and the same error messages and statuses, so an endpoint moved from MLflow's
 * gateway behaves the same here.
 *
 * The only base-URL key is MLflow's `model_server_url` (not `<provider>_api_base`): it names the
 * server, whose one route is `/invocations`. Model servers cannot stream; a streaming request is
 * answered from one call, replayed as chunks (MLflow answers 501 there instead).
 */




const mlflow_model_serving_NAME = 'mlflow-model-serving';
const mlflow_model_serving_configSchema = schemas.strictObject({ model_server_url: schemas.url() });
/**
 * Request fields that are not model parameters: the input itself, the endpoint's model, and the
 * streaming switches (streams are replayed here, not asked of the server). `encoding_format` is
 * honoured by the gateway (base64 is encoded here), so the model never sees it.
 */
const NOT_PARAMS = new Set(['stream', 'stream_options', 'model', 'encoding_format']);
/** MLflow's payload: `inputs` always a list, `params` only when some field is set (None fields dropped). */
function servingPayload(request, inputKey) {
    const params = {};
    for (const [k, v] of Object.entries(request)) {
        if (k === inputKey || NOT_PARAMS.has(k) || v === undefined || v === null)
            continue;
        params[k] = v;
    }
    const input = request[inputKey];
    const inputs = Array.isArray(input) ? input : [input];
    return Object.keys(params).length ? { inputs, params } : { inputs };
}
/** MLflow's answer to a response it cannot read: 502 with the reason. */
function invalidResponse(reason) {
    return new errors/* GatewayError */.Fe('upstream', `The model server's response is invalid: predictions: ${reason}`, { status: 502, provider: mlflow_model_serving_NAME });
}
function preview(value) {
    const json = JSON.stringify(value);
    return json === undefined ? String(value) : json.length > 200 ? `${json.slice(0, 200)}...` : json;
}
/** `predictions`, or MLflow's 502 when the key is missing. */
function predictionsOf(body) {
    if (body === null || typeof body !== 'object' || Array.isArray(body) || !('predictions' in body)) {
        throw new errors/* GatewayError */.Fe('upstream', 'The response is missing the required key: predictions.', { status: 502, provider: mlflow_model_serving_NAME });
    }
    return body.predictions;
}
const textPredictionsSchema = schemas.array(schemas.string());
const vectorsSchema = schemas.array(schemas.array(schemas.number()));
/**
 * Text predictions as MLflow reads them: a list of strings; or a dict with one key (its value);
 * or a dict with `choices` (that value). Empty lists are refused.
 */
function readTextPredictions(body) {
    let predictions = predictionsOf(body);
    if (Array.isArray(predictions) && predictions.length === 0)
        throw invalidResponse('The input list is empty');
    if (predictions !== null && typeof predictions === 'object' && !Array.isArray(predictions)) {
        const dict = predictions;
        const keys = Object.keys(dict);
        if (!keys.includes('choices') && keys.length > 1) {
            throw invalidResponse("The dict format is invalid for this route type. Ensure the served model returns a dict key containing 'choices'");
        }
        predictions = keys.length === 1 ? dict[keys[0]] : 'choices' in dict ? dict.choices : dict;
        if (isEmpty(predictions))
            throw invalidResponse('The input list is empty');
    }
    const parsed = textPredictionsSchema.safeParse(predictions);
    if (!parsed.success)
        throw invalidResponse(`expected a list of strings, got ${preview(predictions)}`);
    return parsed.data;
}
/** Python's falsiness for the values a JSON dict can hold. */
function isEmpty(value) {
    if (value === null || value === undefined || value === false || value === 0 || value === '')
        return true;
    if (Array.isArray(value))
        return value.length === 0;
    return typeof value === 'object' && Object.keys(value).length === 0;
}
/** Embedding predictions as MLflow reads them: a list of vectors, or one flat vector. */
function readVectorPredictions(body) {
    const predictions = predictionsOf(body);
    if (Array.isArray(predictions)) {
        if (predictions.length === 0)
            throw invalidResponse('The input list is empty');
        if (predictions.every((p) => Array.isArray(p) && p.length === 0))
            throw invalidResponse('One or more lists in the returned prediction response are empty');
        if (predictions.every((p) => typeof p === 'number'))
            return [predictions];
    }
    const parsed = vectorsSchema.safeParse(predictions);
    if (!parsed.success)
        throw invalidResponse(`expected a list of float vectors, got ${preview(predictions)}`);
    return parsed.data;
}
class MlflowModelServingProvider {
    name = mlflow_model_serving_NAME;
    model;
    url;
    upstream;
    constructor(model, config, upstream) {
        this.model = model;
        this.url = `${config.model_server_url.replace(/\/+$/, '')}/invocations`;
        this.upstream = upstream;
    }
    chatStream = chatStreamViaChat((r, c) => this.chat(r, c));
    async invoke(payload, call) {
        const { body } = await this.upstream.json(mlflow_model_serving_NAME, { url: this.url, body: payload, signal: call.signal, timeoutMs: call.timeoutMs });
        return body;
    }
    async chat(request, call) {
        const payload = servingPayload(request, 'messages');
        if (payload.inputs.length > 1) {
            throw new errors/* GatewayError */.Fe('invalid_request', `MLflow chat models are only capable of processing a single query at a time. The request submitted consists of ${payload.inputs.length} queries.`, { status: 422 });
        }
        const content = request.messages[0]?.content;
        if (content === undefined || content === null) {
            throw new errors/* GatewayError */.Fe('invalid_request', 'The message has no "content"; MLflow chat models take one message with content.');
        }
        const predictions = readTextPredictions(await this.invoke({ ...payload, inputs: [content] }, call));
        return {
            id: newId('chatcmpl'),
            object: 'chat.completion',
            created: shared_nowSeconds(),
            model: this.model,
            choices: predictions.map((text, index) => ({ index, message: { role: 'assistant', content: text }, finish_reason: null })),
            usage: usageOf(null, null),
        };
    }
    async completions(request, call) {
        const predictions = readTextPredictions(await this.invoke(servingPayload(request, 'prompt'), call));
        return {
            id: newId('cmpl'),
            object: 'text_completion',
            created: shared_nowSeconds(),
            model: this.model,
            choices: predictions.map((text, index) => ({ index, text, finish_reason: null })),
            usage: usageOf(null, null),
        };
    }
    async *completionsStream(request, call) {
        const response = await this.completions({ ...request, stream: false }, call);
        const base = { id: response.id, object: 'text_completion_chunk', created: response.created, model: response.model };
        yield { ...base, choices: response.choices.map((c) => ({ index: c.index, text: c.text, finish_reason: null })) };
        yield { ...base, choices: response.choices.map((c) => ({ index: c.index, text: '', finish_reason: c.finish_reason ?? 'stop' })), usage: response.usage };
    }
    async embeddings(request, call) {
        const vectors = readVectorPredictions(await this.invoke(servingPayload(request, 'input'), call));
        return embeddingsResponse(vectors, request, this.model, null);
    }
}
const mlflowModelServingProvider = defineProvider({
    name: mlflow_model_serving_NAME,
    configSchema: mlflow_model_serving_configSchema,
    endpointTypes: ['llm/v1/chat', 'llm/v1/completions', 'llm/v1/embeddings'],
    create: ({ model, config, upstream }) => new MlflowModelServingProvider(model, config, upstream),
});

;// CONCATENATED MODULE: ./build/src/gateway/providers/registry.js





const BUILTIN_PROVIDERS = [
    openaiProvider,
    azureProvider,
    azureadProvider,
    mistralProvider,
    ...openaiCompatibleProviders,
    anthropicProvider,
    geminiProvider,
    cohereProvider,
    mlflowModelServingProvider,
];
function normaliseProviderName(name) {
    return name.trim().toLowerCase().replaceAll('_', '-');
}
const byName = new Map();
for (const module of BUILTIN_PROVIDERS) {
    for (const name of [module.name, ...(module.aliases ?? [])])
        byName.set(normaliseProviderName(name), module);
}
/** The built-in module for a provider name, or undefined. */
function builtinProvider(name) {
    return byName.get(normaliseProviderName(name));
}
/** Every name a config may use, for "did you mean" messages. */
function builtinProviderNames() {
    return [...byName.keys()].sort();
}

// EXTERNAL MODULE: ./build/src/gateway/secrets.js
var secrets = __webpack_require__(94269);
;// CONCATENATED MODULE: ./build/src/gateway/config.js
var __rewriteRelativeImportExtension = (undefined && undefined.__rewriteRelativeImportExtension) || function (path, preserveJsx) {
    if (typeof path === "string" && /^\.\.?\//.test(path)) {
        return path.replace(/\.(tsx)$|((?:\.d)?)((?:\.[^./]+?)?)\.([cm]?)ts$/i, function (m, tsx, d, ext, cm) {
            return tsx ? preserveJsx ? ".jsx" : ".js" : d && (!ext || !cm) ? m : (d + ext + "." + cm.toLowerCase() + "js");
        });
    }
    return path;
};
/**
 * The gateway's config file: MLflow's `gateway-config.yaml` read as-is (wire §8.2), plus our
 * extensions (timeouts, retries, fallbacks, caching, pricing, custom provider modules).
 *
 * Everything is checked at start-up so a running gateway never meets a config problem: the YAML
 * is strict (a typo is an error naming the key, not a silent default), each endpoint's
 * `model.config` is validated by its provider module's own schema, and every cross-reference
 * (route destinations, fallbacks) must resolve. Each error names the file, the line, the YAML path
 * and what to change, and never a secret value: provider keys are resolved here from `$VAR`,
 * `${VAR}` or a key file as MLflow does, and collected so the gateway can redact them everywhere.
 */









/** A gateway config that cannot be used. `path` and `line` are those of the first problem. */
class GatewayConfigError extends yaml_file/* ConfigFileError */.x {
    constructor(file, problems, options) {
        super(file, problems, { ...options, label: 'gateway config' });
        this.name = 'GatewayConfigError';
    }
}
const GATEWAY_CONFIG_ENV = 'MLFLOW_GATEWAY_CONFIG';
/** The config file to use: the explicit path, else `$MLFLOW_GATEWAY_CONFIG`. */
function resolveConfigPath(explicit, env = process.env) {
    if (explicit)
        return explicit;
    const fromEnv = env[GATEWAY_CONFIG_ENV];
    if (fromEnv)
        return fromEnv;
    throw new GatewayConfigError(undefined, {
        path: '',
        message: `no config file given. Pass --config-path <gateway-config.yaml> or set ${GATEWAY_CONFIG_ENV} to its path.`,
    });
}
// ---------------------------------------------------------------------------------------------
// The file's schema. Field names are MLflow's; extensions are marked.
const NAME_PATTERN = /^[a-zA-Z0-9_\-.]+$/;
const nameSchema = schemas.string().min(1).regex(NAME_PATTERN, { error: 'may contain only letters, digits, "_", "-" and "."' });
const RENEWAL_PERIODS = ['second', 'minute', 'hour', 'day'];
const DEFAULT_RETRY_BACKOFF_MS = 250;
const DEFAULT_RETRY_MAX_BACKOFF_MS = 4000;
const DEFAULT_CACHE_TTL_SECONDS = 300;
const DEFAULT_CACHE_MAX_ENTRIES = 1000;
const limitSchema = schemas.strictObject({
    calls: schemas.int().min(1),
    // MLflow's limiter accepts `Minute` and `minutes` too.
    renewal_period: schemas.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase().replace(/s$/, '') : v), schemas["enum"](RENEWAL_PERIODS)),
    key: schemas.string().nullish(),
    burst: schemas.int().min(1).nullish(), // extension
});
const retriesSchema = schemas.union([
    schemas.int().min(0),
    schemas.strictObject({
        max_attempts: schemas.int().min(1),
        backoff_ms: schemas.number().min(0).nullish(),
        max_backoff_ms: schemas.number().min(0).nullish(),
    }),
], { error: 'must be a whole number of retries or a mapping {max_attempts, backoff_ms?, max_backoff_ms?}' });
const cacheSchema = schemas.union([schemas.boolean(), schemas.strictObject({ ttl_seconds: schemas.number().gt(0), max_entries: schemas.int().min(1).nullish() })], { error: 'must be true, false or a mapping {ttl_seconds, max_entries?}' });
const endpointSchema = schemas.strictObject({
    name: nameSchema,
    endpoint_type: schemas["enum"](gateway_schemas/* ENDPOINT_TYPES */.s4),
    model: schemas.strictObject({
        provider: schemas.string().min(1),
        name: schemas.string().min(1),
        config: schemas.record(schemas.string(), schemas.unknown()).nullish(),
    }),
    limit: limitSchema.nullish(),
    // Extensions:
    timeout: schemas.number().gt(0).nullish(),
    retries: retriesSchema.nullish(),
    fallbacks: schemas.array(nameSchema).nullish(),
    cache: cacheSchema.nullish(),
});
const routeSchema = schemas.strictObject({
    name: nameSchema,
    task_type: schemas["enum"](gateway_schemas/* ENDPOINT_TYPES */.s4),
    destinations: schemas.array(schemas.strictObject({ name: nameSchema, traffic_percentage: schemas.int().min(0).max(100) })).min(1),
    routing_strategy: schemas.literal('TRAFFIC_SPLIT').nullish(),
});
const pricingEntrySchema = schemas.strictObject({
    input_per_million_tokens: schemas.number().min(0),
    output_per_million_tokens: schemas.number().min(0),
    currency: schemas.string().min(1).nullish(),
});
const fileSchema = schemas.strictObject({
    endpoints: schemas.array(endpointSchema).min(1),
    routes: schemas.array(routeSchema).nullish(),
    pricing: schemas.record(schemas.string().min(1), pricingEntrySchema).nullish(), // extension
    providers: schemas.record(nameSchema, schemas.string().min(1)).nullish(), // extension
});
// ---------------------------------------------------------------------------------------------
// Secrets: MLflow's `_resolve_api_key_from_input`, extended to `${VAR}` anywhere in a string.
const WHOLE_VAR = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))$/;
const EMBEDDED_VAR = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
/** Values of variables named like credentials are secrets wherever they are used. */
const SECRET_VAR_NAME = /KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL/i;
/** Longer strings are not paths worth a stat(). */
const MAX_PATH_LENGTH = 4096;
/** What an unset key variable becomes offline; never sent anywhere (replay opens no sockets). */
const OFFLINE_KEY_PLACEHOLDER = 'offline-replay-no-key';
/** Parses and validates config text. Throws GatewayConfigError. */
async function parseGatewayConfig(text, options = {}) {
    return new ConfigReader(text, options).read();
}
/** Reads and validates a config file. Throws GatewayConfigError. */
async function loadGatewayConfig(path, options = {}) {
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (err) {
        throw new GatewayConfigError(path, { path: '', message: config_unreadable(err) }, { cause: err });
    }
    return parseGatewayConfig(text, { file: path, env: options.env, baseDir: (0,external_node_path_.dirname)((0,external_node_path_.resolve)(path)), offline: options.offline });
}
function config_unreadable(err) {
    const code = err.code;
    if (code === 'ENOENT')
        return `file not found. Pass the path of an existing gateway config (--config-path or ${GATEWAY_CONFIG_ENV}).`;
    return `cannot read the file (${code ?? 'error'}). Check that it is a readable file.`;
}
class ConfigReader {
    #yaml;
    #file;
    #env;
    #offline;
    #baseDir;
    #secrets = new Set();
    #custom = new Map();
    constructor(text, options) {
        this.#file = options.file;
        // Every secret seen so far is masked, in case a provider's schema message echoes a value.
        this.#yaml = new yaml_file/* YamlConfigFile */.GV(text, {
            file: options.file,
            error: (file, problems, errorOptions) => new GatewayConfigError(file, problems, errorOptions),
            redact: (message) => new secrets/* Redactor */.p(this.#secrets).redact(message),
        });
        this.#env = options.env ?? process.env;
        this.#offline = options.offline ?? false;
        this.#baseDir = options.baseDir ?? (options.file ? (0,external_node_path_.dirname)((0,external_node_path_.resolve)(options.file)) : process.cwd());
    }
    async read() {
        const raw = this.#parseYaml();
        this.#checkMlflowRenames(raw);
        const file = this.#yaml.validate(fileSchema, raw);
        const routes = file.routes ?? [];
        this.#checkUniqueNames(file.endpoints, routes);
        for (const [name, modulePath] of Object.entries(file.providers ?? {}))
            await this.#loadCustomProvider(name, modulePath);
        const endpoints = [];
        for (const [i, endpoint] of file.endpoints.entries())
            endpoints.push(await this.#endpoint(endpoint, i));
        this.#checkFallbacks(endpoints);
        this.#checkRoutes(endpoints, routes);
        const pricing = {};
        for (const [model, p] of Object.entries(file.pricing ?? {})) {
            pricing[model] = { input_per_million_tokens: p.input_per_million_tokens, output_per_million_tokens: p.output_per_million_tokens, currency: p.currency ?? 'USD' };
        }
        return {
            file: this.#file,
            endpoints,
            routes: routes.map((r) => ({ name: r.name, task_type: r.task_type, destinations: r.destinations, routing_strategy: 'TRAFFIC_SPLIT' })),
            pricing,
            secrets: [...this.#secrets],
        };
    }
    #parseYaml() {
        const raw = this.#yaml.parse();
        if (raw === null || raw === undefined)
            this.#fail([], 'the file is empty. Add an "endpoints:" list (see docs/gateway-config.md).');
        if (typeof raw !== 'object' || Array.isArray(raw))
            this.#fail([], 'the file must be a mapping with an "endpoints:" list.');
        const top = raw;
        const noEndpoints = top.endpoints === undefined || top.endpoints === null || (Array.isArray(top.endpoints) && top.endpoints.length === 0);
        // With an unknown top-level key (`endpoint:`), the schema's "did you mean" says more.
        if (noEndpoints && Object.keys(top).every((k) => k in fileSchema.shape)) {
            this.#fail(['endpoints'], 'no endpoints defined. Add at least one endpoint with name, endpoint_type and model.');
        }
        return raw;
    }
    /** MLflow 2.x's `route_type`: say what it is called now instead of "unknown key". */
    #checkMlflowRenames(raw) {
        const top = raw;
        for (const section of ['endpoints', 'routes']) {
            const list = top[section];
            if (!Array.isArray(list))
                continue;
            for (const [i, item] of list.entries()) {
                if (item === null || typeof item !== 'object' || !('route_type' in item))
                    continue;
                this.#fail([section, i, 'route_type'], section === 'endpoints'
                    ? 'MLflow renamed "route_type" to "endpoint_type". Rename the key.'
                    : 'this is an MLflow 2.x route definition. Move it under "endpoints:" and rename "route_type" to "endpoint_type"; "routes:" now holds traffic-split routes.');
            }
        }
    }
    #checkUniqueNames(endpoints, routes) {
        const seen = new Map();
        const entries = [
            ...endpoints.map((e, i) => [['endpoints', i], e.name]),
            ...routes.map((r, i) => [['routes', i], r.name]),
        ];
        for (const [path, name] of entries) {
            const first = seen.get(name);
            if (first)
                this.#fail([...path, 'name'], `"${name}" is already the name of ${first}. Names must be unique across endpoints and routes; rename one.`);
            seen.set(name, (0,yaml_file/* formatPath */.jV)(path));
        }
    }
    async #loadCustomProvider(rawName, modulePath) {
        const path = ['providers', rawName];
        const name = normaliseProviderName(rawName);
        if (builtinProvider(name))
            this.#fail(path, `"${rawName}" is a built-in provider name. Give your module another name.`);
        if (this.#custom.has(name))
            this.#fail(path, `"${rawName}" is listed twice (names ignore case and "-"/"_"). Remove one.`);
        const file = (0,external_node_path_.isAbsolute)(modulePath) ? modulePath : (0,external_node_path_.resolve)(this.#baseDir, modulePath);
        let mtime;
        try {
            const st = await (0,promises_.stat)(file);
            if (!st.isFile())
                throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
            mtime = st.mtimeMs;
        }
        catch {
            this.#fail(path, `provider module ${file} does not exist or is not a file. Relative paths resolve against ${this.#baseDir}.`);
        }
        let exports;
        try {
            // The mtime in the URL makes a hot reload pick up an edited module instead of the cached one.
            exports = (await __webpack_require__(48924)(__rewriteRelativeImportExtension(`${(0,external_node_url_.pathToFileURL)(file).href}?mtime=${mtime}`)));
        }
        catch (err) {
            this.#fail(path, `cannot load provider module ${file}: ${String(err.message ?? err).split('\n')[0]}`, undefined, err);
        }
        const candidate = isProviderModule(exports.default) ? exports.default : (exports.provider ?? exports.default);
        const problem = providerModuleProblem(candidate);
        if (problem) {
            this.#fail(path, `${file} does not export a provider module: ${problem}. Export default defineProvider({ name, configSchema, endpointTypes, create }) (src/gateway/providers/provider.ts).`);
        }
        this.#custom.set(name, candidate);
    }
    #lookupProvider(rawName, path) {
        const name = normaliseProviderName(rawName);
        const builtin = builtinProvider(name);
        if (builtin)
            return [normaliseProviderName(builtin.name), builtin];
        const custom = this.#custom.get(name);
        if (custom)
            return [name, custom];
        const valid = [...new Set([...builtinProviderNames(), ...this.#custom.keys()])].sort();
        return this.#fail(path, `unknown provider "${rawName}".${(0,yaml_file/* didYouMean */.au)(name, valid)} Use one of: ${valid.join(', ')}; or add your own module under "providers:".`);
    }
    async #endpoint(e, i) {
        const at = (...rest) => ['endpoints', i, ...rest];
        const [provider, module] = this.#lookupProvider(e.model.provider, at('model', 'provider'));
        if (!module.endpointTypes.includes(e.endpoint_type)) {
            const supported = module.endpointTypes.length ? module.endpointTypes.join(', ') : 'none yet';
            this.#fail(at('endpoint_type'), `provider "${provider}" does not serve ${e.endpoint_type} (it serves: ${supported}). Pick another endpoint_type or provider.`);
        }
        const resolved = await this.#resolveSecrets(e.model.config ?? {}, at('model', 'config'));
        const config = this.#yaml.validate(module.configSchema, resolved, at('model', 'config'));
        if (config === null || typeof config !== 'object' || Array.isArray(config)) {
            this.#fail(at('model', 'config'), `provider "${provider}"'s configSchema must produce a mapping. Fix the provider module.`);
        }
        const out = {
            name: e.name,
            endpoint_type: e.endpoint_type,
            model: { provider, name: e.model.name, config: config },
            module,
            fallbacks: e.fallbacks ?? [],
        };
        if (e.limit) {
            out.limit = { calls: e.limit.calls, renewal_period: e.limit.renewal_period };
            if (e.limit.key != null)
                out.limit.key = e.limit.key;
            if (e.limit.burst != null)
                out.limit.burst = e.limit.burst;
        }
        if (e.timeout != null)
            out.timeout_seconds = e.timeout;
        if (e.retries != null)
            out.retries = this.#retries(e.retries, at('retries'));
        if (e.cache === true)
            out.cache = { ttl_seconds: DEFAULT_CACHE_TTL_SECONDS, max_entries: DEFAULT_CACHE_MAX_ENTRIES };
        else if (e.cache)
            out.cache = { ttl_seconds: e.cache.ttl_seconds, max_entries: e.cache.max_entries ?? DEFAULT_CACHE_MAX_ENTRIES };
        return out;
    }
    #retries(r, path) {
        if (typeof r === 'number')
            return { max_attempts: r + 1, backoff_ms: DEFAULT_RETRY_BACKOFF_MS, max_backoff_ms: DEFAULT_RETRY_MAX_BACKOFF_MS };
        const maxBackoff = r.max_backoff_ms ?? Math.max(DEFAULT_RETRY_MAX_BACKOFF_MS, r.backoff_ms ?? 0);
        const backoff = r.backoff_ms ?? Math.min(DEFAULT_RETRY_BACKOFF_MS, maxBackoff);
        if (maxBackoff < backoff)
            this.#fail([...path, 'max_backoff_ms'], 'must be at least backoff_ms. Raise it or lower backoff_ms.');
        return { max_attempts: r.max_attempts, backoff_ms: backoff, max_backoff_ms: maxBackoff };
    }
    async #resolveSecrets(value, path) {
        if (Array.isArray(value)) {
            const out = [];
            for (const [i, v] of value.entries())
                out.push(await this.#resolveSecrets(v, [...path, i]));
            return out;
        }
        if (value !== null && typeof value === 'object') {
            const out = {};
            for (const [k, v] of Object.entries(value))
                out[k] = await this.#resolveSecrets(v, [...path, k]);
            return out;
        }
        if (typeof value !== 'string')
            return value;
        const last = path.at(-1);
        const secretKey = typeof last === 'string' && (0,secrets/* isSecretKey */.u)(last);
        const lookup = (name) => {
            const v = this.#env[name] ?? (this.#offline && secretKey ? OFFLINE_KEY_PLACEHOLDER : undefined);
            if (v === undefined) {
                this.#fail(path, `environment variable ${name} is not set. Set it in the gateway's environment, or change this value.`);
            }
            if (v !== '' && (secretKey || SECRET_VAR_NAME.test(name)))
                this.#secrets.add(v);
            return v;
        };
        const whole = WHOLE_VAR.exec(value);
        let resolved = whole ? lookup(whole[1] ?? whole[2]) : value.replace(EMBEDDED_VAR, (_, name) => lookup(name));
        if (!secretKey)
            return resolved;
        // MLflow: a key that names an existing file is read from it (less one trailing line break, below).
        if (resolved.length > 0 && resolved.length <= MAX_PATH_LENGTH && !resolved.includes('\0')) {
            let isFile = false;
            try {
                isFile = (await (0,promises_.stat)(resolved)).isFile();
            }
            catch {
                // Not a path: the value is the key itself.
            }
            if (isFile) {
                try {
                    // One trailing line break (`echo $KEY > key.txt`) is never part of a key, and as a header
                    // it would fail every request; MLflow keeps it, we drop it (documented).
                    resolved = (await (0,promises_.readFile)(resolved, 'utf8')).replace(/\r?\n$/, '');
                }
                catch (err) {
                    this.#fail(path, `names a key file that cannot be read (${err.code ?? 'error'}). Fix its permissions.`);
                }
            }
        }
        if (resolved !== '')
            this.#secrets.add(resolved);
        return resolved;
    }
    #checkFallbacks(endpoints) {
        const byName = new Map(endpoints.map((e) => [e.name, e]));
        for (const [i, e] of endpoints.entries()) {
            const seen = new Set();
            for (const [j, name] of e.fallbacks.entries()) {
                const path = ['endpoints', i, 'fallbacks', j];
                const target = byName.get(name);
                if (name === e.name)
                    this.#fail(path, 'an endpoint cannot fall back to itself. Remove it.');
                if (seen.has(name))
                    this.#fail(path, `"${name}" is listed twice. Remove one.`);
                seen.add(name);
                if (!target)
                    this.#fail(path, `no endpoint named "${name}".${(0,yaml_file/* didYouMean */.au)(name, byName.keys())} Fallbacks must name endpoints defined under "endpoints:".`);
                if (target.endpoint_type !== e.endpoint_type) {
                    this.#fail(path, `"${name}" is ${target.endpoint_type} but this endpoint is ${e.endpoint_type}. A fallback must have the same endpoint_type.`);
                }
            }
        }
    }
    #checkRoutes(endpoints, routes) {
        const byName = new Map(endpoints.map((e) => [e.name, e]));
        for (const [i, route] of routes.entries()) {
            const seen = new Set();
            for (const [j, d] of route.destinations.entries()) {
                const path = ['routes', i, 'destinations', j, 'name'];
                const target = byName.get(d.name);
                if (!target)
                    this.#fail(path, `no endpoint named "${d.name}".${(0,yaml_file/* didYouMean */.au)(d.name, byName.keys())} Destinations must name endpoints defined under "endpoints:".`);
                if (seen.has(d.name))
                    this.#fail(path, `"${d.name}" is listed twice. Merge the two into one destination.`);
                seen.add(d.name);
                if (target.endpoint_type !== route.task_type) {
                    this.#fail(path, `endpoint "${d.name}" is ${target.endpoint_type} but the route's task_type is ${route.task_type}. Destinations must match the task_type.`);
                }
            }
            const sum = route.destinations.reduce((total, d) => total + d.traffic_percentage, 0);
            if (sum !== 100)
                this.#fail(['routes', i, 'destinations'], `traffic_percentage values add up to ${sum}. Make them add up to 100.`);
        }
    }
    #fail(path, message, line, cause) {
        return this.#yaml.fail(path, message, line, cause);
    }
}
function isProviderModule(value) {
    return providerModuleProblem(value) === undefined;
}
function providerModuleProblem(value) {
    if (value === null || typeof value !== 'object')
        return 'there is no default export (or export named "provider") holding an object';
    const m = value;
    if (typeof m.name !== 'string' || m.name === '')
        return '"name" must be a non-empty string';
    const schema = m.configSchema;
    if (typeof schema?.safeParse !== 'function')
        return '"configSchema" must be a zod schema (an object with safeParse)';
    if (!Array.isArray(m.endpointTypes) || !m.endpointTypes.every((t) => gateway_schemas/* ENDPOINT_TYPES */.s4.includes(t))) {
        return `"endpointTypes" must be a list of ${gateway_schemas/* ENDPOINT_TYPES */.s4.join(', ')}`;
    }
    if (typeof m.create !== 'function')
        return '"create" must be a function';
    return undefined;
}
/**
 * Reloads the config when the file changes. Editors and deploy tools replace files by rename,
 * and Kubernetes swaps a symlinked directory, so the file's directory is watched: events on the
 * file itself always reload, other events reload only if the file's text changed. `onReload`
 * gets only a fully validated config; a bad edit goes to `onError` and the caller keeps the
 * config it has.
 */
function watchGatewayConfig(path, handlers, options = {}) {
    const target = (0,external_node_path_.resolve)(path);
    const dir = (0,external_node_path_.dirname)(target);
    const debounceMs = options.debounceMs ?? 100;
    let closed = false;
    let timer;
    // What the events since the timer was set call for, and what the fired timer still owes.
    let pending;
    let due;
    let draining;
    let lastText;
    const report = (error) => {
        if (!closed)
            handlers.onError(error);
    };
    const check = async (direct) => {
        let text;
        try {
            text = await (0,promises_.readFile)(target, 'utf8');
        }
        catch (err) {
            lastText = undefined;
            report(new GatewayConfigError(path, { path: '', message: `${config_unreadable(err)} Keeping the current config.` }, { cause: err }));
            return;
        }
        if (!direct && text === lastText)
            return;
        lastText = text;
        let config;
        try {
            config = await parseGatewayConfig(text, { file: path, env: options.env, baseDir: dir, offline: options.offline });
        }
        catch (err) {
            report(err instanceof Error ? err : new Error(String(err)));
            return;
        }
        if (closed)
            return;
        try {
            handlers.onReload(config);
        }
        catch (err) {
            report(err instanceof Error ? err : new Error(String(err)));
        }
    };
    const drain = async () => {
        try {
            while (due && !closed) {
                const direct = due === 'direct';
                due = undefined;
                await check(direct);
            }
        }
        finally {
            draining = undefined;
        }
    };
    const fire = () => {
        timer = undefined;
        due = due === 'direct' || pending === 'direct' ? 'direct' : (due ?? pending);
        pending = undefined;
        draining ??= drain();
    };
    const schedule = (direct) => {
        if (closed)
            return;
        pending = direct ? 'direct' : (pending ?? 'maybe');
        // Only the file's own events restart the debounce, so a busy neighbour cannot starve it.
        if (direct || !timer) {
            clearTimeout(timer);
            timer = setTimeout(fire, debounceMs);
            timer.unref();
        }
    };
    const watcher = (0,chokidar/* watch */.wB)(dir, { depth: 0, ignoreInitial: true, persistent: false, atomic: true });
    watcher.on('all', (_event, p) => schedule((0,external_node_path_.resolve)(p) === target));
    // chokidar drops a file's 'change' events within 50 ms of the previous one, which loses the
    // second of two quick saves; its raw fs.watch events are not throttled.
    watcher.on('raw', (_event, name, details) => {
        const watched = details?.watchedPath;
        if (typeof watched !== 'string')
            return schedule(false);
        const p = (0,external_node_path_.resolve)(watched);
        schedule(p === target || (p === dir && name === (0,external_node_path_.basename)(target)));
    });
    watcher.on('error', (err) => report(err instanceof Error ? err : new Error(String(err))));
    let markReady = () => { };
    const watching = new Promise((res) => {
        markReady = res;
        watcher.once('ready', res);
    });
    const ready = (async () => {
        lastText = await (0,promises_.readFile)(target, 'utf8').catch(() => undefined);
        await watching;
    })();
    return {
        ready,
        async close() {
            closed = true;
            clearTimeout(timer);
            timer = undefined;
            markReady();
            await watcher.close();
            await draining;
        },
    };
}


/***/ }),

/***/ 14909:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Av: () => (/* binding */ kindForStatus),
/* harmony export */   Fe: () => (/* binding */ GatewayError),
/* harmony export */   VG: () => (/* binding */ asGatewayError),
/* harmony export */   xk: () => (/* binding */ invalidRequest)
/* harmony export */ });
/**
 * The gateway's one error type. Providers, routing and validation throw it with a kind and an
 * HTTP status; each front renders it in its own vendor's format (OpenAI's `error` object,
 * Anthropic's `type: error`, Gemini's `error.status`, MLflow's `error_code`), so a caller's SDK
 * raises its usual exception class.
 */
const DEFAULT_STATUS = {
    invalid_request: 400,
    authentication: 401,
    permission: 403,
    not_found: 404,
    rate_limit: 429,
    upstream: 502,
    timeout: 504,
    unavailable: 503,
    not_implemented: 501,
    internal: 500,
};
class GatewayError extends Error {
    kind;
    status;
    retryAfter;
    provider;
    constructor(kind, message, options = {}) {
        super(message, { cause: options.cause });
        this.name = 'GatewayError';
        this.kind = kind;
        this.status = options.status ?? DEFAULT_STATUS[kind];
        this.retryAfter = options.retryAfter;
        this.provider = options.provider;
    }
}
/** The kind an upstream HTTP status means, so a provider's 429 stays a 429 for the caller. */
function kindForStatus(status) {
    if (status === 400 || status === 404 || status === 409 || status === 413 || status === 422)
        return status === 404 ? 'not_found' : 'invalid_request';
    if (status === 401)
        return 'authentication';
    if (status === 403)
        return 'permission';
    if (status === 429)
        return 'rate_limit';
    if (status === 408 || status === 504)
        return 'timeout';
    if (status === 503 || status === 529)
        return 'unavailable';
    return 'upstream';
}
function invalidRequest(message) {
    return new GatewayError('invalid_request', message);
}
/** Any thrown value as a GatewayError; a non-gateway error is our bug and says so without details. */
function asGatewayError(err) {
    if (err instanceof GatewayError)
        return err;
    if (err instanceof Error && err.name === 'AbortError')
        return new GatewayError('unavailable', 'The request was cancelled.', { status: 499, cause: err });
    return new GatewayError('internal', 'The gateway failed while handling this request; see the gateway log.', { cause: err });
}


/***/ }),

/***/ 84552:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gl: () => (/* binding */ completionsRequestSchema),
/* harmony export */   LS: () => (/* binding */ chatRequestSchema),
/* harmony export */   s4: () => (/* binding */ ENDPOINT_TYPES),
/* harmony export */   xn: () => (/* binding */ embeddingsRequestSchema)
/* harmony export */ });
/* unused harmony exports contentPartSchema, toolCallSchema, chatMessageSchema, toolSchema, toolChoiceSchema, responseFormatSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(55156);
/**
 * The gateway's one internal language: MLflow's unified chat / completions / embeddings schemas
 * (wire §8.5), which are OpenAI's Chat Completions shapes. Every front translates into these and
 * every provider translates out of them, so N fronts × M providers needs N + M translators.
 *
 * Requests are zod schemas (they arrive from callers); responses and chunks are plain types (we
 * build them). Unknown request fields pass through (`looseObject`): MLflow forwards extra fields.
 */

const textPart = zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({ type: zod__WEBPACK_IMPORTED_MODULE_0__.literal('text'), text: zod__WEBPACK_IMPORTED_MODULE_0__.string() });
const imagePart = zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({
    type: zod__WEBPACK_IMPORTED_MODULE_0__.literal('image_url'),
    image_url: zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({ url: zod__WEBPACK_IMPORTED_MODULE_0__.string(), detail: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional() }),
});
const audioPart = zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({
    type: zod__WEBPACK_IMPORTED_MODULE_0__.literal('input_audio'),
    input_audio: zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({ data: zod__WEBPACK_IMPORTED_MODULE_0__.string(), format: zod__WEBPACK_IMPORTED_MODULE_0__.string() }),
});
const contentPartSchema = zod__WEBPACK_IMPORTED_MODULE_0__.union([textPart, imagePart, audioPart]);
const toolCallSchema = zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({
    id: zod__WEBPACK_IMPORTED_MODULE_0__.string(),
    type: zod__WEBPACK_IMPORTED_MODULE_0__.literal('function').default('function'),
    function: zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({ name: zod__WEBPACK_IMPORTED_MODULE_0__.string(), arguments: zod__WEBPACK_IMPORTED_MODULE_0__.string() }),
});
const chatMessageSchema = zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({
    role: zod__WEBPACK_IMPORTED_MODULE_0__["enum"](['system', 'developer', 'user', 'assistant', 'tool']),
    content: zod__WEBPACK_IMPORTED_MODULE_0__.union([zod__WEBPACK_IMPORTED_MODULE_0__.string(), zod__WEBPACK_IMPORTED_MODULE_0__.array(contentPartSchema), zod__WEBPACK_IMPORTED_MODULE_0__["null"]()]).optional(),
    name: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional(),
    tool_calls: zod__WEBPACK_IMPORTED_MODULE_0__.array(toolCallSchema).nullish(),
    tool_call_id: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional(),
    refusal: zod__WEBPACK_IMPORTED_MODULE_0__.string().nullish(),
});
const toolSchema = zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({
    type: zod__WEBPACK_IMPORTED_MODULE_0__["enum"](['function', 'uc_function']).default('function'),
    function: zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({
        name: zod__WEBPACK_IMPORTED_MODULE_0__.string().min(1),
        description: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional(),
        parameters: zod__WEBPACK_IMPORTED_MODULE_0__.record(zod__WEBPACK_IMPORTED_MODULE_0__.string(), zod__WEBPACK_IMPORTED_MODULE_0__.unknown()).optional(),
        strict: zod__WEBPACK_IMPORTED_MODULE_0__.boolean().nullish(),
    }),
});
const toolChoiceSchema = zod__WEBPACK_IMPORTED_MODULE_0__.union([
    zod__WEBPACK_IMPORTED_MODULE_0__["enum"](['none', 'auto', 'required']),
    zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({ type: zod__WEBPACK_IMPORTED_MODULE_0__.literal('function'), function: zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({ name: zod__WEBPACK_IMPORTED_MODULE_0__.string() }) }),
]);
/** OpenAI takes `stop` as a string or a list; MLflow as a list. Normalised to a list. */
const stopSchema = zod__WEBPACK_IMPORTED_MODULE_0__.union([zod__WEBPACK_IMPORTED_MODULE_0__.string(), zod__WEBPACK_IMPORTED_MODULE_0__.array(zod__WEBPACK_IMPORTED_MODULE_0__.string()).min(1)])
    .transform((s) => (typeof s === 'string' ? [s] : s));
/** Sampling fields shared by chat and completions, with MLflow's bounds. */
const samplingFields = {
    temperature: zod__WEBPACK_IMPORTED_MODULE_0__.number().min(0).max(2).optional(),
    top_p: zod__WEBPACK_IMPORTED_MODULE_0__.number().min(0).max(1).optional(),
    top_k: zod__WEBPACK_IMPORTED_MODULE_0__.int().min(1).optional(),
    n: zod__WEBPACK_IMPORTED_MODULE_0__.int().min(1).optional(),
    stop: stopSchema.optional(),
    max_tokens: zod__WEBPACK_IMPORTED_MODULE_0__.int().min(1).optional(),
    max_completion_tokens: zod__WEBPACK_IMPORTED_MODULE_0__.int().min(1).optional(),
    presence_penalty: zod__WEBPACK_IMPORTED_MODULE_0__.number().min(-2).max(2).optional(),
    frequency_penalty: zod__WEBPACK_IMPORTED_MODULE_0__.number().min(-2).max(2).optional(),
    seed: zod__WEBPACK_IMPORTED_MODULE_0__.int().optional(),
    user: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional(),
    stream: zod__WEBPACK_IMPORTED_MODULE_0__.boolean().optional(),
    stream_options: zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({ include_usage: zod__WEBPACK_IMPORTED_MODULE_0__.boolean().optional() }).nullish(),
    model: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional(),
};
const responseFormatSchema = zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({
    type: zod__WEBPACK_IMPORTED_MODULE_0__["enum"](['text', 'json_object', 'json_schema']),
    json_schema: zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({ name: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional(), schema: zod__WEBPACK_IMPORTED_MODULE_0__.record(zod__WEBPACK_IMPORTED_MODULE_0__.string(), zod__WEBPACK_IMPORTED_MODULE_0__.unknown()).optional(), strict: zod__WEBPACK_IMPORTED_MODULE_0__.boolean().nullish() }).optional(),
});
const chatRequestSchema = zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({
    ...samplingFields,
    messages: zod__WEBPACK_IMPORTED_MODULE_0__.array(chatMessageSchema).min(1),
    response_format: responseFormatSchema.optional(),
    tools: zod__WEBPACK_IMPORTED_MODULE_0__.array(toolSchema).optional(),
    tool_choice: toolChoiceSchema.optional(),
    parallel_tool_calls: zod__WEBPACK_IMPORTED_MODULE_0__.boolean().optional(),
});
const completionsRequestSchema = zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({
    ...samplingFields,
    prompt: zod__WEBPACK_IMPORTED_MODULE_0__.string(),
});
const embeddingsRequestSchema = zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({
    input: zod__WEBPACK_IMPORTED_MODULE_0__.union([zod__WEBPACK_IMPORTED_MODULE_0__.string(), zod__WEBPACK_IMPORTED_MODULE_0__.array(zod__WEBPACK_IMPORTED_MODULE_0__.string()).min(1), zod__WEBPACK_IMPORTED_MODULE_0__.array(zod__WEBPACK_IMPORTED_MODULE_0__.int()).min(1), zod__WEBPACK_IMPORTED_MODULE_0__.array(zod__WEBPACK_IMPORTED_MODULE_0__.array(zod__WEBPACK_IMPORTED_MODULE_0__.int()).min(1)).min(1)]),
    encoding_format: zod__WEBPACK_IMPORTED_MODULE_0__["enum"](['float', 'base64']).optional(),
    dimensions: zod__WEBPACK_IMPORTED_MODULE_0__.int().min(1).optional(),
    model: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional(),
    user: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional(),
});
const ENDPOINT_TYPES = ['llm/v1/chat', 'llm/v1/completions', 'llm/v1/embeddings'];


/***/ }),

/***/ 94269:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ Redactor),
/* harmony export */   u: () => (/* binding */ isSecretKey)
/* harmony export */ });
/**
 * Keeping provider keys out of everything the gateway prints or returns. The config loader
 * collects every resolved secret; a Redactor built from them masks those strings in log lines,
 * error messages and JSON bodies. Matching is on the values themselves, not on where they came
 * from, so a key echoed back by an upstream error is masked too.
 */
/** Shorter strings would mask ordinary words and numbers in unrelated text. */
const MIN_SECRET_LENGTH = 4;
const MASK = '***';
/** MLflow resolves these from `$VAR` or a file, and we treat them as secrets everywhere. */
const AWS_SECRET_KEYS = new Set(['aws_secret_access_key', 'aws_session_token', 'aws_bearer_token']);
/** Whether a config key holds a credential: `api_key`, any `*api_key`, and AWS's secret keys. */
function isSecretKey(key) {
    const k = key.toLowerCase();
    return k.endsWith('api_key') || AWS_SECRET_KEYS.has(k);
}
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
class Redactor {
    #pattern;
    /** Longest masked spelling: a stream holds back one less than this between chunks. */
    #longest;
    constructor(secrets) {
        const variants = new Set();
        for (const secret of secrets) {
            // A key read from a file often ends in a newline that the text we redact lacks, and a key
            // inside a JSON body appears with JSON's escapes: mask those spellings too.
            for (const v of [secret, secret.trim(), JSON.stringify(secret).slice(1, -1)]) {
                if (v.length >= MIN_SECRET_LENGTH)
                    variants.add(v);
            }
        }
        // Longest first, so a secret that contains another is masked whole.
        const sorted = [...variants].sort((a, b) => b.length - a.length);
        this.#pattern = sorted.length ? new RegExp(sorted.map(escapeRegExp).join('|'), 'g') : undefined;
        this.#longest = sorted[0]?.length ?? 0;
    }
    /** Whether there is anything to mask. */
    get active() {
        return this.#pattern !== undefined;
    }
    /**
     * A byte stream with secrets masked, for bodies relayed verbatim (passthrough). A secret may be
     * split across chunks, so the last `longest − 1` characters of each chunk wait for the next one;
     * with no secrets the stream passes through untouched.
     */
    async *redactStream(body) {
        if (!this.#pattern) {
            yield* body;
            return;
        }
        const decoder = new TextDecoder();
        const encoder = new TextEncoder();
        const hold = this.#longest - 1;
        let pending = '';
        for await (const chunk of body) {
            const text = this.redact(pending + decoder.decode(chunk, { stream: true }));
            // Masks are never re-matched: `***` is shorter than any secret.
            const cut = Math.max(0, text.length - hold);
            pending = text.slice(cut);
            if (cut > 0)
                yield encoder.encode(text.slice(0, cut));
        }
        const rest = this.redact(pending + decoder.decode());
        if (rest !== '')
            yield encoder.encode(rest);
    }
    /** The text with every occurrence of a secret replaced by `***`. */
    redact(text) {
        return this.#pattern ? text.replace(this.#pattern, MASK) : text;
    }
    /** A copy of a JSON value with every string redacted; other values are returned as they are. */
    redactValue(value) {
        if (!this.#pattern)
            return value;
        if (typeof value === 'string')
            return this.redact(value);
        if (Array.isArray(value))
            return value.map((v) => this.redactValue(v));
        if (value !== null && typeof value === 'object' && isPlainObject(value)) {
            const out = {};
            for (const [k, v] of Object.entries(value))
                out[k] = this.redactValue(v);
            return out;
        }
        return value;
    }
}
function isPlainObject(value) {
    const proto = Object.getPrototypeOf(value);
    return proto === Object.prototype || proto === null;
}


/***/ }),

/***/ 81019:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OS: () => (/* binding */ Upstream),
/* harmony export */   Oh: () => (/* binding */ upstreamError)
/* harmony export */ });
/* unused harmony exports parseRetryAfter, upstreamErrorMessage */
/* harmony import */ var node_stream_consumers__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38321);
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(46752);
/* harmony import */ var eventsource_parser__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2309);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(14909);




function flatHeaders(raw) {
    const out = {};
    for (const [k, v] of Object.entries(raw))
        if (v !== undefined)
            out[k] = Array.isArray(v) ? v.join(', ') : v;
    return out;
}
/** `Retry-After` as seconds (delta or HTTP date); undefined when absent or unreadable. */
function parseRetryAfter(value) {
    if (value === undefined || value.trim() === '')
        return undefined;
    const seconds = Number(value);
    if (Number.isFinite(seconds))
        return Math.max(0, seconds);
    const at = Date.parse(value);
    return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}
/**
 * The human message in a provider's error body, whatever its vendor's shape. Not shortened here:
 * a key an upstream echoes must be masked before any cut, or a cut could leave part of it.
 */
function upstreamErrorMessage(text) {
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        return text.trim() || 'no error body';
    }
    // Gemini's streaming errors arrive as a one-element array.
    if (Array.isArray(parsed))
        parsed = parsed[0];
    if (parsed && typeof parsed === 'object') {
        const o = parsed;
        const err = o.error;
        if (typeof err === 'string')
            return err;
        if (err && typeof err === 'object' && typeof err.message === 'string')
            return err.message;
        if (typeof o.message === 'string')
            return o.message;
        // Mistral nests a FastAPI validation body in `message`; FastAPI itself answers `detail`.
        const detail = o.message && typeof o.message === 'object' ? o.message.detail : o.detail;
        if (typeof detail === 'string')
            return detail;
        if (Array.isArray(detail))
            return detail.map(validationItem).join('; ');
        if (detail !== undefined)
            return JSON.stringify(detail);
    }
    return text;
}
/** One FastAPI/pydantic validation item (`{loc: ['body','seed'], msg}`) as `body.seed: msg`. */
function validationItem(item) {
    if (!item || typeof item !== 'object')
        return String(item);
    const { loc, msg } = item;
    const where = Array.isArray(loc) ? loc.join('.') : '';
    return `${where ? `${where}: ` : ''}${typeof msg === 'string' ? msg : JSON.stringify(item)}`;
}
function upstreamError(who, status, text, headers) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GatewayError */ .Fe((0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .kindForStatus */ .Av)(status), `${who} answered ${status}: ${upstreamErrorMessage(text)}`, {
        status,
        retryAfter: parseRetryAfter(headers['retry-after']),
        provider: who,
    });
}
class Upstream {
    agent;
    constructor(options = {}) {
        this.agent = new undici__WEBPACK_IMPORTED_MODULE_1__/* .Agent */ .g6({
            connections: options.connections ?? 128,
            keepAliveTimeout: options.keepAliveTimeoutMs ?? 30_000,
            // Headers can take long on big prompts; the caller's deadline (timeoutMs) is the real bound.
            headersTimeout: 600_000,
            bodyTimeout: 600_000,
        });
    }
    /** Sends a request and returns the response whatever its status (passthrough uses this). */
    async send(who, req) {
        const signal = req.timeoutMs === undefined ? req.signal : AbortSignal.any([req.signal, AbortSignal.timeout(req.timeoutMs)]);
        const body = req.rawBody ?? (req.body === undefined ? undefined : JSON.stringify(req.body));
        const headers = { ...req.headers };
        if (body !== undefined && !Object.keys(headers).some((k) => k.toLowerCase() === 'content-type'))
            headers['content-type'] = 'application/json';
        try {
            const res = await (0,undici__WEBPACK_IMPORTED_MODULE_1__/* .request */ .Em)(req.url, { method: req.method ?? 'POST', headers, body, signal, dispatcher: this.agent });
            return { status: res.statusCode, headers: flatHeaders(res.headers), body: res.body };
        }
        catch (err) {
            throw transportError(who, req, err);
        }
    }
    /** A JSON call; a non-2xx answer becomes a GatewayError with the provider's message and status. */
    async json(who, req) {
        const res = await this.send(who, req);
        const text = await readText(who, req, res);
        if (res.status < 200 || res.status > 299)
            throw upstreamError(who, res.status, text, res.headers);
        try {
            return { body: JSON.parse(text), headers: res.headers };
        }
        catch {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GatewayError */ .Fe('upstream', `${who} answered ${res.status} with a body that is not JSON: ${text}`, { provider: who });
        }
    }
    /** A streaming call: yields server-sent events as they arrive; non-2xx throws before the first. */
    async *sse(who, req) {
        const res = await this.send(who, { ...req, headers: { accept: 'text/event-stream', ...req.headers } });
        if (res.status < 200 || res.status > 299)
            throw upstreamError(who, res.status, await readText(who, req, res), res.headers);
        const pending = [];
        const parser = (0,eventsource_parser__WEBPACK_IMPORTED_MODULE_3__/* .createParser */ .C)({ onEvent: (e) => pending.push(e) });
        const decoder = new TextDecoder();
        try {
            for await (const chunk of res.body) {
                parser.feed(decoder.decode(chunk, { stream: true }));
                while (pending.length > 0) {
                    const e = pending.shift();
                    yield { event: e.event, data: e.data };
                }
            }
            parser.feed(decoder.decode());
            parser.reset({ consume: true });
            for (const e of pending)
                yield { event: e.event, data: e.data };
        }
        catch (err) {
            throw transportError(who, req, err);
        }
        finally {
            // A consumer that stops early (client gone) must release the socket.
            if (!res.body.readableEnded)
                res.body.destroy();
        }
    }
    async close() {
        await this.agent.close();
    }
}
async function readText(who, req, res) {
    try {
        return await (0,node_stream_consumers__WEBPACK_IMPORTED_MODULE_0__.text)(res.body);
    }
    catch (err) {
        throw transportError(who, req, err);
    }
}
function transportError(who, req, err) {
    if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GatewayError */ .Fe)
        return err;
    const origin = safeOrigin(req.url);
    if (req.signal.aborted)
        return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GatewayError */ .Fe('unavailable', 'The caller went away; the upstream call was cancelled.', { status: 499, cause: err, provider: who });
    const e = err;
    if (e.name === 'TimeoutError' || err instanceof undici__WEBPACK_IMPORTED_MODULE_1__/* .errors */ .sO.HeadersTimeoutError || err instanceof undici__WEBPACK_IMPORTED_MODULE_1__/* .errors */ .sO.BodyTimeoutError) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GatewayError */ .Fe('timeout', `${who} at ${origin} did not answer in time${req.timeoutMs ? ` (${req.timeoutMs} ms)` : ''}.`, { cause: err, provider: who });
    }
    return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GatewayError */ .Fe('unavailable', `Could not reach ${who} at ${origin}: ${e.code ?? e.message ?? String(err)}. Check the endpoint's api base URL and the network.`, {
        status: 502,
        cause: err,
        provider: who,
    });
}
/** Origin only: a URL's query can carry a key (Gemini's `?key=`). */
function safeOrigin(url) {
    try {
        const u = new URL(url);
        return `${u.origin}${u.pathname}`;
    }
    catch {
        return '(invalid URL)';
    }
}


/***/ }),

/***/ 9916:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HQ: () => (/* binding */ messageSchema),
/* harmony export */   J8: () => (/* binding */ ERROR_TYPE_STATUS),
/* harmony export */   U3: () => (/* binding */ isTextDelta),
/* harmony export */   df: () => (/* binding */ isToolUseBlock),
/* harmony export */   fd: () => (/* binding */ messagesRequestSchema),
/* harmony export */   jL: () => (/* binding */ isInputJsonDelta),
/* harmony export */   mu: () => (/* binding */ errorTypeFor),
/* harmony export */   wf: () => (/* binding */ STREAM_EVENT_TYPES),
/* harmony export */   wx: () => (/* binding */ streamEventSchema),
/* harmony export */   zS: () => (/* binding */ isTextBlock)
/* harmony export */ });
/* unused harmony exports textBlockSchema, imageSourceSchema, imageBlockSchema, toolUseBlockSchema, toolResultBlockSchema, UNTRANSLATABLE_BLOCKS, requestBlockSchema, messageParamSchema, toolParamSchema, toolChoiceParamSchema, usageSchema, responseBlockSchema, errorBodySchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(55156);
/**
 * Anthropic's Messages API wire format (`POST /v1/messages`), as zod schemas shared by the
 * Anthropic provider (which parses Anthropic's answers and streams) and the Anthropic front (which
 * parses Anthropic-shaped requests from callers). Objects are loose: Anthropic adds fields often,
 * and a field we do not translate must not make a valid message unreadable.
 *
 * Only the parts the gateway translates are spelled out; other content blocks are named in
 * `UNTRANSLATABLE_BLOCKS` so the front can refuse them with a message instead of dropping them.
 */

// ---------------------------------------------------------------------------------------------
// Request side (what a Messages API caller sends)
// ---------------------------------------------------------------------------------------------
const cacheControl = zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({ type: zod__WEBPACK_IMPORTED_MODULE_0__.string() }).nullish();
const textBlockSchema = zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({ type: zod__WEBPACK_IMPORTED_MODULE_0__.literal('text'), text: zod__WEBPACK_IMPORTED_MODULE_0__.string(), cache_control: cacheControl });
const imageSourceSchema = zod__WEBPACK_IMPORTED_MODULE_0__.discriminatedUnion('type', [
    zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({ type: zod__WEBPACK_IMPORTED_MODULE_0__.literal('base64'), media_type: zod__WEBPACK_IMPORTED_MODULE_0__.string(), data: zod__WEBPACK_IMPORTED_MODULE_0__.string() }),
    zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({ type: zod__WEBPACK_IMPORTED_MODULE_0__.literal('url'), url: zod__WEBPACK_IMPORTED_MODULE_0__.string() }),
    zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({ type: zod__WEBPACK_IMPORTED_MODULE_0__.literal('file'), file_id: zod__WEBPACK_IMPORTED_MODULE_0__.string() }),
]);
const imageBlockSchema = zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({ type: zod__WEBPACK_IMPORTED_MODULE_0__.literal('image'), source: imageSourceSchema, cache_control: cacheControl });
const toolUseBlockSchema = zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({
    type: zod__WEBPACK_IMPORTED_MODULE_0__.literal('tool_use'),
    id: zod__WEBPACK_IMPORTED_MODULE_0__.string(),
    name: zod__WEBPACK_IMPORTED_MODULE_0__.string(),
    input: zod__WEBPACK_IMPORTED_MODULE_0__.record(zod__WEBPACK_IMPORTED_MODULE_0__.string(), zod__WEBPACK_IMPORTED_MODULE_0__.unknown()),
    cache_control: cacheControl,
});
const toolResultBlockSchema = zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({
    type: zod__WEBPACK_IMPORTED_MODULE_0__.literal('tool_result'),
    tool_use_id: zod__WEBPACK_IMPORTED_MODULE_0__.string(),
    content: zod__WEBPACK_IMPORTED_MODULE_0__.union([zod__WEBPACK_IMPORTED_MODULE_0__.string(), zod__WEBPACK_IMPORTED_MODULE_0__.array(zod__WEBPACK_IMPORTED_MODULE_0__.discriminatedUnion('type', [textBlockSchema, imageBlockSchema]))]).optional(),
    is_error: zod__WEBPACK_IMPORTED_MODULE_0__.boolean().optional(),
    cache_control: cacheControl,
});
const thinkingBlockSchema = zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({ type: zod__WEBPACK_IMPORTED_MODULE_0__.literal('thinking'), thinking: zod__WEBPACK_IMPORTED_MODULE_0__.string(), signature: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional() });
const redactedThinkingBlockSchema = zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({ type: zod__WEBPACK_IMPORTED_MODULE_0__.literal('redacted_thinking'), data: zod__WEBPACK_IMPORTED_MODULE_0__.string() });
/**
 * Blocks of Anthropic's API that have no counterpart in the unified (OpenAI chat) schema: PDFs and
 * plain-text documents, search results, server-side tool calls and their results.
 */
const UNTRANSLATABLE_BLOCKS = [
    'document',
    'search_result',
    'server_tool_use',
    'web_search_tool_result',
    'web_fetch_tool_result',
    'code_execution_tool_result',
    'bash_code_execution_tool_result',
    'text_editor_code_execution_tool_result',
    'tool_search_tool_result',
    'mcp_tool_use',
    'mcp_tool_result',
    'container_upload',
];
const untranslatableBlockSchema = zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({ type: zod__WEBPACK_IMPORTED_MODULE_0__["enum"](UNTRANSLATABLE_BLOCKS) });
const requestBlockSchema = zod__WEBPACK_IMPORTED_MODULE_0__.discriminatedUnion('type', [
    textBlockSchema,
    imageBlockSchema,
    toolUseBlockSchema,
    toolResultBlockSchema,
    thinkingBlockSchema,
    redactedThinkingBlockSchema,
    untranslatableBlockSchema,
]);
const messageParamSchema = zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({
    // `system` turns inside `messages` are the API's newer form of the top-level `system`.
    role: zod__WEBPACK_IMPORTED_MODULE_0__["enum"](['user', 'assistant', 'system']),
    content: zod__WEBPACK_IMPORTED_MODULE_0__.union([zod__WEBPACK_IMPORTED_MODULE_0__.string(), zod__WEBPACK_IMPORTED_MODULE_0__.array(requestBlockSchema)]),
});
const toolParamSchema = zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({
    name: zod__WEBPACK_IMPORTED_MODULE_0__.string().min(1),
    /** Absent or `custom` for caller-defined tools; anything else is one of Anthropic's server tools. */
    type: zod__WEBPACK_IMPORTED_MODULE_0__.string().nullish(),
    description: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional(),
    input_schema: zod__WEBPACK_IMPORTED_MODULE_0__.record(zod__WEBPACK_IMPORTED_MODULE_0__.string(), zod__WEBPACK_IMPORTED_MODULE_0__.unknown()).optional(),
    strict: zod__WEBPACK_IMPORTED_MODULE_0__.boolean().optional(),
    cache_control: cacheControl,
});
const toolChoiceParamSchema = zod__WEBPACK_IMPORTED_MODULE_0__.discriminatedUnion('type', [
    zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({ type: zod__WEBPACK_IMPORTED_MODULE_0__.literal('auto'), disable_parallel_tool_use: zod__WEBPACK_IMPORTED_MODULE_0__.boolean().optional() }),
    zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({ type: zod__WEBPACK_IMPORTED_MODULE_0__.literal('any'), disable_parallel_tool_use: zod__WEBPACK_IMPORTED_MODULE_0__.boolean().optional() }),
    zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({ type: zod__WEBPACK_IMPORTED_MODULE_0__.literal('tool'), name: zod__WEBPACK_IMPORTED_MODULE_0__.string(), disable_parallel_tool_use: zod__WEBPACK_IMPORTED_MODULE_0__.boolean().optional() }),
    zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({ type: zod__WEBPACK_IMPORTED_MODULE_0__.literal('none') }),
]);
const jsonOutputFormatSchema = zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({ type: zod__WEBPACK_IMPORTED_MODULE_0__.literal('json_schema'), schema: zod__WEBPACK_IMPORTED_MODULE_0__.record(zod__WEBPACK_IMPORTED_MODULE_0__.string(), zod__WEBPACK_IMPORTED_MODULE_0__.unknown()) });
const messagesRequestSchema = zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({
    model: zod__WEBPACK_IMPORTED_MODULE_0__.string().min(1),
    max_tokens: zod__WEBPACK_IMPORTED_MODULE_0__.int().min(1),
    messages: zod__WEBPACK_IMPORTED_MODULE_0__.array(messageParamSchema).min(1),
    system: zod__WEBPACK_IMPORTED_MODULE_0__.union([zod__WEBPACK_IMPORTED_MODULE_0__.string(), zod__WEBPACK_IMPORTED_MODULE_0__.array(textBlockSchema)]).optional(),
    temperature: zod__WEBPACK_IMPORTED_MODULE_0__.number().min(0).max(1).optional(),
    top_p: zod__WEBPACK_IMPORTED_MODULE_0__.number().min(0).max(1).optional(),
    top_k: zod__WEBPACK_IMPORTED_MODULE_0__.int().min(1).optional(),
    stop_sequences: zod__WEBPACK_IMPORTED_MODULE_0__.array(zod__WEBPACK_IMPORTED_MODULE_0__.string()).optional(),
    stream: zod__WEBPACK_IMPORTED_MODULE_0__.boolean().optional(),
    tools: zod__WEBPACK_IMPORTED_MODULE_0__.array(toolParamSchema).optional(),
    tool_choice: toolChoiceParamSchema.optional(),
    metadata: zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({ user_id: zod__WEBPACK_IMPORTED_MODULE_0__.string().nullish() }).optional(),
    output_config: zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({ format: jsonOutputFormatSchema.nullish(), effort: zod__WEBPACK_IMPORTED_MODULE_0__.string().nullish() }).optional(),
    /** The structured-outputs beta's name for `output_config.format`. */
    output_format: jsonOutputFormatSchema.nullish(),
});
// ---------------------------------------------------------------------------------------------
// Response side (what the API answers)
// ---------------------------------------------------------------------------------------------
const usageSchema = zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({
    input_tokens: zod__WEBPACK_IMPORTED_MODULE_0__.number().nullish(),
    output_tokens: zod__WEBPACK_IMPORTED_MODULE_0__.number().nullish(),
    cache_creation_input_tokens: zod__WEBPACK_IMPORTED_MODULE_0__.number().nullish(),
    cache_read_input_tokens: zod__WEBPACK_IMPORTED_MODULE_0__.number().nullish(),
});
const responseTextBlock = zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({ type: zod__WEBPACK_IMPORTED_MODULE_0__.literal('text'), text: zod__WEBPACK_IMPORTED_MODULE_0__.string() });
const responseToolUseBlock = zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({ type: zod__WEBPACK_IMPORTED_MODULE_0__.literal('tool_use'), id: zod__WEBPACK_IMPORTED_MODULE_0__.string(), name: zod__WEBPACK_IMPORTED_MODULE_0__.string(), input: zod__WEBPACK_IMPORTED_MODULE_0__.unknown() });
/** Thinking, server tool calls and blocks added after this was written: read past, not translated. */
const otherResponseBlock = zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({ type: zod__WEBPACK_IMPORTED_MODULE_0__.string().refine((t) => t !== 'text' && t !== 'tool_use') });
const responseBlockSchema = zod__WEBPACK_IMPORTED_MODULE_0__.union([responseTextBlock, responseToolUseBlock, otherResponseBlock]);
// The union above only lets a block of type `text` / `tool_use` through in its full shape, so the
// type tag alone is proof (loose objects' index signatures defeat TypeScript's own narrowing).
function isTextBlock(b) {
    return b.type === 'text';
}
function isToolUseBlock(b) {
    return b.type === 'tool_use';
}
const messageSchema = zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({
    id: zod__WEBPACK_IMPORTED_MODULE_0__.string(),
    type: zod__WEBPACK_IMPORTED_MODULE_0__.literal('message'),
    role: zod__WEBPACK_IMPORTED_MODULE_0__.literal('assistant'),
    model: zod__WEBPACK_IMPORTED_MODULE_0__.string(),
    content: zod__WEBPACK_IMPORTED_MODULE_0__.array(responseBlockSchema),
    stop_reason: zod__WEBPACK_IMPORTED_MODULE_0__.string().nullish(),
    stop_sequence: zod__WEBPACK_IMPORTED_MODULE_0__.string().nullish(),
    usage: usageSchema,
});
const errorBodySchema = zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({
    type: zod__WEBPACK_IMPORTED_MODULE_0__.literal('error'),
    error: zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({ type: zod__WEBPACK_IMPORTED_MODULE_0__.string(), message: zod__WEBPACK_IMPORTED_MODULE_0__.string() }),
});
// ---------------------------------------------------------------------------------------------
// Stream events (`event: <type>` + `data: {"type": <type>, ...}`)
// ---------------------------------------------------------------------------------------------
const textDelta = zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({ type: zod__WEBPACK_IMPORTED_MODULE_0__.literal('text_delta'), text: zod__WEBPACK_IMPORTED_MODULE_0__.string() });
const inputJsonDelta = zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({ type: zod__WEBPACK_IMPORTED_MODULE_0__.literal('input_json_delta'), partial_json: zod__WEBPACK_IMPORTED_MODULE_0__.string() });
const deltaSchema = zod__WEBPACK_IMPORTED_MODULE_0__.union([
    textDelta,
    inputJsonDelta,
    // thinking_delta, signature_delta, citations_delta: not translated.
    zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({ type: zod__WEBPACK_IMPORTED_MODULE_0__.string().refine((t) => t !== 'text_delta' && t !== 'input_json_delta') }),
]);
function isTextDelta(d) {
    return d.type === 'text_delta';
}
function isInputJsonDelta(d) {
    return d.type === 'input_json_delta';
}
const streamEventSchema = zod__WEBPACK_IMPORTED_MODULE_0__.discriminatedUnion('type', [
    zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({ type: zod__WEBPACK_IMPORTED_MODULE_0__.literal('message_start'), message: messageSchema }),
    zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({ type: zod__WEBPACK_IMPORTED_MODULE_0__.literal('content_block_start'), index: zod__WEBPACK_IMPORTED_MODULE_0__.int(), content_block: responseBlockSchema }),
    zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({ type: zod__WEBPACK_IMPORTED_MODULE_0__.literal('content_block_delta'), index: zod__WEBPACK_IMPORTED_MODULE_0__.int(), delta: deltaSchema }),
    zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({ type: zod__WEBPACK_IMPORTED_MODULE_0__.literal('content_block_stop'), index: zod__WEBPACK_IMPORTED_MODULE_0__.int() }),
    zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({
        type: zod__WEBPACK_IMPORTED_MODULE_0__.literal('message_delta'),
        delta: zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({ stop_reason: zod__WEBPACK_IMPORTED_MODULE_0__.string().nullish(), stop_sequence: zod__WEBPACK_IMPORTED_MODULE_0__.string().nullish() }),
        usage: usageSchema.nullish(),
    }),
    zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({ type: zod__WEBPACK_IMPORTED_MODULE_0__.literal('message_stop') }),
    zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({ type: zod__WEBPACK_IMPORTED_MODULE_0__.literal('ping') }),
    errorBodySchema,
]);
const STREAM_EVENT_TYPES = new Set(streamEventSchema.options.map((o) => o.shape.type.value));
// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------
/** Anthropic's documented error types and the HTTP status each comes with. */
const ERROR_TYPE_STATUS = {
    invalid_request_error: 400,
    authentication_error: 401,
    billing_error: 402,
    permission_error: 403,
    not_found_error: 404,
    request_too_large: 413,
    rate_limit_error: 429,
    api_error: 500,
    timeout_error: 504,
    overloaded_error: 529,
};
/** The error type Anthropic would answer for a gateway error, so SDK users see familiar types. */
function errorTypeFor(error) {
    switch (error.kind) {
        case 'invalid_request':
            return error.status === 413 ? 'request_too_large' : 'invalid_request_error';
        case 'authentication':
            return 'authentication_error';
        case 'permission':
            return error.status === 402 ? 'billing_error' : 'permission_error';
        case 'not_found':
            return 'not_found_error';
        case 'rate_limit':
            return 'rate_limit_error';
        case 'timeout':
            return 'timeout_error';
        case 'unavailable':
            // A cancelled call (499) is not the upstream being busy.
            return error.status === 499 ? 'api_error' : 'overloaded_error';
        case 'not_implemented':
            return 'invalid_request_error';
        default:
            return 'api_error';
    }
}


/***/ }),

/***/ 9437:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BZ: () => (/* binding */ geminiErrorBodySchema),
/* harmony export */   Ld: () => (/* binding */ geminiBatchEmbedContentsResponseSchema),
/* harmony export */   PO: () => (/* binding */ geminiStatusName),
/* harmony export */   UO: () => (/* binding */ geminiGenerateContentResponseSchema),
/* harmony export */   YZ: () => (/* binding */ geminiGenerateContentRequestSchema)
/* harmony export */ });
/* unused harmony exports geminiBlobSchema, geminiFileDataSchema, geminiFunctionCallSchema, geminiFunctionResponseSchema, geminiPartSchema, geminiContentSchema, geminiFunctionDeclarationSchema, geminiToolSchema, geminiToolConfigSchema, geminiGenerationConfigSchema, geminiCandidateSchema, geminiUsageMetadataSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(55156);
/**
 * The Gemini API's wire format (Generative Language API, `v1beta`): `generateContent` requests and
 * responses, `batchEmbedContents`, and Google's error body. The gateway reads requests with these
 * (the Gemini front) and reads Gemini's answers with them (the Gemini provider).
 *
 * Google's JSON is proto3 JSON: the API accepts a field under its lowerCamel name or its proto
 * snake_case name (Google's own curl examples send `system_instruction`, `inline_data`,
 * `mime_type`). Request objects therefore take both spellings and are read as lowerCamel. Only
 * the structural keys are renamed: free-form values (function args, function responses, JSON
 * schemas) keep their keys exactly as sent.
 */

function camel(key) {
    return key.replace(/_([a-z0-9])/g, (_m, c) => c.toUpperCase());
}
/** An object's own keys renamed to lowerCamel; a lowerCamel key wins over its snake_case twin. */
function camelKeys(value) {
    if (value === null || typeof value !== 'object' || Array.isArray(value))
        return value;
    const out = {};
    for (const [k, v] of Object.entries(value)) {
        const c = camel(k);
        if (c !== k && Object.hasOwn(value, c))
            continue;
        out[c] = v;
    }
    return out;
}
/** A loose proto message that also accepts snake_case field names. */
function message(shape) {
    return zod__WEBPACK_IMPORTED_MODULE_0__.preprocess(camelKeys, zod__WEBPACK_IMPORTED_MODULE_0__.looseObject(shape));
}
const freeObject = zod__WEBPACK_IMPORTED_MODULE_0__.record(zod__WEBPACK_IMPORTED_MODULE_0__.string(), zod__WEBPACK_IMPORTED_MODULE_0__.unknown());
const geminiBlobSchema = message({ mimeType: zod__WEBPACK_IMPORTED_MODULE_0__.string(), data: zod__WEBPACK_IMPORTED_MODULE_0__.string() });
const geminiFileDataSchema = message({ mimeType: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional(), fileUri: zod__WEBPACK_IMPORTED_MODULE_0__.string() });
const geminiFunctionCallSchema = message({ id: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional(), name: zod__WEBPACK_IMPORTED_MODULE_0__.string(), args: freeObject.optional() });
const geminiFunctionResponseSchema = message({ id: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional(), name: zod__WEBPACK_IMPORTED_MODULE_0__.string(), response: freeObject.optional() });
const geminiPartSchema = message({
    text: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional(),
    thought: zod__WEBPACK_IMPORTED_MODULE_0__.boolean().optional(),
    thoughtSignature: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional(),
    inlineData: geminiBlobSchema.optional(),
    fileData: geminiFileDataSchema.optional(),
    functionCall: geminiFunctionCallSchema.optional(),
    functionResponse: geminiFunctionResponseSchema.optional(),
});
const geminiContentSchema = message({
    role: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional(),
    parts: zod__WEBPACK_IMPORTED_MODULE_0__.array(geminiPartSchema).optional(),
});
const geminiFunctionDeclarationSchema = message({
    name: zod__WEBPACK_IMPORTED_MODULE_0__.string().min(1),
    description: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional(),
    /** Google's OpenAPI-subset schema (`type: "OBJECT"`). */
    parameters: freeObject.optional(),
    /** Plain JSON Schema; mutually exclusive with `parameters`. */
    parametersJsonSchema: freeObject.optional(),
});
const geminiToolSchema = message({
    functionDeclarations: zod__WEBPACK_IMPORTED_MODULE_0__.array(geminiFunctionDeclarationSchema).optional(),
});
const geminiToolConfigSchema = message({
    functionCallingConfig: message({
        mode: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional(),
        allowedFunctionNames: zod__WEBPACK_IMPORTED_MODULE_0__.array(zod__WEBPACK_IMPORTED_MODULE_0__.string()).optional(),
    }).optional(),
});
const geminiGenerationConfigSchema = message({
    temperature: zod__WEBPACK_IMPORTED_MODULE_0__.number().optional(),
    topP: zod__WEBPACK_IMPORTED_MODULE_0__.number().optional(),
    topK: zod__WEBPACK_IMPORTED_MODULE_0__.number().optional(),
    candidateCount: zod__WEBPACK_IMPORTED_MODULE_0__.int().optional(),
    maxOutputTokens: zod__WEBPACK_IMPORTED_MODULE_0__.int().optional(),
    stopSequences: zod__WEBPACK_IMPORTED_MODULE_0__.array(zod__WEBPACK_IMPORTED_MODULE_0__.string()).optional(),
    presencePenalty: zod__WEBPACK_IMPORTED_MODULE_0__.number().optional(),
    frequencyPenalty: zod__WEBPACK_IMPORTED_MODULE_0__.number().optional(),
    seed: zod__WEBPACK_IMPORTED_MODULE_0__.int().optional(),
    responseMimeType: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional(),
    responseSchema: freeObject.optional(),
    responseJsonSchema: freeObject.optional(),
});
const geminiGenerateContentRequestSchema = message({
    /** Some clients repeat the URL's model in the body; the URL decides. */
    model: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional(),
    contents: zod__WEBPACK_IMPORTED_MODULE_0__.array(geminiContentSchema),
    systemInstruction: geminiContentSchema.optional(),
    tools: zod__WEBPACK_IMPORTED_MODULE_0__.array(geminiToolSchema).optional(),
    toolConfig: geminiToolConfigSchema.optional(),
    generationConfig: geminiGenerationConfigSchema.optional(),
    safetySettings: zod__WEBPACK_IMPORTED_MODULE_0__.array(zod__WEBPACK_IMPORTED_MODULE_0__.unknown()).optional(),
    cachedContent: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional(),
});
// Responses: Google always answers lowerCamel, so these are plain loose objects.
const responsePartSchema = zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({
    text: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional(),
    thought: zod__WEBPACK_IMPORTED_MODULE_0__.boolean().optional(),
    thoughtSignature: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional(),
    functionCall: zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({ id: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional(), name: zod__WEBPACK_IMPORTED_MODULE_0__.string(), args: freeObject.nullish() }).optional(),
});
const geminiCandidateSchema = zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({
    content: zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({ role: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional(), parts: zod__WEBPACK_IMPORTED_MODULE_0__.array(responsePartSchema).optional() }).optional(),
    finishReason: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional(),
    finishMessage: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional(),
    index: zod__WEBPACK_IMPORTED_MODULE_0__.int().optional(),
});
const geminiUsageMetadataSchema = zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({
    promptTokenCount: zod__WEBPACK_IMPORTED_MODULE_0__.number().optional(),
    candidatesTokenCount: zod__WEBPACK_IMPORTED_MODULE_0__.number().optional(),
    thoughtsTokenCount: zod__WEBPACK_IMPORTED_MODULE_0__.number().optional(),
    totalTokenCount: zod__WEBPACK_IMPORTED_MODULE_0__.number().optional(),
});
const geminiGenerateContentResponseSchema = zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({
    candidates: zod__WEBPACK_IMPORTED_MODULE_0__.array(geminiCandidateSchema).optional(),
    promptFeedback: zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({ blockReason: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional(), blockReasonMessage: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional() }).optional(),
    usageMetadata: geminiUsageMetadataSchema.optional(),
    modelVersion: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional(),
    responseId: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional(),
});
const geminiBatchEmbedContentsResponseSchema = zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({
    embeddings: zod__WEBPACK_IMPORTED_MODULE_0__.array(zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({ values: zod__WEBPACK_IMPORTED_MODULE_0__.array(zod__WEBPACK_IMPORTED_MODULE_0__.number()) })),
});
/** Google's error body, also sent in-band as a stream event when a stream fails. */
const geminiErrorBodySchema = zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({
    error: zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({ code: zod__WEBPACK_IMPORTED_MODULE_0__.int(), message: zod__WEBPACK_IMPORTED_MODULE_0__.string(), status: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional() }),
});
/** Google's canonical status string for an HTTP status (google.rpc.Code). */
function geminiStatusName(status) {
    switch (status) {
        case 400:
            return 'INVALID_ARGUMENT';
        case 401:
            return 'UNAUTHENTICATED';
        case 403:
            return 'PERMISSION_DENIED';
        case 404:
            return 'NOT_FOUND';
        case 409:
            return 'ABORTED';
        case 429:
            return 'RESOURCE_EXHAUSTED';
        case 499:
            return 'CANCELLED';
        case 500:
            return 'INTERNAL';
        case 501:
            return 'UNIMPLEMENTED';
        case 502:
        case 503:
            return 'UNAVAILABLE';
        case 504:
            return 'DEADLINE_EXCEEDED';
        default:
            return status >= 500 ? 'INTERNAL' : 'INVALID_ARGUMENT';
    }
}


/***/ })

};
