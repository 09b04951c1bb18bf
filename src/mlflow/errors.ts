/**
 * MLflow's error codes and how the server maps them to HTTP statuses (mlflow/protos/databricks.proto,
 * handlers.catch_mlflow_exception). Pure data so the store, routes and client share one table.
 */
export const ERROR_STATUS = {
  INVALID_PARAMETER_VALUE: 400,
  BAD_REQUEST: 400,
  RESOURCE_ALREADY_EXISTS: 400,
  MALFORMED_REQUEST: 400,
  INVALID_STATE: 400,
  CUSTOMER_UNAUTHORIZED: 401,
  UNAUTHENTICATED: 401,
  PERMISSION_DENIED: 403,
  RESOURCE_DOES_NOT_EXIST: 404,
  NOT_FOUND: 404,
  ENDPOINT_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  ABORTED: 409,
  RESOURCE_CONFLICT: 409,
  ALREADY_EXISTS: 409,
  REQUEST_LIMIT_EXCEEDED: 429,
  RESOURCE_EXHAUSTED: 429,
  INTERNAL_ERROR: 500,
  DATA_LOSS: 500,
  NOT_IMPLEMENTED: 501,
  TEMPORARILY_UNAVAILABLE: 503,
  DEADLINE_EXCEEDED: 504,
} as const satisfies Record<string, number>;
// Deviation from MLflow (named in the transcript replay test): INVALID_STATE is a client's mistake
// (e.g. renaming a deleted experiment), so it is 400 here instead of MLflow's 500, which the
// Python client would retry seven times.

export type ErrorCode = keyof typeof ERROR_STATUS;

const SQLSTATE: Partial<Record<ErrorCode, readonly [sqlstate: string, errorClass: string]>> = {
  INVALID_PARAMETER_VALUE: ['KAM00', 'INVALID_PARAMETER_VALUE'],
  BAD_REQUEST: ['KAM00', 'INVALID_PARAMETER_VALUE'],
  MALFORMED_REQUEST: ['KAM00', 'INVALID_PARAMETER_VALUE'],
  RESOURCE_DOES_NOT_EXIST: ['KAM00', 'RESOURCE_NOT_FOUND'],
  NOT_FOUND: ['KAM00', 'RESOURCE_NOT_FOUND'],
  ENDPOINT_NOT_FOUND: ['KAM00', 'RESOURCE_NOT_FOUND'],
  RESOURCE_ALREADY_EXISTS: ['KAM00', 'RESOURCE_ALREADY_EXISTS'],
  PERMISSION_DENIED: ['KAM00', 'PERMISSION_DENIED'],
  INTERNAL_ERROR: ['XXM00', 'CLIENT_INTERNAL_ERROR'],
  INVALID_STATE: ['XXM00', 'CLIENT_INTERNAL_ERROR'],
  TEMPORARILY_UNAVAILABLE: ['XXM00', 'CLIENT_INTERNAL_ERROR'],
};

export interface MlflowErrorBody {
  error_code: string;
  message: string;
  sqlstate?: string;
  error_class?: string;
}

/** The one error type every layer throws; the HTTP layer turns it into MLflow's error JSON. */
export class MlflowError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MlflowError';
    this.code = code;
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
  toJSON(): MlflowErrorBody {
    const extra = SQLSTATE[this.code];
    return { error_code: this.code, message: this.message, ...(extra ? { sqlstate: extra[0], error_class: extra[1] } : {}) };
  }
}

export const invalidParam = (message: string): MlflowError => new MlflowError('INVALID_PARAMETER_VALUE', message);
export const notFound = (message: string): MlflowError => new MlflowError('RESOURCE_DOES_NOT_EXIST', message);
