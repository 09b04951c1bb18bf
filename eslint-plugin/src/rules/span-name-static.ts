/**
 * Span names are low-cardinality: backends group spans by name for latency percentiles, error
 * rates and span metrics, so a name carrying an id or a prompt makes every span its own group
 * (and raises the metric series count). Values belong in attributes.
 *
 * Reported: names built from parts at run time (a template literal with expressions, string
 * concatenation, `String(x)`, `.concat`/`.join`/`.toLowerCase()`…). A plain variable, parameter or call
 * is not reported (wrappers pass names through); a `const` is followed to its initialiser. With
 * type information, interpolating a union of literals (`'get' | 'put'`) is accepted.
 */
import { ASTUtils, AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isBooleanLiteralType } from 'ts-api-utils';
import { toSnakeCaseKey } from './span-attribute-naming.ts';
import { createRule } from '../utils/create-rule.ts';
import { fileImportsKind, skipTransparent } from '../utils/imports.ts';
import { optionalTypeServices } from '../utils/type-aware.ts';
import { objectProperty, tracingCalls, type TracingCall } from '../utils/tracing.ts';

type MessageId = 'dynamicName' | 'moveToAttributes';
type Context = Readonly<TSESLint.RuleContext<MessageId, []>>;

/** The expression actually building the name, following `const` bindings (bounded). */
function resolveName(context: Context, node: TSESTree.Node, depth = 0): TSESTree.Node {
  const n = skipTransparent(node);
  if (n.type !== AST_NODE_TYPES.Identifier || depth > 4) return n;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(n), n);
  const def = variable?.defs[0];
  if (variable?.defs.length !== 1 || def?.type !== TSESLint.Scope.DefinitionType.Variable || def.parent.kind !== 'const' || !def.node.init || def.node.id !== def.name) return n;
  return resolveName(context, def.node.init, depth + 1);
}

function isStaticString(node: TSESTree.Node): boolean {
  return (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') || (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0);
}

const STRING_BUILDERS = new Set(['concat', 'join', 'toString', 'toLowerCase', 'toUpperCase', 'trim', 'slice', 'substring', 'replace', 'replaceAll', 'padStart', 'padEnd']);

/** `String(x)`, `parts.join('/')`, `a.concat(b)`: a string made from values (a call to a naming helper is not). */
function isStringBuildingCall(call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name === 'String';
  return callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier && STRING_BUILDERS.has(callee.property.name);
}

/** Interpolated parts, when the name is assembled at run time; undefined when it is not. */
function dynamicParts(node: TSESTree.Node): TSESTree.Node[] | undefined {
  switch (node.type) {
    case AST_NODE_TYPES.TemplateLiteral:
      return node.expressions.length > 0 ? node.expressions : undefined;
    case AST_NODE_TYPES.BinaryExpression: {
      if (node.operator !== '+') return undefined;
      const parts = [node.left, node.right].flatMap((p) => (isStaticString(p) ? [] : (dynamicParts(p) ?? [p])));
      return parts.length > 0 ? parts : undefined;
    }
    case AST_NODE_TYPES.CallExpression:
      return isStringBuildingCall(node) ? [node] : undefined;
    default:
      return undefined;
  }
}

/** Whether each part's type is a finite set of literals (string/number/boolean literals, enum members). */
function isLowCardinality(context: Context, parts: TSESTree.Node[]): boolean {
  const services = optionalTypeServices(context);
  if (!services) return false;
  return parts.every((part) => {
    const type = services.getTypeAtLocation(part);
    const members = type.isUnion() ? type.types : [type];
    return members.every((t) => t.isLiteral() || isBooleanLiteralType(t));
  });
}

/** The static words of a template (`fetch user ${id}` → 'fetch user'). */
function staticText(node: TSESTree.TemplateLiteral): string {
  return node.quasis
    .map((q) => q.value.cooked ?? '')
    .join(' ')
    .replace(/[\s:/#-]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** An attribute key for an interpolated identifier or member (`userId` → 'user_id', `req.user.id` → 'user.id'). */
function attributeKeyFor(node: TSESTree.Node): string | undefined {
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.Identifier) return toSnakeCaseKey(n.name) || undefined;
  if (n.type === AST_NODE_TYPES.MemberExpression && !n.computed && n.property.type === AST_NODE_TYPES.Identifier) {
    const object = n.object;
    const owner = object.type === AST_NODE_TYPES.MemberExpression && !object.computed && object.property.type === AST_NODE_TYPES.Identifier ? object.property.name : object.type === AST_NODE_TYPES.Identifier ? object.name : undefined;
    return toSnakeCaseKey(owner ? `${owner}.${n.property.name}` : n.property.name) || undefined;
  }
  return undefined;
}

/** Suggestion: the template's static words as the name, each interpolated value as an attribute. */
function suggestion(context: Context, traced: TracingCall, nameNode: TSESTree.Node): TSESLint.ReportSuggestionArray<MessageId> {
  if (nameNode.type !== AST_NODE_TYPES.TemplateLiteral || !traced.options) return [];
  const name = staticText(nameNode);
  if (name === '' || objectProperty(traced.options, 'name') !== nameNode) return [];
  const entries: string[] = [];
  for (const expression of nameNode.expressions) {
    const key = attributeKeyFor(expression);
    if (!key) return [];
    entries.push(`'${key}': ${context.sourceCode.getText(expression)}`);
  }
  const attributes = objectProperty(traced.options, 'attributes');
  const options = traced.options;
  return [
    {
      messageId: 'moveToAttributes',
      data: { name },
      fix: (fixer) => {
        const fixes = [fixer.replaceText(nameNode, `'${name.replaceAll("'", "\\'")}'`)];
        if (attributes?.type === AST_NODE_TYPES.ObjectExpression) {
          const last = attributes.properties[attributes.properties.length - 1];
          fixes.push(last ? fixer.insertTextAfter(last, `, ${entries.join(', ')}`) : fixer.replaceText(attributes, `{ ${entries.join(', ')} }`));
        } else if (attributes === undefined) {
          const last = options.properties[options.properties.length - 1];
          if (last) fixes.push(fixer.insertTextAfter(last, `, attributes: { ${entries.join(', ')} }`));
        } else {
          return [];
        }
        return fixes;
      },
    },
  ];
}

export default createRule<[], MessageId>({
  name: 'span-name-static',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require span names to be static (low-cardinality), with variable parts in attributes',
      recommended: 'strict',
    },
    hasSuggestions: true,
    messages: {
      dynamicName:
        'This span name is built at run time, so each value makes a new span name and breaks grouping by name: use a fixed name and put the values in attributes.',
      moveToAttributes: "Name the span '{{name}}' and record the interpolated values as attributes.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    if (!fileImportsKind(context, 'tracing')) return {};
    return {
      CallExpression(call: TSESTree.CallExpression) {
        const traced = tracingCalls(context).byCall.get(call);
        if (!traced?.nameNode) return;
        const nameNode = skipTransparent(traced.nameNode);
        const parts = dynamicParts(resolveName(context, nameNode));
        if (!parts || isLowCardinality(context, parts)) return;
        context.report({ node: nameNode, messageId: 'dynamicName', suggest: suggestion(context, traced, nameNode) });
      },
    };
  },
});
