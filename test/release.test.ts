/**
 * Packaging and release: one version everywhere a user meets it, a release workflow whose tag
 * pattern takes exactly release tags, the `mlflow-ts` npm package staged from dist/cli, and the
 * workflow validation .ci/run runs (including how narrowly it excuses the validator's node24 gap).
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { PACKAGE_VERSION } from '../src/version.ts';
import {
  agreedVersion,
  cliPackage,
  declaredVersions,
  githubFilterPattern,
  githubFiltersMatch,
  parseReleaseTag,
  parseVersion,
  ReleaseError,
  ROOT,
  stageCliPackage,
} from '../scripts/release-versions.ts';
import { NODE24_NOTICE, validateActionSource, validateWorkflowSource } from '../scripts/validate-workflows.ts';

const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');
const json = (file: string): { name: string; version: string; bin?: Record<string, string>; repository?: { url: string } } => JSON.parse(read(file));
const cliVersion = (script: string): string => execFileSync(process.execPath, [path.join(ROOT, script), '--version'], { cwd: ROOT, encoding: 'utf8' }).trim();

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
interface Workflow {
  on: Record<string, { tags?: string[]; workflows?: string[] } | null>;
  permissions?: Record<string, string>;
  jobs: Record<string, { permissions?: Record<string, string>; steps: Step[] }>;
}
const workflow = (name: string): Workflow => parse(read(`.github/workflows/${name}`)) as Workflow;

describe('versions', () => {
  it('agree: package.json, the ESLint plugin, PACKAGE_VERSION, the CLI and the bundled CLI the action runs', () => {
    const root = json('package.json').version;
    assert.equal(json('eslint-plugin/package.json').version, root, 'eslint-plugin/package.json');
    assert.equal(PACKAGE_VERSION, root, 'src/version.ts');
    assert.equal(cliVersion('src/cli/main.ts'), root, 'mlflow-ts --version (sources)');
    assert.equal(cliVersion('dist/cli/index.js'), root, 'dist/cli/index.js --version: rebuild dist/');
    // The release workflow's own check reads the same places and agrees.
    const sources = declaredVersions();
    assert.equal(sources.length, 5);
    assert.equal(agreedVersion(sources, `v${root}`).version, root);
  });

  it('a disagreeing source or tag stops the release, naming what to fix', () => {
    const sources = [
      { source: 'package.json', version: '1.2.3' },
      { source: 'eslint-plugin/package.json', version: '1.2.2' },
    ];
    assert.throws(() => agreedVersion(sources), (e: unknown) => e instanceof ReleaseError && /✗ 1\.2\.2\s+eslint-plugin\/package\.json/.test(e.message) && !/✗ 1\.2\.3/.test(e.message));
    const same = [sources[0]!, { ...sources[1]!, version: '1.2.3' }];
    assert.equal(agreedVersion(same).version, '1.2.3');
    assert.throws(() => agreedVersion(same, 'v1.2.4'), (e: unknown) => e instanceof ReleaseError && /tag v1\.2\.4 \(1\.2\.4\)/.test(e.message));
    assert.equal(agreedVersion(same, 'refs/tags/v1.2.3').version, '1.2.3');
  });

  it('are semantic versions; the tag is v<version>; a prerelease moves no major tag and is not `latest`', () => {
    assert.deepEqual(parseVersion('1.2.3'), { version: '1.2.3', major: 'v1', prerelease: false, npmTag: 'latest' });
    assert.deepEqual(parseVersion('2.0.0-rc.1'), { version: '2.0.0-rc.1', major: 'v2', prerelease: true, npmTag: 'next' });
    assert.equal(parseReleaseTag('v0.1.0').major, 'v0');
    for (const bad of ['1.2', '01.2.3', 'v1.2.3', '1.2.3-', '1.2.3+build', '']) assert.throws(() => parseVersion(bad), ReleaseError, bad);
    assert.throws(() => parseReleaseTag('1.2.3'), /not a release tag/);
    assert.ok(parseVersion(PACKAGE_VERSION), 'the current version is a semantic version');
  });
});

describe('release.yml', () => {
  const release = workflow('release.yml');
  const tags = release.on.push?.tags ?? [];
  const steps = Object.values(release.jobs).flatMap((j) => j.steps);

  it('runs on the tag of the current version and of any semver release, and on nothing else', () => {
    assert.ok(tags.length > 0, 'on.push.tags');
    assert.ok(githubFiltersMatch(tags, `v${PACKAGE_VERSION}`), `v${PACKAGE_VERSION}`);
    for (const tag of ['v1.2.3', 'v10.20.30', 'v2.0.0-rc.1']) assert.ok(githubFiltersMatch(tags, tag), tag);
    // The major tag the release moves must not start another release.
    for (const tag of [parseVersion(PACKAGE_VERSION).major, 'v1', 'v1.2', 'release-1.2.3', 'latest']) assert.ok(!githubFiltersMatch(tags, tag), tag);
  });

  it('checks the versions against the tag before building, then moves the major tag and publishes both packages with provenance', () => {
    const runs = steps.map((s) => s.run ?? '');
    const at = (pattern: RegExp): number => runs.findIndex((r) => pattern.test(r));
    const check = at(/release-versions\.ts check --tag "\$GITHUB_REF_NAME"/);
    const ci = at(/bash \.ci\/run/);
    const move = at(/git push --force origin "refs\/tags\/\$MAJOR"/);
    const cli = at(/stage-cli[\s\S]*npm publish "\$RUNNER_TEMP\/mlflow-ts" --provenance/);
    const plugin = at(/npm publish --workspace eslint-plugin --provenance/);
    assert.ok(check >= 0 && ci > check && move > ci && cli > move && plugin > move, JSON.stringify({ check, ci, move, cli, plugin }));
    assert.match(steps[move]!.if ?? '', /prerelease == 'false'/);
    for (const publish of [steps[cli]!, steps[plugin]!]) assert.equal(publish.env?.NODE_AUTH_TOKEN, '${{ secrets.NPM_TOKEN }}');
    const job = Object.values(release.jobs)[0]!;
    assert.deepEqual(job.permissions, { contents: 'write', 'id-token': 'write' });
    assert.deepEqual(release.permissions, {});
  });
});

describe('the mlflow-ts npm package', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'mlflow-ts-release-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('is the self-contained dist/cli bundle under the root bin name, at the release version', () => {
    const staged = stageCliPackage(path.join(dir, 'pkg'));
    const manifest = JSON.parse(readFileSync(path.join(staged.dir, 'package.json'), 'utf8'));
    const { name } = cliPackage();
    assert.equal(name, 'mlflow-ts');
    assert.deepEqual(Object.keys(json('package.json').bin ?? {}), [name]);
    assert.equal(manifest.name, name);
    assert.equal(manifest.version, PACKAGE_VERSION);
    assert.equal(manifest.type, 'module');
    assert.equal(manifest.dependencies, undefined, 'the bundle needs no dependencies');
    // npm's provenance check compares this with the repository that publishes.
    assert.equal(manifest.repository.url, json('eslint-plugin/package.json').repository?.url);
    const bin = path.join(staged.dir, manifest.bin[name]);
    assert.ok(existsSync(bin), bin);
    assert.ok(existsSync(path.join(staged.dir, 'README.md')));
    assert.equal(execFileSync(process.execPath, [bin, '--version'], { cwd: dir, encoding: 'utf8' }).trim(), PACKAGE_VERSION);
  });
});

describe('GitHub filter patterns', () => {
  it('* stops at /, ** does not, the last matching pattern decides and ! excludes', () => {
    assert.ok(githubFilterPattern('v*').regex.test('v1.2'));
    assert.ok(!githubFilterPattern('v*').regex.test('v1/2'));
    assert.ok(githubFilterPattern('v**').regex.test('v1/2'));
    assert.ok(githubFilterPattern('v[12].*').regex.test('v2.0'));
    assert.ok(!githubFilterPattern('v[12].*').regex.test('v3.0'));
    assert.ok(githubFiltersMatch(['v*', '!v*-rc*'], 'v1.0.0'));
    assert.ok(!githubFiltersMatch(['v*', '!v*-rc*'], 'v1.0.0-rc1'));
    assert.ok(githubFiltersMatch(['!v*-rc*', 'v*'], 'v1.0.0-rc1'));
  });
});

describe('workflow validation (npm run validate:workflows)', () => {
  const action = read('action.yml');
  const inputs = new Set(Object.keys((parse(action) as { inputs: Record<string, unknown> }).inputs));

  it('passes on action.yml and every workflow, saying which validator error it excused', () => {
    const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts/validate-workflows.ts')], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}`);
    for (const file of ['action.yml', 'ci.yml', 'check-dist.yml', 'self-test.yml', 'pr-comment.yml', 'release.yml']) assert.match(result.stdout, new RegExp(`✓ (\\.github/workflows/)?${file.replace('.', '\\.')}`));
    assert.match(result.stdout, /::notice file=action\.yml,line=\d+::`runs\.using: node24` is rejected by @action-validator\/core/);
  });

  it('excuses only the runs.using enum on node24: any other error in action.yml still fails', () => {
    assert.equal(parse(action).runs.using, 'node24');
    const asWritten = validateActionSource(action);
    assert.deepEqual(asWritten.errors, []);
    assert.deepEqual(asWritten.notices.map((n) => n.message), [NODE24_NOTICE]);
    // A runtime the schema knows: valid, nothing excused.
    assert.deepEqual(validateActionSource(action.replace('using: node24', 'using: node20')), { file: 'action.yml', errors: [], notices: [] });
    const fails = (source: string, pattern: RegExp): void => {
      const report = validateActionSource(source);
      assert.deepEqual(report.notices, []);
      assert.ok(report.errors.some((e) => pattern.test(e.message)), JSON.stringify(report.errors));
    };
    fails(action.replace('using: node24', 'using: node99'), /\/runs\/using: Enum/);
    // The same enum error, plus another in `runs`.
    fails(action.replace('post-if: always()', 'post-iff: always()'), /Additional property 'post-iff'/);
    // The same enum error, plus one in `runs` reported after it.
    fails(action.replace('  main: dist/action-main/index.js\n', ''), /\/runs\/main: This property is required/);
    // The same enum error, plus one elsewhere: before it, and after it.
    fails(action.replace('  mode:\n', '  mode:\n    requird: true\n'), /Additional property 'requird'/);
    fails(action.replace('  tracking-uri:\n    description: The', '  tracking-uri:\n    descriptio: The'), /Additional property 'descriptio'/);
  });

  it('rejects a workflow that breaks the schema, or passes this action inputs it does not have or would reject', () => {
    const base = read('.github/workflows/self-test.yml');
    assert.deepEqual(validateWorkflowSource(base, 'self-test.yml', inputs).errors, []);
    const problems = (source: string): string => validateWorkflowSource(source, 'self-test.yml', inputs).errors.map((e) => e.message).join('\n');
    assert.match(problems(base.replace('runs-on: ubuntu-latest', 'runs_on: ubuntu-latest')), /Additional property 'runs_on'/);
    assert.match(problems(base.replace('experiment-name: self-test', 'experiment_name: self-test')), /`experiment_name` is not an input of action\.yml/);
    assert.match(problems(base.replace('fail-on: regression', 'fail-on: sometimes')), /would reject this step\. Input `fail-on`/);
    assert.match(problems(base.replace('test_accuracy >= 0.9', 'test_accuracy >== 0.9')), /Input `thresholds`: Gate syntax error/);
    assert.match(problems(base.replace('gateway-replay: examples/qa-eval/recordings', 'gateway-replay: examples/qa-eval/nowhere')), /Input `gateway-replay`: directory/);
  });
});

describe('workflows', () => {
  const all = ['ci.yml', 'check-dist.yml', 'self-test.yml', 'pr-comment.yml', 'release.yml'];

  it('grant nothing by default: every workflow sets top-level permissions, never write-all', () => {
    for (const file of all) {
      const text = read(`.github/workflows/${file}`);
      assert.ok(workflow(file).permissions !== undefined, `${file}: top-level permissions`);
      assert.doesNotMatch(text, /write-all/, file);
    }
  });

  it('ci.yml runs .ci/run, which validates the workflows', () => {
    assert.ok(workflow('ci.yml').jobs.check!.steps.some((s) => s.run === 'bash .ci/run'));
    assert.match(read('.ci/run'), /^echo .*npm run validate:workflows;/m);
  });

  it('self-test.yml uses the action in modes run and start; pr-comment.yml posts fork reports with mode comment', () => {
    const selfTest = workflow('self-test.yml');
    const modes = Object.values(selfTest.jobs).flatMap((j) => j.steps.filter((s) => s.uses === './').map((s) => s.with?.mode));
    assert.deepEqual(modes.sort(), ['run', 'start']);
    for (const job of Object.values(selfTest.jobs)) {
      assert.deepEqual(job.permissions, { contents: 'read', 'pull-requests': 'write', actions: 'read', statuses: 'write' });
    }
    const comment = workflow('pr-comment.yml');
    assert.deepEqual(comment.on.workflow_run?.workflows, ['self-test']);
    assert.equal(parse(read('.github/workflows/self-test.yml')).name, 'self-test');
    assert.deepEqual(Object.values(comment.jobs).flatMap((j) => j.steps.filter((s) => s.uses === './').map((s) => s.with?.mode)), ['comment']);
  });
});
