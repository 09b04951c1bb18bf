/**
 * MlflowClient: MLflow's REST API as typed methods. Answers come back in the store's snake_case
 * entity shapes with the wire's omissions filled in (proto-JSON drops empty lists) and
 * non-finite metric values decoded, so callers never see "NaN" strings or missing arrays.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, posix, relative, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { RunStatus } from '../mlflow/limits.ts';
import type {
  DatasetInput,
  Experiment,
  KeyValue,
  Metric,
  Run,
  RunInfo,
  SearchExperimentsQuery,
  SearchRunsQuery,
} from '../store/contract.ts';
import { PACKAGE_VERSION } from '../version.ts';
import { splitLogBatch, type WireMetric } from './batch.ts';
import { mapLimit } from './concurrency.ts';
import { MlflowApiError } from './errors.ts';
import { HttpTransport, type SendOptions } from './transport.ts';

export interface MlflowClientOptions {
  /** Server URL; default `MLFLOW_TRACKING_URI`, then `http://127.0.0.1:5000`. */
  trackingUri?: string;
  /** Sent as `Authorization: Bearer`; default `MLFLOW_TRACKING_TOKEN`. */
  token?: string;
  /** Basic auth; default `MLFLOW_TRACKING_USERNAME` / `MLFLOW_TRACKING_PASSWORD`. */
  username?: string;
  password?: string;
  /** Per-request wait for an answer; default `MLFLOW_HTTP_REQUEST_TIMEOUT` seconds, then 120 s. */
  timeoutMs?: number;
  /** Retries after 429/5xx/network failures; default `MLFLOW_HTTP_REQUEST_MAX_RETRIES`, then 5. */
  maxRetries?: number;
  /** Sends every request through this instead of the client's own undici Agent. */
  fetch?: typeof globalThis.fetch;
}

/** Tags or params as a record or as MLflow's `[{key, value}]` list. */
export type KeyValues = Readonly<Record<string, string | number | boolean>> | readonly KeyValue[];

export interface CreateRunOptions {
  /** Default `"0"` (the Default experiment), as the server does. */
  experimentId?: string;
  runName?: string;
  /** Milliseconds since the epoch; default now. */
  startTime?: number;
  userId?: string;
  tags?: KeyValues;
}

export interface UpdateRunOptions {
  status?: RunStatus;
  endTime?: number;
  runName?: string;
}

export interface LogMetricOptions {
  /** Milliseconds since the epoch; default now. */
  timestamp?: number;
  /** Default 0. */
  step?: number;
  datasetName?: string;
  datasetDigest?: string;
  modelId?: string;
}

export interface MetricInput {
  key: string;
  value: number;
  timestamp?: number;
  step?: number;
}

export interface LogBatchData {
  metrics?: readonly MetricInput[];
  params?: KeyValues;
  tags?: KeyValues;
}

export interface ExperimentsPage {
  experiments: Experiment[];
  nextPageToken?: string;
}

export interface RunsPage {
  runs: Run[];
  nextPageToken?: string;
}

/** One entry of an artifact listing; `path` is relative to the run's artifact root, as MLflow's client returns it. */
/** TraceInfoV3 as the server sends it (wire reference §6.2). */
export interface TraceInfoWire {
  trace_id: string;
  client_request_id?: string;
  trace_location?: { type: string; mlflow_experiment?: { experiment_id: string } };
  request_preview?: string;
  response_preview?: string;
  /** RFC 3339. */
  request_time?: string;
  /** e.g. "0.191s". */
  execution_duration?: string;
  state?: 'STATE_UNSPECIFIED' | 'OK' | 'ERROR' | 'IN_PROGRESS';
  trace_metadata?: Record<string, string>;
  tags?: Record<string, string>;
  assessments?: unknown[];
}

/** A span as `GET /api/3.0/mlflow/traces/get` returns it: OTLP field names, base64 ids. */
export interface SpanWire {
  trace_id: string;
  span_id: string;
  parent_span_id?: string;
  name: string;
  start_time_unix_nano: number | string;
  end_time_unix_nano?: number | string;
  attributes?: { key: string; value: Record<string, unknown> }[];
  events?: { name: string; time_unix_nano: number | string; attributes?: unknown[] }[];
  status?: { code?: string; message?: string };
}

