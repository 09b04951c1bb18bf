import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { EnvironmentError, prepareEnvironment, VENV_MARKER, type EnvSpec, type PrepareEnvironmentOptions, type PreparedEnvironment } from '../../src/projects/environment.ts';
import { runCommand } from '../../src/projects/process.ts';

const TRACKING = { MLFLOW_TRACKING_URI: 'http://127.0.0.1:5000', MLFLOW_RUN_ID: 'run123', MLFLOW_EXPERIMENT_ID: '7' };

async function withDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'mlflow-ts-env-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function options(dir: string, extra: Partial<PrepareEnvironmentOptions> = {}): PrepareEnvironmentOptions & { lines: string[] } {
  const lines: string[] = [];
  return {
    projectDir: join(dir, 'project'),
    envManager: 'virtualenv',
    cacheDir: join(dir, 'cache'),
    baseEnv: { PATH: process.env.PATH, HOME: process.env.HOME },
    trackingEnv: TRACKING,
    log: (line) => lines.push(line),
    lines,
    ...extra,
  };
}

/** Run `command` in the prepared environment; its stdout. */
async function runIn(prepared: PreparedEnvironment, dir: string, command: string): Promise<string> {
  const logDir = await mkdtemp(join(dir, 'logs-'));
  const result = await runCommand({ argv: prepared.argv(command), cwd: join(dir, 'project'), env: prepared.env, logDir, timeoutMs: 60_000 });
  const stdout = await readFile(result.stdoutFile, 'utf8');
  assert.equal(result.status, 'FINISHED', `${command}: ${stdout}${await readFile(result.stderrFile, 'utf8')}`);
  return stdout;
}

const pythonEnv = (extra: Partial<Extract<EnvSpec, { kind: 'python_env' }>> = {}): EnvSpec => ({
  kind: 'python_env',
  file: 'python_env.yaml',
  buildDependencies: [],
  dependencies: [],
  ...extra,
});

describe('local environment', () => {
  it("puts the running Node first on PATH, so a command's `node` is this Node and not the system's", () =>
    withDir(async (dir) => {
      await mkdir(join(dir, 'project'));
      // /usr/bin first: where the older system Node lives on this machine and on CI images.
      const prepared = await prepareEnvironment({ kind: 'local' }, options(dir, { baseEnv: { PATH: `/usr/bin:/bin:${process.env.PATH}` } }));
      assert.equal(prepared.description, 'local');
      assert.deepEqual(prepared.argv('echo hi'), ['/bin/sh', '-c', 'echo hi']);
      assert.equal(prepared.env.PATH?.split(':')[0], dirname(process.execPath));
      assert.equal(await runIn(prepared, dir, 'node -e "console.log(process.version)"'), `${process.version}\n`);
      assert.equal(await runIn(prepared, dir, 'echo "$MLFLOW_TRACKING_URI $MLFLOW_RUN_ID $MLFLOW_EXPERIMENT_ID"'), 'http://127.0.0.1:5000 run123 7\n');
    }));

  it('runs a python_env, docker_env or conda_env project in the current environment with --env-manager local', () =>
    withDir(async (dir) => {
      for (const spec of [pythonEnv(), { kind: 'docker_env', image: 'x', volumes: [], environment: [] }, { kind: 'conda_env', file: 'conda.yaml' }] satisfies EnvSpec[]) {
        const o = options(dir, { envManager: 'local', baseEnv: { PATH: '/usr/bin:/bin' } });
        const prepared = await prepareEnvironment(spec, o);
        assert.equal(prepared.description, 'local', spec.kind);
        assert.deepEqual(prepared.argv('x'), ['/bin/sh', '-c', 'x']);
        assert.equal(prepared.env.PATH, `${dirname(process.execPath)}:/usr/bin:/bin`);
        assert.equal(prepared.env.MLFLOW_RUN_ID, 'run123');
      }
      await assert.rejects(stat(join(dir, 'cache')), 'no virtualenv built');
    }));
});

