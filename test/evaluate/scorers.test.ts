/**
 * Row scorers, table-driven: each kind against ordinary rows and the edges (empty output, Unicode,
 * NaN, missing expected values), plus the registry, option validation, the LLM judge's strict
 * parsing and embedding similarity against fake gateway services, and custom scorer modules.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { findScorerType, SCORER_TYPES, ScorerConfigError } from '../../src/evaluate/scorers/index.ts';
import {
  ScorerError,
  type ChatMessage,
  type Score,
  type ScoreContext,
  type Scorer,
  type ScorerModule,
  type ScorerServices,
  type TokenCounts,
} from '../../src/evaluate/types.ts';

const FIXTURES = fileURLToPath(new URL('./fixtures/scorers/', import.meta.url));

interface RowCase {
  output?: string;
  /** The target's answer as a value; default the output text. */
  value?: unknown;
  expected?: unknown;
  inputs?: Record<string, unknown>;
  latencyMs?: number;
  usage?: TokenCounts;
  costUsd?: number;
}

const NO_SERVICES: ScorerServices = {
  chat: () => Promise.reject(new Error('this scorer should not chat')),
  embed: () => Promise.reject(new Error('this scorer should not embed')),
};

function rowModule(type: string): ScorerModule {
  const found = findScorerType(type);
  assert.ok(found?.kind === 'row', `${type} is a row scorer`);
  return found.module;
}

async function makeScorer(type: string, options: Record<string, unknown> = {}, name = type): Promise<Scorer> {
  const module = rowModule(type);
  return module.create(name, module.optionsSchema.parse(options), { baseDir: FIXTURES });
}

function contextFor(row: RowCase, services: ScorerServices = NO_SERVICES): ScoreContext {
  const output = row.output ?? '';
  return {
    row: { index: 7, inputs: row.inputs ?? {}, expected: row.expected },
    output: { text: output, value: 'value' in row ? row.value : output, latencyMs: row.latencyMs ?? 12, usage: row.usage, costUsd: row.costUsd },
    services,
    signal: new AbortController().signal,
  };
}

interface Want {
  value?: number | null;
  passed?: boolean;
  rationale?: RegExp;
  /** The row fails with a ScorerError whose message matches. */
  error?: RegExp;
}

interface Case {
  name: string;
  options?: Record<string, unknown>;
  row: RowCase;
  want: Want;
}

function assertScore(got: Score, want: Want): void {
  if ('value' in want) {
    if (typeof want.value === 'number' && typeof got.value === 'number') assert.ok(Math.abs(got.value - want.value) < 1e-9, `value ${got.value}, want ${want.value}`);
    else assert.equal(got.value, want.value);
  }
  // An absent `passed` in the table means "no verdict", not "anything".
  assert.equal(got.passed, want.passed, `passed ${got.passed}, want ${want.passed}`);
  if (want.rationale) assert.match(got.rationale ?? '', want.rationale);
}

async function check(type: string, c: Case, services?: ScorerServices): Promise<void> {
  const scorer = await makeScorer(type, c.options);
  const pending = Promise.resolve().then(() => scorer.score(contextFor(c.row, services)));
  if (c.want.error) {
    await assert.rejects(pending, (e: unknown) => e instanceof ScorerError && c.want.error!.test(e.message));
    return;
  }
  assertScore(await pending, c.want);
}

function table(type: string, cases: readonly Case[], services?: () => ScorerServices): void {
  describe(type, () => {
    for (const c of cases) it(c.name, () => check(type, c, services?.()));
  });
}

/** Options that must be refused before any row: by the schema (naming `path`) or by create. */
async function assertConfigError(type: string, options: Record<string, unknown>, message: RegExp, path?: string): Promise<void> {
  const module = rowModule(type);
  const parsed = module.optionsSchema.safeParse(options);
  if (!parsed.success) {
    const text = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n');
    assert.match(text, message);
    if (path !== undefined) assert.ok(parsed.error.issues.some((i) => i.path.join('.') === path), `an issue at ${path}: ${text}`);
    return;
  }
  assert.equal(path, undefined, `options should fail the schema at ${path}`);
  await assert.rejects(
    Promise.resolve().then(() => module.create(type, parsed.data, { baseDir: FIXTURES })),
    (e: unknown) => e instanceof ScorerConfigError && message.test(e.message),
  );
}

