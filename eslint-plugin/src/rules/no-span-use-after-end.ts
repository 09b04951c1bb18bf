/**
 * After `span.end()`, the span is read-only: `setAttribute`, `addEvent`, `setStatus`,
 * `recordException` and a second `end()` are silently dropped (OpenTelemetry SDKs log
 * "Can not execute the operation on ended Span"; MLflow's span ignores them). The data the
 * code meant to record never reaches the trace. Checked on the code paths of the function that
 * owns the span, so `if (a) { span.end(); return; } span.setAttribute(…)` is fine.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { canReachAfter, createCodePathTracker, mergeListeners, type PathPoint } from '../utils/code-path.ts';
import { createRule } from '../utils/create-rule.ts';
import { fileImportsKind } from '../utils/imports.ts';
import { spanBindings, spanMethodCall, type SpanBinding } from '../utils/spans.ts';
import { enclosingFunction } from '../utils/tracing.ts';

type MessageId = 'useAfterEnd' | 'endedTwice';

/** Span methods whose effect is lost on an ended span. */
const RECORDING_METHODS = new Set([
  'setAttribute',
  'setAttributes',
  'addEvent',
  'addLink',
  'addLinks',
  'setStatus',
  'recordException',
  'updateName',
  'setInputs',
  'setOutputs',
  'setSpanType',
  'end',
]);

interface Use {
  method: string;
  call: TSESTree.CallExpression;
  point: PathPoint;
}

export default createRule<[], MessageId>({
  name: 'no-span-use-after-end',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow recording on a span after it has ended',
      recommended: 'recommended',
    },
    messages: {
      useAfterEnd: "`{{name}}.{{method}}()` runs after `{{name}}.end()` (line {{line}}) on some path, where the span is ended and the call is dropped: record before ending.",
      endedTwice: "`{{name}}.end()` can run after `{{name}}.end()` (line {{line}}): the span is already ended, so this call does nothing. End it once, in a `finally` block.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    if (!fileImportsKind(context, 'tracing')) return {};
    let bindings: Map<string, SpanBinding[]> | undefined;
    /** Uses by binding, recorded in traversal order with their code-path points. */
    const uses = new Map<SpanBinding, Use[]>();
    const writes = new Map<SpanBinding, PathPoint[]>();

    const bindingFor = (id: TSESTree.Identifier): SpanBinding | undefined => {
      if (!bindings) {
        bindings = new Map();
        for (const b of spanBindings(context)) bindings.set(b.variable.name, [...(bindings.get(b.variable.name) ?? []), b]);
      }
      return bindings.get(id.name)?.find((b) => b.variable.references.some((r) => r.identifier === id));
    };

    const tracker = createCodePathTracker(() => undefined);
    return mergeListeners(tracker.listeners, {
      Identifier: ((id: TSESTree.Identifier) => {
        if (!bindings?.has(id.name) && bindings !== undefined) return;
        const binding = bindingFor(id);
        if (!binding) return;
        const ref = binding.variable.references.find((r) => r.identifier === id);
        // A write (also a declaration re-run by a loop) binds a new span.
        if (ref?.isWrite()) (writes.get(binding) ?? writes.set(binding, []).get(binding)!).push(tracker.pointOf(id));
        const method = spanMethodCall(id);
        if (!method || !RECORDING_METHODS.has(method.name)) return;
        // Only uses in the function that owns the binding share its code path.
        if (enclosingFunction(id) !== enclosingFunction(binding.variable.identifiers[0] ?? id)) return;
        (uses.get(binding) ?? uses.set(binding, []).get(binding)!).push({ method: method.name, call: method.call, point: tracker.pointOf(method.call) });
      }),
      'Program:exit': (() => {
        for (const [binding, list] of uses) {
          const ends = list.filter((u) => u.method === 'end');
          const blockers = writes.get(binding) ?? [];
          for (const use of list) {
            // `end` may reach itself through a loop: that is a second end.
            const after = ends.find((end) => end.point.segments.length > 0 && sameCodePath(end, use) && canReachAfter(end.point, use.point, blockers));
            if (!after) continue;
            const data = { name: binding.variable.name, method: use.method, line: after.call.loc.start.line };
            context.report({ node: use.call, messageId: use.method === 'end' ? 'endedTwice' : 'useAfterEnd', data });
          }
        }
      }),
    });
  },
});

function sameCodePath(a: Use, b: Use): boolean {
  return enclosingFunction(a.call) === enclosingFunction(b.call);
}
