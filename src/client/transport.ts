/**
 * HTTP for the client: one keep-alive undici Agent per client (or a caller's fetch), MLflow's
 * request encoding, and retries. Retries cover only what a later attempt can fix (429, 5xx,
 * network failures); any other 4xx is the request's own fault and fails at once.
 */
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, request } from 'undici';
import { MlflowApiError, MlflowConnectionError, errorCodeForStatus } from './errors.ts';

export type QueryValue = string | number | boolean | undefined | null | readonly (string | number | boolean)[];

export interface SendOptions {
  query?: Record<string, QueryValue>;
  /** JSON body (POST/PATCH/DELETE). Non-finite numbers go out as "NaN"/"Infinity"/"-Infinity". */
  json?: unknown;
  /** Streamed body; a factory because every retry needs a fresh stream. */
  stream?: () => Readable;
  contentType?: string;
}

export interface TransportResponse {
  status: number;
  header(name: string): string | undefined;
  text(): Promise<string>;
  /** The body as a Node stream, for downloads. */
  stream(): Readable;
  /** Discards the body so the keep-alive socket can be reused. */
  discard(): Promise<void>;
}

export interface TransportOptions {
  /** Tracking URI without credentials and without a trailing slash. */
  baseUrl: string;
  headers: Record<string, string>;
  timeoutMs: number;
  maxRetries: number;
  fetch?: typeof globalThis.fetch;
}

const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 30_000;
/** A server asking for a longer pause than this is treated as this; CI jobs have deadlines. */
const RETRY_AFTER_CAP_MS = 120_000;
const ERROR_TEXT_LIMIT = 500;

/** Local mistakes (a missing file to upload, a bad argument): rethrown as they are, never retried. */
const LOCAL_ERROR_CODES = new Set([
  'ENOENT',
  'EISDIR',
  'ENOTDIR',
  'ERR_INVALID_URL',
  'ERR_INVALID_ARG_TYPE',
  'UND_ERR_INVALID_ARG',
  'UND_ERR_NOT_SUPPORTED',
  'UND_ERR_REQ_CONTENT_LENGTH_MISMATCH',
]);
/** A host name that does not resolve is a typo far more often than a blip; retrying only delays the message. */
const UNRETRYABLE_NETWORK_CODES = new Set(['ENOTFOUND']);

