/**
 * SDKs we did not write, pointed at a real standalone gateway whose endpoints are backed by the
 * wire-exact fakes of OTHER vendors: the `openai` SDK talking to Anthropic, Gemini, Cohere and
 * Mistral; the Anthropic SDK talking to OpenAI; the Google GenAI SDK talking to Anthropic and
 * Cohere; LangChain's ChatOpenAI doing a tool-call round trip to Anthropic. Each SDK must accept
 * every byte the gateway sends (its own parsers and exception classes are the judge), and each
 * upstream must receive its own wire format with the server-side key.
 */
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { GoogleGenAI } from '@google/genai';
import { ChatOpenAI } from '@langchain/openai';
import { AIMessage, HumanMessage, type BaseMessage } from '@langchain/core/messages';
import { tool } from '@langchain/core/tools';
import { z } from 'zod';
import { startGatewayServer, type RunningGateway } from '../../src/gateway/server.ts';
import { fakeEmbedding } from '../fakes/llm-types.ts';
import { startFakeLlmUpstreams, type FakeLlmUpstreams, type FakeRequest } from '../fakes/llm-upstreams.ts';

const KEYS = {
  openai: 'sk-sdks-openai-secret',
  anthropic: 'sk-ant-sdks-secret',
  gemini: 'gemini-sdks-secret',
  mistral: 'mistral-sdks-secret',
  cohere: 'cohere-sdks-secret',
} as const;

function configYaml(fake: FakeLlmUpstreams): string {
  const endpoint = (name: string, type: string, provider: string, model: string, config: Record<string, string>) =>
    [
      `  - name: ${name}`,
      `    endpoint_type: ${type}`,
      '    model:',
      `      provider: ${provider}`,
      `      name: ${model}`,
      '      config:',
      ...Object.entries(config).map(([k, v]) => `        ${k}: ${v}`),
    ].join('\n');
  return [
    'endpoints:',
    endpoint('claude', 'llm/v1/chat', 'anthropic', 'claude-sonnet-4-5', { anthropic_api_key: '$ANTHROPIC_API_KEY', anthropic_api_base: fake.anthropicBaseUrl }),
    endpoint('gemini-chat', 'llm/v1/chat', 'gemini', 'gemini-2.5-flash', { gemini_api_key: '$GEMINI_API_KEY', gemini_api_base: fake.geminiBaseUrl }),
    endpoint('cohere-chat', 'llm/v1/chat', 'cohere', 'command-r-plus', { cohere_api_key: '$COHERE_API_KEY', cohere_api_base: fake.cohereBaseUrl }),
    endpoint('cohere-embed', 'llm/v1/embeddings', 'cohere', 'embed-v4.0', { cohere_api_key: '$COHERE_API_KEY', cohere_api_base: fake.cohereBaseUrl }),
    endpoint('mistral-completions', 'llm/v1/completions', 'mistral', 'mistral-small-latest', { mistral_api_key: '$MISTRAL_API_KEY', mistral_api_base: fake.mistralBaseUrl }),
    endpoint('gpt', 'llm/v1/chat', 'openai', 'gpt-4o-mini', { openai_api_key: '$OPENAI_API_KEY', openai_api_base: fake.openaiBaseUrl }),
    '',
  ].join('\n');
}

