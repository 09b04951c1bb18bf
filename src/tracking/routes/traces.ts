/**
 * The trace API (wire reference §6.1): MLflow 3's v3 trace routes, the v2 forms the 3.x Python
 * client still calls (tags, link-to-run, delete-traces), assessments, our trace analytics and the
 * UI's `get-trace-artifact`.
 *
 * Spans come from the database when they arrived over OTLP (tag
 * `mlflow.trace.spansLocation=TRACKING_STORE`), otherwise from the trace's `traces.json` in the
 * artifact store (how the TypeScript SDK and older Python clients deliver them). Named deviation:
 * for the latter MLflow's `traces/get` answers 500 "Trace data not stored in tracking store" and
 * leaves the client to download the file; we read the file and answer 200 with the spans.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { setTimeout as sleep } from 'node:timers/promises';
import { MlflowError, invalidParam, notFound } from '../../mlflow/errors.ts';
import type { Assessment, SpanRecord, TraceInfo, TrackingStore } from '../../store/contract.ts';
import { type LocalArtifactRepository, normalizeArtifactPath } from '../../store/artifacts/local.ts';
import { apiRoute, required, verbatim } from '../http.ts';
import { SpanFileError, spanToWire, spansFromTracesJson, spansToTracesJson } from '../otlp/span-json.ts';
import { formatDuration, formatTimestamp, traceSchemas as s, type assessmentInput } from '../trace-wire.ts';
import type { z } from 'zod';

export interface TraceRouteOptions {
  store: TrackingStore;
  /** The `--artifacts-destination` repository, where `traces.json` uploads land. */
  repository: LocalArtifactRepository;
  /**
   * Waits before re-reading a trace whose spans are still arriving, for `traces/get` without
   * `allow_partial` (MLflow's server retries after 1 s and 2 s). Tests shorten them.
   */
  incompleteTraceRetryDelaysMs?: readonly number[];
}

const SPANS_LOCATION_TAG = 'mlflow.trace.spansLocation';
const ARTIFACT_LOCATION_TAG = 'mlflow.artifactLocation';
const SIZE_STATS_METADATA = 'mlflow.trace.sizeStats';

/** MLflow's `SearchTracesV3` page-size bounds. */
const SEARCH_MAX_RESULTS = 500;
const SEARCH_DEFAULT_MAX_RESULTS = 100;
/** MLflow's cap on `link-to-run`: at most 100 trace ids per call. */
const LINK_MAX_TRACES = 100;
/** A `traces.json` larger than this is not read into memory (OTLP bodies are capped at 64 MiB too). */
const TRACE_FILE_LIMIT = 64 * 1024 * 1024;

// ------------------------------------------------------------------ wire encodings

const emptyToUndefined = (map: Record<string, string> | undefined): Record<string, string> | undefined =>
  map === undefined || Object.keys(map).length === 0 ? undefined : map;

export function assessmentToWire(a: Assessment): Record<string, unknown> {
  return {
    assessment_id: a.assessment_id,
    assessment_name: a.assessment_name,
    trace_id: a.trace_id,
    span_id: a.span_id || undefined,
    source: a.source,
    create_time: formatTimestamp(a.create_time_ms),
    last_update_time: formatTimestamp(a.last_update_time_ms),
    feedback: a.feedback && { ...a.feedback, value: verbatim(a.feedback.value) },
    expectation: a.expectation && { ...a.expectation, value: verbatim(a.expectation.value) },
    rationale: a.rationale,
    metadata: emptyToUndefined(a.metadata),
    overrides: a.overrides,
    valid: a.valid,
  };
}

/** TraceInfoV3 as MLflow writes it: Timestamp/Duration text, maps omitted when empty. */
export function traceInfoToWire(info: TraceInfo): Record<string, unknown> {
  return {
    trace_id: info.trace_id,
    client_request_id: info.client_request_id,
    trace_location: { type: 'MLFLOW_EXPERIMENT', mlflow_experiment: { experiment_id: info.experiment_id } },
    request_preview: info.request_preview,
    response_preview: info.response_preview,
    request_time: formatTimestamp(info.request_time),
    execution_duration: info.execution_duration_ms === undefined ? undefined : formatDuration(info.execution_duration_ms),
    state: info.state,
    trace_metadata: emptyToUndefined(info.trace_metadata),
    tags: emptyToUndefined(info.tags),
    assessments: info.assessments.map(assessmentToWire),
  };
}

