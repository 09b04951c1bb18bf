/**
 * Where a project command runs: the current environment, a cached virtualenv built from a
 * python_env, or a Docker container for a docker_env. Each is reduced to the same two things, how
 * to start the command line (`argv`) and with which environment variables (`env`), so running and
 * logging stay one code path (process.ts).
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { delimiter, dirname, isAbsolute, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { EnvSpec } from './mlproject.ts';

export type { EnvSpec };

/**
 * An environment that cannot be prepared (no Python, no Docker, a failed pip install, conda_env).
 * Raised after the run exists, so the run ends FAILED; the message says what to install or change.
 */
export class EnvironmentError extends Error {
  override readonly name = 'EnvironmentError';
}

/**
 * `local` runs every project in the current environment (MLflow's `--env-manager local`);
 * `virtualenv` or none uses the project's own: a venv for python_env, a container for docker_env.
 */
export type EnvManager = 'local' | 'virtualenv';

export interface PrepareEnvironmentOptions {
  projectDir: string;
  envManager?: EnvManager;
  /** Where virtualenvs are kept, e.g. ~/.cache/mlflow-ts/envs. */
  cacheDir: string;
  baseEnv: NodeJS.ProcessEnv;
  /** MLFLOW_TRACKING_URI, MLFLOW_RUN_ID, MLFLOW_EXPERIMENT_ID. */
  trackingEnv: Record<string, string>;
  log: (line: string) => void;
  /** Python to build virtualenvs with. Default `python<version>` from the spec if it runs, else `python3`. */
  python?: string;
  /** Default `docker`, looked up on baseEnv's PATH. */
  docker?: string;
  /** For tests; default process.platform (decides how a container reaches a tracking server on the host). */
  platform?: NodeJS.Platform;
}

export interface PreparedEnvironment {
  /** How to run a shell command line in this environment. */
  argv(command: string): [string, ...string[]];
  env: NodeJS.ProcessEnv;
  /** For the `mlflow.project.env` tag. */
  description: 'local' | 'virtualenv' | 'docker';
  /** More run tags MLflow sets for this environment (`mlflow.docker.image.uri`). */
  tags: Record<string, string>;
}

/** Where a docker_env container sees the project, as in MLflow. */
export const DOCKER_WORKDIR = '/mlflow/projects/code';
/** Written last into a virtualenv: a directory without it is a build that did not finish. */
export const VENV_MARKER = '.mlflow-ts-env.json';

export async function prepareEnvironment(spec: EnvSpec, options: PrepareEnvironmentOptions): Promise<PreparedEnvironment> {
  if (spec.kind === 'local' || options.envManager === 'local') {
    if (spec.kind !== 'local') options.log(`--env-manager local: running the ${spec.kind} project in the current environment`);
    return localEnvironment(options);
  }
  switch (spec.kind) {
    case 'python_env':
      return pythonEnvironment(spec, options);
    case 'docker_env':
      return dockerEnvironment(spec, options);
    case 'conda_env':
      throw new EnvironmentError(
        `conda_env is not supported: use python_env (a python_env.yaml) or docker_env, or --env-manager local (the project's ${spec.file} is not read).`,
      );
  }
}

const shell = (command: string): [string, ...string[]] => ['/bin/sh', '-c', command];

/**
 * PATH with the running Node's directory first. mlflow-ts needs Node 24 and runs on it, while the
 * `node` first on PATH may be older (the system Node on CI images and here is v20, which cannot
 * run a project's `.ts` files): a command's `node`, `npm` and `npx` must be the running one.
 */
function pathWithNodeFirst(path: string | undefined): string {
  const nodeDir = dirname(process.execPath);
  const rest = (path ?? '/usr/local/bin:/usr/bin:/bin').split(delimiter).filter((dir) => dir !== nodeDir);
  return [nodeDir, ...rest].join(delimiter);
}

function localEnvironment(options: PrepareEnvironmentOptions): PreparedEnvironment {
  return {
    argv: shell,
    env: { ...options.baseEnv, ...options.trackingEnv, PATH: pathWithNodeFirst(options.baseEnv.PATH) },
    description: 'local',
    tags: {},
  };
}

