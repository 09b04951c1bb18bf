/**
 * The one evaluator of gate trees, whatever they were compiled from. Values are carried as
 * intervals (a metric's confidence interval, or a point) so that `if significant` comparisons can
 * ask "could this hold anywhere in the interval?" through arithmetic such as
 * `(accuracy - baseline) / baseline`.
 *
 * A comparison involving NaN fails (and so does its negation): NaN never passes a gate.
 * Numbers within 1e-12 of each other (relative) compare equal, so the rounding of a computed bound
 * (0.5 * 1.1 is 0.55000000000000004) cannot decide a gate.
 */
import { z } from 'zod';
import { formatNumber, formatPair } from './number.ts';
import { formatCondition, formatMetricRef, formatOperand } from './print.ts';
import { gateKind, sameScope, type CompareCondition, type CompareOp, type Condition, type Gate, type Operand, type RunScope } from './tree.ts';

export interface Interval {
  low: number;
  high: number;
}

/** A logged value and, where the evaluation repeated rows, its confidence interval. */
export interface MetricValue {
  value: number;
  ci?: Interval;
}

/** Where the evaluator reads metrics; `scope` is the gate's run selector, when it has one. */
export interface GateContext {
  current(name: string, scope?: RunScope): MetricValue | undefined;
  baseline(name: string, scope?: RunScope): MetricValue | undefined;
}

export interface EvaluateGatesOptions {
  /** A metric missing from the current run fails its gate (default) or skips it. */
  missing?: 'fail' | 'skip';
}

export type GateStatus = 'pass' | 'fail' | 'skipped';

export interface MissingMetric {
  side: 'current' | 'baseline';
  name: string;
  scope?: RunScope;
}

/** The verdict on one comparison (a gate has one or, with and/or/not, several). */
export interface ComparisonResult {
  /** The comparison as grammar text. */
  source: string;
  status: GateStatus;
  /** The two sides' point values, once both could be computed. */
  left?: number;
  right?: number;
  /** A side's interval, when a metric on it has one. */
  leftCi?: Interval;
  rightCi?: Interval;
  /** Noise-aware and passed only because the intervals reach the bound: the point estimates fail. */
  notSignificant?: true;
  /** Why it did not plainly pass: the failed inequality, the missing metric, NaN, or "not significant". */
  reason?: string;
}

export interface GateResult extends ComparisonResult {
  /** `regression` when the gate reads a baseline value, else `threshold` (for `fail-on`). */
  kind: 'threshold' | 'regression';
  /** Every comparison of the gate in reading order; `left`/`right` above are set when there is just one. */
  comparisons: ComparisonResult[];
  /** The metrics that were not there (which side, which name), when any. */
  missing?: MissingMetric[];
}

export type FailOn = 'regression' | 'threshold' | 'never';
export const failOnSchema = z.enum(['regression', 'threshold', 'never']);

/** Evaluates each gate against the context; never throws for missing or odd values. */
export function evaluateGates(gates: readonly Gate[], ctx: GateContext, options: EvaluateGatesOptions = {}): GateResult[] {
  return gates.map((gate) => evaluateGate(gate, ctx, options.missing ?? 'fail'));
}

/**
 * The verdict of a set of gate results under the Action's `fail-on`: `threshold` blocks on any
 * failed gate, `regression` only on failed gates that compare with the baseline, `never` on none.
 * `failed` lists the gates that block (formatGateTable shows all of them).
 */
export function summarize(results: readonly GateResult[], failOn: FailOn): { passed: boolean; failed: GateResult[] } {
  const failed = failOn === 'never' ? [] : results.filter((r) => r.status === 'fail' && (failOn === 'threshold' || r.kind === 'regression'));
  return { passed: failed.length === 0, failed };
}

/** Inner verdicts: `error` (NaN, or a missing current metric) fails like `fail` but survives `not`. */
type State = 'pass' | 'fail' | 'skip' | 'error';

interface Verdict {
  state: State;
  reason?: string;
  notSignificant?: boolean;
}

interface Span {
  value: number;
  low: number;
  high: number;
}

function evaluateGate(gate: Gate, ctx: GateContext, missingMode: 'fail' | 'skip'): GateResult {
  const comparisons: ComparisonResult[] = [];
  const missing: MissingMetric[] = [];
  const verdict = evaluateCondition(gate.condition, { ctx, missingMode, comparisons, missing });
  const status = toStatus(verdict.state);
  let single: Condition = gate.condition;
  while (single.type === 'not') single = single.condition;
  const only = single.type === 'compare' ? comparisons[0] : undefined;
  return {
    source: gate.source,
    kind: gateKind(gate),
    status,
    ...(only?.left !== undefined ? { left: only.left } : {}),
    ...(only?.right !== undefined ? { right: only.right } : {}),
    ...(only?.leftCi ? { leftCi: only.leftCi } : {}),
    ...(only?.rightCi ? { rightCi: only.rightCi } : {}),
    ...(status === 'pass' && verdict.notSignificant ? { notSignificant: true as const } : {}),
    ...(verdict.reason ? { reason: verdict.reason } : {}),
    comparisons,
    ...(missing.length > 0 ? { missing } : {}),
  };
}

