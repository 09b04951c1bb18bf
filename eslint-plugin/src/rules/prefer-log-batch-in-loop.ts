import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../utils/create-rule.ts';
import { fileImportsKind } from '../utils/imports.ts';
import { trackingCallOf, type TrackingCall } from '../utils/tracking.ts';

type MessageId = 'dynamicKey' | 'severalPerIteration' | 'useBatchMethod';

/** One-entry logging methods and the run method that logs a whole record in one request. */
const BATCH_METHOD: Readonly<Record<string, string>> = { logMetric: 'logMetrics', logParam: 'logParams', setTag: 'setTags' };
const ITERATING_METHODS = ['forEach', 'map', 'flatMap'];

type Loop = TSESTree.ForStatement | TSESTree.ForOfStatement | TSESTree.ForInStatement | TSESTree.WhileStatement | TSESTree.DoWhileStatement | TSESTree.CallExpression;

const isLoopStatement = (n: TSESTree.Node): boolean =>
  n.type === AST_NODE_TYPES.ForStatement || n.type === AST_NODE_TYPES.ForOfStatement || n.type === AST_NODE_TYPES.ForInStatement || n.type === AST_NODE_TYPES.WhileStatement || n.type === AST_NODE_TYPES.DoWhileStatement;

/**
 * The loop whose every iteration runs `node`: the nearest loop statement in the same function,
 * or the `.forEach`/`.map` call the enclosing callback is given to. Other functions stop the
 * search: a function defined in a loop is not necessarily called there.
 */
function enclosingLoop(node: TSESTree.Node): Loop | undefined {
  let child: TSESTree.Node = node;
  for (let n = node.parent; n; child = n, n = n.parent) {
    if (isLoopStatement(n)) {
      // The loop's body (and a for's test/update) repeats; its `init` and for-of's iterable run once.
      const once = (n.type === AST_NODE_TYPES.ForStatement && child === n.init) || ((n.type === AST_NODE_TYPES.ForOfStatement || n.type === AST_NODE_TYPES.ForInStatement) && child === n.right);
      if (!once) return n as Loop;
    }
    if (n.type === AST_NODE_TYPES.ArrowFunctionExpression || n.type === AST_NODE_TYPES.FunctionExpression || n.type === AST_NODE_TYPES.FunctionDeclaration) {
      const call = n.parent;
      if (
        call?.type === AST_NODE_TYPES.CallExpression &&
        call.arguments[0] === n &&
        call.callee.type === AST_NODE_TYPES.MemberExpression &&
        !call.callee.computed &&
        call.callee.property.type === AST_NODE_TYPES.Identifier &&
        ITERATING_METHODS.includes(call.callee.property.name)
      ) {
        return call;
      }
      return undefined;
    }
  }
  return undefined;
}

