import rule from '../../src/rules/no-floating-span-promise.ts';
import { typedRuleTester } from '../rule-tester.ts';

const M = `import { startSpan, trace, withSpan } from 'mlflow-ts-action/tracing';\ndeclare function search(q: string): Promise<string[]>;\n`;

typedRuleTester.run('no-floating-span-promise', rule, {
  valid: [
    `${M}export function retrieve(q: string) { return withSpan(async () => search(q), { name: 'retrieve' }); }`,
    `${M}export async function retrieve(q: string) { await withSpan(async () => search(q), { name: 'retrieve' }); }`,
    // A synchronous withSpan returns no promise.
    `${M}withSpan(() => 1, { name: 'sync' });`,
    // void marks fire-and-forget on purpose.
    `${M}void withSpan(async () => search('x'), { name: 'bg' });`,
    // Handled rejection.
    `${M}withSpan(async () => search('x'), { name: 'bg' }).catch(() => undefined);`,
    // Awaited inside the span.
    `${M}await withSpan(async () => { await search('a'); await Promise.all(['b'].map((q) => search(q))); }, { name: 'a' });`,
    // Floating promise outside any traced code is no-floating-promises' business, not this rule's.
    `${M}export function f() { search('x'); }`,
    // Shadowed withSpan.
    `${M}export function f(withSpan: (cb: () => Promise<void>) => Promise<void>) { withSpan(async () => {}); }`,
    // Promise awaited before the span ends.
    `${M}export async function f() { const s = startSpan({ name: 'a' }); const p = search('x'); try { await p; } finally { s.end(); } }`,
    // for…of with await instead of forEach.
    `${M}await withSpan(async () => { for (const q of ['a']) await search(q); }, { name: 'a' });`,
  ],
  invalid: [
    {
      code: `${M}export function retrieve(q: string) {\n  withSpan(async () => search(q), { name: 'retrieve' });\n}`,
      errors: [
        {
          messageId: 'floatingTraced',
          suggestions: [{ messageId: 'addReturn', output: `${M}export function retrieve(q: string) {\n  return withSpan(async () => search(q), { name: 'retrieve' });\n}` }],
        },
      ],
    },
    {
      // Aliased import, in an async function: both suggestions.
      code: `import { withSpan as ws } from '@mlflow/core';\nexport async function f() {\n  ws(async () => 1, { name: 'a' });\n}`,
      errors: [
        {
          messageId: 'floatingTraced',
          suggestions: [
            { messageId: 'addAwait', output: `import { withSpan as ws } from '@mlflow/core';\nexport async function f() {\n  await ws(async () => 1, { name: 'a' });\n}` },
            { messageId: 'addReturn', output: `import { withSpan as ws } from '@mlflow/core';\nexport async function f() {\n  return ws(async () => 1, { name: 'a' });\n}` },
          ],
        },
      ],
    },
    {
      // A trace()-wrapped function called without await (namespace import); a promise chain does not handle rejections.
      code: `import * as mlflow from 'mlflow-ts-action/tracing';\ndeclare function search(q: string): Promise<string[]>;\nconst answer = mlflow.trace(async (q: string) => search(q));\nexport async function main() {\n  answer('x').then((r) => r.length);\n  return 1;\n}`,
      errors: [
        {
          messageId: 'floatingTraced',
          suggestions: [{ messageId: 'addAwait', output: `import * as mlflow from 'mlflow-ts-action/tracing';\ndeclare function search(q: string): Promise<string[]>;\nconst answer = mlflow.trace(async (q: string) => search(q));\nexport async function main() {\n  await answer('x').then((r) => r.length);\n  return 1;\n}` }],
        },
      ],
    },
    {
      // Floating work inside the span.
      code: `${M}await withSpan(async () => {\n  search('a');\n  return 1;\n}, { name: 'a' });`,
      errors: [{ messageId: 'floatingInSpan', suggestions: [{ messageId: 'addAwait', output: `${M}await withSpan(async () => {\n  await search('a');\n  return 1;\n}, { name: 'a' });` }] }],
    },
    {
      // A synchronous callback that starts async work: only returning it keeps it in the span.
      code: `${M}withSpan(() => {\n  search('a');\n}, { name: 'a' });`,
      errors: [{ messageId: 'floatingInSpan', suggestions: [{ messageId: 'addReturn', output: `${M}withSpan(() => {\n  return search('a');\n}, { name: 'a' });` }] }],
    },
    {
      // forEach(async) in a nested function of a traced one.
      code: `${M}export const f = trace(async (qs: string[]) => {\n  const run = () => { qs.forEach(async (q) => { await search(q); }); };\n  run();\n});`,
      errors: [{ messageId: 'asyncForEach' }],
    },
    {
      // A promise kept in a variable, awaited after the span ended.
      code: `${M}export async function f() {\n  const s = startSpan({ name: 'a' });\n  const p = search('x');\n  s.end();\n  return await p;\n}`,
      errors: [{ messageId: 'endedBeforePromise', data: { span: 's', line: 6, name: 'p' } }],
    },
    {
      // OpenTelemetry startActiveSpan with an async callback, not awaited.
      code: `import { trace } from '@opentelemetry/api';\nexport async function f() {\n  trace.getTracer('t').startActiveSpan('x', async (span) => { span.end(); });\n  return 1;\n}`,
      errors: [{ messageId: 'floatingTraced', suggestions: [{ messageId: 'addAwait', output: `import { trace } from '@opentelemetry/api';\nexport async function f() {\n  await trace.getTracer('t').startActiveSpan('x', async (span) => { span.end(); });\n  return 1;\n}` }] }],
    },
    {
      // Inside a live startSpan span.
      code: `${M}export function f() {\n  const s = startSpan({ name: 'a' });\n  search('x');\n  s.end();\n}`,
      errors: [{ messageId: 'floatingInSpan', suggestions: [] }],
    },
  ],
});
