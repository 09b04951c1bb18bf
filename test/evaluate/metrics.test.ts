/**
 * Dataset-level metrics against values computed by hand from small confusion matrices and
 * residuals (scikit-learn's definitions, zero_division=0).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findScorerType, ScorerConfigError } from '../../src/evaluate/scorers/index.ts';
import type { AggregateMetric, PredictionPair } from '../../src/evaluate/types.ts';

function metric(type: string): AggregateMetric {
  const found = findScorerType(type);
  assert.ok(found?.kind === 'aggregate', `${type} is an aggregate metric`);
  return found.metric;
}

/** compute() after the suite loader's parse, as evaluation calls it. */
function compute(type: string, pairs: readonly PredictionPair[], options: Record<string, unknown> = {}): Record<string, number> {
  const m = metric(type);
  return m.compute(pairs, m.optionsSchema.parse(options));
}

const pairsOf = (expected: readonly unknown[], predicted: readonly unknown[]): PredictionPair[] =>
  expected.map((e, i) => ({ expected: e, predicted: predicted[i] }));

function assertClose(got: Record<string, number>, want: Record<string, number>): void {
  assert.deepEqual(Object.keys(got).sort(), Object.keys(want).sort());
  for (const [name, value] of Object.entries(want)) assert.ok(Math.abs(got[name]! - value) < 1e-12, `${name}: ${got[name]}, want ${value}`);
}

describe('classification, multiclass', () => {
  // Confusion (rows: expected, columns: predicted), labels in order cat, dog, bird:
  //        cat dog bird
  //   cat   2   1   0      cat:  TP 2, FP 0, FN 1 → P 1,   R 2/3, F1 4/5
  //   dog   0   1   1      dog:  TP 1, FP 1, FN 1 → P 1/2, R 1/2, F1 1/2
  //   bird  0   0   1      bird: TP 1, FP 1, FN 0 → P 1/2, R 1,   F1 2/3
  // micro: TP 4, FP 2, FN 2 → P = R = F1 = 4/6; accuracy 4/6.
  const pairs = pairsOf(['cat', 'cat', 'cat', 'dog', 'dog', 'bird'], ['cat', 'dog', 'cat', 'dog', 'bird', 'bird']);

  it('accuracy', () => assertClose(compute('accuracy', pairs), { accuracy: 4 / 6, 'accuracy/excluded': 0 }));

  it('macro averages by default', () => {
    assertClose(compute('precision', pairs), { 'precision/macro': (1 + 1 / 2 + 1 / 2) / 3, 'precision/excluded': 0 });
    assertClose(compute('recall', pairs), { 'recall/macro': (2 / 3 + 1 / 2 + 1) / 3, 'recall/excluded': 0 });
    assertClose(compute('f1', pairs), { 'f1/macro': (4 / 5 + 1 / 2 + 2 / 3) / 3, 'f1/excluded': 0 });
  });

  it('micro pools the counts (= accuracy for single-label data)', () => {
    for (const type of ['precision', 'recall', 'f1']) assertClose(compute(type, pairs, { average: 'micro' }), { [`${type}/micro`]: 4 / 6, [`${type}/excluded`]: 0 });
  });

  it('a label only ever predicted counts in the macro mean with zero precision and recall', () => {
    // a: TP 1, FN 1 → P 1, R 1/2, F1 2/3; b (never expected): FP 1 → P 0, R 0 (0/0), F1 0.
    const p = pairsOf(['a', 'a'], ['a', 'b']);
    assertClose(compute('precision', p), { 'precision/macro': 1 / 2, 'precision/excluded': 0 });
    assertClose(compute('recall', p), { 'recall/macro': 1 / 4, 'recall/excluded': 0 });
    assertClose(compute('f1', p), { 'f1/macro': 1 / 3, 'f1/excluded': 0 });
  });

  it('refuses binary averaging over more than two labels', () => {
    assert.throws(() => compute('f1', pairs, { average: 'binary', pos_label: 'cat' }), (e: unknown) => e instanceof ScorerConfigError && /at most two labels, the data has 3.*macro or micro/.test(e.message));
  });

  it('macro with a pos_label over three labels (binary only fits two)', () => {
    assertClose(compute('f1', pairs, { pos_label: 'cat' }), { 'f1/macro': (4 / 5 + 1 / 2 + 2 / 3) / 3, 'f1/excluded': 0 });
  });
});

