import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { renderTraceTree } from '../src/cli/trace-tree.ts';
import type { SpanWire } from '../src/client/index.ts';

const span = (id: string, parent: string | undefined, name: string, startMs: number, endMs: number, extra: Partial<SpanWire> = {}): SpanWire => ({
  trace_id: 'AAAA',
  span_id: id,
  ...(parent ? { parent_span_id: parent } : {}),
  name,
  start_time_unix_nano: (BigInt(1_795_447_854_000 + startMs) * 1_000_000n).toString(),
  end_time_unix_nano: (BigInt(1_795_447_854_000 + endMs) * 1_000_000n).toString(),
  status: { code: 'STATUS_CODE_OK' },
  ...extra,
});

describe('renderTraceTree', () => {
  it('nests children under parents in start order, with type, duration and status', () => {
    const out = renderTraceTree({
      trace_info: { trace_id: 'tr-1', state: 'ERROR', execution_duration: '0.171s', request_time: '2026-11-23T15:30:54.350Z', trace_location: { type: 'MLFLOW_EXPERIMENT', mlflow_experiment: { experiment_id: '9' } } },
      spans: [
        span('c2', 'root', 'generate', 30, 170, { status: { code: 'STATUS_CODE_ERROR', message: 'boom' }, attributes: [{ key: 'mlflow.spanType', value: { string_value: '"LLM"' } }] }),
        span('root', undefined, 'pipeline', 0, 171, { attributes: [{ key: 'mlflow.spanType', value: { string_value: 'CHAIN' } }] }),
        span('c1', 'root', 'retrieve', 1, 21),
        span('g1', 'c1', 'embed', 2, 4),
      ],
    });
    assert.equal(
      out,
      [
        'tr-1  ERROR  0.171s  (experiment 9, 2026-11-23T15:30:54.350Z)',
        'pipeline [CHAIN]  171.0 ms  OK',
        '├─ retrieve  20.0 ms  OK',
        '│  └─ embed  2.0 ms  OK',
        '└─ generate [LLM]  140.0 ms  ERROR: boom',
      ].join('\n'),
    );
  });

  it('shows orphans at the top and says when no spans are stored', () => {
    const orphan = renderTraceTree({ trace_info: { trace_id: 'tr-2' }, spans: [span('x', 'missing-parent', 'late child', 0, 1500)] });
    assert.match(orphan, /\nlate child {2}1\.50 s {2}OK$/);
    assert.match(renderTraceTree({ trace_info: { trace_id: 'tr-3' }, spans: [] }), /no spans stored/);
  });
});
