/**
 * Calls to model providers: one undici Agent (a keep-alive pool per upstream origin) shared by all
 * providers, JSON and server-sent-event reads, and upstream failures turned into GatewayErrors
 * that keep the upstream status (a provider's 429 stays a 429, with its Retry-After).
 *
 * Every call takes the caller's AbortSignal, so a client that disconnects aborts the upstream call
 * and frees its socket instead of reading a stream nobody will see.
 */
import type { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { Agent, errors as undiciErrors, request, type Dispatcher } from 'undici';
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { GatewayError, kindForStatus } from './errors.ts';

export interface UpstreamRequest {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** A JSON body (serialised here) or raw bytes (passthrough). */
  body?: unknown;
  rawBody?: string | Buffer;
  signal: AbortSignal;
  /** Whole-call deadline. Unset: undici's own header/body timeouts. */
  timeoutMs?: number;
}

export interface UpstreamResponse {
  status: number;
  headers: Record<string, string>;
  /** A plain Node stream (undici's body is one), so a subclass can serve or tee the bytes (record/replay). */
  body: Readable;
}

export interface SseEvent {
  event?: string | undefined;
  data: string;
}

export interface UpstreamOptions {
  /** Sockets per upstream origin. */
  connections?: number;
  keepAliveTimeoutMs?: number;
}

/** The provider name used in messages, e.g. `anthropic`. */
type Who = string;

function flatHeaders(raw: Dispatcher.ResponseData['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/** `Retry-After` as seconds (delta or HTTP date); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

/**
 * The human message in a provider's error body, whatever its vendor's shape. Not shortened here:
 * a key an upstream echoes must be masked before any cut, or a cut could leave part of it.
 */
export function upstreamErrorMessage(text: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return text.trim() || 'no error body';
  }
  // Gemini's streaming errors arrive as a one-element array.
  if (Array.isArray(parsed)) parsed = parsed[0];
  if (parsed && typeof parsed === 'object') {
    const o = parsed as Record<string, unknown>;
    const err = o.error;
    if (typeof err === 'string') return err;
    if (err && typeof err === 'object' && typeof (err as Record<string, unknown>).message === 'string') return (err as { message: string }).message;
    if (typeof o.message === 'string') return o.message;
    // Mistral nests a FastAPI validation body in `message`; FastAPI itself answers `detail`.
    const detail = o.message && typeof o.message === 'object' ? (o.message as Record<string, unknown>).detail : o.detail;
    if (typeof detail === 'string') return detail;
    if (Array.isArray(detail)) return detail.map(validationItem).join('; ');
    if (detail !== undefined) return JSON.stringify(detail);
  }
  return text;
}

/** One FastAPI/pydantic validation item (`{loc: ['body','seed'], msg}`) as `body.seed: msg`. */
function validationItem(item: unknown): string {
  if (!item || typeof item !== 'object') return String(item);
  const { loc, msg } = item as { loc?: unknown; msg?: unknown };
  const where = Array.isArray(loc) ? loc.join('.') : '';
  return `${where ? `${where}: ` : ''}${typeof msg === 'string' ? msg : JSON.stringify(item)}`;
}

export function upstreamError(who: Who, status: number, text: string, headers: Record<string, string>): GatewayError {
  return new GatewayError(kindForStatus(status), `${who} answered ${status}: ${upstreamErrorMessage(text)}`, {
    status,
    retryAfter: parseRetryAfter(headers['retry-after']),
    provider: who,
  });
}

export class Upstream {
  private readonly agent: Agent;

  constructor(options: UpstreamOptions = {}) {
    this.agent = new Agent({
      connections: options.connections ?? 128,
      keepAliveTimeout: options.keepAliveTimeoutMs ?? 30_000,
      // Headers can take long on big prompts; the caller's deadline (timeoutMs) is the real bound.
      headersTimeout: 600_000,
      bodyTimeout: 600_000,
    });
  }

  /** Sends a request and returns the response whatever its status (passthrough uses this). */
  async send(who: Who, req: UpstreamRequest): Promise<UpstreamResponse> {
    const signal = req.timeoutMs === undefined ? req.signal : AbortSignal.any([req.signal, AbortSignal.timeout(req.timeoutMs)]);
    const body = req.rawBody ?? (req.body === undefined ? undefined : JSON.stringify(req.body));
    const headers: Record<string, string> = { ...req.headers };
    if (body !== undefined && !Object.keys(headers).some((k) => k.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
    try {
      const res = await request(req.url, { method: req.method ?? 'POST', headers, body, signal, dispatcher: this.agent });
      return { status: res.statusCode, headers: flatHeaders(res.headers), body: res.body };
    } catch (err) {
      throw transportError(who, req, err);
    }
  }

  /** A JSON call; a non-2xx answer becomes a GatewayError with the provider's message and status. */
  async json<T = unknown>(who: Who, req: UpstreamRequest): Promise<{ body: T; headers: Record<string, string> }> {
    const res = await this.send(who, req);
    const text = await readText(who, req, res);
    if (res.status < 200 || res.status > 299) throw upstreamError(who, res.status, text, res.headers);
    try {
      return { body: JSON.parse(text) as T, headers: res.headers };
    } catch {
      throw new GatewayError('upstream', `${who} answered ${res.status} with a body that is not JSON: ${text}`, { provider: who });
    }
  }

  /** A streaming call: yields server-sent events as they arrive; non-2xx throws before the first. */
  async *sse(who: Who, req: UpstreamRequest): AsyncGenerator<SseEvent> {
    const res = await this.send(who, { ...req, headers: { accept: 'text/event-stream', ...req.headers } });
    if (res.status < 200 || res.status > 299) throw upstreamError(who, res.status, await readText(who, req, res), res.headers);
    const pending: EventSourceMessage[] = [];
    const parser = createParser({ onEvent: (e) => pending.push(e) });
    const decoder = new TextDecoder();
    try {
      for await (const chunk of res.body) {
        parser.feed(decoder.decode(chunk as Buffer, { stream: true }));
        while (pending.length > 0) {
          const e = pending.shift()!;
          yield { event: e.event, data: e.data };
        }
      }
      parser.feed(decoder.decode());
      parser.reset({ consume: true });
      for (const e of pending) yield { event: e.event, data: e.data };
    } catch (err) {
      throw transportError(who, req, err);
    } finally {
      // A consumer that stops early (client gone) must release the socket.
      if (!res.body.readableEnded) res.body.destroy();
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}

async function readText(who: Who, req: UpstreamRequest, res: UpstreamResponse): Promise<string> {
  try {
    return await text(res.body);
  } catch (err) {
    throw transportError(who, req, err);
  }
}

function transportError(who: Who, req: UpstreamRequest, err: unknown): GatewayError {
  if (err instanceof GatewayError) return err;
  const origin = safeOrigin(req.url);
  if (req.signal.aborted) return new GatewayError('unavailable', 'The caller went away; the upstream call was cancelled.', { status: 499, cause: err, provider: who });
  const e = err as { name?: string; code?: string; message?: string };
  if (e.name === 'TimeoutError' || err instanceof undiciErrors.HeadersTimeoutError || err instanceof undiciErrors.BodyTimeoutError) {
    return new GatewayError('timeout', `${who} at ${origin} did not answer in time${req.timeoutMs ? ` (${req.timeoutMs} ms)` : ''}.`, { cause: err, provider: who });
  }
  return new GatewayError('unavailable', `Could not reach ${who} at ${origin}: ${e.code ?? e.message ?? String(err)}. Check the endpoint's api base URL and the network.`, {
    status: 502,
    cause: err,
    provider: who,
  });
}

/** Origin only: a URL's query can carry a key (Gemini's `?key=`). */
function safeOrigin(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}
