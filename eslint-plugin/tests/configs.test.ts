/**
 * The configs are generated from rule meta: each must hold exactly the rules whose
 * `meta.docs.recommended` level is at or below it, and the untyped `recommended` must not need
 * type information.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Linter } from 'eslint';
import plugin, { configs, rules } from '../src/index.ts';
import { CONFIG_LEVELS, PLUGIN_NAME } from '../src/utils/create-rule.ts';

const ruleList = Object.entries(rules);
const configured = (config: (typeof CONFIG_LEVELS)[number]): string[] => Object.keys(configs[config].rules ?? {}).sort();
const expected = (levels: readonly string[]): string[] =>
  ruleList
    .filter(([, rule]) => levels.includes(rule.meta.docs?.recommended ?? ''))
    .map(([name]) => `${PLUGIN_NAME}/${name}`)
    .sort();

describe('configs', () => {
  it('recommended holds exactly the rules marked recommended', () => {
    assert.deepEqual(configured('recommended'), expected(['recommended']));
  });

  it('recommended-type-checked adds exactly the rules marked recommended-type-checked', () => {
    assert.deepEqual(configured('recommended-type-checked'), expected(['recommended', 'recommended-type-checked']));
  });

  it('strict holds every rule', () => {
    assert.deepEqual(configured('strict'), ruleList.map(([name]) => `${PLUGIN_NAME}/${name}`).sort());
  });

  it('recommended needs no type information', () => {
    const typed = ruleList.filter(([, rule]) => rule.meta.docs?.requiresTypeChecking).map(([name]) => `${PLUGIN_NAME}/${name}`);
    assert.ok(typed.length > 0);
    for (const name of typed) assert.ok(!configured('recommended').includes(name), `${name} requires type checking but is in recommended`);
  });

  it('every config is named, registers the plugin and turns rules on as errors', () => {
    for (const config of CONFIG_LEVELS) {
      assert.equal(configs[config].name, `${PLUGIN_NAME}/${config}`);
      assert.equal(configs[config].plugins?.[PLUGIN_NAME], plugin);
      for (const severity of Object.values(configs[config].rules ?? {})) assert.equal(severity, 'error');
    }
  });
});

describe('plugin object', () => {
  it('exports its rules, configs and package meta', () => {
    const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
    assert.deepEqual(plugin.meta, { name: packageJson.name, version: packageJson.version, namespace: PLUGIN_NAME });
    assert.equal(plugin.rules, rules);
    assert.deepEqual(Object.keys(plugin.configs).sort(), [...CONFIG_LEVELS].sort());
  });

  it('lists its rules alphabetically, each under its own name', () => {
    const names = ruleList.map(([name]) => name);
    assert.deepEqual(names, [...names].sort());
    for (const [name, rule] of ruleList) assert.equal(rule.name, name);
  });
});

describe('untyped rules on JavaScript', () => {
  it('run under ESLint\'s default parser (espree), without type information', () => {
    const untyped = Object.entries(rules).filter(([, rule]) => !rule.meta.docs?.requiresTypeChecking);
    const code = `import { startSpan } from '@mlflow/core';
import OpenAI from 'openai';
export async function f(ok) {
  const s = startSpan({ name: 'a' });
  if (!ok) return;
  await new OpenAI().chat.completions.create({ model: 'm', messages: [] });
  s.end();
}`;
    const messages = new Linter().verify(
      code,
      [{ files: ['**/*.js'], plugins: { [PLUGIN_NAME]: plugin as never }, rules: Object.fromEntries(untyped.map(([name]) => [`${PLUGIN_NAME}/${name}`, 'error'])) }],
      'file.js',
    );
    assert.deepEqual(messages.filter((m) => m.fatal), []);
    assert.ok(messages.some((m) => m.ruleId === `${PLUGIN_NAME}/span-must-end`), JSON.stringify(messages));
  });
});
