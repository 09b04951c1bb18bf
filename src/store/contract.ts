/**
 * The store contract: what every backend (embedded SQLite now, PostgreSQL later) implements.
 * Entities use MLflow's field names (snake_case, as the Python entities and the proto do) so the
 * routes serialise them without a mapping layer. Every method is async so a networked backend
 * fits the same shape; every failure is an MlflowError with MLflow's error code.
 */
import type { LoggedModelStatus, RunStatus, ViewType } from '../mlflow/limits.ts';

export interface KeyValue {
  key: string;
  value: string;
}

export interface Experiment {
  experiment_id: string;
  name: string;
  artifact_location: string;
  lifecycle_stage: 'active' | 'deleted';
  last_update_time: number;
  creation_time: number;
  tags: KeyValue[];
}

/** A metric value as stored: NaN and ±Infinity survive (the routes encode them as MLflow does). */
export interface Metric {
  key: string;
  value: number;
  timestamp: number;
  step: number;
  dataset_name?: string;
  dataset_digest?: string;
  model_id?: string;
  run_id?: string;
}

export interface RunInfo {
  run_id: string;
  run_name: string;
  experiment_id: string;
  user_id: string;
  status: RunStatus;
  start_time: number;
  end_time?: number;
  artifact_uri: string;
  lifecycle_stage: 'active' | 'deleted';
}

export interface Dataset {
  name: string;
  digest: string;
  source_type: string;
  source: string;
  schema?: string;
  profile?: string;
}

export interface DatasetInput {
  tags: KeyValue[];
  dataset: Dataset;
}

export interface Run {
  info: RunInfo;
  data: { metrics: Metric[]; params: KeyValue[]; tags: KeyValue[] };
  inputs: { dataset_inputs: DatasetInput[]; model_inputs: { model_id: string }[] };
  outputs: { model_outputs: { model_id: string; step: number }[] };
}

export interface LoggedModel {
  info: {
    model_id: string;
    experiment_id: string;
    name: string;
    creation_timestamp_ms: number;
    last_updated_timestamp_ms: number;
    artifact_uri: string;
    status: LoggedModelStatus;
    model_type?: string;
    source_run_id?: string;
    status_message?: string;
    tags: KeyValue[];
  };
  data: { params: KeyValue[]; metrics: Metric[] };
}

export interface Page<T> {
  items: T[];
  nextPageToken?: string;
}

export interface SearchExperimentsQuery {
  filter?: string;
  orderBy?: string[];
  viewType?: ViewType;
  maxResults?: number;
  pageToken?: string;
}

export interface SearchRunsQuery {
  experimentIds: string[];
  filter?: string;
  orderBy?: string[];
  runViewType?: ViewType;
  maxResults?: number;
  pageToken?: string;
}

export interface SearchLoggedModelsQuery {
  experimentIds: string[];
  filter?: string;
  orderBy?: { field_name: string; ascending?: boolean }[];
  maxResults?: number;
  pageToken?: string;
}

export interface CreateRunInput {
  experiment_id: string;
  user_id?: string;
  run_name?: string;
  start_time?: number;
  tags?: KeyValue[];
}

export interface UpdateRunInput {
  run_id: string;
  status?: RunStatus;
  end_time?: number;
  run_name?: string;
}

export interface LogBatchInput {
  run_id: string;
  metrics?: Metric[];
  params?: KeyValue[];
  tags?: KeyValue[];
}

export interface CreateLoggedModelInput {
  experiment_id: string;
  name?: string;
  model_type?: string;
  source_run_id?: string;
  params?: KeyValue[];
  tags?: KeyValue[];
}

export interface MetricHistoryQuery {
  runId: string;
  metricKey: string;
  maxResults?: number;
  pageToken?: string;
}

export interface MetricHistoryIntervalQuery {
  runIds: string[];
  metricKey: string;
  startStep?: number;
  endStep?: number;
  maxResults?: number;
}

export interface TrackingStore {
  /** The artifact root new experiments live under, e.g. `mlflow-artifacts:/`. */
  readonly defaultArtifactRoot: string;

  createExperiment(input: { name: string; artifact_location?: string; tags?: KeyValue[] }): Promise<string>;
  getExperiment(experimentId: string): Promise<Experiment>;
  getExperimentByName(name: string): Promise<Experiment>;
  searchExperiments(query: SearchExperimentsQuery): Promise<Page<Experiment>>;
  renameExperiment(experimentId: string, newName: string): Promise<void>;
  deleteExperiment(experimentId: string): Promise<void>;
  restoreExperiment(experimentId: string): Promise<void>;
  setExperimentTag(experimentId: string, tag: KeyValue): Promise<void>;
  deleteExperimentTag(experimentId: string, key: string): Promise<void>;

