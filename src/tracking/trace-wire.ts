/**
 * Request schemas for the trace API (wire reference §6.1), in zod, with the encodings of
 * MLflow's proto-JSON for traces: `request_time` and assessment times are
 * google.protobuf.Timestamp (RFC 3339 text, read here into epoch ms), `execution_duration` is a
 * google.protobuf.Duration ("0.191s", read into ms), metadata and tags are proto maps (JSON
 * objects), enums by name or number, unknown fields dropped.
 */
import { z } from 'zod';
import { bool, int64, keyValue, repeated, str } from './wire.ts';

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?([Zz]|([+-])(\d{2}):(\d{2}))$/;

/** RFC 3339 text to epoch ms (sub-millisecond digits truncated, as protobuf's ToMilliseconds does). */
export function parseTimestamp(text: string): number | undefined {
  const m = RFC3339.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone, sign, oh, om] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) return undefined;
  let ms = Date.UTC(Number(y), month - 1, day, Number(h), Number(mi), Number(s), Number((frac ?? '').padEnd(3, '0').slice(0, 3)));
  if (zone !== 'Z' && zone !== 'z') ms -= (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) * 60_000;
  return Number.isFinite(ms) ? ms : undefined;
}

/** Epoch ms as protobuf writes a Timestamp: UTC, and no fraction for a whole second. */
export function formatTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

const DURATION = /^(-)?(\d+)(?:\.(\d{1,9}))?s$/;

/** "0.191s" to ms, truncated like protobuf's Duration.ToMilliseconds. */
export function parseDuration(text: string): number | undefined {
  const m = DURATION.exec(text);
  if (!m) return undefined;
  const ms = Number(m[2]) * 1000 + Number((m[3] ?? '').padEnd(3, '0').slice(0, 3));
  return m[1] ? -ms : ms;
}

/** ms as protobuf writes a Duration: "0s", "1s", "0.191s" (3 fractional digits when needed). */
export function formatDuration(ms: number): string {
  const whole = Math.trunc(ms);
  const sign = whole < 0 ? '-' : '';
  const abs = Math.abs(whole);
  const seconds = Math.floor(abs / 1000);
  const rest = abs % 1000;
  return rest === 0 ? `${sign}${seconds}s` : `${sign}${seconds}.${String(rest).padStart(3, '0')}s`;
}

export const timestamp = z.string().transform((v, ctx) => {
  const ms = parseTimestamp(v);
  if (ms === undefined) {
    ctx.addIssue({ code: 'custom', message: 'must be an RFC 3339 timestamp like "2026-11-23T15:30:54.522Z"' });
    return z.NEVER;
  }
  return ms;
});

export const duration = z.string().transform((v, ctx) => {
  const ms = parseDuration(v);
  if (ms === undefined) {
    ctx.addIssue({ code: 'custom', message: 'must be a duration in seconds like "0.191s"' });
    return z.NEVER;
  }
  return ms;
});

/** Enum by name or proto number. */
function protoEnum<const T extends readonly string[]>(names: T) {
  return z.union([z.string(), z.number().int()]).transform((v, ctx): T[number] => {
    if (typeof v === 'string' && (names as readonly string[]).includes(v)) return v;
    const byNumber = typeof v === 'number' || /^\d+$/.test(v) ? names[Number(v)] : undefined;
    if (byNumber === undefined) {
      ctx.addIssue({ code: 'custom', message: `must be one of ${names.join(', ')}` });
      return z.NEVER;
    }
    return byNumber;
  });
}

export const TRACE_STATES = ['STATE_UNSPECIFIED', 'OK', 'ERROR', 'IN_PROGRESS'] as const;
export const traceState = protoEnum(TRACE_STATES);
const locationType = protoEnum(['TRACE_LOCATION_TYPE_UNSPECIFIED', 'MLFLOW_EXPERIMENT', 'INFERENCE_TABLE'] as const);
export const SOURCE_TYPES = ['SOURCE_TYPE_UNSPECIFIED', 'HUMAN', 'LLM_JUDGE', 'CODE'] as const;
const sourceType = protoEnum(SOURCE_TYPES);

/** A proto map<string,string>: a JSON object; a list of {key, value} is accepted too. */
const stringMap = z.union([
  z.record(z.string(), str),
  z.array(keyValue).transform((list) => Object.fromEntries(list.map((kv) => [kv.key, kv.value]))),
]);

