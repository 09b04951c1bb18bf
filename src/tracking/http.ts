/**
 * How MLflow's REST API reads requests and writes answers, as Fastify pieces:
 * - `decodeRequest`: GET reads the query string; POST/PUT demand `application/json`; PATCH/DELETE
 *   parse a JSON body whatever its type; a JSON body that is itself a JSON string is decoded again.
 * - `apiRoute`: registers one RPC under `/api/<v>/...` and `/ajax-api/<v>/...` with its zod schema.
 * - `toWireJson`: proto-JSON output (empty lists and unset fields omitted, non-finite doubles as text).
 * - `errorHandler`/`notFoundHandler`: every failure becomes MLflow's error JSON with a 4xx for a
 *   client's mistake; only our own bugs are 500.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import type { z } from 'zod';
import { MlflowError, invalidParam } from '../mlflow/errors.ts';

export type ApiVersion = '2.0' | '3.0';

/** Raw text bodies: the API scope keeps bodies as strings so decoding follows MLflow, not Fastify. */
export function registerRawBodyParser(app: FastifyInstance, bodyLimit: number): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit }, (_req, body, done) => done(null, body));
}

function parseJsonBody(raw: string): unknown {
  if (raw.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (err) {
    throw invalidParam(`Malformed JSON in request body: ${(err as Error).message}. Send a JSON object.`);
  }
  // Old clients double-encode the body; MLflow decodes a string body a second time.
  if (typeof value === 'string') return parseJsonBody(value);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw invalidParam('Request body must be a JSON object.');
  }
  return value;
}

export function decodeRequest(request: FastifyRequest): Record<string, unknown> {
  const method = request.method;
  if (method === 'GET' || method === 'HEAD') return { ...(request.query as Record<string, unknown>) };
  const raw = typeof request.body === 'string' ? request.body : '';
  if (method === 'POST' || method === 'PUT') {
    const type = request.headers['content-type'];
    if (type === undefined) throw invalidParam('Bad Request. Content-Type header is missing.');
    if (type.split(';')[0]!.trim().toLowerCase() !== 'application/json') {
      throw invalidParam(`Bad Request. Content-Type must be one of ['application/json'].`);
    }
  }
  return parseJsonBody(raw) as Record<string, unknown>;
}

/** Turns zod's first issue into MLflow's wording for a bad parameter. */
function zodToMlflow(error: z.ZodError): MlflowError {
  let issue = error.issues[0]!;
  const segments = [...issue.path];
  // A union branch that got past the type check (a list with one bad item) failed deeper: name that item.
  while (issue.code === 'invalid_union') {
    const deeper = issue.errors.map((branch) => branch[0]).find((i) => i !== undefined && i.path.length > 0);
    if (deeper === undefined) break;
    segments.push(...deeper.path);
    issue = deeper;
  }
  const path = segments.join('.');
  const input = (issue as { input?: unknown }).input;
  const typeMismatch = issue.code === 'invalid_type' || issue.code === 'invalid_union';
  // MLflow's _assert_required counts null as missing too.
  if (typeMismatch && (input === undefined || input === null)) {
    return invalidParam(`Missing value for required parameter '${path}'. See the API docs for more information about request parameters.`);
  }
  const shown = input === undefined ? '' : ` ${truncateForMessage(JSON.stringify(input) ?? '')}`;
  return invalidParam(
    `Invalid value${shown} for parameter '${path}' supplied: ${describeIssue(issue, input)}. See the API docs for more information about request parameters.`,
  );
}

function truncateForMessage(text: string): string {
  return text.length > 100 ? `${text.slice(0, 100)}...` : text;
}

function jsonTypeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** zod's union message is a bare "Invalid input"; name the accepted types so the user can fix the request. */
function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  if (issue.code !== 'invalid_union') return issue.message;
  const expected = new Set<string>();
  for (const branch of issue.errors) {
    const first = branch[0];
    if (first?.code !== 'invalid_type') return issue.message;
    expected.add(first.expected);
  }
  return `expected ${[...expected].join(' or ')}, got ${jsonTypeName(input)}`;
}

