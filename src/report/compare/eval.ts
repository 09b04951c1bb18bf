/**
 * Evaluation tables compared row by row. Rows are matched by the table's `row` column (the
 * dataset row index), so reordering or parallelism does not matter; with `repeat: N` each row
 * has N verdicts per scorer, and the row passes when more of them are passes than fails (a tie is
 * not a pass majority, so it counts as a fail). A row with no verdict on a side (every repeat
 * errored) is left out of the comparison.
 */
import { verdict, type BundleRun, type EvalSection } from '../bundle/index.ts';
import { EvalTag } from '../../evaluate/tags.ts';
import { OWN_COLUMNS as TABLE_COLUMNS } from '../../evaluate/table.ts';
import type { EvalComparison, FlippedRow, ScorerComparison } from './schema.ts';

/** Inputs and outputs are cut to this many characters in the comparison. */
export const MAX_CELL_CHARS = 200;

/** Columns the evaluation writes for itself; every other non-scorer column is a dataset input. */
const OWN_COLUMNS = new Set<string>(TABLE_COLUMNS);
const SCORER_FIELD = /^(.+)\/(score|passed|rationale|error)$/;


export function cellText(v: unknown): string {
  const text = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  return text.length > MAX_CELL_CHARS ? `${text.slice(0, MAX_CELL_CHARS - 1)}…` : text;
}

interface Row {
  inputs: Record<string, string>;
  expected?: string;
  output?: string;
  passed: number;
  failed: number;
}

/** Per-row verdict counts of one scorer, keyed by the `row` value. */
function rowsOf(section: EvalSection, scorer: string): Map<string, Row> {
  const { columns, data } = section.table;
  const at = (name: string): number => columns.indexOf(name);
  const rowAt = at('row');
  const passedAt = at(`${scorer}/passed`);
  const errorAt = at(`${scorer}/error`);
  const expectedAt = at('expected');
  const outputAt = at('output');
  const inputColumns = columns.flatMap((c, i) => (!OWN_COLUMNS.has(c) && !SCORER_FIELD.test(c) ? [[c, i] as const] : []));
  const rows = new Map<string, Row>();
  if (rowAt < 0 || passedAt < 0) return rows;
  data.forEach((cells, index) => {
    const key = cells[rowAt] === null || cells[rowAt] === undefined ? String(index) : cellText(cells[rowAt]);
    let row = rows.get(key);
    if (!row) {
      row = { inputs: Object.fromEntries(inputColumns.map(([c, i]) => [c, cellText(cells[i])])), passed: 0, failed: 0 };
      if (expectedAt >= 0 && cells[expectedAt] !== null && cells[expectedAt] !== undefined) row.expected = cellText(cells[expectedAt]);
      rows.set(key, row);
    }
    // The first output of a row stands for it; repeats of an LLM rarely differ in what matters here.
    if (row.output === undefined && outputAt >= 0 && cells[outputAt] !== null && cells[outputAt] !== undefined) row.output = cellText(cells[outputAt]);
    const error = errorAt >= 0 ? cells[errorAt] : undefined;
    if (error !== null && error !== undefined && error !== '') return;
    const v = verdict(cells[passedAt]);
    if (v === true) row.passed++;
    else if (v === false) row.failed++;
  });
  return rows;
}

const passes = (r: Row): boolean | undefined => (r.passed + r.failed === 0 ? undefined : r.passed > r.failed);

/** Numeric row keys in number order, others after them in text order. */
function byRowKey(a: FlippedRow, b: FlippedRow): number {
  const x = Number(a.row);
  const y = Number(b.row);
  if (Number.isFinite(x) && Number.isFinite(y)) return x - y;
  if (Number.isFinite(x) !== Number.isFinite(y)) return Number.isFinite(x) ? -1 : 1;
  return a.row < b.row ? -1 : a.row > b.row ? 1 : 0;
}

function compareScorer(name: string, baseline: EvalSection | undefined, current: EvalSection | undefined): ScorerComparison {
  const out: ScorerComparison = { name, compared: 0, passToFail: [], failToPass: [] };
  const b = baseline?.summary.scorers[name];
  const c = current?.summary.scorers[name];
  if (b) out.baseline = b;
  if (c) out.current = c;
  if (!baseline || !current) return out;
  const before = rowsOf(baseline, name);
  const after = rowsOf(current, name);
  for (const [key, now] of after) {
    const then = before.get(key);
    const was = then && passes(then);
    const is = passes(now);
    if (was === undefined || is === undefined) continue;
    out.compared++;
    if (was === is) continue;
    const flipped: FlippedRow = {
      row: key,
      inputs: now.inputs,
      ...(now.expected !== undefined ? { expected: now.expected } : {}),
      ...(then!.output !== undefined ? { baselineOutput: then!.output } : {}),
      ...(now.output !== undefined ? { currentOutput: now.output } : {}),
      baseline: { passed: then!.passed, failed: then!.failed },
      current: { passed: now.passed, failed: now.failed },
    };
    (was ? out.passToFail : out.failToPass).push(flipped);
  }
  out.passToFail.sort(byRowKey);
  out.failToPass.sort(byRowKey);
  return out;
}

/**
 * The dataset an evaluation run scored: the evaluation's digest tag, else the digests of the
 * run's dataset inputs logged in the evaluation context.
 */
export function datasetDigest(run: BundleRun | undefined): string | undefined {
  if (!run) return undefined;
  const tagged = run.tags[EvalTag.DATASET_DIGEST];
  if (tagged) return tagged;
  const digests = run.inputs.filter((i) => i.tags['mlflow.data.context'] === 'evaluation').map((i) => i.dataset.digest);
  return digests.length > 0 ? [...new Set(digests)].sort().join(',') : undefined;
}

/** The eval section of a matched, new or missing run; undefined when neither side has an eval table. */
export function compareEval(baseline: BundleRun | undefined, current: BundleRun | undefined): EvalComparison | undefined {
  const b = baseline?.eval;
  const c = current?.eval;
  if (!b && !c) return undefined;
  const baselineDigest = datasetDigest(baseline);
  const currentDigest = datasetDigest(current);
  const names = [...new Set([...Object.keys(b?.summary.scorers ?? {}), ...Object.keys(c?.summary.scorers ?? {})])].sort();
  return {
    ...(baselineDigest !== undefined ? { baselineDigest } : {}),
    ...(currentDigest !== undefined ? { currentDigest } : {}),
    digestChanged: baseline !== undefined && current !== undefined && baselineDigest !== undefined && currentDigest !== undefined && baselineDigest !== currentDigest,
    rows: { ...(b ? { baseline: b.total_rows } : {}), ...(c ? { current: c.total_rows } : {}) },
    truncated: (b !== undefined && b.table.data.length < b.total_rows) || (c !== undefined && c.table.data.length < c.total_rows),
    scorers: names.map((name) => compareScorer(name, b, c)),
  };
}
