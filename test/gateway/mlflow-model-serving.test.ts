/**
 * The MLflow model-serving provider against a fake MLflow model server: the `/invocations`
 * payloads MLflow's MlflowModelServingProvider sends (`inputs` always a list, `params` only when
 * set), the prediction shapes it reads, and its exact error messages and statuses.
 */
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mlflowModelServingProvider } from '../../src/gateway/providers/mlflow-model-serving.ts';
import type { Provider } from '../../src/gateway/providers/provider.ts';
import { Upstream } from '../../src/gateway/upstream.ts';
import { GatewayError } from '../../src/gateway/errors.ts';
import { startFakeLlmUpstreams, type FakeLlmUpstreams } from '../fakes/llm-upstreams.ts';

let fake: FakeLlmUpstreams;
let upstream: Upstream;
const signal = new AbortController().signal;

before(async () => {
  fake = await startFakeLlmUpstreams();
  upstream = new Upstream();
});
after(async () => {
  await upstream.close();
  await fake.close();
});
beforeEach(() => fake.reset());

function serving(url = fake.mlflowServingUrl): Provider {
  const config = mlflowModelServingProvider.configSchema.parse({ model_server_url: url });
  return mlflowModelServingProvider.create({ endpoint: 'ep', endpointType: 'llm/v1/chat', model: 'my-model', config, upstream });
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

async function gatewayError(p: Promise<unknown>): Promise<GatewayError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof GatewayError, `expected a GatewayError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected the call to fail');
}

describe('mlflow-model-serving provider: config', () => {
  it('takes MLflow\'s model_server_url only', () => {
    assert.equal(mlflowModelServingProvider.configSchema.safeParse({ model_server_url: 'http://localhost:5001' }).success, true);
    assert.equal(mlflowModelServingProvider.configSchema.safeParse({}).success, false);
    assert.equal(mlflowModelServingProvider.configSchema.safeParse({ model_server_url: 'http://x', mlflow_model_serving_api_base: 'http://y' }).success, false);
    assert.deepEqual(mlflowModelServingProvider.endpointTypes, ['llm/v1/chat', 'llm/v1/completions', 'llm/v1/embeddings']);
  });
});

describe('mlflow-model-serving provider: completions', () => {
  it('posts {"inputs": [prompt], "params": {...}} to /invocations and reads string predictions', async () => {
    const res = await serving(`${fake.mlflowServingUrl}/`).completions(
      { prompt: 'hello', temperature: 0.5, max_tokens: 10, stop: ['x'], model: 'caller', stream: false, stream_options: null, top_k: 3 },
      { signal },
    );
    const sent = fake.requests[0]!;
    assert.equal(sent.path, '/mlflow-serving/invocations');
    assert.deepEqual(sent.body, { inputs: ['hello'], params: { temperature: 0.5, max_tokens: 10, stop: ['x'], top_k: 3 } });
    assert.equal(res.object, 'text_completion');
    assert.equal(res.model, 'my-model');
    assert.deepEqual(res.choices, [{ index: 0, text: 'Echo: hello', finish_reason: null }]);
    assert.deepEqual(res.usage, { prompt_tokens: null, completion_tokens: null, total_tokens: null });
  });

  it('sends no params key when no parameter is set', async () => {
    await serving().completions({ prompt: 'plain' }, { signal });
    assert.deepEqual(fake.requests[0]!.body, { inputs: ['plain'] });
  });

  it('reads a one-key dict and a dict with choices, as MLflow does', async () => {
    fake.enqueue({ rawBody: { predictions: { candidates: ['a', 'b'] } } }, { rawBody: { predictions: { choices: ['c'], other: 1 } } });
    const one = await serving().completions({ prompt: 'x' }, { signal });
    assert.deepEqual(one.choices.map((c) => c.text), ['a', 'b']);
    const withChoices = await serving().completions({ prompt: 'x' }, { signal });
    assert.deepEqual(withChoices.choices.map((c) => c.text), ['c']);
  });

  it('streams one chunk with the text, then the finish chunk with usage', async () => {
    const chunks = await collect(serving().completionsStream({ prompt: 'stream me', stream: true }, { signal }));
    assert.deepEqual(fake.requests[0]!.body, { inputs: ['stream me'] });
    assert.equal(chunks.length, 2);
    assert.equal(chunks[0]!.object, 'text_completion_chunk');
    assert.deepEqual(chunks[0]!.choices, [{ index: 0, text: 'Echo: stream me', finish_reason: null }]);
    assert.deepEqual(chunks[1]!.choices, [{ index: 0, text: '', finish_reason: 'stop' }]);
    assert.deepEqual(chunks[1]!.usage, { prompt_tokens: null, completion_tokens: null, total_tokens: null });
  });
});

describe('mlflow-model-serving provider: chat', () => {
  it('sends the one message\'s content as the input and answers assistant messages', async () => {
    const res = await serving().chat({ messages: [{ role: 'user', content: 'What is MLflow?' }], temperature: 0.1, n: 1 }, { signal });
    assert.deepEqual(fake.requests[0]!.body, { inputs: ['What is MLflow?'], params: { temperature: 0.1, n: 1 } });
    assert.equal(res.object, 'chat.completion');
    assert.equal(res.model, 'my-model');
    assert.deepEqual(res.choices, [{ index: 0, message: { role: 'assistant', content: 'Echo: What is MLflow?' }, finish_reason: null }]);
    assert.deepEqual(res.usage, { prompt_tokens: null, completion_tokens: null, total_tokens: null });
  });

  it('refuses more than one message with MLflow\'s 422 and message, without calling the server', async () => {
    const err = await gatewayError(
      serving().chat(
        {
          messages: [
            { role: 'system', content: 'Be brief.' },
            { role: 'user', content: 'hi' },
            { role: 'user', content: 'again' },
          ],
        },
        { signal },
      ),
    );
    assert.equal(err.status, 422);
    assert.equal(err.message, 'MLflow chat models are only capable of processing a single query at a time. The request submitted consists of 3 queries.');
    assert.equal(fake.requests.length, 0);
  });

  it('streams a whole answer as chunks', async () => {
    const chunks = await collect(serving().chatStream({ messages: [{ role: 'user', content: 'hi' }], stream: true }, { signal }));
    assert.equal(chunks.map((c) => c.choices[0]?.delta.content ?? '').join(''), 'Echo: hi');
    assert.equal(chunks.at(-1)!.choices[0]!.finish_reason, 'stop');
    assert.deepEqual(fake.requests[0]!.body, { inputs: ['hi'] });
  });
});

describe('mlflow-model-serving provider: embeddings', () => {
  it('posts {"inputs": [...texts]} and reads float vectors, in both encodings', async () => {
    const p = serving(fake.mlflowServingEmbeddingsUrl);
    const res = await p.embeddings({ input: ['a', 'b'], encoding_format: 'float' }, { signal });
    assert.deepEqual(fake.requests[0]!.body, { inputs: ['a', 'b'] });
    assert.equal(fake.requests[0]!.path, '/mlflow-serving-embeddings/invocations');
    assert.equal(res.data.length, 2);
    assert.equal(res.model, 'my-model');
    assert.deepEqual(res.usage, { prompt_tokens: null, total_tokens: null });
    const b64 = await p.embeddings({ input: 'a', encoding_format: 'base64' }, { signal });
    assert.deepEqual(fake.requests[1]!.body, { inputs: ['a'] }, 'encoding_format is the gateway\'s business, not a model param');
    const decoded = Array.from(new Float32Array(new Uint8Array(Buffer.from(b64.data[0]!.embedding as string, 'base64')).buffer));
    assert.deepEqual(decoded, res.data[0]!.embedding);
  });

  it('takes a flat vector as one embedding and passes other fields as params', async () => {
    fake.enqueue({ rawBody: { predictions: [0.5, -0.25] } });
    const res = await serving(fake.mlflowServingEmbeddingsUrl).embeddings({ input: 'x', dimensions: 2 }, { signal });
    assert.deepEqual(fake.requests[0]!.body, { inputs: ['x'], params: { dimensions: 2 } });
    assert.deepEqual(res.data, [{ object: 'embedding', embedding: [0.5, -0.25], index: 0 }]);
  });
});

describe('mlflow-model-serving provider: errors (MLflow\'s messages)', () => {
  const cases: [string, unknown, RegExp | string][] = [
    ['a response without predictions', { outputs: ['x'] }, 'The response is missing the required key: predictions.'],
    ['an empty prediction list', { predictions: [] }, /The input list is empty$/],
    ['a dict with several keys and no choices', { predictions: { a: ['x'], b: ['y'] } }, /The dict format is invalid for this route type\. Ensure the served model returns a dict key containing 'choices'$/],
    ['an empty choices list', { predictions: { choices: [], other: 1 } }, /The input list is empty$/],
    ['non-string predictions', { predictions: [1, 2] }, /expected a list of strings/],
  ];
  for (const [what, body, message] of cases) {
    it(`answers 502 for ${what}`, async () => {
      fake.enqueue({ rawBody: body });
      const err = await gatewayError(serving().completions({ prompt: 'x' }, { signal }));
      assert.equal(err.status, 502);
      if (typeof message === 'string') assert.equal(err.message, message);
      else assert.match(err.message, message);
    });
  }

  it('answers 502 for embeddings that are all empty lists, or not vectors', async () => {
    fake.enqueue({ rawBody: { predictions: [[], []] } }, { rawBody: { predictions: ['a'] } });
    const empty = await gatewayError(serving(fake.mlflowServingEmbeddingsUrl).embeddings({ input: ['a', 'b'] }, { signal }));
    assert.equal(empty.status, 502);
    assert.match(empty.message, /One or more lists in the returned prediction response are empty$/);
    const strings = await gatewayError(serving(fake.mlflowServingEmbeddingsUrl).embeddings({ input: 'a' }, { signal }));
    assert.equal(strings.status, 502);
  });

  it('keeps the model server\'s status and message, and a 429\'s Retry-After', async () => {
    fake.enqueue({ error: { status: 429, message: 'too many requests', retryAfter: 4 } });
    const limited = await gatewayError(serving().completions({ prompt: 'x' }, { signal }));
    assert.equal(limited.status, 429);
    assert.equal(limited.kind, 'rate_limit');
    assert.equal(limited.retryAfter, 4);
    assert.equal(limited.provider, 'mlflow-model-serving');
    fake.enqueue({ error: { status: 400, message: 'Incompatible input types for column prompt.' } });
    const bad = await gatewayError(serving().chat({ messages: [{ role: 'user', content: 'x' }] }, { signal }));
    assert.equal(bad.status, 400);
    assert.match(bad.message, /Incompatible input types for column prompt\./);
  });

  it('reports an unreachable server as unavailable, naming the URL to check', async () => {
    const err = await gatewayError(serving('http://127.0.0.1:9').completions({ prompt: 'x' }, { signal }));
    assert.equal(err.status, 502);
    assert.match(err.message, /Could not reach mlflow-model-serving at http:\/\/127\.0\.0\.1:9\/invocations/);
  });
});
