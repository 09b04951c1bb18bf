/** `json_valid`: the answer's text is one JSON document. */
import { z } from 'zod';
import { booleanScore, defineScorer, scorerOf } from './shared.ts';

/** The parsed document, or why the text is not JSON. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, error: text.trim() === '' ? 'the output is empty' : `not JSON: ${(e as Error).message}` };
  }
}

export const jsonValid = defineScorer({
  type: 'json_valid',
  optionsSchema: z.strictObject({}),
  source: 'CODE',
  greaterIsBetter: true,
  create(name) {
    return scorerOf(this, name, (ctx) => {
      const parsed = parseJson(ctx.output.text);
      return parsed.ok ? booleanScore(true) : booleanScore(false, parsed.error);
    });
  },
});
