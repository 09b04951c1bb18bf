/**
 * The span API against an in-memory exporter: trees (nested, concurrent, manual), the wrappers'
 * transparency (return values, `this`, thrown objects, promise subclasses, generators), trace
 * updates, token usage aggregation, argument naming and the `traces.json` span format.
 */
import { beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  InMemoryTraceExporter,
  SpanStatusCode,
  SpanType,
  flushTraces,
  getCurrentActiveSpan,
  getLastActiveTraceId,
  init,
  recordTokenUsage,
  startSpan,
  trace,
  updateCurrentTrace,
  withActiveSpan,
  withSpan,
  type LiveSpan,
  type Trace,
} from '../../src/tracing/index.ts';
import { mapArgsToInputs, parseParameters } from '../../src/tracing/params.ts';
import { safeJsonStringify } from '../../src/tracing/json.ts';
import { parseSpansJsonText } from '../../src/tracing/trace.ts';

let exporter: InMemoryTraceExporter;
let warnings: string[];

beforeEach(() => {
  exporter = new InMemoryTraceExporter();
  warnings = [];
  init({ exporter, configFile: false, handleSignals: false, warn: (m) => warnings.push(m) });
});

async function exported(): Promise<Trace[]> {
  await flushTraces();
  return exporter.traces;
}

const byName = (t: Trace, name: string): LiveSpan[] => t.data.spans.filter((s) => s.name === name);
const one = (t: Trace, name: string): LiveSpan => {
  const spans = byName(t, name);
  assert.equal(spans.length, 1, `expected one span named ${name}, got ${spans.length}`);
  return spans[0]!;
};

/** Yields to the event loop a few times, so concurrent branches interleave. */
async function interleave(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
}

