import { randomUUID } from 'node:crypto';
import type { SQLInputValue } from 'node:sqlite';
import { MlflowError, invalidParam, notFound } from '../../mlflow/errors.ts';
import { MLFLOW_LIMITS, MLFLOW_TAGS, type LoggedModelStatus, type RunStatus, type ViewType } from '../../mlflow/limits.ts';
import type {
  CreateLoggedModelInput,
  CreateRunInput,
  DatasetInput,
  Experiment,
  KeyValue,
  LogBatchInput,
  LoggedModel,
  Metric,
  MetricHistoryIntervalQuery,
  MetricHistoryQuery,
  Page,
  Run,
  RunInfo,
  SearchExperimentsQuery,
  SearchLoggedModelsQuery,
  SearchRunsQuery,
  TraceStore,
  TrackingStore,
  UpdateRunInput,
} from '../contract.ts';
import { generateRunName } from '../run-names.ts';
import { parseFilter, parseLoggedModelOrderBy, parseOrderBy } from '../search/parser.ts';
import { decodePageToken, encodePageToken } from '../search/page-token.ts';
import {
  normalizeBatch,
  normalizeParam,
  normalizeRunTag,
  validateExperimentName,
  validateExperimentTag,
  validateKey,
} from '../validate.ts';
import { SqliteDb } from './db.ts';
import { activeExperimentRow, experimentKey, experimentRow, type ExperimentRow } from './experiment-rows.ts';
import { SqliteTraceStore } from './traces.ts';
import {
  compileExperimentFilter,
  compileExperimentOrderBy,
  compileLoggedModelFilter,
  compileLoggedModelOrderBy,
  compileRunFilter,
  compileRunOrderBy,
} from './search-sql.ts';


interface RunRow {
  run_uuid: string;
  name: string;
  experiment_id: number;
  user_id: string;
  status: RunStatus;
  start_time: number | null;
  end_time: number | null;
  artifact_uri: string;
  lifecycle_stage: 'active' | 'deleted';
}

interface MetricRow {
  run_uuid: string;
  key: string;
  value: number;
  is_nan: number;
  timestamp: number;
  step: number;
  dataset_name?: string | null;
  dataset_digest?: string | null;
  model_id?: string | null;
}

interface LoggedModelRow {
  model_id: string;
  experiment_id: number;
  name: string;
  artifact_location: string;
  creation_timestamp_ms: number;
  last_updated_timestamp_ms: number;
  status: LoggedModelStatus;
  model_type: string | null;
  source_run_id: string | null;
  status_message: string | null;
}

export interface SqliteStoreOptions {
  /** File path, or ':memory:'. */
  path: string;
  /** Root under which experiment artifact locations are made, e.g. `mlflow-artifacts:/`. */
  defaultArtifactRoot?: string;
}

const DEFAULT_EXPERIMENT_ID = '0';

const METRIC_ROWS_PER_INSERT = 100;
const METRIC_ROW_SQL = ',(?, ?, ?, ?, ?, ?, ?, ?)';

type MetricPoint = { value: number; timestamp: number; step: number };

/** MLflow's order for "latest": step, then timestamp, then value. */
function isNewer(a: MetricPoint, b: MetricPoint): boolean {
  if (a.step !== b.step) return a.step > b.step;
  if (a.timestamp !== b.timestamp) return a.timestamp > b.timestamp;
  return a.value > b.value;
}

/** Non-finite metric values: MLflow's SQL store keeps ±Infinity as ±max double and NaN as a flag. */
function encodeMetricValue(value: number): { value: number; isNan: number } {
  if (Number.isNaN(value)) return { value: 0, isNan: 1 };
  if (value === Infinity) return { value: Number.MAX_VALUE, isNan: 0 };
  if (value === -Infinity) return { value: -Number.MAX_VALUE, isNan: 0 };
  return { value, isNan: 0 };
}

function toMetric(r: MetricRow, withRunId = false): Metric {
  const m: Metric = { key: r.key, value: r.is_nan ? NaN : r.value, timestamp: Number(r.timestamp), step: Number(r.step) };
  if (r.dataset_name) m.dataset_name = r.dataset_name;
  if (r.dataset_digest) m.dataset_digest = r.dataset_digest;
  if (r.model_id) m.model_id = r.model_id;
  if (withRunId) m.run_id = r.run_uuid;
  return m;
}

function joinUri(root: string, ...parts: string[]): string {
  return [root.replace(/\/+$/, ''), ...parts].join('/');
}


function checkMaxResults(value: number | undefined, limits: { defaultMaxResults: number; maxResults: number }): number {
  if (value === undefined) return limits.defaultMaxResults;
  if (!Number.isInteger(value) || value < 1 || value > limits.maxResults) {
    throw invalidParam(
      `Invalid value ${value} for parameter 'max_results' supplied. It must be a positive integer at most ${limits.maxResults}.`,
    );
  }
  return value;
}

/** SQLite's fixed limits that an oversized filter or order_by runs into (depth 1000, 64-table joins, 200 FROM terms, 32766 variables, 50000-byte LIKE patterns). */
const SQLITE_SIZE_LIMIT =
  /Expression tree is too large|at most \d+ tables in a join|too many FROM clause terms|too many SQL variables|LIKE or GLOB pattern too complex|too many terms in compound SELECT|parser stack overflow/;

