/** `exact_match`: the answer's text equals the expected answer (trimmed, optionally ignoring case). */
import { z } from 'zod';
import { booleanScore, defineScorer, expectedColumnOption, foldCase, scorerOf, textPair } from './shared.ts';

export const exactMatch = defineScorer({
  type: 'exact_match',
  optionsSchema: z.strictObject({
    expected: expectedColumnOption,
    trim: z.boolean().default(true),
    case_sensitive: z.boolean().default(true),
  }),
  source: 'CODE',
  greaterIsBetter: true,
  create(name, options) {
    const normalize = (text: string): string => {
      const trimmed = options.trim ? text.trim() : text;
      return options.case_sensitive ? trimmed : foldCase(trimmed);
    };
    return scorerOf(this, name, (ctx) => {
      const { output, expected } = textPair(ctx, options.expected);
      return normalize(output) === normalize(expected) ? booleanScore(true) : booleanScore(false, `expected ${JSON.stringify(expected.slice(0, 200))}`);
    });
  },
});
