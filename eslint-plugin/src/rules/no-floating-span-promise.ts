/**
 * Async work and spans must finish together. A span measures the work it wraps only if the
 * work's promise is awaited (or returned) inside it; otherwise the span ends first: its duration
 * is wrong, spans the work creates later have an ended parent, and a rejection is neither recorded
 * on the span nor seen by the caller. Reported (with type information, to know what is a promise):
 *
 * - a floating promise from a traced call: `withSpan(…)`, `tracer.startActiveSpan(…)`, a
 *   `trace()`-wrapped function;
 * - a floating promise inside traced code (a `trace`/`withSpan`/`startActiveSpan` callback, or
 *   while a `startSpan` span is live);
 * - `array.forEach(async …)` inside traced code (nothing waits for those callbacks);
 * - a promise kept in a variable inside a `startSpan` span that is ended before the promise is
 *   awaited or otherwise used.
 */
import { ASTUtils, AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../utils/create-rule.ts';
import { fileImportsKind, memberName, skipTransparent } from '../utils/imports.ts';
import { spanMethodCall } from '../utils/spans.ts';
import { isThenable, typeServices } from '../utils/type-aware.ts';
import { enclosingFunction, isInTracedScope, liveStartedSpanAt, spanVariable, tracingCalls } from '../utils/tracing.ts';

type MessageId = 'floatingTraced' | 'floatingInSpan' | 'asyncForEach' | 'endedBeforePromise' | 'addAwait' | 'addReturn';
type Context = Readonly<TSESLint.RuleContext<MessageId, []>>;

/** The call at the root of a promise chain (`withSpan(…).then(f).finally(g)` → `withSpan(…)`). */
function chainRoot(node: TSESTree.Node): TSESTree.Node {
  let n = skipTransparent(node);
  while (n.type === AST_NODE_TYPES.CallExpression && n.callee.type === AST_NODE_TYPES.MemberExpression && ['then', 'catch', 'finally'].includes(memberName(n.callee) ?? '')) {
    n = skipTransparent(n.callee.object);
  }
  return n;
}

/** A chain that ends in a rejection handler (`.catch(h)`, `.then(f, h)`) is handled. */
function handlesRejection(node: TSESTree.Node): boolean {
  const n = skipTransparent(node);
  if (n.type !== AST_NODE_TYPES.CallExpression || n.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = memberName(n.callee);
  return (method === 'catch' && n.arguments.length >= 1) || (method === 'then' && n.arguments.length >= 2);
}

/** Whether `call` runs a span: a tracing call, or a call of a function wrapped by `trace()`. */
function isTracedCall(context: Context, node: TSESTree.Node): boolean {
  const call = skipTransparent(node);
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const { byCall } = tracingCalls(context);
  const direct = byCall.get(call);
  if (direct) return direct.kind === 'withSpan' || direct.kind === 'startActiveSpan';
  const callee = skipTransparent(call.callee);
  if (callee.type === AST_NODE_TYPES.CallExpression) return byCall.get(callee)?.kind === 'trace';
  if (callee.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(callee), callee);
  const def = variable?.defs[0];
  if (variable?.defs.length !== 1 || def?.type !== TSESLint.Scope.DefinitionType.Variable || !def.node.init) return false;
  const init = skipTransparent(def.node.init);
  return init.type === AST_NODE_TYPES.CallExpression && byCall.get(init)?.kind === 'trace';
}

function fixes(context: Context, statement: TSESTree.ExpressionStatement): TSESLint.ReportSuggestionArray<MessageId> {
  const fn = enclosingFunction(statement);
  const text = context.sourceCode.getText(statement.expression);
  const out: TSESLint.ReportSuggestionArray<MessageId> = [];
  if (fn?.async) out.push({ messageId: 'addAwait', fix: (fixer) => fixer.replaceText(statement.expression, `await ${text}`) });
  const body = fn?.body.type === AST_NODE_TYPES.BlockStatement ? fn.body.body : [];
  if (body[body.length - 1] === statement) out.push({ messageId: 'addReturn', fix: (fixer) => fixer.replaceText(statement, `return ${text};`) });
  return out;
}

export default createRule<[], MessageId>({
  name: 'no-floating-span-promise',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require promises of traced work to be awaited or returned inside their span',
      recommended: 'recommended-type-checked',
      requiresTypeChecking: true,
    },
    hasSuggestions: true,
    messages: {
      floatingTraced: 'This traced call returns a promise that nothing awaits: a rejection is recorded on the span but never reaches the caller, and an enclosing span ends before it. Await or return it.',
      floatingInSpan: 'This promise is not awaited inside the span: the span ends before the work does, so its duration is wrong and later child spans lose their parent. Await or return it.',
      asyncForEach: '`forEach` does not wait for async callbacks, so the span ends before they finish: use `for…of` with `await`, or `await Promise.all(items.map(…))`.',
      endedBeforePromise: "Span '{{span}}' is ended (line {{line}}) before the promise in '{{name}}' is awaited: the span's duration misses the work. Await it before ending the span.",
      addAwait: 'Add `await`.',
      addReturn: 'Return the promise.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    if (!fileImportsKind(context, 'tracing')) return {};
    const services = typeServices(context);
    return {
      ExpressionStatement(statement: TSESTree.ExpressionStatement) {
        const expression = skipTransparent(statement.expression);
        if (expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === 'void') return;
        if (expression.type !== AST_NODE_TYPES.CallExpression) return;
        if (expression.callee.type === AST_NODE_TYPES.MemberExpression && memberName(expression.callee) === 'forEach') {
          const callback = expression.arguments[0];
          if (callback && (callback.type === AST_NODE_TYPES.ArrowFunctionExpression || callback.type === AST_NODE_TYPES.FunctionExpression) && callback.async && isInTracedScope(context, statement)) {
            context.report({ node: expression, messageId: 'asyncForEach' });
          }
          return;
        }
        if (handlesRejection(expression)) return;
        const traced = isTracedCall(context, chainRoot(expression));
        if (!traced && !isInTracedScope(context, statement)) return;
        if (!isThenable(services, statement.expression)) return;
        context.report({ node: statement.expression, messageId: traced ? 'floatingTraced' : 'floatingInSpan', suggest: fixes(context, statement) });
      },
      VariableDeclarator(declarator: TSESTree.VariableDeclarator) {
        if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return;
        const init = skipTransparent(declarator.init);
        if (init.type !== AST_NODE_TYPES.CallExpression) return;
        const started = liveStartedSpanAt(context, declarator);
        const spanVar = started && spanVariable(context, started);
        if (!spanVar) return;
        const end = spanVar.references
          .map((r) => spanMethodCall(r.identifier))
          .find((m) => m?.name === 'end' && m.call.range[0] > declarator.range[1] && enclosingFunction(m.call) === enclosingFunction(declarator));
        if (!end || !isThenable(services, declarator.init)) return;
        const variable = context.sourceCode.getDeclaredVariables(declarator)[0];
        const firstRead = variable?.references.filter((r) => r.isRead()).sort((a, b) => a.identifier.range[0] - b.identifier.range[0])[0];
        if (firstRead && firstRead.identifier.range[0] < end.call.range[0]) return;
        context.report({
          node: declarator,
          messageId: 'endedBeforePromise',
          data: { span: spanVar.name, line: end.call.loc.start.line, name: declarator.id.name },
        });
      },
    };
  },
});
