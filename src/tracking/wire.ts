/**
 * Request schemas for the tracking REST API, in zod, decoding proto-JSON the way MLflow's
 * `ParseDict(..., ignore_unknown_fields=True)` does: int64 as number or numeric string, doubles
 * also as "NaN"/"Infinity"/"-Infinity", enums by name or number, unknown fields dropped.
 * GET requests arrive as query strings, so scalars there are strings and repeated fields may be
 * a single string: the same schemas accept both.
 */
import { z } from 'zod';
import {
  LOGGED_MODEL_STATUSES,
  RUN_STATUSES,
  RUN_STATUS_NUMBERS,
  VIEW_TYPES,
  VIEW_TYPE_NUMBERS,
  type RunStatus,
  type ViewType,
} from '../mlflow/limits.ts';

const INT64 = /^-?\d+$/;

/** int64: a JSON number or a decimal string (as protobuf's JSON mapping allows). */
export const int64 = z
  .union([z.number(), z.string().regex(INT64, 'must be an integer')])
  .transform((v) => Number(v))
  .superRefine((v, ctx) => {
    if (!Number.isInteger(v)) ctx.addIssue({ code: 'custom', message: 'must be an integer' });
    // JS numbers hold integers exactly only up to 2^53-1; refusing beats storing a rounded value.
    else if (!Number.isSafeInteger(v)) ctx.addIssue({ code: 'custom', message: 'must be an integer of magnitude at most 9007199254740991' });
  });

/** Decimal notation only, as Python's float() reads it; Number() would also take "0x10" or "0b1". */
const DECIMAL = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

/** double: a number, a numeric string, or one of protobuf's non-finite spellings. */
export const double = z.union([z.number(), z.string()]).transform((v, ctx) => {
  if (typeof v === 'number') return v;
  if (v === 'NaN') return NaN;
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  const n = Number(v);
  if (!DECIMAL.test(v) || Number.isNaN(n)) {
    ctx.addIssue({ code: 'custom', message: 'must be a number' });
    return z.NEVER;
  }
  return n;
});

/** Query strings carry booleans as text; MLflow accepts only `true`/`false`. */
export const bool = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

/** A string field: numbers are accepted and stringified, as protobuf's parser does for ids. */
export const str = z.union([z.string(), z.number().transform(String)]);

function protoEnum<const T extends readonly string[]>(names: T, numbers: Readonly<Record<number, T[number]>>) {
  // One string branch, checked in the transform: with separate name and digit branches zod reports
  // an unknown name as a failed digit pattern instead of listing the valid names.
  return z.union([z.string(), z.number().int()]).transform((v, ctx): T[number] => {
    if (typeof v === 'string' && (names as readonly string[]).includes(v)) return v;
    const byNumber = typeof v === 'number' || INT64.test(v) ? numbers[Number(v)] : undefined;
    if (byNumber === undefined) {
      ctx.addIssue({ code: 'custom', message: `must be one of ${names.join(', ')}` });
      return z.NEVER;
    }
    return byNumber;
  });
}

export const runStatus = protoEnum(RUN_STATUSES, RUN_STATUS_NUMBERS) as z.ZodType<RunStatus>;
export const viewType = protoEnum(VIEW_TYPES, VIEW_TYPE_NUMBERS) as z.ZodType<ViewType>;
export const loggedModelStatus = protoEnum(LOGGED_MODEL_STATUSES, { 0: 'LOGGED_MODEL_STATUS_UNSPECIFIED', 1: 'LOGGED_MODEL_PENDING', 2: 'LOGGED_MODEL_READY', 3: 'LOGGED_MODEL_UPLOAD_FAILED' });

/** A repeated field: an array, or (from a query string with one value) a single item. */
export const repeated = <T extends z.ZodType>(item: T) =>
  z.union([z.array(item), item.transform((v) => [v])]).optional();

export const keyValue = z.object({ key: str, value: str.optional().default('') });

const metric = z.object({
  key: str,
  value: double,
  timestamp: int64,
  step: int64.optional().default(0),
  dataset_name: z.string().optional(),
  dataset_digest: z.string().optional(),
  model_id: z.string().optional(),
});

/** Runs are named by `run_id` (3.x) or `run_uuid` (older clients); clients often send both. */
const runRef = { run_id: z.string().optional(), run_uuid: z.string().optional() };

