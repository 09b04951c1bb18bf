/**
 * Evaluation overhead: rows through a zero-latency in-process target with `exact_match`, `regex`
 * and `rouge_l` at concurrency 16, then aggregation (bootstrap intervals included) and the
 * results table — everything an evaluation does per row except the model call and the upload.
 * Target: >= 2,000 rows/s over 10,000 rows.
 */
import { aggregateTarget } from '../src/evaluate/aggregate.ts';
import { runRows } from '../src/evaluate/executor.ts';
import { findScorerType } from '../src/evaluate/scorers/index.ts';
import { gatewayServices } from '../src/evaluate/services.ts';
import { resultsTable, tableJson } from '../src/evaluate/table.ts';
import type { Target } from '../src/evaluate/targets/index.ts';
import type { EvalRow, Scorer } from '../src/evaluate/types.ts';
import { smoke } from './lib.ts';

export const EVAL_TARGET_ROWS_PER_S = 2_000;

async function scorer(type: string, options: unknown): Promise<Scorer> {
  const found = findScorerType(type);
  if (found?.kind !== 'row') throw new Error(`no row scorer ${type}`);
  return found.module.create(type, found.module.optionsSchema.parse(options), { baseDir: '.' });
}

export async function benchEvaluate(): Promise<Record<string, number>> {
  const n = smoke ? 1_000 : 10_000;
  const sentences = ['The capital of France is Paris.', 'Water boils at 100 degrees Celsius at sea level.', 'Light travels faster than sound in air.'];
  const rows: EvalRow[] = Array.from({ length: n }, (_, i) => ({ index: i, inputs: { question: `q${i}` }, expected: sentences[i % 3]! }));
  // Zero latency: answers from memory, right two times out of three.
  const target: Target = {
    name: 'zero-latency',
    needsMessages: false,
    call: (row) => {
      const text = row.index % 3 === 0 ? 'Paris is the capital of France.' : sentences[row.index % 3]!;
      return Promise.resolve({ text, value: text });
    },
  };
  const scorers = [await scorer('exact_match', {}), await scorer('regex', { pattern: '\\b(Paris|Celsius|sound)\\b' }), await scorer('rouge_l', { threshold: 0.5 })];
  const services = gatewayServices('');
  const once = async (): Promise<number> => {
    const t0 = performance.now();
    const results = await runRows({ rows, targets: [target], scorers, services, concurrency: 16, timeoutMs: 60_000, retries: 0 });
    aggregateTarget(results, { scorers: scorers.map((s) => ({ name: s.name, greaterIsBetter: s.greaterIsBetter })), metrics: [], seed: 0 });
    tableJson(resultsTable(results, scorers.map((s) => s.name)));
    return performance.now() - t0;
  };
  await once(); // warm-up: JIT and module caches
  const times: number[] = [];
  for (let i = 0; i < (smoke ? 1 : 5); i++) times.push(await once());
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  return {
    eval_rows: n,
    eval_rows_per_s: Math.round((n / median) * 1000),
    eval_overhead_us_per_row: Math.round((median * 1000) / n * 10) / 10,
  };
}
