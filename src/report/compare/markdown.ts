/**
 * The comparison as GitHub-flavoured Markdown for a PR comment or a job summary: a headline
 * verdict, warnings, the gates table, a summary table of each run's key metrics, then one
 * collapsed `<details>` section per run (every metric, params, evaluation rows that flipped,
 * Mermaid charts of metric histories, traces), and links.
 *
 * Size: a comment holds at most 65,536 characters, so the report is assembled from whole blocks
 * (a table, a details section, a chart) and never cut inside one. When everything does not fit
 * in `maxChars`, charts go first, then details shrink to what changed, then the summary shows
 * fewer metrics per run, then tables lose rows and runs lose their details, least eventful runs
 * first; the report then ends with a pointer to the full report.
 *
 * Every name and value from a comparison is untrusted (see escape.ts).
 */
import { formatNumber } from '../gates/number.ts';
import { checkMarker, htmlText, mdText, safeUrl } from './escape.ts';
import { changeText, formatBytes, formatDelta, formatValues, formatVerdicts, runCounts, runLabel } from './format.ts';
import { bySalience } from './metrics.ts';
import { chartCaption, mermaidChart } from './mermaid.ts';
import type { Comparison, FlippedRow, MetricDelta, RunComparison, ScorerComparison } from './schema.ts';

export const DEFAULT_MAX_CHARS = 60_000;
/** GitHub's limit on a comment body. */
export const GITHUB_COMMENT_LIMIT = 65_536;
/** Below this, not even the headline, warnings and pointer are sure to fit. */
export const MIN_MAX_CHARS = 4_000;

export interface MarkdownOptions {
  /** Hard cap on the report's length in characters; default 60,000 (under GitHub's 65,536 for a comment). */
  maxChars?: number;
  /** The heading; default "MLflow run comparison". */
  title?: string;
  /** A hidden HTML comment put first, e.g. the sticky comment's `<!-- mlflow-ts-action:… -->`. */
  marker?: string;
  /** Markdown (the caller's, not escaped) saying where the full report is, used when the report had to be shortened. */
  fullReportHint?: string;
}

/** Metrics per run in the summary table. */
const KEY_METRICS = 5;
/** Display caps on untrusted text (characters before escaping). */
const NAME_CHARS = 100;
const CELL_CHARS = 80;
const MESSAGE_CHARS = 300;
const MAX_WARNINGS = 10;

type Level = 'full' | 'nocharts' | 'compact';

interface LevelCaps {
  metrics: number;
  unchangedMetrics: boolean;
  params: number;
  flips: number;
  charts: boolean;
  spans: number;
  artifacts: number;
}

const CAPS: Record<Level, LevelCaps> = {
  full: { metrics: Infinity, unchangedMetrics: true, params: 200, flips: 20, charts: true, spans: 20, artifacts: 20 },
  nocharts: { metrics: Infinity, unchangedMetrics: true, params: 200, flips: 20, charts: false, spans: 20, artifacts: 20 },
  compact: { metrics: 20, unchangedMetrics: false, params: 10, flips: 5, charts: false, spans: 0, artifacts: 0 },
};

/** At most `max` characters, never splitting a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text[max - 2]!) ? max - 2 : max - 1;
  return `${text.slice(0, end)}…`;
}
/** Untrusted text for Markdown, cut to `max` characters first. */
const md = (text: string, max = NAME_CHARS): string => mdText(cut(text, max));
const num = (n: number | undefined): string => (n === undefined ? '' : formatNumber(n, 4));
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

// ---------------------------------------------------------------------------------------------
// Tables: whole tables only; when rows have to go, the least important go and a line says so.

interface TableRow {
  text: string;
  /** Lower is more important. */
  rank: number;
}

interface Table {
  heading: string;
  header: string[];
  align: ('l' | 'r')[];
  rows: TableRow[];
  /** What a row is ("run", "gate"), for the note on rows left out. */
  noun: string;
}

