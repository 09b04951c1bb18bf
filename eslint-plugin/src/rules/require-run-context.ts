import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../utils/create-rule.ts';
import { fileImportsKind, sdkCallee } from '../utils/imports.ts';
import { callsTracking, hasRunCallback } from '../utils/tracking.ts';

type MessageId = 'noActiveRunAtTopLevel' | 'handleIsNotActive' | 'fluentCallWithoutRun';

const FLUENT_LOGGING = ['logMetric', 'logMetrics', 'logParam', 'logParams', 'setTag', 'setTags', 'logBatch', 'logArtifact', 'logArtifacts'];

const isFunction = (n: TSESTree.Node): n is TSESTree.FunctionLike =>
  n.type === AST_NODE_TYPES.FunctionDeclaration || n.type === AST_NODE_TYPES.FunctionExpression || n.type === AST_NODE_TYPES.ArrowFunctionExpression;

export default createRule<[], MessageId>({
  name: 'require-run-context',
  meta: {
    type: 'problem',
    docs: { description: 'Require run-scoped logging to happen where a run is active', recommended: 'recommended' },
    schema: [],
    messages: {
      noActiveRunAtTopLevel: 'getActiveRun() is always undefined here: only code running inside a startRun(options, fn) callback has an active run. Use the handle startRun returns.',
      handleIsNotActive: "startRun() without a callback returns a handle but does not make the run active, so getActiveRun() here is undefined. Use the handle '{{name}}' instead.",
      fluentCallWithoutRun: '{{name}}() needs an active run, and none is started in this scope: call it inside startRun(options, async (run) => ...) or after startRun() and before endRun().',
    },
  },
  defaultOptions: [],
  create(context) {
    if (!fileImportsKind(context, 'tracking')) return {};
    /** The functions around `node`, innermost first. */
    const enclosingFunctions = (node: TSESTree.Node): TSESTree.FunctionLike[] => {
      const out: TSESTree.FunctionLike[] = [];
      for (let n = node.parent; n; n = n.parent) if (isFunction(n)) out.push(n);
      return out;
    };

    /** A function written as startRun's callback: a run is active while it runs. */
    const isRunCallback = (fn: TSESTree.FunctionLike): boolean => {
      const call = fn.parent;
      return call?.type === AST_NODE_TYPES.CallExpression && call.arguments[1] === fn && callsTracking(context, call, ['startRun']);
    };

    /** Statements of `fn`'s body (or the program) that precede `node`, on its chain of enclosing blocks. */
    const precedingStatements = (node: TSESTree.Node, stop: TSESTree.Node): TSESTree.Node[] => {
      const out: TSESTree.Node[] = [];
      let child: TSESTree.Node = node;
      for (let n = node.parent; n && child !== stop; child = n, n = n.parent) {
        if (n.type === AST_NODE_TYPES.BlockStatement || n.type === AST_NODE_TYPES.Program || n.type === AST_NODE_TYPES.StaticBlock) {
          const body = n.body as TSESTree.Node[];
          const index = body.indexOf(child);
          out.push(...body.slice(0, index < 0 ? 0 : index));
        }
        if (n === stop) break;
      }
      return out;
    };

    /** A handle-returning `const run = await startRun(...)` among `statements`: its name. */
    const startedHandle = (statements: readonly TSESTree.Node[]): string | undefined => {
      for (const s of statements) {
        if (s.type !== AST_NODE_TYPES.VariableDeclaration) continue;
        for (const d of s.declarations) {
          let init = d.init;
          if (init?.type === AST_NODE_TYPES.AwaitExpression) init = init.argument;
          if (init?.type === AST_NODE_TYPES.CallExpression && callsTracking(context, init, ['startRun']) && !hasRunCallback(init) && d.id.type === AST_NODE_TYPES.Identifier) return d.id.name;
        }
      }
      return undefined;
    };

    /** A fluent `startRun()` … `endRun()` pair before `node`: started and not ended since. */
    const fluentRunOpen = (statements: readonly TSESTree.Node[]): boolean => {
      let open = false;
      for (const s of statements) {
        const expressions =
          s.type === AST_NODE_TYPES.ExpressionStatement ? [s.expression] : s.type === AST_NODE_TYPES.VariableDeclaration ? s.declarations.map((d) => d.init) : [];
        const calls = expressions
          .map((e) => (e?.type === AST_NODE_TYPES.AwaitExpression ? e.argument : e))
          .filter((e): e is TSESTree.CallExpression => e?.type === AST_NODE_TYPES.CallExpression);
        for (const c of calls) {
          if (callsTracking(context, c, ['startRun']) && !hasRunCallback(c)) open = true;
          if (callsTracking(context, c, ['endRun'])) open = false;
        }
      }
      return open;
    };

    return {
      CallExpression(node) {
        const ref = sdkCallee(context, node, 'tracking');
        const name = ref?.path.length === 1 ? ref.path[0]! : undefined;
        if (name !== 'getActiveRun' && !FLUENT_LOGGING.includes(name ?? '')) return;
        const fns = enclosingFunctions(node);
        if (fns.some(isRunCallback)) return;
        const inner = fns[0];
        if (name === 'getActiveRun') {
          if (!inner) {
            context.report({ node, messageId: 'noActiveRunAtTopLevel' });
            return;
          }
          const handle = startedHandle(precedingStatements(node, inner));
          if (handle) context.report({ node, messageId: 'handleIsNotActive', data: { name: handle } });
          return;
        }
        // A fluent logging function (module-level, Python-style) from a configured tracking module.
        if (fluentRunOpen(precedingStatements(node, inner ?? context.sourceCode.ast))) return;
        context.report({ node, messageId: 'fluentCallWithoutRun', data: { name: name ?? '' } });
      },
    };
  },
});
