/**
 * The typed MLflow client: `MlflowClient` for the REST API, fluent `setExperiment`/`startRun`
 * helpers, and the two error types callers branch on.
 */
export {
  MlflowClient,
  type ArtifactFileInfo,
  type AssessmentInput,
  type CreateRunOptions,
  type ExperimentsPage,
  type KeyValues,
  type LogBatchData,
  type LogMetricOptions,
  type MetricInput,
  type MlflowClientOptions,
  type RunsPage,
  type SearchTracesOptions,
  type SpanWire,
  type TraceInfoWire,
  type TracesPage,
  type TraceWire,
  type UpdateRunOptions,
} from './client.ts';
export { MlflowApiError, MlflowConnectionError } from './errors.ts';
export {
  DeploymentsClient,
  DeploymentsConnectionError,
  getDeployClient,
  type DeploymentsClientOptions,
  type Endpoint,
  type PredictRequest,
  type PredictResponse,
} from './deployments.ts';
export { splitLogBatch, type BatchChunk, type WireMetric } from './batch.ts';
export { ActiveRun, getActiveRun, getDefaultClient, setDefaultClient, setExperiment, startRun, type StartRunOptions } from './fluent.ts';
export type {
  Dataset,
  DatasetInput,
  Experiment,
  KeyValue,
  Metric,
  Run,
  RunInfo,
  SearchExperimentsQuery,
  SearchRunsQuery,
} from '../store/contract.ts';
export type { RunStatus, ViewType } from '../mlflow/limits.ts';