// ------------------------------------------------------------------ spans

/** Where a trace's `traces.json` is inside the artifacts destination; undefined when not served here. */
function traceFilePath(info: TraceInfo): string | undefined {
  const location = info.tags[ARTIFACT_LOCATION_TAG];
  const match = location === undefined ? null : /^mlflow-artifacts:(.*)$/i.exec(location);
  if (!match) return undefined;
  let rest = match[1]!;
  // `mlflow-artifacts://host:port/<path>` names a server; only the path counts here.
  if (rest.startsWith('//')) {
    const slash = rest.indexOf('/', 2);
    rest = slash === -1 ? '' : rest.slice(slash);
  }
  const dir = normalizeArtifactPath(rest.replace(/^\/+/, ''));
  return dir === '' ? 'traces.json' : `${dir}/traces.json`;
}

const spansInDatabase = (info: TraceInfo): boolean => info.tags[SPANS_LOCATION_TAG] === 'TRACKING_STORE';

/** The span count the client reported in `mlflow.trace.sizeStats`, when it did. */
function expectedSpanCount(info: TraceInfo): number | undefined {
  const stats = info.trace_metadata[SIZE_STATS_METADATA];
  if (stats === undefined) return undefined;
  try {
    const n = (JSON.parse(stats) as { num_spans?: unknown }).num_spans;
    return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : undefined;
  } catch {
    return undefined;
  }
}

type SpanLoad = { spans: SpanRecord[] } | { missing: string };

