/**
 * The tracking client's call shapes, recognised by import binding (imports.ts), for the rules on
 * runs, metrics, params and tags:
 *
 * - a run handle: `const run = await startRun(options)`, the `run` parameter of
 *   `startRun(options, async (run) => …)` or of `startRun().then((run) => …)`, `getActiveRun()`,
 *   or a value declared `ActiveRun`; its methods take the key first: `run.logMetric(key, value, step)`;
 * - a client: `new MlflowClient()`, `getDefaultClient()`, `run.client`, or a value declared
 *   `MlflowClient`; its methods take the run id first: `client.logMetric(runId, key, value, {step})`;
 * - a fluent function (Python-style SDKs): `logMetric(key, value)` imported from a tracking module.
 *
 * imports.ts follows `const` bindings; this module adds what only the tracking API gives meaning
 * to: callback parameters, type annotations and class fields.
 */
import { ASTUtils, TSESLint, AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { CALL, CONSTRUCT, memberName, sdkCallee, sdkReference, skipTransparent } from './imports.ts';
import { getSettings, matchesModule } from './settings.ts';

const { DefinitionType } = TSESLint.Scope;

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export type TrackingValue = 'run' | 'client';

export interface TrackingCall {
  receiver: TrackingValue | 'fluent';
  /** The method (or fluent function) name: `logMetric`, `logBatch`, … */
  method: string;
  /** The arguments after the run id of a client call, so `args[0]` is always the key or the record. */
  args: readonly TSESTree.CallExpressionArgument[];
  call: TSESTree.CallExpression;
}

const RUN_TYPE = 'ActiveRun';
const CLIENT_TYPE = 'MlflowClient';
const MAX_DEPTH = 8;

/** Whether `call` calls the tracking module's export `name` (`startRun`, `getActiveRun`), however imported. */
export function callsTracking(context: Context, call: TSESTree.Node, names: readonly string[]): call is TSESTree.CallExpression {
  const node = skipTransparent(call);
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const ref = sdkCallee(context, node, 'tracking');
  return ref !== undefined && ref.path.length === 1 && names.includes(ref.path[0]!);
}

/** `startRun(options, fn)`: the callback form, which ends the run itself. */
export function hasRunCallback(call: TSESTree.CallExpression): boolean {
  const fn = call.arguments[1];
  return fn !== undefined && fn.type !== AST_NODE_TYPES.SpreadElement && !(fn.type === AST_NODE_TYPES.Identifier && fn.name === 'undefined');
}

/** A `startRun(...)` call that returns a handle (no callback), through any import form. */
export function isHandleStartRun(context: Context, node: TSESTree.Node | null | undefined): node is TSESTree.CallExpression {
  return node != null && callsTracking(context, node, ['startRun']) && !hasRunCallback(skipTransparent(node) as TSESTree.CallExpression);
}

/**
 * The import a type annotation names (`run: ActiveRun`, `c: mlflow.MlflowClient`, `s: Span`),
 * type-only imports included, as the module source and the exported name.
 */
export function annotationImport(context: Context, annotation: TSESTree.TSTypeAnnotation | undefined): { module: string; name: string } | undefined {
  const type = annotation?.typeAnnotation;
  if (type?.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
  const typeName = type.typeName;
  const local = typeName.type === AST_NODE_TYPES.Identifier ? typeName : typeName.type === AST_NODE_TYPES.TSQualifiedName && typeName.left.type === AST_NODE_TYPES.Identifier ? typeName.left : undefined;
  if (!local) return undefined;
  const def = ASTUtils.findVariable(context.sourceCode.getScope(local), local)?.defs[0];
  if (def?.type !== DefinitionType.ImportBinding || def.parent.type !== AST_NODE_TYPES.ImportDeclaration) return undefined;
  const spec = def.node;
  const module = def.parent.source.value;
  if (local === typeName) {
    if (spec.type === AST_NODE_TYPES.ImportSpecifier) return { module, name: spec.imported.type === AST_NODE_TYPES.Identifier ? spec.imported.name : spec.imported.value };
    if (spec.type === AST_NODE_TYPES.ImportDefaultSpecifier) return { module, name: 'default' };
    return undefined;
  }
  // ns.Name: a namespace import's member.
  return spec.type === AST_NODE_TYPES.ImportNamespaceSpecifier && typeName.type === AST_NODE_TYPES.TSQualifiedName ? { module, name: typeName.right.name } : undefined;
}

/** The tracking type a type annotation names: a run handle or a client. */
function annotatedValue(context: Context, annotation: TSESTree.TSTypeAnnotation | undefined): TrackingValue | undefined {
  const ref = annotationImport(context, annotation);
  if (!ref || matchesModule(ref.module, context.filename, getSettings(context).trackingModules) === undefined) return undefined;
  return ref.name === RUN_TYPE ? 'run' : ref.name === CLIENT_TYPE ? 'client' : undefined;
}

/** A class field's declared type and the values assigned to it (initialiser, `this.x = …` in the constructor). */
export function classField(member: TSESTree.MemberExpression): { annotation?: TSESTree.TSTypeAnnotation; values: TSESTree.Node[] } | undefined {
  const name = memberName(member);
  if (member.object.type !== AST_NODE_TYPES.ThisExpression || name === undefined) return undefined;
  let body: TSESTree.Node | undefined = member.parent;
  while (body && body.type !== AST_NODE_TYPES.ClassBody) body = body.parent;
  if (!body) return undefined;
  let annotation: TSESTree.TSTypeAnnotation | undefined;
  const values: TSESTree.Node[] = [];
  for (const el of body.body) {
    if (el.type === AST_NODE_TYPES.PropertyDefinition && !el.computed && el.key.type === AST_NODE_TYPES.Identifier && el.key.name === name) {
      annotation = el.typeAnnotation;
      if (el.value) values.push(el.value);
    } else if (el.type === AST_NODE_TYPES.MethodDefinition && el.kind === 'constructor') {
      for (const p of el.value.params) {
        if (p.type === AST_NODE_TYPES.TSParameterProperty && p.parameter.type === AST_NODE_TYPES.Identifier && p.parameter.name === name) annotation = p.parameter.typeAnnotation;
      }
      for (const s of el.value.body?.body ?? []) {
        if (s.type !== AST_NODE_TYPES.ExpressionStatement || s.expression.type !== AST_NODE_TYPES.AssignmentExpression) continue;
        const left = s.expression.left;
        if (left.type === AST_NODE_TYPES.MemberExpression && left.object.type === AST_NODE_TYPES.ThisExpression && memberName(left) === name) values.push(s.expression.right);
      }
    }
  }
  return { annotation, values };
}

/** The tracking value an SDK reference path ends in: `startRun()`, `getActiveRun()`, `MlflowClient.new()`, `….client`. */
function valueOfPath(path: readonly string[]): TrackingValue | undefined {
  const text = path.join(' ');
  if (text === `startRun ${CALL}` || text === `getActiveRun ${CALL}`) return 'run';
  if (text === `${CLIENT_TYPE} ${CONSTRUCT}` || text === `getDefaultClient ${CALL}`) return 'client';
  if (path.length > 1 && path[path.length - 1] === 'client' && valueOfPath(path.slice(0, -1)) === 'run') return 'client';
  return undefined;
}

/** The function parameter `id` is declared by, when it is the run a callback receives. */
function runParameter(context: Context, fn: TSESTree.Node, param: TSESTree.Node, depth: number): boolean {
  if ((fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.type !== AST_NODE_TYPES.FunctionExpression) || fn.params[0] !== param) return false;
  const call = fn.parent;
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  // startRun(options, (run) => …)
  if (call.arguments[1] === fn && callsTracking(context, call, ['startRun'])) return true;
  // startRun(options).then((run) => …)
  const callee = call.callee;
  return (
    call.arguments[0] === fn &&
    callee.type === AST_NODE_TYPES.MemberExpression &&
    memberName(callee) === 'then' &&
    trackingValueOf(context, callee.object, depth + 1) === 'run'
  );
}

/** What `expression` holds for the tracking SDK: a run handle, a client, or neither (undefined). */
export function trackingValueOf(context: Context, expression: TSESTree.Node, depth = 0): TrackingValue | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const node = skipTransparent(expression);
  if (node.type === AST_NODE_TYPES.CallExpression && callsTracking(context, node, ['startRun']) && hasRunCallback(node)) return undefined;
  const ref = sdkReference(context, node, 'tracking');
  if (ref) return valueOfPath(ref.path);
  switch (node.type) {
    case AST_NODE_TYPES.Identifier: {
      const variable = ASTUtils.findVariable(context.sourceCode.getScope(node), node);
      const def = variable?.defs[0];
      if (!def) return undefined;
      if (def.type === DefinitionType.Variable && def.node.id.type === AST_NODE_TYPES.Identifier) {
        return annotatedValue(context, def.node.id.typeAnnotation) ?? (def.node.init ? trackingValueOf(context, def.node.init, depth + 1) : undefined);
      }
      if (def.type === DefinitionType.Parameter && def.name.type === AST_NODE_TYPES.Identifier) {
        return annotatedValue(context, def.name.typeAnnotation) ?? (runParameter(context, def.node, def.name, depth) ? 'run' : undefined);
      }
      return undefined;
    }
    case AST_NODE_TYPES.MemberExpression: {
      if (memberName(node) === 'client' && trackingValueOf(context, node.object, depth + 1) === 'run') return 'client';
      const field = classField(node);
      if (!field) return undefined;
      return annotatedValue(context, field.annotation) ?? field.values.map((v) => trackingValueOf(context, v, depth + 1)).find((v) => v !== undefined);
    }
    default:
      return undefined;
  }
}

/** Methods of a run handle that log, with the key (or record) first. */
const RUN_METHODS = ['logMetric', 'logParam', 'setTag', 'logMetrics', 'logParams', 'setTags', 'logArtifact', 'logArtifacts', 'end'];
/** Methods of a client that take the run id first. */
const CLIENT_METHODS = ['logMetric', 'logParam', 'setTag', 'logBatch', 'deleteTag', 'logArtifact', 'logArtifacts', 'updateRun'];

/**
 * A tracking SDK call on a run handle, a client, or a fluent function, with its arguments
 * aligned so `args[0]` is the key (or record, or batch) whatever the receiver.
 */
export function trackingCallOf(context: Context, call: TSESTree.CallExpression): TrackingCall | undefined {
  const callee = skipTransparent(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = memberName(callee);
    if (method === undefined) return undefined;
    const receiver = trackingValueOf(context, callee.object);
    if (receiver === 'run' && RUN_METHODS.includes(method)) return { receiver, method, args: call.arguments, call };
    if (receiver === 'client' && CLIENT_METHODS.includes(method)) return { receiver, method, args: call.arguments.slice(1), call };
    if (receiver !== undefined) return undefined;
  }
  // A module-level function, imported directly or through a namespace: `logMetric(k, v)`, `mlflow.logMetric(k, v)`.
  const ref = sdkCallee(context, call, 'tracking');
  if (ref?.path.length === 1) return { receiver: 'fluent', method: ref.path[0]!, args: call.arguments, call };
  return undefined;
}

/** The value of a `key` property of an object literal, for static keys (`{ tags: … }`, `{ 'tags': … }`). */
export function propertyValue(node: TSESTree.Node | undefined, key: string): TSESTree.Node | undefined {
  const object = node && skipTransparent(node);
  if (object?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  for (const p of object.properties) {
    if (p.type !== AST_NODE_TYPES.Property) continue;
    const name = !p.computed && p.key.type === AST_NODE_TYPES.Identifier ? p.key.name : p.key.type === AST_NODE_TYPES.Literal ? String(p.key.value) : undefined;
    if (name === key) return p.value;
  }
  return undefined;
}
