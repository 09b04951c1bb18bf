import rule from '../../src/rules/prefer-log-batch-in-loop.ts';
import { ruleTester } from '../rule-tester.ts';

const I = `import { MlflowClient, startRun } from 'mlflow-ts-action/client';`;

ruleTester.run('prefer-log-batch-in-loop', rule, {
  valid: [
    // One literal key per training step: the normal pattern.
    `${I} await startRun({}, async (run) => { for (let epoch = 0; epoch < 10; epoch++) await run.logMetric('loss', 1 / (epoch + 1), epoch); });`,
    `${I} await startRun({}, async (run) => { await run.logMetrics(scores, 1); });`,
    `${I} await startRun({}, async (run) => { for (let e = 0; e < 3; e++) await run.logMetrics({ loss: 1, acc: 2 }, e); });`,
    // The iterable of a for-of runs once.
    `${I} await startRun({}, async (run) => { for (const x of await run.logParam(k, 1) ?? []) void x; });`,
    // A function defined in a loop is not necessarily called there.
    `${I} await startRun({}, async (run) => { const fns = []; for (const k of keys) fns.push(() => run.logParam(k, 1)); });`,
    // Not the SDK.
    `const run = { logMetric(_k: string, _v: number) {} }; for (const k of keys) run.logMetric(k, 1);`,
    `${I} function f(run: { logMetric(k: string, v: number): void }) { for (const k of keys) run.logMetric(k, 1); }`,
    `${I} const c = new MlflowClient(); for (const id of runIds) await c.logMetric(id, 'loss', 1);`,
    // Shadowed startRun: the callback's `run` is a local object's.
    `${I} function f(startRun: (o: object, cb: (r: { logMetric(k: string, v: number): void }) => void) => void) { startRun({}, (run) => { for (const k of keys) run.logMetric(k, 1); }); }`,
  ],
  invalid: [
    {
      code: `${I} await startRun({}, async (run) => { for (const [k, v] of Object.entries(m)) await run.logMetric(k, v, step); });`,
      errors: [{ messageId: 'dynamicKey', suggestions: [{ messageId: 'useBatchMethod', data: { batch: 'logMetrics' }, output: `${I} await startRun({}, async (run) => { await run.logMetrics(m, step); });` }] }],
    },
    {
      code: `${I} await startRun({}, async (run) => { for (const [name, value] of Object.entries(params)) { await run.logParam(name, value); } });`,
      errors: [{ messageId: 'dynamicKey', suggestions: [{ messageId: 'useBatchMethod', data: { batch: 'logParams' }, output: `${I} await startRun({}, async (run) => { await run.logParams(params); });` }] }],
    },
    {
      code: `${I} await startRun({}, async (run) => { for (let e = 0; e < 10; e++) { await run.logMetric('loss', 1, e); await run.logMetric('acc', 1, e); } });`,
      errors: [{ messageId: 'severalPerIteration', data: { method: 'logMetric', batch: 'logMetrics', count: 2 } }, { messageId: 'severalPerIteration', data: { method: 'logMetric', batch: 'logMetrics', count: 2 } }],
    },
    {
      // forEach callback, not awaited.
      code: `${I} await startRun({}, async (run) => { Object.keys(p).forEach((k) => run.setTag(k, String(p[k]))); });`,
      errors: [{ messageId: 'dynamicKey', data: { method: 'setTag', batch: 'setTags', count: 1 } }],
    },
    {
      // Promise.all over map: a burst of parallel requests.
      code: `${I} await startRun({}, async (run) => { await Promise.all(Object.entries(m).map(([k, v]) => run.logMetric(k, v))); });`,
      errors: [{ messageId: 'dynamicKey' }],
    },
    {
      // Namespace import, client calls: batch with logBatch.
      code: `import * as mlflow from 'mlflow-ts-action/client'; const c = new mlflow.MlflowClient(); for (const k in m) await c.logMetric(runId, k, m[k]!);`,
      errors: [{ messageId: 'dynamicKey', data: { method: 'logMetric', batch: 'logBatch', count: 1 }, suggestions: [] }],
    },
    {
      // Aliased import, while loop, promise chain on the handle.
      code: `import { startRun as begin } from 'mlflow-ts-action/client'; begin().then(async (r) => { let i = 0; while (i < n) { await r.logMetric(names[i]!, i); i++; } return r.end(); });`,
      errors: [{ messageId: 'dynamicKey' }],
    },
    {
      // The step depends on the loop variable: no suggestion.
      code: `${I} await startRun({}, async (run) => { for (const [k, v] of Object.entries(m)) await run.logMetric(k, v, k.length); });`,
      errors: [{ messageId: 'dynamicKey', suggestions: [] }],
    },
    {
      code: `${I} await startRun({}, async (run) => { do { await run.setTag(\`stage.\${i}\`, 'done'); } while (++i < 3); });`,
      errors: [{ messageId: 'dynamicKey' }],
    },
  ],
});
