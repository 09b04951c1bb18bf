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

  /** Checkpoints and closes; the store is unusable afterwards. */
  close(): Promise<void>;
}
