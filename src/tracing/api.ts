/**
 * The span API of the official TypeScript SDK (`@mlflow/core`): `trace`, `withSpan`,
 * `startSpan`, `updateCurrentTrace`, `getCurrentActiveSpan`. The wrappers never change what the
 * wrapped code does: same `this`, same arguments, same return value (a native promise is chained,
 * a promise subclass is returned as is), the same thrown object, and generators stay lazy.
 * Bookkeeping failures are swallowed, never thrown into the caller.
 */
import { DEFAULT_SPAN_NAME, SpanAttributeKey, SpanStatusCode, SpanType, CHUNK_EVENT_PREFIX, TraceMetadataKey } from './constants.ts';
import { currentContext, isTraceContext, runInContext, type ActiveContext, type TraceContext } from './context.ts';
import { fromMlflowTraceId, newSpanIdHex, newTraceIdHex } from './ids.ts';
import { mapArgsToInputs } from './params.ts';
import { getRuntime } from './runtime.ts';
import { LiveSpan, errorMessage } from './span.ts';
import { TraceBuffer } from './trace.ts';

export interface SpanOptions {
  name: string;
  /** Default `UNKNOWN`. */
  spanType?: SpanType;
  inputs?: unknown;
  attributes?: Record<string, unknown>;
  /** Nanoseconds since the epoch; default now. */
  startTimeNs?: number | bigint;
  /**
   * The parent: a span, or a remote parent from `extract(headers)`. Default: the active span
   * (none: the span is the root of a new trace).
   */
  parent?: LiveSpan | TraceContext;
}

export type WithSpanOptions = Partial<SpanOptions>;

export interface TraceOptions {
  /** Default: the function's name. */
  name?: string;
  spanType?: SpanType;
  attributes?: Record<string, unknown>;
}

/** Creates a span under `parent` (a span, a remote context, or none for a new trace). */
function createSpan(options: Omit<SpanOptions, 'parent'>, parent: ActiveContext | undefined): LiveSpan {
  let buffer: TraceBuffer;
  let parentId: string | null;
  if (parent instanceof LiveSpan && parent._owner instanceof TraceBuffer) {
    buffer = parent._owner;
    parentId = parent.spanId;
  } else {
    const runtime = getRuntime();
    if (parent !== undefined && isTraceContext(parent)) {
      buffer = new TraceBuffer(runtime, {
        traceIdHex: fromMlflowTraceId(parent.traceId),
        sampled: parent.sampled,
        remoteParentId: parent.spanId,
        traceState: parent.traceState,
        sourceRunId: runtime.sourceRunId(),
      });
      parentId = parent.spanId;
    } else {
      buffer = new TraceBuffer(runtime, { traceIdHex: newTraceIdHex(), sampled: runtime.sample(), sourceRunId: runtime.sourceRunId() });
      parentId = null;
    }
  }
  const span = buffer.startSpan({
    name: options.name || DEFAULT_SPAN_NAME,
    spanType: options.spanType || SpanType.UNKNOWN,
    parentId,
    spanId: newSpanIdHex(),
    startTimeNs: options.startTimeNs === undefined ? undefined : BigInt(options.startTimeNs),
  });
  if (options.inputs !== undefined) span.setInputs(options.inputs);
  if (options.attributes) span.setAttributes(options.attributes);
  return span;
}

/**
 * Starts a span that the caller ends with `span.end()`. It is not made active: spans started
 * inside other code do not nest under it unless given it as `parent`. Without `parent`, it
 * nests under the active span, if any.
 */
export function startSpan(options: SpanOptions): LiveSpan {
  return createSpan(options, options.parent ?? currentContext());
}

/** Ends `span` with `value` as outputs unless outputs were set explicitly. */
function completeSpan(span: LiveSpan, value: unknown): void {
  try {
    if (span._attributeText(SpanAttributeKey.OUTPUTS) === undefined && value !== undefined) span.setOutputs(value);
    span.end();
  } catch {
    // Recording must never fail the traced call.
  }
}

/** Ends `span` as ERROR with the exception recorded. */
function failSpan(span: LiveSpan, error: unknown): void {
  try {
    span.setStatus(SpanStatusCode.ERROR, errorMessage(error));
    span.recordException(error);
    span.end();
  } catch {
    // Recording must never replace the caller's error with ours.
  }
}

