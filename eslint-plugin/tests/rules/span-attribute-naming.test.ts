import rule from '../../src/rules/span-attribute-naming.ts';
import { ruleTester } from '../rule-tester.ts';

const M = `import { getCurrentActiveSpan, startSpan, trace, withSpan } from 'mlflow-ts-action/tracing';\n`;

ruleTester.run('span-attribute-naming', rule, {
  valid: [
    `${M}const s = startSpan({ name: 'a' }); s.setAttribute('user.id', 1); s.end();`,
    `${M}await withSpan(async (span) => { span.setAttributes({ 'http.response.status_code': 200, 'app.cache_hit': true }); }, { name: 'a' });`,
    // MLflow's own camelCase keys are in an ignored namespace.
    `${M}const s = startSpan({ name: 'a', attributes: { 'mlflow.spanFunctionName': 'f' } }); s.end();`,
    // Not a span: a Map with a camelCase key.
    `${M}const m = new Map<string, number>(); m.set('userId', 1);`,
    // Shadowed span parameter from a non-SDK callback.
    `${M}export function f(withSpan: (cb: (s: { setAttribute(k: string, v: number): void }) => void) => void) { withSpan((s) => s.setAttribute('userId', 1)); }`,
    // Dynamic keys are not checked.
    `${M}export function f(key: string) { const s = startSpan({ name: 'a' }); s.setAttribute(key, 1); s.end(); }`,
    // Namespace not required when configured so.
    { code: `${M}const s = startSpan({ name: 'a' }); s.setAttribute('retries', 3); s.end();`, options: [{ requireNamespace: false }] },
    // Event names are free text; their attribute keys are checked.
    `${M}const s = startSpan({ name: 'a' }); s.addEvent('cache miss', { 'cache.key': 'k' }); s.end();`,
    // OpenTelemetry active span.
    `import { trace } from '@opentelemetry/api';\ntrace.getActiveSpan()?.setAttribute('app.user_id', 1);`,
  ],
  invalid: [
    {
      code: `${M}const s = startSpan({ name: 'a' }); s.setAttribute('userId', 1); s.end();`,
      errors: [
        {
          messageId: 'notSnakeCase',
          data: { key: 'userId', suggested: 'user_id' },
          suggestions: [{ messageId: 'renameKey', data: { key: 'user_id' }, output: `${M}const s = startSpan({ name: 'a' }); s.setAttribute('user_id', 1); s.end();` }],
        },
      ],
    },
    {
      // Aliased import; shorthand property in setAttributes.
      code: `import { withSpan as ws } from '@mlflow/core';\nexport const f = (userName: string) => ws(async (span) => { span.setAttributes({ userName }); }, { name: 'a' });`,
      errors: [
        {
          messageId: 'notSnakeCase',
          suggestions: [{ messageId: 'renameKey', output: `import { withSpan as ws } from '@mlflow/core';\nexport const f = (userName: string) => ws(async (span) => { span.setAttributes({ 'user_name': userName }); }, { name: 'a' });` }],
        },
      ],
    },
    {
      // Namespace import; options attributes with dashes and capitals.
      code: `import * as mlflow from 'mlflow-ts-action/tracing';\nconst s = mlflow.startSpan({ name: 'a', attributes: { 'User-Agent.Name': 'x' } });\ns.end();`,
      errors: [
        {
          messageId: 'notSnakeCase',
          data: { key: 'User-Agent.Name', suggested: 'user_agent.name' },
          suggestions: [{ messageId: 'renameKey', output: `import * as mlflow from 'mlflow-ts-action/tracing';\nconst s = mlflow.startSpan({ name: 'a', attributes: { 'user_agent.name': 'x' } });\ns.end();` }],
        },
      ],
    },
    {
      code: `${M}const s = startSpan({ name: 'a' }); s.setAttribute('retries', 3); s.end();`,
      errors: [{ messageId: 'noNamespace', data: { key: 'retries' } }],
    },
    {
      code: `${M}getCurrentActiveSpan()?.setAttribute('otel.status_code', 'x');`,
      errors: [{ messageId: 'reserved' }],
    },
    {
      // Nested function, trace() options.
      code: `${M}export function make() { return trace(async () => 1, { name: 'a', attributes: { 'app.requestId': 'x' } }); }`,
      errors: [{ messageId: 'notSnakeCase', suggestions: [{ messageId: 'renameKey', output: `${M}export function make() { return trace(async () => 1, { name: 'a', attributes: { 'app.request_id': 'x' } }); }` }] }],
    },
    {
      // OpenTelemetry startActiveSpan, async, event attributes.
      code: `import { trace } from '@opentelemetry/api';\ntrace.getTracer('t').startActiveSpan('x', async (span) => { await fetch('/x').then(() => span.addEvent('done', { 'http.StatusCode': 200 })); span.end(); });`,
      errors: [{ messageId: 'notSnakeCase', suggestions: [{ messageId: 'renameKey', output: `import { trace } from '@opentelemetry/api';\ntrace.getTracer('t').startActiveSpan('x', async (span) => { await fetch('/x').then(() => span.addEvent('done', { 'http.status_code': 200 })); span.end(); });` }] }],
    },
    {
      // MLflow end({ attributes }); ignoreNamespaces: [] checks mlflow.* too.
      code: `${M}const s = startSpan({ name: 'a' }); s.end({ attributes: { 'mlflow.spanInputs': 'x' } });`,
      options: [{ ignoreNamespaces: [] }],
      errors: [{ messageId: 'notSnakeCase', suggestions: [{ messageId: 'renameKey', output: `${M}const s = startSpan({ name: 'a' }); s.end({ attributes: { 'mlflow.span_inputs': 'x' } });` }] }],
    },
  ],
});
