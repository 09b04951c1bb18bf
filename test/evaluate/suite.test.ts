/**
 * The suite file: a full suite resolved (targets normalised, durations in ms, paths absolute,
 * scorer options through each scorer's schema, defaults), and every kind of mistake reported with
 * the file, the line and the YAML path.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ConfigFileError } from '../../src/config/yaml-file.ts';
import { SUITE_DEFAULTS, SuiteError, loadSuite, parseDuration, parseSuite } from '../../src/evaluate/suite.ts';
import type { Suite } from '../../src/evaluate/suite.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'suites');
const FILE = 'eval.yaml';

function parse(text: string): Promise<Suite> {
  return parseSuite(text, { file: FILE, baseDir: FIXTURES });
}

async function suiteError(text: string): Promise<SuiteError> {
  try {
    await parse(text);
  } catch (err) {
    assert.ok(err instanceof SuiteError, String(err));
    assert.ok(err instanceof ConfigFileError);
    return err;
  }
  assert.fail('expected a SuiteError');
}

/** A valid suite; tests add lines or replace parts. */
const BASE = `targets:
  - gateway: chat
prompt: "Q: {{question}}"
dataset:
  rows:
    - {question: "2+2?", answer: "4"}
`;

describe('a valid suite', () => {
  it('resolves the fixture with every kind of target', async () => {
    const suite = await loadSuite(join(FIXTURES, 'eval.yaml'));
    assert.equal(suite.file, join(FIXTURES, 'eval.yaml'));
    assert.equal(suite.baseDir, FIXTURES);
    assert.equal(suite.description, 'Capital cities');
    assert.equal(suite.experimentName, 'capitals');
    assert.equal(suite.gatewayUri, 'http://127.0.0.1:5000');
    assert.deepEqual(suite.targets, [
      { kind: 'gateway', name: 'small', endpoint: 'chat', params: { temperature: 0, max_tokens: 256 } },
      { kind: 'openai', name: 'gpt-4o-mini', baseUrl: 'http://127.0.0.1:8080/v1', model: 'gpt-4o-mini', apiKeyEnv: 'OPENAI_API_KEY', params: {} },
      { kind: 'model_server', name: 'sklearn', url: 'http://127.0.0.1:5001/invocations', params: {} },
      { kind: 'command', name: 'python3', command: 'python3 predict.py', cwd: FIXTURES },
    ]);
    assert.equal(suite.prompt, undefined);
    assert.deepEqual(suite.messages, [
      { role: 'system', content: 'Answer with the city only.' },
      { role: 'user', content: '{{ question }} ({{lang}})' },
    ]);
    assert.deepEqual(suite.dataset, {
      source: 'file',
      path: join(FIXTURES, 'qa.jsonl'),
      format: 'jsonl',
      columns: { expected: 'answer', question: 'q' },
      limit: 2,
      placeholders: [
        { name: 'question', where: 'messages[1].content' },
        { name: 'lang', where: 'messages[1].content' },
      ],
    });
    assert.deepEqual(
      suite.scorers.map((s) => [s.type, s.name, s.kind]),
      [
        ['exact_match', 'exact_match', 'row'],
        ['regex', 'one_word', 'row'],
        ['f1', 'f1', 'aggregate'],
      ],
    );
    // Options come out of the scorer's own schema, defaults included.
    assert.deepEqual(suite.scorers[1]!.options, { pattern: '^\\w+$', flags: '' });
    assert.deepEqual(suite.scorers[2]!.options, { average: 'macro' });
    assert.deepEqual(suite.thresholds, {
      'exact_match/mean': { threshold: 0.8, min_absolute_change: 0.05, greater_is_better: true, significance: true },
      'f1/macro': { threshold: 0.5 },
      'latency_ms/p95': { threshold: 2000, greater_is_better: false },
    });
    assert.deepEqual([suite.concurrency, suite.repeat, suite.timeoutMs, suite.retries, suite.seed], [8, 3, 90_000, 1, 42]);
  });

  it('fills in defaults', async () => {
    const suite = await parse(BASE);
    assert.deepEqual(
      [suite.concurrency, suite.repeat, suite.timeoutMs, suite.retries, suite.seed],
      [SUITE_DEFAULTS.concurrency, SUITE_DEFAULTS.repeat, SUITE_DEFAULTS.timeoutMs, SUITE_DEFAULTS.retries, SUITE_DEFAULTS.seed],
    );
    assert.deepEqual([SUITE_DEFAULTS.concurrency, SUITE_DEFAULTS.timeoutMs, SUITE_DEFAULTS.retries, SUITE_DEFAULTS.seed], [4, 60_000, 2, 0]);
    assert.deepEqual(suite.scorers, []);
    assert.deepEqual(suite.thresholds, {});
    assert.deepEqual(suite.targets, [{ kind: 'gateway', name: 'chat', endpoint: 'chat', params: {} }]);
    assert.deepEqual(suite.dataset, {
      source: 'inline',
      rows: [{ question: '2+2?', answer: '4' }],
      origin: FILE,
      columns: {},
      placeholders: [{ name: 'question', where: 'prompt' }],
    });
  });

  it('takes a command as an argv list, and derives target names', async () => {
    const suite = await parse(`targets:
  - command: [./bin/predict, --fast]
  - openai: {base_url: "https://api.example.com/v1", model: "meta/llama 3"}
  - model_server: {url: "http://localhost:5001/invocations"}
prompt: "{{question}}"
dataset: {rows: [{question: q}]}
`);
    assert.deepEqual(
      suite.targets.map((t) => [t.kind, t.name]),
      [
        ['command', 'predict'],
        ['openai', 'meta_llama_3'],
        ['model_server', 'model_server'],
      ],
    );
    assert.deepEqual(suite.targets[0], { kind: 'command', name: 'predict', command: ['./bin/predict', '--fast'], cwd: FIXTURES });
  });

  it('needs no prompt when no target is a chat model, and checks no variables then', async () => {
    const suite = await parse('targets: [{model_server: {url: "http://127.0.0.1:5001/invocations"}}]\ndataset: {rows: [{x: 1}]}\n');
    assert.equal(suite.dataset.placeholders, undefined);
  });

  it('reads durations as seconds or with a unit', async () => {
    const cases: [string, number][] = [
      ['30', 30_000],
      ['0.25', 250],
      ['"500ms"', 500],
      ['30s', 30_000],
      ['"1.5 s"', 1500],
      ['2m', 120_000],
      ['1h', 3_600_000],
    ];
    for (const [text, ms] of cases) assert.equal((await parse(`${BASE}timeout: ${text}\n`)).timeoutMs, ms, text);
    assert.equal(parseDuration('5 minutes'), undefined);
  });

  it('follows YAML anchors and merge keys', async () => {
    const ok = await parse(`targets:
  - {name: a, gateway: chat, params: &params {temperature: 0}}
  - {name: b, gateway: chat, params: {<<: *params, max_tokens: 5}}
prompt: "{{q}}"
dataset: {rows: [{q: 1}]}
`);
    assert.deepEqual(
      ok.targets.map((t) => (t.kind === 'gateway' ? t.params : undefined)),
      [{ temperature: 0 }, { temperature: 0, max_tokens: 5 }],
    );
  });
});

