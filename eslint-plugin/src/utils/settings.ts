// The plugin's shared settings, `settings['mlflow-ts']` in an ESLint config: which modules are
// the tracing SDK, the tracking client and the LLM SDKs. Rules find SDK calls through imports of
// these modules only, so a local `trace()` helper is never mistaken for the SDK's.
//
// An entry is either a module specifier ('openai' matches `openai` and `openai/…`) or a path
// pattern starting with `**/` that matches relative imports by the end of the path they resolve
// to ('**/src/tracing/index.ts' matches `import … from '../tracing/index.ts'` in `src/cli/`).
import { posix } from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import { z } from 'zod';
import { PLUGIN_NAME } from './create-rule.ts';

export type ModuleKind = 'tracing' | 'tracking' | 'llm';

export interface PluginSettings {
  /** Modules exporting `trace`/`withSpan`/`startSpan` (MLflow shape) or `trace.getTracer` (OpenTelemetry). */
  tracingModules: readonly string[];
  /** Modules exporting the MLflow tracking client (`startRun`, `MlflowClient`, `logMetric` …). */
  trackingModules: readonly string[];
  /** LLM provider SDKs whose calls should be traced. */
  llmModules: readonly string[];
}

export const DEFAULT_SETTINGS: PluginSettings = {
  tracingModules: ['mlflow-ts-action/tracing', '@mlflow/core', '@opentelemetry/api'],
  // `@mlflow/core` exports `MlflowClient` (mlflow-wire.md §7); run tracking lives in this project's client.
  trackingModules: ['mlflow-ts-action/client', '@mlflow/core'],
  llmModules: ['openai', '@anthropic-ai/sdk', '@google/genai'],
};

const moduleList = z.array(z.string().min(1, 'a module name cannot be empty')).readonly();
const settingsSchema = z.strictObject({
  tracingModules: moduleList.optional(),
  trackingModules: moduleList.optional(),
  llmModules: moduleList.optional(),
});

export class PluginSettingsError extends Error {
  override name = 'PluginSettingsError';
}

const cache = new WeakMap<object, PluginSettings>();

/**
 * The settings of the linted file's config; a list given there replaces the default list (spread
 * `DEFAULT_SETTINGS.tracingModules` to extend it). Throws `PluginSettingsError` on a malformed block.
 */
export function getSettings(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): PluginSettings {
  const raw: unknown = context.settings[PLUGIN_NAME];
  if (raw === undefined) return DEFAULT_SETTINGS;
  if (typeof raw === 'object' && raw !== null) {
    const cached = cache.get(raw);
    if (cached) return cached;
  }
  const parsed = settingsSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new PluginSettingsError(
      `Invalid settings['${PLUGIN_NAME}'] in your ESLint config (${problems}). ` +
        'Expected { tracingModules?: string[], trackingModules?: string[], llmModules?: string[] }.',
    );
  }
  const settings: PluginSettings = { ...DEFAULT_SETTINGS, ...parsed.data };
  cache.set(raw as object, settings);
  return settings;
}

export function modulesOf(settings: PluginSettings, kind: ModuleKind): readonly string[] {
  return kind === 'tracing' ? settings.tracingModules : kind === 'tracking' ? settings.trackingModules : settings.llmModules;
}

const PATH_PATTERN_PREFIX = '**/';

// The import's target as a posix path when it is relative (for `**/` patterns), else undefined.
function resolveRelative(specifier: string, filename: string): string | undefined {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return undefined;
  const dir = posix.dirname(filename.replaceAll('\\', '/'));
  return posix.join(dir.startsWith('/') ? dir : `/${dir}`, specifier);
}

/** Whether `specifier` (an import source as written in `filename`) is one of `modules`. */
export function matchesModule(specifier: string, filename: string, modules: readonly string[]): string | undefined {
  let resolved: string | undefined | null = null;
  for (const entry of modules) {
    if (entry.startsWith(PATH_PATTERN_PREFIX)) {
      resolved ??= resolveRelative(specifier, filename);
      if (resolved !== undefined && resolved.endsWith(`/${entry.slice(PATH_PATTERN_PREFIX.length)}`)) return entry;
    } else if (specifier === entry || specifier.startsWith(`${entry}/`)) {
      return entry;
    }
  }
  return undefined;
}
