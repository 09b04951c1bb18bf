/**
 * Every provider that speaks OpenAI's API: OpenAI itself, Azure OpenAI (deployment URLs,
 * `api-version`, `api-key` or Entra ID bearer tokens), Mistral, and the OpenAI-compatible hosts
 * MLflow knows by name (Groq, DeepSeek, xAI, OpenRouter, Together AI, Ollama) plus a generic
 * `openai-compatible` one for vLLM, LM Studio and the like. They differ only in URL, auth header,
 * and which operations the host offers, so one implementation takes those as data.
 */
import { z } from 'zod';
import { GatewayError } from '../errors.ts';
import type { ChatRequest, CompletionsChunk, CompletionsRequest, EmbeddingsRequest, EndpointType } from '../schemas.ts';
import type { Upstream } from '../upstream.ts';
import { embeddingsBodySchema, readChatChunk, readChatCompletion, readCompletion, readCompletionChunk } from '../vendors/openai.ts';
import { defineProvider, type PassthroughRequest, type PassthroughResponse, type Provider, type ProviderCall, type ProviderModule } from './provider.ts';
import { completionsStreamViaChat, completionsViaChat, embeddingsResponse, parseEventJson } from './shared.ts';

type Operation = 'chat/completions' | 'completions' | 'embeddings' | 'responses';

interface Flavour {
  name: string;
  model: string;
  url(operation: Operation): string;
  headers: Record<string, string>;
  /** The host serves the legacy text-completions API; otherwise completions go through chat. */
  nativeCompletions: boolean;
  /** The host accepts `stream_options` (OpenAI's way to get usage in the last chunk). */
  streamOptions: boolean;
  /** Vendor-native operations forwarded verbatim on the OpenAI front. */
  passthrough: ReadonlySet<Operation>;
  /** Renames or drops fields a host's closed schema refuses (Mistral answers 422 to unknown ones). */
  adapt?: (body: Record<string, unknown>) => Record<string, unknown>;
  upstream: Upstream;
}

/** Request bodies without undefined members, and with the endpoint's model in place of the caller's. */
function body(request: object, model: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(request)) if (v !== undefined) out[k] = v;
  return { ...out, model, ...extra };
}

/** Hop-by-hop and length headers cannot be forwarded from a re-framed body. */
const FORWARDED_HEADERS = ['content-type', 'x-request-id', 'openai-processing-ms', 'retry-after'];

class OpenAIFamilyProvider implements Provider {
  readonly name: string;
  readonly model: string;
  private readonly f: Flavour;

  constructor(flavour: Flavour) {
    this.f = flavour;
    this.name = flavour.name;
    this.model = flavour.model;
    if (!flavour.nativeCompletions) {
      this.completions = completionsViaChat((r, c) => this.chat(r, c));
      this.completionsStream = completionsStreamViaChat((r, c) => this.chatStream(r, c));
    }
  }

  private post(operation: Operation, payload: Record<string, unknown>, call: ProviderCall) {
    const body = this.f.adapt ? this.f.adapt(payload) : payload;
    return this.f.upstream.json(this.name, { url: this.f.url(operation), headers: this.f.headers, body, signal: call.signal, timeoutMs: call.timeoutMs });
  }

  private events(operation: Operation, payload: Record<string, unknown>, call: ProviderCall) {
    const body = this.f.adapt ? this.f.adapt(payload) : payload;
    return this.f.upstream.sse(this.name, { url: this.f.url(operation), headers: this.f.headers, body, signal: call.signal, timeoutMs: call.timeoutMs });
  }

  private streamBody(request: object): Record<string, unknown> {
    return body(request, this.model, { stream: true, ...(this.f.streamOptions ? { stream_options: { include_usage: true } } : { stream_options: undefined }) });
  }

  async chat(request: ChatRequest, call: ProviderCall) {
    const { body: answer } = await this.post('chat/completions', body(request, this.model, { stream: false }), call);
    return readChatCompletion(answer, this.name, this.model);
  }

