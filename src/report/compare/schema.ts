/**
 * The comparison of two run bundles as plain data: what `compareBundles` produces and every
 * renderer (Markdown, JSON, terminal table) reads. It is a wire format too: the fork-safe
 * `mode: comment` path reads a comparison written by another job, so it is parsed with these
 * schemas and treated as untrusted (the renderers escape every name and value in it).
 *
 * Numbers may be NaN or ±Infinity (metric histories hold them); on the wire they are spelled as
 * MLflow's JSON and the bundle spell them ("NaN", "Infinity", "-Infinity").
 */
import { z } from 'zod';
import { artifactEntrySchema, bundleSourceSchema, metricPointSchema, scorerSummarySchema } from '../bundle/schema.ts';
import { runScopeSchema, type GateResult } from '../gates/index.ts';

export const COMPARISON_SCHEMA = 'mlflow-ts-comparison';
export const COMPARISON_VERSION = 1;

/** Any number, NaN and ±Infinity included: the bundle's metric value. */
const num = metricPointSchema.shape.value;

export const directionSchema = z.enum(['higher', 'lower']);
export type Direction = z.output<typeof directionSchema>;

export const intervalSchema = z.object({ low: num, high: num });

/**
 * How a value moved, judged by its direction. `added`: only the current run has it; `removed`:
 * only the baseline; `incomparable`: a side is NaN, so no direction can be told.
 */
export const changeSchema = z.enum(['better', 'worse', 'unchanged', 'added', 'removed', 'incomparable']);
export type Change = z.output<typeof changeSchema>;

export const metricDeltaSchema = z.object({
  name: z.string(),
  direction: directionSchema,
  baseline: num.optional(),
  current: num.optional(),
  baselineCi: intervalSchema.optional(),
  currentCi: intervalSchema.optional(),
  /** current − baseline; null when a side is missing or the difference is not a number. */
  delta: num.nullable(),
  /** delta / |baseline|; null when the baseline is 0 or not finite. */
  relative: num.nullable(),
  change: changeSchema,
  /**
   * Present when either side has a confidence interval: whether the two intervals (a side without
   * one counts as a point) are disjoint. Overlapping intervals are "not significant".
   */
  significant: z.boolean().optional(),
});
export type MetricDelta = z.output<typeof metricDeltaSchema>;

export const paramChangeSchema = z.object({
  name: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  baseline: z.string().optional(),
  current: z.string().optional(),
});
export type ParamChange = z.output<typeof paramChangeSchema>;

/** A metric's baseline and current histories resampled onto one step grid, ready for a line chart. */
export const chartSchema = z.object({
  metric: z.string(),
  steps: z.array(z.number()),
  baseline: z.array(num).optional(),
  current: z.array(num).optional(),
  /** Logged points before resampling (each side), to tell the reader when a chart is a summary. */
  points: z.object({ baseline: z.number().int(), current: z.number().int() }),
  /** Steps each side actually covers; outside them a line is held at its end value. */
  range: z.object({ baseline: z.tuple([z.number(), z.number()]).optional(), current: z.tuple([z.number(), z.number()]).optional() }),
});
export type Chart = z.output<typeof chartSchema>;

/** Pass and fail verdicts of one dataset row over its repeats. */
export const rowVerdictsSchema = z.object({ passed: z.number().int(), failed: z.number().int() });

export const flippedRowSchema = z.object({
  /** The table's `row` value. */
  row: z.string(),
  /** The row's dataset inputs, each cut to a readable length. */
  inputs: z.record(z.string(), z.string()),
  expected: z.string().optional(),
  baselineOutput: z.string().optional(),
  currentOutput: z.string().optional(),
  baseline: rowVerdictsSchema,
  current: rowVerdictsSchema,
});
export type FlippedRow = z.output<typeof flippedRowSchema>;

export const scorerComparisonSchema = z.object({
  name: z.string(),
  baseline: scorerSummarySchema.optional(),
  current: scorerSummarySchema.optional(),
  /** Rows with a verdict on both sides (compared by `row`). */
  compared: z.number().int(),
  passToFail: z.array(flippedRowSchema),
  failToPass: z.array(flippedRowSchema),
});
export type ScorerComparison = z.output<typeof scorerComparisonSchema>;

export const evalComparisonSchema = z.object({
  baselineDigest: z.string().optional(),
  currentDigest: z.string().optional(),
  /** Both digests known and different: the two runs scored different data. */
  digestChanged: z.boolean(),
  rows: z.object({ baseline: z.number().int().optional(), current: z.number().int().optional() }),
  /** A bundle kept only the first rows of a table, so rows beyond them were not compared. */
  truncated: z.boolean(),
  scorers: z.array(scorerComparisonSchema),
});
export type EvalComparison = z.output<typeof evalComparisonSchema>;

export const spanComparisonSchema = z.object({
  name: z.string(),
  baselineCount: z.number().int().optional(),
  currentCount: z.number().int().optional(),
  p50: metricDeltaSchema,
  p95: metricDeltaSchema,
});
export type SpanComparison = z.output<typeof spanComparisonSchema>;

