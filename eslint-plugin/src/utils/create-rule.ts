/**
 * `createRule` for every rule of the plugin: the docs URL comes from the rule name, and
 * `meta.docs` says which config the rule belongs to, so the configs are generated from the
 * rules (src/configs.ts) and cannot drift from them.
 */
import { ESLintUtils } from '@typescript-eslint/utils';
import packageJson from '../../package.json' with { type: 'json' };

/**
 * The lowest config a rule is in; each config includes the ones before it:
 * `recommended` (untyped) ⊂ `recommended-type-checked` ⊂ `strict` (everything).
 */
export const CONFIG_LEVELS = ['recommended', 'recommended-type-checked', 'strict'] as const;
export type ConfigLevel = (typeof CONFIG_LEVELS)[number];

export interface PluginDocs {
  recommended: ConfigLevel;
  /** The rule calls `ESLintUtils.getParserServices(context)` and needs `parserOptions.projectService`. */
  requiresTypeChecking?: boolean;
}

export const PLUGIN_NAME = 'mlflow-ts';

/** The repository's web address, from package.json's `repository.url` (the one place to change it). */
export const REPOSITORY_URL = packageJson.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

export const ruleDocsUrl = (name: string): string => `${REPOSITORY_URL}/blob/main/eslint-plugin/docs/rules/${name}.md`;

export const createRule = ESLintUtils.RuleCreator<PluginDocs>(ruleDocsUrl);