/** A search too big for SQLite is the client's to shrink; answering 500 would make the Python client retry it for minutes. */
function runSearchQuery<T>(what: string, query: () => T): T {
  try {
    return query();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (!SQLITE_SIZE_LIMIT.test(message)) throw err;
    throw invalidParam(`The ${what} request is too large to run (${message}). Use fewer filter clauses, order_by keys or IN values.`);
  }
}

function lifecycleCondition(column: string, view: ViewType | undefined): string {
  switch (view ?? 'ACTIVE_ONLY') {
    case 'ACTIVE_ONLY':
      return `${column} = 'active'`;
    case 'DELETED_ONLY':
      return `${column} = 'deleted'`;
    case 'ALL':
      return '1 = 1';
  }
}

export class SqliteTrackingStore implements TrackingStore {
  readonly defaultArtifactRoot: string;
  readonly traces: TraceStore;
  private readonly sql: SqliteDb;

  constructor(options: SqliteStoreOptions) {
    this.defaultArtifactRoot = options.defaultArtifactRoot ?? 'mlflow-artifacts:/';
    this.sql = new SqliteDb(options.path);
    this.traces = new SqliteTraceStore(this.sql);
    const now = Date.now();
    this.sql.run(
      `INSERT OR IGNORE INTO experiments (experiment_id, name, artifact_location, lifecycle_stage, creation_time, last_update_time)
       VALUES (0, 'Default', ?, 'active', ?, ?)`,
      joinUri(this.defaultArtifactRoot, DEFAULT_EXPERIMENT_ID),
      now,
      now,
    );
  }

  // ---------------------------------------------------------------- experiments

  private experimentRow(experimentId: string): ExperimentRow {
    return experimentRow(this.sql, experimentId);
  }

  private activeExperimentRow(experimentId: string): ExperimentRow {
    return activeExperimentRow(this.sql, experimentId);
  }

  private hydrateExperiments(rows: ExperimentRow[]): Experiment[] {
    if (rows.length === 0) return [];
    const tags = this.sql.all<{ experiment_id: number; key: string; value: string }>(
      'SELECT experiment_id, key, value FROM experiment_tags WHERE experiment_id IN (SELECT value FROM json_each(?)) ORDER BY rowid',
      JSON.stringify(rows.map((r) => r.experiment_id)),
    );
    const byExp = new Map<number, KeyValue[]>();
    for (const t of tags) {
      let list = byExp.get(t.experiment_id);
      if (!list) byExp.set(t.experiment_id, (list = []));
      list.push({ key: t.key, value: t.value });
    }
    return rows.map((r) => ({
      experiment_id: String(r.experiment_id),
      name: r.name,
      artifact_location: r.artifact_location,
      lifecycle_stage: r.lifecycle_stage,
      last_update_time: Number(r.last_update_time),
      creation_time: Number(r.creation_time),
      tags: byExp.get(r.experiment_id) ?? [],
    }));
  }

  async createExperiment(input: { name: string; artifact_location?: string; tags?: KeyValue[] }): Promise<string> {
    validateExperimentName(input.name);
    const tags = input.tags ?? [];
    tags.forEach(validateExperimentTag);
    return this.sql.transaction(() => {
      if (this.sql.get('SELECT 1 FROM experiments WHERE name = ?', input.name)) {
        throw new MlflowError('RESOURCE_ALREADY_EXISTS', `Experiment(name=${input.name}) already exists.`);
      }
      const now = Date.now();
      const { lastInsertRowid } = this.sql.run(
        `INSERT INTO experiments (name, artifact_location, lifecycle_stage, creation_time, last_update_time) VALUES (?, '', 'active', ?, ?)`,
        input.name,
        now,
        now,
      );
      const id = String(lastInsertRowid);
      this.sql.run(
        'UPDATE experiments SET artifact_location = ? WHERE experiment_id = ?',
        input.artifact_location || joinUri(this.defaultArtifactRoot, id),
        Number(lastInsertRowid),
      );
      for (const t of tags) {
        this.sql.run('INSERT OR REPLACE INTO experiment_tags (experiment_id, key, value) VALUES (?, ?, ?)', Number(lastInsertRowid), t.key, String(t.value ?? ''));
      }
      return id;
    });
  }

  async getExperiment(experimentId: string): Promise<Experiment> {
    return this.hydrateExperiments([this.experimentRow(experimentId)])[0]!;
  }

  async getExperimentByName(name: string): Promise<Experiment> {
    const row = this.sql.get<ExperimentRow>('SELECT * FROM experiments WHERE name = ?', name);
    if (!row) throw notFound(`Could not find experiment with name '${name}'`);
    return this.hydrateExperiments([row])[0]!;
  }

  async searchExperiments(query: SearchExperimentsQuery): Promise<Page<Experiment>> {
    const limit = checkMaxResults(query.maxResults, MLFLOW_LIMITS.searchExperiments);
    const offset = decodePageToken(query.pageToken);
    const filter = compileExperimentFilter(parseFilter(query.filter, 'experiments'));
    const order = compileExperimentOrderBy((query.orderBy ?? []).map((o) => parseOrderBy(o, 'experiments')));
    const where = [lifecycleCondition('experiments.lifecycle_stage', query.viewType), ...filter.where].join(' AND ');
    const rows = runSearchQuery('search_experiments', () =>
      this.sql.db
        .prepare(`SELECT experiments.* FROM experiments ${order.joins} WHERE ${where} ORDER BY ${order.orderBy} LIMIT ? OFFSET ?`)
        .all(...(order.params as SQLInputValue[]), ...(filter.params as SQLInputValue[]), limit + 1, offset),
    ) as unknown as ExperimentRow[];
    const page: Page<Experiment> = { items: this.hydrateExperiments(rows.slice(0, limit)) };
    if (rows.length > limit) page.nextPageToken = encodePageToken(offset + limit);
    return page;
  }

