/**
 * Starts `mlflow-ts server` as a child process and waits until it listens: the one way every
 * caller that needs a separate server process (the demo, benchmarks, tests of the bundle, and
 * the Action's ephemeral server) brings it up. Readiness is the CLI's start-up line, which
 * carries the real URL even when `--port 0` picked a free port.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface LaunchOptions {
  /** The CLI entry: `dist/cli/index.js`, or `src/cli/main.ts` in development. */
  cli: string;
  /** Arguments after `server`, e.g. `['--port', '0', '--backend-store-uri', path]`. */
  args?: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** How long to wait for the start-up line before giving up (ms). */
  timeoutMs?: number;
  /** Called with each piece of the server's stderr (e.g. to echo it). */
  onStderr?: (text: string) => void;
}

export interface LaunchedServer {
  url: string;
  child: ChildProcess;
  /** Everything the server wrote to stderr so far. */
  stderr: () => string;
  /** Resolves with the exit code when the process ends. */
  exited: Promise<number | null>;
  /** SIGTERM (clean shutdown) and wait for the exit; resolves with the exit code. */
  stop: () => Promise<number | null>;
}

const READY = /listening on (http:\/\/\S+)/;

export async function launchServer(options: LaunchOptions): Promise<LaunchedServer> {
  const child = spawn(process.execPath, [options.cli, 'server', ...(options.args ?? [])], {
    env: options.env ?? process.env,
    cwd: options.cwd,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`mlflow-ts server did not start within ${options.timeoutMs ?? 20_000} ms; its output:\n${stderr}`));
    }, options.timeoutMs ?? 20_000);
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      stderr += text;
      options.onStderr?.(text);
      const match = READY.exec(stderr);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`mlflow-ts server exited with code ${code} before listening; its output:\n${stderr}`));
    });
  });
  return {
    url,
    child,
    stderr: () => stderr,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