describe('registry', () => {
  const rowTypes = ['exact_match', 'contains', 'icontains', 'regex', 'json_valid', 'json_schema', 'equals_number', 'levenshtein', 'rouge_l', 'embedding_similarity', 'llm_judge', 'latency_ms', 'tokens', 'cost', 'custom'];
  const aggregateTypes = ['accuracy', 'precision', 'recall', 'f1', 'rmse', 'mae', 'r2'];

  it('lists every scorer type once, and finds each under its own name', () => {
    assert.deepEqual([...SCORER_TYPES].sort(), [...rowTypes, ...aggregateTypes].sort());
    for (const type of rowTypes) assert.equal(rowModule(type).type, type);
    for (const type of aggregateTypes) {
      const found = findScorerType(type);
      assert.ok(found?.kind === 'aggregate');
      assert.equal(found.metric.type, type);
    }
    assert.equal(findScorerType('exactmatch'), undefined);
  });

  it('refuses unknown option keys for every kind (strict schemas)', () => {
    for (const type of SCORER_TYPES) {
      const found = findScorerType(type)!;
      const schema = found.kind === 'row' ? found.module.optionsSchema : found.metric.optionsSchema;
      const parsed = schema.safeParse({ bogus_option: 1 });
      assert.ok(!parsed.success, type);
      assert.ok(parsed.error.issues.some((i) => i.code === 'unrecognized_keys'), `${type}: ${parsed.error.message}`);
    }
  });

  it('tells the judge apart from code and cost-like scorers from the rest', () => {
    assert.equal(rowModule('llm_judge').source, 'LLM_JUDGE');
    for (const type of ['latency_ms', 'tokens', 'cost']) assert.equal(rowModule(type).greaterIsBetter, false, type);
    for (const type of ['exact_match', 'rouge_l', 'levenshtein']) assert.equal(rowModule(type).greaterIsBetter, true, type);
  });

  it('keeps create bound to its module when the method is passed around', async () => {
    // Detaching the method is the point of this test.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const { create } = rowModule('exact_match');
    const scorer = await create('em', { trim: true, case_sensitive: true }, { baseDir: FIXTURES });
    assert.equal(scorer.source, 'CODE');
    assert.equal(scorer.greaterIsBetter, true);
  });
});

table('exact_match', [
  { name: 'equal text', row: { output: 'Paris', expected: 'Paris' }, want: { value: 1, passed: true } },
  { name: 'surrounding whitespace trimmed by default', row: { output: '  Paris\n', expected: 'Paris' }, want: { value: 1, passed: true } },
  { name: 'trim: false keeps whitespace', options: { trim: false }, row: { output: 'Paris\n', expected: 'Paris' }, want: { value: 0, passed: false, rationale: /Paris/ } },
  { name: 'case-sensitive by default', row: { output: 'paris', expected: 'Paris' }, want: { value: 0, passed: false } },
  { name: 'case_sensitive: false', options: { case_sensitive: false }, row: { output: 'PARIS', expected: 'paris' }, want: { value: 1, passed: true } },
  { name: 'case folding beyond ASCII (ß = SS)', options: { case_sensitive: false }, row: { output: 'STRASSE', expected: 'Straße' }, want: { value: 1, passed: true } },
  { name: 'canonically equal Unicode (e + accent = é)', row: { output: 'cafe\u0301', expected: 'caf\u00e9' }, want: { value: 1, passed: true } },
  { name: 'empty output against a non-empty answer', row: { output: '', expected: 'Paris' }, want: { value: 0, passed: false } },
  { name: 'empty output against an empty answer', row: { output: '', expected: '' }, want: { value: 1, passed: true } },
  { name: 'numeric expected compared as text', row: { output: '42', expected: 42 }, want: { value: 1, passed: true } },
  { name: 'NaN as text equals NaN as text', row: { output: 'NaN', expected: Number.NaN }, want: { value: 1, passed: true } },
  { name: 'expected taken from another column', options: { expected: 'answer' }, row: { output: 'Rome', expected: 'Paris', inputs: { answer: 'Rome' } }, want: { value: 1, passed: true } },
  { name: 'a row without an expected value is an error', row: { output: 'Paris' }, want: { error: /no expected value.*'expected' column/ } },
  { name: 'a missing expected column is an error naming it', options: { expected: 'answer' }, row: { output: 'x', inputs: { question: 'q' } }, want: { error: /column 'answer'.*question/ } },
]);

