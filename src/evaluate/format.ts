/**
 * The evaluation report for a terminal: one metrics table across targets (side by side, with
 * intervals), flaky rows, the first row errors, and the gate table when a threshold failed.
 */
import { formatGateTable, summarize } from '../report/gates/index.ts';
import type { EvaluationReport } from './evaluate.ts';
import type { MetricStat } from './aggregate.ts';
import { textTable } from '../report/text-table.ts';

const fmt = (n: number): string => (Number.isInteger(n) ? String(n) : Math.abs(n) >= 100 ? n.toFixed(1) : n.toPrecision(4));

function cell(stat: MetricStat | undefined): string {
  if (!stat) return '';
  return stat.ci && stat.ci.low !== stat.ci.high ? `${fmt(stat.value)} [${fmt(stat.ci.low)}, ${fmt(stat.ci.high)}]` : fmt(stat.value);
}


export function formatEvaluation(report: EvaluationReport): string {
  const names = [...new Set(report.targets.flatMap((t) => Object.keys(t.metrics)))].sort();
  let out = `Dataset ${report.dataset.name} (${report.dataset.rows} rows, digest ${report.dataset.digest}); parent run ${report.parentRunId}\n\n`;
  out += textTable(['metric (95% CI)', ...report.targets.map((t) => t.name)], names.map((n) => [n, ...report.targets.map((t) => cell(t.metrics[n]))]));
  for (const t of report.targets) {
    // Scorers usually flip on the same rows; one line per distinct set of rows.
    const byRows = new Map<string, string[]>();
    for (const [scorer, rows] of Object.entries(t.flaky)) {
      const key = rows.slice(0, 20).join(', ') + (rows.length > 20 ? `, … (${rows.length} rows)` : '');
      byRows.set(key, [...(byRows.get(key) ?? []), scorer]);
    }
    for (const [rows, scorers] of byRows) out += `\n${t.name}: flaky rows (verdict changed across repeats) for ${scorers.join(', ')}: ${rows}\n`;
    if (t.errors.length > 0) {
      out += `\n${t.name}: row errors (first ${t.errors.length}; all in eval_results.json):\n`;
      out += t.errors.map((e) => `  row ${e.row}${e.repeat > 0 ? ` repeat ${e.repeat}` : ''}: ${e.error}`).join('\n') + '\n';
    }
  }
  for (const t of report.targets) {
    if (t.gates.length === 0) continue;
    const verdict = summarize(t.gates, 'threshold');
    out += `\n${t.name}: thresholds ${verdict.passed ? 'passed' : 'FAILED'}${t.baselineRunId ? ` (baseline run ${t.baselineRunId})` : ''}\n`;
    out += formatGateTable(t.gates);
  }
  return out.endsWith('\n') ? out : out + '\n';
}
