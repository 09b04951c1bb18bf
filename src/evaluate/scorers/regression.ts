/**
 * Regression metrics over the whole dataset, as scikit-learn defines them: RMSE, MAE and R²
 * (R² with force_finite: constant expected values give 1 for a perfect fit, else 0). A pair whose
 * prediction or expected value is not a number is left out and counted as `<metric>/excluded`.
 */
import { z } from 'zod';
import type { AggregateMetric, PredictionPair } from '../types.ts';

/** A finite number, or a string that is exactly one; anything else is not a prediction to score. */
export function strictNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const n = Number(value.trim());
  return Number.isFinite(n) ? n : undefined;
}

export function numericPairs(pairs: readonly PredictionPair[]): { y: number[]; yHat: number[]; excluded: number } {
  const y: number[] = [];
  const yHat: number[] = [];
  for (const pair of pairs) {
    const truth = strictNumber(pair.expected);
    const guess = strictNumber(pair.predicted);
    if (truth === undefined || guess === undefined) continue;
    y.push(truth);
    yHat.push(guess);
  }
  return { y, yHat, excluded: pairs.length - y.length };
}

type Statistic = (y: readonly number[], yHat: readonly number[]) => number | undefined;

const sumOf = (n: number, term: (i: number) => number): number => {
  let total = 0;
  for (let i = 0; i < n; i++) total += term(i);
  return total;
};

const rmseOf: Statistic = (y, yHat) => (y.length === 0 ? undefined : Math.sqrt(sumOf(y.length, (i) => (y[i]! - yHat[i]!) ** 2) / y.length));
const maeOf: Statistic = (y, yHat) => (y.length === 0 ? undefined : sumOf(y.length, (i) => Math.abs(y[i]! - yHat[i]!)) / y.length);
const r2Of: Statistic = (y, yHat) => {
  // sklearn: not defined for fewer than two samples.
  if (y.length < 2) return undefined;
  const mean = sumOf(y.length, (i) => y[i]!) / y.length;
  const residual = sumOf(y.length, (i) => (y[i]! - yHat[i]!) ** 2);
  const total = sumOf(y.length, (i) => (y[i]! - mean) ** 2);
  if (total === 0) return residual === 0 ? 1 : 0;
  return 1 - residual / total;
};

function regressionMetric(type: string, statistic: Statistic, greaterIsBetter: boolean): AggregateMetric {
  return {
    type,
    optionsSchema: z.strictObject({}),
    compute(pairs) {
      const { y, yHat, excluded } = numericPairs(pairs);
      const value = statistic(y, yHat);
      const out: Record<string, number> = { [`${type}/excluded`]: excluded };
      if (value !== undefined) out[type] = value;
      return out;
    },
    greaterIsBetter: (metric) => (metric === type ? greaterIsBetter : false),
  };
}

export const rmse = regressionMetric('rmse', rmseOf, false);
export const mae = regressionMetric('mae', maeOf, false);
export const r2 = regressionMetric('r2', r2Of, true);
