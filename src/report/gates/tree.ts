/**
 * The gate expression tree: what evaluation thresholds (MLflow's MetricThreshold) and the Action's
 * threshold grammar both compile into, and the only thing the evaluator reads. Plain JSON, so a
 * report can store the gates it was judged by and a later reader can re-check them; the zod
 * schemas are how such a stored (possibly untrusted) tree is read back.
 */
import { z } from 'zod';

/**
 * Which run a metric is read from when a report holds several: a run by name, an MLproject entry
 * point, or an evaluation target. Without `name` (only meaningful for `eval`) the context decides,
 * e.g. the evaluation run of the job when there is one.
 */
export interface RunScope {
  kind: 'run' | 'entry_point' | 'eval';
  name?: string;
}

/** A metric of the run being judged. */
export interface MetricOperand {
  type: 'metric';
  name: string;
  scope?: RunScope;
}

/** The same metric as measured by the baseline (e.g. the main branch's run). */
export interface BaselineOperand {
  type: 'baseline';
  name: string;
  scope?: RunScope;
}

export interface NumberOperand {
  type: 'number';
  value: number;
}

export type ArithmeticOp = '+' | '-' | '*' | '/';

export interface BinaryOperand {
  type: 'binary';
  op: ArithmeticOp;
  left: Operand;
  right: Operand;
}

export interface NegOperand {
  type: 'neg';
  operand: Operand;
}

export type Operand = MetricOperand | BaselineOperand | NumberOperand | BinaryOperand | NegOperand;

export type CompareOp = '>=' | '>' | '<=' | '<' | '==' | '!=';

/**
 * `noise: 'ci'` judges with confidence intervals instead of point estimates: the comparison fails
 * only when it fails for every value in the intervals of the current metrics involved (a metric
 * without an interval counts as a point; baseline values always do). For `accuracy >= bound` that
 * is: fail only when the interval's high end is below the bound.
 */
export interface CompareCondition {
  type: 'compare';
  op: CompareOp;
  left: Operand;
  right: Operand;
  noise?: 'ci';
}

export interface AndCondition {
  type: 'and';
  conditions: Condition[];
}

export interface OrCondition {
  type: 'or';
  conditions: Condition[];
}

export interface NotCondition {
  type: 'not';
  condition: Condition;
}

export type Condition = CompareCondition | AndCondition | OrCondition | NotCondition;

/** One gate: a condition and the text it is shown as (what the user wrote, or the compiled form). */
export interface Gate {
  source: string;
  condition: Condition;
}

export const runScopeSchema = z
  .strictObject({ kind: z.enum(['run', 'entry_point', 'eval']), name: z.string().min(1).optional() })
  .refine((s) => s.kind === 'eval' || s.name !== undefined, { message: 'a run or entry_point scope needs a name' });

export const operandSchema: z.ZodType<Operand> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('metric'), name: z.string().min(1), scope: runScopeSchema.optional() }),
    z.strictObject({ type: z.literal('baseline'), name: z.string().min(1), scope: runScopeSchema.optional() }),
    z.strictObject({ type: z.literal('number'), value: z.number() }),
    z.strictObject({ type: z.literal('binary'), op: z.enum(['+', '-', '*', '/']), left: operandSchema, right: operandSchema }),
    z.strictObject({ type: z.literal('neg'), operand: operandSchema }),
  ]),
);

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('compare'),
      op: z.enum(['>=', '>', '<=', '<', '==', '!=']),
      left: operandSchema,
      right: operandSchema,
      noise: z.literal('ci').optional(),
    }),
    z.strictObject({ type: z.literal('and'), conditions: z.array(conditionSchema).min(2) }),
    z.strictObject({ type: z.literal('or'), conditions: z.array(conditionSchema).min(2) }),
    z.strictObject({ type: z.literal('not'), condition: conditionSchema }),
  ]),
);

export const gateSchema: z.ZodType<Gate> = z.strictObject({ source: z.string(), condition: conditionSchema });

/** Every comparison of a condition, in reading order. */
export function comparisonsOf(condition: Condition): CompareCondition[] {
  switch (condition.type) {
    case 'compare':
      return [condition];
    case 'not':
      return comparisonsOf(condition.condition);
    case 'and':
    case 'or':
      return condition.conditions.flatMap(comparisonsOf);
  }
}

/** Every metric and baseline reference of an operand, in reading order. */
export function referencesOf(operand: Operand): (MetricOperand | BaselineOperand)[] {
  switch (operand.type) {
    case 'metric':
    case 'baseline':
      return [operand];
    case 'number':
      return [];
    case 'neg':
      return referencesOf(operand.operand);
    case 'binary':
      return [...referencesOf(operand.left), ...referencesOf(operand.right)];
  }
}

/**
 * A gate that reads a baseline value guards against regressions; one that does not is an absolute
 * threshold. The Action's `fail-on: regression` blocks only on the first kind.
 */
export function gateKind(gate: Gate): 'threshold' | 'regression' {
  const usesBaseline = comparisonsOf(gate.condition).some((c) =>
    [...referencesOf(c.left), ...referencesOf(c.right)].some((r) => r.type === 'baseline'),
  );
  return usesBaseline ? 'regression' : 'threshold';
}

export const sameScope = (a: RunScope | undefined, b: RunScope | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && a.kind === b.kind && a.name === b.name);
