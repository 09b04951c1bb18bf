/**
 * Prompt templates: `{{name}}` substitution only (no code, no filters), unicode throughout,
 * non-string values as JSON, and errors that name the missing variable, the row and the template.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TemplateError, buildMessages, compileTemplate, renderTemplate, templateVariables } from '../../src/evaluate/prompt.ts';
import type { EvalRow } from '../../src/evaluate/types.ts';

function thrown(fn: () => unknown): TemplateError {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof TemplateError, String(err));
    return err;
  }
  assert.fail('expected a TemplateError');
}

describe('renderTemplate', () => {
  const cases: { name: string; template: string; values: Record<string, unknown>; want: string }[] = [
    { name: 'a plain placeholder', template: 'Q: {{question}}', values: { question: 'why?' }, want: 'Q: why?' },
    { name: 'spaces inside the braces', template: '{{ question }}|{{  question}}', values: { question: 'x' }, want: 'x|x' },
    { name: 'the same placeholder twice', template: '{{a}}+{{a}}={{b}}', values: { a: 1, b: 2 }, want: '1+1=2' },
    { name: 'names with digits, _, . and -', template: '{{col_1}} {{input.q}} {{my-col}}', values: { col_1: 'a', 'input.q': 'b', 'my-col': 'c' }, want: 'a b c' },
    { name: 'unicode names and values', template: '「{{質問}}」→ {{réponse}} {{emoji}}', values: { 質問: '東京はどこ?', réponse: 'Zürich', emoji: '👩‍👩‍👧' }, want: '「東京はどこ?」→ Zürich 👩‍👩‍👧' },
    { name: 'combining marks kept as written', template: '{{w}}', values: { w: 'e\u0301' }, want: 'e\u0301' },
    { name: 'numbers, booleans and null as JSON', template: '{{n}} {{f}} {{t}} {{z}}', values: { n: 42, f: 0.5, t: false, z: null }, want: '42 0.5 false null' },
    { name: 'structures as JSON', template: '{{o}} {{l}}', values: { o: { a: [1, 'ü'] }, l: [] }, want: '{"a":[1,"ü"]} []' },
    { name: 'replacement patterns in values stay literal', template: '{{v}}', values: { v: "$& $1 $$ $'" }, want: "$& $1 $$ $'" },
    { name: 'a value holding a placeholder is not expanded again', template: '{{a}}', values: { a: '{{b}}', b: 'no' }, want: '{{b}}' },
    { name: 'braces that hold no name stay as text', template: '{{}} {{ a b }} {"k": {"n": 1}} {{{x}}}', values: { x: 'X' }, want: '{{}} {{ a b }} {"k": {"n": 1}} {X}' },
    { name: 'no placeholders', template: 'plain text ✓', values: {}, want: 'plain text ✓' },
  ];
  for (const c of cases) {
    it(c.name, () => assert.equal(renderTemplate(c.template, c.values), c.want));
  }

  it('names a missing variable and the values it had', () => {
    const err = thrown(() => renderTemplate('{{question}} {{context}}', { question: 'q', other: 1 }));
    assert.equal(err.variable, 'context');
    assert.match(err.message, /no value for \{\{context\}\}; values given: question, other\./);
  });

  it('treats undefined as missing but null as a value', () => {
    assert.equal(thrown(() => renderTemplate('{{a}}', { a: undefined })).variable, 'a');
    assert.equal(renderTemplate('{{a}}', { a: null }), 'null');
  });

  it('never reaches JavaScript properties the values do not own', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      assert.equal(thrown(() => renderTemplate(`{{${name}}}`, {})).variable, name);
    }
  });
});

describe('templateVariables', () => {
  it('lists each name once, in order of first appearance', () => {
    assert.deepEqual(templateVariables('{{b}} {{ a }} {{b}} {{ö.x-1}} {{ not a name }}'), ['b', 'a', 'ö.x-1']);
    assert.deepEqual(templateVariables('none'), []);
  });

  it('renders a compiled template many times', () => {
    const t = compileTemplate('<{{x}}>');
    assert.deepEqual([1, 'two', null].map((x) => t.render(() => x)), ['<1>', '<two>', '<null>']);
  });
});

describe('buildMessages', () => {
  const row: EvalRow = { index: 3, inputs: { question: 'Hauptstadt von Österreich?', lang: 'de', meta: { level: 2 } }, expected: 'Wien' };

  it('sends a prompt as one user message', () => {
    assert.deepEqual(buildMessages({ prompt: 'Q ({{lang}}): {{question}}' }, row), [{ role: 'user', content: 'Q (de): Hauptstadt von Österreich?' }]);
  });

  it('renders every message of a messages list, keeping the roles', () => {
    const messages = [
      { role: 'system' as const, content: 'Answer in {{lang}}. Level {{meta}}.' },
      { role: 'user' as const, content: '{{question}}' },
      { role: 'assistant' as const, content: 'Understood.' },
    ];
    assert.deepEqual(buildMessages({ messages }, row), [
      { role: 'system', content: 'Answer in de. Level {"level":2}.' },
      { role: 'user', content: 'Hauptstadt von Österreich?' },
      { role: 'assistant', content: 'Understood.' },
    ]);
  });

  it('knows {{expected}} and {{input.column}}', () => {
    assert.deepEqual(buildMessages({ prompt: '{{input.question}} = {{expected}}' }, row), [{ role: 'user', content: 'Hauptstadt von Österreich? = Wien' }]);
  });

  it('names the row, the column, the template and the columns there are when a column is missing', () => {
    const err = thrown(() => buildMessages({ messages: [{ role: 'system', content: 'hi' }, { role: 'user', content: '{{questoin}}' }] }, row));
    assert.equal(err.variable, 'questoin');
    assert.equal(
      err.message,
      'row 3 has no column "questoin", which messages[1].content uses as {{questoin}}. Did you mean "question"? The row\'s columns: question, lang, meta, expected.',
    );
  });

  it('refuses a suite without prompt or messages', () => {
    assert.match(thrown(() => buildMessages({}, row)).message, /no prompt or messages/);
  });
});
