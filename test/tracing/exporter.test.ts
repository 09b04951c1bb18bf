/**
 * Export: the bounded queue (drop-oldest, counted), retries and their limits, the MLflow v3 REST
 * and OTLP transports against a scripted `node:http` server, and process behaviour in child
 * processes (a closed port must not delay exit beyond 5 s; SIGTERM flushes before dying).
 */
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Trace } from '../../src/tracing/trace.ts';
import { ExportQueue, TraceExportError, type TraceExporter } from '../../src/tracing/exporter.ts';
import { exportStats, flushTraces, init, inject, trace, withRemoteParent, withSpan } from '../../src/tracing/index.ts';

const fakeTrace = (n: number): Trace =>
  new Trace({ traceId: `tr-${n.toString(16).padStart(32, '0')}`, requestTime: n, executionDuration: 0, state: 'OK', traceMetadata: {}, tags: {} }, [], false);

/** An exporter whose calls the test controls. */
class ScriptedExporter implements TraceExporter {
  readonly calls: string[][] = [];
  readonly signals: AbortSignal[] = [];
  script: ((traces: readonly Trace[]) => Promise<void>)[] = [];
  async export(traces: readonly Trace[], signal: AbortSignal): Promise<void> {
    this.calls.push(traces.map((t) => t.traceId));
    this.signals.push(signal);
    const step = this.script.length > 1 ? this.script.shift()! : this.script[0];
    await step?.(traces);
  }
}

describe('ExportQueue', () => {
  it('drops the oldest traces when full, counts them and warns once', async () => {
    const exporter = new ScriptedExporter();
    const warnings: string[] = [];
    const queue = new ExportQueue(exporter, { maxQueueSize: 3, scheduleDelayMs: 60_000, warn: (m) => warnings.push(m) });
    for (let i = 0; i < 7; i++) queue.enqueue(fakeTrace(i));
    assert.equal(queue.stats.droppedQueueFull, 4);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /queue is full \(3 traces\)/);
    assert.equal(await queue.flush(), true);
    assert.deepEqual(exporter.calls, [[4, 5, 6].map((n) => fakeTrace(n).traceId)]);
    assert.equal(queue.stats.exported, 3);
  });

  it('bounds the queue while a batch is in flight', async () => {
    const exporter = new ScriptedExporter();
    let release!: () => void;
    exporter.script = [() => new Promise<void>((resolve) => (release = resolve)), async () => undefined];
    const queue = new ExportQueue(exporter, { maxQueueSize: 2, maxBatchSize: 1, scheduleDelayMs: 60_000, warn: () => undefined });
    queue.enqueue(fakeTrace(0));
    const flushed = queue.flush();
    await new Promise((resolve) => setImmediate(resolve));
    for (let i = 1; i <= 4; i++) queue.enqueue(fakeTrace(i));
    assert.equal(queue.stats.droppedQueueFull, 2);
    release();
    assert.equal(await flushed, true);
    assert.deepEqual(exporter.calls.map((c) => c[0]), [0, 3, 4].map((n) => fakeTrace(n).traceId));
  });

  it('retries retryable failures with backoff, then succeeds', async () => {
    const exporter = new ScriptedExporter();
    const retryable = async (): Promise<void> => {
      throw new TraceExportError('503', { retryable: true });
    };
    exporter.script = [retryable, retryable, async () => undefined];
    const queue = new ExportQueue(exporter, { retryBaseMs: 1, scheduleDelayMs: 60_000, warn: () => undefined });
    queue.enqueue(fakeTrace(1));
    assert.equal(await queue.flush(), true);
    assert.equal(exporter.calls.length, 3);
    assert.deepEqual(queue.stats, { exported: 1, droppedQueueFull: 0, droppedFailed: 0, droppedAtExit: 0, retries: 2 });
  });

  it('drops at once on a non-retryable failure, and after maxRetries on plain errors; warns once', async () => {
    const exporter = new ScriptedExporter();
    const warnings: string[] = [];
    exporter.script = [
      async () => {
        throw new TraceExportError('HTTP 400: INVALID_PARAMETER_VALUE', { retryable: false });
      },
    ];
    const queue = new ExportQueue(exporter, { retryBaseMs: 1, maxRetries: 2, maxBatchSize: 1, scheduleDelayMs: 60_000, warn: (m) => warnings.push(m) });
    queue.enqueue(fakeTrace(1));
    queue.enqueue(fakeTrace(2));
    await queue.flush();
    assert.equal(exporter.calls.length, 2, 'no retries for a non-retryable error');
    assert.equal(queue.stats.droppedFailed, 2);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /HTTP 400/);

    const plain = new ScriptedExporter();
    plain.script = [
      async () => {
        throw new Error('socket hang up');
      },
    ];
    const queue2 = new ExportQueue(plain, { retryBaseMs: 1, maxRetries: 2, scheduleDelayMs: 60_000, warn: () => undefined });
    queue2.enqueue(fakeTrace(3));
    await queue2.flush();
    assert.equal(plain.calls.length, 3, 'one attempt and two retries');
    assert.equal(queue2.stats.droppedFailed, 1);
  });

  it('retries only the traces a partly failed batch names', async () => {
    const exporter = new ScriptedExporter();
    exporter.script = [
      async (traces) => {
        throw new TraceExportError('one failed', { retryable: true, errors: [new TraceExportError('503', { retryable: true, traces: [traces[1]!] })] });
      },
      async () => undefined,
    ];
    const queue = new ExportQueue(exporter, { retryBaseMs: 1, scheduleDelayMs: 60_000, warn: () => undefined });
    queue.enqueue(fakeTrace(1));
    queue.enqueue(fakeTrace(2));
    await queue.flush();
    assert.deepEqual(exporter.calls, [[fakeTrace(1).traceId, fakeTrace(2).traceId], [fakeTrace(2).traceId]]);
    assert.equal(queue.stats.exported, 2);
  });

  it('gives up at the exit deadline: aborts the request, counts the traces, reports once', async () => {
    const exporter = new ScriptedExporter();
    exporter.script = [() => new Promise<void>(() => undefined)];
    const warnings: string[] = [];
    const queue = new ExportQueue(exporter, { scheduleDelayMs: 60_000, warn: (m) => warnings.push(m) });
    queue.enqueue(fakeTrace(1));
    queue.enqueue(fakeTrace(2));
    assert.equal(await queue.flush(20), false, 'a bounded flush reports that it timed out');
    await queue.flushForExit(20);
    assert.equal(queue.stats.droppedAtExit, 2);
    assert.equal(queue.pending, 0);
    assert.ok(exporter.signals[0]!.aborted);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /2 trace\(s\) could not be exported/);
  });
});

