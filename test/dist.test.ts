/**
 * The published CLI is the ncc bundle in dist/, not the sources: prove that node:sqlite and
 * every dependency survived bundling by starting it and using it as a client would.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchServer, type LaunchedServer } from '../src/tracking/launch.ts';

const cli = fileURLToPath(new URL('../dist/cli/index.js', import.meta.url));

describe('bundled CLI (dist/cli/index.js)', () => {
  let server: LaunchedServer;
  let url: string;
  let dir: string;

  before(async () => {
    assert.ok(existsSync(cli), 'dist/cli/index.js is missing: run `npm run build`');
    dir = mkdtempSync(join(tmpdir(), 'mlflow-ts-dist-'));
    server = await launchServer({ cli, args: ['--port', '0', '--backend-store-uri', join(dir, 'db.sqlite'), '--artifacts-destination', join(dir, 'art')] });
    url = server.url;
  });

  after(async () => {
    assert.equal(await server.stop(), 0, `the bundled server should exit cleanly on SIGTERM; its output:\n${server.stderr()}`);
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves /health and the tracking API from the bundle', async () => {
    const health = await fetch(`${url}/health`);
    assert.equal(health.status, 200);
    assert.equal(await health.text(), 'OK');
    const created = await fetch(`${url}/api/2.0/mlflow/experiments/create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'bundled' }),
    });
    assert.equal(created.status, 200);
    const { experiment_id } = (await created.json()) as { experiment_id: string };
    const run = await fetch(`${url}/api/2.0/mlflow/runs/create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ experiment_id }),
    });
    assert.equal(run.status, 200);
    const body = (await run.json()) as { run: { info: { artifact_uri: string } } };
    const put = await fetch(`${url}/api/2.0/mlflow-artifacts/artifacts/${body.run.info.artifact_uri.replace('mlflow-artifacts:/', '')}/a.txt`, {
      method: 'PUT',
      body: 'bundled bytes',
    });
    assert.equal(put.status, 200);
  });

  it('prints its own version', async () => {
    const out = await new Promise<string>((resolve) => {
      const p = spawn(process.execPath, [cli, '--version']);
      let s = '';
      p.stdout.on('data', (d: Buffer) => (s += d.toString()));
      p.once('exit', () => resolve(s.trim()));
    });
    const { default: pkg } = await import('../package.json', { with: { type: 'json' } });
    assert.equal(out, pkg.version);
  });
});
