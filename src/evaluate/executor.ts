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
import { setTimeout as sleep } from 'node:timers/promises';
import { updateCurrentTrace, withSpan } from '../tracing/api.ts';
import { SpanType, TraceMetadataKey } from '../tracing/constants.ts';
import { runOutsideContext } from '../tracing/context.ts';
import { getTracingContextHeadersForHttpRequest } from '../tracing/distributed.ts';
import { TraceBuffer } from '../tracing/trace.ts';
import { TargetError, type Target, type TargetAnswer } from './targets/target.ts';
import type { ChatMessage, EvalRow, Score, ScoreContext, Scorer, ScorerServices, ScoreSource, TargetOutput } from './types.ts';

/** One scorer's verdict on one row as the results table and the assessments carry it. */
export interface ScoreResult {
  value: number | null;
  passed?: boolean;
  rationale?: string;
  /** Set when the scorer could not judge this row; `value` is then null. */
  error?: string;
  source: ScoreSource;
}

export interface RowResult {
  target: string;
  /** The row's dataset index (EvalRow.index). */
  rowIndex: number;
  /** 0-based repeat of the row. */
  repeat: number;
  inputs: Readonly<Record<string, unknown>>;
  expected?: unknown;
  /** Absent when the call failed. */
  output?: TargetOutput;
  /** Why the call (or the row's prompt) failed; scorers did not run. */
  error?: string;
  /** Scorer name → verdict; empty when the call failed. */
  scores: Record<string, ScoreResult>;
  /** The row's MLflow trace (`tr-...`), when traced and sampled. */
  traceId?: string;
}

export interface RowProgress {
  /** Calls finished (failed ones included). */
  done: number;
  total: number;
  /** Finished calls with an error: the call's or any scorer's. */
  errors: number;
}

export interface ExecutorTracing {
  enabled: boolean;
  /** The run a target's traces link to (`mlflow.sourceRun`); undefined links none. */
  runIdFor(target: string): string | undefined;
}

export interface RunRowsOptions {
  rows: readonly EvalRow[];
  /** Calls per (target, row); default 1. */
  repeat?: number;
  targets: readonly Target[];
  /** The chat messages for a row, for targets that need them; a throw is that row's error. */
  buildMessages?: (row: EvalRow) => ChatMessage[];
  /** Row-level scorers, run in order on every answer. */
  scorers: readonly Scorer[];
  services: ScorerServices;
  /** Calls in flight at most. */
  concurrency: number;
  /** Per attempt of a call, and per scorer's call through the services. */
  timeoutMs: number;
  /** Attempts after the first, for retryable failures only. */
  retries: number;
  /** Backoff before retry n (0-based): about `baseMs * 2^n` (jittered, capped at `maxMs`), or the server's Retry-After. Default 500 ms / 30 s. */
  backoff?: { baseMs?: number; maxMs?: number };
  tracing?: ExecutorTracing;
  onProgress?: (progress: RowProgress) => void;
  signal?: AbortSignal;
}

/** Trace metadata that ties a trace to its place in an evaluation. */
/** The root span of each evaluated row's call. */
export const EVAL_ROW_SPAN = 'eval/row';

export const EvalTraceKey = {
  ROW_INDEX: 'mlflow.eval.rowIndex',
  REPEAT: 'mlflow.eval.repeat',
  TARGET: 'mlflow.eval.target',
} as const;

const DEFAULT_BACKOFF_BASE_MS = 500;
const DEFAULT_BACKOFF_MAX_MS = 30_000;

class ExecutorSetupError extends Error {
  override name = 'ExecutorSetupError';
}

function messageOf(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}

const isThenable = (value: unknown): value is PromiseLike<unknown> => typeof (value as { then?: unknown } | null)?.then === 'function';

/** What a scorer sees; its signal (a timeout joined to the caller's) exists only if a scorer asks for it. */
class RowScoreContext implements ScoreContext {
  readonly row: EvalRow;
  readonly output: TargetOutput;
  readonly services: ScorerServices;
  readonly #timeoutMs: number;
  readonly #caller: AbortSignal | undefined;
  #signal: AbortSignal | undefined;