const toStatus = (state: State): GateStatus => (state === 'pass' ? 'pass' : state === 'skip' ? 'skipped' : 'fail');

interface Run {
  ctx: GateContext;
  missingMode: 'fail' | 'skip';
  comparisons: ComparisonResult[];
  missing: MissingMetric[];
}

function evaluateCondition(condition: Condition, run: Run): Verdict {
  switch (condition.type) {
    case 'compare':
      return evaluateComparison(condition, run);
    case 'not': {
      const inner = evaluateCondition(condition.condition, run);
      if (inner.state === 'pass') return { state: 'fail', reason: `${formatCondition(condition.condition)} holds` };
      if (inner.state === 'fail') return { state: 'pass' };
      return inner;
    }
    case 'and':
    case 'or': {
      const children = condition.conditions.map((c) => ({ condition: c, verdict: evaluateCondition(c, run) }));
      const order: State[] = condition.type === 'and' ? ['error', 'fail', 'skip', 'pass'] : ['pass', 'error', 'skip', 'fail'];
      const state = order.find((s) => children.some((c) => c.verdict.state === s))!;
      const deciding = children.filter((c) => c.verdict.state === state);
      if (state === 'pass') {
        // An `or` is significant when any passing branch is; an `and` only when all are.
        const notSignificant = condition.type === 'and' ? deciding.some((c) => c.verdict.notSignificant) : deciding.every((c) => c.verdict.notSignificant);
        const reasons = deciding.filter((c) => c.verdict.notSignificant).map((c) => label(c.condition, c.verdict.reason));
        return notSignificant ? { state, notSignificant, reason: reasons.join('; ') } : { state };
      }
      return { state, reason: deciding.map((c) => label(c.condition, c.verdict.reason)).join('; ') };
    }
  }
}

/** A comparison's reason is shown with the comparison's text once it is one of several. */
const label = (condition: Condition, reason: string | undefined): string =>
  condition.type === 'compare' ? `${formatCondition(condition)}: ${reason ?? ''}` : (reason ?? formatCondition(condition));

function evaluateComparison(compare: CompareCondition, run: Run): Verdict {
  const missing: MissingMetric[] = [];
  const left = evaluateOperand(compare.left, run.ctx, missing);
  const right = evaluateOperand(compare.right, run.ctx, missing);
  for (const m of missing) addMissing(run.missing, m);
  const result: ComparisonResult = { source: formatCondition(compare), status: 'skipped' };
  run.comparisons.push(result);
  const finish = (verdict: Verdict): Verdict => {
    result.status = toStatus(verdict.state);
    if (verdict.notSignificant) result.notSignificant = true;
    if (verdict.reason) result.reason = verdict.reason;
    return verdict;
  };

  if (!left || !right) {
    const current = missing.filter((m) => m.side === 'current');
    const reasons = missing.map((m) => (m.side === 'current' ? `no value for metric ${formatMetricRef(m.name, m.scope)}` : `no baseline value for ${formatMetricRef(m.name, m.scope)}`));
    return finish({ state: current.length > 0 && run.missingMode === 'fail' ? 'error' : 'skip', reason: reasons.join('; ') });
  }
  result.left = left.value;
  result.right = right.value;
  if (left.low !== left.high && !intervalNaN(left)) result.leftCi = { low: left.low, high: left.high };
  if (right.low !== right.high && !intervalNaN(right)) result.rightCi = { low: right.low, high: right.high };

  for (const [span, operand] of [[left, compare.left], [right, compare.right]] as const) {
    if (Number.isNaN(span.value)) return finish({ state: 'error', reason: `${formatOperand(operand)} is not a number (NaN)` });
  }
  if (holds(compare.op, left.value, right.value)) return finish({ state: 'pass' });
  const ranged = result.leftCi !== undefined || result.rightCi !== undefined;
  if (compare.noise === 'ci' && ranged) {
    if (possible(compare.op, left, right)) {
      return finish({ state: 'pass', notSignificant: true, reason: `not significant: ${inequality(compare.op, left, right)} fails on the point estimates, but the interval ${describeSpans(left, right)} reaches the bound` });
    }
    return finish({ state: 'fail', reason: `significant: the whole interval ${describeSpans(left, right)} is on the failing side` });
  }
  return finish({ state: 'fail', reason: `${inequality(compare.op, left, right)} does not hold` });
}

