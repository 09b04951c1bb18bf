/**
 * The gateway's one error type. Providers, routing and validation throw it with a kind and an
 * HTTP status; each front renders it in its own vendor's format (OpenAI's `error` object,
 * Anthropic's `type: error`, Gemini's `error.status`, MLflow's `error_code`), so a caller's SDK
 * raises its usual exception class.
 */

export type GatewayErrorKind =
  | 'invalid_request'
  | 'authentication'
  | 'permission'
  | 'not_found'
  | 'rate_limit'
  | 'upstream'
  | 'timeout'
  | 'unavailable'
  | 'not_implemented'
  | 'internal';

const DEFAULT_STATUS: Record<GatewayErrorKind, number> = {
  invalid_request: 400,
  authentication: 401,
  permission: 403,
  not_found: 404,
  rate_limit: 429,
  upstream: 502,
  timeout: 504,
  unavailable: 503,
  not_implemented: 501,
  internal: 500,
};

export interface GatewayErrorOptions {
  status?: number;
  /** Seconds, from an upstream `Retry-After` or our own limiter. */
  retryAfter?: number;
  /** Which provider answered, when the error came from upstream. */
  provider?: string;
  cause?: unknown;
}

export class GatewayError extends Error {
  readonly kind: GatewayErrorKind;
  readonly status: number;
  readonly retryAfter: number | undefined;
  readonly provider: string | undefined;
  constructor(kind: GatewayErrorKind, message: string, options: GatewayErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'GatewayError';
    this.kind = kind;
    this.status = options.status ?? DEFAULT_STATUS[kind];
    this.retryAfter = options.retryAfter;
    this.provider = options.provider;
  }
}

/** The kind an upstream HTTP status means, so a provider's 429 stays a 429 for the caller. */
export function kindForStatus(status: number): GatewayErrorKind {
  if (status === 400 || status === 404 || status === 409 || status === 413 || status === 422) return status === 404 ? 'not_found' : 'invalid_request';
  if (status === 401) return 'authentication';
  if (status === 403) return 'permission';
  if (status === 429) return 'rate_limit';
  if (status === 408 || status === 504) return 'timeout';
  if (status === 503 || status === 529) return 'unavailable';
  return 'upstream';
}

export function invalidRequest(message: string): GatewayError {
  return new GatewayError('invalid_request', message);
}

/** Any thrown value as a GatewayError; a non-gateway error is our bug and says so without details. */
export function asGatewayError(err: unknown): GatewayError {
  if (err instanceof GatewayError) return err;
  if (err instanceof Error && err.name === 'AbortError') return new GatewayError('unavailable', 'The request was cancelled.', { status: 499, cause: err });
  return new GatewayError('internal', 'The gateway failed while handling this request; see the gateway log.', { cause: err });
}
