/**
 * MLflow's provider names → provider modules. Names are normalised as MLflow does (case, `-`/`_`),
 * so `OpenAI`, `mlflow_model_serving` and `mlflow-model-serving` all resolve. Custom provider
 * modules named in the config's `providers:` block are looked up after the built-ins.
 */
import type { ProviderModule } from './provider.ts';
import { openaiCompatibleProviders, openaiProvider, azureProvider, azureadProvider, mistralProvider } from './openai.ts';
import { anthropicProvider } from './anthropic.ts';
import { geminiProvider } from './gemini.ts';
import { cohereProvider } from './cohere.ts';
import { mlflowModelServingProvider } from './mlflow-model-serving.ts';

export const BUILTIN_PROVIDERS: readonly ProviderModule[] = [
  openaiProvider,
  azureProvider,
  azureadProvider,
  mistralProvider,
  ...openaiCompatibleProviders,
  anthropicProvider,
  geminiProvider,
  cohereProvider,
  mlflowModelServingProvider,
];

export function normaliseProviderName(name: string): string {
  return name.trim().toLowerCase().replaceAll('_', '-');
}

const byName = new Map<string, ProviderModule>();
for (const module of BUILTIN_PROVIDERS) {
  for (const name of [module.name, ...(module.aliases ?? [])]) byName.set(normaliseProviderName(name), module);
}

/** The built-in module for a provider name, or undefined. */
export function builtinProvider(name: string): ProviderModule | undefined {
  return byName.get(normaliseProviderName(name));
}

/** Every name a config may use, for "did you mean" messages. */
export function builtinProviderNames(): string[] {
  return [...byName.keys()].sort();
}
