/**
 * Record/replay of upstream exchanges, what makes CI evaluations deterministic and offline:
 * `--record <dir>` forwards every upstream call and saves the exchange; `--replay <dir>` answers
 * from those files and never opens a socket. Both sit below the providers (they replace the
 * shared Upstream), so every provider, front, stream and passthrough is covered, and what is
 * replayed goes through the same parsing as a live answer.
 *
 * One file per distinct request: `<dir>/<hash>.json`, where the hash covers the method, the URL
 * without credential query parameters, and the body as canonical JSON (sorted keys). Headers are
 * not hashed (they carry keys, and differ between a developer's machine and CI); the URL is, so
 * replay with the api base URLs the recording was made with. Identical requests map to the same
 * file, which holds a list of responses: recording appends in the order answers completed, and
 * replay serves them in that order, then keeps serving the last one. A
 * recording session replaces a file the first time it records that hash, so re-recording into a
 * directory refreshes it rather than growing it.
 *
 * An exchange is saved once the upstream's response body has ended (the bytes are streamed on to
 * the caller as they arrive and kept on the side), even when the provider stopped reading at its
 * vendor's terminal event. A call whose caller went away mid-stream (its signal aborted), or that
 * never got an answer (connection refused, timeout before headers), is not saved. Files are
 * written atomically (temp file + rename).
 *
 * Nothing secret reaches a file: credential headers and query parameters are dropped, and every
 * stored string (URL, request body, response body, e.g. an upstream error echoing the key) goes
 * through the gateway's Redactor. The hash is computed over the redacted form, so rotating a key
 * does not invalidate a recording.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { z } from 'zod';
import { GatewayError } from '../errors.ts';
import type { Redactor } from '../secrets.ts';
import { Upstream, type UpstreamOptions, type UpstreamRequest, type UpstreamResponse } from '../upstream.ts';
import { canonicalJson, sha256Hex } from './cache.ts';

/** A replay that cannot be served (no recording, or an unreadable one). Retrying cannot help. */
export class ReplayError extends GatewayError {
  /** The request hash, i.e. the file `<dir>/<hash>.json` that was looked for. */
  readonly hash: string | undefined;
  constructor(message: string, hash: string | undefined, options: { provider?: string; cause?: unknown } = {}) {
    super('upstream', message, { status: 502, ...options });
    this.name = 'ReplayError';
    this.hash = hash;
  }
}

export interface RecordReplayOptions {
  /** The gateway's redactor, or a getter for the current one (it changes on config reload). */
  redactor?: Redactor | (() => Redactor);
}

export const EXCHANGE_FILE_VERSION = 1;

const recordedRequestSchema = z.looseObject({
  method: z.string(),
  url: z.string(),
  headers: z.record(z.string(), z.string()),
  body: z.unknown(),
});

const recordedResponseSchema = z.looseObject({
  status: z.int().min(100).max(599),
  headers: z.record(z.string(), z.string()),
  /** The body as text; a stream's server-sent events are kept as their raw text. */
  body: z.string(),
});

const exchangeFileSchema = z.looseObject({
  version: z.literal(EXCHANGE_FILE_VERSION),
  hash: z.string(),
  request: recordedRequestSchema,
  responses: z.array(recordedResponseSchema).min(1),
});

export type RecordedRequest = z.output<typeof recordedRequestSchema>;
export type RecordedResponse = z.output<typeof recordedResponseSchema>;
export type ExchangeFile = z.output<typeof exchangeFileSchema>;

/** Request headers that carry credentials, by name... */
const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'x-api-key', 'api-key', 'x-goog-api-key', 'anthropic-api-key', 'cookie']);
/** ...or by the look of the name (custom hosts' auth headers, AWS session tokens). */
const CREDENTIAL_HEADER_PATTERN = /auth|api[-_]?key|token|secret|password|cookie|credential|signature/i;
/** Query parameters that carry credentials (Gemini's `?key=`, presigned URLs). */
const CREDENTIAL_PARAMS = new Set(['key', 'api_key', 'api-key', 'apikey', 'access_token', 'token', 'sig', 'signature', 'x-amz-signature', 'x-amz-credential', 'x-amz-security-token']);
/** The only response headers a replay needs: how to parse the body, and when to retry. */
const KEPT_RESPONSE_HEADERS = ['content-type', 'retry-after'];

interface Described {
  hash: string;
  /** `METHOD origin/path`, for messages. */
  label: string;
  request: RecordedRequest;
}

function resolveRedactor(option: RecordReplayOptions['redactor']): () => Redactor | undefined {
  if (option === undefined) return () => undefined;
  return typeof option === 'function' ? option : () => option;
}

