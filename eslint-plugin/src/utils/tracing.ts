/**
 * The tracing SDK's call shapes, recognised by import binding (imports.ts):
 *
 * - MLflow (ours and the official `@mlflow/core`): `trace(fn, {name})`, `@trace({name})` on a
 *   method, `withSpan(cb, {name})` or `withSpan({name}, cb)`, `startSpan({name})`;
 * - OpenTelemetry: `tracer.startSpan(name)`, `tracer.startActiveSpan(name, [opts, [ctx]], fn)`,
 *   for a `tracer` from `trace.getTracer(…)`.
 *
 * MLflow's `trace`/`withSpan` end their span when the callback returns or its promise settles, and
 * record a thrown exception (src/tracing/api.ts `runSpan`); `startSpan` and everything in
 * OpenTelemetry leave both to the caller.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { ASTUtils } from '@typescript-eslint/utils';
import { CALL, fileImportsKind, sdkCallee, skipTransparent, type SdkReference } from './imports.ts';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration;

export type TracingCallKind = 'trace' | 'withSpan' | 'startSpan' | 'startActiveSpan';

export interface TracingCall {
  kind: TracingCallKind;
  call: TSESTree.CallExpression;
  ref: SdkReference;
  /** The argument that runs inside the span (a function, or an identifier naming one). */
  callbackNode: TSESTree.Node | undefined;
  /** `callbackNode` when it is a function written in place. */
  callback: FunctionNode | undefined;
  /** The expression giving the span name (a string argument or an options object's `name`). */
  nameNode: TSESTree.Node | undefined;
  /** The options object, when written in place. */
  options: TSESTree.ObjectExpression | undefined;
  /** The span ends by itself when the callback returns or its promise settles. */
  endsItself: boolean;
  /** An exception thrown by the callback is recorded and the status set to ERROR by the SDK. */
  recordsExceptions: boolean;
}

export function isFunctionNode(node: TSESTree.Node | undefined): node is FunctionNode {
  return (
    node !== undefined &&
    (node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.FunctionDeclaration)
  );
}

/** The value of a non-computed `key` property of an object literal (`{ name: … }`). */
export function objectProperty(object: TSESTree.ObjectExpression | undefined, key: string): TSESTree.Node | undefined {
  if (!object) return undefined;
  for (const p of object.properties) {
    if (p.type !== AST_NODE_TYPES.Property) continue;
    const name = !p.computed && p.key.type === AST_NODE_TYPES.Identifier ? p.key.name : p.key.type === AST_NODE_TYPES.Literal ? String(p.key.value) : undefined;
    if (name === key) return p.value;
  }
  return undefined;
}

const asObject = (node: TSESTree.Node | undefined): TSESTree.ObjectExpression | undefined => {
  const n = node && skipTransparent(node);
  return n?.type === AST_NODE_TYPES.ObjectExpression ? n : undefined;
};

