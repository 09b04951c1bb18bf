/**
 * A command as a target: one process per row, the row's inputs as JSON on stdin (`{"inputs":
 * {...}}`, one line; never the expected answer), its stdout as the answer (parsed as JSON when it is JSON). A
 * non-zero exit is the row's error, with the end of stderr to say why. A process per row keeps
 * rows independent (no state leaks between them) at the price of a start-up each.
 */
import { spawn } from 'node:child_process';
import type { CommandTarget } from '../suite.ts';
import type { ChatMessage, EvalRow } from '../types.ts';
import { TargetError, type Target, type TargetAnswer, type TargetCallOptions } from './target.ts';

/** stdout beyond this is a runaway command, not an answer. */
const MAX_STDOUT_BYTES = 16 * 1024 * 1024;
/** The stderr kept for the error message: its last lines, within a few KB. */
const STDERR_TAIL_BYTES = 4096;
const STDERR_TAIL_LINES = 10;

function tailLines(text: string): string {
  const lines = text.trimEnd().split('\n');
  return lines.slice(-STDERR_TAIL_LINES).join('\n');
}

export class CommandLineTarget implements Target {
  readonly name: string;
  readonly needsMessages = false;
  readonly #spec: CommandTarget;
  readonly #env: NodeJS.ProcessEnv;
  readonly #shown: string;

  constructor(spec: CommandTarget, env: NodeJS.ProcessEnv) {
    this.name = spec.name;
    this.#spec = spec;
    this.#env = env;
    this.#shown = Array.isArray(spec.command) ? spec.command.join(' ') : spec.command;
  }

  call(row: EvalRow, _messages: readonly ChatMessage[] | undefined, options: TargetCallOptions): Promise<TargetAnswer> {
    const { signal } = options;
    if (signal.aborted) return Promise.reject(signal.reason as Error);
    const command = this.#spec.command;
    const child = Array.isArray(command)
      ? spawn(command[0]!, command.slice(1), { cwd: this.#spec.cwd, env: this.#env, signal, killSignal: 'SIGKILL', stdio: 'pipe' })
      : spawn(command, { cwd: this.#spec.cwd, env: this.#env, signal, killSignal: 'SIGKILL', stdio: 'pipe', shell: true });
    const fail = (message: string, cause?: unknown): TargetError =>
      new TargetError(this.name, `command \`${this.#shown}\` ${message}`, { retryable: false, ...(cause !== undefined ? { cause } : {}) });

    return new Promise<TargetAnswer>((resolve, reject) => {
      const stdout: Buffer[] = [];
      let stdoutBytes = 0;
      let stderr = '';
      let failure: Error | undefined;
      child.stdout.on('data', (chunk: Buffer) => {
        stdoutBytes += chunk.length;
        if (stdoutBytes > MAX_STDOUT_BYTES) {
          failure ??= fail(`wrote more than ${MAX_STDOUT_BYTES / 1024 / 1024} MiB to stdout; an answer is expected to be smaller.`);
          child.kill('SIGKILL');
          return;
        }
        stdout.push(chunk);
      });
      child.stderr.on('data', (chunk: Buffer) => {
        stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_TAIL_BYTES);
      });
      // A command that does not read its stdin (or exits first) closes the pipe: not a failure of ours.
      child.stdin.on('error', () => {});
      child.on('error', (err) => {
        if (signal.aborted) failure ??= signal.reason;
        else failure ??= fail(`could not be run (${(err as NodeJS.ErrnoException).code ?? err.message}). Check that the program exists and is executable.`, err);
      });
      child.on('close', (code, killedBy) => {
        if (signal.aborted) return reject(signal.reason as Error);
        if (failure !== undefined) return reject(failure);
        if (code !== 0) {
          const why = code === null ? `was killed by ${killedBy}` : `exited with code ${code}`;
          const tail = tailLines(stderr);
          return reject(fail(`${why}${tail ? `; stderr ends with:\n${tail}` : ' and wrote nothing to stderr'}`));
        }
        const text = Buffer.concat(stdout).toString('utf8').replace(/\r?\n$/, '');
        let value: unknown = text;
        try {
          value = JSON.parse(text);
        } catch {
          // Plain text is a fine answer.
        }
        resolve({ text: typeof value === 'string' ? value : text, value });
      });
      // Never the expected answer: a model must not see its label (MLflow's evaluate keeps targets apart too).
      const line = JSON.stringify({ inputs: row.inputs });
      child.stdin.end(`${line}\n`);
    });
  }
}
