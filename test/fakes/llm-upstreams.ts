/**
 * Local fake LLM upstreams (OpenAI, Anthropic, Gemini, Azure OpenAI, Mistral, Cohere, MLflow model
 * servers) on one loopback HTTP server, speaking each vendor's exact wire format, so the real SDKs
 * (and the AI gateway) can be driven offline.
 *
 * ```ts
 * const fake = await startFakeLlmUpstreams();
 * const openai = new OpenAI({ apiKey: 'sk-test', baseURL: fake.openaiBaseUrl });
 * const anthropic = new Anthropic({ apiKey: 'sk-ant-test', baseURL: fake.anthropicBaseUrl });
 * const gemini = new GoogleGenAI({ apiKey: 'g-test', httpOptions: { baseUrl: fake.geminiBaseUrl } });
 * fake.enqueue({ toolCalls: [{ name: 'get_weather', arguments: { city: 'Paris' } }] }); // next answer
 * fake.enqueue({ error: { status: 404, message: 'no such model' } });                     // the one after
 * ...
 * fake.requests; // what the clients sent (vendor, operation, headers, body, model, stream)
 * await fake.close();
 * ```
 *
 * Routes: OpenAI `POST /v1/{chat/completions,completions,embeddings,responses}`; Anthropic
 * `POST /v1/messages`; Gemini `POST /{v1,v1beta,v1alpha}/models/<model>:{generateContent,
 * streamGenerateContent,embedContent,batchEmbedContents}`; Azure OpenAI
 * `POST /azure/openai/deployments/<deployment>/{chat/completions,completions,embeddings}?api-version=…`;
 * Mistral `POST /mistral/v1/{chat/completions,embeddings}`; Cohere `POST /cohere/v2/{chat,embed}`;
 * MLflow model servers `POST /mlflow-serving/invocations` (text) and
 * `POST /mlflow-serving-embeddings/invocations` (embeddings). A reply comes from the queue (FIFO),
 * else from the responder, else the default: `Echo: <last user text>`, token counts = word counts.
 *
 * Requests are checked as the vendor checks them, before a reply is taken from the queue: keys
 * (`apiKeys`), Azure's `api-version`, and the closed request schemas of Mistral, Cohere and the
 * MLflow scoring protocol (an unknown field is the vendor's 422 / 400), so a client sending a field
 * the vendor rejects fails here too.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { anthropicErrorBody, anthropicInputText, anthropicMessage, anthropicMessageEvents, anthropicStreamErrorEvent } from './anthropic-wire.ts';
import {
  geminiBatchEmbedContents,
  geminiEmbedContent,
  geminiErrorBody,
  geminiGenerateContent,
  geminiInputText,
  geminiStreamChunks,
  geminiStreamErrorEvent,
} from './gemini-wire.ts';
import type { FakeError, FakeOperation, FakeReply, FakeRequest, FakeVendor, RenderContext, SseEvent } from './llm-types.ts';
import {
  AZURE_API_VERSION,
  azureAuthErrorBody,
  azureBadApiVersionBody,
  azureChatCompletion,
  azureChatCompletionChunks,
  azureCompletion,
  azureEmbeddings,
  azureMissingApiVersionBody,
} from './azure-wire.ts';
import {
  cohereAuthError,
  cohereChat,
  cohereChatEvents,
  cohereChatRequestError,
  cohereEmbed,
  cohereEmbedRequestError,
  cohereErrorBody,
  cohereInputText,
  cohereStreamErrorEvent,
} from './cohere-wire.ts';
import {
  mistralAuthErrorBody,
  mistralChatCompletion,
  mistralChatCompletionChunks,
  mistralEmbeddings,
  mistralErrorBody,
  mistralExtraFieldsError,
  mistralStreamErrorEvent,
} from './mistral-wire.ts';
import { mlflowServingErrorBody, mlflowServingInputText, mlflowServingPredictions, mlflowServingRequestError } from './mlflow-serving-wire.ts';
import {
  openaiChatCompletion,
  openaiChatCompletionChunks,
  openaiCompletion,
  openaiCompletionChunks,
  openaiEmbeddings,
  openaiErrorBody,
  openaiInputText,
  openaiResponse,
  openaiResponseErrorEvent,
  openaiResponseEvents,
  openaiStreamErrorEvent,
} from './openai-wire.ts';

export type * from './llm-types.ts';

export interface FakeLlmUpstreamsOptions {
  /** When a vendor has a key here, its requests must carry it (vendor's header) or get the vendor's auth error. */
  apiKeys?: Partial<Record<FakeVendor, string>>;
  /** Decides replies not taken from the queue; `undefined` means the default reply. */
  responder?: (request: FakeRequest) => FakeReply | undefined;
  /** Default 0 (a free port); a fixed one when recordings must name a stable URL. */
  port?: number;
}

