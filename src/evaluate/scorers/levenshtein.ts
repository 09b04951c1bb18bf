/**
 * `levenshtein`: similarity 1 − distance / max(length) between the answer and the expected answer
 * (1 = identical, 0 = nothing in common), counted in Unicode code points.
 */
import { distance } from 'fastest-levenshtein';
import { z } from 'zod';
import { defineScorer, expectedColumnOption, scorerOf, textPair, thresholdOption, thresholdScore } from './shared.ts';

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * fastest-levenshtein counts UTF-16 code units, so one emoji would cost two edits. Text with
 * astral characters is rewritten one code point → one BMP character (same map for both sides)
 * first; anything else goes through as it is.
 */
function codePointsAsUnits(a: string, b: string): [string, string, number, number] {
  if (!SURROGATE.test(a) && !SURROGATE.test(b)) return [a, b, a.length, b.length];
  const units = new Map<string, string>();
  const rewrite = (text: string): string => {
    let out = '';
    for (const ch of text) {
      let unit = units.get(ch);
      if (unit === undefined) {
        unit = String.fromCharCode(units.size);
        units.set(ch, unit);
      }
      out += unit;
    }
    return out;
  };
  const ra = rewrite(a);
  const rb = rewrite(b);
  return [ra, rb, ra.length, rb.length];
}

/** Normalized Levenshtein similarity in [0, 1]; two empty texts are identical (1). */
export function levenshteinSimilarity(a: string, b: string): number {
  const [ua, ub, la, lb] = codePointsAsUnits(a, b);
  const longest = Math.max(la, lb);
  return longest === 0 ? 1 : 1 - distance(ua, ub) / longest;
}

export const levenshtein = defineScorer({
  type: 'levenshtein',
  optionsSchema: z.strictObject({
    expected: expectedColumnOption,
    threshold: thresholdOption(0, 1),
  }),
  source: 'CODE',
  greaterIsBetter: true,
  create(name, options) {
    return scorerOf(this, name, (ctx) => {
      const { output, expected } = textPair(ctx, options.expected);
      return thresholdScore(levenshteinSimilarity(output, expected), options.threshold);
    });
  },
});
