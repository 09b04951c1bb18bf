import rule from '../../src/rules/record-exception-in-catch.ts';
import { ruleTester } from '../rule-tester.ts';

const M = `import { startSpan, withSpan } from 'mlflow-ts-action/tracing';\n`;
const OTEL = `import { trace, SpanStatusCode } from '@opentelemetry/api';\nconst tracer = trace.getTracer('app');\n`;

ruleTester.run('record-exception-in-catch', rule, {
  valid: [
    `${M}export async function f() {
  const s = startSpan({ name: 'a' });
  try {
    await fetch('/x');
  } catch (e) {
    s.recordException(e);
    s.setStatus('ERROR');
    throw e;
  } finally {
    s.end();
  }
}`,
    // A catch that recovers (does not rethrow) is not a failed span.
    `${M}export async function f() {
  const s = startSpan({ name: 'a' });
  try {
    await fetch('/x');
  } catch {
    s.addEvent('fallback');
  } finally {
    s.end();
  }
}`,
    // withSpan records exceptions that leave its callback by itself.
    `${M}await withSpan(async () => {
  try {
    await fetch('/x');
  } catch (e) {
    throw new Error('wrapped', { cause: e });
  }
}, { name: 'a' });`,
    // A helper given both the span and the error records them.
    `${M}declare function markFailed(span: unknown, e: unknown): void;
export function f() {
  const s = startSpan({ name: 'a' });
  try {
    JSON.parse('x');
  } catch (e) {
    markFailed(s, e);
    throw e;
  } finally {
    s.end();
  }
}`,
    // OpenTelemetry, namespace import, both calls present.
    `import * as api from '@opentelemetry/api';
api.trace.getTracer('t').startActiveSpan('x', (span) => {
  try {
    JSON.parse('x');
  } catch (e) {
    span.recordException(e as Error);
    span.setStatus({ code: api.SpanStatusCode.ERROR });
    throw e;
  } finally {
    span.end();
  }
});`,
    // The span ended before the try: nothing live to record on.
    `${M}export function f() {
  const s = startSpan({ name: 'a' });
  s.end();
  try {
    JSON.parse('x');
  } catch (e) {
    throw e;
  }
}`,
    // requireStatus: false accepts the exception alone.
    {
      code: `${M}const s = startSpan({ name: 'a' });\ntry { JSON.parse('x'); } catch (e) { s.recordException(e); throw e; } finally { s.end(); }`,
      options: [{ requireStatus: false }],
    },
    // Shadowed startSpan: not the SDK's.
    `export function f(startSpan: (o: object) => { end(): void }) {
  const s = startSpan({});
  try { JSON.parse('x'); } catch (e) { throw e; } finally { s.end(); }
}`,
    // A throw inside a nested function of the catch does not leave the catch.
    `${M}const s = startSpan({ name: 'a' });\ntry { JSON.parse('x'); } catch (e) { setTimeout(() => { throw e; }); } finally { s.end(); }`,
  ],
  invalid: [
    {
      code: `${M}export async function f() {
  const s = startSpan({ name: 'a' });
  try {
    await fetch('/x');
  } catch (e) {
    throw e;
  } finally {
    s.end();
  }
}`,
      errors: [
        {
          messageId: 'missingBoth',
          data: { span: 's' },
          line: 6,
          suggestions: [
            {
              messageId: 'addRecording',
              output: `${M}export async function f() {
  const s = startSpan({ name: 'a' });
  try {
    await fetch('/x');
  } catch (e) {
    s.recordException(e);
    s.setStatus('ERROR');
    throw e;
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
      // Aliased import; status set, exception missing.
      code: `import { startSpan as begin, SpanStatusCode } from '@mlflow/core';
const s = begin({ name: 'a' });
try {
  JSON.parse('x');
} catch (err) {
  s.setStatus(SpanStatusCode.ERROR);
  throw err;
} finally {
  s.end();
}`,
      errors: [
        {
          messageId: 'missingException',
          suggestions: [
            {
              messageId: 'addRecording',
              output: `import { startSpan as begin, SpanStatusCode } from '@mlflow/core';
const s = begin({ name: 'a' });
try {
  JSON.parse('x');
} catch (err) {
  s.recordException(err);
  s.setStatus(SpanStatusCode.ERROR);
  throw err;
} finally {
  s.end();
}`,
            },
          ],
        },
      ],
    },
    {
      // OpenTelemetry startActiveSpan: exception recorded, status missing; SpanStatusCode imported.
      code: `${OTEL}tracer.startActiveSpan('x', async (span) => {
  try {
    await fetch('/x');
  } catch (e) {
    span.recordException(e as Error);
    throw e;
  } finally {
    span.end();
  }
});`,
      errors: [
        {
          messageId: 'missingStatus',
          suggestions: [
            {
              messageId: 'addRecording',
              output: `${OTEL}tracer.startActiveSpan('x', async (span) => {
  try {
    await fetch('/x');
  } catch (e) {
    span.setStatus({ code: SpanStatusCode.ERROR });
    span.recordException(e as Error);
    throw e;
  } finally {
    span.end();
  }
});`,
            },
          ],
        },
      ],
    },
    {
      // Namespace import without SpanStatusCode in scope; catch without a binding gets one.
      code: `import * as api from '@opentelemetry/api';
const span = api.trace.getTracer('t').startSpan('x');
try {
  JSON.parse('x');
} catch {
  throw new Error('bad input');
} finally {
  span.end();
}`,
      errors: [
        {
          messageId: 'missingBoth',
          suggestions: [
            {
              messageId: 'addRecording',
              output: `import * as api from '@opentelemetry/api';
const span = api.trace.getTracer('t').startSpan('x');
try {
  JSON.parse('x');
} catch (error) {
  span.recordException(error);
  span.setStatus({ code: 2 /* SpanStatusCode.ERROR */ });
  throw new Error('bad input');
} finally {
  span.end();
}`,
            },
          ],
        },
      ],
    },
    {
      // Nested function: the span lives in the inner function.
      code: `${M}export const handler = () => async (req: string) => {
  const s = startSpan({ name: 'handle' });
  try { return await fetch(req); } catch (e) { s.end(); throw e; }
};`,
      errors: [
        {
          messageId: 'missingBoth',
          suggestions: [
            {
              messageId: 'addRecording',
              output: `${M}export const handler = () => async (req: string) => {
  const s = startSpan({ name: 'handle' });
  try { return await fetch(req); } catch (e) { s.recordException(e); s.setStatus('ERROR'); s.end(); throw e; }
};`,
            },
          ],
        },
      ],
    },
    {
      // Promise chain inside the try; rethrow from an inner catch.
      code: `${M}export async function f() {
  const s = startSpan({ name: 'a' });
  try {
    await fetch('/x').then((r) => r.json());
  } catch (e) {
    try {
      await fetch('/log');
    } catch {
      // ignore logging failures
    }
    throw e;
  } finally {
    s.end();
  }
}`,
      errors: [{ messageId: 'missingBoth', line: 6, suggestions: [{ messageId: 'addRecording', output: `${M}export async function f() {
  const s = startSpan({ name: 'a' });
  try {
    await fetch('/x').then((r) => r.json());
  } catch (e) {
    s.recordException(e);
    s.setStatus('ERROR');
    try {
      await fetch('/log');
    } catch {
      // ignore logging failures
    }
    throw e;
  } finally {
    s.end();
  }
}` }] }],
    },
    {
      // A status set to OK does not count.
      code: `${M}const s = startSpan({ name: 'a' });\ntry { JSON.parse('x'); } catch (e) { s.recordException(e); s.setStatus('OK'); throw e; } finally { s.end(); }`,
      errors: [{ messageId: 'missingStatus', suggestions: [{ messageId: 'addRecording', output: `${M}const s = startSpan({ name: 'a' });\ntry { JSON.parse('x'); } catch (e) { s.setStatus('ERROR'); s.recordException(e); s.setStatus('OK'); throw e; } finally { s.end(); }` }] }],
    },
    {
      // A throw in a nested try's catch escapes too.
      code: `${M}const s = startSpan({ name: 'a' });
try {
  JSON.parse('x');
} catch (e) {
  if (e instanceof SyntaxError) throw e;
} finally {
  s.end();
}`,
      errors: [{ messageId: 'missingBoth', suggestions: [{ messageId: 'addRecording', output: `${M}const s = startSpan({ name: 'a' });
try {
  JSON.parse('x');
} catch (e) {
  s.recordException(e);
  s.setStatus('ERROR');
  if (e instanceof SyntaxError) throw e;
} finally {
  s.end();
}` }] }],
    },
  ],
});
