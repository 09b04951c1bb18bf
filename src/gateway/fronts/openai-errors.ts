/**
 * OpenAI's error body, shared by every OpenAI-shaped route (chat completions, completions,
 * embeddings, Responses, MLflow's mlflow/v1): the `openai` SDK picks its exception class from the
 * HTTP status and shows `error.message`.
 */
import type { GatewayError, GatewayErrorKind } from '../errors.ts';

const ERROR_TYPE: Record<GatewayErrorKind, string> = {
  invalid_request: 'invalid_request_error',
  authentication: 'authentication_error',
  permission: 'permission_error',
  not_found: 'not_found_error',
  rate_limit: 'rate_limit_error',
  upstream: 'api_error',
  timeout: 'timeout_error',
  unavailable: 'service_unavailable_error',
  not_implemented: 'not_implemented_error',
  internal: 'server_error',
};

/** OpenAI's machine codes where one fits; OpenAI itself sends `null` for most errors. */
const ERROR_CODE: Partial<Record<GatewayErrorKind, string>> = {
  rate_limit: 'rate_limit_exceeded',
  timeout: 'timeout',
  unavailable: 'service_unavailable',
};

/**
 * OpenAI's error body, `{error: {message, type, param, code}}`. The SDK picks its exception class
 * from the HTTP status and shows `message`, so the message is the gateway's own, already free of
 * secrets.
 */
export function openaiErrorBody(error: GatewayError): { error: { message: string; type: string; param: null; code: string | null } } {
  return { error: { message: error.message, type: ERROR_TYPE[error.kind], param: null, code: ERROR_CODE[error.kind] ?? null } };
}
