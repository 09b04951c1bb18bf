/** `tokens`: the tokens the target call used (total, input or output); null when it reported none. */
import { z } from 'zod';
import { boundedScore, defineScorer, maxOption, scorerOf } from './shared.ts';

const FIELD = { input: 'input_tokens', output: 'output_tokens', total: 'total_tokens' } as const;

export const tokens = defineScorer({
  type: 'tokens',
  optionsSchema: z.strictObject({
    kind: z.enum(['input', 'output', 'total']).default('total'),
    max: maxOption,
  }),
  source: 'CODE',
  greaterIsBetter: false,
  create(name, options) {
    const field = FIELD[options.kind];
    return scorerOf(this, name, (ctx) => {
      const count = ctx.output.usage?.[field];
      return boundedScore(typeof count === 'number' && Number.isFinite(count) ? count : null, options.max);
    });
  },
});
