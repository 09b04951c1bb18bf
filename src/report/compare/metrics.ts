/**
 * Metric values side by side: the latest logged value of each metric (MLflow's "latest": highest
 * step, then timestamp, then value), its confidence interval when the run logged one as
 * `<metric>/ci_low` and `<metric>/ci_high` (read back with the evaluation module's
 * metricStatsFrom), the change judged by the metric's direction, and whether it is significant.
 *
 * Significance rule: a side without an interval counts as the point [v, v]; the change is
 * significant when the two intervals are disjoint, and not significant when they overlap (which
 * includes the current value lying inside the baseline's interval).
 */
import type { BundleRun, MetricPoint } from '../bundle/index.ts';
import { metricStatsFrom, type MetricStat } from '../../evaluate/aggregate.ts';
import { directionOf } from './direction.ts';
import type { Chart, Direction, MetricDelta } from './schema.ts';

/** Points per series in a chart: enough to show a curve, few enough to keep a comment small. */
export const MAX_CHART_POINTS = 40;

/** MLflow's order for "latest": step, then timestamp, then value. */
function isLater(a: MetricPoint, b: MetricPoint): boolean {
  if (a.step !== b.step) return a.step > b.step;
  if (a.timestamp !== b.timestamp) return a.timestamp > b.timestamp;
  return a.value > b.value;
}

function latest(history: readonly MetricPoint[]): number | undefined {
  let best: MetricPoint | undefined;
  for (const p of history) if (!best || isLater(p, best)) best = p;
  return best?.value;
}

/** A run's metrics as their latest values, with intervals re-attached. */
export function runMetricStats(run: BundleRun | undefined): Record<string, MetricStat> {
  if (!run) return {};
  const logged: Record<string, number> = {};
  for (const [name, history] of Object.entries(run.metrics)) {
    const value = latest(history);
    if (value !== undefined) logged[name] = value;
  }
  return metricStatsFrom(logged);
}

const TOLERANCE = 1e-12;

/** Equal within rounding: the same tolerance the gates use, so a report and a gate agree on "unchanged". */
function same(a: number, b: number): boolean {
  return a === b || (Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) <= TOLERANCE * Math.max(Math.abs(a), Math.abs(b)));
}

function significance(baseline: MetricStat, current: MetricStat): boolean | undefined {
  if (!baseline.ci && !current.ci) return undefined;
  const b = baseline.ci ?? { low: baseline.value, high: baseline.value };
  const c = current.ci ?? { low: current.value, high: current.value };
  if ([b.low, b.high, c.low, c.high].some(Number.isNaN)) return false;
  return c.low > b.high || c.high < b.low;
}

/** One metric compared; either side may be absent. */
export function metricDelta(name: string, direction: Direction, baseline: MetricStat | undefined, current: MetricStat | undefined): MetricDelta {
  const out: MetricDelta = { name, direction, delta: null, relative: null, change: 'unchanged' };
  if (baseline) {
    out.baseline = baseline.value;
    if (baseline.ci) out.baselineCi = baseline.ci;
  }
  if (current) {
    out.current = current.value;
    if (current.ci) out.currentCi = current.ci;
  }
  if (!baseline || !current) {
    out.change = baseline ? 'removed' : 'added';
    return out;
  }
  const b = baseline.value;
  const c = current.value;
  if (Number.isNaN(b) || Number.isNaN(c)) {
    out.change = Number.isNaN(b) && Number.isNaN(c) ? 'unchanged' : 'incomparable';
    return out;
  }
  const delta = c - b;
  out.delta = Number.isNaN(delta) ? null : delta;
  out.relative = out.delta !== null && b !== 0 && Number.isFinite(b) ? out.delta / Math.abs(b) : null;
  if (same(b, c)) {
    out.change = 'unchanged';
    if (out.delta !== null) out.delta = 0;
    if (out.relative !== null) out.relative = 0;
  } else {
    out.change = (c > b) === (direction === 'higher') ? 'better' : 'worse';
  }
  const significant = significance(baseline, current);
  if (significant !== undefined) out.significant = out.change === 'unchanged' ? false : significant;
  return out;
}

