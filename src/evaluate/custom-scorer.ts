/**
 * `type: custom`: a scorer from the user's own module (`module`, relative to the suite file;
 * .js, .mjs, .cjs, .ts or .mts, which Node 24 runs directly). The named export (`export`, default
 * `default`) is a function `(ctx) => Score | number | boolean` (or a promise of one), or an object
 * with such a `score` method. Numbers become `{ value }`, booleans a pass/fail with value 1/0.
 */
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { defineScorer, ScorerConfigError, scorerOf } from './scorers/shared.ts';
import { ScorerError, type Score, type ScoreContext } from './types.ts';

const EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.mts'];

const optionsSchema = z.strictObject({
  module: z
    .string()
    .min(1)
    .refine((path) => EXTENSIONS.includes(extname(path).toLowerCase()), { message: `module must be a ${EXTENSIONS.join(', ')} file` }),
  export: z.string().min(1).default('default'),
  greater_is_better: z.boolean().default(true),
  source: z.enum(['CODE', 'LLM_JUDGE']).default('CODE'),
});

type ScoreFunction = (ctx: ScoreContext) => unknown;

const ReturnedScore = z.strictObject({
  value: z.number().nullable(),
  passed: z.boolean().optional(),
  rationale: z.string().optional(),
});

const SHAPE = 'a function (ctx) => Score | number | boolean, or an object with a score(ctx) method';

/** What a custom scorer returned, as a Score; anything else is the row's error. */
export function normalizeScore(returned: unknown, where: string): Score {
  if (typeof returned === 'boolean') return { value: returned ? 1 : 0, passed: returned };
  if (typeof returned === 'number') {
    if (Number.isNaN(returned)) throw new ScorerError(`${where} returned NaN; return null as the value when there is no number for the row.`);
    return { value: returned };
  }
  const parsed = ReturnedScore.safeParse(returned);
  if (parsed.success) return parsed.data;
  const problem = parsed.error.issues.map((i) => `${i.path.join('.') || '(result)'}: ${i.message}`).join('; ');
  const shown = JSON.stringify(returned)?.slice(0, 200) ?? String(returned);
  throw new ScorerError(`${where} returned ${shown}, not a number, a boolean or { value: number | null, passed?: boolean, rationale?: string } (${problem}).`);
}

async function loadScoreFunction(path: string, exportName: string, scorer: string): Promise<ScoreFunction> {
  const what = `custom scorer '${scorer}': module ${path}`;
  let loaded: Record<string, unknown>;
  try {
    loaded = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (e) {
    throw new ScorerConfigError(`${what} does not load: ${(e as Error).message}`, { cause: e });
  }
  const exported = loaded[exportName];
  if (typeof exported === 'function') return exported as ScoreFunction;
  if (typeof exported === 'object' && exported !== null && typeof (exported as { score?: unknown }).score === 'function') {
    const holder = exported as { score: ScoreFunction };
    return (ctx) => holder.score(ctx);
  }
  const exportsList = Object.keys(loaded).join(', ') || 'nothing';
  throw new ScorerConfigError(
    exported === undefined
      ? `${what} has no export '${exportName}' (it exports ${exportsList}); export ${SHAPE} under that name, or set the scorer's 'export' option.`
      : `${what}: export '${exportName}' is a ${typeof exported}; it must be ${SHAPE}.`,
  );
}

export const customScorer = defineScorer({
  type: 'custom',
  optionsSchema,
  source: 'CODE',
  greaterIsBetter: true,
  async create(name, options, { baseDir }) {
    const path = resolve(baseDir, options.module);
    const fn = await loadScoreFunction(path, options.export, name);
    const where = `custom scorer '${name}' (${path})`;
    const kind = { source: options.source, greaterIsBetter: options.greater_is_better };
    return scorerOf(kind, name, async (ctx) => {
      let returned: unknown;
      try {
        returned = await fn(ctx);
      } catch (e) {
        if (e instanceof ScorerError) throw e;
        throw new ScorerError(`${where} threw: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
      }
      return normalizeScore(returned, where);
    });
  },
});
