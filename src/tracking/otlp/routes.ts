/**
 * `POST /v1/traces`: OTLP/HTTP span ingestion (wire reference §6.4). MLflow serves it from its
 * FastAPI app, so failures here are FastAPI-shaped (`{"detail": ...}`), except a store error,
 * which keeps MLflow's error JSON and status.
 *
 * Register in its own encapsulated scope: it replaces the content-type parsers (raw bytes for
 * any type; the type is checked here) and the error handler.
 *
 * Limits: a request body of at most 16 MiB as sent (compressed or not) and 64 MiB once
 * decompressed; beyond either the answer is 413. OTel SDK exporters batch 512 spans by default,
 * far below both, so a larger body is a misconfigured exporter rather than a real batch.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { promisify } from 'node:util';
import { gunzip, inflate, inflateRaw, type ZlibOptions } from 'node:zlib';
import { MlflowError } from '../../mlflow/errors.ts';
import type { TrackingStore } from '../../store/contract.ts';
import { toSpanRecords, OtlpSpanError } from './convert.ts';
import { decodeJsonRequest } from './json.ts';
import { OtlpDecodeError, decodeProtobufRequest } from './proto.ts';

export const OTLP_MAX_BODY_BYTES = 16 * 1024 * 1024;
export const OTLP_MAX_DECOMPRESSED_BYTES = 64 * 1024 * 1024;

const EXPERIMENT_HEADER = 'x-mlflow-experiment-id';

/** An answer in FastAPI's `{"detail": ...}` shape. */
class HttpDetailError extends Error {
  readonly status: number;
  readonly detail: unknown;
  constructor(status: number, detail: unknown) {
    super(typeof detail === 'string' ? detail : JSON.stringify(detail));
    this.name = 'HttpDetailError';
    this.status = status;
    this.detail = detail;
  }
}

const gunzipAsync = promisify<Buffer, ZlibOptions, Buffer>(gunzip);
const inflateAsync = promisify<Buffer, ZlibOptions, Buffer>(inflate);
const inflateRawAsync = promisify<Buffer, ZlibOptions, Buffer>(inflateRaw);

function tooLarge(): HttpDetailError {
  return new HttpDetailError(
    413,
    `Request body is larger than the ${OTLP_MAX_DECOMPRESSED_BYTES / 1024 / 1024} MiB this server accepts once decompressed. Export fewer spans per request (e.g. a smaller maxExportBatchSize).`,
  );
}

async function decompress(body: Buffer, encoding: string): Promise<Buffer> {
  const options: ZlibOptions = { maxOutputLength: OTLP_MAX_DECOMPRESSED_BYTES };
  const attempt = async (fn: (b: Buffer, o: ZlibOptions) => Promise<Buffer>): Promise<Buffer | undefined> => {
    try {
      return await fn(body, options);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge();
      return undefined;
    }
  };
  switch (encoding) {
    case '':
    case 'identity':
      if (body.length > OTLP_MAX_DECOMPRESSED_BYTES) throw tooLarge();
      return body;
    case 'gzip':
    case 'x-gzip': {
      const out = await attempt(gunzipAsync);
      if (out === undefined) throw new HttpDetailError(400, 'Failed to decompress gzip payload');
      return out;
    }
    case 'deflate': {
      // RFC 9110 "deflate" is zlib-wrapped, but some clients send a raw DEFLATE stream.
      const out = (await attempt(inflateAsync)) ?? (await attempt(inflateRawAsync));
      if (out === undefined) throw new HttpDetailError(400, 'Failed to decompress deflate payload');
      return out;
    }
    default:
      throw new HttpDetailError(400, `Unsupported Content-Encoding: ${encoding}. Send gzip, deflate or an uncompressed body.`);
  }
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function errorHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof HttpDetailError) return reply.status(error.status).type('application/json').send(JSON.stringify({ detail: error.detail }));
  if (error instanceof MlflowError) return reply.status(error.status).type('application/json').send(JSON.stringify(error.toJSON()));
  const fe = error as FastifyError;
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return reply
      .status(413)
      .type('application/json')
      .send(JSON.stringify({ detail: `Request body is larger than the ${OTLP_MAX_BODY_BYTES / 1024 / 1024} MiB this server accepts. Export fewer spans per request, or compress them (gzip).` }));
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return reply.status(fe.statusCode).type('application/json').send(JSON.stringify({ detail: fe.message }));
  }
  request.log.error({ err: error }, 'unhandled error in OTLP ingestion');
  return reply.status(500).type('application/json').send(JSON.stringify({ detail: 'Internal Server Error. The server log has the details.' }));
}

export interface OtlpRouteOptions {
  store: TrackingStore;
}

export function otlpRoutes(app: FastifyInstance, options: OtlpRouteOptions): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: OTLP_MAX_BODY_BYTES }, (_req, body, done) => done(null, body));
  app.setErrorHandler(errorHandler);

  app.post('/v1/traces', async (request, reply) => {
    const experimentId = header(request, EXPERIMENT_HEADER)?.trim();
    if (!experimentId) {
      // FastAPI's validation answer for a missing required header, as MLflow gives it.
      throw new HttpDetailError(422, [{ type: 'missing', loc: ['header', EXPERIMENT_HEADER], msg: 'Field required', input: null }]);
    }
    const contentType = (header(request, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (contentType !== 'application/x-protobuf' && contentType !== 'application/json') {
      throw new HttpDetailError(
        400,
        `Invalid Content-Type: ${header(request, 'content-type') ?? '(none)'}. Expected: application/x-protobuf or application/json`,
      );
    }
    const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const body = await decompress(raw, (header(request, 'content-encoding') ?? '').trim().toLowerCase());

    let converted;
    try {
      const decoded = contentType === 'application/json' ? decodeJsonRequest(body.toString('utf8')) : decodeProtobufRequest(body);
      converted = toSpanRecords(decoded);
    } catch (err) {
      if (err instanceof OtlpDecodeError) throw new HttpDetailError(400, err.message);
      if (err instanceof OtlpSpanError) throw new HttpDetailError(422, `Cannot convert OpenTelemetry span to MLflow span: ${err.message}`);
      throw err;
    }
    if (!converted.hasResourceSpans) throw new HttpDetailError(400, 'Invalid OpenTelemetry format - no spans found');
    if (converted.spans.length > 0) await options.store.traces.logSpans(experimentId, converted.spans);
    // An empty ExportTraceServiceResponse (full success) is zero bytes, whatever the request encoding.
    return reply.status(200).type('application/x-protobuf').send(Buffer.alloc(0));
  });
}
