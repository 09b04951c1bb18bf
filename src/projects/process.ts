/**
 * Running one project command as a child process tree: output streamed live and kept in log
 * files, the outcome mapped to MLflow's run statuses, and a timeout, an abort or the parent's own
 * Ctrl-C stopping the whole tree, not just the shell at its top.
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';

export type RunStatus = 'FINISHED' | 'FAILED' | 'KILLED';

export interface CommandResult {
  status: RunStatus;
  /** The exit code, or null when the process died of a signal or never started. */
  exitCode: number | null;
  /** The signal that ended the process, whoever sent it. */
  signal: NodeJS.Signals | null;
  /** Killed because `timeoutMs` ran out. */
  timedOut: boolean;
  stdoutFile: string;
  stderrFile: string;
  durationMs: number;
  /** Why the process could not be started at all (also written to stderr.txt); status FAILED. */
  startError?: string;
}

export interface RunCommandOptions {
  /** Program and arguments; no shell unless the caller passes `['/bin/sh', '-c', command]`. */
  argv: [string, ...string[]];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** stdout.txt and stderr.txt are written here (created if missing). */
  logDir: string;
  /** Kill the whole tree after this long; the result is KILLED with `timedOut`. */
  timeoutMs?: number;
  /** Aborting kills the whole tree; the result is KILLED. */
  signal?: AbortSignal;
  /** Where output is streamed live, as it comes (the log files get it too). */
  echo?: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream };
  /** Between SIGTERM and SIGKILL when stopping the tree. Default {@link DEFAULT_KILL_GRACE_MS}. */
  killGraceMs?: number;
}

export const DEFAULT_KILL_GRACE_MS = 5000;

