import rule from '../../src/rules/gen-ai-semconv-attributes.ts';
import { ruleTester } from '../rule-tester.ts';

const M = `import { startSpan, withSpan, SpanType } from 'mlflow-ts-action/tracing';\n`;

ruleTester.run('gen-ai-semconv-attributes', rule, {
  valid: [
    `${M}const s = startSpan({ name: 'chat', spanType: 'LLM' }); s.setAttributes({ 'gen_ai.request.model': 'gpt-4o', 'gen_ai.usage.input_tokens': 3 }); s.end();`,
    // Bare keys on a non-LLM span are not GenAI data.
    `${M}const s = startSpan({ name: 'train', spanType: 'CHAIN' }); s.setAttribute('model', 'logreg'); s.end();`,
    // New registry keys.
    `${M}const s = startSpan({ name: 'chat' }); s.setAttribute('gen_ai.usage.cache_read.input_tokens', 1); s.end();`,
    // Unknown gen_ai key far from any registry key: not taken for a typo.
    `${M}const s = startSpan({ name: 'chat' }); s.setAttribute('gen_ai.my_vendor.routing_policy', 'x'); s.end();`,
    // allowKeys.
    { code: `${M}const s = startSpan({ name: 'chat' }); s.setAttribute('gen_ai.request.modle', 'x'); s.end();`, options: [{ allowKeys: ['gen_ai.request.modle'] }] },
    // Not a span: a plain object.
    `const attrs = { setAttribute(_k: string, _v: string) {} };\nattrs.setAttribute('gen_ai.system', 'openai');`,
    // Shadowed startSpan.
    `export function f(startSpan: (o: object) => { setAttribute(k: string, v: string): void }) { startSpan({}).setAttribute('llm.model', 'x'); }`,
    // OpenInference keys are another convention, not reported.
    `${M}const s = startSpan({ name: 'chat', spanType: 'LLM' }); s.setAttribute('llm.model_name', 'gpt-4o'); s.end();`,
  ],
  invalid: [
    {
      code: `${M}const s = startSpan({ name: 'chat' }); s.setAttribute('gen_ai.system', 'openai'); s.end();`,
      errors: [
        {
          messageId: 'renamed',
          data: { key: 'gen_ai.system', replacement: 'gen_ai.provider.name' },
          suggestions: [{ messageId: 'useKey', output: `${M}const s = startSpan({ name: 'chat' }); s.setAttribute('gen_ai.provider.name', 'openai'); s.end();` }],
        },
      ],
    },
    {
      // Aliased import; hand-made llm.* key.
      code: `import { startSpan as begin } from '@mlflow/core';\nconst s = begin({ name: 'chat' }); s.setAttribute('llm.model', 'gpt-4o'); s.end();`,
      errors: [{ messageId: 'renamed', suggestions: [{ messageId: 'useKey', output: `import { startSpan as begin } from '@mlflow/core';\nconst s = begin({ name: 'chat' }); s.setAttribute('gen_ai.request.model', 'gpt-4o'); s.end();` }] }],
    },
    {
      // Bare keys on an LLM span (SpanType.LLM via namespace import), shorthand property.
      code: `import * as mlflow from 'mlflow-ts-action/tracing';
export async function f(model: string, u: { prompt_tokens: number }) {
  await mlflow.withSpan(async (span) => {
    span.setAttributes({ model, prompt_tokens: u.prompt_tokens });
  }, { name: 'chat', spanType: mlflow.SpanType.LLM });
}`,
      errors: [
        {
          messageId: 'adHoc',
          data: { key: 'model', replacement: 'gen_ai.request.model' },
          suggestions: [{ messageId: 'useKey', output: `import * as mlflow from 'mlflow-ts-action/tracing';
export async function f(model: string, u: { prompt_tokens: number }) {
  await mlflow.withSpan(async (span) => {
    span.setAttributes({ 'gen_ai.request.model': model, prompt_tokens: u.prompt_tokens });
  }, { name: 'chat', spanType: mlflow.SpanType.LLM });
}` }],
        },
        {
          messageId: 'adHoc',
          data: { key: 'prompt_tokens', replacement: 'gen_ai.usage.input_tokens' },
          suggestions: [{ messageId: 'useKey', output: `import * as mlflow from 'mlflow-ts-action/tracing';
export async function f(model: string, u: { prompt_tokens: number }) {
  await mlflow.withSpan(async (span) => {
    span.setAttributes({ model, 'gen_ai.usage.input_tokens': u.prompt_tokens });
  }, { name: 'chat', spanType: mlflow.SpanType.LLM });
}` }],
        },
      ],
    },
    {
      code: `${M}const s = startSpan({ name: 'chat' }); s.setAttribute('gen_ai.usage.prompt_tokens', 3); s.end();`,
      errors: [{ messageId: 'renamed', suggestions: [{ messageId: 'useKey', output: `${M}const s = startSpan({ name: 'chat' }); s.setAttribute('gen_ai.usage.input_tokens', 3); s.end();` }] }],
    },
    {
      // Typo of a registry key.
      code: `${M}const s = startSpan({ name: 'chat' }); s.setAttribute('gen_ai.request.temprature', 0.2); s.end();`,
      errors: [{ messageId: 'unknown', data: { key: 'gen_ai.request.temprature', replacement: 'gen_ai.request.temperature' }, suggestions: [{ messageId: 'useKey', output: `${M}const s = startSpan({ name: 'chat' }); s.setAttribute('gen_ai.request.temperature', 0.2); s.end();` }] }],
    },
    {
      // Removed key: no exact rename.
      code: `${M}const s = startSpan({ name: 'chat' }); s.setAttribute('gen_ai.prompt', 'hi'); s.end();`,
      errors: [{ messageId: 'removed', data: { key: 'gen_ai.prompt', replacement: 'gen_ai.input.messages' } }],
    },
    {
      // Options attributes of an LLM span, in a nested async function with a promise chain.
      code: `${M}export const f = () => async () => { const s = startSpan({ name: 'chat', spanType: SpanType.CHAT_MODEL, attributes: { temperature: 0.2 } }); await fetch('/x').then(() => s.end()); };`,
      errors: [{ messageId: 'adHoc', suggestions: [{ messageId: 'useKey', output: `${M}export const f = () => async () => { const s = startSpan({ name: 'chat', spanType: SpanType.CHAT_MODEL, attributes: { 'gen_ai.request.temperature': 0.2 } }); await fetch('/x').then(() => s.end()); };` }] }],
    },
    {
      // OpenTelemetry span.
      code: `import { trace } from '@opentelemetry/api';\nconst s = trace.getTracer('t').startSpan('chat');\ns.setAttribute('gen_ai.completion_tokens', 5);\ns.end();`,
      errors: [{ messageId: 'renamed', suggestions: [{ messageId: 'useKey', output: `import { trace } from '@opentelemetry/api';\nconst s = trace.getTracer('t').startSpan('chat');\ns.setAttribute('gen_ai.usage.output_tokens', 5);\ns.end();` }] }],
    },
  ],
});