export interface TraceWire {
  trace_info: TraceInfoWire;
  spans: SpanWire[];
}

/** An assessment to create (wire reference: `mlflow.assessments.Assessment`). */
export interface AssessmentInput {
  assessment_name: string;
  source: { source_type: 'HUMAN' | 'LLM_JUDGE' | 'CODE'; source_id: string };
  span_id?: string;
  feedback?: { value?: unknown; error?: { error_code: string; error_message: string } };
  expectation?: { value: unknown };
  rationale?: string;
  metadata?: Record<string, string>;
}

export interface SearchTracesOptions {
  experimentIds: string[];
  filter?: string;
  orderBy?: string[];
  maxResults?: number;
  pageToken?: string;
}

export interface TracesPage {
  traces: TraceInfoWire[];
  nextPageToken?: string;
}

export interface ArtifactFileInfo {
  path: string;
  is_dir: boolean;
  file_size?: number;
}

const DEFAULT_TRACKING_URI = 'http://127.0.0.1:5000';
const DEFAULT_TIMEOUT_MS = 120_000;
const DEFAULT_MAX_RETRIES = 5;
const ARTIFACTS_API = '/api/2.0/mlflow-artifacts/artifacts';
const UPLOAD_CONCURRENCY = 4;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.txt': 'text/plain',
  '.log': 'text/plain',
  '.md': 'text/markdown',
  '.csv': 'text/csv',
  '.html': 'text/html',
  '.json': 'application/json',
  '.yaml': 'text/yaml',
  '.yml': 'text/yaml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf',
};

function envNumber(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got '${raw}'.`);
  return n;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

export function toKeyValues(values: KeyValues | undefined): KeyValue[] {
  if (!values) return [];
  if (Array.isArray(values)) return values.map((kv: KeyValue) => ({ key: kv.key, value: String(kv.value) }));
  return Object.entries(values as Record<string, string | number | boolean>).map(([key, value]) => ({ key, value: String(value) }));
}

/** Protobuf's JSON mapping spells non-finite doubles as text; int64s may arrive as strings from other servers. */
function decodeNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (value === 'NaN') return NaN;
  if (value === 'Infinity') return Infinity;
  if (value === '-Infinity') return -Infinity;
  return Number(value);
}

function decodeMetric(raw: Record<string, unknown>): Metric {
  const metric: Metric = {
    key: String(raw.key),
    value: decodeNumber(raw.value),
    timestamp: decodeNumber(raw.timestamp ?? 0),
    step: decodeNumber(raw.step ?? 0),
  };
  for (const field of ['dataset_name', 'dataset_digest', 'model_id', 'run_id'] as const) {
    if (typeof raw[field] === 'string') metric[field] = raw[field];
  }
  return metric;
}

function decodeExperiment(raw: Record<string, unknown>): Experiment {
  return { ...(raw as unknown as Experiment), tags: (raw.tags as KeyValue[] | undefined) ?? [] };
}

function decodeRunInfo(raw: Record<string, unknown>): RunInfo {
  const { run_uuid, ...rest } = raw;
  const info = rest as unknown as RunInfo;
  return { ...info, run_id: info.run_id ?? (run_uuid as string) };
}

function decodeRun(raw: Record<string, unknown>): Run {
  const data = (raw.data ?? {}) as { metrics?: Record<string, unknown>[]; params?: KeyValue[]; tags?: KeyValue[] };
  const inputs = (raw.inputs ?? {}) as { dataset_inputs?: Partial<DatasetInput>[]; model_inputs?: { model_id: string }[] };
  const outputs = (raw.outputs ?? {}) as { model_outputs?: { model_id: string; step: number }[] };
  return {
    info: decodeRunInfo((raw.info ?? {}) as Record<string, unknown>),
    data: { metrics: (data.metrics ?? []).map(decodeMetric), params: data.params ?? [], tags: data.tags ?? [] },
    inputs: {
      dataset_inputs: (inputs.dataset_inputs ?? []).map((d) => ({ tags: d.tags ?? [], dataset: d.dataset! })),
      model_inputs: inputs.model_inputs ?? [],
    },
    outputs: { model_outputs: outputs.model_outputs ?? [] },
  };
}

/** Joins artifact path pieces, refusing anything that would climb out of the run's artifact root. */
function cleanArtifactPath(...parts: (string | undefined)[]): string {
  const joined = parts.filter((p): p is string => p !== undefined && p !== '').join('/');
  if (joined === '') return '';
  const normalized = posix.normalize(joined.replaceAll('\\', '/')).replace(/^\/+|\/+$/g, '');
  if (normalized === '.') return '';
  if (normalized === '..' || normalized.startsWith('../')) {
    throw new Error(`Artifact path '${joined}' points outside the run's artifact directory.`);
  }
  return normalized;
}