describe('span trees', () => {
  it('nests traced calls and withSpan blocks under the active span', async () => {
    const leaf = trace(function leaf(x: number) {
      return x * 2;
    });
    const middle = trace(function middle(x: number) {
      return withSpan((span) => {
        span.setAttribute('k', 'v');
        return leaf(x) + 1;
      }, { name: 'block', spanType: SpanType.TOOL });
    });
    const root = trace(function root(x: number) {
      return middle(x) + middle(x + 1);
    }, { spanType: SpanType.CHAIN });

    assert.equal(root(1), 3 + 5);
    const [t, ...rest] = await exported();
    assert.equal(rest.length, 0);
    const r = one(t!, 'root');
    assert.equal(r.parentId, null);
    assert.equal(r.spanType, 'CHAIN');
    const middles = byName(t!, 'middle');
    assert.equal(middles.length, 2);
    for (const m of middles) assert.equal(m.parentId, r.spanId);
    const blocks = byName(t!, 'block');
    assert.deepEqual(blocks.map((b) => b.parentId).sort(), middles.map((m) => m.spanId).sort());
    for (const b of blocks) assert.equal(b.getAttribute('k'), 'v');
    const leaves = byName(t!, 'leaf');
    assert.deepEqual(leaves.map((l) => l.parentId).sort(), blocks.map((b) => b.spanId).sort());
    assert.ok(t!.data.spans.every((s) => s.traceId === t!.traceId));
    assert.match(t!.traceId, /^tr-[0-9a-f]{32}$/);
    assert.equal(t!.info.state, 'OK');
    assert.equal(t!.info.tags['mlflow.traceName'], 'root');
    assert.equal(getLastActiveTraceId(), t!.traceId);
  });

  it('keeps Promise.all branches apart: each child sits under its own caller', async () => {
    const inner = trace(async function inner(i: number) {
      await interleave(3 - (i % 3));
      return i;
    });
    const outer = trace(async function outer(i: number) {
      await interleave(i % 4);
      return inner(i);
    });
    const results = await withSpan(() => Promise.all(Array.from({ length: 12 }, (_, i) => outer(i))), { name: 'fan-out' });
    assert.deepEqual(results, Array.from({ length: 12 }, (_, i) => i));

    const [t] = await exported();
    const root = one(t!, 'fan-out');
    const outers = byName(t!, 'outer');
    assert.equal(outers.length, 12);
    for (const o of outers) {
      assert.equal(o.parentId, root.spanId);
      const i = (o.inputs as { i: number }).i;
      const children = t!.data.spans.filter((s) => s.parentId === o.spanId);
      assert.equal(children.length, 1);
      assert.equal(children[0]!.name, 'inner');
      assert.deepEqual(children[0]!.inputs, { i }, 'inner(i) must be the child of outer(i)');
    }
  });

  it('starts one trace per concurrent root', async () => {
    const step = trace(async function step(i: number) {
      await interleave(i % 3);
      return i;
    });
    const job = trace(async function job(i: number) {
      await interleave(2);
      return (await step(i)) + (await step(i + 100));
    });
    await Promise.all([job(1), job(2), job(3)]);
    const traces = await exported();
    assert.equal(traces.length, 3);
    assert.equal(new Set(traces.map((t) => t.traceId)).size, 3);
    for (const t of traces) {
      const root = one(t, 'job');
      const i = (root.inputs as { i: number }).i;
      assert.deepEqual(byName(t, 'step').map((s) => (s.inputs as { i: number }).i).sort((a, b) => a - b), [i, i + 100]);
    }
  });

  it('startSpan: not active, child of the active span, explicit parents and start times', async () => {
    let manual: LiveSpan | undefined;
    withSpan(
      (outer) => {
        manual = startSpan({ name: 'manual', inputs: { q: 1 }, attributes: { a: 1 }, startTimeNs: outer.startTimeNs + 5n });
        assert.equal(getCurrentActiveSpan(), outer, 'startSpan must not change the active span');
        const nested = startSpan({ name: 'nested', parent: manual });
        nested.end({ outputs: 'n' });
        manual.end({ outputs: { r: 2 }, status: 'OK' });
        const endTime = manual.endTimeNs;
        manual.end({ outputs: 'ignored' });
        assert.equal(manual.endTimeNs, endTime, 'end is idempotent');
        assert.deepEqual(manual.outputs, { r: 2 });
      },
      { name: 'outer' },
    );
    const [t, ...rest] = await exported();
    assert.equal(rest.length, 0, 'a second end() must not export again');
    const outer = one(t!, 'outer');
    assert.equal(manual!.parentId, outer.spanId);
    assert.equal(manual!.startTimeNs, outer.startTimeNs + 5n);
    assert.equal(one(t!, 'nested').parentId, manual!.spanId);
    assert.equal(manual!.getAttribute('a'), 1);
  });

  it('a startSpan outside any span is a root; withActiveSpan makes it the parent', async () => {
    const root = startSpan({ name: 'manual-root' });
    assert.equal(getCurrentActiveSpan(), null);
    withActiveSpan(root, () => withSpan(() => 1, { name: 'child' }));
    root.end();
    const [t] = await exported();
    assert.equal(one(t!, 'child').parentId, root.spanId);
    assert.equal(root.parentId, null);
  });
});

