/**
 * Offset page tokens in MLflow's SQL-store format: base64 of Python's `json.dumps({"offset": N})`,
 * so a token from a real server keeps working here and clients that decode it see the same thing.
 */
import { MlflowError } from '../../mlflow/errors.ts';

/** `{"offset": 1}` → `eyJvZmZzZXQiOiAxfQ==` (Python's json.dumps puts a space after the colon). */
export function encodePageToken(offset: number): string {
  if (!Number.isSafeInteger(offset) || offset < 0) throw new RangeError(`page offset must be a non-negative integer, got ${offset}`);
  return Buffer.from(`{"offset": ${offset}}`, 'utf8').toString('base64');
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

const invalid = (token: string, why: string): MlflowError =>
  new MlflowError('INVALID_PARAMETER_VALUE', `Invalid page token '${token}': ${why}`);

/**
 * The offset a token encodes; no token (or an empty one) is offset 0. Node's base64 decoder
 * silently skips garbage, so the alphabet and padding are checked first.
 */
export function decodePageToken(token: string | undefined): number {
  if (token === undefined || token === '') return 0;
  if (!BASE64.test(token)) throw invalid(token, 'could not base64-decode');
  const decoded = Buffer.from(token, 'base64').toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(decoded);
  } catch {
    throw invalid(token, `decoded value=${decoded} is not JSON`);
  }
  const offset = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>).offset : undefined;
  // Python's int() also accepts a decimal string, so MLflow does too.
  const n = typeof offset === 'string' && /^\s*\d+\s*$/.test(offset) ? Number(offset) : offset;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
    throw invalid(token, `parsed value=${decoded} does not hold a non-negative integer "offset"`);
  }
  return n;
}