const encodePath = (path: string): string => path.split('/').map(encodeURIComponent).join('/');

export class MlflowClient {
  /** The tracking URI in use, without any credentials. */
  readonly trackingUri: string;
  readonly #http: HttpTransport;
  /** A run's artifact_uri never changes, so one lookup per run serves every upload. */
  readonly #artifactUris = new Map<string, string>();

  constructor(options: MlflowClientOptions = {}) {
    const raw = nonEmpty(options.trackingUri) ?? nonEmpty(process.env.MLFLOW_TRACKING_URI) ?? DEFAULT_TRACKING_URI;
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      url = new URL('invalid:');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new Error(
        `The tracking URI must be an http:// or https:// URL of an MLflow tracking server, got '${raw.replace(/\/\/[^/@]*@/, '//***@')}'. ` +
          'Set MLFLOW_TRACKING_URI (or --tracking-uri), e.g. http://127.0.0.1:5000.',
      );
    }
    // Credentials written into the URI become Basic auth and never appear in messages.
    const uriUser = url.username ? decodeURIComponent(url.username) : undefined;
    const uriPassword = url.password ? decodeURIComponent(url.password) : undefined;
    url.username = '';
    url.password = '';
    this.trackingUri = (url.origin + url.pathname).replace(/\/+$/, '');

    const headers: Record<string, string> = { 'user-agent': `mlflow-ts-client/${PACKAGE_VERSION}` };
    const token = nonEmpty(options.token) ?? nonEmpty(process.env.MLFLOW_TRACKING_TOKEN);
    const username = nonEmpty(options.username) ?? nonEmpty(process.env.MLFLOW_TRACKING_USERNAME) ?? uriUser;
    const password = nonEmpty(options.password) ?? nonEmpty(process.env.MLFLOW_TRACKING_PASSWORD) ?? uriPassword;
    if (token !== undefined) headers.authorization = `Bearer ${token}`;
    else if (username !== undefined || password !== undefined) {
      headers.authorization = `Basic ${Buffer.from(`${username ?? ''}:${password ?? ''}`).toString('base64')}`;
    }