  createRun(input: CreateRunInput): Promise<Run>;
  getRun(runId: string): Promise<Run>;
  updateRun(input: UpdateRunInput): Promise<RunInfo>;
  deleteRun(runId: string): Promise<void>;
  restoreRun(runId: string): Promise<void>;
  searchRuns(query: SearchRunsQuery): Promise<Page<Run>>;

  logBatch(input: LogBatchInput): Promise<void>;
  setTag(runId: string, tag: KeyValue): Promise<void>;
  deleteTag(runId: string, key: string): Promise<void>;
  logInputs(runId: string, datasets: DatasetInput[], models: { model_id: string }[]): Promise<void>;
  logOutputs(runId: string, models: { model_id: string; step: number }[]): Promise<void>;

  getMetricHistory(query: MetricHistoryQuery): Promise<Page<Metric>>;
  getMetricHistoryBulkInterval(query: MetricHistoryIntervalQuery): Promise<Metric[]>;

  createLoggedModel(input: CreateLoggedModelInput): Promise<LoggedModel>;
  getLoggedModel(modelId: string): Promise<LoggedModel>;
  finalizeLoggedModel(modelId: string, status: LoggedModelStatus): Promise<LoggedModel>;
  deleteLoggedModel(modelId: string): Promise<void>;
  searchLoggedModels(query: SearchLoggedModelsQuery): Promise<Page<LoggedModel>>;
  logLoggedModelParams(modelId: string, params: KeyValue[]): Promise<void>;
  setLoggedModelTags(modelId: string, tags: KeyValue[]): Promise<void>;
  deleteLoggedModelTag(modelId: string, key: string): Promise<void>;

  /** Traces (MLflow v3 trace API and OTLP ingestion), on the same database. */
  readonly traces: TraceStore;

  /** Checkpoints and closes; the store is unusable afterwards. */
  close(): Promise<void>;
}

// ------------------------------------------------------------------------------------ traces

export type TraceState = 'STATE_UNSPECIFIED' | 'OK' | 'ERROR' | 'IN_PROGRESS';

/**
 * MLflow's TraceInfoV3 as the store keeps it. The wire form differs only in two encodings, done
 * by the routes: `request_time` (RFC 3339 there, epoch ms here) and `execution_duration`
 * ("0.191s" there, ms here).
 */
export interface TraceInfo {
  trace_id: string;
  client_request_id?: string;
  experiment_id: string;
  request_preview?: string;
  response_preview?: string;
  request_time: number;
  execution_duration_ms?: number;
  state: TraceState;
  trace_metadata: Record<string, string>;
  tags: Record<string, string>;
  assessments: Assessment[];
}

/**
 * One span in MLflow's stored JSON form (what `GET /api/3.0/mlflow/traces/get` returns):
 * OTLP field names in snake_case, ids base64, times as decimal strings of nanoseconds (they
 * exceed 2^53; the routes write them as exact JSON numbers), attributes as OTLP KeyValues.
 */
export interface SpanRecord {
  trace_id: string;
  span_id: string;
  parent_span_id?: string;
  trace_state?: string;
  name: string;
  kind?: string;
  start_time_unix_nano: string;
  end_time_unix_nano?: string;
  attributes: OtlpKeyValue[];
  events: { name: string; time_unix_nano: string; attributes: OtlpKeyValue[] }[];
  status?: { code: 'STATUS_CODE_UNSET' | 'STATUS_CODE_OK' | 'STATUS_CODE_ERROR'; message?: string };
}

export interface OtlpKeyValue {
  key: string;
  value: OtlpAnyValue;
}

export type OtlpAnyValue =
  | { string_value: string }
  | { bool_value: boolean }
  | { int_value: string }
  | { double_value: number }
  | { bytes_value: string }
  | { array_value: { values: OtlpAnyValue[] } }
  | { kvlist_value: { values: OtlpKeyValue[] } };

export interface Assessment {
  assessment_id: string;
  assessment_name: string;
  trace_id: string;
  span_id?: string;
  source: { source_type: 'SOURCE_TYPE_UNSPECIFIED' | 'HUMAN' | 'LLM_JUDGE' | 'CODE'; source_id: string };
  create_time_ms: number;
  last_update_time_ms: number;
  /** Exactly one of feedback / expectation is set. */
  feedback?: { value?: unknown; error?: { error_code?: string; error_message?: string; stack_trace?: string } };
  expectation?: { value?: unknown; serialized_value?: { serialization_format: string; value: string } };
  rationale?: string;
  metadata?: Record<string, string>;
  overrides?: string;
  valid?: boolean;
}

export interface SearchTracesQuery {
  experimentIds: string[];
  filter?: string;
  orderBy?: string[];
  maxResults?: number;
  pageToken?: string;
}

export interface DeleteTracesQuery {
  experimentId: string;
  maxTimestampMillis?: number;
  maxTraces?: number;
  traceIds?: string[];
}

