/**
 * Small pieces several gateway tests read with: a Prometheus text-format parser and a log that
 * keeps its lines.
 */
import assert from 'node:assert/strict';
import type { RequestRecord } from '../../src/gateway/observe/record.ts';

/** Prometheus text format → `name{k="v",...}` (labels sorted) → value; a repeated series fails. */
export function parsePrometheus(text: string): Map<string, number> {
  const series = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    assert.ok(m, `not a Prometheus sample line: ${line}`);
    const labels = [...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, k, v]) => `${k}="${v}"`).sort();
    const key = labels.length ? `${m[1]}{${labels.join(',')}}` : m[1]!;
    assert.ok(!series.has(key), `duplicate series ${key}`);
    series.set(key, Number(m[3]));
  }
  return series;
}

export interface CapturedLog {
  info: string[];
  error: string[];
  log: { info(m: string): void; error(m: string): void };
}

/** A gateway/tracer log that keeps every line, for asserting what was (not) written. */
export function captureLog(): CapturedLog {
  const l: CapturedLog = { info: [], error: [], log: { info: (m) => l.info.push(m), error: (m) => l.error.push(m) } };
  return l;
}

/** A finished, successful chat request as the gateway records it; `overrides` change any field. */
export function requestRecord(id: string, startMs: number, overrides: Partial<RequestRecord> = {}): RequestRecord {
  return {
    id,
    endpoint: 'chat',
    operation: 'chat',
    front: 'mlflow',
    stream: false,
    startMs,
    endMs: startMs + 40,
    status: 200,
    servedBy: { endpoint: 'chat', provider: 'openai', model: 'gpt-4o-mini' },
    attempts: [{ endpoint: 'chat', provider: 'openai', model: 'gpt-4o-mini', attempt: 1, fallback: false, startMs: startMs + 2, endMs: startMs + 38, status: 200 }],
    usage: { prompt_tokens: 12, completion_tokens: 5 },
    cost: { input: 0.0012, output: 0.003, total: 0.0042, currency: 'USD' },
    cacheHit: false,
    rateLimited: false,
    upstreamMs: 36,
    ...overrides,
  };
}
