/**
 * The `mlflow-ts` CLI as a user runs it: a child process (Node 24 runs the .ts entry directly),
 * reading its real output and exit codes. The server is a real process on a free port with a
 * SQLite file, so shutdown is checked on the file itself.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { accessSync, constants, copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { MlflowClient } from '../src/client/index.ts';
import { launchServer } from '../src/tracking/launch.ts';
import { PACKAGE_VERSION } from '../src/version.ts';

const CLI = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const NODE_CHECK = fileURLToPath(new URL('../src/cli/node-check.ts', import.meta.url));

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment without any tracking settings from the developer's shell. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('MLFLOW_')) delete env[key];
  return { ...env, ...extra };
}

function runCli(args: string[], env: Record<string, string> = {}, cwd?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: cleanEnv(env), cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

interface ServerProcess {
  child: ChildProcess;
  url: string;
  port: number;
  stderr: () => string;
  exited: Promise<number | null>;
}

async function startServer(args: string[], cwd: string): Promise<ServerProcess> {
  const server = await launchServer({ cli: CLI, args, env: cleanEnv(), cwd });
  return { child: server.child, url: server.url, port: Number(new URL(server.url).port), stderr: server.stderr, exited: server.exited };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const hasStackTrace = (text: string): boolean => /\n\s+at /.test(text);

/** An installed Node older than 24 on PATH, to run the version check under; undefined if none. */
function findOldNode(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'node');
    try {
      accessSync(candidate, constants.X_OK);
    } catch {
      continue;
    }
    const version = spawnSync(candidate, ['--version'], { encoding: 'utf8' }).stdout?.trim() ?? '';
    const major = Number(/^v(\d+)/.exec(version)?.[1]);
    if (major > 0 && major < 24) return candidate;
  }
  return undefined;
}

