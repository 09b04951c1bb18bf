/**
 * The export queue between finished traces and a transport. Tracing must never hurt the traced
 * program, so: the queue is bounded (the oldest trace is dropped, counted, and reported once);
 * failures are retried with backoff only when a later attempt can succeed (429, 5xx, network)
 * and otherwise dropped and reported once; nothing here throws into user code; and no timer of
 * the queue keeps the process alive, except while someone awaits `flush()` (which would
 * otherwise never resolve) or the bounded flush at exit.
 */
import type { Trace } from './trace.ts';

/** Where traces go. `export` resolves when the traces are stored, or throws (TraceExportError to control retries). */
export interface TraceExporter {
  export(traces: readonly Trace[], signal: AbortSignal): Promise<void>;
  shutdown?(): Promise<void>;
}

/**
 * An export failure. `retryable` says whether a later attempt can succeed; `traces` narrows it
 * to the traces that failed (the rest of the batch is stored); `errors` holds per-trace failures
 * of a partly failed batch.
 */
export class TraceExportError extends Error {
  readonly retryable: boolean;
  readonly traces: readonly Trace[] | undefined;
  readonly errors: readonly TraceExportError[];
  constructor(message: string, options: { retryable: boolean; traces?: readonly Trace[]; errors?: readonly TraceExportError[]; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'TraceExportError';
    this.retryable = options.retryable;
    this.traces = options.traces;
    this.errors = options.errors ?? [];
  }
}

/** Keeps exported traces in memory: for tests, and for programs that read their own traces. */
export class InMemoryTraceExporter implements TraceExporter {
  readonly traces: Trace[] = [];
  async export(traces: readonly Trace[]): Promise<void> {
    this.traces.push(...traces);
  }
  clear(): void {
    this.traces.length = 0;
  }
}

export interface ExportStats {
  /** Traces the exporter stored. */
  exported: number;
  /** Oldest traces dropped because the queue was full. */
  droppedQueueFull: number;
  /** Traces dropped after a non-retryable failure or too many retries. */
  droppedFailed: number;
  /** Traces still queued when the exit flush ran out of time, or enqueued after shutdown. */
  droppedAtExit: number;
  /** Export attempts that were retried. */
  retries: number;
}

export interface ExportQueueOptions {
  /** Finished traces held at most; default 2048. */
  maxQueueSize?: number;
  /** Traces per export call; default 32. */
  maxBatchSize?: number;
  /** Delay that lets traces finishing together share a batch; default 50 ms. */
  scheduleDelayMs?: number;
  /** Retries after a retryable failure; default 5. */
  maxRetries?: number;
  /** First backoff; doubles per retry with jitter, capped at 30 s. Default 500 ms. */
  retryBaseMs?: number;
  warn?: (message: string) => void;
}

interface Item {
  trace: Trace;
  attempts: number;
}

const RETRY_CAP_MS = 30_000;

export const defaultWarn = (message: string): void => {
  console.warn(`[mlflow-tracing] ${message}`);
};

export class ExportQueue {
  readonly exporter: TraceExporter;
  readonly #maxQueueSize: number;
  readonly #maxBatchSize: number;
  readonly #scheduleDelayMs: number;
  readonly #maxRetries: number;
  readonly #retryBaseMs: number;
  readonly #warn: (message: string) => void;
  readonly #warned = new Set<string>();
  readonly #stats: ExportStats = { exported: 0, droppedQueueFull: 0, droppedFailed: 0, droppedAtExit: 0, retries: 0 };

  #queue: Item[] = [];
  #inflight: Item[] | undefined;
  #abort: AbortController | undefined;
  #running = false;
  #timer: NodeJS.Timeout | undefined;
  #timerIsBackoff = false;
  #waiters: (() => void)[] = [];
  #holders = 0;
  #closed = false;
  /** While set, backoffs are cut to fit before this time (ms, performance.now()). */
  #deadline: number | undefined;

