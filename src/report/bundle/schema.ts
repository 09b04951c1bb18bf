/**
 * The run bundle: one versioned JSON document holding an experiment's runs (params, full metric
 * histories, tags, dataset inputs, artifact listing, eval table, trace summary), so a CI job's
 * ephemeral server outlives the job and a later job can compare against it.
 *
 * The wire form is plain JSON; metric values that JSON cannot carry are spelled as MLflow's JSON
 * does ("NaN", "Infinity", "-Infinity") and decoded to numbers on parse. A reader accepts only
 * the versions it knows: guessing at a newer layout would compare the wrong numbers silently.
 */
import { z } from 'zod';
import { encodeJson } from '../../client/transport.ts';
import { RUN_STATUSES } from '../../mlflow/limits.ts';
import { PACKAGE_VERSION } from '../../version.ts';

export const BUNDLE_SCHEMA = 'mlflow-ts-bundle';
/** The version this build writes. */
export const BUNDLE_VERSION = 1;
/** The versions this build reads. */
export const READABLE_BUNDLE_VERSIONS: readonly number[] = [1];

/** A bundle whose `version` this build cannot read. */
export class BundleVersionError extends Error {
  override name = 'BundleVersionError';
  readonly version: unknown;
  readonly supported: readonly number[];
  constructor(version: unknown, source?: string) {
    super(
      `${source ? `${source}: ` : ''}bundle version ${JSON.stringify(version)} is not readable by mlflow-ts ${PACKAGE_VERSION}, ` +
        `which reads version${READABLE_BUNDLE_VERSIONS.length === 1 ? '' : 's'} ${READABLE_BUNDLE_VERSIONS.join(', ')}. ` +
        'Use the mlflow-ts release that wrote the bundle (or a newer one), or export the runs again with this one.',
    );
    this.version = version;
    this.supported = READABLE_BUNDLE_VERSIONS;
  }
}

/** Not a bundle, or a bundle that breaks its own version's schema. */
export class BundleFormatError extends Error {
  override name = 'BundleFormatError';
}

const NON_FINITE = { NaN, Infinity, '-Infinity': -Infinity } as const;

/** A metric value: any number in memory (NaN and ±Infinity included), MLflow's spellings on the wire. */
const metricValue = z.union([
  // z.number() refuses NaN and ±Infinity, which metric histories legitimately hold.
  z.custom<number>((v) => typeof v === 'number', 'Expected a number or "NaN", "Infinity", "-Infinity"'),
  z.enum(['NaN', 'Infinity', '-Infinity']).transform((s) => NON_FINITE[s]),
]);

const int = z.number().int();
const stringMap = z.record(z.string(), z.string());

export const metricPointSchema = z.object({ value: metricValue, step: int, timestamp: int });

export const datasetInputSchema = z.object({
  dataset: z.object({
    name: z.string(),
    digest: z.string(),
    source_type: z.string(),
    source: z.string(),
    schema: z.string().optional(),
    profile: z.string().optional(),
  }),
  tags: stringMap,
});

export const artifactEntrySchema = z.object({ path: z.string(), file_size: z.number().int().nonnegative() });

export const scorerSummarySchema = z.object({
  /** Rows the scorer judged (a pass/fail or a score). */
  n: int,
  passed: int,
  failed: int,
  /** Rows where the scorer reported an error instead of a judgement. */
  errors: int,
  pass_rate: z.number().nullable(),
  /** Mean of the numeric scores. */
  mean: z.number().nullable(),
});

export const evalSchema = z.object({
  /** The `eval_results.json` table in its own split orientation; `data` holds at most the first rows (see MAX_EVAL_ROWS). */
  table: z.object({ columns: z.array(z.string()), data: z.array(z.array(z.json())) }),
  /** Rows in the artifact; more than `table.data.length` when the table was capped. */
  total_rows: int,
  /** Computed from every row of the artifact, capped or not. */
  summary: z.object({ rows: int, scorers: z.record(z.string(), scorerSummarySchema) }),
});

const percentiles = z.object({ p50: z.number().nullable(), p95: z.number().nullable() });

