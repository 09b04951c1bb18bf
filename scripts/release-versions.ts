/**
 * What a release must agree on, and the CLI package it publishes. release.yml runs it on a tag:
 *
 *   node scripts/release-versions.ts check --tag v1.2.3   # every version equals the tag's
 *   node scripts/release-versions.ts stage-cli <dir>      # the `mlflow-ts` npm package, from dist/cli
 *
 * A release ships one version in several places: the root package.json (which src/version.ts and
 * so every bundle read), the ESLint plugin's package.json, the CLI's `--version`, and the bundled
 * CLI the action runs. `check` reads each one the way a user would meet it, so a forgotten bump or
 * a stale dist/ stops the release before anything is published. On GitHub it also sets the step
 * outputs `version`, `major` (the moving tag, e.g. `v1`), `prerelease` and `npm-tag`.
 *
 * The root package is private (the repository is the action); the CLI is published as its own
 * package, named after the root's `bin`, containing only the self-contained ncc bundle dist/cli/.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as core from '@actions/core';
import { z } from 'zod';
import { PACKAGE_VERSION } from '../src/version.ts';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Versions disagree, a tag is malformed, or dist/ is missing: the message says what to fix. */
export class ReleaseError extends Error {
  override name = 'ReleaseError';
}

/** semver.org's own expression (2.0.0), without the build metadata npm drops. */
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?$/;

export interface ReleaseVersion {
  version: string;
  /** The moving major tag, `v1`; users pin `uses: owner/repo@v1`. */
  major: string;
  prerelease: boolean;
  /** npm's dist-tag: a prerelease must not become what `npm install` picks. */
  npmTag: 'latest' | 'next';
}

export function parseVersion(version: string): ReleaseVersion {
  const m = SEMVER.exec(version);
  if (!m) throw new ReleaseError(`"${version}" is not a semantic version (MAJOR.MINOR.PATCH, optionally -prerelease), e.g. 1.2.3 or 1.3.0-rc.1.`);
  const prerelease = m[4] !== undefined;
  return { version, major: `v${m[1]}`, prerelease, npmTag: prerelease ? 'next' : 'latest' };
}

