/**
 * The scorer registry: YAML `type` → the row scorer module or aggregate metric that implements it.
 * A new scorer kind is one file plus one entry here.
 */
import { customScorer } from '../custom-scorer.ts';
import type { AggregateMetric, ScorerModule } from '../types.ts';
import { accuracy, f1, precision, recall } from './classification.ts';
import { contains, icontains } from './contains.ts';
import { cost } from './cost.ts';
import { embeddingSimilarity } from './embedding-similarity.ts';
import { equalsNumber } from './equals-number.ts';
import { exactMatch } from './exact-match.ts';
import { jsonSchema } from './json-schema.ts';
import { jsonValid } from './json-valid.ts';
import { latencyMs } from './latency-ms.ts';
import { levenshtein } from './levenshtein.ts';
import { llmJudge } from './llm-judge.ts';
import { regex } from './regex.ts';
import { mae, r2, rmse } from './regression.ts';
import { rougeL } from './rouge-l.ts';
import { tokens } from './tokens.ts';

export type ScorerKind = { kind: 'row'; module: ScorerModule } | { kind: 'aggregate'; metric: AggregateMetric };

const ROW_MODULES: readonly ScorerModule[] = [
  exactMatch,
  contains,
  icontains,
  regex,
  jsonValid,
  jsonSchema,
  equalsNumber,
  levenshtein,
  rougeL,
  embeddingSimilarity,
  llmJudge,
  latencyMs,
  tokens,
  cost,
  customScorer,
];

const AGGREGATES: readonly AggregateMetric[] = [accuracy, precision, recall, f1, rmse, mae, r2];

const REGISTRY: ReadonlyMap<string, ScorerKind> = new Map<string, ScorerKind>([
  ...ROW_MODULES.map((module): [string, ScorerKind] => [module.type, { kind: 'row', module }]),
  ...AGGREGATES.map((metric): [string, ScorerKind] => [metric.type, { kind: 'aggregate', metric }]),
]);

/** Every scorer type name, for "did you mean" messages. */
export const SCORER_TYPES: readonly string[] = Object.freeze([...REGISTRY.keys()]);

export function findScorerType(type: string): ScorerKind | undefined {
  return REGISTRY.get(type);
}

export { ScorerConfigError } from './shared.ts';
