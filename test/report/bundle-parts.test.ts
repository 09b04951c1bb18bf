/**
 * The bundle's pure parts: trace summaries (percentiles, tokens and cost from spans or metadata,
 * cache hits), the eval section (caps, per-scorer summary), credential scrubbing, the wire
 * spelling of non-finite values and the run content hash.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  MAX_EVAL_ROWS,
  emptyTraceSummary,
  evalSection,
  parseBundle,
  runContentHash,
  scrubber,
  serializeBundle,
  stripUrlCredentials,
  summarizeTraces,
  type Bundle,
  type BundleRun,
} from '../../src/report/bundle/index.ts';

describe('summarizeTraces', () => {
  it('gives trace and per-span-name latency percentiles (linear interpolation)', () => {
    const s = summarizeTraces([
      { durationMs: 100, spans: [{ name: 'llm', durationMs: 10 }, { name: 'tool', durationMs: 1 }] },
      { durationMs: 200, spans: [{ name: 'llm', durationMs: 20 }] },
      { durationMs: 300, spans: [{ name: 'llm', durationMs: 30 }, { name: 'llm', durationMs: undefined }] },
      { durationMs: 400 },
    ]);
    assert.equal(s.count, 4);
    assert.equal(s.span_traces, 3);
    assert.deepEqual(s.latency_ms, { p50: 250, p95: 385 });
    assert.deepEqual(s.spans, { llm: { count: 4, p50_ms: 20, p95_ms: 29 }, tool: { count: 1, p50_ms: 1, p95_ms: 1 } });
  });

  it('takes tokens and cost from the spans when read, from the trace metadata otherwise', () => {
    const s = summarizeTraces([
      // Spans read: their sums count, the metadata (which may lag behind late spans) does not.
      { tokens: { input: 999, output: 999, total: 1998 }, costUsd: 9, spans: [{ name: 'a', durationMs: 1, tokens: { input: 3, output: 2, total: 5 }, costUsd: 0.25 }, { name: 'b', durationMs: 1, tokens: { input: 1, output: 1, total: 2 } }] },
      // Spans read but none carries usage: the metadata counts.
      { tokens: { input: 10, output: 5, total: 15 }, costUsd: 0.5, spans: [{ name: 'c', durationMs: 1 }] },
      // Spans not read.
      { tokens: { input: 100, output: 50, total: 150 }, costUsd: 1 },
    ]);
    assert.deepEqual(s.tokens, { input: 114, output: 58, total: 172 });
    assert.equal(s.cost_usd, 1.75);
  });

  it('counts gateway cache hits and misses from the spans', () => {
    const s = summarizeTraces([{ spans: [{ name: 'gateway/chat', durationMs: 1, cacheHit: true }, { name: 'openai/gpt', durationMs: 1 }] }, { spans: [{ name: 'gateway/chat', durationMs: 1, cacheHit: false }, { name: 'gateway/chat', durationMs: 1, cacheHit: true }] }]);
    assert.deepEqual([s.cache_hits, s.cache_misses], [2, 1]);
  });

  it('is the empty summary for no traces', () => {
    assert.deepEqual(summarizeTraces([]), emptyTraceSummary());
  });
});

describe('evalSection', () => {
  const columns = ['row', 'output', 'judge/score', 'judge/passed', 'judge/error', 'exact/passed', 'input/error'];

  it('summarises every row per scorer and caps the table', () => {
    const rows = Array.from({ length: MAX_EVAL_ROWS + 10 }, (_, i) => [i, `o${i}`, i % 2, i % 2 === 1 ? 'yes' : 'no', null, true, null]);
    rows.push([-1, null, null, null, 'judge crashed', 'false', 'x']);
    const section = evalSection(JSON.stringify({ columns, data: rows }));
    assert.equal(section.total_rows, MAX_EVAL_ROWS + 11);
    assert.equal(section.table.data.length, MAX_EVAL_ROWS);
    assert.deepEqual(section.table.columns, columns);
    const half = (MAX_EVAL_ROWS + 10) / 2;
    assert.deepEqual(section.summary, {
      rows: MAX_EVAL_ROWS + 11,
      scorers: {
        judge: { n: MAX_EVAL_ROWS + 10, passed: half, failed: half, errors: 1, pass_rate: 0.5, mean: 0.5 },
        exact: { n: MAX_EVAL_ROWS + 11, passed: MAX_EVAL_ROWS + 10, failed: 1, errors: 0, pass_rate: (MAX_EVAL_ROWS + 10) / (MAX_EVAL_ROWS + 11), mean: null },
      },
    });
  });

  it('caps the table by size too, keeping at least one row', () => {
    const big = 'x'.repeat(1_500_000);
    const section = evalSection(JSON.stringify({ columns: ['row', 'output'], data: [[0, big], [1, big], [2, 'small']] }));
    assert.equal(section.table.data.length, 1);
    assert.equal(section.total_rows, 3);
  });

  it('refuses what is not a results table', () => {
    assert.throws(() => evalSection('[1, 2]'), /not a \{"columns", "data"\} table/);
    assert.throws(() => evalSection('{"columns": ['), /not JSON/);
  });
});

describe('credential scrubbing', () => {
  it('drops URL user info and masks secret query parameters', () => {
    assert.equal(stripUrlCredentials('https://user:pa55@host.example/x?y=1'), 'https://host.example/x?y=1');
    assert.equal(stripUrlCredentials('clone ghp_abc@github.com? no: git+https://ghp_abc@github.com/o/r.git'), 'clone ghp_abc@github.com? no: git+https://github.com/o/r.git');
    assert.equal(
      stripUrlCredentials('s3 https://b.s3.amazonaws.com/k?X-Amz-Credential=AKIA&X-Amz-Signature=deadbeef&versionId=3'),
      's3 https://b.s3.amazonaws.com/k?X-Amz-Credential=***&X-Amz-Signature=***&versionId=3',
    );
    assert.equal(stripUrlCredentials('https://api.example/v1?api_key=sk-123&model=x'), 'https://api.example/v1?api_key=***&model=x');
  });

  it('masks known secret values anywhere, ignoring values too short to be secrets', () => {
    const scrub = scrubber(['sk-live-1234567890', 'abc']);
    assert.equal(scrub('token sk-live-1234567890 and abc'), 'token *** and abc');
  });
});

function sampleRun(overrides: Partial<BundleRun> = {}): BundleRun {
  return {
    run_id: 'r1',
    experiment_name: 'e',
    run_name: 'n',
    status: 'FINISHED',
    start_time: 1,
    end_time: 2,
    params: { a: '1', b: '2' },
    tags: {},
    metrics: { m: [{ value: NaN, step: 0, timestamp: 1 }, { value: Infinity, step: 1, timestamp: 2 }, { value: -Infinity, step: 2, timestamp: 3 }] },
    inputs: [],
    artifacts: [],
    traces: emptyTraceSummary(),
    ...overrides,
  };
}

describe('wire form', () => {
  it('spells NaN and ±Infinity as MLflow does and reads them back as numbers', () => {
    const bundle: Bundle = { schema: 'mlflow-ts-bundle', version: 1, created_at: new Date(0).toISOString(), source: { tracking_uri: 'http://x' }, experiments: [], runs: [sampleRun()] };
    const text = serializeBundle(bundle);
    assert.ok(text.includes('{"value":"NaN","step":0,"timestamp":1},{"value":"Infinity","step":1,"timestamp":2},{"value":"-Infinity"'));
    assert.deepEqual(parseBundle(JSON.parse(text)), bundle);
    assert.throws(() => parseBundle(JSON.parse(text.replace('"NaN"', '"nan"'))), /layout/);
  });

  it('hashes a run by content, not by key order', () => {
    const a = sampleRun();
    const b = sampleRun({ params: { b: '2', a: '1' } });
    assert.equal(runContentHash(a), runContentHash(b));
    assert.notEqual(runContentHash(a), runContentHash(sampleRun({ params: { a: '1', b: '3' } })));
    assert.notEqual(runContentHash(a), runContentHash(sampleRun({ metrics: { m: [{ value: 0, step: 0, timestamp: 1 }] } })));
  });
});
