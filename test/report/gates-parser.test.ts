import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatCondition, gateSchema, GateSyntaxError, parseGates, type Condition, type Operand, type RunScope } from '../../src/report/gates/index.ts';

const m = (name: string, scope?: RunScope): Operand => ({ type: 'metric', name, ...(scope ? { scope } : {}) });
const b = (name: string, scope?: RunScope): Operand => ({ type: 'baseline', name, ...(scope ? { scope } : {}) });
const n = (value: number): Operand => ({ type: 'number', value });
const bin = (op: '+' | '-' | '*' | '/', left: Operand, right: Operand): Operand => ({ type: 'binary', op, left, right });
const cmp = (left: Operand, op: '>=' | '>' | '<=' | '<' | '==' | '!=', right: Operand, noise?: 'ci'): Condition => ({ type: 'compare', op, left, right, ...(noise ? { noise } : {}) });
const one = (text: string): Condition => {
  const gates = parseGates(text);
  assert.equal(gates.length, 1, `one gate in ${text}`);
  return gates[0]!.condition;
};

describe('parseGates: valid forms', () => {
  const cases: [string, Condition][] = [
    ['accuracy >= 0.9', cmp(m('accuracy'), '>=', n(0.9))],
    ['loss <= baseline + 0.01', cmp(m('loss'), '<=', bin('+', b('loss'), n(0.01)))],
    ['latency_ms/p95 < baseline * 1.10', cmp(m('latency_ms/p95'), '<', bin('*', b('latency_ms/p95'), n(1.1)))],
    ['eval.correctness/pass_rate >= 0.8', cmp(m('correctness/pass_rate', { kind: 'eval' }), '>=', n(0.8))],
    ['[eval=gpt-4o] eval.correctness/mean > 0.5', cmp(m('correctness/mean', { kind: 'eval', name: 'gpt-4o' }), '>', n(0.5))],
    ['[run=train] accuracy >= baseline * 1.1', cmp(m('accuracy', { kind: 'run', name: 'train' }), '>=', bin('*', b('accuracy', { kind: 'run', name: 'train' }), n(1.1)))],
    ['[entry_point=`my ep`] rmse != 0', cmp(m('rmse', { kind: 'entry_point', name: 'my ep' }), '!=', n(0))],
    ['[eval] `score` == 1', cmp(m('score', { kind: 'eval' }), '==', n(1))],
    ['[run=x] eval.score > a', cmp(m('score', { kind: 'eval' }), '>', m('a', { kind: 'run', name: 'x' }))],
    ['a > [eval=gpt] eval.score', cmp(m('a'), '>', m('score', { kind: 'eval', name: 'gpt' }))],
    ['accuracy >= [run=prod] accuracy', cmp(m('accuracy'), '>=', m('accuracy', { kind: 'run', name: 'prod' }))],
    ['[run=a] x >= [run=b] x', cmp(m('x', { kind: 'run', name: 'a' }), '>=', m('x', { kind: 'run', name: 'b' }))],
    ['`my metric` > 1e-3', cmp(m('my metric'), '>', n(0.001))],
    ['`a``b` > .5', cmp(m('a`b'), '>', n(0.5))],
    ['`eval.loss` < 1E+2', cmp(m('eval.loss'), '<', n(100))],
    ['`and` >= 1', cmp(m('and'), '>=', n(1))],
    ['val-acc:top_1.x >= -0.5', cmp(m('val-acc:top_1.x'), '>=', n(-0.5))],
    ['précision >= 0.9', cmp(m('précision'), '>=', n(0.9))],
    ['loss <= -baseline', cmp(m('loss'), '<=', { type: 'neg', operand: b('loss') })],
    ['f1 >= baseline(accuracy)', cmp(m('f1'), '>=', b('accuracy'))],
    ['baseline(accuracy) <= 0.99', cmp(b('accuracy'), '<=', n(0.99))],
    ['[run=t] f1 - baseline(accuracy) >= 0', cmp(bin('-', m('f1', { kind: 'run', name: 't' }), b('accuracy', { kind: 'run', name: 't' })), '>=', n(0))],
    ['accuracy >= baseline * 1.1 if significant', cmp(m('accuracy'), '>=', bin('*', b('accuracy'), n(1.1)), 'ci')],
    ['(accuracy - baseline) / baseline >= 0.1', cmp(bin('/', bin('-', m('accuracy'), b('accuracy')), b('accuracy')), '>=', n(0.1))],
    ['2/4 < a', cmp(bin('/', n(2), n(4)), '<', m('a'))],
  ];
  for (const [text, expected] of cases) {
    it(text, () => assert.deepEqual(one(text), expected));
  }

  it('splits gates on new lines, ";" and "," and skips comments, blank lines and CRLF', () => {
    const gates = parseGates('# gates\r\n\r\naccuracy >= 0.9 # floor\r\n;; loss <= 1, f1 > 0.5;\n\n  # done\n');
    assert.deepEqual(
      gates.map((g) => g.source),
      ['accuracy >= 0.9', 'loss <= 1', 'f1 > 0.5'],
    );
    assert.deepEqual(parseGates(''), []);
    assert.deepEqual(parseGates('  # only a comment'), []);
  });

  it('continues a gate across lines inside parentheses, and keeps the source as written minus comments', () => {
    const [gate] = parseGates('(accuracy >= 0.9   # first\n   or f1 >= 0.8)\nloss<=baseline*1.10');
    assert.equal(gate!.source, '(accuracy >= 0.9 or f1 >= 0.8)');
    assert.deepEqual(gate!.condition, { type: 'or', conditions: [cmp(m('accuracy'), '>=', n(0.9)), cmp(m('f1'), '>=', n(0.8))] });
    assert.equal(parseGates('a >= 1\nloss<=baseline*1.10')[1]!.source, 'loss<=baseline*1.10');
  });

  it('every parsed gate is a valid stored tree (schema round trip through JSON)', () => {
    for (const gate of parseGates(cases.map(([t]) => t).join('\n'))) {
      assert.deepEqual(gateSchema.parse(JSON.parse(JSON.stringify(gate))), gate);
    }
  });
});

