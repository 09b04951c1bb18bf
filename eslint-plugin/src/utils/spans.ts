/**
 * Span bindings and their uses, shared by the span rules: which variable holds a manually ended
 * span (`const span = startSpan(…)`, `tracer.startActiveSpan(name, (span) => …)`), where it is
 * ended, and where it leaves the function's hands.
 */
import { ASTUtils, AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { memberName, sdkCallee, skipTransparent } from './imports.ts';
import { enclosingFunction, isFunctionNode, spanParameter, spanVariable, tracingCalls, type FunctionNode, type TracingCall } from './tracing.ts';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** The method called on a span reference (`span.end()` → 'end'), if it is a direct call. */
export function spanMethodCall(identifier: TSESTree.Node): { name: string; call: TSESTree.CallExpression } | undefined {
  const member = identifier.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== identifier) return undefined;
  const call = member.parent;
  if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) return undefined;
  const name = memberName(member);
  return name === undefined ? undefined : { name, call };
}

/**
 * Whether this read hands the span over to other code that then owns it: returned, yielded,
 * stored in a property, another variable, an object or array. Passing it as an argument
 * (`recordLlmRequest(span, …)`, `withActiveSpan(span, fn)`) is not a hand-over.
 */
export function isHandOver(identifier: TSESTree.Node): boolean {
  let node = identifier;
  let parent = node.parent;
  while (
    parent &&
    (parent.type === AST_NODE_TYPES.TSAsExpression ||
      parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      (parent.type === AST_NODE_TYPES.ConditionalExpression && parent.test !== node) ||
      (parent.type === AST_NODE_TYPES.LogicalExpression && parent.right === node) ||
      parent.type === AST_NODE_TYPES.AwaitExpression)
  ) {
    node = parent;
    parent = node.parent;
  }
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.YieldExpression:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.SpreadElement:
      return true;
    case AST_NODE_TYPES.ArrowFunctionExpression:
      return parent.body === node;
    case AST_NODE_TYPES.Property:
      return parent.value === node && parent.parent.type === AST_NODE_TYPES.ObjectExpression;
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.right === node;
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.init === node;
    default:
      return false;
  }
}

export interface SpanUses {
  /** `span.end()` calls in the function that owns the span. */
  ends: TSESTree.CallExpression[];
  /** `span.end()` calls in nested functions (callbacks that end it later). */
  endsElsewhere: TSESTree.CallExpression[];
  /** Reads that hand the span over (see `isHandOver`). */
  handOvers: TSESTree.Identifier[];
  /** Reads in nested functions, and reads passed as arguments. */
  shared: TSESTree.Identifier[];
}

/** Classifies every read of a span variable owned by `owner` (undefined: the top level). */
export function spanUses(variable: TSESLint.Scope.Variable, owner: FunctionNode | undefined): SpanUses {
  const uses: SpanUses = { ends: [], endsElsewhere: [], handOvers: [], shared: [] };
  for (const ref of variable.references) {
    if (!ref.isRead()) continue;
    const id = ref.identifier;
    if (id.type !== AST_NODE_TYPES.Identifier) continue;
    const nested = enclosingFunction(id) !== owner;
    const method = spanMethodCall(id);
    if (method?.name === 'end') {
      (nested ? uses.endsElsewhere : uses.ends).push(method.call);
    } else if (isHandOver(id)) {
      uses.handOvers.push(id);
    } else if (nested || (id.parent.type === AST_NODE_TYPES.CallExpression && id.parent.arguments.includes(id))) {
      uses.shared.push(id);
    }
  }
  return uses;
}

export interface SpanBinding {
  /** The tracing call that created the span. */
  traced: TracingCall;
  /** The variable holding it (a `startSpan` result or a callback's span parameter). */
  variable: TSESLint.Scope.Variable;
}

/** The span a variable holds: `const s = startSpan(…)` or the span parameter of a `withSpan`/`startActiveSpan` callback. */
export function spanBindingOf(context: Context, variable: TSESLint.Scope.Variable): SpanBinding | undefined {
  const def = variable.defs[0];
  if (!def || variable.defs.length !== 1) return undefined;
  const { byCall, byCallback } = tracingCalls(context);
  if (def.type === TSESLint.Scope.DefinitionType.Variable && def.node.id.type === AST_NODE_TYPES.Identifier && def.node.init) {
    const init = skipTransparent(def.node.init);
    const traced = init.type === AST_NODE_TYPES.CallExpression ? byCall.get(init) : undefined;
    return traced?.kind === 'startSpan' ? { traced, variable } : undefined;
  }
  if (def.type === TSESLint.Scope.DefinitionType.Parameter && isFunctionNode(def.node) && def.node.params[0] === def.name) {
    const traced = byCallback.get(def.node);
    return traced && (traced.kind === 'withSpan' || traced.kind === 'startActiveSpan') && traced.callback === def.node ? { traced, variable } : undefined;
  }
  return undefined;
}

/**
 * The span an expression evaluates to: a span variable, or the SDK's active span
 * (`getCurrentActiveSpan()`, OpenTelemetry's `trace.getActiveSpan()`), which has no binding.
 */
export function spanOf(context: Context, expression: TSESTree.Node): SpanBinding | 'active' | undefined {
  const node = skipTransparent(expression);
  if (node.type === AST_NODE_TYPES.Identifier) {
    const variable = ASTUtils.findVariable(context.sourceCode.getScope(node), node);
    return variable ? spanBindingOf(context, variable) : undefined;
  }
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const ref = sdkCallee(context, node, 'tracing');
    if (ref && (ref.name === 'getCurrentActiveSpan' || ref.name.endsWith('trace.getActiveSpan'))) return 'active';
  }
  return undefined;
}

/** All span bindings of the file: `startSpan` variables and callback span parameters. */
export function spanBindings(context: Context): SpanBinding[] {
  const out: SpanBinding[] = [];
  for (const traced of tracingCalls(context).calls) {
    if (traced.kind === 'startSpan') {
      const variable = spanVariable(context, traced);
      if (variable) out.push({ traced, variable });
    } else if ((traced.kind === 'withSpan' || traced.kind === 'startActiveSpan') && traced.callback) {
      const param = spanParameter(traced);
      const variable = param && context.sourceCode.getDeclaredVariables(traced.callback).find((v) => v.name === param.name);
      if (variable) out.push({ traced, variable });
    }
  }
  return out;
}
