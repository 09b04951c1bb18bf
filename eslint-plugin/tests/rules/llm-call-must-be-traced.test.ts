import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/llm-call-must-be-traced.ts';
import { ruleTester, typedRuleTester } from '../rule-tester.ts';

type Options = [{ tracedClientFactories?: string[] }];

const O = `import OpenAI from 'openai'; import { startSpan, trace, tracedOpenAI, withSpan } from 'mlflow-ts-action/tracing';`;
const create = `.chat.completions.create({ model: 'gpt-4o-mini', messages: [] })`;

const valid: (string | ValidTestCase<Options>)[] = [
  `${O} const client = tracedOpenAI(new OpenAI()); await client${create};`,
  `${O} const client = new OpenAI(); export const answer = trace(async (q: string) => client${create});`,
  `${O} const client = new OpenAI(); await withSpan({ name: 'a' }, async () => client.responses.create({ model: 'gpt-4o-mini', input: 'hi' }));`,
  // Nested function inside a traced scope runs in the span's context.
  `${O} const client = new OpenAI(); await withSpan(async () => Promise.all(['a', 'b'].map(async (q) => client.embeddings.create({ model: 'm', input: q }))));`,
  // Wrapped by name.
  `${O} const client = new OpenAI(); async function ask() { return client${create}; } export const tracedAsk = trace(ask);`,
  // A live manual span.
  `${O} const client = new OpenAI(); export async function f() { const span = startSpan({ name: 'llm' }); try { return await client${create}; } finally { span.end(); } }`,
  // Not a model call.
  `${O} const client = new OpenAI(); await client.models.list();`,
  // Not the SDK: a look-alike object, and a shadowed OpenAI.
  `const client = { chat: { completions: { create: async () => 1 } } }; await client.chat.completions.create();`,
  `function f(OpenAI: new () => { chat: { completions: { create(): void } } }) { const c = new OpenAI(); c.chat.completions.create(); }`,
  // An OpenTelemetry active span.
  `import OpenAI from 'openai'; import { trace as otel } from '@opentelemetry/api'; const c = new OpenAI(); otel.getTracer('x').startActiveSpan('llm', async (span) => { await c${create}; span.end(); });`,
  { code: `import OpenAI from 'openai'; import { observeOpenAI } from 'langfuse'; const c = observeOpenAI(new OpenAI()); await c${create};`, options: [{ tracedClientFactories: ['observeOpenAI'] }] },
];

const invalid: InvalidTestCase<'untracedLlmCall', Options>[] = [
  {
    code: `${O} const client = new OpenAI(); await client${create};`,
    errors: [{ messageId: 'untracedLlmCall' as const, data: { sdk: 'openai', call: 'client.chat.completions.create' } }],
  },
  {
    // Aliased default import, class field from a parameter property.
    code: `import Claude from '@anthropic-ai/sdk'; class Agent { constructor(private readonly llm: Claude) {} run() { return this.llm.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 10, messages: [] }); } }`,
    errors: [{ messageId: 'untracedLlmCall' as const, data: { sdk: '@anthropic-ai/sdk', call: 'this.llm.messages.create' } }],
  },
  {
    code: `import { GoogleGenAI } from '@google/genai'; const ai = new GoogleGenAI({}); export async function f() { return ai.models.generateContent({ model: 'gemini-2.5-flash', contents: 'hi' }); }`,
    errors: [{ messageId: 'untracedLlmCall' }],
  },
  {
    // Namespace-style named import, promise chain.
    code: `import { OpenAI as Client } from 'openai'; const c = new Client(); export const f = () => c.responses.create({ model: 'm', input: 'x' }).then((r) => r.output_text);`,
    errors: [{ messageId: 'untracedLlmCall' }],
  },
  {
    // Namespace import.
    code: `import * as oai from 'openai'; const c = new oai.OpenAI(); export const f = async () => c.embeddings.create({ model: 'm', input: 'x' });`,
    errors: [{ messageId: 'untracedLlmCall', data: { sdk: 'openai', call: 'c.embeddings.create' } }],
  },
  {
    // A function defined in a traced scope is traced; one merely near it is not.
    code: `${O} const client = new OpenAI(); export const a = trace(async () => 1); export async function b() { return client${create}; }`,
    errors: [{ messageId: 'untracedLlmCall' }],
  },
  {
    // Shadowed withSpan: a local helper opens no span.
    code: `${O} const client = new OpenAI(); function run(withSpan: (f: () => unknown) => unknown) { return withSpan(() => client${create}); }`,
    errors: [{ messageId: 'untracedLlmCall' }],
  },
  {
    // A field assigned in the constructor.
    code: `import OpenAI from 'openai'; class Svc { client; constructor() { this.client = new OpenAI(); } async go() { return await this.client.embeddings.create({ model: 'm', input: 'x' }); } }`,
    errors: [{ messageId: 'untracedLlmCall' }],
  },
  {
    // A span started after the call does not trace it.
    code: `${O} const client = new OpenAI(); export async function f() { const r = await client${create}; const span = startSpan({ name: 'late' }); span.end(); return r; }`,
    errors: [{ messageId: 'untracedLlmCall' }],
  },
  {
    code: `import OpenAI from 'openai'; export async function f(client: OpenAI) { for await (const chunk of await client.chat.completions.create({ model: 'm', messages: [], stream: true })) void chunk; }`,
    errors: [{ messageId: 'untracedLlmCall' }],
  },
];

ruleTester.run('llm-call-must-be-traced', rule, { valid, invalid });

// With type information the SDK's resource classes identify the call, wherever the client comes from.
typedRuleTester.run('llm-call-must-be-traced (typed)', rule, {
  valid: [
    ...valid,
    `import type OpenAI from 'openai'; declare const make: () => OpenAI; const c = tracedOpenAI(make()); import { tracedOpenAI } from 'mlflow-ts-action/tracing'; await c${create};`,
  ],
  invalid: [
    ...invalid,
    {
      // The client comes from a factory the untyped fallback cannot follow.
      code: `import type OpenAI from 'openai'; declare function makeClient(): OpenAI; export async function f() { return makeClient()${create}; }`,
      errors: [{ messageId: 'untracedLlmCall' }],
    },
    {
      // A Gemini chat session: only its type says it calls the model.
      code: `import { GoogleGenAI } from '@google/genai'; const ai = new GoogleGenAI({}); const chat = ai.chats.create({ model: 'gemini-2.5-flash' }); export const f = () => chat.sendMessage({ message: 'hi' });`,
      errors: [{ messageId: 'untracedLlmCall', data: { sdk: '@google/genai', call: 'chat.sendMessage' } }],
    },
    {
      code: `import type Anthropic from '@anthropic-ai/sdk'; declare const deps: { llm: Anthropic }; export const f = () => deps.llm.messages.stream({ model: 'm', max_tokens: 1, messages: [] });`,
      errors: [{ messageId: 'untracedLlmCall' }],
    },
  ],
});