describe('parseGates: precedence', () => {
  it('and binds tighter than or, not tighter than and', () => {
    assert.deepEqual(one('a >= 1 or b >= 1 and not c >= 1'), {
      type: 'or',
      conditions: [cmp(m('a'), '>=', n(1)), { type: 'and', conditions: [cmp(m('b'), '>=', n(1)), { type: 'not', condition: cmp(m('c'), '>=', n(1)) }] }],
    });
    assert.deepEqual(one('not a >= 1 and b >= 1'), { type: 'and', conditions: [{ type: 'not', condition: cmp(m('a'), '>=', n(1)) }, cmp(m('b'), '>=', n(1))] });
  });

  it('collects a run of the same connective into one node, but keeps parenthesized groups', () => {
    const [x, y, z] = ['x', 'y', 'z'].map((v) => cmp(m(v), '>', n(0)));
    assert.deepEqual(one('x > 0 and y > 0 and z > 0'), { type: 'and', conditions: [x, y, z] });
    assert.deepEqual(one('(x > 0 and y > 0) and z > 0'), { type: 'and', conditions: [{ type: 'and', conditions: [x, y] }, z] });
    assert.deepEqual(one('(x > 0 or y > 0) and z > 0'), { type: 'and', conditions: [{ type: 'or', conditions: [x, y] }, z] });
  });

  it('* and / bind tighter than + and -, all left-associative; unary minus binds tightest', () => {
    assert.deepEqual(one('a + b * c >= 1'), cmp(bin('+', m('a'), bin('*', m('b'), m('c'))), '>=', n(1)));
    assert.deepEqual(one('a - b - c >= 1'), cmp(bin('-', bin('-', m('a'), m('b')), m('c')), '>=', n(1)));
    assert.deepEqual(one('a / b / c >= 1'), cmp(bin('/', bin('/', m('a'), m('b')), m('c')), '>=', n(1)));
    assert.deepEqual(one('(a + b) * 2 >= 1'), cmp(bin('*', bin('+', m('a'), m('b')), n(2)), '>=', n(1)));
    assert.deepEqual(one('-a * b >= 1'), cmp(bin('*', { type: 'neg', operand: m('a') }, m('b')), '>=', n(1)));
    assert.deepEqual(one('a - -2 >= -(3)'), cmp(bin('-', m('a'), n(-2)), '>=', { type: 'neg', operand: n(3) }));
  });

  it('if significant belongs to its own comparison', () => {
    assert.deepEqual(one('a >= 1 if significant and b >= 2'), { type: 'and', conditions: [cmp(m('a'), '>=', n(1), 'ci'), cmp(m('b'), '>=', n(2))] });
  });
});

