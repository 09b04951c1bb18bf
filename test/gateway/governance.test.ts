/**
 * The governance building blocks on their own, with injected clocks, sleeps and randomness: the
 * token-bucket rate limiter, retries with backoff and Retry-After, and the response cache.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RateLimiter } from '../../src/gateway/governance/rate-limit.ts';
import { MAX_RETRY_AFTER_SECONDS, isRetryable, withRetries } from '../../src/gateway/governance/retry.ts';
import { ResponseCache, canonicalJson } from '../../src/gateway/governance/cache.ts';
import { ReplayError } from '../../src/gateway/governance/record-replay.ts';
import { GatewayError } from '../../src/gateway/errors.ts';
import type { CacheConfig, LimitConfig, RetryConfig } from '../../src/gateway/config.ts';

function fakeClock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

describe('RateLimiter', () => {
  const perSecond: LimitConfig = { calls: 2, renewal_period: 'second' };

  it('allows `calls` at once from a full bucket, then refuses with the wait until the next token', () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ now: clock.now });
    const limit: LimitConfig = { calls: 3, renewal_period: 'minute' };
    for (let i = 0; i < 3; i++) assert.deepEqual(limiter.take('chat', limit), { allowed: true });
    // One token per 20 s.
    assert.deepEqual(limiter.take('chat', limit), { allowed: false, retryAfterSeconds: 20 });
    clock.advance(5_500);
    assert.deepEqual(limiter.take('chat', limit), { allowed: false, retryAfterSeconds: 15 });
    clock.advance(14_499);
    assert.deepEqual(limiter.take('chat', limit), { allowed: false, retryAfterSeconds: 1 });
    clock.advance(1);
    assert.deepEqual(limiter.take('chat', limit), { allowed: true });
    assert.equal(limiter.take('chat', limit).allowed, false);
  });

  it('refills at calls per period, exactly on time, and never above capacity', () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ now: clock.now });
    assert.equal(limiter.take('e', perSecond).allowed, true);
    assert.equal(limiter.take('e', perSecond).allowed, true);
    assert.equal(limiter.take('e', perSecond).allowed, false);
    clock.advance(499);
    assert.equal(limiter.take('e', perSecond).allowed, false);
    clock.advance(1); // 500 ms of a 2-per-second limit is exactly one token
    assert.equal(limiter.take('e', perSecond).allowed, true);
    assert.equal(limiter.take('e', perSecond).allowed, false);
    // A long idle spell fills the bucket to its capacity, not beyond.
    clock.advance(60_000);
    assert.equal(limiter.take('e', perSecond).allowed, true);
    assert.equal(limiter.take('e', perSecond).allowed, true);
    assert.equal(limiter.take('e', perSecond).allowed, false);
  });

  it('lets a burst above the steady rate, then holds to the rate', () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ now: clock.now });
    const limit: LimitConfig = { calls: 1, renewal_period: 'second', burst: 5 };
    for (let i = 0; i < 5; i++) assert.equal(limiter.take('e', limit).allowed, true, `burst call ${i + 1}`);
    assert.deepEqual(limiter.take('e', limit), { allowed: false, retryAfterSeconds: 1 });
    clock.advance(1000);
    assert.equal(limiter.take('e', limit).allowed, true);
    assert.equal(limiter.take('e', limit).allowed, false);
  });

  it('answers Retry-After in whole seconds rounded up, for long periods too', () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ now: clock.now });
    const hourly: LimitConfig = { calls: 7, renewal_period: 'hour' };
    for (let i = 0; i < 7; i++) limiter.take('h', hourly);
    // 3600 / 7 = 514.28... s
    assert.deepEqual(limiter.take('h', hourly), { allowed: false, retryAfterSeconds: 515 });
    const daily: LimitConfig = { calls: 1, renewal_period: 'day' };
    limiter.take('d', daily);
    clock.advance(1);
    assert.deepEqual(limiter.take('d', daily), { allowed: false, retryAfterSeconds: 86_400 });
  });

  it('keeps a separate bucket per key', () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ now: clock.now });
    const one: LimitConfig = { calls: 1, renewal_period: 'minute' };
    assert.equal(limiter.take('a', one).allowed, true);
    assert.equal(limiter.take('a', one).allowed, false);
    assert.equal(limiter.take('b', one).allowed, true);
    assert.equal(limiter.take('b', one).allowed, false);
  });

  it('starts a changed limit afresh on reload, keeps unchanged ones, and drops removed endpoints', () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ now: clock.now });
    const one: LimitConfig = { calls: 1, renewal_period: 'minute' };
    limiter.take('kept', one);
    limiter.take('changed', one);
    limiter.take('removed', one);
    assert.equal(limiter.size, 3);

    limiter.retain(['kept', 'changed']);
    assert.equal(limiter.size, 2);
    // Unchanged: still empty.
    assert.equal(limiter.take('kept', one).allowed, false);
    // A new limit (10/min) starts with a full bucket of 10.
    const ten: LimitConfig = { calls: 10, renewal_period: 'minute' };
    for (let i = 0; i < 10; i++) assert.equal(limiter.take('changed', ten).allowed, true);
    assert.deepEqual(limiter.take('changed', ten), { allowed: false, retryAfterSeconds: 6 });
    // Only the burst changing is a change too.
    assert.equal(limiter.take('changed', { ...ten, burst: 12 }).allowed, true);
    // A removed endpoint that comes back starts full.
    assert.equal(limiter.take('removed', one).allowed, true);
  });
});

const retries: RetryConfig = { max_attempts: 3, backoff_ms: 100, max_backoff_ms: 1000 };

function recordingSleep() {
  const waits: number[] = [];
  const sleep = async (ms: number, signal: AbortSignal): Promise<void> => {
    signal.throwIfAborted();
    waits.push(ms);
  };
  return { waits, sleep };
}

const signal = new AbortController().signal;

describe('withRetries', () => {
  it('retries a 5xx and a 429 and returns the first success', async () => {
    const { waits, sleep } = recordingSleep();
    const failures: [number, number, boolean][] = [];
    const errors = [new GatewayError('upstream', 'openai answered 500: boom', { status: 500 }), new GatewayError('rate_limit', 'slow down')];
    const result = await withRetries(
      async (n) => {
        if (n <= errors.length) throw errors[n - 1]!;
        return `answer ${n}`;
      },
      retries,
      { signal, sleep, random: () => 0.5, onFailure: (n, e, willRetry) => failures.push([n, e.status, willRetry]) },
    );
    assert.equal(result, 'answer 3');
    // Full jitter: random × min(max_backoff, backoff × 2^(n-1)).
    assert.deepEqual(waits, [50, 100]);
    assert.deepEqual(failures, [
      [1, 500, true],
      [2, 429, true],
    ]);
  });

  it('caps the backoff at max_backoff_ms', async () => {
    const { waits, sleep } = recordingSleep();
    await assert.rejects(
      withRetries(
        async () => {
          throw new GatewayError('timeout', 'late');
        },
        { max_attempts: 6, backoff_ms: 100, max_backoff_ms: 500 },
        { signal, sleep, random: () => 1 },
      ),
    );
    assert.deepEqual(waits, [100, 200, 400, 500, 500]);
  });

  it('gives up after max_attempts (the first try included) with the last error', async () => {
    const { waits, sleep } = recordingSleep();
    let calls = 0;
    const failures: boolean[] = [];
    await assert.rejects(
      withRetries(
        async (n) => {
          calls++;
          throw new GatewayError('unavailable', `down ${n}`);
        },
        retries,
        { signal, sleep, random: () => 0, onFailure: (_n, _e, willRetry) => failures.push(willRetry) },
      ),
      (err: unknown) => err instanceof GatewayError && err.message === 'down 3',
    );
    assert.equal(calls, 3);
    assert.equal(waits.length, 2);
    assert.deepEqual(failures, [true, true, false]);
  });

  it('makes one attempt without a retry config', async () => {
    let calls = 0;
    await assert.rejects(
      withRetries(
        async () => {
          calls++;
          throw new GatewayError('upstream', 'boom', { status: 503 });
        },
        undefined,
        { signal, sleep: recordingSleep().sleep },
      ),
    );
    assert.equal(calls, 1);
  });

  it('does not retry a 400, a 401, a 404 or a non-gateway error', async () => {
    for (const error of [
      new GatewayError('invalid_request', 'bad'),
      new GatewayError('authentication', 'key'),
      new GatewayError('not_found', 'model'),
      new GatewayError('upstream', 'teapot', { status: 418 }),
      new TypeError('our bug'),
    ]) {
      let calls = 0;
      await assert.rejects(
        withRetries(
          async () => {
            calls++;
            throw error;
          },
          retries,
          { signal, sleep: recordingSleep().sleep },
        ),
        (err: unknown) => err === error,
      );
      assert.equal(calls, 1, `${error.message} must not be retried`);
    }
  });

  it('says which errors are retryable', () => {
    assert.equal(isRetryable(new GatewayError('rate_limit', 'x')), true);
    assert.equal(isRetryable(new GatewayError('timeout', 'x')), true);
    assert.equal(isRetryable(new GatewayError('unavailable', 'x')), true);
    assert.equal(isRetryable(new GatewayError('unavailable', 'unreachable', { status: 502 })), true);
    assert.equal(isRetryable(new GatewayError('upstream', 'x', { status: 502 })), true);
    assert.equal(isRetryable(new GatewayError('upstream', 'x', { status: 500 })), true);
    assert.equal(isRetryable(new GatewayError('upstream', 'x', { status: 402 })), false);
    assert.equal(isRetryable(new GatewayError('unavailable', 'caller gone', { status: 499 })), false);
    assert.equal(isRetryable(new GatewayError('internal', 'x')), false);
    assert.equal(isRetryable(new GatewayError('not_implemented', 'x')), false);
    assert.equal(isRetryable(new ReplayError('no recording', 'abc')), false);
    assert.equal(isRetryable(new Error('x')), false);
  });

  it("waits the upstream's Retry-After instead of the backoff, up to the cap", async () => {
    const { waits, sleep } = recordingSleep();
    const result = await withRetries(
      async (n) => {
        if (n === 1) throw new GatewayError('rate_limit', 'slow down', { retryAfter: 7 });
        if (n === 2) throw new GatewayError('unavailable', 'overloaded', { retryAfter: 0 });
        return 'ok';
      },
      retries,
      { signal, sleep, random: () => 0.99 },
    );
    assert.equal(result, 'ok');
    assert.deepEqual(waits, [7000, 0]);
  });

  it('returns a Retry-After longer than the cap to the caller instead of waiting it out', async () => {
    const { waits, sleep } = recordingSleep();
    let calls = 0;
    const willRetry: boolean[] = [];
    await assert.rejects(
      withRetries(
        async () => {
          calls++;
          throw new GatewayError('rate_limit', 'come back in two minutes', { retryAfter: MAX_RETRY_AFTER_SECONDS + 1 });
        },
        retries,
        { signal, sleep, onFailure: (_n, _e, w) => willRetry.push(w) },
      ),
      (err: unknown) => err instanceof GatewayError && err.retryAfter === MAX_RETRY_AFTER_SECONDS + 1,
    );
    assert.equal(calls, 1);
    assert.deepEqual(waits, []);
    assert.deepEqual(willRetry, [false]);
  });

  it('stops waiting when the caller goes away, and starts no further attempt', async () => {
    const controller = new AbortController();
    let calls = 0;
    const started = Date.now();
    const pending = withRetries(
      async () => {
        calls++;
        throw new GatewayError('unavailable', 'down', { retryAfter: 30 });
      },
      retries,
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 20);
    await assert.rejects(pending, (err: unknown) => err instanceof GatewayError && err.status === 499 && /went away/.test(err.message));
    assert.ok(Date.now() - started < 5000, 'the 30 s wait was cut short');
    assert.equal(calls, 1);
  });

  it("reports the request's deadline as a timeout", async () => {
    await assert.rejects(
      withRetries(
        async () => {
          throw new GatewayError('unavailable', 'down', { retryAfter: 30 });
        },
        retries,
        { signal: AbortSignal.timeout(20) },
      ),
      (err: unknown) => err instanceof GatewayError && err.kind === 'timeout' && err.status === 504,
    );
  });

  it('does not retry once the signal has aborted', async () => {
    const controller = new AbortController();
    let calls = 0;
    await assert.rejects(
      withRetries(
        async () => {
          calls++;
          controller.abort();
          throw new GatewayError('timeout', 'late');
        },
        retries,
        { signal: controller.signal, sleep: recordingSleep().sleep },
      ),
    );
    assert.equal(calls, 1);
  });
});

describe('ResponseCache', () => {
  const config: CacheConfig = { ttl_seconds: 60, max_entries: 3 };
  const request = { messages: [{ role: 'user', content: 'hi' }], temperature: 0 };

  it('hits for the same request and misses for another', () => {
    const cache = new ResponseCache();
    const key = cache.key('chat', 'chat', request);
    assert.equal(cache.get(key, config), undefined);
    cache.set(key, { answer: 1 }, config);
    assert.deepEqual(cache.get(cache.key('chat', 'chat', structuredClone(request)), config), { answer: 1 });
    assert.equal(cache.get(cache.key('chat', 'chat', { ...request, temperature: 1 }), config), undefined);
    assert.equal(cache.get(cache.key('other', 'chat', request), config), undefined);
    assert.equal(cache.get(cache.key('chat', 'completions', request), config), undefined);
    assert.deepEqual(cache.stats(), { hits: 1, misses: 4, size: 1 });
  });

  it('expires entries after ttl_seconds', () => {
    const clock = fakeClock();
    const cache = new ResponseCache({ now: clock.now });
    const key = cache.key('chat', 'chat', request);
    cache.set(key, 'answer', config);
    clock.advance(59_999);
    assert.equal(cache.get(key, config), 'answer');
    clock.advance(1);
    assert.equal(cache.get(key, config), undefined);
    assert.equal(cache.stats().size, 0, 'an expired entry is dropped when met');
  });

  it('evicts the least recently used entry beyond max_entries, per endpoint', () => {
    const cache = new ResponseCache();
    const k = (endpoint: string, i: number) => cache.key(endpoint, 'chat', { ...request, seed: i });
    for (let i = 1; i <= 3; i++) cache.set(k('a', i), i, config);
    cache.set(k('b', 1), 'b1', config);
    assert.equal(cache.get(k('a', 1), config), 1); // now the most recently used
    cache.set(k('a', 4), 4, config);
    assert.equal(cache.get(k('a', 2), config), undefined, 'the least recently used went');
    assert.equal(cache.get(k('a', 1), config), 1);
    assert.equal(cache.get(k('a', 3), config), 3);
    assert.equal(cache.get(k('a', 4), config), 4);
    assert.equal(cache.get(k('b', 1), config), 'b1', "another endpoint's entries are not evicted");
    assert.equal(cache.stats().size, 4);
    // A smaller bound after a reload applies at the next store.
    cache.set(k('a', 5), 5, { ...config, max_entries: 1 });
    assert.equal(cache.stats().size, 2);
  });

  it('keys ignore stream, stream_options and user but not sampling fields', () => {
    const cache = new ResponseCache();
    const base = cache.key('chat', 'chat', request);
    assert.equal(cache.key('chat', 'chat', { ...request, stream: true, stream_options: { include_usage: true }, user: 'alice' }), base);
    assert.equal(cache.key('chat', 'chat', { ...request, stream: undefined }), base);
    assert.notEqual(cache.key('chat', 'chat', { ...request, temperature: 0.7 }), base);
    assert.notEqual(cache.key('chat', 'chat', { ...request, max_tokens: 5 }), base);
    assert.notEqual(cache.key('chat', 'chat', { ...request, messages: [{ role: 'user', content: 'hi!' }] }), base);
  });

  it('keys do not depend on key order, at any depth', () => {
    const cache = new ResponseCache();
    const a = { temperature: 0, messages: [{ role: 'user', content: 'hi' }], tools: [{ type: 'function', function: { name: 'f', parameters: { b: 1, a: 2 } } }] };
    const b = { tools: [{ function: { parameters: { a: 2, b: 1 }, name: 'f' }, type: 'function' }], messages: [{ content: 'hi', role: 'user' }], temperature: 0 };
    assert.equal(cache.key('chat', 'chat', a), cache.key('chat', 'chat', b));
    assert.equal(canonicalJson(b), canonicalJson(a));
    // Array order is meaning, not layout.
    assert.notEqual(canonicalJson([1, 2]), canonicalJson([2, 1]));
    // A `__proto__` member (as JSON.parse makes it) is data, not a prototype to be lost.
    assert.notEqual(canonicalJson(JSON.parse('{"__proto__": {"x": 1}}')), canonicalJson({}));
  });

  it('is not changed by callers mutating what they stored or got', () => {
    const cache = new ResponseCache();
    const key = cache.key('chat', 'chat', request);
    const response = { id: 'r1', choices: [{ message: { content: 'hello' } }] };
    cache.set(key, response, config);
    response.choices[0]!.message.content = 'changed after set';
    const got = cache.get(key, config) as typeof response;
    assert.equal(got.choices[0]!.message.content, 'hello');
    got.choices[0]!.message.content = 'changed after get';
    got.id = 'r2';
    assert.deepEqual(cache.get(key, config), { id: 'r1', choices: [{ message: { content: 'hello' } }] });
  });

  it('clears all, one endpoint, or endpoints no longer configured', () => {
    const cache = new ResponseCache();
    for (const e of ['a', 'b', 'c']) cache.set(cache.key(e, 'chat', request), e, config);
    cache.clear('a');
    assert.equal(cache.get(cache.key('a', 'chat', request), config), undefined);
    cache.retain(['a', 'b']);
    assert.equal(cache.get(cache.key('b', 'chat', request), config), 'b');
    assert.equal(cache.get(cache.key('c', 'chat', request), config), undefined);
    cache.clear();
    assert.equal(cache.stats().size, 0);
  });
});
