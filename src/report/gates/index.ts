/**
 * Gates: pass/fail criteria on metrics. Evaluation thresholds (MLflow's MetricThreshold) and the
 * Action's threshold grammar both compile into one gate tree, judged by one evaluator. The grammar
 * is described in README.md next to this file.
 */
export {
  comparisonsOf,
  conditionSchema,
  gateKind,
  gateSchema,
  operandSchema,
  referencesOf,
  runScopeSchema,
  type AndCondition,
  type ArithmeticOp,
  type BaselineOperand,
  type BinaryOperand,
  type CompareCondition,
  type CompareOp,
  type Condition,
  type Gate,
  type MetricOperand,
  type NegOperand,
  type NotCondition,
  type NumberOperand,
  type Operand,
  type OrCondition,
  type RunScope,
} from './tree.ts';
export { GateDefinitionError, GateSyntaxError, type GateSyntaxErrorDetails } from './errors.ts';
export { parseGates } from './parser.ts';
export { formatCondition, formatMetricRef, formatOperand } from './print.ts';
export { compileMetricThreshold, metricThresholdSchema, type MetricThreshold, type MetricThresholdSpec } from './mlflow-threshold.ts';
export {
  evaluateGates,
  failOnSchema,
  summarize,
  type ComparisonResult,
  type EvaluateGatesOptions,
  type FailOn,
  type GateContext,
  type GateResult,
  type GateStatus,
  type Interval,
  type MetricValue,
  type MissingMetric,
} from './evaluator.ts';
export { formatGateTable } from './format.ts';
export { recordedGatesSchema, recordedGatesTag, type RecordedGates } from './record.ts';
