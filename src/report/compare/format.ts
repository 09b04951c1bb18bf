/**
 * Numbers and changes as the renderers show them, shared by the Markdown and terminal reports so
 * both say the same thing.
 */
import { formatNumber, formatPair } from '../gates/number.ts';
import type { Change, MatchKind, MetricDelta, RunComparison } from './schema.ts';

type Interval = { low: number; high: number };

const withCi = (text: string, ci: Interval | undefined): string => (ci ? `${text} [${formatNumber(ci.low, 4)}, ${formatNumber(ci.high, 4)}]` : text);

/** Baseline and current values, with enough digits to tell them apart; empty for a missing side. */
export function formatValues(m: MetricDelta): [string, string] {
  const [b, c] = formatPair(m.baseline, m.current);
  return [withCi(b, m.baselineCi), withCi(c, m.currentCi)];
}

const signed = (n: number, digits: number): string => (n > 0 ? '+' : '') + formatNumber(n, digits);

/** "+0.012 (+1.4%)", or "" when there is no difference to show. */
export function formatDelta(m: MetricDelta): string {
  if (m.delta === null) return '';
  const rel = m.relative === null ? '' : ` (${signed(m.relative * 100, 3)}%)`;
  return `${signed(m.delta, 3)}${rel}`;
}

export interface ChangeText {
  /** An emoji for Markdown. */
  icon: string;
  /** A word for a terminal, where emoji do not line up. */
  word: string;
  /** ↑ or ↓ for the way the value moved. */
  arrow: string;
  notSignificant: boolean;
}

const ICON: Record<Change, string> = { better: '🟢', worse: '🔴', unchanged: '⚪', added: '🆕', removed: '➖', incomparable: '❔' };
const WORD: Record<Change, string> = { better: 'better', worse: 'WORSE', unchanged: '=', added: 'new', removed: 'removed', incomparable: 'n/a (NaN)' };

export function changeText(m: MetricDelta): ChangeText {
  const moved = m.change === 'better' || m.change === 'worse';
  const notSignificant = moved && m.significant === false;
  return {
    icon: notSignificant ? '⚪' : ICON[m.change],
    word: notSignificant ? `${WORD[m.change]} (n.s.)` : WORD[m.change],
    arrow: moved && m.delta !== null ? (m.delta > 0 ? '↑' : '↓') : '',
    notSignificant,
  };
}

const KIND_LABEL: Record<MatchKind, string> = { entry_point: 'entry point', eval_target: 'eval target', run_name: 'run' };

/** The run's name and what it is: "train (entry point)", "gpt-4o (eval target)". */
export function runLabel(run: RunComparison): { name: string; kind: string } {
  return { name: run.key.value, kind: KIND_LABEL[run.key.kind] };
}

/** Counts of a run's metric changes that matter for its headline. */
export function runCounts(run: RunComparison): { worse: number; better: number; notSignificant: number; flips: number } {
  let worse = 0;
  let better = 0;
  let notSignificant = 0;
  for (const m of run.metrics) {
    if (m.change !== 'better' && m.change !== 'worse') continue;
    if (m.significant === false) notSignificant++;
    else if (m.change === 'worse') worse++;
    else better++;
  }
  const flips = run.eval?.scorers.reduce((n, s) => n + s.passToFail.length, 0) ?? 0;
  return { worse, better, notSignificant, flips };
}

/** A byte count for people: 1.2 kB, 3.4 MB. */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let v = n;
  let i = -1;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${formatNumber(v, 3)} ${units[i]}`;
}

/** "pass 2/3", the verdicts of a row over its repeats. */
export const formatVerdicts = (v: { passed: number; failed: number }): string =>
  `${v.passed > v.failed ? 'pass' : 'fail'} ${v.passed}/${v.passed + v.failed}`;
