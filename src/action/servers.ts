/**
 * The ephemeral servers in the runner: the bundled CLI's `mlflow-ts server` (with the gateway when
 * a gateway config is given), or a standalone `mlflow-ts gateway start` next to a remote tracking
 * server. Each is its own process group, started detached with its output in a log file, so it
 * can outlive the main step (mode `start`) and the post step can stop the whole group by pid
 * even when the main step died. Readiness is the CLI's start-up line, which carries the URL
 * `--port 0` picked.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const READY = /listening on (http:\/\/\S+)/;
const POLL_MS = 5;

/** The server did not come up; the message carries the end of its log. */
export class ServerStartError extends Error {
  override name = 'ServerStartError';
}

/** The bundled CLI next to this bundle: dist/cli/index.js beside dist/action-main/ (or action-post/). */
export function bundledCli(entry: string | undefined = process.argv[1]): string {
  if (!entry) throw new ServerStartError('Cannot locate the bundled CLI: the action was not started from its dist/ entry.');
  return path.join(path.dirname(path.resolve(entry)), '..', 'cli', 'index.js');
}

/**
 * Variables no child needs: the action's inputs (the GitHub token among them) and the runner's
 * runtime tokens stay with the action, not with a project's training script.
 */
export function childEnv(env: NodeJS.ProcessEnv, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(env)) {
    if (key.startsWith('INPUT_') || key.startsWith('STATE_') || key === 'ACTIONS_RUNTIME_TOKEN' || key.startsWith('ACTIONS_ID_TOKEN_REQUEST_')) continue;
    out[key] = value;
  }
  return { ...out, ...extra };
}

export interface LaunchOptions {
  cli: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  /** Where the process's stdout and stderr go. */
  logFile: string;
  timeoutMs?: number;
}

export interface Launched {
  pid: number;
  url: string;
}

/** Starts the CLI detached (its own process group) and waits for its start-up line. */
export async function launchDetached(options: LaunchOptions): Promise<Launched> {
  await mkdir(path.dirname(options.logFile), { recursive: true });
  const fd = openSync(options.logFile, 'a');
  let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  let spawnError: Error | undefined;
  let pid: number | undefined;
  try {
    const child = spawn(process.execPath, [options.cli, ...options.args], { detached: true, stdio: ['ignore', fd, fd], env: options.env });
    child.once('exit', (code, signal) => (exit = { code, signal }));
    child.once('error', (error) => (spawnError = error));
    child.unref();
    pid = child.pid;
  } finally {
    closeSync(fd);
  }
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    const log = readFileSync(options.logFile, 'utf8');
    const ready = READY.exec(log);
    if (ready && pid !== undefined) return { pid, url: ready[1]!.replace(/\/+$/, '') };
    if (spawnError) throw new ServerStartError(`Could not start mlflow-ts (${spawnError.message}).`);
    if (exit) throw new ServerStartError(`mlflow-ts ${options.args[0] ?? ''} exited (${exit.signal ?? `code ${exit.code}`}) before listening. Its output:\n${tail(log)}`);
    if (Date.now() > deadline) {
      if (pid !== undefined) await stopProcessGroup(pid, { graceMs: 1000 });
      throw new ServerStartError(`mlflow-ts ${options.args[0] ?? ''} did not start within ${options.timeoutMs ?? 30_000} ms. Its output:\n${tail(log)}`);
    }
    await sleep(POLL_MS);
  }
}

function tail(text: string, lines = 30): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/** The last lines of a log file, '' when it cannot be read. */
export async function logTail(file: string, lines = 30): Promise<string> {
  try {
    return tail(await readFile(file, 'utf8'), lines);
  } catch {
    return '';
  }
}