  async renameExperiment(experimentId: string, newName: string): Promise<void> {
    validateExperimentName(newName);
    this.sql.transaction(() => {
      const row = this.experimentRow(experimentId);
      if (row.lifecycle_stage !== 'active') {
        throw new MlflowError('INVALID_STATE', `Cannot rename a non-active experiment. Restore experiment ${experimentId} first.`);
      }
      const clash = this.sql.get<{ experiment_id: number }>('SELECT experiment_id FROM experiments WHERE name = ?', newName);
      if (clash && clash.experiment_id !== row.experiment_id) {
        throw new MlflowError('RESOURCE_ALREADY_EXISTS', `Experiment(name=${newName}) already exists.`);
      }
      this.sql.run('UPDATE experiments SET name = ?, last_update_time = ? WHERE experiment_id = ?', newName, Date.now(), row.experiment_id);
    });
  }

  async deleteExperiment(experimentId: string): Promise<void> {
    if (experimentId === DEFAULT_EXPERIMENT_ID) {
      throw invalidParam(`Cannot delete the default experiment '${DEFAULT_EXPERIMENT_ID}'. This is an internally reserved experiment.`);
    }
    this.sql.transaction(() => {
      const row = this.experimentRow(experimentId);
      const now = Date.now();
      this.sql.run(`UPDATE experiments SET lifecycle_stage = 'deleted', last_update_time = ? WHERE experiment_id = ?`, now, row.experiment_id);
      // Runs deleted with their experiment are marked, so restoring the experiment brings back
      // exactly those and not runs the user had deleted on their own (MLflow restores all).
      this.sql.run(
        `UPDATE runs SET lifecycle_stage = 'deleted', deleted_time = ?, deleted_with_experiment = 1 WHERE experiment_id = ? AND lifecycle_stage = 'active'`,
        now,
        row.experiment_id,
      );
    });
  }

  async restoreExperiment(experimentId: string): Promise<void> {
    this.sql.transaction(() => {
      const row = this.experimentRow(experimentId);
      if (row.lifecycle_stage === 'active') return;
      this.sql.run(`UPDATE experiments SET lifecycle_stage = 'active', last_update_time = ? WHERE experiment_id = ?`, Date.now(), row.experiment_id);
      this.sql.run(
        `UPDATE runs SET lifecycle_stage = 'active', deleted_time = NULL, deleted_with_experiment = 0 WHERE experiment_id = ? AND deleted_with_experiment = 1`,
        row.experiment_id,
      );
    });
  }

  async setExperimentTag(experimentId: string, tag: KeyValue): Promise<void> {
    validateExperimentTag(tag);
    this.sql.transaction(() => {
      const row = this.activeExperimentRow(experimentId);
      this.sql.run(
        'INSERT INTO experiment_tags (experiment_id, key, value) VALUES (?, ?, ?) ON CONFLICT (experiment_id, key) DO UPDATE SET value = excluded.value',
        row.experiment_id,
        tag.key,
        String(tag.value ?? ''),
      );
    });
  }

  async deleteExperimentTag(experimentId: string, key: string): Promise<void> {
    validateKey(key, 'Tag name');
    this.sql.transaction(() => {
      const row = this.activeExperimentRow(experimentId);
      const { changes } = this.sql.run('DELETE FROM experiment_tags WHERE experiment_id = ? AND key = ?', row.experiment_id, key);
      if (Number(changes) === 0) throw notFound(`No tag with name: ${key} in experiment with id ${experimentId}`);
    });
  }

  // ---------------------------------------------------------------- runs

  private runRow(runId: string): RunRow {
    const row = this.sql.get<RunRow>('SELECT * FROM runs WHERE run_uuid = ?', runId);
    if (!row) throw notFound(`Run with id=${runId} not found`);
    return row;
  }

  private activeRunRow(runId: string): RunRow {
    const row = this.runRow(runId);
    if (row.lifecycle_stage !== 'active') {
      throw invalidParam(`The run ${runId} must be in the 'active' state. Current state is ${row.lifecycle_stage}.`);
    }
    return row;
  }

  private toRunInfo(r: RunRow): RunInfo {
    const info: RunInfo = {
      run_id: r.run_uuid,
      run_name: r.name,
      experiment_id: String(r.experiment_id),
      user_id: r.user_id,
      status: r.status,
      start_time: Number(r.start_time ?? 0),
      artifact_uri: r.artifact_uri,
      lifecycle_stage: r.lifecycle_stage,
    };
    if (r.end_time !== null && r.end_time !== undefined) info.end_time = Number(r.end_time);
    return info;
  }

