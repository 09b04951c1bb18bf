/** Run tags an evaluation writes, so the Action, bundles and reports can find and match its runs. Pure data. */
export const EvalTag = {
  SUITE: 'mlflow_ts.eval.suite',
  TARGET: 'mlflow_ts.eval.target',
  DATASET_DIGEST: 'mlflow_ts.eval.dataset_digest',
  GATES_PASSED: 'mlflow_ts.gates.passed',
  GATES: 'mlflow_ts.gates',
  BASELINE_RUN: 'mlflow_ts.eval.baseline_run_id',
} as const;
