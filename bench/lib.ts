/** Shared pieces of the benchmarks: the bundled server, an HTTP helper, percentiles, RSS. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, request } from 'undici';
import { launchServer, type LaunchedServer } from '../src/tracking/launch.ts';

export const smoke = process.argv.includes('--smoke');
const root = new URL('..', import.meta.url).pathname;
export const cli = join(root, 'dist/cli/index.js');

export const SIZES = smoke
  ? { coldStarts: 2, batchesPerClient: 5, clients: 4, runs: 300, metricsPerRun: 10, searches: 10, artifactBytes: 32 * 2 ** 20, tracedCalls: 2_000, otlpRequests: 8 }
  : { coldStarts: 7, batchesPerClient: 250, clients: 4, runs: 10_000, metricsPerRun: 10, searches: 50, artifactBytes: 2 ** 30, tracedCalls: 100_000, otlpRequests: 200 };

export const agent = new Agent({ connections: 16, pipelining: 1, keepAliveTimeout: 30_000 });

export interface Server {
  url: string;
  child: LaunchedServer['child'];
  dir: string;
  stop(): Promise<number | null>;
}

export async function startServer(): Promise<Server & { readyMs: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'mlflow-ts-bench-'));
  const t0 = performance.now();
  const server = await launchServer({
    cli,
    args: ['--port', '0', '--backend-store-uri', join(dir, 'bench.db'), '--artifacts-destination', join(dir, 'artifacts')],
  });
  // Cold start ends at the first 200 from /health, as a user's readiness probe would see it.
  for (;;) {
    try {
      const res = await request(`${server.url}/health`, { dispatcher: agent });
      await res.body.text();
      if (res.statusCode === 200) break;
    } catch {
      await sleep(2);
    }
  }
  return { url: server.url, child: server.child, dir, stop: server.stop, readyMs: performance.now() - t0 };
}

export async function stopServer(s: Server): Promise<void> {
  await s.stop();
  rmSync(s.dir, { recursive: true, force: true });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- bench reads a few known fields of untyped JSON
export async function api<T = any>(s: Server, path: string, body?: unknown): Promise<T> {
  const res = await request(`${s.url}${path}`, {
    dispatcher: agent,
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.body.text();
  if (res.statusCode !== 200) throw new Error(`${path} → ${res.statusCode} ${text}`);
  return JSON.parse(text) as T;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function rssKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : NaN;
}