describe('wrappers change nothing', () => {
  it('returns the same value and keeps `this`, arguments and function properties', async () => {
    const result = { big: 'object' };
    const obj = {
      factor: 3,
      scale: trace(function scale(this: { factor: number }, x: number) {
        return this.factor * x;
      }),
      same: trace(function same() {
        return result;
      }),
    };
    assert.equal(obj.scale(2), 6);
    assert.equal(obj.same(), result);
    const fn = Object.assign(function named(a: number, b: number) {
      return a - b;
    }, { extra: 42 });
    const traced = trace(fn);
    assert.equal(traced.name, 'named');
    assert.equal(traced.length, 2);
    assert.equal(traced.extra, 42);
    assert.equal(traced(5, 3), 2);
    const Ctor = trace(function Point(this: { x: number }, x: number) {
      this.x = x;
    }) as unknown as new (x: number) => { x: number };
    const p = new Ctor(7);
    assert.equal(p.x, 7);
    assert.deepEqual((await exported()).map((t) => t.data.spans[0]!.name), ['scale', 'same', 'named', 'Point']);
  });

  it('rethrows the very same error object, sync and async, and records it', async () => {
    const err = new TypeError('boom');
    const syncFail = trace(function syncFail() {
      throw err;
    });
    const asyncFail = trace(async function asyncFail() {
      await interleave(1);
      throw err;
    });
    const weird = { not: 'an error' };
    const throwsObject = trace(function throwsObject() {
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- a non-Error value must come back unchanged too
      throw weird;
    });
    assert.throws(() => syncFail(), (e) => e === err);
    await assert.rejects(asyncFail(), (e) => e === err);
    assert.throws(() => throwsObject(), (e) => e === weird);
    await assert.rejects(
      withSpan(async () => {
        throw err;
      }),
      (e) => e === err,
    );

    const traces = await exported();
    assert.equal(traces.length, 4);
    for (const t of traces) {
      assert.equal(t.info.state, 'ERROR');
      const root = t.data.spans[0]!;
      assert.equal(root.status.statusCode, SpanStatusCode.ERROR);
      const events = root.events.filter((e) => e.name === 'exception');
      assert.equal(events.length, 1);
    }
    const syncSpan = traces.find((t) => t.data.spans[0]!.name === 'syncFail')!.data.spans[0]!;
    assert.equal(syncSpan.status.description, 'boom');
    assert.equal(syncSpan.events[0]!.attributes['exception.type'], 'TypeError');
    assert.match(String(syncSpan.events[0]!.attributes['exception.stacktrace']), /boom/);
  });

  it('chains a native promise but hands a promise subclass back untouched', async () => {
    class ApiPromise<T> extends Promise<T> {
      withResponse(): string {
        return 'extra method';
      }
    }
    let made: ApiPromise<number> | undefined;
    const call = trace(function call() {
      made = new ApiPromise<number>((resolve) => setImmediate(() => resolve(41)));
      return made;
    });
    const returned = call();
    assert.equal(returned, made, 'the subclass instance itself is returned');
    assert.equal(returned.withResponse(), 'extra method');
    assert.equal(await returned, 41);
    const [t] = await exported();
    assert.equal(t!.data.spans[0]!.outputs, 41);
    assert.ok(t!.data.spans[0]!.ended);
  });

  it('records outputs only when the callback did not set them', async () => {
    withSpan((span) => {
      span.setOutputs('explicit');
      return 'returned';
    });
    await withSpan({ name: 'async-block', inputs: { q: 'x' } }, async () => 'from-promise');
    const [first, second] = await exported();
    assert.equal(first!.data.spans[0]!.outputs, 'explicit');
    assert.equal(second!.data.spans[0]!.outputs, 'from-promise');
    assert.deepEqual(second!.data.spans[0]!.inputs, { q: 'x' });
    assert.equal(second!.data.spans[0]!.name, 'async-block');
  });
});

