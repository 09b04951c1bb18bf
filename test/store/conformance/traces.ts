/**
 * Trace store conformance: MLflow v3 trace info, OTLP span ingestion in any arrival order,
 * the trace search grammar, deletes, run links, assessments and trace metrics, checked through
 * the store contract so every backend answers alike. Expected values follow MLflow 3.11's
 * SqlAlchemyStore and the recorded Python-client transcript (scenario "tracing").
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MlflowError } from '../../../src/mlflow/errors.ts';
import type { OtlpAnyValue, OtlpKeyValue, SpanRecord, TraceInfo, TraceMetricsRow, TrackingStore } from '../../../src/store/contract.ts';
import type { StoreFactory } from './factory.ts';

// ------------------------------------------------------------------------------------ helpers

async function rejectsWith(promise: Promise<unknown>, code: string, ...parts: string[]): Promise<void> {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof MlflowError, `expected MlflowError, got ${String(err)}`);
    assert.equal(err.code, code, err.message);
    for (const part of parts) assert.ok(err.message.includes(part), `message ${JSON.stringify(err.message)} should include ${JSON.stringify(part)}`);
    return true;
  });
}

const hex32 = (n: number): string => n.toString(16).padStart(32, '0');
/** MLflow's trace id for test trace number n, and the base64 OTel id the spans carry. */
const tid = (n: number): string => `tr-${hex32(n)}`;
const otelTraceId = (n: number): string => Buffer.from(hex32(n), 'hex').toString('base64');
const sid = (n: number): string => Buffer.from(n.toString(16).padStart(16, '0'), 'hex').toString('base64');

const str = (v: string): OtlpAnyValue => ({ string_value: v });
const int = (v: number): OtlpAnyValue => ({ int_value: String(v) });
const kv = (key: string, value: OtlpAnyValue): OtlpKeyValue => ({ key, value });
const kvlist = (entries: Record<string, OtlpAnyValue>): OtlpAnyValue => ({ kvlist_value: { values: Object.entries(entries).map(([k, v]) => kv(k, v)) } });
const tokenUsage = (input: number, output: number): OtlpKeyValue =>
  kv('mlflow.chat.tokenUsage', kvlist({ input_tokens: int(input), output_tokens: int(output), total_tokens: int(input + output) }));

interface SpanSpec {
  trace: number;
  id: number;
  parent?: number;
  name: string;
  type?: string;
  /** Start in nanoseconds (bigint keeps values beyond 2^53 exact). */
  start: bigint;
  /** Duration in ms; omit for a span that has not ended. */
  durMs?: number;
  status?: 'STATUS_CODE_OK' | 'STATUS_CODE_ERROR' | 'STATUS_CODE_UNSET';
  attrs?: OtlpKeyValue[];
}

function span(s: SpanSpec): SpanRecord {
  const record: SpanRecord = {
    trace_id: otelTraceId(s.trace),
    span_id: sid(s.id),
    name: s.name,
    start_time_unix_nano: s.start.toString(),
    attributes: [kv('mlflow.traceRequestId', str(tid(s.trace))), ...(s.type ? [kv('mlflow.spanType', str(s.type))] : []), ...(s.attrs ?? [])],
    events: [],
    status: { code: s.status ?? 'STATUS_CODE_OK' },
  };
  if (s.parent !== undefined) record.parent_span_id = sid(s.parent);
  if (s.durMs !== undefined) record.end_time_unix_nano = (s.start + BigInt(Math.round(s.durMs * 1e6))).toString();
  return record;
}

const ms = (n: number): bigint => BigInt(n) * 1_000_000n;

function info(n: number, experimentId: string, fields: Partial<TraceInfo> = {}): TraceInfo {
  return {
    trace_id: tid(n),
    experiment_id: experimentId,
    request_time: T,
    state: 'OK',
    trace_metadata: {},
    tags: {},
    assessments: [],
    ...fields,
  };
}

const T = 1_700_000_000_000;

// ------------------------------------------------------------------------------------ suite