  async *chatStream(request: ChatRequest, call: ProviderCall) {
    for await (const e of this.events('chat/completions', this.streamBody(request), call)) {
      if (e.data === '[DONE]') return;
      yield readChatChunk(parseEventJson(e.data, this.name), this.name, this.model);
    }
  }

  async completions(request: CompletionsRequest, call: ProviderCall) {
    const { body: answer } = await this.post('completions', body(request, this.model, { stream: false }), call);
    return readCompletion(answer, this.name, this.model);
  }

  async *completionsStream(request: CompletionsRequest, call: ProviderCall): AsyncIterable<CompletionsChunk> {
    for await (const e of this.events('completions', this.streamBody(request), call)) {
      if (e.data === '[DONE]') return;
      yield readCompletionChunk(parseEventJson(e.data, this.name), this.name, this.model);
    }
  }

  async embeddings(request: EmbeddingsRequest, call: ProviderCall) {
    const { body: answer } = await this.post('embeddings', body(request, this.model), call);
    const parsed = embeddingsBodySchema.safeParse(answer);
    if (!parsed.success) throw new GatewayError('upstream', `${this.name} answered an embeddings body the gateway cannot read.`, { provider: this.name });
    const b = parsed.data;
    // Hosts that ignore `encoding_format` answer floats; re-encode so the caller gets what it asked for.
    const vectors = b.data.map((d) => d.embedding);
    if (vectors.every((v): v is number[] => Array.isArray(v))) {
      return embeddingsResponse(vectors, request, b.model ?? this.model, b.usage?.prompt_tokens ?? null);
    }
    return {
      object: 'list' as const,
      data: b.data.map((d, i) => ({ object: 'embedding' as const, embedding: d.embedding, index: d.index ?? i })),
      model: b.model ?? this.model,
      usage: { prompt_tokens: b.usage?.prompt_tokens ?? null, total_tokens: b.usage?.total_tokens ?? null },
    };
  }

  accepts(request: Pick<PassthroughRequest, 'vendor' | 'operation'>): boolean {
    return request.vendor === 'openai' && this.f.passthrough.has(request.operation as Operation);
  }

  async passthrough(request: PassthroughRequest, call: ProviderCall): Promise<PassthroughResponse | undefined> {
    const operation = request.operation as Operation;
    if (!this.accepts(request)) return undefined;
    const res = await this.f.upstream.send(this.name, {
      url: this.f.url(operation),
      headers: this.f.headers,
      body: { ...request.body, model: this.model },
      signal: call.signal,
      timeoutMs: call.timeoutMs,
    });
    const headers: Record<string, string> = {};
    for (const h of FORWARDED_HEADERS) if (res.headers[h] !== undefined) headers[h] = res.headers[h];
    return { status: res.status, headers, body: res.body };
  }
}

function trimBase(base: string): string {
  return base.replace(/\/+$/, '');
}

const ALL_TYPES: readonly EndpointType[] = ['llm/v1/chat', 'llm/v1/completions', 'llm/v1/embeddings'];
const CHAT_TYPES: readonly EndpointType[] = ['llm/v1/chat', 'llm/v1/completions'];
const ALL_OPERATIONS: ReadonlySet<Operation> = new Set(['chat/completions', 'completions', 'embeddings', 'responses']);

// ---- OpenAI and Azure OpenAI (MLflow's OpenAIConfig) ----

const API_TYPES = ['openai', 'azure', 'azuread'] as const;

function openaiConfigSchema(defaultType: (typeof API_TYPES)[number]) {
  return z
    .strictObject({
      openai_api_key: z.string().min(1),
      openai_api_type: z.enum(API_TYPES).default(defaultType),
      openai_api_base: z.url().optional(),
      openai_api_version: z.string().optional(),
      openai_deployment_name: z.string().optional(),
      openai_organization: z.string().optional(),
    })
    .superRefine((c, ctx) => {
      if (c.openai_api_type === 'openai') return;
      for (const key of ['openai_api_base', 'openai_api_version', 'openai_deployment_name'] as const) {
        if (c[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: `is required when openai_api_type is ${c.openai_api_type}` });
      }
      if (c.openai_organization !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['openai_organization'], message: `is not allowed when openai_api_type is ${c.openai_api_type}` });
      }
    });
}

