import rule from '../../src/rules/no-console-in-traced.ts';
import { ruleTester } from '../rule-tester.ts';

const M = `import { startSpan, trace, withSpan } from 'mlflow-ts-action/tracing';\n`;

ruleTester.run('no-console-in-traced', rule, {
  valid: [
    `${M}console.log('starting');\nawait withSpan(async (span) => { span.addEvent('cache miss'); }, { name: 'rerank' });`,
    // After the span ended.
    `${M}const s = startSpan({ name: 'a' });\ns.end();\nconsole.log('done');`,
    // Outside any traced function.
    `${M}export function report() { console.log('summary'); }\nexport const traced = trace(async () => 1);`,
    // A local console (a parameter) is not the global one.
    `${M}await withSpan(async () => { const console = { log(_m: string) {} }; console.log('x'); }, { name: 'a' });`,
    // Shadowed withSpan: not the SDK's.
    `export function f(withSpan: (cb: () => void) => void) { withSpan(() => console.log('x')); }`,
    // allow option.
    { code: `${M}await withSpan(async () => { console.error('boom'); }, { name: 'a' });`, options: [{ allow: ['error'] }] },
    // No tracing import at all.
    `export function f() { console.log('x'); }`,
    // A function that is not wrapped, next to one that is.
    `${M}function helper() { console.log('not traced'); }\nexport const traced = trace(async function main() { return 1; });\nhelper();`,
  ],
  invalid: [
    {
      code: `${M}await withSpan(async (span) => {
  console.log('cache miss');
}, { name: 'rerank' });`,
      errors: [
        {
          messageId: 'consoleInTraced',
          data: { method: 'log' },
          suggestions: [{ messageId: 'useSpanEvent', data: { span: 'span' }, output: `${M}await withSpan(async (span) => {
  span.addEvent('cache miss');
}, { name: 'rerank' });` }],
        },
      ],
    },
    {
      // No span binding in scope: reported without a suggestion.
      code: `${M}await withSpan(async () => { console.log('cache miss', 42); }, { name: 'rerank' });`,
      errors: [{ messageId: 'consoleInTraced', suggestions: [] }],
    },
    {
      // Aliased trace() wrapping a named function declared elsewhere.
      code: `import { trace as traced } from '@mlflow/core';\nasync function answer(q: string) { console.info(q); return q; }\nexport const tracedAnswer = traced(answer);`,
      errors: [{ messageId: 'consoleInTraced', data: { method: 'info' }, suggestions: [] }],
    },
    {
      // Namespace import; a live startSpan span gets the suggestion.
      code: `import * as mlflow from 'mlflow-ts-action/tracing';\nexport async function f() {\n  const s = mlflow.startSpan({ name: 'a' });\n  try {\n    console.warn(\`retrying\`);\n  } finally {\n    s.end();\n  }\n}`,
      errors: [{ messageId: 'consoleInTraced', suggestions: [{ messageId: 'useSpanEvent', output: `import * as mlflow from 'mlflow-ts-action/tracing';\nexport async function f() {\n  const s = mlflow.startSpan({ name: 'a' });\n  try {\n    s.addEvent(\`retrying\`);\n  } finally {\n    s.end();\n  }\n}` }] }],
    },
    {
      // Nested callback inside the traced function, in a promise chain.
      code: `${M}export const f = trace(async () => fetch('/x').then((r) => { console.debug(r.status); return r; }));`,
      errors: [{ messageId: 'consoleInTraced', data: { method: 'debug' }, suggestions: [] }],
    },
    {
      // @trace() decorated method.
      code: `${M}export class Agent {\n  @trace({ name: 'plan' })\n  async plan() { console.log('planning'); }\n}`,
      errors: [{ messageId: 'consoleInTraced', suggestions: [] }],
    },
    {
      // OpenTelemetry startActiveSpan callback with a span parameter.
      code: `import { trace } from '@opentelemetry/api';\ntrace.getTracer('t').startActiveSpan('x', async (span) => {\n  console.error('failed');\n  span.end();\n});`,
      errors: [{ messageId: 'consoleInTraced', suggestions: [{ messageId: 'useSpanEvent', output: `import { trace } from '@opentelemetry/api';\ntrace.getTracer('t').startActiveSpan('x', async (span) => {\n  span.addEvent('failed');\n  span.end();\n});` }] }],
    },
    {
      // The span parameter shadowed by an inner one: no suggestion to the wrong span.
      code: `${M}await withSpan(async (span) => { [1].forEach((span) => { console.log('item'); }); }, { name: 'a' });`,
      errors: [{ messageId: 'consoleInTraced', suggestions: [] }],
    },
  ],
});