/** Every metric of either run, in name order. */
export function compareMetrics(baseline: BundleRun | undefined, current: BundleRun | undefined, directions: Readonly<Record<string, Direction>> | undefined): MetricDelta[] {
  const b = runMetricStats(baseline);
  const c = runMetricStats(current);
  const names = [...new Set([...Object.keys(b), ...Object.keys(c)])].sort();
  return names.map((name) => metricDelta(name, directionOf(name, directions), b[name], c[name]));
}

/** How much a metric's change matters, for choosing what to show first when space is short. */
function tier(m: MetricDelta): number {
  const noted = m.significant !== false;
  switch (m.change) {
    case 'worse':
      return noted ? 6 : 3;
    case 'incomparable':
    case 'removed':
      return 5;
    case 'better':
      return noted ? 4 : 2;
    case 'added':
      return 1;
    case 'unchanged':
      return 0;
  }
}

const size = (m: MetricDelta): number => Math.abs(m.relative ?? 0);

/** Metrics ordered by how much they matter (worse before better, bigger changes first); names break ties. */
export function bySalience(metrics: readonly MetricDelta[]): MetricDelta[] {
  return [...metrics].sort((a, b) => tier(b) - tier(a) || size(b) - size(a) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** One value per step (MLflow's latest at that step), finite values only, in step order. */
function series(history: readonly MetricPoint[] | undefined): MetricPoint[] {
  if (!history) return [];
  const atStep = new Map<number, MetricPoint>();
  for (const p of history) {
    const seen = atStep.get(p.step);
    if (!seen || isLater(p, seen)) atStep.set(p.step, p);
  }
  return [...atStep.values()].filter((p) => Number.isFinite(p.value)).sort((a, b) => a.step - b.step);
}

/** The value of a series at `step`: linear between its points, held at the end values outside them. */
function valueAt(points: readonly MetricPoint[], step: number): number {
  const first = points[0]!;
  const last = points[points.length - 1]!;
  if (step <= first.step) return first.value;
  if (step >= last.step) return last.value;
  let lo = 0;
  let hi = points.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (points[mid]!.step <= step) lo = mid;
    else hi = mid;
  }
  const a = points[lo]!;
  const b = points[hi]!;
  return a.step === step ? a.value : a.value + ((b.value - a.value) * (step - a.step)) / (b.step - a.step);
}

/** At most `max` steps, evenly spread over the sorted `steps`, first and last always kept. */
function spread(steps: readonly number[], max: number): number[] {
  if (steps.length <= max) return [...steps];
  return Array.from({ length: max }, (_, i) => steps[Math.round((i * (steps.length - 1)) / (max - 1))]!);
}

/**
 * A chart of a metric's baseline and current histories on one step grid (the union of both
 * sides' steps, downsampled to MAX_CHART_POINTS); undefined when neither side has more than one
 * finite point.
 */
export function chartOf(name: string, baseline: readonly MetricPoint[] | undefined, current: readonly MetricPoint[] | undefined): Chart | undefined {
  const b = series(baseline);
  const c = series(current);
  if (b.length < 2 && c.length < 2) return undefined;
  const steps = spread([...new Set([...b, ...c].map((p) => p.step))].sort((x, y) => x - y), MAX_CHART_POINTS);
  const chart: Chart = { metric: name, steps, points: { baseline: b.length, current: c.length }, range: {} };
  if (b.length > 0) {
    chart.baseline = steps.map((s) => valueAt(b, s));
    chart.range.baseline = [b[0]!.step, b[b.length - 1]!.step];
  }
  if (c.length > 0) {
    chart.current = steps.map((s) => valueAt(c, s));
    chart.range.current = [c[0]!.step, c[c.length - 1]!.step];
  }
  return chart;
}