const containsCases = (ignoreCase: boolean): Case[] => [
  { name: 'contains the expected answer', row: { output: 'The capital is Paris.', expected: 'Paris' }, want: { value: 1, passed: true } },
  { name: 'different case', row: { output: 'THE CAPITAL IS PARIS', expected: 'Paris' }, want: ignoreCase ? { value: 1, passed: true } : { value: 0, passed: false, rationale: /"Paris" not found/ } },
  { name: 'a literal value', options: { value: 'capital' }, row: { output: 'The capital is Paris.' }, want: { value: 1, passed: true } },
  { name: 'a {{column}} template', options: { value: 'is {{ city }}' }, row: { output: 'The capital is Rome.', inputs: { city: 'Rome' } }, want: { value: 1, passed: true } },
  { name: 'a {{input.column}} template', options: { value: '{{input.city}}' }, row: { output: 'Lisbon', inputs: { city: 'Rome' } }, want: { value: 0, passed: false } },
  { name: 'a template column the row lacks', options: { value: '{{town}}' }, row: { output: 'Rome', inputs: { city: 'Rome' } }, want: { error: /no column 'town'.*city/ } },
  { name: 'empty output', row: { output: '', expected: 'Paris' }, want: { value: 0, passed: false } },
  { name: 'an empty value to look for is an error, not a pass', row: { output: 'anything', expected: '' }, want: { error: /value to look for is empty/ } },
  { name: 'Unicode', row: { output: 'Die Straße ist lang', expected: ignoreCase ? 'STRASSE' : 'Straße' }, want: { value: 1, passed: true } },
];
table('contains', containsCases(false));
table('icontains', containsCases(true));

