/**
 * Distributed tracing over W3C Trace Context. The caller injects `traceparent` (the active span
 * as parent, its sampling decision as the flag) into outgoing requests; the callee extracts it
 * and starts its spans under that remote parent, so both sides share one trace id. The callee's
 * spans form a fragment exported through the server's OTLP endpoint, which merges by trace id.
 */
import type { Dispatcher } from 'undici';
import { currentContext, isTraceContext, runInContext, type ActiveContext, type TraceContext } from './context.ts';
import { fromMlflowTraceId, isSpanIdHex, isTraceIdHex, toMlflowTraceId } from './ids.ts';
import { LiveSpan } from './span.ts';
import { TraceBuffer } from './trace.ts';

export const TRACEPARENT_HEADER = 'traceparent';
export const TRACESTATE_HEADER = 'tracestate';

/** Header carriers this module reads: plain objects (Node's IncomingHttpHeaders), Fetch Headers, entry lists. */
export type HeaderSource =
  | Record<string, string | string[] | undefined>
  | Headers
  | Iterable<readonly [string, string]>
  | { get(name: string): string | null | undefined };

function readHeader(headers: HeaderSource | undefined | null, name: string): string | undefined {
  if (!headers) return undefined;
  const matchEntries = (entries: Iterable<readonly [unknown, unknown]>): string | undefined => {
    for (const entry of entries) {
      if (!Array.isArray(entry) || String(entry[0]).toLowerCase() !== name) continue;
      const value: unknown = entry[1];
      if (value == null) return undefined;
      return Array.isArray(value) ? `${value[0] as string}` : `${value as string}`;
    }
    return undefined;
  };
  // A Map's get is case-sensitive; header names are not.
  if (headers instanceof Map) return matchEntries(headers as Map<unknown, unknown>);
  if (typeof (headers as { get?: unknown }).get === 'function') {
    return (headers as { get(n: string): string | null | undefined }).get(name) ?? undefined;
  }
  if (Symbol.iterator in headers) return matchEntries(headers as Iterable<readonly [string, string]>);
  return matchEntries(Object.entries(headers as Record<string, string | string[] | undefined>));
}

/** Parses a `traceparent` value; undefined when invalid (the spec says to ignore it then). */
export function parseTraceparent(value: string | undefined, traceState?: string): TraceContext | undefined {
  if (!value) return undefined;
  const parts = value.trim().split('-');
  if (parts.length < 4) return undefined;
  const [version, traceId, spanId, flags] = parts as [string, string, string, string];
  if (!/^[0-9a-f]{2}$/.test(version) || version === 'ff') return undefined;
  // Version 00 has exactly four fields; later versions may append more, which we ignore.
  if (version === '00' && parts.length !== 4) return undefined;
  if (!isTraceIdHex(traceId) || !isSpanIdHex(spanId) || !/^[0-9a-f]{2}$/.test(flags)) return undefined;
  const context: TraceContext = { traceId: toMlflowTraceId(traceId), spanId, sampled: (parseInt(flags, 16) & 1) === 1, isRemote: true };
  return traceState ? { ...context, traceState } : context;
}

/** The remote parent carried by request headers, or undefined when there is no valid `traceparent`. */
export function extract(headers: HeaderSource | undefined | null): TraceContext | undefined {
  return parseTraceparent(readHeader(headers, TRACEPARENT_HEADER), readHeader(headers, TRACESTATE_HEADER));
}

interface Propagated {
  traceparent: string;
  tracestate?: string;
}

function propagationOf(context: ActiveContext | undefined): Propagated | undefined {
  if (!context) return undefined;
  if (context instanceof LiveSpan) {
    const owner = context._owner;
    if (owner instanceof TraceBuffer) owner.propagated = true;
    const sampled = owner instanceof TraceBuffer ? owner.sampled : true;
    const out: Propagated = { traceparent: `00-${fromMlflowTraceId(context.traceId)}-${context.spanId}-${sampled ? '01' : '00'}` };
    if (owner instanceof TraceBuffer && owner.traceState) out.tracestate = owner.traceState;
    return out;
  }
  if (isTraceContext(context)) {
    // Inside a remote context but no local span yet: pass the caller's parent through unchanged.
    const out: Propagated = { traceparent: `00-${fromMlflowTraceId(context.traceId)}-${context.spanId}-${context.sampled ? '01' : '00'}` };
    if (context.traceState) out.tracestate = context.traceState;
    return out;
  }
  return undefined;
}

/** The `traceparent` (and `tracestate`) headers for the active span, or for `span`; `{}` when there is none. */
export function getTracingContextHeadersForHttpRequest(span?: LiveSpan | TraceContext): Record<string, string> {
  const p = propagationOf(span ?? currentContext());
  if (!p) return {};
  return p.tracestate ? { traceparent: p.traceparent, tracestate: p.tracestate } : { traceparent: p.traceparent };
}

/**
 * Adds `traceparent` (and `tracestate`) for the active span (or `span`) to `headers` and returns
 * them: a Fetch `Headers` is set in place, a plain object is copied. Without a span, unchanged.
 */
