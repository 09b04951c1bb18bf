/**
 * What every target kind shares: the interface the executor calls, the typed error it classifies
 * for retries, and the HTTP plumbing of the targets that speak JSON over HTTP. Timeouts and
 * retries are the executor's: a target makes one attempt and honours `signal` (a cancelled attempt
 * rejects with the signal's reason, so the executor can tell its own timeout from an upstream's).
 */
import { errors as undiciErrors, request } from 'undici';
import type { ChatMessage, EvalRow, TargetOutput } from '../types.ts';
import { retryAfterMs } from '../../client/transport.ts';

/** A target's answer; the executor adds the latency it measured. */
export type TargetAnswer = Omit<TargetOutput, 'latencyMs'>;

export interface TargetCallOptions {
  signal: AbortSignal;
  /** Sent with the call where the kind has headers (the row's `traceparent`). */
  headers: Record<string, string>;
}

export interface Target {
  /** The suite's name for it: the run's name and the results' `target` column. */
  readonly name: string;
  /** Chat targets get the row's rendered messages; the others get undefined and render nothing. */
  readonly needsMessages: boolean;
  call(row: EvalRow, messages: readonly ChatMessage[] | undefined, options: TargetCallOptions): Promise<TargetAnswer>;
  /** Lets go of connections; the target is unusable afterwards. */
  close?(): Promise<void>;
}

/**
 * A target that did not answer. `retryable` says whether a later attempt may do better (429,
 * 5xx, a dropped connection, a timeout); a 4xx, a refused connection or a failing command is the
 * same on every attempt. The message names the target and never carries a key.
 */
export class TargetError extends Error {
  readonly target: string;
  /** The HTTP status the target answered with, when it answered. */
  readonly status: number | undefined;
  readonly retryable: boolean;
  /** The server's `Retry-After`, when it sent one. */
  readonly retryAfterMs: number | undefined;

  constructor(target: string, message: string, options: { status?: number; retryable: boolean; retryAfterMs?: number; cause?: unknown }) {
    super(`target "${target}": ${message}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'TargetError';
    this.target = target;
    this.status = options.status;
    this.retryable = options.retryable;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** 429 and 5xx may pass on a later attempt; any other error status is the request's own fault. */
export function retryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/** A refused connection or an unknown host means nothing is there; a retry only delays the message. */
const UNRETRYABLE_NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ERR_INVALID_URL', 'UND_ERR_INVALID_ARG']);

function errorCodeOf(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

export function retryableNetworkError(err: unknown): boolean {
  const code = errorCodeOf(err);
  return code === undefined || !UNRETRYABLE_NETWORK_CODES.has(code);
}

/** A network failure's own words, with its code; never a URL's credentials (URLs are not in them). */
function describeNetworkError(err: unknown): string {
  const code = errorCodeOf(err);
  const message = (err as { cause?: { message?: string } }).cause?.message ?? (err as Error)?.message ?? String(err);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}


const ERROR_TEXT_LIMIT = 500;

/** Masks each secret wherever it appears (an upstream may echo the key it was sent). */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.replaceAll(s, '***');
  return out;
}

/** The message in an error body: OpenAI's `error.message`, MLflow's `message`, FastAPI's `detail`, else the text. */
function errorBodyMessage(text: string): string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return text.trim() || '(empty response body)';
  }
  if (json !== null && typeof json === 'object') {
    const o = json as Record<string, unknown>;
    const inner = o.error ?? o.detail;
    if (typeof inner === 'string') return inner;
    if (inner !== null && typeof inner === 'object' && typeof (inner as { message?: unknown }).message === 'string') return (inner as { message: string }).message;
    if (typeof o.message === 'string') return typeof o.error_code === 'string' ? `${o.error_code}: ${o.message}` : o.message;
  }
  return text.trim();
}

export interface JsonResponse {
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * POSTs JSON and returns the parsed JSON answer; error statuses, network failures and non-JSON
 * answers become TargetError (`what` says what was called, e.g. "POST http://host/invocations").
 * A cancelled call rejects with the signal's reason.
 */
export async function postJson(
  target: string,
  url: string,
  body: unknown,
  options: { headers: Record<string, string>; signal: AbortSignal; what: string; secrets?: readonly string[] },
): Promise<JsonResponse> {
  const secrets = options.secrets ?? [];
  const fail = (message: string, extra: { status?: number; retryable: boolean; retryAfterMs?: number; cause?: unknown }): TargetError =>
    new TargetError(target, redact(`${message} (${options.what})`, secrets), extra);
  let text: string;
  let status: number;
  let headers: JsonResponse['headers'];
  try {
    const res = await request(url, {
      method: 'POST',
      headers: { ...options.headers, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      signal: options.signal,
    });
    status = res.statusCode;
    headers = res.headers;
    text = await res.body.text();
  } catch (err) {
    if (options.signal.aborted) throw options.signal.reason;
    const timeout = err instanceof undiciErrors.HeadersTimeoutError || err instanceof undiciErrors.BodyTimeoutError;
    throw fail(`no answer: ${describeNetworkError(err)}`, { retryable: timeout || retryableNetworkError(err), cause: err });
  }
  if (status >= 400) {
    const detail = errorBodyMessage(text);
    const clipped = detail.length > ERROR_TEXT_LIMIT ? `${detail.slice(0, ERROR_TEXT_LIMIT)}…` : detail;
    throw fail(`HTTP ${status}: ${clipped}`, { status, retryable: retryableStatus(status), retryAfterMs: retryAfterMs(headers['retry-after']) });
  }
  try {
    return { body: JSON.parse(text) as unknown, headers };
  } catch {
    throw fail(`the answer is not JSON: ${text.slice(0, 200)}`, { status, retryable: false });
  }
}

/** The text of a value: a string as it is, anything else as JSON. */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? String(value);
}
