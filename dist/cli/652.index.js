export const id = 652;
export const ids = [652];
export const modules = {

/***/ 17652:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  mountGateway: () => (/* binding */ mountGateway),
  startGatewayServer: () => (/* binding */ startGatewayServer)
});

// UNUSED EXPORTS: createGatewayApp

// EXTERNAL MODULE: ./node_modules/fastify/fastify.js
var fastify = __webpack_require__(16703);
// EXTERNAL MODULE: ./build/src/gateway/config.js + 9 modules
var gateway_config = __webpack_require__(16103);
// EXTERNAL MODULE: ./build/src/gateway/errors.js
var errors = __webpack_require__(14909);
// EXTERNAL MODULE: ./build/src/gateway/secrets.js
var secrets = __webpack_require__(94269);
// EXTERNAL MODULE: ./build/src/gateway/upstream.js
var upstream = __webpack_require__(81019);
;// CONCATENATED MODULE: ./build/src/gateway/gateway.js



const OPERATION_TYPE = { chat: 'llm/v1/chat', completions: 'llm/v1/completions', embeddings: 'llm/v1/embeddings' };
class Gateway {
    upstream;
    state;
    random;
    ownsUpstream;
    constructor(config, options = {}) {
        this.ownsUpstream = options.upstream === undefined;
        this.upstream = options.upstream ?? new upstream/* Upstream */.OS();
        this.random = options.random ?? Math.random;
        this.state = this.build(config);
    }
    /** Builds providers for a new config and swaps it in only if every one of them builds. */
    reload(config) {
        this.state = this.build(config);
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
    describeAll() {
        return this.state.config.endpoints.map((e) => describe(e));
    }
    describe(name) {
        const e = this.state.endpoints.get(name);
        return e ? describe(e.config) : undefined;
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
    async chat(name, request, signal) {
        const e = this.forOperation(name, 'chat');
        return e.provider.chat(request, this.call(e, signal));
    }
    /** Starts the stream before returning, so a refused request is an HTTP error, not an in-band one. */
    async chatStream(name, request, signal) {
        const e = this.forOperation(name, 'chat');
        return started(e.provider.chatStream(request, this.call(e, signal)));
    }
    async completions(name, request, signal) {
        const e = this.forOperation(name, 'completions');
        return e.provider.completions(request, this.call(e, signal));
    }
    async completionsStream(name, request, signal) {
        const e = this.forOperation(name, 'completions');
        return started(e.provider.completionsStream(request, this.call(e, signal)));
    }
    async embeddings(name, request, signal) {
        const e = this.forOperation(name, 'embeddings');
        return e.provider.embeddings(request, this.call(e, signal));
    }
    /** The endpoint's type, for the unified route that decides chat vs embeddings by body and endpoint. */
    endpointType(name) {
        return this.resolve(name).config.endpoint_type;
    }
    /**
     * Forwards a vendor-native request when the endpoint's provider speaks that vendor's API; undefined
     * when it does not (the front then translates). `endpoint` is fixed first so a traffic split
     * decides once per request.
     */
    async passthrough(e, request, signal) {
        if (!e.provider.passthrough)
            return undefined;
        return e.provider.passthrough(request, this.call(e, signal));
    }
    async close() {
        if (this.ownsUpstream)
            await this.upstream.close();
    }
}
function describe(e) {
    return {
        name: e.name,
        endpoint_type: e.endpoint_type,
        model: { name: e.model.name, provider: e.model.provider },
        endpoint_url: `/gateway/${e.name}/invocations`,
        limit: e.limit ? { calls: e.limit.calls, key: e.limit.key ?? null, renewal_period: e.limit.renewal_period } : null,
    };
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

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
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
var schemas = __webpack_require__(84552);
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
    const parsed = schemas/* chatRequestSchema */.LS.safeParse(candidate);
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

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js
var classic_schemas = __webpack_require__(55156);
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
const inputTextPart = classic_schemas.looseObject({ type: classic_schemas.literal('input_text'), text: classic_schemas.string() });
const outputTextPart = classic_schemas.looseObject({ type: classic_schemas.literal('output_text'), text: classic_schemas.string() });
const refusalPart = classic_schemas.looseObject({ type: classic_schemas.literal('refusal'), refusal: classic_schemas.string() });
const inputImagePart = classic_schemas.looseObject({
    type: classic_schemas.literal('input_image'),
    image_url: classic_schemas.string().nullish(),
    file_id: classic_schemas.string().nullish(),
    detail: classic_schemas.string().nullish(),
});
const anyPart = classic_schemas.looseObject({ type: classic_schemas.string() });
const messageItem = classic_schemas.looseObject({
    type: classic_schemas.literal('message').optional(),
    role: classic_schemas["enum"](['user', 'system', 'developer', 'assistant']),
    content: classic_schemas.union([classic_schemas.string(), classic_schemas.array(anyPart)]),
});
const functionCallItem = classic_schemas.looseObject({
    type: classic_schemas.literal('function_call'),
    call_id: classic_schemas.string().min(1),
    name: classic_schemas.string().min(1),
    arguments: classic_schemas.string(),
});
const functionCallOutputItem = classic_schemas.looseObject({
    type: classic_schemas.literal('function_call_output'),
    call_id: classic_schemas.string().min(1),
    output: classic_schemas.union([classic_schemas.string(), classic_schemas.array(anyPart)]),
});
const anyItem = classic_schemas.looseObject({ type: classic_schemas.string().optional(), role: classic_schemas.string().optional() });
const functionTool = classic_schemas.looseObject({
    type: classic_schemas.literal('function'),
    name: classic_schemas.string().min(1),
    description: classic_schemas.string().nullish(),
    parameters: classic_schemas.record(classic_schemas.string(), classic_schemas.unknown()).nullish(),
    strict: classic_schemas.boolean().nullish(),
});
const toolChoiceInput = classic_schemas.union([classic_schemas["enum"](['none', 'auto', 'required']), classic_schemas.looseObject({ type: classic_schemas.string() })], {
    error: '"tool_choice" must be "none", "auto", "required" or an object with a "type"',
});
const functionChoice = classic_schemas.looseObject({ type: classic_schemas.literal('function'), name: classic_schemas.string().min(1) });
const allowedToolsChoice = classic_schemas.looseObject({
    type: classic_schemas.literal('allowed_tools'),
    mode: classic_schemas["enum"](['auto', 'required']),
    tools: classic_schemas.array(classic_schemas.looseObject({ type: classic_schemas.literal('function', { error: 'only function tools can be listed' }), name: classic_schemas.string().min(1) })),
});
const jsonSchemaFormat = classic_schemas.looseObject({
    type: classic_schemas.literal('json_schema'),
    name: classic_schemas.string().min(1),
    schema: classic_schemas.record(classic_schemas.string(), classic_schemas.unknown()),
    description: classic_schemas.string().nullish(),
    strict: classic_schemas.boolean().nullish(),
});
const responsesRequestSchema = classic_schemas.looseObject({
    model: classic_schemas.string().optional(),
    input: classic_schemas.union([classic_schemas.string(), classic_schemas.array(classic_schemas.unknown())], { error: '"input" must be a string or a list of input items' }),
    instructions: classic_schemas.string().nullish(),
    tools: classic_schemas.array(classic_schemas.looseObject({ type: classic_schemas.string() })).nullish(),
    tool_choice: toolChoiceInput.nullish(),
    temperature: classic_schemas.number().min(0).max(2).nullish(),
    top_p: classic_schemas.number().min(0).max(1).nullish(),
    max_output_tokens: classic_schemas.int().min(1).nullish(),
    text: classic_schemas.looseObject({ format: classic_schemas.looseObject({ type: classic_schemas.string() }).nullish() }).nullish(),
    parallel_tool_calls: classic_schemas.boolean().nullish(),
    stream: classic_schemas.boolean().nullish(),
    user: classic_schemas.string().nullish(),
    // Accepted and ignored: they change nothing a stateless translation could honour or break.
    metadata: classic_schemas.record(classic_schemas.string(), classic_schemas.unknown()).nullish(),
    store: classic_schemas.boolean().nullish(),
    // Refused below with the reason; parsed loosely so the refusal, not a type error, is what users see.
    previous_response_id: classic_schemas.unknown().optional(),
    conversation: classic_schemas.unknown().optional(),
    prompt: classic_schemas.unknown().optional(),
    background: classic_schemas.boolean().nullish(),
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









/** Vision payloads are large; a request above this is refused before it is read. */
const BODY_LIMIT = 64 * 1024 * 1024;
/** The log of the plugin instance serving a gateway (one per mount). */
const failureLog = new WeakMap();
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
function sendError(reply, gateway, error, render) {
    const e = (0,errors/* asGatewayError */.VG)(error);
    if (e.kind === 'internal')
        failureLog.get(gateway)?.error(`gateway request failed: ${gateway.redactor.redact(error instanceof Error ? (error.stack ?? error.message) : String(error))}`);
    const safe = new errors/* GatewayError */.Fe(e.kind, gateway.redactor.redact(e.message), { status: e.status, retryAfter: e.retryAfter });
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
        throw new errors/* GatewayError */.Fe(e.kind, gateway.redactor.redact(e.message), { status: e.status, retryAfter: e.retryAfter });
    }
}
function sendSse(reply, events) {
    async function* frames() {
        for await (const e of events)
            yield `${e.event ? `event: ${e.event}\n` : ''}data: ${e.data}\n\n`;
    }
    reply.header('content-type', 'text/event-stream; charset=utf-8').header('cache-control', 'no-cache').header('x-accel-buffering', 'no');
    return reply.send(external_node_stream_.Readable.from(frames()));
}
/** Copies a vendor's own answer through untouched (MLflow's passthrough). */
function sendPassthrough(reply, res) {
    reply.status(res.status);
    for (const [k, v] of Object.entries(res.headers))
        reply.header(k, v);
    return reply.send(external_node_stream_.Readable.from(res.body));
}
/** Registers a POST route whose failures render in `render`'s format. */
function post(app, gateway, url, render, handler) {
    app.post(url, async (request, reply) => {
        try {
            const body = parseJson(request.body);
            return await handler({ gateway, signal: callerSignal(request, reply), request, reply }, body);
        }
        catch (err) {
            return sendError(reply, gateway, err, render);
        }
    });
}
function endpointParam(request) {
    return decodeURIComponent(request.params.name);
}
function modelFrom(body) {
    const model = body.model;
    if (typeof model !== 'string' || model === '')
        throw new errors/* GatewayError */.Fe('invalid_request', "Missing required 'model' parameter in request body. Set it to the gateway endpoint's name.");
    return model;
}
// ---- MLflow unified schema (legacy /endpoints, /gateway/<name>/invocations, 3.x mlflow/invocations) ----
async function unified(ctx, name, body, kind) {
    const { gateway, signal, reply } = ctx;
    const provider = gateway.resolve(name).provider.name;
    // The endpoint, not the caller, picks the model on the invocations routes.
    const { model: _ignored, ...rest } = body;
    const extra = { provider };
    if (kind === 'embeddings') {
        return reply.send({ ...(await gateway.embeddings(name, parseBody(schemas/* embeddingsRequestSchema */.xn, rest), signal)), ...extra });
    }
    if (kind === 'completions') {
        const request = parseBody(schemas/* completionsRequestSchema */.Gl, rest);
        if (request.stream)
            return sendSse(reply, dataEvents(redacted(gateway, await gateway.completionsStream(name, request, signal)), extra, (e) => ({ error: mlflowErrorBody(e) }), false));
        return reply.send({ ...(await gateway.completions(name, request, signal)), ...extra });
    }
    const request = parseBody(schemas/* chatRequestSchema */.LS, rest);
    if (request.stream)
        return sendSse(reply, dataEvents(redacted(gateway, await gateway.chatStream(name, request, signal)), extra, (e) => ({ error: mlflowErrorBody(e) }), false));
    return reply.send({ ...(await gateway.chat(name, request, signal)), ...extra });
}
function byEndpointType(gateway, name) {
    const type = gateway.endpointType(name);
    return type === 'llm/v1/chat' ? 'chat' : type === 'llm/v1/completions' ? 'completions' : 'embeddings';
}
async function openaiChat(ctx, body, style) {
    const { gateway, signal, reply } = ctx;
    const name = modelFrom(body);
    const request = parseBody(schemas/* chatRequestSchema */.LS, body);
    const extra = style.mlflowFlavour ? { provider: gateway.resolve(name).provider.name } : {};
    if (request.stream)
        return sendSse(reply, dataEvents(redacted(gateway, await gateway.chatStream(name, request, signal)), extra, openaiErrorBody, !style.mlflowFlavour));
    return reply.send({ ...(await gateway.chat(name, request, signal)), ...extra });
}
async function openaiCompletions(ctx, body, style) {
    const { gateway, signal, reply } = ctx;
    const name = modelFrom(body);
    const request = parseBody(schemas/* completionsRequestSchema */.Gl, body);
    const extra = style.mlflowFlavour ? { provider: gateway.resolve(name).provider.name } : {};
    if (request.stream)
        return sendSse(reply, dataEvents(redacted(gateway, await gateway.completionsStream(name, request, signal)), extra, openaiErrorBody, !style.mlflowFlavour));
    return reply.send({ ...(await gateway.completions(name, request, signal)), ...extra });
}
async function openaiEmbeddings(ctx, body) {
    const name = modelFrom(body);
    return ctx.reply.send(await ctx.gateway.embeddings(name, parseBody(schemas/* embeddingsRequestSchema */.xn, body), ctx.signal));
}
/** A front's request answered through the unified schema (the vendors differ). */
async function translated(ctx, front, name, body, hints) {
    const { gateway, signal, reply } = ctx;
    const parsed = front.parse(body, hints);
    const renderCtx = { requestedModel: name, request: parsed.request };
    if (parsed.stream)
        return sendSse(reply, front.renderStream(redacted(gateway, await gateway.chatStream(name, { ...parsed.request, stream: true }, signal)), renderCtx));
    return reply.send(front.render(await gateway.chat(name, { ...parsed.request, stream: false }, signal), renderCtx));
}
/** Forwards verbatim when the endpoint's provider speaks the front's vendor API, else translates. */
async function routes_native(ctx, name, request, fallback) {
    const endpoint = ctx.gateway.resolve(name);
    const res = await ctx.gateway.passthrough(endpoint, request, ctx.signal);
    return res ? sendPassthrough(ctx.reply, res) : fallback();
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
        post(app, gateway, url, mlflowErrorBody, (ctx, body) => {
            const name = endpointParam(ctx.request);
            return unified(ctx, name, body, byEndpointType(gateway, name));
        });
    }
    post(app, gateway, '/gateway/:name/mlflow/invocations', mlflowErrorBody, (ctx, body) => {
        const name = endpointParam(ctx.request);
        gateway.resolve(name);
        if ('messages' in body)
            return unified(ctx, name, body, 'chat');
        if ('input' in body)
            return unified(ctx, name, body, 'embeddings');
        throw new errors/* GatewayError */.Fe('invalid_request', 'Invalid request: payload format must be either chat (with "messages") or embeddings (with "input").');
    });
    const mlflowV1 = { mlflowFlavour: true };
    post(app, gateway, '/gateway/mlflow/v1/chat/completions', openaiErrorBody, (ctx, body) => openaiChat(ctx, body, mlflowV1));
    post(app, gateway, '/gateway/mlflow/v1/completions', openaiErrorBody, (ctx, body) => openaiCompletions(ctx, body, mlflowV1));
    post(app, gateway, '/gateway/mlflow/v1/embeddings', openaiErrorBody, (ctx, body) => openaiEmbeddings(ctx, body));
    // OpenAI front: passthrough to OpenAI-speaking providers, translation to the rest.
    const openaiFront = { mlflowFlavour: false };
    const openaiPrefixes = options.standalone ? ['/gateway/openai/v1', '/v1'] : ['/gateway/openai/v1'];
    for (const prefix of openaiPrefixes) {
        // The standalone legacy gateway's /v1 routes are MLflow's, so they answer in MLflow's flavour.
        const style = prefix === '/v1' ? mlflowV1 : openaiFront;
        const forward = (operation, fallback) => post(app, gateway, `${prefix}/${operation}`, openaiErrorBody, (ctx, body) => {
            const name = modelFrom(body);
            if (prefix === '/v1')
                return fallback(ctx, body);
            return routes_native(ctx, name, { vendor: 'openai', operation, body, stream: body.stream === true }, () => fallback(ctx, body));
        });
        forward('chat/completions', (ctx, body) => openaiChat(ctx, body, style));
        forward('completions', (ctx, body) => openaiCompletions(ctx, body, style));
        forward('embeddings', (ctx, body) => openaiEmbeddings(ctx, body));
        forward('responses', (ctx, body) => translated(ctx, openaiResponsesFront, modelFrom(body), body));
        const models = () => ({
            object: 'list',
            data: gateway.names().map((id) => ({ id, object: 'model', created: 0, owned_by: 'mlflow-ts-gateway' })),
        });
        app.get(`${prefix}/models`, async () => models());
        app.get(`${prefix}/models/:name`, async (request, reply) => {
            const name = endpointParam(request);
            if (gateway.names().includes(name))
                return { id: name, object: 'model', created: 0, owned_by: 'mlflow-ts-gateway' };
            return sendError(reply, gateway, new errors/* GatewayError */.Fe('not_found', `The model '${name}' does not exist: it is not an endpoint of this gateway.`), openaiErrorBody);
        });
    }
    post(app, gateway, '/gateway/anthropic/v1/messages', (e) => anthropicFront.errorBody(e), (ctx, body) => {
        const name = modelFrom(body);
        // Beta features are opted into by header; only that header goes upstream, never the caller's key.
        const beta = ctx.request.headers['anthropic-beta'];
        const headers = typeof beta === 'string' ? { 'anthropic-beta': beta } : undefined;
        return routes_native(ctx, name, { vendor: 'anthropic', operation: 'messages', body, stream: body.stream === true, ...(headers ? { headers } : {}) }, () => translated(ctx, anthropicFront, name, body));
    });
    // Gemini names the model and the method in one path segment: `models/<name>:generateContent`.
    for (const version of ['v1beta', 'v1']) {
        post(app, gateway, `/gateway/gemini/${version}/models/:action`, (e) => geminiFront.errorBody(e), (ctx, body) => {
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




/** Loads the config and registers the gateway's routes on `app` in their own scope. */
async function mountGateway(app, options) {
    const config = await (0,gateway_config/* loadGatewayConfig */.TK)(options.configPath, { env: options.env });
    const gateway = new Gateway(config, { upstream: options.upstream });
    const log = options.log ?? { info: (m) => app.log.info(m), error: (m) => app.log.error(m) };
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
        }, { env: options.env });
    await app.register(gatewayRoutes, { gateway, authToken: options.authToken, standalone: options.standalone, configPath: options.configPath, log });
    return {
        gateway,
        async close() {
            await watcher?.close();
            await gateway.close();
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
