/**
 * A `catch` that lets an error escape (rethrows, or throws another error) while a manually
 * managed span is live must mark the span failed: record the exception and set status ERROR.
 * Otherwise `span.end()` records the failed operation as OK (MLflow's span sets OK on end unless
 * the status is ERROR), error-rate views undercount and tail samplers that keep failed traces
 * drop it. Spans of `trace`/`withSpan` record exceptions that leave their callback by themselves
 * and are not checked; `startSpan` spans and OpenTelemetry spans are.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../utils/create-rule.ts';
import { fileImportsKind } from '../utils/imports.ts';
import { spanMethodCall } from '../utils/spans.ts';
import { enclosingTracedFunction, isFunctionNode, liveStartedSpanAt, spanParameter, spanVariable, type TracingCall } from '../utils/tracing.ts';

type Options = [{ requireStatus?: boolean }];
type MessageId = 'missingBoth' | 'missingException' | 'missingStatus' | 'addRecording';
type Context = Readonly<TSESLint.RuleContext<MessageId, Options>>;

interface LiveSpan {
  name: string;
  traced: TracingCall;
}

/** The manually managed span live at `node`, with the name it is reachable under. */
function manualSpanAt(context: Context, node: TSESTree.Node): LiveSpan | undefined {
  const traced = enclosingTracedFunction(context, node);
  if (traced?.traced.kind === 'startActiveSpan') {
    const param = spanParameter(traced.traced);
    if (param) return { name: param.name, traced: traced.traced };
  }
  const started = liveStartedSpanAt(context, node);
  const variable = started && spanVariable(context, started);
  return started && variable ? { name: variable.name, traced: started } : undefined;
}

/** Statements that may throw out of the catch: `throw` not inside a nested function or inner try. */
function throwsOut(node: TSESTree.Node, keys: TSESLint.SourceCode.VisitorKeys): boolean {
  if (node.type === AST_NODE_TYPES.ThrowStatement) return true;
  if (isFunctionNode(node)) return false;
  if (node.type === AST_NODE_TYPES.TryStatement && node.handler) {
    return throwsOut(node.handler.body, keys) || (node.finalizer !== null && throwsOut(node.finalizer, keys));
  }
  for (const key of keys[node.type] ?? []) {
    const child = (node as unknown as Record<string, unknown>)[key];
    for (const c of Array.isArray(child) ? child : [child]) {
      if (c && typeof (c as TSESTree.Node).type === 'string' && throwsOut(c as TSESTree.Node, keys)) return true;
    }
  }
  return false;
}

/** What the catch body does with the span: exception recorded, status set to an error. */
function recording(catchClause: TSESTree.CatchClause, span: string, sourceCode: Readonly<TSESLint.SourceCode>): { exception: boolean; status: boolean } {
  let exception = false;
  let status = false;
  const errorName = catchClause.param?.type === AST_NODE_TYPES.Identifier ? catchClause.param.name : undefined;
  const visit = (node: TSESTree.Node): void => {
    if (isFunctionNode(node)) return;
    if (node.type === AST_NODE_TYPES.Identifier && node.name === span) {
      const method = spanMethodCall(node);
      if (method?.name === 'recordException') exception = true;
      if (method && (method.name === 'setStatus' || method.name === 'end') && /error/i.test(sourceCode.getText(method.call))) status = true;
    }
    // A helper given both the span and the error (`markFailed(span, error)`) records them.
    if (node.type === AST_NODE_TYPES.CallExpression && errorName !== undefined) {
      const args = node.arguments.map((a) => (a.type === AST_NODE_TYPES.Identifier ? a.name : undefined));
      if (args.includes(span) && args.includes(errorName)) {
        exception = true;
        status = true;
      }
    }
    for (const key of sourceCode.visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const c of Array.isArray(child) ? child : [child]) if (c && typeof (c as TSESTree.Node).type === 'string') visit(c as TSESTree.Node);
    }
  };
  visit(catchClause.body);
  return { exception, status };
}

