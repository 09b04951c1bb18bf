/**
 * MLflow's MetricThreshold (mlflow.models.MetricThreshold) compiled into gates, one gate per
 * criterion, with the verdicts of mlflow/models/evaluation/validation.py `_validate`:
 *
 * - `threshold`:           candidate >= threshold            (<= when lower is better)
 * - `min_absolute_change`: candidate >= baseline + change    (candidate <= baseline - change)
 * - `min_relative_change`: (candidate - baseline) / baseline >= change
 *                          ((baseline - candidate) / baseline >= change)
 *
 * The relative gate keeps MLflow's formula rather than `candidate >= baseline * (1 + change)`,
 * because the two differ when the baseline is negative: MLflow divides by the signed baseline, so
 * for a negative baseline the candidate must move *down* by the fraction when greater is better
 * (baseline -10, change 0.1: candidate <= -11). A suite migrated from MLflow keeps its verdicts.
 * For a zero baseline MLflow falls back to "candidate better than baseline by 1e-10"; here the
 * division gives ±Infinity (or NaN for 0/0, which fails), the same verdict except for candidates
 * within 1e-10 of zero.
 *
 * Deviations, both at the edges: a comparison with NaN fails here, while MLflow lets a NaN relative
 * change pass (`nan < change` is False); and a candidate exactly at a computed bound passes here
 * (0.85 against 0.8 + 0.05, which rounds to 0.8500000000000001), where MLflow compares the
 * rounded floats and fails it.
 */
import { z } from 'zod';
import { GateDefinitionError } from './errors.ts';
import { formatCondition } from './print.ts';
import type { CompareCondition, Gate, Operand, RunScope } from './tree.ts';

/**
 * A threshold as a suite file writes it (MLflow's constructor arguments, plus `significance`);
 * `greater_is_better` may be left to the metric's known direction.
 */
export const metricThresholdSchema = z
  .strictObject({
    threshold: z.number().optional(),
    min_absolute_change: z.number().positive('must be a positive number (MLflow refuses 0 or less)').optional(),
    min_relative_change: z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1').optional(),
    greater_is_better: z.boolean().optional(),
    /** Judge the change gates by the metric's confidence interval (evaluations with `repeat`). */
    significance: z.boolean().optional(),
  })
  .refine((t) => t.threshold !== undefined || t.min_absolute_change !== undefined || t.min_relative_change !== undefined, {
    message: 'set at least one of threshold, min_absolute_change, min_relative_change',
  });

export type MetricThresholdSpec = z.input<typeof metricThresholdSchema>;

export interface MetricThreshold {
  threshold?: number;
  min_absolute_change?: number;
  min_relative_change?: number;
  greater_is_better: boolean;
  significance?: boolean;
}

const compiledSchema = metricThresholdSchema.and(z.object({ greater_is_better: z.boolean('greater_is_better must be true or false') }));

/** The gates MLflow would check for `metric` under threshold `t` (1 to 3 of them). Throws GateDefinitionError. */
export function compileMetricThreshold(metric: string, t: MetricThreshold, scope?: RunScope): Gate[] {
  const parsed = compiledSchema.safeParse(t);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => (i.path.length > 0 ? `${i.path.join('.')} ${i.message}` : i.message));
    throw new GateDefinitionError(metric, `${problems.join('; ')}.`);
  }
  const { threshold, min_absolute_change: absolute, min_relative_change: relative, greater_is_better: up, significance } = parsed.data;
  const ref = scope ? { name: metric, scope } : { name: metric };
  const current: Operand = { type: 'metric', ...ref };
  const baseline: Operand = { type: 'baseline', ...ref };
  const num = (value: number): Operand => ({ type: 'number', value });
  const noise = significance ? { noise: 'ci' as const } : {};
  const conditions: CompareCondition[] = [];
  if (threshold !== undefined) conditions.push({ type: 'compare', op: up ? '>=' : '<=', left: current, right: num(threshold) });
  if (absolute !== undefined) {
    conditions.push({ type: 'compare', op: up ? '>=' : '<=', left: current, right: { type: 'binary', op: up ? '+' : '-', left: baseline, right: num(absolute) }, ...noise });
  }
  if (relative !== undefined) {
    const change: Operand = up ? { type: 'binary', op: '-', left: current, right: baseline } : { type: 'binary', op: '-', left: baseline, right: current };
    conditions.push({ type: 'compare', op: '>=', left: { type: 'binary', op: '/', left: change, right: baseline }, right: num(relative), ...noise });
  }
  return conditions.map((condition) => ({ source: formatCondition(condition), condition }));
}