describe('mlflow-ts CLI basics', () => {
  it('--version prints the package version', async () => {
    const result = await runCli(['--version']);
    assert.equal(result.code, 0);
    assert.equal(result.stdout.trim(), PACKAGE_VERSION);
  });

  it('--help lists the commands, and every command has help', async () => {
    const result = await runCli(['--help']);
    assert.equal(result.code, 0);
    for (const command of ['server|ui', 'experiments', 'runs']) assert.ok(result.stdout.includes(command), `help mentions ${command}`);
    const server = await runCli(['ui', '--help']);
    assert.equal(server.code, 0);
    for (const option of ['--host', '--port', '--backend-store-uri', '--artifacts-destination', '--no-serve-artifacts', '--default-artifact-root', 'MLFLOW_PORT']) {
      assert.ok(server.stdout.includes(option), `server help mentions ${option}`);
    }
    const runsList = await runCli(['runs', 'list', '--help']);
    assert.match(runsList.stdout, /--experiment-id/);
    const search = await runCli(['experiments', 'search', '--help']);
    assert.match(search.stdout, /active_only/);
  });

  it('rejects bad server options with one line and exit 1', async () => {
    const badPort = await runCli(['server', '--port', 'abc']);
    assert.equal(badPort.code, 1);
    assert.match(badPort.stderr, /--port/);
    const badRoot = await runCli(['server', '--port', '0', '--default-artifact-root', 's3://bucket/path']);
    assert.equal(badRoot.code, 1);
    assert.match(badRoot.stderr, /--default-artifact-root 's3:\/\/bucket\/path' is not supported/);
    assert.ok(!hasStackTrace(badRoot.stderr));
  });

  it('a client command without a server fails with one line naming MLFLOW_TRACKING_URI', async () => {
    const result = await runCli(['experiments', 'search'], { MLFLOW_TRACKING_URI: 'http://127.0.0.1:9', MLFLOW_HTTP_REQUEST_MAX_RETRIES: '0' });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /MLFLOW_TRACKING_URI/);
    assert.ok(!hasStackTrace(result.stderr));
  });

  it('refuses to run on Node older than 24 with advice', (t) => {
    const oldNode = findOldNode();
    if (!oldNode) {
      t.skip('no Node < 24 on PATH');
      return;
    }
    // node-check.ts is written to be plain JavaScript, so the old Node can run a copy of it.
    const dir = mkdtempSync(join(tmpdir(), 'mlflow-ts-node-check-'));
    try {
      const copy = join(dir, 'node-check.mjs');
      copyFileSync(NODE_CHECK, copy);
      const result = spawnSync(oldNode, [copy], { encoding: 'utf8' });
      assert.equal(result.status, 1);
      assert.match(result.stderr, /^mlflow-ts needs Node\.js 24 or newer \(found v\d+\.\d+\.\d+\)\. Install Node 24/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('mlflow-ts server and client commands', () => {
  let dir: string;
  let dbFile: string;
  let server: ServerProcess;
  let experimentId: string;
  let runIds: string[];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mlflow-ts-cli-'));
    dbFile = join(dir, 'tracking.db');
    server = await startServer(['--port', '0', '--backend-store-uri', `sqlite:///${dbFile}`, '--artifacts-destination', join(dir, 'art')], dir);

    const client = new MlflowClient({ trackingUri: server.url, maxRetries: 0 });
    experimentId = await client.createExperiment('cli-experiment');
    runIds = [];
    for (const name of ['alpha', 'beta']) {
      const run = await client.createRun({ experimentId, runName: name });
      await client.logBatch(run.info.run_id, { params: { lr: 0.01 }, metrics: [{ key: 'loss', value: NaN }, { key: 'acc', value: 0.75 }] });
      runIds.push(run.info.run_id);
    }
    await client.close();
  });

  after(async () => {
    if (server.child.exitCode === null) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints one startup line with the real URL, store and artifacts, and serves /health', async () => {
    assert.match(server.stderr(), new RegExp(`^mlflow-ts ${PACKAGE_VERSION.replaceAll('.', '\\.')} listening on http://127\\.0\\.0\\.1:\\d+ \\(store: sqlite:///${dbFile}, artifacts: ${join(dir, 'art')}\\)\\n`));
    assert.notEqual(server.port, 0);
    const res = await fetch(`${server.url}/health`);
    assert.equal(res.status, 200);
    assert.equal(await res.text(), 'OK');
  });

  it('experiments search prints a table and JSON', async () => {
    const env = { MLFLOW_TRACKING_URI: server.url };
    const table = await runCli(['experiments', 'search'], env);
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, /^Experiment Id\s+Name\s+Artifact Location/);
    assert.match(table.stdout, new RegExp(`\\n${experimentId}\\s+cli-experiment\\s+mlflow-artifacts:/${experimentId}`));
    assert.match(table.stdout, /\n0\s+Default/);

    const filtered = await runCli(['experiments', 'search', '--filter', "name = 'cli-experiment'", '--json', '--tracking-uri', server.url]);
    assert.equal(filtered.code, 0, filtered.stderr);
    const parsed = JSON.parse(filtered.stdout) as { name: string }[];
    assert.deepEqual(parsed.map((e) => e.name), ['cli-experiment']);

    const limited = await runCli(['experiments', 'search', '--max-results', '1', '--view', 'all', '--json'], env);
    assert.equal((JSON.parse(limited.stdout) as unknown[]).length, 1);
  });

  it('runs list prints the runs of an experiment; runs describe prints JSON', async () => {
    const env = { MLFLOW_TRACKING_URI: server.url };
    const list = await runCli(['runs', 'list', '--experiment-id', experimentId], env);
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /^Date\s+Name\s+ID\s+Status/);
    for (const id of runIds) assert.ok(list.stdout.includes(id));
    assert.match(list.stdout, /alpha/);
    assert.match(list.stdout, /RUNNING/);

    const json = await runCli(['runs', 'list', '--experiment-id', experimentId, '--json'], env);
    assert.equal((JSON.parse(json.stdout) as unknown[]).length, 2);

    const describe = await runCli(['runs', 'describe', '--run-id', runIds[0]!], env);
    assert.equal(describe.code, 0, describe.stderr);
    const run = JSON.parse(describe.stdout) as { info: { run_id: string; run_name: string }; data: { params: Record<string, string>; metrics: Record<string, unknown> } };
    assert.equal(run.info.run_id, runIds[0]);
    assert.equal(run.info.run_name, 'alpha');
    assert.deepEqual(run.data.params, { lr: '0.01' });
    assert.deepEqual(run.data.metrics, { loss: 'NaN', acc: 0.75 });
  });

  it('a missing run is one line with the error code and exit 1', async () => {
    const result = await runCli(['runs', 'describe', '--run-id', 'ffffffffffffffffffffffffffffffff'], { MLFLOW_TRACKING_URI: server.url });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /RESOURCE_DOES_NOT_EXIST/);
    assert.equal(result.stderr.trim().split('\n').length, 1);
    assert.ok(!hasStackTrace(result.stderr));
  });

  it('a busy port fails with a one-line message naming the port and --port', async () => {
    const result = await runCli(['server', '--port', String(server.port), '--backend-store-uri', `sqlite:///${join(dir, 'other.db')}`], {}, dir);
    assert.equal(result.code, 1);
    assert.ok(result.stderr.includes(String(server.port)));
    assert.match(result.stderr, /--port/);
    assert.equal(result.stderr.trim().split('\n').length, 1);
    assert.ok(!hasStackTrace(result.stderr));
  });

  it('SIGTERM lets an in-flight request finish, then exits 0 with the database closed cleanly', async () => {
    const body = JSON.stringify({ name: 'created-during-shutdown' });
    const half = Math.floor(body.length / 2);
    // A request whose body arrives in two parts is in flight across the signal.
    const req = http.request(`${server.url}/api/2.0/mlflow/experiments/create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      req.on('response', (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
    });
    req.write(body.slice(0, half));
    // Time for the server to parse the headers, so the connection counts as busy, not idle.
    await sleep(500);
    server.child.kill('SIGTERM');
    await sleep(400);
    assert.equal(server.child.exitCode, null, 'server waits for the in-flight request');
    req.end(body.slice(half));

    const answer = await response;
    assert.equal(answer.status, 200, answer.text);
    assert.ok((JSON.parse(answer.text) as { experiment_id?: string }).experiment_id);
    assert.equal(await server.exited, 0);
    assert.match(server.stderr(), /SIGTERM received/);

    // A clean close checkpoints the WAL; a leftover non-empty -wal would mean recovery on next open.
    const wal = `${dbFile}-wal`;
    assert.ok(!existsSync(wal) || statSync(wal).size === 0, 'no WAL left to recover');
    const db = new DatabaseSync(dbFile);
    try {
      const names = (db.prepare('SELECT name FROM experiments ORDER BY name').all() as { name: string }[]).map((r) => r.name);
      assert.ok(names.includes('cli-experiment'));
      assert.ok(names.includes('created-during-shutdown'));
    } finally {
      db.close();
    }
  });

  it('a second signal exits at once', async () => {
    const second = await startServer(['--port', '0', '--backend-store-uri', `sqlite:///${join(dir, 'second.db')}`], dir);
    const req = http.request(`${second.url}/api/2.0/mlflow/experiments/create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': 100 },
    });
    req.on('error', () => undefined);
    req.write('{"name":');
    await sleep(500);
    second.child.kill('SIGTERM');
    await sleep(300);
    assert.equal(second.child.exitCode, null, 'still waiting for the request after one signal');
    second.child.kill('SIGTERM');
    assert.equal(await second.exited, 1);
    req.destroy();
  });
});
