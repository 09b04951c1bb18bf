/** `latency_ms`: the target call's wall time; with `max`, rows slower than that fail. */
import { z } from 'zod';
import { boundedScore, defineScorer, maxOption, scorerOf } from './shared.ts';

export const latencyMs = defineScorer({
  type: 'latency_ms',
  optionsSchema: z.strictObject({ max: maxOption }),
  source: 'CODE',
  greaterIsBetter: false,
  create(name, options) {
    return scorerOf(this, name, (ctx) => boundedScore(Number.isFinite(ctx.output.latencyMs) ? ctx.output.latencyMs : null, options.max));
  },
});
