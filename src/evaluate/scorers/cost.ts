/** `cost`: the target call's cost in USD from the gateway's pricing; null when the price is unknown. */
import { z } from 'zod';
import { boundedScore, defineScorer, maxOption, scorerOf } from './shared.ts';

export const cost = defineScorer({
  type: 'cost',
  optionsSchema: z.strictObject({ max: maxOption }),
  source: 'CODE',
  greaterIsBetter: false,
  create(name, options) {
    return scorerOf(this, name, (ctx) => {
      const usd = ctx.output.costUsd;
      return boundedScore(typeof usd === 'number' && Number.isFinite(usd) ? usd : null, options.max);
    });
  },
});