describe('real SDKs through a standalone gateway, each routed to another vendor', () => {
  let fake: FakeLlmUpstreams;
  let gateway: RunningGateway;
  let dir: string;
  const logged: string[] = [];

  before(async () => {
    fake = await startFakeLlmUpstreams({ apiKeys: KEYS });
    dir = await mkdtemp(join(tmpdir(), 'gw-sdks-'));
    await writeFile(join(dir, 'gateway-config.yaml'), configYaml(fake));
    gateway = await startGatewayServer({
      configPath: join(dir, 'gateway-config.yaml'),
      port: 0,
      watch: false,
      env: { OPENAI_API_KEY: KEYS.openai, ANTHROPIC_API_KEY: KEYS.anthropic, GEMINI_API_KEY: KEYS.gemini, MISTRAL_API_KEY: KEYS.mistral, COHERE_API_KEY: KEYS.cohere },
      log: { info: (m) => logged.push(m), error: (m) => logged.push(m) },
    });
  });

  afterEach(() => {
    fake.respondWith(undefined);
    fake.reset();
  });

  after(async () => {
    await gateway?.close();
    await fake?.close();
    await rm(dir, { recursive: true, force: true });
    // Nothing above is a gateway bug; an internal failure would have been logged.
    assert.deepEqual(logged, []);
  });

  /** The single upstream call the last SDK call made, checked for vendor and server-side key. */
  function onlyUpstreamCall(vendor: FakeRequest['vendor']): FakeRequest {
    assert.equal(fake.requests.length, 1, `one upstream call, got ${fake.requests.map((r) => r.operation).join(', ')}`);
    const sent = fake.requests[0]!;
    assert.equal(sent.vendor, vendor);
    assert.ok(!JSON.stringify(sent.headers).includes('dummy'), "the caller's key never goes upstream");
    return sent;
  }

  describe('openai SDK at /gateway/openai/v1', () => {
    let openai: OpenAI;
    /** What the SDK itself sent and got back on the wire, for what its decoding hides. */
    const wire: { request: Record<string, unknown>; response: string }[] = [];
    before(() => {
      openai = new OpenAI({
        baseURL: `${gateway.url}/gateway/openai/v1`,
        apiKey: 'dummy',
        maxRetries: 0,
        fetch: async (url: string | URL | Request, init?: RequestInit) => {
          const res = await fetch(url, init);
          const request = typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : {};
          const href = url instanceof Request ? url.url : url instanceof URL ? url.href : url;
          if (href.endsWith('/embeddings')) wire.push({ request, response: await res.clone().text() });
          return res;
        },
      });
    });

    it('chat.completions.create answered by an Anthropic endpoint', async () => {
      const completion = await openai.chat.completions.create({
        model: 'claude',
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'hello from openai sdk' },
        ],
        max_tokens: 64,
        temperature: 0.3,
      });
      assert.equal(completion.object, 'chat.completion');
      assert.equal(completion.choices.length, 1);
      assert.equal(completion.choices[0]!.message.role, 'assistant');
      assert.equal(completion.choices[0]!.message.content, 'Echo: hello from openai sdk');
      assert.equal(completion.choices[0]!.finish_reason, 'stop');
      assert.deepEqual(
        { p: completion.usage?.prompt_tokens, c: completion.usage?.completion_tokens, t: completion.usage?.total_tokens },
        { p: 4, c: 5, t: 9 },
      );
      const sent = onlyUpstreamCall('anthropic');
      assert.equal(sent.operation, 'anthropic.messages');
      assert.equal(sent.headers['x-api-key'], KEYS.anthropic);
      assert.equal(sent.model, 'claude-sonnet-4-5');
      assert.deepEqual(sent.body.system, [{ type: 'text', text: 'Be brief.' }]);
      assert.equal(sent.body.max_tokens, 64);
    });

    it('a chat stream answered by a Gemini endpoint: deltas, then one usage chunk', async () => {
      fake.enqueue({ text: 'streamed from gemini to an openai client', chunkSize: 6 });
      const stream = await openai.chat.completions.create({
        model: 'gemini-chat',
        messages: [{ role: 'user', content: 'stream via gemini please' }],
        stream: true,
        stream_options: { include_usage: true },
      });
      let text = '';
      const usages: OpenAI.CompletionUsage[] = [];
      let finish: string | null | undefined;
      let chunks = 0;
      for await (const chunk of stream) {
        chunks++;
        assert.equal(chunk.object, 'chat.completion.chunk');
        for (const c of chunk.choices) {
          text += c.delta.content ?? '';
          finish = c.finish_reason ?? finish;
        }
        if (chunk.usage) usages.push(chunk.usage);
      }
      assert.equal(text, 'streamed from gemini to an openai client');
      assert.ok(chunks > 3, `streamed in pieces (${chunks} chunks)`);
      assert.equal(finish, 'stop');
      assert.equal(usages.length, 1, 'one usage chunk');
      assert.deepEqual({ p: usages[0]!.prompt_tokens, c: usages[0]!.completion_tokens, t: usages[0]!.total_tokens }, { p: 4, c: 7, t: 11 });
      const sent = onlyUpstreamCall('gemini');
      assert.equal(sent.operation, 'gemini.streamGenerateContent');
      assert.equal(sent.headers['x-goog-api-key'], KEYS.gemini);
      assert.equal(sent.model, 'gemini-2.5-flash');
    });

    it('embeddings.create answered by a Cohere endpoint: the SDK asks base64 and decodes the right vectors', async () => {
      wire.length = 0;
      const res = await openai.embeddings.create({ model: 'cohere-embed', input: ['alpha', 'beta gamma'] });
      assert.equal(wire[0]?.request.encoding_format, 'base64', 'the SDK asked for base64');
      const raw = JSON.parse(wire[0]?.response ?? '{}') as { data: { embedding: unknown }[] };
      assert.ok(raw.data.every((d) => typeof d.embedding === 'string'), `the gateway answered base64: ${wire[0]?.response.slice(0, 200)}`);
      assert.equal(res.object, 'list');
      assert.equal(res.data.length, 2);
      // Cohere's fake default is 8 dimensions; the SDK decoded float32 base64 into these arrays.
      assert.deepEqual(res.data[0]!.embedding, fakeEmbedding('alpha', 8));
      assert.deepEqual(res.data[1]!.embedding, fakeEmbedding('beta gamma', 8));
      assert.deepEqual(res.data.map((d) => d.index), [0, 1]);
      const sent = onlyUpstreamCall('cohere');
      assert.equal(sent.operation, 'cohere.embed');
      assert.equal(sent.headers.authorization, `Bearer ${KEYS.cohere}`);
      assert.deepEqual(sent.body.texts, ['alpha', 'beta gamma']);

      const sized = await openai.embeddings.create({ model: 'cohere-embed', input: 'delta', dimensions: 16 });
      assert.equal(sized.data[0]!.embedding.length, 16);
      assert.deepEqual(sized.data[0]!.embedding, fakeEmbedding('delta', 16));
    });

    it('embeddings.create with encoding_format float gets plain numbers', async () => {
      wire.length = 0;
      const res = await openai.embeddings.create({ model: 'cohere-embed', input: 'alpha', encoding_format: 'float' });
      assert.ok(Array.isArray((JSON.parse(wire[0]!.response) as { data: { embedding: unknown }[] }).data[0]!.embedding));
      assert.deepEqual(res.data[0]!.embedding, fakeEmbedding('alpha', 8));
    });

    it('completions.create answered by a Mistral endpoint through its chat API', async () => {
      const res = await openai.completions.create({ model: 'mistral-completions', prompt: 'Complete this sentence', max_tokens: 20 });
      assert.equal(res.object, 'text_completion');
      assert.equal(res.choices[0]!.text, 'Echo: Complete this sentence');
      assert.equal(res.choices[0]!.finish_reason, 'stop');
      assert.equal(res.usage?.prompt_tokens, 3);
      const sent = onlyUpstreamCall('mistral');
      assert.equal(sent.operation, 'mistral.chat.completions');
      assert.equal(sent.headers.authorization, `Bearer ${KEYS.mistral}`);
      assert.deepEqual(sent.body.messages, [{ role: 'user', content: 'Complete this sentence' }]);
    });

    it('an unknown model is the SDK NotFoundError, and nothing goes upstream', async () => {
      await assert.rejects(openai.chat.completions.create({ model: 'no-such-endpoint', messages: [{ role: 'user', content: 'x' }] }), (err: unknown) => {
        assert.ok(err instanceof OpenAI.NotFoundError, String(err));
        assert.equal(err.status, 404);
        assert.match(err.message, /No endpoint named 'no-such-endpoint'/);
        assert.match(err.message, /claude/);
        return true;
      });
      assert.equal(fake.requests.length, 0);
    });

    for (const [model, vendor] of [
      ['claude', 'anthropic'],
      ['gpt', 'openai'],
    ] as const) {
      it(`an upstream 429 from ${vendor} is the SDK RateLimitError with Retry-After`, async () => {
        fake.enqueue({ error: { status: 429, message: 'slow', retryAfter: 1 } });
        await assert.rejects(openai.chat.completions.create({ model, messages: [{ role: 'user', content: 'x' }] }), (err: unknown) => {
          assert.ok(err instanceof OpenAI.RateLimitError, String(err));
          assert.equal(err.status, 429);
          assert.match(err.message, /slow/);
          assert.equal(err.headers?.get('retry-after'), '1');
          return true;
        });
        onlyUpstreamCall(vendor);
      });
    }
  });

  describe('Anthropic SDK at /gateway/anthropic', () => {
    let anthropic: Anthropic;
    before(() => {
      anthropic = new Anthropic({ baseURL: `${gateway.url}/gateway/anthropic`, apiKey: 'dummy', maxRetries: 0 });
    });

    it('messages.create answered by an OpenAI endpoint', async () => {
      const msg = await anthropic.messages.create({ model: 'gpt', max_tokens: 100, system: 'Answer tersely.', messages: [{ role: 'user', content: 'hello from anthropic sdk' }] });
      assert.equal(msg.type, 'message');
      assert.equal(msg.role, 'assistant');
      assert.equal(msg.model, 'gpt');
      assert.deepEqual(msg.content, [{ type: 'text', text: 'Echo: hello from anthropic sdk' }]);
      assert.equal(msg.stop_reason, 'end_turn');
      assert.equal(msg.usage.input_tokens, 4);
      assert.equal(msg.usage.output_tokens, 5);
      const sent = onlyUpstreamCall('openai');
      assert.equal(sent.operation, 'openai.chat.completions');
      assert.equal(sent.headers.authorization, `Bearer ${KEYS.openai}`);
      assert.equal(sent.model, 'gpt-4o-mini');
      assert.deepEqual(sent.body.messages, [
        { role: 'system', content: 'Answer tersely.' },
        { role: 'user', content: 'hello from anthropic sdk' },
      ]);
    });

    it('messages.stream answered by an OpenAI endpoint: text events and finalMessage', async () => {
      fake.enqueue({ text: 'a streamed answer from openai', chunkSize: 4 });
      const stream = anthropic.messages.stream({ model: 'gpt', max_tokens: 100, messages: [{ role: 'user', content: 'stream it' }] });
      const pieces: string[] = [];
      stream.on('text', (t) => pieces.push(t));
      const msg = await stream.finalMessage();
      assert.ok(pieces.length > 3, `streamed in pieces (${pieces.length})`);
      assert.equal(pieces.join(''), 'a streamed answer from openai');
      assert.deepEqual(msg.content, [{ type: 'text', text: 'a streamed answer from openai' }]);
      assert.equal(msg.stop_reason, 'end_turn');
      assert.equal(msg.usage.output_tokens, 5);
      const sent = onlyUpstreamCall('openai');
      assert.equal(sent.stream, true);
    });

    it('a tool_use round trip against an OpenAI endpoint', async () => {
      const tools: Anthropic.Tool[] = [
        { name: 'get_weather', description: 'Current weather', input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
      ];
      fake.enqueue({ toolCalls: [{ id: 'call_weather1', name: 'get_weather', arguments: { city: 'Oslo' } }] });
      const question: Anthropic.MessageParam = { role: 'user', content: 'Weather in Oslo?' };
      const first = await anthropic.messages.create({ model: 'gpt', max_tokens: 100, tools, messages: [question] });
      assert.equal(first.stop_reason, 'tool_use');
      const use = first.content.find((b): b is Anthropic.ToolUseBlock => b.type === 'tool_use');
      assert.ok(use, JSON.stringify(first.content));
      assert.equal(use.name, 'get_weather');
      assert.deepEqual(use.input, { city: 'Oslo' });
      const firstSent = onlyUpstreamCall('openai');
      assert.deepEqual(
        (firstSent.body.tools as { function: { name: string; parameters: unknown } }[]).map((t) => [t.function.name, t.function.parameters]),
        [['get_weather', tools[0]!.input_schema]],
      );
      fake.reset();

      fake.enqueue({ text: 'It is 5C in Oslo.' });
      const second = await anthropic.messages.create({
        model: 'gpt',
        max_tokens: 100,
        tools,
        messages: [question, { role: 'assistant', content: first.content }, { role: 'user', content: [{ type: 'tool_result', tool_use_id: use.id, content: '5C, cloudy' }] }],
      });
      assert.deepEqual(second.content, [{ type: 'text', text: 'It is 5C in Oslo.' }]);
      const sent = onlyUpstreamCall('openai');
      const messages = sent.body.messages as { role: string; content?: unknown; tool_calls?: { id: string; function: { name: string; arguments: string } }[]; tool_call_id?: string }[];
      const assistant = messages.find((m) => m.role === 'assistant');
      assert.equal(assistant?.tool_calls?.[0]?.id, use.id);
      assert.equal(assistant?.tool_calls?.[0]?.function.name, 'get_weather');
      assert.deepEqual(JSON.parse(assistant?.tool_calls?.[0]?.function.arguments ?? 'null'), { city: 'Oslo' });
      const toolMessage = messages.find((m) => m.role === 'tool');
      assert.equal(toolMessage?.tool_call_id, use.id);
      assert.match(JSON.stringify(toolMessage?.content), /5C, cloudy/);
    });
  });

  describe('Google GenAI SDK at /gateway/gemini', () => {
    let gemini: GoogleGenAI;
    before(() => {
      gemini = new GoogleGenAI({ apiKey: 'dummy', httpOptions: { baseUrl: `${gateway.url}/gateway/gemini` } });
    });

    it('models.generateContent answered by an Anthropic endpoint', async () => {
      const result = await gemini.models.generateContent({ model: 'claude', contents: 'hello from genai sdk', config: { systemInstruction: 'Be kind.', maxOutputTokens: 50 } });
      assert.equal(result.text, 'Echo: hello from genai sdk');
      assert.equal(result.candidates?.[0]?.finishReason, 'STOP');
      assert.equal(result.usageMetadata?.promptTokenCount, 4);
      assert.equal(result.usageMetadata?.candidatesTokenCount, 5);
      const sent = onlyUpstreamCall('anthropic');
      assert.equal(sent.headers['x-api-key'], KEYS.anthropic);
      assert.deepEqual(sent.body.system, [{ type: 'text', text: 'Be kind.' }]);
      assert.equal(sent.body.max_tokens, 50);
    });

    it('models.generateContentStream answered by a Cohere endpoint', async () => {
      fake.enqueue({ text: 'cohere streams to a gemini client', chunkSize: 5 });
      let text = '';
      let chunks = 0;
      let last: { finishReason?: string; prompt?: number } = {};
      for await (const chunk of await gemini.models.generateContentStream({ model: 'cohere-chat', contents: 'stream via cohere' })) {
        chunks++;
        text += chunk.text ?? '';
        const finishReason = chunk.candidates?.[0]?.finishReason;
        if (finishReason) last = { ...last, finishReason };
        if (chunk.usageMetadata?.promptTokenCount !== undefined) last = { ...last, prompt: chunk.usageMetadata.promptTokenCount };
      }
      assert.equal(text, 'cohere streams to a gemini client');
      assert.ok(chunks > 3, `streamed in pieces (${chunks})`);
      assert.deepEqual(last, { finishReason: 'STOP', prompt: 3 });
      const sent = onlyUpstreamCall('cohere');
      assert.equal(sent.operation, 'cohere.chat');
      assert.equal(sent.stream, true);
      assert.equal(sent.headers.authorization, `Bearer ${KEYS.cohere}`);
    });
  });

  describe('LangChain ChatOpenAI at /gateway/mlflow/v1', () => {
    const llm = () => new ChatOpenAI({ model: 'claude', apiKey: 'dummy', maxRetries: 0, configuration: { baseURL: `${gateway.url}/gateway/mlflow/v1` } });

    const getWeather = tool(async ({ city }: { city: string }) => `Sunny, 21C in ${city}`, {
      name: 'get_weather',
      description: 'The current weather in a city.',
      schema: z.object({ city: z.string().describe('City name') }),
    });

    /** Anthropic wire: a user turn holding a tool_result block means the tool has run. */
    const hasToolResult = (body: Record<string, unknown>): boolean =>
      ((body.messages as { content?: unknown }[] | undefined) ?? []).some((m) => Array.isArray(m.content) && m.content.some((b: { type?: string }) => b?.type === 'tool_result'));

    it('a tool-call round trip to an Anthropic upstream: bindTools → tool_calls → ToolMessage → final text', async () => {
      fake.respondWith((req) => {
        if (req.vendor !== 'anthropic') return undefined;
        return hasToolResult(req.body) ? { text: 'It is sunny in Paris.' } : { toolCalls: [{ id: 'toolu_lc1', name: 'get_weather', arguments: { city: 'Paris' } }] };
      });
      const model = llm().bindTools([getWeather]);
      const history: BaseMessage[] = [new HumanMessage('What is the weather in Paris?')];
      const ai = await model.invoke(history);
      assert.ok(ai instanceof AIMessage);
      assert.equal(ai.tool_calls?.length, 1, JSON.stringify(ai));
      const call = ai.tool_calls?.[0];
      assert.ok(call);
      assert.equal(call.name, 'get_weather');
      assert.deepEqual(call.args, { city: 'Paris' });
      assert.equal(call.id, 'toolu_lc1');
      history.push(ai);
      history.push(await getWeather.invoke(call));

      const final = await model.invoke(history);
      assert.equal(final.content, 'It is sunny in Paris.');
      assert.equal(final.tool_calls?.length ?? 0, 0);

      assert.equal(fake.requests.length, 2);
      const [first, second] = fake.requests as [FakeRequest, FakeRequest];
      for (const r of [first, second]) {
        assert.equal(r.vendor, 'anthropic');
        assert.equal(r.headers['x-api-key'], KEYS.anthropic);
      }
      assert.deepEqual(
        (first.body.tools as { name: string; input_schema: { properties: unknown } }[]).map((t) => [t.name, Object.keys(t.input_schema.properties as object)]),
        [['get_weather', ['city']]],
      );
      const messages = second.body.messages as { role: string; content: { type: string; tool_use_id?: string; id?: string; content?: unknown }[] }[];
      assert.ok(messages.some((m) => m.role === 'assistant' && m.content.some((b) => b.type === 'tool_use' && b.id === 'toolu_lc1')), JSON.stringify(messages));
      const results = messages.flatMap((m) => (m.role === 'user' ? m.content.filter((b) => b.type === 'tool_result') : []));
      assert.equal(results.length, 1, JSON.stringify(messages));
      assert.equal(results[0]!.tool_use_id, 'toolu_lc1');
      assert.match(JSON.stringify(results[0]!.content), /Sunny, 21C in Paris/);
    });

    it('.stream() yields the text in pieces', async () => {
      fake.enqueue({ text: 'langchain streamed this answer', chunkSize: 3 });
      let text = '';
      let pieces = 0;
      for await (const chunk of await llm().stream('stream please')) {
        if (typeof chunk.content === 'string' && chunk.content !== '') {
          pieces++;
          text += chunk.content;
        }
      }
      assert.equal(text, 'langchain streamed this answer');
      assert.ok(pieces > 3, `streamed in pieces (${pieces})`);
      const sent = onlyUpstreamCall('anthropic');
      assert.equal(sent.stream, true);
    });
  });
});