describe('generators', () => {
  it('stays lazy, yields every value, and ends the span when exhausted', async () => {
    let bodyRan = false;
    const counter = trace(function* counter(n: number) {
      bodyRan = true;
      for (let i = 0; i < n; i++) yield i;
      return 'done';
    });
    const gen = counter(3);
    assert.equal(bodyRan, false, 'calling a generator function must not run its body');
    assert.equal(Object.prototype.toString.call(gen), '[object Generator]');
    assert.deepEqual([...gen], [0, 1, 2]);
    assert.deepEqual(gen.next(), { value: undefined, done: true });
    const [t] = await exported();
    const span = t!.data.spans[0]!;
    assert.deepEqual(span.outputs, [0, 1, 2]);
    assert.deepEqual(span.inputs, { n: 3 });
    assert.deepEqual(
      span.events.map((e) => [e.name, e.attributes['mlflow.chunk.value']]),
      [
        ['mlflow.chunk.item.0', 0],
        ['mlflow.chunk.item.1', 1],
        ['mlflow.chunk.item.2', 2],
      ],
    );
  });

  it('ends the span on an early break, and nests spans made inside the body', async () => {
    const child = trace(function child(i: number) {
      return i;
    });
    let cleanedUp = false;
    const stream = trace(function* stream() {
      try {
        for (let i = 0; ; i++) yield child(i);
      } finally {
        cleanedUp = true;
      }
    });
    for (const v of stream()) if (v === 2) break;
    assert.ok(cleanedUp, 'the generator itself was closed');
    const [t] = await exported();
    const root = one(t!, 'stream');
    assert.deepEqual(root.outputs, [0, 1, 2]);
    assert.equal(byName(t!, 'child').length, 3);
    for (const c of byName(t!, 'child')) assert.equal(c.parentId, root.spanId);
  });

  it('records an error thrown inside the generator and rethrows it', async () => {
    const err = new Error('mid-stream');
    const failing = trace(function* failing() {
      yield 1;
      throw err;
    });
    const gen = failing();
    assert.deepEqual(gen.next(), { value: 1, done: false });
    assert.throws(() => gen.next(), (e) => e === err);
    const [t] = await exported();
    assert.equal(t!.info.state, 'ERROR');
  });

  it('async generators: for-await, early return, and no trace for one never started', async () => {
    const tokens = trace(async function* tokens(words: string[]) {
      for (const w of words) {
        await interleave(1);
        yield w;
      }
    });
    const seen: string[] = [];
    for await (const w of tokens(['a', 'b', 'c', 'd'])) {
      seen.push(w);
      if (w === 'b') break;
    }
    assert.deepEqual(seen, ['a', 'b']);
    const unused = tokens(['x']);
    await unused.return(undefined);
    const traces = await exported();
    assert.equal(traces.length, 1, 'a generator closed before its first next() leaves no trace');
    assert.deepEqual(traces[0]!.data.spans[0]!.outputs, ['a', 'b']);
    assert.ok(traces[0]!.data.spans[0]!.ended);
  });

  it('wraps a generator returned by an ordinary function', async () => {
    function* numbers() {
      yield 1;
      yield 2;
    }
    const make = trace(function make() {
      return numbers();
    });
    assert.deepEqual([...make()], [1, 2]);
    const [t] = await exported();
    assert.deepEqual(t!.data.spans[0]!.outputs, [1, 2]);
  });
});

describe('updateCurrentTrace and token usage', () => {
  it('sets tags, metadata, session, user, request id and previews on the exported trace', async () => {
    withSpan(
      () => {
        withSpan(() => updateCurrentTrace({ tags: { fruit: 'apple' }, metadata: { app: 'v1' }, sessionId: 's-1', user: 'u-1', clientRequestId: 'req-9', requestPreview: 'custom preview' }));
        return 'out';
      },
      { name: 'root', inputs: { q: 'question' } },
    );
    const [t] = await exported();
    assert.equal(t!.info.tags.fruit, 'apple');
    assert.equal(t!.info.traceMetadata.app, 'v1');
    assert.equal(t!.info.traceMetadata['mlflow.trace.session'], 's-1');
    assert.equal(t!.info.traceMetadata['mlflow.trace.user'], 'u-1');
    assert.equal(t!.info.clientRequestId, 'req-9');
    assert.equal(t!.info.requestPreview, 'custom preview');
    assert.equal(t!.info.responsePreview, '"out"');
    assert.equal(t!.info.traceMetadata['mlflow.trace_schema.version'], '3');
    const wire = t!.toTraceInfoJson('7');
    assert.equal(wire.client_request_id, 'req-9');
    assert.deepEqual(wire.trace_location, { type: 'MLFLOW_EXPERIMENT', mlflow_experiment: { experiment_id: '7' } });
  });

  it('warns instead of throwing outside any span', () => {
    updateCurrentTrace({ tags: { a: 'b' } });
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /outside any span/);
  });

  it('sums token usage into the trace, not counting a span whose ancestor already reports it', async () => {
    withSpan(() => {
      withSpan((wrapper) => {
        recordTokenUsage(wrapper, { input_tokens: 10, output_tokens: 5 });
        withSpan((inner) => recordTokenUsage(inner, { input_tokens: 10, output_tokens: 5 }), { name: 'provider-call' });
      }, { name: 'framework-call', spanType: SpanType.CHAT_MODEL });
      withSpan((llm) => recordTokenUsage(llm, { input_tokens: 3, output_tokens: 2, total_tokens: 6, cache_read_input_tokens: 1 }), { name: 'second', spanType: SpanType.LLM });
    }, { name: 'agent' });
    const [t] = await exported();
    assert.deepEqual(JSON.parse(t!.info.traceMetadata['mlflow.trace.tokenUsage']!), {
      input_tokens: 13,
      output_tokens: 7,
      total_tokens: 21,
      cache_read_input_tokens: 1,
    });
    const second = one(t!, 'second');
    assert.deepEqual(second.getAttribute('mlflow.chat.tokenUsage'), { input_tokens: 3, output_tokens: 2, total_tokens: 6, cache_read_input_tokens: 1 });
    assert.equal(second.getAttribute('gen_ai.usage.input_tokens'), 3);
  });
});

