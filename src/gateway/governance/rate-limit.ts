/**
 * Per-endpoint rate limits: a token bucket per key that holds `burst` tokens (default `calls`),
 * starts full and refills at `calls` per renewal period. A refused call learns how long until the
 * next token, which the gateway sends as `Retry-After`.
 *
 * Levels are kept in "token-milliseconds" (tokens × period length) so that refilling is integer
 * arithmetic on integer clocks: with floats, 500 ms of a 2-per-second limit can come out a hair
 * under one token and refuse a call that is due.
 */
import type { LimitConfig } from '../config.ts';

export type TakeResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiterOptions {
  /** Milliseconds on a monotonic clock; tests pass a fake. */
  now?: () => number;
}

const PERIOD_MS: Record<LimitConfig['renewal_period'], number> = {
  second: 1000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
};

interface Bucket {
  /** The limit this bucket was built for; a different limit on reload starts a new bucket. */
  calls: number;
  periodMs: number;
  capacity: number;
  /** Tokens × periodMs. One token costs periodMs; each elapsed ms adds `calls`. */
  level: number;
  at: number;
}

export class RateLimiter {
  readonly #now: () => number;
  readonly #buckets = new Map<string, Bucket>();

  constructor(options: RateLimiterOptions = {}) {
    this.#now = options.now ?? (() => performance.now());
  }

  /** Takes one token from `key`'s bucket if it has one. */
  take(key: string, limit: LimitConfig): TakeResult {
    const now = this.#now();
    const periodMs = PERIOD_MS[limit.renewal_period];
    const capacity = limit.burst ?? limit.calls;
    let bucket = this.#buckets.get(key);
    if (!bucket || bucket.calls !== limit.calls || bucket.periodMs !== periodMs || bucket.capacity !== capacity) {
      bucket = { calls: limit.calls, periodMs, capacity, level: capacity * periodMs, at: now };
      this.#buckets.set(key, bucket);
    } else if (now > bucket.at) {
      bucket.level = Math.min(capacity * periodMs, bucket.level + (now - bucket.at) * limit.calls);
      bucket.at = now;
    }
    if (bucket.level >= periodMs) {
      bucket.level -= periodMs;
      return { allowed: true };
    }
    const waitMs = (periodMs - bucket.level) / limit.calls;
    return { allowed: false, retryAfterSeconds: Math.ceil(waitMs / 1000) };
  }

  /**
   * Keeps the buckets of these keys and drops the rest (endpoints removed by a reload). A kept
   * key whose limit changed is reset to a full bucket of the new limit on its next `take`.
   */
  retain(keys: Iterable<string>): void {
    const keep = new Set(keys);
    for (const key of this.#buckets.keys()) if (!keep.has(key)) this.#buckets.delete(key);
  }

  /** Number of live buckets, for tests and stats. */
  get size(): number {
    return this.#buckets.size;
  }
}