  /** Loads data, inputs and outputs for a page of runs with one query per table, not one per run. */
  private hydrateRuns(rows: RunRow[]): Run[] {
    if (rows.length === 0) return [];
    const ids = JSON.stringify(rows.map((r) => r.run_uuid));
    const runs = new Map<string, Run>();
    for (const r of rows) {
      runs.set(r.run_uuid, {
        info: this.toRunInfo(r),
        data: { metrics: [], params: [], tags: [] },
        inputs: { dataset_inputs: [], model_inputs: [] },
        outputs: { model_outputs: [] },
      });
    }
    const IN = '(SELECT value FROM json_each(?))';
    for (const m of this.sql.all<MetricRow>(`SELECT * FROM latest_metrics WHERE run_uuid IN ${IN} ORDER BY rowid`, ids)) {
      runs.get(m.run_uuid)!.data.metrics.push(toMetric(m));
    }
    for (const p of this.sql.all<{ run_uuid: string; key: string; value: string }>(`SELECT run_uuid, key, value FROM params WHERE run_uuid IN ${IN} ORDER BY rowid`, ids)) {
      runs.get(p.run_uuid)!.data.params.push({ key: p.key, value: p.value });
    }
    for (const t of this.sql.all<{ run_uuid: string; key: string; value: string }>(`SELECT run_uuid, key, value FROM tags WHERE run_uuid IN ${IN} ORDER BY rowid`, ids)) {
      runs.get(t.run_uuid)!.data.tags.push({ key: t.key, value: t.value });
    }
    for (const d of this.sql.all<{ run_uuid: string; tags: string; name: string; digest: string; source_type: string; source: string; schema: string | null; profile: string | null }>(
      `SELECT i.run_uuid, i.tags, d.name, d.digest, d.source_type, d.source, d.schema, d.profile
       FROM dataset_inputs i JOIN datasets d ON d.dataset_uuid = i.dataset_uuid WHERE i.run_uuid IN ${IN} ORDER BY i.rowid`,
      ids,
    )) {
      const dataset: DatasetInput['dataset'] = { name: d.name, digest: d.digest, source_type: d.source_type, source: d.source };
      if (d.schema !== null) dataset.schema = d.schema;
      if (d.profile !== null) dataset.profile = d.profile;
      runs.get(d.run_uuid)!.inputs.dataset_inputs.push({ tags: JSON.parse(d.tags) as KeyValue[], dataset });
    }
    for (const io of this.sql.all<{ run_uuid: string; model_id: string; direction: string; step: number }>(
      `SELECT run_uuid, model_id, direction, step FROM run_model_io WHERE run_uuid IN ${IN} ORDER BY rowid`,
      ids,
    )) {
      const run = runs.get(io.run_uuid)!;
      if (io.direction === 'input') run.inputs.model_inputs.push({ model_id: io.model_id });
      else run.outputs.model_outputs.push({ model_id: io.model_id, step: Number(io.step) });
    }
    return [...runs.values()];
  }

  async createRun(input: CreateRunInput): Promise<Run> {
    const tags = (input.tags ?? []).map(normalizeRunTag);
    const tagName = tags.find((t) => t.key === MLFLOW_TAGS.runName)?.value;
    if (input.run_name && tagName !== undefined && input.run_name !== tagName) {
      throw invalidParam(
        `Both 'run_name' argument and 'mlflow.runName' tag are specified, but with different values (run_name='${input.run_name}', mlflow.runName='${tagName}').`,
      );
    }
    const runName = input.run_name || tagName || generateRunName();
    if (tagName === undefined) tags.push({ key: MLFLOW_TAGS.runName, value: runName });
    const runId = randomUUID().replaceAll('-', '');
    return this.sql.transaction(() => {
      const exp = this.activeExperimentRow(input.experiment_id ?? DEFAULT_EXPERIMENT_ID);
      this.sql.run(
        `INSERT INTO runs (run_uuid, name, experiment_id, user_id, status, start_time, artifact_uri, lifecycle_stage)
         VALUES (?, ?, ?, ?, 'RUNNING', ?, ?, 'active')`,
        runId,
        runName,
        exp.experiment_id,
        input.user_id ?? '',
        input.start_time ?? Date.now(),
        joinUri(exp.artifact_location, runId, 'artifacts'),
      );
      for (const t of tags) this.upsertTag(runId, t);
      return this.hydrateRuns([this.runRow(runId)])[0]!;
    });
  }

  async getRun(runId: string): Promise<Run> {
    return this.hydrateRuns([this.runRow(runId)])[0]!;
  }

  async updateRun(input: UpdateRunInput): Promise<RunInfo> {
    return this.sql.transaction(() => {
      const row = this.activeRunRow(input.run_id);
      if (input.status !== undefined) this.sql.run('UPDATE runs SET status = ? WHERE run_uuid = ?', input.status, row.run_uuid);
      if (input.end_time !== undefined) this.sql.run('UPDATE runs SET end_time = ? WHERE run_uuid = ?', input.end_time, row.run_uuid);
      if (input.run_name) this.upsertTag(row.run_uuid, normalizeRunTag({ key: MLFLOW_TAGS.runName, value: input.run_name }));
      return this.toRunInfo(this.runRow(row.run_uuid));
    });
  }

  async deleteRun(runId: string): Promise<void> {
    this.sql.transaction(() => {
      this.runRow(runId);
      this.sql.run(`UPDATE runs SET lifecycle_stage = 'deleted', deleted_time = ? WHERE run_uuid = ?`, Date.now(), runId);
    });
  }

