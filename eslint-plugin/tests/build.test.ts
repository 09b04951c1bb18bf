/**
 * The published package is tsc's output (package.json `exports`): it must build, load without
 * TypeScript, carry the one pure-data module it takes from the repo (src/mlflow/limits.ts), and
 * expose the same rules and configs as the source.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import source from '../src/index.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

describe('build', () => {
  // Inside the package, so the built files resolve their dependencies from node_modules.
  let outDir: string;
  before(() => {
    outDir = mkdtempSync(join(ROOT, '.build-test-'));
    const tsc = join(ROOT, '..', 'node_modules', 'typescript', 'bin', 'tsc');
    execFileSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', outDir], { stdio: 'pipe' });
  });
  after(() => rmSync(outDir, { recursive: true, force: true }));

  it('emits the entry point package.json exports and the limits module', () => {
    const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: { '.': { default: string; types: string } } };
    const entry = packageJson.exports['.'].default.replace(/^\.\/dist\//, '');
    assert.ok(existsSync(join(outDir, entry)), entry);
    assert.ok(existsSync(join(outDir, packageJson.exports['.'].types.replace(/^\.\/dist\//, ''))));
    assert.ok(existsSync(join(outDir, 'src/mlflow/limits.js')));
  });

  it('loads as JavaScript with the same rules and configs as the source', async () => {
    const built = (await import(pathToFileURL(join(outDir, 'eslint-plugin/src/index.js')).href)) as { default: typeof source };
    assert.deepEqual(Object.keys(built.default.rules), Object.keys(source.rules));
    assert.deepEqual(built.default.meta, source.meta);
    for (const name of Object.keys(source.configs) as (keyof typeof source.configs)[]) {
      assert.deepEqual(built.default.configs[name].rules, source.configs[name].rules);
    }
  });
});
