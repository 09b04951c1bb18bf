import rule from '../../src/rules/require-run-context.ts';
import { ruleTester } from '../rule-tester.ts';

const I = `import { getActiveRun, startRun } from 'mlflow-ts-action/client';`;
// A Python-style fluent SDK, configured as a tracking module in the plugin settings.
const F = `import { endRun, logMetric, startRun } from 'fluent-sdk';`;
const settings = { 'mlflow-ts': { trackingModules: ['fluent-sdk'] } };

ruleTester.run('require-run-context', rule, {
  valid: [
    `${I} await startRun({}, async () => { await getActiveRun()?.logMetric('a', 1); });`,
    // A helper that callers run inside a run callback.
    `${I} export async function logLoss(v: number) { await getActiveRun()?.logMetric('loss', v); }`,
    // Nested function inside the callback.
    `${I} await startRun({}, async () => { const log = async () => getActiveRun()?.logParam('a', 1); await log(); });`,
    // Shadowed getActiveRun: a local function.
    `${I} function f(getActiveRun: () => undefined) { return getActiveRun(); } f(() => undefined);`,
    `import { getActiveRun } from 'elsewhere'; getActiveRun();`,
    { code: `${F} await startRun(); await logMetric('a', 1); await endRun();`, settings },
    { code: `${F} await startRun({}, async () => { await logMetric('a', 1); });`, settings },
    { code: `import * as fl from 'fluent-sdk'; async function f() { await fl.startRun(); await fl.logMetric('a', 1); await fl.endRun(); }`, settings },
    { code: `${F} startRun({}, () => logMetric('a', 1)).then(() => undefined);`, settings },
  ],
  invalid: [
    { code: `${I} await getActiveRun()?.logMetric('a', 1);`, errors: [{ messageId: 'noActiveRunAtTopLevel' }] },
    { code: `import * as mlflow from 'mlflow-ts-action/client'; const run = mlflow.getActiveRun();`, errors: [{ messageId: 'noActiveRunAtTopLevel' }] },
    {
      code: `${I} async function f() { const run = await startRun(); await getActiveRun()?.logMetric('a', 1); await run.end(); }`,
      errors: [{ messageId: 'handleIsNotActive', data: { name: 'run' } }],
    },
    {
      // Aliased import; the call is in a nested block after the handle.
      code: `import { getActiveRun as current, startRun as begin } from 'mlflow-ts-action/client'; export async function f(x: boolean) { await using r = await begin(); if (x) { current()?.setTag('k', 'v'); } }`,
      errors: [{ messageId: 'handleIsNotActive', data: { name: 'r' } }],
    },
    { code: `${F} await logMetric('a', 1);`, settings, errors: [{ messageId: 'fluentCallWithoutRun', data: { name: 'logMetric' } }] },
    { code: `${F} await startRun(); await endRun(); await logMetric('a', 1);`, settings, errors: [{ messageId: 'fluentCallWithoutRun' }] },
    {
      // A nested function called after the run ended.
      code: `${F} await startRun(); const later = () => logMetric('a', 1); await endRun(); later();`,
      settings,
      errors: [{ messageId: 'fluentCallWithoutRun' }],
    },
    {
      code: `import * as fl from 'fluent-sdk'; export async function f() { await fl.logParam('lr', 1); }`,
      settings,
      errors: [{ messageId: 'fluentCallWithoutRun', data: { name: 'logParam' } }],
    },
  ],
});
