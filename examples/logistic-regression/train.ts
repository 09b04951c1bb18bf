/**
 * Trains a logistic regression ("is this iris the target species?") by full-batch gradient
 * descent and tracks it with the mlflow-ts client: params, per-epoch metrics, held-out scores,
 * the model as JSON and an SVG loss curve as artifacts. Deterministic: same args, same numbers.
 *
 *   mlflow-ts run examples/logistic-regression -e train -P lr=0.2 --experiment-name iris
 *   MLFLOW_TRACKING_URI=http://127.0.0.1:5000 npx node examples/logistic-regression/train.ts --epochs 100
 *
 * Under `mlflow-ts run` the run already exists (MLFLOW_RUN_ID) and startRun logs into it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { startRun, type MetricInput } from '../../src/client/index.ts';
import {
  FEATURES,
  MODEL_DIR,
  SPECIES,
  chooseExperiment,
  loadRows,
  logLoss,
  score,
  sigmoid,
  split,
  standardize,
  validateArgs,
  type Model,
} from './logreg.ts';

// Defaults mirror the MLproject file, for running the script on its own.
const { values: raw } = parseArgs({
  options: {
    lr: { type: 'string', default: '0.1' },
    epochs: { type: 'string', default: '200' },
    l2: { type: 'string', default: '0' },
    seed: { type: 'string', default: '7' },
    'test-fraction': { type: 'string', default: '0.3' },
    target: { type: 'string', default: 'virginica' },
  },
});
const args = validateArgs(
  z.object({
    lr: z.coerce.number().positive(),
    epochs: z.coerce.number().int().positive().max(100_000),
    l2: z.coerce.number().min(0),
    seed: z.coerce.number().int(),
    test_fraction: z.coerce.number().gt(0).lt(1),
    target: z.enum(SPECIES),
  }),
  { ...raw, test_fraction: raw['test-fraction'] },
);

const data = split(loadRows(), args.seed, args.test_fraction);
const labelOf = (species: string): number => (species === args.target ? 1 : 0);

// Scale with the training split only, so nothing about the held-out rows leaks into the model.
const mean = FEATURES.map((_, j) => data.train.reduce((s, r) => s + r.x[j]!, 0) / data.train.length);
const std = FEATURES.map((_, j) => Math.sqrt(data.train.reduce((s, r) => s + (r.x[j]! - mean[j]!) ** 2, 0) / data.train.length) || 1);
const trainX = data.train.map((r) => standardize({ mean, std }, r.x));
const trainY = data.train.map((r) => labelOf(r.species));
const testX = data.test.map((r) => standardize({ mean, std }, r.x));
const testY = data.test.map((r) => labelOf(r.species));

const weights: number[] = FEATURES.map(() => 0);
let bias = 0;
const predictAll = (xs: number[][]): number[] => xs.map((x) => sigmoid(x.reduce((s, v, j) => s + v * weights[j]!, bias)));
/** Training objective: cross-entropy plus the L2 penalty gradient descent minimizes. */
const objective = (probs: number[]): number => logLoss(trainY, probs) + (args.l2 / 2) * weights.reduce((s, w) => s + w * w, 0);

/** Up to this many epochs' metrics go in one log-batch request. */
const FLUSH_EVERY = 25;