export interface TraceMetricsQuery {
  experimentIds: string[];
  /** What to count: traces or spans. */
  viewType: 'TRACES' | 'SPANS';
  /**
   * Group by any of these (`span.*` only with viewType SPANS; a missing name or type groups
   * as ""); time buckets when `timeBucketMs` is set.
   */
  groupBy?: ('trace.name' | 'trace.status' | 'span.name' | 'span.type' | 'span.status')[];
  /** A search_traces filter. With viewType SPANS its `span.*` clauses select the spans themselves. */
  filter?: string;
  /** Inclusive range on the time axis: trace request_time (TRACES) or span start (SPANS), ms. */
  startTimeMs?: number;
  endTimeMs?: number;
  timeBucketMs?: number;
}

/**
 * One group (and bucket), sorted by bucket then group values. Latency is a trace's execution
 * duration or a span's end − start; percentiles interpolate linearly between closest ranks
 * (numpy's default); rows without a latency (in progress) count but do not enter the latency
 * figures, which are 0 when no row in the group has one. Tokens sum `mlflow.trace.tokenUsage`
 * (TRACES) or the spans' `mlflow.chat.tokenUsage` (SPANS).
 */
export interface TraceMetricsRow {
  group: Record<string, string>;
  bucket_start_ms?: number;
  count: number;
  /** Traces in state ERROR, or spans with status ERROR. */
  error_count: number;
  latency_ms: { p50: number; p95: number; p99: number; avg: number; max: number };
  tokens: { input: number; output: number; total: number };
}

export interface TraceStore {
  /**
   * StartTraceV3: create or merge (spans may have arrived first through OTLP). Sets tag
   * `mlflow.artifactLocation` and metadata `mlflow.trace.infoFinalized = "true"`. On a merge
   * the given request_time, duration, state and client_request_id win, absent previews keep
   * the span-derived ones, tags and metadata are upserted (so `mlflow.trace.spansLocation`
   * stays). Returns the full stored info. The experiment must exist (404) and be active (400).
   */
  startTrace(info: TraceInfo): Promise<TraceInfo>;
  /** 404 RESOURCE_DOES_NOT_EXIST "Trace with ID '<id>' not found." */
  getTraceInfo(traceId: string): Promise<TraceInfo>;
  /** In the order asked; missing ids are skipped, repeats collapsed. */
  getTraceInfos(traceIds: string[]): Promise<TraceInfo[]>;
  searchTraces(query: SearchTracesQuery): Promise<Page<TraceInfo>>;
  /** Key ≤ 250 characters (MLflow's key rule), value truncated to 8000; 404 for a missing trace. */
  setTraceTag(traceId: string, tag: KeyValue): Promise<void>;
  /** 404 for a missing trace or tag. */
  deleteTraceTag(traceId: string, key: string): Promise<void>;
  /** Either traceIds, or maxTimestampMillis (inclusive) with optional maxTraces (oldest first); returns how many went. */
  deleteTraces(query: DeleteTracesQuery): Promise<number>;
  /**
   * At most 100 traces; the run and every trace must exist (404). `run_id = '<id>'` searches
   * find linked traces; metadata `mlflow.sourceRun` is set only where it is absent.
   */
  linkTracesToRun(traceIds: string[], runId: string): Promise<void>;

  /**
   * OTLP ingestion: store spans (merged by span id, any arrival order) and create or update each
   * trace's info from them: request_time = earliest start, duration, state from the root span,
   * previews from the root's inputs/outputs, token usage, tag `mlflow.trace.spansLocation`.
   * All or nothing. Ids may be base64 or hex (stored as base64); an end time of "0" or none
   * means the span has not ended. The experiment is needed (404/400) only for new traces; spans
   * of an existing trace join it. Once StartTraceV3 has run, spans no longer move its times or state.
   */
  logSpans(experimentId: string, spans: SpanRecord[]): Promise<void>;
  /**
   * Spans stored in the tracking store, by start time (empty when the trace's spans live in the
   * artifact store); 404 for a missing trace.
   */
  getSpans(traceId: string): Promise<SpanRecord[]>;

  /** Id `a-<32 hex>`; `overrides` marks the named assessment invalid (404 if it is not on the trace). */
  createAssessment(assessment: Omit<Assessment, 'assessment_id' | 'create_time_ms' | 'last_update_time_ms'>): Promise<Assessment>;
  getAssessment(traceId: string, assessmentId: string): Promise<Assessment>;
  /**
   * `mask` names the fields taken from `update`: assessment_name, feedback, expectation,
   * rationale, metadata (merged into the existing map), valid. Feedback cannot become an
   * expectation or the reverse (400).
   */
  updateAssessment(traceId: string, assessmentId: string, update: Partial<Assessment>, mask: string[]): Promise<Assessment>;
  /** Deleting a missing assessment is a no-op (as in MLflow); a missing trace is 404. Restores what it overrode. */
  deleteAssessment(traceId: string, assessmentId: string): Promise<void>;

  queryTraceMetrics(query: TraceMetricsQuery): Promise<TraceMetricsRow[]>;
}