const row = (cells: readonly string[]): string => `| ${cells.map((c) => (c === '' ? ' ' : c)).join(' | ')} |`;

function tableMarkdown(table: Table, keep?: ReadonlySet<TableRow>): string {
  const rows = keep ? table.rows.filter((r) => keep.has(r)) : table.rows;
  const lines = [row(table.header), row(table.align.map((a) => (a === 'r' ? '--:' : ':--'))), ...rows.map((r) => r.text)];
  const left = table.rows.length - rows.length;
  const note = left > 0 ? `\n\n_${plural(left, table.noun)} left out here; they are in the full report._` : '';
  return `${table.heading}\n\n${lines.join('\n')}${note}`;
}

/** The table within `budget` characters, dropping its least important rows; '' when not even a note fits. */
function fitTable(table: Table, budget: number): string {
  const whole = tableMarkdown(table);
  if (whole.length <= budget) return whole;
  const keep = new Set<TableRow>();
  // The note's length with the largest count it can show bounds what the rows may use.
  let used = tableMarkdown({ ...table, rows: table.rows.map((r) => ({ ...r, text: '' })) }, new Set()).length;
  for (const r of [...table.rows].sort((a, b) => a.rank - b.rank)) {
    if (used + r.text.length + 1 > budget) break;
    keep.add(r);
    used += r.text.length + 1;
  }
  if (keep.size === 0) {
    const note = `${table.heading}\n\n_${plural(table.rows.length, table.noun)} left out here; they are in the full report._`;
    return note.length <= budget ? note : '';
  }
  return tableMarkdown(table, keep);
}

// ---------------------------------------------------------------------------------------------
// Cells

function changeCell(m: MetricDelta): string {
  const c = changeText(m);
  switch (m.change) {
    case 'added':
      return `${c.icon} new`;
    case 'removed':
      return `${c.icon} removed`;
    case 'incomparable':
      return `${c.icon} not comparable (NaN)`;
    case 'unchanged':
      return `${c.icon} no change`;
    default:
      return `${c.icon} ${c.arrow} ${formatDelta(m)}${c.notSignificant ? ' _(not significant)_' : ''}`;
  }
}

/** "812 → 1630 🔴 +101%": a figure in one cell. */
function compactCell(m: MetricDelta): string {
  const [b, c] = formatValues(m);
  const values = m.baseline === undefined ? c : m.current === undefined ? `${b} → –` : `${b} → ${c}`;
  const t = changeText(m);
  if (m.change !== 'better' && m.change !== 'worse') return values;
  const rel = m.relative === null ? '' : ` ${m.relative > 0 ? '+' : ''}${formatNumber(m.relative * 100, 3)}%`;
  return `${values} ${t.icon}${rel}`;
}

function runIdentity(run: RunComparison): string {
  const { kind } = runLabel(run);
  return run.status === 'new' ? `${kind} · 🆕 new run` : run.status === 'missing' ? `${kind} · ➖ not in current` : kind;
}

// ---------------------------------------------------------------------------------------------
// Importance: which runs keep their rows and details when space is short.

function runOrder(runs: readonly RunComparison[]): Map<RunComparison, number> {
  const facts = runs.map((run, index) => ({ run, index, ...runCounts(run), digest: run.eval?.digestChanged ? 1 : 0 }));
  facts.sort(
    (a, b) =>
      b.worse - a.worse ||
      b.flips - a.flips ||
      b.digest - a.digest ||
      (a.run.status === 'missing' ? 0 : 1) - (b.run.status === 'missing' ? 0 : 1) ||
      b.better - a.better ||
      b.notSignificant - a.notSignificant ||
      a.index - b.index,
  );
  return new Map(facts.map((f, rank) => [f.run, rank]));
}

// ---------------------------------------------------------------------------------------------
// Sections