  async restoreRun(runId: string): Promise<void> {
    this.sql.transaction(() => {
      this.runRow(runId);
      this.sql.run(`UPDATE runs SET lifecycle_stage = 'active', deleted_time = NULL, deleted_with_experiment = 0 WHERE run_uuid = ?`, runId);
    });
  }

  async searchRuns(query: SearchRunsQuery): Promise<Page<Run>> {
    const limit = checkMaxResults(query.maxResults, MLFLOW_LIMITS.searchRuns);
    const offset = decodePageToken(query.pageToken);
    const filter = compileRunFilter(parseFilter(query.filter, 'runs'));
    const order = compileRunOrderBy((query.orderBy ?? []).map((o) => parseOrderBy(o, 'runs')));
    const expIds = query.experimentIds.map(experimentKey).filter((id): id is number => id !== undefined);
    if (expIds.length === 0) return { items: [] };
    const where = [
      'runs.experiment_id IN (SELECT value FROM json_each(?))',
      lifecycleCondition('runs.lifecycle_stage', query.runViewType),
      ...filter.where,
    ].join(' AND ');
    const sql = `SELECT runs.* FROM runs ${order.joins} WHERE ${where} ORDER BY ${order.orderBy} LIMIT ? OFFSET ?`;
    const rows = runSearchQuery('search_runs', () =>
      this.sql.stmt(sql).all(...(order.params as SQLInputValue[]), JSON.stringify(expIds), ...(filter.params as SQLInputValue[]), limit + 1, offset),
    ) as unknown as RunRow[];
    const page: Page<Run> = { items: this.hydrateRuns(rows.slice(0, limit)) };
    if (rows.length > limit) page.nextPageToken = encodePageToken(offset + limit);
    return page;
  }

  // ---------------------------------------------------------------- run data

  private upsertTag(runId: string, tag: KeyValue): void {
    this.sql.run('INSERT INTO tags (run_uuid, key, value) VALUES (?, ?, ?) ON CONFLICT (run_uuid, key) DO UPDATE SET value = excluded.value', runId, tag.key, tag.value);
    // The run name lives in two places in MLflow (column and tag); keep them one.
    if (tag.key === MLFLOW_TAGS.runName) this.sql.run('UPDATE runs SET name = ? WHERE run_uuid = ?', tag.value, runId);
  }

  private insertMetrics(runId: string, metrics: Metric[]): void {
    if (metrics.length === 0) return;
    // The batch's own latest point per key, by MLflow's rule: greatest (step, timestamp, value),
    // NaN comparing as its stored 0.
    const latest = new Map<string, { value: number; is_nan: number; timestamp: number; step: number }>();
    const encoded = metrics.map((m) => {
      const { value, isNan } = encodeMetricValue(m.value);
      const point = { value, is_nan: isNan, timestamp: m.timestamp, step: m.step ?? 0 };
      const cur = latest.get(m.key);
      if (!cur || isNewer(point, cur)) latest.set(m.key, point);
      return point;
    });
    // One lookup for every key in the batch; then an insert per new series, an update per
    // series whose latest point moved.
    const existing = new Map<string, { series_id: number; value: number; timestamp: number; step: number }>();
    for (const row of this.sql.all<{ key: string; series_id: number; value: number; timestamp: number; step: number }>(
      'SELECT key, series_id, value, timestamp, step FROM latest_metrics WHERE run_uuid = ? AND key IN (SELECT value FROM json_each(?))',
      runId,
      JSON.stringify([...latest.keys()]),
    )) {
      existing.set(row.key, row);
    }
    const seriesIds = new Map<string, number>();
    for (const [key, point] of latest) {
      const row = existing.get(key);
      if (!row) {
        const { lastInsertRowid } = this.sql.run(
          'INSERT INTO latest_metrics (run_uuid, key, value, is_nan, timestamp, step) VALUES (?, ?, ?, ?, ?, ?)',
          runId,
          key,
          point.value,
          point.is_nan,
          point.timestamp,
          point.step,
        );
        seriesIds.set(key, Number(lastInsertRowid));
        continue;
      }
      seriesIds.set(key, row.series_id);
      if (isNewer(point, row)) {
        this.sql.run(
          'UPDATE latest_metrics SET value = ?, is_nan = ?, timestamp = ?, step = ? WHERE series_id = ?',
          point.value,
          point.is_nan,
          point.timestamp,
          point.step,
          row.series_id,
        );
      }
    }
    // Multi-row INSERTs with bound values: far fewer statement calls than one per point, and
    // doubles bind exactly (text-to-double parsing inside SQL would not round-trip every value).
    for (let i = 0; i < metrics.length; i += METRIC_ROWS_PER_INSERT) {
      const n = Math.min(METRIC_ROWS_PER_INSERT, metrics.length - i);
      const values: SQLInputValue[] = [];
      for (let j = i; j < i + n; j++) {
        const m = metrics[j]!;
        const p = encoded[j]!;
        values.push(seriesIds.get(m.key)!, p.step, p.timestamp, p.value, p.is_nan, m.dataset_name ?? null, m.dataset_digest ?? null, m.model_id ?? null);
      }
      this.sql
        .stmt(`INSERT OR IGNORE INTO metrics (series_id, step, timestamp, value, is_nan, dataset_name, dataset_digest, model_id) VALUES ${METRIC_ROW_SQL.repeat(n).slice(1)}`)
        .run(...values);
    }
  }

