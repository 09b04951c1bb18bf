/**
 * `npm run demo`: the main job on the embedded default, offline and without API keys.
 * Starts the bundled `mlflow-ts server` on a fresh SQLite store, runs the example project's
 * `train` entry point three times through `mlflow-ts run` (each a tracked run with its params,
 * per-epoch metrics, model and plot), evaluates the best model with the `evaluate` entry point,
 * then compares the runs.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MlflowClient, type Run } from '../src/client/index.ts';
import { launchServer } from '../src/tracking/launch.ts';

const root = new URL('..', import.meta.url).pathname;
const cli = join(root, 'dist/cli/index.js');
const project = join(root, 'examples/logistic-regression');
const dir = mkdtempSync(join(tmpdir(), 'mlflow-ts-demo-'));
const experimentName = 'demo-logistic-regression';

const server = await launchServer({
  cli,
  args: ['--port', '0', '--backend-store-uri', `sqlite:///${join(dir, 'mlruns.db')}`, '--artifacts-destination', join(dir, 'mlartifacts')],
  onStderr: (text) => process.stderr.write(text),
});
const url = server.url;

/** `mlflow-ts run <project> ...`, as a user types it; its output streams through. */
function mlflowTsRun(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'run', project, '--experiment-name', experimentName, ...args], {
      stdio: 'inherit',
      env: { ...process.env, MLFLOW_TRACKING_URI: url },
    });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`mlflow-ts run ${args.join(' ')} exited with code ${code}`))));
  });
}

try {
  for (const lr of ['0.01', '0.05', '0.3']) await mlflowTsRun(['-e', 'train', '-P', `lr=${lr}`, '--run-name', `train lr=${lr}`]);

  const client = new MlflowClient({ trackingUri: url });
  const experiment = await client.getExperimentByName(experimentName);
  const trained: Run[] = [];
  for await (const run of client.searchRuns({
    experimentIds: [experiment.experiment_id],
    filter: "tags.`mlflow.project.entryPoint` = 'train'",
    orderBy: ['metrics.test_log_loss ASC'],
  })) {
    trained.push(run);
  }
  const best = trained[0]!;
  await mlflowTsRun(['-e', 'evaluate', '-P', `run_id=${best.info.run_id}`, '--run-name', `evaluate ${best.info.run_name}`]);

  const metric = (run: Run, k: string) => run.data.metrics?.find((m) => m.key === k)?.value;
  const param = (run: Run, k: string) => run.data.params?.find((p) => p.key === k)?.value ?? '';
  const rows = trained.map((run) => [
    run.info.run_name,
    param(run, 'lr'),
    param(run, 'epochs'),
    Number(metric(run, 'test_accuracy')).toFixed(3),
    Number(metric(run, 'test_log_loss')).toFixed(4),
    run.info.status,
  ]);
  const header = ['run', 'lr', 'epochs', 'test_accuracy', 'test_log_loss', 'status'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(`\nComparison of ${rows.length} training runs in experiment '${experimentName}' (best first):\n`);
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(r));

  let evaluation: Run | undefined;
  for await (const run of client.searchRuns({ experimentIds: [experiment.experiment_id], filter: "tags.`mlflow.project.entryPoint` = 'evaluate'" })) evaluation = run;
  const f1 = evaluation ? metric(evaluation, 'f1') : undefined;
  console.log(`\nBest run: ${best.info.run_name}; evaluated by run ${evaluation?.info.run_id ?? '?'} (f1 ${f1 === undefined ? '?' : f1.toFixed(3)}).`);
  console.log(`Tracking data: ${dir} (npx mlflow-ts server --backend-store-uri sqlite:///${join(dir, 'mlruns.db')})`);
  await client.close();
} finally {
  await server.stop();
}
