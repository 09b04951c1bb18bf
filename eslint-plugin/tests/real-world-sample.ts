/**
 * The real-world sample: TypeScript source that published packages ship in their npm tarballs,
 * linted in place under node_modules (installed as devDependencies, never copied into the repo).
 * Shared by tests/real-world.test.ts and bench/lint-time.ts.
 *
 * - `@arizeai/openinference-instrumentation-openai`: OpenTelemetry instrumentation of the
 *   `openai` client (tracer.startSpan, span.setAttributes/recordException/end, openai types).
 * - `openai` (`src/lib`): the SDK's own helpers, which call `client.chat.completions.create`
 *   and `client.responses.create`.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import plugin from '../src/index.ts';
import { PLUGIN_NAME } from '../src/utils/create-rule.ts';

export const REPO_ROOT = join(dirname(new URL(import.meta.url).pathname), '..', '..');

export interface SamplePackage {
  name: string;
  /** The folder of TypeScript source inside the package. */
  sourceDir: string;
}

export const SAMPLE_PACKAGES: readonly SamplePackage[] = [
  { name: '@arizeai/openinference-instrumentation-openai', sourceDir: 'src' },
  { name: 'openai', sourceDir: 'src/lib' },
];

export interface Sample {
  name: string;
  version: string;
  dir: string;
  files: string[];
  lines: number;
}

export class SampleMissingError extends Error {}

/** Finds an installed sample package (root or plugin workspace node_modules) and lists its TypeScript sources. */
export function findSample(pkg: SamplePackage): Sample {
  const candidates = [join(REPO_ROOT, 'node_modules', pkg.name), join(REPO_ROOT, 'eslint-plugin', 'node_modules', pkg.name)];
  const packageDir = candidates.find((d) => existsSync(join(d, 'package.json')));
  if (!packageDir) {
    throw new SampleMissingError(`${pkg.name} is not installed: add it to the root devDependencies (npm install -D ${pkg.name}) so the real-world lint has its source.`);
  }
  const dir = join(packageDir, pkg.sourceDir);
  if (!existsSync(dir)) throw new SampleMissingError(`${pkg.name} no longer ships ${pkg.sourceDir}/ in its tarball; pick another sample.`);
  const files = readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .sort()
    .map((f) => join(dir, f));
  const lines = files.reduce((n, f) => n + readFileSync(f, 'utf8').split('\n').length, 0);
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
  return { name: pkg.name, version, dir, files, lines };
}

export const findSamples = (): Sample[] => SAMPLE_PACKAGES.map(findSample);

const tsconfigs = new Map<string, string>();

/**
 * A tsconfig naming exactly `files`, in a temporary folder: files under node_modules belong to no
 * project, and the project service refuses default projects for more than a handful of files.
 * One per file list, so every ESLint instance over the same files shares one TypeScript program.
 */
export function tsconfigFor(files: readonly string[]): string {
  const key = files.join('\n');
  const known = tsconfigs.get(key);
  if (known) return known;
  const dir = mkdtempSync(join(tmpdir(), 'mlflow-ts-lint-'));
  const path = join(dir, 'tsconfig.json');
  const compilerOptions = {
    target: 'es2024',
    module: 'nodenext',
    moduleResolution: 'nodenext',
    lib: ['es2024', 'esnext.disposable', 'dom'],
    types: ['node'],
    typeRoots: [join(REPO_ROOT, 'node_modules', '@types')],
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    allowImportingTsExtensions: true,
    erasableSyntaxOnly: false,
  };
  writeFileSync(path, JSON.stringify({ compilerOptions, files }, null, 2));
  tsconfigs.set(key, path);
  return path;
}

export type PluginConfigName = 'recommended' | 'recommended-type-checked' | 'strict';

/** The plugin's flat config of that name, as a list. */
export function pluginConfig(name: PluginConfigName): Linter.Config[] {
  const config = (plugin.configs as Record<string, Linter.Config | Linter.Config[]>)[name];
  if (!config) throw new Error(`eslint-plugin-mlflow-ts has no '${name}' config.`);
  return Array.isArray(config) ? config : [config];
}

/** An ESLint instance over `files` (anywhere, node_modules included) with type information and `extra` configs. */
export function eslintFor(files: readonly string[], extra: readonly Linter.Config[], options: { stats?: boolean } = {}): ESLint {
  const project = tsconfigFor(files);
  return new ESLint({
    cwd: REPO_ROOT,
    overrideConfigFile: true,
    stats: options.stats ?? false,
    overrideConfig: [
      // The sample lives in node_modules, which ESLint skips unless told otherwise.
      { ignores: ['!**/node_modules/'] },
      {
        files: ['**/*.ts'],
        // CI=true makes typescript-estree infer a single-run lint and build its programs another way,
        // which loses (or crashes on) these node_modules files; several ESLint instances share the
        // program here, so single-run inference is off.
        languageOptions: { parser: tseslint.parser, parserOptions: { project, tsconfigRootDir: dirname(project), disallowAutomaticSingleRunInference: true } },
        // The sample's own eslint-disable comments name rules of its config, not ours.
        linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
      },
      ...extra,
    ],
  });
}

export interface Report {
  file: string;
  line: number;
  column: number;
  ruleId: string;
  message: string;
}

/** Lints the samples with one plugin config and returns the plugin's reports (sample-relative paths). */
export async function lintSamples(samples: readonly Sample[], config: PluginConfigName): Promise<Report[]> {
  const files = samples.flatMap((s) => s.files);
  const results = await eslintFor(files, pluginConfig(config)).lintFiles(files);
  const reports: Report[] = [];
  for (const result of results) {
    for (const m of result.messages) {
      if (m.fatal) throw new Error(`${result.filePath}:${m.line}: ${m.message}`);
      // Only the plugin's reports; ESLint's notes on the sample's own disable comments are not ours.
      if (!m.ruleId?.startsWith(`${PLUGIN_NAME}/`)) continue;
      reports.push({ file: result.filePath.slice(result.filePath.indexOf('node_modules/') + 'node_modules/'.length), line: m.line, column: m.column, ruleId: m.ruleId, message: m.message });
    }
  }
  return reports;
}
