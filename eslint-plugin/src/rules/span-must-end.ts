/**
 * A manually started span (`startSpan`, OpenTelemetry's `tracer.startSpan`, and the span an
 * OpenTelemetry `startActiveSpan` callback receives) must be ended on every path out of the
 * function: otherwise it is never exported and the SDK keeps it in memory. MLflow's `withSpan`
 * and `trace` end their spans themselves and are not checked.
 */
import { AST_NODE_TYPES, AST_TOKEN_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { createCodePathTracker, createExitRecorder, findUnreleasedExit, mergeListeners, type CodePath, type PathPoint } from '../utils/code-path.ts';
import { createRule } from '../utils/create-rule.ts';
import { fileImportsKind, pathName } from '../utils/imports.ts';
import { spanUses } from '../utils/spans.ts';
import { enclosingFunction, isFunctionNode, spanVariable, tracingCalls, type FunctionNode, type TracingCall } from '../utils/tracing.ts';

type MessageId = 'discarded' | 'neverEnded' | 'notEndedOnPath' | 'mayThrow' | 'wrapInTryFinally';

interface Acquisition {
  traced: TracingCall;
  variable: TSESLint.Scope.Variable;
  owner: FunctionNode | undefined;
  point: PathPoint;
  /** Statements the span is live over, for the try/finally suggestion: the list and the index before them. */
  statements: readonly TSESTree.Node[] | undefined;
  index: number;
}

type Context = Readonly<TSESLint.RuleContext<MessageId, []>>;

const RISKY = new Set<string>([AST_NODE_TYPES.CallExpression, AST_NODE_TYPES.NewExpression, AST_NODE_TYPES.AwaitExpression, AST_NODE_TYPES.YieldExpression]);

/** The first expression between `from` and `to` that may throw outside a `try` of `owner`, if any. */
function firstUnguardedThrow(
  context: Context,
  owner: FunctionNode | undefined,
  from: number,
  to: number,
  spanName: string,
): TSESTree.Node | undefined {
  const root: TSESTree.Node = owner ? owner.body : context.sourceCode.ast;
  let found: TSESTree.Node | undefined;
  const keys = context.sourceCode.visitorKeys;
  const visit = (node: TSESTree.Node, guarded: boolean): void => {
    if (found || node.range[1] <= from || node.range[0] >= to) return;
    if (node !== root && isFunctionNode(node)) return;
    if (node.type === AST_NODE_TYPES.TryStatement) {
      visit(node.block, true);
      if (node.handler) visit(node.handler, guarded);
      if (node.finalizer) visit(node.finalizer, guarded);
      return;
    }
    if (!guarded && node.range[0] >= from && RISKY.has(node.type) && !isSpanMethodCall(node, spanName)) {
      found = node;
      return;
    }
    for (const key of keys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const c of Array.isArray(child) ? child : [child]) {
        if (c && typeof (c as TSESTree.Node).type === 'string') visit(c as TSESTree.Node, guarded);
      }
    }
  };
  visit(root, false);
  return found;
}

/** `span.setAttribute(…)` and the like: the SDK's span methods do not throw. */
function isSpanMethodCall(node: TSESTree.Node, spanName: string): boolean {
  return (
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.MemberExpression &&
    node.callee.object.type === AST_NODE_TYPES.Identifier &&
    node.callee.object.name === spanName
  );
}

function statementOf(node: TSESTree.Node): TSESTree.Node | undefined {
  let n: TSESTree.Node | undefined = node;
  while (n?.parent && n.parent.type !== AST_NODE_TYPES.BlockStatement && n.parent.type !== AST_NODE_TYPES.Program) {
    if (isFunctionNode(n.parent)) return undefined;
    n = n.parent;
  }
  return n;
}

function bodyStatements(node: TSESTree.Node | undefined): readonly TSESTree.Node[] | undefined {
  if (node?.type === AST_NODE_TYPES.BlockStatement || node?.type === AST_NODE_TYPES.Program) return node.body;
  return undefined;
}

