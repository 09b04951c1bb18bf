/**
 * The action's interface: action.yml declares exactly the inputs src/action/inputs.ts reads, with
 * the same defaults and descriptions, and the outputs the code sets; every input is validated and
 * a bad one stops the built action before anything starts, naming the input and what is allowed.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ActionInputError, INPUTS, parseEntryPointLine, readInputs, type InputName } from '../../src/action/inputs.ts';
import { startFakeGitHub } from '../fakes/github.ts';
import { ROOT, runStep, removeScratch } from './fixtures/harness.ts';

const actionYml = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { description: string; default: string; required?: boolean }>;
  outputs: Record<string, { description: string }>;
  runs: Record<string, string>;
};

/** Inputs as the runner passes them: every one, defaults filled in. */
function read(given: Partial<Record<InputName, string>>): ReturnType<typeof readInputs> {
  const defaults: Record<string, string> = Object.fromEntries(INPUTS.map((i) => [i.name, i.default]));
  return readInputs((name) => given[name] ?? (name === 'github-token' ? 'ghs_token' : name === 'matrix' ? 'null' : defaults[name]!));
}

function rejects(given: Partial<Record<InputName, string>>, input: string, message: RegExp): void {
  assert.throws(
    () => read(given),
    (error: unknown) => {
      assert.ok(error instanceof ActionInputError, String(error));
      assert.equal(error.input, input);
      assert.match(error.message, message);
      return true;
    },
  );
}