function withoutCredentialParams(url: string): { full: string; path: string } {
  try {
    const u = new URL(url);
    for (const name of [...u.searchParams.keys()]) if (CREDENTIAL_PARAMS.has(name.toLowerCase())) u.searchParams.delete(name);
    return { full: u.toString(), path: `${u.origin}${u.pathname}` };
  } catch {
    const path = url.split('?')[0] ?? url;
    return { full: path, path };
  }
}

/** The request as it is stored and hashed: credentials dropped, secrets masked. */
function describe(req: UpstreamRequest, redactor: Redactor | undefined): Described {
  const redact = (text: string): string => (redactor ? redactor.redact(text) : text);
  const method = req.method ?? 'POST';
  const url = withoutCredentialParams(req.url);
  const storedUrl = redact(url.full);

  let body: unknown;
  let hashedBody: string;
  const raw = req.rawBody === undefined ? undefined : typeof req.rawBody === 'string' ? req.rawBody : req.rawBody.toString('utf8');
  let parsed: unknown = req.body;
  if (parsed === undefined && raw !== undefined) {
    try {
      parsed = JSON.parse(raw);
    } catch {
      parsed = undefined;
    }
  }
  if (parsed !== undefined) {
    // Through JSON first, as it goes on the wire: undefined members vanish, dates become strings.
    body = redactor ? redactor.redactValue(JSON.parse(JSON.stringify(parsed))) : JSON.parse(JSON.stringify(parsed));
    hashedBody = canonicalJson(body);
  } else if (raw !== undefined) {
    body = redact(raw);
    hashedBody = body as string;
  } else {
    body = null;
    hashedBody = '';
  }

  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers ?? {})) {
    const lower = name.toLowerCase();
    if (CREDENTIAL_HEADERS.has(lower) || CREDENTIAL_HEADER_PATTERN.test(lower)) continue;
    headers[lower] = redact(value);
  }
  // As Upstream.send adds it.
  if ((req.body !== undefined || raw !== undefined) && headers['content-type'] === undefined) headers['content-type'] = 'application/json';

  return {
    hash: sha256Hex(`${method}\n${storedUrl}\n${hashedBody}`),
    label: `${method} ${redact(url.path)}`,
    request: { method, url: storedUrl, headers, body },
  };
}

/** The hash (file name without `.json`) an upstream request is recorded under. */
export function exchangeHash(req: UpstreamRequest, redactor?: Redactor): string {
  return describe(req, redactor).hash;
}

function cancelledError(who: string): GatewayError {
  return new GatewayError('unavailable', 'The caller went away; the upstream call was cancelled.', { status: 499, provider: who });
}

/** Forwards every call like Upstream and saves each completed exchange under `dir`. */
export class RecordingUpstream extends Upstream {
  readonly dir: string;
  readonly #redactor: () => Redactor | undefined;
  /** This session's recordings: a file is rewritten whole, in order, as responses are added. */
  readonly #files = new Map<string, { file: ExchangeFile; writes: Promise<void> }>();
  #dirReady: Promise<void> | undefined;
  /** One per exchange still streaming or being written. */
  readonly #pending = new Set<Promise<void>>();

  constructor(dir: string, options: RecordReplayOptions & UpstreamOptions = {}) {
    super(options);
    this.dir = dir;
    this.#redactor = resolveRedactor(options.redactor);
  }

  /** Resolves once every exchange under way has been saved (or dropped, its caller gone). */
  async flush(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all([...this.#pending]);
  }

  /** Waits for recordings under way, so a gateway shut down after a run loses none. */
  override async close(): Promise<void> {
    await this.flush();
    await super.close();
  }

  override async send(who: string, req: UpstreamRequest): Promise<UpstreamResponse> {
    const redactor = this.#redactor();
    const described = describe(req, redactor);
    const res = await super.send(who, req);
    const source = res.body;
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    let ended = false;
    let callerStopped = false;
    let settle!: () => void;
    const settled = new Promise<void>((resolve) => (settle = resolve));
    this.#pending.add(settled);
    void settled.then(() => this.#pending.delete(settled));

    source.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (!callerStopped && !out.write(chunk)) source.pause();
    });
    out.on('drain', () => source.resume());
    source.on('error', (err) => out.destroy(err));
    source.on('close', () => {
      if (!ended) settle();
    });
    source.on('end', () => {
      ended = true;
      const text = Buffer.concat(chunks).toString('utf8');
      const headers: Record<string, string> = {};
      for (const h of KEPT_RESPONSE_HEADERS) if (res.headers[h] !== undefined) headers[h] = res.headers[h];
      const response: RecordedResponse = { status: res.status, headers, body: redactor ? redactor.redact(text) : text };
      // The caller sees the end only once the file is written, so a caller that has read the
      // whole answer can rely on the recording being there.
      this.#save(described, response).then(
        () => {
          out.end();
          settle();
        },
        (err: unknown) => {
          out.destroy(err as Error);
          settle();
        },
      );
    });
    out.on('close', () => {
      if (ended) return;
      callerStopped = true;
      // A provider stops reading at its vendor's terminal event (`[DONE]`, `message_stop`) and
      // may leave a few trailing bytes: read them so the exchange is still recorded. A caller
      // that has gone away aborts the signal instead, and the upstream call is dropped unsaved.
      if (req.signal.aborted) source.destroy();
      else source.resume();
    });
    return { status: res.status, headers: res.headers, body: out };
  }