export interface FakeLlmUpstreams {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** For `new OpenAI({ baseURL })`: `<url>/v1`. */
  openaiBaseUrl: string;
  /** For `new Anthropic({ baseURL })`: `<url>` (the SDK adds `/v1/messages`). */
  anthropicBaseUrl: string;
  /** For `new GoogleGenAI({ httpOptions: { baseUrl } })`: `<url>`. */
  geminiBaseUrl: string;
  /**
   * The Azure OpenAI resource endpoint (`openai_api_base`, `new AzureOpenAI({ endpoint })`): `<url>/azure`;
   * requests go to `<azureBaseUrl>/openai/deployments/<deployment>/...?api-version=...`.
   */
  azureBaseUrl: string;
  /** For Mistral clients (`serverURL`, `mistral_api_base`): `<url>/mistral/v1`. */
  mistralBaseUrl: string;
  /** Cohere's API origin (`cohere_api_base`): `<url>/cohere`; requests go to `<cohereBaseUrl>/v2/{chat,embed}`. */
  cohereBaseUrl: string;
  /** An MLflow model server serving a text model (`model_server_url`): `<url>/mlflow-serving`. */
  mlflowServingUrl: string;
  /** An MLflow model server serving an embeddings model: `<url>/mlflow-serving-embeddings`. */
  mlflowServingEmbeddingsUrl: string;
  /** Every request received, in order. */
  readonly requests: FakeRequest[];
  /** Queues replies for the next requests, whatever their vendor. */
  enqueue(...replies: FakeReply[]): void;
  respondWith(responder: ((request: FakeRequest) => FakeReply | undefined) | undefined): void;
  /** Clears the queue and the recorded requests. */
  reset(): void;
  close(): Promise<void>;
}

interface Route {
  vendor: FakeVendor;
  operation: FakeOperation;
  /** Gemini names the model in the path; Azure the deployment. */
  pathModel?: string;
}

/** An answer decided before a reply is taken (auth, request validation): status and vendor body. */
interface Denial {
  status: number;
  body: unknown;
}

const OPENAI_ROUTES: Record<string, FakeOperation> = {
  '/v1/chat/completions': 'openai.chat.completions',
  '/v1/completions': 'openai.completions',
  '/v1/embeddings': 'openai.embeddings',
  '/v1/responses': 'openai.responses',
};
const GEMINI_PATH = /^\/(?:v1|v1beta|v1alpha)\/models\/([^:/]+):(generateContent|streamGenerateContent|embedContent|batchEmbedContents)$/;
const AZURE_PATH = /^\/azure\/openai\/deployments\/([^/]+)\/(chat\/completions|completions|embeddings)$/;
const OTHER_ROUTES: Record<string, Route> = {
  '/mistral/v1/chat/completions': { vendor: 'mistral', operation: 'mistral.chat.completions' },
  '/mistral/v1/embeddings': { vendor: 'mistral', operation: 'mistral.embeddings' },
  '/cohere/v2/chat': { vendor: 'cohere', operation: 'cohere.chat' },
  '/cohere/v2/embed': { vendor: 'cohere', operation: 'cohere.embed' },
  '/mlflow-serving/invocations': { vendor: 'mlflow-serving', operation: 'mlflow-serving.invocations' },
  '/mlflow-serving-embeddings/invocations': { vendor: 'mlflow-serving', operation: 'mlflow-serving.embeddings' },
};

function route(pathname: string): Route | undefined {
  const openai = OPENAI_ROUTES[pathname];
  if (openai) return { vendor: 'openai', operation: openai };
  if (pathname === '/v1/messages') return { vendor: 'anthropic', operation: 'anthropic.messages' };
  const g = GEMINI_PATH.exec(pathname);
  if (g) return { vendor: 'gemini', operation: `gemini.${g[2]}` as FakeOperation, pathModel: decodeURIComponent(g[1] ?? '') };
  const a = AZURE_PATH.exec(pathname);
  if (a) return { vendor: 'azure', operation: `azure.${(a[2] ?? '').replace('/', '.')}` as FakeOperation, pathModel: decodeURIComponent(a[1] ?? '') };
  return OTHER_ROUTES[pathname];
}