describe('inputs', () => {
  it('names arguments from the parameter list, across function syntaxes', () => {
    const cases: [string, (string | null)[] | undefined][] = [
      ['function f(a, b) {}', ['a', 'b']],
      ['function* g(a, ...rest) {}', ['a', 'rest']],
      ['async function h(a = (1, 2), b = ")", c = `x${(1)})`) {}', ['a', 'b', 'c']],
      ['(a, /* ) */ b) => a', ['a', 'b']],
      ['x => x', ['x']],
      ['async x => x', ['x']],
      ['async => 1', ['async']],
      ['async (p, q) => p', ['p', 'q']],
      ['({a, b}, [c], d) => a', [null, null, 'd']],
      ['method(a, { b = 1 } = {}) {}', ['a', null]],
      ['async *[Symbol.iterator](first) {}', ['first']],
      ['["name(x)"](real) {}', ['real']],
      ['(a = /[)]/g, b) => a', ['a', 'b']],
      ['(a, b,) => a', ['a', 'b']],
      ['function () { [native code] }', []],
      ['class A {}', undefined],
    ];
    for (const [source, expected] of cases) {
      const slots = parseParameters(source);
      assert.deepEqual(slots?.map((s) => s.name), expected, source);
    }
  });

  it('serialises plain data natively and everything else carefully, with the same result', () => {
    const plain = { s: 'x"\u2028', n: [1, 2.5, -0, null, true], nested: { deep: [{ a: 'b' }] }, none: undefined };
    assert.equal(safeJsonStringify(plain), JSON.stringify(plain));
    assert.equal(safeJsonStringify([undefined, () => 1, NaN, Infinity]), '[null,null,null,null]');
    assert.equal(safeJsonStringify(new Date(0)), '"1970-01-01T00:00:00.000Z"');
    assert.equal(safeJsonStringify(new TypeError('bad')), '{"name":"TypeError","message":"bad"}');
    assert.equal(safeJsonStringify(Buffer.from('abc')), '"[Buffer: 3 bytes]"');
    assert.equal(safeJsonStringify(new (class Point { x = 1; })()), '{"x":1}');
    assert.equal(safeJsonStringify(undefined), undefined);
    const hostile = new Proxy({}, { ownKeys: () => { throw new Error('trap'); } });
    assert.equal(safeJsonStringify(hostile), '"[Unserializable: trap]"');
  });

  it('maps values to names, falls back to {args}, and survives hostile values', async () => {
    assert.deepEqual(mapArgsToInputs((a: number, ...more: number[]) => a + more.length, [1, 2, 3]), { a: 1, more: [2, 3] });
    assert.deepEqual(mapArgsToInputs(({ a }: { a: number }) => a, [{ a: 1 }]), { args: [{ a: 1 }] });
    assert.deepEqual(mapArgsToInputs((a: number) => a, [1, 2]), { args: [1, 2] });
    assert.deepEqual(mapArgsToInputs((a?: number) => a, []), {});
    assert.deepEqual(mapArgsToInputs(Math.max.bind(null), [1]), { args: [1] });

    const cyclic: Record<string, unknown> = { n: 1n, m: new Map([['k', new Set([1])]]) };
    cyclic.self = cyclic;
    Object.defineProperty(cyclic, 'boom', { enumerable: true, get: () => { throw new Error('getter'); } });
    const echo = trace(function echo(_value: unknown) {
      return 'ok';
    });
    assert.equal(echo(cyclic), 'ok');
    const [t] = await exported();
    assert.deepEqual(t!.data.spans[0]!.inputs, { _value: { n: '1', m: { k: [1] }, self: '[Circular]' } });
  });
});

