import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTrackingServer, type RunningServer } from '../src/tracking/server.ts';

const CLI = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));

function cli(args: string[], trackingUri: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, MLFLOW_TRACKING_URI: trackingUri } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');

describe('mlflow-ts traces search / get', () => {
  let server: RunningServer;
  let dir: string;
  let experimentId: string;
  const traceHex = hex(0xabc, 32);

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mlflow-ts-cli-traces-'));
    server = await startTrackingServer({ backendStoreUri: ':memory:', port: 0, artifactsDestination: join(dir, 'art') });
    experimentId = await server.store.createExperiment({ name: 'cli-traces' });
    const start = 1_795_447_854_000_000_000n;
    const span = (id: number, parent: number | undefined, name: string, startMs: number, endMs: number, error = false) => ({
      traceId: traceHex,
      spanId: hex(id, 16),
      ...(parent ? { parentSpanId: hex(parent, 16) } : {}),
      name,
      startTimeUnixNano: String(start + BigInt(startMs) * 1_000_000n),
      endTimeUnixNano: String(start + BigInt(endMs) * 1_000_000n),
      attributes: [{ key: 'mlflow.spanType', value: { stringValue: parent ? 'LLM' : 'CHAIN' } }],
      status: error ? { code: 2, message: 'upstream 500' } : { code: 1 },
    });
    const res = await fetch(`${server.url}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-mlflow-experiment-id': experimentId },
      body: JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [span(1, undefined, 'answer', 0, 250), span(2, 1, 'call-llm', 10, 240, true)] }] }] }),
    });
    assert.equal(res.status, 200);
  });

  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the experiment’s traces with name, state and duration', async () => {
    const out = await cli(['traces', 'search', '--experiment-id', experimentId], server.url);
    assert.equal(out.code, 0, out.stderr);
    assert.match(out.stdout, new RegExp(`tr-${traceHex}\\s+answer\\s+OK\\s+0\\.250s`));
    const none = await cli(['traces', 'search', '--experiment-id', experimentId, '--filter', "status = 'ERROR'"], server.url);
    assert.equal(none.stdout.trim(), 'No traces found.');
  });

  it('prints one trace as a span tree', async () => {
    const out = await cli(['traces', 'get', `tr-${traceHex}`], server.url);
    assert.equal(out.code, 0, out.stderr);
    const lines = out.stdout.trim().split('\n');
    assert.match(lines[0]!, new RegExp(`^tr-${traceHex}  OK  0\\.250s  \\(experiment ${experimentId}, `));
    assert.equal(lines[1], 'answer [CHAIN]  250.0 ms  OK');
    assert.equal(lines[2], '└─ call-llm [LLM]  230.0 ms  ERROR: upstream 500');
  });

  it('reports an unknown trace as one line and exit 1', async () => {
    const out = await cli(['traces', 'get', 'tr-00000000000000000000000000000000'], server.url);
    assert.equal(out.code, 1);
    assert.match(out.stderr, /RESOURCE_DOES_NOT_EXIST/);
    assert.doesNotMatch(out.stderr, /\n\s+at /);
  });
});