    const envTimeout = envNumber('MLFLOW_HTTP_REQUEST_TIMEOUT');
    this.#http = new HttpTransport({
      baseUrl: this.trackingUri,
      headers,
      timeoutMs: options.timeoutMs ?? (envTimeout !== undefined ? envTimeout * 1000 : DEFAULT_TIMEOUT_MS),
      maxRetries: options.maxRetries ?? envNumber('MLFLOW_HTTP_REQUEST_MAX_RETRIES') ?? DEFAULT_MAX_RETRIES,
      fetch: options.fetch,
    });
  }

  /** Closes the keep-alive connections; the client is unusable afterwards. */
  async close(): Promise<void> {
    await this.#http.close();
  }

  #call<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, params: Record<string, unknown> = {}, version: '2.0' | '3.0' = '2.0'): Promise<T> {
    const options: SendOptions =
      method === 'GET' ? { query: params as SendOptions['query'] } : { json: params };
    return this.#http.json<T>(method, `/api/${version}/mlflow${path}`, options);
  }

  // ---- traces (MLflow v3 trace API) ----

  async searchTracesPage(query: SearchTracesOptions): Promise<TracesPage> {
    const res = await this.#call<{ traces?: TraceInfoWire[]; next_page_token?: string }>(
      'POST',
      '/traces/search',
      {
        locations: query.experimentIds.map((experiment_id) => ({ type: 'MLFLOW_EXPERIMENT', mlflow_experiment: { experiment_id } })),
        filter: query.filter,
        order_by: query.orderBy,
        max_results: query.maxResults,
        page_token: query.pageToken,
      },
      '3.0',
    );
    return { traces: res.traces ?? [], ...(res.next_page_token ? { nextPageToken: res.next_page_token } : {}) };
  }

  /** Every matching trace's info, page by page; `maxResults` is the page size. */
  async *searchTraces(query: SearchTracesOptions): AsyncGenerator<TraceInfoWire, void, undefined> {
    let pageToken = query.pageToken;
    do {
      const page = await this.searchTracesPage({ ...query, pageToken });
      yield* page.traces;
      pageToken = page.nextPageToken;
    } while (pageToken);
  }

  /** A trace with its spans (OTLP span JSON as the server stores it). */
  async getTrace(traceId: string): Promise<TraceWire> {
    const res = await this.#call<{ trace: TraceWire }>('GET', '/traces/get', { trace_id: traceId }, '3.0');
    return { trace_info: res.trace.trace_info, spans: res.trace.spans ?? [] };
  }

  /**
   * Attaches an assessment (MLflow 3 feedback or expectation) to a trace; returns it as stored,
   * with its `assessment_id`. Feedback `value` is any JSON value; a scorer that could not judge sends
   * `error` instead.
   */
  async createAssessment(traceId: string, assessment: AssessmentInput): Promise<Record<string, unknown>> {
    const res = await this.#call<{ assessment: Record<string, unknown> }>(
      'POST',
      `/traces/${encodeURIComponent(traceId)}/assessments`,
      { assessment: { ...assessment, trace_id: traceId } },
      '3.0',
    );
    return res.assessment;
  }

  // ---- experiments ----

  /**
   * The experiment named `name`, created (with `tags`) when there is none. Two callers may create
   * the same name at once; the loser sees RESOURCE_ALREADY_EXISTS and gets the winner's. A deleted
   * experiment is returned as it is: callers decide what that means for them.
   */
  async getOrCreateExperiment(name: string, options: { tags?: KeyValues } = {}): Promise<Experiment> {
    const find = async (): Promise<Experiment | undefined> => {
      try {
        return await this.getExperimentByName(name);
      } catch (err) {
        if (err instanceof MlflowApiError && err.errorCode === 'RESOURCE_DOES_NOT_EXIST') return undefined;
        throw err;
      }
    };
    const existing = await find();
    if (existing) return existing;
    try {
      return await this.getExperiment(await this.createExperiment(name, options));
    } catch (err) {
      if (err instanceof MlflowApiError && err.errorCode === 'RESOURCE_ALREADY_EXISTS') {
        const winner = await find();
        if (winner) return winner;
      }
      throw err;
    }
  }

  async createExperiment(name: string, options: { artifactLocation?: string; tags?: KeyValues } = {}): Promise<string> {
    const res = await this.#call<{ experiment_id: string }>('POST', '/experiments/create', {
      name,
      artifact_location: options.artifactLocation,
      tags: options.tags ? toKeyValues(options.tags) : undefined,
    });
    return String(res.experiment_id);
  }

  async getExperiment(experimentId: string): Promise<Experiment> {
    const res = await this.#call<{ experiment: Record<string, unknown> }>('GET', '/experiments/get', { experiment_id: experimentId });
    return decodeExperiment(res.experiment);
  }

  /** Throws MlflowApiError RESOURCE_DOES_NOT_EXIST (404) when no experiment has that name, as the REST call does. */
  async getExperimentByName(name: string): Promise<Experiment> {
    const res = await this.#call<{ experiment: Record<string, unknown> }>('GET', '/experiments/get-by-name', { experiment_name: name });
    return decodeExperiment(res.experiment);
  }

  async searchExperimentsPage(query: SearchExperimentsQuery = {}): Promise<ExperimentsPage> {
    const res = await this.#call<{ experiments?: Record<string, unknown>[]; next_page_token?: string }>('POST', '/experiments/search', {
      filter: query.filter,
      order_by: query.orderBy,
      view_type: query.viewType,
      max_results: query.maxResults,
      page_token: query.pageToken,
    });
    return { experiments: (res.experiments ?? []).map(decodeExperiment), ...(res.next_page_token ? { nextPageToken: res.next_page_token } : {}) };
  }

  /** Every matching experiment, page by page; `maxResults` is the page size. */
  async *searchExperiments(query: SearchExperimentsQuery = {}): AsyncGenerator<Experiment, void, undefined> {
    let pageToken = query.pageToken;
    do {
      const page = await this.searchExperimentsPage({ ...query, pageToken });
      yield* page.experiments;
      pageToken = page.nextPageToken;
    } while (pageToken);
  }

  async updateExperiment(experimentId: string, newName: string): Promise<void> {
    await this.#call('POST', '/experiments/update', { experiment_id: experimentId, new_name: newName });
  }

  /** Same as {@link updateExperiment}: renaming is all the update RPC does. */
  renameExperiment(experimentId: string, newName: string): Promise<void> {
    return this.updateExperiment(experimentId, newName);
  }

  async deleteExperiment(experimentId: string): Promise<void> {
    await this.#call('POST', '/experiments/delete', { experiment_id: experimentId });
  }

  async restoreExperiment(experimentId: string): Promise<void> {
    await this.#call('POST', '/experiments/restore', { experiment_id: experimentId });
  }

  async setExperimentTag(experimentId: string, key: string, value: string): Promise<void> {
    await this.#call('POST', '/experiments/set-experiment-tag', { experiment_id: experimentId, key, value });
  }

  async deleteExperimentTag(experimentId: string, key: string): Promise<void> {
    await this.#call('POST', '/experiments/delete-experiment-tag', { experiment_id: experimentId, key });
  }

  // ---- runs ----

  async createRun(options: CreateRunOptions = {}): Promise<Run> {
    const res = await this.#call<{ run: Record<string, unknown> }>('POST', '/runs/create', {
      experiment_id: options.experimentId,
      run_name: options.runName,
      start_time: options.startTime ?? Date.now(),
      user_id: options.userId,
      tags: options.tags ? toKeyValues(options.tags) : undefined,
    });
    return this.#remember(decodeRun(res.run));
  }

  async getRun(runId: string): Promise<Run> {
    // run_uuid too: MLflow servers before 1.x read only that name.
    const res = await this.#call<{ run: Record<string, unknown> }>('GET', '/runs/get', { run_id: runId, run_uuid: runId });
    return this.#remember(decodeRun(res.run));
  }

  async updateRun(runId: string, update: UpdateRunOptions): Promise<RunInfo> {
    const res = await this.#call<{ run_info: Record<string, unknown> }>('POST', '/runs/update', {
      run_id: runId,
      run_uuid: runId,
      status: update.status,
      end_time: update.endTime,
      run_name: update.runName,
    });
    return decodeRunInfo(res.run_info ?? {});
  }

  async deleteRun(runId: string): Promise<void> {
    await this.#call('POST', '/runs/delete', { run_id: runId });
  }

  async restoreRun(runId: string): Promise<void> {
    await this.#call('POST', '/runs/restore', { run_id: runId });
  }

  async searchRunsPage(query: SearchRunsQuery): Promise<RunsPage> {
    const res = await this.#call<{ runs?: Record<string, unknown>[]; next_page_token?: string }>('POST', '/runs/search', {
      experiment_ids: query.experimentIds,
      filter: query.filter,
      run_view_type: query.runViewType,
      max_results: query.maxResults,
      order_by: query.orderBy,
      page_token: query.pageToken,
    });
    return { runs: (res.runs ?? []).map(decodeRun), ...(res.next_page_token ? { nextPageToken: res.next_page_token } : {}) };
  }

  /** Every matching run, following `next_page_token`; `maxResults` is the page size. */
  async *searchRuns(query: SearchRunsQuery): AsyncGenerator<Run, void, undefined> {
    let pageToken = query.pageToken;
    do {
      const page = await this.searchRunsPage({ ...query, pageToken });
      yield* page.runs;
      pageToken = page.nextPageToken;
    } while (pageToken);
  }

  async logMetric(runId: string, key: string, value: number, options: LogMetricOptions = {}): Promise<void> {
    await this.#call('POST', '/runs/log-metric', {
      run_id: runId,
      run_uuid: runId,
      key,
      value,
      timestamp: options.timestamp ?? Date.now(),
      step: options.step ?? 0,
      dataset_name: options.datasetName,
      dataset_digest: options.datasetDigest,
      model_id: options.modelId,
    });
  }

  async logParam(runId: string, key: string, value: string | number | boolean): Promise<void> {
    await this.#call('POST', '/runs/log-parameter', { run_id: runId, run_uuid: runId, key, value: String(value) });
  }

  async setTag(runId: string, key: string, value: string): Promise<void> {
    await this.#call('POST', '/runs/set-tag', { run_id: runId, run_uuid: runId, key, value: String(value) });
  }

  async deleteTag(runId: string, key: string): Promise<void> {
    await this.#call('POST', '/runs/delete-tag', { run_id: runId, key });
  }

  /**
   * Logs any number of metrics, params and tags, in as few requests as the server's log-batch
   * limits allow. Requests go one after another, so a failure leaves earlier chunks stored.
   */
  async logBatch(runId: string, data: LogBatchData): Promise<void> {
    const now = Date.now();
    const metrics: WireMetric[] = (data.metrics ?? []).map((m) => ({
      key: m.key,
      value: m.value,
      timestamp: m.timestamp ?? now,
      step: m.step ?? 0,
    }));
    const chunks = splitLogBatch({ metrics, params: toKeyValues(data.params), tags: toKeyValues(data.tags) });
    for (const chunk of chunks) {
      await this.#call('POST', '/runs/log-batch', { run_id: runId, ...chunk });
    }
  }

  async logInputs(runId: string, datasets: readonly DatasetInput[], models: readonly { model_id: string }[] = []): Promise<void> {
    await this.#call('POST', '/runs/log-inputs', { run_id: runId, datasets, models: models.length > 0 ? models : undefined });
  }

  /** The metric's whole history, all pages. */
  async getMetricHistory(runId: string, metricKey: string): Promise<Metric[]> {
    const all: Metric[] = [];
    let pageToken: string | undefined;
    do {
      const res = await this.#call<{ metrics?: Record<string, unknown>[]; next_page_token?: string }>('GET', '/metrics/get-history', {
        run_id: runId,
        run_uuid: runId,
        metric_key: metricKey,
        page_token: pageToken,
      });
      for (const m of res.metrics ?? []) all.push(decodeMetric(m));
      pageToken = res.next_page_token || undefined;
    } while (pageToken);
    return all;
  }

  // ---- artifacts ----

  /** Uploads one file, streamed, to `<artifactPath>/<file name>` under the run's artifact root. */
  async logArtifact(runId: string, localFile: string, artifactPath?: string): Promise<void> {
    const info = await stat(localFile);
    if (!info.isFile()) throw new Error(`logArtifact needs a file; '${localFile}' is not one (use logArtifacts for a directory).`);
    const base = await this.#artifactBase(runId);
    const target = cleanArtifactPath(base.path, cleanArtifactPath(artifactPath), basename(localFile));
    const endpoint = `${ARTIFACTS_API}/${encodePath(target)}`;
    const response = await this.#http.send('PUT', base.origin + endpoint, {
      stream: () => createReadStream(localFile),
      contentType: CONTENT_TYPES[extname(localFile).toLowerCase()] ?? 'application/octet-stream',
    });
    if (response.status >= 400) throw await this.#http.toApiError('PUT', endpoint, response);
    await response.discard();
  }

  /** Uploads a directory tree, keeping its layout under `artifactPath`. */
  async logArtifacts(runId: string, localDir: string, artifactPath?: string): Promise<void> {
    const info = await stat(localDir);
    if (!info.isDirectory()) throw new Error(`logArtifacts needs a directory; '${localDir}' is not one (use logArtifact for a file).`);
    const entries = await readdir(localDir, { recursive: true, withFileTypes: true });
    const files: string[] = [];
    for (const entry of entries) {
      const full = join(entry.parentPath, entry.name);
      // A symlinked file is uploaded as its content, as MLflow's os.walk-based upload does.
      if (entry.isFile() || (entry.isSymbolicLink() && (await stat(full).catch(() => undefined))?.isFile())) files.push(full);
    }
    const prefix = cleanArtifactPath(artifactPath);
    await mapLimit(files, UPLOAD_CONCURRENCY, (file) => this.logArtifact(runId, file, cleanArtifactPath(prefix, relative(localDir, dirname(file)).split(sep).join('/'))));
  }

  /** The entries directly under `path` (default: the run's artifact root). */
  async listArtifacts(runId: string, path?: string): Promise<ArtifactFileInfo[]> {
    const base = await this.#artifactBase(runId);
    const rel = cleanArtifactPath(path);
    const res = await this.#http.json<{ files?: { path: string; is_dir?: boolean; file_size?: number | string }[] }>(
      'GET',
      base.origin + ARTIFACTS_API,
      { query: { path: cleanArtifactPath(base.path, rel) || undefined } },
    );
    return (res.files ?? []).map((f) => ({
      // The artifacts service answers basenames; MLflow's clients report paths from the run root.
      path: rel ? `${rel}/${f.path}` : f.path,
      is_dir: f.is_dir ?? false,
      ...(f.file_size !== undefined && !f.is_dir ? { file_size: decodeNumber(f.file_size) } : {}),
    }));
  }

  /** Streams one artifact file to `destFile` (parent directories are created). */
  async downloadArtifact(runId: string, path: string, destFile: string): Promise<void> {
    const base = await this.#artifactBase(runId);
    const rel = cleanArtifactPath(path);
    if (rel === '') throw new Error('downloadArtifact needs the path of a file inside the run artifacts.');
    const endpoint = `${ARTIFACTS_API}/${encodePath(cleanArtifactPath(base.path, rel))}`;
    const response = await this.#http.send('GET', base.origin + endpoint);
    if (response.status >= 400) throw await this.#http.toApiError('GET', endpoint, response);
    await mkdir(dirname(destFile), { recursive: true });
    // A partial file would look like a complete artifact; write aside and rename when done.
    const partial = `${destFile}.${process.pid}.partial`;
    try {
      await pipeline(response.stream(), createWriteStream(partial));
      await rename(partial, destFile);
    } catch (err) {
      await rm(partial, { force: true });
      throw err;
    }
  }

  #remember(run: Run): Run {
    if (run.info.run_id && run.info.artifact_uri) this.#artifactUris.set(run.info.run_id, run.info.artifact_uri);
    return run;
  }

  /** Where the run's artifacts live on the artifacts service: origin (tracking server unless the URI names a host) and path. */
  async #artifactBase(runId: string): Promise<{ origin: string; path: string }> {
    const uri = this.#artifactUris.get(runId) ?? (await this.getRun(runId)).info.artifact_uri;
    const match = /^mlflow-artifacts:(?:\/\/([^/]*))?(\/.*)?$/.exec(uri);
    if (!match) {
      throw new Error(
        `Run ${runId} stores artifacts at '${uri}', which is not served by the tracking server; ` +
          'this client uploads and downloads only mlflow-artifacts:/ locations (start the server with --serve-artifacts).',
      );
    }
    const host = match[1];
    const origin = host ? `${new URL(this.trackingUri).protocol}//${host}` : this.trackingUri;
    return { origin, path: cleanArtifactPath(match[2] ?? '') };
  }
}
