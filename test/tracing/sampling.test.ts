/**
 * Sampling: decided once per trace at its root (children and remote fragments follow), rates
 * 0, 1 and 0.5 (statistically), and the slow-trace rule under a controlled clock.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { InMemoryTraceExporter, extract, flushTraces, init, trace, withRemoteParent, withSpan, type InitOptions } from '../../src/tracing/index.ts';

function setup(options: Partial<InitOptions>): InMemoryTraceExporter {
  const exporter = new InMemoryTraceExporter();
  init({ exporter, configFile: false, handleSignals: false, maxQueueSize: 10_000, ...options });
  return exporter;
}

const leaf = trace(function leaf(i: number) {
  return i;
});
const root = trace(function root(i: number) {
  return leaf(i) + leaf(i + 1);
});

describe('sampling rate', () => {
  it('rate 1 exports every trace, rate 0 none', async () => {
    let exporter = setup({ samplingRate: 1 });
    for (let i = 0; i < 200; i++) root(i);
    await flushTraces();
    assert.equal(exporter.traces.length, 200);

    exporter = setup({ samplingRate: 0 });
    for (let i = 0; i < 200; i++) root(i);
    await flushTraces();
    assert.equal(exporter.traces.length, 0);
  });

  it('rate 0.5 exports about half of 2000 traces, each whole', async () => {
    const exporter = setup({ samplingRate: 0.5 });
    const n = 2000;
    for (let i = 0; i < n; i++) root(i);
    await flushTraces();
    const kept = exporter.traces.length;
    // Binomial(2000, 0.5): sd ≈ 22.4; ±6 sd fails by chance about once in 10^9 runs.
    assert.ok(kept > 866 && kept < 1134, `kept ${kept} of ${n}`);
    for (const t of exporter.traces) {
      assert.equal(t.data.spans.length, 3, 'children follow the root decision');
      assert.deepEqual(JSON.parse(t.info.traceMetadata['mlflow.trace.sampling']!), { rate: 0.5, sampled: true });
    }
  });

  it('draws once per trace, at the root', async () => {
    let draws = 0;
    const values = [0.1, 0.9, 0.2, 0.95];
    const exporter = setup({ samplingRate: 0.5, random: () => values[draws++ % values.length]! });
    for (let i = 0; i < 4; i++) root(i);
    await flushTraces();
    assert.equal(draws, 4, 'one draw per root, none for children');
    assert.deepEqual(exporter.traces.map((t) => (t.data.spans[0]!.inputs as { i: number }).i), [0, 2]);
  });

  it('a remote fragment follows the caller\'s sampled flag, not the local rate', async () => {
    const exporter = setup({ samplingRate: 0 });
    const parent = '0af7651916cd43dd8448eb211c80319c';
    withRemoteParent({ traceparent: `00-${parent}-b7ad6b7169203331-01` }, () => root(1));
    await flushTraces();
    assert.equal(exporter.traces.length, 1);
    assert.equal(exporter.traces[0]!.traceId, `tr-${parent}`);
    assert.ok(exporter.traces[0]!.isFragment);

    const exporter2 = setup({ samplingRate: 1 });
    withRemoteParent(extract({ traceparent: `00-${parent}-b7ad6b7169203331-00` }), () => root(2));
    await flushTraces();
    assert.equal(exporter2.traces.length, 0);
  });
});

describe('slow threshold', () => {
  /** A clock the test advances by hand: no real waiting. */
  function manualClock(): { clock: () => bigint; advanceMs: (ms: number) => void } {
    let now = 1_800_000_000_000_000_000n;
    return { clock: () => now, advanceMs: (ms) => (now += BigInt(ms) * 1_000_000n) };
  }

  it('exports a sampled-out trace that took longer than the threshold, tagged slow', async () => {
    const { clock, advanceMs } = manualClock();
    const exporter = setup({ samplingRate: 0, slowThresholdMs: 1000, clock });
    withSpan(() => advanceMs(999), { name: 'fast' });
    withSpan(() => advanceMs(1000), { name: 'at-threshold' });
    withSpan(() => {
      withSpan(() => advanceMs(1500), { name: 'slow-child' });
      advanceMs(1);
    }, { name: 'slow' });
    await flushTraces();
    assert.deepEqual(exporter.traces.map((t) => t.info.tags['mlflow.traceName']), ['slow']);
    const t = exporter.traces[0]!;
    assert.equal(t.info.tags['mlflow.trace.slow'], 'true');
    assert.equal(t.info.executionDuration, 1501);
    assert.equal(t.data.spans.length, 2, 'the whole trace is kept, children included');
    assert.deepEqual(JSON.parse(t.info.traceMetadata['mlflow.trace.sampling']!), { rate: 0, sampled: false, kept: 'slow', slow_threshold_ms: 1000 });
  });

  it('tags slow sampled-in traces too, and leaves fast ones untagged', async () => {
    const { clock, advanceMs } = manualClock();
    const exporter = setup({ samplingRate: 1, slowThresholdMs: 50, clock });
    withSpan(() => advanceMs(10), { name: 'fast' });
    withSpan(() => advanceMs(60), { name: 'slow' });
    await flushTraces();
    const [fast, slow] = exporter.traces;
    assert.equal(fast!.info.tags['mlflow.trace.slow'], undefined);
    assert.equal(slow!.info.tags['mlflow.trace.slow'], 'true');
    assert.equal(fast!.info.traceMetadata['mlflow.trace.sampling'], undefined, 'rate 1 adds no sampling metadata');
  });
});