function errorBody(vendor: FakeVendor, err: FakeError, seq: string): unknown {
  switch (vendor) {
    case 'openai':
    case 'azure':
      return openaiErrorBody(err);
    case 'anthropic':
      return anthropicErrorBody(err, `req_fake${seq}`);
    case 'gemini':
      return geminiErrorBody(err);
    case 'mistral':
      return mistralErrorBody(err);
    case 'cohere':
      return cohereErrorBody(err, seq);
    case 'mlflow-serving':
      return mlflowServingErrorBody(err);
  }
}

function bearer(req: http.IncomingMessage): string | undefined {
  const m = /^bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
  return m?.[1];
}

/** The vendor's answer to a missing or wrong key, in its own body shape. */
function authDenial(vendor: FakeVendor, req: http.IncomingMessage, url: URL, expected: string | undefined, seq: string): Denial | undefined {
  if (expected === undefined) return undefined;
  switch (vendor) {
    case 'azure':
      // `api-key` for keys (provider `azure`), an Entra ID bearer token for `azuread`.
      return req.headers['api-key'] === expected || bearer(req) === expected ? undefined : { status: 401, body: azureAuthErrorBody() };
    case 'mistral':
      return bearer(req) === expected ? undefined : { status: 401, body: mistralAuthErrorBody(seq) };
    case 'cohere':
      return bearer(req) === expected ? undefined : { status: 401, body: cohereErrorBody(cohereAuthError(), seq) };
    case 'mlflow-serving':
      // A bare `mlflow models serve` has no auth; behind a proxy (Databricks) it is a bearer token.
      return bearer(req) === expected ? undefined : { status: 401, body: mlflowServingErrorBody({ status: 401, message: 'Credential was not sent or was of an unsupported type for this API.' }) };
    default: {
      const err = authError(vendor, req, url, expected);
      return err ? { status: err.status, body: errorBody(vendor, err, seq) } : undefined;
    }
  }
}

/** What the vendor answers for a request it rejects before running the model. */
function requestDenial(r: Route, url: URL, body: Record<string, unknown>, seq: string): Denial | undefined {
  switch (r.operation) {
    case 'azure.chat.completions':
    case 'azure.completions':
    case 'azure.embeddings': {
      const version = url.searchParams.get('api-version');
      if (version === null || version === '') return { status: 404, body: azureMissingApiVersionBody() };
      return AZURE_API_VERSION.test(version) ? undefined : { status: 400, body: azureBadApiVersionBody() };
    }
    case 'mistral.chat.completions':
    case 'mistral.embeddings': {
      const extra = mistralExtraFieldsError(r.operation, body);
      return extra === undefined ? undefined : { status: 422, body: extra };
    }
    case 'cohere.chat':
    case 'cohere.embed': {
      const err = r.operation === 'cohere.chat' ? cohereChatRequestError(body) : cohereEmbedRequestError(body);
      return err ? { status: err.status, body: cohereErrorBody(err, seq) } : undefined;
    }
    case 'mlflow-serving.invocations':
    case 'mlflow-serving.embeddings': {
      const err = mlflowServingRequestError(body);
      return err ? { status: err.status, body: mlflowServingErrorBody(err) } : undefined;
    }
    default:
      return undefined;
  }
}

function authError(vendor: FakeVendor, req: http.IncomingMessage, url: URL, expected: string): FakeError | undefined {
  if (vendor === 'openai') {
    return req.headers.authorization === `Bearer ${expected}`
      ? undefined
      : { status: 401, message: 'Incorrect API key provided.', code: 'invalid_api_key' };
  }
  if (vendor === 'anthropic') {
    // Older SDKs send `x-api-key`; newer ones `Authorization: Bearer`. The API takes either.
    const ok = req.headers['x-api-key'] === expected || req.headers.authorization === `Bearer ${expected}`;
    return ok ? undefined : { status: 401, message: 'invalid x-api-key' };
  }
  const given = req.headers['x-goog-api-key'] ?? url.searchParams.get('key');
  return given === expected ? undefined : { status: 400, message: 'API key not valid. Please pass a valid API key.' };
}