export function traceRoutes(app: FastifyInstance, options: TraceRouteOptions): void {
  const { store, repository } = options;
  const traces = store.traces;
  const retryDelays = options.incompleteTraceRetryDelaysMs ?? [1000, 2000];

  async function readTraceFile(info: TraceInfo): Promise<Buffer | string> {
    const rel = traceFilePath(info);
    if (rel === undefined) {
      return `its spans were not sent over OTLP, and its artifact location '${info.tags[ARTIFACT_LOCATION_TAG] ?? '(none)'}' is not served by this server`;
    }
    let opened;
    try {
      opened = await repository.openRead(rel);
    } catch (err) {
      if (err instanceof MlflowError && err.code === 'RESOURCE_DOES_NOT_EXIST') return 'its spans have not arrived yet (neither over OTLP nor as traces.json)';
      throw err;
    }
    if (opened.size > TRACE_FILE_LIMIT) {
      opened.stream.destroy();
      throw new MlflowError('INVALID_STATE', `The traces.json of trace '${info.trace_id}' is ${opened.size} bytes, more than the ${TRACE_FILE_LIMIT / 1024 / 1024} MiB this server reads. Download it from the artifact store instead.`);
    }
    const chunks: Buffer[] = [];
    for await (const chunk of opened.stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  async function loadSpans(info: TraceInfo): Promise<SpanLoad> {
    if (spansInDatabase(info)) return { spans: await traces.getSpans(info.trace_id) };
    const file = await readTraceFile(info);
    if (typeof file === 'string') return { missing: file };
    try {
      return { spans: spansFromTracesJson(file.toString('utf8')) };
    } catch (err) {
      if (err instanceof SpanFileError) {
        throw new MlflowError('INVALID_STATE', `The uploaded traces.json of trace '${info.trace_id}' cannot be read: ${err.message} Upload it again in the MLflow span format.`);
      }
      throw err;
    }
  }

  /** Info and spans, waiting briefly (as MLflow does) for spans still in flight unless partial reads are fine. */
  async function getFullTrace(traceId: string, allowPartial: boolean): Promise<{ info: TraceInfo; spans: SpanRecord[] }> {
    for (let attempt = 0; ; attempt++) {
      const info = await traces.getTraceInfo(traceId);
      const load = await loadSpans(info);
      const expected = expectedSpanCount(info);
      const incomplete = 'missing' in load || (spansInDatabase(info) && expected !== undefined && load.spans.length < expected);
      if (!incomplete || allowPartial) return { info, spans: 'spans' in load ? load.spans : [] };
      const delay = retryDelays[attempt];
      if (delay === undefined) {
        const why = 'missing' in load ? load.missing : `${load.spans.length} of its ${expected} spans have arrived`;
        throw notFound(`Trace with ID ${traceId} is not fully exported yet, please try again later (${why}). Pass allow_partial=true to read what has arrived.`);
      }
      await sleep(delay);
    }
  }

  /** For batch reads: whatever spans are available, none when they cannot be read. */
  async function availableSpans(info: TraceInfo): Promise<SpanRecord[]> {
    try {
      const load = await loadSpans(info);
      return 'spans' in load ? load.spans : [];
    } catch (err) {
      if (err instanceof MlflowError && err.status < 500) return [];
      throw err;
    }
  }

  const traceToWire = (info: TraceInfo, spans: SpanRecord[]) => ({ trace_info: traceInfoToWire(info), spans: spans.map(spanToWire) });

  async function infosInRequestOrder(ids: string[]): Promise<TraceInfo[]> {
    const found = await traces.getTraceInfos([...new Set(ids)]);
    const byId = new Map(found.map((info) => [info.trace_id, info]));
    return [...new Set(ids)].flatMap((id) => byId.get(id) ?? []);
  }

  // ---------------------------------------------------------------- trace info

  apiRoute(app, {
    method: 'POST',
    path: '/mlflow/traces',
    versions: ['3.0'],
    schema: s.startTraceV3,
    handler: async (b) => {
      const input = required(b.trace?.trace_info, 'trace.trace_info');
      const location = input.trace_location;
      if (location?.type !== undefined && location.type !== 'MLFLOW_EXPERIMENT') {
        throw invalidParam(`Trace location type '${location.type}' is not supported by this server; use MLFLOW_EXPERIMENT with mlflow_experiment.experiment_id.`);
      }
      const info = await traces.startTrace({
        trace_id: required(input.trace_id, 'trace_id'),
        client_request_id: input.client_request_id,
        experiment_id: required(location?.mlflow_experiment?.experiment_id, 'trace_location.mlflow_experiment.experiment_id'),
        request_preview: input.request_preview,
        response_preview: input.response_preview,
        request_time: required(input.request_time, 'request_time'),
        execution_duration_ms: input.execution_duration,
        state: input.state ?? 'STATE_UNSPECIFIED',
        trace_metadata: input.trace_metadata ?? {},
        tags: input.tags ?? {},
        // Assessments are created through their own endpoint; StartTraceV3 ignores them as MLflow does.
        assessments: [],
      });
      return { trace: { trace_info: traceInfoToWire(info) } };
    },
  });

  // Static paths (get, batchGet, search, ...) win over `:trace_id` in the router, as in MLflow.
  apiRoute(app, {
    method: 'GET',
    path: '/mlflow/traces/:trace_id',
    versions: ['3.0'],
    schema: s.traceIdPath,
    handler: async (q) => ({ trace: { trace_info: traceInfoToWire(await traces.getTraceInfo(q.trace_id)) } }),
  });

  apiRoute(app, {
    method: 'GET',
    path: '/mlflow/traces/get',
    versions: ['3.0'],
    schema: s.getTrace,
    handler: async (q) => {
      const { info, spans } = await getFullTrace(required(q.trace_id, 'trace_id'), q.allow_partial ?? false);
      return { trace: traceToWire(info, spans) };
    },
  });

  apiRoute(app, {
    method: 'GET',
    path: '/mlflow/traces/batchGet',
    versions: ['3.0'],
    schema: s.traceIds,
    handler: async (q) => {
      const infos = await infosInRequestOrder(q.trace_ids ?? []);
      return { traces: await Promise.all(infos.map(async (info) => traceToWire(info, await availableSpans(info)))) };
    },
  });

  apiRoute(app, {
    method: 'POST',
    path: '/mlflow/traces/batchGetInfos',
    versions: ['3.0'],
    schema: s.traceIds,
    handler: async (b) => ({ trace_infos: (await infosInRequestOrder(b.trace_ids ?? [])).map(traceInfoToWire) }),
  });

  apiRoute(app, {
    method: 'POST',
    path: '/mlflow/traces/search',
    versions: ['3.0'],
    schema: s.searchTraces,
    handler: async (b) => {
      const experimentIds = [...(b.experiment_ids ?? [])];
      for (const location of b.locations ?? []) {
        if (location.type !== 'MLFLOW_EXPERIMENT') {
          throw invalidParam(`Trace location type '${location.type ?? 'TRACE_LOCATION_TYPE_UNSPECIFIED'}' is not supported by this server; search MLFLOW_EXPERIMENT locations.`);
        }
        experimentIds.push(required(location.mlflow_experiment?.experiment_id, 'locations.mlflow_experiment.experiment_id'));
      }
      if (experimentIds.length === 0) {
        throw invalidParam(`Missing value for required parameter 'locations'. Name at least one experiment: {"locations": [{"type": "MLFLOW_EXPERIMENT", "mlflow_experiment": {"experiment_id": "1"}}]}.`);
      }
      const maxResults = b.max_results ?? SEARCH_DEFAULT_MAX_RESULTS;
      if (maxResults < 1 || maxResults > SEARCH_MAX_RESULTS) {
        throw invalidParam(`Invalid value ${maxResults} for parameter 'max_results' supplied: it must be between 1 and ${SEARCH_MAX_RESULTS}. Page through larger results with page_token.`);
      }
      const page = await traces.searchTraces({
        experimentIds: [...new Set(experimentIds)],
        filter: b.filter,
        orderBy: b.order_by,
        maxResults,
        pageToken: b.page_token || undefined,
      });
      return { traces: page.items.map(traceInfoToWire), next_page_token: page.nextPageToken };
    },
  });

  apiRoute(app, {
    method: 'POST',
    path: '/mlflow/traces/delete-traces',
    versions: ['2.0', '3.0'],
    schema: s.deleteTraces,
    handler: async (b) => {
      const experimentId = required(b.experiment_id, 'experiment_id');
      const ids = [...(b.request_ids ?? []), ...(b.trace_ids ?? [])];
      const byTime = b.max_timestamp_millis !== undefined;
      if (byTime === ids.length > 0) {
        throw invalidParam('Exactly one of max_timestamp_millis and request_ids must be specified: delete traces older than a time, or name them.');
      }
      if (b.max_traces !== undefined && !byTime) throw invalidParam('max_traces can only be used together with max_timestamp_millis.');
      if (b.max_traces !== undefined && b.max_traces < 1) throw invalidParam(`Invalid value ${b.max_traces} for parameter 'max_traces' supplied: it must be at least 1.`);
      const deleted = await traces.deleteTraces({ experimentId, maxTimestampMillis: b.max_timestamp_millis, maxTraces: b.max_traces, traceIds: byTime ? undefined : ids });
      return { traces_deleted: deleted };
    },
  });

  // ---------------------------------------------------------------- tags and runs

  const setTag = async (traceId: string, key: string | undefined, value: string | undefined): Promise<void> => {
    await traces.setTraceTag(traceId, { key: required(key, 'key'), value: value ?? '' });
  };
  const deleteTag = async (traceId: string, key: string | undefined): Promise<void> => {
    await traces.deleteTraceTag(traceId, required(key, 'key'));
  };
  apiRoute(app, {
    method: 'PATCH',
    path: '/mlflow/traces/:trace_id/tags',
    versions: ['3.0'],
    schema: s.setTraceTag,
    handler: async (b) => setTag(b.trace_id, b.key, b.value),
  });
  apiRoute(app, {
    method: 'DELETE',
    path: '/mlflow/traces/:trace_id/tags',
    versions: ['3.0'],
    schema: s.deleteTraceTag,
    handler: async (b) => deleteTag(b.trace_id, b.key),
  });
  // The 3.11 Python client still sets and deletes trace tags through the v2 paths (transcript #227-228).
  apiRoute(app, {
    method: 'PATCH',
    path: '/mlflow/traces/:request_id/tags',
    schema: s.setTraceTag.omit({ trace_id: true }).extend({ request_id: s.setTraceTag.shape.trace_id }),
    handler: async (b) => setTag(b.request_id, b.key, b.value),
  });
  apiRoute(app, {
    method: 'DELETE',
    path: '/mlflow/traces/:request_id/tags',
    schema: s.deleteTraceTag.omit({ trace_id: true }).extend({ request_id: s.deleteTraceTag.shape.trace_id }),
    handler: async (b) => deleteTag(b.request_id, b.key),
  });

  apiRoute(app, {
    method: 'POST',
    path: '/mlflow/traces/link-to-run',
    schema: s.linkTracesToRun,
    handler: async (b) => {
      const ids = b.trace_ids ?? [];
      if (ids.length === 0) throw invalidParam(`Missing value for required parameter 'trace_ids'. See the API docs for more information about request parameters.`);
      if (ids.length > LINK_MAX_TRACES) throw invalidParam(`Cannot link more than ${LINK_MAX_TRACES} traces to a run in one request (got ${ids.length}). Split the request.`);
      await traces.linkTracesToRun([...new Set(ids)], required(b.run_id, 'run_id'));
    },
  });

  // ---------------------------------------------------------------- assessments

  apiRoute(app, {
    method: 'POST',
    path: '/mlflow/traces/:trace_id/assessments',
    versions: ['3.0'],
    schema: s.createAssessment,
    handler: async (b) => {
      const a = required(b.assessment, 'assessment');
      const kinds = [a.feedback, a.expectation].filter((x) => x !== undefined).length;
      if (kinds !== 1) throw invalidParam('An assessment needs exactly one of feedback or expectation.');
      const source = required(a.source, 'assessment.source');
      const created = await traces.createAssessment({
        assessment_name: required(a.assessment_name, 'assessment.assessment_name'),
        trace_id: b.trace_id,
        span_id: a.span_id || undefined,
        source: { source_type: required(source.source_type, 'assessment.source.source_type'), source_id: required(source.source_id, 'assessment.source.source_id') },
        feedback: a.feedback,
        expectation: a.expectation,
        rationale: a.rationale,
        metadata: a.metadata,
        overrides: a.overrides,
        valid: a.valid,
      });
      return { assessment: assessmentToWire(created) };
    },
  });

  apiRoute(app, {
    method: 'GET',
    path: '/mlflow/traces/:trace_id/assessments/:assessment_id',
    versions: ['3.0'],
    schema: s.assessmentPath,
    handler: async (q) => ({ assessment: assessmentToWire(await traces.getAssessment(q.trace_id, q.assessment_id)) }),
  });

  apiRoute(app, {
    method: 'PATCH',
    path: '/mlflow/traces/:trace_id/assessments/:assessment_id',
    versions: ['3.0'],
    schema: s.updateAssessment,
    handler: async (b) => {
      const a = required(b.assessment, 'assessment');
      const mask = parseUpdateMask(required(b.update_mask, 'update_mask'));
      const updated = await traces.updateAssessment(b.trace_id, b.assessment_id, assessmentUpdate(a, mask), mask);
      return { assessment: assessmentToWire(updated) };
    },
  });

  apiRoute(app, {
    method: 'DELETE',
    path: '/mlflow/traces/:trace_id/assessments/:assessment_id',
    versions: ['3.0'],
    schema: s.assessmentPath,
    handler: async (b) => {
      await traces.deleteAssessment(b.trace_id, b.assessment_id);
    },
  });

  // ---------------------------------------------------------------- analytics

  /**
   * POST /api/3.0/mlflow/traces/metrics: our trace analytics (not MLflow's QueryTraceMetrics shape).
   * Request:
   *   {"experiment_ids": ["1"], "view_type": "TRACES" | "SPANS",
   *    "group_by": ["trace.name" | "trace.status" | "span.name" | "span.type" | "span.status", ...],
   *    "filter": "<search_traces filter>", "start_time_ms": 0, "end_time_ms": 0, "time_bucket_ms": 3600000}
   * Response:
   *   {"rows": [{"group": {"trace.status": "OK"}, "bucket_start_ms": 1795447800000, "count": 3, "error_count": 0,
   *              "latency_ms": {"p50", "p95", "p99", "avg", "max"}, "tokens": {"input", "output", "total"}}]}
   * `bucket_start_ms` only with `time_bucket_ms`; `group` is {} without `group_by`; no rows → {}.
   */
  apiRoute(app, {
    method: 'POST',
    path: '/mlflow/traces/metrics',
    versions: ['3.0'],
    schema: s.traceMetrics,
    handler: async (b) => {
      const experimentIds = b.experiment_ids ?? [];
      if (experimentIds.length === 0) throw invalidParam(`Missing value for required parameter 'experiment_ids'. See the API docs for more information about request parameters.`);
      if (b.time_bucket_ms !== undefined && b.time_bucket_ms <= 0) throw invalidParam(`Invalid value ${b.time_bucket_ms} for parameter 'time_bucket_ms' supplied: it must be a positive number of milliseconds.`);
      if (b.start_time_ms !== undefined && b.end_time_ms !== undefined && b.start_time_ms > b.end_time_ms) {
        throw invalidParam('start_time_ms must not be after end_time_ms.');
      }
      const rows = await traces.queryTraceMetrics({
        experimentIds,
        viewType: b.view_type ?? 'TRACES',
        groupBy: b.group_by,
        filter: b.filter,
        startTimeMs: b.start_time_ms,
        endTimeMs: b.end_time_ms,
        timeBucketMs: b.time_bucket_ms,
      });
      // `group` is a map, `{}` when ungrouped: kept as it is rather than dropped.
      return { rows: rows.map((row) => ({ ...row, group: verbatim(row.group) })) };
    },
  });

  // ---------------------------------------------------------------- UI: traces.json

  for (const version of ['2.0', '3.0']) {
    app.get(`/ajax-api/${version}/mlflow/get-trace-artifact`, async (request, reply: FastifyReply) => {
      const q = s.traceArtifact.safeParse(request.query);
      const traceId = required(q.success ? q.data.request_id || q.data.trace_id : undefined, 'request_id');
      const info = await traces.getTraceInfo(traceId);
      let body: Buffer | string;
      if (spansInDatabase(info)) body = spansToTracesJson(await traces.getSpans(traceId));
      else {
        const file = await readTraceFile(info);
        if (typeof file === 'string') throw notFound(`Trace data of '${traceId}' is not available: ${file}.`);
        body = file;
      }
      return reply.header('Content-Type', 'application/json').header('Content-Disposition', 'attachment; filename=traces.json').send(body);
    });
  }
}

// ------------------------------------------------------------------ assessment updates

/** Assessment fields an update may name (FieldMask paths, snake_case). */
const UPDATABLE = new Set(['assessment_name', 'feedback', 'expectation', 'rationale', 'metadata', 'valid']);

/** A FieldMask's JSON text ("assessmentName,feedback") as snake_case paths. */
export function parseUpdateMask(text: string): string[] {
  const paths = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => p.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
  if (paths.length === 0) throw invalidParam(`Missing value for required parameter 'update_mask'. Name the fields to update, e.g. "feedback,rationale".`);
  const unknown = paths.filter((p) => !UPDATABLE.has(p.split('.')[0]!));
  if (unknown.length > 0) {
    throw invalidParam(`Invalid value '${text}' for parameter 'update_mask' supplied: cannot update ${unknown.join(', ')}. Updatable fields: ${[...UPDATABLE].join(', ')}.`);
  }
  return [...new Set(paths.map((p) => p.split('.')[0]!))];
}

function assessmentUpdate(a: z.output<typeof assessmentInput>, mask: string[]): Partial<Assessment> {
  const update: Partial<Assessment> = {};
  for (const path of mask) {
    switch (path) {
      case 'assessment_name':
        update.assessment_name = required(a.assessment_name, 'assessment.assessment_name');
        break;
      case 'feedback':
        update.feedback = a.feedback;
        break;
      case 'expectation':
        update.expectation = a.expectation;
        break;
      case 'rationale':
        update.rationale = a.rationale;
        break;
      case 'metadata':
        update.metadata = a.metadata;
        break;
      case 'valid':
        update.valid = a.valid;
        break;
    }
  }
  return update;
}