const toStringTag = (value: unknown): string => Object.prototype.toString.call(value);
const isGeneratorObject = (value: unknown): value is Generator | AsyncGenerator =>
  typeof value === 'object' && value !== null && (toStringTag(value) === '[object Generator]' || toStringTag(value) === '[object AsyncGenerator]');

/**
 * The span's end follows the result: a native promise is chained (same value or rejection, and
 * an unhandled rejection stays unhandled); a promise subclass (e.g. an SDK's APIPromise with
 * extra methods) is observed and returned itself; a generator (for `trace`) is wrapped.
 */
function settle<T>(span: LiveSpan, result: T, wrapGenerators: boolean): T {
  if (result instanceof Promise) {
    if (Object.getPrototypeOf(result) === Promise.prototype) {
      return (result as Promise<unknown>).then(
        (value) => {
          completeSpan(span, value);
          return value;
        },
        (error: unknown) => {
          failSpan(span, error);
          throw error;
        },
      ) as T;
    }
    try {
      (result as Promise<unknown>).then(
        (value) => completeSpan(span, value),
        (error: unknown) => failSpan(span, error),
      );
    } catch (error) {
      failSpan(span, error);
    }
    return result;
  }
  if (wrapGenerators && isGeneratorObject(result)) return tracedGenerator(result, span) as T;
  completeSpan(span, result);
  return result;
}

function runSpan<T>(span: LiveSpan, body: () => T, wrapGenerators: boolean): T {
  let result: T;
  try {
    result = runInContext(span, body);
  } catch (error) {
    failSpan(span, error);
    throw error;
  }
  return settle(span, result, wrapGenerators);
}

type Step = 'next' | 'return' | 'throw';

/**
 * Wraps a generator so each step runs with the span active, yielded values are recorded as
 * `mlflow.chunk.item.<i>` events and, at the end, as the outputs; the span ends when the
 * generator finishes, throws, or is closed early by `return()` (a `break` in for-of). With a
 * factory, the span starts at the first `next()`, so an unconsumed generator leaves no span.
 */
function tracedGenerator<G extends Generator | AsyncGenerator>(inner: G, start: LiveSpan | (() => LiveSpan)): G {
  const isAsync = toStringTag(inner) === '[object AsyncGenerator]';
  let span = start instanceof LiveSpan ? start : undefined;
  let finished = false;
  const chunks: unknown[] = [];

  const onResult = (result: IteratorResult<unknown>): IteratorResult<unknown> => {
    if (finished || !span) return result;
    if (result.done) {
      finished = true;
      completeSpan(span, chunks);
    } else {
      try {
        span.addEvent({ name: `${CHUNK_EVENT_PREFIX}${chunks.length}`, attributes: { [SpanAttributeKey.CHUNK_VALUE]: result.value } });
      } catch {
        // The chunk still reaches the consumer; only its record is lost.
      }
      chunks.push(result.value);
    }
    return result;
  };
  const onError = (error: unknown): never => {
    if (!finished && span) {
      finished = true;
      failSpan(span, error);
    }
    throw error;
  };

  const step = (method: Step, arg: unknown): unknown => {
    const call = (): unknown => (inner[method] as (a: unknown) => unknown).call(inner, arg);
    if (finished) return call();
    if (!span) {
      if (method !== 'next') {
        // Closed before it started: the body never runs, so there is nothing to trace.
        finished = true;
        return call();
      }
      span = (start as () => LiveSpan)();
    }
    const active = span;
    if (isAsync) {
      let pending: Promise<IteratorResult<unknown>>;
      try {
        pending = runInContext(active, call) as Promise<IteratorResult<unknown>>;
      } catch (error) {
        return Promise.reject(error as Error).catch(onError);
      }
      return pending.then(onResult, onError);
    }
    let result: IteratorResult<unknown>;
    try {
      result = runInContext(active, call) as IteratorResult<unknown>;
    } catch (error) {
      return onError(error);
    }
    return onResult(result);
  };

  const wrapper = Object.create(Object.getPrototypeOf(inner) as object) as G;
  Object.defineProperties(wrapper, {
    next: { value: (arg?: unknown) => step('next', arg), writable: true, configurable: true },
    return: { value: (arg?: unknown) => step('return', arg), writable: true, configurable: true },
    throw: { value: (arg?: unknown) => step('throw', arg), writable: true, configurable: true },
  });
  return wrapper;
}