describe('traces.json form', () => {
  it('writes base64 ids, "" for the root parent, raw JSON attributes and exact nanosecond digits', async () => {
    const mem = new InMemoryTraceExporter();
    let now = 1_795_447_854_522_334_601n;
    init({ exporter: mem, configFile: false, handleSignals: false, clock: () => (now += 1_000_001n) });
    withSpan((span) => withSpan(() => span.addEvent('note', { n: 1 }), { name: 'child', spanType: SpanType.LLM }), { name: 'root', inputs: { q: 'hi' } });
    await flushTraces();
    const t = mem.traces[0]!;
    const text = t.toSpansJsonText();
    const parsed = parseSpansJsonText(text);
    const [root, child] = parsed.spans;
    const rootSpan = t.data.spans[0]!;
    assert.equal(root!.trace_id, Buffer.from(rootSpan.traceId.slice(3), 'hex').toString('base64'));
    assert.equal(root!.span_id, Buffer.from(rootSpan.spanId, 'hex').toString('base64'));
    assert.equal(root!.parent_span_id, '');
    assert.equal(child!.parent_span_id, root!.span_id);
    assert.equal(root!.start_time_unix_nano, rootSpan.startTimeNs.toString());
    assert.ok(text.includes(`"start_time_unix_nano":${rootSpan.startTimeNs.toString()},`), 'written as a bare exact number');
    assert.ok(rootSpan.startTimeNs > BigInt(Number.MAX_SAFE_INTEGER));
    assert.deepEqual(root!.status, { code: 'STATUS_CODE_OK', message: '' });
    assert.deepEqual(root!.attributes, {
      'mlflow.traceRequestId': t.traceId,
      'mlflow.spanType': 'UNKNOWN',
      'mlflow.spanInputs': { q: 'hi' },
    });
    assert.equal((child!.attributes as Record<string, unknown>)['mlflow.spanType'], 'LLM');
    assert.deepEqual(root!.events, [{ name: 'note', time_unix_nano: (rootSpan.startTimeNs + 2_000_002n).toString(), attributes: { n: 1 } }]);
    assert.equal(t.info.executionDuration, 4);
    assert.equal(t.toTraceInfoJson('1').execution_duration, '0.004s');
    assert.equal(t.toTraceInfoJson('1').request_time, new Date(Number(rootSpan.startTimeNs / 1_000_000n)).toISOString());
  });

  it('caps previews at 1000 characters', async () => {
    const long = 'x'.repeat(5000);
    withSpan(() => long, { name: 'big', inputs: long });
    const [t] = await exported();
    assert.equal(t!.info.requestPreview!.length, 1000);
    assert.ok(t!.info.requestPreview!.endsWith('...'));
    assert.equal(t!.info.traceMetadata['mlflow.traceInputs'], t!.info.requestPreview);
    assert.equal((t!.data.spans[0]!.inputs as string).length, 5000, 'the span keeps the full value');
  });
});
