import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { forwardSignals, runCommand, type CommandResult, type RunCommandOptions } from '../../src/projects/process.ts';

/** A stream that keeps what it got and can call back on each chunk (to react to live output). */
function sink(onChunk?: (text: string, all: string) => void): Writable & { text: () => string } {
  let all = '';
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      all += chunk.toString();
      onChunk?.(chunk.toString(), all);
      done();
    },
  });
  return Object.assign(stream, { text: () => all });
}

async function withDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'mlflow-ts-process-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const sh = (command: string): [string, ...string[]] => ['/bin/sh', '-c', command];

function run(dir: string, argv: [string, ...string[]], extra: Partial<RunCommandOptions> = {}): Promise<CommandResult> {
  return runCommand({ argv, cwd: dir, env: { PATH: process.env.PATH }, logDir: join(dir, 'logs'), killGraceMs: 500, ...extra });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A zombie still answers kill(pid, 0) until its new parent reaps it, but it runs nothing.
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** The process is gone within `ms` (init may take a moment to reap an orphan). */
async function goneWithin(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!alive(pid)) return true;
    await sleep(20);
  }
  return !alive(pid);
}

describe('runCommand', () => {
  it('maps exit code 0 to FINISHED and keeps stdout and stderr in the log files', () =>
    withDir(async (dir) => {
      const out = sink();
      const err = sink();
      const result = await run(dir, sh('echo to-out; echo to-err >&2'), { echo: { stdout: out, stderr: err } });
      assert.equal(result.status, 'FINISHED');
      assert.equal(result.exitCode, 0);
      assert.equal(result.signal, null);
      assert.equal(result.timedOut, false);
      assert.equal(result.stdoutFile, join(dir, 'logs', 'stdout.txt'));
      assert.equal(result.stderrFile, join(dir, 'logs', 'stderr.txt'));
      assert.equal(await readFile(result.stdoutFile, 'utf8'), 'to-out\n');
      assert.equal(await readFile(result.stderrFile, 'utf8'), 'to-err\n');
      assert.equal(out.text(), 'to-out\n');
      assert.equal(err.text(), 'to-err\n');
      assert.ok(result.durationMs >= 0);
    }));

  it('maps a non-zero exit code to FAILED with that code', () =>
    withDir(async (dir) => {
      const result = await run(dir, sh('echo partial; exit 3'));
      assert.equal(result.status, 'FAILED');
      assert.equal(result.exitCode, 3);
      assert.equal(result.signal, null);
      assert.equal(await readFile(result.stdoutFile, 'utf8'), 'partial\n');
    }));

  it('streams output live, while the command still runs', () =>
    withDir(async (dir) => {
      // The command waits for a file that the test creates only once it has seen the first line:
      // if output were delivered at exit, this would deadlock until the timeout.
      const out = sink((_chunk, all) => {
        if (all.includes('first') && !existsSync(join(dir, 'go'))) void writeFile(join(dir, 'go'), '');
      });
      const result = await run(dir, sh('echo first; while [ ! -f go ]; do sleep 0.02; done; echo second'), {
        echo: { stdout: out, stderr: sink() },
        timeoutMs: 10_000,
      });
      assert.equal(result.status, 'FINISHED');
      assert.equal(out.text(), 'first\nsecond\n');
      assert.equal(await readFile(result.stdoutFile, 'utf8'), 'first\nsecond\n');
    }));

  it('passes the given environment, and only it, to the child (with or without a shell)', () =>
    withDir(async (dir) => {
      const env = { PATH: process.env.PATH, PROJECT_VALUE: 'a b; $(x)' };
      const viaShell = await run(dir, sh('printf "%s|%s" "$PROJECT_VALUE" "${HOME:-unset}"'), { env });
      assert.equal(await readFile(viaShell.stdoutFile, 'utf8'), 'a b; $(x)|unset');
      const direct = await run(dir, [process.execPath, '-e', 'process.stdout.write(process.env.PROJECT_VALUE + "|" + process.cwd())'], { env });
      assert.equal(await readFile(direct.stdoutFile, 'utf8'), `a b; $(x)|${dir}`);
    }));

  it('keeps large output whole in the log file', () =>
    withDir(async (dir) => {
      const result = await run(dir, [process.execPath, '-e', 'for (let i = 0; i < 20000; i++) process.stdout.write("x".repeat(99) + "\\n")']);
      assert.equal(result.status, 'FINISHED');
      const text = await readFile(result.stdoutFile, 'utf8');
      assert.equal(text.length, 20000 * 100);
    }));

  it('maps a SIGTERM from someone else to KILLED', () =>
    withDir(async (dir) => {
      let sent = false;
      const out = sink((_chunk, all) => {
        const pid = /^(\d+)\n/.exec(all)?.[1];
        if (pid && !sent) {
          sent = true;
          process.kill(Number(pid), 'SIGTERM');
        }
      });
      // exec: the pid printed is the process runCommand waits for.
      const result = await run(dir, sh('echo $$; exec sleep 1000'), { echo: { stdout: out, stderr: sink() }, timeoutMs: 20_000 });
      assert.equal(result.status, 'KILLED');
      assert.equal(result.signal, 'SIGTERM');
      assert.equal(result.exitCode, null);
      assert.equal(result.timedOut, false);
    }));

  it('on timeout kills the whole tree, grandchildren included, and reports KILLED', () =>
    withDir(async (dir) => {
      const started = Date.now();
      const result = await run(dir, sh('sleep 1000 & echo $!; wait'), { timeoutMs: 300 });
      assert.equal(result.status, 'KILLED');
      assert.equal(result.timedOut, true);
      assert.ok(Date.now() - started < 5000, 'returned soon after the timeout');
      const grandchild = Number((await readFile(result.stdoutFile, 'utf8')).trim());
      assert.ok(grandchild > 0);
      assert.ok(await goneWithin(grandchild, 2000), `grandchild ${grandchild} is still running`);
    }));

  it('escalates to SIGKILL after the grace period when the tree ignores SIGTERM', () =>
    withDir(async (dir) => {
      // An ignored signal stays ignored in the children, so the background sleep ignores it too.
      const result = await run(dir, sh('trap "" TERM; sleep 1000 & echo $!; wait'), { timeoutMs: 200, killGraceMs: 300 });
      assert.equal(result.status, 'KILLED');
      assert.equal(result.signal, 'SIGKILL');
      assert.equal(result.timedOut, true);
      const grandchild = Number((await readFile(result.stdoutFile, 'utf8')).trim());
      assert.ok(await goneWithin(grandchild, 2000), `grandchild ${grandchild} is still running`);
    }));

  it('stops what the command left running when it exits, keeping its own status', () =>
    withDir(async (dir) => {
      const started = Date.now();
      const result = await run(dir, sh('sleep 1000 & echo $!; echo done'), { killGraceMs: 2000 });
      assert.equal(result.status, 'FINISHED');
      assert.equal(result.exitCode, 0);
      assert.ok(Date.now() - started < 1500, 'did not wait for the straggler (or the grace period)');
      const [pid, done] = (await readFile(result.stdoutFile, 'utf8')).trim().split('\n');
      assert.equal(done, 'done');
      assert.ok(await goneWithin(Number(pid), 2000), 'the straggler is gone');
    }));

  it('kills the tree when the signal aborts, and removes its listener', () =>
    withDir(async (dir) => {
      const abort = new AbortController();
      const out = sink((_chunk, all) => {
        if (all.includes('started')) abort.abort();
      });
      const result = await run(dir, sh('sleep 1000 & echo $!; echo started; wait'), { signal: abort.signal, echo: { stdout: out, stderr: sink() }, timeoutMs: 20_000 });
      assert.equal(result.status, 'KILLED');
      assert.equal(result.timedOut, false);
      const grandchild = Number(out.text().split('\n')[0]);
      assert.ok(await goneWithin(grandchild, 2000));
      assert.equal(getEventListeners(abort.signal, 'abort').length, 0);
    }));

  it('does not start a command whose signal is already aborted', () =>
    withDir(async (dir) => {
      const abort = new AbortController();
      abort.abort();
      const result = await run(dir, sh('touch started'), { signal: abort.signal });
      assert.equal(result.status, 'KILLED');
      assert.equal(existsSync(join(dir, 'started')), false);
      assert.equal(await readFile(result.stdoutFile, 'utf8'), '');
    }));

  it('reports a program that does not exist as FAILED, with the reason in stderr.txt', () =>
    withDir(async (dir) => {
      const err = sink();
      const result = await run(dir, ['/nonexistent/program', 'x'], { echo: { stdout: sink(), stderr: err } });
      assert.equal(result.status, 'FAILED');
      assert.equal(result.exitCode, null);
      assert.match(result.startError ?? '', /could not start '\/nonexistent\/program'/);
      assert.match(await readFile(result.stderrFile, 'utf8'), /could not start '\/nonexistent\/program'.*does not exist/);
      assert.match(err.text(), /could not start/);
    }));

  it('leaves no timers behind, even after a kill', () =>
    withDir(async (dir) => {
      const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
      const before = timers();
      await run(dir, sh('sleep 1000'), { timeoutMs: 100, killGraceMs: 60_000 });
      await run(dir, sh('true'), { timeoutMs: 60_000, killGraceMs: 60_000 });
      assert.equal(timers(), before);
    }));
});

