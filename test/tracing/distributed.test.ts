/**
 * W3C trace context: `traceparent` parsing per the spec, inject/extract, and a round trip
 * client → service A → service B over real local HTTP servers (tracedFetch and the undici
 * interceptor) that must yield one trace id with every parent link right.
 */
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, request } from 'undici';
import {
  InMemoryTraceExporter,
  extract,
  flushTraces,
  getCurrentActiveSpan,
  getTracingContextHeadersForHttpRequest,
  init,
  inject,
  parseTraceparent,
  startSpan,
  tracedFetch,
  tracingInterceptor,
  withRemoteParent,
  withSpan,
  withTracingContextFromHeaders,
  type LiveSpan,
  type Trace,
} from '../../src/tracing/index.ts';

let exporter: InMemoryTraceExporter;
beforeEach(() => {
  exporter = new InMemoryTraceExporter();
  init({ exporter, configFile: false, handleSignals: false });
});

describe('traceparent', () => {
  it('parses valid headers and ignores invalid ones, as the spec requires', () => {
    const ok = parseTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01');
    assert.deepEqual(ok, { traceId: 'tr-4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', sampled: true, isRemote: true });
    assert.equal(parseTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00')?.sampled, false);
    assert.equal(parseTraceparent('01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-future')?.sampled, true, 'later versions may add fields');
    for (const bad of [
      '',
      'garbage',
      'ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      '00-00000000000000000000000000000000-00f067aa0ba902b7-01',
      '00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01',
      '00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01',
      '00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01',
      '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra',
    ]) {
      assert.equal(parseTraceparent(bad), undefined, bad);
    }
  });

  it('injects the active span and extracts it from any header carrier', () => {
    assert.deepEqual(inject({ a: 'b' }), { a: 'b' }, 'no active span: unchanged');
    withSpan((span) => {
      const headers = inject({ accept: 'text/plain', TraceParent: 'stale' });
      assert.equal(headers.accept, 'text/plain');
      assert.equal(headers.TraceParent, undefined, 'an old traceparent in any case is replaced');
      assert.equal(headers.traceparent, `00-${span.traceId.slice(3)}-${span.spanId}-01`);
      assert.deepEqual(getTracingContextHeadersForHttpRequest(), { traceparent: headers.traceparent });
      const fetchHeaders = inject(new Headers());
      const expected = { traceId: span.traceId, spanId: span.spanId, sampled: true, isRemote: true };
      assert.deepEqual(extract(fetchHeaders), expected);
      assert.deepEqual(extract({ TRACEPARENT: [headers.traceparent] }), expected);
      assert.deepEqual(extract([['traceparent', headers.traceparent]]), expected);
      assert.deepEqual(extract(new Map([['Traceparent', headers.traceparent]])), expected);
    });
  });

  it('continues the caller\'s trace under a remote parent and passes tracestate on', async () => {
    const headers = { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', tracestate: 'vendor=abc' };
    const remote = extract(headers)!;
    const manual = startSpan({ name: 'manual', parent: remote });
    assert.equal(manual.traceId, 'tr-4bf92f3577b34da6a3ce929d0e0e4736');
    assert.equal(manual.parentId, '00f067aa0ba902b7');
    withActiveHeaders(manual, (h) => assert.equal(h.tracestate, 'vendor=abc'));
    manual.end();
    const viaHelper = withTracingContextFromHeaders(headers, () => withSpan((s) => s, { name: 'handler' }));
    assert.equal(viaHelper.traceId, remote.traceId);
    assert.equal(viaHelper.parentId, remote.spanId);
    assert.throws(() => withTracingContextFromHeaders({}, () => 1), /do not contain a valid 'traceparent'/);
    assert.equal(withRemoteParent({}, () => withSpan((s) => s.parentId)), null, 'no header: a new trace');
    await flushTraces();
    assert.equal(exporter.traces.filter((t) => t.isFragment).length, 2);
  });
});

function withActiveHeaders(span: LiveSpan, check: (headers: Record<string, string>) => void): void {
  check(getTracingContextHeadersForHttpRequest(span));
}

// ------------------------------------------------------------------------------ two services

interface Service {
  url: string;
  server: http.Server;
}

async function listen(handler: http.RequestListener): Promise<Service> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('round trip across two HTTP services', () => {
  let serviceA: Service;
  let serviceB: Service;
  const seenByB: (string | undefined)[] = [];

  before(async () => {
    // B: continues whatever trace the caller sends.
    serviceB = await listen((req, res) => {
      const traceparent = req.headers.traceparent;
      seenByB.push(Array.isArray(traceparent) ? traceparent[0] : traceparent);
      withRemoteParent(req.headers, () =>
        withSpan(
          async (span) => {
            await withSpan(async () => 'db rows', { name: 'B.query' });
            span.setAttribute('service', 'B');
            res.end('from B');
          },
          { name: 'B.handle' },
        ),
      ).catch(() => res.destroy());
    });
    // A: handles the client's call and calls B with tracedFetch.
    serviceA = await listen((req, res) => {
      void withRemoteParent(req.headers, () =>
        withSpan(
          async () => {
            const answer = await (await tracedFetch(`${serviceB.url}/work`)).text();
            res.end(`A+${answer}`);
          },
          { name: 'A.handle' },
        ),
      );
    });
  });
  after(async () => {
    for (const s of [serviceA, serviceB]) {
      s.server.closeAllConnections();
      await new Promise<void>((resolve) => s.server.close(() => resolve()));
    }
  });

  const spanNamed = (traces: Trace[], name: string): LiveSpan => {
    const found = traces.flatMap((t) => t.data.spans).filter((s) => s.name === name);
    assert.equal(found.length, 1, name);
    return found[0]!;
  };

  it('client → A → B share one trace id, each root under its caller\'s span', async () => {
    const body = await withSpan(async () => (await tracedFetch(`${serviceA.url}/start`)).text(), { name: 'client.call' });
    assert.equal(body, 'A+from B');
    await flushTraces();
    const traces = exporter.traces;
    assert.equal(traces.length, 3, 'the client trace and one fragment per service');
    assert.equal(new Set(traces.map((t) => t.traceId)).size, 1);
    assert.deepEqual(traces.map((t) => t.isFragment).sort(), [false, true, true]);

    const client = spanNamed(traces, 'client.call');
    const a = spanNamed(traces, 'A.handle');
    const b = spanNamed(traces, 'B.handle');
    assert.equal(client.parentId, null);
    assert.equal(a.parentId, client.spanId);
    assert.equal(b.parentId, a.spanId);
    assert.equal(spanNamed(traces, 'B.query').parentId, b.spanId);
    assert.equal(seenByB.at(-1), `00-${client.traceId.slice(3)}-${a.spanId}-01`);
  });

  it('the undici interceptor carries the active span; calls outside spans carry nothing', async () => {
    const agent = new Agent().compose(tracingInterceptor());
    try {
      let caller: LiveSpan | null = null;
      await withSpan(
        async () => {
          caller = getCurrentActiveSpan();
          const res = await request(`${serviceB.url}/direct`, { dispatcher: agent, headers: { traceparent: 'stale', 'x-other': '1' } });
          await res.body.text();
        },
        { name: 'undici.call' },
      );
      assert.equal(seenByB.at(-1), `00-${caller!.traceId.slice(3)}-${caller!.spanId}-01`);

      const res = await request(`${serviceB.url}/untraced`, { dispatcher: agent });
      await res.body.text();
      assert.equal(seenByB.at(-1), undefined);
      await flushTraces();
      const bRoot = exporter.traces.flatMap((t) => t.data.spans).filter((s) => s.name === 'B.handle');
      assert.equal(bRoot[0]!.parentId, caller!.spanId);
      assert.equal(bRoot[1]!.parentId, null, 'without a traceparent B starts its own trace');
    } finally {
      await agent.close();
    }
  });
});
