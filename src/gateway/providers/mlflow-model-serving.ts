/**
 * A model served by MLflow (`mlflow models serve`, or any server speaking MLflow's scoring
 * protocol): `POST <model_server_url>/invocations` with `{"inputs": [...], "params": {...}}`,
 * answered `{"predictions": [...]}`. This mirrors MLflow's MlflowModelServingProvider: the same
 * payloads, the same ways of reading predictions (a list of strings, a one-key dict, or a dict
 * with `choices`), and the same error messages and statuses, so an endpoint moved from MLflow's
 * gateway behaves the same here.
 *
 * The only base-URL key is MLflow's `model_server_url` (not `<provider>_api_base`): it names the
 * server, whose one route is `/invocations`. Model servers cannot stream; a streaming request is
 * answered from one call, replayed as chunks (MLflow answers 501 there instead).
 */
import { z } from 'zod';
import { GatewayError } from '../errors.ts';
import type {
  ChatRequest,
  ChatResponse,
  CompletionsChunk,
  CompletionsRequest,
  CompletionsResponse,
  EmbeddingsRequest,
  EmbeddingsResponse,
} from '../schemas.ts';
import type { Upstream } from '../upstream.ts';
import { defineProvider, type Provider, type ProviderCall } from './provider.ts';
import { chatStreamViaChat, embeddingsResponse, newId, nowSeconds, usageOf } from './shared.ts';

const NAME = 'mlflow-model-serving';

const configSchema = z.strictObject({ model_server_url: z.url() });
type ServingConfig = z.output<typeof configSchema>;

/**
 * Request fields that are not model parameters: the input itself, the endpoint's model, and the
 * streaming switches (streams are replayed here, not asked of the server). `encoding_format` is
 * honoured by the gateway (base64 is encoded here), so the model never sees it.
 */
const NOT_PARAMS = new Set(['stream', 'stream_options', 'model', 'encoding_format']);

/** MLflow's payload: `inputs` always a list, `params` only when some field is set (None fields dropped). */
export function servingPayload(request: Record<string, unknown>, inputKey: string): { inputs: unknown[]; params?: Record<string, unknown> } {
  const params: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(request)) {
    if (k === inputKey || NOT_PARAMS.has(k) || v === undefined || v === null) continue;
    params[k] = v;
  }
  const input = request[inputKey];
  const inputs = Array.isArray(input) ? input : [input];
  return Object.keys(params).length ? { inputs, params } : { inputs };
}

/** MLflow's answer to a response it cannot read: 502 with the reason. */
function invalidResponse(reason: string): GatewayError {
  return new GatewayError('upstream', `The model server's response is invalid: predictions: ${reason}`, { status: 502, provider: NAME });
}

function preview(value: unknown): string {
  const json = JSON.stringify(value);
  return json === undefined ? String(value) : json.length > 200 ? `${json.slice(0, 200)}...` : json;
}

/** `predictions`, or MLflow's 502 when the key is missing. */
function predictionsOf(body: unknown): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body) || !('predictions' in body)) {
    throw new GatewayError('upstream', 'The response is missing the required key: predictions.', { status: 502, provider: NAME });
  }
  return body.predictions;
}

const textPredictionsSchema = z.array(z.string());
const vectorsSchema = z.array(z.array(z.number()));

/**
 * Text predictions as MLflow reads them: a list of strings; or a dict with one key (its value);
 * or a dict with `choices` (that value). Empty lists are refused.
 */
export function readTextPredictions(body: unknown): string[] {
  let predictions = predictionsOf(body);
  if (Array.isArray(predictions) && predictions.length === 0) throw invalidResponse('The input list is empty');
  if (predictions !== null && typeof predictions === 'object' && !Array.isArray(predictions)) {
    const dict = predictions as Record<string, unknown>;
    const keys = Object.keys(dict);
    if (!keys.includes('choices') && keys.length > 1) {
      throw invalidResponse("The dict format is invalid for this route type. Ensure the served model returns a dict key containing 'choices'");
    }
    predictions = keys.length === 1 ? dict[keys[0]!] : 'choices' in dict ? dict.choices : dict;
    if (isEmpty(predictions)) throw invalidResponse('The input list is empty');
  }
  const parsed = textPredictionsSchema.safeParse(predictions);
  if (!parsed.success) throw invalidResponse(`expected a list of strings, got ${preview(predictions)}`);
  return parsed.data;
}

