/**
 * The deployments client: MLflow's `mlflow.deployments.get_deploy_client("http://host:port")` in
 * TypeScript, for the AI gateway (`mlflow-ts gateway start`, or `mlflow-ts server --gateway-config`).
 *
 * ```ts
 * const client = getDeployClient('http://127.0.0.1:5000');
 * const answer = await client.predict({ endpoint: 'chat', inputs: { messages: [{ role: 'user', content: 'Hi' }] } });
 * for await (const chunk of client.predictStream({ endpoint: 'chat', inputs: { messages } })) ...
 * ```
 *
 * As in MLflow: `predict` retries 429/500/502/503 only (a timeout is not retried: it usually means
 * the query itself is too slow, and a retry repeats the wait), honours `Retry-After`, and waits
 * `MLFLOW_DEPLOYMENT_PREDICT_TIMEOUT` seconds for an answer. Endpoints are defined in the gateway's
 * config file, so create/update/delete refuse.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { Agent, errors as undiciErrors, request, type Dispatcher } from 'undici';
import { z } from 'zod';
import { ERROR_STATUS } from '../mlflow/errors.ts';
import { PACKAGE_VERSION } from '../version.ts';
import { MlflowApiError, MlflowConnectionError, errorCodeForStatus } from './errors.ts';
import { retryAfterMs } from './transport.ts';

export interface DeploymentsClientOptions {
  /** Sent as `Authorization: Bearer` (the gateway's `--auth-token`); default `MLFLOW_GATEWAY_AUTH_TOKEN`. */
  token?: string;
  /** How long `predict` waits for an answer (headers, then between body bytes); default `MLFLOW_DEPLOYMENT_PREDICT_TIMEOUT` seconds, then 120 s. */
  timeoutMs?: number;
  /** The same for the listing calls; default `MLFLOW_HTTP_REQUEST_TIMEOUT` seconds, then 120 s. */
  requestTimeoutMs?: number;
  /** Retries after 429/500/502/503 and dropped connections; default `MLFLOW_HTTP_REQUEST_MAX_RETRIES`, then 5. */
  maxRetries?: number;
  /** Seconds; the n-th retry waits about `backoffFactor * 2^n` (capped at 120 s) unless the server sends `Retry-After`. Default `MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR`, then 2. */
  backoffFactor?: number;
  /** Where the env defaults come from (tests); default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Most connections open to the gateway at once; default 16. Callers that run N calls in parallel pass N. */
  connections?: number;
}

/** An endpoint as `GET /api/2.0/endpoints/<name>` describes it, with `endpoint_url` made absolute. */
export interface Endpoint {
  name: string;
  endpoint_type: string;
  model: { name: string; provider: string };
  endpoint_url: string;
  limit: { calls: number; key?: string | null; renewal_period: string } | null;
  [extra: string]: unknown;
}

export interface PredictRequest {
  endpoint: string;
  /** The JSON body: MLflow's unified chat (`messages`), completions (`prompt`) or embeddings (`input`) request. */
  inputs: Record<string, unknown>;
}

/** The gateway's JSON answer (MLflow's unified chat/completions/embeddings response). */
export type PredictResponse = Record<string, unknown>;

/** Per-call options of `predict`. */
export interface PredictOptions {
  /** Sent with this call besides the client's own (e.g. a W3C `traceparent`); they cannot replace the client's authorization. */
  headers?: Record<string, string>;
  /** Cancels the call and any retry still to come; the call rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Retries of this call; default the client's. 0 for a caller that retries on its own terms. */
  maxRetries?: number;
}

/** `predictWithHeaders`'s answer: the JSON and the response headers (the gateway's timing and cost headers). */
export interface PredictResult {
  body: PredictResponse;
  headers: Record<string, string | string[] | undefined>;
}

const DEFAULT_TIMEOUT_S = 120;
const DEFAULT_MAX_RETRIES = 5;
const DEFAULT_BACKOFF_FACTOR_S = 2;
const BACKOFF_CAP_MS = 120_000;
const RETRY_AFTER_CAP_MS = 120_000;
const ERROR_TEXT_LIMIT = 500;
/** MLflow's MLFLOW_DEPLOYMENT_CLIENT_REQUEST_RETRY_CODES: no 504, a slow query stays slow. */
const RETRY_STATUSES = new Set([429, 500, 502, 503]);
/** A refused connection or unknown host means no gateway there; retrying only delays the message. */
const UNRETRYABLE_NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ERR_INVALID_URL', 'UND_ERR_INVALID_ARG']);

