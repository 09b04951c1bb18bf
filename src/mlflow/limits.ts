/**
 * MLflow's validation limits (mlflow/utils/validation.py, MLflow 3.11), as pure data.
 * This is the project's single definition: the store, the tracking routes, the client's
 * batch splitting and the ESLint plugin all read it, so a limit changes in one place.
 */
export const MLFLOW_LIMITS = {
  /** Metric, param and run/experiment tag keys. */
  maxEntityKeyLength: 250,
  maxParamValueLength: 6000,
  maxRunTagValueLength: 8000,
  maxExperimentNameLength: 500,
  maxExperimentTagValueLength: 5000,
  maxTraceTagKeyLength: 250,
  maxTraceTagValueLength: 8000,
  logBatch: {
    maxMetrics: 1000,
    maxParams: 100,
    maxTags: 100,
    maxEntities: 1000,
    maxRequestBytes: 1_000_000,
  },
  dataset: {
    maxNameLength: 500,
    maxDigestLength: 36,
    maxSourceLength: 65_535,
    maxSchemaLength: 1_048_575,
    maxProfileLength: 16_777_215,
    maxInputTagKeyLength: 255,
    maxInputTagValueLength: 500,
    maxDatasetsPerBatch: 1000,
  },
  searchRuns: { defaultMaxResults: 1000, maxResults: 50_000 },
  searchExperiments: { defaultMaxResults: 1000, maxResults: 50_000 },
  searchLoggedModels: { defaultMaxResults: 100, maxResults: 50_000 },
  searchTraces: { defaultMaxResults: 100, maxResults: 500 },
  metricHistory: { defaultMaxResults: 25_000, maxResults: 25_000 },
  metricHistoryBulk: { maxRunIds: 100, maxResultsPerRun: 2500, maxResults: 25_000 },
} as const;

/**
 * Keys may hold word characters, `/`, `.`, `-`, space and `:`. MLflow's `\w` is Python's, which is
 * Unicode (letters and digits of any script), while JavaScript's `\w` is ASCII even with `u`: spelled
 * out as `\p{L}\p{N}_`. MLflow also rejects keys that a POSIX path normalisation would change (see
 * {@link isPathSafeKey}).
 */
export const ENTITY_KEY_PATTERN = /^[/\p{L}\p{N}_.\- :]*$/u;
export const RUN_ID_PATTERN = /^[a-zA-Z0-9][\w-]{0,255}$/;
export const EXPERIMENT_ID_PATTERN = /^[a-zA-Z0-9][\w-]{0,63}$/;

/** Mirrors MLflow's `posixpath.normpath(key) == key` check without importing node:path (pure data module). */
export function isPathSafeKey(key: string): boolean {
  if (key === '.' || key.startsWith('..') || key.startsWith('/')) return false;
  const parts = key.split('/');
  // normpath collapses '//' and removes '.' segments and trailing slashes, so any of those changes the key.
  return parts.every((p, i) => p !== '.' && p !== '..' && (p !== '' || (i === parts.length - 1 && parts.length === 1)));
}

/** The entity-key rule as one predicate: what MLflow's `_validate_metric_name`/`_validate_param_name` accept. */
export function isValidEntityKey(key: string): boolean {
  return key.length > 0 && key.length <= MLFLOW_LIMITS.maxEntityKeyLength && ENTITY_KEY_PATTERN.test(key) && isPathSafeKey(key);
}

export const RUN_STATUSES = ['RUNNING', 'SCHEDULED', 'FINISHED', 'FAILED', 'KILLED'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
/** Proto enum numbers, accepted on input as MLflow's protobuf parser does. */
export const RUN_STATUS_NUMBERS: Readonly<Record<number, RunStatus>> = { 1: 'RUNNING', 2: 'SCHEDULED', 3: 'FINISHED', 4: 'FAILED', 5: 'KILLED' };

export const VIEW_TYPES = ['ACTIVE_ONLY', 'DELETED_ONLY', 'ALL'] as const;
export type ViewType = (typeof VIEW_TYPES)[number];
export const VIEW_TYPE_NUMBERS: Readonly<Record<number, ViewType>> = { 1: 'ACTIVE_ONLY', 2: 'DELETED_ONLY', 3: 'ALL' };

export const LOGGED_MODEL_STATUSES = [
  'LOGGED_MODEL_STATUS_UNSPECIFIED',
  'LOGGED_MODEL_PENDING',
  'LOGGED_MODEL_READY',
  'LOGGED_MODEL_UPLOAD_FAILED',
] as const;
export type LoggedModelStatus = (typeof LOGGED_MODEL_STATUSES)[number];

/** The MLflow version whose wire behaviour we follow; `GET /version` answers it so 3.x clients enable span logging. */
export const COMPATIBLE_MLFLOW_VERSION = '3.11.0';

/** System tags MLflow reads or writes. */
export const MLFLOW_TAGS = {
  runName: 'mlflow.runName',
  user: 'mlflow.user',
  sourceName: 'mlflow.source.name',
  sourceType: 'mlflow.source.type',
  gitCommit: 'mlflow.source.git.commit',
  parentRunId: 'mlflow.parentRunId',
  loggedModels: 'mlflow.log-model.history',
} as const;