// ------------------------------------------------------------------------------ fake server

interface Seen {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

type Handler = (req: Seen, res: http.ServerResponse) => void;

/** `METHOD /path` with the query dropped and trace ids replaced, to compare request sequences. */
const route = (r: Seen): string => `${r.method} ${r.path.split('?')[0]!.replace(/tr-[0-9a-f]{32}/, '<id>')}`;

class FakeMlflow {
  readonly seen: Seen[] = [];
  handler: Handler = (req, res) => this.defaultHandler(req, res);
  #server!: http.Server;
  url = '';
  spansLocation: string | undefined;
  onRequest: ((req: Seen) => void) | undefined;

  async start(): Promise<void> {
    this.#server = http.createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (body += c));
      req.on('end', () => {
        const seen = { method: req.method!, path: req.url!, headers: req.headers, body };
        this.seen.push(seen);
        this.onRequest?.(seen);
        this.handler(seen, res);
      });
    });
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  defaultHandler(req: Seen, res: http.ServerResponse): void {
    if (req.method === 'POST' && req.path === '/api/3.0/mlflow/traces') {
      const info = (JSON.parse(req.body) as { trace: { trace_info: { trace_id: string; trace_location: { mlflow_experiment: { experiment_id: string } }; tags: Record<string, string> } } }).trace.trace_info;
      const tags: Record<string, string> = { ...info.tags, 'mlflow.artifactLocation': `mlflow-artifacts:/${info.trace_location.mlflow_experiment.experiment_id}/traces/${info.trace_id}/artifacts` };
      if (this.spansLocation) tags['mlflow.trace.spansLocation'] = this.spansLocation;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ trace: { trace_info: { ...info, tags } } }));
      return;
    }
    if (req.method === 'PUT' && req.path.startsWith('/api/2.0/mlflow-artifacts/artifacts/')) return void res.end('{}');
    if (req.method === 'POST' && req.path === '/v1/traces') return void res.end();
    res.statusCode = 404;
    res.end(JSON.stringify({ error_code: 'ENDPOINT_NOT_FOUND', message: 'no' }));
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}

