/**
 * The acceptance matrix: every front × every implemented provider, streaming and not, through a
 * real standalone gateway whose endpoints point at wire-exact fakes of each vendor. Each cell sends
 * one user turn in the front's own wire format, reads the answer in that format, and checks the
 * text made the round trip and the upstream got the provider's wire format with the server-side key.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- reads five vendors' wire bodies ad hoc, as their clients would */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createParser } from 'eventsource-parser';
import { startGatewayServer, type RunningGateway } from '../../src/gateway/server.ts';
import { startFakeLlmUpstreams, type FakeLlmUpstreams, type FakeVendor } from '../fakes/llm-upstreams.ts';

const KEYS = {
  openai: 'sk-matrix-openai-secret',
  azure: 'azure-matrix-secret',
  anthropic: 'sk-ant-matrix-secret',
  gemini: 'gemini-matrix-secret',
  mistral: 'mistral-matrix-secret',
  cohere: 'cohere-matrix-secret',
} as const;

interface ProviderCase {
  endpoint: string;
  /** The fake vendor that must receive the call; undefined for the in-process custom provider. */
  vendor: FakeVendor | undefined;
  yaml: (fake: FakeLlmUpstreams) => string;
}

const compatible = (provider: string): ProviderCase => ({
  endpoint: `chat-${provider}`,
  vendor: 'openai',
  yaml: (fake) => `provider: ${provider}\n      name: ${provider}-model\n      config:\n        api_key: $OPENAI_KEY\n        api_base: ${fake.openaiBaseUrl}`,
});

const PROVIDERS: ProviderCase[] = [
  { endpoint: 'chat-openai', vendor: 'openai', yaml: (f) => `provider: openai\n      name: gpt-4o-mini\n      config:\n        openai_api_key: $OPENAI_KEY\n        openai_api_base: ${f.openaiBaseUrl}` },
  {
    endpoint: 'chat-azure',
    vendor: 'azure',
    yaml: (f) =>
      `provider: azure\n      name: gpt-4o\n      config:\n        openai_api_key: $AZURE_KEY\n        openai_api_base: ${f.azureBaseUrl}\n        openai_deployment_name: prod-gpt4o\n        openai_api_version: 2024-10-21`,
  },
  {
    endpoint: 'chat-azuread',
    vendor: 'azure',
    yaml: (f) =>
      `provider: openai\n      name: gpt-4o\n      config:\n        openai_api_type: azuread\n        openai_api_key: $AZURE_KEY\n        openai_api_base: ${f.azureBaseUrl}\n        openai_deployment_name: prod-gpt4o\n        openai_api_version: 2024-10-21`,
  },
  { endpoint: 'chat-anthropic', vendor: 'anthropic', yaml: (f) => `provider: anthropic\n      name: claude-sonnet-4-5\n      config:\n        anthropic_api_key: $ANTHROPIC_KEY\n        anthropic_api_base: ${f.anthropicBaseUrl}` },
  { endpoint: 'chat-gemini', vendor: 'gemini', yaml: (f) => `provider: gemini\n      name: gemini-2.5-flash\n      config:\n        gemini_api_key: $GEMINI_KEY\n        gemini_api_base: ${f.geminiBaseUrl}` },
  { endpoint: 'chat-mistral', vendor: 'mistral', yaml: (f) => `provider: mistral\n      name: mistral-small-latest\n      config:\n        mistral_api_key: $MISTRAL_KEY\n        mistral_api_base: ${f.mistralBaseUrl}` },
  { endpoint: 'chat-cohere', vendor: 'cohere', yaml: (f) => `provider: cohere\n      name: command-r-plus\n      config:\n        cohere_api_key: $COHERE_KEY\n        cohere_api_base: ${f.cohereBaseUrl}` },
  ...['groq', 'deepseek', 'xai', 'openrouter', 'togetherai', 'ollama', 'openai-compatible'].map(compatible),
  { endpoint: 'chat-serving', vendor: 'mlflow-serving', yaml: (f) => `provider: mlflow-model-serving\n      name: my-model\n      config:\n        model_server_url: ${f.mlflowServingUrl}` },
  { endpoint: 'chat-custom', vendor: undefined, yaml: () => `provider: echo-plugin\n      name: echo-1\n      config:\n        prefix: "Echo: "` },
];

