/**
 * Evaluation of model and LLM endpoints: a suite file (`eval.yaml`) names targets, a dataset,
 * scorers and thresholds; `evaluate` runs it and logs one run per target. Scorers and targets are
 * small modules behind the interfaces in types.ts.
 */
export { EvalTag } from './tags.ts';
export { evaluate, type EvaluateOptions, type EvaluationReport, type TargetReport } from './evaluate.ts';
export { formatEvaluation } from './format.ts';
export { loadSuite, parseSuite, SuiteError, type Suite } from './suite.ts';
export { aggregateTarget, loggedMetrics, metricStatsFrom, type MetricStat } from './aggregate.ts';
export { RESULTS_CSV, RESULTS_JSON, resultsTable, type ResultsTable } from './table.ts';
export { findScorerType, SCORER_TYPES } from './scorers/index.ts';
export * from './types.ts';