export function inject(headers: Headers, span?: LiveSpan | TraceContext): Headers;
export function inject(headers?: Record<string, string>, span?: LiveSpan | TraceContext): Record<string, string>;
export function inject(headers: Record<string, string> | Headers = {}, span?: LiveSpan | TraceContext): Record<string, string> | Headers {
  const p = propagationOf(span ?? currentContext());
  if (!p) return headers;
  if (headers instanceof Headers) {
    headers.set(TRACEPARENT_HEADER, p.traceparent);
    if (p.tracestate) headers.set(TRACESTATE_HEADER, p.tracestate);
    return headers;
  }
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() !== TRACEPARENT_HEADER && k.toLowerCase() !== TRACESTATE_HEADER) out[k] = v;
  out[TRACEPARENT_HEADER] = p.traceparent;
  if (p.tracestate) out[TRACESTATE_HEADER] = p.tracestate;
  return out;
}

/**
 * Runs `fn` with the remote parent from `headers` (or an extracted context) active: spans it
 * creates continue the caller's trace. Without a valid `traceparent`, `fn` runs as usual and its
 * spans start a new trace.
 */
export function withRemoteParent<T>(headersOrContext: HeaderSource | TraceContext | undefined | null, fn: () => T): T {
  const context = isTraceContext(headersOrContext) ? headersOrContext : extract(headersOrContext as HeaderSource | undefined);
  return context ? runInContext(context, fn) : fn();
}

function requireContext(headers: HeaderSource): TraceContext {
  const context = extract(headers);
  if (!context) {
    throw new Error(
      "The HTTP request headers do not contain a valid 'traceparent' header. Generate the caller's headers with getTracingContextHeadersForHttpRequest() or inject().",
    );
  }
  return context;
}

/** The official SDK's name: like withRemoteParent, but throws when `traceparent` is missing or invalid. */
export function withTracingContextFromHeaders<T>(headers: HeaderSource, callback: () => T): T {
  return runInContext(requireContext(headers), callback);
}

/** The official SDK's async variant (the same function: async context follows promises). */
export async function withTracingContextFromHeadersAsync<T>(headers: HeaderSource, callback: () => Promise<T>): Promise<T> {
  return runInContext(requireContext(headers), callback);
}

/** Wraps a fetch function so every call carries the active span as `traceparent`. */
export function createTracedFetch(baseFetch: typeof globalThis.fetch = globalThis.fetch): typeof globalThis.fetch {
  const traced = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const p = propagationOf(currentContext());
    if (!p) return baseFetch(input, init);
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    headers.set(TRACEPARENT_HEADER, p.traceparent);
    if (p.tracestate) headers.set(TRACESTATE_HEADER, p.tracestate);
    return baseFetch(input, { ...init, headers });
  };
  return traced;
}

/** `fetch` that carries the active span as `traceparent`. */
export const tracedFetch: typeof globalThis.fetch = (input: string | URL | Request, init?: RequestInit) =>
  createTracedFetch(globalThis.fetch)(input, init);

type UndiciHeaders = Dispatcher.DispatchOptions['headers'];

function withTraceHeaders(headers: UndiciHeaders, p: Propagated): UndiciHeaders {
  const isOurs = (name: string): boolean => {
    const lower = name.toLowerCase();
    return lower === TRACEPARENT_HEADER || lower === TRACESTATE_HEADER;
  };
  const extra: [string, string][] = [[TRACEPARENT_HEADER, p.traceparent]];
  if (p.tracestate) extra.push([TRACESTATE_HEADER, p.tracestate]);
  if (headers == null) return Object.fromEntries(extra);
  if (Array.isArray(headers)) {
    // undici's flat form: [name, value, name, value, ...].
    const flat: string[] = [];
    for (let i = 0; i + 1 < headers.length; i += 2) {
      if (!isOurs(String(headers[i]))) flat.push(String(headers[i]), headers[i + 1] as string);
    }
    for (const [k, v] of extra) flat.push(k, v);
    return flat;
  }
  const out: Record<string, string | string[]> = {};
  const entries: Iterable<[string, unknown]> =
    Symbol.iterator in headers ? (headers as Iterable<[string, unknown]>) : Object.entries(headers as Record<string, unknown>);
  for (const [k, v] of entries) {
    if (v === undefined || isOurs(k)) continue;
    out[k] = Array.isArray(v) ? v.map((x) => `${x as string}`) : `${v as string}`;
  }
  for (const [k, v] of extra) out[k] = v;
  return out;
}

/**
 * An undici interceptor that adds `traceparent` for the active span to every request:
 * `setGlobalDispatcher(getGlobalDispatcher().compose(tracingInterceptor()))`, or
 * `new Agent().compose(tracingInterceptor())` for one client.
 */
export function tracingInterceptor(): Dispatcher.DispatcherComposeInterceptor {
  return (dispatch) => (options, handler) => {
    const p = propagationOf(currentContext());
    if (!p) return dispatch(options, handler);
    return dispatch({ ...options, headers: withTraceHeaders(options.headers, p) }, handler);
  };
}