function errorCodeOf(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

function describeNetworkError(err: unknown): string {
  const code = errorCodeOf(err);
  const cause = (err as { cause?: { message?: string } }).cause;
  const message = cause?.message ?? (err as Error)?.message ?? String(err);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}

export function encodeQuery(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    // MLflow reads repeated proto fields from repeated query keys (?run_id=a&run_id=b).
    if (Array.isArray(value)) for (const v of value) params.append(key, String(v));
    else params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** JSON.stringify turns NaN and ±Infinity into null; protobuf's JSON mapping spells them out. */
export function encodeJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
}

/** `Retry-After` in milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(value: string | readonly string[] | undefined): number | undefined {
  const v = typeof value === 'string' ? value : value?.[0];
  if (v === undefined || v.trim() === '') return undefined;
  const seconds = Number(v);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(v);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function backoffMs(attempt: number): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
  // Jitter keeps many CI jobs that failed together from retrying in lockstep.
  return Math.round(ceiling * (0.5 + Math.random() * 0.5));
}

const isRetryableStatus = (status: number): boolean => status === 429 || status >= 500;

export class HttpTransport {
  readonly baseUrl: string;
  readonly #headers: Record<string, string>;
  readonly #timeoutMs: number;
  readonly #maxRetries: number;
  readonly #fetch: typeof globalThis.fetch | undefined;
  #agent: Agent | undefined;

  constructor(options: TransportOptions) {
    this.baseUrl = options.baseUrl;
    this.#headers = options.headers;
    this.#timeoutMs = options.timeoutMs;
    this.#maxRetries = options.maxRetries;
    this.#fetch = options.fetch;
  }

  /** Sends with retries and returns any final response, error statuses included. */
  async send(method: string, path: string, options: SendOptions = {}): Promise<TransportResponse> {
    const url = this.#url(path) + encodeQuery(options.query);
    const body = options.json !== undefined ? encodeJson(options.json) : undefined;
    const headers: Record<string, string> = { ...this.#headers };
    if (body !== undefined) headers['content-type'] = 'application/json';
    else if (options.stream) headers['content-type'] = options.contentType ?? 'application/octet-stream';

    for (let attempt = 0; ; attempt++) {
      let response: TransportResponse;
      try {
        response = await this.#once(method, url, headers, body ?? options.stream?.());
      } catch (err) {
        const code = errorCodeOf(err);
        if (code !== undefined && LOCAL_ERROR_CODES.has(code)) throw err;
        if (!(code !== undefined && UNRETRYABLE_NETWORK_CODES.has(code)) && attempt < this.#maxRetries) {
          await sleep(backoffMs(attempt));
          continue;
        }
        throw new MlflowConnectionError(this.baseUrl, describeNetworkError(err), { cause: err });
      }
      if (isRetryableStatus(response.status) && attempt < this.#maxRetries) {
        const wait = retryAfterMs(response.header('retry-after'));
        await response.discard();
        await sleep(wait !== undefined ? Math.min(wait, RETRY_AFTER_CAP_MS) : backoffMs(attempt));
        continue;
      }
      return response;
    }
  }

  /** Sends and decodes a JSON answer; an error status becomes MlflowApiError. */
  async json<T>(method: string, path: string, options: SendOptions = {}): Promise<T> {
    const response = await this.send(method, path, options);
    if (response.status >= 400) throw await this.toApiError(method, path, response);
    const text = await response.text();
    if (text.trim() === '') return {} as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new MlflowApiError('INTERNAL_ERROR', response.status, `expected JSON, got: ${text.slice(0, ERROR_TEXT_LIMIT)}`, `${method} ${path}`);
    }
  }

  async toApiError(method: string, path: string, response: TransportResponse): Promise<MlflowApiError> {
    const text = await response.text().catch(() => '');
    const endpoint = `${method} ${path}`;
    try {
      const parsed = JSON.parse(text) as { error_code?: unknown; message?: unknown; detail?: unknown };
      if (typeof parsed.error_code === 'string') {
        return new MlflowApiError(parsed.error_code, response.status, typeof parsed.message === 'string' ? parsed.message : '', endpoint);
      }
    } catch {
      // Not MLflow's error JSON (a proxy page, a plain-text 503): report the text itself.
    }
    const snippet = text.trim().slice(0, ERROR_TEXT_LIMIT) || '(empty response body)';
    return new MlflowApiError(errorCodeForStatus(response.status), response.status, snippet, endpoint);
  }

  async close(): Promise<void> {
    const agent = this.#agent;
    this.#agent = undefined;
    await agent?.close();
  }

  #url(path: string): string {
    return /^https?:\/\//i.test(path) ? path : this.baseUrl + path;
  }

  async #once(method: string, url: string, headers: Record<string, string>, body: string | Readable | undefined): Promise<TransportResponse> {
    if (this.#fetch) return this.#onceFetch(this.#fetch, method, url, headers, body);
    this.#agent ??= new Agent({ keepAliveTimeout: 10_000, connections: 16 });
    const res = await request(url, {
      method: method as 'GET',
      headers,
      body,
      dispatcher: this.#agent,
      headersTimeout: this.#timeoutMs,
      bodyTimeout: this.#timeoutMs,
    });
    return {
      status: res.statusCode,
      header: (name) => {
        const v = res.headers[name.toLowerCase()];
        return Array.isArray(v) ? v[0] : v;
      },
      text: () => res.body.text(),
      stream: () => res.body,
      discard: () => res.body.dump(),
    };
  }

  async #onceFetch(
    fetchFn: typeof globalThis.fetch,
    method: string,
    url: string,
    headers: Record<string, string>,
    body: string | Readable | undefined,
  ): Promise<TransportResponse> {
    const controller = new AbortController();
    // Only waiting for the answer's headers is bounded; a large download may take longer than that.
    const timer = setTimeout(() => controller.abort(new Error(`no response within ${this.#timeoutMs} ms`)), this.#timeoutMs);
    let res: Response;
    try {
      const init: RequestInit & { duplex?: 'half' } = { method, headers, signal: controller.signal };
      if (typeof body === 'string') init.body = body;
      else if (body) {
        init.body = Readable.toWeb(body) as ReadableStream<Uint8Array>;
        init.duplex = 'half';
      }
      res = await fetchFn(url, init);
    } finally {
      clearTimeout(timer);
    }
    return {
      status: res.status,
      header: (name) => res.headers.get(name) ?? undefined,
      text: () => res.text(),
      stream: () => (res.body ? Readable.fromWeb(res.body as NodeReadableStream<Uint8Array>) : Readable.from([])),
      discard: async () => {
        await res.body?.cancel();
      },
    };
  }
}
