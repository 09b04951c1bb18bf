/**
 * Where span attribute keys are written, for the naming rules: `span.setAttribute(key, v)`,
 * `span.setAttributes({…})`, `span.addEvent(name, {…})`, `span.end({ attributes })` on a known
 * span (see spans.ts), and the `attributes` of `startSpan`/`withSpan`/`trace`/`startActiveSpan`
 * options.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { memberName, skipTransparent } from './imports.ts';
import { spanOf } from './spans.ts';
import { objectProperty, tracingCalls, type TracingCall } from './tracing.ts';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export interface AttributeKey {
  key: string;
  /** The node holding the key: a string literal argument or an object property's key. */
  node: TSESTree.Node;
  /** Replaces the key in the source, keeping its quoting style where it can. */
  replace(fixer: TSESLint.RuleFixer, key: string): TSESLint.RuleFix;
  /** The span's tracing call when known (to read its `spanType`). */
  traced: TracingCall | undefined;
}

function stringValue(node: TSESTree.Node): string | undefined {
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.Literal && typeof n.value === 'string') return n.value;
  if (n.type === AST_NODE_TYPES.TemplateLiteral && n.expressions.length === 0) return n.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

const quote = (key: string): string => `'${key.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

function literalKey(node: TSESTree.Node, traced: TracingCall | undefined): AttributeKey | undefined {
  const key = stringValue(node);
  if (key === undefined) return undefined;
  return { key, node, traced, replace: (fixer, next) => fixer.replaceText(node, quote(next)) };
}

function objectKeys(object: TSESTree.Node | undefined, traced: TracingCall | undefined): AttributeKey[] {
  const node = object && skipTransparent(object);
  if (node?.type !== AST_NODE_TYPES.ObjectExpression) return [];
  const out: AttributeKey[] = [];
  for (const p of node.properties) {
    if (p.type !== AST_NODE_TYPES.Property) continue;
    let key: string | undefined;
    if (!p.computed && p.key.type === AST_NODE_TYPES.Identifier) key = p.key.name;
    else key = stringValue(p.key);
    if (key === undefined) continue;
    const property = p;
    out.push({
      key,
      node: p.key,
      traced,
      // `{ userId }` shorthand must become `{ 'user_id': userId }`.
      replace: (fixer, next) =>
        property.shorthand ? fixer.replaceText(property, `${quote(next)}: ${(property.value as TSESTree.Identifier).name}`) : fixer.replaceText(property.key, quote(next)),
    });
  }
  return out;
}

/** Attribute keys written by `call`, if it is a span method call or a tracing call with `attributes`. */
export function attributeKeysOf(context: Context, call: TSESTree.CallExpression): AttributeKey[] {
  const traced = tracingCalls(context).byCall.get(call);
  if (traced) return objectKeys(objectProperty(traced.options, 'attributes'), traced);
  const callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return [];
  const method = memberName(callee);
  if (method !== 'setAttribute' && method !== 'setAttributes' && method !== 'addEvent' && method !== 'end') return [];
  const span = spanOf(context, callee.object);
  if (!span) return [];
  const spanTraced = span === 'active' ? undefined : span.traced;
  const [a0, a1] = call.arguments;
  switch (method) {
    case 'setAttribute': {
      const key = a0 && literalKey(a0, spanTraced);
      return key ? [key] : [];
    }
    case 'setAttributes':
      return objectKeys(a0, spanTraced);
    case 'addEvent': {
      // OTel's addEvent(name, attributes?) and MLflow's addEvent({ name, attributes }).
      const init = a0 && skipTransparent(a0);
      if (init?.type === AST_NODE_TYPES.ObjectExpression) return objectKeys(objectProperty(init, 'attributes'), spanTraced);
      return objectKeys(a1, spanTraced);
    }
    default: {
      const options = a0 && skipTransparent(a0);
      return options?.type === AST_NODE_TYPES.ObjectExpression ? objectKeys(objectProperty(options, 'attributes'), spanTraced) : [];
    }
  }
}

/** The `spanType` of a tracing call's options, when static (`'LLM'` or `SpanType.LLM`). */
export function spanTypeOf(traced: TracingCall | undefined): string | undefined {
  const node = objectProperty(traced?.options, 'spanType');
  if (!node) return undefined;
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.Literal && typeof n.value === 'string') return n.value;
  if (n.type === AST_NODE_TYPES.MemberExpression) return memberName(n);
  return undefined;
}
