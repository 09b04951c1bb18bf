/**
 * MLflow's unified chat, completions and embeddings answers (the OpenAI shapes, which the gateway
 * and every OpenAI-compatible server speak): the text, the usage and the gateway's price header,
 * read the same way by the gateway and OpenAI targets and by the scorers' services.
 */
import { z } from 'zod';
import type { TokenCounts } from '../types.ts';

/** Lower case, as undici's response headers are keyed (the gateway sends `X-MLflow-Gateway-Cost-USD`). */
export const COST_HEADER = 'x-mlflow-gateway-cost-usd';

const count = z.number().nullish();
const usageSchema = z.looseObject({ prompt_tokens: count, completion_tokens: count, total_tokens: count }).nullish();

export const chatResponseSchema = z.looseObject({
  choices: z.array(z.looseObject({ message: z.looseObject({ content: z.string().nullish() }) })).min(1),
  usage: usageSchema,
});

export const completionsResponseSchema = z.looseObject({
  choices: z.array(z.looseObject({ text: z.string().nullish() })).min(1),
  usage: usageSchema,
});

export const embeddingsResponseSchema = z.looseObject({
  data: z.array(z.looseObject({ embedding: z.array(z.number()), index: z.number().optional() })),
  usage: usageSchema,
});

/** `usage` as TokenCounts; undefined when the answer reports none. */
export function tokenCounts(usage: z.output<typeof usageSchema>): TokenCounts | undefined {
  if (!usage) return undefined;
  const input = usage.prompt_tokens ?? undefined;
  const output = usage.completion_tokens ?? undefined;
  if (input === undefined && output === undefined && (usage.total_tokens ?? undefined) === undefined) return undefined;
  const i = input ?? 0;
  const o = output ?? 0;
  return { input_tokens: i, output_tokens: o, total_tokens: usage.total_tokens ?? i + o };
}

/** The gateway's price of the call (USD), when it sent one. */
export function costFromHeaders(headers: Record<string, string | string[] | undefined>): number | undefined {
  const raw = headers[COST_HEADER];
  const v = Array.isArray(raw) ? raw[0] : raw;
  if (v === undefined || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** What a wire answer lacks, for a message: the first issue's path and message. */
export function shapeProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'unexpected shape';
  return `${issue.path.join('.') || '(answer)'}: ${issue.message}`;
}

/** The embeddings in input order (`index` when the server gives it). */
export function embeddingVectors(answer: z.output<typeof embeddingsResponseSchema>): number[][] {
  const data = answer.data.every((d) => d.index !== undefined) ? [...answer.data].sort((a, b) => a.index! - b.index!) : answer.data;
  return data.map((d) => d.embedding);
}
