/**
 * A small, real training script: linear regression by mini-batch gradient descent on a
 * synthetic dataset, tracked with the mlflow-ts client exactly as a user's script would be.
 *
 *   MLFLOW_TRACKING_URI=http://127.0.0.1:5000 npx node examples/linear-regression/train.ts --lr 0.05 --epochs 30
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { setExperiment, startRun } from '../../src/client/index.ts';

const { values } = parseArgs({
  options: {
    lr: { type: 'string', default: '0.05' },
    epochs: { type: 'string', default: '30' },
    'batch-size': { type: 'string', default: '16' },
    seed: { type: 'string', default: '7' },
    experiment: { type: 'string', default: process.env.MLFLOW_EXPERIMENT_NAME ?? 'linear-regression' },
  },
});
const lr = Number(values.lr);
const epochs = Number(values.epochs);
const batchSize = Number(values['batch-size']);

/** Deterministic PRNG so runs are reproducible in CI (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = rng(Number(values.seed));
const TRUE_W = [2.5, -1.2, 0.7];
const TRUE_B = 0.3;
const makeRows = (n: number) =>
  Array.from({ length: n }, () => {
    const x = TRUE_W.map(() => random() * 2 - 1);
    const noise = (random() - 0.5) * 0.2;
    return { x, y: x.reduce((s, xi, i) => s + xi * TRUE_W[i]!, TRUE_B) + noise };
  });
const train = makeRows(512);
const test = makeRows(128);

const predict = (w: number[], b: number, x: number[]) => x.reduce((s, xi, i) => s + xi * w[i]!, b);
const mse = (w: number[], b: number, rows: typeof train) => rows.reduce((s, r) => s + (predict(w, b, r.x) - r.y) ** 2, 0) / rows.length;

await setExperiment(values.experiment);
await startRun({ runName: `lr-${lr}` }, async (run) => {
  await run.logParams({ lr, epochs, batch_size: batchSize, seed: values.seed, features: TRUE_W.length });
  const w = TRUE_W.map(() => 0);
  let b = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let start = 0; start < train.length; start += batchSize) {
      const batch = train.slice(start, start + batchSize);
      const gw = w.map(() => 0);
      let gb = 0;
      for (const r of batch) {
        const err = predict(w, b, r.x) - r.y;
        r.x.forEach((xi, i) => (gw[i]! += (2 * err * xi) / batch.length));
        gb += (2 * err) / batch.length;
      }
      w.forEach((_, i) => (w[i]! -= lr * gw[i]!));
      b -= lr * gb;
    }
    await run.logMetrics({ train_mse: mse(w, b, train), test_mse: mse(w, b, test) }, epoch);
  }
  const testMse = mse(w, b, test);
  const mean = test.reduce((s, r) => s + r.y, 0) / test.length;
  const variance = test.reduce((s, r) => s + (r.y - mean) ** 2, 0) / test.length;
  await run.logMetrics({ rmse: Math.sqrt(testMse), r2: 1 - testMse / variance });
  const dir = mkdtempSync(join(tmpdir(), 'linreg-'));
  const modelFile = join(dir, 'model.json');
  writeFileSync(modelFile, JSON.stringify({ weights: w, bias: b }, null, 2));
  await run.logArtifact(modelFile, 'model');
  console.log(`lr=${lr}: rmse=${Math.sqrt(testMse).toFixed(4)} run_id=${run.info.run_id}`);
});