/**
 * Runs `callback` in a new span that is active inside it (sync or async); the span ends when
 * the callback returns or its promise settles, with the result as outputs unless set, or as
 * ERROR with the exception recorded (and rethrown unchanged). Also accepts `(options, callback)`.
 */
export function withSpan<T>(callback: (span: LiveSpan) => T, options?: WithSpanOptions): T;
export function withSpan<T>(options: WithSpanOptions, callback: (span: LiveSpan) => T): T;
export function withSpan<T>(a: ((span: LiveSpan) => T) | WithSpanOptions, b?: ((span: LiveSpan) => T) | WithSpanOptions): T {
  const callback = (typeof a === 'function' ? a : b) as (span: LiveSpan) => T;
  const options = ((typeof a === 'function' ? b : a) ?? {}) as WithSpanOptions;
  if (typeof callback !== 'function') throw new TypeError('withSpan(callback, options?) needs a callback function.');
  let span: LiveSpan;
  try {
    span = createSpan({ ...options, name: options.name || DEFAULT_SPAN_NAME }, options.parent ?? currentContext());
  } catch {
    // Should tracing itself be broken, the user's code still runs, untraced.
    return callback(createDetachedSpan(options.name));
  }
  return runSpan(span, () => callback(span), false);
}

/** A span attached to no exported trace (for the impossible case that span creation fails). */
function createDetachedSpan(name: string | undefined): LiveSpan {
  return new LiveSpan({ traceIdHex: '0'.repeat(32), now: () => 0n, spanEnded: () => undefined }, { spanId: '0'.repeat(16), parentId: null, name: name ?? DEFAULT_SPAN_NAME, startTimeNs: 0n, spanType: SpanType.UNKNOWN });
}

