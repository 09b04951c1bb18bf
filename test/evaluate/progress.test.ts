/**
 * Progress output with a fake stream and clock: a throttled bar redrawn in place on a terminal,
 * periodic plain lines in a log, and a final line either way.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createProgress, progressBar, progressLine } from '../../src/evaluate/progress.ts';

const CLEAR = '\x1b[K';

function fakeStream(): { writes: string[]; write(chunk: string): boolean } {
  const writes: string[] = [];
  return { writes, write: (chunk) => writes.push(chunk) > 0 };
}

function fakeClock(start = 1000): { now: () => number; advance(ms: number): void } {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms) };
}

describe('progress lines', () => {
  it('says how far, how many errors and how fast', () => {
    assert.equal(progressLine(1200, 10_000, 3, 1_411.8), 'evaluated 1200/10000 rows (12%), 3 errors, 850 rows/s');
    assert.equal(progressLine(1, 1, 1, 0), 'evaluated 1/1 rows (100%), 1 error, 0 rows/s');
    assert.equal(progressLine(0, 0, 0, 10), 'evaluated 0/0 rows (100%), 0 errors, 0 rows/s');
  });

  it('draws a bar with an estimate of the time left', () => {
    assert.equal(progressBar(1200, 10_000, 3, 1_411.8), '[##----------------------] 1200/10000 12% · 3 errors · 850 rows/s · ETA 10s');
    assert.equal(progressBar(5, 10, 0, 5_000), '[############------------] 5/10 50% · 0 errors · 1 rows/s · ETA 5.0s');
    assert.equal(progressBar(10, 10, 0, 100_000), '[########################] 10/10 100% · 0 errors · 0 rows/s');
  });
});

describe('createProgress', () => {
  it('on a terminal, redraws the bar in place at most once per interval, and ends the line', () => {
    const stream = fakeStream();
    const clock = fakeClock();
    const progress = createProgress({ total: 100, stream, isTTY: true, intervalMs: 100, now: clock.now });
    clock.advance(10);
    progress.update({ done: 1, errors: 0 });
    assert.equal(stream.writes.length, 1, 'the first row shows the bar');
    assert.equal(stream.writes[0], `\r[${'-'.repeat(24)}] 1/100 1% · 0 errors · 100 rows/s · ETA 1.0s${CLEAR}`);
    clock.advance(50);
    progress.update({ done: 2, errors: 0 });
    assert.equal(stream.writes.length, 1, 'throttled');
    clock.advance(50);
    progress.update({ done: 3, errors: 1 });
    assert.equal(stream.writes.length, 2);
    assert.match(stream.writes[1]!, /^\r\[-+\] 3\/100 3% · 1 error · /);
    assert.ok(stream.writes.every((w) => !w.includes('\n')), 'no line breaks while running');

    clock.advance(890);
    progress.update({ done: 100, errors: 1 });
    progress.done();
    progress.done();
    progress.update({ done: 100, errors: 5 });
    assert.deepEqual(stream.writes.slice(2), [
      `\r[${'#'.repeat(24)}] 100/100 100% · 1 error · 100 rows/s${CLEAR}\n`,
      'evaluated 100/100 rows (100%), 1 error, 100 rows/s in 1.0s\n',
    ]);
  });

  it('in a log, writes a plain line per interval and a final line, never a carriage return', () => {
    const stream = fakeStream();
    const clock = fakeClock();
    const progress = createProgress({ total: 10_000, stream, isTTY: false, intervalMs: 5_000, now: clock.now });
    for (let done = 1; done <= 10_000; done++) {
      clock.advance(1);
      progress.update({ done, errors: done > 9_000 ? 3 : 0 });
    }
    progress.done();
    assert.deepEqual(stream.writes, [
      'evaluated 5000/10000 rows (50%), 0 errors, 1000 rows/s\n',
      'evaluated 10000/10000 rows (100%), 3 errors, 1000 rows/s in 10s\n',
    ]);
  });

  it('defaults to a slow interval in a log', () => {
    const stream = fakeStream();
    const clock = fakeClock();
    const progress = createProgress({ total: 10, stream, isTTY: false, now: clock.now });
    clock.advance(9_999);
    progress.update({ done: 1, errors: 0 });
    assert.equal(stream.writes.length, 0);
    clock.advance(1);
    progress.update({ done: 2, errors: 0 });
    assert.equal(stream.writes.length, 1);
  });
});
