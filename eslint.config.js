// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import mlflowTs, { DEFAULT_SETTINGS } from './eslint-plugin/src/index.ts';

export default tseslint.config(
  { ignores: ['dist/**', 'build/**', 'node_modules/**', '.bench/**', '.scratch/**', 'coverage/**', 'eslint-plugin/dist/**', 'eslint-plugin/.build-test-*/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['eslint.config.js'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-floating-promises': [
        'error',
        // node:test's describe/it return promises the runner itself awaits.
        { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite'] }] },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/tracking/**', 'fastify'], message: 'store/ knows no HTTP: keep routes in src/tracking.', },
          ],
        },
      ],
    },
  },
  {
    // The gateway serves HTTP but reports through tracing and the client, never into the store or
    // the tracking routes directly.
    files: ['src/gateway/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/store/**', '**/tracking/**'], message: 'gateway/ talks to the tracking server through src/client and src/tracing only.' }] },
      ],
    },
  },
  {
    // The restriction above is for store/ only; everything else may import routes.
    files: ['src/tracking/**', 'src/cli/**', 'src/client/**', 'test/**', 'bench/**', 'scripts/**', 'examples/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['test/**', 'bench/**', 'scripts/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
  {
    // Dogfooding: our own tracing, tracking and LLM-call conventions, strictest config. The repo
    // imports its SDK by relative path, so those modules are declared next to the package names.
    files: ['src/**/*.ts', 'examples/**/*.ts'],
    ...mlflowTs.configs.strict,
    settings: {
      'mlflow-ts': {
        tracingModules: [...DEFAULT_SETTINGS.tracingModules, '**/src/tracing/index.ts', '**/src/tracing/api.ts'],
        trackingModules: [...DEFAULT_SETTINGS.trackingModules, '**/src/client/index.ts', '**/src/client/fluent.ts', '**/src/client/client.ts'],
      },
    },
  },
);
