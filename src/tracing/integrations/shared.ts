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
import {
  GenAiAttributeKey,
  recordLlmRequest,
  recordLlmResponse,
  recordStreamChunk,
  recordTokenUsage,
  setChatTools,
  startSpan,
  type LiveSpan,
  type TokenUsage,
} from '../index.ts';

export type Vendor = 'openai' | 'anthropic' | 'gemini';

/** A tool definition in MLflow's chat form (`mlflow.chat.tools`), whatever the vendor's own form. */
export interface ChatTool {
  type: 'function';
  function: { name: string; description?: string; parameters?: unknown; strict?: boolean };
}

/** What a response (final, or aggregated from a stream) says about the call. */
export interface ResponseFacts {
  model?: string;
  id?: string;
  finishReasons?: string[];
  /** The vendor's usage object, in whatever shape it has; see `normalizeTokenUsage`. */
  usage?: unknown;
  /** A failure the response reports in-band (e.g. a Responses API `response.failed`). */
  failure?: string;
}

/** Folds stream chunks into the output a non-streaming call would have returned. */
export interface StreamAggregator {
  add(chunk: unknown): void;
  /** The aggregated output so far; the final message once the stream completed. */
  result(): unknown;
}

/** How one SDK method is traced. */
export interface OperationSpec {
  vendor: Vendor;
  /** Span name (MLflow's autolog names, so traces read the same as from MLflow's Python SDK). */
  name: string;
  spanType: string;
  /** `gen_ai.operation.name`. */
  operation: 'chat' | 'text_completion' | 'embeddings' | 'generate_content';
  /** Request tool definitions, in MLflow's chat form. */
  tools?(params: Record<string, unknown>): ChatTool[] | undefined;
  /** True when the call returns a stream for these params. */
  streams?(params: Record<string, unknown>): boolean;
  /** Facts from a final output (the SDK's result, or a stream aggregate). */
  describe(output: unknown): ResponseFacts;
  aggregator?(): StreamAggregator;
}

/** Chunk events recorded per streamed call; later chunks still feed the aggregate output. */
export const MAX_CHUNK_EVENTS = 1000;
/** Characters of one chunk's JSON kept in its event. */
export const MAX_CHUNK_VALUE_CHARS = 16_384;

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
const MAX_DEPTH = 32;

const isRedactedKey = (key: string): boolean => REDACTED_KEYS.has(key.toLowerCase().replace(/[-_]/g, ''));

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Strings equal to a client credential, to scrub wherever they might show up (e.g. an echoed error). */
export type Secrets = readonly string[];

export function secretsOf(client: object): Secrets {
  const out: string[] = [];
  for (const key of ['apiKey', 'authToken']) {
    try {
      const v = (client as Record<string, unknown>)[key];
      // Short values (placeholders, empty) would scrub ordinary words.
      if (typeof v === 'string' && v.length >= 8) out.push(v);
    } catch {
      // A throwing getter holds no readable secret.
    }
  }
  return out;
}

export function scrub(text: string, secrets: Secrets): string {
  let out = text;
  for (const s of secrets) if (out.includes(s)) out = out.split(s).join('[REDACTED]');
  return out;
}

/**
 * A JSON-safe copy of a request or response for a span: credential and transport keys dropped,
 * functions dropped, typed arrays (OpenAI's decoded embeddings) as number arrays, credentials
 * scrubbed from strings. Never throws.
 */