/** Query strings from the Python client carry Python's spelling ("False"); accept any case. */
export const looseBool = z.union([bool, z.string().regex(/^(true|false)$/i, 'must be true or false').transform((v) => v.toLowerCase() === 'true')]);

const traceLocation = z.object({
  type: locationType.optional(),
  mlflow_experiment: z.object({ experiment_id: str.optional() }).optional(),
});

const assessmentError = z.object({
  error_code: z.string().optional(),
  error_message: z.string().optional(),
  stack_trace: z.string().optional(),
});

export const assessmentInput = z.object({
  assessment_name: z.string().optional(),
  trace_id: z.string().optional(),
  span_id: z.string().optional(),
  source: z.object({ source_type: sourceType.optional(), source_id: z.string().optional() }).optional(),
  // google.protobuf.Value: any JSON, null included (a key present with null stays null).
  feedback: z.object({ value: z.unknown().optional(), error: assessmentError.optional() }).optional(),
  expectation: z
    .object({
      value: z.unknown().optional(),
      serialized_value: z.object({ serialization_format: z.string(), value: z.string() }).optional(),
    })
    .optional(),
  rationale: z.string().optional(),
  metadata: stringMap.optional(),
  overrides: z.string().optional(),
  valid: bool.optional(),
});

export const traceInfoInput = z.object({
  trace_id: z.string().optional(),
  client_request_id: z.string().optional(),
  trace_location: traceLocation.optional(),
  request_preview: z.string().optional(),
  response_preview: z.string().optional(),
  request_time: timestamp.optional(),
  execution_duration: duration.optional(),
  state: traceState.optional(),
  trace_metadata: stringMap.optional(),
  tags: stringMap.optional(),
  assessments: z.array(assessmentInput).optional(),
});

const traceIdPath = { trace_id: z.string() };

export const traceSchemas = {
  startTraceV3: z.object({ trace: z.object({ trace_info: traceInfoInput.optional() }).optional() }),
  traceIdPath: z.object(traceIdPath),
  getTrace: z.object({ trace_id: z.string().optional(), allow_partial: looseBool.optional() }),
  traceIds: z.object({ trace_ids: repeated(z.string()) }),
  searchTraces: z.object({
    locations: z.array(traceLocation).optional(),
    // Older clients (and the v2 search) name experiments directly.
    experiment_ids: repeated(str),
    filter: z.string().optional(),
    max_results: int64.optional(),
    order_by: repeated(z.string()),
    page_token: z.string().optional(),
  }),
  deleteTraces: z.object({
    experiment_id: str.optional(),
    max_timestamp_millis: int64.optional(),
    max_traces: int64.optional(),
    request_ids: repeated(z.string()),
    trace_ids: repeated(z.string()),
  }),
  setTraceTag: z.object({ ...traceIdPath, key: str.optional(), value: str.optional() }),
  deleteTraceTag: z.object({ ...traceIdPath, key: str.optional() }),
  linkTracesToRun: z.object({ trace_ids: repeated(z.string()), run_id: z.string().optional() }),
  createAssessment: z.object({ ...traceIdPath, assessment: assessmentInput.optional() }),
  assessmentPath: z.object({ ...traceIdPath, assessment_id: z.string() }),
  updateAssessment: z.object({
    ...traceIdPath,
    assessment_id: z.string(),
    assessment: assessmentInput.optional(),
    // google.protobuf.FieldMask: "a,b" in JSON (camelCase paths); the {paths: []} message form is accepted too.
    update_mask: z.union([z.string(), z.object({ paths: z.array(z.string()) }).transform((m) => m.paths.join(','))]).optional(),
  }),
  traceMetrics: z.object({
    experiment_ids: repeated(str),
    view_type: z.enum(['TRACES', 'SPANS']).optional(),
    group_by: repeated(z.enum(['trace.name', 'trace.status', 'span.name', 'span.type', 'span.status'])),
    filter: z.string().optional(),
    start_time_ms: int64.optional(),
    end_time_ms: int64.optional(),
    time_bucket_ms: int64.optional(),
  }),
  traceArtifact: z.object({ request_id: z.string().optional(), trace_id: z.string().optional() }),
} as const;
