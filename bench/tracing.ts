/**
 * Tracing benchmarks (issue #4): what the SDK adds to a traced call, and how many spans per
 * second the server ingests over OTLP/HTTP protobuf, as OpenTelemetry's own exporter sends them.
 */
import { request } from 'undici';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { flushTraces, init, shutdown, trace } from '../src/tracing/index.ts';
import { agent, api, SIZES, type Server } from './lib.ts';

const INPUT = { question: 'x'.repeat(180) };
const OUTPUT = { answer: 'y'.repeat(184) };

async function work(input: { question: string }): Promise<{ answer: string }> {
  return input.question.length > 0 ? OUTPUT : { answer: '' };
}

/** ns per call of `fn`, over `n` sequential awaited calls. */
async function nsPerCall(fn: (input: { question: string }) => Promise<unknown>, n: number): Promise<number> {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await fn(INPUT);
  return Number(process.hrtime.bigint() - t0) / n;
}

export async function benchSdkOverhead(s: Server): Promise<Record<string, number>> {
  const { experiment_id } = await api<{ experiment_id: string }>(s, '/api/2.0/mlflow/experiments/create', { name: 'bench-sdk' });
  init({ trackingUri: s.url, experimentId: experiment_id });
  const traced = trace(work, { name: 'work' });
  // Warm both paths so the JIT has compiled them before we measure.
  await nsPerCall(work, 2_000);
  await nsPerCall(traced, 2_000);
  await flushTraces();
  const untracedNs = await nsPerCall(work, SIZES.tracedCalls);
  const tracedNs = await nsPerCall(traced, SIZES.tracedCalls);
  const t0 = performance.now();
  await flushTraces();
  const flushMs = performance.now() - t0;
  await shutdown();
  return {
    sdk_untraced_us_per_call: untracedNs / 1000,
    sdk_traced_us_per_call: tracedNs / 1000,
    sdk_overhead_us_per_span: (tracedNs - untracedNs) / 1000,
    sdk_final_flush_ms: flushMs,
    sdk_traced_calls: SIZES.tracedCalls,
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
          const child = tracer.startSpan(`step-${c}`);
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
