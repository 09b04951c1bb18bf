import rule from '../../src/rules/span-name-static.ts';
import { ruleTester, typedRuleTester } from '../rule-tester.ts';

const M = `import { startSpan, trace, withSpan } from 'mlflow-ts-action/tracing';\n`;

ruleTester.run('span-name-static', rule, {
  valid: [
    `${M}await withSpan(async (span) => { span.setAttribute('user.id', 1); }, { name: 'fetch user' });`,
    `${M}const s = startSpan({ name: 'load docs' }); s.end();`,
    `${M}const NAME = 'rerank';\nawait withSpan({ name: NAME }, async () => 1);`,
    // A parameter passed through by a wrapper is not reported.
    `${M}export const traced = <T>(name: string, fn: () => T) => withSpan(fn, { name });`,
    // A call to a naming helper is not a string built here.
    `${M}declare function spanName(op: 'get' | 'put'): string;\nconst s = startSpan({ name: spanName('get') }); s.end();`,
    // trace() without a name uses the function's name.
    `${M}export const answer = trace(async function answer(q: string) { return q; });`,
    // Shadowed withSpan: not the SDK's.
    `export function f(withSpan: (fn: () => void, o: object) => void, id: string) { withSpan(() => {}, { name: \`user \${id}\` }); }`,
    // Not an SDK import at all.
    `function startSpan(o: { name: string }) { return o; }\nconst id = 1;\nstartSpan({ name: 'u' + id });`,
    // Template without expressions.
    `${M}const s = startSpan({ name: \`static\` }); s.end();`,
  ],
  invalid: [
    {
      code: `${M}export async function f(id: string) { await withSpan(async () => 1, { name: \`fetch user \${id}\` }); }`,
      errors: [
        {
          messageId: 'dynamicName',
          suggestions: [
            {
              messageId: 'moveToAttributes',
              data: { name: 'fetch user' },
              output: `${M}export async function f(id: string) { await withSpan(async () => 1, { name: 'fetch user', attributes: { 'id': id } }); }`,
            },
          ],
        },
      ],
    },
    {
      // Aliased import, concatenation.
      code: `import { startSpan as begin } from '@mlflow/core';\nexport function f(userId: string) { const s = begin({ name: 'user ' + userId }); s.end(); }`,
      errors: [{ messageId: 'dynamicName', suggestions: [] }],
    },
    {
      // Namespace import; existing attributes get the value appended.
      code: `import * as mlflow from 'mlflow-ts-action/tracing';
export function f(req: { user: { id: string } }) {
  const s = mlflow.startSpan({ name: \`load \${req.user.id}\`, attributes: { 'app.kind': 'x' } });
  s.end();
}`,
      errors: [
        {
          messageId: 'dynamicName',
          suggestions: [
            {
              messageId: 'moveToAttributes',
              output: `import * as mlflow from 'mlflow-ts-action/tracing';
export function f(req: { user: { id: string } }) {
  const s = mlflow.startSpan({ name: 'load', attributes: { 'app.kind': 'x', 'user.id': req.user.id } });
  s.end();
}`,
            },
          ],
        },
      ],
    },
    {
      // A const built from a template is followed to its initialiser.
      code: `${M}export function f(docId: string) { const name = \`doc \${docId}\`; const s = startSpan({ name }); s.end(); }`,
      errors: [{ messageId: 'dynamicName', suggestions: [] }],
    },
    {
      // OpenTelemetry tracer.startSpan(name).
      code: `import { trace } from '@opentelemetry/api';\nexport function f(path: string) { const s = trace.getTracer('t').startSpan(\`GET \${path}\`); s.end(); }`,
      errors: [{ messageId: 'dynamicName', suggestions: [] }],
    },
    {
      // trace(fn, { name }) in a nested function.
      code: `${M}export function make(model: string) { return () => trace(async () => 1, { name: 'chat-' + model.toLowerCase() }); }`,
      errors: [{ messageId: 'dynamicName', suggestions: [] }],
    },
    {
      // withSpan({ name }, cb) with a string-building call.
      code: `${M}export async function f(parts: string[]) { await withSpan({ name: parts.join('/') }, async () => 1).then(() => undefined); }`,
      errors: [{ messageId: 'dynamicName', suggestions: [] }],
    },
    {
      // startActiveSpan with a camelCase identifier interpolated.
      code: `import { trace } from '@opentelemetry/api';\nconst tracer = trace.getTracer('t');\nexport function f(orderId: string) { return tracer.startActiveSpan(\`order \${orderId}\`, async (span) => { span.end(); }); }`,
      errors: [{ messageId: 'dynamicName', suggestions: [] }],
    },
    {
      // String(x).
      code: `${M}export function f(n: number) { const s = startSpan({ name: String(n) }); s.end(); }`,
      errors: [{ messageId: 'dynamicName', suggestions: [] }],
    },
  ],
});

typedRuleTester.run('span-name-static (typed)', rule, {
  valid: [
    // A union of literals is low-cardinality.
    `${M}export function f(op: 'get' | 'put') { const s = startSpan({ name: \`kv \${op}\` }); s.end(); }`,
    `${M}export function f(ok: boolean) { const s = startSpan({ name: \`check \${ok}\` }); s.end(); }`,
  ],
  invalid: [
    {
      code: `${M}export function f(op: string) { const s = startSpan({ name: \`kv \${op}\` }); s.end(); }`,
      errors: [
        {
          messageId: 'dynamicName',
          suggestions: [{ messageId: 'moveToAttributes', output: `${M}export function f(op: string) { const s = startSpan({ name: 'kv', attributes: { 'op': op } }); s.end(); }` }],
        },
      ],
    },
  ],
});