/** The try/finally suggestion, when the statements after the start can be wrapped without moving declarations. */
function wrapSuggestion(context: Context, acquisition: Acquisition, ends: readonly TSESTree.CallExpression[]): TSESLint.ReportSuggestionArray<MessageId> {
  const { statements, index } = acquisition;
  const name = acquisition.variable.name;
  if (!statements) return [];
  let last = statements.length;
  let endText = `${name}.end();`;
  const endIndex = statements.findIndex(
    (s, i) => i > index && s.type === AST_NODE_TYPES.ExpressionStatement && ends.some((e) => e === s.expression),
  );
  if (endIndex >= 0) {
    last = endIndex;
    endText = context.sourceCode.getText(statements[endIndex]);
  } else if (ends.length > 0) {
    return [];
  }
  const wrapped = statements.slice(index + 1, last);
  const first = wrapped[0];
  const lastWrapped = wrapped[wrapped.length - 1];
  if (!first || !lastWrapped) return [];
  const [start, end] = [first.range[0], lastWrapped.range[1]];
  // A declaration moved into the try block must not be used outside it.
  for (const statement of wrapped) {
    for (const variable of context.sourceCode.getDeclaredVariables(statement)) {
      if (variable.references.some((r) => r.identifier.range[0] < start || r.identifier.range[0] >= end)) return [];
    }
  }
  const sourceCode = context.sourceCode;
  const lineStart = sourceCode.lines[first.loc.start.line - 1] ?? '';
  const indent = /^\s*/.exec(lineStart)?.[0] ?? '';
  const text = sourceCode.text.slice(start, end);
  const multilineLiteral = wrapped
    .flatMap((s) => sourceCode.getTokens(s))
    .some((t) => (t.type === AST_TOKEN_TYPES.Template || t.type === AST_TOKEN_TYPES.String) && t.loc.start.line !== t.loc.end.line);
  const body = multilineLiteral ? text : text.split('\n').map((line, i) => (i === 0 || line === '' ? line : `  ${line}`)).join('\n');
  const replacement = `try {\n${indent}  ${body}\n${indent}} finally {\n${indent}  ${endText}\n${indent}}`;
  const replaceEnd = endIndex >= 0 ? (statements[endIndex]?.range[1] ?? end) : end;
  return [
    {
      messageId: 'wrapInTryFinally',
      data: { name },
      fix: (fixer) => fixer.replaceTextRange([start, replaceEnd], replacement),
    },
  ];
}

