import { ASTUtils, TSESLint, AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../utils/create-rule.ts';
import { fileImportsKind, memberName, skipTransparent } from '../utils/imports.ts';
import { isHandleStartRun } from '../utils/tracking.ts';

const { DefinitionType } = TSESLint.Scope;

type MessageId = 'discarded' | 'neverEnded' | 'notEndedOnEveryPath' | 'notEndedOnThrow' | 'useAwaitUsing' | 'useCallback';
type Segment = TSESLint.CodePathSegment;
type CodePath = TSESLint.CodePath;

interface Started {
  declarator: TSESTree.VariableDeclarator;
  id: TSESTree.Identifier;
  segments: Segment[];
}

const isFunction = (n: TSESTree.Node): n is TSESTree.FunctionLike =>
  n.type === AST_NODE_TYPES.FunctionDeclaration || n.type === AST_NODE_TYPES.FunctionExpression || n.type === AST_NODE_TYPES.ArrowFunctionExpression;

/** The function (or program) whose code path a node belongs to. */
function owner(node: TSESTree.Node): TSESTree.Node {
  let n = node.parent;
  while (n && !isFunction(n) && n.type !== AST_NODE_TYPES.Program) n = n.parent;
  return n ?? node;
}

/**
 * How a reference uses the run: `end` (run.end()), `escape` (the handle leaves this function's
 * hands: returned, passed on, stored, or captured by a closure that may end it later), or a plain use.
 */
function classify(ref: TSESTree.Node, declaredIn: TSESTree.Node): 'end' | 'escape' | 'use' {
  if (owner(ref) !== declaredIn) return 'escape';
  const parent: TSESTree.Node | undefined = ref.parent;
  if (!parent) return 'escape';
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === ref) {
    const call = parent.parent;
    return call.type === AST_NODE_TYPES.CallExpression && call.callee === parent && memberName(parent) === 'end' ? 'end' : 'use';
  }
  if (parent.type === AST_NODE_TYPES.TSNonNullExpression || parent.type === AST_NODE_TYPES.TSAsExpression) return classify(parent, declaredIn);
  return 'escape';
}

function isInFinallyOrCatch(node: TSESTree.Node, stop: TSESTree.Node): boolean {
  for (let n: TSESTree.Node | undefined = node; n && n !== stop; n = n.parent) {
    const p: TSESTree.Node | undefined = n.parent;
    if (p?.type === AST_NODE_TYPES.TryStatement && p.finalizer === n) return true;
    if (n.type === AST_NODE_TYPES.CatchClause) return true;
  }
  return false;
}

/** Whether anything that may throw (a call, an await, a throw) sits between the run's start and `end`. */
function mayThrowBetween(sourceCode: Readonly<TSESLint.SourceCode>, from: TSESTree.Node, to: TSESTree.Node, endCalls: readonly TSESTree.Node[]): boolean {
  const [start, stop] = [from.range[1], to.range[0]];
  let found = false;
  const visit = (n: TSESTree.Node): void => {
    if (found || n.range[1] <= start || n.range[0] >= stop) return;
    if (n.range[0] >= start && n.range[1] <= stop && !endCalls.some((e) => e.range[0] <= n.range[0] && n.range[1] <= e.range[1])) {
      if (n.type === AST_NODE_TYPES.CallExpression || n.type === AST_NODE_TYPES.AwaitExpression || n.type === AST_NODE_TYPES.NewExpression || n.type === AST_NODE_TYPES.ThrowStatement) {
        found = true;
        return;
      }
      if (isFunction(n)) return;
    }
    for (const key of sourceCode.visitorKeys[n.type] ?? []) {
      const child = (n as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const c of child) if (c) visit(c as TSESTree.Node);
      }
      else if (child && typeof child === 'object') visit(child as TSESTree.Node);
    }
  };
  visit(owner(from));
  return found;
}

