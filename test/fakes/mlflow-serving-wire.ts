/**
 * An MLflow model server's scoring protocol (`mlflow models serve`, `POST /invocations`): a body with
 * exactly one input field (`inputs`, `instances`, `dataframe_split`, `dataframe_records`) and
 * optional `params`, answered as `{"predictions": [...]}`; errors are
 * `{"error_code": "BAD_REQUEST", "message": ...}`. The fake serves two models: a text model
 * (`/mlflow-serving/invocations`, one string per input) and an embeddings model
 * (`/mlflow-serving-embeddings/invocations`, one float vector per input). Model servers cannot stream.
 */
import { fakeEmbedding, replyText, type FakeError, type RenderContext } from './llm-types.ts';

const INPUT_FIELDS = ['dataframe_split', 'dataframe_records', 'instances', 'inputs'];

export function mlflowServingErrorCode(status: number): string {
  switch (status) {
    case 400:
      return 'BAD_REQUEST';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'PERMISSION_DENIED';
    case 404:
      return 'RESOURCE_DOES_NOT_EXIST';
    case 429:
      return 'REQUEST_LIMIT_EXCEEDED';
    case 503:
      return 'TEMPORARILY_UNAVAILABLE';
    default:
      return status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST';
  }
}

export function mlflowServingErrorBody(err: FakeError): unknown {
  return { error_code: err.type ?? mlflowServingErrorCode(err.status), message: err.message };
}

/** The scoring server's answer to a body without exactly one input field; undefined when valid. */
export function mlflowServingRequestError(body: Record<string, unknown>): FakeError | undefined {
  const fields = Object.keys(body).filter((k) => k !== 'params');
  if (fields.length === 1 && INPUT_FIELDS.includes(fields[0] ?? '')) {
    if (body.params !== undefined && (body.params === null || typeof body.params !== 'object' || Array.isArray(body.params))) {
      return { status: 400, message: `Invalid params: params must be a JSON object, got ${JSON.stringify(body.params)}.` };
    }
    return undefined;
  }
  const inputs = `{${INPUT_FIELDS.map((f) => `'${f}'`).join(', ')}}`;
  return {
    status: 400,
    message: `Invalid input. The input must be a JSON dictionary with exactly one of the input fields ${inputs}. Received dictionary with input fields: [${fields.map((f) => `'${f}'`).join(', ')}].`,
  };
}

function inputs(body: Record<string, unknown>): unknown[] {
  const data = body.inputs ?? body.instances;
  return Array.isArray(data) ? data : data === undefined ? [] : [data];
}

function asText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function mlflowServingInputText(body: Record<string, unknown>): string {
  return inputs(body).map(asText).join(' ');
}

export function mlflowServingPredictions(ctx: RenderContext): unknown {
  const body = ctx.request.body;
  if (ctx.request.operation === 'mlflow-serving.embeddings') {
    const params = (body.params ?? {}) as { dimensions?: unknown };
    const dims = typeof params.dimensions === 'number' ? params.dimensions : 8;
    return { predictions: inputs(body).map((x) => fakeEmbedding(asText(x), dims)) };
  }
  return { predictions: inputs(body).map((x) => (ctx.reply.text !== undefined ? replyText(ctx) : `Echo: ${asText(x)}`)) };
}