export const tracesComparisonSchema = z.object({
  count: z.object({ baseline: z.number().int().optional(), current: z.number().int().optional() }),
  /** Trace latency p50/p95, token totals, LLM cost, gateway cache hit rate. */
  figures: z.array(metricDeltaSchema),
  spans: z.array(spanComparisonSchema),
});
export type TracesComparison = z.output<typeof tracesComparisonSchema>;

export const matchKindSchema = z.enum(['entry_point', 'eval_target', 'run_name']);
export type MatchKind = z.output<typeof matchKindSchema>;

export const runRefSchema = z.object({
  run_id: z.string(),
  run_name: z.string(),
  status: z.string(),
  url: z.string().optional(),
});
export type RunRef = z.output<typeof runRefSchema>;

export const runComparisonSchema = z.object({
  /** `matched`: both sides; `new`: only the current bundle has the run; `missing`: only the baseline. */
  status: z.enum(['matched', 'new', 'missing']),
  /** What identifies the run across bundles (for a match, what it was matched by). */
  key: z.object({ kind: matchKindSchema, value: z.string() }),
  baseline: runRefSchema.optional(),
  current: runRefSchema.optional(),
  metrics: z.array(metricDeltaSchema),
  params: z.array(paramChangeSchema),
  unchangedParams: z.number().int(),
  eval: evalComparisonSchema.optional(),
  charts: z.array(chartSchema),
  /** Metrics with a history that were not charted (charts are capped per run). */
  unchartedHistories: z.number().int(),
  traces: tracesComparisonSchema.optional(),
  /** The current run's artifacts (the baseline's for a missing run). */
  artifacts: z.array(artifactEntrySchema),
});
export type RunComparison = z.output<typeof runComparisonSchema>;

const comparisonResultShape = {
  source: z.string(),
  status: z.enum(['pass', 'fail', 'skipped']),
  left: num.optional(),
  right: num.optional(),
  leftCi: intervalSchema.optional(),
  rightCi: intervalSchema.optional(),
  notSignificant: z.literal(true).optional(),
  reason: z.string().optional(),
};

/** The gate module's GateResult, as read back from JSON. */
export const gateResultSchema = z.object({
  ...comparisonResultShape,
  kind: z.enum(['threshold', 'regression']),
  comparisons: z.array(z.object(comparisonResultShape)),
  missing: z.array(z.object({ side: z.enum(['current', 'baseline']), name: z.string(), scope: runScopeSchema.optional() })).optional(),
});
// Keeps the schema in step with the gate module's type: a drift fails the typecheck here.
const _gateResultMatches: z.ZodType<GateResult> = gateResultSchema;

export const warningSchema = z.object({
  kind: z.enum(['baseline_missing', 'dataset_digest', 'bundle']),
  message: z.string(),
  /** The run (its key value) the warning is about. */
  run: z.string().optional(),
});
export type ComparisonWarning = z.output<typeof warningSchema>;

export const bundleInfoSchema = z.object({ created_at: z.string(), source: bundleSourceSchema, runs: z.number().int() });

export const comparisonSchema = z.object({
  schema: z.literal(COMPARISON_SCHEMA),
  version: z.literal(COMPARISON_VERSION),
  baseline: bundleInfoSchema.optional(),
  current: bundleInfoSchema,
  runs: z.array(runComparisonSchema),
  summary: z.object({
    matched: z.number().int(),
    new: z.number().int(),
    missing: z.number().int(),
    /** Metrics of matched runs that got worse, not counting changes marked not significant. */
    regressions: z.number().int(),
    improvements: z.number().int(),
    /** Better or worse on the point values, but within the confidence intervals. */
    notSignificant: z.number().int(),
  }),
  gates: z
    .object({
      /** No gate failed that blocks under `failOn`. */
      passed: z.boolean(),
      failOn: z.enum(['regression', 'threshold', 'never']),
      results: z.array(gateResultSchema),
    })
    .optional(),
  warnings: z.array(warningSchema),
  links: z.object({ job: z.string().optional(), reportArtifact: z.string().optional() }),
});
export type Comparison = z.output<typeof comparisonSchema>;

/** A comparison read back from JSON (e.g. a report another job uploaded); throws a ComparisonFormatError naming what is wrong. */
export function parseComparison(value: unknown, source?: string): Comparison {
  const parsed = comparisonSchema.safeParse(value);
  if (!parsed.success) {
    throw new ComparisonFormatError(
      `${source ? `${source}: ` : ''}not an mlflow-ts comparison (version ${COMPARISON_VERSION}):\n${z.prettifyError(parsed.error)}\n` +
        'A comparison is the JSON `mlflow-ts compare --format json` writes; produce it with the same mlflow-ts release.',
    );
  }
  return parsed.data;
}

export class ComparisonFormatError extends Error {
  override name = 'ComparisonFormatError';
}
