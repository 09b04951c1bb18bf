/**
 * The gateway's structured access log: one JSON line per request, written when its answer has
 * been sent, for `jq`, Loki, CloudWatch and the like.
 *
 * A line says who asked for what, who answered, how it went and what it cost, and nothing of
 * what was said: no prompt or completion text (the RequestRecord carries none), and no error
 * message either, only its kind. The gateway redacts keys from its messages, but a message may
 * still quote the caller's request (an invalid field, a model name, an upstream's echo of the
 * prompt), and an access log is kept longer and read by more people than the request itself.
 * Whoever needs the message finds it in the caller's response or the request's trace.
 */
import type { GatewayOperation, GatewayObserver, RequestRecord } from './record.ts';

export interface AccessLogOptions {
  /**
   * Prompt text is never logged; the option exists so a config can state it, and so turning it on
   * later is a visible change rather than a silent default.
   */
  includePrompts?: false;
}

/** One line of the access log; every field is present, null when it does not apply. */
export interface AccessLogEntry {
  /** When the request arrived (ISO 8601). */
  time: string;
  request_id: string;
  /** The name the caller asked for (an endpoint or a traffic-split route). */
  endpoint: string;
  /** The endpoint that answered, after splits and fallbacks. */
  served_by: string | null;
  provider: string | null;
  model: string | null;
  front: string;
  operation: GatewayOperation;
  stream: boolean;
  status: number;
  error_kind: string | null;
  /** Arrival to last byte sent (last chunk of a stream). */
  duration_ms: number;
  /** Time spent waiting on upstreams. */
  upstream_ms: number;
  /** The gateway's own share: duration_ms − upstream_ms. */
  overhead_ms: number;
  /** Upstream calls made: first tries, retries and fallbacks. */
  attempts: number;
  cache_hit: boolean;
  rate_limited: boolean;
  prompt_tokens: number | null;
  completion_tokens: number | null;
  cost: number | null;
  currency: string | null;
  /** `X-MLflow-Gateway-Caller`. */
  caller: string | null;
}

/** The two values a caller writes freely; a log line is no place for a megabyte of either. */
const MAX_CALLER_TEXT = 256;

function clip(text: string): string {
  return text.length > MAX_CALLER_TEXT ? `${text.slice(0, MAX_CALLER_TEXT)}…` : text;
}

function ms(value: number): number {
  return Math.round(Math.max(0, value) * 1000) / 1000;
}

export function accessLogEntry(record: RequestRecord): AccessLogEntry {
  const duration = ms(record.endMs - record.startMs);
  const upstream = ms(record.upstreamMs);
  return {
    time: new Date(record.startMs).toISOString(),
    request_id: record.id,
    endpoint: clip(record.endpoint),
    served_by: record.servedBy?.endpoint ?? null,
    provider: record.servedBy?.provider ?? null,
    model: record.servedBy?.model ?? null,
    front: record.front,
    operation: record.operation,
    stream: record.stream,
    status: record.status,
    error_kind: record.error?.kind ?? null,
    duration_ms: duration,
    upstream_ms: upstream,
    overhead_ms: ms(duration - upstream),
    attempts: record.attempts.length,
    cache_hit: record.cacheHit,
    rate_limited: record.rateLimited,
    prompt_tokens: record.usage?.prompt_tokens ?? null,
    completion_tokens: record.usage?.completion_tokens ?? null,
    cost: record.cost?.total ?? null,
    currency: record.cost?.currency ?? null,
    caller: record.caller === undefined ? null : clip(record.caller),
  };
}

export class AccessLog implements GatewayObserver {
  readonly #write: (line: string) => void;

  /** `write` gets one line of JSON per request, without a trailing newline. */
  constructor(write: (line: string) => void, _options: AccessLogOptions = {}) {
    this.#write = write;
  }

  onRequest(record: RequestRecord): void {
    this.#write(JSON.stringify(accessLogEntry(record)));
  }
}