// --- python_env -------------------------------------------------------------------------------

interface Interpreter {
  command: string;
  version: string;
  /** sys.executable: the real file behind a shim such as pyenv's. */
  executable: string;
}

const majorMinor = (version: string): string => version.split('.').slice(0, 2).join('.');

async function findPython(wanted: string | undefined, options: PrepareEnvironmentOptions): Promise<Interpreter> {
  const candidates = options.python
    ? [options.python]
    : wanted && /^\d+(\.\d+)*$/.test(wanted)
      ? [`python${majorMinor(wanted)}`, 'python3']
      : ['python3'];
  const env = { ...options.baseEnv };
  const failures: string[] = [];
  for (const command of [...new Set(candidates)]) {
    const probe = await exec([command, '-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3]); print(sys.executable)'], {
      cwd: options.projectDir,
      env,
      keepStdout: true,
    });
    const [version, executable] = probe.stdout.trim().split('\n');
    if (probe.code === 0 && version && executable) return { command, version, executable };
    failures.push(`${command}: ${probe.error?.code === 'ENOENT' ? 'not found' : (probe.stderrTail.at(-1) ?? `exit code ${probe.code}`)}`);
  }
  throw new EnvironmentError(
    `python_env needs Python 3 to build a virtualenv, and none ran (${failures.join('; ')}). ` +
      'Install Python (in GitHub Actions: actions/setup-python) or run with --env-manager local.',
  );
}

async function pythonEnvironment(spec: Extract<EnvSpec, { kind: 'python_env' }>, options: PrepareEnvironmentOptions): Promise<PreparedEnvironment> {
  const { log } = options;
  const python = await findPython(spec.python, options);
  if (spec.python && majorMinor(spec.python) !== majorMinor(python.version)) {
    // Warn, not fail: most projects run on a nearby Python, and CI chooses its Python with
    // actions/setup-python. MLflow would install the exact one with pyenv; we do not download Pythons.
    log(
      `warning: ${spec.file} asks for Python ${spec.python} but ${python.command} is ${python.version}; building the virtualenv with ${python.version}. ` +
        `To get ${spec.python}, put a python${majorMinor(spec.python)} on PATH (actions/setup-python) or pass the interpreter to use.`,
    );
  }
  // The interpreter is part of the key so a venv never outlives the Python it links to. The
  // dependency lists are hashed as written: a `-r requirements.txt` line whose file changes keeps
  // the same venv (as in MLflow).
  const key = {
    python: spec.python ?? null,
    interpreter: { version: python.version, executable: python.executable },
    buildDependencies: [...spec.buildDependencies].sort(),
    dependencies: [...spec.dependencies].sort(),
  };
  // 32 hex digits keep the venv path short: pip-installed scripts start with a `#!<venv>/bin/python`
  // line, which kernels cut at 127 (older) or 255 characters.
  const venv = join(options.cacheDir, createHash('sha256').update(JSON.stringify(key)).digest('hex').slice(0, 32));
  const venvPython = join(venv, 'bin', 'python');
  const prepared: PreparedEnvironment = {
    argv: shell,
    env: venvEnv(venv, options),
    description: 'virtualenv',
    tags: {},
  };
  if ((await isFile(join(venv, VENV_MARKER))) && (await isFile(venvPython))) {
    log(`Reusing virtualenv ${venv}`);
    return prepared;
  }

  log(`Creating virtualenv ${venv} (Python ${python.version})`);
  await rm(venv, { recursive: true, force: true });
  await mkdir(options.cacheDir, { recursive: true });
  // pip's own settings (PIP_INDEX_URL, PIP_FIND_LINKS, PIP_NO_INDEX, pip.conf) pass through
  // untouched, which is what makes offline installs from a local wheel directory work.
  const toolEnv: NodeJS.ProcessEnv = { PIP_DISABLE_PIP_VERSION_CHECK: '1', ...options.baseEnv };
  const tool = { cwd: options.projectDir, env: toolEnv, log };
  await execOrThrow([python.executable, '-m', 'venv', venv], tool, 'creating the virtualenv');
  for (const [what, deps] of [
    ['build_dependencies', spec.buildDependencies],
    ['dependencies', spec.dependencies],
  ] as const) {
    if (deps.length === 0) continue;
    log(`Installing ${what}: ${deps.join(' ')}`);
    // One requirements line per entry, as MLflow does, so entries such as `-r requirements.txt`
    // or `--find-links ./wheels` work. It lives in the project so relative paths in it resolve
    // against the project, as they do for MLflow.
    const requirements = join(options.projectDir, `.mlflow-ts-requirements-${randomBytes(6).toString('hex')}.txt`);
    await writeFile(requirements, `${deps.join('\n')}\n`);
    try {
      await execOrThrow([venvPython, '-m', 'pip', 'install', '-r', requirements], tool, `installing the python_env ${what}`);
    } finally {
      await unlink(requirements).catch(() => undefined);
    }
  }
  await writeFile(join(venv, VENV_MARKER), `${JSON.stringify(key, null, 2)}\n`);
  return prepared;
}

