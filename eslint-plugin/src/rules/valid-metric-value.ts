import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import * as ts from 'typescript';
import { createRule } from '../utils/create-rule.ts';
import { fileImportsKind } from '../utils/imports.ts';
import { propertyValue, trackingCallOf } from '../utils/tracking.ts';
import { typeServices } from '../utils/type-aware.ts';

type Options = [{ allowNonFinite?: boolean }];
type MessageId = 'notNumber' | 'anyValue' | 'nonIntegerStep' | 'nonFinite' | 'wrapInNumber';

const unwrap = (node: TSESTree.Node): TSESTree.Node => {
  let n = node;
  while (n.type === AST_NODE_TYPES.TSAsExpression || n.type === AST_NODE_TYPES.TSNonNullExpression || n.type === AST_NODE_TYPES.TSSatisfiesExpression) n = n.expression;
  return n;
};

export default createRule<Options, MessageId>({
  name: 'valid-metric-value',
  meta: {
    type: 'problem',
    docs: { description: 'Require metric values that are numbers, and integer steps and timestamps', recommended: 'recommended-type-checked', requiresTypeChecking: true },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allowNonFinite: { type: 'boolean', description: 'Accept `NaN`, `Infinity` and division by a literal zero as metric values (MLflow stores them; default true).' },
        },
      },
    ],
    messages: {
      notNumber: "This metric value's type is `{{type}}`; MLflow stores numbers only, and rejects the request (a bool or string gives INVALID_PARAMETER_VALUE{{detail}}).",
      anyValue: 'This metric value is typed `any`, so nothing checks it is a number; MLflow rejects strings and booleans. Convert it explicitly.',
      nonIntegerStep: 'MLflow needs an integer {{field}}{{hint}}.',
      nonFinite: 'This metric value is not finite; MLflow stores NaN/Infinity but sorts and charts them apart from real values, which usually hides a bug.',
      wrapInNumber: 'Convert it with Number(...).',
    },
  },
  defaultOptions: [{ allowNonFinite: true }],
  create(context, [{ allowNonFinite = true }]) {
    const services = typeServices(context);
    if (!fileImportsKind(context, 'tracking')) return {};
    const checker = services.program.getTypeChecker();
    const sourceCode = context.sourceCode;

    /** The parts of a union that are not numbers (a number literal, numeric enum or branded number is one). */
    const nonNumberParts = (type: ts.Type): ts.Type[] => {
      const parts = type.isUnion() ? type.types : [type];
      return parts.filter((t) => !(t.flags & ts.TypeFlags.Never) && !checker.isTypeAssignableTo(t, checker.getNumberType()));
    };

    const checkValue = (node: TSESTree.Node | undefined): void => {
      if (!node || node.type === AST_NODE_TYPES.SpreadElement) return;
      const type = services.getTypeAtLocation(node);
      if (type.flags & ts.TypeFlags.Any) {
        context.report({
          node,
          messageId: 'anyValue',
          suggest: [{ messageId: 'wrapInNumber', fix: (fixer) => fixer.replaceText(node, `Number(${sourceCode.getText(node)})`) }],
        });
        return;
      }
      const bad = nonNumberParts(type);
      if (bad.length > 0) {
        const detail = bad.some((t) => t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void)) ? '; an undefined value is dropped or sent as null' : '';
        context.report({ node, messageId: 'notNumber', data: { type: checker.typeToString(type), detail } });
        return;
      }
      if (!allowNonFinite && isNonFinite(unwrap(node))) context.report({ node, messageId: 'nonFinite' });
    };

    const isNonFinite = (node: TSESTree.Node): boolean => {
      if (node.type === AST_NODE_TYPES.Identifier) return node.name === 'NaN' || node.name === 'Infinity';
      if (node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.Identifier && node.object.name === 'Number' && node.property.type === AST_NODE_TYPES.Identifier) {
        return ['NaN', 'POSITIVE_INFINITY', 'NEGATIVE_INFINITY'].includes(node.property.name);
      }
      if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '-') return isNonFinite(node.argument);
      return node.type === AST_NODE_TYPES.BinaryExpression && node.operator === '/' && unwrap(node.right).type === AST_NODE_TYPES.Literal && (unwrap(node.right) as TSESTree.Literal).value === 0;
    };

    /** A step or timestamp that is visibly not an integer: a fractional literal, a division, or performance.now(). */
    const checkInteger = (node: TSESTree.Node | undefined, field: 'step' | 'timestamp'): void => {
      if (!node) return;
      const n = unwrap(node);
      if (n.type === AST_NODE_TYPES.Literal && typeof n.value === 'number' && !Number.isInteger(n.value)) {
        context.report({ node, messageId: 'nonIntegerStep', data: { field, hint: '' } });
      } else if (n.type === AST_NODE_TYPES.BinaryExpression && n.operator === '/') {
        context.report({ node, messageId: 'nonIntegerStep', data: { field, hint: field === 'timestamp' ? ' in milliseconds (Date.now(), not Date.now() / 1000)' : '; round the quotient with Math.floor' } });
      } else if (n.type === AST_NODE_TYPES.CallExpression && sourceCode.getText(n.callee) === 'performance.now' && field === 'timestamp') {
        context.report({ node, messageId: 'nonIntegerStep', data: { field, hint: ' of milliseconds since the epoch (Date.now()); performance.now() is fractional and relative to process start' } });
      }
    };

    return {
      CallExpression(node) {
        const call = trackingCallOf(context, node);
        if (!call) return;
        const [first, second, third] = call.args;
        switch (call.method) {
          case 'logMetric':
            checkValue(second);
            if (call.receiver === 'client') {
              checkInteger(propertyValue(third, 'step'), 'step');
              checkInteger(propertyValue(third, 'timestamp'), 'timestamp');
            } else checkInteger(third, 'step');
            return;
          case 'logMetrics':
            if (first?.type === AST_NODE_TYPES.ObjectExpression) {
              for (const p of first.properties) if (p.type === AST_NODE_TYPES.Property) checkValue(p.value);
            }
            checkInteger(second, 'step');
            return;
          case 'logBatch': {
            const metrics = propertyValue(first, 'metrics');
            if (metrics?.type !== AST_NODE_TYPES.ArrayExpression) return;
            for (const m of metrics.elements) {
              if (m?.type !== AST_NODE_TYPES.ObjectExpression) continue;
              checkValue(propertyValue(m, 'value'));
              checkInteger(propertyValue(m, 'step'), 'step');
              checkInteger(propertyValue(m, 'timestamp'), 'timestamp');
            }
            return;
          }
          default:
            return;
        }
      },
    };
  },
});
