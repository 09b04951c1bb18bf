import rule from '../../src/rules/no-secrets-in-telemetry.ts';
import { ruleTester } from '../rule-tester.ts';

const imports = `import { MlflowClient, startRun } from 'mlflow-ts-action/client'; import { startSpan, trace, updateCurrentTrace, withSpan } from 'mlflow-ts-action/tracing';`;

ruleTester.run('no-secrets-in-telemetry', rule, {
  valid: [
    `${imports} await startRun({}, async (run) => { await run.logParam('model', 'gpt-4o'); await run.logParams({ max_tokens: 512, temperature: 0 }); });`,
    // Describing a credential is fine; holding one is not.
    `${imports} withSpan((span) => { span.setAttributes({ 'llm.api_key_set': Boolean(process.env.OPENAI_API_KEY), token_count: 10, api_key_name: 'OPENAI_API_KEY' }); });`,
    `${imports} withSpan((span) => span.setAttribute('gen_ai.usage.input_tokens', usage.prompt_tokens));`,
    // Not a span: a local object with the same method.
    `${imports} const span = { setAttribute(_k: string, _v: unknown) {} }; span.setAttribute('apiKey', apiKey);`,
    // Shadowed withSpan: a local helper, so its callback's parameter is no span.
    `${imports} function f(withSpan: (cb: (s: Map<string, string>) => void) => void) { withSpan((s) => s.set('apiKey', apiKey)); withSpan((s) => (s as any).setAttribute('apiKey', apiKey)); }`,
    // Metric values are numbers, so they are not checked.
    `${imports} await startRun({}, async (run) => { await run.logMetric('token', 1); });`,
    `${imports} updateCurrentTrace({ metadata: { sessionId: 's-1', user: 'ada' } });`,
    `import { trace } from 'unrelated'; trace(() => 1, { attributes: { password: pw } });`,
    `${imports} const s = startSpan({ name: 'x', inputs: { question: 'What is sk-?' } }); s.end();`,
  ],
  invalid: [
    {
      code: `${imports} await startRun({}, async (run) => { await run.logParam('openai_api_key', process.env.OPENAI_API_KEY ?? ''); });`,
      errors: [{ messageId: 'secretKey', data: { name: 'openai_api_key' } }],
    },
    {
      code: `${imports} await startRun({}, async (run) => { await run.logParam('key', process.env['ANTHROPIC_API_KEY']); });`,
      errors: [{ messageId: 'secretEnv', data: { name: 'ANTHROPIC_API_KEY' } }],
    },
    {
      // Nested objects in span inputs.
      code: `${imports} const s = startSpan({ name: 'x', inputs: { config: { apiKey } } }); s.end();`,
      errors: [{ messageId: 'secretKey', data: { name: 'apiKey' } }],
    },
    {
      code: `${imports} await withSpan({ name: 'x' }, async (span) => { span.setAttributes({ auth: 'Bearer ' + config.token, sample: 'sk-proj-abcdefghijklmnopqrstuvwx' }); });`,
      errors: [{ messageId: 'secretValue', data: { name: 'config.token' } }, { messageId: 'secretLiteral' }],
    },
    {
      // OpenTelemetry tracer through an aliased import, nested callback.
      code: `import { trace as otel } from '@opentelemetry/api'; const tracer = otel.getTracer('app'); tracer.startActiveSpan('call', (span) => { const inner = () => span.setAttribute('http.request.header.authorization', header); inner(); });`,
      errors: [{ messageId: 'secretKey' }],
    },
    {
      code: `import OpenAI from 'openai'; ${imports} const client = new OpenAI(); withSpan((s) => s.setInputs({ client, question: 'q' }));`,
      errors: [{ messageId: 'clientObject', data: { name: 'client' } }],
    },
    {
      // Namespace import, client-style calls, promise chain.
      code: `import * as mlflow from 'mlflow-ts-action/client'; const c = new mlflow.MlflowClient(); c.setTag(runId, 'github_token', process.env.GITHUB_TOKEN ?? '').then(() => c.logBatch(runId, { params: [{ key: 'password', value: pw }] }));`,
      errors: [{ messageId: 'secretKey', data: { name: 'github_token' } }, { messageId: 'secretKey', data: { name: 'password' } }],
    },
    {
      code: `${imports} export const answer = trace(async (q: string) => q, { attributes: { aws: 'AKIAIOSFODNN7EXAMPLE' } });`,
      errors: [{ messageId: 'secretLiteral' }],
    },
    {
      code: `${imports} updateCurrentTrace({ tags: { cookie: req.headers.cookie } });`,
      errors: [{ messageId: 'secretKey', data: { name: 'cookie' } }],
    },
    {
      code: `${imports} await startRun({ tags: { deploy: \`token=\${secret}\` } });`,
      errors: [{ messageId: 'secretValue', data: { name: 'secret' } }],
    },
  ],
});
