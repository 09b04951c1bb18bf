/**
 * The per-row results table, as MLflow's `log_table` stores one (`{"columns": [...], "data":
 * [[...]]}`, pandas' split orientation), so MLflow's own tools and our report read the same
 * artifact. The CSV twin is for spreadsheets.
 */
import { stringify } from 'csv-stringify/sync';
import type { RowResult } from './executor.ts';

export const RESULTS_JSON = 'eval_results.json';
export const RESULTS_CSV = 'eval_results.csv';

export interface ResultsTable {
  columns: string[];
  data: unknown[][];
}

/** The table's own columns; a dataset column with one of these names is written as `input.<name>`. */
export const OWN_COLUMNS = ['row', 'repeat', 'expected', 'output', 'error', 'latency_ms', 'total_tokens', 'cost_usd', 'trace_id'] as const;

const SCORE_FIELDS = ['score', 'passed', 'rationale', 'error'] as const;

export function resultsTable(results: readonly RowResult[], scorerNames: readonly string[]): ResultsTable {
  const inputNames: string[] = [];
  const seen = new Set<string>();
  for (const r of results) {
    for (const key of Object.keys(r.inputs)) {
      if (!seen.has(key)) {
        seen.add(key);
        inputNames.push(key);
      }
    }
  }
  const own = new Set<string>(OWN_COLUMNS);
  const columns = [
    'row',
    'repeat',
    ...inputNames.map((n) => (own.has(n) ? `input.${n}` : n)),
    ...OWN_COLUMNS.slice(2),
    ...scorerNames.flatMap((s) => SCORE_FIELDS.map((f) => `${s}/${f}`)),
  ];
  const data = results.map((r) => [
    r.rowIndex,
    r.repeat,
    ...inputNames.map((n) => r.inputs[n] ?? null),
    r.expected ?? null,
    r.output?.text ?? null,
    r.error ?? null,
    r.output?.latencyMs ?? null,
    r.output?.usage?.total_tokens ?? null,
    r.output?.costUsd ?? null,
    r.traceId ?? null,
    ...scorerNames.flatMap((s) => {
      const score = r.scores[s];
      return [score?.value ?? null, score?.passed ?? null, score?.rationale ?? null, score?.error ?? null];
    }),
  ]);
  return { columns, data };
}

/** JSON with non-finite numbers spelled as MLflow's JSON does. */
export function tableJson(table: ResultsTable): string {
  return JSON.stringify(table, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
}

export function tableCsv(table: ResultsTable): string {
  // Table cells are JSON values: scalars print as themselves, objects and arrays as JSON.
  const cell = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));
  return stringify([table.columns, ...table.data.map((row) => row.map(cell))]);
}
