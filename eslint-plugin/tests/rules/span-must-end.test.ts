import rule from '../../src/rules/span-must-end.ts';
import { ruleTester } from '../rule-tester.ts';

const M = `import { startSpan } from 'mlflow-ts-action/tracing';\n`;
const OTEL = `import { trace } from '@opentelemetry/api';\nconst tracer = trace.getTracer('app');\n`;

ruleTester.run('span-must-end', rule, {
  valid: [
    // Ended in finally.
    `${M}export async function load() {
  const span = startSpan({ name: 'load docs' });
  try {
    return await fetch('/docs');
  } finally {
    span.end();
  }
}`,
    // Aliased import, ended on both the normal and the error path.
    `import { startSpan as begin } from '@mlflow/core';
export function f(work: () => number) {
  const s = begin({ name: 'work' });
  try {
    const r = work();
    s.end();
    return r;
  } catch (e) {
    s.recordException(e);
    s.end();
    throw e;
  }
}`,
    // Nothing between start and end can throw.
    `${M}const s = startSpan({ name: 'mark' });\ns.setAttribute('app.step', 1);\ns.end();`,
    // Handed over: the caller ends it.
    `${M}export function open() { const s = startSpan({ name: 'open' }); s.setAttribute('app.kind', 'x'); return s; }`,
    // Ended by a callback later (a stream's end).
    `${M}export function stream(source: { on(e: string, f: () => void): void }) { const s = startSpan({ name: 'stream' }); source.on('end', () => s.end()); }`,
    // A shadowed local startSpan is not the SDK's.
    `${M}export function f(startSpan: (o: object) => unknown) { startSpan({ name: 'x' }); const s = startSpan({}); }`,
    // A local helper named like the SDK function, not imported.
    `function startSpan(o: object) { return o; }\nstartSpan({ name: 'x' });`,
    // OpenTelemetry: startActiveSpan callback ending in finally.
    `${OTEL}export function f() {
  return tracer.startActiveSpan('load', async (span) => {
    try {
      return await fetch('/x');
    } finally {
      span.end();
    }
  });
}`,
    // Namespace import, span passed to a helper that takes ownership (no end here at all).
    `import * as api from '@opentelemetry/api';\ndeclare function finish(s: unknown): void;\nconst s = api.trace.getTracer('t').startSpan('x');\nfinish(s);`,
    // withSpan ends its span itself.
    `import { withSpan } from 'mlflow-ts-action/tracing';\nawait withSpan(async (span) => { span.setAttribute('app.k', 1); await fetch('/x'); }, { name: 'x' });`,
    // Promise chain: ended in .finally().
    `${M}export function f() { const s = startSpan({ name: 'chain' }); return fetch('/x').finally(() => s.end()); }`,
  ],
  invalid: [
    {
      // Early return skips end().
      code: `${M}export async function fit(ok: boolean) {
  const span = startSpan({ name: 'fit' });
  if (!ok) return;
  span.end();
}`,
      errors: [
        {
          messageId: 'notEndedOnPath',
          data: { name: 'span', exit: 'returns on line 4' },
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              data: { name: 'span' },
              output: `${M}export async function fit(ok: boolean) {
  const span = startSpan({ name: 'fit' });
  try {
    if (!ok) return;
  } finally {
    span.end();
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // An await between start and end: a rejection skips end().
      code: `${M}export async function load() {
  const span = startSpan({ name: 'load' });
  const docs = await fetch('/docs');
  span.end();
}`,
      errors: [
        {
          messageId: 'mayThrow',
          data: { name: 'span', line: 4 },
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              output: `${M}export async function load() {
  const span = startSpan({ name: 'load' });
  try {
    const docs = await fetch('/docs');
  } finally {
    span.end();
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // Dropped result.
      code: `${M}export function f() { startSpan({ name: 'lost' }); }`,
      errors: [{ messageId: 'discarded', data: { callee: 'startSpan' } }],
    },
    {
      // Never ended (aliased import).
      code: `import { startSpan as open } from 'mlflow-ts-action/tracing';
export function f() {
  const s = open({ name: 'x' });
  s.setAttribute('app.k', 1);
}`,
      errors: [
        {
          messageId: 'neverEnded',
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              output: `import { startSpan as open } from 'mlflow-ts-action/tracing';
export function f() {
  const s = open({ name: 'x' });
  try {
    s.setAttribute('app.k', 1);
  } finally {
    s.end();
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // Namespace import of OpenTelemetry; a throw skips end().
      code: `import * as api from '@opentelemetry/api';
export function f(x: number) {
  const s = api.trace.getTracer('t').startSpan('check');
  if (x < 0) throw new Error('negative');
  s.end();
}`,
      errors: [{ messageId: 'notEndedOnPath', data: { name: 's', exit: 'throws on line 4' }, suggestions: [{ messageId: 'wrapInTryFinally', output: `import * as api from '@opentelemetry/api';
export function f(x: number) {
  const s = api.trace.getTracer('t').startSpan('check');
  try {
    if (x < 0) throw new Error('negative');
  } finally {
    s.end();
  }
}` }] }],
    },
    {
      // startActiveSpan's callback must end the span (OpenTelemetry does not).
      code: `${OTEL}tracer.startActiveSpan('x', (span) => {
  if (Math.random() > 0.5) return 1;
  span.end();
  return 2;
});`,
      errors: [
        {
          messageId: 'notEndedOnPath',
          data: { name: 'span', exit: 'returns on line 4' },
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              output: `${OTEL}tracer.startActiveSpan('x', (span) => {
  try {
    if (Math.random() > 0.5) return 1;
  } finally {
    span.end();
  }
  return 2;
});`,
            },
          ],
        },
      ],
    },
    {
      // Nested function: the inner function's span is checked on its own paths.
      code: `${M}export function outer() {
  return function inner(items: string[]) {
    for (const item of items) {
      const s = startSpan({ name: 'item' });
      if (item === '') continue;
      s.end();
    }
  };
}`,
      errors: [
        {
          messageId: 'notEndedOnPath',
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              output: `${M}export function outer() {
  return function inner(items: string[]) {
    for (const item of items) {
      const s = startSpan({ name: 'item' });
      try {
        if (item === '') continue;
      } finally {
        s.end();
      }
    }
  };
}`,
            },
          ],
        },
      ],
    },
    {
      // A catch that rethrows without ending.
      code: `${M}export function f(g: () => void) {
  const s = startSpan({ name: 'x' });
  try {
    g();
  } catch (e) {
    throw e;
  }
  s.end();
}`,
      errors: [
        {
          messageId: 'notEndedOnPath',
          data: { name: 's', exit: 'throws on line 7' },
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              output: `${M}export function f(g: () => void) {
  const s = startSpan({ name: 'x' });
  try {
    try {
      g();
    } catch (e) {
      throw e;
    }
  } finally {
    s.end();
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // Promise chain: end() in .then() only runs on success, but it is a callback, so only the
      // synchronous part is checked here: the un-awaited call before end can throw.
      code: `${M}export async function f() {
  const s = startSpan({ name: 'x' });
  await fetch('/a').then((r) => r.json());
  s.end();
}`,
      errors: [{ messageId: 'mayThrow', suggestions: [{ messageId: 'wrapInTryFinally', output: `${M}export async function f() {
  const s = startSpan({ name: 'x' });
  try {
    await fetch('/a').then((r) => r.json());
  } finally {
    s.end();
  }
}` }] }],
    },
    {
      // A declaration used after end(): no suggestion (it would move the declaration into the try).
      code: `${M}export async function f() {
  const s = startSpan({ name: 'x' });
  const r = await fetch('/a');
  s.end();
  return r;
}`,
      errors: [{ messageId: 'mayThrow', suggestions: [] }],
    },
  ],
});
