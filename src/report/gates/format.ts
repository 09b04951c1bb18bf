/**
 * Gate results as a plain-text table, for a terminal or a CI log: failures first, then skipped
 * gates, then passes, each with the measured value, the bound and why it did not plainly pass.
 */
import type { GateResult, GateStatus, Interval } from './evaluator.ts';
import { formatNumber, formatPair } from './number.ts';
import { textTable } from '../text-table.ts';

const ORDER: Record<GateStatus, number> = { fail: 0, skipped: 1, pass: 2 };
const LABEL: Record<GateStatus, string> = { fail: 'FAIL', skipped: 'skipped', pass: 'pass' };

export function formatGateTable(results: readonly GateResult[]): string {
  if (results.length === 0) return '(no gates)\n';
  const sorted = [...results].sort((a, b) => ORDER[a.status] - ORDER[b.status]);
  const rows = sorted.map((r) => {
    const [left, right] = formatPair(r.left, r.right);
    return [
      r.status === 'pass' && r.notSignificant ? 'pass*' : LABEL[r.status],
      r.kind,
      r.source,
      withInterval(left, r.leftCi),
      withInterval(right, r.rightCi),
      r.reason ?? '',
    ];
  });
  let out = textTable(['result', 'kind', 'gate', 'value', 'bound', 'note'], rows);
  if (sorted.some((r) => r.notSignificant)) out += '* passed although the point estimate misses the bound: the confidence interval reaches it (not significant)\n';
  return out;
}

const withInterval = (text: string, ci: Interval | undefined): string => (ci ? `${text} [${formatNumber(ci.low)}, ${formatNumber(ci.high)}]` : text);