const isStringLike = (node: TSESTree.Node | undefined): boolean =>
  node !== undefined && ((node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') || node.type === AST_NODE_TYPES.TemplateLiteral);

/** The method a `@trace(…)` decorator call decorates. */
function decoratedFunction(call: TSESTree.CallExpression): FunctionNode | undefined {
  const decorator = call.parent;
  if (decorator.type !== AST_NODE_TYPES.Decorator) return undefined;
  const member = decorator.parent;
  if (member.type === AST_NODE_TYPES.MethodDefinition && member.value.type === AST_NODE_TYPES.FunctionExpression) return member.value;
  return undefined;
}

function mlflowShape(kind: 'trace' | 'withSpan' | 'startSpan', call: TSESTree.CallExpression): Omit<TracingCall, 'kind' | 'call' | 'ref'> {
  const [a0, a1] = call.arguments;
  const auto = { endsItself: true, recordsExceptions: true };
  if (kind === 'startSpan') {
    const options = asObject(a0);
    return { callbackNode: undefined, callback: undefined, options, nameNode: isStringLike(a0) ? a0 : objectProperty(options, 'name'), endsItself: false, recordsExceptions: false };
  }
  if (kind === 'trace') {
    if (a0 === undefined || asObject(a0)) {
      const options = asObject(a0);
      const method = decoratedFunction(call);
      return { callbackNode: method, callback: method, options, nameNode: objectProperty(options, 'name'), ...auto };
    }
    const options = asObject(a1);
    return { callbackNode: a0, callback: isFunctionNode(a0) ? a0 : undefined, options, nameNode: objectProperty(options, 'name'), ...auto };
  }
  // withSpan: (cb, options?) in both SDKs, (options, cb) in ours, (name, cb) in OTel-like wrappers.
  let callbackNode: TSESTree.Node | undefined;
  let optionsNode: TSESTree.Node | undefined;
  if (isFunctionNode(a0) || asObject(a1) || (a1 === undefined && a0 !== undefined && !asObject(a0))) {
    callbackNode = a0;
    optionsNode = a1;
  } else {
    callbackNode = a1;
    optionsNode = a0;
  }
  const options = asObject(optionsNode);
  const nameNode = isStringLike(optionsNode) ? optionsNode : objectProperty(options, 'name');
  return { callbackNode, callback: isFunctionNode(callbackNode) ? callbackNode : undefined, options, nameNode, ...auto };
}

/** What a call to the tracing SDK does, or undefined when it is not one. */
export function classifyTracingCall(context: Context, call: TSESTree.CallExpression): TracingCall | undefined {
  const ref = sdkCallee(context, call, 'tracing');
  if (!ref) return undefined;
  const path = ref.path[0] === 'default' && ref.path.length > 1 ? ref.path.slice(1) : ref.path;
  const last = path[path.length - 1];
  if (path.length === 1 && (last === 'trace' || last === 'withSpan' || last === 'startSpan')) {
    return { kind: last, call, ref, ...mlflowShape(last, call) };
  }
  const tracerIndex = path.indexOf('getTracer');
  if (tracerIndex < 0 || path[tracerIndex + 1] !== CALL || tracerIndex + 3 !== path.length) return undefined;
  const [a0, a1] = call.arguments;
  if (last === 'startSpan') {
    return { kind: 'startSpan', call, ref, callbackNode: undefined, callback: undefined, nameNode: a0, options: asObject(a1), endsItself: false, recordsExceptions: false };
  }
  if (last === 'startActiveSpan') {
    const callbackNode = call.arguments[call.arguments.length - 1];
    return {
      kind: 'startActiveSpan',
      call,
      ref,
      callbackNode,
      callback: isFunctionNode(callbackNode) ? callbackNode : undefined,
      nameNode: a0,
      options: call.arguments.length > 2 ? asObject(a1) : undefined,
      endsItself: false,
      recordsExceptions: false,
    };
  }
  return undefined;
}

/** The parameter a callback receives the span in (`withSpan(async (span) => …)`). */
export function spanParameter(traced: TracingCall): TSESTree.Identifier | undefined {
  if (traced.kind !== 'withSpan' && traced.kind !== 'startActiveSpan') return undefined;
  const param = traced.callback?.params[0];
  return param?.type === AST_NODE_TYPES.Identifier ? param : undefined;
}

/** The variable a span from `startSpan` is kept in (`const span = startSpan(…)`), if any. */
export function spanVariable(context: Context, traced: TracingCall): TSESLint.Scope.Variable | undefined {
  let node: TSESTree.Node = traced.call;
  while (node.parent && (node.parent.type === AST_NODE_TYPES.TSAsExpression || node.parent.type === AST_NODE_TYPES.TSNonNullExpression)) node = node.parent;
  const parent = node.parent;
  let id: TSESTree.Node | undefined;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node) id = parent.id;
  else if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === node) id = parent.left;
  if (id?.type !== AST_NODE_TYPES.Identifier) return undefined;
  return ASTUtils.findVariable(context.sourceCode.getScope(id), id) ?? undefined;
}

export interface FileTracing {
  calls: TracingCall[];
  byCall: Map<TSESTree.CallExpression, TracingCall>;
  byCallback: Map<TSESTree.Node, TracingCall>;
}

const fileCache = new WeakMap<object, FileTracing>();

