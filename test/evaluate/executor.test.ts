/**
 * The executor: results in (target, row, repeat) order, the concurrency bound, timeouts, retries
 * of retryable failures only (against a real HTTP server through the model_server target), a
 * failing row or scorer isolated, the caller's abort, and tracing: one root span per call whose
 * traceparent reaches the target, linked to the target's run and its row.
 */
import { beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { runRows, type RowResult, type RunRowsOptions } from '../../src/evaluate/executor.ts';
import { createTarget, TargetError, type Target, type TargetAnswer } from '../../src/evaluate/targets/index.ts';
import { ScorerError, type ChatMessage, type EvalRow, type Scorer, type ScorerServices } from '../../src/evaluate/types.ts';
import { flushTraces, init, InMemoryTraceExporter, parseTraceparent, SpanType, TraceMetadataKey, withSpan } from '../../src/tracing/index.ts';

const rows = (n: number): EvalRow[] => Array.from({ length: n }, (_, i) => ({ index: i, inputs: { q: `question ${i}` }, expected: `answer ${i}` }));

const services: ScorerServices = {
  chat: () => Promise.reject(new Error('no services in this test')),
  embed: () => Promise.reject(new Error('no services in this test')),
};

/** A target answering `answer <row>` (or what `answer` returns) after `hold`. */
function fakeTarget(name: string, options: { answer?: (row: EvalRow) => TargetAnswer | Promise<TargetAnswer>; needsMessages?: boolean } = {}): Target & { calls: { row: number; messages: readonly ChatMessage[] | undefined; headers: Record<string, string> }[] } {
  const calls: { row: number; messages: readonly ChatMessage[] | undefined; headers: Record<string, string> }[] = [];
  return {
    name,
    needsMessages: options.needsMessages ?? false,
    calls,
    async call(row, messages, opts) {
      calls.push({ row: row.index, messages, headers: opts.headers });
      return options.answer ? options.answer(row) : { text: `answer ${row.index}`, value: `answer ${row.index}` };
    },
  };
}

const exact: Scorer = {
  name: 'exact',
  source: 'CODE',
  greaterIsBetter: true,
  score: ({ row, output }) => {
    const passed = output.text === row.expected;
    return { value: passed ? 1 : 0, passed };
  },
};

function options(overrides: Partial<RunRowsOptions> & Pick<RunRowsOptions, 'rows' | 'targets'>): RunRowsOptions {
  return { scorers: [exact], services, concurrency: 4, timeoutMs: 5_000, retries: 0, backoff: { baseMs: 1, maxMs: 5 }, ...overrides };
}

const key = (r: RowResult) => `${r.target}/${r.rowIndex}/${r.repeat}`;

interface Server {
  url: string;
  requests: { headers: http.IncomingHttpHeaders; body: string }[];
  close(): Promise<void>;
}

/** A model server answering each request with `reply(n)` (n counts from 0). */
async function modelServer(reply: (n: number, body: string) => { status: number; body: unknown }): Promise<Server> {
  const requests: Server['requests'] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      requests.push({ headers: req.headers, body });
      const r = reply(requests.length - 1, body);
      res.writeHead(r.status, { 'content-type': 'application/json' }).end(JSON.stringify(r.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/invocations`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('runRows', () => {
  it('returns every (target, row, repeat) in that order, with outputs, latency and scores', async () => {
    const a = fakeTarget('a');
    const b = fakeTarget('b', { answer: (row) => ({ text: row.index === 1 ? 'answer 1' : 'wrong', value: 0, usage: { input_tokens: 1, output_tokens: 2, total_tokens: 3 }, costUsd: 0.25 }) });
    const progress: { done: number; total: number; errors: number }[] = [];
    const results = await runRows(options({ rows: rows(3), repeat: 2, targets: [a, b], onProgress: (p) => progress.push({ ...p }) }));
    assert.deepEqual(results.map(key), ['a/0/0', 'a/0/1', 'a/1/0', 'a/1/1', 'a/2/0', 'a/2/1', 'b/0/0', 'b/0/1', 'b/1/0', 'b/1/1', 'b/2/0', 'b/2/1']);
    const first = results[0]!;
    assert.deepEqual(first.inputs, { q: 'question 0' });
    assert.equal(first.expected, 'answer 0');
    assert.equal(first.output!.text, 'answer 0');
    assert.ok(first.output!.latencyMs >= 0);
    assert.deepEqual(first.scores, { exact: { value: 1, passed: true, source: 'CODE' } });
    assert.equal(first.error, undefined);
    assert.equal(first.traceId, undefined);
    assert.deepEqual(results[6]!.scores.exact, { value: 0, passed: false, source: 'CODE' });
    assert.deepEqual(results[8]!.output, { text: 'answer 1', value: 0, usage: { input_tokens: 1, output_tokens: 2, total_tokens: 3 }, costUsd: 0.25, latencyMs: results[8]!.output!.latencyMs });
    assert.equal(progress.length, 12);
    assert.deepEqual(progress.at(-1), { done: 12, total: 12, errors: 0 });
    assert.equal(a.calls.length, 6);
  });

  it('never has more calls in flight than the concurrency, and reaches it', async () => {
    let inFlight = 0;
    let max = 0;
    const target = fakeTarget('slow', {
      answer: async (row) => {
        inFlight++;
        max = Math.max(max, inFlight);
        await delay(2);
        inFlight--;
        return { text: `answer ${row.index}`, value: null };
      },
    });
    for (const concurrency of [1, 3, 8]) {
      max = 0;
      const results = await runRows(options({ rows: rows(40), targets: [target], concurrency }));
      assert.equal(results.length, 40);
      assert.equal(max, concurrency, `concurrency ${concurrency}`);
    }
  });

  it('isolates a failing row: its error is recorded, the others are scored', async () => {
    const target = fakeTarget('t', {
      answer: (row) => {
        if (row.index === 1) throw new TargetError('t', 'HTTP 400: nope', { status: 400, retryable: false });
        if (row.index === 2) throw new Error('a bug in the target');
        return { text: `answer ${row.index}`, value: null };
      },
    });
    const progress: { errors: number }[] = [];
    const results = await runRows(options({ rows: rows(4), targets: [target], onProgress: (p) => progress.push(p) }));
    assert.equal(results[1]!.error, 'target "t": HTTP 400: nope');
    assert.equal(results[1]!.output, undefined);
    assert.deepEqual(results[1]!.scores, {});
    assert.equal(results[2]!.error, 'target "t": a bug in the target');
    assert.deepEqual([results[0]!.scores.exact?.value, results[3]!.scores.exact?.value], [1, 1]);
    assert.equal(progress.at(-1)!.errors, 2);
  });

  it('isolates scorer errors: a ScorerError or any throw is that scorer\'s error on that row', async () => {
    const picky: Scorer = {
      name: 'picky',
      source: 'LLM_JUDGE',
      greaterIsBetter: true,
      score: async ({ row, signal }) => {
        assert.ok(signal instanceof AbortSignal);
        if (row.index === 0) throw new ScorerError('the judge said "maybe"');
        if (row.index === 1) throw new RangeError('boom');
        if (row.index === 2) return { value: 'high' } as never;
        return { value: 0.5, rationale: 'fine' };
      },
    };
    const results = await runRows(options({ rows: rows(4), targets: [fakeTarget('t')], scorers: [picky, exact] }));
    assert.deepEqual(results[0]!.scores.picky, { value: null, error: 'the judge said "maybe"', source: 'LLM_JUDGE' });
    assert.equal(results[1]!.scores.picky!.error, 'boom');
    assert.match(results[2]!.scores.picky!.error!, /returned \{"value":"high"\}/);
    assert.deepEqual(results[3]!.scores.picky, { value: 0.5, rationale: 'fine', source: 'LLM_JUDGE' });
    // The other scorer still judged every row, and no row failed as a whole.
    assert.ok(results.every((r) => r.scores.exact?.value === 1 && r.error === undefined));
  });

  it('renders a row\'s messages once for all targets and repeats; a row that cannot be rendered fails alone', async () => {
    const built: number[] = [];
    const chat1 = fakeTarget('chat1', { needsMessages: true });
    const chat2 = fakeTarget('chat2', { needsMessages: true });
    const plain = fakeTarget('plain');
    const results = await runRows(
      options({
        rows: rows(3),
        repeat: 2,
        targets: [chat1, chat2, plain],
        buildMessages: (row) => {
          built.push(row.index);
          if (row.index === 2) throw new Error('row 2 has no column "q2"');
          return [{ role: 'user', content: String(row.inputs.q) }];
        },
      }),
    );
    assert.deepEqual(built.sort(), [0, 1, 2]);
    assert.deepEqual(chat1.calls[0]!.messages, [{ role: 'user', content: 'question 0' }]);
    assert.equal(plain.calls[0]!.messages, undefined);
    const failed = results.filter((r) => r.error !== undefined).map(key);
    assert.deepEqual(failed, ['chat1/2/0', 'chat1/2/1', 'chat2/2/0', 'chat2/2/1']);
    assert.equal(results.find((r) => key(r) === 'chat1/2/0')!.error, 'row 2 has no column "q2"');
    assert.equal(plain.calls.length, 6, 'a target without messages runs every row');
  });

  it('times a call out, retries the timeout, and records it as the row\'s error', async () => {
    let attempts = 0;
    const hang: Target = {
      name: 'hang',
      needsMessages: false,
      call: (_row, _messages, { signal }) => {
        attempts++;
        return new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true }));
      },
    };
    const results = await runRows(options({ rows: rows(1), targets: [hang], timeoutMs: 20, retries: 2 }));
    assert.equal(attempts, 3);
    assert.match(results[0]!.error!, /^target "hang": no answer within 20 ms/);
  });

  it('retries a 503 until it passes, and does not retry a 400', async () => {
    const flaky = await modelServer((n) => (n < 2 ? { status: 503, body: { error_code: 'TEMPORARILY_UNAVAILABLE', message: 'warming up' } } : { status: 200, body: { predictions: ['answer 0'] } }));
    const refusing = await modelServer(() => ({ status: 400, body: { error_code: 'BAD_REQUEST', message: 'bad column' } }));
    try {
      const ok = await runRows(options({ rows: rows(1), targets: [createTarget({ kind: 'model_server', name: 'flaky', url: flaky.url, params: {} })], retries: 2 }));
      assert.equal(flaky.requests.length, 3);
      assert.equal(ok[0]!.error, undefined);
      assert.deepEqual(ok[0]!.scores.exact, { value: 1, passed: true, source: 'CODE' });

      const bad = await runRows(options({ rows: rows(1), targets: [createTarget({ kind: 'model_server', name: 'refusing', url: refusing.url, params: {} })], retries: 2 }));
      assert.equal(refusing.requests.length, 1);
      assert.match(bad[0]!.error!, /^target "refusing": HTTP 400: BAD_REQUEST: bad column/);

      flaky.requests.length = 0;
      const exhausted = await runRows(options({ rows: rows(1), targets: [createTarget({ kind: 'model_server', name: 'flaky', url: flaky.url, params: {} })], retries: 1 }));
      assert.equal(flaky.requests.length, 2);
      assert.match(exhausted[0]!.error!, /HTTP 503/);
    } finally {
      await flaky.close();
      await refusing.close();
    }
  });

  it('stops when the caller aborts, rejecting with the reason', async () => {
    const controller = new AbortController();
    const target = fakeTarget('t', {
      answer: async (row) => {
        if (row.index === 5) controller.abort(new Error('user cancelled'));
        await delay(1);
        return { text: '', value: null };
      },
    });
    await assert.rejects(runRows(options({ rows: rows(100), targets: [target], concurrency: 2, signal: controller.signal })), /user cancelled/);
    assert.ok(target.calls.length < 100, `${target.calls.length} calls`);
  });

  it('refuses a concurrency below 1', async () => {
    await assert.rejects(runRows(options({ rows: rows(1), targets: [fakeTarget('t')], concurrency: 0 })), /concurrency must be a whole number/);
  });
});

describe('runRows with tracing', () => {
  let exporter: InMemoryTraceExporter;
  beforeEach(() => {
    exporter = new InMemoryTraceExporter();
    init({ exporter, configFile: false, handleSignals: false });
  });

  it('traces each call as a root span whose traceparent reaches the target, linked to the run and the row', async () => {
    const server = await modelServer(() => ({ status: 200, body: { predictions: ['answer 0'] } }));
    try {
      const target = createTarget({ kind: 'model_server', name: 'ms', url: server.url, params: {} });
      const failing = fakeTarget('failing', {
        answer: () => {
          throw new TargetError('failing', 'HTTP 400: no', { status: 400, retryable: false });
        },
      });
      // Inside a caller's span the rows' spans are still roots: each row has its own trace.
      const results = await withSpan({ name: 'outer' }, () =>
        runRows(options({ rows: rows(2), repeat: 2, targets: [target, failing], tracing: { enabled: true, runIdFor: (t) => `run-${t}` } })),
      );
      await flushTraces();
      const traces = new Map(exporter.traces.map((t) => [t.info.traceId, t]));
      assert.equal(results.length, 8);
      assert.equal(new Set(results.map((r) => r.traceId)).size, 8, 'one trace per call');

      for (const r of results) {
        const trace = traces.get(r.traceId!);
        assert.ok(trace, `trace of ${key(r)}`);
        const root = trace.data.spans[0]!;
        assert.equal(root.name, 'eval/row');
        assert.equal(root.parentId, null);
        assert.equal(root.spanType, SpanType.CHAIN);
        assert.deepEqual(root.inputs, { inputs: { q: `question ${r.rowIndex}` } });
        assert.equal(trace.info.traceMetadata[TraceMetadataKey.SOURCE_RUN], `run-${r.target}`);
        assert.equal(trace.info.traceMetadata['mlflow.eval.rowIndex'], String(r.rowIndex));
        assert.equal(trace.info.traceMetadata['mlflow.eval.repeat'], String(r.repeat));
        if (r.target === 'ms') {
          assert.equal(trace.info.state, 'OK');
          assert.equal(root.outputs, 'answer 0');
          // The target got this span's traceparent, so its own spans would join the trace.
          const contexts = server.requests.map((q) => parseTraceparent(q.headers.traceparent as string));
          const context = contexts.find((c) => c?.traceId === r.traceId);
          assert.ok(context, `no request carried trace ${r.traceId}`);
          assert.equal(context.spanId, root.spanId);
        } else {
          assert.equal(trace.info.state, 'ERROR');
          assert.ok(r.error);
        }
      }
    } finally {
      await server.close();
    }
  });

  it('creates no spans and sends no traceparent when tracing is off', async () => {
    const target = fakeTarget('t');
    const results = await runRows(options({ rows: rows(3), targets: [target], tracing: { enabled: false, runIdFor: () => 'run' } }));
    await flushTraces();
    assert.equal(exporter.traces.length, 0);
    assert.ok(results.every((r) => r.traceId === undefined));
    assert.ok(target.calls.every((c) => Object.keys(c.headers).length === 0));
  });
});