/** A user's custom provider module, as a plain JS file (MLflow's plugin-provider idea). */
const CUSTOM_PROVIDER = `
const text = (req) => { const m = req.messages.filter((x) => x.role === 'user').at(-1); return typeof m.content === 'string' ? m.content : m.content.map((p) => p.text ?? '').join(''); };
const response = (model, content) => ({ id: 'echo-1', object: 'chat.completion', created: 0, model, choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } });
export default {
  name: 'echo-plugin',
  configSchema: { safeParse: (v) => (v && typeof v.prefix === 'string' ? { success: true, data: v } : { success: false, error: { issues: [{ path: ['prefix'], message: 'prefix is required' }] } }) },
  endpointTypes: ['llm/v1/chat'],
  create({ model, config }) {
    return {
      name: 'echo-plugin',
      model,
      async chat(req) { return response(model, config.prefix + text(req)); },
      async *chatStream(req) {
        const all = config.prefix + text(req);
        for (let i = 0; i < all.length; i += 5) yield { id: 'echo-1', object: 'chat.completion.chunk', created: 0, model, choices: [{ index: 0, delta: { content: all.slice(i, i + 5) }, finish_reason: null }] };
        yield { id: 'echo-1', object: 'chat.completion.chunk', created: 0, model, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } };
      },
      async completions() { throw new Error('unused'); },
      async *completionsStream() { throw new Error('unused'); },
      async embeddings() { throw new Error('unused'); },
    };
  },
};
`;

async function sseData(res: Response): Promise<{ event: string | undefined; data: string }[]> {
  assert.match(res.headers.get('content-type') ?? '', /text\/event-stream/);
  const events: { event: string | undefined; data: string }[] = [];
  const parser = createParser({ onEvent: (e) => events.push({ event: e.event, data: e.data }) });
  parser.feed(await res.text());
  return events;
}

const json = (data: string): any => JSON.parse(data);

interface FrontCase {
  name: string;
  /** Sends one user turn; returns the assistant text as the front's client would read it. */
  ask(base: string, endpoint: string, text: string, stream: boolean): Promise<string>;
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  if (res.status !== 200) assert.fail(`${url} answered ${res.status}: ${await res.text()}`);
  return res;
}

const chatDeltaText = (events: { data: string }[]): string =>
  events
    .filter((e) => e.data !== '[DONE]')
    .map((e) => json(e.data))
    .map((c) => {
      if (c.error) assert.fail(`in-band error: ${JSON.stringify(c.error)}`);
      return (c.choices ?? []).map((ch: any) => ch.delta?.content ?? '').join('');
    })
    .join('');

const unifiedFront = (name: string, path: (endpoint: string) => string): FrontCase => ({
  name,
  async ask(base, endpoint, text, stream) {
    const res = await post(`${base}${path(endpoint)}`, { messages: [{ role: 'user', content: text }], temperature: 0.7, max_tokens: 100, stream });
    if (stream) return chatDeltaText(await sseData(res));
    const body: any = await res.json();
    return body.choices[0].message.content;
  },
});