  private insertParams(runId: string, params: KeyValue[]): void {
    // Check every param before writing any, so a conflict leaves the run untouched.
    for (const p of params) {
      const existing = this.sql.get<{ value: string }>('SELECT value FROM params WHERE run_uuid = ? AND key = ?', runId, p.key);
      if (existing && existing.value !== p.value) {
        throw invalidParam(
          `Changing param values is not allowed. Param with key='${p.key}' was already logged with value='${existing.value}' for run ID='${runId}'. Attempted logging new value '${p.value}'.`,
        );
      }
    }
    for (const p of params) this.sql.run('INSERT OR IGNORE INTO params (run_uuid, key, value) VALUES (?, ?, ?)', runId, p.key, p.value);
  }

  async logBatch(input: LogBatchInput): Promise<void> {
    const batch = normalizeBatch(input);
    this.sql.transaction(() => {
      this.activeRunRow(input.run_id);
      this.insertParams(input.run_id, batch.params);
      this.insertMetrics(input.run_id, batch.metrics);
      for (const t of batch.tags) this.upsertTag(input.run_id, t);
    });
  }

  async setTag(runId: string, tag: KeyValue): Promise<void> {
    const t = normalizeRunTag(tag);
    this.sql.transaction(() => {
      this.activeRunRow(runId);
      this.upsertTag(runId, t);
    });
  }

  async deleteTag(runId: string, key: string): Promise<void> {
    this.sql.transaction(() => {
      this.activeRunRow(runId);
      const { changes } = this.sql.run('DELETE FROM tags WHERE run_uuid = ? AND key = ?', runId, key);
      if (Number(changes) === 0) throw notFound(`No tag with name: ${key} in run with id ${runId}`);
    });
  }

  async logInputs(runId: string, datasets: DatasetInput[], models: { model_id: string }[]): Promise<void> {
    const L = MLFLOW_LIMITS.dataset;
    if (datasets.length > L.maxDatasetsPerBatch) {
      throw invalidParam(`A batch logging request can contain at most ${L.maxDatasetsPerBatch} datasets. Got ${datasets.length} datasets.`);
    }
    for (const { dataset: d, tags } of datasets) {
      const checks: [string, string | undefined, number][] = [
        ['name', d.name, L.maxNameLength],
        ['digest', d.digest, L.maxDigestLength],
        ['source', d.source, L.maxSourceLength],
        ['schema', d.schema, L.maxSchemaLength],
        ['profile', d.profile, L.maxProfileLength],
      ];
      for (const [field, value, max] of checks) {
        if (value !== undefined && value.length > max) throw invalidParam(`Dataset ${field} exceeds the maximum length of ${max} characters`);
      }
      for (const t of tags ?? []) {
        if (t.key.length > L.maxInputTagKeyLength) throw invalidParam(`Input tag key exceeds the maximum length of ${L.maxInputTagKeyLength} characters`);
        if (String(t.value).length > L.maxInputTagValueLength) throw invalidParam(`Input tag value exceeds the maximum length of ${L.maxInputTagValueLength} characters`);
      }
    }
    this.sql.transaction(() => {
      const run = this.activeRunRow(runId);
      for (const { dataset: d, tags } of datasets) {
        const existing = this.sql.get<{ dataset_uuid: string }>(
          'SELECT dataset_uuid FROM datasets WHERE experiment_id = ? AND name = ? AND digest = ?',
          run.experiment_id,
          d.name,
          d.digest,
        );
        const datasetUuid = existing?.dataset_uuid ?? randomUUID().replaceAll('-', '');
        if (!existing) {
          this.sql.run(
            'INSERT INTO datasets (dataset_uuid, experiment_id, name, digest, source_type, source, schema, profile) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
            datasetUuid,
            run.experiment_id,
            d.name,
            d.digest,
            d.source_type,
            d.source,
            d.schema ?? null,
            d.profile ?? null,
          );
        }
        this.sql.run(
          'INSERT OR IGNORE INTO dataset_inputs (run_uuid, dataset_uuid, tags) VALUES (?, ?, ?)',
          runId,
          datasetUuid,
          JSON.stringify((tags ?? []).map((t) => ({ key: t.key, value: String(t.value) }))),
        );
      }
      for (const m of models) {
        this.sql.run(`INSERT OR IGNORE INTO run_model_io (run_uuid, model_id, direction, step) VALUES (?, ?, 'input', 0)`, runId, m.model_id);
      }
    });
  }

  async logOutputs(runId: string, models: { model_id: string; step: number }[]): Promise<void> {
    this.sql.transaction(() => {
      this.activeRunRow(runId);
      for (const m of models) {
        this.sql.run(
          `INSERT INTO run_model_io (run_uuid, model_id, direction, step) VALUES (?, ?, 'output', ?)
           ON CONFLICT (run_uuid, model_id, direction) DO UPDATE SET step = excluded.step`,
          runId,
          m.model_id,
          m.step ?? 0,
        );
      }
    });
  }

  async getMetricHistory(query: MetricHistoryQuery): Promise<Page<Metric>> {
    // Like MLflow's SQL store, a missing run reads as an empty history rather than an error.
    const limit = checkMaxResults(query.maxResults, MLFLOW_LIMITS.metricHistory);
    const offset = decodePageToken(query.pageToken);
    const rows = this.sql.all<MetricRow>(
      `SELECT m.*, l.key, l.run_uuid FROM metrics m JOIN latest_metrics l ON l.series_id = m.series_id
       WHERE l.run_uuid = ? AND l.key = ? ORDER BY m.step, m.timestamp, m.value LIMIT ? OFFSET ?`,
      query.runId,
      query.metricKey,
      limit + 1,
      offset,
    );
    const page: Page<Metric> = { items: rows.slice(0, limit).map((r) => toMetric(r)) };
    if (rows.length > limit) page.nextPageToken = encodePageToken(offset + limit);
    return page;
  }