function inputsFor(fn: (...args: never[]) => unknown, args: readonly unknown[]): Record<string, unknown> {
  try {
    return mapArgsToInputs(fn, args);
  } catch {
    return { args: [...args] };
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyFunction = (...args: any[]) => any;

function traceFunction<F extends AnyFunction>(fn: F, options: TraceOptions = {}, fallbackName?: string): F {
  const kind = toStringTag(fn);
  const lazyGenerator = kind === '[object GeneratorFunction]' || kind === '[object AsyncGeneratorFunction]';
  const name = options.name || fn.name || fallbackName || DEFAULT_SPAN_NAME;
  const attributes = fn.name ? { [SpanAttributeKey.FUNCTION_NAME]: fn.name, ...options.attributes } : options.attributes;
  const spanOptions = (args: readonly unknown[]): Omit<SpanOptions, 'parent'> => ({
    name,
    spanType: options.spanType,
    inputs: inputsFor(fn, args),
    attributes,
  });

  const wrapper = function (this: unknown, ...args: unknown[]): unknown {
    const parent = currentContext();
    if (new.target !== undefined) {
      const target = new.target as AnyFunction;
      let span: LiveSpan | undefined;
      try {
        span = createSpan(spanOptions(args), parent);
      } catch {
        return Reflect.construct(fn, args, target) as unknown;
      }
      return runSpan(span, () => Reflect.construct(fn, args, target) as unknown, false);
    }
    if (lazyGenerator) {
      const inner = fn.apply(this, args) as Generator | AsyncGenerator;
      return tracedGenerator(inner, () => createSpan(spanOptions(args), parent));
    }
    let span: LiveSpan;
    try {
      span = createSpan(spanOptions(args), parent);
    } catch {
      return fn.apply(this, args) as unknown;
    }
    return runSpan(span, () => fn.apply(this, args) as unknown, true);
  };

  Object.defineProperty(wrapper, 'name', { value: fn.name, configurable: true });
  Object.defineProperty(wrapper, 'length', { value: fn.length, configurable: true });
  for (const key of Object.keys(fn)) {
    try {
      (wrapper as unknown as Record<string, unknown>)[key] = (fn as unknown as Record<string, unknown>)[key];
    } catch {
      // A read-only or throwing property: the wrapper works without it.
    }
  }
  return wrapper as unknown as F;
}

/**
 * Traces a function: each call becomes a span named after the function, with the arguments as
 * inputs (by parameter name where the source shows it) and the return value (or the values a
 * generator yields) as outputs. Without a function, returns a method decorator (TypeScript 5
 * standard decorators and legacy `experimentalDecorators` both work).
 */
export function trace<F extends AnyFunction>(fn: F, options?: TraceOptions): F;
export function trace(options?: TraceOptions): <M extends AnyFunction>(...decoratorArgs: unknown[]) => M | PropertyDescriptor | void;
export function trace(fnOrOptions?: AnyFunction | TraceOptions, options?: TraceOptions): unknown {
  if (typeof fnOrOptions === 'function') return traceFunction(fnOrOptions, options);
  const decoratorOptions = fnOrOptions ?? {};
  return (...args: unknown[]): unknown => {
    const [first, second, third] = args;
    // Standard decorators: (method, context). Legacy: (prototype, key, descriptor).
    if (typeof first === 'function' && typeof second === 'object' && second !== null && 'kind' in second) {
      const methodName = (second as { name?: unknown }).name;
      return traceFunction(first as AnyFunction, decoratorOptions, typeof methodName === 'string' ? methodName : undefined);
    }
    const descriptor = third as PropertyDescriptor | undefined;
    if (descriptor && typeof descriptor.value === 'function') {
      descriptor.value = traceFunction(descriptor.value as AnyFunction, decoratorOptions, String(second));
      return descriptor;
    }
    throw new TypeError('@trace() decorates methods only; wrap other functions with trace(fn).');
  };
}

/** The active span (from `trace` or `withSpan`; spans from `startSpan` are never active), or null. */
export function getCurrentActiveSpan(): LiveSpan | null {
  const context = currentContext();
  return context instanceof LiveSpan ? context : null;
}

/** Runs `fn` with `span` active, so spans created inside nest under it (e.g. a stream's callbacks). */
export function withActiveSpan<T>(span: LiveSpan, fn: () => T): T {
  return runInContext(span, fn);
}

export interface UpdateCurrentTraceOptions {
  /** Mutable key-values (editable later in the UI). */
  tags?: Record<string, string>;
  /** Immutable key-values (e.g. the app version that produced the trace). */
  metadata?: Record<string, string>;
  /** Recorded as metadata `mlflow.trace.session`. */
  sessionId?: string;
  /** Recorded as metadata `mlflow.trace.user`. */
  user?: string;
  clientRequestId?: string;
  /** Replaces the preview derived from the root's inputs. */
  requestPreview?: string;
  /** Replaces the preview derived from the root's outputs. */
  responsePreview?: string;
}

const stringValues = (record: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(Object.entries(record).map(([k, v]) => [k, typeof v === 'string' ? v : String(v)]));

/** Updates the trace of the active span; warns and does nothing outside any span. */
export function updateCurrentTrace(options: UpdateCurrentTraceOptions): void {
  const span = getCurrentActiveSpan();
  if (!span || !(span._owner instanceof TraceBuffer)) {
    getRuntime().warn('updateCurrentTrace() was called outside any span; call it inside trace() or withSpan().');
    return;
  }
  if (options.requestPreview !== undefined && typeof options.requestPreview !== 'string') throw new TypeError('updateCurrentTrace: requestPreview must be a string.');
  if (options.responsePreview !== undefined && typeof options.responsePreview !== 'string') throw new TypeError('updateCurrentTrace: responsePreview must be a string.');
  const buffer = span._owner;
  if (buffer.finished) {
    getRuntime().warn(`updateCurrentTrace(): trace ${buffer.traceId} has already finished.`);
    return;
  }
  if (options.tags) Object.assign(buffer.tags, stringValues(options.tags));
  if (options.metadata) Object.assign(buffer.metadata, stringValues(options.metadata));
  if (options.sessionId !== undefined) buffer.metadata[TraceMetadataKey.TRACE_SESSION] = String(options.sessionId);
  if (options.user !== undefined) buffer.metadata[TraceMetadataKey.TRACE_USER] = String(options.user);
  if (options.clientRequestId !== undefined) buffer.clientRequestId = String(options.clientRequestId);
  if (options.requestPreview !== undefined) buffer.requestPreview = options.requestPreview;
  if (options.responsePreview !== undefined) buffer.responsePreview = options.responsePreview;
}
