/**
 * What the row scorers share: how a value becomes comparable text, where a row's expected answer
 * comes from, `{{placeholder}}` templates over a row, and the option pieces several scorers take.
 */
import { z } from 'zod';
import { ScorerError, type EvalRow, type Score, type ScoreContext, type Scorer, type ScorerModule } from '../types.ts';
import { rowVariable } from '../prompt.ts';

/** A scorer's options that parse but cannot work (a regex that does not compile, a missing module). */
export class ScorerConfigError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ScorerConfigError';
  }
}

/**
 * A scorer module with its options' type carried into `create`. `create` is bound so it may use
 * `this` (the module's source and direction) even when a caller passes the method around.
 */
export function defineScorer<S extends z.ZodType>(module: ScorerModule<S>): ScorerModule<S> {
  return { ...module, create: module.create.bind(module) };
}

/** A Scorer of `module`'s kind named `name`. */
export function scorerOf(module: Pick<ScorerModule, 'source' | 'greaterIsBetter'>, name: string, score: Scorer['score']): Scorer {
  return { name, source: module.source, greaterIsBetter: module.greaterIsBetter, score };
}

/** `expected: <column>`: compare with that input column instead of the row's expected answer. */
export const expectedColumnOption = z.string().min(1).optional();
/** Pass/fail cut for a similarity in [min, max]: passes when the value is at least this. */
export const thresholdOption = (min: number, max: number) => z.number().min(min).max(max).optional();
/** Pass/fail cut for a cost-like value: passes when the value is at most this. */
export const maxOption = z.number().nonnegative().optional();

/**
 * A value as text: strings as they are, scalars printed, structures as JSON. Unicode is put in
 * NFC so that canonically equal text (é as one code point or as e + accent) compares equal.
 */
export function asText(value: unknown): string {
  let text: string;
  if (value === undefined || value === null) text = '';
  else if (typeof value === 'string') text = value;
  else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') text = String(value);
  else text = JSON.stringify(value) ?? '';
  return text.normalize('NFC');
}

/**
 * Case folding for case-insensitive comparison. Upper then lower maps letters whose lowercase
 * alone would not meet (ß → SS → ss matches "STRASSE"; the ﬁ ligature → FI → fi).
 */
export function foldCase(text: string): string {
  return text.toUpperCase().toLowerCase();
}

/** The row's expected answer (or `column`'s value); a row without one cannot be scored. */
export function expectedOf(row: EvalRow, column?: string): unknown {
  const value = column === undefined ? row.expected : row.inputs[column];
  if (value === undefined || value === null) {
    throw new ScorerError(
      column === undefined
        ? `row ${row.index} has no expected value: add an 'expected' column to the dataset (or map one), or set the scorer's 'expected' option to a column name.`
        : `row ${row.index} has no value in column '${column}' (the scorer's 'expected' option); columns: ${Object.keys(row.inputs).join(', ') || '(none)'}.`,
    );
  }
  return value;
}

/** Both sides as text: the target's answer and the expected answer. */
export function textPair(ctx: ScoreContext, column?: string): { output: string; expected: string } {
  return { output: asText(ctx.output.text), expected: asText(expectedOf(ctx.row, column)) };
}

export function booleanScore(passed: boolean, rationale?: string): Score {
  return rationale === undefined ? { value: passed ? 1 : 0, passed } : { value: passed ? 1 : 0, passed, rationale };
}

/** A similarity with a pass/fail verdict when the scorer has a threshold. */
export function thresholdScore(value: number, threshold: number | undefined, rationale?: string): Score {
  const score: Score = { value };
  if (threshold !== undefined) score.passed = value >= threshold;
  if (rationale !== undefined) score.rationale = rationale;
  return score;
}

/** A cost-like value (latency, tokens, dollars) with a verdict when the scorer has a maximum. */
export function boundedScore(value: number | null, max: number | undefined): Score {
  if (value === null) return { value: null, rationale: 'not reported for this row' };
  return max === undefined ? { value } : { value, passed: value <= max };
}

/**
 * Placeholder lookup over a row: `{{expected}}` is the expected answer, `{{input.col}}` and
 * `{{col}}` are input columns, and `{{output}}` the target's answer when `output` is given.
 */
export function rowLookup(row: EvalRow, output?: string): (name: string) => unknown {
  return (name) => {
    if (name === 'output' && output !== undefined) return output;
    if (name === 'expected' && row.expected === undefined) return expectedOf(row, Object.hasOwn(row.inputs, 'expected') ? 'expected' : undefined);
    const value = rowVariable(row, name);
    if (value !== undefined) return value;
    throw new ScorerError(
      `row ${row.index} has no column '${name.replace(/^input\./, '')}' for the template placeholder {{${name}}}; columns: ${Object.keys(row.inputs).join(', ') || '(none)'}.`,
    );
  };
}