describe('python_env', () => {
  it('builds a real virtualenv for an empty dependency list, runs the command in it, and reuses it', () =>
    withDir(async (dir) => {
      await mkdir(join(dir, 'project'));
      const first = options(dir);
      const prepared = await prepareEnvironment(pythonEnv(), first);
      assert.equal(prepared.description, 'virtualenv');
      const venv = prepared.env.VIRTUAL_ENV!;
      assert.equal(dirname(venv), join(dir, 'cache'));
      assert.match(venv, /\/[0-9a-f]{32}$/);
      assert.deepEqual(prepared.env.PATH?.split(':').slice(0, 2), [join(venv, 'bin'), dirname(process.execPath)]);
      assert.ok(first.lines.some((l) => l.startsWith(`Creating virtualenv ${venv}`)), first.lines.join('\n'));
      assert.equal(await runIn(prepared, dir, 'python -c "import sys; print(sys.prefix)"'), `${venv}\n`);
      assert.equal(await runIn(prepared, dir, 'echo "$MLFLOW_RUN_ID"'), 'run123\n');
      const marker = await stat(join(venv, VENV_MARKER));

      const second = options(dir);
      const again = await prepareEnvironment(pythonEnv(), second);
      assert.equal(again.env.VIRTUAL_ENV, venv);
      assert.deepEqual(second.lines, [`Reusing virtualenv ${venv}`]);
      assert.equal((await stat(join(venv, VENV_MARKER))).mtimeMs, marker.mtimeMs, 'not rebuilt');

      // The key is the environment's content, not where it was written; a venv without its marker
      // (an interrupted build) is rebuilt.
      const other = await prepareEnvironment(pythonEnv({ file: 'elsewhere/python_env.yaml' }), options(dir));
      assert.equal(other.env.VIRTUAL_ENV, venv);
      await unlink(join(venv, VENV_MARKER));
      const third = options(dir);
      await prepareEnvironment(pythonEnv(), third);
      assert.ok(third.lines.some((l) => l.startsWith('Creating virtualenv')), third.lines.join('\n'));
      assert.deepEqual(await readdir(join(dir, 'cache')), [venv.split('/').at(-1)]);
    }));

  it('installs dependencies with pip, honouring pip settings from the environment (offline, from a wheel directory)', () =>
    withDir(async (dir) => {
      await mkdir(join(dir, 'project'));
      const wheels = join(dir, 'wheels');
      await mkdir(wheels);
      buildWheel(wheels, 'mlflowtsdemo', '0.1', 'VALUE = 42\n');
      const o = options(dir, { baseEnv: { PATH: process.env.PATH, HOME: process.env.HOME, PIP_NO_INDEX: '1', PIP_FIND_LINKS: wheels } });
      const prepared = await prepareEnvironment(pythonEnv({ dependencies: ['mlflowtsdemo==0.1'] }), o);
      assert.equal(await runIn(prepared, dir, 'python -c "import mlflowtsdemo; print(mlflowtsdemo.VALUE)"'), '42\n');
      assert.ok(o.lines.some((l) => l === 'Installing dependencies: mlflowtsdemo==0.1'), o.lines.join('\n'));
      assert.deepEqual(await readdir(join(dir, 'project')), [], 'the temporary requirements file is removed');

      // A dependency pip cannot find: a clear error naming the command, with pip's last words, and
      // no marker, so the next attempt builds again instead of trusting a half-built venv.
      const failing = options(dir, { baseEnv: o.baseEnv });
      const error = await prepareEnvironment(pythonEnv({ dependencies: ['mlflowts-no-such-package==9.9'] }), failing).then(
        () => assert.fail('expected an error'),
        (err: unknown) => err,
      );
      assert.ok(error instanceof EnvironmentError);
      assert.match(error.message, /installing the python_env dependencies failed: `.*\/bin\/python -m pip install -r .*requirements.*\.txt` ended with exit code 1/);
      assert.match(error.message, /mlflowts-no-such-package/);
      const venvs = await readdir(join(dir, 'cache'));
      const markers = await Promise.all(venvs.map((v) => stat(join(dir, 'cache', v, VENV_MARKER)).then(() => true, () => false)));
      assert.equal(markers.filter(Boolean).length, 1, 'only the good venv is complete');
    }));

  it('warns when the spec asks for another Python, and names the failing command when the venv cannot be built', () =>
    withDir(async (dir) => {
      await mkdir(join(dir, 'project'));
      // A stand-in interpreter: answers the version probe, fails `-m venv` as a Python without
      // ensurepip does.
      const fake = join(dir, 'fakepython');
      await writeFile(
        fake,
        `#!/bin/sh\nif [ "$1" = "-c" ]; then echo 3.11.4; echo "${fake}"; exit 0; fi\necho "Error: Command '[...]' returned non-zero exit status 1 (ensurepip is not available)" >&2\nexit 1\n`,
      );
      await chmod(fake, 0o755);
      const o = options(dir, { python: fake });
      await assert.rejects(prepareEnvironment(pythonEnv({ python: '3.8.12' }), o), (err: Error) => {
        assert.ok(err instanceof EnvironmentError);
        assert.match(err.message, new RegExp(`^creating the virtualenv failed: \`${fake} -m venv ${join(dir, 'cache')}/[0-9a-f]{32}\` ended with exit code 1 \\(on Debian or Ubuntu: apt-get install python3-venv\\)`));
        assert.match(err.message, /ensurepip is not available/);
        return true;
      });
      assert.ok(o.lines.some((l) => /^warning: python_env\.yaml asks for Python 3\.8\.12 but .*fakepython is 3\.11\.4/.test(l)), o.lines.join('\n'));
    }));

  it('says what to do when there is no Python at all', () =>
    withDir(async (dir) => {
      await mkdir(join(dir, 'project'));
      await assert.rejects(prepareEnvironment(pythonEnv({ python: '3.10' }), options(dir, { baseEnv: { PATH: join(dir, 'empty') } })), (err: Error) => {
        assert.ok(err instanceof EnvironmentError);
        assert.match(err.message, /python_env needs Python 3 .*python3\.10: not found; python3: not found.*--env-manager local/);
        return true;
      });
    }));
});

