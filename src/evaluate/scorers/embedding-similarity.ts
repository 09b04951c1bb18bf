/**
 * `embedding_similarity`: cosine similarity between the embeddings of the answer and the expected
 * answer, through a gateway embeddings endpoint (one call per row, both texts in it).
 */
import { z } from 'zod';
import { ScorerError } from '../types.ts';
import { defineScorer, expectedColumnOption, scorerOf, textPair, thresholdOption, thresholdScore } from './shared.ts';

/** Cosine of two vectors; undefined when it has no meaning (lengths differ, a zero or non-finite vector). */
export function cosineSimilarity(a: readonly number[], b: readonly number[]): number | undefined {
  if (a.length === 0 || a.length !== b.length) return undefined;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  const cos = dot / Math.sqrt(na * nb);
  // Rounding can take identical directions a hair past ±1.
  return Number.isFinite(cos) ? Math.min(1, Math.max(-1, cos)) : undefined;
}

export const embeddingSimilarity = defineScorer({
  type: 'embedding_similarity',
  optionsSchema: z.strictObject({
    endpoint: z.string().min(1),
    expected: expectedColumnOption,
    threshold: thresholdOption(-1, 1),
  }),
  source: 'CODE',
  greaterIsBetter: true,
  create(name, options) {
    return scorerOf(this, name, async (ctx) => {
      const { output, expected } = textPair(ctx, options.expected);
      // An empty text has no meaning to embed (and many providers reject it): decide without a call.
      if (output.trim() === '' || expected.trim() === '') {
        const same = output.trim() === expected.trim();
        return thresholdScore(same ? 1 : 0, options.threshold, same ? 'both texts are empty' : 'one of the texts is empty');
      }
      const vectors = await ctx.services.embed(options.endpoint, [output, expected], { signal: ctx.signal });
      const [a, b] = vectors;
      const cos = vectors.length === 2 && a && b ? cosineSimilarity(a, b) : undefined;
      if (cos === undefined) {
        const shape = vectors.map((v) => (Array.isArray(v) ? v.length : typeof v)).join(', ');
        throw new ScorerError(
          `embeddings endpoint '${options.endpoint}' answered ${vectors.length} vector(s) of length [${shape}]; expected two non-zero vectors of the same length.`,
        );
      }
      return thresholdScore(cos, options.threshold);
    });
  },
});