  constructor(exporter: TraceExporter, options: ExportQueueOptions = {}) {
    this.exporter = exporter;
    this.#maxQueueSize = Math.max(1, options.maxQueueSize ?? 2048);
    this.#maxBatchSize = Math.max(1, options.maxBatchSize ?? 32);
    this.#scheduleDelayMs = Math.max(0, options.scheduleDelayMs ?? 50);
    this.#maxRetries = Math.max(0, options.maxRetries ?? 5);
    this.#retryBaseMs = Math.max(1, options.retryBaseMs ?? 500);
    this.#warn = options.warn ?? defaultWarn;
  }

  get stats(): Readonly<ExportStats> {
    return { ...this.#stats };
  }

  /** Traces queued or being exported. */
  get pending(): number {
    return this.#queue.length + (this.#inflight?.length ?? 0);
  }

  get closed(): boolean {
    return this.#closed;
  }

  #warnOnce(kind: string, message: string): void {
    if (this.#warned.has(kind)) return;
    this.#warned.add(kind);
    try {
      this.#warn(message);
    } catch {
      // A broken logger must not break the export loop.
    }
  }

  enqueue(trace: Trace): void {
    if (this.#closed) {
      this.#stats.droppedAtExit++;
      this.#warnOnce('closed', `Trace ${trace.traceId} finished after tracing was shut down; it was not exported.`);
      return;
    }
    if (this.#queue.length >= this.#maxQueueSize) {
      this.#queue.shift();
      this.#stats.droppedQueueFull++;
      this.#warnOnce(
        'queue-full',
        `The trace export queue is full (${this.#maxQueueSize} traces): dropping the oldest. ` +
          'The tracking server is slower than traces are produced or unreachable; exportStats().droppedQueueFull counts the drops.',
      );
    }
    this.#queue.push({ trace, attempts: 0 });
    if (this.#running || (this.#timer && this.#timerIsBackoff)) return;
    if (this.#queue.length >= this.#maxBatchSize || this.#holders > 0) this.#kick();
    else if (!this.#timer) this.#setTimer(this.#scheduleDelayMs, false);
  }

  #setTimer(ms: number, backoff: boolean): void {
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#timerIsBackoff = false;
      this.#kick();
    }, ms);
    this.#timerIsBackoff = backoff;
    if (this.#holders === 0) this.#timer.unref();
  }

  #kick(): void {
    if (this.#timer && !this.#timerIsBackoff) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    }
    if (this.#running || this.#timer) return;
    void this.#run();
  }

  #backoffMs(attempt: number): number {
    const ceiling = Math.min(RETRY_CAP_MS, this.#retryBaseMs * 2 ** (attempt - 1));
    let ms = Math.round(ceiling * (0.5 + Math.random() * 0.5));
    if (this.#deadline !== undefined) ms = Math.min(ms, Math.max(0, this.#deadline - performance.now() - 50));
    return ms;
  }

  async #run(): Promise<void> {
    this.#running = true;
    try {
      while (this.#queue.length > 0 && !this.#timer) {
        const batch = this.#queue.splice(0, this.#maxBatchSize);
        this.#inflight = batch;
        const controller = new AbortController();
        this.#abort = controller;
        let error: unknown;
        try {
          await this.exporter.export(
            batch.map((i) => i.trace),
            controller.signal,
          );
        } catch (err) {
          error = err;
        }
        this.#inflight = undefined;
        this.#abort = undefined;
        // An abandoned batch (exit deadline) was already counted as dropped.
        if (controller.signal.aborted) continue;
        if (error === undefined) {
          this.#stats.exported += batch.length;
          continue;
        }
        this.#handleFailure(batch, error);
      }
    } finally {
      this.#running = false;
      this.#notifyIfIdle();
    }
  }

  #handleFailure(batch: Item[], error: unknown): void {
    const failures: { items: Item[]; retryable: boolean; error: unknown }[] = [];
    const failed = new Set<Item>();
    const itemsOf = (traces: readonly Trace[] | undefined): Item[] => (traces ? batch.filter((i) => traces.includes(i.trace)) : batch);
    if (error instanceof TraceExportError) {
      for (const e of error.errors.length > 0 ? error.errors : [error]) {
        const items = itemsOf(e.traces).filter((i) => !failed.has(i));
        items.forEach((i) => failed.add(i));
        failures.push({ items, retryable: e.retryable, error: e });
      }
    } else {
      // An exporter that throws plain errors gets the benefit of the doubt: retried, bounded.
      batch.forEach((i) => failed.add(i));
      failures.push({ items: batch, retryable: true, error });
    }
    this.#stats.exported += batch.length - failed.size;

    const requeue: Item[] = [];
    for (const { items, retryable, error: e } of failures) {
      for (const item of items) {
        item.attempts++;
        if (retryable && item.attempts <= this.#maxRetries && !this.#closedForRetries()) requeue.push(item);
        else {
          this.#stats.droppedFailed++;
          const message = e instanceof Error ? e.message : String(e);
          this.#warnOnce(
            'export-failed',
            `Could not export trace ${item.trace.traceId}${retryable ? ` after ${item.attempts} attempts` : ''}: ${message} ` +
              '(further export failures are counted in exportStats() without being logged).',
          );
        }
      }
    }
    if (requeue.length === 0) return;
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

  #closedForRetries(): boolean {
    return this.#deadline !== undefined && performance.now() >= this.#deadline;
  }

  #notifyIfIdle(): void {
    if (this.pending > 0 || this.#running || this.#timer) return;
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const resolve of waiters) resolve();
  }