/** The OpenAI operation an OpenAI-shaped vendor's operation renders as. */
function asOpenai(operation: FakeOperation): FakeOperation {
  return operation.replace(/^(azure|mistral)\./, 'openai.') as FakeOperation;
}

function inputText(operation: FakeOperation, body: Record<string, unknown>): string {
  if (/^(openai|azure|mistral)\./.test(operation)) return openaiInputText(asOpenai(operation), body);
  if (operation === 'anthropic.messages') return anthropicInputText(body);
  if (operation === 'cohere.chat' || operation === 'cohere.embed') return cohereInputText(operation, body);
  if (operation.startsWith('mlflow-serving.')) return mlflowServingInputText(body);
  return geminiInputText(body);
}

function renderJson(ctx: RenderContext): unknown {
  switch (ctx.request.operation) {
    case 'openai.chat.completions':
      return openaiChatCompletion(ctx);
    case 'openai.completions':
      return openaiCompletion(ctx);
    case 'openai.embeddings':
      return openaiEmbeddings(ctx);
    case 'openai.responses':
      return openaiResponse(ctx);
    case 'anthropic.messages':
      return anthropicMessage(ctx);
    case 'gemini.generateContent':
      return geminiGenerateContent(ctx);
    case 'gemini.streamGenerateContent':
      // Without `alt=sse` Google answers the whole stream as one JSON array.
      return geminiStreamChunks(ctx).map((e) => JSON.parse(e.data) as unknown);
    case 'gemini.embedContent':
      return geminiEmbedContent(ctx);
    case 'gemini.batchEmbedContents':
      return geminiBatchEmbedContents(ctx);
    case 'azure.chat.completions':
      return azureChatCompletion(ctx);
    case 'azure.completions':
      return azureCompletion(ctx);
    case 'azure.embeddings':
      return azureEmbeddings(ctx);
    case 'mistral.chat.completions':
      return mistralChatCompletion(ctx);
    case 'mistral.embeddings':
      return mistralEmbeddings(ctx);
    case 'cohere.chat':
      return cohereChat(ctx);
    case 'cohere.embed':
      return cohereEmbed(ctx);
    case 'mlflow-serving.invocations':
    case 'mlflow-serving.embeddings':
      return mlflowServingPredictions(ctx);
  }
}

function renderEvents(ctx: RenderContext): SseEvent[] {
  switch (ctx.request.operation) {
    case 'openai.chat.completions':
      return openaiChatCompletionChunks(ctx);
    case 'openai.completions':
      return openaiCompletionChunks(ctx);
    case 'openai.responses':
      return openaiResponseEvents(ctx);
    case 'anthropic.messages':
      return anthropicMessageEvents(ctx);
    case 'azure.chat.completions':
      return azureChatCompletionChunks(ctx);
    case 'azure.completions':
      return openaiCompletionChunks(ctx);
    case 'mistral.chat.completions':
      return mistralChatCompletionChunks(ctx);
    case 'cohere.chat':
      return cohereChatEvents(ctx);
    default:
      return geminiStreamChunks(ctx);
  }
}

/** Operations that answer `stream: true` with SSE; the others answer JSON whatever the body says. */
function canStream(operation: FakeOperation): boolean {
  return /^(openai\.(chat\.completions|completions|responses)|anthropic\.messages|gemini\.streamGenerateContent|azure\.(chat\.completions|completions)|mistral\.chat\.completions|cohere\.chat)$/.test(operation);
}

function streamErrorEvent(ctx: RenderContext, err: FakeError, sent: number): SseEvent {
  const op = ctx.request.operation;
  if (op === 'openai.responses') return openaiResponseErrorEvent(err, sent);
  if (op.startsWith('openai.') || op.startsWith('azure.')) return openaiStreamErrorEvent(err);
  if (op === 'anthropic.messages') return anthropicStreamErrorEvent(err);
  if (op.startsWith('mistral.')) return mistralStreamErrorEvent(err);
  if (op === 'cohere.chat') return cohereStreamErrorEvent(err);
  return geminiStreamErrorEvent(err);
}

