/**
 * From per-row results to the metrics a run logs. The unit of every statistic is the dataset row:
 * with `repeat: N` a row's N scores are averaged first, so repeating rows narrows the confidence
 * interval of each row's value without pretending to be N times more data.
 */
import type { AggregateMetric, PredictionPair } from './types.ts';
import type { RowResult } from './executor.ts';
import { bootstrapCi, mean, percentile } from './stats.ts';

/** A logged number, with its bootstrap interval where it is a mean over rows. */
export interface MetricStat {
  value: number;
  ci?: { low: number; high: number };
}

export interface ScorerInfo {
  name: string;
  greaterIsBetter: boolean;
}

export interface TargetAggregates {
  metrics: Record<string, MetricStat>;
  /** Rows whose pass/fail verdict differed across repeats, per scorer. */
  flaky: Record<string, number[]>;
  /** Direction of each metric, for thresholds and the report. */
  greaterIsBetter: Record<string, boolean>;
}

export interface AggregateOptions {
  scorers: readonly ScorerInfo[];
  metrics: readonly { metric: AggregateMetric; options: unknown }[];
  seed: number;
  /** Bootstrap resamples; default 1000. */
  iterations?: number;
}

/** The suffixes under which an interval is logged: `<metric>/ci_low`, `<metric>/ci_high`. */
export const CI_LOW_SUFFIX = '/ci_low';
export const CI_HIGH_SUFFIX = '/ci_high';

function groupByRow(results: readonly RowResult[]): Map<number, RowResult[]> {
  const rows = new Map<number, RowResult[]>();
  for (const r of results) {
    const list = rows.get(r.rowIndex);
    if (list) list.push(r);
    else rows.set(r.rowIndex, [r]);
  }
  return rows;
}

/** Aggregates of one target's rows (every repeat of every row). */
export function aggregateTarget(results: readonly RowResult[], options: AggregateOptions): TargetAggregates {
  const metrics: Record<string, MetricStat> = {};
  const flaky: Record<string, number[]> = {};
  const greaterIsBetter: Record<string, boolean> = {};
  const ci = (values: number[], seedOffset: number): MetricStat['ci'] =>
    values.length > 0 ? bootstrapCi(values, { seed: options.seed + seedOffset, iterations: options.iterations ?? 1000 }) : undefined;
  const put = (name: string, stat: MetricStat | undefined, higherBetter: boolean): void => {
    if (!stat || Number.isNaN(stat.value)) return;
    metrics[name] = stat;
    greaterIsBetter[name] = higherBetter;
  };

  const byRow = groupByRow(results);
  options.scorers.forEach((scorer, i) => {
    const rowValues: number[] = [];
    const rowPassRates: number[] = [];
    const flakyRows: number[] = [];
    for (const [rowIndex, repeats] of byRow) {
      const values: number[] = [];
      const verdicts: boolean[] = [];
      for (const r of repeats) {
        const s = r.scores[scorer.name];
        if (!s || s.error !== undefined) continue;
        if (s.value !== null && Number.isFinite(s.value)) values.push(s.value);
        if (s.passed !== undefined) verdicts.push(s.passed);
      }
      if (values.length > 0) rowValues.push(mean(values));
      if (verdicts.length > 0) {
        const passes = verdicts.filter(Boolean).length;
        rowPassRates.push(passes / verdicts.length);
        if (passes !== 0 && passes !== verdicts.length) flakyRows.push(rowIndex);
      }
    }
    // Distinct seeds per statistic keep intervals independent yet reproducible.
    if (rowValues.length > 0) put(`${scorer.name}/mean`, { value: mean(rowValues), ci: ci(rowValues, 2 * i) }, scorer.greaterIsBetter);
    if (rowPassRates.length > 0) put(`${scorer.name}/pass_rate`, { value: mean(rowPassRates), ci: ci(rowPassRates, 2 * i + 1) }, true);
    if (flakyRows.length > 0) flaky[scorer.name] = flakyRows.sort((a, b) => a - b);
  });

  const ok = results.filter((r) => r.output !== undefined && r.error === undefined);
  const latencies = ok.map((r) => r.output!.latencyMs);
  if (latencies.length > 0) {
    put('latency_ms/mean', { value: mean(latencies) }, false);
    put('latency_ms/p50', { value: percentile(latencies, 50) }, false);
    put('latency_ms/p95', { value: percentile(latencies, 95) }, false);
  }
  const usages = ok.flatMap((r) => (r.output!.usage ? [r.output!.usage] : []));
  if (usages.length > 0) {
    put('tokens/input_total', { value: usages.reduce((t, u) => t + u.input_tokens, 0) }, false);
    put('tokens/output_total', { value: usages.reduce((t, u) => t + u.output_tokens, 0) }, false);
    put('tokens/total', { value: usages.reduce((t, u) => t + u.total_tokens, 0) }, false);
  }
  const costs = ok.flatMap((r) => (r.output!.costUsd !== undefined ? [r.output!.costUsd] : []));
  if (costs.length > 0) put('cost_usd/total', { value: costs.reduce((t, c) => t + c, 0) }, false);

  const errors = results.length - ok.length;
  put('rows/total', { value: byRow.size }, true);
  put('rows/errors', { value: errors }, false);
  put('rows/error_rate', { value: results.length > 0 ? errors / results.length : 0 }, false);
  const flakyCount = new Set(Object.values(flaky).flat()).size;
  put('rows/flaky', { value: flakyCount }, false);

  const pairs: PredictionPair[] = ok.map((r) => ({ predicted: r.output!.value, expected: r.expected }));
  for (const { metric, options: metricOptions } of options.metrics) {
    for (const [name, value] of Object.entries(metric.compute(pairs, metricOptions))) put(name, { value }, metric.greaterIsBetter(name));
  }
  return { metrics, flaky, greaterIsBetter };
}

/** Metric name → value as logged: each interval becomes two more metrics. */
export function loggedMetrics(metrics: Readonly<Record<string, MetricStat>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, stat] of Object.entries(metrics)) {
    out[name] = stat.value;
    if (stat.ci) {
      out[name + CI_LOW_SUFFIX] = stat.ci.low;
      out[name + CI_HIGH_SUFFIX] = stat.ci.high;
    }
  }
  return out;
}

/** The inverse of loggedMetrics: a run's metrics read back, intervals re-attached. */
export function metricStatsFrom(logged: Readonly<Record<string, number>>): Record<string, MetricStat> {
  const out: Record<string, MetricStat> = {};
  for (const [name, value] of Object.entries(logged)) {
    if (name.endsWith(CI_LOW_SUFFIX) || name.endsWith(CI_HIGH_SUFFIX)) continue;
    const low = logged[name + CI_LOW_SUFFIX];
    const high = logged[name + CI_HIGH_SUFFIX];
    out[name] = low !== undefined && high !== undefined ? { value, ci: { low, high } } : { value };
  }
  return out;
}
