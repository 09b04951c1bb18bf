/**
 * SDK references resolved through scope analysis: what each binding form resolves to, and that
 * shadowed, reassigned and look-alike bindings resolve to nothing.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { createRule } from '../../src/utils/create-rule.ts';
import { sdkCallee } from '../../src/utils/imports.ts';
import { matchesModule, PluginSettingsError } from '../../src/utils/settings.ts';

const probe = createRule({
  name: 'probe',
  meta: { type: 'problem', docs: { description: 'probe', recommended: 'strict' }, messages: { ref: '{{kind}} {{module}} {{name}}' }, schema: [] },
  defaultOptions: [],
  create(context) {
    const visit = (node: TSESTree.CallExpression | TSESTree.NewExpression): void => {
      for (const kind of ['tracing', 'tracking', 'llm'] as const) {
        const ref = sdkCallee(context, node, kind);
        if (ref) context.report({ node, messageId: 'ref', data: { kind, module: ref.module, name: ref.name } });
      }
    };
    return { CallExpression: visit, NewExpression: visit };
  },
});

function refs(code: string, settings: Record<string, unknown> = {}, filename = 'src/app/main.ts'): string[] {
  const linter = new Linter();
  const messages = linter.verify(
    code,
    [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { t: { rules: { probe: probe as never } } }, rules: { 't/probe': 'error' }, settings }],
    filename,
  );
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(fatal.message);
  return messages.map((m) => m.message);
}

describe('sdkCallee', () => {
  it('resolves named, aliased, namespace and default imports', () => {
    assert.deepEqual(
      refs(`import { withSpan as ws } from 'mlflow-ts-action/tracing';
import * as core from '@mlflow/core';
import OpenAI from 'openai';
ws(() => 1);
core.startSpan({ name: 'a' });
new OpenAI().chat.completions.create({});`),
      [
        'tracing mlflow-ts-action/tracing withSpan',
        'tracing @mlflow/core startSpan',
        'tracking @mlflow/core startSpan',
        'llm openai default.new().chat.completions.create',
        // `new OpenAI()` itself: its callee is the default export.
        'llm openai default',
      ],
    );
  });

  it('follows const bindings, destructuring, require and tracers', () => {
    assert.deepEqual(
      refs(`const { trace: { getTracer } } = require('@opentelemetry/api');
const tracer = getTracer('x');
tracer.startSpan('a');
const { default: OpenAI } = await import('openai');
new OpenAI().embeddings.create({});
const { Anthropic } = require('@anthropic-ai/sdk');
new Anthropic().messages.create({});`),
      [
        'tracing @opentelemetry/api trace.getTracer',
        'tracing @opentelemetry/api trace.getTracer().startSpan',
        'llm openai default.new().embeddings.create',
        'llm openai default',
        'llm @anthropic-ai/sdk Anthropic.new().messages.create',
        'llm @anthropic-ai/sdk Anthropic',
      ],
    );
  });

  it('does not match shadowed, reassigned, local or type-only bindings', () => {
    assert.deepEqual(
      refs(`import { startSpan, withSpan } from 'mlflow-ts-action/tracing';
import type { trace } from '@mlflow/core';
function f(startSpan: (o: object) => void) { startSpan({}); }
let ws = withSpan;
ws = (cb: () => number) => cb();
ws(() => 1);
function local() { const withSpan = (cb: () => void) => cb(); withSpan(() => {}); }
const require = (m: string) => m;
require('openai');
void f; void local; void (null as unknown as typeof trace);`),
      [],
    );
  });

  it('matches relative imports by path patterns from settings, and nothing by default', () => {
    const code = `import { startRun } from '../client/index.ts';\nstartRun();`;
    assert.deepEqual(refs(code), []);
    assert.deepEqual(refs(code, { 'mlflow-ts': { trackingModules: ['**/src/client/index.ts'] } }, 'src/cli/main.ts'), ['tracking ../client/index.ts startRun']);
    assert.deepEqual(refs(code, { 'mlflow-ts': { trackingModules: ['**/src/client/index.ts'] } }, 'lib/cli/main.ts'), []);
  });

  it('rejects malformed settings with a message that says what is expected', () => {
    assert.throws(() => refs(`import { withSpan } from 'x';\nwithSpan(() => 1);`, { 'mlflow-ts': { tracingModule: ['x'] } }), (e: Error) => /tracingModules\?: string\[\]/.test(e.message));
    assert.equal(new PluginSettingsError('x').name, 'PluginSettingsError');
  });
});

describe('matchesModule', () => {
  it('matches a package and its subpaths, not a prefix of another name', () => {
    assert.equal(matchesModule('openai/resources', 'a.ts', ['openai']), 'openai');
    assert.equal(matchesModule('openai-extra', 'a.ts', ['openai']), undefined);
    assert.equal(matchesModule('./tracing/index.ts', '/repo/src/a.ts', ['**/src/tracing/index.ts']), '**/src/tracing/index.ts');
    assert.equal(matchesModule('../../src/tracing/index.ts', 'examples/x/train.ts', ['**/src/tracing/index.ts']), '**/src/tracing/index.ts');
  });
});