/** setTimeout fires at once for delays beyond a signed 32-bit int, so longer ones mean "never". */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Run a command to its end. Never rejects for the command's own failure: a non-zero exit is
 * FAILED, a signal (ours on timeout/abort, or anyone else's) is KILLED, a program or working
 * directory that does not exist is FAILED with `startError`. Rejects only when the log directory
 * cannot be written.
 */
export async function runCommand(options: RunCommandOptions): Promise<CommandResult> {
  const { argv, cwd, env, logDir, timeoutMs, signal: abortSignal, echo } = options;
  const graceMs = options.killGraceMs ?? DEFAULT_KILL_GRACE_MS;
  await mkdir(logDir, { recursive: true });
  const stdoutFile = join(logDir, 'stdout.txt');
  const stderrFile = join(logDir, 'stderr.txt');
  const outFile = createWriteStream(stdoutFile);
  const errFile = createWriteStream(stderrFile);
  // Without a listener a write error (disk full) would be thrown from the event loop; the
  // `finished` in settle() turns it into this call's rejection instead.
  for (const file of [outFile, errFile]) file.on('error', () => undefined);
  const started = performance.now();

  const settle = async (partial: Pick<CommandResult, 'status' | 'exitCode' | 'signal' | 'timedOut'> & { startError?: string }): Promise<CommandResult> => {
    for (const file of [outFile, errFile]) if (!file.writableEnded) file.end();
    await Promise.all([finished(outFile), finished(errFile)]);
    if (partial.startError !== undefined) {
      // After the files are closed: the (empty) stderr pipe has already ended errFile.
      const line = `mlflow-ts: ${partial.startError}\n`;
      await appendFile(stderrFile, line);
      echo?.stderr.write(line);
    }
    return { ...partial, stdoutFile, stderrFile, durationMs: Math.round(performance.now() - started) };
  };

  if (abortSignal?.aborted) return settle({ status: 'KILLED', exitCode: null, signal: null, timedOut: false });

  // detached: the command leads its own process group, so one kill(-pid) reaches every process it
  // started (a shell's children, npm's node, a trainer's workers). stdin is closed because a
  // process in a background group that reads the terminal would be stopped by SIGTTIN.
  const child = spawn(argv[0], argv.slice(1), { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid;

  // pipe() keeps back-pressure: a slow console or disk pauses the child's output instead of
  // buffering it here.
  child.stdout.pipe(outFile);
  child.stderr.pipe(errFile);
  if (echo) {
    child.stdout.pipe(echo.stdout, { end: false });
    child.stderr.pipe(echo.stderr, { end: false });
  }

  let exited = false;
  let killedByUs = false;
  let timedOut = false;
  let startError: string | undefined;
  const timers: NodeJS.Timeout[] = [];
  const later = (ms: number, fn: () => void): void => void timers.push(setTimeout(fn, ms));

  const signalGroup = (sig: NodeJS.Signals): boolean => {
    if (pid === undefined) return false;
    try {
      process.kill(-pid, sig);
      return true;
    } catch {
      return false; // ESRCH: the group is already empty
    }
  };
  const stopGroup = (): void => {
    if (signalGroup('SIGTERM')) later(graceMs, () => signalGroup('SIGKILL'));
  };
  const killTree = (): void => {
    if (exited || killedByUs) return;
    killedByUs = true;
    stopGroup();
  };

  const onAbort = (): void => killTree();
  abortSignal?.addEventListener('abort', onAbort, { once: true });
  if (timeoutMs !== undefined && timeoutMs <= MAX_TIMER_MS) {
    later(Math.max(0, timeoutMs), () => {
      if (exited) return;
      timedOut = true;
      killTree();
    });
  }

  child.on('error', (err: NodeJS.ErrnoException) => {
    if (pid !== undefined) return; // spawned fine; kill errors do not concern the outcome
    startError =
      err.code === 'ENOENT'
        ? `could not start '${argv[0]}' in ${cwd}: the program or the working directory does not exist`
        : `could not start '${argv[0]}' in ${cwd}: ${err.message}`;
  });

  child.on('exit', () => {
    exited = true;
    // The command is done, but processes it left in its group (`server &`, a stray worker) would
    // hold the output pipes open, so the logs never end, and would outlive the run on the CI
    // machine. They are stopped like a timed-out tree; the status is the command's own.
    if (!killedByUs) stopGroup();
    // A straggler that left our group (setsid, a daemon) could still hold the pipes open: stop
    // reading after the grace period so the run ends anyway.
    later(graceMs + 1000, () => {
      child.stdout.destroy();
      child.stderr.destroy();
    });
  });

  const [code, sig] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => {
    child.once('close', (c: number | null, s: NodeJS.Signals | null) => resolve([c, s]));
  });
  for (const t of timers) clearTimeout(t);
  abortSignal?.removeEventListener('abort', onAbort);
  if (echo) {
    child.stdout.unpipe(echo.stdout);
    child.stderr.unpipe(echo.stderr);
  }

  if (startError !== undefined) return settle({ status: 'FAILED', exitCode: null, signal: null, timedOut: false, startError });
  const status: RunStatus = killedByUs || sig !== null ? 'KILLED' : code === 0 ? 'FINISHED' : 'FAILED';
  return settle({ status, exitCode: code, signal: sig, timedOut });
}

/**
 * Turn the parent's SIGINT/SIGTERM into `abort.abort()`, so Ctrl-C (which the terminal sends to
 * the foreground process group only, not to the command's own group) stops the command's tree
 * and its run ends KILLED instead of this process dying and leaving the tree running. While
 * subscribed, those signals no longer end this process: a second Ctrl-C waits for the tree to go
 * (at most the kill grace period). Returns the unsubscribe, which restores Node's default.
 */
export function forwardSignals(abort: AbortController, signals: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM']): () => void {
  const handler = (sig: NodeJS.Signals): void => {
    if (!abort.signal.aborted) abort.abort(new Error(`received ${sig}`));
  };
  for (const sig of signals) process.on(sig, handler);
  return () => {
    for (const sig of signals) process.off(sig, handler);
  };
}