  /**
   * Exports everything queued now, waiting through retries. Resolves true when the queue drained,
   * false when `timeoutMs` passed first (the traces stay queued).
   */
  async flush(timeoutMs?: number): Promise<boolean> {
    if (this.pending === 0 && !this.#running) return true;
    this.#holders++;
    this.#timer?.ref();
    try {
      const drained = new Promise<true>((resolve) => this.#waiters.push(() => resolve(true)));
      if (!this.#running) this.#kick();
      if (timeoutMs === undefined) return await drained;
      let timeout: NodeJS.Timeout | undefined;
      const expired = new Promise<false>((resolve) => (timeout = setTimeout(() => resolve(false), timeoutMs)));
      try {
        return await Promise.race([drained, expired]);
      } finally {
        clearTimeout(timeout);
      }
    } finally {
      this.#holders--;
      if (this.#holders === 0) this.#timer?.unref();
    }
  }

  /**
   * The flush at process exit: at most `timeoutMs`, retries squeezed into that time, and whatever
   * is left after it dropped (counted and reported once), so the process can exit.
   */
  async flushForExit(timeoutMs: number): Promise<void> {
    if (this.pending === 0) return;
    this.#deadline = performance.now() + timeoutMs;
    if (this.#timer && this.#timerIsBackoff) {
      // A long backoff scheduled before exit would outlive the deadline.
      clearTimeout(this.#timer);
      this.#timer = undefined;
      this.#timerIsBackoff = false;
    }
    try {
      const drained = await this.flush(timeoutMs);
      if (!drained) this.#abandon();
    } finally {
      this.#deadline = undefined;
    }
  }

  #abandon(): void {
    const left = this.pending;
    if (left === 0) return;
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
  async shutdown(timeoutMs = 30_000): Promise<void> {
    if (this.#closed) return;
    await this.flushForExit(timeoutMs);
    this.#closed = true;
    try {
      await this.exporter.shutdown?.();
    } catch {
      // Closing connections cannot fail in a way the caller could act on.
    }
  }

  /** Synchronous last word at `process.exit`: report what could not be sent. */
  reportUnexported(): void {
    const left = this.pending;
    if (left > 0) {
      this.#warnOnce('exit', `${left} trace(s) were not exported: the process exited first. Call \`await flushTraces()\` before exiting.`);
    }
  }
}
