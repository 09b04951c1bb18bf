/**
 * The fake upstreams added for the gateway's providers (Azure OpenAI, Mistral, Cohere v2, MLflow
 * model servers) answer in their vendors' formats: routes, auth failures, request validation,
 * streams, errors with Retry-After. Azure is also driven with the real `openai` SDK's AzureOpenAI.
 */
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AzureOpenAI, RateLimitError } from 'openai';
import { startFakeLlmUpstreams, type FakeLlmUpstreams } from '../fakes/llm-upstreams.ts';

const KEYS = { azure: 'az-key', mistral: 'mi-key', cohere: 'co-key', 'mlflow-serving': 'ms-token', openai: 'sk-test' };

let fake: FakeLlmUpstreams;
before(async () => {
  fake = await startFakeLlmUpstreams({ apiKeys: KEYS });
});
after(async () => {
  await fake.close();
});
beforeEach(() => fake.reset());

interface Answer {
  status: number;
  headers: Headers;
  json: unknown;
  text: string;
}

async function post(url: string, body: unknown, headers: Record<string, string>): Promise<Answer> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json, text };
}

/** Raw SSE text → events, keeping the `event:` names. */
function sseEvents(text: string): { event?: string; data: string }[] {
  return text
    .split(/\r?\n\r?\n/)
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const lines = block.split(/\r?\n/);
      const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
      const data = lines
        .filter((l) => l.startsWith('data: '))
        .map((l) => l.slice(6))
        .join('\n');
      return event === undefined ? { data } : { event, data };
    });
}

const bearer = (key: string): Record<string, string> => ({ authorization: `Bearer ${key}` });

describe('Azure OpenAI fake', () => {
  const azure = (): AzureOpenAI =>
    new AzureOpenAI({ endpoint: fake.azureBaseUrl, apiKey: KEYS.azure, apiVersion: '2024-10-21', deployment: 'my-gpt', maxRetries: 0 });

  it('answers the AzureOpenAI SDK: deployment as model, api-key header, api-version query', async () => {
    fake.enqueue({ text: 'Hello from Azure.', model: 'gpt-4o-2024-08-06' });
    const res = await azure().chat.completions.create({ model: 'ignored', messages: [{ role: 'user', content: 'hi' }] });
    assert.equal(res.choices[0]?.message.content, 'Hello from Azure.');
    assert.equal(res.model, 'gpt-4o-2024-08-06');
    const req = fake.requests.at(-1)!;
    assert.equal(req.vendor, 'azure');
    assert.equal(req.operation, 'azure.chat.completions');
    assert.equal(req.model, 'my-gpt');
    assert.equal(req.query['api-version'], '2024-10-21');
    assert.equal(req.headers['api-key'], KEYS.azure);
    assert.ok('prompt_filter_results' in res, 'Azure reports its content filter');
  });

  it('streams OpenAI chunks after a first chunk with no choices (the prompt filter results)', async () => {
    fake.enqueue({ text: 'abcdefghij', chunkSize: 4 });
    const stream = await azure().chat.completions.create({ model: 'x', messages: [{ role: 'user', content: 'hi' }], stream: true });
    const chunks = [];
    for await (const c of stream) chunks.push(c);
    assert.deepEqual(chunks[0]?.choices, []);
    assert.equal(chunks[0]?.id, '');
    const text = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');
    assert.equal(text, 'abcdefghij');
    assert.equal(chunks.at(-1)?.choices[0]?.finish_reason, 'stop');
  });

  it('serves embeddings and completions under the deployment', async () => {
    const emb = await azure().embeddings.create({ model: 'x', input: ['a', 'b'], encoding_format: 'float' });
    assert.equal(emb.data.length, 2);
    assert.equal(fake.requests.at(-1)?.operation, 'azure.embeddings');
    const cmpl = await azure().completions.create({ model: 'x', prompt: 'say hi' });
    assert.equal(cmpl.choices[0]?.text, 'Echo: say hi');
  });

  it('answers 404 without api-version and 400 for a malformed one, as Azure does', async () => {
    const url = `${fake.azureBaseUrl}/openai/deployments/my-gpt/chat/completions`;
    const body = { messages: [{ role: 'user', content: 'hi' }] };
    const missing = await post(url, body, { 'api-key': KEYS.azure });
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.json, { error: { code: '404', message: 'Resource not found' } });
    const bad = await post(`${url}?api-version=latest`, body, { 'api-key': KEYS.azure });
    assert.equal(bad.status, 400);
    assert.equal((bad.json as { error: { message: string } }).error.message, 'API version not supported');
  });

  it('takes an Entra ID bearer token (azuread) and refuses a wrong key with Azure\'s 401 body', async () => {
    const url = `${fake.azureBaseUrl}/openai/deployments/my-gpt/chat/completions?api-version=2024-10-21`;
    const body = { messages: [{ role: 'user', content: 'hi' }] };
    assert.equal((await post(url, body, bearer(KEYS.azure))).status, 200);
    const denied = await post(url, body, { 'api-key': 'wrong' });
    assert.equal(denied.status, 401);
    assert.match((denied.json as { error: { message: string } }).error.message, /Access denied due to invalid subscription key/);
  });

  it('sends Retry-After with a 429, which the SDK surfaces', async () => {
    fake.enqueue({ error: { status: 429, message: 'Requests exceeded token rate limit.', retryAfter: 7 } });
    await assert.rejects(azure().chat.completions.create({ model: 'x', messages: [{ role: 'user', content: 'hi' }] }), (err: unknown) => {
      assert.ok(err instanceof RateLimitError);
      assert.equal(err.headers.get('retry-after'), '7');
      return true;
    });
  });
});

