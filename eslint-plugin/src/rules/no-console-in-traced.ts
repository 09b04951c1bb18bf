/**
 * `console.*` inside traced code writes to a stream no trace links to: the message is lost
 * for whoever reads the trace, and in production it goes to a log without the trace id. A span
 * event keeps it on the span, with its timestamp, next to the work it describes.
 */
import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../utils/create-rule.ts';
import { fileImportsKind, memberName } from '../utils/imports.ts';
import { enclosingTracedFunction, liveStartedSpanAt, spanParameter, spanVariable } from '../utils/tracing.ts';

type Options = [{ allow?: string[] }];
type MessageId = 'consoleInTraced' | 'useSpanEvent';
type Context = Readonly<TSESLint.RuleContext<MessageId, Options>>;

/** The name a span in scope at `node` is reachable under, for the suggestion. */
function spanInScope(context: Context, node: TSESTree.Node): string | undefined {
  const traced = enclosingTracedFunction(context, node);
  const param = traced && spanParameter(traced.traced);
  if (param) {
    const variable = ASTUtils.findVariable(context.sourceCode.getScope(node), param.name);
    // The parameter must be what the name means here (not shadowed in between).
    if (variable?.identifiers.includes(param)) return param.name;
  }
  const started = liveStartedSpanAt(context, node);
  const variable = started && spanVariable(context, started);
  return variable?.name;
}

const isStringLike = (node: TSESTree.Node): boolean =>
  (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') || node.type === AST_NODE_TYPES.TemplateLiteral;

export default createRule<Options, MessageId>({
  name: 'no-console-in-traced',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow `console` calls inside traced code; record span events instead',
      recommended: 'strict',
    },
    hasSuggestions: true,
    messages: {
      consoleInTraced: '`console.{{method}}()` inside traced code is not linked to the trace: record a span event (`span.addEvent(…)`) instead.',
      useSpanEvent: 'Replace with `{{span}}.addEvent(…)`.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: { type: 'array', items: { type: 'string' }, description: "Console methods to allow, e.g. ['error']." },
        },
      },
    ],
  },
  defaultOptions: [{ allow: [] }],
  create(context, [options]) {
    if (!fileImportsKind(context, 'tracing')) return {};
    const allow = new Set(options.allow ?? []);
    return {
      'CallExpression > MemberExpression.callee[object.type="Identifier"][object.name="console"]'(member: TSESTree.MemberExpression) {
        const call = member.parent as TSESTree.CallExpression;
        const method = memberName(member);
        if (method === undefined || allow.has(method)) return;
        // A local `console` (a parameter, an import) is not the global one.
        const variable = ASTUtils.findVariable(context.sourceCode.getScope(member), 'console');
        if (variable && variable.defs.length > 0) return;
        const traced = enclosingTracedFunction(context, call) !== undefined || liveStartedSpanAt(context, call) !== undefined;
        if (!traced) return;
        const span = spanInScope(context, call);
        const [message, ...rest] = call.arguments;
        const suggest: TSESLint.ReportSuggestionArray<MessageId> = [];
        // Only a lone message maps to an event as is; other values need attribute names the user picks.
        if (span && message && rest.length === 0 && isStringLike(message) && call.parent.type === AST_NODE_TYPES.ExpressionStatement) {
          suggest.push({
            messageId: 'useSpanEvent',
            data: { span },
            fix: (fixer) => fixer.replaceText(call, `${span}.addEvent(${context.sourceCode.getText(message)})`),
          });
        }
        context.report({ node: call, messageId: 'consoleInTraced', data: { method }, suggest });
      },
    };
  },
});
