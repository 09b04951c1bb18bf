/**
 * Builds the published bundles in dist/: tsc emits plain JS (rewriting `.ts` imports), then
 * @vercel/ncc bundles each entry with its dependencies into one file, so the Action and the CLI
 * run without node_modules. `--check` rebuilds into a temp dir and fails if dist/ differs, which
 * is how CI proves the committed dist/ matches the source.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const check = process.argv.includes('--check');

/** Entry points: `dist/<name>/index.js` bundles `build/src/<entry>`. */
const ENTRIES: Record<string, string> = {
  cli: 'src/cli/main.js',
  // The GitHub Action's steps (action.yml); they run dist/cli/index.js for the servers.
  'action-main': 'src/action/main.js',
  'action-post': 'src/action/post.js',
};

function run(cmd: string, args: string[]): void {
  execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
}

const out = check ? mkdtempSync(join(tmpdir(), 'mlflow-ts-dist-')) : join(root, 'dist');
const build = join(root, 'build');
rmSync(build, { recursive: true, force: true });
run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json']);
// tsc copies imported JSON (package.json for the version) only when it is inside rootDir.
if (!existsSync(join(build, 'package.json'))) cpSync(join(root, 'package.json'), join(build, 'package.json'));

if (!check) rmSync(out, { recursive: true, force: true });
for (const [name, entry] of Object.entries(ENTRIES)) {
  run(process.execPath, [
    join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js'),
    'build',
    join(build, entry),
    '-o',
    join(out, name),
    '--target',
    'es2024',
    '--quiet',
    '--no-source-map-register',
    '--license',
    'licenses.txt',
  ]);
}
rmSync(build, { recursive: true, force: true });

if (check) {
  const dist = join(root, 'dist');
  const expected = listFiles(out);
  const actual = listFiles(dist);
  const diffs: string[] = [];
  for (const f of new Set([...expected, ...actual])) {
    const a = join(dist, f);
    const b = join(out, f);
    if (!existsSync(a)) diffs.push(`missing in dist/: ${f}`);
    else if (!existsSync(b)) diffs.push(`stale file in dist/: ${f}`);
    else if (!readFileSync(a).equals(readFileSync(b))) diffs.push(`differs: dist/${f}`);
  }
  rmSync(out, { recursive: true, force: true });
  if (diffs.length > 0) {
    console.error(`dist/ does not match the source (${diffs.length} file(s)):\n  ${diffs.join('\n  ')}\nRun \`npm run build\` and commit dist/.`);
    process.exit(1);
  }
  console.log(`dist/ matches the source (${relative(root, dist)}: ${actual.length} files)`);
}
