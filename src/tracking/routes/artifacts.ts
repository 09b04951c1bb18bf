/**
 * Artifact routes: MLflow's proxied artifact service (`/api/2.0/mlflow-artifacts/...`, paths
 * relative to `--artifacts-destination`) plus the run-relative routes the UI and clients use
 * (`artifacts/list`, `/get-artifact`, `upload-artifact`). This scope keeps request bodies
 * unparsed so uploads stream from the socket to disk with any Content-Type and no size limit.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { MlflowError, invalidParam } from '../../mlflow/errors.ts';
import type { TrackingStore } from '../../store/contract.ts';
import { type LocalArtifactRepository, normalizeArtifactPath } from '../../store/artifacts/local.ts';
import { apiRoute, required, toWireJson } from '../http.ts';

export interface ArtifactRouteOptions {
  store: TrackingStore;
  repository: LocalArtifactRepository;
  enabled: boolean;
}

/** MLflow's cap for the UI's single-request upload, which arrives in memory. */
const UI_UPLOAD_LIMIT = 10 * 1024 * 1024;

/** MLflow serves these as text/plain whatever their registered type (`mlflow/utils/mime_type_utils.py`). */
const TEXT_EXTENSIONS = new Set([
  'txt', 'log', 'err', 'cfg', 'conf', 'cnf', 'cf', 'ini', 'properties', 'prop', 'hocon', 'toml', 'yaml', 'yml',
  'xml', 'json', 'js', 'py', 'py3', 'csv', 'tsv', 'md', 'rst', 'MLmodel', 'MLproject',
]);

/** The common part of Python's `mimetypes` table, which MLflow falls back on. */
const MIME_TYPES: Record<string, string> = {
  txt: 'text/plain', csv: 'text/csv', tsv: 'text/tab-separated-values', json: 'application/json', xml: 'text/xml',
  js: 'text/javascript', py: 'text/x-python', md: 'text/markdown', yaml: 'application/yaml', yml: 'application/yaml',
  html: 'text/html', htm: 'text/html', css: 'text/css',
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', svg: 'image/svg+xml', webp: 'image/webp',
  bmp: 'image/bmp', ico: 'image/vnd.microsoft.icon', tif: 'image/tiff', tiff: 'image/tiff',
  pdf: 'application/pdf', zip: 'application/zip', tar: 'application/x-tar', wasm: 'application/wasm',
  mp3: 'audio/mpeg', wav: 'audio/x-wav', mp4: 'video/mp4', webm: 'video/webm',
};

export function artifactMimeType(fileName: string): string {
  // Python's splitext: a leading dot starts a name, not an extension.
  const dot = fileName.lastIndexOf('.');
  const extension = dot > 0 ? fileName.slice(dot + 1) : '';
  if (TEXT_EXTENSIONS.has(extension === '' ? fileName : extension)) return 'text/plain';
  return MIME_TYPES[extension.toLowerCase()] ?? 'application/octet-stream';
}

