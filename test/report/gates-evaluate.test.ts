import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateGates, formatGateTable, parseGates, summarize, type GateContext, type GateResult, type MetricValue } from '../../src/report/gates/index.ts';

type Values = Record<string, number | MetricValue>;
const ctx = (current: Values, baseline: Values = {}): GateContext => {
  const read = (values: Values) => (name: string): MetricValue | undefined => {
    const v = values[name];
    return typeof v === 'number' ? { value: v } : v;
  };
  return { current: read(current), baseline: read(baseline) };
};
const run = (text: string, current: Values, baseline?: Values, missing?: 'fail' | 'skip'): GateResult[] =>
  evaluateGates(parseGates(text), ctx(current, baseline), missing ? { missing } : {});
const status = (text: string, current: Values, baseline?: Values): string => run(text, current, baseline)[0]!.status;

describe('evaluateGates', () => {
  it('judges every comparison operator both ways, bounds inclusive only for >=, <=, ==', () => {
    const table: [string, number, 'pass' | 'fail'][] = [
      ['x >= 1', 1.5, 'pass'], ['x >= 1', 1, 'pass'], ['x >= 1', 0.5, 'fail'],
      ['x > 1', 1.5, 'pass'], ['x > 1', 1, 'fail'], ['x > 1', 0.5, 'fail'],
      ['x <= 1', 0.5, 'pass'], ['x <= 1', 1, 'pass'], ['x <= 1', 1.5, 'fail'],
      ['x < 1', 0.5, 'pass'], ['x < 1', 1, 'fail'], ['x < 1', 1.5, 'fail'],
      ['x == 1', 1, 'pass'], ['x == 1', 1.5, 'fail'],
      ['x != 1', 1.5, 'pass'], ['x != 1', 1, 'fail'],
    ];
    for (const [text, x, expected] of table) assert.equal(status(text, { x }), expected, `${text} with x = ${x}`);
  });

  it('reports the computed sides, the kind and the source as written', () => {
    const [threshold, regression] = run('acc >= 0.9\nloss <= baseline*1.10', { acc: 0.95, loss: 0.6 }, { loss: 0.5 });
    assert.deepEqual(
      { ...threshold },
      { source: 'acc >= 0.9', kind: 'threshold', status: 'pass', left: 0.95, right: 0.9, comparisons: [{ source: 'acc >= 0.9', status: 'pass', left: 0.95, right: 0.9 }] },
    );
    assert.equal(regression!.source, 'loss <= baseline*1.10');
    assert.equal(regression!.kind, 'regression');
    assert.equal(regression!.status, 'fail');
    assert.equal(regression!.left, 0.6);
    assert.ok(Math.abs(regression!.right! - 0.55) < 1e-12);
    assert.equal(regression!.reason, '0.6 <= 0.55 does not hold');
  });

  it('treats a bound off by rounding as met (0.88 >= 0.8 * 1.1), but not a real miss', () => {
    assert.equal(0.8 * 1.1 > 0.88, true);
    assert.equal(status('acc >= baseline * 1.1', { acc: 0.88 }, { acc: 0.8 }), 'pass');
    assert.equal(status('acc > baseline * 1.1', { acc: 0.88 }, { acc: 0.8 }), 'fail');
    assert.equal(status('acc >= baseline * 1.1', { acc: 0.879999999 }, { acc: 0.8 }), 'fail');
    assert.equal(status('acc == 0.3', { acc: 0.1 + 0.2 }), 'pass');
  });

  it('skips a regression gate when the baseline is missing, and says which value', () => {
    const [r] = run('[run=train] loss <= baseline + 0.01', { loss: 0.3 }, {});
    assert.equal(r!.status, 'skipped');
    assert.equal(r!.kind, 'regression');
    assert.equal(r!.reason, 'no baseline value for [run=train] loss');
    assert.deepEqual(r!.missing, [{ side: 'baseline', name: 'loss', scope: { kind: 'run', name: 'train' } }]);
    assert.equal(r!.left, undefined);
  });

  it('fails a gate whose current metric is missing, or skips it with missing: skip', () => {
    const [failed] = run('eval.correctness/pass_rate >= 0.8', {});
    assert.equal(failed!.status, 'fail');
    assert.equal(failed!.reason, 'no value for metric eval.correctness/pass_rate');
    assert.deepEqual(failed!.missing, [{ side: 'current', name: 'correctness/pass_rate', scope: { kind: 'eval' } }]);
    const [skipped] = run('eval.correctness/pass_rate >= 0.8', {}, {}, 'skip');
    assert.equal(skipped!.status, 'skipped');
    // Missing both: the missing current metric decides.
    assert.equal(status('x >= baseline', {}, {}), 'fail');
    // Negation cannot turn a missing metric into a pass.
    assert.equal(status('not (x >= 1)', {}), 'fail');
    // Each comparison that reads the missing metric says so; the gate lists it once.
    const [both] = run('x >= 1 or x <= -1', {});
    assert.deepEqual(both!.comparisons.map((c) => [c.status, c.reason]), [['fail', 'no value for metric x'], ['fail', 'no value for metric x']]);
    assert.deepEqual(both!.missing, [{ side: 'current', name: 'x' }]);
    assert.equal(both!.status, 'fail');
  });

  it('passes the run selector to the context', () => {
    const asked: string[] = [];
    evaluateGates(parseGates('[entry_point=train] a >= baseline(b) and eval.c > 0 and [run=x] d > 0'), {
      current: (name, scope) => (asked.push(`current ${name} ${JSON.stringify(scope)}`), { value: 1 }),
      baseline: (name, scope) => (asked.push(`baseline ${name} ${JSON.stringify(scope)}`), { value: 1 }),
    });
    assert.deepEqual(asked, [
      'current a {"kind":"entry_point","name":"train"}',
      'baseline b {"kind":"entry_point","name":"train"}',
      'current c {"kind":"eval"}',
      'current d {"kind":"run","name":"x"}',
    ]);
  });

  it('never passes NaN, not even negated or compared with !=', () => {
    for (const text of ['x >= 0', 'x <= 0', 'x != 1', 'not (x >= 0)', 'not (x < 0)', 'x - baseline >= 0', '(x - baseline) / baseline >= 0']) {
      const [r] = run(text, { x: NaN }, { x: 1 });
      assert.equal(r!.status, 'fail', text);
      assert.match(r!.reason!, /NaN/, text);
    }
    assert.equal(status('(x - baseline) / baseline >= 0.1', { x: 0 }, { x: 0 }), 'fail');
    assert.equal(status('x >= baseline', { x: 1 }, { x: NaN }), 'fail');
  });

  it('combines with and/or/not, a skipped part staying unknown until another part decides', () => {
    const base = { a: 1 };
    assert.equal(status('a >= 1 and b >= 1', { a: 1, b: 1 }), 'pass');
    assert.equal(status('a >= 1 and b >= 1', { a: 1, b: 0 }), 'fail');
    assert.equal(status('a >= 1 or b >= 1', { a: 0, b: 1 }), 'pass');
    assert.equal(status('a >= 1 or b >= 1', { a: 0, b: 0 }), 'fail');
    assert.equal(status('not (a >= 1)', { a: 0 }), 'pass');
    assert.equal(status('not (a >= 1)', { a: 1 }), 'fail');
    // c has no baseline: unknown.
    assert.equal(status('c >= baseline and a >= 1', { a: 1, c: 1 }, base), 'skipped');
    assert.equal(status('c >= baseline and a >= 1', { a: 0, c: 1 }, base), 'fail');
    assert.equal(status('c >= baseline or a >= 1', { a: 1, c: 1 }, base), 'pass');
    assert.equal(status('c >= baseline or a >= 1', { a: 0, c: 1 }, base), 'skipped');
    assert.equal(status('not (c >= baseline)', { c: 1 }, base), 'skipped');
    const [r] = run('a >= 1 and (b >= 1 or c >= 2)', { a: 1, b: 0, c: 1 });
    assert.equal(r!.reason, 'b >= 1: 0 >= 1 does not hold; c >= 2: 1 >= 2 does not hold');
    assert.equal(r!.left, undefined);
    assert.deepEqual(
      r!.comparisons.map((c) => [c.source, c.status, c.left, c.right]),
      [['a >= 1', 'pass', 1, 1], ['b >= 1', 'fail', 0, 1], ['c >= 2', 'fail', 1, 2]],
    );
    assert.equal(run('not (a >= 1)', { a: 2 })[0]!.reason, 'a >= 1 holds');
  });

  describe('noise-aware comparisons (if significant)', () => {
    const gate = 'acc >= baseline * 1.1 if significant';
    const baseline = { acc: 0.5 }; // bound 0.55

    it('passes, marked not significant, when the point estimate misses but the interval straddles the bound', () => {
      const [r] = run(gate, { acc: { value: 0.53, ci: { low: 0.5, high: 0.57 } } }, baseline);
      assert.equal(r!.status, 'pass');
      assert.equal(r!.notSignificant, true);
      assert.deepEqual(r!.leftCi, { low: 0.5, high: 0.57 });
      assert.match(r!.reason!, /^not significant: 0\.53 >= 0\.55 fails on the point estimates, but the interval \[0\.5, 0\.57\] vs 0\.55 reaches the bound$/);
    });

    it('fails when the whole interval is below the bound, and the plain comparison fails on the point either way', () => {
      const [r] = run(gate, { acc: { value: 0.52, ci: { low: 0.5, high: 0.54 } } }, baseline);
      assert.equal(r!.status, 'fail');
      assert.equal(r!.notSignificant, undefined);
      assert.match(r!.reason!, /whole interval \[0\.5, 0\.54\]/);
      assert.equal(status('acc >= baseline * 1.1', { acc: { value: 0.53, ci: { low: 0.5, high: 0.57 } } }, baseline), 'fail');
    });

    it('judges > at the bound as failing and >= at the bound as reaching it', () => {
      const atBound = { acc: { value: 0.5, ci: { low: 0.45, high: 0.55 } } };
      assert.equal(status(gate, atBound, baseline), 'pass');
      assert.equal(status('acc > baseline * 1.1 if significant', atBound, baseline), 'fail');
    });

    it('looks at the low end for <= and <', () => {
      const latency = { lat: { value: 120, ci: { low: 95, high: 140 } } };
      assert.deepEqual([status('lat <= 100 if significant', latency), status('lat < 95 if significant', latency), status('lat <= 94 if significant', latency)], ['pass', 'fail', 'fail']);
      assert.equal(run('lat <= 100 if significant', latency)[0]!.notSignificant, true);
    });

    it('carries the interval through arithmetic, flipping it where the sign does', () => {
      const current = { acc: { value: 0.53, ci: { low: 0.5, high: 0.57 } } };
      const [r] = run('(acc - baseline) / baseline >= 0.1 if significant', current, baseline);
      assert.equal(r!.status, 'pass');
      assert.equal(r!.notSignificant, true);
      assert.ok(Math.abs(r!.leftCi!.low - 0) < 1e-12 && Math.abs(r!.leftCi!.high - 0.14) < 1e-12);
      // Negative baseline: dividing flips the interval, so the low end of acc decides.
      assert.equal(status('(acc - baseline) / baseline >= 0.1 if significant', { acc: { value: -10.5, ci: { low: -11.2, high: -10.2 } } }, { acc: -10 }), 'pass');
      assert.equal(status('(acc - baseline) / baseline >= 0.1 if significant', { acc: { value: -10.5, ci: { low: -10.9, high: -10.2 } } }, { acc: -10 }), 'fail');
      assert.equal(status('-acc <= -0.55 if significant', current), 'pass');
    });

    it('passes a clear pass without any mark, and judges a metric without interval on its point', () => {
      const [clear] = run(gate, { acc: { value: 0.6, ci: { low: 0.5, high: 0.7 } } }, baseline);
      assert.deepEqual([clear!.status, clear!.notSignificant, clear!.reason], ['pass', undefined, undefined]);
      assert.equal(status(gate, { acc: 0.54 }, baseline), 'fail');
    });

    it('uses intervals on both sides when both hold current metrics, and ignores the baseline\'s own interval', () => {
      const current = { a: { value: 0.5, ci: { low: 0.4, high: 0.6 } }, b: { value: 0.7, ci: { low: 0.58, high: 0.8 } } };
      assert.equal(status('a >= b if significant', current), 'pass');
      assert.equal(status('a >= b if significant', { ...current, b: { value: 0.7, ci: { low: 0.65, high: 0.8 } } }), 'fail');
      assert.equal(status('a >= baseline if significant', { a: 0.5 }, { a: { value: 0.7, ci: { low: 0.3, high: 0.9 } } }), 'fail');
    });

    it('marks an and/or by the parts that decided it', () => {
      const current = { acc: { value: 0.53, ci: { low: 0.5, high: 0.57 } }, f1: 0.9 };
      assert.equal(run(`${gate} and f1 >= 0.8`, current, baseline)[0]!.notSignificant, true);
      assert.equal(run(`${gate} or f1 >= 0.8`, current, baseline)[0]!.notSignificant, undefined);
    });
  });
});