/** Every tracing call of the file (one walk, cached per file). */
export function tracingCalls(context: Context): FileTracing {
  const cached = fileCache.get(context.sourceCode);
  if (cached) return cached;
  const result: FileTracing = { calls: [], byCall: new Map(), byCallback: new Map() };
  if (fileImportsKind(context, 'tracing')) {
    const keys = context.sourceCode.visitorKeys;
    const walk = (node: TSESTree.Node): void => {
      if (node.type === AST_NODE_TYPES.CallExpression) {
        const traced = classifyTracingCall(context, node);
        if (traced) {
          result.calls.push(traced);
          result.byCall.set(node, traced);
          if (traced.callbackNode) result.byCallback.set(traced.callbackNode, traced);
        }
      }
      for (const key of keys[node.type] ?? []) {
        const child = (node as unknown as Record<string, unknown>)[key];
        if (Array.isArray(child)) {
          for (const c of child) if (c && typeof (c as TSESTree.Node).type === 'string') walk(c as TSESTree.Node);
        } else if (child && typeof (child as TSESTree.Node).type === 'string') {
          walk(child as TSESTree.Node);
        }
      }
    };
    walk(context.sourceCode.ast);
  }
  fileCache.set(context.sourceCode, result);
  return result;
}

/** The tracing call that runs `fn` inside a span: as a callback in place, by name, or as a decorated method. */
export function tracingCallOf(context: Context, fn: FunctionNode): TracingCall | undefined {
  const { byCallback } = tracingCalls(context);
  const direct = byCallback.get(fn);
  if (direct) return direct;
  // `async function answer() {…}; export const traced = trace(answer);`
  let id: TSESTree.Identifier | null | undefined;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) id = fn.id;
  else if (fn.parent.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.init === fn && fn.parent.id.type === AST_NODE_TYPES.Identifier) id = fn.parent.id;
  if (!id || byCallback.size === 0) return undefined;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(id), id);
  for (const ref of variable?.references ?? []) {
    const traced = byCallback.get(ref.identifier);
    if (traced) return traced;
  }
  return undefined;
}

export interface TracedFunction {
  fn: FunctionNode;
  traced: TracingCall;
}

/** The innermost function around `node` that runs inside a span (trace/withSpan/startActiveSpan). */
export function enclosingTracedFunction(context: Context, node: TSESTree.Node): TracedFunction | undefined {
  for (let n: TSESTree.Node | undefined = node.parent; n; n = n.parent) {
    if (isFunctionNode(n)) {
      const traced = tracingCallOf(context, n);
      if (traced) return { fn: n, traced };
    }
  }
  return undefined;
}

export function enclosingFunction(node: TSESTree.Node): FunctionNode | undefined {
  for (let n: TSESTree.Node | undefined = node.parent; n; n = n.parent) if (isFunctionNode(n)) return n;
  return undefined;
}

/**
 * A `startSpan` whose span is live at `node`: started earlier in a function that contains `node`
 * (or at top level), and not ended by a `span.end()` written between the start and `node`.
 */
export function liveStartedSpanAt(context: Context, node: TSESTree.Node): TracingCall | undefined {
  const start = node.range[0];
  for (const traced of tracingCalls(context).calls) {
    if (traced.kind !== 'startSpan' || traced.call.range[1] > start) continue;
    const owner = enclosingFunction(traced.call);
    if (owner && !(owner.range[0] <= start && start < owner.range[1])) continue;
    const variable = spanVariable(context, traced);
    const endedBefore = variable?.references.some((ref) => {
      const member = ref.identifier.parent;
      return (
        member.type === AST_NODE_TYPES.MemberExpression &&
        member.object === ref.identifier &&
        !member.computed &&
        member.property.type === AST_NODE_TYPES.Identifier &&
        member.property.name === 'end' &&
        member.parent.type === AST_NODE_TYPES.CallExpression &&
        member.range[1] <= start &&
        member.range[0] > traced.call.range[1] &&
        // An `end()` in a `finally` runs after the rest of the `try`.
        !isInFinally(member, node)
      );
    });
    if (!endedBefore) return traced;
  }
  return undefined;
}

/** Whether `end` sits in the `finally` of a `try` whose block contains `node`. */
function isInFinally(end: TSESTree.Node, node: TSESTree.Node): boolean {
  for (let n: TSESTree.Node | undefined = end.parent; n; n = n.parent) {
    const parent: TSESTree.Node | undefined = n.parent;
    if (parent?.type === AST_NODE_TYPES.TryStatement && parent.finalizer === n) {
      return parent.block.range[0] <= node.range[0] && node.range[1] <= parent.block.range[1];
    }
  }
  return false;
}

/** Whether `node` runs inside a span: a traced function, or a `startSpan` span that is live there. */
export function isInTracedScope(context: Context, node: TSESTree.Node): boolean {
  return enclosingTracedFunction(context, node) !== undefined || liveStartedSpanAt(context, node) !== undefined;
}