export function toTraceValue(value: unknown, secrets: Secrets = []): unknown {
  const seen = new Set<object>();
  const walk = (v: unknown, depth: number): unknown => {
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
    if (v === null) return null;
    const obj = v as object;
    if (seen.has(obj)) return '[Circular]';
    if (depth >= MAX_DEPTH) return '[Max depth]';
    if (ArrayBuffer.isView(obj)) {
      return obj instanceof DataView ? `[DataView: ${obj.byteLength} bytes]` : Array.from(obj as unknown as ArrayLike<number | bigint>, (n) => (typeof n === 'bigint' ? n.toString() : n));
    }
    if (obj instanceof ArrayBuffer) return `[ArrayBuffer: ${obj.byteLength} bytes]`;
    if (obj instanceof Date) return Number.isNaN(obj.getTime()) ? null : obj.toISOString();
    if (obj instanceof Error) return { name: obj.name, message: secrets.length ? scrub(obj.message, secrets) : obj.message };
    seen.add(obj);
    try {
      if (Array.isArray(obj)) return obj.map((item) => walk(item, depth + 1) ?? null);
      if (obj instanceof Map) {
        const out: Record<string, unknown> = {};
        for (const [k, item] of obj) if (!isRedactedKey(String(k))) out[String(k)] = walk(item, depth + 1);
        return out;
      }
      if (obj instanceof Set) return [...obj].map((item) => walk(item, depth + 1) ?? null);
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(obj)) {
        if (isRedactedKey(key)) continue;
        let item: unknown;
        try {
          item = (obj as Record<string, unknown>)[key];
        } catch {
          continue;
        }
        const w = walk(item, depth + 1);
        if (w !== undefined) out[key] = w;
      }
      return out;
    } finally {
      seen.delete(obj);
    }
  };
  try {
    return walk(value, 0);
  } catch {
    return '[Unserializable]';
  }
}

// ------------------------------------------------------------------------------------ usage

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/**
 * One usage normaliser for every vendor shape, into MLflow's `{input_tokens, output_tokens,
 * total_tokens, cache_*}` where input counts every prompt token (cached ones included):
 * - OpenAI chat/completions: `prompt_tokens`, `completion_tokens`, `prompt_tokens_details.cached_tokens`;
 * - OpenAI Responses: `input_tokens`, `output_tokens`, `input_tokens_details.cached_tokens`;
 * - Anthropic: `input_tokens` excludes `cache_read_input_tokens` and `cache_creation_input_tokens`,
 *   so they are added back, as MLflow's Anthropic autolog does;
 * - Gemini: `promptTokenCount`, `candidatesTokenCount` (+ `thoughtsTokenCount`), `cachedContentTokenCount`.
 */
export function normalizeTokenUsage(usage: unknown): TokenUsage | undefined {
  if (!isRecord(usage)) return undefined;
  let input: number | undefined;
  let output: number | undefined;
  let total: number | undefined;
  let cacheRead: number | undefined;
  let cacheCreation: number | undefined;
  if ('promptTokenCount' in usage || 'candidatesTokenCount' in usage || 'totalTokenCount' in usage) {
    input = num(usage.promptTokenCount) ?? 0;
    const thoughts = num(usage.thoughtsTokenCount) ?? 0;
    output = (num(usage.candidatesTokenCount) ?? 0) + thoughts;
    total = num(usage.totalTokenCount);
    cacheRead = num(usage.cachedContentTokenCount);
  } else if ('prompt_tokens' in usage || 'completion_tokens' in usage) {
    input = num(usage.prompt_tokens) ?? 0;
    output = num(usage.completion_tokens) ?? 0;
    total = num(usage.total_tokens);
    cacheRead = isRecord(usage.prompt_tokens_details) ? num(usage.prompt_tokens_details.cached_tokens) : undefined;
  } else if ('input_tokens' in usage || 'output_tokens' in usage) {
    input = num(usage.input_tokens) ?? 0;
    output = num(usage.output_tokens) ?? 0;
    total = num(usage.total_tokens);
    if ('cache_read_input_tokens' in usage || 'cache_creation_input_tokens' in usage) {
      cacheRead = num(usage.cache_read_input_tokens);
      cacheCreation = num(usage.cache_creation_input_tokens);
      input += (cacheRead ?? 0) + (cacheCreation ?? 0);
      total = undefined;
    } else {
      cacheRead = isRecord(usage.input_tokens_details) ? num(usage.input_tokens_details.cached_tokens) : undefined;
    }
  } else {
    return undefined;
  }
  const out: TokenUsage = { input_tokens: input, output_tokens: output, total_tokens: total ?? input + output };
  if (cacheRead !== undefined) out.cache_read_input_tokens = cacheRead;
  if (cacheCreation !== undefined) out.cache_creation_input_tokens = cacheCreation;
  return out;
}

// ------------------------------------------------------------------------------------ spans

/** One traced SDK call: the span, and the single place it is ended (first outcome wins). */
class CallTrace {
  readonly #span: LiveSpan;
  readonly #spec: OperationSpec;
  readonly #secrets: Secrets;
  readonly params: Record<string, unknown>;
  #open = true;