/** `v1.2.3` → 1.2.3; release tags are the version with a `v`, nothing else. */
export function parseReleaseTag(tag: string): ReleaseVersion {
  const name = tag.replace(/^refs\/tags\//, '');
  if (!name.startsWith('v')) throw new ReleaseError(`Tag "${name}" is not a release tag: release tags are v<version>, e.g. v1.2.3.`);
  return parseVersion(name.slice(1));
}

/**
 * GitHub's filter pattern (on.push.tags, branches, paths) as a RegExp: `*` is any run of
 * characters but `/`, `**` any run at all, `?` and `+` repeat the previous character, `[...]` a
 * class, a leading `!` negates (see githubFiltersMatch). Anything else is literal.
 * https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#filter-pattern-cheat-sheet
 */
export function githubFilterPattern(pattern: string): { negated: boolean; regex: RegExp } {
  const negated = pattern.startsWith('!');
  const body = negated ? pattern.slice(1) : pattern;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '*' && body[i + 1] === '*') {
      out += '.*';
      i++;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?' || c === '+') out += c;
    else if (c === '[') {
      const end = body.indexOf(']', i);
      if (end === -1) throw new ReleaseError(`Filter pattern "${pattern}" has an unclosed [.`);
      out += `[${body.slice(i + 1, end).replace(/[\\^]/g, '\\$&')}]`;
      i = end;
    } else out += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return { negated, regex: new RegExp(`^${out}$`) };
}

/** GitHub's rule for a list of filters: the last pattern that matches decides, `!` excluding. */
export function githubFiltersMatch(patterns: readonly string[], ref: string): boolean {
  let matched = false;
  for (const p of patterns) {
    const { negated, regex } = githubFilterPattern(p);
    if (regex.test(ref)) matched = !negated;
  }
  return matched;
}

const PackageJson = z.looseObject({
  name: z.string(),
  version: z.string(),
  description: z.string().optional(),
  license: z.string().optional(),
  bin: z.record(z.string(), z.string()).optional(),
  engines: z.record(z.string(), z.string()).optional(),
  repository: z.union([z.string(), z.looseObject({ url: z.string() })]).optional(),
  keywords: z.array(z.string()).optional(),
});
type PackageJson = z.infer<typeof PackageJson>;

function readPackage(file: string): PackageJson {
  const parsed = PackageJson.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new ReleaseError(`${file} is not a package.json this release can read:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export const PLUGIN_DIR = 'eslint-plugin';

/** The published CLI: the root's only `bin`, and the directory its bundle lives in. */
export function cliPackage(): { name: string; bundle: string; dir: string } {
  const bin = Object.entries(readPackage(path.join(ROOT, 'package.json')).bin ?? {});
  if (bin.length !== 1) throw new ReleaseError(`package.json must declare exactly one \`bin\` (the mlflow-ts CLI); it declares ${bin.length}.`);
  const [name, bundle] = bin[0]!;
  return { name, bundle: path.normalize(bundle), dir: path.dirname(path.normalize(bundle)) };
}

export interface VersionSource {
  /** Where the version was read, as a reader would look for it. */
  source: string;
  version: string;
}

function cliVersion(script: string): string {
  // process.execPath: the Node running this script (24 under npm scripts and in CI), not the PATH's.
  return execFileSync(process.execPath, [path.join(ROOT, script), '--version'], { cwd: ROOT, encoding: 'utf8' }).trim();
}

/** Every place a release's version shows, read as users meet it. */
export function declaredVersions(): VersionSource[] {
  const cli = cliPackage();
  if (!existsSync(path.join(ROOT, cli.bundle))) throw new ReleaseError(`${cli.bundle} is missing: run \`npm run build\` (and commit dist/) before releasing.`);
  return [
    { source: 'package.json', version: readPackage(path.join(ROOT, 'package.json')).version },
    { source: `${PLUGIN_DIR}/package.json`, version: readPackage(path.join(ROOT, PLUGIN_DIR, 'package.json')).version },
    { source: 'src/version.ts (PACKAGE_VERSION)', version: PACKAGE_VERSION },
    { source: 'mlflow-ts --version (src/cli/main.ts)', version: cliVersion('src/cli/main.ts') },
    { source: `${cli.bundle} --version (the CLI the action runs and npm ships)`, version: cliVersion(cli.bundle) },
  ];
}

/** The one version every source agrees on (and the tag names, when given); else a ReleaseError listing them. */
export function agreedVersion(sources: readonly VersionSource[], tag?: string): ReleaseVersion {
  const expected = tag !== undefined ? parseReleaseTag(tag).version : sources[0]?.version;
  if (expected === undefined) throw new ReleaseError('No version sources to compare.');
  const wrong = sources.filter((s) => s.version !== expected);
  if (wrong.length > 0) {
    const table = sources.map((s) => `  ${s.version === expected ? ' ' : '✗'} ${s.version.padEnd(12)} ${s.source}`).join('\n');
    const against = tag !== undefined ? `tag ${tag}` : sources[0]!.source;
    throw new ReleaseError(
      `Versions disagree with ${against} (${expected}):\n${table}\n` +
        'Set the same version in package.json and eslint-plugin/package.json, run `npm run build`, commit, and tag v<version>.',
    );
  }
  return parseVersion(expected);
}

function repositoryUrl(pkg: PackageJson): string | undefined {
  const repo = pkg.repository;
  return typeof repo === 'string' ? repo : repo?.url;
}

/**
 * Writes the `mlflow-ts` npm package into `out`: the dist/cli bundle (self-contained, so no
 * dependencies), a package.json naming it, and the README. Its repository is the root package's
 * (the plugin's as a fallback), which npm's provenance check compares with the publishing workflow.
 */
export function stageCliPackage(out: string): { dir: string; manifest: Record<string, unknown> } {
  const rootPkg = readPackage(path.join(ROOT, 'package.json'));
  const plugin = readPackage(path.join(ROOT, PLUGIN_DIR, 'package.json'));
  const cli = cliPackage();
  if (!existsSync(path.join(ROOT, cli.bundle))) throw new ReleaseError(`${cli.bundle} is missing: run \`npm run build\` first.`);
  const repo = repositoryUrl(rootPkg) ?? repositoryUrl(plugin);
  if (repo === undefined) throw new ReleaseError('package.json has no repository: npm provenance compares it with the publishing repository.');
  const web = repo.replace(/^git\+/, '').replace(/\.git$/, '');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  cpSync(path.join(ROOT, cli.dir), out, { recursive: true });
  const manifest: Record<string, unknown> = {
    name: cli.name,
    version: rootPkg.version,
    description: rootPkg.description,
    // ncc emits ESM for our ESM sources; dist/cli's own package.json says so too and is replaced here.
    type: 'module',
    license: rootPkg.license,
    bin: { [cli.name]: path.relative(cli.dir, cli.bundle) },
    engines: rootPkg.engines,
    repository: { type: 'git', url: repo },
    homepage: `${web}#readme`,
    keywords: ['mlflow', 'tracking', 'experiment-tracking', 'ai-gateway', 'llm', 'evaluation', 'cli'],
  };
  writeFileSync(path.join(out, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  cpSync(path.join(ROOT, 'README.md'), path.join(out, 'README.md'));
  return { dir: out, manifest };
}

function main(argv: string[]): void {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { tag: { type: 'string' } } });
  const [command, dir] = positionals;
  if (command === 'check') {
    const sources = declaredVersions();
    const release = agreedVersion(sources, values.tag);
    for (const s of sources) console.log(`  ${s.version.padEnd(12)} ${s.source}`);
    console.log(`All ${sources.length} versions agree: ${release.version}${values.tag ? ` (tag ${values.tag})` : ''}; major tag ${release.major}, npm dist-tag ${release.npmTag}.`);
    if (process.env.GITHUB_OUTPUT) {
      core.setOutput('version', release.version);
      core.setOutput('major', release.major);
      core.setOutput('prerelease', String(release.prerelease));
      core.setOutput('npm-tag', release.npmTag);
    }
  } else if (command === 'stage-cli' && dir !== undefined) {
    const staged = stageCliPackage(path.resolve(dir));
    console.log(`Staged ${String(staged.manifest.name)}@${String(staged.manifest.version)} in ${staged.dir}`);
  } else {
    throw new ReleaseError('Usage: node scripts/release-versions.ts check [--tag v1.2.3] | stage-cli <dir>');
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof ReleaseError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}
