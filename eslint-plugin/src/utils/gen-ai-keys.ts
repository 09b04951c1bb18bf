/**
 * The OpenTelemetry GenAI attribute vocabulary: the known keys come from the installed
 * `@opentelemetry/semantic-conventions` (its incubating entry, which carries the GenAI registry),
 * so they follow that package's version; the renames below are ours, each taken from the
 * registry's "Replaced by" notes or from keys commonly written by hand.
 */
import { createRequire } from 'node:module';

/** Deprecated or misspelled keys with an exact replacement (same value, new key). */
export const GEN_AI_RENAMES: Readonly<Record<string, string>> = {
  // Deprecated in the registry ("Replaced by …").
  'gen_ai.system': 'gen_ai.provider.name',
  'gen_ai.usage.prompt_tokens': 'gen_ai.usage.input_tokens',
  'gen_ai.usage.completion_tokens': 'gen_ai.usage.output_tokens',
  'gen_ai.openai.request.seed': 'gen_ai.request.seed',
  'gen_ai.openai.request.response_format': 'gen_ai.output.type',
  // Written by hand, never in the registry.
  'gen_ai.prompt_tokens': 'gen_ai.usage.input_tokens',
  'gen_ai.completion_tokens': 'gen_ai.usage.output_tokens',
  'gen_ai.input_tokens': 'gen_ai.usage.input_tokens',
  'gen_ai.output_tokens': 'gen_ai.usage.output_tokens',
  'gen_ai.model': 'gen_ai.request.model',
  'gen_ai.request.model_name': 'gen_ai.request.model',
  'gen_ai.provider': 'gen_ai.provider.name',
  'gen_ai.operation': 'gen_ai.operation.name',
  'llm.model': 'gen_ai.request.model',
  'llm.provider': 'gen_ai.provider.name',
  'llm.temperature': 'gen_ai.request.temperature',
  'llm.max_tokens': 'gen_ai.request.max_tokens',
  'llm.top_p': 'gen_ai.request.top_p',
  'llm.prompt_tokens': 'gen_ai.usage.input_tokens',
  'llm.completion_tokens': 'gen_ai.usage.output_tokens',
  'llm.usage.prompt_tokens': 'gen_ai.usage.input_tokens',
  'llm.usage.completion_tokens': 'gen_ai.usage.output_tokens',
};

/** Removed keys whose content now goes elsewhere in another shape (no exact rename). */
export const GEN_AI_REMOVED: Readonly<Record<string, string>> = {
  'gen_ai.prompt': 'gen_ai.input.messages',
  'gen_ai.completion': 'gen_ai.output.messages',
};

/** Ad-hoc keys on LLM spans and their GenAI names (the research table in the rule's docs). */
export const AD_HOC_LLM_KEYS: Readonly<Record<string, string>> = {
  model: 'gen_ai.request.model',
  model_name: 'gen_ai.request.model',
  provider: 'gen_ai.provider.name',
  temperature: 'gen_ai.request.temperature',
  max_tokens: 'gen_ai.request.max_tokens',
  top_p: 'gen_ai.request.top_p',
  prompt_tokens: 'gen_ai.usage.input_tokens',
  input_tokens: 'gen_ai.usage.input_tokens',
  completion_tokens: 'gen_ai.usage.output_tokens',
  output_tokens: 'gen_ai.usage.output_tokens',
  finish_reason: 'gen_ai.response.finish_reasons',
  finish_reasons: 'gen_ai.response.finish_reasons',
  response_id: 'gen_ai.response.id',
  response_model: 'gen_ai.response.model',
};

/** MLflow span types whose spans describe a model call. */
export const LLM_SPAN_TYPES: ReadonlySet<string> = new Set(['LLM', 'CHAT_MODEL', 'EMBEDDING']);

let known: ReadonlySet<string> | undefined;

/** Every `gen_ai.*` attribute key in the installed semantic-conventions registry (loaded on first use). */
export function knownGenAiKeys(): ReadonlySet<string> {
  if (!known) {
    // The incubating entry is large; it is loaded only when the rule runs on a file that sets GenAI keys.
    const registry = createRequire(import.meta.url)('@opentelemetry/semantic-conventions/incubating') as Record<string, unknown>;
    known = new Set(
      Object.entries(registry)
        .filter(([name, value]) => name.startsWith('ATTR_GEN_AI_') && typeof value === 'string')
        .map(([, value]) => value as string),
    );
  }
  return known;
}
