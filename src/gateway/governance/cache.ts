/**
 * The opt-in exact-match response cache: a non-streaming answer is reused for a byte-for-byte
 * identical request (after canonical JSON) to the same endpoint and operation within its TTL.
 *
 * Each endpoint has its own LRU partition bounded by its `max_entries`, so a busy endpoint cannot
 * evict a quiet one's entries. Keys are `<endpoint>:<sha256>`; endpoint names cannot contain `:`.
 * Values are cloned going in and coming out, so a front that decorates a cached response (an
 * extra field, a new id) never alters what the next caller gets.
 */
import { createHash } from 'node:crypto';
import type { CacheConfig } from '../config.ts';

export interface ResponseCacheOptions {
  /** Milliseconds; tests pass a fake clock. */
  now?: () => number;
}

export interface CacheStats {
  hits: number;
  misses: number;
  /** Entries held now, over all endpoints (expired ones count until they are next looked at). */
  size: number;
}

/** Fields that change how an answer is delivered or attributed, not what it says. */
const IGNORED_FIELDS = new Set(['stream', 'stream_options', 'user']);

interface Entry {
  value: unknown;
  storedAt: number;
}

/**
 * JSON with every object's keys sorted, undefined members dropped as JSON.stringify does: the same
 * value gives the same text whatever order its keys were written in.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const o = v as Record<string, unknown>;
    // Null prototype: a `__proto__` member must stay data, not become the copy's prototype.
    const sorted = Object.create(null) as Record<string, unknown>;
    for (const k of Object.keys(o).sort()) sorted[k] = o[k];
    return sorted;
  }) ?? 'undefined';
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export class ResponseCache {
  readonly #now: () => number;
  /** endpoint → (key → entry), each Map in least- to most-recently-used order. */
  readonly #partitions = new Map<string, Map<string, Entry>>();
  #hits = 0;
  #misses = 0;

  constructor(options: ResponseCacheOptions = {}) {
    this.#now = options.now ?? (() => performance.now());
  }

  /** The cache key of a request; `stream`, `stream_options` and `user` do not take part. */
  key(endpoint: string, operation: string, request: unknown): string {
    let relevant = request;
    if (request !== null && typeof request === 'object' && !Array.isArray(request)) {
      const copy: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(request)) if (!IGNORED_FIELDS.has(k)) copy[k] = v;
      relevant = copy;
    }
    return `${endpoint}:${sha256Hex(canonicalJson({ operation, request: relevant }))}`;
  }

  /** A copy of the cached value, or undefined when absent or older than `config.ttl_seconds`. */
  get(key: string, config: CacheConfig): unknown {
    const partition = this.#partitions.get(partitionOf(key));
    const entry = partition?.get(key);
    if (!partition || !entry) {
      this.#misses++;
      return undefined;
    }
    partition.delete(key);
    if (this.#now() - entry.storedAt >= config.ttl_seconds * 1000) {
      this.#misses++;
      return undefined;
    }
    partition.set(key, entry);
    this.#hits++;
    return structuredClone(entry.value);
  }

  /** Stores a copy of `value`, evicting the endpoint's least recently used entries beyond `config.max_entries`. */
  set(key: string, value: unknown, config: CacheConfig): void {
    const name = partitionOf(key);
    let partition = this.#partitions.get(name);
    if (!partition) {
      partition = new Map();
      this.#partitions.set(name, partition);
    }
    partition.delete(key);
    partition.set(key, { value: structuredClone(value), storedAt: this.#now() });
    for (const oldest of partition.keys()) {
      if (partition.size <= config.max_entries) break;
      partition.delete(oldest);
    }
  }

  stats(): CacheStats {
    let size = 0;
    for (const p of this.#partitions.values()) size += p.size;
    return { hits: this.#hits, misses: this.#misses, size };
  }

  /** Drops every entry, or one endpoint's (its model or config changed on reload). Counters stay. */
  clear(endpoint?: string): void {
    if (endpoint === undefined) this.#partitions.clear();
    else this.#partitions.delete(endpoint);
  }

  /** Drops the entries of endpoints not in `endpoints` (removed by a reload). */
  retain(endpoints: Iterable<string>): void {
    const keep = new Set(endpoints);
    for (const name of this.#partitions.keys()) if (!keep.has(name)) this.#partitions.delete(name);
  }
}

function partitionOf(key: string): string {
  const i = key.lastIndexOf(':');
  return i < 0 ? '' : key.slice(0, i);
}