describe('mistakes, each with file, line and path', () => {
  const cases: { name: string; text: string; line: number; path: string; message: RegExp }[] = [
    {
      name: 'an unknown top-level key',
      text: `${BASE}concurency: 3\n`,
      line: 7,
      path: 'concurency',
      message: /unknown key "concurency"\. Did you mean "concurrency"\? Valid keys here: description, .*, seed\./,
    },
    {
      name: 'an unknown key in a target',
      text: BASE.replace('  - gateway: chat\n', '  - gateway: chat\n    parms: {}\n'),
      line: 3,
      path: 'targets[0].parms',
      message: /unknown key "parms"\. Did you mean "params"\?/,
    },
    { name: 'a wrong type', text: `${BASE}concurrency: "three"\n`, line: 7, path: 'concurrency', message: /^must be a number, not a string$/ },
    { name: 'a fractional count', text: `${BASE}repeat: 1.5\n`, line: 7, path: 'repeat', message: /whole number|int/ },
    { name: 'repeat below 1', text: `${BASE}repeat: 0\n`, line: 7, path: 'repeat', message: /^must be at least 1$/ },
    { name: 'a bad duration', text: `${BASE}timeout: 30 sec\n`, line: 7, path: 'timeout', message: /^must be a number of seconds or a duration such as "500ms", "30s" or "2m"$/ },
    { name: 'a zero duration', text: `${BASE}timeout: 0s\n`, line: 7, path: 'timeout', message: /^must be at least 1ms$/ },
    { name: 'a duration of the wrong type', text: `${BASE}timeout: [1]\n`, line: 7, path: 'timeout', message: /^must be a number of seconds or a duration/ },
    { name: 'both prompt and messages', text: `${BASE}messages: [{role: user, content: hi}]\n`, line: 7, path: 'messages', message: /sets both prompt and messages\. Keep one of them\./ },
    { name: 'a message role', text: BASE.replace('prompt: "Q: {{question}}"', 'messages: [{role: robot, content: hi}]'), line: 3, path: 'messages[0].role', message: /must be one of: system, user, assistant/ },
    { name: 'missing targets', text: 'prompt: x\ndataset: {rows: [{a: 1}]}\n', line: 1, path: 'targets', message: /^no targets\. Add a list of targets, each with one of gateway, openai, model_server, command\.$/ },
    { name: 'an empty target list', text: 'dataset: {rows: [{a: 1}]}\ntargets: []\n', line: 2, path: 'targets', message: /^no targets\./ },
    { name: 'a target of no kind', text: BASE.replace('  - gateway: chat\n', '  - name: x\n'), line: 2, path: 'targets[0]', message: /names no target\. Set one of gateway/ },
    {
      name: 'a target of two kinds',
      text: BASE.replace('  - gateway: chat\n', '  - gateway: chat\n    command: ls\n'),
      line: 3,
      path: 'targets[0].command',
      message: /also sets gateway\. Split it into two targets\./,
    },
    {
      name: 'duplicate target names',
      text: BASE.replace('  - gateway: chat\n', '  - gateway: chat\n  - {name: chat, command: ls}\n'),
      line: 3,
      path: 'targets[1].name',
      message: /^"chat" is already the name of targets\[0\]\. Target names must be unique; rename one\.$/,
    },
    {
      name: 'duplicate derived target names',
      text: BASE.replace('  - gateway: chat\n', '  - gateway: chat\n  - gateway: chat\n'),
      line: 3,
      path: 'targets[1].gateway',
      message: /add name: to tell them apart/,
    },
    { name: 'a bad target name', text: BASE.replace('  - gateway: chat\n', '  - {name: "a b", gateway: chat}\n'), line: 2, path: 'targets[0].name', message: /may contain only letters, digits/ },
    { name: 'a non-http URL', text: BASE.replace('  - gateway: chat\n', '  - model_server: {url: "ftp://h/x"}\n'), line: 2, path: 'targets[0].model_server.url', message: /must be an http:\/\/ or https:\/\/ URL/ },
    { name: 'an openai target without model', text: BASE.replace('  - gateway: chat\n', '  - openai: {base_url: "http://h/v1"}\n'), line: 2, path: 'targets[0].openai.model', message: /is missing; add it \(a string\)/ },
    { name: 'params on a command', text: BASE.replace('  - gateway: chat\n', '  - command: [ls]\n    params: {a: 1}\n'), line: 3, path: 'targets[0].params', message: /takes no params/ },
    { name: 'params that are not a mapping', text: BASE.replace('  - gateway: chat\n', '  - gateway: chat\n    params: [1]\n'), line: 3, path: 'targets[0].params', message: /^must be a mapping \(key: value pairs\), not a list$/ },
    { name: 'a chat target without prompt', text: BASE.replace('prompt: "Q: {{question}}"\n', ''), line: 2, path: 'targets[0].gateway', message: /target "chat" sends chat requests, but the suite has no prompt/ },
    {
      name: 'an unknown scorer type',
      text: `${BASE}scorers:\n  - type: exact\n`,
      line: 8,
      path: 'scorers[0].type',
      message: /^unknown scorer type "exact"\. Did you mean "exact_match"\? Known types: exact_match, .*, r2\.$/,
    },
    { name: 'a scorer without type', text: `${BASE}scorers:\n  - name: x\n`, line: 8, path: 'scorers[0].type', message: /^is missing; add it \(one of: exact_match, / },
    {
      name: 'an unknown scorer option',
      text: `${BASE}scorers:\n  - type: regex\n    pattern: a\n    flag: i\n`,
      line: 10,
      path: 'scorers[0].flag',
      message: /unknown key "flag"\. Did you mean "flags"\? Valid keys here: type, name, pattern, flags\./,
    },
    { name: 'a scorer option of the wrong type', text: `${BASE}scorers:\n  - type: regex\n    pattern: 5\n`, line: 9, path: 'scorers[0].pattern', message: /^must be a string, not a number$/ },
    { name: 'a scorer\'s own check', text: `${BASE}scorers:\n  - type: contains\n  - type: regex\n    pattern: "("\n`, line: 10, path: 'scorers[1].pattern', message: /not a valid regular expression/ },
    {
      name: 'duplicate scorer names',
      text: `${BASE}scorers:\n  - type: exact_match\n  - type: contains\n    name: exact_match\n`,
      line: 10,
      path: 'scorers[1].name',
      message: /^"exact_match" is already the name of scorers\[0\]\. Scorer names must be unique; rename one\.$/,
    },
    { name: 'a duplicate scorer type', text: `${BASE}scorers:\n  - type: icontains\n  - type: icontains\n`, line: 9, path: 'scorers[1].type', message: /add name: to tell them apart/ },
    {
      name: 'a threshold on a metric the suite does not log',
      text: `${BASE}scorers: [{type: exact_match}]\nthresholds:\n  exact_mach/mean: {threshold: 1}\n`,
      line: 9,
      path: 'thresholds["exact_mach/mean"]',
      message: /no scorer or metric of this suite is called "exact_mach"\. Did you mean "exact_match"\?/,
    },
    {
      name: 'an unknown threshold key',
      text: `${BASE}scorers: [{type: exact_match}]\nthresholds:\n  exact_match/mean: {thresold: 1}\n`,
      line: 9,
      path: 'thresholds["exact_match/mean"].thresold',
      message: /Did you mean "threshold"\?/,
    },
    {
      name: 'a threshold with no criterion',
      text: `${BASE}scorers: [{type: exact_match}]\nthresholds:\n  exact_match/mean: {greater_is_better: true}\n`,
      line: 9,
      path: 'thresholds["exact_match/mean"]',
      message: /set at least one of threshold, min_absolute_change, min_relative_change/,
    },
    { name: 'a dataset with neither path nor rows', text: BASE.replace(/dataset:[\s\S]*/, 'dataset: {limit: 3}\n'), line: 4, path: 'dataset', message: /set path .* or rows/ },
    { name: 'a dataset with both', text: `${BASE}  path: qa.jsonl\n`, line: 5, path: 'dataset.rows', message: /sets both path and rows/ },
    { name: 'an inline row that is not a mapping', text: `${BASE}    - just text\n`, line: 7, path: 'dataset.rows[1]', message: /^must be a mapping \(key: value pairs\), not a string$/ },
    { name: 'format on inline rows', text: `${BASE}  format: csv\n`, line: 7, path: 'dataset.format', message: /applies to dataset files only/ },
    { name: 'an unknown format', text: 'targets: [{command: ls}]\ndataset:\n  path: qa.txt\n', line: 3, path: 'dataset.path', message: /cannot tell the file's format from its name\. Add format: with one of jsonl, csv, json\./ },
    { name: 'a missing dataset file', text: 'targets: [{command: ls}]\ndataset:\n  path: missing.jsonl\n', line: 3, path: 'dataset.path', message: /missing\.jsonl does not exist or is not a file/ },
    { name: 'a mapped column an inline row lacks', text: `${BASE}  columns: {expected: answr}\n`, line: 6, path: 'dataset.rows[0]', message: /row 0 has no column "answr", which dataset\.columns maps to "expected"\. Did you mean "answer"\?/ },
    { name: 'a placeholder an inline row lacks', text: BASE.replace('{{question}}', '{{questoin}}'), line: 6, path: 'dataset.rows[0]', message: /row 0 has no column "questoin", which prompt uses as \{\{questoin\}\}\. Did you mean "question"\?/ },
    { name: 'a mapped name no placeholder could use', text: `${BASE}  columns: {"my col": question}\n`, line: 7, path: 'dataset.columns["my col"]', message: /may contain only letters, digits/ },
    { name: 'invalid YAML', text: 'targets: [\n', line: 2, path: '', message: /^invalid YAML \(column \d+\): .*\. Fix the syntax there\.$/ },
    { name: 'an empty file', text: '# nothing\n', line: 0, path: '', message: /^the file is empty\./ },
    { name: 'a file that is not a mapping', text: '- a\n', line: 1, path: '', message: /must be a mapping with targets, dataset and scorers, not a list/ },
  ];

  for (const c of cases) {
    it(c.name, async () => {
      const err = await suiteError(c.text);
      assert.equal(err.path, c.path, err.message);
      assert.equal(err.line ?? 0, c.line, err.message);
      assert.match(err.problems[0]!.message, c.message);
      const where = `${FILE}${c.line ? `:${c.line}` : ''}: ${c.path ? `${c.path}: ` : ''}`;
      assert.ok(err.message.startsWith(where), `${err.message} should start with ${where}`);
    });
  }

  it('reports every problem zod finds at once, unknown keys first', async () => {
    const err = await suiteError(`${BASE}repeat: 0\nretries: -1\ntimout: 5\n`);
    assert.deepEqual(
      err.problems.map((p) => [p.path, p.line]),
      [
        ['timout', 9],
        ['repeat', 7],
        ['retries', 8],
      ],
    );
    assert.equal(err.message.split('\n').length, 3);
  });

  it('names a suite file that cannot be read', async () => {
    const err = await loadSuite(join(FIXTURES, 'nope.yaml')).catch((e: unknown) => e);
    assert.ok(err instanceof SuiteError);
    assert.match(err.message, /nope\.yaml: file not found\. Pass the path of an existing suite file/);
  });

  it('says "suite" for text without a file name', async () => {
    const err = await parseSuite('targets: 3\n').catch((e: unknown) => e);
    assert.ok(err instanceof SuiteError);
    assert.match(err.message, /^suite:1: targets: must be a list, not a number\nsuite:1: dataset: is missing/);
  });
});