describe('docker_env', () => {
  /** A stand-in `docker` that records its arguments (NUL-separated) and the token it was given. */
  async function fakeDocker(dir: string): Promise<{ bin: string; args: () => Promise<string[]>; token: () => Promise<string> }> {
    const bin = join(dir, 'bin');
    await mkdir(bin);
    const record = join(dir, 'docker-args');
    await writeFile(
      join(bin, 'docker'),
      `#!/bin/sh\nfor a in "$@"; do printf '%s\\0' "$a"; done > '${record}'\nprintf '%s' "$MLFLOW_TRACKING_TOKEN" > '${record}.token'\necho container-ran\n`,
    );
    await chmod(join(bin, 'docker'), 0o755);
    return {
      bin,
      args: async () => (await readFile(record, 'utf8')).split('\0').slice(0, -1),
      token: () => readFile(`${record}.token`, 'utf8'),
    };
  }

  it('runs the command with docker run: project mounted, tracking env passed, host network', () =>
    withDir(async (dir) => {
      await mkdir(join(dir, 'project'));
      const docker = await fakeDocker(dir);
      const o = options(dir, {
        platform: 'linux',
        baseEnv: { PATH: `${docker.bin}:/usr/bin:/bin`, FROM_HOST: 'h', MLFLOW_TRACKING_TOKEN: 'secret-token' },
      });
      const spec: EnvSpec = { kind: 'docker_env', image: 'ghcr.io/acme/train:1', volumes: ['/data:/data:ro'], environment: ['FROM_HOST', ['PAIR', 'a value'], 'NOT_SET'] };
      const prepared = await prepareEnvironment(spec, o);
      assert.equal(prepared.description, 'docker');
      assert.deepEqual(prepared.tags, { 'mlflow.docker.image.uri': 'ghcr.io/acme/train:1' });
      const command = 'python train.py --alpha "0.5"';
      assert.equal(await runIn(prepared, dir, command), 'container-ran\n');
      const project = join(dir, 'project');
      assert.deepEqual(await docker.args(), [
        'run', '--rm', '--init',
        '--network', 'host',
        '-v', `${project}:/mlflow/projects/code`,
        '-v', '/data:/data:ro',
        '-w', '/mlflow/projects/code',
        '-e', 'MLFLOW_TRACKING_URI=http://127.0.0.1:5000',
        '-e', 'MLFLOW_RUN_ID=run123',
        '-e', 'MLFLOW_EXPERIMENT_ID=7',
        '-e', 'MLFLOW_TRACKING_TOKEN',
        '-e', 'FROM_HOST',
        '-e', 'PAIR=a value',
        '-e', 'NOT_SET',
        'ghcr.io/acme/train:1',
        'sh', '-c', command,
      ]);
      // The token reaches docker through its environment, never its argument list.
      assert.equal(await docker.token(), 'secret-token');
      assert.equal(prepared.argv(command)[0], join(docker.bin, 'docker'));
      assert.deepEqual(o.lines, ['warning: docker_env copies NOT_SET from the environment, but it is not set']);
    }));

  it('reaches a loopback tracking server through host.docker.internal off Linux, keeps credentials out of argv, mounts a file store', () =>
    withDir(async (dir) => {
      const docker = await fakeDocker(dir);
      const spec: EnvSpec = { kind: 'docker_env', image: 'img', volumes: [], environment: [] };
      const base = { PATH: docker.bin };
      const mac = await prepareEnvironment(spec, options(dir, { platform: 'darwin', baseEnv: base, trackingEnv: { MLFLOW_TRACKING_URI: 'http://localhost:5000/' } }));
      const macArgs = mac.argv('x');
      assert.ok(!macArgs.includes('--network'));
      assert.ok(macArgs.includes('MLFLOW_TRACKING_URI=http://host.docker.internal:5000/'), macArgs.join(' '));

      // A distinctive password: temp directory names in argv are random and could contain a short one.
      const uri = 'https://user:s3cret-pw-7f2e@mlflow.example.com';
      const withUser = await prepareEnvironment(spec, options(dir, { platform: 'linux', baseEnv: base, trackingEnv: { MLFLOW_TRACKING_URI: uri } }));
      assert.ok(!withUser.argv('x').some((a) => a.includes('s3cret-pw-7f2e')));
      assert.equal(withUser.env.MLFLOW_TRACKING_URI, uri);

      const file = await prepareEnvironment(spec, options(dir, { platform: 'linux', baseEnv: base, trackingEnv: { MLFLOW_TRACKING_URI: 'file:///srv/mlruns' } }));
      const fileArgs = file.argv('x');
      assert.equal(fileArgs[fileArgs.indexOf('/srv/mlruns:/srv/mlruns') - 1], '-v');
    }));

  it('fails clearly when Docker is not installed', () =>
    withDir(async (dir) => {
      await mkdir(join(dir, 'empty'));
      const spec: EnvSpec = { kind: 'docker_env', image: 'img', volumes: [], environment: [] };
      await assert.rejects(prepareEnvironment(spec, options(dir, { baseEnv: { PATH: join(dir, 'empty') } })), (err: Error) => {
        assert.ok(err instanceof EnvironmentError);
        assert.match(err.message, /^docker_env needs Docker: 'docker' was not found on PATH\. Install it .* or run with --env-manager local\.$/);
        return true;
      });
    }));
});