  async getMetricHistoryBulkInterval(query: MetricHistoryIntervalQuery): Promise<Metric[]> {
    const L = MLFLOW_LIMITS.metricHistoryBulk;
    if (query.runIds.length === 0) throw invalidParam(`GetMetricHistoryBulkInterval request must specify at least one run_id.`);
    if (query.runIds.length > L.maxRunIds) {
      throw invalidParam(`GetMetricHistoryBulkInterval request cannot specify more than ${L.maxRunIds} run_ids. Received ${query.runIds.length} run_ids.`);
    }
    if ((query.startStep === undefined) !== (query.endStep === undefined)) {
      throw invalidParam('If either start step or end step are specified, both must be specified.');
    }
    if (query.startStep !== undefined && query.endStep !== undefined && query.startStep > query.endStep) {
      throw invalidParam('end_step must be greater than start_step. ');
    }
    const perRun = query.maxResults ?? L.maxResultsPerRun;
    if (!Number.isInteger(perRun) || perRun < 1 || perRun > L.maxResultsPerRun) {
      throw invalidParam(`max_results must be between 1 and ${L.maxResultsPerRun}.`);
    }
    const out: Metric[] = [];
    for (const runId of query.runIds) {
      const rows = this.sql.all<MetricRow>(
        `SELECT m.*, l.key, l.run_uuid FROM metrics m JOIN latest_metrics l ON l.series_id = m.series_id
         WHERE l.run_uuid = ? AND l.key = ? AND (? IS NULL OR m.step BETWEEN ? AND ?) ORDER BY m.step, m.timestamp`,
        runId,
        query.metricKey,
        query.startStep ?? null,
        query.startStep ?? null,
        query.endStep ?? null,
      );
      const steps = [...new Set(rows.map((r) => Number(r.step)))];
      let keep: Set<number>;
      if (steps.length <= perRun) keep = new Set(steps);
      else {
        // Evenly spaced steps, always including the first and last, as MLflow's UI sampling does.
        keep = new Set<number>();
        for (let i = 0; i < perRun; i++) keep.add(steps[Math.round((i * (steps.length - 1)) / (perRun - 1 || 1))]!);
      }
      for (const r of rows) if (keep.has(Number(r.step))) out.push(toMetric(r, true));
    }
    return out;
  }

  // ---------------------------------------------------------------- logged models

  private loggedModelRow(modelId: string): LoggedModelRow {
    const row = this.sql.get<LoggedModelRow>(`SELECT * FROM logged_models WHERE model_id = ? AND lifecycle_stage = 'active'`, modelId);
    if (!row) throw notFound(`Logged model with ID '${modelId}' not found.`);
    return row;
  }

  private hydrateLoggedModels(rows: LoggedModelRow[]): LoggedModel[] {
    if (rows.length === 0) return [];
    const ids = JSON.stringify(rows.map((r) => r.model_id));
    const models = new Map<string, LoggedModel>();
    for (const r of rows) {
      const info: LoggedModel['info'] = {
        model_id: r.model_id,
        experiment_id: String(r.experiment_id),
        name: r.name,
        creation_timestamp_ms: Number(r.creation_timestamp_ms),
        last_updated_timestamp_ms: Number(r.last_updated_timestamp_ms),
        artifact_uri: r.artifact_location,
        status: r.status,
        model_type: r.model_type ?? '',
        tags: [],
      };
      if (r.source_run_id) info.source_run_id = r.source_run_id;
      if (r.status_message) info.status_message = r.status_message;
      models.set(r.model_id, { info, data: { params: [], metrics: [] } });
    }
    const IN = '(SELECT value FROM json_each(?))';
    for (const p of this.sql.all<{ model_id: string; key: string; value: string }>(`SELECT * FROM logged_model_params WHERE model_id IN ${IN} ORDER BY key`, ids)) {
      models.get(p.model_id)!.data.params.push({ key: p.key, value: p.value });
    }
    for (const t of this.sql.all<{ model_id: string; key: string; value: string }>(`SELECT * FROM logged_model_tags WHERE model_id IN ${IN} ORDER BY key`, ids)) {
      models.get(t.model_id)!.info.tags.push({ key: t.key, value: t.value });
    }
    // A model's metrics are the run metrics logged against it (Metric.model_id).
    for (const m of this.sql.all<MetricRow>(
      `SELECT m.*, l.key, l.run_uuid FROM metrics m JOIN latest_metrics l ON l.series_id = m.series_id WHERE m.model_id IN ${IN} ORDER BY m.step, m.timestamp`,
      ids,
    )) {
      models.get(m.model_id!)!.data.metrics.push(toMetric(m, true));
    }
    return [...models.values()];
  }

