/**
 * Splits a log-batch of any size into requests the server accepts (MLFLOW_LIMITS.logBatch):
 * count limits per kind and in total, and the raw body size limit, which long param and tag
 * values can reach well before the count limits do.
 */
import { MLFLOW_LIMITS } from '../mlflow/limits.ts';
import type { KeyValue } from '../store/contract.ts';
import { encodeJson } from './transport.ts';

/** A metric as the client sends it; the value may be NaN or ±Infinity. */
export interface WireMetric {
  key: string;
  value: number;
  timestamp: number;
  step: number;
}

export interface BatchChunk {
  metrics: WireMetric[];
  params: KeyValue[];
  tags: KeyValue[];
}

/** Room for `{"run_id":"…","metrics":[],"params":[],"tags":[]}` with a generous run id. */
const ENVELOPE_BYTES = 1024;

const itemBytes = (item: unknown): number => Buffer.byteLength(encodeJson(item)) + 1;

/**
 * Greedy packing: params first, then tags, then metrics fill what is left of each request. For
 * count-bound input this reaches the minimum number of requests, max(⌈m/1000⌉, ⌈p/100⌉, ⌈t/100⌉,
 * ⌈(m+p+t)/1000⌉), because params and tags are the scarcer kinds per request.
 */
export function splitLogBatch(
  input: { metrics?: readonly WireMetric[]; params?: readonly KeyValue[]; tags?: readonly KeyValue[] },
  limits: { maxMetrics: number; maxParams: number; maxTags: number; maxEntities: number; maxRequestBytes: number } = MLFLOW_LIMITS.logBatch,
): BatchChunk[] {
  const queues = {
    params: [...(input.params ?? [])],
    tags: [...(input.tags ?? [])],
    metrics: [...(input.metrics ?? [])],
  };
  const perKind = { params: limits.maxParams, tags: limits.maxTags, metrics: limits.maxMetrics };
  const byteBudget = limits.maxRequestBytes - ENVELOPE_BYTES;
  const chunks: BatchChunk[] = [];
  const cursor = { params: 0, tags: 0, metrics: 0 };

  while (cursor.params < queues.params.length || cursor.tags < queues.tags.length || cursor.metrics < queues.metrics.length) {
    const chunk: BatchChunk = { metrics: [], params: [], tags: [] };
    let entities = 0;
    let bytes = 0;
    for (const kind of ['params', 'tags', 'metrics'] as const) {
      const queue = queues[kind] as (KeyValue | WireMetric)[];
      const target = chunk[kind] as (KeyValue | WireMetric)[];
      while (cursor[kind] < queue.length && target.length < perKind[kind] && entities < limits.maxEntities) {
        const item = queue[cursor[kind]]!;
        const size = itemBytes(item);
        // An empty request always takes one item, so an oversized one reaches the server's own error.
        if (bytes + size > byteBudget && entities > 0) break;
        target.push(item);
        cursor[kind]++;
        entities++;
        bytes += size;
      }
    }
    chunks.push(chunk);
  }
  return chunks;
}