export default createRule<[], MessageId>({
  name: 'run-must-end',
  meta: {
    type: 'problem',
    docs: { description: 'Require a run started without a callback to be ended on every path', recommended: 'recommended' },
    hasSuggestions: true,
    schema: [],
    messages: {
      discarded: 'The run handle is dropped, so nothing can end this run and it stays RUNNING. Keep the handle and end it, or pass a callback: startRun(options, async (run) => ...).',
      neverEnded: "'{{name}}' is never ended, so the run stays RUNNING in MLflow forever. End it in a finally block, declare it with `await using`, or use startRun(options, callback).",
      notEndedOnEveryPath: "'{{name}}' is not ended on every path (an early return or throw skips {{name}}.end()), so the run can stay RUNNING.",
      notEndedOnThrow: "If anything between startRun() and {{name}}.end() throws, the run stays RUNNING: end it in a finally block (FAILED in catch), declare it with `await using`, or use startRun(options, callback).",
      useAwaitUsing: 'Declare it with `await using`, which ends the run (FINISHED) when the scope exits, however it exits.',
      useCallback: 'Pass a callback instead.',
    },
  },
  defaultOptions: [],
  create(context) {
    if (!fileImportsKind(context, 'tracking')) return {};
    const sourceCode = context.sourceCode;
    const segmentStack: Set<Segment>[] = [];
    const started = new Map<CodePath, Started[]>();
    const pathStack: CodePath[] = [];
    /** Segments where each run's end() is called, keyed by the run's declarator. */
    const endSegments = new Map<TSESTree.VariableDeclarator, Map<Segment, number>>();

    const current = (): Set<Segment> => segmentStack[segmentStack.length - 1] ?? new Set();

    const suggestAwaitUsing = (declarator: TSESTree.VariableDeclarator): TSESLint.ReportSuggestionArray<MessageId> => {
      const declaration = declarator.parent;
      const fn = owner(declarator);
      const asyncContext = fn.type === AST_NODE_TYPES.Program ? fn.sourceType === 'module' : isFunction(fn) && fn.async;
      if (declaration.kind !== 'const' || declaration.declarations.length !== 1 || !asyncContext || declaration.parent.type === AST_NODE_TYPES.ExportNamedDeclaration) return [];
      const constToken = sourceCode.getFirstToken(declaration);
      return constToken ? [{ messageId: 'useAwaitUsing', fix: (fixer) => fixer.replaceText(constToken, 'await using') }] : [];
    };

    const analyse = (run: Started): void => {
      const declaredIn = owner(run.declarator);
      const variable = ASTUtils.findVariable(sourceCode.getScope(run.id), run.id);
      if (!variable) return;
      const uses = variable.references.filter((r) => r.identifier !== run.id).map((r) => ({ id: r.identifier as TSESTree.Identifier, kind: classify(r.identifier as TSESTree.Identifier, declaredIn) }));
      if (uses.some((u) => u.kind === 'escape')) return;
      const ends = uses.filter((u) => u.kind === 'end').map((u) => {
        let n: TSESTree.Node = u.id;
        while (n.type !== AST_NODE_TYPES.CallExpression) n = n.parent!;
        return n;
      });
      const data = { name: run.id.name };
      if (ends.length === 0) {
        context.report({ node: run.declarator, messageId: 'neverEnded', data, suggest: suggestAwaitUsing(run.declarator) });
        return;
      }
      const marks = endSegments.get(run.declarator) ?? new Map<Segment, number>();
      // Every path from the start to an exit of this function must pass a segment that ends the run.
      const startPos = run.declarator.range[1];
      const visited = new Set<Segment>();
      const leaks = (segment: Segment, first: boolean): boolean => {
        const endAt = marks.get(segment);
        if (endAt !== undefined && (!first || endAt >= startPos)) return false;
        if (!first) {
          if (visited.has(segment)) return false;
          visited.add(segment);
        }
        const next = segment.nextSegments.filter((s) => s.reachable);
        if (next.length === 0) return true;
        return next.some((s) => leaks(s, false));
      };
      if (run.segments.some((s) => s.reachable && leaks(s, true))) {
        context.report({ node: run.declarator, messageId: 'notEndedOnEveryPath', data, suggest: suggestAwaitUsing(run.declarator) });
        return;
      }
      // Code-path analysis does not model calls that throw; an end() outside finally/catch is skipped by them.
      if (!ends.some((e) => isInFinallyOrCatch(e, declaredIn)) && mayThrowBetween(sourceCode, run.declarator, ends[ends.length - 1]!, ends)) {
        context.report({ node: run.declarator, messageId: 'notEndedOnThrow', data, suggest: suggestAwaitUsing(run.declarator) });
      }
    };

    return {
      onCodePathStart(codePath: CodePath) {
        pathStack.push(codePath);
        segmentStack.push(new Set());
      },
      onCodePathEnd(codePath: CodePath) {
        for (const run of started.get(codePath) ?? []) analyse(run);
        pathStack.pop();
        segmentStack.pop();
      },
      onCodePathSegmentStart(segment: Segment) {
        current().add(segment);
      },
      onCodePathSegmentEnd(segment: Segment) {
        current().delete(segment);
      },
      onUnreachableCodePathSegmentStart(segment: Segment) {
        current().add(segment);
      },
      onUnreachableCodePathSegmentEnd(segment: Segment) {
        current().delete(segment);
      },
      ExpressionStatement(node) {
        const expr = node.expression.type === AST_NODE_TYPES.UnaryExpression && node.expression.operator === 'void' ? node.expression.argument : node.expression;
        if (isHandleStartRun(context, expr)) context.report({ node, messageId: 'discarded' });
      },
      VariableDeclarator(node) {
        if (node.id.type !== AST_NODE_TYPES.Identifier || !isHandleStartRun(context, node.init)) return;
        const declaration = node.parent;
        // `using` / `await using` end the run when the scope exits.
        if (declaration.kind === 'await using' || declaration.kind === 'using') return;
        if (skipTransparent(node.init) === node.init) return; // not awaited: a promise, handled through .then or passed on
        const codePath = pathStack[pathStack.length - 1];
        if (!codePath) return;
        const list = started.get(codePath) ?? [];
        list.push({ declarator: node, id: node.id, segments: [...current()] });
        started.set(codePath, list);
      },
      'CallExpression:exit'(node: TSESTree.CallExpression) {
        // run.end(): remember the segments it runs in, for its run's declarator.
        const callee = node.callee;
        if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier || callee.property.name !== 'end') return;
        const obj = skipTransparent(callee.object);
        if (obj.type !== AST_NODE_TYPES.Identifier) return;
        const def = ASTUtils.findVariable(sourceCode.getScope(obj), obj)?.defs[0];
        if (def?.type !== DefinitionType.Variable) return;
        const marks = endSegments.get(def.node) ?? new Map<Segment, number>();
        for (const s of current()) if (!marks.has(s)) marks.set(s, node.range[0]);
        endSegments.set(def.node, marks);
      },
    };
  },
});
