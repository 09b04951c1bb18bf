/** Numbers as gate messages and tables show them: integers whole, others to `digits` significant digits. */
export function formatNumber(n: number | null | undefined, digits = 6): string {
  // null is what JSON makes of NaN and ±Infinity, for a result read back from a stored report.
  if (n === null) return 'n/a';
  if (n === undefined) return '';
  if (!Number.isFinite(n) || Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(digits)));
}

/** Two numbers printed with enough digits to tell them apart (0.55 vs 0.55000000000000004). */
export function formatPair(a: number | null | undefined, b: number | null | undefined): [string, string] {
  for (let digits = 6; digits < 17; digits++) {
    const pair: [string, string] = [formatNumber(a, digits), formatNumber(b, digits)];
    if (pair[0] !== pair[1] || a === b) return pair;
  }
  return [formatNumber(a, 17), formatNumber(b, 17)];
}