describe('action.yml', () => {
  it('declares the inputs inputs.ts reads, with the same defaults and descriptions', () => {
    assert.deepEqual(Object.keys(actionYml.inputs), INPUTS.map((i) => i.name));
    for (const spec of INPUTS) {
      const declared = actionYml.inputs[spec.name]!;
      assert.equal(declared.default, spec.default, spec.name);
      assert.equal(declared.description, spec.description, spec.name);
      assert.notEqual(declared.required, true, `${spec.name} has a default`);
    }
  });

  it('runs the built entries on node24, the post step always', () => {
    assert.deepEqual(actionYml.runs, { using: 'node24', main: 'dist/action-main/index.js', post: 'dist/action-post/index.js', 'post-if': 'always()' });
    for (const entry of [actionYml.runs.main, actionYml.runs.post]) assert.ok(existsSync(path.join(ROOT, entry)), `${entry} is built`);
  });

  it('declares the outputs the code sets', () => {
    assert.deepEqual(Object.keys(actionYml.outputs).sort(), ['gateway-uri', 'passed', 'report-path', 'run-ids', 'tracking-uri']);
    const code = ['main.ts', 'finish.ts'].map((f) => readFileSync(path.join(ROOT, 'src/action', f), 'utf8')).join('\n');
    const set = [...code.matchAll(/core\.setOutput\('([^']+)'/g)].map((m) => m[1]);
    assert.deepEqual([...new Set(set)].sort(), Object.keys(actionYml.outputs).sort());
  });
});

describe('readInputs', () => {
  it('gives the documented defaults', () => {
    const inputs = read({});
    assert.equal(inputs.mode, 'run');
    assert.equal(inputs.project, '.');
    assert.deepEqual(inputs.entryPoints, []);
    assert.deepEqual(inputs.baseline, { kind: 'auto' });
    assert.equal(inputs.comment, 'update');
    assert.equal(inputs.failOn, 'threshold');
    assert.equal(inputs.uploadResults, true);
    assert.equal(inputs.artifactName, 'mlflow-ts-results');
    assert.equal(inputs.matrix, undefined);
    assert.deepEqual(inputs.thresholds, []);
  });

  it('reads entry points with parameters, quoted values and comments', () => {
    assert.deepEqual(parseEntryPointLine('train'), { name: 'train', params: {} });
    assert.deepEqual(parseEntryPointLine('train: lr=0.1 note="two words" path=\'a b\' empty='), { name: 'train', params: { lr: '0.1', note: 'two words', path: 'a b', empty: '' } });
    assert.deepEqual(parseEntryPointLine('eval:   run_id=abc'), { name: 'eval', params: { run_id: 'abc' } });
    assert.deepEqual(parseEntryPointLine('train: msg="say \\"hi\\""'), { name: 'train', params: { msg: 'say "hi"' } });
    const inputs = read({ 'entry-points': '# the order matters\ntrain: lr=0.1\n\nevaluate\n' });
    assert.deepEqual(inputs.entryPoints.map((e) => e.name), ['train', 'evaluate']);
  });

  it('reads baselines, directions, thresholds and the matrix', () => {
    assert.deepEqual(read({ baseline: 'none' }).baseline, { kind: 'none' });
    assert.deepEqual(read({ baseline: 'https://example.com/b.json' }).baseline, { kind: 'url', url: 'https://example.com/b.json' });
    assert.deepEqual(read({ baseline: 'tracking:prod', 'tracking-uri': 'https://mlflow.example.com' }).baseline, { kind: 'tracking', experiment: 'prod' });
    assert.deepEqual(read({ baseline: 'package.json' }).baseline, { kind: 'path', path: 'package.json' });
    assert.deepEqual(read({ directions: 'throughput: higher\nperplexity=lower' }).directions, { throughput: 'higher', perplexity: 'lower' });
    assert.equal(read({ thresholds: 'accuracy >= 0.9\nloss <= baseline + 0.01' }).thresholds.length, 2);
    assert.deepEqual(read({ matrix: '{"os":"linux","node":24}' }).matrix, { os: 'linux', node: 24 });
    assert.equal(read({ 'upload-results': 'False' }).uploadResults, false);
  });

  it('names the input, what was given and what is allowed', () => {
    rejects({ mode: 'sideways' }, 'mode', /got "sideways"; allowed: `run`, `start`, `comment`/);
    rejects({ comment: 'sticky' }, 'comment', /allowed: `update`, `new`, `off`/);
    rejects({ 'fail-on': 'sometimes' }, 'fail-on', /allowed: `regression`, `threshold`, `never`/);
    rejects({ 'upload-results': 'yes' }, 'upload-results', /allowed: `true`, `false`/);
    rejects({ 'artifact-name': 'a/b' }, 'artifact-name', /none of/);
    rejects({ thresholds: 'accuracy >> 0.9' }, 'thresholds', /Gate syntax error at line 1/);
    rejects({ 'entry-points': 'train: lr' }, 'entry-points', /"lr" is not a `key=value` parameter/);
    rejects({ 'entry-points': 'two words' }, 'entry-points', /does not start with an entry point name/);
    rejects({ directions: 'loss: down' }, 'directions', /is not `metric: higher` or `metric: lower`/);
    rejects({ baseline: 's3://bucket/b.json' }, 'baseline', /is not supported/);
    rejects({ baseline: 'http://example.com/b.json' }, 'baseline', /must use https/);
    rejects({ baseline: 'tracking:' }, 'baseline', /name the experiment/);
    rejects({ baseline: 'tracking:prod' }, 'baseline', /set that input too/);
    rejects({ baseline: 'no/such/bundle.json' }, 'baseline', /does not exist/);
    rejects({ 'gateway-replay': 'examples/qa-eval/recordings' }, 'gateway-replay', /needs `gateway-config`/);
    rejects({ 'gateway-config': 'no/such.yaml' }, 'gateway-config', /does not exist/);
    rejects({ eval: 'examples' }, 'eval', /is a directory/);
    rejects({ 'tracking-uri': 'ftp://x' }, 'tracking-uri', /http:\/\/ or https:\/\//);
    rejects({ 'tracking-token': 'secret-token' }, 'tracking-token', /only used with `tracking-uri`/);
    rejects({ mode: 'start', 'tracking-uri': 'https://mlflow.example.com' }, 'experiment-name', /required with `tracking-uri` in mode `start`/);
    rejects({ mode: 'start', 'entry-points': 'train' }, 'entry-points', /mode `run` only/);
    rejects({ mode: 'comment', 'github-token': '' }, 'github-token', /must not be empty/);
    rejects({ 'entry-points': 'train', project: 'no/such/project' }, 'project', /does not exist/);
  });
});

describe('the built action with a bad input', () => {
  const fakeReady = startFakeGitHub();
  after(async () => {
    await (await fakeReady).close();
    await removeScratch();
  });

  for (const [input, value, message] of [
    ['fail-on', 'sometimes', /Input `fail-on`: got "sometimes"; allowed: `regression`, `threshold`, `never`\./],
    ['thresholds', 'accuracy >= ', /Input `thresholds`: Gate syntax error/],
  ] as const) {
    it(`fails fast on ${input}: ${value}`, async () => {
      const fake = await fakeReady;
      const token = fake.addToken({ kind: 'installation' });
      const run = fake.addRun('acme/inputs', { workflow: 'ci.yml', event: 'push' });
      const step = await runStep('main', { fake, run, token, inputs: { [input]: value } });
      assert.equal(step.code, 1);
      const errors = step.annotations.filter((a) => a.level === 'error');
      assert.equal(errors.length, 1);
      assert.match(errors[0]!.message, message);
      assert.deepEqual(step.state, {}, 'nothing was started');
      assert.doesNotMatch(step.stdout, /Tracking server:/);
    });
  }
});
