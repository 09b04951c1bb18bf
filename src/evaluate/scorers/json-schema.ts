/**
 * `json_schema`: the answer is JSON that validates against a JSON Schema (inline `schema`, or
 * `schema_file` relative to the suite's directory, JSON or YAML). The rationale lists every
 * violation with the JSON pointer of the part that failed.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { parseJson } from './json-valid.ts';
import { booleanScore, defineScorer, ScorerConfigError, scorerOf } from './shared.ts';

const optionsSchema = z
  .strictObject({
    schema: z.record(z.string(), z.unknown()).optional(),
    schema_file: z.string().min(1).optional(),
  })
  .refine((o) => (o.schema === undefined) !== (o.schema_file === undefined), {
    message: "give exactly one of 'schema' (the JSON Schema inline) or 'schema_file' (a path relative to the suite file)",
  });

function readSchemaFile(path: string, scorer: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ScorerConfigError(`json_schema scorer '${scorer}': cannot read schema_file ${path}: ${(e as Error).message}`, { cause: e });
  }
  try {
    return /\.ya?ml$/i.test(path) ? (parseYaml(text) as unknown) : (JSON.parse(text) as unknown);
  } catch (e) {
    throw new ScorerConfigError(`json_schema scorer '${scorer}': schema_file ${path} does not parse: ${(e as Error).message}`, { cause: e });
  }
}

function compile(schema: unknown, where: string, scorer: string): ValidateFunction {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    throw new ScorerConfigError(`json_schema scorer '${scorer}': the schema in ${where} must be a JSON object.`);
  }
  // allErrors: the rationale should list every violation, not only the first. Unknown keywords
  // and formats stay errors (Ajv's strict mode): a check the user wrote must not be skipped quietly.
  const ajv = new Ajv({ allErrors: true, strictTypes: false, strictTuples: false, logger: false });
  try {
    return ajv.compile(schema);
  } catch (e) {
    throw new ScorerConfigError(`json_schema scorer '${scorer}': the schema in ${where} is not a valid JSON Schema: ${(e as Error).message}`, { cause: e });
  }
}

function describe(errors: readonly ErrorObject[]): string {
  return errors.map((e) => `${e.instancePath || '(root)'} ${e.message ?? e.keyword}`).join('; ');
}

export const jsonSchema = defineScorer({
  type: 'json_schema',
  optionsSchema,
  source: 'CODE',
  greaterIsBetter: true,
  create(name, options, { baseDir }) {
    const file = options.schema_file === undefined ? undefined : resolve(baseDir, options.schema_file);
    const validate = file === undefined ? compile(options.schema, "'schema'", name) : compile(readSchemaFile(file, name), file, name);
    return scorerOf(this, name, (ctx) => {
      const parsed = parseJson(ctx.output.text);
      if (!parsed.ok) return booleanScore(false, parsed.error);
      return validate(parsed.value) ? booleanScore(true) : booleanScore(false, describe(validate.errors ?? []));
    });
  },
});