describe('classification, binary', () => {
  // pos yes: TP 2 (rows 0, 4), FN 1 (row 1), FP 1 (row 2) → P = R = F1 = 2/3.
  // no:      TP 1 (row 3), FN 1 (row 2), FP 1 (row 1)  → P = R = F1 = 1/2.
  const pairs = pairsOf(['yes', 'yes', 'no', 'no', 'yes'], ['yes', 'no', 'yes', 'no', 'yes']);

  it('binary by default with a pos_label and two labels', () => {
    assertClose(compute('precision', pairs, { pos_label: 'yes' }), { 'precision/binary': 2 / 3, 'precision/excluded': 0 });
    assertClose(compute('f1', pairs, { pos_label: 'no' }), { 'f1/binary': 1 / 2, 'f1/excluded': 0 });
  });

  it('macro without a pos_label', () => assertClose(compute('f1', pairs), { 'f1/macro': (2 / 3 + 1 / 2) / 2, 'f1/excluded': 0 }));

  it('a positive class never predicted nor expected has zero scores (zero_division=0)', () => {
    const allNo = pairsOf(['no', 'no'], ['no', 'no']);
    assertClose(compute('recall', allNo, { average: 'binary', pos_label: 'yes' }), { 'recall/binary': 0, 'recall/excluded': 0 });
  });

  it('binary needs pos_label, and pos_label must be a label', () => {
    const parsed = metric('f1').optionsSchema.safeParse({ average: 'binary' });
    assert.ok(!parsed.success && parsed.error.issues.some((i) => i.path.join('.') === 'pos_label' && /needs pos_label/.test(i.message)));
    assert.throws(() => compute('f1', pairs, { average: 'binary', pos_label: 'maybe' }), (e: unknown) => e instanceof ScorerConfigError && /'maybe' is not one of the labels/.test(e.message));
  });

  it('compares labels as trimmed text', () => {
    const mixed = pairsOf([1, ' 0', true, 'x'], ['1 ', 0, 'true', ' x\n']);
    assertClose(compute('accuracy', mixed), { accuracy: 1, 'accuracy/excluded': 0 });
    assertClose(compute('f1', pairsOf([1, 0, 1], ['1', '1', 0]), { pos_label: 1 }), { 'f1/binary': 1 / 2, 'f1/excluded': 0 });
  });

  it('leaves out pairs without an expected label and counts them; a missing prediction is wrong', () => {
    const p: PredictionPair[] = [...pairsOf(['yes', 'no'], ['yes', undefined]), { expected: undefined, predicted: 'yes' }, { expected: null, predicted: 'no' }];
    assertClose(compute('accuracy', p), { accuracy: 1 / 2, 'accuracy/excluded': 2 });
  });

  it('no pairs: only the excluded count', () => {
    assertClose(compute('accuracy', []), { 'accuracy/excluded': 0 });
    assertClose(compute('f1', [{ expected: undefined, predicted: 'a' }]), { 'f1/excluded': 1 });
  });

  it('Unicode labels', () => assertClose(compute('accuracy', pairsOf(['caf\u00e9', '猫'], ['cafe\u0301', '犬'])), { accuracy: 1 / 2, 'accuracy/excluded': 0 }));
});

describe('regression', () => {
  // scikit-learn's documentation example: MSE 0.375, MAE 0.5, R² 0.9486081370449679.
  const pairs = pairsOf([3, -0.5, 2, 7], [2.5, 0.0, 2, 8]);

  it('rmse, mae and r2', () => {
    assertClose(compute('rmse', pairs), { rmse: Math.sqrt(0.375), 'rmse/excluded': 0 });
    assertClose(compute('mae', pairs), { mae: 0.5, 'mae/excluded': 0 });
    assertClose(compute('r2', pairs), { r2: 0.9486081370449679, 'r2/excluded': 0 });
  });

  it('parses numeric text and leaves out (and counts) what is not a number', () => {
    const noisy: PredictionPair[] = [
      ...pairsOf(['3', ' -0.5 ', 2, 7], ['2.5', 0, ' 2', '8e0']),
      { expected: 1, predicted: 'about 3' },
      { expected: 1, predicted: Number.NaN },
      { expected: 1, predicted: '' },
      { expected: 'n/a', predicted: 1 },
      { expected: 1, predicted: null },
    ];
    assertClose(compute('rmse', noisy), { rmse: Math.sqrt(0.375), 'rmse/excluded': 5 });
    assertClose(compute('r2', noisy), { r2: 0.9486081370449679, 'r2/excluded': 5 });
  });

  it('r2 of constant expected values: 1 when perfect, else 0 (force_finite)', () => {
    assertClose(compute('r2', pairsOf([2, 2], [2, 2])), { r2: 1, 'r2/excluded': 0 });
    assertClose(compute('r2', pairsOf([2, 2], [2, 3])), { r2: 0, 'r2/excluded': 0 });
  });

  it('r2 is not defined for one pair; nothing is for none', () => {
    assertClose(compute('r2', pairsOf([2], [3])), { 'r2/excluded': 0 });
    assertClose(compute('rmse', pairsOf([2], [3])), { rmse: 1, 'rmse/excluded': 0 });
    assertClose(compute('mae', pairsOf(['x'], [3])), { 'mae/excluded': 1 });
  });

  it('a bad model has negative r2', () => assertClose(compute('r2', pairsOf([1, 2, 3], [3, 2, 1])), { r2: 1 - 8 / 2, 'r2/excluded': 0 }));
});

describe('directions', () => {
  it('scores up, errors and exclusions down', () => {
    assert.equal(metric('accuracy').greaterIsBetter('accuracy'), true);
    assert.equal(metric('accuracy').greaterIsBetter('accuracy/excluded'), false);
    assert.equal(metric('f1').greaterIsBetter('f1/macro'), true);
    assert.equal(metric('f1').greaterIsBetter('f1/excluded'), false);
    assert.equal(metric('rmse').greaterIsBetter('rmse'), false);
    assert.equal(metric('mae').greaterIsBetter('mae'), false);
    assert.equal(metric('r2').greaterIsBetter('r2'), true);
    assert.equal(metric('r2').greaterIsBetter('r2/excluded'), false);
  });
});
