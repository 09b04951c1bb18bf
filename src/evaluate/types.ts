/**
 * The contracts between the parts of an evaluation: a dataset yields rows, a target turns a row
 * into an output, scorers turn (row, output) into scores, aggregates turn all rows into metrics.
 * Each part is a small module behind one of these interfaces, so a new scorer or target is one
 * file plus a registry entry.
 */
import type { z } from 'zod';

/** One dataset row after column mapping. */
export interface EvalRow {
  /** 0-based position in the dataset (stable across repeats and runs: the row's identity). */
  readonly index: number;
  /** Every column of the row, by its (mapped) name; what prompt templates and commands see. */
  readonly inputs: Readonly<Record<string, unknown>>;
  /** The expected answer (the `expected` column after mapping), when the dataset has one. */
  readonly expected?: unknown;
}

/** Token counts as the gateway's unified response reports them. */
export interface TokenCounts {
  input_tokens: number;
  output_tokens: number;
  total_tokens: number;
}

/** A chat message (MLflow's unified chat schema = OpenAI chat completions). */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: string;
}

/** What a target answered for one row. */
export interface TargetOutput {
  /** The answer as text (a chat completion's content, a prediction stringified, a command's stdout). */
  text: string;
  /** The answer as a value: a model server's prediction, a command's parsed JSON; else `text`. */
  value: unknown;
  /** Wall time of the call, as the evaluator measured it (retries included). */
  latencyMs: number;
  usage?: TokenCounts;
  /** USD, from the gateway's pricing (response header `X-MLflow-Gateway-Cost-USD`). */
  costUsd?: number;
}

/** A chat or embeddings endpoint that scorers may call (through the gateway). */
export interface ScorerServices {
  /** One chat completion through a gateway chat endpoint; the answer's text and its usage/cost. */
  chat(endpoint: string, messages: readonly ChatMessage[], options?: { temperature?: number; signal?: AbortSignal }): Promise<TargetOutput>;
  /** Embeddings through a gateway embeddings endpoint, one vector per input. */
  embed(endpoint: string, inputs: readonly string[], options?: { signal?: AbortSignal }): Promise<number[][]>;
}

export interface ScoreContext {
  readonly row: EvalRow;
  readonly output: TargetOutput;
  readonly services: ScorerServices;
  readonly signal: AbortSignal;
}

/**
 * One scorer's verdict on one row. `value` is numeric (booleans as 1/0) or null when the scorer
 * has no number for this row; `passed` is the pass/fail verdict when the scorer has one. A row the
 * scorer could not judge (e.g. a judge answer that does not parse) throws ScorerError instead:
 * that is recorded as the row's error, never turned into a guessed score.
 */
export interface Score {
  value: number | null;
  passed?: boolean;
  rationale?: string;
}

/** Who produced a score, in MLflow's AssessmentSource terms. */
export type ScoreSource = 'CODE' | 'LLM_JUDGE';

export interface Scorer {
  /** Unique within a suite; the metric prefix (`<name>/mean`, `<name>/pass_rate`). */
  readonly name: string;
  readonly source: ScoreSource;
  /** Whether a bigger value is better (drives default thresholds and the report's arrows). */
  readonly greaterIsBetter: boolean;
  score(ctx: ScoreContext): Score | Promise<Score>;
}

/** A scorer kind (`exact_match`, `llm_judge`, ...): its YAML options as a zod schema and a factory. */
export interface ScorerModule<S extends z.ZodType = z.ZodType> {
  readonly type: string;
  /** Options besides the common `type` and `name` keys (a pass/fail `threshold` is a scorer option); strict (unknown keys fail). */
  readonly optionsSchema: S;
  readonly source: ScoreSource;
  readonly greaterIsBetter: boolean;
  create(name: string, options: z.output<S>, context: { baseDir: string }): Scorer | Promise<Scorer>;
}

/** A (prediction, expected) pair for the dataset-level classic metrics. */
export interface PredictionPair {
  predicted: unknown;
  expected: unknown;
}

/** A dataset-level metric family (accuracy/precision/recall/F1, RMSE/MAE/R²). */
export interface AggregateMetric {
  readonly type: string;
  readonly optionsSchema: z.ZodType;
  /** Metric name → value, e.g. `{ accuracy: 0.9, f1/macro: 0.88 }`; pairs whose row failed are not passed in. */
  compute(pairs: readonly PredictionPair[], options: unknown): Record<string, number>;
  /** Direction per metric name this family produces. */
  greaterIsBetter(metric: string): boolean;
}

/** A thrown error that belongs to one row (the row is recorded with it; the evaluation goes on). */
export class ScorerError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ScorerError';
  }
}
