/**
 * The comparison for a terminal (`mlflow-ts compare --format table`) and as JSON. The terminal
 * report is complete (no size cap) and plain: aligned columns, words instead of emoji, and names
 * stripped of control characters so a bundle cannot send escape sequences to the terminal.
 */
import { encodeJson } from '../../client/transport.ts';
import { formatGateTable } from '../gates/index.ts';
import { plainText } from './escape.ts';
import { changeText, formatDelta, formatValues, formatVerdicts, runCounts, runLabel } from './format.ts';
import { bySalience } from './metrics.ts';
import type { Comparison, MetricDelta, RunComparison } from './schema.ts';
import { textTable } from '../text-table.ts';

/** The comparison as JSON, non-finite numbers spelled "NaN", "Infinity", "-Infinity" (parseComparison reads it back). */
export function renderJson(c: Comparison): string {
  return `${encodeJson(c)}\n`;
}


const t = plainText;
/** Tables sit under their run's heading, two spaces in. */
const indentedTable = (headers: readonly string[], rows: readonly (readonly string[])[]): string => textTable(headers, rows, '  ').slice(0, -1);

function metricRow(m: MetricDelta): string[] {
  const [b, c] = formatValues(m);
  const change = changeText(m);
  return [t(m.name), b, c, formatDelta(m), `${change.arrow ? `${change.arrow} ` : ''}${change.word}`];
}

function runSection(run: RunComparison): string {
  const { name, kind } = runLabel(run);
  const counts = runCounts(run);
  const out = [`${t(name)} (${kind}, ${run.status}): ${counts.worse} worse, ${counts.better} better, ${counts.notSignificant} not significant`];
  if (run.metrics.length > 0) out.push(indentedTable(['metric', 'baseline', 'current', 'delta', 'change'], bySalience(run.metrics).map(metricRow)));
  if (run.params.length > 0) {
    out.push(indentedTable(['param', 'baseline', 'current'], run.params.map((p) => [t(p.name), p.baseline === undefined ? '(none)' : t(p.baseline), p.current === undefined ? '(none)' : t(p.current)])));
  }
  for (const s of run.eval?.scorers ?? []) {
    const flips = (label: string, rows: typeof s.passToFail): string[] =>
      rows.length > 0 ? [`  ${t(s.name)}: ${rows.length} ${label}: ${rows.map((r) => `row ${t(r.row)} (${formatVerdicts(r.baseline)} → ${formatVerdicts(r.current)})`).join(', ')}`] : [];
    out.push(...flips('pass → fail', s.passToFail), ...flips('fail → pass', s.failToPass));
  }
  if (run.eval?.digestChanged) out.push(`  ! dataset digest changed: ${t(run.eval.baselineDigest ?? '')} → ${t(run.eval.currentDigest ?? '')}`);
  if (run.traces) {
    const rows = [...run.traces.figures.map(metricRow), ...run.traces.spans.flatMap((s) => [metricRow({ ...s.p50, name: `span ${s.name} p50 (ms)` }), metricRow({ ...s.p95, name: `span ${s.name} p95 (ms)` })])];
    out.push(indentedTable(['trace figure', 'baseline', 'current', 'delta', 'change'], rows));
  }
  return out.join('\n');
}

/** The comparison as plain aligned text for a terminal. */
export function renderTable(c: Comparison): string {
  const s = c.summary;
  const out: string[] = [];
  const verdict = c.gates ? `gates ${c.gates.passed ? 'passed' : 'FAILED'}; ` : '';
  out.push(
    c.baseline
      ? `${verdict}${s.regressions} regressions, ${s.improvements} improvements, ${s.notSignificant} not significant (${s.matched} matched, ${s.new} new, ${s.missing} missing runs)`
      : `${verdict}no baseline: ${c.runs.length} runs shown on their own`,
  );
  if (c.warnings.length > 0) out.push(c.warnings.map((w) => `! ${w.run !== undefined ? `${t(w.run)}: ` : ''}${t(w.message)}`).join('\n'));
  if (c.gates) out.push(`Gates (fail-on: ${c.gates.failOn})\n${formatGateTable(c.gates.results.map((g) => ({ ...g, source: t(g.source), ...(g.reason !== undefined ? { reason: t(g.reason) } : {}) })))}`.trimEnd());
  for (const run of c.runs) out.push(runSection(run));
  const links = [c.links.job ? `job: ${t(c.links.job)}` : '', c.links.reportArtifact ? `full report: ${t(c.links.reportArtifact)}` : ''].filter((l) => l !== '');
  if (links.length > 0) out.push(links.join('\n'));
  return `${out.join('\n\n')}\n`;
}
