/**
 * Span attribute keys follow OpenTelemetry's naming rules: lowercase, dot-separated namespaces,
 * snake_case words, nothing under the reserved `otel.` namespace. Backends group, filter and map
 * attributes to semantic conventions by exact key, so `userId`, `user-id` and `user.id` are three
 * different attributes to them.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { attributeKeysOf, spanTypeOf } from '../utils/attributes.ts';
import { createRule } from '../utils/create-rule.ts';
import { AD_HOC_LLM_KEYS, LLM_SPAN_TYPES } from '../utils/gen-ai-keys.ts';
import { fileImportsKind } from '../utils/imports.ts';

type Options = [{ requireNamespace?: boolean; ignoreNamespaces?: string[] }];
type MessageId = 'notSnakeCase' | 'noNamespace' | 'reserved' | 'renameKey';

const VALID_KEY = /^[a-z0-9_]+(\.[a-z0-9_]+)*$/;

/** `userId` → `user_id`, `User-Name` → `user_name`, `HTTP.Status` → `http.status`. */
export function toSnakeCaseKey(key: string): string {
  return key
    .split('.')
    .map((part) =>
      part
        .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
        .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
        .replace(/[^A-Za-z0-9_]+/g, '_')
        .replace(/_+/g, '_')
        .replace(/^_|_$/g, '')
        .toLowerCase(),
    )
    .filter((part) => part !== '')
    .join('.');
}

export default createRule<Options, MessageId>({
  name: 'span-attribute-naming',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Enforce OpenTelemetry attribute naming: lowercase, dot-namespaced, snake_case keys',
      recommended: 'strict',
    },
    hasSuggestions: true,
    messages: {
      notSnakeCase: "Attribute key '{{key}}' is not lowercase snake_case words separated by dots ('{{suggested}}'), as OpenTelemetry's naming rules require.",
      noNamespace: "Attribute key '{{key}}' has no namespace: prefix it with what it describes (e.g. 'app.{{key}}'), as OpenTelemetry's naming rules require.",
      reserved: "Attribute key '{{key}}' is in the 'otel.' namespace, which OpenTelemetry reserves for its own attributes.",
      renameKey: "Rename the key to '{{key}}' (dashboards and queries that use the old key must change too).",
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          requireNamespace: { type: 'boolean', description: 'Report keys without a dot-separated namespace (default true).' },
          ignoreNamespaces: {
            type: 'array',
            items: { type: 'string' },
            description: "Namespaces whose keys are not checked, e.g. a vendor's camelCase keys (default ['mlflow']).",
          },
        },
      },
    ],
  },
  defaultOptions: [{ requireNamespace: true, ignoreNamespaces: ['mlflow'] }],
  create(context, [options]) {
    if (!fileImportsKind(context, 'tracing')) return {};
    const requireNamespace = options.requireNamespace ?? true;
    const ignored = (options.ignoreNamespaces ?? ['mlflow']).map((ns) => `${ns}.`);
    return {
      CallExpression(call: TSESTree.CallExpression) {
        if (call.callee.type !== AST_NODE_TYPES.MemberExpression && call.callee.type !== AST_NODE_TYPES.Identifier) return;
        for (const attribute of attributeKeysOf(context, call)) {
          const { key, node } = attribute;
          if (ignored.some((prefix) => key.startsWith(prefix))) continue;
          // gen-ai-semconv-attributes owns these keys on LLM spans (with the right GenAI name).
          if (AD_HOC_LLM_KEYS[key] !== undefined && LLM_SPAN_TYPES.has(spanTypeOf(attribute.traced) ?? '')) continue;
          if (key === 'otel' || key.startsWith('otel.')) {
            context.report({ node, messageId: 'reserved', data: { key } });
          } else if (!VALID_KEY.test(key)) {
            const suggested = toSnakeCaseKey(key);
            const valid = VALID_KEY.test(suggested) && suggested !== key;
            context.report({
              node,
              messageId: 'notSnakeCase',
              data: { key, suggested: valid ? suggested : '…' },
              suggest: valid ? [{ messageId: 'renameKey', data: { key: suggested }, fix: (fixer) => attribute.replace(fixer, suggested) }] : [],
            });
          } else if (requireNamespace && !key.includes('.')) {
            context.report({ node, messageId: 'noNamespace', data: { key } });
          }
        }
      },
    };
  },
});
