import rule from '../../src/rules/valid-metric-value.ts';
import { typedRuleTester } from '../rule-tester.ts';

const I = `import { MlflowClient, startRun } from 'mlflow-ts-action/client';`;

typedRuleTester.run('valid-metric-value', rule, {
  valid: [
    `${I} await startRun({}, async (run) => { await run.logMetric('a', 1, 2); await run.logMetrics({ a: 1.5, b: 2 }, 3); });`,
    `${I} const c = new MlflowClient(); await c.logMetric('id', 'a', 0.5, { step: 1, timestamp: Date.now() });`,
    // Number literals, numeric enums and branded numbers are numbers.
    `${I} enum Level { Low = 1 } type Score = number & { __brand: 'score' }; declare const s: Score; await startRun({}, async (run) => { await run.logMetric('lvl', Level.Low); await run.logMetric('s', s); });`,
    `${I} declare const loss: number | undefined; await startRun({}, async (run) => { await run.logMetric('loss', loss ?? Number.NaN); });`,
    `${I} await startRun({}, async (run) => { await run.logMetric('ratio', 1 / 0); });`,
    `${I} const c = new MlflowClient(); await c.logBatch('id', { metrics: [{ key: 'a', value: 1, step: Math.floor(7 / 2) }] });`,
    // Not the SDK: another logMetric with a string value.
    `declare const tracker: { logMetric(k: string, v: string): void }; tracker.logMetric('a', 'x');`,
    // Shadowed startRun: its callback's parameter is no run.
    `${I} function f(startRun: (o: object, cb: (r: { logMetric(k: string, v: string): void }) => void) => void) { startRun({}, (r) => r.logMetric('a', 'b')); }`,
  ],
  invalid: [
    {
      code: `${I} declare const v: any; await startRun({}, async (run) => { await run.logMetric('a', v); });`,
      errors: [{ messageId: 'anyValue', suggestions: [{ messageId: 'wrapInNumber', output: `${I} declare const v: any; await startRun({}, async (run) => { await run.logMetric('a', Number(v)); });` }] }],
    },
    {
      // JSON from an LLM judge, through a namespace import and a client.
      code: `import * as mlflow from 'mlflow-ts-action/client'; const c = new mlflow.MlflowClient(); const judged = JSON.parse('{}'); await c.logMetric('id', 'faithfulness', judged.score);`,
      errors: [{ messageId: 'anyValue', suggestions: [{ messageId: 'wrapInNumber', output: `import * as mlflow from 'mlflow-ts-action/client'; const c = new mlflow.MlflowClient(); const judged = JSON.parse('{}'); await c.logMetric('id', 'faithfulness', Number(judged.score));` }] }],
    },
    {
      code: `${I} declare const v: string; await startRun({}, async (run) => { await run.logMetric('a', v as never, 1.5); await run.logMetrics({ b: v as unknown as number | undefined }); });`,
      errors: [{ messageId: 'nonIntegerStep', data: { field: 'step', hint: '' } }, { messageId: 'notNumber' }],
    },
    {
      code: `${I} const c = new MlflowClient(); await c.logMetric('id', 'a', 1, { timestamp: Date.now() / 1000 });`,
      errors: [{ messageId: 'nonIntegerStep' }],
    },
    {
      code: `${I} const c = new MlflowClient(); await c.logMetric('id', 'a', 1, { timestamp: performance.now() });`,
      errors: [{ messageId: 'nonIntegerStep' }],
    },
    {
      // Aliased import, promise chain, batch metrics.
      code: `import { startRun as begin } from 'mlflow-ts-action/client'; declare const flag: boolean; begin().then((r) => r.client.logBatch(r.runId, { metrics: [{ key: 'ok', value: flag as unknown as number | boolean, step: epoch / 2 }] }));`,
      errors: [{ messageId: 'notNumber' }, { messageId: 'nonIntegerStep' }],
    },
    {
      code: `${I} await startRun({}, async (run) => { await run.logMetric('a', Number.NaN); await run.logMetric('b', -Infinity); await run.logMetric('c', x / 0); });`,
      options: [{ allowNonFinite: false }],
      errors: [{ messageId: 'nonFinite' }, { messageId: 'nonFinite' }, { messageId: 'nonFinite' }],
    },
    {
      // Nested function inside the callback.
      code: `${I} declare const scores: Record<string, string>; await startRun({}, async (run) => { const log = (k: string) => run.logMetric(k, scores[k] as unknown as number | bigint); await log('x'); });`,
      errors: [{ messageId: 'notNumber' }],
    },
  ],
});