/** MLflow's bare `filename=` when the name is a plain token; RFC 6266 encoding otherwise (headers are Latin-1). */
function contentDisposition(fileName: string): string {
  if (/^[A-Za-z0-9!#$&+.^_`|~-]+$/.test(fileName)) return `attachment; filename=${fileName}`;
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

function joinRelative(dir: string, name: string): string {
  return dir === '' ? name : name === '' ? dir : `${dir}/${name}`;
}

function queryValue(request: FastifyRequest, name: string): string | undefined {
  const value = (request.query as Record<string, unknown> | undefined)?.[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalidParam(`Query parameter '${name}' must be given once.`);
  return value;
}

/**
 * The wildcard part of the URL, percent-decoded exactly once. Read from the raw URL rather than
 * the router's params so what is validated is precisely what the client sent.
 */
function wildcardPath(request: FastifyRequest): string {
  const url = request.raw.url ?? request.url;
  const end = url.search(/[?#]/);
  const rawPath = end === -1 ? url : url.slice(0, end);
  const prefix = request.routeOptions.url?.replace(/\*$/, '');
  let decoded: string;
  if (prefix !== undefined && rawPath.startsWith(prefix)) {
    try {
      decoded = decodeURIComponent(rawPath.slice(prefix.length));
    } catch {
      throw invalidParam('Invalid artifact path: it has a malformed percent-escape. Encode "%" as "%25".');
    }
  } else {
    decoded = (request.params as Record<string, string | undefined>)['*'] ?? '';
  }
  const rel = normalizeArtifactPath(decoded);
  if (rel === '') throw invalidParam('Name the artifact after /artifacts/, e.g. /api/2.0/mlflow-artifacts/artifacts/1/<run_id>/artifacts/model.pkl.');
  return rel;
}

/** Where a run's files are in the artifacts destination, from its `mlflow-artifacts:` URI. */
function runArtifactRoot(artifactUri: string): string {
  const match = /^mlflow-artifacts:(.*)$/i.exec(artifactUri);
  if (!match) {
    throw invalidParam(
      `This run's artifact_uri '${artifactUri}' is not served by this server: only mlflow-artifacts:/ locations are. Read its files from that location directly.`,
    );
  }
  let rest = match[1]!;
  // A `mlflow-artifacts://host:port/...` URI names a server; the path after it is what counts.
  if (rest.startsWith('//')) {
    const slash = rest.indexOf('/', 2);
    rest = slash === -1 ? '' : rest.slice(slash);
  }
  return normalizeArtifactPath(rest.replace(/^\/+/, ''));
}

function sendJson(reply: FastifyReply, value: unknown): FastifyReply {
  return reply.type('application/json').send(JSON.stringify(toWireJson(value)));
}

async function readCapped(source: Readable, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of source) {
    total += (chunk as Buffer).length;
    if (total > limit) throw invalidParam('Artifact size is too large. Max size is 10MB.');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, total);
}

const listArtifactsSchema = z.object({
  run_id: z.string().optional(),
  run_uuid: z.string().optional(),
  path: z.string().optional(),
  page_token: z.string().optional(),
});

export function artifactRoutes(app: FastifyInstance, options: ArtifactRouteOptions): void {
  const { store, repository, enabled } = options;

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, _payload, done) => done(null));

  if (!enabled) {
    // `--no-serve-artifacts`: MLflow answers every artifact route with a plain 503.
    app.addHook('onRequest', async (request, reply) => {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send(
          `Endpoint: ${request.routeOptions.url ?? request.url} disabled due to the mlflow server running with \`--no-serve-artifacts\`. ` +
            'To enable artifacts server functionality, restart the server with `--serve-artifacts`',
        );
    });
  }

  async function sendFile(reply: FastifyReply, rel: string): Promise<FastifyReply> {
    const { stream, size } = await repository.openRead(rel);
    const fileName = rel.slice(rel.lastIndexOf('/') + 1);
    // Attachment + nosniff: an uploaded HTML or SVG file must never render on the server's origin.
    return reply
      .header('Content-Type', artifactMimeType(fileName))
      .header('Content-Length', String(size))
      .header('Content-Disposition', contentDisposition(fileName))
      .header('X-Content-Type-Options', 'nosniff')
      .send(stream);
  }

  for (const prefix of ['/api', '/ajax-api']) {
    const base = `${prefix}/2.0/mlflow-artifacts/artifacts`;

    app.get(base, async (request, reply) => {
      const entries = await repository.list(queryValue(request, 'path') ?? '');
      // Basenames here, unlike artifacts/list: the client joins them to the path it asked for.
      return sendJson(reply, { files: entries.map((e) => ({ path: e.name, is_dir: e.is_dir, file_size: e.file_size })) });
    });

    app.get(`${base}/*`, async (request, reply) => sendFile(reply, wildcardPath(request)));

    app.put(`${base}/*`, async (request, reply) => {
      const rel = wildcardPath(request);
      try {
        await repository.write(rel, request.raw);
      } catch (err) {
        if (request.raw.readableAborted || request.raw.destroyed) {
          throw invalidParam(`Upload of '${rel}' was interrupted before the body was complete; nothing was stored. Retry the upload.`);
        }
        throw err;
      }
      return sendJson(reply, {});
    });

    app.delete(`${base}/*`, async (request, reply) => {
      await repository.delete(wildcardPath(request));
      return sendJson(reply, {});
    });

    // Python clients with multipart upload switched on fall back to a plain PUT on exactly this answer.
    for (const step of ['create', 'complete', 'abort']) {
      app.post(`${prefix}/2.0/mlflow-artifacts/mpu/${step}/*`, async (request) => {
        wildcardPath(request);
        throw new MlflowError('NOT_IMPLEMENTED', 'Multipart upload is not supported for the current artifact repository');
      });
    }
  }

  apiRoute(app, {
    method: 'GET',
    path: '/mlflow/artifacts/list',
    schema: listArtifactsSchema,
    handler: async (input) => {
      const run = await store.getRun(required(input.run_id || input.run_uuid, 'run_id'));
      const rel = normalizeArtifactPath(input.path ?? '');
      const entries = await repository.list(joinRelative(runArtifactRoot(run.info.artifact_uri), rel));
      return {
        root_uri: run.info.artifact_uri,
        files: entries.map((e) => ({ path: joinRelative(rel, e.name), is_dir: e.is_dir, file_size: e.file_size })),
      };
    },
  });

  app.get('/get-artifact', async (request, reply) => {
    const runId = required(queryValue(request, 'run_id') || queryValue(request, 'run_uuid'), 'run_id');
    const rel = normalizeArtifactPath(required(queryValue(request, 'path'), 'path'));
    if (rel === '') throw invalidParam("Parameter 'path' must name a file inside the run's artifacts.");
    const run = await store.getRun(runId);
    return sendFile(reply, joinRelative(runArtifactRoot(run.info.artifact_uri), rel));
  });

  app.post('/ajax-api/2.0/mlflow/upload-artifact', async (request, reply) => {
    const runUuid = queryValue(request, 'run_uuid');
    if (!runUuid) throw invalidParam('Request must specify run_uuid.');
    const path = queryValue(request, 'path');
    if (!path) throw invalidParam('Request must specify path.');
    const rel = normalizeArtifactPath(path);
    if (rel === '') throw invalidParam("Parameter 'path' must name a file inside the run's artifacts.");
    if (Number(request.headers['content-length']) > UI_UPLOAD_LIMIT) {
      throw invalidParam('Artifact size is too large. Max size is 10MB.');
    }
    const data = await readCapped(request.raw, UI_UPLOAD_LIMIT);
    if (data.length === 0) throw invalidParam('Request must specify data.');
    const run = await store.getRun(runUuid);
    await repository.write(joinRelative(runArtifactRoot(run.info.artifact_uri), rel), Readable.from([data]));
    return sendJson(reply, {});
  });
}