/** What `source <venv>/bin/activate` does, plus the running Node first after the venv. */
function venvEnv(venv: string, options: PrepareEnvironmentOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...options.baseEnv,
    ...options.trackingEnv,
    VIRTUAL_ENV: venv,
    PATH: [join(venv, 'bin'), pathWithNodeFirst(options.baseEnv.PATH)].join(delimiter),
  };
  delete env.PYTHONHOME;
  return env;
}

// --- docker_env -------------------------------------------------------------------------------

/** Credentials the command's MLflow client needs inside the container, if the host has them. */
const TRACKING_PASSTHROUGH = ['MLFLOW_TRACKING_USERNAME', 'MLFLOW_TRACKING_PASSWORD', 'MLFLOW_TRACKING_TOKEN', 'MLFLOW_TRACKING_INSECURE_TLS'];

/** Values that must not appear in a process listing (`ps`) as part of docker's arguments. */
function sensitive(name: string, value: string): boolean {
  return /TOKEN|PASSWORD|SECRET|KEY/i.test(name) || /^[a-z][a-z0-9+.-]*:\/\/[^/@]*@/i.test(value);
}

const LOOPBACK = /^(\w[\w+.-]*:\/\/(?:[^/@]*@)?)(localhost|127\.0\.0\.1|\[::1\])(?=[:/]|$)/i;

async function dockerEnvironment(spec: Extract<EnvSpec, { kind: 'docker_env' }>, options: PrepareEnvironmentOptions): Promise<PreparedEnvironment> {
  const dockerCommand = options.docker ?? 'docker';
  const docker = await which(dockerCommand, options.baseEnv.PATH);
  if (!docker) {
    throw new EnvironmentError(
      `docker_env needs Docker: '${dockerCommand}' was not found on PATH. Install it (GitHub's hosted Ubuntu runners have it) or run with --env-manager local.`,
    );
  }
  const linux = (options.platform ?? process.platform) === 'linux';
  const env: NodeJS.ProcessEnv = { ...options.baseEnv, ...options.trackingEnv };

  // --init: the command is not PID 1, so the SIGTERM that docker relays when a run is stopped
  // ends it instead of being ignored by a shell as PID 1 (which would leave the container running).
  const args = ['run', '--rm', '--init'];
  const containerEnv: Record<string, string> = { ...options.trackingEnv };
  // A tracking server on the host's loopback: on Linux the container shares the host's network;
  // Docker Desktop (macOS, Windows) runs containers in a VM, where the host is host.docker.internal.
  if (linux) args.push('--network', 'host');
  else if (containerEnv.MLFLOW_TRACKING_URI) containerEnv.MLFLOW_TRACKING_URI = containerEnv.MLFLOW_TRACKING_URI.replace(LOOPBACK, '$1host.docker.internal');

  args.push('-v', `${options.projectDir}:${DOCKER_WORKDIR}`);
  for (const volume of spec.volumes) args.push('-v', volume);
  // A tracking store on the local disk is mounted at the same path, so the URI means the same there.
  const storePath = localStorePath(containerEnv.MLFLOW_TRACKING_URI);
  if (storePath) args.push('-v', `${storePath}:${storePath}`);
  args.push('-w', DOCKER_WORKDIR);

  for (const [name, value] of Object.entries(containerEnv)) {
    if (sensitive(name, value)) {
      // `-e NAME` alone makes docker copy the value from its own environment.
      env[name] = value;
      args.push('-e', name);
    } else {
      args.push('-e', `${name}=${value}`);
    }
  }
  for (const name of TRACKING_PASSTHROUGH) {
    if (options.baseEnv[name] !== undefined && !(name in containerEnv)) args.push('-e', name);
  }
  for (const entry of spec.environment) {
    if (typeof entry === 'string') {
      if (options.baseEnv[entry] === undefined) options.log(`warning: docker_env copies ${entry} from the environment, but it is not set`);
      args.push('-e', entry);
    } else {
      args.push('-e', `${entry[0]}=${entry[1]}`);
    }
  }
  args.push(spec.image);
  return {
    argv: (command) => [docker, ...args, 'sh', '-c', command],
    env,
    description: 'docker',
    tags: { 'mlflow.docker.image.uri': spec.image },
  };
}

