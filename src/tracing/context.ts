/**
 * The active-span context. One AsyncLocalStorage slot holds either the active LiveSpan or a
 * remote parent extracted from a `traceparent` header, so every async continuation (including
 * each branch of a `Promise.all`) sees the span that was active where it was created.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { LiveSpan } from './span.ts';

/** A parent span in another process, as carried by a W3C `traceparent` header. */
export interface TraceContext {
  /** MLflow trace id, `tr-` + 32 hex. */
  readonly traceId: string;
  /** The remote span's id, 16 hex. */
  readonly spanId: string;
  /** The caller's sampling decision (`traceparent` flag 01); the trace here follows it. */
  readonly sampled: boolean;
  /** The `tracestate` header, passed on unchanged. */
  readonly traceState?: string;
  readonly isRemote: true;
}

export type ActiveContext = LiveSpan | TraceContext;

const storage = new AsyncLocalStorage<ActiveContext>();

export function currentContext(): ActiveContext | undefined {
  return storage.getStore();
}

export function isTraceContext(value: unknown): value is TraceContext {
  return typeof value === 'object' && value !== null && (value as { isRemote?: unknown }).isRemote === true && typeof (value as { spanId?: unknown }).spanId === 'string';
}

export function runInContext<T>(context: ActiveContext | undefined, fn: () => T): T {
  return context === undefined ? storage.exit(fn) : storage.run(context, fn);
}

/** Runs `fn` outside any span, so work the SDK schedules (timers, exports) holds no user span. */
export function runOutsideContext<T>(fn: () => T): T {
  return storage.exit(fn);
}
