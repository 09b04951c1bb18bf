/**
 * Local fake LLM upstreams (OpenAI, Anthropic, Gemini) on one loopback HTTP server, speaking each
 * vendor's exact wire format, so the real SDKs (and the AI gateway) can be driven offline.
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
 * streamGenerateContent,embedContent,batchEmbedContents}`. A reply comes from the queue (FIFO), else
 * from the responder, else the default: `Echo: <last user text>`, token counts = word counts.
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
  /** Gemini names the model in the path. */
  pathModel?: string;
}

const OPENAI_ROUTES: Record<string, FakeOperation> = {
  '/v1/chat/completions': 'openai.chat.completions',
  '/v1/completions': 'openai.completions',
  '/v1/embeddings': 'openai.embeddings',
  '/v1/responses': 'openai.responses',
};
const GEMINI_PATH = /^\/(?:v1|v1beta|v1alpha)\/models\/([^:/]+):(generateContent|streamGenerateContent|embedContent|batchEmbedContents)$/;

function route(pathname: string): Route | undefined {
  const openai = OPENAI_ROUTES[pathname];
  if (openai) return { vendor: 'openai', operation: openai };
  if (pathname === '/v1/messages') return { vendor: 'anthropic', operation: 'anthropic.messages' };
  const g = GEMINI_PATH.exec(pathname);
  if (g) return { vendor: 'gemini', operation: `gemini.${g[2]}` as FakeOperation, pathModel: decodeURIComponent(g[1] ?? '') };
  return undefined;
}

function errorBody(vendor: FakeVendor, err: FakeError, seq: string): unknown {
  if (vendor === 'openai') return openaiErrorBody(err);
  if (vendor === 'anthropic') return anthropicErrorBody(err, `req_fake${seq}`);
  return geminiErrorBody(err);
}

function authError(vendor: FakeVendor, req: http.IncomingMessage, url: URL, expected: string | undefined): FakeError | undefined {
  if (expected === undefined) return undefined;
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

function inputText(operation: FakeOperation, body: Record<string, unknown>): string {
  if (operation.startsWith('openai.')) return openaiInputText(operation, body);
  if (operation === 'anthropic.messages') return anthropicInputText(body);
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
    default:
      return geminiStreamChunks(ctx);
  }
}

function streamErrorEvent(ctx: RenderContext, err: FakeError, sent: number): SseEvent {
  const op = ctx.request.operation;
  if (op === 'openai.responses') return openaiResponseErrorEvent(err, sent);
  if (op.startsWith('openai.')) return openaiStreamErrorEvent(err);
  if (op === 'anthropic.messages') return anthropicStreamErrorEvent(err);
  return geminiStreamErrorEvent(err);
}

function vendorHeaders(vendor: FakeVendor, seq: string): Record<string, string> {
  if (vendor === 'openai') return { 'x-request-id': `req_fake${seq}`, 'openai-processing-ms': '1' };
  if (vendor === 'anthropic') return { 'request-id': `req_fake${seq}` };
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
    const send = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json', ...vendorHeaders(r.vendor, seq) }).end(JSON.stringify(body));
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
    const stream = r.operation === 'gemini.streamGenerateContent' ? url.searchParams.get('alt') === 'sse' : body.stream === true;
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

    const denied = authError(r.vendor, req, url, options.apiKeys?.[r.vendor]);
    if (denied) return send(denied.status, errorBody(r.vendor, denied, seq));
    const reply = queue.shift() ?? responder?.(request) ?? {};
    if (reply.error) return send(reply.error.status, errorBody(r.vendor, reply.error, seq));

    const ctx: RenderContext = { request, reply, inputText: inputText(r.operation, body), seq, created: Math.floor(Date.now() / 1000) };
    if (!stream) return send(200, renderJson(ctx));

    let events = renderEvents(ctx);
    if (reply.streamError) {
      const n = reply.chunksBeforeError ?? 1;
      events = [...events.slice(0, n), streamErrorEvent(ctx, reply.streamError, n)];
    }
    res.writeHead(200, {
      'content-type': r.vendor === 'gemini' ? 'text/event-stream' : 'text/event-stream; charset=utf-8',
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
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    openaiBaseUrl: `${url}/v1`,
    anthropicBaseUrl: url,
    geminiBaseUrl: url,
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
