/**
 * `llm_judge`: a rubric prompt through a gateway chat endpoint; the judge answers
 * `{"score": <number>, "rationale": "<text>"}` and nothing else. An answer that is not exactly that
 * (a JSON fence around it is tolerated), or a score outside the scale, is the row's error: a score
 * is never guessed out of prose.
 */
import { z } from 'zod';
import { ScorerError, type ChatMessage } from '../types.ts';
import { defineScorer, rowLookup, ScorerConfigError, scorerOf } from './shared.ts';
import { compileTemplate } from '../prompt.ts';

const optionsSchema = z
  .strictObject({
    endpoint: z.string().min(1),
    /** Placeholders: {{output}}, {{expected}}, {{input.<column>}} or {{<column>}}. */
    rubric: z.string().min(1),
    scale: z
      .tuple([z.number(), z.number()])
      .refine(([min, max]) => min < max, { message: 'scale is [min, max] with min < max' })
      .default([1, 5]),
    pass_at: z.number().optional(),
    temperature: z.number().min(0).max(2).default(0),
  })
  .superRefine((o, ctx) => {
    const [min, max] = o.scale;
    if (o.pass_at !== undefined && (o.pass_at < min || o.pass_at > max)) {
      ctx.addIssue({ code: 'custom', path: ['pass_at'], message: `pass_at must be within the scale [${min}, ${max}]` });
    }
  });

const JudgeAnswer = z.strictObject({ score: z.number(), rationale: z.string() });

/** A whole answer in one ``` or ```json fence; the fence's content is what gets parsed. */
const FENCE = /^```(?:json)?\s*([\s\S]*?)\s*```$/i;

/** The judge's verdict parsed strictly, or ScorerError quoting what the judge said. */
export function parseJudgeAnswer(answer: string, scale: readonly [number, number]): { score: number; rationale: string } {
  const trimmed = answer.trim();
  const body = FENCE.exec(trimmed)?.[1] ?? trimmed;
  const said = (): string => JSON.stringify(answer.slice(0, 200));
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new ScorerError(`the judge did not answer with the JSON {"score": <number>, "rationale": "<text>"}; it said ${said()}`);
  }
  const parsed = JudgeAnswer.safeParse(json);
  if (!parsed.success) {
    const problem = parsed.error.issues.map((i) => `${i.path.join('.') || '(answer)'}: ${i.message}`).join('; ');
    throw new ScorerError(`the judge's JSON is not {"score": <number>, "rationale": "<text>"} (${problem}); it said ${said()}`);
  }
  const [min, max] = scale;
  if (parsed.data.score < min || parsed.data.score > max) {
    throw new ScorerError(`the judge's score ${parsed.data.score} is outside the scale [${min}, ${max}]; it said ${said()}`);
  }
  return parsed.data;
}

function instructions([min, max]: readonly [number, number]): string {
  return (
    `You are an evaluation judge. Grade the response described below on a scale from ${min} (worst) to ${max} (best). ` +
    `Answer with only a JSON object, no other text: {"score": <a number from ${min} to ${max}>, "rationale": "<one or two sentences>"}`
  );
}

export const llmJudge = defineScorer({
  type: 'llm_judge',
  optionsSchema,
  source: 'LLM_JUDGE',
  greaterIsBetter: true,
  create(name, options) {
    const rubric = compileTemplate(options.rubric);
    if (!rubric.variables.includes('output')) {
      throw new ScorerConfigError(`llm_judge scorer '${name}': the rubric has no {{output}} placeholder, so the judge would never see the answer it grades.`);
    }
    const scale = options.scale;
    const passAt = options.pass_at ?? scale[1];
    const system: ChatMessage = { role: 'system', content: instructions(scale) };
    return scorerOf(this, name, async (ctx) => {
      const prompt = rubric.render(rowLookup(ctx.row, ctx.output.text));
      const answer = await ctx.services.chat(options.endpoint, [system, { role: 'user', content: prompt }], {
        temperature: options.temperature,
        signal: ctx.signal,
      });
      const { score, rationale } = parseJudgeAnswer(answer.text, scale);
      return { value: score, passed: score >= passAt, rationale };
    });
  },
});