  constructor(row: EvalRow, output: TargetOutput, services: ScorerServices, timeoutMs: number, caller: AbortSignal | undefined) {
    this.row = row;
    this.output = output;
    this.services = services;
    this.#timeoutMs = timeoutMs;
    this.#caller = caller;
  }

  get signal(): AbortSignal {
    this.#signal ??= this.#caller ? AbortSignal.any([this.#caller, AbortSignal.timeout(this.#timeoutMs)]) : AbortSignal.timeout(this.#timeoutMs);
    return this.#signal;
  }
}

function checkScore(score: Score, scorer: Scorer): ScoreResult {
  if (score === null || typeof score !== 'object' || (score.value !== null && typeof score.value !== 'number')) {
    throw new TypeError(`scorer '${scorer.name}' returned ${JSON.stringify(score)}, not {value: number | null, passed?, rationale?}.`);
  }
  const out: ScoreResult = { value: score.value, source: scorer.source };
  if (score.passed !== undefined) out.passed = score.passed;
  if (score.rationale !== undefined) out.rationale = score.rationale;
  return out;
}

/** Every (target, row, repeat), results in that order. Rejects only when `signal` aborts. */
export async function runRows(options: RunRowsOptions): Promise<RowResult[]> {
  const { rows, targets, scorers, services, timeoutMs, retries, signal } = options;
  const repeat = options.repeat ?? 1;
  if (!Number.isInteger(options.concurrency) || options.concurrency < 1) throw new ExecutorSetupError(`concurrency must be a whole number ≥ 1, got ${options.concurrency}.`);
  if (!Number.isInteger(repeat) || repeat < 1) throw new ExecutorSetupError(`repeat must be a whole number ≥ 1, got ${repeat}.`);
  if (!(timeoutMs > 0)) throw new ExecutorSetupError(`timeoutMs must be positive, got ${timeoutMs}.`);
  const backoffBase = options.backoff?.baseMs ?? DEFAULT_BACKOFF_BASE_MS;
  const backoffMax = options.backoff?.maxMs ?? DEFAULT_BACKOFF_MAX_MS;
  const tracing = options.tracing?.enabled ? options.tracing : undefined;
  const perTarget = rows.length * repeat;
  const total = perTarget * targets.length;
  const results = new Array<RowResult>(total);
  const onProgress = options.onProgress;
  let done = 0;
  let errors = 0;

  // A row's messages are the same for every target and repeat: rendered once.
  const messagesCache = new Array<ChatMessage[] | { error: unknown } | undefined>(rows.length);
  const messagesFor = (rowPos: number): ChatMessage[] => {
    let m = messagesCache[rowPos];
    if (m === undefined) {
      if (!options.buildMessages) throw new ExecutorSetupError('a chat target needs the rows\' messages, but no buildMessages was given.');
      try {
        m = options.buildMessages(rows[rowPos]!);
      } catch (err) {
        m = { error: err };
      }
      messagesCache[rowPos] = m;
    }
    if (!Array.isArray(m)) throw m.error;
    return m;
  };

  const backoffMs = (attempt: number, error: TargetError): number => {
    if (error.retryAfterMs !== undefined) return Math.min(error.retryAfterMs, backoffMax);
    const ceiling = Math.min(backoffMax, backoffBase * 2 ** attempt);
    // Jitter keeps rows that failed together from retrying in lockstep.
    return ceiling * (0.5 + Math.random() * 0.5);
  };

  /** One call with its timeout and retries; throws the last TargetError, or the caller's reason. */
  const callTarget = async (target: Target, row: EvalRow, messages: ChatMessage[] | undefined, headers: Record<string, string>): Promise<TargetAnswer> => {
    for (let attempt = 0; ; attempt++) {
      const timeout = AbortSignal.timeout(timeoutMs);
      const attemptSignal = signal ? AbortSignal.any([signal, timeout]) : timeout;
      let error: TargetError;
      try {
        return await target.call(row, messages, { signal: attemptSignal, headers });
      } catch (err) {
        if (signal?.aborted) throw signal.reason;
        if (timeout.aborted) {
          error = new TargetError(target.name, `no answer within ${timeoutMs} ms. If the model is this slow, raise the suite's timeout.`, { retryable: true, cause: err });
        } else if (err instanceof TargetError) {
          error = err;
        } else {
          // A target's own bug, or a failure it did not classify: reported, not retried.
          error = new TargetError(target.name, messageOf(err), { retryable: false, cause: err });
        }
      }
      if (!error.retryable || attempt >= retries) throw error;
      try {
        await sleep(backoffMs(attempt, error), undefined, signal ? { signal } : undefined);
      } catch (err) {
        throw signal?.aborted ? signal.reason : err;
      }
    }
  };

  /** The call inside its root span; the span's traceparent goes to the target. */
  const tracedCall = (target: Target, row: EvalRow, rep: number, messages: ChatMessage[] | undefined, result: RowResult): Promise<TargetAnswer> =>
    // A root of its own even inside a caller's span: each row's trace carries that row's assessments.
    runOutsideContext(() =>
      // One span name for every target (the target is in the trace metadata), so spans group by name.
      withSpan({ name: EVAL_ROW_SPAN, spanType: SpanType.CHAIN, inputs: messages ? { inputs: row.inputs, messages } : { inputs: row.inputs } }, async (span) => {
        const runId = tracing!.runIdFor(target.name);
        const metadata: Record<string, string> = { [EvalTraceKey.ROW_INDEX]: String(row.index), [EvalTraceKey.REPEAT]: String(rep), [EvalTraceKey.TARGET]: target.name };
        if (runId !== undefined) metadata[TraceMetadataKey.SOURCE_RUN] = runId;
        updateCurrentTrace({ metadata });
        // An unsampled trace is never exported: nothing to attach assessments to.
        if (!(span._owner instanceof TraceBuffer) || span._owner.sampled) result.traceId = span.traceId;
        const answer = await callTarget(target, row, messages, getTracingContextHeadersForHttpRequest(span));
        span.setOutputs(answer.text);
        return answer;
      }),
    );

  const NO_HEADERS: Record<string, string> = {};

  const runOne = async (i: number): Promise<void> => {
    const t = (i / perTarget) | 0;
    const within = i - t * perTarget;
    const rowPos = (within / repeat) | 0;
    const rep = within - rowPos * repeat;
    const target = targets[t]!;
    const row = rows[rowPos]!;
    const result: RowResult = { target: target.name, rowIndex: row.index, repeat: rep, inputs: row.inputs, scores: {} };
    if (row.expected !== undefined) result.expected = row.expected;
    results[i] = result;

    let failed = false;
    try {
      const messages = target.needsMessages ? messagesFor(rowPos) : undefined;
      const started = performance.now();
      const answer = tracing ? await tracedCall(target, row, rep, messages, result) : await callTarget(target, row, messages, NO_HEADERS);
      const output: TargetOutput = { ...answer, latencyMs: performance.now() - started };
      result.output = output;
      if (scorers.length > 0) {
        const ctx = new RowScoreContext(row, output, services, timeoutMs, signal);
        for (const scorer of scorers) {
          try {
            let score = scorer.score(ctx);
            if (isThenable(score)) score = await score;
            result.scores[scorer.name] = checkScore(score, scorer);
          } catch (err) {
            if (signal?.aborted) throw signal.reason;
            failed = true;
            result.scores[scorer.name] = { value: null, error: messageOf(err), source: scorer.source };
          }
        }
      }
    } catch (err) {
      if (signal?.aborted) throw signal.reason;
      if (err instanceof ExecutorSetupError) throw err;
      failed = true;
      result.error = messageOf(err);
    }
    done++;
    if (failed) errors++;
    onProgress?.({ done, total, errors });
  };

  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < total) {
      if (signal?.aborted) throw signal.reason;
      await runOne(next++);
    }
  };
  signal?.throwIfAborted();
  await Promise.all(Array.from({ length: Math.min(options.concurrency, total) }, worker));
  return results;
}