table('regex', [
  { name: 'matches', options: { pattern: '^\\d+$' }, row: { output: '12345' }, want: { value: 1, passed: true } },
  { name: 'does not match', options: { pattern: '^\\d+$' }, row: { output: '123a' }, want: { value: 0, passed: false, rationale: /no match for \/\^\\d\+\$\// } },
  { name: 'flags: i', options: { pattern: 'paris', flags: 'i' }, row: { output: 'PARIS' }, want: { value: 1, passed: true } },
  { name: 'Unicode property escapes with flags: u', options: { pattern: '^\\p{Script=Han}+$', flags: 'u' }, row: { output: '東京' }, want: { value: 1, passed: true } },
  { name: 'empty output', options: { pattern: '.' }, row: { output: '' }, want: { value: 0, passed: false } },
  { name: 'empty output matching ^$', options: { pattern: '^$' }, row: { output: '' }, want: { value: 1, passed: true } },
]);

describe('regex options', () => {
  it('refuses a pattern that does not compile, naming the pattern option', () => assertConfigError('regex', { pattern: '(unclosed' }, /not a valid regular expression/, 'pattern'));
  it('refuses stateful flags', () => assertConfigError('regex', { pattern: 'a', flags: 'g' }, /g and y/, 'flags'));
  it('refuses flags that do not go together', () => assertConfigError('regex', { pattern: 'a', flags: 'uv' }, /not a valid regular expression/, 'pattern'));
  it('gives the same verdict row after row (no lastIndex carried over)', async () => {
    const scorer = await makeScorer('regex', { pattern: 'a' });
    for (let i = 0; i < 3; i++) assert.equal((await scorer.score(contextFor({ output: 'a' }))).passed, true);
  });
});

table('json_valid', [
  { name: 'an object', row: { output: '{"a": 1}' }, want: { value: 1, passed: true } },
  { name: 'an array with whitespace around it', row: { output: '\n [1, 2]\n' }, want: { value: 1, passed: true } },
  { name: 'Unicode keys and values', row: { output: '{"名前": "太郎 😀"}' }, want: { value: 1, passed: true } },
  { name: 'JavaScript, not JSON', row: { output: '{a: 1}' }, want: { value: 0, passed: false, rationale: /not JSON/ } },
  { name: 'NaN is not JSON', row: { output: 'NaN' }, want: { value: 0, passed: false } },
  { name: 'empty output', row: { output: '' }, want: { value: 0, passed: false, rationale: /empty/ } },
  { name: 'a fenced block is not a JSON document', row: { output: '```json\n{}\n```' }, want: { value: 0, passed: false } },
]);

const personSchema = {
  type: 'object',
  required: ['name'],
  properties: { name: { type: 'string' }, age: { type: 'integer', minimum: 0 } },
};
table('json_schema', [
  { name: 'valid', options: { schema: personSchema }, row: { output: '{"name": "Ada", "age": 36}' }, want: { value: 1, passed: true } },
  { name: 'a missing required property', options: { schema: personSchema }, row: { output: '{"age": 3}' }, want: { value: 0, passed: false, rationale: /\(root\) must have required property 'name'/ } },
  { name: 'every violation with its path', options: { schema: personSchema }, row: { output: '{"name": 5, "age": -1}' }, want: { value: 0, passed: false, rationale: /\/name must be string; \/age must be >= 0/ } },
  { name: 'not JSON', options: { schema: personSchema }, row: { output: 'Ada, 36' }, want: { value: 0, passed: false, rationale: /not JSON/ } },
  { name: 'empty output', options: { schema: personSchema }, row: { output: '' }, want: { value: 0, passed: false, rationale: /empty/ } },
  { name: 'Unicode strings', options: { schema: personSchema }, row: { output: '{"name": "Zoë 😀"}' }, want: { value: 1, passed: true } },
  { name: 'schema_file (JSON) relative to the suite', options: { schema_file: 'answer.schema.json' }, row: { output: '{"name": "Ada", "extra": 1}' }, want: { value: 0, passed: false, rationale: /must NOT have additional properties/ } },
  { name: 'schema_file (YAML)', options: { schema_file: 'answer.schema.yaml' }, row: { output: '{"city": "Oslo"}' }, want: { value: 1, passed: true } },
]);

describe('json_schema options', () => {
  it('wants exactly one of schema and schema_file', async () => {
    await assertConfigError('json_schema', {}, /exactly one of 'schema'/);
    await assertConfigError('json_schema', { schema: personSchema, schema_file: 'answer.schema.json' }, /exactly one of 'schema'/);
  });
  it('refuses a schema that is not a JSON Schema', () => assertConfigError('json_schema', { schema: { type: 'strnig' } }, /not a valid JSON Schema/));
  it('refuses a format it cannot check rather than skipping it', () => assertConfigError('json_schema', { schema: { type: 'string', format: 'email' } }, /unknown format "email"/));
  it('names a schema_file that does not exist', () => assertConfigError('json_schema', { schema_file: 'missing.json' }, /cannot read schema_file .*missing\.json/));
});

table('equals_number', [
  { name: 'equal', row: { output: '42', expected: 42 }, want: { value: 1, passed: true } },
  { name: 'the first number in prose', row: { output: 'The answer is 42 (or 43).', expected: '42' }, want: { value: 1, passed: true } },
  { name: 'thousands separators', row: { output: 'about 1,234.5 units', expected: 1234.5 }, want: { value: 1, passed: true } },
  { name: 'Unicode minus sign', row: { output: '\u22125 degrees', expected: -5 }, want: { value: 1, passed: true } },
  { name: 'exponent notation', row: { output: '-3e2', expected: -300 }, want: { value: 1, passed: true } },
  { name: 'binary rounding absorbed by default', row: { output: String(0.1 + 0.2), expected: 0.3 }, want: { value: 1, passed: true } },
  { name: 'within an absolute tolerance', options: { tolerance: 0.01 }, row: { output: '3.14159', expected: 3.14 }, want: { value: 1, passed: true } },
  { name: 'outside an absolute tolerance', options: { tolerance: 0.001 }, row: { output: '3.14159', expected: 3.14 }, want: { value: 0, passed: false, rationale: /got 3\.14159, expected 3\.14/ } },
  { name: 'within a relative tolerance', options: { relative_tolerance: 0.05 }, row: { output: '104', expected: 100 }, want: { value: 1, passed: true } },
  { name: 'a numeric answer value wins over its text', row: { output: 'seven', value: 7, expected: 7 }, want: { value: 1, passed: true } },
  { name: 'NaN never equals NaN', row: { output: 'NaN', expected: Number.NaN }, want: { value: 0, passed: false } },
  { name: 'a NaN answer value', options: { tolerance: 1e9 }, row: { output: '', value: Number.NaN, expected: 1 }, want: { value: 0, passed: false } },
  { name: 'infinities equal themselves', row: { output: 'Infinity', expected: Number.POSITIVE_INFINITY }, want: { value: 1, passed: true } },
  { name: 'empty output', row: { output: '', expected: 1 }, want: { value: 0, passed: false, rationale: /no number in the output/ } },
  { name: 'an expected value that is not a number is an error', row: { output: '1', expected: 'one' }, want: { error: /expected value "one" is not a number/ } },
]);

table('levenshtein', [
  { name: 'identical', row: { output: 'kitten', expected: 'kitten' }, want: { value: 1 } },
  { name: 'kitten → sitting: 3 edits over 7', row: { output: 'kitten', expected: 'sitting' }, want: { value: 1 - 3 / 7 } },
  { name: 'threshold passes', options: { threshold: 0.5 }, row: { output: 'kitten', expected: 'sitting' }, want: { value: 1 - 3 / 7, passed: true } },
  { name: 'threshold fails', options: { threshold: 0.6 }, row: { output: 'kitten', expected: 'sitting' }, want: { value: 1 - 3 / 7, passed: false } },
  { name: 'empty against empty is identical', row: { output: '', expected: '' }, want: { value: 1 } },
  { name: 'empty output shares nothing', row: { output: '', expected: 'abc' }, want: { value: 0 } },
  { name: 'an emoji is one character, not two', row: { output: '😀a', expected: '😃a' }, want: { value: 0.5 } },
  { name: 'canonically equal Unicode is identical', row: { output: 'cafe\u0301', expected: 'caf\u00e9' }, want: { value: 1 } },
]);

table('rouge_l', [
  { name: 'identical', row: { output: 'the cat sat', expected: 'the cat sat' }, want: { value: 1 } },
  // Google rouge-score's README example: rougeL precision 5/8, recall 5/9, F 10/17.
  { name: 'rouge-score reference example', row: { output: 'The quick brown dog jumps on the log.', expected: 'The quick brown fox jumps over the lazy dog' }, want: { value: 10 / 17, rationale: /precision 0\.625, recall 0\.556/ } },
  { name: 'a subsequence: P 5/6, R 1', row: { output: 'the cat sat on the mat', expected: 'the cat on the mat' }, want: { value: 10 / 11 } },
  { name: 'case and punctuation ignored', row: { output: 'The CAT, sat!', expected: 'the cat sat' }, want: { value: 1 } },
  { name: 'nothing in common', row: { output: 'dogs bark', expected: 'cats meow' }, want: { value: 0 } },
  { name: 'empty output', row: { output: '', expected: 'the cat' }, want: { value: 0 } },
  { name: 'no tokens on either side (as rouge-score)', row: { output: '...', expected: '!!' }, want: { value: 0 } },
  { name: 'Han text one character per token', row: { output: '我喜欢猫', expected: '我喜欢狗' }, want: { value: 0.75 } },
  { name: 'accented words are whole tokens', row: { output: 'café crème', expected: 'cafe\u0301 cre\u0300me' }, want: { value: 1 } },
  { name: 'threshold', options: { threshold: 0.95 }, row: { output: 'the cat sat on the mat', expected: 'the cat on the mat' }, want: { value: 10 / 11, passed: false } },
]);

/** A fake embeddings endpoint: known texts map to fixed vectors. */
function fakeEmbed(vectors: Record<string, number[]>, calls: { endpoint: string; inputs: readonly string[] }[] = []): ScorerServices {
  return {
    ...NO_SERVICES,
    embed: async (endpoint, inputs) => {
      calls.push({ endpoint, inputs });
      return inputs.map((t) => vectors[t] ?? []);
    },
  };
}

const VECTORS = { cat: [1, 0, 0], kitten: [0.8, 0.6, 0], dog: [0, 1, 0], 'not a cat': [-1, 0, 0], 'chat 🐱': [1, 0, 0], zero: [0, 0, 0], short: [1, 0] };
table(
  'embedding_similarity',
  [
    { name: 'same direction', options: { endpoint: 'embed' }, row: { output: 'cat', expected: 'chat 🐱' }, want: { value: 1 } },
    { name: 'cosine 0.8', options: { endpoint: 'embed', threshold: 0.7 }, row: { output: 'kitten', expected: 'cat' }, want: { value: 0.8, passed: true } },
    { name: 'below the threshold', options: { endpoint: 'embed', threshold: 0.9 }, row: { output: 'kitten', expected: 'cat' }, want: { value: 0.8, passed: false } },
    { name: 'orthogonal', options: { endpoint: 'embed' }, row: { output: 'dog', expected: 'cat' }, want: { value: 0 } },
    { name: 'opposite', options: { endpoint: 'embed' }, row: { output: 'not a cat', expected: 'cat' }, want: { value: -1 } },
    { name: 'empty output scores 0 without a call', options: { endpoint: 'embed', threshold: 0.5 }, row: { output: '  ', expected: 'cat' }, want: { value: 0, passed: false, rationale: /empty/ } },
    { name: 'a zero vector is an error', options: { endpoint: 'embed' }, row: { output: 'zero', expected: 'cat' }, want: { error: /two non-zero vectors of the same length/ } },
    { name: 'vectors of different lengths are an error', options: { endpoint: 'embed' }, row: { output: 'short', expected: 'cat' }, want: { error: /length \[2, 3\]/ } },
  ],
  () => fakeEmbed(VECTORS),
);

describe('embedding_similarity calls', () => {
  it('embeds the answer and the expected answer in one call to the endpoint', async () => {
    const calls: { endpoint: string; inputs: readonly string[] }[] = [];
    const scorer = await makeScorer('embedding_similarity', { endpoint: 'my-embeddings' });
    await scorer.score(contextFor({ output: 'kitten', expected: 'cat' }, fakeEmbed(VECTORS, calls)));
    assert.deepEqual(calls, [{ endpoint: 'my-embeddings', inputs: ['kitten', 'cat'] }]);
    await scorer.score(contextFor({ output: '', expected: 'cat' }, fakeEmbed(VECTORS, calls)));
    assert.equal(calls.length, 1, 'no call for an empty output');
  });
  it('needs an endpoint', () => assertConfigError('embedding_similarity', {}, /expected string/, 'endpoint'));
});

describe('llm_judge', () => {
  const rubric = 'Question: {{input.question}} ({{lang}})\nReference: {{expected}}\nAnswer: {{output}}\nIs the answer correct?';
  const row: RowCase = { output: 'Paris', expected: 'Paris', inputs: { question: 'Capital of France?', lang: 'en' } };

  /** A fake judge that answers `answer` and keeps what it was asked. */
  function judge(answer: string): { services: ScorerServices; calls: { endpoint: string; messages: readonly ChatMessage[]; temperature?: number }[] } {
    const calls: { endpoint: string; messages: readonly ChatMessage[]; temperature?: number }[] = [];
    const services: ScorerServices = {
      ...NO_SERVICES,
      chat: async (endpoint, messages, options) => {
        calls.push({ endpoint, messages, temperature: options?.temperature });
        return { text: answer, value: answer, latencyMs: 1 };
      },
    };
    return { services, calls };
  }

  async function verdict(answer: string, options: Record<string, unknown> = {}): Promise<Score> {
    const scorer = await makeScorer('llm_judge', { endpoint: 'judge', rubric, ...options });
    return scorer.score(contextFor(row, judge(answer).services));
  }

  const cases: { name: string; answer: string; options?: Record<string, unknown>; want: Want }[] = [
    { name: 'strict JSON', answer: '{"score": 4, "rationale": "Correct but terse."}', want: { value: 4, passed: false, rationale: /^Correct but terse\.$/ } },
    { name: 'the top of the scale passes by default', answer: '{"score": 5, "rationale": "Correct."}', want: { value: 5, passed: true } },
    { name: 'pass_at', answer: '{"score": 4, "rationale": "ok"}', options: { pass_at: 4 }, want: { value: 4, passed: true } },
    { name: 'fenced JSON with whitespace around', answer: '\n```json\n{"score": 3, "rationale": "Partly."}\n```\n', want: { value: 3, passed: false, rationale: /Partly/ } },
    { name: 'a bare fence', answer: '```\n{"score": 1, "rationale": "Wrong."}\n```', want: { value: 1, passed: false } },
    { name: 'a custom scale', answer: '{"score": 7.5, "rationale": "ok"}', options: { scale: [0, 10], pass_at: 7 }, want: { value: 7.5, passed: true } },
    { name: 'prose only', answer: 'I would give this answer a 4 out of 5.', want: { error: /did not answer with the JSON.*"I would give this answer a 4 out of 5\."/ } },
    { name: 'prose around the JSON', answer: 'Here you go: {"score": 4, "rationale": "ok"}', want: { error: /did not answer with the JSON/ } },
    { name: 'a score above the scale', answer: '{"score": 7, "rationale": "great"}', want: { error: /score 7 is outside the scale \[1, 5\]/ } },
    { name: 'a score below the scale', answer: '{"score": 0, "rationale": "bad"}', want: { error: /outside the scale/ } },
    { name: 'a score as a string', answer: '{"score": "4", "rationale": "ok"}', want: { error: /score: .*expected number/ } },
    { name: 'no rationale', answer: '{"score": 4}', want: { error: /rationale/ } },
    { name: 'extra keys', answer: '{"score": 4, "rationale": "ok", "confidence": 0.9}', want: { error: /confidence/ } },
    { name: 'an empty answer', answer: '', want: { error: /did not answer with the JSON.*said ""/ } },
    { name: 'NaN is not a score', answer: '{"score": NaN, "rationale": "?"}', want: { error: /did not answer with the JSON/ } },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const pending = verdict(c.answer, c.options);
      if (c.want.error) await assert.rejects(pending, (e: unknown) => e instanceof ScorerError && c.want.error!.test(e.message));
      else assertScore(await pending, c.want);
    });
  }

  it('quotes only the first 200 characters of an answer it cannot parse', async () => {
    const long = 'x'.repeat(150) + 'y'.repeat(150);
    await assert.rejects(verdict(long), (e: unknown) => e instanceof ScorerError && e.message.includes(JSON.stringify(long.slice(0, 200))) && !e.message.includes('y'.repeat(51)));
  });

  it('asks the endpoint with the rendered rubric, the JSON format and temperature 0', async () => {
    const { services, calls } = judge('{"score": 2, "rationale": "ok"}');
    const scorer = await makeScorer('llm_judge', { endpoint: 'judge-endpoint', rubric, scale: [0, 3] });
    await scorer.score(contextFor(row, services));
    assert.equal(calls.length, 1);
    const [call] = calls;
    assert.equal(call!.endpoint, 'judge-endpoint');
    assert.equal(call!.temperature, 0);
    assert.equal(call!.messages[0]!.role, 'system');
    assert.match(call!.messages[0]!.content, /\{"score": <a number from 0 to 3>, "rationale"/);
    assert.deepEqual(call!.messages[1], { role: 'user', content: 'Question: Capital of France? (en)\nReference: Paris\nAnswer: Paris\nIs the answer correct?' });
  });

  it('is a row error when the rubric names a column the row lacks', async () => {
    const scorer = await makeScorer('llm_judge', { endpoint: 'judge', rubric: '{{output}} {{context}}' });
    await assert.rejects(Promise.resolve(scorer.score(contextFor(row, judge('{}').services))), (e: unknown) => e instanceof ScorerError && /no column 'context'/.test(e.message));
  });

  it('refuses options that cannot work', async () => {
    await assertConfigError('llm_judge', { endpoint: 'judge', rubric: 'Is {{expected}} right?' }, /no \{\{output\}\} placeholder/);
    await assertConfigError('llm_judge', { endpoint: 'judge', rubric, pass_at: 6 }, /within the scale/, 'pass_at');
    await assertConfigError('llm_judge', { endpoint: 'judge', rubric, scale: [5, 1] }, /min < max/, 'scale');
    await assertConfigError('llm_judge', { rubric }, /expected string/, 'endpoint');
  });
});

table('latency_ms', [
  { name: 'the measured latency', row: { latencyMs: 250 }, want: { value: 250 } },
  { name: 'within max', options: { max: 300 }, row: { latencyMs: 250 }, want: { value: 250, passed: true } },
  { name: 'at max', options: { max: 250 }, row: { latencyMs: 250 }, want: { value: 250, passed: true } },
  { name: 'over max', options: { max: 100 }, row: { latencyMs: 250 }, want: { value: 250, passed: false } },
  { name: 'zero', options: { max: 100 }, row: { latencyMs: 0, output: '' }, want: { value: 0, passed: true } },
  { name: 'NaN is no value', options: { max: 100 }, row: { latencyMs: Number.NaN }, want: { value: null } },
]);

const usage: TokenCounts = { input_tokens: 12, output_tokens: 30, total_tokens: 42 };
table('tokens', [
  { name: 'total by default', row: { usage }, want: { value: 42 } },
  { name: 'input', options: { kind: 'input' }, row: { usage }, want: { value: 12 } },
  { name: 'output within max', options: { kind: 'output', max: 30 }, row: { usage }, want: { value: 30, passed: true } },
  { name: 'over max', options: { max: 40 }, row: { usage }, want: { value: 42, passed: false } },
  { name: 'no usage reported', options: { max: 40 }, row: {}, want: { value: null, rationale: /not reported/ } },
  { name: 'a NaN count is no value', row: { usage: { ...usage, total_tokens: Number.NaN } }, want: { value: null } },
]);

table('cost', [
  { name: 'the gateway cost', row: { costUsd: 0.0021 }, want: { value: 0.0021 } },
  { name: 'within max', options: { max: 0.01 }, row: { costUsd: 0.0021 }, want: { value: 0.0021, passed: true } },
  { name: 'over max', options: { max: 0.001 }, row: { costUsd: 0.0021 }, want: { value: 0.0021, passed: false } },
  { name: 'free', options: { max: 0 }, row: { costUsd: 0 }, want: { value: 0, passed: true } },
  { name: 'unknown price', options: { max: 0.01 }, row: {}, want: { value: null } },
  { name: 'NaN is unknown', row: { costUsd: Number.NaN }, want: { value: null } },
]);

describe('custom', () => {
  let jsDir = '';
  before(async () => {
    // JavaScript modules are written at test time: the repository's lint covers TypeScript only.
    jsDir = await mkdtemp(join(tmpdir(), 'custom-scorer-'));
    await writeFile(join(jsDir, 'plain.mjs'), 'export function nonEmpty(ctx) { return ctx.output.text.trim() !== ""; }\n');
    await writeFile(join(jsDir, 'broken.mjs'), 'export default function (ctx) { return ctx.output.text.length +; }\n');
    await writeFile(join(jsDir, 'throws-on-load.mjs'), 'throw new Error("missing configuration");\n');
  });
  after(() => rm(jsDir, { recursive: true, force: true }));

  async function custom(options: Record<string, unknown>, baseDir = FIXTURES): Promise<Scorer> {
    const module = rowModule('custom');
    return module.create('mine', module.optionsSchema.parse(options), { baseDir });
  }
  const score = async (scorer: Scorer, r: RowCase): Promise<Score> => scorer.score(contextFor(r));

  it('a default export returning a number (TypeScript module)', async () => {
    const scorer = await custom({ module: 'custom.ts' });
    assert.deepEqual(await score(scorer, { output: 'héllo 😀' }), { value: 7 });
    assert.deepEqual(await score(scorer, { output: '' }), { value: 0 });
    assert.equal(scorer.source, 'CODE');
    assert.equal(scorer.greaterIsBetter, true);
  });

  it('a named export returning a boolean, with direction and source from the options', async () => {
    const scorer = await custom({ module: './custom.ts', export: 'isShort', greater_is_better: false, source: 'LLM_JUDGE' });
    assert.deepEqual(await score(scorer, { output: 'hi' }), { value: 1, passed: true });
    assert.deepEqual(await score(scorer, { output: 'far too long' }), { value: 0, passed: false });
    assert.equal(scorer.greaterIsBetter, false);
    assert.equal(scorer.source, 'LLM_JUDGE');
  });

  it('an object with an async score method returning a Score', async () => {
    const scorer = await custom({ module: 'custom.ts', export: 'mentionsExpected' });
    assert.deepEqual(await score(scorer, { output: 'It is Paris.', expected: 'Paris' }), { value: 1, passed: true, rationale: 'mentions it' });
  });

  it('a JavaScript module', async () => {
    const scorer = await custom({ module: 'plain.mjs', export: 'nonEmpty' }, jsDir);
    assert.deepEqual(await score(scorer, { output: ' ' }), { value: 0, passed: false });
  });

  for (const [exportName, message] of [
    ['returnsText', /returned "yes", not a number, a boolean or \{ value/],
    ['returnsNaN', /returned NaN/],
    ['returnsTypo', /pass/],
    ['throws', /threw: scorer blew up/],
  ] as const) {
    it(`${exportName}: a row error naming the module`, async () => {
      const scorer = await custom({ module: 'custom.ts', export: exportName });
      await assert.rejects(score(scorer, { output: 'x' }), (e: unknown) => e instanceof ScorerError && message.test(e.message) && e.message.includes('custom.ts'));
    });
  }

  it('names the module and what to export when loading fails', async () => {
    const fails = (options: Record<string, unknown>, message: RegExp, baseDir?: string): Promise<void> =>
      assert.rejects(custom(options, baseDir), (e: unknown) => e instanceof ScorerConfigError && message.test(e.message));
    await fails({ module: 'custom.ts', export: 'nope' }, /module .*custom\.ts has no export 'nope' \(it exports .*isShort.*\); export a function \(ctx\) =>/);
    await fails({ module: 'custom.ts', export: 'notAScorer' }, /export 'notAScorer' is a number; it must be a function/);
    await fails({ module: 'missing.ts' }, /module .*missing\.ts does not load/);
    await fails({ module: 'broken.mjs' }, /module .*broken\.mjs does not load/, jsDir);
    await fails({ module: 'throws-on-load.mjs' }, /throws-on-load\.mjs does not load: missing configuration/, jsDir);
  });

  it('wants a JavaScript or TypeScript file', () => assertConfigError('custom', { module: 'scorer.py' }, /\.js, \.mjs, \.cjs, \.ts, \.mts/, 'module'));
});
