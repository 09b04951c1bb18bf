/**
 * The exporters' HTTP: one keep-alive undici Agent, auth headers as the official SDK builds them,
 * and failures mapped to TraceExportError (retryable for 408/429/5xx and network errors). Retries
 * themselves live in the export queue, whose timers do not keep the process alive; this module
 * never sleeps. The Agent is private, so a user's tracing interceptor on the global dispatcher
 * never sees (or traces) the SDK's own requests.
 */
import { Agent, request } from 'undici';
import { TracingConfigError } from './config.ts';
import { TraceExportError } from './exporter.ts';
import type { Trace } from './trace.ts';

const ERROR_TEXT_LIMIT = 300;

export interface Connection {
  /** Tracking URI without credentials or trailing slash. */
  baseUrl: string;
  /** Authorization (and nothing secret elsewhere). */
  headers: Record<string, string>;
  timeoutMs: number;
}

export interface ConnectionOptions {
  trackingUri: string;
  username?: string;
  password?: string;
  token?: string;
  timeoutMs: number;
}

const redact = (uri: string): string => uri.replace(/\/\/[^/@]*@/, '//***@');

/** Validates the URI and moves any credentials in it into the Authorization header. */
export function makeConnection(options: ConnectionOptions): Connection {
  let url: URL;
  try {
    url = new URL(options.trackingUri);
  } catch {
    url = new URL('invalid:');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TracingConfigError(
      `Invalid tracking URI '${redact(options.trackingUri)}': it must be the http:// or https:// URL of an MLflow tracking server. ` +
        'Pass init({trackingUri}) or set MLFLOW_TRACKING_URI, e.g. http://127.0.0.1:5000.',
    );
  }
  const uriUser = url.username ? decodeURIComponent(url.username) : undefined;
  const uriPassword = url.password ? decodeURIComponent(url.password) : undefined;
  url.username = '';
  url.password = '';
  const username = options.username || uriUser;
  const password = options.password || uriPassword;
  const headers: Record<string, string> = {};
  // The official SDK's order: basic auth when both parts are given, else a bearer token.
  if (username && password) headers.authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
  else if (options.token) headers.authorization = `Bearer ${options.token}`;
  return { baseUrl: (url.origin + url.pathname).replace(/\/+$/, ''), headers, timeoutMs: options.timeoutMs };
}

export interface HttpResponse {
  status: number;
  text: string;
}

export class HttpSender {
  readonly connection: Connection;
  #agent: Agent | undefined;

  constructor(connection: Connection) {
    this.connection = connection;
  }

  /** Sends one request; network failures become retryable TraceExportErrors. Any status is returned. */
  async send(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    options: { body?: string; headers?: Record<string, string>; signal?: AbortSignal; traces?: readonly Trace[] } = {},
  ): Promise<HttpResponse> {
    this.#agent ??= new Agent({ keepAliveTimeout: 4_000, connections: 8 });
    const url = this.connection.baseUrl + path;
    try {
      const res = await request(url, {
        method,
        headers: { 'content-type': 'application/json', ...this.connection.headers, ...options.headers },
        body: options.body,
        dispatcher: this.#agent,
        signal: options.signal,
        headersTimeout: this.connection.timeoutMs,
        bodyTimeout: this.connection.timeoutMs,
      });
      return { status: res.statusCode, text: await res.body.text() };
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      const cause = (err as { cause?: { code?: unknown } }).cause;
      const detail = [typeof code === 'string' ? code : typeof cause?.code === 'string' ? cause.code : undefined, (err as Error).message]
        .filter(Boolean)
        .join(': ');
      throw new TraceExportError(`${method} ${this.connection.baseUrl}${path.split('?')[0]} failed (${detail})`, {
        retryable: !options.signal?.aborted,
        traces: options.traces,
        cause: err,
      });
    }
  }

  /** Sends and requires a 2xx answer; other statuses become TraceExportErrors (retryable for 408/429/5xx). */
  async sendOk(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    options: { body?: string; headers?: Record<string, string>; signal?: AbortSignal; traces?: readonly Trace[] } = {},
  ): Promise<HttpResponse> {
    const res = await this.send(method, path, options);
    if (res.status >= 200 && res.status < 300) return res;
    throw httpError(method, path, res, options.traces);
  }

  async close(): Promise<void> {
    const agent = this.#agent;
    this.#agent = undefined;
    await agent?.close();
  }
}

export function httpError(method: string, path: string, res: HttpResponse, traces?: readonly Trace[]): TraceExportError {
  let detail = res.text.trim().slice(0, ERROR_TEXT_LIMIT) || '(empty body)';
  try {
    const parsed = JSON.parse(res.text) as { error_code?: unknown; message?: unknown };
    if (typeof parsed.error_code === 'string') {
      detail = `${parsed.error_code}: ${typeof parsed.message === 'string' ? parsed.message.slice(0, ERROR_TEXT_LIMIT) : ''}`;
    }
  } catch {
    // Not MLflow's error JSON; the raw text is the best description.
  }
  const retryable = res.status === 408 || res.status === 429 || res.status >= 500;
  let hint = '';
  if (res.status === 401 || res.status === 403) hint = ' Check MLFLOW_TRACKING_TOKEN or MLFLOW_TRACKING_USERNAME/PASSWORD.';
  else if (res.status === 404 && path.startsWith('/api/3.0/mlflow/traces')) hint = ' The server does not support MLflow 3 tracing (MLflow >= 3.0 or mlflow-ts server required).';
  return new TraceExportError(`${method} ${path.split('?')[0]} answered HTTP ${res.status}: ${detail}.${hint}`, { retryable, traces });
}