describe('conda_env', () => {
  it('is refused with what to use instead', async () => {
    await assert.rejects(prepareEnvironment({ kind: 'conda_env', file: 'conda.yaml' }, options(tmpdir())), (err: Error) => {
      assert.ok(err instanceof EnvironmentError);
      assert.match(err.message, /^conda_env is not supported: use python_env \(a python_env\.yaml\) or docker_env, or --env-manager local/);
      return true;
    });
  });
});

/** A minimal pure-Python wheel, so pip can install offline from a local directory. */
function buildWheel(dir: string, name: string, version: string, init: string): void {
  const script = `
import sys, zipfile
d, name, version, init = sys.argv[1:5]
info = f"{name}-{version}.dist-info"
files = {
  f"{name}/__init__.py": init,
  f"{info}/METADATA": f"Metadata-Version: 2.1\\nName: {name}\\nVersion: {version}\\n",
  f"{info}/WHEEL": "Wheel-Version: 1.0\\nGenerator: test\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n",
}
files[f"{info}/RECORD"] = "".join(f"{p},,\\n" for p in [*files, f"{info}/RECORD"])
with zipfile.ZipFile(f"{d}/{name}-{version}-py3-none-any.whl", "w") as z:
  for p, text in files.items(): z.writestr(p, text)
`;
  execFileSync('python3', ['-c', script, dir, name, version, init]);
}
