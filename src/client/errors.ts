/**
 * The client's two failure types. A caller tells "the server said no" (MlflowApiError, with
 * MLflow's error_code) from "there is no server to talk to" (MlflowConnectionError): the first is
 * usually their request's fault, the second their configuration's.
 */

/** The server answered with an error status; `errorCode` is MLflow's code (e.g. RESOURCE_DOES_NOT_EXIST). */
export class MlflowApiError extends Error {
  readonly errorCode: string;
  readonly status: number;
  /** `METHOD /path` of the failed call (never the query string, which may carry user data). */
  readonly endpoint: string;
  constructor(errorCode: string, status: number, serverMessage: string, endpoint: string) {
    super(`${errorCode} (HTTP ${status}) from ${endpoint}: ${serverMessage}`);
    this.name = 'MlflowApiError';
    this.errorCode = errorCode;
    this.status = status;
    this.endpoint = endpoint;
  }
}

/** No usable HTTP answer: refused, reset, DNS failure or timeout, after all retries. */
export class MlflowConnectionError extends Error {
  readonly trackingUri: string;
  constructor(trackingUri: string, detail: string, options?: { cause?: unknown }) {
    super(
      `Could not reach the MLflow tracking server at ${trackingUri} (${detail}). ` +
        'Check MLFLOW_TRACKING_URI (or --tracking-uri) and that the server is running.',
      options,
    );
    this.name = 'MlflowConnectionError';
    this.trackingUri = trackingUri;
  }
}

/** Used when a non-MLflow answer (proxy HTML page, plain-text 503) carries no error_code. */
export function errorCodeForStatus(status: number): string {
  switch (status) {
    case 400:
      return 'BAD_REQUEST';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'PERMISSION_DENIED';
    case 404:
      return 'ENDPOINT_NOT_FOUND';
    case 405:
      return 'METHOD_NOT_ALLOWED';
    case 409:
      return 'RESOURCE_CONFLICT';
    case 429:
      return 'REQUEST_LIMIT_EXCEEDED';
    case 501:
      return 'NOT_IMPLEMENTED';
    case 503:
      return 'TEMPORARILY_UNAVAILABLE';
    case 504:
      return 'DEADLINE_EXCEEDED';
    default:
      return status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST';
  }
}
