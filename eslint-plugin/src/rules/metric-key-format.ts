import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { ENTITY_KEY_PATTERN, MLFLOW_LIMITS, isPathSafeKey } from '../../../src/mlflow/limits.ts';
import { createRule } from '../utils/create-rule.ts';
import { fileImportsKind } from '../utils/imports.ts';
import { callsTracking, propertyValue, trackingCallOf } from '../utils/tracking.ts';

type Options = [{ allowColon?: boolean }];
type MessageId = 'emptyKey' | 'keyTooLong' | 'invalidKeyChars' | 'keyNotNormalized' | 'replaceInvalidChars' | 'useNormalizedKey';

/** One character against MLflow's key pattern (the pattern is a character class repeated, so it applies per character). */
const isAllowed = (ch: string, allowColon: boolean): boolean => ENTITY_KEY_PATTERN.test(ch) && (allowColon || ch !== ':');

function badChars(text: string, allowColon: boolean): string[] {
  return [...new Set([...text].filter((ch) => !isAllowed(ch, allowColon)))];
}

function replaceBadChars(text: string, allowColon: boolean): string {
  return [...text].map((ch) => (isAllowed(ch, allowColon) ? ch : '_')).join('');
}

/** What posix normpath makes of a key, when that is itself a valid key; undefined when no rewrite keeps the meaning (`..`). */
function normalizedKey(key: string): string | undefined {
  const parts: string[] = [];
  for (const part of key.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') return undefined;
    parts.push(part);
  }
  const out = parts.join('/');
  return out.length > 0 && isPathSafeKey(out) ? out : undefined;
}

type Problem =
  | { messageId: 'emptyKey'; data?: undefined; fix?: undefined }
  | { messageId: 'keyTooLong'; data: { length: number; max: number }; fix?: undefined }
  | { messageId: 'invalidKeyChars'; data: { chars: string }; fix?: string }
  | { messageId: 'keyNotNormalized'; data?: undefined; fix?: string };

/** The first rule of MLflow's key validation a static key breaks. */
function staticKeyProblem(key: string, allowColon: boolean): Problem | undefined {
  if (key.length === 0) return { messageId: 'emptyKey' };
  const bad = badChars(key, allowColon);
  if (bad.length > 0 || !ENTITY_KEY_PATTERN.test(key)) {
    return { messageId: 'invalidKeyChars', data: { chars: bad.map((c) => JSON.stringify(c)).join(', ') }, fix: replaceBadChars(key, allowColon) };
  }
  if (!isPathSafeKey(key)) return { messageId: 'keyNotNormalized', fix: normalizedKey(key) };
  if (key.length > MLFLOW_LIMITS.maxEntityKeyLength) return { messageId: 'keyTooLong', data: { length: key.length, max: MLFLOW_LIMITS.maxEntityKeyLength } };
  return undefined;
}

/**
 * What a template key's static parts already break, whatever the substitutions hold: a bad
 * character anywhere, or a path form no value can repair (leading `/`, `./` or `..`, `//`, `/./`,
 * `/../`, a trailing `/`).
 */
