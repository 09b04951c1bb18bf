/**
 * MLflow's own gateway wire format: the unified schemas with a `provider` field, streams as
 * `data: <chunk>` events with no `[DONE]` terminator (gateway/utils.make_streaming_response), and
 * errors as MLflow's `{error_code, message}` JSON. The unified schemas are OpenAI's Chat
 * Completions shapes, so the OpenAI-style routes render with the same pieces plus OpenAI's error
 * object and `[DONE]`.
 */
import type { z } from 'zod';
import { GatewayError, type GatewayErrorKind } from '../errors.ts';
import type { SseEvent } from '../upstream.ts';

const MLFLOW_ERROR_CODE: Record<GatewayErrorKind, string> = {
  invalid_request: 'INVALID_PARAMETER_VALUE',
  authentication: 'UNAUTHENTICATED',
  permission: 'PERMISSION_DENIED',
  not_found: 'RESOURCE_DOES_NOT_EXIST',
  rate_limit: 'REQUEST_LIMIT_EXCEEDED',
  upstream: 'INTERNAL_ERROR',
  timeout: 'DEADLINE_EXCEEDED',
  unavailable: 'TEMPORARILY_UNAVAILABLE',
  not_implemented: 'NOT_IMPLEMENTED',
  internal: 'INTERNAL_ERROR',
};

export function mlflowErrorBody(error: GatewayError): { error_code: string; message: string } {
  return { error_code: MLFLOW_ERROR_CODE[error.kind], message: error.message };
}

/** A chunk stream as `data:` events; `done` appends OpenAI's `[DONE]` sentinel. */
export async function* dataEvents(chunks: AsyncIterable<object>, extra: Record<string, unknown>, errorBody: (e: GatewayError) => unknown, done: boolean): AsyncIterable<SseEvent> {
  try {
    for await (const chunk of chunks) yield { data: JSON.stringify({ ...chunk, ...extra }) };
  } catch (err) {
    // Headers are gone: the only way left to tell the caller is an in-band error event.
    yield { data: JSON.stringify(errorBody(err instanceof GatewayError ? err : new GatewayError('internal', 'The stream failed; see the gateway log.', { cause: err }))) };
    return;
  }
  if (done) yield { data: '[DONE]' };
}

/** zod's first issue as a caller-facing message naming the field. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body, { reportInput: true });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = issue.path.length ? issue.path.join('.') : 'body';
  const missing = issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined;
  throw new GatewayError('invalid_request', missing ? `Invalid request: '${path}' is required.` : `Invalid request: '${path}': ${issue.message}.`);
}