function vendorHeaders(vendor: FakeVendor, seq: string): Record<string, string> {
  if (vendor === 'openai') return { 'x-request-id': `req_fake${seq}`, 'openai-processing-ms': '1' };
  if (vendor === 'anthropic') return { 'request-id': `req_fake${seq}` };
  if (vendor === 'azure') return { 'apim-request-id': `00000000-0000-4000-8000-${seq.padStart(12, '0')}`, 'x-request-id': `req_fake${seq}`, 'x-ms-region': 'Sweden Central' };
  if (vendor === 'mistral') return { 'mistral-correlation-id': `fake${seq}` };
  if (vendor === 'cohere') return { 'x-debug-trace-id': `fake${seq}` };
  return {};
}

function writeSse(res: http.ServerResponse, vendor: FakeVendor, events: SseEvent[]): void {
  // Google separates events with CRLF pairs; OpenAI and Anthropic with LF pairs.
  const eol = vendor === 'gemini' ? '\r\n' : '\n';
  for (const e of events) res.write(`${e.event ? `event: ${e.event}${eol}` : ''}data: ${e.data}${eol}${eol}`);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startFakeLlmUpstreams(options: FakeLlmUpstreamsOptions = {}): Promise<FakeLlmUpstreams> {
  const requests: FakeRequest[] = [];
  const queue: FakeReply[] = [];
  let responder = options.responder;
  let counter = 0;

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const raw = await readBody(req);
    const r = req.method === 'POST' ? route(url.pathname) : undefined;
    if (!r) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: `no fake route for ${req.method} ${url.pathname}` } }));
      return;
    }
    const seq = String(++counter).padStart(4, '0');
    const send = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { 'content-type': 'application/json', ...vendorHeaders(r.vendor, seq), ...headers }).end(JSON.stringify(body));
    };
    const sendError = (err: FakeError): void => {
      send(err.status, errorBody(r.vendor, err, seq), err.retryAfter === undefined ? {} : { 'retry-after': String(err.retryAfter) });
    };
    let body: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(raw || '{}');
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new TypeError('body is not a JSON object');
      body = parsed as Record<string, unknown>;
    } catch {
      send(400, errorBody(r.vendor, { status: 400, message: 'We could not parse the JSON body of your request.' }, seq));
      return;
    }
    const stream = r.operation === 'gemini.streamGenerateContent' ? url.searchParams.get('alt') === 'sse' : canStream(r.operation) && body.stream === true;
    const request: FakeRequest = {
      vendor: r.vendor,
      operation: r.operation,
      method: req.method ?? 'POST',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: { ...req.headers },
      body,
      model: r.pathModel ?? (typeof body.model === 'string' ? body.model : ''),
      stream,
    };
    requests.push(request);

    // Azure resolves the route (api-version included) before it looks at the key.
    const denied =
      (r.vendor === 'azure' ? requestDenial(r, url, body, seq) : undefined) ??
      authDenial(r.vendor, req, url, options.apiKeys?.[r.vendor], seq) ??
      requestDenial(r, url, body, seq);
    if (denied) return send(denied.status, denied.body);
    const reply = queue.shift() ?? responder?.(request) ?? {};
    if (reply.error) return sendError(reply.error);
    if (reply.rawBody !== undefined) return send(200, reply.rawBody);

    const ctx: RenderContext = { request, reply, inputText: inputText(r.operation, body), seq, created: Math.floor(Date.now() / 1000) };
    if (!stream) return send(200, renderJson(ctx));

    let events = renderEvents(ctx);
    if (reply.streamError) {
      const n = reply.chunksBeforeError ?? 1;
      events = [...events.slice(0, n), streamErrorEvent(ctx, reply.streamError, n)];
    }
    res.writeHead(200, {
      'content-type': r.vendor === 'gemini' || r.vendor === 'cohere' ? 'text/event-stream' : 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      ...vendorHeaders(r.vendor, seq),
    });
    writeSse(res, r.vendor, events);
    res.end();
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: `fake upstream failed: ${String(err)}` } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    openaiBaseUrl: `${url}/v1`,
    anthropicBaseUrl: url,
    geminiBaseUrl: url,
    azureBaseUrl: `${url}/azure`,
    mistralBaseUrl: `${url}/mistral/v1`,
    cohereBaseUrl: `${url}/cohere`,
    mlflowServingUrl: `${url}/mlflow-serving`,
    mlflowServingEmbeddingsUrl: `${url}/mlflow-serving-embeddings`,
    requests,
    enqueue: (...replies) => void queue.push(...replies),
    respondWith: (fn) => void (responder = fn),
    reset: () => {
      queue.length = 0;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