const CRUD_BASE = '/api/2.0/endpoints/';
const OWN_HEADERS = new Set(['authorization', 'user-agent', 'accept', 'content-type', 'content-length', 'host']);

/** A wait between retries that a cancelled call cuts short, rejecting with the signal's reason. */
async function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  try {
    await sleep(ms, undefined, signal ? { signal } : undefined);
  } catch (err) {
    if (signal?.aborted) throw signal.reason;
    throw err;
  }
}

const endpointSchema = z.looseObject({
  name: z.string(),
  endpoint_type: z.string(),
  model: z.looseObject({ name: z.string(), provider: z.string() }),
  endpoint_url: z.string(),
  limit: z.looseObject({ calls: z.number(), key: z.string().nullish(), renewal_period: z.string() }).nullish(),
});
const endpointsPageSchema = z.looseObject({
  endpoints: z.array(endpointSchema).default([]),
  next_page_token: z.string().nullish(),
});
const objectSchema = z.record(z.string(), z.unknown());

/** The error bodies a gateway may answer with: ours and MLflow 3.x's, FastAPI's `detail`, OpenAI's `error`. */
const errorDetailSchema = z.union([z.string(), z.looseObject({ error_code: z.string().optional(), message: z.string().optional() })]);
const errorBodySchema = z.looseObject({
  error_code: z.string().optional(),
  message: z.string().optional(),
  detail: errorDetailSchema.optional(),
  error: errorDetailSchema.optional(),
});

/** No usable answer from the gateway: refused, reset, unknown host, or no answer in time. */
export class DeploymentsConnectionError extends MlflowConnectionError {
  constructor(target: string, detail: string, advice: string, options?: { cause?: unknown }) {
    super(target, detail, options);
    this.name = 'DeploymentsConnectionError';
    // The base class's message is about the tracking server; this one is about the gateway.
    this.message = `Could not reach the AI gateway at ${target} (${detail}). ${advice}`;
  }
}