  async createLoggedModel(input: CreateLoggedModelInput): Promise<LoggedModel> {
    const params = (input.params ?? []).map(normalizeParam);
    const tags = (input.tags ?? []).map(normalizeRunTag);
    const modelId = `m-${randomUUID().replaceAll('-', '')}`;
    return this.sql.transaction(() => {
      const exp = this.activeExperimentRow(input.experiment_id);
      if (input.source_run_id) this.runRow(input.source_run_id);
      const now = Date.now();
      this.sql.run(
        `INSERT INTO logged_models (model_id, experiment_id, name, artifact_location, creation_timestamp_ms, last_updated_timestamp_ms, status, model_type, source_run_id)
         VALUES (?, ?, ?, ?, ?, ?, 'LOGGED_MODEL_PENDING', ?, ?)`,
        modelId,
        exp.experiment_id,
        input.name || generateRunName(),
        joinUri(exp.artifact_location, 'models', modelId, 'artifacts'),
        now,
        now,
        input.model_type ?? '',
        input.source_run_id ?? null,
      );
      for (const p of params) this.sql.run('INSERT OR REPLACE INTO logged_model_params (model_id, key, value) VALUES (?, ?, ?)', modelId, p.key, p.value);
      for (const t of tags) this.sql.run('INSERT OR REPLACE INTO logged_model_tags (model_id, key, value) VALUES (?, ?, ?)', modelId, t.key, t.value);
      return this.hydrateLoggedModels([this.loggedModelRow(modelId)])[0]!;
    });
  }

  async getLoggedModel(modelId: string): Promise<LoggedModel> {
    return this.hydrateLoggedModels([this.loggedModelRow(modelId)])[0]!;
  }

  async finalizeLoggedModel(modelId: string, status: LoggedModelStatus): Promise<LoggedModel> {
    if (status !== 'LOGGED_MODEL_READY' && status !== 'LOGGED_MODEL_UPLOAD_FAILED') {
      throw invalidParam(`Invalid model status '${status}'. A logged model can be finalized as LOGGED_MODEL_READY or LOGGED_MODEL_UPLOAD_FAILED.`);
    }
    return this.sql.transaction(() => {
      this.loggedModelRow(modelId);
      this.sql.run('UPDATE logged_models SET status = ?, last_updated_timestamp_ms = ? WHERE model_id = ?', status, Date.now(), modelId);
      return this.hydrateLoggedModels([this.loggedModelRow(modelId)])[0]!;
    });
  }

  async deleteLoggedModel(modelId: string): Promise<void> {
    this.sql.transaction(() => {
      this.loggedModelRow(modelId);
      this.sql.run(`UPDATE logged_models SET lifecycle_stage = 'deleted', last_updated_timestamp_ms = ? WHERE model_id = ?`, Date.now(), modelId);
    });
  }

  async searchLoggedModels(query: SearchLoggedModelsQuery): Promise<Page<LoggedModel>> {
    const limit = checkMaxResults(query.maxResults, MLFLOW_LIMITS.searchLoggedModels);
    const offset = decodePageToken(query.pageToken);
    const filter = compileLoggedModelFilter(parseFilter(query.filter, 'logged_models'));
    const order = compileLoggedModelOrderBy(
      (query.orderBy ?? []).map((o) => parseLoggedModelOrderBy(o)),
    );
    const expIds = query.experimentIds.map(experimentKey).filter((id): id is number => id !== undefined);
    if (expIds.length === 0) return { items: [] };
    const where = [`logged_models.experiment_id IN (SELECT value FROM json_each(?))`, `logged_models.lifecycle_stage = 'active'`, ...filter.where].join(' AND ');
    const rows = runSearchQuery('search_logged_models', () =>
      this.sql
        .stmt(`SELECT logged_models.* FROM logged_models ${order.joins} WHERE ${where} ORDER BY ${order.orderBy} LIMIT ? OFFSET ?`)
        .all(...(order.params as SQLInputValue[]), JSON.stringify(expIds), ...(filter.params as SQLInputValue[]), limit + 1, offset),
    ) as unknown as LoggedModelRow[];
    const page: Page<LoggedModel> = { items: this.hydrateLoggedModels(rows.slice(0, limit)) };
    if (rows.length > limit) page.nextPageToken = encodePageToken(offset + limit);
    return page;
  }

  async logLoggedModelParams(modelId: string, params: KeyValue[]): Promise<void> {
    const normalized = params.map(normalizeParam);
    this.sql.transaction(() => {
      this.loggedModelRow(modelId);
      for (const p of normalized) this.sql.run('INSERT OR REPLACE INTO logged_model_params (model_id, key, value) VALUES (?, ?, ?)', modelId, p.key, p.value);
    });
  }

  async setLoggedModelTags(modelId: string, tags: KeyValue[]): Promise<void> {
    const normalized = tags.map(normalizeRunTag);
    this.sql.transaction(() => {
      this.loggedModelRow(modelId);
      for (const t of normalized) this.sql.run('INSERT OR REPLACE INTO logged_model_tags (model_id, key, value) VALUES (?, ?, ?)', modelId, t.key, t.value);
    });
  }

  async deleteLoggedModelTag(modelId: string, key: string): Promise<void> {
    this.sql.transaction(() => {
      this.loggedModelRow(modelId);
      const { changes } = this.sql.run('DELETE FROM logged_model_tags WHERE model_id = ? AND key = ?', modelId, key);
      if (Number(changes) === 0) throw notFound(`No tag with key '${key}' on logged model '${modelId}'.`);
    });
  }

  async close(): Promise<void> {
    this.sql.close();
  }
}
