import rule from '../../src/rules/no-span-use-after-end.ts';
import { ruleTester } from '../rule-tester.ts';

const M = `import { startSpan, withSpan } from 'mlflow-ts-action/tracing';\n`;
const OTEL = `import { trace } from '@opentelemetry/api';\nconst tracer = trace.getTracer('app');\n`;

ruleTester.run('no-span-use-after-end', rule, {
  valid: [
    `${M}const s = startSpan({ name: 'a' });\ns.setAttribute('app.k', 1);\ns.end();`,
    // Ended on one branch that returns; recorded on the other.
    `${M}export function f(ok: boolean) {
  const s = startSpan({ name: 'a' });
  if (!ok) {
    s.end();
    return;
  }
  s.setAttribute('app.ok', true);
  s.end();
}`,
    // Ended once in finally.
    `${M}export async function f() {
  const s = startSpan({ name: 'a' });
  try {
    await fetch('/x');
    s.addEvent('fetched');
  } finally {
    s.end();
  }
}`,
    // Reassigned to a new span before use.
    `${M}export function f() {
  let s = startSpan({ name: 'a' });
  s.end();
  s = startSpan({ name: 'b' });
  s.setAttribute('app.k', 1);
  s.end();
}`,
    // Shadowed: a parameter named like the span.
    `${M}const s = startSpan({ name: 'a' });\ns.end();\nexport function g(s: { setAttribute(k: string, v: number): void }) { s.setAttribute('app.k', 1); }`,
    // Not from the SDK: a look-alike object.
    `const s = { end() {}, setAttribute(_k: string, _v: number) {} };\ns.end();\ns.setAttribute('app.k', 1);`,
    // A nested callback that runs later is not on this function's paths.
    `${M}const s = startSpan({ name: 'a' });\nconst later = () => s.setAttribute('app.k', 1);\ns.end();\nvoid later;`,
    // withSpan callback recording before returning.
    `${M}await withSpan(async (span) => { span.setAttribute('app.k', 1); await fetch('/x'); }, { name: 'a' });`,
    // Each loop iteration starts its own span.
    `${M}for (const x of [1, 2]) {\n  const s = startSpan({ name: 'i' });\n  s.setAttribute('app.x', x);\n  s.end();\n}`,
  ],
  invalid: [
    {
      code: `${M}const s = startSpan({ name: 'a' });\ns.end();\ns.setAttribute('app.k', 1);`,
      errors: [{ messageId: 'useAfterEnd', data: { name: 's', method: 'setAttribute', line: 3 } }],
    },
    {
      // Aliased import; status set after end.
      code: `import { startSpan as begin } from '@mlflow/core';
export function f() {
  const span = begin({ name: 'a' });
  span.end();
  span.setStatus('ERROR');
}`,
      errors: [{ messageId: 'useAfterEnd', data: { name: 'span', method: 'setStatus', line: 4 } }],
    },
    {
      // Namespace import, OpenTelemetry span ended twice.
      code: `import * as api from '@opentelemetry/api';
const s = api.trace.getTracer('t').startSpan('x');
s.end();
s.end();`,
      errors: [{ messageId: 'endedTwice', data: { name: 's', line: 3 } }],
    },
    {
      // End in try, end again in finally.
      code: `${M}export async function f() {
  const s = startSpan({ name: 'a' });
  try {
    await fetch('/x');
    s.end();
  } finally {
    s.end();
  }
}`,
      errors: [{ messageId: 'endedTwice', line: 8 }],
    },
    {
      // On one path only: the branch that ended falls through.
      code: `${M}export function f(fail: boolean) {
  const s = startSpan({ name: 'a' });
  if (fail) s.end();
  s.addEvent('done');
  s.end();
}`,
      errors: [
        { messageId: 'useAfterEnd', data: { name: 's', method: 'addEvent', line: 4 } },
        { messageId: 'endedTwice', line: 6 },
      ],
    },
    {
      // withSpan callback that ends its span manually, then records.
      code: `${M}await withSpan(async (span) => {
  span.end();
  span.setAttribute('app.k', 1);
}, { name: 'a' });`,
      errors: [{ messageId: 'useAfterEnd' }],
    },
    {
      // startActiveSpan callback (OpenTelemetry), async: recordException after end.
      code: `${OTEL}tracer.startActiveSpan('x', async (span) => {
  try {
    await fetch('/x');
  } catch (e) {
    span.end();
    span.recordException(e as Error);
    throw e;
  }
  span.end();
});`,
      errors: [{ messageId: 'useAfterEnd', data: { name: 'span', method: 'recordException', line: 7 } }],
    },
    {
      // Nested function owns its own span.
      code: `${M}export function outer() {
  return async () => {
    const s = startSpan({ name: 'inner' });
    s.end();
    await fetch('/x').then(() => undefined);
    s.setAttributes({ 'app.k': 1 });
  };
}`,
      errors: [{ messageId: 'useAfterEnd', data: { name: 's', method: 'setAttributes', line: 5 } }],
    },
    {
      // A loop that ends at the end of the body and records at the start of the next iteration.
      code: `${M}const s = startSpan({ name: 'batch' });
for (const x of [1, 2]) {
  s.addEvent('item');
  if (x > 1) s.end();
}`,
      errors: [
        { messageId: 'useAfterEnd', data: { name: 's', method: 'addEvent', line: 5 } },
        { messageId: 'endedTwice', line: 5 },
      ],
    },
  ],
});
