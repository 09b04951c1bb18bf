/**
 * Lint time per 1,000 lines on a fixed corpus (this repo's src/ plus the real-world sample):
 *   (a) typescript-eslint's own `recommended` (untyped);
 *   (b) (a) plus this plugin's untyped `recommended` (target: ≤ 20% over (a));
 *   (c) typescript-eslint's `recommended-type-checked` plus this plugin's `recommended-type-checked`,
 *       next to (c0), typescript-eslint's `recommended-type-checked` alone.
 * Runs alternate between variants (in alternating order) and the median is kept, so drift on a
 * busy machine and warm caches favour none of them. Wall-time differences of a few percent are
 * noise on 2 cores; ESLint's own per-rule timings (`stats`) give the plugin's share without it.
 * Typed timings exclude building the TypeScript program (done once, in the warm-up round).
 *
 *   npx node eslint-plugin/bench/lint-time.ts [--smoke]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { eslintFor, findSample, pluginConfig, REPO_ROOT, SAMPLE_PACKAGES, SampleMissingError } from '../tests/real-world-sample.ts';

export interface LintBenchResult {
  lint_corpus_files: number;
  lint_corpus_lines: number;
  /** (a) typescript-eslint `recommended`, untyped. */
  lint_ms_per_kloc_tseslint: number;
  /** (b) (a) plus this plugin's untyped `recommended`. */
  lint_ms_per_kloc_with_plugin: number;
  /** (b) / (a) − 1 by wall time; the target is ≤ 0.2. */
  lint_plugin_overhead_ratio: number;
  /** The plugin's rules' own time in (b), from ESLint's per-rule stats, over (a)'s total time. */
  lint_plugin_rules_share: number;
  /** (c0) typescript-eslint `recommended-type-checked` alone. */
  lint_ms_per_kloc_type_checked_tseslint: number;
  /** (c) (c0) plus this plugin's `recommended-type-checked`. */
  lint_ms_per_kloc_type_checked: number;
  /** The plugin's rules' own time in (c), from ESLint's per-rule stats, over (c0)'s total time. */
  lint_plugin_rules_share_type_checked: number;
  lint_targets_met: boolean;
}

const PLUGIN_PREFIX = 'mlflow-ts/';

function corpus(smoke: boolean): { files: string[]; lines: number } {
  const src = join(REPO_ROOT, 'src');
  let files = readdirSync(src, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((f) => join(src, f));
  for (const pkg of SAMPLE_PACKAGES) {
    try {
      files.push(...findSample(pkg).files);
    } catch (err) {
      // The bench still measures this repo's code when a sample package is not installed.
      if (!(err instanceof SampleMissingError)) throw err;
      console.error(`lint bench: ${err.message}`);
    }
  }
  if (smoke) files = files.filter((_, i) => i % 20 === 0);
  const lines = files.reduce((n, f) => n + readFileSync(f, 'utf8').split('\n').length, 0);
  return { files, lines };
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Milliseconds spent in this plugin's rules, summed over files and passes. */
function pluginRuleMs(results: readonly ESLint.LintResult[]): number {
  let ms = 0;
  for (const r of results) {
    for (const pass of r.stats?.times.passes ?? []) {
      for (const [rule, t] of Object.entries(pass.rules ?? {})) if (rule.startsWith(PLUGIN_PREFIX)) ms += t.total;
    }
  }
  return ms;
}

async function timed(eslint: ESLint, files: readonly string[]): Promise<{ ms: number; results: ESLint.LintResult[] }> {
  const t0 = performance.now();
  const results = await eslint.lintFiles([...files]);
  const ms = performance.now() - t0;
  const fatal = results.flatMap((r) => r.messages.filter((m) => m.fatal).map((m) => `${r.filePath}: ${m.message}`));
  if (fatal.length > 0) throw new Error(`lint bench: files failed to parse:\n${fatal.join('\n')}`);
  return { ms, results };
}

export async function benchLint(options: { smoke: boolean }): Promise<LintBenchResult> {
  const { files, lines } = corpus(options.smoke);
  const rounds = options.smoke ? 1 : 5;
  const untypedTs: Linter.Config[] = [...(tseslint.configs.recommended as Linter.Config[])];
  const typedTs: Linter.Config[] = [...(tseslint.configs.recommendedTypeChecked as Linter.Config[])];
  // Untyped variants parse without a program: drop the parserOptions.project the helper sets.
  const untyped: Linter.Config = { languageOptions: { parserOptions: { project: null, projectService: false } } };
  const variants = {
    a: [...untypedTs, untyped],
    b: [...untypedTs, ...pluginConfig('recommended'), untyped],
    c0: typedTs,
    c: [...typedTs, ...pluginConfig('recommended-type-checked')],
  };
  const times: Record<keyof typeof variants, number[]> = { a: [], b: [], c0: [], c: [] };
  const ruleMs: Record<'b' | 'c', number[]> = { b: [], c: [] };
  // One warm-up round: module loading, JIT and (for typed runs) building the TypeScript program.
  const order = Object.keys(variants) as (keyof typeof variants)[];
  for (let round = -1; round < rounds; round++) {
    // Alternate the order: whichever variant follows another finds caches (files, the project service) warm.
    for (const key of round % 2 === 0 ? order : [...order].reverse()) {
      const withStats = key === 'b' || key === 'c';
      const { ms, results } = await timed(eslintFor(files, variants[key], { stats: withStats }), files);
      if (round < 0) continue;
      times[key].push(ms);
      if (key === 'b' || key === 'c') ruleMs[key].push(pluginRuleMs(results));
    }
  }
  const perKloc = (ms: number): number => Math.round((ms / lines) * 1000 * 10) / 10;
  const [a, b, c0, c] = [median(times.a), median(times.b), median(times.c0), median(times.c)];
  const overhead = Math.round(((b - a) / a) * 1000) / 1000;
  const share = (ms: number, of: number): number => Math.round((ms / of) * 1000) / 1000;
  return {
    lint_corpus_files: files.length,
    lint_corpus_lines: lines,
    lint_ms_per_kloc_tseslint: perKloc(a),
    lint_ms_per_kloc_with_plugin: perKloc(b),
    lint_plugin_overhead_ratio: overhead,
    lint_plugin_rules_share: share(median(ruleMs.b), a),
    lint_ms_per_kloc_type_checked_tseslint: perKloc(c0),
    lint_ms_per_kloc_type_checked: perKloc(c),
    lint_plugin_rules_share_type_checked: share(median(ruleMs.c), c0),
    lint_targets_met: overhead <= 0.2,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchLint({ smoke: process.argv.includes('--smoke') }), null, 2));
}