type OpenAIConfig = z.output<ReturnType<typeof openaiConfigSchema>>;

function createOpenAI(model: string, c: OpenAIConfig, upstream: Upstream): Provider {
  if (c.openai_api_type === 'openai') {
    const base = trimBase(c.openai_api_base ?? 'https://api.openai.com/v1');
    return new OpenAIFamilyProvider({
      name: 'openai',
      model,
      url: (op) => `${base}/${op}`,
      headers: { authorization: `Bearer ${c.openai_api_key}`, ...(c.openai_organization ? { 'openai-organization': c.openai_organization } : {}) },
      nativeCompletions: true,
      streamOptions: true,
      passthrough: ALL_OPERATIONS,
      upstream,
    });
  }
  // Azure names the deployment in the path; `model` in the body is ignored there.
  const base = trimBase(c.openai_api_base!);
  const deployment = encodeURIComponent(c.openai_deployment_name!);
  const version = encodeURIComponent(c.openai_api_version!);
  return new OpenAIFamilyProvider({
    name: c.openai_api_type,
    model,
    url: (op) => `${base}/openai/deployments/${deployment}/${op}?api-version=${version}`,
    headers: c.openai_api_type === 'azure' ? { 'api-key': c.openai_api_key } : { authorization: `Bearer ${c.openai_api_key}` },
    nativeCompletions: true,
    streamOptions: true,
    passthrough: new Set(['chat/completions', 'completions', 'embeddings']),
    upstream,
  });
}

export const openaiProvider = defineProvider({
  name: 'openai',
  configSchema: openaiConfigSchema('openai'),
  endpointTypes: ALL_TYPES,
  create: ({ model, config, upstream }) => createOpenAI(model, config, upstream),
});

export const azureProvider = defineProvider({
  name: 'azure',
  configSchema: openaiConfigSchema('azure'),
  endpointTypes: ALL_TYPES,
  create: ({ model, config, upstream }) => createOpenAI(model, config, upstream),
});

export const azureadProvider = defineProvider({
  name: 'azuread',
  configSchema: openaiConfigSchema('azuread'),
  endpointTypes: ALL_TYPES,
  create: ({ model, config, upstream }) => createOpenAI(model, config, upstream),
});

// ---- Mistral (its own key names; no legacy completions, no stream_options) ----

export const mistralProvider = defineProvider({
  name: 'mistral',
  configSchema: z.strictObject({ mistral_api_key: z.string().min(1), mistral_api_base: z.url().default('https://api.mistral.ai/v1') }),
  endpointTypes: ALL_TYPES,
  create: ({ model, config, upstream }) => {
    const base = trimBase(config.mistral_api_base);
    return new OpenAIFamilyProvider({
      name: 'mistral',
      model,
      url: (op) => `${base}/${op}`,
      headers: { authorization: `Bearer ${config.mistral_api_key}` },
      nativeCompletions: false,
      streamOptions: false,
      passthrough: new Set(['chat/completions', 'embeddings']),
      adapt: adaptForMistral,
      upstream,
    });
  },
});

/**
 * Mistral's request schema is closed: OpenAI-only fields get a 422. `seed` is `random_seed` there,
 * `max_completion_tokens` is `max_tokens`; fields Mistral has no equivalent for are dropped.
 */
function adaptForMistral(body: Record<string, unknown>): Record<string, unknown> {
  const { seed, max_completion_tokens, user: _user, top_k: _topK, stream_options: _so, ...rest } = body;
  return {
    ...rest,
    ...(seed !== undefined ? { random_seed: seed } : {}),
    ...(rest.max_tokens === undefined && max_completion_tokens !== undefined ? { max_tokens: max_completion_tokens } : {}),
  };
}