function localStorePath(uri: string | undefined): string | undefined {
  if (!uri) return undefined;
  if (uri.startsWith('file:')) return fileURLToPath(uri);
  return isAbsolute(uri) ? uri : undefined;
}

// --- helpers ----------------------------------------------------------------------------------

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The executable `command` names, looked up like a shell would on `path`. */
async function which(command: string, path: string | undefined): Promise<string | undefined> {
  const candidates = command.includes('/') ? [command] : (path ?? '').split(delimiter).map((dir) => join(dir || '.', command));
  for (const candidate of candidates) {
    try {
      await access(candidate, constants.X_OK);
      if (await isFile(candidate)) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

interface ExecOutcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  error?: NodeJS.ErrnoException;
  stdout: string;
  stderrTail: string[];
  stdoutTail: string[];
}

const TAIL_LINES = 20;

/** Run a build tool, its lines passed to `log` as they come, keeping the last ones for errors. */
function exec(argv: [string, ...string[]], options: { cwd: string; env: NodeJS.ProcessEnv; log?: (line: string) => void; keepStdout?: boolean }): Promise<ExecOutcome> {
  return new Promise((resolve) => {
    const child = spawn(argv[0], argv.slice(1), { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const outcome: ExecOutcome = { code: null, signal: null, stdout: '', stderrTail: [], stdoutTail: [] };
    const follow = (stream: NodeJS.ReadableStream, tail: string[], keep: boolean): void => {
      createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
        if (keep) outcome.stdout += `${line}\n`;
        tail.push(line);
        if (tail.length > TAIL_LINES) tail.shift();
        options.log?.(`  ${line}`);
      });
    };
    follow(child.stdout, outcome.stdoutTail, options.keepStdout === true);
    follow(child.stderr, outcome.stderrTail, false);
    child.on('error', (err: NodeJS.ErrnoException) => {
      outcome.error = err;
    });
    child.on('close', (code: number | null, signal: NodeJS.Signals | null) => {
      outcome.code = outcome.error ? null : code;
      outcome.signal = signal;
      resolve(outcome);
    });
  });
}

async function execOrThrow(argv: [string, ...string[]], options: { cwd: string; env: NodeJS.ProcessEnv; log: (line: string) => void }, what: string): Promise<void> {
  const outcome = await exec(argv, options);
  if (outcome.code === 0) return;
  const how = outcome.error ? outcome.error.message : outcome.signal ? `killed by ${outcome.signal}` : `exit code ${outcome.code}`;
  const tail = outcome.stderrTail.length ? outcome.stderrTail : outcome.stdoutTail;
  const hint = argv.includes('venv') && tail.some((line) => line.includes('ensurepip')) ? ' (on Debian or Ubuntu: apt-get install python3-venv)' : '';
  throw new EnvironmentError(
    `${what} failed: \`${argv.join(' ')}\` ended with ${how}${hint}.${tail.length ? `\nIts output ended with:\n${tail.join('\n')}` : ''}`,
  );
}
