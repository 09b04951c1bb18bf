/**
 * LLM span attributes use the OpenTelemetry GenAI semantic-convention names, which MLflow and
 * other GenAI backends read for model, token and cost views: deprecated names (`gen_ai.system`,
 * `gen_ai.usage.prompt_tokens`), hand-made look-alikes (`llm.model`, `gen_ai.prompt_tokens`),
 * typos of registry keys, and bare keys (`model`, `prompt_tokens`) on LLM-typed spans.
 * Renaming changes the emitted data, so fixes are suggestions, never autofixes.
 */
import { type TSESTree } from '@typescript-eslint/utils';
import { closest, distance } from 'fastest-levenshtein';
import { attributeKeysOf, spanTypeOf, type AttributeKey } from '../utils/attributes.ts';
import { createRule } from '../utils/create-rule.ts';
import { AD_HOC_LLM_KEYS, GEN_AI_REMOVED, GEN_AI_RENAMES, LLM_SPAN_TYPES, knownGenAiKeys } from '../utils/gen-ai-keys.ts';
import { fileImportsKind } from '../utils/imports.ts';

type Options = [{ allowKeys?: string[] }];
type MessageId = 'renamed' | 'removed' | 'adHoc' | 'unknown' | 'useKey';

/** A `gen_ai.*` key this far (edits) from a registry key is taken for a typo of it. */
const TYPO_DISTANCE = 3;

export default createRule<Options, MessageId>({
  name: 'gen-ai-semconv-attributes',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Enforce OpenTelemetry GenAI semantic-convention names for LLM span attributes',
      recommended: 'strict',
    },
    hasSuggestions: true,
    messages: {
      renamed: "'{{key}}' is not the GenAI semantic-convention name: use '{{replacement}}', which GenAI backends read.",
      removed: "'{{key}}' was removed from the GenAI semantic conventions: record the content as '{{replacement}}' (structured messages).",
      adHoc: "'{{key}}' on an LLM span is an ad-hoc name: use the GenAI semantic-convention key '{{replacement}}'.",
      unknown: "'{{key}}' is not a GenAI semantic-convention attribute; did you mean '{{replacement}}'?",
      useKey: "Rename the key to '{{replacement}}' (dashboards and queries that use the old key must change too).",
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allowKeys: {
            type: 'array',
            items: { type: 'string' },
            description: '`gen_ai.*` keys to accept although the installed registry does not list them (newer conventions).',
          },
        },
      },
    ],
  },
  defaultOptions: [{ allowKeys: [] }],
  create(context, [options]) {
    if (!fileImportsKind(context, 'tracing')) return {};
    const allowed = new Set(options.allowKeys ?? []);

    const report = (attribute: AttributeKey, messageId: Exclude<MessageId, 'useKey'>, replacement: string, suggest: boolean): void => {
      context.report({
        node: attribute.node,
        messageId,
        data: { key: attribute.key, replacement },
        suggest: suggest ? [{ messageId: 'useKey', data: { replacement }, fix: (fixer) => attribute.replace(fixer, replacement) }] : [],
      });
    };

    return {
      CallExpression(call: TSESTree.CallExpression) {
        for (const attribute of attributeKeysOf(context, call)) {
          const { key } = attribute;
          if (allowed.has(key)) continue;
          const renamed = GEN_AI_RENAMES[key];
          const removed = GEN_AI_REMOVED[key];
          const adHoc = AD_HOC_LLM_KEYS[key];
          if (renamed !== undefined) {
            report(attribute, 'renamed', renamed, true);
          } else if (removed !== undefined) {
            report(attribute, 'removed', removed, false);
          } else if (adHoc !== undefined && LLM_SPAN_TYPES.has(spanTypeOf(attribute.traced) ?? '')) {
            report(attribute, 'adHoc', adHoc, true);
          } else if (key.startsWith('gen_ai.')) {
            const known = knownGenAiKeys();
            if (known.has(key)) continue;
            const nearest = closest(key, [...known]);
            if (distance(key, nearest) <= TYPO_DISTANCE) report(attribute, 'unknown', nearest, true);
          }
        }
      },
    };
  },
});
