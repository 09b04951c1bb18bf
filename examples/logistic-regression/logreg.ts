/**
 * What train.ts and evaluate.ts share: the data set and its deterministic split, the model
 * file's format, prediction and the classification metrics. Plain arrays: 150 rows need no
 * numeric library, and every step is visible.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { setExperiment } from '../../src/client/index.ts';

export const DATA_FILE = join(import.meta.dirname, 'iris.csv');
export const FEATURES = ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'] as const;
export const SPECIES = ['setosa', 'versicolor', 'virginica'] as const;
/** Where train.ts stores the model in its run's artifacts, and evaluate.ts fetches it from. */
export const MODEL_DIR = 'model';
export const MODEL_ARTIFACT = `${MODEL_DIR}/model.json`;

export interface Row {
  x: number[];
  species: string;
}

export interface Split {
  train: Row[];
  test: Row[];
}

const measurement = z.coerce.number().refine(Number.isFinite, 'not a number');
const csvRow = z.tuple([measurement, measurement, measurement, measurement, z.enum(SPECIES)]);

export function loadRows(file = DATA_FILE): Row[] {
  const [header, ...lines] = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  if (header !== [...FEATURES, 'species'].join(',')) throw new Error(`${file}: expected the header ${[...FEATURES, 'species'].join(',')}.`);
  return lines.map((line, i) => {
    const parsed = csvRow.safeParse(line.split(','));
    if (!parsed.success) throw new Error(`${file} line ${i + 2}: ${z.prettifyError(parsed.error)}`);
    const [a, b, c, d, species] = parsed.data;
    return { x: [a, b, c, d], species };
  });
}

/** mulberry32: a tiny seeded PRNG, so a seed gives the same split on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Holds out `testFraction` of each species (stratified), shuffled by `seed`. */
export function split(rows: readonly Row[], seed: number, testFraction: number): Split {
  const next = random(seed);
  const out: Split = { train: [], test: [] };
  for (const species of SPECIES) {
    const group = rows.filter((r) => r.species === species);
    for (let i = group.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [group[i], group[j]] = [group[j]!, group[i]!];
    }
    const nTest = Math.round(group.length * testFraction);
    out.test.push(...group.slice(0, nTest));
    out.train.push(...group.slice(nTest));
  }
  return out;
}

/** model.json: everything evaluate.ts needs to score rows and to rebuild the same split. */
export const modelSchema = z.object({
  format: z.literal('mlflow-ts-example/logistic-regression@1'),
  target: z.enum(SPECIES),
  features: z.array(z.string()).length(FEATURES.length),
  mean: z.array(z.number()).length(FEATURES.length),
  std: z.array(z.number().positive()).length(FEATURES.length),
  weights: z.array(z.number()).length(FEATURES.length),
  bias: z.number(),
  split: z.object({ seed: z.number().int(), test_fraction: z.number().gt(0).lt(1) }),
});
export type Model = z.infer<typeof modelSchema>;

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Features scaled with the training split's mean and standard deviation, as stored in the model. */
export function standardize(model: Pick<Model, 'mean' | 'std'>, x: readonly number[]): number[] {
  return x.map((v, i) => (v - model.mean[i]!) / model.std[i]!);
}

/** P(species = target) for one raw row. */
export function probability(model: Model, x: readonly number[]): number {
  return sigmoid(standardize(model, x).reduce((s, v, i) => s + v * model.weights[i]!, model.bias));
}

const EPS = 1e-12;

/** Mean binary cross-entropy; probabilities are clipped so a confident mistake costs a lot, not Infinity. */
export function logLoss(labels: readonly number[], probs: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < labels.length; i++) {
    const p = Math.min(1 - EPS, Math.max(EPS, probs[i]!));
    sum -= labels[i]! * Math.log(p) + (1 - labels[i]!) * Math.log(1 - p);
  }
  return sum / labels.length;
}

export interface Scores {
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  log_loss: number;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

/** Binary classification scores at `threshold`; precision/recall are 0 when undefined (no predicted/actual positives). */
export function score(labels: readonly number[], probs: readonly number[], threshold = 0.5): Scores {
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  labels.forEach((y, i) => {
    const predicted = probs[i]! >= threshold ? 1 : 0;
    if (predicted === 1 && y === 1) tp++;
    else if (predicted === 1) fp++;
    else if (y === 1) fn++;
    else tn++;
  });
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  return {
    accuracy: (tp + tn) / labels.length,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    log_loss: logLoss(labels, probs),
    tp,
    fp,
    tn,
    fn,
  };
}

/**
 * Run standalone, the scripts log to experiment `logistic-regression`. Under `mlflow-ts run`
 * (MLFLOW_RUN_ID set) or with MLFLOW_EXPERIMENT_* set, they leave the choice to the
 * environment: naming another experiment here would conflict with the run handed to them.
 */
export async function chooseExperiment(): Promise<void> {
  const env = process.env;
  if (!env.MLFLOW_RUN_ID && !env.MLFLOW_EXPERIMENT_ID && !env.MLFLOW_EXPERIMENT_NAME) await setExperiment('logistic-regression');
}

/** Parses `--flag value` arguments with a zod schema; the message names the flag to fix. */
export function validateArgs<S extends z.ZodObject>(schema: S, values: Record<string, unknown>): z.infer<S> {
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const flag = String(issue.path[0] ?? '').replaceAll('_', '-');
    console.error(`Invalid --${flag}: ${issue.message}`);
    process.exit(2);
  }
  return parsed.data;
}