/** Python's falsiness for the values a JSON dict can hold. */
function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value).length === 0;
}

/** Embedding predictions as MLflow reads them: a list of vectors, or one flat vector. */
export function readVectorPredictions(body: unknown): number[][] {
  const predictions = predictionsOf(body);
  if (Array.isArray(predictions)) {
    if (predictions.length === 0) throw invalidResponse('The input list is empty');
    if (predictions.every((p) => Array.isArray(p) && p.length === 0)) throw invalidResponse('One or more lists in the returned prediction response are empty');
    if (predictions.every((p) => typeof p === 'number')) return [predictions];
  }
  const parsed = vectorsSchema.safeParse(predictions);
  if (!parsed.success) throw invalidResponse(`expected a list of float vectors, got ${preview(predictions)}`);
  return parsed.data;
}

class MlflowModelServingProvider implements Provider {
  readonly name = NAME;
  readonly model: string;
  private readonly url: string;
  private readonly upstream: Upstream;

  constructor(model: string, config: ServingConfig, upstream: Upstream) {
    this.model = model;
    this.url = `${config.model_server_url.replace(/\/+$/, '')}/invocations`;
    this.upstream = upstream;
  }

  readonly chatStream = chatStreamViaChat((r, c) => this.chat(r, c));

  private async invoke(payload: unknown, call: ProviderCall): Promise<unknown> {
    const { body } = await this.upstream.json(NAME, { url: this.url, body: payload, signal: call.signal, timeoutMs: call.timeoutMs });
    return body;
  }

  async chat(request: ChatRequest, call: ProviderCall): Promise<ChatResponse> {
    const payload = servingPayload(request, 'messages');
    if (payload.inputs.length > 1) {
      throw new GatewayError(
        'invalid_request',
        `MLflow chat models are only capable of processing a single query at a time. The request submitted consists of ${payload.inputs.length} queries.`,
        { status: 422 },
      );
    }
    const content = request.messages[0]?.content;
    if (content === undefined || content === null) {
      throw new GatewayError('invalid_request', 'The message has no "content"; MLflow chat models take one message with content.');
    }
    const predictions = readTextPredictions(await this.invoke({ ...payload, inputs: [content] }, call));
    return {
      id: newId('chatcmpl'),
      object: 'chat.completion',
      created: nowSeconds(),
      model: this.model,
      choices: predictions.map((text, index) => ({ index, message: { role: 'assistant', content: text }, finish_reason: null })),
      usage: usageOf(null, null),
    };
  }

  async completions(request: CompletionsRequest, call: ProviderCall): Promise<CompletionsResponse> {
    const predictions = readTextPredictions(await this.invoke(servingPayload(request, 'prompt'), call));
    return {
      id: newId('cmpl'),
      object: 'text_completion',
      created: nowSeconds(),
      model: this.model,
      choices: predictions.map((text, index) => ({ index, text, finish_reason: null })),
      usage: usageOf(null, null),
    };
  }

  async *completionsStream(request: CompletionsRequest, call: ProviderCall): AsyncIterable<CompletionsChunk> {
    const response = await this.completions({ ...request, stream: false }, call);
    const base = { id: response.id, object: 'text_completion_chunk' as const, created: response.created, model: response.model };
    yield { ...base, choices: response.choices.map((c) => ({ index: c.index, text: c.text, finish_reason: null })) };
    yield { ...base, choices: response.choices.map((c) => ({ index: c.index, text: '', finish_reason: c.finish_reason ?? 'stop' })), usage: response.usage };
  }

  async embeddings(request: EmbeddingsRequest, call: ProviderCall): Promise<EmbeddingsResponse> {
    const vectors = readVectorPredictions(await this.invoke(servingPayload(request, 'input'), call));
    return embeddingsResponse(vectors, request, this.model, null);
  }
}

export const mlflowModelServingProvider = defineProvider({
  name: NAME,
  configSchema,
  endpointTypes: ['llm/v1/chat', 'llm/v1/completions', 'llm/v1/embeddings'],
  create: ({ model, config, upstream }) => new MlflowModelServingProvider(model, config, upstream),
});
