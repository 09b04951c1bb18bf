/**
 * The gateway's HTTP routes as one encapsulated Fastify plugin, served standalone
 * (`mlflow-ts gateway start`) or inside the tracking server (`mlflow-ts server --gateway-config`).
 *
 * - MLflow legacy: `GET /api/2.0/endpoints/[name]`, `POST /endpoints/<name>/invocations`,
 *   `POST /gateway/<name>/invocations` — MLflow's unified schemas, MLflow errors.
 * - MLflow 3.x: `POST /gateway/<name>/mlflow/invocations` (chat or embeddings by body),
 *   `POST /gateway/mlflow/v1/chat/completions` (OpenAI-style, model = endpoint name).
 * - Provider-native fronts: OpenAI `/gateway/openai/v1/...`, Anthropic `/gateway/anthropic/v1/messages`,
 *   Gemini `/gateway/gemini/v1beta/models/<name>:(stream)generateContent`; standalone also `/v1/...`.
 *   A front whose vendor matches the endpoint's provider forwards bytes verbatim (as MLflow's
 *   passthrough does); otherwise it translates through the unified schema, streams included.
 *
 * Every route answers errors in its own front's format, and a client that disconnects aborts the
 * upstream call.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { timingSafeEqual } from 'node:crypto';
import { asGatewayError, GatewayError } from './errors.ts';
import type { ChatFront } from './fronts/front.ts';
import { anthropicFront } from './fronts/anthropic.ts';
import { geminiFront } from './fronts/gemini.ts';
import { openaiResponsesFront } from './fronts/openai-responses.ts';
import { dataEvents, mlflowErrorBody, parseBody } from './fronts/mlflow.ts';
import { openaiErrorBody } from './fronts/openai-errors.ts';
import { RequestContext, type Gateway } from './gateway.ts';
import type { GatewayMetrics } from './observe/metrics.ts';
import type { PassthroughRequest } from './providers/provider.ts';
import { chatRequestSchema, completionsRequestSchema, embeddingsRequestSchema } from './schemas.ts';
import type { SseEvent } from './upstream.ts';

export interface GatewayRoutesOptions {
  gateway: Gateway;
  /** When set, callers must present it (Bearer, `x-api-key`, `x-goog-api-key` or `api-key`). */
  authToken?: string;
  /** Standalone gateway: also `GET /health` as `{"status":"OK"}` and OpenAI routes at `/v1`. */
  standalone?: boolean;
  /** Shown in the 501 of MLflow's database-backed management API. */
  configPath?: string;
  /** Where failures that are our own bugs are reported (redacted). */
  log: { error(message: string): void };
  /** Serves `GET /metrics` (Prometheus) and `GET /api/2.0/gateway/stats` (the same figures as JSON). */
  metrics?: GatewayMetrics;
}

/** The request's price in USD (see timingHeaders); the evaluator reads it per row (src/evaluate/targets/gateway.ts). */
const COST_HEADER = 'X-MLflow-Gateway-Cost-USD';

/** Vision payloads are large; a request above this is refused before it is read. */
const BODY_LIMIT = 64 * 1024 * 1024;

type ErrorRenderer = (e: GatewayError) => unknown;

/** The log of the plugin instance serving a gateway (one per mount). */
const failureLog = new WeakMap<Gateway, { error(message: string): void }>();

interface Ctx {
  gateway: Gateway;
  rc: RequestContext;
  request: FastifyRequest;
  reply: FastifyReply;
}

/**
 * MLflow 3.x's timing headers: total time, and the part that was ours rather than the upstream's.
 * Ours: the request's price in USD when it is known as the headers go out, i.e. for whole answers
 * (a stream's usage arrives with its last chunk; a price in another currency is not USD).
 */
function timingHeaders(reply: FastifyReply, rc: RequestContext): void {
  const duration = Date.now() - rc.record.startMs;
  reply.header('X-MLflow-Gateway-Duration-Ms', String(duration));
  reply.header('X-MLflow-Gateway-Overhead-Duration-Ms', String(Math.max(0, duration - rc.record.upstreamMs)));
  const cost = rc.record.cost;
  if (cost?.currency === 'USD') reply.header(COST_HEADER, String(cost.total));
}

