/**
 * Gate results as a run keeps them: the `mlflow_ts.gates` tag, JSON of each gate's text, status,
 * numbers and kind, cut to MLflow's tag-value limit. Written by evaluations and by the Action, read
 * back by the Action when it judges a job from runs it did not evaluate itself.
 */
import { z } from 'zod';
import { MLFLOW_LIMITS } from '../../mlflow/limits.ts';
import type { GateResult } from './evaluator.ts';

export const recordedGatesSchema = z.array(
  z.object({
    gate: z.string(),
    status: z.enum(['pass', 'fail', 'skipped']),
    left: z.number().nullish(),
    right: z.number().nullish(),
    kind: z.enum(['threshold', 'regression']).optional(),
  }),
);
export type RecordedGates = z.output<typeof recordedGatesSchema>;

const TRUNCATED = '…(truncated)';

/** The tag value; a value cut at the limit no longer parses, which readers report. */
export function recordedGatesTag(results: readonly GateResult[]): string {
  const json = JSON.stringify(results.map((r) => ({ gate: r.source, status: r.status, left: r.left, right: r.right, kind: r.kind })));
  const max = MLFLOW_LIMITS.maxRunTagValueLength;
  return json.length <= max ? json : `${json.slice(0, max - 20)}${TRUNCATED}`;
}
