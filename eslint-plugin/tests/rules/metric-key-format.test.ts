import rule from '../../src/rules/metric-key-format.ts';
import { ruleTester } from '../rule-tester.ts';

const client = `import { MlflowClient, startRun } from 'mlflow-ts-action/client';`;

ruleTester.run('metric-key-format', rule, {
  valid: [
    `${client} await startRun({}, async (run) => { await run.logMetric('val/f1_at_k', 0.9, 1); });`,
    // Colons, spaces, dots and dashes are MLflow-valid.
    `${client} await startRun({}, async (run) => { await run.logParams({ 'model:name': 'x', 'optimizer lr': 1, 'size-1.2': 3 }); });`,
    // A dynamic key is left to the server; its static parts are fine.
    `${client} await startRun({}, async (run) => { for (const k of ks) await run.logMetric(\`eval/\${k}\`, 1); });`,
    // Not the SDK: a local object with the same method name.
    `const run = { logMetric(_k: string, _v: number) {} }; run.logMetric('a@b', 1);`,
    // Shadowed: the callback's parameter hides the import, and is not a run.
    `${client} function f(startRun: (o: object) => Promise<{ logMetric(k: string, v: number): void }>) { return startRun({}).then((r) => r.logMetric('a@b', 1)); }`,
    // The client's first argument is the run id, not a key.
    `${client} const c = new MlflowClient(); await c.logMetric('0123/../x', 'loss', 1);`,
    `${client} const c = new MlflowClient(); await c.logBatch(id, { metrics: [{ key: 'loss', value: 1 }], params: { lr: 1 }, tags: [{ key: 'team', value: 'a' }] });`,
    `import { logMetric } from 'elsewhere'; logMetric('a@b', 1);`,
    `${client} await startRun({ tags: { 'mlflow.note.content': 'x' } });`,
  ],
  invalid: [
    {
      code: `${client} await startRun({}, async (run) => { await run.logMetric('val/f1@k', 0.9, 1); });`,
      errors: [{ messageId: 'invalidKeyChars', suggestions: [{ messageId: 'replaceInvalidChars', output: `${client} await startRun({}, async (run) => { await run.logMetric('val/f1_k', 0.9, 1); });` }] }],
    },
    {
      // Aliased import, awaited handle.
      code: `import { startRun as begin } from 'mlflow-ts-action/client'; const r = await begin(); await r.setTag("owner(s)", 'a'); await r.end();`,
      errors: [{ messageId: 'invalidKeyChars', suggestions: [{ messageId: 'replaceInvalidChars', output: `import { startRun as begin } from 'mlflow-ts-action/client'; const r = await begin(); await r.setTag("owner_s_", 'a'); await r.end();` }] }],
    },
    {
      // Namespace import; batch lists and records.
      code: `import * as mlflow from 'mlflow-ts-action/client'; const c = new mlflow.MlflowClient(); await c.logBatch(id, { metrics: [{ key: '/loss', value: 1 }], params: { $lr: 1 } });`,
      errors: [
        { messageId: 'keyNotNormalized', suggestions: [{ messageId: 'useNormalizedKey', output: `import * as mlflow from 'mlflow-ts-action/client'; const c = new mlflow.MlflowClient(); await c.logBatch(id, { metrics: [{ key: 'loss', value: 1 }], params: { $lr: 1 } });` }] },
        { messageId: 'invalidKeyChars', suggestions: [{ messageId: 'replaceInvalidChars', output: `import * as mlflow from 'mlflow-ts-action/client'; const c = new mlflow.MlflowClient(); await c.logBatch(id, { metrics: [{ key: '/loss', value: 1 }], params: { '_lr': 1 } });` }] },
      ],
    },
    {
      // `..` cannot be normalised away without changing the key's meaning: no suggestion.
      code: `${client} await startRun({}, async (run) => { await run.logMetric('../loss', 1); });`,
      errors: [{ messageId: 'keyNotNormalized', suggestions: [] }],
    },
    {
      code: `${client} await startRun({}, async (run) => { await run.logParam('', 1); });`,
      errors: [{ messageId: 'emptyKey' }],
    },
    {
      code: `${client} await startRun({}, async (run) => { await run.logMetric('${'k'.repeat(251)}', 1); });`,
      errors: [{ messageId: 'keyTooLong', data: { length: 251, max: 250 } }],
    },
    {
      // Template literal: the static parts already break the rules.
      code: `${client} await startRun({}, async (run) => { await run.logMetric(\`eval//\${name}\`, 1); await run.logMetric(\`eval/\${name}@k\`, 1); });`,
      errors: [{ messageId: 'keyNotNormalized' }, { messageId: 'invalidKeyChars' }],
    },
    {
      // Nested function inside the run callback, promise chain on the handle.
      code: `${client} startRun().then((run) => { const log = () => run.logMetrics({ 'a|b': 1 }, 0); return log(); });`,
      errors: [{ messageId: 'invalidKeyChars', suggestions: [{ messageId: 'replaceInvalidChars', output: `${client} startRun().then((run) => { const log = () => run.logMetrics({ 'a_b': 1 }, 0); return log(); });` }] }],
    },
    {
      // Shorthand property keeps its value when the key is rewritten.
      code: `${client} await startRun({}, async (run) => { const $cost = 1; await run.logMetrics({ $cost }); });`,
      errors: [{ messageId: 'invalidKeyChars', suggestions: [{ messageId: 'replaceInvalidChars', output: `${client} await startRun({}, async (run) => { const $cost = 1; await run.logMetrics({ '_cost': $cost }); });` }] }],
    },
    {
      code: `${client} await startRun({ tags: { 'trailing/': 'x' } });`,
      errors: [{ messageId: 'keyNotNormalized', suggestions: [{ messageId: 'useNormalizedKey', output: `${client} await startRun({ tags: { 'trailing': 'x' } });` }] }],
    },
    {
      code: `${client} await startRun({}, async (run) => { await run.logMetric('a:b', 1); });`,
      options: [{ allowColon: false }],
      errors: [{ messageId: 'invalidKeyChars', suggestions: [{ messageId: 'replaceInvalidChars', output: `${client} await startRun({}, async (run) => { await run.logMetric('a_b', 1); });` }] }],
    },
  ],
});