  async #save(described: Described, response: RecordedResponse): Promise<void> {
    let entry = this.#files.get(described.hash);
    if (!entry) {
      entry = { file: { version: EXCHANGE_FILE_VERSION, hash: described.hash, request: described.request, responses: [] }, writes: Promise.resolve() };
      this.#files.set(described.hash, entry);
    }
    entry.file.responses.push(response);
    const text = `${JSON.stringify(entry.file, null, 2)}\n`;
    const write = entry.writes.then(() => this.#write(described.hash, text));
    entry.writes = write.catch(() => {});
    return write;
  }

  async #write(hash: string, text: string): Promise<void> {
    const file = join(this.dir, `${hash}.json`);
    const tmp = join(this.dir, `.${hash}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
    try {
      this.#dirReady ??= mkdir(this.dir, { recursive: true }).then(() => undefined);
      await this.#dirReady;
      await writeFile(tmp, text);
      await rename(tmp, file);
    } catch (err) {
      this.#dirReady = undefined;
      await rm(tmp, { force: true }).catch(() => {});
      const code = (err as { code?: string }).code ?? (err as Error).message;
      throw new GatewayError('internal', `Could not save the recorded exchange ${file}: ${code}. Check that ${this.dir} is a writable directory.`, { cause: err });
    }
  }
}

/** Serves recorded exchanges from `dir`; never touches the network. */
export class ReplayUpstream extends Upstream {
  readonly dir: string;
  readonly #redactor: () => Redactor | undefined;
  readonly #loaded = new Map<string, Promise<{ responses: RecordedResponse[]; next: number }>>();

  constructor(dir: string, options: RecordReplayOptions = {}) {
    if (!existsSync(dir)) throw new ReplayError(`The replay directory ${dir} does not exist. Record exchanges into it first with --record ${dir}.`, undefined);
    super();
    this.dir = dir;
    this.#redactor = resolveRedactor(options.redactor);
  }

  override async send(who: string, req: UpstreamRequest): Promise<UpstreamResponse> {
    if (req.signal.aborted) throw cancelledError(who);
    const described = describe(req, this.#redactor());
    let loading = this.#loaded.get(described.hash);
    if (!loading) {
      loading = this.#load(who, described);
      this.#loaded.set(described.hash, loading);
      // A miss is not remembered: the file may be recorded while this gateway runs.
      void loading.catch(() => this.#loaded.delete(described.hash));
    }
    const recording = await loading;
    const response = recording.responses[Math.min(recording.next, recording.responses.length - 1)]!;
    recording.next++;
    const bytes = Buffer.from(response.body, 'utf8');
    return { status: response.status, headers: { ...response.headers }, body: Readable.from(bytes.length ? [bytes] : [], { objectMode: false }) };
  }

  async #load(who: string, described: Described): Promise<{ responses: RecordedResponse[]; next: number }> {
    const file = join(this.dir, `${described.hash}.json`);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      if ((err as { code?: string }).code === 'ENOENT') {
        throw new ReplayError(
          `No recorded exchange for ${described.label} (request hash ${described.hash}) in ${this.dir}. Re-record with --record ${this.dir}.`,
          described.hash,
          { provider: who },
        );
      }
      throw new ReplayError(`Could not read the recorded exchange ${file}: ${(err as { code?: string }).code ?? String(err)}.`, described.hash, { provider: who, cause: err });
    }
    let parsed: ExchangeFile;
    try {
      parsed = exchangeFileSchema.parse(JSON.parse(text));
    } catch (err) {
      throw new ReplayError(`The recorded exchange ${file} is not a valid recording (${err instanceof z.ZodError ? z.prettifyError(err).split('\n').join(' ') : 'not JSON'}). Re-record with --record ${this.dir}.`, described.hash, {
        provider: who,
        cause: err,
      });
    }
    return { responses: parsed.responses, next: 0 };
  }
}