describe('MLflow REST transport (scripted server)', () => {
  const server = new FakeMlflow();
  let warnings: string[] = [];
  before(() => server.start());
  after(() => server.close());
  beforeEach(() => {
    server.seen.length = 0;
    server.handler = (req, res) => server.defaultHandler(req, res);
    server.spansLocation = undefined;
    warnings = [];
  });

  const setup = (extra: Record<string, unknown> = {}): void =>
    init({ trackingUri: server.url, experimentId: '5', configFile: false, handleSignals: false, warn: (m) => warnings.push(m), ...extra });

  it('POSTs the trace info, then PUTs traces.json where the server says, with auth and JSON content type', async () => {
    setup({ trackingServerUsername: 'alice', trackingServerPassword: 's3cret' });
    const add = trace(function add(a: number, b: number) {
      return a + b;
    });
    const id = withSpan(() => {
      add(1, 2);
      return 'done';
    }, { name: 'pipeline', inputs: { q: 'hi' } });
    assert.equal(id, 'done');
    await flushTraces();
    assert.deepEqual(server.seen.map(route), ['POST /api/3.0/mlflow/traces', 'PUT /api/2.0/mlflow-artifacts/artifacts/5/traces/<id>/artifacts/traces.json']);
    const [post, put] = server.seen;
    assert.equal(post!.headers.authorization, `Basic ${Buffer.from('alice:s3cret').toString('base64')}`);
    assert.equal(post!.headers['content-type'], 'application/json');
    const info = (JSON.parse(post!.body) as { trace: { trace_info: Record<string, unknown> } }).trace.trace_info;
    assert.match(String(info.trace_id), /^tr-[0-9a-f]{32}$/);
    assert.deepEqual(info.trace_location, { type: 'MLFLOW_EXPERIMENT', mlflow_experiment: { experiment_id: '5' } });
    assert.equal(info.state, 'OK');
    assert.equal(info.request_preview, '{"q":"hi"}');
    assert.equal(info.response_preview, '"done"');
    assert.match(String(info.request_time), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.match(String(info.execution_duration), /^\d+(\.\d+)?s$/);
    const metadata = info.trace_metadata as Record<string, string>;
    assert.equal(metadata['mlflow.trace_schema.version'], '3');
    assert.equal(metadata['mlflow.traceInputs'], '{"q":"hi"}');
    assert.equal((info.tags as Record<string, string>)['mlflow.traceName'], 'pipeline');
    assert.deepEqual(info.assessments, []);
    assert.equal(put!.path, `/api/2.0/mlflow-artifacts/artifacts/5/traces/${String(info.trace_id)}/artifacts/traces.json`);
    const spans = (JSON.parse(put!.body) as { spans: { name: string; parent_span_id: string }[] }).spans;
    assert.deepEqual(spans.map((s) => s.name), ['pipeline', 'add']);
    assert.equal(spans[0]!.parent_span_id, '');
  });

  it('retries a 503 and sends a bearer token', async () => {
    setup({ trackingServerToken: 'tok' });
    let failures = 1;
    server.handler = (req, res) => {
      if (req.method === 'POST' && failures-- > 0) {
        res.statusCode = 503;
        return void res.end('busy');
      }
      server.defaultHandler(req, res);
    };
    withSpan(() => 1, { name: 'retried' });
    await flushTraces();
    assert.deepEqual(server.seen.map((r) => r.method), ['POST', 'POST', 'PUT']);
    assert.equal(server.seen[0]!.headers.authorization, 'Bearer tok');
    assert.equal(exportStats().retries, 1);
    assert.deepEqual(warnings, []);
  });

  it('does not retry a 400, and reports MLflow\'s error code once', async () => {
    setup();
    server.handler = (_req, res) => {
      res.statusCode = 400;
      res.end(JSON.stringify({ error_code: 'INVALID_PARAMETER_VALUE', message: 'bad trace' }));
    };
    withSpan(() => 1, { name: 'a' });
    withSpan(() => 2, { name: 'b' });
    await flushTraces();
    assert.equal(server.seen.length, 2);
    assert.equal(exportStats().droppedFailed, 2);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /HTTP 400: INVALID_PARAMETER_VALUE: bad trace/);
  });

  it('refuses a non-proxied artifact location without retrying', async () => {
    setup();
    server.handler = (req, res) => {
      const info = (JSON.parse(req.body) as { trace: { trace_info: Record<string, unknown> } }).trace.trace_info;
      res.end(JSON.stringify({ trace: { trace_info: { ...info, tags: { 'mlflow.artifactLocation': 's3://bucket/traces/x' } } } }));
    };
    withSpan(() => 1, { name: 'a' });
    await flushTraces();
    assert.equal(server.seen.length, 1);
    assert.match(warnings[0]!, /mlflow-artifacts: locations/);
  });

  it('sends the spans to /v1/traces as well when the server keeps them in its store', async () => {
    setup();
    server.spansLocation = 'TRACKING_STORE';
    withSpan(() => withSpan(() => 1, { name: 'child' }), { name: 'root' });
    await flushTraces();
    assert.deepEqual(server.seen.map(route), ['POST /api/3.0/mlflow/traces', 'POST /v1/traces', 'PUT /api/2.0/mlflow-artifacts/artifacts/5/traces/<id>/artifacts/traces.json']);
    const otlp = server.seen[1]!;
    assert.equal(otlp.headers['x-mlflow-experiment-id'], '5');
    const body = JSON.parse(otlp.body) as { resourceSpans: { scopeSpans: { spans: Record<string, unknown>[] }[] }[] };
    const spans = body.resourceSpans[0]!.scopeSpans[0]!.spans;
    assert.equal(spans.length, 2);
    assert.match(String(spans[0]!.traceId), /^[0-9a-f]{32}$/);
    assert.match(String(spans[0]!.startTimeUnixNano), /^\d{19}$/);
    assert.equal(spans[1]!.parentSpanId, spans[0]!.spanId);
    assert.deepEqual((spans[0]!.attributes as { key: string }[]).map((a) => a.key).includes('mlflow.spanType'), true);
  });

  it('sends the spans of a trace whose context went out to /v1/traces first', async () => {
    setup();
    withSpan(() => inject({}), { name: 'caller' });
    withSpan(() => 1, { name: 'local-only' });
    await flushTraces();
    const caller = server.seen.slice(0, 3).map(route);
    assert.deepEqual(caller, ['POST /v1/traces', 'POST /api/3.0/mlflow/traces', 'PUT /api/2.0/mlflow-artifacts/artifacts/5/traces/<id>/artifacts/traces.json']);
    assert.deepEqual(server.seen.slice(3).map(route), ['POST /api/3.0/mlflow/traces', 'PUT /api/2.0/mlflow-artifacts/artifacts/5/traces/<id>/artifacts/traces.json']);
  });

  it('sends a fragment (remote parent) only to /v1/traces', async () => {
    setup();
    withRemoteParent({ traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' }, () => withSpan(() => 1, { name: 'handler' }));
    await flushTraces();
    assert.deepEqual(server.seen.map((r) => `${r.method} ${r.path}`), ['POST /v1/traces']);
    const span = (JSON.parse(server.seen[0]!.body) as { resourceSpans: { scopeSpans: { spans: Record<string, unknown>[] }[] }[] }).resourceSpans[0]!.scopeSpans[0]!.spans[0]!;
    assert.equal(span.traceId, '4bf92f3577b34da6a3ce929d0e0e4736');
    assert.equal(span.parentSpanId, '00f067aa0ba902b7');
  });

  it('resolves an experiment name once, creating the experiment when missing', async () => {
    init({ trackingUri: server.url, experimentName: 'tracing-demo', configFile: false, handleSignals: false, warn: (m) => warnings.push(m) });
    server.handler = (req, res) => {
      if (req.path.startsWith('/api/2.0/mlflow/experiments/get-by-name')) {
        res.statusCode = 404;
        return void res.end(JSON.stringify({ error_code: 'RESOURCE_DOES_NOT_EXIST', message: 'nope' }));
      }
      if (req.path === '/api/2.0/mlflow/experiments/create') return void res.end(JSON.stringify({ experiment_id: '42' }));
      server.defaultHandler(req, res);
    };
    withSpan(() => 1, { name: 'a' });
    await flushTraces();
    withSpan(() => 1, { name: 'b' });
    await flushTraces();
    assert.deepEqual(
      server.seen.map(route),
      [
        'GET /api/2.0/mlflow/experiments/get-by-name',
        'POST /api/2.0/mlflow/experiments/create',
        'POST /api/3.0/mlflow/traces',
        'PUT /api/2.0/mlflow-artifacts/artifacts/42/traces/<id>/artifacts/traces.json',
        'POST /api/3.0/mlflow/traces',
        'PUT /api/2.0/mlflow-artifacts/artifacts/42/traces/<id>/artifacts/traces.json',
      ],
    );
    assert.deepEqual(JSON.parse(server.seen[1]!.body), { name: 'tracing-demo' });
  });

  it("exporter: 'otlp' posts OTLP/JSON to /v1/traces with the experiment header", async () => {
    setup({ exporter: 'otlp' });
    withSpan(() => 1, { name: 'otlp-root' });
    await flushTraces();
    assert.deepEqual(server.seen.map((r) => `${r.method} ${r.path}`), ['POST /v1/traces']);
    assert.equal(server.seen[0]!.headers['x-mlflow-experiment-id'], '5');
  });

  it("exporter: 'otlp' honours OTEL_EXPORTER_OTLP_TRACES_ENDPOINT and keeps the tracking credentials from another host", async () => {
    const collector = new FakeMlflow();
    await collector.start();
    process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT = `${collector.url.replace('127.0.0.1', 'localhost')}/v1/traces`;
    try {
      setup({ exporter: 'otlp', trackingServerToken: 'tracking-secret' });
      withSpan(() => 1, { name: 'to-collector' });
      await flushTraces();
      assert.equal(server.seen.length, 0);
      assert.deepEqual(collector.seen.map(route), ['POST /v1/traces']);
      assert.equal(collector.seen[0]!.headers.authorization, undefined);
    } finally {
      delete process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
      await collector.close();
    }
  });
});

// ------------------------------------------------------------------------------ child processes

describe('process exit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tracing-exit-'));
  const sdk = pathToFileURL(join(import.meta.dirname, '../../src/tracing/index.ts')).href;
  after(() => rmSync(dir, { recursive: true, force: true }));

  function runChild(
    script: string,
    env: Record<string, string>,
    onStdout?: (text: string, child: ReturnType<typeof spawn>) => void,
    unset: string[] = [],
  ): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; ms: number }> {
    const file = join(dir, `child-${Math.random().toString(36).slice(2)}.ts`);
    writeFileSync(file, script);
    const started = performance.now();
    const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
    for (const name of unset) delete childEnv[name];
    const child = spawn(process.execPath, [file], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      stdout += c;
      onStdout?.(stdout, child);
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr, ms: performance.now() - started })));
  }

  async function closedPort(): Promise<number> {
    const s = http.createServer();
    await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
    const port = (s.address() as AddressInfo).port;
    await new Promise<void>((resolve) => s.close(() => resolve()));
    return port;
  }

  it('exits within 5 s, cleanly, when the tracking server port is closed', async () => {
    const port = await closedPort();
    const result = await runChild(
      `import { init, trace } from ${JSON.stringify(sdk)};
process.on('unhandledRejection', (e) => { console.log('UNHANDLED', e); process.exitCode = 99; });
init({ configFile: false });
const work = trace(async function work(i: number) { return i * 2; });
await Promise.all([1, 2, 3].map(work));
console.log('main done');
`,
      { MLFLOW_TRACKING_URI: `http://127.0.0.1:${port}`, MLFLOW_EXPERIMENT_ID: '1' },
    );
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.ok(result.ms < 5000, `took ${Math.round(result.ms)} ms`);
    assert.match(result.stdout, /main done/);
    assert.doesNotMatch(result.stdout + result.stderr, /UNHANDLED|unhandled/i);
    assert.match(result.stderr, /ECONNREFUSED/, 'the failure is reported once');
    assert.equal(result.stderr.match(/Could not export/g)?.length, 1);
  });

  it('without init() or MLFLOW_TRACKING_URI, traced code runs and one warning says why nothing was exported', async () => {
    const env: Record<string, string> = {};
    const result = await runChild(
      `import { trace, withSpan } from ${JSON.stringify(sdk)};
const double = trace(function double(x: number) { return x * 2; });
console.log(double(2) + withSpan(() => 1, { name: 'block' }));
`,
      env,
      undefined,
      ['MLFLOW_TRACKING_URI', 'MLFLOW_EXPERIMENT_ID', 'MLFLOW_EXPERIMENT_NAME'],
    );
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout.trim(), '5');
    assert.equal(result.stderr.match(/was not exported: no tracking server is configured/g)?.length, 1, result.stderr);
  });

  it('flushes on SIGTERM, then dies of it', async () => {
    const server = new FakeMlflow();
    await server.start();
    let child: ReturnType<typeof spawn> | undefined;
    const defaultHandler = server.handler;
    server.handler = (req, res) => {
      if (req.method === 'POST') {
        // The trace info arrives: terminate the child while it waits for the answer.
        child?.kill('SIGTERM');
        setTimeout(() => defaultHandler(req, res), 100);
        return;
      }
      defaultHandler(req, res);
    };
    try {
      const result = await runChild(
        `import { init, withSpan } from ${JSON.stringify(sdk)};
init({ configFile: false });
withSpan(() => 1, { name: 'before-sigterm' });
setInterval(() => {}, 1000);
console.log('ready');
`,
        { MLFLOW_TRACKING_URI: server.url, MLFLOW_EXPERIMENT_ID: '3' },
        (_text, c) => (child = c),
      );
      assert.equal(result.signal, 'SIGTERM', result.stderr);
      assert.deepEqual(server.seen.map((r) => r.method), ['POST', 'PUT'], 'the upload finished before the process died');
    } finally {
      await server.close();
    }
  });
});