// ---- OpenAI-compatible hosts (MLflow's _OpenAICompatibleConfig: `api_key`, `api_base`) ----

interface CompatibleHost {
  name: string;
  defaultBase?: string;
  /** Ollama needs no key; MLflow defaults it to "ollama". */
  defaultKey?: string;
  endpointTypes: readonly EndpointType[];
  nativeCompletions: boolean;
}

const COMPATIBLE_HOSTS: readonly CompatibleHost[] = [
  { name: 'groq', defaultBase: 'https://api.groq.com/openai/v1', endpointTypes: CHAT_TYPES, nativeCompletions: false },
  { name: 'deepseek', defaultBase: 'https://api.deepseek.com/v1', endpointTypes: CHAT_TYPES, nativeCompletions: false },
  { name: 'xai', defaultBase: 'https://api.x.ai/v1', endpointTypes: CHAT_TYPES, nativeCompletions: false },
  { name: 'openrouter', defaultBase: 'https://openrouter.ai/api/v1', endpointTypes: ALL_TYPES, nativeCompletions: true },
  { name: 'togetherai', defaultBase: 'https://api.together.xyz/v1', endpointTypes: ALL_TYPES, nativeCompletions: true },
  { name: 'ollama', defaultBase: 'http://localhost:11434/v1', defaultKey: 'ollama', endpointTypes: ALL_TYPES, nativeCompletions: true },
  // The generic one has no default host: its base URL is the point of it.
  { name: 'openai-compatible', defaultKey: '', endpointTypes: ALL_TYPES, nativeCompletions: true },
];

function compatibleModule(host: CompatibleHost): ProviderModule {
  // Both MLflow's generic keys and the `<provider>_api_*` spelling are accepted; the prefixed
  // key uses `_` (e.g. `openai_compatible_api_base`) as YAML keys do.
  const prefix = host.name.replaceAll('-', '_');
  const keyKey = `${prefix}_api_key`;
  const baseKey = `${prefix}_api_base`;
  const schema = z
    .strictObject({
      api_key: z.string().optional(),
      api_base: z.url().optional(),
      [keyKey]: z.string().optional(),
      [baseKey]: z.url().optional(),
    })
    .superRefine((c, ctx) => {
      const key = c.api_key ?? c[keyKey] ?? host.defaultKey;
      if (key === undefined || (key === '' && host.defaultKey === undefined)) {
        ctx.addIssue({ code: 'custom', path: ['api_key'], message: `is required for ${host.name} (or ${keyKey})` });
      }
      if ((c.api_base ?? c[baseKey] ?? host.defaultBase) === undefined) {
        ctx.addIssue({ code: 'custom', path: ['api_base'], message: `is required for ${host.name}: the server's OpenAI-compatible base URL, e.g. http://localhost:8000/v1 (or ${baseKey})` });
      }
    });
  return defineProvider({
    name: host.name,
    aliases: host.name === 'openai-compatible' ? ['openai-compat', 'vllm', 'lmstudio'] : [],
    configSchema: schema,
    endpointTypes: host.endpointTypes,
    create: ({ model, config, upstream }) => {
      const key = config.api_key ?? config[keyKey] ?? host.defaultKey ?? '';
      const base = trimBase((config.api_base ?? config[baseKey] ?? host.defaultBase)!);
      return new OpenAIFamilyProvider({
        name: host.name,
        model,
        url: (op) => `${base}/${op}`,
        headers: key === '' ? {} : { authorization: `Bearer ${key}` },
        nativeCompletions: host.nativeCompletions,
        streamOptions: true,
        passthrough: new Set(host.nativeCompletions ? ['chat/completions', 'completions', 'embeddings'] : ['chat/completions']),
        upstream,
      });
    },
  });
}

export const openaiCompatibleProviders: readonly ProviderModule[] = COMPATIBLE_HOSTS.map(compatibleModule);
