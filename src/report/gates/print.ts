/**
 * Gate trees back to grammar text: what a compiled MetricThreshold is shown as, and what a
 * comparison inside a larger gate is called in a result. The output parses back into the same tree.
 */
import { comparisonsOf, referencesOf, sameScope, type BaselineOperand, type CompareCondition, type Condition, type MetricOperand, type Operand, type RunScope } from './tree.ts';

/** Words that cannot be bare metric names. */
export const RESERVED = new Set(['and', 'or', 'not', 'baseline']);
/** The shorthand for a metric of the evaluation run: `eval.correctness/pass_rate`. */
export const EVAL_PREFIX = 'eval.';
const BARE_NAME = /^[\p{L}_][\p{L}\p{N}_./:-]*$/u;
/** A reserved word glued to `-` or `/` (`baseline-0.01`) is nearly always a missing space. */
export const GLUED_RESERVED = /^(?:and|or|not|baseline)[-/]/;

const isBare = (name: string): boolean => BARE_NAME.test(name) && !RESERVED.has(name) && !GLUED_RESERVED.test(name) && !name.startsWith(EVAL_PREFIX);

export function formatName(name: string): string {
  return isBare(name) ? name : `\`${name.replaceAll('`', '``')}\``;
}

export function formatScope(scope: RunScope): string {
  return scope.name === undefined ? `[${scope.kind}]` : `[${scope.kind}=${formatName(scope.name)}]`;
}

const isEvalShorthand = (scope: RunScope | undefined, name: string): boolean =>
  scope !== undefined && scope.kind === 'eval' && scope.name === undefined && BARE_NAME.test(name);

/** A metric reference as written inside a gate whose gate-wide scope is `gateScope`. */
function formatRef(ref: MetricOperand | BaselineOperand, gateScope: RunScope | undefined): string {
  if (sameScope(ref.scope, gateScope)) return formatName(ref.name);
  if (gateScope === undefined && isEvalShorthand(ref.scope, ref.name)) return `${EVAL_PREFIX}${ref.name}`;
  return ref.scope ? `${formatScope(ref.scope)} ${formatName(ref.name)}` : formatName(ref.name);
}

/** A metric with its scope, for messages: `accuracy`, `[run=train] accuracy`, `eval.correctness/mean`. */
export const formatMetricRef = (name: string, scope?: RunScope): string => formatRef({ type: 'metric', name, ...(scope ? { scope } : {}) }, undefined);

/**
 * The scope written once in front of the gate: the one every reference shares, unless every
 * reference can use the `eval.` shorthand instead (which reads better).
 */
function gateScopeOf(condition: Condition): RunScope | undefined {
  const refs = comparisonsOf(condition).flatMap((c) => [...referencesOf(c.left), ...referencesOf(c.right)]);
  const first = refs[0]?.scope;
  if (first === undefined || !refs.every((r) => sameScope(r.scope, first))) return undefined;
  if (refs.every((r) => isEvalShorthand(r.scope, r.name))) return undefined;
  return first;
}

const ADDITIVE = 1;
const MULTIPLICATIVE = 2;
const UNARY = 3;

function formatOperandIn(op: Operand, minPrec: number, gateScope: RunScope | undefined, soleMetric: MetricOperand | undefined): string {
  const recur = (o: Operand, p: number): string => formatOperandIn(o, p, gateScope, soleMetric);
  switch (op.type) {
    case 'metric':
      return formatRef(op, gateScope);
    case 'baseline':
      return soleMetric && soleMetric.name === op.name && sameScope(soleMetric.scope, op.scope) ? 'baseline' : `baseline(${formatRef(op, gateScope)})`;
    case 'number':
      return String(op.value);
    case 'neg': {
      // `-(5)` keeps a negated literal a negation: a bare `-5` parses as the number -5.
      const inner = op.operand.type === 'number' || op.operand.type === 'neg' ? `(${recur(op.operand, 0)})` : recur(op.operand, UNARY);
      return minPrec > UNARY ? `(-${inner})` : `-${inner}`;
    }
    case 'binary': {
      const prec = op.op === '+' || op.op === '-' ? ADDITIVE : MULTIPLICATIVE;
      const text = `${recur(op.left, prec)} ${op.op} ${recur(op.right, prec + 1)}`;
      return prec < minPrec ? `(${text})` : text;
    }
  }
}

/** The one metric a bare `baseline` in this comparison stands for, if there is exactly one. */
export function soleMetricOf(compare: Pick<CompareCondition, 'left' | 'right'>): MetricOperand | undefined {
  const metrics = [...referencesOf(compare.left), ...referencesOf(compare.right)].filter((r): r is MetricOperand => r.type === 'metric');
  const first = metrics[0];
  return first && metrics.every((m) => m.name === first.name && sameScope(m.scope, first.scope)) ? first : undefined;
}

function formatConditionIn(condition: Condition, gateScope: RunScope | undefined): string {
  switch (condition.type) {
    case 'compare': {
      const sole = soleMetricOf(condition);
      const side = (o: Operand): string => formatOperandIn(o, 0, gateScope, sole);
      return `${side(condition.left)} ${condition.op} ${side(condition.right)}${condition.noise === 'ci' ? ' if significant' : ''}`;
    }
    case 'not':
      return `not (${formatConditionIn(condition.condition, gateScope)})`;
    case 'and':
    case 'or':
      return condition.conditions
        .map((c) => {
          const text = formatConditionIn(c, gateScope);
          // Parentheses the parser would need to rebuild the same tree (it never merges a parenthesized and/or).
          const wrap = c.type === 'or' || (condition.type === 'and' && c.type === 'and');
          return wrap ? `(${text})` : text;
        })
        .join(` ${condition.type} `);
  }
}

/** A condition as gate grammar text (parseGates of it gives the same tree back). */
export function formatCondition(condition: Condition): string {
  const scope = gateScopeOf(condition);
  const text = formatConditionIn(condition, scope);
  if (scope) return `${formatScope(scope)} ${text}`;
  // A selector at the very start would scope the whole gate: parentheses keep it on its metric.
  return text.startsWith('[') ? `(${text})` : text;
}

/** An operand as grammar text, references written with their own scopes. */
export function formatOperand(operand: Operand): string {
  return formatOperandIn(operand, 0, undefined, undefined);
}
