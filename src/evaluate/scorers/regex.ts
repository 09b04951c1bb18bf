/** `regex`: the answer matches a JavaScript regular expression somewhere. */
import { z } from 'zod';
import { booleanScore, defineScorer, scorerOf } from './shared.ts';

function compileError(pattern: string, flags: string): string | undefined {
  try {
    new RegExp(pattern, flags);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

const optionsSchema = z
  .strictObject({
    pattern: z.string().min(1),
    flags: z
      .string()
      // g and y make RegExp.test remember where the last match ended: rows would depend on each other.
      .regex(/^[dimsuv]*$/, "flags may be d, i, m, s, u or v (g and y would carry state from one row to the next)")
      .default(''),
  })
  .superRefine((o, ctx) => {
    const error = compileError(o.pattern, o.flags);
    if (error !== undefined) ctx.addIssue({ code: 'custom', path: ['pattern'], message: `not a valid regular expression: ${error}` });
  });

export const regex = defineScorer({
  type: 'regex',
  optionsSchema,
  source: 'CODE',
  greaterIsBetter: true,
  create(name, options) {
    const re = new RegExp(options.pattern, options.flags);
    return scorerOf(this, name, (ctx) => (re.test(ctx.output.text) ? booleanScore(true) : booleanScore(false, `no match for ${String(re)}`)));
  },
});