  private constructor(span: LiveSpan, spec: OperationSpec, secrets: Secrets, params: Record<string, unknown>) {
    this.#span = span;
    this.#spec = spec;
    this.#secrets = secrets;
    this.params = params;
  }

  /** Undefined when the span cannot be started: the call then runs untraced rather than fail. */
  static start(spec: OperationSpec, secrets: Secrets, args: readonly unknown[]): CallTrace | undefined {
    const params = isRecord(args[0]) ? args[0] : {};
    let span: LiveSpan;
    try {
      span = startSpan({ name: spec.name, spanType: spec.spanType, inputs: toTraceValue(args[0] ?? {}, secrets) });
    } catch {
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
      if (tools?.length) setChatTools(span, toTraceValue(tools, secrets) as unknown[]);
    } catch {
      // Request attributes are best effort; the span still records the call.
    }
    return new CallTrace(span, spec, secrets, params);
  }

  get open(): boolean {
    return this.#open;
  }

  addChunkEvent(index: number, chunk: unknown): void {
    if (!this.open) return;
    try {
      let text = JSON.stringify(toTraceValue(chunk, this.#secrets)) ?? 'null';
      if (text.length > MAX_CHUNK_VALUE_CHARS) text = text.slice(0, MAX_CHUNK_VALUE_CHARS) + '...[truncated]';
      // A JSON string, as MLflow records chunk values.
      recordStreamChunk(this.#span, index, text);
    } catch {
      // A chunk that cannot be recorded is skipped; the consumer still gets it.
    }
  }

  setAttribute(key: string, value: unknown): void {
    if (this.open) safely(() => this.#span.setAttribute(key, value));
  }

  /** Ends the span with `output` as its outputs (response facts, usage, model recorded from it). */
  succeed(output: unknown): void {
    if (!this.#open) return;
    this.#open = false;
    try {
      const facts = safely(() => this.#spec.describe(output)) ?? {};
      this.#recordFacts(facts);
      this.#span.setOutputs(toTraceValue(output, this.#secrets));
      if (facts.failure !== undefined) this.#span.setStatus('ERROR', scrub(facts.failure, this.#secrets));
      this.#span.end();
    } catch {
      safely(() => this.#span.end());
    }
  }

  /** Ends the span as failed; `partialOutput` is what a stream produced before failing. */
  fail(error: unknown, partialOutput?: unknown): void {
    if (!this.#open) return;
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
    } catch {
      safely(() => this.#span.end());
    }
  }

  #recordFacts(facts: ResponseFacts): void {
    recordLlmResponse(this.#span, {
      model: facts.model,
      id: facts.id,
      finishReasons: facts.finishReasons?.length ? facts.finishReasons : undefined,
    });
    const usage = normalizeTokenUsage(facts.usage);
    if (usage) recordTokenUsage(this.#span, usage);
  }

  /** The error itself unless its text carries a client credential; then a copy without it. */
  #scrubbedError(error: unknown): unknown {
    if (!(error instanceof Error) || this.#secrets.length === 0) return error;
    const message = scrub(error.message, this.#secrets);
    const stack = error.stack === undefined ? undefined : scrub(error.stack, this.#secrets);
    if (message === error.message && stack === error.stack) return error;
    const copy = new Error(message);
    copy.name = error.name;
    copy.stack = stack;
    return copy;
  }
}

function safely<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

/** Sampling settings under each vendor's parameter names (Gemini's live in `config`). */
function requestSettings(params: Record<string, unknown>): { temperature?: number; topP?: number; maxTokens?: number } {
  const config = isRecord(params.config) ? params.config : {};
  const pick = (...vals: unknown[]): number | undefined => vals.map(num).find((v) => v !== undefined);
  return {
    temperature: pick(params.temperature, config.temperature),
    topP: pick(params.top_p, config.topP),
    maxTokens: pick(params.max_tokens, params.max_completion_tokens, params.max_output_tokens, config.maxOutputTokens),
  };
}

// ------------------------------------------------------------------------------------ calls

type AnyFunction = (...args: unknown[]) => unknown;

/**
 * Runs one SDK call inside a span. The call's result comes back as the SDK made it: a promise
 * (same methods), a stream (same object) or a value. Exceptions are rethrown unchanged.
 */
export function traceSdkCall(spec: OperationSpec, secrets: Secrets, original: AnyFunction, self: unknown, args: unknown[]): unknown {
  const call = CallTrace.start(spec, secrets, args);
  if (!call) return Reflect.apply(original, self, args);
  let result: unknown;
  try {
    result = Reflect.apply(original, self, args);
  } catch (err) {
    call.fail(err);
    throw err;
  }
  const onValue = (value: unknown): unknown => {
    try {
      return handleValue(spec, call, value);
    } catch {
      // Instrumentation failed on an odd value: hand it back untouched.
      call.succeed(undefined);
      return value;
    }
  };
  if (isThenable(result)) return instrumentPromise(result, call, onValue);
  return onValue(result);
}

function handleValue(spec: OperationSpec, call: CallTrace, value: unknown): unknown {
  const streaming = spec.aggregator !== undefined && (safely(() => spec.streams?.(call.params)) ?? false);
  if (streaming && spec.aggregator) return instrumentStream(value, new StreamRecorder(call, spec.aggregator()));
  call.succeed(value);
  return value;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/**
 * A native promise is chained directly. The SDKs' promise subclasses (OpenAI and Anthropic's
 * `APIPromise`) parse the body only when first awaited and carry `withResponse()` /
 * `asResponse()`, so they get a Proxy: awaiting or `withResponse()` goes through the span, and
 * `asResponse()` (raw body, nothing for us to parse) ends the span when the response arrives.
 */
function instrumentPromise(promise: PromiseLike<unknown>, call: CallTrace, onValue: (v: unknown) => unknown): unknown {
  let traced: Promise<unknown> | undefined;
  const settle = (): Promise<unknown> =>
    (traced ??= Promise.resolve(
      promise.then(onValue, (err: unknown) => {
        call.fail(err);
        throw err;
      }),
    ));
  if (promise instanceof Promise && Object.getPrototypeOf(promise) === Promise.prototype) return settle();

  const target = promise as PromiseLike<unknown> & Record<PropertyKey, unknown>;
  const methods: Record<PropertyKey, unknown> = {
    then: (onFulfilled?: AnyFunction, onRejected?: AnyFunction) => settle().then(onFulfilled, onRejected),
    catch: (onRejected?: AnyFunction) => settle().catch(onRejected),
    finally: (onFinally?: () => void) => settle().finally(onFinally),
  };
  if (typeof target.withResponse === 'function') {
    const withResponse = target.withResponse as () => Promise<Record<string, unknown>>;
    methods.withResponse = () => Promise.all([settle(), withResponse.call(target)]).then(([data, raw]) => ({ ...raw, data }));
  }
  if (typeof target.asResponse === 'function') {
    const asResponse = target.asResponse as () => Promise<unknown>;
    methods.asResponse = () =>
      asResponse.call(target).then(
        (response) => {
          if (!traced) call.succeed(undefined);
          return response;
        },
        (err: unknown) => {
          call.fail(err);
          throw err;
        },
      );
  }
  const bound = new Map<PropertyKey, unknown>();
  return new Proxy(target, {
    get(t, prop) {
      if (Object.hasOwn(methods, prop)) return methods[prop];
      const value = Reflect.get(t, prop, t);
      if (typeof value !== 'function') return value;
      // Promise methods need the real promise as `this` (internal slots, private fields).
      let fn = bound.get(prop);
      if (fn === undefined) bound.set(prop, (fn = (value as AnyFunction).bind(t)));
      return fn;
    },
  });
}

// ------------------------------------------------------------------------------------ streams

/** Feeds chunks to the aggregate and the chunk events, and ends the call once. */
class StreamRecorder {
  readonly #call: CallTrace;
  readonly #aggregator: StreamAggregator;
  #count = 0;

  constructor(call: CallTrace, aggregator: StreamAggregator) {
    this.#call = call;
    this.#aggregator = aggregator;
  }

  chunk(value: unknown): void {
    if (!this.#call.open) return;
    safely(() => this.#aggregator.add(value));
    if (this.#count < MAX_CHUNK_EVENTS) this.#call.addChunkEvent(this.#count, value);
    this.#count++;
  }

  /** The stream ended; `complete` is false when the consumer stopped (break, abort) before its end. */
  finish(complete: boolean): void {
    if (!this.#call.open) return;
    this.#annotate(complete);
    this.#call.succeed(safely(() => this.#aggregator.result()));
  }

  fail(error: unknown): void {
    if (!this.#call.open) return;
    this.#annotate(true);
    this.#call.fail(error, safely(() => this.#aggregator.result()));
  }

  /** Ends with a result the stream object computed itself (Anthropic's `finalMessage`). */
  finishWith(output: unknown): void {
    if (!this.#call.open) return;
    this.#annotate(true);
    this.#call.succeed(output);
  }

  #annotate(complete: boolean): void {
    if (this.#count > MAX_CHUNK_EVENTS) this.#call.setAttribute('mlflow.chunk.dropped', this.#count - MAX_CHUNK_EVENTS);
    if (!complete) this.#call.setAttribute('mlflow.stream.incomplete', true);
  }
}

/** Re-yields `source`, recording each chunk; the span ends on completion, error, break or abort. */
async function* recordIterable<T>(source: AsyncIterable<T>, recorder: StreamRecorder, aborted: () => boolean): AsyncGenerator<T, void, undefined> {
  let complete = false;
  try {
    for await (const chunk of source) {
      recorder.chunk(chunk);
      yield chunk;
    }
    complete = !aborted();
  } catch (err) {
    recorder.fail(err);
    throw err;
  } finally {
    // Reached without an error on completion, and on `return()` (a consumer's break) too.
    recorder.finish(complete);
  }
}

const hasFn = (v: unknown, key: PropertyKey): boolean =>
  (typeof v === 'object' || typeof v === 'function') && v !== null && typeof (v as Record<PropertyKey, unknown>)[key] === 'function';

/**
 * Instruments a streamed result in the form the SDK returned it:
 * - an event emitter with `on`/`done` (Anthropic's `MessageStream`): observed through its public
 *   events, so listener-dependent behaviour (unhandled-error reporting) is unchanged;
 * - a Stainless `Stream` (OpenAI, Anthropic): its per-instance `iterator` factory is replaced, so
 *   `for await`, `tee()`, `toReadableStream()` and `controller` all keep working on the same object;
 * - an async generator (Gemini): a recording generator in its place;
 * - another async iterable: a Proxy whose `Symbol.asyncIterator` records.
 */
function instrumentStream(value: unknown, recorder: StreamRecorder): unknown {
  if (hasFn(value, 'on') && hasFn(value, 'done') && hasFn(value, Symbol.asyncIterator)) {
    observeEventStream(value as EventStreamLike, recorder);
    return value;
  }
  if (!hasFn(value, Symbol.asyncIterator)) {
    recorder.finishWith(value);
    return value;
  }
  const stream = value as AsyncIterable<unknown> & Record<PropertyKey, unknown>;
  const signal = (stream.controller as { signal?: AbortSignal } | undefined)?.signal;
  const aborted = (): boolean => signal?.aborted === true;
  const factory = stream.iterator;
  if (typeof factory === 'function' && Object.hasOwn(stream, 'iterator')) {
    try {
      stream.iterator = function (this: unknown, ...args: unknown[]) {
        const inner = Reflect.apply(factory, this, args) as AsyncIterator<unknown>;
        return recordIterable({ [Symbol.asyncIterator]: () => inner }, recorder, aborted);
      };
      return stream;
    } catch {
      // Frozen or read-only: fall through to a Proxy.
    }
  }
  if (hasFn(stream, 'next')) return recordIterable(stream, recorder, aborted);
  return new Proxy(stream, {
    get(t, prop) {
      const v = Reflect.get(t, prop, t);
      if (prop === Symbol.asyncIterator && typeof v === 'function') {
        return () => recordIterable({ [Symbol.asyncIterator]: () => Reflect.apply(v, t, []) as AsyncIterator<unknown> }, recorder, aborted);
      }
      return typeof v === 'function' ? (v as AnyFunction).bind(t) : v;
    },
  });
}

interface EventStreamLike {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  done(): Promise<unknown>;
  readonly aborted?: boolean;
  readonly errored?: boolean;
}

/**
 * Records an emitter-style stream from its `streamEvent` (each raw chunk), `finalMessage` and
 * `end` events, never listening to `error`/`abort`: the emitter reports an error as unhandled
 * only when nobody listens, and tracing must not change that. At `end`, success and abort are
 * known from its flags (the span ends right there); the error itself comes from `done()`, asked
 * only after the emitter has made its unhandled-error decision.
 */
function observeEventStream(stream: EventStreamLike, recorder: StreamRecorder): void {
  let final: unknown;
  try {
    stream.on('streamEvent', (event: unknown) => recorder.chunk(event));
    stream.on('finalMessage', (message: unknown) => void (final = message));
    stream.on('end', () => {
      if (stream.aborted === true) return recorder.finish(false);
      if (stream.errored !== true) return final !== undefined ? recorder.finishWith(final) : recorder.finish(true);
      stream.done().then(
        () => recorder.finish(true),
        (err: unknown) => recorder.fail(err),
      );
    });
  } catch {
    recorder.finishWith(undefined);
  }
}

// ------------------------------------------------------------------------------------ clients

/** A traced method: gets the SDK's original method, its `this` and the call's arguments. */
export type TracedMethod = (original: AnyFunction, self: object, args: unknown[]) => unknown;

/** Which properties lead to traced methods: `{ chat: { completions: { create: tracer } } }`. */
export interface RouteTree {
  readonly [prop: string]: RouteTree | TracedMethod;
}

const TRACED_CLIENT = Symbol.for('mlflow-ts.tracing.tracedClient');

/** True for a client already returned by a `traced*` wrapper (wrapping again returns it as is). */
export function isTracedClient(value: unknown): boolean {
  try {
    return (typeof value === 'object' || typeof value === 'function') && value !== null && (value as Record<symbol, unknown>)[TRACED_CLIENT] === true;
  } catch {
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
export function wrapClient<T extends object>(client: T, routes: RouteTree): T {
  if (isTracedClient(client)) return client;
  return proxify(client, routes, true) as T;
}

function proxify(target: object, routes: RouteTree, isRoot: boolean): object {
  const cache = new Map<PropertyKey, { raw: unknown; wrapped: unknown }>();
  const proxy: object = new Proxy(target, {
    get(t, prop) {
      if (prop === TRACED_CLIENT) return true;
      const value: unknown = Reflect.get(t, prop, t);
      const hit = cache.get(prop);
      if (hit && hit.raw === value) return hit.wrapped;
      // A Proxy must return a frozen property's own value (a Proxy invariant).
      const own = Reflect.getOwnPropertyDescriptor(t, prop);
      if (own && !own.configurable && own.writable === false) return value;
      const route = typeof prop === 'string' && Object.hasOwn(routes, prop) ? routes[prop] : undefined;
      let wrapped: unknown;
      if (typeof route === 'function' && typeof value === 'function') {
        const original = value as AnyFunction;
        wrapped = function (this: unknown, ...args: unknown[]) {
          return route(original, this === proxy || this === undefined ? t : (this as object), args);
        };
      } else if (route !== undefined && typeof route === 'object' && typeof value === 'object' && value !== null) {
        wrapped = proxify(value, route, false);
      } else if (typeof value === 'function' && prop !== 'constructor') {
        const fn = value as AnyFunction;
        wrapped = function (this: unknown, ...args: unknown[]) {
          // A class reached through the client still constructs.
          if (new.target !== undefined) return Reflect.construct(fn, args) as unknown;
          const result = Reflect.apply(fn, this === proxy ? t : this, args);
          return isRoot && result !== t && sameClass(result, t) ? wrapClient(result as object, routes) : result;
        };
      } else {
        return value;
      }
      cache.set(prop, { raw: value, wrapped });
      return wrapped;
    },
  });
  return proxy;
}

function sameClass(a: unknown, b: object): boolean {
  return typeof a === 'object' && a !== null && Object.getPrototypeOf(a) === Object.getPrototypeOf(b);
}

/** The route leaf for one operation: a span per call, with the client's credentials scrubbed. */
export function tracedMethod(spec: OperationSpec, secrets: Secrets): TracedMethod {
  return (original, self, args) => traceSdkCall(spec, secrets, original, self, args);
}
