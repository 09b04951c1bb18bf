/**
 * Artifacts: the local repository on its own (no server), then the HTTP routes against a real
 * in-process server. Traversal and symlink cases check the file system, not only the status,
 * and raw `node:http` requests are used where `fetch` would normalise `..` or `%2e` away.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { startTrackingServer, createTrackingApp, type RunningServer } from '../src/tracking/server.ts';
import { openTrackingStore } from '../src/store/index.ts';
import { LocalArtifactRepository, normalizeArtifactPath } from '../src/store/artifacts/local.ts';
import { MlflowError } from '../src/mlflow/errors.ts';

const ARTIFACTS = '/api/2.0/mlflow-artifacts/artifacts';

/** The shapes these routes answer with: listings, run listings and MLflow errors. */
interface JsonAnswer {
  files?: { path: string; is_dir: boolean; file_size?: number }[];
  root_uri?: string;
  error_code?: string;
  message?: string;
}
const TEMP_FILE = /^\.mlflow-ts-upload-/;

/** Every file and directory under `dir`, relative to it. */
function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((p) => p.split('\\').join('/')).sort();
}

function isInvalidParam(err: unknown): boolean {
  return err instanceof MlflowError && err.code === 'INVALID_PARAMETER_VALUE';
}

async function sleep(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

/** Deterministic pseudo-random chunks, so a large body is streamed and never held whole. */
function generatedBody(totalBytes: number, hash: ReturnType<typeof createHash>): Readable {
  let sent = 0;
  let counter = 0;
  return new Readable({
    read() {
      if (sent >= totalBytes) {
        this.push(null);
        return;
      }
      const size = Math.min(256 * 1024, totalBytes - sent);
      const chunk = Buffer.alloc(size);
      for (let i = 0; i < size; i += 4) chunk.writeUInt32LE((counter++ * 2654435761) >>> 0, i);
      hash.update(chunk);
      sent += size;
      this.push(chunk);
    },
  });
}

describe('LocalArtifactRepository', () => {
  let base: string;
  let root: string;
  let outside: string;
  let repo: LocalArtifactRepository;

  before(() => {
    base = mkdtempSync(join(tmpdir(), 'mlflow-ts-artrepo-'));
    root = join(base, 'root');
    outside = join(base, 'outside');
    mkdirSync(outside);
    writeFileSync(join(outside, 'secret.txt'), 'secret');
    repo = new LocalArtifactRepository(root);
  });
  after(() => rmSync(base, { recursive: true, force: true }));

  it('normalises harmless paths and refuses unsafe ones', () => {
    assert.equal(normalizeArtifactPath(''), '');
    assert.equal(normalizeArtifactPath('a//b/./c/'), 'a/b/c');
    assert.equal(normalizeArtifactPath('weird name%.txt'), 'weird name%.txt');
    assert.equal(normalizeArtifactPath('c:notes.txt'), 'c:notes.txt', 'a drive letter only matters with a separator after it');
    for (const bad of ['/etc/passwd', '..', 'a/../b', 'a/..', 'a\\b', '..\\x', 'a\u0000b', 'a\nb', 'C:/x', 'a#b', '%2e%2e/x', 'a/%2E%2E', '..%2Fx', '%252e%252e/x', '%2Fetc', '%00x', '%5C..']) {
      assert.throws(() => normalizeArtifactPath(bad), isInvalidParam, bad);
    }
  });

  it('creates its root lazily and lists a missing root as empty', async () => {
    assert.deepEqual(await repo.list(''), []);
    assert.ok(existsSync(root));
  });

  it('writes, reads, lists and deletes', async () => {
    assert.equal(await repo.write('d/sub/a.txt', Readable.from([Buffer.from('hello')])), 5);
    await repo.write('d/b.bin', Readable.from([Buffer.from([0, 1, 2, 255])]));
    const { stream, size } = await repo.openRead('d/sub/a.txt');
    assert.equal(size, 5);
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    assert.equal(Buffer.concat(chunks).toString(), 'hello');

    assert.deepEqual(await repo.list('d'), [
      { name: 'b.bin', path: 'd/b.bin', is_dir: false, file_size: 4 },
      { name: 'sub', path: 'd/sub', is_dir: true },
    ]);
    assert.deepEqual(await repo.list('d/missing'), []);
    assert.deepEqual(await repo.list('d/b.bin'), [], 'a file lists nothing, as MLflow');

    await assert.rejects(repo.openRead('d/nope.txt'), (e) => e instanceof MlflowError && e.code === 'RESOURCE_DOES_NOT_EXIST');
    await assert.rejects(repo.openRead('d/sub'), (e) => e instanceof MlflowError && e.code === 'RESOURCE_DOES_NOT_EXIST');
    await assert.rejects(repo.write('d/b.bin/x', Readable.from([Buffer.from('x')])), isInvalidParam);
    await assert.rejects(repo.write('d/sub', Readable.from([Buffer.from('x')])), isInvalidParam);
    await assert.rejects(repo.write('', Readable.from([Buffer.from('x')])), isInvalidParam);
    await assert.rejects(repo.delete(''), isInvalidParam);
    await assert.rejects(repo.write(`d/${'n'.repeat(300)}.txt`, Readable.from([Buffer.from('x')])), isInvalidParam);
    await assert.rejects(repo.openRead(`d/${'n'.repeat(300)}.txt`), (e) => e instanceof MlflowError && e.code === 'RESOURCE_DOES_NOT_EXIST');

    await repo.delete('d/sub');
    await repo.delete('d/never-existed');
    assert.deepEqual(walk(join(root, 'd')), ['b.bin']);
  });

  it('keeps the previous file when the source fails mid-stream, leaving no temp file', async () => {
    await repo.write('atomic/f.txt', Readable.from([Buffer.from('version 1')]));
    async function* failing() {
      yield Buffer.alloc(64 * 1024, 1);
      throw new Error('client went away');
    }
    await assert.rejects(repo.write('atomic/f.txt', Readable.from(failing())), /client went away/);
    assert.equal(readFileSync(join(root, 'atomic/f.txt'), 'utf8'), 'version 1');
    assert.deepEqual(walk(join(root, 'atomic')), ['f.txt']);
  });

  it('refuses symbolic links that lead outside the root, dangling ones too', async () => {
    symlinkSync(outside, join(root, 'escape'));
    symlinkSync(join(outside, 'secret.txt'), join(root, 'secret-link.txt'));
    symlinkSync(join(base, 'does-not-exist'), join(root, 'dangling'));
    mkdirSync(join(root, 'inner'));
    writeFileSync(join(root, 'inner', 'ok.txt'), 'ok');
    symlinkSync(join(root, 'inner'), join(root, 'inner-link'));

    await assert.rejects(repo.resolve('escape/secret.txt'), isInvalidParam);
    await assert.rejects(repo.openRead('secret-link.txt'), isInvalidParam);
    await assert.rejects(repo.write('escape/new.txt', Readable.from([Buffer.from('x')])), isInvalidParam);
    await assert.rejects(repo.write('dangling/new.txt', Readable.from([Buffer.from('x')])), isInvalidParam);
    await assert.rejects(repo.list('escape'), isInvalidParam);
    await assert.rejects(repo.delete('escape/secret.txt'), isInvalidParam);
    assert.ok(!existsSync(join(outside, 'new.txt')));
    assert.ok(!existsSync(join(base, 'does-not-exist')));
    assert.equal(readFileSync(join(outside, 'secret.txt'), 'utf8'), 'secret');

    // A link that stays inside the root is an ordinary path; listings hide links that leave it.
    const { stream, size } = await repo.openRead('inner-link/ok.txt');
    stream.destroy();
    assert.equal(size, 2);
    const names = (await repo.list('')).map((e) => e.name);
    assert.ok(names.includes('inner-link'));
    assert.ok(!names.includes('escape') && !names.includes('secret-link.txt') && !names.includes('dangling'));
    for (const link of ['escape', 'secret-link.txt', 'dangling', 'inner-link']) rmSync(join(root, link));
  });
});

describe('artifact routes', () => {
  let base: string;
  let root: string;
  let server: RunningServer;

  before(async () => {
    base = mkdtempSync(join(tmpdir(), 'mlflow-ts-artroutes-'));
    root = join(base, 'artifacts');
    mkdirSync(join(base, 'outside'));
    writeFileSync(join(base, 'outside', 'secret.txt'), 'secret');
    server = await startTrackingServer({ backendStoreUri: ':memory:', port: 0, artifactsDestination: root });
  });
  after(async () => {
    await server?.close();
    rmSync(base, { recursive: true, force: true });
  });

  /** A request with the path sent exactly as written (fetch would resolve `..` and `%2e`). */
  function raw(method: string, path: string, body?: Buffer | string, headers: Record<string, string> = {}): Promise<{ status: number; type: string | undefined; body: string }> {
    const url = new URL(server.url);
    return new Promise((resolve, reject) => {
      const req = http.request({ host: url.hostname, port: url.port, method, path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body: Buffer.concat(chunks).toString() }));
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  async function put(path: string, body: Buffer | string, contentType = 'application/octet-stream'): Promise<void> {
    const res = await fetch(`${server.url}${ARTIFACTS}/${path}`, { method: 'PUT', body, headers: { 'content-type': contentType } });
    assert.equal(res.status, 200, await res.clone().text());
    assert.deepEqual(await res.json(), {});
  }

  async function getJson(path: string): Promise<{ status: number; body: JsonAnswer }> {
    const res = await fetch(`${server.url}${path}`);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    return { status: res.status, body: (await res.json()) as JsonAnswer };
  }

  async function post<T>(path: string, body: unknown): Promise<T> {
    const res = await fetch(`${server.url}${path}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    assert.equal(res.status, 200);
    return (await res.json()) as T;
  }

  function assertInvalid(res: { status: number; type?: string | undefined; body: string }, what: string): void {
    assert.equal(res.status, 400, `${what}: ${res.body}`);
    assert.match(res.type ?? '', /^application\/json/, what);
    assert.equal(JSON.parse(res.body).error_code, 'INVALID_PARAMETER_VALUE', what);
  }

  it('round-trips a text file with MLflow download headers', async () => {
    await put('1/run1/artifacts/notes.txt', 'hello artifacts\n', 'text/plain');
    for (const prefix of ['/api', '/ajax-api']) {
      const res = await fetch(`${server.url}${prefix}/2.0/mlflow-artifacts/artifacts/1/run1/artifacts/notes.txt`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'text/plain');
      assert.equal(res.headers.get('content-disposition'), 'attachment; filename=notes.txt');
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(res.headers.get('content-length'), '16');
      assert.equal(await res.text(), 'hello artifacts\n');
    }
  });

  it('round-trips binary bytes exactly and types downloads as MLflow does', async () => {
    const bytes = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(300_000)]);
    await put('1/run1/artifacts/model/weights.pkl', bytes);
    const res = await fetch(`${server.url}${ARTIFACTS}/1/run1/artifacts/model/weights.pkl`);
    assert.equal(res.headers.get('content-type'), 'application/octet-stream');
    assert.equal(res.headers.get('content-length'), String(bytes.length));
    assert.ok(Buffer.from(await res.arrayBuffer()).equals(bytes));

    // Observed: .json and MLmodel come back as text/plain; PNG keeps its image type.
    const expected: Record<string, string> = {
      'params.json': 'text/plain', MLmodel: 'text/plain', 'conda.yaml': 'text/plain', 'big.csv': 'text/plain',
      'pixel.png': 'image/png', 'photo.JPG': 'image/jpeg', 'python_model.pkl': 'application/octet-stream', 'noext': 'application/octet-stream',
    };
    for (const [name, type] of Object.entries(expected)) {
      await put(`1/run1/artifacts/types/${name}`, 'x');
      const r = await fetch(`${server.url}${ARTIFACTS}/1/run1/artifacts/types/${name}`);
      assert.equal(r.headers.get('content-type'), type, name);
      await r.arrayBuffer();
    }
  });

  it('encodes a download file name that is not a plain token', async () => {
    await put('1/run1/artifacts/r%C3%A9sum%C3%A9%20final.txt', 'x');
    const res = await fetch(`${server.url}${ARTIFACTS}/1/run1/artifacts/r%C3%A9sum%C3%A9%20final.txt`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-disposition'), `attachment; filename="r_sum_ final.txt"; filename*=UTF-8''r%C3%A9sum%C3%A9%20final.txt`);
    assert.equal(await res.text(), 'x');
    assert.ok(existsSync(join(root, '1/run1/artifacts/résumé final.txt')));
  });

  it('lists directories with basenames; a missing path or a file lists as {}', async () => {
    await put('2/run2/artifacts/a.txt', 'aaaa');
    await put('2/run2/artifacts/sub/b.txt', 'bb');
    await put('2/run2/artifacts/sub/deeper/c.txt', 'c');

    const top = await getJson(`${ARTIFACTS}?path=2/run2/artifacts`);
    assert.deepEqual(top.body, { files: [{ path: 'a.txt', is_dir: false, file_size: 4 }, { path: 'sub', is_dir: true }] });
    assert.deepEqual(Object.keys(top.body.files[0] ?? {}), ['path', 'is_dir', 'file_size'], 'field order as MLflow');
    const sub = await getJson(`${ARTIFACTS}?path=2/run2/artifacts/sub`);
    assert.deepEqual(sub.body, { files: [{ path: 'b.txt', is_dir: false, file_size: 2 }, { path: 'deeper', is_dir: true }] });
    assert.deepEqual((await getJson(`${ARTIFACTS}?path=2/run2/artifacts/no-such-dir`)).body, {});
    assert.deepEqual((await getJson(`${ARTIFACTS}?path=2/run2/artifacts/a.txt`)).body, {});
    const rootListing = await getJson(ARTIFACTS);
    assert.equal(rootListing.status, 200);
    assert.ok(rootListing.body.files?.some((f) => f.path === '2'));
    assert.deepEqual((await getJson(`/ajax-api/2.0/mlflow-artifacts/artifacts?path=2/run2/artifacts/sub/deeper`)).body, {
      files: [{ path: 'c.txt', is_dir: false, file_size: 1 }],
    });
  });

  it('answers a missing file with 404 RESOURCE_DOES_NOT_EXIST without the server directory', async () => {
    const res = await fetch(`${server.url}${ARTIFACTS}/2/run2/artifacts/no-such-file.txt`);
    assert.equal(res.status, 404);
    const body = (await res.json()) as Required<Pick<JsonAnswer, 'error_code' | 'message'>>;
    assert.equal(body.error_code, 'RESOURCE_DOES_NOT_EXIST');
    assert.match(body.message, /No such artifact: '2\/run2\/artifacts\/no-such-file\.txt'/);
    assert.ok(!body.message.includes(root) && !body.message.includes(base), body.message);
    const dir = await fetch(`${server.url}${ARTIFACTS}/2/run2/artifacts/sub`);
    assert.equal(dir.status, 404, 'a directory is not a downloadable file');
    await dir.arrayBuffer();
  });

  it('serves a run: artifacts/list with run-relative paths, get-artifact and upload-artifact', async () => {
    const { experiment_id } = await post<{ experiment_id: string }>('/api/2.0/mlflow/experiments/create', { name: 'artifact-routes' });
    const { run } = await post<{ run: { info: { run_id: string; artifact_uri: string } } }>('/api/2.0/mlflow/runs/create', {
      experiment_id,
      start_time: Date.now(),
    });
    const runId: string = run.info.run_id;
    const uri: string = run.info.artifact_uri;
    assert.match(uri, /^mlflow-artifacts:\//);
    const prefix = uri.slice('mlflow-artifacts:/'.length).replace(/^\/+/, '');
    await put(`${prefix}/model.pkl`, 'pickle');
    await put(`${prefix}/sub/cfg.json`, '{"a": 1}');
    await put(`${prefix}/sub/inner/x.txt`, 'x');

    const top = await getJson(`/api/2.0/mlflow/artifacts/list?run_id=${runId}`);
    assert.deepEqual(top.body, {
      root_uri: uri,
      files: [{ path: 'model.pkl', is_dir: false, file_size: 6 }, { path: 'sub', is_dir: true }],
    });
    const sub = await getJson(`/ajax-api/2.0/mlflow/artifacts/list?run_uuid=${runId}&path=sub`);
    assert.deepEqual(sub.body.files, [{ path: 'sub/cfg.json', is_dir: false, file_size: 8 }, { path: 'sub/inner', is_dir: true }]);
    assert.deepEqual((await getJson(`/api/2.0/mlflow/artifacts/list?run_id=${runId}&path=nothing-here`)).body, { root_uri: uri });
    assert.equal((await getJson(`/api/2.0/mlflow/artifacts/list?run_id=${'0'.repeat(32)}`)).status, 404);
    const missingRunId = await getJson('/api/2.0/mlflow/artifacts/list');
    assert.equal(missingRunId.status, 400);
    assert.equal(missingRunId.body.error_code, 'INVALID_PARAMETER_VALUE');
    assertInvalid(await raw('GET', `/api/2.0/mlflow/artifacts/list?run_id=${runId}&path=../..`), 'artifacts/list ..');
    assertInvalid(await raw('GET', `/api/2.0/mlflow/artifacts/list?run_id=${runId}&path=%2Fetc`), 'artifacts/list absolute');

    const got = await fetch(`${server.url}/get-artifact?run_id=${runId}&path=sub/cfg.json`);
    assert.equal(got.status, 200);
    assert.equal(got.headers.get('content-type'), 'text/plain');
    assert.equal(got.headers.get('content-disposition'), 'attachment; filename=cfg.json');
    assert.equal(await got.text(), '{"a": 1}');
    assertInvalid(await raw('GET', `/get-artifact?run_id=${runId}&path=../../../outside/secret.txt`), 'get-artifact ..');
    const missing = await fetch(`${server.url}/get-artifact?run_id=${runId}&path=nope.txt`);
    assert.equal(missing.status, 404);
    await missing.arrayBuffer();

    const upload = await fetch(`${server.url}/ajax-api/2.0/mlflow/upload-artifact?run_uuid=${runId}&path=ui/dropped.bin`, {
      method: 'POST',
      body: Buffer.from([9, 8, 7]),
      headers: { 'content-type': 'application/octet-stream' },
    });
    assert.equal(upload.status, 200, await upload.clone().text());
    assert.deepEqual([...readFileSync(join(root, prefix, 'ui/dropped.bin'))], [9, 8, 7]);
    const tooBig = await fetch(`${server.url}/ajax-api/2.0/mlflow/upload-artifact?run_uuid=${runId}&path=ui/big.bin`, {
      method: 'POST',
      body: Buffer.alloc(10 * 1024 * 1024 + 1),
    });
    assert.equal(tooBig.status, 400);
    assert.match(((await tooBig.json()) as JsonAnswer).message ?? '', /Max size is 10MB/);
    assert.ok(!existsSync(join(root, prefix, 'ui/big.bin')));
    const noPath = await fetch(`${server.url}/ajax-api/2.0/mlflow/upload-artifact?run_uuid=${runId}`, { method: 'POST', body: 'x' });
    assert.equal(noPath.status, 400);
    await noPath.arrayBuffer();
    assertInvalid(await raw('POST', `/ajax-api/2.0/mlflow/upload-artifact?run_uuid=${runId}&path=..%2F..%2Fevil.txt`, 'x'), 'upload-artifact ..');
  });

  it('deletes files and directories; deleting a missing path is a no-op', async () => {
    await put('3/run3/artifacts/keep.txt', 'k');
    await put('3/run3/artifacts/gone.txt', 'g');
    await put('3/run3/artifacts/dir/a.txt', 'a');
    await put('3/run3/artifacts/dir/b/c.txt', 'c');
    for (const p of ['3/run3/artifacts/gone.txt', '3/run3/artifacts/dir', '3/run3/artifacts/never-was']) {
      const res = await fetch(`${server.url}${ARTIFACTS}/${p}`, { method: 'DELETE' });
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), {});
    }
    assert.deepEqual(walk(join(root, '3/run3/artifacts')), ['keep.txt']);
  });

  it('accepts any Content-Type on PUT and stores the bytes as sent', async () => {
    const cases: [string, string | undefined, string][] = [
      ['plain.txt', 'text/plain', 'plain text'],
      ['bad.json', 'application/json', '{not json at all'],
      ['octet.bin', 'application/octet-stream', '\u0000\u0001binary'],
      ['form.dat', 'multipart/form-data; boundary=x', '--x\r\nnot really a form'],
      ['none.txt', undefined, 'no content type'],
    ];
    for (const [name, type, body] of cases) {
      const headers: Record<string, string> = { 'content-length': String(Buffer.byteLength(body)) };
      if (type) headers['content-type'] = type;
      const res = await raw('PUT', `${ARTIFACTS}/4/run4/artifacts/${name}`, body, headers);
      assert.equal(res.status, 200, `${name}: ${res.body}`);
      assert.equal(res.body, '{}');
      assert.equal(readFileSync(join(root, '4/run4/artifacts', name), 'utf8'), body, name);
    }
    // Chunked, no Content-Length and no Content-Type.
    const chunked = await new Promise<number>((resolve, reject) => {
      const url = new URL(server.url);
      const req = http.request({ host: url.hostname, port: url.port, method: 'PUT', path: `${ARTIFACTS}/4/run4/artifacts/chunked.txt` }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.write('part one, ');
      req.end('part two');
    });
    assert.equal(chunked, 200);
    assert.equal(readFileSync(join(root, '4/run4/artifacts/chunked.txt'), 'utf8'), 'part one, part two');
  });

  it('keeps the previous file when an overwrite is aborted mid-body, and leaves no temp file', async () => {
    await put('5/run5/artifacts/model.bin', 'version 1');
    const dir = join(root, '5/run5/artifacts');
    const url = new URL(server.url);
    const req = http.request({
      host: url.hostname,
      port: url.port,
      method: 'PUT',
      path: `${ARTIFACTS}/5/run5/artifacts/model.bin`,
      headers: { 'content-type': 'application/octet-stream', 'content-length': String(10 * 1024 * 1024) },
    });
    req.on('error', () => {});
    req.on('response', (res) => res.resume());
    req.write(Buffer.alloc(512 * 1024, 7));
    await waitFor(() => readdirSync(dir).some((n) => TEMP_FILE.test(n)), 'the upload to reach the disk');

    // Mid-upload: readers see the old file and listings do not show the temporary one.
    const during = await fetch(`${server.url}${ARTIFACTS}/5/run5/artifacts/model.bin`);
    assert.equal(await during.text(), 'version 1');
    assert.deepEqual((await getJson(`${ARTIFACTS}?path=5/run5/artifacts`)).body, { files: [{ path: 'model.bin', is_dir: false, file_size: 9 }] });

    req.destroy();
    await waitFor(() => !readdirSync(dir).some((n) => TEMP_FILE.test(n)), 'the temp file to be removed');
    assert.deepEqual(readdirSync(dir), ['model.bin']);
    assert.equal(readFileSync(join(dir, 'model.bin'), 'utf8'), 'version 1');

    // And a completed overwrite replaces it.
    await put('5/run5/artifacts/model.bin', 'version 2');
    assert.equal(readFileSync(join(dir, 'model.bin'), 'utf8'), 'version 2');
  });

  it('rejects every traversal variant with 400 and writes nothing outside the root', async () => {
    const before = walk(base).filter((p) => !p.startsWith('artifacts'));
    const variants = [
      '../outside/pwned.txt',
      '1/../../outside/pwned.txt',
      '%2e%2e/outside/pwned.txt',
      '%2E%2E/%2E%2E/pwned.txt',
      '..%2Foutside%2Fpwned.txt',
      '1%2F..%2F..%2Fpwned.txt',
      '%252e%252e/%252e%252e/pwned.txt',
      '..%252F..%252Fpwned.txt',
      '%2Ftmp%2Fpwned.txt',
      '/tmp/pwned.txt',
      '..%5C..%5Cpwned.txt',
      'a%5Cb.txt',
      'pwned%00.txt',
      'C:%2Fpwned.txt',
      '..',
    ];
    for (const v of variants) {
      assertInvalid(await raw('PUT', `${ARTIFACTS}/${v}`, 'pwned', { 'content-type': 'text/plain' }), `PUT ${v}`);
      assertInvalid(await raw('GET', `${ARTIFACTS}/${v}`), `GET ${v}`);
      assertInvalid(await raw('DELETE', `${ARTIFACTS}/${v}`), `DELETE ${v}`);
    }
    for (const q of ['..', '../outside', '%2e%2e', '%2Fetc', '/etc', '1/../..', 'a%00b', '%252e%252e']) {
      assertInvalid(await raw('GET', `${ARTIFACTS}?path=${q}`), `list ${q}`);
    }
    assert.deepEqual(walk(base).filter((p) => !p.startsWith('artifacts')), before);
    assert.ok(!walk(root).some((p) => p.includes('pwned')));
    assert.equal(readFileSync(join(base, 'outside', 'secret.txt'), 'utf8'), 'secret');
  });

  it('rejects a symlink inside the root that points outside, on read, write, list and delete', async () => {
    mkdirSync(join(root, '6'), { recursive: true });
    symlinkSync(join(base, 'outside'), join(root, '6', 'escape'));
    symlinkSync(join(base, 'outside', 'secret.txt'), join(root, '6', 'secret.txt'));

    assertInvalid(await raw('GET', `${ARTIFACTS}/6/escape/secret.txt`), 'read through dir link');
    assertInvalid(await raw('GET', `${ARTIFACTS}/6/secret.txt`), 'read file link');
    assertInvalid(await raw('PUT', `${ARTIFACTS}/6/escape/planted.txt`, 'x', { 'content-type': 'text/plain' }), 'write through dir link');
    assertInvalid(await raw('PUT', `${ARTIFACTS}/6/secret.txt`, 'overwritten', { 'content-type': 'text/plain' }), 'write file link');
    assertInvalid(await raw('GET', `${ARTIFACTS}?path=6/escape`), 'list through link');
    assertInvalid(await raw('DELETE', `${ARTIFACTS}/6/escape/secret.txt`), 'delete through link');
    assert.deepEqual((await getJson(`${ARTIFACTS}?path=6`)).body, {}, 'links out of the root are not listed');

    assert.ok(!existsSync(join(base, 'outside', 'planted.txt')));
    assert.equal(readFileSync(join(base, 'outside', 'secret.txt'), 'utf8'), 'secret');
    assert.deepEqual(readdirSync(join(base, 'outside')), ['secret.txt']);
  });

  it('answers multipart-upload requests with 501 so clients fall back to a single PUT', async () => {
    const res = await raw('POST', '/api/2.0/mlflow-artifacts/mpu/create/1/run1/artifacts/big.bin', '{"path":"big.bin","num_parts":2}', { 'content-type': 'application/json' });
    assert.equal(res.status, 501);
    assert.equal(JSON.parse(res.body).message, 'Multipart upload is not supported for the current artifact repository');
  });

  it('streams a 50 MB upload to disk and back', { timeout: 120_000 }, async () => {
    const size = 50 * 1024 * 1024;
    const sent = createHash('sha256');
    const url = new URL(server.url);
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          method: 'PUT',
          path: `${ARTIFACTS}/7/run7/artifacts/big.bin`,
          headers: { 'content-type': 'application/octet-stream', 'content-length': String(size) },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      pipeline(generatedBody(size, sent), req).catch(reject);
    });
    assert.equal(status, 200);
    const listing = await getJson(`${ARTIFACTS}?path=7/run7/artifacts`);
    assert.deepEqual(listing.body, { files: [{ path: 'big.bin', is_dir: false, file_size: size }] });

    const res = await fetch(`${server.url}${ARTIFACTS}/7/run7/artifacts/big.bin`);
    assert.equal(res.headers.get('content-length'), String(size));
    const received = createHash('sha256');
    let total = 0;
    for await (const chunk of res.body!) {
      received.update(chunk);
      total += chunk.length;
    }
    assert.equal(total, size);
    assert.equal(received.digest('hex'), sent.digest('hex'));
  });

  it('never leaves temp files behind', () => {
    assert.deepEqual(walk(root).filter((p) => TEMP_FILE.test(p.split('/').pop()!)), []);
    assert.ok(relative(root, base).startsWith('..'));
  });
});

describe('artifact routes with --no-serve-artifacts', () => {
  it('answers every artifact route with a plain-text 503', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlflow-ts-artoff-'));
    const store = await openTrackingStore(':memory:');
    const app = await createTrackingApp({ store, artifactsDestination: dir, serveArtifacts: false });
    try {
      const requests: [string, string][] = [
        ['PUT', '/api/2.0/mlflow-artifacts/artifacts/1/r/artifacts/a.txt'],
        ['GET', '/api/2.0/mlflow-artifacts/artifacts/1/r/artifacts/a.txt'],
        ['GET', '/api/2.0/mlflow-artifacts/artifacts?path=1'],
        ['DELETE', '/api/2.0/mlflow-artifacts/artifacts/1/r/artifacts/a.txt'],
        ['PUT', '/ajax-api/2.0/mlflow-artifacts/artifacts/1/r/artifacts/a.txt'],
        ['GET', '/api/2.0/mlflow/artifacts/list?run_id=abc'],
        ['GET', '/ajax-api/2.0/mlflow/artifacts/list?run_id=abc'],
        ['GET', '/get-artifact?run_id=abc&path=a.txt'],
        ['POST', '/ajax-api/2.0/mlflow/upload-artifact?run_uuid=abc&path=a.txt'],
        ['POST', '/api/2.0/mlflow-artifacts/mpu/create/1/a.txt'],
      ];
      for (const [method, url] of requests) {
        const res = await app.inject({ method: method as 'GET', url, payload: method === 'GET' || method === 'DELETE' ? undefined : 'data', headers: { 'content-type': 'text/plain' } });
        assert.equal(res.statusCode, 503, `${method} ${url}`);
        assert.match(res.headers['content-type'] as string, /^text\/plain/);
        assert.match(res.body, /--no-serve-artifacts/);
      }
      assert.deepEqual(readdirSync(dir), []);
      // The rest of the API keeps working.
      const health = await app.inject({ method: 'GET', url: '/health' });
      assert.equal(health.statusCode, 200);
    } finally {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