describe('summarize', () => {
  const results = run('acc >= 0.9\nloss <= baseline\nf1 >= baseline\nrecall >= 0.5', { acc: 0.5, loss: 2, f1: 1, recall: 0.7 }, { loss: 1 });
  // acc: threshold fail; loss: regression fail; f1: regression skipped; recall: threshold pass.

  it('threshold fails on any failed gate', () => {
    const s = summarize(results, 'threshold');
    assert.equal(s.passed, false);
    assert.deepEqual(s.failed.map((r) => r.source), ['acc >= 0.9', 'loss <= baseline']);
  });

  it('regression fails only on failed regression gates', () => {
    const s = summarize(results, 'regression');
    assert.equal(s.passed, false);
    assert.deepEqual(s.failed.map((r) => r.source), ['loss <= baseline']);
    assert.equal(summarize(results.filter((r) => r.kind === 'threshold'), 'regression').passed, true);
  });

  it('never never fails, and skipped gates never fail', () => {
    assert.deepEqual(summarize(results, 'never'), { passed: true, failed: [] });
    assert.equal(summarize(results.filter((r) => r.status !== 'fail'), 'threshold').passed, true);
    assert.deepEqual(summarize([], 'threshold'), { passed: true, failed: [] });
  });
});

describe('formatGateTable', () => {
  it('lists failures first, then skipped gates, then passes, with value, bound and note', () => {
    const results = run(
      'recall >= 0.5\nacc >= baseline * 1.1 if significant\nloss <= baseline\nacc >= 0.9',
      { acc: { value: 0.53, ci: { low: 0.5, high: 0.57 } }, recall: 0.7, loss: 0.3 },
      { acc: 0.5 },
    );
    assert.equal(
      formatGateTable(results),
      [
        'result   kind        gate                                  value             bound  note',
        '-------  ----------  ------------------------------------  ----------------  -----  ' + '-'.repeat(114),
        'FAIL     threshold   acc >= 0.9                            0.53 [0.5, 0.57]  0.9    0.53 >= 0.9 does not hold',
        'skipped  regression  loss <= baseline                                               no baseline value for loss',
        'pass     threshold   recall >= 0.5                         0.7               0.5',
        'pass*    regression  acc >= baseline * 1.1 if significant  0.53 [0.5, 0.57]  0.55   not significant: 0.53 >= 0.55 fails on the point estimates, but the interval [0.5, 0.57] vs 0.55 reaches the bound',
        '* passed although the point estimate misses the bound: the confidence interval reaches it (not significant)',
        '',
      ].join('\n'),
    );
  });

  it('prints enough digits to tell a value from its bound', () => {
    const [r] = run('x >= 0.3', { x: 0.29999999 });
    assert.match(formatGateTable([r!]), /0\.29999999 +0\.3 /);
    assert.equal(formatGateTable([]), '(no gates)\n');
  });
});