export default createRule<[], MessageId>({
  name: 'span-must-end',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require manually started spans to be ended on every code path',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      discarded: 'The span from `{{callee}}(…)` is dropped, so nothing can end it: keep it and call `.end()` in a `finally` block.',
      neverEnded: "The span '{{name}}' is never ended, so it is never exported and stays in memory: call `{{name}}.end()` in a `finally` block.",
      notEndedOnPath: "The span '{{name}}' is not ended when the function {{exit}}: call `{{name}}.end()` in a `finally` block.",
      mayThrow:
        "The span '{{name}}' is not ended if the call on line {{line}} throws: call `{{name}}.end()` in a `finally` block so it ends on errors too.",
      wrapInTryFinally: 'Wrap the code after the span starts in `try { … } finally { {{name}}.end(); }`.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    if (!fileImportsKind(context, 'tracing')) return {};
    const acquisitions = new Map<string, Acquisition[]>();
    const pathStack: CodePath[] = [];

    const describeExit = (kind: string, node: TSESTree.Node | undefined): string => {
      if (kind === 'loop') return 'starts the next loop iteration';
      if (!node) return kind === 'throw' ? 'throws' : 'reaches its end';
      return `${kind === 'throw' ? 'throws' : 'returns'} on line ${node.loc.start.line}`;
    };

    const check = (codePath: CodePath, acquisition: Acquisition): void => {
      const { variable, owner, traced } = acquisition;
      const name = variable.name;
      const uses = spanUses(variable, owner);
      // Ended later by a callback (a stream's 'end' event, a timer): ownership left this function.
      if (uses.endsElsewhere.length > 0) return;
      const node = traced.kind === 'startActiveSpan' ? (traced.callback?.params[0] ?? traced.call) : traced.call;
      if (uses.ends.length === 0) {
        if (uses.handOvers.length > 0 || uses.shared.length > 0) return;
        context.report({ node, messageId: 'neverEnded', data: { name }, suggest: wrapSuggestion(context, acquisition, uses.ends) });
        return;
      }
      const ownPoints = releasePoints.get(codePath.id) ?? new Map<TSESTree.Node, PathPoint>();
      const points = [...uses.ends, ...uses.handOvers].map((n) => ownPoints.get(n)).filter((p): p is PathPoint => p !== undefined);
      const exit = findUnreleasedExit(codePath, acquisition.point, points);
      if (exit) {
        context.report({
          node,
          messageId: 'notEndedOnPath',
          data: { name, exit: describeExit(exit.kind, exit.kind === 'loop' ? undefined : exits.nodeOf(exit.segment)) },
          suggest: wrapSuggestion(context, acquisition, uses.ends),
        });
        return;
      }
      const lastEnd = Math.max(...uses.ends.map((e) => e.range[0]));
      const risky = firstUnguardedThrow(context, owner, traced.kind === 'startActiveSpan' ? (owner?.body.range[0] ?? 0) : traced.call.range[1], lastEnd, name);
      if (risky) {
        context.report({ node, messageId: 'mayThrow', data: { name, line: risky.loc.start.line }, suggest: wrapSuggestion(context, acquisition, uses.ends) });
      }
    };

    const tracker = createCodePathTracker((codePath) => {
      for (const acquisition of acquisitions.get(codePath.id) ?? []) check(codePath, acquisition);
      acquisitions.delete(codePath.id);
      releasePoints.delete(codePath.id);
      pathStack.pop();
    });
    const exits = createExitRecorder(tracker);
    /** Points of every span read that may release it, by code path, recorded as they are visited. */
    const releasePoints = new Map<string, Map<TSESTree.Node, PathPoint>>();

    /** Names of the span variables seen so far: only their reads need recording. */
    const spanNames = new Set<string>();
    const add = (codePath: CodePath | undefined, acquisition: Acquisition): void => {
      if (!codePath) return;
      spanNames.add(acquisition.variable.name);
      (acquisitions.get(codePath.id) ?? acquisitions.set(codePath.id, []).get(codePath.id)!).push(acquisition);
    };
    const recordRelease = (node: TSESTree.Node): void => {
      const codePath = pathStack[pathStack.length - 1];
      if (!codePath) return;
      (releasePoints.get(codePath.id) ?? releasePoints.set(codePath.id, new Map()).get(codePath.id)!).set(node, tracker.pointOf(node));
    };

    const ownListeners = {
      onCodePathStart: (codePath: CodePath, node: TSESTree.Node) => {
        pathStack.push(codePath);
        if (!isFunctionNode(node)) return;
        const traced = tracingCalls(context).byCallback.get(node);
        if (traced?.kind !== 'startActiveSpan' || traced.callback !== node) return;
        const param = node.params[0];
        if (param?.type !== AST_NODE_TYPES.Identifier) return;
        const variable = context.sourceCode.getDeclaredVariables(node).find((v) => v.name === param.name);
        if (!variable) return;
        add(codePath, {
          traced,
          variable,
          owner: node,
          point: { segments: [codePath.initialSegment], offset: node.body.range[0], node },
          statements: bodyStatements(node.body),
          index: -1,
        });
      },
      CallExpression: (call: TSESTree.CallExpression) => {
        const callee = call.callee;
        if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier && spanNames.has(callee.object.name)) {
          recordRelease(call);
        }
        const traced = tracingCalls(context).byCall.get(call);
        if (traced?.kind !== 'startSpan') return;
        const statement = statementOf(call);
        if (statement?.type === AST_NODE_TYPES.ExpressionStatement && statement.expression === call) {
          context.report({ node: call, messageId: 'discarded', data: { callee: pathName(traced.ref.path) } });
          return;
        }
        const variable = spanVariable(context, traced);
        if (!variable) return;
        const owner = enclosingFunction(call);
        add(pathStack[pathStack.length - 1], {
          traced,
          variable,
          owner,
          point: tracker.pointOf(call),
          statements: statement ? bodyStatements(statement.parent) : undefined,
          index: statement ? (bodyStatements(statement.parent)?.indexOf(statement) ?? -1) : -1,
        });
      },
      Identifier: (id: TSESTree.Identifier) => {
        if (spanNames.has(id.name)) recordRelease(id);
      },
    };
    return mergeListeners(tracker.listeners, exits.listeners, ownListeners);
  },
});