describe('Mistral fake', () => {
  const chatUrl = (): string => `${fake.mistralBaseUrl}/chat/completions`;

  it('answers chat completions in Mistral\'s format', async () => {
    fake.enqueue({ text: 'Bonjour.', usage: { inputTokens: 3, outputTokens: 2 } });
    const res = await post(chatUrl(), { model: 'mistral-small-latest', messages: [{ role: 'user', content: 'salut' }] }, bearer(KEYS.mistral));
    assert.equal(res.status, 200);
    const body = res.json as { object: string; choices: { message: { content: string; tool_calls: unknown }; finish_reason: string }[]; usage: unknown };
    assert.equal(body.object, 'chat.completion');
    assert.equal(body.choices[0]?.message.content, 'Bonjour.');
    assert.equal(body.choices[0]?.message.tool_calls, null);
    assert.deepEqual(body.usage, { prompt_tokens: 3, total_tokens: 5, completion_tokens: 2 });
    assert.equal(fake.requests.at(-1)?.vendor, 'mistral');
  });

  it('streams with usage on the last chunk without stream_options, then [DONE]', async () => {
    fake.enqueue({ text: 'abcdef', chunkSize: 3, usage: { inputTokens: 4, outputTokens: 1 } });
    const res = await post(chatUrl(), { model: 'm', messages: [{ role: 'user', content: 'x' }], stream: true }, bearer(KEYS.mistral));
    assert.match(res.headers.get('content-type') ?? '', /text\/event-stream/);
    const events = sseEvents(res.text);
    assert.equal(events.at(-1)?.data, '[DONE]');
    const chunks = events.slice(0, -1).map((e) => JSON.parse(e.data) as { choices: { delta: { content?: string }; finish_reason: string | null }[]; usage?: unknown });
    assert.equal(chunks.map((c) => c.choices[0]?.delta.content ?? '').join(''), 'abcdef');
    assert.equal(chunks.at(-1)?.choices[0]?.finish_reason, 'stop');
    assert.deepEqual(chunks.at(-1)?.usage, { prompt_tokens: 4, total_tokens: 5, completion_tokens: 1 });
    assert.ok(chunks.slice(0, -1).every((c) => c.usage === undefined));
  });

  it('sends tool calls whole in one chunk, with 9-character ids', async () => {
    fake.enqueue({ toolCalls: [{ name: 'get_weather', arguments: { city: 'Lyon' } }] });
    const res = await post(chatUrl(), { model: 'm', messages: [{ role: 'user', content: 'x' }], stream: true }, bearer(KEYS.mistral));
    const chunks = sseEvents(res.text)
      .filter((e) => e.data !== '[DONE]')
      .map((e) => JSON.parse(e.data) as { choices: { delta: { tool_calls?: { id: string; function: { name: string; arguments: string } }[] }; finish_reason: string | null }[] });
    const withCalls = chunks.filter((c) => c.choices[0]?.delta.tool_calls);
    assert.equal(withCalls.length, 1);
    const call = withCalls[0]?.choices[0]?.delta.tool_calls?.[0];
    assert.match(call?.id ?? '', /^[a-zA-Z0-9]{9}$/);
    assert.deepEqual(JSON.parse(call?.function.arguments ?? ''), { city: 'Lyon' });
    assert.equal(chunks.at(-1)?.choices[0]?.finish_reason, 'tool_calls');
  });

  it('rejects fields outside its schema (stream_options, seed) with a 422 extra_forbidden', async () => {
    fake.enqueue({ text: 'not used' });
    const res = await post(
      chatUrl(),
      { model: 'm', messages: [{ role: 'user', content: 'x' }], stream: true, stream_options: { include_usage: true }, seed: 1 },
      bearer(KEYS.mistral),
    );
    assert.equal(res.status, 422);
    const body = res.json as { object: string; message: { detail: { type: string; loc: string[] }[] }; type: string };
    assert.equal(body.object, 'error');
    assert.deepEqual(
      body.message.detail.map((d) => [d.type, d.loc.join('.')]),
      [
        ['extra_forbidden', 'body.stream_options'],
        ['extra_forbidden', 'body.seed'],
      ],
    );
    // A rejected request does not consume the queued reply.
    const ok = await post(chatUrl(), { model: 'm', messages: [{ role: 'user', content: 'x' }] }, bearer(KEYS.mistral));
    assert.equal((ok.json as { choices: { message: { content: string } }[] }).choices[0]?.message.content, 'not used');
  });

  it('serves embeddings (float and base64) and refuses a wrong key', async () => {
    const url = `${fake.mistralBaseUrl}/embeddings`;
    const floats = await post(url, { model: 'mistral-embed', input: ['a', 'b'] }, bearer(KEYS.mistral));
    const data = (floats.json as { data: { embedding: number[] }[] }).data;
    assert.equal(data.length, 2);
    assert.equal(data[0]?.embedding.length, 8);
    const b64 = await post(url, { model: 'mistral-embed', input: 'a', encoding_format: 'base64' }, bearer(KEYS.mistral));
    const encoded = (b64.json as { data: { embedding: string }[] }).data[0]?.embedding ?? '';
    const decoded = Array.from(new Float32Array(new Uint8Array(Buffer.from(encoded, 'base64')).buffer));
    assert.deepEqual(decoded, data[0]?.embedding);
    const denied = await post(url, { model: 'mistral-embed', input: 'a' }, bearer('nope'));
    assert.equal(denied.status, 401);
    assert.deepEqual(Object.keys(denied.json as object).sort(), ['message', 'request_id']);
  });

  it('answers errors as {"object":"error",...} with Retry-After', async () => {
    fake.enqueue({ error: { status: 429, message: 'Requests rate limit exceeded', retryAfter: 3 } });
    const res = await post(chatUrl(), { model: 'm', messages: [{ role: 'user', content: 'x' }] }, bearer(KEYS.mistral));
    assert.equal(res.status, 429);
    assert.equal(res.headers.get('retry-after'), '3');
    assert.deepEqual(res.json, { object: 'error', message: 'Requests rate limit exceeded', type: 'rate_limited', param: null, code: null });
  });
});

