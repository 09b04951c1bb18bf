/**
 * Tracing benchmarks (issue #4): what the SDK adds to a traced call, and how many spans per
 * second the server ingests over OTLP/HTTP protobuf, as OpenTelemetry's own exporter sends them.
 */
import { request } from 'undici';
import { context as otelContext, trace as otelTrace } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { exportStats, flushTraces, init, shutdown, trace, withSpan } from '../src/tracing/index.ts';
import { agent, api, SIZES, type Server } from './lib.ts';

const INPUT = { question: 'x'.repeat(180) };
const OUTPUT = { answer: 'y'.repeat(184) };

async function work(input: { question: string }): Promise<{ answer: string }> {
  return input.question.length > 0 ? OUTPUT : { answer: '' };
}

const SPANS_PER_TRACE = 100;

/**
 * ns per call as the caller sees it: `traces` request-like traces of SPANS_PER_TRACE calls each,
 * yielding to the event loop between traces so the exporter serialises and sends them to the live
 * server on the same thread while the loop runs, as in a real service. Waiting for the server to
 * take the last traces is reported separately (it is the server's latency, not the caller's).
 */
async function nsPerCall(fn: (input: { question: string }) => Promise<unknown>, traces: number, wrap: (body: () => Promise<void>) => Promise<void>): Promise<number> {
  const t0 = process.hrtime.bigint();
  for (let t = 0; t < traces; t++) {
    await wrap(async () => {
      for (let i = 0; i < SPANS_PER_TRACE; i++) await fn(INPUT);
    });
    await new Promise((resolve) => setImmediate(resolve));
  }
  return Number(process.hrtime.bigint() - t0) / (traces * SPANS_PER_TRACE);
}

export async function benchSdkOverhead(s: Server): Promise<Record<string, number>> {
  const { experiment_id } = await api<{ experiment_id: string }>(s, '/api/2.0/mlflow/experiments/create', { name: 'bench-sdk' });
  init({ trackingUri: s.url, experimentId: experiment_id });
  const traced = trace(work, { name: 'work' });
  const plain = (body: () => Promise<void>): Promise<void> => body();
  const inTrace = (body: () => Promise<void>): Promise<void> => withSpan(body, { name: 'request' });
  const traces = Math.max(1, Math.floor(SIZES.tracedCalls / SPANS_PER_TRACE));
  // Warm both paths so the JIT has compiled them before we measure.
  await nsPerCall(work, 20, plain);
  await nsPerCall(traced, 20, inTrace);
  await flushTraces();
  const untracedNs = await nsPerCall(work, traces, plain);
  const tracedNs = await nsPerCall(traced, traces, inTrace);
  const t0 = performance.now();
  await flushTraces();
  const drainMs = performance.now() - t0;
  const stats = exportStats();
  await shutdown();
  return {
    sdk_untraced_us_per_call: untracedNs / 1000,
    sdk_traced_us_per_call: tracedNs / 1000,
    sdk_overhead_us_per_span: (tracedNs - untracedNs) / 1000,
    sdk_spans: traces * SPANS_PER_TRACE,
    sdk_drain_after_loop_ms: drainMs,
    sdk_spans_per_trace: SPANS_PER_TRACE,
    sdk_traces_exported: stats.exported,
    sdk_traces_dropped: stats.droppedQueueFull + stats.droppedFailed + stats.droppedAtExit,
    sdk_overhead_target_us: 5,
  };
}

/** OTLP protobuf requests as the OpenTelemetry exporter sends them: 100 traces × 10 spans each. */
function otlpPayloads(count: number): Uint8Array[] {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const tracer = provider.getTracer('bench');
  const payloads: Uint8Array[] = [];
  for (let p = 0; p < count; p++) {
    for (let t = 0; t < 100; t++) {
      tracer.startActiveSpan('root', (root) => {
        root.setAttribute('mlflow.spanType', 'CHAIN');
        for (let c = 0; c < 9; c++) {
          // No context manager is registered here, so the active span does not propagate: without
          // an explicit parent every child would become a one-span trace of its own.
          const child = tracer.startSpan(`step-${c}`, {}, otelTrace.setSpan(otelContext.active(), root));
          child.setAttributes({ 'gen_ai.request.model': 'gpt-4o-mini', 'gen_ai.usage.input_tokens': 12, 'gen_ai.usage.output_tokens': 34, index: c });
          child.end();
        }
        root.end();
      });
    }
    payloads.push(ProtobufTraceSerializer.serializeRequest(exporter.getFinishedSpans())!);
    exporter.reset();
  }
  return payloads;
}

export async function benchOtlpIngest(s: Server): Promise<Record<string, number>> {
  const { experiment_id } = await api<{ experiment_id: string }>(s, '/api/2.0/mlflow/experiments/create', { name: 'bench-otlp' });
  const payloads = otlpPayloads(SIZES.otlpRequests);
  const send = async (body: Uint8Array): Promise<void> => {
    const res = await request(`${s.url}/v1/traces`, {
      dispatcher: agent,
      method: 'POST',
      headers: { 'content-type': 'application/x-protobuf', 'x-mlflow-experiment-id': experiment_id },
      body,
    });
    await res.body.arrayBuffer();
    if (res.statusCode !== 200) throw new Error(`/v1/traces → ${res.statusCode}`);
  };
  const queue = [...payloads];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let body = queue.shift(); body; body = queue.shift()) await send(body);
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const spans = payloads.length * 1000;
  return { otlp_ingest_spans_per_s: Math.round(spans / seconds), otlp_ingest_spans: spans, otlp_ingest_target_spans_per_s: 50_000 };
}