const intervalNaN = (s: Span): boolean => Number.isNaN(s.low) || Number.isNaN(s.high);

function describeSpans(left: Span, right: Span): string {
  const span = (s: Span): string => (s.low === s.high ? formatNumber(s.value) : `[${formatNumber(s.low)}, ${formatNumber(s.high)}]`);
  return `${span(left)} vs ${span(right)}`;
}

function inequality(op: CompareOp, left: Span, right: Span): string {
  const [l, r] = formatPair(left.value, right.value);
  return `${l} ${op} ${r}`;
}

function evaluateOperand(operand: Operand, ctx: GateContext, missing: MissingMetric[]): Span | undefined {
  switch (operand.type) {
    case 'number':
      return point(operand.value);
    case 'metric': {
      const v = ctx.current(operand.name, operand.scope);
      if (!v) return addMissing(missing, { side: 'current', name: operand.name, ...(operand.scope ? { scope: operand.scope } : {}) });
      const ci = v.ci && !Number.isNaN(v.ci.low) && !Number.isNaN(v.ci.high) ? v.ci : undefined;
      // An interval that leaves out its own point estimate is stretched to include it.
      return ci ? { value: v.value, low: Math.min(ci.low, v.value), high: Math.max(ci.high, v.value) } : point(v.value);
    }
    case 'baseline': {
      // The baseline is the reference point: its own interval is not used.
      const v = ctx.baseline(operand.name, operand.scope);
      return v ? point(v.value) : addMissing(missing, { side: 'baseline', name: operand.name, ...(operand.scope ? { scope: operand.scope } : {}) });
    }
    case 'neg': {
      const s = evaluateOperand(operand.operand, ctx, missing);
      return s && { value: -s.value, low: -s.high, high: -s.low };
    }
    case 'binary': {
      const a = evaluateOperand(operand.left, ctx, missing);
      const b = evaluateOperand(operand.right, ctx, missing);
      return a && b && arithmetic(operand.op, a, b);
    }
  }
}

function addMissing(list: MissingMetric[], m: MissingMetric): undefined {
  if (!list.some((o) => o.side === m.side && o.name === m.name && sameScope(o.scope, m.scope))) list.push(m);
  return undefined;
}

const point = (value: number): Span => ({ value, low: value, high: value });

/** Interval arithmetic: the range of `a op b` over every value of both intervals. */
function arithmetic(op: '+' | '-' | '*' | '/', a: Span, b: Span): Span {
  switch (op) {
    case '+':
      return { value: a.value + b.value, low: a.low + b.low, high: a.high + b.high };
    case '-':
      return { value: a.value - b.value, low: a.low - b.high, high: a.high - b.low };
    case '*':
      return extremes(a.value * b.value, [a.low * b.low, a.low * b.high, a.high * b.low, a.high * b.high]);
    case '/':
      if (b.low < 0 && b.high > 0) return { value: a.value / b.value, low: -Infinity, high: Infinity };
      return extremes(a.value / b.value, [a.low / b.low, a.low / b.high, a.high / b.low, a.high / b.high]);
  }
}

function extremes(value: number, corners: number[]): Span {
  if (corners.some(Number.isNaN)) return { value, low: NaN, high: NaN };
  return { value, low: Math.min(...corners), high: Math.max(...corners) };
}

const TOLERANCE = 1e-12;

function close(a: number, b: number): boolean {
  return a === b || (Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) <= TOLERANCE * Math.max(Math.abs(a), Math.abs(b)));
}

function holds(op: CompareOp, a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return false;
  switch (op) {
    case '>=':
      return a > b || close(a, b);
    case '>':
      return a > b && !close(a, b);
    case '<=':
      return a < b || close(a, b);
    case '<':
      return a < b && !close(a, b);
    case '==':
      return close(a, b);
    case '!=':
      return !close(a, b);
  }
}

/** Whether `op` holds for some pair of values from the two intervals. */
function possible(op: CompareOp, l: Span, r: Span): boolean {
  switch (op) {
    case '>=':
    case '>':
      return holds(op, l.high, r.low);
    case '<=':
    case '<':
      return holds(op, l.low, r.high);
    case '==':
      return holds('<=', l.low, r.high) && holds('>=', l.high, r.low);
    case '!=':
      return !(close(l.low, l.high) && close(r.low, r.high) && close(l.low, r.low));
  }
}