const FRONTS: FrontCase[] = [
  unifiedFront('MLflow legacy /endpoints/<name>/invocations', (e) => `/endpoints/${e}/invocations`),
  unifiedFront('MLflow /gateway/<name>/invocations', (e) => `/gateway/${e}/invocations`),
  unifiedFront('MLflow 3.x /gateway/<name>/mlflow/invocations', (e) => `/gateway/${e}/mlflow/invocations`),
  ...['/gateway/mlflow/v1', '/gateway/openai/v1', '/v1'].map(
    (prefix): FrontCase => ({
      name: `OpenAI chat ${prefix}/chat/completions`,
      async ask(base, endpoint, text, stream) {
        const res = await post(`${base}${prefix}/chat/completions`, { model: endpoint, messages: [{ role: 'user', content: text }], stream }, { authorization: 'Bearer dummy' });
        if (stream) return chatDeltaText(await sseData(res));
        return ((await res.json()) as any).choices[0].message.content;
      },
    }),
  ),
  {
    name: 'OpenAI Responses /gateway/openai/v1/responses',
    async ask(base, endpoint, text, stream) {
      const res = await post(`${base}/gateway/openai/v1/responses`, { model: endpoint, input: text, stream });
      if (stream) {
        const events = await sseData(res);
        const errors = events.filter((e) => e.event === 'error');
        assert.equal(errors.length, 0, JSON.stringify(errors));
        assert.equal(events.at(-1)!.event, 'response.completed');
        return events.filter((e) => e.event === 'response.output_text.delta').map((e) => json(e.data).delta).join('');
      }
      const body: any = await res.json();
      return body.output.filter((o: any) => o.type === 'message').flatMap((o: any) => o.content.map((c: any) => c.text)).join('');
    },
  },
  {
    name: 'Anthropic /gateway/anthropic/v1/messages',
    async ask(base, endpoint, text, stream) {
      const res = await post(`${base}/gateway/anthropic/v1/messages`, { model: endpoint, max_tokens: 100, messages: [{ role: 'user', content: text }], stream }, { 'x-api-key': 'dummy', 'anthropic-version': '2023-06-01' });
      if (stream) {
        const events = await sseData(res);
        assert.equal(events[0]!.event, 'message_start');
        assert.equal(events.at(-1)!.event, 'message_stop');
        return events
          .filter((e) => e.event === 'content_block_delta')
          .map((e) => json(e.data).delta)
          .filter((d) => d.type === 'text_delta')
          .map((d) => d.text)
          .join('');
      }
      const body: any = await res.json();
      assert.equal(body.type, 'message');
      return body.content.filter((b: any) => b.type === 'text').map((b: any) => b.text).join('');
    },
  },
  {
    name: 'Gemini /gateway/gemini/v1beta/models/<name>:generateContent',
    async ask(base, endpoint, text, stream) {
      const method = stream ? 'streamGenerateContent?alt=sse' : 'generateContent';
      const res = await post(`${base}/gateway/gemini/v1beta/models/${endpoint}:${method}`, { contents: [{ role: 'user', parts: [{ text }] }] }, { 'x-goog-api-key': 'dummy' });
      const partsText = (r: any): string => (r.candidates?.[0]?.content?.parts ?? []).map((p: any) => p.text ?? '').join('');
      if (stream) return (await sseData(res)).map((e) => json(e.data)).map(partsText).join('');
      return partsText((await res.json()) as any);
    },
  },
];

describe('gateway matrix: every front × every provider, streaming and not', () => {
  let fake: FakeLlmUpstreams;
  let gateway: RunningGateway;
  let dir: string;

  before(async () => {
    fake = await startFakeLlmUpstreams({ apiKeys: KEYS });
    dir = await mkdtemp(join(tmpdir(), 'gw-matrix-'));
    await writeFile(join(dir, 'echo-provider.mjs'), CUSTOM_PROVIDER);
    const yaml = [
      'providers:',
      '  echo-plugin: ./echo-provider.mjs',
      'endpoints:',
      ...PROVIDERS.map((p) => `  - name: ${p.endpoint}\n    endpoint_type: llm/v1/chat\n    model:\n      ${p.yaml(fake)}`),
    ].join('\n');
    await writeFile(join(dir, 'gateway-config.yaml'), yaml);
    gateway = await startGatewayServer({
      configPath: join(dir, 'gateway-config.yaml'),
      port: 0,
      watch: false,
      env: {
        OPENAI_KEY: KEYS.openai,
        AZURE_KEY: KEYS.azure,
        ANTHROPIC_KEY: KEYS.anthropic,
        GEMINI_KEY: KEYS.gemini,
        MISTRAL_KEY: KEYS.mistral,
        COHERE_KEY: KEYS.cohere,
      },
    });
  });

  after(async () => {
    await gateway?.close();
    await fake?.close();
    await rm(dir, { recursive: true, force: true });
  });

  for (const front of FRONTS) {
    describe(front.name, () => {
      for (const provider of PROVIDERS) {
        for (const stream of [false, true]) {
          it(`${provider.endpoint}${stream ? ' (stream)' : ''}`, async () => {
            const before = fake.requests.length;
            const text = `matrix ${provider.endpoint} ${stream ? 'streamed' : 'whole'}`;
            assert.equal(await front.ask(gateway.url, provider.endpoint, text, stream), `Echo: ${text}`);
            const sent = fake.requests.slice(before);
            if (provider.vendor === undefined) {
              assert.equal(sent.length, 0);
              return;
            }
            assert.equal(sent.length, 1, 'one upstream call');
            assert.equal(sent[0]!.vendor, provider.vendor);
            // The caller's dummy key never goes upstream; the server-side key does (the fake checks it).
            assert.ok(!JSON.stringify(sent[0]!.headers).includes('dummy'));
          });
        }
      }
    });
  }
});
