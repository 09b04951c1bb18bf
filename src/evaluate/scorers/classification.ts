/**
 * Classification metrics over the whole dataset, as scikit-learn defines them with
 * `zero_division=0`: accuracy, and precision / recall / F1 averaged `binary` (the `pos_label`
 * class only), `micro` (pooled counts) or `macro` (unweighted mean over every label seen in the
 * expected or predicted values). Labels are compared as text after trimming.
 */
import { z } from 'zod';
import type { AggregateMetric, PredictionPair } from '../types.ts';
import { asText, ScorerConfigError } from './shared.ts';

export type Average = 'binary' | 'micro' | 'macro';

/** The label a value stands for; a missing expected value leaves the pair out. */
const labelOf = (value: unknown): string => asText(value).trim();

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

interface Confusion {
  /** Pairs scored (those with an expected label). */
  n: number;
  correct: number;
  /** Per label, in order of first appearance. */
  counts: Map<string, Counts>;
  excluded: number;
}

function confusion(pairs: readonly PredictionPair[]): Confusion {
  const counts = new Map<string, Counts>();
  const of = (label: string): Counts => {
    let c = counts.get(label);
    if (!c) counts.set(label, (c = { tp: 0, fp: 0, fn: 0 }));
    return c;
  };
  let n = 0;
  let correct = 0;
  let excluded = 0;
  for (const { predicted, expected } of pairs) {
    if (expected === undefined || expected === null) {
      excluded++;
      continue;
    }
    const truth = labelOf(expected);
    const guess = labelOf(predicted);
    n++;
    if (truth === guess) {
      correct++;
      of(truth).tp++;
    } else {
      of(truth).fn++;
      of(guess).fp++;
    }
  }
  return { n, correct, counts, excluded };
}

/** 0 where sklearn's zero_division=0 would be. */
const ratio = (num: number, den: number): number => (den === 0 ? 0 : num / den);

/** Precision, recall and F1 of one label's (or pooled) counts. */
function prf({ tp, fp, fn }: Counts): { precision: number; recall: number; f1: number } {
  return { precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn), f1: ratio(2 * tp, 2 * tp + fp + fn) };
}

const posLabel = z.union([z.string(), z.number(), z.boolean()]).transform((v) => String(v).trim());

const averagedOptions = z
  .strictObject({
    average: z.enum(['binary', 'micro', 'macro']).optional(),
    pos_label: posLabel.optional(),
  })
  .refine((o) => o.average !== 'binary' || o.pos_label !== undefined, {
    path: ['pos_label'],
    message: "average: binary needs pos_label (the positive class, e.g. pos_label: 'yes')",
  });

type AveragedOptions = z.output<typeof averagedOptions>;

/** The averaging used: as asked, else binary for two labels and a pos_label, else macro. */
function averageFor(options: AveragedOptions, labels: number): Average {
  if (options.average !== undefined) return options.average;
  return labels === 2 && options.pos_label !== undefined ? 'binary' : 'macro';
}

/** Precision, recall and F1 under one averaging; throws when binary does not fit the labels. */
export function averagedScores(
  pairs: readonly PredictionPair[],
  options: AveragedOptions,
  family: string,
): { average: Average; precision: number; recall: number; f1: number; excluded: number; n: number } {
  const { counts, excluded, n } = confusion(pairs);
  const average = averageFor(options, counts.size);
  const base = { average, excluded, n };
  if (average === 'binary') {
    const pos = options.pos_label!;
    if (counts.size > 2) {
      throw new ScorerConfigError(
        `${family}: average 'binary' needs at most two labels, the data has ${counts.size} (${[...counts.keys()].slice(0, 10).join(', ')}); use average: macro or micro.`,
      );
    }
    if (!counts.has(pos) && counts.size === 2) {
      throw new ScorerConfigError(`${family}: pos_label '${pos}' is not one of the labels (${[...counts.keys()].join(', ')}).`);
    }
    return { ...base, ...prf(counts.get(pos) ?? { tp: 0, fp: 0, fn: 0 }) };
  }
  if (average === 'micro') {
    const pooled = { tp: 0, fp: 0, fn: 0 };
    for (const c of counts.values()) {
      pooled.tp += c.tp;
      pooled.fp += c.fp;
      pooled.fn += c.fn;
    }
    return { ...base, ...prf(pooled) };
  }
  const per = [...counts.values()].map(prf);
  const meanOf = (key: 'precision' | 'recall' | 'f1'): number => ratio(per.reduce((t, s) => t + s[key], 0), per.length);
  return { ...base, precision: meanOf('precision'), recall: meanOf('recall'), f1: meanOf('f1') };
}

/** Direction of a family's metrics: scores up, the count of pairs left out down. */
const excludedIsWorse = (metric: string): boolean => !metric.endsWith('/excluded');

export const accuracy: AggregateMetric = {
  type: 'accuracy',
  optionsSchema: z.strictObject({}),
  compute(pairs) {
    const { n, correct, excluded } = confusion(pairs);
    const out: Record<string, number> = { 'accuracy/excluded': excluded };
    if (n > 0) out.accuracy = correct / n;
    return out;
  },
  greaterIsBetter: excludedIsWorse,
};

function averagedMetric(type: 'precision' | 'recall' | 'f1'): AggregateMetric {
  return {
    type,
    optionsSchema: averagedOptions,
    compute(pairs, options) {
      const scores = averagedScores(pairs, averagedOptions.parse(options ?? {}), type);
      const excluded = { [`${type}/excluded`]: scores.excluded };
      return scores.n === 0 ? excluded : { [`${type}/${scores.average}`]: scores[type], ...excluded };
    },
    greaterIsBetter: excludedIsWorse,
  };
}

export const precision = averagedMetric('precision');
export const recall = averagedMetric('recall');
export const f1 = averagedMetric('f1');
