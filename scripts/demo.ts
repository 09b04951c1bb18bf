/**
 * `npm run demo`: the whole pipeline offline, exactly as the GitHub Action runs it. The bundled
 * action (dist/action-main/index.js) is started the way the runner starts it (INPUT_* variables and
 * file commands), with the tracking server and the AI gateway in replay mode (recorded answers, no
 * network, no API keys). It runs the example project's `train` entry point, evaluates two chat
 * endpoints on capital-city questions, compares everything with a shipped baseline bundle
 * (examples/demo-baseline/bundle.json, the results of an earlier run with lr=0.05), judges the
 * thresholds, and writes report.md / report.json / bundle.json. This script prints the comparison
 * as a terminal table and the gate verdict.
 *
 *   npm run demo                      # as above
 *   npm run demo -- --write-baseline  # re-make the shipped baseline (lr=0.05)
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareFiles } from '../src/report/compare/index.ts';

const root = new URL('..', import.meta.url).pathname;
const writeBaseline = process.argv.includes('--write-baseline');
const baselineBundle = join(root, 'examples/demo-baseline/bundle.json');
const dir = mkdtempSync(join(tmpdir(), 'mlflow-ts-demo-'));
const files = { output: join(dir, 'output'), state: join(dir, 'state'), env: join(dir, 'env'), log: join(dir, 'action.log') };
for (const f of [files.output, files.state, files.env]) writeFileSync(f, '');

const inputs: Record<string, string> = {
  mode: 'run',
  project: 'examples/logistic-regression',
  'entry-points': writeBaseline ? 'train: lr=0.05' : 'train: lr=0.3',
  'gateway-config': 'examples/qa-eval/gateway-config.yaml',
  'gateway-replay': 'examples/qa-eval/recordings',
  eval: 'examples/qa-eval/eval.yaml',
  'experiment-name': 'demo',
  baseline: writeBaseline ? 'none' : 'examples/demo-baseline/bundle.json',
  thresholds: ['[entry_point=train] test_accuracy >= 0.9', '[entry_point=train] test_log_loss <= baseline + 0.02', '[eval=large] correctness/pass_rate >= baseline - 0.05'].join('\n'),
  'fail-on': 'regression',
  comment: 'off',
  'upload-results': 'false',
  'artifact-name': 'mlflow-ts-results',
  matrix: 'null',
  'github-token': '',
};

/** The runner's view of an input name: `INPUT_` + upper case, spaces as `_`, dashes kept. */
const inputEnv = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.replace(/ /g, '_').toUpperCase()}`, v]));
console.log(`Running the action (dist/action-main/index.js) as a GitHub runner would; its log: ${files.log}\n`);
const code = await new Promise<number | null>((resolve, reject) => {
  const child = spawn(process.execPath, [join(root, 'dist/action-main/index.js')], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      RUNNER_TEMP: dir,
      GITHUB_WORKSPACE: root,
      GITHUB_OUTPUT: files.output,
      GITHUB_STATE: files.state,
      GITHUB_ENV: files.env,
      ...inputEnv,
    },
  });
  const log: Buffer[] = [];
  child.stdout.on('data', (d: Buffer) => log.push(d));
  child.stderr.on('data', (d: Buffer) => log.push(d));
  child.once('error', reject);
  child.once('close', (c) => {
    writeFileSync(files.log, Buffer.concat(log));
    resolve(c);
  });
});

/** Values the step wrote with core.setOutput (`name<<delimiter` records). */
function outputs(): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = readFileSync(files.output, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]!);
    out[m[1]!] = value.join('\n');
  }
  return out;
}

const out = outputs();
if (!out['report-path']) {
  process.stderr.write(readFileSync(files.log, 'utf8').split('\n').slice(-30).join('\n') + '\n');
  throw new Error(`the action wrote no report (exit code ${code}); see its log above and in ${files.log}.`);
}
const results = out['report-path'];
if (writeBaseline) {
  copyFileSync(join(results, 'bundle.json'), baselineBundle);
  console.log(`Wrote the shipped baseline: ${baselineBundle}`);
} else {
  process.stdout.write(await compareFiles({ baseline: baselineBundle, current: join(results, 'bundle.json'), format: 'table' }));
  const report = JSON.parse(readFileSync(join(results, 'report.json'), 'utf8')) as { passed: boolean; fail_on: string };
  console.log(`\nGates (fail-on: ${report.fail_on}): ${report.passed ? 'PASSED' : 'FAILED'}; the action exited ${code}.`);
  console.log(`The PR comment as Markdown: ${join(results, 'report.md')}`);
  console.log(`Report JSON and results bundle: ${results}`);
}
