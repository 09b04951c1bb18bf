/**
 * Progress of an evaluation: on a terminal, one bar redrawn in place; in a CI log (no TTY), a
 * plain line every so often, since a log keeps every redraw as a line. Both end with a final
 * line. Updates are throttled, so calling `update` for every row costs a clock read.
 */

export interface ProgressUpdate {
  done: number;
  errors: number;
}

export interface ProgressOptions {
  total: number;
  stream: { write(chunk: string): unknown };
  isTTY: boolean;
  /** Least time between two draws: default 100 ms on a terminal, 10 s in a log. */
  intervalMs?: number;
  /** Milliseconds; default `performance.now`. */
  now?: () => number;
}

export interface Progress {
  update(progress: ProgressUpdate): void;
  /** Draws the final state; later calls (and updates) do nothing. */
  done(): void;
}

const TTY_INTERVAL_MS = 100;
const LOG_INTERVAL_MS = 10_000;
const BAR_WIDTH = 24;
/** Erases what a longer previous draw left to the right of the cursor. */
const CLEAR_TO_END = '\x1b[K';

function percent(done: number, total: number): number {
  return total === 0 ? 100 : Math.floor((done / total) * 100);
}

function rate(done: number, elapsedMs: number): number {
  return elapsedMs > 0 ? Math.round((done * 1000) / elapsedMs) : 0;
}

function duration(ms: number): string {
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)}s`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m}m${String(s % 60).padStart(2, '0')}s` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `evaluated 1200/10000 rows (12%), 3 errors, 850 rows/s` */
export function progressLine(done: number, total: number, errors: number, elapsedMs: number): string {
  return `evaluated ${done}/${total} rows (${percent(done, total)}%), ${plural(errors, 'error')}, ${rate(done, elapsedMs)} rows/s`;
}

/** `[#########---------------] 1200/10000 12% · 3 errors · 850 rows/s · ETA 10s` */
export function progressBar(done: number, total: number, errors: number, elapsedMs: number): string {
  const filled = total === 0 ? BAR_WIDTH : Math.min(BAR_WIDTH, Math.floor((done / total) * BAR_WIDTH));
  const r = done > 0 && elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const eta = r > 0 && done < total ? ` · ETA ${duration(((total - done) / r) * 1000)}` : '';
  return `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${done}/${total} ${percent(done, total)}% · ${plural(errors, 'error')} · ${rate(done, elapsedMs)} rows/s${eta}`;
}

export function createProgress(options: ProgressOptions): Progress {
  const { total, stream, isTTY } = options;
  const now = options.now ?? (() => performance.now());
  const interval = options.intervalMs ?? (isTTY ? TTY_INTERVAL_MS : LOG_INTERVAL_MS);
  const start = now();
  // A terminal shows the bar at the first row; a log's first line waits a whole interval.
  let lastDraw = isTTY ? -Infinity : start;
  let done = 0;
  let errors = 0;
  let finished = false;

  const draw = (t: number): void => {
    lastDraw = t;
    if (isTTY) stream.write(`\r${progressBar(done, total, errors, t - start)}${CLEAR_TO_END}`);
    else stream.write(`${progressLine(done, total, errors, t - start)}\n`);
  };

  return {
    update(p: ProgressUpdate): void {
      if (finished) return;
      done = p.done;
      errors = p.errors;
      const t = now();
      // The last row is drawn by done(), with the total time.
      if (t - lastDraw >= interval && done < total) draw(t);
    },
    done(): void {
      if (finished) return;
      finished = true;
      const elapsed = now() - start;
      if (isTTY) stream.write(`\r${progressBar(done, total, errors, elapsed)}${CLEAR_TO_END}\n`);
      stream.write(`${progressLine(done, total, errors, elapsed)} in ${duration(elapsed)}\n`);
    },
  };
}