function sendJson(ctx: Ctx, body: unknown): FastifyReply {
  timingHeaders(ctx.reply, ctx.rc);
  return ctx.reply.send(body);
}

/** A per-request AbortSignal that fires when the caller goes away before the answer is complete. */
function callerSignal(request: FastifyRequest, reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  request.raw.once('aborted', () => controller.abort());
  return controller.signal;
}

function parseJson(raw: unknown): unknown {
  const text = typeof raw === 'string' ? raw : '';
  if (text.trim() === '') throw new GatewayError('invalid_request', 'Invalid request: the body is empty. Send a JSON object.');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new GatewayError('invalid_request', `Invalid request: malformed JSON (${(err as Error).message}). Send a JSON object.`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new GatewayError('invalid_request', 'Invalid request: the body must be a JSON object.');
  return value;
}

/** Messages quote upstream bodies; cut long ones, always after masking (a cut could halve a key). */
function clip(message: string): string {
  return message.length > 1000 ? `${message.slice(0, 1000)}…` : message;
}

function sendError(reply: FastifyReply, gateway: Gateway, error: unknown, render: ErrorRenderer): FastifyReply {
  const e = asGatewayError(error);
  if (e.kind === 'internal') {
    // The wrapped cause is what went wrong; the wrapper only says that something did.
    const cause = e.cause instanceof Error ? e.cause : error;
    failureLog.get(gateway)?.error(`gateway request failed: ${gateway.redactor.redact(cause instanceof Error ? (cause.stack ?? cause.message) : String(cause))}`);
  }
  const safe = new GatewayError(e.kind, clip(gateway.redactor.redact(e.message)), { status: e.status, retryAfter: e.retryAfter });
  if (safe.retryAfter !== undefined) reply.header('retry-after', String(Math.ceil(safe.retryAfter)));
  // 499 is a log-only status: nobody is listening any more.
  return reply.status(safe.status === 499 ? 400 : safe.status).type('application/json').send(JSON.stringify(render(safe)));
}

/** A chunk stream whose mid-stream failures carry no secret, whichever front renders them. */
async function* redacted<T>(gateway: Gateway, chunks: AsyncIterable<T>): AsyncIterable<T> {
  try {
    yield* chunks;
  } catch (err) {
    const e = asGatewayError(err);
    if (e.kind === 'internal') failureLog.get(gateway)?.error(`gateway stream failed: ${gateway.redactor.redact(err instanceof Error ? (err.stack ?? err.message) : String(err))}`);
    throw new GatewayError(e.kind, clip(gateway.redactor.redact(e.message)), { status: e.status, retryAfter: e.retryAfter });
  }
}

function sendSse(ctx: Ctx, events: AsyncIterable<SseEvent>): FastifyReply {
  const { reply } = ctx;
  async function* frames(): AsyncIterable<string> {
    for await (const e of events) yield `${e.event ? `event: ${e.event}\n` : ''}data: ${e.data}\n\n`;
  }
  timingHeaders(reply, ctx.rc);
  reply.header('content-type', 'text/event-stream; charset=utf-8').header('cache-control', 'no-cache').header('x-accel-buffering', 'no');
  return reply.send(Readable.from(frames()));
}

/** Copies a vendor's own answer through untouched (MLflow's passthrough). */
function sendPassthrough(ctx: Ctx, res: { status: number; headers: Record<string, string>; body: AsyncIterable<Uint8Array> }): FastifyReply {
  const { reply } = ctx;
  timingHeaders(reply, ctx.rc);
  reply.status(res.status);
  for (const [k, v] of Object.entries(res.headers)) reply.header(k, v);
  // Verbatim, except that a key an upstream echoes (in an error or a stream) is masked.
  return reply.send(Readable.from(ctx.gateway.redactor.redactStream(res.body)));
}

function header(request: FastifyRequest, name: string): string | undefined {
  const v = request.headers[name];
  return typeof v === 'string' ? v : undefined;
}

/** Registers a POST route of one front; its failures render in `render`'s format and end the request's record. */
function post(
  app: FastifyInstance,
  gateway: Gateway,
  url: string,
  front: string,
  render: ErrorRenderer,
  handler: (ctx: Ctx, body: Record<string, unknown>) => Promise<FastifyReply>,
): void {
  app.post(url, async (request, reply) => {
    const rc = new RequestContext(front, callerSignal(request, reply), { traceparent: header(request, 'traceparent'), caller: header(request, 'x-mlflow-gateway-caller') });
    try {
      const body = parseJson(request.body) as Record<string, unknown>;
      return await handler({ gateway, rc, request, reply }, body);
    } catch (err) {
      // Failures before the gateway took the request (bad JSON, bad fields) are requests too.
      gateway.finish(rc, err);
      timingHeaders(reply, rc);
      return sendError(reply, gateway, err, render);
    }
  });
}

function endpointParam(request: FastifyRequest): string {
  return decodeURIComponent((request.params as { name: string }).name);
}

function modelFrom(body: Record<string, unknown>, rc?: RequestContext): string {
  const model = body.model;
  if (rc && typeof model === 'string') rc.record.endpoint = model;
  if (typeof model !== 'string' || model === '') throw new GatewayError('invalid_request', "Missing required 'model' parameter in request body. Set it to the gateway endpoint's name.");
  return model;
}

// ---- MLflow unified schema (legacy /endpoints, /gateway/<name>/invocations, 3.x mlflow/invocations) ----

async function unified(ctx: Ctx, name: string, body: Record<string, unknown>, kind: 'chat' | 'completions' | 'embeddings'): Promise<FastifyReply> {
  const { gateway, rc } = ctx;
  // The endpoint, not the caller, picks the model on the invocations routes.
  const { model: _ignored, ...rest } = body;
  const provider = () => ({ provider: rc.record.servedBy?.provider });
  const inBand = (e: GatewayError) => ({ error: mlflowErrorBody(e) });
  if (kind === 'embeddings') return sendJson(ctx, { ...(await gateway.embeddings(name, parseBody(embeddingsRequestSchema, rest), rc)), ...provider() });
  if (kind === 'completions') {
    const request = parseBody(completionsRequestSchema, rest);
    if (request.stream) return sendSse(ctx, dataEvents(redacted(gateway, await gateway.completionsStream(name, request, rc)), provider(), inBand, false));
    return sendJson(ctx, { ...(await gateway.completions(name, request, rc)), ...provider() });
  }
  const request = parseBody(chatRequestSchema, rest);
  if (request.stream) return sendSse(ctx, dataEvents(redacted(gateway, await gateway.chatStream(name, request, rc)), provider(), inBand, false));
  return sendJson(ctx, { ...(await gateway.chat(name, request, rc)), ...provider() });
}

function byEndpointType(gateway: Gateway, name: string): 'chat' | 'completions' | 'embeddings' {
  const type = gateway.endpointType(name);
  return type === 'llm/v1/chat' ? 'chat' : type === 'llm/v1/completions' ? 'completions' : 'embeddings';
}

// ---- OpenAI-style (mlflow/v1, root /v1, and the OpenAI front's translation path) ----

interface OpenAIStyle {
  /** MLflow's mlflow/v1 answers carry `provider` and end streams without `[DONE]`; the OpenAI front is pure OpenAI. */
  mlflowFlavour: boolean;
}

async function openaiChat(ctx: Ctx, body: Record<string, unknown>, style: OpenAIStyle): Promise<FastifyReply> {
  const { gateway, rc } = ctx;
  const name = modelFrom(body, rc);
  const request = parseBody(chatRequestSchema, body);
  const extra = (): Record<string, unknown> => (style.mlflowFlavour ? { provider: rc.record.servedBy?.provider } : {});
  if (request.stream) return sendSse(ctx, dataEvents(redacted(gateway, await gateway.chatStream(name, request, rc)), extra(), openaiErrorBody, !style.mlflowFlavour));
  return sendJson(ctx, { ...(await gateway.chat(name, request, rc)), ...extra() });
}

async function openaiCompletions(ctx: Ctx, body: Record<string, unknown>, style: OpenAIStyle): Promise<FastifyReply> {
  const { gateway, rc } = ctx;
  const name = modelFrom(body, rc);
  const request = parseBody(completionsRequestSchema, body);
  const extra = (): Record<string, unknown> => (style.mlflowFlavour ? { provider: rc.record.servedBy?.provider } : {});
  if (request.stream) return sendSse(ctx, dataEvents(redacted(gateway, await gateway.completionsStream(name, request, rc)), extra(), openaiErrorBody, !style.mlflowFlavour));
  return sendJson(ctx, { ...(await gateway.completions(name, request, rc)), ...extra() });
}

async function openaiEmbeddings(ctx: Ctx, body: Record<string, unknown>): Promise<FastifyReply> {
  const name = modelFrom(body, ctx.rc);
  return sendJson(ctx, await ctx.gateway.embeddings(name, parseBody(embeddingsRequestSchema, body), ctx.rc));
}

/** A front's request answered through the unified schema (the vendors differ). */
async function translated(ctx: Ctx, front: ChatFront, name: string, body: unknown, hints?: { stream?: boolean }): Promise<FastifyReply> {
  const { gateway, rc } = ctx;
  const parsed = front.parse(body, hints);
  const renderCtx = { requestedModel: name, request: parsed.request };
  if (parsed.stream) return sendSse(ctx, front.renderStream(redacted(gateway, await gateway.chatStream(name, { ...parsed.request, stream: true }, rc)), renderCtx));
  return sendJson(ctx, front.render(await gateway.chat(name, { ...parsed.request, stream: false }, rc), renderCtx));
}

/** Forwards verbatim when the endpoint's provider speaks the front's vendor API, else translates. */
async function native(ctx: Ctx, name: string, request: PassthroughRequest, fallback: () => Promise<FastifyReply>): Promise<FastifyReply> {
  ctx.rc.record.endpoint = name;
  const res = await ctx.gateway.passthrough(name, request, ctx.rc);
  return res ? sendPassthrough(ctx, res) : fallback();
}

// ---- auth ----

function presentedToken(request: FastifyRequest): string | undefined {
  const h = request.headers;
  const auth = h.authorization;
  if (typeof auth === 'string' && /^bearer /i.test(auth)) return auth.slice(7).trim();
  for (const name of ['x-api-key', 'x-goog-api-key', 'api-key'] as const) {
    const v = h[name];
    if (typeof v === 'string') return v;
  }
  const key = (request.query as Record<string, unknown> | undefined)?.key;
  return typeof key === 'string' ? key : undefined;
}

function tokenMatches(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function rendererFor(url: string): ErrorRenderer {
  if (url.startsWith('/gateway/anthropic/')) return (e) => anthropicFront.errorBody(e);
  if (url.startsWith('/gateway/gemini/')) return (e) => geminiFront.errorBody(e);
  if (url.startsWith('/gateway/openai/') || url.startsWith('/gateway/mlflow/v1/') || url.startsWith('/v1/')) return openaiErrorBody;
  return mlflowErrorBody;
}

// ---- the plugin ----

export async function gatewayRoutes(app: FastifyInstance, options: GatewayRoutesOptions): Promise<void> {
  const { gateway } = options;
  failureLog.set(gateway, options.log);
  app.removeAllContentTypeParsers();
  // Bodies stay text so that a malformed one is answered in the front's own error format.
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: BODY_LIMIT }, (_req, body, done) => done(null, body));
  app.setErrorHandler((error, request, reply) => {
    const fe = error as { code?: string; statusCode?: number; message: string };
    const e =
      fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
        ? new GatewayError('invalid_request', `Request body is larger than the gateway accepts (${BODY_LIMIT / 1024 / 1024} MiB).`, { status: 413 })
        : typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500
          ? new GatewayError('invalid_request', `Bad request: ${fe.message}`, { status: fe.statusCode })
          : error;
    return sendError(reply, gateway, e, rendererFor(request.url));
  });

  if (options.authToken !== undefined) {
    const token = options.authToken;
    app.addHook('onRequest', async (request, reply) => {
      if (request.url === '/health') return;
      if (tokenMatches(presentedToken(request), token)) return;
      return sendError(reply, gateway, new GatewayError('authentication', 'Missing or wrong gateway token. Send it as "Authorization: Bearer <token>" (or as your SDK\'s API key).'), rendererFor(request.url));
    });
  }

  if (options.standalone) app.get('/health', async () => ({ status: 'OK' }));
  const metrics = options.metrics;
  if (metrics) {
    app.get('/metrics', async (_request, reply) => {
      const { contentType, body } = await metrics.render();
      return reply.type(contentType).send(body);
    });
    for (const prefix of ['/api', '/ajax-api']) app.get(`${prefix}/2.0/gateway/stats`, async () => metrics.stats());
  }

  // MLflow legacy listing (deployments client): one page holds every endpoint of a config file.
  app.get('/api/2.0/endpoints/', async () => ({ endpoints: gateway.describeAll() }));
  app.get('/api/2.0/endpoints/:name', async (request, reply) => {
    const name = endpointParam(request);
    const found = gateway.describe(name);
    if (found) return found;
    return sendError(reply, gateway, new GatewayError('not_found', `No endpoint named '${name}'. Configured endpoints: ${gateway.names().join(', ') || '(none)'}.`), mlflowErrorBody);
  });
  for (const url of ['/api/2.0/endpoints/limits/*', '/api/2.0/gateway/limits/*']) {
    app.all(url, async (_request, reply) =>
      sendError(reply, gateway, new GatewayError('not_implemented', 'Rate limits are set per endpoint in the gateway config file (`limit:`), not through this API.'), mlflowErrorBody),
    );
  }
  for (const prefix of ['/api/3.0/mlflow/gateway/*', '/ajax-api/3.0/mlflow/gateway/*']) {
    app.all(prefix, async (_request, reply) =>
      sendError(
        reply,
        gateway,
        new GatewayError(
          'not_implemented',
          `This gateway is configured by its config file${options.configPath ? ` (${options.configPath})` : ''}, not through MLflow's database-backed management API. Edit the file; the gateway reloads it.`,
        ),
        mlflowErrorBody,
      ),
    );
  }

  for (const url of ['/endpoints/:name/invocations', '/gateway/:name/invocations']) {
    post(app, gateway, url, 'mlflow', mlflowErrorBody, (ctx, body) => {
      const name = endpointParam(ctx.request);
      ctx.rc.record.endpoint = name;
      return unified(ctx, name, body, byEndpointType(gateway, name));
    });
  }
  post(app, gateway, '/gateway/:name/mlflow/invocations', 'mlflow', mlflowErrorBody, (ctx, body) => {
    const name = endpointParam(ctx.request);
    ctx.rc.record.endpoint = name;
    gateway.resolve(name);
    if ('messages' in body) return unified(ctx, name, body, 'chat');
    if ('input' in body) return unified(ctx, name, body, 'embeddings');
    throw new GatewayError('invalid_request', 'Invalid request: payload format must be either chat (with "messages") or embeddings (with "input").');
  });

  const mlflowV1 = { mlflowFlavour: true };
  post(app, gateway, '/gateway/mlflow/v1/chat/completions', 'mlflow-v1', openaiErrorBody, (ctx, body) => openaiChat(ctx, body, mlflowV1));
  post(app, gateway, '/gateway/mlflow/v1/completions', 'mlflow-v1', openaiErrorBody, (ctx, body) => openaiCompletions(ctx, body, mlflowV1));
  post(app, gateway, '/gateway/mlflow/v1/embeddings', 'mlflow-v1', openaiErrorBody, (ctx, body) => openaiEmbeddings(ctx, body));

  // OpenAI front: passthrough to OpenAI-speaking providers, translation to the rest.
  const openaiFront = { mlflowFlavour: false };
  const openaiPrefixes = options.standalone ? ['/gateway/openai/v1', '/v1'] : ['/gateway/openai/v1'];
  for (const prefix of openaiPrefixes) {
    // The standalone legacy gateway's /v1 routes are MLflow's, so they answer in MLflow's flavour.
    const style = prefix === '/v1' ? mlflowV1 : openaiFront;
    const forward = (operation: string, fallback: (ctx: Ctx, body: Record<string, unknown>) => Promise<FastifyReply>) =>
      post(app, gateway, `${prefix}/${operation}`, operation === 'responses' ? 'openai-responses' : prefix === '/v1' ? 'mlflow-v1' : 'openai', openaiErrorBody, (ctx, body) => {
        const name = modelFrom(body, ctx.rc);
        if (prefix === '/v1') return fallback(ctx, body);
        return native(ctx, name, { vendor: 'openai', operation, body, stream: body.stream === true }, () => fallback(ctx, body));
      });
    forward('chat/completions', (ctx, body) => openaiChat(ctx, body, style));
    forward('completions', (ctx, body) => openaiCompletions(ctx, body, style));
    forward('embeddings', (ctx, body) => openaiEmbeddings(ctx, body));
    forward('responses', (ctx, body) => translated(ctx, openaiResponsesFront, modelFrom(body, ctx.rc), body));
    const models = () => ({
      object: 'list',
      data: gateway.names().map((id) => ({ id, object: 'model', created: 0, owned_by: 'mlflow-ts-gateway' })),
    });
    app.get(`${prefix}/models`, async () => models());
    app.get(`${prefix}/models/:name`, async (request, reply) => {
      const name = endpointParam(request);
      if (gateway.knows(name)) return { id: name, object: 'model', created: 0, owned_by: 'mlflow-ts-gateway' };
      return sendError(reply, gateway, new GatewayError('not_found', `The model '${name}' does not exist: it is not an endpoint of this gateway.`), openaiErrorBody);
    });
  }

  post(app, gateway, '/gateway/anthropic/v1/messages', 'anthropic', (e) => anthropicFront.errorBody(e), (ctx, body) => {
    const name = modelFrom(body, ctx.rc);
    // Beta features are opted into by header; only that header goes upstream, never the caller's key.
    const beta = ctx.request.headers['anthropic-beta'];
    const headers = typeof beta === 'string' ? { 'anthropic-beta': beta } : undefined;
    return native(ctx, name, { vendor: 'anthropic', operation: 'messages', body, stream: body.stream === true, ...(headers ? { headers } : {}) }, () =>
      translated(ctx, anthropicFront, name, body),
    );
  });

  // Gemini names the model and the method in one path segment: `models/<name>:generateContent`.
  for (const version of ['v1beta', 'v1']) {
    post(app, gateway, `/gateway/gemini/${version}/models/:action`, 'gemini', (e) => geminiFront.errorBody(e), (ctx, body) => {
      const action = decodeURIComponent((ctx.request.params as { action: string }).action);
      const match = /^(.+):(generateContent|streamGenerateContent)$/.exec(action);
      if (!match) throw new GatewayError('not_found', `Unsupported Gemini method '${action}'. The gateway serves models/<endpoint>:generateContent and :streamGenerateContent.`);
      const [, name, method] = match as unknown as [string, string, string];
      const stream = method === 'streamGenerateContent';
      const query = stream ? { alt: 'sse' } : undefined;
      return native(ctx, name, { vendor: 'gemini', operation: `models/${name}:${method}`, body, stream, ...(query ? { query } : {}) }, () =>
        translated(ctx, geminiFront, name, body, { stream }),
      );
    });
  }
}
