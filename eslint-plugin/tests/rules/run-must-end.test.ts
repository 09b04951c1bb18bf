import rule from '../../src/rules/run-must-end.ts';
import { ruleTester } from '../rule-tester.ts';

const I = `import { startRun } from 'mlflow-ts-action/client';`;

ruleTester.run('run-must-end', rule, {
  valid: [
    `${I} await startRun({}, async (run) => { await run.logMetric('a', 1); });`,
    `${I} await using run = await startRun(); await run.logMetric('a', 1);`,
    `${I} async function f() { const run = await startRun(); try { await train(run.runId); } finally { await run.end(); } }`,
    `${I} async function f() { const run = await startRun(); try { await train(); await run.end(); } catch (e) { await run.end('FAILED'); throw e; } }`,
    // Ownership passes to the caller or to another function.
    `${I} export async function open() { const run = await startRun(); return run; }`,
    `${I} async function f() { const run = await startRun(); registry.add(run); }`,
    // Nothing between start and end can throw.
    `${I} async function f() { const run = await startRun(); await run.end(); }`,
    `${I} async function f(x: boolean) { const run = await startRun(); if (x) { await run.end('KILLED'); return; } try { await g(); } finally { await run.end(); } }`,
    // Shadowed startRun: a local function, not the SDK.
    `${I} async function f(startRun: () => Promise<{ end(): void }>) { const run = await startRun(); await g(); }`,
    // A closure ends it later (e.g. on a signal): not this function's to check.
    `${I} const run = await startRun(); process.on('SIGTERM', () => void run.end('KILLED'));`,
  ],
  invalid: [
    { code: `${I} await startRun();`, errors: [{ messageId: 'discarded' }] },
    { code: `import * as mlflow from 'mlflow-ts-action/client'; void mlflow.startRun({ runName: 'x' });`, errors: [{ messageId: 'discarded' }] },
    {
      code: `${I} async function f() { const run = await startRun(); await run.logMetric('a', 1); }`,
      errors: [{ messageId: 'neverEnded', data: { name: 'run' }, suggestions: [{ messageId: 'useAwaitUsing', output: `${I} async function f() { await using run = await startRun(); await run.logMetric('a', 1); }` }] }],
    },
    {
      // Aliased import; early return skips the end.
      code: `import { startRun as begin } from 'mlflow-ts-action/client'; async function f(ok: boolean) { const r = await begin(); if (!ok) return; try { await g(); } finally { await r.end(); } }`,
      errors: [{ messageId: 'notEndedOnEveryPath', suggestions: [{ messageId: 'useAwaitUsing', output: `import { startRun as begin } from 'mlflow-ts-action/client'; async function f(ok: boolean) { await using r = await begin(); if (!ok) return; try { await g(); } finally { await r.end(); } }` }] }],
    },
    {
      code: `${I} async function f() { const run = await startRun(); await train(); await run.end(); }`,
      errors: [{ messageId: 'notEndedOnThrow', suggestions: [{ messageId: 'useAwaitUsing', output: `${I} async function f() { await using run = await startRun(); await train(); await run.end(); }` }] }],
    },
    {
      // A caught error falls through past the end().
      code: `${I} async function f(bad: boolean) { const run = await startRun(); try { await g(); if (bad) throw new Error('x'); await run.end(); } catch (e) { console.log(e); } }`,
      errors: [{ messageId: 'notEndedOnEveryPath', suggestions: [{ messageId: 'useAwaitUsing', output: `${I} async function f(bad: boolean) { await using run = await startRun(); try { await g(); if (bad) throw new Error('x'); await run.end(); } catch (e) { console.log(e); } }` }] }],
    },
    {
      // `let` cannot become `await using`: no suggestion.
      code: `${I} async function f() { let run = await startRun(); await run.logParam('a', 1); }`,
      errors: [{ messageId: 'neverEnded', suggestions: [] }],
    },
    {
      // Nested function: checked in its own code path.
      code: `${I} export const job = async () => { const inner = async () => { const run = await startRun(); await run.logMetric('a', 1); }; await inner(); };`,
      errors: [{ messageId: 'neverEnded', suggestions: [{ messageId: 'useAwaitUsing', output: `${I} export const job = async () => { const inner = async () => { await using run = await startRun(); await run.logMetric('a', 1); }; await inner(); };` }] }],
    },
    {
      // Promise chain with an async callback: `await using` is available there.
      code: `${I} function f() { return g().then(async () => { const run = await startRun(); for (const x of xs) { if (x) break; } }); }`,
      errors: [{ messageId: 'neverEnded', suggestions: [{ messageId: 'useAwaitUsing', output: `${I} function f() { return g().then(async () => { await using run = await startRun(); for (const x of xs) { if (x) break; } }); }` }] }],
    },
    {
      code: `${I} async function f(xs: number[]) { const run = await startRun(); for (const x of xs) { if (x < 0) throw new Error('negative'); } await run.end(); }`,
      errors: [{ messageId: 'notEndedOnEveryPath', suggestions: [{ messageId: 'useAwaitUsing', output: `${I} async function f(xs: number[]) { await using run = await startRun(); for (const x of xs) { if (x < 0) throw new Error('negative'); } await run.end(); }` }] }],
    },
  ],
});
