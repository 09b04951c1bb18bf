/**
 * eslint-plugin-mlflow-ts: ESLint rules for tracing, MLflow tracking and LLM-call conventions.
 *
 * ```js
 * // eslint.config.js
 * import tseslint from 'typescript-eslint';
 * import mlflowTs from 'eslint-plugin-mlflow-ts';
 * export default [...tseslint.configs.recommended, mlflowTs.configs.recommended];
 * ```
 */
import type { TSESLint } from '@typescript-eslint/utils';
import packageJson from '../package.json' with { type: 'json' };
import { buildConfigs, type ConfigName } from './configs.ts';
import { rules } from './rules/index.ts';

export { DEFAULT_SETTINGS, type PluginSettings } from './utils/settings.ts';
export type { ConfigName } from './configs.ts';
export type { RuleName } from './rules/index.ts';

interface Plugin {
  meta: { name: string; version: string; namespace: string };
  rules: typeof rules;
  configs: Record<ConfigName, TSESLint.FlatConfig.Config>;
}

const plugin: Plugin = {
  meta: { name: packageJson.name, version: packageJson.version, namespace: 'mlflow-ts' },
  rules,
  configs: {} as Record<ConfigName, TSESLint.FlatConfig.Config>,
};
Object.assign(plugin.configs, buildConfigs(plugin as unknown as TSESLint.FlatConfig.Plugin, rules));

export { rules };
export const configs = plugin.configs;
export default plugin;