describe('parseGates: errors', () => {
  const errors: { text: string; line: number; column: number; token: string; expected?: string; hint?: RegExp }[] = [
    { text: 'accuracy >=', line: 1, column: 12, token: 'end of input', expected: 'a metric name' },
    { text: 'accuracy >= 0.9\nloss <=\nf1 > 0', line: 2, column: 8, token: 'end of line', expected: 'a number' },
    { text: 'accuracy', line: 1, column: 9, token: 'end of input', expected: 'a comparison operator (>=, >, <=, <, ==, !=)', hint: /e\.g\. accuracy >= 0\.9/ },
    { text: 'accuracy 0.9', line: 1, column: 10, token: '"0.9"', expected: 'an arithmetic operator (+, -, *, /)' },
    { text: 'accuracy >= 90%', line: 1, column: 15, token: '"%"', hint: /baseline \* 1\.05/ },
    { text: 'a = 1', line: 1, column: 3, token: '"="', hint: /==/ },
    { text: 'a > 1 && b > 1', line: 1, column: 7, token: '"&"', expected: 'and' },
    { text: 'a > 1 || b > 1', line: 1, column: 7, token: '"|"', expected: 'or' },
    { text: '!(a > 1)', line: 1, column: 1, token: '"!"', hint: /not/ },
    { text: 'a > "x"', line: 1, column: 5, token: '"""', hint: /backquotes/ },
    { text: 'a > $x', line: 1, column: 5, token: '"$"', hint: /backquotes/ },
    { text: 'x >= `abc\n', line: 1, column: 6, token: '"`"', expected: 'a closing ` on the same line' },
    { text: 'x >= ``', line: 1, column: 6, token: '"``"', expected: 'a metric name between the backquotes' },
    { text: '5xx_rate < 0.01', line: 1, column: 2, token: '"x"', hint: /`5xx_rate`/ },
    { text: '[foo=1] a > 1', line: 1, column: 2, token: '"foo"', expected: '"run"' },
    { text: '[run] a > 1', line: 1, column: 5, token: '"]"', expected: '"="' },
    { text: '[run=a a > 1', line: 1, column: 8, token: '"a"', expected: '"]"' },
    { text: '[run=(] a > 1', line: 1, column: 6, token: '"("', expected: 'the run name' },
    { text: '(a > 1', line: 1, column: 7, token: 'end of input', expected: '")"' },
    { text: '(a + 1 >= 2', line: 1, column: 12, token: 'end of input', expected: '")"' },
    { text: 'a > 1)', line: 1, column: 6, token: '")"', expected: 'a new line' },
    { text: '0.5 < a < 1', line: 1, column: 9, token: '"<"', hint: /a >= 1 and a <= 2/ },
    { text: 'a >= 1 b >= 2', line: 1, column: 8, token: '"b"', hint: /own line/ },
    { text: 'a > 1 and 2', line: 1, column: 11, token: '"2"', expected: 'a comparison' },
    { text: 'not 2', line: 1, column: 5, token: '"2"', expected: 'a comparison' },
    { text: '(a > 1) + 1 >= 2', line: 1, column: 1, token: '"("', expected: 'a number or metric' },
    { text: 'x >= (a > 1)', line: 1, column: 6, token: '"("', expected: 'a number or metric' },
    { text: 'baseline > 1', line: 1, column: 1, token: '"baseline"', expected: 'baseline(<metric>)', hint: /no metric/ },
    { text: 'f1 >= baseline - accuracy', line: 1, column: 7, token: '"baseline"', expected: 'baseline(<metric>)', hint: /several metrics/ },
    { text: 'and >= 1', line: 1, column: 1, token: '"and"', hint: /`and`/ },
    { text: 'baseline(not) > 1', line: 1, column: 10, token: '"not"', hint: /keyword/ },
    { text: 'a > baseline-0.01', line: 1, column: 5, token: '"baseline-0.01"', hint: /spaces around/ },
    { text: 'a > [run=x] eval.score', line: 1, column: 13, token: '"eval.score"', hint: /cannot also be read from \[run=x\]/ },
    { text: 'a > 1 if sure', line: 1, column: 10, token: '"sure"', expected: '"significant"' },
    { text: 'a > 1;  b >', line: 1, column: 12, token: 'end of input', expected: 'a number' },
    { text: 'a >\n  1', line: 1, column: 4, token: 'end of line', expected: 'a number' },
  ];
  for (const e of errors) {
    it(JSON.stringify(e.text), () => {
      assert.throws(
        () => parseGates(e.text),
        (err: unknown) => {
          assert.ok(err instanceof GateSyntaxError, String(err));
          assert.deepEqual({ line: err.line, column: err.column, token: err.token }, { line: e.line, column: e.column, token: e.token });
          if (e.expected) assert.ok(err.expected.includes(e.expected), `expected list ${JSON.stringify(err.expected)} lacks ${e.expected}`);
          if (e.hint) assert.match(err.hint ?? '', e.hint);
          return true;
        },
      );
    });
  }

  it('the message names the place and shows the line with a caret under the token', () => {
    let err: unknown;
    try {
      parseGates('accuracy >= 0.9\nloss <= baseline +* 2');
    } catch (e) {
      err = e;
    }
    assert.ok(err instanceof GateSyntaxError);
    assert.equal(
      err.message,
      'Gate syntax error at line 2, column 19: expected a number, a metric name, "baseline" or "(", found "*".\n  loss <= baseline +* 2\n                    ^',
    );
  });
});