export const traceSummarySchema = z.object({
  /** Traces linked to the run. */
  count: int,
  /** Traces whose spans were read (at most MAX_TRACES_WITH_SPANS); the span, cache figures come from these. */
  span_traces: int,
  spans: z.record(z.string(), z.object({ count: int, p50_ms: z.number(), p95_ms: z.number() })),
  tokens: z.object({ input: int, output: int, total: int }),
  cost_usd: z.number(),
  cache_hits: int,
  cache_misses: int,
  latency_ms: percentiles,
});

export const bundleRunSchema = z.object({
  run_id: z.string(),
  experiment_name: z.string(),
  run_name: z.string(),
  status: z.enum(RUN_STATUSES),
  start_time: int,
  end_time: int.nullable(),
  params: stringMap,
  tags: stringMap,
  metrics: z.record(z.string(), z.array(metricPointSchema)),
  inputs: z.array(datasetInputSchema),
  artifacts: z.array(artifactEntrySchema),
  eval: evalSchema.optional(),
  traces: traceSummarySchema,
});

export const bundleSourceSchema = z.object({
  /** Where the runs came from, without credentials. */
  tracking_uri: z.string(),
  git: z.object({ sha: z.string(), ref: z.string(), pr_number: int.optional() }).optional(),
  workflow: z.object({ run_id: z.string(), job: z.string() }).optional(),
});

export const bundleSchema = z.object({
  schema: z.literal(BUNDLE_SCHEMA),
  version: z.literal(BUNDLE_VERSION),
  /** RFC 3339. */
  created_at: z.iso.datetime({ offset: true }),
  source: bundleSourceSchema,
  experiments: z.array(z.object({ name: z.string(), tags: stringMap })),
  runs: z.array(bundleRunSchema),
  /** What the exporter could not include (an artifact store it cannot list, a malformed run directory). */
  warnings: z.array(z.string()).optional(),
});

export type Bundle = z.output<typeof bundleSchema>;
export type BundleRun = Bundle['runs'][number];
export type BundleSource = Bundle['source'];
export type BundleExperiment = Bundle['experiments'][number];
export type MetricPoint = z.output<typeof metricPointSchema>;
export type BundleDatasetInput = z.output<typeof datasetInputSchema>;
export type ArtifactEntry = z.output<typeof artifactEntrySchema>;
export type EvalSection = z.output<typeof evalSchema>;
export type ScorerSummary = z.output<typeof scorerSummarySchema>;
export type TraceSummary = z.output<typeof traceSummarySchema>;

const envelope = z.looseObject({ schema: z.unknown(), version: z.unknown() });

/**
 * Validates a parsed JSON document (or an in-memory bundle) as a bundle: the schema name first,
 * then the version, then that version's layout. `source` names the document in messages.
 */
export function parseBundle(value: unknown, source?: string): Bundle {
  const where = source ? `${source}: ` : '';
  const head = envelope.safeParse(value);
  if (!head.success || head.data.schema !== BUNDLE_SCHEMA) {
    throw new BundleFormatError(`${where}not an mlflow-ts run bundle (expected "schema": "${BUNDLE_SCHEMA}"). Bundles are written by \`mlflow-ts export\`.`);
  }
  if (typeof head.data.version !== 'number' || !READABLE_BUNDLE_VERSIONS.includes(head.data.version)) {
    throw new BundleVersionError(head.data.version, source);
  }
  const parsed = bundleSchema.safeParse(value);
  if (!parsed.success) {
    throw new BundleFormatError(`${where}the bundle does not match the version ${BUNDLE_VERSION} layout:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

/** The bundle as JSON text: non-finite numbers spelled as MLflow's JSON does, so `parseBundle(JSON.parse(text))` gives it back. */
export function serializeBundle(bundle: Bundle): string {
  return encodeJson(bundle);
}

/** An empty trace summary: a run with no linked traces, or a source that keeps none. */
export function emptyTraceSummary(): TraceSummary {
  return { count: 0, span_traces: 0, spans: {}, tokens: { input: 0, output: 0, total: 0 }, cost_usd: 0, cache_hits: 0, cache_misses: 0, latency_ms: { p50: null, p95: null } };
}
