/**
 * The flat configs, generated from the rules' `meta.docs.recommended`: a rule is in its level's
 * config and in every config above it (`recommended` ⊂ `recommended-type-checked` ⊂ `strict`).
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { CONFIG_LEVELS, PLUGIN_NAME, type ConfigLevel, type PluginDocs } from './utils/create-rule.ts';

export type ConfigName = ConfigLevel;

interface RuleWithDocs {
  meta: { docs?: Partial<PluginDocs> };
}

/** Rule names (without the plugin prefix) that `config` turns on. */
export function rulesInConfig(rules: Readonly<Record<string, RuleWithDocs>>, config: ConfigName): string[] {
  const limit = CONFIG_LEVELS.indexOf(config);
  return Object.keys(rules)
    .filter((name) => {
      const level = rules[name]?.meta.docs?.recommended;
      return level !== undefined && CONFIG_LEVELS.indexOf(level) <= limit;
    })
    .sort();
}

export function buildConfigs(
  plugin: TSESLint.FlatConfig.Plugin,
  rules: Readonly<Record<string, RuleWithDocs>>,
): Record<ConfigName, TSESLint.FlatConfig.Config> {
  const configs = {} as Record<ConfigName, TSESLint.FlatConfig.Config>;
  for (const config of CONFIG_LEVELS) {
    configs[config] = {
      name: `${PLUGIN_NAME}/${config}`,
      plugins: { [PLUGIN_NAME]: plugin },
      rules: Object.fromEntries(rulesInConfig(rules, config).map((name) => [`${PLUGIN_NAME}/${name}`, 'error'])),
    };
  }
  return configs;
}
