/**
 * Backend-independent validation with MLflow's rules and messages (mlflow/utils/validation.py).
 * Every backend calls these before writing, so a rejected request never half-writes.
 */
import { MLFLOW_LIMITS, ENTITY_KEY_PATTERN, isPathSafeKey } from '../mlflow/limits.ts';
import { invalidParam } from '../mlflow/errors.ts';
import type { KeyValue, LogBatchInput, Metric } from './contract.ts';

const KEY_RULE =
  'Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), colon(:) and slashes (/).';

/**
 * Keys already found valid. A training loop logs the same few keys thousands of times, and
 * log-batch checks up to 1000 per request; bounded so arbitrary keys cannot grow it.
 */
const validKeys = new Set<string>();
const VALID_KEY_CACHE_SIZE = 10_000;

export function validateKey(key: string, what: 'Metric name' | 'Param name' | 'Tag name' | 'key'): void {
  if (validKeys.has(key)) return;
  checkKey(key, what);
  if (validKeys.size >= VALID_KEY_CACHE_SIZE) validKeys.clear();
  validKeys.add(key);
}

function checkKey(key: string, what: string): void {
  if (key === '' || key === undefined || key === null) {
    throw invalidParam(`Missing value for required parameter 'key'. See the API docs for more information about request parameters.`);
  }
  if (key.length > MLFLOW_LIMITS.maxEntityKeyLength) {
    throw invalidParam(`'${what}' exceeds the maximum length of ${MLFLOW_LIMITS.maxEntityKeyLength} characters`);
  }
  if (!ENTITY_KEY_PATTERN.test(key)) {
    throw invalidParam(`Invalid value ${JSON.stringify(key)} for parameter 'key' supplied: ${KEY_RULE}`);
  }
  if (!isPathSafeKey(key)) {
    throw invalidParam(
      `Invalid value ${JSON.stringify(key)} for parameter 'key' supplied: Names may be treated as files in certain cases, and must not resolve to other names when treated as such. This name would resolve to a different name.`,
    );
  }
}

/** MLflow truncates over-long param and run-tag values (MLFLOW_TRUNCATE_LONG_VALUES defaults to true). */
export function truncate(value: string, limit: number): string {
  return value.length > limit ? value.slice(0, limit) : value;
}

export function normalizeParam(p: KeyValue): KeyValue {
  validateKey(p.key, 'Param name');
  return { key: p.key, value: truncate(String(p.value ?? ''), MLFLOW_LIMITS.maxParamValueLength) };
}

export function normalizeRunTag(t: KeyValue): KeyValue {
  validateKey(t.key, 'Tag name');
  return { key: t.key, value: truncate(String(t.value ?? ''), MLFLOW_LIMITS.maxRunTagValueLength) };
}

export function validateMetric(m: Metric): void {
  validateKey(m.key, 'Metric name');
  if (typeof m.value !== 'number') {
    throw invalidParam(`Got invalid value ${String(m.value)} for metric '${m.key}' (timestamp=${m.timestamp}). Please specify value as a valid double (64-bit floating point)`);
  }
  if (!Number.isInteger(m.timestamp) || m.timestamp < 0) {
    throw invalidParam(`Got invalid timestamp ${String(m.timestamp)} for metric '${m.key}' (value=${m.value}). Timestamp must be a nonnegative long (64-bit integer)`);
  }
  if (!Number.isInteger(m.step)) {
    throw invalidParam(`Got invalid step ${String(m.step)} for metric '${m.key}' (value=${m.value}). Step must be a valid long (64-bit integer).`);
  }
}

export function validateExperimentName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || name === '') {
    throw invalidParam(`Missing value for required parameter 'name'. See the API docs for more information about request parameters.`);
  }
  if (name.length > MLFLOW_LIMITS.maxExperimentNameLength) {
    throw invalidParam(`'name' exceeds the maximum length of ${MLFLOW_LIMITS.maxExperimentNameLength} characters`);
  }
}

export function validateExperimentTag(t: KeyValue): void {
  validateKey(t.key, 'Tag name');
  if (String(t.value ?? '').length > MLFLOW_LIMITS.maxExperimentTagValueLength) {
    throw invalidParam(`'value' exceeds the maximum length of ${MLFLOW_LIMITS.maxExperimentTagValueLength} characters`);
  }
}

/** The whole batch is checked before anything is written: all or nothing. */
export function normalizeBatch(input: LogBatchInput): { metrics: Metric[]; params: KeyValue[]; tags: KeyValue[] } {
  const metrics = input.metrics ?? [];
  const params = input.params ?? [];
  const tags = input.tags ?? [];
  const L = MLFLOW_LIMITS.logBatch;
  if (metrics.length > L.maxMetrics) {
    throw invalidParam(
      `A batch logging request can contain at most ${L.maxMetrics} metrics. Got ${metrics.length} metrics. Please split up metrics across multiple requests and try again.`,
    );
  }
  if (params.length > L.maxParams) {
    throw invalidParam(
      `A batch logging request can contain at most ${L.maxParams} params. Got ${params.length} params. Please split up params across multiple requests and try again.`,
    );
  }
  if (tags.length > L.maxTags) {
    throw invalidParam(
      `A batch logging request can contain at most ${L.maxTags} tags. Got ${tags.length} tags. Please split up tags across multiple requests and try again.`,
    );
  }
  const total = metrics.length + params.length + tags.length;
  if (total > L.maxEntities) {
    throw invalidParam(
      `A batch logging request can contain at most ${L.maxEntities} total metrics, params and tags. Got ${total}. Please split up the request across multiple requests and try again.`,
    );
  }
  metrics.forEach(validateMetric);
  const normParams = params.map(normalizeParam);
  const seen = new Map<string, string>();
  for (const p of normParams) {
    const prev = seen.get(p.key);
    if (prev !== undefined && prev !== p.value) {
      throw invalidParam(`Duplicate parameter keys have been submitted: [${JSON.stringify(p.key)}]. Please ensure the request contains only one param value per param key.`);
    }
    seen.set(p.key, p.value);
  }
  return { metrics, params: normParams, tags: tags.map(normalizeRunTag) };
}