await chooseExperiment();
await startRun({ runName: `${args.target}-lr${args.lr}` }, async (run) => {
  // The strings as received: the project runner logged the same values, and MLflow refuses a
  // param logged twice with different text ("0.10" vs "0.1").
  await run.logParams({ lr: raw.lr, epochs: raw.epochs, l2: raw.l2, seed: raw.seed, test_fraction: raw['test-fraction'], target: raw.target });
  await run.setTags({ 'model.type': 'logistic-regression', 'data.name': 'iris', 'data.rows.train': data.train.length, 'data.rows.test': data.test.length });

  const history: { loss: number; testLoss: number }[] = [];
  let pending: MetricInput[] = [];
  for (let epoch = 0; epoch < args.epochs; epoch++) {
    const probs = predictAll(trainX);
    const gradW = FEATURES.map((_, j) => trainX.reduce((s, x, i) => s + (probs[i]! - trainY[i]!) * x[j]!, 0) / trainX.length + args.l2 * weights[j]!);
    const gradB = probs.reduce((s, p, i) => s + p - trainY[i]!, 0) / trainX.length;
    weights.forEach((_, j) => (weights[j]! -= args.lr * gradW[j]!));
    bias -= args.lr * gradB;

    const after = predictAll(trainX);
    const loss = objective(after);
    const testLoss = logLoss(testY, predictAll(testX));
    history.push({ loss, testLoss });
    const timestamp = Date.now();
    pending.push(
      { key: 'loss', value: loss, step: epoch, timestamp },
      { key: 'accuracy', value: score(trainY, after).accuracy, step: epoch, timestamp },
      { key: 'test_loss', value: testLoss, step: epoch, timestamp },
    );
    if (pending.length >= FLUSH_EVERY * 3 || epoch === args.epochs - 1) {
      await run.client.logBatch(run.runId, { metrics: pending });
      pending = [];
    }
  }

  const held = score(testY, predictAll(testX));
  await run.logMetrics({ test_accuracy: held.accuracy, test_log_loss: held.log_loss }, args.epochs);

  const model: Model = {
    format: 'mlflow-ts-example/logistic-regression@1',
    target: args.target,
    features: [...FEATURES],
    mean,
    std,
    weights,
    bias,
    split: { seed: args.seed, test_fraction: args.test_fraction },
  };
  const dir = mkdtempSync(join(tmpdir(), 'logreg-'));
  try {
    writeFileSync(join(dir, 'model.json'), JSON.stringify(model, null, 2) + '\n');
    writeFileSync(join(dir, 'loss_curve.svg'), lossCurveSvg(history, `Log-loss, ${args.target} vs rest (lr ${args.lr}, l2 ${args.l2})`));
    await run.logArtifact(join(dir, 'model.json'), MODEL_DIR);
    await run.logArtifact(join(dir, 'loss_curve.svg'), 'plots');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `run ${run.runId}: test accuracy ${held.accuracy.toFixed(3)}, test log-loss ${held.log_loss.toFixed(4)} ` +
      `(${data.train.length} train / ${data.test.length} test rows)`,
  );
});

/** A line chart as SVG text: training objective and held-out log-loss per epoch. */
function lossCurveSvg(points: readonly { loss: number; testLoss: number }[], title: string): string {
  const [w, h] = [640, 400];
  const m = { left: 60, right: 20, top: 40, bottom: 50 };
  const yMax = Math.max(...points.flatMap((p) => [p.loss, p.testLoss])) * 1.05 || 1;
  const last = Math.max(points.length - 1, 1);
  const x = (i: number): number => m.left + (i / last) * (w - m.left - m.right);
  const y = (v: number): number => h - m.bottom - (v / yMax) * (h - m.top - m.bottom);
  const line = (pick: (p: { loss: number; testLoss: number }) => number): string =>
    points.map((p, i) => `${x(i).toFixed(1)},${y(pick(p)).toFixed(1)}`).join(' ');
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  const esc = (s: string): string => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="sans-serif" font-size="12">`,
    `<rect width="${w}" height="${h}" fill="white"/>`,
    `<text x="${w / 2}" y="22" text-anchor="middle" font-size="15">${esc(title)}</text>`,
    `<line x1="${m.left}" y1="${h - m.bottom}" x2="${w - m.right}" y2="${h - m.bottom}" stroke="black"/>`,
    `<line x1="${m.left}" y1="${m.top}" x2="${m.left}" y2="${h - m.bottom}" stroke="black"/>`,
    ...ticks.map((t) => `<text x="${m.left - 6}" y="${(y(t * yMax) + 4).toFixed(1)}" text-anchor="end">${(t * yMax).toFixed(2)}</text>`),
    ...ticks.map((t) => Math.round(t * last)).map((i) => `<text x="${x(i).toFixed(1)}" y="${h - m.bottom + 18}" text-anchor="middle">${i}</text>`),
    `<text x="${(m.left + w - m.right) / 2}" y="${h - 12}" text-anchor="middle">epoch</text>`,
    `<polyline fill="none" stroke="#1f77b4" stroke-width="2" points="${line((p) => p.loss)}"/>`,
    `<polyline fill="none" stroke="#ff7f0e" stroke-width="2" stroke-dasharray="6 3" points="${line((p) => p.testLoss)}"/>`,
    `<line x1="${w - m.right - 170}" y1="${m.top + 6}" x2="${w - m.right - 145}" y2="${m.top + 6}" stroke="#1f77b4" stroke-width="2"/>`,
    `<text x="${w - m.right - 138}" y="${m.top + 10}">training objective</text>`,
    `<line x1="${w - m.right - 170}" y1="${m.top + 24}" x2="${w - m.right - 145}" y2="${m.top + 24}" stroke="#ff7f0e" stroke-width="2" stroke-dasharray="6 3"/>`,
    `<text x="${w - m.right - 138}" y="${m.top + 28}">held-out log-loss</text>`,
    '</svg>',
    '',
  ].join('\n');
}