export function parseWith<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  // Without reportInput zod leaves `input` off every issue, and a wrong type would read as "missing".
  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) throw zodToMlflow(result.error);
  return result.data;
}

/** MLflow's `_assert_required`: null and "" both count as missing. */
export function required<T>(value: T | undefined | null | '', name: string): T {
  if (value === undefined || value === null || value === '') {
    throw invalidParam(`Missing value for required parameter '${name}'. See the API docs for more information about request parameters.`);
  }
  return value;
}

// JSON.rawJSON/isRawJSON (Node 21+) are not in the es2024 typings yet.
const rawJson = JSON as unknown as { rawJSON(text: string): object; isRawJSON(value: unknown): boolean };

/**
 * An integer written exactly as a JSON number, for int64/fixed64 values beyond 2^53 (span times
 * in ns): `JSON.stringify` emits the digits as they are.
 */
export function exactInteger(decimal: string): unknown {
  if (!/^-?\d+$/.test(decimal)) throw new TypeError(`not a decimal integer: ${decimal}`);
  return rawJson.rawJSON(decimal);
}

const verbatimValues = new WeakSet<object>();

/**
 * Marks a free-form JSON value (a google.protobuf.Value such as an assessment's feedback) to be
 * written as it is: its empty lists are data, not unset repeated fields.
 */
export function verbatim<T>(value: T): T {
  if (value !== null && typeof value === 'object') verbatimValues.add(value);
  return value;
}

/** Proto-JSON: drop undefined and empty lists (proto omits empty repeated fields), encode non-finite doubles. */
export function toWireJson(value: unknown): unknown {
  if (rawJson.isRawJSON(value)) return value;
  if (value !== null && typeof value === 'object' && verbatimValues.has(value)) return value;
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    if (value === Infinity) return 'Infinity';
    if (value === -Infinity) return '-Infinity';
    return value;
  }
  if (Array.isArray(value)) return value.map(toWireJson);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
      out[k] = toWireJson(v);
    }
    return out;
  }
  return value;
}

export interface ApiRouteOptions<S extends z.ZodType> {
  method: HTTPMethods | HTTPMethods[];
  /** Path after the version prefix, e.g. `/mlflow/runs/get` or `/mlflow/logged-models/:model_id`. */
  path: string;
  versions?: ApiVersion[];
  schema: S;
  handler: (input: z.output<S>, request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
}

export function apiRoute<S extends z.ZodType>(app: FastifyInstance, options: ApiRouteOptions<S>): void {
  for (const version of options.versions ?? ['2.0']) {
    for (const prefix of ['/api', '/ajax-api']) {
      app.route({
        method: options.method,
        url: `${prefix}/${version}${options.path}`,
        handler: async (request, reply) => {
          const decoded = { ...decodeRequest(request), ...(request.params as Record<string, unknown>) };
          const input = parseWith(options.schema, decoded);
          const result = await options.handler(input, request, reply);
          if (reply.sent) return reply;
          return reply.type('application/json').send(JSON.stringify(toWireJson(result ?? {})));
        },
      });
    }
  }
}

export function sendError(reply: FastifyReply, error: MlflowError): FastifyReply {
  return reply.status(error.status).type('application/json').send(JSON.stringify(error.toJSON()));
}

export function errorHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof MlflowError) return sendError(reply, error);
  const fe = error as FastifyError;
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return sendError(reply, invalidParam(`Request body is larger than the server accepts (${fe.message}). Split the request into smaller ones.`));
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return sendError(reply, invalidParam(`Bad Request. ${fe.message}`));
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendError(reply, new MlflowError('INTERNAL_ERROR', 'Internal server error. The server log has the details.'));
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  // Deviation from MLflow (Flask answers an HTML page): API clients get MLflow's error JSON.
  const path = request.url.split('?')[0];
  return sendError(reply, new MlflowError('ENDPOINT_NOT_FOUND', `No API endpoint ${request.method} ${path} on this server. See the README for the routes it serves.`));
}
