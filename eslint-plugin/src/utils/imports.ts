/**
 * Finds SDK calls by their import binding, through ESLint's scope analysis: `withSpan` is the
 * SDK's only when the identifier resolves to an import (or `require`) of a configured module, so
 * a shadowing parameter or a local helper of the same name is never matched.
 *
 * A reference resolves to the module and the path walked from the module's exports:
 *
 * | code                                                        | module         | name                          |
 * |-------------------------------------------------------------|----------------|-------------------------------|
 * | `import { withSpan as ws } from m; ws(…)`                   | m              | `withSpan`                    |
 * | `import * as mlflow from m; mlflow.withSpan(…)`             | m              | `withSpan`                    |
 * | `import OpenAI from 'openai'; new OpenAI().chat.completions.create(…)` | openai | `default.new().chat.completions.create` |
 * | `const tracer = trace.getTracer('x'); tracer.startSpan(…)`  | @opentelemetry/api | `trace.getTracer().startSpan` |
 * | `const { startSpan } = require(m); startSpan(…)`            | m              | `startSpan`                   |
 *
 * Only `const` bindings (or bindings never written after their declaration) are followed, so the
 * result holds wherever the binding is read.
 */
import { ASTUtils, AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { getSettings, matchesModule, modulesOf, type ModuleKind } from './settings.ts';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** A call step in a path: `f()` is `['f', CALL]`, `new C()` is `['C', CONSTRUCT]`. */
export const CALL = '()';
export const CONSTRUCT = 'new()';

export interface SdkReference {
  /** The import source as written (`'openai'`, `'../tracing/index.ts'`). */
  module: string;
  /** The configured entry it matched (`'openai'`, `'**' + '/src/tracing/index.ts'`). */
  matched: string;
  /** Steps from the module's exports: property names, `CALL` and `CONSTRUCT`. */
  path: readonly string[];
  /** `path` as text: `trace.getTracer().startSpan`, `default.new().chat.completions.create`. */
  name: string;
}

interface RawReference {
  module: string;
  path: readonly string[];
}

const MAX_DEPTH = 12;

export function pathName(path: readonly string[]): string {
  let out = '';
  for (const step of path) out += step === CALL ? CALL : out === '' ? step : `.${step}`;
  return out;
}

/** Strips wrappers that do not change which value an expression is. */
export function skipTransparent(node: TSESTree.Node): TSESTree.Node {
  let n = node;
  for (;;) {
    switch (n.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.TSInstantiationExpression:
        n = n.expression;
        break;
      case AST_NODE_TYPES.ChainExpression:
        n = n.expression;
        break;
      case AST_NODE_TYPES.AwaitExpression:
        n = n.argument;
        break;
      default:
        return n;
    }
  }
}

/** The name of a non-computed member, or of a computed one with a string literal key. */
export function memberName(member: TSESTree.MemberExpression): string | undefined {
  if (!member.computed) return member.property.type === AST_NODE_TYPES.Identifier ? member.property.name : undefined;
  const p = member.property;
  if (p.type === AST_NODE_TYPES.Literal && typeof p.value === 'string') return p.value;
  if (p.type === AST_NODE_TYPES.TemplateLiteral && p.expressions.length === 0) return p.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

function staticString(node: TSESTree.Node | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

function isRequireCall(node: TSESTree.CallExpression, context: Context): boolean {
  if (node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'require') return false;
  // A local `require` is not Node's.
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(node), node.callee);
  return variable === null || variable.defs.length === 0;
}

/** True when the variable holds one value for its whole life (const, or never written after init). */
function isStable(variable: TSESLint.Scope.Variable): boolean {
  if (variable.defs.length !== 1) return false;
  return variable.references.every((r) => !r.isWrite() || r.init === true);
}

/** Keys from a destructuring declarator's pattern down to `target` (`{ a: { b } }` → ['a', 'b']). */
function patternPath(target: TSESTree.Node, declaratorId: TSESTree.Node): string[] | undefined {
  const keys: string[] = [];
  let node: TSESTree.Node = target;
  while (node !== declaratorId) {
    const parent: TSESTree.Node | undefined = node.parent;
    if (!parent) return undefined;
    if (parent.type === AST_NODE_TYPES.Property) {
      if (parent.value !== node) return undefined;
      const key = parent.computed ? staticString(parent.key) : parent.key.type === AST_NODE_TYPES.Identifier ? parent.key.name : staticString(parent.key);
      if (key === undefined) return undefined;
      keys.unshift(key);
      node = parent.parent; // the ObjectPattern
    } else if (parent.type === AST_NODE_TYPES.AssignmentPattern && parent.left === node) {
      node = parent;
    } else {
      return undefined;
    }
  }
  return keys;
}

function resolveVariable(variable: TSESLint.Scope.Variable, context: Context, depth: number): RawReference | undefined {
  if (!isStable(variable)) return undefined;
  const def = variable.defs[0];
  if (!def) return undefined;
  if (def.type === TSESLint.Scope.DefinitionType.ImportBinding) {
    const decl = def.parent;
    if (decl.type !== AST_NODE_TYPES.ImportDeclaration || decl.importKind === 'type') return undefined;
    const module = decl.source.value;
    const spec = def.node;
    if (spec.type === AST_NODE_TYPES.ImportNamespaceSpecifier) return { module, path: [] };
    if (spec.type === AST_NODE_TYPES.ImportDefaultSpecifier) return { module, path: ['default'] };
    if (spec.type === AST_NODE_TYPES.ImportSpecifier) {
      if (spec.importKind === 'type') return undefined;
      const imported = spec.imported.type === AST_NODE_TYPES.Identifier ? spec.imported.name : spec.imported.value;
      return { module, path: [imported] };
    }
    return undefined;
  }
  if (def.type === TSESLint.Scope.DefinitionType.Variable) {
    const declarator = def.node;
    if (!declarator.init) return undefined;
    const base = resolveExpression(declarator.init, context, depth + 1);
    if (!base) return undefined;
    if (declarator.id.type === AST_NODE_TYPES.Identifier) return base;
    const keys = patternPath(def.name, declarator.id);
    return keys ? { module: base.module, path: [...base.path, ...keys] } : undefined;
  }
  return undefined;
}

function resolveExpression(expression: TSESTree.Node, context: Context, depth: number): RawReference | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const node = skipTransparent(expression);
  switch (node.type) {
    case AST_NODE_TYPES.Identifier: {
      const variable = ASTUtils.findVariable(context.sourceCode.getScope(node), node);
      return variable ? resolveVariable(variable, context, depth) : undefined;
    }
    case AST_NODE_TYPES.MemberExpression: {
      const name = memberName(node);
      if (name === undefined) return undefined;
      const base = resolveExpression(node.object, context, depth + 1);
      return base && { module: base.module, path: [...base.path, name] };
    }
    case AST_NODE_TYPES.CallExpression: {
      if (isRequireCall(node, context)) {
        const module = staticString(node.arguments[0]);
        return module === undefined ? undefined : { module, path: [] };
      }
      const base = resolveExpression(node.callee, context, depth + 1);
      return base && { module: base.module, path: [...base.path, CALL] };
    }
    case AST_NODE_TYPES.NewExpression: {
      const base = resolveExpression(node.callee, context, depth + 1);
      return base && { module: base.module, path: [...base.path, CONSTRUCT] };
    }
    case AST_NODE_TYPES.ImportExpression: {
      const module = staticString(node.source);
      return module === undefined ? undefined : { module, path: [] };
    }
    default:
      return undefined;
  }
}

/**
 * What `node` (an identifier, member chain, call or `new`) refers to in a module of `kind`, or
 * undefined when it is not (provably) from one.
 */
export function sdkReference(context: Context, node: TSESTree.Node, kind: ModuleKind): SdkReference | undefined {
  if (!fileImportsKind(context, kind)) return undefined;
  const raw = resolveExpression(node, context, 0);
  if (!raw) return undefined;
  const matched = matchesModule(raw.module, context.filename, modulesOf(getSettings(context), kind));
  return matched === undefined ? undefined : { module: raw.module, matched, path: raw.path, name: pathName(raw.path) };
}

/** The SDK function a call calls (`sdkCallee(context, call, 'tracing')?.name === 'withSpan'`). */
export function sdkCallee(context: Context, call: TSESTree.CallExpression | TSESTree.NewExpression, kind: ModuleKind): SdkReference | undefined {
  return sdkReference(context, call.callee, kind);
}

const importCache = new WeakMap<object, Map<string, boolean>>();

/**
 * Whether the file imports (or requires) any module of `kind` at all. Rules call it first so files
 * without the SDK cost one scan of the top-level statements.
 */
export function fileImportsKind(context: Context, kind: ModuleKind): boolean {
  const modules = modulesOf(getSettings(context), kind);
  const key = `${kind}\0${modules.join('\0')}`;
  let perFile = importCache.get(context.sourceCode);
  if (!perFile) {
    perFile = new Map();
    importCache.set(context.sourceCode, perFile);
  }
  const cached = perFile.get(key);
  if (cached !== undefined) return cached;
  const found = moduleSources(context.sourceCode).some((source) => matchesModule(source, context.filename, modules) !== undefined);
  perFile.set(key, found);
  return found;
}

const sourcesCache = new WeakMap<object, string[]>();

/** Every static import, re-export, `require('…')` and `import('…')` source of the file. */
function moduleSources(sourceCode: Readonly<TSESLint.SourceCode>): string[] {
  const cached = sourcesCache.get(sourceCode);
  if (cached) return cached;
  const sources: string[] = [];
  for (const statement of sourceCode.ast.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration && statement.importKind !== 'type') sources.push(statement.source.value);
  }
  // require()/import() can sit anywhere; a text pre-check keeps the common case to one regex scan.
  const text = sourceCode.text;
  if (text.includes('require(') || text.includes('import(')) {
    for (const match of text.matchAll(/\b(?:require|import)\(\s*(['"`])([^'"`]+)\1/g)) {
      if (match[2] !== undefined) sources.push(match[2]);
    }
  }
  sourcesCache.set(sourceCode, sources);
  return sources;
}
