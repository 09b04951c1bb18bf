/**
 * The published CLI is the ncc bundle in dist/, not the sources: prove that node:sqlite and
 * every dependency survived bundling by starting it and using it as a client would.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli/index.js', import.meta.url));

describe('bundled CLI (dist/cli/index.js)', () => {
  let child: ChildProcess;
  let url: string;
  let dir: string;

  before(async () => {
    assert.ok(existsSync(cli), 'dist/cli/index.js is missing: run `npm run build`');
    dir = mkdtempSync(join(tmpdir(), 'mlflow-ts-dist-'));
    child = spawn(process.execPath, [cli, 'server', '--port', '0', '--backend-store-uri', join(dir, 'db.sqlite'), '--artifacts-destination', join(dir, 'art')], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    url = await new Promise<string>((resolve, reject) => {
      let log = '';
      child.stderr!.on('data', (d: Buffer) => {
        log += d.toString();
        const m = /listening on (http:\/\/\S+)/.exec(log);
        if (m) resolve(m[1]!);
      });
      child.once('exit', (code) => reject(new Error(`bundled server exited with ${code}:\n${log}`)));
    });
  });

  after(async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
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
