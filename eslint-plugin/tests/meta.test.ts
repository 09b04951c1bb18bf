/**
 * Every rule is complete: a description, a docs URL, a config, a test suite, and a doc with the
 * required sections and a heading for each option. Every ```ts example in the docs is linted with
 * its rule (parsed with type information, as fixtures/file.ts): a ✅ block must report nothing and
 * a ❌ block must report exactly on the lines marked `// ❌`, once per marker.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import plugin, { configs, rules } from '../src/index.ts';
import { CONFIG_LEVELS, PLUGIN_NAME, ruleDocsUrl } from '../src/utils/create-rule.ts';
import { FIXTURES_DIR } from './rule-tester.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MARKER = '// ❌';

export interface DocExample {
  kind: 'incorrect' | 'correct';
  code: string;
  /** 1-based line of the block's first code line in the doc. */
  docLine: number;
}

/** The ```ts blocks under "### ❌ Incorrect" and "### ✅ Correct" (a ```ts skip-lint block is left out). */
export function docExamples(markdown: string): DocExample[] {
  const examples: DocExample[] = [];
  const lines = markdown.split('\n');
  let kind: DocExample['kind'] | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.startsWith('#')) {
      kind = /^###\s+❌/.test(line) ? 'incorrect' : /^###\s+✅/.test(line) ? 'correct' : undefined;
      continue;
    }
    if (!line.startsWith('```')) continue;
    const info = line.slice(3).trim();
    const start = i + 1;
    let end = start;
    while (end < lines.length && !(lines[end] ?? '').startsWith('```')) end++;
    if (kind && /^(ts|typescript)$/.test(info)) examples.push({ kind, code: lines.slice(start, end).join('\n'), docLine: start + 1 });
    i = end;
  }
  return examples;
}

function sections(markdown: string): string[] {
  return markdown.split('\n').filter((l) => /^#{2,3}\s/.test(l)).map((l) => l.trim());
}

const linter = new Linter();

function lint(ruleName: string, code: string): Linter.LintMessage[] {
  return linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser, parserOptions: { projectService: true, tsconfigRootDir: FIXTURES_DIR } },
        plugins: { [PLUGIN_NAME]: plugin as never },
        rules: { [`${PLUGIN_NAME}/${ruleName}`]: 'error' },
      },
    ],
    join(FIXTURES_DIR, 'file.ts'),
  );
}

describe('rule meta', () => {
  for (const [name, rule] of Object.entries(rules)) {
    describe(name, () => {
      it('has a description, a docs URL and a config', () => {
        const docs = rule.meta.docs;
        assert.ok(docs, 'meta.docs is missing');
        assert.ok(docs.description.length > 10 && !docs.description.endsWith('.'), 'an imperative description without a final period');
        assert.equal(docs.url, ruleDocsUrl(name));
        assert.ok(CONFIG_LEVELS.includes(docs.recommended));
        assert.ok(CONFIG_LEVELS.some((c) => configs[c].rules?.[`${PLUGIN_NAME}/${name}`] !== undefined));
      });

      it('declares requiresTypeChecking exactly when it requires the type services', () => {
        const source = readFileSync(join(ROOT, 'src/rules', `${name}.ts`), 'utf8');
        const requires = /\btypeServices\(context\)|getParserServices\(context\)/.test(source);
        assert.equal(Boolean(rule.meta.docs?.requiresTypeChecking), requires);
      });

      it('has a test suite', () => {
        assert.ok(existsSync(join(ROOT, 'tests/rules', `${name}.test.ts`)));
      });

      it('has docs with the required sections and every option', () => {
        const file = join(ROOT, 'docs/rules', `${name}.md`);
        assert.ok(existsSync(file), `${file} is missing`);
        const markdown = readFileSync(file, 'utf8');
        assert.ok(markdown.startsWith(`# `) && markdown.split('\n')[0]?.includes(`(\`${PLUGIN_NAME}/${name}\`)`), 'title line names the rule');
        const headings = sections(markdown);
        for (const required of ['## Examples', '### ❌ Incorrect', '### ✅ Correct', '## Options', '## When Not To Use It']) {
          assert.ok(headings.includes(required), `missing "${required}"`);
        }
        const schema = rule.meta.schema;
        const properties = Array.isArray(schema) ? schema.flatMap((s) => Object.keys((s as { properties?: object }).properties ?? {})) : [];
        if (properties.length === 0) assert.match(markdown, /## Options\s+This rule has no options\./);
        for (const option of properties) assert.ok(headings.includes(`### \`${option}\``), `no heading for option "${option}"`);
      });

      it('has ❌ and ✅ examples', () => {
        const examples = docExamples(readFileSync(join(ROOT, 'docs/rules', `${name}.md`), 'utf8'));
        assert.ok(examples.some((e) => e.kind === 'incorrect'));
        assert.ok(examples.some((e) => e.kind === 'correct'));
      });
    });
  }
});

describe('doc examples report exactly what they claim', () => {
  for (const name of Object.keys(rules)) {
    const file = join(ROOT, 'docs/rules', `${name}.md`);
    if (!existsSync(file)) continue;
    for (const example of docExamples(readFileSync(file, 'utf8'))) {
      it(`${name}.md:${example.docLine} (${example.kind === 'correct' ? '✅' : '❌'})`, () => {
        const messages = lint(name, example.code);
        const fatal = messages.find((m) => m.fatal);
        assert.equal(fatal, undefined, `does not parse: ${fatal?.message}`);
        const reported = messages.map((m) => m.line).sort((a, b) => a - b);
        const marked = example.code
          .split('\n')
          .flatMap((line, i) => (line.includes(MARKER) ? [i + 1] : []))
          .sort((a, b) => a - b);
        if (example.kind === 'correct') {
          assert.equal(marked.length, 0, '✅ blocks carry no ❌ markers');
          assert.deepEqual(messages.map((m) => `${m.line}: ${m.message}`), []);
        } else {
          assert.ok(marked.length > 0, `❌ block has no "${MARKER}" marker`);
          assert.deepEqual(reported, marked, messages.map((m) => `${m.line}: ${m.message}`).join('\n'));
        }
      });
    }
  }
});

describe('README', () => {
  it('lists every rule in the generated table', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('<!-- begin auto-generated rules list -->'), readme.indexOf('<!-- end auto-generated rules list -->'));
    for (const name of Object.keys(rules)) assert.ok(table.includes(`[${name}](docs/rules/${name}.md)`), `${name} missing from the README table`);
  });
});
