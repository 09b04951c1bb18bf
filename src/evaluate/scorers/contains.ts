/**
 * `contains` / `icontains`: the answer contains a value: a literal, a `{{column}}` template over the
 * row, or (by default) the expected answer. `icontains` ignores case.
 */
import { z } from 'zod';
import { ScorerError, type EvalRow } from '../types.ts';
import { asText, booleanScore, defineScorer, expectedOf, foldCase, rowLookup, scorerOf } from './shared.ts';
import { compileTemplate } from '../prompt.ts';

function containsModule(type: 'contains' | 'icontains', ignoreCase: boolean) {
  return defineScorer({
    type,
    optionsSchema: z.strictObject({
      /** What to look for; may hold `{{column}}` placeholders. Default: the expected answer. */
      value: z.string().min(1).optional(),
    }),
    source: 'CODE',
    greaterIsBetter: true,
    create(name, options) {
      const template = options.value === undefined ? undefined : compileTemplate(options.value);
      const needleOf = (row: EvalRow): string => asText(template ? template.render(rowLookup(row)) : expectedOf(row));
      const fold = ignoreCase ? foldCase : (text: string): string => text;
      return scorerOf(this, name, (ctx) => {
        const needle = needleOf(ctx.row);
        // Every text contains the empty string; a pass on that would hide a blank dataset cell.
        if (needle === '') throw new ScorerError(`row ${ctx.row.index}: the value to look for is empty; fill the dataset cell or set the scorer's 'value' option.`);
        const found = fold(asText(ctx.output.text)).includes(fold(needle));
        return found ? booleanScore(true) : booleanScore(false, `${JSON.stringify(needle.slice(0, 200))} not found in the output`);
      });
    },
  });
}

export const contains = containsModule('contains', false);
export const icontains = containsModule('icontains', true);
