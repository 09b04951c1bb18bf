import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { recordedGatesSchema, recordedGatesTag, type GateResult } from '../../src/report/gates/index.ts';
import { MLFLOW_LIMITS } from '../../src/mlflow/limits.ts';

const result = (source: string, kind: GateResult['kind']): GateResult => ({ source, kind, status: 'fail', left: 0.5, right: 0.7, comparisons: [] });

describe('recorded gates (the mlflow_ts.gates tag)', () => {
  it('round-trips text, status, numbers and kind', () => {
    const parsed = recordedGatesSchema.parse(JSON.parse(recordedGatesTag([result('a >= 0.7', 'threshold'), result('b <= baseline', 'regression')])));
    assert.deepEqual(parsed, [
      { gate: 'a >= 0.7', status: 'fail', left: 0.5, right: 0.7, kind: 'threshold' },
      { gate: 'b <= baseline', status: 'fail', left: 0.5, right: 0.7, kind: 'regression' },
    ]);
  });

  it("is cut to MLflow's tag-value limit, marked, and then no longer parses", () => {
    const many = Array.from({ length: 400 }, (_, i) => result(`metric_${i} >= 0.7`, 'threshold'));
    const tag = recordedGatesTag(many);
    assert.ok(tag.length <= MLFLOW_LIMITS.maxRunTagValueLength);
    assert.ok(tag.endsWith('…(truncated)'));
    assert.throws(() => JSON.parse(tag));
  });
});