describe('Cohere v2 fake', () => {
  const chatUrl = (): string => `${fake.cohereBaseUrl}/v2/chat`;
  const messages = [{ role: 'user', content: 'Tell me about LLMs' }];

  it('answers /v2/chat with text content parts, upper-case finish_reason and usage', async () => {
    fake.enqueue({ text: 'LLMs are models.', usage: { inputTokens: 5, outputTokens: 4 } });
    const res = await post(chatUrl(), { model: 'command-a-03-2025', messages }, bearer(KEYS.cohere));
    assert.equal(res.status, 200);
    const body = res.json as Record<string, unknown>;
    assert.deepEqual(body.message, { role: 'assistant', content: [{ type: 'text', text: 'LLMs are models.' }] });
    assert.equal(body.finish_reason, 'COMPLETE');
    assert.deepEqual(body.usage, { billed_units: { input_tokens: 5, output_tokens: 4 }, tokens: { input_tokens: 5, output_tokens: 4 } });
    assert.match(String(body.id), /^[0-9a-f-]{36}$/);
  });

  it('puts text beside tool calls in tool_plan', async () => {
    fake.enqueue({ text: 'I will check.', toolCalls: [{ id: 'get_weather_1', name: 'get_weather', arguments: { city: 'Oslo' } }] });
    const res = await post(chatUrl(), { model: 'c', messages }, bearer(KEYS.cohere));
    const body = res.json as { message: Record<string, unknown>; finish_reason: string };
    assert.equal(body.finish_reason, 'TOOL_CALL');
    assert.equal(body.message.tool_plan, 'I will check.');
    assert.equal(body.message.content, undefined);
    assert.deepEqual(body.message.tool_calls, [{ id: 'get_weather_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } }]);
  });

  it('streams named events whose data repeat the type, ending with message-end', async () => {
    fake.enqueue({ text: 'abcdef', chunkSize: 3, usage: { inputTokens: 2, outputTokens: 2 } });
    const res = await post(chatUrl(), { model: 'c', messages, stream: true }, bearer(KEYS.cohere));
    const events = sseEvents(res.text);
    assert.deepEqual(
      events.map((e) => e.event ?? e.data),
      ['message-start', 'content-start', 'content-delta', 'content-delta', 'content-end', 'message-end', '[DONE]'],
    );
    for (const e of events.slice(0, -1)) assert.equal((JSON.parse(e.data) as { type: string }).type, e.event);
    const deltas = events.filter((e) => e.event === 'content-delta').map((e) => (JSON.parse(e.data) as { delta: { message: { content: { text: string } } } }).delta.message.content.text);
    assert.deepEqual(deltas, ['abc', 'def']);
    const end = JSON.parse(events[5]?.data ?? '{}') as { delta: { finish_reason: string; usage: { tokens: unknown } } };
    assert.equal(end.delta.finish_reason, 'COMPLETE');
    assert.deepEqual(end.delta.usage.tokens, { input_tokens: 2, output_tokens: 2 });
  });

  it('streams tool plans and tool calls (start with id and name, then argument deltas)', async () => {
    fake.enqueue({ text: 'Plan.', toolCalls: [{ name: 'lookup', arguments: { q: 'x' } }], chunkSize: 4 });
    const res = await post(chatUrl(), { model: 'c', messages, stream: true }, bearer(KEYS.cohere));
    const events = sseEvents(res.text);
    assert.deepEqual(
      events.map((e) => e.event ?? e.data),
      // `{"q":"x"}` is 9 characters: three argument deltas of 4.
      ['message-start', 'tool-plan-delta', 'tool-plan-delta', 'tool-call-start', 'tool-call-delta', 'tool-call-delta', 'tool-call-delta', 'tool-call-end', 'message-end', '[DONE]'],
    );
    const start = JSON.parse(events[3]?.data ?? '{}') as { index: number; delta: { message: { tool_calls: { id: string; function: { name: string; arguments: string } } } } };
    assert.equal(start.index, 0);
    assert.equal(start.delta.message.tool_calls.function.name, 'lookup');
    assert.match(start.delta.message.tool_calls.id, /^lookup_/);
    const args = events
      .filter((e) => e.event === 'tool-call-delta')
      .map((e) => (JSON.parse(e.data) as { delta: { message: { tool_calls: { function: { arguments: string } } } } }).delta.message.tool_calls.function.arguments)
      .join('');
    assert.deepEqual(JSON.parse(args), { q: 'x' });
    assert.equal((JSON.parse(events[8]?.data ?? '{}') as { delta: { finish_reason: string } }).delta.finish_reason, 'TOOL_CALL');
  });

  it('fails mid-stream with a message-end carrying the error', async () => {
    fake.enqueue({ text: 'abcdefghij', chunkSize: 2, streamError: { status: 500, message: 'internal failure' }, chunksBeforeError: 3 });
    const res = await post(chatUrl(), { model: 'c', messages, stream: true }, bearer(KEYS.cohere));
    const events = sseEvents(res.text);
    assert.equal(events.length, 4);
    assert.deepEqual(JSON.parse(events[3]?.data ?? ''), { type: 'message-end', delta: { error: 'internal failure', finish_reason: 'ERROR' } });
  });

  it('rejects unknown fields at any depth with Cohere\'s 422, and OpenAI roles with a 400', async () => {
    const strictTool = { type: 'function', function: { name: 'f', parameters: {}, strict: true } };
    const res = await post(chatUrl(), { model: 'c', messages, tools: [strictTool] }, bearer(KEYS.cohere));
    assert.equal(res.status, 422);
    assert.match((res.json as { message: string }).message, /^unknown field: parameter 'strict' is not a valid field/);
    const top = await post(chatUrl(), { model: 'c', messages, top_p: 0.5 }, bearer(KEYS.cohere));
    assert.equal(top.status, 422);
    const role = await post(chatUrl(), { model: 'c', messages: [{ role: 'developer', content: 'x' }] }, bearer(KEYS.cohere));
    assert.equal(role.status, 400);
    assert.deepEqual(Object.keys(role.json as object).sort(), ['id', 'message']);
  });

  it('embeds with /v2/embed (float and base64) and bills input tokens', async () => {
    const res = await post(
      `${fake.cohereBaseUrl}/v2/embed`,
      { model: 'embed-v4.0', texts: ['hello', 'good bye'], input_type: 'search_document', embedding_types: ['float', 'base64'] },
      bearer(KEYS.cohere),
    );
    assert.equal(res.status, 200);
    const body = res.json as { embeddings: { float: number[][]; base64: string[] }; texts: string[]; meta: { billed_units: { input_tokens: number } } };
    assert.equal(body.embeddings.float.length, 2);
    assert.deepEqual(body.texts, ['hello', 'good bye']);
    assert.equal(body.meta.billed_units.input_tokens, 3);
    const decoded = Array.from(new Float32Array(new Uint8Array(Buffer.from(body.embeddings.base64[1] ?? '', 'base64')).buffer));
    assert.deepEqual(decoded, body.embeddings.float[1]);
    const noType = await post(`${fake.cohereBaseUrl}/v2/embed`, { model: 'embed-v4.0', texts: ['x'] }, bearer(KEYS.cohere));
    assert.equal(noType.status, 400);
  });

  it('refuses a wrong key and sends Retry-After on 429, in {"id","message"} bodies', async () => {
    const denied = await post(chatUrl(), { model: 'c', messages }, bearer('wrong'));
    assert.equal(denied.status, 401);
    assert.equal((denied.json as { message: string }).message, 'invalid api token');
    fake.enqueue({ error: { status: 429, message: 'You are using a Trial key, which is limited to 10 API calls / minute.', retryAfter: 60 } });
    const limited = await post(chatUrl(), { model: 'c', messages }, bearer(KEYS.cohere));
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '60');
    assert.deepEqual(Object.keys(limited.json as object).sort(), ['id', 'message']);
  });
});

describe('MLflow model server fake', () => {
  it('answers text predictions, one per input, echoing by default', async () => {
    const res = await post(`${fake.mlflowServingUrl}/invocations`, { inputs: ['hi', 'there'], params: { temperature: 0.5 } }, bearer(KEYS['mlflow-serving']));
    assert.equal(res.status, 200);
    assert.deepEqual(res.json, { predictions: ['Echo: hi', 'Echo: there'] });
    const req = fake.requests.at(-1)!;
    assert.equal(req.vendor, 'mlflow-serving');
    assert.equal(req.operation, 'mlflow-serving.invocations');
    fake.enqueue({ text: 'fixed' });
    const fixed = await post(`${fake.mlflowServingUrl}/invocations`, { inputs: ['a'] }, bearer(KEYS['mlflow-serving']));
    assert.deepEqual(fixed.json, { predictions: ['fixed'] });
  });

  it('answers embedding vectors on the embeddings server', async () => {
    const res = await post(`${fake.mlflowServingEmbeddingsUrl}/invocations`, { inputs: ['a', 'b'] }, bearer(KEYS['mlflow-serving']));
    const predictions = (res.json as { predictions: number[][] }).predictions;
    assert.equal(predictions.length, 2);
    assert.ok(predictions.every((v) => v.length === 8 && v.every((x) => typeof x === 'number')));
    assert.equal(fake.requests.at(-1)?.operation, 'mlflow-serving.embeddings');
  });

  it('refuses a body without exactly one input field, as the scoring server does', async () => {
    const res = await post(`${fake.mlflowServingUrl}/invocations`, { inputs: ['a'], stream: false }, bearer(KEYS['mlflow-serving']));
    assert.equal(res.status, 400);
    const body = res.json as { error_code: string; message: string };
    assert.equal(body.error_code, 'BAD_REQUEST');
    assert.match(body.message, /exactly one of the input fields .* Received dictionary with input fields: \['inputs', 'stream'\]/);
  });

  it('answers raw bodies and errors with error_code and Retry-After', async () => {
    fake.enqueue({ rawBody: { outputs: [1] } }, { error: { status: 429, message: 'busy', retryAfter: 2 } });
    const raw = await post(`${fake.mlflowServingUrl}/invocations`, { inputs: ['a'] }, bearer(KEYS['mlflow-serving']));
    assert.deepEqual(raw.json, { outputs: [1] });
    const err = await post(`${fake.mlflowServingUrl}/invocations`, { inputs: ['a'] }, bearer(KEYS['mlflow-serving']));
    assert.equal(err.status, 429);
    assert.equal(err.headers.get('retry-after'), '2');
    assert.deepEqual(err.json, { error_code: 'REQUEST_LIMIT_EXCEEDED', message: 'busy' });
  });
});

describe('existing vendors', () => {
  it('send Retry-After on their errors too', async () => {
    fake.enqueue({ error: { status: 429, message: 'slow down', retryAfter: 5 } });
    const res = await post(`${fake.openaiBaseUrl}/chat/completions`, { model: 'gpt', messages: [{ role: 'user', content: 'x' }] }, bearer(KEYS.openai));
    assert.equal(res.status, 429);
    assert.equal(res.headers.get('retry-after'), '5');
  });
});
