/**
 * The eval section of a bundle run: the run's `eval_results.json` artifact (MLflow's `log_table`
 * layout, `{"columns": [...], "data": [[...]]}`, as `mlflow-ts eval` writes it) and a per-scorer
 * summary. Scorer columns are `<scorer>/score`, `<scorer>/passed` and `<scorer>/error`.
 *
 * Size: the summary covers every row; the table keeps the first MAX_EVAL_ROWS rows and at most
 * MAX_EVAL_TABLE_BYTES of row JSON, whichever comes first (`total_rows` tells how many there
 * were). An artifact larger than MAX_EVAL_ARTIFACT_BYTES is not read at all.
 */
import { z } from 'zod';
import type { EvalSection, ScorerSummary } from './schema.ts';

export const EVAL_RESULTS_FILE = 'eval_results.json';
export const MAX_EVAL_ROWS = 2000;
export const MAX_EVAL_TABLE_BYTES = 2_000_000;
export const MAX_EVAL_ARTIFACT_BYTES = 64 * 1024 * 1024;

const SCORER_FIELD = /^(.+)\/(score|passed|error)$/;

const tableSchema = z.object({ columns: z.array(z.string()), data: z.array(z.array(z.json())) });

const PASS = new Set(['true', 'yes', 'pass', 'passed', '1']);
const FAIL = new Set(['false', 'no', 'fail', 'failed', '0']);

/** A judgement cell: booleans, or the yes/no strings LLM judges answer with. */
/** A pass/fail cell of a results table (booleans, 1/0, or words such as "pass"/"no"), or undefined. */
export function verdict(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v === 1 ? true : v === 0 ? false : undefined;
  if (typeof v !== 'string') return undefined;
  const s = v.trim().toLowerCase();
  return PASS.has(s) ? true : FAIL.has(s) ? false : undefined;
}

const finiteScore = (v: unknown): number | undefined => {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
};

function summarize(columns: readonly string[], rows: readonly (readonly unknown[])[]): EvalSection['summary'] {
  const fields = new Map<string, Partial<Record<'score' | 'passed' | 'error', number>>>();
  columns.forEach((c, i) => {
    const m = SCORER_FIELD.exec(c);
    if (!m) return;
    const entry = fields.get(m[1]!) ?? {};
    entry[m[2] as 'score' | 'passed' | 'error'] = i;
    fields.set(m[1]!, entry);
  });
  const scorers: Record<string, ScorerSummary> = {};
  for (const [name, at] of fields) {
    // `<x>/error` alone is not a scorer (a dataset could have such a column).
    if (at.score === undefined && at.passed === undefined) continue;
    let n = 0;
    let passed = 0;
    let failed = 0;
    let errors = 0;
    let sum = 0;
    let scored = 0;
    for (const row of rows) {
      const error = at.error === undefined ? undefined : row[at.error];
      if (error !== undefined && error !== null && error !== '') {
        errors++;
        continue;
      }
      const v = at.passed === undefined ? undefined : verdict(row[at.passed]);
      const score = at.score === undefined ? undefined : finiteScore(row[at.score]);
      if (v === undefined && score === undefined) continue;
      n++;
      if (v === true) passed++;
      else if (v === false) failed++;
      if (score !== undefined) {
        sum += score;
        scored++;
      }
    }
    scorers[name] = { n, passed, failed, errors, pass_rate: passed + failed > 0 ? passed / (passed + failed) : null, mean: scored > 0 ? sum / scored : null };
  }
  return { rows: rows.length, scorers };
}

/** The eval section from the artifact's text; throws with a reason when the text is not such a table. */
export function evalSection(text: string): EvalSection {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`${EVAL_RESULTS_FILE} is not JSON (${(err as Error).message}).`, { cause: err });
  }
  const parsed = tableSchema.safeParse(json);
  if (!parsed.success) throw new Error(`${EVAL_RESULTS_FILE} is not a {"columns", "data"} table: ${z.prettifyError(parsed.error)}`);
  const { columns, data } = parsed.data;
  const kept: typeof data = [];
  let bytes = 0;
  for (const row of data) {
    if (kept.length >= MAX_EVAL_ROWS) break;
    bytes += JSON.stringify(row).length + 1;
    if (bytes > MAX_EVAL_TABLE_BYTES && kept.length > 0) break;
    kept.push(row);
  }
  return { table: { columns, data: kept }, total_rows: data.length, summary: summarize(columns, data) };
}

/** The artifact's text for a bundle's table (the rows it kept), as `mlflow-ts eval` writes it. */
export function evalArtifactText(section: EvalSection): string {
  return JSON.stringify(section.table);
}