function templateKeyProblem(quasis: readonly string[], allowColon: boolean): Problem | undefined {
  const bad = [...new Set(quasis.flatMap((q) => badChars(q, allowColon)))];
  if (bad.length > 0) return { messageId: 'invalidKeyChars', data: { chars: bad.map((c) => JSON.stringify(c)).join(', ') } };
  const first = quasis[0] ?? '';
  const last = quasis[quasis.length - 1] ?? '';
  if (/^(?:\/|\.\/|\.\.)/.test(first) || quasis.some((q) => /\/\/|\/\.\.?\//.test(q)) || last.endsWith('/')) return { messageId: 'keyNotNormalized' };
  return undefined;
}

export default createRule<Options, MessageId>({
  name: 'metric-key-format',
  meta: {
    type: 'problem',
    docs: { description: "Require metric, param and tag keys that MLflow's key validation accepts", recommended: 'recommended' },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allowColon: { type: 'boolean', description: 'Accept `:` in keys. MLflow accepts it since 2.x; set false for servers that still use `^[/\\w.\\- ]*$`.' },
        },
      },
    ],
    messages: {
      emptyKey: 'MLflow rejects an empty key (INVALID_PARAMETER_VALUE).',
      keyTooLong: 'This key has {{length}} characters; MLflow rejects keys over {{max}}.',
      invalidKeyChars: 'MLflow rejects keys containing {{chars}}: only letters, digits, `_`, `-`, `.`, `/`, space and `:` are allowed.',
      keyNotNormalized: 'MLflow rejects keys that path normalisation would change (leading `/` or `..`, `//`, `./`, a trailing `/`).',
      replaceInvalidChars: 'Replace the rejected characters with `_`: {{key}}.',
      useNormalizedKey: 'Use the normalised key {{key}}.',
    },
  },
  defaultOptions: [{ allowColon: true }],
  create(context, [{ allowColon = true }]) {
    const quote = (node: TSESTree.Node, text: string): string => {
      const q = node.type === AST_NODE_TYPES.Literal && node.raw.startsWith('"') ? '"' : "'";
      return q + text.replace(/\\/g, '\\\\').replace(new RegExp(q, 'g'), `\\${q}`) + q;
    };

    const report = (node: TSESTree.Node, problem: Problem, replaceNode: (fixer: TSESLint.RuleFixer, text: string) => TSESLint.RuleFix): void => {
      const fix = problem.fix;
      const suggestion: MessageId | undefined = fix === undefined ? undefined : problem.messageId === 'invalidKeyChars' ? 'replaceInvalidChars' : 'useNormalizedKey';
      context.report({
        node,
        messageId: problem.messageId,
        data: problem.data,
        suggest: suggestion && fix !== undefined ? [{ messageId: suggestion, data: { key: JSON.stringify(fix) }, fix: (fixer) => replaceNode(fixer, fix) }] : [],
      });
    };

    /** A key given as an expression: a string literal, or a template literal checked on its static parts. */
    const checkKeyExpression = (node: TSESTree.Node): void => {
      if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') {
        const problem = staticKeyProblem(node.value, allowColon);
        if (problem) report(node, problem, (fixer, text) => fixer.replaceText(node, quote(node, text)));
      } else if (node.type === AST_NODE_TYPES.TemplateLiteral) {
        const quasis = node.quasis.map((q) => q.value.cooked ?? q.value.raw);
        if (node.expressions.length === 0) {
          const problem = staticKeyProblem(quasis[0] ?? '', allowColon);
          if (problem) report(node, problem, (fixer, text) => fixer.replaceText(node, quote(node, text)));
        } else {
          // No suggestion: the substituted values are unknown, so no rewrite is known to be right.
          const problem = templateKeyProblem(quasis, allowColon);
          if (problem) context.report({ node, messageId: problem.messageId, data: problem.data });
        }
      }
    };

    /** A key given as an object literal property name (`{ 'val/f1@k': f1 }`). */
    const checkPropertyKey = (prop: TSESTree.Property): void => {
      if (prop.computed) return checkKeyExpression(prop.key);
      const name = prop.key.type === AST_NODE_TYPES.Identifier ? prop.key.name : prop.key.type === AST_NODE_TYPES.Literal ? String(prop.key.value) : undefined;
      if (name === undefined) return;
      const problem = staticKeyProblem(name, allowColon);
      if (!problem) return;
      report(prop.key, problem, (fixer, text) =>
        prop.shorthand ? fixer.replaceText(prop, `${quote(prop.key, text)}: ${name}`) : fixer.replaceText(prop.key, quote(prop.key, text)),
      );
    };

    /** `{ k: v }` records and `[{ key, value }]` lists, as the SDK's KeyValues accept. */
    const checkKeyValues = (node: TSESTree.Node | undefined): void => {
      if (!node) return;
      if (node.type === AST_NODE_TYPES.ObjectExpression) {
        for (const prop of node.properties) if (prop.type === AST_NODE_TYPES.Property) checkPropertyKey(prop);
      } else if (node.type === AST_NODE_TYPES.ArrayExpression) {
        for (const element of node.elements) {
          if (element?.type !== AST_NODE_TYPES.ObjectExpression) continue;
          const key = element.properties.find((p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && !p.computed && p.key.type === AST_NODE_TYPES.Identifier && p.key.name === 'key');
          if (key && !key.shorthand) checkKeyExpression(key.value);
        }
      }
    };

    if (!fileImportsKind(context, 'tracking')) return {};
    return {
      CallExpression(node) {
        if (callsTracking(context, node, ['startRun'])) {
          checkKeyValues(propertyValue(node.arguments[0], 'tags'));
          return;
        }
        const call = trackingCallOf(context, node);
        if (!call) return;
        const [first] = call.args;
        switch (call.method) {
          case 'logMetric':
          case 'logParam':
          case 'setTag':
            if (first) checkKeyExpression(first);
            break;
          case 'logMetrics':
          case 'logParams':
          case 'setTags':
            checkKeyValues(first);
            break;
          case 'logBatch':
            checkKeyValues(propertyValue(first, 'metrics'));
            checkKeyValues(propertyValue(first, 'params'));
            checkKeyValues(propertyValue(first, 'tags'));
            break;
        }
      },
    };
  },
});