function headline(c: Comparison): string {
  const parts: string[] = [];
  if (c.gates) {
    const failed = c.gates.results.filter((r) => r.status === 'fail').length;
    const total = c.gates.results.length;
    if (!c.gates.passed) parts.push(`❌ **Gates failed** (${failed} of ${total})`);
    else if (failed > 0) parts.push(`⚠️ **Gates passed** (${failed} of ${total} failed, not blocking under fail-on: ${c.gates.failOn})`);
    else parts.push(`✅ **Gates passed** (${total})`);
  }
  if (c.baseline) {
    const s = c.summary;
    parts.push(s.regressions > 0 ? `🔴 **${plural(s.regressions, 'regression')}**` : '**No regressions**');
    parts.push(`🟢 ${plural(s.improvements, 'improvement')}`);
    if (s.notSignificant > 0) parts.push(`⚪ ${s.notSignificant} not significant`);
  } else {
    parts.push('⚠️ **No baseline**');
  }
  return parts.join(' · ');
}

function describeSource(info: Comparison['current']): string {
  const git = info.source.git;
  const where = git ? `${md(git.ref, 60)} @ ${md(git.sha.slice(0, 7), 7)}${git.pr_number !== undefined ? ` (PR #${git.pr_number})` : ''}` : md(info.source.tracking_uri, 80);
  return `${where}, ${plural(info.runs, 'run')}`;
}

function context(c: Comparison): string {
  const s = c.summary;
  const runs = [`${s.matched} matched`, ...(s.new > 0 ? [`${s.new} new`] : []), ...(s.missing > 0 ? [`${s.missing} missing`] : [])].join(', ');
  const baseline = c.baseline ? `Baseline: ${describeSource(c.baseline)}` : 'Baseline: none';
  return `Current: ${describeSource(c.current)} · ${baseline} · Runs: ${runs}`;
}

function warningsBlock(c: Comparison, brief: boolean): string | undefined {
  if (c.warnings.length === 0) return undefined;
  if (brief) return `> [!WARNING]\n> ${plural(c.warnings.length, 'warning')}: see the full report.`;
  const shown = c.warnings.slice(0, MAX_WARNINGS).map((w) => `> - ${w.run !== undefined ? `**${md(w.run)}**: ` : ''}${md(w.message, MESSAGE_CHARS)}`);
  const more = c.warnings.length - shown.length;
  return ['> [!WARNING]', ...shown, ...(more > 0 ? [`> - …and ${plural(more, 'more warning')} in the full report.`] : [])].join('\n');
}

const GATE_ORDER = { fail: 0, skipped: 1, pass: 2 } as const;
const GATE_LABEL = { fail: '❌ fail', skipped: '⏭️ skipped', pass: '✅ pass' } as const;

function gatesTable(c: Comparison): Table | undefined {
  if (!c.gates || c.gates.results.length === 0) return undefined;
  const sorted = c.gates.results.map((g, i) => ({ g, i })).sort((a, b) => GATE_ORDER[a.g.status] - GATE_ORDER[b.g.status] || a.i - b.i);
  const ci = (v: number | undefined, interval: { low: number; high: number } | undefined): string =>
    v === undefined ? '' : interval ? `${num(v)} [${num(interval.low)}, ${num(interval.high)}]` : num(v);
  return {
    heading: '### Gates',
    header: ['Result', 'Gate', 'Kind', 'Value', 'Bound', 'Note'],
    align: ['l', 'l', 'l', 'r', 'r', 'l'],
    noun: 'gate',
    rows: sorted.map(({ g }, rank) => ({
      rank,
      text: row([
        g.status === 'pass' && g.notSignificant ? '✅ pass _(not significant)_' : GATE_LABEL[g.status],
        md(g.source, 200),
        g.kind,
        ci(g.left, g.leftCi),
        ci(g.right, g.rightCi),
        md(g.reason ?? '', 200),
      ]),
    })),
  };
}

/** The summary with the `keys` most changed metrics of each run; the run cell says how many there are in all. */
function summaryTable(c: Comparison, order: Map<RunComparison, number>, keys: number): Table {
  const withBaseline = c.baseline !== undefined;
  return {
    heading: '### Summary',
    header: withBaseline ? ['Run', 'Metric', 'Baseline', 'Current', 'Change'] : ['Run', 'Metric', 'Current'],
    align: withBaseline ? ['l', 'l', 'r', 'r', 'l'] : ['l', 'l', 'r'],
    noun: 'run',
    rows: c.runs.map((run) => {
      const key = bySalience(run.metrics).slice(0, keys);
      const shown = key.length < run.metrics.length ? ` · ${key.length} of ${run.metrics.length} metrics` : '';
      const label = `**${md(run.key.value)}**<br>${runIdentity(run)}${shown}`;
      const lines = key.map((m, i) => {
        const [b, cur] = formatValues(m);
        const first = i === 0 ? label : '';
        return row(withBaseline ? [first, md(m.name), b, cur, changeCell(m)] : [first, md(m.name), cur]);
      });
      if (lines.length === 0) lines.push(row([label, '_no metrics_', ...(withBaseline ? ['', '', ''] : [''])]));
      return { rank: order.get(run)!, text: lines.join('\n') };
    }),
  };
}

function tracesTable(c: Comparison, order: Map<RunComparison, number>): Table | undefined {
  const runs = c.runs.filter((r) => r.traces);
  if (runs.length === 0) return undefined;
  const figure = (run: RunComparison, name: string): string => {
    const m = run.traces!.figures.find((f) => f.name === name);
    return m ? compactCell(m) : '';
  };
  return {
    heading: '### Traces',
    header: ['Run', 'Traces', 'Latency p50 (ms)', 'Latency p95 (ms)', 'Tokens', 'Cost (USD)', 'Cache hit rate'],
    align: ['l', 'r', 'r', 'r', 'r', 'r', 'r'],
    noun: 'run',
    rows: runs.map((run) => {
      const { baseline, current } = run.traces!.count;
      const count = baseline === undefined ? num(current) : current === undefined ? `${num(baseline)} → –` : `${num(baseline)} → ${num(current)}`;
      return {
        rank: order.get(run)!,
        text: row([
          `**${md(run.key.value)}**`,
          count,
          figure(run, 'latency_ms/p50'),
          figure(run, 'latency_ms/p95'),
          figure(run, 'tokens/total'),
          figure(run, 'cost_usd'),
          figure(run, 'cache_hit_rate'),
        ]),
      };
    }),
  };
}

/** A table inside a details section: always shown whole (the section's level already capped it). */
const innerTable = (heading: string, header: string[], align: ('l' | 'r')[], rows: string[]): string =>
  tableMarkdown({ heading, header, align, rows: rows.map((text, rank) => ({ text, rank })), noun: 'row' });

function metricsPart(run: RunComparison, caps: LevelCaps, withBaseline: boolean): string {
  const shown = bySalience(run.metrics).filter((m) => caps.unchangedMetrics || m.change !== 'unchanged');
  const kept = shown.slice(0, caps.metrics);
  const omitted = run.metrics.length - kept.length;
  const heading = `#### Metrics (${run.metrics.length})`;
  if (kept.length === 0) return `${heading}\n\n_${run.metrics.length === 0 ? 'No metrics.' : 'No metric changed.'}_`;
  const rows = kept.map((m) => {
    const [b, c] = formatValues(m);
    return row(withBaseline ? [md(m.name), b, c, changeCell(m)] : [md(m.name), c]);
  });
  const table = innerTable(heading, withBaseline ? ['Metric', 'Baseline', 'Current', 'Change'] : ['Metric', 'Current'], withBaseline ? ['l', 'r', 'r', 'l'] : ['l', 'r'], rows);
  return omitted > 0 ? `${table}\n\n_${plural(omitted, 'more metric')} (${caps.unchangedMetrics ? 'least changed' : 'unchanged or least changed'}) in the full report._` : table;
}

function paramsPart(run: RunComparison, caps: LevelCaps): string | undefined {
  if (run.params.length === 0) return run.unchangedParams > 0 ? `_${plural(run.unchangedParams, 'param')}, none changed._` : undefined;
  const kept = run.params.slice(0, caps.params);
  const rows = kept.map((p) => row([md(p.name), p.baseline === undefined ? '_(none)_' : md(p.baseline, CELL_CHARS), p.current === undefined ? '_(none)_' : md(p.current, CELL_CHARS)]));
  const changed = run.params.filter((p) => p.change === 'changed').length;
  const counts = [changed > 0 ? `${changed} changed` : '', ...(['added', 'removed'] as const).map((k) => {
    const n = run.params.filter((p) => p.change === k).length;
    return n > 0 ? `${n} ${k}` : '';
  }), run.unchangedParams > 0 ? `${run.unchangedParams} unchanged` : ''].filter((s) => s !== '');
  const table = innerTable(`#### Params (${counts.join(', ')})`, ['Param', 'Baseline', 'Current'], ['l', 'l', 'l'], rows);
  const omitted = run.params.length - kept.length;
  return omitted > 0 ? `${table}\n\n_${plural(omitted, 'more param change')} in the full report._` : table;
}

function inputsText(r: FlippedRow): string {
  return Object.entries(r.inputs)
    .map(([k, v]) => `${k}: ${v}`)
    .join('; ');
}

function flipsTable(scorer: ScorerComparison, rows: FlippedRow[], direction: string, cap: number): string {
  const kept = rows.slice(0, cap);
  const table = innerTable(
    `**${md(scorer.name)}: ${plural(rows.length, 'row')} flipped ${direction}**`,
    ['Row', 'Inputs', 'Expected', 'Baseline output', 'Current output', 'Baseline', 'Current'],
    ['r', 'l', 'l', 'l', 'l', 'l', 'l'],
    kept.map((r) =>
      row([
        md(r.row, 20),
        md(inputsText(r), CELL_CHARS),
        md(r.expected ?? '', CELL_CHARS),
        md(r.baselineOutput ?? '', CELL_CHARS),
        md(r.currentOutput ?? '', CELL_CHARS),
        formatVerdicts(r.baseline),
        formatVerdicts(r.current),
      ]),
    ),
  );
  return rows.length > kept.length ? `${table}\n\n_${plural(rows.length - kept.length, 'more row')} in the full report._` : table;
}

function evalPart(run: RunComparison, caps: LevelCaps): string | undefined {
  const e = run.eval;
  if (!e || e.scorers.length === 0) return undefined;
  const rate = (s: ScorerComparison['baseline']): string =>
    s ? (s.pass_rate !== null ? `${formatNumber(s.pass_rate * 100, 3)}% (${s.passed}/${s.passed + s.failed})` : s.mean !== null ? `mean ${num(s.mean)}` : '') : '';
  const rows = e.scorers.map((s) =>
    row([md(s.name), rate(s.baseline), rate(s.current), s.baseline && s.current ? String(s.passToFail.length) : '', s.baseline && s.current ? String(s.failToPass.length) : '', s.current ? String(s.current.errors) : '']),
  );
  const parts = [
    innerTable(`#### Evaluation (${plural(e.rows.current ?? e.rows.baseline ?? 0, 'result')})`, ['Scorer', 'Baseline', 'Current', 'Pass → fail', 'Fail → pass', 'Errors'], ['l', 'r', 'r', 'r', 'r', 'r'], rows),
  ];
  if (e.digestChanged) parts.push(`⚠️ _Different datasets: digest ${md(e.baselineDigest ?? '', 40)} → ${md(e.currentDigest ?? '', 40)}._`);
  if (e.truncated) parts.push('_The bundles kept only the first rows of a large table; rows after them were not compared._');
  for (const s of e.scorers) {
    if (s.passToFail.length > 0) parts.push(flipsTable(s, s.passToFail, 'pass → fail', caps.flips));
    if (s.failToPass.length > 0) parts.push(flipsTable(s, s.failToPass, 'fail → pass', caps.flips));
  }
  return parts.join('\n\n');
}

function chartsPart(run: RunComparison): string | undefined {
  if (run.charts.length === 0) return undefined;
  const charts = run.charts.map((chart) => `\`\`\`mermaid\n${mermaidChart(chart)}\n\`\`\`\n\n_${chartCaption(chart)}_`);
  const more = run.unchartedHistories > 0 ? [`_${plural(run.unchartedHistories, 'more metric history', 'more metric histories')} in the full report._`] : [];
  return ['#### Metric history', ...charts, ...more].join('\n\n');
}

function tracesPart(run: RunComparison, caps: LevelCaps, withBaseline: boolean): string | undefined {
  const t = run.traces;
  if (!t) return undefined;
  const label: Record<string, string> = {
    'latency_ms/p50': 'Latency p50 (ms)',
    'latency_ms/p95': 'Latency p95 (ms)',
    'tokens/input': 'Input tokens',
    'tokens/output': 'Output tokens',
    'tokens/total': 'Total tokens',
    cost_usd: 'LLM cost (USD)',
    cache_hit_rate: 'Gateway cache hit rate',
  };
  const figureRows = t.figures.map((m) => {
    const [b, c] = formatValues(m);
    return row(withBaseline ? [label[m.name] ?? md(m.name), b, c, changeCell(m)] : [label[m.name] ?? md(m.name), c]);
  });
  const count = `${t.count.baseline !== undefined ? `${t.count.baseline} → ` : ''}${t.count.current ?? '–'}`;
  const parts = [
    innerTable(`#### Traces (${count})`, withBaseline ? ['', 'Baseline', 'Current', 'Change'] : ['', 'Current'], withBaseline ? ['l', 'r', 'r', 'l'] : ['l', 'r'], figureRows),
  ];
  if (caps.spans > 0 && t.spans.length > 0) {
    const spans = [...t.spans].sort((a, b) => (b.p95.current ?? b.p95.baseline ?? 0) - (a.p95.current ?? a.p95.baseline ?? 0)).slice(0, caps.spans);
    const calls = (b: number | undefined, c: number | undefined): string => (withBaseline ? `${b ?? '–'} → ${c ?? '–'}` : String(c ?? ''));
    parts.push(
      innerTable(
        '**Spans by p95 latency (ms)**',
        ['Span', 'Calls', 'p50', 'p95'],
        ['l', 'r', 'r', 'r'],
        spans.map((s) => row([md(s.name), calls(s.baselineCount, s.currentCount), compactCell(s.p50), compactCell(s.p95)])),
      ),
    );
    if (t.spans.length > spans.length) parts.push(`_${plural(t.spans.length - spans.length, 'more span name')} in the full report._`);
  }
  return parts.join('\n\n');
}

function artifactsPart(run: RunComparison, caps: LevelCaps): string | undefined {
  if (caps.artifacts === 0 || run.artifacts.length === 0) return undefined;
  const shown = run.artifacts.slice(0, caps.artifacts).map((a) => `${md(a.path, CELL_CHARS)} (${formatBytes(a.file_size)})`);
  const more = run.artifacts.length - shown.length;
  return `**Artifacts**: ${shown.join(', ')}${more > 0 ? `, and ${more} more` : ''}`;
}

/** A link to a URL from the comparison, checked again here: a stored comparison is untrusted. */
function link(text: string, url: string | undefined): string {
  const safe = safeUrl(url);
  return safe ? `[${text}](<${safe}>)` : '';
}

function runLinks(run: RunComparison): string | undefined {
  const links = [link('current run', run.current?.url), link('baseline run', run.baseline?.url)].filter((s) => s !== '');
  return links.length > 0 ? links.join(' · ') : undefined;
}

function detailsSummary(run: RunComparison): string {
  const counts = runCounts(run);
  const notes = [
    runIdentity(run),
    counts.worse > 0 ? `🔴 ${counts.worse} worse` : '',
    counts.better > 0 ? `🟢 ${counts.better} better` : '',
    counts.notSignificant > 0 ? `⚪ ${counts.notSignificant} not significant` : '',
    counts.flips > 0 ? `${plural(counts.flips, 'row')} pass → fail` : '',
    run.eval?.digestChanged ? '⚠️ dataset changed' : '',
  ].filter((s) => s !== '');
  return `<summary><b>${htmlText(cut(run.key.value, NAME_CHARS))}</b> · ${notes.join(' · ')}</summary>`;
}

/** A run with nothing to show beyond its summary row (an evaluation's parent run, say) gets no details section. */
const hasDetails = (run: RunComparison): boolean =>
  run.metrics.length > 0 || run.params.length > 0 || run.unchangedParams > 0 || run.eval !== undefined || run.traces !== undefined || run.artifacts.length > 0;

function runDetails(run: RunComparison, level: Level, withBaseline: boolean): string {
  if (!hasDetails(run)) return '';
  const caps = CAPS[level];
  const parts = [
    metricsPart(run, caps, withBaseline),
    paramsPart(run, caps),
    evalPart(run, caps),
    caps.charts ? chartsPart(run) : undefined,
    tracesPart(run, caps, withBaseline),
    artifactsPart(run, caps),
    runLinks(run),
  ].filter((p): p is string => p !== undefined);
  // The blank lines around the body are what make GitHub parse Markdown inside the HTML block.
  return `<details>\n${detailsSummary(run)}\n\n${parts.join('\n\n')}\n\n</details>`;
}

function linksLine(c: Comparison): string | undefined {
  const links = [link('CI job', c.links.job), link('Full report', c.links.reportArtifact)].filter((s) => s !== '');
  return links.length > 0 ? links.join(' · ') : undefined;
}

function pointer(c: Comparison, options: MarkdownOptions, what: string): string {
  const artifact = link('report artifact', c.links.reportArtifact);
  const where = options.fullReportHint ?? (artifact ? `The full report is in the ${artifact}.` : 'The full report is in the workflow run’s report artifact.');
  return `---\n\n✂️ **This report was shortened to fit**: ${what}. ${where}`;
}

// ---------------------------------------------------------------------------------------------

const SEPARATOR = '\n\n';
const join = (blocks: readonly (string | undefined)[]): string => `${blocks.filter((b): b is string => b !== undefined && b !== '').join(SEPARATOR)}\n`;
const lengthOf = (blocks: readonly string[]): number => blocks.reduce((n, b) => n + b.length + SEPARATOR.length, 0);

/** Room kept for the pointer's description of what was left out. */
const WHAT_RESERVE = 200;
/** When even the smallest summary does not fit whole, it gets at most this share of the room, so some details remain. */
const SUMMARY_SHARE = 0.6;

/** Ways to shorten the report, tried in order: what each keeps, and how the pointer describes what went. */
const STEPS: readonly { keys: number; level: Level; what: string }[] = [
  { keys: KEY_METRICS, level: 'nocharts', what: 'the metric charts' },
  { keys: KEY_METRICS, level: 'compact', what: 'the charts and the unchanged figures of each run' },
  { keys: 3, level: 'compact', what: 'the charts and unchanged figures; the summary shows 3 metrics per run' },
  { keys: 1, level: 'compact', what: 'the charts and unchanged figures; the summary shows 1 metric per run' },
];

/** The comparison as GitHub-flavoured Markdown, at most `maxChars` characters (see the module comment). */
export function renderMarkdown(c: Comparison, options: MarkdownOptions = {}): string {
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  if (!(maxChars >= MIN_MAX_CHARS)) throw new RangeError(`renderMarkdown: maxChars must be at least ${MIN_MAX_CHARS}, got ${maxChars}.`);
  const marker = options.marker === undefined ? undefined : checkMarker(options.marker);
  const withBaseline = c.baseline !== undefined;
  const order = runOrder(c.runs);
  const heading = `## ${md(options.title ?? 'MLflow run comparison', 200)}`;
  const head = (brief: boolean): string[] => [marker, heading, headline(c), context(c), warningsBlock(c, brief)].filter((b): b is string => b !== undefined);
  const gates = gatesTable(c);
  const traces = tracesTable(c, order);
  const tail = [linksLine(c)].filter((b): b is string => b !== undefined);
  const memo = <K, V>(make: (k: K) => V): ((k: K) => V) => {
    const seen = new Map<K, V>();
    return (k) => (seen.has(k) ? seen.get(k)! : seen.set(k, make(k)).get(k)!);
  };
  const summaryWith = memo((keys: number) => tableMarkdown(summaryTable(c, order, keys)));
  const detailsAt = memo((level: Level) => c.runs.map((run) => runDetails(run, level, withBaseline)));
  const gatesText = gates && tableMarkdown(gates);
  const tracesText = traces && tableMarkdown(traces);

  const full = join([...head(false), gatesText, summaryWith(KEY_METRICS), tracesText, ...detailsAt('full'), ...tail]);
  if (full.length <= maxChars) return full;

  for (const step of STEPS) {
    const text = join([...head(false), gatesText, summaryWith(step.keys), tracesText, ...detailsAt(step.level), ...tail, pointer(c, options, step.what)]);
    if (text.length <= maxChars) return text;
  }

  // Nothing fits whole: tables lose rows and runs lose their details, least eventful first.
  const left: string[] = [];
  let top = head(false);
  const reserve = (blocks: string[]): number => maxChars - 1 - lengthOf(blocks) - lengthOf(tail) - pointer(c, options, '').length - WHAT_RESERVE - SEPARATOR.length;
  if (reserve(top) < 0) top = head(true);
  let budget = reserve(top);
  const place = (name: string, table: Table | undefined, room: number): string => {
    if (!table) return '';
    const text = fitTable(table, room - SEPARATOR.length);
    if (text !== tableMarkdown(table)) left.push(text === '' ? `the ${name} table` : `some ${name} rows`);
    if (text !== '') budget -= text.length + SEPARATOR.length;
    return text;
  };
  const gatesFitted = place('gates', gates, budget);
  const summaryFitted = place('summary', summaryTable(c, order, 1), Math.floor(budget * SUMMARY_SHARE));
  const tracesFitted = place('traces', traces, Math.floor(budget * SUMMARY_SHARE));

  const compact = detailsAt('compact');
  const keep = new Set<number>();
  const byRank = c.runs.map((run, i) => ({ i, rank: order.get(run)! })).sort((a, b) => a.rank - b.rank);
  for (const { i } of byRank) {
    const size = compact[i]!.length + SEPARATOR.length;
    if (size > budget) break;
    keep.add(i);
    budget -= size;
  }
  const dropped = c.runs.filter((run, i) => !keep.has(i) && compact[i] !== '').length;
  left.push('the charts and unchanged figures', ...(dropped > 0 ? [`the details of ${dropped} of ${plural(c.runs.length, 'run')}`] : []));
  const text = join([...top, gatesFitted, summaryFitted, tracesFitted, ...compact.filter((_, i) => keep.has(i)), ...tail, pointer(c, options, cut(left.join('; '), WHAT_RESERVE))]);
  if (text.length <= maxChars) return text;
  // Only a pathological head (a huge caller hint, say) gets here: the cap still holds.
  return join([marker, heading, headline(c), pointer(c, { ...options, fullReportHint: 'The full report is in the workflow run’s report artifact.' }, 'everything but the verdict')]);
}