export const schemas = {
  createExperiment: z.object({
    name: z.string().optional(),
    artifact_location: z.string().optional(),
    // The official TS SDK's tests send tags as an object map; accept both shapes.
    tags: z
      .union([z.array(keyValue), z.record(z.string(), z.string()).transform((m) => Object.entries(m).map(([key, value]) => ({ key, value })))])
      .optional(),
  }),
  experimentId: z.object({ experiment_id: str.optional() }),
  getExperimentByName: z.object({ experiment_name: z.string().optional() }),
  searchExperiments: z.object({
    max_results: int64.optional(),
    page_token: z.string().optional(),
    filter: z.string().optional(),
    order_by: repeated(z.string()),
    view_type: viewType.optional(),
  }),
  updateExperiment: z.object({ experiment_id: str.optional(), new_name: z.string().optional() }),
  setExperimentTag: z.object({ experiment_id: str.optional(), key: str.optional(), value: str.optional() }),
  deleteExperimentTag: z.object({ experiment_id: str.optional(), key: str.optional() }),

  createRun: z.object({
    experiment_id: str.optional(),
    user_id: z.string().optional(),
    run_name: z.string().optional(),
    start_time: int64.optional(),
    tags: z.array(keyValue).optional(),
  }),
  runRef: z.object(runRef),
  updateRun: z.object({ ...runRef, status: runStatus.optional(), end_time: int64.optional(), run_name: z.string().optional() }),
  searchRuns: z.object({
    experiment_ids: repeated(str),
    filter: z.string().optional(),
    run_view_type: viewType.optional(),
    max_results: int64.optional(),
    order_by: repeated(z.string()),
    page_token: z.string().optional(),
  }),
  logMetric: z.object({
    ...runRef,
    key: str.optional(),
    value: double.optional(),
    timestamp: int64.optional(),
    step: int64.optional(),
    dataset_name: z.string().optional(),
    dataset_digest: z.string().optional(),
    model_id: z.string().optional(),
  }),
  logParam: z.object({ ...runRef, key: str.optional(), value: str.optional() }),
  setTag: z.object({ ...runRef, key: str.optional(), value: str.optional() }),
  deleteTag: z.object({ ...runRef, key: str.optional() }),
  logBatch: z.object({
    ...runRef,
    metrics: z.array(metric).optional(),
    params: z.array(keyValue).optional(),
    tags: z.array(keyValue).optional(),
  }),
  logInputs: z.object({
    ...runRef,
    datasets: z
      .array(
        z.object({
          tags: z.array(keyValue).optional(),
          dataset: z.object({
            name: z.string(),
            digest: z.string(),
            source_type: z.string(),
            source: z.string(),
            schema: z.string().optional(),
            profile: z.string().optional(),
          }),
        }),
      )
      .optional(),
    models: z.array(z.object({ model_id: z.string() })).optional(),
  }),
  logOutputs: z.object({ ...runRef, models: z.array(z.object({ model_id: z.string(), step: int64.optional().default(0) })).optional() }),
  getMetricHistory: z.object({ ...runRef, metric_key: z.string().optional(), max_results: int64.optional(), page_token: z.string().optional() }),
  getMetricHistoryBulkInterval: z.object({
    run_ids: repeated(z.string()),
    metric_key: z.string().optional(),
    start_step: int64.optional(),
    end_step: int64.optional(),
    max_results: int64.optional(),
  }),

  createLoggedModel: z.object({
    experiment_id: str.optional(),
    name: z.string().optional(),
    model_type: z.string().optional(),
    source_run_id: z.string().optional(),
    params: z.array(keyValue).optional(),
    tags: z.array(keyValue).optional(),
  }),
  finalizeLoggedModel: z.object({ status: loggedModelStatus.optional() }),
  searchLoggedModels: z.object({
    experiment_ids: repeated(str),
    filter: z.string().optional(),
    max_results: int64.optional(),
    order_by: z.array(z.object({ field_name: z.string(), ascending: bool.optional() })).optional(),
    page_token: z.string().optional(),
  }),
  loggedModelParams: z.object({ params: z.array(keyValue).optional() }),
  loggedModelTags: z.object({ tags: z.array(keyValue).optional() }),
} as const;
