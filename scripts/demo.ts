/**
 * `npm run demo`: the main job on the embedded default, offline and without API keys.
 * Starts the bundled `mlflow-ts server` on a fresh SQLite store, runs the example training
 * script three times with different learning rates (each a tracked run), then compares them.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MlflowClient } from '../src/client/index.ts';
import { launchServer } from '../src/tracking/launch.ts';

const root = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'mlflow-ts-demo-'));
const experimentName = 'demo-linear-regression';

const server = await launchServer({
  cli: join(root, 'dist/cli/index.js'),
  args: ['--port', '0', '--backend-store-uri', `sqlite:///${join(dir, 'mlruns.db')}`, '--artifacts-destination', join(dir, 'mlartifacts')],
  onStderr: (text) => process.stderr.write(text),
});
const url = server.url;

function train(lr: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'examples/linear-regression/train.ts'), '--lr', lr, '--epochs', '25', '--experiment', experimentName], {
      stdio: 'inherit',
      env: { ...process.env, MLFLOW_TRACKING_URI: url },
    });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`training with lr=${lr} exited with code ${code}`))));
  });
}

try {
  for (const lr of ['0.005', '0.02', '0.1']) await train(lr);

  const client = new MlflowClient({ trackingUri: url });
  const experiment = await client.getExperimentByName(experimentName);
  const rows: string[][] = [];
  for await (const run of client.searchRuns({ experimentIds: [experiment.experiment_id], orderBy: ['metrics.rmse ASC'] })) {
    const metric = (k: string) => run.data.metrics?.find((m) => m.key === k)?.value;
    const param = (k: string) => run.data.params?.find((p) => p.key === k)?.value ?? '';
    rows.push([run.info.run_name, param('lr'), param('epochs'), Number(metric('rmse')).toFixed(4), Number(metric('r2')).toFixed(4), run.info.status]);
  }
  const header = ['run', 'lr', 'epochs', 'rmse', 'r2', 'status'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(`\nComparison of ${rows.length} runs in experiment '${experimentName}' (best first):\n`);
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(r));
  console.log(`\nBest run: ${rows[0]?.[0]} (rmse ${rows[0]?.[3]}). Tracking data: ${dir}`);
} finally {
  await server.stop();
}