describe('formatCondition', () => {
  it('writes scopes once for the gate, eval. shorthand, bare baseline where unambiguous, minimal parentheses', () => {
    const train = { kind: 'run' as const, name: 'train' };
    assert.equal(formatCondition(cmp(m('acc', train), '>=', bin('*', b('acc', train), n(1.1)))), '[run=train] acc >= baseline * 1.1');
    assert.equal(formatCondition(cmp(m('c/mean', { kind: 'eval' }), '>=', n(0.8))), 'eval.c/mean >= 0.8');
    assert.equal(formatCondition(cmp(m('my metric', { kind: 'eval' }), '>=', m('x', { kind: 'eval' }))), '[eval] `my metric` >= x');
    assert.equal(formatCondition(cmp(m('f1'), '>=', b('accuracy'))), 'f1 >= baseline(accuracy)');
    assert.equal(formatCondition(cmp(bin('-', m('a'), bin('-', m('b'), m('c'))), '<', bin('*', bin('+', m('a'), n(1)), n(2)))), 'a - (b - c) < (a + 1) * 2');
    assert.equal(formatCondition({ type: 'not', condition: cmp(m('a'), '>', n(1), 'ci') }), 'not (a > 1 if significant)');
  });

  it('never starts a gate with a selector that is not meant for the whole gate', () => {
    const cond = cmp(m('x y', { kind: 'eval' }), '>=', m('z'));
    assert.deepEqual(one(formatCondition(cond)), cond);
  });

  // Any tree the printer writes parses back into the same tree.
  const scopes: (RunScope | undefined)[] = [undefined, { kind: 'run', name: 'train' }, { kind: 'eval' }, { kind: 'eval', name: 'gpt-4o' }, { kind: 'entry_point', name: 'my ep' }];
  const names = ['accuracy', 'latency_ms/p95', 'my metric', 'a`b', 'and', 'eval.x', 'eval.', '5xx', 'baseline-1', 'if', 'significant'];
  const ref = fc.record({ name: fc.constantFrom(...names), scope: fc.constantFrom(...scopes) }).map(({ name, scope }) => ({ name, ...(scope ? { scope } : {}) }));
  const tree = fc.letrec<{ operand: Operand; condition: Condition }>((tie) => ({
    operand: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      ref.map((r): Operand => ({ type: 'metric', ...r })),
      ref.map((r): Operand => ({ type: 'baseline', ...r })),
      fc.double({ noNaN: true, noDefaultInfinity: true }).filter((v) => !Object.is(v, -0)).map((value): Operand => ({ type: 'number', value })),
      fc.record({ op: fc.constantFrom('+', '-', '*', '/'), left: tie('operand'), right: tie('operand') }).map((o): Operand => ({ type: 'binary', ...o })),
      tie('operand').map((operand): Operand => ({ type: 'neg', operand })),
    ),
    condition: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.record({ op: fc.constantFrom('>=', '>', '<=', '<', '==', '!='), left: tie('operand'), right: tie('operand'), significant: fc.boolean() }).map(({ significant, ...c }): Condition => ({ type: 'compare', ...c, ...(significant ? { noise: 'ci' as const } : {}) })),
      fc.array(tie('condition'), { minLength: 2, maxLength: 3 }).map((conditions): Condition => ({ type: 'and', conditions })),
      fc.array(tie('condition'), { minLength: 2, maxLength: 3 }).map((conditions): Condition => ({ type: 'or', conditions })),
      tie('condition').map((condition): Condition => ({ type: 'not', condition })),
    ),
  }));

  it('round-trips: parseGates(formatCondition(tree)) gives the tree back', () => {
    fc.assert(
      fc.property(tree.condition, (condition) => {
        const text = formatCondition(condition);
        assert.deepEqual(one(text), condition, text);
      }),
      { numRuns: 500 },
    );
  });
});