function envNumber(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got '${raw}'.`);
  return n;
}

function errorCodeOf(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

function isTimeout(err: unknown): boolean {
  return err instanceof undiciErrors.HeadersTimeoutError || err instanceof undiciErrors.BodyTimeoutError || errorCodeOf(err) === 'UND_ERR_CONNECT_TIMEOUT';
}


/** MLflow's resolve_route_url: a relative `endpoint_url` is joined to the gateway's URL. */
function absoluteUrl(base: string, url: string): string {
  if (/^https?:\/\//i.test(url)) return url;
  return `${base}/${url.replace(/^\/+/, '')}`;
}

/** The server's error body as MlflowApiError; a non-JSON answer (a proxy's page) is quoted. */
function apiError(status: number, text: string, endpoint: string): MlflowApiError {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return new MlflowApiError(errorCodeForStatus(status), status, text.trim().slice(0, ERROR_TEXT_LIMIT) || '(empty response body)', endpoint);
  }
  const parsed = errorBodySchema.safeParse(json);
  if (parsed.success) {
    const { error_code, message, detail, error } = parsed.data;
    if (error_code !== undefined) return new MlflowApiError(error_code, status, message ?? '', endpoint);
    const inner = detail ?? error;
    if (typeof inner === 'string') return new MlflowApiError(errorCodeForStatus(status), status, inner, endpoint);
    if (inner !== undefined) return new MlflowApiError(inner.error_code ?? errorCodeForStatus(status), status, inner.message ?? JSON.stringify(inner), endpoint);
  }
  return new MlflowApiError(errorCodeForStatus(status), status, text.trim().slice(0, ERROR_TEXT_LIMIT), endpoint);
}

/** An in-band `{"error": ...}` event: the stream had started (HTTP 200) when the upstream failed. */
function streamError(error: unknown, endpoint: string): MlflowApiError {
  const parsed = z.looseObject({ error_code: z.string().optional(), message: z.string().optional(), type: z.string().optional() }).safeParse(error);
  if (!parsed.success) return new MlflowApiError('INTERNAL_ERROR', 500, typeof error === 'string' ? error : JSON.stringify(error), endpoint);
  const code = parsed.data.error_code ?? 'INTERNAL_ERROR';
  const status = (ERROR_STATUS as Record<string, number>)[code] ?? 500;
  return new MlflowApiError(code, status, `the stream failed: ${parsed.data.message ?? JSON.stringify(error)}`, endpoint);
}

interface CallOptions {
  json?: unknown;
  query?: Record<string, string>;
  timeoutMs: number;
  retryStatuses: ReadonlySet<number>;
  accept?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  maxRetries?: number;
}

export class DeploymentsClient {
  /** The gateway's URL, without a trailing slash. */
  readonly target: string;
  readonly #headers: Record<string, string>;
  readonly #predictTimeoutMs: number;
  readonly #requestTimeoutMs: number;
  readonly #maxRetries: number;
  readonly #backoffFactorMs: number;
  readonly #connections: number;
  #agent: Agent | undefined;

  constructor(target: string, options: DeploymentsClientOptions = {}) {
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      throw new Error(`'${target}' is not a URL. Give the gateway's address, e.g. http://127.0.0.1:5000.`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new Error(`'${target}' is not an http(s) URL. Give the gateway's address, e.g. http://127.0.0.1:5000.`);
    }
    this.target = (url.origin + url.pathname).replace(/\/+$/, '');
    const env = options.env ?? process.env;
    const token = options.token ?? (env.MLFLOW_GATEWAY_AUTH_TOKEN || undefined);
    this.#headers = { 'user-agent': `mlflow-ts-deployments/${PACKAGE_VERSION}` };
    if (token) this.#headers.authorization = `Bearer ${token}`;
    const predictS = envNumber(env, 'MLFLOW_DEPLOYMENT_PREDICT_TIMEOUT');
    const requestS = envNumber(env, 'MLFLOW_HTTP_REQUEST_TIMEOUT');
    this.#predictTimeoutMs = options.timeoutMs ?? (predictS ?? DEFAULT_TIMEOUT_S) * 1000;
    this.#requestTimeoutMs = options.requestTimeoutMs ?? (requestS ?? DEFAULT_TIMEOUT_S) * 1000;
    this.#maxRetries = options.maxRetries ?? envNumber(env, 'MLFLOW_HTTP_REQUEST_MAX_RETRIES') ?? DEFAULT_MAX_RETRIES;
    this.#connections = options.connections ?? 16;
    this.#backoffFactorMs = (options.backoffFactor ?? envNumber(env, 'MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR') ?? DEFAULT_BACKOFF_FACTOR_S) * 1000;
  }

  /** Every endpoint of the gateway, following `next_page_token` pages. */
  async listEndpoints(): Promise<Endpoint[]> {
    const all: Endpoint[] = [];
    let pageToken: string | undefined;
    do {
      const page = endpointsPageSchema.parse(
        (await this.#json('GET', CRUD_BASE, { query: pageToken ? { page_token: pageToken } : undefined, timeoutMs: this.#requestTimeoutMs, retryStatuses: RETRY_STATUSES })).body,
      );
      for (const e of page.endpoints) all.push(this.#endpoint(e));
      pageToken = page.next_page_token ?? undefined;
    } while (pageToken);
    return all;
  }

  /** One endpoint; an unknown name is MlflowApiError with status 404. */
  async getEndpoint(name: string): Promise<Endpoint> {
    const { body } = await this.#json('GET', CRUD_BASE + encodeURIComponent(name), { timeoutMs: this.#requestTimeoutMs, retryStatuses: RETRY_STATUSES });
    return this.#endpoint(endpointSchema.parse(body));
  }

  /** `POST /endpoints/<endpoint>/invocations` with `inputs` as the body; the JSON answer. */
  async predict(request: PredictRequest, options: PredictOptions = {}): Promise<PredictResponse> {
    return (await this.predictWithHeaders(request, options)).body;
  }

  /** `predict`, with the response headers too (`X-MLflow-Gateway-Cost-USD`, the timing headers). */
  async predictWithHeaders(request: PredictRequest, options: PredictOptions = {}): Promise<PredictResult> {
    const { body, headers } = await this.#json('POST', invocationsPath(request.endpoint), {
      json: request.inputs,
      timeoutMs: this.#predictTimeoutMs,
      retryStatuses: RETRY_STATUSES,
      ...options,
    });
    return { body: objectSchema.parse(body), headers };
  }

  /**
   * The same call with `stream: true`: yields each parsed chunk as it arrives. A failure after the
   * stream started arrives in-band as `{"error": ...}` and is thrown as MlflowApiError.
   */
  async *predictStream(request: PredictRequest): AsyncGenerator<PredictResponse, void, undefined> {
    const path = invocationsPath(request.endpoint);
    const endpoint = `POST ${path}`;
    const res = await this.#send('POST', path, {
      json: { ...request.inputs, stream: true },
      timeoutMs: this.#predictTimeoutMs,
      retryStatuses: RETRY_STATUSES,
      accept: 'text/event-stream',
    });
    if (res.statusCode >= 400) throw apiError(res.statusCode, await res.body.text(), endpoint);
    const pending: EventSourceMessage[] = [];
    const parser = createParser({ onEvent: (e) => pending.push(e) });
    const decoder = new TextDecoder();
    const parse = (e: EventSourceMessage): PredictResponse | 'done' => {
      if (e.data === '[DONE]') return 'done';
      let value: unknown;
      try {
        value = JSON.parse(e.data);
      } catch {
        throw new MlflowApiError('INTERNAL_ERROR', res.statusCode, `the stream sent an event that is not JSON: ${e.data.slice(0, ERROR_TEXT_LIMIT)}`, endpoint);
      }
      const chunk = objectSchema.safeParse(value);
      if (!chunk.success) throw new MlflowApiError('INTERNAL_ERROR', res.statusCode, `the stream sent an event that is not a JSON object: ${e.data.slice(0, ERROR_TEXT_LIMIT)}`, endpoint);
      if (chunk.data.error !== undefined && chunk.data.choices === undefined) throw streamError(chunk.data.error, endpoint);
      return chunk.data;
    };
    try {
      for await (const bytes of res.body) {
        parser.feed(decoder.decode(bytes as Buffer, { stream: true }));
        while (pending.length > 0) {
          const chunk = parse(pending.shift()!);
          if (chunk === 'done') return;
          yield chunk;
        }
      }
      parser.feed(decoder.decode());
      parser.reset({ consume: true });
      for (const e of pending) {
        const chunk = parse(e);
        if (chunk === 'done') return;
        yield chunk;
      }
    } catch (err) {
      if (err instanceof MlflowApiError) throw err;
      throw this.#connectionError(err, this.#predictTimeoutMs);
    } finally {
      // A consumer that stops early must let the socket go.
      if (!res.body.readableEnded) res.body.destroy();
    }
  }

  createEndpoint(_name?: string, _config?: unknown): Promise<never> {
    return Promise.reject(managedInConfig('create'));
  }

  updateEndpoint(_name?: string, _config?: unknown): Promise<never> {
    return Promise.reject(managedInConfig('update'));
  }

  deleteEndpoint(_name?: string): Promise<never> {
    return Promise.reject(managedInConfig('delete'));
  }

  /** Closes the keep-alive connections; the client is unusable afterwards. */
  async close(): Promise<void> {
    const agent = this.#agent;
    this.#agent = undefined;
    await agent?.close();
  }

  #endpoint(e: z.infer<typeof endpointSchema>): Endpoint {
    return { ...e, limit: e.limit ?? null, endpoint_url: absoluteUrl(this.target, e.endpoint_url) };
  }

  async #json(method: 'GET' | 'POST', path: string, options: CallOptions): Promise<{ body: unknown; headers: PredictResult['headers'] }> {
    const res = await this.#send(method, path, options);
    let text: string;
    try {
      text = await res.body.text();
    } catch (err) {
      if (options.signal?.aborted) throw options.signal.reason;
      throw this.#connectionError(err, options.timeoutMs);
    }
    if (res.statusCode >= 400) throw apiError(res.statusCode, text, `${method} ${path}`);
    try {
      return { body: JSON.parse(text) as unknown, headers: res.headers };
    } catch {
      throw new MlflowApiError('INTERNAL_ERROR', res.statusCode, `expected JSON, got: ${text.slice(0, ERROR_TEXT_LIMIT)}`, `${method} ${path}`);
    }
  }

  /** Sends with retries; returns the final answer, error statuses included, with its body unread. */
  async #send(method: 'GET' | 'POST', path: string, options: CallOptions): Promise<Dispatcher.ResponseData> {
    const query = options.query ? `?${new URLSearchParams(options.query).toString()}` : '';
    const url = this.target + path + query;
    const headers: Record<string, string> = {};
    // A caller's header cannot replace the client's own (its authorization above all).
    for (const [name, value] of Object.entries(options.headers ?? {})) if (!OWN_HEADERS.has(name.toLowerCase())) headers[name] = value;
    Object.assign(headers, this.#headers, { accept: options.accept ?? 'application/json' });
    const body = options.json === undefined ? undefined : JSON.stringify(options.json);
    if (body !== undefined) headers['content-type'] = 'application/json';
    this.#agent ??= new Agent({ keepAliveTimeout: 10_000, connections: this.#connections });
    const { signal } = options;
    const maxRetries = options.maxRetries ?? this.#maxRetries;
    for (let attempt = 0; ; attempt++) {
      let res: Dispatcher.ResponseData;
      try {
        res = await request(url, { method, headers, body, signal, dispatcher: this.#agent, headersTimeout: options.timeoutMs, bodyTimeout: options.timeoutMs });
      } catch (err) {
        // A cancelled call is the caller's decision, not the gateway's failure.
        if (signal?.aborted) throw signal.reason;
        const code = errorCodeOf(err);
        const retryable = !isTimeout(err) && !(code !== undefined && UNRETRYABLE_NETWORK_CODES.has(code));
        if (retryable && attempt < maxRetries) {
          await pause(this.#backoff(attempt), signal);
          continue;
        }
        throw this.#connectionError(err, options.timeoutMs);
      }
      if (options.retryStatuses.has(res.statusCode) && attempt < maxRetries) {
        const wait = retryAfterMs(res.headers['retry-after']);
        await res.body.dump();
        await pause(wait !== undefined ? Math.min(wait, RETRY_AFTER_CAP_MS) : this.#backoff(attempt), signal);
        continue;
      }
      return res;
    }
  }

  #backoff(attempt: number): number {
    const ceiling = Math.min(BACKOFF_CAP_MS, this.#backoffFactorMs * 2 ** attempt);
    // Jitter keeps many CI jobs that failed together from retrying in lockstep.
    return Math.round(ceiling * (0.5 + Math.random() * 0.5));
  }

  #connectionError(err: unknown, timeoutMs: number): DeploymentsConnectionError {
    if (isTimeout(err)) {
      return new DeploymentsConnectionError(
        this.target,
        `no answer within ${timeoutMs / 1000} s`,
        'The model may be slow for this request: raise MLFLOW_DEPLOYMENT_PREDICT_TIMEOUT (seconds) or the client\'s timeoutMs.',
        { cause: err },
      );
    }
    const code = errorCodeOf(err);
    const message = (err as { cause?: { message?: string } }).cause?.message ?? (err as Error)?.message ?? String(err);
    const detail = code && !message.includes(code) ? `${code}: ${message}` : message;
    return new DeploymentsConnectionError(this.target, detail, 'Check the gateway URI (MLFLOW_DEPLOYMENTS_TARGET or --gateway-uri) and that the gateway is running.', { cause: err });
  }
}

function invocationsPath(endpoint: string): string {
  if (typeof endpoint !== 'string' || endpoint === '') throw new TypeError("predict needs 'endpoint': the name of a gateway endpoint.");
  return `/endpoints/${encodeURIComponent(endpoint)}/invocations`;
}

function managedInConfig(operation: string): Error {
  const err = new Error(
    `Cannot ${operation} an endpoint through the deployments client: the gateway's endpoints are managed in its config file. ` +
      'Edit the file (mlflow-ts gateway start --config-path ...); the running gateway reloads it.',
  );
  // MLflow raises NotImplementedError here.
  err.name = 'NotImplementedError';
  return err;
}

/**
 * A client for the gateway at `target` (MLflow's `get_deploy_client`); default
 * `MLFLOW_DEPLOYMENTS_TARGET`, then `MLFLOW_GATEWAY_URI`.
 */
export function getDeployClient(target?: string, options: DeploymentsClientOptions = {}): DeploymentsClient {
  const env = options.env ?? process.env;
  const uri = target ?? (env.MLFLOW_DEPLOYMENTS_TARGET || env.MLFLOW_GATEWAY_URI || undefined);
  if (uri === undefined) {
    throw new Error('No gateway URI: pass one to getDeployClient("http://host:port") or set MLFLOW_DEPLOYMENTS_TARGET.');
  }
  return new DeploymentsClient(uri, options);
}
