/**
 * Retries of one endpoint's upstream call: only for failures another try can fix (the upstream's
 * 429, 5xx, timeouts, unreachable hosts), never for a request the upstream refused (4xx) or one
 * whose caller has gone. The wait is the upstream's `Retry-After` when it sent one, else "full
 * jitter" exponential backoff, so many gateways retrying the same overloaded upstream spread out.
 *
 * `Retry-After` is honoured up to MAX_RETRY_AFTER_SECONDS. A longer one is not waited out: the
 * error (with its Retry-After) goes back to the caller at once, who is better placed to decide
 * whether to wait minutes than a gateway holding the request open.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { RetryConfig } from '../config.ts';
import { GatewayError, asGatewayError } from '../errors.ts';
import { ReplayError } from './record-replay.ts';

export const MAX_RETRY_AFTER_SECONDS = 60;

export interface RetryOptions {
  /** The caller's signal: once it aborts, no further attempt starts and a pending wait ends. */
  signal: AbortSignal;
  /** Must reject when `signal` aborts. Default: a timer that does. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** In [0, 1); default Math.random. */
  random?: () => number;
  /** Called after each failed attempt (1-based), before any wait; for attempt spans and metrics. */
  onFailure?: (n: number, error: GatewayError, willRetry: boolean) => void;
}

/** Whether another attempt could succeed where this one failed. */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof GatewayError)) return false;
  // A replay miss or unreadable recording stays one however often it is asked.
  if (error instanceof ReplayError) return false;
  // 499: the caller went away; nobody is waiting for a retry.
  if (error.status === 499) return false;
  switch (error.kind) {
    case 'rate_limit':
    case 'timeout':
    case 'unavailable':
      return true;
    case 'upstream':
      return error.status >= 500;
    default:
      return false;
  }
}

/** The wait before retrying after failed attempt `n`; undefined when the upstream asks for more than we wait. */
export function retryDelayMs(n: number, error: GatewayError, config: RetryConfig, random: () => number): number | undefined {
  if (error.retryAfter !== undefined) return error.retryAfter > MAX_RETRY_AFTER_SECONDS ? undefined : error.retryAfter * 1000;
  return random() * Math.min(config.max_backoff_ms, config.backoff_ms * 2 ** (n - 1));
}

const defaultSleep = (ms: number, signal: AbortSignal): Promise<void> => delay(ms, undefined, { signal });

/**
 * Runs `attempt(1)`, then `attempt(2)`, ... until one succeeds, an error is not retryable, or
 * `config.max_attempts` (which counts the first try; no config means one attempt) are used up.
 * Throws the last attempt's error as it was thrown; a wait cut short by `signal` throws a 499
 * (caller gone) or, when the signal's reason is a TimeoutError, a 504.
 */
export async function withRetries<T>(attempt: (n: number) => Promise<T>, config: RetryConfig | undefined, options: RetryOptions): Promise<T> {
  const { signal } = options;
  const maxAttempts = config?.max_attempts ?? 1;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (err) {
      const error = asGatewayError(err);
      const wait = config && n < maxAttempts && !signal.aborted && isRetryable(error) ? retryDelayMs(n, error, config, random) : undefined;
      options.onFailure?.(n, error, wait !== undefined);
      // The original, not the GatewayError view: a plugin's own error keeps its stack for the log.
      if (wait === undefined) throw err;
      try {
        await sleep(wait, signal);
      } catch (sleepError) {
        throw cancelled(signal, error, sleepError);
      }
      if (signal.aborted) throw cancelled(signal, error, undefined);
    }
  }
}

/** Why a wait between attempts ended early: the caller's deadline, or the caller leaving. */
function cancelled(signal: AbortSignal, last: GatewayError, sleepError: unknown): GatewayError {
  if (!signal.aborted) return asGatewayError(sleepError);
  const reason: unknown = signal.reason;
  if (reason instanceof GatewayError) return reason;
  if (reason instanceof Error && reason.name === 'TimeoutError') {
    return new GatewayError('timeout', `The request's deadline passed while waiting to retry after: ${last.message}`, { cause: last, provider: last.provider });
  }
  return new GatewayError('unavailable', 'The caller went away while the gateway waited to retry; the request was cancelled.', { status: 499, cause: last, provider: last.provider });
}
