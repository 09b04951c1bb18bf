/**
 * Scores a model trained by train.ts. The model is fetched from the training run's artifacts
 * (`--run-id`), so evaluation needs nothing on disk from training and can run on another
 * machine; the rows are the same held-out split, rebuilt from the seed stored in the model.
 * Accuracy, precision, recall, F1 and log-loss go into this script's own run.
 *
 *   mlflow-ts run examples/logistic-regression -e evaluate -P run_id=<train run id>
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { startRun } from '../../src/client/index.ts';
import { MODEL_ARTIFACT, chooseExperiment, loadRows, modelSchema, probability, score, split, validateArgs, type Model, type Row } from './logreg.ts';

const { values: raw } = parseArgs({
  options: {
    'run-id': { type: 'string' },
    split: { type: 'string', default: 'test' },
    threshold: { type: 'string', default: '0.5' },
  },
});
const args = validateArgs(
  z.object({
    run_id: z.string({ error: 'required: the id of the training run whose model to evaluate' }).regex(/^[\w-]+$/, 'not a run id'),
    split: z.enum(['test', 'train', 'all']),
    threshold: z.coerce.number().gt(0).lt(1),
  }),
  { ...raw, run_id: raw['run-id'] },
);

await chooseExperiment();
await startRun({ runName: `evaluate-${args.split}` }, async (run) => {
  await run.logParams({ run_id: args.run_id, split: raw.split, threshold: raw.threshold });

  const dir = mkdtempSync(join(tmpdir(), 'logreg-eval-'));
  let model: Model;
  try {
    const file = join(dir, 'model.json');
    await run.client.downloadArtifact(args.run_id, MODEL_ARTIFACT, file);
    const parsed = modelSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) throw new Error(`${MODEL_ARTIFACT} of run ${args.run_id} is not a model train.ts wrote: ${z.prettifyError(parsed.error)}`);
    model = parsed.data;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const { train, test } = split(loadRows(), model.split.seed, model.split.test_fraction);
  const rows: Row[] = args.split === 'test' ? test : args.split === 'train' ? train : [...train, ...test];
  const labels = rows.map((r) => (r.species === model.target ? 1 : 0));
  const scores = score(labels, rows.map((r) => probability(model, r.x)), args.threshold);

  await run.logMetrics({ ...scores, rows: rows.length });
  await run.setTags({ 'model.source_run_id': args.run_id, 'model.target': model.target });
  console.log(
    `run ${run.runId}: ${model.target} vs rest on ${rows.length} ${args.split} rows: accuracy ${scores.accuracy.toFixed(3)}, ` +
      `precision ${scores.precision.toFixed(3)}, recall ${scores.recall.toFixed(3)}, f1 ${scores.f1.toFixed(3)}`,
  );
});
