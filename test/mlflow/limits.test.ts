import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isValidEntityKey } from '../../src/mlflow/limits.ts';

describe('isValidEntityKey (MLflow _validate_metric_name / _validate_param_name)', () => {
  // MLflow's pattern uses Python's \w, which matches letters and digits of every script.
  for (const key of ['accuracy', 'eval/f1 macro', 'a-b.c:d', 'größe', 'точность', '精度', 'x٣']) {
    it(`accepts ${JSON.stringify(key)}`, () => assert.equal(isValidEntityKey(key), true));
  }
  for (const key of ['', 'a,b', 'a@b', 'emoji🙂', '../up', '/abs', 'a//b', 'x'.repeat(251)]) {
    it(`rejects ${JSON.stringify(key)}`, () => assert.equal(isValidEntityKey(key), false));
  }
});