describe('forwardSignals', () => {
  it("turns the parent's SIGTERM into an abort that kills the command's tree, and unsubscribes", () =>
    withDir(async (dir) => {
      const before = process.listenerCount('SIGTERM');
      const abort = new AbortController();
      const off = forwardSignals(abort);
      try {
        assert.equal(process.listenerCount('SIGTERM'), before + 1);
        assert.equal(process.listenerCount('SIGINT'), before + 1);
        let sent = false;
        const out = sink((_chunk, all) => {
          if (all.includes('started') && !sent) {
            sent = true;
            process.kill(process.pid, 'SIGTERM');
          }
        });
        const result = await run(dir, sh('echo started; sleep 1000'), { signal: abort.signal, echo: { stdout: out, stderr: sink() }, timeoutMs: 20_000 });
        assert.equal(result.status, 'KILLED');
        assert.equal(result.timedOut, false);
        assert.match(String((abort.signal.reason as Error).message), /SIGTERM/);
      } finally {
        off();
      }
      assert.equal(process.listenerCount('SIGTERM'), before);
      assert.equal(process.listenerCount('SIGINT'), before);
    }));

  it('turns SIGINT (Ctrl-C) into an abort', async () => {
    const abort = new AbortController();
    const off = forwardSignals(abort);
    try {
      process.kill(process.pid, 'SIGINT');
      const until = Date.now() + 2000;
      while (!abort.signal.aborted && Date.now() < until) await sleep(10);
      assert.equal(abort.signal.aborted, true);
    } finally {
      off();
    }
  });
});