export function tracesConformance(factory: StoreFactory): void {
  let store: TrackingStore;
  before(async () => {
    store = await factory();
  });
  after(async () => {
    await store.close();
  });

  describe('trace info (StartTraceV3)', () => {
    let exp: string;
    before(async () => {
      exp = await store.createExperiment({ name: 'traces-info' });
    });

    it('creates a trace with the server-set artifact location tag and infoFinalized metadata', async () => {
      const stored = await store.traces.startTrace(
        info(1, exp, {
          request_time: T + 5,
          execution_duration_ms: 171,
          state: 'ERROR',
          client_request_id: 'client-1',
          request_preview: '{"x": 1}',
          trace_metadata: { 'mlflow.user': 'demo-user', 'mlflow.trace_schema.version': '3' },
          tags: { 'mlflow.traceName': 'explode' },
        }),
      );
      const e = await store.getExperiment(exp);
      assert.equal(stored.trace_id, tid(1));
      assert.equal(stored.experiment_id, exp);
      assert.equal(stored.request_time, T + 5);
      assert.equal(stored.execution_duration_ms, 171);
      assert.equal(stored.state, 'ERROR');
      assert.equal(stored.client_request_id, 'client-1');
      assert.equal(stored.request_preview, '{"x": 1}');
      assert.equal(stored.response_preview, undefined);
      assert.deepEqual(stored.tags, {
        'mlflow.traceName': 'explode',
        'mlflow.artifactLocation': `${e.artifact_location}/traces/${tid(1)}/artifacts`,
      });
      assert.deepEqual(stored.trace_metadata, { 'mlflow.user': 'demo-user', 'mlflow.trace_schema.version': '3', 'mlflow.trace.infoFinalized': 'true' });
      assert.deepEqual(await store.traces.getTraceInfo(tid(1)), stored);
      assert.deepEqual(await store.traces.getSpans(tid(1)), []);
    });

    it('reports a missing trace with MLflow\'s message', async () => {
      await rejectsWith(store.traces.getTraceInfo('tr-00000000000000000000000000000000'), 'RESOURCE_DOES_NOT_EXIST', "Trace with ID 'tr-00000000000000000000000000000000' not found.");
      await rejectsWith(store.traces.getSpans('tr-nope'), 'RESOURCE_DOES_NOT_EXIST', 'tr-nope');
    });

    it('needs an existing, active experiment and a valid state', async () => {
      await rejectsWith(store.traces.startTrace(info(2, '987654')), 'RESOURCE_DOES_NOT_EXIST', '987654');
      const gone = await store.createExperiment({ name: 'traces-info-deleted' });
      await store.deleteExperiment(gone);
      await rejectsWith(store.traces.startTrace(info(2, gone)), 'INVALID_PARAMETER_VALUE', 'active');
      await rejectsWith(store.traces.startTrace(info(2, exp, { state: 'DONE' as TraceInfo['state'] })), 'INVALID_PARAMETER_VALUE', 'DONE');
      await rejectsWith(store.traces.startTrace(info(2, exp, { request_time: -1 })), 'INVALID_PARAMETER_VALUE', 'request_time');
      await rejectsWith(store.traces.getTraceInfo(tid(2)), 'RESOURCE_DOES_NOT_EXIST');
    });

    it('batch-gets infos in the order asked, skipping missing ids', async () => {
      await store.traces.startTrace(info(3, exp, { request_time: T + 1 }));
      const got = await store.traces.getTraceInfos([tid(3), 'tr-missing', tid(1), tid(3)]);
      assert.deepEqual(got.map((t) => t.trace_id), [tid(3), tid(1)]);
      assert.deepEqual(await store.traces.getTraceInfos([]), []);
    });

    it('stores assessments sent with the trace info', async () => {
      const stored = await store.traces.startTrace(
        info(4, exp, {
          assessments: [
            {
              assessment_id: '',
              assessment_name: 'relevance',
              trace_id: '',
              source: { source_type: 'HUMAN', source_id: 'alice' },
              create_time_ms: T,
              last_update_time_ms: T,
              feedback: { value: true },
            },
          ],
        }),
      );
      assert.equal(stored.assessments.length, 1);
      const a = stored.assessments[0]!;
      assert.match(a.assessment_id, /^a-[0-9a-f]{32}$/);
      assert.equal(a.trace_id, tid(4));
      assert.deepEqual(a.feedback, { value: true });
      assert.deepEqual(await store.traces.getAssessment(tid(4), a.assessment_id), a);
    });
  });

  describe('OTLP span ingestion (logSpans)', () => {
    let exp: string;
    let artifactRoot: string;
    // Nanosecond times beyond 2^53, as real clocks give: they must survive exactly.
    const S = 1_795_447_854_350_041_032n;
    before(async () => {
      exp = await store.createExperiment({ name: 'traces-otlp' });
      artifactRoot = (await store.getExperiment(exp)).artifact_location;
    });

    it("takes a gateway root span's mlflow.gateway.* attributes as metadata and its request id as client_request_id, from the root only", async () => {
      const gatewayAttrs = (endpoint: string, id: string) => [
        kv('mlflow.gateway.endpointId', str(endpoint)),
        kv('mlflow.gateway.requestType', str('unified/chat')),
        kv('mlflow.trace.clientRequestId', str(id)),
      ];
      // Its own experiment: the trace-metrics tests count every span of the shared one.
      const gw = await store.createExperiment({ name: 'gateway/chat' });
      // A gateway trace of its own: root + attempt, new to the store in one call.
      await store.traces.logSpans(gw, [
        span({ trace: 930, id: 1, name: 'gateway/chat', start: S, durMs: 10, attrs: gatewayAttrs('chat', 'req-1') }),
        span({ trace: 930, id: 2, parent: 1, name: 'openai/gpt', start: S + ms(1), durMs: 8 }),
      ]);
      const own = await store.traces.getTraceInfo(tid(930));
      assert.equal(own.client_request_id, 'req-1');
      assert.equal(own.trace_metadata['mlflow.gateway.endpointId'], 'chat');
      assert.equal(own.trace_metadata['mlflow.gateway.requestType'], 'unified/chat');
      assert.equal(own.trace_metadata['mlflow.trace.clientRequestId'], undefined);

      // Gateway spans inside a caller's trace (their root has a parent) leave the caller's info alone,
      // whether the trace is new or already stored.
      await store.traces.logSpans(gw, [span({ trace: 931, id: 5, parent: 4, name: 'gateway/chat', start: S + ms(2), durMs: 3, attrs: gatewayAttrs('chat', 'req-2') })]);
      await store.traces.logSpans(gw, [span({ trace: 931, id: 4, name: 'caller', start: S, durMs: 10 })]);
      await store.traces.logSpans(gw, [span({ trace: 931, id: 6, parent: 4, name: 'gateway/chat', start: S + ms(5), durMs: 1, attrs: gatewayAttrs('chat', 'req-3') })]);
      const caller = await store.traces.getTraceInfo(tid(931));
      assert.equal(caller.client_request_id, undefined);
      assert.equal(caller.trace_metadata['mlflow.gateway.endpointId'], undefined);
    });

    it('builds one trace from spans arriving out of order in separate calls', async () => {
      // The child ends first and is exported before its parent exists anywhere.
      await store.traces.logSpans(exp, [
        span({
          trace: 10,
          id: 2,
          parent: 1,
          name: 'llm',
          type: 'LLM',
          start: S + ms(10),
          durMs: 20,
          attrs: [tokenUsage(10, 5), kv('session.id', str('sess-1')), kv('user.id', str('u-1'))],
        }),
      ]);
      let t = await store.traces.getTraceInfo(tid(10));
      assert.equal(t.experiment_id, exp);
      assert.equal(t.state, 'IN_PROGRESS');
      assert.equal(t.request_time, Number((S + ms(10)) / 1_000_000n));
      assert.equal(t.execution_duration_ms, 20);
      assert.equal(t.request_preview, undefined);
      assert.deepEqual(t.tags, {
        'mlflow.artifactLocation': `${artifactRoot}/traces/${tid(10)}/artifacts`,
        'mlflow.trace.spansLocation': 'TRACKING_STORE',
      });
      assert.deepEqual(t.trace_metadata, {
        'mlflow.trace.tokenUsage': '{"input_tokens": 10, "output_tokens": 5, "total_tokens": 15}',
        'mlflow.trace.session': 'sess-1',
        'mlflow.trace.user': 'u-1',
      });

      // Then the root (which failed) and a grandchild, in one call, grandchild first.
      await store.traces.logSpans(exp, [
        span({ trace: 10, id: 3, parent: 2, name: 'tool', type: 'TOOL', start: S + ms(15), durMs: 5, attrs: [tokenUsage(1, 2)] }),
        span({
          trace: 10,
          id: 1,
          name: 'agent',
          type: 'AGENT',
          start: S,
          durMs: 100,
          status: 'STATUS_CODE_ERROR',
          attrs: [kv('mlflow.spanInputs', kvlist({ q: str('hi'), n: { double_value: 1 } })), kv('mlflow.spanOutputs', str('done'))],
        }),
      ]);
      t = await store.traces.getTraceInfo(tid(10));
      assert.equal(t.state, 'ERROR');
      assert.equal(t.request_time, Number(S / 1_000_000n));
      assert.equal(t.execution_duration_ms, 100);
      // Previews are the root's inputs/outputs as MLflow's Python json.dumps writes them.
      assert.equal(t.request_preview, '{"q": "hi", "n": 1.0}');
      assert.equal(t.response_preview, '"done"');
      assert.equal(t.tags['mlflow.traceName'], 'agent');
      assert.equal(t.trace_metadata['mlflow.trace.tokenUsage'], '{"input_tokens": 11, "output_tokens": 7, "total_tokens": 18}');

      const spans = await store.traces.getSpans(tid(10));
      assert.deepEqual(spans.map((s) => s.name), ['agent', 'llm', 'tool']);
      assert.equal(spans[0]!.start_time_unix_nano, S.toString());
      assert.equal(spans[0]!.end_time_unix_nano, (S + ms(100)).toString());
      assert.equal(spans[0]!.parent_span_id, undefined);
      assert.equal(spans[1]!.parent_span_id, sid(1));
      assert.equal(spans[0]!.trace_id, otelTraceId(10));
      assert.deepEqual(spans[0]!.status, { code: 'STATUS_CODE_ERROR' });
    });

    it('merges a re-sent span by id instead of adding it, and counts its tokens once', async () => {
      await store.traces.logSpans(exp, [
        span({ trace: 10, id: 2, parent: 1, name: 'llm-renamed', type: 'LLM', start: S + ms(10), durMs: 30, attrs: [tokenUsage(10, 5)] }),
      ]);
      const spans = await store.traces.getSpans(tid(10));
      assert.deepEqual(spans.map((s) => s.name), ['agent', 'llm-renamed', 'tool']);
      const t = await store.traces.getTraceInfo(tid(10));
      assert.equal(t.trace_metadata['mlflow.trace.tokenUsage'], '{"input_tokens": 11, "output_tokens": 7, "total_tokens": 18}');
    });

    it('treats a root with UNSET status as OK', async () => {
      await store.traces.logSpans(exp, [span({ trace: 11, id: 1, name: 'root', start: S, durMs: 1, status: 'STATUS_CODE_UNSET' })]);
      assert.equal((await store.traces.getTraceInfo(tid(11))).state, 'OK');
    });

    it('accepts OTLP/JSON hex ids and stores them as base64', async () => {
      await store.traces.logSpans(exp, [
        { ...span({ trace: 12, id: 7, name: 'hex', start: S, durMs: 2 }), trace_id: hex32(12), span_id: '0000000000000007', parent_span_id: '' },
      ]);
      const [s] = await store.traces.getSpans(tid(12));
      assert.equal(s!.trace_id, otelTraceId(12));
      assert.equal(s!.span_id, sid(7));
      assert.equal(s!.parent_span_id, undefined);
      assert.equal((await store.traces.getTraceInfo(tid(12))).state, 'OK');
    });

    it('truncates previews to 1000 characters and reads chat messages as MLflow does', async () => {
      const long = 'x'.repeat(1500);
      const messages = kvlist({
        messages: {
          array_value: {
            values: [kvlist({ role: str('system'), content: str('be brief') }), kvlist({ role: str('user'), content: str('What is 2+2?') })],
          },
        },
      });
      await store.traces.logSpans(exp, [
        span({ trace: 13, id: 1, name: 'chat', start: S, durMs: 3, attrs: [kv('mlflow.spanInputs', messages), kv('mlflow.spanOutputs', str(long))] }),
      ]);
      const t = await store.traces.getTraceInfo(tid(13));
      assert.equal(t.request_preview, 'What is 2+2?');
      assert.equal(t.response_preview, `"${'x'.repeat(996)}...`);
      assert.equal(t.response_preview?.length, 1000);
    });

    it('writes nothing when any span of a batch is invalid', async () => {
      await rejectsWith(
        store.traces.logSpans(exp, [span({ trace: 14, id: 1, name: 'ok', start: S, durMs: 1 }), { ...span({ trace: 14, id: 2, parent: 1, name: 'bad', start: S, durMs: 1 }), span_id: 'not-an-id!' }]),
        'INVALID_PARAMETER_VALUE',
        'spans[1].span_id',
      );
      await rejectsWith(store.traces.getTraceInfo(tid(14)), 'RESOURCE_DOES_NOT_EXIST');
      await rejectsWith(
        store.traces.logSpans(exp, [{ ...span({ trace: 14, id: 1, name: 'ok', start: S, durMs: 1 }), start_time_unix_nano: '12.5' }]),
        'INVALID_PARAMETER_VALUE',
        'start_time_unix_nano',
      );
      await rejectsWith(store.traces.logSpans(exp, [{ ...span({ trace: 14, id: 1, name: 'ok', start: S }), trace_id: 'AAEC' }]), 'INVALID_PARAMETER_VALUE', 'trace_id');
      await rejectsWith(store.traces.getTraceInfo(tid(14)), 'RESOURCE_DOES_NOT_EXIST');
    });

    it('rolls back every trace of a batch when a later one fails', async () => {
      const gone = await store.createExperiment({ name: 'traces-otlp-deleted' });
      await store.deleteExperiment(gone);
      const before10 = await store.traces.getSpans(tid(10));
      const info10 = await store.traces.getTraceInfo(tid(10));
      // Trace 10 exists (its span would be written first); trace 15 is new and its experiment is deleted.
      await rejectsWith(
        store.traces.logSpans(gone, [span({ trace: 10, id: 9, parent: 1, name: 'late', start: S + ms(500), durMs: 1000 }), span({ trace: 15, id: 1, name: 'new', start: S, durMs: 1 })]),
        'INVALID_PARAMETER_VALUE',
        'active',
      );
      assert.deepEqual(await store.traces.getSpans(tid(10)), before10);
      assert.deepEqual(await store.traces.getTraceInfo(tid(10)), info10);
      await rejectsWith(store.traces.getTraceInfo(tid(15)), 'RESOURCE_DOES_NOT_EXIST');
      await rejectsWith(store.traces.logSpans('987654', [span({ trace: 15, id: 1, name: 'new', start: S, durMs: 1 })]), 'RESOURCE_DOES_NOT_EXIST', '987654');
      await rejectsWith(store.traces.getTraceInfo(tid(15)), 'RESOURCE_DOES_NOT_EXIST');
    });

    it('merges an OTLP-created trace with a later StartTraceV3, whose trace-level values win', async () => {
      await store.traces.logSpans(exp, [
        span({ trace: 16, id: 1, name: 'pipeline', type: 'CHAIN', start: S, durMs: 50, attrs: [kv('mlflow.spanInputs', kvlist({ x: int(3) })), kv('mlflow.spanOutputs', int(8))] }),
        span({ trace: 16, id: 2, parent: 1, name: 'add_one', start: S + ms(1), durMs: 2, attrs: [tokenUsage(4, 4)] }),
      ]);
      const merged = await store.traces.startTrace(
        info(16, exp, {
          request_time: T + 42,
          execution_duration_ms: 171,
          state: 'OK',
          request_preview: 'client preview',
          tags: { 'mlflow.traceName': 'client-name', suite: 'transcripts' },
          trace_metadata: { 'mlflow.user': 'demo-user' },
        }),
      );
      assert.equal(merged.request_time, T + 42);
      assert.equal(merged.execution_duration_ms, 171);
      assert.equal(merged.request_preview, 'client preview');
      assert.equal(merged.response_preview, '8');
      assert.deepEqual(merged.tags, {
        'mlflow.traceName': 'client-name',
        suite: 'transcripts',
        'mlflow.trace.spansLocation': 'TRACKING_STORE',
        'mlflow.artifactLocation': `${artifactRoot}/traces/${tid(16)}/artifacts`,
      });
      assert.deepEqual(merged.trace_metadata, {
        'mlflow.user': 'demo-user',
        'mlflow.trace.infoFinalized': 'true',
        'mlflow.trace.tokenUsage': '{"input_tokens": 4, "output_tokens": 4, "total_tokens": 8}',
      });
      // Spans arriving after StartTraceV3 no longer move the finalized times.
      await store.traces.logSpans(exp, [span({ trace: 16, id: 3, parent: 1, name: 'late', start: S + ms(60), durMs: 500 })]);
      const after = await store.traces.getTraceInfo(tid(16));
      assert.equal(after.request_time, T + 42);
      assert.equal(after.execution_duration_ms, 171);
      assert.equal((await store.traces.getSpans(tid(16))).length, 3);
    });

    it('adds the spans-location tag when spans follow StartTraceV3, keeping its state', async () => {
      const started = await store.traces.startTrace(info(17, exp, { state: 'OK', request_time: T }));
      assert.equal(started.tags['mlflow.trace.spansLocation'], undefined);
      await store.traces.logSpans(exp, [span({ trace: 17, id: 1, name: 'root', start: S, durMs: 1, status: 'STATUS_CODE_ERROR' })]);
      const t = await store.traces.getTraceInfo(tid(17));
      assert.equal(t.tags['mlflow.trace.spansLocation'], 'TRACKING_STORE');
      assert.equal(t.state, 'OK');
      assert.equal(t.request_time, T);
    });

    it('accepts an empty batch', async () => {
      await store.traces.logSpans(exp, []);
    });
  });

  describe('trace tags', () => {
    let exp: string;
    before(async () => {
      exp = await store.createExperiment({ name: 'traces-tags' });
      await store.traces.startTrace(info(20, exp));
    });

    it('sets, overwrites and deletes a tag', async () => {
      await store.traces.setTraceTag(tid(20), { key: 'reviewed', value: 'no' });
      await store.traces.setTraceTag(tid(20), { key: 'reviewed', value: 'yes' });
      assert.equal((await store.traces.getTraceInfo(tid(20))).tags.reviewed, 'yes');
      await store.traces.deleteTraceTag(tid(20), 'reviewed');
      assert.equal((await store.traces.getTraceInfo(tid(20))).tags.reviewed, undefined);
    });

    it('applies MLflow\'s limits: key at most 250 characters, value truncated to 8000', async () => {
      await rejectsWith(store.traces.setTraceTag(tid(20), { key: 'k'.repeat(251), value: 'v' }), 'INVALID_PARAMETER_VALUE', '250');
      await rejectsWith(store.traces.setTraceTag(tid(20), { key: '../up', value: 'v' }), 'INVALID_PARAMETER_VALUE');
      await store.traces.setTraceTag(tid(20), { key: 'k'.repeat(250), value: 'v'.repeat(8001) });
      assert.equal((await store.traces.getTraceInfo(tid(20))).tags['k'.repeat(250)], 'v'.repeat(8000));
    });

    it('404s for a missing trace or tag', async () => {
      await rejectsWith(store.traces.setTraceTag(tid(21), { key: 'a', value: 'b' }), 'RESOURCE_DOES_NOT_EXIST', tid(21));
      await rejectsWith(store.traces.deleteTraceTag(tid(21), 'a'), 'RESOURCE_DOES_NOT_EXIST', tid(21));
      await rejectsWith(store.traces.deleteTraceTag(tid(20), 'never-set'), 'RESOURCE_DOES_NOT_EXIST', "'never-set'");
    });
  });

  describe('search traces', () => {
    let expA: string;
    let expB: string;
    let runs: string[];

    // Seed: traces 31..38 (37 lives in the second experiment). Comments give each trace's fields.
    before(async () => {
      expA = await store.createExperiment({ name: 'traces-search' });
      expB = await store.createExperiment({ name: 'traces-search-b' });
      runs = [];
      for (const name of ['r1', 'r2', 'r3']) runs.push((await store.createRun({ experiment_id: expA, run_name: name })).info.run_id);
      const [r1, r2, r3] = runs as [string, string, string];
      const start = (n: number, fields: Partial<TraceInfo>, experiment = expA): Promise<TraceInfo> => store.traces.startTrace(info(n, experiment, fields));
      // 31: chat, OK, +1000, 100ms, env=prod team=Search, alice, run r1
      await start(31, { request_time: T + 1000, execution_duration_ms: 100, client_request_id: 'req-1', tags: { 'mlflow.traceName': 'chat', env: 'prod', team: 'Search' }, trace_metadata: { 'mlflow.user': 'alice', 'mlflow.sourceRun': r1 } });
      // 32: chat, ERROR, +2000, 300ms, env=dev, bob
      await start(32, { request_time: T + 2000, execution_duration_ms: 300, state: 'ERROR', tags: { 'mlflow.traceName': 'chat', env: 'dev' }, trace_metadata: { 'mlflow.user': 'bob' } });
      // 33: summarize, OK, +3000, 50ms, env=prod, run r2
      await start(33, { request_time: T + 3000, execution_duration_ms: 50, client_request_id: 'req-3', tags: { 'mlflow.traceName': 'summarize', env: 'prod' }, trace_metadata: { 'mlflow.sourceRun': r2 } });
      // 34: Summarize-v2, IN_PROGRESS, +4000, no duration, team=search
      await start(34, { request_time: T + 4000, state: 'IN_PROGRESS', tags: { 'mlflow.traceName': 'Summarize-v2', team: 'search' } });
      // 35: tool-run, OK, +5000, 1000ms, env=staging
      await start(35, { request_time: T + 5000, execution_duration_ms: 1000, tags: { 'mlflow.traceName': 'tool-run', env: 'staging' } });
      // 36: no name, ERROR, +6000, 10ms, alice
      await start(36, { request_time: T + 6000, execution_duration_ms: 10, state: 'ERROR', trace_metadata: { 'mlflow.user': 'alice' } });
      // 37: chat, OK, +1500, in the second experiment
      await start(37, { request_time: T + 1500, execution_duration_ms: 20, tags: { 'mlflow.traceName': 'chat' } }, expB);
      // 38: linked, OK, +500, 5ms, source run r3, later also linked to r1
      await start(38, { request_time: T + 500, execution_duration_ms: 5, tags: { 'mlflow.traceName': 'linked' }, trace_metadata: { 'mlflow.sourceRun': r3 } });
      await store.traces.linkTracesToRun([tid(38)], r1);

      const S = ms(T);
      await store.traces.logSpans(expA, [
        span({ trace: 31, id: 1, name: 'chat', type: 'CHAIN', start: S + ms(1000), durMs: 100 }),
        span({ trace: 31, id: 2, parent: 1, name: 'llm-call', type: 'LLM', start: S + ms(1010), durMs: 40, attrs: [tokenUsage(10, 5)] }),
        span({ trace: 32, id: 1, name: 'chat', type: 'CHAIN', start: S + ms(2000), durMs: 300, status: 'STATUS_CODE_ERROR' }),
        span({ trace: 32, id: 2, parent: 1, name: 'retrieve', type: 'RETRIEVER', start: S + ms(2010), durMs: 100, status: 'STATUS_CODE_ERROR' }),
        span({ trace: 33, id: 1, name: 'summarize', type: 'LLM', start: S + ms(3000), durMs: 50 }),
        span({ trace: 35, id: 1, name: 'agent', type: 'AGENT', start: S + ms(5000), durMs: 1000 }),
        span({ trace: 35, id: 2, parent: 1, name: 'search_web', type: 'TOOL', start: S + ms(5010), durMs: 200, status: 'STATUS_CODE_ERROR' }),
        span({ trace: 35, id: 3, parent: 1, name: 'llm-call', type: 'LLM', start: S + ms(5300), durMs: 20, attrs: [tokenUsage(20, 10)] }),
      ]);
    });

    const ids = (items: TraceInfo[]): number[] => items.map((t) => Number.parseInt(t.trace_id.slice(3), 16));

    interface Case {
      filter?: string | ((runs: string[]) => string);
      orderBy?: string[];
      both?: boolean;
      expect: number[];
    }
    const cases: Case[] = [
      { expect: [36, 35, 34, 33, 32, 31, 38] },
      { filter: "trace.status = 'ERROR'", expect: [36, 32] },
      { filter: "status = 'OK'", expect: [35, 33, 31, 38] },
      { filter: "state != 'OK'", expect: [36, 34, 32] },
      { filter: "attributes.status IN ('ERROR', 'IN_PROGRESS')", expect: [36, 34, 32] },
      { filter: "status NOT IN ('OK')", expect: [36, 34, 32] },
      { filter: "name = 'chat'", expect: [32, 31] },
      { filter: "name LIKE 'Summ%'", expect: [34] },
      { filter: "name ILIKE 'summ%'", expect: [34, 33] },
      { filter: "name RLIKE '^s'", expect: [33] },
      { filter: "trace.name IN ('chat', 'tool-run')", expect: [35, 32, 31] },
      { filter: "name != 'chat'", expect: [35, 34, 33, 38] },
      { filter: "tags.env = 'prod'", expect: [33, 31] },
      { filter: "tag.env != 'prod'", expect: [35, 32] },
      { filter: 'tags.team IS NULL', expect: [36, 35, 33, 32, 38] },
      { filter: 'tags.team IS NOT NULL', expect: [34, 31] },
      { filter: "tags.team ILIKE 'search'", expect: [34, 31] },
      { filter: "tags.team LIKE 'search'", expect: [34] },
      { filter: "tags.env RLIKE '^(prod|dev)$'", expect: [33, 32, 31] },
      { filter: 'tags."mlflow.traceName" = \'linked\'', expect: [38] },
      { filter: "metadata.mlflow.user = 'alice'", expect: [36, 31] },
      { filter: 'request_metadata."mlflow.user" != \'alice\'', expect: [32] },
      { filter: 'metadata.mlflow.user IS NULL', expect: [35, 34, 33, 38] },
      { filter: (r) => `run_id = '${r[0]}'`, expect: [31, 38] },
      { filter: (r) => `run_id = '${r[2]}'`, expect: [38] },
      { filter: (r) => `run_id IN ('${r[1]}', '${r[2]}')`, expect: [33, 38] },
      { filter: (r) => `run_id != '${r[0]}'`, expect: [33, 38] },
      { filter: `timestamp_ms > ${T + 3000}`, expect: [36, 35, 34] },
      { filter: `timestamp >= ${T + 3000} AND timestamp_ms < ${T + 6000}`, expect: [35, 34, 33] },
      { filter: 'execution_time_ms >= 100', expect: [35, 32, 31] },
      { filter: 'execution_time < 100', expect: [36, 33, 38] },
      { filter: `end_time_ms <= ${T + 2300}`, expect: [32, 31, 38] },
      { filter: `end_time > ${T + 4000}`, expect: [36, 35] },
      { filter: `request_id = '${tid(33)}'`, expect: [33] },
      { filter: `trace_id IN ('${tid(31)}', '${tid(35)}', '${tid(37)}')`, expect: [35, 31] },
      { filter: "client_request_id = 'req-1'", expect: [31] },
      { filter: "client_request_id LIKE 'req-%'", expect: [33, 31] },
      { filter: "span.name = 'llm-call'", expect: [35, 31] },
      { filter: "span.type = 'LLM'", expect: [35, 33, 31] },
      { filter: "span.status = 'ERROR'", expect: [35, 32] },
      { filter: "span.name = 'search_web' AND span.status = 'ERROR'", expect: [35] },
      // Span clauses must hold for the same span: no llm-call span failed.
      { filter: "span.name = 'llm-call' AND span.status = 'ERROR'", expect: [] },
      { filter: "span.type IN ('TOOL', 'RETRIEVER')", expect: [35, 32] },
      { filter: "span.name RLIKE 'web$'", expect: [35] },
      { filter: "tags.env = 'prod' AND status = 'OK' AND execution_time_ms > 60", expect: [31] },
      { filter: "name = 'chat'", both: true, expect: [32, 37, 31] },
      { orderBy: ['timestamp_ms ASC'], expect: [38, 31, 32, 33, 34, 35, 36] },
      { orderBy: ['execution_time_ms DESC'], expect: [35, 32, 31, 33, 36, 38, 34] },
      { orderBy: ['execution_time ASC'], expect: [38, 36, 33, 31, 32, 35, 34] },
      // Binary order ('S' < 'c'); the nameless trace last; ties newest first.
      { orderBy: ['name ASC'], expect: [34, 32, 31, 38, 33, 35, 36] },
      { orderBy: ['status ASC', 'timestamp_ms ASC'], expect: [32, 36, 34, 38, 31, 33, 35] },
      { orderBy: ['request_id ASC'], expect: [31, 32, 33, 34, 35, 36, 38] },
      { orderBy: ['trace_id DESC'], expect: [38, 36, 35, 34, 33, 32, 31] },
      { orderBy: ['end_time_ms DESC'], expect: [36, 35, 34, 33, 32, 31, 38] },
      { orderBy: ['tags.env DESC'], expect: [35, 33, 31, 32, 36, 34, 38] },
      { orderBy: ['metadata.mlflow.user ASC'], expect: [36, 31, 32, 35, 34, 33, 38] },
      { orderBy: ['experiment_id DESC', 'timestamp_ms ASC'], both: true, expect: [37, 38, 31, 32, 33, 34, 35, 36] },
      { filter: "status = 'OK'", orderBy: ['execution_time_ms ASC'], expect: [38, 33, 31, 35] },
    ];

    for (const c of cases) {
      const label = `${typeof c.filter === 'function' ? c.filter(['<r1>', '<r2>', '<r3>']) : (c.filter ?? '(no filter)')}${c.orderBy ? ` order_by ${JSON.stringify(c.orderBy)}` : ''}${c.both ? ' [both experiments]' : ''}`;
      it(label, async () => {
        const filter = typeof c.filter === 'function' ? c.filter(runs) : c.filter;
        const page = await store.traces.searchTraces({ experimentIds: c.both ? [expA, expB] : [expA], filter, orderBy: c.orderBy });
        assert.deepEqual(ids(page.items), c.expect);
        assert.equal(page.nextPageToken, undefined);
      });
    }

    const invalid: { filter?: string; orderBy?: string[]; token: string }[] = [
      { filter: "foo = 'x'", token: 'foo' },
      { filter: "status >> 'OK'", token: '>>' },
      { filter: "timestamp_ms = 'abc'", token: "'abc'" },
      { filter: "status = 'OK' OR name = 'x'", token: 'OR' },
      { filter: "tags.env IN ('a', 'b')", token: 'IN' },
      { filter: "span.kind = 'SERVER'", token: 'kind' },
      { filter: "bogus.env = 'x'", token: 'bogus' },
      { filter: "timestamp_ms LIKE '1%'", token: 'LIKE' },
      { filter: "tags.env > 'a'", token: '>' },
      { filter: 'span.name IS NULL', token: 'IS NULL' },
      { filter: 'execution_time_ms IS NOT NULL', token: 'IS NOT NULL' },
      { filter: "name RLIKE '(a+)+$'", token: '(a+)+$' },
      { filter: "tags.env RLIKE '(ab'", token: '(ab' },
      { filter: "name RLIKE '(x)\\1'", token: 'backreference' },
      { filter: "metrics.acc > 1", token: 'metrics' },
      { filter: "status = OK", token: 'OK' },
      { orderBy: ['span.name'], token: 'span' },
      { orderBy: ['foo DESC'], token: 'foo' },
      { orderBy: ['timestamp_ms sideways'], token: 'sideways' },
      { orderBy: ['name', 'tags.mlflow.traceName DESC'], token: 'mlflow.traceName' },
    ];
    for (const c of invalid) {
      it(`rejects ${c.filter ?? JSON.stringify(c.orderBy)} naming ${c.token}`, async () => {
        await rejectsWith(store.traces.searchTraces({ experimentIds: [expA], filter: c.filter, orderBy: c.orderBy }), 'INVALID_PARAMETER_VALUE', c.token);
      });
    }

    it('pages with MLflow offset tokens', async () => {
      const p1 = await store.traces.searchTraces({ experimentIds: [expA], maxResults: 3 });
      assert.deepEqual(ids(p1.items), [36, 35, 34]);
      assert.equal(p1.nextPageToken, Buffer.from('{"offset": 3}').toString('base64'));
      const p2 = await store.traces.searchTraces({ experimentIds: [expA], maxResults: 3, pageToken: p1.nextPageToken });
      assert.deepEqual(ids(p2.items), [33, 32, 31]);
      const p3 = await store.traces.searchTraces({ experimentIds: [expA], maxResults: 3, pageToken: p2.nextPageToken });
      assert.deepEqual(ids(p3.items), [38]);
      assert.equal(p3.nextPageToken, undefined);
    });

    it('bounds max_results to 1..500 and rejects bad page tokens', async () => {
      await rejectsWith(store.traces.searchTraces({ experimentIds: [expA], maxResults: 501 }), 'INVALID_PARAMETER_VALUE', '500');
      await rejectsWith(store.traces.searchTraces({ experimentIds: [expA], maxResults: 0 }), 'INVALID_PARAMETER_VALUE', 'max_results');
      await rejectsWith(store.traces.searchTraces({ experimentIds: [expA], pageToken: 'garbage!' }), 'INVALID_PARAMETER_VALUE', 'garbage!');
      assert.equal((await store.traces.searchTraces({ experimentIds: [expA], maxResults: 500 })).items.length, 7);
    });

    it('finds nothing in unknown experiments', async () => {
      assert.deepEqual((await store.traces.searchTraces({ experimentIds: ['987654', 'x'] })).items, []);
    });

    it('returns full infos: tags, metadata and assessments', async () => {
      const [t] = (await store.traces.searchTraces({ experimentIds: [expA], filter: `request_id = '${tid(31)}'` })).items;
      assert.equal(t!.tags.env, 'prod');
      assert.equal(t!.trace_metadata['mlflow.user'], 'alice');
      assert.equal(t!.trace_metadata['mlflow.trace.tokenUsage'], '{"input_tokens": 10, "output_tokens": 5, "total_tokens": 15}');
      assert.deepEqual(t!.assessments, []);
    });

    describe('trace metrics', () => {
      const one = (rows: TraceMetricsRow[]): TraceMetricsRow => {
        assert.equal(rows.length, 1);
        return rows[0]!;
      };

      it('counts traces, errors, latency percentiles (linear interpolation) and tokens', async () => {
        const r = one(await store.traces.queryTraceMetrics({ experimentIds: [expA], viewType: 'TRACES' }));
        assert.deepEqual(r.group, {});
        assert.equal(r.count, 7);
        assert.equal(r.error_count, 2);
        // Latencies 5, 10, 50, 100, 300, 1000 ms (34 has none yet).
        assert.equal(r.latency_ms.p50, 75);
        assert.equal(r.latency_ms.p95, 825);
        assert.ok(Math.abs(r.latency_ms.p99 - 965) < 1e-9);
        assert.ok(Math.abs(r.latency_ms.avg - 1465 / 6) < 1e-9);
        assert.equal(r.latency_ms.max, 1000);
        assert.deepEqual(r.tokens, { input: 30, output: 15, total: 45 });
      });

      it('groups traces by status and name', async () => {
        const rows = await store.traces.queryTraceMetrics({ experimentIds: [expA], viewType: 'TRACES', groupBy: ['trace.status'] });
        assert.deepEqual(
          rows.map((r) => [r.group['trace.status'], r.count, r.error_count, r.latency_ms.p50]),
          [
            ['ERROR', 2, 2, 155],
            ['IN_PROGRESS', 1, 0, 0],
            ['OK', 4, 0, 75],
          ],
        );
        const byName = await store.traces.queryTraceMetrics({ experimentIds: [expA, expB], viewType: 'TRACES', groupBy: ['trace.name'] });
        assert.deepEqual(
          byName.map((r) => [r.group['trace.name'], r.count]),
          [
            ['', 1],
            ['Summarize-v2', 1],
            ['chat', 3],
            ['linked', 1],
            ['summarize', 1],
            ['tool-run', 1],
          ],
        );
      });

      it('buckets traces by time and applies the filter', async () => {
        const rows = await store.traces.queryTraceMetrics({ experimentIds: [expA], viewType: 'TRACES', timeBucketMs: 2000 });
        assert.deepEqual(
          rows.map((r) => [r.bucket_start_ms, r.count]),
          [
            [T, 2],
            [T + 2000, 2],
            [T + 4000, 2],
            [T + 6000, 1],
          ],
        );
        const prod = one(await store.traces.queryTraceMetrics({ experimentIds: [expA], viewType: 'TRACES', filter: "tags.env = 'prod'" }));
        assert.equal(prod.count, 2);
        assert.equal(prod.latency_ms.max, 100);
        const ranged = await store.traces.queryTraceMetrics({ experimentIds: [expA], viewType: 'TRACES', startTimeMs: T + 2000, endTimeMs: T + 5000 });
        assert.equal(one(ranged).count, 4);
      });

      it('aggregates spans by type, with span filters applying to the spans themselves', async () => {
        const rows = await store.traces.queryTraceMetrics({ experimentIds: [expA], viewType: 'SPANS', groupBy: ['span.type'] });
        const llm = rows.find((r) => r.group['span.type'] === 'LLM')!;
        assert.equal(llm.count, 3);
        assert.equal(llm.error_count, 0);
        assert.equal(llm.latency_ms.p50, 40);
        assert.equal(llm.latency_ms.max, 50);
        assert.ok(Math.abs(llm.latency_ms.avg - 110 / 3) < 1e-9);
        assert.deepEqual(llm.tokens, { input: 30, output: 15, total: 45 });
        assert.deepEqual(rows.map((r) => r.group['span.type']), ['AGENT', 'CHAIN', 'LLM', 'RETRIEVER', 'TOOL']);
        const failed = await store.traces.queryTraceMetrics({ experimentIds: [expA], viewType: 'SPANS', groupBy: ['span.name'], filter: "span.status = 'ERROR'" });
        assert.deepEqual(
          failed.map((r) => [r.group['span.name'], r.count, r.error_count]),
          [
            ['chat', 1, 1],
            ['retrieve', 1, 1],
            ['search_web', 1, 1],
          ],
        );
        const inChat = await store.traces.queryTraceMetrics({ experimentIds: [expA], viewType: 'SPANS', groupBy: ['trace.name', 'span.status'], filter: "name = 'chat'" });
        assert.deepEqual(
          inChat.map((r) => [r.group['trace.name'], r.group['span.status'], r.count]),
          [
            ['chat', 'ERROR', 2],
            ['chat', 'OK', 2],
          ],
        );
      });

      it('rejects span dimensions for trace metrics and bad buckets', async () => {
        await rejectsWith(store.traces.queryTraceMetrics({ experimentIds: [expA], viewType: 'TRACES', groupBy: ['span.type'] }), 'INVALID_PARAMETER_VALUE', 'span.type');
        await rejectsWith(store.traces.queryTraceMetrics({ experimentIds: [expA], viewType: 'TRACES', timeBucketMs: 0 }), 'INVALID_PARAMETER_VALUE', 'bucket');
        await rejectsWith(store.traces.queryTraceMetrics({ experimentIds: [expA], viewType: 'TRACES', filter: 'nope = 1' }), 'INVALID_PARAMETER_VALUE', 'nope');
      });
    });
  });

  describe('linkTracesToRun', () => {
    let exp: string;
    let run: string;
    before(async () => {
      exp = await store.createExperiment({ name: 'traces-link' });
      run = (await store.createRun({ experiment_id: exp })).info.run_id;
      await store.traces.startTrace(info(40, exp));
      await store.traces.startTrace(info(41, exp, { request_time: T + 1 }));
    });

    it('links traces so run_id finds them, filling an empty mlflow.sourceRun', async () => {
      await store.traces.linkTracesToRun([tid(40), tid(41)], run);
      await store.traces.linkTracesToRun([tid(40)], run);
      assert.equal((await store.traces.getTraceInfo(tid(40))).trace_metadata['mlflow.sourceRun'], run);
      const page = await store.traces.searchTraces({ experimentIds: [exp], filter: `run_id = '${run}'` });
      assert.deepEqual(page.items.map((t) => t.trace_id), [tid(41), tid(40)]);
    });

    it('404s for a missing run or trace, and takes at most 100 traces', async () => {
      await rejectsWith(store.traces.linkTracesToRun([tid(40)], 'no-such-run'), 'RESOURCE_DOES_NOT_EXIST', 'no-such-run');
      await rejectsWith(store.traces.linkTracesToRun([tid(40), tid(49)], run), 'RESOURCE_DOES_NOT_EXIST', tid(49));
      await rejectsWith(
        store.traces.linkTracesToRun(
          Array.from({ length: 101 }, (_, i) => tid(1000 + i)),
          run,
        ),
        'INVALID_PARAMETER_VALUE',
        '100',
      );
    });
  });

  describe('deleteTraces', () => {
    let exp: string;
    let other: string;
    before(async () => {
      exp = await store.createExperiment({ name: 'traces-delete' });
      other = await store.createExperiment({ name: 'traces-delete-other' });
      for (let i = 1; i <= 5; i++) await store.traces.startTrace(info(50 + i, exp, { request_time: T + i }));
      await store.traces.logSpans(exp, [span({ trace: 51, id: 1, name: 'root', start: ms(T + 1), durMs: 1 })]);
      await store.traces.setTraceTag(tid(51), { key: 'k', value: 'v' });
    });

    it('validates its arguments as MLflow does', async () => {
      await rejectsWith(store.traces.deleteTraces({ experimentId: exp }), 'INVALID_PARAMETER_VALUE', 'max_timestamp_millis');
      await rejectsWith(store.traces.deleteTraces({ experimentId: exp, maxTimestampMillis: T, traceIds: [tid(51)] }), 'INVALID_PARAMETER_VALUE', 'Only one');
      await rejectsWith(store.traces.deleteTraces({ experimentId: exp, traceIds: [tid(51)], maxTraces: 1 }), 'INVALID_PARAMETER_VALUE', 'max_traces');
      await rejectsWith(store.traces.deleteTraces({ experimentId: exp, maxTimestampMillis: T, maxTraces: 0 }), 'INVALID_PARAMETER_VALUE', 'positive');
    });

    it('deletes by ids within the experiment, with spans, tags, metadata and assessments', async () => {
      const a = await store.traces.createAssessment({
        assessment_name: 'ok',
        trace_id: tid(51),
        source: { source_type: 'CODE', source_id: 'check' },
        feedback: { value: 1 },
      });
      assert.equal(await store.traces.deleteTraces({ experimentId: other, traceIds: [tid(51)] }), 0);
      assert.equal(await store.traces.deleteTraces({ experimentId: exp, traceIds: [tid(51), 'tr-unknown'] }), 1);
      await rejectsWith(store.traces.getTraceInfo(tid(51)), 'RESOURCE_DOES_NOT_EXIST');
      await rejectsWith(store.traces.getAssessment(tid(51), a.assessment_id), 'RESOURCE_DOES_NOT_EXIST');
      // The same id can start over: nothing of the old trace survives.
      await store.traces.logSpans(exp, [span({ trace: 51, id: 2, name: 'fresh', start: ms(T + 9), durMs: 1 })]);
      const again = await store.traces.getTraceInfo(tid(51));
      assert.deepEqual((await store.traces.getSpans(tid(51))).map((s) => s.name), ['fresh']);
      assert.equal(again.tags.k, undefined);
      assert.deepEqual(again.assessments, []);
      assert.equal(await store.traces.deleteTraces({ experimentId: exp, traceIds: [tid(51)] }), 1);
    });

    it('deletes the oldest traces up to max_traces, then all up to the timestamp', async () => {
      assert.equal(await store.traces.deleteTraces({ experimentId: exp, maxTimestampMillis: T + 4, maxTraces: 2 }), 2);
      const left = (await store.traces.searchTraces({ experimentIds: [exp] })).items.map((t) => t.trace_id);
      assert.deepEqual(left, [tid(55), tid(54)]);
      assert.equal(await store.traces.deleteTraces({ experimentId: exp, maxTimestampMillis: T + 4 }), 1);
      assert.deepEqual((await store.traces.searchTraces({ experimentIds: [exp] })).items.map((t) => t.trace_id), [tid(55)]);
      assert.equal(await store.traces.deleteTraces({ experimentId: exp, maxTimestampMillis: T }), 0);
    });
  });

  describe('assessments', () => {
    let exp: string;
    before(async () => {
      exp = await store.createExperiment({ name: 'traces-assess' });
      await store.traces.startTrace(info(60, exp));
    });

    it('creates, reads, updates with a field mask and deletes', async () => {
      const created = await store.traces.createAssessment({
        assessment_name: 'correctness',
        trace_id: tid(60),
        span_id: sid(1),
        source: { source_type: 'LLM_JUDGE', source_id: 'gpt' },
        feedback: { value: 'yes' },
        rationale: 'matches',
        metadata: { run: 'a' },
      });
      assert.match(created.assessment_id, /^a-[0-9a-f]{32}$/);
      assert.ok(created.create_time_ms > 0 && created.last_update_time_ms === created.create_time_ms);
      assert.equal(created.valid, true);
      assert.deepEqual(await store.traces.getAssessment(tid(60), created.assessment_id), created);
      assert.deepEqual((await store.traces.getTraceInfo(tid(60))).assessments, [created]);

      const updated = await store.traces.updateAssessment(
        tid(60),
        created.assessment_id,
        { feedback: { value: 'no' }, rationale: 'ignored', metadata: { extra: 'b' }, assessment_name: 'ignored too' },
        ['feedback', 'metadata'],
      );
      assert.deepEqual(updated.feedback, { value: 'no' });
      assert.equal(updated.rationale, 'matches');
      assert.equal(updated.assessment_name, 'correctness');
      assert.deepEqual(updated.metadata, { run: 'a', extra: 'b' });
      assert.equal(updated.source.source_id, 'gpt');
      assert.equal(updated.span_id, sid(1));
      assert.equal(updated.create_time_ms, created.create_time_ms);
      assert.ok(updated.last_update_time_ms >= created.last_update_time_ms);
      assert.deepEqual(await store.traces.getAssessment(tid(60), created.assessment_id), updated);

      const renamed = await store.traces.updateAssessment(tid(60), created.assessment_id, { assessment_name: 'accuracy', rationale: 'second look' }, ['assessment_name', 'rationale']);
      assert.equal(renamed.assessment_name, 'accuracy');
      assert.equal(renamed.rationale, 'second look');

      await store.traces.deleteAssessment(tid(60), created.assessment_id);
      await rejectsWith(store.traces.getAssessment(tid(60), created.assessment_id), 'RESOURCE_DOES_NOT_EXIST', created.assessment_id);
      // Deleting again is a no-op, as in MLflow.
      await store.traces.deleteAssessment(tid(60), created.assessment_id);
    });

    it('rejects bad input and mismatched updates', async () => {
      const base = { assessment_name: 'x', trace_id: tid(60), source: { source_type: 'HUMAN' as const, source_id: 'bob' } };
      await rejectsWith(store.traces.createAssessment({ ...base }), 'INVALID_PARAMETER_VALUE', 'feedback');
      await rejectsWith(store.traces.createAssessment({ ...base, feedback: { value: 1 }, expectation: { value: 2 } }), 'INVALID_PARAMETER_VALUE', 'exactly one');
      await rejectsWith(store.traces.createAssessment({ ...base, assessment_name: '', feedback: { value: 1 } }), 'INVALID_PARAMETER_VALUE', 'assessment_name');
      await rejectsWith(store.traces.createAssessment({ ...base, source: { source_type: 'ROBOT' as 'HUMAN', source_id: 'x' }, feedback: { value: 1 } }), 'INVALID_PARAMETER_VALUE', 'ROBOT');
      await rejectsWith(store.traces.createAssessment({ ...base, trace_id: tid(69), feedback: { value: 1 } }), 'RESOURCE_DOES_NOT_EXIST', tid(69));

      const expectation = await store.traces.createAssessment({ ...base, expectation: { value: 42 } });
      await rejectsWith(store.traces.updateAssessment(tid(60), expectation.assessment_id, { feedback: { value: 1 } }, ['feedback']), 'INVALID_PARAMETER_VALUE', 'Expectation');
      await rejectsWith(store.traces.updateAssessment(tid(60), expectation.assessment_id, {}, ['source']), 'INVALID_PARAMETER_VALUE', 'source');
      await rejectsWith(store.traces.updateAssessment(tid(60), expectation.assessment_id, {}, []), 'INVALID_PARAMETER_VALUE', 'update_mask');
      const changed = await store.traces.updateAssessment(tid(60), expectation.assessment_id, { expectation: { value: 43 } }, ['expectation']);
      assert.deepEqual(changed.expectation, { value: 43 });
    });

    it('404s with MLflow\'s messages for a missing trace or assessment', async () => {
      await rejectsWith(store.traces.getAssessment(tid(69), 'a-1'), 'RESOURCE_DOES_NOT_EXIST', `Trace with request_id '${tid(69)}' not found`);
      await rejectsWith(store.traces.getAssessment(tid(60), 'a-1'), 'RESOURCE_DOES_NOT_EXIST', "Assessment with ID 'a-1' not found for trace");
      await rejectsWith(store.traces.updateAssessment(tid(60), 'a-1', { rationale: 'r' }, ['rationale']), 'RESOURCE_DOES_NOT_EXIST', 'a-1');
      await rejectsWith(store.traces.deleteAssessment(tid(69), 'a-1'), 'RESOURCE_DOES_NOT_EXIST', tid(69));
    });

    it('an override invalidates the original until the override is deleted', async () => {
      const source = { source_type: 'HUMAN' as const, source_id: 'carol' };
      const original = await store.traces.createAssessment({ assessment_name: 'tone', trace_id: tid(60), source, feedback: { value: 'rude' } });
      await rejectsWith(
        store.traces.createAssessment({ assessment_name: 'tone', trace_id: tid(60), source, feedback: { value: 'fine' }, overrides: 'a-missing' }),
        'RESOURCE_DOES_NOT_EXIST',
        'a-missing',
      );
      const override = await store.traces.createAssessment({ assessment_name: 'tone', trace_id: tid(60), source, feedback: { value: 'fine' }, overrides: original.assessment_id });
      assert.equal(override.overrides, original.assessment_id);
      assert.equal((await store.traces.getAssessment(tid(60), original.assessment_id)).valid, false);
      await store.traces.deleteAssessment(tid(60), override.assessment_id);
      assert.equal((await store.traces.getAssessment(tid(60), original.assessment_id)).valid, true);
    });
  });
}
