/**
 * `rouge_l`: ROUGE-L F-measure between the answer and the expected answer: the longest common
 * subsequence of tokens, as precision over the answer's tokens and recall over the expected's
 * (F1, as Google's rouge-score reports `fmeasure`).
 */
import { z } from 'zod';
import { defineScorer, expectedColumnOption, scorerOf, textPair, thresholdOption, thresholdScore } from './shared.ts';

/**
 * Lowercased runs of letters, marks and digits in any script; scripts written without spaces
 * (Han, kana, Thai, Lao, Khmer, Myanmar) count one character per token. A fixed rule rather
 * than Intl.Segmenter's dictionary, whose word breaks change between ICU versions.
 */
const TOKEN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]|[\p{L}\p{M}\p{N}]+/gu;

export function rougeTokens(text: string): string[] {
  return text.toLowerCase().match(TOKEN) ?? [];
}

/** Length of the longest common subsequence, in O(min(n, m)) memory. */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  const [long, short] = a.length >= b.length ? [a, b] : [b, a];
  const row = new Uint32Array(short.length + 1);
  for (const token of long) {
    let diagonal = 0; // row[j - 1] of the previous row
    for (let j = 1; j <= short.length; j++) {
      const above = row[j]!;
      row[j] = token === short[j - 1] ? diagonal + 1 : Math.max(above, row[j - 1]!);
      diagonal = above;
    }
  }
  return row[short.length]!;
}

/** ROUGE-L F1 of `candidate` against `reference`; 0 when either has no tokens (as rouge-score). */
export function rougeLScores(candidate: string, reference: string): { precision: number; recall: number; f1: number } {
  const c = rougeTokens(candidate);
  const r = rougeTokens(reference);
  if (c.length === 0 || r.length === 0) return { precision: 0, recall: 0, f1: 0 };
  const lcs = lcsLength(c, r);
  const precision = lcs / c.length;
  const recall = lcs / r.length;
  return { precision, recall, f1: lcs === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

export const rougeL = defineScorer({
  type: 'rouge_l',
  optionsSchema: z.strictObject({
    expected: expectedColumnOption,
    threshold: thresholdOption(0, 1),
  }),
  source: 'CODE',
  greaterIsBetter: true,
  create(name, options) {
    return scorerOf(this, name, (ctx) => {
      const { output, expected } = textPair(ctx, options.expected);
      const { precision, recall, f1 } = rougeLScores(output, expected);
      return thresholdScore(f1, options.threshold, `precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`);
    });
  },
});
