/**
 * Versioned schema migrations for the embedded store. Each entry runs once, in order, inside a
 * transaction, and bumps `PRAGMA user_version`. Never edit a released migration: append one.
 *
 * Layout follows MLflow's SQL store so search compiles the same way: `metrics` keeps the full
 * history, `latest_metrics` the value MLflow reports per key (max step, then timestamp, then value).
 * NaN is stored as value 0 with is_nan = 1 because SQLite turns a NaN REAL into NULL.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE experiments (
    experiment_id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    artifact_location TEXT NOT NULL,
    lifecycle_stage TEXT NOT NULL DEFAULT 'active',
    creation_time INTEGER NOT NULL,
    last_update_time INTEGER NOT NULL
  );
  CREATE TABLE experiment_tags (
    experiment_id INTEGER NOT NULL REFERENCES experiments(experiment_id),
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (experiment_id, key)
  );
  CREATE TABLE runs (
    run_uuid TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    experiment_id INTEGER NOT NULL REFERENCES experiments(experiment_id),
    user_id TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    start_time INTEGER,
    end_time INTEGER,
    artifact_uri TEXT NOT NULL,
    lifecycle_stage TEXT NOT NULL DEFAULT 'active',
    deleted_time INTEGER,
    -- 1 when the run was deleted by deleting its experiment, so a restore brings back only those.
    deleted_with_experiment INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX runs_experiment_start ON runs (experiment_id, start_time DESC, run_uuid);
  -- One row per (run, metric key): the value MLflow reports as the run's metric (search compares
  -- it), and an integer series_id that history rows carry instead of two text keys, which keeps
  -- the history b-tree small and log-batch fast.
  CREATE TABLE latest_metrics (
    series_id INTEGER PRIMARY KEY,
    run_uuid TEXT NOT NULL REFERENCES runs(run_uuid),
    key TEXT NOT NULL,
    value REAL NOT NULL,
    is_nan INTEGER NOT NULL DEFAULT 0,
    timestamp INTEGER NOT NULL,
    step INTEGER NOT NULL,
    UNIQUE (run_uuid, key)
  );
  -- Full history. A point's identity is its primary key (an exact repeat, e.g. a client retry, is
  -- ignored) and WITHOUT ROWID makes that key the table itself: one b-tree write per point.
  -- series_id has no REFERENCES clause: the store creates the series in the same transaction,
  -- and a foreign-key probe per point would cost more than the insert.
  CREATE TABLE metrics (
    series_id INTEGER NOT NULL,
    step INTEGER NOT NULL DEFAULT 0,
    timestamp INTEGER NOT NULL,
    value REAL NOT NULL,
    is_nan INTEGER NOT NULL DEFAULT 0,
    dataset_name TEXT,
    dataset_digest TEXT,
    model_id TEXT,
    PRIMARY KEY (series_id, step, timestamp, value, is_nan)
  ) WITHOUT ROWID;
  CREATE INDEX metrics_model ON metrics (model_id) WHERE model_id IS NOT NULL;
  -- Covering indexes for search: a filter scans (key, value) and yields run ids without touching
  -- the table; an order_by joins on (run_uuid, key) and reads the value from the index.
  CREATE INDEX latest_metrics_key_value ON latest_metrics (key, value, is_nan, run_uuid);
  CREATE INDEX latest_metrics_run_key_value ON latest_metrics (run_uuid, key, value, is_nan);
  CREATE TABLE params (
    run_uuid TEXT NOT NULL REFERENCES runs(run_uuid),
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (run_uuid, key)
  );
  CREATE INDEX params_key_value ON params (key, value, run_uuid);
  CREATE TABLE tags (
    run_uuid TEXT NOT NULL REFERENCES runs(run_uuid),
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (run_uuid, key)
  );
  CREATE INDEX tags_key_value ON tags (key, value, run_uuid);
  CREATE TABLE datasets (
    dataset_uuid TEXT PRIMARY KEY,
    experiment_id INTEGER NOT NULL REFERENCES experiments(experiment_id),
    name TEXT NOT NULL,
    digest TEXT NOT NULL,
    source_type TEXT NOT NULL,
    source TEXT NOT NULL,
    schema TEXT,
    profile TEXT,
    UNIQUE (experiment_id, name, digest)
  );
  CREATE TABLE dataset_inputs (
    run_uuid TEXT NOT NULL REFERENCES runs(run_uuid),
    dataset_uuid TEXT NOT NULL REFERENCES datasets(dataset_uuid),
    tags TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (run_uuid, dataset_uuid)
  );
  CREATE TABLE logged_models (
    model_id TEXT PRIMARY KEY,
    experiment_id INTEGER NOT NULL REFERENCES experiments(experiment_id),
    name TEXT NOT NULL,
    artifact_location TEXT NOT NULL,
    creation_timestamp_ms INTEGER NOT NULL,
    last_updated_timestamp_ms INTEGER NOT NULL,
    status TEXT NOT NULL,
    lifecycle_stage TEXT NOT NULL DEFAULT 'active',
    model_type TEXT,
    source_run_id TEXT,
    status_message TEXT
  );
  CREATE INDEX logged_models_experiment ON logged_models (experiment_id, creation_timestamp_ms DESC);
  CREATE TABLE logged_model_params (
    model_id TEXT NOT NULL REFERENCES logged_models(model_id),
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (model_id, key)
  );
  CREATE TABLE logged_model_tags (
    model_id TEXT NOT NULL REFERENCES logged_models(model_id),
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (model_id, key)
  );
  CREATE TABLE run_model_io (
    run_uuid TEXT NOT NULL REFERENCES runs(run_uuid),
    model_id TEXT NOT NULL,
    direction TEXT NOT NULL CHECK (direction IN ('input', 'output')),
    step INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (run_uuid, model_id, direction)
  );
  `,
  // 2: traces (MLflow v3 trace info, OTLP spans, assessments). MLflow's trace ids are random, so
  // they key only trace_info; every other table references a trace by trace_key, an integer the
  // store hands out in arrival order. New traces then append at the right edge of each b-tree
  // instead of dirtying a random page per trace per index, which is what bounds ingestion speed.
  // Children reference trace_info without ON DELETE CASCADE: the trace store deletes them itself,
  // in the same transaction.
  `
  CREATE TABLE trace_info (
    trace_key INTEGER PRIMARY KEY,
    trace_id TEXT NOT NULL UNIQUE,
    experiment_id INTEGER NOT NULL REFERENCES experiments(experiment_id),
    request_time INTEGER NOT NULL,
    execution_duration_ms INTEGER,
    state TEXT NOT NULL,
    request_preview TEXT,
    response_preview TEXT,
    client_request_id TEXT
  );
  -- The default search order (newest first, then id) within an experiment, and delete-by-age.
  CREATE INDEX trace_info_experiment_time ON trace_info (experiment_id, request_time DESC, trace_id);
  CREATE TABLE trace_tags (
    trace_key INTEGER NOT NULL REFERENCES trace_info(trace_key),
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (trace_key, key)
  ) WITHOUT ROWID;
  -- Covering (key, value) indexes: a tag or metadata filter yields trace keys from the index alone.
  -- mlflow.artifactLocation, which every trace has, is left out: its value embeds the random trace
  -- id, so indexing it would cost a random page write per new trace; the rare filter on it scans
  -- the tags table instead. (The search SQL repeats this WHERE term so SQLite can use the index;
  -- see trace-search-sql.ts.)
  CREATE INDEX trace_tags_key_value ON trace_tags (key, value, trace_key) WHERE key <> 'mlflow.artifactLocation';
  CREATE TABLE trace_metadata (
    trace_key INTEGER NOT NULL REFERENCES trace_info(trace_key),
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (trace_key, key)
  ) WITHOUT ROWID;
  CREATE INDEX trace_metadata_key_value ON trace_metadata (key, value, trace_key);
  -- One row per span, merged by (trace_key, span_id) whatever order spans arrive in. Span and
  -- parent ids are base64 as in the span JSON; times are nanoseconds, which SQLite's 64-bit
  -- INTEGER holds exactly. usage holds the span's token counts and cost as JSON, for the trace
  -- totals and metrics. content is the span's JSON as GetTrace returns it, often kilobytes: it is
  -- the last column so reading the others never walks its overflow pages, and the table keeps
  -- its rowid because SQLite's WITHOUT ROWID suits only small rows.
  CREATE TABLE spans (
    trace_key INTEGER NOT NULL REFERENCES trace_info(trace_key),
    span_id TEXT NOT NULL,
    parent_span_id TEXT,
    name TEXT NOT NULL,
    span_type TEXT,
    status TEXT NOT NULL,
    start_time_ns INTEGER NOT NULL,
    end_time_ns INTEGER,
    usage TEXT,
    content TEXT NOT NULL,
    UNIQUE (trace_key, span_id)
  );
  -- Span filters of trace search (span.name, span.type) yield trace keys from these.
  CREATE INDEX spans_name ON spans (name, trace_key);
  CREATE INDEX spans_type ON spans (span_type, trace_key);
  -- body is the assessment's JSON; the columns beside it are what lookups and overrides need.
  CREATE TABLE assessments (
    assessment_id TEXT PRIMARY KEY,
    trace_key INTEGER NOT NULL REFERENCES trace_info(trace_key),
    name TEXT NOT NULL,
    create_time_ms INTEGER NOT NULL,
    last_update_time_ms INTEGER NOT NULL,
    valid INTEGER NOT NULL DEFAULT 1,
    overrides TEXT,
    body TEXT NOT NULL
  );
  CREATE INDEX assessments_trace ON assessments (trace_key, create_time_ms);
  -- Traces linked to runs (LinkTracesToRun); a trace may be linked to several runs.
  CREATE TABLE trace_run_links (
    run_uuid TEXT NOT NULL,
    trace_key INTEGER NOT NULL REFERENCES trace_info(trace_key),
    PRIMARY KEY (run_uuid, trace_key)
  ) WITHOUT ROWID;
  CREATE INDEX trace_run_links_trace ON trace_run_links (trace_key);
  `,
];
