/**
 * RuleTesters for the rule suites, run by node:test: `ruleTester` parses without type
 * information, `typedRuleTester` with the fixture project (tests/fixtures/tsconfig.json), where
 * `mlflow-ts-action/*` and `@mlflow/core` map to this repo's src/ and openai etc. come from
 * node_modules.
 *
 * @typescript-eslint/rule-tester ships its own copy of @typescript-eslint/utils, whose rule types
 * are nominally different from the plugin's; `run` takes the plugin's rule type and casts once here.
 */
import { after, describe, it } from 'node:test';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RuleTester, type RunTests } from '@typescript-eslint/rule-tester';
import type { TSESLint } from '@typescript-eslint/utils';

// node:test returns promises from these that its runner tracks itself.
RuleTester.afterAll = (fn) => void after(fn);
RuleTester.describe = (text, fn) => void describe(text, fn);
RuleTester.it = (text, fn) => void it(text, fn);

export const FIXTURES_DIR = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
/** The fixture project's file: type-aware cases are linted as this file (the RuleTester's default name). */
export const fixtureFile = 'file.ts';

export interface PluginRuleTester {
  run<MessageIds extends string, Options extends readonly unknown[]>(
    name: string,
    rule: TSESLint.RuleModule<MessageIds, Options, unknown>,
    tests: RunTests<MessageIds, Options>,
  ): void;
}

function wrap(tester: RuleTester): PluginRuleTester {
  return {
    run: (name, rule, tests) => tester.run(name, rule as never, tests),
  };
}

export const ruleTester = wrap(new RuleTester());

export const typedRuleTester = wrap(
  new RuleTester({
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: FIXTURES_DIR },
    },
  }),
);