/** Members of process group `pgid` that are alive (a zombie, already dead, does not count). */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    // EPERM: it exists but is not ours to signal.
    return true;
  }
  if (process.platform !== 'linux') return true;
  // kill(2) succeeds for zombies; a dead member nobody has reaped yet is gone for our purposes.
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      } catch {
        continue;
      }
      // pid (comm) state ppid pgrp ...: comm may hold spaces and parentheses, so split after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid && fields[0] !== 'Z') return true;
    }
    return false;
  } catch {
    return true;
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/**
 * Stops a process group: SIGTERM (the server checkpoints its database and exits), then SIGKILL
 * after `graceMs`; resolves once no member is alive. `gone`: it had already exited.
 */
export async function stopProcessGroup(pgid: number, options: { graceMs?: number } = {}): Promise<'stopped' | 'killed' | 'gone'> {
  if (!groupAlive(pgid)) return 'gone';
  signalGroup(pgid, 'SIGTERM');
  const deadline = Date.now() + (options.graceMs ?? 10_000);
  while (Date.now() < deadline) {
    if (!groupAlive(pgid)) return 'stopped';
    await sleep(10);
  }
  signalGroup(pgid, 'SIGKILL');
  const killDeadline = Date.now() + 5_000;
  while (groupAlive(pgid) && Date.now() < killDeadline) await sleep(10);
  return 'killed';
}

export interface ServerSet {
  trackingUri: string;
  /** The gateway's base URL (the tracking server's, when it serves the gateway). */
  gatewayUri: string | undefined;
  /** The process group we started; undefined with a remote server and no gateway. */
  pid: number | undefined;
  logFile: string | undefined;
  /** Whether the tracking server is ours (ephemeral) or the remote tracking-uri. */
  ephemeral: boolean;
}

export interface StartServersOptions {
  cli: string;
  /** A fresh directory for the database, artifacts and log. */
  dir: string;
  env: NodeJS.ProcessEnv;
  trackingUri?: string;
  trackingToken?: string;
  gatewayConfig?: string;
  gatewayReplay?: string;
}

/** The tracking server (unless remote) and the gateway (when configured), ready to use. */
export async function startServers(options: StartServersOptions): Promise<ServerSet> {
  const config = options.gatewayConfig === undefined ? undefined : path.resolve(options.gatewayConfig);
  const replay = options.gatewayReplay === undefined ? undefined : path.resolve(options.gatewayReplay);
  const logFile = path.join(options.dir, 'server.log');
  if (options.trackingUri === undefined) {
    const args = [
      'server',
      '--port',
      '0',
      '--backend-store-uri',
      path.join(options.dir, 'mlruns.db'),
      '--artifacts-destination',
      path.join(options.dir, 'mlartifacts'),
      ...(config === undefined ? [] : ['--gateway-config', config]),
      ...(replay === undefined ? [] : ['--gateway-replay', replay]),
    ];
    const launched = await launchDetached({ cli: options.cli, args, env: childEnv(options.env), logFile });
    return { trackingUri: launched.url, gatewayUri: config === undefined ? undefined : launched.url, pid: launched.pid, logFile, ephemeral: true };
  }
  if (config === undefined) return { trackingUri: options.trackingUri, gatewayUri: undefined, pid: undefined, logFile: undefined, ephemeral: false };
  // A remote tracking server: the gateway runs on its own and traces into the remote server.
  const env = childEnv(options.env, { MLFLOW_TRACKING_URI: options.trackingUri, ...(options.trackingToken ? { MLFLOW_TRACKING_TOKEN: options.trackingToken } : {}) });
  const launched = await launchDetached({ cli: options.cli, args: ['gateway', 'start', '--port', '0', '--no-watch', '--config-path', config, ...(replay === undefined ? [] : ['--replay', replay])], env, logFile });
  return { trackingUri: options.trackingUri, gatewayUri: launched.url, pid: launched.pid, logFile, ephemeral: false };
}

/** Placeholder keys for SDKs that refuse to start without one; the gateway holds the real keys. */
export const DUMMY_API_KEY = 'unused-keys-are-held-by-the-mlflow-ts-gateway';

/**
 * What later steps (mode `start`) and the entry points see: where to log and where the gateway
 * is, under the names MLflow and the OpenAI and Anthropic SDKs read.
 */
export function serverVariables(servers: ServerSet, env: NodeJS.ProcessEnv, trackingToken?: string): Record<string, string> {
  const vars: Record<string, string> = { MLFLOW_TRACKING_URI: servers.trackingUri };
  if (trackingToken) vars.MLFLOW_TRACKING_TOKEN = trackingToken;
  const g = servers.gatewayUri;
  if (g !== undefined) {
    vars.MLFLOW_GATEWAY_URI = g;
    vars.MLFLOW_DEPLOYMENTS_TARGET = g;
    vars.OPENAI_BASE_URL = `${g}/gateway/openai/v1`;
    vars.ANTHROPIC_BASE_URL = `${g}/gateway/anthropic`;
    if (!env.OPENAI_API_KEY) vars.OPENAI_API_KEY = DUMMY_API_KEY;
    if (!env.ANTHROPIC_API_KEY) vars.ANTHROPIC_API_KEY = DUMMY_API_KEY;
  }
  return vars;
}