const isStaticKey = (node: TSESTree.Node | undefined): boolean =>
  node !== undefined && ((node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') || (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0));

export default createRule<[], MessageId>({
  name: 'prefer-log-batch-in-loop',
  meta: {
    type: 'suggestion',
    docs: { description: 'Prefer one logBatch/logMetrics call over logging one key per request in a loop', recommended: 'strict' },
    hasSuggestions: true,
    schema: [],
    messages: {
      dynamicKey: '{{method}} in a loop over keys sends one HTTP request per key; log them together with {{batch}} (one request for up to 1000 metrics or 100 params/tags).',
      severalPerIteration: 'This loop sends {{count}} logging requests per iteration; log each iteration\'s values together with {{batch}}.',
      useBatchMethod: 'Replace the loop with one {{batch}} call.',
    },
  },
  defaultOptions: [],
  create(context) {
    if (!fileImportsKind(context, 'tracking')) return {};
    const sourceCode = context.sourceCode;
    const byLoop = new Map<Loop, TrackingCall[]>();

    const batchName = (call: TrackingCall): string => (call.receiver === 'client' ? 'logBatch' : (BATCH_METHOD[call.method] ?? 'logBatch'));

    /**
     * `for (const [k, v] of Object.entries(record)) await run.logMetric(k, v, step)` becomes
     * `await run.logMetrics(record, step)`: the same entries in one request (one shared timestamp).
     */
    const entriesLoopFix = (loop: Loop, call: TrackingCall): TSESLint.ReportSuggestionArray<MessageId> => {
      if (loop.type !== AST_NODE_TYPES.ForOfStatement || call.receiver !== 'run' || loop.await) return [];
      const batch = BATCH_METHOD[call.method];
      const body = loop.body.type === AST_NODE_TYPES.BlockStatement ? loop.body.body : [loop.body];
      const statement = body[0];
      if (!batch || body.length !== 1 || statement?.type !== AST_NODE_TYPES.ExpressionStatement) return [];
      const expr = statement.expression;
      const awaited = expr.type === AST_NODE_TYPES.AwaitExpression;
      if ((awaited ? expr.argument : expr) !== call.call) return [];
      const decl = loop.left;
      const pattern = decl.type === AST_NODE_TYPES.VariableDeclaration ? decl.declarations[0]?.id : undefined;
      if (pattern?.type !== AST_NODE_TYPES.ArrayPattern || pattern.elements.length !== 2) return [];
      const [k, v] = pattern.elements;
      const [keyArg, valueArg, ...rest] = call.args;
      if (k?.type !== AST_NODE_TYPES.Identifier || v?.type !== AST_NODE_TYPES.Identifier) return [];
      if (keyArg?.type !== AST_NODE_TYPES.Identifier || keyArg.name !== k.name || valueArg?.type !== AST_NODE_TYPES.Identifier || valueArg.name !== v.name) return [];
      const right = loop.right;
      if (
        right.type !== AST_NODE_TYPES.CallExpression ||
        right.callee.type !== AST_NODE_TYPES.MemberExpression ||
        right.callee.object.type !== AST_NODE_TYPES.Identifier ||
        right.callee.object.name !== 'Object' ||
        ASTUtils.findVariable(sourceCode.getScope(right), 'Object')?.defs.length ||
        right.callee.property.type !== AST_NODE_TYPES.Identifier ||
        right.callee.property.name !== 'entries' ||
        right.arguments.length !== 1
      ) {
        return [];
      }
      // The remaining arguments (a step) must not depend on the loop variables.
      const loopVariables = sourceCode.getDeclaredVariables(decl);
      const usesLoopVariable = loopVariables.some((variable) =>
        variable.references.some((ref) => rest.some((a) => a.range[0] <= ref.identifier.range[0] && ref.identifier.range[1] <= a.range[1])),
      );
      if (usesLoopVariable) return [];
      if (call.method !== 'logMetric' && rest.length > 0) return [];
      const callee = call.call.callee as TSESTree.MemberExpression;
      const text = `${awaited ? 'await ' : ''}${sourceCode.getText(callee.object)}.${batch}(${[right.arguments[0]!, ...rest].map((a) => sourceCode.getText(a)).join(', ')});`;
      return [{ messageId: 'useBatchMethod', data: { batch }, fix: (fixer) => fixer.replaceText(loop, text) }];
    };

    return {
      CallExpression(node) {
        const call = trackingCallOf(context, node);
        if (!call || !Object.hasOwn(BATCH_METHOD, call.method)) return;
        const loop = enclosingLoop(node);
        if (!loop) return;
        const list = byLoop.get(loop) ?? [];
        list.push(call);
        byLoop.set(loop, list);
      },
      'Program:exit'() {
        for (const [loop, calls] of byLoop) {
          for (const call of calls) {
            const data = { method: call.method, batch: batchName(call), count: calls.length };
            if (calls.length > 1) context.report({ node: call.call, messageId: 'severalPerIteration', data });
            else if (!isStaticKey(call.args[0])) context.report({ node: call.call, messageId: 'dynamicKey', data, suggest: entriesLoopFix(loop, call) });
          }
        }
      },
    };
  },
});