/** `setStatus` in the span's SDK: OpenTelemetry takes `{ code }`, MLflow a status (`SpanStatusCode.ERROR` or 'ERROR'). */
function statusCall(context: Context, span: LiveSpan, catchClause: TSESTree.CatchClause): string {
  let hasStatusCode = false;
  for (let s: TSESLint.Scope.Scope | null = context.sourceCode.getScope(catchClause); s && !hasStatusCode; s = s.upper) hasStatusCode = s.set.has('SpanStatusCode');
  const otel = span.traced.ref.name.includes('getTracer');
  if (otel) return `${span.name}.setStatus({ code: ${hasStatusCode ? 'SpanStatusCode.ERROR' : '2 /* SpanStatusCode.ERROR */'} });`;
  return `${span.name}.setStatus(${hasStatusCode ? 'SpanStatusCode.ERROR' : "'ERROR'"});`;
}

export default createRule<Options, MessageId>({
  name: 'record-exception-in-catch',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require a catch that rethrows inside a manual span to record the exception and set an error status',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      missingBoth:
        "This catch lets the error escape while span '{{span}}' is live, but does not record it: call `{{span}}.recordException(…)` and set status ERROR, or the span is recorded as OK.",
      missingException: "This catch lets the error escape while span '{{span}}' is live: call `{{span}}.recordException(…)` so the trace keeps the exception and its stack.",
      missingStatus: "This catch lets the error escape while span '{{span}}' is live: set its status to ERROR, or the span is recorded as OK.",
      addRecording: 'Record the exception and set status ERROR at the start of the catch block.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          requireStatus: { type: 'boolean', description: 'Also require the status to be set to ERROR (default true).' },
        },
      },
    ],
  },
  defaultOptions: [{ requireStatus: true }],
  create(context, [options]) {
    if (!fileImportsKind(context, 'tracing')) return {};
    const requireStatus = options.requireStatus ?? true;
    return {
      CatchClause(catchClause: TSESTree.CatchClause) {
        if (!throwsOut(catchClause.body, context.sourceCode.visitorKeys)) return;
        const span = manualSpanAt(context, catchClause);
        if (!span) return;
        const done = recording(catchClause, span.name, context.sourceCode);
        const missingStatus = requireStatus && !done.status;
        if (done.exception && !missingStatus) return;
        const messageId = !done.exception && missingStatus ? 'missingBoth' : done.exception ? 'missingStatus' : 'missingException';
        const param = catchClause.param;
        const errorName = param?.type === AST_NODE_TYPES.Identifier ? param.name : param ? undefined : 'error';
        const suggest: TSESLint.ReportSuggestionArray<MessageId> = [];
        if (errorName !== undefined) {
          const lines = [
            ...(done.exception ? [] : [`${span.name}.recordException(${errorName});`]),
            ...(missingStatus ? [statusCall(context, span, catchClause)] : []),
          ];
          const first = catchClause.body.body[0];
          const indent = first ? (/^\s*/.exec(context.sourceCode.lines[first.loc.start.line - 1] ?? '')?.[0] ?? '') : '';
          suggest.push({
            messageId: 'addRecording',
            fix: (fixer) => {
              const fixes = [
                first && first.loc.start.line !== catchClause.body.loc.start.line
                  ? fixer.insertTextBefore(first, `${lines.join(`\n${indent}`)}\n${indent}`)
                  : fixer.insertTextAfterRange([catchClause.body.range[0], catchClause.body.range[0] + 1], ` ${lines.join(' ')}`),
              ];
              if (!param) {
                const catchToken = context.sourceCode.getFirstToken(catchClause);
                if (catchToken) fixes.push(fixer.insertTextAfter(catchToken, ` (${errorName})`));
              }
              return fixes;
            },
          });
        }
        context.report({ node: catchClause, loc: context.sourceCode.getFirstToken(catchClause)?.loc ?? catchClause.loc, messageId, data: { span: span.name }, suggest });
      },
    };
  },
});

