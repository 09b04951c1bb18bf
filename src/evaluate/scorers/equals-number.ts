/**
 * `equals_number`: the answer is the expected number within a tolerance, as Python's
 * `math.isclose`: |a − b| ≤ max(relative_tolerance · max(|a|, |b|), tolerance). An answer that is
 * not a number is read as the first number in its text; NaN equals nothing, not even NaN.
 */
import { z } from 'zod';
import { ScorerError } from '../types.ts';
import { asText, booleanScore, defineScorer, expectedColumnOption, expectedOf, scorerOf } from './shared.ts';

// Digits with optional thousands groups (1,234,567) or none, an optional fraction, an exponent.
const NUMBER_IN_TEXT = /[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][-+]?\d+)?/g;

/** The first number written in `text` (U+2212 minus counts as a sign), or undefined. */
export function firstNumber(text: string): number | undefined {
  const normalized = text.replaceAll('\u2212', '-');
  for (const m of normalized.matchAll(NUMBER_IN_TEXT)) {
    // The pattern can match a bare sign or exponent; only a match with a digit is a number.
    if (!/\d/.test(m[0]) || /^[-+]?[eE]/.test(m[0])) continue;
    return Number(m[0].replaceAll(',', ''));
  }
  return undefined;
}

/** A value as a number: numbers as they are, numeric strings parsed, else the first number in its text. */
export function numberIn(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  const text = asText(value).trim();
  if (text === '') return undefined;
  // Number() reads a whole-text number exactly (incl. "NaN", "Infinity", "1e-9"); else search.
  const whole = Number(text.replaceAll('\u2212', '-'));
  return Number.isNaN(whole) && text !== 'NaN' ? firstNumber(text) : whole;
}

export const equalsNumber = defineScorer({
  type: 'equals_number',
  optionsSchema: z.strictObject({
    expected: expectedColumnOption,
    tolerance: z.number().nonnegative().default(0),
    // Python's math.isclose default: absorbs binary rounding (0.1 + 0.2 vs 0.3), nothing more.
    relative_tolerance: z.number().nonnegative().default(1e-9),
  }),
  source: 'CODE',
  greaterIsBetter: true,
  create(name, options) {
    return scorerOf(this, name, (ctx) => {
      const rawExpected = expectedOf(ctx.row, options.expected);
      const expected = numberIn(rawExpected);
      if (expected === undefined) {
        throw new ScorerError(`row ${ctx.row.index}: the expected value ${JSON.stringify(asText(rawExpected).slice(0, 100))} is not a number.`);
      }
      const fromValue = typeof ctx.output.value === 'number' ? ctx.output.value : undefined;
      const actual = fromValue ?? numberIn(ctx.output.text);
      if (actual === undefined) return booleanScore(false, `no number in the output (expected ${expected})`);
      const diff = Math.abs(actual - expected);
      const allowed = Math.max(options.relative_tolerance * Math.max(Math.abs(actual), Math.abs(expected)), options.tolerance);
      // `actual === expected` covers ±Infinity, whose difference is NaN; NaN fails both tests.
      if (actual === expected || diff <= allowed) return booleanScore(true);
      return booleanScore(false, `got ${actual}, expected ${expected} (difference ${diff} > allowed ${allowed})`);
    });
  },
});
