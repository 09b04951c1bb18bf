/**
 * Metric histories as Mermaid `xychart-beta` line charts, which GitHub renders in comments. The
 * baseline is drawn grey and the current run blue (one palette entry per line, in line order).
 * Mermaid's grammar accepts plain decimals only (no exponents, no NaN), and quoted strings without
 * escapes, so numbers are written out and titles reduced to plain characters.
 */
import { mermaidText } from './escape.ts';
import type { Chart } from './schema.ts';

const BASELINE_COLOR = '#9ca3af';
const CURRENT_COLOR = '#2563eb';

/** A finite number as a plain decimal with at most 6 significant digits. */
export function mermaidNumber(n: number): string {
  if (!Number.isFinite(n)) return '0';
  const v = Number(n.toPrecision(6));
  const text = String(v);
  if (!text.includes('e')) return text;
  if (Math.abs(v) >= 1) return BigInt(Math.round(v)).toString();
  // Small values: enough decimals to reach 6 significant digits, trailing zeros dropped.
  const decimals = Math.min(100, 6 - Math.floor(Math.log10(Math.abs(v))));
  return v.toFixed(decimals).replace(/\.?0+$/, '');
}

const list = (values: readonly number[]): string => `[${values.map(mermaidNumber).join(', ')}]`;

/** The chart as a Mermaid diagram (no code fence). */
export function mermaidChart(chart: Chart): string {
  const lines: [string, readonly number[]][] = [];
  const colors: string[] = [];
  if (chart.baseline) {
    lines.push(['baseline', chart.baseline]);
    colors.push(BASELINE_COLOR);
  }
  if (chart.current) {
    lines.push(['current', chart.current]);
    colors.push(CURRENT_COLOR);
  }
  const init = { themeVariables: { xyChart: { plotColorPalette: colors.join(', ') } } };
  return [
    `%%{init: ${JSON.stringify(init)}}%%`,
    'xychart-beta',
    `  title "${mermaidText(chart.metric)}"`,
    `  x-axis "step" [${chart.steps.map((s) => `"${mermaidNumber(s)}"`).join(', ')}]`,
    ...lines.map(([name, values]) => `  line "${name}" ${list(values)}`),
  ].join('\n');
}

/** What a reader needs to read the chart: which line is which, and where a line is only held flat. */
export function chartCaption(chart: Chart): string {
  const parts: string[] = [];
  if (chart.baseline) parts.push('grey: baseline');
  if (chart.current) parts.push('blue: current');
  const { baseline, current } = chart.range;
  if (baseline && current && (baseline[0] !== current[0] || baseline[1] !== current[1])) {
    parts.push(`baseline steps ${mermaidNumber(baseline[0])}–${mermaidNumber(baseline[1])}, current ${mermaidNumber(current[0])}–${mermaidNumber(current[1])} (a line is held flat beyond its own steps)`);
  }
  const logged = Math.max(chart.points.baseline, chart.points.current);
  if (logged > chart.steps.length) parts.push(`${chart.steps.length} of ${logged} steps shown`);
  return parts.join(' · ');
}
